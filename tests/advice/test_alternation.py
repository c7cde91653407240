"""Alternation finds exactly what the whole alternation finds, only faster."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tousu.advice.alternation import Alternation

# Overlapping, prefix-sharing, lookaround and empty-capable alternatives over a small alphabet,
# so that random texts hit several of them at once and in every order.
SOURCES = ["ab", "a", "b+c", "(?<!c)ba", "ca(?!b)", "c?a{2}", "(?P<n>b)c", "x*a"]
WHOLE = re.compile("|".join(f"(?:{s})" for s in SOURCES))
ALTERNATION = Alternation(SOURCES)


@given(st.text(alphabet="abcx", max_size=30))
def test_the_same_matches_as_the_whole_alternation(text: str) -> None:
    assert [m.span() for m in ALTERNATION.finditer(text)] == [m.span() for m in WHOLE.finditer(text)]
    found, whole = ALTERNATION.search(text), WHOLE.search(text)
    assert (found and found.span()) == (whole and whole.span())
    assert ALTERNATION.hits(text) is bool(whole)


def test_a_named_group_is_read_from_the_part_that_matched() -> None:
    match = next(iter(Alternation(["zz", "(?P<n>b)c"]).finditer("zz bc")), None)
    assert match is not None and match.groupdict().get("n") is None
    matches = list(Alternation(["zz", "(?P<n>b)c"]).finditer("bc"))
    assert [m.groupdict().get("n") for m in matches] == ["b"]


def test_a_group_name_used_twice_is_refused_when_built() -> None:
    with pytest.raises(re.error):
        Alternation(["(?P<n>a)", "(?P<n>b)"])
