"""Renderers: one module per output format, discovered; each reads only the AuditResult.

``RENDERERS`` maps a format name (``json``, ``pdf``...) to its renderer; ``--format``
choices come from it, so adding a format touches its own module only.
"""

from __future__ import annotations

import importlib
import pkgutil

from imsaudit.render.base import RENDERERS, Renderer, RenderOptions

__all__ = ["RENDERERS", "RenderOptions", "Renderer", "renderer_modules"]


def renderer_modules() -> list[str]:
    """Modules that define renderers (``base`` and ``_private`` excluded), sorted."""
    return sorted(
        m.name for m in pkgutil.iter_modules(__path__) if m.name != "base" and not m.name.startswith("_")
    )


for _module in renderer_modules():
    importlib.import_module(f"{__name__}.{_module}")
