"""HTML pages (intranet exports): headings, text blocks and tables, located by source line.

lxml.html is ~1.5x slower than selectolax (extraction-figures.md) but gives each element
its source line, which is what makes ``line 42`` a locator an auditor can follow, and
lxml is already a dependency. Scripts, styles and comments are dropped; nothing is
fetched (no network, no external entities).
"""

from __future__ import annotations

import logging
from typing import Any

from imsaudit.evidence.extract._builder import ResultBuilder
from imsaudit.evidence.extract._tables import header_row
from imsaudit.evidence.extract.base import ExtractContext, ExtractError, register
from imsaudit.evidence.model import Cell, DocumentFormat, ExtractResult

logger = logging.getLogger(__name__)

_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe", "object"})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCKS = frozenset(
    """p div li dt dd pre blockquote address article aside section main header footer nav
    figure figcaption caption form fieldset legend details summary ul ol dl body hr br tr""".split()
)
_META = {
    "author": "author",
    "description": "description",
    "keywords": "keywords",
    "dc.title": "title",
    "dc.creator": "author",
    "dc.identifier": "identifier",
    "dc.date": "modified",
}


@register("html", "1", {"html": DocumentFormat.HTML, "htm": DocumentFormat.HTML})
def extract_html(data: bytes, context: ExtractContext) -> ExtractResult:
    """Title and meta tags to properties; the body to headings, line-located text and tables."""
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, huge_tree=False)
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ExtractError(f"unreadable HTML ({exc})") from None
    builder = ResultBuilder(context)
    title = root.find(".//title")
    if title is not None and title.text_content().strip():
        builder.prop("title", title.text_content(), "HTML <title>")
    for meta in root.iter("meta"):
        name = (meta.get("name") or "").strip().lower()
        if name in _META and meta.get("content"):
            builder.prop(_META[name], meta.get("content"), f"HTML <meta name={name}>")
        elif name and meta.get("content") and name not in ("viewport", "generator", "robots"):
            builder.prop(name, meta.get("content"), f"HTML <meta name={name}>")
    body = root.find("body")
    walker = _Walker(builder, context.limits.max_depth)
    walker.walk(body if body is not None else root, 0)
    walker.flush()
    return builder.finish()


class _Walker:
    """Depth-first over the body, flushing text at block boundaries with the block's line."""

    def __init__(self, builder: ResultBuilder, max_depth: int) -> None:
        self.builder = builder
        self.max_depth = max_depth
        self.buffer: list[str] = []
        self.line: int | None = None
        self.tables = 0
        self.too_deep = False

    def flush(self) -> None:
        text = " ".join("".join(self.buffer).split())
        if text:
            self.builder.text(text, f"line {self.line}" if self.line else None)
        self.buffer = []
        self.line = None

    def add(self, text: str | None, line: int | None) -> None:
        if text and text.strip():
            if not self.buffer or self.line is None:
                self.line = line
            self.buffer.append(text)
        elif text:
            self.buffer.append(" ")

    def walk(self, element: Any, depth: int) -> None:
        if self.builder.full:
            return
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        if tag in _SKIP:
            return
        line = element.sourceline
        if depth > self.max_depth:
            if not self.too_deep:
                self.too_deep = True
                self.builder.warn(f"HTML nested deeper than {self.max_depth} levels: flattened")
            self.add(element.text_content(), line)
            return
        if tag in _HEADINGS:
            self.flush()
            self.builder.heading(element.text_content(), _HEADINGS[tag], f"line {line}")
            return
        if tag == "table":
            self.flush()
            self.table(element)
            return
        block = tag in _BLOCKS or tag in ("td", "th")
        if block:
            self.flush()
        self.add(element.text, line)
        for child in element:
            self.walk(child, depth + 1)
            self.add(child.tail, child.sourceline if child.sourceline else line)
        if block:
            self.flush()

    def table(self, table: Any) -> None:
        self.tables += 1
        rows: list[list[Cell]] = []
        locators: list[str] = []
        for row in table.iter("tr"):
            cells: list[Cell] = []
            for cell in row:
                if isinstance(cell.tag, str) and cell.tag.lower() in ("td", "th"):
                    cells.append(" ".join(cell.text_content().split()) or None)
            if any(c is not None for c in cells):
                rows.append(cells)
                locators.append(f"line {row.sourceline}")
        if rows:
            name = f"table {self.tables}"
            self.builder.table(name, locators[0], rows, locators, header_index=header_row(rows))
