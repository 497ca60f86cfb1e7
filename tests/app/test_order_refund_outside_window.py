"""A paid order cancelled more than 24 hours after the customer wrote: the refund reaches her as a template."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.catalog import ItemDraft, create_item
from app.db import Database
from app.engine import SyncEngine
from app.models import Contact, Message, utcnow
from app.order_actions import send_order_messages
from app.order_messages import message_for_order
from app.order_settings import OrderSettings, save_order_settings
from app.orders import LineInput, OrderState, create_order, move_order
from app.sending import approved_templates
from tests.support.engine_probe import EngineProbe, running_engine
from tests.support.fake_graph import FakeGraph
from tests.support.relay_server import RunningRelay, inbound

CUSTOMER = "821012345678"
TWO_DAYS = 2 * 24 * 3600

REFUND = {
    "name": "order_refund",
    "language": "ko",
    "category": "UTILITY",
    "status": "APPROVED",
    "components": [
        {
            "type": "BODY",
            "text": "{{1}}님, 주문 {{2}}이 취소되었습니다. 입금하신 {{3}}은 환불해 드리겠습니다.",
        }
    ],
}
CANCELLED = {
    "name": "order_cancelled",
    "language": "ko",
    "category": "UTILITY",
    "status": "APPROVED",
    "components": [{"type": "BODY", "text": "{{1}}님, 주문 {{2}}이 취소되었습니다."}],
}


@pytest.fixture
def probe() -> EngineProbe:
    return EngineProbe()


@pytest.fixture
def engine(db: Database, tmp_path: Path, relay: RunningRelay, probe: EngineProbe) -> Iterator[SyncEngine]:
    with running_engine(db, relay, tmp_path / "media", probe) as sync:
        yield sync


def korean_day(when: object, language: str, zone: object) -> str:
    return "12월 2일"


def customer_who_wrote_two_days_ago(db: Database, relay: RunningRelay, probe: EngineProbe) -> int:
    sent = int(time.time()) - TWO_DAYS
    assert (
        relay.post_webhook(inbound(content="셔츠 주문할게요", name="김민지", timestamp=sent)).status_code
        == 200
    )

    def arrived() -> int | None:
        with db.read() as s:
            return s.scalars(select(Contact.id).where(Contact.wa_id == CUSTOMER)).first()

    probe.wait_until(lambda: arrived() is not None)
    contact_id = arrived()
    assert contact_id is not None
    return contact_id


def a_paid_order_cancelled(db: Database, contact_id: int) -> int:
    with db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=29000, currency="KRW", retailer_id="LINEN"))
        order_id = create_order(s, contact_id=contact_id, lines=[LineInput("LINEN", 2)], source="chat").id
        for state in (OrderState.AWAITING_PAYMENT, OrderState.PAID, OrderState.CANCELLED):
            move_order(s, order_id, state)
    return order_id


def outbound(db: Database) -> list[tuple[str, str]]:
    """Each message to the customer: its status and the text its bubble shows."""
    with db.read() as s:
        rows = s.execute(select(Message.status, Message.body).where(Message.direction == "out"))
        return [(status, body) for status, body in rows]


def test_the_refund_reaches_the_customer_once_as_the_refund_template_and_the_ledger_counts_it(
    db: Database, relay: RunningRelay, graph: FakeGraph, engine: SyncEngine, probe: EngineProbe
) -> None:
    graph.templates = [CANCELLED, REFUND]
    contact_id = customer_who_wrote_two_days_ago(db, relay, probe)
    with db.write() as s:
        settings = {"cancelled": "order_cancelled", "cancelled_refund": "order_refund"}
        save_order_settings(s, OrderSettings(templates=settings))
    approved_templates(db, engine.fetch_templates)  # through the relay, as the order window does
    order_id = a_paid_order_cancelled(db, contact_id)
    message = message_for_order(
        db, order_id, language="en", locale="en_US", format_time=korean_day, now=utcnow()
    )
    assert message is not None and not message.prepared.inside_window
    assert not message.prepared.refund_left_out  # nothing to warn the owner of
    send_order_messages(db, [message])
    engine.wake_sender()
    probe.wait_until(lambda: [status for status, _ in outbound(db)] == ["sent"], timeout=20)
    (sent,) = graph.sent  # one message: the refund template instead of the cancel one, never both
    assert sent["type"] == "template" and sent["template"]["name"] == "order_refund"
    values = [p["text"] for p in sent["template"]["components"][0]["parameters"]]
    assert values == ["김민지", message.number, "58,000원"]  # the amount as the template's Korean reads it
    assert relay.relay.store.ledger.count(int(time.time() * 1000)) == 1  # outside the window: counted
    ((_, bubble),) = outbound(db)
    assert "입금하신 58,000원은 환불해 드리겠습니다" in bubble


def test_without_a_refund_template_the_owner_is_told_before_and_the_cancel_template_goes_alone(
    db: Database, relay: RunningRelay, graph: FakeGraph, engine: SyncEngine, probe: EngineProbe
) -> None:
    graph.templates = [CANCELLED, REFUND]
    contact_id = customer_who_wrote_two_days_ago(db, relay, probe)
    with db.write() as s:
        save_order_settings(s, OrderSettings(templates={"cancelled": "order_cancelled"}))
    approved_templates(db, engine.fetch_templates)
    order_id = a_paid_order_cancelled(db, contact_id)
    message = message_for_order(
        db, order_id, language="ko", locale="ko_KR", format_time=korean_day, now=utcnow()
    )
    assert message is not None
    assert (message.prepared.refund_left_out, message.prepared.refund) == (True, "58,000원")
    send_order_messages(db, [message])
    engine.wake_sender()
    probe.wait_until(lambda: [status for status, _ in outbound(db)] == ["sent"], timeout=20)
    assert [m["template"]["name"] for m in graph.sent] == ["order_cancelled"]
    assert relay.relay.store.ledger.count(int(time.time() * 1000)) == 1
