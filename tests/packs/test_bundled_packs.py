"""Completeness of the bundled packs: every subclause, every requirement fully specified.

The clause lists below are facts from ../shared/reference/standards.md (clause numbers
and titles are not copyrighted); the packs must hold at least these.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from imsaudit.checks.base import CheckParams
from imsaudit.evidence.classify import GENERIC_COLUMNS
from imsaudit.graph.build import build_graph
from imsaudit.packs.hs import HS_CLAUSES
from imsaudit.packs.load import Library
from imsaudit.packs.model import Pack

ISO9001_TITLED = """
4 4.1 4.2 4.3 4.4 5 5.1 5.1.1 5.1.2 5.2 5.2.1 5.2.2 5.3 6 6.1 6.2 6.3 7 7.1 7.1.1 7.1.2 7.1.3
7.1.4 7.1.5 7.1.5.1 7.1.5.2 7.1.6 7.2 7.3 7.4 7.5 7.5.1 7.5.2 7.5.3 8 8.1 8.2 8.2.1 8.2.2 8.2.3
8.2.4 8.3 8.3.1 8.3.2 8.3.3 8.3.4 8.3.5 8.3.6 8.4 8.4.1 8.4.2 8.4.3 8.5 8.5.1 8.5.2 8.5.3 8.5.4
8.5.5 8.5.6 8.6 8.7 9 9.1 9.1.1 9.1.2 9.1.3 9.2 9.3 9.3.1 9.3.2 9.3.3 10 10.1 10.2 10.3
""".split()

ISO56001_CLAUSES = """
4 4.1 4.2 4.3 4.3.1 4.3.2 4.4 5 5.1 5.1.1 5.5 6 6.1 6.2 6.5 7 7.1 7.1.1 7.2 7.3 7.4 7.5 8 8.1 8.2
8.3 8.3.2 8.3.3 8.3.4 8.3.5 8.3.6 9 9.1 9.2 9.2.1 9.2.2 9.3 10
""".split()

ISO56001_TOPICS = [
    "innovation intent",
    "vision",
    "strategy",
    "policy",
    "roles",
    "portfolio",
    "structure",
    "collaboration",
    "people",
    "time",
    "knowledge",
    "finance",
    "infrastructure",
    "tools and methods",
    "strategic intelligence",
    "intellectual property",
    "initiatives",
    "identify opportunities",
    "create concepts",
    "validate concepts",
    "develop solutions",
    "deploy solutions",
]

PROMPTS = {"Show", "Tell", "Walk", "Describe", "Explain", "Give", "List", "Demonstrate", "Take"}
"""Interview prompts that are requests rather than questions ("Show me the last review minutes.")."""

MINIMA = {  # pack id: (requirements, evidence kinds used, prerequisite edges)
    "iso9001-2015": (120, 35, 40),
    "iso56001-2024": (80, 30, 40),
    "std-integration": (30, 12, 8),
}


def _pack(library: Library, pack_id: str) -> Pack:
    return library.pack(pack_id)


@pytest.mark.parametrize("pack_id", sorted(MINIMA))
def test_minimum_size(library: Library, pack_id: str) -> None:
    pack = _pack(library, pack_id)
    requirements, kinds, edges = MINIMA[pack_id]
    assert len(pack.requirements) >= requirements
    assert len(pack.kinds_used()) >= kinds
    assert sum(len(c.depends_on) for c in pack.clauses) >= edges


def test_iso9001_has_every_titled_subclause(library: Library) -> None:
    numbers = set(_pack(library, "iso9001-2015").clause_map)
    assert not [n for n in ISO9001_TITLED if n not in numbers]


def test_iso56001_has_the_verified_tree_and_innovation_topics(library: Library) -> None:
    pack = _pack(library, "iso56001-2024")
    assert not [n for n in ISO56001_CLAUSES if n not in pack.clause_map]
    titles = " | ".join(c.title.lower() for c in pack.clauses)
    assert not [t for t in ISO56001_TOPICS if t not in titles]


def test_iso56001_carries_numbering_confidence(library: Library) -> None:
    pack = _pack(library, "iso56001-2024")
    levels = Counter(c.confidence.value for c in pack.clauses)
    assert levels["high"] and (levels["medium"] or levels["low"]), levels
    for number in ("4.3.1", "4.3.2", "5.1.1", "7.1.1"):  # confirmed by the reference (H)
        assert pack.clause_map[number].confidence.value == "high", number


def test_std_integration_areas_cover_the_mission(library: Library) -> None:
    pack = _pack(library, "std-integration")
    areas = [c for c in pack.clauses if c.parent is None]
    assert len(areas) >= 8
    text = " ".join(
        [c.title + " " + c.summary for c in pack.clauses] + [r.text for r in pack.requirements]
    ).lower()
    for topic in (
        "patent",
        "frand",
        "jtc 1",
        "itu-t",
        "ieee",
        "3gpp",
        "deliverable",
        "curricul",
        "bulletin",
        "award",
        "promotion",
        "delegate",
        "landscape",
        "indicator",
    ):
        assert topic in text, topic


@pytest.mark.parametrize("pack_id", ["iso9001-2015", "iso56001-2024"])
def test_iso_packs_reach_every_hs_clause(library: Library, pack_id: str) -> None:
    anchors = {c.hs for c in _pack(library, pack_id).clauses}
    subclauses = {hs for hs in HS_CLAUSES if "." in hs and hs.count(".") == 1}
    assert not sorted(subclauses - anchors)


@pytest.mark.parametrize("pack_id", sorted(MINIMA))
def test_every_requirement_is_fully_specified(library: Library, pack_id: str) -> None:
    pack = _pack(library, pack_id)
    for requirement in pack.requirements:
        assert requirement.checks and requirement.questions
        assert len(requirement.text.split()) >= 6, requirement.id
        assert requirement.guidance.look_for and requirement.guidance.close_gap
        for question in requirement.questions:
            asks = question.rstrip().endswith("?") or question.split()[0] in PROMPTS
            assert asks, f"{requirement.id}: {question!r} is neither a question nor a request"


@pytest.mark.parametrize("pack_id", sorted(MINIMA))
def test_most_requirements_are_machine_judged(library: Library, pack_id: str) -> None:
    """A pack of ``manual`` checks would be a questionnaire, not an audit engine."""

    def manual_only(checks: tuple[CheckParams, ...]) -> bool:
        return all(p.type == "manual" for c in checks for p in c.walk() if not p.children())

    pack = _pack(library, pack_id)
    manual = sum(manual_only(r.check_params) for r in pack.requirements)
    assert manual / len(pack.requirements) <= 0.3, f"{manual} of {len(pack.requirements)} are manual only"


@pytest.mark.parametrize("pack_id", sorted(MINIMA))
def test_texts_are_not_repeated(library: Library, pack_id: str) -> None:
    pack = _pack(library, pack_id)
    texts = Counter(" ".join(r.text.lower().split()) for r in pack.requirements)
    assert not [t for t, n in texts.items() if n > 1]


@pytest.mark.parametrize("pack_id", sorted(MINIMA))
def test_graph_is_acyclic_and_ordered(library: Library, pack_id: str) -> None:
    graph = build_graph([_pack(library, pack_id)])
    order = graph.order()
    assert len(order) == len(graph)
    assert len(graph.phases()) >= 3


def test_every_defined_kind_is_used(library: Library) -> None:
    used = {k for pack in library.packs.values() for k in pack.kinds_used()}
    assert not sorted(set(library.kinds) - used)


def test_shared_kinds_serve_several_packs(library: Library) -> None:
    users = Counter(k for pack in library.packs.values() for k in pack.kinds_used())
    for kind in ("internal-audit-programme", "management-review-record", "nonconformity-log"):
        assert users[kind] >= 2, kind


def test_recognition_needs_more_than_a_file_name(library: Library) -> None:
    """A file name alone never makes a kind, and content alone can (docs/pack-format.md scores)."""
    for kind in library.kinds.values():
        rules = kind.recognize
        content = (4 if rules.title else 0) + (2 if rules.headings else 0)
        content += sum(rules.phrases.values())
        content += len([c for c in rules.columns if " ".join(c.lower().split()) not in GENERIC_COLUMNS])
        assert rules.min_score > 3 or not rules.filename, kind.id
        assert content >= rules.min_score, kind.id
        for pattern in rules.filename + rules.title + rules.headings:
            assert not re.fullmatch(r"\.\*|\.\+|", pattern), kind.id


def test_effectiveness_columns_are_due_only_once_the_action_is(library: Library) -> None:
    """An action's effectiveness is checked after it is done: a row not yet due is not late for it.

    Every bundled ``records`` check that requires an effectiveness column says so with
    ``when_due``, or a register of actions still running would read as a gap.
    """
    from imsaudit.checks.records import RecordsParams

    for pack in library.packs.values():
        for requirement in pack.requirements:
            for params in (p for c in requirement.check_params for p in c.walk()):
                if isinstance(params, RecordsParams) and "effectiveness" in params.required_columns:
                    assert "effectiveness" in params.when_due, requirement.id
