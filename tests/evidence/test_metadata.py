"""Metadata: dates in the usual forms, labels, sources and their precedence."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imsaudit.evidence.metadata import (
    clean_title,
    extract_metadata,
    find_date,
    normalize_status,
    normalize_version,
    parse_date,
)
from imsaudit.evidence.model import Property, Table, TextUnit, UnitRole
from imsaudit.evidence.scan import ScanResult


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-02-14", date(2026, 2, 14)),
        ("2026/02/14", date(2026, 2, 14)),
        ("14/02/2026", date(2026, 2, 14)),
        ("14.02.2026", date(2026, 2, 14)),
        ("14-02-2026", date(2026, 2, 14)),
        ("02/14/2026", date(2026, 2, 14)),
        ("14/02/26", date(2026, 2, 14)),
        ("14 Feb 2026", date(2026, 2, 14)),
        ("14 Feb. 2026", date(2026, 2, 14)),
        ("14th February 2026", date(2026, 2, 14)),
        ("14-Feb-2026", date(2026, 2, 14)),
        ("February 14, 2026", date(2026, 2, 14)),
        ("Feb 14 2026", date(2026, 2, 14)),
        ("february 14th, 2026", date(2026, 2, 14)),
        ("February 2026", date(2026, 2, 1)),
        ("approved on 3 March 2026 by the board", date(2026, 3, 3)),
        ("2026-02-14T10:30:00Z", date(2026, 2, 14)),
        (date(2026, 1, 2), date(2026, 1, 2)),
    ],
)
def test_parse_date_forms(text: object, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text", ["", "TBD", "31/02/2026", "DD/MM/YYYY", "20YY", "version 2.1", None, "13/13/2026"]
)
def test_not_dates(text: object) -> None:
    assert parse_date(text) is None


def test_find_date_gives_the_span() -> None:
    found = find_date("J. Smith, 14 Feb 2026")
    assert found is not None and found.value == date(2026, 2, 14) and found.start == 10


def test_normalizers() -> None:
    assert normalize_version("v3.0") == "3.0"
    assert normalize_version("Rev. 3") == "3"
    assert normalize_version("Issue 2") == "2"
    assert normalize_version("4 · last reviewed 2026") == "4"
    assert normalize_version("2026.1") == "2026.1"
    assert normalize_status("Released") == "approved"
    assert normalize_status("Under review") == "in_review"
    assert normalize_status("superseded") == "obsolete"
    assert normalize_status("Custom") == "custom"
    assert clean_title("Microsoft Word - Quality Policy.docx") == "Quality Policy"
    assert clean_title("Untitled") is None


def _units(*lines: str) -> tuple[TextUnit, ...]:
    return tuple(TextUnit(text=line, locator=f"line {i}") for i, line in enumerate(lines, start=1))


def test_label_lines_and_approval_lines() -> None:
    metadata = extract_metadata(
        (),
        _units(
            "Document ID: QP-001   Version 3",
            "Owner: Head of Quality",
            "Next review: March 2027",
            "Status: Draft",
            "The status of actions is reviewed.",
            "Approved by: Jane Roe, 14/02/2026",
        ),
        (),
    )
    assert metadata.doc_id == "QP-001"
    assert metadata.version == "3"
    assert metadata.owner == "Head of Quality"
    assert metadata.review_due == date(2027, 3, 1)
    assert metadata.status == "draft"
    assert metadata.approved_by == "Jane Roe"
    assert metadata.approved_on == date(2026, 2, 14)
    assert metadata.sources["approved_on"] == "line 6"


def test_approval_with_date_on_the_next_line() -> None:
    metadata = extract_metadata((), _units("Approved by: Dr. A. Lee", "Date: 10 January 2026"), ())
    assert metadata.approved_by == "Dr. A. Lee"
    assert metadata.approved_on == date(2026, 1, 10)
    assert metadata.sources["approved_on"] == "line 2"


def test_an_approved_by_column_of_a_register_is_not_an_approval() -> None:
    """The header row of a register with an "Approved by" column once read as the document
    approved by "| Parts affected | Owner": a register then passed an approval check."""
    rows = (
        TextUnit(text="ID | Date | Approved by | Parts affected | Owner", locator="row 1", role=UnitRole.ROW),
        TextUnit(text="ECN-7 | 2026-03-02 | K. Ito | Hinge | M. Diaz", locator="row 2", role=UnitRole.ROW),
    )
    assert extract_metadata((), rows, ()).approved_by is None
    # A row's own cell still says who approved (a sign-off block laid out as a table).
    signed = TextUnit(text="Approved by Dr. A. Lee | 10 January 2026", locator="row 9", role=UnitRole.ROW)
    assert extract_metadata((), (*rows, signed), ()).approved_by == "Dr. A. Lee"
    # And a sign-off table at the end, past the control block at the top: label, value.
    body = tuple(TextUnit(text=f"Paragraph {n}.", locator=f"line {n}") for n in range(80))
    sign_off = TextUnit(
        text="Approved by | Dr. A. Lee | Approved on | 10 January 2026",
        locator="table 3 row 2",
        role=UnitRole.ROW,
    )
    metadata = extract_metadata((), (*body, *rows, sign_off), ())
    assert (metadata.approved_by, metadata.approved_on) == ("Dr. A. Lee", date(2026, 1, 10))
    assert metadata.sources["approved_by"] == "table 3 row 2"


@pytest.mark.parametrize(
    "line", ["Document No. QP-01", "Doc. No.: QP-01", "Document no QP-01", "Doc.No. QP-01"]
)
def test_abbreviated_labels_with_full_stops(line: str) -> None:
    """A PDF's "Document No. QP-01" line is a document id, as the same words are in a DOCX table."""
    assert extract_metadata((), _units(line), ()).doc_id == "QP-01"


def test_a_full_stop_after_a_word_is_not_a_label() -> None:
    metadata = extract_metadata((), _units("Status. The laboratory is busy", "Owner. Nobody else"), ())
    assert metadata.status is None and metadata.owner is None


def test_running_text_is_not_a_label() -> None:
    metadata = extract_metadata(
        (),
        _units(
            "Owner of the process is named in the map",
            "Version 3 of the form was withdrawn last year after the audit",
        ),
        (),
    )
    assert metadata.owner is None and metadata.version is None


@pytest.mark.parametrize(
    ("line", "field", "expected"),
    [
        # Fields of no known label end the one before them, not run into it.
        ("Status: Approved    Classification: Internal    Pages: 4", "status", "approved"),
        ("Status: approved Classification: internal Pages: 4", "status", "approved"),
        ("Owner: J. Smith   Department: Quality   Status: Draft", "owner", "J. Smith"),
        ("Owner: J. Smith   Department: Quality   Status: Draft", "status", "draft"),
        ("Doc ID: QP-7 Site: Lyon Version: 2", "doc_id", "QP-7"),
        ("Doc ID: QP-7 Site: Lyon Version: 2", "version", "2"),
        ("Version 3 Next review: 2027-01-01 Site: Lyon", "review_due", date(2027, 1, 1)),
        ("Status: Approved date 2026-01-01", "status", "approved"),
        ("Owner: J. Smith   Site: Lyon date 2026-01-01 Status: Draft", "status", "draft"),
        # A colon inside a value is no label: only a column gap or a whole value ends it.
        ("Title: Management Review: Minutes Q3", "title", "Management Review: Minutes Q3"),
        ("Title: ISO 9001: Quality Policy", "title", "ISO 9001: Quality Policy"),
        ("Owner: J. Smith Department: Quality", "owner", "J. Smith Department: Quality"),
        # A line that opens with a label of no field is still a control line.
        ("Classification: Internal   Status: Approved", "status", "approved"),
        ("Classification: Internal\tOwner: J. Smith   Pages: 4", "owner", "J. Smith"),
        ("Site: Lyon   Pages: 4   Version: 2.1", "version", "2.1"),
        ("Security Classification: Restricted   Doc ID: QP-7", "doc_id", "QP-7"),
        # ... but running text is not: a known label needs a column gap before it.
        ("Note: the status: approved by the board", "status", None),
        ("Pages: 4 Status: Approved", "status", None),
    ],
)
def test_a_control_line_of_several_fields(line: str, field: str, expected: object) -> None:
    assert getattr(extract_metadata((), _units(line), ()), field) == expected


def test_an_approval_line_ends_before_the_next_field() -> None:
    body = [f"Paragraph {n} of the policy." for n in range(70)]
    lines = (
        "Approved by: J. Smith     Signature: ________",
        "Approved by J. Roe (Director)   Date: 14 Feb 2026   Signature: on file",
    )
    metadata = extract_metadata((), _units(*body, *lines), ())
    assert metadata.approved_by == "J. Smith" and metadata.approved_on == date(2026, 2, 14)
    assert metadata.rejected == {}


def test_register_header_rows_are_not_label_pairs() -> None:
    units = (TextUnit(text="Action | Owner | Due", locator="row 1", role=UnitRole.ROW),)
    assert extract_metadata((), units, ()).owner is None


def test_declarations_win_over_the_body_and_tool_properties() -> None:
    properties = (
        Property(name="Title", value="Microsoft Word - draft.docx", source="PDF document info"),
        Property(name="author", value="Template Author", source="DOCX core properties"),
        Property(name="owner", value="Quality manager", source="front matter line 3"),
        Property(name="kind", value="quality-policy, context-analysis", source="front matter line 4"),
    )
    metadata = extract_metadata(properties, _units("Owner: Someone else"), ())
    assert metadata.owner == "Quality manager"
    assert metadata.sources["owner"] == "front matter line 3"
    assert metadata.title == "draft"
    assert metadata.declared_kinds == ("quality-policy", "context-analysis")


def test_core_author_is_not_the_owner() -> None:
    metadata = extract_metadata(
        (Property(name="author", value="jdoe", source="DOCX core properties"),), (), ()
    )
    assert metadata.owner is None


def test_placeholders_and_bad_dates_are_rejected_not_used() -> None:
    metadata = extract_metadata(
        (), _units("Owner: <Process Owner>", "Approved on: TBD", "Review due: soon"), ()
    )
    assert metadata.owner is None and metadata.approved_on is None
    assert "placeholder" in metadata.rejected["owner"]
    assert "placeholder" in metadata.rejected["approved_on"]
    assert "not a date" in metadata.rejected["review_due"]


def test_horizontal_control_table_and_revision_history() -> None:
    control = Table(
        name="table 1",
        locator="table 1",
        header=("Document ID", "Version", "Approved by", "Next review"),
        header_locator="table 1 row 1",
        rows=(("PR-07", "2", "J. Roe", "2027-01-31"),),
        row_locators=("table 1 row 2",),
    )
    history = Table(
        name="table 2",
        locator="table 2",
        header=("Rev", "Date", "Change"),
        rows=(("1", "2024-01-10", "First issue"), ("3", "2026-02-01", "Scope"), ("2", "2025-03-01", "Roles")),
        row_locators=("table 2 row 2", "table 2 row 3", "table 2 row 4"),
    )
    metadata = extract_metadata((), (), (control, history))
    assert metadata.doc_id == "PR-07" and metadata.approved_by == "J. Roe"
    assert metadata.review_due == date(2027, 1, 31)
    assert metadata.version == "2"  # the control table (tier 2) wins over the history (tier 3)
    assert metadata.approved_on == date(2026, 2, 1)
    assert metadata.sources["approved_on"] == "revision history, table 2 row 3"


def test_a_master_list_of_documents_is_not_a_revision_history() -> None:
    """A register listing documents, each with its version and date, says nothing of its
    own version: its latest row once made the register "version 7"."""
    master = Table(
        name="Register",
        locator="sheet Register",
        header=("Doc ID", "Title", "Version", "Date"),
        rows=(
            ("QP-01", "Quality policy", "3", "2025-05-01"),
            ("PR-07", "Audit procedure", "7", "2026-01-10"),
            ("FM-02", "Audit checklist", "2", "2024-09-30"),
        ),
        row_locators=("sheet Register row 2", "sheet Register row 3", "sheet Register row 4"),
    )
    metadata = extract_metadata((), (), (master,))
    assert metadata.version is None and metadata.approved_on is None


def test_a_control_line_with_pipes_gives_the_name_alone() -> None:
    line = "Version 1.5 | Owner: B. Okafor | Approved by: H. Silva | Approved on: 2024-11-12"
    metadata = extract_metadata((), _units(line), ())
    assert metadata.approved_by == "H. Silva"
    assert metadata.approved_on == date(2024, 11, 12)


def test_fixture_metadata_sources(fixture_scan: ScanResult) -> None:
    policy = next(d for d in fixture_scan.documents if d.path == "policies/Quality Policy.docx")
    assert policy.metadata.model_dump(
        include={"doc_id", "version", "owner", "approved_on", "review_due", "status"}
    ) == {
        "doc_id": "QP-001",
        "version": "3.0",
        "owner": "Head of Quality",
        "approved_on": date(2026, 2, 14),
        "review_due": date(2027, 2, 14),
        "status": "approved",
    }
    assert policy.metadata.sources["doc_id"] == "table 1 row 1"
    pdf = next(d for d in fixture_scan.documents if d.path == "procedures/Document control procedure.pdf")
    assert (pdf.metadata.doc_id, pdf.metadata.version, pdf.metadata.approved_on) == (
        "PR-04",
        "2.1",
        date(2026, 2, 14),
    )
    assert pdf.metadata.sources["approved_on"] == "page 1"


_LABELS = ("Status: ", "Owner: ", "Version ", "Doc ID: ", "Approved by ", "Title: ", "Next review: ")
_OTHERS = ("date ", "Site: ", "Pages: ", "Classification: ", "Note:", "Security Classification: ")
_VALUES = ("Approved", "Draft", "2026-01-01", "J. Smith", "3.0", "QP-7", "v2", "4", "", "x:")
_LINES = st.tuples(
    st.sampled_from(_LABELS),
    st.sampled_from(_VALUES),
    st.lists(
        st.tuples(
            st.sampled_from((" ", "   ", "\t", " | ")),
            st.sampled_from(_LABELS + _OTHERS),
            st.sampled_from(_VALUES),
        ),
        max_size=4,
    ),
).map(lambda line: line[0] + line[1] + "".join("".join(field) for field in line[2]))


@settings(max_examples=1000)
@given(_LINES)
def test_any_control_line_reads_without_error(line: str) -> None:
    """Known and unknown labels, values and separators in any order: fields or none, never an error."""
    metadata = extract_metadata((), _units(line), ())
    assert metadata.status is None or metadata.status.strip() == metadata.status
