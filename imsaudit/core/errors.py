"""Every exception imsaudit raises on purpose, in one place.

Hierarchy::

    ImsauditError                 base: the CLI maps it to exit code 2, one line each
    ├── UsageError                a command was called wrongly (unknown pack id, bad option)
    └── InputError                input that stops the run; carries one or more Problems
        ├── PackError             a clause pack (YAML) is invalid
        └── SettingsError         organization.yaml or audit settings are invalid

Per-document problems are *not* exceptions: an unreadable DOCX is a diagnostic on that
document and the run goes on (see ``Problem``). Only run-level problems raise.

Messages follow the compiler convention ``path:line:col: message`` so editors and CI
annotate the right place.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at one place in one file; ``line`` and ``col`` are 1-based, 0 = unknown."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.col:
                where += f":{self.col}"
        return f"{where}: {self.message}"


class ImsauditError(Exception):
    """Base class of the errors the CLI turns into one line and exit code 2."""


class UsageError(ImsauditError):
    """A command was called with arguments that cannot work (unknown pack id, bad value)."""


class InputError(ImsauditError):
    """Input that stops the run. Holds every problem found, not only the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


class PackError(InputError):
    """A clause pack does not load or does not validate."""


class SettingsError(InputError):
    """``organization.yaml`` or the audit settings are invalid."""
