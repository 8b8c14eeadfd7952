"""Text forms of a ClauseGraph: Graphviz DOT, Mermaid, GraphML.

Titles come from packs, which users may write: every label is escaped for its format
so a quote or bracket in a title cannot break (or inject into) the output.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from io import BytesIO

import networkx as nx

from imsaudit.graph.build import ClauseGraph, ClauseKey


def _label(graph: ClauseGraph, key: ClauseKey, multi_pack: bool) -> str:
    title = str(graph.attrs(key).get("title", ""))
    prefix = f"{key.pack} " if multi_pack else ""
    return f"{prefix}{key.clause} {title}".strip()


def _multi(graph: ClauseGraph) -> bool:
    return len({k.pack for k in graph.nodes()}) > 1


def to_dot(graph: ClauseGraph) -> str:
    """Graphviz DOT, prerequisites above dependents (``rankdir=TB``)."""

    def q(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'

    multi = _multi(graph)
    lines = [
        "digraph clauses {",
        "  rankdir=TB;",
        '  node [shape=box, style="rounded", fontname="Helvetica", fontsize=10];',
        '  edge [color="#667788"];',
    ]
    for key in graph.nodes():
        lines.append(f"  {q(str(key))} [label={q(_label(graph, key, multi))}];")
    for src, dst, reason in graph.edges():
        lines.append(f"  {q(str(src))} -> {q(str(dst))} [tooltip={q(reason)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _mermaid_id(key: ClauseKey) -> str:
    return "n_" + re.sub(r"[^A-Za-z0-9]", "_", f"{key.pack}_{key.clause}")


def to_mermaid(graph: ClauseGraph) -> str:
    """Mermaid flowchart (renders in GitHub and GitLab Markdown)."""

    def q(text: str) -> str:
        # Mermaid has no backslash escapes; entity codes are its way to show these.
        for raw, code in (("#", "#35;"), ('"', "#quot;"), ("<", "#lt;"), (">", "#gt;")):
            text = text.replace(raw, code)
        return '"' + text.replace("\n", " ") + '"'

    multi = _multi(graph)
    lines = ["flowchart TB"]
    for key in graph.nodes():
        lines.append(f"  {_mermaid_id(key)}[{q(_label(graph, key, multi))}]")
    for src, dst, _reason in graph.edges():
        lines.append(f"  {_mermaid_id(src)} --> {_mermaid_id(dst)}")
    return "\n".join(lines) + "\n"


def to_graphml(graph: ClauseGraph) -> str:
    """GraphML with title, hs, confidence on nodes and the reason on edges (yEd, Gephi)."""
    out: nx.DiGraph = nx.DiGraph()
    for key in graph.nodes():
        attrs = graph.attrs(key)
        out.add_node(
            str(key),
            pack=key.pack,
            clause=key.clause,
            title=str(attrs.get("title", "")),
            hs=str(attrs.get("hs", "")),
            confidence=str(attrs.get("confidence", "")),
        )
    for src, dst, reason in graph.edges():
        out.add_edge(str(src), str(dst), reason=reason)
    buffer = BytesIO()
    nx.write_graphml(out, buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")


SECTION_COLORS = {
    "4": "#1F4E79",
    "5": "#7D3C98",
    "6": "#117A65",
    "7": "#B7950B",
    "8": "#2E4053",
    "9": "#6E2C00",
    "10": "#0E6655",
}
"""One colour per Harmonized Structure section, so a clause's family shows at a glance."""


def to_svg(graph: ClauseGraph) -> str:
    """A standalone SVG: clauses in bands by phase (what can be built first), arrows to dependents.

    Drawn by the report's own dependency-map layout (no Graphviz needed); clauses that
    carry no requirement and no edge (headings such as "7 Support") are left out.
    """
    from imsaudit.render._charts import MapEdge, MapNode, dependency_map

    edges = [MapEdge(str(src), str(dst)) for src, dst, _reason in graph.edges()]
    linked = {e.source for e in edges} | {e.target for e in edges}
    multi = _multi(graph)
    nodes = []
    for order, key in enumerate(graph.order()):
        attrs = graph.attrs(key)
        if str(key) not in linked and not attrs.get("requirements"):
            continue
        hs = str(attrs.get("hs", key.clause)).split(".")[0]
        nodes.append(
            MapNode(
                key=str(key),
                clause=f"{key.pack} {key.clause}" if multi else key.clause,
                title=str(attrs.get("title", "")).removesuffix(" [label]"),
                phase=graph.phase(key),
                color=SECTION_COLORS.get(hs, "#5D6D7E"),
                root=False,
                order=order,
                weight=len(graph.downstream(key)),
            )
        )
    label = f"Prerequisite graph: {len(nodes)} clauses, {len(edges)} prerequisite links, by phase"
    svg = dependency_map(nodes, edges, width=900, label=label)
    return svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1) + "\n"


EXPORTERS: dict[str, Callable[[ClauseGraph], str]] = {
    "dot": to_dot,
    "mermaid": to_mermaid,
    "graphml": to_graphml,
    "svg": to_svg,
}
"""Graph formats by name; the CLI's ``--format`` choices come from here."""
