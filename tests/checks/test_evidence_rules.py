"""The shared judging rules of ``_evidence``: which cells are answers, exact ages, which document speaks.

The check cases (cases/<type>.yml) show each rule inside a check; these tests pin the
rules themselves, including the property that makes ``fresh``'s wording and verdict
agree at the limit.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from imsaudit.checks import _evidence
from imsaudit.checks._evidence import add_months, age, age_text, cell_filled, cell_nil, rank
from imsaudit.evidence.model import Cell
from tests.checks.builders import context, params


@pytest.mark.parametrize(
    "value",
    ["None", "none", "No", "Nil", "N/A", "n/a", "N.A.", "Not applicable", "0", "2 days training", 0, 12.5],
)
def test_a_written_nothing_is_a_recorded_answer(value: Cell) -> None:
    assert cell_filled(value)


@pytest.mark.parametrize(
    "value",
    [None, "", "   ", "-", "–", "—", "?", "...", "TBD", "tbc", "TBA", "TBD (next review)", "To be decided",
     "<Root cause>", "[insert owner]", " [Describe the resources] "],
)  # fmt: skip
def test_an_open_question_is_not_filled(value: Cell) -> None:
    assert not cell_filled(value)


@pytest.mark.parametrize(
    ("value", "nil"),
    [("None", True), ("N/A", True), ("no", True), ("Nonetheless", False), ("No repeat in Q2", False),
     ("2 days", False), ("", False)],
)  # fmt: skip
def test_nil_answers_are_told_apart_from_values(value: str, nil: bool) -> None:
    assert cell_nil(value) is nil


_CELL_TEXT = st.text(
    alphabet=st.sampled_from("nNtTaAbBdDoOlLeEiI0-9 <>[]/.?ÀàœŒßİαÑ\u0130\u212a"), max_size=12
) | st.sampled_from(sorted(_evidence._NIL_ANSWERS | _evidence._OPEN_PHRASES | _evidence._OPEN_WORDS))


@given(_CELL_TEXT.map(str.strip))
def test_the_first_character_shortcut_answers_as_the_words_do(text: str) -> None:
    """``text_answer`` decides most cells by their first character; it must agree with reading the words."""
    slow = _evidence._PLAIN_STARTS
    try:
        _evidence._PLAIN_STARTS = frozenset()
        expected = _evidence.text_answer(text)
    finally:
        _evidence._PLAIN_STARTS = slow
    assert _evidence.text_answer(text) == expected


def test_a_value_that_merely_contains_a_placeholder_is_filled() -> None:
    assert cell_filled("See <WI-03>, section 4")
    assert cell_filled(datetime(2026, 5, 1))


@pytest.mark.parametrize(
    ("earlier", "later", "expected", "text"),
    [
        (date(2024, 10, 15), date(2026, 11, 1), (24, 17), "24 months and 17 days"),
        (date(2023, 11, 1), date(2026, 11, 1), (36, 0), "36 months"),
        (date(2026, 1, 31), date(2026, 2, 28), (1, 0), "1 month"),
        (date(2026, 1, 31), date(2026, 3, 1), (1, 1), "1 month and 1 day"),
        (date(2026, 10, 12), date(2026, 11, 1), (0, 20), "20 days"),
        (date(2026, 11, 1), date(2026, 11, 1), (0, 0), "less than a day"),
    ],
)
def test_ages_are_exact(earlier: date, later: date, expected: tuple[int, int], text: str) -> None:
    assert age(earlier, later) == expected
    assert age_text(earlier, later) == text


@given(
    earlier=st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
    gap=st.integers(min_value=0, max_value=4000),
    limit=st.integers(min_value=1, max_value=120),
)
def test_the_age_said_and_the_limit_judged_never_disagree(earlier: date, gap: int, limit: int) -> None:
    """Past the limit exactly when the age said is more than the limit: at it, both say within."""
    later = date.fromordinal(earlier.toordinal() + gap)
    months, days = age(earlier, later)
    assert add_months(earlier, months) <= later < add_months(earlier, months + 1)
    stale = later > add_months(earlier, limit)
    assert stale == (months > limit or (months == limit and days > 0))


DOCS = [
    {"path": "a-barely.md", "kinds": ["internal-audit-report"], "score": 5},
    {"path": "b-plain-second-kind.md", "kinds": ["management-review-record"], "score": 30},
    {"path": "c-plain.md", "kinds": ["internal-audit-report"], "score": 19},
    {"path": "d-plainer.md", "kinds": ["internal-audit-report"], "score": 25},
    {"path": "e-declared-second-kind.md", "kinds": ["management-review-record"]},
]


def test_documents_are_ranked_by_how_firmly_they_are_of_the_kinds() -> None:
    """Declared first; then plainly recognized (twice min_score) in the check's kind order,
    higher score first; documents that barely qualified last."""
    check = params({"kind": ["internal-audit-report", "management-review-record"]}, "present")
    ctx = context(DOCS, [check])
    ranked = rank(ctx, ctx.index.documents, ["internal-audit-report", "management-review-record"])
    assert [d.path for d in ranked] == [
        "e-declared-second-kind.md",
        "d-plainer.md",
        "c-plain.md",
        "b-plain-second-kind.md",
        "a-barely.md",
    ]


def test_when_due_must_name_a_required_column() -> None:
    with pytest.raises(ValidationError, match="when_due names 'effectiveness', which is not in"):
        params(
            {
                "kind": "nonconformity-log",
                "required_columns": {"root cause": ["root cause"]},
                "when_due": {"effectiveness": ["due date"]},
            },
            "records",
        )
