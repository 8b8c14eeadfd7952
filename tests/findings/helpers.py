"""Build RequirementResults directly, for findings tests that need no evidence."""

from __future__ import annotations

from imsaudit.core.types import DocumentedInformation, Outcome, Severity
from imsaudit.findings.model import Guidance, RequirementResult


def req(
    rid: str = "QMS-4.1-01",
    outcome: Outcome = Outcome.MET,
    severity: Severity = Severity.MAJOR,
    pack: str = "p",
    clause: str = "4.1",
) -> RequirementResult:
    return RequirementResult(
        id=rid,
        pack=pack,
        clause=clause,
        outcome=outcome,
        severity=severity,
        message="m",
        text="A requirement text for tests.",
        documented_information=DocumentedInformation.NONE,
        machine_outcome=outcome,
        guidance=Guidance(look_for="Look for it.", close_gap="Do it."),
    )
