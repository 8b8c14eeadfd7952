"""What every extractor shares: limits, the context it runs in, the registry, the safe runner.

An extractor is a pure function ``(data: bytes, context) -> ExtractResult`` registered
under a name with a version string and the file extensions it reads. The version is
part of the cache key: bump it whenever the function's output changes, and cached
results of the old version are ignored.

Extractors signal a problem with the file by raising ``ExtractError`` with one line;
``run_extractor`` turns that (and anything unexpected, since a parser bug must not stop
a scan) into ``ExtractResult(error=...)``. Extractors never raise past ``run_extractor``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from imsaudit.core.registry import Registry
from imsaudit.evidence.extract._ocr import OcrEngine
from imsaudit.evidence.model import DocumentFormat, ExtractResult

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limits:
    """Per-file limits: an evidence folder is untrusted input (zip bombs, 10 000-page PDFs).

    Going over a limit never stops the scan: the file is read up to the limit and
    carries a warning saying what was left out, or, when nothing useful can be read,
    one line of error.
    """

    max_file_bytes: int = 64 * 1024 * 1024
    max_unzipped_bytes: int = 256 * 1024 * 1024
    """Total decompressed size of a zip-based file (DOCX, XLSX, PPTX, ODT, ODS)."""
    max_zip_members: int = 10_000
    max_pages: int = 1_000
    max_rows: int = 100_000
    """Rows per document, all sheets together."""
    max_units: int = 200_000
    max_unit_chars: int = 100_000
    """Characters per text unit (a line, a paragraph, a row): a 50 MB line is cut here, so
    no later stage (phrase matching, date search, the report) handles one giant string."""
    max_depth: int = 64
    """Nesting depth of YAML/JSON/HTML structures walked."""
    max_yaml_bytes: int = 1024 * 1024
    """YAML bigger than this is read as plain lines: the pure-Python parser that keeps line
    numbers reads ~150 KB/s, so a 64 MB file would take minutes."""
    ocr_max_pages: int = 50
    ocr_max_pixels: int = 25_000_000
    """Pixels of one image given to OCR (A3 at 300 dpi is 17.4 million): a PDF page larger
    than that is rendered at a lower resolution, a larger image is not OCRed. A 200-inch
    page at 300 dpi would be a 3.6 GB bitmap."""
    ocr_timeout_s: float = 120.0

    def fingerprint(self) -> str:
        """A stable text of the limits, part of the cache key (other limits, other result)."""
        return ",".join(f"{k}={v}" for k, v in sorted(self.__dict__.items()))


@dataclass(frozen=True)
class ExtractContext:
    """What an extractor may know besides the bytes: the path (for messages), limits, OCR."""

    path: str
    limits: Limits = field(default_factory=Limits)
    ocr: OcrEngine | None = None

    @property
    def extension(self) -> str:
        """Lower-case extension without the dot (``docx``)."""
        name = self.path.rsplit("/", 1)[-1]
        return name.rsplit(".", 1)[-1].lower() if "." in name else ""


class ExtractError(Exception):
    """The file cannot be read; the message is the document's one line of error."""


ExtractFunction = Callable[[bytes, ExtractContext], ExtractResult]


@dataclass(frozen=True)
class Extractor:
    """A registered extractor: its name, version, the extensions it reads, and the function."""

    name: str
    version: str
    formats: Mapping[str, DocumentFormat]
    """Extension (lower-case, no dot) -> the document format it means."""
    function: ExtractFunction
    heavy: bool = False
    """Worth a worker process (PDF, Office); light formats run in the main process."""
    uses_ocr: bool = False
    names_file: bool = False
    """Its result holds the file's name (a CSV's table is named after it): two files of the
    same bytes under other names then read differently, so the cache key holds the name."""

    @property
    def label(self) -> str:
        """``pdf/3``: how documents name the extractor that read them."""
        return f"{self.name}/{self.version}"


EXTRACTORS: Registry[Extractor] = Registry("extractor")


def register(
    name: str,
    version: str,
    formats: Mapping[str, DocumentFormat],
    *,
    heavy: bool = False,
    uses_ocr: bool = False,
    names_file: bool = False,
) -> Callable[[ExtractFunction], ExtractFunction]:
    """Decorator: register an extract function under ``name`` for the given extensions."""

    def decorate(function: ExtractFunction) -> ExtractFunction:
        extractor = Extractor(name, version, dict(formats), function, heavy, uses_ocr, names_file)
        EXTRACTORS.register(name)(extractor)
        return function

    return decorate


def run_extractor(extractor: Extractor, data: bytes, context: ExtractContext) -> ExtractResult:
    """Run an extractor; whatever goes wrong becomes one line of error on the result."""
    if len(data) > context.limits.max_file_bytes:
        return ExtractResult(
            error=f"file is {len(data):,} bytes, over the {context.limits.max_file_bytes:,}"
            " byte limit: not read"
        )
    try:
        return extractor.function(data, context)
    except ExtractError as exc:
        return ExtractResult(error=one_line(str(exc)))
    except MemoryError:
        return ExtractResult(error="out of memory while reading: not read")
    except RecursionError:
        return ExtractResult(error="structure nested too deeply: not read")
    except Exception as exc:  # a parser bug on one file must not stop the scan
        logger.debug("extractor %s failed on %s", extractor.label, context.path, exc_info=True)
        return ExtractResult(error=one_line(f"could not read ({type(exc).__name__}: {exc})"))


def one_line(message: str, limit: int = 300) -> str:
    """Collapse a message to one line of at most ``limit`` characters."""
    text = " ".join(message.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
