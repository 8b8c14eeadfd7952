"""Console helpers shared by commands: rich only when a command prints a table or tree."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

import click

PIPE_WIDTH = 120
"""Table width when output is not a terminal."""

if TYPE_CHECKING:
    from rich.console import Console


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
    click.echo(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False))
