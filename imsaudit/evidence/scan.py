"""The scanner: the only code that walks an evidence folder and reads its files.

``scan_folder`` lists every file (sorted, relative POSIX paths), hashes it, reads it with
the extractor for its format (from the cache when the same bytes were read before),
and returns ``Document`` records with normalized metadata and template markers. When
given a ``Classifier``, each document is classified as it is read (in the worker that
read it) and ``ScanResult.index`` gives the ``EvidenceIndex``; ``build_index`` does both.

Safety, because an evidence folder is someone else's files:

- nothing in the folder is ever written: files are opened read-only, the cache lives
  in the user cache dir and may not be put inside the folder;
- symlinks are followed only when they point inside the folder; a directory reached
  twice (a loop, or two links to one folder) is read once;
- only regular files are opened (never a FIFO or a device), each within the limits of
  ``Limits``; a file that cannot be read becomes one line of error on its document.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import logging
import os
import stat
import sys
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel, ConfigDict

from imsaudit.core.background import can_fork
from imsaudit.core.errors import InputError, Problem, UsageError
from imsaudit.evidence.cache import ExtractionCache, default_cache_dir, dump_result, load_result
from imsaudit.evidence.classify import Classified, Classifier
from imsaudit.evidence.extract import (
    EXTRACTORS,
    ExtractContext,
    Extractor,
    Limits,
    extractor_for,
    run_extractor,
)
from imsaudit.evidence.extract._ocr import OcrEngine, find_ocr
from imsaudit.evidence.extract.base import one_line
from imsaudit.evidence.metadata import extract_metadata
from imsaudit.evidence.model import Document, DocumentFormat, EvidenceIndex, ExtractResult
from imsaudit.evidence.organization import FILE_NAMES, Organization
from imsaudit.evidence.templates import detect_template
from imsaudit.packs.model import EvidenceKind

logger = logging.getLogger(__name__)
T = TypeVar("T")

_JUNK = frozenset({"thumbs.db", "desktop.ini", "icon\r"})
_UNSUPPORTED_HINTS = {
    "doc": "legacy Word 97-2003 document (.doc): not read; save it as .docx or PDF",
    "ppt": "legacy PowerPoint 97-2003 deck (.ppt): not read; save it as .pptx or PDF",
    "rtf": "RTF document: not read; save it as .docx or PDF",
    "msg": "Outlook message (.msg): not read; save it as PDF",
    "zip": "zip archive: not read; unpack it into the evidence folder",
    "7z": "7z archive: not read; unpack it into the evidence folder",
    "rar": "rar archive: not read; unpack it into the evidence folder",
}


class Skipped(BaseModel):
    """A folder entry that is not a document (hidden, a symlink out of the folder, a loop...)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    path: str
    reason: str


class ScanStats(BaseModel):
    """How the scan went: files read, cache hits, extractions run (not part of any report)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    files: int = 0
    cache_hits: int = 0
    extracted: int = 0
    reused: int = 0
    """Documents taken as they were from a previous scan (``known``): same path, same bytes."""
    jobs: int = 1


class ScanResult(BaseModel):
    """The documents of a folder, sorted by path, and the entries that were not documents."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    documents: tuple[Document, ...]
    skipped: tuple[Skipped, ...] = ()
    organization_file: str | None = None
    """Relative path of organization.yaml when the folder has one (it is not a document)."""
    ocr: str | None = None
    """The OCR engine used (tesseract version), or None."""
    stats: ScanStats = ScanStats()
    classified: dict[str, Classified] | None = None
    """Each document's kinds when the scan was given a classifier (``scan_folder``)."""
    reused: tuple[str, ...] = ()
    """Paths of the documents taken from ``scan_folder(known=)`` rather than read."""
    readings: dict[str, Any] = {}
    """Path -> what ``scan_folder(reader=)`` made of the document, for those it read."""

    def index(self, classifier: Classifier) -> EvidenceIndex:
        """The evidence index: the kinds found while scanning, or classified now if none were."""
        if self.classified is None:
            return classifier.index(self.documents, {d.path: classifier.document(d) for d in self.documents})
        return classifier.index(self.documents, self.classified)


@dataclass(frozen=True)
class Known:
    """A document as an earlier scan made it, with its kinds (``scan_folder(known=)``)."""

    document: Document
    classified: Classified


class KnownLater(Protocol):
    """Documents of an earlier scan, made while this one waits for its workers.

    A re-audit's state holds 10,000 documents; validating them took 0.26 s, and the
    scan of a hundred changed files left the main process idle for longer than that
    while its workers read them. Which files are unchanged is known at once from the
    paths, digests and sizes (``same``); the documents themselves are made a slice at a
    time (``step``) whenever no worker has a result to hand over.
    """

    def same(self, path: str, sha256: str, size: int) -> bool:
        """Whether ``path`` was scanned from these bytes (then ``get`` gives it, once made)."""
        ...

    def step(self) -> bool:
        """Make a slice of the documents; False once all are made (or they cannot be)."""
        ...

    def get(self, path: str) -> Known | None:
        """The document made for ``path``; None when it cannot be (read the file again)."""
        ...


class _KnownNow:
    """``KnownLater`` over documents already made."""

    def __init__(self, known: Mapping[str, Known]) -> None:
        self.known = known

    def same(self, path: str, sha256: str, size: int) -> bool:
        entry = self.known.get(path)
        return entry is not None and (entry.document.sha256, entry.document.size) == (sha256, size)

    def step(self) -> bool:
        return False

    def get(self, path: str) -> Known | None:
        return self.known.get(path)


@dataclass(frozen=True)
class ScanProgress:
    """Reported after each document, for a progress bar (the library prints nothing)."""

    done: int
    total: int
    path: str


@dataclass(frozen=True)
class ScanOptions:
    """How to scan: parallelism, cache, limits, OCR."""

    jobs: int | None = None
    """Worker processes for heavy formats; None: one per core; 1: everything in-process."""
    use_cache: bool = True
    cache_dir: Path | None = None
    """None: the user cache dir (``default_cache_dir``)."""
    limits: Limits = field(default_factory=Limits)
    ocr: bool = True
    """Use tesseract when it is installed."""
    ocr_languages: str = "eng"


@dataclass
class _File:
    path: str
    real: str
    """Where to open it: a string, since a path object per file was 34 ms of the 74 ms walk of 10,000."""
    size: int = 0


@dataclass(frozen=True)
class _Job:
    """One document to make: read from its bytes, or loaded from its cache entry."""

    index: int
    path: str
    sha256: str
    size: int
    extractor: str
    """The extractor's registry name (looked up again in the worker)."""
    data: bytes
    context: ExtractContext
    options: str
    """The cache key's options part (limits, OCR engine)."""
    cached: bytes | None = None
    """The cache entry to load instead of extracting (extracted after all if it no longer loads)."""


@dataclass(frozen=True)
class Reader:
    """A reading of each document of some kinds, made by the worker that has its text in hand.

    A later stage that reads every document of its kinds, each on its own (the checks'
    phrase matcher), would do it after the scan, in the main process alone; the scan's
    workers make it in parallel as they classify, and ``ScanResult.readings`` hands it
    on. ``read`` is sent to each worker once, so it must pickle.
    """

    kinds: frozenset[str]
    """A document of any of these kinds is read (documents of no kind never are)."""
    read: Callable[[Document], object]


@dataclass(frozen=True)
class _Made:
    """A job's outcome: the document, its kinds, a fresh cache entry to store, a reading."""

    document: Document
    classified: Classified | None = None
    payload: bytes | None = None
    """The extraction, encoded for the cache; None when it came from the cache."""
    reading: object = None
    """What the scan's ``Reader`` made of the document, if it is of the reader's kinds."""


_WORKER_CLASSIFIER: Classifier | None = None
_WORKER_CACHES = False
_WORKER_READER: Reader | None = None


def _init_worker(classifier: Classifier | None, caches: bool, reader: Reader | None = None) -> None:
    """Runs once in each worker: the compiled kinds rules, sent once instead of per file.

    A forked worker inherits the audit's paused collector (``pipeline._collector_aside``):
    it is turned back on, after freezing what the worker inherited, so that collections
    never walk (and so copy) the parent's pages.
    """
    global _WORKER_CLASSIFIER, _WORKER_CACHES, _WORKER_READER
    gc.freeze()
    gc.enable()
    _WORKER_CLASSIFIER = classifier
    _WORKER_CACHES = caches
    _WORKER_READER = reader


def _make_in_worker(job: _Job) -> _Made:
    return _make(job, _WORKER_CLASSIFIER, _WORKER_CACHES, _WORKER_READER)


def _make(job: _Job, classifier: Classifier | None, caches: bool, reader: Reader | None = None) -> _Made:
    """Everything one document needs, in whichever process runs it.

    Extraction (or loading the cache entry), metadata, template markers and the kinds
    depend on this file alone, so they run in the workers, in parallel; the main process
    only reads, hashes and stores. A document of no kind comes back without its text
    (``_register_only``): nothing judges it, and ten thousand of them would not fit.
    """
    extractor = EXTRACTORS.get(job.extractor)
    result: ExtractResult | None = None
    payload = None
    if job.cached is not None:
        try:
            result = load_result(job.cached)
        except Exception:  # an entry from an incompatible build: read the file again
            logger.debug("stale cache entry for %s", job.path, exc_info=True)
    if result is None:
        result = run_extractor(extractor, job.data, job.context)
        if caches:
            try:
                payload = dump_result(result)
            except (TypeError, ValueError) as exc:
                logger.warning("extraction of %s cannot be cached (%s)", job.path, exc)
    return _complete(job, result, classifier, payload, reader)


def _complete(
    job: _Job,
    result: ExtractResult,
    classifier: Classifier | None,
    payload: bytes | None = None,
    reader: Reader | None = None,
) -> _Made:
    extractor = EXTRACTORS.get(job.extractor)
    document = _document(job.path, job.sha256, job.size, extractor, result)
    if classifier is None:
        return _Made(document, None, payload)
    classified = classifier.document(document)
    if not classified.classifications:
        return _Made(_register_only(document), classified, payload)
    reading = None
    if reader is not None and not reader.kinds.isdisjoint(c.kind for c in classified.classifications):
        reading = reader.read(document)
    return _Made(document, classified, payload, reading)


def _register_only(document: Document) -> Document:
    """The document without its text, sections and tables: what the evidence register shows."""
    return document.model_copy(update={"units": (), "sections": (), "tables": ()})


def default_jobs() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# --------------------------------------------------------------------------- walking


def walk_folder(root: Path) -> tuple[list[_File], list[Skipped]]:
    """Files under ``root`` in path order, and what was skipped (and why).

    Symlinks are followed only into ``root``; each directory is entered once (by device
    and inode), so a symlink loop ends; only regular files are listed.
    """
    root_real = Path(os.path.realpath(root))
    files: list[_File] = []
    skipped: list[Skipped] = []
    seen_dirs: dict[tuple[int, int], str] = {}
    top = root_real.stat()
    seen_dirs[(top.st_dev, top.st_ino)] = "."
    stack: list[tuple[str, str]] = [(str(root_real), "")]
    while stack:
        directory, rel = stack.pop()
        try:
            with os.scandir(directory) as iterator:
                entries = sorted(iterator, key=lambda e: e.name)
        except OSError as exc:
            skipped.append(Skipped(path=rel or ".", reason=f"cannot list folder: {exc.strerror}"))
            continue
        subdirs: list[tuple[str, str]] = []
        for entry in entries:
            path = f"{rel}/{entry.name}" if rel else entry.name
            reason = _skip_reason(entry.name, rel)
            if reason:
                skipped.append(Skipped(path=path, reason=reason))
                continue
            try:
                if entry.is_symlink():
                    target = Path(os.path.realpath(entry.path))
                    if not _inside(target, root_real):
                        skipped.append(
                            Skipped(path=path, reason="symlink to outside the evidence folder: not followed")
                        )
                        continue
                    info = target.stat()
                    real = str(target)
                else:
                    real = entry.path
                    info = entry.stat(follow_symlinks=False)
            except FileNotFoundError:
                skipped.append(Skipped(path=path, reason="broken symlink"))
                continue
            except OSError as exc:
                skipped.append(Skipped(path=path, reason=f"cannot stat: {exc.strerror}"))
                continue
            if stat.S_ISDIR(info.st_mode):
                key = (info.st_dev, info.st_ino)
                if key in seen_dirs:
                    skipped.append(
                        Skipped(
                            path=path,
                            reason=f"folder already scanned as {seen_dirs[key]!r}"
                            " (symlink loop or duplicate link)",
                        )
                    )
                    continue
                seen_dirs[key] = path
                subdirs.append((real, path))
            elif stat.S_ISREG(info.st_mode):
                files.append(_File(path=path, real=real, size=info.st_size))
            else:
                skipped.append(Skipped(path=path, reason="not a regular file"))
        stack.extend(reversed(subdirs))
    files.sort(key=lambda f: f.path)
    skipped.sort(key=lambda s: s.path)
    return files, skipped


def _skip_reason(name: str, rel: str) -> str | None:
    lower = name.lower()
    if not rel and lower in FILE_NAMES:
        return "organization profile (settings, not evidence)"
    if name.startswith("~$") or name.startswith(".~lock."):
        return "office lock file"
    if name.startswith("."):
        return "hidden"
    if lower in _JUNK:
        return "system file"
    return None


def _inside(target: Path, root: Path) -> bool:
    return target == root or target.is_relative_to(root)


# --------------------------------------------------------------------------- reading


def _read(file: _File, limits: Limits) -> tuple[bytes | None, str, int, str | None]:
    """(bytes or None when too big, sha256, size, error). Opened read-only, never a FIFO."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    flags |= getattr(os, "O_BINARY", 0)
    digest = hashlib.sha256()
    try:
        descriptor = os.open(file.real, flags)
    except OSError as exc:
        return None, digest.hexdigest(), 0, f"cannot open: {exc.strerror}"
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            return None, digest.hexdigest(), 0, "not a regular file"
        if info.st_size > limits.max_file_bytes:
            size = 0
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
                size += len(chunk)
            return (
                None,
                digest.hexdigest(),
                size,
                f"file is {size:,} bytes, over the {limits.max_file_bytes:,} byte limit: not read",
            )
        try:
            data = handle.read()
        except OSError as exc:
            return None, digest.hexdigest(), 0, f"cannot read: {exc.strerror}"
    digest.update(data)
    return data, digest.hexdigest(), len(data), None


def _options_key(extractor: Extractor, limits: Limits, ocr: OcrEngine | None, path: str) -> str:
    """The cache key's part besides the bytes and extractor: all else the extraction depends on.

    Limits and the OCR engine; the extension, which chooses among an extractor's ways of
    reading (a ``.tsv`` is split on tabs, whatever its bytes); and for an extractor whose
    result names the file, the name (two copies of one CSV are two tables of two names).
    """
    name = path.rsplit("/", 1)[-1]
    key = limits.fingerprint()
    key += f";name={name}" if extractor.names_file else f";ext={ExtractContext(path=name).extension}"
    if extractor.uses_ocr:
        key += f";ocr={ocr.fingerprint if ocr else 'none'}"
    return key


def pool_context() -> BaseContext:
    """How worker processes start: forked where that is safe, spawned elsewhere.

    A forked worker starts in milliseconds with the engine imported and the rules
    compiled; a spawned one imports and compiles them again, about 0.35 s each, which
    made a re-audit read a hundred changed files slower in workers than without them.
    Measured on the 10,000-document corpus, a 1 % re-audit read its files in 0.72-0.84 s
    forked against 1.13-1.15 s in-process. Forking is safe only where
    ``core.background.can_fork`` says so.
    """
    return get_context("fork" if can_fork() else "spawn")


def _run_isolated(
    job: _Job, classifier: Classifier | None, caches: bool, reader: Reader | None, context: BaseContext
) -> _Made:
    """Re-run one job alone after a worker crashed, to tell which file did it."""
    try:
        with ProcessPoolExecutor(
            1,
            mp_context=context,
            initializer=_init_worker,
            initargs=(classifier, caches, reader),
        ) as pool:
            return pool.submit(_make_in_worker, job).result()
    except BrokenProcessPool:
        error = f"the {job.extractor} reader crashed on this file: not read"
    except Exception as exc:
        error = one_line(f"could not read (worker failed: {exc})")
    return _complete(job, ExtractResult(error=error), classifier)


POOL_MIN_BYTES = 32 * 1024
"""Files of light formats at least this big are worth starting worker processes for."""
REREAD_POOL_MIN = 200
"""Changed files a re-audit reads in spawned worker processes at the least; fewer are read here.

Two spawned workers take about 0.7 s to start (each imports the engine and takes the
rules); measured on the 10,000-document corpus: 100 changed files 1.2 s here against
1.5 s with workers, 300 files 2.9 s against 2.6 s, 1,000 files 9.6 s against 6.5 s.
Forked workers (``pool_context``) start at once: a re-audit uses them as a cold scan does."""
WINDOW_PER_JOB = 8
"""Jobs in flight per worker: bounds the bytes held in memory, keeps workers busy."""
GIVE_UP_AFTER = 3
"""Broken pools (or crashed files re-read alone, in a row) before reading in-process."""


def _worth_a_worker(extractor: Extractor, size: int) -> bool:
    """PDF, Office files and images always; text formats only when big."""
    return extractor.heavy or size >= POOL_MIN_BYTES


def _release_feeder(pool: ProcessPoolExecutor) -> None:
    """Let a broken pool's queue feeder thread end, so that this process can exit.

    A worker that dies while a job bigger than the pipe is being sent to it leaves the
    feeder thread blocked in that write, and the pool's manager thread waits for the
    feeder forever: the scan finishes, but the interpreter hangs at exit. CPython fixed
    it in 3.11.5 (gh-94777) by closing the parent's end of the call queue, which only
    the workers read, when the pool breaks; this does the same on older versions (the
    Python 3.11.2 of Debian 12). Never on newer ones: two threads closing the same
    connection could close a descriptor reused in between.
    """
    if sys.version_info >= (3, 11, 5):
        return
    reader = getattr(getattr(pool, "_call_queue", None), "_reader", None)
    if reader is not None:
        with contextlib.suppress(OSError):
            reader.close()


class _Runner:
    """Runs jobs in this process or in a window of worker processes, as results come.

    A folder of a few small Markdown and CSV files costs less to read here than to start
    workers for (extraction-figures.md); once a folder has enough work for workers, every
    job goes to them, so this process only reads, hashes and stores. At most ``jobs *
    WINDOW_PER_JOB`` jobs are in flight, so a folder of large files is never all in
    memory. Results are taken as they finish, not in the order the jobs were sent: a
    scanned PDF takes seconds of OCR, and waiting for it first left the other workers
    idle once they had done the rest of the window. A worker that dies (a fault in a C
    library) breaks the pool: the jobs in flight are re-run one by one in a fresh
    process, which names the culprit, and a new pool takes the rest. If pools keep
    breaking, the rest is read in this process.
    """

    def __init__(
        self,
        jobs: int,
        use_pool: bool,
        classifier: Classifier | None,
        caches: bool,
        on_done: Callable[[_Job, _Made], None],
        reader: Reader | None = None,
        context: BaseContext | None = None,
        idle: Callable[[], bool] | None = None,
    ) -> None:
        self.context = context or pool_context()
        self.idle = idle
        """Work to do a slice of while no result is ready; returns False when there is no more."""
        self.jobs = jobs
        self.use_pool = use_pool
        self.classifier = classifier
        self.caches = caches
        self.reader = reader
        self.on_done = on_done
        self.pool: ProcessPoolExecutor | None = None
        self.window: dict[Future[_Made], tuple[_Job, ProcessPoolExecutor]] = {}
        self.crashed: list[_Job] = []
        self.broken = 0

    def submit(self, job: _Job) -> None:
        """Run one job now (in-process) or hand it to the pool."""
        if not self.use_pool or self.broken >= GIVE_UP_AFTER:
            self.on_done(job, _make(job, self.classifier, self.caches, self.reader))
            return
        if self.pool is None:
            self.pool = ProcessPoolExecutor(
                self.jobs,
                mp_context=self.context,
                initializer=_init_worker,
                initargs=(self.classifier, self.caches, self.reader),
            )
        try:
            future = self.pool.submit(_make_in_worker, job)
        except BrokenProcessPool:
            self._broke(self.pool)
            self.submit(job)
            return
        self.window[future] = (job, self.pool)
        while len(self.window) > self.jobs * WINDOW_PER_JOB:
            self._collect()

    def _collect(self) -> None:
        """Hand on the jobs that have finished, waiting for the first when none has (``idle`` first)."""
        done: set[Future[_Made]] = set()
        while self.idle is not None and not done:
            done, _ = wait(self.window, timeout=0, return_when=FIRST_COMPLETED)
            if not done and not self.idle():
                self.idle = None
        if not done:
            done, _ = wait(self.window, return_when=FIRST_COMPLETED)
        for future in sorted(done, key=lambda f: self.window[f][0].index):
            job, pool = self.window.pop(future)
            try:
                made = future.result()
            except BrokenProcessPool:
                self.crashed.append(job)
                self._broke(pool)
                continue
            except Exception as exc:  # the worker failed outside the extractor's own guard
                logger.debug("worker failed on %s", job.path, exc_info=True)
                error = one_line(f"could not read (worker failed: {exc})")
                made = _complete(job, ExtractResult(error=error), self.classifier)
            self.on_done(job, made)

    def _broke(self, pool: ProcessPoolExecutor) -> None:
        _release_feeder(pool)
        if pool is self.pool:
            pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None
            self.broken += 1

    def finish(self) -> None:
        """Wait for the pool, then re-run crashed jobs alone."""
        while self.window:
            self._collect()
        if self.pool is not None:
            self.pool.shutdown(wait=True)
            self.pool = None
        in_a_row = 0
        for job in self.crashed:
            if in_a_row >= GIVE_UP_AFTER:  # worker processes cannot run here: not the files
                self.on_done(job, _make(job, self.classifier, self.caches, self.reader))
                continue
            logger.warning("a worker crashed; re-reading %s alone", job.path)
            made = _run_isolated(job, self.classifier, self.caches, self.reader, self.context)
            error = made.document.error
            in_a_row = in_a_row + 1 if error and "crashed" in error else 0
            self.on_done(job, made)


# --------------------------------------------------------------------------- folder digest


def _checked_root(root: Path) -> Path:
    root = Path(root)
    if not root.exists():
        raise UsageError(f"{root}: no such folder")
    if not root.is_dir():
        raise UsageError(f"{root}: not a folder")
    return root


def cache_dir_for(root: Path, options: ScanOptions) -> Path:
    """The cache dir of a scan of ``root``; ``UsageError`` when it is inside the folder."""
    cache_dir = options.cache_dir or default_cache_dir()
    if _inside(Path(os.path.realpath(cache_dir)), Path(os.path.realpath(root))):
        raise UsageError(
            f"{cache_dir}: the cache dir must not be inside the evidence folder (it is never written)"
        )
    return cache_dir


@dataclass(frozen=True)
class FolderHashes:
    """One pass over a folder: every file's sha256, size and read error, and what was skipped.

    ``hash_folder`` makes it; ``scan_folder(hashed=)`` takes it, so an audit that hashed
    the folder for its memo key does not hash every file a second time.
    """

    files: tuple[_File, ...]
    hashes: tuple[tuple[str, int, str | None], ...]
    """(sha256, size, error) of each of ``files``, as ``_read`` gives them."""
    skipped: tuple[Skipped, ...]
    ocr: OcrEngine | None
    digest: str
    """A sha256 of all of the above and the options that change what is extracted."""


_HASH_BATCH = 256
"""Files a hashing thread takes at a time (small enough to share the work out evenly)."""


def hash_folder(root: Path, options: ScanOptions | None = None) -> FolderHashes:
    """Hash every file of ``root`` (threads share the work: hashlib releases the GIL).

    The digest covers each entry's path and content, what was skipped and why, and the
    options that change what is extracted (limits, OCR). Two folders with the same
    digest scan to the same documents, so an audit of an unchanged folder can be looked
    up (``AuditMemo``) at the cost of hashing the files.
    """
    from concurrent.futures import ThreadPoolExecutor

    options = options or ScanOptions()
    root = _checked_root(root)
    files, skipped = walk_folder(root)
    ocr = find_ocr(options.ocr_languages) if options.ocr else None
    digest = hashlib.sha256()
    digest.update(f"limits {options.limits.fingerprint()}\nocr {ocr.fingerprint if ocr else None}\n".encode())
    limits = options.limits

    def some(part: Sequence[_File]) -> list[tuple[str, int, str | None]]:
        return [_read(file, limits)[1:] for file in part]

    # A thread per batch of files, not per file: a future per file cost more than
    # hashing (10,000 files: 1.0 s against 0.4 s).
    jobs = max(1, options.jobs if options.jobs is not None else default_jobs())
    step = max(1, min(_HASH_BATCH, -(-len(files) // jobs)))
    with ThreadPoolExecutor(jobs) as pool:
        batches = pool.map(some, [files[i : i + step] for i in range(0, len(files), step)])
        hashes = tuple(found for batch in batches for found in batch)
    for file, (sha256, size, error) in zip(files, hashes, strict=True):
        digest.update(f"file {file.path!r} {sha256} {size} {error}\n".encode())
    for entry in skipped:
        digest.update(f"skipped {entry.path!r} {entry.reason}\n".encode())
    return FolderHashes(tuple(files), hashes, tuple(skipped), ocr, digest.hexdigest())


# --------------------------------------------------------------------------- scan


def scan_folder(
    root: Path,
    options: ScanOptions | None = None,
    *,
    progress: Callable[[ScanProgress], None] | None = None,
    classifier: Classifier | None = None,
    hashed: FolderHashes | None = None,
    known: Mapping[str, Known] | KnownLater | None = None,
    only: Collection[str] | None = None,
    reader: Reader | None = None,
) -> ScanResult:
    """Read every file of an evidence folder into ``Document`` records, sorted by path.

    With a ``classifier``, each document is classified as it is read (in the workers)
    and ``ScanResult.classified`` holds the outcome; documents of no kind then keep
    only what the evidence register shows (``_register_only``). ``index`` turns the
    result into the ``EvidenceIndex``.

    With a ``reader`` too, each document of its kinds is read by it where it was
    classified (``Reader``); ``ScanResult.readings`` holds what it made of each.

    For a re-audit (``findings.incremental``): ``hashed`` is the folder as
    ``hash_folder`` already read it (its files are not hashed again); a file whose
    path, sha256 and size match an entry of ``known`` is taken from it as it is (with
    its kinds) instead of being read; ``only`` limits the scan to those paths. ``known``
    may be made while the workers read the changed files (``KnownLater``).

    Raises ``UsageError`` only when the folder itself cannot be scanned (missing, not a
    folder, or a cache dir inside it); every per-file problem is data on its document.
    """
    options = options or ScanOptions()
    root = _checked_root(root)
    cache_dir = cache_dir_for(root, options) if options.use_cache else None
    limits = options.limits
    if hashed is not None:
        ocr = hashed.ocr
        files, skipped = list(hashed.files), list(hashed.skipped)
    else:
        ocr = find_ocr(options.ocr_languages) if options.ocr else None
        files, skipped = walk_folder(root)
    later: KnownLater = _KnownNow(known or {}) if known is None or isinstance(known, Mapping) else known
    deferred: list[int] = []
    """Files of ``later`` documents, put in place once they are made."""
    organization_file = next((s.path for s in skipped if s.reason.startswith("organization profile")), None)
    jobs = options.jobs if options.jobs is not None else default_jobs()
    documents: list[Document | None] = [None] * len(files)
    classified: dict[str, Classified] = {}
    readings: dict[str, Any] = {}
    done = 0
    hits = 0
    extracted = 0
    reused: list[str] = []
    candidates = 0
    chosen: list[tuple[int, bool]] = []
    """(file index, whether its document is known: its bytes unchanged, as a hashed folder says now)."""
    for index, file in enumerate(files):
        if only is not None and file.path not in only:
            continue
        found = extractor_for(file.path)
        kept = hashed is not None and later.same(file.path, *hashed.hashes[index][:2])
        chosen.append((index, kept))
        candidates += bool(found and _worth_a_worker(found[0], file.size) and not kept)
    total = len(chosen)

    def report(path: str) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(ScanProgress(done=done, total=total, path=path))

    def take(index: int) -> None:
        """Take the known document of file ``index``, once it is made."""
        deferred.append(index)
        report(files[index].path)

    cache = ExtractionCache(cache_dir) if cache_dir is not None else None
    caches = cache is not None and cache.enabled
    runner: _Runner | None = None
    try:

        def finish(job: _Job, made: _Made) -> None:
            if cache is not None and made.payload is not None:
                cache.put_payload(job.sha256, EXTRACTORS.get(job.extractor).label, job.options, made.payload)
            documents[job.index] = made.document
            if made.classified is not None:
                classified[job.path] = made.classified
            if made.reading is not None:
                readings[job.path] = made.reading
            report(job.path)

        starts = pool_context()
        spawns = starts.get_start_method() == "spawn"
        enough = candidates >= (REREAD_POOL_MIN if known and spawns else 2)
        runner = _Runner(jobs, jobs > 1 and enough, classifier, caches, finish, reader, starts, later.step)

        def read(index: int, file: _File) -> None:
            """Read file ``index`` and make its document: here for an error, else in a job."""
            nonlocal hits, extracted
            found = extractor_for(file.path)
            data, sha256, size, error = _read(file, limits)
            if later.same(file.path, sha256, size):
                take(index)
                return
            fmt = found[1] if found else DocumentFormat.OTHER
            if error is None and size == 0:
                error = "empty file"
            if error is None and found is None:
                error = _unsupported(file.path)
            if error is not None or data is None or found is None:
                document = Document(path=file.path, sha256=sha256, size=size, format=fmt, error=error)
                documents[index] = document
                if classifier is not None:
                    classified[file.path] = classifier.document(document)
                report(file.path)
                return
            extractor = found[0]
            options_key = _options_key(extractor, limits, ocr, file.path)
            cached = cache.get_payload(sha256, extractor.label, options_key) if cache is not None else None
            if cached is not None:
                hits += 1
            else:
                extracted += 1
            context = ExtractContext(path=file.path, limits=limits, ocr=ocr if extractor.uses_ocr else None)
            runner.submit(
                _Job(index, file.path, sha256, size, extractor.name, data, context, options_key, cached)
            )

        for index, kept in chosen:
            if kept:  # known bytes need no reading at all when the folder was hashed already
                take(index)
            else:
                read(index, files[index])
        while later.step():  # what the workers left no time for
            pass
        for index in deferred:
            entry = later.get(files[index].path)
            if entry is None:  # the known documents could not be made after all: read it
                done -= 1
                later = _KnownNow({})
                read(index, files[index])
                continue
            documents[index] = entry.document
            classified[entry.document.path] = entry.classified
            reused.append(entry.document.path)
        runner.finish()
    finally:
        if runner is not None and runner.pool is not None:
            runner.pool.shutdown(wait=False, cancel_futures=True)
        if cache is not None:
            cache.close(later=True)  # its entries are committed; flushing them waits on the disk
    result_documents = tuple(d for d in documents if d is not None)
    return ScanResult(
        documents=result_documents,
        skipped=tuple(skipped),
        organization_file=organization_file,
        ocr=ocr.version if ocr else None,
        stats=ScanStats(files=total, cache_hits=hits, extracted=extracted, reused=len(reused), jobs=jobs),
        classified=_in_order(classified, result_documents) if classifier is not None else None,
        reused=tuple(reused),
        readings=_in_order(readings, result_documents),
    )


def _in_order(by_path: Mapping[str, T], documents: Sequence[Document]) -> dict[str, T]:
    """``by_path`` in the documents' (path) order, whatever order the workers finished in."""
    return {d.path: by_path[d.path] for d in documents if d.path in by_path}


def restore_text(
    root: Path, options: ScanOptions | None, documents: Iterable[Document], ocr: OcrEngine | None
) -> dict[str, Document]:
    """Documents kept without their text (a re-audit's state), whole again from the extraction cache.

    What the state kept of each (metadata, template markers) was made from the same
    extraction: same bytes, extractor, limits and OCR engine, which the state's key and
    the cache's key both name. So the units, sections, tables and properties are put
    back as the cache holds them, without reading the file, normalizing or classifying
    it again. A document whose entry is gone, or no longer loads, is left out: the
    caller reads it again (``scan_folder(only=)``). A document that was never read (an
    error) has no text to restore and comes back as it is.
    """
    options = options or ScanOptions()
    restored: dict[str, Document] = {}
    cache_dir = cache_dir_for(_checked_root(root), options) if options.use_cache else None
    if cache_dir is None:
        return restored
    with ExtractionCache(cache_dir) as cache:
        for document in documents:
            found = _restored(cache, options, ocr, document, whole=True)
            if found is not None:
                restored[document.path] = found
    return restored


def _restored(
    cache: ExtractionCache, options: ScanOptions, ocr: OcrEngine | None, document: Document, *, whole: bool
) -> Document | None:
    """``document`` with what the cache holds of it (without ``whole``: its tables alone), or None."""
    if document.error is not None:
        return document
    found = extractor_for(document.path)
    if found is None or found[0].label != document.extractor:
        return None
    key = _options_key(found[0], options.limits, ocr, document.path)
    payload = cache.get_payload(document.sha256, found[0].label, key)
    if payload is None:
        return None
    try:
        result = load_result(payload, text=whole, shared=whole)  # a table put back is read, then dropped
    except Exception:  # an entry from an incompatible build: read the file again
        logger.debug("stale cache entry for %s", document.path, exc_info=True)
        return None
    update: dict[str, Any] = {"tables": result.tables}
    if whole:
        update.update(units=result.units, sections=result.sections, properties=result.properties)
    return document.model_copy(update=update)


_CHANGED = "changed or went away while it was audited; run the audit again"


class TablesBack:
    """Puts back the tables of one kept document at a time (``Derived.keep``), the cache opened once.

    A re-audit keeps unchanged registers without their rows; a check that needs a row
    the state does not hold (one to cite) calls this. The tables come from the
    extraction cache (the same extraction the state was made from); a document whose
    entry is gone is read again from its file, alone. ``close`` when the audit is judged.
    """

    def __init__(self, root: Path, options: ScanOptions | None, hashed: FolderHashes | None) -> None:
        self.root = root
        self.options = options or ScanOptions()
        self.hashed = hashed
        self.count = 0
        """Documents put back so far."""
        self._cache: ExtractionCache | None = None
        self._opened = False

    def __call__(self, document: Document) -> Document:
        self.count += 1
        if not self._opened:  # on the first call: most re-audits put nothing back
            self._opened = True
            cache_dir = (
                cache_dir_for(_checked_root(self.root), self.options) if self.options.use_cache else None
            )
            self._cache = ExtractionCache(cache_dir) if cache_dir is not None else None
        ocr = self.hashed.ocr if self.hashed is not None else None
        if self._cache is not None and (
            found := _restored(self._cache, self.options, ocr, document, whole=False)
        ):
            return found
        again = scan_folder(self.root, self.options, hashed=self.hashed, only={document.path})
        for made in again.documents:
            if made.path == document.path:
                return made
        raise InputError([Problem(document.path, 0, 0, _CHANGED)])

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()
            self._cache = None


def _unsupported(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    if "." not in name:
        return "unsupported format (no file extension): not read"
    extension = name.rsplit(".", 1)[-1].lower()
    return _UNSUPPORTED_HINTS.get(extension, f"unsupported format (.{extension}): not read")


def _document(
    path: str,
    sha256: str,
    size: int,
    extractor: Extractor,
    result: ExtractResult,
) -> Document:
    """A ``Document`` from an extraction: metadata normalized, template markers found."""
    found = extractor_for(path)
    identity = {
        "path": path,
        "sha256": sha256,
        "size": size,
        "format": found[1] if found else DocumentFormat.OTHER,
        "extractor": extractor.label,
        "warnings": result.warnings,
    }
    if result.error is not None:
        return Document(**identity, error=result.error)
    metadata = extract_metadata(result.properties, result.units, result.tables)
    return Document(
        **identity,
        units=result.units,
        sections=result.sections,
        tables=result.tables,
        properties=result.properties,
        metadata=metadata,
        template=detect_template(path, result.units, metadata),
        pages=result.pages,
        pages_without_text=result.pages_without_text,
        ocr_pages=result.ocr_pages,
        encoding=result.encoding,
    )


def build_index(
    root: Path,
    kinds: Iterable[EvidenceKind],
    *,
    organization: Organization | None = None,
    options: ScanOptions | None = None,
    progress: Callable[[ScanProgress], None] | None = None,
) -> tuple[ScanResult, EvidenceIndex]:
    """Scan, then classify with the given kinds and organization.yaml's kind mappings."""
    classifier = Classifier(kinds, organization.kinds if organization else ())
    result = scan_folder(root, options, progress=progress, classifier=classifier)
    return result, result.index(classifier)
