"""report.html: one self-contained file (no URL to load), hostile text escaped, stable bytes,
and in headless Chromium: no console error, the filters and the search box work."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from imsaudit.core.types import Outcome
from imsaudit.findings.model import AuditResult
from imsaudit.render import RENDERERS, RenderOptions
from imsaudit.render._report import anchor
from imsaudit.render.html import HtmlRenderer, html_bytes
from tests.e2e.test_gapcorp import audit
from tests.render.test_pdf import SCRIPT, Recorder, hostile, recorder

__all__ = ["recorder"]  # the loopback server fixture, shared with test_pdf

URL_ATTRIBUTES = {
    "src",
    "href",
    "xlink:href",
    "action",
    "formaction",
    "srcset",
    "poster",
    "data",
    "background",
}


class Resources(HTMLParser):
    """Every attribute value, script and style text of a document (not its text content)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.urls: list[str] = []
        self.styles: list[str] = []
        self.scripts: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in URL_ATTRIBUTES and value is not None:
                self.urls.append(value)
            if name == "style" and value:
                self.styles.append(value)
        if tag in ("style", "script"):
            self._in = tag

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "style":
            self.styles.append(data)
        elif self._in == "script":
            self.scripts.append(data)


def resources(document: str) -> Resources:
    parser = Resources()
    parser.feed(document)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def gapcorp() -> AuditResult:
    return audit()


@pytest.fixture(scope="module")
def report(gapcorp: AuditResult) -> str:
    return RENDERERS.get("html")().render(gapcorp, RenderOptions()).decode("utf-8")


def test_registered() -> None:
    assert RENDERERS.get("html") is HtmlRenderer and HtmlRenderer.filename == "report.html"


def test_self_contained(report: str, gapcorp: AuditResult) -> None:
    found = resources(report)
    assert found.tags.count("script") == 1 and found.tags.count("style") == 1
    assert "link" not in found.tags and "img" not in found.tags and "iframe" not in found.tags
    assert all(url.startswith("#") for url in found.urls), [u for u in found.urls if not u.startswith("#")]
    for text in found.styles + found.scripts:
        assert "url(" not in text and "@import" not in text
        assert not any(scheme + "//" in text for scheme in ("http:", "https:", "file:"))
    assert "fetch(" not in found.scripts[0] and "XMLHttpRequest" not in found.scripts[0]
    assert "default-src 'none'" in report
    # the same content as the PDF: every chapter, every document in the register
    for heading in ("Executive summary", "Dependency map of the gaps", "Detailed findings", "Glossary"):
        assert heading in report
    for document in gapcorp.documents:
        assert document.path in report and document.sha256 in report


def test_the_readiness_card_says_what_the_score_is_over(gapcorp: AuditResult, report: str) -> None:
    """The score leaves out needs review, not applicable and waived requirements: the card
    counts the requirements it is over, not every requirement."""
    from imsaudit.findings.score import POINTS, WEIGHT, score

    assert not any(r.waiver for r in gapcorp.requirements)  # else: waived ones are left out too
    judged = [r for r in gapcorp.requirements if r.outcome in POINTS]
    assert gapcorp.summary.overall_score == score(judged)
    left_out = len(gapcorp.requirements) - len(judged)
    assert left_out > 0 and {r.severity for r in judged} <= set(WEIGHT)
    assert f"Over the {len(judged)} of {len(gapcorp.requirements)} requirements judged" in report


def test_same_audit_same_bytes(gapcorp: AuditResult, report: str) -> None:
    assert html_bytes(gapcorp).decode("utf-8") == report


def test_hostile_text_is_escaped(gapcorp: AuditResult) -> None:
    document = html_bytes(hostile(gapcorp, 9)).decode("utf-8")
    found = resources(document)
    assert found.tags.count("script") == 1 and "img" not in found.tags and "iframe" not in found.tags
    assert "object" not in found.tags and "image" not in found.tags and "link" not in found.tags
    assert all(url.startswith("#") for url in found.urls)
    assert len(found.styles) == 1 and "127.0.0.1" not in found.styles[0]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in document
    assert "url(file:///etc/passwd)" in document  # shown as text, not a style
    assert SCRIPT not in document


def _driver() -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "chromedriver"), options=options)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not (shutil.which("chromium") and shutil.which("chromedriver")):
        pytest.skip("chromium and chromium-driver are not installed (scripts/system-deps.sh)")
    pytest.importorskip("selenium")
    driver = _driver()
    try:
        yield driver
    finally:
        driver.quit()


def _visible(browser: Any, selector: str) -> list[str]:
    """The ids (or text) of the elements matching ``selector`` that are displayed."""
    script = (
        "return Array.from(document.querySelectorAll(arguments[0]))"
        ".filter(e => e.offsetParent !== null).map(e => e.id || e.dataset.finding || e.textContent)"
    )
    result: list[str] = browser.execute_script(script, selector)
    return result


def test_filters_and_search_in_chromium(
    browser: Any, report: str, gapcorp: AuditResult, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    page = tmp_path / "report.html"
    page.write_text(report, encoding="utf-8")
    browser.get(page.as_uri())
    assert browser.get_log("browser") == []

    groups = _visible(browser, ".clause-group")
    rows = _visible(browser, "table.clauses tbody tr.f-item")
    assert len(groups) > 20 and len(rows) > 40

    Select(browser.find_element(By.ID, "f-finding")).select_by_value("minor_nc")
    minor = browser.execute_script(
        "return Array.from(document.querySelectorAll('.clause-group'))"
        ".filter(e => e.offsetParent !== null).map(e => e.dataset.finding)"
    )
    assert minor and set(minor) == {"minor_nc"} and len(minor) < len(groups)
    assert 0 < len(_visible(browser, "table.clauses tbody tr.f-item")) < len(rows)
    assert "of" in browser.find_element(By.ID, "f-count").text

    Select(browser.find_element(By.ID, "f-section")).select_by_value("7")
    sections = browser.execute_script(
        "return Array.from(document.querySelectorAll('.clause-group'))"
        ".filter(e => e.offsetParent !== null).map(e => e.dataset.section)"
    )
    assert sections and set(sections) == {"7"}

    browser.find_element(By.ID, "f-reset").click()
    assert len(_visible(browser, ".clause-group")) == len(groups)

    target = next(r for r in gapcorp.requirements if r.evidence and r.outcome is Outcome.NOT_MET)
    path = target.evidence[0].path
    browser.find_element(By.ID, "f-search").send_keys(path)
    cards = browser.execute_script(
        "return Array.from(document.querySelectorAll('.clause-group .f-card'))"
        ".filter(e => e.offsetParent !== null).map(e => e.id)"
    )
    assert cards and len(cards) < len(gapcorp.requirements)
    assert anchor("r", target.pack, target.id) in cards
    register = _visible(browser, "table.register tbody tr")
    assert register and all(path in text for text in register)

    browser.find_element(By.ID, "f-search").clear()
    browser.find_element(By.ID, "f-search").send_keys("no such text anywhere 42")
    assert _visible(browser, ".clause-group") == []

    # evidence is collapsed, and opens
    browser.find_element(By.ID, "f-reset").click()
    closed = browser.execute_script("return document.querySelectorAll('details.ev:not([open])').length")
    browser.find_element(By.ID, "f-expand").click()
    assert (
        closed > 0
        and browser.execute_script("return document.querySelectorAll('details.ev[open]').length") == closed
    )
    assert browser.get_log("browser") == []


def test_hostile_report_runs_nothing_and_fetches_nothing(
    browser: Any, gapcorp: AuditResult, recorder: Recorder, tmp_path: Path
) -> None:
    page = tmp_path / "hostile.html"
    page.write_bytes(html_bytes(hostile(gapcorp, recorder.port)))
    browser.get(page.as_uri())
    browser.execute_script("document.getElementById('f-expand').click()")
    assert browser.execute_script("return document.querySelectorAll('img, iframe, object, link').length") == 0
    assert "<script>" in browser.find_element("tag name", "h1").text
    assert browser.get_log("browser") == []
    assert recorder.requests == []
