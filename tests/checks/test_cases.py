"""Every check type against its cases (tests/checks/cases/<type>.yml), plus completeness.

A case file names its check ``type`` and holds named cases: pre-extracted documents,
parameters (``type`` may be left out), an optional ``as_of``, and what to expect: the
outcome, fragments of the message (``message``, ``not_message``), locators the evidence
must cite (``evidence``), paths it must or must not cite (``cites``, ``not_cites``) and
paths it must have looked at (``looked_at``). One generic
test runs them all with ids ``<type>_<case>``; the meta-tests below make sure each
type has a passing and a failing case, and a case for text the machine could not read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from imsaudit.checks import CHECK_TYPES
from imsaudit.checks.base import CheckParams, run_check
from imsaudit.core.types import Outcome
from tests.checks.builders import AS_OF, context, params

CASES_DIR = Path(__file__).parent / "cases"

COMPOSITES = {"all_of", "any_of", "at_least"}
ALWAYS_REVIEW = {"manual"}
EXISTENCE_ONLY = {"present"}
"""``present`` judges that a file exists, so unreadable text does not stop it."""


@dataclass(frozen=True)
class Case:
    type: str
    name: str
    data: dict[str, Any]
    kinds: dict[str, Any]

    @property
    def id(self) -> str:
        return f"{self.type}_{self.name}"

    @property
    def outcome(self) -> Outcome:
        return Outcome(self.data["expect"]["outcome"])

    @property
    def has_unreadable(self) -> bool:
        return any(d.get("error") or d.get("pages_without_text") for d in self.data.get("documents", ()))


def _load(path: Path) -> dict[str, Any]:
    loaded = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict), path
    return loaded


def load_cases() -> list[Case]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.yml")):
        data = _load(path)
        assert data.get("type") == path.stem, f"{path.name}: type must be {path.stem!r}"
        for name, case in data["cases"].items():
            cases.append(Case(path.stem, name, case, data.get("kinds") or {}))
    return cases


CASES = load_cases()


def _as_list(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    check: CheckParams = params(case.data["params"], case.type)
    as_of = case.data.get("as_of", AS_OF)
    assert isinstance(as_of, date)
    documents = case.data.get("documents", [])
    ctx = context(documents, [check], as_of=as_of, kinds=case.kinds)

    result = run_check(check, ctx)
    expect = case.data["expect"]
    shown = f"{result.outcome.value}: {result.message}\nevidence: {[e.locator for e in result.evidence]}"

    assert result.type == case.type
    assert result.outcome is case.outcome, shown
    for fragment in _as_list(expect.get("message")):
        assert fragment in result.message, f"{fragment!r} not in message\n{shown}"
    for fragment in _as_list(expect.get("not_message")):
        assert fragment not in result.message, f"{fragment!r} in message\n{shown}"
    locators = [e.locator for e in result.evidence]
    for locator in _as_list(expect.get("evidence")):
        assert locator in locators, f"{locator!r} not cited\n{shown}"
    cited = {e.path for e in result.evidence}
    for path in _as_list(expect.get("cites")):
        assert path in cited, f"{path!r} not cited\n{shown}"
    for path in _as_list(expect.get("not_cites")):
        assert path not in cited, f"{path!r} cited\n{shown}"
    for path in _as_list(expect.get("looked_at")):
        assert path in result.looked_at, f"{path!r} not in looked_at\n{shown}"

    # What every check promises, whatever the case.
    assert result.message.endswith("."), shown
    assert "\n" not in result.message, shown
    assert result.message[0].isupper() or result.message[0].isdigit(), shown
    paths = {d["path"] for d in documents}
    assert {e.path for e in result.evidence} <= paths
    assert set(result.looked_at) <= paths
    if result.outcome is Outcome.MET:
        assert result.evidence, "a met check cites its evidence"
    if case.type not in COMPOSITES:
        real = [d for d in documents if not d.get("template")]
        if not real:
            assert result.outcome is not Outcome.MET, "no evidence is never met"


# --------------------------------------------------------------------------- completeness


def _types_with(predicate: Any) -> set[str]:
    return {c.type for c in CASES if predicate(c)}


def test_every_case_file_names_a_registered_type() -> None:
    files = {p.stem for p in CASES_DIR.glob("*.yml")}
    assert files <= set(CHECK_TYPES), files - set(CHECK_TYPES)


def test_every_registered_type_has_a_case_file() -> None:
    files = {p.stem for p in CASES_DIR.glob("*.yml")}
    assert set(CHECK_TYPES) <= files, set(CHECK_TYPES) - files


def test_every_type_has_a_passing_and_a_failing_case() -> None:
    judged = set(CHECK_TYPES) - ALWAYS_REVIEW
    passing = _types_with(lambda c: c.outcome is Outcome.MET)
    failing = _types_with(lambda c: c.outcome in (Outcome.NOT_MET, Outcome.PARTLY_MET))
    assert judged <= passing, f"no met case: {sorted(judged - passing)}"
    assert judged <= failing, f"no not_met / partly_met case: {sorted(judged - failing)}"


def test_every_reading_type_has_a_case_for_unreadable_text() -> None:
    reading = set(CHECK_TYPES) - COMPOSITES - ALWAYS_REVIEW - EXISTENCE_ONLY
    reviewed = _types_with(lambda c: c.has_unreadable and c.outcome is Outcome.NEEDS_REVIEW)
    assert reading <= reviewed, f"no needs_review case for unreadable text: {sorted(reading - reviewed)}"


def test_present_counts_a_scanned_document() -> None:
    assert any(c.type == "present" and c.has_unreadable and c.outcome is Outcome.MET for c in CASES)


def test_manual_is_always_needs_review() -> None:
    manual = [c for c in CASES if c.type == "manual"]
    assert manual
    assert all(c.outcome is Outcome.NEEDS_REVIEW for c in manual)


def test_case_ids_are_unique() -> None:
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids))


# --------------------------------------------------------------------------- random evidence

LEAF_CASES = {c.type: c for c in reversed(CASES) if c.type not in COMPOSITES}
"""One case per leaf type (its first): its parameters are judged against random evidence."""


def _strings(check: CheckParams) -> list[str]:
    """Every text a check's parameters name (phrases, column aliases), to seed random evidence."""
    found: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    walk(check.model_dump(exclude={"type"}))
    return found


@st.composite
def random_documents(draw: st.DrawFn, check: CheckParams) -> list[dict[str, Any]]:
    words = st.sampled_from(
        [*_strings(check), "TBD", "IA-2026-01", "NC-03", "4-10", "Q3 2026", "n/a", "-", "Date: 2026-03-12"]
    )
    cells = st.one_of(
        st.none(),
        st.just(""),
        words,
        st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31)),
        st.integers(min_value=0, max_value=12),
    )
    kinds = list(check.kind_refs()) or ["quality-policy"]
    documents = []
    for index in range(draw(st.integers(min_value=0, max_value=3))):
        width = draw(st.integers(min_value=1, max_value=5))
        tables = [
            {
                "name": f"Sheet{t}",
                "header": draw(st.lists(words, min_size=width, max_size=width)),
                "rows": draw(st.lists(st.lists(cells, min_size=width, max_size=width), max_size=5)),
            }
            for t in range(draw(st.integers(min_value=0, max_value=2)))
        ]
        metadata = draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "approved_on": st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31)),
                    "review_due": st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31)),
                    "approved_by": st.sampled_from(["J. Smith", "CEO"]),
                    "version": st.sampled_from(["1", "3.0"]),
                },
            )
        )
        documents.append(
            {
                "path": f"doc-{index}.{draw(st.sampled_from(['md', 'xlsx', 'pdf']))}",
                "kinds": draw(st.lists(st.sampled_from(kinds), min_size=1, max_size=2, unique=True)),
                "template": draw(st.booleans()),
                "units": draw(st.lists(st.one_of(words, words.map(lambda w: f"# {w}")), max_size=6)),
                "tables": tables,
                "metadata": metadata,
                "rejected": draw(st.sampled_from([{}, {"approved_by": "<Name>"}])),
                "markers": draw(st.sampled_from([[], [{"text": "<Company Name>", "locator": "line 1"}]])),
                "pages_without_text": draw(st.sampled_from([[], [1]])),
                "error": draw(st.sampled_from([None, None, "File is not a zip file"])),
            }
        )
    return documents


@pytest.mark.parametrize("case", list(LEAF_CASES.values()), ids=list(LEAF_CASES))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_evidence_keeps_the_promises(case: Case, data: st.DataObject) -> None:
    check = params(case.data["params"], case.type)
    documents = data.draw(random_documents(check))
    result = run_check(check, context(documents, [check], kinds=case.kinds))

    assert result.message.endswith(".") and "\n" not in result.message
    paths = {d["path"] for d in documents}
    assert {e.path for e in result.evidence} <= paths
    real = [d for d in documents if not d["template"] and set(d["kinds"]) & set(check.kind_refs())]
    if result.outcome is Outcome.MET:
        assert result.evidence, result.message
        assert real or case.type == "manual", "no evidence is never met"
