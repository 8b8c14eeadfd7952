"""Check type ``covers``."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from imsaudit.checks.base import CheckType, KindCheckParams, Phrases, register


class CoversParams(KindCheckParams):
    type: Literal["covers"]
    topics: dict[str, Phrases] = Field(
        min_length=1,
        description="Topic name -> phrases; a topic is covered when any of its phrases occurs.",
    )
    min_topics: int | None = Field(
        None, ge=1, description="How many topics must be covered; default: all of them."
    )

    @model_validator(mode="after")
    def _min_topics_fits(self) -> CoversParams:
        if self.min_topics is not None and self.min_topics > len(self.topics):
            raise ValueError(f"min_topics is {self.min_topics} but only {len(self.topics)} topics are listed")
        return self


@register
class Covers(CheckType):
    """The document's text addresses the listed topics (each topic a set of equivalent phrases).

    Finding the words is not finding the practice: ``covers`` can say a policy *mentions*
    commitment to continual improvement, never that the commitment is lived. Packs pair
    it with record checks for that.
    """

    name = "covers"
    Params = CoversParams
