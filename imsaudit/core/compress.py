"""How imsaudit compresses what it keeps in its cache dir: zstandard, level 1.

The extraction cache, the audit memo and the audit states are written on every cold
audit and read on every re-audit, so their codec's speed is part of both (issue 9).
Measured on the 10,000-document benchmark corpus against zlib level 1, the codec used
before:

- extraction cache entries (147 MB of JSON for 2,000 documents): compressed in 0.37 s
  against 0.94 s, 12 % smaller, decompressed in 0.12 s against 0.49 s;
- an audit state (54 MB of JSON lines): compressed in 0.13 s against 0.32 s, 20 %
  smaller, decompressed in 0.07 s against 0.18 s.

Each frame carries a checksum of its content (xxHash64: 0.01 s for 54 MB), which
decompressing verifies: a damaged entry is a miss, never data read wrongly.

A compressor or decompressor object must not be used by two threads at once, so each
thread makes its own (``threading.local``): the scan's workers, the main process and
any thread an embedding program runs an audit in.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

import zstandard

LEVEL = 1
"""Level 3 (zstandard's default) took a quarter longer for 4 % less."""

_local = threading.local()


def _compressor() -> zstandard.ZstdCompressor:
    found: zstandard.ZstdCompressor | None = getattr(_local, "compressor", None)
    if found is None:
        found = _local.compressor = zstandard.ZstdCompressor(level=LEVEL, write_checksum=True)
    return found


def _decompressor() -> zstandard.ZstdDecompressor:
    found: zstandard.ZstdDecompressor | None = getattr(_local, "decompressor", None)
    if found is None:
        found = _local.decompressor = zstandard.ZstdDecompressor()
    return found


def compress(data: bytes) -> bytes:
    """``data`` compressed (one zstandard frame)."""
    return _compressor().compress(data)


def compress_pieces(pieces: Iterable[bytes]) -> bytes:
    """The pieces compressed as one frame, as they come: a large text need never be one string."""
    stream = _compressor().compressobj()
    return b"".join(stream.compress(piece) for piece in pieces) + stream.flush()


def decompress(data: bytes) -> bytes:
    """The inverse of ``compress`` and ``compress_pieces``; raises ``zstandard.ZstdError`` on other bytes.

    A streamed frame does not say its size up front, so it is read as a stream too;
    a stream that stops before its frame ends (a truncated file) raises as well.
    """
    stream = _decompressor().decompressobj()
    found = stream.decompress(data)
    if not stream.eof or stream.unused_data:
        raise zstandard.ZstdError("not one whole zstandard frame")
    return found
