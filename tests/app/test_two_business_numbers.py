"""A shop with two WhatsApp numbers (two branches on one business account): each chat says which
number its customer wrote to, from the relay's signed webhooks into a real inbox."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.db import Database
from app.models import Contact, Message
from app.outbox import OutboxSender
from app.queries import conversations_page
from app.relay_client import RelayClient
from app.sending import queue_text
from app.sync_apply import apply_events
from tests.support.fake_graph import FakeGraph
from tests.support.relay_server import RunningRelay, envelope, inbound

SEONGSU = ("106540352242922", "+82 2-555-0101")
HONGDAE = ("106540352242923", "+82 2-555-0202")


def written_to(number: tuple[str, str], text: str, sender: str, name: str) -> dict[str, Any]:
    """A customer's message to one of the shop's numbers, as Meta's webhook carries it."""
    value = inbound("text", text, sender=sender, name=name)["entry"][0]["changes"][0]["value"]
    value = {k: v for k, v in value.items() if k not in ("messaging_product", "metadata")}
    return envelope(value, phone_number_id=number[0], display_phone_number=number[1])


def sync(db: Database, relay: RunningRelay) -> None:
    with RelayClient(relay.url, relay.token) as client:
        page = client.events(0, wait=0.0, limit=100)
    with db.write() as session:
        apply_events(session, page.events, page.next)


def numbers_by_name(db: Database) -> dict[str, str | None]:
    with db.read() as session:
        return {row.display_name: row.business_number for row in conversations_page(session)}


def test_each_chat_names_the_branch_number_its_customer_wrote_to(db: Database, relay: RunningRelay) -> None:
    for payload in (
        written_to(SEONGSU, "성수점 오늘 몇 시까지 해요?", "821011112222", "김민지"),
        written_to(HONGDAE, "홍대점 주차 되나요?", "821033334444", "박서준"),
    ):
        assert relay.post_webhook(payload).status_code == 200
    sync(db, relay)
    assert numbers_by_name(db) == {"김민지": "+82 2-555-0101", "박서준": "+82 2-555-0202"}

    # The same customer writes to the other branch: her chat is now on that number (the relay's
    # replies go from the number she last wrote to).
    relay.post_webhook(written_to(HONGDAE, "홍대점에도 있어요?", "821011112222", "김민지"))
    sync(db, relay)
    assert numbers_by_name(db)["김민지"] == "+82 2-555-0202"


def test_a_shop_with_one_number_is_not_told_it(db: Database, relay: RunningRelay) -> None:
    relay.post_webhook(written_to(SEONGSU, "안녕하세요", "821011112222", "김민지"))
    relay.post_webhook(written_to(SEONGSU, "문의드려요", "821033334444", "박서준"))
    sync(db, relay)
    assert numbers_by_name(db) == {"김민지": None, "박서준": None}


def test_a_reply_goes_from_the_number_the_reply_box_said_though_she_wrote_to_the_other_since(
    db: Database, relay: RunningRelay, graph: FakeGraph
) -> None:
    relay.post_webhook(written_to(SEONGSU, "성수점 오늘 몇 시까지 해요?", "821011112222", "김민지"))
    sync(db, relay)
    with db.write() as session:
        contact = session.scalars(select(Contact).where(Contact.wa_id == "821011112222")).one()
        reply = queue_text(session, contact.id, "저녁 9시까지 해요")
        reply_id = reply.id
        assert reply.phone_number_id == SEONGSU[0]  # what the reply box said: from the Seongsu number
    # Before the reply leaves (the laptop was offline), she writes to the Hongdae branch too: the
    # relay now takes Hongdae as her number, but the owner answered the Seongsu question.
    relay.post_webhook(written_to(HONGDAE, "홍대점도 같아요?", "821011112222", "김민지"))

    with RelayClient(relay.url, relay.token) as client:
        OutboxSender(db, client, on_changed=lambda ids: None, stop=threading.Event()).run_once()

    assert graph.sent_from == [SEONGSU[0]]
    with db.read() as session:
        sent = session.get(Message, reply_id)
        assert sent is not None and sent.phone_number_id == SEONGSU[0] and sent.wamid


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_two_number_demo_has_a_customer_who_wrote_to_both_and_each_message_its_number(
    db: Database, tmp_path: Path, lang: str
) -> None:
    from app.demo_seed import seed_demo_shop
    from app.queries import messages_page

    demo = Path(__file__).resolve().parents[2] / "resources" / "demo"
    seed_demo_shop(db, demo, tmp_path / "catalog", lang, two_numbers=True)
    with db.read() as session:
        by_number = {r.contact_id: r.business_number for r in conversations_page(session)}
        crossed = []
        for contact_id, number in by_number.items():
            said = {m.business_number for m in messages_page(session, contact_id, limit=500)}
            assert number in said  # her chat's number is the one her last messages are on
            assert None not in said  # every message says its number
            if len(said) > 1:
                crossed.append(contact_id)
    assert len(crossed) == 1


def test_a_retried_reply_goes_from_the_number_she_wrote_to_last(
    db: Database, relay: RunningRelay, graph: FakeGraph
) -> None:
    """A reply from Seongsu failed; she has since written to Hongdae, whose number the reply box now
    says: Retry sends it from Hongdae, not again from the number it failed on."""
    from app.models import MessageStatus
    from app.sending import retry_message

    relay.post_webhook(written_to(SEONGSU, "성수점 오늘 몇 시까지 해요?", "821011112222", "김민지"))
    sync(db, relay)
    with db.write() as session:
        contact = session.scalars(select(Contact).where(Contact.wa_id == "821011112222")).one()
        reply = queue_text(session, contact.id, "저녁 9시까지 해요")
        reply.status, reply.error_code = MessageStatus.FAILED, "131047"
        reply_id = reply.id
    relay.post_webhook(written_to(HONGDAE, "홍대점도 같아요?", "821011112222", "김민지"))
    sync(db, relay)
    with db.write() as session:
        assert retry_message(session, reply_id)

    with RelayClient(relay.url, relay.token) as client:
        OutboxSender(db, client, on_changed=lambda ids: None, stop=threading.Event()).run_once()

    assert graph.sent_from == [HONGDAE[0]]
    with db.read() as session:
        sent = session.get(Message, reply_id)
        assert sent is not None and sent.phone_number_id == HONGDAE[0]


def test_a_reply_from_a_number_the_relay_does_not_have_fails_with_its_code_keeps_its_text_and_retries(
    db: Database, relay: RunningRelay, graph: FakeGraph
) -> None:
    """The inbox kept her chat on a number of the shop's former relay (its account replaced): the
    relay refuses it by name and WhatsApp is not asked; the text stays, and Retry goes without that
    number, from the one she wrote to on this relay."""
    from app.models import MessageStatus
    from app.sending import retry_message

    former = "106540352240000"
    relay.post_webhook(written_to(SEONGSU, "성수점 오늘 몇 시까지 해요?", "821011112222", "김민지"))
    sync(db, relay)
    with db.write() as session:
        contact = session.scalars(select(Contact).where(Contact.wa_id == "821011112222")).one()
        contact.phone_number_id = former
        reply_id = queue_text(session, contact.id, "저녁 9시까지 해요").id

    def send_queued() -> None:
        with RelayClient(relay.url, relay.token) as client:
            OutboxSender(db, client, on_changed=lambda ids: None, stop=threading.Event()).run_once()

    send_queued()
    assert graph.sent == []
    with db.read() as session:
        failed = session.get(Message, reply_id)
        assert failed is not None
        assert (failed.status, failed.error_code, failed.body) == (
            "failed",
            "unknown_number",
            "저녁 9시까지 해요",
        )

    with db.write() as session:
        assert retry_message(session, reply_id)
    send_queued()
    assert graph.sent_from == [SEONGSU[0]]
    sync(db, relay)
    with db.read() as session:
        sent = session.get(Message, reply_id)
        assert sent is not None and sent.status == MessageStatus.SENT and sent.phone_number_id == SEONGSU[0]


def test_history_from_the_phone_app_does_not_move_her_chat_to_the_other_number(
    db: Database, relay: RunningRelay
) -> None:
    """She wrote to Hongdae today; the phone app on the Seongsu number then backfilled an old chat
    with her. Her chat went over to Seongsu, whose window with her was long closed, so the reply box
    offered a reply from it that WhatsApp refused (131047), while the relay would send from Hongdae."""
    relay.post_webhook(written_to(HONGDAE, "홍대점에 재고 있어요?", "821011112222", "김민지"))
    old_chat = {
        "history": [
            {
                "metadata": {"phase": 0, "chunk_order": 1, "progress": 100},
                "threads": [
                    {
                        "id": "821011112222",
                        "messages": [
                            {
                                "from": "821011112222",
                                "id": "wamid.HISTORY.SEONGSU.1",
                                "timestamp": "1750000000",
                                "type": "text",
                                "text": {"body": "지난달 성수점 문의"},
                            }
                        ],
                    }
                ],
            }
        ]
    }
    relay.post_webhook(envelope(old_chat, "history", SEONGSU[0], SEONGSU[1]))
    sync(db, relay)
    with db.read() as session:
        said = {m.body: m.phone_number_id for m in session.scalars(select(Message))}
        assert said == {"홍대점에 재고 있어요?": HONGDAE[0], "지난달 성수점 문의": SEONGSU[0]}
    assert numbers_by_name(db)["김민지"] == HONGDAE[1]


def sync_on(db: Database, relay: RunningRelay) -> None:
    """One sync round as the app does it: from the cursor the last one left."""
    from app.sync_apply import current_cursor

    with db.read() as session:
        after = current_cursor(session)
    with RelayClient(relay.url, relay.token) as client:
        page = client.events(after, wait=0.0, limit=100)
    with db.write() as session:
        apply_events(session, page.events, page.next)


def written_at(number: tuple[str, str], text: str, sender: str, name: str, at: int) -> dict[str, Any]:
    """written_to, sent by her phone at `at` (epoch seconds): Meta may deliver it hours later."""
    value = inbound("text", text, sender=sender, name=name, timestamp=at)["entry"][0]["changes"][0]["value"]
    value = {k: v for k, v in value.items() if k not in ("messaging_product", "metadata")}
    return envelope(value, phone_number_id=number[0], display_phone_number=number[1])


@pytest.mark.parametrize("rounds", ["one sync", "two syncs"])
def test_a_late_delivered_message_to_the_other_number_leaves_her_chat_on_the_one_she_wrote_to_last(
    db: Database, relay: RunningRelay, rounds: str
) -> None:
    """She wrote to Seongsu this morning and to Hongdae ten minutes ago; Meta delivered the Seongsu
    message only now (a webhook redelivered hours late). Her chat went over to Seongsu, whose window
    may be closed, while her newest message, and so her open window, is Hongdae's."""
    import time

    now = int(time.time())
    relay.post_webhook(written_at(SEONGSU, "성수점 주차 되나요?", "821033334444", "박서준", now - 900))
    relay.post_webhook(written_at(HONGDAE, "홍대점 지금 열었어요?", "821011112222", "김민지", now - 600))
    if rounds == "two syncs":
        sync_on(db, relay)
        assert numbers_by_name(db)["김민지"] == HONGDAE[1]
    relay.post_webhook(
        written_at(SEONGSU, "성수점 오전에 가도 돼요?", "821011112222", "김민지", now - 5 * 3600)
    )
    sync_on(db, relay)
    assert numbers_by_name(db)["김민지"] == HONGDAE[1]

    # Her next message, to Seongsu, is the newest: her chat follows it.
    relay.post_webhook(written_at(SEONGSU, "성수점으로 갈게요", "821011112222", "김민지", now - 60))
    sync_on(db, relay)
    assert numbers_by_name(db)["김민지"] == SEONGSU[1]
