"""Start an order in a chat: items, quantities, shipping, surcharge, discount; the total as you type."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.carts import CartStart, cart_start
from app.catalog import ItemRow
from app.changes import Changes
from app.errors import ErrorCode, OrderError, ShopInboxError
from app.money import amount_to_minor, to_decimal
from app.order_actions import (
    ItemsForOrder,
    items_for_order,
    order_form_start,
    save_order_change,
    start_order,
)
from app.order_changes import OrderChange
from app.order_queries import LineRow, OrderDetail
from app.order_settings import OrderSettings, default_charges, has_surcharges, shipping_waived, surcharge_for
from app.orders import (
    MAX_QUANTITY,
    Charges,
    CleanLine,
    LineInput,
    check_line_currency,
    order_currency,
    order_totals,
    typed_quantity,
)
from app.stock import first_shortage
from app.surcharge_areas import stored_area, surcharge_areas
from app.text_direction import isolated
from ui.confirm import confirm
from ui.context import AppContext
from ui.enter_key import keep_enter
from ui.formatting import amount_for_editing, count_text
from ui.list_steering import steer_list_from
from ui.money_row import MoneyRow
from ui.ops import Newest, Op, failure_sentence
from ui.order_text import money
from ui.plain_tooltip import plain_tooltip
from ui.screen_fit import resize_within_screen
from ui.surcharge_box import SurchargeBox
from ui.surcharge_names import surcharge_name
from ui.theme import problem_colour, warning_colour

if TYPE_CHECKING:
    from app.db import Database

log = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex
SEARCH_LIMIT = 50


@dataclass(frozen=True, slots=True)
class DraftLine:
    """A catalogue item at its price, or something the shop sells that is not in the catalogue
    (`item` None): the owner names it in the search and types its price in the line. Changing an
    order, its lines come `kept`: at the price agreed on them, whatever the catalogue says now."""

    item: ItemRow | None
    name: str
    price_minor: int | None  # None: a line of the owner's own whose price is not typed yet
    currency: str
    quantity: int = 1
    option: str = ""
    kept: LineRow | None = None

    @classmethod
    def of(cls, item: ItemRow) -> DraftLine:
        return cls(item, item.name, item.price_minor, item.currency)

    @classmethod
    def kept_line(cls, line: LineRow) -> DraftLine:
        return cls(None, line.name, line.unit_price_minor, line.currency, line.quantity, line.option, line)

    @property
    def own(self) -> bool:
        """Not in the catalogue: its price is the owner's to type."""
        return self.item is None and (self.kept is None or self.kept.item_id is None)

    @property
    def item_id(self) -> int | None:
        if self.item is not None:
            return self.item.id
        return self.kept.item_id if self.kept is not None else None

    @property
    def code(self) -> str:
        """The catalogue's code for the item ("" for a line of the owner's own)."""
        if self.item is not None:
            return self.item.retailer_id
        return self.kept.code if self.kept is not None else ""


class DraftLinesModel(QAbstractTableModel):
    """The lines being put together: option and quantity are edited in place, and the price of a
    line that is not in the catalogue."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[DraftLine] = []

    def add(self, item: ItemRow, quantity: int = 1) -> None:
        for i, line in enumerate(self.lines):
            if line.item_id == item.id and not line.option:
                self.lines[i] = replace(line, quantity=min(MAX_QUANTITY, line.quantity + quantity))
                self.dataChanged.emit(self.index(i, 0), self.index(i, 4))
                return
        self._append(replace(DraftLine.of(item), quantity=quantity))

    def add_kept(self, line: LineRow) -> None:
        """A line the order being changed has, at the price agreed on it."""
        self._append(DraftLine.kept_line(line))

    def add_own(self, name: str, currency: str, quantity: int = 1) -> int:
        """A line of the owner's own, its price to type; its row."""
        self._append(DraftLine(None, " ".join(name.split())[:200], None, currency, quantity))
        return len(self.lines) - 1

    def add_line(self, line: DraftLine) -> None:
        """A line as it is (a cart's item, at its quantity)."""
        self._append(line)

    def _append(self, line: DraftLine) -> None:
        self.beginInsertRows(QModelIndex(), len(self.lines), len(self.lines))
        self.lines.append(line)
        self.endInsertRows()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.lines):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.lines[row]
            self.endRemoveRows()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Item"), self.tr("Option"), self.tr("Qty"), self.tr("Price"), self.tr("Total"))[
            section
        ]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        editable = index.column() in (1, 2) or (index.column() == 3 and self.lines[index.row()].own)
        return base | Qt.ItemFlag.ItemIsEditable if editable else base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == 0:
                return line.name
            if col == 1:
                return line.option
            if col == 2:
                return line.quantity if role == Qt.ItemDataRole.EditRole else str(line.quantity)
            if line.price_minor is None:
                if col == 3 and role == Qt.ItemDataRole.DisplayRole:
                    return self.tr("Type the price")
                return ""
            if col == 3 and role == Qt.ItemDataRole.EditRole:
                return amount_for_editing(line.price_minor, line.currency)
            if col == 3:
                return money(line.price_minor, line.currency)
            return money(line.price_minor * line.quantity, line.currency)
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return plain_tooltip(
                "\n".join(filter(None, (line.name, line.code)))
            )  # a long name is cut in its cell
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == 3 and line.price_minor is None:
            return QColor(problem_colour())  # the one thing the order still waits for
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        line = self.lines[index.row()]
        if index.column() == 1:
            self.lines[index.row()] = replace(line, option=" ".join(str(value).split())[:100])
        elif index.column() == 2:
            try:
                quantity = int(value)
            except (TypeError, ValueError):
                return False
            if not 1 <= quantity <= MAX_QUANTITY:
                return False
            self.lines[index.row()] = replace(line, quantity=quantity)
        elif index.column() == 3 and line.own:
            try:
                price = amount_to_minor(str(value), line.currency) if str(value).strip() else None
            except ShopInboxError:
                return False  # letters, or finer than the currency's smallest unit: the editor stays
            self.lines[index.row()] = replace(line, price_minor=price)
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 4))
        return True


def _cart_or_why(db: Database, message_id: int | None) -> CartStart | OrderError | None:
    """The cart's lines for the form, or why they cannot be read (said in the form); blocking."""
    if message_id is None:
        return None
    try:
        return cart_start(db, message_id)
    except OrderError as exc:
        return exc


def own_name(search: str) -> str:
    """What the owner typed in the search, as the name of a line of their own ("" when nothing),
    without the quantity written after it ("제육도시락 2개": 제육도시락)."""
    return typed_quantity(search)[0][:200]


def searched_name(search: str) -> str:
    """What the catalogue is searched for: the name typed, without the quantity written after it."""
    return typed_quantity(search)[0]


def searched_quantity(search: str) -> int:
    """How many of the item the search's words ask for ("제육도시락 2개": 2); 1 when they say none."""
    return typed_quantity(search)[1] or 1


def line_input(line: DraftLine) -> LineInput:
    if line.kept is not None and line.price_minor is not None:  # at the price agreed on it
        price = to_decimal(line.price_minor, line.currency)
        return LineInput(line.code, line.quantity, price, line.currency, option=line.option, name=line.name)
    if line.item is not None:
        if line.price_minor is not None and line.price_minor != line.item.price_minor:
            # From a customer's cart: at the price she saw in it, as a cart that came in live is.
            price = to_decimal(line.price_minor, line.currency)
            return LineInput(line.code, line.quantity, price, line.currency, option=line.option)
        return LineInput(line.code, line.quantity, option=line.option)  # at the catalogue's price
    assert line.price_minor is not None  # Create waits for it
    price = to_decimal(line.price_minor, line.currency)
    return LineInput("", line.quantity, price, line.currency, option=line.option, name=line.name)


class StartOrderDialog(QDialog):
    """Shown (not modal) over the chat; the order is written as one op when the owner clicks Create.

    With `order`, the same form changes that order's lines and charges (before it is paid), and
    Save changes writes them."""

    created = Signal(int, int)  # order id, contact id
    changed = Signal(object)  # (OrderDetail, Changes, OrderChange): the order as changed

    def __init__(
        self,
        ctx: AppContext,
        contact_id: int | None,
        customer: str,
        code: str = "",
        parent: QWidget | None = None,
        *,
        order: OrderDetail | None = None,
        cart: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.contact_id = contact_id
        self.order = order
        # The customer's cart message (one that never became an order) the new order is started
        # from: its items are the first lines, and the order becomes that cart's.
        self.cart_message_id = cart if order is None else None
        # New lines of the owner's own are priced in it; an order is in its items' currency.
        self.shop_currency = order.currency if order is not None else ctx.currency.upper()
        self._charges_currency = self.shop_currency  # the currency the shipping field was filled in
        self.settings = OrderSettings()
        # The shop's shipping rule arrives in an op; until then the total is not the shop's own.
        self.settings_loaded = False
        self.found: list[ItemRow] = []
        self._found_for: str | None = None  # the search text the list's items were found for
        self._add_when_found: str | None = None  # Enter pressed before the search for this text answered
        self.sold_out: frozenset[int] = frozenset()  # of the items found: stock counted, none left
        self.stock_left: dict[tuple[int, str], int] = {}  # of the items found and counted, as last read
        # Every read that counts stock (the start, a search, a cart or an item taken in): one that
        # answers after a newer one has counted keeps its items but not its counts, which went back
        # to what was left before a sale.
        self._stock_reads = Newest()
        self._shipping_edited = False
        self.setObjectName("startOrder")
        if order is None:
            self.setWindowTitle(self.tr("New order for {0}").format(isolated(customer)))
        else:
            self.setWindowTitle(self.tr("Change order {0}").format(order.number))
        resize_within_screen(self, QSize(640, 620))

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search the catalogue by name or code"))
        self.search.setAccessibleName(self.tr("Search the catalogue"))
        self.search.setMaxLength(100)
        self.results_model = QStringListModel(self)
        self.results = QListView(self)
        self.results.setAccessibleName(self.tr("Catalogue items found"))
        self.results.setModel(self.results_model)
        self.results.setMaximumHeight(140)
        # A double click (or Enter) adds the item; the list's lines are not for editing.
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.activated.connect(lambda index: self.add_result(index.row()))
        add = QPushButton(self.tr("&Add"), self)
        add.clicked.connect(self._add_current)

        self.lines = DraftLinesModel(self)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Order lines"))
        self.table.setModel(self.lines)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        remove = QPushButton(self.tr("&Remove line"), self)
        remove.clicked.connect(lambda: self.lines.remove(self.table.currentIndex().row()))
        # Pressed with no line chosen (a new order has none), it did nothing: it waits for a line.
        self.remove_line = remove

        def line_chosen() -> None:
            remove.setEnabled(self.table.currentIndex().isValid())

        self.table.selectionModel().currentChanged.connect(line_chosen)
        self.lines.rowsRemoved.connect(line_chosen)
        self.lines.modelReset.connect(line_chosen)
        line_chosen()

        self.shipping = QLineEdit(self)
        # Why the fee went to 0 as lines were added: the shop's free-shipping amount was reached.
        self.shipping.setAccessibleName(self.tr("Shipping fee"))  # its row's label names the row, not it
        self.free_shipping = QLabel(self)
        self.free_shipping.setObjectName("freeShippingNote")
        self.free_shipping.setTextFormat(Qt.TextFormat.PlainText)
        self.free_shipping.hide()
        # Each amount with its currency's mark as the owner's language writes a price (3,000 원, £ 7.50).
        shipping_row = MoneyRow(self.shipping, self.currency, self)
        shipping_row.addWidget(self.free_shipping)
        # The surcharges of the shop's country (도서산간; the UK's Highlands & Islands…), and the one
        # an order being changed was charged, wherever it was for.
        areas = surcharge_areas(ctx.shop_region)
        if order is not None and order.surcharge_minor:
            areas += (stored_area(order.surcharge_area),)
        self.surcharge = SurchargeBox(areas, self)
        self.discount = QLineEdit(self)
        self.discount.setPlaceholderText("0")
        discount_row = MoneyRow(self.discount, self.currency, self)
        self.money_rows = (shipping_row, discount_row)
        self.note = QLineEdit(self)
        self.note.setMaxLength(2000)
        self.subtotal_label = QLabel(self)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("orderTotal")
        font = self.total_label.font()
        font.setBold(True)
        self.total_label.setFont(font)
        # More wanted than is left of a counted item: said now, as asking for payment will refuse it,
        # yet the order can still be made (the owner may be restocking).
        self.stock_note = QLabel(self)
        self.stock_note.setObjectName("stockNote")
        self.stock_note.setWordWrap(True)
        self.stock_note.setStyleSheet(f"color: {warning_colour()}")
        self.stock_note.hide()
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {problem_colour()}")
        for label in (self.subtotal_label, self.total_label, self.stock_note, self.problem):
            label.setTextFormat(Qt.TextFormat.PlainText)

        form = QFormLayout()
        # Items and Total are sums to read, not fields: their labels lead nowhere (no Alt letter).
        form.addRow(QLabel(self.tr("Items"), self), self.subtotal_label)
        shipping_label = QLabel(self.tr("Shipping &fee"), self)
        shipping_label.setBuddy(self.shipping)
        form.addRow(shipping_label, shipping_row)
        if self.surcharge.label is not None:
            form.addRow(self.surcharge.label, self.surcharge)
        else:
            form.addRow("", self.surcharge)
        discount_label = QLabel(self.tr("&Discount"), self)
        discount_label.setBuddy(self.discount)
        form.addRow(discount_label, discount_row)
        form.addRow(QLabel(self.tr("Total"), self), self.total_label)
        form.addRow(self.tr("&Note"), self.note)

        self.create_button = QPushButton(
            self.tr("&Create order") if order is None else self.tr("&Save changes"), self
        )
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.submit)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.clicked.connect(self.reject)

        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(add)
        buttons = QHBoxLayout()
        buttons.addWidget(remove)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addWidget(self.results)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.stock_note)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)

        self.search.textChanged.connect(self.search_catalogue)
        # Enter adds the item found (the list's current one) and stays in the search for the next;
        # it never creates the order (the dialog's default button), which waits for its lines.
        self.search.returnPressed.connect(self._add_current)
        keep_enter(self.search, self.results)
        steer_list_from(self.search, self.results)  # Down, then Enter: the line below is added
        self.shipping.textEdited.connect(lambda _t: self._mark_shipping_edited())
        for signal in (self.shipping.textChanged, self.discount.textChanged, self.surcharge.changed):
            signal.connect(lambda *_a: self.recompute())
        self.lines.dataChanged.connect(lambda *_a: self.recompute())
        self.lines.rowsInserted.connect(lambda *_a: self.recompute())
        self.lines.rowsRemoved.connect(lambda *_a: self.recompute())
        # Changing an order: what it holds of the stock is its own to keep (`_say_stock`), and the
        # form as it opened, to tell a change from none when it closes.
        self._held: dict[tuple[int, str], int] = {}
        self._as_opened: tuple[object, ...] | None = None
        if order is not None:
            self._show_order(order, form)
        self._load(code, self.cart_message_id)

    def _show_order(self, order: OrderDetail, form: QFormLayout) -> None:
        form.setRowVisible(self.note, False)  # the owner's memo is the order window's
        for line in order.lines:
            self.lines.add_kept(line)
            if line.stock == "reserved" and line.item_id is not None:
                key = (line.item_id, line.option)
                self._held[key] = self._held.get(key, 0) + line.quantity
        self.surcharge.set_area(stored_area(order.surcharge_area) if order.surcharge_minor else "")
        if order.discount_minor:
            self.discount.setText(amount_for_editing(order.discount_minor, order.currency))

    def _show_surcharge_amounts(self) -> None:
        """The surcharge list says what each area adds, as Order settings set it."""
        settings = self.settings
        self.surcharge.show_amounts(
            {
                area: money(fee, settings.currency)
                for area in self.surcharge.areas
                if (fee := surcharge_for(settings, area))
            }
        )

    def _follow_order_shipping(self) -> None:
        """The order's fee stays as it was, unless it is the one the shop's rule gave: then it
        follows the rule as lines change (free shipping once the items reach the amount)."""
        order = self.order
        if order is None:
            return
        rule = default_charges(
            self.settings,
            order.subtotal_minor,
            currency=order.currency,
            area=stored_area(order.surcharge_area) if order.surcharge_minor else "",
        )
        if rule.shipping_minor != order.shipping_minor:
            self._shipping_edited = True
            self.shipping.setText(amount_for_editing(order.shipping_minor, order.currency))

    # ----------------------------------------------------------------- catalogue
    def _load(self, code: str, cart: int | None = None) -> None:
        db = self.ctx.db
        kept = [line.item_id for line in self.lines.lines if line.item_id is not None]

        def work() -> tuple[OrderSettings, ItemsForOrder, CartStart | OrderError | None]:
            settings, start = order_form_start(db, code, kept)
            return settings, start, _cart_or_why(db, cart)

        def done(
            result: tuple[OrderSettings, ItemsForOrder, CartStart | OrderError | None], fresh: bool = True
        ) -> None:
            self.settings, start, from_cart = result
            self.settings_loaded = True
            self._show_surcharge_amounts()
            self._follow_order_shipping()
            if fresh:
                self.stock_left.update(start.left)
            prefill = start.rows
            if prefill and prefill[0].retailer_id == code:
                self.lines.add(prefill[0])
            if from_cart is not None:
                self._add_cart(from_cart, fresh)
            self.search_catalogue(self.search.text())
            self.recompute()
            self._as_opened = self._as_typed()

        self._stock_reads.run_op(
            work, done, parent=self, on_outdated=lambda result: done(result, fresh=False)
        )

    def take_cart(self, message_id: int) -> None:
        """The card of a cart that never became an order, clicked while this form is open: its items
        join the lines (once: the same cart clicked again adds nothing), and the order becomes that
        cart's when the form came from none."""
        db = self.ctx.db
        self._stock_reads.run_op(
            lambda: _cart_or_why(db, message_id),
            self._add_cart,
            parent=self,
            on_outdated=lambda found: self._add_cart(found, fresh=False),
        )

    def _add_cart(self, found: CartStart | OrderError | None, fresh: bool = True) -> None:
        """A cart's items join the lines; `fresh`: its stock counts are the newest read."""
        if isinstance(found, OrderError):  # its items cannot be read (the card says so too)
            self.problem.setText(failure_sentence(found))
            self.problem.show()
            return
        if found is None:
            return
        if self.order is None and self.cart_message_id is None:
            self.cart_message_id = found.message_id
        if fresh:
            self.stock_left.update(found.left)
        for line in found.lines:
            try:
                check_line_currency((had.currency for had in self.lines.lines), line.name, line.currency)
            except OrderError as exc:  # won and dollars in one order: said, and the line left out
                self.problem.setText(failure_sentence(exc))
                self.problem.show()
                continue
            if line.item is not None:
                if any(had.item_id == line.item.id for had in self.lines.lines):
                    continue
                self.lines.add_line(
                    DraftLine(line.item, line.item.name, line.price_minor, line.currency, line.quantity)
                )
            elif not any(had.own and had.name == line.name for had in self.lines.lines):
                # Not in the catalogue (any more): its code, at the price the customer saw.
                self.lines.add_line(
                    DraftLine(None, line.name, line.price_minor, line.currency, line.quantity)
                )
        self.recompute()

    def take_item(self, code: str) -> None:
        """ "Start order" on a list reply naming another item while this form is open: that item joins
        the lines (once: the same reply clicked again adds no second piece)."""
        db = self.ctx.db

        def done(result: tuple[OrderSettings, ItemsForOrder], fresh: bool = True) -> None:
            start = result[1]
            if fresh:
                self.stock_left.update(start.left)
            found = start.rows[0] if start.rows and start.rows[0].retailer_id == code else None
            if found is not None and all(line.item_id != found.id for line in self.lines.lines):
                self.lines.add(found)
                self.recompute()

        self._stock_reads.run_op(
            lambda: order_form_start(db, code),
            done,
            parent=self,
            on_outdated=lambda result: done(result, fresh=False),
        )

    def _as_typed(self) -> tuple[object, ...]:
        return (tuple(self.lines.lines), self.shipping.text(), self.discount.text(), self.surcharge.area())

    def search_catalogue(self, text: str) -> None:
        db = self.ctx.db

        def work() -> ItemsForOrder:
            return items_for_order(db, searched_name(text), SEARCH_LIMIT)

        def done(result: ItemsForOrder, fresh: bool = True) -> None:
            if fresh:
                self.stock_left.update(result.left)
            if text != self.search.text():
                return  # the owner typed on
            if not fresh and self._found_for == text:
                return  # a newer answer for this text is on show
            rows, self.sold_out = result.rows, result.sold_out
            self.found, self._found_for = rows, text
            shown = [
                f"{r.name} · {r.retailer_id} · {money(r.price_minor, r.currency)}" + self._stock_said(r.id)
                for r in rows
            ]
            if own_name(text):
                # Last in the list, and the only line when the catalogue has no such item: the shop
                # sells it all the same (a custom size, a gift box), at a price the owner types.
                shown.append(
                    self.tr("Add “{0}” (not in the catalogue: you type its price)").format(own_name(text))
                )
            self.results_model.setStringList(shown)
            if shown:
                self.results.setCurrentIndex(self.results_model.index(0))
            if self._add_when_found == text:
                self._add_when_found = None
                self._add_current()

        self._stock_reads.run_op(
            work, done, parent=self, on_outdated=lambda result: done(result, fresh=False)
        )

    @property
    def currency(self) -> str:
        """The order's currency: its lines' (a catalogue item keeps the currency it was priced in),
        the shop's while it has none."""
        return order_currency((line.currency for line in self.lines.lines), self.shop_currency)

    def add_result(self, row: int) -> None:
        if 0 <= row < len(self.found):
            item = self.found[row]
            try:
                check_line_currency((line.currency for line in self.lines.lines), item.name, item.currency)
            except OrderError as exc:  # said at once, not when Create is clicked
                self.problem.setText(failure_sentence(exc))
                self.problem.show()
                return
            if item.id in self.sold_out and not self._add_sold_out(item):
                return
            self.lines.add(item, searched_quantity(self.search.text()))
        elif row == len(self.found) and (name := own_name(self.search.text())):
            added = self.lines.add_own(name, self.currency, searched_quantity(self.search.text()))
            price = self.lines.index(added, 3)
            self.table.setCurrentIndex(price)
            self.table.edit(price)  # its price next: the order waits for it

    def _stock_said(self, item_id: int) -> str:
        """ " · Sold out" or " · 3 in stock" for a counted item; nothing for one nobody counts."""
        if item_id in self.sold_out:
            return " · " + self.tr("Sold out")
        left = [max(0, n) for (counted, _option), n in self.stock_left.items() if counted == item_id]
        return " · " + self.tr("{0} in stock").format(count_text(sum(left))) if left else ""

    def _add_sold_out(self, item: ItemRow) -> bool:
        """Asks before a sold-out item goes into an order (No is the default): the stock counted is
        all promised, and asking for payment would fail for want of it."""
        return confirm(
            self,
            self.tr("Sold out"),
            self.tr("“{0}” is sold out: no stock is left to promise. Add it anyway?").format(item.name),
            self.tr("&Add anyway"),
        )

    def _add_current(self) -> None:
        """Enter in the search, or Add: the item chosen in the list, once it lists what was typed. A
        code typed or scanned with its Enter at once found the list still showing the last search's
        items, and its first (another item) went into the order."""
        if self._found_for != self.search.text():
            self._add_when_found = self.search.text()
            return
        current = self.results.currentIndex()
        self.add_result(current.row() if current.isValid() else 0)
        self.search.selectAll()  # the next name typed replaces this one

    # ----------------------------------------------------------------- totals
    def _mark_shipping_edited(self) -> None:
        self._shipping_edited = True

    def _amount(self, edit: QLineEdit) -> int:
        text = edit.text().strip()
        return amount_to_minor(text, self.currency) if text else 0

    def charges(self) -> Charges:
        if self.currency != self._charges_currency:
            # The lines now are in another currency: a fee typed in the old one means nothing in it.
            self._charges_currency, self._shipping_edited = self.currency, False
        subtotal = sum((line.price_minor or 0) * line.quantity for line in self.lines.lines)
        rule = default_charges(self.settings, subtotal, currency=self.currency, area=self.surcharge.area())
        if not self._shipping_edited:
            # The shop's rule (free over X) until the owner types a fee of their own.
            self.shipping.blockSignals(True)
            self.shipping.setText(amount_for_editing(rule.shipping_minor, self.currency))
            self.shipping.blockSignals(False)
        waived = not self._shipping_edited and shipping_waived(self.settings, subtotal, self.currency)
        if waived:
            self.free_shipping.setText(
                self.tr("Free shipping (orders of {0} or more)").format(
                    money(self.settings.free_over_minor, self.currency)
                )
            )
        elif self._fees_in_another_currency():
            # Why no fee is filled in: the shop's are in won, and this order is in dollars.
            self.free_shipping.setText(
                self.tr("The shop's fees are in {0}: type this order's fee.").format(self.settings.currency)
            )
        self.free_shipping.setVisible(waived or self._fees_in_another_currency())
        return Charges(
            shipping_minor=self._amount(self.shipping),
            surcharge_minor=rule.surcharge_minor,
            discount_minor=self._amount(self.discount),
            surcharge_area=rule.surcharge_area,
        )

    def _fees_in_another_currency(self) -> bool:
        """The shop has fees, set in another currency than this order's: none of them is charged."""
        settings = self.settings
        return (
            self.settings_loaded
            and not self._shipping_edited
            and settings.currency != self.currency
            and bool(settings.shipping_minor or has_surcharges(settings))
        )

    def recompute(self) -> None:
        """The total as the owner types, in integer minor units; a bad amount says why."""
        for row in self.money_rows:
            row.show_currency(self.currency)
        lines = [
            CleanLine(
                line.item_id,
                line.code,
                line.name,
                line.option,
                line.quantity,
                line.price_minor or 0,
                line.currency,
            )
            for line in self.lines.lines
        ]
        self._say_stock(lines)
        unpriced = [line.name for line in self.lines.lines if line.price_minor is None]
        if unpriced:
            self.problem.setText(self.tr("Type the price of “{0}” in its line.").format(unpriced[0]))
            self.problem.show()
            self.create_button.setEnabled(False)
            return
        try:
            charges = self.charges()
            totals = order_totals(lines, charges, self.currency)
        except ShopInboxError as exc:
            self.problem.setText(failure_sentence(exc))
            self.problem.show()
            self.total_label.setText("—")
            self.create_button.setEnabled(False)
            return
        self.problem.hide()
        self.subtotal_label.setText(money(totals.subtotal_minor, self.currency))
        total = money(totals.total_minor, self.currency)
        if totals.surcharge_minor:
            total += "  " + self.tr("({0} +{1})").format(
                surcharge_name(self.surcharge.area()), money(totals.surcharge_minor, self.currency)
            )
        if self.order is not None and self.order.carried_minor:  # an exchange's: part paid already
            carried = self.order.carried_minor
            total += "  " + self.tr("(paid on order {0}: {1}; left to pay {2})").format(
                self.order.carried_from,
                money(carried, self.currency),
                money(max(0, totals.total_minor - carried), self.currency),
            )
        self.total_label.setText(total)
        self.create_button.setEnabled(bool(lines) and self.settings_loaded)

    def _say_stock(self, lines: list[CleanLine]) -> None:
        """The sentence asking for payment would refuse the order with, while more is wanted than is left."""
        left = dict(self.stock_left)
        for (item_id, option), quantity in self._held.items():  # what this order holds is its own
            key = (item_id, option) if (item_id, option) in left else (item_id, "")
            if key in left:
                left[key] += quantity
        short = first_shortage(left, lines)
        if short is not None:
            self.stock_note.setText(failure_sentence(OrderError(ErrorCode.ORDER_OUT_OF_STOCK, short)))
        self.stock_note.setVisible(short is not None)

    def reject(self) -> None:
        """Cancel, Esc or the title bar: an order with lines is dropped only when the owner says so
        (creating it is what the Create button is for, so the question offers no Save)."""
        if self.order is not None:
            if self._as_opened not in (None, self._as_typed()) and not confirm(
                self,
                self.tr("Discard the changes?"),
                self.tr("Close without saving? The order keeps its items and amounts as they were."),
                self.tr("&Discard changes"),
                keep=self.tr("&Keep editing"),
            ):
                return
        elif self.lines.lines and not confirm(
            self,
            self.tr("Discard this order?"),
            self.tr("Close without creating the order? The lines you added are not kept."),
            self.tr("&Discard order"),
            # "Cancel" would read as cancelling the order, the opposite of keeping it.
            keep=self.tr("&Keep editing"),
        ):
            return
        super().reject()

    # ----------------------------------------------------------------- create
    def submit(self) -> None:
        try:
            charges = self.charges()
        except ShopInboxError as exc:
            self.problem.setText(failure_sentence(exc))
            self.problem.show()
            return
        lines = [line_input(line) for line in self.lines.lines]
        self.create_button.setEnabled(False)
        if self.order is not None:
            self._save_changes(self.order.id, lines, charges)
            return
        contact_id, note, currency, db = self.contact_id, self.note.text(), self.currency, self.ctx.db
        assert contact_id is not None  # a new order is started in a customer's chat
        cart = self.cart_message_id

        def work() -> tuple[int, Changes]:
            return start_order(
                db,
                contact_id=contact_id,
                lines=lines,
                charges=charges,
                note=note,
                currency=currency,
                cart_message_id=cart,
            )

        def done(result: tuple[int, Changes]) -> None:
            order_id, changes = result
            self.ctx.publish(changes)
            self.created.emit(order_id, contact_id)
            self.accept()

        Op(work, parent=self).success(done).failure(self._refused).run()

    def _save_changes(self, order_id: int, lines: list[LineInput], charges: Charges) -> None:
        db = self.ctx.db

        def done(result: tuple[OrderDetail, Changes, OrderChange]) -> None:
            self.changed.emit(result)
            self.accept()

        Op(lambda: save_order_change(db, order_id, lines, charges), parent=self).success(done).failure(
            self._refused
        ).run()

    def _refused(self, exc: BaseException) -> None:
        self.recompute()  # Save or Create on again, for the owner to correct and try once more
        self.problem.setText(failure_sentence(exc))
        self.problem.show()
