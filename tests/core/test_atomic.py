"""Outputs are written atomically: a failure midway leaves the old file and no temporary file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from imsaudit.core.atomic import write_atomic


def test_write_replaces_and_uses_normal_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.pdf"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    assert [p.name for p in target.parent.iterdir()] == ["report.pdf"]


def test_failure_midway_leaves_the_previous_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "audit.json"
    write_atomic(target, b"previous")

    def broken_fsync(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, b"half")
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["audit.json"]
