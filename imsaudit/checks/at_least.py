"""Check type ``at_least``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator

from imsaudit.checks._combine import combine_at_least
from imsaudit.checks.base import (
    CheckParams,
    CheckType,
    EvalContext,
    composite,
    kinds_text,
    listed,
    part_text,
    register,
    run_check,
)
from imsaudit.checks.covers import CoversParams
from imsaudit.core.results import CheckResult

if TYPE_CHECKING:
    CheckSpec = CheckParams


class AtLeastParams(CheckParams):
    type: Literal["at_least"]
    n: int = Field(ge=1, description="How many nested checks must be met.")
    checks: list[CheckSpec] = Field(min_length=2, description="Checks of which n must pass.")

    def children(self) -> tuple[CheckParams, ...]:
        return tuple(self.checks)

    def describe(self, titles: Mapping[str, str] | None = None) -> str:
        topics = _single_topics(self.children())
        if topics is not None:
            kinds, names = topics
            return f"{kinds_text(kinds, titles)} addresses at least {self.n} of: {listed(names, 'or')}"
        return f"At least {self.n} of: " + "; ".join(part_text(c, titles) for c in self.children())

    @model_validator(mode="after")
    def _n_fits(self) -> AtLeastParams:
        if self.n > len(self.checks):
            raise ValueError(f"n is {self.n} but only {len(self.checks)} checks are listed")
        return self


def _single_topics(checks: tuple[CheckParams, ...]) -> tuple[tuple[str, ...], list[str]] | None:
    """(kinds, topics) when every check is a one-topic ``covers`` of the same kinds, else None.

    "3 of the 5 management review inputs" is written as five one-topic checks; described
    one by one, the kind's title would be repeated five times.
    """
    kinds = {c.kind for c in checks if isinstance(c, CoversParams)}
    if len(kinds) != 1 or not all(isinstance(c, CoversParams) and len(c.topics) == 1 for c in checks):
        return None
    return kinds.pop(), [topic for c in checks if isinstance(c, CoversParams) for topic in c.topics]


@register
class AtLeast(CheckType):
    """At least ``n`` of the nested checks are met (e.g. 3 of the 5 management review inputs).

    When met, the result describes and cites the nested checks that were met; the
    others are kept for ``explain`` only. When not, every nested check is part of the gap.
    """

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
            f"{n} needed",
            winners_only=True,
        )
