"""Labels applied from the chat list's menu show on the row and filter the list."""

from __future__ import annotations

import unicodedata
from typing import Any

from sqlalchemy import select

from app.models import Label
from tests.support.factories import make_contact, make_message
from tests.support.held_reads import hold_first_read
from tests.support.window_waits import sync_batch


def test_labelling_a_chat_from_the_list_shows_a_dot_and_filters(qtbot: Any, window: Any, ctx: Any) -> None:
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="박지영")
        make_message(s, contact, "입금했어요")
        paid = s.scalars(select(Label).where(Label.name == "Paid")).one().id
        contact_id = contact.id
    chat_list = window.chat_list
    sync_batch(window, qtbot, {contact_id})
    qtbot.waitUntil(lambda: chat_list.model.rowCount() == 1, timeout=5000)

    def labels_on_row() -> list[str]:
        from ui.chat_list_model import ChatRole

        row = chat_list.model.index(0, 0).data(ChatRole.ROW)
        return [label.name for label in row.labels]

    chat_list.toggle_label(contact_id, paid, True)
    qtbot.waitUntil(lambda: labels_on_row() == ["Paid"], timeout=5000)
    chat_list.set_filter("label", paid)
    qtbot.waitUntil(lambda: chat_list.model.rowCount() == 1, timeout=5000)
    chat_list.toggle_label(contact_id, paid, False)
    qtbot.waitUntil(lambda: chat_list.model.rowCount() == 0, timeout=5000)


def test_a_new_label_made_from_a_chats_menu_is_put_on_that_chat(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any
) -> None:
    """Typed in a chat's "New label…", the name of a label that exists puts that label on the chat.
    It was refused ("There is already a label called “Paid”.") and nothing was put on: from a chat's
    menu she means "this chat gets that label", not "make me another"; the labels manager, where
    she makes labels, still refuses it."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication, QMenu

    from ui.chat_list_model import ChatRole

    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="박지영")
        make_message(s, contact, "또 주문할게요")
        contact_id = contact.id
    chat_list = window.chat_list
    sync_batch(window, qtbot, {contact_id})
    qtbot.waitUntil(lambda: chat_list.model.rowCount() == 1, timeout=5000)

    offered: list[str] = []

    def look(menu: QMenu) -> None:
        labels = next(a.menu() for a in menu.actions() if a.text() == "&Label chat")
        assert isinstance(labels, QMenu)
        offered.extend(a.text() for a in labels.actions() if a.text())
        menu.close()

    dialogs.expect("menu", answer=look)
    QApplication.sendEvent(
        chat_list.view.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(8, 8), QPoint())
    )
    qtbot.waitUntil(lambda: bool(offered), timeout=3000)
    assert offered[-1] == "&New label…" and "&4 Paid" in offered

    def labels_on_row() -> list[str]:
        row = chat_list.model.index(0, 0).data(ChatRole.ROW)
        return [label.name for label in row.labels]

    dialogs.expect("getText", answer="단골 고객")
    chat_list.ask_new_label(contact_id)
    qtbot.waitUntil(lambda: labels_on_row() == ["단골 고객"], timeout=5000)
    qtbot.waitUntil(lambda: "단골 고객" in [label.name for label in chat_list.labels], timeout=5000)

    # A name another label has, as label names compare (case, spaces, NFD Hangul as a Mac types
    # it): that label goes on the chat, and no second one is made.
    dialogs.expect("getText", answer="  paid ")
    chat_list.ask_new_label(contact_id)
    qtbot.waitUntil(lambda: sorted(labels_on_row()) == ["Paid", "단골 고객"], timeout=5000)
    with ctx.db.read() as s:
        assert len(s.scalars(select(Label)).all()) == 7

    # Already on the chat: said plainly, and nothing changes.
    dialogs.expect("getText", answer=unicodedata.normalize("NFD", "단골  고객"))
    said = dialogs.expect("information", answer=None)
    chat_list.ask_new_label(contact_id)
    qtbot.waitUntil(lambda: bool(said.shown), timeout=5000)
    assert said.shown[0].text == "This chat already has the label “단골 고객”."
    assert sorted(labels_on_row()) == ["Paid", "단골 고객"]
    with ctx.db.read() as s:
        assert len(s.scalars(select(Label)).all()) == 7


def test_a_label_named_with_an_ampersand_shows_it_in_the_filter_menu_and_on_the_chip(
    qtbot: Any, window: Any, ctx: Any
) -> None:
    """ "R&D" showed as "RD" with the D underlined: Qt took the "&" for an Alt letter's mark."""
    from PySide6.QtGui import QAction

    from app.labels import add_label

    with ctx.db.write() as s:
        rnd = add_label(s, "R&D", "#3DA1F1").id
    chat_list = window.chat_list
    chat_list.read_labels()

    def filter_action() -> QAction | None:
        return next((a for a in chat_list._label_menu.actions() if a.data() == rnd), None)

    qtbot.waitUntil(lambda: filter_action() is not None, timeout=5000)
    action = filter_action()
    assert action is not None and action.text().endswith(" R&&D")  # numbered: "&6 R&&D"
    action.trigger()
    assert chat_list.label_chip.text() == "R&&D"  # drawn as "R&D"


def test_every_label_in_the_filter_and_label_chat_menus_shows_its_colour_beside_its_name(
    qtbot: Any, window: Any, ctx: Any
) -> None:
    """With thirty labels the rows show unnamed dots: the menus that name the labels show each one's
    dot too, so a colour on a row can be found by name (also by someone who tells colours apart badly)."""
    from PySide6.QtGui import QAction, QColor, QIcon
    from PySide6.QtWidgets import QMenu

    from app.labels import add_label

    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="박지영")
        make_message(s, contact, "입금했어요")
        vip = add_label(s, "단골", "#8E24AA").id
        contact_id = contact.id
    chat_list = window.chat_list
    sync_batch(window, qtbot, {contact_id})
    qtbot.waitUntil(lambda: chat_list.model.rowCount() == 1, timeout=5000)
    chat_list.read_labels()
    qtbot.waitUntil(lambda: any(label.id == vip for label in chat_list.labels), timeout=5000)

    def centre_colour(icon: QIcon) -> str:
        image = icon.pixmap(14, 14).toImage()
        return QColor(image.pixel(image.width() // 2, image.height() // 2)).name().upper()

    filter_action = next(a for a in chat_list._label_menu.actions() if a.data() == vip)
    assert centre_colour(filter_action.icon()) == "#8E24AA"
    assert all(not a.icon().isNull() for a in chat_list._label_menu.actions() if a.data() is not None)

    from ui.chat_list_model import ChatRole

    menu = QMenu()
    toggles, _new = chat_list.fill_label_menu(menu, chat_list.model.index(0, 0).data(ChatRole.ROW))
    by_id: dict[int, QAction] = {label_id: action for action, label_id in toggles.items()}
    assert centre_colour(by_id[vip].icon()) == "#8E24AA"
    assert all(not action.icon().isNull() for action in toggles)


def test_the_label_the_list_is_filtered_by_is_ticked_in_its_dot(qtbot: Any, window: Any, ctx: Any) -> None:
    """A menu item with an icon loses its check mark (Qt only frames the icon): the dot is ticked."""
    from PySide6.QtGui import QIcon

    from app.labels import add_label

    with ctx.db.write() as s:
        vip = add_label(s, "단골", "#8E24AA").id
    chat_list = window.chat_list
    chat_list.read_labels()
    qtbot.waitUntil(lambda: any(label.id == vip for label in chat_list.labels), timeout=5000)

    def ink(icon: QIcon) -> int:
        """How many white pixels the dot has (the tick on this dark purple)."""
        image = icon.pixmap(14, 14).toImage()
        return sum(
            image.pixelColor(x, y).lightness() > 200 and image.pixelColor(x, y).alpha() > 200
            for x in range(image.width())
            for y in range(image.height())
        )

    def vip_action() -> Any:
        return next(a for a in chat_list._label_menu.actions() if a.data() == vip)

    assert ink(vip_action().icon()) == 0
    chat_list.set_filter("label", vip)
    chat_list._label_menu.aboutToShow.emit()
    assert vip_action().isChecked() and ink(vip_action().icon()) > 4
    chat_list.set_filter("all")
    chat_list._label_menu.aboutToShow.emit()
    assert ink(vip_action().icon()) == 0


def test_a_look_at_the_labels_read_before_a_rename_does_not_bring_the_old_name_back(
    qtbot: Any, window: Any, ctx: Any, monkeypatch: Any
) -> None:
    """She recoloured "Paid", then renamed it "입금 완료", quickly: the chat list's look at the labels
    after the colour, read before the new name was stored, answered last (the pool busy) and the
    filter menu named the label "Paid" again."""

    import app.queries
    from app.labels import LabelStore
    from ui.ops import pending_ops

    with ctx.db.read() as s:
        paid = s.scalars(select(Label).where(Label.name == "Paid")).one().id
    chat_list = window.chat_list
    store = LabelStore(ctx.db)

    def named() -> str:
        return next((a.text() for a in chat_list._label_menu.actions() if a.data() == paid), "")

    chat_list.read_labels()
    qtbot.waitUntil(lambda: named().endswith(" Paid"), timeout=5000)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    held = hold_first_read(monkeypatch, app.queries, "labels")
    try:
        ctx.publish(store.recolour(paid, "#3DA1F1"))
        qtbot.waitUntil(held.read.is_set, timeout=5000)
        ctx.publish(store.rename(paid, "입금 완료"))
        qtbot.waitUntil(lambda: named().endswith(" 입금 완료"), timeout=5000)
        qtbot.waitUntil(lambda: pending_ops() == 1, timeout=5000)  # all in but the held look
    finally:
        held.let_go()
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    assert named().endswith(" 입금 완료")
