"""Check type ``fresh``: the newest approval or record date is recent enough.

Dates, per document: the approval date; for a register (a tabular kind) also the latest
row date in any column that looks back (``Date``, ``Reviewed on``, ``Period``), never
one that looks ahead (``Due date``, ``Next review``); a document without an approval
date (minutes, reports) may be dated by a ``Date:`` / ``Held on`` line near the top,
its title, its first heading or its file name. The newest date on or before the audit
date is judged (same day: the document most firmly of the kind). It is current through
the same day ``max_age_months`` later (2024-10-15 with 24 months: until 2026-10-15,
inclusive), and the message gives its age exactly ("24 months and 17 days") with that
date, so the wording and the verdict cannot disagree at the limit. Dates after the
audit date are not yet evidence, and if they are all there is, the result is
``needs_review``. A passed ``review_due`` of the newest document is
``not_met`` (when ``honor_review_due``), unless it predates that document's own date
(then the review evidently happened). No date at all: ``needs_review``. A stale verdict
becomes ``needs_review`` when an undated, unreadable document of the kind (a signed
scan) might be the newer version.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Set
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from imsaudit.checks._derived import Cells, Derived, TableData
from imsaudit.checks._evidence import (
    add_months,
    age_text,
    cite,
    described,
    gather,
    paths,
    plural,
    sentence,
    unreadable,
    unreadable_note,
)
from imsaudit.checks._matcher import tokens
from imsaudit.checks.base import (
    CheckParams,
    CheckType,
    EvalContext,
    KindCheckParams,
    months_text,
    register,
)
from imsaudit.core.results import CheckResult
from imsaudit.core.types import Outcome
from imsaudit.evidence.metadata import find_date
from imsaudit.evidence.model import Document, Table, UnitRole

if TYPE_CHECKING:
    from imsaudit.packs.model import EvidenceKind


class FreshParams(KindCheckParams):
    type: Literal["fresh"]
    max_age_months: int = Field(
        12, ge=1, le=120, description="Newest approval or record date must be this recent."
    )
    honor_review_due: bool = Field(
        True, description="A document whose declared next review date has passed is stale."
    )

    def describe(self, titles: Mapping[str, str] | None = None) -> str:
        text = f"{self.what(titles)}, approved or dated within the last {months_text(self.max_age_months)}"
        return text + (", and not past its own review date" if self.honor_review_due else "")


@register
class Fresh(CheckType):
    """The newest document or record of the kind is dated within ``max_age_months`` of the audit date.

    A policy approved four years ago and never reviewed, or a management review whose
    last record is from two years back, is stale: the requirement is not being kept up.
    A document with no date at all cannot be judged and is ``needs_review``.
    """

    name = "fresh"
    Params = FreshParams

    @classmethod
    def needs_text(
        cls, params: CheckParams, document: Document, held: Set[str], kinds: Mapping[str, EvidenceKind]
    ) -> bool:
        assert isinstance(params, FreshParams)
        tabular = _tabular(params, kinds)
        if _reading_name(tabular) in held:
            return False  # the previous audit's reading of its dates, for the same audit date
        # Of a document that is not a register, an approval date is all it reads.
        return tabular or document.metadata.approved_on is None

    @classmethod
    def evaluate(cls, params: CheckParams, ctx: EvalContext) -> CheckResult:
        assert isinstance(params, FreshParams)
        g = gather(cls.name, ctx, params.kind)
        if g.missing:
            return g.missing
        tabular = _tabular(params, ctx.kinds)
        dates = [_dates_of(ctx, document, tabular=tabular) for document in g.documents]
        dated = {d.document.path for d in dates if d.any()}
        _, partial = unreadable(g.documents)
        undated_partial = [d for d in partial if d.path not in dated]
        looked = tuple(d.path for d in g.documents)
        past = [newest for d in dates if (newest := d.newest(ctx.as_of)) is not None]
        if not past:
            found = [each for d in dates for each in d.every()]
            return _no_date(cls.name, ctx, params.kind, g.documents, found, partial)
        # Same day: the document most firmly of the kind speaks (Gathered.ranked), then path.
        rank = {d.path: -i for i, d in enumerate(g.ranked)}
        newest = max(past, key=lambda d: (d.day, rank[d.document.path]))
        what = described(ctx, newest.document, params.kind)
        evidence = [cite(newest.document, newest.locator, newest.text)]
        # One date decides and the message names it: current through ``expires`` inclusive.
        expires = add_months(newest.day, params.max_age_months)
        limit = f"{plural(params.max_age_months, 'month')} (until {expires})"
        if newest.day == ctx.as_of:
            when = "the audit date"
        else:
            when = f"{age_text(newest.day, ctx.as_of)} before {ctx.as_of}"
        said = f"{what} {newest.verb} {newest.day} ({newest.locator}), {when}"
        metadata = newest.document.metadata
        due = metadata.review_due
        if ctx.as_of > expires:
            outcome = Outcome.NOT_MET
            message = f"{said}; the limit is {limit}"
        elif params.honor_review_due and due is not None and newest.day <= due < ctx.as_of:
            late = age_text(due, ctx.as_of)
            outcome = Outcome.NOT_MET
            message = f"the review of {what} was due {due} ({late} overdue); it {newest.verb} {newest.day}"
            evidence.append(
                cite(newest.document, metadata.sources.get("review_due", "document"), f"review due: {due}")
            )
        else:
            outcome = Outcome.MET
            message = f"{said}, within the limit of {limit}"
            if due is not None and due >= ctx.as_of:
                message += f"; next review due {due}"
        if outcome is Outcome.NOT_MET and undated_partial:
            # A newer copy may be the one the machine could not read (a signed scan).
            outcome = Outcome.NEEDS_REVIEW
            message += f"; but {unreadable_note(undated_partial)} and may be newer, so an auditor must check"
            evidence += [cite(d) for d in undated_partial]
        return CheckResult(
            type=cls.name,
            outcome=outcome,
            message=sentence(message),
            evidence=tuple(evidence),
            looked_at=looked,
        )


def _no_date(
    check: str,
    ctx: EvalContext,
    kinds: tuple[str, ...],
    documents: tuple[Document, ...],
    found: list[DocumentDate],
    partial: list[Document],
) -> CheckResult:
    """``needs_review``: no date on or before the audit date, so age cannot be judged."""
    if found:
        earliest = min(found, key=lambda d: d.day)
        what = described(ctx, earliest.document, kinds)
        message = (
            f"{what} {earliest.verb} {earliest.day} ({earliest.locator}), after the audit date "
            f"{ctx.as_of}, and no earlier date was found; an auditor must check which version is in force"
        )
        evidence = tuple(cite(d.document, d.locator, d.text) for d in found)
    else:
        message = (
            f"no approval or review date found in {paths(documents)}; "
            "an auditor must check when it was last approved or reviewed"
        )
        if partial:
            message += f" ({unreadable_note(partial)})"
        evidence = tuple(cite(d) for d in documents)
    return CheckResult(
        type=check,
        outcome=Outcome.NEEDS_REVIEW,
        message=sentence(message),
        evidence=evidence,
        looked_at=tuple(d.path for d in documents),
    )


# --------------------------------------------------------------------------- dates of a document


@dataclass(frozen=True)
class DocumentDate:
    """A date a document carries that says when it was approved, held or last recorded."""

    day: date
    document: Document
    locator: str
    verb: str
    """How messages say it: ``was last approved on``, ``is dated``, ``has its latest record on``."""
    text: str


_DATE_WORDS = frozenset(
    {"date", "dated", "on", "updated", "reviewed", "period", "month", "raised", "opened", "completed", "held"}
)
_FORWARD_WORDS = frozenset({"due", "next", "target", "deadline", "expiry", "expires", "until", "valid"})
_DATE_LABEL = re.compile(
    r"\b(?P<label>date\s+of\s+[a-z ]{1,30}?(?=\s*[:|\t\-–])|dated|date|held(?:\s+on)?|issued(?:\s+on)?"
    r"|(?:meeting|report|audit|survey)\s+date)\b\s*[:|\t\-–]?\s*",
    re.IGNORECASE,
)
"""A label before a date: ``Date:``, ``Date of meeting:``, ``Held on``, ``Report date``."""
_TOP_UNITS = 40


def _tabular(params: FreshParams, kinds: Mapping[str, EvidenceKind]) -> bool:
    """Whether any of the check's kinds is a register (its rows' dates count)."""
    return any(k in kinds and kinds[k].tabular for k in params.kind)


def _dates_of(ctx: EvalContext, document: Document, *, tabular: bool) -> DocumentDates:
    """``document_dates``, found once per evaluation: every fresh check of the kind reads them."""
    key = _memo_key(tabular)
    return ctx.derived.memo(document, key, lambda: document_dates(document, tabular=tabular, ctx=ctx))


def _memo_key(tabular: bool) -> tuple[str, bool]:
    return ("fresh dates", tabular)


def _reading_name(tabular: bool) -> str:
    """How ``needs_text``'s ``held`` names a stored reading of a document's dates."""
    return "dates with rows" if tabular else "dates"


class StoredDates(BaseModel):
    """What ``fresh`` read of one document's dates, as a re-audit's state keeps it.

    A register's dates are its rows': without this, a re-audit that judges a fresh
    check again would put back every register of the kind from the extraction cache
    to find one date each. It holds what a fresh check reads of a document for one
    audit date (``AuditState.as_of``): whether it carries a date at all, and the newest
    on or before that day. A document whose dates all come after the audit date is
    not kept this way: a check may then list every one of them (``DocumentDates.every``).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    newest: tuple[date, str, str, str] | None = None
    """(day, locator, verb, text) of the newest date on or before the audit date; None: no date."""

    @classmethod
    def of(cls, dates: DocumentDates, as_of: date) -> StoredDates | None:
        newest = dates.newest(as_of)
        if newest is None:
            return None if dates.any() else cls()
        return cls(newest=(newest.day, newest.locator, newest.verb, newest.text))

    def dates(self, document: Document) -> DocumentDates:
        """``DocumentDates`` of ``document`` that answer as the full ones did on the audit date."""
        if self.newest is None:
            return DocumentDates(document, (), ())
        day, locator, verb, text = self.newest
        return DocumentDates(document, (DocumentDate(day, document, locator, verb, text),), ())


def stored_dates(derived: Derived, document: Document, as_of: date) -> dict[str, StoredDates]:
    """Reading name -> the dates of ``document`` that fresh checks read in this evaluation, to store."""
    found: dict[str, StoredDates] = {}
    for tabular in (False, True):
        dates = derived.computed(document, _memo_key(tabular))
        if dates is not None and (stored := StoredDates.of(dates, as_of)) is not None:
            found[_reading_name(tabular)] = stored
    return found


def preload_dates(derived: Derived, document: Document, stored: Mapping[str, StoredDates]) -> None:
    """Give ``derived`` the stored dates of ``document`` (``stored_dates`` of the previous audit)."""
    for tabular in (False, True):
        if (found := stored.get(_reading_name(tabular))) is not None:
            derived.preload(document, _memo_key(tabular), found.dates(document))


@dataclass(frozen=True)
class DocumentDates:
    """The dates of one document, in the order they are considered (``document_dates``).

    ``written`` (an approval date, or a dated line) come first, then the dates in the
    ``columns`` of its registers, table by table, column by column, row by row. Row dates
    stay in the shared register cells: the newest on or before a day is two bisections,
    and a ``DocumentDate`` is made only for the row that is named.
    """

    document: Document
    written: tuple[DocumentDate, ...]
    columns: tuple[tuple[TableData, Cells], ...]

    def any(self) -> bool:
        """Whether the document carries any date at all."""
        return bool(self.written) or any(cells.chronology[0] for _, cells in self.columns)

    def newest(self, day: date) -> DocumentDate | None:
        """The newest date on or before ``day``; of equal dates, the first considered."""
        best = max((d for d in self.written if d.day <= day), key=lambda d: d.day, default=None)
        row: tuple[date, TableData, int] | None = None
        for data, cells in self.columns:
            days, positions = cells.chronology
            last = bisect_right(days, day) - 1
            if last >= 0 and (row is None or days[last] > row[0]):
                first = bisect_left(days, days[last])  # the earliest row of that day
                row = (days[last], data, positions[first])
        if row is not None and (best is None or row[0] > best.day):
            return _row_date(self.document, row[1], row[2], row[0])
        return best

    def every(self) -> list[DocumentDate]:
        """Every date, in the order considered."""
        found = list(self.written)
        for data, cells in self.columns:
            found += [
                _row_date(self.document, data, position, day)
                for position, day in enumerate(cells.dates)
                if day is not None
            ]
        return found


def _row_date(document: Document, data: TableData, position: int, day: date) -> DocumentDate:
    row = data.row(position)
    return DocumentDate(day, document, row.locator, "has its latest record dated", row.text)


def document_dates(document: Document, *, tabular: bool, ctx: EvalContext) -> DocumentDates:
    """Dates that show when ``document`` was last approved, held or written to.

    The approval date (document control) first. A register also counts its rows: the
    latest date in a date column that looks back (``Date``, ``Reviewed on``), never in one
    that looks ahead (``Due date``, ``Next review``). A document without an approval date
    (minutes, reports) may carry its date in a ``Date:`` line near the top, its title or
    its file name. Rows are read through ``ctx.derived``, which other checks share.
    """
    written: list[DocumentDate] = []
    metadata = document.metadata
    if metadata.approved_on is not None:
        source = metadata.sources.get("approved_on", "document")
        day = metadata.approved_on
        written.append(DocumentDate(day, document, source, "was last approved on", f"approved on {day}"))
    columns = _row_dates(document, ctx) if tabular else ()
    found = DocumentDates(document, tuple(written), columns)
    if not found.any():
        written = _labelled_dates(document)
        columns = () if written else _row_dates(document, ctx)
        found = DocumentDates(document, tuple(written), columns)
    return found


def _row_dates(document: Document, ctx: EvalContext) -> tuple[tuple[TableData, Cells], ...]:
    """The date columns of the document's tables (``_date_columns``), read through ``ctx.derived``."""
    found = []
    for table in document.tables:
        columns = _date_columns(table)
        if columns:
            data = ctx.derived.table(document, table)
            found += [(data, data.column(column)) for column in columns]
    return tuple(found)


def _date_columns(table: Table) -> list[int]:
    columns = []
    for index, header in enumerate(table.header):
        words = set(tokens(header))
        if words & _DATE_WORDS and not words & _FORWARD_WORDS:
            columns.append(index)
    return columns


def _labelled_dates(document: Document) -> list[DocumentDate]:
    found = []
    for unit in document.units[:_TOP_UNITS]:
        for match in _DATE_LABEL.finditer(unit.text):
            before = tokens(unit.text[: match.start()])[-3:]
            if set(before) & _FORWARD_WORDS or set(tokens(match["label"])) & _FORWARD_WORDS:
                continue
            if before[-1:] == ("review",) and before[-2:-1] != ("management",):
                continue  # "Review date" is when the next review is due, not when this one was held
            rest = unit.text[match.end() :]
            day = find_date(rest[:40])
            if day is not None and day.start <= 2:
                found.append(DocumentDate(day.value, document, unit.locator, "is dated", unit.text))
                break
    if found:
        return found[:1]
    heading = next((u for u in document.units if u.role is UnitRole.HEADING), None)
    places = [(document.metadata.title or "", "title"), (document.name, "file name")]
    if heading is not None:
        places.insert(1, (heading.text, heading.locator))
    for text, locator in places:
        day = find_date(text) if text else None
        if day is not None:
            return [DocumentDate(day.value, document, locator, "is dated", text)]
    return []
