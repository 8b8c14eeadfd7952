"""Helpers every leaf check shares, so the honesty rules are written once.

- ``gather`` returns the real documents of the kinds, the templates found instead, and a
  ready ``not_met`` result when there is no real document (no evidence is never met);
  ``Gathered.ranked`` orders the documents by how firmly they are of the kinds
  (``strength``), so a check that judges "the best document" breaks ties in favour of
  the document that really is the kind, not one that barely qualified and sorts first
  by path.
- ``cell_filled`` / ``cell_nil``: which register cells record an answer ("None" does,
  "TBD" does not).
- ``unreadable`` splits off documents whose text could not be fully read, which must
  lead to ``needs_review`` rather than a verdict from an empty read.
- Column lookup, cell dates and month windows for register checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from imsaudit.checks._matcher import first_token, normalize, tokens
from imsaudit.checks.base import DATE_ALIASES, EvalContext
from imsaudit.core.results import CheckResult, EvidenceRef, excerpt
from imsaudit.core.types import Outcome
from imsaudit.evidence.metadata import parse_date
from imsaudit.evidence.model import Cell, ClassificationSource, Document, Table


def cite(document: Document, locator: str = "document", text: str = "") -> EvidenceRef:
    """An evidence reference to a place in a document, quoting at most 200 characters."""
    return EvidenceRef(path=document.path, sha256=document.sha256, locator=locator, excerpt=excerpt(text))


def titles(ctx: EvalContext, kinds: Iterable[str]) -> str:
    """``Quality policy`` or ``Quality policy or Quality manual`` for messages."""
    return " or ".join(ctx.kind_title(k) for k in kinds)


@dataclass(frozen=True)
class Gathered:
    """The documents a check can judge, and what else was found."""

    documents: tuple[Document, ...]
    """Real documents (not templates) of any of the kinds, sorted by path (for listings)."""
    templates: tuple[Document, ...]
    """Templates of the kinds: shown in messages, never counted."""
    missing: CheckResult | None
    """A ``not_met`` result to return when there is no real document, else None."""
    ranked: tuple[Document, ...]
    """``documents`` strongest first (see ``strength``), then by path: the order in which a
    check looks for its best document, so that ``max`` keeps the strongest of equals."""


PLAIN_FACTOR = 2
"""A recognized document scoring this many times its kind's ``min_score`` is plainly of the kind."""


def strength(ctx: EvalContext, document: Document, kinds: Sequence[str]) -> tuple[bool, bool, int, int]:
    """How firmly ``document`` is evidence for a check of ``kinds``; smaller sorts first.

    1. a kind declared in the document or mapped in organization.yaml: the organization's
       own word outranks any recognition;
    2. a document plainly of its kind (recognized at twice the kind's ``min_score`` or
       more) before one that barely qualified on a few incidental words (an audit
       procedure describing reports, scoring 5 as an audit report, against the report
       itself at 19); ``min_score`` is each kind's own calibration, so "twice it" means
       the same across kinds where raw scores do not;
    3. the order in which the check lists its kinds (the pack lists first the kind where
       the evidence naturally lives: scores of different kinds are on different scales);
    4. the higher score.
    Of several kinds, the document's strongest counts.
    """
    found = []
    for position, kind in enumerate(kinds):
        c = ctx.index.classification(document.path, kind)
        if c is None:
            continue
        recognized = c.source is ClassificationSource.RECOGNIZED
        barely = recognized and c.score < PLAIN_FACTOR * c.min_score
        found.append((recognized, barely, position, -c.score))
    return min(found, default=(True, True, len(kinds), 0))


def rank(ctx: EvalContext, documents: Iterable[Document], kinds: Sequence[str]) -> tuple[Document, ...]:
    """``documents`` strongest first (``strength``), ties by path: deterministic and meaningful."""
    return tuple(sorted(documents, key=lambda d: (strength(ctx, d, kinds), d.path)))


def gather(check: str, ctx: EvalContext, kinds: Sequence[str]) -> Gathered:
    """The documents of ``kinds``; when there are none, the ``not_met`` result that says so.

    Which documents are of the kinds, and their ranking, are read once per evaluation
    (``EvalContext.derived``): many checks ask for the same kinds.
    """
    key = ("gather", tuple(kinds))
    real, found_templates, ranked = ctx.derived.memo(ctx.index, key, lambda: _of_kinds(ctx, kinds))
    missing = None
    if not real:
        message = f"No {titles(ctx, kinds)} was found"
        if found_templates:
            message += f"; only a template ({paths(found_templates)}), which is not evidence"
            if len(found_templates) == 1:
                message += f" ({excerpt(_template_why(found_templates[0]), 120)})"
            else:
                message += f" ({'; '.join(_template_named(d) for d in found_templates)})"
        missing = CheckResult(
            type=check,
            outcome=Outcome.NOT_MET,
            message=message + ".",
            evidence=tuple(cite(d, "document", _template_why(d)) for d in found_templates),
            looked_at=tuple(d.path for d in found_templates),
        )
    return Gathered(real, found_templates, missing, ranked)


def _of_kinds(
    ctx: EvalContext, kinds: Sequence[str]
) -> tuple[tuple[Document, ...], tuple[Document, ...], tuple[Document, ...]]:
    """(real documents, templates, real documents ranked) of ``kinds``, each list by path."""
    documents: dict[str, Document] = {}
    templates: dict[str, Document] = {}
    for kind in kinds:
        for document in ctx.index.documents_of(kind, include_templates=True):
            target = templates if document.template.is_template else documents
            target[document.path] = document
    real = tuple(documents[p] for p in sorted(documents))
    return real, tuple(templates[p] for p in sorted(templates)), rank(ctx, real, kinds)


def _template_why(document: Document) -> str:
    """Why the scanner took ``document`` for a template (its first reason), for messages."""
    reasons = document.template.reasons
    return reasons[0] if reasons else "template"


def _template_named(document: Document) -> str:
    """``procedure.md: approved_by is a placeholder ...``: the template and why it is one."""
    return f"{document.path}: {excerpt(_template_why(document), 120)}"


def unreadable(documents: Iterable[Document]) -> tuple[list[Document], list[Document]]:
    """(documents whose text was fully read, documents whose text was not)."""
    complete: list[Document] = []
    partial: list[Document] = []
    for document in documents:
        (complete if document.text_complete else partial).append(document)
    return complete, partial


def review_unreadable(check: str, partial: Sequence[Document], what: str) -> CheckResult:
    """``needs_review`` for documents that exist but whose text the machine could not read."""
    reasons = "; ".join(f"{d.path}: {d.unreadable_reason}" for d in partial)
    return CheckResult(
        type=check,
        outcome=Outcome.NEEDS_REVIEW,
        message=f"Could not read the text to judge {what} ({reasons}); an auditor must read it.",
        evidence=tuple(cite(d) for d in partial),
        looked_at=tuple(d.path for d in partial),
    )


# --------------------------------------------------------------------------- registers


def _singular(words: tuple[str, ...]) -> tuple[str, ...]:
    """Crude English singular, enough for column headers: ``actions`` -> ``action``."""

    def one(word: str) -> str:
        if len(word) > 4 and word.endswith("ies"):
            return word[:-3] + "y"
        if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            return word[:-1]
        return word

    return tuple(one(w) for w in words)


HEADING = "first heading"
"""The reading (``Derived.memo`` key of a document, ``held`` name) of its first heading."""


def first_heading(document: Document) -> str | None:
    """The text of ``document``'s first heading, or None: what names a document without a title."""
    heading = next(iter(document.headings), None)
    return heading.text if heading is not None else None


@lru_cache(maxsize=4096)
def _header_words(text: str) -> tuple[str, ...]:
    """A header's or alias's words, singular: the same few hundred recur across every register."""
    return _singular(tokens(text))


def find_column(table: Table, aliases: Sequence[str]) -> int | None:
    """Index of the first header matching an alias: equal words first, then contained words.

    Words are compared singular ("Actions" matches the alias ``action``): registers name
    their columns either way.
    """
    headers = [_header_words(h) for h in table.header]
    wanted = [_header_words(a) for a in aliases]
    for alias in wanted:
        for index, header in enumerate(headers):
            if header == alias:
                return index
    for alias in wanted:
        if not alias:
            continue
        for index, header in enumerate(headers):
            if any(header[i : i + len(alias)] == alias for i in range(len(header) - len(alias) + 1)):
                return index
    return None


def cell_text(value: Cell) -> str:
    """A cell as text ('' for empty); dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()[:10]
    return str(value).strip()


_OPEN_WORDS = frozenset({"tbd", "tbc", "tba"})
"""A cell starting with one of these leaves the question open: ``TBD``, ``TBC (next review)``."""
_OPEN_PHRASES = frozenset(
    {"to be decided", "to be determined", "to be defined", "to be confirmed", "to be agreed", "to be advised"}
)
_PLACEHOLDER_CELL = re.compile(r"^\s*(?:<[^<>]*>|\[[^\[\]]*\])\s*$")
"""A whole cell that is a template slot: ``<Root cause>``, ``[insert owner]``."""
_NIL_ANSWERS = frozenset({"none", "no", "nil", "n a", "na", "not applicable", "nothing"})
"""Explicit answers that say "nothing here": recorded, but worth an auditor's glance."""
# First words of the phrases above: a cell starting otherwise (nearly every cell) is decided
# by its first word, without cutting the whole cell into words.
_OPEN_STARTS = frozenset(phrase.split()[0] for phrase in _OPEN_PHRASES)
_NIL_STARTS = frozenset(answer.split()[0] for answer in _NIL_ANSWERS)


def cell_filled(value: Cell) -> bool:
    """True when a cell records an answer, False when it leaves the question open.

    Open: blank, punctuation only (``-``, ``?``, ``...``), ``TBD``/``TBC``/``TBA`` or
    "to be decided", and template slots (``<Root cause>``, ``[insert owner]``).
    Recorded: anything else, including ``None``, ``No``, ``Nil`` and ``N/A``: someone
    considered the question and wrote an answer, whose acceptability is for an auditor
    to judge (``cell_nil`` finds them so messages can point at them). ``N/A`` counts as
    the same answer as "Not applicable" spelled out, which was always a value.
    """
    return text_filled(cell_text(value))


def text_filled(text: str) -> bool:
    """``cell_filled`` of a cell already read as text (``cell_text``)."""
    return text_answer(text)[0]


def _plain_start(char: str) -> bool:
    """True when a text starting with ``char`` starts a token that is no open or nil word."""
    lower = char.lower()
    return len(lower) == 1 and _TOKEN_CHAR.match(lower) is not None and lower not in _SPECIAL_INITIALS


_TOKEN_CHAR = re.compile(r"[0-9a-zà-öø-ÿœ]")
"""A character ``tokens`` keeps (``checks._matcher``)."""
_SPECIAL_INITIALS = frozenset(word[0] for word in (*_OPEN_WORDS, *_OPEN_STARTS, *_NIL_STARTS))
_PLAIN_STARTS = frozenset(c for c in map(chr, range(0x250)) if _plain_start(c))
"""First characters that decide a cell at once: filled, not nil (``2026-03-01``, ``Closed``)."""


def text_answer(text: str) -> tuple[bool, bool]:
    """(``cell_filled``, ``cell_nil``) of a cell already read as text (``cell_text``).

    Registers read each cell once for both. Nearly every cell is decided by its first word
    (the open phrases and the nil answers start with a few known words), so cells are not
    cut into words unless they start like one of those; most are decided by their first
    character alone (``_PLAIN_STARTS``): a register has a million cells at 10,000 documents.
    """
    if text[:1] in _PLAIN_STARTS:
        return True, False
    first = first_token(text)
    if not first:
        return False, False
    nil = first in _NIL_STARTS and normalize(text) in _NIL_ANSWERS
    if _PLACEHOLDER_CELL.match(text) or first in _OPEN_WORDS:
        return False, nil
    return first not in _OPEN_STARTS or normalize(text) not in _OPEN_PHRASES, nil


def cell_nil(value: Cell) -> bool:
    """True for a recorded "nothing" (``None``, ``No``, ``Nil``, ``N/A``, ``Not applicable``).

    Such a cell is filled (an answer), but it is not a value to look up: a register
    column that refers to other records holds no reference when it says ``None``.
    """
    return text_nil(cell_text(value))


def text_nil(text: str) -> bool:
    """``cell_nil`` of a cell already read as text (``cell_text``)."""
    return text_answer(text)[1]


_QUARTER = re.compile(r"(?<![\w])(?:q([1-4])[\s/-]*(\d{4})|(\d{4})[\s/-]*q([1-4]))(?![\w])", re.IGNORECASE)


def cell_date(value: Cell) -> date | None:
    """The date in a cell (a spreadsheet date, or a date written as text).

    A date-time is cut to its day (so it compares with ``as_of``); a quarter (``Q3 2026``,
    ``2026-Q3``) is read as the quarter's first day, as registers plan by quarter.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return value.date()
    found = parse_date(value)
    if isinstance(found, datetime):
        return found.date()
    if found is None and isinstance(value, str):
        quarter = _QUARTER.search(value)
        if quarter:
            number = int(quarter.group(1) or quarter.group(4))
            year = int(quarter.group(2) or quarter.group(3))
            return date(year, 3 * number - 2, 1)
    return found


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` (negative: back), clamped to the month's last day."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def months_between(earlier: date, later: date) -> int:
    """Whole months from ``earlier`` to ``later`` (for "8 months overdue")."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return months


def age(earlier: date, later: date) -> tuple[int, int]:
    """(months, days) from ``earlier`` to ``later``, counted with ``add_months``.

    The months are the most ``m`` with ``add_months(earlier, m) <= later`` and the days
    the rest, so "24 months and 17 days" and a limit of ``add_months(earlier, 24)`` can
    never disagree (month ends included: 31 January + 1 month is 28 February).
    """
    months = max(months_between(earlier, later) - 1, 0)
    while add_months(earlier, months + 1) <= later:
        months += 1
    return months, (later - add_months(earlier, months)).days


def age_text(earlier: date, later: date) -> str:
    """``24 months and 17 days``, ``3 months``, ``17 days``, ``less than a day``: exact, for messages."""
    months, days = age(earlier, later)
    parts = [plural(months, "month")] if months else []
    if days or not months:
        parts.append(plural(days, "day") if days else "less than a day")
    return " and ".join(parts)


# --------------------------------------------------------------------------- wording


def listing(items: Sequence[str], limit: int = 0, conjunction: str = "and") -> str:
    """``a, b and c``; with ``limit``, ``a, b, c and 4 more``."""
    shown = list(items)
    if limit and len(shown) > limit:
        return ", ".join(shown[:limit]) + f" {conjunction} {len(shown) - limit} more"
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + f" {conjunction} {shown[-1]}"


def listing_first(shown: Sequence[str], total: int, limit: int) -> str:
    """``listing(items, limit)`` given only the first ``limit + 1`` (or more) of ``total`` items.

    A register with thousands of gaps names three: the rest need only be counted, not worded.
    """
    if total > limit:
        return ", ".join(shown[:limit]) + f" and {total - limit} more"
    return listing(shown[:total])


def plural(count: int, noun: str, nouns: str = "") -> str:
    """``1 row``, ``3 rows`` (``nouns`` for irregular plurals)."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"


def paths(documents: Iterable[Document]) -> str:
    """``a.md, b.pdf`` for messages."""
    return ", ".join(d.path for d in documents)


def unreadable_note(partial: Sequence[Document]) -> str:
    """``a.pdf could not be fully read (1 page has no text layer (scanned?))`` for messages."""
    return "; ".join(f"{d.path} could not be fully read ({d.unreadable_reason})" for d in partial)


# --------------------------------------------------------------------------- register rows


@dataclass(frozen=True)
class Row:
    """One non-empty data row of a register table, with where it is."""

    document: Document
    table: Table
    locator: str
    cells: tuple[Cell, ...]

    def cell(self, column: int | None) -> Cell:
        """The cell in ``column`` (None when the column is absent or the row is short)."""
        if column is None or column >= len(self.cells):
            return None
        return self.cells[column]

    @property
    def text(self) -> str:
        """The filled cells joined by `` | ``, as an excerpt."""
        return " | ".join(t for t in (cell_text(c) for c in self.cells) if t)

    def cite(self) -> EvidenceRef:
        """Evidence reference to this row."""
        return cite(self.document, self.locator, self.text)

    def label(self, id_column: int | None = None, *, with_path: bool = False) -> str:
        """``sheet Log row 4 (NC-03)``: the locator, and the row's id when known."""
        where = f"{self.document.path} {self.locator}" if with_path else self.locator
        ident = cell_text(self.cell(id_column))
        return f"{where} ({ident})" if ident else where


_FORWARD = frozenset({"due", "next", "target", "deadline", "expiry", "expires", "until", "valid"})
"""Words of a header that looks ahead (``Due date``): not when something happened."""


def find_date_column(table: Table, aliases: Sequence[str] | None) -> int | None:
    """The date column: ``find_column``, skipping forward-looking headers the aliases do not name."""
    wanted = tuple(aliases or DATE_ALIASES)
    allowed = {w for a in wanted for w in tokens(a)}
    header = tuple("" if (set(tokens(h)) & _FORWARD) - allowed else h for h in table.header)
    return find_column(table.model_copy(update={"header": header}), wanted)


def header_name(table: Table, column: int | None) -> str:
    """The header text of ``column`` as written in the table."""
    if column is None or column >= len(table.header):
        return ""
    return table.header[column].strip()


# --------------------------------------------------------------------------- cell values

_LIST_SEPARATORS = re.compile(r"\s*(?:[,;\n/&+]|\band\b)\s*", re.IGNORECASE)
_RANGE = re.compile(r"(?<![\d.])(\d{1,4})\s*(?:-|–|—|\bto\b|\.\.)\s*(\d{1,4})(?![\d.])", re.IGNORECASE)
_MAX_RANGE = 100


def expand_ranges(text: str) -> str:
    """``Clauses 8-10`` -> ``Clauses 8 9 10`` (``8 to 10`` too); long or reversed ranges stay."""

    def expand(match: re.Match[str]) -> str:
        low, high = int(match.group(1)), int(match.group(2))
        if low >= high or high - low > _MAX_RANGE:
            return match.group(0)
        return " ".join(str(n) for n in range(low, high + 1))

    return _RANGE.sub(expand, text)


def value_key(text: str) -> str:
    """A value as compared: lower case, single spaces, trimmed of punctuation at both ends."""
    return " ".join(text.lower().split()).strip(" .,:;()[]'\"§#")


def cell_values(value: Cell) -> set[str]:
    """Every value a cell may list: the whole, each listed part, each word (ranges expanded).

    ``"4, 5.1, 6"`` gives ``4``, ``5.1``, ``6``; ``"Clauses 8-10"`` gives ``8``, ``9``, ``10``;
    ``"4.1 4.2 5"`` gives each number: a cell may list clauses in any of these ways.
    """
    text = cell_text(value)
    if not text:
        return set()
    found = {value_key(text)}
    expanded = expand_ranges(text)
    for part in _LIST_SEPARATORS.split(expanded):
        key = value_key(part)
        if key:
            found.add(key)
            found.update(value_key(word) for word in key.split())
    found.discard("")
    return found


_ID_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[-_./#][A-Za-z0-9]+)*")
_DIGIT = re.compile(r"[0-9]")
_DATE_LIKE = re.compile(r"^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})$")
_REFERENCE_SEPARATORS = re.compile(r"\s*(?:[,;\n&+]|\s/\s|\band\b)\s*", re.IGNORECASE)


def id_key(text: str) -> str:
    """An identifier as compared: its words, lower case, numbers without leading zeros.

    ``NC-03``, ``nc 3`` and ``NC_003`` are the same id.
    """
    return " ".join(str(int(w)) if w.isdigit() else w for w in tokens(text))


def id_tokens(text: str) -> list[str]:
    """The id-like tokens of ``text`` (``IA-2026-09``, ``L2301``): words holding a digit, dates left out."""
    return [
        token for token in _ID_TOKEN.findall(text) if _DIGIT.search(token) and not _DATE_LIKE.match(token)
    ]


def reference_parts(value: Cell) -> list[str]:
    """The references a cell lists (``IA-01; IA-02`` -> two), each as written."""
    text = cell_text(value)
    if not text:
        return []
    return [part.strip() for part in _REFERENCE_SEPARATORS.split(text) if part.strip()]


def lower_first(title: str) -> str:
    """``Quality policy`` -> ``quality policy``; ``QMS scope`` stays (an acronym)."""
    if len(title) > 1 and title[0].isupper() and not title[1].isupper():
        return title[0].lower() + title[1:]
    return title


def described(ctx: EvalContext, document: Document, kinds: Sequence[str]) -> str:
    """``the quality policy (policies/qp.md)``: the document's kind title and path, for messages."""
    kind = next((k for k in kinds if ctx.index.classification(document.path, k)), kinds[0])
    return f"the {lower_first(ctx.kind_title(kind))} ({document.path})"


def sentence(text: str) -> str:
    """``text`` with a capital first letter (unless it starts with a path) and a final full stop."""
    text = text.strip()
    if not text:
        return text
    first = text.split(" ", 1)[0]
    if "/" not in first and "." not in first.rstrip(".,;:"):
        text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


# --------------------------------------------------------------------------- phrase groups


@dataclass(frozen=True)
class PhraseWording:
    """How a phrase-group check words its messages (topics for covers, sections for sections)."""

    noun: str
    """``topic`` / ``section``."""
    found: str
    """``addresses`` / ``has headings for``."""
    missing: str
    """``does not address`` / ``has no heading for``."""


def judge_phrase_groups(
    check: str,
    ctx: EvalContext,
    kinds: Sequence[str],
    groups: Mapping[str, Sequence[str]],
    needed: int,
    *,
    headings: bool,
    wording: PhraseWording,
) -> CheckResult:
    """Judge named phrase groups against the documents of ``kinds`` (``covers``, ``sections``).

    The document finding most groups is judged (ties: a fully read one, then the one most
    firmly of the kind, then path order: ``Gathered.ranked``).
    A hit in text that was read is evidence even when other pages were not; but what was
    not found may be on a page that was not read, so a shortfall with unreadable text
    is ``needs_review``.
    """
    g = gather(check, ctx, kinds)
    if g.missing:
        return g.missing
    _, partial = unreadable(g.documents)
    # Which groups each document holds ranks them; only the one judged is asked where.
    matcher = ctx.matcher
    scored = [
        (
            document,
            [name for name, words in groups.items() if matcher.present(document, words, headings=headings)],
        )
        for document in g.ranked
    ]
    best, names = max(scored, key=lambda s: (len(s[1]), s[0].text_complete))
    hits = {name: hit for name in names if (hit := matcher.find(best, groups[name], headings=headings))}
    looked = tuple(d.path for d in g.documents)
    evidence = tuple(cite(best, hit.locator, hit.text) for hit in hits.values())
    total = len(groups)
    noun = plural(total, wording.noun)
    what = described(ctx, best, kinds)
    missing = [name for name in groups if name not in hits]
    counted = f"{len(hits)} of {noun}" + (f", {needed} needed" if needed < total else "")
    if len(hits) >= needed:
        if total == 1:
            message = f"{what} {wording.found} {listing(list(hits))}"
        else:
            message = (
                f"{what} {wording.found} {f'all {noun}' if not missing else counted}: {listing(list(hits))}"
            )
        return CheckResult(
            type=check,
            outcome=Outcome.MET,
            message=sentence(message),
            evidence=evidence,
            looked_at=looked,
        )
    if partial:
        if not hits and len(partial) == len(g.documents):
            return review_unreadable(check, partial, f"whether it {wording.found} {listing(missing)}")
        message = (
            f"{what} {wording.missing}: {listing(missing)} ({counted}), but {unreadable_note(partial)}; "
            "an auditor must read it"
        )
        return CheckResult(
            type=check,
            outcome=Outcome.NEEDS_REVIEW,
            message=sentence(message),
            evidence=evidence + tuple(cite(d) for d in partial),
            looked_at=looked,
        )
    if hits:
        message = f"{what} {wording.missing}: {listing(missing)} ({counted})"
        outcome = Outcome.PARTLY_MET
    else:
        if total == 1:
            message = f"{what} {wording.missing} {missing[0]}"
            if len(g.documents) > 1:
                message += f" (nor do the other documents: {paths(d for d in g.documents if d is not best)})"
        elif len(g.documents) == 1:
            message = f"{what} {wording.missing} any of the {noun}: {listing(missing)}"
        else:
            message = (
                f"none of the {len(g.documents)} documents ({paths(g.documents)}) {wording.found} "
                f"any of the {noun}: {listing(missing)}"
            )
        outcome = Outcome.NOT_MET
    return CheckResult(
        type=check,
        outcome=outcome,
        message=sentence(message),
        evidence=evidence,
        looked_at=looked,
    )


def table_place(document: Document, table: Table) -> str:
    """``nc-log.xlsx`` or ``nc-log.xlsx (Log)`` when the document holds several tables."""
    return f"{document.path} ({table.name})" if len(document.tables) > 1 else document.path


def register_place(tables: Sequence[tuple[Document, Table]]) -> str:
    """``nc-log.xlsx`` or ``nc-log.xlsx (2025, 2026)``: where the register's rows were read."""
    names: dict[str, list[str]] = {}
    for document, table in tables:
        shown = names.setdefault(document.path, [])
        if len(document.tables) > 1 and table.name not in shown:
            shown.append(table.name)
    return listing([f"{path} ({', '.join(n)})" if n else path for path, n in names.items()])


def register_subject(tables: Sequence[tuple[Document, Table]], verb: str = "has") -> str:
    """``the register nc-log.xlsx has`` / ``the registers a.xlsx and b.ods have`` (verb: has/is)."""
    several = len({d.path for d, _ in tables}) > 1
    plural_verb = {"has": "have", "is": "are"}.get(verb, verb)
    if several:
        return f"the registers {register_place(tables)} {plural_verb}"
    return f"the register {register_place(tables)} {verb}"


def cite_header(document: Document, table: Table) -> EvidenceRef:
    """Evidence reference to a table's header row (what columns it has)."""
    return cite(document, table.header_locator or table.locator, " | ".join(h for h in table.header if h))


def no_table(check: str, documents: Sequence[Document], what: str) -> CheckResult:
    """``needs_review``: the documents hold no table with a header the machine could read."""
    _, partial = unreadable(documents)
    note = f" ({unreadable_note(partial)})" if partial else ""
    return CheckResult(
        type=check,
        outcome=Outcome.NEEDS_REVIEW,
        message=sentence(
            f"no table with a header row was found in {paths(documents)}{note}; an auditor must {what}"
        ),
        evidence=tuple(cite(d) for d in documents),
        looked_at=tuple(d.path for d in documents),
    )
