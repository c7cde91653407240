from __future__ import annotations

import base64
import hashlib
import threading
from datetime import datetime

import pytest

from tousu.models import CHINA_TZ
from tousu.models.case import CASE_STATUSES, CasePatch, EventCreate, EvidenceCreate, SyncRow
from tousu.store import (
    Conflict,
    InvalidData,
    NotFound,
    Store,
    TooLarge,
    add_event,
    add_evidence,
    create_case,
    delete_case,
    due_cases,
    get_case,
    list_cases,
    list_evidence,
    sync_statuses,
    update_case,
)
from tousu.store.status import NAMES, PLATFORM_TEXTS, TRANSITIONS, status_for_text

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def _png_evidence(**fields) -> EvidenceCreate:
    data = {
        "code": "defect_media",
        "file_name": "crack.png",
        "media_type": "image/png",
        "content_base64": base64.b64encode(PNG).decode(),
    }
    data.update(fields)
    return EvidenceCreate.model_validate(data)


def _patch(**fields) -> CasePatch:
    return CasePatch.model_validate(fields)


# Creating and reading ------------------------------------------------------------------------


def test_create_stores_the_case_and_a_created_event(store, new_case, order):
    case = create_case(
        store,
        new_case(
            evidence_ticks=["order_detail", "defect_media", "order_detail"],
            remedy="return_refund",
            demand_amount="47.40",
        ),
    )
    assert case.status == "draft"
    assert case.order == order
    assert case.order_id == order.order_id and case.platform == "tmall"
    assert case.evidence_ticks == ["order_detail", "defect_media"]
    assert case.created_at == case.updated_at == datetime(2026, 11, 20, 9, 30, tzinfo=CHINA_TZ)
    assert [e.type for e in case.events] == ["created"]
    assert get_case(store, case.id) == case


def test_ids_are_time_ordered_hex(store, new_case, clock):
    first = create_case(store, new_case())
    clock.advance(seconds=1)
    second = create_case(store, new_case())
    assert len(first.id) == 32 and first.id < second.id


def test_unknown_case_is_not_found(store):
    missing = "0" * 32
    with pytest.raises(NotFound):
        get_case(store, missing)
    with pytest.raises(NotFound):
        update_case(store, missing, _patch(notes="x"))
    with pytest.raises(NotFound):
        add_event(store, missing, EventCreate(type="note"))
    with pytest.raises(NotFound):
        delete_case(store, missing)
    with pytest.raises(NotFound):
        list_evidence(store, missing)


def test_list_is_newest_first_with_summary_fields(store, new_case, clock):
    ids = []
    for _ in range(3):
        ids.append(create_case(store, new_case()).id)
        clock.advance(minutes=1)
    listing = list_cases(store)
    assert [c.id for c in listing.cases] == ids[::-1]
    assert listing.total == 3
    row = listing.cases[0]
    assert row.shop_name == "某某旗舰店"
    # The insurance pseudo-item is not what the shopper calls the order.
    assert row.title == "陶瓷马克杯 350ml"


def test_list_filters_and_pages(store, new_case, order, clock):
    draft = create_case(store, new_case())
    filed = create_case(store, new_case(status="filed"))
    other = order.model_copy(update={"order_id": "1111111111111111111"})
    elsewhere = create_case(store, new_case(order=other))
    assert [c.id for c in list_cases(store, statuses=["filed"]).cases] == [filed.id]
    assert {c.id for c in list_cases(store, statuses=["filed", "draft"]).cases} == {
        draft.id,
        filed.id,
        elsewhere.id,
    }
    assert [c.id for c in list_cases(store, order_id="1111111111111111111").cases] == [elsewhere.id]
    page = list_cases(store, limit=1, offset=1)
    assert page.total == 3 and len(page.cases) == 1


# Updating ------------------------------------------------------------------------------------


def test_status_follows_the_lifecycle_and_each_change_is_an_event(store, new_case, clock):
    case = create_case(store, new_case())
    clock.advance(hours=1)
    case = update_case(store, case.id, _patch(status="filed"))
    case = update_case(store, case.id, _patch(status="seller_responded"))
    assert case.status == "seller_responded"
    assert case.updated_at == clock.now
    changes = [e.detail for e in case.events if e.type == "status_changed"]
    assert changes == [{"from": "draft", "to": "filed"}, {"from": "filed", "to": "seller_responded"}]


def test_a_refused_transition_needs_a_correction(store, new_case):
    case = create_case(store, new_case(status="filed"))
    update_case(store, case.id, _patch(status="resolved"))
    with pytest.raises(Conflict) as err:
        update_case(store, case.id, _patch(status="draft"))
    assert err.value.code == "invalid_transition"
    fixed = update_case(store, case.id, _patch(status="draft", correction=True))
    assert fixed.status == "draft"
    assert fixed.events[-1].detail == {"from": "resolved", "to": "draft", "correction": True}


def test_patch_records_what_changed_without_copying_long_texts(store, new_case):
    case = create_case(store, new_case(evidence_ticks=["order_detail"]))
    due = "2026-11-22T18:00:00+08:00"
    case = update_case(
        store,
        case.id,
        _patch(next_action="联系卖家", due_at=due, draft="尊敬的商家……", evidence_ticks=["defect_media"]),
    )
    assert case.next_action == "联系卖家" and case.due_at.isoformat() == due
    assert case.draft == "尊敬的商家……"
    event = case.events[-1]
    assert event.type == "updated"
    assert event.detail["changes"] == {
        "draft": {"changed": True},
        "due_at": {"from": None, "to": due},
        "evidence_ticks": {"added": ["defect_media"], "removed": ["order_detail"]},
        "next_action": {"from": None, "to": "联系卖家"},
    }


def test_null_clears_and_absent_keeps(store, new_case):
    case = create_case(store, new_case(next_action="等待", notes="keep"))
    case = update_case(store, case.id, _patch(next_action=None))
    assert case.next_action is None and case.notes == "keep"


def test_a_patch_that_changes_nothing_adds_no_event(store, new_case):
    case = create_case(store, new_case(notes="same"))
    again = update_case(store, case.id, _patch(notes="same", status="draft"))
    assert again.events == case.events


def test_required_fields_cannot_be_cleared():
    for field in ("status", "problem", "type", "evidence_ticks", "order"):
        with pytest.raises(ValueError):
            CasePatch.model_validate({field: None})


def test_a_new_reading_must_be_of_the_same_order(store, new_case, order):
    case = create_case(store, new_case())
    signed = order.model_copy(update={"status_text": "已签收"})
    assert update_case(store, case.id, _patch(order=signed)).order.status_text == "已签收"
    with pytest.raises(InvalidData):
        update_case(store, case.id, _patch(order=order.model_copy(update={"order_id": "2"})))


# Events --------------------------------------------------------------------------------------


def test_shopper_events_are_dated_and_touch_the_case(store, new_case, clock):
    case = create_case(store, new_case())
    clock.advance(days=1)
    yesterday = datetime(2026, 11, 20, 20, 0, tzinfo=CHINA_TZ)
    event = add_event(
        store,
        case.id,
        EventCreate(type="contacted_seller", at=yesterday, detail={"text": "旺旺联系，未回复"}),
    )
    stored = get_case(store, case.id)
    assert stored.events[-1] == event and event.at == yesterday
    assert stored.updated_at == clock.now


@pytest.mark.parametrize("kind", ["created", "status_changed", "synced", "evidence_added"])
def test_shopper_cannot_forge_system_events(store, new_case, kind):
    case = create_case(store, new_case())
    with pytest.raises(InvalidData):
        add_event(store, case.id, EventCreate(type=kind))


def test_event_detail_is_plain_small_json(store, new_case):
    case = create_case(store, new_case())
    with pytest.raises(InvalidData):
        add_event(store, case.id, EventCreate(type="note", detail={"x": float("nan")}))
    with pytest.raises(InvalidData):
        add_event(store, case.id, EventCreate(type="note", detail={"x": "长" * 10000}))


# Deleting ------------------------------------------------------------------------------------


def test_delete_removes_history_and_unshared_files(store, new_case):
    doomed = create_case(store, new_case())
    kept = create_case(store, new_case())
    shared, _ = add_evidence(store, doomed.id, _png_evidence())
    add_evidence(store, kept.id, _png_evidence())
    own, _ = add_evidence(
        store,
        doomed.id,
        _png_evidence(
            code="order_detail",
            media_type="application/octet-stream",
            content_base64=base64.b64encode(b"only here").decode(),
        ),
    )
    delete_case(store, doomed.id)
    with pytest.raises(NotFound):
        get_case(store, doomed.id)
    conn = store.connection()
    assert conn.execute("SELECT COUNT(*) FROM case_events WHERE case_id = ?", (doomed.id,)).fetchone()[0] == 0
    assert (store.evidence_dir / shared.sha256).exists()
    assert not (store.evidence_dir / own.sha256).exists()


# Due -----------------------------------------------------------------------------------------


def test_due_lists_open_cases_due_before_a_time(store, new_case):
    soon = create_case(store, new_case(next_action="催卖家", due_at="2026-11-21T09:00:00+08:00"))
    later = create_case(store, new_case(next_action="申请介入", due_at="2026-11-25T09:00:00"))
    done = create_case(store, new_case(status="filed", due_at="2026-11-19T09:00:00+08:00"))
    update_case(store, done.id, _patch(status="resolved"))
    create_case(store, new_case())  # no due time
    # Another offset is the same instant, compared correctly.
    before = datetime.fromisoformat("2026-11-23T00:00:00+00:00")
    result = due_cases(store, before)
    assert [c.id for c in result.cases] == [soon.id]
    assert result.cases[0].next_action == "催卖家"
    assert [c.id for c in due_cases(store, datetime(2027, 1, 1, tzinfo=CHINA_TZ)).cases] == [
        soon.id,
        later.id,
    ]


# Evidence ------------------------------------------------------------------------------------


def test_evidence_bytes_are_kept_by_hash_and_tick_the_checklist(store, new_case):
    case = create_case(store, new_case())
    sha = hashlib.sha256(PNG).hexdigest()
    item, created = add_evidence(
        store,
        case.id,
        _png_evidence(
            sha256=sha.upper(),
            size=len(PNG),
            captured_at="2026-11-20T09:00:00+08:00",
            source_url="https://buyertrade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId=1",
        ),
    )
    assert created and item.stored and item.sha256 == sha and item.size == len(PNG)
    assert (store.evidence_dir / sha).read_bytes() == PNG
    stored = get_case(store, case.id)
    assert stored.evidence_ticks == ["defect_media"]
    assert stored.events[-1].type == "evidence_added"
    assert stored.events[-1].detail["ticked"] is True
    assert list_evidence(store, case.id).evidence == [item]


def test_the_same_evidence_twice_is_recorded_once(store, new_case):
    case = create_case(store, new_case())
    first, created = add_evidence(store, case.id, _png_evidence())
    again, created_again = add_evidence(store, case.id, _png_evidence(file_name="copy.png"))
    assert created and not created_again and again == first
    assert len(list_evidence(store, case.id).evidence) == 1


def test_a_data_url_from_capture_visible_tab_is_accepted(store, new_case):
    case = create_case(store, new_case())
    url = "data:image/png;base64," + base64.b64encode(PNG).decode()
    item, _ = add_evidence(store, case.id, _png_evidence(content_base64=url))
    assert item.sha256 == hashlib.sha256(PNG).hexdigest()


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"sha256": "0" * 64}, "hash_mismatch"),
        ({"size": 3}, "size_mismatch"),
        ({"content_base64": "not base64!"}, "invalid_base64"),
        (
            {"content_base64": "data:image/jpeg;base64," + base64.b64encode(PNG).decode()},
            "media_type_mismatch",
        ),
        ({"content_base64": base64.b64encode(b"GIF89a....").decode()}, "media_type_mismatch"),
    ],
)
def test_evidence_that_does_not_check_out_is_refused(store, new_case, fields, code):
    case = create_case(store, new_case())
    with pytest.raises(InvalidData) as err:
        add_evidence(store, case.id, _png_evidence(**fields))
    assert err.value.code == code
    assert list(store.evidence_dir.iterdir()) == []


def test_evidence_size_is_capped(tmp_path, clock, new_case):
    small = Store(tmp_path, clock=clock, max_evidence_bytes=512)
    case = create_case(small, new_case())
    with pytest.raises(TooLarge):
        add_evidence(small, case.id, _png_evidence())
    small.close()


def test_metadata_only_evidence_is_stored_once_the_bytes_arrive(store, new_case):
    case = create_case(store, new_case())
    sha = hashlib.sha256(PNG).hexdigest()
    item, _ = add_evidence(
        store,
        case.id,
        EvidenceCreate(code="defect_media", file_name="IMG_0001.png", media_type="image/png", sha256=sha),
    )
    assert not item.stored and item.size is None
    later, created = add_evidence(store, case.id, _png_evidence())
    assert not created and later.id == item.id and later.stored


def test_evidence_needs_bytes_or_a_hash():
    with pytest.raises(ValueError):
        EvidenceCreate(code="defect_media", file_name="a.png", media_type="image/png")
    with pytest.raises(ValueError):
        EvidenceCreate(code="defect_media", file_name="../a.png", media_type="image/png", sha256="0" * 64)


# Status vocabulary and platform sync ---------------------------------------------------------


def test_status_tables_cover_the_lifecycle():
    assert set(TRANSITIONS) == set(NAMES) == set(CASE_STATUSES)
    assert set(PLATFORM_TEXTS.values()) <= set(CASE_STATUSES)
    for targets in TRANSITIONS.values():
        assert targets <= set(CASE_STATUSES)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("等待卖家处理", "filed"),
        ("卖家已处理", "seller_responded"),
        ("淘宝处理中", "platform_intervening"),
        ("投诉成立", "resolved"),
        ("投诉不成立", "closed"),
        ("投诉已完结", "closed"),
        ("退款成功", "resolved"),
        ("退款关闭", "closed"),
        ("退货退款中", "filed"),
        ("  投诉状态：淘宝处理中 ", "platform_intervening"),
        ("退款成功 ￥47.40 已退回", "resolved"),
        ("今天天气很好", None),
    ],
)
def test_platform_texts_map_to_the_lifecycle(text, status):
    assert status_for_text(text) == status


def test_sync_updates_matching_cases_once(store, new_case, order):
    case = create_case(store, new_case(status="filed"))
    rows = [
        SyncRow(order_id=order.order_id, case_id="TS123", status_text="淘宝处理中"),
        SyncRow(order_id="2222222222222222222", status_text="退款成功"),
    ]
    result = sync_statuses(store, rows, kind="complaint_list")
    assert [(c.case_id, c.from_status, c.to_status) for c in result.changed] == [
        (case.id, "filed", "platform_intervening")
    ]
    assert result.unmatched == [rows[1]]
    synced = get_case(store, case.id)
    assert synced.platform_case_id == "TS123" and synced.status_text == "淘宝处理中"
    assert synced.events[-1].type == "synced"

    again = sync_statuses(store, rows)
    assert again.changed == [] and again.unchanged == [case.id]


def test_sync_does_not_undo_a_correction_until_the_platform_moves(store, new_case, order):
    case = create_case(store, new_case(status="filed"))
    row = SyncRow(order_id=order.order_id, status_text="投诉不成立")
    sync_statuses(store, [row])
    update_case(store, case.id, _patch(status="escalated"))  # the shopper went to 12315
    assert sync_statuses(store, [row]).changed == []
    assert get_case(store, case.id).status == "escalated"


def test_sync_matches_the_platform_case_number_first(store, new_case, order):
    first = create_case(store, new_case(status="filed", platform_case_id="A1"))
    second = create_case(store, new_case(status="filed", platform_case_id="B2"))
    result = sync_statuses(store, [SyncRow(order_id=order.order_id, case_id="A1", status_text="投诉成立")])
    assert [c.case_id for c in result.changed] == [first.id]
    assert get_case(store, second.id).status == "filed"


def test_sync_records_unknown_texts_without_moving_the_case(store, new_case, order):
    case = create_case(store, new_case(status="filed"))
    result = sync_statuses(store, [SyncRow(order_id=order.order_id, status_text="神秘状态")])
    assert result.unrecognized == ["神秘状态"]
    assert get_case(store, case.id).status == "filed"
    assert get_case(store, case.id).status_text == "神秘状态"


# Concurrency ---------------------------------------------------------------------------------


def test_concurrent_writers_all_land(store, new_case):
    errors: list[BaseException] = []
    ids: list[str] = []
    lock = threading.Lock()

    def worker():
        try:
            for _ in range(10):
                case = create_case(store, new_case())
                update_case(store, case.id, _patch(status="filed"))
                with lock:
                    ids.append(case.id)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(set(ids)) == 80
    assert list_cases(store, statuses=["filed"]).total == 80
    assert store.connection().execute("PRAGMA integrity_check").fetchone()[0] == "ok"
