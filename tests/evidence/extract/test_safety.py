"""Hostile files: XML entities, zip bombs, deep nesting, alias bombs, limits."""

from __future__ import annotations

import io
import json
import struct
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


def test_dtd_is_found_behind_comments_and_processing_instructions() -> None:
    from imsaudit.evidence.extract._xml import declares_dtd

    assert declares_dtd(
        b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- x --><?pi y?>\n<!DOCTYPE a [<!ENTITY b "c">]><a/>'
    )
    assert declares_dtd('<?xml version="1.0" encoding="UTF-16"?><!doctype a><a/>'.encode("utf-16"))
    assert not declares_dtd(b"<a><![CDATA[<!DOCTYPE a>]]></a>")  # text, not a declaration
    assert not declares_dtd(b"<!-- <!DOCTYPE a> --><a/>")
    # stepping over the prolog is linear: no backtracking over 100 000 instructions
    assert not declares_dtd(b"<?a?>" * 100_000 + b"<a/>")
    assert declares_dtd(b"<!--a-->" * 100_000 + b"<!DOCTYPE a><a/>")


def test_long_units_are_cut_with_one_warning() -> None:
    data = b"\n".join([b"short line", b"x" * 300, b"y" * 500, b"z" * 200])
    result = _run("text", data, "long.txt", Limits(max_unit_chars=250))
    assert [len(u.text) for u in result.units] == [10, 250, 250, 200]
    assert result.warnings == (
        "2 texts were longer than 250 characters: cut at the limit (first: line 2, 300 characters)",
    )


def test_yaml_alias_bomb_is_read_once_and_cells_stay_small() -> None:
    lines = ['a: &a ["l","l","l","l","l","l","l","l","l"]']
    lines += [f"{c}: &{c} [{', '.join(['*' + p] * 9)}]" for p, c in zip("abcdefgh", "bcdefghi", strict=True)]
    lines.append("records:\n  - {id: R1, detail: *i}\n  - {id: R2, detail: *a}")
    result = _run("yaml", "\n".join(lines).encode(), "bomb.yaml")
    assert result.warnings == (
        "YAML aliases expand to more than 400,000 values (an alias bomb?): each anchored part read once",
    )
    table = next(t for t in result.tables if t.name == "records")
    assert table.rows[0][1] == "(CommentedSeq of more than 1000 values)"
    assert table.rows[1][1] == '["l", "l", "l", "l", "l", "l", "l", "l", "l"]'


def test_deep_or_big_yaml_is_read_as_lines(tmp_path) -> None:  # type: ignore[no-untyped-def]
    deep = _run("yaml", b"a: " + b"[" * 100 + b"]" * 100 + b"\nowner: Quality\n", "deep.yaml")
    assert deep.warnings == ("YAML nested deeper than 64 levels: read as plain lines (structure not parsed)",)
    assert [u.text for u in deep.units][-1] == "owner: Quality"
    big = _run("yaml", b"owner: Quality\n" * 100, "big.yaml", Limits(max_yaml_bytes=1000))
    assert big.warnings == (
        "YAML file of 1,500 bytes, over the 1,000 byte limit: read as plain lines (structure not parsed)",
    )


def test_pdf_whose_pages_cannot_be_loaded() -> None:
    data = (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\ntrailer << /Root 1 0 R >>\n"
    )
    assert _run("pdf", data, "broken.pdf").error == "corrupt or truncated PDF (no page can be loaded)"


def test_ocr_resolution_is_capped() -> None:
    from imsaudit.evidence.extract.pdf import ocr_scale

    assert ocr_scale(595, 842, 25_000_000) == 300 / 72  # A4 at 300 dpi
    scale = ocr_scale(14_400, 14_400, 25_000_000)  # 200 inches square
    assert (14_400 * scale) ** 2 <= 25_000_001


def test_image_size_is_read_from_the_header() -> None:
    from PIL import Image

    from imsaudit.evidence.extract.image import image_size

    for kind in ("PNG", "JPEG", "TIFF"):
        buffer = io.BytesIO()
        Image.new("L", (321, 45)).save(buffer, kind)
        assert image_size(buffer.getvalue()) == (321, 45)
    assert image_size(b"II*\x00rest") is None


def _tiff_header(order: str, pages: list[tuple[int, int]], *, loop: bool = False) -> bytes:
    """A TIFF's directories only (no pixels): one per page, width as SHORT, length as LONG."""
    byteorder = "little" if order == "II" else "big"
    endian = "<" if order == "II" else ">"
    data = bytearray(order.encode() + struct.pack(endian + "HI", 42, 8))
    for number, (width, length) in enumerate(pages):
        following = len(data) + 2 + 2 * 12 + 4
        last = number == len(pages) - 1
        data += struct.pack(endian + "H", 2)
        data += struct.pack(endian + "HHIH2x", 256, 3, 1, width)
        data += struct.pack(endian + "HHII", 257, 4, 1, length)
        data += (8 if loop else 0 if last else following).to_bytes(4, byteorder)
    return bytes(data)


def test_a_tiff_s_largest_page_is_found_in_either_byte_order() -> None:
    from PIL import Image

    from imsaudit.evidence.extract.image import image_size

    pages = [(40, 30), (1000, 70), (20, 10)]
    for order in ("II", "MM"):
        assert image_size(_tiff_header(order, pages)) == (1000, 70)
    buffer = io.BytesIO()
    first, *rest = (Image.new("L", size) for size in pages)
    first.save(buffer, "TIFF", save_all=True, append_images=rest)
    assert image_size(buffer.getvalue()) == (1000, 70)


def test_a_tiff_whose_directories_loop_ends() -> None:
    from imsaudit.evidence.extract.image import image_size

    assert image_size(_tiff_header("II", [(5, 7)], loop=True)) == (5, 7)


def test_expanded_size_counts_shared_nodes_without_expanding() -> None:
    from imsaudit.core.trees import expanded_size, flow_depth

    leaf = ["x"] * 9
    tree: list[object] = leaf
    for _ in range(8):
        tree = [tree] * 9
    assert expanded_size(tree, 10**12) == sum(9**i for i in range(9)) + 9**9  # 10^8-ish, counted in µs
    assert expanded_size(tree, 1000) == 1001
    loop: list[object] = []
    loop.append(loop)
    assert expanded_size(loop, 1000) is None
    assert flow_depth('{"a": [[1], {"b": [2]}]}', 10) == 4 and flow_depth("[" * 500, 64) == 65
