"""Cache writes in a forked child: where they run, and that ``wait`` sees them done."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from imsaudit.core import background

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="writes fork on Linux only")


def _writer(target: Path, text: str = "") -> Callable[[], None]:
    def write() -> None:
        target.write_text(f"{os.getpid()} {text}".strip(), encoding="utf-8")

    return write


@linux_only
def test_detached_writes_run_in_a_child_and_are_done_after_wait(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    background.run([_writer(first), _writer(second, "after")], detach=True)
    background.wait()
    (pid,) = {first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8").split()[0]}
    assert int(pid) != os.getpid()
    assert second.read_text(encoding="utf-8").endswith("after")


def test_writes_not_detached_run_here(tmp_path: Path) -> None:
    target = tmp_path / "here"
    background.run([_writer(target)], detach=False)
    assert int(target.read_text(encoding="utf-8")) == os.getpid()


def test_writes_run_here_while_another_thread_runs(tmp_path: Path) -> None:
    """A thread holding a lock at the fork would leave it held in the child for good."""
    target = tmp_path / "here"
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        background.run([_writer(target)], detach=True)
    finally:
        stop.set()
        thread.join()
    assert int(target.read_text(encoding="utf-8")) == os.getpid()


@linux_only
def test_a_failing_write_ends_its_child_and_not_this_process(tmp_path: Path) -> None:
    after = tmp_path / "after"

    def fail() -> None:
        raise OSError("disk full")

    background.run([fail, _writer(after)], detach=True)
    background.wait()
    assert not after.exists()  # the work after a failure is not run; the next audit misses


@linux_only
def test_a_fork_waits_for_this_modules_threads(tmp_path: Path) -> None:
    """Work ``in_thread`` (waiting on the disk) overlaps the audit, never a fork."""
    done: list[str] = []

    def slow() -> None:
        time.sleep(0.05)
        done.append("closed")

    background.in_thread(slow)
    assert threading.active_count() == 2
    assert background.can_fork()  # after the thread ended, not instead of it
    assert done == ["closed"] and threading.active_count() == 1
    target = tmp_path / "child"
    background.in_thread(lambda: done.append("again"))
    background.run([_writer(target)], detach=True)
    background.wait()
    assert int(target.read_text(encoding="utf-8")) != os.getpid() and done[-1] == "again"
