"""Check type ``present``: real documents of the kind exist.

Edges: a template never counts (it is named in the message); a file whose text could
not be read (a scan, a corrupt DOCX) still proves the document exists, so it counts and
the message says its content is left to an auditor; fewer than ``min_count`` documents
is ``partly_met``, none is ``not_met``.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from imsaudit.checks._evidence import (
    HEADING,
    cite,
    first_heading,
    gather,
    paths,
    plural,
    sentence,
    titles,
    unreadable,
)
from imsaudit.checks.base import CheckParams, CheckType, EvalContext, KindCheckParams, register
from imsaudit.core.results import CheckResult
from imsaudit.core.types import Outcome
from imsaudit.evidence.model import Document

if TYPE_CHECKING:
    from imsaudit.packs.model import EvidenceKind


class PresentParams(KindCheckParams):
    type: Literal["present"]
    min_count: int = Field(1, ge=1, description="How many distinct documents are needed.")

    def describe(self, titles: Mapping[str, str] | None = None) -> str:
        if self.min_count == 1:
            return f"{self.what(titles)}: a real document (not a template)"
        return f"{self.what(titles)}: at least {self.min_count} real documents (templates do not count)"


@register
class Present(CheckType):
    """At least ``min_count`` real documents of the kind exist (templates do not count).

    The weakest evidence: a policy that exists says nothing about its content, so packs
    combine ``present`` with ``covers``, ``metadata`` or ``fresh``.
    """

    name = "present"
    Params = PresentParams

    @classmethod
    def needs_text(
        cls, params: CheckParams, document: Document, held: Set[str], kinds: Mapping[str, EvidenceKind]
    ) -> bool:
        # Without a title, its first heading names it (``_label``): the state keeps that.
        return document.metadata.title is None and HEADING not in held

    @classmethod
    def evaluate(cls, params: CheckParams, ctx: EvalContext) -> CheckResult:
        assert isinstance(params, PresentParams)
        g = gather(cls.name, ctx, params.kind)
        if g.missing:
            return g.missing
        found = len(g.documents)
        what = titles(ctx, params.kind)
        listed = f"{plural(found, 'document')} of {what} ({paths(g.documents)})"
        if found >= params.min_count:
            outcome = Outcome.MET
            message = f"found {listed}"
        else:
            outcome = Outcome.PARTLY_MET
            message = f"found {listed}, but {params.min_count} are needed"
        _, partial = unreadable(g.documents)
        if partial:
            # The file proves the document exists; its content is for other checks to judge.
            message += (
                f"; {paths(partial)} could not be read as text, which does not matter for existence"
                " but leaves its content to an auditor"
            )
        if g.templates:
            message += f"; {plural(len(g.templates), 'template')} ({paths(g.templates)}) not counted"
        return CheckResult(
            type=cls.name,
            outcome=outcome,
            message=sentence(message),
            evidence=tuple(cite(d, "document", _label(ctx, d)) for d in g.documents),
            looked_at=tuple(d.path for d in g.documents + g.templates),
        )


def _label(ctx: EvalContext, document: Document) -> str:
    """What to quote for a whole document: its title, else its first heading, else its name."""
    if document.metadata.title:
        return document.metadata.title
    heading = ctx.derived.memo(document, HEADING, lambda: first_heading(document))
    return heading if heading is not None else document.name
