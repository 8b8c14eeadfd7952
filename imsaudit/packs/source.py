"""Positions of YAML nodes, so every problem names ``file:line:col``.

ruamel.yaml's round-trip loader keeps the line and column of every key and item; a
``SourceMap`` walks a path such as ``("clauses", 3, "requirements", 0, "checks", 1,
"kind")`` through that tree and returns where it is written.

The round-trip loader is pure Python and eight times slower than the C loader that
reads the packs (1.3 s against 0.17 s for the bundled ones), and positions are only
needed when something is wrong; so a map made from the file's text parses it
round-trip on the first question, not before.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from functools import cached_property
from typing import Any

Path = Sequence[str | int]


class SourceMap:
    """Where each node of one loaded YAML file was written.

    Give ``root`` (a round-trip tree) or ``text`` (parsed round-trip when first asked).
    """

    def __init__(self, path: str, root: Any = None, *, text: str | None = None) -> None:
        self.path = path
        self._given = root
        self._text = text

    @cached_property
    def root(self) -> Any:
        if self._given is not None or self._text is None:
            return self._given
        from ruamel.yaml import YAML
        from ruamel.yaml.error import YAMLError

        try:
            with warnings.catch_warnings():  # a reused anchor warns; the later one wins
                warnings.simplefilter("ignore")
                return YAML(typ="rt").load(self._text)
        except (YAMLError, RecursionError):  # the C loader accepted it: no positions rather than a crash
            return None

    def position(self, loc: Path) -> tuple[int, int]:
        """1-based (line, col) of the deepest node of ``loc`` that exists in the file.

        Path elements that are not in the tree (a pydantic union tag such as
        ``"present"``, or a missing key) are skipped, so a missing field points at the
        mapping that lacks it.
        """
        node = self.root
        line, col = _start(node)
        for key in loc:
            lc = getattr(node, "lc", None)
            if lc is None:
                break
            if isinstance(node, dict) and key in node:
                line, col = lc.key(key)
                node = node[key]
            elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
                line, col = lc.item(key)
                node = node[key]
        return line + 1, col + 1


def _start(node: Any) -> tuple[int, int]:
    lc = getattr(node, "lc", None)
    if lc is None or lc.line is None:
        return 0, 0
    return lc.line, lc.col
