"""Check type ``any_of``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from imsaudit.checks._combine import combine_any
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


class AnyOfParams(CheckParams):
    type: Literal["any_of"]
    checks: list[CheckSpec] = Field(min_length=2, description="Alternatives; one is enough.")

    def children(self) -> tuple[CheckParams, ...]:
        return tuple(self.checks)

    def describe(self, titles: Mapping[str, str] | None = None) -> str:
        return "One of: " + "; or ".join(part_text(c, titles) for c in self.children())


@register
class AnyOf(CheckType):
    """At least one nested check is met; the strongest nested outcome wins.

    For requirements an organization can meet in more than one way (a training matrix
    or individual training records). When met, the result describes and cites the
    alternatives that were met; the others are kept for ``explain`` only.
    """

    name = "any_of"
    Params = AnyOfParams

    @classmethod
    def evaluate(cls, params: CheckParams, ctx: EvalContext) -> CheckResult:
        assert isinstance(params, AnyOfParams)
        children = [run_check(c, ctx) for c in params.checks]
        return composite(cls.name, children, combine_any, winners_only=True, noun="alternatives")
