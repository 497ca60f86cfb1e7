"""The chat list pane: filter chips (All, Unread, Archived, a label) over the list of conversations."""

from __future__ import annotations

import logging

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QListView,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.queries import ConversationRow, labels, set_flags, set_label
from ui.chat_list_delegate import ChatListDelegate
from ui.chat_list_model import ChatListModel, ChatRole
from ui.context import AppContext
from ui.labels_manager import label_display_name
from ui.ops import run_op

log = logging.getLogger(__name__)


class ChatList(QWidget):
    """Emits `chat_selected(contact_id)` when the owner picks a conversation."""

    chat_selected = Signal(int)
    flags_changed = Signal(int)  # contact id whose pin/archive changed

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = ChatListModel(ctx, self)
        self.view = QListView(self)
        self.view.setObjectName("chatListView")
        self.view.setAccessibleName(self.tr("Chats"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(ChatListDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setMouseTracking(True)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setFrameShape(QListView.Shape.NoFrame)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        # Selection, not the current index: a list that gets the keyboard focus makes its first row
        # current on its own, and that must not open (and mark read) a chat nobody picked.
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

        self._chips = QButtonGroup(self)
        self._chips.setExclusive(True)
        bar = QHBoxLayout()
        bar.setContentsMargins(10, 6, 10, 6)
        bar.setSpacing(6)
        for key, text in (
            ("all", self.tr("All")),
            ("unread", self.tr("Unread")),
            ("archived", self.tr("Archived")),
        ):
            chip = QPushButton(text, self)
            chip.setObjectName("filterChip")
            chip.setCheckable(True)
            chip.setProperty("filter", key)
            chip.setCursor(Qt.CursorShape.PointingHandCursor)
            self._chips.addButton(chip)
            bar.addWidget(chip)
            if key == "all":
                chip.setChecked(True)
        self.label_chip = QToolButton(self)
        self.label_chip.setObjectName("filterChip")
        self.label_chip.setText(self.tr("Labels"))
        self.label_chip.setCheckable(True)
        self.label_chip.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.label_chip.setCursor(Qt.CursorShape.PointingHandCursor)
        self._last_selected: int | None = None
        self._label_menu = QMenu(self)
        self.label_chip.setMenu(self._label_menu)
        self._chips.addButton(self.label_chip)
        bar.addWidget(self.label_chip)
        bar.addStretch(1)
        self._chips.buttonClicked.connect(self._chip_clicked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self._rebuild_label_menu()

    # ----------------------------------------------------------------- filters
    def _rebuild_label_menu(self) -> None:
        self._label_menu.clear()
        with self.ctx.db.read() as s:
            rows = labels(s)
        group = QActionGroup(self._label_menu)
        for lab in rows:
            shown = label_display_name(lab.name)
            action = QAction(shown, self._label_menu)
            action.setCheckable(True)
            action.setChecked(self.model.label_id == lab.id)
            action.setData(lab.id)
            group.addAction(action)
            self._label_menu.addAction(action)
            action.triggered.connect(lambda _=False, lid=lab.id, name=shown: self._pick_label(lid, name))

    def _pick_label(self, label_id: int, name: str) -> None:
        self.label_chip.setChecked(True)
        self.label_chip.setText(name)
        self.model.set_filter("all", label_id)
        self._reselect()

    def _chip_clicked(self, button: QPushButton | QToolButton) -> None:
        if button is self.label_chip:
            return
        self.label_chip.setText(self.tr("Labels"))
        key = button.property("filter")
        self.model.set_filter(key if key in ("all", "unread", "archived") else "all", None)
        self._reselect()

    def set_filter(self, kind: str, label_id: int | None = None) -> None:
        for b in self._chips.buttons():
            if b.property("filter") == kind and label_id is None:
                b.setChecked(True)
        self.model.set_filter(kind if kind in ("all", "unread", "archived") else "all", label_id)  # type: ignore[arg-type]

    # ----------------------------------------------------------------- selection
    def load(self) -> None:
        self.model.reload()

    def _selection_changed(self, *_: object) -> None:
        chosen = self.view.selectionModel().selectedIndexes()
        if chosen:
            self._last_selected = int(chosen[0].data(ChatRole.CONTACT_ID))
            self.chat_selected.emit(self._last_selected)

    def current_contact(self) -> int | None:
        idx = self.view.currentIndex()
        return int(idx.data(ChatRole.CONTACT_ID)) if idx.isValid() else None

    def select_contact(self, contact_id: int) -> bool:
        """Make `contact_id` current (emits chat_selected when it changes); False if not in the list."""
        pos = self.model.position_of(contact_id)
        if pos is None:
            return False
        self.view.setCurrentIndex(self.model.index(pos))
        self.view.scrollTo(self.model.index(pos))
        return True

    def _reselect(self) -> None:
        if self._last_selected is not None:
            self.select_contact(self._last_selected)

    def step(self, delta: int) -> None:
        """Next/previous chat (Ctrl+Tab / Ctrl+Shift+Tab), wrapping around."""
        count = self.model.rowCount()
        if not count:
            return
        idx = self.view.currentIndex()
        row = (idx.row() + delta) % count if idx.isValid() else 0
        self.view.setCurrentIndex(self.model.index(row))

    # ----------------------------------------------------------------- context menu
    def _context_menu(self, pos: QPoint) -> None:
        idx = self.view.indexAt(pos)
        if not idx.isValid():
            return
        row: ConversationRow = idx.data(ChatRole.ROW)
        menu = QMenu(self)
        pin = menu.addAction(self.tr("Unpin chat") if row.pinned else self.tr("Pin chat"))
        archive = menu.addAction(self.tr("Unarchive chat") if row.archived else self.tr("Archive chat"))
        label_menu = menu.addMenu(self.tr("Label chat"))
        on = {label.id for label in row.labels}
        with self.ctx.db.read() as s:
            all_labels = labels(s)
        toggles = {}
        for label in all_labels:
            action = label_menu.addAction(label_display_name(label.name))
            action.setCheckable(True)
            action.setChecked(label.id in on)
            toggles[action] = label.id
        chosen = menu.exec(self.view.viewport().mapToGlobal(pos))
        if chosen is pin:
            self.set_flags(row.contact_id, pinned=not row.pinned)
        elif chosen is archive:
            self.set_flags(row.contact_id, archived=not row.archived)
        elif chosen in toggles:
            self.toggle_label(row.contact_id, toggles[chosen], chosen.isChecked())

    def toggle_label(self, contact_id: int, label_id: int, on: bool) -> None:
        """Apply or remove one label from the chat list's menu (off the GUI thread)."""

        def work() -> int:
            with self.ctx.db.write() as s:
                set_label(s, contact_id, label_id, on)
            return contact_id

        run_op(work, lambda cid: self.flags_changed.emit(cid), parent=self)

    def set_flags(self, contact_id: int, **flags: bool) -> None:
        def work() -> int:
            with self.ctx.db.write() as s:
                set_flags(s, contact_id, **flags)
            return contact_id

        run_op(work, lambda cid: self.flags_changed.emit(cid), parent=self)
