"""What every check type shares: the parameter base model and the registry.

A check type is one module in this package holding a pydantic parameter model
(``extra="forbid"``, frozen, with a ``type`` literal naming it) and a class registered
under that name. Packs name check types in YAML; the loader validates them in two
steps: the ``type`` is looked up (unknown names get "did you mean"), then the
parameters are validated by that type's model, with ``file:line:col`` on every error.
The parameter model's ``describe`` says in plain words what the check asks for ("Quality
policy, approved within the last 12 months"): the checklist and the starter kit show it,
and a test requires every type to say it in its own words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Set
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Protocol

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

from imsaudit.core.registry import Registry
from imsaudit.core.results import CheckResult, EvidenceRef
from imsaudit.core.types import Outcome

if TYPE_CHECKING:
    from imsaudit.checks._derived import Derived
    from imsaudit.checks._matcher import PhraseMatcher
    from imsaudit.evidence.model import Document, EvidenceIndex
    from imsaudit.packs.model import EvidenceKind


def _as_tuple(value: Any) -> Any:
    """Let YAML say ``kind: x`` for one item and ``kind: [x, y]`` for several."""
    if isinstance(value, str):
        return (value,)
    return value


def _one_or_many(item: dict[str, Any]) -> WithJsonSchema:
    """JSON Schema for "one item or a non-empty list of items", as ``_as_tuple`` accepts."""
    return WithJsonSchema({"anyOf": [item, {"type": "array", "items": item, "minItems": 1}]})


KIND_ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

KindId = Annotated[str, Field(pattern=KIND_ID_PATTERN)]
"""An evidence kind id: lower-case words joined by hyphens (``management-review-record``)."""

KindIds = Annotated[
    tuple[KindId, ...],
    BeforeValidator(_as_tuple),
    Field(min_length=1),
    _one_or_many({"type": "string", "pattern": KIND_ID_PATTERN}),
]
"""One or more kind ids; a document of any of them is evidence for the check."""

Column = Annotated[
    tuple[Annotated[str, Field(min_length=1)], ...],
    BeforeValidator(_as_tuple),
    Field(min_length=1),
    _one_or_many({"type": "string", "minLength": 1}),
]
"""A register column, named by the header texts it may carry (case and spacing ignored).
``[root cause, cause, cause analysis]`` matches any of those headers."""

Phrases = Annotated[
    tuple[Annotated[str, Field(min_length=2)], ...],
    BeforeValidator(_as_tuple),
    Field(min_length=1),
    _one_or_many({"type": "string", "minLength": 2}),
]
"""Phrases of which any one is enough (matched case-insensitively on word boundaries)."""


DATE_ALIASES = (
    "date",
    "meeting date",
    "review date",
    "reviewed on",
    "last reviewed",
    "approved on",
    "approval date",
    "date raised",
    "raised on",
    "completed",
    "completion date",
    "last updated",
    "updated",
    "period",
    "month",
)
"""Headers of a date column when a check names none (the starter kit's registers use them too)."""


class CheckParams(BaseModel):
    """Base of every check type's parameters; ``type`` names the check type."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: str

    def kind_refs(self) -> tuple[str, ...]:
        """Evidence kinds this check reads, so pack validation can find dangling ids."""
        return ()

    def children(self) -> tuple[CheckParams, ...]:
        """Nested checks (composites); leaves have none."""
        return ()

    def phrases(self) -> tuple[str, ...]:
        """Phrases this check (not its children) looks for in document text."""
        return ()

    def walk(self) -> Iterator[CheckParams]:
        """This check and every nested one, depth first."""
        yield self
        for child in self.children():
            yield from child.walk()

    def describe(self, titles: Mapping[str, str] | None = None) -> str:
        """What the check asks for, in plain words: "Quality policy, approved within the last 12 months".

        For people setting a system up (``imsaudit checklist``, the starter kit) rather than
        for an audit's message: it says what evidence would pass, not what was found.
        ``titles`` maps kind ids to their titles; unknown ids are shown as they are. Every
        check type overrides this; the fallback only names the type.
        """
        return f"The {self.type} check passes"


def kinds_text(kinds: Iterable[str], titles: Mapping[str, str] | None) -> str:
    """``Quality policy`` or ``Quality policy or Quality manual``: kind ids as their titles."""
    names = titles or {}
    return " or ".join(names.get(kind, kind) for kind in kinds)


def listed(items: Iterable[str], conjunction: str = "and") -> str:
    """``a, b and c`` (``describe`` wording; checks' messages use ``_evidence.listing``)."""
    shown = list(items)
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + f" {conjunction} {shown[-1]}"


def part_text(check: CheckParams, titles: Mapping[str, str] | None) -> str:
    """A nested check's description, in brackets when it is itself a composite (no ambiguity)."""
    text = check.describe(titles)
    return f"({text})" if check.children() else text


def months_text(months: int) -> str:
    """``12 months``; ``1 month``."""
    return f"{months} month{'s' if months != 1 else ''}"


class KindCheckParams(CheckParams):
    """Parameters of checks that judge the documents of one or more evidence kinds."""

    kind: KindIds = Field(description="Evidence kind(s) whose documents the check reads.")

    def kind_refs(self) -> tuple[str, ...]:
        return self.kind

    def what(self, titles: Mapping[str, str] | None) -> str:
        """The kinds this check reads, by title, to start a description with."""
        return kinds_text(self.kind, titles)


PHRASES = "phrases"
"""The reading ``held`` names when the phrase matcher's reading of a document is preloaded."""
TABLES = "tables"
"""The reading ``held`` names when a document's tables are kept (``Derived.keep``): a check
reading them through ``EvalContext.derived`` gets what the state holds, the rest put back."""


class CheckType:
    """Base of check-type classes. Subclasses set ``name`` and ``Params`` and ``evaluate``.

    The first line of a subclass docstring is its one-line summary in ``docs/checks.md``.

    Honesty rules every ``evaluate`` keeps: no evidence is never ``met``; a template is
    never a record (``EvidenceIndex.documents_of`` leaves templates out); evidence that
    exists but cannot be judged (a scanned page without text, an unreadable file) is
    ``needs_review``, never ``met`` or ``not_met`` from an empty read.
    """

    name: ClassVar[str]
    Params: ClassVar[type[CheckParams]]
    tables_suffice: ClassVar[bool] = False
    """Whether a document's tables (with its register fields) are all this type reads of it.

    A register check says so, and reads them through ``EvalContext.derived``: a re-audit
    then gives it an unchanged register as kept (``Derived.keep``, ``TABLES``), which
    puts back the rows it reads and the state does not hold, and nothing else. Tested
    like ``needs_text``.
    """

    @classmethod
    def needs_text(
        cls, params: CheckParams, document: Document, held: Set[str], kinds: Mapping[str, EvidenceKind]
    ) -> bool:
        """Whether judging ``document`` with ``params`` needs more of it than its register fields.

        The register fields are what a re-audit keeps of an unchanged document (path,
        hash, metadata, template markers, readability: ``findings.incremental``), with
        the readings the previous audit made of it that ``held`` names (``PHRASES``: what
        the phrase matcher found; ``fresh`` names its own). A check type that needs less
        than the whole text says so here, and a re-audit then spares reading the
        document again. Tested for every check type on every bundled pack's leaves.
        """
        return not (cls.tables_suffice and TABLES in held)

    @classmethod
    def evaluate(cls, params: CheckParams, ctx: EvalContext) -> CheckResult:
        """Judge the evidence: outcome, cited evidence and one actionable sentence."""
        raise NotImplementedError(f"check type {cls.name!r} cannot evaluate yet")


CHECK_TYPES: Registry[type[CheckType]] = Registry("check type")


def register(cls: type[CheckType]) -> type[CheckType]:
    """Class decorator: register a check type under its ``name``."""
    return CHECK_TYPES.register(cls.name)(cls)


# --------------------------------------------------------------------------- evaluation


def _derived() -> Derived:
    """A fresh ``Derived`` (imported here: it builds on ``_evidence``, which imports this module)."""
    from imsaudit.checks._derived import Derived

    return Derived()


class ResultMemo(Protocol):
    """Where ``run_check`` looks a leaf's result up before judging it (``CheckMemo``)."""

    def get(self, params: CheckParams) -> CheckResult | None: ...

    def put(self, params: CheckParams, result: CheckResult) -> None: ...


@dataclass(frozen=True)
class EvalContext:
    """Everything a check may read: the evidence index, the audit date, the kinds, the matcher.

    The audit date is passed in (``--as-of``), never read from the clock here: the same
    evidence and settings give the same verdicts on any day. ``derived`` holds what
    checks read from the evidence (register cells, column lookups, document dates),
    computed once for the whole evaluation rather than once per check.
    """

    index: EvidenceIndex
    as_of: date
    kinds: Mapping[str, EvidenceKind]
    matcher: PhraseMatcher
    derived: Derived = field(default_factory=_derived, repr=False, compare=False)
    memo: ResultMemo | None = field(default=None, repr=False, compare=False)
    """Leaf results of a previous audit on the same evidence (``findings.incremental``)."""

    def kind_title(self, kind: str) -> str:
        """The kind's title for messages ("Quality policy"), or its id when unknown."""
        found = self.kinds.get(kind)
        return found.title if found else kind


def run_check(params: CheckParams, ctx: EvalContext) -> CheckResult:
    """Evaluate one check (of any type) against the evidence.

    A leaf is looked up in ``ctx.memo`` first; composites are always combined again
    from their children (cheap, and each child is looked up on its own).
    """
    memo = ctx.memo
    if memo is None or params.children():
        return CHECK_TYPES.get(params.type).evaluate(params, ctx)
    found = memo.get(params)
    if found is None:
        found = CHECK_TYPES.get(params.type).evaluate(params, ctx)
        memo.put(params, found)
    return found


def check_phrases(checks: Iterable[CheckParams]) -> set[str]:
    """Every phrase any of ``checks`` (nested included) may look for, for the shared matcher."""
    phrases: set[str] = set()
    for check in checks:
        for node in check.walk():
            phrases.update(node.phrases())
    return phrases


def composite(
    name: str,
    children: list[CheckResult],
    combine: Callable[[list[Outcome]], Outcome],
    note: str = "",
    *,
    winners_only: bool = False,
    noun: str = "checks",
) -> CheckResult:
    """A composite check's result: combined outcome, children kept, evidence merged in order.

    With ``winners_only`` (``any_of``, ``at_least``), a met result describes and cites only
    the nested checks that were met: the alternatives it did not need are not its
    evidence, and quoting them ("No management review record was found", a template
    cited) beside a met verdict misleads. They stay in ``children`` (``explain`` shows
    them) and what they read stays in ``looked_at``. A result that is not met keeps every
    nested check: each is part of the gap.
    """
    outcome = combine([c.outcome for c in children])
    shown = children
    if winners_only and outcome is Outcome.MET:
        shown = [c for c in children if c.outcome is Outcome.MET]
    evidence: dict[tuple[str, str], EvidenceRef] = {}
    for child in shown:
        for ref in child.evidence:
            evidence.setdefault((ref.path, ref.locator), ref)
    looked = sorted({p for c in children for p in c.looked_at})
    if len(shown) < len(children):
        detail = f" ({note})" if note else ""
        lead = f"{len(shown)} of {len(children)} {noun} met{detail}"
    else:
        counts = ", ".join(f"{n} {o.value}" for o in Outcome if (n := sum(c.outcome is o for c in children)))
        lead = f"{len(children)} {noun} ({counts}{f'; {note}' if note else ''})"
    return CheckResult(
        type=name,
        outcome=outcome,
        message=f"{lead}: " + " ".join(c.message for c in shown),
        evidence=tuple(evidence.values()),
        looked_at=tuple(looked),
        children=tuple(children),
    )
