"""``fresh``'s stored dates: what a re-audit keeps of a register's rows must judge as the rows do.

The check cases (cases/fresh.yml) judge full documents. A re-audit judges a fresh
check on a register it keeps without its rows, from ``StoredDates``; these tests
judge both ways on the same register and require the same result, and require that a
register whose only dates lie after the audit date is not stored (its check may need
every date to word its verdict).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from imsaudit.checks._derived import Derived
from imsaudit.checks.base import CHECK_TYPES, run_check
from imsaudit.checks.fresh import StoredDates, preload_dates, stored_dates
from imsaudit.evidence.model import EvidenceIndex
from imsaudit.findings.incremental import register_fields
from tests.checks.builders import AS_OF, context, params


def _log(*days: str, approved: str | None = None) -> dict[str, Any]:
    spec: dict[str, Any] = {
        "path": "logs/review-log.xlsx",
        "kinds": ["review-log"],
        "tables": [
            {
                "name": "Log",
                "header": ["Reviewed on", "Topic", "Next review"],
                "rows": [[day, f"topic {n}", "2027-12-01"] for n, day in enumerate(days)],
            }
        ],
    }
    if approved:
        spec["metadata"] = {"approved_on": approved}
    return spec


_KINDS = {"review-log": {"tabular": True}}


@pytest.mark.parametrize(
    "log",
    [
        _log("2025-02-01", "2026-09-30", "2026-03-01"),
        _log("2024-01-05", "2023-06-30"),
        _log("2026-09-30", "2026-12-24"),
        _log(approved="2026-01-15"),
        _log(),
    ],
    ids=["current", "stale", "one-row-after-the-audit-date", "approval-only", "no-date"],
)
def test_a_register_judged_from_its_stored_dates_judges_as_its_rows(log: dict[str, Any]) -> None:
    check = params({"kind": "review-log", "max_age_months": 12}, "fresh")
    ctx = context([log], [check], kinds=_KINDS)
    expected = run_check(check, ctx)
    (full,) = ctx.index.documents

    # Through the state's JSON form, onto the document as a re-audit keeps it.
    found = stored_dates(ctx.derived, full, AS_OF)
    adapter = {name: StoredDates.model_validate_json(s.model_dump_json()) for name, s in found.items()}
    bare = register_fields(full)
    assert bare.tables and not any(t.rows for t in bare.tables)  # headers kept, rows not
    held = set(adapter)
    assert not CHECK_TYPES.get("fresh").needs_text(check, bare, held, ctx.kinds)

    derived = Derived()
    preload_dates(derived, bare, adapter)
    classifications = ctx.index.classifications
    textless = EvidenceIndex(documents=(bare,), classifications=classifications, kinds=ctx.index.kinds)
    again = run_check(check, replace(ctx, index=textless, derived=derived))
    assert again == expected
    assert "dates with rows" in held


def test_without_its_stored_dates_a_register_needs_its_rows() -> None:
    check = params({"kind": "review-log"}, "fresh")
    ctx = context([_log("2026-09-30")], [check], kinds=_KINDS)
    (full,) = ctx.index.documents
    assert CHECK_TYPES.get("fresh").needs_text(check, register_fields(full), set(), ctx.kinds)


def test_a_register_dated_only_after_the_audit_date_is_not_stored() -> None:
    """Its check lists every date it found (``needs_review``): one stored date cannot say that."""
    check = params({"kind": "review-log"}, "fresh")
    ctx = context([_log("2026-12-24", "2027-01-10")], [check], kinds=_KINDS)
    result = run_check(check, ctx)
    (full,) = ctx.index.documents
    assert result.outcome.value == "needs_review"
    assert stored_dates(ctx.derived, full, AS_OF) == {}
