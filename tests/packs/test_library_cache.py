"""The library cache gives what ``load_library`` gives, and reads the files again when they change."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from imsaudit.core.errors import PackError
from imsaudit.evidence.scan import ScanOptions
from imsaudit.packs import load
from imsaudit.packs.load import LIBRARIES, Library, cached_library, default_pack_dir, load_library
from imsaudit.pipeline import AuditSettings, run_audit


def same(a: Library, b: Library) -> bool:
    return (a.packs, a.kinds, a.kind_origin) == (b.packs, b.kinds, b.kind_origin) and list(a.packs) == list(
        b.packs
    )


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The pack files parsed from YAML, in order."""
    found: list[Path] = []
    real = load.load_file

    def counted(path: Path) -> object:
        found.append(path)
        return real(path)

    monkeypatch.setattr(load, "load_file", counted)
    return found


@pytest.mark.parametrize("pack_ids", [None, ["iso9001-2015"], ["std-integration", "iso56001-2024"]])
def test_a_stored_library_is_the_loaded_one(
    tmp_path: Path, reads: list[Path], pack_ids: list[str] | None
) -> None:
    expected = load_library(pack_ids)
    reads.clear()
    first = cached_library(pack_ids, tmp_path, "engine")
    assert same(first, expected) and reads  # a miss: read from the files, then stored
    reads.clear()
    again = cached_library(pack_ids, tmp_path, "engine")
    assert same(again, expected) and reads == []  # a hit: no YAML read
    assert len(list((tmp_path / LIBRARIES).iterdir())) == 1


def test_an_edited_pack_or_another_engine_is_read_again(tmp_path: Path, reads: list[Path]) -> None:
    packs = tmp_path / "clauses"
    shutil.copytree(default_pack_dir(), packs)
    cache = tmp_path / "cache"
    before = cached_library(["iso9001-2015"], cache, "engine", pack_dir=packs)
    pack = packs / "iso9001-2015.yaml"
    old = before.packs["iso9001-2015"].pack.title
    pack.write_text(pack.read_text(encoding="utf-8").replace(old, "An edited title", 1), encoding="utf-8")
    reads.clear()
    after = cached_library(["iso9001-2015"], cache, "engine", pack_dir=packs)
    assert after.packs["iso9001-2015"].pack.title == "An edited title" and reads
    reads.clear()
    cached_library(["iso9001-2015"], cache, "another engine", pack_dir=packs)
    assert reads


def test_a_broken_pack_is_reported_each_time_and_never_stored(tmp_path: Path) -> None:
    packs = tmp_path / "clauses"
    shutil.copytree(default_pack_dir(), packs)
    pack = packs / "iso9001-2015.yaml"
    pack.write_text(pack.read_text(encoding="utf-8") + "\nnot: [closed\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(PackError, match=r"iso9001-2015\.yaml"):
            cached_library(["iso9001-2015"], tmp_path / "cache", "engine", pack_dir=packs)
    assert not (tmp_path / "cache" / LIBRARIES).exists()


@pytest.mark.parametrize("use_cache", [True, False])
def test_an_audit_uses_the_cache_only_when_it_is_on(tmp_path: Path, use_cache: bool) -> None:
    folder = tmp_path / "evidence"
    folder.mkdir()
    (folder / "quality-policy.md").write_text("# Quality policy\n\nWe commit to improvement.\n")
    cache = tmp_path / "cache"
    settings = AuditSettings(
        evidence_dir=folder,
        as_of=dt.date(2026, 11, 1),
        pack_ids=["iso9001-2015"],
        scan=ScanOptions(jobs=1, use_cache=use_cache, cache_dir=cache),
    )
    first = run_audit(settings)
    assert (cache / LIBRARIES).exists() == use_cache
    assert run_audit(settings) == first
