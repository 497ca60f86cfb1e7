"""The composer's catalogue picker: search items by name or code, choose one or several to send.

For the composer (catalogue button, or `#` typed at a word start):

    ids = pick_items(parent, ctx, query="셔츠")   # modal; None when cancelled
    if ids:   # then as an op (ui/catalog_send_action.py, app/catalog_send.py `queue_catalog_message`)

Hidden items are not offered. One item is sent as a picture with caption (or a product message when a
Meta catalogue id is set); several as a list the customer taps (at most 10), or a multi-product message.
Non-modal use: `CatalogPicker(ctx, parent)`, connect `items_chosen(list[int])`, then `open()`.

For an exchange's replacement (ui/return_dialog.py), one item and its option, with its price and what
is left of it shown before it is chosen: `pick_replacement(parent, ctx, option="M", quantity=1)`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.catalog import ItemRow
from app.catalog_edits import PickerPage, join_restock_waitlist, picker_page, read_meta_catalog_id
from app.catalog_messages import ListTexts
from app.changes import Changes
from app.item_options import ItemOption
from app.money import format_price
from app.stock import left_for
from app.wire import LIST_ROWS_MAX, PRODUCT_LIST_MAX
from ui.catalog_delegate import CatalogDelegate
from ui.catalog_model import CatalogModel
from ui.catalog_option_box import OptionBox
from ui.catalog_thumbs import ThumbnailCache
from ui.confirm import confirm
from ui.context import AppContext
from ui.formatting import babel_locale_name, count_text
from ui.korean_particles import with_particles
from ui.ops import run_change, run_op
from ui.screen_fit import resize_within_screen

log = logging.getLogger(__name__)

RESULTS_LIMIT = 200


def picker_list_texts() -> ListTexts:
    """The words of a list / multi-product message, in the UI language."""
    return ListTexts(
        body=QCoreApplication.translate("CatalogPicker", "Which one would you like?"),
        button=QCoreApplication.translate("CatalogPicker", "See items"),
        section=QCoreApplication.translate("CatalogPicker", "Items"),
    )


@dataclass(frozen=True, slots=True)
class PickedItem:
    """The one item chosen (`choose_one`), with the option typed or picked and what is left of it."""

    item_id: int
    code: str
    name: str
    option: str
    price_minor: int
    currency: str
    counts: Mapping[str, int] | None  # its counted options ("" its own count); None: not counted


class CatalogPicker(QDialog):
    items_chosen = Signal(list)  # list[int], in the order shown
    item_picked = Signal(object)  # PickedItem (`choose_one`)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        query: str = "",
        *,
        open_catalogue: Callable[[], None] | None = None,
        contact_id: int | None = None,
        choose_one: bool = False,
        option: str = "",
        quantity: int = 1,
        current_code: str = "",
    ) -> None:
        super().__init__(parent)
        # The item shown chosen when the list first loads (an exchange's own: mostly another size of
        # the piece sent back), instead of the catalogue's first.
        self._current_code = current_code
        # One item to send instead of a returned one: its option chosen too, and enough of it left.
        self.choose_one = choose_one
        self.quantity = quantity
        self.options: Mapping[int, Mapping[str, int]] = {}
        self.sizes: Mapping[int, tuple[ItemOption, ...]] = {}  # `choose_one`: every option known
        # The piece sent back in its size: that size is offered even if never counted nor sold.
        self._sent_back = [(current_code, option)] if current_code and option else []
        self.ctx = ctx
        self.contact_id = contact_id  # the chat's customer, who can wait for a sold-out item
        self.open_catalogue = open_catalogue
        self.setWindowTitle(self.tr("Send from catalogue"))
        resize_within_screen(self, QSize(460, 540))
        # Until the setting arrives: a list message (the stricter limit).
        self.has_meta_catalog = False
        self.limit = LIST_ROWS_MAX
        self._generation = 0
        self._shown_generation = 0
        self._catalogue_is_empty = False
        self._accept_when_loaded = False
        # The row chosen for the owner (shown selected), until they click their own choice.
        self._preselected_id: int | None = None
        self.thumbs = ThumbnailCache(ctx.paths.catalog_dir, self)
        self.model = CatalogModel(babel_locale_name(), self)
        self.delegate = CatalogDelegate(self.thumbs, self)
        self.delegate.grid = False
        self.search = QLineEdit(query)
        self.search.setPlaceholderText(self.tr("Search by name or item code"))
        self.search.setAccessibleName(self.tr("Search the catalogue"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(100)
        self.view = QListView()
        self.view.setAccessibleName(self.tr("Catalogue items"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(self.delegate)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.view.setUniformItemSizes(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send = QPushButton(self.tr("&Send"))
        self.send.setAutoDefault(False)
        self.buttons.addButton(self.send, QDialogButtonBox.ButtonRole.AcceptRole)
        # An empty catalogue: the way to fill it (Shop > Catalogue), instead of a dead end.
        self.open_catalogue_button = QPushButton(self.tr("&Open catalogue"))
        self.open_catalogue_button.setAutoDefault(False)
        self.open_catalogue_button.clicked.connect(self._open_catalogue)
        self.buttons.addButton(self.open_catalogue_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_catalogue_button.hide()  # after addButton, which shows it: only an empty catalogue
        # A sold-out item the customer asks about: tell them when it is back (a restock campaign).
        self.waitlist_button = QPushButton(self.tr("Add to restock &waitlist"))
        self.waitlist_button.setObjectName("restockWaitlistButton")
        self.waitlist_button.setAutoDefault(False)
        self.waitlist_button.clicked.connect(self._add_to_waitlist)
        self.waitlist_button.hide()
        self.buttons.addButton(self.waitlist_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        self.option_box = OptionBox(self)
        self.option_box.setVisible(choose_one)
        self.option_box.set_options((), option)
        layout.addWidget(self.option_box)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._search_changed)
        self.search.installEventFilter(self)
        self.view.installEventFilter(self)
        self.view.viewport().installEventFilter(self)
        self.thumbs.ready.connect(self.model.refresh_image)
        self.view.selectionModel().selectionChanged.connect(self._update)
        self.view.selectionModel().currentChanged.connect(self._update)
        self.view.doubleClicked.connect(self.accept)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.send.setEnabled(False)
        self.hint.setText(self.tr("Loading…"))
        if choose_one:
            self.setWindowTitle(self.tr("Choose the item to send instead"))
            self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            self.send.setText(self.tr("Choose"))
            self.send.setObjectName("chooseItem")
            self.send.setDefault(True)  # Enter in the option box chooses, as in the search box
            self.view.selectionModel().selectionChanged.connect(self._item_changed)
            self.option_box.changed.connect(self._update)
        db = ctx.db
        run_op(lambda: read_meta_catalog_id(db), self._meta_catalog_read, parent=self)
        self.reload()
        self.search.setFocus()

    def _meta_catalog_read(self, catalog_id: str | None) -> None:
        self.has_meta_catalog = catalog_id is not None
        self.limit = PRODUCT_LIST_MAX if self.has_meta_catalog else LIST_ROWS_MAX
        if self.is_loaded():
            self._update()

    def is_loaded(self) -> bool:
        """The list shows the answer to the query typed last."""
        return self._shown_generation == self._generation

    def reload(self) -> None:
        """Search in an op; only the answer to the newest query is shown."""
        self._generation += 1
        generation = self._generation
        db, query = self.ctx.db, self.search.text()

        def show(page: PickerPage) -> None:
            if generation == self._generation:
                self._show(page)

        sizes, also = self.choose_one, self._sent_back
        run_op(lambda: picker_page(db, query, RESULTS_LIMIT, with_sizes=sizes, also=also), show, parent=self)

    def _show(self, page: PickerPage) -> None:
        chosen = set(self.owner_chosen_ids())
        self._catalogue_is_empty = page.catalogue_empty
        self._shown_generation = self._generation
        self.options = page.options
        self.sizes = page.sizes
        self.model.set_rows(page.rows, page.sold_out, page.stock_left)
        self._preselected_id = None
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        for item_id in chosen:
            row = self.model.row_for_id(item_id)
            if row >= 0:
                selection.select(self.model.index(row), QItemSelectionModel.SelectionFlag.Select)
        selection.blockSignals(False)
        current, self._current_code = self._current_code, ""
        if self.model.rowCount():
            # Enter sends what is shown selected: the best match in stock, not a sold-out one above it.
            first = self._first_in_stock()
            rows = range(self.model.rowCount())
            first = next((r for r in rows if current and self.model.item(r).retailer_id == current), first)
            if chosen:
                self.view.setCurrentIndex(self.model.index(first))
            else:
                self._preselect(first)
        self._update()
        if self._accept_when_loaded:
            self._accept_when_loaded = False
            self.accept()

    def _preselect(self, row: int) -> None:
        """Show `row` current and selected, as the one Enter sends; the owner's first click replaces it."""
        selection = self.view.selectionModel()
        self._preselected_id = self.model.item(row).id
        selection.setCurrentIndex(self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.view.scrollTo(self.model.index(row))

    def _is_preselected(self) -> bool:
        return self._preselected_id is not None and self.chosen_ids() == [self._preselected_id]

    def owner_chosen_ids(self) -> list[int]:
        """The items the owner chose by clicking (not the one chosen for them)."""
        return [] if self._is_preselected() else self.chosen_ids()

    def _first_in_stock(self) -> int:
        """The first row whose item is not sold out (row 0 when every match is)."""
        rows = range(self.model.rowCount())
        return next((r for r in rows if self.model.item(r).id not in self.model.sold_out), 0)

    def chosen_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedIndexes())
        return [self.model.item(r).id for r in rows if r < self.model.rowCount()]

    def _search_changed(self, _text: str) -> None:
        self._timer.start()

    def _item_changed(self, *_: object) -> None:
        item = self.chosen_item()
        self.option_box.set_options(self.sizes.get(item.id, ()) if item else (), "")

    def chosen_item(self) -> ItemRow | None:
        """The item chosen (`choose_one`), or None."""
        ids = self.chosen_ids()
        return self.model.item(self.model.row_for_id(ids[0])) if ids else None

    def choice_left(self) -> int | None:
        """What is left of the chosen item in the option chosen; None when nobody counts it."""
        item = self.chosen_item()
        return left_for(self.options.get(item.id), self.option_box.option()) if item else None

    def _update_choice(self) -> None:
        item = self.chosen_item()
        left = self.choice_left()
        enough = left is None or left >= self.quantity
        if not self.model.rowCount():
            self.hint.setText(self.tr("No items match. Hidden items are not offered."))
        elif item is None:
            self.hint.setText(self.tr("Click an item, or press Space on it in the list, to choose it."))
        else:
            name = f"{item.name} {self.option_box.option()}".strip()
            price = format_price(item.price_minor, item.currency, self.model.locale)
            if left is None:
                text = self.tr("“{0}”: {1} each · stock not counted").format(name, price)
            elif left <= 0:
                text = self.tr("“{0}” is out of stock: choose another option or item.").format(name)
            elif not enough:
                text = self.tr("Only {1} of “{0}” left, {2} needed: choose another option or item.").format(
                    name, left, self.quantity
                )
            else:
                text = self.tr("“{0}”: {1} each · {2} in stock").format(name, price, count_text(left))
            self.hint.setText(with_particles(text))
        self.send.setEnabled(item is not None and enough)
        self.waitlist_button.hide()

    def _update(self, *_: object) -> None:
        if self.choose_one:
            self._update_choice()
            return
        count = len(self.chosen_ids())
        preselected = self._is_preselected()
        empty = not self.model.rowCount() and not self.search.text().strip() and self._catalogue_is_empty
        self.open_catalogue_button.setVisible(empty and self.open_catalogue is not None)
        if empty:
            self.hint.setText(
                self.tr(
                    "Your catalogue is empty: add your products in Shop ▸ Catalogue, then send them here."
                )
            )
        elif not self.model.rowCount():
            self.hint.setText(self.tr("No items to send match. Hidden items are not offered."))
        elif count == 0:
            self.hint.setText(self.tr("Click an item, or press Space on it in the list, to choose it."))
        elif preselected:
            item = self.model.item(self.model.row_for_id(self.chosen_ids()[0]))
            if item.id in self.model.sold_out:
                self.hint.setText(
                    self.tr(
                        "“{0}” is sold out: Enter asks before sending it. Click items, or press Space on"
                        " them in the list, to choose several."
                    ).format(item.name)
                )
            else:
                self.hint.setText(
                    self.tr(
                        "Click items, or press Space on them in the list, to choose several, or press Enter"
                        " to send “{0}”."
                    ).format(item.name)
                )
        elif count == 1:
            self.hint.setText(
                self.tr("Sent as a product message.")
                if self.has_meta_catalog
                else self.tr("Sent as its picture with name, price, description and link.")
            )
        elif count <= self.limit:
            self.hint.setText(
                self.tr("{0} items, sent as one product message.").format(count)
                if self.has_meta_catalog
                else self.tr("{0} items, sent as a list: “Which one would you like?”").format(count)
            )
        else:
            self.hint.setText(self.tr("Choose at most {0} items for one message.").format(self.limit))
        self.send.setEnabled(0 < count <= self.limit)
        self.waitlist_button.setVisible(self._sold_out_current() is not None)
        self.send.setText(self.tr("&Send {0} items").format(count) if count > 1 else self.tr("&Send"))

    def _sold_out_current(self) -> int | None:
        """The highlighted item when it is sold out and the picker knows the chat's customer."""
        current = self.view.currentIndex()
        if self.contact_id is None or not current.isValid() or current.row() >= self.model.rowCount():
            return None
        item_id = self.model.item(current.row()).id
        return item_id if item_id in self.model.sold_out else None

    def _add_to_waitlist(self) -> None:
        item_id, contact_id = self._sold_out_current(), self.contact_id
        if item_id is None or contact_id is None:
            return
        name = self.model.item(self.view.currentIndex().row()).name

        db = self.ctx.db

        def work() -> Changes:
            return join_restock_waitlist(db, item_id, contact_id)

        def done(_changes: Changes) -> None:
            self.hint.setText(self.tr("This customer is on the restock waitlist for “{0}”.").format(name))

        run_change(self.ctx, work, done, parent=self)

    def _open_catalogue(self) -> None:
        self.reject()
        if self.open_catalogue is not None:
            self.open_catalogue()

    def _step_to(self, target: int) -> None:
        """Move the highlight to `target`: the item chosen for the owner moves with it; the owner's
        own choice stays where it is."""
        target = max(0, min(self.model.rowCount() - 1, target))
        if self.owner_chosen_ids():
            self.view.selectionModel().setCurrentIndex(
                self.model.index(target), QItemSelectionModel.SelectionFlag.NoUpdate
            )
            self.view.scrollTo(self.model.index(target))
        else:
            self._preselect(target)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up/Down in the search box move in the list, so Enter sends what the owner sees highlighted.

        In the list itself the keys do what a click does: the arrows carry the item chosen for the
        owner along (Enter had sent the first item while another was highlighted), and Space chooses
        the highlighted item instead of the one chosen for them, not as well as it.
        """
        steps = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -8, Qt.Key.Key_PageDown: 8}
        if watched is self.search and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                # Taken here, not left to the dialog too: a question about a sold-out item asked once.
                self.accept()
                return True
            step = steps.get(Qt.Key(event.key()))
            if step is not None and self.model.rowCount():
                self._step_to(self.view.currentIndex().row() + step)
                return True
        if (
            watched is self.view
            and not self.choose_one
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and self.model.rowCount()
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            key = Qt.Key(event.key())
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept()
                return True
            ends = {Qt.Key.Key_Home: 0, Qt.Key.Key_End: self.model.rowCount() - 1}
            if key in steps or key in ends:
                self._step_to(ends[key] if key in ends else self.view.currentIndex().row() + steps[key])
                return True
            if key in (Qt.Key.Key_Space, Qt.Key.Key_Select) and self._is_preselected():
                # As the first click: the highlighted item alone, toggled on by the list's own Space.
                self._preselected_id = None
                self.view.selectionModel().clearSelection()
        if (
            watched is self.view.viewport()
            and isinstance(event, QMouseEvent)
            and event.type() == QEvent.Type.MouseButtonPress
            and self._is_preselected()
            and self.view.indexAt(event.position().toPoint()).isValid()
        ):
            # The first click chooses instead of the preselected row, not in addition to it.
            self._preselected_id = None
            self.view.selectionModel().clearSelection()
        return super().eventFilter(watched, event)

    def accept(self, *_: object) -> None:
        if self._timer.isActive():  # Enter typed right after the query: answer the query typed
            self._timer.stop()
            self.reload()
        if not self.is_loaded():
            self._accept_when_loaded = True
            return
        if self.choose_one:
            self._accept_choice()
            return
        ids = self.chosen_ids()
        if self._is_preselected():
            item = self.model.item(self.model.row_for_id(ids[0]))
            if item.id in self.model.sold_out and not self._send_sold_out(item.name):
                return
        if not ids or len(ids) > self.limit:
            return
        self.items_chosen.emit(ids)
        self.thumbs.shutdown()
        super().accept()

    def _accept_choice(self) -> None:
        item = self.chosen_item()
        self._update_choice()  # (the option typed last)
        if item is None or not self.send.isEnabled():
            return  # the hint says why: nothing chosen, or not enough of it left
        counts = self.options.get(item.id)
        option = self.option_box.option()
        self.item_picked.emit(
            PickedItem(item.id, item.retailer_id, item.name, option, item.price_minor, item.currency, counts)
        )
        self.thumbs.shutdown()
        super().accept()

    def _send_sold_out(self, name: str) -> bool:
        """Enter on a sold-out item (nothing else matched, or the owner moved onto it): ask first."""
        return confirm(
            self,
            self.tr("Sold out"),
            self.tr("“{0}” is sold out. Send it to the customer anyway?").format(name),
            self.tr("&Send anyway"),
        )

    def reject(self) -> None:
        self.thumbs.shutdown()
        super().reject()


class _TypedAhead(QObject):
    """Sends the keys typed into another widget on to `search` (see take_typed_ahead), and keeps
    the text they made unselected when the picker shows."""

    def __init__(self, search: QLineEdit) -> None:
        super().__init__(search)
        self.search = search

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search:
            if (
                event.type() == QEvent.Type.FocusIn
                and isinstance(event, QFocusEvent)
                and event.reason() == Qt.FocusReason.TabFocusReason
            ):
                # A dialog shows with a Tab focus-in, which selects all of a field's text: the next
                # key would have replaced what was typed.
                self.search.removeEventFilter(self)
                unselected = QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.OtherFocusReason)
                QCoreApplication.sendEvent(self.search, unselected)
                return True
            return False
        if not isinstance(event, QKeyEvent):
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            # Taken here, no shortcut of the window behind (about to be blocked) runs: the key
            # comes on as a key press, below.
            event.accept()
            return True
        typed = event.key() == Qt.Key.Key_Backspace or (event.text().isprintable() and bool(event.text()))
        if event.type() == QEvent.Type.KeyPress and typed:
            copy = QKeyEvent(event.type(), event.key(), event.modifiers(), event.text(), event.isAutoRepeat())
            QCoreApplication.sendEvent(self.search, copy)
        # Other keys are dropped, as once the picker shows: Enter must not send the message behind.
        return True


def take_typed_ahead(search: QLineEdit) -> None:
    """The keys typed while the picker was being made ("#hoop" typed fast: the first opening takes a
    moment) go on to its search. Left for later, they would reach a window the modal picker blocks
    by then, and Qt drops them. They come to the widget the owner was typing in (the composer), the
    only one filtered: an application filter ran Python for every event of the app meanwhile."""
    typed_into = QApplication.focusWidget()
    if typed_into is None or typed_into.window() is search.window():
        return
    before = search.text()
    typed_ahead = _TypedAhead(search)
    typed_into.installEventFilter(typed_ahead)
    try:
        QCoreApplication.processEvents()
    finally:
        typed_into.removeEventFilter(typed_ahead)
    if search.text() != before:
        search.installEventFilter(typed_ahead)  # until the picker shows
    else:
        typed_ahead.deleteLater()


def pick_items(
    parent: QWidget | None,
    ctx: AppContext,
    query: str = "",
    *,
    open_catalogue: Callable[[], None] | None = None,
    contact_id: int | None = None,
    on_cancel: Callable[[str], None] | None = None,
) -> list[int] | None:
    """Modal picker; the chosen item ids (in the order shown), or None when cancelled (then
    `on_cancel` gets what was typed in its search)."""
    dialog = CatalogPicker(ctx, parent, query, open_catalogue=open_catalogue, contact_id=contact_id)
    take_typed_ahead(dialog.search)
    chosen: list[int] = []
    dialog.items_chosen.connect(chosen.extend)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    typed = dialog.search.text()
    dialog.deleteLater()
    if accepted and chosen:
        return chosen
    if on_cancel is not None:
        on_cancel(typed)
    return None


def pick_replacement(
    parent: QWidget | None,
    ctx: AppContext,
    query: str = "",
    *,
    option: str = "",
    quantity: int = 1,
    current_code: str = "",
) -> PickedItem | None:
    """Modal picker of one item (and its option) to send instead of a returned one, starting on
    `current_code`'s item; None when cancelled."""
    dialog = CatalogPicker(
        ctx, parent, query, choose_one=True, option=option, quantity=quantity, current_code=current_code
    )
    picked: list[PickedItem] = []
    dialog.item_picked.connect(picked.append)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return picked[0] if accepted and picked else None
