"""Housekeeping of the cache dir: the names of older formats go, nothing else does."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from imsaudit.core.cachedir import SUPERSEDED, remove_superseded
from imsaudit.evidence.cache import CACHE_FILE, ExtractionCache
from imsaudit.findings.incremental import FOLDER as STATES
from imsaudit.findings.memo import FOLDER as AUDITS


def test_the_names_in_use_are_never_superseded() -> None:
    assert {CACHE_FILE, STATES, AUDITS}.isdisjoint(SUPERSEDED)


def _old_cache(directory: Path) -> None:
    """What an earlier version left: its files and folders, and something of another tool."""
    directory.mkdir()
    (directory / "extract-v1.sqlite").write_bytes(b"old entries")
    (directory / "extract-v1.sqlite-wal").write_bytes(b"")
    for folder in ("audits-v1", "states-v3"):
        (directory / folder).mkdir()
        (directory / folder / "abc.json.z").write_bytes(b"old")
    (directory / "states-v9").mkdir()  # not a name we used: not ours to remove
    (directory / "notes.txt").write_text("another tool's file", encoding="utf-8")


def test_opening_the_extraction_cache_removes_older_formats(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache = tmp_path / "cache"
    _old_cache(cache)
    with caplog.at_level(logging.INFO, logger="imsaudit.core.cachedir"), ExtractionCache(cache) as opened:
        assert opened.enabled
    assert sorted(p.name for p in cache.iterdir()) == [CACHE_FILE, "notes.txt", "states-v9"]
    assert "extract-v1.sqlite, extract-v1.sqlite-wal, audits-v1, states-v3" in caplog.text
    assert remove_superseded(cache) == []


def test_what_cannot_be_removed_stays_for_a_later_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process holding the old database, a read-only folder: the audit goes on."""
    cache = tmp_path / "cache"
    _old_cache(cache)

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError("read-only")

    monkeypatch.setattr(Path, "unlink", refuse)
    monkeypatch.setattr("shutil.rmtree", refuse)
    assert remove_superseded(cache) == []
    with ExtractionCache(cache) as opened:
        assert opened.enabled
    assert (cache / "extract-v1.sqlite").exists() and (cache / "states-v3").exists()
