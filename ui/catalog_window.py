"""The catalogue window: collections, a searchable grid or list of items, and the item form.

Open it with `CatalogWindow(ctx).show()`. Reads are short indexed queries over a shop-sized table (a
few hundred rows), so they run on the GUI thread; CSV import/export, picture copying and thumbnails run
in workers. Deleting is undoable (Ctrl+Z, or the Undo button in the status bar).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QWidget,
)

from app.catalog import (
    DeletedItem,
    ItemDraft,
    ItemInvalid,
    SortKey,
    count_items,
    create_item,
    delete_items,
    duplicate_item,
    get_item,
    item_list,
    prune_unused_images,
    restore_items,
    set_hidden,
    update_item,
)
from app.catalog_collections import list_collections
from app.catalog_messages import META_CATALOG_SETTING, meta_catalog_id
from app.errors import InvalidInput
from app.settings import put_setting
from app.stock import sold_out_items
from ui.catalog_collection_actions import CollectionActions
from ui.catalog_collections_panel import CollectionsPanel
from ui.catalog_csv_actions import choose_and_export, choose_and_import
from ui.catalog_delegate import CatalogDelegate
from ui.catalog_item_form import ItemForm
from ui.catalog_model import CatalogModel
from ui.catalog_thumbs import ThumbnailCache
from ui.context import AppContext
from ui.formatting import babel_locale_name
from ui.ops import failure_sentence, run_op
from ui.window_keys import close_with_keys

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 150


def _log_prune_failure(exc: BaseException) -> None:
    log.warning("pruning unused catalogue images failed: %s", exc)


class _DeleteItems(QUndoCommand):
    """Deleting items; undo puts them back with the same ids, codes and collections."""

    def __init__(self, window: CatalogWindow, item_ids: list[int], text: str) -> None:
        super().__init__(text)
        self.window = window
        self.item_ids = item_ids
        self.deleted: list[DeletedItem] = []

    def redo(self) -> None:
        with self.window.ctx.db.write() as session:
            self.deleted = delete_items(session, self.item_ids)
        self.window.reload()

    def undo(self) -> None:
        try:
            with self.window.ctx.db.write() as session:
                restore_items(session, self.deleted)
        except InvalidInput as exc:
            QMessageBox.warning(
                self.window,
                QCoreApplication.translate("CatalogWindow", "Cannot undo"),
                failure_sentence(exc),
            )
            return
        self.window.reload(select=[d.row.id for d in self.deleted])


class CatalogWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Catalogue"))
        self.resize(1180, 720)
        self.undo_stack = QUndoStack(self)
        self._leaving_form = False
        self.thumbs = ThumbnailCache(ctx.paths.catalog_dir, self)
        self.model = CatalogModel(babel_locale_name(), self)
        self.delegate = CatalogDelegate(self.thumbs, self)
        self.delegate.hidden_text = self.tr("Hidden")
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)

        self.collections = CollectionsPanel()
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(self.delegate)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setMouseTracking(True)
        self.view.setUniformItemSizes(True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.empty = QLabel(self.view.viewport())
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.form = ItemForm(self.thumbs, ctx.paths.catalog_dir)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setMinimumWidth(380)

        splitter = QSplitter()
        splitter.addWidget(self.collections)
        splitter.addWidget(self.view)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([190, 600, 390])
        self.setCentralWidget(splitter)
        self._build_toolbar()
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.hide()
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.statusBar().addPermanentWidget(self.undo_button)

        self.thumbs.ready.connect(self.model.refresh_image)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.customContextMenuRequested.connect(self._item_menu)
        self.form.save_requested.connect(self.save_form)
        self.form.revert.clicked.connect(self._show_current)
        self.collections.selected.connect(self._collection_selected)
        self.collection_actions = CollectionActions(ctx, self)
        self.collection_actions.changed.connect(self._collections_changed)
        self.collections.create_requested.connect(self.collection_actions.create)
        self.collections.rename_requested.connect(self.collection_actions.rename)
        self.collections.delete_requested.connect(self._delete_collection)
        self.collections.reordered.connect(self.collection_actions.reorder)
        self.collections.items_dropped.connect(self.collection_actions.add_items)
        self.undo_stack.indexChanged.connect(self._update_actions)
        self.set_grid(True)
        self.reload()
        self.new_item()

    # ------------------------------------------------------------------ building

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Catalogue"))
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(bar)
        self.new_action = self._action(self.tr("New item"), self.new_item, QKeySequence.StandardKey.New)
        self.duplicate_action = self._action(self.tr("Duplicate"), self.duplicate_selected, "Ctrl+D")
        self.delete_action = self._action(
            self.tr("Delete"), self.delete_selected, QKeySequence.StandardKey.Delete
        )
        self.hide_action = self._action(self.tr("Hide"), self.toggle_hidden, "Ctrl+H")
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.addActions([self.undo_action, self.redo_action])
        self.import_action = self._action(self.tr("Import CSV…"), self.import_csv)
        self.export_action = self._action(self.tr("Export CSV…"), self.export_csv)
        self.share_action = self._action(self.tr("Share link…"), self.share_link)
        self.meta_action = self._action(self.tr("Meta catalogue…"), self.set_meta_catalog)
        for action in (self.new_action, self.duplicate_action, self.delete_action, self.hide_action):
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(self.import_action)
        bar.addAction(self.export_action)
        bar.addAction(self.share_action)
        bar.addAction(self.meta_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name or item code"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(100)
        self.search.setMinimumWidth(240)
        self.search.textChanged.connect(self._search_changed)
        self._action(self.tr("Find"), self.search.setFocus, QKeySequence.StandardKey.Find)
        bar.addWidget(self.search)
        self.sort = QComboBox()
        self.sort.addItem(self.tr("Sort by name"), "name")
        self.sort.addItem(self.tr("Sort by price"), "price")
        self.sort.addItem(self.tr("Recently changed"), "recent")
        self.sort.currentIndexChanged.connect(self._sort_changed)
        bar.addWidget(self.sort)
        self.view_mode = QComboBox()
        self.view_mode.addItem(self.tr("Grid"), True)
        self.view_mode.addItem(self.tr("List"), False)
        self.view_mode.currentIndexChanged.connect(self._view_mode_changed)
        bar.addWidget(self.view_mode)
        # A way out even without a window manager's title bar (Esc and Ctrl+W do the same).
        bar.addSeparator()
        close = QAction(self.tr("Close"), self)
        close.triggered.connect(self.close)
        bar.addAction(close)
        close_with_keys(self)

    def set_grid(self, grid: bool) -> None:
        self.delegate.grid = grid
        if grid:
            self.view.setViewMode(QListView.ViewMode.IconMode)
            self.view.setResizeMode(QListView.ResizeMode.Adjust)
            self.view.setMovement(QListView.Movement.Static)
            self.view.setFlow(QListView.Flow.LeftToRight)
            self.view.setWrapping(True)
            self.view.setSpacing(2)
            tile = self.delegate.tile_size(self.view.font())
            self.view.setGridSize(QSize(tile.width() + 6, tile.height() + 4))
        else:
            self.view.setViewMode(QListView.ViewMode.ListMode)
            self.view.setFlow(QListView.Flow.TopToBottom)
            self.view.setWrapping(False)
            self.view.setSpacing(0)
            self.view.setGridSize(QSize())
        self.view.setDragEnabled(True)
        self.view.doItemsLayout()

    # ------------------------------------------------------------------ loading

    @property
    def sort_key(self) -> SortKey:
        value = self.sort.currentData()
        return value if value in ("name", "price", "recent") else "name"

    def reload(self, select: list[int] | None = None) -> None:
        """Read the items for the current search, sort and collection; keep or set the selection."""
        keep = select if select is not None else self.selected_ids()
        collection = self.collections.current_collection()
        with self.ctx.db.read() as session:
            rows = item_list(session, self.search.text(), self.sort_key, collection_id=collection)
            collections = list_collections(session)
            total = count_items(session)
            sold_out = frozenset(sold_out_items(session))
        self.model.set_rows(rows, sold_out)
        self.collections.set_collections(collections, total, collection)
        self.form.set_collections(collections, self.form.checked_collections())
        self._select_ids(keep)
        self._update_empty(total)
        self._update_actions()

    def _update_empty(self, total: int) -> None:
        if self.model.rowCount():
            self.empty.hide()
            return
        if total == 0:
            self.empty.setText(
                self.tr("Your catalogue is empty.\nAdd an item, or import a CSV file from Excel or Meta.")
            )
        else:
            self.empty.setText(self.tr("No items match."))
        self.empty.resize(self.view.viewport().size())
        self.empty.show()

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedIndexes())
        return [self.model.item(r).id for r in rows if r < self.model.rowCount()]

    def _select_ids(self, ids: list[int]) -> None:
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        selection.clearSelection()
        first: QModelIndex | None = None
        for item_id in ids:
            row = self.model.row_for_id(item_id)
            if row >= 0:
                index = self.model.index(row)
                selection.select(index, QItemSelectionModel.SelectionFlag.Select)
                first = first or index
        if first is not None:
            selection.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.view.scrollTo(first)
        selection.blockSignals(False)
        self._selection_changed()

    def _selection_changed(self, *_: object) -> None:
        ids = self.selected_ids()
        if len(ids) == 1 and ids[0] != self.form.item_id:
            if self.confirm_leaving_form():
                self._show_item(ids[0])
            elif self.form.item_id is not None:
                self._select_quietly(self.form.item_id)
        self._update_actions()

    def _select_quietly(self, item_id: int) -> None:
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        selection.clearSelection()
        row = self.model.row_for_id(item_id)
        if row >= 0:
            selection.select(self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        selection.blockSignals(False)
        self.view.viewport().update()

    def confirm_leaving_form(self) -> bool:
        """Unsaved edits are saved, dropped or kept as the owner says; False means stay on the form."""
        if not self.form.is_dirty():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to this item?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            self._leaving_form = True
            try:
                self.form.request_save()
            finally:
                self._leaving_form = False
            return not self.form.is_dirty()
        return answer == QMessageBox.StandardButton.Discard

    def _show_item(self, item_id: int) -> None:
        with self.ctx.db.read() as session:
            row = get_item(session, item_id)
            collections = list_collections(session)
        self.form.load(row, collections, self.ctx.currency)

    def _show_current(self) -> None:
        if self.form.item_id is not None:
            self._show_item(self.form.item_id)

    def _search_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _sort_changed(self, _index: int) -> None:
        self.reload()

    def _collection_selected(self, _collection_id: object) -> None:
        self.reload()

    def _view_mode_changed(self, _index: int) -> None:
        self.set_grid(bool(self.view_mode.currentData()))

    def _update_actions(self, *_: object) -> None:
        ids = self.selected_ids()
        self.duplicate_action.setEnabled(bool(ids))
        self.delete_action.setEnabled(bool(ids))
        self.hide_action.setEnabled(bool(ids))
        hidden = bool(ids) and all(bool(self.model.item(self.model.row_for_id(i)).hidden) for i in ids)
        self.hide_action.setText(self.tr("Show") if hidden else self.tr("Hide"))
        self.undo_button.setVisible(self.undo_stack.canUndo())

    # ------------------------------------------------------------------ item actions

    def new_item(self) -> None:
        if not self.confirm_leaving_form():
            return
        self._start_new_item()

    def _start_new_item(self) -> None:
        self.view.selectionModel().blockSignals(True)
        self.view.clearSelection()
        self.view.selectionModel().blockSignals(False)
        self.view.viewport().update()
        with self.ctx.db.read() as session:
            collections = list_collections(session)
        current = self.collections.current_collection()
        self.form.load(None, collections, self.ctx.currency)
        if current is not None:
            self.form.set_collections(collections, [current])
        self.form.name.setFocus()

    def save_form(self, draft: ItemDraft) -> None:
        try:
            with self.ctx.db.write() as session:
                if self.form.item_id is None:
                    item_id = create_item(session, draft)
                else:
                    item_id = self.form.item_id
                    update_item(session, item_id, draft)
        except ItemInvalid as exc:
            self.form.show_error(exc.field, self.form.problem_text(exc))
            return
        except InvalidInput as exc:
            self.form.show_error("", failure_sentence(exc))
            return
        self.form.saved(item_id)
        if self._leaving_form:
            self.reload()  # keeps the selection the owner just clicked
        else:
            self.reload(select=[item_id])
            self._show_item(item_id)
        self.statusBar().showMessage(self.tr("Saved."), 3000)

    def duplicate_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        with self.ctx.db.write() as session:
            copies = [duplicate_item(session, i, self.tr(" (copy)")) for i in ids]
        self.reload(select=copies)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if len(ids) == 1:
            text = self.tr("Deleted “{0}”.").format(self.model.item(self.model.row_for_id(ids[0])).name)
        else:
            text = self.tr("Deleted {0} items.").format(len(ids))
        self.undo_stack.push(_DeleteItems(self, ids, text))
        self._start_new_item()
        self.statusBar().showMessage(text + " " + self.tr("Ctrl+Z brings it back."), 10000)

    def toggle_hidden(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        hide = self.hide_action.text() == self.tr("Hide")
        with self.ctx.db.write() as session:
            set_hidden(session, ids, hide)
        self.reload(select=ids)
        self.form.item_id = None  # reload the form with the new state
        self._selection_changed()

    def _item_menu(self, pos: QPoint) -> None:
        if not self.selected_ids():
            return
        menu = QMenu(self)
        menu.addAction(self.duplicate_action)
        menu.addAction(self.hide_action)
        menu.addAction(self.delete_action)
        with self.ctx.db.read() as session:
            collections = list_collections(session)
        if collections:
            add_menu = menu.addMenu(self.tr("Add to collection"))
            for collection in collections:
                add_menu.addAction(collection.name, partial(self._add_selected_to, collection.id))
        current = self.collections.current_collection()
        if current is not None:
            menu.addAction(self.tr("Remove from this collection"), self._remove_from_current)
        menu.addSeparator()
        menu.addAction(self.share_action)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    # ------------------------------------------------------------------ collections

    def _collections_changed(self) -> None:
        self.reload()

    def _delete_collection(self, collection_id: int) -> None:
        if self.collection_actions.delete(collection_id):
            self.collections.select(None)

    def _add_selected_to(self, collection_id: int) -> None:
        self.collection_actions.add_items(collection_id, self.selected_ids())

    def _remove_from_current(self) -> None:
        current = self.collections.current_collection()
        ids = self.selected_ids()
        if current is not None and ids:
            self.collection_actions.remove_items(current, ids)

    # ------------------------------------------------------------------ files and sharing

    def import_csv(self) -> None:
        choose_and_import(self, self.ctx, self.reload)

    def export_csv(self) -> None:
        choose_and_export(self, self.ctx)

    def share_link(self) -> None:
        from ui.share_link_dialog import ShareLinkDialog

        ids = self.selected_ids()
        item = None
        if len(ids) == 1:
            with self.ctx.db.read() as session:
                item = get_item(session, ids[0])
        ShareLinkDialog(self.ctx, item=item, parent=self).exec()

    def set_meta_catalog(self) -> None:
        """The id of the shop's catalogue in Meta Commerce Manager: items then go as product messages."""
        with self.ctx.db.read() as session:
            current = meta_catalog_id(session) or ""
        value, ok = QInputDialog.getText(
            self,
            self.tr("Meta catalogue"),
            self.tr(
                "If your items are also in a Meta Commerce Manager catalogue connected to your WhatsApp "
                "number, enter its catalogue id: items are then sent as WhatsApp product messages.\n"
                "Leave it empty to send pictures with name and price instead."
            ),
            text=current,
        )
        if not ok:
            return
        value = value.strip()
        if value and not value.isdigit():
            QMessageBox.warning(
                self, self.tr("Meta catalogue"), self.tr("A catalogue id is made of digits only.")
            )
            return
        with self.ctx.db.write() as session:
            put_setting(session, META_CATALOG_SETTING, value or None)
        self.statusBar().showMessage(self.tr("Saved."), 3000)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_leaving_form():
            event.ignore()
            return
        self.thumbs.shutdown()
        db, catalog_dir = self.ctx.db, self.ctx.paths.catalog_dir

        def prune() -> int:
            with db.read() as session:
                return prune_unused_images(session, catalog_dir)

        # Undo ends with the window, so pictures of deleted items can go now.
        run_op(prune, None, on_failure=_log_prune_failure)
        super().closeEvent(event)
