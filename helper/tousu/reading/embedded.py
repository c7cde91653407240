"""Data embedded in a page's inline scripts, found by scanning text (no DOM parse needed).

Numbers are parsed without ever becoming floats: integers come back as their digit strings
(19-digit ids stay exact), fractions as decimal strings. Readers convert what they need.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .jsliteral import read_literal

_DECODER = json.JSONDecoder(parse_int=str, parse_float=str, strict=False)


def loads(text: str) -> Any:
    """json.loads with ids and amounts kept exact as strings. Raises ValueError on bad JSON."""
    return _DECODER.decode(text)


def raw_decode(text: str, start: int) -> tuple[Any, int]:
    """The JSON value starting at text[start] (whitespace skipped) and the index after it."""
    while start < len(text) and text[start] in " \t\r\n":
        start += 1
    return _DECODER.raw_decode(text, start)


def _assignment(name: str) -> re.Pattern[str]:
    # `var data = ` / `window.data=` / `data =` at a statement start; the name must not be the
    # tail of a longer identifier (`var detailData` must not match `data`).
    return re.compile(r"(?:\bvar\s+|\blet\s+|\bconst\s+|\bwindow\.)" + re.escape(name) + r"\s*=\s*")


_JSON_PARSE_CALL = re.compile(r"JSON\.parse\(\s*")


def find_json_parse(html: str, name: str) -> tuple[str, int] | None:
    """The decoded string argument of `var <name> = JSON.parse('…')` and the script offset.

    Returns None when there is no such statement or its literal is cut off.
    """
    for match in _assignment(name).finditer(html):
        call = _JSON_PARSE_CALL.match(html, match.end())
        if not call:
            continue
        literal = read_literal(html, call.end())
        if literal is not None:
            return literal[0], match.start()
    return None


def find_object_literal(html: str, name: str) -> tuple[Any, int] | None:
    """The value of `var <name> = {…}` when the object literal is valid JSON (Tmall's is)."""
    for match in _assignment(name).finditer(html):
        if not html.startswith("{", match.end()):
            continue
        try:
            value, _ = raw_decode(html, match.end())
        except (ValueError, RecursionError):
            continue
        return value, match.start()
    return None


def parse_json_parse(html: str, name: str) -> tuple[Any, str | None]:
    """(data, problem): the parsed `JSON.parse('…')` argument, or None and why not."""
    found = find_json_parse(html, name)
    if found is None:
        return None, "missing"
    try:
        return loads(found[0]), None
    except (ValueError, RecursionError):
        return None, "invalid"
