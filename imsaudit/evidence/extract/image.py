"""Images (a photographed or scanned record): OCR with tesseract, or reported unread.

A signed form scanned to JPEG is evidence like a scanned PDF: read by OCR when
tesseract is installed, otherwise listed with the "no text layer" warning so that
checks needing its text say ``needs_review``.
"""

from __future__ import annotations

import logging

from imsaudit.evidence.extract._builder import ResultBuilder
from imsaudit.evidence.extract._ocr import OcrError
from imsaudit.evidence.extract._text import guess_heading
from imsaudit.evidence.extract.base import ExtractContext, ExtractError, register
from imsaudit.evidence.model import DocumentFormat, ExtractResult, pages_without_text_message

logger = logging.getLogger(__name__)

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
)


@register(
    "image",
    "2",  # 2: TIFF sizes are checked before OCR
    {
        "png": DocumentFormat.IMAGE,
        "jpg": DocumentFormat.IMAGE,
        "jpeg": DocumentFormat.IMAGE,
        "tif": DocumentFormat.IMAGE,
        "tiff": DocumentFormat.IMAGE,
    },
    heavy=True,
    uses_ocr=True,
)
def extract_image(data: bytes, context: ExtractContext) -> ExtractResult:
    """OCR the image when tesseract is available; otherwise one page without text."""
    if not any(data.startswith(magic) for magic, _ in _MAGIC):
        raise ExtractError(f"not a valid .{context.extension} image: corrupt or mislabelled")
    builder = ResultBuilder(context)
    size = image_size(data)
    if size is not None and size[0] * size[1] > context.limits.ocr_max_pixels:
        # tesseract would decode it whole: a 30 000 x 30 000 PNG is 1 MB on disk, 900 MB in memory
        builder.warn(
            f"image is {size[0]:,} x {size[1]:,} pixels, over the"
            f" {context.limits.ocr_max_pixels:,} pixel limit for OCR: not read"
        )
        return builder.finish(pages=1, pages_without_text=(1,))
    text = None
    if context.ocr is not None:
        try:
            text = context.ocr.read(data)
        except OcrError as exc:
            builder.warn(str(exc))
    if text is None or len("".join(text.split())) < 3:
        builder.warn(pages_without_text_message(1))
        return builder.finish(pages=1, pages_without_text=(1,))
    for line in text.split("\n"):
        heading = guess_heading(line)
        if heading is not None:
            builder.heading(heading[0], heading[1], "page 1")
        else:
            builder.text(line, "page 1")
    builder.warn("text of page(s) 1 read by OCR (tesseract): may contain errors")
    return builder.finish(pages=1, ocr_pages=(1,))


def image_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from a PNG, JPEG or TIFF header, before anything decodes the pixels.

    None when the header does not say. For a multi-page TIFF, its largest page.
    """
    if data.startswith((b"II*\x00", b"MM\x00*")):
        return _tiff_size(data)
    if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR" and len(data) >= 24:
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    if data.startswith(b"\xff\xd8"):
        position = 2
        while position + 9 <= len(data) and data[position] == 0xFF:
            marker = data[position + 1]
            length = int.from_bytes(data[position + 2 : position + 4], "big")
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):  # start of frame
                height = int.from_bytes(data[position + 5 : position + 7], "big")
                return int.from_bytes(data[position + 7 : position + 9], "big"), height
            if length < 2:
                return None
            position += 2 + length
    return None


_TIFF_WIDTH, _TIFF_LENGTH = 256, 257
_TIFF_MAX_PAGES = 256
"""Pages whose size is read; a TIFF with more (or an IFD chain that loops) stops there."""


def _tiff_size(data: bytes) -> tuple[int, int] | None:
    """The largest page's (width, height) from the image file directories of a TIFF."""
    order = "little" if data[:2] == b"II" else "big"

    def number(at: int, size: int) -> int:
        return int.from_bytes(data[at : at + size], order)  # type: ignore[arg-type]

    largest: tuple[int, int] | None = None
    offset = number(4, 4)
    seen: set[int] = set()
    while offset >= 8 and offset + 2 <= len(data) and offset not in seen and len(seen) < _TIFF_MAX_PAGES:
        seen.add(offset)
        count = number(offset, 2)
        found: dict[int, int] = {}
        for entry in range(offset + 2, min(offset + 2 + 12 * count, len(data) - 11), 12):
            tag, kind = number(entry, 2), number(entry + 2, 2)
            if tag in (_TIFF_WIDTH, _TIFF_LENGTH) and kind in (3, 4):  # SHORT or LONG, stored inline
                found[tag] = number(entry + 8, 2 if kind == 3 else 4)
        if _TIFF_WIDTH in found and _TIFF_LENGTH in found:
            page = (found[_TIFF_WIDTH], found[_TIFF_LENGTH])
            if largest is None or page[0] * page[1] > largest[0] * largest[1]:
                largest = page
        offset = number(offset + 2 + 12 * count, 4)
    return largest
