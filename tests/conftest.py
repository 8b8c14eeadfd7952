"""Shared fixtures: the bundled library (loaded once) and a CLI runner helper."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from imsaudit.cli.main import cli, main
from imsaudit.packs.load import Library, load_library

TESTS = Path(__file__).parent
MINI_PACK = TESTS / "packs" / "cases" / "mini.yaml"


@pytest.fixture(autouse=True)
def _no_user_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never touch the real user cache dir (extraction cache, audit memo)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "xdg-cache"))


@pytest.fixture(scope="session")
def library() -> Library:
    """All bundled packs with the shared kinds."""
    return load_library()


OUTPUT_FILES = frozenset(
    {
        "audit.json",
        "report.pdf",
        "report.html",
        "report.md",
        "findings.csv",
        "findings.xlsx",
        "results.sarif",
        "junit.xml",
        "oscal-assessment-results.json",
    }
)
"""The nine files of DESIGN.md's CLI contract, one per format."""


def run_cli(args: Sequence[str], *, exit_code: int = 0) -> Result:
    """Run ``imsaudit ARGS`` through the real entry point; assert the exit code.

    ``main`` (not ``cli``) is used so error mapping and exit codes are the ones users get.
    """
    runner = CliRunner()
    holder: dict[str, int] = {}

    def entry() -> None:
        holder["code"] = main(list(args))

    import click

    wrapper = click.Command("imsaudit", callback=entry)
    result = runner.invoke(wrapper, [], catch_exceptions=False)
    code = holder.get("code", result.exit_code)
    assert code == exit_code, (
        f"exit {code} != {exit_code}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    )
    return result


__all__ = ["MINI_PACK", "TESTS", "cli", "run_cli"]
