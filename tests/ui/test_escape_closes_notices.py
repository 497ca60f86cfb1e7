"""Esc closes a notice that has a Close of its own (the relay's history news, the synced folder's
warning, the orders window's file note): the one the keyboard is in, or else the newest shown of the
notices, the search and the contact panel (a notice that came while the search was open goes first).
It never puts news away from the message field, and a notice that must stay (a full disk) does not go."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.connection import Connection, ConnectionState


def in_front(qtbot: Any, window: QWidget) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def esc(qtbot: Any) -> None:
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, Qt.Key.Key_Escape)


def history_gap(window: Any) -> None:
    """The relay's news that some history could not be loaded: read, then closed."""
    found = datetime.now(UTC) - timedelta(hours=3)
    window.banner.set_state(ConnectionState(Connection.HISTORY_GAP, gap_found_at=found))
    assert window.banner.isVisible() and window.banner.dismiss.isVisible()


def test_esc_in_the_chat_list_closes_the_relays_news(window: Any, qtbot: Any) -> None:
    in_front(qtbot, window)
    closed: list[bool] = []
    window.banner.history_gap_closed.connect(lambda: closed.append(True))
    history_gap(window)
    assert window.banner.dismiss.toolTip() == "Close this notice (Esc)"
    window.chat_list.view.setFocus()
    qtbot.waitUntil(window.chat_list.view.hasFocus)
    esc(qtbot)
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=3000)
    assert closed == [True]  # as its Close does: not said again at the next start


def test_esc_in_the_message_field_cancels_the_reply_and_leaves_the_news(window: Any, qtbot: Any) -> None:
    """Writing, the owner's Esc is the composer's: it cancels a reply, then does nothing more."""
    in_front(qtbot, window)
    history_gap(window)
    composer = window.chat.composer
    composer.setEnabled(True)
    composer.edit.setFocus()
    qtbot.waitUntil(composer.edit.hasFocus)
    esc(qtbot)
    assert window.banner.isVisible()
    assert composer.edit.hasFocus()


def test_esc_with_the_keyboard_on_the_notices_close_closes_it_before_the_search(
    window: Any, qtbot: Any
) -> None:
    in_front(qtbot, window)
    history_gap(window)
    window.open_search()
    window.banner.dismiss.setFocus()  # Tab took the keyboard there
    qtbot.waitUntil(window.banner.dismiss.hasFocus)
    esc(qtbot)
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=3000)
    assert window.left.currentWidget() is window.search  # the search stays open
    assert QApplication.focusWidget() is not None and not window.banner.isAncestorOf(
        QApplication.focusWidget()
    )
    esc(qtbot)  # the next Esc is the search's, as before
    qtbot.waitUntil(lambda: window.left.currentWidget() is window.chat_list, timeout=3000)


def test_a_full_disk_is_not_put_away_by_esc(window: Any, qtbot: Any) -> None:
    in_front(qtbot, window)
    window.banner.set_state(ConnectionState(Connection.DISK_FULL))
    assert window.banner.isVisible() and not window.banner.dismiss.isVisible()
    window.chat_list.view.setFocus()
    qtbot.waitUntil(window.chat_list.view.hasFocus)
    esc(qtbot)
    assert window.banner.isVisible()


def test_esc_closes_the_synced_folders_warning(qtbot: Any, db: Any, tmp_path: Path) -> None:
    from app.paths import paths_for
    from ui.context import AppContext
    from ui.main_window import MainWindow

    paths = paths_for(tmp_path / "OneDrive" / "문서" / "샵 데이터").ensure()
    window = MainWindow(AppContext(db=db, paths=paths, prefs={"enter_sends": True}))
    qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
    in_front(qtbot, window)
    notice = window.synced_folder
    assert notice.isVisible()
    assert notice.close_button.toolTip() == "Close this notice (Esc)"
    window.chat_list.view.setFocus()
    qtbot.waitUntil(window.chat_list.view.hasFocus)
    esc(qtbot)
    qtbot.waitUntil(lambda: not notice.isVisible(), timeout=3000)


def test_esc_in_the_orders_window_closes_the_file_note_then_the_window(qtbot: Any, ctx: Any) -> None:
    from ui.order_board import OrderBoard

    board = OrderBoard(ctx)
    qtbot.addWidget(board)
    in_front(qtbot, board)
    qtbot.waitUntil(lambda: board.loaded_once)
    board.saved_note.show_saved("Courier sheet saved: 3 orders.", Path("/tmp/택배.csv"))
    board.search.setFocus()
    qtbot.waitUntil(board.search.hasFocus)
    esc(qtbot)
    qtbot.waitUntil(lambda: not board.saved_note.isVisible(), timeout=3000)
    assert board.isVisible() and board.search.hasFocus()
    esc(qtbot)
    qtbot.waitUntil(lambda: not board.isVisible(), timeout=3000)


def test_a_notice_that_came_while_the_search_was_open_closes_first_then_the_search(
    window: Any, qtbot: Any
) -> None:
    """The owner searched, the relay's news came meanwhile: Esc in the search field put the search
    away and left the news, which she had just seen appear, on the screen."""
    in_front(qtbot, window)
    window.open_search()
    qtbot.waitUntil(window.search.field.hasFocus)
    history_gap(window)
    esc(qtbot)
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=3000)
    assert window.left.currentWidget() is window.search
    esc(qtbot)
    qtbot.waitUntil(lambda: window.left.currentWidget() is window.chat_list, timeout=3000)


def test_the_search_opened_after_a_notice_closes_before_it(window: Any, qtbot: Any) -> None:
    in_front(qtbot, window)
    history_gap(window)
    window.open_search()
    qtbot.waitUntil(window.search.field.hasFocus)
    esc(qtbot)
    qtbot.waitUntil(lambda: window.left.currentWidget() is window.chat_list, timeout=3000)
    assert window.banner.isVisible()
    esc(qtbot)  # the keyboard is back in the chat list: the news goes next
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=3000)


def test_a_notice_that_came_after_the_contact_panel_opened_closes_before_it(
    window: Any, qtbot: Any, ctx: Any
) -> None:
    from tests.support.factories import make_contact, make_message
    from tests.support.window_waits import select_chat

    in_front(qtbot, window)
    with ctx.db.write() as s:
        now = datetime.now(UTC)
        contact = make_contact(s, profile_name="김민지", last_inbound_at=now)
        make_message(s, contact, "주문했어요", sent_at=now)
        contact_id = contact.id
    window.chat_list.load()
    qtbot.waitUntil(lambda: window.chat_list.model.rowCount() == 1, timeout=5000)
    select_chat(window, qtbot, contact_id)
    window.toggle_contact_panel()
    assert window.contact_panel.isVisible()
    window.chat.view.setFocus()
    qtbot.waitUntil(window.chat.view.hasFocus)
    history_gap(window)
    esc(qtbot)
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=3000)
    assert window.contact_panel.isVisible()
    esc(qtbot)
    qtbot.waitUntil(lambda: not window.contact_panel.isVisible(), timeout=3000)
