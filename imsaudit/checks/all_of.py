"""Check type ``all_of``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from imsaudit.checks.base import CheckParams, CheckType, register

if TYPE_CHECKING:
    CheckSpec = CheckParams


class AllOfParams(CheckParams):
    type: Literal["all_of"]
    checks: list[CheckSpec] = Field(min_length=1, description="Checks that must all pass.")

    def children(self) -> tuple[CheckParams, ...]:
        return tuple(self.checks)


@register
class AllOf(CheckType):
    """Every nested check must be met; the weakest nested outcome wins.

    A requirement's top-level ``checks`` list already combines as ``all_of``; use this
    type inside ``any_of`` or ``at_least`` to group alternatives.
    """

    name = "all_of"
    Params = AllOfParams
