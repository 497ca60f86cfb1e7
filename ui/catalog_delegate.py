"""Paints a catalogue item as a grid tile or a list row: picture, name, price, code, stock, hidden badge."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.catalog_model import CatalogRole
from ui.catalog_thumbs import ThumbnailCache

GRID_IMAGE = 136
LIST_IMAGE = 48
THUMB_SIZE = 160  # one thumbnail file serves both (scaled down for the list)
PAD = 8
BADGE_COLOUR = QColor("#6B7280")


class CatalogDelegate(QStyledItemDelegate):
    def __init__(self, thumbs: ThumbnailCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.thumbs = thumbs
        self.grid = True
        self.hidden_text = "Hidden"

    # ------------------------------------------------------------------ sizes

    def tile_size(self, font: QFont) -> QSize:
        line = QFontMetrics(font).height()
        return QSize(GRID_IMAGE + 2 * PAD, GRID_IMAGE + 3 * line + 3 * PAD)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        font: QFont = option.font  # type: ignore[attr-defined]
        if self.grid:
            return self.tile_size(font)
        line = QFontMetrics(font).height()
        return QSize(320, max(LIST_IMAGE + 2 * PAD, 2 * line + 2 * PAD))

    # ------------------------------------------------------------------ painting

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect: QRect = option.rect  # type: ignore[attr-defined]
        palette: QPalette = option.palette  # type: ignore[attr-defined]
        state = option.state  # type: ignore[attr-defined]
        selected = bool(state & QStyle.StateFlag.State_Selected)
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)
        card = rect.adjusted(3, 3, -3, -3)
        if selected or hovered:
            colour = palette.color(QPalette.ColorRole.Highlight)
            colour.setAlpha(60 if selected else 25)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(card, 8, 8)
        name = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        price = str(index.data(CatalogRole.PRICE_TEXT) or "")
        code = str(index.data(CatalogRole.CODE) or "")
        hidden = bool(index.data(CatalogRole.HIDDEN))
        stock = str(index.data(CatalogRole.STOCK_TEXT) or "")
        image = index.data(CatalogRole.IMAGE)
        pixmap = self.thumbs.pixmap(str(image), THUMB_SIZE) if image else None
        if self.grid:
            self._paint_tile(painter, option, card, name, price, code, stock, hidden, pixmap)
        else:
            self._paint_row(painter, option, card, name, price, code, stock, hidden, pixmap)
        painter.restore()

    def _paint_picture(
        self, painter: QPainter, target: QRect, pixmap: QPixmap | None, name: str, dim: bool
    ) -> None:
        path = QPainterPath()
        path.addRoundedRect(QRectF(target), 6, 6)
        painter.save()
        painter.setClipPath(path)
        if pixmap is not None and not pixmap.isNull():
            painter.drawPixmap(target, pixmap)
        else:
            painter.fillRect(target, QColor("#E5E7EB"))
            painter.setPen(QColor("#9CA3AF"))
            font = QFont(painter.font())
            font.setPixelSize(max(12, target.height() // 3))
            font.setBold(True)
            painter.setFont(font)
            painter.drawText(target, Qt.AlignmentFlag.AlignCenter, name[:1].upper())
        if dim:
            painter.fillRect(target, QColor(255, 255, 255, 140))
        painter.restore()

    def _paint_badge(self, painter: QPainter, at_x: int, at_y: int, font: QFont) -> None:
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
        small.setBold(True)
        metrics = QFontMetrics(small)
        width = metrics.horizontalAdvance(self.hidden_text) + 12
        badge = QRect(at_x, at_y, width, metrics.height() + 4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BADGE_COLOUR)
        painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
        painter.setPen(QColor("white"))
        painter.setFont(small)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, self.hidden_text)

    def _text_colour(self, option: QStyleOptionViewItem, hidden: bool, secondary: bool = False) -> QColor:
        palette: QPalette = option.palette  # type: ignore[attr-defined]
        colour = palette.color(QPalette.ColorRole.Text)
        if secondary or hidden:
            colour = palette.color(QPalette.ColorRole.PlaceholderText)
        return colour

    def _paint_tile(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        card: QRect,
        name: str,
        price: str,
        code: str,
        stock: str,
        hidden: bool,
        pixmap: QPixmap | None,
    ) -> None:
        font: QFont = option.font  # type: ignore[attr-defined]
        side = min(GRID_IMAGE, card.width() - 2 * PAD + 6)
        picture = QRect(card.left() + (card.width() - side) // 2, card.top() + PAD - 3, side, side)
        self._paint_picture(painter, picture, pixmap, name, hidden)
        if hidden:
            self._paint_badge(painter, picture.left() + 6, picture.top() + 6, font)
        metrics = QFontMetrics(font)
        line = metrics.height()
        text_left = picture.left()
        y = picture.bottom() + PAD
        painter.setFont(font)
        painter.setPen(self._text_colour(option, hidden))
        painter.drawText(
            QRect(text_left, y, side, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(name, Qt.TextElideMode.ElideRight, side),
        )
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(QRect(text_left, y + line, side, line), Qt.AlignmentFlag.AlignLeft, price)
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        painter.setFont(small)
        painter.setPen(self._text_colour(option, hidden, secondary=True))
        # The count shares the code's line, at its right; the code gives way (elided) to it.
        stock_width = self._paint_stock(painter, QRect(text_left, y + 2 * line, side, line), small, stock)
        painter.drawText(
            QRect(text_left, y + 2 * line, side - stock_width, line),
            Qt.AlignmentFlag.AlignLeft,
            QFontMetrics(small).elidedText(code, Qt.TextElideMode.ElideMiddle, side - stock_width),
        )

    def _paint_stock(self, painter: QPainter, line: QRect, font: QFont, stock: str) -> int:
        """The stock left ("3 in stock") at the right of `line`; the width it took (with a gap)."""
        if not stock:
            return 0
        width = QFontMetrics(font).horizontalAdvance(stock)
        if width > line.width() * 2 // 3:
            return 0  # no room beside the code: the tooltip and the form say it
        painter.drawText(line, Qt.AlignmentFlag.AlignRight, stock)
        return width + PAD

    def _paint_row(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        card: QRect,
        name: str,
        price: str,
        code: str,
        stock: str,
        hidden: bool,
        pixmap: QPixmap | None,
    ) -> None:
        font: QFont = option.font  # type: ignore[attr-defined]
        metrics = QFontMetrics(font)
        line = metrics.height()
        picture = QRect(
            card.left() + PAD, card.top() + (card.height() - LIST_IMAGE) // 2, LIST_IMAGE, LIST_IMAGE
        )
        self._paint_picture(painter, picture, pixmap, name, hidden)
        bold = QFont(font)
        bold.setBold(True)
        price_width = QFontMetrics(bold).horizontalAdvance(price) + PAD
        left = picture.right() + PAD + 4
        right = card.right() - PAD
        top = card.top() + (card.height() - 2 * line) // 2
        badge_room = 0
        if hidden:
            badge_room = QFontMetrics(font).horizontalAdvance(self.hidden_text) + 20
            self._paint_badge(painter, right - price_width - badge_room + 4, top + 1, font)
        name_width = max(20, right - left - price_width - badge_room)
        painter.setFont(font)
        painter.setPen(self._text_colour(option, hidden))
        painter.drawText(
            QRect(left, top, name_width, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(name, Qt.TextElideMode.ElideRight, name_width),
        )
        painter.setFont(bold)
        painter.drawText(
            QRect(right - price_width, top, price_width, line), Qt.AlignmentFlag.AlignRight, price
        )
        painter.setFont(font)
        painter.setPen(self._text_colour(option, hidden, secondary=True))
        stock_width = self._paint_stock(painter, QRect(left, top + line, right - left, line), font, stock)
        painter.drawText(
            QRect(left, top + line, right - left - stock_width, line),
            Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(code, Qt.TextElideMode.ElideMiddle, right - left - stock_width),
        )
