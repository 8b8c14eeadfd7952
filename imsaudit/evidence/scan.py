"""The scanner: the only code that walks an evidence folder and reads its files.

``scan_folder`` lists every file (sorted, relative POSIX paths), hashes it, reads it with
the extractor for its format (from the cache when the same bytes were read before),
and returns ``Document`` records with normalized metadata and template markers. Then
``classify`` turns them into the ``EvidenceIndex``; ``build_index`` does both.

Safety, because an evidence folder is someone else's files:

- nothing in the folder is ever written: files are opened read-only, the cache lives
  in the user cache dir and may not be put inside the folder;
- symlinks are followed only when they point inside the folder; a directory reached
  twice (a loop, or two links to one folder) is read once;
- only regular files are opened (never a FIFO or a device), each within the limits of
  ``Limits``; a file that cannot be read becomes one line of error on its document.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from imsaudit.core.errors import UsageError
from imsaudit.evidence.cache import ExtractionCache, default_cache_dir
from imsaudit.evidence.classify import classify
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

_JUNK = frozenset({"thumbs.db", "desktop.ini", "icon\r"})
_UNSUPPORTED_HINTS = {
    "doc": "legacy Word 97-2003 document (.doc): not read; save it as .docx or PDF",
    "ppt": "legacy PowerPoint 97-2003 deck (.ppt): not read; save it as .pptx or PDF",
    "rtf": "RTF document: not read; save it as .docx or PDF",
    "msg": "Outlook message (.msg): not read; save it as PDF",
    "eml": "e-mail message (.eml): not read; save it as PDF",
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
    real: Path
    size: int = 0


@dataclass
class _Pending:
    index: int
    extractor: Extractor
    data: bytes
    context: ExtractContext
    sha256: str
    options: str


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
    stack: list[tuple[Path, str]] = [(root_real, "")]
    while stack:
        directory, rel = stack.pop()
        try:
            with os.scandir(directory) as iterator:
                entries = sorted(iterator, key=lambda e: e.name)
        except OSError as exc:
            skipped.append(Skipped(path=rel or ".", reason=f"cannot list folder: {exc.strerror}"))
            continue
        subdirs: list[tuple[Path, str]] = []
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
                else:
                    target = Path(entry.path)
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
                subdirs.append((target, path))
            elif stat.S_ISREG(info.st_mode):
                files.append(_File(path=path, real=target, size=info.st_size))
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


def _options_key(extractor: Extractor, limits: Limits, ocr: OcrEngine | None) -> str:
    key = limits.fingerprint()
    if extractor.uses_ocr:
        key += f";ocr={ocr.fingerprint if ocr else 'none'}"
    return key


def _extract_in_worker(name: str, data: bytes, context: ExtractContext) -> ExtractResult:
    """Runs in a worker process: look the extractor up by name there, run it safely."""
    return run_extractor(EXTRACTORS.get(name), data, context)


def _run_isolated(task: _Pending) -> ExtractResult:
    """Re-run one extraction alone after a worker crashed, to tell which file did it."""
    import multiprocessing

    try:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            return pool.submit(_extract_in_worker, task.extractor.name, task.data, task.context).result()
    except BrokenProcessPool:
        return ExtractResult(error=f"the {task.extractor.name} reader crashed on this file: not read")
    except Exception as exc:
        return ExtractResult(error=one_line(f"could not read (worker failed: {exc})"))


POOL_MIN_BYTES = 32 * 1024
"""Files of light formats at least this big are worth sending to a worker too."""
WINDOW_PER_JOB = 8
"""Extractions in flight per worker: bounds the bytes held in memory, keeps workers busy."""
GIVE_UP_AFTER = 3
"""Broken pools (or crashed files re-read alone, in a row) before reading in-process."""


def _worth_a_worker(extractor: Extractor, size: int) -> bool:
    """PDF, Office files and images always; text formats only when big."""
    return extractor.heavy or size >= POOL_MIN_BYTES


class _Runner:
    """Runs extractions in this process or in a window of worker processes, as results come.

    Small Markdown, CSV and text files cost less to read than to send to a worker
    (extraction-figures.md), so they are read here; the rest goes to the pool, at most
    ``jobs * WINDOW_PER_JOB`` at a time, so a folder of large files is never all in
    memory. A worker that dies (a fault in a C library) breaks the pool: the files in
    flight are re-read one by one in a fresh process, which names the culprit, and a new
    pool takes the rest. If pools keep breaking, the rest is read in this process.
    """

    def __init__(self, jobs: int, use_pool: bool, on_done: Callable[[_Pending, ExtractResult], None]) -> None:
        self.jobs = jobs
        self.use_pool = use_pool
        self.on_done = on_done
        self.pool: ProcessPoolExecutor | None = None
        self.window: deque[tuple[_Pending, Future[ExtractResult], ProcessPoolExecutor]] = deque()
        self.crashed: list[_Pending] = []
        self.broken = 0

    def submit(self, task: _Pending) -> None:
        """Extract one file now (in-process) or hand it to the pool."""
        if not (self.use_pool and _worth_a_worker(task.extractor, len(task.data))) or (
            self.broken >= GIVE_UP_AFTER
        ):
            self.on_done(task, run_extractor(task.extractor, task.data, task.context))
            return
        if self.pool is None:
            import multiprocessing

            self.pool = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("spawn"))
        try:
            future = self.pool.submit(_extract_in_worker, task.extractor.name, task.data, task.context)
        except BrokenProcessPool:
            self._broke(self.pool)
            self.submit(task)
            return
        self.window.append((task, future, self.pool))
        while len(self.window) > self.jobs * WINDOW_PER_JOB:
            self._collect()

    def _collect(self) -> None:
        task, future, pool = self.window.popleft()
        try:
            result = future.result()
        except BrokenProcessPool:
            self.crashed.append(task)
            self._broke(pool)
            return
        except Exception as exc:  # the worker failed outside the extractor's own guard
            logger.debug("worker failed on %s", task.context.path, exc_info=True)
            result = ExtractResult(error=one_line(f"could not read (worker failed: {exc})"))
        self.on_done(task, result)

    def _broke(self, pool: ProcessPoolExecutor) -> None:
        if pool is self.pool:
            pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None
            self.broken += 1

    def finish(self) -> None:
        """Wait for the pool, then re-read crashed files alone."""
        while self.window:
            self._collect()
        if self.pool is not None:
            self.pool.shutdown(wait=True)
            self.pool = None
        in_a_row = 0
        for task in self.crashed:
            if in_a_row >= GIVE_UP_AFTER:  # worker processes cannot run here: not the files
                self.on_done(task, run_extractor(task.extractor, task.data, task.context))
                continue
            logger.warning("a worker crashed; re-reading %s alone", task.context.path)
            result = _run_isolated(task)
            in_a_row = in_a_row + 1 if result.error and "crashed" in result.error else 0
            self.on_done(task, result)


# --------------------------------------------------------------------------- scan


def scan_folder(
    root: Path,
    options: ScanOptions | None = None,
    *,
    progress: Callable[[ScanProgress], None] | None = None,
) -> ScanResult:
    """Read every file of an evidence folder into ``Document`` records, sorted by path.

    Raises ``UsageError`` only when the folder itself cannot be scanned (missing, not a
    folder, or a cache dir inside it); every per-file problem is data on its document.
    """
    options = options or ScanOptions()
    root = Path(root)
    if not root.exists():
        raise UsageError(f"{root}: no such folder")
    if not root.is_dir():
        raise UsageError(f"{root}: not a folder")
    cache_dir = options.cache_dir or default_cache_dir()
    if options.use_cache and _inside(Path(os.path.realpath(cache_dir)), Path(os.path.realpath(root))):
        raise UsageError(
            f"{cache_dir}: the cache dir must not be inside the evidence folder (it is never written)"
        )
    limits = options.limits
    ocr = find_ocr(options.ocr_languages) if options.ocr else None
    files, skipped = walk_folder(root)
    organization_file = next((s.path for s in skipped if s.reason.startswith("organization profile")), None)
    jobs = options.jobs if options.jobs is not None else default_jobs()
    documents: list[Document | None] = [None] * len(files)
    done = 0
    hits = 0
    extracted = 0
    candidates = 0
    for file in files:
        found = extractor_for(file.path)
        candidates += bool(found and _worth_a_worker(found[0], file.size))

    def report(path: str) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(ScanProgress(done=done, total=len(files), path=path))

    cache = ExtractionCache(cache_dir) if options.use_cache else None
    runner: _Runner | None = None
    try:

        def finish(task: _Pending, result: ExtractResult) -> None:
            if cache is not None:
                cache.put(task.sha256, task.extractor.label, task.options, result)
            documents[task.index] = _document(
                files[task.index].path, task.sha256, len(task.data), task.extractor, result
            )
            report(files[task.index].path)

        runner = _Runner(jobs, jobs > 1 and candidates >= 2, finish)
        for index, file in enumerate(files):
            found = extractor_for(file.path)
            data, sha256, size, error = _read(file, limits)
            fmt = found[1] if found else DocumentFormat.OTHER
            if error is None and size == 0:
                error = "empty file"
            if error is None and found is None:
                error = _unsupported(file.path)
            if error is not None or data is None or found is None:
                documents[index] = Document(path=file.path, sha256=sha256, size=size, format=fmt, error=error)
                report(file.path)
                continue
            extractor = found[0]
            options_key = _options_key(extractor, limits, ocr)
            cached = cache.get(sha256, extractor.label, options_key) if cache is not None else None
            if cached is not None:
                hits += 1
                documents[index] = _document(file.path, sha256, size, extractor, cached)
                report(file.path)
                continue
            context = ExtractContext(path=file.path, limits=limits, ocr=ocr if extractor.uses_ocr else None)
            extracted += 1
            runner.submit(_Pending(index, extractor, data, context, sha256, options_key))
        runner.finish()
    finally:
        if runner is not None and runner.pool is not None:
            runner.pool.shutdown(wait=False, cancel_futures=True)
        if cache is not None:
            cache.close()
    result_documents = tuple(d for d in documents if d is not None)
    return ScanResult(
        documents=result_documents,
        skipped=tuple(skipped),
        organization_file=organization_file,
        ocr=ocr.version if ocr else None,
        stats=ScanStats(files=len(files), cache_hits=hits, extracted=extracted, jobs=jobs),
    )


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
    result = scan_folder(root, options, progress=progress)
    index = classify(result.documents, kinds, overrides=organization.kinds if organization else ())
    return result, index
