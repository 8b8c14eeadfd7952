"""Shared fixtures: the committed evidence folder, evidence kinds to recognize, one scan."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from imsaudit.evidence.scan import ScanOptions, ScanResult, scan_folder
from imsaudit.packs.model import EvidenceKind

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
GOLDEN = HERE / "golden"
REGEN = os.environ.get("IMSAUDIT_REGEN_GOLDEN") == "1"


def kind(
    id: str,
    *,
    tabular: bool = False,
    retain: bool = False,
    min_score: int = 4,
    **recognize: Any,
) -> EvidenceKind:
    return EvidenceKind.model_validate(
        {
            "id": id,
            "title": id.replace("-", " ").capitalize(),
            "description": f"Test kind {id} for the scanner tests.",
            "documented_information": "retain" if retain or tabular else "maintain",
            "tabular": tabular,
            "recognize": {**recognize, "min_score": min_score},
        }
    )


KINDS = [
    kind(
        "quality-policy",
        filename=[r"quality[-_ ]?policy", r"\bQP[-_ ]?\d+"],
        title=[r"quality policy"],
        headings=[r"quality policy"],
        phrases={
            "quality policy": 3,
            "quality objectives": 2,
            "continual improvement": 2,
            "customer satisfaction": 1,
        },
    ),
    kind(
        "document-control-procedure",
        filename=[r"document[-_ ]?control"],
        title=[r"document control"],
        headings=[r"document control", r"obsolete"],
        phrases={"documented information": 2, "master list": 2, "obsolete documents": 2},
    ),
    kind(
        "internal-audit-procedure",
        filename=[r"internal[-_ ]?audit[-_ ]?proc"],
        title=[r"internal audit procedure"],
        phrases={"internal audit": 2, "audit programme": 1, "corrective action": 1},
    ),
    kind(
        "internal-audit-programme",
        tabular=True,
        filename=[r"audit[-_ ]?(programme|program|schedule|plan)"],
        title=[r"internal audit (programme|program|schedule|plan)", r"^audit programme"],
        headings=[r"audit (programme|program|schedule)"],
        phrases={"audit programme": 3, "auditee": 1},
        columns=["audit id", "clause", "planned date", "auditor", "auditee"],
    ),
    kind(
        "risk-opportunity-register",
        tabular=True,
        filename=[r"risk[-_ ]?(register|log)"],
        title=[r"risk"],
        phrases={"risk register": 3, "likelihood": 1, "opportunity": 1},
        columns=[
            "id",
            "type",
            "description",
            "likelihood",
            "impact",
            "rating",
            "owner",
            "due date",
            "status",
        ],
        min_score=5,
    ),
    kind(
        "training-records",
        tabular=True,
        filename=[r"training"],
        phrases={"training": 1},
        columns=["name", "course", "date", "provider", "result", "effectiveness evaluated"],
    ),
    kind(
        "management-review-record",
        retain=True,
        filename=[r"management[-_ ]?review"],
        title=[r"management review"],
        headings=[r"^inputs$", r"decisions"],
        phrases={"management review": 3, "results of internal audits": 2, "customer satisfaction": 1},
        min_score=5,
    ),
    kind(
        "context-analysis",
        filename=[r"context"],
        title=[r"context of the organi[sz]ation"],
        headings=[r"external issues", r"internal issues"],
        phrases={"external issues": 2, "internal issues": 2, "pestle": 2, "swot": 2, "climate change": 1},
    ),
    kind(
        "information-security-policy",
        filename=[r"information[-_ ]?security[-_ ]?policy", r"\bISP\b"],
        title=[r"information security policy"],
        phrases={"confidentiality, integrity": 3, "information security": 2},
    ),
    kind(
        "corrective-action-report",
        retain=True,
        filename=[r"corrective[-_ ]?action"],
        title=[r"corrective action"],
        headings=[r"root cause", r"nonconformity"],
        phrases={"root cause": 2, "nonconformity": 2, "corrective action": 2},
    ),
    kind(
        "supplier-evaluation",
        tabular=True,
        filename=[r"supplier"],
        phrases={"supplier evaluation": 3},
        columns=["supplier", "last evaluated", "score", "status"],
    ),
    kind(
        "innovation-management-manual",
        title=[r"innovation management manual"],
        phrases={"innovation vision": 2, "innovation portfolio": 2},
    ),
]


@pytest.fixture(scope="session")
def kinds() -> list[EvidenceKind]:
    return KINDS


@pytest.fixture(scope="session")
def fixture_scan() -> ScanResult:
    """The committed folder scanned once, without cache or OCR (same result on every machine)."""
    return scan_folder(FIXTURES, ScanOptions(jobs=1, use_cache=False, ocr=False))
