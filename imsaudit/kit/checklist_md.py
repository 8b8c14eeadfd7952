"""The checklist as GitHub-flavoured Markdown: phases with their contents, ``- [ ]`` per requirement.

Meant to live in a repository or wiki beside the management system and be ticked off
in pull requests. Links are in-page only: the contents link to each phase and each
phase lists its clauses, using the anchors GitHub gives headings (:func:`github_anchor`,
so no raw HTML is needed). Pack text is escaped with the report's :func:`inline` even
though packs are ours: a pack file may come from elsewhere (``packs validate FILE``),
and a ``<`` or ``|`` in a paraphrase must not become markup.
"""

from __future__ import annotations

import re
import unicodedata

from imsaudit.kit.checklist import STATUSES, Checklist, ChecklistClause, ChecklistItem, ChecklistPhase
from imsaudit.render.markdown import inline

_NOT_SLUG = re.compile(r"[^\w\- ]", re.UNICODE)


def github_anchor(text: str, seen: dict[str, int]) -> str:
    """The anchor GitHub gives a heading with this text (github-slugger), unique in ``seen``.

    Lower case, punctuation dropped (letters, digits, ``-`` and ``_`` kept), each space
    a ``-``; a repeated anchor gets ``-1``, ``-2``... as GitHub numbers them.
    """
    base = _NOT_SLUG.sub("", unicodedata.normalize("NFC", text).lower()).replace(" ", "-")
    count = seen.get(base, 0)
    seen[base] = count + 1
    return base if count == 0 else f"{base}-{count}"


def phase_heading(phase: ChecklistPhase) -> str:
    return f"Phase {phase.number}"


def clause_heading(checklist: Checklist, clause: ChecklistClause) -> str:
    label = next(p.label for p in checklist.packs if p.id == clause.pack)
    suffix = f" ({label})" if checklist.multi_pack else ""
    return f"{clause.number} {clause.title}{suffix}"


def _requirements(count: int) -> str:
    return f"{count} requirement{'s' if count != 1 else ''}"


def _item(item: ChecklistItem) -> list[str]:
    owner = f" · owner: {inline(item.owner)}" if item.owner else ""
    lines = [
        f"- [ ] **{inline(item.id)}** · {item.severity} · {item.documented_label}{owner}  ",
        f"  {inline(item.text)}",
    ]
    if item.evidence:
        lines.append("  - **Evidence that would satisfy it:**")
        lines += [
            f"    - *{inline(e.title)}* ({e.form}, `{e.kind}`): {inline(e.description)}"
            for e in item.evidence
        ]
    lines.append("  - **What the audit checks:**")
    lines += [f"    - {inline(ask)}" for ask in item.asks]
    lines.append(f"  - **An auditor looks for:** {inline(item.look_for)}")
    lines.append(f"  - **To put it in place:** {inline(item.close_gap)}")
    lines.append("  - **Interview questions:**")
    lines += [f"    - {inline(q)}" for q in item.questions]
    lines.append(f"  - **Status:** {STATUSES[0]} · **Notes:**")
    return lines


def checklist_markdown(checklist: Checklist) -> str:
    """The whole checklist as one Markdown document (deterministic: no dates, no versions of ours)."""
    seen: dict[str, int] = {}
    phase_anchors: dict[int, str] = {}
    clause_anchors: dict[tuple[str, str], str] = {}
    # Anchors are numbered in document order, as GitHub does: title, contents, then phases.
    github_anchor(checklist.title, seen)
    github_anchor("How to use it", seen)
    github_anchor("Contents", seen)
    for phase in checklist.phases:
        phase_anchors[phase.number] = github_anchor(phase_heading(phase), seen)
        for clause in phase.clauses:
            clause_anchors[(clause.pack, clause.number)] = github_anchor(
                clause_heading(checklist, clause), seen
            )

    total = len(checklist.items)
    out = [f"# {inline(checklist.title)}", ""]
    for pack in checklist.packs:
        out.append(
            f"- **{inline(pack.standard)}**: {inline(pack.title)} (pack `{pack.id}`, version {pack.version})"
        )
    out += [
        "",
        f"{_requirements(total)} in {len(checklist.phases)} phases.",
        "",
        " ".join(inline(note) for note in dict.fromkeys(p.paraphrase_note for p in checklist.packs)),
        "",
        "## How to use it",
        "",
        "The phases follow the packs' prerequisite graph: every clause of a phase builds only on "
        "clauses of earlier phases, so put the phases in place in turn. For each requirement, "
        "the evidence that would satisfy it and what the audit checks say what to write and keep; "
        "tick the box when it is in place and record the status "
        f"({' / '.join(STATUSES)}) and notes under it. "
        f"`imsaudit init DIR {' '.join(f'--pack {p}' for p in checklist.pack_ids)}` writes templates "
        "for the evidence; `imsaudit audit DIR` checks it.",
        "",
        "## Contents",
        "",
    ]
    for phase in checklist.phases:
        clauses = ", ".join(c.number for c in phase.clauses)
        out.append(
            f"- [{phase_heading(phase)}](#{phase_anchors[phase.number]}): {_requirements(len(phase.items))} "
            f"(clauses {inline(clauses)})"
        )
    for phase in checklist.phases:
        out += ["", f"## {phase_heading(phase)}", ""]
        if phase.number == 1:
            out.append("These clauses have no prerequisites: start here.")
        else:
            out.append(f"These clauses build on phase {phase.number - 1} or earlier.")
        out += [f"Areas: {inline(', '.join(phase.areas))}.", ""]
        for clause in phase.clauses:
            link = clause_anchors[(clause.pack, clause.number)]
            count = _requirements(len(clause.items))
            out.append(f"- [{inline(clause_heading(checklist, clause))}](#{link}): {count}")
        for clause in phase.clauses:
            out += ["", f"### {inline(clause_heading(checklist, clause))}", ""]
            if clause.after:
                out += [f"After: {inline('; '.join(clause.after))}.", ""]
            for item in clause.items:
                out += _item(item)
    return "\n".join(out).rstrip() + "\n"


def render(checklist: Checklist, paper: str = "a4") -> bytes:
    """The Markdown checklist as UTF-8 bytes (``paper`` does not apply)."""
    return checklist_markdown(checklist).encode("utf-8")
