"""Progress between two audits: newly met, regressed, still open (``diff`` and ``--baseline``).

Outcomes are ranked met > partly_met > not_met; a move down that ladder is a
regression, a move to met is newly met. ``needs_review`` and ``not_applicable`` are not
judgements, so moves to or from them are neither.
"""

from __future__ import annotations

from imsaudit.core.types import Outcome
from imsaudit.findings.model import AuditResult, Change, Progress

RANK = {Outcome.NOT_MET: 0, Outcome.PARTLY_MET: 1, Outcome.MET: 2}
OPEN = (Outcome.NOT_MET, Outcome.PARTLY_MET)


def progress(before: AuditResult, after: AuditResult) -> Progress:
    """What changed per requirement from ``before`` to ``after``, sorted by requirement id."""
    old = {r.id: r.outcome for r in before.requirements}
    new = {r.id: r.outcome for r in after.requirements}
    newly_met, regressed, still_open = [], [], []
    for rid in sorted(old.keys() & new.keys()):
        a, b = old[rid], new[rid]
        if b is Outcome.MET and a is not Outcome.MET:
            newly_met.append(Change(requirement=rid, before=a, after=b))
        elif a in RANK and b in RANK and RANK[b] < RANK[a]:
            regressed.append(Change(requirement=rid, before=a, after=b))
        elif a in OPEN and b in OPEN:
            still_open.append(rid)
    return Progress(
        baseline_as_of=before.as_of,
        newly_met=tuple(newly_met),
        regressed=tuple(regressed),
        still_open=tuple(still_open),
        added=tuple(sorted(new.keys() - old.keys())),
        removed=tuple(sorted(old.keys() - new.keys())),
        score_before=before.summary.overall_score,
        score_after=after.summary.overall_score,
    )
