"""A small store of pydantic models as compressed JSON files, newest kept, failures a miss.

The audit memo (``findings.memo``) and the audit state (``findings.incremental``) both
keep a bounded number of entries beside the extraction cache. Neither may break an
audit: an entry that cannot be read or written is logged and treated as absent.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

from imsaudit.core.atomic import write_atomic
from imsaudit.core.compress import compress_pieces, decompress

logger = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)
SUFFIX = ".json.zst"


class ModelStore(Generic[M]):
    """Models of one type by key, in ``folder``; the ``keep`` most recently used survive."""

    def __init__(self, folder: Path, model: type[M], keep: int) -> None:
        self.folder = folder
        self.model = model
        self.keep = keep

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}{SUFFIX}"

    def get(self, key: str) -> M | None:
        """The stored model for ``key``, or None (absent, unreadable, from another build)."""
        data = self.data(key)
        if data is None:
            return None
        try:
            return self.parse(data)
        except Exception as exc:  # from another build: the caller recomputes
            logger.debug("%s unusable: %s", self._path(key), exc)
            return None

    def data(self, key: str) -> bytes | None:
        """What is stored for ``key``, decompressed (``parse`` makes the model), or None."""
        path = self._path(key)
        try:
            found = decompress(path.read_bytes())
        except FileNotFoundError:
            return None
        except Exception as exc:  # unreadable: the caller recomputes
            logger.debug("%s unusable: %s", path, exc)
            return None
        with contextlib.suppress(OSError):
            path.touch()  # recently used: kept longest
        return found

    def parse(self, data: bytes) -> M:
        """The model stored as ``data`` (what ``put_json`` wrote, decompressed); raises when it is not one."""
        return self.model.model_validate_json(data)

    def put(self, key: str, value: M) -> None:
        """Store ``value`` atomically, then drop the least recently used beyond ``keep``."""
        # ``model_dump_json`` as bytes: its text would only be encoded again.
        self.put_json(key, [type(value).__pydantic_serializer__.to_json(value)])

    def put_json(self, key: str, pieces: Iterable[bytes]) -> None:
        """Store a model's JSON (UTF-8) given in ``pieces``, compressed as they come.

        A large model need never be one string or one tree of objects. Then drop the
        least recently used beyond ``keep``.
        """
        data = compress_pieces(pieces)
        try:
            write_atomic(self._path(key), data)
            entries = sorted(self.folder.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
            for old in entries[self.keep :]:
                old.unlink(missing_ok=True)
        except OSError as exc:
            logger.warning("%s not written (%s)", self.folder, exc)
