"""imsaudit: audit a management system's own documents against ISO requirement packs.

The package is a pipeline (see ``docs/architecture.md``)::

    clauses/*.yaml -load-> Pack -build-> ClauseGraph
    evidence dir   -scan-> Documents -classify-> EvidenceIndex
    evaluate -> propagate -> score + plan -> AuditResult -render-> outputs

Importing the package is cheap on purpose: heavy libraries are imported by the
stage that needs them, so ``imsaudit --help`` stays fast.
"""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
