"""The open chat's windowed model: a slice of one conversation that grows up (older) and down (newer)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from app.message_media import MediaInfo, media_for_messages
from app.order_queries import OrderCard, order_cards
from app.queries import MessageRow, message_by_wamid, messages_around, messages_by_ids, messages_page
from ui.context import AppContext
from ui.formatting import local

log = logging.getLogger(__name__)

PAGE = 50
# Rows re-read after a sync batch: recent rows (ticks, reactions) plus anything still moving.
REFRESH_TAIL = 200
MAX_FIRST_PAGE = 400
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
    order: OrderCard | None
    first_of_group: bool


_FINAL = frozenset({"read", "failed", "received"})


class ChatViewModel(QAbstractListModel):
    """Message rows in display order (oldest first) between two moving edges."""

    chat_opened = Signal(int)
    rows_resized = Signal()  # a row's height changed (reaction added, date separator gone)
    new_messages = Signal(int)  # inbound messages appended at the bottom
    media_wanted = Signal(int, int)  # (media id, message id): a picture on screen is not downloaded yet

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.contact_id: int | None = None
        self._rows: list[MessageRow] = []
        self._pos: dict[int, int] = {}
        self.has_older = False
        self.has_newer = False
        self.first_unread_id: int | None = None
        self.unread_at_open = 0
        self.highlight_id: int | None = None
        self.highlight_text = ""
        self._quotes: dict[str, MessageRow | None] = {}
        self._media: dict[int, MediaInfo] = {}
        self._orders: dict[int, OrderCard] = {}  # cart message id → the order it became
        self._media_requested: set[int] = set()

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
        return not parent.isValid() and self.has_newer and self.contact_id is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        """Qt pages downwards only: this brings the newer side of a window opened around a message."""
        if not self.canFetchMore(parent) or not self._rows:
            return
        with self.ctx.db.read() as s:
            page = messages_page(s, self.contact_id or 0, after_id=self._rows[-1].id, limit=PAGE)
            self._load_extras(s, page)
        self.has_newer = len(page) >= PAGE
        self._append(page)

    # ----------------------------------------------------------------- helpers
    def _show_date(self, i: int) -> bool:
        if i == 0:
            return True
        return local(self._rows[i].sent_at).date() != local(self._rows[i - 1].sent_at).date()

    def _reindex(self) -> None:
        self._pos = {r.id: i for i, r in enumerate(self._rows)}

    def _load_extras(self, session: Any, rows: list[MessageRow]) -> None:
        """Quoted messages and media for the rows about to be shown (one page: a few lookups)."""
        for r in rows:
            if r.reply_to_wamid and r.reply_to_wamid not in self._quotes:
                self._quotes[r.reply_to_wamid] = message_by_wamid(session, r.reply_to_wamid)
        carts = [r.id for r in rows if r.kind == "order"]
        if carts:
            self._orders.update(order_cards(session, carts))
        media_ids = [r.id for r in rows if r.kind in ("image", "video", "document", "audio", "sticker")]
        if media_ids:
            found = media_for_messages(session, media_ids)
            self._media.update(found)
            pictures = {r.id for r in rows if r.kind in ("image", "sticker")}
            for info in found.values():
                wanted = info.message_id in pictures and not info.cache_path
                if wanted and info.id not in self._media_requested:
                    self._media_requested.add(info.id)
                    self.media_wanted.emit(info.id, info.message_id)

    def orders_changed(self) -> None:
        """An order moved or was created: its cart card shows the new state."""
        carts = [r.id for r in self._rows if r.kind == "order"]
        if not carts:
            return
        with self.ctx.db.read() as s:
            found = order_cards(s, carts)
        changed = [i for i in carts if found.get(i) != self._orders.get(i)]
        self._orders.update(found)
        for message_id in changed:
            pos = self._pos.get(message_id)
            if pos is not None:
                self.dataChanged.emit(self.index(pos), self.index(pos))
        if changed:
            self.rows_resized.emit()

    def media_ready(self, message_id: int) -> None:
        """A file arrived in the media folder: show it (the row may change height)."""
        with self.ctx.db.read() as s:
            self._media.update(media_for_messages(s, [message_id]))
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
    def open_chat(self, contact_id: int, unread: int = 0) -> None:
        """The newest page of a chat, big enough to reach the first unread message."""
        limit = min(MAX_FIRST_PAGE, max(PAGE, unread + 10))
        with self.ctx.db.read() as s:
            rows = messages_page(s, contact_id, limit=limit)
            self._quotes.clear()
            self._media.clear()
            self._orders.clear()
            self._load_extras(s, rows)
        self.beginResetModel()
        self.contact_id = contact_id
        self._rows = rows
        self._reindex()
        self.has_older = len(rows) >= limit
        self.has_newer = False
        self.highlight_id = None
        self.highlight_text = ""
        unread_rows = [r for r in rows if r.unread and r.direction == "in"]
        self.first_unread_id = unread_rows[0].id if unread_rows else None
        self.unread_at_open = len(unread_rows)
        self.endResetModel()
        self.chat_opened.emit(contact_id)

    def open_around(self, message_id: int, highlight: str = "") -> int | None:
        """Load the window around a message (quoted message, search hit); returns its row."""
        with self.ctx.db.read() as s:
            rows = messages_around(s, message_id, before=PAGE // 2, after=PAGE // 2)
            if not rows:
                return None
            self._load_extras(s, rows)
        target = next(i for i, r in enumerate(rows) if r.id == message_id)
        self.beginResetModel()
        self.contact_id = rows[target].contact_id
        self._rows = rows
        self._reindex()
        self.has_older = target >= PAGE // 2
        self.has_newer = len(rows) - target - 1 >= PAGE // 2
        self.first_unread_id = None
        self.unread_at_open = 0
        self.highlight_id = message_id
        self.highlight_text = highlight
        self.endResetModel()
        self.chat_opened.emit(self.contact_id)
        return target

    def close_chat(self) -> None:
        self.beginResetModel()
        self.contact_id = None
        self._rows = []
        self._reindex()
        self.has_older = self.has_newer = False
        self.endResetModel()

    def load_older(self, limit: int = PAGE) -> int:
        """Prepend the page before the first row (beginInsertRows(0, k-1)); returns k."""
        if not self.has_older or not self._rows or self.contact_id is None:
            return 0
        with self.ctx.db.read() as s:
            page = messages_page(s, self.contact_id, before_id=self._rows[0].id, limit=limit)
            self._load_extras(s, page)
        self.has_older = len(page) >= limit
        page = [r for r in page if r.id not in self._pos]
        if not page:
            return 0
        self.beginInsertRows(QModelIndex(), 0, len(page) - 1)
        self._rows[0:0] = page
        self._reindex()
        self.endInsertRows()
        # The old first row may lose its date separator now that its day has an earlier message.
        old_first = self.index(len(page))
        self.dataChanged.emit(old_first, old_first)
        self.rows_resized.emit()
        return len(page)

    def clear_highlight(self) -> None:
        if self.highlight_id is None:
            return
        pos = self._pos.get(self.highlight_id)
        self.highlight_id = None
        self.highlight_text = ""
        if pos is not None:
            self.dataChanged.emit(self.index(pos), self.index(pos))

    # ----------------------------------------------------------------- sync
    def refresh(self) -> list[MessageRow]:
        """After a sync batch touched this chat: append new rows, repaint only rows that changed.

        Returns the inbound rows that were appended.
        """
        if self.contact_id is None:
            return []
        appended: list[MessageRow] = []
        with self.ctx.db.read() as s:
            watch = [r.id for r in self._rows[-REFRESH_TAIL:]]
            watch += [r.id for r in self._rows[:-REFRESH_TAIL] if r.status not in _FINAL]
            fresh = messages_by_ids(s, watch)
            if not self.has_newer:
                after = self._rows[-1].id if self._rows else None
                if after is None:
                    appended = messages_page(s, self.contact_id, limit=PAGE)
                else:
                    appended = messages_page(s, self.contact_id, after_id=after, limit=MAX_FIRST_PAGE)
                self._load_extras(s, appended)
            self._load_extras(s, fresh)
        resized = False
        gone = set(watch) - {r.id for r in fresh}
        for message_id in sorted(gone, key=lambda m: -self._pos.get(m, -1)):
            pos = self._pos.get(message_id)
            if pos is not None:
                self.beginRemoveRows(QModelIndex(), pos, pos)
                del self._rows[pos]
                self._reindex()
                self.endRemoveRows()
        for row in fresh:
            pos = self._pos.get(row.id)
            if pos is None or self._rows[pos] == row:
                continue
            old = self._rows[pos]
            self._rows[pos] = row
            if (old.reaction_in, old.reaction_out, old.body) != (row.reaction_in, row.reaction_out, row.body):
                resized = True
            idx = self.index(pos)
            self.dataChanged.emit(idx, idx)
        self._append(appended)
        if resized:
            self.rows_resized.emit()
        inbound = [r for r in appended if r.direction == "in"]
        if inbound:
            self.new_messages.emit(len(inbound))
        return inbound

    def insert_local(self, row: MessageRow) -> None:
        """Show a message the owner just queued (pending) without waiting for a sync batch."""
        if row.contact_id != self.contact_id or row.id in self._pos or self.has_newer:
            return
        # Its picture and quote now, so the bubble has its final height when the view scrolls to it.
        with self.ctx.db.read() as s:
            self._load_extras(s, [row])
        self._append([row])

    # ----------------------------------------------------------------- lookups
    def row_of(self, message_id: int) -> int | None:
        return self._pos.get(message_id)

    def message_at(self, position: int) -> MessageRow:
        return self._rows[position]

    def messages(self) -> list[MessageRow]:
        return list(self._rows)
