"""The Harmonized Structure crosswalk: which clause of each pack sits on each HS clause.

Every pack clause names its HS anchor, so an organization running ISO 9001 and ISO 56001
together sees, for HS 9.2 "Internal audit", 9001's 9.2 next to 56001's 9.2.1 and 9.2.2:
one internal audit programme can serve both.
"""

from __future__ import annotations

from collections.abc import Iterable

from imsaudit.packs.hs import HS_CLAUSES
from imsaudit.packs.model import Pack, clause_sort_key


def crosswalk(packs: Iterable[Pack]) -> dict[str, dict[str, list[str]]]:
    """HS clause -> pack id -> clause numbers on it, in HS order; empty HS clauses omitted."""
    table: dict[str, dict[str, list[str]]] = {hs: {} for hs in HS_CLAUSES}
    for pack in sorted(packs, key=lambda p: p.id):
        for clause in pack.clauses:
            table[clause.hs].setdefault(pack.id, []).append(clause.number)
    for row in table.values():
        for numbers in row.values():
            numbers.sort(key=clause_sort_key)
    return {hs: row for hs, row in table.items() if row}
