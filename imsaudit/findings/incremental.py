"""Re-audit after a few files changed: read and judge again only what the change touches.

The audit memo (``memo.py``) answers when *nothing* changed. A quarterly re-audit
usually follows a handful of edits, and without this module one edited file meant
rebuilding and classifying every document and judging every requirement again
(issue 9: a minute at 10,000 documents where a few seconds are the target).

Two facts make the shortcut exact rather than approximate:

1. A document and its kinds depend only on its path, its bytes and the classifier
   (the kinds, organization.yaml's kind mappings), so an unchanged file is taken from
   the previous audit's ``AuditState`` as it was (``scan_folder(known=)``).
2. A leaf check reads nothing but the documents of the kinds it names
   (``CheckParams.kind_refs``), their classifications for those kinds, the audit date
   and the pack library (tests/findings/test_incremental.py checks this on every leaf
   of every bundled pack). So its result is stored under a key that digests exactly
   those (``CheckMemo.key``), and a leaf whose key is unchanged is not judged again.

A leaf to be judged again reads the documents of its kinds. The state keeps what the
phrase matcher found in each document it read (``PhraseMatcher.reading``) and, for its
audit date, the dates fresh checks read of it (``fresh.StoredDates``: a register's
latest row, without its rows). Each check type says what it needs of an unchanged
document beyond its register fields and those readings (``CheckType.needs_text``: a
phrase check needs nothing more when the reading is there; a metadata check never
does). A register check reads an unchanged register as kept (``Derived.keep``): its
tables' headers and what the previous audit read of their columns, its rows put back
only for one to cite. Only the documents some leaf needs whole are rebuilt (from the
extraction cache); every other one stays as the register shows it.

A state belongs to one folder, engine, library, set of kind mappings and extraction
options (``pipeline._state_key``); anything else is a miss and a full audit. The state
lives beside the extraction cache, never in the evidence folder, written atomically;
one that does not load is a miss.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Set
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from pydantic import BaseModel, ConfigDict, PrivateAttr, TypeAdapter

from imsaudit.checks._derived import Derived, StoredTable
from imsaudit.checks._evidence import HEADING, first_heading
from imsaudit.checks._matcher import Hit, PhraseMatcher, PhraseReading
from imsaudit.checks.base import CHECK_TYPES, PHRASES, TABLES, CheckParams
from imsaudit.checks.fresh import StoredDates, preload_dates, stored_dates
from imsaudit.core.results import CheckResult
from imsaudit.core.store import ModelStore
from imsaudit.evidence.classify import Classified
from imsaudit.evidence.model import Document, EvidenceIndex, UnitRole
from imsaudit.evidence.scan import Known

if TYPE_CHECKING:
    from imsaudit.packs.model import EvidenceKind

logger = logging.getLogger(__name__)

FOLDER = "states-v5"
"""A new name for a new layout; the old one goes into ``core.cachedir.SUPERSEDED``."""
KEEP = 8
"""States kept (one per folder and settings family), newest first."""
_NOTHING: frozenset[str] = frozenset()


class StoredReading(BaseModel):
    """A ``PhraseReading`` as a state keeps it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    units: dict[str, int]
    headings: dict[str, int]
    hits: dict[int, tuple[str, str, UnitRole]]
    """Unit index -> (text, locator, role)."""

    @classmethod
    def of(cls, reading: PhraseReading) -> StoredReading:
        hits = {index: (hit.text, hit.locator, hit.role) for index, hit in reading.hits.items()}
        return cls(units=dict(reading.units), headings=dict(reading.headings), hits=hits)

    def reading(self) -> PhraseReading:
        hits = {index: Hit(index, text, locator, role) for index, (text, locator, role) in self.hits.items()}
        return PhraseReading(self.units, self.headings, hits)

    @classmethod
    def decoded(cls, data: dict[str, Any]) -> StoredReading:
        """One from its JSON, parsed, at under half the cost of validating it (``phrase_reading``).

        A re-audit decodes the readings of the documents it cites. They come from a state
        written by this engine (its key names the engine) in a frame whose checksum was
        verified (``core.compress``). A reading of another shape still raises, as
        validating would.
        """
        hits = {
            int(index): (text, where, UnitRole(role)) for index, (text, where, role) in data["hits"].items()
        }
        return cls.model_construct(units=data["units"], headings=data["headings"], hits=hits)


_TABLES = TypeAdapter(tuple[StoredTable | None, ...])
"""What checks read of a document's tables (``Derived.stored_tables``), as ``StateEntry.tables`` holds it."""


def tables_json(tables: tuple[StoredTable | None, ...]) -> str:
    """What was read of a document's tables as ``StateEntry.tables`` keeps it (empty: no tables)."""
    return _TABLES.dump_json(tables).decode() if tables else ""


def stored_phrases(matcher: PhraseMatcher, reading: PhraseReading) -> tuple[str, tuple[str, str]]:
    """``reading`` as a state keeps it: ``StateEntry.phrases`` and ``StateEntry.masks``."""
    anywhere, in_headings = matcher.masks(reading)
    return StoredReading.of(reading).model_dump_json(), (f"{anywhere:x}", f"{in_headings:x}")


def phrase_reading(text: str) -> PhraseReading:
    """A ``StateEntry.phrases`` as the matcher takes it (``PhraseMatcher.preload_later``)."""
    return StoredReading.decoded(orjson.loads(text)).reading()


class StateEntry(BaseModel):
    """One document as the register shows it (no text, sections, properties, rows) and its kinds."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    document: Document
    classified: Classified
    dates: dict[str, StoredDates] = {}
    """What fresh checks read of its dates for the state's audit date (``fresh.stored_dates``)."""
    tables: str = ""
    """What checks read of its tables, as JSON (``_TABLES``; empty: it has none). A
    re-audit decodes those of the registers a leaf judged again reads and writes the
    others back as they are: decoding and encoding every one was most of reading and
    storing the state."""
    heading: str | None = None
    """Its first heading (``first_heading``), what names it when it has no title."""
    phrases: str = ""
    """What the phrase matcher found in it, a ``StoredReading`` as JSON (empty: it was not read)."""
    masks: tuple[str, str] = ("", "")
    """Which phrases it holds anywhere and in headings (``PhraseMatcher.masks``, hexadecimal).

    A phrase check judged again asks each document of its kinds which of its phrases it
    holds, and where only of the one it cites: the masks answer the first question, so
    a re-audit decodes ``phrases`` of that one alone. Their bits follow the library's
    phrases, which the state's key names."""


class AuditState(BaseModel):
    """What the next audit of the same folder can take over: documents, kinds, leaf results."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    as_of: dt.date | None = None
    """The audit date the documents' ``dates`` were read for."""
    documents: tuple[StateEntry, ...] = ()
    results: dict[str, CheckResult] = {}
    """``CheckMemo.key`` -> the leaf check's result."""
    _read: dict[str, tuple[StoredTable | None, ...]] = PrivateAttr(default_factory=dict)
    """Path -> what was read of its tables, decoded so far (``tables``)."""
    _lines: dict[str, bytes] = PrivateAttr(default_factory=dict)
    """Path -> the line its entry was read from (``StateStore``), to write back as it is."""

    @functools.cached_property
    def by_path(self) -> dict[str, StateEntry]:
        """Path -> its entry (a plain attribute once made: a private one is looked up the slow way)."""
        return {entry.document.path: entry for entry in self.documents}

    def entry(self, path: str) -> StateEntry | None:
        """The entry of the document at ``path``, or None."""
        return self.by_path.get(path)

    def tables(self, entry: StateEntry) -> tuple[StoredTable | None, ...]:
        """What was read of ``entry``'s tables (``StateEntry.tables``), decoded once."""
        path = entry.document.path
        found = self._read.get(path)
        if found is None:
            # orjson then validating the values: a quarter faster than validating the JSON text
            found = self._read[path] = (
                _TABLES.validate_python(orjson.loads(entry.tables)) if entry.tables else ()
            )
        return found

    def preload(self, matcher: PhraseMatcher, wanted: Set[str], as_of: dt.date) -> dict[str, set[str]]:
        """Give ``matcher`` the phrase readings of the ``wanted`` documents; what is held of each.

        ``wanted``: the unchanged documents a leaf judged again reads (``CheckMemo.read_again``).
        Path -> the names of the readings the state holds of it (``CheckType.needs_text``'s
        ``held``): ``PHRASES`` when the matcher now has its reading (loaded when a check
        needs more than its masks), the dates
        ``preload_dates`` will give back when the audit date is the state's, and
        ``TABLES`` and ``HEADING``: ``keep`` gives its tables (as kept) and its first heading.
        """
        held: dict[str, set[str]] = {}
        same_day = as_of == self.as_of
        for entry in self.documents:
            path = entry.document.path
            if path not in wanted:
                continue
            names = held[path] = set(entry.dates) if same_day else set()
            names.update((TABLES, HEADING))
            if entry.phrases:
                anywhere, in_headings = entry.masks
                masks = (int(anywhere, 16), int(in_headings, 16))
                matcher.preload_later(entry.document, masks, functools.partial(phrase_reading, entry.phrases))
                names.add(PHRASES)
        return held

    def preload_dates(self, derived: Derived, documents: Iterable[Document], as_of: dt.date) -> None:
        """Give ``derived`` the stored dates of ``documents`` (those of this audit's index).

        Only for the state's own audit date: a stored date is the newest on or before it.
        """
        if as_of != self.as_of:
            return
        for document in documents:
            entry = self.entry(document.path)
            if entry is not None and entry.dates:
                preload_dates(derived, document, entry.dates)

    def keep(
        self, derived: Derived, documents: Iterable[Document], restore: Callable[[Document], Document]
    ) -> None:
        """Give ``derived`` the tables (as kept) and first heading of ``documents`` (this state's, unread).

        A register check then reads an unchanged register from what the previous audit
        read of it, decoded when it first does (most registers no leaf judged again
        reads), and ``restore`` puts it back for what the state does not hold.
        """
        for document in documents:
            entry = self.entry(document.path)
            if entry is None:  # not this state's: its rows, put back, are all there is
                if document.tables:
                    derived.keep(document, tuple, restore)
                continue
            if document.tables:
                derived.keep(document, functools.partial(self.tables, entry), restore)
            derived.preload(document, HEADING, entry.heading)

    @staticmethod
    def after(
        documents: Iterable[Document],
        classified: Mapping[str, Classified],
        memo: CheckMemo,
        matcher: PhraseMatcher,
        derived: Derived,
        previous: AuditState | None = None,
    ) -> Iterator[bytes]:
        """What an audit leaves for the next (register fields, kinds, readings, leaf results), as JSON lines.

        In pieces, one document at a time: at 10,000 documents the whole state as
        objects and then as one string would add a hundred megabytes to the audit's peak.
        """
        as_of = dt.date.fromisoformat(memo.as_of)
        lines = previous._lines if previous is not None and previous.as_of == as_of else {}
        yield _Head(as_of=as_of).model_dump_json().encode() + b"\n"
        for document in documents:
            path = document.path
            before = previous.entry(path) if previous is not None else None
            if before is not None and before.document.sha256 != document.sha256:
                before = None
            # Kept without its text and nothing read of it beyond what the state gave:
            # its entry is the one read (for its dates, on the same audit date).
            kept = before is not None and not (
                document.units or any_rows(document) or derived.read_more(document)
            )
            if kept and (line := lines.get(path)) is not None:
                yield line + b"\n"
                continue
            reading = None if kept else matcher.reading(document)
            if reading is not None:
                phrases, masks = stored_phrases(matcher, reading)
            else:  # not read now: as the previous state kept it
                phrases, masks = (before.phrases, before.masks) if before is not None else ("", ("", ""))
            if kept and before is not None:
                tables, heading = before.tables, before.heading
            else:
                old = previous.tables(before) if previous is not None and before is not None else ()
                tables = tables_json(derived.stored_tables(document, old))
                heading = first_heading(document) if document.units or before is None else before.heading
            entry = StateEntry(
                document=register_fields(document),
                classified=classified[path],
                dates=stored_dates(derived, document, as_of),
                tables=tables,
                heading=heading,
                phrases=phrases,
                masks=masks,
            )
            yield _ENTRY.to_json(entry) + b"\n"
        yield b"{"
        for position, (key, result) in enumerate(memo.results.items()):
            yield b"%s%s:%s" % (b"," if position else b"", orjson.dumps(key), _RESULT.to_json(result))
        yield b"}"


def register_fields(document: Document) -> Document:
    """``document`` without what only checks read: what a state keeps of each document.

    Its tables stay, without their rows: a check reads where a register's columns are
    and how it is named from them, and its rows from what the state read of them
    (``Derived.keep``).
    """
    if not (document.units or document.sections or document.properties or any_rows(document)):
        return document
    tables = tuple(t.model_copy(update={"rows": (), "row_locators": ()}) for t in document.tables)
    return document.model_copy(update={"units": (), "sections": (), "tables": tables, "properties": ()})


def any_rows(document: Document) -> bool:
    """Whether a table of ``document`` has rows (what ``register_fields`` leaves out)."""
    return any(t.rows for t in document.tables)


class StateStore(ModelStore[AuditState]):
    """Audit states by key, as compressed JSON lines; every failure is a miss.

    The first line is ``{"as_of": ...}``, then one line per document (a ``StateEntry``),
    then the leaf results. An entry the next audit did not read goes back as the line
    it was read from: encoding 10,000 entries again was most of storing the state.
    """

    def __init__(self, cache_dir: Path) -> None:
        super().__init__(cache_dir / FOLDER, AuditState, KEEP)

    def parse(self, data: bytes) -> AuditState:
        state = StateLater(data).state()
        if state is None:
            raise ValueError("not an audit state")
        return state

    def get_later(self, key: str) -> StateLater | None:
        """The state for ``key`` to be made while a scan waits (``StateLater``), or None."""
        data = self.data(key)
        return StateLater(data) if data is not None else None


_PREFIX = re.compile(rb'\{"document":\{"path":("(?:[^"\\]|\\.)*"),"sha256":"([0-9a-f]{64})","size":(\d+),')
"""What starts an entry as ``model_dump_json`` writes it: its path, digest and size."""


class StateLater:
    """An ``AuditState`` made a slice at a time while a scan waits (``scan.KnownLater``).

    Which documents are unchanged is known at once from each entry's first fields
    (``_PREFIX``); the entries are validated while the scan's workers read the changed
    files, where validating them first (0.26 s at 10,000 documents) kept the scan
    waiting. Entries that do not validate, or do not match their first fields, make no
    state: the scan reads every file again and the audit is made from scratch, as when
    the state does not load.
    """

    SLICE = 200
    """Entries validated a step (about 6 ms): a worker's result never waits much longer."""

    def __init__(self, data: bytes) -> None:
        parts = data.split(b"\n")
        self._failed = len(parts) < 2  # not even a head and results: no state
        self._head, *lines, self._results = parts if not self._failed else [b"", b""]
        self._lines: list[bytes] = lines
        self._entries: list[StateEntry] = []
        self._state: AuditState | None = None
        self._hashes: dict[str, tuple[str, int]] = {}
        for line in self._lines:
            found = _PREFIX.match(line)
            if found is None:  # not as this engine writes: validated now, or no state
                self._hashes = {}
                while self.step():
                    pass
                if self._state is not None:
                    self._hashes = {
                        e.document.path: (e.document.sha256, e.document.size) for e in self._entries
                    }
                return
            path, sha256, size = found.groups()
            self._hashes[orjson.loads(path)] = (sha256.decode(), int(size))

    def same(self, path: str, sha256: str, size: int) -> bool:
        """Whether the state has ``path`` from these bytes."""
        return self._hashes.get(path) == (sha256, size)

    def step(self) -> bool:
        """Validate the next slice of entries; False once all are (or one is not an entry)."""
        if self._state is not None or self._failed:
            return False
        done = len(self._entries)
        try:
            self._entries += [
                StateEntry.model_validate_json(line) for line in self._lines[done : done + self.SLICE]
            ]
            if len(self._entries) < len(self._lines):
                return True
            self._state = self._made()
        except Exception as exc:  # a state of another shape: a miss
            logger.debug("audit state unusable: %s", exc)
            self._failed = True
            self._entries = []
        return False

    def _made(self) -> AuditState:
        hashes = self._hashes
        entries = self._entries
        if hashes and any(
            hashes.get(e.document.path) != (e.document.sha256, e.document.size) for e in entries
        ):
            raise ValueError("entries do not match their first fields")
        state = AuditState(
            as_of=_Head.model_validate_json(self._head).as_of,
            documents=tuple(entries),
            results=_RESULTS.validate_json(self._results),
        )
        state._lines.update(
            (entry.document.path, line) for entry, line in zip(entries, self._lines, strict=True)
        )
        return state

    def state(self) -> AuditState | None:
        """The state, all of it validated; None when it does not validate."""
        while self.step():
            pass
        return self._state

    def get(self, path: str) -> Known | None:
        """The document at ``path`` and its kinds, or None (no state after all)."""
        state = self._state if self._state is not None else self.state()
        entry = state.by_path.get(path) if state is not None else None
        return Known(entry.document, entry.classified) if entry is not None else None


class _Head(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    as_of: dt.date | None = None


_RESULTS = TypeAdapter(dict[str, CheckResult])
_ENTRY = StateEntry.__pydantic_serializer__
_RESULT = CheckResult.__pydantic_serializer__


class CheckMemo:
    """Leaf check results of the previous audit, looked up by what each leaf reads.

    ``run_check`` asks ``get`` before judging a leaf and gives the result to ``put``
    after; ``results`` is what this audit used or made, the next state's ``results``.
    """

    def __init__(self, index: EvidenceIndex, as_of: dt.date, previous: Mapping[str, CheckResult]) -> None:
        self.index = index
        self.as_of = as_of.isoformat()
        self.previous = previous
        self.results: dict[str, CheckResult] = {}
        self.judged = 0
        """Distinct leaves judged in this audit (the others were looked up)."""
        self._kinds: dict[str, bytes] = {}
        self._keys: dict[int, tuple[CheckParams, str]] = {}

    def _fingerprint(self, kind: str) -> bytes:
        """A digest of the documents of ``kind`` (templates too) and of why each is of it."""
        found = self._kinds.get(kind)
        if found is None:
            digest = hashlib.sha256(kind.encode())
            for document in self.index.documents_of(kind, include_templates=True):
                c = self.index.classification(document.path, kind)
                why = c.model_dump_json() if c is not None else ""
                digest.update(
                    f"{document.path}\0{document.sha256}\0{document.template.is_template}\0{why}\n".encode()
                )
            found = self._kinds[kind] = digest.digest()
        return found

    def key(self, params: CheckParams) -> str:
        """The leaf's parameters, the audit date, and the fingerprints of the kinds it reads."""
        entry = self._keys.get(id(params))
        if entry is None or entry[0] is not params:
            digest = hashlib.sha256(f"{params.model_dump_json()}\0{self.as_of}\0".encode())
            for kind in sorted(set(params.kind_refs())):
                digest.update(self._fingerprint(kind))
            entry = self._keys[id(params)] = (params, digest.hexdigest())
        return entry[1]

    def get(self, params: CheckParams) -> CheckResult | None:
        """The result of this leaf on the same evidence (this audit's or the previous), or None.

        Identical leaves of different requirements (a check shared by two packs) have
        one key, so they are judged once.
        """
        key = self.key(params)
        found = self.results.get(key)
        if found is None:
            found = self.previous.get(key)
            if found is not None:
                self.results[key] = found
        return found

    def put(self, params: CheckParams, result: CheckResult) -> None:
        """Remember a leaf just judged."""
        self.judged += 1
        self.results[self.key(params)] = result

    def read_again(self, leaves: Iterable[CheckParams], kept: Set[str]) -> set[str]:
        """The ``kept`` documents that a leaf to be judged again reads (those of its kinds).

        The others are read by no check of this audit: their readings stay in the state
        as they are (``StateEntry``).
        """
        found: set[str] = set()
        kinds = {kind for leaf in leaves if self.key(leaf) not in self.previous for kind in leaf.kind_refs()}
        for kind in kinds:
            found.update(
                d.path for d in self.index.documents_of(kind, include_templates=True) if d.path in kept
            )
        return found

    def to_rebuild(
        self,
        leaves: Iterable[CheckParams],
        textless: Set[str],
        held: Mapping[str, Set[str]],
        kinds: Mapping[str, EvidenceKind],
    ) -> set[str]:
        """Which of the ``textless`` documents a leaf to be judged again needs whole.

        Those of its kinds that its check type ``needs_text`` of, knowing which readings
        of each the state gives back (``held``, from ``AuditState.preload``). A register
        check needs none: it reads kept tables (``TABLES``), put back as it goes.
        """
        paths: set[str] = set()
        for leaf in leaves:
            if self.key(leaf) in self.previous:
                continue
            check = CHECK_TYPES.get(leaf.type)
            for kind in leaf.kind_refs():
                for document in self.index.documents_of(kind, include_templates=True):
                    path = document.path
                    if path not in textless or path in paths:
                        continue
                    if check.needs_text(leaf, document, held.get(path, _NOTHING), kinds):
                        paths.add(path)
        return paths
