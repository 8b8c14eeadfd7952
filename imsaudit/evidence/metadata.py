"""Document-control metadata: one normalized set of fields from wherever a document keeps them.

Organizations record title, id, version, owner, approval and review dates in many
places: Markdown front matter, Word properties, PDF info, a document-control table at
the top ("Document ID | QP-001"), "Approved by: J. Smith, 14 Feb 2026" in the body, a
revision history. Each source is read; the most deliberate wins, in tiers:

1. declarations: front matter, custom document properties, top-level YAML/JSON keys;
2. the document-control block at the top (table rows or ``Label: value`` lines), headers;
3. "Approved by ..." lines anywhere in the body, the latest revision-history row;
4. file properties that tools fill in by themselves (core title/status, PDF info);
5. the first heading, for the title only.

Every filled field records its source, so an auditor can check it; values that are
placeholders (``<Name>``, ``TBD``) or dates that do not parse are kept in ``rejected``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from imsaudit.core.types import MetadataField
from imsaudit.evidence.model import Metadata, Property, Table, TextUnit, UnitRole
from imsaudit.evidence.templates import placeholder_rule

logger = logging.getLogger(__name__)

TOP_UNITS = 60
"""Units at the top of a document searched for a document-control block."""

# --------------------------------------------------------------------------- dates

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_PATTERNS = (
    ("ymd", re.compile(r"(?<!\d)(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")),
    ("dmy", re.compile(r"(?<!\d)(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4}|\d{2})(?!\d)")),
    (
        "d mon y",
        re.compile(
            rf"(?<![\w])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[\s-]+(?:of\s+)?{_MONTH}[\s,-]+(?P<y>\d{{4}})(?!\d)",
            re.IGNORECASE,
        ),
    ),
    (
        "mon d y",
        re.compile(
            rf"(?<![\w]){_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?!\d)",
            re.IGNORECASE,
        ),
    ),
    ("mon y", re.compile(rf"(?<![\w]){_MONTH}\s+(?P<y>\d{{4}})(?!\d)", re.IGNORECASE)),
)


@dataclass(frozen=True)
class FoundDate:
    """A date found in a text, and where it was (to cut it out of ``J. Smith, 14 Feb 2026``)."""

    value: date
    start: int
    end: int


def _build(match: re.Match[str], style: str) -> date | None:
    groups = match.groupdict()
    year = int(groups["y"])
    if year < 100:
        year += 2000
    if groups.get("mon"):
        month = _MONTHS[groups["mon"].lower().rstrip(".")]
    else:
        month = int(groups["m"])
    day = int(groups["d"]) if groups.get("d") else 1
    if style == "dmy" and month > 12 and day <= 12:
        day, month = month, day  # 02/14/2026: the US order, unambiguous
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_date(text: str) -> FoundDate | None:
    """The first date in ``text`` in one of the usual forms, or None.

    ``2026-02-14``, ``14/02/2026`` (day first, as ISO-certified organizations outside the
    US write; ``02/14/2026`` is read month first because it cannot be otherwise),
    ``14.02.2026``, ``14 Feb 2026``, ``14th February 2026``, ``February 14, 2026``,
    and ``February 2026`` (the first of the month).
    """
    best: FoundDate | None = None
    for style, pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            value = _build(match, style)
            if value is None:
                continue
            if best is None or match.start() < best.start:
                best = FoundDate(value, match.start(), match.end())
            break
        if best is not None and style != "mon y" and best.start == 0:
            break
    return best


def parse_date(text: object) -> date | None:
    """A date value (a cell, a property): a ``date`` as is, else the date found in its text."""
    if isinstance(text, date):
        return text
    if text is None:
        return None
    found = find_date(str(text))
    return found.value if found else None


# --------------------------------------------------------------------------- labels

_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "document title", "doc title", "document name", "name of document"),
    "doc_id": (
        "doc id", "document id", "document no", "document number", "doc no", "doc number",
        "document ref", "document reference", "doc ref", "reference", "ref", "ref no",
        "reference no", "identifier", "document code", "doc code", "id", "document identifier",
    ),
    "version": (
        "version", "ver", "rev", "revision", "issue", "version no", "version number",
        "revision no", "revision number", "issue no", "issue number", "edition",
    ),
    "owner": ("owner", "document owner", "process owner", "doc owner", "policy owner",
              "responsible", "responsible person", "author", "prepared by"),
    "approved_by": ("approved by", "approver", "authorised by", "authorized by",
                    "signed off by", "approval by", "approved", "approval"),
    "approved_on": ("approved on", "approval date", "date approved", "date of approval",
                    "approved date", "effective date", "effective from", "date effective",
                    "issue date", "date of issue", "issued on", "release date", "date issued"),
    "review_due": ("review due", "next review", "next review date", "review date",
                   "due for review", "review by", "next revision", "review due date",
                   "valid until", "next review due", "scheduled review"),
    "status": ("status", "document status", "doc status"),
    "kind": ("kind", "kinds", "evidence kind", "evidence kinds", "imsaudit kind"),
}  # fmt: skip

LABELS: dict[str, str] = {alias: field for field, aliases in _ALIASES.items() for alias in aliases}
"""Normalized label -> field (``"next review"`` -> ``review_due``)."""

_WEAK_OWNER = frozenset({"author", "prepared by"})
_DECLARATION_SOURCES = ("front matter", "custom property", "user-defined property", "YAML", "JSON")
_TOOL_SOURCES = ("core properties", "ODT metadata", "ODS metadata", "PDF document info", "HTML")

_NEEDS_SEPARATOR = frozenset(
    {
        "id",
        "ref",
        "issue",
        "approved",
        "approval",
        "kind",
        "kinds",
        "reference",
        "responsible",
        "author",
        "edition",
        "ver",
        "rev",
        "review date",
        "identifier",
    }
)


def _label_pattern(label: str) -> str:
    """A label as written in running text: "Document No." and "Doc. No." as well as "doc no".

    Only a short word (an abbreviation: no, doc, rev, ref) may carry a full stop, so that
    "Scope. The lab..." in running text is not read as a scope field.
    """
    words = label.split()
    pattern = ""
    for index, word in enumerate(words):
        short = len(word) <= 3
        pattern += re.escape(word)
        if index < len(words) - 1:
            pattern += r"(?:\.\s*|\s+)" if short else r"\s+"
        elif short:
            pattern += r"\.?"
    return pattern


_LABEL_LINE = re.compile(
    r"^\s*(?P<label>"
    + "|".join(_label_pattern(a) for a in sorted(LABELS, key=len, reverse=True))
    + r")\s*(?P<sep>[:|\t=]|\s)\s*(?P<value>\S.*)$",
    re.IGNORECASE,
)
_NEXT_LABEL = re.compile(
    r"\s(?:"
    + "|".join(re.escape(a) for a in sorted(LABELS, key=len, reverse=True) if len(a) > 3)
    + r"|date)\s*(?::|(?=\s+v?\d))",
    re.IGNORECASE,
)
_OTHER_LABEL = re.compile(r"(?P<gap>\s+)(?P<label>[A-Za-z][\w&/.()-]*(?: [A-Za-z][\w&/.()-]*){0,2}):(?=\s|$)")
"""A label this module does not know ("Classification:", "Pages:") after a field's value.

A control block puts several fields on one line ("Status: Approved   Classification:
Internal   Pages: 4"); without this the last known field ran on to the end of the line
("approved classification: internal pages: 4", not an approved status)."""
_COLUMN_GAP = re.compile(r"\s{2,}|\t")
_LEADING_OTHER_LABEL = re.compile(r"[A-Za-z][\w&/.()-]*(?: [A-Za-z][\w&/.()-]*){0,2}:\s")
"""A line's first words as a label of its own ("Classification: "), as ``_OTHER_LABEL`` reads one."""
_DATE_LINE = re.compile(r"^\s*(?:date|dated|on)\s*[:\-–]\s*(?P<value>\S.*)$", re.IGNORECASE)
_APPROVAL = re.compile(
    r"(?:approved|authori[sz]ed|signed(?:\s+off)?)\s+by\s*[:\-–]?\s*(?P<rest>\S.*)", re.IGNORECASE
)


def normalize_label(label: str) -> str:
    """``"Document ID:"``, ``doc_id``, ``Doc-ID`` -> ``"document id"`` / ``"doc id"``."""
    return " ".join(re.sub(r"[_\-.#:*()]+", " ", label.lower()).split())


_TITLE_NOISE = re.compile(r"^(?:microsoft (?:word|excel|powerpoint)\s*-\s*)", re.IGNORECASE)
_UNTITLED = frozenset(
    {"untitled", "document1", "document", "presentation", "powerpoint presentation", "title"}
)
_STATUS = {
    "approved": "approved", "released": "approved", "issued": "approved", "final": "approved",
    "published": "approved", "effective": "approved", "current": "approved", "active": "approved",
    "in force": "approved", "live": "approved",
    "draft": "draft", "wip": "draft", "work in progress": "draft", "in progress": "draft",
    "in review": "in_review", "under review": "in_review", "for review": "in_review",
    "for approval": "in_review", "pending approval": "in_review", "review": "in_review",
    "obsolete": "obsolete", "superseded": "obsolete", "withdrawn": "obsolete",
    "archived": "obsolete", "retired": "obsolete",
}  # fmt: skip
_VERSION_PREFIX = re.compile(r"^(?:version|ver|rev(?:ision)?|issue|edition|v)\.?\s*[:#]?\s*", re.IGNORECASE)


def clean_title(value: str) -> str | None:
    """A title without tool noise (``Microsoft Word - x.docx``); None for ``Untitled``."""
    title = _TITLE_NOISE.sub("", value).strip()
    title = re.sub(r"\.(docx?|xlsx?|pptx?|pdf|odt)$", "", title, flags=re.IGNORECASE).strip()
    if not title or title.lower() in _UNTITLED:
        return None
    return title


def normalize_status(value: str) -> str:
    """``Released`` -> ``approved``, ``Under review`` -> ``in_review``; others lower-cased."""
    key = " ".join(value.lower().replace("_", " ").split())
    return _STATUS.get(key, key)


_VERSION_NUMBER = re.compile(r"^(\d+(?:\.\d+)*[a-z]?)(?![\w.])", re.IGNORECASE)


def normalize_version(value: str) -> str:
    """``v3.0``, ``Rev. 3``, ``Issue 3``, ``4 · last reviewed ...`` -> ``3.0`` / ``3`` / ``4``."""
    text = _VERSION_PREFIX.sub("", value.strip()).strip() or value.strip()
    number = _VERSION_NUMBER.match(text)
    return number.group(1) if number else text


# --------------------------------------------------------------------------- collection


@dataclass(frozen=True)
class _Candidate:
    field: str
    value: str
    tier: int
    source: str
    label: str


def _from_properties(properties: Iterable[Property]) -> list[_Candidate]:
    found = []
    for prop in properties:
        label = normalize_label(prop.name)
        field = LABELS.get(label)
        if field is None:
            continue
        declared = prop.source.startswith(_DECLARATION_SOURCES)
        tool = any(marker in prop.source for marker in _TOOL_SOURCES)
        if field == "owner" and label in _WEAK_OWNER and not declared:
            continue  # a file's "author" is whoever created it, not the document owner
        if field == "kind" and not declared:
            continue
        tier = 1 if declared else 4 if tool else 2
        found.append(_Candidate(field, prop.value, tier, prop.source, label))
    return found


def _label_pairs(text: str) -> list[tuple[str, str]]:
    """``Label: value`` pairs in a line or a control-table row (``Document ID | QP-001``).

    A table row counts only as label/value pairs (2, 4 or 6 cells, a known label in
    every other cell): the header row of a register ("Action | Owner | Due") is not one.
    """
    if " | " in text:
        cells = [c.strip() for c in text.split(" | ")]
        if len(cells) not in (2, 4, 6):
            return []
        pairs = list(zip(cells[0::2], cells[1::2], strict=True))
        if all(
            normalize_label(label) in LABELS and normalize_label(value) not in LABELS
            for label, value in pairs
        ):
            return pairs
        return []
    match = _LABEL_LINE.match(text)
    if match is None:
        return _after_other_label(text)
    value = match.group("value").strip()
    if match.group("sep").isspace() and (
        normalize_label(match.group("label")) in _NEEDS_SEPARATOR
        or len(value.split()) > 8
        or (value.split()[0].isalpha() and value[:1].islower())
    ):
        return []  # "Status of actions..." in running text: only with an explicit separator
    label = match.group("label")
    cut = _value_end(LABELS[normalize_label(label)], value)
    if cut is None:
        return [(label, value)]
    pairs = [(label, value[:cut].strip())]
    rest = value[cut:].strip()
    while rest and _LABEL_LINE.match(rest) is None:  # a label of no field ("date"): skip it, its value
        cut = _value_end(None, rest[1:])  # the next label after this one
        rest = rest[1 + cut :].strip() if cut is not None else ""
    return pairs + [p for p in _label_pairs(rest) if normalize_label(p[0]) in LABELS] if rest else pairs


def _after_other_label(text: str) -> list[tuple[str, str]]:
    """The fields of a control line that opens with a label of no field ("Classification: Internal").

    "Classification: Internal   Status: Approved" is a control block's line as much as
    one that opens with the status. The labels after a column gap (two spaces or a tab)
    are read; running text ("Note: the status is open") has none, so gives none.
    """
    text = text.strip()
    if _LEADING_OTHER_LABEL.match(text) is None:
        return []
    for other in _OTHER_LABEL.finditer(text):
        if _COLUMN_GAP.fullmatch(other.group("gap")):
            return [p for p in _label_pairs(text[other.start() :].strip()) if normalize_label(p[0]) in LABELS]
    return []


def _value_end(field: str | None, value: str) -> int | None:
    """Where the value of ``field`` ends in ``value``: at the next label on its line, or None.

    A known label ends it wherever it stands. An unknown one ("Classification:") ends it
    after a column gap (two spaces or a tab), or after a single space when what comes
    before is already a whole value of the field (a status word, a date, a version
    number, an id): a title such as "Management Review: Minutes" keeps its colon.
    """
    known = _NEXT_LABEL.search(value)
    end = known.start() if known is not None else len(value)
    for other in _OTHER_LABEL.finditer(value, 0, end):
        if _COLUMN_GAP.fullmatch(other.group("gap")) or _whole_value(field, value[: other.start()]):
            return other.start()
    return known.start() if known is not None else None


def _before_unknown_label(value: str) -> str:
    """``value`` up to a label of no field after a column gap ("J. Smith   Signature: ____")."""
    for other in _OTHER_LABEL.finditer(value):
        name = normalize_label(other.group("label"))
        if _COLUMN_GAP.fullmatch(other.group("gap")) and name not in LABELS and name != "date":
            return value[: other.start()]
    return value


def _whole_value(field: str | None, head: str) -> bool:
    """Whether ``head`` is a complete value of ``field`` on its own (see ``_value_end``)."""
    head = head.strip()
    if not head:
        return False
    if field == "status":
        return normalize_status(head) in _STATUS.values()
    if field in ("approved_on", "review_due"):
        found = find_date(head)
        return found is not None and found.end == len(head)
    if field == "version":
        return normalize_version(head) == _VERSION_PREFIX.sub("", head).strip()
    if field == "doc_id":
        return len(head.split()) == 1
    return False


def _from_units(units: Sequence[TextUnit]) -> list[_Candidate]:
    found: list[_Candidate] = []
    top = [u for u in units[:TOP_UNITS] if u.role is not UnitRole.HEADING]
    top += [u for u in units if u.role in (UnitRole.HEADER, UnitRole.FOOTER)]
    for unit in top:
        for label, value in _label_pairs(unit.text):
            field = LABELS[normalize_label(label)]
            if field == "kind":
                continue
            found.append(_Candidate(field, value, 2, unit.locator, normalize_label(label)))
    for index, unit in enumerate(units):
        text = unit.text
        if "pprov" not in text and "PPROV" not in text and "uthori" not in text and "igned" not in text:
            continue
        match = _APPROVAL.search(text)
        if match:
            rest = _before_unknown_label(match.group("rest"))
            if unit.role is UnitRole.ROW:
                rest = _approval_in_row(text, rest)
                if not rest:
                    continue
            cut = _NEXT_LABEL.search(rest)
            if cut is not None and cut.start() > 0:
                rest = rest[: cut.start()] + " " + rest[cut.end() :]
            found.append(_Candidate("approved_by", rest, 3, unit.locator, "approved by"))
            following = units[index + 1] if index + 1 < len(units) else None
            date_line = _DATE_LINE.match(following.text) if following is not None else None
            if date_line and find_date(rest) is None:
                found.append(
                    _Candidate("approved_on", date_line.group("value"), 3, following.locator, "date")  # type: ignore[union-attr]
                )
    return found


def _approval_in_row(row: str, rest: str) -> str:
    """What names the approver in a table row, after its "Approved by" ('' when nothing does).

    Its own cell ("Approved by J. Smith"), or, when "Approved by" is a cell of its own,
    the next one if the row is label/value pairs (a sign-off table: "Approved by | J.
    Smith | Approved on | 2026-02-14", the date kept for ``_interpret``). An "Approved
    by" column in a register's header row is followed by the next column's name.
    """
    cell = rest.split("|", 1)[0].strip()
    if cell:
        return cell
    pairs = {LABELS[normalize_label(label)]: value for label, value in _label_pairs(row)}
    return (
        " ".join(pairs[f] for f in ("approved_by", "approved_on") if f in pairs)
        if "approved_by" in pairs
        else ""
    )


_LISTS_DOCUMENTS = frozenset({"doc_id", "title"})
"""Fields whose column makes a table a list of documents rather than one's revision history."""


def _from_tables(tables: Sequence[Table]) -> list[_Candidate]:
    """Horizontal control tables (labels as header, one row of values) and revision histories.

    A control table has at least three known labels making most of its header and at
    most two rows; a revision history has a version column and a date column, and its
    latest-dated row gives the current version (and its date, the approval date). A
    table with a document id or title column lists other documents (a master list, each
    with its own version): it says nothing of this one's.
    """
    found: list[_Candidate] = []
    for table in tables:
        if not table.header or not table.rows:
            continue
        names = [normalize_label(h) for h in table.header]
        fields = [LABELS.get(n) for n in names]
        known = [f for f in fields if f]
        if len(table.rows) <= 2 and len(known) >= 3 and len(known) >= 0.6 * len(names):
            row, where, tier = table.rows[0], table.row_locators[0], 2
        elif (
            "version" in known and any("date" in n.split() for n in names) and not _LISTS_DOCUMENTS & {*known}
        ):
            date_column = next(i for i, n in enumerate(names) if "date" in n.split())
            dated = [(parse_date(r[date_column]) or date.min, i) for i, r in enumerate(table.rows)]
            index = max(dated)[1]
            row, where, tier = table.rows[index], f"revision history, {table.row_locators[index]}", 3
            fields = [
                "approved_on" if i == date_column else f if f == "version" else None
                for i, f in enumerate(fields)
            ]
        else:
            continue
        for field, cell in zip(fields, row, strict=False):
            if field and field != "kind" and cell not in (None, ""):
                text = cell.isoformat() if isinstance(cell, date) else str(cell)
                found.append(_Candidate(field, text, tier, where, field))
    return found


def extract_metadata(
    properties: Sequence[Property], units: Sequence[TextUnit], tables: Sequence[Table]
) -> Metadata:
    """The normalized ``Metadata`` of a document from its properties, text and tables."""
    candidates = _from_properties(properties) + _from_units(units) + _from_tables(tables)
    candidates.sort(key=lambda c: c.tier)  # stable: within a tier, document order
    values: dict[str, str | date] = {}
    sources: dict[str, str] = {}
    rejected: dict[str, str] = {}
    placeholders: dict[str, str] = {}
    declared: list[str] = []
    for candidate in candidates:
        if candidate.field == "kind":
            for kind in re.split(r"[,;\s]+", candidate.value.lower()):
                if kind and kind not in declared:
                    declared.append(kind)
            continue
        for field, value in _interpret(candidate):
            if field in values:
                continue
            if isinstance(value, str):
                rule = placeholder_rule(value)
                if rule is not None:
                    rejected.setdefault(field, f"{value!r} at {candidate.source} is a placeholder")
                    placeholders.setdefault(field, rule)
                    continue
            if value is None:
                rule = placeholder_rule(candidate.value)
                what = "a placeholder" if rule else "not a date"
                if rule:
                    placeholders.setdefault(field, rule)
                rejected.setdefault(field, f"{candidate.value!r} at {candidate.source} is {what}")
                continue
            values[field] = value
            sources[field] = candidate.source
    if "title" not in values:
        heading = next((u for u in units if u.role is UnitRole.HEADING), None)
        if heading is not None and placeholder_rule(heading.text) is None:
            values["title"] = heading.text
            sources["title"] = f"first heading, {heading.locator}"
    for field in rejected.copy():
        if field in values:
            del rejected[field]
            placeholders.pop(field, None)
    return Metadata(
        **{k: v for k, v in values.items() if k in MetadataField.__members__.values()},
        declared_kinds=tuple(declared),
        sources=sources,
        rejected=rejected,
        placeholders=placeholders,
    )


def _interpret(candidate: _Candidate) -> list[tuple[str, str | date | None]]:
    """A raw value as normalized (field, value) pairs; one approval line gives name and date."""
    field, raw = candidate.field, " ".join(candidate.value.split())
    if not raw or raw.lower() in ("-", "n/a", "na", "none", "—"):
        return []
    if field in ("approved_on", "review_due"):
        return [(field, parse_date(raw))]
    if field == "approved_by":
        # "|" too: a control line "Owner: A | Approved by: B | Approved on: <date>".
        found = find_date(raw)
        if found is None:
            return [(field, raw.strip(" ,;-–(|"))]
        name = (raw[: found.start] + raw[found.end :]).strip()
        name = re.sub(r"(?:\s*(?:,|;|–|-|\||\(|\)|\bon\b|\bdate\b:?))+$", "", name, flags=re.IGNORECASE)
        name = re.sub(r"^\s*(?:,|;|–|-|\|)+", "", name).strip(" ,;-–()|")
        pairs: list[tuple[str, str | date | None]] = [("approved_on", found.value)]
        if name and not name.isdigit():
            pairs.insert(0, ("approved_by", name))
        return pairs
    if field == "title":
        title = clean_title(raw)
        return [(field, title)] if title else []
    if field == "status":
        return [(field, normalize_status(raw))]
    if field == "version":
        return [(field, normalize_version(raw))]
    return [(field, raw)]
