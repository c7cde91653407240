"""The extension's strings: both locales complete, every key the screens use defined, and the
symptom chips taken from the helper. Fast, no browser."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tousu.advice import symptoms_catalog

EXTENSION = Path(__file__).resolve().parents[2] / "extension"
LOCALES = {p.parent.name: json.loads(p.read_text("utf-8"))
           for p in EXTENSION.glob("_locales/*/messages.json")}
SOURCES = [p for p in EXTENSION.rglob("*") if p.suffix in (".js", ".html")]


def used_keys() -> set[str]:
    keys: set[str] = set()
    for path in SOURCES:
        text = path.read_text("utf-8")
        keys |= set(re.findall(r"\bt\(\s*'([A-Za-z0-9_]+)'", text))
        keys |= set(re.findall(r"getMessage\(\s*'([A-Za-z0-9_]+)'", text))
        keys |= set(re.findall(r'data-i18n(?:-placeholder|-aria-label)?="([A-Za-z0-9_]+)"', text))
    manifest = (EXTENSION / "manifest.json").read_text("utf-8")
    keys |= set(re.findall(r"__MSG_([A-Za-z0-9_]+)__", manifest))
    return keys


def test_chinese_first_and_english_second():
    manifest = json.loads((EXTENSION / "manifest.json").read_text("utf-8"))
    assert manifest["default_locale"] == "zh_CN"
    assert set(LOCALES) == {"zh_CN", "en"}


def test_both_locales_have_the_same_keys():
    assert set(LOCALES["zh_CN"]) == set(LOCALES["en"])


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_every_key_the_screens_use_is_defined(locale):
    missing = sorted(used_keys() - set(LOCALES[locale]))
    assert not missing, f"{locale} lacks {missing}"


def test_placeholders_agree_between_locales():
    for key, entry in LOCALES["zh_CN"].items():
        zh = set(re.findall(r"\$\d", entry["message"]))
        en = set(re.findall(r"\$\d", LOCALES["en"][key]["message"]))
        assert zh == en, key


def test_the_chinese_screens_are_chinese():
    # A few anchors that the shopper sees first.
    zh = LOCALES["zh_CN"]
    assert zh["extName"]["message"] == "淘宝投诉助手"
    assert zh["analyze"]["message"] == "分析问题"
    assert zh["fillComplaint"]["message"] == "预填投诉单"


def test_symptom_chips_come_from_the_helper():
    # The chips are GET /advice/symptoms (one decision, in the helper); the screens keep no list.
    source = (EXTENSION / "screens/symptoms.js").read_text("utf-8")
    assert "SYMPTOMS = [" not in source
    assert "'advice/symptoms'" in source
    assert all(s["label_zh"] and s["label_en"] for s in symptoms_catalog())
