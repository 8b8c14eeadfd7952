"""Tables in PDFs are found from where the text sits (``_pdftables``), and prose is never one.

Each case writes a PDF with reportlab, as an office suite exports a register, and reads
it with the PDF extractor.
"""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest

from imsaudit.evidence.extract import EXTRACTORS, ExtractContext, run_extractor
from imsaudit.evidence.model import ExtractResult, Table

pytest.importorskip("reportlab")

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus import Table as RlTable

STYLES = getSampleStyleSheet()
GRID = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("ALIGN", (2, 1), (2, -1), "RIGHT")])
HEADER = ["NC no.", "Date raised", "Hours", "Root cause", "Status"]
ROWS = [
    ["NC-01", "2026-01-12", "4", "Gauge out of calibration", "Closed"],
    ["NC-02", "2026-02-03", "12", "", "Open"],
    ["NC-03", "2026-03-20", "7", "Supplier drawing revision", "Closed"],
    ["NC-04", "2026-04-02", "1", "Operator training", "Open"],
]


def read(story: list[Any]) -> ExtractResult:
    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, invariant=1).build(story)
    return run_extractor(EXTRACTORS.get("pdf"), buffer.getvalue(), ExtractContext(path="register.pdf"))


def paragraph(text: str) -> Paragraph:
    return Paragraph(text, STYLES["BodyText"])


def only(result: ExtractResult) -> Table:
    assert len(result.tables) == 1, [t.header for t in result.tables]
    return result.tables[0]


def test_a_register_is_a_table_with_its_empty_cells_and_right_aligned_numbers() -> None:
    result = read(
        [
            paragraph("Nonconformity log 2026. Every nonconformity raised in the year, with its cause."),
            Spacer(1, 12),
            RlTable([HEADER, *ROWS], style=GRID),
            Spacer(1, 12),
            paragraph("Reviewed monthly by the quality manager; closed items are verified for effect."),
        ]
    )
    table = only(result)
    assert table.header == tuple(HEADER)
    assert [list(row) for row in table.rows] == [[cell or None for cell in row] for row in ROWS]
    assert table.header_locator == "page 1 table 1 row 1"
    assert table.row_locators == tuple(f"page 1 table 1 row {n}" for n in range(2, 6))
    # The rows' text was already read as the page's lines: it is not made into units twice.
    assert sum("NC-03" in unit.text for unit in result.units) == 1


@pytest.mark.parametrize("align", ["TOP", "MIDDLE", "BOTTOM"])
def test_a_wrapped_cell_is_one_cell(align: str) -> None:
    """The other cells of its row on its first line, its middle one or its last one."""
    wrapped = paragraph("Supplier drawing revision not passed on to the shop floor before the batch")
    style = TableStyle([*GRID.getCommands(), ("VALIGN", (0, 0), (-1, -1), align)])
    table = only(
        read(
            [
                RlTable(
                    [HEADER, ROWS[0], [*ROWS[2][:3], wrapped, "Closed"], ROWS[3]],
                    style=style,
                    colWidths=[55, 70, 40, 170, 50],
                )
            ]
        )
    )
    assert len(table.rows) == 3
    assert table.rows[1][3] == "Supplier drawing revision not passed on to the shop floor before the batch"
    assert table.rows[1][0] == "NC-03" and table.rows[2][0] == "NC-04"


def test_a_table_that_goes_on_overleaf_under_a_repeated_header_is_one_table() -> None:
    many = [
        [f"NC-{n:02d}", (dt.date(2026, 1, 1) + dt.timedelta(days=n)).isoformat(), str(n), "Cause", "Open"]
        for n in range(1, 81)
    ]
    table = only(read([paragraph("Nonconformity log."), RlTable([HEADER, *many], style=GRID, repeatRows=1)]))
    assert [row[0] for row in table.rows] == [row[0] for row in many]
    pages = [locator.split(" table")[0] for locator in table.row_locators]
    assert pages[0] == "page 1" and pages[-1] == "page 3" and "page 2" in pages
    assert table.row_locators[-1] == "page 3 table 1 row 81"


def test_rows_go_on_under_a_running_header_but_a_new_caption_starts_a_new_table() -> None:
    """A running header repeats on every page (its page number aside); a caption does not."""
    many = [[f"NC-{n:02d}", "2026-01-05", str(n), "Cause", "Open"] for n in range(1, 81)]

    def running(canvas: Any, document: Any) -> None:
        canvas.setFont("Helvetica", 8)
        canvas.drawString(72, A4[1] - 40, f"Nonconformity log 2026 - page {document.page}")

    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, invariant=1).build(
        [RlTable([HEADER, *many], style=GRID, repeatRows=1)], onFirstPage=running, onLaterPages=running
    )
    result = run_extractor(EXTRACTORS.get("pdf"), buffer.getvalue(), ExtractContext(path="log.pdf"))
    assert [len(t.rows) for t in result.tables] == [80]


@pytest.mark.parametrize(
    "story",
    [
        pytest.param(
            [RlTable([[paragraph("Left column of prose " * 12), paragraph("Right column of prose " * 12)]])],
            id="two-column prose",
        ),
        pytest.param(
            [
                RlTable(
                    [
                        ["Certificate no.", "CM-26-0318"],
                        ["Instrument", "CMM-01"],
                        ["Calibrated on", "2026-03-18"],
                    ]
                )
            ],
            id="label and value form",
        ),
        pytest.param([paragraph("A policy in one column. " * 40) for _ in range(3)], id="paragraphs"),
    ],
)
def test_prose_and_two_column_forms_are_no_table(story: list[Any]) -> None:
    assert read(story).tables == ()


def test_a_pdf_register_is_judged_as_a_register(tmp_path: Path) -> None:
    """A records check reads the PDF's rows: NC-02's root cause is missing (before: no table)."""
    from imsaudit.checks._matcher import PhraseMatcher
    from imsaudit.checks.base import EvalContext, run_check
    from imsaudit.checks.records import RecordsParams
    from imsaudit.evidence.model import Classification, ClassificationSource, EvidenceIndex
    from imsaudit.evidence.scan import ScanOptions, scan_folder

    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, invariant=1).build([RlTable([HEADER, *ROWS], style=GRID)])
    (tmp_path / "Nonconformity log 2026.pdf").write_bytes(buffer.getvalue())
    documents = scan_folder(tmp_path, ScanOptions(jobs=1, use_cache=False)).documents
    kind = Classification(
        kind="nc-log", score=9, min_score=1, source=ClassificationSource.DECLARED, reasons=()
    )
    index = EvidenceIndex(
        documents=documents, classifications={documents[0].path: (kind,)}, kinds=("nc-log",)
    )
    params = RecordsParams(
        type="records",
        kind=["nc-log"],
        min_rows=3,
        within_months=12,
        date_column=["Date raised"],
        required_columns={"root cause": ["Root cause"]},
        id_column=["NC no."],
    )
    result = run_check(
        params, EvalContext(index=index, as_of=dt.date(2026, 6, 1), kinds={}, matcher=PhraseMatcher.of(()))
    )
    assert result.outcome.value == "partly_met", result.message
    assert "NC-02" in result.message
    assert any(ref.locator == "page 1 table 1 row 3" for ref in result.evidence)


def test_the_search_for_tables_stops_at_its_budget_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file built to make the search quadratic costs at most ``PLACED_LINES`` lines looked at."""
    from reportlab.platypus import PageBreak

    from imsaudit.evidence.extract import _pdftables, pdf

    def pages(count: int) -> list[Any]:
        story: list[Any] = []
        for site in ["Workshop", "Paint line", "Dispatch"][:count]:
            story += [
                paragraph(f"{site} nonconformities."),
                RlTable([HEADER, *ROWS], style=GRID),
                PageBreak(),
            ]
        return story

    assert len(read(pages(3)).tables) == 3
    # Page 1's table takes 4 lines looked at; page 2's would take 4 more.
    monkeypatch.setattr(pdf, "Budget", lambda: _pdftables.Budget(left=6))
    result = read(pages(3))
    assert [t.locator for t in result.tables] == ["page 1 table 1"]
    assert "tables not looked for beyond page 2 (limit of the search)" in result.warnings
    assert not any("limit of the search" in w for w in read(pages(1)).warnings)
