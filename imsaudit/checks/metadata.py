"""Check type ``metadata``: document-control fields filled with real values.

Each real document is judged; the one with most fields filled speaks for the kind
(ties: a fully read one, then the one most firmly of the kind, then path order). A
value the scanner rejected (``TBD``, ``<Name>``, a date that does not parse) is named
in the message ("approved by is 'TBD'"). All fields filled: ``met``; some:
``partly_met``; none: ``not_met``. When the best document is not ``met`` and a document
of the kind could not be fully read, the missing fields may be on the unread page:
``needs_review``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Set
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from imsaudit.checks._evidence import (
    cite,
    described,
    gather,
    listing,
    sentence,
    unreadable,
    unreadable_note,
)
from imsaudit.checks.base import CheckParams, CheckType, EvalContext, KindCheckParams, listed, register
from imsaudit.core.results import CheckResult, EvidenceRef
from imsaudit.core.types import MetadataField, Outcome
from imsaudit.evidence.model import Document

if TYPE_CHECKING:
    from imsaudit.packs.model import EvidenceKind


class MetadataParams(KindCheckParams):
    type: Literal["metadata"]
    fields: tuple[MetadataField, ...] = Field(
        min_length=1, description="Document-control fields that must be filled with real values."
    )

    def describe(self, titles: Mapping[str, str] | None = None) -> str:
        fields = listed(FIELD_LABELS[f] for f in dict.fromkeys(self.fields))
        return f"{self.what(titles)}, with {fields} filled in (no placeholders)"


FIELD_LABELS = {
    MetadataField.TITLE: "title",
    MetadataField.DOC_ID: "document id",
    MetadataField.VERSION: "version",
    MetadataField.OWNER: "owner",
    MetadataField.APPROVED_BY: "approved by",
    MetadataField.APPROVED_ON: "approval date",
    MetadataField.REVIEW_DUE: "review due date",
    MetadataField.STATUS: "status",
}
"""How messages name each field."""

_REJECTED = re.compile(
    r"^(?P<value>'.*'|\".*\") at (?P<source>.+) is (?P<why>a placeholder|not a date)$", re.DOTALL
)


@dataclass(frozen=True)
class _Judged:
    """One document's fields: filled (value, source), rejected (value, source, why), missing."""

    document: Document
    filled: dict[MetadataField, tuple[str, str]]
    rejected: dict[MetadataField, tuple[str, str, str]]
    missing: list[MetadataField]


def _judge(document: Document, fields: tuple[MetadataField, ...]) -> _Judged:
    filled: dict[MetadataField, tuple[str, str]] = {}
    rejected: dict[MetadataField, tuple[str, str, str]] = {}
    missing: list[MetadataField] = []
    metadata = document.metadata
    for field in fields:
        value = metadata.get(field.value)
        if value is not None and str(value).strip():
            shown = value.isoformat() if isinstance(value, date) else str(value)
            filled[field] = (shown, metadata.sources.get(field.value, "document"))
        elif field.value in metadata.rejected:
            raw = metadata.rejected[field.value]
            match = _REJECTED.match(raw)
            if match:
                rejected[field] = (match["value"], match["source"], match["why"])
            else:
                rejected[field] = (raw, "document", "not usable")
        else:
            missing.append(field)
    return _Judged(document, filled, rejected, missing)


@register
class Metadata(CheckType):
    """The document carries the named document-control fields, filled and not placeholders.

    Controlled documents (ISO 9001 7.5.2/7.5.3) are identified, versioned and approved;
    a field that says ``TBD`` or ``<name>`` is reported as missing, naming the value.
    """

    name = "metadata"
    Params = MetadataParams

    @classmethod
    def needs_text(
        cls, params: CheckParams, document: Document, held: Set[str], kinds: Mapping[str, EvidenceKind]
    ) -> bool:
        return False  # the metadata fields and readability only

    @classmethod
    def evaluate(cls, params: CheckParams, ctx: EvalContext) -> CheckResult:
        assert isinstance(params, MetadataParams)
        g = gather(cls.name, ctx, params.kind)
        if g.missing:
            return g.missing
        fields = tuple(dict.fromkeys(params.fields))
        judged = [_judge(d, fields) for d in g.ranked]
        best = max(judged, key=lambda j: (len(j.filled), j.document.text_complete))
        _, partial = unreadable(g.documents)
        what = described(ctx, best.document, params.kind)
        evidence = _evidence(best) or (cite(best.document),)
        looked = tuple(d.path for d in g.documents)
        others = f" (the best of {len(g.documents)} documents)" if len(g.documents) > 1 else ""
        filled = [
            f"{FIELD_LABELS[f]} {v!r}" if f is not MetadataField.APPROVED_ON else f"{FIELD_LABELS[f]} {v}"
            for f, (v, _) in best.filled.items()
        ]
        if not best.rejected and not best.missing:
            return CheckResult(
                type=cls.name,
                outcome=Outcome.MET,
                message=sentence(f"{what} has {listing(filled)}{others}"),
                evidence=evidence,
                looked_at=looked,
            )
        problems = [
            f"{FIELD_LABELS[f]} is {value}" + (" (not a date)" if why == "not a date" else "")
            for f, (value, _, why) in best.rejected.items()
        ]
        if best.missing:
            names = listing([FIELD_LABELS[f] for f in best.missing])
            problems.append(f"{names} {'is' if len(best.missing) == 1 else 'are'} missing")
        message = f"in {what}{others}, {'; '.join(problems)}"
        if filled:
            message += f" ({listing(filled)} filled)"
        if partial and (best.missing or not best.filled):
            # The missing fields may be on a page the machine could not read.
            message += f"; but {unreadable_note(partial)}, so an auditor must look for them"
            outcome = Outcome.NEEDS_REVIEW
            evidence += tuple(cite(d) for d in partial if d is not best.document)
        elif best.filled:
            outcome = Outcome.PARTLY_MET
        else:
            outcome = Outcome.NOT_MET
        return CheckResult(
            type=cls.name,
            outcome=outcome,
            message=sentence(message),
            evidence=evidence,
            looked_at=looked,
        )


def _evidence(judged: _Judged) -> tuple[EvidenceRef, ...]:
    """The place each filled or rejected field was read, quoting it."""
    refs = [
        cite(judged.document, source, f"{FIELD_LABELS[f]}: {value}")
        for f, (value, source) in judged.filled.items()
    ]
    refs += [
        cite(judged.document, source, f"{FIELD_LABELS[f]}: {value}")
        for f, (value, source, _) in judged.rejected.items()
    ]
    return tuple(refs)
