"""The report's view model: everything the PDF and HTML reports show, built from the AuditResult.

Both renderers fill the same templates from one :class:`Report`; what differs is the
``target``. The PDF keeps a bounded page count however large the audit: it cites at
most :data:`PDF_EVIDENCE_PER_REQUIREMENT` documents per requirement, and its evidence
register lists the documents it cites and those with errors, counting the others (the
HTML report and findings.xlsx carry the full register).

Text from the evidence folder (paths, excerpts, titles, organization.yaml) is passed
through as plain strings: the Jinja environment autoescapes it. The only markup built
here are the charts of :mod:`imsaudit.render._charts`, which escape their own text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Literal

from markupsafe import Markup

from imsaudit.core.results import EvidenceRef
from imsaudit.core.types import Finding, Outcome
from imsaudit.findings.model import (
    AuditResult,
    Change,
    ClauseResult,
    DocumentEntry,
    ErrorEntry,
    PackRef,
    RequirementResult,
)
from imsaudit.findings.score import MATURITY_LABELS, judged
from imsaudit.render import _charts
from imsaudit.render._charts import FINDING_COLORS, OUTCOME_COLORS

Target = Literal["pdf", "html"]

PDF_EVIDENCE_PER_REQUIREMENT = 3
"""The PDF cites at most this many documents per requirement (the HTML all of them)."""
PDF_ERRORS = 40
"""The PDF lists at most this many unreadable documents and skipped entries."""
TOP_ROOT_CAUSES = 5

SECTIONS = ("4", "5", "6", "7", "8", "9", "10")
SECTION_TITLES = {
    "4": "Context of the organization",
    "5": "Leadership",
    "6": "Planning",
    "7": "Support",
    "8": "Operation",
    "9": "Performance evaluation",
    "10": "Improvement",
}

FINDING_ORDER = (
    Finding.MAJOR_NC,
    Finding.MINOR_NC,
    Finding.OFI,
    Finding.NOT_ASSESSED,
    Finding.CONFORMITY,
    Finding.NOT_APPLICABLE,
)
FINDING_LABELS = {
    Finding.MAJOR_NC: "Major nonconformity",
    Finding.MINOR_NC: "Minor nonconformity",
    Finding.OFI: "Opportunity for improvement",
    Finding.NOT_ASSESSED: "Not assessed",
    Finding.CONFORMITY: "Conformity",
    Finding.NOT_APPLICABLE: "Not applicable",
}
FINDING_SHORT = {
    Finding.MAJOR_NC: "Major NC",
    Finding.MINOR_NC: "Minor NC",
    Finding.OFI: "OFI",
    Finding.NOT_ASSESSED: "Not assessed",
    Finding.CONFORMITY: "Conformity",
    Finding.NOT_APPLICABLE: "N/A",
}
OUTCOME_ORDER = (
    Outcome.MET,
    Outcome.PARTLY_MET,
    Outcome.NOT_MET,
    Outcome.NEEDS_REVIEW,
    Outcome.NOT_APPLICABLE,
)
OUTCOME_LABELS = {
    Outcome.MET: "Met",
    Outcome.PARTLY_MET: "Partly met",
    Outcome.NOT_MET: "Not met",
    Outcome.NEEDS_REVIEW: "Needs review",
    Outcome.NOT_APPLICABLE: "Not applicable",
}
PACK_COLORS = ("#1F4E79", "#148F77", "#7D3C98", "#B9770E")
GAP_FINDINGS = frozenset({Finding.MAJOR_NC, Finding.MINOR_NC, Finding.OFI, Finding.NOT_ASSESSED})
GAP_OUTCOMES = frozenset({Outcome.NOT_MET, Outcome.PARTLY_MET, Outcome.NEEDS_REVIEW})
LABEL_SUFFIX = " [label]"


@dataclass(frozen=True)
class Badge:
    """A finding class or outcome as shown: key (CSS class, filter value), label, colour."""

    key: str
    label: str
    short: str
    color: str


def finding_badge(finding: Finding) -> Badge:
    return Badge(finding.value, FINDING_LABELS[finding], FINDING_SHORT[finding], FINDING_COLORS[finding])


def outcome_badge(outcome: Outcome) -> Badge:
    label = OUTCOME_LABELS[outcome]
    return Badge(outcome.value, label, label, OUTCOME_COLORS[outcome])


@dataclass(frozen=True)
class PackView:
    id: str
    label: str
    short: str
    """For narrow columns: ``ISO 9001``, or the pack id."""
    title: str
    standard: str
    version: str
    color: str
    score: str
    maturity: int
    maturity_label: str
    counts: tuple[tuple[Badge, int], ...]


@dataclass(frozen=True)
class EvidenceView:
    path: str
    locator: str
    sha256: str
    sha_short: str
    excerpt: str


@dataclass(frozen=True)
class RequirementView:
    id: str
    anchor: str
    pack: str
    pack_label: str
    clause: str
    section: str
    text: str
    outcome: Badge
    severity: str
    message: str
    evidence: tuple[EvidenceView, ...]
    evidence_more: int
    look_for: str
    close_gap: str
    questions: tuple[str, ...]
    owner: str | None
    machine_outcome: Badge | None
    """Set when a manual verdict changed the machine's outcome."""
    manual: str | None
    waiver: str | None


@dataclass(frozen=True)
class ClauseView:
    key: str
    anchor: str
    pack: str
    pack_label: str
    pack_short: str
    clause: str
    title: str
    labelled: bool
    """The title is imsaudit's label for an untitled paragraph, not the standard's."""
    finding: Badge
    score: str
    at_risk: bool
    root_causes: tuple[str, ...]
    section: str
    own: bool
    """The clause has requirements of its own (else it sums up its subclauses)."""
    downstream: int
    phase: int
    justification: str | None
    gaps: tuple[RequirementView, ...] = ()
    met: tuple[RequirementView, ...] = ()


@dataclass(frozen=True)
class PackSection:
    pack: PackView
    score: str
    clauses: tuple[ClauseView, ...]


@dataclass(frozen=True)
class SectionView:
    number: str
    title: str
    anchor: str
    chart: Markup
    packs: tuple[PackSection, ...]


@dataclass(frozen=True)
class MapView:
    pack: PackView
    svg: Markup
    nodes: int
    edges: int
    roots: tuple[str, ...]


@dataclass(frozen=True)
class FindingGroup:
    pack: PackView
    clauses: tuple[ClauseView, ...]


@dataclass(frozen=True)
class RoadmapAction:
    requirement: str
    anchor: str
    severity: str
    outcome: Badge
    action: str
    owner: str | None


@dataclass(frozen=True)
class RoadmapRow:
    """The gaps of one clause in one phase."""

    section: str
    finding: Badge
    pack_id: str
    pack_label: str
    pack_short: str
    clause: str
    clause_title: str
    labelled: bool
    anchor: str
    actions: tuple[RoadmapAction, ...]
    owners: str


@dataclass(frozen=True)
class PhaseView:
    phase: int
    rows: tuple[RoadmapRow, ...]
    actions: int
    majors: int


@dataclass(frozen=True)
class DocumentView:
    path: str
    format: str
    kinds: tuple[str, ...]
    why: tuple[str, ...]
    title: str | None
    approved_on: str | None
    review_due: str | None
    template: bool
    sha256: str
    sha_short: str
    size: str
    error: str | None
    warnings: tuple[str, ...]
    cited: bool


@dataclass(frozen=True)
class ChangeView:
    requirement: str
    before: str
    after: str


@dataclass(frozen=True)
class ProgressView:
    baseline_as_of: str
    score_before: str
    score_after: str
    chart: Markup
    newly_met: tuple[ChangeView, ...]
    regressed: tuple[ChangeView, ...]
    still_open: int
    added: tuple[str, ...]
    removed: tuple[str, ...]


@dataclass(frozen=True)
class ContentsEntry:
    anchor: str
    number: str
    title: str


@dataclass(frozen=True)
class Report:
    """Everything a report shows, in the order it shows it."""

    target: Target
    paper: str
    css: Markup
    script: Markup
    organization_name: str
    scope: str | None
    sites: str | None
    sector: str | None
    size: str | None
    audit_type: str | None
    auditor: str | None
    as_of: str
    tool: str
    packs: tuple[PackView, ...]
    contents: tuple[ContentsEntry, ...]
    # executive summary
    headline: str
    overall_score: str
    maturity: int
    maturity_label: str
    maturity_gauge: Markup
    counts: tuple[tuple[Badge, int], ...]
    clause_total: int
    counts_chart: Markup
    outcomes: tuple[tuple[Badge, int], ...]
    requirement_total: int
    requirement_judged: int
    """Requirements the score is over (``findings.score.judged``)."""
    key_points: tuple[str, ...]
    root_causes: tuple[ClauseView, ...]
    # scope and method
    document_total: int
    formats: tuple[tuple[str, int], ...]
    unreadable: int
    skipped_total: int
    needs_review: int
    manual_total: int
    excluded_total: int
    waived_total: int
    # results
    sections_chart: Markup
    sections: tuple[SectionView, ...]
    maps: tuple[MapView, ...]
    findings: tuple[FindingGroup, ...]
    gap_total: int
    roadmap: tuple[PhaseView, ...]
    roadmap_chart: Markup
    exclusions: tuple[ClauseView, ...]
    waivers: tuple[RequirementView, ...]
    manual: tuple[RequirementView, ...]
    progress: ProgressView | None
    questions: tuple[RequirementView, ...]
    register: tuple[DocumentView, ...]
    register_omitted: int
    register_omitted_formats: tuple[tuple[str, int], ...]
    problems: tuple[ErrorEntry, ...]
    problems_omitted: int
    glossary: tuple[tuple[str, str], ...]
    outcome_legend: tuple[Badge, ...] = ()
    section_filter: tuple[tuple[str, str], ...] = ()
    finding_filter: tuple[Badge, ...] = ()


def resource_text(name: str) -> str:
    """A file of ``imsaudit/render/templates`` (CSS, JS), read through importlib.resources."""
    return (resources.files("imsaudit.render") / "templates" / name).read_text(encoding="utf-8")


def pack_label(pack: PackRef) -> str:
    """``ISO 9001:2015``; the title for packs that follow no numbered standard."""
    return pack.standard if any(ch.isdigit() for ch in pack.standard) else pack.title


def anchor(*parts: str) -> str:
    """An HTML id made of ``parts`` (letters, digits and dashes only)."""
    return "-".join(re.sub(r"[^A-Za-z0-9]+", "-", p).strip("-") for p in parts).lower()


def score_text(score: float | None) -> str:
    return "–" if score is None else f"{score:.0f}"


def section_of(hs: str) -> str:
    """The Harmonized Structure section (``"4"``...``"10"``) of an HS clause number."""
    head = hs.split(".", 1)[0]
    return head if head in SECTION_TITLES else "other"


def _evidence(refs: Sequence[EvidenceRef], limit: int | None) -> tuple[tuple[EvidenceView, ...], int]:
    shown = refs if limit is None else refs[:limit]
    views = tuple(EvidenceView(e.path, e.locator, e.sha256, e.sha256[:12], e.excerpt) for e in shown)
    return views, len(refs) - len(shown)


def _requirement(
    r: RequirementResult, packs: dict[str, PackView], section: str, limit: int | None
) -> RequirementView:
    evidence, more = _evidence(r.evidence, limit)
    manual = None
    if r.manual:
        who = r.manual.auditor or "an auditor"
        when = f" on {r.manual.date.isoformat()}" if r.manual.date else ""
        note = f": {r.manual.note}" if r.manual.note else ""
        manual = f"{OUTCOME_LABELS[r.manual.verdict]}, by {who}{when} ({r.manual.source}){note}"
    waiver = None
    if r.waiver:
        state = "active" if r.waiver.active else "expired"
        by = f", approved by {r.waiver.approved_by}" if r.waiver.approved_by else ""
        waiver = f"Accepted until {r.waiver.expires.isoformat()} ({state}{by}): {r.waiver.reason}"
    return RequirementView(
        id=r.id,
        anchor=anchor("r", r.pack, r.id),
        pack=r.pack,
        pack_label=packs[r.pack].label if r.pack in packs else r.pack,
        clause=r.clause,
        section=section,
        text=r.text,
        outcome=outcome_badge(r.outcome),
        severity=r.severity.value,
        message=r.message,
        evidence=evidence,
        evidence_more=more,
        look_for=r.guidance.look_for,
        close_gap=r.guidance.close_gap,
        questions=r.questions,
        owner=r.owner,
        machine_outcome=outcome_badge(r.machine_outcome) if r.machine_outcome != r.outcome else None,
        manual=manual,
        waiver=waiver,
    )


def clause_titles(clauses: Sequence[ClauseResult]) -> dict[tuple[str, str], str]:
    """Titles as shown: a "General" gets its parent's title (``Leadership and commitment: General``)."""
    titles = {(c.pack, c.clause): c.title for c in clauses}
    shown: dict[tuple[str, str], str] = {}
    for c in clauses:
        title = c.title
        parent = titles.get((c.pack, c.clause.rsplit(".", 1)[0])) if "." in c.clause else None
        if title.strip().lower() == "general" and parent:
            title = f"{parent.removesuffix(LABEL_SUFFIX)}: {title}"
        shown[(c.pack, c.clause)] = title
    return shown


def _clause(
    c: ClauseResult,
    packs: dict[str, PackView],
    shown_title: str,
    gaps: tuple[RequirementView, ...] = (),
    met: tuple[RequirementView, ...] = (),
) -> ClauseView:
    labelled = shown_title.endswith(LABEL_SUFFIX)
    return ClauseView(
        key=f"{c.pack}:{c.clause}",
        anchor=anchor("c", c.pack, c.clause),
        pack=c.pack,
        pack_label=packs[c.pack].label if c.pack in packs else c.pack,
        pack_short=packs[c.pack].short if c.pack in packs else c.pack,
        clause=c.clause,
        title=shown_title.removesuffix(LABEL_SUFFIX),
        labelled=labelled,
        finding=finding_badge(c.finding),
        score=score_text(c.score),
        at_risk=c.at_risk,
        root_causes=c.root_causes,
        section=section_of(c.hs),
        own=bool(c.requirements),
        downstream=c.downstream,
        phase=c.phase,
        justification=c.justification,
        gaps=gaps,
        met=met,
    )


def _counts(counts: dict[str, int]) -> tuple[tuple[Badge, int], ...]:
    return tuple((finding_badge(f), counts.get(f.value, 0)) for f in FINDING_ORDER)


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _headline(counts: dict[str, int], needs_review: int) -> str:
    major, minor = counts.get("major_nc", 0), counts.get("minor_nc", 0)
    if major:
        return (
            f"Not yet ready for certification: {_plural(major, 'clause')} with a major "
            f"nonconformity must be addressed first."
        )
    if minor:
        return (
            f"Close to ready: no major nonconformity; {_plural(minor, 'clause')} with a minor one to correct."
        )
    if needs_review:
        return (
            f"Ready pending review: {_plural(needs_review, 'requirement')} still need an auditor's judgement."
        )
    return "Ready: every judged requirement is met on the evidence examined."


def _register(
    documents: Sequence[DocumentEntry], cited: set[str], target: Target
) -> tuple[tuple[DocumentView, ...], int, tuple[tuple[str, int], ...]]:
    shown: list[DocumentView] = []
    omitted: Counter[str] = Counter()
    for d in documents:
        is_cited = d.path in cited
        if target == "pdf" and not (is_cited or d.error):
            omitted[d.format] += 1
            continue
        shown.append(
            DocumentView(
                path=d.path,
                format=d.format,
                kinds=tuple(k.kind for k in d.kinds),
                why=tuple(f"{k.kind}: {k.why}" for k in d.kinds),
                title=d.title,
                approved_on=d.approved_on.isoformat() if d.approved_on else None,
                review_due=d.review_due.isoformat() if d.review_due else None,
                template=d.template,
                sha256=d.sha256,
                sha_short=d.sha256[:12],
                size=_size(d.size),
                error=d.error,
                warnings=d.warnings,
                cited=is_cited,
            )
        )
    return tuple(shown), sum(omitted.values()), tuple(sorted(omitted.items(), key=lambda kv: (-kv[1], kv[0])))


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def _problems(result: AuditResult, target: Target) -> tuple[tuple[ErrorEntry, ...], int]:
    seen: set[tuple[str, str]] = set()
    problems: list[ErrorEntry] = []
    for entry in (*result.errors, *result.skipped):
        if (entry.path, entry.message) in seen:
            continue
        seen.add((entry.path, entry.message))
        problems.append(entry)
    if target == "pdf" and len(problems) > PDF_ERRORS:
        return tuple(problems[:PDF_ERRORS]), len(problems) - PDF_ERRORS
    return tuple(problems), 0


def _maps(
    result: AuditResult, packs: dict[str, PackView], titles: dict[tuple[str, str], str]
) -> tuple[MapView, ...]:
    maps: list[MapView] = []
    for pack_id, pack in packs.items():
        clauses = [c for c in result.clauses if c.pack == pack_id and c.requirements]
        roots = {g.clause for g in result.root_gaps if g.pack == pack_id}
        order = {c.clause: i for i, c in enumerate(clauses)}
        members = [c for c in clauses if c.clause in roots or (c.at_risk and c.finding in GAP_FINDINGS)]
        keys = {c.clause for c in members}
        edges = [
            _charts.MapEdge(source, c.clause)
            for c in members
            if c.at_risk
            for source in c.root_causes
            if source in keys
        ]
        nodes = [
            _charts.MapNode(
                key=c.clause,
                clause=c.clause,
                title=titles[(c.pack, c.clause)].removesuffix(LABEL_SUFFIX),
                phase=c.phase,
                color=FINDING_COLORS[c.finding],
                root=c.clause in roots,
                order=order[c.clause],
                weight=c.downstream,
            )
            for c in members
        ]
        if not nodes:
            continue
        svg = _charts.dependency_map(nodes, edges)
        maps.append(
            MapView(
                pack=pack,
                svg=Markup(svg),
                nodes=len(nodes),
                edges=len(edges),
                roots=tuple(sorted(roots & keys, key=lambda k: order.get(k, 0))),
            )
        )
    return tuple(maps)


def _glossary() -> tuple[tuple[str, str], ...]:
    return (
        ("Requirement", "One thing a clause asks for, in imsaudit's own words (not the standard's text)."),
        ("Met", "The evidence shows the requirement is fulfilled, as far as a machine can see."),
        (
            "Partly met",
            "Evidence exists but falls short, e.g. a missing topic or records without a root cause.",
        ),
        ("Not met", "No evidence, or evidence that shows the requirement is not fulfilled."),
        (
            "Needs review",
            "A machine cannot judge it: a matter for interviews or observation (with or without "
            "documents to look at), or a document it could not read (a scan without text).",
        ),
        ("Not applicable", "The clause is excluded by the organization, with a justification."),
        (
            "Major nonconformity (Major NC)",
            "A requirement of major severity is not met, or three or more minor requirements of the "
            "clause are not met (a systemic failure).",
        ),
        (
            "Minor nonconformity (Minor NC)",
            "A minor requirement is not met, or a major one is only partly met.",
        ),
        ("Opportunity for improvement (OFI)", "A minor requirement is partly met."),
        ("Not assessed", "Nothing failed, but a requirement needs an auditor's review."),
        ("Conformity", "Every judged requirement of the clause is met."),
        (
            "At risk",
            "A clause downstream of a clause with a major gap: it cannot work well until its "
            "prerequisite does.",
        ),
        (
            "Root cause",
            "An upstream clause with a major gap and no major gap upstream of it; ranked by how "
            "many clauses depend on it.",
        ),
        (
            "Phase",
            "The roadmap step of a gap: one after the last phase of its prerequisites, so causes are "
            "fixed before what depends on them.",
        ),
        (
            "Score",
            "0-100 over the judged requirements: met 100, partly met 50, not met 0; major weighs 2, "
            "minor 1. Needs review and not applicable are left out.",
        ),
        ("Maturity", "0 Not addressed · 1 Initial · 2 Managed · 3 Defined · 4 Measured · 5 Optimizing."),
        (
            "Harmonized Structure (HS)",
            "The common clause structure 4-10 of ISO management system standards, used to line "
            "the packs up section by section.",
        ),
        ("Locator", "Where in a document the evidence is: page, line, sheet and row, or section."),
        (
            "sha256",
            "The fingerprint of the file as examined; any change to the file changes it. The first "
            "12 characters are shown.",
        ),
        ("Waiver", "A gap accepted until a date; while active it does not count against the clause."),
        ("Manual verdict", "An auditor's verdict that overrides the machine's outcome; both are shown."),
        ("†", "A title given by imsaudit to a numbered paragraph the standard leaves untitled."),
    )


def _packs(result: AuditResult) -> dict[str, PackView]:
    summaries = {p.id: p for p in result.summary.packs}
    packs: dict[str, PackView] = {}
    for index, p in enumerate(result.packs):
        ps = summaries.get(p.id)
        packs[p.id] = PackView(
            id=p.id,
            label=pack_label(p),
            short=p.standard.split(":")[0] if any(ch.isdigit() for ch in p.standard) else p.id,
            title=p.title,
            standard=p.standard,
            version=p.version,
            color=PACK_COLORS[index % len(PACK_COLORS)],
            score=score_text(ps.score if ps else None),
            maturity=ps.maturity if ps else 0,
            maturity_label=MATURITY_LABELS[ps.maturity] if ps else MATURITY_LABELS[0],
            counts=_counts(ps.counts if ps else {}),
        )
    return packs


def _sections(
    result: AuditResult, packs: dict[str, PackView], clauses: dict[tuple[str, str], ClauseView]
) -> tuple[Markup, tuple[SectionView, ...]]:
    """The chart of scores per HS section and standard, and per section its chart and clauses."""
    scores = {(s.pack, s.section): s for s in result.summary.sections}
    titles = {s.section: s.title for s in result.summary.sections}
    groups: list[tuple[str, list[_charts.Bar]]] = []
    sections: list[SectionView] = []
    for number in SECTIONS:
        title = titles.get(number, SECTION_TITLES[number])
        bars = []
        stacks = []
        pack_sections = []
        for pack_id, pack in packs.items():
            section = scores.get((pack_id, number))
            score = section.score if section else None
            counts = section.counts if section else {}
            bars.append(_charts.Bar(pack.label, score, pack.color))
            stacks.append(
                (
                    pack.short,
                    [
                        _charts.Slice(OUTCOME_LABELS[o], counts.get(o.value, 0), OUTCOME_COLORS[o])
                        for o in OUTCOME_ORDER
                    ],
                )
            )
            members = tuple(
                v for (p, _), v in clauses.items() if p == pack_id and v.section == number and v.own
            )
            if members:
                pack_sections.append(PackSection(pack, score_text(score), members))
        groups.append((f"{number} {title}", bars))
        sections.append(
            SectionView(
                number=number,
                title=title,
                anchor=anchor("s", number),
                chart=Markup(_charts.stacked_bars(stacks)),
                packs=tuple(pack_sections),
            )
        )
    return Markup(_charts.score_bars(groups)), tuple(sections)


def _findings(
    packs: dict[str, PackView], clauses: dict[tuple[str, str], ClauseView]
) -> tuple[FindingGroup, ...]:
    """Per standard, the clauses with a gap or an open review, with those requirements."""
    gap_keys = {f.value for f in GAP_FINDINGS}
    groups = []
    for pack_id, pack in packs.items():
        members = tuple(
            v
            for (p, _), v in clauses.items()
            if p == pack_id and v.own and v.finding.key in gap_keys and v.gaps
        )
        if members:
            groups.append(FindingGroup(pack, members))
    return tuple(groups)


def _roadmap(
    result: AuditResult, packs: dict[str, PackView], titles: dict[tuple[str, str], str]
) -> tuple[PhaseView, ...]:
    """Per phase, the clauses to work on (in the plan's order) with their actions."""
    clause_results = {(c.pack, c.clause): c for c in result.clauses}
    phases: list[PhaseView] = []
    for phase in result.roadmap:
        by_clause: dict[tuple[str, str], list[RoadmapAction]] = {}
        for item in phase.items:
            by_clause.setdefault((item.pack, item.clause), []).append(
                RoadmapAction(
                    requirement=item.requirement,
                    anchor=anchor("r", item.pack, item.requirement),
                    severity=item.severity.value,
                    outcome=outcome_badge(item.outcome),
                    action=item.action,
                    owner=item.owner,
                )
            )
        rows = []
        for (pack_id, clause_id), actions in by_clause.items():
            clause = clause_results.get((pack_id, clause_id))
            title = titles.get((pack_id, clause_id), "")
            pack = packs.get(pack_id)
            rows.append(
                RoadmapRow(
                    section=section_of(clause.hs) if clause else "other",
                    finding=finding_badge(clause.finding if clause else Finding.NOT_ASSESSED),
                    pack_id=pack_id,
                    pack_label=pack.label if pack else pack_id,
                    pack_short=pack.short if pack else pack_id,
                    clause=clause_id,
                    clause_title=title.removesuffix(LABEL_SUFFIX),
                    labelled=title.endswith(LABEL_SUFFIX),
                    anchor=anchor("c", pack_id, clause_id),
                    actions=tuple(actions),
                    owners=", ".join(sorted({a.owner for a in actions if a.owner})),
                )
            )
        majors = sum(1 for i in phase.items if i.severity.value == "major")
        phases.append(PhaseView(phase.phase, tuple(rows), len(phase.items), majors))
    return tuple(phases)


def _exclusions(clauses: dict[tuple[str, str], ClauseView]) -> tuple[ClauseView, ...]:
    """Excluded clauses, each once: a subclause excluded with its parent is covered by the parent."""
    excluded = {
        k: v for k, v in clauses.items() if v.finding.key == Finding.NOT_APPLICABLE.value and v.justification
    }

    def covered(pack: str, clause: str, justification: str | None) -> bool:
        parent = clause.rsplit(".", 1)[0] if "." in clause else None
        while parent:
            above = excluded.get((pack, parent))
            if above and above.justification == justification:
                return True
            parent = parent.rsplit(".", 1)[0] if "." in parent else None
        return False

    return tuple(v for (p, c), v in excluded.items() if not covered(p, c, v.justification))


def build_report(result: AuditResult, target: Target, paper: str = "a4") -> Report:
    """The view model of the report for ``target`` (``pdf`` or ``html``)."""
    limit = PDF_EVIDENCE_PER_REQUIREMENT if target == "pdf" else None
    packs = _packs(result)
    titles = clause_titles(result.clauses)
    sections_of = {(c.pack, c.clause): section_of(c.hs) for c in result.clauses}
    views = {
        (r.pack, r.id): _requirement(r, packs, sections_of.get((r.pack, r.clause), "other"), limit)
        for r in result.requirements
    }
    outcome_of = {(r.pack, r.id): r.outcome for r in result.requirements}
    clauses: dict[tuple[str, str], ClauseView] = {}
    for c in result.clauses:
        own = [(c.pack, i) for i in c.requirements if (c.pack, i) in views]
        gaps = tuple(views[k] for k in own if outcome_of[k] in GAP_OUTCOMES)
        met = tuple(views[k] for k in own if outcome_of[k] is Outcome.MET)
        clauses[(c.pack, c.clause)] = _clause(c, packs, titles[(c.pack, c.clause)], gaps, met)

    counts = result.summary.counts
    counts_view = _counts(counts)
    clause_total = sum(counts.values())
    counts_chart = _charts.donut(
        [_charts.Slice(b.label, n, b.color) for b, n in counts_view], str(clause_total), "clauses"
    )
    roots = tuple(
        clauses[(g.pack, g.clause)]
        for g in result.root_gaps[:TOP_ROOT_CAUSES]
        if (g.pack, g.clause) in clauses
    )
    # the PDF's register lists what its findings cite (and the unreadable), the HTML all
    cited = {e.path for v in views.values() for e in v.evidence}
    register, omitted, omitted_formats = _register(result.documents, cited, target)
    problems, problems_omitted = _problems(result, target)
    unreadable = sum(1 for d in result.documents if d.error)
    sections_chart, sections = _sections(result, packs, clauses)
    findings = _findings(packs, clauses)
    roadmap = _roadmap(result, packs, titles)
    exclusions = _exclusions(clauses)
    waivers = tuple(views[(r.pack, r.id)] for r in result.requirements if r.waiver)
    manual = tuple(views[(r.pack, r.id)] for r in result.requirements if r.manual)
    questions = tuple(views[(r.pack, r.id)] for r in result.requirements if r.outcome is Outcome.NEEDS_REVIEW)
    progress = _progress(result)
    formats = Counter(d.format for d in result.documents)
    org = result.organization
    summary = result.summary
    html = target == "html"
    return Report(
        target=target,
        paper=paper,
        css=Markup(resource_text("report.css") + resource_text("screen.css") if html else ""),
        script=Markup(resource_text("report.js") if html else ""),
        organization_name=org.name,
        scope=org.scope,
        sites=", ".join(org.sites) or None,
        sector=org.sector,
        size=org.size,
        audit_type=org.audit_type,
        auditor=org.auditor,
        as_of=result.as_of.isoformat(),
        tool=f"{result.tool.name} {result.tool.version}",
        packs=tuple(packs.values()),
        contents=_contents(progress is not None),
        headline=_headline(counts, summary.needs_review),
        overall_score=score_text(summary.overall_score),
        maturity=summary.maturity,
        maturity_label=summary.maturity_label,
        maturity_gauge=Markup(_charts.gauge(summary.maturity, MATURITY_LABELS)),
        counts=counts_view,
        clause_total=clause_total,
        counts_chart=Markup(counts_chart),
        outcomes=tuple((outcome_badge(o), summary.outcomes.get(o.value, 0)) for o in OUTCOME_ORDER),
        requirement_total=len(result.requirements),
        requirement_judged=sum(judged(r) for r in result.requirements),
        key_points=_key_points(result, roots, unreadable),
        root_causes=roots,
        document_total=len(result.documents),
        formats=tuple(sorted(formats.items(), key=lambda kv: (-kv[1], kv[0]))),
        unreadable=unreadable,
        skipped_total=len(result.skipped),
        needs_review=summary.needs_review,
        manual_total=len(manual),
        excluded_total=len(exclusions),
        waived_total=len(waivers),
        sections_chart=sections_chart,
        sections=sections,
        maps=_maps(result, packs, titles),
        findings=findings,
        gap_total=sum(len(c.gaps) for g in findings for c in g.clauses),
        roadmap=roadmap,
        roadmap_chart=Markup(
            _charts.phase_bars([(p.phase, p.majors, p.actions - p.majors) for p in roadmap])
        ),
        exclusions=exclusions,
        waivers=waivers,
        manual=manual,
        progress=progress,
        questions=questions,
        register=register,
        register_omitted=omitted,
        register_omitted_formats=omitted_formats,
        problems=problems,
        problems_omitted=problems_omitted,
        glossary=_glossary(),
        outcome_legend=tuple(outcome_badge(o) for o in OUTCOME_ORDER),
        section_filter=tuple((n, f"{n} {SECTION_TITLES[n]}") for n in SECTIONS),
        finding_filter=tuple(finding_badge(f) for f in FINDING_ORDER),
    )


def _key_points(result: AuditResult, roots: Iterable[ClauseView], unreadable: int) -> tuple[str, ...]:
    counts = result.summary.counts
    points = [
        f"{_plural(counts.get('major_nc', 0), 'clause')} with a major nonconformity, "
        f"{counts.get('minor_nc', 0)} with a minor one and "
        f"{_plural(counts.get('ofi', 0), 'opportunity', 'opportunities')} for improvement.",
    ]
    top = [r for r in roots if r.downstream][:2]
    if top:
        multi = len(result.packs) > 1
        names = " and ".join(f"{r.clause} {r.title}" + (f" ({r.pack_label})" if multi else "") for r in top)
        dependants = " and ".join(str(r.downstream) for r in top)
        points.append(f"Fix first: {names}; {dependants} clauses depend on them, directly or not.")
    at_risk = sum(1 for c in result.clauses if c.at_risk and c.requirements)
    if at_risk:
        points.append(
            f"{_plural(at_risk, 'clause is', 'clauses are')} at risk because a prerequisite has a major gap."
        )
    if result.summary.needs_review:
        pending = [r for r in result.requirements if r.outcome is Outcome.NEEDS_REVIEW]
        bare = sum(1 for r in pending if not r.evidence)
        # "Evidence exists" is only said of what cites a document (an empty folder has none).
        found = "there is no document to judge for any of them" if bare == len(pending) else ""
        if 0 < bare < len(pending):
            found = f"for {bare} of them there is no document to judge"
        points.append(
            f"{_plural(result.summary.needs_review, 'requirement needs', 'requirements need')} an auditor's "
            f"judgement (interview or observation){f'; {found}' if found else ''}; the questions are "
            "listed in this report."
        )
    if unreadable:
        points.append(f"{_plural(unreadable, 'document')} could not be read and proved nothing either way.")
    if result.progress and result.progress.score_before is not None:
        after = score_text(result.progress.score_after)
        points.append(
            f"The score moved from {score_text(result.progress.score_before)} to {after} since the "
            f"audit of {result.progress.baseline_as_of.isoformat()}."
        )
    return tuple(points)


def _progress(result: AuditResult) -> ProgressView | None:
    p = result.progress
    if p is None:
        return None

    def change(c: Change) -> ChangeView:
        return ChangeView(
            c.requirement,
            OUTCOME_LABELS[c.before] if c.before else "–",
            OUTCOME_LABELS[c.after] if c.after else "–",
        )

    chart = _charts.score_bars(
        [
            (f"Baseline {p.baseline_as_of.isoformat()}", [_charts.Bar("before", p.score_before, "#AAB7C4")]),
            (f"This audit {result.as_of.isoformat()}", [_charts.Bar("now", p.score_after, PACK_COLORS[0])]),
        ],
        label_w=170,
    )
    return ProgressView(
        baseline_as_of=p.baseline_as_of.isoformat(),
        score_before=score_text(p.score_before),
        score_after=score_text(p.score_after),
        chart=Markup(chart),
        newly_met=tuple(change(c) for c in p.newly_met),
        regressed=tuple(change(c) for c in p.regressed),
        still_open=len(p.still_open),
        added=p.added,
        removed=p.removed,
    )


def _contents(progress: bool) -> tuple[ContentsEntry, ...]:
    titles = [
        ("summary", "Executive summary", True),
        ("scope", "Scope and method", True),
        ("results", "Results by section", True),
        ("map", "Dependency map of the gaps", True),
        ("findings", "Detailed findings", True),
        ("roadmap", "Roadmap", True),
        ("exceptions", "Exclusions, waivers and auditor verdicts", True),
        ("progress", "Progress since the baseline", progress),
        ("questions", "Interview questions", True),
        ("register", "Evidence register", True),
        ("glossary", "Glossary", True),
    ]
    shown = [(a, t) for a, t, keep in titles if keep]
    return tuple(ContentsEntry(a, str(i), t) for i, (a, t) in enumerate(shown, start=1))


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""C0 control characters (tab and newlines aside): not allowed in HTML, no glyph in a PDF."""


def _printable(value: object) -> object:
    """Every value the template shows, without control characters from evidence (a BEL in a CSV)."""
    if isinstance(value, Markup):
        return Markup(_CONTROL.sub("", value))
    if isinstance(value, str):
        return _CONTROL.sub("", value)
    return value


def report_html(report: Report) -> str:
    """The report as one HTML document (for weasyprint, or the self-contained HTML file)."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("imsaudit.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        finalize=_printable,
    )
    return env.get_template("report.html.j2").render(r=report)
