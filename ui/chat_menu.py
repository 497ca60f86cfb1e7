"""The main window's Chat menu: what the chat list's own menu does, for the open chat, with keys.

An owner who answers from the keyboard pins, archives, labels and marks chats without leaving the
message field for the list (Shift+Tab eight times, then the menu key); the keys are WhatsApp
Desktop's where the inbox has not taken them (Ctrl+E archives, Ctrl+Shift+U marks unread). Start
order is the chat header's cart, which the keyboard reached only by Tab through the header.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from ui.main_window import MainWindow

translate = QCoreApplication.translate

CONTACT_INFO_KEYS = "Ctrl+Shift+I"
SEARCH_IN_CHAT_KEYS = "Ctrl+Shift+F"
PIN_KEYS = "Ctrl+Shift+P"
ARCHIVE_KEYS = "Ctrl+E"
UNREAD_KEYS = "Ctrl+Shift+U"
START_ORDER_KEYS = "Ctrl+Shift+N"  # a new order for the open chat
RESUME_BOT_KEYS = "Ctrl+Shift+B"  # the chat header's Resume bot, shown while the bot has handed over


class ChatMenu(QMenu):
    """Chat ▸ Contact info, Search in this chat, Start order, Pin, Archive, Mark as unread, Label chat ▸."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(translate("Menus", "&Chat"), window)
        self.window_ = window
        self.info = self._add(
            translate("Menus", "Contact &info"), window.toggle_contact_panel, CONTACT_INFO_KEYS
        )
        self.search = self._add(
            translate("Menus", "&Search in this chat"),
            lambda: window.open_search(this_chat=True),
            SEARCH_IN_CHAT_KEYS,
        )
        # The order actions are built after the menus (ui/menus.py): asked for when chosen.
        self.start_order = self._add(
            translate("Menus", "Start &order…"), lambda: window.orders.start_order(), START_ORDER_KEYS
        )
        self.addSeparator()
        # The chat list's own words (its menu's), so both menus read alike in every language.
        self.pin = self._add(translate("ChatList", "&Pin chat"), self._pin, PIN_KEYS)
        self.archive = self._add(translate("ChatList", "&Archive chat"), self._archive, ARCHIVE_KEYS)
        self.unread = self._add(translate("ChatList", "Mark as &unread"), self._unread, UNREAD_KEYS)
        self.labels = self.addMenu(translate("ChatList", "&Label chat"))
        self._label_ticks: dict[QAction, int] = {}
        self._new_label: QAction | None = None
        self.labels.aboutToShow.connect(self._fill_labels)
        self.labels.triggered.connect(self._label_chosen)
        self.aboutToShow.connect(self.refresh)
        window.chat.stack.currentChanged.connect(lambda _i: self.refresh())
        self.refresh()

    def _add(self, text: str, slot: object, keys: str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        # From the message field and the list alike: the whole window, not only the menu.
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        self.addAction(action)
        self.window_.addAction(action)
        return action

    def refresh(self) -> None:
        """Each command says what it would do to the open chat; greyed out while none is open."""
        row = self.window_.chat.conversation
        for action in (self.info, self.search, self.pin, self.archive, self.unread):
            action.setEnabled(row is not None)
        self.labels.setEnabled(row is not None)
        # A group archive from a phone export has nobody to order for (nor a cart in its header).
        self.start_order.setEnabled(row is not None and not row.group_archive)
        if row is None:
            return
        self.pin.setText(
            translate("ChatList", "Un&pin chat") if row.pinned else translate("ChatList", "&Pin chat")
        )
        self.archive.setText(
            translate("ChatList", "Un&archive chat")
            if row.archived
            else translate("ChatList", "&Archive chat")
        )
        self.unread.setText(
            translate("ChatList", "Mark as &read")
            if row.unread_count
            else translate("ChatList", "Mark as &unread")
        )

    def _pin(self) -> None:
        row = self.window_.chat.conversation
        if row is not None:
            self.window_.chat_list.set_flags(row.contact_id, pinned=not row.pinned)

    def _archive(self) -> None:
        row = self.window_.chat.conversation
        if row is not None:
            self.window_.chat_list.set_flags(row.contact_id, archived=not row.archived)

    def _unread(self) -> None:
        row = self.window_.chat.conversation
        if row is None:
            return
        if row.unread_count:
            self.window_.chat_list.mark_read(row)
        else:
            self.window_.chat_list.mark_unread(row)

    def _fill_labels(self) -> None:
        self.labels.clear()
        self._label_ticks, self._new_label = {}, None
        row = self.window_.chat.conversation
        if row is not None:
            self._label_ticks, self._new_label = self.window_.chat_list.fill_label_menu(self.labels, row)

    def _label_chosen(self, action: QAction) -> None:
        row = self.window_.chat.conversation
        if row is None:
            return
        if action in self._label_ticks:
            self.window_.chat_list.toggle_label(row.contact_id, self._label_ticks[action], action.isChecked())
        elif action is self._new_label:
            self.window_.chat_list.ask_new_label(row.contact_id)
