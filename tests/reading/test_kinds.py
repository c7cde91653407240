from __future__ import annotations

import pytest

from tousu.reading import kinds


@pytest.mark.parametrize(
    ("url", "family"),
    [
        ("https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm?route_to=tm1", kinds.LIST),
        ("https://trade.taobao.com/trade/itemlist/listBoughtItems.htm?nekot=1", kinds.LIST),
        ("https://trade.taobao.com/trade/detail/trade_order_detail.htm?biz_order_id=1", kinds.TAOBAO_DETAIL),
        (
            "https://buyertrade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId=1",
            kinds.TAOBAO_DETAIL,
        ),
        ("https://trade.tmall.com/detail/orderDetail.htm?bizOrderId=1", kinds.TMALL_DETAIL),
        (
            "https://tradearchive.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId=1",
            kinds.ARCHIVE_DETAIL,
        ),
        ("https://rights.taobao.com/complaint/redirect.jhtml?bizId=1", kinds.COMPLAINT_FORM),
        ("https://rights.taobao.com/complaint/buyerList.htm", kinds.COMPLAINT_LIST),
        ("https://refund2.taobao.com/dispute/applyRouter.htm?bizOrderId=1", kinds.REFUND_FORM),
        ("https://refund2.tmall.com/dispute/apply.htm?bizOrderId=1&type=1", kinds.REFUND_FORM),
        ("https://refund2.taobao.com/dispute/buyerDisputeList.htm", kinds.REFUND_LIST),
        ("https://login.taobao.com/member/login.jhtml?redirectURL=x", kinds.LOGIN),
        ("https://buyertrade.taobao.com//_____tmd_____/punish?x5secdata=x", kinds.VERIFICATION),
        ("https://www.example.com/", None),
        ("not a url", None),
    ],
)
def test_family_from_url(url, family):
    assert kinds.family_from_url(url) == family


def test_content_decides_the_generation():
    url = "https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"
    assert kinds.family(url, "<script>var data = JSON.parse('{\\\"mainOrders\\\":[]}')</script>") == (
        kinds.TM1_LIST
    )
    assert kinds.family(url, '<div id="shopOrderContainer_3100000000000000001">') == kinds.TM2_LIST
    detail = "https://trade.taobao.com/trade/detail/trade_order_detail.htm?biz_order_id=1"
    assert kinds.family(detail, "<script>var detailData = {}</script>") == kinds.TMALL_DETAIL
    assert kinds.family(detail, '<div class="detailInfoContent--x">') == kinds.NEW_DETAIL
    assert kinds.family("file:///x.html", "<script>var detailData = {}</script>") == kinds.TMALL_DETAIL
    assert kinds.family("file:///x.html", '  {"ret":[]}') == kinds.JSON_BODY
    assert kinds.family("file:///x.html", "mtopjsonp3({})") == kinds.JSON_BODY


def test_detail_data_is_not_mistaken_for_data():
    html = "<script>var xdata = JSON.parse('{}'); var mainOrders;</script>"
    assert kinds.family_from_content(html) == kinds.UNKNOWN


def test_a_detail_url_with_list_class_names_in_its_stylesheet_is_still_the_new_detail():
    from tousu.reading import kinds

    html = (
        "<style>.trade-bought-list-order-container { border: 1px solid #eee }</style>"
        '<div class="detailInfoContent--a1"><span>订单编号</span><span>3100000000000040000</span></div>'
    )
    url = "https://trade.taobao.com/trade/detail/trade_order_detail.htm?biz_order_id=3100000000000040000"
    assert kinds.family(url, html) == kinds.NEW_DETAIL
