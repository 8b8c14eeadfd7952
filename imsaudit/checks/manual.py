"""Check type ``manual``."""

from __future__ import annotations

from collections.abc import Mapping, Set
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from imsaudit.checks._evidence import cite
from imsaudit.checks.base import CheckParams, CheckType, EvalContext, KindIds, kinds_text, register
from imsaudit.core.results import CheckResult
from imsaudit.core.types import Outcome
from imsaudit.evidence.model import Document

if TYPE_CHECKING:
    from imsaudit.packs.model import EvidenceKind


class ManualParams(CheckParams):
    type: Literal["manual"]
    reason: str = Field(min_length=10, description="Why a machine cannot judge this.")
    kind: KindIds | None = Field(
        None, description="Kind(s) of documents to put in front of the auditor, if any."
    )

    def kind_refs(self) -> tuple[str, ...]:
        return self.kind or ()

    def describe(self, titles: Mapping[str, str] | None = None) -> str:
        looking = f", looking at the {kinds_text(self.kind, titles)}" if self.kind else ""
        return f"An auditor judges{looking}: {self.reason.rstrip('.')}"


@register
class Manual(CheckType):
    """Only an auditor can judge this (interviews, observation); the outcome is ``needs_review``.

    Never ``met`` by itself: a manual verdict from ``organization.yaml`` or the review
    workbook, with who and when, is what closes it.
    """

    name = "manual"
    Params = ManualParams

    @classmethod
    def needs_text(
        cls, params: CheckParams, document: Document, held: Set[str], kinds: Mapping[str, EvidenceKind]
    ) -> bool:
        return False  # the paths only

    @classmethod
    def evaluate(cls, params: CheckParams, ctx: EvalContext) -> CheckResult:
        assert isinstance(params, ManualParams)
        documents = sorted(
            {d.path: d for k in params.kind or () for d in ctx.index.documents_of(k)}.values(),
            key=lambda d: d.path,
        )
        shown = f" Documents to look at: {', '.join(d.path for d in documents)}." if documents else ""
        return CheckResult(
            type=cls.name,
            outcome=Outcome.NEEDS_REVIEW,
            message=f"An auditor must judge this: {params.reason.rstrip('.')}.{shown}",
            evidence=tuple(cite(d) for d in documents),
            looked_at=tuple(d.path for d in documents),
        )
