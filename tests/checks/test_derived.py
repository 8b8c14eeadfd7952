"""The shared readings of one evaluation (imsaudit/checks/_derived.py) equal reading directly.

Every check reads registers through ``Derived``: a cell's text, whether it is filled,
its date, a column found by alias, all read once per evaluation. These tests pin that
each shared reading is exactly what the plain function gives, so sharing can never
change a verdict.
"""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from imsaudit.checks._derived import Cells, Derived, TableData
from imsaudit.checks._evidence import (
    _NIL_ANSWERS,
    _OPEN_PHRASES,
    _OPEN_WORDS,
    _PLACEHOLDER_CELL,
    Row,
    cell_date,
    cell_filled,
    cell_nil,
    cell_text,
    cell_values,
    find_column,
    find_date_column,
    text_answer,
)
from imsaudit.checks._matcher import normalize, tokens
from imsaudit.evidence.model import Cell, Table
from tests.checks.builders import document

CELL_TEXTS = [
    "", " ", "-", "?", "TBD", "tbc (next review)", "To be decided", "to be", "To  be -- confirmed",
    "<Root cause>", "[insert owner]", "[None]", "None", "none.", "No", "N/A", "n / a", "NA", "Nil",
    "Not applicable", "nothing", "Nothing to report", "not now", "Note", "Fixed the jig", "NC-03",
    "2026-03-01", "14/02/2026", "Q3 2026", "2026-Q1", "February 2026", "not a date", "4, 5.1, 6",
    "Clauses 8-10", "Qualité", "é",
]  # fmt: skip
cells: st.SearchStrategy[Cell] = st.one_of(
    st.sampled_from(CELL_TEXTS),
    st.none(),
    st.integers(-5, 3000),
    st.booleans(),
    st.dates(date(2020, 1, 1), date(2030, 12, 31)),
    st.datetimes(datetime(2020, 1, 1), datetime(2030, 12, 31)),
    st.text(alphabet="abnoe /-<>[]TBD0123", max_size=12),
)


def plain_answer(text: str) -> tuple[bool, bool]:
    """``cell_filled`` / ``cell_nil`` as first written: every cell cut into all its words."""
    words = tokens(text)
    filled = (
        bool(words)
        and not _PLACEHOLDER_CELL.match(text)
        and words[0] not in _OPEN_WORDS
        and " ".join(words) not in _OPEN_PHRASES
    )
    return filled, normalize(text) in _NIL_ANSWERS


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.sampled_from(CELL_TEXTS), st.text(alphabet="abnoe tdTBD/-<>[]", max_size=20)))
def test_a_cell_is_read_from_its_first_word_as_from_all_its_words(text: str) -> None:
    assert text_answer(text) == plain_answer(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(cells, max_size=30))
def test_a_column_reads_each_cell_as_the_cell_functions_do(values: list[Cell]) -> None:
    column = Cells(tuple(values), {})
    assert column.texts == tuple(cell_text(v) for v in values)
    assert column.filled == tuple(cell_filled(v) for v in values)
    assert column.nil == tuple(cell_nil(v) for v in values)
    assert column.dates == tuple(cell_date(v) for v in values)
    assert column.values == tuple(frozenset(cell_values(v)) for v in values)
    alone = Cells(tuple(values), {})
    assert [alone.value(i) for i in reversed(range(len(values)))][::-1] == list(column.values)
    assert [column.value(i) for i in range(len(values))] == list(column.values)  # from those read
    assert column.open == tuple(i for i, v in enumerate(values) if not cell_filled(v))
    assert column.nils == tuple(i for i, v in enumerate(values) if cell_nil(v))
    days, positions = column.chronology
    dated = [(cell_date(v), i) for i, v in enumerate(values) if cell_date(v) is not None]
    assert list(zip(days, positions, strict=True)) == sorted(dated)
    assert column.undated == len(values) - len(dated)


def test_dates_shared_between_columns_are_the_same_reading() -> None:
    days: dict[str, date | None] = {}
    first = Cells(("2026-03-01", "Q3 2026", "nonsense"), days)
    second = Cells(("Q3 2026", "2026-03-01"), days)
    assert first.dates == (date(2026, 3, 1), date(2026, 7, 1), None)
    assert second.dates == (date(2026, 7, 1), date(2026, 3, 1))
    assert days == {"2026-03-01": date(2026, 3, 1), "Q3 2026": date(2026, 7, 1), "nonsense": None}


rows = st.lists(st.lists(cells, min_size=0, max_size=4), max_size=12)


@settings(max_examples=150, deadline=None)
@given(rows)
def test_a_table_keeps_the_rows_with_a_value_and_reads_columns_like_rows(raw: list[list[Cell]]) -> None:
    spec = {"name": "Log", "header": ["ID", "Date", "Due date", "x"], "rows": raw}
    built = document({"path": "log.xlsx", "tables": [spec]})
    table = built.tables[0]
    data = TableData(built, table, {})
    kept = [
        Row(built, table, locator, row)
        for locator, row in zip(table.row_locators, table.rows, strict=False)
        if any(cell_text(c) for c in row)
    ]
    assert len(data) == len(kept)
    assert [data.row(i) for i in range(len(data))] == kept
    for index in (None, 0, 1, 3, 7):
        assert data.column(index).cells == tuple(row.cell(index) for row in kept)
    assert data.column(1) is data.column(1)


def test_columns_are_found_as_find_column_finds_them() -> None:
    table = Table(name="t", locator="t", header=("NC id", "Date raised", "Due date", "Root causes", "Status"))
    data = TableData(document({"path": "a.xlsx"}), table, {})
    for aliases in (["root cause"], ["owner"], ["status", "state"], ["id"], ["due date"]):
        assert data.find(aliases) == find_column(table, aliases)
    for date_aliases in (None, ["due date"], ["date raised"], ["nothing"]):
        assert data.find_date(date_aliases) == find_date_column(table, date_aliases)
    assert data.find_date(None) == 1  # "Due date" looks ahead: skipped unless named


def test_each_table_is_read_once_per_document() -> None:
    derived = Derived()
    built = document({"path": "a.xlsx", "tables": [{"header": ["A"], "rows": [["x"]]}]})
    other = built.model_copy(update={"path": "b.xlsx"})  # the same table object in another document
    table = built.tables[0]
    assert derived.table(built, table) is derived.table(built, table)
    assert derived.table(other, table) is not derived.table(built, table)
    assert derived.table(other, table).row(0).document is other


def test_header_tables_skip_tables_without_a_header() -> None:
    built = document(
        {
            "path": "a.xlsx",
            "tables": [{"name": "A", "header": ["ID"]}, {"name": "B", "header": [" ", ""]}, {"name": "C"}],
        }
    )
    assert [t.name for _, t in Derived().header_tables([built, built])] == ["A", "A"]


def test_a_memo_computes_once_per_owner_and_key() -> None:
    derived = Derived()
    calls: list[str] = []
    first, second = document({"path": "a.md"}), document({"path": "b.md"})

    def read(name: str) -> str:
        calls.append(name)
        return name

    assert derived.memo(first, "k", lambda: read("first")) == "first"
    assert derived.memo(first, "k", lambda: read("again")) == "first"
    assert derived.memo(first, "other", lambda: read("other")) == "other"
    assert derived.memo(second, "k", lambda: read("second")) == "second"
    assert calls == ["first", "other", "second"]


def test_an_evaluation_context_has_its_own_readings() -> None:
    from tests.checks.builders import context

    one, two = context([], []), context([], [])
    assert isinstance(one.derived, Derived)
    assert one.derived is not two.derived


def test_what_a_state_read_of_a_kept_table_is_decoded_when_a_check_first_reads_it() -> None:
    from imsaudit.checks._derived import StoredTable

    built = document({"path": "a.xlsx", "tables": [{"header": ["A"], "rows": [["x"], ["y"]]}]})
    kept = built.model_copy(update={"tables": (built.tables[0].model_copy(update={"rows": ()}),)})
    decoded: list[int] = []

    def stored() -> tuple[StoredTable, ...]:
        decoded.append(1)
        return (StoredTable(rows=2),)

    derived = Derived()
    derived.keep(kept, stored, lambda _: built)
    assert decoded == []
    data = derived.table(kept, kept.tables[0])
    assert len(data) == 2 and len(data) == 2  # the state's count: no row put back
    assert decoded == [1] and derived.put_back == 0
