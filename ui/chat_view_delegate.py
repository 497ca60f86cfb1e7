"""Paints chat-view rows: bubbles, date separators, ticks, quotes, cards, reactions, links, selection."""

from __future__ import annotations

from collections import OrderedDict
from datetime import date

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QHelpEvent, QPainter, QPalette, QPen, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QToolTip

from app import relay_clock
from app.business_numbers import number_tags
from app.queries import MessageRow
from app.service_window import NumberWindow
from app.text import marks_pattern
from ui import icons
from ui.bubble_layout import (
    MAX_LAYOUT_CHARS,
    TICK,
    BubbleGeometry,
    Card,
    Fonts,
    compute,
    quote_preview,
    quotes_the_shop,
    sender_colour,
)
from ui.chat_list_delegate import tick_icon
from ui.chat_view_model import ChatViewModel, RowInfo
from ui.formatting import business_number_text, day_label, full_datetime, local, shop_clock_note, shop_zone
from ui.image_cache import ThumbnailLoader
from ui.message_status import failure_reason, retry_elsewhere, status_tooltip
from ui.spoken_message import number_said
from ui.theme import Colours, colours, ui_font
from ui.utf16 import marked_ranges

Index = QModelIndex | QPersistentModelIndex
CACHE_SIZE = 800
# Rows' heights, far more than the geometries kept: every layout asks every loaded row's height, and
# a chat scrolled back thousands of rows worked each one out again (~1 s a page at 18,000 rows).
HEIGHTS_SIZE = 100_000
FOCUS_RING = 2  # pixels: the ring round the message the arrow keys are on


class ChatViewDelegate(QStyledItemDelegate):
    """Stateless painting over cached geometry; the view owns the text selection it shows."""

    def __init__(self, media_dir: str, parent: QAbstractItemView | None = None) -> None:
        super().__init__(parent)
        self.media_dir = media_dir
        body = ui_font(1)
        small = ui_font(-1.5)
        bold = ui_font(-1.5, bold=True)
        self.fonts = Fonts(body, small, bold)
        self._cache: OrderedDict[tuple[object, ...], BubbleGeometry] = OrderedDict()
        self._heights: dict[tuple[object, ...], float] = {}  # at one width, _heights_width
        self._heights_width = 0
        # (message id, start, end) of the text the owner selected by dragging.
        self.text_selection: tuple[int, int, int] | None = None
        self.today: date | None = None
        self.contact_name = ""  # the customer's name, shown on quotes of their messages
        # A shop with two numbers: the number the chat's header names (the customer's last, which a
        # reply goes from). A message on the other one says its number's tag beside its time.
        self.chat_number: str | None = None
        self.shop_region = ""  # the shop's country, in whose way its numbers are written
        # And when the customer last wrote to each number (the chat's whose id is first): a reply
        # refused for one's closed window says whether the other's is open (ui/message_status.py).
        self.number_windows: tuple[int | None, tuple[NumberWindow, ...]] = (None, ())
        self.pictures = ThumbnailLoader(self)  # read off the GUI thread; painted once there
        if parent is not None:
            self.pictures.ready.connect(parent.viewport().update)

    # ----------------------------------------------------------------- geometry
    def _shape(self, index: Index, width: float) -> tuple[tuple[object, ...], RowInfo, str] | None:
        """What shapes the row's bubble (the caches' key), its row and its day separator's text."""
        info = row_info(index)
        if info is None:
            return None
        row = info.message
        date_text = day_label(local(row.sent_at).date(), self.today) if info.show_date else ""
        quote = info.quote
        # MessageRow carries a dict (payload), so it is not hashable: key on what shapes the bubble.
        key = (
            row.id,
            row.body,
            row.kind,
            row.reaction_in,
            row.reaction_out,
            row.sent_by,
            row.campaign_name,
            row.template_buttons,
            # A failed message grows a "Not sent: …" line under its text (a pending one laid out
            # before its failure kept a bare red mark, the reason only in a tooltip).
            row.status == "failed",
            row.error_code,
            row.error_text,
            self.failure_reason(row),
            round(width),
            date_text,
            info.divider,
            info.first_of_group,
            quote.id if quote is not None else None,
            info.media,
            info.order,
            self.number_tag(row),
        )
        return key, info, date_text

    def number_tag(self, row: MessageRow) -> str:
        """The tag of the number a message came in on or went from when it is not the chat's
        number (a customer who wrote to both branches); "" otherwise."""
        if not row.business_number or row.business_number == self.chat_number:
            return ""
        numbers = [row.business_number, *([self.chat_number] if self.chat_number else [])]
        return number_tags(numbers)[row.business_number]

    def geometry(self, index: Index, width: float) -> BubbleGeometry | None:
        shape = self._shape(index, width)
        return None if shape is None else self._geometry(shape, width)

    def _geometry(self, shape: tuple[tuple[object, ...], RowInfo, str], width: float) -> BubbleGeometry:
        key, info, date_text = shape
        geo = self._cache.get(key)
        if geo is not None:
            self._cache.move_to_end(key)
            return geo
        geo = compute(
            info.message,
            width,
            self.fonts,
            show_date=date_text,
            divider=info.divider,
            first_of_group=info.first_of_group,
            quote=info.quote,
            media=info.media,
            media_dir=self.media_dir,
            order=info.order,
            number_tag=self.number_tag(info.message),
            failure_reason=self.failure_reason(info.message),
        )
        self._cache[key] = geo
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        if len(self._heights) >= HEIGHTS_SIZE:
            self._heights.clear()
        self._heights[key] = geo.height
        return geo

    def clear_cache(self) -> None:
        self._cache.clear()
        self._heights.clear()

    def _width(self, option: QStyleOptionViewItem) -> float:
        view = self.parent()
        if isinstance(view, QAbstractItemView):
            return float(view.viewport().width())
        return float(option.rect.width())  # type: ignore[attr-defined]

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = self._width(option)
        shape = self._shape(index, width)
        if shape is None:
            return QSize(0, 0)
        if round(width) != self._heights_width:  # a new width: the heights of the last one are no use
            self._heights.clear()
            self._heights_width = round(width)
        height = self._heights.get(shape[0])
        if height is None:
            height = self._geometry(shape, width).height
        return QSize(int(width), int(height + 0.999))

    # ----------------------------------------------------------------- painting
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        rect = option.rect  # type: ignore[attr-defined]
        # The same width as sizeHint, or a wrapped text would not fit the height it was given.
        geo = self.geometry(index, self._width(option))
        info = row_info(index)
        if geo is None or info is None:
            return
        row = info.message
        c = colours(option.palette)  # type: ignore[attr-defined]
        painter.save()
        painter.translate(rect.topLeft())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if option.state & QStyle.StateFlag.State_Selected:  # type: ignore[attr-defined]
            painter.fillRect(
                QRectF(0, geo.bubble.top() - 2, rect.width(), geo.bubble.height() + 4), c.selection_bg
            )
        if geo.date_rect is not None:
            self._pill(painter, geo.date_rect, geo.date_text, c.separator_bg, c.separator_text)
        if geo.divider_rect is not None:
            count = info.divider
            text = self.tr("1 unread message") if count == 1 else self.tr("%Ln unread messages", "", count)
            band = geo.divider_rect
            painter.fillRect(
                band, QColor(c.separator_bg.red(), c.separator_bg.green(), c.separator_bg.blue(), 150)
            )
            w = self.fonts.small_fm.horizontalAdvance(text) + 24
            self._pill(
                painter,
                QRectF(band.center().x() - w / 2, band.top() + 2, w, band.height() - 4),
                text,
                c.separator_bg,
                c.accent,
            )
        if geo.system:
            self._bubble(painter, geo.bubble, c.separator_bg, None)
            painter.setPen(c.separator_text)
            self._draw_text(painter, geo, row, c, [])
            self._focus_ring(painter, option, geo.bubble)
            painter.restore()
            return
        fill = c.bubble_out if geo.outgoing else c.bubble_in
        highlight = info.highlight
        self._bubble(painter, geo.bubble, fill, c.accent if highlight is not None else None)

        if geo.mark_rect is not None:
            painter.setFont(self.fonts.bold_small)
            # ⚡ means an automation sent it; the owner's own messages from the phone are not marked so.
            painter.setPen(c.automation if geo.mark_automatic else c.meta_text)
            painter.drawText(
                geo.mark_rect,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                ("⚡ " if geo.mark_automatic else "") + geo.mark_text,
            )
        if geo.sender_rect is not None:
            painter.setFont(self.fonts.bold_small)
            painter.setPen(QColor(sender_colour(geo.sender_text)))
            name = self.fonts.bold_fm.elidedText(
                geo.sender_text, Qt.TextElideMode.ElideRight, geo.sender_rect.width()
            )
            left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            painter.drawText(geo.sender_rect, left, name)
        if geo.quote_rect is not None:
            self._quote(painter, geo.quote_rect, info.quote, c, self.contact_name, row)
        if geo.card is not None:
            self._card(painter, geo, c)
        self._note(painter, geo, c)
        self._draw_text(painter, geo, row, c, self._formats(geo, row, c, highlight or ""))
        self._meta(painter, geo, row, c)
        self._failure(painter, geo, c)
        if geo.reaction_rect is not None:
            painter.setPen(QPen(c.chat_background, 1.5))
            painter.setBrush(c.bubble_in)
            painter.drawRoundedRect(
                geo.reaction_rect, geo.reaction_rect.height() / 2, geo.reaction_rect.height() / 2
            )
            painter.setFont(self.fonts.body)
            painter.setPen(c.bubble_text)
            painter.drawText(geo.reaction_rect, int(Qt.AlignmentFlag.AlignCenter), geo.reactions)
        self._focus_ring(painter, option, geo.bubble)
        painter.restore()

    def _focus_ring(self, painter: QPainter, option: QStyleOptionViewItem, bubble: QRectF) -> None:
        """The message the arrow keys are on, ringed while the messages have the keyboard: the view
        only outlined itself, and the owner moving by keyboard could not see which message Reply,
        Copy or the menu key would act on."""
        if not option.state & QStyle.StateFlag.State_HasFocus:  # type: ignore[attr-defined]
            return
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Highlight), FOCUS_RING))  # type: ignore[attr-defined]
        painter.drawRoundedRect(bubble.adjusted(-3, -2, 3, 2), 10, 10)  # inside the row: rows paint over rows

    def _pill(self, painter: QPainter, rect: QRectF, text: str, bg: QColor, fg: QColor) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(bg)
        painter.drawRoundedRect(rect, 7, 7)
        painter.setFont(self.fonts.small)
        painter.setPen(fg)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)

    def _bubble(self, painter: QPainter, rect: QRectF, fill: QColor, border: QColor | None) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 28))
        painter.drawRoundedRect(rect.translated(0, 1), 8, 8)
        painter.setBrush(fill)
        if border is not None:
            painter.setPen(QPen(border, 2))
        painter.drawRoundedRect(rect, 8, 8)

    def _quote(
        self,
        painter: QPainter,
        rect: QRectF,
        quote: MessageRow | None,
        c: Colours,
        customer: str,
        reply: MessageRow,
    ) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(c.quote_bg)
        painter.drawRoundedRect(rect, 5, 5)
        ours = quote.direction == "out" if quote is not None else quotes_the_shop(reply)
        bar = c.accent if ours else QColor("#6BCBEF")
        painter.fillRect(QRectF(rect.left(), rect.top(), 4, rect.height()), bar)
        author, line = quote_preview(quote, reply)
        inner = rect.adjusted(10, 4, -6, -4)
        fm_b, fm = self.fonts.bold_fm, self.fonts.small_fm
        painter.setFont(self.fonts.bold_small)
        painter.setPen(bar)
        painter.drawText(
            QRectF(inner.left(), inner.top(), inner.width(), fm_b.height()),
            int(Qt.AlignmentFlag.AlignLeft),
            author or customer or self.tr("Customer"),
        )
        painter.setFont(self.fonts.small)
        painter.setPen(c.secondary_text)
        painter.drawText(
            QRectF(inner.left(), inner.top() + fm_b.height() + 2, inner.width(), fm.height()),
            int(Qt.AlignmentFlag.AlignLeft),
            fm.elidedText(line, Qt.TextElideMode.ElideRight, inner.width()),
        )

    def picture_note(self, card: Card) -> str:
        """What a photo's grey box says under its icon while it shows no picture: why not."""
        if card.subtitle:
            return card.subtitle
        r = card.rect
        size = (card.image_path, int(r.width() * 2), int(r.height() * 2))
        if card.image_path and card.target and self.pictures.unreadable(*size):
            # Not "still loading": a box that stays blank says so, and that a click opens the file.
            return self.tr("Can't be shown here · click to open")
        return ""

    def _card(self, painter: QPainter, geo: BubbleGeometry, c: Colours) -> None:
        card = geo.card
        assert card is not None
        r = card.rect
        if card.kind == "image":
            image = None
            if card.image_path:
                image = self.pictures.get(card.image_path, int(r.width() * 2), int(r.height() * 2))
            if image is not None:
                painter.save()
                from PySide6.QtGui import QPainterPath

                path = QPainterPath()
                path.addRoundedRect(r, 6, 6)
                painter.setClipPath(path)
                painter.drawImage(r, image)
                painter.restore()
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(c.quote_bg)
                painter.drawRoundedRect(r, 6, 6)
                icons.draw(
                    painter,
                    "image",
                    QRectF(r.center().x() - 20, r.center().y() - 26, 40, 40),
                    c.secondary_text,
                )
                painter.setFont(self.fonts.small)
                painter.setPen(c.secondary_text)
                painter.drawText(
                    QRectF(r.left(), r.center().y() + 16, r.width(), 20),
                    int(Qt.AlignmentFlag.AlignHCenter),
                    card.title,
                )
                subtitle = self.picture_note(card)
                if subtitle:  # why there is no picture (WhatsApp no longer has it, unreadable), muted
                    painter.setPen(c.secondary_text)
                    painter.drawText(
                        QRectF(r.left() + 8, r.center().y() + 36, r.width() - 16, 20),
                        int(Qt.AlignmentFlag.AlignHCenter),
                        self.fonts.small_fm.elidedText(subtitle, Qt.TextElideMode.ElideRight, r.width() - 16),
                    )
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(c.quote_bg)
        painter.drawRoundedRect(r, 6, 6)
        circle = QRectF(r.left() + 8, r.top() + (r.height() - 36) / 2, 36, 36)
        painter.setBrush(c.accent)
        painter.drawEllipse(circle)
        icons.draw(painter, card.icon, circle.adjusted(8, 8, -8, -8), QColor("white"))
        text_x = circle.right() + 10
        tw = r.right() - text_x - 8
        painter.setFont(self.fonts.body)
        painter.setPen(c.bubble_text)
        fm = self.fonts.body_fm
        painter.drawText(
            QRectF(text_x, r.top() + 8, tw, fm.height()),
            int(Qt.AlignmentFlag.AlignLeft),
            fm.elidedText(card.title, Qt.TextElideMode.ElideMiddle, tw),
        )
        painter.setFont(self.fonts.small)
        painter.setPen(c.link if card.target and card.kind == "location" else c.secondary_text)
        painter.drawText(
            QRectF(text_x, r.top() + 10 + fm.height(), tw, self.fonts.small_fm.height()),
            int(Qt.AlignmentFlag.AlignLeft),
            self.fonts.small_fm.elidedText(card.subtitle, Qt.TextElideMode.ElideRight, tw),
        )

    def _formats(
        self, geo: BubbleGeometry, row: MessageRow, c: Colours, highlight: str
    ) -> list[QTextLayout.FormatRange]:
        formats: list[QTextLayout.FormatRange] = []
        for start, end, _url in geo.links:
            f = QTextLayout.FormatRange()
            f.start, f.length = start, end - start
            fmt = QTextCharFormat()
            fmt.setForeground(QBrush(c.link))
            fmt.setFontUnderline(True)
            f.format = fmt
            formats.append(f)
        if highlight and geo.text:
            # As search found it (any case, Korean words spacing aside), in Qt's positions.
            shown = geo.text[:MAX_LAYOUT_CHARS]
            matches = marks_pattern(highlight).finditer(shown)
            formats += marked_ranges(shown, [m.span() for m in matches], c.highlight_bg)
        sel = self.text_selection
        if sel is not None and sel[0] == row.id and sel[1] != sel[2]:
            f = QTextLayout.FormatRange()
            f.start, f.length = min(sel[1], sel[2]), abs(sel[2] - sel[1])
            fmt = QTextCharFormat()
            fmt.setBackground(QBrush(c.selection_bg))
            f.format = fmt
            formats.append(f)
        return formats

    def _draw_text(
        self,
        painter: QPainter,
        geo: BubbleGeometry,
        row: MessageRow,
        c: Colours,
        formats: list[QTextLayout.FormatRange],
    ) -> None:
        if geo.text_layout is None:
            return
        if not geo.system:
            painter.setPen(c.bubble_text)
        geo.text_layout.draw(painter, geo.text_origin, formats)

    def _note(self, painter: QPainter, geo: BubbleGeometry, c: Colours) -> None:
        """A note about the message (a photo the export left out), muted: not the customer's words."""
        if geo.note_layout is None:
            return
        painter.setPen(c.secondary_text)
        geo.note_layout.draw(painter, geo.note_origin)

    def _failure(self, painter: QPainter, geo: BubbleGeometry, c: Colours) -> None:
        if geo.failure_layout is None:
            return
        painter.setFont(self.fonts.small)
        painter.setPen(c.failed)
        geo.failure_layout.draw(painter, geo.failure_origin)

    def _meta(self, painter: QPainter, geo: BubbleGeometry, row: MessageRow, c: Colours) -> None:
        r = geo.meta_rect
        painter.setFont(self.fonts.small)
        painter.setPen(c.meta_text)
        text_rect = QRectF(r.left(), r.top(), r.width() - (TICK + 4 if geo.outgoing else 0), r.height())
        painter.drawText(
            text_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), geo.time_text
        )
        if geo.outgoing:
            name = tick_icon(row.status) or "clock"
            colour = (
                c.tick_blue if row.status == "read" else c.failed if row.status == "failed" else c.tick_grey
            )
            icons.draw(painter, name, QRectF(r.right() - TICK, r.center().y() - TICK / 2, TICK, TICK), colour)

    def retry_elsewhere(self, row: MessageRow) -> NumberWindow | None:
        """The shop's other number a reply refused for her closed window can be retried from."""
        contact_id, windows = self.number_windows
        if contact_id != row.contact_id:
            return None  # read for another chat (this one's are on their way)
        return retry_elsewhere(row, windows, relay_clock.now())

    def failure_reason(self, row: MessageRow) -> str:
        """Why a reply refused for her closed window on the number it went from was not sent, when
        she wrote to the shop's other number within 24 hours (she did write: the code's own sentence
        says she did not); "" for any other message (its code's sentence says it)."""
        elsewhere = self.retry_elsewhere(row)
        if elsewhere is None or row.business_number is None:
            return ""
        went_from = business_number_text(row.business_number, self.shop_region)
        return failure_reason(row, went_from, business_number_text(elsewhere.number, self.shop_region))

    # ----------------------------------------------------------------- tooltips
    def helpEvent(
        self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem, index: Index
    ) -> bool:
        if event.type() != QEvent.Type.ToolTip:
            return super().helpEvent(event, view, option, index)
        geo = self.geometry(index, self._width(option))
        info = row_info(index)
        if geo is None or info is None:
            return False
        row = info.message
        pos = QPointF(event.pos() - option.rect.topLeft())  # type: ignore[attr-defined]
        tip = ""
        near_status = geo.meta_rect.adjusted(-4, -4, 4, 4).contains(pos)
        if geo.outgoing and (near_status or (geo.failure_layout is not None and geo.bubble.contains(pos))):
            elsewhere = self.retry_elsewhere(row)
            if elsewhere is not None and row.business_number:
                tip = status_tooltip(
                    row,
                    business_number_text(row.business_number, self.shop_region),
                    business_number_text(elsewhere.number, self.shop_region),
                )
            else:
                tip = status_tooltip(row)
        elif (url := geo.link_at(pos)) is not None:
            tip = url
        elif geo.bubble.contains(pos):
            tip = full_datetime(row.sent_at)
            if note := shop_clock_note(shop_zone()):
                tip += "\n" + note
            if number := number_said(row, self.chat_number, self.shop_region):
                tip += "\n" + number
        if tip:
            QToolTip.showText(event.globalPos(), tip, view)
            return True
        QToolTip.hideText()
        return False


def row_info(index: Index) -> RowInfo | None:
    model = index.model()
    if not index.isValid() or not isinstance(model, ChatViewModel):
        return None
    return model.info(index.row())
