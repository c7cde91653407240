"""Text normalisation that keeps offsets: the linter reports spans into the shopper's own text."""

from __future__ import annotations

from functools import lru_cache


def _fold(char: str) -> str:
    code = ord(char)
    if 0xFF01 <= code <= 0xFF5E:  # full-width ASCII -> ASCII (Ｎｉｋｅ, ３天)
        char = chr(code - 0xFEE0)
    elif code == 0x3000:
        char = " "
    lower = char.lower()
    return lower if len(lower) == 1 else char


@lru_cache(maxsize=256)
def normalise(text: str) -> str:
    """Same length as `text`, so a match at i..j in the result is i..j in the original."""
    return "".join(_fold(c) for c in text)
