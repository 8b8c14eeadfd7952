"""What every check type shares: the parameter base model and the registry.

A check type is one module in this package holding a pydantic parameter model
(``extra="forbid"``, frozen, with a ``type`` literal naming it) and a class registered
under that name. Packs name check types in YAML; the loader validates them in two
steps: the ``type`` is looked up (unknown names get "did you mean"), then the
parameters are validated by that type's model, with ``file:line:col`` on every error.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

from imsaudit.core.registry import Registry


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

    def walk(self) -> Iterator[CheckParams]:
        """This check and every nested one, depth first."""
        yield self
        for child in self.children():
            yield from child.walk()


class KindCheckParams(CheckParams):
    """Parameters of checks that judge the documents of one or more evidence kinds."""

    kind: KindIds = Field(description="Evidence kind(s) whose documents the check reads.")

    def kind_refs(self) -> tuple[str, ...]:
        return self.kind


class CheckType:
    """Base of check-type classes. Subclasses set ``name`` and ``Params``.

    The first line of a subclass docstring is its one-line summary in ``docs/checks.md``.
    """

    name: ClassVar[str]
    Params: ClassVar[type[CheckParams]]


CHECK_TYPES: Registry[type[CheckType]] = Registry("check type")


def register(cls: type[CheckType]) -> type[CheckType]:
    """Class decorator: register a check type under its ``name``."""
    return CHECK_TYPES.register(cls.name)(cls)
