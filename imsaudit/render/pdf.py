"""``report.pdf``: the gap-analysis report a consultant hands to top management.

The report's HTML (``templates/report.html.j2``, shared with the HTML report) is laid
out by weasyprint. weasyprint is imported inside :func:`pdf_bytes` only, so importing
the renderers (and ``imsaudit --help``) stays fast.

Safety: weasyprint fetches through :func:`url_fetcher`, whose :func:`package_resource`
serves the package's own style sheets by name (``imsaudit:report.css``) and refuses
everything else: no ``file://``, no network, no ``data:``. Evidence text never becomes
markup (Jinja autoescapes it), so a hostile file name or excerpt cannot add a resource
to fetch in the first place.

Determinism: the document's created and modified dates are the audit's ``as_of`` (never
the clock) and the PDF identifier is a hash of its content, so the same audit gives the
same bytes.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from importlib import resources
from typing import Any

from imsaudit.findings.model import AuditResult
from imsaudit.render._report import build_report, report_html
from imsaudit.render.base import Renderer, RenderOptions, register

log = logging.getLogger(__name__)

RESOURCE_SCHEME = "imsaudit:"
"""URLs of package resources in the report's HTML: ``imsaudit:report.css``."""
PAPERS = ("a4", "letter")
_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*\.css")


class ResourceRefused(ValueError):
    """The report asked for a resource that is not one of the package's own style sheets."""


STYLE_PACKAGE = "imsaudit.render"
"""The package whose ``templates/`` folder holds the report's style sheets."""


@cache
def _style_sheets(package: str) -> frozenset[str]:
    folder = resources.files(package) / "templates"
    return frozenset(p.name for p in folder.iterdir() if _NAME.fullmatch(p.name))


def package_resource(url: str, package: str = STYLE_PACKAGE) -> tuple[bytes, str]:
    """The bytes and MIME type of the package style sheet ``url`` names; refuse anything else.

    Only ``imsaudit:<name>.css`` where ``<name>.css`` is a file of ``<package>/templates``
    (``imsaudit/render/templates`` for the report) is served; every other URL (``file:``,
    ``http:``, ``data:``, a path with a slash or ``..``) raises :class:`ResourceRefused`.
    """
    if not url.startswith(RESOURCE_SCHEME):
        raise ResourceRefused(f"refused to fetch {url[:200]!r}: not a package resource")
    name = url[len(RESOURCE_SCHEME) :]
    if name not in _style_sheets(package):
        raise ResourceRefused(f"refused to fetch {url[:200]!r}: no such package resource")
    data = (resources.files(package) / "templates" / name).read_bytes()
    return data, "text/css"


def url_fetcher(package: str = STYLE_PACKAGE, label: str = "report.pdf") -> Any:
    """A weasyprint URL fetcher that serves :func:`package_resource` of ``package`` only.

    Every PDF imsaudit writes goes through this one fetcher (the checklist passes
    ``imsaudit.kit``), so the rule "no resource from outside the package" is kept in one
    place. ``label`` names the output in the warning logged for a refused URL.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class PackageFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            try:
                body, mime = package_resource(url, package)
            except ResourceRefused:
                log.warning("%s: refused to fetch %s", label, url[:200])
                raise
            return URLFetcherResponse(url, body, {"Content-Type": f"{mime}; charset=utf-8"})

    return PackageFetcher(allowed_protocols=("imsaudit",), allow_redirects=False)


def quiet_weasyprint() -> None:
    """Silence weasyprint's INFO line per style sheet, page and pass (noise on the console)."""
    progress = logging.getLogger("weasyprint.progress")
    if progress.level == logging.NOTSET:
        progress.setLevel(logging.WARNING)


def pdf_bytes(result: AuditResult, paper: str = "a4") -> bytes:
    """The report as PDF bytes on ``paper`` (``a4`` or ``letter``)."""
    if paper not in PAPERS:
        raise ValueError(f"unknown paper size {paper!r}; use one of {', '.join(PAPERS)}")
    quiet_weasyprint()
    import weasyprint

    html = report_html(build_report(result, "pdf", paper))
    document = weasyprint.HTML(string=html, base_url=RESOURCE_SCHEME, url_fetcher=url_fetcher()).render()
    data: bytes = document.write_pdf(pdf_identifier=True)
    return data


@register
class PdfRenderer(Renderer):
    """report.pdf: cover, contents, summary, results, map, findings, roadmap, register."""

    name = "pdf"
    filename = "report.pdf"

    def render(self, result: AuditResult, options: RenderOptions) -> bytes:
        return pdf_bytes(result, options.paper)
