"""The composer grows to show what a `/` quick reply or a paste put in it, like WhatsApp's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from app.quick_replies import QuickReplyLibrary
from tests.support.factories import make_contact, make_message
from tests.support.window_waits import select_chat, sync_batch
from ui.message_edit import MAX_LINES

LONG_REPLY = (
    "안녕하세요! 주문해 주셔서 감사합니다. 입금 확인 후 바로 발송해 드려요. "
    "배송은 보통 2~3일 걸리고, 제주와 도서 산간 지역은 하루 이틀 더 걸릴 수 있어요. "
    "교환이나 반품은 받으신 날부터 7일 안에 말씀해 주세요. 사이즈가 고민되시면 키와 평소 입는 "
    "사이즈를 알려 주세요. 매장 방문은 평일 10시부터 7시까지, 토요일은 5시까지 가능해요."
)


def open_chat(window: Any, qtbot: Any) -> Any:
    now = datetime.now(UTC)
    with window.ctx.db.write() as s:
        contact = make_contact(s, profile_name="김민지", last_inbound_at=now - timedelta(minutes=5))
        make_message(s, contact, "주문할게요", sent_at=now - timedelta(minutes=5))
        contact_id = contact.id
    sync_batch(window, qtbot, {contact_id})
    select_chat(window, qtbot, contact_id)
    qtbot.waitUntil(lambda: window.chat.contact_id() == contact_id)
    edit = window.chat.composer.edit
    edit.setFocus()
    return edit


def shown_lines(edit: Any) -> float:
    """How many lines of text the box has room for."""
    margin = 2 * edit.document().documentMargin()
    return (edit.viewport().height() - margin) / edit.fontMetrics().lineSpacing()


def type_hangul(edit: Any, composing: str, committed: str) -> None:
    """A Korean input method: a syllable shown while composing, then committed."""
    QApplication.sendEvent(edit, QInputMethodEvent(composing, []))
    event = QInputMethodEvent("", [])
    event.setCommitString(committed)
    QApplication.sendEvent(edit, event)


def test_a_long_quick_reply_makes_the_composer_grow_at_once(window: Any, qtbot: Any) -> None:
    QuickReplyLibrary(window.ctx.db).add("/안내", LONG_REPLY)
    edit = open_chat(window, qtbot)
    one_line = edit.height()
    qtbot.keyClicks(edit, "/")
    type_hangul(edit, "아", "안")  # the owner types "/안" with a Korean keyboard
    completer = window.chat.quick_replies
    qtbot.waitUntil(lambda: completer.popup.isVisible())
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.toPlainText() == LONG_REPLY
    # No key typed after the insert: the box is already taller than one line, showing it all.
    qtbot.waitUntil(lambda: shown_lines(edit) >= 3, timeout=2000)
    assert edit.height() > one_line
    assert edit.verticalScrollBar().maximum() == 0  # nothing hidden above the last line


def test_pasted_lines_make_the_composer_grow_up_to_its_limit(window: Any, qtbot: Any) -> None:
    edit = open_chat(window, qtbot)
    one_line = edit.height()
    # setText, not setMimeData: the clipboard would own a QMimeData Python also holds.
    QApplication.clipboard().setText("\n".join(f"{n}. 린넨 셔츠 M 아이보리" for n in range(1, 4)))
    edit.paste()
    qtbot.waitUntil(lambda: shown_lines(edit) >= 3, timeout=2000)
    assert edit.height() > one_line
    assert edit.verticalScrollBar().maximum() == 0

    edit.selectAll()
    QApplication.clipboard().setText(LONG_REPLY * 6)
    edit.paste()
    qtbot.waitUntil(lambda: shown_lines(edit) >= MAX_LINES - 0.5, timeout=2000)
    assert edit.height() < 20 * one_line  # capped: the chat above stays readable


def test_a_pasted_novel_keeps_what_the_box_holds_without_laying_out_the_rest(window: Any, qtbot: Any) -> None:
    """5 MB pasted (a file's contents copied by mistake): the box takes its first 65,536 characters,
    and never holds the whole paste, whose layout froze the window for over a second; what was typed
    before stays, and so does the owner's place."""
    from ui.message_edit import MAX_CHARS

    edit = open_chat(window, qtbot)
    edit.insertPlainText("안녕하세요 ")  # typed before
    added: list[int] = []
    edit.document().contentsChange.connect(lambda _at, _removed, count: added.append(count))
    QApplication.clipboard().setText("가나다라마바사 긴 메시지 " * 400_000)
    edit.paste()
    assert len(edit.toPlainText()) == MAX_CHARS
    assert edit.toPlainText().startswith("안녕하세요 가나다라마바사 긴 메시지")
    assert max(added) <= MAX_CHARS  # the document never took in the whole paste
    QApplication.clipboard().setText("끝")
    edit.paste()  # full: nothing more goes in, and nothing already there is lost
    assert len(edit.toPlainText()) == MAX_CHARS
