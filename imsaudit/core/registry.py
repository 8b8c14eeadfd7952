"""A name -> entry registry used for check types and renderers.

Registries raise on a duplicate name instead of silently keeping one of the two:
two check types called ``fresh`` would make packs mean different things on different
machines depending on import order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

from imsaudit.core.errors import UsageError
from imsaudit.core.suggest import did_you_mean

T = TypeVar("T")


class DuplicateNameError(RuntimeError):
    """Two entries were registered under the same name: a programming error, not user input."""


class Registry(Generic[T]):
    """Entries by name, in registration order; ``what`` names the entries in messages."""

    def __init__(self, what: str) -> None:
        self.what = what
        self._entries: dict[str, T] = {}

    def register(self, name: str) -> Callable[[T], T]:
        """Decorator: register the decorated object under ``name``."""

        def decorate(entry: T) -> T:
            if name in self._entries:
                raise DuplicateNameError(f"{self.what} {name!r} is registered twice")
            self._entries[name] = entry
            return entry

        return decorate

    def get(self, name: str) -> T:
        """The entry called ``name``; an unknown name is a usage error with a suggestion."""
        try:
            return self._entries[name]
        except KeyError:
            raise UsageError(f"unknown {self.what} {name!r}{did_you_mean(name, self._entries)}") from None

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._entries))

    def __len__(self) -> int:
        return len(self._entries)

    def items(self) -> list[tuple[str, T]]:
        """Entries sorted by name, so listings and generated docs are stable."""
        return sorted(self._entries.items())
