"""What the catalogue window does with collections: create, rename, delete, reorder, fill, empty (as ops)."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.catalog_collections import MAX_COLLECTION_NAME, CollectionRow
from app.catalog_edits import (
    add_collection,
    add_to_collection,
    delete_catalog_collection,
    remove_from_collection,
    rename_catalog_collection,
    reorder_catalog_collections,
)
from app.changes import Changes
from ui import message_box
from ui.confirm import confirm
from ui.context import AppContext
from ui.ops import failure_sentence, run_op
from ui.text_prompt import ask_text

log = logging.getLogger(__name__)


class CollectionActions(QObject):
    """Asks the owner what is needed, changes the database in an op, then emits `changed(Changes)`."""

    changed = Signal(object)  # Changes, for the window to publish

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        # The collections the window shows now (names are checked against them before asking app/).
        self.known: list[CollectionRow] = []

    def name_problem(self, name: str, collection_id: int | None) -> str:
        """Why a collection name cannot be used, in the UI language ("" when it can)."""
        clean = name.strip()
        if len(clean) > MAX_COLLECTION_NAME:
            return self.tr("A collection name can have at most {0} characters.").format(MAX_COLLECTION_NAME)
        taken = {c.name.casefold() for c in self.known if c.id != collection_id}
        if clean.casefold() in taken:
            return self.tr("There is already a collection called “{0}”.").format(clean)
        return ""

    def _usable(self, name: str, collection_id: int | None) -> bool:
        problem = self.name_problem(name, collection_id)
        if problem:
            message_box.warning(self.window, self.tr("Collections"), problem)
        return not problem

    def create(self) -> None:
        name, ok = ask_text(self.window, self.tr("New collection"), self.tr("&Name of the collection:"))
        if ok and name.strip() and self._usable(name, None):
            db = self.ctx.db
            run_op(
                lambda: add_collection(db, name)[1],
                self.changed.emit,
                parent=self.window,
                on_failure=self._refused,
                writes=True,
            )

    def rename(self, collection_id: int) -> None:
        old = next((c.name for c in self.known if c.id == collection_id), "")
        name, ok = ask_text(self.window, self.tr("Rename collection"), self.tr("&New name:"), text=old)
        if ok and name.strip() and name != old and self._usable(name, collection_id):
            db = self.ctx.db
            run_op(
                lambda: rename_catalog_collection(db, collection_id, name),
                self.changed.emit,
                parent=self.window,
                on_failure=self._refused,
                writes=True,
            )

    def delete(self, collection_id: int) -> bool:
        """After asking; True when the collection is gone."""
        if not confirm(
            self.window,
            self.tr("Delete collection"),
            self.tr("Delete this collection? Its items stay in the catalogue."),
            self.tr("&Delete"),
        ):
            return False
        db = self.ctx.db
        run_op(
            lambda: delete_catalog_collection(db, collection_id),
            self.changed.emit,
            parent=self.window,
            on_failure=self._refused,
            writes=True,
        )
        return True

    def reorder(self, ordered: list[int]) -> None:
        db = self.ctx.db
        run_op(
            lambda: reorder_catalog_collections(db, ordered),
            self.changed.emit,
            parent=self.window,
            on_failure=self._refused,
            writes=True,
        )

    def add_items(self, collection_id: int, item_ids: Sequence[int]) -> None:
        db, ids = self.ctx.db, list(item_ids)
        run_op(
            lambda: add_to_collection(db, collection_id, ids),
            self.changed.emit,
            parent=self.window,
            on_failure=self._refused,
            writes=True,
        )

    def remove_items(self, collection_id: int, item_ids: Sequence[int]) -> None:
        db, ids = self.ctx.db, list(item_ids)
        run_op(
            lambda: remove_from_collection(db, collection_id, ids),
            self.changed.emit,
            parent=self.window,
            on_failure=self._refused,
            writes=True,
        )

    def _refused(self, exc: BaseException) -> None:
        message_box.warning(self.window, self.tr("Collections"), failure_sentence(exc))
        self.changed.emit(Changes(collections=True))  # show the collections as they are
