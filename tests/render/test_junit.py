"""junit.xml: counts that match the audit, read by xml.etree, junitparser and an XSD of the
common (Jenkins / Ant) JUnit format; untrusted text escaped and XML-safe."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from junitparser import Failure, JUnitXml, Skipped
from lxml import etree

from imsaudit.findings.model import AuditResult
from imsaudit.render import RENDERERS, RenderOptions
from imsaudit.render.junit import JunitRenderer, junit_xml, xml_text
from tests.e2e.test_gapcorp import audit
from tests.render.scenarios import HOSTILE_TEXT, hostile_folder, waived_result

# The common JUnit XML shape (Jenkins junit plugin, Ant's JUnit task), as far as we use it.
JUNIT_XSD = b"""<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
  <xs:complexType name="result" mixed="true">
    <xs:attribute name="message" type="xs:string"/>
    <xs:attribute name="type" type="xs:string"/>
  </xs:complexType>
  <xs:element name="testsuites">
    <xs:complexType>
      <xs:sequence>
        <xs:element ref="testsuite" minOccurs="0" maxOccurs="unbounded"/>
      </xs:sequence>
      <xs:attribute name="name" type="xs:string"/>
      <xs:attribute name="tests" type="xs:nonNegativeInteger" use="required"/>
      <xs:attribute name="failures" type="xs:nonNegativeInteger" use="required"/>
      <xs:attribute name="errors" type="xs:nonNegativeInteger" use="required"/>
      <xs:attribute name="skipped" type="xs:nonNegativeInteger"/>
      <xs:attribute name="time" type="xs:decimal"/>
      <xs:attribute name="timestamp" type="xs:dateTime"/>
    </xs:complexType>
  </xs:element>
  <xs:element name="testsuite">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="properties" minOccurs="0">
          <xs:complexType>
            <xs:sequence>
              <xs:element name="property" minOccurs="0" maxOccurs="unbounded">
                <xs:complexType>
                  <xs:attribute name="name" type="xs:string" use="required"/>
                  <xs:attribute name="value" type="xs:string" use="required"/>
                </xs:complexType>
              </xs:element>
            </xs:sequence>
          </xs:complexType>
        </xs:element>
        <xs:element name="testcase" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:sequence>
              <xs:choice minOccurs="0">
                <xs:element name="skipped" type="result"/>
                <xs:element name="error" type="result"/>
                <xs:element name="failure" type="result"/>
              </xs:choice>
              <xs:element name="system-out" type="xs:string" minOccurs="0"/>
              <xs:element name="system-err" type="xs:string" minOccurs="0"/>
            </xs:sequence>
            <xs:attribute name="name" type="xs:string" use="required"/>
            <xs:attribute name="classname" type="xs:string" use="required"/>
            <xs:attribute name="time" type="xs:decimal"/>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
      <xs:attribute name="name" type="xs:string" use="required"/>
      <xs:attribute name="tests" type="xs:nonNegativeInteger" use="required"/>
      <xs:attribute name="failures" type="xs:nonNegativeInteger" use="required"/>
      <xs:attribute name="errors" type="xs:nonNegativeInteger" use="required"/>
      <xs:attribute name="skipped" type="xs:nonNegativeInteger"/>
      <xs:attribute name="time" type="xs:decimal"/>
      <xs:attribute name="timestamp" type="xs:dateTime"/>
      <xs:attribute name="package" type="xs:string"/>
    </xs:complexType>
  </xs:element>
</xs:schema>
"""


@pytest.fixture(scope="module")
def result() -> AuditResult:
    return audit()


def assert_valid(data: bytes) -> None:
    schema = etree.XMLSchema(etree.fromstring(JUNIT_XSD))
    document = etree.fromstring(data)
    assert schema.validate(document), schema.error_log


def test_counts_match_the_result(result: AuditResult) -> None:
    data = JunitRenderer().render(result, RenderOptions())
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    assert_valid(data)
    root = ET.fromstring(data)
    outcomes = Counter(r.outcome.value for r in result.requirements)
    failures = outcomes["not_met"] + outcomes["partly_met"]
    skipped = outcomes["needs_review"] + outcomes["not_applicable"]
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors"), root.get("skipped")) == (
        str(len(result.requirements)),
        str(failures),
        "0",
        str(skipped),
    )
    own = list(dict.fromkeys((r.pack, r.clause) for r in result.requirements))
    suites = root.findall("testsuite")
    assert len(suites) == len(own)
    for suite in suites:
        cases = suite.findall("testcase")
        assert suite.get("tests") == str(len(cases))
        assert suite.get("failures") == str(sum(1 for c in cases if c.find("failure") is not None))
        assert suite.get("skipped") == str(sum(1 for c in cases if c.find("skipped") is not None))
    cases = root.findall("testsuite/testcase")
    assert [c.get("name", "").split(":")[0] for c in cases] == [r.id for r in result.requirements]
    assert data == junit_xml(audit())


def test_suite_and_case_names(result: AuditResult) -> None:
    root = ET.fromstring(junit_xml(result))
    suite = next(s for s in root.findall("testsuite") if s.get("name", "").startswith("iso9001-2015 9.2.2 "))
    clause = next(c for c in result.clauses if c.clause == "9.2.2")
    assert suite.get("name") == f"iso9001-2015 9.2.2 {clause.title}"
    properties = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert properties["finding"] == clause.finding.value
    case = suite.find("testcase[@name]")
    assert case is not None and case.get("classname") == "iso9001-2015.9.2.2"
    requirement = next(r for r in result.requirements if r.id == "QMS-9.2.2-01")
    assert case.get("name") == f"QMS-9.2.2-01: {requirement.text}"
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("message") == requirement.message and failure.get("type") == requirement.severity.value
    assert "internal-audit-programme-2026.csv" in (failure.text or "")


def test_junitparser_reads_the_same(result: AuditResult, tmp_path: Path) -> None:
    path = tmp_path / "junit.xml"
    path.write_bytes(junit_xml(result))
    xml = JUnitXml.fromfile(str(path))
    states: Counter[str] = Counter()
    for suite in xml:
        for case in suite:
            kinds = {type(r) for r in case.result}
            states["failure" if Failure in kinds else "skipped" if Skipped in kinds else "passed"] += 1
    outcomes = Counter(r.outcome.value for r in result.requirements)
    assert states == {
        "failure": outcomes["not_met"] + outcomes["partly_met"],
        "skipped": outcomes["needs_review"] + outcomes["not_applicable"],
        "passed": outcomes["met"],
    }


def test_skipped_messages(result: AuditResult, tmp_path: Path) -> None:
    root = ET.fromstring(junit_xml(result))
    skipped = {c.get("name", "").split(":")[0]: c.find("skipped") for c in root.iter("testcase")}
    excluded = next(r for r in result.requirements if r.outcome.value == "not_applicable")
    node = skipped[excluded.id]
    assert node is not None and node.get("message") == f"not applicable: {excluded.excluded}"
    review = next(r for r in result.requirements if r.outcome.value == "needs_review")
    node = skipped[review.id]
    assert node is not None and (node.get("message") or "").startswith("needs review: ")
    assert all(f"- {q}" in (node.text or "") for q in review.questions)
    # An active waiver does not fail the build; an expired one does.
    waived = ET.fromstring(junit_xml(waived_result(tmp_path)))
    cases = {c.get("name", "").split(":")[0]: c for c in waived.iter("testcase")}
    active = cases["QMS-10.2.1-02"].find("skipped")
    assert active is not None and (active.get("message") or "").startswith("waived until 2026-12-31: ")
    assert cases["QMS-10.2.1-04"].find("failure") is not None
    assert cases["QMS-4.4.1-03"].find("system-out") is not None  # met by the auditor's verdict


def test_untrusted_text_is_escaped(tmp_path: Path) -> None:
    data = junit_xml(audit(hostile_folder(tmp_path)))
    assert_valid(data)  # well-formed: the BEL character was dropped, <, & and ]]> escaped
    assert b"\x07" not in data and b"<img" not in data
    root = ET.fromstring(data)
    assert root.get("name") == "imsaudit: Gapcorp <script>alert(1)</script> [x](http://evil) @acme"
    case = next(c for c in root.iter("testcase") if (c.get("name") or "").startswith("QMS-10.2.1-02:"))
    failure = case.find("failure")
    assert failure is not None and HOSTILE_TEXT in (failure.text or "")


def test_xml_text_drops_what_xml_cannot_carry() -> None:
    assert xml_text("a\x00b\x07c\x1bd\ufffee\ud800f") == "abcdef"
    assert xml_text("tab\tnl\ncr\r é 😀") == "tab\tnl\ncr\r é 😀"


def test_registered() -> None:
    assert RENDERERS.get("junit") is JunitRenderer and JunitRenderer.filename == "junit.xml"
