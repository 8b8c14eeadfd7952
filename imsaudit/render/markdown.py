"""``report.md``: the audit as GitHub-flavoured Markdown, for wikis and pull-request comments.

Sections: summary table (score, maturity, clause counts per pack), progress since the
baseline (with ``--baseline``), root gaps, findings per pack, roadmap by phase, evidence
register, errors. Findings show in detail only the clauses that need action (major and
minor nonconformities, opportunities for improvement, not assessed), each in a collapsible
``<details>`` block so a long audit stays readable as a comment; conformities and
exclusions are summarized in one list each.

Everything that comes from the evidence folder or a pack (file names, excerpts,
messages, titles, guidance) is untrusted: :func:`inline` makes it inert (HTML
metacharacters as entities, Markdown punctuation backslash-escaped, URL autolinks broken,
e-mail addresses and ``@mentions`` put in code spans), :func:`code` quotes paths and hashes in
code spans, and HTML blocks (``<summary>``) carry only HTML-escaped text. The output has
no links and no images, and no dates but the audit's: the same audit gives the same bytes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from imsaudit.core.results import EvidenceRef
from imsaudit.core.types import Finding, Outcome
from imsaudit.findings.model import AuditResult, ClauseResult, RequirementResult
from imsaudit.render.base import Renderer, RenderOptions, register

FINDING_LABELS = {
    Finding.MAJOR_NC: "Major NC",
    Finding.MINOR_NC: "Minor NC",
    Finding.OFI: "OFI",
    Finding.CONFORMITY: "Conformity",
    Finding.NOT_APPLICABLE: "Not applicable",
    Finding.NOT_ASSESSED: "Not assessed",
}
SUMMARY_ORDER = (
    Finding.CONFORMITY,
    Finding.MINOR_NC,
    Finding.MAJOR_NC,
    Finding.OFI,
    Finding.NOT_APPLICABLE,
    Finding.NOT_ASSESSED,
)
DETAILED = (Finding.MAJOR_NC, Finding.MINOR_NC, Finding.OFI, Finding.NOT_ASSESSED)
"""Clause findings shown requirement by requirement; the others are summarized."""
OPEN = (Outcome.NOT_MET, Outcome.PARTLY_MET, Outcome.NEEDS_REVIEW)
"""Requirement outcomes shown in detail inside a clause."""

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_PUNCTUATION = re.compile(r"([\\`*_\[\]|~$<>])")
_AT = re.compile(r"([\w.+-]*@[\w.+/@-]+)")
"""E-mail addresses and ``@mentions``: cmark-gfm autolinks an address even when its ``@`` is escaped."""
_SCHEME = re.compile(r"(?i)([a-z][a-z0-9+.-]*):(?=//)")
_WWW = re.compile(r"(?i)(www)\.")


def _one_line(value: str) -> str:
    return " ".join(_CONTROL.sub(" ", value).split())


def _escape(value: str) -> str:
    escaped = _PUNCTUATION.sub(r"\\\1", value)
    escaped = _SCHEME.sub(r"\1\\:", escaped)
    escaped = _WWW.sub(r"\1\\.", escaped)
    # Entities last: the backslashes above never touch them, and `&lt;` stays text.
    return escaped.replace("&", "&amp;").replace("\\<", "&lt;").replace("\\>", "&gt;")


def inline(value: str) -> str:
    """Untrusted text as inert, one-line Markdown (safe in paragraphs, lists and table cells)."""
    parts = _AT.split(_one_line(value))
    return "".join(code(part) if i % 2 else _escape(part) for i, part in enumerate(parts))


def code(value: str, *, cell: bool = False) -> str:
    r"""Untrusted text in a code span: shown verbatim, never a link, a tag or a mention.

    The fence is longer than any run of backticks inside. In a table ``cell``, ``|`` is
    escaped: GFM splits cells on it even inside code spans (and shows ``\|`` as ``|``
    there, but as ``\|`` in a code span outside tables).
    """
    flat = _one_line(value)
    if cell:
        flat = flat.replace("|", "\\|")
    longest = max((len(m) for m in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") or not flat.strip() else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def html_text(value: str) -> str:
    """Text for inside an HTML block (``<summary>``), where Markdown is not parsed."""
    return html.escape(_one_line(value), quote=True)


def _score(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f}"


def _label(outcome: Outcome) -> str:
    return outcome.value.replace("_", " ")


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], align: str = "") -> list[str]:
    """A GFM table; ``align`` has one letter per column (``l``/``r``), left by default."""
    marks = [("---:" if a == "r" else "---") for a in align.ljust(len(header), "l")]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(marks) + " |"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return lines


def _cite(ref: EvidenceRef) -> str:
    where = "" if ref.locator == "document" else f", {inline(ref.locator)}"
    quote = f": “{inline(ref.excerpt)}”" if ref.excerpt else ""
    return f"{code(ref.path)}{where}{quote}"


def _heading(result: AuditResult) -> list[str]:
    org = result.organization
    standards = ", ".join(f"{inline(p.standard)} ({code(p.id)})" for p in result.packs)
    lines = [
        f"# Audit report: {inline(org.name)}",
        "",
        f"Audit as of **{result.as_of.isoformat()}** against {standards}, "
        f"by {inline(result.tool.name)} {inline(result.tool.version)}.",
    ]
    facts = [
        ("Scope", org.scope),
        ("Sites", ", ".join(org.sites) or None),
        ("Audit type", org.audit_type),
        ("Auditor", org.auditor),
    ]
    shown = [f"{name}: {inline(value)}" for name, value in facts if value]
    if shown:
        lines += ["", "  \n".join(shown)]
    return lines


def _summary(result: AuditResult) -> list[str]:
    s = result.summary
    header = ["", "Score", "Maturity", *(FINDING_LABELS[f] for f in SUMMARY_ORDER)]
    rows = [
        [
            "**Overall**",
            _score(s.overall_score),
            f"{s.maturity} ({inline(s.maturity_label)})",
            *(str(s.counts.get(f.value, 0)) for f in SUMMARY_ORDER),
        ]
    ]
    rows += [
        [
            code(p.id, cell=True),
            _score(p.score),
            str(p.maturity),
            *(str(p.counts.get(f.value, 0)) for f in SUMMARY_ORDER),
        ]
        for p in s.packs
    ]
    outcomes = ", ".join(f"{n} {_label(Outcome(k))}" for k, n in s.outcomes.items() if n)
    lines = ["## Summary", "", "Clauses per finding, scores out of 100:", ""]
    lines += _table(header, rows, "lrr" + "r" * len(SUMMARY_ORDER))
    lines += ["", f"Requirements: {outcomes or 'none'}."]
    if s.needs_review:
        lead = f"> **{s.needs_review} requirement(s) need an auditor's judgement**"
        lines += ["", f"{lead}: {_review_why(result)}"]
    return lines


def _review_why(result: AuditResult) -> str:
    """Why the needs-review requirements wait for an auditor, worded by whether evidence was found.

    "The evidence exists" is only true of the ones that cite a document; for the others no
    document was found, or none is asked for (a pure interview question): either way
    there is nothing for a machine, or an auditor, to read.
    """
    pending = [r for r in result.requirements if r.outcome is Outcome.NEEDS_REVIEW]
    found = sum(1 for r in pending if r.evidence)
    missing = len(pending) - found
    listed = "They are listed with their interview questions."
    if not missing:
        return f"the evidence exists but a machine cannot judge it. {listed}"
    if not found:
        return (
            "there is no document to judge for them; only interviews and observation can settle "
            f"them. {listed}"
        )
    return (
        f"for {found} the evidence exists but a machine cannot judge it; for {missing} there is no "
        f"document to judge, and only interviews and observation can settle them. {listed}"
    )


def _progress(result: AuditResult) -> list[str]:
    p = result.progress
    if p is None:
        return []
    lines = [f"## Progress since {p.baseline_as_of.isoformat()}", ""]
    if p.score_before is not None or p.score_after is not None:
        lines += [f"Overall score: {_score(p.score_before)} → {_score(p.score_after)}.", ""]
    lines += _table(
        ["Change", "Requirements"],
        [
            ["Newly met", str(len(p.newly_met))],
            ["Regressed", str(len(p.regressed))],
            ["Still open", str(len(p.still_open))],
            ["Added", str(len(p.added))],
            ["Removed", str(len(p.removed))],
        ],
        "lr",
    )
    for title, changes in (("Newly met", p.newly_met), ("Regressed", p.regressed)):
        if changes:
            lines += ["", f"{title}:", ""]
            lines += [
                f"- {code(c.requirement)}: {_label(c.before) if c.before else 'absent'} → "
                f"{_label(c.after) if c.after else 'absent'}"
                for c in changes
            ]
    for title, ids in (("Added requirements", p.added), ("Removed requirements", p.removed)):
        if ids:
            lines += ["", f"{title}: " + ", ".join(code(i) for i in ids) + "."]
    return lines


def _root_gaps(result: AuditResult) -> list[str]:
    if not result.root_gaps:
        return []
    rows = [
        [
            str(n),
            code(g.pack, cell=True),
            inline(g.clause),
            inline(g.title),
            FINDING_LABELS[g.finding],
            str(g.downstream),
        ]
        for n, g in enumerate(result.root_gaps, start=1)
    ]
    return [
        "## Root gaps: fix these first",
        "",
        "Major gaps with no major gap upstream, most depended-on first.",
        "",
        *_table(["#", "Pack", "Clause", "Title", "Finding", "Clauses downstream"], rows, "rllllr"),
    ]


def _requirement(r: RequirementResult) -> list[str]:
    lines = [f"- **{inline(r.id)}** ({_label(r.outcome)}, {r.severity.value}): {inline(r.message)}"]
    lines += [f"  - Evidence: {_cite(ref)}" for ref in dict.fromkeys(r.evidence)]
    if r.outcome is Outcome.NEEDS_REVIEW:
        lines += [f"  - Ask: {inline(q)}" for q in r.questions]
        lines.append(f"  - Look for: {inline(r.guidance.look_for)}")
    else:
        lines.append(f"  - To close the gap: {inline(r.guidance.close_gap)}")
    if r.owner:
        lines.append(f"  - Owner: {inline(r.owner)}")
    return lines


def _clause_block(clause: ClauseResult, requirements: Sequence[RequirementResult]) -> list[str]:
    facts = [FINDING_LABELS[clause.finding], f"score {_score(clause.score)}"]
    if clause.at_risk:
        facts.append("at risk from " + ", ".join(clause.root_causes))
    summary = f"<b>{html_text(clause.clause)} {html_text(clause.title)}</b>: {html_text('; '.join(facts))}"
    lines = ["<details>", f"<summary>{summary}</summary>", ""]
    shown = [r for r in requirements if r.outcome in OPEN]
    for r in shown:
        lines += _requirement(r)
    rest = [r for r in requirements if r.outcome not in OPEN]
    if rest:
        lines += ["", "Also: " + "; ".join(f"{inline(r.id)} {_label(r.outcome)}" for r in rest) + "."]
    lines += ["", "</details>", ""]
    return lines


def _findings(result: AuditResult) -> list[str]:
    by_clause: dict[tuple[str, str], list[RequirementResult]] = {}
    for r in result.requirements:
        by_clause.setdefault((r.pack, r.clause), []).append(r)
    lines = ["## Findings", ""]
    for pack in result.packs:
        clauses = [c for c in result.clauses if c.pack == pack.id and by_clause.get((c.pack, c.clause))]
        lines += [f"### {inline(pack.standard)}: {inline(pack.title)} ({code(pack.id)})", ""]
        detailed = [c for c in clauses if c.finding in DETAILED]
        if detailed:
            lines.append(f"{len(detailed)} clause(s) need action; open a clause for its requirements.")
            lines.append("")
            for c in detailed:
                lines += _clause_block(c, by_clause[(c.pack, c.clause)])
        conform = [c for c in clauses if c.finding is Finding.CONFORMITY]
        if conform:
            names = "; ".join(f"{inline(c.clause)} {inline(c.title)}" for c in conform)
            lines += [f"**Conformity** ({len(conform)}): {names}.", ""]
        excluded = [c for c in clauses if c.finding is Finding.NOT_APPLICABLE]
        if excluded:
            lines += [f"**Not applicable** ({len(excluded)}):", ""]
            why = {c.clause: c.justification or "no justification given" for c in excluded}
            lines += [f"- {inline(c.clause)} {inline(c.title)}: {inline(why[c.clause])}" for c in excluded]
            lines.append("")
    return lines[:-1]


def _roadmap(result: AuditResult) -> list[str]:
    if not result.roadmap:
        return []
    lines = [
        "## Roadmap",
        "",
        "Gaps in phases that follow the clause dependencies: fix upstream first. "
        "How to close each gap is under its requirement in Findings.",
        "",
    ]
    for phase in result.roadmap:
        major = sum(1 for i in phase.items if i.severity.value == "major")
        rows = [
            [
                f"{code(i.pack, cell=True)} {inline(i.clause)}",
                inline(i.requirement),
                i.severity.value,
                _label(i.outcome),
                inline(i.owner or ""),
            ]
            for i in phase.items
        ]
        lines += [
            "<details>",
            f"<summary><b>Phase {phase.phase}</b>: {len(phase.items)} action(s), {major} major</summary>",
            "",
            *_table(["Clause", "Requirement", "Severity", "Outcome", "Owner"], rows),
            "",
            "</details>",
            "",
        ]
    return lines[:-1]


def _evidence(result: AuditResult) -> list[str]:
    rows = []
    for d in result.documents:
        kinds = ", ".join(inline(k.kind) for k in d.kinds) or "not recognized"
        if d.template:
            kinds += " (template)"
        note = inline(d.error or "; ".join(d.warnings))
        rows.append([code(d.path, cell=True), inline(d.format), kinds, code(d.sha256[:12], cell=True), note])
    return [
        "## Evidence",
        "",
        "<details>",
        f"<summary>{len(result.documents)} document(s) read; sha256 shortened to 12 characters</summary>",
        "",
        *_table(["Path", "Format", "Kinds", "sha256", "Notes"], rows),
        "",
        "</details>",
    ]


def _errors(result: AuditResult) -> list[str]:
    entries = [(e, "error") for e in result.errors] + [(e, "skipped") for e in result.skipped]
    if not entries:
        return []
    lines = ["## Errors and skipped entries", ""]
    for e, what in entries:
        where = f"{e.path}:{e.line}" if e.line else e.path
        lines.append(f"- {what}: {code(where)}: {inline(e.message)}")
    return lines


def report_markdown(result: AuditResult) -> str:
    """The whole report as Markdown text, ending with one newline."""
    sections = [
        _heading(result),
        _summary(result),
        _progress(result),
        _root_gaps(result),
        _findings(result),
        _roadmap(result),
        _evidence(result),
        _errors(result),
        ["---", "", "Requirement texts are paraphrases of the standards, not their wording."],
    ]
    return "\n\n".join("\n".join(s) for s in sections if s) + "\n"


@register
class MarkdownRenderer(Renderer):
    """report.md: summary, root gaps, findings, roadmap and evidence as GitHub Markdown."""

    name = "md"
    filename = "report.md"

    def render(self, result: AuditResult, options: RenderOptions) -> bytes:
        return report_markdown(result).encode("utf-8")
