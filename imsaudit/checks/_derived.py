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

from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass
from datetime import date
from functools import cached_property, partial
from itertools import accumulate
from typing import Any, Generic, TypeVar, cast, overload

from pydantic import BaseModel, ConfigDict

from imsaudit.checks._evidence import (
    Row,
    cell_date,
    cell_text,
    cell_values,
    find_column,
    find_date_column,
    text_answer,
)
from imsaudit.core.errors import InputError, Problem
from imsaudit.evidence.model import Cell, Document, Table

T = TypeVar("T")


class Cells:
    """One column of a register's data rows, each cell read at most once per reading.

    Each reading (text, filled, nil, date, values) is computed for the whole column the
    first time a check asks for it; position ``i`` is the ``i``-th row of ``TableData``.
    """

    def __init__(self, cells: tuple[Cell, ...], days: dict[str, date | None]) -> None:
        self._cells = cells
        self._days = days
        """Cell text -> ``cell_date``, shared by every column of the evaluation (dates repeat)."""
        self._values: dict[int, frozenset[str]] = {}

    @property
    def cells(self) -> tuple[Cell, ...]:
        """The cells, one per row."""
        return self._cells

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

    def value(self, position: int) -> frozenset[str]:
        """``values[position]``, read alone: a check that stops at the rows it needs reads no more."""
        if "values" in self.__dict__:  # all read already
            return self.values[position]
        found = self._values.get(position)
        if found is None:
            found = self._values[position] = frozenset(cell_values(self.cells[position]))
        return found

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

    def readings(self) -> set[str]:
        """Which readings of the column were made from its cells (what a state keeps: ``StoredColumn``)."""
        made = self.__dict__
        return {name for name in ("texts", "dates", "chronology") if name in made} | (
            {"answers"} if "_answers" in made else set()
        )


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
        self._locators: tuple[str, ...] = tuple(locator for locator, _ in kept)
        self._values: tuple[tuple[Cell, ...], ...] = tuple(row for _, row in kept)
        self._columns: dict[int | None, Cells] = {}
        self._found: dict[tuple[str, ...], int | None] = {}
        self._dated: dict[tuple[str, ...] | None, int | None] = {}

    @property
    def locators(self) -> tuple[str, ...]:
        """The locator of each row with at least one non-empty cell (rows with none are skipped)."""
        return self._locators

    @property
    def values(self) -> tuple[tuple[Cell, ...], ...]:
        """The cells of each of those rows."""
        return self._values

    def __len__(self) -> int:
        return len(self._values)

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


# --------------------------------------------------------------------------- kept registers


class StoredColumn(BaseModel):
    """What an audit read of one register column, as a re-audit's state keeps it.

    Only what was read is kept (None, or absent positions: not read). ``open`` and
    ``nils`` are the column's answers; ``days`` and ``positions`` its chronology, each
    as differences from the previous item (sorted, so they are small and compress);
    ``texts`` and ``dates`` the cells of the rows a message may name (those that leave
    a column of the table open or answer "None").
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    open: tuple[int, ...] | None = None
    nils: tuple[int, ...] | None = None
    days: tuple[int, ...] | None = None
    positions: tuple[int, ...] | None = None
    texts: dict[int, str] = {}
    dates: dict[int, date | None] = {}

    @classmethod
    def of(cls, cells: Cells, named: Set[int]) -> StoredColumn | None:
        """What ``cells`` has read so far (``named``: the positions whose cells to keep), or None."""
        read = cells.readings()
        if not read:
            return None
        fields: dict[str, Any] = {}
        if "answers" in read:
            fields.update(open=cells.open, nils=cells.nils)
        if "chronology" in read:
            days, positions = cells.chronology
            fields.update(days=_deltas([d.toordinal() for d in days]), positions=_deltas(positions))
        if "texts" in read:
            texts = cells.texts
            fields["texts"] = {i: texts[i] for i in named if i < len(texts)}
        if "dates" in read:
            dates = cells.dates
            fields["dates"] = {i: dates[i] for i in named if i < len(dates)}
        return cls(**fields)

    def merged(self, newer: StoredColumn) -> StoredColumn:
        """This column with what ``newer`` (read later, from the same cells) adds."""
        return StoredColumn(
            open=newer.open if newer.open is not None else self.open,
            nils=newer.nils if newer.nils is not None else self.nils,
            days=newer.days if newer.days is not None else self.days,
            positions=newer.positions if newer.positions is not None else self.positions,
            texts={**self.texts, **newer.texts},
            dates={**self.dates, **newer.dates},
        )


class StoredTable(BaseModel):
    """What an audit read of one register table: its size, its columns, its shared readings."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rows: int
    """Rows with at least one non-empty cell (``len(TableData)``)."""
    columns: dict[int, StoredColumn] = {}
    readings: dict[str, dict[int, Any]] = {}
    """Reading name -> column -> a ``Derived.memo`` value of the table, encoded (``READINGS``)."""

    def merged(self, newer: StoredTable | None) -> StoredTable:
        if newer is None:
            return self
        columns = dict(self.columns)
        for index, column in newer.columns.items():
            columns[index] = columns[index].merged(column) if index in columns else column
        readings = {name: dict(values) for name, values in self.readings.items()}
        for name, values in newer.readings.items():
            readings.setdefault(name, {}).update(values)
        return StoredTable(rows=newer.rows, columns=columns, readings=readings)


@dataclass(frozen=True)
class Reading:
    """How a ``Derived.memo`` reading of a table column is kept in a state (JSON values)."""

    encode: Callable[[Any], Any]
    decode: Callable[[Any], Any]


READINGS: dict[str, Reading] = {}
"""Readings of a table column (memo key ``(name, column)``) that a state keeps; the check
module that reads one registers it (``linked``)."""


def _deltas(values: Sequence[int]) -> tuple[int, ...]:
    previous = 0
    found = []
    for value in values:
        found.append(value - previous)
        previous = value
    return tuple(found)


class _Once(Generic[T]):
    """``make()``, made on the first call and kept."""

    def __init__(self, make: Callable[[], T]) -> None:
        self._make = make
        self.value: T | None = None

    def __call__(self) -> T:
        if self.value is None:
            self.value = self._make()
        return self.value


class _Flags(Sequence[bool]):
    """``filled`` or ``nil`` of a column from the positions where it is not (or is) so."""

    def __init__(self, positions: Set[int], length: int, inside: bool) -> None:
        self._positions = positions
        self._length = length
        self._inside = inside

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> bool: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[bool]: ...
    def __getitem__(self, index: int | slice) -> bool | Sequence[bool]:
        if isinstance(index, slice):
            return tuple(self)[index]
        if not -self._length <= index < self._length:
            raise IndexError(index)
        return (index % self._length in self._positions) is self._inside


class _Known(Sequence[T]):
    """A column's texts or dates: those of the positions kept, the rest from the rows."""

    def __init__(self, known: Mapping[int, T], length: int, rows: Callable[[], Sequence[T]]) -> None:
        self._known = known
        self._length = length
        self._rows = rows

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...
    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        if isinstance(index, int) and index in self._known:
            return self._known[index]
        return self._rows()[index]

    def __iter__(self) -> Iterator[T]:
        return iter(self._rows())


class KeptCells(Cells):
    """A column of a register kept without its rows: the readings the state has, the rest from the rows.

    ``rows`` gives the real column (the register put back from the extraction cache);
    it is called only for a reading the state does not hold, so a re-audit that needs no
    more than the previous audit read never puts the register back.
    """

    def __init__(self, stored: StoredColumn, length: int, rows: Callable[[], Cells]) -> None:
        super().__init__((), {})
        self._stored = stored
        self._length = length
        self._rows = rows

    @property
    def cells(self) -> tuple[Cell, ...]:
        return self._rows().cells

    @cached_property
    def texts(self) -> Sequence[str]:  # type: ignore[override]
        return _Known(self._stored.texts, self._length, partial(_texts_of, self._rows))

    @property
    def filled(self) -> Sequence[bool]:  # type: ignore[override]
        if self._stored.open is None:
            return self._rows().filled
        return _Flags(frozenset(self._stored.open), self._length, inside=False)

    @property
    def nil(self) -> Sequence[bool]:  # type: ignore[override]
        if self._stored.nils is None:
            return self._rows().nil
        return _Flags(frozenset(self._stored.nils), self._length, inside=True)

    @cached_property
    def dates(self) -> Sequence[date | None]:  # type: ignore[override]
        return _Known(self._stored.dates, self._length, partial(_dates_of, self._rows))

    @cached_property
    def values(self) -> tuple[frozenset[str], ...]:
        return self._rows().values

    def value(self, position: int) -> frozenset[str]:
        return self._rows().value(position)

    @cached_property
    def open(self) -> tuple[int, ...]:
        return self._stored.open if self._stored.open is not None else self._rows().open

    @cached_property
    def nils(self) -> tuple[int, ...]:
        return self._stored.nils if self._stored.nils is not None else self._rows().nils

    @cached_property
    def chronology(self) -> tuple[list[date], list[int]]:
        stored = self._stored
        if stored.days is None or stored.positions is None:
            return self._rows().chronology
        days = [date.fromordinal(day) for day in accumulate(stored.days)]
        return days, list(accumulate(stored.positions))

    @cached_property
    def undated(self) -> int:
        return self._length - len(self.chronology[0])


class KeptTableData(TableData):
    """A register table kept without its rows (a re-audit's state): what the previous audit read of it.

    Its size, its header (the table itself, without rows) and the column readings the
    state holds answer at once; anything else (a row to cite, a column never read)
    comes from ``rows``, the real table put back from the extraction cache, once.
    """

    def __init__(
        self,
        document: Document,
        table: Table,
        stored: Callable[[], Sequence[StoredTable | None]],
        index: int,
        rows: _Once[TableData],
    ) -> None:
        self.document = document
        self.table = table
        self._stored = stored
        self._index = index
        self._rows = rows
        self.read_more = False
        """Whether a reading the state did not hold was made (``Derived.memo``)."""
        self._columns: dict[int | None, Cells] = {}
        self._found: dict[tuple[str, ...], int | None] = {}
        self._dated: dict[tuple[str, ...] | None, int | None] = {}

    @cached_property
    def stored(self) -> StoredTable | None:
        """What the state holds of this table (decoded when first asked: most kept tables never are)."""
        tables = self._stored()
        return tables[self._index] if self._index < len(tables) else None

    @property
    def locators(self) -> tuple[str, ...]:
        return self._rows().locators

    @property
    def values(self) -> tuple[tuple[Cell, ...], ...]:
        return self._rows().values

    @property
    def put_back(self) -> TableData | None:
        """The real table, when something made it be put back."""
        return self._rows.value

    @property
    def changed(self) -> bool:
        """Whether more was read of it than the state held (a row put back, a reading made)."""
        return self.read_more or self._rows.value is not None

    def __len__(self) -> int:
        return self.stored.rows if self.stored is not None else len(self._rows())

    def row(self, position: int) -> Row:
        return self._rows().row(position)

    def column(self, index: int | None) -> Cells:
        found = self._columns.get(index)
        if found is None:
            stored = self.stored.columns.get(index) if self.stored is not None and index is not None else None
            if index is None:
                found = Cells((None,) * len(self), {})
            elif stored is not None:
                found = KeptCells(stored, len(self), partial(_column_of, self._rows, index))
            else:
                found = self._rows().column(index)
            self._columns[index] = found
        return found

    def reading(self, key: Hashable) -> Any | None:
        """A memo reading of this table the state holds (``READINGS``), decoded; None: not held."""
        if self.stored is None or not isinstance(key, tuple) or len(key) != 2:
            return None
        name, column = key
        codec = READINGS.get(name) if isinstance(name, str) else None
        values = self.stored.readings.get(name) if codec is not None else None
        if codec is None or values is None or column not in values:
            return None
        return codec.decode(values[column])


def _column_of(rows: Callable[[], TableData], index: int) -> Cells:
    return rows().column(index)


def _texts_of(rows: Callable[[], Cells]) -> Sequence[str]:
    return rows().texts


def _dates_of(rows: Callable[[], Cells]) -> Sequence[date | None]:
    return rows().dates


class _PutBack:
    """Puts kept documents' tables back, once each (``Derived.keep``).

    Apart from ``Derived`` on purpose: a kept table refers to this, and a reference
    back to the ``Derived`` that holds the kept tables would make every one a cycle,
    which only a full collection of the collector frees (0.5 s at 10,000 documents).
    """

    def __init__(self, days: dict[str, date | None]) -> None:
        self.documents: dict[str, Document] = {}
        self._days = days

    def table(self, document: Document, index: int, restore: Callable[[Document], Document]) -> TableData:
        whole = self.documents.get(document.path)
        if whole is None:
            whole = self.documents[document.path] = restore(document)
        if len(whole.tables) != len(document.tables):  # only when the file changed meanwhile
            raise InputError([Problem(document.path, 0, 0, "changed while it was audited; audit again")])
        return TableData(whole, whole.tables[index], self._days)


def _stored_of(data: TableData, readings: Mapping[Hashable, Any]) -> StoredTable:
    """What this audit read of ``data`` (its columns' readings and its ``READINGS``), to keep."""
    columns = {i: c for i, c in data._columns.items() if i is not None}
    named: set[int] = set()
    for cells in columns.values():
        if "answers" in cells.readings():
            named.update(cells.open, cells.nils)
    stored = {
        i: found for i, cells in columns.items() if (found := StoredColumn.of(cells, named)) is not None
    }
    return StoredTable(rows=len(data), columns=stored, readings=_encoded(readings))


def _encoded(readings: Mapping[Hashable, Any]) -> dict[str, dict[int, Any]]:
    """Memo readings of a table (key ``(name, column)``) as a state keeps them."""
    encoded: dict[str, dict[int, Any]] = {}
    for key, value in readings.items():
        name, column = cast(tuple[str, int], key)
        encoded.setdefault(name, {})[column] = READINGS[name].encode(value)
    return encoded


class Derived:
    """The shared readings of one evaluation (see the module docstring)."""

    def __init__(self) -> None:
        self._tables: dict[tuple[int, int], TableData] = {}
        self._header_tables: dict[int, tuple[Document, tuple[Table, ...]]] = {}
        self._memo: dict[tuple[int, Hashable], tuple[object, Any]] = {}
        self._days: dict[str, date | None] = {}
        self._kept: dict[int, tuple[Table, KeptTableData]] = {}
        self._back = _PutBack(self._days)
        self._readings: tuple[int, dict[int, dict[Hashable, Any]]] = (-1, {})

    def keep(
        self,
        document: Document,
        stored: Callable[[], Sequence[StoredTable | None]],
        restore: Callable[[Document], Document],
    ) -> None:
        """Take ``document``'s tables as kept without their rows, with what the state read of them.

        A re-audit keeps an unchanged register as its tables' headers (``document.tables``
        without rows) and ``stored()``, the readings the previous audit made of each
        table, decoded when a check first reads the table (a re-audit keeps thousands of
        registers that no check judged again reads). A check then reads it through
        ``KeptTableData``; what the state does not hold (a row to cite) is read from
        ``restore(document)``, the document with its tables put back (from the
        extraction cache), at most once per document.
        """
        for index, table in enumerate(document.tables):
            rows = _Once(partial(self._back.table, document, index, restore))
            self._kept[id(table)] = (table, KeptTableData(document, table, stored, index, rows))

    def _kept_data(self, table: Table) -> KeptTableData | None:
        """The ``KeptTableData`` of ``table`` when it is kept (``keep``), else None."""
        kept = self._kept.get(id(table))
        return kept[1] if kept is not None and kept[0] is table else None

    @property
    def put_back(self) -> int:
        """How many kept documents had to be put back (a row cited, a column never read before)."""
        return len(self._back.documents)

    def read_more(self, document: Document) -> bool:
        """Whether this evaluation read more of ``document``'s kept tables than the state held.

        A row put back, or a reading made from the rows: its state entry changes. When
        not, the entry can be written back as it was read.
        """
        return any((data := self._kept_data(table)) is not None and data.changed for table in document.tables)

    def stored_tables(
        self, document: Document, previous: Sequence[StoredTable | None] = ()
    ) -> tuple[StoredTable | None, ...]:
        """What this evaluation read of each table of ``document``, for a state to keep.

        ``previous`` is what the previous state kept of the same document (same bytes):
        readings this evaluation did not make again are carried over.
        """
        readings = self._table_readings()
        found: list[StoredTable | None] = []
        for index, table in enumerate(document.tables):
            old = previous[index] if index < len(previous) else None
            data = self._kept_data(table)
            new: StoredTable | None = None
            if data is not None:
                old = old or data.stored  # both from the previous state, when both are given
                parts = []
                if (real := data.put_back) is not None:
                    parts.append(_stored_of(real, readings.get(id(real), {})))
                if own := readings.get(id(data)):  # read from the rows this time, or given back
                    parts.append(StoredTable(rows=len(data), readings=_encoded(own)))
                for part in parts:
                    new = part if new is None else new.merged(part)
            else:
                entry = self._tables.get((id(document), id(table)))
                if entry is not None and entry.table is table:
                    new = _stored_of(entry, readings.get(id(entry), {}))
            found.append(new if old is None else old.merged(new))
        return tuple(found)

    def _table_readings(self) -> dict[int, dict[Hashable, Any]]:
        """Owner id -> the ``READINGS`` this evaluation holds of it (made again only after new readings)."""
        made, found = self._readings
        if made == len(self._memo):
            return found
        found = {}
        for (owner, key), (_, value) in self._memo.items():
            if isinstance(key, tuple) and len(key) == 2 and key[0] in READINGS:
                found.setdefault(owner, {})[key] = value
        self._readings = (len(self._memo), found)
        return found

    def table(self, document: Document, table: Table) -> TableData:
        """``table`` of ``document``, read once.

        Keyed by identity; the entry holds both objects, so an id cannot be reused while
        it is cached. The document is part of the key: its rows cite it. A table kept
        without its rows (``keep``) is its ``KeptTableData``.
        """
        kept = self._kept_data(table)
        if kept is not None:
            return kept
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
        kept = owner if isinstance(owner, KeptTableData) else None
        value = kept.reading(key) if kept is not None else None
        if value is None:
            value = compute()
            if kept is not None:
                kept.read_more = True
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
