"""The chat header: the name the shop saved, or the customer's own, over the phone number."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QStyleOptionViewItem, QToolTip

from tests.support.factories import make_contact, make_message
from tests.support.window_waits import laid_out, load_chats, select_chat, settle


def test_a_name_the_owner_saved_in_the_contact_panel_heads_the_chat_without_a_tilde(
    window: Any, qtbot: Any
) -> None:
    with window.ctx.db.write() as s:
        contact = make_contact(s, wa_id="821013572468", profile_name="오세훈")
        make_message(s, contact, "배송 언제 되나요?")
        contact_id = contact.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, contact_id)
    assert window.chat.name.text() == "오세훈"
    assert window.chat.subtitle.text() == "010-1357-2468"

    window.toggle_contact_panel()
    settle(qtbot)  # the panel reads the contact off the GUI thread
    field = window.contact_panel.saved_name
    field.setFocus()
    field.setText("오세훈 단골")  # typed (QTest types no Hangul)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.chat.name.text() == "오세훈 단골")
    assert window.chat.subtitle.text() == "010-1357-2468"
    assert "~" not in window.chat.subtitle.text()
    assert window.contact_panel.profile_name.text() == "오세훈"  # her own name, where it is asked for


def test_the_bot_resumed_note_fits_the_header_without_squeezing_the_chat_list(
    korean: None, window: Any, qtbot: Any
) -> None:
    """On a laptop at 150 % with the contact panel open, "메뉴 봇이 이 고객에게 다시 답해요." after
    Resume bot widened the chat so much that the chat list shrank and grew a sideways scroll bar."""
    window.resize(1066, 666)
    with window.ctx.db.write() as s:
        contact = make_contact(s, wa_id="821075849916", profile_name="최민준")
        make_message(s, contact, "상담원 연결해 주세요")
        contact_id = contact.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, contact_id)
    window.toggle_contact_panel()
    settle(qtbot)
    button, note = window.chat.resume_bot_button, window.chat.bot_resumed_note
    button.setVisible(True)  # the chat as the bot handed it over
    settle(qtbot)
    laid_out()  # the chat's texts, just set by the ops, reach its size when laid out
    list_width = window.splitter.sizes()[0]
    narrowest = window.chat.minimumSizeHint().width()
    button.setVisible(False)  # as the relay's answer to Resume bot shows it
    note.setVisible(True)
    qtbot.waitUntil(lambda: note.isVisible() and note.width() > 0, timeout=3000)
    settle(qtbot)
    laid_out()
    # The chat asks no more room than before: the splitter had taken it from the chat list.
    assert window.chat.minimumSizeHint().width() <= narrowest
    assert window.splitter.sizes()[0] == list_width
    # No sideways bar, read once the list's rows are laid out to its width (a zero timer after a
    # resize): a row wider than the list is the bar's cause, so the wait fails on it too.
    view = window.chat_list.view
    first = view.model().index(0, 0)
    qtbot.waitUntil(lambda: view.visualRect(first).width() == view.viewport().width(), timeout=3000)
    assert not view.horizontalScrollBar().isVisible()
    # All of it readable: wrapped within the header, not cut.
    assert note.text() == "메뉴 봇이 이\u00a0고객에게 다시 답해요."
    assert note.heightForWidth(note.width()) <= note.height()


def test_the_header_says_a_customer_opted_out_of_marketing_as_soon_as_it_is_recorded(
    korean: None, window: Any, qtbot: Any
) -> None:
    """An opt-out was said only at the foot of the contact panel: the owner about to write an offer,
    looking at the chat, could not tell. The header says it, muted beside the number, in Korean."""
    with window.ctx.db.write() as s:
        contact = make_contact(s, wa_id="821044405678", profile_name="정도윤")
        make_message(s, contact, "세일 언제 해요?")
        contact_id = contact.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, contact_id)
    assert window.chat.subtitle.text() == "010-4440-5678"
    assert window.chat.subtitle.toolTip() == ""

    window.toggle_contact_panel()
    settle(qtbot)
    button = window.contact_panel.consent.opt_out_button
    qtbot.waitUntil(lambda: button.text() == "수신거부 기록(&U)")
    button.click()  # she asked by phone: the owner records it
    qtbot.waitUntil(lambda: window.chat.subtitle.text() == "010-4440-5678 · 광고 수신거부")
    assert "캠페인" in window.chat.subtitle.toolTip()
    assert window.chat.name.text() == "정도윤"

    qtbot.waitUntil(lambda: button.text() == "수신거부 해제(&U)")
    button.click()
    qtbot.waitUntil(lambda: window.chat.subtitle.text() == "010-4440-5678")
    assert window.chat.subtitle.toolTip() == ""


def test_a_shop_with_two_numbers_sees_which_one_the_customer_wrote_to(
    korean: None, window: Any, qtbot: Any
) -> None:
    """Seo-yeon's two branches each have a WhatsApp number: an open chat gave no hint which one the
    customer wrote to (and so which one the reply goes from). The header says it beside her number."""
    from app.business_numbers import remember_business_numbers

    with window.ctx.db.write() as s:
        remember_business_numbers(
            s, [("106540352242922", "+82 2-555-0101"), ("106540352242923", "+82 2-555-0202")]
        )
        seongsu = make_contact(
            s, wa_id="821011112222", profile_name="김민지", phone_number_id="106540352242922"
        )
        make_message(s, seongsu, "성수점 오늘 몇 시까지 해요?")
        hongdae = make_contact(
            s, wa_id="821033334444", profile_name="박서준", phone_number_id="106540352242923"
        )
        make_message(s, hongdae, "홍대점 주차 되나요?")
        ids = seongsu.id, hongdae.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, ids[0])
    assert window.chat.subtitle.text() == "010-1111-2222 · 매장 번호 02-555-0101"
    assert "02-555-0101" in window.chat.subtitle.toolTip()
    select_chat(window, qtbot, ids[1])
    assert window.chat.subtitle.text() == "010-3333-4444 · 매장 번호 02-555-0202"
    # The chat list says it too, on a hovered row and to a screen reader.
    model = window.chat_list.model
    rows = {model.index(i).data(): model.index(i) for i in range(model.rowCount())}
    assert rows["김민지"].data(Qt.ItemDataRole.ToolTipRole).splitlines()[-1] == "매장 번호 02-555-0101"
    assert "매장 번호 02-555-0202" in rows["박서준"].data(Qt.ItemDataRole.AccessibleTextRole)


def test_the_box_a_reply_is_typed_in_says_which_number_it_goes_from(
    korean: None, window: Any, qtbot: Any
) -> None:
    """The header says the number at the top of the chat, but the owner's eyes are on the box she
    types in: in a shop with two numbers its empty hint says which one the reply goes from (and a
    screen reader hears it with the box); a one-number shop's says what it always said."""
    from app.business_numbers import remember_business_numbers

    with window.ctx.db.write() as s:
        remember_business_numbers(
            s, [("106540352242922", "+82 2-555-0101"), ("106540352242923", "+82 2-555-0202")]
        )
        seongsu = make_contact(
            s, wa_id="821011112222", profile_name="김민지", phone_number_id="106540352242922"
        )
        make_message(s, seongsu, "성수점 오늘 몇 시까지 해요?")
        hongdae = make_contact(
            s, wa_id="821033334444", profile_name="박서준", phone_number_id="106540352242923"
        )
        make_message(s, hongdae, "홍대점 주차 되나요?")
        ids = seongsu.id, hongdae.id
    load_chats(window, qtbot)
    edit = window.chat.composer.edit
    select_chat(window, qtbot, ids[0])
    assert edit.placeholderText() == "매장 번호 02-555-0101에서 답장 · /로 빠른 답장"
    assert edit.accessibleDescription().startswith("답장은 매장 번호 02-555-0101에서 보내요.")
    select_chat(window, qtbot, ids[1])
    assert edit.placeholderText() == "매장 번호 02-555-0202에서 답장 · /로 빠른 답장"
    assert "02-555-0202" in edit.accessibleDescription()


def test_a_one_number_shops_box_says_no_number(korean: None, window: Any, qtbot: Any) -> None:
    from app.business_numbers import remember_business_numbers

    with window.ctx.db.write() as s:
        remember_business_numbers(s, [("106540352242922", "+82 2-555-0101")])
        contact = make_contact(
            s, wa_id="821011112222", profile_name="김민지", phone_number_id="106540352242922"
        )
        make_message(s, contact, "오늘 몇 시까지 해요?")
        contact_id = contact.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, contact_id)
    assert window.chat.composer.edit.placeholderText() == "메시지 입력 · /로 빠른 답장"
    assert "매장 번호" not in window.chat.composer.edit.accessibleDescription()


def test_a_customer_who_wrote_to_both_numbers_sees_each_messages_number_and_the_reply_number(
    korean: None, window: Any, qtbot: Any
) -> None:
    """She asked the Seongsu branch, then the Hongdae one: one chat, which replies from Hongdae (her
    last). The header and the box say Hongdae; the messages on Seongsu say so beside their time, so
    the owner does not answer the Seongsu question thinking it goes from there."""
    from app.business_numbers import remember_business_numbers

    seongsu, hongdae = "106540352242922", "106540352242923"
    with window.ctx.db.write() as s:
        remember_business_numbers(s, [(seongsu, "+82 2-555-0101"), (hongdae, "+82 2-555-0202")])
        contact = make_contact(s, wa_id="821011112222", profile_name="김민지", phone_number_id=hongdae)
        make_message(s, contact, "성수점 오늘 몇 시까지 해요?", phone_number_id=seongsu)
        make_message(s, contact, "9시까지 해요", direction="out", phone_number_id=seongsu)
        make_message(s, contact, "홍대점도 같아요?", phone_number_id=hongdae)
        contact_id = contact.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, contact_id)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.rowCount() == 3)
    assert window.chat.composer.edit.placeholderText() == "매장 번호 02-555-0202에서 답장 · /로 빠른 답장"
    width = float(view.viewport().width())
    times = [view.bubbles.geometry(view.chat_model.index(i), width).time_text for i in range(3)]
    assert times[0].startswith("0101 · ") and times[1].startswith("0101 · ")
    assert "0202" not in times[2] and "·" not in times[2]  # on the number the header names
    # The bubble's tooltip says the number whole.
    index = view.chat_model.index(0)
    option = QStyleOptionViewItem()
    option.rect = view.visualRect(index)
    inside = view.bubbles.geometry(index, width).bubble.center().toPoint() + option.rect.topLeft()
    event = QHelpEvent(QEvent.Type.ToolTip, inside, view.viewport().mapToGlobal(inside))
    assert view.bubbles.helpEvent(event, view, option, index)
    assert QToolTip.text().splitlines()[-1] == "매장 번호 02-555-0101로 들어온 메시지"
    QToolTip.hideText()
    # And a screen reader hears it with the message; the one on the chat's number says none.
    spoken = [view.chat_model.index(i).data(Qt.ItemDataRole.AccessibleTextRole) for i in range(3)]
    assert "매장 번호 02-555-0101로 들어온 메시지" in spoken[0]
    assert "매장 번호 02-555-0101에서 보낸 메시지" in spoken[1]
    assert "매장 번호" not in spoken[2]


def test_a_reply_being_written_when_she_writes_to_the_other_number_says_which_one_it_now_goes_from(
    korean: None, window: Any, qtbot: Any
) -> None:
    """The box's hint said Seongsu, and the owner typed over it; the customer then wrote to Hongdae,
    so the reply goes from Hongdae: said under the box, where the hint can no longer be seen."""
    from app.business_numbers import remember_business_numbers
    from app.models import Contact
    from tests.support.window_waits import sync_batch

    seongsu, hongdae = "106540352242922", "106540352242923"
    with window.ctx.db.write() as s:
        remember_business_numbers(s, [(seongsu, "+82 2-555-0101"), (hongdae, "+82 2-555-0202")])
        contact = make_contact(s, wa_id="821011112222", profile_name="김민지", phone_number_id=seongsu)
        make_message(s, contact, "성수점 오늘 몇 시까지 해요?", phone_number_id=seongsu)
        contact_id = contact.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, contact_id)
    composer = window.chat.composer
    composer.edit.setPlainText("저녁 9시까지 해요")
    with window.ctx.db.write() as s:
        moved = s.get(Contact, contact_id)
        assert moved is not None
        moved.phone_number_id = hongdae
        make_message(s, moved, "홍대점도 같아요?", phone_number_id=hongdae)
    sync_batch(window, qtbot, {contact_id})
    qtbot.waitUntil(composer.gone_note.isVisible)
    assert composer.gone_note.text() == (
        "이\u00a0고객이 방금 매장 번호 02-555-0202로 연락했어요. 답장은 02-555-0101이 아니라 이\u00a0번호에서 보내요."
    )
