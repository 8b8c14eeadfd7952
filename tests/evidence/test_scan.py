"""The scanner: every file listed with its true sha256, locators that point at the right place,
symlinks and loops, a folder left untouched, the cache, and parallel runs equal to serial ones."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from imsaudit.core.errors import InputError, UsageError
from imsaudit.evidence import scan as scan_module
from imsaudit.evidence.cache import CACHE_FILE
from imsaudit.evidence.classify import Classified
from imsaudit.evidence.model import Document
from imsaudit.evidence.scan import (
    Known,
    ScanOptions,
    ScanResult,
    TablesBack,
    hash_folder,
    restore_text,
    scan_folder,
)

from .conftest import FIXTURES


def _doc(scan: ScanResult, path: str) -> Document:
    return next(d for d in scan.documents if d.path == path)


def _snapshot(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Path -> (sha256, mtime_ns, mode) of every entry, symlinks not followed."""
    state: dict[str, tuple[str, int, int]] = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        digest = (
            hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() and not path.is_symlink() else ""
        )
        state[path.relative_to(folder).as_posix()] = (digest, info.st_mtime_ns, info.st_mode)
    return state


def test_every_file_is_listed_sorted_with_its_true_sha256(fixture_scan: ScanResult) -> None:
    files = sorted(p.relative_to(FIXTURES).as_posix() for p in FIXTURES.rglob("*") if p.is_file())
    assert [d.path for d in fixture_scan.documents] == files
    for document in fixture_scan.documents:
        data = (FIXTURES / document.path).read_bytes()
        assert document.sha256 == hashlib.sha256(data).hexdigest(), document.path
        assert document.size == len(data)


@pytest.mark.parametrize(
    ("path", "needle", "locator"),
    [
        ("procedures/Document control procedure.pdf", "quality coordinator maintains", "page 2"),
        ("procedures/Document control procedure.pdf", "retained for at least five years", "page 3"),
        ("procedures/internal-audit-procedure.md", "Corrective actions are tracked", "line 35"),
        ("registers/Risk register 2026.xlsx", "Data loss on shared drive", "sheet Risks row 8"),
        ("registers/Risk register 2026.xlsx", "Reduce complaints", "sheet Objectives row 3"),
        ("registers/audit-programme.ods", "IA-02", "sheet Audit programme row 3"),
        ("registers/training_records.csv", "A. Khan", "row 4"),
        ("notes/supplier-notes-cp1252.txt", "Approved by", "line 4"),
        ("notes/quality-circle-utf16.txt", "Attendees", "line 4"),
        ("intranet/context.html", "Climate change", "line 17"),
        ("records/Management review Q1 2026.pptx", "Hire lab technician", "slide 3 table row 3"),
        (
            "policies/Quality Policy.docx",
            "outside the boundaries",
            'section "Scope > Boundaries" paragraph 1',
        ),
        ("policies/Quality Policy.docx", "On-time delivery", "table 2 row 2"),
        ("manual/Innovation management manual.odt", "Sensor standard", "table 1 row 2"),
        ("data/process-map.yaml", "Committee calendar", "line 12"),
    ],
)
def test_locators_point_at_the_right_place(
    fixture_scan: ScanResult, path: str, needle: str, locator: str
) -> None:
    units = [u for u in _doc(fixture_scan, path).units if needle in u.text]
    assert units, f"{needle!r} not found in {path}"
    assert units[0].locator == locator


def test_locators_match_the_source_files(fixture_scan: ScanResult) -> None:
    """``line N`` of text formats is the real line of the file."""
    for path in (
        "procedures/internal-audit-procedure.md",
        "intranet/context.html",
        "notes/supplier-notes-cp1252.txt",
    ):
        document = _doc(fixture_scan, path)
        raw = (FIXTURES / path).read_bytes().decode(document.encoding or "utf-8").split("\n")
        for unit in document.units:
            if unit.locator.startswith("line "):
                line = raw[int(unit.locator.split()[1]) - 1]
                first_word = unit.text.split()[0].strip("|").split("|")[0]
                assert first_word[:4] in line, (path, unit)


def test_pdf_page_locators_match_pdfium(fixture_scan: ScanResult) -> None:
    import pypdfium2 as pdfium

    path = "procedures/Document control procedure.pdf"
    pdf = pdfium.PdfDocument((FIXTURES / path).read_bytes())
    pages = [pdf[i].get_textpage().get_text_bounded() for i in range(len(pdf))]
    for unit in _doc(fixture_scan, path).units:
        number = int(unit.locator.split()[1])
        assert unit.text.split()[0] in pages[number - 1]


def test_broken_files_are_one_line_errors_and_the_scan_goes_on(fixture_scan: ScanResult) -> None:
    errors = {d.path: d.error for d in fixture_scan.documents if d.path.startswith("broken/")}
    assert errors == {
        "broken/archive.zip": "zip archive: not read; unpack it into the evidence folder",
        "broken/corrupt.docx": "corrupt or truncated DOCX file (File is not a zip file)",
        "broken/empty.pdf": "empty file",
        "broken/encrypted.docx": "encrypted (password-protected Office file): not read",
        "broken/encrypted.pdf": "encrypted PDF (password required): not read",
        "broken/invalid.json": "invalid JSON at line 2 column 1: Expecting value",
        "broken/not-really.pdf": "not a PDF file (no %PDF header): corrupt or mislabelled",
        "broken/truncated.xlsx": "corrupt or truncated XLSX file (File is not a zip file)",
    }
    assert all(not d.text_complete for d in fixture_scan.documents if d.error)
    assert sum(1 for d in fixture_scan.documents if d.error is None) == len(fixture_scan.documents) - 8


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "evidence"
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "policy.md").write_text("# Quality policy\n\nWe improve.\n", encoding="utf-8")
    (folder / "notes.txt").write_text("Notes\n", encoding="utf-8")
    return folder


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlinks_out_of_the_folder_are_not_followed(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("do not read", encoding="utf-8")
    (folder / "link-to-outside").symlink_to(outside, target_is_directory=True)
    (folder / "secret-link.txt").symlink_to(outside / "secret.txt")
    (folder / "inside-link.md").symlink_to(folder / "docs" / "policy.md")
    (folder / "broken-link.txt").symlink_to(folder / "missing.txt")
    result = scan_folder(folder, ScanOptions(jobs=1, use_cache=False))
    paths = [d.path for d in result.documents]
    assert paths == ["docs/policy.md", "inside-link.md", "notes.txt"]
    assert all("do not read" not in d.text for d in result.documents)
    reasons = {s.path: s.reason for s in result.skipped}
    assert reasons["link-to-outside"].startswith("symlink to outside")
    assert reasons["secret-link.txt"].startswith("symlink to outside")
    assert reasons["broken-link.txt"] == "broken symlink"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlink_loops_end(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "docs" / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "docs" / "self").symlink_to(folder / "docs", target_is_directory=True)
    result = scan_folder(folder, ScanOptions(jobs=1, use_cache=False))
    assert [d.path for d in result.documents] == ["docs/policy.md", "notes.txt"]
    reasons = {s.path: s.reason for s in result.skipped}
    assert "already scanned" in reasons["docs/loop"]
    assert "already scanned" in reasons["docs/self"]


def test_hidden_lock_and_settings_files_are_skipped(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / ".git").mkdir()
    (folder / ".git" / "config").write_text("x", encoding="utf-8")
    (folder / "~$policy.docx").write_bytes(b"lock")
    (folder / "organization.yaml").write_text("name: Acme\n", encoding="utf-8")
    (folder / "docs" / "organization.yaml").write_text("not: settings\n", encoding="utf-8")
    result = scan_folder(folder, ScanOptions(jobs=1, use_cache=False))
    assert [d.path for d in result.documents] == ["docs/organization.yaml", "docs/policy.md", "notes.txt"]
    assert result.organization_file == "organization.yaml"
    assert {s.path for s in result.skipped} == {".git", "~$policy.docx", "organization.yaml"}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_special_files_are_never_opened(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    os.mkfifo(folder / "pipe.txt")
    result = scan_folder(folder, ScanOptions(jobs=1, use_cache=False))
    assert {s.path: s.reason for s in result.skipped}["pipe.txt"] == "not a regular file"


def test_the_folder_is_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "evidence"
    shutil.copytree(FIXTURES, folder)
    before = _snapshot(folder)
    folder_mtime = folder.stat().st_mtime_ns
    scan_folder(folder, ScanOptions(jobs=2, use_cache=True, cache_dir=tmp_path / "cache"))
    assert _snapshot(folder) == before
    assert folder.stat().st_mtime_ns == folder_mtime


def test_cache_dir_inside_the_folder_is_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    with pytest.raises(UsageError, match="must not be inside"):
        scan_folder(folder, ScanOptions(cache_dir=folder / ".cache"))


def test_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such folder"):
        scan_folder(tmp_path / "nope")
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="not a folder"):
        scan_folder(tmp_path / "file.txt")


def test_cache_hit_and_miss(tmp_path: Path) -> None:
    folder = tmp_path / "evidence"
    shutil.copytree(FIXTURES / "registers", folder)
    options = ScanOptions(jobs=1, cache_dir=tmp_path / "cache", ocr=False)
    cold = scan_folder(folder, options)
    assert cold.stats.cache_hits == 0 and cold.stats.extracted == 5
    warm = scan_folder(folder, options)
    assert warm.stats.cache_hits == 5 and warm.stats.extracted == 0
    assert warm.documents == cold.documents
    (folder / "suppliers.tsv").write_text("Supplier\tScore\nNew\t5\n", encoding="utf-8")
    changed = scan_folder(folder, options)
    assert changed.stats.cache_hits == 4 and changed.stats.extracted == 1
    assert _doc(changed, "suppliers.tsv").tables[0].rows == (("New", "5"),)
    uncached = scan_folder(folder, ScanOptions(jobs=1, use_cache=False, ocr=False))
    assert uncached.stats.cache_hits == 0
    assert uncached.documents == changed.documents


def test_copies_of_one_file_under_other_names_read_as_themselves_from_the_cache(tmp_path: Path) -> None:
    """A CSV's table is named after its file, and a .tsv is split on tabs: same bytes, other results."""
    folder = tmp_path / "evidence"
    folder.mkdir()
    data = "Risk\tOwner\nFlood,basement\tA. Moreau\n"
    for name in ("risk-register.csv", "copy of risk register.csv", "risks.tsv"):
        (folder / name).write_text(data, encoding="utf-8")
    options = ScanOptions(jobs=1, cache_dir=tmp_path / "cache", ocr=False)
    scan_folder(folder, options)
    warm = scan_folder(folder, options)
    assert warm.stats.cache_hits == 3
    uncached = scan_folder(folder, ScanOptions(jobs=1, use_cache=False, ocr=False))
    assert warm.documents == uncached.documents
    assert [d.tables[0].name for d in warm.documents] == [
        "copy of risk register.csv",
        "risk-register.csv",
        "risks.tsv",
    ]
    assert _doc(warm, "risks.tsv").tables[0].header == ("Risk", "Owner")


def test_cache_key_includes_limits(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    cache = tmp_path / "cache"
    scan_folder(folder, ScanOptions(jobs=1, cache_dir=cache))
    from imsaudit.evidence.extract import Limits

    other = scan_folder(folder, ScanOptions(jobs=1, cache_dir=cache, limits=Limits(max_units=5)))
    assert other.stats.cache_hits == 0


@pytest.fixture(params=["fork", "spawn"])
def start_method(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Workers forked (Linux, one thread) and spawned (elsewhere): each way, the same scan."""
    method: str = request.param
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} here")
    monkeypatch.setattr(scan_module, "pool_context", lambda: multiprocessing.get_context(method))
    return method


def test_jobs_1_and_2_give_the_same_output(
    tmp_path: Path, fixture_scan: ScanResult, start_method: str
) -> None:
    parallel = scan_folder(FIXTURES, ScanOptions(jobs=2, use_cache=False, ocr=False))
    assert parallel.stats.jobs == 2
    assert parallel.model_dump_json(exclude={"stats"}) == fixture_scan.model_dump_json(exclude={"stats"})


def test_progress_is_reported_for_every_document(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    events = []
    scan_folder(folder, ScanOptions(jobs=1, use_cache=False), progress=events.append)
    assert [(e.done, e.total) for e in events] == [(1, 2), (2, 2)]


def test_oversized_file_is_hashed_but_not_read(tmp_path: Path) -> None:
    from imsaudit.evidence.extract import Limits

    folder = _folder(tmp_path)
    data = b"x" * 5000
    (folder / "big.txt").write_bytes(data)
    result = scan_folder(folder, ScanOptions(jobs=1, use_cache=False, limits=Limits(max_file_bytes=1000)))
    document = _doc(result, "big.txt")
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert document.size == 5000
    assert document.error is not None and "limit" in document.error


def _crashing_worker(job: scan_module._Job) -> scan_module._Made:
    """Stands in for the worker function: dies on files that start with CRASH."""
    if job.data.startswith(b"CRASH"):
        os._exit(3)
    if job.data.startswith(b"RAISE"):
        raise RuntimeError("boom")
    return scan_module._make(job, None, False)


def _crash_folder(tmp_path: Path) -> Path:
    """Four files bigger than a pipe's buffer; the worker dies on b.md and raises on c.md."""
    folder = tmp_path / "evidence"
    folder.mkdir()
    body = b"\n".join(b"line %d of a long file" % i for i in range(3000))
    (folder / "a.md").write_bytes(b"# A\n" + body)
    (folder / "b.md").write_bytes(b"CRASH\n" + body)
    (folder / "c.md").write_bytes(b"RAISE\n" + body)
    (folder / "d.md").write_bytes(b"# D\n" + body)
    return folder


def test_a_crashing_worker_fails_only_its_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, start_method: str
) -> None:
    monkeypatch.setattr(scan_module, "_make_in_worker", _crashing_worker)
    folder = _crash_folder(tmp_path)
    result = scan_folder(folder, ScanOptions(jobs=2, use_cache=False))
    errors = {d.path: d.error for d in result.documents}
    assert errors["a.md"] is None and errors["d.md"] is None
    assert errors["b.md"] == "the markdown reader crashed on this file: not read"
    assert errors["c.md"] == "could not read (worker failed: boom)"


def _waiting_worker(job: scan_module._Job) -> scan_module._Made:
    """Stands in for the worker function: ``WAIT dir n`` holds its file until n others are done.

    Every other file leaves a mark in ``dir`` when it is done, so the waiting file is
    done last whatever the timing; 60 s at most, so a broken runner cannot hang the suite.
    It then waits a little more: the last marked file is done only once its result is back.
    """
    import time

    words = job.data.split()
    if words[0] == b"WAIT":
        marks, needed = Path(words[1].decode()), int(words[2])
        deadline = time.monotonic() + 60
        while len(list(marks.iterdir())) < needed and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.5)
    else:
        (Path(words[1].decode()) / job.path).write_text("done", encoding="utf-8")
    return scan_module._make(job, None, False)


def test_results_are_taken_as_they_finish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A slow first file (a scanned PDF's OCR) does not hold back the files sent after it:
    they are taken, and their workers given more, while it is still being read."""
    monkeypatch.setattr(scan_module, "_make_in_worker", _waiting_worker)
    folder, marks = tmp_path / "evidence", tmp_path / "marks"
    folder.mkdir()
    marks.mkdir()
    others = 2 * 2 * scan_module.WINDOW_PER_JOB  # more than the jobs in flight at once
    (folder / "a.md").write_text(f"WAIT {marks} {others}\n", encoding="utf-8")
    for number in range(others):
        (folder / f"b{number:02}.md").write_text(f"MARK {marks}\n" + "x" * 40_000, encoding="utf-8")
    events: list[str] = []
    result = scan_folder(
        folder, ScanOptions(jobs=2, use_cache=False), progress=lambda e: events.append(e.path)
    )
    assert events[-1] == "a.md" and len(events) == others + 1
    assert [d.path for d in result.documents] == sorted(events)


def test_a_process_whose_worker_crashed_still_exits(tmp_path: Path) -> None:
    """A crash with a job half sent once left the pool's feeder thread blocked: the scan
    returned, then the interpreter hung at exit (Python 3.11.2)."""
    code = (
        "import sys; from pathlib import Path; from imsaudit.evidence import scan; "
        "from tests.evidence.test_scan import _crashing_worker; "
        "scan._make_in_worker = _crashing_worker; "
        "result = scan.scan_folder(Path(sys.argv[1]), scan.ScanOptions(jobs=2, use_cache=False)); "
        "print(len(result.documents))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(_crash_folder(tmp_path))],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (done.returncode, done.stdout.strip()) == (0, "4"), done.stderr


def test_known_documents_are_taken_only_when_the_bytes_are_the_same(tmp_path: Path) -> None:
    folder = tmp_path / "evidence"
    shutil.copytree(FIXTURES / "registers", folder)
    options = ScanOptions(jobs=1, use_cache=False, ocr=False)
    first = scan_folder(folder, options)
    marked = {d.path: d.model_copy(update={"warnings": ("from before",)}) for d in first.documents}
    known = {path: Known(d, Classified(classifications=())) for path, d in marked.items()}
    (folder / "suppliers.tsv").write_text("Supplier\tScore\nNew\t5\n", encoding="utf-8")
    for hashed in (None, hash_folder(folder, options)):
        again = scan_folder(folder, options, hashed=hashed, known=known)
        taken = {d.path for d in again.documents if d.warnings == ("from before",)}
        assert taken == set(marked) - {"suppliers.tsv"}
        assert set(again.reused) == taken
        assert again.stats.reused == len(taken) and again.stats.extracted == 1
        assert _doc(again, "suppliers.tsv").tables[0].rows == (("New", "5"),)


def test_known_files_whose_bytes_changed_go_to_the_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, start_method: str
) -> None:
    """A re-audit where many files changed reads them in worker processes, not one by one
    here: a known path counts as known only when the hashed folder says its bytes are the
    same. With spawned workers, fewer than ``REREAD_POOL_MIN`` changed files are read
    here; forked ones start at once, and take them as a first scan's would."""
    pools: list[bool] = []

    class Recorded(scan_module._Runner):
        def __init__(self, jobs: int, use_pool: bool, *args: object, **kwargs: object) -> None:
            pools.append(use_pool)
            super().__init__(jobs, use_pool, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(scan_module, "_Runner", Recorded)
    folder = tmp_path / "evidence"
    shutil.copytree(FIXTURES / "registers", folder)
    options = ScanOptions(jobs=2, use_cache=False, ocr=False)
    first = scan_folder(folder, options)
    known = {d.path: Known(d, Classified(classifications=())) for d in first.documents}
    assert scan_folder(folder, options, hashed=hash_folder(folder, options), known=known).reused
    workbooks = sorted(p for p in folder.iterdir() if p.suffix in (".xlsx", ".ods"))
    assert len(workbooks) >= 2
    for workbook in workbooks:  # the same workbook, other bytes
        workbook.write_bytes(workbook.read_bytes() + b"\0")
    again = scan_folder(folder, options, hashed=hash_folder(folder, options), known=known)
    monkeypatch.setattr(scan_module, "REREAD_POOL_MIN", len(workbooks))
    again = scan_folder(folder, options, hashed=hash_folder(folder, options), known=known)
    forks = start_method == "fork"
    assert pools == [True, False, forks, True]
    assert {p.name for p in workbooks}.isdisjoint(again.reused)


def test_workers_fork_only_on_linux_and_with_no_other_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """A thread holding a lock when the process forks would leave it held in the child."""
    monkeypatch.setattr(sys, "platform", "linux")
    assert scan_module.pool_context().get_start_method() == "fork"
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert scan_module.pool_context().get_start_method() == "spawn"
    finally:
        release.set()
        other.join()
    monkeypatch.setattr(sys, "platform", "darwin")
    assert scan_module.pool_context().get_start_method() == "spawn"


def test_only_limits_the_scan_to_the_given_paths(tmp_path: Path) -> None:
    folder = tmp_path / "evidence"
    shutil.copytree(FIXTURES / "registers", folder)
    options = ScanOptions(jobs=1, use_cache=False, ocr=False)
    every = scan_folder(folder, options)
    wanted = {every.documents[0].path, every.documents[-1].path}
    some = scan_folder(folder, options, only=wanted)
    assert {d.path for d in some.documents} == wanted
    assert some.stats.files == 2
    assert all(d == _doc(every, d.path) for d in some.documents)


def test_a_hashed_folder_is_not_hashed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "evidence"
    shutil.copytree(FIXTURES / "registers", folder)
    options = ScanOptions(jobs=1, use_cache=False, ocr=False)
    first = scan_folder(folder, options)
    hashed = hash_folder(folder, options)
    assert hashed.hashes == tuple((d.sha256, d.size, None) for d in first.documents)
    known = {d.path: Known(d, Classified(classifications=())) for d in first.documents}
    reads: list[str] = []
    real = scan_module._read

    def counted(file: scan_module._File, limits: object) -> object:
        reads.append(file.path)
        return real(file, limits)  # type: ignore[arg-type]

    monkeypatch.setattr(scan_module, "_read", counted)
    again = scan_folder(folder, options, hashed=hashed, known=known)
    assert reads == []
    assert again.documents == first.documents


def _cached_scan(tmp_path: Path) -> tuple[Path, ScanOptions, ScanResult]:
    """The fixtures copied, scanned once with a cache: (folder, options, scan)."""
    folder = tmp_path / "evidence"
    shutil.copytree(FIXTURES, folder)
    options = ScanOptions(jobs=1, cache_dir=tmp_path / "cache", ocr=False)
    return folder, options, scan_folder(folder, options)


def test_restore_text_puts_back_what_the_cache_holds_without_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from imsaudit.findings.incremental import register_fields

    folder, options, scanned = _cached_scan(tmp_path)
    textless = [register_fields(d) for d in scanned.documents]
    assert any(d != t for d, t in zip(scanned.documents, textless, strict=True))
    monkeypatch.setattr(scan_module, "_read", lambda *_: pytest.fail("a file was read"))
    restored = restore_text(folder, options, textless, None)
    assert {d.path for d in scanned.documents} == set(restored)
    assert all(restored[d.path] == d for d in scanned.documents if d.path in restored)
    # A document whose entry is gone is left out, for the caller to read again.
    gone = next(d for d in scanned.documents if d.tables)
    with sqlite3.connect(tmp_path / "cache" / CACHE_FILE) as db:
        db.execute("DELETE FROM extraction WHERE sha256 = ?", (gone.sha256,))
    again = restore_text(folder, options, textless, None)
    assert set(again) == set(restored) - {d.path for d in scanned.documents if d.sha256 == gone.sha256}
    # Without a cache there is nothing to restore from.
    assert restore_text(folder, ScanOptions(use_cache=False), textless, None) == {}


def test_tables_back_puts_back_a_kept_documents_tables_or_reads_the_file_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a re-audit calls for a row the state does not hold: the tables, from the cache or the file."""
    import sqlite3

    from imsaudit.findings.incremental import register_fields

    folder, options, scanned = _cached_scan(tmp_path)
    full = next(d for d in scanned.documents if d.tables and d.units)
    kept = register_fields(full)
    assert kept.tables and not any(t.rows for t in kept.tables) and not kept.units
    real = scan_module._read
    monkeypatch.setattr(scan_module, "_read", lambda *_: pytest.fail("a file was read"))
    back = TablesBack(folder, options, None)
    found = back(kept)
    assert found.tables == full.tables
    assert found.units == ()  # the tables alone: what register checks read
    # A document whose entry is gone is read again, alone.
    with sqlite3.connect(tmp_path / "cache" / CACHE_FILE) as db:
        db.execute("DELETE FROM extraction WHERE sha256 = ?", (full.sha256,))
    reads: list[str] = []

    def counted(file: object, limits: object) -> object:
        reads.append(file.path)  # type: ignore[attr-defined]
        return real(file, limits)  # type: ignore[arg-type]

    monkeypatch.setattr(scan_module, "_read", counted)
    assert back(kept).tables == full.tables
    assert reads == [full.path]
    assert back.count == 2
    back.close()
    # A file that went away meanwhile stops the run with one line naming it.
    (folder / full.path).unlink()
    with pytest.raises(InputError, match=re.escape(full.path)):
        TablesBack(folder, ScanOptions(jobs=1, use_cache=False), None)(kept)
