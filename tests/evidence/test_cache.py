"""The extraction cache: round trips keep dates as dates; a broken cache never breaks a scan."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
import zstandard

from imsaudit.core import background
from imsaudit.core.compress import compress
from imsaudit.evidence.cache import CACHE_FILE, ExtractionCache, dump_result, load_result
from imsaudit.evidence.model import ExtractResult, Property, Table, TextUnit, UnitRole


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


def test_an_entry_gives_its_tables_without_decoding_its_text() -> None:
    """What a re-audit asks of a register: its rows; the text part is not even decompressed."""
    result = _result().model_copy(update={"properties": (Property(name="title", value="Log", source="x"),)})
    payload = dump_result(result)
    assert load_result(payload) == result
    tables = load_result(payload, text=False)
    assert tables == result.model_copy(update={"units": (), "sections": (), "properties": ()})
    assert tables.tables == result.tables and tables.warnings == result.warnings
    # The text part is decoded only when asked for: a damaged one fails the whole load only.
    broken = payload[:-8] + bytes(8)
    assert load_result(broken, text=False) == tables
    with pytest.raises(zstandard.ZstdError):
        load_result(broken)
    # A register put back for a few rows to cite: the same tables, types kept, cells not shared.
    put_back = load_result(payload, text=False, shared=False)
    assert put_back == tables
    row = put_back.tables[0].rows[0]
    assert type(row[0]) is date and type(row[1]) is datetime and type(row[2]) is str


def test_get_put(tmp_path: Path) -> None:
    with ExtractionCache(tmp_path / "cache") as cache:
        assert cache.get("abc", "pdf/1", "k") is None
        cache.put("abc", "pdf/1", "k", _result())
        assert cache.get("abc", "pdf/1", "k") == _result()
        assert cache.get("abc", "pdf/2", "k") is None
        assert cache.get("abc", "pdf/1", "other") is None
        assert (cache.hits, cache.misses) == (1, 3)


def test_closing_later_commits_now_and_closes_in_a_thread(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path / "cache")
    cache.put("abc", "pdf/1", "k", _result())
    cache.close(later=True)
    assert not cache.enabled
    with ExtractionCache(tmp_path / "cache") as other:  # committed: another connection sees it
        assert other.get("abc", "pdf/1", "k") == _result()
    background.settle()
    assert not (tmp_path / "cache" / (CACHE_FILE + "-wal")).exists()  # the last close checkpointed


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


def _register(rows: int) -> ExtractResult:
    return ExtractResult(
        units=tuple(
            TextUnit(text=f"row {i}", locator=f"line {i}", section="Register > 2026") for i in range(rows)
        ),
        tables=(
            Table(
                name="t",
                locator="sheet t",
                header=("id", "status"),
                rows=tuple((f"R-{i}", "Op" + "en") for i in range(rows)),  # equal, not identical
                row_locators=tuple(f"sheet t row {i + 2}" for i in range(rows)),
            ),
        ),
    )


def test_decoded_entries_share_equal_cells_and_sections() -> None:
    """Ten thousand registers fit in memory because equal values are one object each."""
    again = load_result(dump_result(_register(3)))
    assert again == _register(3)
    statuses = [row[1] for row in again.tables[0].rows]
    assert statuses[0] is statuses[1] is statuses[2]
    assert again.units[0].section is again.units[2].section
    rows = ExtractResult(
        units=(TextUnit(text="R-1 | Open", locator="sheet t row 2"),),
        tables=(
            Table(name="t", locator="sheet t", rows=(("R-1", "Open"),), row_locators=("sheet t row 2",)),
        ),
    )
    decoded = load_result(dump_result(rows))
    assert decoded.units[0].locator is decoded.tables[0].row_locators[0]


def test_pickled_models_share_their_field_name_sets() -> None:
    """Pydantic's per-instance set of given fields is a third of a unit; pickled, it is shared."""
    import pickle

    again = pickle.loads(pickle.dumps(_register(3)))
    assert again == _register(3)
    sets = {id(u.__pydantic_fields_set__) for u in again.units}
    assert len(sets) == 1
    # Units travel as their values (TextUnit.__reduce__) and come back as equal, typed records.
    assert all(type(u.role) is UnitRole for u in again.units)
    assert again.units[1].model_dump() == _register(3).units[1].model_dump()
    assert pickle.loads(pickle.dumps(again)).model_dump_json() == _register(3).model_dump_json()


def test_documents_from_workers_share_equal_short_strings_across_documents() -> None:
    """Each worker pickle is its own copies; the main process keeps one string per short value."""
    import pickle

    long_text = "a description of what was done, long enough to be left unshared by design"
    first, second = (pickle.loads(pickle.dumps(_register(3))) for _ in range(2))
    assert first == second == _register(3)
    a, b = first.tables[0], second.tables[0]
    assert a.rows[0][1] is b.rows[0][1]  # a status
    assert a.row_locators[0] is b.row_locators[0]
    assert first.units[1].locator is second.units[1].locator
    assert first.units[0].section is second.units[0].section
    table = Table(name="t", locator="t", rows=((long_text + "",),), row_locators=("row 2",))
    one, two = (pickle.loads(pickle.dumps(table)) for _ in range(2))
    assert one == two == table
    assert one.rows[0][0] is not two.rows[0][0]  # long text is not interned
    assert type(one.rows[0]) is tuple


class _Smart(str):
    """A ``str`` subclass, as lxml gives: it cannot be interned, and must still travel."""


def test_string_subclasses_travel_between_processes_unshared() -> None:
    import pickle

    unit = TextUnit.model_construct(text="x", locator=_Smart("line 1"), section=_Smart("A"))
    table = Table.model_construct(
        name="t", locator="t", rows=((_Smart("x"),),), row_locators=(_Smart("row 2"),)
    )
    assert pickle.loads(pickle.dumps(unit)) == unit
    assert pickle.loads(pickle.dumps(table)) == table


def test_entries_of_another_format_are_misses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Entries are rows in field order, loaded unvalidated: one of another format must not load."""
    import json

    from imsaudit.evidence import cache as cache_module

    earlier = compress(json.dumps(_result().model_dump(mode="json")).encode())  # the first format
    with ExtractionCache(tmp_path / "cache") as cache:
        cache.put_payload("old", "pdf/1", "k", earlier)
        assert cache.get("old", "pdf/1", "k") is None
        cache.put("new", "pdf/1", "k", _result())
        assert cache.get("new", "pdf/1", "k") == _result()
        monkeypatch.setattr(cache_module, "FORMAT", "other fields")
        assert cache.get("new", "pdf/1", "k") is None
        assert (cache.hits, cache.misses) == (1, 2)
