"""OpenDocument text (ODT): headings, paragraphs, lists and tables from ``content.xml``.

Same shape and locators as DOCX (``section "A > B" paragraph 2``, ``table 1 row 3``),
properties from ``meta.xml`` (user-defined fields included, where a document id often
lives).
"""

from __future__ import annotations

import logging
from typing import Any

from imsaudit.evidence.extract._builder import ResultBuilder
from imsaudit.evidence.extract._props import read_odf_properties
from imsaudit.evidence.extract._tables import header_row
from imsaudit.evidence.extract._xml import local, parse_xml
from imsaudit.evidence.extract._zip import SafeZip
from imsaudit.evidence.extract.base import ExtractContext, register
from imsaudit.evidence.model import Cell, DocumentFormat, ExtractResult

logger = logging.getLogger(__name__)

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
MAX_REPEAT = 64
"""``number-columns-repeated`` can say 16 384 empty cells; more than this are not real data."""


@register("odt", "1", {"odt": DocumentFormat.ODT}, heavy=True)
def extract_odt(data: bytes, context: ExtractContext) -> ExtractResult:
    """Body blocks in order: ``text:h`` headings, ``text:p`` paragraphs, lists, tables."""
    archive = SafeZip(data, context, "ODT")
    content = parse_xml(archive.require("content.xml", "ODT"), "content.xml")
    builder = ResultBuilder(context)
    read_odf_properties(archive, builder, "ODT")
    for warning in archive.notes():
        builder.warn(warning)
    body = content.find(f"{OFFICE}body/{OFFICE}text")
    if body is not None:
        _Walker(builder, context.limits.max_depth).block(body, 0)
    return builder.finish()


def odf_text(element: Any) -> str:
    """Text of a paragraph: spans and links inline, ``text:s`` spaces, tabs, line breaks."""
    parts: list[str] = [element.text or ""]
    for child in element:
        tag = local(child.tag)
        if tag == "s":
            parts.append(" " * min(int(child.get(f"{TEXT}c", "1") or 1), 100))
        elif tag == "tab":
            parts.append("\t")
        elif tag == "line-break":
            parts.append("\n")
        elif tag in ("note", "annotation"):
            pass
        else:
            parts.append(odf_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


class _Walker:
    def __init__(self, builder: ResultBuilder, max_depth: int) -> None:
        self.builder = builder
        self.max_depth = max_depth
        self.tables = 0

    def block(self, parent: Any, depth: int) -> None:
        if depth > self.max_depth:
            self.builder.warn(f"content nested deeper than {self.max_depth} levels: not read")
            return
        for child in parent:
            if self.builder.full:
                return
            tag = local(child.tag)
            if tag == "h":
                level = child.get(f"{TEXT}outline-level", "1")
                self.builder.heading(odf_text(child), int(level) if level.isdigit() else 1)
            elif tag == "p":
                self.builder.text(odf_text(child))
            elif tag in ("list", "list-item", "list-header", "section", "index-body"):
                self.block(child, depth + 1)
            elif tag == "table":
                self.table(child)

    def table(self, table: Any) -> None:
        self.tables += 1
        number = self.tables
        rows: list[list[Cell]] = []
        locators: list[str] = []
        for index, row in enumerate(table.iter(f"{TABLE}table-row"), start=1):
            cells: list[Cell] = []
            for cell in row:
                if local(cell.tag) not in ("table-cell", "covered-table-cell"):
                    continue
                text = "\n".join(odf_text(p).strip() for p in cell.iter(f"{TEXT}p", f"{TEXT}h"))
                repeat = cell.get(f"{TABLE}number-columns-repeated", "1")
                count = min(int(repeat) if repeat.isdigit() else 1, MAX_REPEAT)
                cells.extend([text.strip() or None] * count)
            while cells and cells[-1] is None:
                cells.pop()
            if cells:
                rows.append(cells)
                locators.append(f"table {number} row {index}")
        if rows:
            self.builder.table(
                f"table {number}", f"table {number}", rows, locators, header_index=header_row(rows)
            )
