"""Check type ``fresh``."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from imsaudit.checks.base import CheckType, KindCheckParams, register


class FreshParams(KindCheckParams):
    type: Literal["fresh"]
    max_age_months: int = Field(
        12, ge=1, le=120, description="Newest approval or record date must be this recent."
    )
    honor_review_due: bool = Field(
        True, description="A document whose declared next review date has passed is stale."
    )


@register
class Fresh(CheckType):
    """The newest document or record of the kind is dated within ``max_age_months`` of the audit date.

    A policy approved four years ago and never reviewed, or a management review whose
    last record is from two years back, is stale: the requirement is not being kept up.
    A document with no date at all cannot be judged and is ``needs_review``.
    """

    name = "fresh"
    Params = FreshParams
