"""The catalogue's item list as a Qt model: one row per item, prices formatted for the owner's locale."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.catalog import ItemList, ItemRow
from app.money import format_price
from ui.formatting import count_text
from ui.plain_tooltip import plain_tooltip

ITEM_IDS_MIME = "application/x-shopinbox-catalog-item-ids"

_Index = QModelIndex | QPersistentModelIndex


class CatalogRole(enum.IntEnum):
    ITEM_ID = Qt.ItemDataRole.UserRole + 1
    ROW = enum.auto()
    PRICE_TEXT = enum.auto()
    CODE = enum.auto()
    HIDDEN = enum.auto()
    IMAGE = enum.auto()  # the first images entry (path in the catalogue folder, or a URL)
    STOCK_TEXT = enum.auto()  # "3 in stock" for a counted item with some left; else empty


class CatalogModel(QAbstractListModel):
    """Rows come from app.catalog.item_list() (built only as they are shown) or list_items();
    `set_rows` repaints only what changed."""

    def __init__(self, locale: str = "ko_KR", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.locale = locale
        self._rows: Sequence[ItemRow] = []
        self._ids: list[int] = []
        self._prices: dict[int, str] = {}
        self.sold_out: frozenset[int] = frozenset()  # items whose counted stock is all promised
        self.stock_left: Mapping[int, int] = {}  # counted items: pieces left to promise

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def price_text(self, row: ItemRow) -> str:
        text = self._prices.get(row.id)
        if text is None:
            text = format_price(row.price_minor, row.currency, self.locale)
            if row.id in self.sold_out:
                text = self.tr("{0} · Sold out").format(text)
            self._prices[row.id] = text
        return text

    def stock_text(self, row: ItemRow) -> str:
        """How many are left, for a counted item (a sold-out one says so in its price instead)."""
        left = self.stock_left.get(row.id)
        return self.tr("{0} in stock").format(count_text(left)) if left else ""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.name
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # What the tile or row shows, for a screen reader: the name alone said no price, code,
            # stock, or that the item is hidden from customers.
            hidden = self.tr("Hidden") if row.hidden else ""
            parts = (row.name, self.price_text(row), row.retailer_id, self.stock_text(row), hidden)
            return ", ".join(part for part in parts if part)
        if role == Qt.ItemDataRole.ToolTipRole:
            stock = self.stock_text(row)
            tip = f"{row.name}\n{row.retailer_id} · {self.price_text(row)}" + (f" · {stock}" if stock else "")
            return plain_tooltip(tip)
        if role == CatalogRole.ITEM_ID:
            return row.id
        if role == CatalogRole.ROW:
            return row
        if role == CatalogRole.PRICE_TEXT:
            return self.price_text(row)
        if role == CatalogRole.CODE:
            return row.retailer_id
        if role == CatalogRole.HIDDEN:
            return row.hidden
        if role == CatalogRole.IMAGE:
            return row.first_image
        if role == CatalogRole.STOCK_TEXT:
            return self.stock_text(row)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [ITEM_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """Items dragged onto a collection carry their ids."""
        data = QMimeData()
        ids = [str(self._rows[i.row()].id) for i in indexes if i.isValid()]
        data.setData(ITEM_IDS_MIME, ",".join(ids).encode())
        return data

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def set_rows(
        self,
        rows: Sequence[ItemRow],
        sold_out: frozenset[int] = frozenset(),
        stock_left: Mapping[int, int] | None = None,
    ) -> None:
        new = rows if isinstance(rows, ItemList) else list(rows)
        new_ids = rows.ids if isinstance(rows, ItemList) else [r.id for r in new]
        self._prices.clear()
        stock_left = stock_left or {}
        moved = {
            i
            for i in stock_left.keys() | self.stock_left.keys()
            if stock_left.get(i) != self.stock_left.get(i)
        }
        self.stock_left = stock_left
        if sold_out != self.sold_out:
            self.sold_out = sold_out
            self._rows, self._ids = [], []  # every price text may change: reset below
        if new_ids == self._ids:
            changed = [i for i in range(len(new)) if new_ids[i] in moved or not self._same_row(i, new)]
            self._rows = new
            for i in changed:
                self.dataChanged.emit(self.index(i), self.index(i))
            return
        self.beginResetModel()
        self._rows, self._ids = new, new_ids
        self.endResetModel()

    def _same_row(self, i: int, new: Sequence[ItemRow]) -> bool:
        old = self._rows
        if isinstance(old, ItemList) and isinstance(new, ItemList):
            return old.same_row(i, new, i)  # compares stored values: no ItemRow is built
        return old[i] == new[i]

    def row_for_id(self, item_id: int) -> int:
        try:
            return self._ids.index(item_id)
        except ValueError:
            return -1

    def item(self, row: int) -> ItemRow:
        return self._rows[row]

    def refresh_image(self, entry: str) -> None:
        """A thumbnail landed: repaint the rows that show it."""
        rows = self._rows
        for i in range(len(rows)):
            if (rows.first_image(i) if isinstance(rows, ItemList) else rows[i].first_image) == entry:
                index = self.index(i)
                self.dataChanged.emit(index, index, [CatalogRole.IMAGE])
