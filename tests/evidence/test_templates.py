"""Templates are recognized with reasons; leftovers are listed with their locators."""

from __future__ import annotations

import pytest

from imsaudit.evidence.metadata import extract_metadata
from imsaudit.evidence.model import Metadata, TextUnit
from imsaudit.evidence.scan import ScanResult
from imsaudit.evidence.templates import detect_template, markers_in, placeholder_rule


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Welcome to <Company Name>.", "angle-placeholder"),
        ("Scope: [insert scope here]", "bracket-instruction"),
        ("Date: [Date]", "bracket-instruction"),
        ("Hello {{ company_name }}", "curly-placeholder"),
        ("XYZ Ltd is certified", "xyz"),
        ("Signed: XXXX", "x-run"),
        ("Due: DD/MM/YYYY", "date-placeholder"),
        ("Review in 20YY", "date-placeholder"),
        ("Root cause: TBD", "tbd"),
        ("Lorem ipsum dolor sit amet", "lorem-ipsum"),
        ("Delete this text before publishing", "guidance-text"),
        ("Use this template to record the review", "guidance-text"),
    ],
)
def test_marker_rules(text: str, rule: str) -> None:
    assert rule in [r for r, _ in markers_in(text)]


@pytest.mark.parametrize(
    "text",
    [
        "See ISO 9001 [1] for details.",
        "Task list: [x] done",
        "The xyz-axis",
        "Use <br> tags",
        "TBDX",
        "Company XY",
        "ISO/IEC 17021-1",
    ],
)
def test_no_false_markers(text: str) -> None:
    assert markers_in(text) == []


def test_placeholder_values() -> None:
    assert placeholder_rule("TBD") == "tbd"
    assert placeholder_rule("<Name>") == "angle-placeholder"
    assert placeholder_rule("___") == "empty-placeholder"
    assert placeholder_rule("Jane Roe") is None


def _units(*lines: str) -> tuple[TextUnit, ...]:
    return tuple(TextUnit(text=t, locator=f"line {i}") for i, t in enumerate(lines, start=1))


def test_a_real_register_with_tbd_is_not_a_template() -> None:
    units = _units("Action | Owner | Due", "Fix pump | J. Roe | TBD", "Approved on: 2026-01-05")
    report = detect_template("registers/actions.csv", units, extract_metadata((), units, ()))
    assert not report.is_template
    assert [(m.text, m.locator) for m in report.markers] == [("TBD", "line 2")]


def test_one_placeholder_and_no_date_is_a_template() -> None:
    units = _units("Procedure for purchasing", "Applies to <Organisation>")
    report = detect_template("purchasing.md", units, Metadata())
    assert report.is_template
    assert "no date anywhere" in report.reasons[0]


def test_one_placeholder_in_a_dated_document_is_a_leftover_only() -> None:
    units = _units("Procedure for purchasing, issued 3 March 2026", "Applies to <Organisation>")
    report = detect_template("purchasing.md", units, Metadata())
    assert not report.is_template
    assert report.markers[0].locator == "line 2"


def test_template_in_the_name_is_enough() -> None:
    assert detect_template("forms/Audit report Template v2.docx", (), Metadata()).is_template
    assert detect_template("forms/templates_overview.md", (), Metadata()).is_template
    assert not detect_template("forms/contemplated.md", (), Metadata()).is_template


def test_fixture_templates_are_templates_with_reasons(fixture_scan: ScanResult) -> None:
    templates = {d.path: d.template for d in fixture_scan.documents if d.template.is_template}
    assert set(templates) == {
        "templates/Corrective action report TEMPLATE.docx",
        "templates/policy-template.md",
        "templates/procedure-blank.md",
    }
    blank = templates["templates/procedure-blank.md"]
    assert blank.reasons[-1].startswith("5 distinct placeholders")
    assert ("XYZ", "line 5") in [(m.text, m.locator) for m in blank.markers]
    docx = templates["templates/Corrective action report TEMPLATE.docx"]
    assert ("<Company Name>", 'section "Corrective action report > Nonconformity" paragraph 1') in [
        (m.text, m.locator) for m in docx.markers
    ]
    real = [d for d in fixture_scan.documents if not d.path.startswith("templates/")]
    assert not any(d.template.is_template for d in real)


def test_a_tbd_approver_is_an_unfinished_document_not_a_template() -> None:
    units = _units("Approved by: TBD", "Approved on: 2025-06-12", "This procedure applies to <Company Name>.")
    metadata = extract_metadata((), units, ())
    assert metadata.placeholders == {"approved_by": "tbd"}
    assert metadata.rejected["approved_by"] == "'TBD' at line 1 is a placeholder"
    report = detect_template("procedures/document-control.md", units, metadata)
    assert not report.is_template
    assert [m.text for m in report.markers] == ["TBD", "<Company Name>"]


def test_a_template_placeholder_as_owner_makes_a_template() -> None:
    units = _units("Owner: <Process Owner>", "Issued 2026-01-01")
    metadata = extract_metadata((), units, ())
    assert metadata.placeholders == {"owner": "angle-placeholder"}
    assert detect_template("procedure.md", units, metadata).is_template
