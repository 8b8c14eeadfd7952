"""report.pdf: the sections are there, pages are numbered and bounded, paper sizes differ,
the bytes are stable, and hostile evidence text stays text and makes nothing fetch."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator

import pypdfium2 as pdfium
import pytest

from imsaudit.core.results import EvidenceRef
from imsaudit.core.types import Outcome
from imsaudit.findings.model import (
    AuditResult,
    Change,
    DocumentEntry,
    ErrorEntry,
    KindRef,
    ManualRecord,
    Progress,
    WaiverRecord,
)
from imsaudit.render import RENDERERS, RenderOptions
from imsaudit.render.pdf import PdfRenderer, ResourceRefused, package_resource, pdf_bytes
from tests.e2e.test_gapcorp import audit
from tests.loopback import Loopback, serve_loopback

HEADINGS = (
    "Contents",
    "Executive summary",
    "Scope and method",
    "Results by section",
    "Dependency map of the gaps",
    "Detailed findings",
    "Roadmap",
    "Exclusions, waivers and auditor verdicts",
    "Interview questions",
    "Evidence register",
    "Glossary",
)


def pdf_pages(data: bytes) -> list[tuple[str, tuple[float, float]]]:
    """Text and size (points) of each page."""
    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(document)):
            page = document[index]
            text = page.get_textpage()
            pages.append((text.get_text_bounded(), page.get_size()))
            text.close()
            page.close()
        return pages
    finally:
        document.close()


def trimmed(result: AuditResult, sections: tuple[str, ...] = ("5",)) -> AuditResult:
    """The audit restricted to some HS sections: the same report, a few pages, fast to lay out."""

    def keep(clause: str) -> bool:
        return clause.split(".")[0] in sections

    return result.model_copy(
        update={
            "requirements": tuple(r for r in result.requirements if keep(r.clause)),
            "clauses": tuple(c for c in result.clauses if keep(c.clause)),
            "root_gaps": tuple(g for g in result.root_gaps if keep(g.clause)),
            "roadmap": tuple(
                p.model_copy(update={"items": tuple(i for i in p.items if keep(i.clause))})
                for p in result.roadmap
                if any(keep(i.clause) for i in p.items)
            ),
        }
    )


def decorated(result: AuditResult) -> AuditResult:
    """``result`` with a baseline, a waiver and an auditor's verdict, so every chapter has content."""
    gaps = [r for r in result.requirements if r.outcome is Outcome.NOT_MET]
    waived, judged = gaps[0], next(r for r in result.requirements if r.outcome is Outcome.NEEDS_REVIEW)
    changes = {
        waived.id: {
            "waiver": WaiverRecord(
                reason="Supplier audit moved to Q1",
                expires=dt.date(2027, 3, 31),
                approved_by="CEO",
                active=True,
            )
        },
        judged.id: {
            "outcome": Outcome.MET,
            "manual": ManualRecord(
                verdict=Outcome.MET,
                note="Interviewed two supervisors",
                auditor="R. Moreau",
                source="findings.xlsx",
            ),
        },
    }
    progress = Progress(
        baseline_as_of=dt.date(2026, 5, 1),
        newly_met=(Change(requirement=judged.id, before=Outcome.NOT_MET, after=Outcome.MET),),
        regressed=(Change(requirement=gaps[1].id, before=Outcome.PARTLY_MET, after=Outcome.NOT_MET),),
        still_open=tuple(r.id for r in gaps[2:]),
        score_before=8.0,
        score_after=12.6,
    )
    return result.model_copy(
        update={
            "requirements": tuple(r.model_copy(update=changes.get(r.id, {})) for r in result.requirements),
            "progress": progress,
        }
    )


SCRIPT = "<script>alert(1)</script>"


def hostile(result: AuditResult, port: int) -> AuditResult:
    """``result`` with a document, a citation and an organization name written to attack a renderer."""
    base = f"http://127.0.0.1:{port}"
    path = f"evil/{SCRIPT}<img src={base}/path.png>.md"
    excerpt = (
        f'url(file:///etc/passwd) <img src="{base}/img.png"> <link rel=stylesheet href={base}/s.css> '
        f'<style>@import "{base}/i.css";</style><svg><image href="{base}/svg.png"/></svg>'
    )[:200]
    document = DocumentEntry(
        path=path,
        sha256="ab" * 32,
        size=66,
        format="markdown",
        kinds=(KindRef(kind="quality-policy", why=f"title {SCRIPT} <a href='file:///etc/passwd'>x</a>"),),
        title=f"{SCRIPT}<iframe src={base}/title></iframe>",
        error=f'<object data="{base}/error"></object>',
    )
    reference = EvidenceRef(
        path=path, sha256="ab" * 32, locator=f'line 1 <a href="{base}/loc">', excerpt=excerpt
    )
    target = next(r for r in result.requirements if r.outcome is Outcome.NOT_MET)
    requirements = tuple(
        r.model_copy(update={"evidence": (reference,), "message": f"{SCRIPT} {excerpt}"})
        if r is target
        else r
        for r in result.requirements
    )
    organization = result.organization.model_copy(
        update={
            "name": f"ACME {SCRIPT} <b>{base}/org</b>",
            "scope": f"<style>* {{ background: url({base}/bg) }}",
        }
    )
    return result.model_copy(
        update={
            "documents": (*result.documents, document),
            "requirements": requirements,
            "organization": organization,
            "errors": (*result.errors, ErrorEntry(path=path, line=3, message=f"{SCRIPT} url({base}/err)")),
        }
    )


Recorder = Loopback


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    with serve_loopback() as record:
        yield record


@pytest.fixture(scope="module")
def gapcorp() -> AuditResult:
    return audit()


@pytest.fixture(scope="module")
def small(gapcorp: AuditResult) -> AuditResult:
    return decorated(trimmed(gapcorp))


@pytest.fixture(scope="module")
def full_pdf(gapcorp: AuditResult) -> bytes:
    return RENDERERS.get("pdf")().render(gapcorp, RenderOptions())


@pytest.fixture(scope="module")
def small_pdf(small: AuditResult) -> bytes:
    return pdf_bytes(small)


def test_registered() -> None:
    assert RENDERERS.get("pdf") is PdfRenderer and PdfRenderer.filename == "report.pdf"


def test_sections_in_order(full_pdf: bytes, gapcorp: AuditResult) -> None:
    pages = pdf_pages(full_pdf)
    cover = pages[0][0]
    assert "Gapcorp Precision Parts" in cover and "ISO 9001:2015" in cover and "2026-11-01" in cover
    assert "R. Moreau" in cover
    text = "\n".join(t for t, _ in pages[2:])
    starts = [text.find(f"{n} {h}") for n, h in enumerate(HEADINGS[1:], start=1)]
    assert all(s >= 0 for s in starts), [h for h, s in zip(HEADINGS[1:], starts, strict=True) if s < 0]
    assert starts == sorted(starts)
    contents = pages[1][0]
    for heading in HEADINGS:
        assert heading in contents
    # the contents give the page each chapter starts on
    for number, heading in enumerate(HEADINGS[1:], start=1):
        match = re.search(rf"{number} {re.escape(heading)}\s*\.+\s*(\d+)", contents)
        assert match, heading
        assert f"{number} {heading}" in pages[int(match.group(1)) - 1][0]
    # a finding cites its evidence with locator and short hash; guidance is there
    cited = next(r for r in gapcorp.requirements if r.evidence and r.outcome is Outcome.NOT_MET)
    assert cited.id in text and cited.evidence[0].sha256[:12] in text
    assert "Recommendation:" in text and "Root causes to fix first" in text


def test_running_footer_and_page_count(full_pdf: bytes) -> None:
    pages = pdf_pages(full_pdf)
    total = len(pages)
    assert 10 < total <= 60, total
    assert "Page" not in pages[0][0]  # the cover has no header or footer
    for number, (text, _) in enumerate(pages[1:], start=2):
        assert f"Page {number} of {total}" in text
        assert "Gapcorp Precision Parts" in text  # running header


def test_metadata_dates_are_the_audit_date(small_pdf: bytes) -> None:
    document = pdfium.PdfDocument(small_pdf)
    try:
        metadata = document.get_metadata_dict()
    finally:
        document.close()
    assert metadata["CreationDate"].startswith("D:20261101")
    assert metadata["ModDate"].startswith("D:20261101")
    assert metadata["Title"] == "Gap analysis: Gapcorp Precision Parts (2026-11-01)"


def test_progress_waivers_and_verdicts(small_pdf: bytes) -> None:
    text = " ".join(" ".join(t for t, _ in pdf_pages(small_pdf)).split())
    assert (
        "Progress since the baseline" in text
        and "Compared with the audit of 2026-05-01: score 8 then, 13 now" in text
    )
    assert "Accepted until 2027-03-31 (active, approved by CEO): Supplier audit moved to Q1" in text
    assert "Met, by R. Moreau (findings.xlsx): Interviewed two supervisors" in text


def test_same_audit_same_bytes(small: AuditResult, small_pdf: bytes) -> None:
    assert pdf_bytes(small) == small_pdf


def test_letter_differs_from_a4(small: AuditResult, small_pdf: bytes) -> None:
    letter = pdf_pages(RENDERERS.get("pdf")().render(small, RenderOptions(paper="letter")))
    a4 = pdf_pages(small_pdf)
    assert {tuple(round(x) for x in size) for _, size in a4} == {(595, 842)}
    assert {tuple(round(x) for x in size) for _, size in letter} == {(612, 792)}
    with pytest.raises(ValueError, match="paper"):
        pdf_bytes(small, "tabloid")


def test_pages_do_not_grow_with_uncited_documents(small: AuditResult, small_pdf: bytes) -> None:
    extra = tuple(
        DocumentEntry(path=f"archive/{i:05d}/record-{i}.md", sha256=f"{i:064x}", size=100, format="markdown")
        for i in range(3000)
    )
    broken = tuple(ErrorEntry(path=f"broken/{i}.docx", line=0, message="corrupt DOCX") for i in range(500))
    huge = small.model_copy(update={"documents": small.documents + extra, "errors": small.errors + broken})
    pages = pdf_pages(pdf_bytes(huge))
    assert len(pages) <= len(pdf_pages(small_pdf)) + 3
    text = " ".join(" ".join(t for t, _ in pages).split())
    further = re.search(r"(\d+) further documents \((\d+) markdown", text)
    assert further and int(further.group(1)) >= 3000 and int(further.group(2)) >= 3000
    more = re.search(r"and (\d+) more, listed in report.html", text)
    assert more and int(more.group(1)) >= 460


def test_fetcher_serves_package_style_sheets_only() -> None:
    data, mime = package_resource("imsaudit:report.css")
    assert mime == "text/css" and b".badge" in data
    for url in (
        "file:///etc/passwd",
        "http://127.0.0.1:9/x.css",
        "https://example.com/x.css",
        "data:text/css,body{}",
        "imsaudit:../base.py",
        "imsaudit:/etc/passwd",
        "imsaudit:report.html.j2",
        "imsaudit:report.js",
        "imsaudit:nope.css",
        "ftp://127.0.0.1/x",
    ):
        with pytest.raises(ResourceRefused):
            package_resource(url)


def test_weasyprint_fetches_nothing_outside_the_package(
    recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    """Even markup that reached weasyprint unescaped could not fetch: the fetcher refuses."""
    import weasyprint

    caplog.set_level(logging.WARNING)
    from imsaudit.render.pdf import url_fetcher

    base = f"http://127.0.0.1:{recorder.port}"
    html = (
        f'<link rel="stylesheet" href="{base}/s.css"><link rel="stylesheet" href="imsaudit:report.css">'
        f'<style>@import url("{base}/i.css"); p {{ background: url({base}/bg.png) }}</style>'
        f'<p><img src="{base}/img.png"><img src="file:///etc/passwd">x</p>'
    )
    data = weasyprint.HTML(string=html, base_url="imsaudit:", url_fetcher=url_fetcher()).write_pdf()
    assert data.startswith(b"%PDF") and recorder.requests == []
    refused = " ".join(r.getMessage() for r in caplog.records if "refused to fetch" in r.getMessage())
    assert f"{base}/s.css" in refused and f"{base}/img.png" in refused and "file:///etc/passwd" in refused


def test_hostile_text_is_escaped_and_fetches_nothing(
    small: AuditResult, recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    data = pdf_bytes(hostile(small, recorder.port))
    assert recorder.requests == []
    assert not [r for r in caplog.records if "fetch" in r.getMessage()]
    pages = pdf_pages(data)
    flat = re.sub(r"\s+", "", "".join(t for t, _ in pages))
    assert SCRIPT in flat  # shown as text
    assert "url(file:///etc/passwd)" in flat
    assert "evil/" in flat and f"127.0.0.1:{recorder.port}/org" in flat
