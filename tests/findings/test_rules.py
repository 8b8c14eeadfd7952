"""Finding classes, scores, maturity, diff and the review workbook reader."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imsaudit.core.errors import SettingsError
from imsaudit.core.types import Finding, Outcome, Severity
from imsaudit.findings.propagate import SEVERITY_ORDER, requirement_finding
from imsaudit.findings.score import maturity, score
from imsaudit.findings.workbook import verdicts_from_rows
from tests.findings.helpers import req

M, m = Severity.MAJOR, Severity.MINOR
MET, PART, NOT, REV, NA = (
    Outcome.MET,
    Outcome.PARTLY_MET,
    Outcome.NOT_MET,
    Outcome.NEEDS_REVIEW,
    Outcome.NOT_APPLICABLE,
)

CASES = [
    ("all met", [(MET, M), (MET, m)], Finding.CONFORMITY),
    ("major not met", [(NOT, M), (MET, m)], Finding.MAJOR_NC),
    ("three minors not met are systemic", [(NOT, m), (NOT, m), (NOT, m)], Finding.MAJOR_NC),
    ("one minor not met", [(NOT, m), (MET, M)], Finding.MINOR_NC),
    ("major partly met", [(PART, M)], Finding.MINOR_NC),
    ("minor partly met is an opportunity", [(PART, m), (MET, M)], Finding.OFI),
    ("review pending", [(REV, M), (MET, m)], Finding.NOT_ASSESSED),
    ("a gap beats a pending review", [(REV, M), (NOT, m)], Finding.MINOR_NC),
    ("all not applicable", [(NA, M)], Finding.NOT_APPLICABLE),
    ("not applicable ignored", [(NA, M), (MET, m)], Finding.CONFORMITY),
]


@pytest.mark.parametrize(("outcomes", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_finding_rule(outcomes: list[tuple[Outcome, Severity]], expected: Finding) -> None:
    reqs = [req(f"P-1-{i:02d}", o, s) for i, (o, s) in enumerate(outcomes)]
    assert requirement_finding(reqs) is expected


OUTCOME = st.sampled_from([MET, PART, NOT, REV, NA])
SEVERITY = st.sampled_from([M, m])
BETTER = {NOT: PART, PART: MET}


@given(st.lists(st.tuples(OUTCOME, SEVERITY), min_size=1, max_size=6), st.data())
def test_improving_a_requirement_never_worsens_the_finding(
    outcomes: list[tuple[Outcome, Severity]], data: st.DataObject
) -> None:
    reqs = [req(f"P-1-{i:02d}", o, s) for i, (o, s) in enumerate(outcomes)]
    candidates = [i for i, (o, _) in enumerate(outcomes) if o in BETTER]
    if not candidates:
        return
    i = data.draw(st.sampled_from(candidates))
    improved = list(reqs)
    improved[i] = req(f"P-1-{i:02d}", BETTER[outcomes[i][0]], outcomes[i][1])
    before, after = requirement_finding(reqs), requirement_finding(improved)
    assert SEVERITY_ORDER.index(after) >= SEVERITY_ORDER.index(before)


@given(st.lists(st.tuples(OUTCOME, SEVERITY), max_size=8))
def test_no_judged_requirement_no_score(outcomes: list[tuple[Outcome, Severity]]) -> None:
    reqs = [req(f"P-1-{i:02d}", o, s) for i, (o, s) in enumerate(outcomes)]
    value = score(reqs)
    judged = [o for o, _ in outcomes if o in (MET, PART, NOT)]
    assert (value is None) == (not judged)
    if value is not None:
        assert 0 <= value <= 100
        assert (value == 100) == all(o is MET for o in judged)


def test_score_weights_major_double() -> None:
    assert score([req("P-1-01", MET, M), req("P-1-02", NOT, m)]) == pytest.approx(66.7)
    assert score([req("P-1-01", PART, m)]) == 50.0


@pytest.mark.parametrize(
    ("overall", "major", "s9", "s10", "level"),
    [
        (None, False, None, None, 0),
        (5.0, False, 0.0, 0.0, 0),
        (50.0, False, 50.0, 50.0, 2),
        (85.0, True, 90.0, 95.0, 2),
        (85.0, False, 70.0, 95.0, 3),
        (85.0, False, 85.0, 95.0, 4),
        (97.0, False, 95.0, 80.0, 4),
        (97.0, False, 95.0, 95.0, 5),
    ],
)
def test_maturity_levels_and_caps(
    overall: float | None, major: bool, s9: float | None, s10: float | None, level: int
) -> None:
    assert maturity(overall, has_major_nc=major, section_9=s9, section_10=s10) == level


def test_workbook_verdicts_read_back() -> None:
    rows = [
        ["Requirement", "Clause", "Questions", "Verdict", "Note", "Auditor", "Date"],
        [
            "QMS-5.1.1-01",
            "5.1.1",
            "Who?",
            "met",
            "Interviewed the CEO",
            "A. Auditor",
            dt.datetime(2026, 11, 2),
        ],
        ["QMS-7.3-01", "7.3", "Aware?", "", "", "", ""],
        ["QMS-7.3-02", "7.3", "Aware?", "Partly met", None, "B", "2026-11-03"],
    ]
    verdicts = verdicts_from_rows(rows, "review.xlsx")
    assert [(v.requirement, v.verdict) for v in verdicts] == [("QMS-5.1.1-01", MET), ("QMS-7.3-02", PART)]
    assert verdicts[0].date == dt.date(2026, 11, 2)
    assert verdicts[0].note == "Interviewed the CEO"
    assert verdicts[0].source == "review.xlsx"


def test_workbook_bad_verdict_names_row_and_column() -> None:
    rows = [["Requirement", "Verdict", "Note", "Auditor", "Date"], ["QMS-7.3-01", "fine", "", "", ""]]
    with pytest.raises(SettingsError) as caught:
        verdicts_from_rows(rows, "review.xlsx")
    problem = caught.value.problems[0]
    assert (problem.path, problem.line, problem.col) == ("review.xlsx", 2, 2)
    assert "verdict 'fine' is not one of" in problem.message


def test_workbook_missing_columns() -> None:
    with pytest.raises(SettingsError, match="lacks columns: Verdict"):
        verdicts_from_rows([["Requirement", "Note", "Auditor", "Date"]], "review.xlsx")
