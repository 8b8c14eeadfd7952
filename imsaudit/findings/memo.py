"""The audit memo: the result of an audit whose every input is unchanged, looked up.

A quarterly re-audit of a folder where nothing changed must cost about what hashing
the files costs (issue 9: at most a tenth of the first audit). The extraction cache
already turns reading into a lookup, but classifying and judging ten thousand
documents again would still take most of the time, to compute the same result.

So each audit is stored under a key that digests everything the result depends on
(``pipeline.audit_key``): the engine's own code, the packs, the settings
(as-of date, organization.yaml, verdicts) and the folder (``hash_folder``: every
file's path and sha256, what was skipped). Any change gives another key, and the audit
is made again (from what did not change, ``findings.incremental``); a stored entry that
no longer loads is a miss. Entries live beside the
extraction cache, never in the evidence folder; the newest ``KEEP`` are kept.
"""

from __future__ import annotations

from pathlib import Path

from imsaudit.core.store import ModelStore
from imsaudit.findings.model import AuditResult

FOLDER = "audits-v2"
"""A new name for a new layout; the old one goes into ``core.cachedir.SUPERSEDED``."""
KEEP = 32
"""Entries kept: enough for a consultant's clients, bounded on disk."""


class AuditMemo(ModelStore[AuditResult]):
    """Audit results by key, as compressed JSON files; every failure is a miss."""

    def __init__(self, cache_dir: Path) -> None:
        super().__init__(cache_dir / FOLDER, AuditResult, KEEP)
