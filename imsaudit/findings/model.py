"""The AuditResult: one pydantic model, the only input of every renderer.

Field names of the audit.json contract (DESIGN.md) are fixed; fields beyond it carry
what reports and ``imsaudit explain`` need (the check trail, guidance, questions).
Every list is sorted so the same inputs give byte-identical JSON.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from imsaudit.core.results import CheckResult, EvidenceRef
from imsaudit.core.types import DocumentedInformation, Finding, Outcome, Severity

SCHEMA_VERSION = "1.0"


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Score = Annotated[float, Field(ge=0, le=100)]


class Tool(_Frozen):
    name: str = "imsaudit"
    version: str


class OrganizationInfo(_Frozen):
    """Who was audited, as organization.yaml (or the folder name) says."""

    name: str
    scope: str | None = None
    sites: tuple[str, ...] = ()
    sector: str | None = None
    size: str | None = None
    audit_type: str | None = None
    auditor: str | None = None


class PackRef(_Frozen):
    id: str
    title: str
    version: str
    standard: str


class KindRef(_Frozen):
    kind: str
    why: str


class DocumentEntry(_Frozen):
    """One file of the evidence folder as the report's evidence register shows it."""

    path: str
    sha256: str
    size: int
    format: str
    kinds: tuple[KindRef, ...] = ()
    error: str | None = None
    warnings: tuple[str, ...] = ()
    title: str | None = None
    approved_on: dt.date | None = None
    review_due: dt.date | None = None
    template: bool = False


class ManualRecord(_Frozen):
    """An auditor's verdict that overrides the machine's, with who, when and where from."""

    verdict: Outcome
    note: str | None = None
    auditor: str | None = None
    date: dt.date | None = None
    source: str
    """``organization.yaml`` or the review workbook's file name."""


class WaiverRecord(_Frozen):
    """A gap accepted until ``expires``; ``active`` is False once the audit date is past it."""

    reason: str
    expires: dt.date
    approved_by: str | None = None
    active: bool


class Guidance(_Frozen):
    look_for: str
    close_gap: str


class RequirementResult(_Frozen):
    id: str
    pack: str
    clause: str
    outcome: Outcome
    severity: Severity
    evidence: tuple[EvidenceRef, ...] = ()
    message: str
    text: str
    documented_information: DocumentedInformation
    machine_outcome: Outcome
    """What the checks concluded before any manual verdict or exclusion."""
    manual: ManualRecord | None = None
    excluded: str | None = None
    """Justification when the clause is excluded (not applicable)."""
    waiver: WaiverRecord | None = None
    """An accepted gap: while active, it does not count against the clause's finding or score."""
    checks: tuple[CheckResult, ...] = ()
    guidance: Guidance
    questions: tuple[str, ...] = ()
    owner: str | None = None


class ClauseResult(_Frozen):
    pack: str
    clause: str
    title: str
    finding: Finding
    score: Score | None
    """0-100 over the judged requirements (major weighs 2, minor 1); None when none was judged."""
    at_risk: bool = False
    root_causes: tuple[str, ...] = ()
    """Upstream clauses (same pack) whose major gap puts this one at risk, most depended-on first."""
    hs: str
    confidence: str = "high"
    requirements: tuple[str, ...] = ()
    """Ids of the clause's own requirements."""
    downstream: int = 0
    """How many clauses depend on this one, directly or not."""
    phase: int = 1
    justification: str | None = None


class RootGap(_Frozen):
    """A clause with a major gap and no major gap upstream: fix these first."""

    pack: str
    clause: str
    title: str
    downstream: int
    finding: Finding


class SectionScore(_Frozen):
    pack: str
    section: str
    title: str
    score: Score | None
    counts: dict[str, int]


class PackSummary(_Frozen):
    id: str
    score: Score | None
    maturity: Annotated[int, Field(ge=0, le=5)]
    counts: dict[str, int]


class Summary(_Frozen):
    overall_score: Score | None
    maturity: Annotated[int, Field(ge=0, le=5)]
    maturity_label: str
    counts: dict[str, int]
    """Clauses per finding class (every class present, zero included)."""
    outcomes: dict[str, int]
    """Requirements per outcome."""
    needs_review: int
    packs: tuple[PackSummary, ...] = ()
    sections: tuple[SectionScore, ...] = ()


class RoadmapItem(_Frozen):
    pack: str
    clause: str
    requirement: str
    action: str
    severity: Severity
    outcome: Outcome
    owner: str | None = None


class RoadmapPhase(_Frozen):
    phase: int
    items: tuple[RoadmapItem, ...]


class HsRow(_Frozen):
    """The integrated view: each pack's findings on one Harmonized Structure clause."""

    hs: str
    title: str
    findings: dict[str, tuple[str, ...]]
    """Pack id -> ``"9.2.2 major_nc"`` entries for the pack's clauses on this HS clause."""


class ErrorEntry(_Frozen):
    path: str
    line: int
    message: str


class Change(_Frozen):
    """A requirement whose outcome differs from the baseline audit."""

    requirement: str
    before: Outcome | None
    after: Outcome | None


class Progress(_Frozen):
    """Progress since a baseline audit (``--baseline OLD.json``)."""

    baseline_as_of: dt.date
    newly_met: tuple[Change, ...] = ()
    regressed: tuple[Change, ...] = ()
    still_open: tuple[str, ...] = ()
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    score_before: Score | None = None
    score_after: Score | None = None


class AuditResult(_Frozen):
    schema_version: str = SCHEMA_VERSION
    tool: Tool
    as_of: dt.date
    organization: OrganizationInfo
    packs: tuple[PackRef, ...]
    documents: tuple[DocumentEntry, ...]
    requirements: tuple[RequirementResult, ...]
    clauses: tuple[ClauseResult, ...]
    summary: Summary
    roadmap: tuple[RoadmapPhase, ...]
    errors: tuple[ErrorEntry, ...] = ()
    root_gaps: tuple[RootGap, ...] = ()
    hs_view: tuple[HsRow, ...] = ()
    progress: Progress | None = None
    skipped: tuple[ErrorEntry, ...] = ()
    """Folder entries that are not documents (symlinks out of the folder...), line 0."""
