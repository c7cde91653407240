"""Controlled mock forms in four skins (widget_forms.js), served on the real form URLs with
context routes: the refund kit, Fusion-like, antd-like, and a variant whose classes match none
of them. Invented values only."""

from __future__ import annotations

import json
import re
import struct
import zlib
from pathlib import Path
from urllib.parse import parse_qs, urlparse

SKINS = ("ultron", "fusion", "antd", "variant")
SCRIPT = (Path(__file__).with_name("widget_forms.js")).read_text("utf-8")
REASONS = [
    "七天无理由退换", "尺码不合适", "颜色/款式不符", "发错货", "包装破损", "商品破损",
    "与描述不符", "假冒品牌", "运费补偿", "少件/漏发", "质量问题", "其他",
]  # fmt: skip


def after_sales(skin: str, max_amount: str) -> list[dict]:
    return [
        {"name": "service", "label": "服务类型", "kind": "select", "required": True, "cascade": True,
         "options": ["仅退款", "退货退款", "换货", "补寄"]},
        {"name": "reason", "label": "退款原因", "kind": "select", "required": True, "depends": "service",
         "options_by": {"_default": REASONS}, "opaque": skin == "variant", "desc": "请如实选择"},
        {"name": "amount", "label": "退款金额", "kind": "text", "id": "applyRefundFeeInput_1-input",
         "max": max_amount},
        {"name": "description", "label": "补充描述", "kind": "textarea", "maxlength": 200},
        {"name": "proof", "label": "上传凭证", "kind": "upload", "limit": 3},
        {"name": "phone", "label": "联系电话", "kind": "readonly", "value": "138****0000"},
    ]  # fmt: skip


def complaint(skin: str) -> list[dict]:
    return [
        {"name": "reason", "label": "投诉原因", "kind": "select", "required": True, "cascade": True,
         "options": ["商品质量问题", "描述不符", "出售假冒商品", "未按约定时间发货", "未收到货",
                     "收到商品少件/错发", "其他"]},
        {"name": "sub_reason", "label": "具体原因", "kind": "select", "required": True, "depends": "reason",
         "options_by": {"_default": ["少件", "错发", "其他"]}},
        {"name": "targets", "label": "投诉商品", "kind": "items", "required": True},
        {"name": "description", "label": "问题描述", "kind": "textarea", "maxlength": 500},
        {"name": "proof", "label": "上传凭证", "kind": "upload", "limit": 3},
        {"name": "phone", "label": "联系电话", "kind": "readonly", "value": "138****0000"},
    ]  # fmt: skip


def intervention(skin: str) -> list[dict]:
    return [
        {"name": "reason", "label": "介入原因", "kind": "select", "required": True,
         "options": ["卖家拒绝退款", "卖家未按约定处理", "商品问题未解决", "其他"]},
        {"name": "description", "label": "问题描述", "kind": "textarea", "maxlength": 500},
        {"name": "proof", "label": "上传凭证", "kind": "upload", "limit": 1},
    ]  # fmt: skip


def page_html(title: str, skin: str, fields: list[dict], items: list[dict], cascade_ms: int = 700) -> str:
    spec = {"skin": skin, "fields": fields, "items": items, "cascade_ms": cascade_ms, "late_ms": 400}
    data = json.dumps(spec, ensure_ascii=False).replace("</", "<\\/")
    return (
        f"<!doctype html><html lang=zh-CN><head><meta charset=utf-8><title>{title}</title></head>"
        f"<body><h1>{title}</h1><div id=form-root>加载中…</div><div id=popup-root></div>"
        f"<script type=application/json id=spec>{data}</script><script>{SCRIPT}</script></body></html>"
    )


def route_forms(context, skin: str, items: list[dict], max_amount: str = "99.00") -> None:
    """Serve the after-sales, complaint and 申请淘宝介入 forms in `skin` (registered last, so
    these routes answer before the mock shop's)."""

    def html(route, body: str) -> None:
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=body)

    def refund(route) -> None:
        url = urlparse(route.request.url)
        query = parse_qs(url.query)
        sub = (query.get("bizOrderId") or query.get("tradeId") or [""])[0]
        if "Redirect" in url.path or "applyRouter" in url.path:
            target = f"https://{url.hostname}/dispute/apply.htm?bizOrderId={sub}&type=2"
            return route.fulfill(status=302, headers={"location": target})
        if "applyFramed" in url.path:
            # The same form inside a same-origin iframe (a variant the fill must still reach).
            inner = f"https://{url.hostname}/dispute/apply.htm?bizOrderId={sub}&type=2"
            return html(
                route, f"<!doctype html><title>申请售后</title><iframe src='{inner}' width=900 height=900>"
            )
        if "applyIntervene" in url.path:
            return html(route, page_html("申请淘宝介入", skin, intervention(skin), items))
        return html(route, page_html("申请售后", skin, after_sales(skin, max_amount), items))

    def rights(route) -> None:
        url = urlparse(route.request.url)
        if "redirect.jhtml" in url.path:
            biz = parse_qs(url.query).get("bizId", [""])[0]
            target = f"https://rights.taobao.com/complaint/applyRouter.htm?bizId={biz}"
            return route.fulfill(status=302, headers={"location": target})
        return html(route, page_html("投诉卖家", skin, complaint(skin), items))

    context.route(
        re.compile(r"^https://refund2\.(taobao|tmall)\.com/dispute/(apply|taobaoAfter|dispute)"), refund
    )
    context.route(re.compile(r"^https://rights\.taobao\.com/complaint/(redirect|applyRouter)"), rights)


def png(seed: int, size: int = 4) -> bytes:
    """A small valid PNG whose pixels depend on `seed` (distinct files, distinct hashes)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(
        b"\x00" + b"".join(bytes([(seed * 40 + x * 9 + y) % 256, 30, 90]) for x in range(size))
        for y in range(size)
    )
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
