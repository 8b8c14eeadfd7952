"""``imsaudit scan``: file names and notes are shown as they are, never read as markup."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_cli


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "evidence"
    folder.mkdir()
    (folder / "[red]policy.md").write_text("# Quality policy\n\nWe commit to quality.\n", encoding="utf-8")
    (folder / ".[bold]hidden").write_text("x", encoding="utf-8")
    (folder / "organization.yaml").write_text(
        'name: Acme\nkinds:\n  "[bold]missing.md": quality-policy\n', encoding="utf-8"
    )
    return folder


def test_names_and_notes_are_shown_as_they_are(tmp_path: Path) -> None:
    result = run_cli(["scan", str(_folder(tmp_path)), "--no-cache"])
    assert "[red]policy.md" in result.stdout
    assert "skipped .[bold]hidden: hidden" in result.stdout
    assert "note organization.yaml:3: kinds mapping '[bold]missing.md' matches no document" in result.stdout


def test_json_notes_carry_their_line(tmp_path: Path) -> None:
    result = run_cli(["scan", str(_folder(tmp_path)), "--no-cache", "--format", "json"])
    notes = json.loads(result.stdout)["notes"]
    message = "kinds mapping '[bold]missing.md' matches no document"
    assert notes == [{"path": "organization.yaml", "line": 3, "message": message}]
