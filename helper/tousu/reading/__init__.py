"""Page snapshot -> Reading: which kind of page, the orders on it, and warnings.

    from tousu.reading import read_page
    reading = read_page(url, html)          # html: the DOM string, or the raw page bytes

One small module per page family; embedded JSON first, DOM second. Never imports Flask or the
store and never touches the network.
"""

from .reader import classify, read_page

__all__ = ["classify", "read_page"]
