"""One phrase matcher for every phrase of every check, run once per document.

Phrases are matched on words, not characters: text and phrases are lower-cased and
cut into alphanumeric tokens, so ``ISO/IEC JTC 1`` matches the phrase ``iso/iec jtc 1``,
``rand`` never matches inside ``brand``, and ``improvement`` is still found inside
``continual improvement``. Each document's tokens are walked once, looking up the
phrases that start with each token: adding requirements adds dictionary entries, not
passes over the text (the issue's "one compiled matcher per pack").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from imsaudit.evidence.model import Document, TextUnit, UnitRole

_TOKEN = re.compile(r"[0-9a-zà-öø-ÿœ]+")


def tokens(text: str) -> tuple[str, ...]:
    """Lower-cased alphanumeric words of ``text`` (accented Latin letters kept)."""
    return tuple(_TOKEN.findall(text.lower()))


def normalize(text: str) -> str:
    """A phrase or header as compared: its tokens joined by single spaces."""
    return " ".join(tokens(text))


@dataclass(frozen=True)
class Hit:
    """The first place a phrase occurs in a document."""

    unit: int
    """Index in ``Document.units``."""
    text: str
    locator: str
    role: UnitRole


@dataclass
class PhraseMatcher:
    """Finds which of a fixed set of phrases occur in a document, and where first."""

    phrases: frozenset[str]
    _by_first: dict[str, list[tuple[str, ...]]] = field(init=False, repr=False)
    _cache: dict[tuple[str, str], tuple[dict[str, Hit], dict[str, Hit]]] = field(
        init=False, repr=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        self._by_first = {}
        for phrase in sorted(self.phrases):
            words = tokens(phrase)
            if words:
                self._by_first.setdefault(words[0], []).append(words)

    @classmethod
    def of(cls, phrases: Iterable[str]) -> PhraseMatcher:
        return cls(frozenset(normalize(p) for p in phrases if normalize(p)))

    def _scanned(self, document: Document) -> tuple[dict[str, Hit], dict[str, Hit]]:
        key = (document.path, document.sha256)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._scan(document.units)
            self._cache[key] = cached
        return cached

    def hits(self, document: Document) -> dict[str, Hit]:
        """Normalized phrase -> first hit anywhere, for every known phrase in the document."""
        return self._scanned(document)[0]

    def heading_hits(self, document: Document) -> dict[str, Hit]:
        """Normalized phrase -> first hit in a heading."""
        return self._scanned(document)[1]

    def _scan(self, units: tuple[TextUnit, ...]) -> tuple[dict[str, Hit], dict[str, Hit]]:
        anywhere: dict[str, Hit] = {}
        in_heading: dict[str, Hit] = {}
        for index, unit in enumerate(units):
            heading = unit.role is UnitRole.HEADING
            words = tokens(unit.text)
            for position, word in enumerate(words):
                for candidate in self._by_first.get(word, ()):
                    phrase = " ".join(candidate)
                    if phrase in anywhere and (not heading or phrase in in_heading):
                        continue
                    if words[position : position + len(candidate)] == candidate:
                        hit = Hit(index, unit.text, unit.locator, unit.role)
                        anywhere.setdefault(phrase, hit)
                        if heading:
                            in_heading.setdefault(phrase, hit)
        return anywhere, in_heading

    def find(self, document: Document, phrases: Iterable[str], *, headings: bool = False) -> Hit | None:
        """The earliest hit of any of ``phrases`` (in headings only when asked), or None."""
        hits = self.heading_hits(document) if headings else self.hits(document)
        found = [hits[n] for n in (normalize(p) for p in phrases) if n in hits]
        return min(found, key=lambda h: h.unit) if found else None
