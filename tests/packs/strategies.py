"""Hypothesis strategies: random valid packs (random clause trees and acyclic edges)."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from imsaudit.packs.model import Pack

KINDS = ["context-analysis", "internal-audit-programme", "nonconformity-log", "kpi-report"]
WORDS = st.sampled_from(["plan", "review", "audit", "policy", "records", "scope", "risk", "people"])
SENTENCE = st.lists(WORDS, min_size=3, max_size=8).map(lambda w: " ".join(w).capitalize() + " here.")

CHECKS = st.one_of(
    st.builds(lambda k: {"type": "present", "kind": k}, st.sampled_from(KINDS)),
    st.builds(lambda k: {"type": "fresh", "kind": k, "max_age_months": 12}, st.sampled_from(KINDS)),
    st.builds(lambda s: {"type": "manual", "reason": s}, SENTENCE),
    st.builds(
        lambda k, p: {"type": "covers", "kind": k, "topics": {"topic": [p, p + " x"]}},
        st.sampled_from(KINDS),
        WORDS,
    ),
)


@st.composite
def pack_data(draw: st.DrawFn) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """A valid pack as plain data, and its edges (prerequisite, dependent)."""
    sections = draw(
        st.lists(st.sampled_from(["4", "5", "6", "7", "8", "9", "10"]), min_size=1, max_size=4, unique=True)
    )
    sections.sort(key=int)
    numbers: list[str] = []
    for section in sections:
        numbers.append(section)
        for sub in range(1, draw(st.integers(1, 3)) + 1):
            numbers.append(f"{section}.{sub}")
    leaves = [n for n in numbers if "." in n]
    edges: list[tuple[str, str]] = []
    for i, dependent in enumerate(leaves):
        for prerequisite in leaves[:i]:
            if prerequisite.split(".")[0] != dependent.split(".")[0] and draw(st.booleans()):
                edges.append((prerequisite, dependent))
    clauses = []
    for number in numbers:
        clause: dict[str, Any] = {
            "number": number,
            "title": f"Clause {number}",
            "hs": number.split(".")[0] + (".1" if "." in number else ""),
            "summary": draw(SENTENCE),
        }
        deps = [{"clause": p, "reason": draw(SENTENCE)} for p, d in edges if d == number]
        if deps:
            clause["depends_on"] = deps
        if "." in number:
            clause["requirements"] = [
                {
                    "id": f"RND-{number}-{i:02d}",
                    "text": draw(SENTENCE),
                    "severity": draw(st.sampled_from(["major", "minor"])),
                    "documented_information": draw(st.sampled_from(["maintain", "retain", "none"])),
                    "checks": draw(st.lists(CHECKS, min_size=1, max_size=3)),
                    "guidance": {"look_for": draw(SENTENCE), "close_gap": draw(SENTENCE)},
                    "questions": [draw(SENTENCE)],
                }
                for i in range(1, draw(st.integers(1, 2)) + 1)
            ]
        clauses.append(clause)
    data = {
        "pack": {
            "id": "rnd",
            "title": "Random pack",
            "standard": "Random 1",
            "edition": "1st",
            "version": "1.0.0",
            "requirement_prefix": "RND",
            "description": "A random pack made by hypothesis.",
            "paraphrase_note": "Texts are random words, not any standard.",
        },
        "clauses": clauses,
    }
    return data, edges


@st.composite
def packs(draw: st.DrawFn) -> tuple[Pack, list[tuple[str, str]]]:
    data, edges = draw(pack_data())
    return Pack.model_validate(data), edges
