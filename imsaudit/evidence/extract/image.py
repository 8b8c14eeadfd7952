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
    "1",
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
