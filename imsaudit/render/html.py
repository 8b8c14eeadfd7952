"""``report.html``: the report as one self-contained file, searchable and filterable.

Same content as the PDF (one template, one view model), plus the full evidence
register and every cited document; inline CSS, JavaScript and SVG only. A
Content-Security-Policy (``default-src 'none'``) tells the browser to load nothing
from anywhere, and the file references no URL: it works offline and cannot leak that
it was opened. Evidence text is escaped by Jinja's autoescape. The same audit gives
the same bytes.
"""

from __future__ import annotations

from imsaudit.findings.model import AuditResult
from imsaudit.render._report import build_report, report_html
from imsaudit.render.base import Renderer, RenderOptions, register


def html_bytes(result: AuditResult) -> bytes:
    """The self-contained HTML report, UTF-8."""
    return report_html(build_report(result, "html")).encode("utf-8")


@register
class HtmlRenderer(Renderer):
    """report.html: the report in one offline file with filters, search and collapsible evidence."""

    name = "html"
    filename = "report.html"

    def render(self, result: AuditResult, options: RenderOptions) -> bytes:
        return html_bytes(result)
