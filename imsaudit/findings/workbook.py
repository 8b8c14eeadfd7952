"""Manual verdicts read back from the review workbook (``audit --verdicts FILE.xlsx``).

The xlsx output writes a sheet ``Review`` with one row per requirement that needs an
auditor, its questions, and empty Verdict / Note / Auditor / Date columns. The auditor
fills them in; this module turns the filled rows into verdicts. Rows without a verdict
are skipped; a verdict that is not an outcome is an error naming the sheet, row and
column.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from imsaudit.core.errors import Problem, SettingsError
from imsaudit.core.types import Outcome
from imsaudit.findings.evaluate import Verdict

REVIEW_SHEET = "Review"
COLUMNS = ("Requirement", "Verdict", "Note", "Auditor", "Date")
"""Columns the reader needs (others, such as the questions, are for the auditor)."""

_SPELLINGS = {
    **{o.value: o for o in Outcome},
    **{o.value.replace("_", " "): o for o in Outcome},
    "n/a": Outcome.NOT_APPLICABLE,
    "na": Outcome.NOT_APPLICABLE,
    "conform": Outcome.MET,
    "yes": Outcome.MET,
    "no": Outcome.NOT_MET,
    "partly": Outcome.PARTLY_MET,
    "partial": Outcome.PARTLY_MET,
}


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    if not text:
        return None
    return dt.date.fromisoformat(text[:10])


def verdicts_from_rows(rows: Sequence[Sequence[object]], source: str) -> tuple[Verdict, ...]:
    """Verdicts from the Review sheet's rows (first row: the header)."""
    if not rows:
        raise SettingsError([Problem(source, 0, 0, f"sheet {REVIEW_SHEET!r} is empty")])
    header = [str(c or "").strip().lower() for c in rows[0]]
    missing = [c for c in COLUMNS if c.lower() not in header]
    if missing:
        raise SettingsError(
            [Problem(source, 1, 0, f"sheet {REVIEW_SHEET!r} lacks columns: {', '.join(missing)}")]
        )
    col = {c: header.index(c.lower()) for c in COLUMNS}
    verdicts: list[Verdict] = []
    problems: list[Problem] = []
    for number, row in enumerate(rows[1:], start=2):
        cells = list(row) + [None] * (len(header) - len(row))
        raw = str(cells[col["Verdict"]] or "").strip()
        requirement = str(cells[col["Requirement"]] or "").strip()
        if not raw or not requirement:
            continue
        outcome = _SPELLINGS.get(raw.lower())
        if outcome is None:
            problems.append(
                Problem(
                    source,
                    number,
                    col["Verdict"] + 1,
                    f"{REVIEW_SHEET} row {number}: verdict {raw!r} is not one of "
                    "met, partly met, not met, not applicable, needs review",
                )
            )
            continue
        try:
            day = _date(cells[col["Date"]])
        except ValueError:
            problems.append(
                Problem(
                    source,
                    number,
                    col["Date"] + 1,
                    f"{REVIEW_SHEET} row {number}: date {cells[col['Date']]!r} is not YYYY-MM-DD",
                )
            )
            continue
        note = str(cells[col["Note"]] or "").strip() or None
        auditor = str(cells[col["Auditor"]] or "").strip() or None
        verdicts.append(Verdict(requirement, outcome, note, auditor, day, source))
    if problems:
        raise SettingsError(problems)
    return tuple(verdicts)
