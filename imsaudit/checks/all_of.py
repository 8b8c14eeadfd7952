"""Check type ``all_of``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from imsaudit.checks._combine import combine_all
from imsaudit.checks.base import (
    CheckParams,
    CheckType,
    EvalContext,
    composite,
    part_text,
    register,
    run_check,
)
from imsaudit.core.results import CheckResult

if TYPE_CHECKING:
    CheckSpec = CheckParams


class AllOfParams(CheckParams):
    type: Literal["all_of"]
    checks: list[CheckSpec] = Field(min_length=1, description="Checks that must all pass.")

    def children(self) -> tuple[CheckParams, ...]:
        return tuple(self.checks)

    def describe(self, titles: Mapping[str, str] | None = None) -> str:
        return "All of: " + "; ".join(part_text(c, titles) for c in self.children())


@register
class AllOf(CheckType):
    """Every nested check must be met; the weakest nested outcome wins.

    A requirement's top-level ``checks`` list already combines as ``all_of``; use this
    type inside ``any_of`` or ``at_least`` to group alternatives.
    """

    name = "all_of"
    Params = AllOfParams

    @classmethod
    def evaluate(cls, params: CheckParams, ctx: EvalContext) -> CheckResult:
        assert isinstance(params, AllOfParams)
        return composite(cls.name, [run_check(c, ctx) for c in params.checks], combine_all)
