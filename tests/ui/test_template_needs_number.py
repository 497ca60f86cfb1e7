"""A customer with no phone number (a chat from a phone export): the composer asks for the number first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from app.errors import ErrorCode, ShopInboxError
from app.models import Contact, Message
from app.sending import Outgoing, queue_outgoing
from app.wire import Template
from tests.support.factories import make_contact, make_message
from tests.support.window_waits import select_chat, sync_batch

TEMPLATE = Template(
    name="order_update",
    language="ko",
    category="UTILITY",
    status="APPROVED",
    components=[{"type": "BODY", "text": "{{1}}님, 주문하신 상품을 보냈어요."}],
)


def numberless_chat(ctx: Any) -> int:
    with ctx.db.write() as s:
        contact = make_contact(s, wa_id=None, profile_name="이수진")
        make_message(s, contact, "다음 주에 또 올게요", sent_at=datetime.now(UTC) - timedelta(days=20))
        return int(contact.id)


def outbound(ctx: Any, contact_id: int) -> list[Message]:
    with ctx.db.read() as s:
        return list(
            s.query(Message).filter(Message.contact_id == contact_id, Message.direction == "out").all()
        )


def test_a_template_to_a_customer_without_a_number_asks_for_it_first(
    window: Any, qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    contact_id = numberless_chat(ctx)
    sync_batch(window, qtbot, {contact_id})
    select_chat(window, qtbot, contact_id)
    qtbot.waitUntil(lambda: window.chat.contact_id() == contact_id)
    composer = window.chat.composer
    assert composer.template_button.isVisibleTo(window)

    asked = dialogs.expect("getText", answer="010-2345-6789")
    picker = dialogs.expect("modal", answer=lambda dialog: dialog.reject())
    composer.template_button.click()
    qtbot.waitUntil(lambda: bool(picker.shown), timeout=5000)
    # The question gave an example in the shop's own format, and the number was kept.
    assert "010" in asked.shown[0].text
    with ctx.db.read() as s:
        assert s.get(Contact, contact_id).wa_id == "821023456789"
    assert window.chat.subtitle.text() == "010-2345-6789"


def test_a_wrong_number_is_asked_again_and_nothing_is_queued(
    window: Any, qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    contact_id = numberless_chat(ctx)
    sync_batch(window, qtbot, {contact_id})
    select_chat(window, qtbot, contact_id)
    qtbot.waitUntil(lambda: window.chat.contact_id() == contact_id)

    answers = iter(["12", None])  # a typo, then Cancel
    asked = dialogs.expect("getText", answer=lambda _shown: next(answers), times=2)
    window.chat.composer.send_template(TEMPLATE, ("수진",))
    qtbot.waitUntil(lambda: len(asked.shown) == 2, timeout=5000)
    assert "not a phone number" in asked.shown[1].text
    assert outbound(ctx, contact_id) == []


def test_the_outbox_refuses_a_message_it_could_never_send(ctx: Any) -> None:
    contact_id = numberless_chat(ctx)
    with pytest.raises(ShopInboxError) as refused:
        queue_outgoing(ctx.db, Outgoing(contact_id=contact_id, template=TEMPLATE, template_params=("수진",)))
    assert refused.value.code is ErrorCode.NO_PHONE_NUMBER
    assert outbound(ctx, contact_id) == []


def test_the_contact_panel_adds_the_number_of_a_customer_from_a_phone_export(
    window: Any, qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    """The number could be given only when a template was about to go out: the panel, where the
    owner looks for a customer's details, offers it, and hides the offer once the number is in."""
    contact_id = numberless_chat(ctx)
    sync_batch(window, qtbot, {contact_id})
    select_chat(window, qtbot, contact_id)
    window.toggle_contact_panel()
    panel = window.contact_panel
    qtbot.waitUntil(lambda: panel.details is not None and panel.details.id == contact_id, timeout=5000)
    assert panel.add_phone.isVisibleTo(panel)

    asked = dialogs.expect("getText", answer="010-2345-6789")
    panel.add_phone.click()
    assert "이수진" in asked.shown[0].text
    qtbot.waitUntil(lambda: panel.phone.text() == "010-2345-6789", timeout=5000)
    assert not panel.add_phone.isVisibleTo(panel)
    qtbot.waitUntil(lambda: window.chat.subtitle.text() == "010-2345-6789", timeout=5000)  # read anew


def test_an_order_is_written_down_for_a_customer_without_a_number_and_its_message_asks_for_it(
    window: Any, qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    """The cart asked for 이수진's number first, and Cancel opened no order at all, though the owner
    may only want to write the order down. The order opens at once; its message says the number
    is needed, and asks for it only when the owner wants to send."""
    from PySide6.QtCore import Qt

    from app.catalog import ItemDraft, create_item
    from app.models import Order
    from app.orders import OrderState
    from ui.order_actions import OrderActions
    from ui.order_window import OrderWindow

    with ctx.db.write() as s:
        create_item(s, ItemDraft(name="에코백", price_minor=12000, currency="KRW", retailer_id="BAG"))
    actions = OrderActions(window, ctx)
    contact_id = numberless_chat(ctx)
    sync_batch(window, qtbot, {contact_id})
    select_chat(window, qtbot, contact_id)
    qtbot.waitUntil(lambda: window.chat.contact_id() == contact_id)

    form = actions.start_order()  # no question first
    assert form is not None and form.isVisible()
    qtbot.waitUntil(lambda: form.results_model.rowCount() == 1)
    rect = form.results.visualRect(form.results_model.index(0))
    qtbot.mouseClick(form.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(form.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [line.code for line in form.lines.lines] == ["BAG"]
    qtbot.waitUntil(form.create_button.isEnabled)
    form.create_button.click()
    qtbot.waitUntil(lambda: bool(actions.open_orders), timeout=5000)
    (order_window,) = actions.open_orders.values()
    assert isinstance(order_window, OrderWindow)
    with ctx.db.read() as s:
        assert s.get(Order, order_window.order_id).contact_id == contact_id

    # A move's message: said that it needs the number, with the way to add it.
    qtbot.waitUntil(lambda: order_window.detail is not None)
    order_window.move_to(OrderState.AWAITING_PAYMENT)
    qtbot.waitUntil(lambda: order_window.message.isVisible(), timeout=5000)
    assert order_window.message.how.text().startswith("이수진 has no phone number in this inbox")
    assert (
        order_window.message.add_number_button.isVisible()
        and not order_window.message.send_button.isVisible()
    )
    assert not order_window.message.edit.isVisible()

    asked = dialogs.expect("getText", answer="010-2345-6789")
    order_window.message.add_number_button.click()
    qtbot.waitUntil(lambda: order_window.message.edit.isVisible(), timeout=5000)
    assert "이수진" in asked.shown[0].text
    assert order_window.message.edit.toPlainText().startswith("이수진님, 주문해 주셔서 감사합니다.")
    assert (
        order_window.message.send_button.isVisible()
        and not order_window.message.add_number_button.isVisible()
    )
    with ctx.db.read() as s:
        assert s.get(Contact, contact_id).wa_id == "821023456789"
    order_window.message.discard()


def test_the_messages_after_a_batch_of_moves_name_the_customer_with_no_number(qtbot: Any, ctx: Any) -> None:
    from app.catalog import ItemDraft, create_item
    from app.orders import LineInput, OrderState, create_order, move_order
    from ui.order_messages_dialog import BatchMessagesDialog

    contact_id = numberless_chat(ctx)
    with ctx.db.write() as s:
        create_item(s, ItemDraft(name="에코백", price_minor=12000, currency="KRW", retailer_id="BAG"))
        order_id = create_order(s, contact_id=contact_id, lines=[LineInput("BAG", 1)], source="chat").id
        move_order(s, order_id, OrderState.AWAITING_PAYMENT, payment_days=3)
    dialog = BatchMessagesDialog(ctx, [order_id])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=5000)
    assert dialog.problem.text().startswith("No message for 이수진: no phone number in this inbox")
    assert dialog.model.rowCount() == 0


def test_a_customer_who_wrote_with_a_username_is_not_called_a_phone_export(
    window: Any, qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    from app.sync_apply import apply_events
    from app.wire import read_event
    from tests.support.wire_events import message_event

    # A username customer: Meta's business-scoped user id, no phone number, over WhatsApp itself.
    event = message_event(content="번호 없이 보내요", name="민수")
    event["message"].pop("from")
    event["message"]["from_user_id"] = "KR.1502576394655843"
    event["contact"] = {"user_id": "KR.1502576394655843", "profile": {"name": "민수"}}
    with ctx.db.write() as s:
        changed = apply_events(s, [read_event(event)], None).changed
    (contact_id,) = changed
    sync_batch(window, qtbot, {contact_id})
    select_chat(window, qtbot, contact_id)
    qtbot.waitUntil(lambda: window.chat.contact_id() == contact_id)

    asked = dialogs.expect("getText", answer=None)  # Cancel
    window.chat.composer.send_template(TEMPLATE, ("민수",))
    qtbot.waitUntil(lambda: bool(asked.shown), timeout=5000)
    # It said "(the chat came from a phone export)": she wrote over WhatsApp, with a username.
    assert asked.shown[0].text.startswith(
        "민수 wrote to you with a WhatsApp username and has not shared a phone number."
    )
    assert outbound(ctx, contact_id) == []


def test_a_username_customers_chat_says_under_her_name_that_she_shared_no_number(
    window: Any, qtbot: Any, ctx: Any
) -> None:
    from app.sync_apply import apply_events
    from app.wire import read_event
    from tests.support.wire_events import message_event

    event = message_event(content="안녕하세요", name="민수")
    event["message"].pop("from")
    event["contact"] = {"user_id": "KR.1502576394655843", "profile": {"name": "민수"}}
    with ctx.db.write() as s:
        (contact_id,) = apply_events(s, [read_event(event)], None).changed
    sync_batch(window, qtbot, {contact_id})
    select_chat(window, qtbot, contact_id)
    qtbot.waitUntil(lambda: window.chat.contact_id() == contact_id)
    # The line under her name was empty: no number, and no word why.
    assert window.chat.subtitle.text() == "WhatsApp username · no phone number shared"
