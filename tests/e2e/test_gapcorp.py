"""End to end on an evidence folder with known gaps: each gap is the finding an auditor would write.

tests/e2e/gapcorp/ is a manufacturer with a stale quality policy, a management review
template but no record, an audit programme covering clauses 4-7 only, placeholders and
a 'TBD' approver in a procedure, a corrective-action row without root cause, an NC
referring to an audit that is not in the programme, and an exclusion of design (8.3).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from imsaudit.core.types import Finding, Outcome
from imsaudit.evidence.scan import ScanOptions
from imsaudit.findings.model import AuditResult
from imsaudit.pipeline import AuditSettings, read_organization, run_audit
from imsaudit.render.json import audit_json, audit_schema
from tests.conftest import OUTPUT_FILES, run_cli

GAPCORP = Path(__file__).parent / "gapcorp"
AS_OF = dt.date(2026, 11, 1)


def audit_args(folder: Path | str, out: Path | str, formats: str = "json") -> list[str]:
    """``imsaudit audit`` arguments for the 9001 pack as of 2026-11-01, as the CLI tests use them."""
    return [
        "audit",
        str(folder),
        "--pack",
        "iso9001-2015",
        "--as-of",
        "2026-11-01",
        "--format",
        formats,
        "--out",
        str(out),
    ]


def audit(folder: Path = GAPCORP, **changes: object) -> AuditResult:
    organization, org_file = read_organization(folder)
    settings = AuditSettings(
        evidence_dir=folder,
        as_of=AS_OF,
        pack_ids=("iso9001-2015",),
        organization=organization,
        organization_file=org_file,
        scan=ScanOptions(jobs=1, use_cache=False),
    )
    for key, value in changes.items():
        object.__setattr__(settings, key, value)
    return run_audit(settings)


@pytest.fixture(scope="module")
def result() -> AuditResult:
    return audit()


def requirement(result: AuditResult, rid: str):  # type: ignore[no-untyped-def]
    return next(r for r in result.requirements if r.id == rid)


def clause(result: AuditResult, number: str):  # type: ignore[no-untyped-def]
    return next(c for c in result.clauses if c.clause == number)


def test_stale_policy(result: AuditResult) -> None:
    r = requirement(result, "QMS-5.2.1-01")
    assert r.outcome is Outcome.PARTLY_MET
    assert "2022-03-01" in r.message and "months before 2026-11-01" in r.message
    assert any(e.path == "quality-policy.md" and e.sha256 and e.locator for e in r.evidence)


def test_management_review_template_is_not_a_record(result: AuditResult) -> None:
    for rid in ("QMS-9.3.1-01", "QMS-9.3.3-01"):
        r = requirement(result, rid)
        assert r.outcome is Outcome.NOT_MET
        assert "only a template (management-review-minutes-template.md)" in r.message
    assert clause(result, "9.3.3").finding is Finding.MAJOR_NC


def test_audit_programme_covers_only_part_of_4_to_10(result: AuditResult) -> None:
    r = requirement(result, "QMS-9.2.2-01")
    assert r.outcome is Outcome.PARTLY_MET
    assert "4, 5, 6 and 7" in r.message and "8, 9 and 10 are missing" in r.message
    assert all(e.path == "internal-audit-programme-2026.csv" for e in r.evidence)


def test_row_without_root_cause(result: AuditResult) -> None:
    r = requirement(result, "QMS-10.2.1-02")
    assert r.outcome is Outcome.PARTLY_MET
    assert "row 4 (NC-03) has no root cause" in r.message
    assert [e.locator for e in r.evidence] == ["row 4"]
    assert r.evidence[0].excerpt.startswith("NC-03")


def test_reference_to_an_audit_that_does_not_exist(result: AuditResult) -> None:
    r = requirement(result, "QMS-9.2.2-06")
    assert "'IA-2026-07', which is not in the internal audit programme" in r.message


def test_procedure_with_placeholders_and_tbd_approver(result: AuditResult) -> None:
    texts = " ".join(r.message for r in result.requirements if r.clause.startswith("7.5"))
    assert "<Company Name>" in texts or "TBD" in texts


def test_exclusion_is_not_applicable_with_justification(result: AuditResult) -> None:
    c = clause(result, "8.3.2")
    assert c.finding is Finding.NOT_APPLICABLE
    assert c.justification and "no design" in c.justification
    assert all(r.outcome is Outcome.NOT_APPLICABLE for r in result.requirements if r.clause.startswith("8.3"))


def test_no_evidence_is_never_met(result: AuditResult) -> None:
    for r in result.requirements:
        if r.outcome is Outcome.MET and r.manual is None:
            assert r.evidence, r.id


def test_major_gaps_propagate_and_root_gaps_are_ranked(result: AuditResult) -> None:
    assert result.root_gaps
    counts = [g.downstream for g in result.root_gaps]
    assert counts == sorted(counts, reverse=True)
    at_risk = [c for c in result.clauses if c.at_risk]
    assert at_risk and all(c.root_causes for c in at_risk)
    assert result.roadmap and result.roadmap[0].phase == 1


def test_audit_json_matches_the_published_schema(result: AuditResult) -> None:
    schema_file = Path(__file__).resolve().parents[2] / "docs" / "audit.schema.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    assert schema == json.loads(json.dumps(audit_schema())), "run python scripts/gen_docs.py"
    data = json.loads(audit_json(result))
    jsonschema.Draft202012Validator(schema).validate(data)
    for key in (
        "schema_version",
        "tool",
        "as_of",
        "organization",
        "packs",
        "documents",
        "requirements",
        "clauses",
        "summary",
        "roadmap",
        "errors",
    ):
        assert key in data
    assert set(data["requirements"][0]) >= {
        "id",
        "pack",
        "clause",
        "outcome",
        "severity",
        "evidence",
        "message",
    }
    assert set(data["clauses"][0]) >= {
        "pack",
        "clause",
        "title",
        "finding",
        "score",
        "at_risk",
        "root_causes",
    }


def test_same_inputs_same_bytes_from_another_process_and_folder(tmp_path: Path, result: AuditResult) -> None:
    copy = tmp_path / "gapcorp"
    shutil.copytree(GAPCORP, copy)
    code = (
        "import datetime as dt, sys; from pathlib import Path;"
        "from tests.e2e.test_gapcorp import audit; from imsaudit.render.json import audit_json;"
        "sys.stdout.write(audit_json(audit(Path(sys.argv[1]))))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    root = Path(__file__).resolve().parents[2]
    other = subprocess.run(
        [sys.executable, "-c", code, str(copy)], capture_output=True, text=True, check=True, env=env, cwd=root
    )
    ours = json.loads(audit_json(result))
    theirs = json.loads(other.stdout)
    ours["organization"]["name"] = theirs["organization"]["name"]  # same org.yaml name anyway
    assert ours == theirs
    assert audit_json(result) == audit_json(audit())


def test_cli_audit_explain_diff_and_baseline(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_cli(
        [
            *audit_args(str(GAPCORP), str(out), "json"),
            "--no-cache",
            "--fail-on",
            "major",
        ],
        exit_code=1,
    )
    run_cli(
        [
            *audit_args(str(GAPCORP), str(out), "json"),
            "--fail-on",
            "none",
        ],
        exit_code=0,
    )
    audit_file = out / "audit.json"
    explained = run_cli(["explain", str(audit_file), "QMS-10.2.1-02"]).stdout
    assert "row 4 (NC-03) has no root cause" in explained
    assert "nonconformity-log.csv (row 4, sha256" in explained
    run_cli(["explain", str(audit_file), "QMS-10.2.1-99"], exit_code=2)
    # A later audit where NC-03 got its root cause: newly met, nothing regressed.
    later = tmp_path / "later"
    shutil.copytree(GAPCORP, later)
    log = later / "nonconformity-log.csv"
    log.write_text(
        log.read_text(encoding="utf-8").replace("Records completed,,", "Records completed,No check,"),
        encoding="utf-8",
    )
    out2 = tmp_path / "out2"
    run_cli(
        [
            *audit_args(str(later), str(out2), "json"),
            "--baseline",
            str(audit_file),
        ]
    )
    new = AuditResult.model_validate_json((out2 / "audit.json").read_bytes())
    assert new.progress is not None
    assert "QMS-10.2.1-02" in [c.requirement for c in new.progress.newly_met]
    text = run_cli(["diff", str(audit_file), str(out2 / "audit.json"), "--fail-on-regression"]).stdout
    assert "QMS-10.2.1-02: partly_met -> met" in text
    run_cli(["diff", str(out2 / "audit.json"), str(audit_file), "--fail-on-regression"], exit_code=1)


def test_out_inside_the_evidence_folder_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "gapcorp"
    shutil.copytree(GAPCORP, copy)
    result = run_cli(
        ["audit", str(copy), "--as-of", "2026-11-01", "--format", "json", "--out", str(copy / "r")],
        exit_code=2,
    )
    assert "inside the evidence folder" in result.stderr
    assert not (copy / "r").exists()


def test_unknown_format_is_a_usage_error() -> None:
    result = run_cli(["audit", str(GAPCORP), "--format", "jsn"], exit_code=2)
    assert "unknown output format 'jsn' (did you mean 'json'?)" in result.stderr


def test_waiver_keeps_the_gap_visible_but_out_of_the_finding(tmp_path: Path) -> None:
    from tests.render.scenarios import waived_result

    result = waived_result(tmp_path)
    waived = requirement(result, "QMS-10.2.1-02")
    assert waived.outcome is Outcome.PARTLY_MET and waived.waiver and waived.waiver.active
    assert waived.message.startswith("Waived until 2026-12-31, approved by J. Smith:")
    expired = requirement(result, "QMS-10.2.1-04")
    assert expired.waiver and not expired.waiver.active
    assert expired.message.startswith("The waiver expired on 2026-06-30")
    assert any(i.requirement == "QMS-10.2.1-02" for p in result.roadmap for i in p.items)


def test_waiver_of_an_unknown_requirement_stops_the_run(tmp_path: Path) -> None:
    folder = tmp_path / "gapcorp"
    shutil.copytree(GAPCORP, folder)
    with (folder / "organization.yaml").open("a", encoding="utf-8") as handle:
        handle.write(
            "waivers:\n  - requirement: QMS-10.2.1-09\n    reason: A typo in the id here.\n"
            "    expires: 2026-12-31\n"
        )
    result = run_cli(["audit", str(folder), "--format", "json", "--out", str(tmp_path / "o")], exit_code=2)
    assert "waiver for unknown requirement 'QMS-10.2.1-09'" in result.stderr


def test_organization_yaml_names_the_packs_and_pack_overrides_it(tmp_path: Path) -> None:
    folder = tmp_path / "gapcorp"
    shutil.copytree(GAPCORP, folder)
    with (folder / "organization.yaml").open("a", encoding="utf-8") as handle:
        handle.write("packs: [iso9001-2015, std-integration]\n")
    run_cli(["audit", str(folder), "--format", "json", "--out", str(tmp_path / "a")])
    chosen = json.loads((tmp_path / "a" / "audit.json").read_text(encoding="utf-8"))
    assert [p["id"] for p in chosen["packs"]] == ["iso9001-2015", "std-integration"]
    run_cli(audit_args(folder, tmp_path / "b"))
    forced = json.loads((tmp_path / "b" / "audit.json").read_text(encoding="utf-8"))
    assert [p["id"] for p in forced["packs"]] == ["iso9001-2015"]


def test_unknown_pack_in_organization_yaml_stops_the_run(tmp_path: Path) -> None:
    folder = tmp_path / "gapcorp"
    shutil.copytree(GAPCORP, folder)
    with (folder / "organization.yaml").open("a", encoding="utf-8") as handle:
        handle.write("packs: [iso9001-2051]\n")
    result = run_cli(["audit", str(folder), "--format", "json", "--out", str(tmp_path / "o")], exit_code=2)
    assert "packs: unknown pack 'iso9001-2051' (did you mean 'iso9001-2015'?)" in result.stderr
    assert not (tmp_path / "o").exists()


def test_fail_on_regression(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_cli(
        [
            *audit_args(str(GAPCORP), str(out), "json"),
        ]
    )
    worse = tmp_path / "worse"
    shutil.copytree(GAPCORP, worse)
    log = worse / "nonconformity-log.csv"
    # NC-01 loses its owner: "corrective action, owner and due date filled" was met, now it is not.
    text = log.read_text(encoding="utf-8")
    assert "Added context review to the MR agenda,Quality Manager," in text
    log.write_text(
        text.replace(
            "Added context review to the MR agenda,Quality Manager,",
            "Added context review to the MR agenda,,",
        ),
        encoding="utf-8",
    )
    args = [
        *audit_args(str(worse), str(tmp_path / "o2"), "json"),
        "--baseline",
        str(out / "audit.json"),
    ]
    run_cli(args)
    run_cli([*args, "--fail-on-regression"], exit_code=1)
    run_cli(
        ["audit", str(GAPCORP), "--fail-on-regression", "--format", "json", "--out", str(tmp_path / "o3")],
        exit_code=2,
    )


def test_one_audit_writes_all_nine_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    formats = "pdf,html,json,md,csv,xlsx,sarif,junit,oscal"
    run_cli(audit_args(GAPCORP, out, formats))
    assert {p.name for p in out.iterdir()} == OUTPUT_FILES
    assert (out / "report.pdf").read_bytes().startswith(b"%PDF-")


def test_a_renderer_failing_midway_leaves_no_half_written_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from imsaudit.render.markdown import MarkdownRenderer

    def explode(self: object, result: object, options: object) -> bytes:
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(MarkdownRenderer, "render", explode)
    out = tmp_path / "out"
    run_cli(audit_args(GAPCORP, out, "json,md,csv"), exit_code=2)
    assert sorted(p.name for p in out.iterdir()) == ["audit.json"]
