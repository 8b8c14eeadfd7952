"""The evidence stage: scan a folder into Documents, classify them into an EvidenceIndex.

Public API (imported lazily, so ``import imsaudit.evidence`` costs nothing)::

    scan_folder(root, options=None, *, progress=None) -> ScanResult      (scan.py)
    classify(documents, kinds, *, overrides=()) -> EvidenceIndex         (classify.py)
    build_index(root, kinds, *, organization=None, options=None) -> (ScanResult, EvidenceIndex)
    load_organization(path) -> Organization                             (organization.py)
    Document, EvidenceIndex, Classification, TextUnit, Table, Metadata   (model.py)
"""

from __future__ import annotations

from typing import Any

_EXPORTS = {
    "scan_folder": "imsaudit.evidence.scan",
    "build_index": "imsaudit.evidence.scan",
    "ScanOptions": "imsaudit.evidence.scan",
    "ScanResult": "imsaudit.evidence.scan",
    "classify": "imsaudit.evidence.classify",
    "load_organization": "imsaudit.evidence.organization",
    "find_organization": "imsaudit.evidence.organization",
    "Organization": "imsaudit.evidence.organization",
    "Document": "imsaudit.evidence.model",
    "EvidenceIndex": "imsaudit.evidence.model",
    "Classification": "imsaudit.evidence.model",
    "TextUnit": "imsaudit.evidence.model",
    "Table": "imsaudit.evidence.model",
    "Metadata": "imsaudit.evidence.model",
    "parse_date": "imsaudit.evidence.metadata",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    """Import the public names on first use."""
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
