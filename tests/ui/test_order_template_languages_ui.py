"""Order settings show each template's languages; a partial return after 24 hours has its template."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtWidgets import QApplication, QPushButton

from app.catalog import ItemDraft, create_item
from app.models import Contact, Message
from app.order_messages import RETURN_MESSAGE
from app.order_settings import OrderSettings, load_order_settings, save_order_settings
from app.orders import LineInput, OrderState, create_order, move_order
from app.sending import TEMPLATES_SETTING
from app.settings import put_setting
from tests.support.factories import make_contact, make_message
from ui.order_actions import OrderActions
from ui.order_settings_dialog import MESSAGE_STATES, OrderSettingsDialog
from ui.return_dialog import ReturnDialog
from ui.return_lines import ReturnLinesModel


def template(name: str, language: str, body: str) -> dict[str, Any]:
    places = body.count("{{")
    return {
        "name": name,
        "language": language,
        "category": "UTILITY",
        "status": "APPROVED",
        "components": [{"type": "BODY", "text": body}],
        "parameters": [{"component": "body", "index": i} for i in range(1, places + 1)],
    }


PAID = [
    template("order_paid", "ko", "{{1}}님, 주문번호 {{2}} 입금이 확인되었습니다. 결제 금액: {{3}}"),
    template("order_paid", "en", "Hi {{1}}, we received your payment for order {{2}}: {{3}}"),
]
RETURN = [
    template("order_return", "ko", "{{1}}님, 주문번호 {{2}} 반품이 접수되었습니다. {{3}}은 환불해 드릴게요."),
    template("order_return", "en", "Hi {{1}}, your return for order {{2}} arrived. We'll refund {{3}}."),
]


def open_settings(window: Any, qtbot: Any) -> OrderSettingsDialog:
    dialog = OrderSettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    return dialog


def items(combo: Any) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_a_template_approved_in_two_languages_is_one_choice_that_names_both_and_previews_both(
    window: Any, qtbot: Any
) -> None:
    with window.ctx.db.write() as s:
        put_setting(s, TEMPLATES_SETTING, [*PAID, *RETURN])
        save_order_settings(s, OrderSettings(templates={"paid": "order_paid"}))  # as stored before
    dialog = open_settings(window, qtbot)
    combo = dialog.template_choice["paid"]
    # Once, with both its languages (the owner's, English, first), and the stored choice kept.
    assert "order_paid (English, Korean · utility)" in items(combo)
    assert combo.currentData() == "order_paid"
    preview = dialog.template_previews["paid"]
    assert not preview.isHidden()
    text = preview.text()
    assert "in the language they write, and anyone else the English one" in text
    assert "English:\nHi Amy Clarke, we received your payment for order 2026-0001: ₩42,000" in text
    assert "Korean:\n김민지님, 주문번호 2026-0001 입금이 확인되었습니다. 결제 금액: 42,000원" in text


def test_the_return_tab_offers_a_template_with_the_refund_previewed_and_saves_it(
    window: Any, qtbot: Any
) -> None:
    with window.ctx.db.write() as s:
        put_setting(s, TEMPLATES_SETTING, [*PAID, *RETURN])
    dialog = open_settings(window, qtbot)
    dialog.show()
    dialog.pages.setCurrentIndex(1)  # Messages
    dialog.message_tabs.setCurrentIndex(MESSAGE_STATES.index(RETURN_MESSAGE))
    assert dialog.message_tabs.tabText(dialog.message_tabs.currentIndex()) == "Return"
    combo = dialog.template_choice[RETURN_MESSAGE]
    assert combo.isVisible()
    # Both three-value templates fit; the note says what {{3}} is.
    assert items(combo) == [
        "None",
        "order_paid (English, Korean · utility)",
        "order_return (English, Korean · utility)",
    ]
    combo.setCurrentIndex(combo.findData("order_return"))
    preview = dialog.template_previews[RETURN_MESSAGE]
    assert preview.isVisible()
    assert "Hi Amy Clarke, your return for order 2026-0001 arrived. We'll refund ₩42,000." in preview.text()
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()
    with window.ctx.db.read() as s:
        assert load_order_settings(s).templates[RETURN_MESSAGE] == "order_return"


def test_in_korean_the_order_settings_name_the_templates_languages_in_korean(
    window: Any, qtbot: Any, korean: None, korean_locale: None
) -> None:
    with window.ctx.db.write() as s:
        put_setting(s, TEMPLATES_SETTING, [*PAID, *RETURN])
    dialog = open_settings(window, qtbot)
    assert "order_return (한국어, 영어 · utility)" in items(dialog.template_choice[RETURN_MESSAGE])
    assert dialog.message_tabs.tabText(MESSAGE_STATES.index(RETURN_MESSAGE)) == "반품"
    dialog.template_choice["paid"].setCurrentIndex(dialog.template_choice["paid"].findData("order_paid"))
    assert "영어:\nHi Amy Clarke" in dialog.template_previews["paid"].text()
    assert "그\u00a0밖의 고객은 한국어 버전" in dialog.template_previews["paid"].text()


def quiet_customer_with_two_lines_shipped(ctx: Any, templates: dict[str, str]) -> int:
    """Amy Clarke (writes English, last two days ago) bought a 린넨 셔츠 (29,000원) and a 에코백
    (12,000원), paid and shipped; the shop has the return template approved in Korean and English."""
    with ctx.db.write() as s:
        put_setting(s, TEMPLATES_SETTING, RETURN)
        save_order_settings(s, OrderSettings(templates=templates))
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=29000, currency="KRW", retailer_id="LINEN"))
        create_item(s, ItemDraft(name="에코백", price_minor=12000, currency="KRW", retailer_id="BAG"))
        c = make_contact(s, profile_name="Amy Clarke", wa_id="447700900123")
        contact = s.get(Contact, c.id)
        assert contact is not None
        contact.last_inbound_at = datetime.now(UTC) - timedelta(days=2)
        make_message(s, c, "The bag has a scratch, can I send it back?", sent_at=contact.last_inbound_at)
        lines = [LineInput("LINEN", 1), LineInput("BAG", 1)]
        order_id = create_order(s, contact_id=c.id, lines=lines, source="chat").id
        for state in (OrderState.AWAITING_PAYMENT, OrderState.PAID, OrderState.SHIPPED):
            move_order(s, order_id, state, courier="CJ대한통운", tracking="654321098765")
        return order_id


def record_bag_returned(window: Any, qtbot: Any, dialogs: Any, order_id: int) -> Any:
    order_window = OrderActions(window, window.ctx).open_order(order_id)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    button = order_window.findChild(QPushButton, "returnOrder")
    assert button is not None
    qtbot.waitUntil(button.isVisible)
    dialogs.expect("modal")
    button.click()
    dialog = order_window.findChild(ReturnDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.start is not None)
    bag = next(i for i, row in enumerate(dialog.model.rows) if row.name == "에코백")
    dialog.model.setData(dialog.model.index(bag, ReturnLinesModel.COMING), 1)
    assert dialog.refund.text() == "12,000"
    dialog.save_button.click()
    pane = order_window.message
    qtbot.waitUntil(lambda: pane.isVisible() and pane.prepared is not None)
    return order_window


def test_a_partial_return_after_24_hours_goes_as_the_return_template_in_her_language(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    order_id = quiet_customer_with_two_lines_shipped(window.ctx, {RETURN_MESSAGE: "order_return"})
    order_window = record_bag_returned(window, qtbot, dialogs, order_id)
    pane = order_window.message
    # Which of its two languages goes is said: hers (she writes English), not the shop's Korean.
    assert "this goes as the template “order_return” (English)." in pane.how.text()
    assert pane.edit.toPlainText().endswith("We'll refund ₩12,000.")
    assert pane.send_button.isEnabled() and pane.copy_button.isHidden()
    with qtbot.waitSignal(pane.sent):
        pane.send_button.click()
    with window.ctx.db.read() as s:
        (sent,) = [m.payload["template"] for m in s.query(Message).filter_by(direction="out")]
    assert (sent["name"], sent["language"]["code"]) == ("order_return", "en")
    qtbot.waitUntil(lambda: "(customer told)" in order_window.history.stringList()[0])


def test_with_no_return_template_the_owner_is_told_why_and_can_copy_the_message(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    order_id = quiet_customer_with_two_lines_shipped(window.ctx, {})
    order_window = record_bag_returned(window, qtbot, dialogs, order_id)
    pane = order_window.message
    how = pane.how.text()
    assert "none is chosen for a return in Shop ▸ Order settings ▸ Return" in how
    assert "The return is recorded" in how
    assert not pane.send_button.isEnabled()
    assert "₩12,000" in pane.edit.toPlainText()  # the refund, to say by phone
    assert pane.copy_button.isVisible()
    pane.copy_button.click()
    assert QApplication.clipboard().text() == pane.edit.toPlainText()
    assert "returned:" in order_window.history.stringList()[0]  # the return itself is kept


def test_in_korean_the_return_template_is_named_before_its_particle(
    korean: None, window: Any, qtbot: Any, dialogs: Any
) -> None:
    """A Latin template name cannot take 으로/로 by itself: the Korean owner reads
    "“order_return” 템플릿(영어)으로 보내요", not "템플릿 “order_return”(으)로", with the version
    that goes named in Korean (the customer writes English)."""
    order_id = quiet_customer_with_two_lines_shipped(window.ctx, {RETURN_MESSAGE: "order_return"})
    pane = record_bag_returned(window, qtbot, dialogs, order_id).message
    assert (
        pane.how.text() == "고객의 마지막 메시지 후 24시간이 지나서 “order_return” 템플릿(영어)으로 보내요."
    )
