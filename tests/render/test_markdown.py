"""report.md: golden files, GitHub's own Markdown engine (cmark-gfm) as the independent reader,
and untrusted text that must stay text.

Regenerate the golden files with ``IMSAUDIT_REGEN_GOLDEN=1 pytest tests/render``.
The scenarios (hostile folder, waivers, baseline) live in ``tests/render/scenarios.py``.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from hypothesis import given, settings
from hypothesis import strategies as st

from imsaudit.findings.model import AuditResult
from imsaudit.render import RENDERERS, RenderOptions
from imsaudit.render.markdown import DETAILED, MarkdownRenderer, code, inline, report_markdown
from tests.conftest import run_cli
from tests.e2e.test_gapcorp import GAPCORP, audit, audit_args
from tests.render.scenarios import (
    assert_golden,
    hostile_folder,
    progress_result,
)


@pytest.fixture(scope="module")
def result() -> AuditResult:
    return audit()


@pytest.fixture(scope="module")
def later(tmp_path_factory: pytest.TempPathFactory) -> AuditResult:
    return progress_result(tmp_path_factory.mktemp("progress"))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> AuditResult:
    return audit(hostile_folder(tmp_path_factory.mktemp("hostile")))


def to_html(markdown: str) -> str:
    """GitHub's renderer with raw HTML allowed: our own <details> must pass, nothing else may."""
    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)


def test_golden_gapcorp(result: AuditResult) -> None:
    data = MarkdownRenderer().render(result, RenderOptions())
    assert_golden("markdown/gapcorp.md", data)
    assert data == MarkdownRenderer().render(audit(), RenderOptions())


def test_golden_gapcorp_with_baseline(later: AuditResult) -> None:
    assert later.progress is not None and later.progress.newly_met and later.progress.regressed
    assert_golden("markdown/gapcorp-baseline.md", report_markdown(later).encode("utf-8"))


def test_structure_as_github_renders_it(result: AuditResult) -> None:
    html = to_html(report_markdown(result))
    headings = re.findall(r"<h2>(.*?)</h2>", html)
    assert headings == [
        "Summary",
        "Root gaps: fix these first",
        "Findings",
        "Roadmap",
        "Evidence",
        "Errors and skipped entries",
    ]
    assert "Progress since" not in html
    own = {(r.pack, r.clause) for r in result.requirements}
    detailed = [c for c in result.clauses if (c.pack, c.clause) in own and c.finding in DETAILED]
    summaries = re.findall(r"<summary>(.*?)</summary>", html)
    assert len(summaries) == len(detailed) + len(result.roadmap) + 1
    assert summaries[0].startswith(f"<b>{detailed[0].clause} ")
    # Summary table, root gaps, one table per roadmap phase, evidence register.
    assert html.count("<table>") == 2 + len(result.roadmap) + 1
    items = sum(len(p.items) for p in result.roadmap)
    roadmap = html[html.index("<h2>Roadmap</h2>") : html.index("<h2>Evidence</h2>")]
    assert roadmap.count("<tr>") == items + len(result.roadmap)  # rows + one header per phase
    evidence = html[html.index("<h2>Evidence</h2>") :]
    assert evidence.count("<code>") >= len(result.documents)
    for r in result.requirements:
        if r.outcome.value in ("not_met", "partly_met", "needs_review"):
            assert f"<strong>{r.id}</strong>" in html, r.id


def test_progress_section(later: AuditResult) -> None:
    html = to_html(report_markdown(later))
    assert "<h2>Progress since 2026-11-01</h2>" in html
    assert "<code>QMS-10.2.1-02</code>: partly met → met" in html
    assert later.progress is not None
    for change in later.progress.regressed:
        assert f"<code>{change.requirement}</code>:" in html


def test_untrusted_text_is_inert(hostile: AuditResult) -> None:
    markdown = report_markdown(hostile)
    html = to_html(markdown)
    for markup in ("<img", "<script", "<a ", "href=", "<em>"):
        assert markup not in html, markup
    # Shown as text, verbatim.
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "[link](http://evil)" in html
    assert "<code>=quality-policy &lt;img src=x onerror=alert(1)&gt;.md</code>" in html
    title = "Gapcorp &lt;script&gt;alert(1)&lt;/script&gt; [x](http://evil) <code>@acme</code>"
    assert f"<h1>Audit report: {title}</h1>" in html
    assert "<code>@octocat</code>" in html and "<code>a@b.example</code>" in html
    assert "\x07" not in markdown


@pytest.mark.parametrize(
    ("text", "rendered"),
    [
        ("a | b", "a | b"),
        ("*not bold* _nor this_", "*not bold* _nor this_"),
        ("x <b>y</b> & z", "x &lt;b&gt;y&lt;/b&gt; &amp; z"),
        ("see https://example.org/x or www.example.org", "see https://example.org/x or www.example.org"),
        ("$x$ ~~y~~", "$x$ ~~y~~"),
        ("line\nbreak\r\n# not a heading", "line break # not a heading"),
        ("back\\slash \\*", "back\\slash \\*"),
    ],
)
def test_inline_renders_as_the_same_text(text: str, rendered: str) -> None:
    html = to_html(f"- {inline(text)}")
    assert html == f"<ul>\n<li>{rendered}</li>\n</ul>\n"


TOKENS = [
    *"ab w.:/<>&*_`[]()!|~#$\\-+=\n\t\"'\x07",
    "http://",
    "www.",
    "a@b.c",
    "&lt;",
    "<img src=x>",
    "[x](y)",
    "HTTPS://",
    "WWW.",
    "ftp://",
    "mailto:",
    "\u2028",
    "x_y",
    "**",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=30).map("".join))
def test_inline_is_text_and_nothing_else(text: str) -> None:
    rendered = to_html(f"- x {inline(text)} x")
    body = rendered.removeprefix("<ul>\n<li>").removesuffix("</li>\n</ul>\n")
    body = body.replace("<code>", "").replace("</code>", "")
    assert "<" not in body, rendered
    assert " ".join(html.unescape(body).split()) == " ".join(f"x {text} x".replace("\x07", " ").split())


def test_code_spans_survive_backticks_and_table_pipes() -> None:
    assert to_html(code("a`b``c")) == "<p><code>a`b``c</code></p>\n"
    assert to_html(code("`x`")) == "<p><code>`x`</code></p>\n"
    table = to_html("| a | b |\n| --- | --- |\n| " + code("x|y", cell=True) + " | z |\n")
    assert "<td><code>x|y</code></td>" in table and "<td>z</td>" in table


def test_registered_and_written_by_the_cli(tmp_path: Path) -> None:
    assert RENDERERS.get("md") is MarkdownRenderer and MarkdownRenderer.filename == "report.md"
    out = tmp_path / "out"
    run_cli([*audit_args(GAPCORP, out, "md,csv,sarif,junit,oscal"), "--quiet"], exit_code=0)
    assert sorted(p.name for p in out.iterdir()) == [
        "findings.csv",
        "junit.xml",
        "oscal-assessment-results.json",
        "report.md",
        "results.sarif",
    ]
    assert (out / "report.md").read_bytes() == report_markdown(audit()).encode("utf-8")
