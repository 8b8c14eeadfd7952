"""Check type ``any_of``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from imsaudit.checks.base import CheckParams, CheckType, register

if TYPE_CHECKING:
    CheckSpec = CheckParams


class AnyOfParams(CheckParams):
    type: Literal["any_of"]
    checks: list[CheckSpec] = Field(min_length=2, description="Alternatives; one is enough.")

    def children(self) -> tuple[CheckParams, ...]:
        return tuple(self.checks)


@register
class AnyOf(CheckType):
    """At least one nested check is met; the strongest nested outcome wins.

    For requirements an organization can meet in more than one way (a training matrix
    or individual training records).
    """

    name = "any_of"
    Params = AnyOfParams
