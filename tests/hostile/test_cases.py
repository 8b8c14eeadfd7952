"""Each hostile entry becomes one line: an error or a warning on its document (or the reason it
was skipped), the same in ``audit.json`` and in ``imsaudit scan --format json``; nothing else
in the folder gets an error or a warning."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.hostile.conftest import Hostile
from tests.hostile.make_hostile import CASES, Case


def _views(
    audit_json: dict[str, Any], scan_report: dict[str, Any]
) -> list[tuple[str, dict[str, Any], dict[str, str]]]:
    """(source, documents by path, skipped reasons by path) of both outputs."""
    return [
        (
            "audit.json",
            {d["path"]: d for d in audit_json["documents"]},
            {s["path"]: s["message"] for s in audit_json["skipped"]},
        ),
        (
            "imsaudit scan",
            {d["path"]: d for d in scan_report["documents"]},
            {s["path"]: s["reason"] for s in scan_report["skipped"]},
        ),
    ]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.path)
def test_each_case_is_one_line(case: Case, audit_json: dict[str, Any], scan_report: dict[str, Any]) -> None:
    for source, documents, skipped in _views(audit_json, scan_report):
        if case.outcome == "skipped":
            assert case.path not in documents, source
            assert re.fullmatch(case.pattern, skipped[case.path]), (source, skipped[case.path])
            continue
        document = documents[case.path]
        lines = [document["error"]] if document["error"] else list(document["warnings"])
        if case.outcome == "read":
            assert lines == [], (source, lines)
            continue
        assert len(lines) == 1, (source, lines)
        assert re.fullmatch(case.pattern, lines[0]), (source, lines[0])
        assert (document["error"] is not None) == (case.outcome == "error"), source


def test_no_other_document_has_a_problem(audit_json: dict[str, Any], scan_report: dict[str, Any]) -> None:
    """Only the hostile entries have a line: Gapcorp's files and the harmless ones read cleanly."""
    expected = {c.path for c in CASES if c.outcome in ("error", "warning")}
    for source, documents, skipped in _views(audit_json, scan_report):
        flagged = {path for path, d in documents.items() if d["error"] or d["warnings"]}
        assert flagged == expected, source
        assert set(skipped) == {c.path for c in CASES if c.outcome == "skipped"} | {"organization.yaml"}


def test_kinds_mappings_out_of_the_folder_are_notes_with_their_line(
    hostile: Hostile, audit_json: dict[str, Any], scan_report: dict[str, Any]
) -> None:
    """organization.yaml maps '../../etc/passwd' and '/etc/passwd': ignored, said, never opened."""
    lines = (hostile.evidence / "organization.yaml").read_text(encoding="utf-8").splitlines()
    notes = [(e["line"], e["message"]) for e in audit_json["errors"] if e["path"] == "organization.yaml"]
    said = [(n["line"], n["message"]) for n in scan_report["notes"] if n["path"] == "organization.yaml"]
    assert notes == said
    for pattern in ("../../etc/passwd", "/etc/passwd", "../canary.txt", "refs/../../canary.txt"):
        number = next(i for i, line in enumerate(lines, 1) if line.strip().startswith(f'"{pattern}"'))
        assert (
            number,
            f"kinds mapping {pattern!r} points outside the evidence folder (paths are relative to it)",
        ) in notes


def test_unreadable_documents_are_listed_as_audit_errors(audit_json: dict[str, Any]) -> None:
    errors = {e["path"]: e["message"] for e in audit_json["errors"] if e["path"] != "organization.yaml"}
    assert errors == {d["path"]: d["error"] for d in audit_json["documents"] if d["error"]}
