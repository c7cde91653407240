from __future__ import annotations

from tousu.reading import dom


def test_text_keeps_inline_spans_together_and_separates_blocks():
    root = dom.parse(
        "<div><span>￥</span><span>199</span><span>.</span><span>00</span></div>"
        '<div>订单号:</div><div>31</div><script>var x = "hidden";</script>'
    )
    assert root.text() == "￥199.00 订单号: 31"


def test_class_prefix_matches_hashed_names_only_as_token_prefix():
    root = dom.parse(
        '<a class="title--pLEC2yiw">a</a><span class="titleText--W0CI">b</span><i class="subtitle--x">c</i>'
    )
    assert [n.text() for n in root.by_class_prefix("title--")] == ["a"]


def test_broken_markup_is_tolerated():
    root = dom.parse("<div><p>one<p>two</div></span><li>x<li>y<![if !IE]><table><tr><td>1<td>2")
    assert [n.text() for n in root.by_tag("p")] == ["one", "two"]
    assert [n.text() for n in root.by_tag("td")] == ["1", "2"]


def test_deep_nesting_does_not_recurse():
    root = dom.parse("<div>" * 20000 + "x" + "</div>" * 20000)
    assert root.text() == "x"


def test_background_url():
    assert dom.background_url('background-image: url("//img.alicdn.com/a.jpg")') == ("//img.alicdn.com/a.jpg")
    assert dom.background_url("color: red") is None and dom.background_url(None) is None
