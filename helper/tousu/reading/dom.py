"""A small, forgiving DOM built with the standard library's html.parser.

Enough for the DOM-only pages (new list, new detail, archive, forms, case lists): element
tree, attributes, class-prefix matching for hashed CSS-module names (`title--pLEC2yiw` is found
by the prefix `title--`), and visible text. No dependency, and html.parser never gives up on
broken markup: it is what the browser serialised, or a truncated copy of it.

Linear on hostile markup, on Python 3.11.7 too (CVE-2025-6069, fixed in later CPython releases,
is quadratic "<a" * N). The quadratic path of HTMLParser is only `close()`, i.e. goahead(end=True),
which re-scans the rest of the page once for every "<" that starts a construct never finished.
`feed()` alone, i.e. goahead(end=False), stops at the first unfinished construct and leaves it in
`rawdata`; every finished construct is scanned once. So parse() feeds the page once, never calls
close(), and ends the unfinished tail the way an HTML5 tokenizer does at end of file: an
unterminated tag, comment or declaration is dropped, raw text (script, style) runs to the end.
The tree builder is linear too: end tags find their element through per-tag open counts (a stray
end tag costs O(1)), and nesting stops deepening at MAX_DEPTH, as Chromium's parser does (512),
so walking a node's ancestors is bounded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from html import unescape
from html.parser import HTMLParser


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


VOID = _words("area base br col embed hr img input link meta param source track wbr")
# Elements whose content is not page text.
RAW_TEXT = frozenset(("script", "style", "template", "noscript"))
BLOCK = _words(
    "address article aside blockquote br dd div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol option p pre section table tbody td tfoot th "
    "thead tr ul label"
)
# An open element of the key's kind is closed by a new start tag of one of these kinds.
_IMPLIED_END: dict[str, frozenset[str]] = {
    "p": _words("p div ul ol table form h1 h2 h3 h4 h5 h6 section header footer"),
    "li": frozenset(("li",)),
    "option": frozenset(("option", "optgroup")),
    "tr": frozenset(("tr",)),
    "td": frozenset(("td", "th", "tr")),
    "th": frozenset(("td", "th", "tr")),
    "dt": frozenset(("dt", "dd")),
    "dd": frozenset(("dt", "dd")),
}
_WS = re.compile(r"\s+")
MAX_DEPTH = 512


class Node:
    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Node | str] = []
        self.parent = parent

    def __repr__(self) -> str:
        return f"<{self.tag} {self.attrs}>"

    # ------------------------------------------------------------ attributes

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrs.get(name, default)

    @property
    def id(self) -> str:
        return self.attrs.get("id") or ""

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def has_class(self, name: str) -> bool:
        return name in self.classes

    def has_class_prefix(self, prefix: str) -> bool:
        """True for `prefix` + a build hash: `title--` matches `title--pLEC2yiw`."""
        return any(token.startswith(prefix) for token in self.classes)

    # ------------------------------------------------------------ traversal

    def iter(self) -> Iterator[Node]:
        """Descendant elements in document order (iterative: deep pages must not recurse)."""
        stack: list[Node] = [c for c in reversed(self.children) if isinstance(c, Node)]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(c for c in reversed(node.children) if isinstance(c, Node))

    def find_all(self, match: Callable[[Node], bool]) -> list[Node]:
        return [node for node in self.iter() if match(node)]

    def find(self, match: Callable[[Node], bool]) -> Node | None:
        return next((node for node in self.iter() if match(node)), None)

    def by_class_prefix(self, prefix: str, tag: str | None = None) -> list[Node]:
        return self.find_all(lambda n: (tag is None or n.tag == tag) and n.has_class_prefix(prefix))

    def first_class_prefix(self, prefix: str, tag: str | None = None) -> Node | None:
        return self.find(lambda n: (tag is None or n.tag == tag) and n.has_class_prefix(prefix))

    def by_tag(self, *tags: str) -> list[Node]:
        return self.find_all(lambda n: n.tag in tags)

    def ancestors(self) -> Iterator[Node]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def inside(self, match: Callable[[Node], bool]) -> bool:
        return any(match(node) for node in self.ancestors())

    # ------------------------------------------------------------ text

    def text(self) -> str:
        """Visible text, whitespace collapsed; block elements are separated by a space so
        label and value cells do not run together, inline ones are not (split price spans)."""
        parts: list[str] = []
        stack: list[Node | str] = [self]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                parts.append(item)
                continue
            if item.tag in RAW_TEXT:
                continue
            block = item.tag in BLOCK
            if block:
                parts.append(" ")
                stack.append(" ")
            stack.extend(reversed(item.children))
        return _WS.sub(" ", "".join(parts)).strip()

    def own_text(self) -> str:
        """Text of the direct text children only (a label without its nested controls)."""
        return _WS.sub(" ", "".join(c for c in self.children if isinstance(c, str))).strip()


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.current = self.root
        self.depth = 0
        # How many elements of each tag are open on the path root -> current.
        self.open_count: dict[str, int] = {}

    def _pop(self) -> None:
        node = self.current
        self.open_count[node.tag] -= 1
        self.current = node.parent or self.root
        self.depth -= 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        while self.current is not self.root and tag in _IMPLIED_END.get(self.current.tag, ()):
            self._pop()
        node = Node(tag, {k: (v if v is not None else "") for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID and self.depth < MAX_DEPTH:
            self.current = node
            self.depth += 1
            self.open_count[tag] = self.open_count.get(tag, 0) + 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: (v if v is not None else "") for k, v in attrs}, self.current)
        self.current.children.append(node)

    def handle_endtag(self, tag: str) -> None:
        # A stray end tag with no open element of its kind: ignored, as browsers do. Otherwise
        # every element walked past is closed, so the walk is paid for by the elements it pops.
        if not self.open_count.get(tag):
            return
        while self.current is not self.root:
            closing = self.current.tag == tag
            self._pop()
            if closing:
                return

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)

    def finish(self) -> None:
        """End of file without HTMLParser.close() (see the module docstring)."""
        tail = self.rawdata
        self.rawdata = ""
        if not tail:
            return
        if self.cdata_elem is not None:
            self.handle_data(tail)  # an unterminated <script>/<style>: its text runs to the end
        elif not tail.startswith("<"):
            self.handle_data(unescape(tail))  # text ending in what may be a partial entity
        # else: a tag, comment or declaration cut off by the end of the page: dropped.


def parse(html: str) -> Node:
    """The document tree; never raises (whatever was parsed before a failure is kept)."""
    builder = _TreeBuilder()
    try:
        builder.feed(html)
        builder.finish()
    except Exception:  # noqa: BLE001 - html.parser asserts on some malformed declarations
        pass
    return builder.root


def by_id(root: Node, value: str) -> Node | None:
    return root.find(lambda n: n.attrs.get("id") == value)


def background_url(style: str | None) -> str | None:
    """The URL in `background-image:url(//…)` (new list thumbnails are CSS, not <img>)."""
    if not style:
        return None
    start = style.find("url(")
    if start < 0:
        return None
    end = style.find(")", start + 4)
    if end < 0:
        return None
    value = style[start + 4 : end].strip().strip("'\"").strip()
    return value or None
