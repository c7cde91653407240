"""Linear scans over raw markup, for the few places that look at tags without building a tree.

Each helper walks the text once with str.find: no regular expression that could backtrack over a
page, so a hostile page ("<script>" * 30000, "<" * 10**6) costs what a plain page of the same size
costs.
"""

from __future__ import annotations

# str.lower() can change a string's length (e.g. "İ"); folding ASCII only keeps every offset.
_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def without_scripts(html: str) -> str:
    """The markup with every <script ...>...</script> element replaced by a space.

    An unterminated script runs to the end of the page, as in a browser's tokenizer.
    """
    lowered = html.translate(_ASCII_LOWER)
    if "<script" not in lowered:
        return html
    parts: list[str] = []
    pos = 0
    while True:
        start = lowered.find("<script", pos)
        if start < 0:
            break
        after = start + 7
        # `<scripts>` or `<scriptx` is not a script tag: the name must end here.
        if after < len(lowered) and lowered[after] not in " \t\n\r\f/>":
            parts.append(html[pos:after])
            pos = after
            continue
        open_end = lowered.find(">", after)
        if open_end < 0:
            parts.append(html[pos:start])
            pos = len(html)
            break
        close = lowered.find("</script", open_end + 1)
        if close < 0:
            parts.append(html[pos:start])
            pos = len(html)
            break
        close_end = lowered.find(">", close + 8)
        parts.append(html[pos:start])
        parts.append(" ")
        pos = len(html) if close_end < 0 else close_end + 1
    parts.append(html[pos:])
    return "".join(parts)


def strip_tags(value: str) -> str:
    """Text without its tags: each `<...>` goes; a `<` that never closes is kept as text."""
    if "<" not in value:
        return value
    parts: list[str] = []
    pos = 0
    while True:
        start = value.find("<", pos)
        if start < 0:
            break
        end = value.find(">", start + 1)
        if end < 0:
            break
        parts.append(value[pos:start])
        pos = end + 1
    parts.append(value[pos:])
    return "".join(parts)


def first_anchor_text(fragment: str) -> str | None:
    """The inner markup of the first <a ...>...</a>, or None."""
    lowered = fragment.translate(_ASCII_LOWER)
    pos = 0
    while True:
        start = lowered.find("<a", pos)
        if start < 0:
            return None
        after = start + 2
        if after < len(lowered) and lowered[after] in " \t\n\r\f>":
            break
        pos = after
    open_end = lowered.find(">", after)
    if open_end < 0:
        return None
    close = lowered.find("</a>", open_end + 1)
    if close < 0:
        return None
    return fragment[open_end + 1 : close]


def quoted_attribute(fragment: str, name: str) -> str | None:
    """The value of the first `name="..."` (or single-quoted) attribute in fragment."""
    lowered = fragment.translate(_ASCII_LOWER)
    needle = name.lower() + "="
    pos = lowered.find(needle)
    while pos >= 0:
        start = pos + len(needle)
        if start < len(fragment) and fragment[start] in "\"'":
            quote = fragment[start]
            end = fragment.find(quote, start + 1)
            if end < 0:
                return None
            value = fragment[start + 1 : end]
            return value or None
        pos = lowered.find(needle, start)
    return None


def iframe_sources(html: str, max_tag: int = 2000) -> list[str]:
    """The src of every <iframe> tag (lower-cased), each tag looked at once."""
    lowered = html.translate(_ASCII_LOWER)
    sources: list[str] = []
    pos = lowered.find("<iframe")
    while pos >= 0:
        end = lowered.find(">", pos + 7, pos + max_tag)
        tag = lowered[pos : end if end >= 0 else pos + max_tag]
        src = quoted_attribute(tag, "src")
        if src:
            sources.append(src)
        pos = lowered.find("<iframe", pos + 7)
    return sources
