"""Check type ``metadata``."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from imsaudit.checks.base import CheckType, KindCheckParams, register
from imsaudit.core.types import MetadataField


class MetadataParams(KindCheckParams):
    type: Literal["metadata"]
    fields: tuple[MetadataField, ...] = Field(
        min_length=1, description="Document-control fields that must be filled with real values."
    )


@register
class Metadata(CheckType):
    """The document carries the named document-control fields, filled and not placeholders.

    Controlled documents (ISO 9001 7.5.2/7.5.3) are identified, versioned and approved;
    a field that says ``TBD`` or ``<name>`` is reported as missing, naming the value.
    """

    name = "metadata"
    Params = MetadataParams
