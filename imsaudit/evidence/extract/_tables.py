"""Cells and header rows, the same for XLSX, ODS, CSV, DOCX and Markdown tables.

Real registers rarely start at A1 with a header: a title row, a document-control block
("Document ID | RR-01"), blank rows, then the header. ``header_row`` finds the header
as the earliest row, among the first few, with the most non-empty text cells and no
numbers or dates (headers are words; data rows carry dates and numbers).
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from imsaudit.evidence.model import Cell

logger = logging.getLogger(__name__)

HEADER_SCAN_ROWS = 12
"""How far down a header row is looked for."""

MAX_HEADER_CELL = 80
"""A header cell is a label: longer text is data."""


def normalize_cell(value: object) -> Cell:
    """A spreadsheet value as a ``Cell``: 8.0 -> 8, midnight datetimes -> dates, '' -> None."""
    if type(value) is str:  # the common case first: every CSV cell, most sheet cells
        if "\n" in value:
            return value.strip() or None
        text = value.strip()
        if "  " in text or "\t" in text or "\r" in text:
            text = " ".join(text.split())
        return text or None
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return str(value)
        if value.is_integer() and abs(value) < 2**53:
            return int(value)
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, datetime):
        if value.time() == time(0, 0) and value.tzinfo is None:
            return value.date()
        return value
    if isinstance(value, date):
        return value
    if isinstance(value, time):
        return value.isoformat(timespec="minutes" if value.second == 0 else "seconds")
    if isinstance(value, timedelta):
        return str(value)
    text = " ".join(str(value).split()) if "\n" not in str(value) else str(value).strip()
    return text or None


_NUMERIC_TEXT = re.compile(r"^[\d\s.,/:%+-]+$")


def _is_label(value: Cell) -> bool:
    """A short text that is not a number or a date written as text (CSV cells are all text)."""
    return isinstance(value, str) and 0 < len(value) <= MAX_HEADER_CELL and not _NUMERIC_TEXT.match(value)


def header_row(rows: Sequence[Sequence[Cell]]) -> int | None:
    """Index of the header row among the first ``HEADER_SCAN_ROWS``, or None.

    A header has at least two non-empty cells, all short texts; the earliest row with
    the most of them wins, so a two-cell "Document ID | RR-01" block above a six-column
    header is not taken for the header.
    """
    best: int | None = None
    best_count = 1
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        filled = [c for c in row if c is not None and c != ""]
        if len(filled) <= best_count:
            continue
        if all(_is_label(c) for c in filled):
            best, best_count = index, len(filled)
    return best
