"""How outcomes combine (imsaudit/checks/_combine.py): the rules in its docstring, then properties."""

from __future__ import annotations

from random import Random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imsaudit.checks._combine import combine_all, combine_any, combine_at_least
from imsaudit.core.types import Outcome

MET = Outcome.MET
PARTLY = Outcome.PARTLY_MET
NOT = Outcome.NOT_MET
REVIEW = Outcome.NEEDS_REVIEW
NA = Outcome.NOT_APPLICABLE

# --------------------------------------------------------------------------- the rules


@pytest.mark.parametrize(
    ("outcomes", "expected"),
    [
        ([], NA),
        ([NA, NA], NA),
        ([MET], MET),
        ([MET, MET, NA], MET),
        ([NOT, NOT], NOT),
        ([MET, NOT], PARTLY),
        ([MET, PARTLY], PARTLY),
        ([PARTLY], PARTLY),
        ([PARTLY, NOT], PARTLY),
        ([MET, REVIEW], REVIEW),
        ([REVIEW, REVIEW], REVIEW),
        ([REVIEW, NOT], NOT),  # what was seen failed; nothing was met
        ([MET, REVIEW, NOT], PARTLY),
    ],
    ids=repr,
)
def test_all_of(outcomes: list[Outcome], expected: Outcome) -> None:
    assert combine_all(outcomes) is expected


@pytest.mark.parametrize(
    ("outcomes", "expected"),
    [
        ([], NA),
        ([NA], NA),
        ([NOT, MET], MET),
        ([NOT, PARTLY], PARTLY),
        ([NOT, REVIEW], REVIEW),
        ([PARTLY, REVIEW], PARTLY),
        ([NOT, NOT, NA], NOT),
    ],
    ids=repr,
)
def test_any_of(outcomes: list[Outcome], expected: Outcome) -> None:
    assert combine_any(outcomes) is expected


@pytest.mark.parametrize(
    ("n", "outcomes", "expected"),
    [
        (2, [MET, MET, NOT], MET),
        (2, [MET, NOT, NOT], PARTLY),
        (2, [PARTLY, NOT, NOT], PARTLY),
        (2, [MET, REVIEW, NOT], REVIEW),  # the review could still make it two
        (2, [REVIEW, REVIEW, NOT], REVIEW),
        (3, [MET, REVIEW, NOT], PARTLY),  # even if the review passes, only two
        (2, [NOT, NOT, NOT], NOT),
        (2, [MET, NA, NA], MET),  # not applicable checks lower what can be asked
        (2, [NA, NA, NA], NA),
    ],
    ids=repr,
)
def test_at_least(n: int, outcomes: list[Outcome], expected: Outcome) -> None:
    assert combine_at_least(n, outcomes) is expected


# --------------------------------------------------------------------------- properties

judged = st.sampled_from([MET, PARTLY, NOT, REVIEW])
any_outcome = st.sampled_from(list(Outcome))
pass_fail = st.lists(st.sampled_from([MET, NOT]), min_size=1, max_size=8)


@given(st.integers(min_value=1, max_value=10))
def test_all_met_is_met(count: int) -> None:
    assert combine_all([MET] * count) is MET


@given(st.lists(any_outcome, max_size=8), st.randoms())
def test_any_of_with_one_met_is_met(others: list[Outcome], random: Random) -> None:
    outcomes = [*others, MET]
    random.shuffle(outcomes)
    assert combine_any(outcomes) is MET


@given(st.lists(judged, min_size=1, max_size=8), st.integers(min_value=0, max_value=4), st.randoms())
def test_not_applicable_is_ignored(outcomes: list[Outcome], extra: int, random: Random) -> None:
    mixed = outcomes + [NA] * extra
    random.shuffle(mixed)
    assert combine_all(mixed) is combine_all(outcomes)
    assert combine_any(mixed) is combine_any(outcomes)
    for n in range(1, len(outcomes) + 1):
        assert combine_at_least(n, mixed) is combine_at_least(n, outcomes)


@given(pass_fail)
def test_at_least_all_is_all_of(outcomes: list[Outcome]) -> None:
    assert combine_at_least(len(outcomes), outcomes) is combine_all(outcomes)


@given(pass_fail)
def test_at_least_one_is_any_of(outcomes: list[Outcome]) -> None:
    assert combine_at_least(1, outcomes) is combine_any(outcomes)


@given(st.lists(any_outcome, max_size=8), st.randoms())
def test_order_does_not_matter(outcomes: list[Outcome], random: Random) -> None:
    shuffled = list(outcomes)
    random.shuffle(shuffled)
    assert combine_all(shuffled) is combine_all(outcomes)
    assert combine_any(shuffled) is combine_any(outcomes)
    assert combine_at_least(2, shuffled) is combine_at_least(2, outcomes)


@given(st.lists(judged, min_size=1, max_size=8))
def test_nothing_met_is_never_met(outcomes: list[Outcome]) -> None:
    if MET not in outcomes:
        assert combine_all(outcomes) is not MET
        assert combine_any(outcomes) is not MET
        assert combine_at_least(1, outcomes) is not MET


@given(st.lists(judged, min_size=1, max_size=8))
def test_all_of_is_never_better_than_any_of(outcomes: list[Outcome]) -> None:
    rank = [MET, PARTLY, REVIEW, NOT]
    assert rank.index(combine_all(outcomes)) >= rank.index(combine_any(outcomes))
