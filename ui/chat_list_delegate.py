"""Paints one chat-list row: avatar, name and pill, time, preview with tick, unread badge, labels."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.conversation_rows import ConversationRow, LabelRow
from ui import icons
from ui.avatar import avatar_pixmap
from ui.chat_list_model import ChatRole
from ui.formatting import KIND_ICONS, list_time, preview_text
from ui.label_names import label_display_name
from ui.theme import Colours, colours, ui_font

ROW_HEIGHT = 72
AVATAR = 48
PAD = 12
MAX_LABELS = 5
CHIP_MAX_W = 90.0  # a long label name is elided past this
MIN_PREVIEW_W = 90.0  # chips only when the preview keeps at least this much room
TIMES_KEPT = 5_000  # rows' times remembered (a few hundred kilobytes at most)


@dataclass(frozen=True, slots=True)
class LabelMark:
    """One label as painted on a row: a named chip, or an unnamed dot when the row is narrow."""

    rect: QRectF
    text: str  # the (elided) display name; "" for a dot
    colour: QColor


def chip_text_colour(background: QColor) -> QColor:
    """Black or white, whichever reads better on the chip's colour."""
    lum = 0.299 * background.redF() + 0.587 * background.greenF() + 0.114 * background.blueF()
    return QColor("#111111") if lum > 0.6 else QColor("#FFFFFF")


def label_marks(
    labels: tuple[LabelRow, ...], fm: QFontMetricsF, start: float, end: float, top: float, line_h: float
) -> list[LabelMark]:
    """Chips right-aligned at end when they leave the preview (from start) room enough, else dots."""
    shown = labels[:MAX_LABELS]
    names = [label_display_name(lab.name) for lab in shown]
    texts = [fm.elidedText(n, Qt.TextElideMode.ElideRight, CHIP_MAX_W - 10) for n in names]
    widths = [fm.horizontalAdvance(t) + 10 for t in texts]
    chip_h = min(line_h, fm.height() + 2)
    total = sum(widths) + 4 * max(0, len(widths) - 1)
    marks: list[LabelMark] = []
    if shown and end - total - 6 - start >= MIN_PREVIEW_W:
        x = end
        for lab, text, w in zip(reversed(shown), reversed(texts), reversed(widths), strict=True):
            rect = QRectF(x - w, top + (line_h - chip_h) / 2, w, chip_h)
            marks.append(LabelMark(rect, text, QColor(lab.colour)))
            x -= w + 4
    else:
        x = end
        for lab in reversed(shown):
            marks.append(LabelMark(QRectF(x - 10, top + (line_h - 10) / 2, 10, 10), "", QColor(lab.colour)))
            x -= 8
    marks.reverse()
    return marks


def tick_icon(status: str | None) -> str | None:
    return {
        "pending": "clock",
        "sent": "tick",
        "delivered": "double_tick",
        "read": "double_tick",
        "failed": "error",
    }.get(status or "")


class ChatListDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_font = ui_font(1, bold=False)
        self.name_font.setWeight(self.name_font.Weight.DemiBold)
        self.small_font = ui_font(-1)
        self.badge_font = ui_font(-2, bold=True)
        self._name_fm = QFontMetricsF(self.name_font)
        self._small_fm = QFontMetricsF(self.small_font)
        # Worked out once, not once per row painted: a page scroll paints a dozen rows, and
        # during a catch-up the window has little time to spare (see _colours and _list_time).
        self._palette_key: int | None = None
        self._palette_colours = colours()
        self._day: date | None = None
        self._times: dict[datetime, str] = {}

    def _colours(self, palette: QPalette) -> Colours:
        """The theme's colours for this palette, once per palette."""
        key = palette.cacheKey()
        if self._palette_key != key:
            self._palette_key, self._palette_colours = key, colours(palette)
        return self._palette_colours

    def _list_time(self, when: datetime | None) -> str:
        """The row's time as list_time writes it, once per time and day."""
        if when is None:
            return ""
        today = date.today()
        if today != self._day or len(self._times) > TIMES_KEPT:
            self._day, self._times = today, {}
        text = self._times.get(when)
        if text is None:
            text = self._times[when] = list_time(when)
        return text

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(280, ROW_HEIGHT)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        row: ConversationRow | None = index.data(ChatRole.ROW)
        if row is None:
            return
        c = self._colours(option.palette)  # type: ignore[attr-defined]
        rect = QRectF(option.rect)  # type: ignore[attr-defined]
        state = option.state  # type: ignore[attr-defined]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        if state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, c.list_selected)
        elif state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, c.list_hover)

        dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
        avatar_top = rect.top() + (rect.height() - AVATAR) / 2
        painter.drawPixmap(
            int(rect.left() + PAD),
            int(avatar_top),
            avatar_pixmap(row.display_name, row.wa_id or str(row.contact_id), AVATAR, dpr),
        )

        left = rect.left() + PAD + AVATAR + PAD
        right = rect.right() - PAD
        text_color = option.palette.text().color()  # type: ignore[attr-defined]
        top_line = QRectF(left, rect.top() + 12, right - left, self._name_fm.height())

        # Time on the right of the first line; green when there is something unread.
        painter.setFont(self.small_font)
        when = self._list_time(row.last_message_at)
        time_w = self._small_fm.horizontalAdvance(when) + 2
        painter.setPen(c.badge if row.unread_count else c.secondary_text)
        painter.drawText(
            QRectF(right - time_w, top_line.top(), time_w, top_line.height()),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            when,
        )

        painter.setFont(self.name_font)
        painter.setPen(text_color)
        name_rect = QRectF(left, top_line.top(), top_line.width() - time_w - 8, top_line.height())
        pill, pill_colour = "", c.secondary_text
        if row.group_archive:
            pill = self.tr("Group archive")
        elif row.needs_person(datetime.now(UTC)):
            # The menu bot handed this chat over: someone should answer it.
            pill, pill_colour = self.tr("Needs a person"), c.failed
        pill_w = self._small_fm.horizontalAdvance(pill) + 12 if pill else 0.0
        if pill:
            name_rect.setWidth(max(0.0, name_rect.width() - pill_w - 6))
        name = self._name_fm.elidedText(row.display_name, Qt.TextElideMode.ElideRight, name_rect.width())
        painter.drawText(name_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), name)
        if pill:
            # A group chat imported from a phone (read-only), or one the bot handed over, is marked.
            x0 = name_rect.left() + self._name_fm.horizontalAdvance(name) + 6
            pill_h = self._small_fm.height() + 2
            pill_rect = QRectF(x0, top_line.top() + (top_line.height() - pill_h) / 2, pill_w, pill_h)
            painter.setPen(QPen(pill_colour, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(pill_rect, pill_h / 2, pill_h / 2)
            painter.setFont(self.small_font)
            painter.drawText(pill_rect, int(Qt.AlignmentFlag.AlignCenter), pill)

        # Second line: [tick][media icon] preview … [label dots][pin][badge]
        line2_top = top_line.bottom() + 6
        line_h = self._small_fm.height() + 2
        x = left
        end = right
        if row.unread_count:
            painter.setFont(self.badge_font)
            label = str(row.unread_count) if row.unread_count < 1000 else "999+"
            bw = max(line_h, QFontMetricsF(self.badge_font).horizontalAdvance(label) + 10)
            badge = QRectF(end - bw, line2_top, bw, line_h)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(c.badge)
            painter.drawRoundedRect(badge, line_h / 2, line_h / 2)
            painter.setPen(c.badge_text)
            painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), label)
            end = badge.left() - 6
        if row.pinned:
            icons.draw(
                painter, "pin", QRectF(end - 16, line2_top + (line_h - 16) / 2, 16, 16), c.secondary_text
            )
            end -= 20
        marks = label_marks(row.labels, self._small_fm, left, end, line2_top, line_h)
        if marks:
            painter.setFont(self.small_font)
            for mark in marks:
                painter.setBrush(mark.colour)
                if mark.text:
                    painter.setPen(Qt.PenStyle.NoPen)
                    radius = mark.rect.height() / 2
                    painter.drawRoundedRect(mark.rect, radius, radius)
                    painter.setPen(chip_text_colour(mark.colour))
                    painter.drawText(mark.rect, int(Qt.AlignmentFlag.AlignCenter), mark.text)
                else:
                    painter.setPen(QPen(option.palette.base().color(), 1))  # type: ignore[attr-defined]
                    painter.drawEllipse(mark.rect)
            end = marks[0].rect.left() - 6

        icon_size = 16.0
        icon_top = line2_top + (line_h - icon_size) / 2
        if row.last_direction == "out":
            tick = tick_icon(row.last_status)
            if tick:
                colour = c.tick_blue if row.last_status == "read" else c.tick_grey
                if row.last_status == "failed":
                    colour = c.failed
                icons.draw(painter, tick, QRectF(x, icon_top, icon_size, icon_size), colour)
                x += icon_size + 3
        kind_icon = KIND_ICONS.get(row.last_kind or "")
        if kind_icon:
            icons.draw(painter, kind_icon, QRectF(x, icon_top, icon_size, icon_size), c.secondary_text)
            x += icon_size + 3
        painter.setFont(self.small_font)
        painter.setPen(c.secondary_text)
        preview = preview_text(row.last_kind or "text", row.last_body)
        if row.blocked:
            preview = self.tr("Blocked") + " · " + preview
        preview = self._small_fm.elidedText(preview, Qt.TextElideMode.ElideRight, max(0.0, end - x))
        painter.drawText(
            QRectF(x, line2_top, max(0.0, end - x), line_h),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            preview,
        )
        painter.restore()
