"""Check type ``records``: a register holds enough rows in the period, required columns filled.

Tables with a header row are read; the tables that have every required column are the
register (all of them: two yearly sheets are one register). If no table has them, the
best-matching one is reported as lacking the column (``not_met``). Rows with every cell
empty are skipped. With a window, the date column is found with ``find_date_column``
(``Due date`` is skipped unless named), the window is ``[as_of - N months, as_of]``, and
rows without a readable date or dated after the audit date are not counted (the
message says how many). No date column at all: the period cannot be checked, so a
result that would be met is ``needs_review``, one that fails even counting every row
stands. A counted row must fill each required column (blank, ``-``, ``?``, ``TBD`` and
``<placeholders>`` are not values; ``None``, ``No``, ``N/A`` are answers, and a met
message names the rows that give them, for an auditor to judge); rows are named by
``id_column`` when given, else by locator, up to three. A required column listed in
``when_due`` need only be filled once the row is due: a row whose due date is after the
audit date is not late for it (it is set aside, named in the message, and counts
neither for nor against; if nothing else is left to judge, ``needs_review``).
No table at all (a scan, a PDF whose table was not extracted) is ``needs_review``; a
shortfall in rows while a document of the kind could not be read is ``needs_review``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Container, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Literal

from pydantic import Field, model_validator

from imsaudit.checks._derived import Cells, TableData
from imsaudit.checks._evidence import (
    Row,
    add_months,
    cite_header,
    gather,
    listing,
    listing_first,
    lower_first,
    no_table,
    plural,
    register_place,
    register_subject,
    sentence,
    table_place,
    unreadable,
    unreadable_note,
)
from imsaudit.checks.base import (
    DATE_ALIASES,
    CheckParams,
    CheckType,
    Column,
    EvalContext,
    KindCheckParams,
    listed,
    months_text,
    register,
)
from imsaudit.core.results import CheckResult, EvidenceRef
from imsaudit.core.types import Outcome
from imsaudit.evidence.model import Document, Table


class RecordsParams(KindCheckParams):
    type: Literal["records"]
    min_rows: int = Field(1, ge=1, description="Rows (records) needed within the period.")
    within_months: int | None = Field(
        12, ge=1, le=120, description="Only rows dated within this many months count; null: any date."
    )
    date_column: Column | None = Field(
        None, description="Header(s) of the date column; needed when within_months is set."
    )
    required_columns: dict[str, Column] = Field(
        default_factory=dict,
        description="Column name -> header aliases; every counted row must fill each of them.",
    )
    id_column: Column | None = Field(
        None, description="Header(s) of the row id, used to name rows in messages (NC-03)."
    )
    when_due: dict[str, Column] = Field(
        default_factory=dict,
        description=(
            "Required column -> header(s) of the row's due date: that column need only be filled "
            "once the row is due (an effectiveness check), so a row due after the audit date is "
            "not yet late for it."
        ),
    )

    @model_validator(mode="after")
    def _when_due_names_required(self) -> RecordsParams:
        unknown = [name for name in self.when_due if name not in self.required_columns]
        if unknown:
            raise ValueError(
                f"when_due names {', '.join(map(repr, unknown))}, which "
                f"{'is' if len(unknown) == 1 else 'are'} not in required_columns"
            )
        return self

    def describe(self, titles: Mapping[str, str] | None = None) -> str:
        rows = "at least one row" if self.min_rows == 1 else f"at least {self.min_rows} rows"
        text = f"{self.what(titles)}: {rows}"
        if self.within_months is not None:
            text += f" dated within the last {months_text(self.within_months)}"
        if self.required_columns:
            each = "with" if self.min_rows == 1 else "each with"
            text += f", {each} {listed(self.required_columns)} filled in"
        if self.when_due:
            text += f" ({listed(self.when_due)} once the row is due)"
        return text


@register
class Records(CheckType):
    """A register holds at least ``min_rows`` rows in the period, each filling the required columns.

    Retained documented information is evidence that something was done: an empty
    corrective-action log, or rows without a root cause, are the classic gaps
    ("Row 4 (NC-03) has no root cause").
    """

    name = "records"
    Params = RecordsParams
    tables_suffice = True

    @classmethod
    def evaluate(cls, params: CheckParams, ctx: EvalContext) -> CheckResult:
        assert isinstance(params, RecordsParams)
        g = gather(cls.name, ctx, params.kind)
        if g.missing:
            return g.missing
        looked = tuple(d.path for d in g.documents)
        tables = ctx.derived.header_tables(g.documents)
        if not tables:
            return no_table(cls.name, g.documents, "count the records")
        located = [_locate(ctx.derived.table(d, t), params) for d, t in tables]
        usable = [t for t in located if not t.missing]
        if not usable:
            rank = {d.path: -i for i, d in enumerate(g.ranked)}
            best = max(
                located,
                key=lambda t: (
                    len(t.required) - len(t.missing) + (t.date is not None),
                    rank[t.document.path],
                ),
            )
            names = listing([repr(n) for n in best.missing], conjunction="or")
            aliases = "; ".join(
                f"{name}: {', '.join(params.required_columns[name])}" for name in best.missing
            )
            several = len(best.missing) > 1
            them = "them" if several else "it"
            message = (
                f"the register {table_place(best.document, best.table)} has no {names} "
                f"column{'s' if several else ''} (headers looked for: {aliases}); "
                f"add {them} and fill {them} for every record"
            )
            return _result(
                cls.name, Outcome.NOT_MET, message, (cite_header(best.document, best.table),), looked
            )
        judge = _Judge(params, ctx.as_of, usable, unreadable(g.documents)[1])
        return judge.result(cls.name, looked)


@dataclass
class _Located:
    """A table with the columns a records check reads (None: not in the header)."""

    data: TableData
    required: dict[str, int | None]
    date: int | None
    id: int | None
    missing: list[str] = field(default_factory=list)
    due: dict[str, int | None] = field(default_factory=dict)
    """Required column -> its due-date column (``when_due``); None: not in the header."""

    @property
    def document(self) -> Document:
        return self.data.document

    @property
    def table(self) -> Table:
        return self.data.table

    @cached_property
    def columns(self) -> list[tuple[str, Cells, Cells]]:
        """(required column, its cells, its due-date cells): what each row is judged on."""
        return [
            (name, self.data.column(index), self.data.column(self.due.get(name)))
            for name, index in self.required.items()
        ]

    @cached_property
    def open(self) -> list[int]:
        """Positions of the rows that leave a required column open, in row order."""
        return sorted(set().union(*(cells.open for _, cells, _ in self.columns)))

    @cached_property
    def open_set(self) -> frozenset[int]:
        return frozenset(self.open)

    @cached_property
    def nils(self) -> list[int]:
        """Positions of the rows that answer "None" (or the like) in a required column, in row order."""
        return sorted(set().union(*(cells.nils for _, cells, _ in self.columns)))


def _locate(data: TableData, params: RecordsParams) -> _Located:
    required = {name: data.find(aliases) for name, aliases in params.required_columns.items()}
    date_column = data.find_date(params.date_column) if params.within_months else None
    id_column = data.find(params.id_column) if params.id_column else None
    missing = [name for name, index in required.items() if index is None]
    # A due date is a forward-looking header, which find_date_column would skip: look it up as named.
    due = {name: data.find(aliases) for name, aliases in params.when_due.items()}
    return _Located(data, required, date_column, id_column, missing, due)


def _result(
    check: str, outcome: Outcome, message: str, evidence: tuple[EvidenceRef, ...], looked: tuple[str, ...]
) -> CheckResult:
    return CheckResult(
        type=check, outcome=outcome, message=sentence(message), evidence=evidence, looked_at=looked
    )


_NAMED = 3
"""Rows named in a message; the rest are counted."""
_CITED = 20
"""Rows cited as evidence."""


_At = tuple[_Located, int, Row]
"""A data row of a usable table: the table, the row's position in its ``TableData``, the row."""


class _Counted:
    """The rows of one usable table that a verdict counts, as positions in its ``TableData``."""

    def __init__(self, table: _Located, positions: range | list[int]) -> None:
        self.table = table
        self.positions = positions
        """In row order: every row (a range), or the rows dated within the period."""
        self.members: Container[int] = positions if isinstance(positions, range) else frozenset(positions)


class _Judge:
    """Counts the rows of the usable tables and words the verdict.

    Rows are read through their tables' shared cells (``TableData``), read once per
    evaluation: the rows of the period are found by bisecting the date column's
    chronology, and only the rows that leave a required column open or answer "None"
    are looked at one by one; every other counted row is judged by counting. A check
    costs its register's gaps, not its register's size.
    """

    def __init__(
        self, params: RecordsParams, as_of: date, tables: list[_Located], partial: list[Document]
    ) -> None:
        self.params = params
        self.as_of = as_of
        self.tables = tables
        self.partial = partial
        self.with_path = len({t.document.path for t in tables}) > 1
        located = [(t.document, t.table) for t in tables]
        self.place = register_place(located)
        self.subject = register_subject(located)

    def every_row(self) -> list[_Counted]:
        return [_Counted(t, range(len(t.data))) for t in self.tables]

    def label(self, table: _Located, position: int, row: Row) -> str:
        """``sheet Log row 4 (NC-03)`` (``Row.label``), the id read from the shared column."""
        where = f"{row.document.path} {row.locator}" if self.with_path else row.locator
        ident = table.data.column(table.id).texts[position]
        return f"{where} ({ident})" if ident else where

    def unfilled(self, table: _Located, position: int) -> tuple[list[str], date | None]:
        """(required columns the row leaves open and is late for, its due date if that spared others).

        A ``when_due`` column left open in a row due after the audit date is not late yet.
        """
        late: list[str] = []
        spared: date | None = None
        for name, cells, due_cells in table.columns:
            if cells.filled[position]:
                continue
            due = due_cells.dates[position]
            if due is not None and due > self.as_of:
                spared = due
            else:
                late.append(name)
        return late, spared

    def nil_answers(self, table: _Located, position: int) -> list[str]:
        """``'None' for resources``: the required cells of the row that record a "nothing"."""
        return [
            f"{cells.texts[position]!r} for {name}" for name, cells, _ in table.columns if cells.nil[position]
        ]

    def result(self, check: str, looked: tuple[str, ...]) -> CheckResult:
        params = self.params
        window = params.within_months
        if not any(len(t.data) for t in self.tables):
            outcome = Outcome.NEEDS_REVIEW if self.partial else Outcome.NOT_MET
            message = f"{self.subject} no records" + self.unread()
            evidence = tuple(cite_header(t.document, t.table) for t in self.tables)
            return _result(check, outcome, message, evidence, looked)
        if window is None:
            return self.verdict(check, looked, self.every_row(), "", note="")
        if all(t.date is None for t in self.tables):
            return self.undatable(check, looked)
        start = add_months(self.as_of, -window)
        counted: list[_Counted] = []
        undated = later = 0
        latest: tuple[date, Row] | None = None  # the latest row before the period (the first of its day)
        for table in self.tables:
            cells = table.data.column(table.date)
            days, positions = cells.chronology
            low, high = bisect_left(days, start), bisect_right(days, self.as_of)
            undated += cells.undated
            later += len(days) - high
            if low and (latest is None or days[low - 1] > latest[0]):
                first = bisect_left(days, days[low - 1])
                latest = (days[low - 1], table.data.row(positions[first]))
            counted.append(_Counted(table, sorted(positions[low:high])))
        notes = []
        if undated:
            notes.append(f"{plural(undated, 'row')} without a readable date {_was(undated)} not counted")
        if later:
            notes.append(f"{plural(later, 'row')} dated after {self.as_of} {_was(later)} not counted")
        note = "".join(f"; {n}" for n in notes)
        period = f"dated within {plural(window, 'month')} of {self.as_of}"
        if not any(c.positions for c in counted):
            message = f"no records {period} in {self.place}"
            latest_row: tuple[EvidenceRef, ...] = ()
            if latest is not None:
                latest_day, row = latest
                message += f"; the latest is {latest_day} ({row.locator})"
                latest_row = (row.cite(),)
            outcome = Outcome.NEEDS_REVIEW if self.partial else Outcome.NOT_MET
            return _result(check, outcome, message + note + self.unread(), latest_row, looked)
        return self.verdict(check, looked, counted, f" {period}", note=note)

    def unread(self) -> str:
        return f"; {unreadable_note(self.partial)}, so an auditor must check it" if self.partial else ""

    def judged(self, counted: list[_Counted], limit: int) -> list[_At]:
        """The first ``limit`` counted rows that fill every required column, in row order."""
        found: list[_At] = []
        for part in counted:
            table = part.table
            for position in part.positions:
                if len(found) == limit:
                    return found
                if position not in table.open_set:
                    found.append((table, position, table.data.row(position)))
        return found

    def verdict(
        self,
        check: str,
        looked: tuple[str, ...],
        counted: list[_Counted],
        period: str,
        *,
        note: str,
    ) -> CheckResult:
        params = self.params
        offending: list[tuple[_At, list[str]]] = []
        waiting: list[tuple[_At, date]] = []
        # A row filling every required column is judged without being looked at: only the
        # rows leaving one open can be late (a gap) or not due yet (waiting).
        for part in counted:
            table = part.table
            for position in table.open:
                if position not in part.members:
                    continue
                at = (table, position, table.data.row(position))
                gaps, due = self.unfilled(table, position)
                if gaps:
                    offending.append((at, gaps))
                elif due is not None:
                    waiting.append((at, due))
        total = sum(len(part.positions) for part in counted)
        if waiting:
            note += self.waiting_note(waiting)
        count = total - len(waiting)
        if not count:
            # Every row is due after the audit date: nothing can be late yet.
            message = (
                f"none of the {plural(total, 'row')}{period} in {self.place} is due yet"
                f"{note}; an auditor must check them once they are due"
            )
            evidence = tuple(row.cite() for (_, _, row), _ in waiting[:_CITED])
            return _result(check, Outcome.NEEDS_REVIEW, message, evidence, looked)
        if offending:
            named = [
                f"{self.label(*at)} has no {listing(gaps, conjunction='or')}"
                for at, gaps in offending[: _NAMED + 1]
            ]
            outcome = Outcome.NOT_MET if len(offending) == count else Outcome.PARTLY_MET
            if outcome is Outcome.NOT_MET:
                message = (
                    f"none of the {plural(count, 'row')}{period} in {self.place} fills every required column"
                )
            else:
                rows = plural(count, "row")
                verb = "misses" if len(offending) == 1 else "miss"
                message = f"{len(offending)} of the {rows}{period} in {self.place} {verb} required values"
            message += f": {listing_first(named, len(offending), _NAMED)}{note}"
            if count < params.min_rows:
                message += f"; and {params.min_rows} rows are needed"
            evidence = tuple(row.cite() for (_, _, row), _ in offending[:_CITED])
            return _result(check, outcome, message, evidence, looked)
        if count < params.min_rows:
            # Rows not yet due may still make up the number: then it cannot be judged yet.
            short = self.partial or count + len(waiting) >= params.min_rows
            outcome = Outcome.NEEDS_REVIEW if short else Outcome.PARTLY_MET
            message = (
                f"only {plural(count, 'row')}{period} in {self.place}; "
                f"{params.min_rows} are needed{note}" + self.unread()
            )
            evidence = tuple(row.cite() for _, _, row in self.judged(counted, _CITED))
            return _result(check, outcome, message, evidence, looked)
        each = "each filling" if count > 1 else "filling"
        filled = f", {each} {listing(list(params.required_columns))}" if params.required_columns else ""
        # "None" and "N/A" are answers, not gaps; name them so an auditor can judge them.
        nil: list[tuple[_At, list[str]]] = []
        for part in counted:
            table = part.table
            for position in table.nils:
                if position in part.members and position not in table.open_set:
                    at = (table, position, table.data.row(position))
                    nil.append((at, self.nil_answers(table, position)))
        if nil:
            said = [f"{self.label(*at)} answers {listing(answers)}" for at, answers in nil[: _NAMED + 1]]
            note += f"; {listing_first(said, len(nil), _NAMED)}: recorded answers, for an auditor to judge"
        message = f"{self.subject} {plural(count, 'row')}{period}{filled}{note}"
        cited = {(r.document.path, r.locator): r for _, _, r in self.judged(counted, 3)}
        cited |= {(r.document.path, r.locator): r for (_, _, r), _ in nil[:_NAMED]}
        evidence = tuple(row.cite() for row in cited.values())
        return _result(check, Outcome.MET, message, evidence, looked)

    def waiting_note(self, waiting: list[tuple[_At, date]]) -> str:
        """``; row 12 (NC-16) is not due until 2026-11-30, so its effectiveness is not expected yet``."""
        names = listing(list(self.params.when_due), conjunction="or")
        if len(waiting) == 1:
            at, due = waiting[0]
            return f"; {self.label(*at)} is not due until {due}, so its {names} is not expected yet"
        rows = [f"{self.label(*at)}, due {due}" for at, due in waiting[: _NAMED + 1]]
        return (
            f"; {len(waiting)} rows are not due yet, so their {names} is not expected yet: "
            f"{listing_first(rows, len(waiting), _NAMED)}"
        )

    def undatable(self, check: str, looked: tuple[str, ...]) -> CheckResult:
        """No usable table has a date column: the period cannot be checked, only bounded."""
        params = self.params
        aliases = ", ".join(params.date_column or DATE_ALIASES[:4])
        why = (
            f"{self.subject} no date column ({aliases}), so whether its rows fall within "
            f"{plural(params.within_months or 0, 'month')} of {self.as_of} cannot be checked"
        )
        bound = self.verdict(check, looked, self.every_row(), "", note="")
        if bound.outcome is Outcome.MET:
            # Even counting every row, the requirement could be met: an auditor must date them.
            message = f"{why}; {lower_first(bound.message)}"
            return _result(check, Outcome.NEEDS_REVIEW, message, bound.evidence, looked)
        return _result(check, bound.outcome, f"{bound.message.rstrip('.')}; {why}", bound.evidence, looked)


def _was(count: int) -> str:
    return "was" if count == 1 else "were"
