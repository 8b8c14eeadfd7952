"""``findings.xlsx``: the workbook consultants and auditors work in.

Sheets: Findings (one row per requirement), Clauses, Evidence (every document), Roadmap,
and Review: one row per requirement that needs an auditor, with its interview questions
and empty Verdict / Note / Auditor / Date columns (Verdict is a drop-down). Filled in,
the workbook goes back to ``imsaudit audit --verdicts findings.xlsx``.

Every text cell is written with ``write_string``: a file name or excerpt such as
``=HYPERLINK(...)`` stays text and never becomes a formula. The workbook's dates come
from the audit date, so the same audit gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from imsaudit.core.types import Outcome
from imsaudit.findings.model import AuditResult
from imsaudit.findings.workbook import REVIEW_SHEET
from imsaudit.render.base import Renderer, RenderOptions, register

VERDICTS = ["met", "partly met", "not met", "not applicable", "needs review"]

Row = Sequence[object]


def _sheet(book: Any, name: str, header: Sequence[str], rows: Sequence[Row], widths: Sequence[int]) -> Any:
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    bold = book.add_format(
        {"bold": True, "bg_color": "#DCE6F0", "border": 1, "text_wrap": True, "valign": "top"}
    )
    day = book.add_format({"num_format": "yyyy-mm-dd", "valign": "top"})
    sheet = book.add_worksheet(name)
    for col, (title, width) in enumerate(zip(header, widths, strict=True)):
        sheet.write_string(0, col, title, bold)
        sheet.set_column(col, col, width, wrap)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if value is None or value == "":
                sheet.write_blank(r, c, None, wrap)
            elif isinstance(value, dt.date):
                sheet.write_datetime(r, c, dt.datetime(value.year, value.month, value.day), day)
            elif isinstance(value, int | float) and not isinstance(value, bool):
                sheet.write_number(r, c, value)
            else:
                sheet.write_string(r, c, str(value), wrap)
    sheet.freeze_panes(1, 0)
    if rows:
        sheet.autofilter(0, 0, len(rows), len(header) - 1)
    return sheet


def workbook_bytes(result: AuditResult) -> bytes:
    """The whole workbook, in memory."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    moment = dt.datetime(result.as_of.year, result.as_of.month, result.as_of.day)
    book.set_properties(
        {
            "title": f"imsaudit findings: {result.organization.name}",
            "subject": f"Audit as of {result.as_of.isoformat()}",
            "author": "imsaudit",
            "created": moment,
        }
    )
    clause_of = {(c.pack, c.clause): c for c in result.clauses}

    findings = [
        (
            r.id,
            r.pack,
            r.clause,
            clause_of[(r.pack, r.clause)].title,
            r.severity.value,
            r.outcome.value,
            clause_of[(r.pack, r.clause)].finding.value,
            r.message,
            "\n".join(f"{e.path} ({e.locator}) sha256 {e.sha256[:12]}" for e in r.evidence),
            r.guidance.close_gap,
            r.owner or "",
            f"{r.manual.verdict.value} by {r.manual.auditor or '?'} ({r.manual.source})" if r.manual else "",
            f"until {r.waiver.expires.isoformat()}: {r.waiver.reason}" if r.waiver else "",
        )
        for r in result.requirements
    ]
    _sheet(
        book,
        "Findings",
        [
            "Requirement",
            "Pack",
            "Clause",
            "Clause title",
            "Severity",
            "Outcome",
            "Clause finding",
            "Why",
            "Evidence",
            "To close the gap",
            "Owner",
            "Manual verdict",
            "Waiver",
        ],
        findings,
        [14, 14, 9, 28, 9, 12, 13, 60, 40, 50, 16, 24, 24],
    )

    clauses = [
        (
            c.pack,
            c.clause,
            c.title,
            c.hs,
            c.finding.value,
            c.score,
            "yes" if c.at_risk else "",
            ", ".join(c.root_causes),
            c.downstream,
            c.justification or "",
        )
        for c in result.clauses
    ]
    _sheet(
        book,
        "Clauses",
        [
            "Pack",
            "Clause",
            "Title",
            "HS",
            "Finding",
            "Score",
            "At risk",
            "Root causes",
            "Downstream",
            "Exclusion",
        ],
        clauses,
        [14, 9, 40, 7, 13, 8, 8, 20, 11, 40],
    )

    evidence = [
        (
            d.path,
            d.format,
            "\n".join(f"{k.kind}: {k.why}" for k in d.kinds),
            d.title or "",
            d.approved_on,
            d.review_due,
            "yes" if d.template else "",
            d.sha256,
            d.size,
            d.error or "",
            "\n".join(d.warnings),
        )
        for d in result.documents
    ]
    _sheet(
        book,
        "Evidence",
        [
            "Path",
            "Format",
            "Kinds and why",
            "Title",
            "Approved on",
            "Review due",
            "Template",
            "sha256",
            "Bytes",
            "Error",
            "Warnings",
        ],
        evidence,
        [40, 9, 60, 30, 12, 12, 9, 20, 9, 30, 30],
    )

    roadmap = [
        (
            phase.phase,
            i.pack,
            i.clause,
            i.requirement,
            i.severity.value,
            i.outcome.value,
            i.action,
            i.owner or "",
        )
        for phase in result.roadmap
        for i in phase.items
    ]
    _sheet(
        book,
        "Roadmap",
        ["Phase", "Pack", "Clause", "Requirement", "Severity", "Outcome", "Action", "Owner"],
        roadmap,
        [7, 14, 9, 14, 9, 12, 70, 18],
    )

    review_rows = [
        (
            r.id,
            r.pack,
            r.clause,
            r.text,
            r.message,
            "\n".join(f"- {q}" for q in r.questions),
            "",
            "",
            "",
            None,
        )
        for r in result.requirements
        if r.outcome is Outcome.NEEDS_REVIEW
    ]
    review = _sheet(
        book,
        REVIEW_SHEET,
        [
            "Requirement",
            "Pack",
            "Clause",
            "Requirement text",
            "Why it needs review",
            "Questions",
            "Verdict",
            "Note",
            "Auditor",
            "Date",
        ],
        review_rows,
        [14, 14, 9, 45, 45, 45, 14, 30, 16, 12],
    )
    if review_rows:
        last = len(review_rows)
        review.data_validation(
            1,
            6,
            last,
            6,
            {
                "validate": "list",
                "source": VERDICTS,
                "input_title": "Verdict",
                "input_message": "met, partly met, not met, not applicable, needs review",
            },
        )
        review.data_validation(
            1,
            9,
            last,
            9,
            {
                "validate": "date",
                "criteria": ">=",
                "value": dt.datetime(2000, 1, 1),
                "input_message": "YYYY-MM-DD",
            },
        )
        review.set_column(9, 9, 12, book.add_format({"num_format": "yyyy-mm-dd", "valign": "top"}))
    book.close()
    return buffer.getvalue()


@register
class XlsxRenderer(Renderer):
    """findings.xlsx: findings, clauses, evidence register, roadmap and the review sheet."""

    name = "xlsx"
    filename = "findings.xlsx"

    def render(self, result: AuditResult, options: RenderOptions) -> bytes:
        return workbook_bytes(result)
