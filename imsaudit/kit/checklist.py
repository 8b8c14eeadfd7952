"""The self-assessment checklist as a view model: what to put in place, in which order.

A new institution setting up its system, or an internal auditor preparing a
self-assessment, needs every requirement with what would satisfy it, in the order the
system has to be built. The order is the packs' prerequisite graph: a clause comes one
phase after its last prerequisite (``ClauseGraph.phases``), so working through the
phases in turn never asks for something whose foundation is not laid yet.

Per requirement: its id, clause, our paraphrase, severity, what documented information
it asks for, the evidence kinds that would satisfy it (title and description), what
the machine checks ask in plain words (``CheckParams.describe``), what an auditor looks
for, how to put it in place, and the interview questions. Building it is pure: the
Markdown, XLSX and PDF outputs (``checklist_render``) all read this one model.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from imsaudit.graph.build import ClauseKey, build_graph
from imsaudit.packs.hs import HS_CLAUSES, hs_section
from imsaudit.packs.load import Library
from imsaudit.packs.model import Clause, EvidenceKind, Pack, Requirement

STATUSES = ("Not started", "In progress", "Done", "N/A")
"""The values a checklist's Status column takes (the XLSX drop-down, the Markdown hint)."""


@dataclass(frozen=True)
class PackLine:
    """A pack the checklist covers, as its header names it."""

    id: str
    title: str
    standard: str
    version: str
    paraphrase_note: str

    @property
    def label(self) -> str:
        """``ISO 9001:2015``; the title for packs that follow no numbered standard (as the report does)."""
        return self.standard if any(ch.isdigit() for ch in self.standard) else self.title


@dataclass(frozen=True)
class EvidenceLine:
    """An evidence kind that would satisfy a requirement."""

    kind: str
    title: str
    description: str
    documented_information: str
    """``maintain`` (a controlled document) or ``retain`` (a record)."""
    tabular: bool
    """A register: its rows are the records."""

    @property
    def form(self) -> str:
        """``controlled document``, ``record`` or ``register``: what the organization keeps."""
        if self.tabular:
            return "register"
        return "controlled document" if self.documented_information == "maintain" else "record"


@dataclass(frozen=True)
class ChecklistItem:
    """One requirement, with everything needed to put it in place and to assess it."""

    id: str
    pack: str
    clause: str
    clause_title: str
    text: str
    severity: str
    documented_information: str
    owner: str | None
    evidence: tuple[EvidenceLine, ...]
    asks: tuple[str, ...]
    """What each of the requirement's checks asks, in plain words (one line per check)."""
    look_for: str
    close_gap: str
    questions: tuple[str, ...]
    phase: int

    @property
    def documented_label(self) -> str:
        """What the requirement asks to keep, in words ("none" alone reads like a missing value)."""
        return {
            "maintain": "maintain a document",
            "retain": "retain records",
        }.get(self.documented_information, "no documented information")


@dataclass(frozen=True)
class ChecklistClause:
    """A clause that carries requirements, with the clauses it builds on."""

    pack: str
    number: str
    title: str
    area: str
    """The Harmonized Structure section (``"9"``) the clause sits in."""
    after: tuple[str, ...]
    """Prerequisite clauses, ``"4.1 Understanding the organization and its context"``."""
    items: tuple[ChecklistItem, ...]


@dataclass(frozen=True)
class ChecklistPhase:
    """A step of the build order: clauses whose prerequisites are all in earlier phases."""

    number: int
    clauses: tuple[ChecklistClause, ...]

    @property
    def items(self) -> tuple[ChecklistItem, ...]:
        return tuple(item for clause in self.clauses for item in clause.items)

    @property
    def areas(self) -> tuple[str, ...]:
        """The Harmonized Structure sections the phase touches (``Context of the organization``)."""
        return tuple(HS_CLAUSES[s] for s in sorted({c.area for c in self.clauses}, key=int))


@dataclass(frozen=True)
class Checklist:
    """Every requirement of the packs, in phases."""

    packs: tuple[PackLine, ...]
    phases: tuple[ChecklistPhase, ...]

    @property
    def items(self) -> tuple[ChecklistItem, ...]:
        """Every requirement, in checklist order."""
        return tuple(item for phase in self.phases for item in phase.items)

    @property
    def pack_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.packs)

    @property
    def title(self) -> str:
        """``Self-assessment checklist: ISO 9001:2015`` (several packs joined by ``+``)."""
        return "Self-assessment checklist: " + " + ".join(p.label for p in self.packs)

    @property
    def multi_pack(self) -> bool:
        return len(self.packs) > 1


def evidence_line(kind: EvidenceKind) -> EvidenceLine:
    return EvidenceLine(
        kind=kind.id,
        title=kind.title,
        description=kind.description,
        documented_information=kind.documented_information.value,
        tabular=kind.tabular,
    )


def kind_titles(library: Library) -> dict[str, str]:
    """Kind id -> title, for ``CheckParams.describe``."""
    return {kind_id: kind.title for kind_id, kind in library.kinds.items()}


def _item(
    pack: Pack, clause: Clause, requirement: Requirement, library: Library, phase: int
) -> ChecklistItem:
    titles = kind_titles(library)
    return ChecklistItem(
        id=requirement.id,
        pack=pack.id,
        clause=clause.number,
        clause_title=clause.title,
        text=requirement.text,
        severity=requirement.severity.value,
        documented_information=requirement.documented_information.value,
        owner=requirement.owner or clause.owner,
        evidence=tuple(evidence_line(library.kinds[k]) for k in requirement.kind_refs()),
        asks=tuple(check.describe(titles) for check in requirement.check_params),
        look_for=requirement.guidance.look_for,
        close_gap=requirement.guidance.close_gap,
        questions=requirement.questions,
        phase=phase,
    )


def selected_packs(library: Library, pack_ids: Iterable[str] | None) -> list[Pack]:
    """The packs named (unknown ids are usage errors), or all of the library's; sorted by id."""
    wanted = sorted(set(pack_ids)) if pack_ids is not None else sorted(library.packs)
    return [library.pack(pack_id) for pack_id in wanted]


def build_checklist(library: Library, pack_ids: Sequence[str] | None = None) -> Checklist:
    """The checklist of ``pack_ids`` (default: every pack of the library), in dependency order."""
    packs = selected_packs(library, pack_ids)
    by_id = {p.id: p for p in packs}
    graph = build_graph(packs)
    phases: list[ChecklistPhase] = []
    for keys in graph.phases():
        clauses: list[ChecklistClause] = []
        number = len(phases) + 1
        for key in keys:
            pack = by_id[key.pack]
            clause = pack.clause_map[key.clause]
            if not clause.requirements:
                continue
            clauses.append(
                ChecklistClause(
                    pack=pack.id,
                    number=clause.number,
                    title=clause.title,
                    area=hs_section(clause.hs),
                    after=tuple(_label(by_id, p) for p in graph.prerequisites(key)),
                    items=tuple(_item(pack, clause, r, library, number) for r in clause.requirements),
                )
            )
        if clauses:
            phases.append(ChecklistPhase(number, tuple(clauses)))
        # A phase of clauses without requirements of their own (headings such as "4") is
        # left out, and the numbering stays consecutive for the reader.
    return Checklist(
        packs=tuple(
            PackLine(p.id, p.pack.title, p.pack.standard, p.pack.version, p.pack.paraphrase_note)
            for p in packs
        ),
        phases=tuple(phases),
    )


def _label(packs: dict[str, Pack], key: ClauseKey) -> str:
    clause = packs[key.pack].clause_map[key.clause]
    return f"{clause.number} {clause.title}"
