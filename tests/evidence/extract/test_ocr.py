"""Scanned pages: OCR with tesseract when installed; otherwise the warning and needs-review data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from imsaudit.evidence.extract import EXTRACTORS, ExtractContext, run_extractor
from imsaudit.evidence.extract._ocr import find_ocr
from imsaudit.evidence.scan import ScanOptions, scan_folder

from ..conftest import FIXTURES

SCANNED = "policies/ISP-002 Information security policy (signed scan).pdf"
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")


def _copy(tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "evidence"
    for name in names:
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(FIXTURES / name, target)
    return folder


def test_scanned_pdf_without_tesseract_warns_and_is_incomplete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)  # simulate absence
    folder = _copy(tmp_path, SCANNED)
    result = scan_folder(folder, ScanOptions(jobs=1, use_cache=False))
    document = result.documents[0]
    assert result.ocr is None
    assert document.error is None
    assert "2 pages have no text layer (scanned?)" in document.warnings
    assert document.pages_without_text == (1, 2)
    assert not document.text_complete
    assert document.unreadable_reason == "2 pages have no text layer (scanned?)"


def test_image_without_tesseract_warns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    folder = _copy(tmp_path, "records/training-attendance-scan.png")
    document = scan_folder(folder, ScanOptions(jobs=1, use_cache=False)).documents[0]
    assert document.warnings == ("1 page has no text layer (scanned?)",)
    assert not document.text_complete


@needs_tesseract
def test_scanned_pdf_is_ocred(tmp_path: Path) -> None:
    folder = _copy(tmp_path, SCANNED)
    document = scan_folder(folder, ScanOptions(jobs=1, use_cache=False)).documents[0]
    assert document.ocr_pages == (1, 2)
    assert document.pages_without_text == ()
    assert document.text_complete
    text = document.text.lower()
    assert "information security policy" in text
    assert "confidentiality" in text
    assert any(u.locator == "page 2" and "approved by" in u.text.lower() for u in document.units)
    assert document.metadata.doc_id == "ISP-002"


@needs_tesseract
def test_image_is_ocred() -> None:
    engine = find_ocr()
    assert engine is not None
    data = (FIXTURES / "records/training-attendance-scan.png").read_bytes()
    result = run_extractor(EXTRACTORS.get("image"), data, ExtractContext(path="x.png", ocr=engine))
    assert "internal auditor training" in " ".join(u.text for u in result.units).lower()
    assert result.ocr_pages == (1,)


def test_ocr_failure_is_a_warning_not_a_crash(tmp_path: Path) -> None:
    from imsaudit.evidence.extract._ocr import OcrEngine

    engine = OcrEngine(binary=str(tmp_path / "missing-tesseract"), version="fake")
    data = (FIXTURES / SCANNED).read_bytes()
    result = run_extractor(EXTRACTORS.get("pdf"), data, ExtractContext(path="s.pdf", ocr=engine))
    assert result.error is None
    assert result.pages_without_text == (1, 2)
    assert any("OCR could not run" in w for w in result.warnings)
