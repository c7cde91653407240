"""What the popup says when it cannot help yet: never a blank, never a stack trace."""

from __future__ import annotations

from playwright.sync_api import expect

LIST_URL = "https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"


def test_helper_down_says_how_to_start_it(tousu, tousu_helper, tousu_mock_shop):
    page = tousu.open_shop_page(LIST_URL)
    tousu_helper.stop()
    popup = tousu.open_popup(page)
    expect(popup.locator("#state-text")).to_contain_text("tousu serve")
    expect(popup.get_by_role("button", name="重试")).to_be_visible()


def test_unpaired_extension_points_to_settings(tousu_unpaired, tousu_mock_shop):
    page = tousu_unpaired.open_shop_page(LIST_URL)
    popup = tousu_unpaired.open_popup(page)
    expect(popup.locator("#state-text")).to_contain_text("配对")
    expect(popup.get_by_role("button", name="打开设置")).to_be_visible()


def test_a_page_that_is_not_the_shop(tousu, tousu_mock_shop):
    page = tousu.context.new_page()
    page.goto(tousu.url("options/options.html"))
    popup = tousu.open_popup(page)
    expect(popup.locator("#state-text")).to_contain_text("不是淘宝或天猫的页面")


def test_service_worker_restart_loses_nothing(tousu, tousu_mock_shop):
    tousu.use_scenario("earphones_left_silent")
    page = tousu.open_shop_page(LIST_URL)
    tousu.stop_service_worker()
    popup = tousu.open_popup(page)
    expect(popup.locator("#orders-count")).to_have_text("本页读到 3 个订单")


def test_a_list_with_more_pages_says_what_was_read(tousu, tmp_path):
    # The old list embeds only its first page (50 orders); the popup says so. A generated
    # 60-order history is served by its own mock shop.
    from tousu_testing import MockShopProcess
    from tousu_testing.browser import route_shop_to_mock
    from tousu_testing.mockshop.routing import REAL_URL_PATTERN

    with MockShopProcess(tmp_path / "big.log", scenarios=["big_list_60"]) as shop:
        tousu.context.unroute(REAL_URL_PATTERN)
        route_shop_to_mock(tousu.context, shop)
        _more_pages_note(tousu)


def _more_pages_note(tousu):
    page = tousu.open_shop_page(LIST_URL)
    popup = tousu.open_popup(page)
    expect(popup.locator("#orders-count")).to_have_text("本页读到 50 个订单")
    note = popup.locator('#reading-notes li[data-code="more_pages"]')
    expect(note).to_contain_text("只读取了这一页的订单")
    popup.locator("#order-cards button").first.click()
    expect(note).to_be_visible()


def test_late_shipment_amount_uses_the_paid_amount_after_the_coupon(tousu, tousu_helper, tousu_mock_shop):
    # late_shipment: 389.00 listed, a 40.00 官方立减, 10.00 freight; the new detail page shows them.
    from decimal import Decimal

    from tousu.advice.formulas import late_shipment_compensation
    from tousu.advice.settings import AdviceSettings
    from tousu_testing.popup import analyze

    scenario = tousu.use_scenario("late_shipment")
    page = tousu.context.new_page()
    page.goto(
        "https://trade.taobao.com/trade/detail/trade_order_detail.htm?biz_order_id=" + scenario.story.order_id
    )
    popup = tousu.open_popup(page)
    analyze(popup, scenario.story.text)
    remedy = popup.locator('#remedies li[data-code="late_shipment_compensation"]')
    paid = late_shipment_compensation(Decimal("349.00"), "taobao", AdviceSettings())
    # The bases a reader without 运费 / 官方立减 would fall back to must give other figures.
    for other in ("389.00", "359.00"):
        assert late_shipment_compensation(Decimal(other), "taobao", AdviceSettings()) != paid
    expect(remedy).to_contain_text(f"¥{paid:.2f}")
