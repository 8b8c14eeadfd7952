"""The result builder's table rows: made without validation, equal to validated units."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from imsaudit.evidence.extract._builder import ResultBuilder, cell_text, row_text, row_unit
from imsaudit.evidence.extract.base import ExtractContext, Limits
from imsaudit.evidence.model import TextUnit, UnitRole

cells = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.dates(),
    st.datetimes(),
    st.text(max_size=12),
)


@given(st.lists(cells, max_size=8))
def test_row_text_joins_the_non_empty_cells(row: list[object]) -> None:
    expected = " | ".join(t for t in (cell_text(c) for c in row) if t)  # type: ignore[arg-type]
    assert row_text(row) == expected  # type: ignore[arg-type]


@given(st.text(min_size=1, max_size=20), st.one_of(st.none(), st.text(max_size=10)))
def test_a_row_unit_is_the_unit_validation_makes(text: str, section: str | None) -> None:
    made = row_unit(text, "row 3", section)
    validated = TextUnit(text=text, locator="row 3", role=UnitRole.ROW, section=section)
    assert made == validated
    assert made.model_fields_set == validated.model_fields_set
    assert made.model_dump_json() == validated.model_dump_json()


def test_table_rows_become_row_units_under_the_limits() -> None:
    builder = ResultBuilder(ExtractContext(path="r.csv", limits=Limits(max_units=3, max_unit_chars=10)))
    builder.heading("Risks", 1)
    rows = [
        ["ID", "Risk"],
        ["R-1", "Flood\nin the  basement"],
        [None, None],
        ["R-2", dt.date(2026, 1, 5)],
        ["R-3", "Fire damage"],
    ]
    builder.table("r.csv", "row 1", rows, ["row 1", "row 2", "row 3", "row 4", "row 5"], header_index=0)
    result = builder.finish()
    assert [(u.text, u.locator, u.role, u.section) for u in result.units] == [
        ("Risks", 'section "Risks"', UnitRole.HEADING, "Risks"),
        ("ID | Risk", "row 1", UnitRole.ROW, "Risks"),
        ("R-1 | Floo", "row 2", UnitRole.ROW, "Risks"),  # cut at 10 characters, then collapsed
    ]
    assert result.warnings == (
        "text truncated after 3 units (limit)",
        # rows past the unit limit are still cut and counted, as every text is
        "3 texts were longer than 10 characters: cut at the limit (first: row 2, 28 characters)",
    )
    assert result.tables[0].rows[-2:] == (("R-2", dt.date(2026, 1, 5)), ("R-3", "Fire damage"))
