"""ModelStore: what it stores comes back, the least recently used go first, failures are misses."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pydantic import BaseModel

from imsaudit.core.store import SUFFIX, ModelStore


class Entry(BaseModel):
    name: str
    size: int


class Other(BaseModel):
    count: int


def test_a_stored_model_comes_back_equal(tmp_path: Path) -> None:
    store = ModelStore(tmp_path / "store", Entry, keep=4)
    store.put("a", Entry(name="α", size=1))
    assert store.get("a") == Entry(name="α", size=1)
    assert store.get("b") is None


def test_the_least_recently_used_go_first(tmp_path: Path) -> None:
    store = ModelStore(tmp_path, Entry, keep=3)
    for age, key in enumerate("abc"):
        store.put(key, Entry(name=key, size=age))
        os.utime(tmp_path / f"{key}{SUFFIX}", ns=(age * 10**9, age * 10**9))
    assert store.get("a") is not None  # used: now the newest
    store.put("d", Entry(name="d", size=3))
    assert sorted(p.name[0] for p in tmp_path.iterdir()) == ["a", "c", "d"]


def test_a_damaged_or_foreign_entry_is_a_miss(tmp_path: Path) -> None:
    store = ModelStore(tmp_path, Entry, keep=2)
    (tmp_path / f"bad{SUFFIX}").write_bytes(b"not zstandard")
    assert store.get("bad") is None
    store.put("entry", Entry(name="x", size=1))
    assert ModelStore(tmp_path, Other, keep=2).get("entry") is None


def test_a_store_that_cannot_be_written_warns(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the store's folder should be")
    ModelStore(blocker / "store", Entry, keep=2).put("a", Entry(name="a", size=1))
    assert "not written" in caplog.text


def test_a_model_given_in_pieces_comes_back_whole(tmp_path: Path) -> None:
    store = ModelStore(tmp_path, Entry, keep=2)
    store.put_json("a", [b'{"name":', b'"pieces"', b',"size":', b"3}"])
    assert store.get("a") == Entry(name="pieces", size=3)
