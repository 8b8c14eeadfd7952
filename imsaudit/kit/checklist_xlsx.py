"""The checklist as a workbook: one row per requirement, to filter, assign and track.

Sheet *Checklist*: one row per requirement in checklist order (phase by phase, so a
prerequisite's rows always come first), frozen header and id column, an autofilter, a
Status drop-down (Not started / In progress / Done / N/A) and an empty Notes column.
Sheet *Evidence kinds*: every kind the requirements name, with what it is and which
requirements it serves (what to write or keep, once).

Every text cell is written with ``write_string`` (a paraphrase beginning with ``=``
stays text). The workbook's created date is fixed (:data:`CREATED`), never the clock,
so the same packs give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from imsaudit.kit.checklist import STATUSES, Checklist, EvidenceLine

CREATED = dt.datetime(2024, 1, 1)
"""The workbook's created date: a constant, so the bytes depend on the packs only."""

HEADER = (
    ("Phase", 7),
    ("Requirement", 15),
    ("Pack", 14),
    ("Clause", 9),
    ("Clause title", 26),
    ("Requirement text", 60),
    ("Severity", 9),
    ("Documented information", 22),
    ("Owner", 16),
    ("Evidence that would satisfy it", 48),
    ("What the audit checks", 60),
    ("An auditor looks for", 50),
    ("To put it in place", 50),
    ("Interview questions", 50),
    ("Status", 13),
    ("Notes", 40),
)
STATUS_COLUMN = 14
KIND_HEADER = (
    ("Kind", 30),
    ("Title", 32),
    ("Form", 18),
    ("Description", 70),
    ("Requirements", 40),
)


def _evidence(lines: Sequence[EvidenceLine]) -> str:
    return "\n".join(f"{e.title} ({e.form}): {e.description}" for e in lines)


def _header(book: Any, sheet: Any, columns: Sequence[tuple[str, int]]) -> None:
    bold = book.add_format(
        {"bold": True, "bg_color": "#DCE6F0", "border": 1, "text_wrap": True, "valign": "top"}
    )
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    for col, (title, width) in enumerate(columns):
        sheet.write_string(0, col, title, bold)
        sheet.set_column(col, col, width, wrap)


def _row(sheet: Any, row: int, values: Sequence[str | int], wrap: Any) -> None:
    for col, value in enumerate(values):
        if isinstance(value, int):
            sheet.write_number(row, col, value, wrap)
        elif value:
            sheet.write_string(row, col, value, wrap)
        else:
            sheet.write_blank(row, col, None, wrap)


def workbook_bytes(checklist: Checklist) -> bytes:
    """The whole workbook, in memory."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    book.set_properties(
        {
            "title": checklist.title,
            "subject": "Self-assessment checklist in dependency order",
            "author": "imsaudit",
            "created": CREATED,
        }
    )
    wrap = book.add_format({"text_wrap": True, "valign": "top"})

    sheet = book.add_worksheet("Checklist")
    _header(book, sheet, HEADER)
    items = checklist.items
    for row, item in enumerate(items, start=1):
        _row(
            sheet,
            row,
            (
                item.phase,
                item.id,
                item.pack,
                item.clause,
                item.clause_title,
                item.text,
                item.severity,
                item.documented_label,
                item.owner or "",
                _evidence(item.evidence),
                "\n".join(f"• {ask}" for ask in item.asks),
                item.look_for,
                item.close_gap,
                "\n".join(f"• {q}" for q in item.questions),
                STATUSES[0],
                "",
            ),
            wrap,
        )
    sheet.data_validation(
        1,
        STATUS_COLUMN,
        len(items),
        STATUS_COLUMN,
        {
            "validate": "list",
            "source": list(STATUSES),
            "input_title": "Status",
            "input_message": "Where this requirement stands",
        },
    )
    sheet.freeze_panes(1, 2)
    sheet.autofilter(0, 0, len(items), len(HEADER) - 1)

    kinds: dict[str, tuple[EvidenceLine, list[str]]] = {}
    for item in items:
        for line in item.evidence:
            kinds.setdefault(line.kind, (line, []))[1].append(item.id)
    sheet = book.add_worksheet("Evidence kinds")
    _header(book, sheet, KIND_HEADER)
    for row, kind_id in enumerate(sorted(kinds), start=1):
        line, requirement_ids = kinds[kind_id]
        _row(sheet, row, (kind_id, line.title, line.form, line.description, ", ".join(requirement_ids)), wrap)
    sheet.freeze_panes(1, 1)
    sheet.autofilter(0, 0, len(kinds), len(KIND_HEADER) - 1)
    book.close()
    return buffer.getvalue()


def render(checklist: Checklist, paper: str = "a4") -> bytes:
    """The checklist workbook (``paper`` does not apply)."""
    return workbook_bytes(checklist)
