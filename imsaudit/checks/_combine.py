"""How outcomes combine: ``all_of`` (a requirement's checks), ``any_of``, ``at_least``.

The rules, in words (docs/verdicts.md repeats them):

- ``not_applicable`` results are left out; if nothing is left, the result is ``not_applicable``.
- all_of: all met -> met; all not_met -> not_met; any not_met or partly_met beside a
  met -> partly_met; otherwise (some needs_review, nothing failed) -> needs_review. A
  needs_review beside a not_met with nothing met stays not_met: what was seen failed.
- any_of: the best outcome wins (met > partly_met > needs_review > not_met).
- at_least n: met when n are met; partly_met when some are met or partly met but fewer
  than n; needs_review when met + needs_review could still reach n; else not_met.
"""

from __future__ import annotations

from collections.abc import Sequence

from imsaudit.core.types import Outcome

_BEST_FIRST = (Outcome.MET, Outcome.PARTLY_MET, Outcome.NEEDS_REVIEW, Outcome.NOT_MET)


def _judged(outcomes: Sequence[Outcome]) -> list[Outcome]:
    return [o for o in outcomes if o is not Outcome.NOT_APPLICABLE]


def combine_all(outcomes: Sequence[Outcome]) -> Outcome:
    """Outcome of checks that must all pass."""
    judged = _judged(outcomes)
    if not judged:
        return Outcome.NOT_APPLICABLE
    kinds = set(judged)
    if kinds == {Outcome.MET}:
        return Outcome.MET
    failed = kinds & {Outcome.NOT_MET, Outcome.PARTLY_MET}
    if Outcome.PARTLY_MET in kinds or (failed and Outcome.MET in kinds):
        return Outcome.PARTLY_MET
    if Outcome.NOT_MET in kinds:
        return Outcome.NOT_MET
    return Outcome.NEEDS_REVIEW


def combine_any(outcomes: Sequence[Outcome]) -> Outcome:
    """Outcome of alternatives, one of which is enough."""
    judged = _judged(outcomes)
    if not judged:
        return Outcome.NOT_APPLICABLE
    return min(judged, key=_BEST_FIRST.index)


def combine_at_least(n: int, outcomes: Sequence[Outcome]) -> Outcome:
    """Outcome when ``n`` of the checks must pass."""
    judged = _judged(outcomes)
    if not judged:
        return Outcome.NOT_APPLICABLE
    met = judged.count(Outcome.MET)
    review = judged.count(Outcome.NEEDS_REVIEW)
    partly = judged.count(Outcome.PARTLY_MET)
    need = min(n, len(judged))
    if met >= need:
        return Outcome.MET
    if met + review >= need and review:
        return Outcome.NEEDS_REVIEW
    if met or partly:
        return Outcome.PARTLY_MET
    return Outcome.NOT_MET
