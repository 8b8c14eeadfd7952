"""Check type ``no_placeholders``: no template leftovers in the real documents.

A document can hold a few placeholders without being classified a template; its
``TemplateReport.markers`` list them. Any marker in any real document is ``not_met``,
citing each (the first five named in the message, twenty cited). With no marker, a
document that could not be fully read makes the result ``needs_review``.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from typing import TYPE_CHECKING, Literal

from imsaudit.checks._evidence import (
    cite,
    gather,
    listing,
    paths,
    plural,
    review_unreadable,
    sentence,
    unreadable,
    unreadable_note,
)
from imsaudit.checks.base import CheckParams, CheckType, EvalContext, KindCheckParams, register
from imsaudit.core.results import CheckResult
from imsaudit.core.types import Outcome
from imsaudit.evidence.model import Document

if TYPE_CHECKING:
    from imsaudit.packs.model import EvidenceKind


class NoPlaceholdersParams(KindCheckParams):
    type: Literal["no_placeholders"]

    def describe(self, titles: Mapping[str, str] | None = None) -> str:
        return f"{self.what(titles)}, finished: no template placeholders, instructions or TBD left"


@register
class NoPlaceholders(CheckType):
    """The document has no template leftovers (``<Company Name>``, ``[insert ...]``, ``TBD``, lorem ipsum).

    A procedure copied from a template and never finished is not the organization's
    procedure; each leftover is cited with its locator.
    """

    name = "no_placeholders"
    Params = NoPlaceholdersParams

    @classmethod
    def needs_text(
        cls, params: CheckParams, document: Document, held: Set[str], kinds: Mapping[str, EvidenceKind]
    ) -> bool:
        return False  # the template markers only

    @classmethod
    def evaluate(cls, params: CheckParams, ctx: EvalContext) -> CheckResult:
        assert isinstance(params, NoPlaceholdersParams)
        g = gather(cls.name, ctx, params.kind)
        if g.missing:
            return g.missing
        looked = tuple(d.path for d in g.documents)
        complete, partial = unreadable(g.documents)
        leftovers = [(d, m) for d in g.documents for m in d.template.markers]
        if leftovers:
            several = len({d.path for d, _ in leftovers}) > 1
            named = [f"{m.text!r} ({d.path + ' ' if several else ''}{m.locator})" for d, m in leftovers]
            where = "" if several else f" in {leftovers[0][0].path}"
            one = len(leftovers) == 1
            message = (
                f"{plural(len(leftovers), 'template leftover')} remain{'s' if one else ''}{where}: "
                f"{listing(named, _SHOWN)}; replace {'it' if one else 'them'} "
                "with the organization's own content"
            )
            return CheckResult(
                type=cls.name,
                outcome=Outcome.NOT_MET,
                message=sentence(message),
                evidence=tuple(cite(d, m.locator, m.text) for d, m in leftovers[:_CITED]),
                looked_at=looked,
            )
        if partial and not complete:
            return review_unreadable(cls.name, partial, "whether template leftovers remain")
        message = f"no template leftovers in {paths(complete)}"
        outcome = Outcome.MET
        if partial:
            # What was read is clean; what was not read may still hold leftovers.
            message += f", but {unreadable_note(partial)}; an auditor must read it"
            outcome = Outcome.NEEDS_REVIEW
        return CheckResult(
            type=cls.name,
            outcome=outcome,
            message=sentence(message),
            evidence=tuple(cite(d) for d in g.documents),
            looked_at=looked,
        )


_SHOWN = 5
"""Leftovers named in the message; the rest are counted."""
_CITED = 20
"""Leftovers cited as evidence."""
