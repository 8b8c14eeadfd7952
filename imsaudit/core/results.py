"""What a check concludes and the evidence it cites: the audit trail's smallest pieces.

They live in ``core`` because both the rules engine (which makes them) and the
renderers (which show them) need them, and renderers never import the checks.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from imsaudit.core.types import Outcome

EXCERPT_LIMIT = 200
"""An excerpt quotes at most this many characters of the evidence."""


def excerpt(text: str, limit: int = EXCERPT_LIMIT) -> str:
    """Collapse white space and cut at ``limit`` characters (with an ellipsis)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class EvidenceRef(BaseModel):
    """Where an auditor can see what the check saw: file, hash, place, quote."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    path: str
    """Relative POSIX path in the evidence folder."""
    sha256: str
    locator: str
    """``page 3``, ``line 12``, ``sheet Objectives row 4``, ``section "Scope"``; ``document``: the file."""
    excerpt: Annotated[str, Field(max_length=EXCERPT_LIMIT)] = ""


class CheckResult(BaseModel):
    """The outcome of one check (composites keep their children, for ``explain``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: str
    outcome: Outcome
    message: str
    """One sentence a person can act on, with the specifics."""
    evidence: tuple[EvidenceRef, ...] = ()
    looked_at: tuple[str, ...] = ()
    """Paths of every document the check considered, cited or not."""
    children: tuple[CheckResult, ...] = ()
