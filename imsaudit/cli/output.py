"""Console helpers shared by commands: rich only when a command prints a table or tree."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from rich.console import Console


def console(stderr: bool = False) -> Console:
    """A rich console on the *current* stdout/stderr (so click's test runner captures it).

    rich drops colour and styling by itself when the stream is not a terminal, and
    honours ``NO_COLOR``.
    """
    from rich.console import Console

    return Console(file=sys.stderr if stderr else sys.stdout, highlight=False, soft_wrap=False)


def echo_json(data: Any) -> None:
    """Stable JSON: sorted keys, two-space indent, UTF-8 kept readable."""
    click.echo(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False))
