"""The checklist as a printable PDF: one phase per chapter, a box and a status line per requirement.

For a workshop or an internal auditor's folder: printed, ticked and annotated by hand.
The HTML comes from ``templates/checklist.html.j2`` (Jinja, autoescaped) with its own
style sheet ``templates/checklist.css``; weasyprint lays it out and fetches through the
report's :func:`imsaudit.render.pdf.url_fetcher`, restricted to this package's style
sheets (no file, no network). weasyprint is imported inside :func:`render` only.

Determinism: the HTML carries no date and the PDF identifier is a hash of its content,
so the same packs give the same bytes.
"""

from __future__ import annotations

from imsaudit.kit.checklist import STATUSES, Checklist
from imsaudit.kit.checklist_md import phase_heading

PAGE_SIZES = {"a4": "A4", "letter": "letter"}
TEMPLATES = "imsaudit.kit"


def checklist_html(checklist: Checklist, paper: str = "a4") -> str:
    """The checklist as one HTML document for weasyprint (``paper``: ``a4`` or ``letter``)."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader(TEMPLATES, "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    return env.get_template("checklist.html.j2").render(
        c=checklist,
        page_size=PAGE_SIZES[paper],
        statuses=STATUSES,
        phase_heading=phase_heading,
    )


def render(checklist: Checklist, paper: str = "a4") -> bytes:
    """The checklist as PDF bytes on ``paper``."""
    from imsaudit.render.pdf import RESOURCE_SCHEME, quiet_weasyprint, url_fetcher

    quiet_weasyprint()
    import weasyprint

    html = checklist_html(checklist, paper)
    fetcher = url_fetcher(TEMPLATES, label="checklist.pdf")
    document = weasyprint.HTML(string=html, base_url=RESOURCE_SCHEME, url_fetcher=fetcher).render()
    data: bytes = document.write_pdf(pdf_identifier=True)
    return data
