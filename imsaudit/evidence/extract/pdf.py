"""PDF through pypdfium2: text per page, document info, scanned pages detected and OCRed.

pypdfium2 (Apache/BSD) reads text faster than pdftotext and keeps sentences whole
(0.999 sentence-exact against ground truth, extraction-figures.md); PyMuPDF is faster
still but AGPL. Each line of a page is a unit located ``page N``. Tables are found
from where the text runs sit (``_pdftables``): a register exported to PDF is read as
one.

A page whose text layer is empty is a scan. With tesseract installed it is rendered
(grayscale, 300 dpi, written as PGM: no imaging library needed) and OCRed; without
it, the page number is recorded and the document warns "N pages have no text layer
(scanned?)", so checks say ``needs_review`` instead of judging an empty read.
"""

from __future__ import annotations

import logging
from typing import Any

from imsaudit.evidence.extract._builder import ResultBuilder
from imsaudit.evidence.extract._ocr import OcrError
from imsaudit.evidence.extract._pdftables import Budget, PdfTable, page_tables
from imsaudit.evidence.extract._text import add_line
from imsaudit.evidence.extract.base import ExtractContext, ExtractError, register
from imsaudit.evidence.model import DocumentFormat, ExtractResult, pages_without_text_message

logger = logging.getLogger(__name__)

OCR_DPI = 300
MIN_TEXT_CHARS = 3
"""A page with fewer visible characters than this has no usable text layer."""

_INFO_NAMES = {
    "Title": "title",
    "Author": "author",
    "Subject": "subject",
    "Keywords": "keywords",
    "CreationDate": "created",
    "ModDate": "modified",
}


# Version 2 finds tables: a cached version-1 reading has none, so it is read again.
@register("pdf", "2", {"pdf": DocumentFormat.PDF}, heavy=True, uses_ocr=True)
def extract_pdf(data: bytes, context: ExtractContext) -> ExtractResult:
    """Text per page (lines as units), document info, scanned pages OCRed or reported."""
    import pypdfium2 as pdfium

    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF" not in data[:1024]:
        raise ExtractError("not a PDF file (no %PDF header): corrupt or mislabelled")
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise ExtractError("encrypted PDF (password required): not read") from None
        raise ExtractError(f"corrupt or truncated PDF ({message.rstrip('.')})") from None
    try:
        return _read(document, data, context)
    finally:
        document.close()


def _read(document: Any, data: bytes, context: ExtractContext) -> ExtractResult:
    import pypdfium2 as pdfium

    builder = ResultBuilder(context)
    for key, value in _info(document).items():
        builder.prop(_INFO_NAMES.get(key, key), value, "PDF document info")
    total = len(document)
    if total == 0:
        raise ExtractError("PDF has no pages")
    limit = min(total, context.limits.max_pages)
    if total > limit:
        builder.warn(f"PDF has {total:,} pages; only the first {limit:,} were read (limit)")
    missing: list[int] = []
    broken: list[int] = []
    tables: list[PdfTable] = []
    budget = Budget()
    ocr_pages: list[int] = []
    ocr_failures: list[str] = []
    for number in range(1, limit + 1):
        if builder.full:
            break
        try:
            page = document[number - 1]
        except pdfium.PdfiumError:  # a page object missing or corrupt: the others may be fine
            broken.append(number)
            continue
        try:
            try:
                text = _page_text(page, number, tables, budget)
            except pdfium.PdfiumError:
                broken.append(number)
                continue
            if len("".join(text.split())) < MIN_TEXT_CHARS:
                ocr_text = None
                if context.ocr is not None and len(ocr_pages) < context.limits.ocr_max_pages:
                    try:
                        ocr_text = context.ocr.read(_render_pgm(page, context.limits.ocr_max_pixels))
                    except OcrError as exc:
                        ocr_failures.append(f"page {number}: {exc}")
                    except pdfium.PdfiumError as exc:
                        ocr_failures.append(f"page {number}: cannot be rendered for OCR ({exc})")
                if ocr_text is not None and len("".join(ocr_text.split())) >= MIN_TEXT_CHARS:
                    ocr_pages.append(number)
                    text = ocr_text
                else:
                    missing.append(number)
                    continue
            _add_page(builder, text, number)
        finally:
            page.close()
    if broken and len(broken) == limit:
        raise ExtractError("corrupt or truncated PDF (no page can be loaded)")
    _add_tables(builder, tables)
    if budget.spent_on is not None:
        builder.warn(f"tables not looked for beyond page {budget.spent_on} (limit of the search)")
    if missing:
        builder.warn(pages_without_text_message(len(missing)))
    if broken:  # unread, so the text is incomplete, like a scan's: checks then need review
        shown = ", ".join(str(n) for n in broken[:10]) + (", ..." if len(broken) > 10 else "")
        builder.warn(f"{len(broken)} corrupt page(s) not read: {shown}")
        missing = sorted(missing + broken)
    if ocr_pages:
        pages = ", ".join(str(p) for p in ocr_pages)
        builder.warn(f"text of page(s) {pages} read by OCR (tesseract): may contain errors")
    for failure in ocr_failures[:3]:
        builder.warn(failure)
    return builder.finish(pages=total, pages_without_text=missing, ocr_pages=ocr_pages)


def _info(document: Any) -> dict[str, str]:
    try:
        info = document.get_metadata_dict(skip_empty=True)
    except Exception:  # a broken info dictionary must not lose the text
        logger.debug("PDF info unreadable", exc_info=True)
        return {}
    return {str(k): str(v) for k, v in info.items() if k in _INFO_NAMES and str(v).strip()}


def _page_text(page: Any, number: int, tables: list[PdfTable], budget: Budget) -> str:
    """The page's text; its tables (``_pdftables``) go into ``tables``, a table overleaf's rows too."""
    textpage = page.get_textpage()
    try:
        text: str = textpage.get_text_bounded()
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
        previous = tables[-1] if tables else None
        tables.extend(page_tables(textpage, number, previous, text, budget))
    finally:
        textpage.close()
    return text


def _add_tables(builder: ResultBuilder, tables: list[PdfTable]) -> None:
    """The tables found, as registers: a header row and rows located ``page N table T row R``.

    Their text is already the page's lines (units), so the rows make no units again: a
    phrase counts once.
    """
    for number, table in enumerate(tables, start=1):
        first = table.pages[0]  # the header's: a table has rows on its header's page
        locators = [f"page {first} table {number} row 1"]
        locators += [f"page {page} table {number} row {row}" for row, page in enumerate(table.pages, start=2)]
        builder.table(
            f"table {number}",
            f"page {first} table {number}",
            [table.header, *table.rows],
            locators,
            header_index=0,
            emit_units=False,
        )


def _add_page(builder: ResultBuilder, text: str, number: int) -> None:
    where = f"page {number}"
    for line in text.split("\n"):
        if not line.strip():
            continue
        add_line(builder, line, where)


def ocr_scale(width_pt: float, height_pt: float, max_pixels: int) -> float:
    """Render scale for OCR: 300 dpi, or less when the page would exceed ``max_pixels``."""
    scale = OCR_DPI / 72
    pixels = max(width_pt, 1.0) * max(height_pt, 1.0) * scale * scale
    if pixels > max_pixels:
        scale *= (max_pixels / pixels) ** 0.5
    return scale


def _render_pgm(page: Any, max_pixels: int) -> bytes:
    """The page as an 8-bit grayscale PGM image, for tesseract's stdin (at most ``max_pixels``)."""
    width, height = page.get_size()
    bitmap = page.render(scale=ocr_scale(width, height, max_pixels), grayscale=True)
    try:
        width, height, stride = bitmap.width, bitmap.height, bitmap.stride
        buffer = bytes(bitmap.buffer)
    finally:
        bitmap.close()
    bytes_per_pixel = stride // width if width else 1
    if bytes_per_pixel == 1:
        pixels = b"".join(buffer[row * stride : row * stride + width] for row in range(height))
    else:  # a colour format after all: take one channel
        rows = (buffer[row * stride : row * stride + width * bytes_per_pixel] for row in range(height))
        pixels = b"".join(r[::bytes_per_pixel] for r in rows)
    return f"P5 {width} {height} 255\n".encode("ascii") + pixels
