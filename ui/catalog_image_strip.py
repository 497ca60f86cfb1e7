"""The item form's pictures: up to 10, added by dialog or drag and drop, reordered by dragging."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from app.catalog_images import MAX_IMAGES_PER_ITEM
from ui.catalog_thumbs import ThumbnailCache
from ui.plain_tooltip import plain_tooltip

log = logging.getLogger(__name__)

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
ICON = 72


class ImageStrip(QListWidget):
    """Shows an item's images entries; emits `files_dropped` for new files (the form copies them in)."""

    files_dropped = Signal(list)  # list[Path]
    changed = Signal()

    def __init__(self, thumbs: ThumbnailCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.thumbs = thumbs
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setFlow(QListWidget.Flow.LeftToRight)
        self.setWrapping(True)
        self.setIconSize(QSize(ICON, ICON))
        self.setGridSize(QSize(ICON + 10, ICON + 10))
        self.setMovement(QListWidget.Movement.Snap)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAcceptDrops(True)
        self.setFixedHeight(ICON + 24)
        self.thumbs.ready.connect(self._thumb_ready)
        self.model().rowsMoved.connect(self._rows_moved)

    def _rows_moved(self, *_: object) -> None:
        self.changed.emit()

    def entries(self) -> list[str]:
        return [str(self.item(i).data(ENTRY_ROLE)) for i in range(self.count())]

    def set_entries(self, entries: list[str] | tuple[str, ...]) -> None:
        self.clear()
        for entry in entries:
            self._append(entry)

    def add_entries(self, entries: list[str]) -> int:
        """Append new entries (skipping ones already shown); returns how many did not fit."""
        present = set(self.entries())
        left_out = 0
        for entry in entries:
            if entry in present:
                continue
            if self.count() >= MAX_IMAGES_PER_ITEM:
                left_out += 1
                continue
            self._append(entry)
            present.add(entry)
        self.changed.emit()
        return left_out

    def remove_selected(self) -> None:
        for item in self.selectedItems():
            self.takeItem(self.row(item))
        self.changed.emit()

    def _append(self, entry: str) -> None:
        item = QListWidgetItem()
        item.setData(ENTRY_ROLE, entry)
        item.setToolTip(plain_tooltip(entry.rsplit("/", 1)[-1]))
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
        self._set_icon(item)
        self.addItem(item)

    def _set_icon(self, item: QListWidgetItem) -> None:
        pixmap = self.thumbs.pixmap(str(item.data(ENTRY_ROLE)), 160)
        if pixmap is None:
            placeholder = QPixmap(ICON, ICON)
            placeholder.fill(Qt.GlobalColor.lightGray)
            pixmap = placeholder
        item.setIcon(QIcon(pixmap))

    def _thumb_ready(self, entry: str) -> None:
        for i in range(self.count()):
            if self.item(i).data(ENTRY_ROLE) == entry:
                self._set_icon(self.item(i))

    # ------------------------------------------------------------------ drag and drop of files

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if event.mimeData().hasUrls():
            paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
            if paths:
                self.files_dropped.emit(paths)
            event.acceptProposedAction()
            return
        super().dropEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_selected()
            return
        super().keyPressEvent(event)
