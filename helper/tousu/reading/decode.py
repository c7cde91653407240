"""Bytes -> text for saved or fetched pages: the declared charset first, then sensible guesses."""

from __future__ import annotations

import codecs
import re

# Only the head is searched: a charset declared after the first few KB is not honoured by
# browsers either, and scanning a 5 MB page for it would cost time for nothing.
_SNIFF_BYTES = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Taobao declares gbk or gb2312; GB18030 is their superset and decodes every byte sequence either
# of them can produce, plus the characters shops paste in from outside the GBK repertoire.
_ALIASES = {"gbk": "gb18030", "gb2312": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030"}


def declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").strip().lower()
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(data: bytes | bytearray | memoryview | str) -> str:
    """Text of a page body; never raises.

    Order: byte-order mark, declared charset, UTF-8, GB18030, and finally GB18030 with
    replacement characters so the reader still gets whatever is legible.
    """
    if isinstance(data, str):
        return data
    raw = bytes(data)
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw[len(bom) :].decode(encoding, "replace")
    candidates: list[str] = []
    declared = declared_charset(raw)
    if declared == "gb18030" and _is_multibyte_utf8(raw):
        # A page saved as UTF-8 that kept its original gbk meta (editors and "save page" tools
        # do this). Real GBK text with more than a few characters is never valid UTF-8.
        candidates.append("utf-8")
    if declared:
        candidates.append(declared)
    for fallback in ("utf-8", "gb18030"):
        if fallback not in candidates:
            candidates.append(fallback)
    for encoding in candidates:
        try:
            return raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return raw.decode(declared or "gb18030", "replace")


def _is_multibyte_utf8(raw: bytes) -> bool:
    if raw.isascii():
        return False
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
