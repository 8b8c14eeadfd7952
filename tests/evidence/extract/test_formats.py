"""Format details the golden files do not make obvious: encodings, dates, dialects, headers."""

from __future__ import annotations

from datetime import date, datetime

from imsaudit.evidence.extract import EXTRACTORS, ExtractContext, run_extractor
from imsaudit.evidence.extract._tables import header_row, normalize_cell
from imsaudit.evidence.extract._text import decode_text, guess_heading
from imsaudit.evidence.extract.delimited import sniff_delimiter
from imsaudit.evidence.extract.mail import MAX_ATTACHMENTS
from imsaudit.evidence.scan import ScanResult


def _doc(scan: ScanResult, path: str):  # type: ignore[no-untyped-def]
    return next(d for d in scan.documents if d.path == path)


def test_encodings_are_detected(fixture_scan: ScanResult) -> None:
    assert _doc(fixture_scan, "notes/quality-circle-utf16.txt").encoding == "utf-16-le"
    assert _doc(fixture_scan, "notes/supplier-notes-cp1252.txt").encoding == "cp1252"
    assert _doc(fixture_scan, "notes/politique-latin1.txt").encoding == "latin-1"
    cp1252 = _doc(fixture_scan, "notes/supplier-notes-cp1252.txt").text
    assert "“Preferred”" in cp1252 and "1.200 €" in cp1252 and "Jürgen Müller" in cp1252
    assert "s'engage à améliorer" in _doc(fixture_scan, "notes/politique-latin1.txt").text


def test_decode_text_forms() -> None:
    assert decode_text("Grüße\r\nZeile".encode()) == ("Grüße\nZeile", "utf-8")
    assert decode_text("\ufeffBOM".encode("utf-8")) == ("BOM", "utf-8-sig")
    assert decode_text("hello world".encode("utf-16-be"))[1] == "utf-16-be"
    assert decode_text("hello world".encode("utf-16-le"))[1] == "utf-16-le"


def test_spreadsheet_dates_are_dates_and_integers_are_integers(fixture_scan: ScanResult) -> None:
    document = _doc(fixture_scan, "registers/Risk register 2026.xlsx")
    risks = next(t for t in document.tables if t.name == "Risks")
    first = dict(next(risks.records())[1])
    assert first["Due date"] == date(2026, 3, 31)
    assert first["Likelihood"] == 3 and isinstance(first["Likelihood"], int)
    objectives = next(t for t in document.tables if t.name == "Objectives")
    values = {loc: row for loc, row in objectives.records()}
    assert values["sheet Objectives row 4"]["Due"] == datetime(2026, 5, 1, 14, 0)
    assert values["sheet Objectives row 5"]["Target"] == 12.5


def test_every_sheet_is_read_with_its_header_row(fixture_scan: ScanResult) -> None:
    document = _doc(fixture_scan, "registers/Risk register 2026.xlsx")
    assert [t.name for t in document.tables] == ["Risks", "Objectives", "Lists"]
    risks = document.tables[0]
    assert risks.header_locator == "sheet Risks row 4"
    assert risks.row_locators[0] == "sheet Risks row 5"
    assert len(risks.rows) == 4


def test_ods_cells_are_typed(fixture_scan: ScanResult) -> None:
    table = _doc(fixture_scan, "registers/audit-programme.ods").tables[0]
    record = dict(next(table.records())[1])
    assert record["Planned date"] == date(2026, 3, 10)
    assert record["Clause"] == 5


def test_csv_dialects(fixture_scan: ScanResult) -> None:
    complaints = _doc(fixture_scan, "registers/complaints-export.csv")
    assert complaints.tables[0].header == ("Complaint", "Received", "Customer", "Root cause", "Closed")
    assert complaints.tables[0].rows[1] == ("C-02", "03.02.2026", "University", None, None)
    assert _doc(fixture_scan, "registers/suppliers.tsv").tables[0].header[2] == "Last evaluated"
    assert sniff_delimiter("a;b;c\n1;2;3\n") == ";"
    assert sniff_delimiter("a\tb\n1\t2\n") == "\t"
    assert sniff_delimiter("a,b\n1,2\n") == ","
    assert sniff_delimiter("") == ","


def test_header_row_skips_titles_and_control_blocks() -> None:
    rows = [["Register"], ["Document ID", "RR-01"], ["ID", "Risk", "Owner"], ["R-1", "x", "y"]]
    assert header_row(rows) == 2
    assert header_row([[1, 2], [3, 4]]) is None
    assert header_row([["Date", "Value"], ["2026-01-01", "3"]]) == 0


def test_normalize_cell() -> None:
    assert normalize_cell(8.0) == 8 and isinstance(normalize_cell(8.0), int)
    assert normalize_cell(8.5) == 8.5
    assert normalize_cell(datetime(2026, 1, 1)) == date(2026, 1, 1)
    assert normalize_cell("  ") is None
    assert normalize_cell(True) is True


def test_guess_heading() -> None:
    assert guess_heading("4.2 Scope of the system") == ("4.2 Scope of the system", 2)
    assert guess_heading("1 Purpose") == ("1 Purpose", 1)
    assert guess_heading("SCOPE") == ("SCOPE", 1)
    assert guess_heading("1. Review the policy every year.") is None
    assert guess_heading("ISO 9001") is None
    assert guess_heading("2026 12 31") is None
    assert guess_heading("## Objectives") == ("Objectives", 2)


def test_docx_headings_tables_and_properties(fixture_scan: ScanResult) -> None:
    document = _doc(fixture_scan, "policies/Quality Policy.docx")
    assert [s.path for s in document.sections][:4] == [
        ("Quality Policy",),
        ("Purpose",),
        ("Scope",),
        ("Scope", "Boundaries"),
    ]
    boundary = next(u for u in document.units if u.text.startswith("Contract manufacturing"))
    assert boundary.locator == 'section "Scope > Boundaries" paragraph 1'
    assert any(p.name == "status" and p.value == "Released" for p in document.properties)
    assert any(u.role.value == "footer" and "QP-001" in u.text for u in document.units)


def test_pptx_slides(fixture_scan: ScanResult) -> None:
    document = _doc(fixture_scan, "records/Management review Q1 2026.pptx")
    assert document.pages == 3
    assert [u.text for u in document.headings] == [
        "Management review Q1 2026",
        "Inputs",
        "Decisions and actions",
    ]
    assert next(u for u in document.units if u.text == "Results of internal audits").locator == "slide 2"


def test_html_headings_and_lines(fixture_scan: ScanResult) -> None:
    document = _doc(fixture_scan, "intranet/context.html")
    issue = next(u for u in document.units if u.text.startswith("Ageing laboratory"))
    assert issue.locator == "line 20"
    assert issue.section == "Context of the organization > Internal issues"


def test_markdown_front_matter_and_locators(fixture_scan: ScanResult) -> None:
    document = _doc(fixture_scan, "procedures/internal-audit-procedure.md")
    assert document.metadata.declared_kinds == ("internal-audit-procedure",)
    unit = next(u for u in document.units if u.text.startswith("All processes"))
    assert unit.locator == "line 23"
    assert unit.section == "Internal audit procedure > Scope > Boundaries"
    assert document.tables[0].row_locators == ("line 29", "line 30")


def test_yaml_and_json_locators(fixture_scan: ScanResult) -> None:
    yaml_doc = _doc(fixture_scan, "data/process-map.yaml")
    assert next(u for u in yaml_doc.units if u.text == "owner: Director").locator == "line 11"
    assert yaml_doc.tables[0].row_locators == ("line 6", "line 10")
    json_doc = _doc(fixture_scan, "data/kpis.json")
    assert json_doc.tables[0].row_locators == ("line 5", "line 6")


def test_text_extractor_setext_and_numbered_headings() -> None:
    data = b"Quality Manual\n==============\n\n1 Scope\nText here.\n"
    result = run_extractor(EXTRACTORS.get("text"), data, ExtractContext(path="m.txt"))
    assert [(u.text, u.level, u.locator) for u in result.units if u.role.value == "heading"] == [
        ("Quality Manual", 1, "line 1"),
        ("1 Scope", 1, "line 4"),
    ]


def test_email_headers_html_body_and_attachments(fixture_scan: ScanResult) -> None:
    """The HTML version is read (it keeps the table); attachments are named, not read."""
    document = _doc(fixture_scan, "records/Management review Q1 2026 approval.eml")
    where = {u.text: u.locator for u in document.units}
    assert where["Management review Q1 2026: minutes approved"] == "header Subject"
    assert where["Date: Tue, 14 Apr 2026 16:05:00 +0200"] == "header Date"
    assert document.metadata.title == "Management review Q1 2026: minutes approved"
    (actions,) = document.tables
    assert actions.header == ("Action", "Owner", "Due")
    assert actions.row_locators == ("body line 7", "body line 8")
    assert [u.text for u in document.units].count("Hire a lab technician | J. Roe | 2026-06-30") == 1
    assert where["Attachment: Management review Q1 2026 minutes.pdf (application/pdf, 21 bytes)"] == (
        "attachment 1"
    )
    assert any("not read" in w for w in document.warnings)


def _mail(data: bytes) -> tuple[list[tuple[str, str]], tuple[str, ...]]:
    result = run_extractor(EXTRACTORS.get("mail"), data, ExtractContext(path="message.eml"))
    assert result.error is None
    return [(u.locator, u.text) for u in result.units], result.warnings


def test_email_plain_body_lines_and_encoded_headers() -> None:
    message = (
        "From: a@example.org\nSubject: =?utf-8?q?Politique_qualit=C3=A9?=\n"
        'Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: quoted-printable\n\n'
        "Nous nous engageons =C3=A0 am=C3=A9liorer=\n nos processus.\n\nLa direction\n"
    )
    units, warnings = _mail(message.encode("ascii"))
    assert units == [
        ("header Subject", "Politique qualité"),
        ("header From", "From: a@example.org"),
        ("body line 1", "Nous nous engageons à améliorer nos processus."),
        ("body line 3", "La direction"),
    ]
    assert warnings == ()


def test_email_without_headers_or_with_a_wrong_charset_is_still_read() -> None:
    units, warnings = _mail(b"just some notes\nsaved as .eml\n")
    assert units == [("body line 1", "just some notes"), ("body line 2", "saved as .eml")]
    assert warnings == ("no e-mail headers (From, To, Date, Subject): read as plain text",)
    wrong = b"Subject: Notes\nContent-Type: text/plain; charset=no-such-charset\n\nQualit\xc3\xa9 first\n"
    units, warnings = _mail(wrong)
    assert units[-1] == ("body line 1", "Qualité first")
    assert "not in its declared charset 'no-such-charset'" in warnings[0]


def test_email_attachments_beyond_the_limit_are_counted_not_listed() -> None:
    parts = "".join(
        f'--b\nContent-Type: application/pdf\nContent-Disposition: attachment; filename="f{n}.pdf"\n\nx\n'
        for n in range(MAX_ATTACHMENTS + 5)
    )
    message = f'Subject: Evidence pack\nContent-Type: multipart/mixed; boundary="b"\n\n{parts}--b--\n'
    units, warnings = _mail(message.encode("ascii"))
    listed = [text for where, text in units if where.startswith("attachment ")]
    assert len(listed) == MAX_ATTACHMENTS and listed[0] == "Attachment: f0.pdf (application/pdf, 1 byte)"
    assert warnings == (
        f"{MAX_ATTACHMENTS + 5} attachments ({MAX_ATTACHMENTS} listed), not read: "
        "save them into the evidence folder to audit them",
    )


def test_an_email_of_one_attachment_or_binary_text_keeps_its_headers() -> None:
    image = b"Subject: Scan\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n"
    units, warnings = _mail(image)
    assert units[-1] == ("attachment 1", "Attachment: (no name) (image/png, 8 bytes)")
    binary = b"Subject: Export\nContent-Type: text/plain\nContent-Transfer-Encoding: 8bit\n\n" + bytes(
        range(256)
    )
    units, warnings = _mail(binary)
    assert units == [("header Subject", "Export")] and warnings[0].startswith("body not read: ")
