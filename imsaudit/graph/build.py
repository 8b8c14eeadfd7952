"""Pack(s) -> ClauseGraph: clauses as nodes, prerequisite edges from ``depends_on``.

An edge ``a -> b`` means *b depends on a*: a must be in place before b can work. The
graph answers what findings and the roadmap need: which clauses a gap puts at risk
(everything downstream), how to rank root gaps (by how much depends on them), and in
which order to fix things (phases: a clause comes one phase after its last prerequisite).
Every listing is sorted by pack and clause number, so output is stable.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import NamedTuple

import networkx as nx

from imsaudit.packs.model import Pack, clause_sort_key


class ClauseKey(NamedTuple):
    """A clause of a pack: ``("iso9001-2015", "9.2")``."""

    pack: str
    clause: str

    def __str__(self) -> str:
        return f"{self.pack}:{self.clause}"


def _sort_key(key: ClauseKey) -> tuple[str, tuple[str, tuple[int, ...]]]:
    return key.pack, clause_sort_key(key.clause)


def find_cycles(edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    """One cycle per strongly connected component, each as ``[a, b, ..., a]``.

    Bounded work even on hostile input (``simple_cycles`` can explode): a pack author
    needs to see *a* cycle to break, not all of them.
    """
    graph: nx.DiGraph = nx.DiGraph()
    graph.add_edges_from(edges)
    cycles: list[list[str]] = []
    for component in nx.strongly_connected_components(graph):
        nodes = sorted(component, key=clause_sort_key)
        if len(nodes) == 1 and not graph.has_edge(nodes[0], nodes[0]):
            continue
        sub = graph.subgraph(component)
        cycle_edges = nx.find_cycle(sub, source=nodes[0])
        path = [str(u) for u, _ in cycle_edges]
        cycles.append([*path, path[0]])
    return sorted(cycles, key=lambda c: clause_sort_key(c[0]))


class ClauseGraph:
    """Prerequisite graph over the clauses of one or more packs."""

    def __init__(self, graph: nx.DiGraph) -> None:
        self._g = graph

    # ----------------------------------------------------------------- nodes and edges

    @property
    def nx(self) -> nx.DiGraph:
        """The underlying networkx graph (read it; do not mutate it)."""
        return self._g

    def nodes(self) -> list[ClauseKey]:
        return sorted(self._g.nodes, key=_sort_key)

    def edges(self) -> list[tuple[ClauseKey, ClauseKey, str]]:
        """(prerequisite, dependent, reason), sorted."""
        return sorted(
            ((u, v, d["reason"]) for u, v, d in self._g.edges(data=True)),
            key=lambda e: (_sort_key(e[0]), _sort_key(e[1])),
        )

    def attrs(self, key: ClauseKey) -> dict[str, object]:
        """Node attributes: title, hs, confidence, requirements, parent."""
        return dict(self._g.nodes[key])

    def __contains__(self, key: object) -> bool:
        return key in self._g

    def __len__(self) -> int:
        return int(self._g.number_of_nodes())

    # ----------------------------------------------------------------- relations

    def prerequisites(self, key: ClauseKey) -> list[ClauseKey]:
        """Direct prerequisites of ``key``."""
        return sorted(self._g.predecessors(key), key=_sort_key)

    def dependents(self, key: ClauseKey) -> list[ClauseKey]:
        """Clauses that directly depend on ``key``."""
        return sorted(self._g.successors(key), key=_sort_key)

    def upstream(self, key: ClauseKey) -> list[ClauseKey]:
        """Every clause ``key`` depends on, directly or not."""
        return sorted(nx.ancestors(self._g, key), key=_sort_key)

    def downstream(self, key: ClauseKey) -> list[ClauseKey]:
        """Every clause that depends on ``key``, directly or not: what a gap here puts at risk."""
        return sorted(nx.descendants(self._g, key), key=_sort_key)

    def rank_roots(self, keys: Iterable[ClauseKey]) -> list[tuple[ClauseKey, int]]:
        """``keys`` with their downstream counts, most depended-on first (ties by number)."""
        counted = [(k, len(nx.descendants(self._g, k))) for k in set(keys)]
        return sorted(counted, key=lambda kc: (-kc[1], _sort_key(kc[0])))

    # ----------------------------------------------------------------- order

    def order(self) -> list[ClauseKey]:
        """A topological order; among clauses free at the same time, the lowest number first."""
        return list(nx.lexicographical_topological_sort(self._g, key=_sort_key))

    @cached_property
    def _phase_of(self) -> dict[ClauseKey, int]:
        phase: dict[ClauseKey, int] = {}
        for key in self.order():
            phase[key] = 1 + max((phase[p] for p in self._g.predecessors(key)), default=0)
        return phase

    def phase(self, key: ClauseKey) -> int:
        """1 for clauses with no prerequisites; otherwise one more than the latest prerequisite."""
        return self._phase_of[key]

    def phases(self) -> list[list[ClauseKey]]:
        """Clauses grouped by phase, phases in order, clauses sorted within a phase."""
        grouped: dict[int, list[ClauseKey]] = {}
        for key, phase in self._phase_of.items():
            grouped.setdefault(phase, []).append(key)
        return [sorted(grouped[p], key=_sort_key) for p in sorted(grouped)]

    def subgraph(self, keys: Sequence[ClauseKey]) -> ClauseGraph:
        """The graph restricted to ``keys`` (e.g. the clauses with gaps, for the report's map)."""
        return ClauseGraph(nx.DiGraph(self._g.subgraph(keys)))


def build_graph(packs: Iterable[Pack]) -> ClauseGraph:
    """The prerequisite graph of the given packs. Assumes validated packs (acyclic, no dangling)."""
    graph: nx.DiGraph = nx.DiGraph()
    for pack in sorted(packs, key=lambda p: p.id):
        for clause in sorted(pack.clauses, key=lambda c: clause_sort_key(c.number)):
            graph.add_node(
                ClauseKey(pack.id, clause.number),
                title=clause.title,
                hs=clause.hs,
                confidence=clause.confidence.value,
                requirements=len(clause.requirements),
                parent=clause.parent or "",
            )
        for clause in pack.clauses:
            for dep in clause.depends_on:
                graph.add_edge(
                    ClauseKey(pack.id, dep.clause), ClauseKey(pack.id, clause.number), reason=dep.reason
                )
    return ClauseGraph(graph)
