"""The scanner's records: what a document says, where, and what kind of evidence it is.

Every later stage reads these and nothing else of the evidence folder, so they are
frozen values: a check cannot change what another check sees, and two runs over the
same folder produce equal models (and byte-identical JSON).

Shape::

    Document                      one file of the evidence folder
    ├── units: TextUnit...        the text, in reading order, each with a locator
    ├── sections: Section...      the heading tree, flattened (path "Scope > Boundaries")
    ├── tables: Table...          registers and tables: header + rows, each row a locator
    ├── metadata: Metadata        normalized document-control fields, each with its source
    └── template: TemplateReport  placeholders left in, and whether it is a template

    EvidenceIndex                 documents + classifications (document -> kinds, with why)

A *locator* is a string an auditor can follow in the original file: ``page 3``,
``line 12``, ``sheet Objectives row 4``, ``section "Scope > Boundaries" paragraph 2``,
``slide 5``, ``table 2 row 3``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from enum import StrEnum
from functools import cached_property
from sys import intern
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictFloat, StrictInt

Cell = StrictBool | StrictInt | StrictFloat | datetime | date | str | None
"""A table cell: spreadsheet dates stay dates; calamine's ``8.0`` is normalized to ``8``."""


class _Frozen(BaseModel):
    """Base: frozen values, unknown fields rejected (a cache from another version fails loudly)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    def __getstate__(self) -> dict[Any, Any]:
        """Pickle (to and from the scan's workers) with one shared set of field names per shape.

        Pydantic keeps a set of the fields given on each instance: 216 bytes, a third of
        a text unit. Frozen instances never change it, so equal sets are pickled as one
        object and come back shared: 10,000 documents fit in far less memory.
        """
        state: dict[Any, Any] = super().__getstate__()
        names = frozenset(state["__pydantic_fields_set__"])
        state["__pydantic_fields_set__"] = _FIELD_SETS.setdefault(names, set(names))
        return state


_FIELD_SETS: dict[frozenset[str], set[str]] = {}

M = TypeVar("M", bound=BaseModel)


def trusted(model: type[M], fields: dict[str, Any], given: set[str]) -> M:
    """A model from values this package validated before, without validating them again.

    For records coming back from the package's own cache entries and worker processes,
    where validation (a 7-way union per table cell) cost more than the rest of the load.
    ``given`` (the fields set) is shared by every instance of a shape.
    """
    made = model.__new__(model)
    object.__setattr__(made, "__dict__", fields)
    object.__setattr__(made, "__pydantic_fields_set__", given)
    object.__setattr__(made, "__pydantic_extra__", None)
    object.__setattr__(made, "__pydantic_private__", None)
    return made


class DocumentFormat(StrEnum):
    """The file formats the scanner reads; ``other`` is a file no extractor reads."""

    MARKDOWN = "markdown"
    TEXT = "text"
    YAML = "yaml"
    JSON = "json"
    CSV = "csv"
    TSV = "tsv"
    XLSX = "xlsx"
    XLS = "xls"
    ODS = "ods"
    DOCX = "docx"
    ODT = "odt"
    PDF = "pdf"
    HTML = "html"
    PPTX = "pptx"
    EMAIL = "email"
    IMAGE = "image"
    OTHER = "other"


class UnitRole(StrEnum):
    """What a text unit is, so checks can look at headings only, or rows only."""

    HEADING = "heading"
    TEXT = "text"
    ROW = "row"
    HEADER = "header"
    FOOTER = "footer"


class TextUnit(_Frozen):
    """A piece of text (a line, a paragraph, a heading, a table row) and where it is."""

    text: str
    locator: str
    role: UnitRole = UnitRole.TEXT
    level: Annotated[int, Field(ge=0, le=9)] = 0
    """Heading level (1 = top); 0 for anything that is not a heading."""
    section: str | None = None
    """Path of the headings above it, ``"Scope > Boundaries"``; None before the first heading."""

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickle (to and from the scan's workers) as five values, not a state dict.

        Every line and row of 10,000 documents crosses from a worker to the main
        process: as values, pickling is ~4x faster and unpickling ~1.5x (no ``__setstate__``).
        """
        return unit_of, (self.text, self.locator, self.role, self.level, self.section)


def unit_of(text: str, locator: str, role: UnitRole, level: int, section: str | None) -> TextUnit:
    """A ``TextUnit`` from values it had before (its pickle, ``TextUnit.__reduce__``; a cache entry).

    Its locator and section are ``shared`` with every equal one of the process.
    """
    fields = {
        "text": text,
        "locator": _interned(locator),
        "role": role,
        "level": level,
        "section": _interned(section),
    }
    return trusted(TextUnit, fields, _UNIT_FIELDS)


def shared(value: Cell) -> Cell:
    """One string object for every equal short string of the process (``sys.intern``), else ``value``.

    The extractors share equal strings within a document; the main process receives
    each document from a worker (or a cache entry) as its own copies. Across 10,000
    documents the same row locators (``sheet Register row 3``), dates, statuses and
    owners repeat: sharing them took about 7 % off an audit's peak memory. Long text
    rarely repeats and is left as it is (interning it would only cost time).
    """
    return intern(value) if type(value) is str and len(value) <= _SHARED_LENGTH else value


_SHARED_LENGTH = 40


def _shared_row(row: Iterable[Cell]) -> tuple[Cell, ...]:
    """``shared`` of each cell, inlined: a call per cell was most of putting a register back."""
    return tuple([intern(v) if type(v) is str and len(v) <= _SHARED_LENGTH else v for v in row])


def _interned(text: str | None) -> str | None:
    """``sys.intern(text)`` for a plain string; anything else (None, a subclass) as it is."""
    return intern(text) if type(text) is str else text


_UNIT_FIELDS = set(TextUnit.model_fields)


class Section(_Frozen):
    """One heading and the units under it (up to the next heading of the same or higher level)."""

    title: str
    level: Annotated[int, Field(ge=1, le=9)]
    path: tuple[str, ...]
    locator: str
    first_unit: int
    """Index of the heading unit in ``Document.units``."""
    end_unit: int
    """Index one past the last unit of the section (subsections included)."""

    @property
    def path_text(self) -> str:
        """``"Scope > Boundaries"``: how locators and messages name the section."""
        return " > ".join(self.path)


class Table(_Frozen):
    """A table or register: a header (possibly empty) and rows of cells, each row a locator."""

    name: str
    """Sheet name for spreadsheets; ``table N`` for tables inside a document; the file name for CSV."""
    locator: str
    header: tuple[str, ...] = ()
    header_locator: str | None = None
    rows: tuple[tuple[Cell, ...], ...] = ()
    """Data rows below the header, each padded to the header width."""
    row_locators: tuple[str, ...] = ()
    truncated: bool = False

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickle (from the scan's workers) as values, to come back with ``shared`` strings."""
        return table_of, (
            self.name,
            self.locator,
            self.header,
            self.header_locator,
            self.rows,
            self.row_locators,
            self.truncated,
        )

    def records(self) -> Iterator[tuple[str, dict[str, Cell]]]:
        """Each row as (locator, {header: value}); columns without a header are ``column N``."""
        names = [h or f"column {i + 1}" for i, h in enumerate(self.header)]
        for locator, row in zip(self.row_locators, self.rows, strict=True):
            width = max(len(names), len(row))
            keys = names + [f"column {i + 1}" for i in range(len(names), width)]
            yield locator, dict(zip(keys, list(row) + [None] * (width - len(row)), strict=True))


def table_of(
    name: str,
    locator: str,
    header: Iterable[str],
    header_locator: str | None,
    rows: Iterable[Iterable[Cell]],
    row_locators: Iterable[str],
    truncated: bool,
    *,
    shared: bool = True,
) -> Table:
    """A ``Table`` from values it had before (its pickle, a cache entry), its cells ``shared`` when asked."""
    fields = {
        "name": name,
        "locator": locator,
        "header": tuple(header),
        "header_locator": header_locator,
        "rows": tuple(map(_shared_row, rows)) if shared else tuple(map(tuple, rows)),
        "row_locators": tuple(map(_interned, row_locators)) if shared else tuple(row_locators),
        "truncated": truncated,
    }
    return trusted(Table, fields, _TABLE_FIELDS)


_TABLE_FIELDS = set(Table.model_fields)


class Property(_Frozen):
    """A raw metadata value as the file states it, before normalization, and where it came from."""

    name: str
    value: str
    source: str
    """``front matter line 3``, ``DOCX core properties``, ``PDF document info``..."""


class Metadata(_Frozen):
    """The normalized document-control fields (see ``imsaudit.core.types.MetadataField``).

    ``sources`` says where each filled field was read, so an auditor can verify it;
    ``rejected`` keeps values that were present but not usable (a placeholder such as
    ``<Name>``, a date that does not parse), because a field filled with ``TBD`` is a
    finding of its own, not a missing field.
    """

    title: str | None = None
    doc_id: str | None = None
    version: str | None = None
    owner: str | None = None
    approved_by: str | None = None
    approved_on: date | None = None
    review_due: date | None = None
    status: str | None = None
    declared_kinds: tuple[str, ...] = ()
    """Kinds the document declares itself (front matter or document property ``kind``)."""
    sources: dict[str, str] = Field(default_factory=dict)
    rejected: dict[str, str] = Field(default_factory=dict)
    """Field -> ``"'TBD' at line 4 is a placeholder"`` or ``"... is not a date"`` (format fixed:
    the ``metadata`` check parses it)."""
    placeholders: dict[str, str] = Field(default_factory=dict)
    """Field -> the template-marker rule its rejected value matched (``tbd``, ``angle-placeholder``)."""

    def get(self, field: str) -> str | date | None:
        """A field by its ``MetadataField`` name."""
        value: Any = getattr(self, field)
        return value  # type: ignore[no-any-return]


class TemplateMarker(_Frozen):
    """One template leftover (``<Company Name>``, ``[insert date]``, ``TBD``) and where it is."""

    text: str
    rule: str
    """Which marker rule matched: ``angle-placeholder``, ``bracket-instruction``, ``tbd``..."""
    locator: str


class TemplateReport(_Frozen):
    """Whether the document is a template (never a record), with the reasons and the markers."""

    is_template: bool = False
    reasons: tuple[str, ...] = ()
    markers: tuple[TemplateMarker, ...] = ()


class ExtractResult(_Frozen):
    """What one extractor read from one file: the cacheable part of a ``Document``."""

    units: tuple[TextUnit, ...] = ()
    sections: tuple[Section, ...] = ()
    tables: tuple[Table, ...] = ()
    properties: tuple[Property, ...] = ()
    pages: int | None = None
    """Pages (PDF), slides (PPTX) or sheets (spreadsheets); None where the format has none."""
    pages_without_text: tuple[int, ...] = ()
    """Pages with no text layer that were not OCRed: their content is unknown."""
    ocr_pages: tuple[int, ...] = ()
    encoding: str | None = None
    warnings: tuple[str, ...] = ()
    error: str | None = None


class Document(_Frozen):
    """One file of the evidence folder, read: the scanner's output and every check's input."""

    path: str
    """Relative to the evidence folder, POSIX separators."""
    sha256: str
    size: int
    format: DocumentFormat
    extractor: str | None = None
    """``name/version`` of the extractor that read it (None when none could)."""
    units: tuple[TextUnit, ...] = ()
    sections: tuple[Section, ...] = ()
    tables: tuple[Table, ...] = ()
    properties: tuple[Property, ...] = ()
    metadata: Metadata = Metadata()
    template: TemplateReport = TemplateReport()
    pages: int | None = None
    pages_without_text: tuple[int, ...] = ()
    ocr_pages: tuple[int, ...] = ()
    encoding: str | None = None
    error: str | None = None
    """One line, or None when the file was read."""
    warnings: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The file name without folders."""
        return self.path.rsplit("/", 1)[-1]

    @property
    def text(self) -> str:
        """All unit texts joined by newlines.

        Made on each call: kept on the document, it would double the memory of ten
        thousand documents.
        """
        return "\n".join(unit.text for unit in self.units)

    @property
    def headings(self) -> tuple[TextUnit, ...]:
        """The heading units, in order."""
        return tuple(u for u in self.units if u.role is UnitRole.HEADING)

    @property
    def text_complete(self) -> bool:
        """True when the whole text was read: no error, no page left without a text layer.

        Checks that judge text must say ``needs_review`` when this is False: an empty
        read of a scanned policy is not evidence that the policy lacks something.
        """
        return self.error is None and not self.pages_without_text

    @property
    def unreadable_reason(self) -> str | None:
        """Why the text is incomplete (one line), or None when ``text_complete``."""
        if self.error is not None:
            return self.error
        if self.pages_without_text:
            return pages_without_text_message(len(self.pages_without_text))
        return None


def pages_without_text_message(count: int) -> str:
    """The warning the issue fixes: ``N pages have no text layer (scanned?)``."""
    if count == 1:
        return "1 page has no text layer (scanned?)"
    return f"{count} pages have no text layer (scanned?)"


class ClassificationSource(StrEnum):
    """How a kind was assigned: scored rules, a declaration in the document, or organization.yaml."""

    RECOGNIZED = "recognized"
    DECLARED = "declared"
    ORGANIZATION = "organization"


class Reason(_Frozen):
    """One rule that contributed to a classification, with its score and where it matched."""

    rule: str
    """``filename``, ``title``, ``heading``, ``phrase``, ``column``, ``declared``, ``organization``,
    ``unreadable`` (a scan without text, recognized by its name alone), ``capped`` (phrases
    found in one part of the document only or in the cells of one that is all tables,
    or a register kind's only in table rows, counted at most ``min_score - 1`` or half
    ``min_score``: a negative score)."""
    detail: str
    """The pattern or phrase, and what it matched."""
    score: int
    locator: str | None = None

    def __str__(self) -> str:
        where = f" at {self.locator}" if self.locator else ""
        return f"{self.rule} {self.detail}{where} ({self.score:+d})"


class Classification(_Frozen):
    """One kind assigned to one document, and why."""

    kind: str
    score: int
    min_score: int
    source: ClassificationSource
    reasons: tuple[Reason, ...]

    @property
    def why(self) -> str:
        """One line for reports: ``score 9 >= 4: title /quality policy/ ... (+4); ...``."""
        if self.source is ClassificationSource.DECLARED:
            return "; ".join(r.detail for r in self.reasons)
        if self.source is ClassificationSource.ORGANIZATION:
            return "; ".join(r.detail for r in self.reasons)
        parts = "; ".join(str(r) for r in self.reasons)
        return f"score {self.score} >= {self.min_score}: {parts}"


class IndexNote(_Frozen):
    """A remark on the classification (a declared kind no selected pack defines...)."""

    path: str
    message: str
    line: int = 0
    """The line of ``path`` it is about (an organization.yaml entry), 0 when none."""


class EvidenceIndex(_Frozen):
    """Documents and the kinds each one is evidence of: the input of every check.

    Templates are classified (a report may say "you have a template of the policy"),
    but ``documents_of`` leaves them out unless asked: a template is never a record.
    """

    documents: tuple[Document, ...]
    """Sorted by path."""
    classifications: dict[str, tuple[Classification, ...]] = Field(default_factory=dict)
    """Document path -> its kinds, sorted by kind id; documents of no kind are absent."""
    kinds: tuple[str, ...] = ()
    """The kind ids classification considered (the selected packs' kinds), sorted."""
    notes: tuple[IndexNote, ...] = ()

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> EvidenceIndex:
        """A copy whose lookups are made again.

        Pydantic copies the cached ones of the original, which would answer from its
        documents and classifications, not the copy's.
        """
        copy = super().model_copy(update=update, deep=deep)
        for name in ("by_path", "_members", "_classified"):
            copy.__dict__.pop(name, None)
        return copy

    @cached_property
    def by_path(self) -> dict[str, Document]:
        """Documents by their relative path."""
        return {d.path: d for d in self.documents}

    @cached_property
    def _members(self) -> dict[str, tuple[tuple[Document, ...], tuple[Document, ...]]]:
        """Kind -> (its documents, templates included; the same without templates), by path.

        Built in one pass over the documents: every check asks ``documents_of``, and a
        scan of all documents per call made evaluation grow with documents x checks.
        """
        every: dict[str, list[Document]] = {}
        for document in self.documents:
            for kind in dict.fromkeys(c.kind for c in self.classifications.get(document.path, ())):
                every.setdefault(kind, []).append(document)
        return {
            kind: (tuple(found), tuple(d for d in found if not d.template.is_template))
            for kind, found in every.items()
        }

    @cached_property
    def _classified(self) -> dict[tuple[str, str], Classification]:
        """(path, kind) -> the classification, the first of that kind (as ``classification`` finds it)."""
        found: dict[tuple[str, str], Classification] = {}
        for path, classifications in self.classifications.items():
            for c in classifications:
                found.setdefault((path, c.kind), c)
        return found

    def kinds_of(self, path: str) -> tuple[Classification, ...]:
        """The classifications of one document (empty when it is of no kind)."""
        return self.classifications.get(path, ())

    def documents_of(self, kind: str, *, include_templates: bool = False) -> tuple[Document, ...]:
        """Documents classified as ``kind``, sorted by path; templates only when asked."""
        every, real = self._members.get(kind, ((), ()))
        return every if include_templates else real

    def classification(self, path: str, kind: str) -> Classification | None:
        """Why ``path`` is of ``kind``, or None if it is not."""
        return self._classified.get((path, kind))
