"""Cancelling a paid order after the customer's 24 hours: the owner knows, before she cancels, whether
the customer will read that her money comes back."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtWidgets import QMessageBox, QPushButton

from app.catalog import ItemDraft, create_item
from app.models import Message, utcnow
from app.order_settings import OrderSettings, load_order_settings, save_order_settings
from app.orders import LineInput, OrderState, create_order, move_order
from app.sending import TEMPLATES_SETTING
from app.settings import put_setting
from tests.support.factories import make_contact
from ui.order_actions import OrderActions

CANCELLED = {
    "name": "order_cancelled",
    "language": "ko",
    "category": "UTILITY",
    "status": "APPROVED",
    "components": [{"type": "BODY", "text": "{{1}}님, 주문 {{2}}이 취소되었습니다."}],
    "parameters": [{"component": "body", "index": 1}, {"component": "body", "index": 2}],
}
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
    "parameters": [{"component": "body", "index": i} for i in (1, 2, 3)],
}


def paid_order_of_a_customer_gone_quiet(window: Any, templates: dict[str, str]) -> int:
    """이하은 paid 58,000원 and last wrote two days ago; the shop has both templates approved."""
    with window.ctx.db.write() as s:
        put_setting(s, TEMPLATES_SETTING, [CANCELLED, REFUND])
        save_order_settings(s, OrderSettings(templates=templates))
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=29000, currency="KRW", retailer_id="LINEN"))
        c = make_contact(s, profile_name="이하은", last_inbound_at=utcnow() - timedelta(days=2))
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("LINEN", 2)], source="chat").id
        move_order(s, order_id, OrderState.AWAITING_PAYMENT)
        move_order(s, order_id, OrderState.PAID)
    return order_id


def cancel_clicked(window: Any, qtbot: Any, order_id: int) -> Any:
    order_window = OrderActions(window, window.ctx).open_order(order_id)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    button = order_window.findChild(QPushButton, "move_cancelled")
    assert button is not None
    button.click()
    return order_window


def test_with_no_refund_template_the_cancel_question_says_the_customer_will_not_hear_of_the_refund(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    order_id = paid_order_of_a_customer_gone_quiet(window, {"cancelled": "order_cancelled"})
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    order_window = cancel_clicked(window, qtbot, order_id)
    qtbot.waitUntil(lambda: len(asked.shown) == 1)
    question = asked.texts[0]
    assert "The customer paid ₩58,000 for it" in question
    assert "will not be told that the ₩58,000 she paid comes back" in question
    assert "Shop ▸ Order settings (Cancelled tab)" in question
    # Yes: the order is cancelled, and the message offered is the cancel template, the warning again.
    qtbot.waitUntil(lambda: order_window.message.isVisible())
    assert order_window.detail.state == OrderState.CANCELLED
    assert "will not be told that the ₩58,000" in order_window.message.how.text()
    assert order_window.message.send_button.isEnabled()
    assert "환불" not in order_window.message.edit.toPlainText()


def test_with_a_refund_template_the_refund_goes_as_it_once_with_the_amount(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    templates = {"cancelled": "order_cancelled", "cancelled_refund": "order_refund"}
    order_id = paid_order_of_a_customer_gone_quiet(window, templates)
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    order_window = cancel_clicked(window, qtbot, order_id)
    qtbot.waitUntil(lambda: len(asked.shown) == 1)
    assert "will not be told" not in asked.texts[0]
    qtbot.waitUntil(lambda: order_window.message.isVisible())
    assert "the template “order_refund”" in order_window.message.how.text()
    assert "입금하신 58,000원은 환불해 드리겠습니다" in order_window.message.edit.toPlainText()
    with qtbot.waitSignal(order_window.moved):
        order_window.message.send_button.click()
    with window.ctx.db.read() as s:
        sent = [(m.kind, m.payload["template"]["name"]) for m in s.query(Message).filter_by(direction="out")]
    assert sent == [("template", "order_refund")]  # the refund template alone, not the cancel one too


def test_keeping_the_order_after_the_warning_cancels_nothing_and_sends_nothing(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    order_id = paid_order_of_a_customer_gone_quiet(window, {})
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.No)
    order_window = cancel_clicked(window, qtbot, order_id)
    qtbot.waitUntil(lambda: len(asked.shown) == 1)
    assert "will not be told that the ₩58,000 she paid comes back" in asked.texts[0]
    assert order_window.detail.state == OrderState.PAID and order_window.message.isHidden()


def test_the_refund_template_is_chosen_on_the_cancelled_tab_of_the_order_settings(
    window: Any, qtbot: Any
) -> None:
    from ui.order_settings_dialog import OrderSettingsDialog

    with window.ctx.db.write() as s:
        put_setting(s, TEMPLATES_SETTING, [CANCELLED, REFUND])
    dialog = OrderSettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    combo = dialog.template_choice["cancelled_refund"]
    # Only a template with a place for the amount: the cancel one (name and number) is not offered.
    assert [combo.itemText(i) for i in range(combo.count())] == ["None", "order_refund (Korean · utility)"]
    combo.setCurrentIndex(combo.findData("order_refund"))
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()
    with window.ctx.db.read() as s:
        assert load_order_settings(s).templates["cancelled_refund"] == "order_refund"


def test_a_shop_with_no_templates_kept_yet_is_offered_the_relays_refund_template(
    window: Any, qtbot: Any, relay: Any
) -> None:
    """A new shop (or the demo) has kept no copy of its templates: the Cancelled tab asks the relay
    and offers its refund template, the choice the owner had made kept."""
    from ui.order_settings_dialog import OrderSettingsDialog

    relay.graph.templates = [CANCELLED, REFUND]
    with window.ctx.db.write() as s:
        save_order_settings(s, OrderSettings(templates={"cancelled": "order_cancelled"}))
    window.ctx.prefs["relay_url"] = relay.url
    window.ctx.relay_token = relay.token
    window.start_sync()
    qtbot.waitUntil(lambda: window.ctx.sync is not None and window.ctx.sync.relay_client() is not None)
    dialog = OrderSettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    combo = dialog.template_choice["cancelled_refund"]
    qtbot.waitUntil(lambda: combo.findData("order_refund") > 0, timeout=10000)
    assert dialog.template_choice["cancelled"].currentData() == "order_cancelled"
    assert not dialog.has_unsaved_edits()  # the list grew; the owner changed nothing
    combo.setCurrentIndex(combo.findData("order_refund"))
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()
    with window.ctx.db.read() as s:
        chosen = load_order_settings(s).templates
    assert (chosen["cancelled"], chosen["cancelled_refund"]) == ("order_cancelled", "order_refund")


def test_the_refund_warning_reads_in_korean(korean: None) -> None:
    from ui.korean_particles import with_particles
    from ui.order_text import refund_left_out_sentence

    sentence = with_particles(refund_left_out_sentence("58,000원"))
    assert sentence.startswith("고객은 입금한 58,000원을 환불받는다는 안내를 받지 못해요.")
    assert "상점\u00a0▸\u00a0주문\u00a0설정(취소 탭)" in sentence
