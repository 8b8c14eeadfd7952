"""The pack model: the shared vocabulary between the YAML files and every later stage.

The shape stays close to the framework libraries open GRC tools exchange (CISO
Assistant: ``ref_id``, ``urn``, parent, ``assessable``, ``typical_evidence``,
``questions``) so an exporter is a small adapter; what they lack is ours: prerequisite
edges (``depends_on``), the Harmonized Structure anchor (``hs``), maintain/retain,
numbering confidence and machine checks.

Models are frozen: a loaded pack is a value, shared safely by every stage.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from imsaudit.checks import CheckSpec
from imsaudit.checks.base import KIND_ID_PATTERN, CheckParams
from imsaudit.core.types import Confidence, DocumentedInformation, Severity, TitleSource

CLAUSE_NUMBER_PATTERN = r"^([A-Z]{2,4}-)?[1-9][0-9]?(\.[1-9][0-9]?)*$"
"""``"4"``, ``"8.3.2"``, ``"7.1.5.1"``; a pack of its own areas may prefix them (``"SI-3.1"``)."""

PACK_ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Text = Annotated[str, Field(min_length=1)]
Sentence = Annotated[str, Field(min_length=10)]
ClauseNumber = Annotated[str, Field(pattern=CLAUSE_NUMBER_PATTERN)]


class _Strict(BaseModel):
    """Base: unknown keys are errors (a typo must not silently drop a rule), values frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def clause_sort_key(number: str) -> tuple[str, tuple[int, ...]]:
    """Sort ``"10.1"`` after ``"9.3"`` and ``"7.1.5.2"`` after ``"7.1.5"``."""
    prefix, _, digits = number.rpartition("-")
    return prefix, tuple(int(part) for part in digits.split("."))


def clause_digits(number: str) -> str:
    """``"SI-3.1"`` -> ``"3.1"``: the numeric part that requirement ids repeat."""
    return number.rpartition("-")[2]


def parent_number(number: str) -> str | None:
    """``"8.3.2"`` -> ``"8.3"``; a top-level number has no parent."""
    prefix, dash, digits = number.rpartition("-")
    if "." not in digits:
        return None
    return f"{prefix}{dash}{digits.rsplit('.', 1)[0]}"


# --------------------------------------------------------------------------- pack header


class PackInfo(_Strict):
    """Who the pack is for and where its content comes from."""

    id: Annotated[str, Field(pattern=PACK_ID_PATTERN)]
    title: Text
    standard: Text = Field(description="The standard followed, e.g. 'ISO 9001:2015'.")
    edition: Text = Field(description="Edition and amendments the pack reflects.")
    version: Annotated[str, Field(pattern=r"^\d+\.\d+\.\d+$")]
    languages: tuple[Annotated[str, Field(pattern=r"^[a-z]{2}$")], ...] = ("en",)
    requirement_prefix: Annotated[str, Field(pattern=r"^[A-Z]{2,5}$")] = Field(
        description="Prefix of every requirement id in the pack (QMS, IMS, STD)."
    )
    description: Sentence
    paraphrase_note: Sentence = Field(
        description="States that requirement texts are our paraphrases, not the standard's text."
    )


# --------------------------------------------------------------------------- evidence kinds


class Recognition(_Strict):
    """How the scanner recognizes a document of a kind, and how sure it must be.

    Scores (docs/pack-format.md): a file-name pattern 3, a title pattern 4, a heading
    pattern 2 (each list scores once), each phrase its weight (once), each register
    column found 1. Phrases count at most ``min_score - 1`` when all are in one part (a
    section, else a page) of a document of several, or in the cells of a document that
    is all tables; a register kind's, at most half ``min_score`` when each first occurs in
    a table row. The kind is assigned at ``min_score``; a ``kind:`` declared in the
    document or an ``organization.yaml`` mapping assigns it outright.
    """

    filename: tuple[Text, ...] = Field((), description="Regexes searched in the file name, case-insensitive.")
    title: tuple[Text, ...] = Field((), description="Regexes searched in the document title.")
    headings: tuple[Text, ...] = Field((), description="Regexes searched in any heading.")
    phrases: dict[Annotated[str, Field(min_length=3)], Annotated[int, Field(ge=1, le=5)]] = Field(
        default_factory=dict, description="Phrase -> weight, matched case-insensitively."
    )
    columns: tuple[Text, ...] = Field(
        (), description="Header texts that a register of this kind typically has."
    )
    min_score: Annotated[int, Field(ge=1, le=20)] = 4

    @field_validator("filename", "title", "headings")
    @classmethod
    def _compiles(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from None
        return patterns


class EvidenceKind(_Strict):
    """A named kind of document or record (``internal-audit-programme``).

    A kind is defined once (in ``clauses/common-kinds.yaml`` when several packs use it)
    and referenced by id from checks; which clauses use it is derived from those checks.
    """

    id: Annotated[str, Field(pattern=KIND_ID_PATTERN)]
    title: Text
    description: Sentence
    documented_information: DocumentedInformation = Field(
        description="maintain: a controlled document; retain: a record."
    )
    tabular: bool = Field(
        False, description="A register: its rows are the records (logs, registers, programmes)."
    )
    recognize: Recognition


# --------------------------------------------------------------------------- clauses


class Dependency(_Strict):
    """A prerequisite: this clause cannot work until ``clause`` is in place."""

    clause: ClauseNumber
    reason: Sentence


class Guidance(_Strict):
    """What an auditor looks for, and how an organization closes the gap."""

    look_for: Sentence
    close_gap: Sentence


class Requirement(_Strict):
    """One auditable requirement, in our own words, with the checks that judge it."""

    id: Annotated[str, Field(pattern=r"^[A-Z]{2,5}-[0-9.]+-[0-9]{2}$")] = Field(
        description="<requirement_prefix>-<clause digits>-<NN>, e.g. QMS-9.2-02 or SI-3.1-01."
    )
    text: Sentence = Field(description="Our paraphrase; never the standard's sentence.")
    severity: Severity
    documented_information: DocumentedInformation
    checks: list[CheckSpec] = Field(min_length=1)
    guidance: Guidance
    questions: tuple[Sentence, ...] = Field(min_length=1)
    owner: Text | None = Field(None, description="Who usually closes the gap (roadmap hint).")

    @property
    def check_params(self) -> tuple[CheckParams, ...]:
        """The checks, typed as the base params class."""
        return tuple(self.checks)

    def kind_refs(self) -> tuple[str, ...]:
        """Every evidence kind any check of this requirement reads, sorted, no repeats."""
        return tuple(sorted({k for check in self.check_params for p in check.walk() for k in p.kind_refs()}))


class Clause(_Strict):
    """A clause or subclause of the standard; requirements hang on the leaves."""

    number: ClauseNumber
    title: Text
    title_source: TitleSource = TitleSource.STANDARD
    confidence: Confidence = Field(
        Confidence.HIGH, description="How sure the number and title are (reference legend H/M/L)."
    )
    hs: ClauseNumber = Field(description="The Harmonized Structure clause this one sits on.")
    summary: Sentence
    owner: Text | None = None
    depends_on: tuple[Dependency, ...] = ()
    requirements: tuple[Requirement, ...] = ()

    @property
    def parent(self) -> str | None:
        return parent_number(self.number)

    @property
    def assessable(self) -> bool:
        """CISO Assistant's term: a clause that carries requirements of its own."""
        return bool(self.requirements)


class Pack(_Strict):
    """One requirement pack (one YAML file under ``clauses/``)."""

    pack: PackInfo
    evidence_kinds: tuple[EvidenceKind, ...] = ()
    clauses: tuple[Clause, ...] = Field(min_length=1)

    @property
    def id(self) -> str:
        return self.pack.id

    @cached_property
    def clause_map(self) -> dict[str, Clause]:
        return {c.number: c for c in self.clauses}

    @property
    def requirements(self) -> tuple[Requirement, ...]:
        return tuple(r for c in self.clauses for r in c.requirements)

    def kinds_used(self) -> tuple[str, ...]:
        """Every evidence kind the pack's checks read, sorted."""
        return tuple(sorted({k for r in self.requirements for k in r.kind_refs()}))

    def children(self, number: str) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if c.parent == number)


class KindCatalog(_Strict):
    """A file of evidence kinds shared by several packs (``clauses/common-kinds.yaml``)."""

    catalog: Annotated[str, Field(pattern=PACK_ID_PATTERN)]
    description: Sentence
    evidence_kinds: tuple[EvidenceKind, ...] = Field(min_length=1)


def as_plain(value: Any) -> Any:
    """Copy ruamel's commented containers and scalar subclasses into plain Python values."""
    if isinstance(value, dict):
        return {as_plain(k): as_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    for plain in (str, int, float):
        if isinstance(value, plain):
            return plain(value)
    return value


def pack_json_schema() -> dict[str, Any]:
    """JSON Schema of a pack file, for editors (``# yaml-language-server: $schema=...``)."""
    schema = Pack.model_json_schema(mode="validation")
    schema["$id"] = "https://imsaudit.invalid/schemas/pack.schema.json"
    schema["title"] = "imsaudit requirement pack"
    return schema
