"""JSON files: every scalar a ``key: value`` unit, lists of objects as tables.

The standard library parser keeps no positions, so the line of each key is found by
searching its quoted text forward from the previous one: cheap, monotonic, and exact
for the usual pretty-printed export.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from imsaudit.evidence.extract._builder import ResultBuilder
from imsaudit.evidence.extract._text import decode_text
from imsaudit.evidence.extract._tree import TreeWalker
from imsaudit.evidence.extract.base import ExtractContext, ExtractError, register
from imsaudit.evidence.model import DocumentFormat, ExtractResult

logger = logging.getLogger(__name__)


class _Lines:
    """Finds each key's line by scanning forward through the source text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.position = 0
        self.line = 1

    def __call__(self, container: Any, key: Any, fallback: int) -> int:
        if isinstance(container, dict):
            needle = json.dumps(str(key), ensure_ascii=False)
        else:
            item = container[key]
            if isinstance(item, dict | list):
                needle = "{" if isinstance(item, dict) else "["
            else:
                try:
                    needle = json.dumps(item, ensure_ascii=False)
                except (TypeError, ValueError):
                    return fallback
        found = self.text.find(needle, self.position)
        if found < 0:
            return fallback
        self.line += self.text.count("\n", self.position, found)
        self.position = found + 1
        return self.line


@register("json", "1", {"json": DocumentFormat.JSON})
def extract_json(data: bytes, context: ExtractContext) -> ExtractResult:
    """Parse, then walk: properties from top-level scalars, units, tables."""
    builder = ResultBuilder(context)
    text, encoding = decode_text(data, builder.warn)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ExtractError(f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    lines = _Lines(text)
    walker = TreeWalker(builder, lines, "JSON", context.limits.max_depth)
    walker.properties(document)
    lines.position, lines.line = 0, 1
    walker.walk(document, "", 1, 0)
    return builder.finish(encoding=encoding)
