"""The quick replies manager: what the owner edits lands in the database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox, QPushButton

from app.paths import paths_for
from app.quick_replies import QuickReplyLibrary
from ui.context import AppContext
from ui.formatting import shortcut_text
from ui.quick_reply_manager import QuickReplyManager


@pytest.fixture
def ctx(db, tmp_path: Path) -> AppContext:
    return AppContext(db=db, paths=paths_for(tmp_path / "data"))


def settle(qtbot, manager: QuickReplyManager) -> None:
    qtbot.waitUntil(lambda: not manager.is_loading(), timeout=5000)


def open_manager(qtbot, ctx: AppContext) -> QuickReplyManager:
    manager = QuickReplyManager(ctx)
    qtbot.addWidget(manager)
    assert not manager.body.isEnabled()  # loading
    settle(qtbot, manager)
    assert manager.body.isEnabled()
    return manager


def shown(manager: QuickReplyManager) -> list[str]:
    shortcuts = []
    for r in range(manager.model.rowCount()):
        row = manager.model.row_at(r)
        assert row is not None  # a row the model counts
        shortcuts.append(row.shortcut)
    return shortcuts


def test_adding_editing_and_deleting_a_korean_quick_reply(qtbot, ctx: AppContext) -> None:
    manager = open_manager(qtbot, ctx)
    manager.new_reply()
    manager.shortcut.setText("/감사")
    manager.text.setPlainText("{first_name}님 감사합니다!")
    manager.keywords.setText("감사, 주문")
    with qtbot.waitSignal(ctx.hub.changed) as published:
        assert manager.save_current()
    assert published.args[0].quick_replies  # the composer's completer re-reads them
    settle(qtbot, manager)
    (row,) = QuickReplyLibrary(ctx.db).all()
    assert (row.shortcut, row.text, row.keywords) == ("/감사", "{first_name}님 감사합니다!", ("감사", "주문"))
    assert manager.count.text().startswith("1")

    manager.text.setPlainText("고맙습니다")
    with qtbot.waitSignal(ctx.hub.changed):
        assert manager.save_current()
    settle(qtbot, manager)
    assert QuickReplyLibrary(ctx.db).all()[0].text == "고맙습니다"

    with qtbot.waitSignal(ctx.hub.changed):
        manager.delete_reply(row.id)
    settle(qtbot, manager)
    assert QuickReplyLibrary(ctx.db).all() == []
    assert manager.shortcut.text() == "/"  # an empty form for the next one


def test_a_bad_shortcut_is_explained_and_nothing_is_saved(qtbot, ctx: AppContext) -> None:
    manager = open_manager(qtbot, ctx)
    manager.shortcut.setText("/감사 합니다")
    manager.text.setPlainText("hi")
    manager.save_current()
    qtbot.waitUntil(lambda: manager.error.text() == "A shortcut cannot contain spaces.")
    assert QuickReplyLibrary(ctx.db).all() == []
    assert manager.shortcut.text() == "/감사 합니다"  # what the owner typed stays to be fixed

    # Fixing it takes the complaint away: it must not sit under a shortcut that is now fine.
    qtbot.keyClick(manager.shortcut, Qt.Key.Key_Backspace)
    assert manager.error.text() == ""
    manager.save_current()
    qtbot.waitUntil(lambda: manager.error.text() == "A shortcut cannot contain spaces.")
    manager.text.insertPlainText("!")
    assert manager.error.text() == ""


def test_search_and_reorder_in_the_manager(qtbot, ctx: AppContext) -> None:
    library = QuickReplyLibrary(ctx.db)
    for shortcut, text in (("/a", "배송 안내"), ("/b", "계좌"), ("/배송", "2~3일")):
        library.add(shortcut, text)
    manager = open_manager(qtbot, ctx)
    manager.search.setText("배송")
    assert shown(manager) == ["/배송", "/a"]
    manager.search.clear()
    manager.select(library.all()[2].id)
    with qtbot.waitSignal(ctx.hub.changed):
        manager.move_current(-1)
    settle(qtbot, manager)
    assert [r.shortcut for r in library.all()] == ["/a", "/배송", "/b"]


def test_a_reply_added_elsewhere_appears_without_losing_what_the_owner_types(qtbot, ctx: AppContext) -> None:
    from app.changes import Changes

    library = QuickReplyLibrary(ctx.db)
    library.add("/a", "배송 안내")
    manager = open_manager(qtbot, ctx)
    manager.text.setPlainText("배송 안내 (고치는 중)")
    library.add("/b", "계좌")
    ctx.publish(Changes(quick_replies=True))
    qtbot.waitUntil(lambda: manager.source.rowCount() == 2, timeout=5000)
    assert manager.text.toPlainText() == "배송 안내 (고치는 중)"


def test_closing_over_a_typed_reply_asks_and_save_stores_it_then_closes(
    qtbot, ctx: AppContext, dialogs
) -> None:
    from PySide6.QtWidgets import QMessageBox

    manager = open_manager(qtbot, ctx)
    manager.show()
    manager.shortcut.selectAll()
    qtbot.keyClicks(manager.shortcut, "/thanks")
    qtbot.keyClicks(manager.text, "Thank you!")
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Save)
    manager.close()
    assert asked.texts == ["Save the changes to this quick reply?"]
    qtbot.waitUntil(lambda: not manager.isVisible(), timeout=5000)
    assert [(r.shortcut, r.text) for r in QuickReplyLibrary(ctx.db).all()] == [("/thanks", "Thank you!")]


def test_picking_another_reply_over_edits_asks_and_cancel_keeps_them(qtbot, ctx: AppContext, dialogs) -> None:
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QMessageBox

    library = QuickReplyLibrary(ctx.db)
    library.add("/hello", "Hello!")
    library.add("/bye", "Bye!")
    manager = open_manager(qtbot, ctx)
    manager.show()
    assert manager.shortcut.text() == "/hello"
    manager.text.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(manager.text, " Welcome.")
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Cancel)
    manager.view.setCurrentIndex(manager.model.index(1, 0))
    assert asked.texts == ["Save the changes to this quick reply?"]
    assert manager.view.currentIndex().row() == 0
    assert manager.text.toPlainText() == "Hello! Welcome."
    dialogs.expect("question", answer=QMessageBox.StandardButton.Discard)
    manager.close()
    assert not manager.isVisible()
    assert [r.text for r in QuickReplyLibrary(ctx.db).all()] == ["Hello!", "Bye!"]


def test_a_reply_looked_at_and_closed_unchanged_closes_without_asking(qtbot, ctx: AppContext) -> None:
    QuickReplyLibrary(ctx.db).add("/hello", "Hello!")
    manager = open_manager(qtbot, ctx)
    manager.show()
    manager.close()  # no question declared: asking would fail the test
    assert not manager.isVisible()


def test_a_reply_keeps_its_words_in_another_language_and_a_field_goes_where_the_owner_types(
    qtbot, ctx: AppContext
) -> None:
    manager = open_manager(qtbot, ctx)
    manager.show()
    manager.new_reply()
    manager.shortcut.setText("/배송")
    manager.text.setPlainText("2~3일 걸려요.")
    manager.other_text.setFocus()
    manager.other_text.setPlainText("Hi ")
    manager.other_text.moveCursor(QTextCursor.MoveOperation.End)
    buttons = {b.toolTip(): b for b in manager.findChildren(QPushButton) if b.toolTip().startswith("{")}
    qtbot.waitUntil(manager.other_text.hasFocus)
    buttons["{first_name}"].click()  # into the other-language text, the one being typed
    manager.other_text.insertPlainText(", it takes 2–3 days.")
    with qtbot.waitSignal(ctx.hub.changed):
        assert manager.save_current()
    settle(qtbot, manager)
    (row,) = QuickReplyLibrary(ctx.db).all()
    assert (row.text, row.text_other_language) == ("2~3일 걸려요.", "Hi {first_name}, it takes 2–3 days.")
    manager.new_reply()
    assert manager.other_text.toPlainText() == ""
    manager.select(row.id)
    assert manager.other_text.toPlainText() == "Hi {first_name}, it takes 2–3 days."
    assert not manager.has_unsaved_edits()
    manager.other_text.setPlainText("changed")
    assert manager.has_unsaved_edits()  # asks before leaving, as for the main text


def test_a_5_mb_paste_into_a_reply_is_cut_before_it_is_laid_out(qtbot, ctx: AppContext) -> None:
    """Every text the owner edits (replies, notes, descriptions, the bot's answers) is a BoundedTextEdit:
    a mistaken 5 MB paste takes what the box keeps at once, instead of freezing the window."""
    from PySide6.QtWidgets import QApplication

    from ui.bounded_text import MAX_CHARS

    manager = open_manager(qtbot, ctx)
    manager.new_reply()
    added: list[int] = []
    manager.text.document().contentsChange.connect(lambda _at, _removed, count: added.append(count))
    QApplication.clipboard().setText("배송 안내 " * 1_000_000)
    manager.text.setFocus()
    manager.text.paste()
    assert len(manager.text.toPlainText()) == MAX_CHARS
    assert max(added) <= MAX_CHARS


def test_enter_in_the_form_saves_the_reply_and_enter_in_the_search_goes_to_the_replies_found(
    qtbot, ctx: AppContext
) -> None:
    from PySide6.QtWidgets import QApplication

    QuickReplyLibrary(ctx.db).add("/배송", "결제 확인 후 1~2일 안에 발송돼요.")
    manager = open_manager(qtbot, ctx)
    manager.show()
    with qtbot.waitActive(manager):
        manager.activateWindow()
    manager.new_reply()
    manager.text.setPlainText("입금 계좌는 국민은행 123-45-678901이에요.")
    manager.keywords.setText("계좌")
    manager.shortcut.setFocus()
    manager.shortcut.setText("/계좌")
    with qtbot.waitSignal(ctx.hub.changed):
        qtbot.keyClick(manager.shortcut, Qt.Key.Key_Return)  # Enter is Save (it was New: edits left)
    settle(qtbot, manager)
    assert sorted(row.shortcut for row in QuickReplyLibrary(ctx.db).all()) == ["/계좌", "/배송"]

    manager.search.setFocus()
    manager.search.setText("배송")
    qtbot.waitUntil(lambda: shown(manager) == ["/배송"])
    qtbot.keyClick(manager.search, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is manager.view
    found = manager.model.row_at(manager.view.currentIndex().row())
    assert found is not None and found.shortcut == "/배송"
    assert manager.isVisible()


def test_a_refused_shortcut_is_said_in_the_problem_red_of_the_other_editors(qtbot, ctx: AppContext) -> None:
    from PySide6.QtGui import QPalette

    from ui.theme import problem_colour

    manager = open_manager(qtbot, ctx)
    manager.show()
    qtbot.waitExposed(manager)
    manager.shortcut.setText("/감사 합니다")
    manager.text.setPlainText("hi")
    manager.save_current()
    qtbot.waitUntil(lambda: manager.error.text() == "A shortcut cannot contain spaces.")
    shown = manager.error.palette().color(QPalette.ColorRole.WindowText).name()
    assert shown.upper() == problem_colour().upper()


def test_while_searching_the_count_says_how_many_are_found_of_all(qtbot, ctx: AppContext, english) -> None:
    """ "10 quick replies" stood under a search showing one: as if the other nine were gone."""
    library = QuickReplyLibrary(ctx.db)
    for shortcut, text in (("/a", "배송 안내"), ("/b", "계좌"), ("/배송", "2~3일")):
        library.add(shortcut, text)
    manager = open_manager(qtbot, ctx)
    assert manager.count.text() == "3 quick replies"
    manager.search.setText("배송")
    assert manager.count.text() == "2 of 3 found"
    manager.search.clear()
    assert manager.count.text() == "3 quick replies"


def test_in_korean_the_search_count_reads_naturally(qtbot, ctx: AppContext, korean) -> None:
    library = QuickReplyLibrary(ctx.db)
    for shortcut, text in (("/a", "배송 안내"), ("/b", "계좌")):
        library.add(shortcut, text)
    manager = open_manager(qtbot, ctx)
    manager.search.setText("배송")
    assert manager.count.text() == "빠른 답장 2개 중 1개"


def test_the_manager_opens_in_its_search_even_when_the_list_comes_after_the_window(
    qtbot, ctx: AppContext
) -> None:
    """Shown before its replies were read (a busy laptop), the manager had its list greyed out and
    the focus on Close: the letters typed for the search went nowhere."""
    QuickReplyLibrary(ctx.db).add("/감사", "감사합니다")
    manager = QuickReplyManager(ctx)
    qtbot.addWidget(manager)
    manager.show()
    with qtbot.waitActive(manager):
        manager.activateWindow()
    settle(qtbot, manager)  # the replies arrive after the window is up (an op)
    assert manager.focusWidget() is manager.search


def test_ctrl_s_saves_the_reply_being_typed_where_enter_makes_a_new_line(qtbot, ctx: AppContext) -> None:
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    manager = open_manager(qtbot, ctx)
    manager.show()
    with qtbot.waitActive(manager):
        manager.activateWindow()
    manager.new_reply()
    manager.shortcut.setText("/ship")
    manager.text.setFocus()
    qtbot.keyClicks(manager.text, "We ship within 2 business days.")
    with qtbot.waitSignal(ctx.hub.changed):
        QTest.keySequence(manager.text, QKeySequence(QKeySequence.StandardKey.Save))  # Ctrl+S
    settle(qtbot, manager)
    (row,) = QuickReplyLibrary(ctx.db).all()
    assert (row.shortcut, row.text) == ("/ship", "We ship within 2 business days.")
    assert manager.isVisible() and manager.text.toPlainText() == "We ship within 2 business days."


def test_the_quick_replies_window_says_they_stay_on_this_computer(qtbot, ctx: AppContext, korean) -> None:
    """A quick reply saved on the laptop was looked for on the shop's PC (same relay): none there."""
    manager = open_manager(qtbot, ctx)
    manager.show()
    qtbot.waitExposed(manager)
    assert manager.only_here.isVisible()
    assert manager.only_here.text().startswith("빠른 답장은 이\u00a0컴퓨터에만 저장돼요.")


def test_a_reply_deleted_by_mistake_comes_back_with_its_photo_on_undo(
    qtbot, ctx: AppContext, dialogs, tmp_path: Path
) -> None:
    """Dong-hyun deletes /배송 instead of /배송완료: Undo (Ctrl+Z in the list) brings it back, photo too."""
    import os
    import time

    from PySide6.QtWidgets import QMessageBox

    from app.quick_replies import attachment_of
    from app.quick_reply_files import UNUSED_KEPT_SECONDS

    photo = tmp_path / "배송안내.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + b"JFIF delivery times" * 50)
    library = QuickReplyLibrary(ctx.db, ctx.paths.data_dir)
    library.add("/감사", "감사합니다")
    gone, _ = library.add("/배송", "2~3일 걸려요", media_path=str(photo))
    library.add("/배송완료", "오늘 보냈어요")
    old = time.time() - UNUSED_KEPT_SECONDS - 60  # stored long ago: a prune would take it at once
    for file in ctx.paths.data_dir.rglob("*.jpg"):
        os.utime(file, (old, old))
    manager = open_manager(qtbot, ctx)
    manager.select(gone.id)
    assert manager.undo.isHidden()
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(ctx.hub.changed):
        manager.delete_current()
    assert asked.texts == [f"Delete {shortcut_text('/배송')}?"]
    settle(qtbot, manager)
    assert shown(manager) == ["/감사", "/배송완료"]
    assert manager.undo.note.text() == f"Deleted {shortcut_text('/배송')}." and not manager.undo.isHidden()

    with qtbot.waitActive(manager):  # Ctrl+Z works in the active window
        manager.show()
        manager.activateWindow()

    def list_has_focus() -> bool:
        """Ctrl+Z is the list's own key: the list must hold the focus when it is pressed."""
        if not manager.isActiveWindow():
            manager.activateWindow()
        manager.view.setFocus()
        return manager.view.hasFocus()

    qtbot.waitUntil(list_has_focus)
    with qtbot.waitSignal(ctx.hub.changed) as published:
        qtbot.keyClick(manager.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert published.args[0].quick_replies  # the composer's completer lists it again
    settle(qtbot, manager)
    assert shown(manager) == ["/감사", "/배송", "/배송완료"]
    assert manager.current_id == gone.id and manager.shortcut.text() == "/배송"
    back = next(r for r in QuickReplyLibrary(ctx.db, ctx.paths.data_dir).all() if r.id == gone.id)
    path = attachment_of(back)
    assert path is not None and path.is_file()
    assert manager.undo.isHidden()


def test_while_searching_the_replies_cannot_be_moved_and_the_buttons_say_why(qtbot, ctx: AppContext) -> None:
    """Found replies are listed best match first: "Move up" there swapped /배송 with a hidden reply."""
    library = QuickReplyLibrary(ctx.db)
    for shortcut, text in (("/a", "배송 안내"), ("/b", "계좌"), ("/배송", "2~3일")):
        library.add(shortcut, text)
    manager = open_manager(qtbot, ctx)
    manager.select(library.all()[1].id)
    assert manager.up_button.isEnabled() and manager.down_button.isEnabled()
    manager.search.setText("배송")
    manager.select(library.all()[2].id)
    assert not manager.up_button.isEnabled() and not manager.down_button.isEnabled()
    assert manager.up_button.toolTip() == "Clear the search to move quick replies up or down"
    manager.move_current(-1)  # Alt+U reaches no disabled button; nor does this
    assert not manager.edits.is_busy()
    assert [r.shortcut for r in library.all()] == ["/a", "/b", "/배송"]
    manager.search.clear()
    assert manager.up_button.isEnabled() and manager.up_button.toolTip() == ""


def test_delete_up_and_down_wait_for_a_reply_and_a_place_to_move_it_to(qtbot, ctx: AppContext) -> None:
    """With no quick replies yet (or a new one being typed), Delete, Up and Down were on and did
    nothing; the first reply offered Up, the last Down."""
    manager = open_manager(qtbot, ctx)
    buttons = (manager.delete_button, manager.up_button, manager.down_button)
    assert manager.current_id is None
    assert [b.isEnabled() for b in buttons] == [False, False, False]

    library = QuickReplyLibrary(ctx.db)
    ids = [library.add(f"/r{n}", f"답장 {n}")[0].id for n in range(3)]
    manager.reload(select_id=ids[0])
    settle(qtbot, manager)
    qtbot.waitUntil(lambda: manager.current_id == ids[0])
    assert [b.isEnabled() for b in buttons] == [True, False, True]  # the first: nowhere up
    manager.select(ids[1])
    assert [b.isEnabled() for b in buttons] == [True, True, True]
    manager.select(ids[2])
    assert [b.isEnabled() for b in buttons] == [True, True, False]  # the last: nowhere down
    with qtbot.waitSignal(ctx.hub.changed):
        manager.move_current(-1)
    settle(qtbot, manager)
    assert [b.isEnabled() for b in buttons] == [True, True, True]  # moved to the middle

    manager.new_reply()  # a reply being typed is not in the list yet
    assert [b.isEnabled() for b in buttons] == [False, False, False]


def test_after_a_delete_the_reply_that_took_its_place_is_shown_not_the_first(qtbot, ctx: AppContext) -> None:
    """Clearing out old replies one after another went back to the top of 200 after each delete."""
    library = QuickReplyLibrary(ctx.db)
    ids = [library.add(f"/r{n}", f"답장 {n}")[0].id for n in range(4)]
    manager = open_manager(qtbot, ctx)
    manager.select(ids[2])
    with qtbot.waitSignal(ctx.hub.changed):
        manager.delete_reply(ids[2])
    settle(qtbot, manager)
    assert (manager.current_id, manager.shortcut.text()) == (ids[3], "/r3")
    with qtbot.waitSignal(ctx.hub.changed):
        manager.delete_reply(ids[3])
    settle(qtbot, manager)
    assert (manager.current_id, manager.shortcut.text()) == (ids[1], "/r1")  # the last gone: the one before


def test_closing_a_new_reply_right_after_save_stores_it_once_and_closes(
    qtbot, ctx: AppContext, dialogs
) -> None:
    """Save a new reply, then close at once: asked "Save the changes?" about the reply being saved,
    "Save" added it a second time, refused: "Another quick reply already uses this shortcut"."""
    manager = open_manager(qtbot, ctx)
    manager.show()
    manager.new_reply()
    manager.shortcut.setText("/감사")
    manager.text.setPlainText("감사합니다!")
    assert manager.save_current()
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Save, times=None)
    manager.close()
    qtbot.waitUntil(lambda: not manager.isVisible(), timeout=5000)
    assert [r.shortcut for r in QuickReplyLibrary(ctx.db).all()] == ["/감사"]
    assert manager.error.text() == "" and asked.texts == []


def test_save_pressed_twice_on_a_new_reply_adds_it_once(qtbot, ctx: AppContext) -> None:
    """A double click on Save (or Enter pressed twice) added the new reply a second time, refused:
    "Another quick reply already uses this shortcut"."""
    manager = open_manager(qtbot, ctx)
    manager.new_reply()
    manager.shortcut.setText("/감사")
    manager.text.setPlainText("감사합니다!")
    assert manager.save_current()
    assert manager.save_current()
    settle(qtbot, manager)
    assert [r.shortcut for r in QuickReplyLibrary(ctx.db).all()] == ["/감사"]
    assert manager.error.text() == "" and not manager.has_unsaved_edits()


def stored(ctx: AppContext) -> list[tuple[str, str]]:
    return [(r.shortcut, r.text) for r in QuickReplyLibrary(ctx.db).all()]


def test_a_new_reply_typed_on_and_saved_again_while_it_is_added_is_stored_once_with_the_latest(
    qtbot, ctx: AppContext
) -> None:
    """Save, a few more words, Save again before the first Save had added the reply: the second was
    judged as another new reply, against the row the first had just made ("Another quick reply
    already uses this shortcut"), and what was typed after the first Save was not stored."""
    manager = open_manager(qtbot, ctx)
    manager.new_reply()
    manager.shortcut.setText("/감사")
    manager.text.setPlainText("감사합니다!")
    assert manager.save_current()
    manager.text.setPlainText("감사합니다! 또 오세요.")
    assert manager.save_current()
    manager.keywords.setText("감사")
    assert manager.save_current()
    assert manager.current_id is None  # none of the three delivered yet: the reply is still being added
    settle(qtbot, manager)
    assert stored(ctx) == [("/감사", "감사합니다! 또 오세요.")]
    (row,) = QuickReplyLibrary(ctx.db).all()
    assert row.keywords == ("감사",)
    assert manager.error.text() == ""
    assert manager.current_id == row.id and shown(manager) == ["/감사"]
    assert manager.text.toPlainText() == "감사합니다! 또 오세요." and not manager.has_unsaved_edits()


def test_save_asked_on_closing_a_new_reply_typed_on_while_it_is_added_stores_it_once_with_the_latest(
    qtbot, ctx: AppContext, dialogs
) -> None:
    """Closed after Save with a few more words typed: "Save" in the question added the reply a second
    time, refused as taken, and the window stayed open with the last words unsaved."""
    manager = open_manager(qtbot, ctx)
    manager.show()
    manager.new_reply()
    manager.shortcut.setText("/감사")
    manager.text.setPlainText("감사합니다!")
    assert manager.save_current()
    manager.text.setPlainText("감사합니다! 또 오세요.")
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Save)
    manager.close()  # answered at once: the add is still on its way
    assert asked.texts == ["Save the changes to this quick reply?"]
    qtbot.waitUntil(lambda: not manager.isVisible(), timeout=5000)
    settle(qtbot, manager)
    assert stored(ctx) == [("/감사", "감사합니다! 또 오세요.")]
    assert manager.error.text() == ""


def test_a_new_reply_added_while_the_close_question_is_open_is_saved_once_with_the_latest(
    qtbot, ctx: AppContext, dialogs
) -> None:
    """The question runs the window's events: the add delivers, and the list selects the new row
    under the question. That selection asked again about the edits being asked about."""
    manager = open_manager(qtbot, ctx)
    manager.show()
    manager.new_reply()
    manager.shortcut.setText("/감사")
    manager.text.setPlainText("감사합니다!")
    assert manager.save_current()
    manager.text.setPlainText("감사합니다! 또 오세요.")

    def save_once_added(_shown: object) -> QMessageBox.StandardButton:
        # The add delivered and the list read after it is shown (selected), all under the question.
        qtbot.waitUntil(lambda: manager.current_id is not None and not manager.is_loading(), timeout=5000)
        assert manager.view.currentIndex().isValid()
        assert manager.text.toPlainText() == "감사합니다! 또 오세요."  # the words typed stay
        return QMessageBox.StandardButton.Save

    asked = dialogs.expect("question", answer=save_once_added)
    manager.close()
    qtbot.waitUntil(lambda: not manager.isVisible(), timeout=5000)
    settle(qtbot, manager)
    assert asked.texts == ["Save the changes to this quick reply?"]
    assert stored(ctx) == [("/감사", "감사합니다! 또 오세요.")]
    assert manager.error.text() == ""


def test_the_owner_types_on_where_she_was_once_a_new_reply_is_added(qtbot, ctx: AppContext) -> None:
    """Once a new reply was added, the list showed it again in the form: the cursor went back to
    the start of the message, and the next words went in front of the first ones."""
    manager = open_manager(qtbot, ctx)
    manager.show()
    manager.new_reply()
    qtbot.keyClicks(manager.shortcut, "thanks")
    manager.text.setFocus()
    qtbot.keyClicks(manager.text, "Thank you!")
    with qtbot.waitSignal(ctx.hub.changed):
        assert manager.save_current()
    settle(qtbot, manager)
    assert manager.current_id is not None and manager.view.currentIndex().isValid()
    qtbot.keyClicks(manager.text, " See you soon.")
    assert manager.text.toPlainText() == "Thank you! See you soon."


def test_a_new_reply_stored_in_other_words_than_typed_is_shown_as_stored(qtbot, ctx: AppContext) -> None:
    manager = open_manager(qtbot, ctx)
    manager.new_reply()
    manager.shortcut.setText("/thanks")
    manager.text.setPlainText("Thank you!")
    manager.keywords.setText("thanks,order")
    with qtbot.waitSignal(ctx.hub.changed):
        assert manager.save_current()
    settle(qtbot, manager)
    assert manager.keywords.text() == "thanks, order" and not manager.has_unsaved_edits()


def test_a_new_replys_shortcut_typed_with_its_slash_reads_as_it_is_saved(qtbot, ctx: AppContext) -> None:
    """The field starts with "/", and "/hello" typed out of habit read "//hello" while it was saved
    as "/hello": she sees one slash as she types, and what she sees is what is stored."""
    manager = open_manager(qtbot, ctx)
    manager.show()
    manager.new_reply()
    qtbot.keyClicks(manager.shortcut, "/hello")
    assert manager.shortcut.text() == "/hello"
    assert manager.shortcut.cursorPosition() == len("/hello")  # her next letter goes at the end
    qtbot.keyClicks(manager.shortcut, "!")
    qtbot.keyClick(manager.shortcut, Qt.Key.Key_Backspace)
    manager.shortcut.home(False)
    qtbot.keyClicks(manager.shortcut, "//")  # typed again in front: still one
    assert (manager.shortcut.text(), manager.shortcut.cursorPosition()) == ("/hello", 1)
    manager.shortcut.end(False)
    qtbot.keyClick(manager.shortcut, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "//" not in manager.shortcut.text()  # Ctrl+Z takes back her letters, never to two slashes
    qtbot.keyClick(manager.shortcut, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert manager.shortcut.text() == "/hello"
    qtbot.keyClicks(manager.text, "Hello!")
    with qtbot.waitSignal(ctx.hub.changed):
        assert manager.save_current()
    settle(qtbot, manager)
    assert [r.shortcut for r in QuickReplyLibrary(ctx.db).all()] == ["/hello"]
    assert manager.shortcut.text() == "/hello" and not manager.has_unsaved_edits()


def test_a_shortcut_pasted_with_slashes_in_front_keeps_one(qtbot, ctx: AppContext) -> None:
    manager = open_manager(qtbot, ctx)
    manager.show()
    manager.new_reply()
    manager.shortcut.selectAll()
    manager.shortcut.insert("///감사")  # a paste over the "/" that was there
    assert (manager.shortcut.text(), manager.shortcut.cursorPosition()) == ("/감사", 3)
