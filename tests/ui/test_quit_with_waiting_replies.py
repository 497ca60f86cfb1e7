"""Quitting while a reply the owner wrote still waits for the relay: asked first, in her language."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.models import Message
from tests.support.factories import make_contact, make_message
from tests.support.servers import free_port
from tests.support.window_waits import load_chats, select_chat, settle
from tests.ui.test_quit_from_any_window import press_quit
from ui.connection_banner import LOST
from ui.menus import install_menus

Button = QMessageBox.StandardButton


def reply_while_the_relay_is_down(window: Any, qtbot: Any, text: str, *, read: bool = False) -> int:
    """Emma answers Amelia from the composer while nothing answers at the relay's address."""
    with window.ctx.db.write() as s:
        customer = make_contact(s, profile_name="Amelia Hart", last_inbound_at=datetime.now(UTC))
        make_message(s, customer, "Can I have the peonies by Friday?", unread=not read)
        contact_id = customer.id
    install_menus(window, window.ctx)
    window.ctx.prefs["relay_url"] = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    window.ctx.relay_token = "shop-token"
    window.start_sync()
    qtbot.waitUntil(lambda: window.banner.state.kind in LOST, timeout=10000)
    load_chats(window, qtbot)
    select_chat(window, qtbot, contact_id)
    composer = window.chat.composer
    qtbot.waitUntil(lambda: composer.contact_id == contact_id, timeout=5000)
    composer.edit.insertPlainText(text)
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.waiting_replies == 1, timeout=5000)
    return contact_id


def pending_bodies(window: Any) -> list[str]:
    with window.ctx.db.read() as s:
        return [m.body for m in s.query(Message).filter_by(status="pending", direction="out")]


def test_ctrl_q_with_a_reply_waiting_asks_and_dont_quit_keeps_the_inbox_open(
    window: Any, qtbot: Any, dialogs: Any, english: None
) -> None:
    reply_while_the_relay_is_down(window, qtbot, "Yes, Friday morning is fine!")
    asked = dialogs.expect("warning", answer=Button.No, times=1)
    press_quit(qtbot, window)
    assert asked.shown[0].title == "Quit Shop Inbox?"
    assert asked.shown[0].text == (
        "1 reply you wrote has not been sent yet. It goes out by itself the next time Shop Inbox is open "
        "and reaches your relay."
    )
    # Enter and Esc keep the app open: a stray key never leaves a reply unsent.
    assert asked.shown[0].widget == "QMessageBox [&Quit anyway | &Don't quit] default &Don't quit"
    assert window.isVisible()
    assert pending_bodies(window) == ["Yes, Friday morning is fine!"]


def test_quit_anyway_quits_and_the_reply_stays_in_the_outbox_for_the_next_start(
    window: Any, qtbot: Any, dialogs: Any, english: None
) -> None:
    reply_while_the_relay_is_down(window, qtbot, "Yes, Friday morning is fine!")
    with window.ctx.db.write() as s:  # a second one, written in another window meanwhile
        make_message(s, make_contact(s, profile_name="Tom"), "On its way", direction="out", status="pending")
    window.count_waiting_replies()
    qtbot.waitUntil(lambda: window.waiting_replies == 2, timeout=5000)
    asked = dialogs.expect("warning", answer=Button.Yes, times=1)
    press_quit(qtbot, window)
    assert asked.shown[0].text.startswith("2 replies you wrote have not been sent yet. They go out")
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert len(pending_bodies(window)) == 2


def test_a_close_the_app_makes_itself_never_waits_for_an_answer(window: Any, qtbot: Any) -> None:
    """A restart after freeing disk space, or a test's teardown, closes the window with no question:
    nobody may be there to click it (the title bar's close, spontaneous, asks as Ctrl+Q does)."""
    reply_while_the_relay_is_down(window, qtbot, "Yes, Friday morning is fine!")
    window.close()  # the dialog guard fails the test on any question
    assert not window.isVisible()
    assert pending_bodies(window) == ["Yes, Friday morning is fine!"]


def test_quitting_with_nothing_waiting_asks_nothing(window: Any, qtbot: Any, english: None) -> None:
    install_menus(window, window.ctx)
    settle(qtbot)
    press_quit(qtbot, window)  # the dialog guard fails the test on any question
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)


def test_the_question_is_asked_in_korean_for_a_korean_shop(
    window: Any, qtbot: Any, dialogs: Any, korean: None
) -> None:
    reply_while_the_relay_is_down(window, qtbot, "금요일 오전 배송 가능해요")
    asked = dialogs.expect("warning", answer=Button.No, times=1)
    press_quit(qtbot, window)
    shown = asked.shown[0]
    assert shown.title == "샵\u00a0인박스를 종료할까요?"
    assert shown.text.startswith("작성한 답장 1개가 아직 보내지지 않았어요."), shown.text
    assert shown.widget == "QMessageBox [그래도 종료(&Q) | 종료 안 함(&D)] default 종료 안 함(&D)"


def test_the_demo_quits_without_asking_for_its_chats_go_with_it(
    window: Any, qtbot: Any, english: None
) -> None:
    window.ctx.demo = True
    reply_while_the_relay_is_down(window, qtbot, "Yes, Friday morning is fine!")
    press_quit(qtbot, window)  # the dialog guard fails the test on any question
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)


def test_ctrl_q_in_the_order_board_asks_over_the_board(
    window: Any, qtbot: Any, dialogs: Any, english: None
) -> None:
    """Asked over the main window, the question stood behind the board she pressed Ctrl+Q in."""
    from PySide6.QtWidgets import QApplication

    reply_while_the_relay_is_down(window, qtbot, "Yes, Friday morning is fine!")
    board = window.orders.open_board()
    qtbot.waitExposed(board)
    over: list[Any] = []

    def look_then_stay(_shown: Any) -> QMessageBox.StandardButton:
        box = QApplication.activeModalWidget()
        assert box is not None
        over.append(box.parentWidget())
        return Button.No

    dialogs.expect("warning", answer=look_then_stay, times=1)
    press_quit(qtbot, board)
    assert over == [board]
    assert window.isVisible() and board.isVisible()


def test_every_photo_sent_while_the_relay_is_down_is_counted_as_waiting_at_once(
    window: Any, qtbot: Any, tmp_path: Any, english: None
) -> None:
    """Only a chat's oldest waiting reply is tried: the photos queued after it changed nothing the
    window counted, so the banner said "4 waiting replies" for five, and Quit asked about too few."""
    from PySide6.QtGui import QColor, QImage

    from app.sending import Outgoing

    # Her question read already: opening the chat changes nothing that would count again.
    contact_id = reply_while_the_relay_is_down(window, qtbot, "New linen dresses:", read=True)
    # The relay's next try far off, as once it has been away a while (its backoff grows to a
    # minute): nothing but the sending itself may count the photos.
    window.ctx.sync.stop()
    for number, colour in enumerate(("red", "green", "blue")):
        picture = QImage(90, 120, QImage.Format.Format_RGB32)
        picture.fill(QColor(colour))
        photo = tmp_path / f"dress {number}.png"
        assert picture.save(str(photo))  # type: ignore[call-overload]  # the stubs say bytes: PySide6 takes only str
        window.chat.send(Outgoing(contact_id=contact_id, attachment=photo))
    qtbot.waitUntil(lambda: window.chat.view.chat_model.rowCount() == 5, timeout=10000)
    qtbot.waitUntil(lambda: window.waiting_replies == 4, timeout=3000)
    assert len(pending_bodies(window)) == 4
