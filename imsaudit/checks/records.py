"""Check type ``records``."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from imsaudit.checks.base import CheckType, Column, KindCheckParams, register


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


@register
class Records(CheckType):
    """A register holds at least ``min_rows`` rows in the period, each filling the required columns.

    Retained documented information is evidence that something was done: an empty
    corrective-action log, or rows without a root cause, are the classic gaps
    ("Row 4 (NC-03) has no root cause").
    """

    name = "records"
    Params = RecordsParams
