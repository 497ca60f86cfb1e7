"""The board's item models: one list of cards per state, and one sortable table of every order."""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.order_queries import SORT_KEYS, OrderSummary
from app.orders import OrderState, item_quantity
from ui.formatting import due_time, full_datetime, list_time, shop_datetime
from ui.order_text import state_name, total_texts
from ui.plain_tooltip import plain_tooltip
from ui.translations import ui_language

AnyIndex = QModelIndex | QPersistentModelIndex
ORDER_MIME = "application/x-shopinbox-order"


class OrderRole(enum.IntEnum):
    SUMMARY = Qt.ItemDataRole.UserRole + 1  # OrderSummary


def items_text(summary: OrderSummary) -> str:
    """'Linen shirt ×2, Eco bag ×1 +3 more', '린넨 셔츠 2개, 에코백 1개 외 3개' — the first lines, then
    how many more. The quantity as the owner's language writes it: after a Hangul name, "×1" came
    from the Korean font, smaller than the "×1" after a Latin letter in the same column."""
    from PySide6.QtCore import QCoreApplication

    shown = ", ".join(item_quantity(name, quantity, ui_language()) for name, quantity in summary.items)
    more = summary.line_count - len(summary.items)
    if more > 0:
        shown += " " + QCoreApplication.translate("OrderBoard", "+%Ln more", "", more)
    return shown


Fetch = Callable[[Any], None]


class StateColumnModel(QAbstractListModel):
    """The cards of one board column (one state), newest first, paged in as the owner scrolls."""

    def __init__(self, state: OrderState, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        self._rows: list[OrderSummary] = []
        self.total = 0
        self.loading = False
        self.fetch: Fetch | None = None  # the board loads the next page (an op) and calls append()

    def set_page(self, rows: list[OrderSummary], total: int) -> None:
        self.beginResetModel()
        self._rows, self.total, self.loading = list(rows), total, False
        self.endResetModel()

    def append(self, rows: list[OrderSummary]) -> None:
        self.loading = False
        known = {r.id for r in self._rows}
        rows = [r for r in rows if r.id not in known]
        if not rows:
            self.total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def last_key(self) -> tuple[datetime, int] | None:
        return (self._rows[-1].created_at, self._rows[-1].id) if self._rows else None

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:
        return (
            not parent.isValid()
            and not self.loading
            and self.fetch is not None
            and len(self._rows) < self.total
        )

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:
        if self.canFetchMore(parent) and self.fetch is not None:
            self.loading = True
            self.fetch(self)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def row_of(self, order_id: int) -> int | None:
        """The row of the order's card, or None when it is not on this page."""
        return next((row for row, r in enumerate(self._rows) if r.id == order_id), None)

    def summary(self, row: int) -> OrderSummary:
        return self._rows[row]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [ORDER_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """A dragged card carries its order's id and state ("12:new"); another column decides the move."""
        data = QMimeData()
        if indexes and indexes[0].isValid():
            s = self._rows[indexes[0].row()]
            data.setData(ORDER_MIME, f"{s.id}:{s.state}".encode())
        return data

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self._rows[index.row()]
        if role == OrderRole.SUMMARY:
            return s
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{s.number} {s.customer} {total_texts(s)[0]}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(items_text(s))
        return None


class Column(enum.IntEnum):
    NUMBER = 0
    CUSTOMER = 1
    ITEMS = 2
    TOTAL = 3
    STATE = 4
    ORDERED = 5
    DUE = 6


class OrderTableModel(QAbstractTableModel):
    """Every order the filter lets through, one row each, sorted in SQL and paged in as the owner scrolls."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[OrderSummary] = []
        self.total = 0
        self.loading = False
        self.now: datetime | None = None
        self.zone: tzinfo | None = None  # the shop's clock (None: this computer's)
        self.sort_key = "ordered"
        self.descending = True
        self.fetch: Fetch | None = None  # loads rows from len(rows) on, then append()
        self.resort: Callable[[], None] | None = None  # reloads from the first row in the new order

    def set_page(self, rows: Sequence[OrderSummary], total: int) -> None:
        self.beginResetModel()
        self._rows, self.total, self.loading = list(rows), total, False
        self.endResetModel()

    def append(self, rows: list[OrderSummary]) -> None:
        self.loading = False
        if not rows:
            self.total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:
        return (
            not parent.isValid()
            and not self.loading
            and self.fetch is not None
            and len(self._rows) < self.total
        )

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:
        if self.canFetchMore(parent) and self.fetch is not None:
            self.loading = True
            self.fetch(self)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting 10,000 orders is the database's job: the first page is read again in the new order."""
        self.sort_key = SORT_KEYS[column]
        self.descending = order == Qt.SortOrder.DescendingOrder
        if self.resort is not None:
            self.resort()

    def summary(self, row: int) -> OrderSummary:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Order"),
            self.tr("Customer"),
            self.tr("Items"),
            self.tr("Total"),
            self.tr("State"),
            self.tr("Ordered"),
            self.tr("Pay by"),
        )[section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self._rows[index.row()]
        col = Column(index.column())
        if role == OrderRole.SUMMARY:
            return s
        if role == Qt.ItemDataRole.DisplayRole:
            if col is Column.NUMBER:
                return s.number
            if col is Column.CUSTOMER:
                return s.customer
            if col is Column.ITEMS:
                return items_text(s)
            if col is Column.TOTAL:
                return total_texts(s)[0]
            if col is Column.STATE:
                return state_name(s.state)
            if col is Column.ORDERED:
                return list_time(s.created_at, self.now, self.zone)
            # A deadline only while the order waits for payment: a paid or cancelled one has none left.
            if s.payment_due_at is None or s.state != OrderState.AWAITING_PAYMENT:
                return ""
            return due_time(s.payment_due_at, self.now, self.zone)
        if role == Qt.ItemDataRole.ToolTipRole and col in (Column.ORDERED, Column.DUE):
            # "Yesterday" or "Thursday" names the day only: sixty of yesterday's orders read alike.
            moment = s.created_at if col is Column.ORDERED else s.payment_due_at
            if moment is None or (col is Column.DUE and s.state != OrderState.AWAITING_PAYMENT):
                return None
            return shop_datetime(moment, self.zone) if self.zone is not None else full_datetime(moment)
        if role == Qt.ItemDataRole.TextAlignmentRole and col is Column.TOTAL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
