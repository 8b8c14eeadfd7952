"""``junit.xml``: the audit as JUnit XML, so CI systems show requirements as test cases.

``<testsuites>`` holds one ``<testsuite>`` per pack and clause that has requirements of its
own (parent clauses only aggregate their subclauses and have none), named
``"<pack> <clause> <title>"``, with the clause's finding and score as properties. Each
requirement is a ``<testcase classname="<pack>.<clause>" name="<id>: <text>">``:

- not met, partly met: ``<failure message="<message>" type="major|minor">`` with the cited
  evidence and how to close the gap as its text;
- needs review: ``<skipped message="needs review: ...">`` with the interview questions;
- not applicable: ``<skipped message="not applicable: <justification>">``;
- a gap under an active waiver: ``<skipped message="waived until ...">``: the gap was
  accepted, so it must not fail a build (``--fail-on`` ignores it too);
- met: a passing test case, its evidence in ``<system-out>``.

Times are zero and the timestamp is the audit date at midnight: the same audit gives the
same bytes. Text is escaped by the XML writer; characters that XML 1.0 cannot carry
(control characters, lone surrogates, U+FFFE/U+FFFF) are dropped first.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from imsaudit.core.types import Outcome
from imsaudit.findings.model import AuditResult, ClauseResult, RequirementResult
from imsaudit.render.base import Renderer, RenderOptions, register

_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: str) -> str:
    """``value`` without the characters XML 1.0 forbids (escaping is the writer's job)."""
    return _NOT_XML.sub("", value)


def _element(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    child = ET.SubElement(parent, tag, {k.rstrip("_"): xml_text(v) for k, v in attributes.items()})
    if text:
        child.text = xml_text(text)
    return child


def _evidence_lines(r: RequirementResult) -> list[str]:
    lines = []
    for e in r.evidence:
        quote = f": {e.excerpt}" if e.excerpt else ""
        lines.append(f"- {e.path} ({e.locator}, sha256 {e.sha256}){quote}")
    return lines


def _detail(r: RequirementResult, *sections: tuple[str, Iterable[str]]) -> str:
    parts = [r.message]
    for title, lines in sections:
        body = list(lines)
        if body:
            parts.append(f"{title}:\n" + "\n".join(body))
    return "\n\n".join(parts) + "\n"


def _testcase(suite: ET.Element, r: RequirementResult) -> str:
    """Add the requirement's test case; return ``failures``, ``skipped`` or ``passed``."""
    case = _element(suite, "testcase", classname=f"{r.pack}.{r.clause}", name=f"{r.id}: {r.text}", time="0")
    evidence = ("Evidence", _evidence_lines(r))
    if r.outcome in (Outcome.NOT_MET, Outcome.PARTLY_MET):
        if r.waiver is not None and r.waiver.active:
            message = f"waived until {r.waiver.expires.isoformat()}: {r.waiver.reason}"
            _element(case, "skipped", _detail(r, evidence), message=message)
            return "skipped"
        text = _detail(r, evidence, ("To close the gap", [r.guidance.close_gap]))
        _element(case, "failure", text, message=r.message, type_=r.severity.value)
        return "failures"
    if r.outcome is Outcome.NEEDS_REVIEW:
        questions = ("Questions", [f"- {q}" for q in r.questions])
        _element(case, "skipped", _detail(r, evidence, questions), message=f"needs review: {r.message}")
        return "skipped"
    if r.outcome is Outcome.NOT_APPLICABLE:
        why = r.excluded or r.message
        _element(case, "skipped", message=f"not applicable: {why}")
        return "skipped"
    _element(case, "system-out", _detail(r, evidence))
    return "passed"


def _suite(
    root: ET.Element, result: AuditResult, clause: ClauseResult, requirements: list[RequirementResult]
) -> dict[str, int]:
    suite = _element(
        root,
        "testsuite",
        name=f"{clause.pack} {clause.clause} {clause.title}",
        tests=str(len(requirements)),
        failures="0",
        errors="0",
        skipped="0",
        time="0",
        timestamp=f"{result.as_of.isoformat()}T00:00:00",
        package=clause.pack,
    )
    properties = _element(suite, "properties")
    facts = {
        "pack": clause.pack,
        "clause": clause.clause,
        "hs": clause.hs,
        "finding": clause.finding.value,
        "score": "" if clause.score is None else f"{clause.score:g}",
        "at_risk": "true" if clause.at_risk else "false",
        "root_causes": ", ".join(clause.root_causes),
    }
    for name, value in facts.items():
        _element(properties, "property", name=name, value=value)
    counts = {"tests": len(requirements), "failures": 0, "skipped": 0}
    for r in requirements:
        state = _testcase(suite, r)
        if state in counts:
            counts[state] += 1
    suite.set("failures", str(counts["failures"]))
    suite.set("skipped", str(counts["skipped"]))
    return counts


def junit_element(result: AuditResult) -> ET.Element:
    """The ``<testsuites>`` element, indented."""
    by_clause: dict[tuple[str, str], list[RequirementResult]] = {}
    for r in result.requirements:
        by_clause.setdefault((r.pack, r.clause), []).append(r)
    root = ET.Element("testsuites", {"name": xml_text(f"imsaudit: {result.organization.name}")})
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for clause in result.clauses:
        requirements = by_clause.get((clause.pack, clause.clause))
        if not requirements:
            continue
        for key, n in _suite(root, result, clause, requirements).items():
            totals[key] += n
    for key in ("tests", "failures"):
        root.set(key, str(totals[key]))
    root.set("errors", "0")
    root.set("skipped", str(totals["skipped"]))
    root.set("time", "0")
    root.set("timestamp", f"{result.as_of.isoformat()}T00:00:00")
    ET.indent(root)
    return root


def junit_xml(result: AuditResult) -> bytes:
    """UTF-8 bytes with an XML declaration and a final newline."""
    body = ET.tostring(junit_element(result), encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


@register
class JunitRenderer(Renderer):
    """junit.xml: a suite per pack and clause, a test case per requirement."""

    name = "junit"
    filename = "junit.xml"

    def render(self, result: AuditResult, options: RenderOptions) -> bytes:
        return junit_xml(result)
