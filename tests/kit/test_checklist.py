"""The checklist's view model: every requirement once, in dependency order, grouped in phases."""

from __future__ import annotations

import pytest

from imsaudit.core.errors import UsageError
from imsaudit.graph.build import ClauseKey, build_graph
from imsaudit.kit.checklist import Checklist, build_checklist
from imsaudit.packs.load import Library

PACK_IDS = ["iso56001-2024", "iso9001-2015", "std-integration"]


def assert_dependency_order(checklist: Checklist, library: Library) -> None:
    """No requirement comes before a requirement of one of its clause's prerequisites (direct or not)."""
    packs = [library.packs[p] for p in checklist.pack_ids]
    graph = build_graph(packs)
    position = {item.id: index for index, item in enumerate(checklist.items)}
    by_clause: dict[ClauseKey, list[str]] = {}
    for item in checklist.items:
        by_clause.setdefault(ClauseKey(item.pack, item.clause), []).append(item.id)
    for item in checklist.items:
        for upstream in graph.upstream(ClauseKey(item.pack, item.clause)):
            for earlier in by_clause.get(upstream, []):
                assert position[earlier] < position[item.id], f"{item.id} comes before {earlier}"


@pytest.mark.parametrize("pack_id", PACK_IDS)
def test_every_requirement_once_in_dependency_order(library: Library, pack_id: str) -> None:
    checklist = build_checklist(library, [pack_id])
    pack = library.packs[pack_id]
    assert sorted(i.id for i in checklist.items) == sorted(r.id for r in pack.requirements)
    assert_dependency_order(checklist, library)
    assert [p.number for p in checklist.phases] == list(range(1, len(checklist.phases) + 1))
    assert len(checklist.phases) > 3
    for phase in checklist.phases:
        assert phase.clauses and all(c.items for c in phase.clauses)
        assert all(item.phase == phase.number for item in phase.items)
    first = checklist.phases[0]
    assert all(not clause.after for clause in first.clauses), "phase 1 has no prerequisites"
    assert any(clause.after for phase in checklist.phases[1:] for clause in phase.clauses)


def test_items_carry_what_a_person_needs(library: Library) -> None:
    checklist = build_checklist(library, ["iso9001-2015"])
    item = next(i for i in checklist.items if i.id == "QMS-10.2.1-02")
    assert item.clause == "10.2.1" and item.severity in ("major", "minor")
    assert [e.kind for e in item.evidence] == ["nonconformity-log"]
    assert item.evidence[0].form == "register"
    assert item.evidence[0].description
    assert any("Nonconformity and corrective action log: at least one row" in a for a in item.asks)
    assert item.look_for and item.close_gap and item.questions
    policy = next(i for i in checklist.items if i.id == "QMS-5.2.1-01")
    assert policy.evidence[0].form == "controlled document"
    assert "Quality policy, approved or dated within the last 36 months" in " ".join(policy.asks)
    audit = next(i for i in checklist.items if i.id == "QMS-9.2.2-01")
    assert any("covering 4–10" in a for a in audit.asks)


def test_several_packs_share_one_order(library: Library) -> None:
    checklist = build_checklist(library, list(reversed(PACK_IDS)))
    assert checklist.pack_ids == tuple(PACK_IDS), "packs are sorted, whatever order they are given in"
    assert checklist.multi_pack
    assert len(checklist.items) == sum(len(library.packs[p].requirements) for p in PACK_IDS)
    assert_dependency_order(checklist, library)
    assert checklist.title == (
        "Self-assessment checklist: ISO 56001:2024 + ISO 9001:2015 "
        "+ Standardization integrated into research and innovation"
    )


def test_unknown_pack_is_a_usage_error(library: Library) -> None:
    with pytest.raises(UsageError, match="did you mean 'iso9001-2015'"):
        build_checklist(library, ["iso9001"])
