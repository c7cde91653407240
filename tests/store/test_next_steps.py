"""The store records the helper's next step with every status change, and shapes it into cases."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import timedelta

from tousu.models.case import CasePatch, SyncRow
from tousu.store import DB_NAME, Store, create_case, get_case, list_cases, sync_statuses, update_case
from tousu.store.migrate import load_migrations


def test_a_new_draft_is_due_by_the_deadline_it_was_given(store, new_case, clock):
    deadline = clock.now + timedelta(days=2)
    case = create_case(store, new_case(deadline=deadline))
    assert case.next_step.code == "file"
    assert case.due_at == deadline
    assert case.finished is False and case.lifecycle[0] == "draft"
    assert case.title == "陶瓷马克杯 350ml" and [g.title for g in case.goods] == ["陶瓷马克杯 350ml"]
    assert case.after_sales_url.startswith("https://refund2.tmall.com/")


def test_a_status_change_moves_the_next_step_and_reminder(store, new_case, clock):
    case = create_case(store, new_case())
    filed = update_case(store, case.id, CasePatch(status="filed"))
    assert filed.next_step.code == "wait_seller"
    assert filed.due_at == clock.now + timedelta(hours=48)
    clock.advance(hours=49)
    (summary,) = list_cases(store).cases
    assert summary.overdue is True and summary.next_step.code == "wait_seller"
    assert get_case(store, case.id).escalation.reasons[0].code == "overdue"
    done = update_case(store, case.id, CasePatch(status="resolved"))
    assert done.finished is True and done.due_at is None and done.overdue is False


def test_a_prefilled_form_is_the_next_step_until_the_deadline(store, new_case, clock):
    case = create_case(store, new_case())
    deadline = clock.now + timedelta(hours=3)
    saved = update_case(store, case.id, CasePatch(next_code="submit_form", deadline=deadline))
    assert saved.next_step.code == "submit_form" and saved.due_at == deadline


def test_a_sync_that_moves_the_status_moves_the_next_step(store, new_case, clock):
    case = create_case(store, new_case(status="filed"))
    sync_statuses(store, [SyncRow(order_id=case.order_id, status_text="小二处理中")])
    synced = get_case(store, case.id)
    assert synced.status == "platform_intervening"
    assert synced.next_step.code == "platform"
    assert synced.due_at == clock.now + timedelta(hours=72)


def test_stored_sentences_in_either_language_become_codes(tmp_path):
    before = [m for m in load_migrations() if m.version < 3]
    old = Store(tmp_path, migrations=before)
    insert = (
        "INSERT INTO cases (id, order_id, platform, order_json, problem, type, status, next_action,"
        " created_at, updated_at) VALUES (?, '1', 'taobao', '{\"order_id\": \"1\"}', 'p',"
        " 'quality_defect', 'filed', ?, 't', 't')"
    )
    conn = old.connection()
    conn.execute(insert, ("0" * 32, "查看卖家是否已处理"))
    conn.execute(insert, ("1" * 32, "Check whether the seller has answered"))
    conn.execute(insert, ("2" * 32, "打电话给卖家"))
    old.close()
    Store(tmp_path).close()
    with closing(sqlite3.connect(tmp_path / DB_NAME)) as db:
        rows = db.execute("SELECT id, next_code, next_action FROM cases ORDER BY id").fetchall()
    assert rows == [
        ("0" * 32, "wait_seller", None),
        ("1" * 32, "wait_seller", None),
        ("2" * 32, None, "打电话给卖家"),
    ]
