"""A shop with two numbers: WhatsApp's 24-hour window is per number, so the reply box says when only
the other number's is open and offers to reply from it, instead of a reply that Graph refuses (131047)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from app.business_numbers import remember_business_numbers
from app.models import Contact, Message, utcnow
from tests.support.factories import make_contact, make_message
from tests.support.held_reads import hold_first_read
from tests.support.window_waits import load_chats, select_chat, settle

GANGNAM, HONGDAE = "100000000000001", "100000000000002"


def she_wrote(window: Any, *, gangnam: timedelta, hongdae: timedelta | None) -> int:
    """김민지's chat is Gangnam's (the number of her chat's last event); she wrote to Gangnam `gangnam`
    ago and to Hongdae `hongdae` ago."""
    now = utcnow()
    with window.ctx.db.write() as s:
        remember_business_numbers(s, [(GANGNAM, "+82 2-555-0101"), (HONGDAE, "+82 2-555-0202")])
        last = now - min(gangnam, hongdae or gangnam)
        minji = make_contact(s, profile_name="김민지", phone_number_id=GANGNAM, last_inbound_at=last)
        make_message(s, minji, "강남점 영업하나요?", phone_number_id=GANGNAM, sent_at=now - gangnam)
        if hongdae is not None:
            make_message(s, minji, "홍대점에 재고 있어요?", phone_number_id=HONGDAE, sent_at=now - hongdae)
        # The owner's phone synced an old Gangnam chat since: her chat is on Gangnam again.
        make_message(
            s,
            minji,
            "지난달 대화",
            phone_number_id=GANGNAM,
            sent_at=now - timedelta(minutes=5),
            imported=True,
        )
        return minji.id


def test_a_reply_whose_number_is_closed_offers_the_number_she_wrote_to_and_goes_from_it(
    window: Any, qtbot: Any
) -> None:
    minji = she_wrote(window, gangnam=timedelta(hours=30), hongdae=timedelta(hours=2))
    load_chats(window, qtbot)
    select_chat(window, qtbot, minji)
    composer = window.chat.composer
    # Her last message at all is 2 hours old, but not to Gangnam, which her chat replies from.
    qtbot.waitUntil(composer.reply_elsewhere_button.isVisible, timeout=5000)
    assert composer.window_notice.isVisible() and not composer.input_row.isVisible()
    assert composer.reply_elsewhere_button.text() == "Rep&ly from 02-555-0202"
    assert composer.window_text.text() == (
        "The customer has not written to your number 02-555-0101 in the last 24 hours: WhatsApp only "
        "allows an approved template from it. She wrote to your number 02-555-0202 within 24 hours, "
        "so a reply from that number can go now."
    )
    assert composer.template_button.isVisible()  # a template from Gangnam is still there

    composer.reply_elsewhere_button.click()
    assert composer.input_row.isVisible() and not composer.window_notice.isVisible()
    assert composer.edit.placeholderText().startswith("Reply from your number 02-555-0202")
    assert composer.gone_note.text() == "Your reply goes from your number 02-555-0202."
    composer.edit.setPlainText("네 홍대점에 있어요")
    composer.submit()

    def sent_from() -> list[str | None]:
        with window.ctx.db.read() as s:
            return list(
                s.scalars(
                    select(Message.phone_number_id).where(
                        Message.contact_id == minji, Message.direction == "out"
                    )
                )
            )

    qtbot.waitUntil(lambda: sent_from() == [HONGDAE], timeout=5000)
    settle(qtbot)


def test_with_both_numbers_closed_only_a_template_is_offered(window: Any, qtbot: Any) -> None:
    minji = she_wrote(window, gangnam=timedelta(hours=30), hongdae=timedelta(hours=26))
    load_chats(window, qtbot)
    select_chat(window, qtbot, minji)
    composer = window.chat.composer
    qtbot.waitUntil(lambda: composer.number_windows != (), timeout=5000)
    assert composer.window_notice.isVisible() and not composer.reply_elsewhere_button.isVisible()
    assert composer.window_text.text().startswith("More than 24 hours since the customer's last message")
    settle(qtbot)


def test_a_chat_whose_own_number_is_open_replies_from_it_as_before(window: Any, qtbot: Any) -> None:
    minji = she_wrote(window, gangnam=timedelta(hours=1), hongdae=timedelta(hours=3))
    load_chats(window, qtbot)
    select_chat(window, qtbot, minji)
    composer = window.chat.composer
    qtbot.waitUntil(lambda: composer.number_windows != (), timeout=5000)
    assert composer.input_row.isVisible() and not composer.window_notice.isVisible()
    assert composer.edit.placeholderText().startswith("Reply from your number 02-555-0101")
    settle(qtbot)


def test_the_header_says_the_number_replies_go_from_once_chosen_and_goes_back_when_the_chat_is_reopened(
    window: Any, qtbot: Any
) -> None:
    minji = she_wrote(window, gangnam=timedelta(hours=30), hongdae=timedelta(hours=2))
    with window.ctx.db.write() as s:
        seojun = make_contact(s, profile_name="박서준", phone_number_id=HONGDAE, last_inbound_at=utcnow())
        make_message(s, seojun, "안녕하세요", phone_number_id=HONGDAE)
        seojun_id = seojun.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, minji)
    composer, subtitle = window.chat.composer, window.chat.subtitle
    qtbot.waitUntil(composer.reply_elsewhere_button.isVisible, timeout=5000)
    assert subtitle.text().endswith("To your number 02-555-0101")
    assert subtitle.toolTip() == "This customer wrote to your number 02-555-0101; replies go from it."

    composer.reply_elsewhere_button.click()
    assert subtitle.text().endswith("To your number 02-555-0101 · Replies from 02-555-0202")
    assert subtitle.toolTip() == (
        "This customer wrote to your number 02-555-0101; your replies go from your number "
        "02-555-0202, which she wrote to within 24 hours."
    )

    # Another chat, then hers again: her chat's number is where replies go until chosen again.
    select_chat(window, qtbot, seojun_id)
    assert subtitle.text().endswith("To your number 02-555-0202")
    select_chat(window, qtbot, minji)
    qtbot.waitUntil(composer.reply_elsewhere_button.isVisible, timeout=5000)
    assert subtitle.text().endswith("To your number 02-555-0101")
    assert composer.send_from is None
    settle(qtbot)


def test_a_reply_refused_for_its_numbers_closed_window_is_retried_from_the_number_she_wrote_to(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMenu

    from ui.message_status import status_tooltip

    minji = she_wrote(window, gangnam=timedelta(hours=30), hongdae=timedelta(hours=2))
    with window.ctx.db.write() as s:
        refused = make_message(
            s,
            s.get(Contact, minji),
            "네 있어요",
            direction="out",
            status="failed",
            error_code="131047",
            phone_number_id=GANGNAM,
        ).id
    load_chats(window, qtbot)
    select_chat(window, qtbot, minji)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.bubbles.number_windows[1] != (), timeout=5000)
    row = next(r for r in range(view.chat_model.rowCount()) if view.chat_model.message_at(r).id == refused)
    message = view.chat_model.message_at(row)
    elsewhere = view.bubbles.retry_elsewhere(message)
    assert elsewhere is not None and elsewhere.phone_number_id == HONGDAE
    # Its red line says what is true: she wrote, to the other number (not "no message in 24 hours").
    truth = (
        "Not sent: The customer has not written to your number 02-555-0101 in the last 24 hours, but "
        "did write to your number 02-555-0202: right-click to retry from that number."
    )
    index = view.chat_model.index(row, 0)
    geo = view.bubbles.geometry(index, float(view.viewport().width()))
    assert geo is not None and geo.failure_text == truth
    assert status_tooltip(message, "02-555-0101", "02-555-0202") == truth

    offered: list[str] = []

    def retry_from_hongdae(menu: QMenu) -> None:
        offered.extend(a.text() for a in menu.actions() if a.text())
        menu.setActiveAction(next(a for a in menu.actions() if a.text() == "Re&try from 02-555-0202"))
        QTest.keyClick(menu, Qt.Key.Key_Return)

    dialogs.expect("menu", answer=retry_from_hongdae)
    view.scrollTo(view.chat_model.index(row, 0))
    at = view.visualRect(view.chat_model.index(row, 0)).center()
    QApplication.sendEvent(
        view.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, view.mapToGlobal(at))
    )
    assert "Re&try sending" not in offered  # from Gangnam it would be refused again

    def retried() -> tuple[str, str | None]:
        with window.ctx.db.read() as s:
            again = s.get(Message, refused)
            assert again is not None
            return again.status, again.phone_number_id

    qtbot.waitUntil(lambda: retried()[1] == HONGDAE, timeout=5000)
    assert retried()[0] in ("pending", "sent")
    settle(qtbot)


def test_a_refused_reply_with_both_windows_closed_offers_no_other_number(window: Any, qtbot: Any) -> None:
    minji = she_wrote(window, gangnam=timedelta(hours=30), hongdae=timedelta(hours=26))
    with window.ctx.db.write() as s:
        make_message(
            s,
            s.get(Contact, minji),
            "네",
            direction="out",
            status="failed",
            error_code="131047",
            phone_number_id=GANGNAM,
        )
    load_chats(window, qtbot)
    select_chat(window, qtbot, minji)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.bubbles.number_windows[1] != (), timeout=5000)
    refused = next(
        view.chat_model.message_at(r)
        for r in range(view.chat_model.rowCount())
        if view.chat_model.message_at(r).status == "failed"
    )
    assert view.bubbles.retry_elsewhere(refused) is None
    at = view.chat_model.row_of(refused.id)
    assert at is not None
    index = view.chat_model.index(at, 0)
    geo = view.bubbles.geometry(index, float(view.viewport().width()))
    assert geo is not None and geo.failure_text == (
        "Not sent: The customer has not written in the last 24 hours, so WhatsApp only allows an "
        "approved template now."
    )
    settle(qtbot)


def test_a_refused_reply_says_in_korean_that_she_wrote_to_the_other_number(
    window: Any, qtbot: Any, korean: None
) -> None:
    minji = she_wrote(window, gangnam=timedelta(hours=30), hongdae=timedelta(hours=2))
    with window.ctx.db.write() as s:
        refused = make_message(
            s,
            s.get(Contact, minji),
            "네 있어요",
            direction="out",
            status="failed",
            error_code="131047",
            phone_number_id=GANGNAM,
        ).id
    load_chats(window, qtbot)
    select_chat(window, qtbot, minji)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.bubbles.number_windows[1] != (), timeout=5000)
    at = view.chat_model.row_of(refused)
    assert at is not None
    index = view.chat_model.index(at, 0)
    geo = view.bubbles.geometry(index, float(view.viewport().width()))
    assert geo is not None and geo.failure_text == (
        "전송 안 됨: 고객이 최근 24시간 동안 매장 번호 02-555-0101로는 메시지를 보내지 않았지만 "
        "매장 번호 02-555-0202로는 보냈어요. 오른쪽 클릭해서 그\u00a0번호로 다시 보내세요."
    )
    settle(qtbot)


def test_a_look_at_the_windows_read_before_she_wrote_does_not_close_the_number_she_opened(
    window: Any, qtbot: Any, monkeypatch: Any
) -> None:
    """Both numbers' windows were closed; she wrote to Hongdae just as her chat's row was read again
    for something else: its look at the windows, read before her message, answered after the one
    read after it (the pool busy), and the reply box went back to "only a template", with no reply
    from Hongdae offered, though she had just opened its window."""

    import ui.chat_pane
    from app.changes import Changes
    from ui.ops import pending_ops

    minji = she_wrote(window, gangnam=timedelta(hours=30), hongdae=timedelta(hours=26))
    load_chats(window, qtbot)
    select_chat(window, qtbot, minji)
    composer = window.chat.composer
    qtbot.waitUntil(lambda: composer.number_windows != (), timeout=5000)
    settle(qtbot)
    assert not composer.reply_elsewhere_button.isVisible()
    held = hold_first_read(monkeypatch, ui.chat_pane, "number_windows")
    try:
        window.ctx.publish(Changes.for_contacts({minji}, messages=False))  # her row, read again
        qtbot.waitUntil(held.read.is_set, timeout=5000)
        with window.ctx.db.write() as s:
            she = s.get(Contact, minji)
            assert she is not None
            she.last_inbound_at = utcnow()
            make_message(s, she, "홍대점 지금 열었어요?", phone_number_id=HONGDAE, sent_at=utcnow())
        window.ctx.publish(Changes.for_contacts({minji}))
        qtbot.waitUntil(composer.reply_elsewhere_button.isVisible, timeout=5000)
        qtbot.waitUntil(lambda: pending_ops() == 1, timeout=5000)  # all in but the held look
    finally:
        held.let_go()
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    assert composer.reply_elsewhere_button.isVisible()
    assert composer.reply_elsewhere_button.text() == "Rep&ly from 02-555-0202"


def test_a_look_read_before_her_first_message_does_not_say_she_never_wrote(
    window: Any, qtbot: Any, monkeypatch: Any
) -> None:
    """The owner wrote first (a template); the customer's first answer came as her row was read
    again for something else: the look at whether she ever wrote, read before her message, answered
    after it (the pool busy), and the chat took her for one who has never written: once her 24
    hours were over, the reply box would have said she had not written yet."""

    import ui.chat_pane
    from app.changes import Changes
    from ui.ops import pending_ops

    with window.ctx.db.write() as s:
        jiwoo = make_contact(s, profile_name="박지우", last_inbound_at=None)
        make_message(s, jiwoo, "주문하신 상품이 입고되었습니다", direction="out", kind="template")
        jiwoo_id = jiwoo.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, jiwoo_id)
    composer = window.chat.composer
    qtbot.waitUntil(lambda: composer.never_wrote, timeout=5000)
    settle(qtbot)
    held = hold_first_read(monkeypatch, ui.chat_pane, "has_written")
    try:
        window.ctx.publish(Changes.for_contacts({jiwoo_id}, messages=False))  # her row, read again
        qtbot.waitUntil(held.read.is_set, timeout=5000)
        with window.ctx.db.write() as s:
            she = s.get(Contact, jiwoo_id)
            assert she is not None
            she.last_inbound_at = utcnow()
            make_message(s, she, "감사합니다! 바로 결제할게요", sent_at=utcnow())
        window.ctx.publish(Changes.for_contacts({jiwoo_id}))
        qtbot.waitUntil(lambda: not composer.never_wrote, timeout=5000)
        qtbot.waitUntil(lambda: pending_ops() == 1, timeout=5000)  # all in but the held look
    finally:
        held.let_go()
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    assert not composer.never_wrote
