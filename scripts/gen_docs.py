"""Regenerate docs/checks.md and docs/cli.md from the registries (run after changing them)."""

from __future__ import annotations

from pathlib import Path

from imsaudit.checks._reference import check_reference_markdown
from imsaudit.cli.reference import cli_reference_markdown

DOCS = Path(__file__).resolve().parents[1] / "docs"

if __name__ == "__main__":
    (DOCS / "checks.md").write_text(check_reference_markdown(), encoding="utf-8")
    (DOCS / "cli.md").write_text(cli_reference_markdown(), encoding="utf-8")
    print("wrote docs/checks.md and docs/cli.md")
