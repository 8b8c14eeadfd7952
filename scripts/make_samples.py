"""Write the three sample organizations under ``evidence_samples/`` (issue #7).

Run ``python scripts/make_samples.py [OUT]`` (needs the ``test`` extras: python-docx,
openpyxl, reportlab, pillow). Output goes to ``evidence_samples/`` (or OUT), which is
removed first so nothing stale remains, and is committed. Generation is deterministic:
fixed dates everywhere, zip members re-written with a fixed timestamp and fixed
document-property dates, reportlab in invariant mode, images drawn with Pillow's
bundled font; re-running gives the same bytes with the same library versions.

The three folders are evidence an auditor would be handed, in the formats
organizations really use (Word, Excel, PDF with a text layer, one scanned signed PDF,
Markdown from a wiki, CSV exports):

- ``helix-institute``: a research institute with a mature innovation management
  system (ISO 56001) and standardization built into its research: mostly conformity,
  a few minor gaps.
- ``fenwick-enclosures``: a sheet-metal manufacturer with a working ISO 9001 QMS and
  the gaps auditors meet every week (stale documents, no management review, an
  audit programme that skips clauses, corrective actions without root cause, a
  procedure with template leftovers).
- ``tidewater-institute``: a research institution founded months ago that has almost
  nothing yet (a draft strategy full of placeholders, a scanned founding charter).

Every text is invented for these samples; names, organizations and numbers are fictitious.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import reportlab.rl_config

reportlab.rl_config.invariant = 1  # before any other reportlab import: fixed ids and dates

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.evidence import make_fixtures  # noqa: E402  (its zip normalizer, one copy)

OUT = ROOT / "evidence_samples"
FIXED = datetime(2026, 11, 1, 8, 0, 0)
"""Creation and modification time written into every Office file: the audit date."""

Cell = str | int | float | date | None
Row = Sequence[Cell]


# --------------------------------------------------------------------------- document blocks


@dataclass(frozen=True)
class Heading:
    """A heading; level 1 is a chapter."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Para:
    """A paragraph of body text."""

    text: str


@dataclass(frozen=True)
class Bullets:
    """A bulleted list."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Grid:
    """A table with a header row."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


Block = Heading | Para | Bullets | Grid


def h1(text: str) -> Heading:
    """A chapter heading."""
    return Heading(text, 1)


def h2(text: str) -> Heading:
    """A section heading."""
    return Heading(text, 2)


def para(*sentences: str) -> Para:
    """One paragraph from sentences (kept short in the source, joined here)."""
    return Para(" ".join(sentences))


def bullets(*items: str) -> Bullets:
    """A bulleted list."""
    return Bullets(tuple(items))


def grid(header: Sequence[str], *rows: Sequence[str]) -> Grid:
    """A table; every row as long as the header."""
    for row in rows:
        assert len(row) == len(header), (header, row)
    return Grid(tuple(header), tuple(tuple(r) for r in rows))


Control = Sequence[tuple[str, str]]
"""The document-control block: (label, value) rows at the top of a document."""


# --------------------------------------------------------------------------- writers


def normalize_zip(path: Path) -> None:
    """Fixed zip timestamps and document-property dates (the audit date): the same bytes every run."""
    make_fixtures.normalize_zip(path, FIXED)


def write_text(path: Path, text: str) -> None:
    """A UTF-8 text file with Unix line ends (Markdown, YAML)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Row]) -> None:
    """A CSV export as registers are exported from tools: comma, quoted when needed, ISO dates."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        assert len(row) == len(header), (path.name, row)
        writer.writerow(["" if c is None else c.isoformat() if isinstance(c, date) else c for c in row])
    write_text(path, buffer.getvalue())


def write_docx(
    path: Path,
    *,
    title: str,
    control: Control,
    blocks: Sequence[Block],
    footer: str = "",
    status: str = "Released",
) -> None:
    """A Word document: control table at the top, a title, headings, paragraphs, lists and tables."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    properties = document.core_properties
    properties.title = title
    properties.author = "Document Control"
    properties.content_status = status
    properties.created = FIXED
    properties.modified = FIXED
    properties.last_printed = FIXED
    properties.revision = 1
    style = document.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(10.5)
    if footer:
        document.sections[0].footer.paragraphs[0].text = footer
    if control:
        table = document.add_table(rows=len(control), cols=2)
        table.style = "Table Grid"
        for row, (label, value) in zip(table.rows, control, strict=True):
            row.cells[0].text = label
            row.cells[1].text = value
    document.add_heading(title, level=0)
    for block in blocks:
        if isinstance(block, Heading):
            document.add_heading(block.text, level=block.level)
        elif isinstance(block, Para):
            document.add_paragraph(block.text)
        elif isinstance(block, Bullets):
            for item in block.items:
                document.add_paragraph(item, style="List Bullet")
        else:
            table = document.add_table(rows=1 + len(block.rows), cols=len(block.header))
            table.style = "Table Grid"
            for cell, value in zip(table.rows[0].cells, block.header, strict=True):
                cell.text = value
            for row, values in zip(table.rows[1:], block.rows, strict=True):
                for cell, value in zip(row.cells, values, strict=True):
                    cell.text = value
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    normalize_zip(path)


@dataclass(frozen=True)
class Sheet:
    """One worksheet of a register: optional control rows above the header, then the table."""

    name: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    heading: str = ""
    control: tuple[tuple[str, str], ...] = ()
    widths: tuple[int, ...] = ()


def sheet(
    name: str,
    header: Sequence[str],
    rows: Sequence[Row],
    *,
    heading: str = "",
    control: Control = (),
    widths: Sequence[int] = (),
) -> Sheet:
    """A worksheet; every row as long as the header."""
    for row in rows:
        assert len(row) == len(header), (name, row)
    return Sheet(name, tuple(header), tuple(tuple(r) for r in rows), heading, tuple(control), tuple(widths))


def write_xlsx(path: Path, *, title: str, sheets: Sequence[Sheet]) -> None:
    """An Excel workbook: per sheet a title line, the control block, a blank row, the register."""
    import openpyxl
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = openpyxl.Workbook()
    workbook.properties.creator = "Document Control"
    workbook.properties.title = title
    workbook.properties.created = FIXED
    workbook.properties.modified = FIXED
    workbook.properties.lastModifiedBy = "Document Control"
    first = True
    for spec in sheets:
        ws = workbook.active if first else workbook.create_sheet()
        assert ws is not None
        first = False
        ws.title = spec.name
        if spec.heading:
            ws.append([spec.heading])
            ws.cell(row=ws.max_row, column=1).font = Font(bold=True, size=13)
        for label, value in spec.control:
            ws.append([label, value])
        if spec.heading or spec.control:
            ws.append([])
        ws.append(list(spec.header))
        header_row = ws.max_row
        for column in range(1, len(spec.header) + 1):
            ws.cell(row=header_row, column=column).font = Font(bold=True)
        for row in spec.rows:
            ws.append(list(row))
            for column, cell in enumerate(row, start=1):
                if isinstance(cell, date):
                    ws.cell(row=ws.max_row, column=column).number_format = "yyyy-mm-dd"
        for column, width in enumerate(spec.widths or (), start=1):
            ws.column_dimensions[get_column_letter(column)].width = width
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(str(path))
    normalize_zip(path)


def write_pdf(path: Path, *, title: str, control: Control, blocks: Sequence[Block], author: str) -> None:
    """A PDF with a text layer (as exported from Word): control table, numbered headings, tables."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    from reportlab.platypus.flowables import Flowable

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    grid_style = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ]
    )
    story: list[Flowable] = []
    if control:
        story.append(Table([[label, value] for label, value in control], colWidths=[4.5 * cm, 11 * cm]))
        story[-1].setStyle(grid_style)
        story.append(Spacer(1, 14))
    story.append(Paragraph(title.upper(), styles["Title"]))
    chapter = 0
    section = 0
    for block in blocks:
        if isinstance(block, Heading):
            if block.level == 1:
                chapter += 1
                section = 0
                story.append(Paragraph(f"{chapter} {block.text}", styles["Heading2"]))
            else:
                section += 1
                story.append(Paragraph(f"{chapter}.{section} {block.text}", styles["Heading3"]))
        elif isinstance(block, Para):
            story.append(Paragraph(block.text, body))
        elif isinstance(block, Bullets):
            for item in block.items:
                story.append(Paragraph(item, body, bulletText="-"))
        else:
            cell_style = styles["BodyText"].clone("cell", fontSize=8.5, leading=10)
            data = [[Paragraph(c, cell_style) for c in block.header]]
            data += [[Paragraph(c, cell_style) for c in row] for row in block.rows]
            table = Table(data, repeatRows=1)
            table.setStyle(grid_style)
            story.append(table)
            story.append(Spacer(1, 8))
    document = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        title=title,
        author=author,
        creator="Microsoft Word",
        invariant=1,
        leftMargin=2.2 * cm,
        rightMargin=2.2 * cm,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    document.build(story)


def write_scanned_pdf(path: Path, pages: Sequence[Sequence[tuple[str, int]]]) -> None:
    """An image-only PDF, as a scanner makes of a signed paper document: no text layer at all.

    Each page is drawn with Pillow at 150 dpi (A4: 1240 x 1754 px) in Pillow's bundled
    font, lines given as (text, size); a short rule under each signature line.
    """
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.setTitle("")
    pdf.setCreator("ScanStation 4")
    for lines in pages:
        image = Image.new("L", (1240, 1754), 255)
        draw = ImageDraw.Draw(image)
        y = 130
        for text, size in lines:
            if text:
                draw.text((110, y), text, fill=0, font=ImageFont.load_default(size=size))
            y += int(size * 1.75) if text else 24
        pdf.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
        pdf.showPage()
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.save()


def front_matter(fields: Control) -> str:
    """Markdown front matter from (key, value) pairs; values quoted when YAML would misread them."""
    lines = ["---"]
    for key, value in fields:
        needs_quotes = value[:1] in "[{&*!|>%@`'\"" or ": " in value or re.fullmatch(r"[\d.]+", value)
        lines.append(f'{key}: "{value}"' if needs_quotes else f"{key}: {value}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown pipe table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


Builder = Callable[[Path], None]


# =========================================================================== Helix Institute
#
# A research institute of ~420 staff whose innovation management system has run for
# four years, with standardization built into its research. Mostly conformity; the
# gaps are the ones a mature system still has: one SDO contribution went out without
# a recorded IP review, a delegate appointed in September is not yet in the competence
# matrix, and the innovation culture survey is overdue.

HELIX = "Helix Institute for Applied Research"
DIRECTOR = "Prof. Dr. Miriam Okafor, Director"
HOI = "Dr. Jonas Reuter, Head of Innovation"


def helix_control(doc_id: str, version: str, owner: str, approved_on: str, next_review: str) -> Control:
    """Helix's control block: every controlled document carries the same seven rows."""
    return (
        ("Document ID", doc_id),
        ("Version", version),
        ("Owner", owner),
        ("Approved by", DIRECTOR),
        ("Approved on", approved_on),
        ("Next review", next_review),
        ("Classification", "Internal"),
    )


def helix_strategy(path: Path) -> None:
    write_docx(
        path,
        title="Innovation Strategy 2025-2030",
        control=helix_control(
            "HX-STR-001", "3.1", "Head of Innovation", "27 January 2026", "31 January 2027"
        ),
        footer="HX-STR-001 Innovation Strategy 2025-2030 - v3.1 - Internal",
        blocks=[
            h1("Purpose of this strategy"),
            para(
                f"This document sets out how the {HELIX} (Helix) turns applied research into value for",
                "industry, public authorities and society between 2025 and 2030. It is reviewed every "
                "January",
                "by the Board of Directors, after the context review and before the annual plan and the",
                "budget cycle are fixed, so that innovation objectives are integrated into the annual plan.",
            ),
            h1("Innovation intent"),
            para(
                "Our mission is to solve hard engineering problems with partners and to carry the results",
                "into use. Why we innovate: a research result only creates value when it reaches a product,",
                "a service, a public policy or a standard. Our ambition is to be among the three European",
                "institutes that industry calls first for trustworthy AI testing and edge networking.",
            ),
            para(
                "We pursue product innovation (reference implementations, test benches licensed to",
                "industry), service innovation (test and certification support services), process innovation",
                "in our own research operations, and business model innovation (spin-offs, open-source",
                "stewardship). Most of our work is incremental improvement of proven methods; about a fifth",
                "is radical, disruptive research with a long horizon.",
            ),
            h1("Innovation vision"),
            para(
                "Our vision: by 2030 every Helix research programme delivers at least one result that is in",
                "use outside the institute, as a licensed technology, a spin-off, a service or an",
                "international standard, and Helix is the reference laboratory for trustworthy AI testing in",
                "Europe.",
            ),
            h1("Strategic innovation areas"),
            para(
                "The innovation areas below are the search fields in which we look for opportunities and",
                "fund initiatives. Each has a lead, a horizon mix and a standardization route.",
            ),
            grid(
                ["Innovation area", "Lead", "Horizons", "Standardization route"],
                [
                    "A1 Trustworthy AI testing",
                    "Dr. Hugo Marchetti",
                    "Horizon 1 and 2",
                    "ISO/IEC JTC 1/SC 42, CEN-CENELEC JTC 21",
                ],
                ["A2 Edge-cloud networks", "Dr. Amara Diallo", "Horizon 1, 2 and 3", "ITU-T SG13, 3GPP SA2"],
                [
                    "A3 Wireless sensing and IoT",
                    "Dr. Yuki Tanaka",
                    "Horizon 2 and 3",
                    "IEEE 802.11, ITU-T SG20, ISO/IEC JTC 1/SC 41",
                ],
                ["A4 Digital energy systems", "Dr. Ravi Menon", "Horizon 2", "IEC TC 57 (watch only)"],
            ),
            h2("Horizons and portfolio balance"),
            para(
                "We manage one innovation portfolio across the four areas. The target mix of the 2026",
                "innovation budget is 60/30/10: sixty per cent for core Horizon 1 initiatives that extend",
                "proven results, thirty per cent for adjacent Horizon 2 initiatives and ten per cent for",
                "transformational Horizon 3 bets. The Innovation Board checks the portfolio balance at every",
                "quarterly portfolio review and rebalances when an area drifts more than ten points from the",
                "target allocation.",
            ),
            h1("Value we want to realize"),
            para(
                "Value realization is the test of our innovation work. We count financial value (licence",
                "revenue, contract research follow-on revenue, spin-off equity) and non-financial value",
                "(societal impact, sustainability benefits, standards adopted, skills transferred to",
                "partners). Each initiative states its expected value in its charter; the value realized is",
                "measured with the indicators of the innovation performance report and reviewed twice a "
                "year.",
            ),
            grid(
                ["Indicator", "2025 actual", "2030 target"],
                ["Licence and service revenue from innovations (EUR m)", "2.1", "5.0"],
                ["Research results in use outside Helix (count, cumulative)", "14", "40"],
                ["Spin-offs created (cumulative)", "3", "8"],
                ["International standards with a Helix editor (cumulative)", "4", "12"],
            ),
            h1("Risk appetite"),
            para(
                "Innovation means managing uncertainty. Our risk appetite is high for Horizon 3 research",
                "bets, where we accept that most will stop at the concept or validation stage, and moderate",
                "for Horizon 1 initiatives that use partner money or our reputation as a test laboratory. We",
                "show tolerance for failure when an experiment was well designed and its learning is "
                "recorded;",
                "we do not accept risks to research integrity, safety or confidentiality of partner data.",
            ),
            h1("How we will get there"),
            h2("Portfolio management"),
            para(
                "Initiatives are selected against four criteria: strategic fit with an innovation area,",
                "value potential, technical feasibility and risk, scored at each gate. The portfolio is",
                "reviewed quarterly by the Innovation Board.",
            ),
            h2("Collaboration and open innovation"),
            para(
                "We innovate in partnership with universities, industry partners, start-ups and public",
                "bodies. Partners are chosen with explicit selection criteria (complementary capabilities,",
                "access to users, IP terms we can accept, financial stability) and a due diligence for new",
                "industrial partners. Our ecosystem includes two regional clusters and four EU consortia.",
            ),
            h2("Resources and funding"),
            para(
                "The innovation fund is ring-fenced in the annual budget and cannot be used for day-to-day",
                "research operations. Money is released as staged funding: each gate releases the next",
                "funding tranche, and the Innovation Board may reallocate unspent tranches between "
                "initiatives",
                "at each quarterly review. People are our main resource: every researcher may use innovation",
                "time under the innovation time rules.",
            ),
            h2("Infrastructure"),
            para(
                "We run the AI test laboratory, an edge-cloud test bed, a wireless sensing lab with a",
                "prototyping workshop, and an idea management platform open to all staff.",
            ),
            h2("Intellectual property"),
            para(
                "Our IP strategy follows the technology to patent to standard chain: results that may become",
                "part of a standard are protected by a patent application before any disclosure, then",
                "contributed to the relevant standards body; other results are published or kept as trade",
                "secrets according to the IP Management Procedure.",
            ),
            h2("Culture"),
            para(
                "We build a culture of curiosity, openness and learning: leaders ask what was learned, not",
                "who failed, and the staged awards for standardization and innovation recognise team",
                "contributions.",
            ),
            h1("Evaluation"),
            para(
                "Progress is measured with the innovation objectives and the innovation performance report.",
                "The strategy is evaluated in the management review each June and revised in January.",
            ),
        ],
    )


def helix_policy(path: Path) -> None:
    write_pdf(
        path,
        title="Innovation Policy",
        author="Innovation Office",
        control=helix_control("HX-POL-002", "2.0", "Head of Innovation", "18 March 2025", "31 March 2028"),
        blocks=[
            h1("Purpose"),
            para(
                f"This policy states the intentions and principles of the {HELIX} for innovation. It is",
                "the framework for setting our innovation objectives and applies to all staff, guest",
                "researchers and students working on Helix projects.",
            ),
            h1("Our commitments"),
            bullets(
                "We turn research results into value for users, partners and society, and measure the value "
                "realized.",
                "We meet applicable requirements: funding rules, partner agreements, export control and "
                "research ethics.",
                "We set innovation objectives every year and review them in the management review.",
                "We commit to the continual improvement of the innovation management system.",
            ),
            h1("Principles"),
            bullets(
                "Everyone can contribute ideas: all staff may submit ideas on the idea platform and receive "
                "feedback within 30 days.",
                "We accept well-managed risk and learn from failure; stopping an initiative on evidence is "
                "a success of the process.",
                "We collaborate openly with partners, universities and start-ups under clear agreements.",
                "We protect intellectual property before disclosure and share it where that creates more "
                "value.",
                "Standards are research outputs: contributing results to international standards counts "
                "like a publication.",
            ),
            h1("Recognition"),
            para(
                "Contributions to innovation are recognised and rewarded: the annual Helix Innovation Award,",
                "inventor remuneration under the IP Management Procedure, and the staged standardization "
                "awards.",
                "Employee inventions are disclosed to the IP Office with the invention disclosure form; the "
                "rights",
                "are assigned to Helix as the law on employee inventions provides, and inventors receive a",
                "reward when the invention is licensed.",
            ),
            h1("Communication"),
            para(
                "This policy is published on the intranet and the Helix website, explained at every "
                "induction",
                "and made available to partners on request.",
            ),
        ],
    )


def helix_scope(path: Path) -> None:
    text = front_matter(
        (
            ("title", "Scope of the Innovation Management System"),
            ("doc_id", "HX-IMS-003"),
            ("version", "2.1"),
            ("owner", "Head of Innovation"),
            ("approved_by", DIRECTOR),
            ("approved_on", "2026-01-27"),
            ("review_due", "2027-01-31"),
            ("status", "approved"),
        )
    )
    text += f"""
# Scope of the Innovation Management System

The innovation management system (IMS) of the {HELIX} covers all innovation activities from the
identification of opportunities to the deployment of solutions and the realization of value.

## Organizational boundaries

- All four research departments: Trustworthy AI, Networks and Edge, Sensing and IoT, Energy Systems.
- The Innovation Office, the Standardization Office, the IP Office and Technology Transfer.
- Both sites: Campus North (buildings A to D) and the Harbour test field.

## Innovation types and activities

Product, service, process and business model innovation arising from research: licensing of
technology, spin-off creation, test and certification support services, open-source releases and
contributions to standards.

## Applicability and exclusions

All requirements of ISO 56001 apply. Out of scope: the doctoral school's teaching activities and
the facility management unit, which interface with the IMS through the infrastructure requests of
initiatives. Interfaces with the finance, HR and legal units are defined in the IMS process map.
"""
    write_text(path, text)


def helix_process_map(path: Path) -> None:
    text = front_matter(
        (
            ("title", "IMS Process Map"),
            ("doc_id", "HX-IMS-004"),
            ("version", "2.0"),
            ("owner", "IMS Coordinator"),
            ("approved_by", DIRECTOR),
            ("approved_on", "2026-01-27"),
        )
    )
    text += (
        """
# IMS Process Map

The innovation management system consists of management, core and support processes. The table
shows each process owner, its inputs and outputs and its interactions with the other processes.

## Core processes

"""
        + md_table(
            (
                "Process",
                "Process owner",
                "Inputs",
                "Outputs",
                "Interactions",
            ),
            [
                (
                    "Strategy and portfolio management",
                    "Head of Innovation",
                    "Context review, strategic intelligence, performance report",
                    "Innovation strategy, portfolio decisions, budget allocation",
                    "Feeds initiatives; receives results from performance evaluation",
                ),
                (
                    "Innovation initiatives (opportunity to deployment)",
                    "Initiative leads",
                    "Ideas, opportunities, funding tranches",
                    "Concepts, validated solutions, deployed solutions",
                    "Gate decisions by the Innovation Board; hand-over to technology transfer",
                ),
                (
                    "Standardization",
                    "Head of Standardization Office",
                    "Research results, SDO work programmes",
                    "Contributions, standards, SEP declarations",
                    "Interface with IP management before every contribution",
                ),
                (
                    "IP management",
                    "Head of IP Office",
                    "Invention disclosures, concepts",
                    "Patent applications, licences",
                    "Freedom-to-operate checks for initiatives",
                ),
            ],
        )
        + """
## Support and management processes

"""
        + md_table(
            (
                "Process",
                "Process owner",
                "Inputs",
                "Outputs",
                "Interactions",
            ),
            [
                (
                    "Finance and budgeting",
                    "Administrative Director",
                    "Annual plan, gate decisions",
                    "Innovation budget, tranche releases",
                    "Budget cycle linked to the strategy review",
                ),
                (
                    "Human resources",
                    "Head of HR",
                    "Competence needs",
                    "Training, recruitment, awards",
                    "Career credit for standardization",
                ),
                (
                    "Technology transfer and sales",
                    "Head of Technology Transfer",
                    "Deployed solutions",
                    "Licences, service contracts, spin-offs",
                    "Business owner takes over at hand-over",
                ),
                (
                    "Performance evaluation and improvement",
                    "IMS Coordinator",
                    "Indicators, audits, reviews",
                    "Audit reports, management review, improvement actions",
                    "Closes the loop to strategy",
                ),
            ],
        )
        + """
Scale-up and transfer of a solution to its business owner follows the deployment stage of the
Innovation Process Handbook; operations and sales are informed at gate 4.
"""
    )
    write_text(path, text)


def helix_context(path: Path) -> None:
    write_docx(
        path,
        title="Context of the Organization - Review 2026",
        control=helix_control(
            "HX-IMS-005", "2026", "Head of Innovation", "10 February 2026", "28 February 2027"
        ),
        footer="HX-IMS-005 Context review 2026",
        blocks=[
            h1("Method"),
            para(
                "The Board of Directors and the research directors reviewed the internal and external issues",
                "in a workshop on 3 February 2026, using a PESTLE for the external context and a SWOT for "
                "the",
                "internal one. Inputs were the technology watch, the standards landscape report and the",
                "interested parties register.",
            ),
            h1("External issues"),
            grid(
                ["Area", "Issue", "Effect on innovation"],
                [
                    "Political",
                    "EU AI Act obligations phase in from 2026",
                    "Demand for AI conformity testing rises; opportunity for A1",
                ],
                [
                    "Economic",
                    "Industry partners cut contract research budgets",
                    "More competition for partner money; need for licensing revenue",
                ],
                [
                    "Social",
                    "Shortage of engineers with standardization skills",
                    "We must train our own delegates",
                ],
                [
                    "Technology",
                    "6G and non-terrestrial networks enter 3GPP Release 20",
                    "Window for essential contributions in A2 until 2028",
                ],
                [
                    "Legal",
                    "Standard essential patent regulation debated in the EU",
                    "Our FRAND posture must be clear and documented",
                ],
                [
                    "Environment",
                    "Climate change and grid decarbonisation",
                    "Energy-efficient networks and digital twins for grids are a driver of new solutions",
                ],
            ),
            para(
                "Competitors are the large national institutes and two industrial research labs that submit",
                "contributions in the same 3GPP and ITU-T groups; the market for AI testing services is new",
                "and fragmented.",
            ),
            h1("Internal issues"),
            grid(
                ["Strengths", "Weaknesses"],
                [
                    "Strong test facilities and capabilities in AI testing and edge networks",
                    "Few people with business development skills",
                ],
                [
                    "Editors and rapporteurs in four SDOs",
                    "Long internal approval times for partner agreements",
                ],
                ["Culture of openness to new ideas", "Dependence on public project funding (62 per cent)"],
            ),
            h1("Climate change"),
            para(
                "Climate change is a relevant issue. It is a driver of our innovation areas A2 and A4 and a",
                "risk to the Harbour test field (flooding). It is covered in the risk and opportunity "
                "register.",
            ),
            h1("Conclusions"),
            para(
                "The review confirms the four innovation areas; A1 gains priority because of the AI Act. The",
                "next review is due in February 2027 or earlier if the funding situation changes.",
            ),
        ],
    )


def helix_interested_parties(path: Path) -> None:
    header = (
        "Interested party",
        "Needs and expectations",
        "Requirement (yes/no)",
        "How addressed",
        "Owner",
        "Last reviewed",
    )
    reviewed = date(2026, 2, 10)
    rows = [
        (
            "Industry partners",
            "Access to results, licences on fair terms, confidentiality",
            "Yes",
            "Partner register, collaboration agreements, IP Management Procedure",
            "Head of Technology Transfer",
            reviewed,
        ),
        (
            "Public funding bodies",
            "Exploitation of funded results, standardization in funded projects",
            "Yes",
            "Project register with standardization screening, exploitation plans",
            "Head of Innovation",
            reviewed,
        ),
        (
            "Standards bodies (ISO/IEC, ITU-T, IEEE, 3GPP)",
            "Technically sound contributions, patent disclosure",
            "Yes",
            "Standardization Procedure, SEP declaration register",
            "Head of Standardization Office",
            reviewed,
        ),
        (
            "Researchers and staff",
            "Time and recognition for innovation, career credit for standards work",
            "Yes",
            "Innovation time rules, Standardization Incentives and Recognition",
            "Head of HR",
            reviewed,
        ),
        (
            "Universities",
            "Joint supervision, guest lectures, access to test beds",
            "No",
            "Curriculum cooperation; partner register",
            "Head of Standardization Office",
            reviewed,
        ),
        (
            "Start-ups and spin-offs",
            "Access to test facilities, licences",
            "No",
            "Service catalogue of the AI test laboratory",
            "Head of Technology Transfer",
            reviewed,
        ),
        (
            "Regional government",
            "Jobs, spin-offs, climate-related innovation",
            "Yes",
            "Innovation objectives O4 and O6",
            "Director",
            reviewed,
        ),
    ]
    write_xlsx(
        path,
        title="Interested Parties Register",
        sheets=[
            sheet(
                "Register",
                header,
                rows,
                heading="Interested parties register - IMS",
                control=(
                    ("Document ID", "HX-IMS-006"),
                    ("Version", "2026.1"),
                    ("Owner", "Head of Innovation"),
                ),
                widths=(32, 60, 14, 55, 30, 14),
            ),
        ],
    )


def helix_roles(path: Path) -> None:
    write_docx(
        path,
        title="Roles, Responsibilities and Authorities in the IMS",
        control=helix_control("HX-IMS-007", "3.0", "IMS Coordinator", "12 May 2026", "31 May 2027"),
        footer="HX-IMS-007 Roles, responsibilities and authorities - v3.0",
        blocks=[
            h1("Purpose"),
            para(
                "This document assigns the responsibilities and authorities for the innovation management",
                "system and for standardization. It is communicated at induction and on the intranet.",
            ),
            h1("Top management"),
            para(
                "The Director is accountable for the effectiveness of the innovation management system, "
                "chairs",
                "the management review and approves the innovation strategy, the innovation policy and the",
                "standardization strategy.",
            ),
            h1("Head of Innovation"),
            para(
                "The Head of Innovation is responsible for the innovation management system: making it "
                "conform",
                "to ISO 56001, reporting its performance and improvement needs to the Director twice a year,",
                "and acting as portfolio manager for the innovation portfolio. The Head of Innovation "
                "reports",
                "to the Director and runs the Innovation Office.",
            ),
            h1("Innovation Board"),
            para(
                "The Innovation Board is the structure that takes gate decisions and approves funding "
                "tranches",
                "within the ring-fenced innovation fund (see its terms of reference). It has the authority "
                "to",
                "approve, pivot, hold or stop initiatives.",
            ),
            h1("Initiative roles"),
            bullets(
                "Sponsor: a research director who owns the strategic fit of the initiative and decides on "
                "resources in the department.",
                "Initiative lead: runs the initiative through the innovation process and reports at each "
                "gate.",
                "Process owner of the innovation process: the Head of Innovation, who maintains the "
                "Innovation Process Handbook.",
            ),
            h1("Collaboration and partner management"),
            para(
                "The Head of Technology Transfer is responsible for partner management and open innovation",
                "programmes; the Legal Counsel approves collaboration agreements before signature.",
            ),
            h1("Standardization roles"),
            grid(
                ["Role", "Responsibilities", "Authority"],
                [
                    "Head of Standardization Office",
                    "Coordinates SDO memberships, nominates delegates, keeps the registers",
                    "Approves contributions after IP review",
                ],
                [
                    "Research directors",
                    "Screen projects for standardization potential",
                    "Approve standardization work packages",
                ],
                [
                    "Project leaders",
                    "Plan and deliver the standardization work package of their project",
                    "Propose contributions",
                ],
                [
                    "Delegates and experts",
                    "Represent Helix in committees within their mandate",
                    "Speak for Helix within the mandate",
                ],
                [
                    "IP Office (patent attorney)",
                    "IP review of every contribution, SEP declarations",
                    "Decides on patent filing before disclosure",
                ],
                [
                    "Legal Counsel and Export Control Officer",
                    "Competition law briefing, export control classification",
                    "Blocks a contribution that fails export control",
                ],
            ),
            h1("RACI for key decisions"),
            grid(
                [
                    "Decision",
                    "Director",
                    "Head of Innovation",
                    "Innovation Board",
                    "Head of Standardization Office",
                ],
                ["Innovation strategy", "A", "R", "C", "C"],
                ["Gate decision and funding tranche", "I", "C", "A/R", "C"],
                ["SDO contribution", "I", "I", "-", "A"],
                ["Patent filing", "I", "C", "-", "C"],
            ),
        ],
    )


def helix_board_charter(path: Path) -> None:
    write_docx(
        path,
        title="Innovation Board - Terms of Reference",
        control=helix_control("HX-IMS-008", "2.0", "Head of Innovation", "8 April 2025", "30 April 2027"),
        footer="HX-IMS-008 Innovation Board terms of reference - v2.0",
        blocks=[
            h1("Mandate"),
            para(
                "The Innovation Board steers the innovation portfolio of Helix. Its purpose is to select,",
                "fund and stop innovation initiatives on evidence, and to keep the portfolio balanced with "
                "the",
                "innovation strategy.",
            ),
            h1("Membership and reporting line"),
            para(
                "Members: the Head of Innovation (chair), the four research directors, the Head of "
                "Technology",
                "Transfer, the Head of the Standardization Office and one external member from industry. The",
                "Board reports to the Director and presents its portfolio review to the management review.",
            ),
            h1("Decision rights"),
            bullets(
                "Approves gate decisions (go, pivot, hold, stop) for all initiatives.",
                "Releases funding tranches up to EUR 250,000 per initiative; above that the Director "
                "decides.",
                "Decides on reallocation of unspent funds between initiatives at each quarterly portfolio "
                "review.",
            ),
            h1("Resources"),
            para(
                "The Board manages the ring-fenced innovation fund (EUR 3.2 million in 2026). The Innovation",
                "Office (4 staff) prepares its meetings and keeps the stage-gate decision log.",
            ),
            h1("Interfaces"),
            para(
                "The Board works with the research departments (business units of the institute), with",
                "technology transfer for the hand-over of deployed solutions, and with the Standardization",
                "Office for initiatives with a standards route.",
            ),
            h1("Review"),
            para("These terms of reference are reviewed every two years or when the strategy changes."),
        ],
    )


def helix_std_office_charter(path: Path) -> None:
    write_pdf(
        path,
        title="Standardization Office Charter",
        author="Standardization Office",
        control=helix_control(
            "HX-STD-002", "1.3", "Head of Standardization Office", "2 September 2025", "30 September 2027"
        ),
        blocks=[
            h1("Purpose"),
            para(
                "The Standardization Office makes standardization part of Helix research: it helps projects",
                "take their results into standards and manages the institute's presence in standards bodies.",
            ),
            h1("Tasks"),
            bullets(
                "Coordinate the SDO memberships of Helix and renew them each year.",
                "Nominate delegates and experts to committees and agree their mandates with the research "
                "directors.",
                "Approve every contribution before submission, after the IP review by the IP Office.",
                "Support projects in planning their standardization work packages and pre-normative outputs.",
                "Publish the monthly Standards Bulletin and the half-yearly standards landscape report.",
                "Keep the contribution log, the delegate register, the membership register and the SEP "
                "declaration register.",
            ),
            h1("Reporting line"),
            para(
                "The Head of the Standardization Office reports to the Director and reports standardization",
                "indicators to the management review each year.",
            ),
            h1("Resources"),
            para(
                "The office has 3.5 FTE (head, two standardization engineers, half-time assistant) and a "
                "2026",
                "budget of EUR 410,000 for membership fees, delegate travel and the standardization awards.",
            ),
        ],
    )


def helix_objectives(path: Path) -> None:
    header = (
        "Objective",
        "Innovation area",
        "Indicator",
        "Target",
        "Actual",
        "Status",
        "Actions",
        "Resources",
        "Owner",
        "Due date",
        "Last updated",
    )
    updated = date(2026, 9, 30)
    rows = [
        (
            "O1 Bring research results into use",
            "All areas",
            "Results in use outside Helix (count, 2026)",
            "8",
            "6",
            "On track",
            "Gate 4 reviews for TrustBench and OrchestraAI",
            "Innovation fund tranche 3",
            "Head of Innovation",
            date(2026, 12, 31),
            updated,
        ),
        (
            "O2 Grow licence and service revenue",
            "A1 Trustworthy AI testing",
            "Licence and service revenue (EUR m)",
            "2.6",
            "1.9",
            "On track",
            "Launch TrustBench service packages; two licence deals for SenseKit",
            "2 FTE business development",
            "Head of Technology Transfer",
            date(2026, 12, 31),
            updated,
        ),
        (
            "O3 Standards as research outputs",
            "All areas",
            "Share of funded projects with a standards output",
            "55%",
            "58%",
            "Achieved",
            "Standardization screening of every new project",
            "Standardization Office 3.5 FTE",
            "Head of Standardization Office",
            date(2026, 12, 31),
            updated,
        ),
        (
            "O4 Create spin-offs",
            "A2 Edge-cloud networks",
            "Spin-offs founded",
            "1",
            "1",
            "Achieved",
            "EdgeCal spin-off incorporated in June",
            "Seed funding EUR 150,000",
            "Head of Technology Transfer",
            date(2026, 12, 31),
            updated,
        ),
        (
            "O5 Broaden participation",
            "All areas",
            "Staff submitting ideas (share)",
            "30%",
            "27%",
            "At risk",
            "Two idea campaigns; innovation time promotion",
            "Innovation Office",
            "Head of Innovation",
            date(2026, 12, 31),
            updated,
        ),
        (
            "O6 Climate-related innovation",
            "A4 Digital energy systems",
            "Initiatives with a decarbonisation benefit",
            "3",
            "3",
            "Achieved",
            "GridTwin Open pilot with two grid operators",
            "EUR 300,000",
            "Dr. Ravi Menon",
            date(2026, 12, 31),
            updated,
        ),
    ]
    write_xlsx(
        path,
        title="Innovation Objectives 2026",
        sheets=[
            sheet(
                "Objectives 2026",
                header,
                rows,
                heading="Innovation objectives 2026",
                control=helix_control(
                    "HX-IMS-009", "2026.3", "Head of Innovation", "2026-01-27", "2027-01-31"
                ),
                widths=(34, 24, 38, 8, 8, 10, 44, 26, 28, 12, 12),
            ),
        ],
    )


def helix_risks(path: Path) -> None:
    header = (
        "ID",
        "Type",
        "Risk / opportunity",
        "Source",
        "Likelihood",
        "Impact",
        "Rating",
        "Action",
        "Owner",
        "Due date",
        "Status",
        "Effectiveness",
        "Last reviewed",
    )
    reviewed = date(2026, 9, 15)
    rows = [
        (
            "R-01",
            "Risk",
            "Loss of key delegates to industry",
            "Staff turnover analysis 2025",
            3,
            4,
            12,
            "Career credit for standards work; succession deputy per committee",
            "Head of HR",
            date(2026, 12, 31),
            "In progress",
            "Deputies named for 5 of 7 committees",
            reviewed,
        ),
        (
            "R-02",
            "Risk",
            "Patent ambush: a competitor declares SEPs late on a draft we edit",
            "Standards landscape report",
            2,
            4,
            8,
            "Watch SEP declarations in the ETSI IPR and ITU patent databases each half year",
            "Head of IP Office",
            date(2026, 6, 30),
            "Closed",
            "Effective: two late declarations found and analysed in 2026",
            reviewed,
        ),
        (
            "R-03",
            "Risk",
            "Contribution discloses unprotected invention",
            "Internal audit IA-2025-04",
            2,
            5,
            10,
            "IP review before every submission; contribution log field",
            "Head of Standardization Office",
            date(2026, 3, 31),
            "Closed",
            "Partly effective: one contribution in 2026 without recorded IP review",
            reviewed,
        ),
        (
            "O-01",
            "Opportunity",
            "AI Act creates demand for conformity testing",
            "Context review 2026 (political)",
            4,
            4,
            16,
            "TrustBench service packages; notified-body partnership",
            "Dr. Hugo Marchetti",
            date(2026, 12, 31),
            "In progress",
            "Three service contracts signed",
            reviewed,
        ),
        (
            "O-02",
            "Opportunity",
            "3GPP Release 20 opens NTN work items",
            "Technology watch",
            3,
            4,
            12,
            "Fund NTN-Link concept; delegate to SA2",
            "Dr. Amara Diallo",
            date(2027, 3, 31),
            "In progress",
            "Delegate appointed September 2026",
            reviewed,
        ),
        (
            "R-04",
            "Risk",
            "Flooding of the Harbour test field (climate change)",
            "Context review 2026 (environment)",
            2,
            3,
            6,
            "Raised equipment racks; remote backup test bed",
            "Administrative Director",
            date(2026, 10, 31),
            "Closed",
            "Effective: no outage in the October storm",
            reviewed,
        ),
        (
            "O-03",
            "Opportunity",
            "FRAND licensing of SenseKit essential patents",
            "SEP declarations",
            3,
            3,
            9,
            "Licensing programme through a patent pool",
            "Head of IP Office",
            date(2027, 6, 30),
            "Open",
            "Not yet due",
            reviewed,
        ),
    ]
    write_xlsx(
        path,
        title="Risk and Opportunity Register",
        sheets=[
            sheet(
                "Register",
                header,
                rows,
                heading="Risks and opportunities - innovation and standardization",
                control=(("Document ID", "HX-IMS-010"), ("Owner", "IMS Coordinator")),
                widths=(7, 12, 50, 22, 10, 8, 8, 50, 28, 12, 12, 44, 13),
            ),
        ],
    )


def helix_change_log(path: Path) -> None:
    write_csv(
        path,
        ("Change ID", "Date", "Change", "Purpose", "Consequences", "Resources", "Responsible", "Status"),
        [
            (
                "CH-2025-04",
                date(2025, 6, 24),
                "Standardization integrated into the IMS (std-integration pack)",
                "Make standards a research output",
                "New registers; new roles for delegates",
                "Standardization Office +1 FTE",
                "Head of Standardization Office",
                "Completed",
            ),
            (
                "CH-2026-01",
                date(2026, 1, 27),
                "Innovation strategy v3.1: AI testing becomes priority area",
                "Respond to AI Act demand",
                "Budget shift of EUR 400,000 to A1; two initiatives rebalanced",
                "Innovation fund",
                "Head of Innovation",
                "Completed",
            ),
            (
                "CH-2026-02",
                date(2026, 3, 16),
                "Innovation Process Handbook v4.0 with light track for experiments",
                "Faster validation of early concepts",
                "Gate 1 replaced by a desk review for Horizon 3 ideas",
                "Innovation Office 0.2 FTE",
                "Head of Innovation",
                "Completed",
            ),
            (
                "CH-2026-03",
                date(2026, 9, 22),
                "Contribution log field for IP review made mandatory in the submission tool",
                "Close the gap found in IA-2026-04",
                "Submission blocked until the IP Office signs off",
                "IT 5 days",
                "Head of Standardization Office",
                "In progress",
            ),
        ],
    )


def helix_budget(path: Path) -> None:
    header = (
        "Portfolio",
        "Initiative ID",
        "Initiative",
        "Allocated (EUR)",
        "Committed (EUR)",
        "Spent (EUR)",
        "Funding tranche",
        "Approved by",
        "Date",
    )
    rows = [
        (
            "A1 Trustworthy AI testing",
            "IN-2024-02",
            "TrustBench",
            620000,
            580000,
            455000,
            "Tranche 4 of 4",
            "Innovation Board",
            date(2026, 3, 24),
        ),
        (
            "A1 Trustworthy AI testing",
            "IN-2026-02",
            "FedTrust",
            240000,
            120000,
            64000,
            "Tranche 2 of 4",
            "Innovation Board",
            date(2026, 6, 23),
        ),
        (
            "A2 Edge-cloud networks",
            "IN-2024-05",
            "EdgeCal",
            300000,
            300000,
            300000,
            "Seed funding (spin-off)",
            "Director",
            date(2026, 5, 12),
        ),
        (
            "A2 Edge-cloud networks",
            "IN-2026-04",
            "OrchestraAI",
            410000,
            380000,
            212000,
            "Tranche 3 of 4",
            "Innovation Board",
            date(2026, 6, 23),
        ),
        (
            "A2 Edge-cloud networks",
            "IN-2025-06",
            "NTN-Link",
            150000,
            60000,
            41000,
            "Tranche 1 of 4",
            "Innovation Board",
            date(2026, 9, 22),
        ),
        (
            "A3 Wireless sensing and IoT",
            "IN-2025-01",
            "SenseKit",
            380000,
            350000,
            298000,
            "Tranche 3 of 4",
            "Innovation Board",
            date(2026, 3, 24),
        ),
        (
            "A3 Wireless sensing and IoT",
            "IN-2026-01",
            "QuietNet",
            90000,
            45000,
            12000,
            "Tranche 1 of 4",
            "Innovation Board",
            date(2026, 9, 22),
        ),
        (
            "A4 Digital energy systems",
            "IN-2025-03",
            "GridTwin Open",
            300000,
            290000,
            240000,
            "Tranche 3 of 4",
            "Innovation Board",
            date(2026, 3, 24),
        ),
        (
            "Unallocated reserve",
            "-",
            "Reserve for reallocation",
            710000,
            0,
            0,
            "-",
            "Innovation Board",
            date(2026, 1, 27),
        ),
    ]
    notes = (
        ("Rule", "Text"),
        (
            "Ring-fenced",
            "The innovation fund of EUR 3.2 million is ring-fenced in the 2026 budget and may not be used "
            "for research operations.",
        ),
        (
            "Staged funding",
            "Each gate releases the next funding tranche; no tranche is released without a recorded gate "
            "decision.",
        ),
        (
            "Reallocation",
            "Unspent tranches return to the reserve at the quarterly portfolio review; the Innovation Board "
            "may reallocate them.",
        ),
    )
    write_xlsx(
        path,
        title="Innovation Budget 2026",
        sheets=[
            sheet(
                "Allocation",
                header,
                rows,
                heading="Innovation fund 2026 - allocation by portfolio and initiative",
                control=helix_control(
                    "HX-FIN-011", "2026.3", "Administrative Director", "2026-01-27", "2027-01-31"
                ),
                widths=(28, 12, 26, 14, 14, 12, 22, 18, 12),
            ),
            sheet("Rules", notes[0], notes[1:], widths=(18, 110)),
        ],
    )


HELIX_PORTFOLIO = (
    (
        "IN-2024-02",
        "TrustBench - AI conformity test bench service",
        "A1 Trustworthy AI testing",
        "Service",
        "Horizon 1",
        "Low",
        "Deploy",
        "Active",
        "Dr. Hugo Marchetti",
        620,
    ),
    (
        "IN-2024-05",
        "EdgeCal - calibration of edge sensors (spin-off)",
        "A2 Edge-cloud networks",
        "Business model",
        "Horizon 2",
        "Medium",
        "Deploy",
        "Handed over",
        "Dr. Amara Diallo",
        300,
    ),
    (
        "IN-2025-01",
        "SenseKit - WLAN sensing reference implementation",
        "A3 Wireless sensing and IoT",
        "Product",
        "Horizon 2",
        "Medium",
        "Develop",
        "Active",
        "Dr. Yuki Tanaka",
        380,
    ),
    (
        "IN-2025-03",
        "GridTwin Open - open digital twin toolkit for grids",
        "A4 Digital energy systems",
        "Product",
        "Horizon 2",
        "Medium",
        "Develop",
        "Active",
        "Dr. Ravi Menon",
        300,
    ),
    (
        "IN-2025-06",
        "NTN-Link - satellite-terrestrial handover",
        "A2 Edge-cloud networks",
        "Product",
        "Horizon 3",
        "High",
        "Concept",
        "Active",
        "Dr. Chen Rui",
        150,
    ),
    (
        "IN-2026-01",
        "QuietNet - ultra-low-power IoT protocol",
        "A3 Wireless sensing and IoT",
        "Product",
        "Horizon 3",
        "High",
        "Concept",
        "Active",
        "Dr. Ingrid Solberg",
        90,
    ),
    (
        "IN-2026-02",
        "FedTrust - audit service for federated learning",
        "A1 Trustworthy AI testing",
        "Service",
        "Horizon 2",
        "Medium",
        "Validate",
        "Active",
        "Dr. Priya Raman",
        240,
    ),
    (
        "IN-2026-04",
        "OrchestraAI - edge orchestration licensing",
        "A2 Edge-cloud networks",
        "Product",
        "Horizon 1",
        "Low",
        "Develop",
        "Active",
        "Dr. Elif Kaya",
        410,
    ),
    (
        "IN-2025-02",
        "LabTwin - remote lab access service",
        "A1 Trustworthy AI testing",
        "Process",
        "Horizon 2",
        "Medium",
        "Validate",
        "Stopped",
        "Dr. Hugo Marchetti",
        0,
    ),
)


def helix_portfolio(path: Path) -> None:
    header = (
        "Initiative ID",
        "Initiative",
        "Strategic area",
        "Innovation type",
        "Horizon",
        "Risk level",
        "Stage",
        "Status",
        "Owner",
        "Budget 2026 (kEUR)",
        "Last reviewed",
    )
    rows = [(*row, date(2026, 9, 22)) for row in HELIX_PORTFOLIO]
    balance = (
        ("Horizon", "Target share", "Actual share of 2026 budget"),
        ("Horizon 1 (core)", "60%", "57%"),
        ("Horizon 2 (adjacent)", "30%", "35%"),
        ("Horizon 3 (transformational)", "10%", "8%"),
    )
    write_xlsx(
        path,
        title="Innovation Portfolio Register",
        sheets=[
            sheet(
                "Portfolio",
                header,
                rows,
                heading="Innovation portfolio - status after the Q3 portfolio review",
                control=(("Document ID", "HX-IMS-012"), ("Owner", "Head of Innovation")),
                widths=(13, 50, 28, 16, 12, 10, 10, 12, 22, 12, 13),
            ),
            sheet(
                "Balance",
                balance[0],
                balance[1:],
                heading="Portfolio balance against the 60/30/10 target mix",
            ),
        ],
    )


def helix_gate_log(path: Path) -> None:
    write_csv(
        path,
        (
            "Decision ID",
            "Date",
            "Initiative ID",
            "Initiative",
            "Gate",
            "Decision",
            "Criteria score",
            "Decided by",
            "Rationale",
        ),
        [
            (
                "GD-2026-01",
                date(2026, 1, 20),
                "IN-2026-01",
                "QuietNet",
                "Gate 1 opportunity",
                "Go",
                "3.4 / 5",
                "Innovation Board",
                "Strategic fit with A3; technology watch shows a gap in sub-mW protocols",
            ),
            (
                "GD-2026-02",
                date(2026, 1, 20),
                "IN-2026-02",
                "FedTrust",
                "Gate 2 concept",
                "Go",
                "3.9 / 5",
                "Innovation Board",
                "Strong user interest in the concept interviews; FTO clear",
            ),
            (
                "GD-2026-03",
                date(2026, 3, 24),
                "IN-2024-02",
                "TrustBench",
                "Gate 4 launch",
                "Go",
                "4.3 / 5",
                "Innovation Board",
                "Validation targets met; business owner named (Technology Transfer)",
            ),
            (
                "GD-2026-04",
                date(2026, 3, 24),
                "IN-2025-02",
                "LabTwin",
                "Gate 3 validation",
                "Stop",
                "2.1 / 5",
                "Innovation Board",
                "Pilot users did not pay for remote access; learning recorded in LL-2026-02",
            ),
            (
                "GD-2026-05",
                date(2026, 3, 24),
                "IN-2025-03",
                "GridTwin Open",
                "Gate 3 validation",
                "Go",
                "3.8 / 5",
                "Innovation Board",
                "Two grid operators committed to the pilot",
            ),
            (
                "GD-2026-06",
                date(2026, 5, 12),
                "IN-2024-05",
                "EdgeCal",
                "Gate 4 launch",
                "Go (spin-off)",
                "4.1 / 5",
                "Director",
                "Spin-off business plan approved; seed funding above Board limit",
            ),
            (
                "GD-2026-07",
                date(2026, 6, 23),
                "IN-2026-04",
                "OrchestraAI",
                "Gate 3 validation",
                "Go",
                "4.0 / 5",
                "Innovation Board",
                "Portfolio review Q2: reprioritized ahead of NTN-Link",
            ),
            (
                "GD-2026-08",
                date(2026, 6, 23),
                "IN-2026-02",
                "FedTrust",
                "Gate 3 validation",
                "Pivot",
                "3.1 / 5",
                "Innovation Board",
                "Experiments EX-2026-05 and -06: audit service, not software licence",
            ),
            (
                "GD-2026-09",
                date(2026, 9, 22),
                "IN-2025-06",
                "NTN-Link",
                "Gate 2 concept",
                "Go",
                "3.5 / 5",
                "Innovation Board",
                "Portfolio review Q3; 3GPP Release 20 work items confirmed by the standards landscape report",
            ),
            (
                "GD-2026-10",
                date(2026, 9, 22),
                "IN-2025-01",
                "SenseKit",
                "Gate 3 validation",
                "Hold",
                "3.0 / 5",
                "Innovation Board",
                "Wait for IEEE 802.11bf letter ballot result before the licensing decision",
            ),
        ],
    )


def helix_process_handbook(path: Path) -> None:
    write_docx(
        path,
        title="Innovation Process Handbook",
        control=helix_control("HX-PRO-013", "4.0", "Head of Innovation", "16 March 2026", "31 March 2027"),
        footer="HX-PRO-013 Innovation Process Handbook - v4.0",
        blocks=[
            h1("Scope and roles"),
            para(
                "The handbook describes how Helix runs innovation initiatives from opportunity to value. The",
                "process owner is the Head of Innovation; each initiative has a sponsor and an initiative "
                "lead;",
                "gate decisions are taken by the Innovation Board, whose decision rights are set in its "
                "terms",
                "of reference. Every researcher, student and guest can take part: anyone may submit an idea,",
                "join an initiative or use innovation time, and contributions are recognised in the annual",
                "Helix Innovation Award.",
            ),
            h1("Stages and gates"),
            grid(
                ["Stage", "Main activities", "Gate and criteria", "Records"],
                [
                    "1 Identify opportunities",
                    "Idea campaigns, strategic intelligence, partner requests",
                    "Gate 1: strategic fit, value potential",
                    "Idea register",
                ],
                [
                    "2 Create concepts",
                    "Concept paper, user interviews, prior art search",
                    "Gate 2: feasibility, risk, IP position",
                    "Concept paper, FTO report",
                ],
                [
                    "3 Validate concepts",
                    "Experiments, prototypes, pilots with users",
                    "Gate 3: success criteria of the experiments met",
                    "Experiment log",
                ],
                [
                    "4 Develop solutions",
                    "Business case, development, IP protection, deployment preparation",
                    "Gate 4: business case and business owner",
                    "Business case, initiative charter",
                ],
                [
                    "5 Deploy solutions",
                    "Launch, roll-out, hand-over, post-launch review",
                    "Value review after 6 and 12 months",
                    "Post-launch review",
                ],
            ),
            para(
                "Initiatives iterate: a concept may loop back to an earlier stage or pivot after a",
                "validation. Each gate records the decision (go, pivot, hold, stop), the criteria scores and",
                "who decided in the stage-gate decision log; templates for every record are on the intranet.",
            ),
            h2("Selection criteria"),
            para(
                "At every gate the Innovation Board scores strategic fit, value potential, feasibility and",
                "risk from 1 to 5; the weighting is published in the gate scorecard.",
            ),
            h2("Funding"),
            para(
                "Funding follows the stages: each gate releases a funding tranche from the ring-fenced",
                "innovation fund, and the Board may reallocate unspent tranches at the quarterly portfolio",
                "review.",
            ),
            h1("Adapting the process"),
            para(
                "Control is proportionate to uncertainty. Horizon 3 ideas follow a lightweight track with a",
                "desk review instead of Gate 1; tighter control applies before scaling. Work done by "
                "external",
                "partners and suppliers is controlled through the collaboration agreement and the gate",
                "reviews, and partners are selected with the criteria of the innovation strategy.",
            ),
            h1("Tools and methods"),
            para("The tools and methods for each stage are listed in the Innovation Toolbox."),
            h1("Strategic intelligence"),
            para(
                "Strategic intelligence follows a cycle: framing of the key questions with the Board and the",
                "research directors; data collection from patent databases, SDO work programmes, market",
                "reports and partner contacts; analysis; interpretation of the implications for Helix; and",
                "dissemination to decision makers through the quarterly technology watch and a briefing at",
                "the Innovation Board.",
            ),
            h1("Hand-over and interfaces"),
            para(
                "At Gate 4 a business owner is named in Technology Transfer or in the research department",
                "that will run the service; hand-over to the business owner is part of the deployment stage.",
                "Finance releases the tranches, HR handles staffing of spin-offs and sales of services runs",
                "through Technology Transfer.",
            ),
        ],
    )


def helix_toolbox(path: Path) -> None:
    text = front_matter(
        (
            ("title", "Innovation Toolbox"),
            ("doc_id", "HX-PRO-014"),
            ("version", "2.2"),
            ("owner", "Innovation Office"),
            ("approved_by", HOI),
            ("approved_on", "2026-03-16"),
        )
    )
    text += (
        """
# Innovation Toolbox

Tools and methods we use and teach, by stage of the innovation process. Coaching is available from
the Innovation Office; each method has a one-page guide on the intranet.

"""
        + md_table(
            (
                "Stage",
                "Method",
                "Use it for",
                "Coach",
            ),
            [
                (
                    "Identify opportunities",
                    "Foresight scenarios and trend cards",
                    "Framing future needs and trends",
                    "Innovation Office",
                ),
                (
                    "Identify opportunities",
                    "Brainstorming and ideation sprints",
                    "Idea generation in campaigns",
                    "Innovation Office",
                ),
                (
                    "Create concepts",
                    "Design thinking, user research and personas",
                    "Understanding users and their jobs to be done",
                    "Dr. Priya Raman",
                ),
                (
                    "Create concepts",
                    "Value proposition canvas, business model canvas",
                    "Describing the concept and its business model",
                    "Technology Transfer",
                ),
                (
                    "Validate concepts",
                    "Experiment cards, MVP and prototype tests",
                    "Testing key assumptions",
                    "Innovation Office",
                ),
                (
                    "Develop solutions",
                    "Lean start-up build-measure-learn loops",
                    "Iterating the solution with users",
                    "Technology Transfer",
                ),
                (
                    "All stages",
                    "TRIZ",
                    "Solving technical contradictions",
                    "Dr. Hugo Marchetti",
                ),
            ],
        )
        + """"""
    )
    write_text(path, text)


def helix_time_rules(path: Path) -> None:
    text = front_matter(
        (
            ("title", "Innovation Time Rules"),
            ("doc_id", "HX-HR-015"),
            ("version", "1.4"),
            ("owner", "Head of HR"),
            ("approved_by", DIRECTOR),
            ("approved_on", "2025-10-07"),
        )
    )
    text += """
# Innovation Time Rules

## Eligibility

These rules apply to all employees with a contract of six months or more, including doctoral
researchers; guest researchers are eligible when their host agrees.

## How much time

Each eligible person may use up to 10 per cent of working time (about four hours per week) for
innovation work outside their funded projects, and may join two innovation days per year
(hackathons organised by the Innovation Office).

## How time is agreed and recorded

The person agrees the topic with their manager; approval is given in the idea platform. Time is
recorded in the timesheet under the cost code INNO-TIME, which the Innovation Office reports each
quarter.
"""
    write_text(path, text)


def helix_ideas(path: Path) -> None:
    write_csv(
        path,
        (
            "Idea ID",
            "Submitted on",
            "Idea",
            "Submitted by",
            "Source",
            "Opportunity area",
            "Assessment score",
            "Decision",
            "Feedback given",
        ),
        [
            (
                "ID-2026-003",
                date(2026, 1, 14),
                "Sub-milliwatt wake-up protocol for IoT sensors",
                "Dr. Ingrid Solberg",
                "Employee",
                "A3 Wireless sensing and IoT",
                "3.6",
                "Promoted to initiative IN-2026-01",
                "2026-01-21",
            ),
            (
                "ID-2026-007",
                date(2026, 2, 3),
                "Audit service for federated learning models",
                "Dr. Priya Raman",
                "Partner request",
                "A1 Trustworthy AI testing",
                "3.9",
                "Promoted to initiative IN-2026-02",
                "2026-02-10",
            ),
            (
                "ID-2026-011",
                date(2026, 3, 9),
                "Carbon dashboard for the edge test bed",
                "Nils Eriksen (student)",
                "Idea campaign",
                "A4 Digital energy systems",
                "2.8",
                "Parked; merged into GridTwin backlog",
                "2026-03-30",
            ),
            (
                "ID-2026-015",
                date(2026, 4, 22),
                "Test suite for AI Act robustness requirements",
                "Dr. Hugo Marchetti",
                "Strategic intelligence",
                "A1 Trustworthy AI testing",
                "4.2",
                "Added to TrustBench roadmap",
                "2026-05-04",
            ),
            (
                "ID-2026-019",
                date(2026, 5, 18),
                "Shared booking system for lab instruments",
                "Maria Costa",
                "Employee",
                "Internal process",
                "2.4",
                "Rejected: existing tool covers it",
                "2026-05-29",
            ),
            (
                "ID-2026-024",
                date(2026, 7, 2),
                "Handover algorithm for LEO satellite links",
                "Dr. Chen Rui",
                "Technology watch",
                "A2 Edge-cloud networks",
                "3.7",
                "Merged into NTN-Link",
                "2026-07-09",
            ),
            (
                "ID-2026-031",
                date(2026, 9, 14),
                "Open test data set for WLAN sensing",
                "Dr. Marco Bianchi",
                "Standards landscape",
                "A3 Wireless sensing and IoT",
                "3.3",
                "Accepted as pre-normative output of SENSEWAVE",
                "2026-09-25",
            ),
        ],
    )


def helix_concept(path: Path) -> None:
    write_docx(
        path,
        title="Concept Paper - FedTrust Audit Service",
        control=(
            ("Document ID", "HX-IN-2026-02-CP"),
            ("Version", "1.2"),
            ("Owner", "Dr. Priya Raman"),
            ("Date", "9 January 2026"),
        ),
        footer="IN-2026-02 FedTrust concept paper",
        blocks=[
            h1("Problem and value proposition"),
            para(
                "Hospitals and banks that train models with federated learning cannot show an auditor that "
                "the",
                "model meets the AI Act robustness and data governance requirements. FedTrust offers an "
                "audit",
                "service that measures robustness and data leakage without seeing the raw data; the benefit "
                "is",
                "a test report accepted by notified bodies.",
            ),
            h1("Target users"),
            para(
                "Target users are the AI governance teams of hospitals and banks; first customers are the",
                "three hospital partners of our EU project MEDFED.",
            ),
            h1("Key assumptions to test"),
            bullets(
                "Hypothesis 1: AI governance teams will pay for an external audit before the AI Act "
                "deadline.",
                "Hypothesis 2: our leakage metric is accepted by at least one notified body.",
                "Hypothesis 3: an audit can be run in under ten days per model.",
            ),
            h1("Business model"),
            para(
                "Fixed-price audit packages (revenue per audit EUR 18,000 to 35,000) sold through Technology",
                "Transfer; channels are the partners of TrustBench and two notified bodies.",
            ),
            h1("Risks and IP position"),
            para(
                "Main risks: notified bodies may prefer their own metrics; uncertainty about the final",
                "harmonised standards. The prior art search found no patent on the leakage metric; freedom "
                "to",
                "operate is clear (FTO report HX-FTO-2026-01). The metric will be contributed to ISO/IEC "
                "JTC 1/SC 42",
                "after a patent application is filed.",
            ),
        ],
    )


def helix_experiments(path: Path) -> None:
    header = (
        "Experiment ID",
        "Initiative ID",
        "Hypothesis",
        "Method",
        "Success criteria",
        "Date",
        "Result",
        "Learning",
        "Decision",
    )
    rows = [
        (
            "EX-2026-01",
            "IN-2024-02",
            "Customers accept a 5-day turnaround for a TrustBench audit",
            "Pilot with 3 paying customers",
            "2 of 3 accept",
            date(2026, 2, 20),
            "3 of 3 accepted",
            "Turnaround matters less than the report format",
            "Persevere",
        ),
        (
            "EX-2026-03",
            "IN-2025-03",
            "Grid operators will share SCADA data for a twin pilot",
            "Letter of intent campaign",
            "2 signed letters",
            date(2026, 3, 10),
            "2 signed",
            "Data sharing needs a DPA template",
            "Persevere",
        ),
        (
            "EX-2026-05",
            "IN-2026-02",
            "Governance teams pay for a FedTrust licence",
            "Pricing interviews (12)",
            "4 willing to pay",
            date(2026, 5, 28),
            "1 willing to pay for a licence; 7 for an audit",
            "Sell an audit service, not software",
            "Pivot",
        ),
        (
            "EX-2026-06",
            "IN-2026-02",
            "Leakage metric accepted by a notified body",
            "Review by two notified bodies",
            "1 acceptance",
            date(2026, 6, 15),
            "1 accepted, 1 asked for changes",
            "Align metric with SC 42 draft",
            "Persevere",
        ),
        (
            "EX-2026-08",
            "IN-2026-04",
            "Orchestrator cuts edge energy use by 15%",
            "Test bed trial, 4 weeks",
            ">= 15% saving",
            date(2026, 6, 5),
            "18% saving",
            "Savings depend on traffic mix",
            "Persevere",
        ),
        (
            "EX-2026-11",
            "IN-2025-01",
            "SenseKit detects presence with 95% accuracy in offices",
            "Field test in 6 rooms",
            ">= 95%",
            date(2026, 8, 28),
            "92%",
            "Furniture changes need recalibration",
            "Iterate",
        ),
    ]
    write_xlsx(
        path,
        title="Experiment Log 2026",
        sheets=[
            sheet(
                "Experiments",
                header,
                rows,
                heading="Validation and experiment log 2026",
                control=(("Document ID", "HX-IMS-016"), ("Owner", "Innovation Office")),
                widths=(13, 12, 46, 28, 18, 12, 30, 40, 12),
            ),
        ],
    )


def helix_business_case(path: Path) -> None:
    write_docx(
        path,
        title="Business Case - OrchestraAI Edge Orchestration",
        control=(
            ("Document ID", "HX-IN-2026-04-BC"),
            ("Version", "2.0"),
            ("Owner", "Dr. Elif Kaya"),
            ("Approved by", "Innovation Board"),
            ("Approved on", "23 June 2026"),
        ),
        footer="IN-2026-04 OrchestraAI business case - v2.0",
        blocks=[
            h1("Business model and value"),
            para(
                "OrchestraAI is an energy-aware orchestrator for edge computing nodes. The business model is",
                "licensing to two network equipment vendors plus an open-source core. Expected revenue: EUR",
                "1.4 million over five years; net present value EUR 0.6 million at 8 per cent; payback in",
                "year three. Non-financial benefits: 15 per cent lower energy use in edge nodes.",
            ),
            h1("Milestones"),
            grid(
                ["Milestone", "Date"],
                ["Reference implementation v1.0", "2026-10"],
                ["Contribution to ITU-T SG13 (draft Recommendation Y.edge-orch)", "2026-11"],
                ["First licence signed", "2027-02"],
                ["Launch of open-source core", "2027-03"],
            ),
            h1("Resources"),
            para(
                "Team of 4.5 FTE; budget EUR 410,000 in 2026 from the innovation fund; test bed time 20 per "
                "cent."
            ),
            h1("Risks"),
            para(
                "Vendors may build their own orchestrator; mitigation: early contribution to the ITU-T",
                "Recommendation and exclusive evaluation licences.",
            ),
            h1("Deployment preparation"),
            para(
                "IP protection: two patent applications filed (EP 26 160 411, EP 26 171 052); freedom to",
                "operate confirmed. Regulatory: no certification needed; export control classification done",
                "(not dual-use). Operations readiness: Technology Transfer prepares licence terms and a "
                "support",
                "desk for the launch. Business owner after hand-over: Head of Technology Transfer.",
            ),
        ],
    )


def helix_charter(path: Path) -> None:
    text = front_matter(
        (
            ("title", "Initiative Charter IN-2026-02 FedTrust"),
            ("doc_id", "HX-IN-2026-02-CH"),
            ("version", "2.0"),
            ("owner", "Dr. Priya Raman"),
            ("approved_by", "Innovation Board"),
            ("approved_on", "2026-06-23"),
        )
    )
    text += """
# Initiative Charter IN-2026-02 FedTrust

## Strategic fit

Innovation area A1 Trustworthy AI testing; contributes to objective O2 (licence and service revenue)
and to the standardization route in ISO/IEC JTC 1/SC 42.

## Scope

Audit service for federated learning models (pivoted at gate 3 from a software licence).

## Expected value

EUR 250,000 service revenue per year from 2028; two notified bodies using the leakage metric; one
contribution adopted into an ISO/IEC technical specification.

## Sponsor and team

Sponsor: Dr. Hugo Marchetti. Initiative lead: Dr. Priya Raman. Team: 2.5 FTE.

## Resources

Budget EUR 240,000 in 2026, released in four funding tranches.

## Success criteria

- Key results for gate 4: 3 paid audits, notified-body acceptance, audit time under 10 days.
- KPIs after launch: audits per quarter, customer satisfaction, revenue.

## Decision points

Gate 4 planned for the Innovation Board meeting of December 2026.
"""
    write_text(path, text)


def helix_post_launch(path: Path) -> None:
    write_pdf(
        path,
        title="Post-Launch Review - TrustBench",
        author="Technology Transfer",
        control=(
            ("Document ID", "HX-IN-2024-02-PLR"),
            ("Date", "2 October 2026"),
            ("Owner", "Head of Technology Transfer"),
            ("Status", "Final"),
        ),
        blocks=[
            h1("Launch and roll-out"),
            para(
                "TrustBench service packages were launched on 15 April 2026 after gate 4 (GD-2026-03). The",
                "roll-out covered three packages (robustness, bias, documentation review). Hand-over to the",
                "business owner, the Head of Technology Transfer, was completed on 30 April 2026.",
            ),
            h1("Communication"),
            para(
                "Announcement at the AI Testing Days, two webinars and a mailing to 240 industry contacts;",
                "training of users at three customer sites.",
            ),
            h1("Adoption"),
            para(
                "Eleven customers bought at least one package in the first six months; uptake is highest",
                "among medical device makers.",
            ),
            h1("Value realized against the business case"),
            grid(
                ["Measure", "Expected (business case)", "Actual after 6 months"],
                ["Service revenue (EUR)", "300,000", "342,000"],
                ["Customers", "8", "11"],
                ["Average audit time (days)", "7", "8.5"],
            ),
            para(
                "The value realized exceeds the plan for revenue and customers; audit time is above target "
                "and",
                "gets an improvement action.",
            ),
            h1("IP and freedom to operate"),
            para(
                "The test methods are protected by patent application EP 25 190 118; freedom to operate was",
                "confirmed before launch.",
            ),
            h1("Lessons learned"),
            bullets(
                "Customers value the report format more than the turnaround time.",
                "A partner notified body accelerated adoption; involve them earlier next time.",
            ),
        ],
    )


def helix_ip_procedure(path: Path) -> None:
    write_docx(
        path,
        title="IP Management Procedure",
        control=helix_control(
            "HX-IP-017", "3.2", "Head of IP Office", "12 November 2025", "30 November 2027"
        ),
        footer="HX-IP-017 IP Management Procedure - v3.2",
        blocks=[
            h1("IP strategy"),
            para(
                "Our IP strategy is aligned with the innovation strategy and the standardization strategy:",
                "results on a standards route are protected before disclosure; results for licensing are",
                "patented in the main markets; software is released under open-source licences where that",
                "creates more value.",
            ),
            h1("Identification: invention disclosure"),
            para(
                "Every employee discloses inventions to the IP Office with the invention disclosure form",
                "within two weeks of identifying them. Employee inventions are assigned to Helix under the",
                "employee invention law; the inventor receives remuneration of 30 per cent of net licence",
                "income.",
            ),
            h1("Protection decision"),
            para(
                "The IP Office decides within six weeks on the protection route: patent application, trade",
                "secret, defensive publication or no action. The decision is recorded in the IP register.",
            ),
            h1("Freedom to operate and prior art"),
            para(
                "Before an initiative passes gate 2, the IP Office runs a prior art search; before gate 4, a",
                "freedom to operate analysis. Results are kept as FTO reports.",
            ),
            h1("IP in collaborations"),
            para(
                "Background and foreground IP, access rights and publication rules are agreed with partners",
                "before joint work starts, in the consortium or collaboration agreement; jointly owned "
                "results",
                "follow the joint ownership clause.",
            ),
            h1("Publications and disclosure"),
            para(
                "Every publication, conference talk and SDO contribution passes a pre-publication review by",
                "the IP Office, which checks that confidential information of Helix and its partners is",
                "protected and that no unfiled invention is disclosed.",
            ),
            h1("Exploitation and enforcement"),
            para(
                "Technology Transfer manages licensing and commercialisation. The IP Office monitors",
                "infringement of our patents and decides on enforcement with the Director.",
            ),
        ],
    )


def helix_ip_register(path: Path) -> None:
    header = (
        "IP ID",
        "Title",
        "IP type",
        "Inventor",
        "Owner",
        "Filing date",
        "Application number",
        "Jurisdiction",
        "Status",
        "Related initiative",
        "Protection decision",
    )
    rows = [
        (
            "IP-2025-004",
            "Robustness test method for image classifiers",
            "Patent",
            "H. Marchetti, P. Raman",
            "Helix",
            date(2025, 7, 3),
            "EP 25 190 118",
            "EP",
            "Pending",
            "IN-2024-02",
            "Patent (standards route SC 42)",
        ),
        (
            "IP-2025-009",
            "WLAN channel-state sensing with sparse pilots",
            "Patent",
            "M. Bianchi, Y. Tanaka",
            "Helix",
            date(2025, 9, 18),
            "EP 25 201 774",
            "EP, US",
            "Pending",
            "IN-2025-01",
            "Patent (standards route IEEE 802.11)",
        ),
        (
            "IP-2026-001",
            "Energy-aware placement of edge workloads",
            "Patent",
            "E. Kaya, A. Diallo",
            "Helix",
            date(2026, 2, 16),
            "EP 26 160 411",
            "EP",
            "Pending",
            "IN-2026-04",
            "Patent (standards route ITU-T SG13)",
        ),
        (
            "IP-2026-002",
            "Migration trigger for edge orchestration",
            "Patent",
            "E. Kaya",
            "Helix",
            date(2026, 3, 2),
            "EP 26 171 052",
            "EP",
            "Pending",
            "IN-2026-04",
            "Patent",
        ),
        (
            "IP-2026-003",
            "GridTwin Open core",
            "Software",
            "R. Menon team",
            "Helix",
            date(2026, 4, 1),
            "-",
            "-",
            "Released (Apache-2.0)",
            "IN-2025-03",
            "Open source",
        ),
        (
            "IP-2026-004",
            "Leakage metric for federated learning",
            "Invention disclosure",
            "P. Raman",
            "Helix",
            date(2026, 6, 30),
            "-",
            "-",
            "Under evaluation",
            "IN-2026-02",
            "Patent before SC 42 contribution",
        ),
        (
            "IP-2026-005",
            "Calibration data set for edge sensors",
            "Trade secret",
            "EdgeCal team",
            "EdgeCal GmbH (licensed)",
            date(2026, 5, 12),
            "-",
            "-",
            "Licensed to spin-off",
            "IN-2024-05",
            "Trade secret",
        ),
    ]
    write_xlsx(
        path,
        title="IP Register",
        sheets=[
            sheet(
                "IP register",
                header,
                rows,
                heading="Intellectual property register",
                control=(("Document ID", "HX-IP-018"), ("Owner", "Head of IP Office")),
                widths=(12, 44, 18, 24, 20, 12, 16, 12, 20, 14, 34),
            )
        ],
    )


def helix_fto(path: Path) -> None:
    write_pdf(
        path,
        title="Freedom-to-Operate Report HX-FTO-2026-01",
        author="IP Office",
        control=(
            ("Document ID", "HX-FTO-2026-01"),
            ("Date", "19 January 2026"),
            ("Owner", "Head of IP Office"),
            ("Initiative", "IN-2026-02 FedTrust"),
        ),
        blocks=[
            h1("Question"),
            para(
                "Can Helix offer an audit service using the FedTrust leakage metric in the EU and the US",
                "without infringing third-party patents?",
            ),
            h1("Search strategy"),
            para(
                "Prior art search in EPO, USPTO and WIPO databases (2015 to 2025) with CPC classes G06N 20 "
                "and",
                "H04L 9, keywords on federated learning, membership inference and leakage metrics.",
            ),
            h1("Relevant patents"),
            grid(
                ["Document", "Holder", "Relevance", "Claims read on FedTrust?"],
                [
                    "US 11,9x family on gradient leakage",
                    "Large cloud provider",
                    "Medium",
                    "No: claims need a central server",
                ],
                ["EP 4 120 551", "University spin-off", "Low", "No"],
            ),
            h1("Conclusions"),
            para(
                "Freedom to operate is clear for the audit service. The leakage metric appears novel; a "
                "patent",
                "application is recommended before the contribution to ISO/IEC JTC 1/SC 42.",
            ),
        ],
    )


def helix_partners(path: Path) -> None:
    write_csv(
        path,
        (
            "Partner",
            "Partner type",
            "Collaboration",
            "Agreement",
            "IP terms",
            "Owner",
            "Status",
            "Last review",
        ),
        [
            (
                "Voss Sensorik GmbH",
                "Industry",
                "SENSEWAVE joint development",
                "Consortium agreement 2026-03-12",
                "Background retained; foreground jointly owned",
                "Dr. Yuki Tanaka",
                "Active",
                date(2026, 9, 1),
            ),
            (
                "Northern Technical University",
                "University",
                "Joint PhD programme, standardization engineering module",
                "Cooperation agreement 2024-10",
                "Publications free after IP review",
                "Dr. Li Wen",
                "Active",
                date(2026, 9, 1),
            ),
            (
                "MEDFED consortium (EU project)",
                "Consortium",
                "Federated learning in hospitals",
                "Horizon Europe consortium agreement",
                "Grant agreement rules; access rights for research",
                "Dr. Priya Raman",
                "Active",
                date(2026, 9, 1),
            ),
            (
                "GridOps Nord AG",
                "Industry (grid operator)",
                "GridTwin Open pilot",
                "Pilot agreement with DPA",
                "Open-source core; data stays with operator",
                "Dr. Ravi Menon",
                "Active",
                date(2026, 9, 1),
            ),
            (
                "EdgeCal GmbH",
                "Spin-off",
                "Licence of calibration data set",
                "Licence agreement 2026-06",
                "Exclusive field-of-use licence",
                "Head of Technology Transfer",
                "Active",
                date(2026, 9, 1),
            ),
            (
                "Alpine Networks SA",
                "Industry",
                "OrchestraAI evaluation licence",
                "NDA and evaluation licence",
                "No transfer of ownership",
                "Dr. Elif Kaya",
                "Negotiation",
                date(2026, 9, 1),
            ),
        ],
    )


def helix_consortium_agreement(path: Path) -> None:
    """The signed SENSEWAVE agreement, as the scanner in the legal office made it: image only."""
    title, text, small = 38, 25, 22
    write_scanned_pdf(
        path,
        [
            [
                ("CONSORTIUM AGREEMENT", title),
                ("SENSEWAVE - WLAN sensing for smart buildings", text),
                ("", 0),
                ("between the Helix Institute for Applied Research (Helix)", text),
                ("and Voss Sensorik GmbH (Voss), together the Parties", text),
                ("", 0),
                ("1. Purpose and contributions", text),
                ("The Parties develop a WLAN sensing reference implementation.", small),
                ("Helix contributes algorithms and test data; Voss contributes", small),
                ("sensor hardware and field sites. Each Party bears its own costs.", small),
                ("", 0),
                ("2. Intellectual property", text),
                ("Background IP stays with the Party that brought it. Foreground IP", small),
                ("made by one Party belongs to it; foreground made jointly is jointly", small),
                ("owned. Each Party may use the results for research free of charge.", small),
                ("Contributions to IEEE 802.11 require the IP review of both Parties.", small),
                ("", 0),
                ("3. Confidentiality", text),
                ("Confidential information is kept confidential for five years", small),
                ("after the end of this agreement.", small),
            ],
            [
                ("4. Term and termination", text),
                ("This agreement runs from 1 April 2026 for a duration of 36 months.", small),
                ("Either Party may terminate it with six months notice in writing.", small),
                ("", 0),
                ("5. Publications", text),
                ("A Party gives 30 days notice of a planned publication.", small),
                ("", 0),
                ("Signed for Helix: Prof. Dr. Miriam Okafor, Director", text),
                ("Date: 12 March 2026", text),
                ("", 0),
                ("Signed for Voss Sensorik GmbH: Dr. Karl Voss, Managing Director", text),
                ("Date: 12 March 2026", text),
            ],
        ],
    )


def helix_tech_watch(path: Path) -> None:
    text = front_matter(
        (
            ("title", "Technology Watch 2026-Q3"),
            ("doc_id", "HX-SI-2026-Q3"),
            ("owner", "Innovation Office"),
            ("date", "2026-10-05"),
        )
    )
    text += """
# Technology Watch 2026-Q3

Date: 2026-10-05. Distribution: Innovation Board, research directors.

## Key questions

Framed with the research directors in July:

1. Which edge and AI technologies will reach our partners' products by 2028?
2. Where do competitors file patents in our innovation areas?

## Key trends

- **Energy-aware edge orchestration** is emerging in vendor roadmaps; three vendors announced products.
- **Federated learning audits**: regulators ask for evidence of data protection in model training.
- Weak signals: first sub-milliwatt wake-up radios in chip vendor samples.

## Competitors and markets

Two industrial labs doubled their patent filings on edge workload placement (48 families in 2026).
The market for AI conformity testing grows with the AI Act; customers are medical device makers and
banks.

## Regulation

The EU AI Act harmonised standards are delayed to 2027; the SEP regulation is still under debate.

## Implications for Helix

- Recommendation: accelerate the OrchestraAI contribution to ITU-T SG13 before vendors fix the architecture.
- Recommendation: keep FedTrust aligned with the ISO/IEC JTC 1/SC 42 drafts.
"""
    write_text(path, text)


def helix_trend_radar(path: Path) -> None:
    write_pdf(
        path,
        title="Trend Radar 2026",
        author="Innovation Office",
        control=(("Document ID", "HX-SI-2026-R"), ("Date", "14 April 2026"), ("Owner", "Innovation Office")),
        blocks=[
            h1("Scope"),
            para("Strategic intelligence for the four innovation areas; horizon scanning of 2026 to 2032."),
            h1("Key trends"),
            grid(
                ["Trend", "Ring", "Area", "Implications"],
                ["AI conformity assessment under the AI Act", "Act now", "A1", "Scale TrustBench services"],
                ["Non-terrestrial networks in 3GPP", "Prepare", "A2", "Start NTN concept; delegate to SA2"],
                ["WLAN sensing (IEEE 802.11bf)", "Act now", "A3", "License SenseKit after ballot"],
                ["Grid digital twins", "Prepare", "A4", "Open-source strategy for GridTwin"],
            ),
            h1("Weak signals"),
            para(
                "Quantum-safe key exchange in edge nodes; energy labels for AI models proposed in two "
                "member states."
            ),
            h1("Competitors and patents"),
            para("Patent landscape: 310 new families in our fields in 2025, 40 per cent by two competitors."),
            h1("Recommendations"),
            para("The Innovation Board should prioritise A1 and fund an NTN concept in 2026."),
        ],
    )


def helix_landscape(path: Path) -> None:
    write_docx(
        path,
        title="Standards Landscape Report 2026-H2",
        control=(
            ("Document ID", "HX-STD-2026-H2"),
            ("Date", "30 September 2026"),
            ("Owner", "Head of Standardization Office"),
            ("Status", "Final"),
        ),
        footer="HX-STD-2026-H2 Standards landscape report",
        blocks=[
            h1("Work programmes"),
            grid(
                ["SDO / committee", "Work item", "Stage", "Next milestone"],
                [
                    "ISO/IEC JTC 1/SC 42",
                    "New work item on robustness of federated models",
                    "Approved new work item",
                    "Working draft 1, March 2027",
                ],
                [
                    "ITU-T SG13",
                    "Draft Recommendation Y.edge-orch",
                    "Under study (Helix editor)",
                    "Consent planned July 2027",
                ],
                ["3GPP TSG RAN / SA2", "Release 20 NTN study items", "Study", "Release freeze 2027"],
                ["IEEE 802.11", "802.11bf WLAN sensing", "Letter ballot closed", "Sponsor ballot 2027"],
                ["ITU-T SG20", "IoT energy efficiency framework", "Draft", "Next meeting January 2027"],
            ),
            h1("Competitor contributions"),
            para(
                "Other companies active in the same groups: two network vendors submitted 41 contributions "
                "to",
                "SA2 on NTN mobility; a competitor institute leads the SC 42 robustness item. Contributors "
                "from",
                "three chip makers support our 802.11bf sensing proposals.",
            ),
            h1("SEP declarations"),
            para(
                "SEP declarations by others were checked in the ETSI IPR database, the ITU patent statement",
                "database and the IEEE letters of assurance: 12 new declarations on NTN mobility, two of "
                "them",
                "late declarations on drafts we edit.",
            ),
            h1("Implications"),
            bullets(
                "Opportunity: lead the SC 42 federated robustness item with the FedTrust metric.",
                "Threat: vendor SEPs on NTN handover; recommendation to file the NTN-Link application "
                "before the next SA2 meeting.",
            ),
        ],
    )


HELIX_PEOPLE = (
    # name, role, required competence, current level, gap, action, last assessed
    (
        "Dr. Jonas Reuter",
        "Head of Innovation",
        "Innovation management, portfolio management, design thinking",
        "Expert",
        "None",
        "-",
        date(2026, 3, 12),
    ),
    (
        "Dr. Li Wen",
        "Head of Standardization Office",
        "SDO procedures and directives, ballot and voting rules, IPR policy and FRAND, negotiation and "
        "chairing",
        "Expert",
        "None",
        "-",
        date(2026, 3, 12),
    ),
    (
        "Dr. Elif Kaya",
        "Delegate ITU-T SG13, rapporteur",
        "ITU-T working procedures, drafting of Recommendations, consensus building",
        "Expert",
        "None",
        "-",
        date(2026, 3, 12),
    ),
    (
        "Dr. Chen Rui",
        "Delegate 3GPP TSG RAN WG1",
        "3GPP working procedures, tdoc drafting, ETSI IPR policy",
        "Advanced",
        "Chairing skills",
        "Chairing course 2026",
        date(2026, 3, 12),
    ),
    (
        "Dr. Marco Bianchi",
        "Editor IEEE 802.11",
        "IEEE SA patent policy, editing, letter ballot comment resolution",
        "Expert",
        "None",
        "-",
        date(2026, 3, 12),
    ),
    (
        "Dr. Priya Raman",
        "Expert ISO/IEC JTC 1/SC 42, initiative lead",
        "ISO/IEC Directives Part 1 and Part 2 drafting rules, design thinking, experimentation",
        "Advanced",
        "Directives Part 2 drafting",
        "Drafting workshop 2026",
        date(2026, 3, 12),
    ),
    (
        "Dr. Lukas Becker",
        "Expert ISO/IEC JTC 1/SC 41",
        "ISO/IEC Directives, consensus building",
        "Intermediate",
        "Negotiation",
        "Negotiation training 2026",
        date(2026, 3, 12),
    ),
    (
        "Dr. Ingrid Solberg",
        "Delegate ITU-T SG20",
        "ITU-T working procedures, intellectual property",
        "Intermediate",
        "Drafting",
        "Drafting workshop 2026",
        date(2026, 3, 12),
    ),
    (
        "Dr. Hugo Marchetti",
        "Research director, sponsor",
        "Innovation strategy, business model design, IP",
        "Expert",
        "None",
        "-",
        date(2026, 3, 12),
    ),
    (
        "Sara Lindqvist",
        "Head of IP Office",
        "Patent law, SEP declarations, FRAND licensing",
        "Expert",
        "None",
        "-",
        date(2026, 3, 12),
    ),
)


def helix_competence(path: Path) -> None:
    header = ("Name", "Role", "Required competence", "Current level", "Gap", "Action", "Last assessed")
    write_xlsx(
        path,
        title="Competence Matrix - Innovation and Standardization",
        sheets=[
            sheet(
                "Matrix",
                header,
                HELIX_PEOPLE,
                heading="Competence matrix - innovation and standardization roles",
                control=(("Document ID", "HX-HR-019"), ("Owner", "Head of HR"), ("Version", "2026.1")),
                widths=(22, 36, 70, 14, 24, 28, 13),
            )
        ],
    )


def helix_training(path: Path) -> None:
    write_csv(
        path,
        ("Name", "Course", "Date", "Provider", "Result", "Effectiveness evaluated"),
        [
            (
                "Dr. Chen Rui",
                "Chairing international meetings",
                date(2026, 4, 16),
                "ETSI Academy",
                "Completed",
                "Yes: chaired RAN1 offline session in August",
            ),
            (
                "Dr. Priya Raman",
                "ISO/IEC Directives Part 2 drafting workshop",
                date(2026, 5, 6),
                "National standards body",
                "Completed",
                "Yes: draft accepted without editorial comments",
            ),
            (
                "Dr. Lukas Becker",
                "Negotiation and consensus building",
                date(2026, 6, 10),
                "Helix Academy",
                "Completed",
                "Yes: supervisor review September 2026",
            ),
            (
                "Dr. Ingrid Solberg",
                "ISO/IEC Directives Part 2 drafting workshop",
                date(2026, 5, 6),
                "National standards body",
                "Completed",
                "Yes: first ITU-T contribution accepted",
            ),
            (
                "12 initiative leads",
                "Design thinking bootcamp",
                date(2026, 2, 24),
                "Innovation Office",
                "Completed",
                "Yes: 9 of 12 used the method in a concept paper",
            ),
            (
                "8 researchers",
                "Lean start-up experiments",
                date(2026, 9, 8),
                "Technology Transfer",
                "Completed",
                "Pending: evaluation at gate reviews in Q4",
            ),
            (
                "Dr. Tariq Haddad",
                "3GPP working procedures for new delegates",
                date(2026, 10, 14),
                "ETSI Academy",
                "Completed",
                "Planned at first SA2 meeting report",
            ),
        ],
    )


def helix_awareness(path: Path) -> None:
    write_csv(
        path,
        ("Session date", "Topic", "Delivered by", "Audience", "Attendees"),
        [
            (
                date(2026, 1, 29),
                "Innovation strategy 3.1 and innovation objectives 2026",
                "Director",
                "All staff",
                212,
            ),
            (
                date(2026, 2, 12),
                "Innovation policy, idea platform and innovation time",
                "Head of Innovation",
                "New staff induction",
                23,
            ),
            (
                date(2026, 4, 9),
                "Standardization policy and the staged awards",
                "Head of Standardization Office",
                "Researchers",
                87,
            ),
            (date(2026, 6, 11), "Competition law in standards meetings", "Legal Counsel", "Delegates", 11),
            (
                date(2026, 9, 10),
                "Innovation policy and IP rules for new staff",
                "Head of IP Office",
                "New staff induction",
                19,
            ),
        ],
    )


def helix_communication(path: Path) -> None:
    header = ("What", "When", "With whom", "How", "Who communicates")
    rows = [
        (
            "Innovation vision and innovation strategy",
            "January, after approval",
            "All staff",
            "All-hands meeting, intranet",
            "Director",
        ),
        (
            "Innovation policy",
            "At induction; on change",
            "New staff, partners",
            "Induction, website",
            "Head of Innovation",
        ),
        (
            "Portfolio decisions and new initiatives",
            "Quarterly",
            "Researchers",
            "Newsletter",
            "Innovation Office",
        ),
        (
            "Idea campaign results and feedback to submitters",
            "After each campaign",
            "Submitters, all staff",
            "Idea platform",
            "Innovation Office",
        ),
        (
            "Standards under development",
            "Monthly",
            "Researchers",
            "Standards Bulletin",
            "Standardization Office",
        ),
        (
            "Innovation results for partners",
            "Twice a year",
            "Industry partners, funders",
            "Partner day, website",
            "Head of Technology Transfer",
        ),
        (
            "Publications and conference talks (after pre-publication review for confidentiality)",
            "Continuous",
            "Scientific community",
            "Papers, conferences",
            "Authors, cleared by IP Office",
        ),
    ]
    write_xlsx(
        path,
        title="IMS Communication Plan",
        sheets=[
            sheet(
                "Plan",
                header,
                rows,
                heading="Communication plan - innovation management system",
                control=helix_control("HX-IMS-020", "2026.1", "IMS Coordinator", "2026-01-27", "2027-01-31"),
                widths=(60, 26, 28, 28, 30),
            )
        ],
    )


def helix_culture_survey(path: Path) -> None:
    """The last culture survey, of autumn 2024: past its two-year cycle (the repeat is planned, an OFI)."""
    write_pdf(
        path,
        title="Innovation Culture Survey 2024 - Results",
        author="HR",
        control=(("Document ID", "HX-HR-CS-2024"), ("Date", "15 October 2024"), ("Owner", "Head of HR")),
        blocks=[
            h1("Method"),
            para("Online survey in September 2024; 268 respondents, response rate 66 per cent."),
            h1("Results"),
            grid(
                ["Dimension", "Score (1-5)", "Change vs 2022"],
                ["Openness and curiosity, open to new ideas", "4.1", "+0.2"],
                ["Risk-taking and tolerance for failure", "3.2", "+0.3"],
                ["Collaboration across departments", "3.6", "0.0"],
                ["Leadership support for innovation", "3.8", "+0.4"],
                ["Psychological safety to speak up", "3.9", "+0.1"],
            ),
            h1("Action plan"),
            bullets(
                "Leaders discuss one stopped initiative per quarter as a learning case.",
                "Cross-department innovation days twice a year.",
                "Next survey: autumn 2026.",
            ),
        ],
    )


def helix_curriculum(path: Path) -> None:
    write_docx(
        path,
        title="Standardization Curriculum 2026",
        control=helix_control(
            "HX-STD-021", "2026.1", "Head of Standardization Office", "15 December 2025", "31 December 2026"
        ),
        footer="HX-STD-021 Standardization curriculum 2026",
        blocks=[
            h1("Audience"),
            para(
                "The curriculum is for delegates, project leaders, PhD students and researchers who want to",
                "contribute to standards. The target group for module 1 is every new researcher.",
            ),
            h1("Modules"),
            grid(
                ["Module", "Content", "Learning outcomes", "Hours"],
                [
                    "1 Introduction to standardization",
                    "Principles of standardization, the standards system, why standards matter for research",
                    "Explain how a research result becomes a standard",
                    "4",
                ],
                [
                    "2 SDO procedures",
                    "ISO/IEC Directives, ITU-T working procedures, 3GPP and IEEE SA rules, ballot and voting",
                    "Prepare a contribution for a meeting",
                    "8",
                ],
                [
                    "3 Drafting standards",
                    "Drafting rules of ISO/IEC Directives Part 2, editing tools",
                    "Draft a clause in the required form",
                    "8",
                ],
                [
                    "4 IPR, SEP and patent policy",
                    "Common patent policy, ETSI IPR policy, IEEE letters of assurance, FRAND",
                    "Decide what to file before a contribution",
                    "6",
                ],
                [
                    "5 Standardization strategy",
                    "Link to business strategy, lead or follow decisions, standards landscape",
                    "Write a standardization work package",
                    "4",
                ],
                [
                    "6 Negotiation and chairing",
                    "Consensus building, negotiation, chairing meetings",
                    "Lead a drafting session",
                    "6",
                ],
            ),
            h1("University cooperation"),
            para(
                "Modules 1 to 4 are taught jointly with the Northern Technical University as a master's",
                "module in its standardization engineering track; two master thesis topics per year are",
                "supervised at Helix.",
            ),
        ],
    )


def helix_incentives(path: Path) -> None:
    write_pdf(
        path,
        title="Standardization Incentives and Recognition",
        author="HR",
        control=helix_control("HX-HR-022", "2.0", "Head of HR", "24 June 2025", "30 June 2027"),
        blocks=[
            h1("Purpose"),
            para(
                "Standards are research outputs at Helix. These rules reward each stage a standard passes "
                "and",
                "count standardization work in careers.",
            ),
            h1("Award levels"),
            grid(
                ["Stage reached", "Award"],
                ["Contribution accepted into a draft (accepted contribution)", "EUR 500 team bonus"],
                ["Draft reaches committee draft or enquiry (DIS) stage with a Helix editor", "EUR 2,000"],
                ["Standard published with a Helix editor or project leader", "EUR 5,000"],
                [
                    "Adopted as an international standard (ISO, IEC, ITU) from a national or consortium "
                    "document",
                    "EUR 8,000",
                ],
            ),
            h1("Career credit"),
            para(
                "In performance appraisal and promotion decisions a published standard with a Helix editor "
                "is",
                "counted as equivalent to a first-author journal article; editor, rapporteur and convenor",
                "roles count as 20 points each in the professional title evaluation.",
            ),
            h1("Funding of standardization work"),
            para(
                "The Standardization Office budget pays membership fees and delegate travel. Editors and",
                "rapporteurs get release time of up to 0.3 FTE from their projects; seed funding of up to",
                "EUR 30,000 helps turn a research result into a first contribution.",
            ),
        ],
    )


def helix_awards(path: Path) -> None:
    write_csv(
        path,
        ("Name", "Award", "Stage", "Date", "Amount (EUR)"),
        [
            (
                "Dr. Marco Bianchi and team",
                "Standardization award",
                "Draft stage: IEEE 802.11bf D6.0 with Helix editor",
                date(2025, 12, 10),
                2000,
            ),
            (
                "Dr. Elif Kaya",
                "Standardization award",
                "Contribution accepted: ITU-T SG13 C-412",
                date(2026, 3, 18),
                500,
            ),
            (
                "Dr. Priya Raman and team",
                "Standardization award",
                "Standard published: ISO/IEC TS 42119-3 (editor)",
                date(2026, 5, 20),
                5000,
            ),
            (
                "Dr. Chen Rui",
                "Standardization award",
                "Contribution accepted: R1-2604418",
                date(2026, 6, 2),
                500,
            ),
            (
                "Dr. Ingrid Solberg",
                "Standardization award",
                "Contribution accepted: ITU-T SG20 C-118",
                date(2026, 9, 24),
                500,
            ),
        ],
    )


def helix_doc_control(path: Path) -> None:
    write_pdf(
        path,
        title="Control of Documented Information",
        author="IMS Coordinator",
        control=helix_control("HX-IMS-023", "2.1", "IMS Coordinator", "20 May 2025", "31 May 2027"),
        blocks=[
            h1("Identification and approval"),
            para(
                "Every controlled document has a document ID, a version, an owner and an approver. Documents",
                "are reviewed and approved before issue; the master document list records the status.",
            ),
            h1("Distribution and access"),
            para(
                "Current documents are distributed through the document management system; access rights",
                "follow the classification (public, internal, confidential, restricted).",
            ),
            h1("Version control and changes"),
            para(
                "Each revision gets a new version and a change note; superseded versions are archived and",
                "marked obsolete.",
            ),
            h1("Retention and disposal"),
            para(
                "Records are retained for ten years after the end of a project, then disposed of by the IMS",
                "Coordinator unless a funder requires longer retention.",
            ),
            h1("Documents of external origin"),
            para(
                "Standards, SDO documents and partner documents of external origin are registered with their",
                "source and version; SDO rules on their distribution apply.",
            ),
        ],
    )


def helix_master_list(path: Path) -> None:
    header = ("Doc ID", "Title", "Version", "Owner", "Approved on", "Next review", "Status", "Retention")
    rows = [
        (
            "HX-STR-001",
            "Innovation Strategy 2025-2030",
            "3.1",
            "Head of Innovation",
            date(2026, 1, 27),
            date(2027, 1, 31),
            "Approved",
            "Permanent",
        ),
        (
            "HX-POL-002",
            "Innovation Policy",
            "2.0",
            "Head of Innovation",
            date(2025, 3, 18),
            date(2028, 3, 31),
            "Approved",
            "Permanent",
        ),
        (
            "HX-IMS-003",
            "Scope of the Innovation Management System",
            "2.1",
            "Head of Innovation",
            date(2026, 1, 27),
            date(2027, 1, 31),
            "Approved",
            "Permanent",
        ),
        (
            "HX-PRO-013",
            "Innovation Process Handbook",
            "4.0",
            "Head of Innovation",
            date(2026, 3, 16),
            date(2027, 3, 31),
            "Approved",
            "Permanent",
        ),
        (
            "HX-IMS-012",
            "Innovation Portfolio Register",
            "2026.3",
            "Head of Innovation",
            date(2026, 9, 22),
            date(2026, 12, 31),
            "Approved",
            "10 years",
        ),
        (
            "HX-STD-001",
            "Standardization Strategy 2025-2030",
            "2.0",
            "Head of Standardization Office",
            date(2025, 6, 24),
            date(2027, 6, 30),
            "Approved",
            "Permanent",
        ),
        (
            "HX-STD-003",
            "Standardization Procedure",
            "3.0",
            "Head of Standardization Office",
            date(2026, 2, 2),
            date(2027, 2, 28),
            "Approved",
            "Permanent",
        ),
        (
            "HX-IP-017",
            "IP Management Procedure",
            "3.2",
            "Head of IP Office",
            date(2025, 11, 12),
            date(2027, 11, 30),
            "Approved",
            "Permanent",
        ),
        (
            "HX-IMS-023",
            "Control of Documented Information",
            "2.1",
            "IMS Coordinator",
            date(2025, 5, 20),
            date(2027, 5, 31),
            "Approved",
            "Permanent",
        ),
        (
            "HX-IMS-024",
            "Internal Audit Procedure",
            "2.0",
            "IMS Coordinator",
            date(2025, 5, 20),
            date(2027, 5, 31),
            "Approved",
            "Permanent",
        ),
    ]
    write_xlsx(
        path,
        title="Master Document List",
        sheets=[
            sheet(
                "Documents",
                header,
                rows,
                heading="Master list of controlled IMS documents",
                control=(("Document ID", "HX-IMS-025"), ("Owner", "IMS Coordinator")),
                widths=(12, 44, 9, 30, 12, 12, 10, 12),
            )
        ],
    )


def helix_std_strategy(path: Path) -> None:
    write_docx(
        path,
        title="Standardization Strategy 2025-2030",
        control=helix_control(
            "HX-STD-001", "2.0", "Head of Standardization Office", "24 June 2025", "30 June 2027"
        ),
        footer="HX-STD-001 Standardization Strategy 2025-2030 - v2.0",
        blocks=[
            h1("Why standardization"),
            para(
                "Standards are how our research reaches a whole market. This standardization strategy is "
                "part",
                "of the research strategy and the innovation strategy: it sets where Helix leads, follows or",
                "only watches standards work, and how a result travels the chain from technology to patent,",
                "to standard, to international standard.",
            ),
            h1("Priority fields"),
            grid(
                ["Technology field", "Position", "Target SDOs and committees"],
                ["Trustworthy AI testing", "Lead", "ISO/IEC JTC 1/SC 42, CEN-CENELEC JTC 21"],
                ["Edge-cloud orchestration", "Lead", "ITU-T SG13"],
                ["WLAN sensing", "Lead", "IEEE 802.11"],
                ["Non-terrestrial networks", "Follow", "3GPP TSG RAN and SA (via ETSI)"],
                ["IoT energy efficiency", "Follow", "ITU-T SG20, ISO/IEC JTC 1/SC 41"],
                ["Grid digital twins", "Watch", "IEC TC 57"],
            ),
            h1("From research to international standards"),
            para(
                "Each result on a standards route is first protected by a patent application, then "
                "contributed.",
                "Where no committee is ready, we start with a first-stage document (a CEN-CENELEC workshop",
                "agreement, a consortium specification or a national standard) and carry it to international",
                "level through a new work item proposal, the ISO publicly available specification route or",
                "fast-track procedures, and by liaison with the international committee.",
            ),
            h1("Objectives and horizon"),
            grid(
                ["Objective", "Target by 2027", "Target by 2030"],
                ["Share of funded projects with a standards output", "50%", "60%"],
                ["Contributions submitted per year", "40", "60"],
                ["Editor, rapporteur or convenor roles held", "6", "10"],
                ["Standards published with a Helix editor (cumulative)", "6", "12"],
            ),
            h1("Resources"),
            para(
                "The standardization budget covers membership fees (EUR 96,000 per year), delegate travel",
                "(EUR 180,000) and 3.5 FTE in the Standardization Office; staff time of delegates is planned",
                "in the projects' standardization work packages.",
            ),
            h1("Education"),
            para(
                "We co-teach a standardization engineering module with the Northern Technical University and",
                "supervise master thesis topics on standards.",
            ),
        ],
    )


def helix_std_policy(path: Path) -> None:
    text = front_matter(
        (
            ("title", "Standardization Policy"),
            ("doc_id", "HX-STD-004"),
            ("version", "1.2"),
            ("owner", "Head of Standardization Office"),
            ("approved_by", DIRECTOR),
            ("approved_on", "2025-06-24"),
            ("review_due", "2027-06-30"),
            ("status", "approved"),
        )
    )
    text += f"""
# Standardization Policy

The {HELIX} commits to taking its research results into standards, because standards carry
research into use across whole markets. Following the EU code of practice on standardisation in the
European Research Area, we commit to:

1. Plan standardization from the start of every research project and count standards as research outputs.
2. Take part in standards bodies openly and in good faith, seeking consensus.
3. Disclose patents that may be essential, early and according to the patent policy of each SDO, and
   license our standard essential patents on fair, reasonable and non-discriminatory (FRAND) terms;
   the Director decides on each licensing declaration on the advice of the IP Office.
4. Follow competition law and the antitrust guidelines of each SDO in every meeting.
5. Protect confidential information of Helix and of our partners; nothing is contributed without
   the IP review and the approval of the Standardization Office.
"""
    write_text(path, text)


def helix_memberships(path: Path) -> None:
    header = (
        "SDO",
        "Membership type",
        "Via",
        "Since",
        "Renewal date",
        "Contact",
        "Committees followed",
        "Annual fee (EUR)",
    )
    rows = [
        (
            "ISO/IEC JTC 1",
            "Expert participation through national body",
            "National body mirror committee NK 42 and NK 41",
            date(2019, 3, 1),
            date(2027, 1, 1),
            "Dr. Li Wen",
            "SC 42, SC 41",
            6000,
        ),
        (
            "ITU-T",
            "Academia member",
            "Direct (national administration endorsed)",
            date(2018, 9, 1),
            date(2027, 1, 1),
            "Dr. Li Wen",
            "SG13, SG20",
            4000,
        ),
        (
            "3GPP",
            "Individual Member",
            "ETSI (organizational partner)",
            date(2020, 5, 1),
            date(2027, 1, 1),
            "Dr. Chen Rui",
            "TSG RAN WG1, TSG SA WG2",
            0,
        ),
        (
            "ETSI",
            "Full member (research body)",
            "Direct",
            date(2020, 5, 1),
            date(2027, 1, 1),
            "Dr. Li Wen",
            "TC SmartM2M (watch)",
            17000,
        ),
        (
            "IEEE SA",
            "Entity member",
            "Direct",
            date(2021, 2, 1),
            date(2027, 2, 1),
            "Dr. Marco Bianchi",
            "IEEE 802.11",
            9500,
        ),
        (
            "CEN-CENELEC",
            "Liaison through national member",
            "National body",
            date(2023, 1, 1),
            date(2027, 1, 1),
            "Dr. Hugo Marchetti",
            "JTC 21",
            0,
        ),
    ]
    write_xlsx(
        path,
        title="SDO Membership Register",
        sheets=[
            sheet(
                "Memberships",
                header,
                rows,
                heading="SDO memberships 2026",
                control=(("Document ID", "HX-STD-005"), ("Owner", "Head of Standardization Office")),
                widths=(16, 40, 46, 12, 12, 20, 24, 14),
            )
        ],
    )


HELIX_DELEGATES = (
    (
        "Dr. Elif Kaya",
        "ITU-T",
        "SG13 Question 20",
        "Rapporteur and editor",
        "Edge orchestration; positions per position brief",
        date(2022, 3, 1),
        "Dr. Li Wen",
    ),
    (
        "Dr. Ingrid Solberg",
        "ITU-T",
        "SG20 Working Party 1",
        "Delegate",
        "IoT energy efficiency; no commitments on work items outside it",
        date(2025, 1, 15),
        "Dr. Li Wen",
    ),
    (
        "Dr. Chen Rui",
        "3GPP",
        "TSG RAN WG1",
        "Delegate",
        "NTN physical layer; contributions approved by the office",
        date(2021, 6, 1),
        "Dr. Li Wen",
    ),
    (
        "Dr. Tariq Haddad",
        "3GPP",
        "TSG SA WG2",
        "Delegate",
        "NTN mobility and handover",
        date(2026, 9, 1),
        "Dr. Li Wen",
    ),
    (
        "Dr. Marco Bianchi",
        "IEEE SA",
        "IEEE 802.11 TGbf",
        "Editor",
        "WLAN sensing amendment",
        date(2021, 2, 1),
        "Dr. Li Wen",
    ),
    (
        "Dr. Priya Raman",
        "ISO/IEC JTC 1",
        "SC 42 WG 3",
        "Expert and project editor",
        "Robustness and federated learning",
        date(2023, 4, 1),
        "Dr. Li Wen",
    ),
    (
        "Dr. Lukas Becker",
        "ISO/IEC JTC 1",
        "SC 41 WG 6",
        "Expert",
        "Digital twin reference architecture",
        date(2024, 9, 1),
        "Dr. Li Wen",
    ),
)


def helix_delegates(path: Path) -> None:
    """The delegate register; Dr. Tariq Haddad (SA2, since September) is not in the competence matrix yet."""
    header = ("Name", "SDO", "Committee / working group", "Role", "Mandate", "Since", "Approved by")
    write_xlsx(
        path,
        title="Delegate Register",
        sheets=[
            sheet(
                "Delegates",
                header,
                HELIX_DELEGATES,
                heading="Register of standardization delegates and experts",
                control=(("Document ID", "HX-STD-006"), ("Owner", "Head of Standardization Office")),
                widths=(20, 14, 24, 24, 60, 12, 14),
            )
        ],
    )


def helix_contributions(path: Path) -> None:
    """The SDO contribution log; R1-2605960 went out in August without a recorded IP review (a gap)."""
    write_csv(
        path,
        (
            "Contribution ID",
            "Date",
            "SDO",
            "Meeting",
            "Title",
            "Project ID",
            "Author",
            "IP review",
            "Approved by",
            "Status",
        ),
        [
            (
                "ITU-T SG13 C-412",
                date(2026, 2, 20),
                "ITU-T",
                "SG13 plenary March 2026",
                "Energy-aware placement for edge orchestration",
                "HX-P-2401",
                "Dr. Elif Kaya",
                "Cleared 2026-02-16 S. Lindqvist",
                "Dr. Li Wen",
                "Accepted",
            ),
            (
                "R1-2604418",
                date(2026, 5, 11),
                "3GPP",
                "TSG RAN WG1 #125",
                "NTN timing advance for LEO links",
                "HX-P-2403",
                "Dr. Chen Rui",
                "Cleared 2026-05-04 S. Lindqvist",
                "Dr. Li Wen",
                "Agreed",
            ),
            (
                "11-26/0871r1",
                date(2026, 5, 18),
                "IEEE SA",
                "IEEE 802.11 May 2026 interim",
                "Sensing measurement setup comments",
                "HX-P-2302",
                "Dr. Marco Bianchi",
                "Cleared 2026-05-12 S. Lindqvist",
                "Dr. Li Wen",
                "Accepted",
            ),
            (
                "JTC1/SC42 N 1288",
                date(2026, 6, 22),
                "ISO/IEC JTC 1",
                "SC 42 WG 3 June 2026",
                "Leakage metric for federated models",
                "HX-P-2402",
                "Dr. Priya Raman",
                "Cleared 2026-06-15 S. Lindqvist",
                "Dr. Li Wen",
                "Noted",
            ),
            (
                "R1-2605960",
                date(2026, 8, 17),
                "3GPP",
                "TSG RAN WG1 #126",
                "Doppler pre-compensation for NTN uplink",
                "HX-P-2403",
                "Dr. Chen Rui",
                "",
                "Dr. Li Wen",
                "Revised",
            ),
            (
                "ITU-T SG20 C-118",
                date(2026, 9, 8),
                "ITU-T",
                "SG20 September 2026",
                "Energy metrics for IoT gateways",
                "HX-P-2501",
                "Dr. Ingrid Solberg",
                "Cleared 2026-09-01 S. Lindqvist",
                "Dr. Li Wen",
                "Accepted",
            ),
            (
                "11-26/1420r0",
                date(2026, 9, 14),
                "IEEE SA",
                "IEEE 802.11 September 2026 interim",
                "Comment resolution for D7.0",
                "HX-P-2302",
                "Dr. Marco Bianchi",
                "Cleared 2026-09-09 S. Lindqvist",
                "Dr. Li Wen",
                "Accepted",
            ),
            (
                "ITU-T SG13 TD-233",
                date(2026, 10, 19),
                "ITU-T",
                "SG13 Q20 rapporteur meeting October 2026",
                "Draft Y.edge-orch: architecture clause",
                "HX-P-2401",
                "Dr. Elif Kaya",
                "Cleared 2026-10-12 S. Lindqvist",
                "Dr. Li Wen",
                "Submitted",
            ),
        ],
    )


def helix_sep_declarations(path: Path) -> None:
    write_csv(
        path,
        ("Patent", "Standard", "SDO", "Declaration type", "Date", "Status"),
        [
            (
                "EP 25 201 774",
                "IEEE 802.11bf",
                "IEEE SA",
                "Letter of assurance (RAND)",
                date(2025, 11, 3),
                "Accepted by IEEE SA",
            ),
            (
                "EP 26 160 411",
                "Draft ITU-T Y.edge-orch",
                "ITU-T",
                "Patent statement option 2 (RAND)",
                date(2026, 3, 5),
                "Published in ITU patent database",
            ),
            (
                "EP 25 190 118",
                "ISO/IEC TS 42119-3",
                "ISO/IEC JTC 1",
                "Patent statement option 2 (RAND)",
                date(2025, 10, 2),
                "Published",
            ),
        ],
    )


def helix_patent_mapping(path: Path) -> None:
    header = ("Patent", "Claim", "Standard", "Clause", "Essentiality", "Last updated")
    rows = [
        (
            "EP 25 201 774",
            "1, 7",
            "IEEE 802.11bf D7.0",
            "11.55.2 sensing measurement setup",
            "Likely essential",
            date(2026, 9, 20),
        ),
        (
            "EP 26 160 411",
            "1",
            "Draft Y.edge-orch",
            "7.3 placement function",
            "Likely essential",
            date(2026, 10, 15),
        ),
        (
            "EP 26 171 052",
            "1-4",
            "Draft Y.edge-orch",
            "7.5 migration",
            "Not essential (alternative exists)",
            date(2026, 10, 15),
        ),
        (
            "EP 25 190 118",
            "2",
            "ISO/IEC TS 42119-3",
            "6.2 robustness test procedure",
            "Essential",
            date(2026, 5, 20),
        ),
    ]
    write_xlsx(
        path,
        title="Patent-to-Standard Mapping",
        sheets=[
            sheet(
                "Mapping",
                header,
                rows,
                heading="Patent-to-standard mapping (claim charts summary)",
                control=(("Document ID", "HX-IP-026"), ("Owner", "Head of IP Office")),
                widths=(16, 8, 24, 36, 30, 13),
            )
        ],
    )


def helix_std_procedure(path: Path) -> None:
    write_docx(
        path,
        title="Standardization Procedure",
        control=helix_control(
            "HX-STD-003", "3.0", "Head of Standardization Office", "2 February 2026", "28 February 2027"
        ),
        footer="HX-STD-003 Standardization Procedure - v3.0",
        blocks=[
            h1("Scope and roles"),
            para(
                "This procedure applies to every contribution, comment and vote Helix submits to a standards",
                "body. Project leaders and delegates draft; the IP Office reviews; the Head of the",
                "Standardization Office approves; the Legal Counsel handles export control and competition "
                "law.",
            ),
            h1("Drafting and internal review"),
            para(
                "The author drafts the contribution and asks a peer in the project for review at least ten "
                "days",
                "before the SDO's contribution deadline.",
            ),
            h1("IP review"),
            para(
                "Before submission every contribution gets an IP review by the IP Office: it checks whether "
                "the",
                "content discloses an invention, and if so a patent application is filed first so that the",
                "priority date precedes the submission. The outcome is recorded in the contribution log.",
            ),
            h1("Patent disclosure and licensing declarations"),
            para(
                "Helix discloses patents that may be essential according to the policy of each SDO: the",
                "ITU-T/ITU-R/ISO/IEC common patent policy (patent statement and licensing declaration), the",
                "ETSI IPR policy (FRAND undertaking) and the IEEE SA patent policy (letter of assurance). "
                "The",
                "Director approves every declaration; our default commitment is to license on reasonable and",
                "non-discriminatory (RAND/FRAND) terms.",
            ),
            h1("Confidentiality, export control and competition law"),
            para(
                "The IP review also checks confidential information of partners under the consortium",
                "agreement or NDA. The Export Control Officer classifies the technology described (dual-use",
                "check) before first submission in a field. Delegates follow the antitrust guidelines of "
                "each",
                "SDO and the competition law briefing of the Legal Counsel.",
            ),
            h1("Approval and submission"),
            para(
                "The Head of the Standardization Office approves the contribution; only then may the author",
                "submit or upload it to the SDO portal.",
            ),
            h1("SDO documents"),
            para(
                "Member-only drafts are stored with restricted access for authorized staff; SDO copyright "
                "and",
                "distribution rules apply and documents are not distributed outside the committee. "
                "Delegates use",
                "the latest version from the SDO portal; superseded drafts are removed from project folders.",
            ),
            h1("Records"),
            para(
                "The contribution log records each contribution with its IP review, approval and status; "
                "meeting",
                "reports and position briefs are filed per meeting.",
            ),
        ],
    )


def helix_projects(path: Path) -> None:
    """Projects with their standardization screening; a screened project without potential says "None".

    That is a recorded screening result, as real registers write it; imsaudit's register checks
    currently read "None" as an empty cell (an engine issue, not a gap of the institute).
    """
    header = (
        "Project ID",
        "Project",
        "Funding",
        "Start date",
        "Standardization potential",
        "Pathway",
        "Target SDO",
        "Standards output",
    )
    rows = [
        (
            "HX-P-2301",
            "AURORA edge AI for factories",
            "Horizon Europe",
            date(2023, 1, 1),
            "High",
            "Contributions to draft Recommendation",
            "ITU-T SG13",
            "Y.edge-orch (editor)",
        ),
        (
            "HX-P-2302",
            "SENSEWAVE WLAN sensing",
            "Industry (Voss) and national",
            date(2023, 4, 1),
            "High",
            "Amendment contributions",
            "IEEE 802.11",
            "802.11bf contributions",
        ),
        (
            "HX-P-2401",
            "ORCHESTRA edge orchestration",
            "National programme",
            date(2024, 1, 1),
            "High",
            "Draft Recommendation",
            "ITU-T SG13",
            "Y.edge-orch",
        ),
        (
            "HX-P-2402",
            "TRUST-METRICS AI testing",
            "Horizon Europe",
            date(2024, 9, 1),
            "High",
            "Technical specification, then international standard",
            "ISO/IEC JTC 1/SC 42",
            "TS 42119-3, new work item",
        ),
        (
            "HX-P-2403",
            "NTN-LINK satellite handover",
            "ESA and national",
            date(2024, 11, 1),
            "Medium",
            "Contributions to study items",
            "3GPP RAN1, SA2",
            "Tdocs",
        ),
        (
            "HX-P-2501",
            "QUIETNET low-power IoT",
            "National programme",
            date(2025, 3, 1),
            "Medium",
            "Contributions to framework Recommendation",
            "ITU-T SG20",
            "Contributions",
        ),
        (
            "HX-P-2502",
            "GRIDTWIN digital twin",
            "Regional",
            date(2025, 6, 1),
            "Low",
            "Watch only",
            "IEC TC 57",
            "None planned",
        ),
        (
            "HX-P-2601",
            "MEDFED federated learning",
            "Horizon Europe",
            date(2026, 1, 1),
            "High",
            "CEN-CENELEC workshop agreement, then ISO/IEC new work item",
            "CEN-CENELEC JTC 21, SC 42",
            "CWA planned 2027",
        ),
        (
            "HX-P-2602",
            "LOOP materials informatics",
            "Industry",
            date(2026, 4, 1),
            "None",
            "Not applicable",
            "-",
            "None",
        ),
    ]
    write_xlsx(
        path,
        title="Project Register with Standardization Screening",
        sheets=[
            sheet(
                "Projects",
                header,
                rows,
                heading="Research projects and standardization screening",
                control=(("Document ID", "HX-STD-007"), ("Owner", "Head of Standardization Office")),
                widths=(11, 34, 28, 12, 14, 46, 26, 26),
            )
        ],
    )


def helix_wp_plan(path: Path) -> None:
    write_docx(
        path,
        title="MEDFED WP7 Standardization Plan",
        control=(
            ("Document ID", "HX-P-2601-WP7"),
            ("Version", "1.1"),
            ("Owner", "Dr. Priya Raman"),
            ("Approved by", "Dr. Li Wen, Head of Standardization Office"),
            ("Approved on", "20 March 2026"),
        ),
        footer="MEDFED WP7 standardization work package",
        blocks=[
            h1("Objectives of the standardization work package"),
            para(
                "WP7 takes MEDFED's validation methods for federated learning into standards, so that "
                "hospitals",
                "can show conformity with the AI Act with a recognised method.",
            ),
            h1("Target committees"),
            para(
                "CEN-CENELEC JTC 21 (technical committee for AI), ISO/IEC JTC 1/SC 42 working group 3, with",
                "liaison to ITU-T SG13 focus group work on AI for health.",
            ),
            h1("Deliverables"),
            grid(
                ["Deliverable", "Type", "Month", "Responsible"],
                [
                    "D7.1 Pre-normative test data set and reference implementation of the leakage metric",
                    "Pre-normative output",
                    "M12",
                    "Dr. Priya Raman (task leader)",
                ],
                [
                    "D7.2 CEN-CENELEC workshop agreement on federated model validation",
                    "CWA",
                    "M20",
                    "Dr. Priya Raman",
                ],
                [
                    "D7.3 Contribution to SC 42 and new work item proposal",
                    "Contribution, new work item",
                    "M24",
                    "Dr. Li Wen",
                ],
                [
                    "D7.4 Technical report on interoperability test results",
                    "Technical report",
                    "M30",
                    "Hospital partner lead",
                ],
            ),
            h1("Timeline aligned with SDO calendars"),
            para(
                "Milestones follow the SDO meeting calendar: the SC 42 plenary in April 2027, the CWA "
                "comment",
                "deadline in June 2027 and the ballot on the new work item in autumn 2027. The project's "
                "stage",
                "gate reviews (TRL 4 and TRL 6) are scheduled two months before each contribution deadline.",
            ),
            h1("Resources"),
            para(
                "18 person-months at Helix, 6 person-months at partners; budget EUR 140,000 including travel."
            ),
        ],
    )


def helix_position_brief(path: Path) -> None:
    text = front_matter(
        (
            ("title", "Position Brief - ITU-T SG13 Q20 rapporteur meeting, October 2026"),
            ("doc_id", "HX-STD-PB-2026-10"),
            ("owner", "Dr. Elif Kaya"),
            ("approved_by", "Dr. Li Wen"),
            ("approved_on", "2026-10-12"),
        )
    )
    text += (
        """
# Position Brief - ITU-T SG13 Q20 rapporteur meeting, October 2026

Prepared by Dr. Elif Kaya, approved by Dr. Li Wen, coordinated with the national body delegation.

## Our positions

"""
        + md_table(
            (
                "Agenda item",
                "Our position",
                "Fallback",
            ),
            [
                (
                    "Architecture clause of draft Y.edge-orch",
                    "Support our contribution TD-233 as baseline",
                    "Accept merge with vendor text if the placement function stays",
                ),
                (
                    "Vendor proposal on centralized orchestration",
                    "Oppose as the only option",
                    "Accept as an informative annex",
                ),
                (
                    "New work item on energy labels",
                    "Support",
                    "Offer co-editor",
                ),
            ],
        )
        + """
## Planned contributions

- TD-233 Draft Y.edge-orch: architecture clause (IP review cleared 2026-10-12).

## Red lines

No text that makes our placement function optional without a technical reason.
"""
    )
    write_text(path, text)


def helix_meeting_report_itu(path: Path) -> None:
    text = front_matter(
        (
            ("title", "ITU-T SG13 meeting report, July 2026"),
            ("doc_id", "HX-STD-MR-2026-07"),
            ("owner", "Dr. Elif Kaya"),
            ("date", "2026-07-24"),
        )
    )
    text += (
        """
# ITU-T SG13 meeting report, July 2026

Date: 2026-07-24. Delegate: Dr. Elif Kaya (rapporteur Q20). Meeting: SG13 plenary, Geneva, 6-17 July 2026.

## Our contributions

"""
        + md_table(
            (
                "Document",
                "Title",
                "Outcome",
            ),
            [
                (
                    "C-412 rev",
                    "Energy-aware placement for edge orchestration",
                    "Accepted into the baseline of draft Y.edge-orch",
                ),
                (
                    "C-430",
                    "Use cases for orchestration in factories",
                    "Noted",
                ),
            ],
        )
        + """
## Decisions

- The study group decided to keep Y.edge-orch on track for consent in July 2027.
- A liaison statement was sent to 3GPP SA5 on energy metrics.

## Positions of other members

Our placement proposal was supported by two operators and opposed by one vendor, who prefers a
centralized design; other companies asked for more simulation results.

## Actions and next meeting

- Action (E. Kaya): prepare the architecture clause for the October rapporteur meeting.
- Next meeting: Q20 rapporteur meeting, October 2026 (online).
"""
    )
    write_text(path, text)


def helix_meeting_report_3gpp(path: Path) -> None:
    write_pdf(
        path,
        title="3GPP TSG RAN WG1 126 Meeting Report",
        author="Dr. Chen Rui",
        control=(("Document ID", "HX-STD-MR-2026-08"), ("Date", "29 August 2026"), ("Owner", "Dr. Chen Rui")),
        blocks=[
            h1("Meeting"),
            para("3GPP TSG RAN WG1 meeting 126, 17-21 August 2026. Delegate: Dr. Chen Rui."),
            h1("Our contributions"),
            grid(
                ["Tdoc", "Title", "Outcome"],
                [
                    "R1-2605960",
                    "Doppler pre-compensation for NTN uplink",
                    "Revised; to be merged in a way forward",
                ],
                ["R1-2605961", "Link budget for LEO handover", "Noted"],
            ),
            h1("Decisions"),
            para(
                "Agreement on the timing advance framework for NTN (includes our R1-2604418 text). The "
                "working",
                "group decided to study uplink Doppler pre-compensation further.",
            ),
            h1("Positions of other companies"),
            para(
                "Our proposal was supported by two operators and opposed by one chipset vendor; a competitor",
                "institute submitted a similar scheme.",
            ),
            h1("Actions"),
            para(
                "Merge proposal with the competitor institute before the next meeting; next meeting RAN1 "
                "127,",
                "November 2026.",
            ),
        ],
    )


def helix_bulletin(
    path: Path, month: str, day: str, items: Sequence[tuple[str, str, str]], published: str
) -> None:
    text = front_matter(
        (
            ("title", f"Standards Bulletin {month}"),
            ("doc_id", f"HX-STD-SB-{month}"),
            ("owner", "Standardization Office"),
            ("date", day),
        )
    )
    text += (
        f"""
# Standards Bulletin {month}

Date: {day}. For all researchers. Questions: standards@helix.example

## Standards under development

"""
        + md_table(("Committee", "Draft", "Stage and comment deadline"), items)
        + f"""
## Open ballots

Comment periods close on the deadlines above; send comments to the Standardization Office ten days
before the deadline so that the national body position can be coordinated.

## Newly published

{published}

## Upcoming meetings

See the SDO meeting calendar on the intranet.
"""
    )
    write_text(path, text)


def helix_kpi_report(path: Path) -> None:
    header = ("Indicator", "Objective", "Target", "Actual", "Owner", "Period", "Analysis")
    owner = "Head of Standardization Office"
    rows: list[tuple[Cell, ...]] = [
        (
            "Contributions submitted",
            "Contributions per year",
            40,
            34,
            owner,
            "2026-Q3",
            "On track for 45 by year end",
        ),
        (
            "Contributions accepted (acceptance rate)",
            "Quality of contributions",
            "60%",
            "67%",
            owner,
            "2026-Q3",
            "Above target; peer review works",
        ),
        (
            "Standards led (editor or project leader)",
            "Leadership of standards",
            6,
            5,
            owner,
            "2026-Q3",
            "Y.edge-orch and TS 42119-3; sixth expected with the SC 42 new work item",
        ),
        (
            "Leadership posts (convenor, rapporteur, chair)",
            "Leadership of standards",
            3,
            2,
            owner,
            "2026-Q3",
            "Shortfall: convenor candidate withdrew; succession plan R-01",
        ),
        (
            "SEP declarations made",
            "Protect and declare",
            3,
            3,
            "Head of IP Office",
            "2026-Q3",
            "All declared before approval",
        ),
        (
            "Share of projects with a standards output",
            "Standards in research",
            "55%",
            "58%",
            owner,
            "2026-Q3",
            "Screening of every new project since 2025",
        ),
        (
            "Cycle time from first contribution to publication (months)",
            "Speed",
            30,
            34,
            owner,
            "2026-Q3",
            "ITU-T items slower than planned; trend improving",
        ),
    ]
    write_xlsx(
        path,
        title="Standardization KPI Report 2026-Q3",
        sheets=[
            sheet(
                "KPIs",
                header,
                rows,
                heading="Standardization indicators - 2026 Q3",
                control=(
                    ("Document ID", "HX-STD-KPI-2026-Q3"),
                    ("Owner", owner),
                    ("Report date", "2026-10-07"),
                ),
                widths=(50, 30, 8, 8, 30, 10, 60),
            )
        ],
    )


def helix_performance_report(path: Path) -> None:
    write_docx(
        path,
        title="Innovation Performance Report 2026-H1",
        control=(
            ("Document ID", "HX-IMS-PR-2026-H1"),
            ("Date", "20 July 2026"),
            ("Owner", "Head of Innovation"),
            ("Status", "Final"),
        ),
        footer="HX-IMS-PR-2026-H1 Innovation performance report",
        blocks=[
            h1("Summary"),
            para(
                "Innovation performance in the first half of 2026 is on plan for value realized and behind "
                "plan",
                "for participation. The analysis compares each indicator with its target and with H1 2025.",
            ),
            h1("Indicators"),
            grid(
                ["Indicator", "H1 2025", "H1 2026", "Target 2026", "Trend"],
                ["Ideas submitted (pipeline input)", "61", "74", "140", "Up"],
                ["Initiatives in the portfolio", "8", "9", "9", "Stable"],
                ["Conversion rate idea to initiative", "3%", "4%", "4%", "Up"],
                ["Time to market, gate 2 to launch (months)", "19", "16", "15", "Improving"],
                ["Value realized: licence and service revenue (EUR k)", "780", "1,040", "2,600 (year)", "Up"],
                ["Innovation spend from the fund (EUR k)", "1,150", "1,260", "3,200 (year)", "On plan"],
                ["FTE working on initiatives", "21", "24", "25", "Up"],
            ),
            h1("Analysis"),
            para(
                "Revenue from new services grew 33 per cent versus H1 2025, driven by TrustBench. The share "
                "of",
                "staff submitting ideas is below target; campaign participation is concentrated in two "
                "departments.",
            ),
            h1("Capability assessment"),
            para(
                "The self-assessment against ISO 56001 in May 2026 gives maturity level 4 (measured) for",
                "strategy, portfolio and standardization, and level 3 for culture and collaboration.",
            ),
            h1("Conclusions and recommendations"),
            bullets(
                "Recommendation: run an idea campaign in the two departments with low participation.",
                "Recommendation: repeat the innovation culture survey in autumn 2026 (overdue).",
                "Conclusion: value realization is on track; no change to the portfolio needed.",
            ),
        ],
    )


def helix_audit_procedure(path: Path) -> None:
    text = front_matter(
        (
            ("title", "Internal Audit Procedure"),
            ("doc_id", "HX-IMS-024"),
            ("version", "2.0"),
            ("owner", "IMS Coordinator"),
            ("approved_by", DIRECTOR),
            ("approved_on", "2025-05-20"),
            ("review_due", "2027-05-31"),
        )
    )
    text += """
# Internal Audit Procedure

## Audit programme

The IMS Coordinator plans a yearly internal audit programme that covers every clause of ISO 56001
and the standardization requirements within twelve months, weighted by risk and previous audit
results.

## Audit criteria and scope

Each audit plan states its scope (processes, departments, clauses) and its audit criteria (ISO 56001,
our own procedures, the standardization procedure).

## Auditor selection and impartiality

Auditors are trained in ISO 19011 and never audit their own work; objectivity and impartiality are
checked when the programme is approved.

## Reporting

The lead auditor writes an audit report with the audit findings (nonconformities, observations,
opportunities for improvement) and conclusions, and presents it in a closing meeting. The report is
sent to the auditee's manager and to the Director; nonconformities go to the corrective action log.
"""
    write_text(path, text)


def helix_audit_programme(path: Path) -> None:
    write_csv(
        path,
        ("Audit ID", "Process / area", "Clauses", "Planned date", "Auditor", "Auditee", "Status"),
        [
            (
                "IA-2026-01",
                "Context, leadership and strategy",
                "4, 5",
                date(2026, 2, 17),
                "T. Nowak",
                "Head of Innovation",
                "Completed",
            ),
            (
                "IA-2026-02",
                "Planning, portfolio and structures",
                "6",
                date(2026, 4, 14),
                "External auditor (K. Brandt Consulting)",
                "Innovation Board",
                "Completed",
            ),
            (
                "IA-2026-03",
                "Support: resources, competence, IP, strategic intelligence",
                "7",
                date(2026, 6, 9),
                "T. Nowak",
                "Head of IP Office",
                "Completed",
            ),
            (
                "IA-2026-04",
                "Standardization: procedure, registers, project pathways (std-integration)",
                "7.5, 8.1",
                date(2026, 9, 15),
                "External auditor (K. Brandt Consulting)",
                "Head of Standardization Office",
                "Completed",
            ),
            (
                "IA-2026-05",
                "Operation: innovation process, initiatives",
                "8",
                date(2026, 10, 6),
                "T. Nowak",
                "Initiative leads",
                "Completed",
            ),
            (
                "IA-2026-06",
                "Performance evaluation and improvement",
                "9, 10",
                date(2026, 10, 27),
                "External auditor (K. Brandt Consulting)",
                "IMS Coordinator",
                "Completed",
            ),
        ],
    )


def helix_audit_report(path: Path) -> None:
    write_docx(
        path,
        title="Internal Audit Report IA-2026-04 - Standardization",
        control=(
            ("Document ID", "HX-IA-2026-04"),
            ("Audit date", "15 September 2026"),
            ("Lead auditor", "K. Brandt (external)"),
            ("Auditee", "Head of Standardization Office"),
        ),
        footer="Internal audit report IA-2026-04",
        blocks=[
            h1("Audit scope"),
            para(
                "Standardization process: standardization procedure, contribution log, delegate register, "
                "SEP",
                "declarations and the standardization work packages of three projects.",
            ),
            h1("Audit criteria"),
            para(
                "ISO 56001:2024 clauses 7.5 and 8.1, the std-integration practice pack (SI-3 to SI-8) and "
                "the",
                "Standardization Procedure HX-STD-003.",
            ),
            h1("Method"),
            para(
                "Interviews with the Head of the Standardization Office, two delegates and the IP Office; a",
                "sample of 6 of 34 contributions submitted in 2026 checked against the procedure.",
            ),
            h1("Findings"),
            grid(
                ["No.", "Type", "Finding"],
                [
                    "1",
                    "Minor nonconformity",
                    "Contribution R1-2605960 was submitted without a recorded IP review (procedure section "
                    "3).",
                ],
                [
                    "2",
                    "Observation",
                    "The delegate appointed to 3GPP SA2 in September is not yet in the competence matrix.",
                ],
                [
                    "3",
                    "Opportunity for improvement",
                    "Make the IP review field mandatory in the submission tool.",
                ],
            ),
            h1("Conclusion"),
            para(
                "The standardization process is effective and conforms to the requirements apart from "
                "finding 1.",
                "Maturity of the process: level 4. The report was presented in the closing meeting and sent "
                "to",
                "the Director.",
            ),
        ],
    )


def helix_management_review(path: Path) -> None:
    write_docx(
        path,
        title="Management Review Minutes - June 2026",
        control=(
            ("Document ID", "HX-MR-2026-06"),
            ("Date of meeting", "18 June 2026"),
            ("Chair", DIRECTOR),
            ("Minutes", "T. Nowak"),
        ),
        footer="HX-MR-2026-06 Management review minutes",
        blocks=[
            h1("Attendees"),
            para(
                "Prof. Dr. Miriam Okafor (Director, chair), Dr. Henrik Aalto (Administrative Director), Dr. "
                "Jonas",
                "Reuter (Head of Innovation), Dr. Li Wen (Standardization Office), Sara Lindqvist (IP "
                "Office), the",
                "four research directors, Tomasz Nowak (IMS Coordinator, minutes).",
            ),
            h1("Review inputs"),
            h2("Status of actions from previous reviews"),
            para(
                "7 of 8 actions from the previous review (June 2025) are closed; the culture survey action "
                "is open."
            ),
            h2("Changes in context and interested parties"),
            para(
                "The context review of February 2026 and the interested parties register show the AI Act as "
                "the",
                "main external change; funders now ask for standardization plans.",
            ),
            h2("Innovation objectives and performance"),
            para(
                "Objectives O3, O4 and O6 are achieved or on track; O5 participation is at risk. The "
                "innovation",
                "performance indicators show value realized of EUR 1.04 million in H1; pipeline and "
                "portfolio",
                "balance are within the 60/30/10 target.",
            ),
            h2("Audit results, nonconformities and corrective actions"),
            para(
                "Internal audits IA-2026-01 to -03 found one minor nonconformity and four observations; the",
                "corrective actions are on time.",
            ),
            h2("Strategic intelligence, culture and collaboration"),
            para(
                "The trend radar 2026 and the technology watch were presented. The culture survey of 2024 is",
                "the latest; collaboration with partners grew to six active agreements.",
            ),
            h2("Standardization"),
            para(
                "Standardization indicators: 34 contributions in 12 months, acceptance rate 67 per cent, "
                "five",
                "standards led. The landscape shows new SEP declarations by competitors on NTN; risks R-02",
                "and R-03 reviewed.",
            ),
            h2("Resources, risks and opportunities"),
            para(
                "Resources are adequate except business development; risks and opportunities register "
                "reviewed."
            ),
            h1("Assessment"),
            para(
                "The innovation management system (IMS) remains suitable, adequate and effective; maturity",
                "self-assessment level 4 for strategy and portfolio.",
            ),
            h1("Decisions and actions"),
            grid(
                ["No.", "Decision", "Owner", "Due date"],
                [
                    "MR-26-1",
                    "Portfolio review: re-prioritize OrchestraAI ahead of NTN-Link",
                    "Head of Innovation",
                    "2026-06-30",
                ],
                [
                    "MR-26-2",
                    "Improvement: idea campaign in two low-participation departments",
                    "Head of Innovation",
                    "2026-10-31",
                ],
                [
                    "MR-26-3",
                    "Resources: hire one business developer for technology transfer",
                    "Administrative Director",
                    "2026-12-31",
                ],
                [
                    "MR-26-4",
                    "Change to the system: make the IP review field mandatory in the contribution tool",
                    "Dr. Li Wen",
                    "2026-09-30",
                ],
                [
                    "MR-26-5",
                    "Memberships: apply for ITU-T SG17 academia participation in 2027",
                    "Dr. Li Wen",
                    "2027-01-31",
                ],
                ["MR-26-6", "Run the innovation culture survey in November 2026", "Head of HR", "2026-11-30"],
            ),
        ],
    )


def helix_nc_log(path: Path) -> None:
    write_csv(
        path,
        (
            "NC ID",
            "Date",
            "Source",
            "Description",
            "Correction",
            "Root cause",
            "Corrective action",
            "Owner",
            "Due date",
            "Status",
            "Effectiveness check",
        ),
        [
            (
                "NC-2026-01",
                date(2026, 2, 17),
                "IA-2026-01",
                "Context review not linked to strategy revision",
                "Link added in strategy v3.1",
                "No step in the strategy calendar",
                "Context review added to the January strategy calendar",
                "Head of Innovation",
                date(2026, 3, 31),
                "Closed",
                "Verified 2026-06-18: linked in MR",
            ),
            (
                "NC-2026-02",
                date(2026, 4, 14),
                "IA-2026-02",
                "Two gate decisions without criteria scores",
                "Scores added from the Board minutes",
                "Scorecard optional in the log",
                "Criteria score made a required field",
                "Innovation Office",
                date(2026, 5, 31),
                "Closed",
                "Verified 2026-09-22: all Q3 decisions scored",
            ),
            (
                "NC-2026-03",
                date(2026, 9, 15),
                "IA-2026-04",
                "Contribution R1-2605960 submitted without recorded IP review",
                "IP Office reviewed the contribution after submission (no invention disclosed)",
                "Submission tool does not require the IP review field",
                "IP review field made mandatory (CH-2026-03)",
                "Head of Standardization Office",
                date(2026, 11, 30),
                "Open",
                "Planned after two meeting cycles",
            ),
            (
                "DV-2026-01",
                date(2026, 8, 28),
                "Performance deviation",
                "SenseKit field accuracy 92% against 95% target",
                "Recalibration procedure added",
                "Furniture changes not in test design",
                "Test design updated for dynamic rooms",
                "Dr. Yuki Tanaka",
                date(2026, 10, 31),
                "Closed",
                "Verified 2026-10-20: 96% in retest",
            ),
        ],
    )


def helix_improvements(path: Path) -> None:
    write_csv(
        path,
        ("ID", "Date", "Source", "Improvement", "Owner", "Status", "Result"),
        [
            (
                "IMP-2026-01",
                date(2026, 3, 16),
                "Lessons learned LL-2025-06",
                "Light track for Horizon 3 ideas in the process handbook",
                "Head of Innovation",
                "Completed",
                "Time from idea to gate 2 down from 14 to 8 weeks",
            ),
            (
                "IMP-2026-02",
                date(2026, 6, 18),
                "Management review MR-26-2",
                "Idea campaign in low-participation departments",
                "Head of Innovation",
                "Completed",
                "31 ideas from the two departments",
            ),
            (
                "IMP-2026-03",
                date(2026, 7, 20),
                "Performance report analysis",
                "Post-launch value review at 6 months",
                "Head of Technology Transfer",
                "Completed",
                "First review done for TrustBench",
            ),
            (
                "IMP-2026-04",
                date(2026, 9, 15),
                "Internal audit IA-2026-04",
                "Mandatory IP review field for contributions",
                "Head of Standardization Office",
                "In progress",
                "Effect to be checked after two meeting cycles",
            ),
        ],
    )


def helix_lessons(path: Path) -> None:
    header = ("ID", "Date", "Initiative", "Lesson learned", "Applied to", "Recorded by")
    rows = [
        (
            "LL-2026-01",
            date(2026, 2, 20),
            "IN-2024-02 TrustBench",
            "Customers value report format over turnaround",
            "Service design of FedTrust",
            "Innovation Office",
        ),
        (
            "LL-2026-02",
            date(2026, 3, 24),
            "IN-2025-02 LabTwin (stopped)",
            "Test willingness to pay before building the platform",
            "Gate 2 checklist",
            "Innovation Office",
        ),
        (
            "LL-2026-03",
            date(2026, 5, 12),
            "IN-2024-05 EdgeCal spin-off",
            "Agree founders' IP licence before the seed round",
            "IP Management Procedure v3.3 draft",
            "Technology Transfer",
        ),
        (
            "LL-2026-04",
            date(2026, 7, 24),
            "ITU-T SG13 contribution C-412",
            "Contributions with simulation data from two operators are accepted faster",
            "Standardization curriculum module 2",
            "Standardization Office",
        ),
        (
            "LL-2026-05",
            date(2026, 8, 29),
            "3GPP RAN1 R1-2605960",
            "Merge with a competitor's similar proposal early instead of competing",
            "Position brief checklist",
            "Standardization Office",
        ),
    ]
    write_xlsx(
        path,
        title="Lessons Learned Register",
        sheets=[
            sheet(
                "Lessons",
                header,
                rows,
                heading="Lessons learned - innovation and standardization",
                control=(("Document ID", "HX-IMS-027"), ("Owner", "Innovation Office")),
                widths=(12, 12, 32, 60, 36, 22),
            )
        ],
    )


HELIX_ORGANIZATION = f"""\
# Helix Institute for Applied Research - internal audit of the innovation management system
name: {HELIX}
scope: >-
  Innovation management system covering the four research departments, the Innovation, Standardization
  and IP Offices and Technology Transfer, at Campus North and the Harbour test field.
sites: [Campus North, Harbour test field]
sector: research
size: 420
audit_type: internal
auditor: K. Brandt
as_of: 2026-11-01
packs: [iso56001-2024, std-integration]
verdicts:
  - requirement: IMS-5.1.1-01
    verdict: met
    note: >-
      Interviewed the Director and two research directors; innovation decisions are taken in the Board
      and management review with the Director present; she chaired the June review.
    auditor: K. Brandt
    date: 2026-10-27
  - requirement: IMS-4.3.1-02
    verdict: met
    note: >-
      The intent section of strategy 3.1 is the first agenda item of the January strategy review; the
      scope and the four innovation areas were derived from it (minutes of 20 January 2026 seen).
    auditor: K. Brandt
    date: 2026-10-27
  - requirement: SI-1.2-02
    verdict: met
    note: >-
      Four researchers and two project leaders explained the IP review and FRAND rules of the policy
      correctly; the policy is part of module 1 of the curriculum.
    auditor: K. Brandt
    date: 2026-10-28
  - requirement: SI-8.2-02
    verdict: met
    note: >-
      Competition-law briefing of 11 June 2026 seen (11 delegates); two delegates explained the rules
      for discussing licensing terms in meetings.
    auditor: K. Brandt
    date: 2026-10-28
"""


def helix(out: Path) -> None:
    """The Helix Institute's evidence folder, as the IMS Coordinator exports it for the audit."""
    folder = out / "helix-institute"
    builders: list[tuple[str, Builder]] = [
        ("01 Strategy/Innovation Strategy 2025-2030.docx", helix_strategy),
        ("01 Strategy/Innovation Policy.pdf", helix_policy),
        ("01 Strategy/ims-scope.md", helix_scope),
        ("01 Strategy/Context Review 2026.docx", helix_context),
        ("01 Strategy/Interested Parties Register.xlsx", helix_interested_parties),
        ("01 Strategy/Standardization Strategy 2025-2030.docx", helix_std_strategy),
        ("01 Strategy/standardization-policy.md", helix_std_policy),
        ("02 Organization/Roles and Responsibilities.docx", helix_roles),
        ("02 Organization/Innovation Board Terms of Reference.docx", helix_board_charter),
        ("02 Organization/Standardization Office Charter.pdf", helix_std_office_charter),
        ("02 Organization/ims-process-map.md", helix_process_map),
        ("03 Planning/Innovation Objectives 2026.xlsx", helix_objectives),
        ("03 Planning/Risk and Opportunity Register.xlsx", helix_risks),
        ("03 Planning/ims-change-log.csv", helix_change_log),
        ("03 Planning/Innovation Budget 2026.xlsx", helix_budget),
        ("04 Portfolio/Innovation Portfolio Register.xlsx", helix_portfolio),
        ("04 Portfolio/stage-gate-decision-log.csv", helix_gate_log),
        ("04 Portfolio/Innovation Process Handbook.docx", helix_process_handbook),
        ("04 Portfolio/innovation-toolbox.md", helix_toolbox),
        ("04 Portfolio/idea-register-2026.csv", helix_ideas),
        ("04 Portfolio/Experiment Log 2026.xlsx", helix_experiments),
        ("04 Portfolio/IN-2026-02 FedTrust/Concept Paper - FedTrust.docx", helix_concept),
        ("04 Portfolio/IN-2026-02 FedTrust/initiative-charter.md", helix_charter),
        ("04 Portfolio/IN-2026-04 OrchestraAI/Business Case - OrchestraAI.docx", helix_business_case),
        ("04 Portfolio/IN-2024-02 TrustBench/Post-Launch Review - TrustBench.pdf", helix_post_launch),
        ("05 IP and Partners/IP Management Procedure.docx", helix_ip_procedure),
        ("05 IP and Partners/IP Register.xlsx", helix_ip_register),
        ("05 IP and Partners/FTO Report HX-FTO-2026-01.pdf", helix_fto),
        ("05 IP and Partners/partner-register.csv", helix_partners),
        ("05 IP and Partners/SENSEWAVE Consortium Agreement (signed).pdf", helix_consortium_agreement),
        ("06 Intelligence/technology-watch-2026-q3.md", helix_tech_watch),
        ("06 Intelligence/Trend Radar 2026.pdf", helix_trend_radar),
        ("06 Intelligence/Standards Landscape Report 2026-H2.docx", helix_landscape),
        ("07 People/Competence Matrix.xlsx", helix_competence),
        ("07 People/training-records-2026.csv", helix_training),
        ("07 People/awareness-sessions-2026.csv", helix_awareness),
        ("07 People/IMS Communication Plan.xlsx", helix_communication),
        ("07 People/Innovation Culture Survey 2024.pdf", helix_culture_survey),
        ("07 People/Innovation Time Rules.md", helix_time_rules),
        ("07 People/Standardization Curriculum 2026.docx", helix_curriculum),
        ("07 People/Standardization Incentives and Recognition.pdf", helix_incentives),
        ("07 People/standardization-awards.csv", helix_awards),
        ("08 Documents/Control of Documented Information.pdf", helix_doc_control),
        ("08 Documents/Master Document List.xlsx", helix_master_list),
        ("09 Standardization/SDO Membership Register.xlsx", helix_memberships),
        ("09 Standardization/Delegate Register.xlsx", helix_delegates),
        ("09 Standardization/contribution-log.csv", helix_contributions),
        ("09 Standardization/sep-declarations.csv", helix_sep_declarations),
        ("09 Standardization/Patent-to-Standard Mapping.xlsx", helix_patent_mapping),
        ("09 Standardization/Standardization Procedure.docx", helix_std_procedure),
        ("09 Standardization/Project Register with Standardization Screening.xlsx", helix_projects),
        ("09 Standardization/MEDFED WP7 Standardization Plan.docx", helix_wp_plan),
        ("09 Standardization/position-brief-itu-t-sg13-2026-10.md", helix_position_brief),
        ("09 Standardization/itu-t-sg13-meeting-report-2026-07.md", helix_meeting_report_itu),
        ("09 Standardization/3GPP RAN1 126 Meeting Report.pdf", helix_meeting_report_3gpp),
        (
            "09 Standardization/standards-bulletin-2026-09.md",
            lambda p: helix_bulletin(
                p,
                "2026-09",
                "2026-09-28",
                [
                    (
                        "ISO/IEC JTC 1/SC 42",
                        "Committee draft on AI robustness",
                        "Committee draft, comment deadline 2026-10-30",
                    ),
                    ("IEEE 802.11", "802.11bf D7.0", "Letter ballot, closes 2026-10-12"),
                    ("ITU-T SG20", "New work item on IoT energy metrics", "Draft, comments by 2026-11-20"),
                ],
                "ISO/IEC TS 42119-3 (Helix editor) published in May; ITU-T Y.3181 published in August.",
            ),
        ),
        (
            "09 Standardization/standards-bulletin-2026-10.md",
            lambda p: helix_bulletin(
                p,
                "2026-10",
                "2026-10-26",
                [
                    ("ITU-T SG13", "Draft Y.edge-orch", "Under development, contributions by 2026-11-16"),
                    (
                        "3GPP TSG SA WG2",
                        "Release 20 NTN mobility study",
                        "Study, comment deadline 2026-11-02",
                    ),
                    (
                        "CEN-CENELEC JTC 21",
                        "Public enquiry on AI trustworthiness framework",
                        "Enquiry closes 2026-12-04",
                    ),
                ],
                "No new standards in our fields were published in October.",
            ),
        ),
        ("09 Standardization/Standardization KPI Report 2026-Q3.xlsx", helix_kpi_report),
        ("10 Performance/Innovation Performance Report 2026-H1.docx", helix_performance_report),
        ("10 Performance/internal-audit-procedure.md", helix_audit_procedure),
        ("10 Performance/internal-audit-programme-2026.csv", helix_audit_programme),
        ("10 Performance/Internal Audit Report IA-2026-04.docx", helix_audit_report),
        ("10 Performance/Management Review Minutes 2026-06.docx", helix_management_review),
        ("11 Improvement/corrective-action-log.csv", helix_nc_log),
        ("11 Improvement/improvement-register.csv", helix_improvements),
        ("11 Improvement/Lessons Learned Register.xlsx", helix_lessons),
    ]
    build(folder, builders)
    write_text(folder / "organization.yaml", HELIX_ORGANIZATION)


# =========================================================================== Fenwick Enclosures
#
# A sheet-metal manufacturer (145 staff, one site) certified to ISO 9001 since 2014,
# building enclosures and cabinets to customer drawings. Operations, purchasing,
# inspection and corrective action run; the management system around them has aged:
# the quality manual, policy and context analysis were last approved in 2021-2023, no
# management review has been held since the last one was minuted in 2024 (only the
# downloaded template is in the folder), the 2026 audit programme never reaches
# clauses 9 and 10, three corrective actions have no root cause, and the internal
# audit procedure still carries the consultant's placeholders.

FENWICK = "Fenwick Enclosures Ltd"
FE_MD = "Graham Fenwick, Managing Director"
FE_QM = "Daniel Okoro, Quality Manager"


def fe_control(
    doc_id: str, version: str, owner: str, approved_by: str, approved_on: str, next_review: str
) -> Control:
    """Fenwick's control block, as their Word templates print it."""
    return (
        ("Document No.", doc_id),
        ("Revision", version),
        ("Owner", owner),
        ("Approved by", approved_by),
        ("Approval date", approved_on),
        ("Next review", next_review),
    )


def fe_manual(path: Path) -> None:
    """The quality manual with the QMS scope, last approved in 2021: stale, its review was due in 2024."""
    write_docx(
        path,
        title="Quality Manual",
        control=fe_control("QM-01", "5", "Quality Manager", FE_MD, "8 March 2021", "8 March 2024"),
        footer="QM-01 Quality Manual - Revision 5 - Controlled copy when viewed on the intranet",
        blocks=[
            h1("About Fenwick Enclosures"),
            para(
                f"{FENWICK} manufactures steel and stainless-steel enclosures, electrical cabinets and",
                "brackets to customer drawings for switchgear, rail and energy-storage customers.",
            ),
            h1("Scope of the quality management system"),
            para(
                "The scope of the QMS covers the manufacture of sheet-metal enclosures, cabinets and",
                "fabricated assemblies to customer specifications, including laser cutting, bending, "
                "welding,",
                "powder coating, assembly and dispatch, at the Dunmore Road site. The products and services "
                "are",
                "supplied to industrial customers in the UK and the EU.",
            ),
            h2("Exclusion"),
            para(
                "Clause 8.3 Design and development of products and services is not applicable: all products",
                "are made to customer drawings and specifications; Fenwick does no product design. All other",
                "requirements of ISO 9001 apply.",
            ),
            h1("Processes"),
            para("The processes, their sequence and interactions are shown in the process map (intranet)."),
            h1("Responsibilities"),
            para(
                "The Quality Manager is the management representative for the quality management system and",
                "reports on its performance at the management review.",
            ),
        ],
    )


def fe_policy(path: Path) -> None:
    """The quality policy, approved in 2021 with a review due in 2024 that never happened."""
    write_pdf(
        path,
        title="Quality Policy",
        author="Quality Manager",
        control=(
            ("Document No.", "QP-01"),
            ("Revision", "4"),
            ("Approved by", FE_MD),
            ("Approval date", "12 April 2021"),
            ("Next review", "12 April 2024"),
        ),
        blocks=[
            h1("Our commitments"),
            para(f"{FENWICK} makes enclosures that fit first time and arrive when promised. We commit to:"),
            bullets(
                "meet customer requirements and the applicable statutory and regulatory requirements;",
                "set quality objectives every year and review them at the management review;",
                "continually improve our processes and the quality management system;",
                "train our people and give them the equipment to do the job right first time.",
            ),
            para(
                "This policy is displayed on the notice board in every workshop, published on our website "
                "and",
                "explained to every new employee at induction.",
            ),
            para("Graham Fenwick, Managing Director"),
        ],
    )


def fe_context(path: Path) -> None:
    """The 2023 context analysis: stale, and written before ISO 9001 Amd 1:2024, so no climate change."""
    write_docx(
        path,
        title="Context of the Organisation - SWOT and PESTLE",
        control=fe_control("QF-04", "2", "Quality Manager", FE_MD, "20 June 2023", "20 June 2024"),
        footer="QF-04 Context of the organisation",
        blocks=[
            h1("External issues (PESTLE)"),
            grid(
                ["Factor", "Issue"],
                ["Political", "UK-EU trade rules add paperwork for exports"],
                ["Economic", "Steel prices volatile; customers ask for fixed annual prices"],
                ["Social", "Ageing workforce; hard to recruit welders"],
                ["Technological", "Automation of bending and fibre laser cutting"],
                ["Legal", "Product safety regulation and regulatory requirements of rail customers"],
                ["Environmental", "Customers ask for RoHS and REACH declarations"],
            ),
            h1("Internal issues (SWOT)"),
            grid(
                ["Strengths", "Weaknesses"],
                ["Skilled workforce and knowledge of rail standards", "Manual planning in spreadsheets"],
                ["Short lead times for small batches", "Single powder coating line"],
            ),
            grid(
                ["Opportunities", "Threats"],
                ["Battery energy storage market growing", "Low-cost competitors in Eastern Europe"],
                ["Customers consolidating their supplier base", "Loss of key competence when welders retire"],
            ),
        ],
    )


def fe_interested_parties(path: Path) -> None:
    """Interested parties, last reviewed with the 2023 context analysis."""
    header = (
        "Interested party",
        "Needs and expectations",
        "Requirement (yes/no)",
        "How addressed",
        "Owner",
        "Last reviewed",
    )
    reviewed = date(2023, 6, 20)
    rows = [
        (
            "Customers",
            "Parts to drawing, on-time delivery, CoC with each delivery",
            "Yes",
            "Contract review, control plans, final inspection",
            "Sales Manager",
            reviewed,
        ),
        (
            "Employees",
            "Safe workplace, training, fair pay",
            "Yes",
            "Training matrix, H&S system",
            "HR Manager",
            reviewed,
        ),
        (
            "Suppliers and subcontractors",
            "Clear purchase orders, payment on time",
            "No",
            "Purchasing procedure",
            "Purchasing Manager",
            reviewed,
        ),
        (
            "Regulators (HSE, Environment Agency)",
            "Compliance with legislation",
            "Yes",
            "Legal register",
            "Operations Director",
            reviewed,
        ),
        ("Owners", "Profitable growth", "Yes", "Business plan, KPIs", "Managing Director", reviewed),
    ]
    write_xlsx(
        path,
        title="Interested Parties Register",
        sheets=[
            sheet(
                "Interested parties",
                header,
                rows,
                heading="Interested parties register",
                control=(("Document No.", "QF-05"), ("Revision", "2")),
                widths=(34, 52, 14, 44, 22, 13),
            )
        ],
    )


def fe_process_map(path: Path) -> None:
    text = front_matter(
        (
            ("title", "QMS Process Map"),
            ("doc_id", "QF-03"),
            ("version", "6"),
            ("owner", "Quality Manager"),
            ("approved_by", "Sunita Patel, Operations Director"),
            ("approved_on", "2025-09-15"),
        )
    )
    text += (
        """
# QMS Process Map

Intranet page maintained by the Quality Manager. The sequence runs from customer enquiry to
delivery; management and support processes act on all of them.

"""
        + md_table(
            (
                "Process",
                "Process owner",
                "Inputs",
                "Outputs",
                "Interactions",
                "KPI",
            ),
            [
                (
                    "Sales and contract review",
                    "Sales Manager",
                    "Enquiries, drawings, orders",
                    "Quotations, reviewed orders",
                    "Planning, purchasing",
                    "Quote turnaround",
                ),
                (
                    "Planning",
                    "Production Manager",
                    "Reviewed orders, capacity",
                    "Works orders, schedule",
                    "Purchasing, production",
                    "Schedule adherence",
                ),
                (
                    "Purchasing",
                    "Purchasing Manager",
                    "Material requirements",
                    "Purchase orders, approved suppliers",
                    "Goods-in inspection",
                    "Supplier on-time delivery",
                ),
                (
                    "Production (cut, bend, weld, coat, assemble)",
                    "Production Manager",
                    "Works orders, materials, control plans",
                    "Finished enclosures",
                    "Inspection, maintenance",
                    "Scrap rate, first pass yield",
                ),
                (
                    "Inspection and release",
                    "Quality Manager",
                    "Parts, control plans, calibrated gauges",
                    "Inspection records, release",
                    "NCR process",
                    "Internal ppm",
                ),
                (
                    "Dispatch",
                    "Logistics Lead",
                    "Released goods",
                    "Deliveries, CoC",
                    "Customer",
                    "On-time delivery",
                ),
            ],
        )
        + """
Support processes: maintenance (equipment and resources), calibration, training and competence
(personnel), document control. Management processes: management review, internal audit, corrective
action. Each process owner applies the criteria and methods in the procedures and work instructions.
"""
    )
    write_text(path, text)


def fe_roles(path: Path) -> None:
    write_docx(
        path,
        title="Organisation Chart and Responsibilities",
        control=fe_control("QF-06", "7", "HR Manager", FE_MD, "3 February 2026", "3 February 2027"),
        footer="QF-06 Organisation and responsibilities - Rev 7",
        blocks=[
            h1("Organisation"),
            para(
                "The Managing Director leads the company; the Operations Director, Sales Manager, Quality",
                "Manager and HR Manager report to him. Production, purchasing, maintenance and logistics "
                "report",
                "to the Operations Director.",
            ),
            h1("Responsibilities and authorities"),
            grid(
                ["Role", "Responsibilities", "Authority"],
                [
                    "Managing Director",
                    "Accountable for the quality management system and its resources",
                    "Approves the quality policy and objectives",
                ],
                [
                    "Quality Manager",
                    "Ensures the QMS conforms to ISO 9001; reports on the performance of the QMS to top "
                    "management at the management review; promotes customer focus and customer satisfaction",
                    "Stops shipment of nonconforming product",
                ],
                [
                    "Process owners",
                    "Each process owner ensures the process delivers its intended outputs",
                    "Approve work instructions of their process",
                ],
                [
                    "Operations Director",
                    "Keeps the integrity of the QMS when changes to the QMS are planned (change management)",
                    "Authorises process changes",
                ],
                [
                    "Inspectors",
                    "Inspect and release product to the control plan",
                    "Release or quarantine product",
                ],
            ),
        ],
    )


def fe_objectives(path: Path) -> None:
    header = (
        "Objective",
        "Measure",
        "Target",
        "Actual",
        "Action plan",
        "Resources",
        "Owner",
        "Due date",
        "How results are evaluated",
        "Last updated",
    )
    updated = date(2026, 10, 5)
    rows = [
        (
            "Improve on-time delivery",
            "OTD % (orders shipped on confirmed date)",
            "96%",
            "94.1%",
            "Finite capacity planning in the ERP",
            "ERP module, 10 days consultant",
            "Operations Director",
            date(2026, 12, 31),
            "Monthly KPI review",
            updated,
        ),
        (
            "Reduce customer complaints",
            "Justified complaints per quarter",
            "<= 4",
            "5",
            "Final inspection checklist for labels and gaskets",
            "Inspector training",
            "Quality Manager",
            date(2026, 12, 31),
            "Quarterly complaint analysis",
            updated,
        ),
        (
            "Reduce internal scrap",
            "Scrap cost as % of sales",
            "1.5%",
            "1.8%",
            "Nesting optimisation on fibre laser",
            "Software licence",
            "Production Manager",
            date(2026, 12, 31),
            "Monthly KPI review",
            updated,
        ),
        (
            "Right first time powder coating",
            "First pass yield of coating line",
            "97%",
            "96.2%",
            "Pre-treatment titration twice per shift",
            "Lab kit",
            "Production Manager",
            date(2026, 12, 31),
            "Weekly yield chart",
            updated,
        ),
    ]
    write_xlsx(
        path,
        title="Quality Objectives 2026",
        sheets=[
            sheet(
                "Objectives",
                header,
                rows,
                heading="Quality objectives 2026",
                control=fe_control("QF-07", "2026.1", "Quality Manager", FE_MD, "2026-01-19", "2027-01-31"),
                widths=(30, 36, 8, 8, 40, 28, 22, 12, 26, 12),
            )
        ],
    )


def fe_risks(path: Path) -> None:
    header = (
        "Ref",
        "Type (risk/opportunity)",
        "Description",
        "Source/issue",
        "Rating",
        "Action",
        "Owner",
        "Due date",
        "Effectiveness",
        "Review date",
    )
    reviewed = date(2025, 3, 4)  # reviewed for the March 2025 surveillance audit, not since
    rows = [
        (
            "R1",
            "Risk",
            "Late deliveries from steel supplier",
            "Economic: steel market",
            "High",
            "Second approved steel supplier",
            "Purchasing Manager",
            date(2025, 6, 30),
            "Second supplier approved in 2024",
            reviewed,
        ),
        (
            "R2",
            "Risk",
            "Powder coating line breakdown stops all deliveries",
            "Weakness: single coating line",
            "High",
            "Subcontract agreement for overflow coating",
            "Operations Director",
            date(2025, 9, 30),
            "Not yet evaluated",
            reviewed,
        ),
        (
            "R3",
            "Risk",
            "Customer complaints on missing gaskets",
            "Customer feedback",
            "Medium",
            "Gasket check at final inspection",
            "Quality Manager",
            date(2025, 6, 30),
            "Not yet evaluated",
            reviewed,
        ),
        (
            "R4",
            "Risk",
            "Loss of welding skills when two welders retire",
            "Social: ageing workforce",
            "Medium",
            "Apprentice programme with the college",
            "HR Manager",
            date(2026, 9, 30),
            "Not yet evaluated",
            reviewed,
        ),
        (
            "O1",
            "Opportunity",
            "Battery energy storage customers need large cabinets",
            "Market growth",
            "High",
            "Quote for two new customers; large-format press brake",
            "Sales Manager",
            date(2025, 12, 31),
            "Not yet evaluated",
            reviewed,
        ),
        (
            "O2",
            "Opportunity",
            "Automation of bending cell",
            "Technology",
            "Medium",
            "Business case for robot cell",
            "Operations Director",
            date(2026, 3, 31),
            "Not yet evaluated",
            reviewed,
        ),
    ]
    write_xlsx(
        path,
        title="Risk and Opportunity Register",
        sheets=[
            sheet(
                "Register",
                header,
                rows,
                heading="Risks and opportunities register",
                control=(("Document No.", "QF-08"), ("Revision", "2025.1")),
                widths=(6, 14, 46, 28, 8, 44, 22, 12, 32, 12),
            )
        ],
    )


def fe_legal(path: Path) -> None:
    header = (
        "Requirement",
        "Legislation / source",
        "Applies to",
        "Compliance status",
        "Evaluated on",
        "Owner",
    )
    rows = [
        (
            "RoHS declaration for electrical enclosures",
            "RoHS Regulations 2012",
            "Product",
            "Compliant",
            date(2026, 2, 10),
            "Quality Manager",
        ),
        (
            "REACH SVHC information to customers",
            "UK REACH",
            "Product",
            "Compliant",
            date(2026, 2, 10),
            "Quality Manager",
        ),
        (
            "Ingress protection claims (IP66)",
            "Customer specification, EN 60529",
            "Product",
            "Compliant (type test 2025)",
            date(2026, 2, 10),
            "Quality Manager",
        ),
        (
            "Fire safety of materials for rail enclosures",
            "EN 45545-2 (customer requirement)",
            "Product (rail)",
            "Compliant",
            date(2026, 2, 10),
            "Quality Manager",
        ),
        (
            "Pressure systems (compressors)",
            "Pressure Systems Safety Regulations 2000",
            "Process",
            "Compliant",
            date(2026, 2, 10),
            "Maintenance Lead",
        ),
    ]
    write_xlsx(
        path,
        title="Legal and Other Requirements Register",
        sheets=[
            sheet(
                "Register",
                header,
                rows,
                heading="Legal and other requirements register",
                control=(("Document No.", "QF-09"),),
                widths=(40, 36, 16, 24, 12, 18),
            )
        ],
    )


def fe_change_log(path: Path) -> None:
    """QMS changes; one needs no resources and says "None", as a real log does (read as empty by imsaudit)."""
    write_csv(
        path,
        (
            "Change ID",
            "Date",
            "Change description",
            "Reason",
            "Consequences",
            "Resources needed",
            "Responsible",
            "Status",
        ),
        [
            (
                "QC-25-03",
                date(2025, 9, 15),
                "Process map updated for the new fibre laser",
                "New equipment",
                "Work instruction WI-LC-01 rewritten; operators retrained",
                "2 days training",
                "Production Manager",
                "Completed",
            ),
            (
                "QC-26-01",
                date(2026, 2, 3),
                "Inspection moved into the production line (inspectors report to Quality)",
                "Faster release",
                "Responsibilities updated in QF-06",
                "None",
                "Quality Manager",
                "Completed",
            ),
            (
                "QC-26-02",
                date(2026, 6, 1),
                "ERP finite capacity planning",
                "On-time delivery objective",
                "Planning procedure to be revised",
                "ERP module, consultant",
                "Operations Director",
                "In progress",
            ),
        ],
    )


def fe_resource_plan(path: Path) -> None:
    header = ("Area", "Resource", "2026 plan", "Status", "Owner")
    rows = [
        (
            "Personnel",
            "Headcount production (FTE)",
            "112",
            "108 in post; recruitment of 4 welders",
            "HR Manager",
        ),
        ("Personnel", "Apprentices", "2", "Started September", "HR Manager"),
        (
            "Equipment (capex)",
            "Large-format press brake",
            "GBP 240,000",
            "Ordered, delivery January 2027",
            "Operations Director",
        ),
        (
            "Equipment (capex)",
            "Coating line burner overhaul",
            "GBP 35,000",
            "Done in August",
            "Maintenance Lead",
        ),
        (
            "External providers",
            "Subcontract powder coating overflow (ColourCoat)",
            "GBP 60,000",
            "Agreement signed",
            "Purchasing Manager",
        ),
        (
            "External providers",
            "Calibration services (Calibre Metrology)",
            "GBP 9,000",
            "Contract renewed",
            "Quality Manager",
        ),
        ("Budget", "Training budget", "GBP 48,000", "62% spent at September", "HR Manager"),
    ]
    write_xlsx(
        path,
        title="Resource Plan 2026",
        sheets=[
            sheet(
                "Resources",
                header,
                rows,
                heading="Resource plan and budget 2026",
                control=(("Document No.", "QF-10"), ("Approved by", FE_MD), ("Approval date", "2026-01-19")),
                widths=(20, 46, 14, 40, 22),
            )
        ],
    )


def fe_equipment(path: Path) -> None:
    header = ("Asset ID", "Description", "Location", "Last maintenance", "Next maintenance", "Status")
    rows = [
        (
            "LC-01",
            "Fibre laser cutter 6 kW",
            "Cutting bay",
            date(2026, 9, 12),
            date(2026, 12, 12),
            "In service",
        ),
        ("PB-02", "CNC press brake 170 t", "Bending", date(2026, 8, 28), date(2026, 11, 28), "In service"),
        ("PB-03", "CNC press brake 100 t", "Bending", date(2026, 8, 29), date(2026, 11, 29), "In service"),
        ("WD-04", "MIG welding cell", "Welding", date(2026, 7, 15), date(2027, 1, 15), "In service"),
        (
            "PC-01",
            "Powder coating line incl. curing oven",
            "Finishing",
            date(2026, 8, 20),
            date(2026, 11, 20),
            "In service",
        ),
        ("CP-01", "Screw compressor", "Plant room", date(2026, 6, 3), date(2026, 12, 3), "In service"),
        ("IT-01", "ERP server backup", "Office", date(2026, 10, 1), date(2026, 11, 1), "In service"),
    ]
    write_xlsx(
        path,
        title="Equipment and Maintenance Register",
        sheets=[
            sheet(
                "Equipment",
                header,
                rows,
                heading="Equipment and preventive maintenance register",
                control=(("Document No.", "QF-11"),),
                widths=(9, 40, 16, 16, 16, 12),
            )
        ],
    )


FE_GAUGES = (
    (
        "CMM-01",
        "Portable measuring arm 2.5 m",
        "Inspection room",
        date(2026, 3, 18),
        date(2027, 3, 18),
        "Pass (as found in tolerance)",
        "CM-26-0318",
        "Calibrated",
    ),
    (
        "CAL-07",
        "Digital caliper 300 mm",
        "Bending",
        date(2026, 5, 6),
        date(2026, 11, 6),
        "Pass",
        "INT-26-041",
        "Calibrated",
    ),
    (
        "CAL-09",
        "Digital caliper 150 mm",
        "Welding",
        date(2026, 5, 6),
        date(2026, 11, 6),
        "Pass",
        "INT-26-042",
        "Calibrated",
    ),
    (
        "PRO-02",
        "Digital protractor",
        "Bending",
        date(2026, 4, 2),
        date(2027, 4, 2),
        "Pass",
        "INT-26-033",
        "Calibrated",
    ),
    (
        "DFT-03",
        "Coating thickness gauge",
        "Finishing",
        date(2026, 2, 12),
        date(2026, 8, 12),
        "Out of tolerance as found; adjusted",
        "CM-26-0212",
        "Calibrated",
    ),
    (
        "TW-05",
        "Torque wrench 5-25 Nm",
        "Assembly",
        date(2026, 6, 20),
        date(2026, 12, 20),
        "Pass",
        "INT-26-057",
        "Calibrated",
    ),
    (
        "TAPE-11",
        "Steel tape 5 m",
        "Assembly",
        date(2026, 1, 8),
        date(2027, 1, 8),
        "Pass",
        "INT-26-002",
        "Calibrated",
    ),
)


def fe_calibration(path: Path) -> None:
    """Calibration register, with the out-of-tolerance impact assessment 7.1.5.2 asks for."""
    header = (
        "Equipment ID",
        "Description",
        "Location",
        "Calibration date",
        "Due date",
        "Result",
        "Certificate No",
        "Status",
    )
    notes = (
        ("Note", "Text"),
        (
            "DFT-03 out of tolerance",
            "As found +8 microns on 60 micron standard. Impact assessment: coating thickness results of "
            "lots checked since 12 Aug 2025 reviewed; all readings had more than 15 microns margin, no "
            "product recall needed (NCR-26-011).",
        ),
    )
    write_xlsx(
        path,
        title="Calibration Register",
        sheets=[
            sheet(
                "Register",
                header,
                FE_GAUGES,
                heading="Calibration register - measuring equipment",
                control=(("Document No.", "QF-12"), ("Owner", "Quality Manager")),
                widths=(12, 30, 16, 14, 12, 36, 14, 12),
            ),
            sheet("Out of tolerance", notes[0], notes[1:], widths=(24, 120)),
        ],
    )


def fe_calibration_certificate(path: Path) -> None:
    """The accredited lab's paper certificate for the measuring arm, scanned at goods-in."""
    big, text, small = 36, 25, 22
    write_scanned_pdf(
        path,
        [
            [
                ("CALIBRE METROLOGY SERVICES", big),
                ("Accredited calibration laboratory No. 0871 (ISO/IEC 17025)", text),
                ("", 0),
                ("CERTIFICATE OF CALIBRATION", big),
                ("Certificate number: CM-26-0318", text),
                ("Date of calibration: 18 March 2026", text),
                ("Customer: Fenwick Enclosures Ltd, Dunmore Road", text),
                ("Instrument: Portable measuring arm 2.5 m, Equipment ID CMM-01", text),
                ("", 0),
                ("Results", text),
                ("Volumetric length error as found: 0.031 mm (limit 0.045 mm)", small),
                ("Single point repeatability as found: 0.019 mm (limit 0.030 mm)", small),
                ("Expanded measurement uncertainty: 0.008 mm (k = 2)", small),
                ("", 0),
                ("Traceability", text),
                ("The measurements are traceable to national standards through", small),
                ("reference standards calibrated by the national measurement institute.", small),
                ("", 0),
                ("Approved signatory: R. Hale, Laboratory Manager", text),
                ("Date of issue: 20 March 2026", text),
            ]
        ],
    )


FE_STAFF = (
    (
        "R. Singh",
        "Final inspector",
        "Read drawings, use measuring arm, IP test",
        "Qualified",
        date(2026, 3, 2),
    ),
    (
        "M. Clarke",
        "Final inspector",
        "Read drawings, use measuring arm, IP test",
        "Qualified",
        date(2026, 3, 2),
    ),
    ("A. Kowalski", "Goods-in inspector", "Material certificates, calipers", "Qualified", date(2026, 3, 2)),
    (
        "J. Barnes",
        "Welder",
        "Welder qualification to EN ISO 9606-1",
        "Qualified (renewal due 2027)",
        date(2026, 3, 2),
    ),
    ("S. Ahmed", "Welder", "Welder qualification to EN ISO 9606-1", "In training", date(2026, 3, 2)),
    (
        "P. Lewis",
        "Press brake setter",
        "Press brake programming, first-off check",
        "Qualified",
        date(2026, 3, 2),
    ),
    (
        "K. Moore",
        "Coating line operator",
        "Pre-treatment titration, cure test",
        "Qualified",
        date(2026, 3, 2),
    ),
)


def fe_competence(path: Path) -> None:
    header = ("Name", "Role", "Required competence", "Current competence", "Last assessed")
    write_xlsx(
        path,
        title="Skills and Competence Matrix",
        sheets=[
            sheet(
                "Matrix",
                header,
                FE_STAFF,
                heading="Skills matrix - production and inspection",
                control=(("Document No.", "QF-13"), ("Owner", "HR Manager")),
                widths=(14, 22, 44, 28, 12),
            )
        ],
    )


def fe_training(path: Path) -> None:
    """Training records; two recent courses have no effectiveness evaluation yet (an OFI)."""
    write_csv(
        path,
        ("Name", "Course", "Date", "Trainer", "Result", "Effectiveness evaluated"),
        [
            (
                "S. Ahmed",
                "MIG welding to EN ISO 9606-1 (part 1)",
                date(2026, 4, 14),
                "Dunmore College",
                "Pass",
                "Test coupon passed bend test 2026-05-20",
            ),
            (
                "R. Singh",
                "Measuring arm advanced use",
                date(2026, 3, 24),
                "Calibre Metrology",
                "Completed",
                "Observed inspection 2026-04-15: correct",
            ),
            (
                "M. Clarke",
                "Measuring arm advanced use",
                date(2026, 3, 24),
                "Calibre Metrology",
                "Completed",
                "Observed inspection 2026-04-15: correct",
            ),
            ("K. Moore", "Pre-treatment chemistry", date(2026, 6, 9), "Chemical supplier", "Completed", ""),
            (
                "P. Lewis",
                "Press brake offline programming",
                date(2026, 7, 1),
                "Machine supplier",
                "Completed",
                "",
            ),
            (
                "12 operators",
                "Gasket fitting and final checklist",
                date(2026, 9, 22),
                "Quality Manager",
                "Completed",
                "Complaint rate for gaskets to be checked in Q4",
            ),
        ],
    )


def fe_awareness(path: Path) -> None:
    write_csv(
        path,
        ("Date", "Name", "Topic", "Delivered by"),
        [
            (
                date(2026, 1, 26),
                "All shift 1 (38 people)",
                "Quality objectives 2026 and KPI board",
                "Operations Director",
            ),
            (
                date(2026, 1, 27),
                "All shift 2 (35 people)",
                "Quality objectives 2026 and KPI board",
                "Operations Director",
            ),
            (
                date(2026, 4, 6),
                "T. Green (new starter)",
                "Induction: quality policy, objectives, nonconforming product",
                "HR Manager",
            ),
            (
                date(2026, 9, 7),
                "L. Park, D. Evans (agency welders)",
                "Induction: quality policy, red tag quarantine",
                "HR Manager",
            ),
        ],
    )


def fe_communication(path: Path) -> None:
    text = front_matter(
        (
            ("title", "Communication Plan"),
            ("doc_id", "QF-14"),
            ("version", "3"),
            ("owner", "Quality Manager"),
            ("approved_on", "2025-11-04"),
        )
    )
    text += (
        """
# Communication Plan

"""
        + md_table(
            (
                "What",
                "When",
                "With whom",
                "How",
                "Who communicates",
            ),
            [
                (
                    "KPI results and quality objectives",
                    "Monthly",
                    "All staff",
                    "KPI boards in each workshop",
                    "Production Manager",
                ),
                (
                    "Quality alerts after complaints",
                    "Within 24 hours",
                    "Operators, inspectors",
                    "Shift briefing",
                    "Quality Manager",
                ),
                (
                    "Order confirmations and delivery changes",
                    "Per order",
                    "Customers",
                    "ERP e-mail",
                    "Sales office",
                ),
                (
                    "Complaint responses (8D)",
                    "Within 10 working days",
                    "Customers",
                    "E-mail, customer portal",
                    "Quality Manager",
                ),
                (
                    "Supplier performance scorecards",
                    "Twice a year",
                    "Suppliers",
                    "E-mail",
                    "Purchasing Manager",
                ),
                (
                    "Quality policy",
                    "At induction; on the website",
                    "Staff, customers",
                    "Induction, website",
                    "HR Manager",
                ),
            ],
        )
        + """"""
    )
    write_text(path, text)


def fe_lessons(path: Path) -> None:
    header = ("Ref", "Date", "Description", "Lesson learned", "Applied to")
    rows = [
        (
            "K-26-01",
            date(2026, 2, 17),
            "Complaint CC-26-003 missing gaskets",
            "Gasket fitting is skipped under time pressure",
            "Final inspection checklist",
        ),
        (
            "K-26-02",
            date(2026, 5, 12),
            "Coating thickness gauge out of tolerance",
            "Check gauges on the reference plate weekly",
            "WI-PC-03",
        ),
        (
            "K-26-03",
            date(2026, 7, 3),
            "New fibre laser nesting",
            "Common-line cutting saves 6% material on large panels",
            "Nesting rules in WI-LC-01",
        ),
    ]
    write_xlsx(
        path,
        title="Knowledge and Lessons Learned",
        sheets=[
            sheet(
                "Lessons",
                header,
                rows,
                heading="Organisational knowledge and lessons learned",
                widths=(9, 12, 40, 50, 30),
            )
        ],
    )


def fe_doc_control(path: Path) -> None:
    write_docx(
        path,
        title="Control of Documented Information",
        control=fe_control("QP-02", "6", "Quality Manager", FE_QM, "14 May 2025", "14 May 2027"),
        footer="QP-02 Control of documented information - Rev 6",
        blocks=[
            h1("Purpose"),
            para(
                "This procedure describes how documents and records are created, identified, reviewed,",
                "approved, distributed, stored, changed and disposed of.",
            ),
            h1("Identification and format"),
            para(
                "Every document has a document number, title, revision and owner in its header or control "
                "block;",
                "procedures use the Word template, work instructions the intranet wiki format. Records are "
                "kept",
                "in electronic format in the ERP or on the shared drive; paper records are scanned.",
            ),
            h1("Review and approval"),
            para(
                "Documents are reviewed for adequacy by the process owner and approved by the Quality "
                "Manager or",
                "the person named in the master list before issue.",
            ),
            h1("Availability and distribution"),
            para(
                "Current documents are available at the point of use through the intranet and the document",
                "management system; workshop terminals show only the released revision. Distribution of "
                "paper",
                "copies is recorded. Access and retrieval are controlled by permissions in the shared drive.",
            ),
            h1("Protection"),
            para(
                "Confidential customer drawings are stored with access rights limited to authorised users. "
                "The",
                "server is backed up daily; released records are read-only so that they cannot be altered, "
                "and",
                "the document management system keeps an audit trail and the version history.",
            ),
            h1("Changes"),
            para(
                "Changes are recorded in the revision history of each document (change control). Superseded",
                "revisions are withdrawn from the intranet and archived as obsolete.",
            ),
            h1("Storage, retention and disposal"),
            para(
                "Records are stored in the archive folders so that they stay legible, with a retention "
                "period",
                "stated in the master list (normally 10 years for product records). At the end of the "
                "retention",
                "period records are disposed of by confidential destruction or deletion.",
            ),
            h1("Documents of external origin"),
            para(
                "Customer drawings and specifications, standards and supplier manuals are documents of "
                "external",
                "origin; they are registered on receipt with their revision and controlled like our own.",
            ),
        ],
    )


def fe_master_list(path: Path) -> None:
    header = ("Doc ID", "Title", "Revision", "Owner", "Approved on", "Status", "Retention")
    rows = [
        (
            "QM-01",
            "Quality Manual (incl. scope of the QMS)",
            "5",
            "Quality Manager",
            date(2021, 3, 8),
            "Released",
            "Permanent",
        ),
        ("QP-01", "Quality Policy", "4", "Managing Director", date(2021, 4, 12), "Released", "Permanent"),
        (
            "QF-07",
            "Quality Objectives 2026",
            "2026.1",
            "Quality Manager",
            date(2026, 1, 19),
            "Released",
            "10 years",
        ),
        (
            "QP-02",
            "Control of Documented Information",
            "6",
            "Quality Manager",
            date(2025, 5, 14),
            "Released",
            "Permanent",
        ),
        ("QP-05", "Internal Audit Procedure", "1", "Quality Manager", date(2024, 2, 1), "Draft", "Permanent"),
        (
            "QP-06",
            "Sales and Order Handling",
            "4",
            "Sales Manager",
            date(2025, 10, 2),
            "Released",
            "Permanent",
        ),
        (
            "QP-07",
            "Purchasing and Supplier Control",
            "5",
            "Purchasing Manager",
            date(2025, 8, 21),
            "Released",
            "Permanent",
        ),
        (
            "CP-EN-01",
            "Control Plan - Enclosure Line",
            "9",
            "Quality Manager",
            date(2026, 4, 20),
            "Released",
            "Permanent",
        ),
        (
            "WI-PB-02",
            "Press Brake Bending",
            "3",
            "Production Manager",
            date(2025, 11, 18),
            "Released",
            "Permanent",
        ),
        (
            "WI-PC-03",
            "Powder Coating Line",
            "5",
            "Production Manager",
            date(2026, 5, 14),
            "Released",
            "Permanent",
        ),
    ]
    write_xlsx(
        path,
        title="Master Document List",
        sheets=[
            sheet(
                "Documents",
                header,
                rows,
                heading="Master list of documents",
                control=(("Document No.", "QF-01"),),
                widths=(10, 42, 9, 20, 12, 10, 10),
            )
        ],
    )


def fe_booth_log(path: Path) -> None:
    rows = []
    for day, temp, rh in (
        (1, 21.5, 48),
        (2, 22.0, 51),
        (5, 20.8, 46),
        (6, 21.2, 49),
        (7, 22.4, 55),
        (8, 21.9, 52),
        (9, 21.0, 47),
    ):
        rows.append((date(2026, 10, day), "Powder booth", "Temperature (C)", "15-30", temp, "K. Moore"))
        rows.append((date(2026, 10, day), "Powder booth", "Relative humidity (%)", "30-65", rh, "K. Moore"))
    write_csv(path, ("Date", "Area", "Parameter", "Limit", "Reading", "Checked by"), rows)


def fe_sales_procedure(path: Path) -> None:
    write_docx(
        path,
        title="Sales and Order Handling Procedure",
        control=fe_control("QP-06", "4", "Sales Manager", FE_MD, "2 October 2025", "2 October 2027"),
        footer="QP-06 Sales and order handling - Rev 4",
        blocks=[
            h1("Product information and enquiries"),
            para(
                "Customers receive product information through the website, the capability brochure and data",
                "sheets. Enquiries are logged in the ERP and answered with a quotation within five working "
                "days.",
            ),
            h1("Contract review"),
            para(
                "Before an order is accepted the sales office reviews it against the quotation: customer",
                "requirements including delivery date and post-delivery support, requirements not stated by "
                "the",
                "customer but needed for the intended use, statutory and regulatory requirements (RoHS, "
                "rail fire",
                "standards), and any differences from the quotation, which are resolved with the customer. "
                "Verbal",
                "or telephone orders are confirmed in writing with an order acknowledgement.",
            ),
            h1("Order changes"),
            para(
                "A change to the order (revised drawing, quantity or date) is recorded as an amendment in "
                "the ERP;",
                "planning and production are informed through the revised works order.",
            ),
            h1("Customer feedback and complaints"),
            para(
                "Customer feedback and complaints are recorded in the complaints log and answered with an 8D",
                "report; justified complaints open a corrective action.",
            ),
            h1("Customer property"),
            para(
                "Customer-owned tooling and customer supplied locks are registered on receipt. If customer",
                "property is lost or damaged, it is reported to the customer and recorded in the register.",
            ),
            h1("Contingency"),
            para(
                "For a breakdown of the coating line, the contingency is the subcontract agreement with a",
                "backup supplier (ColourCoat); customers are informed of any delay.",
            ),
            h1("Post-delivery"),
            para(
                "We give a 24-month warranty on workmanship and coating. Warranty claims and returns are",
                "handled by the Quality Manager; spare parts (doors, gaskets) are supplied on request.",
            ),
        ],
    )


def fe_contract_reviews(path: Path) -> None:
    write_csv(
        path,
        (
            "Order no",
            "Customer",
            "Review date",
            "Reviewed by",
            "Requirements confirmed",
            "Result",
            "Amendment",
        ),
        [
            (
                "SO-26-1184",
                "Halden Switchgear",
                date(2026, 9, 2),
                "T. Bradley",
                "Drawing rev C, IP66, RAL 7035",
                "Accepted",
                "-",
            ),
            (
                "SO-26-1190",
                "Norvik Rail Systems",
                date(2026, 9, 9),
                "T. Bradley",
                "EN 45545-2 materials, FAI required",
                "Accepted after clarification",
                "Delivery moved to week 44",
            ),
            (
                "SO-26-1203",
                "Brightwater Energy Storage",
                date(2026, 9, 23),
                "L. Hughes",
                "Large cabinet, stainless 316",
                "Accepted",
                "-",
            ),
            (
                "SO-26-1211",
                "Castell Controls",
                date(2026, 10, 1),
                "L. Hughes",
                "Repeat order, rev B",
                "Accepted",
                "-",
            ),
            (
                "SO-26-1215",
                "Halden Switchgear",
                date(2026, 10, 7),
                "T. Bradley",
                "Tolerance 0.1 mm on flange",
                "Declined tolerance; customer accepted 0.3 mm",
                "Drawing rev D",
            ),
        ],
    )


def fe_complaints(path: Path) -> None:
    write_csv(
        path,
        ("Complaint ID", "Date received", "Customer", "Description", "Response", "NC ID", "Status"),
        [
            (
                "CC-26-003",
                date(2026, 2, 9),
                "Halden Switchgear",
                "Gaskets missing on 4 doors",
                "8D sent 2026-02-17",
                "NC-26-004",
                "Closed",
            ),
            (
                "CC-26-009",
                date(2026, 5, 21),
                "Norvik Rail Systems",
                "Coating scratches on delivery",
                "8D sent 2026-06-01",
                "NC-26-009",
                "Closed",
            ),
            (
                "CC-26-014",
                date(2026, 8, 11),
                "Castell Controls",
                "Wrong label text on 20 enclosures",
                "Labels replaced on site",
                "NC-26-013",
                "Closed",
            ),
            (
                "CC-26-017",
                date(2026, 10, 13),
                "Brightwater Energy Storage",
                "Door hinge misaligned",
                "Investigation",
                "NC-26-016",
                "Open",
            ),
        ],
    )


def fe_spec(path: Path) -> None:
    write_pdf(
        path,
        title="Product Specification FE-EC Series Enclosures",
        author="Quality Manager",
        control=(("Document No.", "PS-EC-01"), ("Revision", "3"), ("Approval date", "9 September 2025")),
        blocks=[
            h1("Scope"),
            para(
                "Wall-mounted and floor-standing enclosures of the FE-EC series, made to customer drawings "
                "within",
                "the limits below.",
            ),
            h1("Technical requirements"),
            grid(
                ["Characteristic", "Requirement"],
                ["Material", "Mild steel DC01 1.5-2.0 mm or stainless steel 1.4404"],
                ["Dimensions", "General tolerance ISO 2768-m unless drawing states otherwise"],
                ["Ingress protection", "IP66 to EN 60529 (type tested)"],
                ["Coating", "Polyester powder 60-90 microns, RAL to order"],
                ["Performance", "IK08 impact resistance"],
            ),
            h1("Statutory and regulatory requirements"),
            para(
                "Materials comply with RoHS and REACH; enclosures for rail customers use materials to EN",
                "45545-2. A declaration of compliance is supplied with each delivery.",
            ),
            h1("Post-delivery"),
            para("Warranty 24 months; spare doors and gaskets available for 10 years."),
        ],
    )


def fe_control_plan(path: Path) -> None:
    header = (
        "Process step",
        "Process parameters",
        "Characteristic",
        "Specification / tolerance",
        "Method",
        "Sample size",
        "Frequency",
        "Reaction plan",
    )
    rows = [
        (
            "Laser cutting",
            "Program per part number; power 6 kW; nitrogen 14 bar",
            "Blank dimensions",
            "ISO 2768-m",
            "Steel tape, caliper",
            "1",
            "First-off and every 50",
            "Stop, adjust program, quarantine parts since last good check",
        ),
        (
            "Bending",
            "Program and tooling per part number",
            "Flange angle and length",
            "+/- 0.5 deg, +/- 0.3 mm",
            "Protractor, caliper",
            "1",
            "First-off per setup",
            "Adjust back gauge; red tag suspect parts",
        ),
        (
            "Welding",
            "WPS-03: 22 V, 180 A, Ar/CO2 82/18",
            "Weld size and appearance",
            "Per drawing, EN ISO 5817 level C",
            "Visual, gauge",
            "100%",
            "Each part",
            "Rework by qualified welder",
        ),
        (
            "Powder coating",
            "Gun 70 kV; belt speed 1.8 m/min",
            "Coating thickness",
            "60-90 microns",
            "Coating thickness gauge",
            "5 readings",
            "Each batch",
            "Hold batch; strip and recoat",
        ),
        (
            "Powder coating",
            "Oven 190 C object temperature, 12 min",
            "Cure",
            "No softening in MEK rub test",
            "MEK rub",
            "1",
            "Each shift",
            "Hold batch; re-cure",
        ),
        (
            "Assembly",
            "Torque settings per drawing",
            "Gasket fitted, label text",
            "Per drawing and order",
            "Final checklist (error-proofing)",
            "100%",
            "Each enclosure",
            "Correct before packing",
        ),
        (
            "Final inspection",
            "-",
            "Critical dimensions",
            "Drawing tolerances",
            "Measuring arm",
            "Per AQL 1.0",
            "Each lot",
            "Quarantine lot; raise NCR",
        ),
    ]
    rules = (
        ("Topic", "Rule"),
        (
            "Acceptance criteria",
            "Acceptance criteria are the drawing tolerances and the specifications above; pass/fail is "
            "recorded in the inspection record.",
        ),
        (
            "Identification and status",
            "Each lot carries a route card with the lot number and part number; status labels show awaiting "
            "inspection, accepted (green) or rejected (red tag) and on hold.",
        ),
        (
            "Nonconforming product",
            "Rejected parts are segregated in the quarantine area with a red tag and an NCR.",
        ),
        (
            "Release",
            "Final inspection is the release point; the inspector signs off the lot before dispatch.",
        ),
    )
    write_xlsx(
        path,
        title="Control Plan - Enclosure Line",
        sheets=[
            sheet(
                "Control plan",
                header,
                rows,
                heading="Control plan - enclosure line",
                control=fe_control("CP-EN-01", "9", "Quality Manager", FE_QM, "2026-04-20", "2027-04-20"),
                widths=(18, 36, 26, 32, 26, 10, 22, 46),
            ),
            sheet("Rules", rules[0], rules[1:], widths=(26, 120)),
        ],
    )


def fe_wi_bending(path: Path) -> None:
    write_docx(
        path,
        title="Work Instruction WI-PB-02 Press Brake Bending",
        control=fe_control(
            "WI-PB-02",
            "3",
            "Production Manager",
            "Lee Harrison, Production Manager",
            "18 November 2025",
            "18 November 2027",
        ),
        footer="WI-PB-02 Press brake bending - Rev 3",
        blocks=[
            h1("Safety"),
            para("Wear safety shoes and gloves (PPE); the light guard must be active before bending."),
            h1("Procedure steps"),
            bullets(
                "Step 1: Load the program for the part number from the route card.",
                "Step 2: Fit the tooling listed in the program; check the tool identification.",
                "Step 3: Bend the first-off part and measure angle and flange length.",
                "Step 4: Record the first-off check on the route card; the setter signs it.",
                "Step 5: Label finished parts with the lot number and move them to the welding buffer.",
            ),
            h1("Quality checks"),
            para(
                "The operator checks every 20th part with the protractor; a part out of tolerance is "
                "red-tagged",
                "and placed in the quarantine rack. A checklist on the machine covers tooling, program and "
                "first-off",
                "as error proofing.",
            ),
        ],
    )


def fe_wi_coating(path: Path) -> None:
    text = front_matter(
        (
            ("title", "Work Instruction WI-PC-03 Powder Coating Line"),
            ("doc_id", "WI-PC-03"),
            ("version", "5"),
            ("owner", "Production Manager"),
            ("approved_by", "Lee Harrison, Production Manager"),
            ("approved_on", "2026-05-14"),
        )
    )
    text += """
# Work Instruction WI-PC-03 Powder Coating Line

## Pre-treatment

1. Step 1: Check the pre-treatment bath by titration twice per shift; record the result on the line log.
2. Step 2: Parts hang for 10 minutes in the drying oven before coating.

## Coating and curing

1. Apply powder at 60-90 microns; the operator measures 5 points per batch with the thickness gauge.
2. Cure at 190 C for 12 minutes (object temperature); run the MEK cure test once per shift.

## Handling

Wear clean gloves (PPE) when unloading; stack parts with foam separators to prevent damage.
The gauge is checked on the reference plate each Monday (lesson K-26-02).
"""
    write_text(path, text)


def fe_validation(path: Path) -> None:
    write_docx(
        path,
        title="Process Validation Report - Powder Coating Cure",
        control=fe_control("PV-PC-2025", "1", "Quality Manager", FE_QM, "3 December 2025", "3 December 2028"),
        footer="PV-PC-2025 Process validation - powder coating",
        blocks=[
            h1("Why validation"),
            para(
                "Powder coating cure is a special process: adhesion and cure cannot be fully verified on "
                "every",
                "finished part without destroying it, so the process is validated and revalidated every "
                "three",
                "years or after a change to the oven.",
            ),
            h1("Validation protocol"),
            para(
                "Oven temperature profiling with a data logger on three loads; cross-hatch adhesion (ISO "
                "2409),",
                "MEK rub and impact test on test panels from each load.",
            ),
            h1("Qualification results"),
            grid(
                ["Test", "Criterion", "Result"],
                ["Object temperature", "190 C for at least 10 min", "Pass (12.5 min)"],
                ["Cross-hatch adhesion", "Class 0 or 1", "Class 0"],
                ["MEK rub", "No softening after 50 rubs", "Pass"],
            ),
            h1("Conclusion"),
            para(
                "The curing process is validated for the settings in WI-PC-03; revalidation due December "
                "2028."
            ),
        ],
    )


FE_LOTS = ("L26-4411", "L26-4412", "L26-4415", "L26-4418", "L26-4420", "L26-4423")


def fe_inspection(path: Path) -> None:
    rows = [
        (
            date(2026, 10, 5),
            "L26-4411",
            "Flange length",
            "120 +/- 0.3",
            "120.12",
            "Pass",
            "CMM-01",
            "R. Singh",
        ),
        (date(2026, 10, 5), "L26-4411", "Coating thickness", "60-90 um", "74", "Pass", "DFT-03", "R. Singh"),
        (date(2026, 10, 6), "L26-4412", "Door gap", "3 +/- 0.5", "3.2", "Pass", "CAL-07", "M. Clarke"),
        (
            date(2026, 10, 8),
            "L26-4415",
            "Hole pattern",
            "Position 0.2",
            "0.34",
            "Fail",
            "CMM-01",
            "M. Clarke",
        ),
        (date(2026, 10, 12), "L26-4418", "Flange length", "80 +/- 0.3", "79.9", "Pass", "CMM-01", "R. Singh"),
        (date(2026, 10, 14), "L26-4420", "Torque of hinges", "8 Nm", "8.1", "Pass", "TW-05", "R. Singh"),
        (
            date(2026, 10, 19),
            "L26-4423",
            "Overall height",
            "600 +/- 1",
            "600.4",
            "Pass",
            "TAPE-11",
            "M. Clarke",
        ),
    ]
    write_csv(
        path,
        (
            "Date",
            "Lot",
            "Characteristic",
            "Specification",
            "Measured value",
            "Result",
            "Instrument ID",
            "Inspector",
        ),
        rows,
    )


def fe_releases(path: Path) -> None:
    write_csv(
        path,
        ("Lot", "Release date", "Order", "Acceptance criteria", "Result", "Released by"),
        [
            (
                "L26-4411",
                date(2026, 10, 6),
                "SO-26-1184",
                "Control plan CP-EN-01 rev 9",
                "Conforming",
                "R. Singh",
            ),
            (
                "L26-4412",
                date(2026, 10, 7),
                "SO-26-1190",
                "Control plan + FAI report",
                "Conforming",
                "M. Clarke",
            ),
            (
                "L26-4415",
                date(2026, 10, 13),
                "SO-26-1203",
                "Control plan; concession C-26-07 for hole position",
                "Released under concession",
                "D. Okoro",
            ),
            (
                "L26-4418",
                date(2026, 10, 13),
                "SO-26-1211",
                "Control plan CP-EN-01 rev 9",
                "Conforming",
                "R. Singh",
            ),
            (
                "L26-4420",
                date(2026, 10, 15),
                "SO-26-1184",
                "Control plan CP-EN-01 rev 9",
                "Conforming",
                "R. Singh",
            ),
        ],
    )


def fe_traceability(path: Path) -> None:
    write_csv(
        path,
        (
            "Lot number",
            "Production date",
            "Part number",
            "Material lot",
            "Supplier lot",
            "Customer",
            "Shipped date",
        ),
        [
            (
                "L26-4411",
                date(2026, 10, 2),
                "HS-1840-C",
                "Heat 7720514",
                "SB-26-0931",
                "Halden Switchgear",
                date(2026, 10, 7),
            ),
            (
                "L26-4412",
                date(2026, 10, 3),
                "NR-0112-B",
                "Heat 7720514",
                "SB-26-0931",
                "Norvik Rail Systems",
                date(2026, 10, 8),
            ),
            (
                "L26-4415",
                date(2026, 10, 6),
                "BW-3300-A",
                "Heat 4411890 (316)",
                "SB-26-0947",
                "Brightwater Energy Storage",
                date(2026, 10, 14),
            ),
            (
                "L26-4418",
                date(2026, 10, 9),
                "CC-0220-B",
                "Heat 7720561",
                "SB-26-0952",
                "Castell Controls",
                date(2026, 10, 14),
            ),
        ],
    )


def fe_customer_property(path: Path) -> None:
    header = ("Owner", "Item", "Received date", "Condition", "Location", "Reported to owner", "Returned date")
    rows = [
        (
            "Halden Switchgear",
            "Press brake tooling set HS-T4",
            date(2024, 5, 10),
            "Good",
            "Tool store rack 3",
            "-",
            None,
        ),
        (
            "Norvik Rail Systems",
            "Customer supplied locks (400 pcs)",
            date(2026, 8, 25),
            "Good; 6 damaged in transit",
            "Stores B2",
            "Yes, 2026-08-26 (damage reported to the customer)",
            None,
        ),
        (
            "Brightwater Energy Storage",
            "Customer drawings and 3D models (confidential)",
            date(2026, 9, 1),
            "Received",
            "ERP document vault",
            "-",
            None,
        ),
    ]
    write_xlsx(
        path,
        title="Customer Property Register",
        sheets=[
            sheet(
                "Register",
                header,
                rows,
                heading="Customer property register",
                widths=(26, 40, 14, 28, 20, 40, 14),
            )
        ],
    )


def fe_packaging(path: Path) -> None:
    write_docx(
        path,
        title="Packaging and Dispatch Instruction",
        control=fe_control(
            "WI-DS-01",
            "4",
            "Logistics Lead",
            "Sunita Patel, Operations Director",
            "6 July 2025",
            "6 July 2027",
        ),
        footer="WI-DS-01 Packaging and dispatch - Rev 4",
        blocks=[
            h1("Handling"),
            para("Coated parts are handled with clean gloves and lifted with the vacuum lifter above 25 kg."),
            h1("Packaging"),
            para(
                "Each enclosure is wrapped in foam and stretch film; corners are protected against damage. "
                "The",
                "packing label shows part number, lot and order.",
            ),
            h1("Storage"),
            para(
                "Finished goods are stored indoors in the dispatch area on racks, first in first out (FIFO);",
                "gaskets have a shelf life of 24 months from manufacture.",
            ),
            h1("Transport"),
            para(
                "Deliveries use closed trucks; pallets are strapped. The dispatch check confirms quantity "
                "and",
                "certificate of conformity before loading.",
            ),
        ],
    )


def fe_warranty(path: Path) -> None:
    write_csv(
        path,
        ("Claim ID", "Claim date", "Customer", "Product", "Failure", "Action", "Status"),
        [
            (
                "W-26-01",
                date(2026, 3, 2),
                "Castell Controls",
                "CC-0180-A",
                "Coating blistering after 14 months outdoors",
                "Recoated 12 enclosures on site",
                "Closed",
            ),
            (
                "W-26-02",
                date(2026, 7, 20),
                "Halden Switchgear",
                "HS-1620-B",
                "Door hinge pin corroded",
                "Replacement hinges supplied",
                "Closed",
            ),
        ],
    )


def fe_process_changes(path: Path) -> None:
    write_csv(
        path,
        (
            "Change ID",
            "Date",
            "Change description",
            "Reason",
            "Review result",
            "Authorized by",
            "Actions",
            "Effective date",
        ),
        [
            (
                "PCR-26-02",
                date(2026, 3, 9),
                "New powder supplier for RAL 7035",
                "Cost",
                "Qualification panels passed adhesion and colour",
                "S. Patel",
                "WI-PC-03 updated; first batch 100% inspected",
                date(2026, 4, 1),
            ),
            (
                "PCR-26-05",
                date(2026, 6, 22),
                "Nesting software upgrade on fibre laser",
                "Material savings",
                "First-off parts checked on three part families",
                "S. Patel",
                "Operators trained; programs re-posted",
                date(2026, 7, 1),
            ),
            (
                "PCR-26-07",
                date(2026, 9, 14),
                "Welding cell moved to bay 2",
                "Layout for new press brake",
                "Trial welds passed; ventilation checked",
                "S. Patel",
                "Layout drawing and WI updated",
                date(2026, 10, 5),
            ),
        ],
    )


def fe_ncr_register(path: Path) -> None:
    header = (
        "NCR No",
        "Date",
        "Product",
        "Lot",
        "Quantity",
        "Defect",
        "Disposition",
        "Concession",
        "Authorised by",
        "Verification",
    )
    rows = [
        (
            "NCR-26-031",
            date(2026, 9, 3),
            "HS-1840-C",
            "L26-4302",
            8,
            "Flange 0.6 mm short",
            "Rework (re-bend)",
            "-",
            "D. Okoro",
            "Re-inspected 2026-09-04: pass",
        ),
        (
            "NCR-26-034",
            date(2026, 9, 17),
            "NR-0112-B",
            "L26-4355",
            3,
            "Coating runs",
            "Strip and recoat",
            "-",
            "D. Okoro",
            "Re-inspected 2026-09-19: pass",
        ),
        (
            "NCR-26-036",
            date(2026, 10, 8),
            "BW-3300-A",
            "L26-4415",
            40,
            "Hole position 0.34 (tolerance 0.2)",
            "Use as is under concession",
            "C-26-07 accepted by customer",
            "D. Okoro",
            "Customer approval e-mail 2026-10-12",
        ),
        (
            "NCR-26-037",
            date(2026, 10, 20),
            "CC-0220-B",
            "L26-4424",
            2,
            "Weld spatter inside",
            "Scrap",
            "-",
            "L. Harrison",
            "Replacement parts inspected 2026-10-22",
        ),
    ]
    write_xlsx(
        path,
        title="NCR Register 2026",
        sheets=[
            sheet(
                "NCRs",
                header,
                rows,
                heading="Nonconforming product register (NCR) 2026",
                control=(("Document No.", "QF-16"),),
                widths=(11, 12, 12, 10, 9, 32, 28, 28, 12, 32),
            )
        ],
    )


def fe_purchasing_procedure(path: Path) -> None:
    write_docx(
        path,
        title="Purchasing and Supplier Control Procedure",
        control=fe_control("QP-07", "5", "Purchasing Manager", FE_MD, "21 August 2025", "21 August 2027"),
        footer="QP-07 Purchasing and supplier control - Rev 5",
        blocks=[
            h1("Scope"),
            para(
                "Applies to purchased materials, components and parts that go into our products, to "
                "outsourced",
                "processes (zinc plating and overflow powder coating subcontracted to approved "
                "subcontractors),",
                "and to services such as calibration.",
            ),
            h1("Supplier evaluation and selection"),
            para(
                "New suppliers are selected against criteria: quality certification, capability, price, "
                "delivery",
                "performance and financial stability. Approval is recorded in the approved supplier list.",
            ),
            h1("Type and extent of control"),
            para(
                "The level of control is risk based: critical suppliers (steel, subcontract coating) need "
                "ISO 9001",
                "certification and a certificate of conformity with each delivery; other suppliers are "
                "checked at",
                "receiving inspection.",
            ),
            h1("Performance monitoring and re-evaluation"),
            para(
                "Supplier performance (on-time delivery, rejected deliveries) is monitored monthly and each",
                "supplier has an annual evaluation; suppliers below 70 points get a corrective action "
                "request.",
            ),
            h1("Purchasing information"),
            para(
                "Purchase orders state part number, drawing revision, material specification, quantity, "
                "delivery",
                "date, certificate requirements and our right of access for source inspection.",
            ),
        ],
    )


FE_SUPPLIERS = (
    (
        "Steelbase Metals Ltd",
        "Sheet steel and stainless coil",
        "Approved",
        date(2014, 6, 1),
        date(2026, 3, 31),
        "ISO 9001",
    ),
    ("Kovac Fasteners", "Fasteners, hinges", "Approved", date(2016, 2, 1), date(2026, 3, 31), "ISO 9001"),
    ("PolyGasket GmbH", "Gaskets", "Approved", date(2019, 9, 1), date(2026, 3, 31), "ISO 9001"),
    (
        "ColourCoat Finishing",
        "Subcontract powder coating (overflow)",
        "Approved (conditional)",
        date(2025, 11, 1),
        date(2026, 11, 30),
        "ISO 9001",
    ),
    (
        "Dunmore Zinc Plating",
        "Subcontract zinc plating",
        "Approved",
        date(2015, 4, 1),
        date(2026, 3, 31),
        "None",
    ),
    (
        "Calibre Metrology Services",
        "Calibration",
        "Approved",
        date(2018, 1, 1),
        date(2026, 3, 31),
        "ISO/IEC 17025",
    ),
)


def fe_asl(path: Path) -> None:
    header = (
        "Supplier",
        "Products/services",
        "Approval status",
        "Approved on",
        "Next evaluation",
        "Certification",
    )
    write_xlsx(
        path,
        title="Approved Supplier List",
        sheets=[
            sheet(
                "ASL",
                header,
                FE_SUPPLIERS,
                heading="Approved supplier list",
                control=(("Document No.", "QF-17"),),
                widths=(28, 40, 22, 12, 14, 14),
            )
        ],
    )


def fe_supplier_evaluation(path: Path) -> None:
    """The annual supplier evaluation was last done for the March 2025 surveillance audit."""
    header = ("Supplier", "Evaluation date", "On-time delivery", "Rejected deliveries", "Score", "Rating")
    rows = [
        ("Steelbase Metals Ltd", date(2025, 3, 11), "96%", 1, 86, "A"),
        ("Kovac Fasteners", date(2025, 3, 11), "92%", 2, 78, "B"),
        ("PolyGasket GmbH", date(2025, 3, 11), "94%", 1, 81, "B"),
        ("Dunmore Zinc Plating", date(2025, 3, 11), "95%", 0, 85, "A"),
        ("Calibre Metrology Services", date(2025, 3, 11), "100%", 0, 95, "A"),
        (
            "ColourCoat Finishing",
            date(2025, 10, 28),
            "-",
            0,
            72,
            "Approved conditionally (initial evaluation)",
        ),
    ]
    write_xlsx(
        path,
        title="Supplier Evaluation 2025",
        sheets=[
            sheet(
                "Evaluation",
                header,
                rows,
                heading="Annual supplier evaluation 2025",
                widths=(28, 14, 14, 16, 8, 30),
            )
        ],
    )


def fe_purchase_order(path: Path) -> None:
    write_pdf(
        path,
        title="Purchase Order PO-26-0412",
        author="Purchasing",
        control=(
            ("PO number", "PO-26-0412"),
            ("Date", "14 September 2026"),
            ("Supplier", "ColourCoat Finishing"),
            ("Ship to", "Fenwick Enclosures Ltd, Dunmore Road"),
        ),
        blocks=[
            h1("Items"),
            grid(
                ["Part number", "Description", "Quantity", "Delivery date"],
                ["NR-0112-B", "Powder coat RAL 7035 to drawing rev B, 60-90 microns", "120", "2026-09-25"],
            ),
            h1("Quality requirements"),
            para(
                "Coating to our specification PS-EC-01 and work instruction WI-PC-03 settings. The supplier "
                "shall",
                "supply a certificate of conformity and the thickness readings with the delivery. Only "
                "qualified",
                "operators may apply the coating. Fenwick and its customer have right of access to the "
                "supplier's",
                "premises for source inspection and audit.",
            ),
        ],
    )


def fe_goods_in(path: Path) -> None:
    write_csv(
        path,
        ("Receipt date", "Supplier", "PO number", "Lot", "Quantity received", "Result", "Inspected by"),
        [
            (
                date(2026, 10, 1),
                "Steelbase Metals Ltd",
                "PO-26-0431",
                "SB-26-0952",
                "4.2 t",
                "Accepted (3.1 cert OK)",
                "A. Kowalski",
            ),
            (
                date(2026, 10, 2),
                "Kovac Fasteners",
                "PO-26-0433",
                "KF-88123",
                "5000",
                "Accepted",
                "A. Kowalski",
            ),
            (
                date(2026, 10, 6),
                "PolyGasket GmbH",
                "PO-26-0436",
                "PG-2609-14",
                "800 m",
                "Rejected: wrong profile",
                "A. Kowalski",
            ),
            (
                date(2026, 10, 9),
                "ColourCoat Finishing",
                "PO-26-0412",
                "CC-0412",
                "120",
                "Accepted (CoC and readings)",
                "A. Kowalski",
            ),
        ],
    )


def fe_kpis(path: Path) -> None:
    header = ("Month", "Indicator", "Target", "Actual", "Trend", "Owner", "Data source and method")
    rows = []
    series = {
        "On-time delivery %": (
            "96",
            ("93.0", "93.8", "94.5", "94.1"),
            "Operations Director",
            "ERP: shipped on confirmed date / orders",
        ),
        "Internal ppm (final inspection rejects)": (
            "2500",
            ("3100", "2800", "2650", "2400"),
            "Quality Manager",
            "Rejected / inspected parts",
        ),
        "Scrap cost % of sales": (
            "1.5",
            ("2.0", "1.9", "1.8", "1.8"),
            "Production Manager",
            "Finance scrap report",
        ),
        "Customer satisfaction score (survey, quarterly pulse)": (
            "8.0",
            ("7.6", "7.8", "7.7", "7.9"),
            "Sales Manager",
            "Pulse survey",
        ),
        "Supplier on-time delivery %": ("95", ("92", "93", "94", "93"), "Purchasing Manager", "ERP receipts"),
    }
    months = (date(2026, 6, 1), date(2026, 7, 1), date(2026, 8, 1), date(2026, 9, 1))
    for indicator, (target, actuals, owner, method) in series.items():
        for month, actual in zip(months, actuals, strict=True):
            trend = "Improving" if month.month > 6 else "-"
            rows.append((month, indicator, target, actual, trend, owner, method))
    analysis = (
        ("Topic", "Analysis"),
        (
            "Pareto of rejects (Q3)",
            "Hole position 38%, coating runs 22%, flange length 17%: statistical review of the laser "
            "program offsets started.",
        ),
        ("Trend", "OTD trend improving after finite capacity planning; still below the 96% objective."),
    )
    write_xlsx(
        path,
        title="KPI Dashboard 2026",
        sheets=[
            sheet(
                "KPIs", header, rows, heading="Monthly KPI dashboard 2026", widths=(10, 44, 8, 8, 12, 22, 40)
            ),
            sheet("Analysis", analysis[0], analysis[1:], widths=(22, 110)),
        ],
    )


def fe_satisfaction(path: Path) -> None:
    """The last customer survey, of 2025: the 2026 survey was not run."""
    write_pdf(
        path,
        title="Customer Satisfaction Survey 2025 - Results",
        author="Sales Manager",
        control=(("Document No.", "QR-CS-2025"), ("Date", "28 March 2025"), ("Owner", "Sales Manager")),
        blocks=[
            h1("Method"),
            para(
                "Survey of 24 active customers in February 2025; 15 respondents (response rate 63 per cent)."
            ),
            h1("Results"),
            grid(
                ["Question", "Score 2024", "Score 2025"],
                ["Product quality", "7.9", "8.1"],
                ["On-time delivery", "7.1", "7.0"],
                ["Communication", "7.6", "7.9"],
                ["Net promoter score", "+18", "+21"],
            ),
            h1("Actions"),
            bullets(
                "Improve delivery reliability (objective 1, finite capacity planning).",
                "Follow-up calls with the three customers scoring below 6.",
            ),
        ],
    )


def fe_audit_procedure(path: Path) -> None:
    """Copied from a consultant's template in 2024 and never finished: two placeholders, approver TBD."""
    write_docx(
        path,
        title="Internal Audit Procedure",
        control=(
            ("Document No.", "QP-05"),
            ("Revision", "1"),
            ("Owner", "Quality Manager"),
            ("Approved by", "TBD"),
            ("Approval date", "1 February 2024"),
            ("Status", "Draft"),
        ),
        status="Draft",
        footer="QP-05 Internal audit procedure - Rev 1 - DRAFT",
        blocks=[
            h1("Purpose"),
            para(
                "This procedure defines how internal audits of the quality management system are planned,",
                "carried out, reported and followed up.",
            ),
            h1("Audit programme"),
            para(
                "The Quality Manager prepares an annual audit programme. Each process is audited",
                "[insert audit frequency]; processes with previous nonconformities, customer complaints or",
                "changes are audited more often, according to their importance and risk.",
            ),
            h1("Responsibilities"),
            para(
                "The audit programme is approved by <Name>. The lead auditor is responsible for the audit "
                "plan,",
                "the audit and the audit report.",
            ),
            h1("Auditors"),
            para("Auditors are trained internal auditors who do not audit their own work."),
            h1("Reporting"),
            para(
                "The lead auditor issues the audit report within five working days after the closing "
                "meeting;",
                "nonconformities are entered in the CAPA log.",
            ),
        ],
    )


def fe_audit_programme(path: Path) -> None:
    """The 2026 audit programme: operations are audited, clauses 9 and 10 are never reached (a gap)."""
    header = ("Audit no", "Process", "Clauses", "Month", "Auditor", "Auditee", "Status")
    rows = [
        (
            "IA-26-01",
            "Context, leadership and planning",
            "4, 5, 6",
            date(2026, 1, 20),
            "D. Okoro",
            "Managing Director",
            "Completed",
        ),
        (
            "IA-26-02",
            "Support: competence, documents, calibration",
            "7",
            date(2026, 3, 17),
            "External (P. Shah)",
            "HR Manager, Quality Manager",
            "Completed",
        ),
        (
            "IA-26-03",
            "Production, inspection and release",
            "8.5, 8.6, 8.7",
            date(2026, 5, 19),
            "D. Okoro",
            "Production Manager",
            "Completed",
        ),
        (
            "IA-26-04",
            "Sales and contract review",
            "8.2",
            date(2026, 7, 14),
            "J. Wright",
            "Sales Manager",
            "Completed",
        ),
        (
            "IA-26-05",
            "Purchasing and subcontractors",
            "8.4",
            date(2026, 9, 15),
            "T. Bradley",
            "Purchasing Manager",
            "Completed",
        ),
        (
            "IA-26-06",
            "Maintenance and infrastructure",
            "7.1.3",
            date(2026, 11, 17),
            "D. Okoro",
            "Maintenance Lead",
            "Planned",
        ),
    ]
    write_xlsx(
        path,
        title="Internal Audit Programme 2026",
        sheets=[
            sheet(
                "Programme",
                header,
                rows,
                heading="Internal audit programme 2026",
                control=(("Document No.", "QF-18"), ("Owner", "Quality Manager")),
                widths=(10, 42, 14, 12, 20, 30, 12),
            )
        ],
    )


def fe_audit_report(path: Path) -> None:
    write_docx(
        path,
        title="Internal Audit Report IA-26-03 Production, Inspection and Release",
        control=(
            ("Audit no", "IA-26-03"),
            ("Audit date", "19 May 2026"),
            ("Lead auditor", FE_QM),
            ("Auditee", "Lee Harrison, Production Manager"),
        ),
        footer="Internal audit report IA-26-03",
        blocks=[
            h1("Audit scope"),
            para(
                "Production (cutting, bending, welding, coating, assembly), final inspection and release,",
                "control of nonconforming output.",
            ),
            h1("Audit criteria"),
            para(
                "ISO 9001:2015 clauses 8.5 to 8.7, control plan CP-EN-01, work instructions WI-PB-02 and "
                "WI-PC-03."
            ),
            h1("Findings"),
            grid(
                ["No.", "Type", "Finding"],
                [
                    "1",
                    "Nonconformity",
                    "Two red-tagged parts stored outside the quarantine rack (NC-26-007).",
                ],
                [
                    "2",
                    "Nonconformity",
                    "Coating thickness gauge used after its calibration due date (NC-26-008).",
                ],
                ["3", "Observation", "First-off checks on press brake PB-03 signed but values not recorded."],
            ),
            h1("Conclusion"),
            para(
                "Production processes are implemented and generally effective; the control of nonconforming",
                "product conforms apart from finding 1. The report was presented at the closing meeting and",
                "distributed to the Production Manager and the Managing Director.",
            ),
        ],
    )


def fe_mr_template(path: Path) -> None:
    """The management review template the consultant left in 2024; no review has been minuted since."""
    write_docx(
        path,
        title="Management Review Minutes - Template",
        control=(
            ("Company", "<Company Name>"),
            ("Date of review", "[insert date]"),
            ("Chair", "[insert name]"),
        ),
        status="Draft",
        footer="Management review minutes template",
        blocks=[
            h1("Attendees"),
            para("[insert names and roles]"),
            h1("Review inputs"),
            bullets(
                "Status of actions from previous management reviews",
                "Changes in external and internal issues",
                "Customer satisfaction and feedback from interested parties",
                "Extent to which quality objectives have been met",
                "Process performance and conformity of products and services",
                "Nonconformities and corrective actions",
                "Monitoring and measurement results",
                "Audit results",
                "Performance of external providers",
                "Adequacy of resources",
                "Effectiveness of actions taken to address risks and opportunities",
                "Opportunities for improvement",
            ),
            h1("Decisions and actions"),
            grid(
                ["Decision / action", "Owner", "Due date"],
                ["[insert action]", "[insert owner]", "DD/MM/YYYY"],
            ),
            para("Delete this guidance text before issue."),
        ],
    )


def fe_capa_log(path: Path) -> None:
    """The NC and CAPA log: NC-26-007, -012 and -014 have no root cause (one says TBD), a classic gap."""
    write_csv(
        path,
        (
            "NC ID",
            "Date raised",
            "Source",
            "Description",
            "Correction",
            "Root cause",
            "Corrective action",
            "Owner",
            "Due date",
            "Status",
            "Effectiveness check",
        ),
        [
            (
                "NC-26-001",
                date(2026, 1, 20),
                "IA-26-01",
                "Quality objectives not communicated to shift 2",
                "Briefing held 2026-01-27",
                "Briefing plan covered shift 1 only",
                "Objectives briefing added to shift plan",
                "Operations Director",
                date(2026, 2, 28),
                "Closed",
                "Verified 2026-04-10: both shifts briefed",
            ),
            (
                "NC-26-004",
                date(2026, 2, 9),
                "CC-26-003",
                "Gaskets missing on 4 doors (Halden)",
                "Gaskets fitted on site",
                "Gasket fitting not on the final checklist",
                "Gasket check added to the final inspection checklist",
                "Quality Manager",
                date(2026, 3, 15),
                "Closed",
                "Verified 2026-06-30: no repeat in Q2",
            ),
            (
                "NC-26-005",
                date(2026, 3, 17),
                "IA-26-02",
                "Training record missing for agency welder",
                "Record completed",
                "Agency induction not routed through HR",
                "Agency starters booked through HR induction",
                "HR Manager",
                date(2026, 4, 30),
                "Closed",
                "Verified 2026-09-07: agency induction records complete",
            ),
            (
                "NC-26-007",
                date(2026, 5, 19),
                "IA-26-03",
                "Red-tagged parts outside the quarantine rack",
                "Parts moved to quarantine",
                "",
                "Remind operators",
                "Production Manager",
                date(2026, 6, 30),
                "Closed",
                "",
            ),
            (
                "NC-26-008",
                date(2026, 5, 19),
                "IA-26-03",
                "Coating gauge DFT-03 used after calibration due date",
                "Gauge calibrated; lots checked",
                "Due dates only in the register, not on the gauge",
                "Calibration labels with due date on every gauge",
                "Quality Manager",
                date(2026, 6, 30),
                "Closed",
                "Verified 2026-09-15: all gauges labelled",
            ),
            (
                "NC-26-009",
                date(2026, 5, 21),
                "CC-26-009",
                "Coating scratches on delivery (Norvik)",
                "Parts recoated",
                "Stacking without separators after coating",
                "Foam separators and WI-PC-03 handling section",
                "Production Manager",
                date(2026, 7, 15),
                "Closed",
                "Verified 2026-10-01: no repeat",
            ),
            (
                "NC-26-011",
                date(2026, 5, 12),
                "Calibration",
                "Coating thickness gauge out of tolerance as found",
                "Impact assessment; no recall",
                "Gauge dropped; no weekly check",
                "Weekly reference plate check",
                "Quality Manager",
                date(2026, 6, 30),
                "Closed",
                "Verified 2026-08-31",
            ),
            (
                "NC-26-012",
                date(2026, 7, 14),
                "IA-26-04",
                "Order amendment not passed to planning",
                "Works order revised",
                "TBD",
                "Train sales office",
                "Sales Manager",
                date(2026, 8, 31),
                "Open",
                "",
            ),
            (
                "NC-26-013",
                date(2026, 8, 11),
                "CC-26-014",
                "Wrong label text on 20 enclosures (Castell)",
                "Labels replaced",
                "Label printed from old order revision",
                "Labels printed from the ERP order only",
                "Logistics Lead",
                date(2026, 9, 30),
                "Closed",
                "Verified 2026-10-20: no repeat",
            ),
            (
                "NC-26-014",
                date(2026, 9, 15),
                "IA-26-05",
                "ColourCoat delivered without thickness readings",
                "Readings requested and received",
                "",
                "Supplier reminded",
                "Purchasing Manager",
                date(2026, 10, 31),
                "Open",
                "",
            ),
            (
                "NC-26-016",
                date(2026, 10, 13),
                "CC-26-017",
                "Door hinge misaligned (Brightwater)",
                "Hinges adjusted on site",
                "Hinge jig worn",
                "New hinge jig",
                "Production Manager",
                date(2026, 11, 30),
                "Open",
                "",
            ),
        ],
    )


def fe_improvements(path: Path) -> None:
    header = ("ID", "Date raised", "Source", "Improvement", "Owner", "Status", "Result")
    rows = [
        (
            "CI-26-01",
            date(2026, 2, 2),
            "KPI analysis (scrap trend)",
            "Common-line cutting on fibre laser",
            "Production Manager",
            "Completed",
            "Material saving 6% on large panels",
        ),
        (
            "CI-26-02",
            date(2026, 4, 14),
            "Customer complaint CC-26-003",
            "Final inspection checklist with gasket check",
            "Quality Manager",
            "Completed",
            "Gasket complaints down to 1 per quarter",
        ),
        (
            "CI-26-03",
            date(2026, 6, 1),
            "Suggestion scheme",
            "Magnetic lot labels on route cards",
            "Production Manager",
            "Completed",
            "Fewer lost route cards",
        ),
        (
            "CI-26-04",
            date(2026, 9, 8),
            "Internal audit IA-26-03",
            "Digital first-off records on the press brakes",
            "Production Manager",
            "In progress",
            "Pilot on PB-02",
        ),
    ]
    write_xlsx(
        path,
        title="Continual Improvement Register 2026",
        sheets=[
            sheet(
                "Improvements",
                header,
                rows,
                heading="Continual improvement register 2026",
                widths=(10, 12, 30, 46, 22, 12, 36),
            )
        ],
    )


FENWICK_ORGANIZATION = f"""\
# Fenwick Enclosures Ltd - pre-certification gap analysis of the QMS
name: {FENWICK}
scope: >-
  Manufacture of sheet-metal enclosures, electrical cabinets and fabricated assemblies to customer
  drawings (cutting, bending, welding, powder coating, assembly, dispatch), Dunmore Road site.
sites: [Dunmore Road]
sector: manufacturing
size: 145
audit_type: gap-analysis
auditor: P. Shah
as_of: 2026-11-01
packs: [iso9001-2015]
exclusions:
  - clause: "8.3"
    pack: iso9001-2015
    justification: >-
      Fenwick makes enclosures to customer drawings and specifications only and does no design and
      development of products (Quality Manual QM-01, section Exclusion).
"""


def fenwick(out: Path) -> None:
    """Fenwick Enclosures' evidence folder, as the Quality Manager copied it from the shared drive."""
    folder = out / "fenwick-enclosures"
    builders: list[tuple[str, Builder]] = [
        ("QMS/Quality Manual QM-01.docx", fe_manual),
        ("QMS/Quality Policy QP-01.pdf", fe_policy),
        ("QMS/Context of the Organisation QF-04.docx", fe_context),
        ("QMS/Interested Parties Register.xlsx", fe_interested_parties),
        ("QMS/process-map.md", fe_process_map),
        ("QMS/Organisation Chart and Responsibilities.docx", fe_roles),
        ("QMS/Quality Objectives 2026.xlsx", fe_objectives),
        ("QMS/Risk and Opportunity Register.xlsx", fe_risks),
        ("QMS/Legal Register.xlsx", fe_legal),
        ("QMS/qms-change-log.csv", fe_change_log),
        ("QMS/Resource Plan 2026.xlsx", fe_resource_plan),
        ("QMS/Control of Documented Information QP-02.docx", fe_doc_control),
        ("QMS/Master Document List.xlsx", fe_master_list),
        ("QMS/communication-plan.md", fe_communication),
        ("Support/Equipment and Maintenance Register.xlsx", fe_equipment),
        ("Support/Calibration Register.xlsx", fe_calibration),
        ("Support/Calibration Certificate CM-26-0318 CMM-01.pdf", fe_calibration_certificate),
        ("Support/Skills and Competence Matrix.xlsx", fe_competence),
        ("Support/training-records-2026.csv", fe_training),
        ("Support/induction-and-awareness-log-2026.csv", fe_awareness),
        ("Support/Knowledge and Lessons Learned.xlsx", fe_lessons),
        ("Support/powder-booth-environment-log-2026-10.csv", fe_booth_log),
        ("Sales/Sales and Order Handling Procedure QP-06.docx", fe_sales_procedure),
        ("Sales/contract-review-log-2026.csv", fe_contract_reviews),
        ("Sales/customer-complaints-log-2026.csv", fe_complaints),
        ("Sales/Product Specification PS-EC-01.pdf", fe_spec),
        ("Sales/Customer Property Register.xlsx", fe_customer_property),
        ("Sales/warranty-claims-2026.csv", fe_warranty),
        ("Production/Control Plan CP-EN-01 Enclosure Line.xlsx", fe_control_plan),
        ("Production/Work Instruction WI-PB-02 Press Brake.docx", fe_wi_bending),
        ("Production/WI-PC-03 powder coating line.md", fe_wi_coating),
        ("Production/Process Validation PV-PC-2025 Powder Coating.docx", fe_validation),
        ("Production/final-inspection-records-2026-10.csv", fe_inspection),
        ("Production/lot-release-log-2026-10.csv", fe_releases),
        ("Production/lot-traceability-2026-10.csv", fe_traceability),
        ("Production/process-change-requests-2026.csv", fe_process_changes),
        ("Production/NCR Register 2026.xlsx", fe_ncr_register),
        ("Production/Packaging and Dispatch Instruction WI-DS-01.docx", fe_packaging),
        ("Purchasing/Purchasing and Supplier Control Procedure QP-07.docx", fe_purchasing_procedure),
        ("Purchasing/Approved Supplier List.xlsx", fe_asl),
        ("Purchasing/Supplier Evaluation 2025.xlsx", fe_supplier_evaluation),
        ("Purchasing/Purchase Order PO-26-0412.pdf", fe_purchase_order),
        ("Purchasing/goods-receipt-inspection-2026-10.csv", fe_goods_in),
        ("Performance/KPI Dashboard 2026.xlsx", fe_kpis),
        ("Performance/Customer Satisfaction Survey 2025.pdf", fe_satisfaction),
        ("Performance/Internal Audit Procedure QP-05.docx", fe_audit_procedure),
        ("Performance/Internal Audit Programme 2026.xlsx", fe_audit_programme),
        ("Performance/Internal Audit Report IA-26-03.docx", fe_audit_report),
        ("Performance/Management Review Minutes TEMPLATE.docx", fe_mr_template),
        ("Improvement/nc-capa-log-2026.csv", fe_capa_log),
        ("Improvement/Continual Improvement Register 2026.xlsx", fe_improvements),
    ]
    build(folder, builders)
    write_text(folder / "organization.yaml", FENWICK_ORGANIZATION)


# =========================================================================== Tidewater Institute
#
# A research institute for ocean technology founded on 1 July 2026 by a university and
# the regional government: nine people, a signed founding charter, a funding letter, a
# first strategy draft still full of placeholders, a staff and project list, the notes
# of the kick-off meeting and the ideas collected there. No management system yet, and
# no organization.yaml: nobody has set up the audit tooling.

TIDEWATER = "Tidewater Institute for Ocean Technology"


def tw_strategy_draft(path: Path) -> None:
    """The first strategy draft, written from a consultant's outline: recognizable, not finished."""
    write_docx(
        path,
        title="Innovation Strategy 2027-2031 (DRAFT)",
        control=(
            ("Document ID", "TW-STR-01"),
            ("Version", "0.2 draft"),
            ("Owner", "Prof. Dr. Aino Virtanen"),
            ("Approved by", "TBD"),
            ("Status", "Draft for discussion"),
        ),
        status="Draft",
        footer="TW-STR-01 Innovation Strategy - DRAFT 0.2 - not approved",
        blocks=[
            h1("Innovation intent"),
            para(
                f"The {TIDEWATER} exists to turn ocean research into technology used by ports, offshore "
                "energy",
                "and coastal authorities. [Describe the level of ambition agreed with the founders]",
            ),
            h1("Innovation vision"),
            para("By 2031 <Institute short name> is [insert vision statement]."),
            h1("Strategic innovation areas"),
            bullets(
                "Underwater sensing and robotics",
                "Coastal digital twins",
                "[add third area after the kick-off workshop]",
            ),
            h1("Standardization"),
            para(
                "We intend to take part in standards work on ocean observation data (TBD which committees)."
            ),
            h1("Resources"),
            para("Budget and headcount: see funding decision; innovation budget TBD."),
            h1("Indicators"),
            para("[insert KPIs and targets]"),
        ],
    )


def tw_charter(path: Path) -> None:
    """The founding charter signed by the two founders, scanned by the university's registry."""
    big, text, small = 36, 25, 22
    write_scanned_pdf(
        path,
        [
            [
                ("FOUNDING CHARTER", big),
                ("Tidewater Institute for Ocean Technology", text),
                ("", 0),
                ("1. Establishment", text),
                ("Northern Coast University and the Regional Government of the", small),
                ("Northern Coast establish the Tidewater Institute for Ocean Technology", small),
                ("as a research institute of the University with effect from 1 July 2026.", small),
                ("", 0),
                ("2. Purpose", text),
                ("The Institute carries out applied research in ocean technology and", small),
                ("transfers its results to industry, public authorities and standards.", small),
                ("", 0),
                ("3. Governance", text),
                ("The Institute is led by a Director appointed by the Board of Trustees.", small),
                ("The Director reports to the Board of Trustees once a year.", small),
                ("", 0),
                ("4. Funding", text),
                ("The founders provide start-up funding for five years (2026 to 2030).", small),
                ("", 0),
                ("Signed: Prof. L. Marsh, Rector, Northern Coast University", text),
                ("Signed: J. Okonkwo, Minister for Economy and Innovation", text),
                ("Date: 19 June 2026", text),
            ]
        ],
    )


def tw_funding_letter(path: Path) -> None:
    write_pdf(
        path,
        title="Funding Decision - Start-up Grant Tidewater Institute",
        author="Regional Ministry for Economy and Innovation",
        control=(("Reference", "RMEI-2026-0412"), ("Date", "3 July 2026"), ("Recipient", TIDEWATER)),
        blocks=[
            h1("Decision"),
            para(
                "The Ministry grants start-up funding of EUR 4.5 million for 2026 to 2030 to the Tidewater",
                "Institute for Ocean Technology, paid in yearly instalments.",
            ),
            h1("Conditions"),
            bullets(
                "A research and innovation strategy is approved by the Board of Trustees by 30 June 2027.",
                "The Institute sets up an innovation management system in line with ISO 56001 within 24 "
                "months.",
                "Results of funded projects are considered for standardization; a plan is part of each "
                "project proposal.",
                "A progress report is sent to the Ministry every year by 31 March.",
            ),
        ],
    )


def tw_staff_projects(path: Path) -> None:
    staff = (
        ("Prof. Dr. Aino Virtanen", "Director", date(2026, 7, 1), "Full time"),
        ("Dr. Samuel Adeyemi", "Senior researcher, underwater robotics", date(2026, 8, 1), "Full time"),
        ("Dr. Marta Lindholm", "Senior researcher, coastal modelling", date(2026, 9, 1), "Full time"),
        ("Jonas Pikkarainen", "PhD student", date(2026, 9, 1), "Full time"),
        ("Leena Koski", "PhD student", date(2026, 10, 1), "Full time"),
        ("Ravi Sandhu", "Research engineer", date(2026, 10, 1), "Full time"),
        ("Helen Ward", "Administration and finance", date(2026, 7, 15), "Part time 60%"),
        ("Open position", "Technology transfer officer", None, "Recruiting"),
        ("Open position", "Lab technician", None, "Recruiting"),
    )
    projects = (
        (
            "TW-01",
            "Autonomous hull inspection robot",
            "University seed fund",
            "Dr. Samuel Adeyemi",
            date(2026, 9, 1),
            "Started",
        ),
        (
            "TW-02",
            "Digital twin of the Northport estuary",
            "Regional programme",
            "Dr. Marta Lindholm",
            date(2026, 10, 1),
            "Started",
        ),
        (
            "TW-03",
            "Biofouling sensor network",
            "Horizon Europe proposal",
            "Prof. Dr. Aino Virtanen",
            None,
            "Proposal submitted",
        ),
    )
    write_xlsx(
        path,
        title="Staff and Projects",
        sheets=[
            sheet("Staff", ("Name", "Role", "Start date", "Contract"), staff, widths=(26, 40, 12, 16)),
            sheet(
                "Projects",
                ("Project", "Title", "Funding", "Lead", "Start date", "Status"),
                projects,
                widths=(8, 40, 26, 24, 12, 20),
            ),
        ],
    )


def tw_kickoff_notes(path: Path) -> None:
    text = f"""# Kick-off meeting - notes

Date: 2026-09-24
Present: A. Virtanen, S. Adeyemi, M. Lindholm, H. Ward, J. Pikkarainen, R. Sandhu

## Points discussed

- Welcome and introduction of the team; the {TIDEWATER} now has six people in post.
- Strategy: the Director circulated draft 0.2 of the innovation strategy; everyone sends comments.
- Funding: the Ministry's conditions (strategy by June 2027, ISO 56001 system within 24 months).
- Ideas: everyone put ideas on the wall; Helen will type them up.
- Standards: Marta knows the people in the ocean observation data working group; to be explored.

## Next steps

- Comments on the strategy draft to Aino by mid-October.
- Helen to find a document management tool.
- Next team meeting in November.
"""
    write_text(path, text)


def tw_ideas(path: Path) -> None:
    write_csv(
        path,
        ("Date", "Idea", "Submitted by"),
        [
            (date(2026, 9, 24), "Low-cost hydrophone buoys for port noise monitoring", "J. Pikkarainen"),
            (date(2026, 9, 24), "Hull inspection as a service for small ports", "S. Adeyemi"),
            (date(2026, 9, 24), "Open data portal for estuary sensor data", "M. Lindholm"),
            (date(2026, 9, 24), "Summer school on ocean technology with the university", "A. Virtanen"),
        ],
    )


def tidewater(out: Path) -> None:
    """Tidewater's few files, as the Director collected them in a shared folder."""
    folder = out / "tidewater-institute"
    builders: list[tuple[str, Builder]] = [
        ("Innovation Strategy 2027-2031 DRAFT v0.2.docx", tw_strategy_draft),
        ("Founding Charter (signed).pdf", tw_charter),
        ("Funding Decision RMEI-2026-0412.pdf", tw_funding_letter),
        ("Staff and Projects.xlsx", tw_staff_projects),
        ("kickoff-meeting-2026-09-24.md", tw_kickoff_notes),
        ("ideas-from-kickoff.csv", tw_ideas),
    ]
    build(folder, builders)


# =========================================================================== main


def build(folder: Path, builders: Sequence[tuple[str, Builder]]) -> None:
    """Write each document of a folder, creating sub-folders as needed."""
    for relative, make in builders:
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        make(target)


SAMPLES_README = (
    """\
# Sample organizations

Three evidence folders as organizations hand them to an auditor, in the formats they really
use (Word, Excel, PDF, one scanned signed PDF each, Markdown from a wiki, CSV exports).
Every name, organization and number in them is invented.

"""
    + md_table(
        (
            "folder",
            "organization",
            "audited against",
            "what the report shows",
        ),
        [
            (
                "`helix-institute/`",
                "research institute, mature innovation management system with standardization built into "
                "its research",
                "`iso56001-2024`, `std-integration` (organization.yaml)",
                "high score, no major nonconformity, a few minor gaps",
            ),
            (
                "`fenwick-enclosures/`",
                "sheet-metal manufacturer, ISO 9001 QMS, design excluded",
                "`iso9001-2015` (organization.yaml)",
                "a working QMS with stale documents, no management review, an audit programme that "
                "skips clauses 9 and 10, corrective actions without root cause, a procedure with "
                "template leftovers",
            ),
            (
                "`tidewater-institute/`",
                "research institution founded in 2026, almost nothing yet, no organization.yaml",
                "`--pack iso56001-2024 --pack std-integration --as-of 2026-11-01`",
                "very low score; its strategy draft is a template",
            ),
        ],
    )
    + """
Do not edit these files by hand: they are written by `python scripts/make_samples.py`
(deterministic; `tests/e2e/test_samples.py` checks that the script still writes them).

```sh
imsaudit audit evidence_samples/helix-institute --out reports/helix-institute
imsaudit audit evidence_samples/fenwick-enclosures --out reports/fenwick-enclosures
imsaudit audit evidence_samples/tidewater-institute --pack iso56001-2024 --pack std-integration \\
  --as-of 2026-11-01 --out reports/tidewater-institute
```
"""
)


def main(out: Path = OUT) -> None:
    """Regenerate the three sample folders into ``out`` (removed first, so nothing stale remains)."""
    if out.exists():
        shutil.rmtree(out)
    for make in (helix, fenwick, tidewater):
        make(out)
    write_text(out / "README.md", SAMPLES_README)
    files = [p for p in out.rglob("*") if p.is_file()]
    print(f"wrote {len(files)} files, {sum(p.stat().st_size for p in files):,} bytes, to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
