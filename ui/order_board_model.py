"""The board's item models: one list of cards per state, and one sortable table of every order."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.order_queries import OrderSummary
from app.orders import OrderState
from ui.formatting import list_time
from ui.order_text import money, state_name

AnyIndex = QModelIndex | QPersistentModelIndex


class OrderRole(enum.IntEnum):
    SUMMARY = Qt.ItemDataRole.UserRole + 1  # OrderSummary
    SORT = Qt.ItemDataRole.UserRole + 2  # the raw value a table column sorts by


def items_text(summary: OrderSummary) -> str:
    """'린넨 셔츠 ×2, 에코백 ×1 +3' — the first lines, then how many more."""
    from PySide6.QtCore import QCoreApplication

    shown = ", ".join(f"{name} ×{quantity}" for name, quantity in summary.items)
    more = summary.line_count - len(summary.items)
    if more > 0:
        shown += " " + QCoreApplication.translate("OrderBoard", "+%n more", "", more)
    return shown


class StateColumnModel(QAbstractListModel):
    """The cards of one board column (one state), newest first."""

    def __init__(self, state: OrderState, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        self._rows: list[OrderSummary] = []

    def set_rows(self, rows: list[OrderSummary]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def summary(self, row: int) -> OrderSummary:
        return self._rows[row]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self._rows[index.row()]
        if role == OrderRole.SUMMARY:
            return s
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{s.number} {s.customer} {money(s.total_minor, s.currency)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return items_text(s)
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
    """Every order the filter lets through, one row each; sorted by the view's proxy on OrderRole.SORT."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[OrderSummary] = []
        self.now: datetime | None = None

    def set_rows(self, rows: Sequence[OrderSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

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
        if role == OrderRole.SORT:
            return {
                Column.NUMBER: (s.created_at.year, s.number),
                Column.CUSTOMER: s.customer.casefold(),
                Column.ITEMS: s.quantity,
                Column.TOTAL: s.total_minor,
                Column.STATE: list(OrderState).index(OrderState(s.state)),
                Column.ORDERED: s.created_at.timestamp(),
                Column.DUE: s.payment_due_at.timestamp() if s.payment_due_at else 0.0,
            }[col]
        if role == Qt.ItemDataRole.DisplayRole:
            if col is Column.NUMBER:
                return s.number
            if col is Column.CUSTOMER:
                return s.customer
            if col is Column.ITEMS:
                return items_text(s)
            if col is Column.TOTAL:
                return money(s.total_minor, s.currency)
            if col is Column.STATE:
                return state_name(s.state)
            if col is Column.ORDERED:
                return list_time(s.created_at, self.now)
            return list_time(s.payment_due_at, self.now) if s.payment_due_at else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (Column.TOTAL, Column.ITEMS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
