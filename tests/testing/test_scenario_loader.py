"""The scenario files as test data (no browser)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tousu_testing.mockshop.scenarios import SCENARIO_DIR
from tousu_testing.scenarios import LIST_URL, get_scenario, load_scenarios, scenario_names

pytest_plugins = ["pytester"]


def test_every_file_is_a_scenario_and_every_story_a_test():
    files = sorted(p.stem for p in Path(SCENARIO_DIR).glob("*.toml"))
    assert sorted(load_scenarios()) == files
    assert scenario_names() == [n for n in files if load_scenarios()[n].has_story]
    assert "earphones_left_silent" in scenario_names()


def test_story_and_ids():
    scenario = get_scenario("earphones_left_silent")
    assert scenario.story.order_id == "3100000000000002001"
    assert scenario.story.expected_type == "quality_defect"
    assert scenario.accepted_types == ("quality_defect",)
    assert scenario.order_ids[0] == scenario.story.order_id and len(scenario.order_ids) == 3
    assert scenario.goods_title().startswith("示例 TWS 真无线蓝牙耳机")


@pytest.mark.parametrize("name", scenario_names())
def test_list_url_follows_the_generation(name):
    scenario = get_scenario(name)
    assert scenario.list_url.startswith(LIST_URL)
    assert ("route_to=tm2" in scenario.list_url) == (scenario.generation == "tm2")


def test_card_title_skips_pseudo_items():
    scenario = get_scenario("wrong_or_missing_item")
    order = scenario.order()
    assert any(item.pseudo for item in order.items)
    assert scenario.goods_title() == next(i.title for i in order.items if not i.pseudo)


def test_unknown_names_are_named():
    with pytest.raises(LookupError, match="known:"):
        get_scenario("no_such_scenario")
    with pytest.raises(LookupError):
        get_scenario("earphones_left_silent").order("1234")


@pytest.mark.slow  # starts real processes
def test_scenario_fixtures(pytester):
    pytester.makepyfile("""
        def test_fixtures(tousu_scenarios, tousu_scenario):
            assert "not_received" in tousu_scenarios
            chosen = tousu_scenario("not_received")
            assert chosen is tousu_scenarios["not_received"]
            assert chosen.story.order_id == "3100000000000008001"
            assert chosen.generation == "tm1"
    """)
    pytester.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)


@pytest.mark.slow  # starts real processes
def test_old_fixture_names_still_work_and_warn(pytester):
    pytester.makepyfile("""
        import pytest

        def test_old_name(scenario):
            assert scenario("not_received").story.order_id == "3100000000000008001"
    """)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-W", "default")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*fixture 'scenario' is deprecated; use 'tousu_scenario'*"])
