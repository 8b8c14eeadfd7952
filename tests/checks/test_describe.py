"""``CheckParams.describe``: what each check asks for, in plain words (checklist, starter kit).

Every check type says it in its own words (no type falls back to the base's "the X check
passes"), every case's check can be described, and the sentences name the evidence by
its title and say the numbers a reader needs (months, rows, clauses).
"""

from __future__ import annotations

import pytest

from imsaudit.checks import CHECK_TYPES
from imsaudit.checks.base import CheckParams
from imsaudit.packs.load import Library
from tests.checks.builders import params
from tests.checks.test_cases import CASES, Case

TITLES = {
    "quality-policy": "Quality policy",
    "internal-audit-programme": "Internal audit programme",
    "nonconformity-log": "Nonconformity log",
    "management-review-record": "Management review record",
    "competence-matrix": "Competence matrix",
    "training-records": "Training records",
}


def describe(data: dict[str, object], check_type: str | None = None) -> str:
    check: CheckParams = params(data, check_type)
    return check.describe(TITLES)


@pytest.mark.parametrize("name", sorted(CHECK_TYPES))
def test_every_type_describes_itself(name: str) -> None:
    assert "describe" in vars(CHECK_TYPES.get(name).Params), f"{name} uses the base describe"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_every_case_can_be_described(case: Case) -> None:
    check: CheckParams = params(case.data["params"], case.type)
    titles = {kind: str(info.get("title", kind)) for kind, info in case.kinds.items()}
    text = check.describe(titles)
    assert text and "\n" not in text and not text.endswith(".")
    assert text[0].isupper(), text
    assert "check passes" not in text
    for kind in {k for node in check.walk() for k in node.kind_refs()}:
        assert titles.get(kind, kind) in text, f"{kind} not named in {text!r}"


def test_fresh() -> None:
    text = describe({"kind": "quality-policy", "max_age_months": 12}, "fresh")
    assert text == (
        "Quality policy, approved or dated within the last 12 months, and not past its own review date"
    )
    text = describe({"kind": "quality-policy", "honor_review_due": False}, "fresh")
    assert text == "Quality policy, approved or dated within the last 12 months"


def test_coverage_shows_a_run_of_clauses_as_a_range() -> None:
    text = describe(
        {
            "kind": "internal-audit-programme",
            "column": ["clauses", "clause"],
            "required": ["4", "5", "6", "7", "8", "9", "10"],
            "within_months": 12,
        },
        "coverage",
    )
    assert text.startswith("Internal audit programme covering 4–10 in its 'clauses' column")
    assert "within 12 months" in text
    text = describe(
        {"kind": "internal-audit-programme", "column": "type", "required": ["risk", "opportunity"]},
        "coverage",
    )
    assert "covering risk and opportunity" in text


def test_records_names_rows_period_and_columns() -> None:
    text = describe(
        {
            "kind": "nonconformity-log",
            "min_rows": 1,
            "within_months": 12,
            "required_columns": {
                "root cause": ["root cause"],
                "corrective action": ["action"],
                "verified": ["effectiveness"],
            },
        },
        "records",
    )
    assert text == (
        "Nonconformity log: at least one row dated within the last 12 months, with root cause, "
        "corrective action and verified filled in"
    )
    text = describe({"kind": "nonconformity-log", "min_rows": 3, "within_months": None}, "records")
    assert text == "Nonconformity log: at least 3 rows"


def test_present_metadata_sections_covers_and_placeholders() -> None:
    assert (
        describe({"kind": "quality-policy"}, "present") == "Quality policy: a real document (not a template)"
    )
    assert "at least 2 real documents" in describe({"kind": "quality-policy", "min_count": 2}, "present")
    assert describe({"kind": "quality-policy", "fields": ["approved_by", "approved_on"]}, "metadata") == (
        "Quality policy, with approved by and approval date filled in (no placeholders)"
    )
    assert describe(
        {"kind": "quality-policy", "sections": {"scope": ["scope"], "purpose": ["purpose"]}}, "sections"
    ) == ("Quality policy has a section (a heading) for scope and purpose")
    topics = {
        "customers": ["customer"],
        "improvement": ["continual improvement"],
        "objectives": ["objective"],
    }
    assert describe({"kind": "quality-policy", "topics": topics}, "covers") == (
        "Quality policy addresses customers, improvement and objectives"
    )
    assert describe({"kind": "quality-policy", "topics": topics, "min_topics": 2}, "covers") == (
        "Quality policy addresses at least 2 of: customers, improvement or objectives"
    )
    assert "no template placeholders" in describe({"kind": "quality-policy"}, "no_placeholders")


def test_linked_names_both_registers() -> None:
    text = describe(
        {
            "kind": "nonconformity-log",
            "column": ["audit id", "audit ref"],
            "target_kind": "internal-audit-programme",
            "target_column": "audit id",
            "min_share": 0.8,
        },
        "linked",
    )
    assert text == (
        "Nonconformity log: at least 80% of the 'audit id' values refer to an entry of the "
        "Internal audit programme (its 'audit id' column)"
    )


def test_manual_says_an_auditor_judges() -> None:
    text = describe({"reason": "Only an interview shows awareness.", "kind": "quality-policy"}, "manual")
    assert text == "An auditor judges, looking at the Quality policy: Only an interview shows awareness"


def test_composites_describe_their_children_and_bracket_nested_ones() -> None:
    text = describe(
        {
            "checks": [
                {
                    "type": "all_of",
                    "checks": [
                        {"type": "present", "kind": "competence-matrix"},
                        {"type": "present", "kind": "quality-policy"},
                    ],
                },
                {"type": "records", "kind": "training-records", "within_months": None},
            ]
        },
        "any_of",
    )
    assert text == (
        "One of: (All of: Competence matrix: a real document (not a template); Quality policy: a real "
        "document (not a template)); or Training records: at least one row"
    )


def test_at_least_of_one_topic_checks_names_the_kind_once() -> None:
    topics = ["previous actions", "audit results", "resources"]
    checks = [{"type": "covers", "kind": "management-review-record", "topics": {t: [t]}} for t in topics]
    text = describe({"n": 2, "checks": checks}, "at_least")
    assert text == (
        "Management review record addresses at least 2 of: previous actions, audit results or resources"
    )
    mixed = [checks[0], {"type": "present", "kind": "quality-policy"}]
    text = describe({"n": 1, "checks": mixed}, "at_least")
    assert text.startswith(
        "At least 1 of: Management review record addresses previous actions; Quality policy"
    )


def test_unknown_kinds_are_shown_by_id() -> None:
    check = params({"kind": "no-such-kind"}, "present")
    assert check.describe() == "no-such-kind: a real document (not a template)"


def test_every_bundled_check_describes_itself(library: Library) -> None:
    titles = {k: v.title for k, v in library.kinds.items()}
    for pack in library.packs.values():
        for requirement in pack.requirements:
            for check in requirement.check_params:
                text = check.describe(titles)
                assert text and "check passes" not in text, requirement.id
                assert "`" not in text and "\n" not in text, requirement.id
