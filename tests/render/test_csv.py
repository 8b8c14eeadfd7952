"""findings.csv: golden file, RFC 4180 framing (BOM, CRLF, quoting) checked by a strict reader,
a fixed column set, and cells that a spreadsheet must not evaluate."""

from __future__ import annotations

import codecs
import csv
import io
import re
from pathlib import Path

import pytest

from imsaudit.findings.model import AuditResult
from imsaudit.render import RENDERERS, RenderOptions
from imsaudit.render.csv import COLUMNS, CsvRenderer, guard
from tests.e2e.test_gapcorp import audit
from tests.render.scenarios import HOSTILE_NAME, assert_golden, hostile_folder, waived_result

FIELD = r'(?:[^",\r\n]*|"(?:[^"]|"")*")'
RECORD = re.compile(rf"{FIELD}(?:,{FIELD})*\r\n")


@pytest.fixture(scope="module")
def result() -> AuditResult:
    return audit()


def read(data: bytes) -> list[dict[str, str]]:
    """The register through the stdlib reader in strict mode (malformed quoting raises)."""
    assert data.startswith(codecs.BOM_UTF8)
    text = data.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline=""), strict=True))


def assert_rfc4180(data: bytes) -> None:
    """Every record matches the RFC 4180 grammar (fields plain or quoted, CRLF ends)."""
    text = data.decode("utf-8-sig")
    position = 0
    while position < len(text):
        match = RECORD.match(text, position)
        assert match is not None, f"not RFC 4180 at {text[position : position + 80]!r}"
        position = match.end()


def test_golden_gapcorp(result: AuditResult) -> None:
    data = CsvRenderer().render(result, RenderOptions())
    assert_golden("csv/gapcorp.csv", data)
    assert data == CsvRenderer().render(audit(), RenderOptions())


def test_one_row_per_requirement_with_fixed_columns(result: AuditResult) -> None:
    data = CsvRenderer().render(result, RenderOptions())
    assert_rfc4180(data)
    rows = read(data)
    assert tuple(rows[0]) == COLUMNS
    assert [r["requirement"] for r in rows] == [r.id for r in result.requirements]
    documents = {d.path: d.sha256 for d in result.documents}
    findings = {(c.pack, c.clause): c.finding.value for c in result.clauses}
    for row, r in zip(rows, result.requirements, strict=True):
        assert (row["pack"], row["clause"], row["severity"], row["outcome"]) == (
            r.pack,
            r.clause,
            r.severity.value,
            r.outcome.value,
        )
        assert row["finding"] == findings[(r.pack, r.clause)]
        assert row["message"] == r.message
        cited = [e.split("#", 1) for e in row["evidence"].split("; ")] if row["evidence"] else []
        assert {(p, loc) for p, loc in cited} == {(e.path, e.locator) for e in r.evidence}
        hashes = row["sha256s"].split("; ") if row["sha256s"] else []
        assert hashes == list(dict.fromkeys(documents[p] for p, _ in cited))
        assert bool(row["action"]) == (r.outcome.value in ("not_met", "partly_met"))
    row = next(x for x in rows if x["requirement"] == "QMS-10.2.1-02")
    assert row["evidence"] == "nonconformity-log.csv#row 4"


def test_bom_and_crlf(result: AuditResult) -> None:
    data = CsvRenderer().render(result, RenderOptions())
    assert data[:3] == codecs.BOM_UTF8 and data.endswith(b"\r\n")
    assert data.count(b"\n") == data.count(b"\r\n") == len(result.requirements) + 1


def test_waiver_and_manual_verdict_columns(tmp_path: Path) -> None:
    rows = {r["requirement"]: r for r in read(CsvRenderer().render(waived_result(tmp_path), RenderOptions()))}
    assert rows["QMS-10.2.1-02"]["waiver"] == (
        "active until 2026-12-31 (approved by J. Smith): "
        "Root-cause training for supervisors is scheduled for December."
    )
    assert rows["QMS-10.2.1-04"]["waiver"].startswith("expired 2026-06-30: ")
    assert rows["QMS-4.4.1-03"]["manual_verdict"] == "met"
    assert rows["QMS-4.4.1-03"]["outcome"] == "met"


def test_formula_cells_get_an_apostrophe(tmp_path: Path) -> None:
    data = CsvRenderer().render(audit(hostile_folder(tmp_path)), RenderOptions())
    assert_rfc4180(data)
    rows = read(data)
    cells = [cell for row in rows for cell in row.values()]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    policy = next(r for r in rows if r["requirement"] == "QMS-5.2.1-02")
    assert policy["evidence"].startswith(f"'{HOSTILE_NAME}#line 18")


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_guard(start: str) -> None:
    assert guard(f"{start}SUM(A1)") == f"'{start}SUM(A1)"


def test_guard_leaves_plain_text() -> None:
    for text in ("", "a=b", "QMS-4.1-01", " =x", "'quoted"):
        assert guard(text) == text


def test_registered() -> None:
    assert RENDERERS.get("csv") is CsvRenderer and CsvRenderer.filename == "findings.csv"
