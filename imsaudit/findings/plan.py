"""The roadmap: every gap, in phases that follow the dependency graph (fix upstream first).

A gap is a requirement not met or partly met (excluded ones are not gaps). Its phase is
its clause's phase in the prerequisite graph (1 = no prerequisites), renumbered so no
phase is empty. Within a phase: major before minor, then the clauses more depended on,
then pack, clause and id. Each item carries the pack's guidance on how to close the gap
and the owner hint. Requirements that need review are not gaps yet: they go to the
interview list, not the roadmap.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from imsaudit.core.types import Outcome, Severity
from imsaudit.findings.model import RequirementResult, RoadmapItem, RoadmapPhase
from imsaudit.graph.build import ClauseKey
from imsaudit.packs.model import clause_sort_key

GAPS = (Outcome.NOT_MET, Outcome.PARTLY_MET)


def roadmap(
    requirements: Iterable[RequirementResult],
    phase_of: Mapping[ClauseKey, int],
    downstream: Mapping[ClauseKey, int],
    owners: Mapping[ClauseKey, str | None],
) -> tuple[RoadmapPhase, ...]:
    """Gaps grouped in dependency phases, each phase sorted as the module doc says."""
    grouped: dict[int, list[tuple[tuple[object, ...], RoadmapItem]]] = {}
    for r in requirements:
        if r.outcome not in GAPS:
            continue
        key = ClauseKey(r.pack, r.clause)
        item = RoadmapItem(
            pack=r.pack,
            clause=r.clause,
            requirement=r.id,
            action=r.guidance.close_gap,
            severity=r.severity,
            outcome=r.outcome,
            owner=r.owner or owners.get(key),
        )
        order = (
            r.severity is not Severity.MAJOR,
            -downstream.get(key, 0),
            r.pack,
            clause_sort_key(r.clause),
            r.id,
        )
        grouped.setdefault(phase_of.get(key, 1), []).append((order, item))
    phases = []
    for number, phase in enumerate(sorted(grouped), start=1):
        items = tuple(item for _, item in sorted(grouped[phase], key=lambda pair: pair[0]))
        phases.append(RoadmapPhase(phase=number, items=items))
    return tuple(phases)
