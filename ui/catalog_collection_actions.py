"""What the catalogue window does with collections: create, rename, delete, reorder, fill, empty."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from app.catalog_collections import (
    MAX_COLLECTION_NAME,
    add_items_to_collection,
    create_collection,
    delete_collection,
    list_collections,
    remove_items_from_collection,
    rename_collection,
    reorder_collections,
)
from app.errors import InvalidInput
from ui.context import AppContext
from ui.ops import failure_sentence

log = logging.getLogger(__name__)


class CollectionActions(QObject):
    """Asks the owner what is needed, changes the database, then emits `changed`."""

    changed = Signal()

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window

    def name_problem(self, name: str, collection_id: int | None) -> str:
        """Why a collection name cannot be used, in the UI language ("" when it can)."""
        clean = name.strip()
        if len(clean) > MAX_COLLECTION_NAME:
            return self.tr("A collection name can have at most {0} characters.").format(MAX_COLLECTION_NAME)
        with self.ctx.db.read() as session:
            taken = {c.name.casefold() for c in list_collections(session) if c.id != collection_id}
        if clean.casefold() in taken:
            return self.tr("There is already a collection called “{0}”.").format(clean)
        return ""

    def _usable(self, name: str, collection_id: int | None) -> bool:
        problem = self.name_problem(name, collection_id)
        if problem:
            QMessageBox.warning(self.window, self.tr("Collections"), problem)
        return not problem

    def create(self) -> None:
        name, ok = QInputDialog.getText(
            self.window, self.tr("New collection"), self.tr("Name of the collection:")
        )
        if ok and name.strip() and self._usable(name, None):
            self._change(lambda s: create_collection(s, name))

    def rename(self, collection_id: int) -> None:
        with self.ctx.db.read() as session:
            old = next((c.name for c in list_collections(session) if c.id == collection_id), "")
        name, ok = QInputDialog.getText(
            self.window, self.tr("Rename collection"), self.tr("New name:"), text=old
        )
        if ok and name.strip() and name != old and self._usable(name, collection_id):
            self._change(lambda s: rename_collection(s, collection_id, name))

    def delete(self, collection_id: int) -> bool:
        """After asking; True when the collection is gone."""
        answer = QMessageBox.question(
            self.window,
            self.tr("Delete collection"),
            self.tr("Delete this collection? Its items stay in the catalogue."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self._change(lambda s: delete_collection(s, collection_id))
        return True

    def reorder(self, ordered: list[int]) -> None:
        self._change(lambda s: reorder_collections(s, ordered))

    def add_items(self, collection_id: int, item_ids: Sequence[int]) -> None:
        self._change(lambda s: add_items_to_collection(s, collection_id, item_ids))

    def remove_items(self, collection_id: int, item_ids: Sequence[int]) -> None:
        self._change(lambda s: remove_items_from_collection(s, collection_id, item_ids))

    def _change(self, change: Callable[[Any], object]) -> None:
        try:
            with self.ctx.db.write() as session:
                change(session)
        except InvalidInput as exc:
            QMessageBox.warning(self.window, self.tr("Collections"), failure_sentence(exc))
        self.changed.emit()
