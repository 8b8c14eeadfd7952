"""Check type ``at_least``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator

from imsaudit.checks._combine import combine_at_least
from imsaudit.checks.base import CheckParams, CheckType, EvalContext, composite, register, run_check
from imsaudit.core.results import CheckResult

if TYPE_CHECKING:
    CheckSpec = CheckParams


class AtLeastParams(CheckParams):
    type: Literal["at_least"]
    n: int = Field(ge=1, description="How many nested checks must be met.")
    checks: list[CheckSpec] = Field(min_length=2, description="Checks of which n must pass.")

    def children(self) -> tuple[CheckParams, ...]:
        return tuple(self.checks)

    @model_validator(mode="after")
    def _n_fits(self) -> AtLeastParams:
        if self.n > len(self.checks):
            raise ValueError(f"n is {self.n} but only {len(self.checks)} checks are listed")
        return self


@register
class AtLeast(CheckType):
    """At least ``n`` of the nested checks are met (e.g. 3 of the 5 management review inputs)."""

    name = "at_least"
    Params = AtLeastParams

    @classmethod
    def evaluate(cls, params: CheckParams, ctx: EvalContext) -> CheckResult:
        assert isinstance(params, AtLeastParams)
        n = params.n
        return composite(
            cls.name,
            [run_check(c, ctx) for c in params.checks],
            lambda outcomes: combine_at_least(n, outcomes),
            f"{n} of {len(params.checks)} needed",
        )
