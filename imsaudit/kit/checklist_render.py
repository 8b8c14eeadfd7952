"""The checklist's output formats: a small registry of ``name -> module``.

Each format lives in its own module (``checklist_md``, ``checklist_xlsx``,
``checklist_pdf``) exposing ``render(checklist, paper) -> bytes``; the module is imported
only when its format is asked for, so writing Markdown never loads weasyprint.
Renderers return bytes and never write: the CLI writes the file atomically.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import cast

from imsaudit.core.errors import UsageError
from imsaudit.core.suggest import did_you_mean
from imsaudit.kit.checklist import Checklist

FORMATS: dict[str, str] = {
    "md": "imsaudit.kit.checklist_md",
    "xlsx": "imsaudit.kit.checklist_xlsx",
    "pdf": "imsaudit.kit.checklist_pdf",
}
"""Format name (also the file extension) -> the module that renders it."""

PAPERS = ("a4", "letter")

Render = Callable[[Checklist, str], bytes]


def renderer(name: str) -> Render:
    """The render function of format ``name``; an unknown name is a usage error."""
    if name not in FORMATS:
        raise UsageError(f"unknown checklist format {name!r}{did_you_mean(name, FORMATS)}")
    module = importlib.import_module(FORMATS[name])
    return cast(Render, module.render)


def render_checklist(checklist: Checklist, name: str, paper: str = "a4") -> bytes:
    """The checklist as format ``name`` (``md``, ``xlsx``, ``pdf``); ``paper`` matters to the PDF."""
    if paper not in PAPERS:
        raise UsageError(f"unknown paper size {paper!r}; use one of {', '.join(PAPERS)}")
    return renderer(name)(checklist, paper)


def default_filename(checklist: Checklist, name: str) -> str:
    """``checklist-iso9001-2015.md``; several packs: ``checklist-iso56001-2024-iso9001-2015.md``."""
    return f"checklist-{'-'.join(checklist.pack_ids)}.{name}"
