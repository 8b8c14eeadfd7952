r"""Recognition: which evidence kinds each document is, and why (docs/pack-format.md).

Scores per kind: a file-name pattern 3, a title pattern 4, a heading pattern 2 (each
list scores once), each phrase its weight (once), each register column found in a
table header 1; phrases found in one part only of a document of several, or only in
the cells of a document that is all tables, count at most ``min_score - 1``, and a
register kind's phrases found only in table rows at most half its ``min_score``
(``CAPPED``). The kind is assigned at its ``min_score``. A ``kind:`` the document
declares, or an ``organization.yaml`` mapping, assigns it outright; a mapping replaces
recognition for the documents it names. Every classification keeps its reasons.

Phrases of *all* kinds are found together: the document's text is lower-cased once and
cut into its set of ASCII words (``bytes.translate`` and ``split``, at memory speed); a
phrase can occur as whole words only where every one of its words is in that set, and
each such candidate's first whole-word occurrence is found with ``str.find``
(``PhraseMatcher.find``). The word set replaced a trie-shaped regular expression run over
the text (``re`` at ~40 MB/s, half of recognition): same answers, about half the time.
A ``\b`` + ``re.I`` regex per phrase was ~30x slower still (benchmarks/extractors.py;
extraction-figures.md found ~10x for 25 rules).
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import overload

from pydantic import BaseModel, ConfigDict

from imsaudit.evidence.model import (
    Classification,
    ClassificationSource,
    Document,
    EvidenceIndex,
    IndexNote,
    Reason,
    TextUnit,
    UnitRole,
)
from imsaudit.evidence.organization import KindMapping
from imsaudit.packs.model import EvidenceKind

logger = logging.getLogger(__name__)

FILENAME_SCORE = 3
TITLE_SCORE = 4
HEADING_SCORE = 2
COLUMN_SCORE = 1
CAPPED = "capped"
"""The rule that caps phrases found in one part only (a section, else a page) of a document
of several: a concept paper's "IP position" section does not make it an IP procedure, nor
a review's "strategic intelligence" input a watch report. Phrases then count at most
``min_score - 1``, so the name, title, headings or another part must speak for the kind.
So do they when they are all in the cells of a document that is nothing but tables (a
spreadsheet, a CSV): an IP register's rows mention patents, a training log's courses
"design thinking", and neither is the IP procedure or the tools catalogue.

A register kind is capped otherwise (its rows are one table by nature): when each of its
phrases first occurs in a table row, the phrases count at most half its ``min_score``.
Rows say what a register records, its columns what it is: a training log with a row on a
corrective-action course is no nonconformity log, a control plan with a "pass/fail"
rule no inspection record."""

GENERIC_COLUMNS = frozenset(
    {
        "id",
        "no",
        "number",
        "ref",
        "reference",
        "date",
        "owner",
        "status",
        "description",
        "action",
        "actions",
        "due date",
        "comments",
        "comment",
        "notes",
        "note",
        "name",
        "title",
        "source",
        "responsible",
        "result",
        "results",
        "type",
        "remarks",
        "category",
    }
)
"""Headers that nearly every register has: they say "a register", not which one, so they
score nothing (a CAPA log must not pass for an improvement register on id/owner/status)."""


def normalize_phrase(text: str) -> str:
    """Lower-case, whitespace collapsed: the form phrases and texts are compared in."""
    return " ".join(text.lower().split())


def _normalize_header(text: str) -> str:
    """``"Impact (1-5)"`` -> ``"impact"``: notes in brackets are not part of a column's name."""
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text.lower())
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


# --------------------------------------------------------------------------- phrase matcher


class PhraseMatcher:
    """All phrases of all kinds, each with the ASCII words a text must hold for it to occur."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases = sorted({normalize_phrase(p) for p in phrases if p.strip()})
        self._needs = tuple((phrase, _ascii_words(phrase)) for phrase in self.phrases)

    def find(self, text: str) -> dict[str, int]:
        """Phrase -> offset of its first whole-word occurrence in ``text`` (already normalized).

        Where a phrase occurs as whole words, each of its maximal runs of ASCII letters
        and digits is one of the text's too: the phrase's own characters or a word
        boundary (no letter or digit, ASCII or not) end it on both sides. So a phrase
        with a word missing from the text's word set cannot occur and is not looked for;
        the others are confirmed, and located, by ``_first_whole``.
        """
        found: dict[str, int] = {}
        if not self._needs:
            return found
        words = _ascii_words(text)
        for phrase, needs in self._needs:
            if needs <= words:
                offset = _first_whole(text, phrase)
                if offset is not None:
                    found[phrase] = offset
        return dict(sorted(found.items(), key=lambda item: (item[1], item[0])))


_ASCII_WORD_BYTES = bytes(c if chr(c).isascii() and chr(c).isalnum() else 0x20 for c in range(256))
"""Byte table: ASCII letters and digits kept, every other byte (UTF-8 of non-ASCII included) a space."""


def _ascii_words(text: str) -> frozenset[bytes]:
    """The maximal runs of ASCII letters and digits in ``text``; anything else separates them."""
    return frozenset(text.encode("utf-8", "surrogatepass").translate(_ASCII_WORD_BYTES).split())


def _first_whole(text: str, phrase: str) -> int | None:
    """The first offset where ``phrase`` occurs as whole words (no letter or digit joins it)."""
    size = len(text)
    start = text.find(phrase)
    while start >= 0:
        end = start + len(phrase)
        if (start == 0 or not text[start - 1].isalnum()) and (end == size or not _joins(phrase, text[end])):
            return start
        start = text.find(phrase, start + 1)
    return None


def _joins(phrase: str, following: str) -> bool:
    """True when ``following`` would continue the phrase's last word (no word boundary)."""
    return phrase[-1:].isalnum() and following.isalnum()


# --------------------------------------------------------------------------- kind rules


class _Patterns(Sequence["re.Pattern[str]"]):
    """A list of a kind's patterns, compiled when first searched.

    Most never are: a document is searched with their list joined in one (``_any_of``),
    and each pattern only to confirm a hit. A re-audit builds the classifier for a few
    changed files; compiling every pattern twice was half of building it (0.11 s).
    """

    def __init__(self, patterns: Sequence[str], flags: re.RegexFlag) -> None:
        self._patterns = tuple(patterns)
        self._flags = flags
        self._compiled: tuple[re.Pattern[str], ...] | None = None

    def _all(self) -> tuple[re.Pattern[str], ...]:
        if self._compiled is None:
            self._compiled = tuple(re.compile(p, self._flags) for p in self._patterns)
        return self._compiled

    def __len__(self) -> int:
        return len(self._patterns)

    @overload
    def __getitem__(self, index: int) -> re.Pattern[str]: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[re.Pattern[str], ...]: ...
    def __getitem__(self, index: int | slice) -> re.Pattern[str] | tuple[re.Pattern[str], ...]:
        return self._all()[index]

    def __iter__(self) -> Iterator[re.Pattern[str]]:
        return iter(self._all())


@dataclass(frozen=True)
class _Rules:
    kind: EvidenceKind
    filename: _Patterns
    title: _Patterns
    headings: _Patterns
    any_filename: re.Pattern[str] | None
    any_title: re.Pattern[str] | None
    any_heading: re.Pattern[str] | None
    """Each list's patterns in one (``_any_of``; the headings' over every heading at once,
    one per line): most documents match none of a kind's patterns, and one search says so
    where one per pattern (per heading) did. A hit is confirmed pattern by pattern, so the
    reason is unchanged."""
    phrases: tuple[tuple[str, str, int], ...]
    """(normalized phrase, phrase as written, weight)."""
    phrase_set: frozenset[str]
    """The normalized phrases: a document none of which it holds is skipped in one test."""
    columns: tuple[tuple[str, str], ...]
    """(normalized column, column as written), longest first, generic columns left out."""


def _rules(kind: EvidenceKind) -> _Rules:
    recognize = kind.recognize
    phrases = tuple((normalize_phrase(p), p, w) for p, w in sorted(recognize.phrases.items()))
    return _Rules(
        kind=kind,
        filename=_Patterns(recognize.filename, re.IGNORECASE),
        title=_Patterns(recognize.title, re.IGNORECASE),
        headings=_Patterns(recognize.headings, re.IGNORECASE),
        any_filename=_any_of(recognize.filename, re.IGNORECASE),
        any_title=_any_of(recognize.title, re.IGNORECASE),
        any_heading=_any_of(recognize.headings, re.IGNORECASE | re.MULTILINE),
        phrases=phrases,
        phrase_set=frozenset(n for n, _, _ in phrases),
        columns=tuple(
            sorted(
                (
                    (n, c)
                    for n, c in ((_normalize_header(c), c) for c in recognize.columns)
                    if n not in GENERIC_COLUMNS
                ),
                key=lambda column: -len(column[0]),
            )
        ),
    )


_GROUP_REFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(|\(\?[aiLmsux-]*\)|\(\?P<")


def _any_of(patterns: Sequence[str], flags: re.RegexFlag) -> re.Pattern[str] | None:
    """One pattern matching where any of ``patterns`` does, or None (then each is searched).

    Joined with ``|``, a back-reference or a named group would point elsewhere and a flag
    for the whole pattern would be misplaced, so such lists are not joined.
    """
    if not patterns or any(_GROUP_REFERENCE.search(p) for p in patterns):
        return None
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns), flags)
    except re.error:
        return None


@dataclass
class _Prepared:
    """One document, prepared once for every kind: normalized text and unit offsets."""

    document: Document
    text: str
    offsets: list[int]
    found: dict[str, int]
    headers: list[tuple[str, str, str | None]]
    """(normalized header cell, table name, header locator)."""
    heading_text: str
    """Every heading, one per line, for the kinds' one-search heading filter."""
    header_set: frozenset[str]
    """The normalized header cells, for one-word columns (which must equal one)."""
    header_lines: str
    """Every normalized header cell, space-padded, one per line: a column of several words
    found in none of them is dismissed in one ``in`` instead of one test per cell."""

    def unit_at(self, offset: int) -> TextUnit | None:
        """The unit holding ``offset`` of ``text``."""
        index = bisect_right(self.offsets, offset) - 1
        if index < 0 or not self.document.units:
            return None
        return self.document.units[index]

    @cached_property
    def all_tables(self) -> bool:
        """Whether the document's text is nothing but table rows (and sheet or table names)."""
        units = self.document.units
        return bool(self.document.tables) and all(u.role in _TABLE_ROLES for u in units)

    @cached_property
    def places(self) -> int:
        """How many places (``_place``) the document's text is in."""
        return len({_place(unit) for unit in self.document.units})


_TABLE_ROLES = frozenset({UnitRole.ROW, UnitRole.HEADING})


def _place(unit: TextUnit | None) -> str | None:
    """Where a unit is, for ``CAPPED``: its section, else its page, else None (the rest)."""
    if unit is None:
        return None
    if unit.section is not None:
        return f'section "{unit.section}"'
    if unit.locator.startswith("page "):
        return " ".join(unit.locator.split(" ", 2)[:2])
    return None


def _prepare(document: Document, matcher: PhraseMatcher) -> _Prepared:
    offsets: list[int] = []
    parts: list[str] = []
    position = 0
    for unit in document.units:
        text = unit.text.lower()
        if "  " in text or "\n" in text or "\t" in text or "\r" in text:
            text = " ".join(text.split())  # units from the builder are already collapsed
        offsets.append(position)
        parts.append(text)
        position += len(text) + 1
    text = " ".join(parts)
    headers = [
        (_normalize_header(cell), table.name, table.header_locator)
        for table in document.tables
        for cell in table.header
        if cell
    ]
    heading_text = "\n".join(" ".join(u.text.split()) for u in document.units if u.role is UnitRole.HEADING)
    return _Prepared(
        document,
        text,
        offsets,
        matcher.find(text),
        headers,
        heading_text,
        frozenset(h for h, _, _ in headers),
        "\n".join(f" {h} " for h, _, _ in headers),
    )


def _score(prepared: _Prepared, rules: _Rules) -> tuple[int, list[Reason]]:
    document = prepared.document
    reasons: list[Reason] = []
    name = document.name
    if _may_match(rules.any_filename, name):
        for pattern in rules.filename:
            if pattern.search(name):
                detail = f"/{pattern.pattern}/ matches {name!r}"
                reasons.append(Reason(rule="filename", detail=detail, score=FILENAME_SCORE))
                break
    title = document.metadata.title
    if title and _may_match(rules.any_title, title):
        for pattern in rules.title:
            if pattern.search(title):
                reasons.append(
                    Reason(
                        rule="title",
                        detail=f"/{pattern.pattern}/ matches title {title!r}",
                        score=TITLE_SCORE,
                        locator=document.metadata.sources.get("title"),
                    )
                )
                break
    if rules.headings and _may_match(rules.any_heading, prepared.heading_text):
        done = False
        for unit in document.units:
            if unit.role is not UnitRole.HEADING:
                continue
            for pattern in rules.headings:
                if pattern.search(unit.text):
                    reasons.append(
                        Reason(
                            rule="heading",
                            detail=f"/{pattern.pattern}/ matches heading {unit.text!r}",
                            score=HEADING_SCORE,
                            locator=unit.locator,
                        )
                    )
                    done = True
                    break
            if done:
                break
    found = prepared.found
    if not rules.phrase_set.isdisjoint(found):
        places: set[str | None] = set()
        total = 0
        in_rows = True
        for normalized, written, weight in rules.phrases:
            offset = found.get(normalized)
            if offset is not None:
                held = prepared.unit_at(offset)
                places.add(_place(held))
                in_rows = in_rows and held is not None and held.role is UnitRole.ROW
                total += weight
                at = held.locator if held is not None else None
                reasons.append(Reason(rule="phrase", detail=repr(written), score=weight, locator=at))
        capped = _phrase_cap(prepared, rules.kind, total, places, in_rows)
        if capped is not None:
            reasons.append(capped)
    used: set[int] = set()
    for normalized, written in rules.columns if prepared.headers else ():
        if " " in normalized:
            if f" {normalized} " not in prepared.header_lines:
                continue  # in no header cell
        elif normalized not in prepared.header_set:
            continue  # a one-word column must equal a header cell
        for position, (header, table, locator) in enumerate(prepared.headers):
            if position in used or not _column_matches(normalized, header):
                continue
            used.add(position)
            reasons.append(
                Reason(
                    rule="column",
                    detail=f"{written!r} in the header of {table}",
                    score=COLUMN_SCORE,
                    locator=locator,
                )
            )
            break
    return sum(r.score for r in reasons), reasons


def _phrase_cap(
    prepared: _Prepared, kind: EvidenceKind, total: int, places: set[str | None], in_rows: bool
) -> Reason | None:
    """The ``CAPPED`` reason for a kind's phrases, or None when they count in full.

    ``total``: their points; ``places``: where each first occurs (``_place``);
    ``in_rows``: whether each first occurs in a table row.
    """
    if kind.tabular:
        cap = kind.recognize.min_score // 2
        if total > cap and in_rows:
            detail = f"phrases at {cap}: all are in table rows, what a register records, not what it is"
            return Reason(rule=CAPPED, detail=detail, score=cap - total)
        return None
    cap = kind.recognize.min_score - 1
    if total <= cap:
        return None
    if in_rows and prepared.all_tables:
        detail = f"phrases at {cap}: all are in the rows of a document that is all tables"
        return Reason(rule=CAPPED, detail=detail, score=cap - total)
    if len(places) == 1 and prepared.places > 1:
        where = next(iter(places)) or "the text outside any section"
        detail = f"phrases at {cap}: all are in {where}, one part of the document"
        return Reason(rule=CAPPED, detail=detail, score=cap - total)
    return None


@dataclass(frozen=True)
class _Candidates:
    """Which kinds a document can score anything for, found without scoring every kind.

    Most documents are of no kind or of one or two, and scoring each of a hundred kinds
    was half of classifying (issue 9). A kind scores only through a hit of one of its
    rules: a file-name, title or heading pattern (searched here as ``_score`` does: the
    kind's patterns joined in one), a phrase the matcher found, a column among the
    headers. A kind none of whose rules hits scores nothing and is not scored, nor one
    whose only hits are phrases worth less than its ``min_score`` together (a cap only
    lowers them, and a register kind also needs a column); the others are scored in
    full, as before, so the reasons are unchanged.
    """

    filename: tuple[tuple[int, re.Pattern[str]], ...]
    title: tuple[tuple[int, re.Pattern[str]], ...]
    heading: tuple[tuple[int, re.Pattern[str]], ...]
    always: frozenset[int]
    """Kinds with patterns that could not be joined in one (``_any_of``): always scored."""
    by_phrase: dict[str, tuple[tuple[int, int], ...]]
    """A phrase -> the kinds naming it, each with the phrase's weight for it."""
    min_scores: tuple[int, ...]
    by_column: dict[str, tuple[int, ...]]
    """A one-word column (equal to a header cell) -> the kinds naming it."""
    by_words: tuple[tuple[str, int], ...]
    """A column of several words, space-padded (found in a header cell), and its kind."""

    @classmethod
    def of(cls, rules: Sequence[_Rules]) -> _Candidates:
        always: set[int] = set()
        fields: dict[str, list[tuple[int, re.Pattern[str]]]] = {"filename": [], "title": [], "heading": []}
        by_phrase: dict[str, list[tuple[int, int]]] = {}
        by_column: dict[str, list[int]] = {}
        by_words: list[tuple[str, int]] = []
        for number, rule in enumerate(rules):
            for name, patterns, combined in (
                ("filename", rule.filename, rule.any_filename),
                ("title", rule.title, rule.any_title),
                ("heading", rule.headings, rule.any_heading),
            ):
                if combined is not None:
                    fields[name].append((number, combined))
                elif patterns:
                    always.add(number)
            for phrase, _, weight in rule.phrases:
                by_phrase.setdefault(phrase, []).append((number, weight))
            for column, _ in rule.columns:
                if " " in column:
                    by_words.append((f" {column} ", number))
                else:
                    by_column.setdefault(column, []).append(number)
        return cls(
            filename=tuple(fields["filename"]),
            title=tuple(fields["title"]),
            heading=tuple(fields["heading"]),
            always=frozenset(always),
            by_phrase={phrase: tuple(kinds) for phrase, kinds in by_phrase.items()},
            min_scores=tuple(rule.kind.recognize.min_score for rule in rules),
            by_column={column: tuple(numbers) for column, numbers in by_column.items()},
            by_words=tuple(by_words),
        )

    def of_document(self, prepared: _Prepared) -> set[int]:
        """The numbers (in ``Classifier.rules``) of the kinds ``prepared`` may score for."""
        document = prepared.document
        name = document.name
        found = set(self.always)
        found.update(number for number, pattern in self.filename if pattern.search(name))
        if title := document.metadata.title:
            found.update(number for number, pattern in self.title if pattern.search(title))
        if text := prepared.heading_text:
            found.update(number for number, pattern in self.heading if pattern.search(text))
        if prepared.headers:
            by_column = self.by_column
            for header in prepared.header_set:
                found.update(by_column.get(header, ()))
            lines = prepared.header_lines
            found.update(number for padded, number in self.by_words if padded in lines)
        points: dict[int, int] = {}
        by_phrase = self.by_phrase
        for phrase in prepared.found:
            for number, weight in by_phrase.get(phrase, ()):
                points[number] = points.get(number, 0) + weight
        minimum = self.min_scores
        found.update(number for number, total in points.items() if total >= minimum[number])
        return found


def _may_match(combined: re.Pattern[str] | None, text: str) -> bool:
    """False when ``combined`` (``_any_of``) finds nothing: then none of its patterns would."""
    return combined is None or combined.search(text) is not None


def _column_matches(column: str, header: str) -> bool:
    """A header cell is a register column: equal, or (several words) containing it.

    A one-word column must equal the header: "date" is not "Due date", and one header
    cell counts for one column only (the longest columns are matched first).
    """
    if column == header:
        return True
    return " " in column and f" {column} " in f" {header} "


# --------------------------------------------------------------------------- classify


class Classified(BaseModel):
    """One document's kinds, its notes, and which organization.yaml mapping named it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    classifications: tuple[Classification, ...]
    notes: tuple[IndexNote, ...] = ()
    mapping: int | None = None
    """Index of the ``overrides`` entry that matched the document, if any."""


class Classifier:
    """The kinds' rules and the phrase matcher, compiled once, applied one document at a time.

    Classification of a document depends on nothing but that document, so the scanner
    runs it in its worker processes right after extraction (``scan_folder(classifier=)``)
    and keeps only the register fields of documents of no kind; ``index`` then puts the
    results together. Instances pickle (patterns recompile in the worker).
    """

    def __init__(self, kinds: Iterable[EvidenceKind], overrides: Sequence[KindMapping] = ()) -> None:
        self.by_id = {k.id: k for k in kinds}
        self.overrides = tuple(overrides)
        self.rules = [_rules(self.by_id[k]) for k in sorted(self.by_id)]
        self.matcher = PhraseMatcher(p for r in self.rules for p, _, _ in r.phrases)
        self.candidates = _Candidates.of(self.rules)

    def document(self, document: Document) -> Classified:
        """The kinds of one document, with reasons; notes on kinds it declares that no pack has."""
        by_id = self.by_id
        found: list[Classification] = []
        notes: list[IndexNote] = []
        overrides = self.overrides
        mapping = next((i for i, m in enumerate(overrides) if _path_matches(m.path, document.path)), None)
        if mapping is not None:
            entry = overrides[mapping]
            for kind in entry.kinds:
                if kind in by_id:
                    where = f"organization.yaml line {entry.line}" if entry.line else "organization.yaml"
                    detail = f"organization.yaml maps {entry.path!r} to {kind}"
                    found.append(_assigned(kind, ClassificationSource.ORGANIZATION, detail, where))
            return Classified(classifications=tuple(sorted(found, key=lambda c: c.kind)), mapping=mapping)
        declared = set()
        for kind in document.metadata.declared_kinds:
            source = document.metadata.sources.get("kind") or _declared_source(document)
            if kind in by_id:
                declared.add(kind)
                detail = f"declared kind: {kind} ({source})"
                found.append(_assigned(kind, ClassificationSource.DECLARED, detail, source))
            else:
                notes.append(
                    IndexNote(
                        path=document.path,
                        message=f"declares kind {kind!r}, which no selected pack defines",
                    )
                )
        prepared = _prepare(document, self.matcher)
        # A scan with no text layer and no OCR has nothing but its name to go by. Its
        # name is then enough: the checks say needs_review (they cannot read it), which
        # is the truth, where "no such document" would be a false gap.
        blind = bool(document.pages_without_text) and document.error is None and not prepared.text.strip()
        candidates = self.candidates.of_document(prepared)
        for number, rule in enumerate(self.rules):
            if number not in candidates or rule.kind.id in declared:
                continue
            score, reasons = _score(prepared, rule)
            threshold = rule.kind.recognize.min_score
            if blind and any(r.rule == "filename" for r in reasons):
                threshold = min(threshold, FILENAME_SCORE)
                reasons.append(Reason(rule="unreadable", detail=BLIND_DETAIL, score=0))
            elif rule.kind.tabular and not any(r.rule == "column" for r in reasons):
                # A register is rows: without a table showing one of its own columns,
                # words alone (a policy citing "regulatory requirements") do not make one.
                continue
            if score >= threshold:
                found.append(
                    Classification(
                        kind=rule.kind.id,
                        score=score,
                        min_score=threshold,
                        source=ClassificationSource.RECOGNIZED,
                        reasons=tuple(reasons),
                    )
                )
        return Classified(classifications=tuple(sorted(found, key=lambda c: c.kind)), notes=tuple(notes))

    def index(self, documents: Iterable[Document], classified: Mapping[str, Classified]) -> EvidenceIndex:
        """The evidence index of ``documents``, from each one's ``Classified``.

        Adds the notes on organization.yaml mappings that matched no document.
        """
        docs = tuple(sorted(documents, key=lambda d: d.path))
        classifications: dict[str, tuple[Classification, ...]] = {}
        notes: list[IndexNote] = []
        matched: set[int] = set()
        for document in docs:
            result = classified.get(document.path)
            if result is None:
                continue
            if result.classifications:
                classifications[document.path] = result.classifications
            notes.extend(result.notes)
            if result.mapping is not None:
                matched.add(result.mapping)
        for index, entry in enumerate(self.overrides):
            if index not in matched:
                why = (
                    "points outside the evidence folder (paths are relative to it)"
                    if _outside(entry.path)
                    else "matches no document"
                )
                message = f"kinds mapping {entry.path!r} {why}"
                notes.append(IndexNote(path="organization.yaml", message=message, line=entry.line))
        return EvidenceIndex(
            documents=docs,
            classifications=classifications,
            kinds=tuple(sorted(self.by_id)),
            notes=tuple(sorted(notes, key=lambda n: (n.path, n.line, n.message))),
        )


def classify(
    documents: Iterable[Document],
    kinds: Iterable[EvidenceKind],
    *,
    overrides: Sequence[KindMapping] = (),
) -> EvidenceIndex:
    """The evidence index: each document's kinds (with reasons) among ``kinds``.

    ``overrides`` are organization.yaml's ``kinds`` mappings: a document they match gets
    exactly the mapped kinds that are among ``kinds`` (none, if the list is empty).
    """
    classifier = Classifier(kinds, overrides)
    docs = tuple(documents)
    return classifier.index(docs, {d.path: classifier.document(d) for d in docs})


BLIND_DETAIL = "no text layer and no OCR: the file name alone decides, the checks cannot read it"


def _assigned(kind: str, source: ClassificationSource, detail: str, locator: str) -> Classification:
    """A kind given outright (declared in the document, or mapped in organization.yaml): no scoring."""
    rule = "declared" if source is ClassificationSource.DECLARED else "organization"
    reason = Reason(rule=rule, detail=detail, score=0, locator=locator)
    return Classification(kind=kind, score=0, min_score=0, source=source, reasons=(reason,))


def _declared_source(document: Document) -> str:
    for prop in document.properties:
        if prop.name.strip().lower() in ("kind", "kinds", "evidence kind", "evidence_kind"):
            return prop.source
    return "document properties"


_ABSOLUTE = re.compile(r"^(?:/|\\|~|[A-Za-z]:|[A-Za-z][A-Za-z0-9+.-]*://)")


def _outside(pattern: str) -> bool:
    """True for a mapping that cannot name a document of the folder (absolute, a URL, ``..``).

    Documents are only ever the scanned files, so such a mapping opens nothing; the note
    says why it matched nothing.
    """
    return bool(_ABSOLUTE.match(pattern)) or ".." in re.split(r"[/\\]", pattern)


def _path_matches(pattern: str, path: str) -> bool:
    """An exact relative path, or a glob: ``*`` within a folder, ``**`` across folders."""
    if _outside(pattern):
        return False
    if pattern == path:
        return True
    if "*" not in pattern and "?" not in pattern:
        return False
    return _glob_regex(pattern).fullmatch(path) is not None


def _glob_regex(pattern: str) -> re.Pattern[str]:
    parts: list[str] = []
    index = 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            parts.append("(?:.*/)?")
            index += 3
        elif pattern.startswith("**", index):
            parts.append(".*")
            index += 2
        elif pattern[index] == "*":
            parts.append("[^/]*")
            index += 1
        elif pattern[index] == "?":
            parts.append("[^/]")
            index += 1
        else:
            parts.append(re.escape(pattern[index]))
            index += 1
    return re.compile("".join(parts))
