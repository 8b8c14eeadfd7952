"""Exit codes (the CLI contract in DESIGN.md) and the one function that decides them."""

from __future__ import annotations

import click

from imsaudit.core.errors import ImsauditError

EXIT_OK = 0
"""The command ran (for ``audit``: and no finding reached ``--fail-on``)."""
EXIT_FINDINGS = 1
"""``audit``: findings at or above ``--fail-on``."""
EXIT_INPUT = 2
"""Usage or input error that stops the run (also internal errors: the run did not happen)."""


def exit_code_for(exc: BaseException) -> int:
    """Map an exception that ended a command to its exit code."""
    if isinstance(exc, click.exceptions.Exit):
        return int(exc.exit_code)
    if isinstance(exc, ImsauditError | click.ClickException | click.Abort):
        return EXIT_INPUT
    return EXIT_INPUT
