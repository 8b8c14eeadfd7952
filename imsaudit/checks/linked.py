"""Check type ``linked``."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from imsaudit.checks.base import CheckType, Column, KindCheckParams, KindIds, register


class LinkedParams(KindCheckParams):
    type: Literal["linked"]
    column: Column = Field(description="Header(s) of the referring column in the source register.")
    target_kind: KindIds = Field(description="Kind(s) of the register the references point to.")
    target_column: Column = Field(description="Header(s) of the id column in the target register.")
    min_share: float = Field(
        1.0, gt=0, le=1, description="Share of filled references that must resolve (1.0 = all)."
    )

    def kind_refs(self) -> tuple[str, ...]:
        return self.kind + self.target_kind


@register
class Linked(CheckType):
    """Rows of one register refer to items that exist in another (e.g. NC log source -> audit id).

    Traceability between records is what lets an auditor follow a finding from the
    audit report to its corrective action and back; broken references are named row by row.
    """

    name = "linked"
    Params = LinkedParams
