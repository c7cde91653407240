"""Text normalisation that keeps offsets: the linter reports spans into the shopper's own text."""

from __future__ import annotations

import re
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


# A run of repeats around an unbounded digit match lets an unanchored search retry from every
# position of a long digit run: quadratic time (20 000 digits took minutes). No phrase a shopper
# writes needs more than a dozen digits in one number, so rule patterns are bounded at compile.
_UNBOUNDED_DIGITS = re.compile(r"(\\d|\[[^\]]*\\d[^\]]*\])([+*])")


def bounded(pattern: str) -> str:
    """`pattern` with every unbounded repeat of digits (\\d+, [...\\d]*) capped at 12."""
    return _UNBOUNDED_DIGITS.sub(
        lambda m: m.group(1) + ("{1,12}" if m.group(2) == "+" else "{0,12}"), pattern
    )
