"""Check type ``sections``."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from imsaudit.checks.base import CheckType, KindCheckParams, Phrases, register


class SectionsParams(KindCheckParams):
    type: Literal["sections"]
    sections: dict[str, Phrases] = Field(
        min_length=1,
        description="Required section -> heading phrases that name it (any one is enough).",
    )


@register
class Sections(CheckType):
    """The document has a heading for each required section (e.g. scope, responsibilities, records).

    Headings come from DOCX heading styles, Markdown/HTML headings and PDF outline or
    numbered lines; a missing section is named in the message.
    """

    name = "sections"
    Params = SectionsParams
