"""Every window and dialog the main window's menus open: each button is reached by Alt and a letter of
its own (or by a key of its own, or Esc for Close and Cancel), in English and in Korean; each button
that shows no words (an icon, a sign, a count) has a name a screen reader says, a tooltip that names
its key, and Tab or its key reaches it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMenu, QWidget

from tests.support.keyboard_reach import (
    icon_button_problems,
    keyboard_problems,
    lettered_parts,
    mnemonic,
    shared_letters,
    without_alt_letter,
)
from ui.ops import pending_ops

# What the menus do that opens no window of ours: the demo is a process of its own, Quit quits. Read
# through the translator installed for the test's language: a Korean entry renamed in the .ts
# (사용해 보기 → 둘러보기) slipped past a list of its words, and every Korean walk started a demo
# process nobody ended.
NOT_WINDOWS = ("&Quit", "Try the demo shop")
# No letter, and known: the menu bot's simulator sends with its field's Enter. (Each weekday's Add
# hours and × have keys of their row, Ctrl+N and Ctrl+minus; the simulator's Start over has F5.)
KNOWN = {("BotEditor", text) for text in ("Send", "보내기")}
# Pressed by keys of their own instead of an Alt letter: the menu tree's Move up and Move down by
# Alt+Up and Alt+Down, the simulator's Start over by F5, each weekday's Add hours (one per day) by
# Ctrl+N in that day's row.
OWN_KEYS = (
    KNOWN
    | {("BotEditor", text) for text in ("Move up", "Move down", "Start over", "위로", "아래로", "처음부터")}
    | {("BusinessHoursEditor", text) for text in ("Add hours", "시간 추가")}
)


def _plain(text: str) -> str:
    from ui.shortcuts_dialog import plain

    return plain(text).rstrip("…").strip()


def walk_the_menus(window: Any, qtbot: Any, dialogs: Any, tmp_path: Path) -> tuple[list[str], list[str]]:
    """Each entry of the File, Shop and Help menus chosen in turn; every window it opens looked at
    (a modal one from inside its loop, by the dialog guard) and closed before the next."""
    from tests.ui.test_import_dialog import korean_zip
    from ui.chat_menu import ChatMenu
    from ui.menus import install_menus
    from ui.order_board import OrderBoard

    install_menus(window, window.ctx)
    problems: list[str] = []
    seen: list[str] = []

    def look(widget: QWidget) -> None:
        qtbot.waitUntil(lambda: pending_ops() == 0, timeout=10_000)  # an editor's rules, loaded
        seen.append(type(widget).__name__)
        known = {text for name, text in KNOWN if name == type(widget).__name__}
        if isinstance(widget, OrderBoard):
            widget.expiry_notice.show()  # orders cancelled unpaid: its Review… needs a key as well
        problems.extend(keyboard_problems(widget, known=known))
        own_keys = {text for name, text in OWN_KEYS if name == type(widget).__name__}
        problems.extend(
            f"{type(widget).__name__}: no Alt letter on {text!r}"
            for text in without_alt_letter(widget)
            if text not in own_keys
        )
        if isinstance(widget, QDialog):
            widget.reject()
        else:
            widget.close()

    dialogs.expect("modal", answer=look, times=None)
    files = [korean_zip(tmp_path)]  # the import's preview; then no backup chosen to restore
    dialogs.expect("getOpenFileName", answer=lambda _shown: files.pop() if files else None, times=None)
    dialogs.expect("getSaveFileName", answer=None, times=None)
    dialogs.expect("about", times=None)
    not_windows = {_plain(QCoreApplication.translate("Menus", text)) for text in NOT_WINDOWS}
    passed_over: set[str] = set()
    menus = [a.menu() for a in window.menuBar().actions()]
    for menu in menus:
        assert isinstance(menu, QMenu)
        if isinstance(menu, ChatMenu):
            continue  # the open chat's switches (pin, archive…): no window
        menu.aboutToShow.emit()  # as opening it does: entries enabled or not for the moment
        entries: list[QAction] = [a for a in menu.actions() if not a.isSeparator() and a.menu() is None]
        for entry in entries:
            if _plain(entry.text()) in not_windows:
                passed_over.add(_plain(entry.text()))
                continue
            if not entry.isEnabled() or entry is window.find_action:
                continue
            before = set(QApplication.topLevelWidgets())
            entry.trigger()
            qtbot.waitUntil(lambda: pending_ops() == 0, timeout=10_000)
            for widget in QApplication.topLevelWidgets():
                if widget in before or not widget.isVisible() or isinstance(widget, QMenu):
                    continue
                look(widget)
    assert passed_over == not_windows  # the demo and Quit were found by their names, and never chosen
    return problems, seen


@pytest.fixture(params=["en", "en_US", "ko"])
def language(request: Any, qapp: QApplication) -> str:
    """Installed before the main window is made, so the window is in it from the start; en_US with
    its own spellings ("Open catalog"), whose letters must still be in its words."""
    if request.param == "ko":
        request.getfixturevalue("korean")
    elif request.param == "en_US":
        from ui.translations import install_translators

        install_translators(qapp, "en", "US")
    return str(request.param)


def test_every_window_the_menus_open_has_a_key_for_each_button(
    language: str, window: Any, qtbot: Any, dialogs: Any, tmp_path: Path
) -> None:
    problems, seen = walk_the_menus(window, qtbot, dialogs, tmp_path)
    assert problems == []
    assert {
        "ImportDialog",
        "SettingsDialog",
        "OrderBoard",
        "DepositDialog",
        "OrderExportDialog",
        "OrderSettingsDialog",
        "CatalogWindow",
        "QuickReplyManager",
        "LabelsManager",
        "CampaignWindow",
        "GreetingEditor",
        "AwayEditor",
        "BusinessHoursEditor",
        "BusinessProfileEditor",
        "BotEditor",
        "ShareLinkDialog",
        "ShortcutsDialog",
        "ImportHelpDialog",
        "RelayHelpDialog",
        "MovingHelpDialog",
    } <= set(seen), seen


def test_the_main_window_has_a_key_for_each_chip_button_and_banner(
    language: str, window: Any, ctx: Any, qtbot: Any
) -> None:
    """The main window itself, with all it shows only at times as if at once: the filter chips (and
    the number chip, the other number's unread, the "↑ N" pill), the contact panel's buttons and
    boxes, the composer's Choose template…, the quick replies' Add a quick reply…, the connection
    banner, the away, rules and kept-edits notices. Each has an Alt letter or a key of its own, and
    no letter is two parts' (a menu's included)."""
    from ui.menus import install_menus

    install_menus(window, ctx)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=10_000)
    window.kept_edits.offer("…")  # its Restore and Discard take letters when it shows
    # Buttons given their words only when they show: the away notice's way back from "always"
    # (its Alt+U was Record opt-out's too: only the keyboard moved), a two-number shop's Reply from.
    translate = QCoreApplication.translate
    window.away_notice.back.setText(translate("AwayNotice", "Back to your away hours"))
    composer = window.chat.composer
    composer.reply_elsewhere_button.setText(translate("Composer", "Rep&ly from {0}").format("02-555-0202"))
    parts, unreached = lettered_parts(window, hidden_too=True)
    assert unreached == []
    assert shared_letters(parts) == []
    assert icon_button_problems(window, hidden_too=True) == []
    # The connection banner's Retry took T (the template and opt-out buttons moved to P and U). Left
    # are J, N (the search's number box, hidden here, has it) and Z: no word of the rest has them. The
    # chips (Ctrl+1…3), Export chat… (its menu entry's keys), Also at night (Alt+Shift+N), Start
    # again (F5, as Retry, which it never shows beside), a full disk's Open folder (Alt+Shift+L: L is
    # Reply from's), the away notice's way back (Alt+Shift+U) and the kept changes' Discard
    # (Alt+Shift+D: the search's Period box took its D) have keys of their own; Tab reaches Saved name.
    assert mnemonic(window.banner.retry.text()) == "T"
    assert mnemonic(composer.reply_elsewhere_button.text()) == "L"
    panel = window.contact_panel
    saved = next(label for label in panel.findChildren(QLabel) if label.buddy() is panel.saved_name)
    chips = {chip.text() for chip in window.chat_list._chips.buttons()}
    keyed = chips | {
        panel.export.text(),
        panel.consent.night.text(),
        saved.text(),
        window.banner.start_again.text(),
        window.banner.open_folder.text(),
        window.away_notice.back.text(),
        window.kept_edits.discard_button.text(),
    }
    assert set(without_alt_letter(window, hidden_too=True)) <= keyed


def test_the_chips_banners_and_panel_say_their_keys_in_their_tooltips(
    window: Any, ctx: Any, qtbot: Any
) -> None:
    """A key with no letter underlined is found in the tooltip: "Unread chats (Ctrl+2)"."""
    from PySide6.QtGui import QKeySequence, QShortcut

    from ui.menus import install_menus

    install_menus(window, ctx)
    shown = [
        *window.chat_list._chips.buttons(),
        window.chat_list.label_chip,
        window.chat_list.number_chip,
        window.banner.retry,
        window.banner.start_again,
        window.banner.open_folder,
        window.away_notice.back,
    ]
    shown += [window.chat.resume_bot_button, window.contact_panel.export]
    for button in shown:
        held = button.findChildren(QShortcut, options=Qt.FindChildOption.FindDirectChildrenOnly)
        keys_of = [a.shortcut() for a in button.actions()] + [s.key() for s in held]
        (key,) = [k for k in keys_of if not k.isEmpty()]
        keys = key.toString(QKeySequence.SequenceFormat.NativeText)
        assert button.toolTip().endswith(f"({keys})"), (button.text(), button.toolTip())
    # A tool button given a key offers no menu of it (an action would: an arrow, and a menu).
    other_unread = window.chat_list.other_unread
    assert other_unread.actions() == [] and window.chat.resume_bot_button.actions() == []


def test_ctrl_and_a_chips_place_picks_that_filter(window: Any, ctx: Any, qtbot: Any) -> None:
    """Ctrl+2 lists the unread chats as a click on Unread does, Ctrl+3 the archived, Ctrl+1 all."""

    from ui.menus import install_menus

    install_menus(window, ctx)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=10_000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    chips = {chip.property("filter"): chip for chip in window.chat_list._chips.buttons()}
    for key, kind in ((Qt.Key.Key_2, "unread"), (Qt.Key.Key_3, "archived"), (Qt.Key.Key_1, "all")):
        qtbot.keyClick(window.chat_list.view, key, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda kind=kind: chips[kind].isChecked() and window.chat_list.model.kind == kind)


def test_the_composers_and_chats_icon_buttons_are_walked_named_with_their_keys(
    window: Any, ctx: Any, qtbot: Any
) -> None:
    """Emoji, attach, send, the reply's ✕ and the jump to the newest message show no words: the walk
    checks them, a screen reader says their names, and the tooltip says the key (Send's follows the
    Enter setting). An unnamed icon button added to the window is caught."""
    from PySide6.QtWidgets import QToolButton

    from tests.support.keyboard_reach import icon_only
    from ui import icons

    composer, view = window.chat.composer, window.chat.view
    view.jump_button.setText("3")  # new messages below: a count beside the arrow, still no words
    buttons = [composer.emoji_button, composer.attach_button, composer.send_button, composer.cancel_reply]
    assert all(icon_only(button) for button in [*buttons, view.jump_button])
    assert [b.accessibleName() for b in buttons] == ["Emoji", "Attach a file", "Send", "Cancel reply"]
    assert composer.send_button.toolTip() == "Send (Enter)"
    assert composer.cancel_reply.toolTip() == "Cancel reply (Esc)"  # the window's Esc cancels a reply
    composer.set_enter_sends(False)
    assert composer.send_button.toolTip() == "Send (Ctrl+Enter)" and not composer.edit.enter_sends
    assert icon_button_problems(window, hidden_too=True) == []

    nameless = QToolButton(window.chat)
    nameless.setIcon(icons.icon("attach"))
    nameless.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    assert len(icon_button_problems(window, hidden_too=True)) == 3  # no name, no tooltip, no way to it
