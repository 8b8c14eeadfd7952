"""Random bytes never make an extractor raise: they become one line of error (or a read)."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imsaudit.evidence.extract import EXTRACTORS, ExtractContext, run_extractor

NAMES = [name for name, _ in EXTRACTORS.items()]


def _context(name: str) -> ExtractContext:
    extension = next(iter(EXTRACTORS.get(name).formats))
    return ExtractContext(path=f"fuzz/sample.{extension}")


def _check(name: str, data: bytes) -> None:
    result = run_extractor(EXTRACTORS.get(name), data, _context(name))
    if result.error is not None:
        assert "\n" not in result.error
        assert result.error.strip()
        assert not result.units


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=60, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2048))
def test_random_bytes_never_raise(name: str, data: bytes) -> None:
    _check(name, data)


@st.composite
def zips(draw: st.DrawFn) -> bytes:
    """Zip containers with random members: gets past the zip signature into the XML parsers."""
    names = [
        "[Content_Types].xml",
        "word/document.xml",
        "word/styles.xml",
        "docProps/core.xml",
        "ppt/presentation.xml",
        "content.xml",
        "meta.xml",
        "xl/workbook.xml",
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in draw(st.lists(st.sampled_from(names), unique=True, max_size=5)):
            body = draw(st.binary(max_size=300))
            archive.writestr(
                name, b"<?xml version='1.0'?><r>" + body + b"</r>" if draw(st.booleans()) else body
            )
    data = buffer.getvalue()
    cut = draw(st.integers(min_value=0, max_value=len(data)))
    return data if draw(st.booleans()) else data[:cut]


@pytest.mark.parametrize("name", ["docx", "pptx", "odt", "spreadsheet"])
@settings(max_examples=60, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=zips())
def test_random_zip_containers_never_raise(name: str, data: bytes) -> None:
    _check(name, data)


@pytest.mark.parametrize("name", ["pdf"])
@settings(max_examples=40, database=None, deadline=None)
@given(body=st.binary(max_size=1024))
def test_random_pdf_bodies_never_raise(name: str, body: bytes) -> None:
    _check(name, b"%PDF-1.4\n" + body)
