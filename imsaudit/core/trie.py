"""One regular expression for many literal strings, shaped as a trie.

Both phrase matchers (recognition in ``evidence/classify.py``, the checks' in
``checks/_matcher.py``) search a document once for all their phrases: a plain
alternation tries every phrase at every position, a trie matches shared prefixes once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_regex(words: Iterable[str]) -> str:
    """The pattern (not compiled) matching any of ``words``, the longest at a position.

    Where a word ends and a longer one continues, the continuation is optional and
    greedy, so at one position the longest word is matched.
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)
