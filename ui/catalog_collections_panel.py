"""The catalogue window's collections pane: All items, then the shop's collections in its chosen order.

Collections are reordered by dragging, created/renamed/deleted with the buttons or the context menu, and
filled by dropping items from the catalogue onto them.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.catalog_collections import CollectionRow
from ui.catalog_model import ITEM_IDS_MIME
from ui.formatting import count_text
from ui.icon_buttons import press_with_keys

log = logging.getLogger(__name__)

RENAME_KEYS = "F2"
DELETE_KEYS = "Shift+Del"

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ALL_ITEMS = -1


class _CollectionList(QListWidget):
    """Reorders collections by drag; accepts catalogue items dropped on a collection."""

    items_dropped = Signal(int, list)  # collection id, item ids
    reordered = Signal(list)  # collection ids in their new order

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setAcceptDrops(True)

    def _target(self, pos: QPoint) -> int | None:
        item = self.itemAt(pos)
        if item is None:
            return None
        cid = int(item.data(ID_ROLE))
        return None if cid == ALL_ITEMS else cid

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(ITEM_IDS_MIME):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(ITEM_IDS_MIME):
            if self._target(event.position().toPoint()) is None:
                event.ignore()
            else:
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if event.mimeData().hasFormat(ITEM_IDS_MIME):
            target = self._target(event.position().toPoint())
            raw = bytes(event.mimeData().data(ITEM_IDS_MIME).data()).decode()
            ids = [int(x) for x in raw.split(",") if x]
            if target is not None and ids:
                self.items_dropped.emit(target, ids)
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            return
        super().dropEvent(event)
        # "All items" stays first whatever was dropped where.
        for i in range(self.count()):
            if int(self.item(i).data(ID_ROLE)) == ALL_ITEMS and i != 0:
                self.insertItem(0, self.takeItem(i))
        order = [int(self.item(i).data(ID_ROLE)) for i in range(self.count())]
        self.reordered.emit([cid for cid in order if cid != ALL_ITEMS])


class CollectionsPanel(QWidget):
    """Emits what the owner asks for; the catalogue window does it through app.catalog_collections."""

    selected = Signal(object)  # collection id, or None for all items
    create_requested = Signal()
    rename_requested = Signal(int)
    delete_requested = Signal(int)
    reordered = Signal(list)
    items_dropped = Signal(int, list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = _CollectionList()
        self.list.setAccessibleName(self.tr("Collections"))
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.add_button = QToolButton()
        self.add_button.setText("+")
        self.add_button.setToolTip(self.tr("New collection"))
        self.add_button.setAccessibleName(self.tr("New collection"))  # a screen reader said "plus"
        # Keys, not letters: the item form's fields and the toolbar hold every letter of both words.
        # F2 renames, as in a file manager; Delete alone is the selected items' (the toolbar's).
        self.rename_button = QToolButton()
        self.rename_button.setText(self.tr("Rename"))
        press_with_keys(self.rename_button, RENAME_KEYS, self.tr("Rename the collection"))
        self.delete_button = QToolButton()
        self.delete_button.setText(self.tr("Delete"))
        press_with_keys(self.delete_button, DELETE_KEYS, self.tr("Delete the collection"))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.rename_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

        self.list.currentItemChanged.connect(self._current_changed)
        self.list.items_dropped.connect(self.items_dropped)
        self.list.reordered.connect(self.reordered)
        self.list.customContextMenuRequested.connect(self._menu)
        self.add_button.clicked.connect(self.create_requested)
        self.rename_button.clicked.connect(self._rename_current)
        self.delete_button.clicked.connect(self._delete_current)
        self._update_buttons()

    def set_collections(self, collections: Sequence[CollectionRow], total: int, keep: int | None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        everything = QListWidgetItem(self.tr("All items ({0})").format(count_text(total)))
        everything.setData(ID_ROLE, ALL_ITEMS)
        everything.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.list.addItem(everything)
        current = everything
        for collection in collections:
            entry = QListWidgetItem(f"{collection.name} ({count_text(collection.item_count)})")
            entry.setData(ID_ROLE, collection.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsDragEnabled)
            entry.setFlags(entry.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
            self.list.addItem(entry)
            if collection.id == keep:
                current = entry
        self.list.setCurrentItem(current)
        self.list.blockSignals(False)
        self._update_buttons()

    def current_collection(self) -> int | None:
        item = self.list.currentItem()
        if item is None:
            return None
        cid = int(item.data(ID_ROLE))
        return None if cid == ALL_ITEMS else cid

    def select(self, collection_id: int | None) -> None:
        for i in range(self.list.count()):
            cid = int(self.list.item(i).data(ID_ROLE))
            if cid == (ALL_ITEMS if collection_id is None else collection_id):
                self.list.setCurrentRow(i)
                return

    def _current_changed(self, *_: object) -> None:
        self._update_buttons()
        self.selected.emit(self.current_collection())

    def _update_buttons(self) -> None:
        has = self.current_collection() is not None
        self.rename_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _rename_current(self) -> None:
        cid = self.current_collection()
        if cid is not None:
            self.rename_requested.emit(cid)

    def _delete_current(self) -> None:
        cid = self.current_collection()
        if cid is not None:
            self.delete_requested.emit(cid)

    def _menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("New collection…"), self.create_requested.emit)
        if self.current_collection() is not None:
            menu.addAction(self.tr("Rename…"), self._rename_current)
            menu.addAction(self.tr("Delete collection"), self._delete_current)
        menu.exec(self.list.viewport().mapToGlobal(pos))
