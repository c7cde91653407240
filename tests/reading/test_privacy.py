"""No personal data in readings: the fixtures plant invented names, phones, addresses, buyer
ids, Alipay numbers and form tokens, and none may come out."""

from __future__ import annotations

import pytest

from .conftest import FIXTURE_URLS, PAGES, PERSONAL, read_fixture, serialized


@pytest.mark.parametrize("name", sorted(FIXTURE_URLS))
def test_no_personal_data_in_any_reading(name: str):
    text = serialized(read_fixture(name))
    assert [secret for secret in PERSONAL if secret in text] == []


def test_the_fixtures_really_contain_personal_data():
    # Otherwise the test above proves nothing.
    raw = b"".join(
        (PAGES / n).read_bytes().decode("gb18030", "replace").encode()
        for n in [
            "taobao_detail.html",
            "tmall_detail.html",
            "new_detail.html",
            "archive_detail.html",
            "complaint_form.html",
        ]
    )
    for secret in (
        "张示例",
        "13000000000",
        "示例路1号",
        "2025100822001100000000000001",
        "example_token_value",
    ):
        assert secret.encode() in raw
