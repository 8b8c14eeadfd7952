"""Writes the hostile evidence folder of issue #8: every file an attacker or an accident can put
in an evidence folder, and the one line each must become.

Nothing here is committed as a file: zip bombs, sparse files, FIFOs and symlinks are
generated into a temporary directory by the session fixture of ``tests/hostile/conftest.py``
(or by hand: ``python -m tests.hostile.make_hostile DIR --port 8000``). Generation is
fast (about a second): the bombs repeat one flushed deflate block instead of compressing
gigabytes, the over-limit file is sparse, and the 50 MB lines are one ``bytes * n``.

Layout of ``DIR``::

    DIR/canary.txt       outside the evidence folder: its content must appear in no output
    DIR/evidence/        Gapcorp (so the audit cites evidence) with the hostile files added

Every reference to the network points at ``http(s)://127.0.0.1:PORT``, a loopback server
the tests run that must receive no request; every ``file://`` and ``../`` reference points
at the canary. ``CASES`` lists what each hostile entry must become: one line of error or
warning on its document, or a skipped entry with its reason.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from tests.render.scenarios import hostile_folder

CANARY_TEXT = "CANARY-7f3c9a51-do-not-leak"
"""The canary's content: if a reader followed a ``file://``, ``../`` or symlink out of the
folder, this string would show up in some output."""

MIB = 1 << 20
BOMB_MIB = 2048
"""What each zip bomb member inflates to (2 GiB) from about 2 MB on disk."""
HUGE_LINE_BYTES = 50 * MIB
OVER_LIMIT_BYTES = 65 * MIB
"""One MiB over the 64 MiB file-size limit (sparse: nothing written)."""
LIMIT = "268,435,456"  # Limits.max_unzipped_bytes, as messages print it
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"


@dataclass(frozen=True)
class Case:
    """One hostile entry and what it must become: a ``pattern`` for its one line."""

    path: str
    """Relative POSIX path in the evidence folder."""
    what: str
    """The attack or accident, for test ids and the report."""
    outcome: str
    """``error`` or ``warning`` on the document, ``skipped`` (not a document), ``read``
    (read normally: nothing to report, the test checks nothing leaked or was fetched)."""
    pattern: str = ""
    """Regular expression the whole line must match (``re.fullmatch``)."""


@dataclass(frozen=True)
class HostileFolder:
    """What ``make_hostile`` wrote."""

    root: Path
    evidence: Path
    canary: Path
    port: int

    @property
    def base_url(self) -> str:
        """The loopback server every network reference of the folder points at."""
        return f"http://127.0.0.1:{self.port}"


def _exact(text: str) -> str:
    return re.escape(text)


CASES: tuple[Case, ...] = (
    # ------------------------------------------------------------------ zip bombs
    *(
        Case(
            f"bombs/member-bomb.{ext}",
            f"{ext.upper()} whose main part inflates to 2 GiB (declared)",
            "error",
            rf"decompresses to 2,147,4\d\d,\d\d\d bytes, over the {LIMIT} byte limit: not read",
        )
        for ext in ("docx", "xlsx", "pptx", "odt")
    ),
    *(
        Case(
            f"bombs/lying-bomb.{ext}",
            f"{ext.upper()} whose main part inflates to 2 GiB but declares 1 KB",
            "error",
            rf"corrupt or truncated member {re.escape(part)} \(Bad CRC-32 for file '{re.escape(part)}'\)",
        )
        for ext, part in (
            ("docx", "word/document.xml"),
            ("xlsx", "xl/worksheets/sheet1.xml"),
            ("pptx", "ppt/slides/slide1.xml"),
            ("odt", "content.xml"),
        )
    ),
    *(
        Case(
            f"bombs/many-members.{ext}",
            f"{ext.upper()} with 20 000 zip members",
            "error",
            r"20,0\d\d zip members, over the 10,000 limit: not read",
        )
        for ext in ("docx", "xlsx", "pptx", "odt")
    ),
    *(
        Case(
            f"bombs/nested-bomb.{ext}",
            f"{ext.upper()} carrying a 2 GiB zip bomb as an embedded file",
            "warning",
            _exact(f"1 embedded file not read ({inner})"),
        )
        for ext, inner in (
            ("docx", "word/embeddings/package.docx"),
            ("xlsx", "xl/embeddings/package.docx"),
            ("pptx", "ppt/embeddings/package.docx"),
            ("odt", "Object 1"),
        )
    ),
    Case(
        "bombs/nested.zip",
        "zip of a zip bomb",
        "error",
        _exact("zip archive: not read; unpack it into the evidence folder"),
    ),
    # ------------------------------------------------------------------ XML entities
    *(
        Case(
            f"xml/{name}.docx",
            what,
            "error",
            _exact("word/document.xml: XML declares a DTD (entities are not allowed): not read"),
        )
        for name, what in (
            ("billion-laughs", "DOCX with a billion laughs entity expansion"),
            ("xxe-file", "DOCX with an external entity SYSTEM file:// (canary, /etc/passwd)"),
            ("xxe-http", "DOCX with an external entity SYSTEM http://127.0.0.1:PORT"),
        )
    ),
    Case(
        "xml/xxe-core-properties.xlsx",
        "XLSX whose core properties declare an external entity",
        "error",
        _exact("docProps/core.xml: XML declares a DTD (entities are not allowed): not read"),
    ),
    Case(
        "xml/billion-laughs-strings.xlsx",
        "XLSX whose shared strings expand a billion laughs",
        "error",
        _exact("xl/sharedStrings.xml: XML declares a DTD (entities are not allowed): not read"),
    ),
    Case(
        "xml/xxe.pptx",
        "PPTX slide with an external entity",
        "error",
        _exact("ppt/slides/slide1.xml: XML declares a DTD (entities are not allowed): not read"),
    ),
    Case(
        "xml/billion-laughs.odt",
        "ODT with a billion laughs",
        "error",
        _exact("content.xml: XML declares a DTD (entities are not allowed): not read"),
    ),
    Case(
        "xml/xxe.html",
        "HTML with external entities and a billion laughs in its DOCTYPE",
        "read",
    ),
    Case(
        "xml/xxe.svg",
        "SVG with an external entity and remote images",
        "error",
        _exact("unsupported format (.svg): not read"),
    ),
    # ------------------------------------------------------------------ symlinks
    Case(
        "links/canary.txt",
        "symlink to a file outside the folder",
        "skipped",
        _exact("symlink to outside the evidence folder: not followed"),
    ),
    Case(
        "links/etc",
        "symlink to /etc",
        "skipped",
        _exact("symlink to outside the evidence folder: not followed"),
    ),
    Case(
        "links/up",
        "symlink to the folder itself (a loop)",
        "skipped",
        _exact("folder already scanned as '.' (symlink loop or duplicate link)"),
    ),
    Case(
        "links/self", "symlink to itself", "skipped", _exact("cannot stat: Too many levels of symbolic links")
    ),
    Case("links/broken.md", "symlink to nothing", "skipped", _exact("broken symlink")),
    Case("links/fifo.txt", "a FIFO (a read would block forever)", "skipped", _exact("not a regular file")),
    # ------------------------------------------------------------------ huge files and lines
    Case(
        "big/over-limit.pdf",
        "65 MiB sparse file, over the 64 MiB limit",
        "error",
        _exact(f"file is {OVER_LIMIT_BYTES:,} bytes, over the {64 * MIB:,} byte limit: not read"),
    ),
    Case(
        "big/one-line.md",
        "50 MB Markdown in one line",
        "warning",
        _exact("line 1 is 52,428,800 characters long: cut at 100,000 (limit)"),
    ),
    Case(
        "big/one-line.csv",
        "50 MB CSV in one line",
        "error",
        _exact("malformed CSV at row 1 (field larger than field limit (131072))"),
    ),
    Case(
        "big/one-line.txt",
        "50 MB text in one line",
        "warning",
        _exact("line 1 is 52,428,800 characters long: cut at 100,000 (limit)"),
    ),
    # ------------------------------------------------------------------ nesting and aliases
    Case(
        "deep/deep.json",
        "JSON nested 100 000 levels",
        "error",
        _exact("structure nested too deeply: not read"),
    ),
    Case(
        "deep/deep.yaml",
        "YAML nested 10 000 levels",
        "warning",
        _exact("YAML nested deeper than 64 levels: read as plain lines (structure not parsed)"),
    ),
    Case(
        "deep/nested-100.json",
        "JSON nested 100 levels",
        "warning",
        _exact("nested deeper than 64 levels: deeper parts not read"),
    ),
    Case(
        "deep/alias-bomb.yaml",
        "YAML billion laughs with anchors, aliased into a table cell",
        "warning",
        _exact(
            "YAML aliases expand to more than 400,000 values (an alias bomb?): each anchored part read once"
        ),
    ),
    Case("deep/recursive.yaml", "YAML alias inside its own anchor (the parser leaves it empty)", "read"),
    Case(
        "deep/deep.html",
        "HTML nested 5 000 levels",
        "warning",
        _exact("HTML nested deeper than 64 levels: flattened"),
    ),
    # ------------------------------------------------------------------ broken PDFs
    Case(
        "pdf/encrypted.pdf",
        "password-protected PDF",
        "error",
        _exact("encrypted PDF (password required): not read"),
    ),
    Case("pdf/truncated.pdf", "PDF cut in the middle", "error", r"corrupt or truncated PDF \(.*\)"),
    Case("pdf/empty.pdf", "empty PDF", "error", _exact("empty file")),
    Case("pdf/header-only.pdf", "a PDF header and nothing else", "error", r"corrupt or truncated PDF \(.*\)"),
    Case(
        "pdf/huge-page.pdf",
        "a blank 200-inch page (3.6 GB at 300 dpi for OCR)",
        "warning",
        _exact("1 page has no text layer (scanned?)"),
    ),
    Case(
        "images/png-bomb.png",
        "a 30 000 x 30 000 PNG of 1 MB (900 MB decoded)",
        "warning",
        _exact("image is 30,000 x 30,000 pixels, over the 25,000,000 pixel limit for OCR: not read"),
    ),
    Case(
        "images/tiff-bomb.tif",
        "a TIFF whose second page is 30 000 x 30 000 (900 MB decoded)",
        "warning",
        _exact("image is 30,000 x 30,000 pixels, over the 25,000,000 pixel limit for OCR: not read"),
    ),
    # ------------------------------------------------------------------ encodings
    Case(
        "encoding/bad-utf8.md",
        "UTF-8 with invalid bytes",
        "warning",
        _exact("not valid UTF-8: 2 invalid bytes replaced with U+FFFD"),
    ),
    Case("encoding/cp1252.txt", "no valid UTF-8 at all (a code page)", "read"),
    Case("encoding/utf16-no-bom.txt", "UTF-16 without a byte-order mark", "read"),
    Case("encoding/nul-bytes.txt", "text with NUL bytes", "error", _exact("binary data, not text: not read")),
    Case("encoding/nul-bytes.csv", "CSV with NUL bytes", "error", _exact("binary data, not text: not read")),
    # ------------------------------------------------------------------ markup in names, titles, text
    Case("names/<script>alert(1)</script>.md", "a file name that is a script tag", "read"),
    Case("names/title.docx", "DOCX whose title and text are markup", "read"),
    Case("names/formulas.csv", "CSV cells that are spreadsheet formulas", "read"),
    # ------------------------------------------------------------------ references to resources
    Case("refs/links.md", "Markdown images and links to http(s), file:// and ../", "read"),
    Case("refs/page.html", "HTML img, link, iframe, @import, url(), script src", "read"),
    Case(
        "refs/external-image.docx",
        "DOCX with an image linked from http:// and file:// (TargetMode External)",
        "warning",
        _exact("2 linked parts outside the file not read (image)"),
    ),
)


# --------------------------------------------------------------------------- zip writing


def deflate_bomb(prefix: bytes, filler: bytes, mib: int) -> bytes:
    """A raw deflate stream of ``prefix`` + ``filler`` inflating to ``mib`` MiB, in ~1 KB/MiB.

    Once the window is full of ``filler``, compressing another MiB of it and flushing
    gives the same bytes every time, so that block is repeated instead of compressed.
    """
    size = MIB
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(prefix + filler * (size - len(prefix))) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(filler * size) + compressor.flush(zlib.Z_FULL_FLUSH)
    if compressor.compress(filler * size) + compressor.flush(zlib.Z_FULL_FLUSH) != block:
        raise RuntimeError("deflate blocks are not periodic: cannot build the bomb cheaply")
    return first + block * (mib - 1) + b"\x03\x00"  # an empty final block


Member = tuple[str, int, bytes, int, int]
"""(name, method, stored bytes, crc32, declared uncompressed size)."""


def deflated(name: str, data: bytes) -> Member:
    """A member compressed honestly."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return name, 8, compressor.compress(data) + compressor.flush(), zlib.crc32(data), len(data)


def stored(name: str, data: bytes) -> Member:
    """A member stored as is."""
    return name, 0, data, zlib.crc32(data), len(data)


def raw_zip(members: list[Member]) -> bytes:
    """A zip written by hand, so sizes and CRCs can lie (``zipfile`` would not let them)."""
    out = bytearray()
    central = bytearray()
    for name, method, payload, crc, declared in members:
        encoded = name.encode("utf-8")
        offset = len(out)
        out += struct.pack(
            "<IHHHHHIIIHH",
            0x04034B50,
            20,
            0x800,
            method,
            0,
            0x21,
            crc,
            len(payload),
            declared,
            len(encoded),
            0,
        )
        out += encoded + payload
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            0x800,
            method,
            0,
            0x21,
            crc,
            len(payload),
            declared,
            len(encoded),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        central += encoded
    start = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), start, 0)
    return bytes(out)


def members_of(data: bytes) -> list[Member]:
    """The members of a well-formed zip, re-compressed honestly (to swap or add some)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [deflated(info.filename, archive.read(info.filename)) for info in archive.infolist()]


def replace_member(members: list[Member], member: Member) -> list[Member]:
    """``members`` with the one of the same name replaced (or ``member`` added)."""
    kept = [m for m in members if m[0] != member[0]]
    return [*kept, member]


# --------------------------------------------------------------------------- minimal packages


def _doc_xml(body: str, prolog: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}</w:body></w:document>'
    ).encode()


def _para(text: str, style: str | None = None) -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{escaped}</w:t></w:r></w:p>'


def _core(title: str, prolog: str = "", extra: str = "") -> bytes:
    escaped = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{escaped}</dc:title>{extra}<dc:creator>Hostile Author</dc:creator></cp:coreProperties>"
    ).encode()


def docx_members(document: bytes, title: str = "Hostile document", rels: bytes | None = None) -> list[Member]:
    """A minimal DOCX: content types, package relationships, the document, core properties."""
    types = (
        b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Default Extension="xml" ContentType="application/xml"/></Types>'
    )
    package_rels = (
        f'<?xml version="1.0"?><Relationships xmlns="{PKG_RELS}">'
        f'<Relationship Id="rId1" Type="{R_NS}/officeDocument" Target="word/document.xml"/></Relationships>'
    ).encode()
    members = [
        deflated("[Content_Types].xml", types),
        deflated("_rels/.rels", package_rels),
        deflated("word/document.xml", document),
        deflated("docProps/core.xml", _core(title)),
    ]
    if rels is not None:
        members.append(deflated("word/_rels/document.xml.rels", rels))
    return members


def pptx_members(slide: bytes) -> list[Member]:
    """A minimal PPTX with one slide."""
    p = "http://schemas.openxmlformats.org/presentationml/2006/main"
    presentation = (
        f'<?xml version="1.0"?><p:presentation xmlns:p="{p}" xmlns:r="{R_NS}">'
        '<p:sldIdLst><p:sldId id="256" r:id="rId2"/></p:sldIdLst></p:presentation>'
    ).encode()
    rels = (
        f'<?xml version="1.0"?><Relationships xmlns="{PKG_RELS}">'
        f'<Relationship Id="rId2" Type="{R_NS}/slide" Target="slides/slide1.xml"/></Relationships>'
    ).encode()
    return [
        deflated("[Content_Types].xml", b"<Types/>"),
        deflated("ppt/presentation.xml", presentation),
        deflated("ppt/_rels/presentation.xml.rels", rels),
        deflated("ppt/slides/slide1.xml", slide),
    ]


def slide_xml(text: str, prolog: str = "", raw: str | None = None) -> bytes:
    """One slide with a title."""
    p = "http://schemas.openxmlformats.org/presentationml/2006/main"
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    body = raw if raw is not None else text
    return (
        f'<?xml version="1.0"?>{prolog}<p:sld xmlns:p="{p}" xmlns:a="{a}"><p:cSld><p:spTree><p:sp>'
        '<p:nvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr>'
        f"<p:txBody><a:p><a:r><a:t>{body}</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>"
    ).encode()


ODF_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def odt_members(content: bytes) -> list[Member]:
    """A minimal ODT: mimetype (stored, first), manifest-free content."""
    return [
        stored("mimetype", b"application/vnd.oasis.opendocument.text"),
        deflated("content.xml", content),
    ]


def odt_content(body: str, prolog: str = "") -> bytes:
    """``content.xml`` with ``body`` inside ``office:text``."""
    return (
        f'<?xml version="1.0"?>{prolog}'
        f'<office:document-content xmlns:office="{ODF_OFFICE}" xmlns:text="{ODF_TEXT}">'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    ).encode()


def xlsx_bytes(rows: list[list[str]], title: str = "Hostile workbook") -> bytes:
    """A real workbook (xlsxwriter), with fixed properties so the bytes are stable."""
    import datetime as dt

    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    book.set_properties({"title": title, "created": dt.datetime(2026, 1, 1)})
    sheet = book.add_worksheet("Sheet1")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write_string(r, c, value)
    book.close()
    return buffer.getvalue()


def _many(members: list[Member], count: int = 20_000) -> bytes:
    empty = stored("x", b"")
    padding = [(f"pad/{i:05d}.xml", empty[1], empty[2], empty[3], empty[4]) for i in range(count)]
    return raw_zip(members + padding)


# --------------------------------------------------------------------------- the folder


def _laughs(root: str) -> str:
    """A billion-laughs DTD whose entity ``&i;`` expands to 10^8 'lol's."""
    entities = '<!ENTITY a "lol">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)
    )
    return f"<!DOCTYPE {root} [{entities}]>"


def _xxe(root: str, *systems: str) -> str:
    entities = "".join(f'<!ENTITY e{i} SYSTEM "{s}">' for i, s in enumerate(systems))
    return f"<!DOCTYPE {root} [{entities}]>"


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _pdf(text: str, encrypt: str | None = None) -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    security = StandardEncryption(encrypt, canPrint=0) if encrypt else None
    pdf = canvas.Canvas(buffer, invariant=1, encrypt=security)
    for number in range(1, 4):
        pdf.drawString(72, 720, f"{text}, page {number}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def make_hostile(root: Path, port: int) -> HostileFolder:
    """Write the canary and the hostile evidence folder under ``root``; return where."""
    root.mkdir(parents=True, exist_ok=True)
    canary = root / "canary.txt"
    canary.write_text(CANARY_TEXT + "\n", encoding="utf-8")
    base = hostile_folder(root)  # Gapcorp with a hostile file name, CSV cell and org name
    evidence = root / "evidence"
    base.rename(evidence)
    folder = HostileFolder(root=root, evidence=evidence, canary=canary, port=port)
    url = folder.base_url
    secure = f"https://127.0.0.1:{port}"
    canary_url = canary.as_uri()
    _organization(evidence)
    _bombs(evidence / "bombs")
    _xml(evidence / "xml", url, canary_url)
    _links(evidence / "links", canary)
    _big(evidence / "big")
    _deep(evidence / "deep")
    _pdfs(evidence / "pdf")
    _encodings(evidence / "encoding")
    _names(evidence / "names", url)
    _references(evidence / "refs", url, secure, canary_url)
    return folder


def _organization(evidence: Path) -> None:
    """Kinds mappings that climb out of the folder or are absolute: ignored with a note."""
    path = evidence / "organization.yaml"
    text = path.read_text(encoding="utf-8")
    text += (
        "kinds:\n"
        '  "../../etc/passwd": quality-policy\n'
        '  "/etc/passwd": quality-policy\n'
        '  "../canary.txt": quality-policy\n'
        '  "refs/../../canary.txt": quality-policy\n'
    )
    path.write_text(text, encoding="utf-8")


def _bombs(folder: Path) -> None:
    folder.mkdir(parents=True)
    declared = BOMB_MIB * MIB
    word = f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>'.encode()
    word_bomb = deflate_bomb(word, b" ", BOMB_MIB)
    plain_docx = docx_members(_doc_xml(_para("A harmless paragraph.")))
    for name, size in (("member-bomb", declared), ("lying-bomb", 1024)):
        bomb = ("word/document.xml", 8, word_bomb, 0, size)
        _write(folder / f"{name}.docx", raw_zip(replace_member(plain_docx, bomb)))
    sheet_prefix = (
        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<sheetData>"
    )
    sheet_bomb = deflate_bomb(sheet_prefix, b" ", BOMB_MIB)
    workbook = members_of(xlsx_bytes([["Risk", "Owner"], ["Fire", "Facilities"]]))
    for name, size in (("member-bomb", declared), ("lying-bomb", 1024)):
        bomb = ("xl/worksheets/sheet1.xml", 8, sheet_bomb, 0, size)
        _write(folder / f"{name}.xlsx", raw_zip(replace_member(workbook, bomb)))
    p = "http://schemas.openxmlformats.org/presentationml/2006/main"
    slide_bomb = deflate_bomb(f'<?xml version="1.0"?><p:sld xmlns:p="{p}">'.encode(), b" ", BOMB_MIB)
    deck = pptx_members(slide_xml("A slide"))
    for name, size in (("member-bomb", declared), ("lying-bomb", 1024)):
        bomb = ("ppt/slides/slide1.xml", 8, slide_bomb, 0, size)
        _write(folder / f"{name}.pptx", raw_zip(replace_member(deck, bomb)))
    content_bomb = deflate_bomb(
        f'<?xml version="1.0"?><office:document-content xmlns:office="{ODF_OFFICE}">'.encode(), b" ", BOMB_MIB
    )
    text = odt_members(odt_content("<text:p>A paragraph.</text:p>"))
    for name, size in (("member-bomb", declared), ("lying-bomb", 1024)):
        bomb = ("content.xml", 8, content_bomb, 0, size)
        _write(folder / f"{name}.odt", raw_zip(replace_member(text, bomb)))
    _write(folder / "many-members.docx", _many(plain_docx))
    _write(folder / "many-members.xlsx", _many(workbook))
    _write(folder / "many-members.pptx", _many(deck))
    _write(folder / "many-members.odt", _many(text))
    inner = raw_zip(replace_member(plain_docx, ("word/document.xml", 8, word_bomb, 0, declared)))
    for ext, members, place in (
        ("docx", docx_members(_doc_xml(_para("A policy with an embedded package."))), "word/embeddings"),
        ("xlsx", workbook, "xl/embeddings"),
        ("pptx", deck, "ppt/embeddings"),
        ("odt", text, "Object 1"),
    ):
        _write(folder / f"nested-bomb.{ext}", raw_zip([*members, stored(f"{place}/package.docx", inner)]))
    _write(folder / "nested.zip", raw_zip([stored("inner.docx", inner)]))


def _xml(folder: Path, url: str, canary_url: str) -> None:
    folder.mkdir(parents=True)
    laughs = _doc_xml(_para("x").replace("x</w:t>", "&i;</w:t>"), _laughs("w:document"))
    _write(folder / "billion-laughs.docx", raw_zip(docx_members(laughs)))
    xxe_file = _doc_xml(
        "<w:p><w:r><w:t>&e0;&e1;</w:t></w:r></w:p>", _xxe("w:document", canary_url, "file:///etc/passwd")
    )
    _write(folder / "xxe-file.docx", raw_zip(docx_members(xxe_file)))
    xxe_http = _doc_xml("<w:p><w:r><w:t>&e0;</w:t></w:r></w:p>", _xxe("w:document", f"{url}/xxe-docx"))
    _write(folder / "xxe-http.docx", raw_zip(docx_members(xxe_http)))
    workbook = members_of(xlsx_bytes([["Risk", "Owner"], ["Fire", "Facilities"]]))
    core = _core("&e0;", _xxe("cp:coreProperties", canary_url, f"{url}/xxe-core")).replace(
        b"&amp;e0;", b"&e0;"
    )
    _write(
        folder / "xxe-core-properties.xlsx",
        raw_zip(replace_member(workbook, deflated("docProps/core.xml", core))),
    )
    strings = (
        f'<?xml version="1.0"?>{_laughs("sst")}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
        ' count="2" uniqueCount="2"><si><t>&i;</t></si><si><t>Owner</t></si></sst>'
    ).encode()
    _write(
        folder / "billion-laughs-strings.xlsx",
        raw_zip(replace_member(workbook, deflated("xl/sharedStrings.xml", strings))),
    )
    slide = slide_xml("", _xxe("p:sld", canary_url, f"{url}/xxe-pptx"), raw="&e0;&e1;")
    _write(folder / "xxe.pptx", raw_zip(pptx_members(slide)))
    content = odt_content("<text:p>&i;</text:p>", _laughs("office:document-content"))
    _write(folder / "billion-laughs.odt", raw_zip(odt_members(content)))
    html = (
        f'<!DOCTYPE html [<!ENTITY e0 SYSTEM "{canary_url}"><!ENTITY e1 SYSTEM "{url}/xxe-html">'
        '<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        "<html><head><title>Entities</title></head><body><p>Quality policy &e0; &e1; &b;</p></body></html>"
    )
    _write(folder / "xxe.html", html.encode())
    svg = (
        f'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY e0 SYSTEM "{canary_url}">]>'
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        f'<image href="{url}/svg.png"/><image xlink:href="{canary_url}"/>'
        f'<style>@import url("{url}/svg.css");</style><text>&e0;</text></svg>'
    )
    _write(folder / "xxe.svg", svg.encode())


def _links(folder: Path, canary: Path) -> None:
    folder.mkdir(parents=True)
    (folder / "canary.txt").symlink_to(canary)
    (folder / "etc").symlink_to("/etc", target_is_directory=True)
    (folder / "up").symlink_to("..", target_is_directory=True)
    (folder / "self").symlink_to("self")
    (folder / "broken.md").symlink_to("missing.md")
    os.mkfifo(folder / "fifo.txt")


def _big(folder: Path) -> None:
    folder.mkdir(parents=True)
    with (folder / "over-limit.pdf").open("wb") as handle:
        handle.write(b"%PDF-1.4\n")
        handle.truncate(OVER_LIMIT_BYTES)  # sparse: no blocks written
    line = b"quality policy " * (HUGE_LINE_BYTES // 15) + b"x" * (HUGE_LINE_BYTES % 15)
    assert len(line) == HUGE_LINE_BYTES
    _write(folder / "one-line.md", line)
    _write(folder / "one-line.csv", line)
    _write(folder / "one-line.txt", line)


def _deep(folder: Path) -> None:
    folder.mkdir(parents=True)
    _write(folder / "deep.json", b"[" * 100_000 + b"]" * 100_000)
    _write(folder / "deep.yaml", b"[" * 10_000 + b"]" * 10_000)
    nested: object = {"owner": "Quality"}
    for level in range(100):
        nested = {f"level{level}": nested}
    import json

    _write(folder / "nested-100.json", json.dumps(nested).encode())
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        lines.append(f"{name}: &{name} [{', '.join(['*' + 'abcdefghi'[i]] * 9)}]")
    # a register whose cells hold 10^8 values: a cell must not be serialized in full
    lines.append("records:\n  - {id: R1, detail: *i}\n  - {id: R2, detail: *h}")
    _write(folder / "alias-bomb.yaml", ("\n".join(lines) + "\n").encode())
    _write(folder / "recursive.yaml", b"policy: &p\n  title: Quality policy\n  again: *p\n")
    _write(
        folder / "deep.html",
        b"<html><body>" + b"<div>" * 5000 + b"deep text" + b"</div>" * 5000 + b"</body></html>",
    )


def _pdfs(folder: Path) -> None:
    folder.mkdir(parents=True)
    _write(folder / "encrypted.pdf", _pdf("Secret quality policy", encrypt="secret"))
    whole = _pdf("Quality policy")
    _write(folder / "truncated.pdf", whole[: len(whole) // 3])
    _write(folder / "empty.pdf", b"")
    _write(folder / "header-only.pdf", b"%PDF-1.7\n")
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    huge = canvas.Canvas(buffer, pagesize=(14400, 14400), invariant=1)  # the largest page PDF allows
    huge.showPage()
    huge.save()
    _write(folder / "huge-page.pdf", buffer.getvalue())
    _write(folder.parent / "images" / "png-bomb.png", _png_bomb(30_000))
    _write(folder.parent / "images" / "tiff-bomb.tif", _tiff_bomb(30_000))


def _png_bomb(side: int) -> bytes:
    """A grayscale PNG of ``side`` x ``side`` black pixels whose IDAT inflates to ``side``² bytes."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    pixels = b"\x78\xda" + deflate_bomb(b"", b"\0", (side + 1) * side // MIB + 1) + b"\0\0\0\0"
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def _tiff_bomb(side: int) -> bytes:
    """A little-endian TIFF of two pages: 8 x 8, then ``side`` x ``side`` (directories only)."""
    data = bytearray(b"II*\x00" + struct.pack("<I", 8))
    for number, size in enumerate((8, side)):
        following = 0 if number else len(data) + 2 + 2 * 12 + 4
        data += struct.pack("<H", 2)
        data += struct.pack("<HHII", 256, 4, 1, size) + struct.pack("<HHII", 257, 4, 1, size)
        data += struct.pack("<I", following)
    return bytes(data)


def _encodings(folder: Path) -> None:
    folder.mkdir(parents=True)
    text = "# Qualité policy\n\nSécurité, responsabilité et amélioration continue.\n"
    _write(folder / "bad-utf8.md", text.encode() + b"Broken: \xff and a cut character \xc3\n")
    _write(folder / "cp1252.txt", "Qualité, sécurité, responsabilité.\n".encode("cp1252"))
    _write(folder / "utf16-no-bom.txt", "Quality policy\nWe improve continually.\n".encode("utf-16-le"))
    _write(folder / "nul-bytes.txt", b"Quality\x00policy\x00" * 10 + b"\x00\x00\x00\x01\x02")
    _write(folder / "nul-bytes.csv", b"id,owner\n1,\x00\x00\x00\x00\n" * 20)


def _names(folder: Path, url: str) -> None:
    script = folder / "<script>alert(1)<" / "script>.md"  # the path reads <script>alert(1)</script>.md
    _write(script, b"# <script>alert(1)</script> policy\n\n<script>alert(2)</script> We improve.\n")
    title = "<img src=x onerror=alert(document.domain)>"
    body = _para("<script>alert(3)</script> Quality policy") + _para(f"<a href='{url}/a'>link</a>")
    members = replace_member(
        docx_members(_doc_xml(body), title=title),
        deflated(
            "docProps/core.xml",
            _core(title, extra=f"<dc:subject>&lt;iframe src={url}/subject&gt;</dc:subject>"),
        ),
    )
    _write(folder / "title.docx", raw_zip(members))
    _write(
        folder / "formulas.csv",
        (
            "id,description,owner\n"
            "1,\"=cmd|' /C calc'!A0\",+SUM(1;2)\n"
            "2,-2+3,@SUM(A1:A2)\n"
            f'3,"=HYPERLINK(""{url}/csv"",""click"")",\t=1\n'
        ).encode(),
    )


def _references(folder: Path, url: str, secure: str, canary_url: str) -> None:
    folder.mkdir(parents=True)
    markdown = (
        "# Quality policy references\n\n"
        f"![logo]({url}/md-image.png) ![secure]({secure}/md-secure.png) ![local]({canary_url})\n"
        f"[policy]({url}/md-link) [file]({canary_url}) [up](../../canary.txt)\n"
        f'<img src="{url}/md-html.png"> <iframe src="{url}/md-iframe"></iframe>\n'
        f"[ref]: {url}/md-ref\n"
    )
    _write(folder / "links.md", markdown.encode())
    html = (
        "<html><head><title>Intranet page</title>"
        f'<link rel="stylesheet" href="{url}/html.css"><script src="{url}/html.js"></script>'
        f'<style>@import url("{url}/import.css"); body {{ background: url({canary_url}) }}</style></head>'
        f'<body><h1>Quality policy</h1><img src="{url}/html.png"><img src="../../canary.txt">'
        f'<iframe src="{secure}/frame"></iframe><object data="{url}/object"></object>'
        f'<svg><image href="{url}/svg-in-html.png"/></svg>'
        f'<p style="background:url({url}/style.png)">We improve continually.</p></body></html>'
    )
    _write(folder / "page.html", html.encode())
    rels = (
        f'<?xml version="1.0"?><Relationships xmlns="{PKG_RELS}">'
        f'<Relationship Id="rId7" Type="{R_NS}/image" Target="{url}/docx.png" TargetMode="External"/>'
        f'<Relationship Id="rId8" Type="{R_NS}/image" Target="{canary_url}" TargetMode="External"/>'
        f'<Relationship Id="rId9" Type="{R_NS}/hyperlink" Target="{url}/docx-link" TargetMode="External"/>'
        "</Relationships>"
    ).encode()
    document = _doc_xml(_para("Quality policy with a linked logo.") + "<w:p><w:r><w:drawing/></w:r></w:p>")
    _write(folder / "external-image.docx", raw_zip(docx_members(document, rels=rels)))


def main() -> None:
    """``python -m tests.hostile.make_hostile DIR --port N``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("directory", type=Path)
    parser.add_argument("--port", type=int, default=9)
    args = parser.parse_args()
    if args.directory.exists():
        shutil.rmtree(args.directory)
    folder = make_hostile(args.directory, args.port)
    print(f"wrote {folder.evidence} (canary {folder.canary})")


if __name__ == "__main__":
    main()
