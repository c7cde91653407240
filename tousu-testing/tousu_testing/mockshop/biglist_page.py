"""The tm1 order list with every order of ``big_list_<N>`` embedded in one page (benchmarks).

Apart from biglist.py because it renders through the whole mock app, which loads scenarios,
which generate the big list: one module each keeps the imports one way.
"""

from __future__ import annotations

from .app import create_mock_app
from .context import shop
from .pages import tm1_data
from .pages.tm1_list import render_tm1


def big_list_html(n: int, now: str | None = None, build: str = "20251101") -> bytes:
    """The GBK tm1 page with all ``n`` orders embedded in one ``var data``."""
    app = create_mock_app({"SCENARIOS": [f"big_list_{n}"], "NOW": now})
    with app.test_request_context("/buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"):
        current = shop()
        data = tm1_data.root(current.orders(list(current.specs)), current.now(), page_size=n)
        return render_tm1(data, build).get_data()
