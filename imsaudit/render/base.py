"""The renderer interface: ``name``, ``filename``, ``render(result, options) -> bytes``.

Renderers return bytes and never write files: the CLI writes them atomically, so a
renderer that fails midway leaves nothing half-written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from imsaudit.core.registry import Registry
from imsaudit.findings.model import AuditResult


@dataclass(frozen=True)
class RenderOptions:
    """Presentation choices that do not change the audit's result."""

    paper: str = "a4"


class Renderer:
    """Base of renderers. Subclasses set ``name`` and ``filename`` and implement ``render``."""

    name: ClassVar[str]
    filename: ClassVar[str]
    """The output file's name in ``--out`` (``audit.json``, ``report.pdf``)."""

    def render(self, result: AuditResult, options: RenderOptions) -> bytes:
        raise NotImplementedError


RENDERERS: Registry[type[Renderer]] = Registry("output format")


def register(cls: type[Renderer]) -> type[Renderer]:
    """Class decorator: register a renderer under its ``name``."""
    return RENDERERS.register(cls.name)(cls)
