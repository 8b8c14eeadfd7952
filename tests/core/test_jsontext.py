"""``pretty`` writes what ``json.dumps(indent=2, ensure_ascii=False)`` writes, for what imsaudit writes."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imsaudit.core.jsontext import pretty

SCORES = st.integers(min_value=-1000, max_value=1000).map(lambda tenths: round(tenths / 10, 1))
"""Floats as imsaudit writes them: scores rounded to one decimal."""

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | SCORES
    | st.text()  # any character but a lone surrogate: control characters, quotes, U+2028, emoji
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


def standard(data: Any, sort_keys: bool) -> str:
    return json.dumps(data, indent=2, sort_keys=sort_keys, ensure_ascii=False)


@given(VALUES, st.booleans())
def test_the_same_text_as_the_standard_library(data: Any, sort_keys: bool) -> None:
    assert pretty(data, sort_keys=sort_keys) == standard(data, sort_keys)


@pytest.mark.parametrize(
    "data",
    [
        {1: "an integer key", "b": 2},  # orjson takes string keys only
        {"big": 2**70},  # beyond 64 bits
        ["a lone surrogate \udcff from a file name read with surrogateescape"],
    ],
)
def test_what_orjson_refuses_is_written_by_the_standard_library(data: Any) -> None:
    assert pretty(data) == standard(data, False)


def test_the_known_difference_a_float_below_one_ten_thousandth() -> None:
    """No output of imsaudit holds one (scores have one decimal), but the difference is real."""
    assert pretty([1e-05]) == "[\n  0.00001\n]" != standard([1e-05], False)
