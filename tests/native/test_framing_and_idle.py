import io
import json
import struct

import pytest

from tousu.native.framing import MAX_MESSAGE, FramingError, read_message, write_message
from tousu.native.idle import IdleWatch
from tousu.native.state import announced, read_state, state_path


def test_round_trip_in_native_byte_order_with_chinese_text():
    out = io.BytesIO()
    write_message(out, {"message": "助手"})
    raw = out.getvalue()
    assert struct.unpack("=I", raw[:4])[0] == len(raw) - 4
    assert read_message(io.BytesIO(raw)) == {"message": "助手"}


def test_end_of_input_is_none_and_oversize_is_refused():
    assert read_message(io.BytesIO(b"")) is None
    with pytest.raises(FramingError):
        read_message(io.BytesIO(struct.pack("=I", MAX_MESSAGE + 1)))
    with pytest.raises(FramingError):
        read_message(io.BytesIO(struct.pack("=I", 10) + b"{}"))
    with pytest.raises(FramingError):
        read_message(io.BytesIO(struct.pack("=I", 2) + b"\xff\xfe"))


def test_idle_watch_counts_from_the_last_request_and_not_while_one_runs():
    now = [100.0]
    seen = {}

    def app(environ, start_response):
        now[0] += 50  # a slow request is not idleness
        seen["idle_during"] = watch.idle_for()
        return [b""]

    watch = IdleWatch(app, timeout=60, clock=lambda: now[0])
    now[0] += 30
    assert watch.idle_for() == 30
    watch({}, None)
    assert seen["idle_during"] == 0.0
    assert watch.idle_for() == 0
    now[0] += 61
    assert watch.idle_for() >= watch.timeout


def test_idle_watch_stops_a_helper_that_was_started_with_sigint_ignored(monkeypatch):
    # A helper launched in the background inherits SIGINT ignored; interrupt_main() would then do
    # nothing and the helper would never stop (seen in CI, where the suite ran under `&`).
    import signal
    import threading

    monkeypatch.setattr(threading, "Thread", lambda **kwargs: type("T", (), {"start": lambda self: None})())
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        now = [0.0]
        watch = IdleWatch(lambda e, s: [], timeout=5, clock=lambda: now[0])
        now[0] = 100.0  # a long warm-up before serving does not count as idleness
        watch.start()
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
        assert watch.idle_for() == 0.0
    finally:
        signal.signal(signal.SIGINT, previous)


def test_state_file_is_private_and_removed_when_serving_ends(tmp_path):
    with announced(tmp_path, 4711, "0.1.0") as record:
        assert read_state(tmp_path)["port"] == 4711
        assert record["pid"] == read_state(tmp_path)["pid"]
        assert state_path(tmp_path).stat().st_mode & 0o777 == 0o600
    assert not state_path(tmp_path).exists()


def test_a_garbled_state_file_reads_as_no_helper(tmp_path):
    state_path(tmp_path).write_text("{not json")
    assert read_state(tmp_path) is None
    state_path(tmp_path).write_text(json.dumps({"port": "x"}))
    assert read_state(tmp_path) is None
