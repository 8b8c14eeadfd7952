"""YAML files: every scalar a ``key: value`` unit at its ``line N``, lists of mappings as tables.

ruamel.yaml's round-trip loader keeps the line of every key and item (so locators are
exact) and constructs no Python objects from tags.
"""

from __future__ import annotations

import logging
from typing import Any

from imsaudit.evidence.extract._builder import ResultBuilder
from imsaudit.evidence.extract._text import decode_text
from imsaudit.evidence.extract._tree import TreeWalker
from imsaudit.evidence.extract.base import ExtractContext, ExtractError, register
from imsaudit.evidence.model import DocumentFormat, ExtractResult

logger = logging.getLogger(__name__)


def _line_of(container: Any, key: Any, fallback: int) -> int:
    lc: Any = getattr(container, "lc", None)
    try:
        position = lc.key(key) if isinstance(container, dict) else lc.item(key)
        return int(position[0]) + 1
    except (AttributeError, KeyError, TypeError, IndexError):
        return fallback


@register("yaml", "1", {"yaml": DocumentFormat.YAML, "yml": DocumentFormat.YAML})
def extract_yaml(data: bytes, context: ExtractContext) -> ExtractResult:
    """Each YAML document walked in order; the first one's top-level scalars are properties."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    text, encoding = decode_text(data)
    builder = ResultBuilder(context)
    yaml = YAML(typ="rt", pure=True)
    try:
        documents = list(yaml.load_all(text))
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "syntax error"
        raise ExtractError(f"invalid YAML{where}: {problem}") from None
    walker = TreeWalker(builder, _line_of, "YAML", context.limits.max_depth)
    for index, document in enumerate(documents):
        if index == 0:
            walker.properties(document)
        walker.walk(document, "", 1, 0)
    return builder.finish(encoding=encoding)
