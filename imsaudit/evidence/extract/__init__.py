"""Extractors, one module per format, discovered from this package's modules.

Each public module (not ``base``, not ``_private`` helpers) registers exactly one
extractor; adding a format touches its own module, its fixture and its golden file,
never a list here. Heavy libraries are imported inside the extract functions, so
importing this package stays cheap.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from imsaudit.evidence.extract.base import (
    EXTRACTORS,
    ExtractContext,
    ExtractError,
    Extractor,
    Limits,
    run_extractor,
)
from imsaudit.evidence.model import DocumentFormat

__all__ = [
    "EXTRACTORS",
    "ExtractContext",
    "ExtractError",
    "Extractor",
    "Limits",
    "extractor_for",
    "extractor_modules",
    "run_extractor",
]


def extractor_modules() -> list[str]:
    """Names of the modules that define extractors, sorted."""
    return sorted(
        m.name for m in pkgutil.iter_modules(__path__) if m.name != "base" and not m.name.startswith("_")
    )


for _module in extractor_modules():
    importlib.import_module(f"{__name__}.{_module}")


@cache
def _by_extension() -> dict[str, Extractor]:
    table: dict[str, Extractor] = {}
    for _, extractor in EXTRACTORS.items():
        for extension in extractor.formats:
            if extension in table:
                raise RuntimeError(
                    f"extension .{extension} claimed by {table[extension].name} and {extractor.name}"
                )
            table[extension] = extractor
    return table


def extractor_for(path: str) -> tuple[Extractor, DocumentFormat] | None:
    """The extractor and format for a file name, by its extension; None when none reads it."""
    name = path.rsplit("/", 1)[-1]
    if "." not in name:
        return None
    extension = name.rsplit(".", 1)[-1].lower()
    extractor = _by_extension().get(extension)
    if extractor is None:
        return None
    return extractor, extractor.formats[extension]


def supported_extensions() -> tuple[str, ...]:
    """Every extension some extractor reads, sorted."""
    return tuple(sorted(_by_extension()))
