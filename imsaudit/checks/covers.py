"""Check type ``covers``: the text addresses each topic (any of its phrases, on word boundaries).

The document covering most topics is judged (ties: a fully read one, then the one most
firmly of the kind: declared or mapped first, then the higher recognition score; then path);
evidence is one reference per covered topic, at the first hit. A hit in text that was
read counts even if other pages were not; a shortfall while some document could not
be fully read is ``needs_review``, since the missing words may be on the unread pages.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator

from imsaudit.checks._evidence import PhraseWording, judge_phrase_groups
from imsaudit.checks.base import (
    PHRASES,
    CheckParams,
    CheckType,
    EvalContext,
    KindCheckParams,
    Phrases,
    listed,
    register,
)
from imsaudit.core.results import CheckResult
from imsaudit.evidence.model import Document

if TYPE_CHECKING:
    from imsaudit.packs.model import EvidenceKind


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

    def phrases(self) -> tuple[str, ...]:
        return tuple(phrase for group in self.topics.values() for phrase in group)

    def describe(self, titles: Mapping[str, str] | None = None) -> str:
        topics = list(self.topics)
        if self.min_topics is None or self.min_topics >= len(topics):
            return f"{self.what(titles)} addresses {listed(topics)}"
        return f"{self.what(titles)} addresses at least {self.min_topics} of: {listed(topics, 'or')}"


_WORDING = PhraseWording("topic", "addresses", "does not address")


@register
class Covers(CheckType):
    """The document's text addresses the listed topics (each topic a set of equivalent phrases).

    Finding the words is not finding the practice: ``covers`` can say a policy *mentions*
    commitment to continual improvement, never that the commitment is lived. Packs pair
    it with record checks for that.
    """

    name = "covers"
    Params = CoversParams

    @classmethod
    def needs_text(
        cls, params: CheckParams, document: Document, held: Set[str], kinds: Mapping[str, EvidenceKind]
    ) -> bool:
        return PHRASES not in held  # the matcher's reading is all it reads of the text

    @classmethod
    def evaluate(cls, params: CheckParams, ctx: EvalContext) -> CheckResult:
        assert isinstance(params, CoversParams)
        return judge_phrase_groups(
            cls.name,
            ctx,
            params.kind,
            params.topics,
            params.min_topics or len(params.topics),
            headings=False,
            wording=_WORDING,
        )
