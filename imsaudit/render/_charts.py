"""Charts of the PDF and HTML reports, drawn as SVG strings by hand.

No plotting library: the charts are few and simple, and drawing them here keeps the
output deterministic (fixed number formats, no ids from a counter, no timestamps) and
free of any external resource. Every piece of text is escaped with :func:`_text`;
the returned strings are safe to insert into HTML as they are.

Sizes are CSS pixels (1/96 inch); the SVG carries a ``viewBox`` so it scales down to
the column it sits in.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

FONT = "Liberation Sans, Arial, Helvetica, DejaVu Sans, sans-serif"
INK = "#1C2833"
MUTED = "#5D6D7E"
GRID = "#D5DBE1"
TRACK = "#EEF1F4"

EDGE_COLORS = (
    "#1F4E79",
    "#7D3C98",
    "#117A65",
    "#B7950B",
    "#2E4053",
    "#6E2C00",
    "#5B2C6F",
    "#0E6655",
)
"""One hue per root cause in the dependency map, so its edges can be followed."""

FINDING_COLORS = {
    "major_nc": "#C0392B",
    "minor_nc": "#E67E22",
    "ofi": "#2E86C1",
    "conformity": "#27AE60",
    "not_assessed": "#7F8C8D",
    "not_applicable": "#B3BCC4",
}
OUTCOME_COLORS = {
    "met": "#27AE60",
    "partly_met": "#E6A817",
    "not_met": "#C0392B",
    "needs_review": "#7F8C8D",
    "not_applicable": "#B3BCC4",
}
SEVERITY_COLORS = {"major": "#C0392B", "minor": "#E67E22"}


def _text(value: object) -> str:
    return html.escape(str(value), quote=True)


def _n(value: float) -> str:
    """A coordinate with at most one decimal, the same text on every platform."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _svg(width: float, height: float, body: Sequence[str], label: str, css_class: str = "chart") -> str:
    return (
        f'<svg class="{css_class}" width="{_n(width)}" height="{_n(height)}" '
        f'viewBox="0 0 {_n(width)} {_n(height)}" role="img" aria-label="{_text(label)}" '
        f'font-family="{FONT}">' + "".join(body) + "</svg>"
    )


def _label(x: float, y: float, text: str, size: float = 11, **attrs: str) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{_text(v)}"' for k, v in attrs.items())
    return f'<text x="{_n(x)}" y="{_n(y)}" font-size="{_n(size)}"{extra}>{_text(text)}</text>'


def _rect(x: float, y: float, w: float, h: float, fill: str, **attrs: str) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{_text(v)}"' for k, v in attrs.items())
    return f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(max(w, 0))}" height="{_n(h)}" fill="{fill}"{extra}/>'


def truncate(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis (SVG text does not wrap)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def wrap_words(text: str, width: int, lines: int) -> list[str]:
    """``text`` in at most ``lines`` lines of about ``width`` characters; the last one cut."""
    out: list[str] = []
    current = ""
    words = text.split()
    for index, word in enumerate(words):
        candidate = f"{current} {word}".strip()
        if len(candidate) <= width or not current:
            current = candidate
            continue
        out.append(current)
        current = word
        if len(out) == lines - 1:
            current = " ".join(words[index:])
            break
    if current:
        out.append(current)
    return [truncate(line, width) for line in out[:lines]]


@dataclass(frozen=True)
class Slice:
    """One part of a whole: label, value and colour."""

    label: str
    value: int
    color: str


def donut(slices: Sequence[Slice], center: str, caption: str, size: float = 150) -> str:
    """A ring of ``slices`` with ``center`` (a number) and ``caption`` in the middle."""
    total = sum(s.value for s in slices)
    r_out, r_in = size / 2 - 2, size / 2 - 24
    cx = cy = size / 2
    body: list[str] = [f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r_out)}" fill="{TRACK}"/>']
    angle = -math.pi / 2
    for part in slices:
        if not part.value or not total:
            continue
        sweep = 2 * math.pi * part.value / total
        if sweep >= 2 * math.pi - 1e-9:
            body.append(f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r_out)}" fill="{part.color}"/>')
            angle += sweep
            continue
        end = angle + sweep
        large = 1 if sweep > math.pi else 0
        x1, y1 = cx + r_out * math.cos(angle), cy + r_out * math.sin(angle)
        x2, y2 = cx + r_out * math.cos(end), cy + r_out * math.sin(end)
        x3, y3 = cx + r_in * math.cos(end), cy + r_in * math.sin(end)
        x4, y4 = cx + r_in * math.cos(angle), cy + r_in * math.sin(angle)
        body.append(
            f'<path d="M{_n(x1)} {_n(y1)} A{_n(r_out)} {_n(r_out)} 0 {large} 1 {_n(x2)} {_n(y2)} '
            f'L{_n(x3)} {_n(y3)} A{_n(r_in)} {_n(r_in)} 0 {large} 0 {_n(x4)} {_n(y4)}Z" '
            f'fill="{part.color}" stroke="#FFFFFF" stroke-width="1.5"><title>{_text(part.label)}: '
            f"{part.value}</title></path>"
        )
        angle = end
    body.append(f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r_in)}" fill="#FFFFFF"/>')
    body.append(_label(cx, cy + 4, center, 26, text_anchor="middle", font_weight="bold", fill=INK))
    body.append(_label(cx, cy + 20, caption, 10, text_anchor="middle", fill=MUTED))
    label = ", ".join(f"{s.label} {s.value}" for s in slices)
    return _svg(size, size, body, label)


def gauge(level: int, labels: Sequence[str], color: str = "#1F4E79", width: float = 300) -> str:
    """A six-step maturity scale (0-5): rising steps, those up to ``level`` filled."""
    steps = len(labels)
    gap = 3.0
    margin = 8.0  # the labels under the end steps ("Not addressed") are wider than a step
    step_w = (width - 2 * margin - gap * (steps - 1)) / steps
    body: list[str] = []
    for index, name in enumerate(labels):
        x = margin + index * (step_w + gap)
        h = 14 + index * 6
        body.append(_rect(x, 46 - h, step_w, h, color if index <= level else TRACK, rx="2"))
        current = index == level
        style = {"font_weight": "bold" if current else "normal", "fill": INK if current else MUTED}
        body.append(_label(x + step_w / 2, 60, str(index), 11, text_anchor="middle", **style))
        body.append(_label(x + step_w / 2, 74, truncate(name, 14), 7.5, text_anchor="middle", **style))
    return _svg(width, 80, body, f"Maturity level {level} of 5: {labels[level]}")


@dataclass(frozen=True)
class Bar:
    """One bar of a horizontal bar chart; ``value`` None is drawn as 'not scored'."""

    label: str
    value: float | None
    color: str
    note: str = ""


def score_bars(groups: Sequence[tuple[str, Sequence[Bar]]], width: float = 660, label_w: float = 190) -> str:
    """Horizontal 0-100 bars, grouped (one group per section, one bar per pack)."""
    bar_h, bar_gap, group_gap, top = 11.0, 3.0, 10.0, 18.0
    plot_w = width - label_w - 40
    height = top + sum(len(bars) * (bar_h + bar_gap) + group_gap for _, bars in groups) + 4
    body: list[str] = []
    for tick in (0, 25, 50, 75, 100):
        x = label_w + plot_w * tick / 100
        body.append(
            f'<line x1="{_n(x)}" y1="{_n(top - 4)}" x2="{_n(x)}" y2="{_n(height - 4)}" '
            f'stroke="{GRID}" stroke-width="0.8"/>'
        )
        body.append(_label(x, top - 7, str(tick), 8.5, text_anchor="middle", fill=MUTED))
    y = top
    for title, bars in groups:
        block = len(bars) * (bar_h + bar_gap) - bar_gap
        body.append(
            _label(
                label_w - 8,
                y + block / 2 + 4,
                truncate(title, 34),
                10,
                text_anchor="end",
                fill=INK,
            )
        )
        for bar in bars:
            body.append(_rect(label_w, y, plot_w, bar_h, TRACK))
            if bar.value is None:
                body.append(_label(label_w + 4, y + bar_h - 2, "not scored", 8.5, fill=MUTED))
            else:
                body.append(_rect(label_w, y, plot_w * bar.value / 100, bar_h, bar.color))
                body.append(
                    _label(
                        label_w + plot_w * bar.value / 100 + 4,
                        y + bar_h - 2,
                        f"{bar.value:.0f}" + (f"  {bar.note}" if bar.note else ""),
                        8.5,
                        fill=INK,
                    )
                )
            y += bar_h + bar_gap
        y += group_gap
    return _svg(width, height, body, "Scores per section, 0 to 100")


def stacked_bars(
    rows: Sequence[tuple[str, Sequence[Slice]]], width: float = 660, label_w: float = 150
) -> str:
    """One 100 % stacked bar per row (requirements per outcome), counts written inside."""
    bar_h, gap = 14.0, 6.0
    plot_w = width - label_w - 10
    height = len(rows) * (bar_h + gap) + 2
    body: list[str] = []
    y = 1.0
    for title, slices in rows:
        total = sum(s.value for s in slices)
        body.append(_label(label_w - 8, y + bar_h - 3, truncate(title, 26), 10, text_anchor="end", fill=INK))
        x = float(label_w)
        if not total:
            body.append(_rect(x, y, plot_w, bar_h, TRACK))
        for part in slices:
            if not part.value or not total:
                continue
            w = plot_w * part.value / total
            body.append(_rect(x, y, w, bar_h, part.color))
            if w >= 16:
                body.append(
                    _label(
                        x + w / 2, y + bar_h - 3.5, str(part.value), 9, text_anchor="middle", fill="#FFFFFF"
                    )
                )
            x += w
        y += bar_h + gap
    return _svg(width, height, body, "Requirements per outcome")


def phase_bars(phases: Sequence[tuple[int, int, int]], width: float = 660) -> str:
    """Roadmap actions per phase, major gaps stacked under minor ones."""
    if not phases:
        return ""
    top, bottom, plot_h = 16.0, 30.0, 90.0
    biggest = max(major + minor for _, major, minor in phases) or 1
    slot = (width - 20) / len(phases)
    bar_w = min(36.0, slot * 0.6)
    body: list[str] = [
        f'<line x1="10" y1="{_n(top + plot_h)}" x2="{_n(width - 10)}" y2="{_n(top + plot_h)}" '
        f'stroke="{GRID}" stroke-width="1"/>'
    ]
    for index, (phase, major, minor) in enumerate(phases):
        cx = 10 + slot * index + slot / 2
        h_major = plot_h * major / biggest
        h_minor = plot_h * minor / biggest
        base = top + plot_h
        body.append(_rect(cx - bar_w / 2, base - h_major, bar_w, h_major, SEVERITY_COLORS["major"]))
        body.append(_rect(cx - bar_w / 2, base - h_major - h_minor, bar_w, h_minor, SEVERITY_COLORS["minor"]))
        body.append(
            _label(cx, base - h_major - h_minor - 3, str(major + minor), 9, text_anchor="middle", fill=INK)
        )
        body.append(_label(cx, base + 13, f"Phase {phase}", 9, text_anchor="middle", fill=MUTED))
    body.append(_rect(10, top + plot_h + 19, 9, 9, SEVERITY_COLORS["major"]))
    body.append(_label(23, top + plot_h + 27, "major", 9, fill=MUTED))
    body.append(_rect(70, top + plot_h + 19, 9, 9, SEVERITY_COLORS["minor"]))
    body.append(_label(83, top + plot_h + 27, "minor", 9, fill=MUTED))
    return _svg(width, top + plot_h + bottom, body, "Roadmap actions per phase")


@dataclass(frozen=True)
class MapNode:
    """A clause in the dependency map."""

    key: str
    clause: str
    title: str
    phase: int
    color: str
    root: bool
    order: int
    """Position in the pack (clause order), to break ties."""
    weight: int = 0
    """How many clauses depend on it (roots are ordered by it)."""


@dataclass(frozen=True)
class MapEdge:
    source: str
    target: str


def dependency_map(
    nodes: Sequence[MapNode], edges: Sequence[MapEdge], width: float = 680, label: str | None = None
) -> str:
    """Clauses as boxes in layers by roadmap phase, edges from root causes to clauses at risk.

    A simple layered layout: one band per phase, top to bottom; a band wraps into more
    rows when it holds more boxes than fit; within a band, boxes sit under the mean
    position of their root causes (one barycentre pass), so edges cross less.
    """
    if not nodes:
        return ""
    label_w, box_w, box_h, h_gap, row_gap, band_gap = 58.0, 72.0, 36.0, 8.0, 10.0, 26.0
    per_row = max(1, int((width - label_w + h_gap) // (box_w + h_gap)))
    by_phase: dict[int, list[MapNode]] = {}
    for node in nodes:
        by_phase.setdefault(node.phase, []).append(node)
    parents: dict[str, list[str]] = {}
    for edge in edges:
        parents.setdefault(edge.target, []).append(edge.source)
    roots = sorted((n for n in nodes if n.root), key=lambda n: n.key)
    root_color = {n.key: EDGE_COLORS[i % len(EDGE_COLORS)] for i, n in enumerate(roots)}

    position: dict[str, tuple[float, float]] = {}
    body_boxes: list[str] = []
    body_labels: list[str] = []
    y = 4.0
    for phase in sorted(by_phase):
        members = by_phase[phase]

        def rank(node: MapNode) -> tuple[float, int, int]:
            xs = [position[p][0] for p in parents.get(node.key, []) if p in position]
            centre = sum(xs) / len(xs) if xs else float("inf")
            return (centre, -node.weight, node.order)

        if all(not parents.get(n.key) for n in members):
            members = sorted(members, key=lambda n: (-n.weight, n.order))
        else:
            members = sorted(members, key=rank)
        rows = [members[i : i + per_row] for i in range(0, len(members), per_row)]
        band_top = y
        for row in rows:
            row_w = len(row) * (box_w + h_gap) - h_gap
            x0 = label_w + (width - label_w - row_w) / 2
            for index, node in enumerate(row):
                x = x0 + index * (box_w + h_gap)
                position[node.key] = (x + box_w / 2, y)
                stroke = root_color.get(node.key, "#FFFFFF")
                body_boxes.append(
                    _rect(
                        x,
                        y,
                        box_w,
                        box_h,
                        node.color,
                        rx="4",
                        stroke=stroke,
                        stroke_width="3" if node.root else "1",
                    )
                )
                body_boxes.append(
                    _label(
                        x + box_w / 2,
                        y + 12,
                        truncate(node.clause, 13),
                        10,
                        text_anchor="middle",
                        font_weight="bold",
                        fill="#FFFFFF",
                    )
                )
                for line_no, line in enumerate(wrap_words(node.title, 17, 2)):
                    body_boxes.append(
                        _label(
                            x + box_w / 2,
                            y + 22.5 + line_no * 8.5,
                            line,
                            7,
                            text_anchor="middle",
                            fill="#FFFFFF",
                        )
                    )
            y += box_h + row_gap
        band_bottom = y - row_gap
        body_labels.append(_rect(0, band_top - 4, width, band_bottom - band_top + 8, "#F4F6F8", rx="3"))
        body_labels.append(
            _label(6, (band_top + band_bottom) / 2 + 4, f"Phase {phase}", 10, font_weight="bold", fill=MUTED)
        )
        y = band_bottom + band_gap
    height = y - band_gap + 8

    # Spread the ends over the box edges (exits ordered by target x, entries by source x), so
    # lines leave and arrive side by side; arrowheads go on top, so an edge that passes under
    # a box is not mistaken for one that ends there.
    drawn = [e for e in edges if e.source in position and e.target in position]
    exits: dict[str, list[MapEdge]] = {}
    entries: dict[str, list[MapEdge]] = {}
    for edge in drawn:
        exits.setdefault(edge.source, []).append(edge)
        entries.setdefault(edge.target, []).append(edge)

    def spread(key: str, group: list[MapEdge], other: str) -> dict[tuple[str, str], float]:
        ordered = sorted(group, key=lambda e: (position[getattr(e, other)][0], getattr(e, other)))
        usable = box_w - 16
        return {
            (e.source, e.target): position[key][0] - usable / 2 + usable * (i + 1) / (len(ordered) + 1)
            for i, e in enumerate(ordered)
        }

    exit_x: dict[tuple[str, str], float] = {}
    for key, group in exits.items():
        exit_x.update(spread(key, group, "target"))
    entry_x: dict[tuple[str, str], float] = {}
    for key, group in entries.items():
        entry_x.update(spread(key, group, "source"))

    body_edges: list[str] = []
    arrows: list[str] = []
    for edge in sorted(drawn, key=lambda e: (e.source, e.target)):
        pair = (edge.source, edge.target)
        x1, y1 = exit_x[pair], position[edge.source][1] + box_h
        x2, y2 = entry_x[pair], position[edge.target][1]
        color = root_color.get(edge.source, MUTED)
        bend = max(18.0, (y2 - y1) / 2)
        body_edges.append(
            f'<path d="M{_n(x1)} {_n(y1)} C{_n(x1)} {_n(y1 + bend)} {_n(x2)} {_n(y2 - 4 - bend)} '
            f'{_n(x2)} {_n(y2 - 4)}" fill="none" stroke="{color}" stroke-width="1" stroke-opacity="0.55"/>'
        )
        arrows.append(
            f'<path d="M{_n(x2 - 3)} {_n(y2 - 5)} L{_n(x2 + 3)} {_n(y2 - 5)} L{_n(x2)} {_n(y2)}Z" '
            f'fill="{color}"/>'
        )
    label = label or (
        f"Dependency map: {len(nodes)} clauses, {len(drawn)} links from root causes to clauses at risk"
    )
    return _svg(width, height, body_labels + body_edges + body_boxes + arrows, label, "chart depmap")
