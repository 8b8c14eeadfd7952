"""Check type ``coverage``: a register column covers a required set of values.

Cells may list several values (``4, 5.1, 6``; ``4.1 4.2 5``; ``Clauses 8-10``;
``8 to 10``; ``risk/opportunity``): each listed value and each word counts, numeric
ranges are expanded. ``prefix``: ``9.2`` covers ``9`` (never ``9001`` or ``10``);
``exact``: equal after normalizing case, spaces and surrounding punctuation. With a
window, rows dated within ``[as_of - N months, as_of + N months]`` count (a programme
plans ahead); rows whose date is empty or unreadable do not. No date column at all:
every row is read, and a result that would be met is ``needs_review`` (the dates must
be confirmed); gaps found even then stand.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pydantic import Field

from imsaudit.checks._evidence import (
    Row,
    add_months,
    cite_header,
    described,
    gather,
    header_name,
    listing,
    no_table,
    plural,
    register_subject,
    sentence,
    unreadable,
    unreadable_note,
    value_key,
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


class CoverageParams(KindCheckParams):
    type: Literal["coverage"]
    column: Column = Field(description="Header(s) of the column whose values must cover the set.")
    required: tuple[str, ...] = Field(
        min_length=1, description="Values that must all appear (e.g. clauses 4 to 10)."
    )
    match: Literal["exact", "prefix"] = Field(
        "prefix",
        description="prefix: a cell '9.2' covers required '9'; exact: values must be equal.",
    )
    within_months: int | None = Field(
        12, ge=1, le=120, description="Only rows dated within this window count; null: any date."
    )
    date_column: Column | None = Field(None, description="Header(s) of the date column.")

    def describe(self, titles: Mapping[str, str] | None = None) -> str:
        text = f"{self.what(titles)} covering {value_range(self.required)} in its {self.column[0]!r} column"
        if self.within_months is not None:
            text += f", in rows dated within {months_text(self.within_months)} of the audit"
        return text


def value_range(values: tuple[str, ...]) -> str:
    """``4–10`` for a run of consecutive whole numbers (clauses 4 to 10), else ``a, b and c``."""
    if len(values) > 2 and all(v.isdigit() for v in values):
        numbers = [int(v) for v in values]
        if numbers == list(range(numbers[0], numbers[0] + len(numbers))):
            return f"{numbers[0]}–{numbers[-1]}"
    return listed(values)


@register
class Coverage(CheckType):
    """A register column covers a required set of values within the period.

    The audit programme must reach every clause of the system within its cycle; the
    message names what is missing ("clauses 8, 9, 10 are not planned within 12 months").
    """

    name = "coverage"
    Params = CoverageParams
    tables_suffice = True

    @classmethod
    def evaluate(cls, params: CheckParams, ctx: EvalContext) -> CheckResult:
        assert isinstance(params, CoverageParams)
        g = gather(cls.name, ctx, params.kind)
        if g.missing:
            return g.missing
        looked = tuple(d.path for d in g.documents)
        tables = ctx.derived.header_tables(g.documents)
        if not tables:
            return no_table(cls.name, g.documents, f"check that {listing(list(params.required))} are covered")
        window = params.within_months
        located: list[tuple[Document, Table, int | None, int | None]] = []
        for d, t in tables:
            data = ctx.derived.table(d, t)
            date_column = data.find_date(params.date_column) if window else None
            located.append((d, t, data.find(params.column), date_column))
        usable = [(d, t, c, w) for d, t, c, w in located if c is not None]
        if not usable:
            message = (
                f"{register_subject(tables)} no {params.column[0]!r} column "
                f"(headers looked for: {', '.join(params.column)}), "
                f"so {listing(list(params.required))} cannot be shown to be covered"
            )
            return CheckResult(
                type=cls.name,
                outcome=Outcome.NOT_MET,
                message=sentence(message),
                evidence=tuple(cite_header(d, t) for d, t in tables),
                looked_at=looked,
            )
        document, table, column, _ = usable[0]
        header = header_name(table, column)
        what = f"the {header!r} column of {described(ctx, document, params.kind)}"
        if len({d.path for d, *_ in usable}) > 1:
            what = f"the {header!r} column of {listing([d.path for d, *_ in usable])}"
        dated = window is None or any(w is not None for *_, w in usable)
        span = None
        if window is not None and dated:
            span = (add_months(ctx.as_of, -window), add_months(ctx.as_of, window))
        notes: list[str] = []
        period = ""
        undated = outside = 0
        covered: dict[str, Row] = {}
        keys = {required: value_key(required) for required in params.required}
        # Each row's values (cell_values of the column) and date are read once per evaluation,
        # the values only until every required value is covered.
        for d, t, c, w in usable:
            data = ctx.derived.table(d, t)
            value, days = data.column(c).value, data.column(w).dates
            for position in range(len(data)):
                if span is not None:
                    day = days[position]
                    if day is None:
                        undated += 1
                        continue
                    if not span[0] <= day <= span[1]:
                        outside += 1
                        continue
                if len(covered) == len(keys):
                    continue  # every value is covered by its first row already; count the rest
                values = value(position)
                for required, key in keys.items():
                    if required not in covered and _covers(values, key, params.match):
                        covered[required] = data.row(position)
        if window is not None and dated:
            period = f" in rows dated within {plural(window, 'month')} of {ctx.as_of}"
            if undated:
                notes.append(f"{plural(undated, 'row')} without a readable date {_was(undated)} not counted")
            if outside:
                notes.append(
                    f"{plural(outside, 'row')} dated outside that window {_was(outside)} not counted"
                )
        missing = [r for r in params.required if r not in covered]
        evidence: tuple[EvidenceRef, ...] = tuple(
            {row.locator: row.cite() for row in covered.values()}.values()
        )
        _, partial = unreadable(g.documents)
        if not missing:
            outcome = Outcome.MET
            message = f"{what} covers all of {listing(list(params.required))}{period}"
        elif covered:
            outcome = Outcome.PARTLY_MET
            verb = "is" if len(missing) == 1 else "are"
            found = [r for r in params.required if r in covered]
            message = f"{what} covers {listing(found)}{period}; {listing(missing)} {verb} missing"
        else:
            outcome = Outcome.NOT_MET
            message = f"{what} covers none of {listing(missing)}{period}"
            evidence = tuple(cite_header(d, t) for d, t, *_ in usable)
        message += "".join(f"; {n}" for n in notes)
        if window is not None and not dated:
            aliases = ", ".join(params.date_column or DATE_ALIASES[:4])
            message += (
                f"; there is no date column ({aliases}), so whether these rows fall within "
                f"{plural(window, 'month')} of {ctx.as_of} cannot be checked"
            )
            if outcome is Outcome.MET:
                outcome = Outcome.NEEDS_REVIEW
                message += " and an auditor must confirm the dates"
        if outcome is not Outcome.MET and partial:
            outcome = Outcome.NEEDS_REVIEW
            message += f"; {unreadable_note(partial)}, so an auditor must check it"
        return CheckResult(
            type=cls.name,
            outcome=outcome,
            message=sentence(message),
            evidence=evidence,
            looked_at=looked,
        )


def _covers(values: frozenset[str], key: str, match: str) -> bool:
    """Whether a cell's values cover a required value (``value_key``: ``9.2`` covers ``9`` by prefix)."""
    if match == "exact":
        return key in values
    return any(v == key or v.startswith(key + ".") for v in values)


def _was(count: int) -> str:
    return "was" if count == 1 else "were"
