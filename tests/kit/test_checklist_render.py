"""The checklist's formats: Markdown (golden, GitHub anchors, escaping), XLSX read back, PDF read back.

Regenerate the golden file with ``IMSAUDIT_REGEN_GOLDEN=1 pytest tests/kit`` and review the diff.
"""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import cmarkgfm
import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from imsaudit.core.errors import UsageError
from imsaudit.kit.checklist import STATUSES, Checklist, build_checklist
from imsaudit.kit.checklist_md import checklist_markdown, github_anchor
from imsaudit.kit.checklist_pdf import checklist_html
from imsaudit.kit.checklist_render import default_filename, render_checklist
from imsaudit.packs.load import Library
from imsaudit.render.pdf import ResourceRefused, package_resource
from tests.kit.test_checklist import assert_dependency_order
from tests.render.scenarios import assert_golden
from tests.render.test_pdf import pdf_pages

GOLDEN = Path(__file__).parent / "golden"
HOSTILE = '<img src=x onerror=alert(1)> <link rel="stylesheet" href="http://127.0.0.1:9/x.css"> | *x* [a](http://evil)'


@pytest.fixture(scope="module")
def std(library: Library) -> Checklist:
    return build_checklist(library, ["std-integration"])


def small(checklist: Checklist) -> Checklist:
    """The first phase only: enough to test a format without laying out 30 pages."""
    return dataclasses.replace(checklist, phases=checklist.phases[:1])


def hostile(checklist: Checklist) -> Checklist:
    """The first requirement's text and a question replaced by markup that must stay text."""
    phase = checklist.phases[0]
    clause = phase.clauses[0]
    item = dataclasses.replace(clause.items[0], text=HOSTILE, questions=(HOSTILE,))
    clause = dataclasses.replace(clause, items=(item, *clause.items[1:]))
    phase = dataclasses.replace(phase, clauses=(clause, *phase.clauses[1:]))
    return dataclasses.replace(checklist, phases=(phase,))


# --------------------------------------------------------------------------- Markdown


def test_markdown_golden(std: Checklist) -> None:
    data = render_checklist(std, "md")
    assert_golden("checklist-std-integration.md", data, GOLDEN)
    assert data == render_checklist(std, "md")


def test_markdown_has_a_checkbox_per_requirement_in_order(std: Checklist, library: Library) -> None:
    text = checklist_markdown(std)
    ids = re.findall(r"^- \[ \] \*\*(SI-[\d.]+-\d\d)\*\*", text, flags=re.MULTILINE)
    assert ids == [item.id for item in std.items]
    assert_dependency_order(std, library)
    assert text.count("## Phase ") == len(std.phases)


def test_markdown_links_reach_github_anchors(std: Checklist) -> None:
    text = checklist_markdown(std)
    seen: dict[str, int] = {}
    anchors = {
        github_anchor(line.lstrip("#").strip().replace("\\", ""), seen)
        for line in text.splitlines()
        if line.startswith("#")
    }
    links = re.findall(r"\]\(#([^)]+)\)", text)
    assert links and set(links) <= anchors
    # GitHub's own slugs for two headings, written out by hand.
    assert "(#phase-3)" in text
    assert "(#si-11-standardization-strategy)" in text
    html = cmarkgfm.github_flavored_markdown_to_html(text)
    assert html.count('<input type="checkbox" disabled="" />') == len(std.items)


def test_github_anchor_numbers_repeats() -> None:
    seen: dict[str, int] = {}
    assert (
        github_anchor("8.3 Design & development (ISO 9001:2015)", seen)
        == "83-design--development-iso-90012015"
    )
    assert github_anchor("Phase 1", seen) == "phase-1"
    assert github_anchor("Phase 1", seen) == "phase-1-1"


def test_markdown_escapes_pack_text(std: Checklist) -> None:
    text = checklist_markdown(hostile(std))
    html = cmarkgfm.github_flavored_markdown_to_html(text)
    assert "<img" not in html and "<link" not in html and 'href="http://evil"' not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


# --------------------------------------------------------------------------- XLSX


def test_xlsx_one_row_per_requirement_in_dependency_order(std: Checklist, library: Library) -> None:
    data = render_checklist(std, "xlsx")
    assert data == render_checklist(std, "xlsx"), "same packs, same bytes"
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    assert book.sheet_names == ["Checklist", "Evidence kinds"]
    rows = book.get_sheet_by_name("Checklist").to_python()
    header = rows[0]
    assert header[:3] == ["Phase", "Requirement", "Pack"]
    assert {"Evidence that would satisfy it", "What the audit checks", "Interview questions"} <= set(header)
    assert header[-2:] == ["Status", "Notes"]
    body = rows[1:]
    assert [r[1] for r in body] == [i.id for i in std.items]
    phases = [int(r[0]) for r in body]
    assert phases == sorted(phases)
    # No row before a row of one of its clause's prerequisites.
    assert_dependency_order(std, library)
    first = dict(zip(header, body[0], strict=True))
    assert first["Status"] == "Not started"
    assert "Standardization strategy: a real document (not a template)" in first["What the audit checks"]
    kinds = book.get_sheet_by_name("Evidence kinds").to_python()
    assert kinds[0][:2] == ["Kind", "Title"] and len(kinds) > 10


def test_xlsx_has_a_status_drop_down_frozen_header_and_filter(std: Checklist) -> None:
    sheet = load_workbook(io.BytesIO(render_checklist(std, "xlsx")))["Checklist"]
    assert sheet.freeze_panes == "C2"
    assert sheet.auto_filter.ref == f"A1:P{len(std.items) + 1}"
    validations = sheet.data_validations.dataValidation
    assert len(validations) == 1
    assert validations[0].type == "list"
    assert validations[0].formula1 == '"' + ",".join(STATUSES) + '"'
    assert str(validations[0].sqref) == f"O2:O{len(std.items) + 1}"
    assert sheet["F2"].alignment.wrap_text


def test_xlsx_keeps_formula_like_text_as_text(std: Checklist) -> None:
    checklist = hostile(std)
    item = dataclasses.replace(checklist.items[0], text='=HYPERLINK("http://evil","x")')
    clause = dataclasses.replace(checklist.phases[0].clauses[0], items=(item,))
    checklist = dataclasses.replace(
        checklist, phases=(dataclasses.replace(checklist.phases[0], clauses=(clause,)),)
    )
    sheet = load_workbook(io.BytesIO(render_checklist(checklist, "xlsx")))["Checklist"]
    assert sheet["F2"].data_type == "s" and sheet["F2"].value.startswith("=HYPERLINK")


# --------------------------------------------------------------------------- PDF


def test_pdf_pages_header_and_text(std: Checklist) -> None:
    pages = pdf_pages(render_checklist(std, "pdf"))
    assert len(pages) > 10
    total = len(pages)
    width, height = pages[0][1]
    assert round(width) == 595 and round(height) == 842, "A4 by default"
    text = " ".join(" ".join(t for t, _ in pages).split())
    assert "Self-assessment checklist" in text and "How to use it" in text
    for item in std.items:
        assert item.id in text
    for number, (page, _) in enumerate(pages, start=1):
        flat = " ".join(page.split())
        assert f"Page {number} of {total}" in flat
    second = " ".join(pages[1][0].split())
    assert "Standardization integrated into research and innovation" in second and "Phase 1" in second
    # The contents give each phase's page.
    assert re.search(r"Phase 2 10 requirements .*? \d+", " ".join(pages[0][0].split()))


def test_pdf_is_stable_and_paper_sized(std: Checklist) -> None:
    one = small(std)
    a4 = render_checklist(one, "pdf")
    assert a4 == render_checklist(one, "pdf"), "same packs, same bytes"
    letter = pdf_pages(render_checklist(one, "pdf", paper="letter"))
    assert (round(letter[0][1][0]), round(letter[0][1][1])) == (612, 792)


def test_pdf_escapes_and_fetches_only_its_own_style_sheet(std: Checklist) -> None:
    html = checklist_html(hostile(std))
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "<img" not in html
    assert re.findall(r'href="(imsaudit:[^"]+)"', html) == ["imsaudit:checklist.css"]
    data, mime = package_resource("imsaudit:checklist.css", "imsaudit.kit")
    assert mime == "text/css" and b"counter(pages)" in data
    for url in (
        "imsaudit:report.css",
        "imsaudit:checklist.html.j2",
        "imsaudit:../starter.py",
        "file:///etc/passwd",
    ):
        with pytest.raises(ResourceRefused):
            package_resource(url, "imsaudit.kit")
    flat = "".join("".join(t for t, _ in pdf_pages(render_checklist(hostile(small(std)), "pdf"))).split())
    assert "<imgsrc=xonerror=alert(1)>" in flat, "shown as text"


# --------------------------------------------------------------------------- registry


def test_unknown_format_and_paper_are_usage_errors(std: Checklist) -> None:
    with pytest.raises(UsageError, match="did you mean 'md'"):
        render_checklist(std, "mdd")
    with pytest.raises(UsageError, match="unknown paper size"):
        render_checklist(std, "pdf", paper="a3")


def test_default_file_name(library: Library) -> None:
    both = build_checklist(library, ["std-integration", "iso9001-2015"])
    assert default_filename(both, "xlsx") == "checklist-iso9001-2015-std-integration.xlsx"
