"""Applying relay events to the desktop database: what the owner sees after each kind of event."""

from __future__ import annotations

import itertools
import random
import time
import unicodedata
from typing import Any

import pytest
from sqlalchemy import func, select

from app.db import Database
from app.models import Contact, Media, Message, OrphanStatus, SyncState
from app.search import search_messages
from app.sending import queue_text
from app.settings import get_setting
from app.sync_apply import apply_events, current_cursor
from app.wire import read_event
from tests.support.relay_server import MESSAGE_SAMPLES
from tests.support.wire_events import (
    T0,
    message_event,
    next_wamid,
    outbound_event,
    settings_event,
    status_event,
)


def apply(db: Database, *events: dict[str, Any], cursor: int | None = None) -> set[int]:
    with db.write() as s:
        return apply_events(s, [read_event(e) for e in events], cursor).changed


def messages(db: Database) -> list[Message]:
    with db.read() as s:
        rows = list(s.scalars(select(Message).order_by(Message.sent_at, Message.id)))
        s.expunge_all()
        return rows


def contacts(db: Database) -> list[Contact]:
    with db.read() as s:
        rows = list(s.scalars(select(Contact).order_by(Contact.id)))
        s.expunge_all()
        return rows


def test_a_customer_message_creates_the_chat_unread_with_name_and_window(db: Database) -> None:
    changed = apply(db, message_event(content="린넨 셔츠 재고 있나요?", name="김민수"), cursor=1)
    [contact] = contacts(db)
    [m] = messages(db)
    assert changed == {contact.id}
    assert contact.profile_name == "김민수" and contact.wa_id == "821012345678"
    assert contact.unread_count == 1 and contact.last_message_id == m.id
    assert contact.last_inbound_at is not None and int(contact.last_inbound_at.timestamp()) == T0
    assert m.body == "린넨 셔츠 재고 있나요?" and m.direction == "in" and m.unread
    assert int(m.sent_at.timestamp()) == T0
    with db.read() as s:
        assert current_cursor(s) == 1


def test_a_name_written_over_three_lines_is_shown_on_one_and_a_blank_one_keeps_the_name_known(
    db: Database,
) -> None:
    apply(db, message_event(content="안녕하세요", name="줄\n바꿈\r\n이름\t "), cursor=1)
    [contact] = contacts(db)
    assert contact.profile_name == "줄 바꿈 이름"  # the chat list, header and panel show one line
    apply(db, message_event(content="또 왔어요", name=" \n "), cursor=2)
    [contact] = contacts(db)
    assert contact.profile_name == "줄 바꿈 이름"


def test_a_name_with_invisible_characters_is_stored_as_it_shows_and_found_by_it(db: Database) -> None:
    from app.search import search_contacts

    apply(
        db,
        message_event(content="안녕하세요", name="김\u200b민\u202e지\ufeff \U0001f469\u200d\U0001f467"),
        cursor=1,
    )
    [contact] = contacts(db)
    assert contact.profile_name == "김민지 \U0001f469\u200d\U0001f467"  # the family emoji keeps its joiner
    with db.read() as s:
        assert [hit.contact_id for hit in search_contacts(s, "김민지")] == [contact.id]


def test_a_redelivered_message_appears_once(db: Database) -> None:
    event = message_event(content="once")
    apply(db, event, event)
    apply(db, event)
    assert [m.body for m in messages(db)] == ["once"]
    assert contacts(db)[0].unread_count == 1


def test_a_number_written_two_ways_is_one_customer(db: Database) -> None:
    apply(
        db,
        message_event(wa_id="821012345678", content="a"),
        message_event(wa_id="+82 10-1234-5678", content="b"),
    )
    assert len(contacts(db)) == 1
    assert len(messages(db)) == 2


@pytest.mark.parametrize("kind", [k for k in MESSAGE_SAMPLES if k not in ("reaction", "text")])
def test_every_message_type_is_kept_with_searchable_text(db: Database, kind: str) -> None:
    apply(db, message_event(kind, MESSAGE_SAMPLES[kind]))
    [m] = messages(db)
    assert m.kind == kind
    assert m.payload is not None and m.payload["type"] == kind
    expected = {
        "image": "이 셔츠요",
        "document": "견적서",
        "location": "성수동 매장\n서울 성동구 성수이로 88",
        "contacts": "박지영",
        "interactive": "M 사이즈",
        "button": "사이즈 안내",
        "order": "주문합니다",
        "system": "User A changed from 821012345678 to 821087654321",
    }
    if kind in expected:
        assert m.body == expected[kind]


def test_media_rows_carry_the_relay_id_and_a_sanitised_name(db: Database) -> None:
    doc = {**MESSAGE_SAMPLES["document"], "filename": "../../etc/CON.pdf"}
    apply(db, message_event("document", doc))
    with db.read() as s:
        [media] = s.scalars(select(Media))
        assert media.relay_media_id == "4234567890"
        assert media.mime == "application/pdf"
        assert media.filename is not None and "/" not in media.filename and ".." not in media.filename
        assert media.filename.upper() != "CON.PDF"


def test_an_unknown_future_type_is_kept_as_unsupported_with_its_payload(db: Database) -> None:
    apply(db, message_event("hologram", {"frames": 3}))
    [m] = messages(db)
    assert m.kind == "unsupported" and m.payload is not None and m.payload["hologram"] == {"frames": 3}


def test_text_is_stored_nfc_and_found_by_search(db: Database) -> None:
    decomposed = unicodedata.normalize("NFD", "주문했어요")
    apply(db, message_event(content=decomposed))
    [m] = messages(db)
    assert m.body == "주문했어요"
    with db.read() as s:
        hits = search_messages(s, "주문")
    assert [h.message_id for h in hits] == [m.id]


def test_a_reply_links_to_the_quoted_message(db: Database) -> None:
    first = message_event(content="원래 메시지")
    apply(db, first, message_event(content="답장", context=first["message"]["id"], timestamp=T0 + 1))
    assert messages(db)[1].reply_to_wamid == first["message"]["id"]


def test_a_reaction_attaches_to_its_message_and_an_empty_one_removes_it(db: Database) -> None:
    target = message_event(content="사진 보내드려요")
    wamid = target["message"]["id"]
    apply(db, target)
    apply(db, message_event("reaction", {"message_id": wamid, "emoji": "❤️"}))
    assert [(m.body, m.reaction_in) for m in messages(db)] == [("사진 보내드려요", "❤️")]
    apply(db, message_event("reaction", {"message_id": wamid, "emoji": "👍"}))
    assert messages(db)[0].reaction_in == "👍"
    apply(db, message_event("reaction", {"message_id": wamid, "emoji": ""}))
    assert messages(db)[0].reaction_in is None


def _own_message(db: Database, wamid: str) -> int:
    if not contacts(db):
        apply(db, message_event(content="hi"))
    [contact] = contacts(db)
    with db.write() as s:
        m = queue_text(s, contact.id, "Yes, in stock")
        m.status, m.wamid = "sent", wamid
        return int(m.id)


def _status_of(db: Database, message_id: int) -> Message:
    with db.read() as s:
        m = s.get(Message, message_id)
        assert m is not None
        s.expunge_all()
        return m


@pytest.mark.parametrize("seed", range(6))
def test_statuses_in_any_order_end_at_the_furthest_tick(db: Database, seed: int) -> None:
    wamid = next_wamid()
    mid = _own_message(db, wamid)
    events = [status_event(wamid, s) for s in ("sent", "delivered", "read")]
    random.Random(seed).shuffle(events)
    for event in events:
        apply(db, event)
    assert _status_of(db, mid).status == "read"


def test_late_delivered_status_does_not_undo_read(db: Database) -> None:
    wamid = next_wamid()
    mid = _own_message(db, wamid)
    apply(db, status_event(wamid, "read"))
    apply(db, status_event(wamid, "delivered"), status_event(wamid, "sent"))
    assert _status_of(db, mid).status == "read"


def test_failed_records_the_error_but_never_undoes_delivered(db: Database) -> None:
    errors = [{"code": 131026, "title": "Message undeliverable", "message": "Message undeliverable"}]
    wamid = next_wamid()
    mid = _own_message(db, wamid)
    apply(db, status_event(wamid, "failed", errors=errors))
    m = _status_of(db, mid)
    assert (m.status, m.error_code, m.error_text) == ("failed", "131026", "Message undeliverable")
    other = next_wamid()
    mid2 = _own_message(db, other)
    apply(db, status_event(other, "delivered"), status_event(other, "failed", errors=errors))
    assert _status_of(db, mid2).status == "delivered"


def test_a_status_before_its_message_is_kept_and_applied_when_it_lands(db: Database) -> None:
    wamid = next_wamid()
    apply(db, status_event(wamid, "delivered"), status_event(wamid, "sent"))
    with db.read() as s:
        assert s.get(OrphanStatus, wamid) is not None
    apply(db, outbound_event("Welcome!", wamid=wamid, sent_by="greeting"))
    [m] = messages(db)
    assert (m.status, m.sent_by, m.direction) == ("delivered", "greeting", "out")
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(OrphanStatus)) == 0


def test_own_send_never_appears_twice_whatever_arrives_first(db: Database) -> None:
    apply(db, message_event(content="hi"))
    [contact] = contacts(db)
    with db.write() as s:
        m = queue_text(s, contact.id, "On its way")
        client_id, mid = str(m.client_id), m.id
    wamid = next_wamid()
    # The status (carrying our client_id) and the relay's outbound event, before the sender heard back.
    apply(db, status_event(wamid, "sent", callback=client_id))
    apply(db, outbound_event("On its way", client_id=client_id, wamid=wamid, sent_by="owner"))
    apply(db, outbound_event("On its way", client_id=client_id, wamid=wamid, sent_by="owner"))
    outs = [m for m in messages(db) if m.direction == "out"]
    assert [(m.id, m.wamid, m.status) for m in outs] == [(mid, wamid, "sent")]


def test_automation_and_phone_app_sends_appear_as_sent_messages(db: Database) -> None:
    apply(
        db,
        message_event(content="hi"),
        outbound_event("We're closed now", wamid=next_wamid(), sent_by="away"),
        outbound_event("From my phone", wamid=next_wamid(), sent_by="phone_app"),
    )
    outs = [(m.body, m.sent_by, m.status, m.unread) for m in messages(db) if m.direction == "out"]
    assert sorted(outs) == [
        ("From my phone", "phone_app", "sent", False),
        ("We're closed now", "away", "sent", False),
    ]


def test_an_answer_from_another_computer_or_the_phone_reads_what_the_customer_wrote_before_it(
    db: Database,
) -> None:
    """The owner answered on her second laptop: this one kept the chat's unread badge all day."""
    apply(db, message_event(content="Is the M size in?"), message_event(content="Hello?", timestamp=T0 + 30))
    assert contacts(db)[0].unread_count == 2
    # The relay's own answers read nothing: the owner has not seen the chat.
    apply(db, outbound_event("We're closed now", wamid=next_wamid(), sent_by="away"))
    apply(db, outbound_event("Thanks for your order!", wamid=next_wamid(), sent_by="campaign"))
    assert contacts(db)[0].unread_count == 2
    # Her answer from the other computer; in the same page, a message the customer wrote after it.
    later = int(time.time()) + 60
    apply(
        db,
        outbound_event("Yes, it is!", wamid=next_wamid(), sent_by="owner"),
        message_event(content="Great, I'll take it", timestamp=later),
    )
    assert contacts(db)[0].unread_count == 1
    assert [m.body for m in messages(db) if m.unread] == ["Great, I'll take it"]
    # From the phone's WhatsApp Business app, the same.
    apply(
        db,
        outbound_event("Sending the link now", wamid=next_wamid(), sent_by="phone_app", timestamp=later + 5),
    )
    assert contacts(db)[0].unread_count == 0


def test_history_backfill_is_stored_as_imported_and_read(db: Database) -> None:
    apply(
        db,
        message_event(content="old question", history=True),
        message_event(content="old answer", history=True, sender="15550783881", timestamp=T0 + 60),
    )
    rows = [(m.body, m.direction, m.imported, m.unread) for m in messages(db)]
    assert rows == [("old question", "in", True, False), ("old answer", "out", True, False)]
    assert contacts(db)[0].unread_count == 0


def test_settings_event_stores_the_automations_document(db: Database) -> None:
    apply(db, settings_event(3, "어서 오세요"))
    with db.read() as s:
        doc = get_setting(s, "automations")
    assert doc["revision"] == 3 and doc["greeting"]["text"] == "어서 오세요"


def test_a_late_message_is_ordered_by_its_whatsapp_time(db: Database) -> None:
    apply(db, message_event(content="second", timestamp=T0 + 60))
    apply(db, message_event(content="first", timestamp=T0))
    assert [m.body for m in messages(db)] == ["first", "second"]
    assert contacts(db)[0].last_message_at is not None
    with db.read() as s:
        contact = s.scalars(select(Contact)).one()
        last = s.get(Message, contact.last_message_id)
        assert last is not None and last.body == "second"


def test_within_one_second_the_chat_reads_in_the_order_the_relay_logged(db: Database) -> None:
    """WhatsApp stamps her messages in whole seconds; the reply has its time to the millisecond. What
    she wrote after the reply, in the same second, reads after it; what came before stays before."""
    apply(db, message_event(content="M 사이즈 있나요?", timestamp=T0))
    with db.write() as s:
        reply = queue_text(s, contacts(db)[0].id, "네, 있어요!")
        client_id, second = reply.client_id, int(reply.sent_at.timestamp())
    apply(
        db,
        message_event(content="아 그리고", timestamp=second, seq=9001),  # logged before the reply
        outbound_event("네, 있어요!", client_id=client_id, wamid=next_wamid(), sent_by="owner", seq=9002),
        message_event(content="그럼 주문할게요", timestamp=second, seq=9003),
        message_event(content="계좌 알려주세요", timestamp=second, seq=9004),
        message_event(content="늦게 온 인사", timestamp=second - 5, seq=9005),  # Meta delivered it late
    )
    assert [m.body for m in messages(db)] == [
        "M 사이즈 있나요?",
        "늦게 온 인사",
        "아 그리고",
        "네, 있어요!",
        "그럼 주문할게요",
        "계좌 알려주세요",
    ]
    # All within the second she wrote them in, as her phone showed their minute.
    assert {int(m.sent_at.timestamp()) for m in messages(db)[2:]} == {second}
    [contact] = contacts(db)
    with db.read() as s:
        last = s.get_one(Message, contact.last_message_id).body
    assert last == "계좌 알려주세요" and contact.unread_count == 5  # nothing read: the reply is ours


def test_an_unknown_event_kind_is_skipped_and_the_rest_applied(db: Database) -> None:
    weird = {"seq": 1, "kind": "teleport", "at": "2026-11-25T00:00:00Z"}
    apply(db, weird, message_event(content="still here"), cursor=2)
    assert [m.body for m in messages(db)] == ["still here"]
    with db.read() as s:
        state = s.get(SyncState, 1)
        assert state is not None and state.cursor == 2


def test_a_batch_reports_every_changed_conversation(db: Database) -> None:
    numbers = (f"8210{n:08d}" for n in itertools.count(1))
    events = [message_event(wa_id=next(numbers), content=f"m{i}") for i in range(5)]
    changed = apply(db, *events)
    assert changed == {c.id for c in contacts(db)} and len(changed) == 5


def contact_event(new: str, old: str | None = None, name: str | None = None) -> dict[str, Any]:
    contact: dict[str, Any] = {"wa_id": new}
    if name:
        contact["profile"] = {"name": name}
    event: dict[str, Any] = {"seq": 1, "kind": "contact", "at": "2026-11-25T00:00:00Z", "contact": contact}
    if old:
        event["previous_wa_id"] = old
    return event


def test_a_customer_who_changed_number_keeps_one_chat_under_the_new_number(db: Database) -> None:
    apply(db, message_event(wa_id="821012345678", content="old number"))
    notice = {"body": "User changed from 821012345678 to 821087654321", "type": "user_changed_number"}
    apply(
        db,
        message_event("system", notice, wa_id="821012345678", timestamp=T0 + 1),
        contact_event("821087654321", old="821012345678"),
        message_event(wa_id="821087654321", content="new number", timestamp=T0 + 2),
    )
    with db.read() as s:
        listed = s.scalars(select(Contact).where(Contact.last_message_at.is_not(None))).all()
        assert [c.wa_id for c in listed] == ["821087654321"]
        bodies = list(
            s.scalars(
                select(Message.body).where(Message.contact_id == listed[0].id).order_by(Message.sent_at)
            )
        )
    assert bodies == ["old number", notice["body"], "new number"]


def test_a_new_profile_name_is_shown(db: Database) -> None:
    apply(db, message_event(content="hi", name="김민수"))
    apply(db, contact_event("821012345678", name="민수 김"))
    assert contacts(db)[0].profile_name == "민수 김"


def test_a_page_from_a_newer_relay_applies_every_event_this_version_can_read(db: Database) -> None:
    """A future event kind, a future sent_by and one damaged event never cost the page's other events."""
    import json

    from app.wire import EventsPage, UnknownEvent

    sent = next_wamid()
    raw = {
        "events": [
            message_event(content="첫 번째", seq=1),
            {"seq": 2, "kind": "poll_vote", "at": "2026-11-25T00:00:00Z", "poll": {"choice": 2}},
            outbound_event("주문 확인했어요", wamid=sent, sent_by="ai_assistant", seq=3),
            {"seq": 4, "kind": "status", "at": "not a time", "status": {"id": sent}},
            status_event(sent, "delivered", seq=5),
            message_event(content="두 번째", seq=6),
        ],
        "next": 6,
    }
    page = EventsPage.model_validate_json(json.dumps(raw))
    assert [type(e).__name__ for e in page.events].count("UnknownEvent") == 2
    assert isinstance(page.events[1], UnknownEvent) and page.events[1].kind == "poll_vote"
    with db.write() as s:
        result = apply_events(s, page.events, page.next)
    assert (result.applied, result.skipped) == (4, 2)
    rows = messages(db)
    assert sorted(m.body for m in rows) == sorted(["첫 번째", "두 번째", "주문 확인했어요"])
    sent_row = next(m for m in rows if m.wamid == sent)
    assert (sent_row.sent_by, sent_row.status) == ("ai_assistant", "delivered")
    with db.read() as s:
        assert current_cursor(s) == 6


def test_an_unreadable_relay_event_becomes_a_notice_in_that_customers_chat(db: Database) -> None:
    apply(db, message_event(content="안녕하세요", wa_id="821012345678", seq=1), cursor=1)
    unreadable = {
        "seq": 2,
        "kind": "unreadable",
        "at": "2026-11-29T10:00:00Z",
        "phone_number_id": "106540352242922",
        "reason": "undecodable",
        "wa_id": "821012345678",
    }
    nowhere = {**unreadable, "seq": 3, "wa_id": None}
    changed = apply(db, unreadable, nowhere, message_event(content="다음 메시지", seq=4), cursor=4)
    [contact] = contacts(db)
    assert changed == {contact.id}
    notice = [m for m in messages(db) if m.kind == "system"]
    assert len(notice) == 1 and notice[0].contact_id == contact.id and not notice[0].unread
    assert notice[0].payload == {
        "type": "system",
        "system": {"type": "relay_unreadable", "seq": 2, "reason": "undecodable"},
    }
    assert [m.body for m in messages(db) if m.kind == "text"] == ["안녕하세요", "다음 메시지"]
    with db.read() as s:
        assert current_cursor(s) == 4  # moved past both, never stuck


def archive(db: Database, contact_id: int) -> None:
    from app.queries import set_flags

    with db.write() as s:
        set_flags(s, contact_id, archived=True)


def test_a_customer_writing_to_an_archived_chat_brings_it_back_to_the_inbox(db: Database) -> None:
    from app.queries import conversations_page, unread_counts

    apply(db, message_event(content="린넨 셔츠 있나요?"))
    [contact] = contacts(db)
    archive(db, contact.id)
    apply(db, message_event(content="Hello? 🙂", timestamp=T0 + 60))
    assert not contacts(db)[0].archived
    with db.read() as s:
        assert [r.contact_id for r in conversations_page(s)] == [contact.id]
        counts = unread_counts(s)
    assert (counts.chats, counts.messages, counts.archived_chats) == (1, 2, 0)


def test_the_shops_own_messages_ticks_and_imported_history_leave_an_archived_chat_archived(
    db: Database,
) -> None:
    apply(db, message_event(content="주문할게요", wamid="wamid.first"))
    [contact] = contacts(db)
    archive(db, contact.id)
    apply(
        db,
        outbound_event("자리 비움 중이에요", wamid="wamid.away"),
        status_event("wamid.away", "read"),
        message_event(content="old question", history=True, timestamp=T0 - 86400),
        message_event(content="old answer", history=True, sender="15550783881", timestamp=T0 - 86000),
    )
    assert contacts(db)[0].archived


def test_an_owner_who_keeps_chats_archived_sees_them_counted_under_archived(db: Database) -> None:
    from app.queries import conversations_page, unread_counts
    from app.settings import update_preferences

    update_preferences(db, keep_archived=True)
    apply(db, message_event(content="린넨 셔츠 있나요?"))
    [contact] = contacts(db)
    archive(db, contact.id)
    apply(db, message_event(content="Hello? 🙂", timestamp=T0 + 60))
    assert contacts(db)[0].archived
    with db.read() as s:
        assert conversations_page(s) == []
        counts = unread_counts(s)
    assert (counts.chats, counts.messages, counts.archived_chats) == (0, 0, 1)


def test_a_photo_another_computer_sent_can_be_downloaded_here_as_a_customers_can(db: Database) -> None:
    """A second laptop (or this one after its inbox was replaced) reads the owner's own sent photos
    from the relay: each gets the relay's media id, so it downloads and opens here, not a grey box."""
    event = outbound_event("", client_id="sent-on-the-other-laptop", wamid=next_wamid(), sent_by="owner")
    event["body"] = {
        "messaging_product": "whatsapp",
        "to": "821012345678",
        "type": "image",
        "image": {"id": "1000006927000002", "caption": "린넨 원피스 새 색상"},
    }
    apply(db, event, cursor=1)
    [m] = messages(db)
    assert m.direction == "out" and m.kind == "image" and m.body == "린넨 원피스 새 색상"
    with db.read() as s:
        [media] = s.scalars(select(Media))
        assert media.message_id == m.id and media.relay_media_id == "1000006927000002"
        assert media.cache_path is None  # fetched from the relay when the chat shows it
