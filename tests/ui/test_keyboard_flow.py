"""A shop owner's everyday round by keyboard alone: pick a chat, reply, insert a quick reply, find a
message, and open a chat's menu (labels) — in a tab order that follows the screen."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QToolButton

from app.quick_replies import QuickReplyLibrary
from tests.support.accessibility import spoken_name
from tests.support.factories import make_contact, make_message


def focused(qtbot: Any, widget: Any) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=3000)


def open_chat_of(
    qtbot: Any, window: Any, ctx: Any, name: str, text: str, last_inbound_at: datetime | None
) -> int:
    """A customer who wrote `text` (at `last_inbound_at`, or long ago without a window), their chat
    open and the window active, as the owner starts each of these walks."""
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name=name, last_inbound_at=last_inbound_at)
        if last_inbound_at is None:
            make_message(s, contact, text)
        else:
            make_message(s, contact, text, sent_at=last_inbound_at)
        contact_id = int(contact.id)
    window.chat_list.load()
    qtbot.waitUntil(lambda: window.chat_list.select_contact(contact_id), timeout=5000)
    qtbot.waitUntil(lambda: window.chat.contact_id() == contact_id, timeout=5000)
    with qtbot.waitActive(window):
        window.activateWindow()
    return contact_id


def test_pick_a_chat_reply_quick_reply_search_and_label_by_keyboard(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any
) -> None:
    from ui.menus import install_menus

    install_menus(window, ctx)
    QuickReplyLibrary(ctx.db).add("/thanks", "Thank you for your order!")
    with ctx.db.write() as s:
        now = datetime.now(UTC)
        for name, text in (("김민지", "주문했어요"), ("Amy Clarke", "Is the tote bag in stock?")):
            contact = make_contact(s, profile_name=name, last_inbound_at=now)  # the window is open
            make_message(s, contact, text, sent_at=now - timedelta(minutes=5))
    window.chat_list.load()
    qtbot.waitUntil(lambda: window.chat_list.model.rowCount() == 2, timeout=5000)
    with qtbot.waitActive(window):
        window.activateWindow()

    # The chat list's search field comes first; Down goes into the list, Enter opens the chat there
    # and puts the cursor in the message field.
    field = window.chat_list.search_field
    field.setFocus()
    focused(qtbot, field)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    view = window.chat_list.view
    focused(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    edit = window.chat.composer.edit
    focused(qtbot, edit)
    opened = window.chat.contact_id()
    assert opened is not None

    # Reply, then a quick reply: `/`, Enter to insert it, Enter to send.
    qtbot.keyClicks(edit, "Yes, we have it")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    model = window.chat.view.chat_model

    def last_body() -> str:
        return next((m.body for m in reversed(model.messages())), "")

    qtbot.waitUntil(lambda: last_body() == "Yes, we have it", timeout=5000)
    qtbot.keyClicks(edit, "/thanks")
    qtbot.waitUntil(lambda: window.chat.quick_replies.is_open(), timeout=3000)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.toPlainText() == "Thank you for your order!"
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: last_body() == "Thank you for your order!", timeout=5000)

    # Tab walks the screen: from the chats to the chat's header, its messages, the composer's row
    # left to right, and round to the chat list's search field, its filters and the chats again.
    view.setFocus()
    stops = []
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        assert focus is not None
        stops.append(spoken_name(focus))
    assert stops == [
        "Start order",
        "Search in this chat",
        "Contact info",
        f"Messages with {window.chat.conversation.display_name}",
        "Emoji",
        "Attach a file",
        "Catalogue",
        f"Message to {window.chat.conversation.display_name}",
        "Send",
        "Search chats and messages",
        "All",
        "Chats",
    ]

    # Ctrl+F finds a message in every chat.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    focused(qtbot, window.search.field)
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    focused(qtbot, view)

    # The menu key opens the chat menu of the chat under the keyboard's cursor, labels included.
    seen: list[list[str]] = []

    def look(menu: QMenu) -> None:
        seen.append([a.text().replace("&", "") for a in menu.actions() if a.text()])
        menu.close()

    dialogs.expect("menu", answer=look)
    QApplication.sendEvent(view, QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(4, 4), QPoint()))
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert "Label chat" in seen[0]
    assert window.chat.contact_id() == opened


def test_the_chat_list_outlines_its_current_row_while_it_has_the_keyboard(qtbot: Any, window: Any) -> None:
    """Tabbing into the list showed nothing that said the keys now move through the chats."""
    from PySide6.QtGui import QPalette

    from tests.support.window_waits import load_chats

    with window.ctx.db.write() as s:
        for n in range(3):
            make_message(s, make_contact(s, profile_name=f"손님 {n}"), "안녕하세요")
    load_chats(window, qtbot)
    view = window.chat_list.view
    window.show()
    qtbot.waitExposed(window)
    view.setCurrentIndex(view.model().index(1, 0))
    highlight = view.palette().color(QPalette.ColorRole.Highlight).rgb()

    def edge_of_current() -> int:
        rect = view.visualRect(view.currentIndex())
        return view.viewport().grab().toImage().pixelColor(rect.left() + 1, rect.center().y()).rgb()

    window.chat_list.search_field.setFocus()
    focused(qtbot, window.chat_list.search_field)
    assert edge_of_current() != highlight
    view.setFocus()
    focused(qtbot, view)
    assert edge_of_current() == highlight


def test_enter_on_a_focused_header_button_does_what_space_does(qtbot: Any, window: Any, ctx: Any) -> None:
    """The tester Tabbed to ⓘ, the cart and the search in the chat header: Enter did nothing, only
    Space opened them."""
    from ui.menus import install_menus
    from ui.order_form import StartOrderDialog

    install_menus(window, ctx)
    open_chat_of(qtbot, window, ctx, "김민지", "주문했어요", datetime.now(UTC) - timedelta(minutes=5))

    info = window.chat.info_button
    info.setFocus()
    focused(qtbot, info)
    qtbot.keyClick(info, Qt.Key.Key_Return)
    assert window.contact_panel.isVisible()
    qtbot.keyClick(info, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)  # the keypad's Enter
    assert not window.contact_panel.isVisible()

    cart = window.chat.header.findChild(QToolButton, "startOrderButton")
    cart.setFocus()
    focused(qtbot, cart)
    qtbot.keyClick(cart, Qt.Key.Key_Return)
    orders = [w for w in QApplication.topLevelWidgets() if isinstance(w, StartOrderDialog) and w.isVisible()]
    assert len(orders) == 1
    orders[0].close()

    search = window.chat.search_button
    search.setFocus()
    focused(qtbot, search)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert window.left.currentWidget() is window.search
    assert window.search.this_chat.isChecked()


def test_esc_from_a_search_begun_in_the_message_field_gives_the_keyboard_back_to_it(
    qtbot: Any, window: Any, ctx: Any
) -> None:
    """Writing, the owner looked something up in the chat (Ctrl+Shift+F) and pressed Esc: the
    keyboard went to the chat list, and the reply she typed next began a new search."""
    from ui.menus import install_menus

    install_menus(window, ctx)
    open_chat_of(
        qtbot, window, ctx, "김민지", "주소는 서울 마포구예요", datetime.now(UTC) - timedelta(minutes=5)
    )
    edit = window.chat.composer.edit
    edit.setFocus()
    focused(qtbot, edit)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(edit, Qt.Key.Key_F, ctrl_shift)
    focused(qtbot, window.search.field)
    assert window.search.this_chat.isChecked()
    window.search.field.setText("마포")  # as the input method gives it
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    focused(qtbot, edit)
    qtbot.keyClicks(edit, "ok")
    assert edit.toPlainText() == "ok" and window.left.currentWidget() is window.chat_list

    # Ctrl+F from the chat list, as before: Esc goes back to the list.
    window.chat_list.view.setFocus()
    focused(qtbot, window.chat_list.view)
    qtbot.keyClick(window.chat_list.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    focused(qtbot, window.search.field)
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    focused(qtbot, window.chat_list.view)


def test_enter_on_the_focused_send_button_sends(qtbot: Any, window: Any, ctx: Any) -> None:
    open_chat_of(
        qtbot,
        window,
        ctx,
        "Amy Clarke",
        "Is the tote bag in stock?",
        datetime.now(UTC) - timedelta(minutes=5),
    )
    composer = window.chat.composer
    composer.edit.setPlainText("Yes, we have it")
    composer.send_button.setFocus()
    focused(qtbot, composer.send_button)
    qtbot.keyClick(composer.send_button, Qt.Key.Key_Return)
    model = window.chat.view.chat_model
    qtbot.waitUntil(lambda: any(m.body == "Yes, we have it" for m in model.messages()), timeout=5000)
    # The keyboard is back in the message field: her next words are typed there, not into the button.
    focused(qtbot, composer.edit)
    qtbot.keyClicks(composer.edit, "Shall I hold one?")
    assert composer.edit.toPlainText() == "Shall I hold one?"


def test_shift_tab_from_the_composer_reaches_the_chat_list_and_tab_from_the_chips_too(
    qtbot: Any, window: Any, ctx: Any
) -> None:
    """Widgets made after the chat list's own order had gone in between its filter chips and its
    chats: Shift+Tab from "Choose template…" went to the chips past the chats, and with the
    contact panel open Tab from the chips went to the panel."""
    long_ago = datetime.now(UTC) - timedelta(days=3)  # the 24-hour window is closed: templates only
    open_chat_of(qtbot, window, ctx, "김민지", "주문했어요", long_ago)
    window.toggle_contact_panel()
    template = window.chat.composer.template_button
    qtbot.waitUntil(template.isVisible, timeout=3000)
    template.setFocus()
    focused(qtbot, template)

    def shift_tab() -> Any:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        return QApplication.focusWidget()

    back = [spoken_name(shift_tab()) for _ in range(4)]
    assert back == ["Messages with 김민지", "Contact info", "Search in this chat", "Chats"]
    assert shift_tab().objectName() == "filterChip"  # then the chips, over the chats

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.chat_list.view  # not the contact panel


def test_tab_moves_on_from_the_contact_panels_notes(qtbot: Any, window: Any, ctx: Any) -> None:
    """Tab in the notes typed a tab character: a keyboard user could not leave them."""
    open_chat_of(qtbot, window, ctx, "김민지", "주문했어요", None)
    window.toggle_contact_panel()
    notes = window.contact_panel.notes
    notes.setFocus()
    focused(qtbot, notes)
    qtbot.keyClick(notes, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not notes
    assert "\t" not in notes.toPlainText()


def test_tab_through_the_contact_panel_stops_only_at_its_fields(qtbot: Any, window: Any, ctx: Any) -> None:
    """The panel's scroll area took a Tab stop of its own, between two fields, that showed nothing."""
    open_chat_of(qtbot, window, ctx, "김민지", "주문했어요", None)
    window.toggle_contact_panel()
    panel = window.contact_panel
    qtbot.waitUntil(lambda: not panel.loading, timeout=5000)
    panel.notes.setFocus()
    focused(qtbot, panel.notes)
    stops = []
    for _ in range(40):  # round the whole window once
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        widget = QApplication.focusWidget()
        if widget is panel.notes:
            break
        stops.append(widget)
    assert panel.scroll_area not in stops
    assert panel.scroll_area.viewport() not in stops
    assert panel.labels_list in stops  # the panel's fields are still reached


def test_every_tab_stop_of_the_window_shows_it_has_the_keyboard(qtbot: Any, window: Any, ctx: Any) -> None:
    """The tester saw no mark at some Tab stops: the style sheet's borders had taken away the
    search fields' and the message field's focus frames, the icon buttons' was a faint tint and
    the messages had none. Each is outlined in the highlight colour, as the chat list's current chat."""
    from PySide6.QtGui import QColor, QPalette

    from ui.menus import install_menus

    install_menus(window, ctx)
    open_chat_of(qtbot, window, ctx, "김민지", "주문했어요", datetime.now(UTC) - timedelta(minutes=5))
    highlight = window.palette().color(QPalette.ColorRole.Highlight)

    def edge(widget: Any) -> QColor:
        image = widget.grab().toImage()
        return image.pixelColor(1, image.height() // 2)

    def near(a: QColor, b: QColor) -> bool:
        return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 60

    composer = window.chat.composer
    stops = {
        "chat list search": window.chat_list.search_field,
        "filter chip": window.chat_list.tab_stops[1],
        "contact info": window.chat.info_button,
        "messages": window.chat.view,
        "message field": composer.edit,
        "send": composer.send_button,
    }
    unmarked = []
    for name, widget in stops.items():
        elsewhere = window.chat_list.view if widget is composer.edit else composer.edit
        elsewhere.setFocus()
        qtbot.waitUntil(lambda w=widget: not w.hasFocus(), timeout=3000)
        assert not near(edge(widget), highlight), name
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        focused(qtbot, widget)
        if not near(edge(widget), highlight):
            unmarked.append(name)
    assert unmarked == []


def test_f6_goes_from_pane_to_pane_and_shift_f6_back(qtbot: Any, window: Any, ctx: Any) -> None:
    """From the message field back to the chats was seven Shift+Tabs (the composer's buttons, the
    messages, the header's three buttons); F6 steps a pane at a time, as in mail and chat programs."""
    open_chat_of(qtbot, window, ctx, "김민지", "주문했어요", datetime.now(UTC))
    window.toggle_contact_panel()
    qtbot.waitUntil(window.contact_panel.isVisible, timeout=3000)
    composer = window.chat.composer
    composer.edit.setFocus()
    focused(qtbot, composer.edit)

    def f6(shift: bool = False) -> Any:
        modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, modifier)
        return QApplication.focusWidget()

    panel = window.contact_panel
    assert f6() is panel.orders  # the customer's details: their first button, not the panel's ✕
    assert f6() is window.chat_list.view  # round to the chats
    assert f6() is window.chat.view  # the messages, on the newest one
    assert window.chat.view.currentIndex().row() == window.chat.view.chat_model.rowCount() - 1
    assert f6() is composer.edit
    assert f6(shift=True) is window.chat.view
    assert f6(shift=True) is window.chat_list.view
    window.chat.info_button.setFocus()  # in the chat's header: its pane is the messages'
    assert f6() is composer.edit

    window.open_search()  # the search stands in for the chats
    focused(qtbot, window.search.field)
    assert f6() is window.chat.view
    assert f6(shift=True) is window.search.field
    assert panel.isAncestorOf(f6(shift=True))  # and round to the last pane


def test_the_filter_chips_say_that_the_arrow_keys_choose_among_them(
    qtbot: Any, window: Any, ctx: Any
) -> None:
    """Tab stops at the chosen chip alone (they are one group): a screen reader said "All, check box"
    and the owner tabbed on to the chats, never hearing of Unread or Archived."""
    from PySide6.QtGui import QAccessible

    open_chat_of(qtbot, window, ctx, "김민지", "주문했어요", datetime.now(UTC))
    field = window.chat_list.search_field
    all_chip, unread_chip = window.chat_list.tab_stops[1:3]
    field.setFocus(Qt.FocusReason.TabFocusReason)
    focused(qtbot, field)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    focused(qtbot, all_chip)
    said = QAccessible.queryAccessibleInterface(all_chip).text(QAccessible.Text.Description)
    assert said == "Filter 1 of 4. The arrow keys choose another."
    qtbot.keyClick(all_chip, Qt.Key.Key_Right)
    focused(qtbot, unread_chip)
    assert unread_chip.isChecked() and window.chat_list.model.kind == "unread"


def test_ctrl_tab_from_the_message_field_says_which_chat_it_went_to(
    qtbot: Any, window: Any, ctx: Any
) -> None:
    """The message field keeps the keyboard as Ctrl+Tab moves to the next chat: a screen reader said
    nothing of where it went, and the field was "Message" in every chat."""
    from ui.announce import announcements

    open_chat_of(qtbot, window, ctx, "Amy Clarke", "Is the tote bag in stock?", datetime.now(UTC))
    later = datetime.now(UTC) + timedelta(seconds=1)
    contact_id = open_chat_of(qtbot, window, ctx, "김민지", "주문했어요", later)  # the top chat
    edit = window.chat.composer.edit
    edit.setFocus()
    focused(qtbot, edit)
    assert spoken_name(edit) == "Message to 김민지"
    heard: list[str] = []
    connection = announcements().said.connect(heard.append)
    try:
        qtbot.keyClick(edit, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.chat.contact_id() not in (None, contact_id), timeout=3000)
    finally:
        announcements().said.disconnect(connection)
    assert len(heard) == 1 and heard[0].startswith("Amy Clarke, 1 unread message, Is the tote bag in stock?")
    assert spoken_name(edit) == "Message to Amy Clarke"
