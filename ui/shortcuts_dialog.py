"""Help ▸ Keyboard shortcuts: every key the inbox window answers to, in the owner's words.

The menu commands are read from the window's own menus and the window-wide keys from its own
`QShortcut`s, so the list cannot drift from what the keys do; only the keys handled inside a widget
(the composer's Enter, `/` for quick replies, the chat's copy) are written out here. Keys are shown
as the platform writes them (Ctrl on Windows, ⌘ on macOS).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.automation_forms import REMOVE_HOURS_KEYS
from ui.away_notice import BACK_TO_HOURS_KEYS
from ui.bot_simulator import START_OVER_KEYS
from ui.chat_list import FILTER_CHIP_KEYS, NEW_ABOVE_KEYS, NUMBER_CHIP_KEYS, OTHER_NUMBERS_KEYS
from ui.chat_menu import RESUME_BOT_KEYS
from ui.connection_banner import OPEN_FOLDER_KEYS, RETRY_KEYS
from ui.consent_box import NIGHT_KEYS
from ui.kept_edits_strip import DISCARD_KEPT_KEYS
from ui.main_window import NEXT_CHAT_KEYS, PREVIOUS_CHAT_KEYS
from ui.panes import NEXT_PANE_KEYS, PREVIOUS_PANE_KEYS
from ui.screen_fit import resize_within_screen


def native(keys: QKeySequence | QKeySequence.StandardKey | str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def plain(text: str) -> str:
    """A menu's text without its mnemonic: "&File" → "File", "파일(&F)" → "파일", "&&" → "&"."""
    text = re.sub(r"\s*\(&\w\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def window_keys(window: QMainWindow, said: dict[str, str]) -> list[tuple[str, str]]:
    """(keys, what they do) for the window's own shortcuts (`ui/main_window.py` `_shortcuts`) that
    `said` (portable keys → words) describes; keys doing the same thing are listed once."""
    found: dict[str, str] = {}
    for shortcut in window.findChildren(QShortcut):
        keys = shortcut.key().toString(QKeySequence.SequenceFormat.PortableText)
        if shortcut.parent() is window and keys in said:
            found.setdefault(said[keys], native(keys))
    return [(keys, what) for what, keys in found.items()]


def menu_keys(window: QMainWindow) -> list[tuple[str, str]]:
    """(keys, command) for each menu command that has keys, in menu order, without the `&` marks."""
    rows: list[tuple[str, str]] = []

    def walk(menu: QMenu, path: str) -> None:
        for act in menu.actions():
            if act.menu() is not None:
                sub = act.menu()
                assert isinstance(sub, QMenu)
                walk(sub, f"{path} ▸ {plain(act.text())}")
            elif not act.shortcut().isEmpty() and act.isVisible():
                what = plain(act.text()).rstrip("…")
                rows.append((native(act.shortcut()), f"{path} ▸ {what}"))

    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, plain(top.text()))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, window: QMainWindow, *, enter_sends: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table = QTreeWidget()
        self.table.setColumnCount(2)
        self.table.setHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        self.table.setRootIsDecorated(False)
        self.table.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        # A Tab stop, its first key current: an owner with a screen reader reaches the keys with the
        # arrows, each row read whole. Without the keyboard she heard the Close button alone.
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.header().setStretchLastSection(True)

        # "Enter", as the key is labelled and as Settings names it (Qt would write the main one "Return").
        enter, ctrl_enter, shift_enter = native("Enter"), native("Ctrl+Enter"), native("Shift+Enter")
        chats = window_keys(
            window,
            {
                NEXT_CHAT_KEYS: self.tr("Next chat"),
                PREVIOUS_CHAT_KEYS: self.tr("Previous chat"),
                "Esc": self.tr("Close the search, the contact panel or a notice; cancel a reply"),
                NEXT_PANE_KEYS: self.tr("Next pane: chats, messages, message field, contact panel"),
                PREVIOUS_PANE_KEYS: self.tr("Previous pane"),
            },
        )
        # The messages' own key (ui/chat_view.py keyPressEvent), as a click on a bubble's card.
        chats.append(
            (enter, self.tr("On a message: open its photo, file or order, or the message it answers"))
        )
        # The chips', the pill's and the banner's keys (their buttons carry them, ui/chat_list.py).
        first_chip, *_, last_chip = FILTER_CHIP_KEYS
        chip_keys = f"{native(first_chip)} … {native(last_chip)}"
        chats += [
            (chip_keys, self.tr("Chat list: All, Unread, Archived, Labels")),
            (native(NUMBER_CHIP_KEYS), self.tr("Chat list: the chats to one of your numbers, or to all")),
            (native(OTHER_NUMBERS_KEYS), self.tr("Chat list: your other number's unread chats")),
            (native(NEW_ABOVE_KEYS), self.tr("Chat list: show the chats with new messages at the top")),
            (native(RETRY_KEYS), self.tr("Not connected: try again now (or Start again, where it says so)")),
            (native(OPEN_FOLDER_KEYS), self.tr("Disk full: open the folder that holds your inbox")),
            (native(BACK_TO_HOURS_KEYS), self.tr("Away message on at all hours: back to its hours")),
            (native(DISCARD_KEPT_KEYS), self.tr("Changes kept from before the app closed: discard them")),
            (native(RESUME_BOT_KEYS), self.tr("Let the menu bot answer the open chat again")),
            (native(NIGHT_KEYS), self.tr("Contact info: agreed to marketing messages at night too")),
        ]
        writing = [
            (enter if enter_sends else ctrl_enter, self.tr("Send the message")),
            (
                shift_enter if enter_sends else enter,
                self.tr("New line in the message (Settings ▸ Enter sends the message)"),
            ),
            ("/", self.tr("Quick replies: type / and a few letters, then Enter or Tab to insert")),
            ("#", self.tr("Catalogue: type # at the start of a word to pick items to send")),
            *window_keys(window, {"Ctrl+R": self.tr("Reply to the selected message")}),
            (native(QKeySequence.StandardKey.Copy), self.tr("Copy the selected messages")),
        ]
        # The Shop menu's message, hours, profile and menu bot windows (ui/automation_dialog.py),
        # the catalogue's item and the quick replies (ui/window_keys.py save_with_keys).
        settings = [
            (
                native(QKeySequence.StandardKey.Save),
                self.tr(
                    "Save, in the catalogue, quick replies, greeting, away message and other Shop windows"
                ),
            ),
            (
                native(QKeySequence.StandardKey.New),
                self.tr("Business hours: add hours to the day the cursor is in"),
            ),
            (native(REMOVE_HOURS_KEYS), self.tr("Business hours: remove the hours the cursor is in")),
            (native(START_OVER_KEYS), self.tr("Menu bot: start the simulated chat over")),
        ]
        self._group(self.tr("Chats"), chats)
        self._group(self.tr("Writing"), writing)
        self._group(self.tr("Shop windows"), settings)
        self._group(self.tr("Menus"), menu_keys(window))
        self.table.expandAll()
        group = self.table.topLevelItem(0)
        if group is not None and (first := group.child(0)) is not None:
            self.table.setCurrentItem(first)
        # The longest keys ("Ctrl+Shift+Tab") ran into their words ("Previous chat") with the
        # column just as wide as they are: two spaces keep them apart.
        header = self.table.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(
            0, self.table.sizeHintForColumn(0) + self.table.fontMetrics().horizontalAdvance("  ")
        )

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        wanted = QSize(max(580, self._whole_width(layout)), max(460, self._whole_height(layout, buttons)))
        resize_within_screen(self, wanted)

    def _whole_width(self, layout: QVBoxLayout) -> int:
        """The width that shows every row whole: at a fixed 580 pixels the longest ("Save, in the
        greeting, away message, business hours, profile and menu bot windows") ended in "men…"."""
        metrics = self.table.fontMetrics()
        what = max((metrics.horizontalAdvance(text) for _, text in self.rows()), default=0)
        margins = layout.contentsMargins()
        around = margins.left() + margins.right()
        scroll_bar = self.table.verticalScrollBar().sizeHint().width()
        # The delegate's margins each side of both cells, and the list's frame.
        padding = 4 * self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 16
        frame = 2 * self.table.frameWidth()
        return self.table.header().sectionSize(0) + what + padding + frame + scroll_bar + around

    def _whole_height(self, layout: QVBoxLayout, buttons: QDialogButtonBox) -> int:
        """The height that shows every row without a scroll bar: at a fixed 460 pixels the owner
        scrolled for the menus' keys on a 1280×720 screen that had room for them all."""
        rows = self.table.topLevelItemCount() + len(self.rows())
        row = max(self.table.sizeHintForRow(0), self.table.fontMetrics().height())
        margins = layout.contentsMargins()
        around = margins.top() + margins.bottom() + layout.spacing()
        table = self.table.header().sizeHint().height() + rows * row + 2 * self.table.frameWidth()
        return table + buttons.sizeHint().height() + around

    def _group(self, title: str, rows: list[tuple[str, str]]) -> None:
        head = QTreeWidgetItem(self.table, [title])
        font = head.font(0)
        font.setBold(True)
        head.setFont(0, font)
        head.setFirstColumnSpanned(True)
        for keys, what in rows:
            row = QTreeWidgetItem(head, [keys, what])
            # The row is current by its first cell: a screen reader says both ("Ctrl+Tab: Next chat").
            row.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{keys}: {what}")
            # Whole in its tooltip too, for a screen too narrow to show it.
            row.setToolTip(1, what)

    def rows(self) -> list[tuple[str, str]]:
        """(keys, what they do) as listed, for tests and screen readers' sake."""
        out: list[tuple[str, str]] = []
        for g in range(self.table.topLevelItemCount()):
            head = self.table.topLevelItem(g)
            assert head is not None
            for i in range(head.childCount()):
                child = head.child(i)
                assert child is not None
                out.append((child.text(0), child.text(1)))
        return out
