"""Propagation and roadmap invariants over random dependency graphs (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imsaudit.core.types import Finding, Outcome, Severity
from imsaudit.findings.plan import roadmap
from imsaudit.findings.propagate import propagate, root_gaps
from imsaudit.graph.build import ClauseKey, build_graph
from imsaudit.packs.model import Pack
from tests.findings.helpers import req
from tests.packs.strategies import packs

FINDINGS = st.sampled_from(list(Finding))
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(packs(), st.data())
def test_at_risk_exactly_when_a_major_gap_is_upstream(case: tuple[Pack, object], data: st.DataObject) -> None:
    pack, _ = case
    graph = build_graph([pack])
    findings = {key: data.draw(FINDINGS) for key in graph.nodes()}
    causes = propagate(graph, findings)
    major = {k for k, f in findings.items() if f is Finding.MAJOR_NC}
    for key in graph.nodes():
        upstream_major = set(graph.upstream(key)) & major
        assert bool(causes[key]) == bool(upstream_major)
        for root in causes[key]:
            assert root in upstream_major
            assert not (set(graph.upstream(root)) & major), "a root cause has no major gap upstream"
    ranked = root_gaps(graph, findings)
    counts = [n for _, n in ranked]
    assert counts == sorted(counts, reverse=True)
    assert {k for k, _ in ranked} == {k for k in major if not (set(graph.upstream(k)) & major)}


@SETTINGS
@given(packs(), st.data())
def test_roadmap_fixes_prerequisites_first(case: tuple[Pack, object], data: st.DataObject) -> None:
    pack, _ = case
    graph = build_graph([pack])
    results = []
    for clause in pack.clauses:
        for requirement in clause.requirements:
            outcome = data.draw(st.sampled_from([Outcome.MET, Outcome.NOT_MET, Outcome.PARTLY_MET]))
            results.append(req(requirement.id, outcome, Severity.MAJOR, pack.id, clause.number))
    phases = roadmap(
        results,
        phase_of={k: graph.phase(k) for k in graph.nodes()},
        downstream={k: len(graph.downstream(k)) for k in graph.nodes()},
        owners={},
    )
    phase_of_item = {(i.pack, i.clause): p.phase for p in phases for i in p.items}
    gaps = {(r.pack, r.clause) for r in results if r.outcome is not Outcome.MET}
    assert set(phase_of_item) == gaps
    assert [p.phase for p in phases] == list(range(1, len(phases) + 1))
    for src, dst, _ in graph.edges():
        if (src.pack, src.clause) in gaps and (dst.pack, dst.clause) in gaps:
            assert phase_of_item[(src.pack, src.clause)] < phase_of_item[(dst.pack, dst.clause)]
    assert all(ClauseKey(i.pack, i.clause) in graph for p in phases for i in p.items)
