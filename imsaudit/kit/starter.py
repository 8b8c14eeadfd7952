"""``imsaudit init``: the starter kit of a new organization, as data, then one function that writes it.

For every evidence kind the selected packs use (``Pack.kinds_used()``, resolved through
the library's kinds), the kit holds one file:

- a **document template** (Markdown) for each kind to *maintain*: front matter with the
  document-control fields as placeholders and ``kind: <id>``, and the sections the
  packs' ``sections`` and ``covers`` checks look for as headings, each with a
  ``[Describe ...]`` instruction;
- a **register** (CSV) for each *tabular* kind: the columns the ``records``,
  ``coverage``, ``linked`` and ``fresh`` checks read, then the kind's recognition
  columns, and one example row of placeholders (``<ID>``, ``<YYYY-MM-DD>``). A register
  is rows whether it is maintained (a risk register) or retained (a log), so every
  tabular kind gets one;
- a **record template** (Markdown) for each other kind to *retain* (review minutes, an
  audit report), with a ``Date:`` line and the sections its checks look for;

plus ``README.md`` (what the kit is, the order to fill it in) and ``organization.yaml``
(the packs, a name placeholder, commented examples of exclusions, waivers and verdicts,
and ``kinds:`` mappings where recognition would not find a register by itself).

Files are grouped by **clause area**: the Harmonized Structure section (4 Context ... 10
Improvement) where most of the requirements using the kind sit. Areas are the same for
every pack (ISO 9001 and ISO 56001 share an internal audit programme, and it lands in
``09-performance-evaluation`` for both), do not move when a pack is added, and match how
owners and auditors think about the system; the order to fill the files in, which does
depend on the packs, is the checklist's phases, given in the README.

A template must never pass for evidence. Every kit file is a template by the scanner's
own rules: placeholders as owner and approver, ``[Describe ...]`` instructions, a
"Guidance note" to delete, and example rows of ``<...>`` placeholders. An audit of a
fresh kit recognizes each file as its kind and reports it as a template (tested).

Building the kit is pure (:func:`build_starter_kit`); :func:`write_starter_kit` writes it.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from imsaudit.checks.base import DATE_ALIASES, CheckParams
from imsaudit.checks.coverage import CoverageParams
from imsaudit.checks.covers import CoversParams
from imsaudit.checks.fresh import FreshParams
from imsaudit.checks.linked import LinkedParams
from imsaudit.checks.manual import ManualParams
from imsaudit.checks.records import RecordsParams
from imsaudit.checks.sections import SectionsParams
from imsaudit.core.errors import UsageError
from imsaudit.kit.checklist import ChecklistItem, build_checklist, selected_packs
from imsaudit.packs.hs import HS_CLAUSES, hs_section
from imsaudit.packs.load import Library
from imsaudit.packs.model import EvidenceKind, Pack, clause_sort_key

Role = Literal["document", "record", "register", "readme", "organization"]

DATE_HEADERS = DATE_ALIASES
"""The date headers a ``records`` or ``fresh`` check finds when it names none."""

ACRONYMS = {
    "id": "ID",
    "ids": "IDs",
    "nc": "NC",
    "ncr": "NCR",
    "ip": "IP",
    "sdo": "SDO",
    "sdos": "SDOs",
    "kpi": "KPI",
    "kpis": "KPIs",
    "po": "PO",
    "ecn": "ECN",
    "capa": "CAPA",
    "car": "CAR",
    "mrb": "MRB",
    "okr": "OKR",
    "sep": "SEP",
    "qms": "QMS",
    "ims": "IMS",
    "iso": "ISO",
    "r&d": "R&D",
    "frand": "FRAND",
    "mou": "MoU",
    "nda": "NDA",
    "tdoc": "Tdoc",
    "tc/sc/wg": "TC/SC/WG",
}
"""Words shown upper-case in headings and column headers (``nc id`` -> ``NC ID``)."""

PLACEHOLDER_FIELDS = (
    ("doc_id", "<DOC-ID>"),
    ("version", '"0.1"'),
    ("status", "draft"),
    ("owner", "<Name>"),
    ("approved_by", "<Name>"),
    ("approved_on", "YYYY-MM-DD"),
    ("review_due", "YYYY-MM-DD"),
)
"""Document-control fields of every Markdown template, after title and kind: what the
``metadata`` and ``fresh`` checks read, as placeholders (an owner ``<Name>`` alone makes
the file a template)."""

_MAX_INSTRUCTION = 78
"""Longest text after ``[Describe`` that the scanner still reads as one instruction (80)."""
_WORD = re.compile(r"[\w&/]+")


@dataclass(frozen=True)
class KitFile:
    """One file of the kit: where it goes, what it is for, and its text."""

    path: str
    """Relative to the kit's folder, POSIX separators."""
    role: Role
    text: str
    kind: str | None = None
    title: str = ""
    phase: int | None = None
    """The checklist phase of the first requirement it serves: when to fill it in."""
    serves: tuple[str, ...] = ()
    """Requirement ids whose checks read it."""

    @property
    def data(self) -> bytes:
        return self.text.encode("utf-8")


@dataclass(frozen=True)
class StarterKit:
    """The whole kit for some packs."""

    pack_ids: tuple[str, ...]
    files: tuple[KitFile, ...]
    mapped: tuple[str, ...] = field(default=())
    """Registers that organization.yaml maps to their kind (recognition alone would not)."""

    def of_role(self, role: Role) -> tuple[KitFile, ...]:
        return tuple(f for f in self.files if f.role == role)

    @property
    def evidence_files(self) -> tuple[KitFile, ...]:
        """The templates and registers (one per evidence kind), without README and organization.yaml."""
        return tuple(f for f in self.files if f.kind is not None)


# --------------------------------------------------------------------------- wording


def display(text: str) -> str:
    """``nc id`` -> ``NC ID``, ``target sdos`` -> ``Target SDOs``: a phrase as a heading or header."""
    words = [ACRONYMS.get(word.lower(), word) for word in text.split(" ")]
    if words and words[0] == words[0].lower():
        words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words)


def _words(text: str) -> str:
    return " " + " ".join(_WORD.findall(text.lower())) + " "


def _instruction(*candidates: str) -> str:
    """The first ``[Describe ...]`` instruction short enough to be read as one placeholder."""
    for text in candidates:
        if len(text) <= _MAX_INSTRUCTION:
            return f"[Describe {text}]"
    return f"[Describe {candidates[-1][: _MAX_INSTRUCTION - 1].rstrip()}…]"


def _folder(section: str) -> str:
    """``09-performance-evaluation``: the clause area's folder."""
    slug = re.sub(r"[^a-z0-9]+", "-", HS_CLAUSES[section].lower()).strip("-")
    return f"{int(section):02d}-{slug}"


# --------------------------------------------------------------------------- what reads a kind


@dataclass
class _Use:
    """Everything the packs' requirements ask of one kind."""

    kind: EvidenceKind
    items: list[ChecklistItem] = field(default_factory=list)
    areas: Counter[str] = field(default_factory=Counter)
    """HS section -> weight: 2 per check naming the kind first, 1 per check naming it as an alternative."""
    checks: list[CheckParams] = field(default_factory=list)
    """Every check node (nested ones too) that reads the kind, in checklist order."""
    tops: list[CheckParams] = field(default_factory=list)
    """The top-level checks that involve the kind, in checklist order."""

    @property
    def folder(self) -> str:
        """The area where the kind weighs most (ties: the lower section)."""
        best = max(self.areas.items(), key=lambda kv: (kv[1], -int(kv[0])))
        return _folder(best[0])

    @property
    def phase(self) -> int:
        return min(item.phase for item in self.items)

    @property
    def serves(self) -> tuple[str, ...]:
        """The requirement ids, in pack and clause order (as people look them up)."""
        ordered = sorted(self.items, key=lambda i: (i.pack, clause_sort_key(i.clause), i.id))
        return tuple(item.id for item in ordered)

    def asks(self) -> list[str]:
        """What the checks involving the kind ask, in plain words, no repeats.

        Other kinds are named by their id (``quality-policy``), not their title: a
        template that says "Quality policy" in its guidance would be recognized as one.
        """
        titles = {self.kind.id: self.kind.title}
        others = {k: f"`{k}`" for check in self.tops for n in check.walk() for k in n.kind_refs()}
        names = others | titles
        return list(dict.fromkeys(check.describe(names) for check in self.tops))


def _first_kinds(check: CheckParams) -> tuple[str, ...]:
    """The kinds a check names first (a ``linked`` check names a source and a target)."""
    if isinstance(check, LinkedParams):
        return (check.kind[0], check.target_kind[0])
    refs = check.kind_refs()
    return refs[:1]


def _uses(library: Library, packs: Sequence[Pack]) -> dict[str, _Use]:
    checklist = build_checklist(library, [p.id for p in packs])
    by_id = {p.id: p for p in packs}
    uses = {k: _Use(library.kinds[k]) for p in packs for k in p.kinds_used()}
    for item in checklist.items:
        pack = by_id[item.pack]
        clause = pack.clause_map[item.clause]
        requirement = next(r for r in clause.requirements if r.id == item.id)
        area = hs_section(clause.hs)
        for check in requirement.check_params:
            for node in check.walk():
                first = _first_kinds(node)
                for kind in node.kind_refs():
                    use = uses[kind]
                    if not use.items or use.items[-1].id != item.id:
                        use.items.append(item)
                    if not use.tops or use.tops[-1] is not check:
                        use.tops.append(check)
                    use.areas[area] += 2 if kind in first else 1
                    use.checks.append(node)
    return uses


# --------------------------------------------------------------------------- Markdown templates


def _primary(kinds: tuple[str, ...], kind: str) -> bool:
    """True when ``kind`` is the first of a check's kinds: the one its template is shaped for.

    ``kind: [nonconforming-output-log, nonconformity-log]`` accepts either register; the
    columns it reads belong in the first, and copying them into the second would make the
    NC log look like a nonconforming-output log (and be recognized as one).
    """
    return bool(kinds) and kinds[0] == kind


def _section_heading(name: str, phrases: Sequence[str]) -> str:
    """The section's name when a ``sections`` check would find it in that heading, else its first phrase."""
    if any(_words(p) in _words(name) for p in phrases):
        return display(name)
    return display(phrases[0])


def _sections(use: _Use) -> list[tuple[str, str]]:
    """(heading, instruction) for every section and topic the kind's checks look for, no repeats."""
    title = use.kind.title.lower()
    found: dict[str, tuple[str, str]] = {}
    for check in use.checks:
        if isinstance(check, SectionsParams) and _primary(check.kind, use.kind.id):
            for name, phrases in check.sections.items():
                heading = _section_heading(name, phrases)
                text = _instruction(f"the {heading.lower()} of this {title}", heading.lower())
                found.setdefault(_words(heading), (heading, text))
        elif isinstance(check, CoversParams) and _primary(check.kind, use.kind.id):
            for topic in check.topics:
                heading = display(topic)
                text = _instruction(f"how the organization addresses {topic}", topic)
                found.setdefault(_words(heading), (heading, text))
    return list(found.values())


def _front_matter(kind: EvidenceKind) -> list[str]:
    title = kind.title.replace('"', "'")
    lines = ["---", f'title: "{title}"', f"kind: {kind.id}"]
    lines += [f"{name}: {value}" for name, value in PLACEHOLDER_FIELDS]
    return [*lines, "---", ""]


def _guidance(use: _Use, packs: Sequence[Pack]) -> list[str]:
    kind = use.kind
    used_by = {item.pack for item in use.items}
    standards = ", ".join(p.pack.standard for p in packs if p.id in used_by)
    serves = ", ".join(use.serves)
    lines = [
        f"> Guidance note (delete this note when the {kind.title.lower()} is yours): {kind.description}",
        ">",
        f"> imsaudit reads this file as *{kind.title}* (`{kind.id}`, from the `kind:` line above) "
        f"for {serves} ({standards}). Replace every [Describe ...] instruction and <...> "
        "placeholder with your own content, fill in the document control fields at the top "
        "(document id, owner, approver, approval and review dates) and set the status to approved.",
        ">",
        "> What the audit checks:",
        ">",
    ]
    lines += [f"> - {ask}" for ask in use.asks()]
    return [*lines, ""]


def _markdown(use: _Use, packs: Sequence[Pack], role: Role) -> str:
    kind = use.kind
    out = [*_front_matter(kind), f"# {kind.title}", ""]
    if role == "record":
        out += ["Date: YYYY-MM-DD", "", "Prepared by: <Name>", ""]
    out += _guidance(use, packs)
    sections = _sections(use)
    if not sections:
        if role == "record":
            sections = [("Record", _instruction("what was done, when, by whom, and the result"))]
        else:
            sections = [("Content", _instruction(f"the {kind.title.lower()}", "the content"))]
    for heading, instruction in sections:
        out += [f"## {heading}", "", instruction, ""]
    return "\n".join(out).rstrip() + "\n"


# --------------------------------------------------------------------------- registers


@dataclass
class _Column:
    header: str
    aliases: set[str]


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _columns(use: _Use) -> list[str]:
    """The register's headers: what its checks read (merging aliases), then recognition columns.

    The row's own id (or else its first column that is not a date) goes first, then the
    date the period is judged by, as registers are read (``NC ID, Date, Description ...``);
    the rest follow in the order the checks name them. The row id is the one a ``records`` check names
    rows by, else the column other registers' ``linked`` checks refer to, else the first
    id-like recognition column (``Audit ID`` in an NC log is a reference, not the row's id,
    and stays where it is).
    """
    columns: list[_Column] = []
    row_id: list[_Column] = []
    dated: list[_Column] = []

    def add(aliases: Iterable[str], *, is_row_id: bool = False, is_date: bool = False) -> None:
        wanted = [a for a in aliases if _norm(a)]
        if not wanted:
            return
        keys = {_norm(a) for a in wanted}
        found = next((c for c in columns if _norm(c.header) in keys or _norm(wanted[0]) in c.aliases), None)
        if found is None:
            found = _Column(display(wanted[0]), keys)
            columns.append(found)
        else:
            found.aliases |= keys
        if is_row_id and not row_id:
            row_id.append(found)
        if is_date and not dated:
            dated.append(found)

    kind_id = use.kind.id
    for check in use.checks:
        if isinstance(check, RecordsParams) and _primary(check.kind, kind_id):
            if check.id_column:
                add(check.id_column, is_row_id=True)
            if check.date_column:
                add(check.date_column, is_date=True)
            elif check.within_months is not None:
                add(DATE_HEADERS, is_date=True)
            for aliases in check.required_columns.values():
                add(aliases)
        elif isinstance(check, CoverageParams) and _primary(check.kind, kind_id):
            add(check.column)
            if check.date_column:
                add(check.date_column, is_date=True)
            elif check.within_months is not None:
                add(DATE_HEADERS, is_date=True)
        elif isinstance(check, LinkedParams):
            if _primary(check.kind, kind_id):
                add(check.column)
            if _primary(check.target_kind, kind_id):
                add(check.target_column, is_row_id=_is_id(check.target_column[0]))
        elif isinstance(check, FreshParams) and _primary(check.kind, kind_id):
            add(DATE_HEADERS, is_date=True)
    for column in use.kind.recognize.columns:
        add((column,), is_row_id=_is_id(column))
    lead = row_id[:1] or [c for c in columns if not _is_date(c.header)][:1]
    period = [c for c in dated[:1] if c not in lead and not _FORWARD & set(_norm(c.header).split())]
    first = lead + period
    return [c.header for c in first + [c for c in columns if c not in first]]


_FORWARD = frozenset({"due", "next", "target", "deadline", "expiry", "until"})
"""Words of a date header that looks ahead (``Due date``): not the date a row is filed under."""


def _is_date(header: str) -> bool:
    return _placeholder(header) == "<YYYY-MM-DD>"


def _is_id(header: str) -> bool:
    words = _norm(header).split()
    return bool(words) and words[-1] in _ID_WORDS


_ID_WORDS = frozenset({"id", "no", "number", "ref", "ncr", "ecn", "tdoc", "code"})
_NAME_WORDS = frozenset(
    {"name", "by", "owner", "author", "responsible", "auditor", "auditee", "inspector", "delegate"}
)


def _placeholder(header: str) -> str:
    """``<YYYY-MM-DD>`` for a date column, ``<Name>`` for a person, else ``<Header>``."""
    words = set(_norm(header).split())
    if "date" in words or _norm(header) in DATE_HEADERS or words & {"since", "renewal", "when"}:
        return "<YYYY-MM-DD>"
    if words & _NAME_WORDS and not words & _ID_WORDS:
        return "<Name>"
    return f"<{header}>"


CONTROL_BLOCK = (
    ("Document ID", "<DOC-ID>"),
    ("Version", "0.1"),
    ("Status", "draft"),
    ("Owner", "<Name>"),
    ("Approved by", "<Name>"),
    ("Approved on", "YYYY-MM-DD"),
    ("Review due", "YYYY-MM-DD"),
)
"""Label, placeholder rows above a maintained register's header (after its title)."""


def _register(kind: EvidenceKind, headers: Sequence[str]) -> str:
    """The CSV: for a register to maintain, a document-control block first; the header; one example row.

    A maintained register (objectives, a risk register) is a controlled document: the
    ``metadata`` and ``fresh`` checks look for its approval, which a spreadsheet keeps in
    ``Label, value`` rows above the table (the scanner reads them as its control block
    and does not count them as records). A retained log is rows only.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if kind.documented_information.value == "maintain" and len(headers) > 2:
        # More cells in the header than in any control row, so the header is still found.
        writer.writerow(["Title", kind.title])
        writer.writerows(CONTROL_BLOCK)
        writer.writerow([])
    writer.writerow(headers)
    writer.writerow([_placeholder(h) for h in headers])
    return buffer.getvalue()


def recognized_kinds(path: str, data: bytes, kinds: Iterable[EvidenceKind]) -> tuple[str, ...]:
    """The kinds the scanner would recognize in a file at ``path`` holding ``data``, in memory.

    Runs the real extractor, metadata reader and classifier on the bytes, without
    mappings: the kit asks whether a register's file name and columns are enough, so
    its organization.yaml maps only the registers that need it, and follows the
    recognition rules of the day rather than a copy of them.
    """
    from imsaudit.evidence.classify import classify
    from imsaudit.evidence.extract import ExtractContext, extractor_for, run_extractor
    from imsaudit.evidence.metadata import extract_metadata
    from imsaudit.evidence.model import Document

    found = extractor_for(path)
    if found is None:
        return ()
    extractor, document_format = found
    result = run_extractor(extractor, data, ExtractContext(path=path))
    if result.error is not None:
        return ()
    document = Document(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        format=document_format,
        extractor=extractor.label,
        units=result.units,
        sections=result.sections,
        tables=result.tables,
        properties=result.properties,
        metadata=extract_metadata(result.properties, result.units, result.tables),
    )
    index = classify([document], kinds)
    return tuple(c.kind for c in index.kinds_of(path))


# --------------------------------------------------------------------------- README and organization.yaml


def _example_clause(pack: Pack) -> str:
    """A clause of the operation area to show an exclusion with (design, where the pack has it)."""
    candidates = [c for c in pack.clauses if hs_section(c.hs) == "8" and c.parent and c.requirements]
    design = [c for c in candidates if "design" in c.title.lower()]
    return (design or candidates or [c for c in pack.clauses if c.requirements])[0].number


def _example_requirements(pack: Pack) -> tuple[str, str]:
    """(a requirement of the improvement area, a requirement only an auditor can judge)."""
    requirements = [(c, r) for c in pack.clauses for r in c.requirements]
    improvement = [r.id for c, r in requirements if hs_section(c.hs) == "10"]
    manual = [
        r.id
        for _, r in requirements
        if any(isinstance(n, ManualParams) for check in r.check_params for n in check.walk())
    ]
    first = requirements[0][1].id
    return (improvement or [first])[0], (manual or [first])[0]


def organization_yaml(packs: Sequence[Pack], mappings: Sequence[tuple[str, str | None]]) -> str:
    """organization.yaml of the kit: valid as written, with commented examples that are valid too."""
    pack = packs[0]
    clause = _example_clause(pack)
    waived, judged = _example_requirements(pack)
    ids = ", ".join(p.id for p in packs)
    lines = [
        "# The organization's profile for imsaudit (docs/evidence.md, section organization.yaml).",
        "# Replace the name; uncomment and adapt what applies.",
        'name: "<Organization name>"',
        "# scope: Research, development and testing services at the main site",
        "# sites: [Main site]",
        "# sector: research",
        "# size: 25",
        "# audit_type: self-assessment",
        "# auditor: <Name>",
        "# as_of: 2026-12-01",
        f"packs: [{ids}]",
        "",
        "# Clauses that do not apply, each with the reason (ISO 9001 4.3 asks for one).",
        "# exclusions:",
        f'#   - {{clause: "{clause}", pack: {pack.id}, justification: We do not do this; say why here.}}',
        "",
        "# Known gaps accepted until a date, with who accepted them.",
        "# waivers:",
        f"#   - {{requirement: {waived}, reason: Say why the gap is accepted for now, "
        "expires: 2026-12-31, approved_by: <Name>}",
        "",
        "# An auditor's verdicts on what only an interview or observation can show.",
        "# verdicts:",
        f"#   - {{requirement: {judged}, verdict: met, note: Interviewed top management, "
        "auditor: <Name>, date: 2026-11-02}",
        "",
        "# Documents -> evidence kinds, where the file name, title and columns are not enough.",
        "# The Markdown templates declare their kind in their front matter (kind: ...).",
        "kinds:",
    ]
    for path, kind in mappings:
        value = kind if kind is not None else "[]"
        note = "  # explains the kit: evidence of nothing" if kind is None else ""
        lines.append(f'  "{path}": {value}{note}')
    return "\n".join(lines) + "\n"


_ROLE_LABELS: dict[str, str] = {
    "document": "document template",
    "record": "record template",
    "register": "register (CSV)",
}


def readme(packs: Sequence[Pack], files: Sequence[KitFile], mapped: Sequence[str]) -> str:
    """README.md of the kit: what it is, how to make it yours, the files in the order to fill them in."""
    labels = " + ".join(p.pack.standard for p in packs)
    ids = " ".join(f"--pack {p.id}" for p in packs)
    ordered = sorted(files, key=lambda f: (f.phase or 0, f.path))
    counts = Counter(f.role for f in files)
    lines = [
        f"# Starter kit templates: {labels}",
        "",
        f"Written by `imsaudit init DIR {ids}` for an organization setting up its management system: "
        f"{len(files)} files besides this README and `organization.yaml`, one for each kind of "
        "evidence the requirements ask for "
        f"({counts['document']} document templates, {counts['register']} registers, "
        f"{counts['record']} record templates).",
        "",
        "They are templates until you make them yours. An audit of this folder recognizes each "
        "file as the evidence it is meant to become, but reports it as a template, never as "
        "evidence: nothing here can make a requirement met.",
        "",
        "## Make it yours",
        "",
        "1. In `organization.yaml`, give the organization's name and, if you like, its scope, sites "
        "and the audit date; exclusions, waivers and auditors' verdicts have commented examples.",
        "2. Work through the files in the order below (the phases of `imsaudit checklist`: each "
        "builds on the ones before). In each Markdown file, replace every `[Describe ...]` "
        "instruction and `<...>` placeholder with your own content, delete the guidance note, "
        "fill in the document control fields at the top (document id, owner, approver, approval "
        "and review dates) and set the status to approved. Keep the `kind:` line: it tells "
        "imsaudit what the document is.",
        "3. In each register (CSV), replace the example row with real rows and keep the column "
        "headers: the audit reads those columns. Registers you maintain (objectives, risks, "
        "the document list) start with a document control block (document id, owner, approval) "
        "to fill in like a document's. A register may move to a spreadsheet; keep its headers "
        "and file name, or update its line under `kinds:` in `organization.yaml`.",
        f"4. Run `imsaudit audit . {ids}` to see what is still missing.",
        "",
        "## Folders",
        "",
        "Files are grouped by clause area of the Harmonized Structure that ISO management system "
        "standards share (4 Context of the organization ... 10 Improvement): each file sits in the "
        "area where most of the requirements that use it are. The areas are the same for every "
        "pack, so a second standard adds files without moving these.",
        "",
    ]
    if mapped:
        lines += [
            f"{len(mapped)} registers would not be recognized by their name and columns alone; "
            "`organization.yaml` maps them to their kind.",
            "",
        ]
    lines += [
        "## Files, in the order to fill them in",
        "",
        "| Phase | File | Evidence | Form | Requirements |",
        "|---|---|---|---|---|",
    ]
    for f in ordered:
        serves = ", ".join(f.serves)
        lines.append(f"| {f.phase} | `{f.path}` | {f.title} | {_ROLE_LABELS[f.role]} | {serves} |")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- the kit


def build_starter_kit(library: Library, pack_ids: Sequence[str] | None = None) -> StarterKit:
    """The kit for ``pack_ids`` (default: every pack of the library). Pure: nothing is written."""
    packs = selected_packs(library, pack_ids)
    uses = _uses(library, packs)
    files: list[KitFile] = []
    for kind_id in sorted(uses):
        use = uses[kind_id]
        kind = use.kind
        if kind.tabular:
            role: Role = "register"
            text = _register(kind, _columns(use))
            extension = "csv"
        else:
            role = "record" if kind.documented_information.value == "retain" else "document"
            text = _markdown(use, packs, role)
            extension = "md"
        files.append(
            KitFile(
                path=f"{use.folder}/{kind_id}.{extension}",
                role=role,
                text=text,
                kind=kind_id,
                title=kind.title,
                phase=use.phase,
                serves=use.serves,
            )
        )
    kinds = list(library.kinds.values())
    mapped = tuple(
        f.path for f in files if f.role == "register" and recognized_kinds(f.path, f.data, kinds) != (f.kind,)
    )
    kind_of = {f.path: f.kind for f in files}
    mappings: list[tuple[str, str | None]] = [("README.md", None)]
    mappings += [(path, kind_of[path]) for path in mapped]
    extra = [
        KitFile("README.md", "readme", readme(packs, files, mapped), title="README"),
        KitFile("organization.yaml", "organization", organization_yaml(packs, mappings)),
    ]
    return StarterKit(tuple(p.id for p in packs), tuple(extra + files), mapped)


def write_starter_kit(kit: StarterKit, directory: Path) -> list[Path]:
    """Write the kit into ``directory``, which must not exist or be empty; return the files written.

    Refusing a folder with anything in it means ``init`` never overwrites an
    organization's documents. Each file is written atomically.
    """
    from imsaudit.core.atomic import write_atomic

    if directory.exists():
        if not directory.is_dir():
            raise UsageError(
                f"{directory} exists and is not a folder; init writes into a new or empty folder"
            )
        entries = sum(1 for _ in directory.iterdir())
        if entries:
            raise UsageError(
                f"{directory} is not empty ({entries} entr{'y' if entries == 1 else 'ies'}); "
                "init writes only into a new or empty folder"
            )
    written = []
    for kit_file in kit.files:
        target = directory.joinpath(*kit_file.path.split("/"))
        write_atomic(target, kit_file.data)
        written.append(target)
    return written
