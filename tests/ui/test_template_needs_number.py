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


def test_the_cart_button_asks_for_the_number_then_opens_the_order(
    window: Any, qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    """The cart did nothing at all for a customer from a phone export (it took her for a group
    archive): it asks for the number the order's messages need, then opens the order form."""
    from PySide6.QtWidgets import QApplication

    from ui.order_actions import OrderActions
    from ui.order_form import StartOrderDialog

    actions = OrderActions(window, ctx)
    contact_id = numberless_chat(ctx)
    sync_batch(window, qtbot, {contact_id})
    select_chat(window, qtbot, contact_id)
    qtbot.waitUntil(lambda: window.chat.contact_id() == contact_id)

    asked = dialogs.expect("getText", answer="010-2345-6789")
    assert actions.start_order() is None  # not yet: the number first
    assert "이수진" in asked.shown[0].text

    def forms() -> list[StartOrderDialog]:
        return [
            w for w in QApplication.topLevelWidgets() if isinstance(w, StartOrderDialog) and w.isVisible()
        ]

    qtbot.waitUntil(lambda: len(forms()) == 1, timeout=5000)
    with ctx.db.read() as s:
        assert s.get(Contact, contact_id).wa_id == "821023456789"
    forms()[0].close()
