"""The inbox window: keyboard, search to a highlighted message, notifications, layout, contact panel."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut

from tests.support.factories import BASE_TIME, make_contact, make_message
from tests.support.held_reads import hold_first_read
from tests.support.window_waits import load_chats, select_chat, settle, sync_batch
from ui.chat_view_model import MessageRole


def three_chats(ctx: Any) -> list[int]:
    ids = []
    with ctx.db.write() as s:
        for i, name in enumerate(("Newest", "Middle", "Oldest")):
            c = make_contact(s, profile_name=name)
            make_message(s, c, f"hello from {name}", sent_at=BASE_TIME - timedelta(hours=i), unread=False)
            ids.append(c.id)
    return ids


def activate(window: Any, qtbot: Any) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_ctrl_tab_and_ctrl_shift_tab_move_between_chats(window: Any, qtbot: Any) -> None:
    ids = three_chats(window.ctx)
    load_chats(window, qtbot)
    activate(window, qtbot)
    window.chat_list.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.chat.contact_id() == ids[0]
    qtbot.keyClick(window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.chat.contact_id() == ids[1]
    qtbot.keyClick(
        window, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.chat.contact_id() == ids[0]
    qtbot.keyClick(window.chat_list.view, Qt.Key.Key_Down)
    assert window.chat.contact_id() == ids[1]
    # Also while typing in the composer.
    window.chat.composer.edit.setFocus()
    qtbot.keyClick(window.chat.composer.edit, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.chat.contact_id() == ids[2]


def test_ctrl_tab_with_no_chat_open_opens_the_chat_under_the_keyboards_cursor(
    window: Any, qtbot: Any
) -> None:
    """Down from the search field (or Tab into the list) puts the cursor on the first chat, nothing
    open yet: Ctrl+Tab then opened the second, and the newest customer was skipped."""
    ids = three_chats(window.ctx)
    load_chats(window, qtbot)
    activate(window, qtbot)
    window.chat_list.focus_list()
    assert window.chat.contact_id() is None
    qtbot.keyClick(window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.chat.contact_id() == ids[0]
    qtbot.keyClick(window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.chat.contact_id() == ids[1]


# What X's key map offers Qt's shortcut map for Ctrl+Shift+Tab, which arrives as Backtab with Ctrl and
# Shift held (`xdotool key ctrl+shift+Tab` under Xvfb and openbox, QT_LOGGING_RULES=qt.gui.shortcutmap=true:
# "Possible input sequences: Ctrl+Shift+Tab, Ctrl+Backtab").
X11_CTRL_SHIFT_TAB = ("Ctrl+Shift+Tab", "Ctrl+Backtab")


def test_ctrl_shift_tab_under_x_goes_to_the_previous_chat(window: Any, qtbot: Any) -> None:
    """Ctrl+Shift+Tab did nothing under X: the window had a shortcut for each of the two sequences X
    offers for the press, and Qt runs neither of two shortcuts a press matches ("ambiguous")."""
    ids = three_chats(window.ctx)
    load_chats(window, qtbot)
    activate(window, qtbot)
    answering = [
        shortcut
        for shortcut in window.findChildren(QShortcut)
        if any(
            QKeySequence(keys).matches(shortcut.key()) == QKeySequence.SequenceMatch.ExactMatch
            for keys in X11_CTRL_SHIFT_TAB
        )
    ]
    assert len(answering) == 1
    window.chat_list.select_contact(ids[1])
    window.chat.composer.edit.setFocus()
    # The key event Qt receives: Backtab with Ctrl and Shift held (offscreen Qt offers only that one
    # sequence, and its shortcut map tries Ctrl+Shift+Tab for it).
    with qtbot.waitSignal(answering[0].activated, timeout=1000):
        qtbot.keyClick(
            window.chat.composer.edit,
            Qt.Key.Key_Backtab,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert window.chat.contact_id() == ids[0]


def test_ctrl_f_opens_search_and_esc_closes_it(window: Any, qtbot: Any) -> None:
    three_chats(window.ctx)
    load_chats(window, qtbot)
    activate(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.left.currentWidget() is window.search
    qtbot.waitUntil(window.search.field.hasFocus)
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    assert window.left.currentWidget() is window.chat_list


def test_ctrl_r_replies_to_the_selected_message(window: Any, qtbot: Any) -> None:
    ids = three_chats(window.ctx)
    load_chats(window, qtbot)
    select_chat(window, qtbot, ids[0])
    activate(window, qtbot)
    view = window.chat.view
    view.setCurrentIndex(view.chat_model.index(0))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.chat.composer.reply_to is not None
    assert window.chat.composer.reply_to.body == "hello from Newest"
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.chat.composer.reply_to is None


def test_search_enter_opens_the_chat_at_the_message_highlighted(window: Any, qtbot: Any) -> None:
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="이하은")
        for i in range(200):
            body = "주문했어요 린넨 셔츠" if i == 10 else f"잡담 {i}"
            make_message(s, c, body, sent_at=BASE_TIME + timedelta(minutes=i), unread=False)
        other = make_contact(s, profile_name="Other")
        make_message(s, other, "nothing here", sent_at=BASE_TIME + timedelta(days=3), unread=False)
        target_contact = c.id
    load_chats(window, qtbot)
    activate(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search.field, "")
    window.search.field.setText("주문")  # two Hangul syllables: the bigram index
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.highlight_id is not None, timeout=5000)
    assert window.chat.contact_id() == target_contact
    row = view.chat_model.row_of(view.chat_model.highlight_id)
    idx = view.chat_model.index(row)
    assert idx.data(MessageRole.MESSAGE).body == "주문했어요 린넨 셔츠"
    assert idx.data(MessageRole.HIGHLIGHT) == "주문"
    qtbot.waitUntil(lambda: view.viewport().rect().contains(view.visualRect(idx).center()))
    window.search.search_now("셔츠")  # another search: the old hit's mark goes until a new one opens
    assert view.chat_model.highlight_id is None and idx.data(MessageRole.HIGHLIGHT) in ("", None)


def test_a_customer_is_found_by_name_or_number_and_enter_opens_their_chat(window: Any, qtbot: Any) -> None:
    """Ctrl+F, the customer's name: their chat comes first (above the messages that mention it),
    and Enter opens it; their phone number in any format finds it too."""
    with window.ctx.db.write() as s:
        an_hour_ago = datetime.now(UTC) - timedelta(hours=1)  # her 24-hour window is open
        yujin = make_contact(s, profile_name="최유진", wa_id="821033304567", last_inbound_at=an_hour_ago)
        make_message(s, yujin, "S 사이즈로 부탁드려요", sent_at=an_hour_ago, unread=False)
        other = make_contact(s, profile_name="김민지")
        make_message(
            s, other, "유진 씨가 추천해 줬어요", sent_at=BASE_TIME + timedelta(hours=1), unread=False
        )
        target = yujin.id
    load_chats(window, qtbot)
    activate(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.search.field.setText("유진")
    model = window.search.model
    qtbot.waitUntil(lambda: len(model.hits) == 2, timeout=5000)
    assert [type(h).__name__ for h in model.hits] == ["ContactHit", "SearchHit"]
    assert window.search.status.text() == "1 chat · 1 result"
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.chat.contact_id() == target, timeout=5000)
    # Ready to write to them: what is typed next goes to the message field, not the search.
    qtbot.waitUntil(lambda: window.chat.composer.edit.hasFocus(), timeout=5000)

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.search.field.setText("010-3330-4567")
    qtbot.waitUntil(lambda: [getattr(h, "display_name", "") for h in model.hits] == ["최유진"], timeout=5000)


def test_notifications_fire_only_while_the_window_is_not_active(window: Any, qtbot: Any) -> None:
    ids = three_chats(window.ctx)
    load_chats(window, qtbot)
    notes: list[tuple[int, str, str]] = []
    window.notifier.notified.connect(lambda cid, title, text: notes.append((cid, title, text)))

    def customer_writes(text: str) -> None:
        with window.ctx.db.write() as s:
            from app.models import Contact

            c = s.get(Contact, ids[2])
            make_message(s, c, text, sent_at=BASE_TIME + timedelta(days=1, minutes=len(notes)))
        sync_batch(window, qtbot, {ids[2]})

    window.notifier.is_window_active = lambda: True
    customer_writes("while you look")
    assert notes == []
    window.notifier.is_window_active = lambda: False
    customer_writes("while you are away")
    assert [(cid, text) for cid, _title, text in notes] == [(ids[2], "while you are away")]
    assert notes[0][1].startswith("Oldest")
    window.ctx.prefs["notification_previews"] = False
    customer_writes("secret price")
    assert notes[-1][2] != "secret price"
    assert "(" in window.windowTitle()  # unread total in the title


def test_window_geometry_and_splitter_sizes_are_remembered(ctx: Any, qtbot: Any) -> None:
    from ui.main_window import MainWindow

    first = MainWindow(ctx)
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 540)  # the offscreen screen is 800x600: restoreGeometry keeps windows on it
    first.splitter.setSizes([420, 340, 0])
    qtbot.waitUntil(lambda: first.splitter.sizes()[0] != 360)
    remembered = first.splitter.sizes()
    first.shutdown()
    assert (Path(ctx.paths.config_dir) / "window.ini").exists()
    second = MainWindow(ctx)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitUntil(lambda: second.splitter.sizes()[0] == remembered[0])
    assert (second.width(), second.height()) == (760, 540)


def test_toggling_a_label_in_the_contact_panel_shows_on_the_chat_list(window: Any, qtbot: Any) -> None:
    ids = three_chats(window.ctx)
    load_chats(window, qtbot)
    select_chat(window, qtbot, ids[1])
    window.toggle_contact_panel()
    settle(qtbot)  # the panel reads the contact off the GUI thread
    assert window.contact_panel.isVisible()
    labels = window.contact_panel.labels_list
    item = labels.item(0)
    name = item.text()
    # A click on the item's check box, as the owner does.
    rect = labels.visualItemRect(item)
    qtbot.mouseClick(
        labels.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 8, rect.center().y())
    )
    assert item.checkState() == Qt.CheckState.Checked
    qtbot.waitUntil(lambda: bool(window.chat_list.model.row_for(ids[1]).labels))
    assert window.chat_list.model.row_for(ids[1]).labels[0].name == name


def test_notes_typed_in_the_contact_panel_survive_a_sync_refresh_and_are_saved(
    window: Any, qtbot: Any
) -> None:
    from app.contact_details import contact_details

    ids = three_chats(window.ctx)
    load_chats(window, qtbot)
    select_chat(window, qtbot, ids[0])
    window.toggle_contact_panel()
    settle(qtbot)  # the panel reads the contact off the GUI thread
    notes = window.contact_panel.notes
    notes.setFocus()
    notes.setPlainText("Prefers delivery after 6 pm")
    sync_batch(window, qtbot, {ids[0]})  # a sync batch for this contact arrives meanwhile
    assert notes.toPlainText() == "Prefers delivery after 6 pm"

    def saved() -> bool:
        with window.ctx.db.read() as s:
            details = contact_details(s, ids[0])
        return details is not None and details.notes == "Prefers delivery after 6 pm"

    qtbot.waitUntil(saved, timeout=5000)


def test_export_from_the_contact_panel_writes_the_chat(
    window: Any, qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    told = dialogs.expect("information")
    ids = three_chats(window.ctx)
    load_chats(window, qtbot)
    select_chat(window, qtbot, ids[0])
    window.toggle_contact_panel()
    settle(qtbot)  # the panel reads the contact off the GUI thread
    out = tmp_path / "chat.txt"
    window.contact_panel.export_to(out)
    qtbot.waitUntil(lambda: bool(told.shown))
    assert "Newest: hello from Newest" in out.read_text(encoding="utf-8")


def test_a_failing_operation_becomes_one_warning_sentence(qtbot: Any, dialogs: Any) -> None:
    from PySide6.QtWidgets import QWidget

    from app.errors import RelayUnreachable
    from ui.ops import run_op

    warning = dialogs.expect("warning")
    shown: list[str] = []
    parent = QWidget()
    qtbot.addWidget(parent)

    def boom() -> None:
        raise RelayUnreachable()

    run_op(boom, lambda _r: shown.append("success?"), parent=parent)
    qtbot.waitUntil(lambda: bool(warning.shown))
    assert warning.texts == ["Cannot reach your relay. Check the internet connection and the relay address."]
    assert shown == []


def test_a_window_title_counts_many_unread_messages_with_a_comma(window: Any, qtbot: Any) -> None:
    """After a week away: "(1,234) Shop Inbox", as the taskbar shows it, not "(1234)"."""
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="Busy")
        make_message(s, c, "hello", sent_at=BASE_TIME)
        s.flush()
        c.unread_count = 1234
    load_chats(window, qtbot)
    assert window.windowTitle().startswith("(1,234) ")


def test_opening_a_chat_with_unread_messages_marks_them_read(window: Any, qtbot: Any) -> None:
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="Waiting")
        for i in range(3):
            make_message(s, c, f"hello {i}", sent_at=BASE_TIME + timedelta(minutes=i))
        cid = c.id
    load_chats(window, qtbot)
    assert window.unread_total == 3 and window.windowTitle().startswith("(3)")
    activate(window, qtbot)
    select_chat(window, qtbot, cid)
    qtbot.waitUntil(lambda: window.chat_list.model.row_for(cid).unread_count == 0)
    assert window.windowTitle() == "Shop Inbox"
    # The "new messages" divider stays above the first of them while the chat is open.
    model = window.chat.view.chat_model
    assert model.info(0).divider == 3


def test_the_unread_divider_goes_once_the_owner_answers(window: Any, qtbot: Any) -> None:
    """As in WhatsApp: "3 unread messages" marks where to start reading, until the owner replies."""
    an_hour_ago = datetime.now(UTC) - timedelta(hours=1)
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="기다리는 손님", last_inbound_at=an_hour_ago)
        for i in range(3):
            make_message(s, c, f"문의 {i}", sent_at=an_hour_ago + timedelta(minutes=i))
        cid = c.id
    load_chats(window, qtbot)
    activate(window, qtbot)
    select_chat(window, qtbot, cid)
    model = window.chat.view.chat_model
    qtbot.waitUntil(lambda: model.rowCount() == 3 and model.info(0).divider == 3, timeout=5000)
    composer = window.chat.composer
    composer.edit.setPlainText("네, 확인해 드릴게요")
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.rowCount() == 4, timeout=5000)
    assert model.info(0).divider == 0


def test_new_messages_while_scrolled_up_are_counted_on_the_jump_button(window: Any, qtbot: Any) -> None:
    from app.models import Contact

    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="Chatty")
        for i in range(120):
            make_message(s, c, f"line {i}", sent_at=BASE_TIME + timedelta(minutes=i), unread=False)
        cid = c.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, cid)
    view = window.chat.view
    qtbot.waitUntil(view.at_bottom)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    qtbot.waitUntil(view.jump_button.isVisible)
    with window.ctx.db.write() as s:
        contact = s.get(Contact, cid)
        make_message(s, contact, "are you there?", sent_at=BASE_TIME + timedelta(days=1))
        make_message(s, contact, "hello?", sent_at=BASE_TIME + timedelta(days=1, minutes=1))
    sync_batch(window, qtbot, {cid})
    assert view.jump_button.text() == "2"
    view.jump_button.click()
    qtbot.waitUntil(view.at_bottom)
    assert view.jump_button.text() == ""


def test_clicking_a_notification_opens_its_chat_even_when_archived(window: Any, qtbot: Any) -> None:
    from app.queries import set_flags

    ids = three_chats(window.ctx)
    with window.ctx.db.write() as s:
        set_flags(s, ids[2], archived=True)
    load_chats(window, qtbot)
    assert window.chat_list.model.position_of(ids[2]) is None
    window.notifier.chat_requested.emit(ids[2])
    qtbot.waitUntil(lambda: window.chat.contact_id() == ids[2])
    assert window.chat_list.model.kind == "archived"


def test_label_filter_shows_only_chats_with_that_label(window: Any, qtbot: Any) -> None:
    from app.queries import labels, set_label

    ids = three_chats(window.ctx)
    with window.ctx.db.write() as s:
        paid = next(lab for lab in labels(s) if lab.name == "Paid")
        set_label(s, ids[1], paid.id, True)
    settle(qtbot)  # the label list was read off the GUI thread when the window opened
    action = next(a for a in window.chat_list._label_menu.actions() if a.data() == paid.id)
    with qtbot.waitSignal(window.chat_list.model.page_loaded):
        action.trigger()
    assert [r.contact_id for r in window.chat_list.model.rows()] == [ids[1]]
    assert window.chat_list.label_chip.text() == "Paid"


def test_search_results_load_older_pages_as_the_list_scrolls(window: Any, qtbot: Any) -> None:
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="김서연")
        for i in range(130):
            make_message(s, c, f"배송 문의 {i}", sent_at=BASE_TIME + timedelta(minutes=i), unread=False)
    load_chats(window, qtbot)
    activate(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.search.search_now("배송")
    model = window.search.model
    qtbot.waitUntil(lambda: model.rowCount() == 50, timeout=5000)
    assert window.search.status.text() == "More than 50 results"
    for _ in range(2):
        view = window.search.view
        view.scrollToBottom()
        qtbot.waitUntil(lambda: not model.loading, timeout=5000)
    qtbot.waitUntil(lambda: model.rowCount() == 130, timeout=5000)
    snippets = [model.hits[i].snippet for i in range(model.rowCount())]
    assert snippets[0] == "배송 문의 129" and snippets[-1] == "배송 문의 0"
    assert len(set(snippets)) == 130
    assert window.search.status.text() == "130 results"


def test_a_search_hit_in_an_archived_chat_opens_it_at_the_message_under_the_archived_filter(
    window: Any, qtbot: Any
) -> None:
    from app.queries import set_flags

    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="보관된 손님")
        for i in range(120):
            body = "환불 요청드려요" if i == 5 else f"잡담 {i}"
            make_message(s, c, body, sent_at=BASE_TIME + timedelta(minutes=i), unread=False)
        set_flags(s, c.id, archived=True)
        archived_id = c.id
    three_chats(window.ctx)
    load_chats(window, qtbot)
    assert window.chat_list.model.position_of(archived_id) is None
    activate(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.search.field.setText("환불")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.highlight_id is not None, timeout=5000)
    settle(qtbot)
    assert window.chat.contact_id() == archived_id
    assert window.chat_list.model.kind == "archived"
    assert window.chat_list.current_contact() == archived_id
    row = view.chat_model.row_of(view.chat_model.highlight_id)
    assert view.chat_model.message_at(row).body == "환불 요청드려요"


def test_a_shop_with_hundreds_of_labels_gets_one_short_scrolling_list_in_the_contact_panel(
    window: Any, qtbot: Any
) -> None:
    from app.models import Label
    from ui.contact_panel import LABEL_ROWS_SHOWN

    ids = three_chats(window.ctx)
    with window.ctx.db.write() as s:
        s.add_all(Label(name=f"단골 {n:03d}", colour="#25D366", position=100 + n) for n in range(300))
    load_chats(window, qtbot)
    select_chat(window, qtbot, ids[0])
    window.toggle_contact_panel()
    labels = window.contact_panel.labels_list
    # The items come at once; the list lays them out (and so has something to scroll) a turn later.
    qtbot.waitUntil(lambda: labels.count() >= 300 and labels.verticalScrollBar().maximum() > 0)
    # Every label is there, and the list stays a few rows tall: the rest scroll within it.
    assert "단골 299" in [labels.item(row).text() for row in range(labels.count())]
    assert labels.height() <= LABEL_ROWS_SHOWN * labels.sizeHintForRow(0) + 2 * labels.frameWidth()


def test_a_seventh_label_shows_in_the_contact_panel_without_an_inner_scrollbar(
    window: Any, qtbot: Any
) -> None:
    """The six built-in labels and the shop's own "VIP 단골": all seven show, ticked or not, in a box
    as tall as they are (the box stopped at six, the seventh behind a scrollbar two rows tall)."""
    from app.labels import add_label

    ids = three_chats(window.ctx)
    with window.ctx.db.write() as s:
        add_label(s, "VIP 단골", "#25D366")
    load_chats(window, qtbot)
    select_chat(window, qtbot, ids[0])
    window.toggle_contact_panel()
    labels = window.contact_panel.labels_list
    qtbot.waitUntil(lambda: labels.count() == 7)
    last = labels.visualItemRect(labels.item(6))
    assert labels.item(6).text() == "VIP 단골"
    assert labels.verticalScrollBar().maximum() == 0
    assert labels.viewport().rect().contains(last), "the seventh label hides behind a scrollbar"


def test_a_first_start_on_a_small_screen_opens_a_window_the_screen_shows_whole(ctx: Any, qtbot: Any) -> None:
    """The default size is larger than the offscreen screen (800 pixels wide), as it was taller than
    a 1366×768 laptop's: the window, its message field at the bottom included, fits on the screen."""
    from ui.main_window import DEFAULT_SIZE, MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    screen = window.screen().availableGeometry()
    assert DEFAULT_SIZE.width() > screen.width()
    assert window.width() <= screen.width() and window.height() <= screen.height()
    assert window.height() > screen.height() // 2  # bounded by the screen, not shrunk for nothing


def test_a_first_start_places_the_window_title_bar_and_all_inside_the_screen(ctx: Any, qtbot: Any) -> None:
    """The tester's laptop: sized to fit, the window was left for the window manager to place, which
    cascaded it to y = 51 and its bottom (the message field) past the screen's edge. It asks for a
    place of its own (a window manager places only windows that do not), inside the screen's free
    area with its title bar counted, and keeps it when shown."""
    from PySide6.QtCore import Qt

    from ui.main_window import MainWindow
    from ui.screen_fit import FRAME_GUESS, frame_margins

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    screen = window.screen().availableGeometry()
    assert window.testAttribute(Qt.WidgetAttribute.WA_Moved), "no place asked: the window manager picks one"
    assert screen.contains(window.geometry().marginsAdded(FRAME_GUESS))
    window.show()
    qtbot.waitExposed(window)
    frame = window.geometry().marginsAdded(frame_margins(window))
    assert screen.contains(frame), f"{frame} on {screen}"


def test_the_contact_panel_shows_the_next_customer_from_the_top(window: Any, qtbot: Any) -> None:
    """Scrolled down to the notes of one customer, the panel kept that place for the next chat: its
    name and number were out of sight, the notes of another customer under the owner's eyes."""
    ids = three_chats(window.ctx)
    window.resize(1024, 600)
    load_chats(window, qtbot)
    select_chat(window, qtbot, ids[0])
    window.toggle_contact_panel()
    settle(qtbot)
    bar = window.contact_panel.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0, "the panel must scroll at this size for the test to say anything"
    bar.setValue(bar.maximum())
    select_chat(window, qtbot, ids[1])
    qtbot.waitUntil(lambda: window.contact_panel.details.id == ids[1])
    assert bar.value() == 0
    assert window.contact_panel.name.visibleRegion().boundingRect().height() > 0
    # The same customer refreshed (a message arrived): the owner's place stays.
    bar.setValue(bar.maximum())
    sync_batch(window, qtbot, {ids[1]})
    assert bar.value() == bar.maximum()


def test_esc_in_the_customers_notes_saves_them_and_puts_the_keyboard_back_in_the_message_field(
    window: Any, qtbot: Any
) -> None:
    """Esc closed the details and the keyboard landed in the search field above the chats: the
    owner's next words went into a search instead of her reply."""
    from PySide6.QtWidgets import QApplication

    from app.contact_details import contact_details

    with window.ctx.db.write() as s:
        amy = make_contact(s, profile_name="Amy", last_inbound_at=datetime.now(UTC))
        make_message(s, amy, "Do you have it in gold?", sent_at=datetime.now(UTC), unread=False)
    load_chats(window, qtbot)
    activate(window, qtbot)
    select_chat(window, qtbot, amy.id)
    window.toggle_contact_panel()
    settle(qtbot)
    notes = window.contact_panel.notes
    notes.setFocus()
    qtbot.keyClicks(notes, "Ring size 7")
    qtbot.keyClick(notes, Qt.Key.Key_Escape)
    assert not window.contact_panel.isVisible()
    assert QApplication.focusWidget() is window.chat.composer.edit

    def saved() -> bool:
        with window.ctx.db.read() as s:
            details = contact_details(s, amy.id)
        return details is not None and details.notes == "Ring size 7"

    qtbot.waitUntil(saved, timeout=5000)

    # The panel's own close button does the same.
    window.toggle_contact_panel()
    settle(qtbot)
    window.contact_panel.notes.setFocus()
    window.contact_panel.closed.emit()
    assert QApplication.focusWidget() is window.chat.composer.edit


def test_ctrl_r_in_a_chat_whose_window_has_closed_puts_the_keyboard_on_choose_template(
    window: Any, qtbot: Any
) -> None:
    """The message field is hidden after 24 hours: Ctrl+R had put the keyboard in it, and what the
    owner typed next went in where nobody could see it."""
    from PySide6.QtWidgets import QApplication

    with window.ctx.db.write() as s:
        old = make_contact(s, profile_name="Daniel", last_inbound_at=datetime.now(UTC) - timedelta(days=2))
        make_message(s, old, "Can I pick it up tomorrow?", sent_at=datetime.now(UTC) - timedelta(days=2))
    load_chats(window, qtbot)
    select_chat(window, qtbot, old.id)
    activate(window, qtbot)
    composer = window.chat.composer
    qtbot.waitUntil(lambda: composer.template_button.isVisible(), timeout=5000)
    view = window.chat.view
    view.setCurrentIndex(view.chat_model.index(0))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert composer.reply_to is not None
    assert QApplication.focusWidget() is composer.template_button
    assert not composer.edit.isVisible()


def test_a_customer_answered_by_the_away_message_in_the_same_batch_is_still_notified(
    window: Any, qtbot: Any
) -> None:
    """At night (or after the laptop slept) a customer's message and the relay's away reply arrive in
    one synced batch: the chat's last message is the shop's own, yet the customer is the news. The
    notification says what the customer wrote, not the away message."""
    ids = three_chats(window.ctx)
    load_chats(window, qtbot)
    notes: list[tuple[int, str, str]] = []
    window.notifier.notified.connect(lambda cid, title, text: notes.append((cid, title, text)))
    window.notifier.is_window_active = lambda: False
    with window.ctx.db.write() as s:
        from app.models import Contact

        c = s.get(Contact, ids[1])
        make_message(s, c, "네일 예약 가능할까요?", sent_at=BASE_TIME + timedelta(days=1))
        make_message(
            s,
            c,
            "지금은 영업시간이 아니에요. 내일 10시에 답장드릴게요.",
            direction="out",
            sent_by="away",
            sent_at=BASE_TIME + timedelta(days=1, seconds=1),
        )
    sync_batch(window, qtbot, {ids[1]})
    assert [(cid, text) for cid, _title, text in notes] == [(ids[1], "네일 예약 가능할까요?")]

    # The owner's own reply from her phone, after it, is no news.
    with window.ctx.db.write() as s:
        c = s.get(Contact, ids[1])
        make_message(s, c, "네 가능해요", direction="out", sent_by="phone_app", unread=False)
    sync_batch(window, qtbot, {ids[1]})
    assert len(notes) == 1


def test_a_look_at_the_shop_name_read_before_a_rename_does_not_put_the_old_name_back(
    window: Any, qtbot: Any, monkeypatch: Any
) -> None:
    """She renamed the shop as the relay's settings event came in: the window's look at the name,
    read before the new name was stored, answered after it (the pool busy), and the title and the
    taskbar named the shop as before."""
    import sys

    import app.automations_store
    from app.automations_store import AutomationsStore
    from app.changes import Changes
    from ui.ops import pending_ops

    store = AutomationsStore(window.ctx.db)

    def renamed(name: str) -> None:
        doc = store.state().doc
        store.save(doc.model_copy(update={"profile": doc.profile.model_copy(update={"name": name})}))
        window.ctx.publish(Changes(automations=True))

    renamed("서울 리넨 하우스")
    qtbot.waitUntil(lambda: "서울 리넨 하우스" in window.windowTitle(), timeout=5000)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    # Only the window's own read of the name is held: other views read the rules too.
    held = hold_first_read(
        monkeypatch,
        app.automations_store,
        "load_state",
        only=lambda: sys._getframe(2).f_globals.get("__name__") == "ui.main_window",
    )
    try:
        window.ctx.publish(Changes(automations=True))  # the relay's settings event
        qtbot.waitUntil(held.read.is_set, timeout=5000)
        renamed("한남 리넨")
        qtbot.waitUntil(lambda: "한남 리넨" in window.windowTitle(), timeout=5000)
        qtbot.waitUntil(lambda: pending_ops() == 1, timeout=5000)  # all in but the held look
    finally:
        held.let_go()
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    assert "한남 리넨" in window.windowTitle() and "서울" not in window.windowTitle()
