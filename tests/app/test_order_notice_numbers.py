"""A shop with two numbers: an order's message is judged by the 24-hour window of the number it goes
from, and goes from the shop's other number when only hers with it is open, through the real relay."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, tzinfo

from sqlalchemy import select

from app.catalog import ItemDraft, create_item
from app.db import Database
from app.models import Contact, Message, utcnow
from app.order_messages import message_for_order, order_outgoing
from app.orders import LineInput, OrderState, create_order, move_order
from app.outbox import OutboxSender
from app.relay_client import RelayClient
from app.sending import queue_outgoing
from tests.app.test_two_business_numbers import HONGDAE, SEONGSU, sync, written_to
from tests.support.fake_graph import FakeGraph
from tests.support.relay_server import RunningRelay

MINJI = "821011112222"


def korean_day(moment: datetime, language: str, zone: tzinfo | None) -> str:
    return f"{moment:%m월 %d일}"


def she_wrote(db: Database, relay: RunningRelay, *, hongdae: timedelta, seongsu: timedelta) -> int:
    """김민지 wrote to Hongdae `hongdae` ago; then Meta delivered, late, her message to Seongsu of
    `seongsu` ago (it redelivers for days after an outage). Her chat is Seongsu's: the number of her
    newest message, or, when that is Hongdae's, as a version before the chat's number followed her
    newest message left it (its database keeps that). Her order awaits payment; its id."""
    now = int(utcnow().timestamp())
    hongdae_message = written_to(HONGDAE, "셔츠 주문할게요", MINJI, "김민지")
    hongdae_message["entry"][0]["changes"][0]["value"]["messages"][0]["timestamp"] = str(
        now - int(hongdae.total_seconds())
    )
    assert relay.post_webhook(hongdae_message).status_code == 200
    sync(db, relay)
    seongsu_message = written_to(SEONGSU, "성수점에 재고 있나요?", MINJI, "김민지")
    seongsu_message["entry"][0]["changes"][0]["value"]["messages"][0]["timestamp"] = str(
        now - int(seongsu.total_seconds())
    )
    assert relay.post_webhook(seongsu_message).status_code == 200
    sync(db, relay)
    with db.write() as s:
        minji = s.scalars(select(Contact).where(Contact.wa_id == MINJI)).one()
        assert minji.phone_number_id == (SEONGSU[0] if seongsu < hongdae else HONGDAE[0])
        minji.phone_number_id = SEONGSU[0]
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        order_id = create_order(s, contact_id=minji.id, lines=[LineInput("LINEN", 1)], source="chat").id
        move_order(s, order_id, OrderState.AWAITING_PAYMENT)
        return order_id


def payment_request(db: Database, order_id: int):  # type: ignore[no-untyped-def]
    message = message_for_order(
        db, order_id, language="ko", locale="ko_KR", format_time=korean_day, now=utcnow()
    )
    assert message is not None
    return message


def test_her_payment_request_goes_from_the_number_she_wrote_to_within_24_hours(
    db: Database, relay: RunningRelay, graph: FakeGraph
) -> None:
    order_id = she_wrote(db, relay, hongdae=timedelta(hours=2), seongsu=timedelta(hours=30))
    # Meta's window is per number: Seongsu's with her closed 6 hours ago.
    graph.closed_number_windows.add((SEONGSU[0], MINJI))
    message = payment_request(db, order_id)
    assert message.prepared.inside_window  # a normal message, which the owner may edit
    assert message.sends_from is not None and message.sends_from.phone_number_id == HONGDAE[0]
    assert message.goes_from == HONGDAE[1]  # what the owner's lists say it goes from
    message_id = queue_outgoing(db, order_outgoing(message))
    with RelayClient(relay.url, relay.token) as client:
        OutboxSender(db, client, on_changed=lambda ids: None, stop=threading.Event()).run_once()
    assert graph.sent_from == [HONGDAE[0]]
    assert graph.sent[0]["type"] == "text"
    with db.read() as s:
        sent = s.get(Message, message_id)
        assert sent is not None and sent.status == "sent" and sent.phone_number_id == HONGDAE[0]


def test_with_both_numbers_closed_it_is_a_template_from_the_chats_number(
    db: Database, relay: RunningRelay
) -> None:
    order_id = she_wrote(db, relay, hongdae=timedelta(hours=26), seongsu=timedelta(hours=30))
    message = payment_request(db, order_id)
    assert not message.prepared.inside_window and message.sends_from is None
    assert message.goes_from == SEONGSU[1]


def test_her_chats_own_open_number_sends_it_as_before(db: Database, relay: RunningRelay) -> None:
    order_id = she_wrote(db, relay, hongdae=timedelta(hours=3), seongsu=timedelta(hours=1))
    message = payment_request(db, order_id)
    assert message.prepared.inside_window and message.sends_from is None
    assert message.goes_from == SEONGSU[1]
    assert order_outgoing(message).from_number is None  # the chat's number, Seongsu
