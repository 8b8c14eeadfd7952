"""``imsaudit checklist`` and ``imsaudit init`` through the real entry point, exit codes included."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from imsaudit.kit.checklist import build_checklist
from imsaudit.kit.starter import build_starter_kit
from imsaudit.packs.load import Library
from tests.conftest import run_cli


def test_checklist_writes_markdown_by_default_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, library: Library
) -> None:
    expected = build_checklist(library, ["std-integration"])
    monkeypatch.chdir(tmp_path)
    result = run_cli(["checklist", "--pack", "std-integration"])
    target = tmp_path / "checklist-std-integration.md"
    assert target.read_text(encoding="utf-8").startswith("# Self-assessment checklist")
    counts = f"{len(expected.items)} requirements in {len(expected.phases)} phases"
    assert result.stderr.strip() == f"wrote checklist-std-integration.md: {counts}"
    assert result.stdout == ""


def test_checklist_xlsx_with_out_and_several_packs(tmp_path: Path, library: Library) -> None:
    target = tmp_path / "out" / "mine.xlsx"
    run_cli(
        [
            "checklist",
            "--pack",
            "std-integration",
            "--pack",
            "iso9001-2015",
            "--format",
            "xlsx",
            "--out",
            str(target),
        ]
    )
    rows = (
        CalamineWorkbook.from_filelike(io.BytesIO(target.read_bytes()))
        .get_sheet_by_name("Checklist")
        .to_python()
    )
    packs = {row[2] for row in rows[1:]}
    assert packs == {"iso9001-2015", "std-integration"}
    assert [row[1] for row in rows[1:]] == [
        item.id for item in build_checklist(library, ["iso9001-2015", "std-integration"]).items
    ]


def test_checklist_quiet_prints_nothing(tmp_path: Path) -> None:
    target = tmp_path / "c.md"
    result = run_cli(["--quiet", "checklist", "--pack", "std-integration", "--out", str(target)])
    assert target.exists() and result.stdout == "" and result.stderr == ""
    result = run_cli(["checklist", "--pack", "std-integration", "--out", str(target), "-q"])
    assert result.stderr == ""


def test_checklist_usage_errors_are_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run_cli(["checklist", "--pack", "iso9001", "--out", str(tmp_path / "x.md")], exit_code=2)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "unknown pack 'iso9001'" in lines[0] and "iso9001-2015" in lines[0]
    assert not (tmp_path / "x.md").exists()
    result = run_cli(["checklist", "--pack", "std-integration", "--format", "docx"], exit_code=2)
    assert "Invalid value for '--format'" in result.stderr
    result = run_cli(["checklist"], exit_code=2)
    assert "Missing option '--pack'" in result.stderr


def test_init_writes_the_kit_and_refuses_a_folder_in_use(tmp_path: Path, library: Library) -> None:
    target = tmp_path / "ims"
    result = run_cli(["init", str(target), "--pack", "std-integration"])
    assert (target / "README.md").is_file() and (target / "organization.yaml").is_file()
    csvs = list(target.rglob("*.csv"))
    assert csvs and all(p.parent.parent == target for p in csvs)
    kit = build_starter_kit(library, ["std-integration"])
    assert f"wrote {len(kit.files)} files to {target}" in result.stderr
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()) == sorted(
        f.path for f in kit.files
    )
    again = run_cli(["init", str(target), "--pack", "std-integration"], exit_code=2)
    lines = again.stderr.strip().splitlines()
    assert len(lines) == 1 and "is not empty" in lines[0] and "Traceback" not in again.stderr


def test_init_quiet_and_unknown_pack(tmp_path: Path) -> None:
    result = run_cli(["init", str(tmp_path / "a"), "--pack", "iso56001-2024", "--quiet"])
    assert result.stderr == "" and (tmp_path / "a" / "organization.yaml").exists()
    result = run_cli(["init", str(tmp_path / "b"), "--pack", "iso56001"], exit_code=2)
    assert "unknown pack 'iso56001'" in result.stderr
    assert not (tmp_path / "b").exists(), "nothing is written when the packs cannot be read"


def test_init_then_audit_reports_templates_only(tmp_path: Path) -> None:
    target = tmp_path / "kit"
    run_cli(["init", str(target), "--pack", "std-integration", "-q"])
    out = tmp_path / "report"
    result = run_cli(
        ["audit", str(target), "--as-of", "2026-11-01", "--format", "json", "--out", str(out), "--no-cache"]
    )
    assert "score 0/100" in result.stderr
    assert (out / "audit.json").exists()
