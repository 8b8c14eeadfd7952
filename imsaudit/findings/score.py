"""Scores (0-100) and the 0-5 maturity level.

A requirement scores 100 when met, 50 when partly met, 0 when not met; a major
requirement weighs 2, a minor one 1. Requirements that need review or do not apply are
left out, and so are gaps under an active waiver: a score speaks only of what was
judged, and ``needs_review`` is reported beside it. Scores go per clause, per
Harmonized Structure section (4-10) of each pack, per pack and overall.

Maturity (reference 5.2, compatible with ISO 9004's 1-5 by adding 0):
0 Not addressed · 1 Initial · 2 Managed · 3 Defined · 4 Measured · 5 Optimizing.
The score sets the level (<10: 0, <35: 1, <60: 2, <80: 3, <92: 4, else 5), then caps
apply: a major nonconformity keeps the system at 2 at most (it cannot be "defined"
while a backbone requirement is missing); level 4 needs section 9 (performance
evaluation) at 80 or more, level 5 needs section 10 (improvement) at 90 or more.
"""

from __future__ import annotations

from collections.abc import Iterable

from imsaudit.core.types import Outcome, Severity
from imsaudit.findings.model import RequirementResult

POINTS = {Outcome.MET: 100.0, Outcome.PARTLY_MET: 50.0, Outcome.NOT_MET: 0.0}
WEIGHT = {Severity.MAJOR: 2, Severity.MINOR: 1}
LEVELS = ((10, 0), (35, 1), (60, 2), (80, 3), (92, 4))
MATURITY_LABELS = ("Not addressed", "Initial", "Managed", "Defined", "Measured", "Optimizing")


def judged(requirement: RequirementResult) -> bool:
    """Whether the requirement counts in scores: met, partly or not met, and not under an active waiver."""
    return requirement.outcome in POINTS and not (
        requirement.waiver is not None and requirement.waiver.active
    )


def score(requirements: Iterable[RequirementResult]) -> float | None:
    """Weighted score of the judged requirements, one decimal; None when none was judged."""
    total = weight = 0.0
    for requirement in requirements:
        if not judged(requirement):
            continue
        w = WEIGHT[requirement.severity]
        total += POINTS[requirement.outcome] * w
        weight += w
    return round(total / weight, 1) if weight else None


def maturity(
    overall: float | None,
    *,
    has_major_nc: bool,
    section_9: float | None,
    section_10: float | None,
) -> int:
    """The 0-5 maturity level from the score, with the caps described in the module doc."""
    if overall is None:
        return 0
    level = next((lvl for limit, lvl in LEVELS if overall < limit), 5)
    if has_major_nc:
        level = min(level, 2)
    if section_9 is None or section_9 < 80:
        level = min(level, 3)
    if section_10 is None or section_10 < 90:
        level = min(level, 4)
    return level
