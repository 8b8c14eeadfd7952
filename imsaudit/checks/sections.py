"""Check type ``sections``: a heading names each required section.

Judged like ``covers`` (same rules for ties and unreadable text), but phrases count
only in heading units: a word in body text is not a section.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from typing import TYPE_CHECKING, Literal

from pydantic import Field

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


class SectionsParams(KindCheckParams):
    type: Literal["sections"]
    sections: dict[str, Phrases] = Field(
        min_length=1,
        description="Required section -> heading phrases that name it (any one is enough).",
    )

    def phrases(self) -> tuple[str, ...]:
        return tuple(phrase for group in self.sections.values() for phrase in group)

    def describe(self, titles: Mapping[str, str] | None = None) -> str:
        return f"{self.what(titles)} has a section (a heading) for {listed(self.sections)}"


_WORDING = PhraseWording("section", "has headings for", "has no heading for")


@register
class Sections(CheckType):
    """The document has a heading for each required section (e.g. scope, responsibilities, records).

    Headings come from DOCX heading styles, Markdown/HTML headings and PDF outline or
    numbered lines; a missing section is named in the message.
    """

    name = "sections"
    Params = SectionsParams

    @classmethod
    def needs_text(
        cls, params: CheckParams, document: Document, held: Set[str], kinds: Mapping[str, EvidenceKind]
    ) -> bool:
        return PHRASES not in held  # the matcher's reading is all it reads of the text

    @classmethod
    def evaluate(cls, params: CheckParams, ctx: EvalContext) -> CheckResult:
        assert isinstance(params, SectionsParams)
        return judge_phrase_groups(
            cls.name,
            ctx,
            params.kind,
            params.sections,
            len(params.sections),
            headings=True,
            wording=_WORDING,
        )
