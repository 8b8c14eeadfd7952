"""Walking parsed YAML/JSON: scalars to ``key: value`` units, lists of records to tables.

A YAML or JSON file in an evidence folder is a register or a configuration export: a
list of mappings is a table (the union of keys is the header), top-level scalars (and
those under ``metadata``/``document``) are document properties. A node budget and a
depth limit bound the walk, so an alias bomb cannot expand.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from imsaudit.core.trees import expanded_size
from imsaudit.evidence.extract._builder import ResultBuilder
from imsaudit.evidence.model import Cell

logger = logging.getLogger(__name__)

LineOf = Callable[[Any, Any, int], int]
"""(container, key or index, fallback line) -> 1-based line of that entry."""

_META_KEYS = ("metadata", "meta", "document", "document_control", "document-control")
CELL_VALUES = 1000
"""A nested value in a table cell is shown as compact JSON only up to this many values."""


def scalar(value: Any) -> Cell:
    """A YAML/JSON scalar as a cell (nested values as compact JSON)."""
    if value is None:
        return None
    if isinstance(value, bool):  # plain types: ruamel hands out subclasses (ScalarFloat...)
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return str(value).strip() or None
    if isinstance(value, datetime | date):
        return value
    if isinstance(value, dict | list | tuple):
        # json.dumps would expand every alias of a YAML bomb before the cut at 500.
        if (expanded_size(value, CELL_VALUES) or CELL_VALUES + 1) > CELL_VALUES:
            return f"({type(value).__name__} of more than {CELL_VALUES} values)"
        try:
            return json.dumps(value, default=str, ensure_ascii=False)[:500]
        except (TypeError, ValueError, RecursionError):
            return str(type(value).__name__)
    return str(value)


class TreeWalker:
    """Emits units, tables and properties for one parsed YAML/JSON document."""

    def __init__(self, builder: ResultBuilder, line_of: LineOf, source: str, max_depth: int) -> None:
        self.builder = builder
        self.line_of = line_of
        self.source = source
        self.max_depth = max_depth
        self.budget = builder.context.limits.max_units * 2
        self.tables = 0
        self.warned = False
        self.once: set[int] | None = None
        """When set, containers already walked (by identity): a YAML alias is read once."""

    def check_aliases(self, documents: list[Any]) -> None:
        """Read each aliased part once when aliases would expand the tree past the budget.

        A YAML "billion laughs" (nine aliases of nine aliases...) is 10^9 values to a
        naive walk; read once, it is the few dozen values actually written.
        """
        size = expanded_size(documents, self.budget)
        if size is None:
            self.builder.warn(
                "YAML aliases refer to themselves (a recursive tree): each anchored part read once"
            )
        elif size > self.budget:
            self.builder.warn(
                f"YAML aliases expand to more than {self.budget:,} values (an alias bomb?):"
                " each anchored part read once"
            )
        else:
            return
        self.once = set()

    def properties(self, root: Any) -> None:
        """Top-level scalars (and those of a ``metadata`` block) become properties."""
        if not isinstance(root, dict):
            return
        blocks = [root] + [root[k] for k in _META_KEYS if isinstance(root.get(k), dict)]
        for block in blocks:
            for key, value in block.items():
                if isinstance(value, list) and all(not isinstance(v, dict | list) for v in value):
                    value = ", ".join(str(v) for v in value)
                if isinstance(value, dict | list) or value is None:
                    continue
                line = self.line_of(block, key, 0)
                text = value.isoformat() if isinstance(value, date) else str(value)
                where = f"{self.source} line {line}" if line else self.source
                self.builder.prop(str(key), text, where)

    def walk(self, node: Any, name: str, line: int, depth: int) -> None:
        """Depth-first over the tree; ``name`` is the key that holds ``node``."""
        self.budget -= 1
        if self.budget < 0 or self.builder.full:
            return
        if depth > self.max_depth:
            if not self.warned:
                self.warned = True
                self.builder.warn(f"nested deeper than {self.max_depth} levels: deeper parts not read")
            return
        if self.once is not None and isinstance(node, dict | list):
            if id(node) in self.once:
                return
            self.once.add(id(node))
        if isinstance(node, dict):
            for key, value in node.items():
                at = self.line_of(node, key, line)
                if isinstance(value, dict | list):
                    self.builder.text(f"{key}:", f"line {at}")
                    self.walk(value, str(key), at, depth + 1)
                else:
                    self.builder.text(f"{key}: {_text(value)}", f"line {at}")
        elif isinstance(node, list):
            lines: list[int] = []
            for index, item in enumerate(node):
                at = self.line_of(node, index, line)
                lines.append(at)
                if isinstance(item, dict | list):
                    self.walk(item, name, at, depth + 1)
                else:
                    self.builder.text(f"- {_text(item)}", f"line {at}")
            if node and all(isinstance(item, dict) for item in node):
                self.table(node, name, line, lines)
        elif node is not None:
            self.builder.text(_text(node), f"line {line}" if line else None)

    def table(self, items: list[Any], name: str, line: int, lines: list[int]) -> None:
        limit = self.builder.context.limits.max_rows
        header: list[str] = []
        for item in items[:limit]:
            for key in item:
                if str(key) not in header:
                    header.append(str(key))
        rows: list[list[Cell]] = [list(header)]
        locators = [f"line {line}" if line else "start"]
        for item, at in zip(items[:limit], lines, strict=False):
            values = {str(k): v for k, v in item.items()}
            rows.append([scalar(values.get(h)) for h in header])
            locators.append(f"line {at}")
        self.tables += 1
        self.builder.table(
            name or f"table {self.tables}",
            locators[0],
            rows,
            locators,
            header_index=0,
            truncated=len(items) > limit,
            emit_units=False,
        )


def _text(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)
