"""A customer who changes her WhatsApp number keeps her labels, orders, notes and flags in one chat."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from app.bot_pauses import record_bot_pause
from app.changes import Changes
from app.db import Database
from app.drafts import read_drafts, store_drafts
from app.models import CatalogItem, Contact, Label, Order, RestockWaitlist, contact_label
from app.orders import LineInput, create_order
from app.queries import set_label
from app.sync_apply import apply_events
from app.wire import read_event
from tests.support.wire_events import T0, message_event

OLD, NEW = "821011110031", "821099990031"
NOTICE = {"body": f"User 김민수 changed from {OLD} to {NEW}", "wa_id": NEW, "type": "user_changed_number"}
NOW = datetime.fromtimestamp(T0, UTC)


def apply(db: Database, *events: dict[str, Any]) -> Changes:
    with db.write() as s:
        return apply_events(s, [read_event(e) for e in events], None).changes()


def changed_number(seq: int = 10) -> dict[str, Any]:
    at = "2026-11-25T00:00:02Z"
    return {"seq": seq, "kind": "contact", "at": at, "contact": {"wa_id": NEW}, "previous_wa_id": OLD}


def contact_id(db: Database, wa_id: str) -> int:
    with db.read() as s:
        return int(s.scalar(select(Contact.id).where(Contact.wa_id == wa_id)) or 0)


def label(s: Any, name: str) -> int:
    found = s.scalar(select(Label.id).where(Label.name == name))
    if found is None:
        made = Label(name=name, colour="#00a884", position=99)
        s.add(made)
        s.flush()
        found = made.id
    return int(found)


def label_names(db: Database, cid: int) -> set[str]:
    with db.read() as s:
        rows = s.scalars(
            select(Label.name)
            .join(contact_label, contact_label.c.label_id == Label.id)
            .where(contact_label.c.contact_id == cid)
        )
        return set(rows)


def test_both_numbers_known_her_labels_orders_and_notes_join_her_new_chat(db: Database) -> None:
    apply(
        db,
        message_event(content="예전 번호로 주문해요", wa_id=OLD, seq=1),
        message_event(content="새 번호예요", wa_id=NEW, name="민수", timestamp=T0 + 1, seq=2),
    )
    old_id, new_id = contact_id(db, OLD), contact_id(db, NEW)
    with db.write() as s:
        s.add(CatalogItem(retailer_id="L-1", name="Linen shirt", price_minor=59000, currency="KRW"))
        s.flush()
        for name in ("결제 완료", "단골"):
            set_label(s, old_id, label(s, name), True)
        set_label(s, new_id, label(s, "단골"), True)  # on both: one row after the merge
        set_label(s, new_id, label(s, "배송 문의"), True)
        order = create_order(s, contact_id=old_id, lines=[LineInput("L-1", 1)], source="chat", now=NOW)
        order_number = order.number
        old = s.get(Contact, old_id)
        assert old is not None
        old.saved_name, old.notes, old.pinned = "김민수 (단골)", "리넨 M 사이즈", True
        old.marketing_consent_at, old.marketing_consent_how = NOW, "owner"
        record_bot_pause(s, old_id, None, NOW + timedelta(hours=2))  # her chat's hand-off
        new = s.get(Contact, new_id)
        assert new is not None
        new.notes = "새 번호 메모"
        item_id = s.scalar(select(CatalogItem.id))
        s.add(RestockWaitlist(item_id=item_id, contact_id=old_id, added_at=NOW))
    store_drafts(db, {old_id: "입금 확인했어요"})

    apply(
        db, message_event("system", NOTICE, wa_id=OLD, name=None, timestamp=T0 + 2, seq=3), changed_number()
    )

    assert label_names(db, new_id) == {"결제 완료", "단골", "배송 문의", "New order"}
    assert label_names(db, old_id) == set()
    with db.read() as s:
        assert s.scalar(select(Order.contact_id).where(Order.number == order_number)) == new_id
        merged = s.get(Contact, new_id)
        assert merged is not None
        assert merged.saved_name == "김민수 (단골)"  # the owner's name for her, carried
        assert merged.notes == "새 번호 메모"  # the new chat's own note stays
        assert merged.pinned
        assert merged.marketing_consent_at == NOW and merged.marketing_consent_how == "owner"
        assert merged.bot_paused_until == NOW + timedelta(hours=2)
        assert list(s.scalars(select(RestockWaitlist.contact_id))) == [new_id]
        assert merged.unread_count == 2  # both numbers' unread messages, in one chat
    assert read_drafts(db) == {new_id: "입금 확인했어요"}


def test_the_draft_typed_in_her_new_chat_is_the_one_kept(db: Database) -> None:
    apply(
        db,
        message_event(content="old", wa_id=OLD, seq=1),
        message_event(content="new", wa_id=NEW, timestamp=T0 + 1, seq=2),
    )
    old_id, new_id = contact_id(db, OLD), contact_id(db, NEW)
    store_drafts(db, {old_id: "예전 초안", new_id: "지금 쓰는 중"})
    apply(db, changed_number())
    assert read_drafts(db) == {new_id: "지금 쓰는 중"}


def test_new_number_unknown_before_the_notice_her_chat_keeps_its_labels(db: Database) -> None:
    """Her first message from the new number came in the notice's own batch (the common case), or
    not at all yet: either way the chat under the new number carries what the old one had."""
    apply(db, message_event(content="예전 번호", wa_id=OLD, seq=1))
    old_id = contact_id(db, OLD)
    with db.write() as s:
        set_label(s, old_id, label(s, "결제 완료"), True)
        old = s.get(Contact, old_id)
        assert old is not None
        old.notes = "리넨 M 사이즈"
    apply(
        db,
        message_event("system", NOTICE, wa_id=OLD, name=None, timestamp=T0 + 1, seq=2),
        changed_number(3),
        message_event(content="새 번호예요", wa_id=NEW, timestamp=T0 + 2, seq=4),
    )
    new_id = contact_id(db, NEW)
    assert label_names(db, new_id) == {"결제 완료"}
    with db.read() as s:
        merged = s.get(Contact, new_id)
        assert merged is not None and merged.notes == "리넨 M 사이즈"
        listed = s.scalars(select(Contact.wa_id).where(Contact.last_message_at.is_not(None))).all()
    assert listed == [NEW]


def test_new_number_never_seen_the_old_chat_takes_the_new_number_with_its_labels(db: Database) -> None:
    apply(db, message_event(content="예전 번호", wa_id=OLD, seq=1))
    old_id = contact_id(db, OLD)
    with db.write() as s:
        set_label(s, old_id, label(s, "결제 완료"), True)
    apply(db, changed_number(2))
    assert contact_id(db, NEW) == old_id
    assert label_names(db, old_id) == {"결제 완료"}
