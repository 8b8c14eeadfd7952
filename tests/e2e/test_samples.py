"""The three sample organizations in evidence_samples/ audit to three clearly different profiles.

- helix-institute: a mature innovation management system with standardization built into
  research: a high score, no major nonconformity, a few minor gaps that cite their rows;
- fenwick-enclosures: a working ISO 9001 QMS with the gaps auditors meet every week, each
  found on its requirement with the file and the place in it;
- tidewater-institute: a research institution founded months ago: almost nothing, and its
  strategy draft is a template that never counts.

Each folder holds one scanned, image-only PDF; with tesseract installed its text is read
by OCR and used. The folders are written by scripts/make_samples.py, and the last test
checks that the script still writes what is committed.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from imsaudit.core.types import Finding, Outcome
from imsaudit.evidence.model import Document
from imsaudit.evidence.scan import ScanOptions, scan_folder
from imsaudit.findings.model import AuditResult, DocumentEntry, RequirementResult
from imsaudit.packs.load import load_library
from imsaudit.pipeline import AuditSettings, read_organization, run_audit
from imsaudit.render._report import build_report
from imsaudit.render.markdown import report_markdown

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "evidence_samples"
HELIX = SAMPLES / "helix-institute"
FENWICK = SAMPLES / "fenwick-enclosures"
TIDEWATER = SAMPLES / "tidewater-institute"
AS_OF = dt.date(2026, 11, 1)
NEW_INSTITUTION_PACKS = ("iso56001-2024", "std-integration")
"""What ``make demo`` passes with --pack for the institution that has no organization.yaml."""

HAS_OCR = shutil.which("tesseract") is not None
needs_ocr = pytest.mark.skipif(not HAS_OCR, reason="tesseract is not installed: scanned PDFs cannot be read")

HELIX_SCAN = "05 IP and Partners/SENSEWAVE Consortium Agreement (signed).pdf"
FENWICK_SCAN = "Support/Calibration Certificate CM-26-0318 CMM-01.pdf"
TIDEWATER_SCAN = "Founding Charter (signed).pdf"
TIDEWATER_DRAFT = "Innovation Strategy 2027-2031 DRAFT v0.2.docx"


# --------------------------------------------------------------------------- audits


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One extraction cache for this module: the scans are OCRed once, not once per audit."""
    return tmp_path_factory.mktemp("extract-cache")


def audit(folder: Path, cache: Path) -> AuditResult:
    """Audit ``folder`` as the CLI does: packs and date from organization.yaml, else the demo's flags."""
    organization, org_file = read_organization(folder)
    if organization is not None:
        assert organization.as_of == AS_OF and organization.packs, folder.name
        packs: tuple[str, ...] = tuple(organization.packs)
    else:
        packs = NEW_INSTITUTION_PACKS
    settings = AuditSettings(
        evidence_dir=folder,
        as_of=AS_OF,
        pack_ids=packs,
        organization=organization,
        organization_file=org_file,
        scan=ScanOptions(jobs=1, use_cache=True, cache_dir=cache),
    )
    return run_audit(settings)


@pytest.fixture(scope="module")
def helix(cache_dir: Path) -> AuditResult:
    return audit(HELIX, cache_dir)


@pytest.fixture(scope="module")
def fenwick(cache_dir: Path) -> AuditResult:
    return audit(FENWICK, cache_dir)


@pytest.fixture(scope="module")
def tidewater(cache_dir: Path) -> AuditResult:
    return audit(TIDEWATER, cache_dir)


def requirement(result: AuditResult, rid: str) -> RequirementResult:
    return next(r for r in result.requirements if r.id == rid)


def document(result: AuditResult, path: str) -> DocumentEntry:
    return next(d for d in result.documents if d.path == path)


def locators(r: RequirementResult, path: str) -> set[str]:
    return {e.locator for e in r.evidence if e.path == path}


def judged(result: AuditResult) -> list[RequirementResult]:
    return [r for r in result.requirements if r.outcome in (Outcome.MET, Outcome.PARTLY_MET, Outcome.NOT_MET)]


# --------------------------------------------------------------------------- all three


def test_three_clearly_different_organizations(
    helix: AuditResult, fenwick: AuditResult, tidewater: AuditResult
) -> None:
    scores = [r.summary.overall_score for r in (helix, fenwick, tidewater)]
    assert None not in scores
    assert scores[0] > scores[1] > scores[2], scores  # type: ignore[operator]
    assert helix.summary.maturity >= fenwick.summary.maturity > tidewater.summary.maturity


@pytest.mark.parametrize("name", ["helix", "fenwick", "tidewater"])
def test_nothing_is_met_without_cited_evidence(name: str, request: pytest.FixtureRequest) -> None:
    result: AuditResult = request.getfixturevalue(name)
    for r in result.requirements:
        if r.outcome is Outcome.MET:
            assert r.evidence, r.id
            assert all(e.sha256 and e.locator for e in r.evidence), r.id
    assert not result.errors


# --------------------------------------------------------------------------- the institute


def test_institute_scores_high_with_a_few_minor_gaps(helix: AuditResult) -> None:
    summary = helix.summary
    assert summary.overall_score is not None and summary.overall_score >= 75
    assert 1 <= summary.counts["minor_nc"] <= 5
    assert summary.counts["conformity"] > 10 * summary.counts["minor_nc"]
    assert [p.id for p in summary.packs] == list(NEW_INSTITUTION_PACKS)
    for pack in summary.packs:
        assert pack.score is not None and pack.score >= 75, pack.id


@needs_ocr
def test_institute_has_no_major_nonconformity(helix: AuditResult) -> None:
    """Its only signed collaboration agreement is a scan: without OCR, clause 6.6 cannot be judged."""
    summary = helix.summary
    assert summary.counts["major_nc"] == 0
    assert summary.maturity >= 3
    for pack in summary.packs:
        assert pack.maturity >= 3, pack.id


@pytest.mark.parametrize(
    ("rid", "path", "place", "said"),
    [
        # A 3GPP contribution went out without a recorded IP review.
        ("SI-3.1-01", "09 Standardization/contribution-log.csv", "row 6", "R1-2605960"),
        # The delegate appointed to 3GPP SA2 in September is not in the competence matrix yet.
        (
            "SI-6.1-01",
            "09 Standardization/Delegate Register.xlsx",
            "sheet Delegates row 9",
            "Dr. Tariq Haddad",
        ),
        # The innovation culture survey of 2024 is past its two-year cycle.
        ("IMS-5.1.1-03", "07 People/Innovation Culture Survey 2024.pdf", "page 1", "2024-10-15"),
    ],
)
def test_institute_minor_gaps_cite_their_place(
    helix: AuditResult, rid: str, path: str, place: str, said: str
) -> None:
    r = requirement(helix, rid)
    assert r.outcome is Outcome.PARTLY_MET, r.message
    assert said in r.message
    assert place in locators(r, path)


def test_institute_interview_verdicts_only_close_what_no_document_can(helix: AuditResult) -> None:
    """organization.yaml's verdicts sit on manual-only requirements: they never override a machine verdict."""
    library = load_library(NEW_INSTITUTION_PACKS)
    checks = {r.id: r.checks for pack in library.packs.values() for r in pack.requirements}
    manual = [r for r in helix.requirements if r.manual is not None]
    assert manual
    for r in manual:
        assert all(check.type == "manual" for check in checks[r.id]), r.id
        assert r.machine_outcome is Outcome.NEEDS_REVIEW
        assert r.manual is not None and r.manual.auditor and r.manual.date and r.manual.note


# --------------------------------------------------------------------------- the manufacturer


def test_manufacturer_lands_in_the_middle(fenwick: AuditResult, helix: AuditResult) -> None:
    summary = fenwick.summary
    assert summary.counts["major_nc"] >= 1
    assert summary.maturity <= 2  # a major nonconformity caps maturity at 2
    assert summary.counts["conformity"] > summary.counts["major_nc"] + summary.counts["minor_nc"]
    assert summary.overall_score is not None and helix.summary.overall_score is not None
    assert 35 <= summary.overall_score < helix.summary.overall_score


@pytest.mark.parametrize(
    ("rid", "outcome", "path", "places", "said"),
    [
        # Stale documents: policy approved in 2021, context analysis in 2023.
        ("QMS-5.2.1-01", Outcome.PARTLY_MET, "QMS/Quality Policy QP-01.pdf", {"page 1"}, "2021-04-12"),
        (
            "QMS-4.1-03",
            Outcome.NOT_MET,
            "QMS/Context of the Organisation QF-04.docx",
            {"table 1 row 5"},
            "2023-06-20",
        ),
        ("QMS-4.3-03", Outcome.PARTLY_MET, "QMS/Quality Manual QM-01.docx", {"table 1 row 5"}, "2021-03-08"),
        # The audit programme never reaches clauses 9 and 10.
        (
            "QMS-9.2.2-01",
            Outcome.PARTLY_MET,
            "Performance/Internal Audit Programme 2026.xlsx",
            {"sheet Programme row 6"},
            "9 and 10 are missing",
        ),
        # Corrective actions without root cause.
        (
            "QMS-10.2.1-02",
            Outcome.PARTLY_MET,
            "Improvement/nc-capa-log-2026.csv",
            {"row 5", "row 9", "row 11"},
            "row 5 (NC-26-007) has no root cause",
        ),
        # A procedure with template leftovers and a TBD approver.
        (
            "QMS-7.5.2-02",
            Outcome.PARTLY_MET,
            "Performance/Internal Audit Procedure QP-05.docx",
            {
                "table 1 row 4",
                'section "Audit programme" paragraph 1',
                'section "Responsibilities" paragraph 1',
            },
            "<Name>",
        ),
        # No management review: only the template.
        (
            "QMS-9.3.1-01",
            Outcome.NOT_MET,
            "Performance/Management Review Minutes TEMPLATE.docx",
            {"document"},
            "only a template (Performance/Management Review Minutes TEMPLATE.docx)",
        ),
        (
            "QMS-9.3.3-01",
            Outcome.NOT_MET,
            "Performance/Management Review Minutes TEMPLATE.docx",
            {"document"},
            "only a template",
        ),
    ],
)
def test_manufacturer_gaps_are_findings_with_file_and_place(
    fenwick: AuditResult, rid: str, outcome: Outcome, path: str, places: set[str], said: str
) -> None:
    r = requirement(fenwick, rid)
    assert r.outcome is outcome, r.message
    assert said in r.message
    assert places <= locators(r, path), r.evidence


def test_manufacturer_corrective_action_rows_are_quoted(fenwick: AuditResult) -> None:
    r = requirement(fenwick, "QMS-10.2.1-02")
    excerpts = [e.excerpt for e in r.evidence if e.path == "Improvement/nc-capa-log-2026.csv"]
    assert [x.split(" | ")[0] for x in excerpts] == ["NC-26-007", "NC-26-012", "NC-26-014"]


def test_manufacturer_missing_management_review_is_a_major_gap(fenwick: AuditResult) -> None:
    assert document(fenwick, "Performance/Management Review Minutes TEMPLATE.docx").template
    findings = {c.clause: c.finding for c in fenwick.clauses}
    assert findings["9.3.1"] is Finding.MAJOR_NC and findings["9.3.3"] is Finding.MAJOR_NC
    assert any(g.clause.startswith(("5.1", "9.3")) for g in fenwick.root_gaps)


def test_manufacturer_design_exclusion_is_justified(fenwick: AuditResult) -> None:
    design = [r for r in fenwick.requirements if r.clause.startswith("8.3")]
    assert design and all(r.outcome is Outcome.NOT_APPLICABLE for r in design)
    clause = next(c for c in fenwick.clauses if c.clause == "8.3")
    assert clause.finding is Finding.NOT_APPLICABLE
    assert clause.justification and "customer drawings" in clause.justification


def test_manufacturer_operations_conform(fenwick: AuditResult) -> None:
    """Real conformity next to the gaps: production, purchasing and release are met from their records."""
    for rid in ("QMS-8.5.1-02", "QMS-8.6-02", "QMS-8.4.2-02", "QMS-7.1.5.1-01", "QMS-8.7.2-01"):
        assert requirement(fenwick, rid).outcome is Outcome.MET, rid


# --------------------------------------------------------------------------- the new institution


def test_new_institution_scores_very_low(tidewater: AuditResult) -> None:
    summary = tidewater.summary
    assert summary.overall_score is not None and summary.overall_score <= 10
    assert summary.maturity == 0
    outcomes = [r.outcome for r in judged(tidewater)]
    assert outcomes.count(Outcome.NOT_MET) > 0.8 * len(outcomes)
    assert tidewater.organization.name == "tidewater-institute"  # no organization.yaml


def test_new_institution_draft_is_a_template_that_never_counts(tidewater: AuditResult) -> None:
    draft = document(tidewater, TIDEWATER_DRAFT)
    assert draft.template
    assert "innovation-strategy" in [k.kind for k in draft.kinds]
    strategy = requirement(tidewater, "IMS-5.3-01")
    assert strategy.outcome is Outcome.NOT_MET
    assert f"only a template ({TIDEWATER_DRAFT})" in strategy.message
    for r in tidewater.requirements:
        if any(e.path == TIDEWATER_DRAFT for e in r.evidence):
            assert r.outcome not in (Outcome.MET, Outcome.PARTLY_MET), r.id


# --------------------------------------------------------------------------- verdict rules


def evidence_paths(r: RequirementResult) -> set[str]:
    return {e.path for e in r.evidence}


def test_a_written_none_is_an_answer_not_a_gap(helix: AuditResult, fenwick: AuditResult) -> None:
    """A written "None" is what was decided (no potential, no extra resources): an auditor judges it."""
    screening = requirement(helix, "SI-4.1-01")
    assert screening.outcome is Outcome.MET, screening.message
    assert "sheet Projects row 14 (HX-P-2602) answers 'None' for potential" in screening.message
    assert "sheet Projects row 14" in locators(
        screening, "09 Standardization/Project Register with Standardization Screening.xlsx"
    )
    change = requirement(fenwick, "QMS-6.3-02")
    assert change.outcome is Outcome.MET, change.message
    assert "row 3 answers 'None' for resources" in change.message


def test_a_met_alternative_cites_only_itself(fenwick: AuditResult) -> None:
    r = requirement(fenwick, "QMS-6.3-01")
    assert r.outcome is Outcome.MET, r.message
    assert "No Management review record" not in r.message and "template" not in r.message
    assert "Performance/Management Review Minutes TEMPLATE.docx" not in evidence_paths(r)
    assert evidence_paths(r) <= {"Production/process-change-requests-2026.csv", "QMS/qms-change-log.csv"}


@pytest.mark.parametrize(
    ("name", "rid", "judged", "not_judged"),
    [
        # The audit report (recognized with 19) speaks, not the procedure that describes reports (5).
        (
            "fenwick",
            "QMS-9.2.2-05",
            "Performance/Internal Audit Report IA-26-03.docx",
            "Performance/Internal Audit Procedure QP-05.docx",
        ),
        # The IP procedure, not the innovation policy that barely qualified as one.
        (
            "helix",
            "IMS-7.8-04",
            "05 IP and Partners/IP Management Procedure.docx",
            "01 Strategy/Innovation Policy.pdf",
        ),
    ],
)
def test_the_document_most_plainly_of_the_kind_is_judged(
    name: str, rid: str, judged: str, not_judged: str, request: pytest.FixtureRequest
) -> None:
    r = requirement(request.getfixturevalue(name), rid)
    assert r.outcome is Outcome.MET, r.message
    assert f"({judged})" in r.message and not_judged not in r.message
    assert judged in evidence_paths(r) and not_judged not in evidence_paths(r)


def test_an_age_past_the_limit_says_by_how_much(helix: AuditResult) -> None:
    r = requirement(helix, "IMS-5.1.1-03")
    assert "24 months and 17 days before 2026-11-01; the limit is 24 months (until 2026-10-15)" in r.message


def test_a_corrective_action_not_yet_due_is_not_late(fenwick: AuditResult) -> None:
    """NC-26-016 is due 2026-11-30: its effectiveness cannot be checked yet; the three late ones stay gaps."""
    r = requirement(fenwick, "QMS-10.2.1-04")
    assert r.outcome is Outcome.PARTLY_MET, r.message
    assert "3 of the 10 rows" in r.message
    assert "row 12 (NC-26-016) is not due until 2026-11-30" in r.message
    assert "NC-26-016) has no" not in r.message
    assert locators(r, "Improvement/nc-capa-log-2026.csv") == {"row 5", "row 9", "row 11"}


def test_review_items_say_whether_evidence_was_found(tidewater: AuditResult, helix: AuditResult) -> None:
    """Tidewater's review items are interview questions with nothing to read: no "evidence exists"."""
    assert all(not r.evidence for r in tidewater.requirements if r.outcome is Outcome.NEEDS_REVIEW)
    empty = report_markdown(tidewater)
    assert "there is no document to judge for them" in empty
    assert "the evidence exists" not in empty
    assert all(r.evidence for r in helix.requirements if r.outcome is Outcome.NEEDS_REVIEW)
    assert "the evidence exists but a machine cannot judge it" in report_markdown(helix)
    # The PDF/HTML view model words its key point and glossary the same way.
    view = build_report(tidewater, "html")
    assert any("there is no document to judge for any of them" in p for p in view.key_points)
    glossary = dict(view.glossary)
    assert "evidence exists" not in glossary["Needs review"].lower()


# --------------------------------------------------------------------------- scanned PDFs


@needs_ocr
@pytest.mark.parametrize(
    ("name", "path", "rid"),
    [
        ("helix", HELIX_SCAN, "IMS-6.6-03"),
        ("fenwick", FENWICK_SCAN, "QMS-7.1.5.2-01"),
        ("tidewater", TIDEWATER_SCAN, None),
    ],
)
def test_scanned_pdf_is_read_by_ocr_and_used(
    name: str, path: str, rid: str | None, request: pytest.FixtureRequest
) -> None:
    result: AuditResult = request.getfixturevalue(name)
    scan = document(result, path)
    assert any("OCR" in w for w in scan.warnings), scan.warnings
    if rid is None:
        # Evidence of nothing the packs ask for, but read: its title comes from the OCRed text.
        assert scan.title == "FOUNDING CHARTER"
        return
    assert scan.kinds
    r = requirement(result, rid)
    assert r.outcome is Outcome.MET, r.message
    assert any(place.startswith("page ") for place in locators(r, path)), r.evidence


# --------------------------------------------------------------------------- regeneration


def _essentials(document: Document) -> tuple[object, ...]:
    """What a library upgrade must not change: the text, the control fields, the tables."""
    return (
        document.text,
        document.metadata,
        document.template.is_template,
        tuple((t.name, t.header, t.rows) for t in document.tables),
    )


def test_script_writes_what_is_committed(tmp_path: Path, cache_dir: Path) -> None:
    out = tmp_path / "samples"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_samples.py"), str(out)],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    committed = sorted(p.relative_to(SAMPLES).as_posix() for p in SAMPLES.rglob("*") if p.is_file())
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == committed
    for relative in committed:
        if relative.endswith((".md", ".csv", ".yaml")):
            assert (out / relative).read_bytes() == (SAMPLES / relative).read_bytes(), relative
    options = ScanOptions(jobs=1, use_cache=True, cache_dir=cache_dir)
    ours = {d.path: d for d in scan_folder(SAMPLES, options).documents}
    theirs = {d.path: d for d in scan_folder(out, options).documents}
    assert sorted(ours) == sorted(theirs)
    for path, document in ours.items():
        assert _essentials(theirs[path]) == _essentials(document), path
