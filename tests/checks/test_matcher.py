"""The phrase matcher: words, not characters (imsaudit/checks/_matcher.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imsaudit.checks._matcher import PhraseMatcher, normalize, tokens
from imsaudit.evidence.model import Document, UnitRole
from tests.checks.builders import document


def doc(*units: str | dict[str, Any], path: str = "doc.md") -> Document:
    return document({"path": path, "units": list(units)})


def found(text_units: Sequence[str | dict[str, Any]], phrase: str, *, headings: bool = False) -> bool:
    matcher = PhraseMatcher.of([phrase])
    return matcher.find(doc(*text_units), [phrase], headings=headings) is not None


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("We use RAND estimates.", "rand", True),
        ("Our brand is strong.", "rand", False),
        ("Frand terms apply.", "rand", False),
        ("FRAND terms apply.", "frand", True),
        ("rand-based", "rand", True),  # a hyphen separates words
        ("Randomised trials", "rand", False),
    ],
)
def test_word_boundaries(text: str, phrase: str, expected: bool) -> None:
    assert found([text], phrase) is expected


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Delegates attend ISO/IEC JTC 1 meetings.", "iso/iec jtc 1"),
        ("Delegates attend ISO/IEC JTC 1 meetings.", "ISO IEC JTC 1"),
        ("Delegates attend ISO / IEC  JTC-1 meetings.", "iso/iec jtc 1"),
        ("Per ISO 9001:2015, clause 9.2.", "iso 9001 2015"),
        ("(Continual improvement)", "continual improvement"),
    ],
)
def test_punctuation_and_spacing_do_not_matter(text: str, phrase: str) -> None:
    assert found([text], phrase)


def test_jtc_1_is_not_jtc_13() -> None:
    assert not found(["ISO/IEC JTC 13"], "iso/iec jtc 1")


def test_overlapping_phrases_are_all_found() -> None:
    phrases = ["improvement", "continual improvement", "continual"]
    matcher = PhraseMatcher.of(phrases)
    hits = matcher.hits(doc("We commit to continual improvement."))
    assert set(hits) == set(phrases)


def test_phrases_overlapping_across_words_are_all_found() -> None:
    # One phrase ends inside the other: both start at a different word.
    matcher = PhraseMatcher.of(["management review", "review minutes", "minutes"])
    hits = matcher.hits(doc("Management review minutes were filed."))
    assert set(hits) == {"management review", "review minutes", "minutes"}


def test_phrases_that_are_prefixes_of_others_are_found() -> None:
    phrases = ["iso", "iso 9001", "iso 9001 2015", "iso 90"]
    matcher = PhraseMatcher.of(phrases)
    hits = matcher.hits(doc("Certified to ISO 9001:2015."))
    assert set(hits) == {"iso", "iso 9001", "iso 9001 2015"}  # "iso 90" is not a whole word


def test_a_prefix_is_reported_where_it_first_occurs_alone() -> None:
    matcher = PhraseMatcher.of(["quality", "quality policy"])
    document_ = doc("Quality matters.", "The quality policy is signed.")
    assert matcher.find(document_, ["quality"]) == matcher.find(document_, ["quality", "quality policy"])
    hit = matcher.find(document_, ["quality policy"])
    assert hit is not None and hit.unit == 1


def test_accented_and_prefix_words_stay_whole() -> None:
    matcher = PhraseMatcher.of(["amélioration", "amélioration continue", "qualité"])
    hits = matcher.hits(doc("L'AMÉLIORATION CONTINUE de la Qualité", "Qualités"))
    assert set(hits) == {"amélioration", "amélioration continue", "qualité"}
    assert hits["qualité"].unit == 0


def test_a_line_break_inside_a_unit_separates_words_only() -> None:
    # A unit may hold a line break: it separates words, not units.
    units = ["We commit to continual\nimprovement.", "# Scope\nand purpose", "Continual improvement"]
    matcher = PhraseMatcher.of(["continual improvement", "scope and purpose", "purpose"])
    document_ = doc(*units)
    hit = matcher.find(document_, ["continual improvement"])
    assert hit is not None and hit.unit == 0
    heading = matcher.find(document_, ["scope and purpose"], headings=True)
    assert heading is not None and heading.unit == 1
    assert set(matcher.hits(document_)) == {"continual improvement", "scope and purpose", "purpose"}


@pytest.mark.parametrize("size", [2, 16, 17, 300, 5000])
def test_any_number_of_distinct_words(size: int) -> None:
    # Codes grow a digit at 16, 256, 4096... words: matching must not depend on it.
    phrases = [f"word{i} tail" for i in range(size)] + ["tail"]
    matcher = PhraseMatcher.of(phrases)
    last = f"word{size - 1}"
    hits = matcher.hits(doc("intro", f"the {last} tail here", "word0 tail"))
    assert set(hits) == {f"{last} tail", "tail", "word0 tail"}
    assert hits[f"{last} tail"].unit == 1 and hits["tail"].unit == 1 and hits["word0 tail"].unit == 2


def test_first_hit_is_reported() -> None:
    matcher = PhraseMatcher.of(["objectives", "quality objectives"])
    document_ = doc("Intro", "Quality objectives are set yearly.", "More objectives.")
    hit = matcher.find(document_, ["objectives", "quality objectives"])
    assert hit is not None
    assert (hit.unit, hit.locator) == (1, "line 2")


def test_phrase_does_not_span_units() -> None:
    assert not found(["We commit to continual", "improvement of the QMS."], "continual improvement")


def test_heading_only_hits() -> None:
    units = ["The scope of this procedure is all sites.", "# Scope", "## Records"]
    matcher = PhraseMatcher.of(["scope", "records", "purpose"])
    document_ = doc(*units)
    in_text = matcher.find(document_, ["scope"])
    in_heading = matcher.find(document_, ["scope"], headings=True)
    assert in_text is not None and in_text.locator == "line 1"
    assert in_heading is not None and in_heading.locator == "line 2"
    assert matcher.find(document_, ["records"], headings=True) is not None
    assert matcher.find(document_, ["purpose"], headings=True) is None


def test_body_text_is_not_a_heading() -> None:
    assert not found(["Responsibilities are described below."], "responsibilities", headings=True)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("CONTINUAL IMPROVEMENT", "continual improvement"),
        ("Continual Improvement", "CONTINUAL improvement"),
    ],
)
def test_case_does_not_matter(text: str, phrase: str) -> None:
    assert found([text], phrase)


def test_accented_words_are_whole_words() -> None:
    assert found(["L'AMÉLIORATION CONTINUE du système"], "amélioration continue")
    assert found(["Qualitätsmanagement und Qualität"], "qualität")
    assert not found(["L'amélioration continue"], "lioration")
    assert tokens("Politique qualité") == ("politique", "qualité")


def test_unknown_phrase_is_not_found() -> None:
    matcher = PhraseMatcher.of(["scope"])
    assert matcher.find(doc("scope"), ["not registered"]) is None


def test_normalize() -> None:
    assert normalize("  ISO/IEC  JTC-1 ") == "iso iec jtc 1"
    assert PhraseMatcher.of(["", "!!"]).phrases == frozenset()


def test_results_are_cached_per_document() -> None:
    matcher = PhraseMatcher.of(["scope"])
    document_ = doc("# Scope")
    assert matcher.hits(document_) is matcher.hits(document_)


# --------------------------------------------------------------------------- properties

WORDS = st.sampled_from(["quality", "policy", "iso", "9001", "brand", "rand", "é", "the", "a1"])
SEPARATORS = st.sampled_from([" ", "  ", ", ", "/", "-", " (", ") ", ": ", "\t"])


@st.composite
def texts(draw: st.DrawFn, min_words: int = 0) -> str:
    words = draw(st.lists(WORDS, min_size=min_words, max_size=12))
    out = ""
    for word in words:
        out += draw(SEPARATORS) + draw(st.sampled_from([word, word.upper(), word.title()]))
    return out + draw(SEPARATORS)


phrases = st.lists(WORDS, min_size=1, max_size=3).map(" ".join)


def contains(haystack: Sequence[str], needle: Sequence[str]) -> bool:
    return any(
        tuple(haystack[i : i + len(needle)]) == tuple(needle) for i in range(len(haystack) - len(needle) + 1)
    )


@settings(max_examples=150, deadline=None)
@given(texts(), phrases, texts())
def test_inserted_phrase_is_always_found(before: str, phrase: str, after: str) -> None:
    text = f"{before} {phrase.upper()} {after}"
    assert found([text], phrase)


@settings(max_examples=150, deadline=None)
@given(st.lists(texts(min_words=1), min_size=1, max_size=4), phrases)
def test_found_exactly_when_the_words_occur_in_one_unit(units: list[str], phrase: str) -> None:
    expected = any(contains(tokens(u), tokens(phrase)) for u in units)
    assert found(units, phrase) is expected


def test_columns_match_singular_and_plural() -> None:
    from imsaudit.checks._evidence import find_column
    from imsaudit.evidence.model import Table

    table = Table(name="t", locator="sheet t", header=("Actions", "Requirements", "Status", "Process"))
    assert find_column(table, ["action"]) == 0
    assert find_column(table, ["requirement"]) == 1
    assert find_column(table, ["statuses", "status"]) == 2
    assert find_column(table, ["process"]) == 3
    assert find_column(table, ["owner"]) is None


# --------------------------------------------------------------------------- against a plain reading


def plain_hits(
    units: Sequence[str | dict[str, Any]], phrases: Sequence[str]
) -> tuple[dict[str, int], dict[str, int]]:
    """The matcher's promise, spelled out: phrase -> first unit (first heading) whose words hold it."""
    built = doc(*units)
    wanted = {normalize(p) for p in phrases} - {""}
    anywhere: dict[str, int] = {}
    in_heading: dict[str, int] = {}
    for index, unit in enumerate(built.units):
        words = tokens(unit.text)
        for phrase in wanted:
            if contains(words, phrase.split(" ")):
                anywhere.setdefault(phrase, index)
                if unit.role is UnitRole.HEADING:
                    in_heading.setdefault(phrase, index)
    return anywhere, in_heading


unit_specs = st.one_of(
    texts(min_words=1),
    texts(min_words=1).map(lambda t: "# " + t),
    st.tuples(texts(min_words=1), texts(min_words=1)).map("\n".join),  # a line break inside a unit
)


@settings(max_examples=200, deadline=None)
@given(st.lists(unit_specs, min_size=1, max_size=6), st.lists(phrases, min_size=1, max_size=8))
def test_hits_are_the_first_units_holding_each_phrase(units: list[str], wanted: list[str]) -> None:
    matcher = PhraseMatcher.of(wanted)
    built = doc(*units)
    anywhere, in_heading = plain_hits(units, wanted)
    assert {p: h.unit for p, h in matcher.hits(built).items()} == anywhere
    assert {p: h.unit for p, h in matcher.heading_hits(built).items()} == in_heading
    for phrase in wanted:
        hit = matcher.find(built, [phrase])
        expected = anywhere.get(normalize(phrase))
        assert (hit.unit if hit else None) == expected
        if hit is not None:
            unit = built.units[hit.unit]
            assert (hit.text, hit.locator, hit.role) == (unit.text, unit.locator, unit.role)


# --------------------------------------------------------------------------- read later


@settings(max_examples=200, deadline=None)
@given(
    st.lists(unit_specs, min_size=1, max_size=6),
    st.lists(phrases, min_size=1, max_size=8),
    st.lists(st.lists(phrases, min_size=1, max_size=3), min_size=1, max_size=4),
)
def test_present_is_find_for_read_and_later_loaded_documents(
    units: list[str], wanted: list[str], groups: list[list[str]]
) -> None:
    """``present`` answers from masks what ``find`` answers from the reading, asked groups unknown too."""
    matcher = PhraseMatcher.of(wanted)
    built = doc(*units)
    matcher.hits(built)  # read it
    reading = matcher.reading(built)
    assert reading is not None
    textless = built.model_copy(update={"units": ()})
    later = PhraseMatcher.of(wanted)
    later.preload_later(textless, matcher.masks(reading), lambda: reading)
    for group in [*groups, wanted, [wanted[0]]]:
        for headings in (False, True):
            expected = matcher.find(built, group, headings=headings) is not None
            assert matcher.present(built, group, headings=headings) is expected
            assert later.present(textless, group, headings=headings) is expected
    for group in [*groups, wanted]:
        assert later.find(textless, group) == matcher.find(built, group)


def test_a_document_read_later_is_loaded_once_and_only_when_found_where() -> None:
    matcher = PhraseMatcher.of(["quality policy", "objectives"])
    built = doc("# Quality policy", "Our objectives are set yearly.")
    matcher.hits(built)
    reading = matcher.reading(built)
    assert reading is not None
    textless = built.model_copy(update={"units": ()})
    loads: list[int] = []

    def load() -> Any:
        loads.append(1)
        return reading

    later = PhraseMatcher.of(["quality policy", "objectives"])
    later.preload_later(textless, matcher.masks(reading), load)
    assert later.present(textless, ["objectives"])
    assert not later.present(textless, ["objectives"], headings=True)
    assert later.present(textless, ["Quality Policy"], headings=True)
    assert not later.present(textless, ["risk"])
    assert later.reading(textless) is None  # not loaded: the caller keeps what it gave
    assert loads == []
    hit = later.find(textless, ["objectives"])
    assert hit is not None and (hit.unit, hit.text) == (1, "Our objectives are set yearly.")
    assert later.find(textless, ["quality policy"], headings=True) is not None
    assert loads == [1]
    assert later.reading(textless) == reading
