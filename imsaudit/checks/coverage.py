"""Check type ``coverage``."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from imsaudit.checks.base import CheckType, Column, KindCheckParams, register


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


@register
class Coverage(CheckType):
    """A register column covers a required set of values within the period.

    The audit programme must reach every clause of the system within its cycle; the
    message names what is missing ("clauses 8, 9, 10 are not planned within 12 months").
    """

    name = "coverage"
    Params = CoverageParams
