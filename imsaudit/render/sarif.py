"""``results.sarif``: the audit as SARIF 2.1.0, for code-scanning dashboards and CI.

The mapping:

- ``tool.driver`` is imsaudit (no ``informationUri``: the tool points nowhere); its
  ``rules`` are the requirements (text, guidance as help, severity as default level,
  pack and clause as properties), each related (``superset``) to its clause;
- ``run.taxonomies``: one per pack, its ``taxa`` the pack's clauses (title, HS clause,
  finding, score);
- ``run.artifacts``: every document read, with ``sha-256`` hash and length, under the
  ``EVIDENCE`` base id (the evidence folder; its absolute path is left out on purpose);
- one result per requirement, **met ones included**: ``kind`` from the outcome (``fail``
  for not met and partly met, ``review`` for needs review, ``pass`` for met,
  ``notApplicable`` for excluded), ``level`` ``error`` for a major gap, ``warning`` for a minor
  one, ``none`` otherwise. Pass results let dashboards show coverage, not just gaps;
  filter on ``kind == "fail"`` for the gaps alone;
- locations: the first cited evidence is the location, the others related locations. A
  ``line N`` locator (``front matter line N`` too) and a CSV ``row N`` (the file line of
  that record) become a region with the excerpt as snippet; other locators (``page 3``,
  ``sheet X row 4``, ``section "Scope"``) go in the location's message. A requirement
  with no evidence has a logical location ``pack/clause/requirement``;
- ``partialFingerprints["imsaudit/requirement/v1"]``: sha-256 of the requirement id (ids
  are unique across packs), so a result keeps its identity across audits whatever the
  evidence says;
- an active waiver is an ``external`` suppression with status ``accepted``;
- with ``--baseline``, ``baselineState``: ``new`` for requirements added since the
  baseline, ``updated`` for those newly met or regressed, ``unchanged`` for the rest, and
  one ``absent`` result (kind ``informational``) per requirement the baseline had and this
  audit has not. (``unchanged`` means no change that the progress records: a move within
  the open outcomes or to or from needs review is not one.)
- run-level problems (unreadable documents, skipped folder entries) are tool execution
  notifications of the one invocation.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Any
from urllib.parse import quote

from imsaudit.core.jsontext import pretty
from imsaudit.core.results import EvidenceRef
from imsaudit.core.types import Outcome, Severity
from imsaudit.findings.model import AuditResult, DocumentEntry, RequirementResult
from imsaudit.render.base import Renderer, RenderOptions, register

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
BASE_ID = "EVIDENCE"
FINGERPRINT = "imsaudit/requirement/v1"

KINDS = {
    Outcome.NOT_MET: "fail",
    Outcome.PARTLY_MET: "fail",
    Outcome.NEEDS_REVIEW: "review",
    Outcome.MET: "pass",
    Outcome.NOT_APPLICABLE: "notApplicable",
}
LEVELS = {Severity.MAJOR: "error", Severity.MINOR: "warning"}
MIME_TYPES = {
    "markdown": "text/markdown",
    "text": "text/plain",
    "csv": "text/csv",
    "yaml": "application/yaml",
    "json": "application/json",
    "html": "text/html",
    "pdf": "application/pdf",
}
_LINE = re.compile(r"^(?:front matter )?line (\d+)$|^row (\d+)$")
_SEMVER = re.compile(r"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$")

Json = dict[str, Any]


def fingerprint(requirement_id: str) -> str:
    """The stable identity of a requirement's result across audits."""
    return hashlib.sha256(f"imsaudit/requirement/{requirement_id}".encode()).hexdigest()


def evidence_uri(path: str) -> str:
    """A relative POSIX path as a URI reference (``%``-encoded; ``/`` kept)."""
    return quote(path, safe="/")


def start_line(locator: str) -> int | None:
    """The file line a locator names (``line 12``, ``front matter line 3``, CSV ``row 4``), or None."""
    match = _LINE.match(locator)
    if match is None:
        return None
    line = int(match.group(1) or match.group(2))
    return line if line >= 1 else None


class _Run:
    """Indexes of artifacts, rules and taxa, built once per run."""

    def __init__(self, result: AuditResult) -> None:
        self.result = result
        self.artifacts = {d.path: i for i, d in enumerate(result.documents)}
        self.rules = {r.id: i for i, r in enumerate(result.requirements)}
        self.taxonomies = {p.id: i for i, p in enumerate(result.packs)}
        self.taxa: dict[tuple[str, str], int] = {}
        counts: dict[str, int] = {}
        for c in result.clauses:
            self.taxa[(c.pack, c.clause)] = counts.get(c.pack, 0)
            counts[c.pack] = counts.get(c.pack, 0) + 1

    def artifact_location(self, path: str) -> Json:
        location: Json = {"uri": evidence_uri(path), "uriBaseId": BASE_ID}
        if path in self.artifacts:
            location["index"] = self.artifacts[path]
        return location

    def taxon_reference(self, pack: str, clause: str) -> Json | None:
        if (pack, clause) not in self.taxa or pack not in self.taxonomies:
            return None
        return {
            "id": clause,
            "index": self.taxa[(pack, clause)],
            "toolComponent": {"name": pack, "index": self.taxonomies[pack]},
        }


def _location(run: _Run, ref: EvidenceRef) -> Json:
    physical: Json = {"artifactLocation": run.artifact_location(ref.path)}
    location: Json = {"physicalLocation": physical}
    line = start_line(ref.locator)
    if line is not None:
        region: Json = {"startLine": line}
        if ref.excerpt:
            region["snippet"] = {"text": ref.excerpt}
        physical["region"] = region
    elif ref.locator != "document" or ref.excerpt:
        text = ref.locator if ref.locator != "document" else "the whole document"
        location["message"] = {"text": f"{text}: {ref.excerpt}" if ref.excerpt else text}
    return location


def _rule(run: _Run, r: RequirementResult) -> Json:
    rule: Json = {
        "id": r.id,
        "shortDescription": {"text": r.text},
        "help": {"text": f"Look for: {r.guidance.look_for}\nTo close the gap: {r.guidance.close_gap}"},
        "defaultConfiguration": {"level": LEVELS[r.severity]},
    }
    taxon = run.taxon_reference(r.pack, r.clause)
    if taxon is not None:
        rule["relationships"] = [{"target": taxon, "kinds": ["superset"]}]
    rule["properties"] = {
        "severity": r.severity.value,
        "pack": r.pack,
        "clause": r.clause,
        "documented_information": r.documented_information.value,
        "tags": [r.pack, r.severity.value],
    }
    return rule


def _baseline_state(result: AuditResult, requirement_id: str) -> str | None:
    p = result.progress
    if p is None:
        return None
    if requirement_id in p.added:
        return "new"
    if any(c.requirement == requirement_id for c in (*p.newly_met, *p.regressed)):
        return "updated"
    return "unchanged"


def _result(run: _Run, r: RequirementResult) -> Json:
    kind = KINDS[r.outcome]
    out: Json = {
        "ruleId": r.id,
        "ruleIndex": run.rules[r.id],
        "kind": kind,
        "level": LEVELS[r.severity] if kind == "fail" else "none",
        "message": {"text": r.message},
    }
    cited = list(dict.fromkeys(r.evidence))
    if cited:
        out["locations"] = [_location(run, cited[0])]
        if len(cited) > 1:
            out["relatedLocations"] = [
                {"id": n, **_location(run, ref)} for n, ref in enumerate(cited[1:], start=1)
            ]
    else:
        out["locations"] = [
            {"logicalLocations": [{"name": r.id, "fullyQualifiedName": f"{r.pack}/{r.clause}/{r.id}"}]}
        ]
    out["partialFingerprints"] = {FINGERPRINT: fingerprint(r.id)}
    state = _baseline_state(run.result, r.id)
    if state is not None:
        out["baselineState"] = state
    taxon = run.taxon_reference(r.pack, r.clause)
    if taxon is not None:
        out["taxa"] = [taxon]
    if r.waiver is not None and r.waiver.active:
        by = f", approved by {r.waiver.approved_by}" if r.waiver.approved_by else ""
        out["suppressions"] = [
            {
                "kind": "external",
                "status": "accepted",
                "justification": f"Waived until {r.waiver.expires.isoformat()}{by}: {r.waiver.reason}",
            }
        ]
    properties: Json = {"outcome": r.outcome.value, "severity": r.severity.value}
    if r.manual is not None:
        properties["machine_outcome"] = r.machine_outcome.value
        properties["manual_verdict"] = r.manual.model_dump(mode="json", exclude_none=True)
    if r.excluded:
        properties["excluded"] = r.excluded
    out["properties"] = properties
    return out


def _absent(requirement_id: str, baseline_as_of: dt.date) -> Json:
    return {
        "ruleId": requirement_id,
        "kind": "informational",
        "level": "none",
        "message": {
            "text": f"{requirement_id} was audited in the baseline of "
            f"{baseline_as_of.isoformat()} and is not part of this audit."
        },
        "partialFingerprints": {FINGERPRINT: fingerprint(requirement_id)},
        "baselineState": "absent",
    }


def _taxonomy(result: AuditResult, pack_index: int) -> Json:
    pack = result.packs[pack_index]
    taxa = []
    for c in result.clauses:
        if c.pack != pack.id:
            continue
        taxa.append(
            {
                "id": c.clause,
                "shortDescription": {"text": c.title},
                "properties": {
                    "hs": c.hs,
                    "finding": c.finding.value,
                    "score": c.score,
                    "at_risk": c.at_risk,
                    "root_causes": list(c.root_causes),
                },
            }
        )
    return {
        "name": pack.id,
        "version": pack.version,
        "fullName": f"{pack.standard}: {pack.title}",
        "shortDescription": {"text": pack.title},
        "isComprehensive": True,
        "taxa": taxa,
    }


def _artifact(d: DocumentEntry) -> Json:
    artifact: Json = {
        "location": {"uri": evidence_uri(d.path), "uriBaseId": BASE_ID},
        "length": d.size,
        "roles": ["analysisTarget"],
    }
    if d.format in MIME_TYPES:
        artifact["mimeType"] = MIME_TYPES[d.format]
    artifact["hashes"] = {"sha-256": d.sha256}
    properties: Json = {"format": d.format, "kinds": [k.kind for k in d.kinds]}
    if d.error:
        properties["error"] = d.error
    if d.template:
        properties["template"] = True
    artifact["properties"] = properties
    return artifact


def _notifications(run: _Run) -> list[Json]:
    notes = []
    for entries, level in ((run.result.errors, "error"), (run.result.skipped, "note")):
        for e in entries:
            physical: Json = {"artifactLocation": run.artifact_location(e.path)}
            if e.line >= 1:
                physical["region"] = {"startLine": e.line}
            notes.append(
                {
                    "level": level,
                    "message": {"text": e.message},
                    "locations": [{"physicalLocation": physical}],
                }
            )
    return notes


def sarif_log(result: AuditResult) -> Json:
    """The SARIF log as a JSON-ready dict."""
    run = _Run(result)
    driver: Json = {"name": result.tool.name, "version": result.tool.version}
    if _SEMVER.match(result.tool.version):
        driver["semanticVersion"] = result.tool.version
    driver["rules"] = [_rule(run, r) for r in result.requirements]
    driver["supportedTaxonomies"] = [{"name": p.id, "index": i} for i, p in enumerate(result.packs)]
    invocation: Json = {"executionSuccessful": True}
    notes = _notifications(run)
    if notes:
        invocation["toolExecutionNotifications"] = notes
    results = [_result(run, r) for r in result.requirements]
    if result.progress is not None:
        results += [_absent(rid, result.progress.baseline_as_of) for rid in result.progress.removed]
    sarif_run: Json = {
        "tool": {"driver": driver},
        "invocations": [invocation],
        "originalUriBaseIds": {BASE_ID: {"description": {"text": "The audited evidence folder."}}},
        "artifacts": [_artifact(d) for d in result.documents],
        "results": results,
        "taxonomies": [_taxonomy(result, i) for i in range(len(result.packs))],
        "properties": {
            "as_of": result.as_of.isoformat(),
            "organization": result.organization.name,
            "overall_score": result.summary.overall_score,
            "maturity": result.summary.maturity,
        },
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [sarif_run]}


@register
class SarifRenderer(Renderer):
    """results.sarif: one SARIF 2.1.0 run; rules are requirements, taxa are clauses."""

    name = "sarif"
    filename = "results.sarif"

    def render(self, result: AuditResult, options: RenderOptions) -> bytes:
        text = pretty(sarif_log(result))
        return (text + "\n").encode("utf-8")
