"""Builds an ``ExtractResult`` as an extractor walks a file: units, the heading tree, tables.

Records are validated as they are made (pydantic-core validates a unit in ~1.4 µs,
faster than ``model_construct``'s ~2.7 µs), so an extractor bug fails loudly. Table rows
are the exception: their units are made of values the builder itself produced (``row_unit``).

Every extractor needs the same bookkeeping (section paths under the current heading,
closing sections when a heading of the same level comes, the unit limit); keeping it
here means a heading means the same thing in a DOCX, a Markdown file and a PDF.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from imsaudit.evidence.extract.base import ExtractContext
from imsaudit.evidence.model import (
    Cell,
    ExtractResult,
    Property,
    Section,
    Table,
    TextUnit,
    UnitRole,
    trusted,
)

logger = logging.getLogger(__name__)


@dataclass
class _OpenSection:
    title: str
    level: int
    path: tuple[str, ...]
    locator: str
    first_unit: int
    joined: str
    """``" > ".join(path)``, made once: every unit of the section shares this one string
    (pickle keeps the sharing), instead of a copy each (~60 bytes a unit at 10,000 documents)."""


class ResultBuilder:
    """Collects units, sections, tables, properties and warnings for one file."""

    def __init__(self, context: ExtractContext) -> None:
        self.context = context
        self.units: list[TextUnit] = []
        self.tables: list[Table] = []
        self.properties: list[Property] = []
        self.warnings: list[str] = []
        self._sections: list[Section] = []
        self._stack: list[_OpenSection] = []
        self._cells: dict[str, str] = {}
        self._paragraphs_in_section = 0
        self._paragraphs_before_headings = 0
        self.full = False
        """True once ``max_units`` is reached: extractors may stop walking."""
        self._clipped = 0
        self._first_clip: tuple[str, int] | None = None

    # ------------------------------------------------------------------ text

    @property
    def section_path(self) -> str | None:
        """The current heading path, ``"Scope > Boundaries"``, or None before any heading."""
        return self._stack[-1].joined if self._stack else None

    def clip(self, text: str, locator: str | None = None) -> str:
        """``text`` cut at ``max_unit_chars``, the cut counted for the document's one warning.

        Extractors call it on raw lines before parsing them (a 50 MB Markdown line would
        cost markdown-it seconds and hundreds of MB); ``text`` and ``heading`` call it on
        everything else, before splitting on whitespace (which would cost ~7 strings per
        word of a giant paragraph).
        """
        limit = self.context.limits.max_unit_chars
        if len(text) <= limit:
            return text
        self._clipped += 1
        if self._first_clip is None:
            self._first_clip = (locator or self._next_locator_hint(), len(text))
        return text[:limit]

    def _next_locator_hint(self) -> str:
        if self._stack:
            return f'a paragraph of section "{self.section_path}"'
        return "a paragraph"

    def _add(self, unit: TextUnit) -> bool:
        if len(self.units) >= self.context.limits.max_units:
            if not self.full:
                self.full = True
                self.warnings.append(f"text truncated after {self.context.limits.max_units:,} units (limit)")
            return False
        self.units.append(unit)
        return True

    def heading(self, text: str, level: int, locator: str | None = None) -> None:
        """A heading: closes open sections of the same or a deeper level, opens its own."""
        title = " ".join(self.clip(text, locator).split())
        if not title:
            return
        level = max(1, min(level, 9))
        while self._stack and self._stack[-1].level >= level:
            self._close(self._stack.pop())
        path = (*(s.title for s in self._stack), title)
        joined = " > ".join(path)
        where = locator or f'section "{joined}"'
        index = len(self.units)
        if not self._add(
            TextUnit(
                text=title,
                locator=where,
                role=UnitRole.HEADING,
                level=level,
                section=joined,
            )
        ):
            return
        self._stack.append(_OpenSection(title, level, path, where, index, joined))
        self._paragraphs_in_section = 0

    def text(self, text: str, locator: str | None = None, role: UnitRole = UnitRole.TEXT) -> None:
        """A unit of body text; without a locator it is placed by section and paragraph number."""
        content = " ".join(self.clip(text, locator).split())
        if not content:
            return
        if locator is None:
            locator = self.paragraph_locator()
        self._add(TextUnit(text=content, locator=locator, role=role, section=self.section_path))

    def paragraph_locator(self) -> str:
        """``section "A > B" paragraph 2`` or ``paragraph 3`` (before any heading); counts one."""
        if self._stack:
            self._paragraphs_in_section += 1
            return f'section "{self.section_path}" paragraph {self._paragraphs_in_section}'
        self._paragraphs_before_headings += 1
        return f"paragraph {self._paragraphs_before_headings}"

    # ------------------------------------------------------------------ tables

    def table(
        self,
        name: str,
        locator: str,
        rows: Sequence[Sequence[Cell]],
        row_locators: Sequence[str],
        *,
        header_index: int | None,
        truncated: bool = False,
        emit_units: bool = True,
    ) -> None:
        """A table; ``header_index`` is the header row's index in ``rows`` (None: no header).

        Rows above the header (a title, a document-control block) stay text units but are
        not records. Each row also becomes a ``row`` unit so phrase rules see table text.
        """
        if emit_units:
            # ``text`` for each row, inlined: a register's rows are most of the units of
            # an audit, and the values are made here (a row's text, its locator, the
            # section's shared path), so the unit is made without validating them again.
            limit = self.context.limits.max_unit_chars
            section = self.section_path
            for cells, where in zip(rows, row_locators, strict=True):
                text = row_text(cells)
                if len(text) > limit:
                    text = self.clip(text, where)
                content = " ".join(text.split())
                if content:
                    self._add(row_unit(content, where, section))
        if header_index is None:
            header: tuple[str, ...] = ()
            header_locator = None
            body = list(rows)
            body_locators = list(row_locators)
        else:
            header = tuple(cell_text(c) for c in rows[header_index])
            header_locator = row_locators[header_index]
            body = list(rows[header_index + 1 :])
            body_locators = list(row_locators[header_index + 1 :])
        width = max([len(header), *(len(r) for r in body)], default=0)
        header = header + ("",) * (width - len(header)) if header else header
        # Registers repeat their values (a status, an owner, a date): one string object per
        # value, shared by every row (pickle keeps the sharing), holds 10,000 documents'
        # tables in less memory than a copy per cell.
        same = self._cells
        padded = tuple(
            tuple([same.setdefault(c, c) if type(c) is str else c for c in r] + [None] * (width - len(r)))
            for r in body
        )
        # Cells come from normalize_cell / scalar, already Cells: validating them again
        # through the Cell union cost 0.6 µs each, 40 % of reading a 500-row CSV.
        self.tables.append(
            Table.model_construct(
                name=name,
                locator=locator,
                header=header,
                header_locator=header_locator,
                rows=padded,
                row_locators=tuple(body_locators),
                truncated=truncated,
            )
        )

    # ------------------------------------------------------------------ the rest

    def prop(self, name: str, value: object, source: str) -> None:
        """A raw metadata value (document property, front matter key, PDF info entry)."""
        text = " ".join(str(value).split()) if value is not None else ""
        if text:
            self.properties.append(Property(name=name.strip(), value=text, source=source))

    def warn(self, message: str) -> None:
        """A warning on the document (a limit reached, a part skipped)."""
        if message not in self.warnings:
            self.warnings.append(message)

    def _clip_warning(self, where: str, length: int) -> str:
        limit = self.context.limits.max_unit_chars
        if self._clipped == 1:
            return f"{where} is {length:,} characters long: cut at {limit:,} (limit)"
        return (
            f"{self._clipped:,} texts were longer than {limit:,} characters: cut at the limit"
            f" (first: {where}, {length:,} characters)"
        )

    def _close(self, section: _OpenSection) -> None:
        self._sections.append(
            Section(
                title=section.title,
                level=section.level,
                path=section.path,
                locator=section.locator,
                first_unit=section.first_unit,
                end_unit=len(self.units),
            )
        )

    def finish(
        self,
        *,
        pages: int | None = None,
        pages_without_text: Sequence[int] = (),
        ocr_pages: Sequence[int] = (),
        encoding: str | None = None,
    ) -> ExtractResult:
        """The result: sections in document order, everything frozen."""
        while self._stack:
            self._close(self._stack.pop())
        if self._first_clip is not None:
            self.warn(self._clip_warning(*self._first_clip))
        return ExtractResult(
            units=tuple(self.units),
            sections=tuple(sorted(self._sections, key=lambda s: s.first_unit)),
            tables=tuple(self.tables),
            properties=tuple(self.properties),
            pages=pages,
            pages_without_text=tuple(pages_without_text),
            ocr_pages=tuple(ocr_pages),
            encoding=encoding,
            warnings=tuple(self.warnings),
        )


def cell_text(value: Cell) -> str:
    """A cell as text: dates ISO, integers without ``.0``, None empty."""
    if type(value) is str:
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, date):
        return value.isoformat()
    return " ".join(str(value).split())


def row_text(cells: Sequence[Cell]) -> str:
    """A row as one line, non-empty cells joined by `` | ``."""
    texts = [c if type(c) is str else cell_text(c) for c in cells]
    return " | ".join([t for t in texts if t])


_ROW_FIELDS = {"text", "locator", "role", "section"}
"""The fields a row unit is given (``level`` keeps its default), one set for all of them."""


def row_unit(text: str, locator: str, section: str | None) -> TextUnit:
    """A table row's ``TextUnit``, as ``TextUnit(text=..., role=ROW, ...)`` validates it."""
    fields = {"text": text, "locator": locator, "role": UnitRole.ROW, "level": 0, "section": section}
    return trusted(TextUnit, fields, _ROW_FIELDS)
