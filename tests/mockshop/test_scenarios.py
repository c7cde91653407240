"""Scenario files: every file validates, covers every complaint type, and bad files explain why."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tousu.models import TYPE_CODES
from tousu_testing.mockshop import ScenarioError, create_mock_app, load_all
from tousu_testing.mockshop.scenarios import SCENARIO_DIR, load_file, parse_scenario

FILES = sorted(SCENARIO_DIR.glob("*.toml"))

GOOD = """
name = "tiny"
title = "t"
[[orders]]
id = "3100000000000099001"
status = "WAIT_SELLER_SEND_GOODS"
created = "-2d"
paid = "-2d+1m"
total_paid = "10.00"
shop = { name = "示例店", nick = "示例", seller_id = 2200000009901 }
  [[orders.items]]
  sub_id = "3100000000000099001"
  item_id = "600000009901"
  title = "示例商品"
  unit_price = "10.00"
"""


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_each_scenario_file_validates(path: Path):
    spec = load_file(path)
    assert spec.orders
    assert spec.story is not None, "every scenario tells the shopper's story"


def test_every_complaint_type_has_a_scenario():
    covered = {spec.story.expected_type for spec in load_all().values() if spec.story}
    assert covered == set(TYPE_CODES)


def test_ids_are_unique_across_files_and_nineteen_digits():
    seen: set[str] = set()
    for spec in load_all().values():
        for order in spec.orders:
            for oid in {order.id, *(i.sub_id for i in order.items)}:
                assert len(oid) == 19
                assert oid not in seen or oid == order.id
                seen.add(oid)


def test_only_invented_contact_details():
    phone = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
    for path in FILES:
        assert set(phone.findall(path.read_text(encoding="utf-8"))) <= {"13000000000"}, path


def test_good_minimal_file():
    assert parse_scenario(GOOD).orders[0].items[0].quantity == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('id = "3100000000000099001"', 'id = "31000"'), "order id must have 19 digits"),
        (("total_paid", "totl_paid"), "totl_paid"),
        (('paid = "-2d+1m"', 'paid = "-3d"'), "'paid' (-3d) is before 'created'"),
        (('created = "-2d"', 'created = "yesterday"'), "neither relative"),
        (('status = "WAIT_SELLER_SEND_GOODS"', 'status = "SHIPPED"'), "WAIT_BUYER_CONFIRM_GOODS"),
        (('status = "WAIT_SELLER_SEND_GOODS"', 'status = "TRADE_FINISHED"'), "needs a 'shipped'"),
        (('sub_id = "3100000000000099001"', 'sub_id = "3100000000000099002"'), "must equal the order"),
    ],
)
def test_bad_file_gives_a_clear_error(change, message):
    with pytest.raises(ScenarioError) as info:
        parse_scenario(GOOD.replace(*change), "tiny.toml")
    assert "tiny.toml" in str(info.value)
    assert message in str(info.value)


def test_name_must_match_file_and_duplicates_are_refused(tmp_path):
    (tmp_path / "other.toml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(ScenarioError, match="must equal the file name"):
        load_all(tmp_path)
    (tmp_path / "other.toml").unlink()
    (tmp_path / "tiny.toml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "tiny2.toml").write_text(GOOD.replace('name = "tiny"', 'name = "tiny2"'), encoding="utf-8")
    with pytest.raises(ScenarioError, match="already used by scenario 'tiny'"):
        load_all(tmp_path)


def test_a_developer_directory_and_unknown_names(tmp_path):
    (tmp_path / "tiny.toml").write_text(GOOD, encoding="utf-8")
    app = create_mock_app({"SCENARIO_DIR": str(tmp_path)})
    assert [s["name"] for s in app.test_client().get("/_admin/scenarios").json["scenarios"]] == ["tiny"]
    with pytest.raises(ScenarioError, match="unknown scenarios"):
        create_mock_app({"SCENARIOS": ["nope"]})
