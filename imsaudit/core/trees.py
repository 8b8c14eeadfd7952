"""How big and how deep a YAML tree is, measured without expanding its aliases.

YAML anchors and aliases let a 300-byte file describe 10^9 values ("billion laughs":
each level is nine aliases of the one before), and an alias inside its own anchor
makes a tree that never ends. A parser shares the aliased objects, so the loaded tree
is small; anything that walks it naively (copying it to plain values, validating it,
serializing it) expands it. ``expanded_size`` counts the values a walk would meet,
memoized by object identity, in time linear in the *shared* tree.
"""

from __future__ import annotations

import re
from typing import Any

_FLOW = re.compile(r"[\[\]{}]")


class _Recursive(Exception):
    pass


def expanded_size(value: Any, limit: int) -> int | None:
    """Values (containers, keys and scalars) a full walk of ``value`` would visit; None if recursive.

    Counting stops once it passes ``limit`` (the result is then ``limit + 1``), so a bomb
    costs no more than ``limit`` steps per shared container. A tree nested deeper than the
    interpreter's recursion limit raises ``RecursionError``, like every other walk of it.
    """
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(node: Any) -> int:
        if isinstance(node, dict):
            children: Any = (v for pair in node.items() for v in pair)
        elif isinstance(node, list | tuple | set):
            children = iter(node)
        else:
            return 1
        key = id(node)
        known = sizes.get(key)
        if known is not None:
            return known
        if key in active:
            raise _Recursive
        active.add(key)
        total = 1
        for child in children:
            total += size(child)
            if total > limit:
                total = limit + 1
                break
        active.discard(key)
        sizes[key] = total
        return total

    try:
        return size(value)
    except _Recursive:
        return None


def flow_depth(text: str, stop: int) -> int:
    """The deepest nesting of ``[`` and ``{`` in YAML or JSON ``text``, counted up to just past ``stop``.

    A pure-Python YAML scanner is quadratic in flow depth (``[[[[...`` 1 500 deep takes
    4 s), so a reader checks this first. Brackets inside quoted strings count too: that
    can only over-count, and only for text with dozens of unclosed brackets in strings.
    """
    depth = deepest = 0
    for match in _FLOW.finditer(text):
        if match.group() in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > stop:
                    break
        elif depth:
            depth -= 1
    return deepest
