"""One phrase matcher for every phrase of every check, run once per document.

Phrases are matched on words, not characters: text and phrases are lower-cased and
cut into alphanumeric tokens, so ``ISO/IEC JTC 1`` matches the phrase ``iso/iec jtc 1``,
``rand`` never matches inside ``brand``, and ``improvement`` is still found inside
``continual improvement``.

Each document is read once, however many checks ask about it: every token is replaced
by a short code (a token no phrase uses by a space; units are separated by newlines),
and all phrases, coded the same way, are compiled into one trie-shaped regular
expression searched over that coded text in a single pass. A code's first character comes from an
alphabet of its own, so a match can only start at a token, and a match is a run of
whole tokens inside one unit by construction: no word-boundary checks. Adding
requirements adds branches to the one pattern, not passes over the text (the issue's
"one compiled matcher per pack"). The pattern is a look-ahead tried at every position,
so overlapping phrases ("management review", "review minutes") are all found; of the
phrases starting at one token it reports the longest, and the shorter ones (its
prefixes) are credited from a precomputed table. Where a phrase first occurs is then one
``str.find`` of its code in the coded text, mapped back to its unit.

Codes are base 16 (three characters for up to 4,096 distinct words) rather than one
character per word because the regex engine tries a trie node's branches one by one:
with one character per word the first branch point had a thousand alternatives and
the search was ten times slower.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import repeat

from imsaudit.core.trie import trie_regex
from imsaudit.evidence.model import Document, UnitRole

_TOKEN = re.compile(r"[0-9a-zà-öø-ÿœ]+")
_TOKEN_OR_BREAK = re.compile(r"[0-9a-zà-öø-ÿœ]+|\n")


def tokens(text: str) -> tuple[str, ...]:
    """Lower-cased alphanumeric words of ``text`` (accented Latin letters kept)."""
    return tuple(_TOKEN.findall(text.lower()))


def normalize(text: str) -> str:
    """A phrase or header as compared: its tokens joined by single spaces."""
    return " ".join(tokens(text))


def first_token(text: str) -> str:
    """The first of ``tokens(text)`` ('' when there is none), without cutting up the rest."""
    match = _TOKEN.search(text.lower())
    return match.group() if match else ""


@dataclass(frozen=True)
class Hit:
    """The first place a phrase occurs in a document."""

    unit: int
    """Index in ``Document.units``."""
    text: str
    locator: str
    role: UnitRole


_OTHER = " "
"""The code of every token no phrase uses: it matches nothing, so phrases cannot skip it."""
_UNIT_END = "\n"
"""Separates the units' coded texts: no phrase spans two units."""
_BASE = 16
_LEAD = 0x100
"""First characters of codes: U+0100 to U+010F, above Latin-1, clear of space and newline."""
_TRAIL = _LEAD + _BASE
"""Other characters of codes: U+0110 to U+011F."""


def _coding(vocabulary: Sequence[str]) -> dict[str, str]:
    """Word -> its code: as many base-16 digits as the vocabulary needs, the first a lead digit."""
    width = 1
    while _BASE**width < len(vocabulary):
        width += 1
    codes: dict[str, str] = {}
    for number, word in enumerate(vocabulary):
        digits: list[int] = []
        for _ in range(width):
            number, digit = divmod(number, _BASE)
            digits.append(digit)
        lead, *rest = reversed(digits)
        codes[word] = chr(_LEAD + lead) + "".join(chr(_TRAIL + digit) for digit in rest)
    return codes


@dataclass
class PhraseMatcher:
    """Finds which of a fixed set of phrases occur in a document, and where first."""

    phrases: frozenset[str]
    _codes: dict[str, str] = field(init=False, repr=False)
    """Token -> its code, for every token of every phrase."""
    _codes_and_break: dict[str, str] = field(init=False, repr=False)
    """``_codes``, and the newline between units kept as it is."""
    _phrase_of: dict[str, str] = field(init=False, repr=False)
    """Coded phrase -> the phrase (normalized)."""
    _prefixes: dict[str, tuple[str, ...]] = field(init=False, repr=False)
    """Coded phrase -> the coded phrases that are its proper prefixes (whole tokens)."""
    _pattern: re.Pattern[str] | None = field(init=False, repr=False)
    _keys: dict[str, str] = field(init=False, repr=False, default_factory=dict)
    """Phrase as a check writes it -> normalized: checks ask with the same phrases again and again."""
    _cache: dict[tuple[str, str], tuple[dict[str, int], dict[str, int]]] = field(
        init=False, repr=False, default_factory=dict
    )
    """(path, sha256) -> (phrase -> first unit holding it, phrase -> first heading holding it).

    Unit indexes, not ``Hit`` objects: a check needs the hit of one phrase of a group, and
    thousands of unused hits per document would only weigh on memory and the collector.
    """
    _hits: dict[tuple[str, str, bool], dict[str, Hit]] = field(init=False, repr=False, default_factory=dict)
    _loaded: dict[tuple[str, str], dict[int, Hit]] = field(init=False, repr=False, default_factory=dict)
    """(path, sha256) -> unit index -> its hit, for documents ``preload``ed without their text."""
    _bits: dict[str, int] = field(init=False, repr=False)
    """Normalized phrase -> its bit in a presence mask (``masks``), by sorted order: the same
    phrases give the same bits in every audit, so masks can be kept (``preload_later``)."""
    _group_masks: dict[tuple[str, ...], int] = field(init=False, repr=False, default_factory=dict)
    _later: dict[tuple[str, str], tuple[tuple[int, int], Callable[[], PhraseReading]]] = field(
        init=False, repr=False, default_factory=dict
    )
    """(path, sha256) -> (its masks, how to load its reading), for documents ``preload_later``ed."""

    def __post_init__(self) -> None:
        words = sorted({tokens(phrase) for phrase in self.phrases} - {()})
        vocabulary = sorted({word for phrase in words for word in phrase})
        self._codes = _coding(vocabulary)
        self._codes_and_break = {**self._codes, _UNIT_END: _UNIT_END}
        self._phrase_of = {"".join(self._codes[w] for w in phrase): " ".join(phrase) for phrase in words}
        self._prefixes = {
            coded: tuple(coded[:size] for size in range(1, len(coded)) if coded[:size] in self._phrase_of)
            for coded in self._phrase_of
        }
        # A look-ahead matches without consuming, so the search is tried at every position.
        self._pattern = re.compile(f"(?=({trie_regex(self._phrase_of)}))") if self._phrase_of else None
        self._bits = {phrase: 1 << number for number, phrase in enumerate(sorted(self.phrases))}

    @classmethod
    def of(cls, phrases: Iterable[str]) -> PhraseMatcher:
        return cls(frozenset(normalize(p) for p in phrases if normalize(p)))

    def _scanned(self, document: Document, *, headings: bool) -> dict[str, int]:
        """Phrase -> index of the first unit (heading, when asked) holding it; scanned once."""
        key = (document.path, document.sha256)
        cached = self._cache.get(key)
        if cached is None:
            later = self._later.pop(key, None)
            if later is not None:
                self.preload(document, later[1]())
                return self._scanned(document, headings=headings)
            cached = self._scan(document)
            self._cache[key] = cached
        return cached[1] if headings else cached[0]

    def _hits_of(self, document: Document, *, headings: bool) -> dict[str, Hit]:
        key = (document.path, document.sha256, headings)
        found = self._hits.get(key)
        if found is None:
            units = self._scanned(document, headings=headings)
            found = self._hits[key] = {phrase: self._hit(document, index) for phrase, index in units.items()}
        return found

    def hits(self, document: Document) -> dict[str, Hit]:
        """Normalized phrase -> first hit anywhere, for every known phrase in the document."""
        return self._hits_of(document, headings=False)

    def heading_hits(self, document: Document) -> dict[str, Hit]:
        """Normalized phrase -> first hit in a heading."""
        return self._hits_of(document, headings=True)

    def encode(self, text: str) -> str:
        """``text`` as the matcher searches it: each token's code, a space for tokens no phrase uses."""
        return "".join(map(self._codes.get, _TOKEN.findall(text.lower()), repeat(_OTHER)))

    def _coded(self, document: Document) -> str:
        """The document as the matcher searches it: each unit ``encode``d, one per line."""
        units = document.units
        text = _UNIT_END.join(unit.text for unit in units)  # not cached on the document: memory
        if text.count(_UNIT_END) == len(units) - 1:
            # No line break inside a unit: the whole text is tokenized at once.
            words = _TOKEN_OR_BREAK.findall(text.lower())
            return "".join(map(self._codes_and_break.get, words, repeat(_OTHER)))
        return _UNIT_END.join(self.encode(unit.text) for unit in units)

    def read(self, document: Document) -> tuple[dict[str, int], dict[str, int]]:
        """What this matcher keeps of ``document`` once it has scanned it, for ``take``.

        A scan's workers call it as they classify (``scan.Reader``): the scan is then
        made in parallel, not after the scan in one process (at 10,000 documents, half
        of evaluating).
        """
        return self._scan(document)

    def take(self, document: Document, read: tuple[dict[str, int], dict[str, int]]) -> None:
        """Keep ``read(document)``, made elsewhere, as if this matcher had scanned ``document``."""
        key = (document.path, document.sha256)
        self._cache[key] = read
        self._later.pop(key, None)

    def _scan(self, document: Document) -> tuple[dict[str, int], dict[str, int]]:
        if self._pattern is None:
            return {}, {}
        coded = self._coded(document)
        headings = [index for index, unit in enumerate(document.units) if unit.role is UnitRole.HEADING]
        in_heading: dict[str, int] = {}
        if headings:
            lines = coded.split(_UNIT_END)
            in_heading = self._first_lines(_UNIT_END.join(lines[index] for index in headings))
        return (
            self._first_lines(coded),
            {phrase: headings[line] for phrase, line in in_heading.items()},
        )

    def _first_lines(self, text: str) -> dict[str, int]:
        """Phrase -> index of the first line of coded ``text`` holding it, in order of first occurrence."""
        assert self._pattern is not None
        # The longest phrase at each token; each distinct one (and its prefixes) is then
        # located by its first occurrence, which is where it first occurs as whole tokens.
        present: set[str] = set()
        for longest in set(self._pattern.findall(text)):
            present.add(longest)
            present.update(self._prefixes[longest])
        first = sorted((text.find(code), code) for code in present)
        return {self._phrase_of[code]: text.count(_UNIT_END, 0, offset) for offset, code in first}

    def key(self, phrase: str) -> str:
        """``phrase`` normalized as hits are keyed (remembered: checks ask with the same phrases)."""
        found = self._keys.get(phrase)
        if found is None:
            found = self._keys[phrase] = normalize(phrase)
        return found

    def present(self, document: Document, phrases: Sequence[str], *, headings: bool = False) -> bool:
        """Whether any of ``phrases`` occurs (in a heading, when asked): ``find`` is not None.

        A document ``preload_later``ed is answered from its masks, without loading its
        reading: a check that ranks documents by what they hold asks this of each, and
        ``find`` of the one it cites.
        """
        later = self._later.get((document.path, document.sha256))
        if later is not None:
            return bool(later[0][1 if headings else 0] & self._mask(phrases))
        units = self._scanned(document, headings=headings)
        return any(self.key(phrase) in units for phrase in phrases)

    def _mask(self, phrases: Sequence[str]) -> int:
        """The bits of ``phrases`` (remembered: checks ask with the same groups again and again)."""
        group = tuple(phrases)
        found = self._group_masks.get(group)
        if found is None:
            found = 0
            for phrase in map(self.key, group):
                found |= self._bits.get(phrase, 0)
            self._group_masks[group] = found
        return found

    def masks(self, reading: PhraseReading) -> tuple[int, int]:
        """The phrases ``reading`` holds anywhere, and in headings, as bit masks (``preload_later``)."""
        bits = self._bits
        anywhere = in_headings = 0
        for phrase in reading.units:
            anywhere |= bits.get(phrase, 0)
        for phrase in reading.headings:
            in_headings |= bits.get(phrase, 0)
        return anywhere, in_headings

    def find(self, document: Document, phrases: Iterable[str], *, headings: bool = False) -> Hit | None:
        """The earliest hit of any of ``phrases`` (in headings only when asked), or None."""
        units = self._scanned(document, headings=headings)
        found = [units[n] for n in map(self.key, phrases) if n in units]
        return self._hit(document, min(found)) if found else None

    def _hit(self, document: Document, index: int) -> Hit:
        if not document.units:  # preloaded: the document came without its text
            return self._loaded[(document.path, document.sha256)][index]
        unit = document.units[index]
        return Hit(index, unit.text, unit.locator, unit.role)

    def reading(self, document: Document) -> PhraseReading | None:
        """What this matcher found in ``document``, if it read it (or had it ``preload``ed).

        A later audit with the same phrases ``preload``s it, and can then judge phrase
        checks on the document without its text (``findings.incremental``). None for one
        ``preload_later``ed and never loaded: the caller has that reading as it gave it.
        """
        key = (document.path, document.sha256)
        cached = self._cache.get(key)
        if cached is None:
            return None
        units, headings = cached
        if not document.units:
            return PhraseReading(units, headings, self._loaded.get(key, {}))
        cited = sorted(set(units.values()) | set(headings.values()))
        return PhraseReading(units, headings, {index: self._hit(document, index) for index in cited})

    def preload(self, document: Document, reading: PhraseReading) -> None:
        """Take ``reading`` as what ``document`` (the same path and bytes) holds."""
        key = (document.path, document.sha256)
        self._cache[key] = (dict(reading.units), dict(reading.headings))
        self._loaded[key] = dict(reading.hits)
        self._later.pop(key, None)

    def preload_later(
        self, document: Document, masks: tuple[int, int], load: Callable[[], PhraseReading]
    ) -> None:
        """``preload`` ``load()`` once something needs more of ``document`` than ``present`` does.

        ``masks``: ``masks(load())``. A re-audit judges a phrase check again over every
        document of its kinds, thousands, and cites the few it judges: decoding each one's
        reading (its hits' texts and locators) was most of preparing that judgement.
        """
        key = (document.path, document.sha256)
        if key not in self._cache:
            self._later[key] = (masks, load)


@dataclass(frozen=True)
class PhraseReading:
    """What a matcher found in one document: where each phrase first occurs, and those units."""

    units: Mapping[str, int]
    """Phrase -> index of the first unit holding it."""
    headings: Mapping[str, int]
    """Phrase -> index of the first heading holding it."""
    hits: Mapping[int, Hit]
    """Each unit index above -> its text, locator and role."""
