"""Alt+letter reaches every menu and every menu item, as on any Windows program, in both languages."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtWidgets import QMenu

from tests.support.keyboard_reach import lettered_parts, shared_letters

KOREAN_MNEMONIC = re.compile(r"\(&[A-Z]\)")


def mnemonic(text: str) -> str | None:
    """The letter Alt opens `text` with ("&&" is a literal ampersand, not a mnemonic)."""
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).upper() if found else None


def menu_texts(window: Any) -> dict[str, list[str]]:
    menus: dict[str, list[str]] = {}
    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        menus[top.text()] = [a.text() for a in menu.actions() if not a.isSeparator() and a.isVisible()]
    return menus


def assert_every_item_has_its_own_letter(window: Any) -> dict[str, list[str]]:
    menus = menu_texts(window)
    titles = [mnemonic(t) for t in menus]
    assert None not in titles and len(set(titles)) == len(titles), list(menus)
    for title, items in menus.items():
        letters = [mnemonic(t) for t in items]
        assert None not in letters, f"{title}: {items}"
        assert len(set(letters)) == len(letters), f"{title}: two items share a letter: {items}"
    return menus


def test_every_menu_and_menu_item_opens_with_its_own_alt_letter(window: Any, ctx: Any) -> None:
    from ui.menus import install_menus

    install_menus(window, ctx)
    menus = assert_every_item_has_its_own_letter(window)
    assert "&Import chat from phone…" in menus["&File"]


@pytest.mark.usefixtures("korean")
def test_korean_menus_write_the_letter_after_the_words_as_korean_windows_does(window: Any, ctx: Any) -> None:
    from ui.menus import install_menus

    install_menus(window, ctx)
    menus = assert_every_item_has_its_own_letter(window)
    for title, items in menus.items():
        for text in [title, *items]:
            assert KOREAN_MNEMONIC.search(text), text  # 파일(&F), 휴대폰에서 채팅 가져오기(&I)…
    assert "휴대폰에서 채팅 가져오기(&I)…" in menus["파일(&F)"]


def test_a_chats_menu_has_an_alt_letter_for_each_item(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any
) -> None:
    """Opened with the menu key (or Shift+F10), a letter picks the item, as in Windows' own menus."""
    from tests.support.factories import make_contact, make_message
    from tests.support.window_waits import load_chats
    from tests.ui.test_chat_list_menu import _right_click

    with ctx.db.write() as s:
        make_message(s, make_contact(s, profile_name="김민지"), "안녕하세요")
    load_chats(window, qtbot)
    seen: list[list[str]] = []

    def look(menu: QMenu) -> None:
        seen.append([a.text() for a in menu.actions() if not a.isSeparator()])
        label_menu = next(a.menu() for a in menu.actions() if a.menu() is not None)
        assert isinstance(label_menu, QMenu)
        seen.append([a.text() for a in label_menu.actions() if not a.isSeparator()])
        menu.close()

    dialogs.expect("menu", answer=look)
    _right_click(qtbot, window, 0)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    items = seen[0]
    letters = [mnemonic(text) for text in items]
    assert None not in letters and len(set(letters)) == len(letters), items
    # Each label too (a name the owner made has no letter of its own, and a Korean one no Latin letter
    # at all): numbered, as Windows numbers recent files, beside New label's N.
    labels = seen[1]
    assert labels[-1] == "&New label…" and "&4 Paid" in labels, labels
    letters = [mnemonic(text) for text in labels]
    assert None not in letters and len(set(letters)) == len(letters), labels


def test_a_messages_menu_has_an_alt_letter_for_each_item(qtbot: Any, window: Any, dialogs: Any) -> None:
    """Opened with the menu key on a message, R replies and C copies, as in Windows' own menus."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    from tests.ui.test_chat_view import make_chat, open_chat

    view = open_chat(window, qtbot, make_chat(window.ctx, 3))
    seen: list[list[str]] = []

    def look(menu: QMenu) -> None:
        seen.append([a.text() for a in menu.actions() if not a.isSeparator()])
        menu.close()

    dialogs.expect("menu", answer=look)
    rect = view.visualRect(view.chat_model.index(0))
    pos = QPoint(rect.left() + 40, rect.center().y())
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, pos))
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    letters = [mnemonic(text) for text in seen[0]]
    assert None not in letters and len(set(letters)) == len(letters), seen[0]
    assert {"R", "C"} <= set(letters)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_chat_lists_labels_filter_menu_has_an_alt_letter_for_each_item(
    qtbot: Any, window: Any, request: Any, language: str
) -> None:
    """The Labels chip's menu is numbered as a chat's Label chat menu is (Alt+4 shows the Paid chats),
    beside Needs a person's N."""
    from tests.support.window_waits import settle

    if language == "ko":
        request.getfixturevalue("korean")
    settle(qtbot)  # the labels are read off the GUI thread when the window opens
    window.chat_list._rebuild_label_menu()
    texts = [a.text() for a in window.chat_list.label_chip.menu().actions() if not a.isSeparator()]
    letters = [mnemonic(text) for text in texts]
    assert None not in letters and len(set(letters)) == len(letters), texts
    if language == "en":
        assert texts[0] == "&Needs a person" and "&4 Paid" in texts, texts
    else:
        assert texts[0] == "상담\u00a0필요(&N)" and "&4 결제\u00a0완료" in texts, texts


@pytest.fixture(params=["en", "ko"])
def language(request: pytest.FixtureRequest) -> str:
    """The language installed before the main window is made (its notices are worded as it is built)."""
    if request.param == "ko":
        request.getfixturevalue("korean")
    return str(request.param)


def test_the_main_windows_notices_leave_the_menus_their_letters(language: str, window: Any, ctx: Any) -> None:
    """The notice of a change the relay refused, above the chat: its Fix… had Alt+F, the File menu's,
    so Alt+F only moved between them. Every button, notice and banner the main window may show
    (shown or not now) has a letter no menu and no other has."""
    from ui.menus import install_menus

    install_menus(window, ctx)
    window.rules_refused.show()
    parts, _unreached = lettered_parts(window, hidden_too=True)
    assert shared_letters(parts) == []
    assert window.rules_refused.fix.text() == {"en": "Fi&x…", "ko": "고치기(&X)…"}[language]


def test_the_searchs_boxes_tick_with_their_alt_letters(
    language: str, window: Any, ctx: Any, qtbot: Any
) -> None:
    """Searching from an open chat, Alt+Y keeps to that chat (이 채팅만(&Y)); the two boxes had no letter,
    nor had the period's box (Alt+D, 기간(&D): Alt+P is Choose template…'s)."""
    from tests.support.factories import make_contact
    from tests.ui.test_dialog_mnemonics import press_alt
    from ui.menus import install_menus

    install_menus(window, ctx)
    with ctx.db.write() as s:
        contact_id = make_contact(s, profile_name="김민지").id
    search = window.search
    window.left.setCurrentWidget(search)
    from app.search_scope import ChatScope

    search.start(contact_id, number=("1", "02-555-0100"), chats=(ChatScope("unread"), ""))
    assert mnemonic(search.this_chat.text()) == "Y" and mnemonic(search.this_number.text()) == "N"
    assert mnemonic(search.this_filter.text()) == "R"
    assert mnemonic(search.period_label.text()) == "D" and search.period_label.buddy() is search.period
    parts, _unreached = lettered_parts(window, hidden_too=True)
    assert shared_letters(parts) == []
    press_alt(qtbot, window, "Y")
    qtbot.waitUntil(search.this_chat.isChecked, timeout=3000)
    press_alt(qtbot, window, "D")
    qtbot.waitUntil(search.period.hasFocus, timeout=3000)
