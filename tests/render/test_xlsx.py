"""findings.xlsx: opens in an independent reader, is stable, keeps text as text, and the
Review sheet filled in by an auditor comes back through ``audit --verdicts``."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
from python_calamine import CalamineWorkbook

from imsaudit.findings.model import AuditResult
from imsaudit.findings.workbook import REVIEW_SHEET
from imsaudit.render.xlsx import workbook_bytes
from tests.conftest import run_cli
from tests.e2e.test_gapcorp import GAPCORP, audit, audit_args


def test_sheets_and_rows(tmp_path: Path) -> None:
    result = audit()
    path = tmp_path / "f.xlsx"
    path.write_bytes(workbook_bytes(result))
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names == ["Findings", "Clauses", "Evidence", "Roadmap", REVIEW_SHEET]
    findings = book.get_sheet_by_name("Findings").to_python()
    assert len(findings) == 1 + len(result.requirements)
    evidence = book.get_sheet_by_name("Evidence").to_python()
    assert sorted(r[0] for r in evidence[1:]) == sorted(d.path for d in result.documents)
    review = book.get_sheet_by_name(REVIEW_SHEET).to_python()
    assert len(review) == 1 + result.summary.needs_review
    assert review[0][6:10] == ["Verdict", "Note", "Auditor", "Date"]
    assert all(row[5].startswith("- ") for row in review[1:])
    assert workbook_bytes(result) == workbook_bytes(result)


def test_verdict_column_has_a_drop_down(tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    path.write_bytes(workbook_bytes(audit()))
    sheet = openpyxl.load_workbook(path)[REVIEW_SHEET]
    lists = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
    assert lists and "partly met" in lists[0].formula1
    assert str(lists[0].sqref).startswith("G2")


def test_evidence_text_stays_text(tmp_path: Path) -> None:
    folder = tmp_path / "org"
    shutil.copytree(GAPCORP, folder)
    (folder / "=HYPERLINK(evil).md").write_text("# =1+1\n\n=cmd|' /C calc'!A0\n", encoding="utf-8")
    path = tmp_path / "f.xlsx"
    path.write_bytes(workbook_bytes(audit(folder)))
    sheet = openpyxl.load_workbook(path)["Evidence"]
    cells = [
        c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=")
    ]
    assert cells and all(c.data_type == "s" for c in cells)


def test_review_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_cli(
        [
            *audit_args(str(GAPCORP), str(out), "json,xlsx"),
        ]
    )
    before = AuditResult.model_validate_json((out / "audit.json").read_bytes())
    target = next(r for r in before.requirements if r.outcome.value == "needs_review")
    book = openpyxl.load_workbook(out / "findings.xlsx")
    sheet = book[REVIEW_SHEET]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == target.id)
    row[6].value, row[7].value, row[8].value = "met", "Interviewed two supervisors", "R. Moreau"
    row[9].value = dt.datetime(2026, 11, 3)
    book.save(tmp_path / "filled.xlsx")
    out2 = tmp_path / "out2"
    run_cli(
        [
            *audit_args(str(GAPCORP), str(out2), "json"),
            "--verdicts",
            str(tmp_path / "filled.xlsx"),
        ]
    )
    after = AuditResult.model_validate_json((out2 / "audit.json").read_bytes())
    r = next(x for x in after.requirements if x.id == target.id)
    assert r.outcome.value == "met" and r.machine_outcome.value == "needs_review"
    assert r.manual is not None
    assert (r.manual.auditor, r.manual.date, r.manual.source) == (
        "R. Moreau",
        dt.date(2026, 11, 3),
        "filled.xlsx",
    )
    assert "Auditor verdict met (R. Moreau, 2026-11-03): Interviewed two supervisors" in r.message
    explained = run_cli(["explain", str(out2 / "audit.json"), target.id]).stdout
    assert "Manual verdict: met by R. Moreau on 2026-11-03 (filled.xlsx)" in explained


def test_bad_verdict_in_the_workbook_is_one_line_with_row(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_cli(["audit", str(GAPCORP), "--as-of", "2026-11-01", "--format", "xlsx", "--out", str(out)])
    book = openpyxl.load_workbook(out / "findings.xlsx")
    book[REVIEW_SHEET]["G3"] = "looks fine"
    book.save(tmp_path / "filled.xlsx")
    result = run_cli(
        [
            "audit",
            str(GAPCORP),
            "--as-of",
            "2026-11-01",
            "--format",
            "json",
            "--out",
            str(out),
            "--verdicts",
            str(tmp_path / "filled.xlsx"),
        ],
        exit_code=2,
    )
    assert result.stderr.strip() == (
        "filled.xlsx:3:7: Review row 3: verdict 'looks fine' is not one of met, partly met, not met, "
        "not applicable, needs review"
    )
