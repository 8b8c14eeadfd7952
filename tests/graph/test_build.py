"""Graph invariants, on hand-made packs and on random DAG packs (hypothesis)."""

from __future__ import annotations

import itertools
from xml.etree import ElementTree

from hypothesis import given, settings
from hypothesis import strategies as st

from imsaudit.graph.build import ClauseKey, build_graph, find_cycles
from imsaudit.graph.export import to_dot, to_graphml, to_mermaid, to_svg
from imsaudit.packs.load import load_library
from tests.conftest import MINI_PACK
from tests.packs.strategies import packs


def test_mini_pack_graph() -> None:
    pack = load_library([], files=[MINI_PACK]).pack("mini")
    graph = build_graph([pack])
    k41, k5, k52 = (ClauseKey("mini", n) for n in ("4.1", "5", "5.2"))
    assert graph.prerequisites(k52) == [k41]
    assert graph.dependents(k41) == [k5, k52]
    assert graph.downstream(k41) == [k5, k52]
    assert graph.phase(k41) == 1
    assert graph.phase(k52) == 2
    assert graph.rank_roots([k52, k41]) == [(k41, 2), (k52, 0)]


@settings(max_examples=60, deadline=None)
@given(packs())
def test_random_pack_graph_invariants(pack_and_edges: tuple) -> None:  # type: ignore[type-arg]
    pack, _ = pack_and_edges
    graph = build_graph([pack])
    order = graph.order()
    position = {key: i for i, key in enumerate(order)}
    assert sorted(order) == sorted(graph.nodes())
    for src, dst, reason in graph.edges():
        assert position[src] < position[dst]
        assert graph.phase(dst) > graph.phase(src)
        assert dst in graph.downstream(src)
        assert src in graph.upstream(dst)
        assert reason
    for key in graph.nodes():
        assert (graph.phase(key) == 1) == (not graph.prerequisites(key))
        assert key not in graph.downstream(key)
    flat = [k for phase in graph.phases() for k in phase]
    assert sorted(flat) == sorted(graph.nodes())
    ranked = graph.rank_roots(graph.nodes())
    counts = [c for _, c in ranked]
    assert counts == sorted(counts, reverse=True)
    # Exports name every node and every edge, and are deterministic.
    assert to_dot(graph) == to_dot(build_graph([pack]))
    assert to_mermaid(graph).count("-->") == len(graph.edges())
    assert to_graphml(graph).count("<edge ") == len(graph.edges())
    svg = to_svg(graph)
    assert svg == to_svg(build_graph([pack]))
    linked = {str(k) for e in graph.edges() for k in e[:2]}
    shown = {str(k) for k in graph.nodes() if str(k) in linked or graph.attrs(k)["requirements"]}
    assert svg.count("<rect ") - _bands(svg) == len(shown)


@given(st.lists(st.tuples(st.sampled_from("123456"), st.sampled_from("123456")), max_size=15))
def test_find_cycles_returns_real_cycles(edges: list[tuple[str, str]]) -> None:
    edge_set = set(edges)
    for cycle in find_cycles(edges):
        assert cycle[0] == cycle[-1]
        assert all((a, b) in edge_set for a, b in itertools.pairwise(cycle))
    # No cycle reported means the graph is acyclic: a topological sort exists.
    if not find_cycles(edges):
        import networkx as nx

        assert nx.is_directed_acyclic_graph(nx.DiGraph(edges))


def test_export_escapes_titles() -> None:
    pack = load_library([], files=[MINI_PACK]).pack("mini")
    clauses = tuple(
        c.model_copy(update={"title": 'Bad "title" <b>#1</b>\\'}) if c.number == "4.1" else c
        for c in pack.clauses
    )
    graph = build_graph([pack.model_copy(update={"clauses": clauses})])
    dot = to_dot(graph)
    assert '\\"title\\"' in dot
    mermaid = to_mermaid(graph)
    assert "<b>" not in mermaid
    assert "#quot;title#quot;" in mermaid
    assert "&lt;b&gt;" in to_graphml(graph)
    svg = to_svg(graph)
    assert "<b>" not in svg and "&lt;b&gt;" in svg
    ElementTree.fromstring(svg)  # well-formed: an escaped title cannot break the markup


def _bands(svg: str) -> int:
    """The phase bands are rects too (one per phase)."""
    return svg.count(">Phase ")


def test_svg_draws_every_prerequisite_link_of_a_bundled_pack() -> None:
    pack = load_library(["std-integration"]).pack("std-integration")
    graph = build_graph([pack])
    root = ElementTree.fromstring(to_svg(graph))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    arrows = [p for p in root.iter("{http://www.w3.org/2000/svg}path") if p.get("d", "").endswith("Z")]
    assert len(arrows) == len(graph.edges())
    texts = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]
    phases = [t for t in texts if t.startswith("Phase")]
    assert phases == [f"Phase {n}" for n in range(1, len(graph.phases()) + 1)]
