"""results.sarif: valid against the official SARIF 2.1.0 schema (OASIS, JSON Schema draft-04,
with URI formats checked), rules/taxa/artifacts that resolve, stable fingerprints, baselines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import jsonschema
import pytest
from rfc3986_validator import validate_rfc3986

from imsaudit.findings.model import AuditResult, Progress
from imsaudit.render import RENDERERS, RenderOptions
from imsaudit.render.sarif import FINGERPRINT, SarifRenderer, fingerprint, start_line
from tests.e2e.test_gapcorp import audit
from tests.render.scenarios import HOSTILE_NAME, hostile_folder, progress_result, waived_result

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PLACES = (ROOT / "tests" / "render" / "schemas" / "sarif-schema-2.1.0.json",)
"""The official OASIS SARIF 2.1.0 schema, vendored so the test needs nothing outside the repo."""


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    place = next((p for p in SCHEMA_PLACES if p.exists()), None)
    assert place is not None, f"the SARIF 2.1.0 schema is not at {SCHEMA_PLACES[0]}"
    schema = json.loads(place.read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-04/schema#"
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.fixture(scope="module")
def result() -> AuditResult:
    return audit()


def sarif(result: AuditResult) -> dict[str, Any]:
    data = SarifRenderer().render(result, RenderOptions())
    assert data.endswith(b"\n")
    loaded: dict[str, Any] = json.loads(data)
    return loaded


def assert_valid(validator: jsonschema.Draft4Validator, log: dict[str, Any]) -> None:
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])
    for location in _artifact_locations(log):
        assert validate_rfc3986(location["uri"], rule="URI_reference"), location["uri"]


def _artifact_locations(node: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(node, dict):
        if "uriBaseId" in node:
            found.append(node)
        for value in node.values():
            found += _artifact_locations(value)
    elif isinstance(node, list):
        for value in node:
            found += _artifact_locations(value)
    return found


def test_valid_against_the_official_schema(
    validator: jsonschema.Draft4Validator, result: AuditResult
) -> None:
    log = sarif(result)
    assert_valid(validator, log)
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "imsaudit" and driver["version"] == result.tool.version
    assert "informationUri" not in driver


def test_rules_taxa_and_artifacts_resolve(result: AuditResult) -> None:
    run = sarif(result)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.id for r in result.requirements]
    assert [t["name"] for t in run["taxonomies"]] == [p.id for p in result.packs]
    assert [t["id"] for t in run["taxonomies"][0]["taxa"]] == [c.clause for c in result.clauses]
    for rule, req in zip(rules, result.requirements, strict=True):
        assert rule["shortDescription"]["text"] == req.text
        assert req.guidance.close_gap in rule["help"]["text"]
        assert rule["properties"]["severity"] == req.severity.value
        target = rule["relationships"][0]["target"]
        taxonomy = run["taxonomies"][target["toolComponent"]["index"]]
        assert taxonomy["name"] == req.pack == target["toolComponent"]["name"]
        assert taxonomy["taxa"][target["index"]]["id"] == req.clause == target["id"]
    artifacts = run["artifacts"]
    assert [unquote(a["location"]["uri"]) for a in artifacts] == [d.path for d in result.documents]
    assert [a["hashes"]["sha-256"] for a in artifacts] == [d.sha256 for d in result.documents]
    for location in _artifact_locations(run["results"]):
        assert artifacts[location["index"]]["location"]["uri"] == location["uri"]
        assert location["uriBaseId"] == "EVIDENCE"


def test_kind_and_level_from_the_outcome(result: AuditResult) -> None:
    results = sarif(result)["runs"][0]["results"]
    assert len(results) == len(result.requirements)
    expected = {
        "not_met": "fail",
        "partly_met": "fail",
        "needs_review": "review",
        "met": "pass",
        "not_applicable": "notApplicable",
    }
    for out, req in zip(results, result.requirements, strict=True):
        assert out["ruleId"] == req.id and out["message"]["text"] == req.message
        assert out["kind"] == expected[req.outcome.value]
        level = (
            {"major": "error", "minor": "warning"}[req.severity.value] if out["kind"] == "fail" else "none"
        )
        assert out["level"] == level
        assert "baselineState" not in out
        assert out["locations"], req.id
    assert {r["kind"] for r in results} == set(expected.values())


def test_regions_and_messages_from_locators(result: AuditResult) -> None:
    by_id = {r["ruleId"]: r for r in sarif(result)["runs"][0]["results"]}
    nc = by_id["QMS-10.2.1-02"]["locations"][0]["physicalLocation"]
    assert unquote(nc["artifactLocation"]["uri"]) == "nonconformity-log.csv"
    assert nc["region"]["startLine"] == 4 and nc["region"]["snippet"]["text"].startswith("NC-03")
    policy = by_id["QMS-5.2.1-02"]
    lines = [policy["locations"][0], *policy["relatedLocations"]]
    assert [x["physicalLocation"]["region"]["startLine"] for x in lines] == [18, 19, 20]
    missing = by_id["QMS-4.1-01"]["locations"][0]
    assert missing["logicalLocations"][0]["fullyQualifiedName"] == "iso9001-2015/4.1/QMS-4.1-01"
    assert (start_line("line 12"), start_line("front matter line 3"), start_line("row 4")) == (12, 3, 4)
    assert start_line("sheet Objectives row 4") is None and start_line("page 3") is None


def test_fingerprints_are_stable_and_unique(tmp_path: Path, result: AuditResult) -> None:
    ours = {r["ruleId"]: r["partialFingerprints"][FINGERPRINT] for r in sarif(result)["runs"][0]["results"]}
    assert len(set(ours.values())) == len(ours)
    other = sarif(audit(hostile_folder(tmp_path)))["runs"][0]["results"]
    assert {r["ruleId"]: r["partialFingerprints"][FINGERPRINT] for r in other} == ours
    assert ours["QMS-4.1-01"] == fingerprint("QMS-4.1-01")


def test_baseline_state(validator: jsonschema.Draft4Validator, tmp_path: Path) -> None:
    later = progress_result(tmp_path)
    assert later.progress is not None
    log = sarif(later)
    assert_valid(validator, log)
    states = {r["ruleId"]: r["baselineState"] for r in log["runs"][0]["results"]}
    changed = {c.requirement for c in (*later.progress.newly_met, *later.progress.regressed)}
    assert changed and {k for k, v in states.items() if v == "updated"} == changed
    assert set(states.values()) == {"updated", "unchanged"}
    # A requirement added since the baseline is new; one the baseline had and this audit has not is absent.
    progress = Progress(
        baseline_as_of=later.progress.baseline_as_of, added=("QMS-4.1-01",), removed=("QMS-99.1-01",)
    )
    log = sarif(later.model_copy(update={"progress": progress}))
    assert_valid(validator, log)
    results = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    assert results["QMS-4.1-01"]["baselineState"] == "new"
    absent = results["QMS-99.1-01"]
    assert (absent["baselineState"], absent["kind"]) == ("absent", "informational")
    assert absent["partialFingerprints"][FINGERPRINT] == fingerprint("QMS-99.1-01")


def test_active_waiver_is_an_accepted_suppression(
    validator: jsonschema.Draft4Validator, tmp_path: Path
) -> None:
    log = sarif(waived_result(tmp_path))
    assert_valid(validator, log)
    results = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    waived = results["QMS-10.2.1-02"]
    assert waived["kind"] == "fail"
    assert waived["suppressions"] == [
        {
            "kind": "external",
            "status": "accepted",
            "justification": "Waived until 2026-12-31, approved by J. Smith: "
            "Root-cause training for supervisors is scheduled for December.",
        }
    ]
    assert "suppressions" not in results["QMS-10.2.1-04"]  # expired
    manual = results["QMS-4.4.1-03"]
    assert manual["kind"] == "pass" and manual["properties"]["machine_outcome"] == "needs_review"
    assert manual["properties"]["manual_verdict"]["auditor"] == "R. Moreau"


def test_hostile_names_are_encoded_and_valid(validator: jsonschema.Draft4Validator, tmp_path: Path) -> None:
    hostile = audit(hostile_folder(tmp_path))
    data = SarifRenderer().render(hostile, RenderOptions())
    log = json.loads(data)
    assert_valid(validator, log)
    uris = [a["location"]["uri"] for a in log["runs"][0]["artifacts"]]
    assert "%3Dquality-policy%20%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.md" in uris
    assert HOSTILE_NAME in [unquote(u) for u in uris]
    nc = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "QMS-10.2.1-02")
    assert (
        "<img src=x onerror=alert(1)>" in nc["locations"][0]["physicalLocation"]["region"]["snippet"]["text"]
    )
    assert b"\\u0007" in data  # a control character stays escaped JSON, never raw


def test_notifications_for_skipped_entries(result: AuditResult) -> None:
    invocation = sarif(result)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is True
    notes = invocation["toolExecutionNotifications"]
    assert [n["message"]["text"] for n in notes] == [e.message for e in (*result.errors, *result.skipped)]


def test_registered() -> None:
    assert RENDERERS.get("sarif") is SarifRenderer and SarifRenderer.filename == "results.sarif"
