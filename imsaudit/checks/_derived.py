"""What checks derive from the evidence, computed once per evaluation and shared by all.

Requirements of different packs (and copies of one pack) read the same registers and
documents. Reading a cell (its text, whether it is filled, the date in it), finding a
column by its header aliases, finding a document's dates or a register's ids are facts
about the evidence, not about a check: a ``Derived`` (one per ``EvalContext``) computes
each once, keyed by the piece of evidence it comes from, and every check then does
cheap lookups. That is what makes evaluation grow with the documents rather than with
the requirements.

Nothing here is keyed by a check's parameters or holds a verdict: two requirements
with identical checks still judge twice, each from the same shared facts. A ``Derived``
lives as long as its context, so a cached value can never outlive the evidence it was
read from.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from datetime import date
from functools import cached_property
from typing import Any, TypeVar, cast

from imsaudit.checks._evidence import (
    Row,
    cell_date,
    cell_text,
    cell_values,
    find_column,
    find_date_column,
    text_answer,
)
from imsaudit.evidence.model import Cell, Document, Table

T = TypeVar("T")


class Cells:
    """One column of a register's data rows, each cell read at most once per reading.

    Each reading (text, filled, nil, date, values) is computed for the whole column the
    first time a check asks for it; position ``i`` is the ``i``-th row of ``TableData``.
    """

    def __init__(self, cells: tuple[Cell, ...], days: dict[str, date | None]) -> None:
        self.cells = cells
        self._days = days
        """Cell text -> ``cell_date``, shared by every column of the evaluation (dates repeat)."""

    @cached_property
    def texts(self) -> tuple[str, ...]:
        """``cell_text`` of each cell."""
        return tuple(map(cell_text, self.cells))

    @cached_property
    def _answers(self) -> tuple[tuple[bool, ...], tuple[bool, ...]]:
        answers = list(map(text_answer, self.texts))
        return tuple(filled for filled, _ in answers), tuple(nil for _, nil in answers)

    @property
    def filled(self) -> tuple[bool, ...]:
        """``cell_filled`` of each cell."""
        return self._answers[0]

    @property
    def nil(self) -> tuple[bool, ...]:
        """``cell_nil`` of each cell."""
        return self._answers[1]

    @cached_property
    def dates(self) -> tuple[date | None, ...]:
        """``cell_date`` of each cell."""
        days = self._days
        found: list[date | None] = []
        for cell in self.cells:
            if not isinstance(cell, str):
                found.append(cell_date(cell))
            elif cell in days:
                found.append(days[cell])
            else:
                found.append(days.setdefault(cell, cell_date(cell)))
        return tuple(found)

    @cached_property
    def values(self) -> tuple[frozenset[str], ...]:
        """``cell_values`` of each cell."""
        return tuple(frozenset(cell_values(cell)) for cell in self.cells)

    @cached_property
    def open(self) -> tuple[int, ...]:
        """Positions of the cells that are not filled (``cell_filled`` False), in order.

        Most cells of a kept register are filled: a check looks at the few open ones
        rather than testing every cell.
        """
        return tuple(i for i, filled in enumerate(self.filled) if not filled)

    @cached_property
    def nils(self) -> tuple[int, ...]:
        """Positions of the cells that record a "nothing" (``cell_nil``), in order."""
        return tuple(i for i, nil in enumerate(self.nil) if nil)

    @cached_property
    def chronology(self) -> tuple[list[date], list[int]]:
        """(dates, positions) of the dated cells, sorted by date then position.

        A period is two bisections of the dates; the rows it holds are the positions
        between them (the first of a day is the earliest row of that day).
        """
        dated = sorted((day, i) for i, day in enumerate(self.dates) if day is not None)
        return [day for day, _ in dated], [i for _, i in dated]

    @cached_property
    def undated(self) -> int:
        """How many cells hold no readable date."""
        return len(self.cells) - len(self.chronology[0])


class TableData:
    """A register table read once: its non-empty rows, its columns, its columns found by alias.

    Rows are addressed by position (the ``i``-th non-empty row); a ``Row`` is made only
    for the rows a check names or cites.
    """

    def __init__(self, document: Document, table: Table, days: dict[str, date | None]) -> None:
        self.document = document
        self.table = table
        self._days = days
        kept = [
            (locator, row)
            for locator, row in zip(table.row_locators, table.rows, strict=False)
            if any(map(cell_text, row))
        ]
        self.locators: tuple[str, ...] = tuple(locator for locator, _ in kept)
        """The locator of each row with at least one non-empty cell (rows with none are skipped)."""
        self.values: tuple[tuple[Cell, ...], ...] = tuple(row for _, row in kept)
        """The cells of each of those rows."""
        self._columns: dict[int | None, Cells] = {}
        self._found: dict[tuple[str, ...], int | None] = {}
        self._dated: dict[tuple[str, ...] | None, int | None] = {}

    def __len__(self) -> int:
        return len(self.values)

    def row(self, position: int) -> Row:
        """The ``position``-th non-empty row."""
        return Row(self.document, self.table, self.locators[position], self.values[position])

    def column(self, index: int | None) -> Cells:
        """Column ``index`` of the rows (``Row.cell``: None, or a short row, reads as empty)."""
        found = self._columns.get(index)
        if found is None:
            if index is None:
                cells: tuple[Cell, ...] = (None,) * len(self.values)
            else:
                cells = tuple(row[index] if index < len(row) else None for row in self.values)
            found = self._columns[index] = Cells(cells, self._days)
        return found

    def find(self, aliases: Sequence[str]) -> int | None:
        """``find_column`` of this table, remembered per alias list."""
        key = tuple(aliases)
        if key not in self._found:
            self._found[key] = find_column(self.table, key)
        return self._found[key]

    def find_date(self, aliases: Sequence[str] | None) -> int | None:
        """``find_date_column`` of this table, remembered per alias list."""
        key = tuple(aliases) if aliases is not None else None
        if key not in self._dated:
            self._dated[key] = find_date_column(self.table, key)
        return self._dated[key]


class Derived:
    """The shared readings of one evaluation (see the module docstring)."""

    def __init__(self) -> None:
        self._tables: dict[tuple[int, int], TableData] = {}
        self._header_tables: dict[int, tuple[Document, tuple[Table, ...]]] = {}
        self._memo: dict[tuple[int, Hashable], tuple[object, Any]] = {}
        self._days: dict[str, date | None] = {}

    def table(self, document: Document, table: Table) -> TableData:
        """``table`` of ``document``, read once.

        Keyed by identity; the entry holds both objects, so an id cannot be reused while
        it is cached. The document is part of the key: its rows cite it.
        """
        key = (id(document), id(table))
        found = self._tables.get(key)
        if found is None:
            found = self._tables[key] = TableData(document, table, self._days)
        return found

    def header_tables(self, documents: Iterable[Document]) -> list[tuple[Document, Table]]:
        """Every table with a header row in ``documents``, in document order (found once per document)."""
        found: list[tuple[Document, Table]] = []
        for document in documents:
            entry = self._header_tables.get(id(document))
            if entry is None or entry[0] is not document:
                tables = tuple(t for t in document.tables if any(h.strip() for h in t.header))
                entry = self._header_tables[id(document)] = (document, tables)
            found += [(document, table) for table in entry[1]]
        return found

    def memo(self, owner: object, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, once per ``owner`` and ``key``.

        ``owner`` is the piece of evidence the value is read from (a document, a table,
        the index) and ``key`` says which reading; never a check's verdict. The entry
        holds ``owner``, so its id cannot be reused while it is cached.
        """
        slot = (id(owner), key)
        found = self._memo.get(slot)
        if found is not None and found[0] is owner:
            return cast(T, found[1])
        value = compute()
        self._memo[slot] = (owner, value)
        return value

    def computed(self, owner: object, key: Hashable) -> Any | None:
        """What ``memo`` holds for ``owner`` and ``key`` (computed or preloaded), or None."""
        found = self._memo.get((id(owner), key))
        return found[1] if found is not None and found[0] is owner else None

    def preload(self, owner: object, key: Hashable, value: object) -> None:
        """Take ``value`` as what ``memo`` would compute for ``owner`` and ``key``.

        A re-audit gives back what the previous audit read of an unchanged document it
        keeps without its text (``findings.incremental``); ``owner`` is that document.
        """
        self._memo[(id(owner), key)] = (owner, value)
