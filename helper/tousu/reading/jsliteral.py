"""JavaScript string literals as the browser's parser reads them.

Taobao embeds its data as `JSON.parse('…')`: the argument is a single-quoted JS string literal,
not JSON. Every escape must be undone with JS semantics (\\' \\xHH \\uXXXX \\u{…} \\0, legacy
octal, line continuations, identity escapes such as \\/ and \\"), or titles containing quotes or
backslashes come out wrong (the bug ad-hoc `replace` chains in public scrapers keep hitting).
"""

from __future__ import annotations

import json
import re

_JS_ESCAPE = re.compile(
    r"\\(?:"
    r"u\{([0-9a-fA-F]{1,6})\}"  # 1: code point escape
    r"|u([0-9a-fA-F]{4})"  # 2: UTF-16 code unit
    r"|x([0-9a-fA-F]{2})"  # 3: latin-1 byte
    r"|([0-3][0-7]{0,2}|[4-7][0-7]?)"  # 4: legacy octal (sloppy-mode pages)
    r"|(\r\n|[\n\r\u2028\u2029])"  # 5: line continuation: contributes nothing
    r"|([\s\S])"  # 6: single-character escape or identity escape
    r")"
)

# A run of text JSON reads alike (possessive, so a 300 KB literal is one linear scan), then
# optionally one thing it does not: a JS-only escape or a raw double quote. The second part is
# optional so consecutive matches tile the literal from its start: the engine never restarts a
# match in the middle of an escape pair ("\\\\0" is "\\" then "0", not "\\" then "\\0").
_NON_JSON = re.compile(
    r'((?:[^\\"]++|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*+)'
    r'(\\(?:u\{[0-9a-fA-F]{1,6}\}|x[0-9a-fA-F]{2}|[0-3][0-7]{0,2}|[4-7][0-7]?|\r\n|[\s\S])|")?'
)

_SINGLE = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}

_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _js_escape(match: re.Match[str]) -> str:
    point, unit, byte, octal, continuation, char = match.groups()
    if point is not None:
        value = int(point, 16)
        return chr(value) if value <= 0x10FFFF else "\ufffd"
    if unit is not None:
        return chr(int(unit, 16))
    if byte is not None:
        return chr(int(byte, 16))
    if octal is not None:
        return chr(int(octal, 8))
    if continuation is not None:
        return ""
    return _SINGLE.get(char, char)


def _pair(match: re.Match[str]) -> str:
    high, low = match.group()[0], match.group()[1]
    return chr(0x10000 + ((ord(high) - 0xD800) << 10) + (ord(low) - 0xDC00))


def _join_surrogates(text: str) -> str:
    """Python strings hold code points, JS strings UTF-16 units: pair them up, and replace any
    unpaired half (which no encoder downstream accepts) with U+FFFD."""
    if not _LONE_SURROGATE.search(text):
        return text
    text = _SURROGATE_PAIR.sub(_pair, text)
    return _LONE_SURROGATE.sub("\ufffd", text)


def _to_json_escape(match: re.Match[str]) -> str:
    bad = match.group(2)
    if bad is None:
        return match.group(1)
    value = '"' if bad == '"' else _js_escape(_JS_ESCAPE.match(bad))  # type: ignore[arg-type]
    return match.group(1) + json.dumps(value)[1:-1]


def decode_js_string(body: str) -> str:
    """The value of a JS string literal, given the text between its quotes.

    Never raises: a dangling backslash at the end (a truncated page) is kept as a backslash.
    """
    if "\\" not in body:
        return _join_surrogates(body)
    # Rewrite only the escapes JSON lacks (\' \x41 \v \0 raw '"'...), then let the C JSON
    # scanner decode the whole literal in one call: on real pages almost every escape is already
    # a JSON one, so this costs one regex pass and no Python call per escape.
    fixed = _NON_JSON.sub(_to_json_escape, body)
    try:
        return _join_surrogates(json.loads('"' + fixed + '"', strict=False))
    except ValueError:
        return _join_surrogates(_JS_ESCAPE.sub(_js_escape, body))


def find_literal_end(text: str, start: int) -> int:
    """Index of the quote closing the literal whose opening quote is at text[start], or -1.

    The closing quote is the first one of the same kind preceded by an even run of
    backslashes; real pages escape nearly every quote, so there are few candidates to check.
    """
    quote = text[start]
    pos = start + 1
    while True:
        pos = text.find(quote, pos)
        if pos < 0:
            return -1
        run = 0
        back = pos - 1
        while back > start and text[back] == "\\":
            run += 1
            back -= 1
        if run % 2 == 0:
            return pos
        pos += 1


def read_literal(text: str, start: int) -> tuple[str, int] | None:
    """(value, index after the closing quote) of the literal opening at text[start]."""
    if start >= len(text) or text[start] not in "'\"":
        return None
    end = find_literal_end(text, start)
    if end < 0:
        return None
    return decode_js_string(text[start + 1 : end]), end + 1


def encode_js_string(value: str, quote: str = "'") -> str:
    """The literal a Taobao server would emit for value: every '"', '/', '\\\\', the quote and
    all non-ASCII escaped; '<', '>', '&' as \\xHH so the script cannot be closed early.

    Used by fixture generators and property tests; the reader never needs it.
    """
    out: list[str] = [quote]
    for char in value:
        code = ord(char)
        if char in "\\\"'/":
            out.append("\\" + char)
        elif char in "<>&":
            out.append(f"\\x{code:02X}")
        elif char == "\n":
            out.append("\\n")
        elif char == "\r":
            out.append("\\r")
        elif char == "\t":
            out.append("\\t")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\x{code:02x}")
        elif code < 0x80:
            out.append(char)
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
    out.append(quote)
    return "".join(out)
