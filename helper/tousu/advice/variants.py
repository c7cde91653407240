"""Traditional (and Cantonese) characters folded to the simplified ones the rule patterns use.

Shoppers in Hong Kong, Macao and Taiwan write 鑑定報告, 發霉, 兩盒; Cantonese writes 係 for 是 and
唔 for 不. The amount and evidence patterns are written once, in simplified characters, so the text
is folded one character for one character (offsets are kept, like `text.normalise`): OpenCC's t2s
(the maintained converter `normalise` uses), falling back to one character at a time where a
phrase conversion would change the length, after the one-character Cantonese words of
normalise.toml (their first character: 冇 -> 没).
"""

from __future__ import annotations

from functools import cache, lru_cache

from .normalise import _converter, tables


@cache
def _cantonese() -> dict[int, str]:
    # Before t2s, which would turn Cantonese 係 (是) into 系.
    return {ord(k): v[0] for k, v in tables().cantonese.items() if len(k) == 1}


@lru_cache(maxsize=256)
def simplified(text: str) -> str:
    """`text` with traditional and Cantonese characters folded, same length."""
    folded = text.translate(_cantonese())
    converter = _converter()
    converted: str = converter.convert(folded)
    if len(converted) == len(folded):
        return converted
    out = []
    for char in folded:
        one: str = converter.convert(char)
        out.append(one if len(one) == 1 else char)
    return "".join(out)
