"""``imsaudit scan`` through CliRunner on the command object."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from imsaudit.cli.commands import scan as scan_command
from imsaudit.core.errors import SettingsError, UsageError
from imsaudit.packs.model import EvidenceKind

from .conftest import FIXTURES, KINDS

BUNDLED_KINDS = scan_command.selected_kinds
"""The real loader, kept before the autouse fixture replaces it."""


@pytest.fixture(autouse=True)
def _kinds(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command recognizes the test kinds (the bundled packs are tested end to end elsewhere)."""

    def selected(pack_ids: tuple[str, ...]) -> list[EvidenceKind]:
        if pack_ids and pack_ids != ("test-pack",):
            raise UsageError(f"unknown pack {pack_ids[0]!r}")
        return list(KINDS)

    monkeypatch.setattr(scan_command, "selected_kinds", selected)


def invoke(*args: str, code: int = 0) -> Result:
    result = CliRunner().invoke(scan_command.command, list(args), catch_exceptions=True)
    if result.exit_code != code:
        raise AssertionError(f"exit {result.exit_code} != {code}\n{result.output}\n{result.exception!r}")
    return result


def test_json_output_lists_every_document_with_kinds_and_why(tmp_path: Path) -> None:
    result = invoke(str(FIXTURES), "--format", "json", "--no-cache", "--jobs", "1", "--quiet")
    report = json.loads(result.stdout)
    files = sorted(p.relative_to(FIXTURES).as_posix() for p in FIXTURES.rglob("*") if p.is_file())
    assert [d["path"] for d in report["documents"]] == files
    policy = next(d for d in report["documents"] if d["path"] == "policies/Quality Policy.docx")
    assert policy["kinds"][0]["kind"] == "quality-policy"
    assert policy["kinds"][0]["why"].startswith("score 17 >= 4: filename")
    assert policy["metadata"]["approved_on"] == "2026-02-14"
    assert set(policy) >= {"path", "sha256", "size", "format", "kinds", "error", "warnings"}
    broken = next(d for d in report["documents"] if d["path"] == "broken/encrypted.pdf")
    assert broken["error"] == "encrypted PDF (password required): not read"


def test_table_output(tmp_path: Path) -> None:
    result = invoke(str(FIXTURES / "registers"), "--cache-dir", str(tmp_path / "cache"), "--jobs", "1")
    assert "training_records.csv" in result.stdout
    assert "training-records" in result.stdout
    assert "5 documents" in result.stderr


def test_json_is_stable_between_runs_and_job_counts(tmp_path: Path) -> None:
    one = invoke(str(FIXTURES), "--format", "json", "--no-cache", "--jobs", "1", "--quiet").stdout
    two = invoke(
        str(FIXTURES), "--format", "json", "--cache-dir", str(tmp_path / "c"), "--jobs", "2", "--quiet"
    ).stdout
    three = invoke(
        str(FIXTURES), "--format", "json", "--cache-dir", str(tmp_path / "c"), "--jobs", "2", "--quiet"
    ).stdout
    assert one == two == three


def test_organization_yaml_is_applied_and_validated(tmp_path: Path) -> None:
    folder = tmp_path / "evidence"
    shutil.copytree(FIXTURES / "registers", folder)
    (folder / "organization.yaml").write_text("kinds:\n  suppliers.tsv: training-records\n", encoding="utf-8")
    report = json.loads(invoke(str(folder), "--format", "json", "--no-cache", "--quiet").stdout)
    suppliers = next(d for d in report["documents"] if d["path"] == "suppliers.tsv")
    assert [k["kind"] for k in suppliers["kinds"]] == ["training-records"]
    assert suppliers["kinds"][0]["source"] == "organization"
    assert report["skipped"] == [
        {"path": "organization.yaml", "reason": "organization profile (settings, not evidence)"}
    ]
    (folder / "organization.yaml").write_text("nmae: Acme\n", encoding="utf-8")
    result = invoke(str(folder), "--no-cache", "--quiet", code=1)
    assert isinstance(result.exception, SettingsError)
    assert str(result.exception).endswith("organization.yaml:1:1: nmae: unknown key (did you mean 'name'?)")


def test_run_level_problems_raise_imsaudit_errors(tmp_path: Path) -> None:
    result = invoke(str(tmp_path / "missing"), "--no-cache", code=1)
    assert isinstance(result.exception, UsageError)
    result = invoke(str(FIXTURES), "--pack", "nope", "--no-cache", code=1)
    assert isinstance(result.exception, UsageError)


def test_help_ends_with_an_example() -> None:
    help_text = invoke("--help").stdout
    assert help_text.rstrip().splitlines()[-1].strip().startswith("Example: imsaudit scan ")
    for option in ("--pack", "--format", "--jobs", "--no-cache", "--cache-dir", "--quiet"):
        assert option in help_text


def test_bundled_packs_are_loaded() -> None:
    kinds = BUNDLED_KINDS(("iso9001-2015",))
    assert kinds and all(isinstance(k, EvidenceKind) for k in kinds)
    assert [k.id for k in kinds] == sorted(k.id for k in kinds)
    with pytest.raises(UsageError):
        BUNDLED_KINDS(("iso9001-2051",))


def test_command_module_is_light() -> None:
    import subprocess
    import sys

    heavy = "('pypdfium2', 'lxml', 'python_calamine', 'rich', 'imsaudit.evidence.scan')"
    code = f"import sys, imsaudit.cli.commands.scan; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_progress_bar_path_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import threading

    from imsaudit.cli.output import scan_progress
    from imsaudit.evidence.scan import ScanOptions, scan_folder

    with scan_progress(False) as none:
        assert none is None
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    threads = threading.active_count()
    with scan_progress(True) as update:
        assert update is not None
        assert threading.active_count() == threads  # no refresh thread: workers may fork
        result = scan_folder(FIXTURES / "notes", ScanOptions(jobs=1, use_cache=False), progress=update)
    assert [d.path for d in result.documents] == [
        "politique-latin1.txt",
        "quality-circle-utf16.txt",
        "supplier-notes-cp1252.txt",
    ]
