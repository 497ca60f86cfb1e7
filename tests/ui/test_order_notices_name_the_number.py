"""A shop with two numbers: the dialogs that send several orders' messages at once say, above each
message, which of the shop's numbers it goes from (a one-number shop is not told)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from app.business_numbers import remember_business_numbers
from app.catalog import ItemDraft, create_item
from app.models import utcnow
from app.order_notices import BulkMove
from app.orders import LineInput, OrderState, create_order, move_order
from tests.support.factories import make_contact, make_message
from ui.bulk_notice_dialog import BulkNoticeDialog
from ui.ops import pending_ops
from ui.order_messages_dialog import BatchMessagesDialog, BatchMessagesModel

GANGNAM, HONGDAE = "100000000000001", "100000000000002"


def paid_orders(window: Any, *, two_numbers: bool, state: OrderState = OrderState.PAID) -> list[int]:
    """김민지 wrote to Gangnam, 박서준 to Hongdae, an hour ago; each has an order moved to `state`."""
    now = utcnow()
    orders = []
    with window.ctx.db.write() as s:
        if two_numbers:
            remember_business_numbers(s, [(GANGNAM, "+82 2-555-0101"), (HONGDAE, "+82 2-555-0202")])
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        for name, number in (("김민지", GANGNAM), ("박서준", HONGDAE)):
            pnid = number if two_numbers else None
            wrote = now - timedelta(hours=1)
            c = make_contact(s, profile_name=name, phone_number_id=pnid, last_inbound_at=wrote)
            make_message(s, c, "입금했어요", phone_number_id=pnid, sent_at=wrote)
            order_id = create_order(s, contact_id=c.id, lines=[LineInput("LINEN", 1)], source="chat").id
            move_order(s, order_id, OrderState.AWAITING_PAYMENT)
            if state == OrderState.PAID:
                move_order(s, order_id, OrderState.PAID)
            orders.append(order_id)
    return orders


def previews(dialog: Any, model: Any) -> dict[str, str]:
    """Each customer's name → the dialog's preview of her message."""
    said = {}
    for r in range(model.rowCount()):
        dialog.list.setCurrentIndex(model.index(r))
        # The bank file's notices name the order first ("2026-0001 · 김민지"), the reminders the customer.
        parts = model.index(r).data().split(" — ")[0].split(" · ")
        name = parts[0] if isinstance(model, BatchMessagesModel) else parts[1]
        said[name] = dialog.preview.toPlainText()
    return said


def test_the_bank_files_notice_says_which_number_each_customers_message_goes_from(
    window: Any, qtbot: Any
) -> None:
    dialog = BulkNoticeDialog(window.ctx, BulkMove.BANK_FILE, paid_orders(window, two_numbers=True), window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.notice is not None and dialog.model.rowCount() == 2)
    said = previews(dialog, dialog.model)
    assert said["김민지"].startswith("Goes from your number 02-555-0101.\n\n"), said["김민지"]
    assert said["박서준"].startswith("Goes from your number 02-555-0202.\n\n"), said["박서준"]
    qtbot.waitUntil(lambda: pending_ops() == 0)


def test_payment_reminders_say_in_korean_which_number_each_goes_from(
    window: Any, qtbot: Any, korean: None
) -> None:
    orders = paid_orders(window, two_numbers=True, state=OrderState.AWAITING_PAYMENT)
    dialog = BatchMessagesDialog(window.ctx, orders, window, reminder=True)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    said = previews(dialog, dialog.model)
    assert said["김민지"].startswith("매장 번호 02-555-0101에서 보내요.\n\n"), said["김민지"]
    assert said["박서준"].startswith("매장 번호 02-555-0202에서 보내요.\n\n"), said["박서준"]
    dialog.reject()
    qtbot.waitUntil(lambda: pending_ops() == 0)


def test_a_shop_with_one_number_is_not_told_which(window: Any, qtbot: Any) -> None:
    dialog = BulkNoticeDialog(window.ctx, BulkMove.BANK_FILE, paid_orders(window, two_numbers=False), window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.notice is not None and dialog.model.rowCount() == 2)
    assert not any("your number" in text for text in previews(dialog, dialog.model).values())
    qtbot.waitUntil(lambda: pending_ops() == 0)
