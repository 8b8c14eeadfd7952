"""The hostile folder (generated once per session), a loopback server it points at, and one
full audit of it in a watched, memory-limited subprocess, shared by the tests.

The subprocess runs with a ``sitecustomize`` that installs a ``sys.addaudithook`` hook in
the main process and in every worker it spawns; the hook logs each ``open``, directory
listing, socket connection and subprocess to one file per process, through a descriptor
opened before the hook (so logging opens nothing).
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import resource
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.hostile.make_hostile import HostileFolder, make_hostile
from tests.loopback import Loopback, serve_loopback

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 120
MEMORY_LIMIT = 2 * 1024**3
"""RLIMIT_AS of the audit subprocess (and so of its workers): 2 GiB of address space."""
FORMATS = "pdf,html,json,md,csv,xlsx,sarif,junit,oscal"
AS_OF = "2026-11-01"
PACK = "iso9001-2015"

SITECUSTOMIZE = '''\
"""Installed by tests/hostile: log what this process opens, lists, connects to and runs."""
import os
import sys

_directory = os.environ.get("IMSAUDIT_AUDIT_LOG")
if _directory:
    _fd = os.open(
        os.path.join(_directory, "events-%d.log" % os.getpid()), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600
    )
    _PATHS = {"open", "os.listdir", "os.scandir"}
    _OTHER = {"socket.connect", "socket.getaddrinfo", "subprocess.Popen", "urllib.Request", "os.system"}

    def _hook(event, args):
        if event in _PATHS:
            target = args[0]
            if target is None or isinstance(target, int):
                return
            text = os.fsdecode(os.fspath(target))
            if not os.path.isabs(text):
                text = os.path.join(os.getcwd(), text)
            flags = args[2] if event == "open" and len(args) > 2 and isinstance(args[2], int) else 0
            mode = args[1] if event == "open" and len(args) > 1 and isinstance(args[1], str) else ""
            os.write(_fd, (repr((event, text, mode, flags)) + "\\n").encode("utf-8", "backslashreplace"))
        elif event in _OTHER:
            line = repr((event, repr(args)[:300], "", 0)) + "\\n"
            os.write(_fd, line.encode("utf-8", "backslashreplace"))

    sys.addaudithook(_hook)
'''


# --------------------------------------------------------------------------- loopback server


@pytest.fixture(scope="session")
def loopback() -> Iterator[Loopback]:
    """Runs for the whole session: the hostile folder embeds its URL everywhere.

    Connections are recorded when accepted (``verify_request``), so a TLS handshake on
    ``https://127.0.0.1:PORT`` counts even though it never becomes an HTTP request.
    """
    with serve_loopback() as record:
        yield record


# --------------------------------------------------------------------------- the folder


Snapshot = dict[str, tuple[object, ...]]


def snapshot(folder: Path) -> Snapshot:
    """Every entry under ``folder`` (itself included), symlinks not followed: kind, symlink
    target, mode, size, mtime and sha256 of regular files."""
    state: Snapshot = {}
    for directory, names, files in os.walk(folder, followlinks=False):
        for name in [".", *names, *files]:
            path = Path(directory) / name
            info = path.lstat()
            target = str(path.readlink()) if stat.S_ISLNK(info.st_mode) else None
            digest = ""
            if stat.S_ISREG(info.st_mode):
                digest = _sha256(path)
            key = path.relative_to(folder).as_posix()
            state[key] = (
                stat.S_IFMT(info.st_mode),
                target,
                info.st_mode,
                info.st_size,
                info.st_mtime_ns,
                digest,
            )
    return state


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class Hostile:
    """The generated folder, and its state before anything read it."""

    folder: HostileFolder
    before: Snapshot

    @property
    def evidence(self) -> Path:
        return self.folder.evidence


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory, loopback: Loopback) -> Hostile:
    folder = make_hostile(tmp_path_factory.mktemp("hostile"), loopback.port)
    return Hostile(folder, snapshot(folder.evidence))


# --------------------------------------------------------------------------- watched runs


@dataclass(frozen=True)
class Event:
    """One audited event of the child (or of a worker it spawned)."""

    name: str
    target: str
    mode: str
    flags: int

    @property
    def writes(self) -> bool:
        """An ``open`` that can write or create."""
        write_flags = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
        return bool(self.flags & write_flags) or any(c in self.mode for c in "wax+")


@dataclass(frozen=True)
class Run:
    """A finished watched subprocess."""

    returncode: int
    stdout: str
    stderr: str
    seconds: float
    maxrss_kib: int
    """Peak resident set size of the child or of any process it waited for (its workers)."""
    events: tuple[Event, ...]
    cwd: Path
    tmpdir: Path


def run_watched(
    args: Sequence[str],
    workdir: Path,
    *,
    cwd: Path | None = None,
    hashseed: str = "0",
    timeout: float = TIMEOUT_S,
) -> Run:
    """``python -m imsaudit ARGS`` in a child limited to 2 GiB of address space, killed after
    ``timeout``; every open, listing, connection and subprocess of it and its workers logged."""
    hook = workdir / "hook"
    hook.mkdir(parents=True, exist_ok=True)
    (hook / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    events_dir = workdir / "events"
    events_dir.mkdir(exist_ok=True)
    tmpdir = workdir / "tmp"
    tmpdir.mkdir(exist_ok=True)
    cwd = cwd or workdir / "cwd"
    cwd.mkdir(parents=True, exist_ok=True)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "IMSAUDIT", "COV_", "PYTEST"))
    }
    env.update(
        {
            "PYTHONPATH": str(hook),
            "PYTHONDONTWRITEBYTECODE": "1",  # so every write the hook sees is the audit's own
            "PYTHONHASHSEED": hashseed,
            "IMSAUDIT_AUDIT_LOG": str(events_dir),
            "TMPDIR": str(tmpdir),
            "XDG_CACHE_HOME": str(workdir / "xdg-cache"),
            "NO_COLOR": "1",
        }
    )

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
        os.setsid()  # its own process group: the watchdog kills the workers too

    stdout_path, stderr_path = workdir / "stdout.txt", workdir / "stderr.txt"
    with stdout_path.open("wb") as out, stderr_path.open("wb") as err:
        start = time.monotonic()
        process = subprocess.Popen(
            [sys.executable, "-m", "imsaudit", *args],
            stdout=out,
            stderr=err,
            cwd=cwd,
            env=env,
            preexec_fn=limit,
        )
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            os.killpg(process.pid, signal.SIGKILL)

        watchdog = threading.Timer(timeout, kill)
        watchdog.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)  # wait4: this child's own rusage
        finally:
            watchdog.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - start
    assert not timed_out.is_set(), f"{' '.join(args)} ran over {timeout} s"
    events: list[Event] = []
    for log in sorted(events_dir.glob("events-*.log")):
        for line in log.read_text(encoding="utf-8").splitlines():
            name, target, mode, flags = ast.literal_eval(line)
            events.append(Event(name, target, mode, flags))
    for log in events_dir.glob("events-*.log"):
        log.unlink()
    return Run(
        returncode=process.returncode,
        stdout=stdout_path.read_text(encoding="utf-8", errors="replace"),
        stderr=stderr_path.read_text(encoding="utf-8", errors="replace"),
        seconds=seconds,
        maxrss_kib=usage.ru_maxrss,
        events=tuple(events),
        cwd=cwd,
        tmpdir=tmpdir,
    )


def audit_args(evidence: Path, out: Path, formats: str, *extra: str) -> list[str]:
    """``audit`` of the hostile folder against one pack, as of a fixed date."""
    return [
        "audit",
        str(evidence),
        "--pack",
        PACK,
        "--as-of",
        AS_OF,
        "--format",
        formats,
        "--out",
        str(out),
        *extra,
    ]


@dataclass(frozen=True)
class FullAudit:
    """The hostile folder audited once in every format, watched."""

    run: Run
    out: Path
    cache: Path
    workdir: Path
    requests_after: tuple[str, ...]
    connections_after: tuple[str, ...]


@pytest.fixture(scope="session")
def full_audit(hostile: Hostile, loopback: Loopback, tmp_path_factory: pytest.TempPathFactory) -> FullAudit:
    workdir = tmp_path_factory.mktemp("full-audit")
    out, cache = workdir / "out", workdir / "cache"
    run = run_watched(
        [*audit_args(hostile.evidence, out, FORMATS, "--cache-dir", str(cache), "--jobs", "2")], workdir
    )
    assert run.returncode == 0, run.stderr
    return FullAudit(run, out, cache, workdir, tuple(loopback.requests), tuple(loopback.connections))


@dataclass(frozen=True)
class DeterministicRun:
    """A JSON-only audit of the folder in another process, working directory and hash seed."""

    jobs: str
    hashseed: str
    run: Run
    audit_json: bytes


@pytest.fixture(scope="session")
def deterministic_runs(
    hostile: Hostile, tmp_path_factory: pytest.TempPathFactory
) -> tuple[DeterministicRun, ...]:
    """Two uncached audits: one job and hash seed 1, four jobs and hash seed 4242."""
    runs = []
    for jobs, seed in (("1", "1"), ("4", "4242")):
        workdir = tmp_path_factory.mktemp(f"determinism-jobs{jobs}")
        out = workdir / "out"
        args = audit_args(hostile.evidence, out, "json", "--no-cache", "--jobs", jobs)
        run = run_watched(args, workdir, hashseed=seed)
        assert run.returncode == 0, run.stderr
        runs.append(DeterministicRun(jobs, seed, run, (out / "audit.json").read_bytes()))
    return tuple(runs)


@pytest.fixture(scope="session")
def scan_report(hostile: Hostile) -> dict[str, Any]:
    """``imsaudit scan --format json`` of the folder (in-process, one job, no cache)."""
    from tests.conftest import run_cli

    args = ["scan", str(hostile.evidence), "--pack", PACK, "--format", "json", "--no-cache", "--jobs", "1"]
    report: dict[str, Any] = json.loads(run_cli([*args, "--quiet"]).stdout)
    return report


@pytest.fixture(scope="session")
def audit_json(full_audit: FullAudit) -> dict[str, Any]:
    """The full audit's audit.json."""
    data: dict[str, Any] = json.loads((full_audit.out / "audit.json").read_text(encoding="utf-8"))
    return data


FIGURES: list[str] = []
"""Measurements to print at the end of the session (wall time, peak RSS): reported, not asserted."""


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the wall time and peak memory of the watched runs."""
    for line in FIGURES:
        terminalreporter.write_line(line)
