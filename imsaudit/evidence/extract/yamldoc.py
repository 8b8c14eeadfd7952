"""YAML files: every scalar a ``key: value`` unit at its ``line N``, lists of mappings as tables.

ruamel.yaml's round-trip loader keeps the line of every key and item (so locators are
exact) and constructs no Python objects from tags.

It is pure Python (~150 KB/s) and its scanner is quadratic in the depth of flow
collections (``[[[[...`` 1 500 deep takes 4 s), so two cheap checks come first: a file
over ``Limits.max_yaml_bytes`` or nested deeper than ``max_depth`` in flow style is read
as plain lines (its text still counts for recognition; its structure is not parsed).
Aliases that would expand past the walk budget (a "billion laughs") are read once.
"""

from __future__ import annotations

import logging
import warnings
from typing import Any

from imsaudit.core.trees import flow_depth
from imsaudit.evidence.extract._builder import ResultBuilder
from imsaudit.evidence.extract._text import clip_lines, decode_text
from imsaudit.evidence.extract._tree import TreeWalker
from imsaudit.evidence.extract.base import ExtractContext, ExtractError, register
from imsaudit.evidence.extract.plaintext import add_lines
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

    builder = ResultBuilder(context)
    text, encoding = decode_text(data, builder.warn)
    limits = context.limits
    reason = None
    if len(data) > limits.max_yaml_bytes:
        reason = f"YAML file of {len(data):,} bytes, over the {limits.max_yaml_bytes:,} byte limit"
    elif flow_depth(text, limits.max_depth) > limits.max_depth:
        reason = f"YAML nested deeper than {limits.max_depth} levels"
    if reason is not None:
        builder.warn(f"{reason}: read as plain lines (structure not parsed)")
        add_lines(builder, clip_lines(text.split("\n"), builder))
        return builder.finish(encoding=encoding)
    yaml = YAML(typ="rt", pure=True)
    try:
        with warnings.catch_warnings():  # a reused anchor: the later one wins, nothing to report
            warnings.simplefilter("ignore")
            documents = list(yaml.load_all(text))
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "syntax error"
        raise ExtractError(f"invalid YAML{where}: {problem}") from None
    walker = TreeWalker(builder, _line_of, "YAML", limits.max_depth)
    walker.check_aliases(documents)
    for index, document in enumerate(documents):
        if index == 0:
            walker.properties(document)
        walker.walk(document, "", 1, 0)
    return builder.finish(encoding=encoding)
