"""Check type ``linked``: references in one register resolve to ids in another.

Target ids are the filled cells of ``target_column`` in real documents of
``target_kind`` (compared by words, case and leading zeros ignored: ``NC-03`` is
``nc 3``). When most target ids hold a digit (codes such as ``IA-2026-03``), a source
cell refers to them only through id-like tokens: cells without any (``customer
complaint``) are not references and are skipped, and a cell may list several ids
(``IA-01; IA-02``), each one reference. When target ids are names (suppliers,
people), every filled source cell is a reference compared as a whole; a recorded
"nothing" (``None``, ``N/A``) is an answer, not a reference, in either case. A reference
resolves when its whole value or one of its id tokens is a target id. ``met`` at
``min_share``; ``partly_met`` when some resolve; ``not_met`` when none; no reference
at all is ``needs_review``; no target document is ``not_met``. Unresolved references
with an unreadable document involved are ``needs_review``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from collections.abc import Set as AbstractSet
from typing import Any, Literal, cast

from pydantic import Field

from imsaudit.checks._derived import READINGS, Derived, Reading
from imsaudit.checks._evidence import (
    Row,
    cite_header,
    gather,
    header_name,
    id_key,
    id_tokens,
    listing_first,
    lower_first,
    no_table,
    paths,
    plural,
    reference_parts,
    register_place,
    register_subject,
    sentence,
    titles,
    unreadable,
    unreadable_note,
)
from imsaudit.checks._matcher import tokens
from imsaudit.checks.base import (
    CheckParams,
    CheckType,
    Column,
    EvalContext,
    KindCheckParams,
    KindIds,
    kinds_text,
    register,
)
from imsaudit.core.results import CheckResult, EvidenceRef
from imsaudit.core.types import Outcome
from imsaudit.evidence.model import Document, Table


class LinkedParams(KindCheckParams):
    type: Literal["linked"]
    column: Column = Field(description="Header(s) of the referring column in the source register.")
    target_kind: KindIds = Field(description="Kind(s) of the register the references point to.")
    target_column: Column = Field(description="Header(s) of the id column in the target register.")
    min_share: float = Field(
        1.0, gt=0, le=1, description="Share of filled references that must resolve (1.0 = all)."
    )

    def kind_refs(self) -> tuple[str, ...]:
        return self.kind + self.target_kind

    def describe(self, titles: Mapping[str, str] | None = None) -> str:
        target = kinds_text(self.target_kind, titles)
        entry = f"an entry of the {target} (its {self.target_column[0]!r} column)"
        column = repr(self.column[0])
        if self.min_share >= 1:
            return f"{self.what(titles)}: every {column} value refers to {entry}"
        return f"{self.what(titles)}: at least {self.min_share:.0%} of the {column} values refer to {entry}"


@register
class Linked(CheckType):
    """Rows of one register refer to items that exist in another (e.g. NC log source -> audit id).

    Traceability between records is what lets an auditor follow a finding from the
    audit report to its corrective action and back; broken references are named row by row.
    """

    name = "linked"
    Params = LinkedParams
    tables_suffice = True

    @classmethod
    def evaluate(cls, params: CheckParams, ctx: EvalContext) -> CheckResult:
        assert isinstance(params, LinkedParams)
        g = gather(cls.name, ctx, params.kind)
        if g.missing:
            return g.missing
        target = gather(cls.name, ctx, params.target_kind)
        looked = tuple(d.path for d in g.documents + target.documents)
        target_title = titles(ctx, params.target_kind)
        if target.missing:
            message = (
                f"no {target_title} was found, so the references in {paths(g.documents)} cannot be followed"
            )
            if target.templates:
                message += f" (only a template: {paths(target.templates)})"
            return _result(cls.name, Outcome.NOT_MET, message, target.missing.evidence, looked)
        sources = _with_column(cls.name, ctx.derived, g.documents, params.column)
        if isinstance(sources, CheckResult):
            return sources
        targets = _with_column(cls.name, ctx.derived, target.documents, params.target_column)
        if isinstance(targets, CheckResult):
            return targets
        if not sources[0]:
            return _no_column(cls.name, sources[1], params.column, looked)
        if not targets[0]:
            return _no_column(cls.name, targets[1], params.target_column, looked)
        ids, with_digits = _target_ids(ctx.derived, targets[0])
        if not ids:
            places = register_place([(d, t) for d, t, _ in targets[0]])
            message = f"the id column of {places} is empty, so no reference can be followed"
            evidence = tuple(cite_header(d, t) for d, t, _ in targets[0])
            return _result(cls.name, Outcome.NOT_MET, message, evidence, looked)
        by_digits = with_digits * 2 >= len(ids)
        judged = _References(ctx.derived, sources[0], ids, by_digits=by_digits)
        _, partial = unreadable(g.documents + target.documents)
        target_name = f"the {lower_first(target_title)}"
        return judged.result(cls.name, params.min_share, target_name, target.documents, partial, looked)


_ID_HEADER_WORDS = frozenset({"id", "no", "nr", "ref", "number", "ncr", "code"})
_NAMED = 3
_CITED = 20
_MET_CITED = 3

Located = list[tuple[Document, Table, int]]


def _with_column(
    check: str, derived: Derived, documents: tuple[Document, ...], aliases: tuple[str, ...]
) -> tuple[Located, list[tuple[Document, Table]]] | CheckResult:
    """The tables holding the column (and all header tables), or ``needs_review`` when none has a header."""
    tables = derived.header_tables(documents)
    if not tables:
        return no_table(check, documents, "follow the references by hand")
    found = [(d, t, c) for d, t in tables if (c := derived.table(d, t).find(aliases)) is not None]
    return found, tables


def _no_column(
    check: str, tables: list[tuple[Document, Table]], aliases: tuple[str, ...], looked: tuple[str, ...]
) -> CheckResult:
    message = (
        f"{register_subject(tables)} no {aliases[0]!r} column (headers looked for: {', '.join(aliases)})"
    )
    return _result(check, Outcome.NOT_MET, message, tuple(cite_header(d, t) for d, t in tables), looked)


def _result(
    check: str, outcome: Outcome, message: str, evidence: tuple[EvidenceRef, ...], looked: tuple[str, ...]
) -> CheckResult:
    return CheckResult(
        type=check, outcome=outcome, message=sentence(message), evidence=evidence, looked_at=looked
    )


def _targets_in(
    derived: Derived, document: Document, table: Table, column: int
) -> tuple[frozenset[str], frozenset[str]]:
    """(the normalized ids in ``column`` of a target register, those of them holding a digit).

    Read once per table and column (``derived``): several linked checks follow references
    into the same register.
    """
    data = derived.table(document, table)

    def read() -> tuple[frozenset[str], frozenset[str]]:
        cells = data.column(column)
        keys: set[str] = set()
        for value, text, filled, nil in zip(cells.cells, cells.texts, cells.filled, cells.nil, strict=True):
            if not filled or nil:
                continue  # "None" or "N/A" is an answer, not an id
            keys.add(id_key(text))
            keys.update(id_key(part) for part in reference_parts(value))
        keys.discard("")
        return frozenset(keys), frozenset(k for k in keys if any(ch.isdigit() for ch in k))

    return derived.memo(data, ("linked targets", column), read)


def _encode_targets(value: tuple[frozenset[str], frozenset[str]]) -> list[list[str]]:
    return [sorted(value[0]), sorted(value[1])]


def _decode_targets(value: list[list[str]]) -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(value[0]), frozenset(value[1])


READINGS["linked targets"] = Reading(_encode_targets, _decode_targets)
"""A re-audit's state keeps the ids of a register it keeps without rows (``Derived.keep``)."""


def _target_ids(derived: Derived, targets: Located) -> tuple[set[str], int]:
    """(every id the target register holds, normalized; how many of them hold a digit)."""
    ids: set[str] = set()
    digits: set[str] = set()
    for document, table, column in targets:
        keys, with_digits = _targets_in(derived, document, table, column)
        ids |= keys
        digits |= with_digits
    return ids, len(digits)


_Reference = tuple[str, bool, Collection[str]]
"""One reference a cell lists: (as written, whether it holds id-like tokens, its keys)."""


def _references_in(
    derived: Derived, document: Document, table: Table, column: int
) -> list[tuple[int, str, list[_Reference]]]:
    """(row position, cell text, the references it lists) for each row of a source register that refers.

    A cell that records "nothing" (``None``, ``N/A``) is an answer, not a reference, and is
    left out. Read once per table and column (``derived``).
    """
    data = derived.table(document, table)

    def read() -> list[tuple[int, str, list[_Reference]]]:
        cells = data.column(column)
        found: list[tuple[int, str, list[_Reference]]] = []
        for position, (value, text, filled, nil) in enumerate(
            zip(cells.cells, cells.texts, cells.filled, cells.nil, strict=True)
        ):
            if not filled or nil:
                continue
            parts: list[_Reference] = []
            for part in reference_parts(value):
                words = id_tokens(part)
                parts.append((part, bool(words), frozenset({id_key(part)} | {id_key(w) for w in words})))
            found.append((position, text, parts))
        return found

    return derived.memo(data, ("linked references", column), read)


def _encode_references(value: list[tuple[int, str, list[_Reference]]]) -> list[Any]:
    return [
        [position, text, [[p, has_id, sorted(keys)] for p, has_id, keys in parts]]
        for position, text, parts in value
    ]


def _decode_references(value: list[Any]) -> list[tuple[int, str, list[_Reference]]]:
    # As JSON gives them: lists unpack as the tuples do, and ``isdisjoint`` takes a list
    # of keys as it takes a set. Making 100,000 tuples and sets cost more than the rest.
    return cast(list[tuple[int, str, list[_Reference]]], value)


READINGS["linked references"] = Reading(_encode_references, _decode_references)
"""And the references of a source register, so that following them needs no rows."""


def _row_id_column(table: Table, reference: int) -> int | None:
    """The leftmost column that names rows (``NC id``, ``No.``), other than the reference column."""
    for index, header in enumerate(table.header):
        if index != reference and set(tokens(header)) & _ID_HEADER_WORDS:
            return index
    return None


class _References:
    """The references of the source rows, each resolved or not against the target ids.

    Counted, with only the rows a message names or cites kept: a register of thousands
    of references costs a check a pass over shared readings, not thousands of records.
    """

    def __init__(self, derived: Derived, sources: Located, ids: AbstractSet[str], *, by_digits: bool) -> None:
        self.resolved = 0
        self.resolved_rows: list[Row] = []
        """The first rows whose reference resolves (cited when met)."""
        self.unresolved = 0
        self.broken: list[tuple[str, str, Row]] = []
        """(row label, reference, row) of the first unresolved references (named and cited)."""
        self.skipped = 0
        self.first_skipped = ""
        self.header = header_name(sources[0][1], sources[0][2])
        self.places = register_place([(d, t) for d, t, _ in sources])
        with_path = len({d.path for d, _, _ in sources}) > 1
        for document, table, column in sources:
            id_column = _row_id_column(table, column)
            data = derived.table(document, table)
            for position, text, parts in _references_in(derived, document, table, column):
                found = False
                for part, has_id, keys in parts:
                    if by_digits and not has_id:
                        continue  # free text ("customer complaint"), not a reference to an id
                    found = True
                    if not ids.isdisjoint(keys):
                        self.resolved += 1
                        if len(self.resolved_rows) < _MET_CITED:
                            self.resolved_rows.append(data.row(position))
                    else:
                        self.unresolved += 1
                        if len(self.broken) < _CITED:
                            row = data.row(position)
                            self.broken.append((row.label(id_column, with_path=with_path), part, row))
                if not found:
                    self.skipped += 1
                    if self.skipped == 1:
                        self.first_skipped = text

    def result(
        self,
        check: str,
        min_share: float,
        target: str,
        targets: tuple[Document, ...],
        partial: list[Document],
        looked: tuple[str, ...],
    ) -> CheckResult:
        total = self.resolved + self.unresolved
        skipped = ""
        if self.skipped:
            count = self.skipped
            skipped = (
                f"{plural(count, 'row')} whose {self.header!r} holds no id (such as {self.first_skipped!r}) "
                f"{'was' if count == 1 else 'were'} skipped"
            )
        if not total:
            message = (
                f"no row of {self.places} refers to an id of {target} ({paths(targets)}) "
                f"in its {self.header!r} column"
            )
            message += f"; {skipped}" if skipped else ""
            message += "; an auditor must check whether the records should be linked"
            return _result(check, Outcome.NEEDS_REVIEW, message, (), looked)
        share = self.resolved / total
        message = (
            f"{self.resolved} of {plural(total, 'reference')} in the {self.header!r} column of "
            f"{self.places} ({share:.0%}; {min_share:.0%} needed) resolve to {target} ({paths(targets)})"
        )
        broken = [f"{label} refers to {part!r}" for label, part, _ in self.broken[: _NAMED + 1]]
        if self.unresolved == 1:
            message += f"; {broken[0]}, which is not in {target}"
        elif self.unresolved:
            message += f"; {listing_first(broken, self.unresolved, _NAMED)}, none of which is in {target}"
        if skipped:
            message += f"; {skipped}"
        if share >= min_share:
            outcome = Outcome.MET
            evidence = tuple(row.cite() for row in self.resolved_rows)
        else:
            outcome = Outcome.PARTLY_MET if self.resolved else Outcome.NOT_MET
            evidence = tuple(row.cite() for *_, row in self.broken)
            if partial:
                # The missing ids may be in a register the machine could not read.
                outcome = Outcome.NEEDS_REVIEW
                message += f"; {unreadable_note(partial)}, so an auditor must check it"
        return _result(check, outcome, message, evidence, looked)
