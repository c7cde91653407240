"""The plugin under pytest-xdist: each worker its own mock shop, each test its own helper, data,
ports and Chromium profile; and nothing left running afterwards."""

from __future__ import annotations

import json
import os
import subprocess
import time

pytest_plugins = ["pytester"]

INNER = """
import json, os
from pathlib import Path

import pytest

OUT = Path({out!r})


@pytest.mark.parametrize("n", range(4))
def test_record(tousu, tousu_helper, tousu_mock_shop, n):
    tousu.use_scenario("earphones_left_silent")
    page = tousu.open_shop_page("https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm")
    page.get_by_text("示例数码专营店").first.wait_for()
    # Leave a mark in this worker's mock shop and in this test's helper data.
    tousu_mock_shop.admin("POST", "faults", {{"delay": n + 1}})
    (OUT / f"{{n}}.json").write_text(json.dumps({{
        "worker": os.environ.get("PYTEST_XDIST_WORKER"),
        "pytest_pid": os.getpid(),
        "shop_pid": tousu_mock_shop.pid, "shop_port": tousu_mock_shop.port,
        "helper_pid": tousu_helper.pid, "helper_port": tousu_helper.port,
        "helper_data": str(tousu_helper.data_dir),
        "profile": str(tousu.profile_dir),
    }}))


def test_shop_was_reset(tousu_mock_shop):
    # Whatever an earlier test in this worker set, this test starts from a reset shop.
    assert tousu_mock_shop.admin("GET", "faults")["faults"] == {{}}
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return not stat.read().split(") ")[1].startswith("Z")
    except (FileNotFoundError, IndexError):
        return False


def _pgrep(pattern: str) -> list[str]:
    return subprocess.run(["pgrep", "-af", pattern], capture_output=True, text=True).stdout.split("\n")


def test_parallel_workers_share_nothing_and_leave_nothing(pytester, tmp_path):
    out = tmp_path / "records"
    out.mkdir()
    pytester.makepyfile(test_inner=INNER.format(out=str(out)))
    result = pytester.runpytest_subprocess(
        "-n", "2", "-p", "no:cacheprovider", "--basetemp", str(tmp_path / "base")
    )
    result.assert_outcomes(passed=5)

    records = [json.loads(p.read_text()) for p in sorted(out.glob("*.json"))]
    assert len(records) == 4
    workers = {r["worker"] for r in records}
    assert workers == {"gw0", "gw1"}, workers  # both workers ran browser tests
    # One mock shop per worker, never shared between workers.
    shop_of = {}
    for record in records:
        shop_of.setdefault(record["worker"], set()).add((record["shop_pid"], record["shop_port"]))
    assert all(len(shops) == 1 for shops in shop_of.values()), shop_of
    assert shop_of["gw0"].isdisjoint(shop_of["gw1"])
    # A helper, a data directory, a port and a Chromium profile per test.
    for key in ("helper_pid", "helper_port", "helper_data", "profile"):
        assert len({r[key] for r in records}) == 4, key
    assert len({r["pytest_pid"] for r in records}) == 2

    # Everything stopped: no helper, mock shop or Chromium of this run is still running.
    deadline = time.monotonic() + 10
    pids = [r[k] for r in records for k in ("helper_pid", "shop_pid", "pytest_pid")]
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [pid for pid in pids if _alive(pid)] == []
    base = str(tmp_path / "base")
    assert [line for line in _pgrep("helper (serve|mock)") if base in line] == []
    assert [line for line in _pgrep("chromium") if base in line] == []
