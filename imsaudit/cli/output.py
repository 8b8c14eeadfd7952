"""Console helpers shared by commands: rich only when a command prints a table or tree."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
"""Context settings of every command, so ``-h`` works however a command is invoked."""

F = TypeVar("F", bound=Callable[..., Any])


def extraction_options(command: F) -> F:
    """``--jobs``, ``--no-cache`` and ``--cache-dir``: shared by every command that scans a folder."""
    for option in reversed(
        (
            click.option(
                "--jobs",
                type=click.IntRange(min=1),
                default=None,
                help="Worker processes that read and classify the files (default: one per core).",
            ),
            click.option(
                "--no-cache",
                is_flag=True,
                help="Read every file and judge again; neither use nor fill the cache.",
            ),
            click.option(
                "--cache-dir",
                type=click.Path(file_okay=False, path_type=Path),
                default=None,
                help="Where the caches live: extraction, audits, packs (default: the user cache dir).",
            ),
        )
    ):
        command = option(command)
    return command


def paper_option(what: str) -> Callable[[F], F]:
    """``--paper a4|letter`` for a command that writes a PDF (``what`` names it in the help)."""
    return click.option(
        "--paper",
        type=click.Choice(["a4", "letter"]),
        default="a4",
        show_default=True,
        help=f"Page size of {what}.",
    )


PIPE_WIDTH = 120
"""Table width when output is not a terminal."""

if TYPE_CHECKING:
    from rich.console import Console

    from imsaudit.evidence.scan import ScanProgress


def console(stderr: bool = False) -> Console:
    """A rich console on the *current* stdout/stderr (so click's test runner captures it).

    rich drops colour and styling by itself when the stream is not a terminal, and
    honours ``NO_COLOR``.
    """
    import os

    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    # Piped output (a file, a CI log) has no width; 80 columns would fold every table.
    width = None if stream.isatty() or "COLUMNS" in os.environ else PIPE_WIDTH
    return Console(file=stream, highlight=False, soft_wrap=False, width=width)


def echo_json(data: Any) -> None:
    """Stable JSON: sorted keys, two-space indent, UTF-8 kept readable."""
    from imsaudit.core.jsontext import pretty  # orjson's import is 40 ms of ``--help``

    click.echo(pretty(data, sort_keys=True))


@contextmanager
def scan_progress(enabled: bool) -> Iterator[Callable[[ScanProgress], None] | None]:
    """A progress bar on stderr for the scan, when ``enabled`` and stderr is a terminal.

    Yields the callback to hand to ``scan_folder`` (None when there is no bar); the bar
    disappears when the scan ends, so logs and piped output stay clean. The bar is
    redrawn by the callback, at most ten times a second, rather than by rich's refresh
    thread: a process with a second thread cannot fork its workers safely
    (``scan.pool_context``), and spawned ones take longer to start.
    """
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn("scanning"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        console=Console(stderr=True),
        transient=True,
        auto_refresh=False,
    ) as progress:
        task = progress.add_task("", total=None)
        drawn = 0.0

        def update(event: ScanProgress) -> None:
            nonlocal drawn
            progress.update(task, completed=event.done, total=event.total, description=event.path[-50:])
            now = time.monotonic()
            if now - drawn >= 0.1 or event.done == event.total:
                drawn = now
                progress.refresh()

        yield update
