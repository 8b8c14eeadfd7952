"""Write the evidence fixtures: a messy evidence folder with every format the scanner reads.

Run ``python tests/evidence/make_fixtures.py [OUT]`` in a fresh process (odfpy keeps
global state between documents; needs the ``test`` extras: python-docx,
openpyxl, reportlab, pillow, python-pptx, odfpy). Output goes to
``tests/evidence/fixtures/`` and is committed; generation is deterministic (fixed dates,
zip members re-written with a fixed timestamp, reportlab in invariant mode), so
re-running it gives the same bytes with the same library versions.

The folder mixes real documents of a fictitious research institute ("Northwind
Applied Research"), a folder of templates, and broken files (corrupt, empty,
encrypted, truncated).
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import sys
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import reportlab.rl_config

reportlab.rl_config.invariant = 1  # before any other reportlab import: fixed ids and dates

HERE = Path(__file__).resolve().parent
OUT = HERE / "fixtures"
FIXED = datetime(2026, 2, 14, 9, 30, 0)
ZIP_TIME = (2026, 2, 14, 9, 30, 0)
ORG = "Northwind Applied Research"


# --------------------------------------------------------------------------- helpers


def normalize_zip(path: Path, stamp: datetime = FIXED) -> None:
    """Rewrite a zip with fixed member timestamps and fixed document-property dates (``stamp``).

    Office writers stamp the current time into the zip entries and into the document
    properties; without this, every run would give different bytes. Shared with
    ``scripts/make_samples.py``.
    """
    when = stamp.strftime("%Y-%m-%dT%H:%M:%S")
    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info.filename)) for info in source.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info, data in members:
            if info.filename in ("docProps/core.xml", "meta.xml"):
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rf"\g<1>{when}Z\g<2>", text)
                text = re.sub(r"(<(?:meta:creation-date|dc:date)>)[^<]*(<)", rf"\g<1>{when}\g<2>", text)
                data = text.encode("utf-8")
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            fixed.compress_type = info.compress_type
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, data)
    path.write_bytes(buffer.getvalue())


def write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


# --------------------------------------------------------------------------- DOCX


def make_quality_policy(path: Path) -> None:
    import docx
    from docx.enum.section import WD_SECTION  # noqa: F401  (keeps python-docx import complete)

    document = docx.Document()
    properties = document.core_properties
    properties.title = "Quality Policy"
    properties.author = "Template Author"
    properties.subject = "Quality management"
    properties.keywords = "quality, policy"
    properties.content_status = "Released"
    properties.created = FIXED
    properties.modified = FIXED
    properties.last_printed = FIXED
    properties.revision = 3
    document.sections[0].footer.paragraphs[0].text = "QP-001 Quality Policy - Rev 3 - Controlled copy"

    control = document.add_table(rows=5, cols=2)
    rows = [
        ("Document ID", "QP-001"),
        ("Version", "3.0"),
        ("Owner", "Head of Quality"),
        ("Approved by", "Dr. Elena Park, Director"),
        ("Approved on", "14/02/2026"),
    ]
    for row, (label, value) in zip(control.rows, rows, strict=True):
        row.cells[0].text = label
        row.cells[1].text = value
    document.add_paragraph("Next review: 14 February 2027")
    document.add_heading("Quality Policy", level=0)
    document.add_heading("Purpose", level=1)
    document.add_paragraph(
        f"{ORG} is committed to delivering research services that meet customer and"
        " applicable statutory and regulatory requirements."
    )
    document.add_paragraph(
        "This quality policy provides a framework for setting quality objectives and"
        " commits us to continual improvement of the quality management system."
    )
    document.add_heading("Scope", level=1)
    document.add_paragraph("The policy applies to all sites and all research projects.")
    document.add_heading("Boundaries", level=2)
    document.add_paragraph("Contract manufacturing by partners is outside the boundaries.")
    document.add_heading("Commitments", level=1)
    for text in (
        "Satisfy customer requirements and enhance customer satisfaction.",
        "Comply with applicable requirements.",
        "Communicate this policy to all employees and interested parties.",
    ):
        document.add_paragraph(text, style="List Bullet")
    table = document.add_table(rows=3, cols=3)
    for row, values in zip(
        table.rows,
        [
            ("Objective", "Target", "Due"),
            ("On-time delivery", "95%", "2026-12-31"),
            ("Complaints", "< 5", "2026-12-31"),
        ],
        strict=True,
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph("Approved by: Dr. Elena Park, 14 Feb 2026")
    document.save(path)
    normalize_zip(path)


def make_template_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    properties = document.core_properties
    properties.title = "Corrective action report template"
    properties.author = "<Author>"
    properties.created = FIXED
    properties.modified = FIXED
    properties.last_printed = FIXED
    control = document.add_table(rows=3, cols=2)
    for row, (label, value) in zip(
        control.rows,
        [("Document ID", "<Doc ID>"), ("Owner", "[insert owner]"), ("Date", "DD/MM/YYYY")],
        strict=True,
    ):
        row.cells[0].text = label
        row.cells[1].text = value
    document.add_heading("Corrective action report", level=1)
    document.add_paragraph("Delete this guidance text before issue.")
    document.add_heading("Nonconformity", level=2)
    document.add_paragraph("Describe the nonconformity found at <Company Name> on [insert date].")
    document.add_heading("Root cause", level=2)
    document.add_paragraph("TBD")
    document.save(path)
    normalize_zip(path)


# --------------------------------------------------------------------------- XLSX / ODS


def make_risk_register(path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.properties.creator = "Quality team"
    workbook.properties.title = "Risk and opportunity register"
    workbook.properties.created = FIXED
    workbook.properties.modified = FIXED
    sheet = workbook.active
    sheet.title = "Risks"
    sheet.append(["Risk and opportunity register 2026"])
    sheet.append(["Document ID", "RR-01"])
    sheet.append([])
    sheet.append(
        ["ID", "Type", "Description", "Likelihood", "Impact", "Rating", "Owner", "Due date", "Status"]
    )
    rows = [
        ("R-01", "Risk", "Loss of key researcher", 3, 4, 12, "HR lead", date(2026, 3, 31), "Open"),
        (
            "R-02",
            "Risk",
            "Supplier delivers uncalibrated equipment",
            2,
            4,
            8,
            "Lab manager",
            date(2026, 4, 15),
            "Open",
        ),
        (
            "O-01",
            "Opportunity",
            "Joint standardization project with partner",
            3,
            3,
            9,
            "Director",
            date(2026, 6, 30),
            "Planned",
        ),
        ("R-03", "Risk", "Data loss on shared drive", 1, 5, 5, "IT lead", date(2026, 2, 28), "Closed"),
    ]
    for row in rows:
        sheet.append(list(row))
    for cell in sheet["H"][4:]:
        cell.number_format = "yyyy-mm-dd"
    objectives = workbook.create_sheet("Objectives")
    objectives.append(["Objective", "Measure", "Target", "Owner", "Due"])
    objectives.append(
        ["Improve on-time delivery", "% projects on time", 95, "Head of Quality", date(2026, 12, 31)]
    )
    objectives.append(["Reduce complaints", "complaints per quarter", 5, "Customer lead", date(2026, 9, 30)])
    objectives.append(
        ["Publish standardization roadmap", "roadmap approved", 1, "Director", datetime(2026, 5, 1, 14, 0)]
    )
    objectives.append(["Training hours", "hours per person", 12.5, "HR lead", date(2026, 12, 31)])
    lists = workbook.create_sheet("Lists")
    lists.append(["Status values"])
    for value in ("Open", "Planned", "Closed"):
        lists.append([value])
    workbook.save(path)
    normalize_zip(path)


def make_ods(path: Path) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Audit programme")
    rows = [
        ["Audit ID", "Process", "Clause", "Planned date", "Auditor", "Auditee"],
        ["IA-01", "Leadership", "5", "2026-03-10", "J. Osei", "Director"],
        ["IA-02", "Operations", "8", "2026-05-12", "M. Rossi", "Lab manager"],
        ["IA-03", "Improvement", "10", "2026-09-08", "J. Osei", "Head of Quality"],
    ]
    for values in rows:
        row = TableRow()
        for value in values:
            if value.isdigit():
                cell = TableCell(valuetype="float", value=value)
            elif re.fullmatch(r"\d{4}-\d\d-\d\d", value):
                cell = TableCell(valuetype="date", datevalue=value)
            else:
                cell = TableCell(valuetype="string")
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    document.save(str(path))
    normalize_zip(path)


# --------------------------------------------------------------------------- ODT


def make_odt(path: Path) -> None:
    from odf.meta import UserDefined
    from odf.opendocument import OpenDocumentText
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, P

    document = OpenDocumentText()
    from odf.dc import Title

    document.meta.addElement(Title(text="Innovation management manual"))
    document.meta.addElement(UserDefined(name="Document ID", text="IM-MAN-01"))
    document.meta.addElement(UserDefined(name="Owner", text="Innovation manager"))
    body = document.text
    body.addElement(H(outlinelevel=1, text="Innovation management manual"))
    body.addElement(P(text="Approved by: Dr. Elena Park on 2 March 2026"))
    body.addElement(H(outlinelevel=1, text="Context of the organization"))
    body.addElement(
        P(text="We identify internal and external issues relevant to innovation, including climate change.")
    )
    body.addElement(H(outlinelevel=2, text="Innovation vision"))
    body.addElement(P(text="Our innovation vision is to turn applied research into standards and products."))
    body.addElement(H(outlinelevel=1, text="Innovation portfolio"))
    table = Table(name="Portfolio")
    table.addElement(TableColumn(numbercolumnsrepeated=3))
    for values in (
        ["Initiative", "Stage", "Owner"],
        ["Sensor standard", "Concept", "M. Rossi"],
        ["Open lab", "Deploy", "J. Osei"],
    ):
        row = TableRow()
        for value in values:
            cell = TableCell()
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    body.addElement(table)
    document.save(str(path))
    normalize_zip(path)


# --------------------------------------------------------------------------- PPTX


def make_pptx(path: Path) -> None:
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    deck.core_properties.title = "Management review Q1 2026"
    deck.core_properties.author = "Head of Quality"
    deck.core_properties.created = FIXED
    deck.core_properties.modified = FIXED
    deck.core_properties.last_printed = FIXED
    deck.core_properties.revision = 1
    slide = deck.slides.add_slide(deck.slide_layouts[0])
    slide.shapes.title.text = "Management review Q1 2026"
    slide.placeholders[1].text = "Minutes of the management review meeting held on 20 March 2026"
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = "Inputs"
    body = slide.placeholders[1].text_frame
    body.text = "Status of actions from previous management reviews"
    for line in (
        "Results of internal audits",
        "Customer satisfaction and feedback",
        "Performance of external providers",
    ):
        body.add_paragraph().text = line
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = "Decisions and actions"
    table = slide.shapes.add_table(3, 3, Inches(0.5), Inches(1.5), Inches(9), Inches(1.5)).table
    for r, values in enumerate(
        (
            ("Action", "Owner", "Due"),
            ("Update risk register", "Head of Quality", "2026-04-30"),
            ("Hire lab technician", "Director", "2026-06-30"),
        )
    ):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    deck.save(path)
    normalize_zip(path)


# --------------------------------------------------------------------------- PDF


def make_text_pdf(path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    story = [
        Table(
            [
                ["Document ID", "PR-04"],
                ["Title", "Document control procedure"],
                ["Version", "v2.1"],
                ["Owner", "Quality coordinator"],
                ["Approved by", "Dr. Elena Park"],
                ["Approved on", "February 14, 2026"],
                ["Next review", "2027-02-14"],
                ["Status", "Approved"],
            ],
            style=TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey)]),
        ),
        Spacer(1, 12),
        Paragraph("1 Purpose", styles["Heading1"]),
        Paragraph(
            "This procedure defines how documented information is created, reviewed, approved,"
            " distributed and withdrawn so that only current versions are in use.",
            styles["BodyText"],
        ),
        Paragraph("2 Scope", styles["Heading1"]),
        Paragraph("It applies to all controlled documents and records of the institute.", styles["BodyText"]),
        PageBreak(),
        Paragraph("3 Responsibilities", styles["Heading1"]),
        Paragraph(
            "Document owners keep their documents current. The quality coordinator maintains"
            " the master list of documents and controls obsolete documents.",
            styles["BodyText"],
        ),
        Paragraph("3.1 Approval", styles["Heading2"]),
        Paragraph(
            "Each document is approved before issue by the authority named in the master list.",
            styles["BodyText"],
        ),
        PageBreak(),
        Paragraph("4 Records", styles["Heading1"]),
        Paragraph(
            "Records are retained for at least five years and protected from loss.", styles["BodyText"]
        ),
    ]
    document = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        title="Document control procedure",
        author="Quality coordinator",
        subject="Control of documented information",
        creator="imsaudit fixtures",
        invariant=1,
    )
    document.build(story)


def _page_image(lines: list[tuple[str, int]]) -> object:
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(image)
    y = 150
    for text, size in lines:
        font = ImageFont.load_default(size=size)
        draw.text((120, y), text, fill=0, font=font)
        y += int(size * 1.8)
    return image


def make_scanned_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    pages = [
        [
            ("INFORMATION SECURITY POLICY", 48),
            ("Document ID: ISP-002   Version 1.0", 32),
            ("This policy protects the confidentiality, integrity", 32),
            ("and availability of research information.", 32),
        ],
        [
            ("Approved by: Dr. Elena Park", 32),
            ("Date: 10 January 2026", 32),
            ("Signature: ______________", 32),
        ],
    ]
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.setTitle("")
    for lines in pages:
        image = _page_image(lines)
        pdf.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
        pdf.showPage()
    pdf.save()


def make_encrypted_pdf(path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(
        str(path), invariant=1, encrypt=StandardEncryption("secret", ownerPassword="owner", canPrint=0)
    )
    pdf.drawString(72, 720, "Confidential supplier evaluation")
    pdf.showPage()
    pdf.save()


def make_image(path: Path) -> None:
    image = _page_image(
        [
            ("TRAINING ATTENDANCE", 48),
            ("Course: Internal auditor training", 32),
            ("Date: 5 February 2026", 32),
        ]
    ).crop((0, 0, 1240, 500))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)  # type: ignore[attr-defined]
    write(path, buffer.getvalue())


# --------------------------------------------------------------------------- text formats

MARKDOWN = """---
title: Internal audit procedure
doc_id: PR-09
version: 1.2
owner: Head of Quality
approved_by: Dr. Elena Park
approved_on: 2026-01-20
review_due: 2027-01-20
status: approved
kind: internal-audit-procedure
---
# Internal audit procedure

## Purpose

This procedure describes how the internal audit programme is planned
and how audits are conducted, reported and followed up.

## Scope

### Boundaries

All processes of the management system at both sites.

## Audit programme

| Audit ID | Clause | Planned date | Auditor | Auditee |
|---|---|---|---|---|
| IA-01 | 5 | 2026-03-10 | J. Osei | Director |
| IA-02 | 8 | 2026-05-12 | M. Rossi | Lab manager |

## Reporting

- Findings are reported within 10 working days.
- Corrective actions are tracked in the CAPA log.

Approved by: Dr. Elena Park, 20 January 2026
"""

TEMPLATE_MD = """---
title: Quality policy template
---
# <Company Name> Quality Policy

Lorem ipsum dolor sit amet. [Insert your policy statement here.]

Approved by: <Name>    Date: DD/MM/YYYY
"""

BLANK_PROCEDURE_MD = """# Procedure for <Process Name>

Owner: [insert owner]

This procedure applies to XYZ Ltd and covers [describe scope].

Review date: 20YY
"""

MAIL = """From: Dr. Ana Lima <ana.lima@northwind.example>
To: Management team <management@northwind.example>
Cc: Quality office <quality@northwind.example>
Date: Tue, 14 Apr 2026 16:05:00 +0200
Subject: Management review Q1 2026: minutes approved
Message-ID: <mr-q1-2026@northwind.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="==mixed=="

--==mixed==
Content-Type: multipart/alternative; boundary="==alt=="

--==alt==
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: quoted-printable

Dear all,

The minutes of the management review of 9 April 2026 are approved as circulat=
ed.
Actions: hire a lab technician (owner: J. Roe, due 2026-06-30).

Ana Lima, Director

--==alt==
Content-Type: text/html; charset="utf-8"

<html><body>
<p>Dear all,</p>
<p>The minutes of the management review of 9 April 2026 are approved as circulated.</p>
<h2>Actions</h2>
<table>
<tr><th>Action</th><th>Owner</th><th>Due</th></tr>
<tr><td>Hire a lab technician</td><td>J. Roe</td><td>2026-06-30</td></tr>
<tr><td>Review the innovation objectives</td><td>A. Lima</td><td>2026-05-15</td></tr>
</table>
<p>Ana Lima, Director</p>
</body></html>

--==alt==--

--==mixed==
Content-Type: application/pdf; name="Management review Q1 2026 minutes.pdf"
Content-Disposition: attachment; filename="Management review Q1 2026 minutes.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQKJcfsj6IKJSVFT0YK

--==mixed==--
"""
"""A management review's minutes approved by e-mail: plain and HTML versions, a PDF attached."""

HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Context of the organization</title>
<meta name="author" content="Strategy office">
<meta name="dc.identifier" content="CTX-01">
<style>body { font-family: sans-serif; }</style>
<script>var tracking = "should not be read";</script>
</head>
<body>
<h1>Context of the organization</h1>
<p>Version: 4 &middot; Last reviewed 5 January 2026</p>
<h2>External issues</h2>
<ul>
<li>New funding rules for applied research (PESTLE: political)</li>
<li>Climate change affects field trials</li>
</ul>
<h2>Internal issues</h2>
<p>Ageing laboratory equipment and
a growing team.</p>
<table>
<tr><th>Issue</th><th>Type</th><th>Owner</th></tr>
<tr><td>Funding rules</td><td>External</td><td>Director</td></tr>
<tr><td>Equipment</td><td>Internal</td><td>Lab manager</td></tr>
</table>
<!-- a comment that must not appear -->
</body>
</html>
"""

YAML_DOC = """# Process map export
title: Process map
doc_id: PM-01
owner: Head of Quality
processes:
  - name: Research project delivery
    owner: Lab manager
    inputs: Customer request
    outputs: Report
  - name: Standardization engagement
    owner: Director
    inputs: Committee calendar
    outputs: Contributions
"""

JSON_DOC = """{
  "title": "KPI dashboard export",
  "version": "2026.1",
  "kpis": [
    {"name": "On-time delivery", "value": 93, "target": 95, "period": "2026-Q1"},
    {"name": "Customer satisfaction", "value": 4.4, "target": 4.2, "period": "2026-Q1"}
  ]
}
"""

UTF16_TEXT = """MEETING NOTES

Quality circle, 12 February 2026
Attendees: J. Osei, M. Rossi
Décision: update the supplier evaluation criteria.
"""

CP1252_TEXT = """Supplier evaluation – summary
“Preferred” suppliers were re-evaluated in January 2026.
Calibration service: 1.200 € per year.
Approved by: Jürgen Müller, 03.02.2026
"""

LATIN1_TEXT = """Politique qualité
La société s'engage à améliorer la satisfaction des clients.
"""


def make_csv(path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["Name", "Role", "Course", "Date", "Provider", "Result", "Effectiveness evaluated"])
    writer.writerow(
        ["J. Osei", "Auditor", "ISO 19011 internal auditor", "2026-02-05", "TÜV course", "Passed", "yes"]
    )
    writer.writerow(
        ["M. Rossi", "Lab manager", "Risk-based thinking, basics", "2026-01-22", "In-house", "Attended", "no"]
    )
    writer.writerow(
        [
            "A. Khan",
            "Researcher",
            "Standards in research, part 1",
            "2025-11-14",
            "DIN Akademie",
            "Passed",
            "yes",
        ]
    )
    write(path, buffer.getvalue().encode("utf-8"))


def make_tsv(path: Path) -> None:
    rows = [
        ["Supplier", "Service", "Last evaluated", "Score", "Status"],
        ["CalibraTech", "Calibration", "2026-01-15", "4.5", "Approved"],
        ["LabSupply GmbH", "Consumables", "2025-12-01", "3.8", "Approved"],
        ["DataVault", "Backup", "2025-10-20", "2.9", "On watch"],
    ]
    write(path, "".join("\t".join(r) + "\n" for r in rows).encode("utf-8"))


def make_semicolon_csv(path: Path) -> None:
    rows = [
        ["Complaint", "Received", "Customer", "Root cause", "Closed"],
        ["C-01", "12.01.2026", "City lab", "Late report", "30.01.2026"],
        ["C-02", "03.02.2026", "University", "", ""],
    ]
    write(path, "".join(";".join(r) + "\r\n" for r in rows).encode("cp1252"))


# --------------------------------------------------------------------------- broken


def make_broken(directory: Path, xlsx_source: Path) -> None:
    write(directory / "corrupt.docx", b"PK\x03\x04" + bytes(range(256)) * 4)
    write(directory / "empty.pdf", b"")
    data = xlsx_source.read_bytes()
    write(directory / "truncated.xlsx", data[: len(data) // 2])
    write(directory / "not-really.pdf", b"This is a text file with a .pdf extension.\n")
    # A password-protected Word file is an OLE compound file with an EncryptionInfo stream.
    ole = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    ole += "EncryptionInfo".encode("utf-16-le") + bytes(50) + "EncryptedPackage".encode("utf-16-le")
    ole += bytes(1024 - len(ole) % 512)
    write(directory / "encrypted.docx", bytes(ole))
    make_encrypted_pdf(directory / "encrypted.pdf")
    write(directory / "archive.zip", _small_zip())
    write(directory / "invalid.json", b'{"title": "broken", "items": [1, 2,\n')


def _small_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("readme.txt", date_time=ZIP_TIME), "inside a zip")
    return buffer.getvalue()


# --------------------------------------------------------------------------- main

BUILDERS: list[tuple[str, Callable[[Path], None]]] = [
    ("policies/Quality Policy.docx", make_quality_policy),
    ("policies/ISP-002 Information security policy (signed scan).pdf", make_scanned_pdf),
    ("procedures/Document control procedure.pdf", make_text_pdf),
    ("procedures/internal-audit-procedure.md", lambda p: write(p, MARKDOWN.encode("utf-8"))),
    ("registers/Risk register 2026.xlsx", make_risk_register),
    ("registers/training_records.csv", make_csv),
    ("registers/suppliers.tsv", make_tsv),
    ("registers/complaints-export.csv", make_semicolon_csv),
    ("registers/audit-programme.ods", make_ods),
    ("records/Management review Q1 2026.pptx", make_pptx),
    ("records/training-attendance-scan.png", make_image),
    ("notes/quality-circle-utf16.txt", lambda p: write(p, UTF16_TEXT.encode("utf-16"))),
    ("notes/supplier-notes-cp1252.txt", lambda p: write(p, CP1252_TEXT.encode("cp1252"))),
    ("notes/politique-latin1.txt", lambda p: write(p, LATIN1_TEXT.encode("latin-1"))),
    ("intranet/context.html", lambda p: write(p, HTML.encode("utf-8"))),
    ("records/Management review Q1 2026 approval.eml", lambda p: write(p, MAIL.encode("ascii"))),
    ("data/process-map.yaml", lambda p: write(p, YAML_DOC.encode("utf-8"))),
    ("data/kpis.json", lambda p: write(p, JSON_DOC.encode("utf-8"))),
    ("manual/Innovation management manual.odt", make_odt),
    ("templates/Corrective action report TEMPLATE.docx", make_template_docx),
    ("templates/policy-template.md", lambda p: write(p, TEMPLATE_MD.encode("utf-8"))),
    ("templates/procedure-blank.md", lambda p: write(p, BLANK_PROCEDURE_MD.encode("utf-8"))),
]


def main(out: Path = OUT) -> None:
    """Regenerate every fixture into ``out`` (removed first, so nothing stale remains)."""
    if out.exists():
        shutil.rmtree(out)
    for relative, build in BUILDERS:
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        build(target)
    make_broken(out / "broken", out / "registers/Risk register 2026.xlsx")
    total = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"wrote {sum(1 for p in out.rglob('*') if p.is_file())} files, {total:,} bytes, to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
