"""The open chat: a QListView of message bubbles that pages older messages in as the owner scrolls up."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QPointF,
    QRectF,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QDesktopServices,
    QFocusEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QMenu, QToolButton, QWidget

from app.outbox import can_cancel
from app.queries import MessageRow
from app.service_window import NumberWindow
from ui import icons
from ui.announce import announce
from ui.bubble_layout import CART_TARGET, MAX_LAYOUT_CHARS, BubbleGeometry, body_text
from ui.chat_view_delegate import ChatViewDelegate
from ui.chat_view_model import PAGE, ChatViewModel, MessageRole
from ui.context import AppContext
from ui.error_sentences import NOT_RETRYABLE_FAILURES, failed_message_sentence
from ui.formatting import business_number_text, day_label, local, preview_text
from ui.icon_buttons import name_icon_button
from ui.open_file import open_file
from ui.order_text import NO_BREAK
from ui.quick_reactions import quick_reactions
from ui.theme import colours
from ui.utf16 import from_qt

log = logging.getLogger(__name__)

# Start loading older messages when fewer than this many pixels are left above the viewport.
LOAD_OLDER_MARGIN = 600
# An owner who keeps scrolling up (the next pull within KEEP_GOING_S of the last page) gets pages
# twice as long each time, up to OLDER_PAGE_MOST: at 50 a pull, months back in a busy chat took
# hundreds of pulls. A pause starts again at the first page's length.
KEEP_GOING_S = 2.0
OLDER_PAGE_MOST = 400


# The newest of the customer's messages said aloud as they arrive in the open chat.
SAID_ARRIVALS = 3
# How much of a failed message is said aloud with its failure: enough to know which one it was.
SAID_CHARS = 60


# How long the floating day stays after the last scroll.
FLOATING_DATE_MS = 1500
# Pixels of background kept between the floating day and any bubble (their shadows, a pill touching one).
FLOATING_DATE_CLEAR = 3


# Pixels above and below the jump-to-newest button, in the band it takes under the messages.
JUMP_BUTTON_GAP = 6

FOCUS_FRAME = 2  # pixels: the chat list outlines its current chat as wide


def _file_gone(target: str) -> bool:
    """A card's file that was downloaded once and is no longer there (deleted from the media folder,
    taken by an antivirus): fetched again from the relay instead of a click that opens nothing."""
    return not target.startswith(("order:", CART_TARGET, "http://", "https://")) and not Path(target).exists()


class ChatView(QListView):
    """Signals ask the chat pane to act; the view itself only shows and selects."""

    reply_requested = Signal(object)  # MessageRow
    retry_requested = Signal(int)
    retry_from_requested = Signal(int, str)  # (message id, phone_number_id): retried from that number
    delete_requested = Signal(int)
    cancel_requested = Signal(int)  # a waiting message taken back before the relay has it
    quote_clicked = Signal(str)  # wamid of the quoted message
    order_requested = Signal(int)  # order id: the owner clicked a cart card's "Open order"
    start_order_requested = Signal(object)  # MessageRow: "Start order" on a customer's message
    media_open_requested = Signal(int, int)  # (media id, message id) of a file not downloaded yet
    save_media_requested = Signal(object, object)  # (MessageRow, MediaInfo): "Save as…" on a photo or file
    react_requested = Signal(object, str)  # (MessageRow, emoji; "" takes the owner's reaction back)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatView")
        self.setAccessibleName(self.tr("Messages"))
        self.ctx = ctx
        self.chat_model = ChatViewModel(ctx, self)
        self.bubbles = ChatViewDelegate(str(ctx.paths.media_dir), self)
        self.setModel(self.chat_model)
        self.setItemDelegate(self.bubbles)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setUniformItemSizes(False)
        self.setMouseTracking(True)
        self.setFrameShape(QListView.Shape.NoFrame)
        self.setAutoScroll(False)
        self.setAcceptDrops(False)
        self.paint_count = 0
        # The floating day shows while the owner scrolls and FLOATING_DATE_MS after, as on the phone:
        # left up, it would cover the top message's first line for good.
        self.floating_date_shown = False
        self._floating_date_timer = QTimer(self)
        self._floating_date_timer.setSingleShot(True)
        self._floating_date_timer.setInterval(FLOATING_DATE_MS)
        self._floating_date_timer.timeout.connect(self._hide_floating_date)

        self._anchor: tuple[int, int] | None = None  # (message id, top y) kept across a prepend
        self._stick_to_bottom = False
        self._loading_older = False
        self._older_page = PAGE  # the length of the last older page asked for
        self._older_at = 0.0  # time.monotonic() when the last one arrived
        self._press: tuple[int, QPointF, str | None] | None = None  # (message id, pos, link)
        self._selecting = False
        self._unseen = 0

        m = self.chat_model
        m.rowsAboutToBeInserted.connect(self._before_insert)
        m.rowsInserted.connect(self._after_insert)
        m.modelReset.connect(self._after_reset)
        m.rows_resized.connect(self._rows_resized)
        m.new_messages.connect(self._on_new_messages)
        m.older_loaded.connect(self._older_loaded)
        m.local_inserted.connect(lambda _id: self.scrollToBottom())
        m.sends_failed.connect(self._tell_failed)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.verticalScrollBar().rangeChanged.connect(lambda *_: self._update_jump_button())

        self.jump_button = QToolButton(self)
        self.jump_button.setObjectName("jumpToBottom")
        self.jump_button.setIcon(icons.icon("chevron_down"))
        self.jump_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        name_icon_button(self.jump_button, self.tr("Jump to the newest message"))
        self.jump_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.jump_button.clicked.connect(self.jump_to_bottom)
        self.jump_button.hide()
        self._apply_palette()

    def _apply_palette(self) -> None:
        # A style sheet, because the window's style sheet would override a palette colour.
        # Setting one sends a palette change itself: only act when the colour really changed.
        background = colours().chat_background.name()
        if background == getattr(self, "_background", None):
            return
        self._background = background
        # The jump button's count in the accent of this palette: WhatsApp's bright green read at
        # 2:1 on the light theme's white button.
        self.setStyleSheet(
            f"QListView#chatView {{ background: {colours().chat_background.name()}; border: none; }}"
            f"QToolButton#jumpToBottom {{ color: {colours().accent.name()}; }}"
        )

    # ----------------------------------------------------------------- opening
    def open_chat(self, contact_id: int, unread: int = 0) -> None:
        self.bubbles.text_selection = None
        self._unseen = 0
        self.chat_model.open_chat(contact_id, unread)

    def open_around(
        self, message_id: int, highlight: str = "", contact_id: int | None = None, *, brief: bool = False
    ) -> None:
        self.bubbles.text_selection = None
        self.chat_model.open_around(message_id, highlight, contact_id, brief=brief)

    def _after_reset(self) -> None:
        self._older_at = 0.0  # another chat (or this one again): its first older page is a short one
        self.executeDelayedItemsLayout()
        m = self.chat_model
        if m.highlight_id is not None and (row := m.row_of(m.highlight_id)) is not None:
            idx = m.index(row)
            self.scrollTo(idx, QAbstractItemView.ScrollHint.PositionAtCenter)
            self.selectionModel().setCurrentIndex(idx, self.selectionModel().SelectionFlag.NoUpdate)
        elif m.first_unread_id is not None and (row := m.row_of(m.first_unread_id)) is not None:
            self.scrollToBottom()
            idx = m.index(row)
            if self.visualRect(idx).top() < 0:
                self.scrollTo(idx, QAbstractItemView.ScrollHint.PositionAtTop)
        else:
            self.scrollToBottom()
        self._update_jump_button()
        QTimer.singleShot(0, lambda: self._scrolled(self.verticalScrollBar().value()))

    def at_bottom(self) -> bool:
        sb = self.verticalScrollBar()
        return sb.value() >= sb.maximum() - 4 and not self.chat_model.has_newer

    # ----------------------------------------------------------------- paging with a kept anchor
    def _before_insert(self, parent: QModelIndex, first: int, _last: int) -> None:
        self._anchor = None
        self._stick_to_bottom = False
        rows = self.chat_model.rowCount()
        # Older rows above, or a late message among those shown while the owner reads further up:
        # what she reads stays put. At the bottom, a late one keeps her at the newest message.
        if rows > 0 and (first == 0 or (first < rows and not self.at_bottom())):
            idx = self.indexAt(QPoint(10, 2))
            if not idx.isValid():
                idx = self.chat_model.index(0)
            self._anchor = (int(idx.data(MessageRole.MESSAGE_ID)), self.visualRect(idx).top())
        else:
            self._stick_to_bottom = self.at_bottom()

    def _after_insert(self, parent: QModelIndex, first: int, last: int) -> None:
        self.executeDelayedItemsLayout()
        if self._anchor is not None:
            message_id, old_top = self._anchor
            self._anchor = None
            row = self.chat_model.row_of(message_id)
            if row is not None:
                new_top = self.visualRect(self.chat_model.index(row)).top()
                sb = self.verticalScrollBar()
                sb.setValue(sb.value() + new_top - old_top)
        elif self._stick_to_bottom:
            self.scrollToBottom()
        self._update_jump_button()

    def _rows_resized(self) -> None:
        """A bubble changed height (its picture arrived, a reaction): lay out; the bottom stays the bottom."""
        was_at_bottom = self.at_bottom()
        self.scheduleDelayedItemsLayout()
        self.executeDelayedItemsLayout()
        if was_at_bottom:
            self.scrollToBottom()

    def say_chat_number(self, number: str | None, shop_region: str) -> None:
        """The number the chat's header names (a shop with two numbers): messages on the other one say
        theirs beside their time; laid out again when it changed (she wrote to the other branch)."""
        self.bubbles.shop_region = self.chat_model.shop_region = shop_region
        if number != self.bubbles.chat_number:
            self.bubbles.chat_number = self.chat_model.chat_number = number
            self._rows_resized()

    def say_number_windows(self, contact_id: int, windows: tuple[NumberWindow, ...]) -> None:
        """When the customer of chat `contact_id` last wrote to each of the shop's numbers (their
        numbers as the messages carry them): a reply refused for one's closed window says whether the
        other's is open, and offers to retry from it."""
        if self.bubbles.number_windows == (contact_id, windows):
            return  # (read again with every change to the chat: lay out only when they moved)
        self.bubbles.number_windows = (contact_id, windows)
        self._rows_resized()  # a refused reply's "Not sent" line may say it in more words now

    def clock_moved(self) -> None:
        """This computer's time zone changed (ui/day_watch.py): each bubble's time is written again on
        the new clock, and a day's divider may move to another message."""
        self.bubbles.clear_cache()
        self._rows_resized()

    def _scrolled(self, value: int) -> None:
        self._update_jump_button()
        if value < LOAD_OLDER_MARGIN and self.chat_model.has_older and not self._loading_older:
            self._loading_older = True
            QTimer.singleShot(0, self, self._load_older)
        if self.at_bottom():
            self._unseen = 0

    def _load_older(self) -> None:
        going_on = time.monotonic() - self._older_at < KEEP_GOING_S
        self._older_page = min(OLDER_PAGE_MOST, self._older_page * 2) if going_on else PAGE
        if not self.chat_model.load_older(self._older_page):
            self._loading_older = False

    def _older_loaded(self, count: int) -> None:
        self._loading_older = False
        self._older_at = time.monotonic() if count else 0.0
        # Still near the top (short messages)? Keep going; the scrollbar may not move by itself.
        if self.verticalScrollBar().value() < LOAD_OLDER_MARGIN and self.chat_model.has_older:
            self._loading_older = True
            QTimer.singleShot(0, self, self._load_older)

    def _on_new_messages(self, count: int) -> None:
        if not self.at_bottom():
            self._unseen += count
        self._update_jump_button()
        self._tell_arrived(count)

    def _tell_arrived(self, count: int) -> None:
        """The customer's new messages in the chat the owner has in front of her are said aloud, as
        her row reads them (the newest few; more arrive as a catch-up, which the list counts)."""
        if not self.window().isActiveWindow():
            return  # elsewhere, the notification tells her
        found: list[QModelIndex] = []
        for row in range(self.chat_model.rowCount() - 1, -1, -1):
            if len(found) == min(count, SAID_ARRIVALS):
                break
            index = self.chat_model.index(row)
            if index.data(MessageRole.MESSAGE).direction == "in":
                found.append(index)
        for index in reversed(found):
            announce(self, index.data(Qt.ItemDataRole.AccessibleTextRole))

    # ----------------------------------------------------------------- jump-to-bottom button
    def _update_jump_button(self) -> None:
        sb = self.verticalScrollBar()
        far = sb.maximum() - sb.value() > self.viewport().height() // 2 or self.chat_model.has_newer
        self.jump_button.setText(str(self._unseen) if self._unseen else "")
        shown = bool(far and self.chat_model.rowCount())
        self.jump_button.setVisible(shown)
        # The button sits in a band below the messages, never over one: floating over them it hid
        # the time of whichever bubble was at the bottom (the newest loaded one, after a search hit).
        # The band only adds to how far there is to scroll, so it cannot hide the button again.
        self.jump_button.adjustSize()
        band = self.jump_button.sizeHint().height() + 2 * JUMP_BUTTON_GAP if shown else 0
        if self.viewportMargins().bottom() != band:
            self.setViewportMargins(0, 0, 0, band)
        self._place_jump_button()

    def _place_jump_button(self) -> None:
        self.jump_button.adjustSize()
        size = self.jump_button.sizeHint()
        vp = self.viewport().geometry()
        self.jump_button.move(vp.right() - size.width() - 18, vp.bottom() + 1 + JUMP_BUTTON_GAP)

    def jump_to_bottom(self) -> None:
        self._unseen = 0
        m = self.chat_model
        if m.has_newer and m.contact_id is not None:
            m.open_chat(m.contact_id)
        else:
            self.scrollToBottom()
        self._update_jump_button()

    def resizeEvent(self, event: QResizeEvent) -> None:
        was_at_bottom = self.at_bottom()
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            # QListView relayouts a top-to-bottom list only when its height changes, but our rows
            # are taller when narrower (text wraps): lay out again, and stay at the bottom.
            self.executeDelayedItemsLayout()
            self.scheduleDelayedItemsLayout()
            self.executeDelayedItemsLayout()
            if was_at_bottom:
                self.scrollToBottom()
        self._place_jump_button()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            # The system switched between light and dark: new bubble colours, same layout.
            # (A widget with a style sheet gets this here, not in changeEvent.)
            QTimer.singleShot(0, self, self.refresh_palette)
        return super().event(event)

    def refresh_palette(self) -> None:
        self._apply_palette()
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._paint_floating_date()
        self._paint_focus_frame()
        self.paint_count += 1

    def _paint_focus_frame(self) -> None:
        """The messages have the keyboard: outlined in the highlight colour, as the chat list outlines
        its current chat (a style sheet border would narrow the bubbles while it shows)."""
        if not self.hasFocus():
            return
        painter = QPainter(self.viewport())
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), FOCUS_FRAME))
        inset = FOCUS_FRAME / 2
        painter.drawRect(QRectF(self.viewport().rect()).adjusted(inset, inset, -inset, -inset))

    def focusInEvent(self, event: QFocusEvent) -> None:
        if event.reason() != Qt.FocusReason.MouseFocusReason:  # a click picks its own message
            self._current_on_screen()
        super().focusInEvent(event)
        self.viewport().update()

    def _current_on_screen(self) -> None:
        """Tabbed into, the messages' current one is the newest on screen, unless one shown is current
        already. Qt made it the oldest row loaded (fifty messages up, off screen), which a screen
        reader then read out, and the first arrow key jumped there."""
        current = self.currentIndex()
        if current.isValid() and self.visualRect(current).intersects(self.viewport().rect()):
            return
        x = self.viewport().width() // 2
        for y in range(self.viewport().rect().bottom() - 2, -1, -8):  # a short chat ends above the bottom
            if (newest := self.indexAt(QPoint(x, y))).isValid():
                self.selectionModel().setCurrentIndex(newest, QItemSelectionModel.SelectionFlag.NoUpdate)
                return

    def _tell_failed(self, rows: list[MessageRow]) -> None:
        """A reply that has just failed is said aloud: its bubble turning red told a screen reader
        nothing, and the owner went on as if the customer had it."""
        for row in rows:
            what = preview_text(row.kind, body_text(row) or row.body, row.payload)
            what = what if len(what) <= SAID_CHARS else what[: SAID_CHARS - 1] + "…"
            reason = self.bubbles.failure_reason(row)  # her closed window on one number of two
            reason = reason or failed_message_sentence(row.error_code, row.error_text)
            announce(self, self.tr("“{text}” was not sent: {reason}").format(text=what, reason=reason))

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        # Qt scrolls by moving pixels; the floating date would move with them. Repaint its strip.
        self.floating_date_shown = True
        self._floating_date_timer.start()
        width, height = self.viewport().width(), self.viewport().height()
        self.viewport().update(0, 0, width, 40)
        if self.hasFocus():  # so would the focus frame's top and bottom edges
            band = abs(dy) + FOCUS_FRAME
            self.viewport().update(0, 0, width, band)
            self.viewport().update(0, height - band, width, band)

    def _hide_floating_date(self) -> None:
        self.floating_date_shown = False
        self.viewport().update(0, 0, self.viewport().width(), 40)

    def floating_date_rect(self) -> QRectF | None:
        """Where the floating day is drawn while the owner scrolls, in the viewport; None while it is not.
        It sits in the gap above the messages, as the phone's does, and stays away while a bubble is
        under it: drawn over the top bubble, the "오늘" pill hid the words of its first line."""
        if not self.floating_date_shown:
            return None
        idx = self.indexAt(QPoint(10, 2))
        info = self.chat_model.info(idx.row()) if idx.isValid() else None
        if info is None:
            return None
        width = float(self.viewport().width())
        geo = self.bubbles.geometry(idx, width)
        top = self.visualRect(idx).top()
        if geo is not None and geo.date_rect is not None and top + geo.date_rect.bottom() > 0:
            return None  # the row's own separator is (at least partly) on screen
        text = day_label(local(info.message.sent_at).date())
        pill = self.bubbles.fonts.small_fm.horizontalAdvance(text) + 24
        rect = QRectF((width - pill) / 2, 8, pill, 24)
        clear = rect.adjusted(
            -FLOATING_DATE_CLEAR, -FLOATING_DATE_CLEAR, FLOATING_DATE_CLEAR, FLOATING_DATE_CLEAR
        )
        row = idx.row()
        while row < self.chat_model.rowCount():  # every row the pill reaches into
            below = self.chat_model.index(row, 0)
            place = self.visualRect(below)
            if place.top() > clear.bottom():
                break
            geo = self.bubbles.geometry(below, width)
            if geo is not None:
                marks = [geo.bubble, geo.date_rect, geo.divider_rect, geo.reaction_rect]
                if any(m is not None and m.translated(place.topLeft()).intersects(clear) for m in marks):
                    return None
            row += 1
        return rect

    def _paint_floating_date(self) -> None:
        """While scrolling, the day of the top message floats at the top, as on the phone."""
        rect = self.floating_date_rect()
        if rect is None:
            return
        idx = self.indexAt(QPoint(10, 2))
        info = self.chat_model.info(idx.row())
        assert info is not None  # floating_date_rect() found it
        text = day_label(local(info.message.sent_at).date())
        c = colours(self.palette())
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(c.separator_bg)
        painter.drawRoundedRect(rect, 7, 7)
        painter.setFont(self.bubbles.fonts.small)
        painter.setPen(c.separator_text)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.end()

    # ----------------------------------------------------------------- mouse: links, quotes, cards, text
    def _hit(self, pos: QPoint) -> tuple[QModelIndex, BubbleGeometry | None, QPointF]:
        idx = self.indexAt(pos)
        if not idx.isValid():
            return idx, None, QPointF()
        rect = self.visualRect(idx)
        geo = self.bubbles.geometry(idx, float(self.viewport().width()))
        return idx, geo, QPointF(pos - rect.topLeft())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        idx, geo, local = self._hit(pos)
        self._press = None
        self._selecting = False
        if event.button() == Qt.MouseButton.LeftButton and geo is not None:
            row: MessageRow = idx.data(MessageRole.MESSAGE)
            if geo.quote_rect is not None and geo.quote_rect.contains(local) and row.reply_to_wamid:
                self.quote_clicked.emit(row.reply_to_wamid)
                return
            if geo.card is not None and geo.card.rect.contains(local) and self._open_card(idx, geo):
                return
            link = geo.link_at(local)
            offset = geo.char_at(local) if geo.bubble.contains(local) else None
            self._press = (row.id, local, link)
            if offset is not None and link is None:
                self.bubbles.text_selection = (row.id, offset, offset)
                self._selecting = True
                self.viewport().update()
            elif self.bubbles.text_selection is not None:
                self.bubbles.text_selection = None
                self.viewport().update()
        super().mousePressEvent(event)

    def _open_card(self, idx: QModelIndex, geo: BubbleGeometry) -> bool:
        """Do what the message's card does (open its photo, file, place or order; start an order from
        a cart); False when it has none or nothing to do."""
        if geo.card is None:
            return False
        row: MessageRow = idx.data(MessageRole.MESSAGE)
        info = self.chat_model.info(idx.row())
        if geo.card.target.startswith(CART_TARGET):  # a cart no order came from: start one
            self.start_order_requested.emit(row)
            return True
        if geo.card.target and not _file_gone(geo.card.target):
            self._open_target(geo.card.target)
            return True
        if info is not None and info.media is not None and info.media.id:
            self.media_open_requested.emit(info.media.id, row.id)
            return True
        return False

    def _activate(self, idx: QModelIndex) -> bool:
        """Enter on a message does what a click on it would: its card opens, or the message it
        quotes is shown; False when there is nothing to open."""
        geo = self.bubbles.geometry(idx, float(self.viewport().width()))
        if geo is None:
            return False
        if self._open_card(idx, geo):
            return True
        row: MessageRow = idx.data(MessageRole.MESSAGE)
        if geo.quote_rect is not None and row.reply_to_wamid:
            self.quote_clicked.emit(row.reply_to_wamid)
            return True
        return False

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        idx, geo, local = self._hit(pos)
        sel = self.bubbles.text_selection
        if self._selecting and sel is not None and event.buttons() & Qt.MouseButton.LeftButton:
            if geo is not None and idx.data(MessageRole.MESSAGE_ID) == sel[0]:
                offset = geo.char_at(local)
                if offset is not None and offset != sel[2]:
                    self.bubbles.text_selection = (sel[0], sel[1], offset)
                    self.viewport().update()
            return  # a drag inside a bubble selects text, not rows
        cursor = Qt.CursorShape.ArrowCursor
        if geo is not None:
            if (
                geo.link_at(local)
                or (geo.quote_rect is not None and geo.quote_rect.contains(local))
                or (geo.card is not None and geo.card.target and geo.card.rect.contains(local))
            ):
                cursor = Qt.CursorShape.PointingHandCursor
            elif geo.text_layout is not None and geo.bubble.contains(local):
                cursor = Qt.CursorShape.IBeamCursor
        self.viewport().setCursor(cursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press = self._press
        self._press = None
        self._selecting = False
        if press is not None and press[2] is not None and event.button() == Qt.MouseButton.LeftButton:
            _idx, geo, local = self._hit(event.position().toPoint())
            if geo is not None and geo.link_at(local) == press[2]:
                self.open_link(press[2])
        sel = self.bubbles.text_selection
        if sel is not None and sel[1] == sel[2]:
            self.bubbles.text_selection = None
        super().mouseReleaseEvent(event)

    def open_link(self, url: str) -> None:
        qurl = QUrl(url)
        if qurl.scheme() in ("http", "https"):
            QDesktopServices.openUrl(qurl)

    def _open_target(self, target: str) -> None:
        if target.startswith("order:"):
            self.order_requested.emit(int(target.removeprefix("order:")))
        elif target.startswith(("http://", "https://")):
            self.open_link(target)
        else:
            open_file(self, Path(target))

    # ----------------------------------------------------------------- copy, reply, context menu
    def _shown_text(self, row: int) -> str:
        """The words row `row`'s bubble shows: a cart's lines and note, a caption, a text."""
        geo = self.bubbles.geometry(self.chat_model.index(row), float(self.viewport().width()))
        if geo is None:
            return body_text(self.chat_model.message_at(row))
        if self.chat_model.message_at(row).kind == "order":
            # The card's no-break spaces (a quantity kept with its name) are plain ones in what is
            # copied: one character for one, so a selection's positions still hold.
            return geo.text.replace(NO_BREAK, " ")
        return geo.text

    def selected_text(self) -> str:
        sel = self.bubbles.text_selection
        if sel is not None and sel[1] != sel[2]:
            row = self.chat_model.row_of(sel[0])
            if row is not None:
                # In Qt's positions: an emoji before the selection is two of them.
                text = self._shown_text(row)
                return text[from_qt(text, min(sel[1], sel[2])) : from_qt(text, max(sel[1], sel[2]))]
        rows = sorted(i.row() for i in self.selectionModel().selectedIndexes())
        return "\n".join(self._shown_text(r) for r in rows)

    def copy(self) -> None:
        text = self.selected_text()
        if text.strip():  # two photos without captions are no "\n" on the clipboard
            QGuiApplication.clipboard().setText(text)

    def current_message(self) -> MessageRow | None:
        idx = self.currentIndex()
        if not idx.isValid():
            rows = self.selectionModel().selectedIndexes()
            idx = rows[-1] if rows else QModelIndex()
        return idx.data(MessageRole.MESSAGE) if idx.isValid() else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
            return
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        # Photos, files, orders and quotes opened only with a click: not from the keyboard at all.
        if enter and plain and self.currentIndex().isValid() and self._activate(self.currentIndex()):
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        idx, geo, local = self._hit(event.pos())
        if not idx.isValid() or geo is None:
            return
        row: MessageRow = idx.data(MessageRole.MESSAGE)
        if not self.selectionModel().isSelected(idx):
            self.setCurrentIndex(idx)
        menu = QMenu(self)
        reply = menu.addAction(icons.icon("reply"), self.tr("&Reply"))
        reply.setShortcut(QKeySequence("Ctrl+R"))
        copy = menu.addAction(self.tr("&Copy"))
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setEnabled(bool(self.selected_text().strip()))  # a voice note, a photo without caption
        # The bubble shows its first MAX_LAYOUT_CHARS characters and "…": the rest is a click away.
        read_all = (
            menu.addAction(self.tr("Read the &whole message")) if len(geo.text) > MAX_LAYOUT_CHARS else None
        )
        link = geo.link_at(local)
        copy_link = menu.addAction(self.tr("Copy &link")) if link else None
        info = self.chat_model.info(idx.row())
        media = info.media if info is not None else None
        save = menu.addAction(self.tr("&Save as…")) if media is not None else None
        reactions: dict[QAction, str] = {}
        if row.wamid and not row.imported and row.kind not in ("system", "reaction"):
            react = menu.addMenu(self.tr("R&eact"))
            for emoji, entry in quick_reactions():
                action = react.addAction(entry)
                action.setCheckable(True)
                action.setChecked(row.reaction_out == emoji)
                reactions[action] = "" if row.reaction_out == emoji else emoji  # a second pick takes it back
            if row.reaction_out:
                react.addSeparator()
                reactions[react.addAction(self.tr("&Remove reaction"))] = ""
        retry = delete = start_order = cancel = None
        # A cart's own card opens its order, or starts one when it has none and its items can be read.
        startable_cart = geo.card is not None and geo.card.target.startswith(CART_TARGET)
        if row.direction == "in" and (row.kind != "order" or startable_cart):
            start_order = menu.addAction(icons.icon("cart"), self.tr("Start &order"))
        if row.direction == "out" and row.status == "failed":
            menu.addSeparator()
            elsewhere = self.bubbles.retry_elsewhere(row)
            if elsewhere is not None:
                # Refused for her closed window on the number it went from; the other's is open.
                number = business_number_text(elsewhere.number, self.bubbles.shop_region)
                retry = menu.addAction(self.tr("Re&try from {0}").format(number))
            elif row.error_code not in NOT_RETRYABLE_FAILURES:  # the same file would be refused again
                retry = menu.addAction(self.tr("Re&try sending"))
            delete = menu.addAction(self.tr("&Delete"))
        if row.direction == "out" and can_cancel(row.status, row.error_code):
            menu.addSeparator()
            cancel = menu.addAction(self.tr("C&ancel sending"))
        chosen = menu.exec(event.globalPos())
        if chosen is reply:
            self.reply_requested.emit(row)
        elif chosen is copy:
            self.copy()
        elif chosen is not None and chosen is read_all:
            from ui.whole_message_dialog import WholeMessageDialog

            whole = WholeMessageDialog(geo.text, self)
            whole.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            whole.open()
        elif chosen is not None and chosen is copy_link and link:
            QGuiApplication.clipboard().setText(link)
        elif chosen is not None and chosen is save and media is not None:
            self.save_media_requested.emit(row, media)
        elif chosen is not None and chosen in reactions:
            self.react_requested.emit(row, reactions[chosen])
        elif chosen is not None and chosen is retry and elsewhere is not None:
            self.retry_from_requested.emit(row.id, elsewhere.phone_number_id)
        elif chosen is not None and chosen is retry:
            self.retry_requested.emit(row.id)
        elif chosen is not None and chosen is delete:
            self.delete_requested.emit(row.id)
        elif chosen is not None and chosen is cancel:
            self.cancel_requested.emit(row.id)
        elif chosen is not None and chosen is start_order:
            self.start_order_requested.emit(row)
