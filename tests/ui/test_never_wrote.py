"""A customer who has not written yet is not told apart as one whose 24 hours are over: each
closed-window sentence says which is true (the composer, the template picker, an order's message)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtWidgets import QMessageBox

from app.catalog import ItemDraft, create_item
from app.models import utcnow
from app.order_settings import OrderSettings, save_order_settings
from app.orders import LineInput, OrderState, create_order, move_order
from app.sending import TEMPLATES_SETTING
from app.settings import put_setting
from tests.support.factories import make_contact, make_message
from tests.support.window_waits import load_chats, select_chat
from tests.ui.test_order_refund_notice import CANCELLED, cancel_clicked

NOT_YET = "has not written yet"
OVER = "More than 24 hours"


def customers(window: Any) -> dict[str, int]:
    """Three chats closed to free text: one the shop wrote to first (no word from her), one who
    wrote two days ago, one whose only messages came from a phone export (old, but she wrote)."""
    now = utcnow()
    with window.ctx.db.write() as s:
        first = make_contact(s, profile_name="Nari First")
        make_message(s, first, "Your order is ready", direction="out", sent_at=now - timedelta(hours=3))
        quiet = make_contact(s, profile_name="Bomi Quiet", last_inbound_at=now - timedelta(days=2))
        make_message(s, quiet, "Is it in stock?", sent_at=now - timedelta(days=2))
        imported = make_contact(s, profile_name="Dana Imported")
        make_message(s, imported, "Hello from last year", sent_at=now - timedelta(days=300), imported=True)
        return {"first": first.id, "quiet": quiet.id, "imported": imported.id}


def test_the_composer_and_the_template_picker_say_she_has_not_written_yet_only_where_true(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    from ui.template_picker import TemplatePicker

    ids = customers(window)
    load_chats(window, qtbot)
    composer = window.chat.composer
    said: dict[str, tuple[str, str]] = {}
    for who, contact_id in ids.items():
        select_chat(window, qtbot, contact_id)
        assert composer.window_notice.isVisible()
        if who == "first":
            qtbot.waitUntil(lambda: NOT_YET in composer.window_text.text(), timeout=5000)
        seen: list[str] = []

        def look(dialog: Any, seen: list[str] = seen) -> None:
            assert isinstance(dialog, TemplatePicker)
            seen.append(dialog.intro.text())
            dialog.reject()

        dialogs.expect("modal", answer=look)
        composer.template_button.click()
        qtbot.waitUntil(lambda seen=seen: bool(seen), timeout=5000)
        said[who] = (composer.window_text.text(), seen[0])
    assert said["first"] == (
        "The customer has not written yet: WhatsApp only lets you start the conversation with an approved "
        "template.",
        "This customer has not written yet. WhatsApp only lets you start the conversation with an approved "
        "template.",
    )
    for who in ("quiet", "imported"):
        banner, intro = said[who]
        assert banner.startswith(OVER) and intro.startswith(OVER) and NOT_YET not in banner + intro


def paid_order(window: Any, *, wrote: bool) -> int:
    """A paid order of 58,000원 by a customer outside the window: she wrote two days ago, or the
    owner took her order on the phone and she has never written; no refund template is chosen."""
    with window.ctx.db.write() as s:
        put_setting(s, TEMPLATES_SETTING, [CANCELLED])
        save_order_settings(s, OrderSettings(templates={"cancelled": "order_cancelled"}))
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=29000, currency="KRW", retailer_id="LINEN"))
        if wrote:
            c = make_contact(s, profile_name="이하은", last_inbound_at=utcnow() - timedelta(days=2))
            make_message(s, c, "셔츠 두 장 주문할게요", sent_at=utcnow() - timedelta(days=2))
        else:
            c = make_contact(s, profile_name="박서준")
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("LINEN", 2)], source="phone").id
        move_order(s, order_id, OrderState.AWAITING_PAYMENT)
        move_order(s, order_id, OrderState.PAID)
    return order_id


def test_cancelling_a_paid_order_of_a_customer_who_never_wrote_says_so_not_24_hours(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    order_window = cancel_clicked(window, qtbot, paid_order(window, wrote=False))
    qtbot.waitUntil(lambda: len(asked.shown) == 1)
    question = asked.texts[0]
    assert "will not be told that the ₩58,000 she paid comes back" in question
    assert "she has not written to you on WhatsApp yet" in question and "24 hours" not in question
    qtbot.waitUntil(lambda: order_window.message.isVisible())
    how = order_window.message.how.text()
    assert how.startswith(
        "The customer has not written yet: this goes as the template “order_cancelled” (Korean)."
    )
    assert "she has not written to you on WhatsApp yet" in how and "24 hours" not in how


def test_cancelling_a_paid_order_of_a_customer_who_wrote_days_ago_still_says_24_hours(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    order_window = cancel_clicked(window, qtbot, paid_order(window, wrote=True))
    qtbot.waitUntil(lambda: len(asked.shown) == 1)
    assert "she last wrote more than 24 hours ago" in asked.texts[0]
    assert "not written" not in asked.texts[0]
    qtbot.waitUntil(lambda: order_window.message.isVisible())
    how = order_window.message.how.text()
    assert how.startswith("More than 24 hours since the customer wrote: this goes as the template")
    assert "not written" not in how


def test_an_order_step_with_no_template_for_a_customer_who_never_wrote_says_why_nothing_goes(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    order_id = paid_order(window, wrote=False)
    with window.ctx.db.write() as s:
        save_order_settings(s, OrderSettings(templates={}))  # not even the cancel template
    order_window = cancel_clicked(window, qtbot, order_id)
    qtbot.waitUntil(lambda: len(asked.shown) == 1)
    qtbot.waitUntil(lambda: order_window.message.isVisible())
    assert order_window.message.how.text().startswith(
        "The customer has not written yet, and no approved template is chosen for this step, so nothing "
        "can be sent now. Choose one in Shop ▸ Order settings."
    )


def test_the_not_written_yet_sentences_read_in_korean(korean: None) -> None:
    from ui.composer import Composer
    from ui.korean_particles import with_particles
    from ui.order_text import refund_left_out_sentence

    composer = Composer()
    composer.set_never_wrote(True)
    assert composer.window_text.text().startswith("고객이 아직 메시지를 보낸 적이 없어요.")
    composer.set_never_wrote(False)
    assert composer.window_text.text().startswith("고객의 마지막 메시지 후 24시간이 지났어요.")
    composer.deleteLater()
    sentence = with_particles(refund_left_out_sentence("58,000원", never_wrote=True))
    assert "고객이 아직 WhatsApp으로 메시지를 보낸 적이 없어서" in sentence and "24시간" not in sentence
