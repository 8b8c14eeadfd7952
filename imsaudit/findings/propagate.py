"""Clause findings from requirement outcomes, then propagation of major gaps downstream.

The finding rule (docs/verdicts.md says the same in prose):

- ``not_applicable``: the clause is excluded, or every requirement is not applicable.
- ``major_nc``: a requirement of major severity is not met, or three or more minor
  requirements are not met (a systemic failure, ISO/IEC 17021-1).
- ``minor_nc``: a minor requirement is not met, or a major one is only partly met.
- ``ofi``: a minor requirement is partly met. Partly met lowers the grade by one step;
  a requirement that is not met is never recorded as an OFI.
- ``not_assessed``: nothing failed, but some requirement needs an auditor's review.
- ``conformity``: every judged requirement is met.

Requirements under an active waiver are left out of the rule (their gap stays in the
report and the roadmap); a clause whose only requirements are waived is ``not_assessed``.

A clause without requirements of its own (``8``, ``9.3``) takes the worst finding of
its subclauses. A clause with a major gap puts every clause downstream ``at_risk``;
each at-risk clause names its root causes: the upstream clauses with a major gap that
have no major gap upstream of them, most depended-on first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from imsaudit.core.types import Finding, Outcome, Severity
from imsaudit.findings.model import RequirementResult
from imsaudit.graph.build import ClauseGraph, ClauseKey

SEVERITY_ORDER = (
    Finding.MAJOR_NC,
    Finding.MINOR_NC,
    Finding.OFI,
    Finding.NOT_ASSESSED,
    Finding.CONFORMITY,
    Finding.NOT_APPLICABLE,
)
"""Worst first: a parent clause shows the worst finding of its subclauses."""

SYSTEMIC_MINORS = 3


def requirement_finding(requirements: Sequence[RequirementResult]) -> Finding:
    """The finding class of a clause from its own requirements."""
    judged = [r for r in requirements if r.outcome is not Outcome.NOT_APPLICABLE and not waived(r)]
    if not judged:
        return Finding.NOT_APPLICABLE if not any(waived(r) for r in requirements) else Finding.NOT_ASSESSED

    def count(severity: Severity, outcome: Outcome) -> int:
        return sum(r.severity is severity and r.outcome is outcome for r in judged)

    if count(Severity.MAJOR, Outcome.NOT_MET) or count(Severity.MINOR, Outcome.NOT_MET) >= SYSTEMIC_MINORS:
        return Finding.MAJOR_NC
    if count(Severity.MINOR, Outcome.NOT_MET) or count(Severity.MAJOR, Outcome.PARTLY_MET):
        return Finding.MINOR_NC
    if count(Severity.MINOR, Outcome.PARTLY_MET):
        return Finding.OFI
    if any(r.outcome is Outcome.NEEDS_REVIEW for r in judged):
        return Finding.NOT_ASSESSED
    return Finding.CONFORMITY


def waived(requirement: RequirementResult) -> bool:
    """True while an accepted gap's waiver runs: it does not count against the clause."""
    return requirement.waiver is not None and requirement.waiver.active


def worst(findings: Sequence[Finding]) -> Finding:
    """The most serious finding of several (a parent clause's view of its subclauses)."""
    if not findings:
        return Finding.NOT_ASSESSED
    return min(findings, key=SEVERITY_ORDER.index)


def propagate(
    graph: ClauseGraph, findings: Mapping[ClauseKey, Finding]
) -> dict[ClauseKey, tuple[ClauseKey, ...]]:
    """Clause -> its root causes (empty when not at risk), for every clause in the graph."""
    major = {k for k, f in findings.items() if f is Finding.MAJOR_NC and k in graph}
    roots = {k for k in major if not (set(graph.upstream(k)) & major)}
    result: dict[ClauseKey, tuple[ClauseKey, ...]] = {}
    for key in graph.nodes():
        causes = [k for k in graph.upstream(key) if k in roots]
        ranked = graph.rank_roots(causes)
        result[key] = tuple(k for k, _ in ranked)
    return result


def root_gaps(graph: ClauseGraph, findings: Mapping[ClauseKey, Finding]) -> list[tuple[ClauseKey, int]]:
    """Major gaps with no major gap upstream, ranked by how many clauses depend on them."""
    major = {k for k, f in findings.items() if f is Finding.MAJOR_NC and k in graph}
    roots = [k for k in major if not (set(graph.upstream(k)) & major)]
    return graph.rank_roots(roots)
