"""The React menu names each reaction ("👍  Like"), in the owner's language and to a screen reader."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from tests.support.factories import BASE_TIME, make_contact, make_message
from tests.support.window_waits import load_chats, select_chat, settle


def react_menu_entries(window: Any, qtbot: Any, dialogs: Any) -> tuple[list[str], list[str]]:
    """A customer's message right-clicked: the React menu's entries, as shown and as a screen reader
    names them."""
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="이하은")
        make_message(s, c, "입금했어요!", sent_at=BASE_TIME, unread=False)
        contact_id = c.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, contact_id)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.rowCount() == 1)
    settle(qtbot)
    seen: list[tuple[list[str], list[str]]] = []

    def look(menu: QMenu) -> None:
        react = next(a.menu() for a in menu.actions() if a.menu())
        assert isinstance(react, QMenu)
        shown = [a.text() for a in react.actions()]
        face = QAccessible.queryAccessibleInterface(react)
        said = [face.child(i).text(QAccessible.Text.Name) for i in range(face.childCount())]
        seen.append((shown, said))
        menu.close()

    dialogs.expect("menu", answer=look)
    rect = view.visualRect(view.chat_model.index(0))
    pos = QPoint(rect.left() + 40, rect.center().y())
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, pos))
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    return seen[0]


def test_each_reaction_has_its_name_beside_it_and_for_a_screen_reader(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    shown, said = react_menu_entries(window, qtbot, dialogs)
    assert shown == ["👍  &Like", "❤️  L&ove", "😂  &Funny", "😮  &Wow", "😢  &Sad", "🙏  &Thanks"]
    assert said == ["👍  Like", "❤️  Love", "😂  Funny", "😮  Wow", "😢  Sad", "🙏  Thanks"]


@pytest.mark.usefixtures("korean")
def test_a_korean_owner_reads_the_reactions_names_in_korean(window: Any, qtbot: Any, dialogs: Any) -> None:
    shown, _said = react_menu_entries(window, qtbot, dialogs)
    assert shown == [
        "👍  좋아요(&L)",
        "❤️  사랑해요(&O)",
        "😂  웃겨요(&F)",
        "😮  놀라워요(&W)",
        "😢  슬퍼요(&S)",
        "🙏  감사해요(&T)",
    ]


def spoken_rows(window: Any, qtbot: Any) -> list[str]:
    """A chat where the customer reacted 🙏 to the shop's answer and the shop 👍 to her message, read
    row by row as a screen reader reads them."""
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="이하은")
        make_message(s, c, "입금했어요!", sent_at=BASE_TIME, unread=False, reaction_out="👍")
        make_message(
            s, c, "확인했어요, 내일 보내드릴게요", sent_at=BASE_TIME, direction="out", reaction_in="🙏"
        )
        make_message(s, c, "🥳", sent_at=BASE_TIME, direction="out", reaction_in="🥳")
        contact_id = c.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, contact_id)
    model = window.chat.view.chat_model
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    return [model.index(i).data(Qt.ItemDataRole.AccessibleTextRole) for i in range(3)]


def test_a_screen_reader_hears_who_reacted_and_what_the_reaction_means(window: Any, qtbot: Any) -> None:
    mine, hers, other = spoken_rows(window, qtbot)
    # "Reactions: 👍" said neither whose reaction it was nor what 🙏 means.
    assert "You reacted 👍 Like" in mine
    assert "이하은 reacted 🙏 Thanks" in hers
    assert "이하은 reacted 🥳" in other  # not a quick reaction: the screen reader names it itself


@pytest.mark.usefixtures("korean")
def test_a_korean_owner_hears_who_reacted_in_korean(window: Any, qtbot: Any) -> None:
    mine, hers, _other = spoken_rows(window, qtbot)
    assert "내가 👍 좋아요 반응을 남겼어요" in mine
    assert "이하은 님이 🙏 감사해요 반응을 남겼어요" in hers
