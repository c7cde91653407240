"""Per-request helpers: which scenarios, which faults, how to redirect, the shared page layout."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from flask import Response, current_app, render_template, request

from .encoding import html_response
from .shop import COOKIE, MockShop

STATIC = Path(__file__).parent / "static"
FAULT_COOKIE = "tousu_faults"
DIRECT_COOKIE = "tousu_direct"
REAL_SUFFIXES = (".taobao.com", ".tmall.com", ".alicdn.com")
FAULT_KINDS = ("login", "verify", "blocked", "empty")
SKINS = ("kit", "fusion", "antd", "variant")
# Form faults: re-render storm, a verification page in place of the form, a form for another
# order, the form inside a same-origin iframe, an uploader whose server answers slowly.
FORM_FAULTS = ("storm", "challenge", "other", "iframe", "slowupload")


def shop() -> MockShop:
    return current_app.extensions["tousu_mock"]


def selected_scenario() -> str | None:
    return request.args.get(COOKIE) or request.cookies.get(COOKIE) or None


def selected_names() -> list[str]:
    return shop().names(selected_scenario())


@dataclass
class Faults:
    """Fault switches for one request (query > cookie > admin setting > app config)."""

    fault: str | None = None
    delay: int = 0
    late: int = 0
    build: str = "20251101"
    missing: list[str] = field(default_factory=list)
    charset: str | None = None
    skin: str = "kit"
    form: str | None = None

    @classmethod
    def merge(cls, *layers: dict[str, Any]) -> Faults:
        result = cls()
        for layer in layers:
            for key, value in layer.items():
                if value in (None, ""):
                    continue
                if key in ("delay", "late"):
                    setattr(result, key, max(0, min(int(value), 60_000)))
                elif key == "missing":
                    items = value if isinstance(value, list) else str(value).split(",")
                    result.missing = [i.strip() for i in items if i.strip()]
                elif key == "fault":
                    if value not in FAULT_KINDS:
                        raise ValueError(f"unknown fault {value!r}; one of {FAULT_KINDS}")
                    result.fault = value
                elif key == "skin":
                    if value not in SKINS:
                        raise ValueError(f"unknown skin {value!r}; one of {SKINS}")
                    result.skin = value
                elif key == "form":
                    if value not in FORM_FAULTS:
                        raise ValueError(f"unknown form fault {value!r}; one of {FORM_FAULTS}")
                    result.form = value
                elif key in ("build", "charset"):
                    setattr(result, key, str(value))
        return result


def _prefixed(pairs: dict[str, str]) -> dict[str, str]:
    return {k.removeprefix("tousu_"): v for k, v in pairs.items() if k.startswith("tousu_") and k != COOKIE}


def faults() -> Faults:
    cached = getattr(request, "_tousu_faults", None)
    if cached is not None:
        return cached
    config = current_app.config
    base = {"delay": config.get("DELAY"), "build": config.get("BUILD"), **(config.get("FAULTS") or {})}
    cookie = dict(parse_qsl(request.cookies.get(FAULT_COOKIE, "")))
    query = _prefixed(dict(request.args))
    result = Faults.merge(base, shop().state.faults(), cookie, query)
    request._tousu_faults = result  # type: ignore[attr-defined]
    return result


# ------------------------------------------------------------ URLs and redirects


def host_and_path() -> tuple[str, str]:
    """``/buyertrade.taobao.com/trade/x.htm`` -> ("buyertrade.taobao.com", "/trade/x.htm")."""
    parts = request.path.split("/", 2)
    host = parts[1] if len(parts) > 1 else ""
    rest = "/" + (parts[2] if len(parts) > 2 else "")
    return host, rest


def is_real_host(host: str) -> bool:
    return host.endswith(REAL_SUFFIXES)


def real_url(drop_mock_params: bool = True) -> str:
    host, rest = host_and_path()
    pairs = [
        (k, v) for k, v in request.args.items(multi=True) if not (drop_mock_params and k.startswith("tousu_"))
    ]
    query = ("?" + urlencode(pairs)) if pairs else ""
    return f"https://{host}{rest}{query}"


def direct_mode() -> bool:
    """A developer browsing the mock's own address (set by the index page), not a routed test."""
    if request.headers.get("X-Tousu-Routed"):
        return False
    return request.cookies.get(DIRECT_COOKIE) == "1"


def cross_host(url: str) -> str:
    """Location for a redirect to another real host.

    Routed browsers follow the real absolute URL (and route it again); a developer on the mock's
    own address needs the mock path instead.
    """
    bare = url.split("//", 1)[1] if "//" in url[:8] else url
    if direct_mode():
        return "/" + bare
    return "https://" + bare


def same_host(path: str) -> str:
    """A relative Location that works both under the real URL and the mock's own address."""
    host, _ = host_and_path()
    target, _, query = path.partition("?")
    base = posixpath.dirname(request.path)
    rel = posixpath.relpath(f"/{host}{target}", base)
    return rel + (("?" + query) if query else "")


# ------------------------------------------------------------ layout


@cache
def static_text(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


def respond(template: str, native: str = "utf-8", **values: Any) -> Response:
    """Render a page in its native charset (GBK for the old pages) unless a fault overrides it;
    the <meta charset> and the body encoding always agree."""
    charset = faults().charset or native
    return html_response(page(template, charset=charset, **values), charset)


def page(template: str, **values: Any) -> str:
    """Render a page with the shared CSS and the dev-link script inlined.

    Inlined on purpose: a routed browser asks for every asset under a real host, and a page that
    needs no second request keeps the route table (and the snapshot) simple.
    """
    values.setdefault("charset", "utf-8")
    # The forms' scripts: the CDN-like real host when routed, the mock's own path when browsed directly.
    values.setdefault("assets", "/g.alicdn.com/tousu-mock" if direct_mode() else "//g.alicdn.com/tousu-mock")
    return render_template(
        template, css=static_text("mock.css"), devlinks=static_text("devlinks.js"), **values
    )
