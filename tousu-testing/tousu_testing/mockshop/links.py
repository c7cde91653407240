"""Real-site URLs exactly as the real pages write them (protocol-relative, real hosts).

The mock serves every page at ``/<host>/<path>``; tests route the real URLs to it, so pages must
never link to the mock's own address.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote


def detail_from_list(order_id: str, tmall: bool) -> str:
    if tmall:
        return f"//trade.tmall.com/detail/orderDetail.htm?bizOrderId={order_id}&route_to=tm1"
    return f"//buyertrade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId={order_id}&route_to=tm1"


def status_url(order_id: str, tmall: bool) -> str:
    if tmall:
        return f"//trade.tmall.com/detail/orderDetail.htm?bizOrderId={order_id}"
    return f"//trade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId={order_id}"


def taobao_detail(order_id: str) -> str:
    return f"https://trade.taobao.com/trade/detail/trade_order_detail.htm?biz_order_id={order_id}"


def archive_detail(order_id: str) -> str:
    return f"//tradearchive.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId={order_id}"


def logistics_page(order_id: str, seller_id: int) -> str:
    old = quote(
        f"//wuliu.taobao.com/user/order_detail_new.htm?trade_id={order_id}&seller_id={seller_id}", safe=""
    )
    return (
        f"https://market.m.taobao.com/app/dinamic/pc-trade-logistics/home.html?"
        f"orderId={order_id}&entrance=pc&oldUrl={old}"
    )


def transit_step(order_id: str) -> str:
    return f"/trade/json/transit_step.do?bizOrderId={order_id}"


def refund_apply(sub_id: str, tmall: bool) -> str:
    host = "refund2.tmall.com" if tmall else "refund2.taobao.com"
    return f"//{host}/dispute/applyRouter.htm?bizOrderId={sub_id}"


def after_sales(sub_id: str) -> str:
    return f"//refund2.taobao.com/dispute/taobaoAfterDisputeRedirect.htm?tradeId={sub_id}"


def refund_detail(sub_id: str) -> str:
    return f"//refund2.taobao.com/dispute/detail.htm?bizOrderId={sub_id}&disputeType=1"


def complaint(order_id: str) -> str:
    return f"//rights.taobao.com/complaint/redirect.jhtml?bizId={order_id}"


def confirm_goods(order_id: str, tmall: bool) -> str:
    if tmall:
        return f"//trade.tmall.com/order/confirmGoods.htm?biz_order_id={order_id}"
    return f"//trade.taobao.com/trade/confirmGoods.htm?biz_order_id={order_id}"


def rate(order_id: str) -> str:
    return f"//rate.taobao.com/remarkSeller.jhtml?tradeID={order_id}&returnURL=" + quote(
        "//buyertrade.taobao.com/trade/itemlist/list_bought_items.htm", safe=""
    )


def invoice(order_id: str) -> str:
    return f"//invoice-ua.taobao.com/user/invoice/applyPcRoute?orderId={order_id}"


def snapshot(sub_id: str) -> str:
    return f"//buyertrade.taobao.com/trade/detail/tradeSnap.htm?tradeID={sub_id}&snapShot=true"


def item(item_id: str, tmall: bool) -> str:
    return f"//{'detail.tmall.com' if tmall else 'item.taobao.com'}/item.htm?id={item_id}"


def shop(seller_id: int) -> str:
    return f"//store.taobao.com/shop/view_shop.htm?user_number_id={seller_id}"


def wangwang(nick: str) -> str:
    return f"https://amos.alicdn.com/getcid.aw?v=3&uid={quote(nick)}&site=cntaobao"


def pic(item_id: str, seller_id: int) -> str:
    return f"//img.alicdn.com/imgextra/i1/{seller_id}/O1CN01mock{item_id}_!!{seller_id}.jpg_80x80.jpg"


def list_page() -> str:
    return "//buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"


# A refund whose case is in one of these states offers no 申请淘宝介入 any more.
INTERVENTION_CLOSED = {"upheld", "rejected", "closed", "platform_intervening"}
INTERVENTION_PATH = "/dispute/applyIntervention.htm"


def intervention_entry(case: dict[str, Any]) -> str | None:
    """The 申请淘宝介入 link on a refund detail page, when escalation is open."""
    if case.get("seeded") or case.get("status") in INTERVENTION_CLOSED:
        return None
    return f"{INTERVENTION_PATH}?disputeId={case['case_id']}"
