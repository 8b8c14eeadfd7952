"""Check type ``no_placeholders``."""

from __future__ import annotations

from typing import Literal

from imsaudit.checks.base import CheckType, KindCheckParams, register


class NoPlaceholdersParams(KindCheckParams):
    type: Literal["no_placeholders"]


@register
class NoPlaceholders(CheckType):
    """The document has no template leftovers (``<Company Name>``, ``[insert ...]``, ``TBD``, lorem ipsum).

    A procedure copied from a template and never finished is not the organization's
    procedure; each leftover is cited with its locator.
    """

    name = "no_placeholders"
    Params = NoPlaceholdersParams
