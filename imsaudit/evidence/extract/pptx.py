"""Slide decks (PPTX): each slide's title as a heading, its text and tables, ``slide N``.

Read from the slide XML with lxml in presentation order (``ppt/presentation.xml``), the
same way as DOCX and for the same reason (python-pptx is an object per run). A
management review is often only a deck: its slide titles are its sections.
"""

from __future__ import annotations

import logging
import posixpath
from typing import Any

from imsaudit.evidence.extract._builder import ResultBuilder
from imsaudit.evidence.extract._props import read_ooxml_properties
from imsaudit.evidence.extract._tables import header_row
from imsaudit.evidence.extract._xml import local, parse_xml
from imsaudit.evidence.extract._zip import SafeZip
from imsaudit.evidence.extract.base import ExtractContext, register
from imsaudit.evidence.model import Cell, DocumentFormat, ExtractResult

logger = logging.getLogger(__name__)

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


@register("pptx", "1", {"pptx": DocumentFormat.PPTX, "pptm": DocumentFormat.PPTX}, heavy=True)
def extract_pptx(data: bytes, context: ExtractContext) -> ExtractResult:
    """Slides in order: title placeholder as heading, other text as units, tables."""
    archive = SafeZip(data, context, "PPTX")
    builder = ResultBuilder(context)
    read_ooxml_properties(archive, builder, "PPTX")
    for warning in archive.notes():
        builder.warn(warning)
    slides = _slide_parts(archive)
    limit = min(len(slides), context.limits.max_pages)
    if len(slides) > limit:
        builder.warn(f"{len(slides):,} slides; only the first {limit:,} were read (limit)")
    tables = 0
    for number, part in enumerate(slides[:limit], start=1):
        if builder.full:
            break
        content = archive.read(part)
        if content is None:
            builder.warn(f"slide {number} is missing ({part})")
            continue
        tables = _slide(builder, parse_xml(content, part), number, tables)
    return builder.finish(pages=len(slides))


def _slide_parts(archive: SafeZip) -> list[str]:
    """Slide part names in presentation order."""
    presentation = parse_xml(archive.require("ppt/presentation.xml", "PPTX"), "ppt/presentation.xml")
    rels_data = archive.read("ppt/_rels/presentation.xml.rels")
    targets: dict[str, str] = {}
    if rels_data is not None:
        for rel in parse_xml(rels_data, "ppt/_rels/presentation.xml.rels").iter(f"{REL}Relationship"):
            target = rel.get("Target", "")
            targets[rel.get("Id", "")] = posixpath.normpath(
                target.lstrip("/") if target.startswith("/") else posixpath.join("ppt", target)
            )
    parts = []
    for slide_id in presentation.iter(f"{P}sldId"):
        target = targets.get(slide_id.get(f"{R}id", ""))
        if target:
            parts.append(target)
    return parts


def _shape_text(body: Any) -> list[str]:
    lines = []
    for paragraph in body.iter(f"{A}p"):
        text = "".join(
            (t.text or "") if local(t.tag) == "t" else "\n" for t in paragraph.iter(f"{A}t", f"{A}br")
        )
        if text.strip():
            lines.append(text)
    return lines


def _slide(builder: ResultBuilder, slide: Any, number: int, tables: int) -> int:
    where = f"slide {number}"
    title: list[str] = []
    others: list[Any] = []
    for shape in slide.iter(f"{P}sp", f"{P}graphicFrame"):
        placeholder = shape.find(f".//{P}nvPr/{P}ph")
        kind = placeholder.get("type", "") if placeholder is not None else ""
        body = shape.find(f"{P}txBody")
        if kind in ("title", "ctrTitle") and body is not None:
            title.extend(_shape_text(body))
        else:
            others.append(shape)
    builder.heading(" ".join(title) if title else f"Slide {number}", 1, where)
    for shape in others:
        if local(shape.tag) == "sp":
            body = shape.find(f"{P}txBody")
            for line in _shape_text(body) if body is not None else ():
                builder.text(line, where)
        else:
            for table in shape.iter(f"{A}tbl"):
                tables += 1
                rows: list[list[Cell]] = []
                for row in table.iter(f"{A}tr"):
                    rows.append(
                        [" ".join(" ".join(_shape_text(c)).split()) or None for c in row.iter(f"{A}tc")]
                    )
                locators = [f"slide {number} table row {i}" for i in range(1, len(rows) + 1)]
                if rows:
                    builder.table(f"table {tables}", where, rows, locators, header_index=header_row(rows))
    return tables
