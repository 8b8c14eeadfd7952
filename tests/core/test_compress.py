"""The cache dir's codec: what goes in comes out, whole or in pieces; other bytes raise."""

from __future__ import annotations

import random
import threading

import pytest
import zstandard
from hypothesis import given
from hypothesis import strategies as st

from imsaudit.core.compress import compress, compress_pieces, decompress


@given(st.binary(max_size=4096))
def test_compress_round_trips(data: bytes) -> None:
    packed = compress(data)
    assert decompress(packed) == data


@given(st.lists(st.binary(max_size=512), max_size=20))
def test_pieces_round_trip_as_one(pieces: list[bytes]) -> None:
    """A frame streamed piece by piece, which does not say its size up front, reads back whole."""
    assert decompress(compress_pieces(iter(pieces))) == b"".join(pieces)


def test_repetitive_text_shrinks() -> None:
    text = b'{"kind":"improvement-register","score":9}\n' * 1000
    assert len(compress(text)) < len(text) // 20


_WHOLE = compress(b"a cache entry " * 50)


@pytest.mark.parametrize(
    "data",
    [b"not zstandard", b"\x28\xb5\x2f\xfd" + bytes(16), _WHOLE[:-3], _WHOLE + b"more", b""],
    ids=["other bytes", "a header alone", "truncated", "trailing bytes", "empty"],
)
def test_other_bytes_raise(data: bytes) -> None:
    with pytest.raises(zstandard.ZstdError):
        decompress(data)


def test_a_damaged_frame_raises() -> None:
    """Frames carry a checksum of their content: a changed byte is an error, never other data."""
    # Bytes that do not compress are stored as they are: without the checksum, a changed
    # byte among them would decompress to other bytes, without an error.
    frame = bytearray(compress_pieces([random.Random(1).randbytes(2000)]))
    frame[len(frame) // 2] ^= 0xFF
    with pytest.raises(zstandard.ZstdError):
        decompress(bytes(frame))


def test_threads_compress_at_once() -> None:
    """Each thread has its own compressor: an audit may run in any thread of a program."""
    texts = [bytes([n]) * 100_000 + b"end" for n in range(8)]
    found: dict[int, bytes] = {}

    def one(n: int) -> None:
        for _ in range(20):
            found[n] = decompress(compress(texts[n]))

    threads = [threading.Thread(target=one, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert found == dict(enumerate(texts))
