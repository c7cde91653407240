from __future__ import annotations

import importlib.util
import sys

from hypothesis import given
from hypothesis import strategies as st

from tousu.reading.jsliteral import (
    decode_js_string,
    encode_js_string,
    find_literal_end,
    read_literal,
)

from .conftest import PAGES


def _load_fixture_encoder():
    spec = importlib.util.spec_from_file_location("make_fixtures", PAGES / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_fixtures", module)
    spec.loader.exec_module(module)
    return module.js_single_quoted


server_literal = _load_fixture_encoder()


def test_json_style_escapes():
    assert decode_js_string(r"{\"a\":\"b\\/c\"}") == '{"a":"b\\/c"}'
    assert decode_js_string(r"http:\/\/x") == "http://x"
    assert decode_js_string(r"\u4e2d\u6587") == "中文"


def test_js_only_escapes():
    assert decode_js_string(r"\x41\x3c\x3E") == "A<>"
    assert decode_js_string(r"it\'s") == "it's"
    assert decode_js_string(r"\v\0") == "\v\0"
    assert decode_js_string(r"\101\7") == "A\x07"
    assert decode_js_string(r"\u{1F600}") == "😀"
    assert decode_js_string(r"\q\-") == "q-"  # identity escapes
    assert decode_js_string("a\\\nb") == "ab"  # line continuation
    assert decode_js_string("a\\\r\nb") == "ab"


def test_raw_double_quote_is_kept():
    assert decode_js_string('say "hi" \\x21') == 'say "hi" !'


def test_surrogates_pair_up_and_lone_halves_are_replaced():
    assert decode_js_string(r"\ud83d\ude00") == "😀"
    assert decode_js_string(r"\x41\ud83d\ude00") == "A😀"
    assert decode_js_string(r"\ud83d!") == "\ufffd!"


def test_backslash_runs():
    assert decode_js_string("\\\\\\\\") == "\\\\"
    assert decode_js_string("a\\\\") == "a\\"
    assert decode_js_string("a\\") == "a\\"  # dangling (truncated page): kept, never raises


def test_find_literal_end_skips_escaped_quotes():
    text = r"f('a\'b\\', 2)"
    assert find_literal_end(text, 2) == 9
    assert read_literal(text, 2) == ("a'b\\", 10)
    assert read_literal("'unterminated", 0) is None
    assert read_literal("x", 0) is None


@given(st.text())
def test_server_encoding_round_trips(value: str):
    assert decode_js_string(server_literal(value)[1:-1]) == value


@given(st.text())
def test_own_encoder_round_trips(value: str):
    literal = encode_js_string(value)
    assert read_literal(literal + ");", 0) == (value, len(literal))


@given(st.text(alphabet=st.sampled_from(list("\\'\"xu0123456789abcdefABCDEF{}/\n\rnt v中"))))
def test_decoder_never_raises_on_arbitrary_bodies(body: str):
    assert isinstance(decode_js_string(body), str)
