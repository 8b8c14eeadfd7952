"""oscal-assessment-results.json: loaded by compliance-trestle's OSCAL models (trestle 3.x
models OSCAL 1.1.x), deterministic v5 UUIDs that resolve, findings, observations and risks
that match the audit."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from trestle.oscal import OSCAL_VERSION_REGEX
from trestle.oscal.assessment_results import AssessmentResults

from imsaudit.core.types import Finding
from imsaudit.findings.model import AuditResult
from imsaudit.render import RENDERERS, RenderOptions
from imsaudit.render.oscal import OSCAL_VERSION, OscalRenderer, assessment_results, control_id
from tests.e2e.test_gapcorp import audit
from tests.render.scenarios import HOSTILE_NAME, hostile_folder, waived_result
from tests.render.test_markdown import to_html


@pytest.fixture(scope="module")
def result() -> AuditResult:
    return audit()


def load(result: AuditResult) -> tuple[dict[str, Any], AssessmentResults]:
    data = OscalRenderer().render(result, RenderOptions())
    document: dict[str, Any] = json.loads(data)
    assert list(document) == ["assessment-results"]
    model = AssessmentResults.parse_obj(document["assessment-results"])
    return document["assessment-results"], model


def uuids(node: Any, key: str = "") -> list[str]:
    found = []
    if isinstance(node, dict):
        for k, v in node.items():
            found += uuids(v, k)
    elif isinstance(node, list):
        for v in node:
            found += uuids(v, key)
    elif key == "uuid":
        found.append(node)
    return found


MARKUP = {"title", "description", "statement", "remarks"}
"""OSCAL markup-line / markup-multiline fields: Markdown in JSON."""


def strings(node: Any, key: str = "") -> list[tuple[str, str]]:
    found = []
    if isinstance(node, dict):
        for k, v in node.items():
            found += strings(v, k)
    elif isinstance(node, list):
        for v in node:
            found += strings(v, key)
    elif isinstance(node, str):
        found.append((key, node))
    return found


def test_trestle_loads_it(result: AuditResult) -> None:
    data, model = load(result)
    assert re.match(OSCAL_VERSION_REGEX, OSCAL_VERSION)
    assert model.metadata.oscal_version.__root__ == "1.1.2"
    assert data["metadata"]["last-modified"] == "2026-11-01T00:00:00Z"
    assert model.import_ap.href.startswith("#")
    resources = {r.uuid: r for r in model.back_matter.resources}
    assert model.import_ap.href[1:] in resources  # the required import-ap resolves
    [res] = model.results
    assert res.start.isoformat() == "2026-11-01T00:00:00+00:00"
    assert OscalRenderer().render(audit(), RenderOptions()) == OscalRenderer().render(result, RenderOptions())


def test_uuids_are_v5_unique_and_references_resolve(result: AuditResult) -> None:
    data, _ = load(result)
    all_ids = uuids(data)
    assert len(all_ids) == len(set(all_ids))
    assert all(uuid.UUID(u).version == 5 for u in all_ids)
    res = data["results"][0]
    observations = {o["uuid"] for o in res["observations"]}
    risks = {r["uuid"] for r in res["risks"]}
    resources = {r["uuid"] for r in data["back-matter"]["resources"]}
    for f in res["findings"]:
        assert {o["observation-uuid"] for o in f.get("related-observations", [])} <= observations
        assert {r["risk-uuid"] for r in f.get("related-risks", [])} <= risks
    for o in res["observations"]:
        assert {link["href"][1:] for link in o["links"]} <= resources


def test_findings_per_clause(result: AuditResult) -> None:
    data, _ = load(result)
    res = data["results"][0]
    own = {(r.pack, r.clause) for r in result.requirements}
    judged = {
        control_id(c.pack, c.clause): c
        for c in result.clauses
        if (c.pack, c.clause) in own
        and c.finding in (Finding.CONFORMITY, Finding.OFI, Finding.MINOR_NC, Finding.MAJOR_NC)
    }
    targets = {f["target"]["target-id"]: f["target"] for f in res["findings"]}
    assert targets.keys() == judged.keys()
    for target_id, target in targets.items():
        assert target["type"] == "objective-id"
        nonconform = judged[target_id].finding in (Finding.MINOR_NC, Finding.MAJOR_NC)
        assert target["status"]["state"] == ("not-satisfied" if nonconform else "satisfied")
    selection = res["reviewed-controls"]["control-selections"][0]
    excluded = {x["control-id"] for x in selection["exclude-controls"]}
    assert excluded == {
        control_id(c.pack, c.clause)
        for c in result.clauses
        if (c.pack, c.clause) in own and c.finding is Finding.NOT_APPLICABLE
    }
    assert control_id("iso9001-2015", "9.2.2") in {x["control-id"] for x in selection["include-controls"]}


def test_observations_cite_documents_with_hashes(result: AuditResult) -> None:
    data, _ = load(result)
    observations = data["results"][0]["observations"]
    cited = sorted({e.path for r in result.requirements for e in r.evidence})
    hashes = {d.path: d.sha256 for d in result.documents}
    assert [unquote(o["relevant-evidence"][0]["href"]) for o in observations] == cited
    for o in observations:
        assert o["methods"] == ["EXAMINE"] and o["collected"] == "2026-11-01T00:00:00Z"
        path = unquote(o["relevant-evidence"][0]["href"])
        for evidence in o["relevant-evidence"]:
            props = {p["name"]: p["value"] for p in evidence["props"]}
            assert props["sha256"] == hashes[path]
    rlinks = [rl for r in data["back-matter"]["resources"] for rl in r.get("rlinks", [])]
    assert {(unquote(rl["href"]), rl["hashes"][0]["value"]) for rl in rlinks} == {
        (p, hashes[p]) for p in cited
    }
    assert all(rl["hashes"][0]["algorithm"] == "SHA-256" for rl in rlinks)


def test_risks_for_gaps(tmp_path: Path, result: AuditResult) -> None:
    data, _ = load(result)
    gaps = [r.id for r in result.requirements if r.outcome.value in ("not_met", "partly_met")]
    risks = data["results"][0]["risks"]
    assert [next(p["value"] for p in r["props"] if p["name"] == "requirement") for r in risks] == gaps
    assert {r["status"] for r in risks} == {"open"}
    assert all(r["remediations"][0]["lifecycle"] == "recommendation" for r in risks)
    waived, _ = load(waived_result(tmp_path))
    status = {
        next(p["value"] for p in r["props"] if p["name"] == "requirement"): r["status"]
        for r in waived["results"][0]["risks"]
    }
    assert status["QMS-10.2.1-02"] == "deviation-approved" and status["QMS-10.2.1-04"] == "open"
    accepted = next(r for r in waived["results"][0]["risks"] if r["status"] == "deviation-approved")
    assert accepted["deadline"] == "2026-12-31T00:00:00Z"
    assert accepted["risk-log"]["entries"][0]["status-change"] == "deviation-approved"


def test_uuids_follow_the_subject_not_the_run(tmp_path: Path, result: AuditResult) -> None:
    ours, _ = load(result)
    theirs, _ = load(waived_result(tmp_path))
    assert ours["uuid"] != theirs["uuid"]  # the document changed
    finding_ids = {f["target"]["target-id"]: f["uuid"] for f in ours["results"][0]["findings"]}
    other_ids = {f["target"]["target-id"]: f["uuid"] for f in theirs["results"][0]["findings"]}
    assert finding_ids == other_ids


def test_untrusted_text_in_markup_is_escaped(tmp_path: Path) -> None:
    data, model = load(audit(hostile_folder(tmp_path)))
    assert model.metadata.title == (
        "Assessment results: Gapcorp &lt;script&gt;alert(1)&lt;/script&gt; \\[x\\](http\\://evil) `@acme`"
    )
    hrefs = [e["href"] for o in data["results"][0]["observations"] for e in o["relevant-evidence"]]
    assert HOSTILE_NAME in [unquote(h) for h in hrefs]
    assert all(" " not in h and "<" not in h for h in hrefs)
    markup = [text for key, text in strings(data) if key in MARKUP]
    rendered = [to_html(t) for t in markup]  # as an OSCAL viewer renders markup
    assert rendered and not [h for h in rendered if re.search(r"<(a|img|script)\b", h)]
    assert data["metadata"]["parties"][0]["name"].startswith("Gapcorp <script>")  # plain string, not markup


def test_assessment_results_is_a_plain_dict(result: AuditResult) -> None:
    assert json.loads(json.dumps(assessment_results(result))) == assessment_results(result)


def test_registered() -> None:
    assert RENDERERS.get("oscal") is OscalRenderer
    assert OscalRenderer.filename == "oscal-assessment-results.json"
