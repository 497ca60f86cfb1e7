"""The demo shop has orders in every state, a cart that became an order, and counted stock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.catalog import load_demo_catalog
from app.demo_orders import seed_demo_orders
from app.demo_seed import seed_demo_history
from app.models import Contact, Message, Order, OrderEvent
from app.order_settings import load_order_settings
from app.stock import stock_levels
from app.wire import SERVICE_WINDOW

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"


def test_the_demo_shop_has_an_order_in_every_state_and_a_customers_cart(db, tmp_path: Path) -> None:
    with db.write() as s:
        seed_demo_history(s)
        load_demo_catalog(s, DEMO, tmp_path / "catalog")
        assert seed_demo_orders(s) == 7
        assert seed_demo_orders(s) == 0  # once only
    with db.read() as s:
        states = {state for (state,) in s.execute(select(Order.state))}
        cart = s.scalar(select(Order).where(Order.source == "cart"))
        assert cart is not None and cart.total_minor == 72000 and cart.state == "new"
        reserved = sum(level.reserved for level in stock_levels(s))
        # The customer's window follows the cart, the newest message; the demo's relay never saw the
        # cart, so the window is shut on both sides (the chat offers templates, none fails).
        customer = s.get(Contact, cart.contact_id)
        assert customer is not None and customer.last_inbound_at is not None
        cart_message = s.scalar(select(Message).where(Message.wamid == "wamid.DEMOCART0001"))
        assert cart_message is not None and customer.last_inbound_at == cart_message.sent_at
        assert datetime.now(UTC) - customer.last_inbound_at > SERVICE_WINDOW
    assert states == {"new", "awaiting_payment", "paid", "shipped", "done", "cancelled"}
    assert reserved == 2  # the trousers awaiting payment hold two


def test_the_demo_shops_orders_follow_its_own_free_shipping_rule(db, tmp_path: Path) -> None:
    with db.write() as s:
        seed_demo_history(s)
        load_demo_catalog(s, DEMO, tmp_path / "catalog")
        seed_demo_orders(s)
        rule = load_order_settings(s)
        charged = [(o.number, o.subtotal_minor, o.shipping_minor) for o in s.scalars(select(Order))]
    by_rule = [
        (number, 0 if subtotal >= rule.free_over_minor else rule.shipping_minor)
        for number, subtotal, _ in charged
    ]
    assert [(number, shipping) for number, _, shipping in charged] == by_rule
    assert any(subtotal >= rule.free_over_minor for _, subtotal, _ in charged)  # e.g. the ₩129,000 one
    assert any(subtotal < rule.free_over_minor for _, subtotal, _ in charged)


@pytest.mark.parametrize(
    ("lang", "zone"), [("ko", "Asia/Seoul"), ("en", "Europe/London"), ("en_US", "America/Los_Angeles")]
)
def test_the_demo_orders_deadline_is_the_end_of_the_day_on_the_demo_shops_clock(
    db, tmp_path: Path, lang: str, zone: str
) -> None:
    """The demo's order said "Pay by 12/7/2026 8:59 AM (Korean Time)": its deadline was set on the
    computer's clock (UTC) before the shop's hours, in Seoul (Brighton for the English demo), were saved."""
    from zoneinfo import ZoneInfo

    from app.demo_seed import seed_demo_shop

    seed_demo_shop(db, DEMO, tmp_path / "catalog", lang)
    with db.read() as s:
        due = s.scalar(select(Order.payment_due_at).where(Order.state == "awaiting_payment"))
    assert due is not None
    there = due.astimezone(ZoneInfo(zone))
    assert (there.hour, there.minute) == (23, 59)


def test_the_demo_orders_tell_the_same_story_as_their_chats(db, tmp_path: Path) -> None:
    """A user-tester found every order going to one address, an order placed "yesterday" for a chat
    that ended two weeks before, and a tracking number unlike its courier's and the one in the chat."""
    from app.demo_orders import DEMO_ORDERS
    from app.orders import tracking_doubt

    with db.write() as s:
        seed_demo_history(s)
        load_demo_catalog(s, DEMO, tmp_path / "catalog")
        seed_demo_orders(s)
    with db.read() as s:
        orders = list(s.scalars(select(Order).where(Order.address != "")))
        assert len({(o.postcode, o.address, o.address_detail) for o in orders}) == len(orders) >= 4
        for demo in DEMO_ORDERS:
            contact = s.scalar(select(Contact).where(Contact.wa_id == demo.wa_id))
            assert contact is not None
            order = s.scalar(select(Order).where(Order.contact_id == contact.id))
            assert order is not None
            bodies = list(s.scalars(select(Message.body).where(Message.contact_id == contact.id)))
            chat_start = s.scalar(select(func.min(Message.sent_at)).where(Message.contact_id == contact.id))
            assert chat_start is not None
            if demo.steps[0][1] > 0:
                assert order.created_at > chat_start  # the order came out of the chat
            if order.tracking:
                assert tracking_doubt(order.courier, order.tracking) is None  # CJ: 10 or 12 digits
            for body in bodies:
                if order.courier and order.courier in body:  # the chat quotes the order's number
                    assert "".join(ch for ch in body if ch.isdigit()) == order.tracking


def test_amy_clarkes_chat_is_about_the_bag_her_cancelled_order_holds(db, tmp_path: Path) -> None:
    """The tester opened Amy Clarke's chat (a sage green linen shirt, "Paid, thank you!") and then her
    order: a black leather crossbody bag, cancelled. Now the chat orders that bag and never pays,
    and the payment deadline cancelled the order after the chat."""
    from app.demo_seed import demo_wamid
    from app.models import OrderEvent, OrderLine
    from app.orders import EXPIRED_MOVE

    with db.write() as s:
        seed_demo_history(s)
        load_demo_catalog(s, DEMO, tmp_path / "catalog")
        seed_demo_orders(s)
    with db.read() as s:
        amy = s.scalar(select(Contact).where(Contact.wa_id == "447700900123"))
        assert amy is not None and amy.display_name == "Amy Clarke"
        assert not amy.labels  # nothing paid, nothing open
        chat = list(
            s.scalars(select(Message.body).where(Message.contact_id == amy.id).order_by(Message.sent_at))
        )
        chat_end = s.scalar(select(func.max(Message.sent_at)).where(Message.contact_id == amy.id))
        order = s.scalar(select(Order).where(Order.contact_id == amy.id))
        assert order is not None and order.state == "cancelled"
        lines = list(s.scalars(select(OrderLine).where(OrderLine.order_id == order.id)))
        cancelled = s.scalar(
            select(OrderEvent).where(OrderEvent.order_id == order.id, OrderEvent.to_state == "cancelled")
        )
        assert [(line.code, line.name, line.quantity) for line in lines] == [
            ("BG-CR-BK", "레더 크로스백 블랙", 1)
        ]
        text = " ".join(chat).lower()
        assert "leather crossbody bag" in text and "black" in text
        assert "shirt" not in text and "paid" not in text  # nor another item, nor a payment she never made
        assert order.total_minor == 89000 and "₩89,000" in " ".join(chat)
        assert order.shipping_minor == 0 and "free" in text  # as the shop told her
        assert "221B Baker Street" in order.address and "221B Baker Street" in " ".join(chat)
        # Ordered in the chat: when she chose the bag, before the shop's message with its account.
        ordered, told = (
            s.scalar(select(Message.sent_at).where(Message.wamid == demo_wamid(amy.wa_id, n))) for n in (2, 3)
        )
        assert ordered is not None and told is not None and chat_end is not None
        assert ordered < order.created_at < told < chat_end
        assert cancelled is not None and cancelled.kind == EXPIRED_MOVE  # the deadline's, not the owner's
        assert order.payment_due_at is not None and cancelled.at == order.payment_due_at


def test_a_demo_order_waits_for_payment_minutes_after_it_was_placed_and_nothing_happens_later_than_now(
    db, tmp_path: Path
) -> None:
    """A user-tester read 입금 대기 five hours after the order: a shop sends its account at once."""
    now = datetime.now(UTC)
    with db.write() as s:
        seed_demo_history(s)
        load_demo_catalog(s, DEMO, tmp_path / "catalog")
        seed_demo_orders(s, now=now)
    with db.read() as s:
        waited = 0
        for order in s.scalars(select(Order)):
            events = sorted(
                s.scalars(select(OrderEvent).where(OrderEvent.order_id == order.id)), key=lambda e: e.at
            )
            assert [e.at for e in events] == sorted(e.at for e in events)
            assert all(e.at <= now for e in events if e.kind != "expired")
            for event in events:
                if event.to_state == "awaiting_payment":
                    assert timedelta(0) < event.at - order.created_at <= timedelta(hours=1)
                    waited += 1
        assert waited >= 4


def test_daniel_ortizs_new_order_is_the_coat_his_chat_asks_for(db, tmp_path: Path) -> None:
    """A user-tester read Daniel's chat (a navy wool cardigan, a month ago) and then his New order: a
    beige trench coat placed this afternoon. Now the chat asks for that coat, and the order follows it."""
    from app.models import OrderLine

    with db.write() as s:
        seed_demo_history(s)
        load_demo_catalog(s, DEMO, tmp_path / "catalog")
        seed_demo_orders(s)
    with db.read() as s:
        daniel = s.scalar(select(Contact).where(Contact.wa_id == "14155550123"))
        assert daniel is not None
        chat = " ".join(s.scalars(select(Message.body).where(Message.contact_id == daniel.id))).lower()
        chat_end = s.scalar(select(func.max(Message.sent_at)).where(Message.contact_id == daniel.id))
        order = s.scalar(select(Order).where(Order.contact_id == daniel.id))
        assert order is not None and order.state == "new"
        lines = list(s.scalars(select(OrderLine).where(OrderLine.order_id == order.id)))
        assert [(line.code, line.option, line.quantity) for line in lines] == [("OT-TR-BE", "L", 1)]
        assert "trench coat" in chat and "beige" in chat and "l then" in chat
        assert "cardigan" not in chat and "navy" not in chat
        assert chat_end is not None and chat_end < order.created_at < chat_end + timedelta(hours=1)


def test_the_demo_in_english_tells_its_orders_outside_the_window_in_english(db, tmp_path: Path) -> None:
    """An owner who reads English opened Order settings ▸ Messages in the English demo: every step's
    template was Korean ("김민지님, 주문번호 … 입금 안내입니다") and the bank account 국민은행. The English
    demo's order templates are approved in English too, which the English owner sees first, and its
    bank account is its British one."""
    from app.order_messages import template_fits, template_preview
    from app.relay_client import RelayClient
    from app.template_versions import named_versions
    from tests.support.relay_server import run_relay

    with db.write() as s:
        seed_demo_history(s, lang="en")
        load_demo_catalog(s, DEMO, tmp_path / "catalog", "en")
        seed_demo_orders(s, lang="en")
    with db.read() as s:
        settings = load_order_settings(s)
    (tmp_path / "relay").mkdir()
    with run_relay(tmp_path / "relay", upstream="sandbox") as relay, RelayClient(relay.url, relay.token) as c:
        approved = [t for t in c.templates() if t.status.upper() == "APPROVED"]
    assert settings.bank_account.startswith("Sort code 04-00-04")
    from app.campaign_checks import account_holder

    assert account_holder(settings.bank_account) == "Brighton Linen House"
    assert set(settings.templates) == {
        "awaiting_payment",
        "reminder",
        "paid",
        "shipped",
        "cancelled_refund",
        "returned",
    }
    for step, name in settings.templates.items():
        versions = named_versions(name, approved, "en")
        assert [t.language for t in versions] == ["en", "ko"], (step, name)  # the owner's first
        template = versions[0]
        assert template_fits(step, template), (step, name)
        shown = template_preview(
            step,
            template,
            bank_account=settings.bank_account,
            currency="GBP",
            deadline_for=lambda _l: "Monday",
        )
        assert shown.startswith("Hi Amy Clarke") and "님" not in shown, shown
        assert "₩" not in shown and "won" not in shown, shown


def test_the_demo_in_korean_keeps_its_korean_order_templates(db, tmp_path: Path) -> None:
    with db.write() as s:
        seed_demo_history(s)
        load_demo_catalog(s, DEMO, tmp_path / "catalog")
        seed_demo_orders(s, lang="ko")
    with db.read() as s:
        settings = load_order_settings(s)
    assert settings.bank_account.startswith("국민은행")
    assert settings.templates["awaiting_payment"] == "order_payment"


def test_a_kept_english_demo_from_before_keeps_its_templates_under_their_names_of_now(db) -> None:
    """An English demo kept in a folder chose "order_payment_en" and its siblings; the sandbox now
    keeps each in both languages as "order_payment": reopened, its steps still name a template."""
    from app.demo_orders import rename_former_demo_templates
    from app.order_settings import OrderSettings, save_order_settings

    before = {"awaiting_payment": "order_payment_en", "paid": "order_paid_en", "shipped": "my_own_shipped"}
    with db.write() as s:
        save_order_settings(s, OrderSettings(templates=before))
    assert rename_former_demo_templates(db)
    assert not rename_former_demo_templates(db)  # once
    with db.read() as s:
        assert load_order_settings(s).templates == {
            "awaiting_payment": "order_payment",
            "paid": "order_paid",
            "shipped": "my_own_shipped",  # the owner's own choice is hers
        }
