"""Decoding bytes of unknown encoding, and guessing headings in plain lines of text.

Evidence folders hold text from every era: UTF-8 from a wiki, UTF-16 from a Windows
export, cp1252 from an old PC. Decoding tries the cheap certain answers first (a BOM,
strict UTF-8), then asks charset-normalizer. Between the Western single-byte code pages
we prefer cp1252 (called latin-1 when no byte uses
the range where the two differ) whenever it reads the bytes as cleanly as the best guess:
short texts fit several code pages equally well, and cp1252 is by far the most common.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from imsaudit.evidence.extract.base import ExtractError

if TYPE_CHECKING:
    from imsaudit.evidence.extract._builder import ResultBuilder

logger = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_WESTERN = {
    "cp1252",
    "cp1250",
    "cp1257",
    "latin_1",
    "iso8859_15",
    "iso8859_2",
    "iso8859_9",
    "iso8859_10",
    "iso8859_13",
    "iso8859_14",
    "iso8859_16",
    "mac_roman",
    "mac_latin2",
    "cp1254",
    "cp850",
    "cp437",
}

SAMPLE_BYTES = 256 * 1024
"""charset-normalizer looks at this much; the whole file is then decoded with its answer."""


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_REPLACEMENT = "\ufffd"


def decode_text(data: bytes, warn: Callable[[str], None] | None = None) -> tuple[str, str]:
    """``(text, encoding)`` with newlines normalized to LF; ``ExtractError`` for binary data.

    ``warn`` receives the one line about a lossy decode (UTF-8 with a few invalid bytes).
    """
    text, encoding, replaced = _decode(data)
    if replaced and warn is not None:
        plural = "s" if replaced > 1 else ""
        warn(f"not valid UTF-8: {replaced:,} invalid byte{plural} replaced with U+FFFD")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding


def clip_lines(lines: list[str], builder: ResultBuilder) -> list[str]:
    """``lines`` with every line over the unit limit cut (and counted by the builder).

    Done before a parser sees the text: markdown-it on a 50 MB line takes seconds and
    hundreds of MB; cut at 100 000 characters it takes milliseconds.
    """
    limit = builder.context.limits.max_unit_chars
    return [
        line if len(line) <= limit else builder.clip(line, f"line {number}")
        for number, line in enumerate(lines, 1)
    ]


def _decode(data: bytes) -> tuple[str, str, int]:
    """``(text, encoding, bytes replaced)``."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding.replace("-sig", "")), encoding, 0
            except UnicodeDecodeError:
                raise ExtractError(f"invalid {encoding} text after its byte-order mark") from None
    if b"\x00" in data[:SAMPLE_BYTES]:  # UTF-16 without a BOM, or not text at all
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return (*utf16, 0)
        raise ExtractError("binary data, not text: not read")
    try:
        return data.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    from charset_normalizer import from_bytes

    sample = data[:SAMPLE_BYTES]
    best = from_bytes(sample).best()
    if best is None:
        raise ExtractError("binary data or unknown text encoding: not read")
    encoding = best.encoding
    if encoding in _WESTERN and encoding != "cp1252":
        # Short Western texts fit several code pages equally well; cp1252 is by far the
        # most common, so it wins whenever it reads the bytes at least as cleanly.
        western = from_bytes(sample, cp_isolation=["cp1252"]).best()
        if western is not None and western.chaos <= best.chaos:
            encoding = "cp1252"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise ExtractError(f"text does not decode as {encoding}: not read") from None
    if encoding == "cp1252" and not any(0x80 <= b <= 0x9F for b in data):
        return text, "latin-1", 0
    return text, encoding, 0


def _mostly_utf8(data: bytes) -> tuple[str, str, int] | None:
    """UTF-8 with a few broken bytes (a truncated character, a stray byte from a paste).

    When the file has more valid multi-byte UTF-8 characters than invalid bytes, it is
    UTF-8: decoding it as a single-byte code page would garble every accent to fix a
    few bytes. The broken bytes become U+FFFD and the document says how many.
    """
    valid = len(_UTF8_MULTIBYTE.findall(data))
    if not valid:
        return None
    text = data.decode("utf-8", errors="replace")
    replaced = text.count(_REPLACEMENT) - data.count(_REPLACEMENT.encode("utf-8"))
    if replaced <= 0 or replaced >= valid:
        return None
    return text, "utf-8", replaced


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: mostly-ASCII text has a zero in every other byte."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_zeros = sample[0::2].count(0) / (len(sample) // 2)
    odd_zeros = sample[1::2].count(0) / (len(sample) // 2)
    for encoding, zeros in (("utf-16-le", odd_zeros), ("utf-16-be", even_zeros)):
        if zeros > 0.3:
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    return None


_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+(\S.{0,90})$")
_MARKDOWN = re.compile(r"^(#{1,6})\s+(\S.*?)\s*#*$")
_LETTERS = re.compile(r"[^\W\d_]")


def guess_heading(line: str) -> tuple[str, int] | None:
    """``(title, level)`` when a plain line looks like a heading, else None.

    Used for plain text and PDF pages, which have no heading markup. Only strong
    signals count: ``4.2 Scope`` style numbering (level = depth), ``# Title``, and
    short ALL-CAPS lines. A numbered line ending in a full stop is a list item.
    """
    text = line.strip()
    if not text or len(text) > 100:
        return None
    first = text[0]
    if first == "#":
        match = _MARKDOWN.match(text)
        return (match.group(2), len(match.group(1))) if match else None
    match = _NUMBERED.match(text) if first.isdigit() else None
    if match is not None:
        title = match.group(2).strip()
        words = title.split()
        if (
            len(words) <= 10
            and title[0].isupper()
            and not title.endswith((".", ",", ";", ":"))
            and _LETTERS.search(title)
            and not any(ch.isdigit() for ch in words[-1])
        ):
            return text, match.group(1).count(".") + 1
        return None
    if text.upper() != text:  # most lines: not all capitals, not a heading
        return None
    letters = _LETTERS.findall(text)
    if (
        len(letters) >= 4
        and len(letters) >= 0.6 * len(text.replace(" ", ""))
        and text.upper() == text
        and len(text.split()) <= 8
        and not text.endswith((".", ","))
    ):
        return text, 1
    return None


def setext_level(underline: str) -> int | None:
    """Level of a ``=====`` (1) or ``-----`` (2) underline, or None."""
    stripped = underline.strip()
    if len(stripped) >= 3 and set(stripped) == {"="}:
        return 1
    if len(stripped) >= 3 and set(stripped) == {"-"}:
        return 2
    return None


def add_line(builder: ResultBuilder, line: str, where: str) -> None:
    """A line of a text layer: a heading when it looks like one (numbered, short, capitals), else text."""
    heading = guess_heading(line)
    if heading is not None:
        builder.heading(heading[0], heading[1], where)
    else:
        builder.text(line, where)
