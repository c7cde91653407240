"""When Chromium hands an extension page an empty message bundle, the screens still speak
Chinese (lib/messages.js reads messages.json itself)."""

from __future__ import annotations


def test_an_empty_bundle_falls_back_to_the_bundled_messages(tousu):
    page = tousu.open_options()
    texts = page.evaluate("""async () => {
        chrome.i18n.getMessage = () => '';          // what the intermittent failure looks like
        const m = await import(chrome.runtime.getURL('lib/messages.js') + '?fresh');
        await m.ensureMessages();
        return [m.message('analyze'), m.message('clockLeft', ['3天']), m.message('noSuchKey')];
    }""")
    assert texts == ["分析问题", "剩余 3天", "noSuchKey"]
