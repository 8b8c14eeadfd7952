"""The extraction cache: sqlite in the user cache dir, keyed by content and extractor version.

Re-scanning a folder where nothing changed should cost hashing only (~1 GB/s) instead
of parsing every PDF again (extraction-figures.md: ~360 docs/s cold, ~1 000 warm).
The key is the file's sha256 plus the extractor's name, version and options (limits,
OCR engine): a changed file, a new extractor version or other limits miss the cache.

The cache never breaks a scan: a cache that cannot be opened or written (read-only
home, corrupt database) logs a warning and the scan goes on without it. Only the main
process touches the database; workers encode and decode the entries.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any

from imsaudit.core.cachedir import remove_superseded
from imsaudit.core.compress import compress, decompress
from imsaudit.evidence.model import (
    ExtractResult,
    Property,
    Section,
    Table,
    TextUnit,
    UnitRole,
    table_of,
    trusted,
    unit_of,
)

logger = logging.getLogger(__name__)

CACHE_FILE = "extract-v2.sqlite"
"""A new name for a new entry format; the old one goes into ``core.cachedir.SUPERSEDED``."""
_SCHEMA = """
CREATE TABLE IF NOT EXISTS extraction (
    sha256 TEXT NOT NULL,
    extractor TEXT NOT NULL,
    options TEXT NOT NULL,
    payload BLOB NOT NULL,
    PRIMARY KEY (sha256, extractor, options)
)
"""


def default_cache_dir() -> Path:
    """``~/.cache/imsaudit`` on Linux, the platform's equivalent elsewhere."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("imsaudit", appauthor=False))


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    raise TypeError(f"cannot cache {type(value).__name__}")


def _decode(obj: dict[str, Any]) -> Any:
    if len(obj) == 1:
        if "$date" in obj:
            return date.fromisoformat(obj["$date"])
        if "$datetime" in obj:
            return datetime.fromisoformat(obj["$datetime"])
    return obj


_ROLES = tuple(UnitRole)
_ROLE_NUMBER = {role: number for number, role in enumerate(_ROLES)}
_SHAPES = (TextUnit, Section, Table, Property, ExtractResult)
_LAYOUT = "tables first, text apart"
FORMAT = hashlib.sha256(
    repr([_LAYOUT] + [(m.__name__, list(m.model_fields)) for m in _SHAPES] + [_ROLES]).encode()
).hexdigest()[:12]
"""The entry format: rows of values in field order, so any change of fields, roles or
layout is another format, whose entries no longer load (a miss) rather than load wrongly."""
_HEAD = 4
"""Bytes giving the length of an entry's first part."""


def dump_result(result: ExtractResult) -> bytes:
    """A result as two compressed JSON parts of rows (one list per record); dates are tagged.

    The first part holds the tables and the rest of the result, the second the text
    (units, sections, properties): a re-audit that needs only a register's rows
    (``load_result(text=False)``) then decodes half the entry (``scan.restore_text``).
    """
    tables = [
        FORMAT,
        [
            [t.name, t.locator, t.header, t.header_locator, t.rows, t.row_locators, t.truncated]
            for t in result.tables
        ],
        [
            result.pages,
            result.pages_without_text,
            result.ocr_pages,
            result.encoding,
            result.warnings,
            result.error,
        ],
    ]
    text = [
        [[u.text, u.locator, _ROLE_NUMBER[u.role], u.level, u.section] for u in result.units],
        [[s.title, s.level, s.path, s.locator, s.first_unit, s.end_unit] for s in result.sections],
        [[p.name, p.value, p.source] for p in result.properties],
    ]
    first, second = (_packed(part) for part in (tables, text))
    return len(first).to_bytes(_HEAD, "big") + first + second


def _packed(data: list[Any]) -> bytes:
    text = json.dumps(data, default=_encode, ensure_ascii=False, separators=(",", ":"))
    return compress(text.encode("utf-8"))


def _unpacked(payload: bytes) -> Any:
    return json.loads(decompress(payload), object_hook=_decode)


def load_result(payload: bytes, *, text: bool = True, shared: bool = True) -> ExtractResult:
    """The inverse of ``dump_result``; raises (a miss for the callers) on an entry of another format.

    Without ``text``, the result has the tables and no units, sections or properties,
    and the second part of the entry is not decoded.

    Equal short cell values, section paths and locators (a table row's is also its
    text unit's) come back as one shared string each (``model.shared``), as the
    extractors make them (``ResultBuilder``): JSON gives a copy per occurrence, which
    at 10,000 documents is hundreds of megabytes. Not with ``shared`` False: a register
    put back for a check to cite a few rows lives only as long as the evaluation, and
    sharing its cells was most of putting it back.
    """
    split = _HEAD + int.from_bytes(payload[:_HEAD], "big")
    shape, tables, rest = _unpacked(payload[_HEAD:split])
    if shape != FORMAT:
        raise ValueError(f"cache entry of format {shape!r}, not {FORMAT!r}")
    pages, pages_without_text, ocr_pages, encoding, warnings, error = rest
    fields: dict[str, Any] = {
        "units": (),
        "sections": (),
        "tables": tuple(table_of(*table, shared=shared) for table in tables),
        "properties": (),
        "pages": pages,
        "pages_without_text": tuple(pages_without_text),
        "ocr_pages": tuple(ocr_pages),
        "encoding": encoding,
        "warnings": tuple(warnings),
        "error": error,
    }
    if text:
        units, sections, properties = _unpacked(payload[split:])
        roles = _ROLES
        fields["units"] = tuple(
            unit_of(body, locator, roles[role], level, section)
            for body, locator, role, level, section in units
        )
        fields["sections"] = tuple(
            Section(
                title=title, level=level, path=tuple(path), locator=locator, first_unit=first, end_unit=end
            )
            for title, level, path, locator, first, end in sections
        )
        fields["properties"] = tuple(
            Property(name=name, value=value, source=source) for name, value, source in properties
        )
    return trusted(ExtractResult, fields, set(ExtractResult.model_fields))


class ExtractionCache:
    """Get and put extraction results; every failure degrades to a miss."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / CACHE_FILE
        self.hits = 0
        self.misses = 0
        self._db: sqlite3.Connection | None = None
        try:
            directory.mkdir(parents=True, exist_ok=True)
            remove_superseded(directory)
            # Used by one thread at a time; ``close(later=True)`` closes it in another.
            self._db = sqlite3.connect(self.path, timeout=10, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(_SCHEMA)
            self._db.commit()
        except (OSError, sqlite3.Error) as exc:
            logger.warning("extraction cache %s unavailable (%s); continuing without it", self.path, exc)
            self.close()

    @property
    def enabled(self) -> bool:
        """False when the cache could not be opened."""
        return self._db is not None

    def get(self, sha256: str, extractor: str, options: str) -> ExtractResult | None:
        """The cached result, or None (a miss, or an entry that no longer loads)."""
        payload = self.get_payload(sha256, extractor, options)
        if payload is None:
            return None
        try:
            result = load_result(payload)
        except Exception as exc:  # an entry from an incompatible build: treat as a miss
            logger.debug("stale cache entry for %s: %s", sha256, exc)
            self.hits -= 1
            self.misses += 1
            return None
        return result

    def get_payload(self, sha256: str, extractor: str, options: str) -> bytes | None:
        """The cached entry still encoded (``load_result`` decodes it, in a worker), or None."""
        if self._db is None:
            return None
        try:
            row = self._db.execute(
                "SELECT payload FROM extraction WHERE sha256=? AND extractor=? AND options=?",
                (sha256, extractor, options),
            ).fetchone()
        except sqlite3.Error as exc:
            logger.warning("extraction cache read failed (%s)", exc)
            row = None
        if row is None:
            self.misses += 1
            return None
        self.hits += 1
        return bytes(row[0])

    def put(self, sha256: str, extractor: str, options: str, result: ExtractResult) -> None:
        """Store a result (silently skipped when the cache is unavailable)."""
        if self._db is None:
            return
        try:
            payload = dump_result(result)
        except (TypeError, ValueError) as exc:
            logger.warning("extraction cache write failed (%s)", exc)
            return
        self.put_payload(sha256, extractor, options, payload)

    def put_payload(self, sha256: str, extractor: str, options: str, payload: bytes) -> None:
        """Store an entry encoded by ``dump_result`` (in a worker)."""
        if self._db is None:
            return
        try:
            self._db.execute(
                "INSERT OR REPLACE INTO extraction VALUES (?, ?, ?, ?)", (sha256, extractor, options, payload)
            )
        except sqlite3.Error as exc:
            logger.warning("extraction cache write failed (%s)", exc)

    def close(self, *, later: bool = False) -> None:
        """Commit and close; with ``later``, close in a thread (``core.background.in_thread``).

        Closing the last connection copies the write-ahead log into the database and
        flushes it to disk: after a re-audit's scan wrote a hundred entries, 0.1 s in
        which the processor has nothing to do. The commit is made here either way.
        """
        db, self._db = self._db, None
        if db is None:
            return
        with contextlib.suppress(sqlite3.Error):
            db.commit()
        if later:
            from imsaudit.core.background import in_thread

            in_thread(functools.partial(_close_quietly, db))
        else:
            _close_quietly(db)

    def __enter__(self) -> ExtractionCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _close_quietly(db: sqlite3.Connection) -> None:
    """Close ``db``; a failure leaves the entries committed, which is all a cache needs."""
    with contextlib.suppress(sqlite3.Error):
        db.close()
