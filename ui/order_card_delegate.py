"""Paints one order card on the board: number and age, customer, items, total, payment deadline."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, tzinfo

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QPaintDevice,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from app.order_queries import OrderSummary
from app.orders import OrderState
from ui.formatting import compact_list_time, duration_coarse, duration_short, list_time
from ui.order_board_model import OrderRole, items_text
from ui.order_text import total_texts
from ui.theme import Colours, colours, own_family_first, ui_font

Index = QModelIndex | QPersistentModelIndex

CARD_HEIGHT = 84
PAD = 8
GAP = 8  # at least this between the two texts of a row


class Ink(enum.Enum):
    TEXT = enum.auto()
    SECONDARY = enum.auto()
    FAILED = enum.auto()


@dataclass(frozen=True, slots=True)
class Piece:
    """One text of a card and the room it is drawn in (exactly its width)."""

    rect: QRectF
    text: str
    font: QFont
    ink: Ink


def fitted_text(
    texts: tuple[str, ...],
    fm: QFontMetricsF,
    room: float,
    mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
) -> str:
    """The first of `texts` (longest first) that fits in `room`, else the last elided to it by
    `mode`; "" when not even an ellipsis and a letter fit."""
    for text in texts:
        if fm.horizontalAdvance(text) <= room:
            return text
    if not texts or room < fm.horizontalAdvance("0…"):
        return ""
    shown = fm.elidedText(texts[-1], mode, room)
    return shown if shown not in ("", "…") else ""


class OrderCardDelegate(QStyledItemDelegate):
    """Plain text only: a customer's name or an item's name is never markup."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Digits, "×" and "," from the UI's own font after Hangul too, as in the orders table.
        self.body = own_family_first(ui_font(0))
        self.bold = own_family_first(ui_font(0, bold=True))
        self.small = own_family_first(ui_font(-1.5))
        self.body_fm = QFontMetricsF(self.body)
        self.small_fm = QFontMetricsF(self.small)
        self.bold_fm = QFontMetricsF(self.bold)
        self.now: datetime | None = None
        self.zone: tzinfo | None = None  # the shop's clock (None: this computer's)
        self._frames: dict[tuple[int, int, float, int, int, bool], QPixmap] = {}
        self._palette_key: int | None = None
        self._palette_colours = colours()

    def tooltip(self, summary: OrderSummary) -> str:
        """The card's words in full: its items, and its deadline or tracking number (a narrow card
        shows only "2일 20시간" of "입금 기한 2일 20시간 남음")."""
        texts = (items_text(summary), total_texts(summary)[0], self.deadline_text(summary))
        return "\n".join(text for text in texts if text)

    def helpEvent(
        self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem, index: Index
    ) -> bool:
        summary = index.data(OrderRole.SUMMARY)
        if event.type() != QEvent.Type.ToolTip or summary is None:
            return super().helpEvent(event, view, option, index)
        QToolTip.showText(event.globalPos(), self.tooltip(summary), view)
        return True

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
        if option.state & QStyle.StateFlag.State_HasFocus:  # type: ignore[attr-defined]
            # The column has the keyboard: its current card is outlined, as the chat list outlines its
            # current chat, so Tab into a column shows which card Enter opens (it showed nothing).
            painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Highlight), 2))  # type: ignore[attr-defined]
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), 7, 7)
        for piece in self.pieces(summary, rect):
            painter.setFont(piece.font)
            painter.setPen(
                {Ink.TEXT: c.bubble_text, Ink.SECONDARY: c.secondary_text, Ink.FAILED: c.failed}[piece.ink]
            )
            painter.drawText(
                piece.rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), piece.text
            )
        painter.restore()

    def pieces(self, summary: OrderSummary, rect: QRectF) -> list[Piece]:
        """Where each text of the card goes in `rect` (the card's frame), each as wide as its text:
        number and age, customer, items, total and the deadline or tracking number. A second text
        on a row takes the room its first leaves; where that is too little it is shortened, and
        where not even "…" fits it is left out, so no two texts ever overlap."""
        inner = rect.adjusted(PAD, PAD - 2, -PAD, -PAD + 2)
        line_h = self.body_fm.height()
        small_h = self.small_fm.height()
        out: list[Piece] = []

        def row(
            y: float,
            h: float,
            first: tuple[str, QFont, Ink],
            second: tuple[tuple[str, ...], QFont, Ink],
            mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
        ) -> None:
            text, font, ink = first
            fm = QFontMetricsF(font)
            shown = fm.elidedText(text, Qt.TextElideMode.ElideRight, inner.width())
            width = fm.horizontalAdvance(shown)
            out.append(Piece(QRectF(inner.left(), y, width, h), shown, font, ink))
            texts, font2, ink2 = second
            room = inner.width() - width - GAP
            fitted = fitted_text(texts, QFontMetricsF(font2), room, mode)
            if fitted:
                advance = QFontMetricsF(font2).horizontalAdvance(fitted)
                out.append(Piece(QRectF(inner.right() - advance, y, advance, h), fitted, font2, ink2))

        # Row 1: number (bold) · age
        # On a narrow card (a 1366-pixel screen at 150 %) "11월 28일" was cut to "11월…": "11/28" fits.
        age = self.ordered_text(summary)
        compact = compact_list_time(summary.created_at, self.now, self.zone)
        ages = (age, compact) if compact != age else (age,)
        row(inner.top(), line_h, (summary.number, self.bold, Ink.TEXT), (ages, self.small, Ink.SECONDARY))
        # Only a deadline still awaited is late: a paid order keeps its old one, and its tracking
        # number was drawn in red once that day had passed.
        overdue = (
            summary.state == OrderState.AWAITING_PAYMENT
            and summary.payment_due_at is not None
            and self.now is not None
            and summary.payment_due_at <= self.now
        )
        deadlines = self.deadline_texts(summary)
        deadline_ink = Ink.FAILED if overdue else Ink.SECONDARY
        # Row 2: customer; row 3: items
        y = inner.top() + line_h
        row(y, line_h, (summary.customer or "—", self.body, Ink.TEXT), ((), self.small, Ink.SECONDARY))
        y += line_h
        if summary.state == OrderState.AWAITING_PAYMENT and not self.deadline_fits_beside_total(
            summary, inner.width(), deadlines
        ):
            # Too narrow for the deadline beside what is owed (it read "3 …"): the deadline takes the
            # items' row, whole, and the items wait in the tooltip; what is owed and by when matter more.
            shown = next((t for t in deadlines if self.small_fm.horizontalAdvance(t) <= inner.width()), "")
            if shown:
                width = self.small_fm.horizontalAdvance(shown)
                out.append(Piece(QRectF(inner.left(), y, width, small_h), shown, self.small, deadline_ink))
            deadlines = ()
        else:
            row(y, small_h, (items_text(summary), self.small, Ink.SECONDARY), ((), self.small, Ink.SECONDARY))
        # Row 4: total, and the payment deadline for orders awaiting payment (or the tracking number)
        y += small_h + 2
        row(
            y,
            line_h,
            (self.total_text(summary, inner.width(), deadlines), self.bold, Ink.TEXT),
            (deadlines, self.small, deadline_ink),
            # A tracking number is checked by its last digits ("…45678"), as couriers' pages show it.
            Qt.TextElideMode.ElideMiddle
            if summary.state == OrderState.SHIPPED
            else Qt.TextElideMode.ElideRight,
        )
        return out

    def deadline_fits_beside_total(
        self, summary: OrderSummary, width: float, deadlines: tuple[str, ...]
    ) -> bool:
        """The shortest deadline fits whole beside the shortest money text in `width` (or there is none)."""
        if not deadlines:
            return True
        shortest_total = self.bold_fm.horizontalAdvance(total_texts(summary)[-1])
        shortest_deadline = min(self.small_fm.horizontalAdvance(text) for text in deadlines)
        return shortest_total + GAP + shortest_deadline <= width

    def total_text(self, summary: OrderSummary, width: float, deadlines: tuple[str, ...]) -> str:
        """The longest of the order's money texts that leaves the deadline its shortest form beside
        it ("₩59,000 · left to pay ₩20,000", else "Left to pay ₩20,000"; the row shortens the last)."""
        texts = total_texts(summary)
        room = width
        if deadlines:
            room -= min(self.small_fm.horizontalAdvance(text) for text in deadlines) + GAP
        return next((text for text in texts if self.bold_fm.horizontalAdvance(text) <= room), texts[-1])

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

    def deadline_text(self, summary: OrderSummary) -> str:
        """The card's second text on its last row, in full ("" for none)."""
        texts = self.deadline_texts(summary)
        return texts[0] if texts else ""

    def deadline_texts(self, summary: OrderSummary) -> tuple[str, ...]:
        """The deadline (or tracking number), longest first: a narrow card shows the first that fits."""
        if summary.state != OrderState.AWAITING_PAYMENT or summary.payment_due_at is None:
            return (summary.tracking,) if summary.state == OrderState.SHIPPED and summary.tracking else ()
        if self.now is None:
            return ()
        left = summary.payment_due_at - self.now
        if left.total_seconds() <= 0:
            return (self.tr("Payment overdue"), self.tr("Overdue"))
        time_left, coarse = duration_short(left), duration_coarse(left)
        # Between the whole sentence and the bare time: "3일 6시간" alone did not say it was time left.
        texts = (
            self.tr("Pay within {0}").format(time_left),
            self.tr("{0} left").format(time_left),
            time_left,
        )
        # Narrower still, the days alone ("3 days"), not "3 days 14 …" cut mid-way.
        return (*texts, coarse) if coarse != time_left else texts
