"""Paints one order card on the board: number and age, customer, items, total, payment deadline."""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPaintDevice, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.order_queries import OrderSummary
from app.orders import OrderState
from ui.formatting import duration_short, list_time
from ui.order_board_model import OrderRole, items_text
from ui.order_text import money
from ui.theme import Colours, colours, ui_font

Index = QModelIndex | QPersistentModelIndex

CARD_HEIGHT = 84
PAD = 8


class OrderCardDelegate(QStyledItemDelegate):
    """Plain text only: a customer's name or an item's name is never markup."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body = ui_font(0)
        self.bold = ui_font(0, bold=True)
        self.small = ui_font(-1.5)
        self.body_fm = QFontMetricsF(self.body)
        self.small_fm = QFontMetricsF(self.small)
        self.bold_fm = QFontMetricsF(self.bold)
        self.now: datetime | None = None
        self.zone: tzinfo | None = None  # the shop's clock (None: this computer's)
        self._frames: dict[tuple[int, int, float, int, int, bool], QPixmap] = {}
        self._palette_key: int | None = None
        self._palette_colours = colours()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # Narrow on purpose: a list view gives each card its full width, whatever the column's size.
        return QSize(120, CARD_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        summary = index.data(OrderRole.SUMMARY)
        if not isinstance(summary, OrderSummary):
            return
        c = self._colours(option.palette)  # type: ignore[attr-defined]
        rect = QRectF(option.rect).adjusted(2, 2, -2, -2)  # type: ignore[attr-defined]
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        painter.drawPixmap(rect.topLeft(), self._frame(rect.size().toSize(), selected, c, painter.device()))
        inner = rect.adjusted(PAD, PAD - 2, -PAD, -PAD + 2)
        line_h = self.body_fm.height()
        small_h = self.small_fm.height()
        left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        # Row 1: number (bold) · age
        painter.setFont(self.bold)
        painter.setPen(c.bubble_text)
        painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), line_h), left, summary.number)
        painter.setFont(self.small)
        painter.setPen(c.secondary_text)
        painter.drawText(
            QRectF(inner.left(), inner.top(), inner.width(), line_h),
            right,
            self.ordered_text(summary),
        )
        # Row 2: customer
        y = inner.top() + line_h
        painter.setFont(self.body)
        painter.setPen(c.bubble_text)
        painter.drawText(
            QRectF(inner.left(), y, inner.width(), line_h),
            left,
            self.body_fm.elidedText(summary.customer or "—", Qt.TextElideMode.ElideRight, inner.width()),
        )
        # Row 3: items
        y += line_h
        painter.setFont(self.small)
        painter.setPen(c.secondary_text)
        painter.drawText(
            QRectF(inner.left(), y, inner.width(), small_h),
            left,
            self.small_fm.elidedText(items_text(summary), Qt.TextElideMode.ElideRight, inner.width()),
        )
        # Row 4: total, and the payment deadline for orders awaiting payment
        y += small_h + 2
        painter.setFont(self.bold)
        painter.setPen(c.bubble_text)
        painter.drawText(
            QRectF(inner.left(), y, inner.width(), line_h), left, money(summary.total_minor, summary.currency)
        )
        due = self.deadline_shown(summary, inner.width())
        if due:
            painter.setFont(self.small)
            overdue = (
                summary.payment_due_at is not None
                and self.now is not None
                and summary.payment_due_at <= self.now
            )
            painter.setPen(c.failed if overdue else c.secondary_text)
            painter.drawText(QRectF(inner.left(), y, inner.width(), line_h), right, due)
        painter.restore()

    def _colours(self, palette: QPalette) -> Colours:
        """The theme's colours for this palette, worked out once per palette rather than per card."""
        key = palette.cacheKey()
        if self._palette_key != key:
            self._palette_key, self._palette_colours = key, colours(palette)
        return self._palette_colours

    def _frame(self, size: QSize, selected: bool, c: Colours, device: QPaintDevice | None) -> QPixmap:
        """The rounded frame, antialiased once per size and colour: every card of a column shares it."""
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        fill, edge = c.bubble_in, c.accent if selected else QColor(0, 0, 0, 40)
        key = (size.width(), size.height(), ratio, fill.rgba(), edge.rgba(), selected)
        frame = self._frames.get(key)
        if frame is None:
            if len(self._frames) > 32:  # columns resized many times
                self._frames.clear()
            frame = QPixmap(size * ratio)
            frame.setDevicePixelRatio(ratio)
            frame.fill(Qt.GlobalColor.transparent)
            p = QPainter(frame)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setPen(QPen(edge, 1.5 if selected else 1))
            p.setBrush(fill)
            p.drawRoundedRect(
                QRectF(0, 0, size.width(), size.height()).adjusted(0.75, 0.75, -0.75, -0.75), 6, 6
            )
            p.end()
            self._frames[key] = frame
        return frame

    def ordered_text(self, summary: OrderSummary) -> str:
        """When the order came, on the shop's clock as its window and its customer's messages say it."""
        return list_time(summary.created_at, self.now, self.zone)

    def deadline_shown(self, summary: OrderSummary, width: float) -> str:
        """The deadline (or tracking number) as it fits beside the card's total: "Pay within 2 days
        20 hours" beside "₩1,290,000" on a narrow card is cut short, never painted over the total."""
        text = self.deadline_text(summary)
        if not text:
            return ""
        total = self.bold_fm.horizontalAdvance(money(summary.total_minor, summary.currency))
        room = max(0.0, width - total - PAD)
        return self.small_fm.elidedText(text, Qt.TextElideMode.ElideRight, room)

    def deadline_text(self, summary: OrderSummary) -> str:
        if summary.state != OrderState.AWAITING_PAYMENT or summary.payment_due_at is None:
            return summary.tracking if summary.state == OrderState.SHIPPED else ""
        if self.now is None:
            return ""
        left = summary.payment_due_at - self.now
        if left.total_seconds() <= 0:
            return self.tr("Payment overdue")
        return self.tr("Pay within {0}").format(duration_short(left))
