from __future__ import annotations

import threading

import pytest

from tousu.store import Conflict, InvalidData, create_case, list_cases
from tousu.store.idempotency import RETENTION_SECONDS, fingerprint, run_once

FP = fingerprint("POST", "/api/v1/cases", b'{"a": 1}')


def _counting_action(calls: list[int], body: str = '{"ok": true}'):
    def action() -> tuple[int, str]:
        calls.append(1)
        return 201, body

    return action


def test_the_second_request_replays_the_first_response(store):
    calls: list[int] = []
    first = run_once(store, scope="ext", key="k1", fingerprint=FP, action=_counting_action(calls))
    second = run_once(
        store, scope="ext", key="k1", fingerprint=FP, action=_counting_action(calls, '{"other": 1}')
    )
    assert len(calls) == 1
    assert (first.status, first.body, first.replayed) == (201, '{"ok": true}', False)
    assert (second.status, second.body, second.replayed) == (201, '{"ok": true}', True)


def test_the_same_key_for_another_request_is_a_conflict(store):
    run_once(store, scope="ext", key="k1", fingerprint=FP, action=_counting_action([]))
    other = fingerprint("POST", "/api/v1/cases", b'{"a": 2}')
    with pytest.raises(Conflict) as err:
        run_once(store, scope="ext", key="k1", fingerprint=other, action=_counting_action([]))
    assert err.value.code == "idempotency_key_reused"


def test_keys_are_scoped_per_client(store):
    calls: list[int] = []
    run_once(store, scope="ext-a", key="k1", fingerprint=FP, action=_counting_action(calls))
    run_once(store, scope="ext-b", key="k1", fingerprint=FP, action=_counting_action(calls))
    assert len(calls) == 2


def test_fingerprint_is_the_json_value_of_the_request():
    assert fingerprint("POST", "/p", b'{"a": 1, "b": [1, 2]}') == fingerprint(
        "post", "/p", b'{"b":[1,2],"a":1}'
    )
    assert fingerprint("POST", "/p", b'{"a": 1}') != fingerprint("PATCH", "/p", b'{"a": 1}')
    assert fingerprint("POST", "/p", b'{"a": 1}') != fingerprint("POST", "/q", b'{"a": 1}')
    assert fingerprint("POST", "/p", b"not json") != fingerprint("POST", "/p", b"not json!")


@pytest.mark.parametrize("key", ["", "a b", "ключ", "x" * 256])
def test_malformed_keys_are_refused(store, key):
    with pytest.raises(InvalidData):
        run_once(store, scope="ext", key=key, fingerprint=FP, action=_counting_action([]))


def test_a_failed_action_records_nothing_and_undoes_its_writes(store, new_case):
    def failing() -> tuple[int, str]:
        create_case(store, new_case())
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        run_once(store, scope="ext", key="k1", fingerprint=FP, action=failing)
    assert list_cases(store).total == 0
    calls: list[int] = []
    run_once(store, scope="ext", key="k1", fingerprint=FP, action=_counting_action(calls))
    assert calls == [1]


def test_concurrent_duplicates_write_once(store, new_case):
    barrier = threading.Barrier(6)
    outcomes = []
    errors: list[BaseException] = []

    def send():
        barrier.wait()
        try:
            outcomes.append(
                run_once(
                    store,
                    scope="ext",
                    key="double-click",
                    fingerprint=FP,
                    action=lambda: (201, create_case(store, new_case()).model_dump_json()),
                )
            )
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=send) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert list_cases(store).total == 1
    assert len({o.body for o in outcomes}) == 1
    assert sorted(o.replayed for o in outcomes) == [False] + [True] * 5


def test_keys_expire(store, clock):
    calls: list[int] = []
    run_once(store, scope="ext", key="k1", fingerprint=FP, action=_counting_action(calls))
    clock.advance(seconds=RETENTION_SECONDS + 60)
    run_once(store, scope="ext", key="k1", fingerprint=FP, action=_counting_action(calls))
    assert len(calls) == 2
