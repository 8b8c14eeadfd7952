"""Cache writes that need not hold up an audit's result: run in a forked child process.

A re-audit after a few changed files ends by storing its state and its memo entry
(``findings.incremental``, ``findings.memo``): at 10,000 documents about 0.4 s on one
core, with the other idle, before the reports could be written. A forked child has the
audit's objects as they are, so it writes them while this process goes on (measured:
0.15-0.3 s off such a re-audit); ``wait`` (called by the next ``run_audit``, and when the
process exits) makes sure a later audit finds them. The child copies the memory pages
of what it touches: that re-audit's peak went from 540 to 910 MiB, below a first
audit's, which writes its own state (``pipeline.CacheWrites``). Writes are atomic: a
reader sees the old entry or the new one, and a write that fails is a cache miss, as
it was when it ran in this process.

Forking is safe on Linux only, and only while this process runs no other thread
(``can_fork``); elsewhere the writes run here, at once.

Work that waits on the disk rather than the processor (closing the extraction cache:
SQLite copies its write-ahead log into the database and flushes it, 0.1 s after a
re-audit's scan) runs in a thread instead (``in_thread``), while the audit goes on.
Such a thread is waited for before this process forks (``can_fork``) and by ``wait``.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import logging
import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import NoReturn

logger = logging.getLogger(__name__)

_children: list[int] = []
_threads: list[threading.Thread] = []


def in_thread(work: Callable[[], None]) -> None:
    """Run ``work`` in a thread of its own; ``settle`` waits for it. It must not fail, nor log."""
    thread = threading.Thread(target=work, name="imsaudit-background")
    thread.start()
    _threads.append(thread)


def settle() -> None:
    """Wait for the threads ``in_thread`` started."""
    while _threads:
        _threads.pop(0).join()


def can_fork() -> bool:
    """Whether this process may fork a child that runs Python code (here, ``scan.pool_context``).

    On Linux only (macOS's system libraries are not safe to fork), and only while this
    process runs no other thread: a thread holding a lock when the process forks (a
    logging handler's, stderr's) leaves it held forever in the child. This module's own
    threads are waited for first (``settle``).
    """
    settle()
    return sys.platform == "linux" and threading.active_count() == 1


def run(work: Sequence[Callable[[], None]], *, detach: bool) -> None:
    """Run ``work`` in order: in a forked child when ``detach`` and forking is safe, else here."""
    if detach and can_fork():
        # Objects the collector never walks stay shared with the child: a collection in
        # either process would write to (and so copy) every page of them.
        gc.freeze()
        try:
            pid = os.fork()
        except OSError as exc:  # no process to spare: write here
            logger.debug("cache writes not forked (%s)", exc)
        else:
            if pid == 0:
                _child(work)
            _children.append(pid)
            return
    for item in work:
        item()


def _child(work: Sequence[Callable[[], None]]) -> NoReturn:
    """The forked child: run ``work`` and exit, without the parent's exit handlers or buffers."""
    code = 0
    try:
        # A collection would walk (and so copy) every page of the parent's objects.
        gc.disable()
        for item in work:
            item()
    except BaseException as exc:  # a cache write that fails is a miss, never an error
        logger.warning("cache not written (%s)", exc)
        code = 1
    finally:
        os._exit(code)


def wait() -> None:
    """Wait for the writes running in the background: what they write, a later audit reads."""
    settle()
    while _children:
        pid = _children.pop(0)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)


atexit.register(wait)
