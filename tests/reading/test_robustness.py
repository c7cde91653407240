"""read_page never raises: truncated, mangled, binary or odd input still gives a Reading."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tousu.models import Reading
from tousu.reading import read_page

from .conftest import FIXTURE_URLS, PAGES, page_bytes

FIXTURES = sorted(p.name for p in PAGES.iterdir() if p.suffix in (".html", ".json"))
_CACHE: dict[str, bytes] = {}

fast = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _page(name: str) -> bytes:
    if name not in _CACHE:
        _CACHE[name] = page_bytes(name)
    return _CACHE[name]


def _url(name: str) -> str:
    return FIXTURE_URLS.get(name, "https://example.com/" + name)


def test_every_fixture_has_a_url():
    assert set(FIXTURES) <= set(FIXTURE_URLS)


@pytest.mark.parametrize("name", FIXTURES)
@fast
@given(cut=st.floats(min_value=0, max_value=1))
def test_truncated_pages(name: str, cut: float):
    data = _page(name)
    reading = read_page(_url(name), data[: int(len(data) * cut)])
    assert isinstance(reading, Reading)
    Reading.model_validate(reading.model_dump(mode="json"))


@pytest.mark.parametrize("name", FIXTURES)
@fast
@given(
    flips=st.lists(
        st.tuples(st.floats(min_value=0, max_value=1), st.integers(0, 255)), min_size=1, max_size=8
    )
)
def test_byte_flips(name: str, flips: list[tuple[float, int]]):
    data = bytearray(_page(name))
    for where, value in flips:
        data[min(int(len(data) * where), len(data) - 1)] = value
    reading = read_page(_url(name), bytes(data))
    assert isinstance(reading, Reading)
    reading.model_dump_json()


@fast
@given(url=st.text(max_size=200), html=st.one_of(st.text(max_size=500), st.binary(max_size=500)))
def test_arbitrary_input(url: str, html: str | bytes):
    assert isinstance(read_page(url, html), Reading)


@pytest.mark.parametrize(
    "html", [None, 12, b"\x00" * 1000, "{" * 50000, "[" * 100000, "var data = JSON.parse('" + "\\" * 10001]
)
def test_hostile_values(html):
    reading = read_page("https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm", html)
    assert isinstance(reading, Reading)


def test_deeply_nested_embedded_json():
    body = "[" * 100000 + "]" * 100000
    html = f"<script>var data = JSON.parse('{{\\\"mainOrders\\\":{body}}}');</script>"
    reading = read_page("https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm", html)
    assert reading.kind == "order_list"


def test_non_string_url():
    assert read_page(None, "<html></html>").kind == "other"  # type: ignore[arg-type]
