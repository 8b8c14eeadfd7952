"""Semantic validation across files: what pydantic cannot see from one mapping.

Shape errors (missing fields, wrong types, unknown check types) are found while loading.
Here: duplicate ids, parents that do not exist, leaves without requirements, requirement
ids that do not match their clause, ``hs`` anchors that are not HS clauses, dangling,
self, tree and cyclic ``depends_on`` edges, evidence kinds that no file defines, and row
checks aimed at kinds that have no rows. Every problem carries its YAML position.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from imsaudit.checks.base import CheckParams
from imsaudit.core.errors import Problem
from imsaudit.core.suggest import did_you_mean
from imsaudit.graph.build import find_cycles
from imsaudit.packs.hs import HS_CLAUSES
from imsaudit.packs.load import Library, LoadedCatalog, LoadedPack
from imsaudit.packs.model import EvidenceKind, Pack, clause_digits, clause_sort_key
from imsaudit.packs.source import SourceMap

ROW_CHECKS = frozenset({"records", "coverage", "linked"})
"""Check types that read register rows: their kinds must be ``tabular``."""


def _at(source: SourceMap, loc: Sequence[str | int], message: str) -> Problem:
    line, col = source.position(loc)
    return Problem(source.path, line, col, message)


def walk_checks(
    checks: Sequence[CheckParams], loc: tuple[str | int, ...]
) -> Iterator[tuple[CheckParams, tuple[str | int, ...]]]:
    """Every check, nested ones included, with its path in the YAML."""
    for index, check in enumerate(checks):
        here = (*loc, index)
        yield check, here
        yield from walk_checks(check.children(), (*here, "checks"))


def _collect_kinds(
    packs: Sequence[LoadedPack], catalogs: Sequence[LoadedCatalog]
) -> tuple[dict[str, EvidenceKind], dict[str, str], list[Problem]]:
    kinds: dict[str, EvidenceKind] = {}
    origin: dict[str, str] = {}
    problems: list[Problem] = []
    owners: list[tuple[str, tuple[EvidenceKind, ...], SourceMap]] = [
        (c.catalog.catalog, c.catalog.evidence_kinds, c.source) for c in catalogs
    ] + [(p.pack.id, p.pack.evidence_kinds, p.source) for p in packs]
    for owner, owned, source in owners:
        for index, kind in enumerate(owned):
            if kind.id in kinds:
                problems.append(
                    _at(
                        source,
                        ("evidence_kinds", index, "id"),
                        f"evidence kind {kind.id!r} is already defined in {origin[kind.id]!r}",
                    )
                )
                continue
            kinds[kind.id] = kind
            origin[kind.id] = owner
    return kinds, origin, problems


def _clause_problems(pack: Pack, source: SourceMap) -> list[Problem]:
    problems: list[Problem] = []
    numbers: dict[str, int] = {}
    for index, clause in enumerate(pack.clauses):
        if clause.number in numbers:
            problems.append(
                _at(source, ("clauses", index, "number"), f"clause {clause.number!r} is defined twice")
            )
        else:
            numbers[clause.number] = index
    children = {c.parent for c in pack.clauses if c.parent}
    prefix = pack.pack.requirement_prefix
    for index, clause in enumerate(pack.clauses):
        here = ("clauses", index)
        if clause.parent and clause.parent not in numbers:
            problems.append(
                _at(
                    source,
                    (*here, "number"),
                    f"clause {clause.number!r} has no parent clause {clause.parent!r}",
                )
            )
        if clause.hs not in HS_CLAUSES:
            problems.append(
                _at(
                    source,
                    (*here, "hs"),
                    f"hs {clause.hs!r} is not a Harmonized Structure clause"
                    f"{did_you_mean(clause.hs, HS_CLAUSES)}",
                )
            )
        if clause.number not in children and not clause.requirements:
            problems.append(
                _at(
                    source,
                    (*here, "number"),
                    f"clause {clause.number!r} has no subclauses and no requirements",
                )
            )
        expected = f"{prefix}-{clause_digits(clause.number)}-"
        for r_index, requirement in enumerate(clause.requirements):
            if not requirement.id.startswith(expected):
                problems.append(
                    _at(
                        source,
                        (*here, "requirements", r_index, "id"),
                        f"requirement id {requirement.id!r} should start with {expected!r}",
                    )
                )
    return problems


def _edge_problems(pack: Pack, source: SourceMap) -> list[Problem]:
    problems: list[Problem] = []
    numbers = set(pack.clause_map)
    edges: list[tuple[str, str]] = []
    for index, clause in enumerate(pack.clauses):
        seen: set[str] = set()
        for d_index, dep in enumerate(clause.depends_on):
            loc = ("clauses", index, "depends_on", d_index, "clause")
            target = dep.clause
            if target not in numbers:
                problems.append(
                    _at(source, loc, f"depends on unknown clause {target!r}{did_you_mean(target, numbers)}")
                )
            elif target == clause.number:
                problems.append(_at(source, loc, f"clause {target!r} depends on itself"))
            elif clause.number.startswith(target + ".") or target.startswith(clause.number + "."):
                problems.append(
                    _at(
                        source,
                        loc,
                        f"clause {clause.number!r} depends on {target!r}, its own ancestor or descendant",
                    )
                )
            elif target in seen:
                problems.append(_at(source, loc, f"dependency on {target!r} is listed twice"))
            else:
                edges.append((target, clause.number))
            seen.add(target)
    for cycle in find_cycles(edges):
        first = pack.clause_map[cycle[1]]
        index = pack.clauses.index(first)
        d_index = next(i for i, d in enumerate(first.depends_on) if d.clause == cycle[0])
        problems.append(
            _at(
                source,
                ("clauses", index, "depends_on", d_index, "clause"),
                "dependency cycle: " + " -> ".join(cycle),
            )
        )
    return problems


def _check_problems(pack: Pack, source: SourceMap, kinds: dict[str, EvidenceKind]) -> list[Problem]:
    problems: list[Problem] = []
    for c_index, clause in enumerate(pack.clauses):
        for r_index, requirement in enumerate(clause.requirements):
            base = ("clauses", c_index, "requirements", r_index, "checks")
            for check, loc in walk_checks(requirement.check_params, base):
                for ref in check.kind_refs():
                    if ref not in kinds:
                        key = "target_kind" if ref not in getattr(check, "kind", ()) else "kind"
                        problems.append(
                            _at(
                                source,
                                (*loc, key),
                                f"unknown evidence kind {ref!r}{did_you_mean(ref, kinds)}",
                            )
                        )
                    elif check.type in ROW_CHECKS and not kinds[ref].tabular:
                        problems.append(
                            _at(
                                source,
                                (*loc, "kind"),
                                f"check {check.type!r} reads register rows, but kind {ref!r} is not tabular",
                            )
                        )
    return problems


def validate_library(
    packs: Sequence[LoadedPack], catalogs: Sequence[LoadedCatalog]
) -> tuple[Library, list[Problem]]:
    """Cross-file validation; returns the library (valid or not) and every problem found."""
    kinds, origin, problems = _collect_kinds(packs, catalogs)
    pack_ids: dict[str, SourceMap] = {}
    requirement_ids: dict[str, str] = {}
    for loaded in packs:
        pack, source = loaded.pack, loaded.source
        if pack.id in pack_ids:
            problems.append(
                _at(source, ("pack", "id"), f"pack {pack.id!r} is also loaded from {pack_ids[pack.id].path}")
            )
            continue
        pack_ids[pack.id] = source
        problems += _clause_problems(pack, source)
        problems += _edge_problems(pack, source)
        problems += _check_problems(pack, source, kinds)
        for c_index, clause in enumerate(pack.clauses):
            for r_index, requirement in enumerate(clause.requirements):
                if requirement.id in requirement_ids:
                    problems.append(
                        _at(
                            source,
                            ("clauses", c_index, "requirements", r_index, "id"),
                            f"requirement id {requirement.id!r} is already used in "
                            f"{requirement_ids[requirement.id]}",
                        )
                    )
                else:
                    requirement_ids[requirement.id] = f"{pack.id} clause {clause.number}"
    library = Library(
        packs={
            p.pack.id: p.pack
            for p in sorted(packs, key=lambda p: p.pack.id)
            if pack_ids.get(p.pack.id) is p.source
        },
        kinds=dict(sorted(kinds.items())),
        kind_origin=origin,
    )
    return library, problems


def sorted_clauses(pack: Pack) -> list[str]:
    """Clause numbers of a pack in document order (4, 4.1, ..., 10.3)."""
    return sorted(pack.clause_map, key=clause_sort_key)
