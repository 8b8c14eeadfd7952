"""Hostile files: XML entities, zip bombs, deep nesting, alias bombs, limits."""

from __future__ import annotations

import io
import json
import zipfile

from imsaudit.evidence.extract import EXTRACTORS, ExtractContext, Limits, run_extractor


def _docx(document_xml: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document_xml)
    return buffer.getvalue()


def _run(name: str, data: bytes, path: str, limits: Limits | None = None):  # type: ignore[no-untyped-def]
    return run_extractor(EXTRACTORS.get(name), data, ExtractContext(path=path, limits=limits or Limits()))


W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_external_entities_are_not_resolved(tmp_path) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    xml = (
        b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://'
        + str(secret).encode()
        + b'">]><w:document '
        + W
        + b"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
    )
    result = _run("docx", _docx(xml), "x.docx")
    assert result.error is not None and "DTD" in result.error
    assert "TOP-SECRET" not in json.dumps(result.model_dump(mode="json"))


def test_billion_laughs_is_refused() -> None:
    entities = b'<!ENTITY a "lol">' + b"".join(
        b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&" + bytes([97 + i]) + b";") * 10) for i in range(8)
    )
    xml = (
        b"<?xml version='1.0'?><!DOCTYPE w:document ["
        + entities
        + b"]><w:document "
        + W
        + b"><w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>"
    )
    result = _run("docx", _docx(xml), "bomb.docx")
    assert result.error is not None


def test_zip_bomb_is_stopped_by_the_decompressed_size_limit() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<a>" + b" " * (20 * 1024 * 1024) + b"</a>")
    data = buffer.getvalue()
    assert len(data) < 100_000
    result = _run("docx", data, "bomb.docx", Limits(max_unzipped_bytes=5 * 1024 * 1024))
    assert result.error is not None and "limit" in result.error


def test_too_many_zip_members() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for i in range(50):
            archive.writestr(f"f{i}.xml", "<a/>")
    result = _run("docx", buffer.getvalue(), "many.docx", Limits(max_zip_members=20))
    assert result.error is not None and "zip members" in result.error


def test_file_size_limit() -> None:
    result = _run("text", b"x" * 2000, "big.txt", Limits(max_file_bytes=1000))
    assert result.error is not None and "limit" in result.error


def test_deeply_nested_json_becomes_an_error_or_a_warning() -> None:
    data = b"[" * 100_000 + b"]" * 100_000
    result = _run("json", data, "deep.json")
    assert result.error is not None or result.warnings


def test_json_depth_limit_warns() -> None:
    data = json.dumps({"a": [[[[[[{"b": 1}]]]]]]}).encode()
    result = _run("json", data, "deep.json", Limits(max_depth=3))
    assert any("nested deeper" in w for w in result.warnings)


def test_yaml_alias_bomb_is_bounded() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    result = _run("yaml", "\n".join(lines).encode(), "bomb.yaml", Limits(max_units=1000))
    assert len(result.units) <= 1000


def test_row_limit_truncates_with_a_warning() -> None:
    data = "\n".join(f"{i},value {i}" for i in range(500)).encode()
    result = _run("csv", b"id,value\n" + data, "big.csv", Limits(max_rows=100))
    assert any("first 100 rows" in w for w in result.warnings)
    assert result.tables[0].truncated
    assert len(result.tables[0].rows) == 99


def test_unit_limit_truncates_with_a_warning() -> None:
    data = "\n".join(f"line {i}" for i in range(500)).encode()
    result = _run("text", data, "long.txt", Limits(max_units=50))
    assert len(result.units) == 50
    assert any("truncated" in w for w in result.warnings)


def test_pdf_page_limit(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reportlab.pdfgen import canvas

    path = tmp_path / "long.pdf"
    pdf = canvas.Canvas(str(path), invariant=1)
    for number in range(1, 6):
        pdf.drawString(72, 720, f"Page text number {number}")
        pdf.showPage()
    pdf.save()
    result = _run("pdf", path.read_bytes(), "long.pdf", Limits(max_pages=2))
    assert any("only the first 2" in w for w in result.warnings)
    assert {u.locator for u in result.units} == {"page 1", "page 2"}
    assert result.pages == 5


def test_html_scripts_and_comments_are_not_text() -> None:
    html = (
        b"<html><head><script>var secret=1;</script></head>"
        b"<body><p>Visible</p><!-- hidden --><style>p{}</style></body></html>"
    )
    result = _run("html", html, "page.html")
    text = " ".join(u.text for u in result.units)
    assert "Visible" in text and "secret" not in text and "hidden" not in text
