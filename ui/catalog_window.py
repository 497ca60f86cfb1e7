"""The catalogue window: collections, a searchable grid or list of items, and the item form.

Open it with `CatalogWindow(ctx).show()`. Every read and write runs as an op (app/catalog_edits.py);
writes go through one queue so undo and redo reach the database in the order the owner pressed them,
and each publishes its Changes, so another window's edit refreshes this one. Deleting is undoable
(Ctrl+Z, or Bring back in the status bar).
"""

from __future__ import annotations

import dataclasses
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
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.catalog import DeletedItem, ItemDraft, ItemInvalid, ItemRow, SortKey
from app.catalog_collections import CollectionRow
from app.catalog_edits import (
    CatalogPage,
    catalog_page,
    delete_catalog_items,
    duplicate_items,
    hide_items,
    item_and_collections,
    prune_images,
    read_item,
    read_meta_catalog_id,
    restore_catalog_items,
    save_item,
    save_meta_catalog_id,
)
from app.catalog_item_drafts import UnsavedItem, forget_item_draft, keep_item_draft, unsaved_item
from app.changes import Changes
from app.errors import ErrorCode
from ui import message_box
from ui.catalog_collection_actions import CollectionActions
from ui.catalog_collections_panel import CollectionsPanel
from ui.catalog_csv_actions import choose_and_export, choose_and_import
from ui.catalog_delegate import CatalogDelegate
from ui.catalog_item_form import ItemForm
from ui.catalog_model import CatalogModel
from ui.catalog_thumbs import ThumbnailCache
from ui.context import AppContext, OwnChanges
from ui.draft_keeper import DraftKeeper, Work
from ui.formatting import babel_locale_name
from ui.kept_edits_strip import KeptEditsStrip, kept_item_sentence
from ui.label_names import as_button_text
from ui.op_queue import OpQueue
from ui.ops import Newest, failure_sentence, run_op
from ui.screen_fit import place_within_screen, resize_within_screen
from ui.text_prompt import ask_text
from ui.theme import muted_colour
from ui.translations import letterless
from ui.unsaved_edits import leave_edits, may_close, then_quit_goes_on
from ui.window_keys import close_with_keys

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 150


def _log_kept_failure(exc: BaseException) -> None:
    log.warning("kept catalogue item not read: %s", type(exc).__name__)


def _log_prune_failure(exc: BaseException) -> None:
    log.warning("pruning unused catalogue images failed: %s", exc)


class _DeleteItems(QUndoCommand):
    """Deleting items; undo puts them back with the same ids, codes and collections.

    Redo and undo queue an op each (the window's `edits` queue): an undo pressed before the delete
    finished waits for it, and reads what it deleted only when its turn comes.
    """

    def __init__(self, window: CatalogWindow, item_ids: list[int], text: str, back_text: str) -> None:
        """`text`: "Deleted …", the status line while the items are gone; `back_text`: "Brought
        back …", the line once they have returned."""
        super().__init__(text)
        self.window = window
        self.item_ids = item_ids
        self.back_text = back_text
        self.deleted: list[DeletedItem] = []

    def redo(self) -> None:
        db, ids = self.window.ctx.db, self.item_ids
        self.window.edits.run_in_turn(lambda: delete_catalog_items(db, ids), self._deleted)
        hint = QCoreApplication.translate("CatalogWindow", "Ctrl+Z brings it back.")
        self.window.statusBar().showMessage(self.text() + " " + hint, 10000)

    def _deleted(self, result: tuple[list[DeletedItem], Changes]) -> None:
        self.deleted, changes = result
        self.window.changed_here(changes)

    def undo(self) -> None:
        db = self.window.ctx.db
        self.window.edits.run_in_turn(
            lambda: restore_catalog_items(db, self.deleted), self._restored, self._not_restored
        )

    def _restored(self, result: tuple[list[int], Changes]) -> None:
        restored, changes = result
        self.window.changed_here(changes, select=restored)
        # The "Deleted …" line would stay up for the rest of its 10 s, saying the item is gone.
        self.window.statusBar().showMessage(self.back_text, 3000)

    def _not_restored(self, exc: BaseException) -> None:
        message_box.warning(
            self.window,
            QCoreApplication.translate("CatalogWindow", "Cannot undo"),
            failure_sentence(exc),
        )


class CatalogWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Catalogue"))
        resize_within_screen(self, QSize(1180, 720))
        self.undo_stack = QUndoStack(self)
        # Writes, undo and redo, one after another; reads run beside them and the newest one wins.
        self.edits = OpQueue(self)
        self._page_generation = 0
        self._shown_generation = 0
        self._item_generation = 0
        self._collections: list[CollectionRow] = []
        self._total = 0
        self._loading_item: int | None = None
        self._saving = False
        self._taken = 0  # the form's edits the save under way took (ItemForm.edits)
        # What to do once the form's unsaved edits are saved ("Save" when leaving the item).
        self._after_save: Callable[[], None] | None = None
        self.own_changes = OwnChanges(self.ctx)
        self._closed = False
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
        self.view.setAccessibleName(self.tr("Catalogue items"))
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
        form_side = QWidget()
        form_side.setMinimumWidth(380)
        form_column = QVBoxLayout(form_side)
        form_column.setContentsMargins(0, 0, 0, 0)
        # The words of an item typed and not saved when the app last stopped (a crash, a dead
        # battery): offered above the form (app/catalog_item_drafts.py).
        # Made only when there is something to offer: most openings have none.
        self.kept_strip: KeptEditsStrip | None = None
        self._form_column = form_column
        self._kept: UnsavedItem | None = None
        self._kept_reads = Newest()  # an older read never offers after a newer one restored
        # The open item read again as orders take its stock: an older look that answered last put a
        # sold item back in stock on screen.
        self._refreshes = Newest()
        self.keeper = DraftKeeper(self, self._kept_words)
        self.form.edited.connect(self.keeper.edited)
        form_column.addWidget(scroll, 1)
        form_column.addWidget(self.form.buttons)

        # The search sits above the items it finds, not at the toolbar's end: on a 125 % laptop
        # screen the toolbar tucked it behind its » button. (Sort and the view's mode, set once in a
        # while, stay at the toolbar's end: beside the search they made the items' column too wide to
        # give way on a small screen, and pushed Save past its edge.)
        list_side = QWidget()
        list_column = QVBoxLayout(list_side)
        list_column.setContentsMargins(0, 0, 0, 0)
        self.list_header = QHBoxLayout()
        list_column.addLayout(self.list_header)
        list_column.addWidget(self.view, 1)
        # A second shop computer on the same relay has its own catalogue: said under the items.
        self.only_here = QLabel(
            self.tr(
                "The catalogue is kept on this computer only: another computer connected to the same "
                "relay has its own."
            )
        )
        self.only_here.setWordWrap(True)
        self.only_here.setStyleSheet(f"color: {muted_colour()};")
        list_column.addWidget(self.only_here)

        splitter = QSplitter()
        splitter.addWidget(self.collections)
        splitter.addWidget(list_side)
        splitter.addWidget(form_side)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([190, 600, 390])
        self.setCentralWidget(splitter)
        self._build_toolbar()
        # Beside "Deleted “…”. Ctrl+Z brings it back.": Bring back (Alt+B), not Undo, whose U, N,
        # D and O are the form's Count stock, Name, Description and Collections.
        self.undo_button = QPushButton(self.tr("&Bring back"))
        self.undo_button.hide()
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.statusBar().addPermanentWidget(self.undo_button)
        # A way out even without a window manager's title bar (Esc and Ctrl+W do the same); here,
        # not at the toolbar's end, where a narrow window tucks it behind the » button.
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        self.statusBar().addPermanentWidget(close)

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
        self.edits.busy_changed.connect(self._update_actions)
        ctx.hub.changed.connect(self._changed_elsewhere)
        self.set_grid(True)
        self.reload()
        self._start_new_item()
        self.read_kept()

    # ------------------------------------------------------------------ building

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        # The toolbar's button shows the Alt letter (a QAction's own icon text drops the "&"). The
        # moves with a Ctrl key (New Ctrl+N, Duplicate Ctrl+D, Delete, Hide Ctrl+H) have theirs in
        # the item's menu only: on the toolbar the item form's fields need the rest of the alphabet.
        action.setIconText(text if shortcut is None else letterless(text))
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
        self.duplicate_action = self._action(self.tr("D&uplicate"), self.duplicate_selected, "Ctrl+D")
        self.delete_action = self._action(
            self.tr("&Delete"), self.delete_selected, QKeySequence.StandardKey.Delete
        )
        self.hide_action = self._action(self.tr("&Hide"), self.toggle_hidden, "Ctrl+H")
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.addActions([self.undo_action, self.redo_action])
        self.import_action = self._action(self.tr("I&mport sheet (Excel, CSV)…"), self.import_csv)
        self.export_action = self._action(self.tr("E&xport sheet (CSV, Excel)…"), self.export_csv)
        self.share_action = self._action(self.tr("Share lin&k…"), self.share_link)
        self.meta_action = self._action(self.tr("Meta catalo&gue…"), self.set_meta_catalog)
        for action in (self.new_action, self.duplicate_action, self.delete_action, self.hide_action):
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(self.import_action)
        bar.addAction(self.export_action)
        bar.addAction(self.share_action)
        bar.addAction(self.meta_action)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name or item code"))
        self.search.setAccessibleName(self.tr("Search the catalogue"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(100)
        self.search.setMinimumWidth(90)
        self.search.textChanged.connect(self._search_changed)
        self._action(self.tr("Find"), self.search.setFocus, QKeySequence.StandardKey.Find)
        self.list_header.addWidget(self.search, 1)
        self.sort = QComboBox()
        self.sort.addItem(self.tr("Sort by name"), "name")
        self.sort.addItem(self.tr("Sort by price"), "price")
        self.sort.addItem(self.tr("Recently changed"), "recent")
        self.sort.currentIndexChanged.connect(self._sort_changed)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addWidget(self.sort)
        self.view_mode = QComboBox()
        self.view_mode.addItem(self.tr("Grid"), True)
        self.view_mode.addItem(self.tr("List"), False)
        self.view_mode.currentIndexChanged.connect(self._view_mode_changed)
        bar.addWidget(self.view_mode)
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
        """Read the items for the current search, sort and collection in an op; then keep or set the
        selection. Reads may overlap (typing in the search box): only the newest one is shown."""
        self._page_generation += 1
        generation = self._page_generation
        collection = self.collections.current_collection()
        db, query, sort = self.ctx.db, self.search.text(), self.sort_key

        def show(page: CatalogPage) -> None:
            if generation == self._page_generation:
                self._show_page(page, collection, select)

        run_op(lambda: catalog_page(db, query, sort, collection), show, parent=self)

    def is_loading(self) -> bool:
        """A read or an edit of this window has not delivered yet."""
        pending_page = self._page_generation != self._shown_generation
        return pending_page or self._loading_item is not None or self.edits.is_busy()

    def _show_page(self, page: CatalogPage, collection: int | None, select: list[int] | None) -> None:
        keep = select if select is not None else self.acted_on_ids()
        self._collections = page.collections
        self._total = page.total
        self.collection_actions.known = page.collections
        self.model.set_rows(page.rows, page.sold_out, page.stock_left)
        self.collections.set_collections(page.collections, page.total, collection)
        self.form.set_collections(page.collections, self.form.checked_collections())
        self._shown_generation = self._page_generation
        self._select_ids(keep)
        self._update_empty(page.total)
        self._update_actions()

    def changed_here(self, changes: Changes, select: list[int] | None = None) -> None:
        """Publish a change this window made, then reload once (selecting `select`)."""
        self.own_changes.publish(changes)
        self.reload(select=select)

    def _changed_elsewhere(self, changes: Changes) -> None:
        """Another window (an order, an import, the picker) changed what this window shows."""
        if self.own_changes.publishing:
            return
        if not (changes.catalog or changes.all_catalog or changes.collections or changes.orders):
            return
        self.reload()
        item_id = self.form.item_id
        touched = changes.all_catalog or (item_id is not None and item_id in changes.catalog)
        # An order reserves, takes or gives back stock without naming the item: its count is re-read.
        if item_id is not None and (touched or changes.orders):
            self._refresh_item(item_id)

    def _refresh_item(self, item_id: int) -> None:
        """Show the item as stored now: all of it on an untouched form; only its stock beside the
        owner's unsaved edits (`ItemForm.show_stock` keeps a count they are changing)."""
        generation = self._item_generation

        def show(result: tuple[ItemRow, list[CollectionRow]]) -> None:
            if generation != self._item_generation or self.form.item_id != item_id:
                return  # another item was picked meanwhile
            row, collections = result
            if self.form.is_dirty():
                self.form.show_stock(row.stock_on_hand, row.stock_reserved, row.stock_sizes)
            else:
                self.form.load(row, collections, self.ctx.currency)
                self._update_actions()

        def gone(exc: BaseException) -> None:
            log.info("catalogue item %s could not be refreshed: %s", item_id, exc)

        db = self.ctx.db
        self._refreshes.run_op(lambda: item_and_collections(db, item_id), show, parent=self, on_failure=gone)

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

    def acted_on_ids(self) -> list[int]:
        """What Duplicate, Delete, Hide and Share act on: the selected items, else the item on the
        form (a search may have left it out of the grid, and the form still edits it)."""
        if ids := self.selected_ids():
            return ids
        return [self.form.item_id] if self.form.item_id is not None else []

    def _item_row(self, item_id: int) -> ItemRow | None:
        """The item as the grid shows it, or as the form loaded it when the grid leaves it out."""
        row = self.model.row_for_id(item_id)
        if row >= 0:
            return self.model.item(row)
        loaded = self.form.loaded
        return loaded if loaded is not None and loaded.id == item_id else None

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
        if len(ids) == 1 and ids[0] != self.form.item_id and ids[0] != self._loading_item:
            target = ids[0]
            # Past the question the owner's edits are saved or dropped: the picked item replaces them.
            shown = lambda: self._show_item(target, over_edits=True)  # noqa: E731
            if not self.leave_form(shown) and self.form.item_id is not None:
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

    def leave_form(self, then: Callable[[], None]) -> bool:
        """Unsaved edits are saved, dropped or kept as the owner says, then `then()` runs (see
        `leave_edits`). False means the owner stays on the form."""

        def left() -> None:
            if self.form.is_dirty():  # "Discard": her words are not offered again
                self._forget_kept()
            then()

        return leave_edits(
            self, self._edits_question(), dirty=self.form.is_dirty(), save_then=self._save_then, then=left
        )

    def _save_then(self, then: Callable[[], None]) -> bool:
        if self._saving:
            # The save under way took the form before the latest typing: once it is stored, what
            # was typed since is saved too, then `then` runs.
            def after_it() -> None:
                if self.form.is_dirty():
                    self._save_then(then)
                else:
                    then()

            self._after_save = after_it
            return True
        self._after_save = then
        self.form.request_save()
        if not self._saving:  # the form refused its own fields: stay and show why
            self._after_save = None
            return False
        return True

    # ------------------------------------------------------------------ kept through a crash

    def _kept_words(self) -> Work | None:
        if not self.form.is_dirty():
            return None
        words, db = self.form.words(), self.ctx.db
        return lambda: keep_item_draft(db, words)

    def _forget_kept(self) -> None:
        """Nothing of the form is offered again; the main window's offer hears of it too."""
        db, ctx = self.ctx.db, self.ctx
        self.keeper.forget(lambda: forget_item_draft(db), then=lambda: ctx.publish(Changes(kept_edits=True)))

    def read_kept(self, *, restore: bool = False) -> None:
        """Read the words kept through a crash: offered above the form, or (`restore`) put in it."""
        db = self.ctx.db

        def read(kept: UnsavedItem | None) -> None:
            self._offer_kept(kept)
            if restore:
                self.restore_kept()

        self._kept_reads.run_op(lambda: unsaved_item(db), read, parent=self, on_failure=_log_kept_failure)

    def _offer_kept(self, kept: UnsavedItem | None) -> None:
        self._kept = kept
        if kept is None:
            self._hide_offer()
            return
        if self.kept_strip is None:
            self.kept_strip = KeptEditsStrip()
            self.kept_strip.restore.connect(self.restore_kept)
            self.kept_strip.discard.connect(self._discard_kept)
            self._form_column.insertWidget(0, self.kept_strip)
        self.kept_strip.offer(kept_item_sentence(kept.words.name, kept.at))

    def _hide_offer(self) -> None:
        if self.kept_strip is not None:
            self.kept_strip.hide()

    def restore_kept(self) -> None:
        """The kept words over the item they were typed for (or a new item), unsaved; edits on
        the form now are asked about first."""
        kept, self._kept = self._kept, None
        self._hide_offer()
        if kept is None:
            return
        words, db = kept.words, self.ctx.db
        item_id = words.item_id

        def fill() -> None:
            if item_id is None:
                self._start_new_item()
                self.form.put_words(words)
                return
            self._item_generation += 1  # an item still loading must not replace these words

            def show(result: tuple[ItemRow, list[CollectionRow]]) -> None:
                row, collections = result
                self._select_quietly(row.id)
                self.form.load(row, collections, self.ctx.currency)
                self.form.put_words(words)
                self._update_actions()

            def gone(_exc: BaseException) -> None:  # deleted meanwhile: her words as a new item
                self._start_new_item()
                self.form.put_words(dataclasses.replace(words, item_id=None))

            run_op(lambda: item_and_collections(db, item_id), show, parent=self, on_failure=gone)

        self.leave_form(fill)

    def _discard_kept(self) -> None:
        self._kept = None
        self._forget_kept()
        if self.form.is_dirty():  # typed here since: those are kept instead
            self.keeper.edited()

    def _edits_question(self) -> str:
        return self.tr("Save the changes to this item?")

    def _show_item(self, item_id: int, *, over_edits: bool = False) -> None:
        """Load an item into the form; `over_edits`: the owner chose to drop what the form holds
        (otherwise edits typed meanwhile, a new item begun, are kept)."""
        self._item_generation += 1
        generation = self._item_generation
        self._loading_item = item_id

        def show(result: tuple[ItemRow, list[CollectionRow]]) -> None:
            if generation != self._item_generation:
                return
            self._loading_item = None
            if not over_edits and self.form.is_dirty() and self.form.item_id != item_id:
                return  # the owner started typing a new item meanwhile: keep it
            row, collections = result
            self.form.load(row, collections, self.ctx.currency)
            self._update_actions()  # Hide or Show, for an item the grid leaves out

        def gone(exc: BaseException) -> None:
            if generation == self._item_generation:
                self._loading_item = None
            log.info("catalogue item %s could not be shown: %s", item_id, exc)

        db = self.ctx.db
        run_op(lambda: item_and_collections(db, item_id), show, parent=self, on_failure=gone)

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
        ids = self.acted_on_ids()
        self.duplicate_action.setEnabled(bool(ids))
        self.delete_action.setEnabled(bool(ids))
        self.hide_action.setEnabled(bool(ids))
        hidden = bool(ids) and all(bool((row := self._item_row(i)) and row.hidden) for i in ids)
        self.hide_action.setText(self.tr("S&how") if hidden else self.tr("&Hide"))
        self.hide_action.setIconText(letterless(self.hide_action.text()))
        self.undo_button.setVisible(self.undo_stack.canUndo())
        # Undo and redo wait for the edit before them; pressing them meanwhile would only pile up.
        busy = self.edits.is_busy()
        self.undo_action.setEnabled(self.undo_stack.canUndo() and not busy)
        self.redo_action.setEnabled(self.undo_stack.canRedo() and not busy)
        self.undo_button.setEnabled(not busy)

    # ------------------------------------------------------------------ item actions

    def new_item(self) -> None:
        self.leave_form(self._start_new_item)

    def _start_new_item(self) -> None:
        self._item_generation += 1  # an item still loading must not replace the new one
        self._loading_item = None
        self.view.selectionModel().blockSignals(True)
        self.view.clearSelection()
        self.view.selectionModel().blockSignals(False)
        self.view.viewport().update()
        current = self.collections.current_collection()
        self.form.load(None, self._collections, self.ctx.currency)
        if current is not None:
            self.form.set_collections(self._collections, [current])
        self.form.name.setFocus()
        self._update_actions()

    def save_form(self, draft: ItemDraft) -> None:
        """Save in an op; the form keeps what was typed until the save delivered (or was refused)."""
        if self._saving:
            return
        self._saving = True
        db, item_id = self.ctx.db, self.form.item_id
        self._taken = self.form.edits  # `draft` is the form as it read just now
        keep_same_name = self.form.keep_same_name

        def saved(result: tuple[int, Changes]) -> None:
            self._saving = False
            # What to do once saved is read now: "Save" may have been answered while it waited.
            after, self._after_save = self._after_save, None
            saved_id, changes = result
            typed_since = False
            if self.form.item_id == item_id:
                self.form.saved(saved_id, self._taken)
                typed_since = self.form.is_dirty()
            if not typed_since:  # saved: nothing of it to offer after a crash
                self._forget_kept()
            self.statusBar().showMessage(self.tr("Saved."), 3000)
            if after is not None:
                self.changed_here(changes)  # keeps the selection the owner just clicked
                after()
            else:
                self.changed_here(changes, select=[saved_id])
                if not typed_since:  # the stored item, not over what she typed while it was saved
                    self._show_item(saved_id)

        def refused(exc: BaseException) -> None:
            self._saving = False
            after, self._after_save = self._after_save, None
            if isinstance(exc, ItemInvalid) and exc.code is ErrorCode.ITEM_NAME_SHARED:
                self.form.show_shared_name(self.form.problem_text(exc))
            elif isinstance(exc, ItemInvalid):
                self.form.show_error(exc.field, self.form.problem_text(exc))
            else:
                self.form.show_error("", failure_sentence(exc))
            if after is not None and self.form.item_id is not None:
                self._select_quietly(self.form.item_id)

        self.edits.run_in_turn(
            lambda: save_item(db, item_id, draft, keep_same_name=keep_same_name), saved, refused
        )

    def duplicate_selected(self) -> None:
        ids = self.acted_on_ids()
        if not ids:
            return
        db, suffix = self.ctx.db, self.tr(" (copy)")
        # A second copy of the same item: "(copy 2)", so no two items share a name.
        numbered = self.tr(" (copy {0})", "the name of a second, third… copy of an item; {0}: 2, 3…")

        def done(result: tuple[list[int], Changes]) -> None:
            copies, changes = result
            self.changed_here(changes, select=copies)

        self.edits.run_in_turn(lambda: duplicate_items(db, ids, suffix, numbered), done)

    def delete_selected(self) -> None:
        ids = self.acted_on_ids()
        if not ids:
            return
        if len(ids) == 1 and (row := self._item_row(ids[0])) is not None:
            text = self.tr("Deleted “{0}”.").format(row.name)
            back = self.tr("Brought back “{0}”.").format(row.name)
        else:
            text = self.tr("Deleted {0} items.").format(len(ids))
            back = self.tr("Brought back {0} items.").format(len(ids))
        self.undo_stack.push(_DeleteItems(self, ids, text, back))  # says "Deleted …" in the status bar
        self._start_new_item()
        # Not in the new item's name field, which _start_new_item focuses: a text field takes Ctrl+Z
        # for its own typing, and the line says Ctrl+Z brings the item back. The list, where it was.
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def toggle_hidden(self) -> None:
        ids = self.acted_on_ids()
        if not ids:
            return
        hide = self.hide_action.text() == self.tr("&Hide")
        db = self.ctx.db

        def done(changes: Changes) -> None:
            self.changed_here(changes, select=ids)
            if len(ids) == 1 and not self.form.is_dirty():
                self._show_item(ids[0])  # the form shows the new state

        self.edits.run_in_turn(lambda: hide_items(db, ids, hide), done)

    def _item_menu(self, pos: QPoint) -> None:
        if not self.selected_ids():
            return
        menu = QMenu(self)
        menu.addAction(self.duplicate_action)
        menu.addAction(self.hide_action)
        menu.addAction(self.delete_action)
        if self._collections:
            add_menu = menu.addMenu(self.tr("&Add to collection"))
            for collection in self._collections:
                add_menu.addAction(
                    as_button_text(collection.name), partial(self._add_selected_to, collection.id)
                )
        current = self.collections.current_collection()
        if current is not None:
            menu.addAction(self.tr("&Remove from this collection"), self._remove_from_current)
        menu.addSeparator()
        menu.addAction(self.share_action)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    # ------------------------------------------------------------------ collections

    def _collections_changed(self, changes: Changes) -> None:
        self.changed_here(changes)

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

    def _stored_then(self, then: Callable[[], None]) -> None:
        """Once saved and staying on the item: the form shows it as stored (the code made for it),
        unless she typed on meanwhile; then `then`."""
        if not self.form.is_dirty():
            self._show_current()
        then()

    def import_csv(self) -> None:
        choose_and_import(self, self.ctx)

    def export_csv(self) -> None:
        """Export sheet…: the sheet holds what is saved. Words typed on the form and not saved are
        asked about first: saved, then exported; or left out of the sheet and kept on the form as
        typed (and through a crash), never dropped."""

        def export() -> None:
            if not self._closed:
                choose_and_export(self, self.ctx)

        if self._saving and self.form.edits == self._taken:
            # Save is storing every edit the form shows: the sheet is made once it is stored.
            waiting = self._after_save

            def after_it() -> None:
                if waiting is not None:
                    waiting()
                export()

            self._after_save = after_it
            return
        leave_edits(
            self,
            self.tr(
                "Save the changes to this item before exporting? The sheet holds only what is saved; "
                "without saving, your changes stay here as typed."
            ),
            dirty=self.form.is_dirty(),
            save_then=lambda after: self._save_then(lambda: self._stored_then(after)),
            then=export,
            discard_text=self.tr("E&xport without saving"),
        )

    def share_link(self) -> None:
        from ui.share_link_dialog import ShareLinkDialog

        ids = self.acted_on_ids()
        if len(ids) != 1:
            ShareLinkDialog(self.ctx, item=None, parent=self).open()
            return
        db, item_id = self.ctx.db, ids[0]

        def show(item: ItemRow) -> None:
            ShareLinkDialog(self.ctx, item=item, parent=self).open()

        run_op(lambda: read_item(db, item_id), show, parent=self)

    def set_meta_catalog(self) -> None:
        """The id of the shop's catalogue in Meta Commerce Manager: items then go as product messages."""
        db = self.ctx.db
        run_op(lambda: read_meta_catalog_id(db), self._ask_meta_catalog, parent=self)

    def _ask_meta_catalog(self, current: str | None) -> None:
        value, ok = ask_text(
            self,
            self.tr("Meta catalogue"),
            self.tr(
                "If your items are also in a Meta Commerce Manager catalogue connected to your WhatsApp "
                "number, enter its catalogue id: items are then sent as WhatsApp product messages.\n"
                "Leave it empty to send pictures with name and price instead."
            ),
            text=current or "",
        )
        if not ok:
            return
        value = value.strip()
        if value and not value.isdigit():
            message_box.warning(
                self, self.tr("Meta catalogue"), self.tr("A catalogue id is made of digits only.")
            )
            return
        db = self.ctx.db

        def saved(changes: Changes) -> None:
            self.changed_here(changes)
            self.statusBar().showMessage(self.tr("Saved."), 3000)

        self.edits.run_in_turn(lambda: save_meta_catalog_id(db, value or None), saved)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._saving and self.form.edits == self._taken:
            # Closed while Save stores every edit: it closes once the item is stored, without
            # asking about it; a save that fails keeps it open and says why.
            def close_again() -> None:
                self.close()

            self._after_save = then_quit_goes_on(close_again)
            event.ignore()
            return
        # "Save" closes once the save delivered; a refused save keeps the window and the form.
        if not may_close(
            self, event, self._edits_question(), dirty=self.form.is_dirty(), save_then=self._save_then
        ):
            return
        if self.form.is_dirty():  # closed with "Discard": her words are not offered again
            self._forget_kept()
        self._finish_closing()
        super().closeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        # The first time: over the window it is opened from, inside the screen (it opened at the
        # screen's top-left corner, away from the main window, as no other window does).
        place_within_screen(self)
        super().showEvent(event)
        if not self._closed:
            return
        # Shown again after closing (Shop ▸ Catalogue keeps the window): orders may have sold stock
        # meanwhile, so the grid and the form are read afresh; edits were saved or dropped at close.
        self._closed = False
        self.ctx.hub.changed.connect(self._changed_elsewhere)
        self.reload()
        self.read_kept()
        if self.form.item_id is not None:
            self._show_item(self.form.item_id, over_edits=True)
        else:
            self._start_new_item()

    def _finish_closing(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.ctx.hub.changed.disconnect(self._changed_elsewhere)
        self.undo_stack.clear()  # the pictures of deleted items are pruned below: no undo brings them back
        self.thumbs.shutdown()
        db, catalog_dir = self.ctx.db, self.ctx.paths.catalog_dir
        # Undo ends with the window, so pictures of deleted items can go now.
        run_op(lambda: prune_images(db, catalog_dir), None, on_failure=_log_prune_failure)
