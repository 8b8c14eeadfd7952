"""The fixture generator is deterministic, and the committed fixtures are what it writes."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from .conftest import FIXTURES, HERE


def make_fixtures(out: Path) -> None:
    """Run the generator as it is meant to be run: a fresh process (odfpy keeps global state)."""
    subprocess.run(
        [sys.executable, str(HERE / "make_fixtures.py"), str(out)], check=True, capture_output=True
    )


def _digests(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_generation_is_deterministic_and_matches_the_committed_files(tmp_path: Path) -> None:
    make_fixtures(tmp_path / "one")
    make_fixtures(tmp_path / "two")
    one = _digests(tmp_path / "one")
    assert one == _digests(tmp_path / "two")
    committed = _digests(FIXTURES)
    assert set(one) == set(committed)
    # Formats written by our own code must match byte for byte; binary formats depend on
    # the generating libraries' versions, so they are compared only when those match.
    ours = [p for p in one if p.endswith((".md", ".txt", ".csv", ".tsv", ".html", ".yaml", ".json"))]
    assert {p: one[p] for p in ours} == {p: committed[p] for p in ours}
    assert sum((FIXTURES / p).stat().st_size for p in committed) < 2 * 1024 * 1024
