"""``oscal-assessment-results.json``: the audit as OSCAL 1.1.2 assessment results (JSON).

For GRC tools that exchange OSCAL. The mapping:

- a clause is a control; its control id is ``<pack>_<clause>`` (``iso9001-2015_9.2.2``)
  because an OSCAL token cannot start with a digit;
- ``metadata``: title, ``last-modified`` = the audit date at 00:00Z (never the clock),
  ``version`` = the audit date, ``oscal-version`` 1.1.2, the organization as a party;
- ``import-ap`` is required by the model, but imsaudit writes no assessment plan: it
  points (``#uuid``) at a back-matter resource that says so;
- one result, ``start`` = ``end`` = the audit date; ``reviewed-controls`` includes the
  clauses that have requirements and excludes those declared not applicable;
- ``observations``: one per cited document (method ``EXAMINE``, ``collected`` = the audit
  date), one ``relevant-evidence`` per cited place with ``href`` = the relative path
  (URI-encoded) and the ``sha256`` and locator as properties; the document is also a
  back-matter resource whose ``rlink`` carries the SHA-256 hash;
- ``findings``: one per clause judged (conformity, OFI, minor or major nonconformity),
  target ``objective-id`` = the control id, state ``satisfied`` (conformity, OFI) or
  ``not-satisfied``, with the related observations and risks;
- ``risks``: one per requirement not met or partly met, status ``open``, or
  ``deviation-approved`` under an active waiver (with the waiver's end as deadline and a
  risk-log entry saying why); its remediation is the pack's guidance.

UUIDs are version 5, from a fixed namespace and stable keys: the organization plus the
subject (document path and hash, clause, requirement), so a finding keeps its UUID from
one audit to the next; the document and result UUIDs also hash the whole audit, so any
change in the result gives new ones. Markup fields (titles, descriptions) are OSCAL
Markdown: untrusted text in them is escaped as in report.md; property values are
plain strings, single-line.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from imsaudit.core.jsontext import pretty
from imsaudit.core.results import EvidenceRef
from imsaudit.core.types import Finding, Outcome
from imsaudit.findings.model import AuditResult, ClauseResult, DocumentEntry, RequirementResult
from imsaudit.render.base import Renderer, RenderOptions, register
from imsaudit.render.markdown import inline

OSCAL_VERSION = "1.1.2"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://imsaudit.invalid/oscal")
PROP_NS = "https://imsaudit.invalid/ns/oscal"
GAPS = (Outcome.NOT_MET, Outcome.PARTLY_MET)
LABELS = {
    Finding.CONFORMITY: "conformity",
    Finding.OFI: "conformity, with an opportunity for improvement",
    Finding.MINOR_NC: "minor nonconformity",
    Finding.MAJOR_NC: "major nonconformity",
}
JUDGED = {
    Finding.CONFORMITY: "satisfied",
    Finding.OFI: "satisfied",
    Finding.MINOR_NC: "not-satisfied",
    Finding.MAJOR_NC: "not-satisfied",
}

Json = dict[str, Any]


def control_id(pack: str, clause: str) -> str:
    """The OSCAL control id of a clause (a token: it must not start with a digit)."""
    return f"{pack}_{clause}"


def _prop(name: str, value: object) -> Json | None:
    text = " ".join(str(value).split())
    return {"name": name, "ns": PROP_NS, "value": text} if text else None


def _props(**values: object) -> list[Json]:
    return [p for name, value in values.items() if (p := _prop(name, value)) is not None]


class _Ids:
    """Deterministic UUIDs: uuid5 of the fixed namespace and a key."""

    def __init__(self, result: AuditResult) -> None:
        self.org = result.organization.name
        self.digest = hashlib.sha256(result.model_dump_json().encode()).hexdigest()

    def __call__(self, *key: str) -> str:
        return str(uuid.uuid5(NAMESPACE, "/".join((self.org, *key))))

    def revision(self, what: str) -> str:
        return self(what, self.digest)


def _moment(result: AuditResult) -> str:
    return f"{result.as_of.isoformat()}T00:00:00Z"


def _cited(result: AuditResult) -> dict[str, list[tuple[EvidenceRef, str]]]:
    """Cited documents by path: each distinct citation and the first requirement citing it."""
    cited: dict[str, dict[tuple[str, str], tuple[EvidenceRef, str]]] = {}
    for r in result.requirements:
        for e in r.evidence:
            cited.setdefault(e.path, {}).setdefault((e.locator, e.excerpt), (e, r.id))
    return {path: list(refs.values()) for path, refs in sorted(cited.items())}


def _observation(
    ids: _Ids,
    result: AuditResult,
    path: str,
    refs: list[tuple[EvidenceRef, str]],
    document: DocumentEntry | None,
    citing: Iterable[str],
) -> Json:
    sha = refs[0][0].sha256
    kinds = ", ".join(k.kind for k in document.kinds) if document else ""
    what = f" ({inline(document.format)}; {inline(kinds or 'not recognized')})" if document else ""
    evidence = []
    for ref, _ in refs:
        where = "the whole document" if ref.locator == "document" else inline(ref.locator)
        quote_ = f": “{inline(ref.excerpt)}”" if ref.excerpt else ""
        evidence.append(
            {
                "href": quote(path, safe="/"),
                "description": f"{where}{quote_}",
                "props": _props(sha256=ref.sha256, locator=ref.locator),
            }
        )
    return {
        "uuid": ids("observation", path, sha),
        "title": f"Examined {inline(path)}",
        "description": f"Document {inline(path)}{what}, cited for " + ", ".join(sorted(citing)) + ".",
        "props": _props(sha256=sha),
        "links": [{"href": "#" + ids("resource", path, sha), "rel": "evidence"}],
        "methods": ["EXAMINE"],
        "relevant-evidence": evidence,
        "collected": _moment(result),
    }


def _risk(
    ids: _Ids, r: RequirementResult, clause: ClauseResult | None, observations: list[str], moment: str
) -> Json:
    title = clause.title if clause else ""
    waived = r.waiver is not None and r.waiver.active
    risk: Json = {
        "uuid": ids("risk", r.id),
        "title": f"{inline(r.id)}: {inline(r.text)}",
        "description": inline(r.message),
        "statement": f"A {r.severity.value} gap against {inline(r.pack)} {inline(r.clause)} {inline(title)}: "
        f"the requirement is {r.outcome.value.replace('_', ' ')}.",
        "props": _props(
            requirement=r.id, pack=r.pack, clause=r.clause, severity=r.severity.value, outcome=r.outcome.value
        ),
        "status": "deviation-approved" if waived else "open",
        "remediations": [
            {
                "uuid": ids("remediation", r.id),
                "lifecycle": "recommendation",
                "title": "Close the gap",
                "description": inline(r.guidance.close_gap),
            }
        ],
    }
    if observations:
        risk["related-observations"] = [{"observation-uuid": o} for o in observations]
    if waived and r.waiver is not None:
        by = f", approved by {r.waiver.approved_by}" if r.waiver.approved_by else ""
        risk["deadline"] = f"{r.waiver.expires.isoformat()}T00:00:00Z"
        risk["risk-log"] = {
            "entries": [
                {
                    "uuid": ids("risk-log", r.id, "waiver"),
                    "title": "Gap accepted (waiver)",
                    "description": inline(
                        f"Waived until {r.waiver.expires.isoformat()}{by}: {r.waiver.reason}"
                    ),
                    "start": moment,
                    "status-change": "deviation-approved",
                }
            ]
        }
    return risk


def _finding(
    ids: _Ids,
    c: ClauseResult,
    requirements: list[RequirementResult],
    observations: list[str],
    risks: list[str],
) -> Json:
    state = JUDGED[c.finding]
    lines = [
        f"- {inline(r.id)}: {r.outcome.value.replace('_', ' ')}. {inline(r.message)}" for r in requirements
    ]
    at_risk = f" At risk from {', '.join(c.root_causes)}." if c.at_risk else ""
    finding: Json = {
        "uuid": ids("finding", c.pack, c.clause),
        "title": f"{inline(c.pack)} {inline(c.clause)} {inline(c.title)}",
        "description": f"Finding: {LABELS[c.finding]}.{at_risk}\n\n" + "\n".join(lines),
        "props": _props(
            finding=c.finding.value,
            score="" if c.score is None else f"{c.score:g}",
            hs=c.hs,
            at_risk="true" if c.at_risk else "false",
        ),
        "target": {
            "type": "objective-id",
            "target-id": control_id(c.pack, c.clause),
            "status": {"state": state, "reason": "pass" if state == "satisfied" else "fail"},
        },
    }
    if observations:
        finding["related-observations"] = [{"observation-uuid": o} for o in observations]
    if risks:
        finding["related-risks"] = [{"risk-uuid": u} for u in risks]
    return finding


def assessment_results(result: AuditResult) -> Json:
    """The OSCAL document as a JSON-ready dict (``{"assessment-results": {...}}``)."""
    ids = _Ids(result)
    org = result.organization.name
    documents = {d.path: d for d in result.documents}
    clauses = {(c.pack, c.clause): c for c in result.clauses}
    by_clause: dict[tuple[str, str], list[RequirementResult]] = {}
    for r in result.requirements:
        by_clause.setdefault((r.pack, r.clause), []).append(r)

    cited = _cited(result)
    citing: dict[str, set[str]] = {}
    for r in result.requirements:
        for e in r.evidence:
            citing.setdefault(e.path, set()).add(r.id)
    observations = [
        _observation(ids, result, path, refs, documents.get(path), citing[path])
        for path, refs in cited.items()
    ]
    observation_of = {path: obs["uuid"] for path, obs in zip(cited, observations, strict=True)}

    def related(requirements: Iterable[RequirementResult]) -> list[str]:
        paths = sorted({e.path for r in requirements for e in r.evidence})
        return [observation_of[p] for p in paths]

    risks = [
        _risk(ids, r, clauses.get((r.pack, r.clause)), related([r]), _moment(result))
        for r in result.requirements
        if r.outcome in GAPS
    ]
    assessed = [c for c in result.clauses if by_clause.get((c.pack, c.clause))]
    findings = [
        _finding(
            ids,
            c,
            by_clause[(c.pack, c.clause)],
            related(by_clause[(c.pack, c.clause)]),
            [ids("risk", r.id) for r in by_clause[(c.pack, c.clause)] if r.outcome in GAPS],
        )
        for c in assessed
        if c.finding in JUDGED
    ]
    included = [c for c in assessed if c.finding is not Finding.NOT_APPLICABLE]
    excluded = [c for c in assessed if c.finding is Finding.NOT_APPLICABLE]
    selection: Json = {
        "description": "The clauses with requirements of the packs audited; exclusions as declared.",
        "include-controls": [{"control-id": control_id(c.pack, c.clause)} for c in included],
    }
    if excluded:
        selection["exclude-controls"] = [{"control-id": control_id(c.pack, c.clause)} for c in excluded]

    plan = ids("assessment-plan")
    resources: list[Json] = [
        {
            "uuid": plan,
            "title": "Assessment plan: none",
            "description": "imsaudit writes no OSCAL assessment plan. The audit's plan is its packs and "
            "settings, recorded in the result's properties; this resource stands in for the import-ap "
            "reference that the OSCAL model requires.",
        }
    ]
    for path, refs in cited.items():
        sha = refs[0][0].sha256
        resources.append(
            {
                "uuid": ids("resource", path, sha),
                "title": inline(path),
                "props": _props(sha256=sha),
                "rlinks": [
                    {"href": quote(path, safe="/"), "hashes": [{"algorithm": "SHA-256", "value": sha}]}
                ],
            }
        )

    packs = ", ".join(f"{p.standard} ({p.id} {p.version})" for p in result.packs)
    s = result.summary
    moment = _moment(result)
    results: Json = {
        "uuid": ids.revision("result"),
        "title": f"Audit of {inline(org)} as of {result.as_of.isoformat()}",
        "description": f"Audit against {inline(packs)} by {result.tool.name} {result.tool.version}. "
        "Requirement texts are paraphrases of the standards.",
        "start": moment,
        "end": moment,
        "props": _props(
            overall_score="" if s.overall_score is None else f"{s.overall_score:g}",
            maturity=s.maturity,
            packs=" ".join(p.id for p in result.packs),
        ),
        "reviewed-controls": {"control-selections": [selection]},
    }
    if observations:
        results["observations"] = observations
    if risks:
        results["risks"] = risks
    if findings:
        results["findings"] = findings
    return {
        "assessment-results": {
            "uuid": ids.revision("assessment-results"),
            "metadata": {
                "title": f"Assessment results: {inline(org)}",
                "last-modified": moment,
                "version": result.as_of.isoformat(),
                "oscal-version": OSCAL_VERSION,
                "props": _props(tool=f"{result.tool.name} {result.tool.version}"),
                "parties": [
                    {"uuid": ids("party"), "type": "organization", "name": " ".join(org.split()) or "unnamed"}
                ],
            },
            "import-ap": {"href": "#" + plan},
            "results": [results],
            "back-matter": {"resources": resources},
        }
    }


@register
class OscalRenderer(Renderer):
    """oscal-assessment-results.json: OSCAL 1.1.2 assessment results, one result per audit."""

    name = "oscal"
    filename = "oscal-assessment-results.json"

    def render(self, result: AuditResult, options: RenderOptions) -> bytes:
        text = pretty(assessment_results(result))
        return (text + "\n").encode("utf-8")
