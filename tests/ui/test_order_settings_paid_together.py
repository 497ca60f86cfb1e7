"""Order settings ▸ Messages: the one "payment confirmed" for several orders a transfer paid is the owner's to word."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtWidgets import QComboBox

from app.catalog import ItemDraft, create_item
from app.deposits import Deposit
from app.models import Order, utcnow
from app.order_actions import confirm_payments
from app.order_messages import message_for_order
from app.order_settings import load_order_settings
from app.orders import LineInput, OrderState, create_order, move_order
from app.sending import approved_templates
from app.wire import Template, TemplateParameter
from tests.support.factories import make_contact
from ui.order_settings_dialog import MESSAGE_STATES, OrderSettingsDialog


def template(name: str, body: str, places: int) -> Template:
    return Template(
        name=name,
        language="ko",
        category="UTILITY",
        components=[{"type": "BODY", "text": body}],
        parameters=[TemplateParameter(component="body", index=i) for i in range(1, places + 1)],
    )


def two_orders_one_transfer(db: Any) -> list[int]:
    """Amy (who wrote an hour ago) paid her two shirts with one transfer."""
    with db.write() as s:
        create_item(s, ItemDraft(name="Linen shirt", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        amy = make_contact(s, profile_name="Amy", last_inbound_at=utcnow() - timedelta(hours=1))
        ids = []
        for _ in range(2):
            order_id = create_order(s, contact_id=amy.id, lines=[LineInput("LINEN", 1)], source="chat").id
            move_order(s, order_id, OrderState.AWAITING_PAYMENT)
            ids.append(order_id)
    both = Deposit(2, "2026.11.29 10:00", "Amy", 78000)
    confirm_payments(db, [(ids[0], both), (ids[1], both)])
    return ids


def test_the_message_for_several_orders_sits_next_to_paid_is_saved_and_is_what_she_gets(
    window: Any, qtbot: Any
) -> None:
    db = window.ctx.db
    ids = two_orders_one_transfer(db)
    approved_templates(
        db,
        lambda: [
            template("payment_ok", "{{1}}님, 주문 {{2}} 입금 확인", 2),
            template("payment_received", "{{1}}님, 주문 {{2}} 결제 {{3}} 입금 확인", 3),
            template("order_shipped", "{{1}}님, 주문 {{2}} ({{3}}) 발송: {{4}} {{5}}", 5),
        ],
    )
    dialog = OrderSettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    dialog.pages.setCurrentIndex(1)  # Messages
    tabs = [dialog.message_tabs.tabText(i) for i in range(dialog.message_tabs.count())]
    assert tabs[tabs.index("Paid") + 1] == "Paid, several orders"
    dialog.message_tabs.setCurrentIndex(MESSAGE_STATES.index("paid_together"))
    message = dialog.messages["paid_together"]
    assert message.isVisible()
    # The default, in the owner's language, with the same placeholders as the other messages.
    assert message.toPlainText() == (
        "Thank you, {name}: your payment of {total} arrived. We are preparing orders {number} for you."
    )
    # Outside the 24 hours only a template with places for the numbers and the total can carry it.
    combo: QComboBox = dialog.template_choice["paid_together"]
    assert [combo.itemData(i) for i in range(combo.count())] == ["", "payment_received"]
    paid_combo = dialog.template_choice["paid"]
    # Not the shipping template: its five values are more than Paid fills (Meta would refuse it).
    assert [paid_combo.itemData(i) for i in range(paid_combo.count())] == [
        "",
        "payment_ok",
        "payment_received",
    ]
    shipped_combo = dialog.template_choice["shipped"]
    assert shipped_combo.findData("order_shipped") > 0

    message.setPlainText("{name}, we got {total} for orders {number}. Thank you!")
    combo.setCurrentIndex(combo.findData("payment_received"))
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible())

    with db.read() as s:
        stored = load_order_settings(s)
        numbers = [s.get(Order, i).number for i in ids]  # type: ignore[union-attr]
    assert stored.messages == {"paid_together": "{name}, we got {total} for orders {number}. Thank you!"}
    assert stored.templates["paid_together"] == "payment_received"
    told = message_for_order(
        db, ids[0], language="en", locale="en_US", format_time=lambda *_a: "", now=utcnow(), paid_with=ids[1:]
    )
    assert told is not None
    assert told.prepared.text == f"Amy, we got ₩78,000 for orders {numbers[0]} and {numbers[1]}. Thank you!"
    alone = message_for_order(
        db, ids[0], language="en", locale="en_US", format_time=lambda *_a: "", now=utcnow()
    )
    assert alone is not None and alone.prepared.text.startswith("Thank you, Amy: your payment arrived.")
