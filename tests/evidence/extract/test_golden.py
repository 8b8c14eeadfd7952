"""Golden tests: each fixture's extraction (units, locators, tables, metadata) is pinned.

Regenerate after an intended change with ``IMSAUDIT_REGEN_GOLDEN=1 pytest tests/evidence``
and review the diff: a changed locator is a changed citation in every report.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from imsaudit.evidence.model import Document
from imsaudit.evidence.scan import ScanResult

from ..conftest import FIXTURES, GOLDEN, REGEN

PATHS = sorted(p.relative_to(FIXTURES).as_posix() for p in FIXTURES.rglob("*") if p.is_file())


def golden_name(path: str) -> str:
    return path.replace("/", "__").replace(" ", "_") + ".json"


def summary(document: Document) -> dict[str, Any]:
    """Everything an extractor decides; sha256 and size are checked against the file instead."""
    return document.model_dump(mode="json", exclude={"sha256", "size"})


def test_every_fixture_has_a_golden_file() -> None:
    expected = {golden_name(p) for p in PATHS}
    present = {p.name for p in GOLDEN.glob("*.json")}
    if REGEN:
        for stale in present - expected:
            (GOLDEN / stale).unlink()
        return
    assert present == expected


@pytest.mark.parametrize("path", PATHS)
def test_extraction_matches_golden(path: str, fixture_scan: ScanResult) -> None:
    document = next(d for d in fixture_scan.documents if d.path == path)
    actual = summary(document)
    target = GOLDEN / golden_name(path)
    if REGEN or not target.exists():
        GOLDEN.mkdir(exist_ok=True)
        target.write_text(
            json.dumps(actual, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
        )
        if not REGEN:
            pytest.fail(f"golden file {target.name} was missing and has been written; review it")
    assert actual == json.loads(target.read_text(encoding="utf-8"))


def test_every_format_is_covered(fixture_scan: ScanResult) -> None:
    """The fixture folder holds a readable document of every format the scanner supports."""
    readable = {d.format.value for d in fixture_scan.documents if d.error is None}
    assert readable >= {
        "markdown",
        "text",
        "yaml",
        "json",
        "csv",
        "tsv",
        "xlsx",
        "ods",
        "docx",
        "odt",
        "pdf",
        "html",
        "pptx",
        "email",
        "image",
    }


def test_extracted_documents_are_valid_models(fixture_scan: ScanResult) -> None:
    """Tables are built without re-validating every cell; a full validation must agree."""
    for document in fixture_scan.documents:
        assert Document.model_validate(document.model_dump()) == document, document.path
