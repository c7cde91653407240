"""A hostile web page, in a real Chromium, against a real helper: it reads nothing, writes nothing.

The page even knows the token and a live pairing code (the worst case: they leaked), so what
stops it is the helper's Origin and Host checks, not secrecy. Two attackers:

* http://evil.test:A/ : another origin (resolved to loopback, so Chromium's Local Network
  Access rules do not get in the way and the helper's own defences are what is tested). Every
  attempt is also aimed at a canary on 127.0.0.1:A that records what arrives: proof that the
  browser really sent each request, so a silent browser block cannot pass for a defence.
* http://rebind.test:PORT/ : DNS rebinding. The name resolves to 127.0.0.1, so the page is
  same-origin with the helper and may read replies; only the Host header gives it away.
"""

from __future__ import annotations

import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tousu.config import DEFAULT_EXTENSION_ID
from tousu_testing.browser import chromium_path

ATTACK_JS = r"""
async ([base, token, code, extensionId]) => {
  const order = {order_id: "3100000000000009999", platform: "taobao", shop: {name: "x"},
                 status: "completed", items: []};
  const caseBody = JSON.stringify({order, problem: "hostile", type: "quality_defect"});
  const pairBody = JSON.stringify({code, extension_id: extensionId});
  const results = [];

  async function attempt(name, request) {
    try {
      const response = await request();
      const body = response.type === "opaque" ? null : await response.text();
      results.push({name, sent: true, type: response.type, status: response.status, body});
    } catch (error) {
      results.push({name, sent: false, error: String(error)});
    }
  }
  const json = {"Content-Type": "application/json"};
  const withToken = {"X-Tousu-Token": token};

  await attempt("get ping", () => fetch(`${base}/api/v1/ping`));
  await attempt("get cases + token", () => fetch(`${base}/api/v1/cases`, {headers: withToken}));
  await attempt("get cases no-cors", () => fetch(`${base}/api/v1/cases`, {mode: "no-cors"}));
  await attempt("post case json + token", () => fetch(`${base}/api/v1/cases`,
      {method: "POST", headers: {...json, ...withToken}, body: caseBody}));
  await attempt("post case text/plain", () => fetch(`${base}/api/v1/cases`,
      {method: "POST", headers: {"Content-Type": "text/plain"}, body: caseBody}));
  await attempt("post case no-cors", () => fetch(`${base}/api/v1/cases`,
      {method: "POST", mode: "no-cors", body: caseBody}));
  await attempt("post pairing text/plain", () => fetch(`${base}/api/v1/pairing`,
      {method: "POST", headers: {"Content-Type": "text/plain"}, body: pairBody}));
  await attempt("post pairing no-cors", () => fetch(`${base}/api/v1/pairing`,
      {method: "POST", mode: "no-cors", body: pairBody}));
  await attempt("post pairing json", () => fetch(`${base}/api/v1/pairing`,
      {method: "POST", headers: json, body: pairBody}));
  await attempt("delete pairing + token", () => fetch(`${base}/api/v1/pairing`,
      {method: "DELETE", headers: withToken}));

  // Forms are never preflighted. text/plain can smuggle a JSON body: name={"...":"  value="}
  async function form(name, enctype, path, fields) {
    const frame = document.createElement("iframe");
    frame.name = `sink-${Math.random().toString(36).slice(2)}`;  // unique across runs
    document.body.append(frame);
    const f = document.createElement("form");
    Object.assign(f, {method: "POST", action: `${base}${path}`, enctype, target: frame.name});
    for (const [key, value] of fields) {
      const input = document.createElement("input");
      Object.assign(input, {type: "hidden", name: key, value});
      f.append(input);
    }
    document.body.append(f);
    f.submit();
    // Wait for the reply to land in the frame: a cross-origin one makes location unreadable,
    // a same-origin one (rebinding) is readable once loaded.
    let sent = false;
    let body = null;
    const deadline = performance.now() + 5000;
    while (!sent && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      try {
        const doc = frame.contentDocument;
        if (frame.contentWindow.location.href !== "about:blank" && doc.readyState === "complete") {
          sent = true;
          body = doc.body ? doc.body.innerText : "";
        }
      } catch (error) {
        sent = true;  // a cross-origin document: the page cannot read it
      }
    }
    results.push({name, sent, type: "form", status: 0, body});
  }
  const smuggled = caseBody.slice(0, -1) + ', "pad": "';
  await form("form case text/plain", "text/plain", "/api/v1/cases", [[smuggled, '"}']]);
  await form("form case urlencoded", "application/x-www-form-urlencoded", "/api/v1/cases",
             [["order", JSON.stringify(order)], ["problem", "hostile"]]);
  const pairSmuggled = pairBody.slice(0, -1) + ', "pad": "';
  await form("form pairing text/plain", "text/plain", "/api/v1/pairing", [[pairSmuggled, '"}']]);
  return results;
}
"""

# What the undefended canary receives: simple requests and forms (by content type), and the
# preflighted ones (JSON, the token header, DELETE) after their preflight.
EXPECTED_AT_CANARY = {
    ("GET", "/api/v1/ping", ""),
    ("GET", "/api/v1/cases", ""),
    ("POST", "/api/v1/cases", "text/plain"),
    ("POST", "/api/v1/pairing", "text/plain"),
    ("POST", "/api/v1/cases", "application/x-www-form-urlencoded"),
    ("OPTIONS", "/api/v1/cases", ""),
    ("OPTIONS", "/api/v1/pairing", ""),
    ("POST", "/api/v1/cases", "application/json"),
    ("DELETE", "/api/v1/pairing", ""),
}


class _Attacker(BaseHTTPRequestHandler):
    """Serves the attack page at / and records every other request (the canary).

    The canary is a helper with no defences at all: it allows every origin, header and method,
    so the same attacks read and write there. That proves the checks below can fail."""

    seen: list[tuple[str, str, str, str]]

    def _answer(self):
        if self.path == "/":
            body = b"<!doctype html><title>totally harmless</title><body></body>"
            content_type = "text/html"
        else:
            content_type = (self.headers.get("Content-Type") or "").split(";")[0]
            self.seen.append((self.command, self.path, self.headers.get("Origin", ""), content_type))
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            body, content_type = b"canary", "text/plain"
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        if self.path != "/":
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Allow-Headers", "*")
            self.send_header("Access-Control-Allow-Methods", "GET, POST, DELETE")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_DELETE = do_OPTIONS = _answer  # noqa: N815 (http.server's naming)

    def log_message(self, *args):
        pass


@pytest.fixture
def attacker():
    handler = type("Attacker", (_Attacker,), {"seen": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def browser(tousu_playwright):
    args = [
        # evil.test and rebind.test are attacker names that resolve to this machine.
        "--host-resolver-rules=MAP evil.test 127.0.0.1, MAP rebind.test 127.0.0.1",
        "--no-proxy-server",
        # Chromium's Local Network Access checks would stop the rebound page (served by a route,
        # so not known to be local) before it reaches loopback. Browsers without them exist
        # (older ones, other engines, the setting turned off): test the helper's own checks.
        "--disable-features=LocalNetworkAccessChecks",
        "--disable-background-networking",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")
    browser = tousu_playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=args)
    try:
        yield browser
    finally:
        browser.close()


def _state(helper, token: str) -> dict:
    """What the helper holds, asked as a legitimate non-browser client."""
    status, _, cases = helper.request("GET", "/api/v1/cases", headers={"X-Tousu-Token": token})
    assert status == 200, cases
    status, _, pairing = helper.request("GET", "/api/v1/pairing", headers={"X-Tousu-Token": token})
    return {"cases": cases["total"], "token_alive": status == 200}


def _assert_nothing_readable(results: list[dict]) -> None:
    assert len(results) == 13, results
    for result in results:
        body = result.get("body") or ""
        assert "cases" not in body and "token" not in body and "tousu-helper" not in body, result
        if result.get("type") == "form":
            # The reply landed in a cross-origin frame the page cannot look into.
            assert result["sent"] and result["body"] is None, result
        else:
            # Either the browser refused to hand over the reply, or it is opaque.
            assert not result["sent"] or result["type"] == "opaque", result


def test_another_origin_reads_and_writes_nothing(browser, attacker, tousu_helper):
    token = tousu_helper.pair()
    code = tousu_helper.new_pairing_code()
    before = _state(tousu_helper, token)
    port = attacker.server_address[1]
    page = browser.new_page()
    page.goto(f"http://evil.test:{port}/")

    results = page.evaluate(ATTACK_JS, [tousu_helper.url, token, code, DEFAULT_EXTENSION_ID])
    _assert_nothing_readable(results)

    # The same attacks at the undefended canary: the browser sends them all, and the page reads
    # the replies. So a browser block is not what kept the helper untouched, and the
    # assertions above do fail against a helper without defences.
    canary = page.evaluate(ATTACK_JS, [f"http://127.0.0.1:{port}", token, code, DEFAULT_EXTENSION_ID])
    assert len(canary) == len(results)
    seen = attacker.RequestHandlerClass.seen
    arrived = {(method, path, content_type) for method, path, _, content_type in seen}
    assert arrived >= EXPECTED_AT_CANARY, arrived
    assert {origin for _, _, origin, _ in seen} <= {f"http://evil.test:{port}", "null", ""}
    read = {r["name"] for r in canary if r.get("type") == "cors" and r["body"] == "canary"}
    assert read >= {
        "get ping",
        "get cases + token",
        "post case json + token",
        "post case text/plain",
        "delete pairing + token",
    }, canary
    with pytest.raises(AssertionError):
        _assert_nothing_readable(canary)

    assert _state(tousu_helper, token) == before == {"cases": 0, "token_alive": True}
    # The code the page tried is still unused: the pairing attempts never reached a redeem.
    status, _, body = tousu_helper.request(
        "POST", "/api/v1/pairing", {"code": code, "extension_id": DEFAULT_EXTENSION_ID}
    )
    assert status == 201, body


def test_dns_rebinding_is_refused_by_host(browser, tousu_helper):
    token = tousu_helper.pair()
    code = tousu_helper.new_pairing_code()
    origin = f"http://rebind.test:{tousu_helper.port}"
    context = browser.new_context()
    # The attacker's page at its own name, on the helper's port: same origin as the helper.
    context.route(
        f"{origin}/",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<!doctype html><title>rebound</title><body></body>"
        ),
    )
    page = context.new_page()
    page.goto(f"{origin}/")

    results = page.evaluate(ATTACK_JS, ["", token, code, DEFAULT_EXTENSION_ID])
    assert len(results) == 13
    fetched = [r for r in results if r.get("type") != "form"]
    # Same origin, so the page can read the replies: each one is the Host refusal, nothing else.
    readable = [r for r in fetched if r.get("type") == "basic"]
    assert {r["name"] for r in readable} >= {
        "get ping",
        "get cases + token",
        "post case json + token",
        "delete pairing + token",
    }
    for result in readable:
        assert result["status"] == 403, result
        assert '"bad_host"' in result["body"], result
    # Forms land in same-origin frames too: each shows the refusal.
    forms = [r for r in results if r.get("type") == "form"]
    assert len(forms) == 3
    for result in forms:
        assert result["sent"] and '"bad_host"' in result["body"], result
    for result in results:
        assert "tousu-helper" not in (result.get("body") or ""), result
        assert '"cases"' not in (result.get("body") or ""), result

    assert _state(tousu_helper, token) == {"cases": 0, "token_alive": True}
    status, _, body = tousu_helper.request(
        "POST", "/api/v1/pairing", {"code": code, "extension_id": DEFAULT_EXTENSION_ID}
    )
    assert status == 201, body
    context.close()
