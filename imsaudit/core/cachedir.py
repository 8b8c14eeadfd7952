"""What earlier versions of imsaudit left in the cache dir, and this one never reads: removed.

A new format gets a new name (``extract-v2.sqlite``, ``audits-v2/``, ``states-v4/``), so
that an old entry is never read wrongly. The old ones would stay on disk for good: for
the 10,000-document benchmark corpus, 183 MB of extraction cache and 11 MB per audit
state. The extraction cache removes them when it opens the folder. Only the names
listed here are removed, never anything else in the folder (``--cache-dir`` may be a
folder the user shares with other tools); whoever gives a file or folder a new name
adds the old one here.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

logger = logging.getLogger(__name__)

SUPERSEDED = (
    "extract-v1.sqlite",
    "extract-v1.sqlite-wal",
    "extract-v1.sqlite-shm",
    "audits-v1",
    "states-v1",
    "states-v2",
    "states-v3",
    "states-v4",
)
"""Names this version's cache dir no longer uses (zlib entries; earlier state layouts)."""


def remove_superseded(directory: Path) -> list[str]:
    """Remove the ``SUPERSEDED`` names found in ``directory``; the names removed.

    A name that cannot be removed (another process holds it, a read-only folder) is left
    for a later run: housekeeping never fails an audit.
    """
    removed = []
    for name in SUPERSEDED:
        path = directory / name
        try:
            if path.is_symlink() or path.is_file():
                path.unlink()
            elif path.is_dir():
                shutil.rmtree(path)
            else:
                continue
        except OSError as exc:
            logger.debug("%s not removed (%s)", path, exc)
            continue
        removed.append(name)
    if removed:
        logger.info(
            "removed from the cache dir %s what earlier versions wrote: %s", directory, ", ".join(removed)
        )
    return removed
