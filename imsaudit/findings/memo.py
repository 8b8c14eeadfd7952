"""The audit memo: the result of an audit whose every input is unchanged, looked up.

A quarterly re-audit of a folder where nothing changed must cost about what hashing
the files costs (issue 9: at most a tenth of the first audit). The extraction cache
already turns reading into a lookup, but classifying and judging ten thousand
documents again would still take most of the time, to compute the same result.

So each audit is stored under a key that digests everything the result depends on
(``pipeline.audit_key``): the engine's own code, the packs, the settings
(as-of date, organization.yaml, verdicts) and the folder (``folder_digest``: every
file's path and sha256, what was skipped). Any change gives another key and a full
audit; a stored entry that no longer loads is a miss. Entries live beside the
extraction cache, never in the evidence folder; the newest ``KEEP`` are kept.
"""

from __future__ import annotations

import contextlib
import logging
import zlib
from pathlib import Path

from imsaudit.core.atomic import write_atomic
from imsaudit.findings.model import AuditResult

logger = logging.getLogger(__name__)

FOLDER = "audits-v1"
KEEP = 32
"""Entries kept: enough for a consultant's clients, bounded on disk."""


class AuditMemo:
    """Audit results by key, as compressed JSON files; every failure is a miss."""

    def __init__(self, cache_dir: Path) -> None:
        self.folder = cache_dir / FOLDER

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.json.z"

    def get(self, key: str) -> AuditResult | None:
        """The stored result for ``key``, or None."""
        path = self._path(key)
        try:
            data = zlib.decompress(path.read_bytes())
            result = AuditResult.model_validate_json(data)
        except FileNotFoundError:
            return None
        except Exception as exc:  # unreadable or from another build: audit again
            logger.debug("audit memo entry %s unusable: %s", path, exc)
            return None
        with contextlib.suppress(OSError):
            path.touch()  # recently used: kept longest
        return result

    def put(self, key: str, result: AuditResult) -> None:
        """Store ``result`` (atomically), then drop the oldest entries beyond ``KEEP``."""
        try:
            write_atomic(self._path(key), zlib.compress(result.model_dump_json().encode(), 1))
            entries = sorted(self.folder.glob("*.json.z"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
            for old in entries[KEEP:]:
                old.unlink(missing_ok=True)
        except OSError as exc:
            logger.warning("audit memo %s not written (%s)", self.folder, exc)
