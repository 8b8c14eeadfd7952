"""Plain text (``.txt``): encoding detected, one unit per non-empty line, located by line.

Line units keep every locator exact (``line 12``); phrase rules still match across line
breaks because classification joins units with spaces. Headings are guessed from
strong signals only (``4.2 Scope``, ALL CAPS, setext underlines).
"""

from __future__ import annotations

import logging

from imsaudit.evidence.extract._builder import ResultBuilder
from imsaudit.evidence.extract._text import add_line, clip_lines, decode_text, setext_level
from imsaudit.evidence.extract.base import ExtractContext, register
from imsaudit.evidence.model import DocumentFormat, ExtractResult

logger = logging.getLogger(__name__)


@register(
    "text",
    "1",
    {"txt": DocumentFormat.TEXT, "text": DocumentFormat.TEXT, "log": DocumentFormat.TEXT},
)
def extract_text(data: bytes, context: ExtractContext) -> ExtractResult:
    """Decode, then one unit per line; headings from numbering, capitals or underlines."""
    builder = ResultBuilder(context)
    text, encoding = decode_text(data, builder.warn)
    add_lines(builder, clip_lines(text.split("\n"), builder))
    return builder.finish(encoding=encoding)


def add_lines(builder: ResultBuilder, lines: list[str], first_line: int = 1, label: str = "line") -> None:
    """Lines as units located ``line N`` (``label N``); shared with formats that fall back to plain lines."""
    skip_next = False
    for index, line in enumerate(lines):
        if builder.full:
            break
        if skip_next:
            skip_next = False
            continue
        if not line.strip():
            continue
        where = f"{label} {index + first_line}"
        level = setext_level(lines[index + 1]) if index + 1 < len(lines) else None
        if level is not None and len(line.strip()) <= 100:
            builder.heading(line, level, where)
            skip_next = True
            continue
        add_line(builder, line, where)
