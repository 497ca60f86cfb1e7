"""The open chat's windowed model: a slice of one conversation that grows up (older) and down (newer)."""

from __future__ import annotations

import bisect
import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import IntEnum
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal

from app.carts import CartCard, chat_cards
from app.message_media import MediaInfo, media_for_messages
from app.order_queries import OrderCard
from app.queries import (
    MessageRow,
    message_by_wamid,
    message_ids_between,
    messages_around,
    messages_by_ids,
    messages_page,
)
from app.rules import RECENT_WORDS, TYPED_KINDS
from ui.context import AppContext
from ui.formatting import local
from ui.ops import run_read
from ui.spoken_message import spoken_message

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

# How much of each of the customer's newest messages tells which language they write (`their_words`).
WORDS_READ = 300

PAGE = 50
# Rows re-read after a sync batch: recent rows (ticks, reactions) plus anything still moving.
REFRESH_TAIL = 200
MAX_FIRST_PAGE = 400
# Rows kept under an older page while the owner reads further back: past these, the newest rows go
# (the chat is then an old stretch, as after a search hit: the jump button brings the newest back).
# Every layout asks every loaded row's height: scrolled back 18,000 rows, a page took 165 ms, growing.
LOADED_MOST = 3000
# Messages that came late put in among the rows shown one by one (each lays the chat out again);
# more at once and the chat is read again whole.
LATE_INSERTED_MOST = 20
# A picture the relay could not hand over (WhatsApp out of its reach): asked for again after this.
PICTURE_RETRY_MS = 30_000
# A message opened from a notification (the one a customer reacted to) is outlined this long: long
# enough to find it among its neighbours, then the chat looks as it always does.
BRIEF_HIGHLIGHT_MS = 2500
Index = QModelIndex | QPersistentModelIndex


class MessageRole(IntEnum):
    MESSAGE = Qt.ItemDataRole.UserRole + 1  # MessageRow
    SHOW_DATE = Qt.ItemDataRole.UserRole + 2  # bool: a date separator above this message
    UNREAD_DIVIDER = Qt.ItemDataRole.UserRole + 3  # int: unread count for the divider above, or 0
    QUOTE = Qt.ItemDataRole.UserRole + 4  # MessageRow of the quoted message, or None
    MEDIA = Qt.ItemDataRole.UserRole + 5  # MediaInfo or None
    HIGHLIGHT = Qt.ItemDataRole.UserRole + 6  # str (search text, may be "") on the jumped-to row, else None
    MESSAGE_ID = Qt.ItemDataRole.UserRole + 7
    FIRST_OF_GROUP = Qt.ItemDataRole.UserRole + 8  # bool: first of consecutive same-sender messages


@dataclass(frozen=True, slots=True)
class RowInfo:
    """Everything a delegate needs for one row, read in one Python call.

    Delegates use this rather than `index.data(role)`: PySide6 6.12 drops a reference to None each
    time `index.data()` hands an empty value back to Python, which ends in a crash after a while.
    """

    message: MessageRow
    show_date: bool
    divider: int
    quote: MessageRow | None
    media: MediaInfo | None
    highlight: str | None
    order: OrderCard | CartCard | None  # a cart's: the order it became, or the cart as it came
    first_of_group: bool


def _display_order(row: MessageRow) -> tuple[datetime, int]:
    return row.sent_at, row.id


_FINAL = frozenset({"read", "failed", "received"})
_MEDIA_KINDS = ("image", "video", "document", "audio", "sticker")


@dataclass(slots=True)
class _Extras:
    """Quoted messages, media and cart orders of rows about to be shown, read with them off the GUI thread."""

    quotes: dict[str, MessageRow | None] = field(default_factory=dict)
    media: dict[int, MediaInfo] = field(default_factory=dict)
    orders: dict[int, OrderCard | CartCard] = field(default_factory=dict)


def _read_extras(session: Session, rows: list[MessageRow], known_quotes: frozenset[str]) -> _Extras:
    """One page's extras: a few lookups (quotes already known are not read again)."""
    extras = _Extras()
    for r in rows:
        if (
            r.reply_to_wamid
            and r.reply_to_wamid not in known_quotes
            and r.reply_to_wamid not in extras.quotes
        ):
            extras.quotes[r.reply_to_wamid] = message_by_wamid(session, r.reply_to_wamid)
    carts = {r.id: r.payload for r in rows if r.kind == "order"}
    if carts:
        extras.orders = chat_cards(session, carts)
    media_ids = [r.id for r in rows if r.kind in _MEDIA_KINDS]
    if media_ids:
        extras.media = media_for_messages(session, media_ids)
    return extras


@dataclass(frozen=True, slots=True)
class _Page:
    rows: list[MessageRow]
    extras: _Extras


@dataclass(frozen=True, slots=True)
class _Refresh:
    watched: list[int]
    fresh: list[MessageRow]
    appended: list[MessageRow]
    late: list[MessageRow]  # new rows whose time sorts them among the rows shown
    extras: _Extras


class ChatViewModel(QAbstractListModel):
    """Message rows in display order (oldest first) between two moving edges.

    Every read runs as an op off the GUI thread; the model applies its result when it comes back.
    Opening a chat (or the window around a message) bumps a generation: a result read for a chat
    no longer open is dropped. One refresh is in flight at a time; a change that arrives meanwhile
    asks for one more.
    """

    chat_opened = Signal(int)
    rows_resized = Signal()  # a row's height changed (reaction added, date separator gone)
    new_messages = Signal(int)  # inbound messages appended at the bottom
    media_wanted = Signal(int, int)  # (media id, message id): a picture on screen is not downloaded yet
    older_loaded = Signal(int)  # rows prepended by load_older (0: none, or the chat changed)
    local_inserted = Signal(int)  # message id the owner just queued, now shown at the bottom
    sends_failed = Signal(object)  # list[MessageRow]: the owner's messages that have just failed

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.contact_id: int | None = None
        # The open chat's customer, whom a screen reader names as the writer of her messages.
        self.customer_name = ""
        # A shop with two numbers: the number the chat's header names, and the shop's country (how its
        # numbers are written): a message on the other number says which (ui/spoken_message.number_said).
        self.chat_number: str | None = None
        self.shop_region = ""
        self._rows: list[MessageRow] = []
        self._pos: dict[int, int] = {}
        self.has_older = False
        self.has_newer = False
        self.first_unread_id: int | None = None
        self.unread_at_open = 0
        self.highlight_id: int | None = None
        self.highlight_text = ""
        self._unmark = QTimer(self)  # ends a brief highlight (open_around's `brief`)
        self._unmark.setSingleShot(True)
        self._unmark.setInterval(BRIEF_HIGHLIGHT_MS)
        self._unmark.timeout.connect(self.clear_highlight)
        self._quotes: dict[str, MessageRow | None] = {}
        self._media: dict[int, MediaInfo] = {}
        # Media rows WhatsApp no longer has (the relay said so): their boxes say it, never asked again;
        # the app's one set, which the contact panel's list reads too.
        self._gone = ctx.gone_media
        ctx.hub.media_gone.connect(self._on_media_gone)
        # cart message id → the order it became, or the cart itself
        self._orders: dict[int, OrderCard | CartCard] = {}
        self._media_requested: set[int] = set()
        self._generation = 0
        self.loading = False  # a chat (or a window around a message) is being read
        self._fetching = False  # newer rows (fetchMore) or older rows (load_older) on their way
        self._refreshing = False
        self._refresh_wanted = False

    def _read(self, fn: Callable[[Session], Any], then: Callable[[Any], None]) -> None:
        """Run `fn(session)` off the GUI thread; `then(result)` only if the same chat is still shown."""
        generation = self._generation

        def done(result: Any) -> None:
            if generation == self._generation:
                then(result)

        run_read(self.ctx, fn, done, parent=self, on_failure=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.loading = self._fetching = self._refreshing = False
        log.warning("messages not read: %s", type(exc).__name__)

    def busy(self) -> bool:
        """A read is on its way (tests wait for this to settle)."""
        return self.loading or self._fetching or self._refreshing or self._refresh_wanted

    # ----------------------------------------------------------------- Qt model API
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        i = index.row()
        if not index.isValid() or not 0 <= i < len(self._rows):
            return None
        row = self._rows[i]
        if role == MessageRole.MESSAGE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return row.body
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # The row as a sentence (who, what, when, delivered or not): a screen reader read the
            # bare body, nothing at all for a photo, and never which were the owner's or unsent.
            return spoken_message(
                row,
                customer=self.customer_name,
                show_date=self._show_date(i),
                divider=self.unread_at_open if row.id == self.first_unread_id else 0,
                quote=self._quotes.get(row.reply_to_wamid) if row.reply_to_wamid else None,
                order=self._orders.get(row.id),
                media=self._media.get(row.id),
                chat_number=self.chat_number,
                shop_region=self.shop_region,
            )
        if role == MessageRole.MESSAGE_ID:
            return row.id
        if role == MessageRole.SHOW_DATE:
            return self._show_date(i)
        if role == MessageRole.UNREAD_DIVIDER:
            return self.unread_at_open if row.id == self.first_unread_id else 0
        if role == MessageRole.QUOTE:
            return self._quotes.get(row.reply_to_wamid) if row.reply_to_wamid else None
        if role == MessageRole.MEDIA:
            return self._media.get(row.id)
        if role == MessageRole.HIGHLIGHT:
            return self.highlight_text if row.id == self.highlight_id else None
        if role == MessageRole.FIRST_OF_GROUP:
            return i == 0 or self._rows[i - 1].direction != row.direction or self._show_date(i)
        return None

    def info(self, i: int) -> RowInfo | None:
        if not 0 <= i < len(self._rows):
            return None
        row = self._rows[i]
        show_date = self._show_date(i)
        return RowInfo(
            message=row,
            show_date=show_date,
            divider=self.unread_at_open if row.id == self.first_unread_id else 0,
            quote=self._quotes.get(row.reply_to_wamid) if row.reply_to_wamid else None,
            media=self._media.get(row.id),
            order=self._orders.get(row.id),
            highlight=self.highlight_text if row.id == self.highlight_id else None,
            first_of_group=i == 0 or self._rows[i - 1].direction != row.direction or show_date,
        )

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return (
            not parent.isValid()
            and self.has_newer
            and self.contact_id is not None
            and not self.loading
            and not self._fetching
        )

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        """Qt pages downwards only: this brings the newer side of a window opened around a message."""
        if not self.canFetchMore(parent) or not self._rows:
            return
        contact_id, after, known = self.contact_id or 0, self._rows[-1].id, frozenset(self._quotes)
        self._fetching = True

        def read(s: Session) -> _Page:
            page = messages_page(s, contact_id, after_id=after, limit=PAGE)
            return _Page(page, _read_extras(s, page, known))

        def done(got: _Page) -> None:
            self._fetching = False
            self.has_newer = len(got.rows) >= PAGE
            self._apply_extras(got.extras, got.rows)
            self._append(got.rows)

        self._read(read, done)

    # ----------------------------------------------------------------- helpers
    def _show_date(self, i: int) -> bool:
        if i == 0:
            return True
        return local(self._rows[i].sent_at).date() != local(self._rows[i - 1].sent_at).date()

    def _reindex(self) -> None:
        self._pos = {r.id: i for i, r in enumerate(self._rows)}

    def _apply_extras(self, extras: _Extras, rows: list[MessageRow]) -> None:
        """Keep what was read with `rows`; ask for their pictures that are not downloaded yet."""
        self._quotes.update(extras.quotes)
        self._orders.update(extras.orders)
        self._media.update(self._with_gone(extras.media))
        pictures = {r.id for r in rows if r.kind in ("image", "sticker")}
        for info in extras.media.values():
            wanted = info.message_id in pictures and not info.cache_path and not info.gone
            if wanted and info.id not in self._media_requested:
                self._media_requested.add(info.id)
                self.media_wanted.emit(info.id, info.message_id)

    def orders_changed(self) -> None:
        """An order moved or was created: its cart card shows the new state (read off the GUI thread)."""
        carts = {r.id: r.payload for r in self._rows if r.kind == "order"}
        if carts:
            self._read(lambda s: chat_cards(s, carts), self._orders_read)

    def _orders_read(self, found: dict[int, OrderCard | CartCard]) -> None:
        changed = [i for i in found if found.get(i) != self._orders.get(i)]
        self._orders.update(found)
        for message_id in changed:
            pos = self._pos.get(message_id)
            if pos is not None:
                self.dataChanged.emit(self.index(pos), self.index(pos))
        if changed:
            self.rows_resized.emit()

    def media_not_fetched(self, media_id: int, message_id: int) -> None:
        """A picture on screen that the relay could not hand over for now (it cannot reach WhatsApp,
        or is itself out of reach): asked for again in a while if its chat is still shown, and when
        its rows are read again, instead of staying a grey box until the next start."""
        if media_id not in self._media_requested:
            return  # not one this view asked for (a file the owner clicked): the owner asks again
        self._media_requested.discard(media_id)
        QTimer.singleShot(PICTURE_RETRY_MS, self, partial(self._ask_again, media_id, message_id))

    def media_gone(self, media_id: int, message_id: int) -> None:
        """The relay said WhatsApp no longer has this file: its box says so at once, and it is not
        asked for again while the app runs (the contact panel is told too)."""
        self.ctx.media_gone(media_id)
        self._show_gone(media_id, message_id)

    def _on_media_gone(self, media_id: int) -> None:
        self._show_gone(media_id)  # learnt elsewhere (the contact panel's list)

    def _show_gone(self, media_id: int, message_id: int | None = None) -> None:
        """The box of `media_id` (shown for `message_id`, or any message) says the file is gone."""
        found = (
            [message_id]
            if message_id is not None
            else [k for k, v in self._media.items() if v.id == media_id]
        )
        for mid in found:
            info = self._media.get(mid)
            if info is not None and info.id == media_id and not info.gone and not info.cache_path:
                self._media[mid] = replace(info, gone=True)
                pos = self._pos.get(mid)
                if pos is not None:
                    self.dataChanged.emit(self.index(pos), self.index(pos))
                    self.rows_resized.emit()

    def _with_gone(self, found: dict[int, MediaInfo]) -> dict[int, MediaInfo]:
        return {
            k: replace(v, gone=True) if v.id in self._gone and not v.cache_path else v
            for k, v in found.items()
        }

    def _ask_again(self, media_id: int, message_id: int) -> None:
        info = self._media.get(message_id)
        fetched = info is not None and bool(info.cache_path)
        if message_id in self._pos and media_id not in self._media_requested and not fetched:
            self._media_requested.add(media_id)
            self.media_wanted.emit(media_id, message_id)

    def media_ready(self, message_id: int) -> None:
        """A file arrived in the media folder: show it (the row may change height)."""
        self._read(
            lambda s: media_for_messages(s, [message_id]), lambda found: self._media_read(message_id, found)
        )

    def _media_read(self, message_id: int, found: dict[int, MediaInfo]) -> None:
        self._media.update(self._with_gone(found))
        pos = self._pos.get(message_id)
        if pos is not None:
            self.dataChanged.emit(self.index(pos), self.index(pos))
            self.rows_resized.emit()

    def _append(self, page: list[MessageRow]) -> None:
        known = self._pos
        page = [r for r in page if r.id not in known]
        if not page:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self._reindex()
        self.endInsertRows()

    # ----------------------------------------------------------------- opening and paging
    def _start(self, contact_id: int | None) -> None:
        """A new chat (or window) replaces what is shown: older reads are dropped from here on."""
        self._generation += 1
        self.loading = contact_id is not None
        self._fetching = self._refreshing = self._refresh_wanted = False
        self.beginResetModel()
        self.contact_id = contact_id
        self._rows = []
        self._reindex()
        self.has_older = self.has_newer = False
        self.first_unread_id = None
        self.unread_at_open = 0
        self.highlight_id = None
        self.highlight_text = ""
        self._unmark.stop()
        self._quotes.clear()
        self._media.clear()
        self._orders.clear()
        self.endResetModel()

    def open_chat(self, contact_id: int, unread: int = 0) -> None:
        """The newest page of a chat, big enough to reach the first unread message (read in an op)."""
        limit = min(MAX_FIRST_PAGE, max(PAGE, unread + 10))
        self._start(contact_id)

        def read(s: Session) -> _Page:
            rows = messages_page(s, contact_id, limit=limit)
            return _Page(rows, _read_extras(s, rows, frozenset()))

        def done(got: _Page) -> None:
            rows = got.rows
            unread_rows = [r for r in rows if r.unread and r.direction == "in"]
            self._show(got, has_older=len(rows) >= limit, has_newer=False)
            self.first_unread_id = unread_rows[0].id if unread_rows else None
            self.unread_at_open = len(unread_rows)
            self._opened()

        self._read(read, done)

    def open_around(
        self, message_id: int, highlight: str = "", contact_id: int | None = None, *, brief: bool = False
    ) -> None:
        """Load the window around a message (quoted message, search hit), off the GUI thread.

        `contact_id`, when the caller knows whose message it is, is the open chat from now on. With
        `brief`, the message's outline goes after BRIEF_HIGHLIGHT_MS (a search hit's stays while its
        search is open).
        """
        self._start(self.contact_id if contact_id is None else contact_id)
        self.loading = True

        def read(s: Session) -> _Page:
            rows = messages_around(s, message_id, before=PAGE // 2, after=PAGE // 2)
            return _Page(rows, _read_extras(s, rows, frozenset()))

        def done(got: _Page) -> None:
            rows = got.rows
            target = next((i for i, r in enumerate(rows) if r.id == message_id), None)
            if target is None:
                self.loading = False
                return
            self.contact_id = rows[target].contact_id
            self._show(got, has_older=target >= PAGE // 2, has_newer=len(rows) - target - 1 >= PAGE // 2)
            self.highlight_id = message_id
            self.highlight_text = highlight
            self._opened()
            if brief:
                self._unmark.start()

        self._read(read, done)

    def _show(self, got: _Page, *, has_older: bool, has_newer: bool) -> None:
        self.loading = False
        self.beginResetModel()
        self._rows = got.rows
        self._reindex()
        self.has_older = has_older
        self.has_newer = has_newer
        self._apply_extras(got.extras, got.rows)

    def _opened(self) -> None:
        self.endResetModel()
        if self.contact_id is not None:
            self.chat_opened.emit(self.contact_id)
        if self._refresh_wanted:
            self.refresh()

    def close_chat(self) -> None:
        self._start(None)

    def load_older(self, limit: int = PAGE) -> bool:
        """Prepend the page before the first row (beginInsertRows(0, k-1)) once read; `older_loaded(k)`.

        Returns False when there is nothing to load (no read started).
        """
        if not self.has_older or not self._rows or self.contact_id is None or self.loading or self._fetching:
            return False
        contact_id, before, known = self.contact_id, self._rows[0].id, frozenset(self._quotes)
        self._fetching = True

        def read(s: Session) -> _Page:
            page = messages_page(s, contact_id, before_id=before, limit=limit)
            return _Page(page, _read_extras(s, page, known))

        generation = self._generation

        def done(got: _Page) -> None:
            if generation != self._generation:
                self.older_loaded.emit(0)  # another chat is open now
                return
            self._fetching = False
            self.older_loaded.emit(self._prepend(got, limit))

        def failed(exc: BaseException) -> None:
            self._failed(exc)
            self.older_loaded.emit(0)

        run_read(self.ctx, read, done, parent=self, on_failure=failed)
        return True

    def _prepend(self, got: _Page, limit: int) -> int:
        self.has_older = len(got.rows) >= limit
        page = [r for r in got.rows if r.id not in self._pos]
        if not page:
            return 0
        self._apply_extras(got.extras, page)
        self.beginInsertRows(QModelIndex(), 0, len(page) - 1)
        self._rows[0:0] = page
        self._reindex()
        self.endInsertRows()
        # The old first row may lose its date separator now that its day has an earlier message: the
        # view's layout after the insert asked every row's height already, and repaints. A
        # dataChanged or rows_resized here laid the whole chat out again each (a QListView lays out
        # every row for either): three layouts a page, ~1 s each far back in a long chat.
        self._let_go_of_the_newest(len(page) + LOADED_MOST)
        return len(page)

    def _let_go_of_the_newest(self, keep: int) -> None:
        """Past `keep` rows, the newest go: far below the rows on screen, at the top (the page just
        read and LOADED_MOST rows under it, far more than a screen holds)."""
        if len(self._rows) <= keep:
            return
        first = keep
        self.beginRemoveRows(QModelIndex(), first, len(self._rows) - 1)
        del self._rows[first:]
        self._reindex()
        self.endRemoveRows()
        self.has_newer = True

    def clear_unread_divider(self) -> None:
        """The owner answered: the "N unread messages" line has done its job and goes, as in WhatsApp."""
        if self.first_unread_id is None:
            return
        pos = self._pos.get(self.first_unread_id)
        self.first_unread_id = None
        self.unread_at_open = 0
        if pos is not None:
            self.dataChanged.emit(self.index(pos), self.index(pos))
            self.rows_resized.emit()

    def clear_highlight(self) -> None:
        self._unmark.stop()
        if self.highlight_id is None:
            return
        pos = self._pos.get(self.highlight_id)
        self.highlight_id = None
        self.highlight_text = ""
        if pos is not None:
            self.dataChanged.emit(self.index(pos), self.index(pos))

    # ----------------------------------------------------------------- changes
    def refresh(self) -> None:
        """A change touched this chat: re-read it off the GUI thread, then append new rows and repaint
        only rows that changed (`new_messages(n)` counts the inbound rows appended)."""
        if self.contact_id is None:
            return
        if self.loading or self._refreshing:
            self._refresh_wanted = True  # once the read in flight is in
            return
        self._refresh_wanted = False
        self._refreshing = True
        contact_id, has_newer, known = self.contact_id, self.has_newer, frozenset(self._quotes)
        watch = [r.id for r in self._rows[-REFRESH_TAIL:]]
        watch += [r.id for r in self._rows[:-REFRESH_TAIL] if r.status not in _FINAL]
        after = self._rows[-1].id if self._rows else None
        first = self._rows[0].id if self._rows else None
        shown = frozenset(self._pos)

        def read(s: Session) -> _Refresh:
            fresh = messages_by_ids(s, watch)
            appended: list[MessageRow] = []
            late: list[MessageRow] = []
            if not has_newer:
                if after is None:
                    appended = messages_page(s, contact_id, limit=PAGE)
                else:
                    appended = messages_page(s, contact_id, after_id=after, limit=MAX_FIRST_PAGE)
            if first is not None and after is not None:
                between = message_ids_between(s, contact_id, first, after)
                late = messages_by_ids(s, [i for i in between if i not in shown][: LATE_INSERTED_MOST + 1])
            rows = fresh + appended + late
            return _Refresh(watch, fresh, appended, late, _read_extras(s, rows, known))

        def done(got: _Refresh) -> None:
            self._refreshing = False
            self._apply_refresh(got)
            if self._refresh_wanted:
                self.refresh()

        self._read(read, done)

    def _apply_refresh(self, got: _Refresh) -> None:
        if len(got.late) > LATE_INSERTED_MOST and self.contact_id is not None:
            # Many at once (a phone's export imported into the open chat): read again whole, as
            # reopening it would, rather than a layout of the chat for each row put in.
            self.open_chat(self.contact_id)
            return
        self._apply_extras(got.extras, got.fresh + got.appended + got.late)
        resized = False
        failed: list[MessageRow] = []
        gone = set(got.watched) - {r.id for r in got.fresh}
        for message_id in sorted(gone, key=lambda m: -self._pos.get(m, -1)):
            pos = self._pos.get(message_id)
            if pos is not None:
                self.beginRemoveRows(QModelIndex(), pos, pos)
                del self._rows[pos]
                self._reindex()
                self.endRemoveRows()
        for row in got.fresh:
            pos = self._pos.get(row.id)
            if pos is None or self._rows[pos] == row:
                continue
            old = self._rows[pos]
            self._rows[pos] = row
            if row.status == "failed" and old.status != "failed":
                failed.append(row)
            if (old.reaction_in, old.reaction_out, old.body) != (row.reaction_in, row.reaction_out, row.body):
                resized = True
            idx = self.index(pos)
            self.dataChanged.emit(idx, idx)
        self._insert_late(got.late)
        appended = [r for r in got.appended if r.id not in self._pos]
        self._append(appended)
        if resized:
            self.rows_resized.emit()
        if failed:
            self.sends_failed.emit(failed)
        inbound = [r for r in appended if r.direction == "in"]
        if inbound:
            self.new_messages.emit(len(inbound))

    def _insert_late(self, late: list[MessageRow]) -> None:
        """Rows that came after the ones around them (a redelivered message, an import meanwhile):
        each goes in where its time puts it, as reopening the chat would show it."""
        for row in sorted(late, key=_display_order):
            if row.id in self._pos:
                continue
            pos = bisect.bisect_right(self._rows, _display_order(row), key=_display_order)
            self.beginInsertRows(QModelIndex(), pos, pos)
            self._rows.insert(pos, row)
            self._reindex()
            self.endInsertRows()

    def insert_local(self, row: MessageRow) -> None:
        """Show a message the owner just queued (pending) without waiting for a sync batch.

        Its picture and quote are read first, so the bubble has its final height when the view
        scrolls to it (`local_inserted`).
        """
        if row.contact_id != self.contact_id or row.id in self._pos or self.has_newer:
            return
        known = frozenset(self._quotes)
        self._read(lambda s: _read_extras(s, [row], known), lambda extras: self._insert_local(row, extras))

    def insert_local_id(self, message_id: int) -> None:
        """`insert_local` for a message known by its id (read with its extras off the GUI thread)."""
        known = frozenset(self._quotes)

        def read(s: Session) -> _Page:
            rows = messages_by_ids(s, [message_id])
            return _Page(rows, _read_extras(s, rows, known))

        def done(got: _Page) -> None:
            for row in got.rows:
                if row.contact_id == self.contact_id and not self.has_newer:
                    self._insert_local(row, got.extras)

        self._read(read, done)

    def _insert_local(self, row: MessageRow, extras: _Extras) -> None:
        if row.id in self._pos:
            return
        self._apply_extras(extras, [row])
        self._append([row])
        self.local_inserted.emit(row.id)

    # ----------------------------------------------------------------- lookups
    def row_of(self, message_id: int) -> int | None:
        return self._pos.get(message_id)

    def message_at(self, position: int) -> MessageRow:
        return self._rows[position]

    def messages(self) -> list[MessageRow]:
        return list(self._rows)

    def their_words(self, limit: int = RECENT_WORDS) -> list[str]:
        """What the customer typed in the newest messages held (newest first, at most `limit`): which
        language a quick reply goes in (a cart's or a tapped row's words are the shop's, not theirs)."""
        words: list[str] = []
        for row in reversed(self._rows):
            if row.direction == "in" and row.kind in TYPED_KINDS and row.body:
                # The start of each tells its letters; a 5 MB message is not read to its end at each paint.
                words.append(row.body[:WORDS_READ])
                if len(words) == limit:
                    break
        return words
