"""Check type ``present``."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from imsaudit.checks.base import CheckType, KindCheckParams, register


class PresentParams(KindCheckParams):
    type: Literal["present"]
    min_count: int = Field(1, ge=1, description="How many distinct documents are needed.")


@register
class Present(CheckType):
    """At least ``min_count`` real documents of the kind exist (templates do not count).

    The weakest evidence: a policy that exists says nothing about its content, so packs
    combine ``present`` with ``covers``, ``metadata`` or ``fresh``.
    """

    name = "present"
    Params = PresentParams
