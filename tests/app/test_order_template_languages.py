"""Outside the 24 hours an order's template goes in its customer's language, and a partial return has one.

A shop keeps one template name approved in Korean and English, as Meta does. The order settings name
only the template; each customer gets the version they read (the way campaigns pick it), else the
shop's own language's.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.catalog import ItemDraft, create_item
from app.db import Database
from app.engine import SyncEngine
from app.models import Contact, Message, utcnow
from app.order_actions import save_return, send_order_messages
from app.order_messages import RETURN_MESSAGE, message_for_order
from app.order_queries import order_detail
from app.order_returns import ReturnLine, ReturnRequest
from app.order_settings import OrderSettings, save_order_settings
from app.orders import LineInput, OrderState, create_order, move_order
from app.sending import approved_templates
from tests.support.engine_probe import EngineProbe, running_engine
from tests.support.fake_graph import FakeGraph
from tests.support.relay_server import RunningRelay, inbound

KOREAN_CUSTOMER = "821012345678"
ENGLISH_CUSTOMER = "447700900123"  # a British number, writing English
TWO_DAYS = 2 * 24 * 3600


def template(name: str, language: str, body: str) -> dict[str, Any]:
    return {
        "name": name,
        "language": language,
        "category": "UTILITY",
        "status": "APPROVED",
        "components": [{"type": "BODY", "text": body}],
    }


PAID_KO = template("order_paid", "ko", "{{1}}님, 주문번호 {{2}} 입금이 확인되었습니다. 결제 금액: {{3}}")
PAID_EN = template("order_paid", "en", "Hi {{1}}, we received your payment for order {{2}}: {{3}}")
RETURN_KO = template(
    "order_return", "ko", "{{1}}님, 주문번호 {{2}} 반품이 접수되었습니다. {{3}}은 환불해 드릴게요."
)
RETURN_EN = template(
    "order_return", "en", "Hi {{1}}, your return for order {{2}} arrived. We'll refund {{3}}."
)


@pytest.fixture
def probe() -> EngineProbe:
    return EngineProbe()


@pytest.fixture
def engine(db: Database, tmp_path: Path, relay: RunningRelay, probe: EngineProbe) -> Iterator[SyncEngine]:
    with running_engine(db, relay, tmp_path / "media", probe) as sync:
        yield sync


def any_day(when: object, language: str, zone: object) -> str:
    return "12월 2일" if language == "ko" else "2 December"


def wrote_two_days_ago(db: Database, relay: RunningRelay, probe: EngineProbe, wa_id: str, words: str) -> int:
    sent = int(time.time()) - TWO_DAYS
    webhook = inbound(content=words, sender=wa_id, name="Amy Clarke", timestamp=sent)
    assert relay.post_webhook(webhook).status_code == 200

    def arrived() -> int | None:
        with db.read() as s:
            return s.scalars(select(Contact.id).where(Contact.wa_id == wa_id)).first()

    probe.wait_until(lambda: arrived() is not None)
    contact_id = arrived()
    assert contact_id is not None
    return contact_id


def paid_order(db: Database, contact_id: int, *, shipped: bool = False) -> int:
    with db.write() as s:
        codes = {"LINEN": ("린넨 셔츠", 29000), "BAG": ("에코백", 12000)}
        for code, (name, price) in codes.items():
            create_item(
                s, ItemDraft(name=name, price_minor=price, currency="KRW", retailer_id=f"{code}{contact_id}")
            )
        lines = [LineInput(f"LINEN{contact_id}", 1), LineInput(f"BAG{contact_id}", 1)]
        order_id = create_order(s, contact_id=contact_id, lines=lines, source="chat").id
        moves = [OrderState.AWAITING_PAYMENT, OrderState.PAID] + ([OrderState.SHIPPED] if shipped else [])
        for state in moves:
            move_order(s, order_id, state, courier="CJ대한통운", tracking="654321098765")
    return order_id


def sent_templates(graph: FakeGraph) -> list[tuple[str, str, list[str]]]:
    """Each template Graph was asked to send: (name, language, its values)."""
    out = []
    for body in graph.sent:
        t = body["template"]
        values = [p["text"] for c in t.get("components", []) for p in c.get("parameters", [])]
        out.append((t["name"], t["language"]["code"], values))
    return out


def outbound_bubbles(db: Database) -> list[str]:
    with db.read() as s:
        return list(
            s.scalars(select(Message.body).where(Message.direction == "out", Message.status == "sent"))
        )


def test_each_customer_gets_the_paid_template_in_the_language_they_write(
    db: Database, relay: RunningRelay, graph: FakeGraph, engine: SyncEngine, probe: EngineProbe
) -> None:
    graph.templates = [PAID_KO, PAID_EN]
    korean = wrote_two_days_ago(db, relay, probe, KOREAN_CUSTOMER, "셔츠 주문할게요")
    english = wrote_two_days_ago(db, relay, probe, ENGLISH_CUSTOMER, "Hello, I'd like the linen shirt please")
    with db.write() as s:
        save_order_settings(s, OrderSettings(templates={"paid": "order_paid"}))  # by name, as stored
    approved_templates(db, engine.fetch_templates)
    messages = [
        message_for_order(
            db, paid_order(db, contact), language="ko", locale="ko_KR", format_time=any_day, now=utcnow()
        )
        for contact in (korean, english)
    ]
    assert all(m is not None and m.prepared.sendable and not m.prepared.inside_window for m in messages)
    send_order_messages(db, [m for m in messages if m is not None])
    engine.wake_sender()
    probe.wait_until(lambda: len(outbound_bubbles(db)) == 2, timeout=20)
    sent = sorted(sent_templates(graph), key=lambda t: t[1])
    assert [(name, language) for name, language, _ in sent] == [("order_paid", "en"), ("order_paid", "ko")]
    # Each version's amount written as its own language writes it.
    assert sent[0][2][2] == "₩41,000" and sent[1][2][2] == "41,000원"
    assert any(b.startswith("Hi Amy Clarke, we received your payment") for b in outbound_bubbles(db))


def test_a_customer_whose_language_the_template_lacks_gets_the_shops_own_language(
    db: Database, relay: RunningRelay, graph: FakeGraph, engine: SyncEngine, probe: EngineProbe
) -> None:
    graph.templates = [PAID_EN, PAID_KO]  # the relay lists the English one first
    japanese = wrote_two_days_ago(db, relay, probe, "819012345678", "リネンのシャツをください")
    with db.write() as s:
        save_order_settings(s, OrderSettings(templates={"paid": "order_paid"}))
    approved_templates(db, engine.fetch_templates)
    order_id = paid_order(db, japanese)
    # Japanese has no version: the shop's (the owner reads Korean) goes, whatever the relay's order.
    message = message_for_order(
        db, order_id, language="ko", locale="ko_KR", format_time=any_day, now=utcnow()
    )
    assert message is not None and message.prepared.template is not None
    assert message.prepared.template.language == "ko"
    # An owner who reads English: the English version is the shop's.
    message = message_for_order(
        db, order_id, language="en", locale="en_GB", format_time=any_day, now=utcnow()
    )
    assert message is not None and message.prepared.template is not None
    assert message.prepared.template.language == "en"


def test_a_partial_return_after_24_hours_goes_as_the_return_template_with_its_refund(
    db: Database, relay: RunningRelay, graph: FakeGraph, engine: SyncEngine, probe: EngineProbe
) -> None:
    graph.templates = [RETURN_KO, RETURN_EN]
    english = wrote_two_days_ago(
        db, relay, probe, ENGLISH_CUSTOMER, "The bag has a scratch, can I send it back?"
    )
    with db.write() as s:
        save_order_settings(s, OrderSettings(templates={RETURN_MESSAGE: "order_return"}))
    approved_templates(db, engine.fetch_templates)
    order_id = paid_order(db, english, shipped=True)
    save_return(db, order_id, ReturnRequest((ReturnLine(1, 1),), reason="scratched", goods_back=True))
    with db.read() as s:
        assert order_detail(s, order_id).state != OrderState.CANCELLED  # the shirt is kept
    message = message_for_order(
        db, order_id, language="ko", locale="ko_KR", format_time=any_day, now=utcnow(), returned=True
    )
    assert message is not None and message.prepared.sendable and not message.prepared.inside_window
    send_order_messages(db, [message])
    engine.wake_sender()
    probe.wait_until(lambda: len(outbound_bubbles(db)) == 1, timeout=20)
    # Only the bag's 12,000 won comes back, said in the English version she reads.
    assert sent_templates(graph) == [("order_return", "en", ["Amy Clarke", message.number, "₩12,000"])]
    (bubble,) = outbound_bubbles(db)
    assert bubble == f"Hi Amy Clarke, your return for order {message.number} arrived. We'll refund ₩12,000."
    with db.read() as s:
        history = [e.note for e in order_detail(s, order_id).events if e.kind == "returned"]
    assert '"told": "sent"' in history[-1]  # the order's history says she was told


def test_without_a_return_template_nothing_goes_and_the_refund_stays_in_the_text_to_say_by_phone(
    db: Database, relay: RunningRelay, graph: FakeGraph, engine: SyncEngine, probe: EngineProbe
) -> None:
    graph.templates = [RETURN_KO, RETURN_EN, PAID_KO]
    korean = wrote_two_days_ago(db, relay, probe, KOREAN_CUSTOMER, "가방에 흠집이 있어요")
    with db.write() as s:
        save_order_settings(s, OrderSettings(templates={"paid": "order_paid"}))  # none for a return
    approved_templates(db, engine.fetch_templates)
    order_id = paid_order(db, korean, shipped=True)
    save_return(db, order_id, ReturnRequest((ReturnLine(1, 1),), goods_back=True))
    message = message_for_order(
        db, order_id, language="ko", locale="ko_KR", format_time=any_day, now=utcnow(), returned=True
    )
    assert message is not None and not message.prepared.sendable and message.prepared.template_missing
    assert "12,000원은 환불해 드리겠습니다" in message.prepared.text
    assert graph.sent == []
