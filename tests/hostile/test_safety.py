"""The hostile folder audited in every format, in a watched subprocess: it completes within
120 s and 2 GiB of address space, opens nothing outside the places it may, fetches nothing,
leaks the canary nowhere, leaves the folder byte-identical, and escapes what it shows."""

from __future__ import annotations

import csv
import io
import json
import mimetypes
import os
import re
import sys
import sysconfig
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import jsonschema
import openpyxl
import pytest

import imsaudit
from imsaudit.packs.load import default_pack_dir
from tests.conftest import OUTPUT_FILES, run_cli
from tests.hostile.conftest import (
    FIGURES,
    FORMATS,
    MEMORY_LIMIT,
    TIMEOUT_S,
    FullAudit,
    Hostile,
    audit_args,
    snapshot,
)
from tests.hostile.make_hostile import CANARY_TEXT
from tests.render.scenarios import HOSTILE_NAME, HOSTILE_TEXT
from tests.render.test_csv import read as read_csv
from tests.render.test_html import resources
from tests.render.test_junit import assert_valid as assert_valid_junit
from tests.render.test_markdown import to_html
from tests.render.test_oscal import MARKUP, strings
from tests.render.test_pdf import pdf_pages
from tests.render.test_sarif import SCHEMA_PLACES
from tests.render.test_sarif import assert_valid as assert_valid_sarif

OUTPUTS = OUTPUT_FILES
ORG_SCRIPT = "Gapcorp <script>alert(1)</script>"
NAME_SCRIPT = "names/<script>alert(1)</script>.md"
DOCX_TITLE = "<img src=x onerror=alert(document.domain)>"

SYSTEM_FILES = {
    "/dev/null": "subprocess (ctypes.util.find_library, tesseract --version) redirects to it",
    **{
        path: "Python's mimetypes reads the system MIME table (weasyprint guesses resource types)"
        for path in mimetypes.knownfiles
    },
}
"""Files outside the folder, the package and Python that the audit may open, and why."""
FIND_LIBRARY = {"/sbin/ldconfig", "/usr/bin/gcc", "ld"}
"""Programs ``ctypes.util.find_library`` runs when weasyprint loads pango and fontconfig."""


def _inside(path: str, roots: list[str]) -> bool:
    return any(path == root or path.startswith(root.rstrip("/") + "/") for root in roots)


def _allowed_roots(hostile: Hostile, full_audit: FullAudit) -> list[str]:
    places = [
        hostile.evidence,
        full_audit.out,
        full_audit.cache,
        full_audit.run.tmpdir,
        full_audit.workdir / "hook",  # the sitecustomize that installs the audit hook
        Path(imsaudit.__file__).parent,  # the package
        default_pack_dir(),  # its packs (clauses/ in a checkout, imsaudit/_clauses when installed)
        Path(sys.prefix),  # the virtual environment: site-packages
        Path(sys.base_prefix),  # the Python installation: the standard library
        *(Path(p) for p in sysconfig.get_paths().values()),
    ]
    return [os.path.realpath(p) for p in places]


def test_the_audit_completes_in_bounded_time_and_memory(full_audit: FullAudit) -> None:
    """Returncode 0 within the 120 s watchdog and the 2 GiB RLIMIT_AS (both set by ``run_watched``)."""
    assert full_audit.run.returncode == 0
    assert {p.name for p in full_audit.out.iterdir()} == OUTPUTS
    assert full_audit.run.maxrss_kib * 1024 < MEMORY_LIMIT
    FIGURES.append(
        f"hostile audit, all formats: {full_audit.run.seconds:.1f} s wall (limit {TIMEOUT_S} s), "
        f"peak RSS {full_audit.run.maxrss_kib / 1024:.0f} MiB"
        f" (limit {MEMORY_LIMIT >> 30} GiB of address space)"
    )


def test_nothing_outside_the_allowed_places_is_opened(hostile: Hostile, full_audit: FullAudit) -> None:
    roots = _allowed_roots(hostile, full_audit)
    # Import machinery lists each sys.path entry; the editable install puts the checkout on it.
    listable = {os.path.realpath(Path(imsaudit.__file__).parents[1]), os.path.realpath(full_audit.run.cwd)}
    outside: list[tuple[str, str]] = []
    for event in full_audit.run.events:
        if event.name not in ("open", "os.listdir", "os.scandir"):
            continue
        real = os.path.realpath(event.target)
        if _inside(real, roots) or real in SYSTEM_FILES or (event.name != "open" and real in listable):
            continue
        outside.append((event.name, event.target))
    assert not outside, outside[:20]
    opened = {os.path.realpath(e.target) for e in full_audit.run.events if e.name == "open"}
    assert os.path.realpath(hostile.folder.canary) not in opened
    assert "/etc/passwd" not in opened
    assert any(path.startswith(os.path.realpath(hostile.evidence)) for path in opened)  # the hook saw it


def test_nothing_is_written_but_the_outputs_and_the_cache(full_audit: FullAudit) -> None:
    places = [os.path.realpath(p) for p in (full_audit.out, full_audit.cache, full_audit.run.tmpdir)]
    writes = [e.target for e in full_audit.run.events if e.name == "open" and e.writes]
    assert writes  # the hook sees writes: the outputs are there
    assert [w for w in writes if not _inside(os.path.realpath(w), places) and w != "/dev/null"] == []


def test_nothing_is_fetched(full_audit: FullAudit) -> None:
    """The loopback server the folder points at everywhere got no connection, in any format."""
    assert full_audit.requests_after == () and full_audit.connections_after == ()
    names = {e.name for e in full_audit.run.events}
    assert not names & {"socket.connect", "socket.getaddrinfo", "urllib.Request", "os.system"}
    programs = {e.target.split("'")[1] for e in full_audit.run.events if e.name == "subprocess.Popen"}
    assert programs <= FIND_LIBRARY | {"/usr/bin/tesseract", "tesseract"}, programs


def _output_texts(out: Path) -> dict[str, str]:
    """Every output as text: the workbook's parts unzipped, the PDF's text layer extracted."""
    texts: dict[str, str] = {}
    for path in sorted(out.iterdir()):
        data = path.read_bytes()
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                texts[path.name] = "".join(
                    archive.read(n).decode("utf-8", "replace") for n in archive.namelist()
                )
        elif path.suffix == ".pdf":
            texts[path.name] = " ".join(text for text, _ in pdf_pages(data)) + data.decode("latin-1")
        else:
            texts[path.name] = data.decode("utf-8")
    return texts


def test_the_canary_appears_in_no_output(hostile: Hostile, full_audit: FullAudit) -> None:
    """Referenced by file://, ../, a symlink, an XXE SYSTEM entity and a kinds mapping: never read."""
    texts = _output_texts(full_audit.out)
    assert set(texts) == OUTPUTS
    assert [name for name, text in texts.items() if CANARY_TEXT in text] == []
    assert CANARY_TEXT not in full_audit.run.stdout + full_audit.run.stderr
    assert "root:x:0:0" not in "".join(texts.values())  # nor /etc/passwd


def test_no_absolute_path_of_the_folder_leaks(hostile: Hostile, full_audit: FullAudit) -> None:
    data = (full_audit.out / "audit.json").read_text(encoding="utf-8")
    assert str(hostile.evidence) not in data and str(hostile.evidence.parent) + "/evidence" not in data


def test_the_evidence_folder_is_byte_identical(
    hostile: Hostile, full_audit: FullAudit, deterministic_runs: object, scan_report: object
) -> None:
    """After the full audit, the two determinism runs and the scan: every path, symlink target,
    mode, size, mtime and sha256 as before."""
    after = snapshot(hostile.evidence)
    assert sorted(after) == sorted(hostile.before)
    changed = [path for path in after if after[path] != hostile.before[path]]
    assert changed == []


# --------------------------------------------------------------------------- escaping


def test_html_escapes_and_loads_nothing(full_audit: FullAudit) -> None:
    html = (full_audit.out / "report.html").read_text(encoding="utf-8")
    found = resources(html)
    assert found.tags.count("script") == 1 and html.count("<script") == 1  # our own, inline
    assert not {"img", "iframe", "object", "embed", "link", "image", "frame"} & set(found.tags)
    assert all(url.startswith("#") for url in found.urls), [u for u in found.urls if not u.startswith("#")]
    assert not [s for s in found.styles if "127.0.0.1" in s or "url(" in s]
    assert re.search(r"<[^>]*\sonerror", html) is None
    for shown in (NAME_SCRIPT, DOCX_TITLE, ORG_SCRIPT, HOSTILE_NAME):
        escaped = shown.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        assert escaped in html, shown


def test_markdown_is_inert(full_audit: FullAudit) -> None:
    markdown = (full_audit.out / "report.md").read_text(encoding="utf-8")
    rendered = to_html(markdown)  # as GitHub renders it, raw HTML allowed
    for markup in ("<img", "<script", "<iframe", "<a ", "href=", "onerror=alert(1)>"):
        assert markup not in rendered, markup
    assert "alert(1)&lt;/script&gt;.md" in rendered and "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered


def test_sarif_is_valid_and_encodes_paths(full_audit: FullAudit) -> None:
    log: dict[str, Any] = json.loads((full_audit.out / "results.sarif").read_bytes())
    schema = json.loads(SCHEMA_PLACES[0].read_text(encoding="utf-8"))
    assert_valid_sarif(jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()), log)
    uris = [a["location"]["uri"] for a in log["runs"][0]["artifacts"]]
    assert HOSTILE_NAME in [unquote(u) for u in uris] and HOSTILE_NAME not in uris


def test_junit_is_valid_and_escaped(full_audit: FullAudit) -> None:
    data = (full_audit.out / "junit.xml").read_bytes()
    assert_valid_junit(data)
    assert b"<img" not in data and b"<script" not in data and b"\x07" not in data
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in data
    assert HOSTILE_TEXT.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").encode() in data


def test_csv_guards_formulas(full_audit: FullAudit) -> None:
    rows = read_csv((full_audit.out / "findings.csv").read_bytes())
    cells = [cell for row in rows for cell in row.values()]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert any(c.startswith(f"'{HOSTILE_NAME}") for c in cells)
    assert list(csv.reader(io.StringIO((full_audit.out / "findings.csv").read_text(encoding="utf-8-sig"))))


def test_xlsx_has_no_formulas(full_audit: FullAudit) -> None:
    book = openpyxl.load_workbook(full_audit.out / "findings.xlsx")
    cells = [
        c for sheet in book.worksheets for row in sheet.iter_rows() for c in row if isinstance(c.value, str)
    ]
    starting = [c for c in cells if c.value.startswith(("=", "+", "-", "@"))]
    assert [c.coordinate for c in starting if c.data_type != "s"] == []
    assert any(HOSTILE_NAME in c.value for c in cells)


def test_oscal_markup_is_inert(full_audit: FullAudit) -> None:
    document = json.loads((full_audit.out / "oscal-assessment-results.json").read_bytes())[
        "assessment-results"
    ]
    rendered = [to_html(text) for key, text in strings(document) if key in MARKUP]
    assert rendered and not [h for h in rendered if re.search(r"<(a|img|script|iframe)\b", h)]


def test_pdf_shows_markup_as_text(full_audit: FullAudit) -> None:
    flat = re.sub(
        r"\s+", "", " ".join(text for text, _ in pdf_pages((full_audit.out / "report.pdf").read_bytes()))
    )
    assert re.sub(r"\s+", "", ORG_SCRIPT) in flat


# --------------------------------------------------------------------------- atomic writes


def test_a_renderer_failing_midway_leaves_no_half_written_file(
    hostile: Hostile, full_audit: FullAudit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Gapcorp injection test, on the hostile folder (warm cache): nothing half-written."""
    from imsaudit.render.markdown import MarkdownRenderer

    def explode(self: object, result: object, options: object) -> bytes:
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(MarkdownRenderer, "render", explode)
    out = tmp_path / "out"
    args = audit_args(
        hostile.evidence, out, "json,md,csv", "--cache-dir", str(full_audit.cache), "--jobs", "1"
    )
    run_cli(args, exit_code=2)
    assert sorted(p.name for p in out.iterdir()) == ["audit.json"]
    assert (out / "audit.json").read_bytes() == (full_audit.out / "audit.json").read_bytes()


def test_formats_cover_every_renderer() -> None:
    from imsaudit.render import RENDERERS

    assert set(FORMATS.split(",")) == {name for name, _ in RENDERERS.items()}
