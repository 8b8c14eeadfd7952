"""OCR through the ``tesseract`` binary, when it is installed.

Scanned, signed policies are common evidence. We call the binary through ``subprocess``
(image on stdin, text on stdout, nothing written to disk) instead of a Python binding:
no compiled dependency, and without tesseract the scanner still works and says which
pages it could not read.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from dataclasses import dataclass

logger = logging.getLogger(__name__)


class OcrError(Exception):
    """Tesseract failed on one image (one line)."""


@dataclass(frozen=True)
class OcrEngine:
    """A tesseract binary and how to call it."""

    binary: str
    version: str
    languages: str = "eng"
    timeout_s: float = 120.0

    @property
    def fingerprint(self) -> str:
        """Part of the cache key: another engine or language may read other text."""
        return f"{self.version} -l {self.languages}"

    def read(self, image: bytes) -> str:
        """The text of one image (PNG, TIFF, JPEG or PNM bytes)."""
        # One thread per tesseract: the scanner already runs one extraction per core.
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        try:
            done = subprocess.run(
                [self.binary, "stdin", "stdout", "-l", self.languages],
                input=image,
                capture_output=True,
                timeout=self.timeout_s,
                check=False,
                env=env,
            )
        except subprocess.TimeoutExpired:
            raise OcrError(f"OCR timed out after {self.timeout_s:.0f} s") from None
        except OSError as exc:
            raise OcrError(f"OCR could not run: {exc}") from None
        if done.returncode != 0:
            reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise OcrError(f"OCR failed: {reason[-1] if reason else done.returncode}")
        return done.stdout.decode("utf-8", "replace")


def find_ocr(languages: str = "eng") -> OcrEngine | None:
    """The installed tesseract, or None (the scanner then reports pages it could not read)."""
    binary = shutil.which("tesseract")
    if binary is None:
        return None
    try:
        done = subprocess.run([binary, "--version"], capture_output=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        logger.warning("tesseract found at %s but it does not run; OCR disabled", binary)
        return None
    output = (done.stdout or done.stderr).decode("utf-8", "replace").strip()
    version = output.splitlines()[0] if output else "tesseract"
    return OcrEngine(binary=binary, version=version, languages=languages)
