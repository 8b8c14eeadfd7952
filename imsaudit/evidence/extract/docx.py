"""Word documents (DOCX) read straight from their XML with lxml.

python-docx builds an object per run and is ~30x slower than walking
``word/document.xml`` with lxml (extraction-figures.md), and it hides what we need
least abstractly: heading levels (from the style's name or outline level), tables in
body order, content controls. Headers and footers are read too: that is where a
document id and revision usually sit.

Locators: a Word file has no stable pages, so units are placed by heading path and
paragraph number in their section (``section "Scope > Boundaries" paragraph 2``) and
tables by number and row (``table 2 row 3``).
"""

from __future__ import annotations

import logging
import re
from typing import Any

from imsaudit.evidence.extract._builder import ResultBuilder
from imsaudit.evidence.extract._props import read_ooxml_properties
from imsaudit.evidence.extract._tables import header_row
from imsaudit.evidence.extract._xml import local, parse_xml
from imsaudit.evidence.extract._zip import SafeZip
from imsaudit.evidence.extract.base import ExtractContext, register
from imsaudit.evidence.model import Cell, DocumentFormat, ExtractResult, UnitRole

logger = logging.getLogger(__name__)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_NAME = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)


@register("docx", "1", {"docx": DocumentFormat.DOCX, "docm": DocumentFormat.DOCX}, heavy=True)
def extract_docx(data: bytes, context: ExtractContext) -> ExtractResult:
    """Body paragraphs, headings and tables in order; headers, footers; core properties."""
    archive = SafeZip(data, context, "DOCX")
    document = parse_xml(archive.require("word/document.xml", "DOCX"), "word/document.xml")
    used = {s.get(f"{W}val", "") for s in document.iter(f"{W}pStyle")}
    styles = _heading_styles(archive, used)
    builder = ResultBuilder(context)
    read_ooxml_properties(archive, builder, "DOCX")
    for warning in archive.notes():
        builder.warn(warning)
    body = document.find(f"{W}body")
    if body is not None:
        _Walker(builder, styles).block(body)
    for kind, role in (("header", UnitRole.HEADER), ("footer", UnitRole.FOOTER)):
        seen: set[str] = set()
        for name in sorted(n for n in archive.names if re.fullmatch(rf"word/{kind}\d*\.xml", n)):
            part = archive.read(name)
            if part is None:
                continue
            for paragraph in parse_xml(part, name).iter(f"{W}p"):
                text = " ".join(paragraph_text(paragraph).split())
                if text and text not in seen:
                    seen.add(text)
                    builder.text(text, f"page {kind}", role)
    return builder.finish()


_STYLE_END = b"</w:style>"


def _heading_styles(archive: SafeZip, used: set[str]) -> dict[str, int]:
    """Heading level of each style id the document uses (from its name or outline level).

    ``styles.xml`` can be ten times the size of the document (350 KB in files written by
    python-docx), so only the ``w:style`` elements the document uses are cut out and
    parsed; if one cannot be found that way (another namespace prefix), the whole part is.
    """
    data = archive.read("word/styles.xml")
    if data is None or not used:
        return {}
    fragments: list[bytes] = []
    for style_id in sorted(used):
        marker = b'w:styleId="' + style_id.encode("utf-8", "replace") + b'"'
        at = data.find(marker)
        begin = data.rfind(b"<w:style ", 0, at) if at >= 0 else -1
        end = data.find(_STYLE_END, at) if at >= 0 else -1
        if begin < 0 or end < 0:
            fragments = []
            break
        fragments.append(data[begin : end + len(_STYLE_END)])
    if fragments:
        wrapper = b'<w:styles xmlns:w="' + W[1:-1].encode() + b'">' + b"".join(fragments) + b"</w:styles>"
        root = parse_xml(wrapper, "word/styles.xml")
    else:
        root = parse_xml(data, "word/styles.xml")
    levels: dict[str, int] = {}
    for style in root.iter(f"{W}style"):
        style_id = style.get(f"{W}styleId")
        if not style_id or style_id not in used:
            continue
        name_el = style.find(f"{W}name")
        name = name_el.get(f"{W}val", "") if name_el is not None else ""
        match = _HEADING_NAME.match(name.strip())
        if match:
            levels[style_id] = int(match.group(1))
        elif name.strip().lower() == "title":
            levels[style_id] = 1
        else:
            outline = style.find(f"{W}pPr/{W}outlineLvl")
            value = outline.get(f"{W}val", "") if outline is not None else ""
            if value.isdigit() and int(value) < 9:
                levels[style_id] = int(value) + 1
    return levels


def paragraph_text(paragraph: Any) -> str:
    """Text of a ``w:p``: runs, tabs and breaks; deleted text (``w:delText``) is left out."""
    parts: list[str] = []
    for element in paragraph.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}noBreakHyphen"):
        tag = local(element.tag)
        if tag == "t":
            parts.append(element.text or "")
        elif tag == "tab":
            parts.append("\t")
        elif tag == "noBreakHyphen":
            parts.append("-")
        else:
            parts.append("\n")
    return "".join(parts)


class _Walker:
    """Walks the body in order: paragraphs, tables, content controls."""

    def __init__(self, builder: ResultBuilder, styles: dict[str, int]) -> None:
        self.builder = builder
        self.styles = styles
        self.tables = 0

    def block(self, parent: Any) -> None:
        for child in parent:
            if self.builder.full:
                return
            tag = local(child.tag)
            if tag == "p":
                self.paragraph(child)
            elif tag == "tbl":
                self.table(child)
            elif tag in ("sdt", "customXml", "sdtContent", "ins", "moveTo"):
                content = child.find(f"{W}sdtContent")
                self.block(content if content is not None else child)

    def paragraph(self, paragraph: Any) -> None:
        text = paragraph_text(paragraph)
        if not text.strip():
            return
        level = self._level(paragraph)
        if level:
            self.builder.heading(text, level)
        else:
            self.builder.text(text)

    def _level(self, paragraph: Any) -> int:
        properties = paragraph.find(f"{W}pPr")
        if properties is None:
            return 0
        outline = properties.find(f"{W}outlineLvl")
        if outline is not None and (value := outline.get(f"{W}val", "")).isdigit():
            return int(value) + 1 if int(value) < 9 else 0
        style = properties.find(f"{W}pStyle")
        if style is not None:
            return self.styles.get(style.get(f"{W}val", ""), 0)
        return 0

    def table(self, table: Any) -> None:
        self.tables += 1
        number = self.tables
        rows: list[list[Cell]] = []
        locators: list[str] = []
        for index, row in enumerate(table.iterfind(f"{W}tr"), start=1):
            cells: list[Cell] = []
            for cell in row.iterfind(f"{W}tc"):
                texts = [paragraph_text(p).strip() for p in cell.iter(f"{W}p")]
                value = "\n".join(t for t in texts if t)
                cells.append(value or None)
            rows.append(cells)
            locators.append(f"table {number} row {index}")
        keep = [i for i, r in enumerate(rows) if any(c is not None for c in r)]
        rows = [rows[i] for i in keep]
        locators = [locators[i] for i in keep]
        if rows:
            self.builder.table(
                f"table {number}", f"table {number}", rows, locators, header_index=header_row(rows)
            )
