"""Requirement results -> clause results, summary, root gaps, roadmap, HS view.

Pure: everything comes from the library, the graph and the requirement results, so
the same inputs give the same AuditResult.
"""

from __future__ import annotations

from collections.abc import Sequence

from imsaudit.core.types import Finding, Outcome
from imsaudit.findings.evaluate import Exclusion, excluded_by
from imsaudit.findings.model import (
    ClauseResult,
    HsRow,
    PackSummary,
    RequirementResult,
    RoadmapPhase,
    RootGap,
    SectionScore,
    Summary,
)
from imsaudit.findings.plan import roadmap
from imsaudit.findings.propagate import propagate, requirement_finding, root_gaps, worst
from imsaudit.findings.score import MATURITY_LABELS, maturity, score
from imsaudit.graph.build import ClauseGraph, ClauseKey, build_graph
from imsaudit.packs.hs import HS_CLAUSES, HS_SECTIONS, hs_section
from imsaudit.packs.load import Library
from imsaudit.packs.model import clause_sort_key


def _counts(findings: Sequence[Finding]) -> dict[str, int]:
    return {f.value: sum(x is f for x in findings) for f in Finding}


def clause_results(
    library: Library,
    graph: ClauseGraph,
    requirements: Sequence[RequirementResult],
    exclusions: Sequence[Exclusion],
) -> tuple[ClauseResult, ...]:
    """One result per clause of every pack, findings propagated along the graph."""
    by_clause: dict[ClauseKey, list[RequirementResult]] = {}
    for r in requirements:
        by_clause.setdefault(ClauseKey(r.pack, r.clause), []).append(r)
    findings: dict[ClauseKey, Finding] = {}
    subtree: dict[ClauseKey, list[RequirementResult]] = {}
    for pack in library.packs.values():
        # Deepest clauses first, so a parent can take the worst of its children.
        for clause in sorted(pack.clauses, key=lambda c: clause_sort_key(c.number), reverse=True):
            key = ClauseKey(pack.id, clause.number)
            own = by_clause.get(key, [])
            children = [ClauseKey(pack.id, c.number) for c in pack.children(clause.number)]
            subtree[key] = own + [r for child in children for r in subtree[child]]
            if excluded_by(pack, clause.number, exclusions):
                findings[key] = Finding.NOT_APPLICABLE
            elif own:
                own_finding = requirement_finding(own)
                child_findings = [findings[c] for c in children]
                findings[key] = worst([own_finding, *child_findings]) if child_findings else own_finding
            else:
                findings[key] = worst([findings[c] for c in children])
    causes = propagate(graph, findings)
    results = []
    for pack in library.packs.values():
        for clause in pack.clauses:
            key = ClauseKey(pack.id, clause.number)
            root_causes = causes.get(key, ())
            results.append(
                ClauseResult(
                    pack=pack.id,
                    clause=clause.number,
                    title=clause.title,
                    finding=findings[key],
                    score=score(subtree[key]),
                    at_risk=bool(root_causes),
                    root_causes=tuple(k.clause for k in root_causes),
                    hs=clause.hs,
                    confidence=clause.confidence.value,
                    requirements=tuple(r.id for r in by_clause.get(key, [])),
                    downstream=len(graph.downstream(key)),
                    phase=graph.phase(key),
                    justification=excluded_by(pack, clause.number, exclusions),
                )
            )
    return tuple(results)


def summarize(
    library: Library,
    clauses: Sequence[ClauseResult],
    requirements: Sequence[RequirementResult],
) -> Summary:
    """Counts, scores per section and pack, overall score and maturity."""
    packs = []
    sections = []
    hs_of = {(c.pack, c.clause): c.hs for c in clauses}
    for pack in library.packs.values():
        own = [r for r in requirements if r.pack == pack.id]
        section_scores: dict[str, float | None] = {}
        for section in HS_SECTIONS:
            in_section = [r for r in own if hs_section(hs_of[(r.pack, r.clause)]) == section]
            if not in_section:
                continue
            section_scores[section] = score(in_section)
            sections.append(
                SectionScore(
                    pack=pack.id,
                    section=section,
                    title=HS_CLAUSES[section],
                    score=section_scores[section],
                    counts={o.value: sum(r.outcome is o for r in in_section) for o in Outcome},
                )
            )
        pack_clauses = [c for c in clauses if c.pack == pack.id and c.requirements]
        pack_score = score(own)
        packs.append(
            PackSummary(
                id=pack.id,
                score=pack_score,
                maturity=maturity(
                    pack_score,
                    has_major_nc=any(c.finding is Finding.MAJOR_NC for c in pack_clauses),
                    section_9=section_scores.get("9"),
                    section_10=section_scores.get("10"),
                ),
                counts=_counts([c.finding for c in pack_clauses]),
            )
        )
    assessable = [c for c in clauses if c.requirements]
    overall = score(requirements)
    level = min((p.maturity for p in packs), default=0) if overall is not None else 0
    return Summary(
        overall_score=overall,
        maturity=level,
        maturity_label=MATURITY_LABELS[level],
        counts=_counts([c.finding for c in assessable]),
        outcomes={o.value: sum(r.outcome is o for r in requirements) for o in Outcome},
        needs_review=sum(r.outcome is Outcome.NEEDS_REVIEW for r in requirements),
        packs=tuple(packs),
        sections=tuple(sections),
    )


def hs_view(clauses: Sequence[ClauseResult]) -> tuple[HsRow, ...]:
    """Each pack's findings per Harmonized Structure clause, in HS order."""
    rows = []
    for hs, title in HS_CLAUSES.items():
        on_it = [c for c in clauses if c.hs == hs and c.requirements]
        if not on_it:
            continue
        per_pack: dict[str, list[str]] = {}
        for c in on_it:
            per_pack.setdefault(c.pack, []).append(f"{c.clause} {c.finding.value}")
        rows.append(HsRow(hs=hs, title=title, findings={p: tuple(v) for p, v in sorted(per_pack.items())}))
    return tuple(rows)


def assemble(
    library: Library,
    requirements: Sequence[RequirementResult],
    exclusions: Sequence[Exclusion] = (),
) -> tuple[
    tuple[ClauseResult, ...], Summary, tuple[RootGap, ...], tuple[RoadmapPhase, ...], tuple[HsRow, ...]
]:
    """Clause results, summary, root gaps, roadmap and HS view of one audit."""
    graph = build_graph(library.packs.values())
    clauses = clause_results(library, graph, requirements, exclusions)
    findings = {ClauseKey(c.pack, c.clause): c.finding for c in clauses}
    by_key = {ClauseKey(c.pack, c.clause): c for c in clauses}
    gaps = tuple(
        RootGap(
            pack=k.pack,
            clause=k.clause,
            title=by_key[k].title,
            downstream=n,
            finding=by_key[k].finding,
        )
        for k, n in root_gaps(graph, findings)
        if by_key[k].requirements
    )
    owners = {ClauseKey(pack.id, c.number): c.owner for pack in library.packs.values() for c in pack.clauses}
    plan = roadmap(
        requirements,
        phase_of={k: graph.phase(k) for k in graph.nodes()},
        downstream={k: c.downstream for k, c in by_key.items()},
        owners=owners,
    )
    return clauses, summarize(library, clauses, requirements), gaps, plan, hs_view(clauses)
