"""Run every requirement's checks against the evidence; apply exclusions and manual verdicts.

A requirement's checks combine as ``all_of``. Then, in this order:

1. an exclusion of its clause (or an ancestor) makes it ``not_applicable``, with the
   justification, whatever the evidence says;
2. a manual verdict (organization.yaml, then the review workbook, the later winning)
   overrides the machine's outcome; both are kept, with who and when;
3. a waiver (organization.yaml ``waivers``) that has not expired keeps the gap visible
   but takes it out of the clause's finding and score; an expired one is reported and
   ignored;
4. a safety net: a machine ``met`` that cites no evidence becomes ``needs_review`` (no
   evidence is never met, even if a pack's checks were written carelessly).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from imsaudit.checks._combine import combine_all
from imsaudit.checks._derived import Derived
from imsaudit.checks._matcher import PhraseMatcher
from imsaudit.checks.base import EvalContext, ResultMemo, check_phrases, run_check
from imsaudit.core.results import CheckResult, EvidenceRef
from imsaudit.core.types import Outcome
from imsaudit.evidence.model import EvidenceIndex
from imsaudit.findings.model import Guidance, ManualRecord, RequirementResult, WaiverRecord
from imsaudit.packs.load import Library
from imsaudit.packs.model import Pack, Requirement

if TYPE_CHECKING:
    from imsaudit.evidence.scan import Reader


@dataclass(frozen=True)
class Verdict:
    """A manual verdict on one requirement, from wherever the auditor wrote it."""

    requirement: str
    verdict: Outcome
    note: str | None
    auditor: str | None
    date: dt.date | None
    source: str


@dataclass(frozen=True)
class Waiver:
    """A gap accepted until ``expires`` (organization.yaml ``waivers``)."""

    requirement: str
    reason: str
    expires: dt.date
    approved_by: str | None = None


@dataclass(frozen=True)
class Exclusion:
    """A clause declared not applicable; ``pack`` None means the clause number in every pack."""

    clause: str
    justification: str
    pack: str | None = None


def excluded_by(pack: Pack, clause: str, exclusions: Sequence[Exclusion]) -> str | None:
    """The justification when ``clause`` (or an ancestor) of ``pack`` is excluded."""
    for exclusion in exclusions:
        if exclusion.pack not in (None, pack.id):
            continue
        if clause == exclusion.clause or clause.startswith(exclusion.clause + "."):
            return exclusion.justification
    return None


def _message(results: Sequence[CheckResult], outcome: Outcome) -> str:
    if outcome is Outcome.MET:
        chosen = list(results)
    else:
        # What still needs doing first: failed checks, then the ones an auditor must look at.
        order = {Outcome.NOT_MET: 0, Outcome.PARTLY_MET: 1, Outcome.NEEDS_REVIEW: 2}
        chosen = sorted((r for r in results if r.outcome in order), key=lambda r: order[r.outcome])
    # Several checks on one missing document say the same thing: say it once.
    return " ".join(dict.fromkeys(r.message for r in chosen))


def _evidence(results: Iterable[CheckResult]) -> tuple[EvidenceRef, ...]:
    seen: dict[tuple[str, str], EvidenceRef] = {}
    for result in results:
        for ref in result.evidence:
            seen.setdefault((ref.path, ref.locator), ref)
    return tuple(seen.values())


def evaluate_requirement(
    pack: Pack,
    clause: str,
    requirement: Requirement,
    ctx: EvalContext,
    *,
    exclusion: str | None = None,
    verdict: Verdict | None = None,
    waiver: Waiver | None = None,
) -> RequirementResult:
    """One requirement's result: machine outcome, then exclusion / manual verdict on top."""
    results = tuple(run_check(check, ctx) for check in requirement.check_params)
    machine = combine_all([r.outcome for r in results])
    evidence = _evidence(results)
    message = _message(results, machine)
    if machine is Outcome.MET and not evidence:
        machine = Outcome.NEEDS_REVIEW
        message = "The checks passed but cited no evidence; an auditor must confirm. " + message
    outcome = machine
    manual = None
    if exclusion is not None:
        outcome = Outcome.NOT_APPLICABLE
        message = f"Excluded: {exclusion}"
    elif verdict is not None:
        manual = ManualRecord(
            verdict=verdict.verdict,
            note=verdict.note,
            auditor=verdict.auditor,
            date=verdict.date,
            source=verdict.source,
        )
        outcome = verdict.verdict
        who = ", ".join(x for x in (verdict.auditor, verdict.date and verdict.date.isoformat()) if x)
        note = f": {verdict.note}" if verdict.note else ""
        message = f"Auditor verdict {verdict.verdict.value}{f' ({who})' if who else ''}{note}. " + (
            f"The machine found {machine.value}: {message}"
        )
    waived = None
    if waiver is not None and exclusion is None:
        active = waiver.expires >= ctx.as_of
        waived = WaiverRecord(
            reason=waiver.reason, expires=waiver.expires, approved_by=waiver.approved_by, active=active
        )
        approver = f", approved by {waiver.approved_by}" if waiver.approved_by else ""
        if active:
            message = f"Waived until {waiver.expires.isoformat()}{approver}: {waiver.reason}. " + message
        else:
            message = f"The waiver expired on {waiver.expires.isoformat()}; it no longer applies. " + message
    return RequirementResult(
        id=requirement.id,
        pack=pack.id,
        clause=clause,
        outcome=outcome,
        severity=requirement.severity,
        evidence=evidence,
        message=message,
        text=" ".join(requirement.text.split()),
        documented_information=requirement.documented_information,
        machine_outcome=machine,
        manual=manual,
        excluded=exclusion,
        waiver=waived,
        checks=results,
        guidance=Guidance(
            look_for=" ".join(requirement.guidance.look_for.split()),
            close_gap=" ".join(requirement.guidance.close_gap.split()),
        ),
        questions=requirement.questions,
        owner=requirement.owner,
    )


def library_matcher(library: Library) -> PhraseMatcher:
    """The one phrase matcher for every phrase of every check of ``library``."""
    return PhraseMatcher.of(check_phrases(library.checks()))


def phrase_reader(library: Library, matcher: PhraseMatcher) -> Reader:
    """``matcher``'s reading of the documents of every kind a phrase check reads, for the scan.

    Given to ``scan_folder(reader=)``, the scan's workers read those documents as they
    classify them; ``PhraseMatcher.take`` then hands each reading to the matcher.
    """
    from imsaudit.evidence.scan import Reader

    kinds = {
        kind
        for check in library.checks()
        for node in check.walk()
        if node.phrases()
        for kind in node.kind_refs()
    }
    return Reader(frozenset(kinds), matcher.read)


def evaluate_library(
    library: Library,
    index: EvidenceIndex,
    as_of: dt.date,
    *,
    exclusions: Sequence[Exclusion] = (),
    verdicts: Mapping[str, Verdict] | None = None,
    waivers: Mapping[str, Waiver] | None = None,
    memo: ResultMemo | None = None,
    matcher: PhraseMatcher | None = None,
    derived: Derived | None = None,
) -> tuple[RequirementResult, ...]:
    """Every requirement of every pack, in pack and clause order.

    With a ``memo`` (a re-audit, ``findings.incremental``), a leaf check whose evidence
    is unchanged since the previous audit is looked up rather than judged; ``matcher``
    (``library_matcher``) and ``derived`` may then come with readings of the previous
    audit preloaded, and the caller keeps both to store this audit's readings.

    One phrase matcher serves every check of every pack: each document's text is walked
    once, however many requirements look at it. Likewise the context's ``derived`` reads
    each register cell, column lookup and document date once for the whole evaluation
    (``imsaudit.checks._derived``), so adding requirements adds cheap lookups, not passes
    over the evidence: evaluation time follows the documents, not the requirements.
    """
    ctx = EvalContext(
        index=index,
        as_of=as_of,
        kinds=library.kinds,
        matcher=matcher or library_matcher(library),
        derived=derived or Derived(),
        memo=memo,
    )
    verdicts = verdicts or {}
    waivers = waivers or {}
    results: list[RequirementResult] = []
    for pack in library.packs.values():
        for clause in pack.clauses:
            exclusion = excluded_by(pack, clause.number, exclusions)
            for requirement in clause.requirements:
                results.append(
                    evaluate_requirement(
                        pack,
                        clause.number,
                        requirement,
                        ctx,
                        exclusion=exclusion,
                        verdict=verdicts.get(requirement.id),
                        waiver=waivers.get(requirement.id),
                    )
                )
    return tuple(results)
