"""The extraction cache: round trips keep dates as dates; a broken cache never breaks a scan."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from imsaudit.evidence.cache import ExtractionCache, dump_result, load_result
from imsaudit.evidence.model import ExtractResult, Table, TextUnit


def _result() -> ExtractResult:
    return ExtractResult(
        units=(TextUnit(text="Due 2026-02-14", locator="line 1"),),
        tables=(
            Table(
                name="t",
                locator="sheet t",
                header=("a", "b", "c", "d", "e"),
                rows=((date(2026, 2, 14), datetime(2026, 2, 14, 9, 0), "2026-02-14", 8, 1.5),),
                row_locators=("sheet t row 2",),
            ),
        ),
        warnings=("w",),
    )


def test_round_trip_keeps_types() -> None:
    result = _result()
    again = load_result(dump_result(result))
    assert again == result
    row = again.tables[0].rows[0]
    assert type(row[0]) is date and type(row[1]) is datetime and type(row[2]) is str


def test_get_put(tmp_path: Path) -> None:
    with ExtractionCache(tmp_path / "cache") as cache:
        assert cache.get("abc", "pdf/1", "k") is None
        cache.put("abc", "pdf/1", "k", _result())
        assert cache.get("abc", "pdf/1", "k") == _result()
        assert cache.get("abc", "pdf/2", "k") is None
        assert cache.get("abc", "pdf/1", "other") is None
        assert (cache.hits, cache.misses) == (1, 3)


def test_unusable_cache_dir_degrades_to_no_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    cache = ExtractionCache(blocker / "cache")
    assert not cache.enabled
    cache.put("a", "b", "c", _result())
    assert cache.get("a", "b", "c") is None


def test_corrupt_database_degrades_to_no_cache(tmp_path: Path) -> None:
    directory = tmp_path / "cache"
    directory.mkdir()
    from imsaudit.evidence.cache import CACHE_FILE

    (directory / CACHE_FILE).write_bytes(b"this is not sqlite" * 100)
    cache = ExtractionCache(directory)
    assert cache.get("a", "b", "c") is None
    cache.close()
