"""Check type ``manual``."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from imsaudit.checks.base import CheckParams, CheckType, KindIds, register


class ManualParams(CheckParams):
    type: Literal["manual"]
    reason: str = Field(min_length=10, description="Why a machine cannot judge this.")
    kind: KindIds | None = Field(
        None, description="Kind(s) of documents to put in front of the auditor, if any."
    )

    def kind_refs(self) -> tuple[str, ...]:
        return self.kind or ()


@register
class Manual(CheckType):
    """Only an auditor can judge this (interviews, observation); the outcome is ``needs_review``.

    Never ``met`` by itself: a manual verdict from ``organization.yaml`` or the review
    workbook, with who and when, is what closes it.
    """

    name = "manual"
    Params = ManualParams
