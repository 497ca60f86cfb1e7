"""The chat list's item model: one row per conversation, pinned first, refreshed row by row from `Changes`."""

from __future__ import annotations

import dataclasses
import logging
import time
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import IntEnum
from functools import partial
from heapq import merge
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal

from app import relay_clock
from app.changes import Changes
from app.conversation_rows import ConversationFilter, ConversationRow
from app.text_direction import isolated
from app.thread_priority import window_busy, window_free
from ui.context import AppContext
from ui.formatting import business_number_text, shop_clock_note, shop_zone
from ui.label_names import label_display_name
from ui.plain_tooltip import plain_tooltip
from ui.spoken_chat import spoken_chat, waiting_words

# Imported before the first paint (ui/start_path.py): app.queries and ui.ops (SQLAlchemy, pydantic)
# are imported where a read starts.
if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.queries import Arrival

log = logging.getLogger(__name__)

PAGE = 100
# A batch that changes more chats than this is applied as one layout change, not a move per chat.
MOVE_ROWS_MAX = 16
# Synced batches re-read the chat list's changed rows at most this often (a catch-up's pages come
# every few hundred milliseconds; what the owner does is read at once).
SYNC_REFRESH_MS = 500
PAUSE_END_SLACK_MS = 200  # a bot pause's end is looked at this long after it, never a moment before
# The longest a synced batch's rows wait for the paint of a scroll that came before them.
PAINT_WAIT_MS = 100
Index = QModelIndex | QPersistentModelIndex


class ChatRole(IntEnum):
    ROW = Qt.ItemDataRole.UserRole + 1  # the ConversationRow
    CONTACT_ID = Qt.ItemDataRole.UserRole + 2
    UNREAD = Qt.ItemDataRole.UserRole + 3


def _sort_key(row: ConversationRow) -> tuple[int, float, int]:
    """The order of conversations_page: pinned first, then newest, then id (all descending)."""
    ts = row.last_message_at.timestamp() if row.last_message_at else 0.0
    return (-int(row.pinned), -ts, -row.contact_id)


@dataclass(frozen=True, slots=True)
class _Read:
    """What an op read for the list: rows, and the unread total as of the same snapshot."""

    rows: list[ConversationRow]
    unread_total: int
    elsewhere: list[Arrival] = dataclasses.field(default_factory=list)  # see changed_conversations
    gone: frozenset[int] = frozenset()  # shown chats that changed and leave the list
    archived_unread: int = 0  # archived chats with unread messages (the Archived chip's count)
    unread_by_number: tuple[tuple[str, int], ...] = ()  # UnreadCounts.by_number
    any_archived: bool = False  # UnreadCounts.any_archived


def _read_page(
    kind: ConversationFilter, label_id: int | None, number: str | None, offset: int
) -> Callable[[Session], _Read]:
    def read(s: Session) -> _Read:
        from app.queries import conversations_page, unread_counts

        page = conversations_page(s, kind=kind, label_id=label_id, number=number, limit=PAGE, offset=offset)
        counts = unread_counts(s, number)
        return _Read(
            page,
            counts.messages,
            archived_unread=counts.archived_chats,
            unread_by_number=counts.by_number,
            any_archived=counts.any_archived,
        )

    return read


@dataclass(frozen=True, slots=True)
class _Asked:
    """What a re-read of changed chats is told about the list when it starts (changed_conversations)."""

    contact_ids: frozenset[int]
    written: frozenset[int]
    shown: frozenset[int]
    room: int
    kind: ConversationFilter
    label_id: int | None
    number: str | None
    keep_shown: bool
    also: frozenset[int]

    def __call__(self, s: Session) -> _Read:
        from app.queries import changed_conversations, unread_counts

        got = changed_conversations(
            s,
            self.contact_ids,
            shown=self.shown,
            room=self.room,
            kind=self.kind,
            label_id=self.label_id,
            number=self.number,
            keep_shown=self.keep_shown,
            also=self.also,
            written=self.written,
        )
        counts = unread_counts(s, self.number)
        return _Read(
            got.rows,
            counts.messages,
            got.elsewhere,
            got.gone,
            counts.archived_chats,
            counts.by_number,
            counts.any_archived,
        )


class ChatListModel(QAbstractListModel):
    """Rows come from app.queries in pages, read off the GUI thread; changed rows are re-read the same way.

    The model listens on the context's hub: a `Changes` naming contacts re-reads only those rows
    (one read in flight at a time; ids that change meanwhile wait and go in the next read), and
    `all_contacts`/`labels` reload the page. A result that comes back after a reload started is
    dropped (the reload read it fresher).
    """

    unread_changed = Signal()
    held_changed = Signal(int)  # chats waiting to move or appear while the order is held
    page_loaded = Signal()  # a (re)load's first page is in
    # [(old, new)] rows as applied, the changed chats beyond the list's rows that a customer wrote
    # to ([Arrival]), and whether the change came from sync (notifications listen).
    rows_refreshed = Signal(object, object, bool)

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # A chat's reply typed and not sent (ui/composer.py `draft_for`), which its row says instead
        # of the last message (the delegate draws it; a screen reader hears it from here).
        self.draft_for: Callable[[int], str | None] = lambda _contact_id: None
        self.kind: ConversationFilter = "all"
        self.label_id: int | None = None
        # The business number (phone_number_id) whose chats alone are listed, with any filter; None: all.
        self.number: str | None = None
        # The number the rows shown were read for: `number` once a switch's page is in. Until then the
        # old rows stay, and are painted as they were (a number's tag on each, or none), not twice.
        self.listed_number: str | None = None
        self._rows: list[ConversationRow] = []
        self._more = False
        self._pages = 1  # pages read since the last reload: the list keeps at most this many pages of rows
        self.loaded_once = False
        # False while start-up paints the first page from app/first_page.py: paging waits for the
        # database layer (SQLAlchemy), which loads after the first paint.
        self.paging = True
        # While held (the pointer is over the list), rows update in place and never move; what
        # would move or appear waits here until release().
        self.held = False
        self._waiting: dict[int, ConversationRow] = {}
        # Chats the owner just pinned, archived or labelled from the list: they move (or leave) at
        # once even while the order holds, as they would in WhatsApp; held still, the archive seemed
        # not to have worked. Forgotten when the hold ends.
        self._let_go: set[int] = set()
        self.unread_total = 0  # unread messages in every chat that is not archived (window title)
        self.archived_unread = 0  # archived chats with unread messages (the Archived chip), of the number
        # Unread messages to each business number that has any (UnreadCounts.by_number).
        self.unread_by_number: tuple[tuple[str, int], ...] = ()
        # Whether any chat of the number listed is archived (UnreadCounts.any_archived); None until
        # counted (a start paints its first page before the counts are read).
        self.any_archived: bool | None = None
        self._generation = 0  # bumped by every reload: older results are dropped
        self._loading = False
        self._fetching = False
        self._refreshing = False
        self._pending: set[int] = set()
        self._pending_from_sync = False
        # Of the pending chats, those a customer wrote to (Changes.written): a catch-up's beyond the
        # list's rows count as waiting even when the shop's reply is their last message (it came late).
        self._pending_written: set[int] = set()
        self._pending_owner = False  # something the owner did waits: read it without delay
        # The rows as the owner saw them before the list's page was read again: a change made while
        # it was read is in the page already, so the change's own re-read compares against these
        # ("your reply was not sent" went unsaid when the list reloaded at that moment). Each goes
        # with the first re-read of its chat.
        self._before_page: dict[int, ConversationRow] = {}
        self._refreshed_at = 0.0  # time.monotonic() of the last re-read of changed rows
        # The chat open beside the list (MainWindow sets it): its row is always read whole.
        self.open_chat: Callable[[], int | None] = lambda: None
        # Chats the owner opened under Unread stay listed once read, until she picks a filter (ChatList
        # adds them), as WhatsApp keeps them: a row vanishing as she read it slid the rest up under her.
        self.kept_unread: set[int] = set()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.timeout.connect(self._flush_pending)
        # A scroll is painted before a synced batch's rows: rows read back between a scroll and its
        # paint wait for painted() (ChatList says when the list scrolled and when it painted), or
        # for PAINT_WAIT_MS if no paint comes (a hidden list).
        self._scroll_unpainted = False
        self._after_paint: Callable[[], None] | None = None
        self._paint_wait = QTimer(self)
        self._paint_wait.setSingleShot(True)
        self._paint_wait.setInterval(PAINT_WAIT_MS)
        self._paint_wait.timeout.connect(self.painted)
        ctx.hub.changed.connect(self._hub_changed)
        # contact id → its row as last seen, to find a row by its sort key (see position_of).
        self._seen: dict[int, ConversationRow] = {}
        self._seen_complete = False
        self.modelReset.connect(self._forget_seen)
        self.rowsInserted.connect(self._note_inserted)
        # "Needs a person" ends when the bot's pause does, and nothing else changes then: at the
        # soonest end among the rows, those chats are read again (their mark, the Needs-a-person
        # filter, the open chat's Resume bot). The mark stayed until something else redrew them.
        self._pause_end = QTimer(self)
        self._pause_end.setSingleShot(True)
        self._pause_end.timeout.connect(self._pauses_ended)
        self._pauses_seen_at = relay_clock.now()  # pauses that ended before this were read already
        # Looked at once per batch of changes, not per row changed (a catch-up changes thousands).
        self._pause_look = QTimer(self)
        self._pause_look.setSingleShot(True)
        self._pause_look.setInterval(0)
        self._pause_look.timeout.connect(self._arm_pause_end)
        for changed in (self.modelReset, self.rowsInserted, self.dataChanged):
            changed.connect(lambda *_args: self._pause_look.start())

    # ----------------------------------------------------------------- Qt model API
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.display_name
        if role == ChatRole.ROW:
            return row
        if role == ChatRole.CONTACT_ID:
            return row.contact_id
        if role == ChatRole.UNREAD:
            return row.unread_count
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # A screen reader read the name alone: not the unread count, labels or last message.
            return spoken_chat(row, relay_clock.now(), self.draft_for(row.contact_id), self.ctx.shop_region)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = row.display_name
            if waiting := waiting_words(row, relay_clock.now(), self.ctx.shop_region):
                tip = self.tr("{0} · {1}", "a chat's name · where she waits for a person").format(
                    isolated(row.display_name), waiting
                )
            if row.business_number:  # a shop with two numbers: which one the customer wrote to
                number = business_number_text(row.business_number, self.ctx.shop_region)
                tip += "\n" + self.tr("To your number {0}").format(number)
            if row.labels:
                names = ", ".join(label_display_name(lab.name) for lab in row.labels)
                tip += "\n" + self.tr("Labels: {0}").format(names)
            # The row's time is on the shop's clock: say so where this computer's shows another hour.
            if note := shop_clock_note(shop_zone()):
                tip += "\n" + note
            return plain_tooltip(tip)
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return (
            not parent.isValid() and self._more and self.paging and not self._fetching and not self._loading
        )

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        from ui.ops import run_read

        self._fetching = True
        generation = self._generation
        read = _read_page(self.kind, self.label_id, self.number, len(self._rows))
        run_read(
            self.ctx,
            read,
            lambda got: self._more_read(generation, got),
            parent=self,
            on_failure=self._failed,
        )

    def more_to_read(self) -> bool:
        """Chats beyond the pages read so far (scrolling down would read them)."""
        return self._more and self.paging

    def read_through(self, contact_id: int, then: Callable[[], object]) -> None:
        """Read the pages down to this chat (a search hit or a notification of a chat far down the
        list), as scrolling there would, then call `then` (off the GUI thread; nothing when the
        list was read again meanwhile)."""
        from ui.ops import run_read

        self._fetching = True
        generation = self._generation
        kind, label_id, number, offset = self.kind, self.label_id, self.number, len(self._rows)

        def read(s: Session) -> list[list[ConversationRow]]:
            from app.queries import conversations_page

            pages: list[list[ConversationRow]] = []
            while not pages or len(pages[-1]) >= PAGE:
                at = offset + PAGE * len(pages)
                pages.append(
                    conversations_page(s, kind=kind, label_id=label_id, number=number, limit=PAGE, offset=at)
                )
                if any(r.contact_id == contact_id for r in pages[-1]):
                    break
            return pages

        def done(pages: list[list[ConversationRow]]) -> None:
            for page in pages:
                self._more_read(generation, _Read(page, self.unread_total))
            if generation == self._generation:
                then()

        run_read(self.ctx, read, done, parent=self, on_failure=self._failed)

    def _more_read(self, generation: int, got: _Read) -> None:
        self._fetching = False
        if generation != self._generation:
            return
        known = {r.contact_id for r in self._rows}
        page = [r for r in got.rows if r.contact_id not in known]
        self._more = len(got.rows) >= PAGE
        self._pages += 1
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def _failed(self, exc: BaseException) -> None:
        self._fetching = self._loading = self._refreshing = False
        log.warning("chat list not read: %s", type(exc).__name__)

    def _arm_pause_end(self) -> None:
        now = relay_clock.now()
        ends = [end for r in self._rows for end in r.pause_ends() if end > now]
        if not ends:
            self._pause_end.stop()
            return
        wait_ms = (min(ends) - now).total_seconds() * 1000 + PAUSE_END_SLACK_MS
        # Looked at again within the hour at most: the computer's clock may be moved meanwhile.
        self._pause_end.start(int(min(wait_ms, 3_600_000)))

    def _pauses_ended(self) -> None:
        """Chats whose hand-off just ended: the rows read before still hold (their pause's end is
        not new), only the time moved, so they are repainted, or leave the Needs-a-person filter,
        and the open chat's header hears of it (Resume bot goes)."""
        now, since = relay_clock.now(), self._pauses_seen_at
        self._pauses_seen_at = now
        ended = [r for r in self._rows if any(since < end <= now for end in r.pause_ends())]
        for row in ended:
            pos = self.position_of(row.contact_id)
            if pos is not None:
                self._remove_or_move(pos, row)
        if ended:
            self.rows_refreshed.emit([(row, row) for row in ended], [], False)
        self._arm_pause_end()

    def clock_jumped(self) -> None:
        """The computer woke from sleep: a timer does not run while it sleeps, so a hand-off that ended
        in the night kept its chat under "Needs a person" for up to an hour after the lid opened."""
        self._pauses_ended()

    # ----------------------------------------------------------------- loading
    def set_filter(self, kind: ConversationFilter, label_id: int | None = None) -> None:
        self.kind = kind
        self.label_id = label_id
        self.kept_unread = set()
        self.reload()

    def set_number(self, number: str | None) -> None:
        """List only the chats to this business number (a phone_number_id; None: every chat), with
        whichever filter is picked."""
        self.number = number
        self.kept_unread = set()
        self.reload()

    def reload(self) -> None:
        """Everything may have changed (filter switch): read the first page, then a reset is honest."""
        from ui.ops import run_read

        self._generation += 1
        generation = self._generation
        self._loading = True
        self._fetching = False
        # Changes waiting to be read stay: the page has them, but what they mean (a reply turned red,
        # a message arrived) is told by their re-read, against the rows the owner saw before.
        self._before_page = {r.contact_id: r for r in self._rows}
        number = self.number
        read = _read_page(self.kind, self.label_id, number, 0)
        run_read(
            self.ctx,
            read,
            lambda got: self._page_read(generation, got, number),
            parent=self,
            on_failure=self._failed,
        )

    def _page_read(self, generation: int, got: _Read, number: str | None) -> None:
        if generation != self._generation:
            return
        self.listed_number = number
        self._counts_read(got)
        self.show_page(got.rows)
        self._flush_pending()

    def show_first_page(
        self, page: list[ConversationRow], number: str | None = None, any_archived: bool = False
    ) -> None:
        """Start-up: the page app/first_page.py read with plain sqlite3 (filter "all", of the business
        number `number` alone when the list was left showing one); no paging yet."""
        self.paging = False
        self.number = self.listed_number = number
        # Until the database layer reads the real total: what the first page shows.
        self.unread_total = sum(r.unread_count for r in page if not r.archived)
        self.any_archived = any_archived
        self.show_page(page)

    def read_unread_total(self) -> None:
        """The unread counts of every chat (and the Archived chip's, of the number listed), read off
        the GUI thread (after a start from the first page)."""
        from ui.ops import run_read

        number = self.number

        def read(s: Session) -> _Read:
            from app.queries import unread_counts

            counts = unread_counts(s, number)
            return _Read(
                [],
                counts.messages,
                [],
                frozenset(),
                counts.archived_chats,
                counts.by_number,
                counts.any_archived,
            )

        def done(got: _Read) -> None:
            self._counts_read(got)
            self.unread_changed.emit()

        run_read(self.ctx, read, done, parent=self, on_failure=self._failed)

    def _counts_read(self, got: _Read) -> None:
        self.unread_total = got.unread_total
        self.archived_unread = got.archived_unread
        self.unread_by_number = got.unread_by_number
        self.any_archived = got.any_archived

    def show_page(self, page: list[ConversationRow]) -> None:
        """Show a first page read elsewhere (by an op, or at start-up before the event loop)."""
        self._loading = False
        self._waiting.clear()
        self.held_changed.emit(0)
        self.beginResetModel()
        self._rows = page
        self._more = len(page) >= PAGE
        self._pages = 1
        self.endResetModel()
        self.loaded_once = True
        self.unread_changed.emit()
        self.page_loaded.emit()

    def _hub_changed(self, changes: Changes) -> None:
        if changes.all_contacts or changes.labels:  # label names and colours show on every row
            self.reload()
        elif changes.contacts:
            self.refresh_contacts(changes.contacts, from_sync=changes.from_sync, written=changes.written)

    def _matches(self, row: ConversationRow) -> bool:
        if row.last_message_at is None:
            return False
        if self.kind == "archived":
            if not row.archived:
                return False
        elif row.archived:
            return False
        if self.kind == "unread" and row.unread_count == 0 and row.contact_id not in self.kept_unread:
            return False
        if self.kind == "waiting" and not self._waits_on_listed_number(row):
            return False
        if self.number is not None and row.phone_number_id != self.number and self.kind != "waiting":
            return False
        return not (self.label_id is not None and all(lab.id != self.label_id for lab in row.labels))

    def _waits_on_listed_number(self, row: ConversationRow) -> bool:
        """Under Needs a person: a chat of hers waits, on the number the list shows when it shows one
        (her row is on the number she wrote to last, maybe not the one that waits)."""
        now = relay_clock.now()
        if self.number is None:
            return row.waits_anywhere(now)
        here = row.phone_number_id == self.number and row.waits_for_person(now)
        return here or any(h.number_id == self.number for h in row.waiting_elsewhere(now))

    def refresh_contacts(
        self, contact_ids: Iterable[int], *, from_sync: bool = False, written: Iterable[int] = ()
    ) -> None:
        """Re-read these conversations off the GUI thread, then update, move, insert or drop their rows.

        The owner's own changes are read at once; synced ones at most every SYNC_REFRESH_MS."""
        self._pending.update(contact_ids)
        self._pending_written.update(written)
        self._pending_from_sync |= from_sync
        self._pending_owner |= not from_sync
        self._flush_pending()

    def _flush_pending(self) -> None:
        if self._loading or self._refreshing or not self._pending:
            return
        if not self._pending_owner:
            # Only synced batches wait: during a catch-up one re-read (and one diff applied on
            # the GUI thread) per SYNC_REFRESH_MS instead of one per page of events.
            wait = SYNC_REFRESH_MS - int((time.monotonic() - self._refreshed_at) * 1000)
            if wait > 0:
                self._refresh_timer.start(wait)
                return
        from ui.ops import run_read

        ids, from_sync = frozenset(self._pending), self._pending_from_sync
        written = frozenset(self._pending_written & ids)
        self._pending.clear()
        self._pending_written.clear()
        self._pending_from_sync = False
        self._pending_owner = False
        self._refresh_timer.stop()
        self._refreshed_at = time.monotonic()
        self._refreshing = True
        generation = self._generation

        def done(got: _Read) -> None:
            if from_sync and self._scroll_unpainted:
                self._after_paint = partial(done, got)  # scrolled() started the paint's wait
                return
            self._refreshing = False
            if generation != self._generation:  # a page read since: read these again after it
                self._pending.update(ids)
                self._pending_written.update(written)
                self._pending_from_sync |= from_sync
            else:
                self._counts_read(got)
                gone = got.gone
                if gone and (self.held or self._waiting):  # held still since: read them whole next
                    self._pending.update(gone)
                    self._pending_from_sync |= from_sync
                    gone = frozenset()
                self.apply_rows(got.rows, from_sync=from_sync, elsewhere=got.elsewhere, gone=gone)
            self._flush_pending()

        # Chats beyond what the list keeps are not read whole (a catch-up changes thousands).
        open_chat = self.open_chat()
        asked = _Asked(
            contact_ids=ids,
            written=written,
            shown=frozenset(r.contact_id for r in self._rows) | frozenset(self._waiting),
            room=self._room(),
            kind=self.kind,
            label_id=self.label_id,
            number=self.number,
            keep_shown=self.held or bool(self._waiting),
            also=frozenset() if open_chat is None else frozenset({open_chat}),
        )
        # A synced batch's rows wait for the window's queued events: a scroll paints first.
        run_read(self.ctx, asked, done, parent=self, on_failure=self._failed, behind_window=from_sync)

    def scrolled(self) -> None:
        """The list scrolled: synced rows read back before its paint wait for painted(), and the
        window's other threads step aside until then (app.thread_priority.window_first)."""
        self._scroll_unpainted = True
        window_busy()
        self._paint_wait.start()

    def painted(self) -> None:
        """The list painted: apply what waited for it."""
        self._scroll_unpainted = False
        self._paint_wait.stop()
        window_free()
        waited, self._after_paint = self._after_paint, None
        if waited is not None:
            waited()

    def apply_rows(
        self,
        fresh: list[ConversationRow],
        *,
        from_sync: bool = False,
        elsewhere: list[Arrival] | None = None,
        gone: frozenset[int] = frozenset(),
    ) -> None:
        """Update, move, insert or drop the rows of these freshly read conversations, and drop the
        `gone` ones (changed, and no longer among the list's rows).

        Emits `rows_refreshed` with (old, new) pairs, and the arrivals beyond the list's rows whose
        unread count grew, so notifications can see what arrived.
        """
        if elsewhere:  # only the arrivals whose unread count grew since the list showed them
            shown = {r.contact_id: r.unread_count for r in self._rows}
            elsewhere = [a for a in elsewhere if a.unread_count > shown.get(a.contact_id, 0)]
        else:
            elsewhere = []
        if len(fresh) > MOVE_ROWS_MAX and not self.held and not self._waiting:
            self._apply_many(fresh, from_sync=from_sync, elsewhere=elsewhere, gone=gone)
            return
        for contact_id in gone:
            self._drop_row(contact_id)
            self._more = True  # it comes back with its page if the owner scrolls there
        changes: list[tuple[ConversationRow | None, ConversationRow]] = []
        for row in fresh:
            old_pos = self.position_of(row.contact_id)
            old = self._rows[old_pos] if old_pos is not None else None
            changes.append((self._before_page.pop(row.contact_id, old), row))
            if old == row and row.contact_id not in self._waiting:
                continue  # read again, nothing new: no repaint
            if self.held and self._would_move(old_pos, row) and row.contact_id not in self._let_go:
                self._waiting[row.contact_id] = row
                if old_pos is not None:  # shows what arrived, where it is
                    self._rows[old_pos] = row
                    self.dataChanged.emit(self.index(old_pos), self.index(old_pos))
            elif old_pos is not None:
                self._remove_or_move(old_pos, row)
            elif self._matches(row):
                self._insert_sorted(row)
        if self.held:
            self.held_changed.emit(len(self._waiting))
        else:
            self._keep_to_pages()
        self.unread_changed.emit()
        self.rows_refreshed.emit(changes, elsewhere, from_sync)

    def _room(self) -> int:
        """How many rows the list keeps: the pages read, and any row the view holds on to."""
        return max(PAGE * self._pages, 1 + max((p.row() for p in self.persistentIndexList()), default=-1))

    def _keep_to_pages(self) -> None:
        """Chats that wrote push the oldest loaded rows past the pages the owner has read: those go,
        and come back with their page when the list is scrolled there (as _insert_sorted leaves out
        a chat that sorts below every loaded row). A catch-up makes thousands of chats write, and the
        view lays out every row of the model after each batch, asking Python about each one: the list
        stays as long as what was paged in. Rows the view holds on to (the selected chat) stay."""
        keep = self._room()
        if len(self._rows) <= keep:
            return
        for row in self._rows[keep:]:
            self._seen.pop(row.contact_id, None)
        self.beginRemoveRows(QModelIndex(), keep, len(self._rows) - 1)
        del self._rows[keep:]
        self.endRemoveRows()
        self._more = True

    def _apply_many(
        self, fresh: list[ConversationRow], *, from_sync: bool, elsewhere: list[Arrival], gone: frozenset[int]
    ) -> None:
        """A catch-up's batch changes hundreds of chats: one pass over the list and one layout
        change, instead of a move (and the view's work for it) per chat.

        The loaded rows are the head of the whole ordered list: a changed chat that now sorts
        below the last unchanged loaded row belongs to a page not loaded yet, and comes with it.
        """
        old_rows = {r.contact_id: r for r in self._rows}
        changes = [(self._before_page.pop(r.contact_id, old_rows.get(r.contact_id)), r) for r in fresh]
        by_id = {r.contact_id: r for r in fresh}
        keep = [r for r in self._rows if r.contact_id not in by_id and r.contact_id not in gone]
        if gone:
            self._more = True  # they come back with their page if the owner scrolls there
        # Each row's sort key once, merged as (key, row) pairs: the keys are unique (the contact
        # id is in them), so rows are never compared, and the merge compares tuples in C.
        kept = [(_sort_key(r), r) for r in keep]
        edge = kept[-1][0] if kept and self._more else None
        matching = ((_sort_key(r), r) for r in fresh if self._matches(r))
        pairs = sorted(kr for kr in matching if edge is None or kr[0] < edge)
        arrived = [r for _k, r in pairs]
        rows = [r for _k, r in merge(kept, pairs)]
        place = {r.contact_id: i for i, r in enumerate(rows)}
        # Rows that leave (archived, filtered out, moved past the loaded pages) go one by one:
        # few, and a removal is what the view must be told.
        for i in range(len(self._rows) - 1, -1, -1):
            if self._rows[i].contact_id not in place:
                self.beginRemoveRows(QModelIndex(), i, i)
                del self._rows[i]
                self.endRemoveRows()
        # Chats new to the list join at the end, all at once; the layout change puts them in place.
        new = [r for r in arrived if r.contact_id not in old_rows]
        if new:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._rows.extend(new)
            self.endInsertRows()
        moved = [r.contact_id for r in self._rows] != [r.contact_id for r in rows]
        if moved:
            self.layoutAboutToBeChanged.emit()
            shown = [r.contact_id for r in self._rows]
            persistent = self.persistentIndexList()
            self._rows = rows
            self.changePersistentIndexList(
                persistent, [self.index(place[shown[p.row()]]) for p in persistent]
            )
            self.layoutChanged.emit()
        else:
            self._rows = rows
        # Every arrived row changed (it was read again because it did): repaint their span.
        repaint = [place[r.contact_id] for r in arrived]
        if repaint:
            self.dataChanged.emit(self.index(min(repaint)), self.index(max(repaint)))
        self._seen = {r.contact_id: r for r in rows}
        self._seen_complete = True
        self._keep_to_pages()
        self.unread_changed.emit()
        self.rows_refreshed.emit(changes, elsewhere, from_sync)

    def reloading(self) -> bool:
        """The list's first page is being read again: `page_loaded` follows."""
        return self._loading

    def busy(self) -> bool:
        """A read is on its way or waiting (tests wait for this to settle)."""
        return self._loading or self._refreshing or self._fetching or bool(self._pending)

    def waiting_ids(self) -> set[int]:
        """The chats that wait for the hold to end to move or appear."""
        return set(self._waiting)

    def hold(self) -> None:
        """Keep rows where they are (the owner is about to click one)."""
        self.held = True

    def let_go(self, contact_id: int) -> None:
        """The owner is changing this chat from the list: its row moves or leaves as soon as it is
        read again, even while the order holds."""
        self._let_go.add(contact_id)
        if self._waiting.pop(contact_id, None) is not None:
            self.held_changed.emit(len(self._waiting))

    def release(self) -> None:
        """Move and insert what waited while the order was held."""
        self.held = False
        self._let_go.clear()
        # One at a time, each placed among the rows in order: those still waiting sit where they
        # were when they wrote, out of order, and are passed over until their own turn.
        while self._waiting:
            contact_id = next(iter(self._waiting))
            row = self._waiting.pop(contact_id)
            pos = self.position_of(contact_id)
            if pos is not None:
                self._remove_or_move(pos, self._rows[pos])
            elif self._matches(row):
                self._insert_sorted(row)
        self._keep_to_pages()
        self.held_changed.emit(0)

    def _would_move(self, old_pos: int | None, row: ConversationRow) -> bool:
        if old_pos is None:
            return self._matches(row)
        return not self._matches(row) or self._target_position(row, ignore=old_pos) != old_pos

    def _target_position(self, row: ConversationRow, ignore: int | None = None) -> int:
        key = _sort_key(row)
        if not self._waiting:
            # The rows are in order: a binary search (a catch-up moves hundreds of rows per batch
            # in a list of thousands). `ignore` is the row's old place, counted if it sorts before.
            pos = bisect_left(self._rows, key, key=_sort_key)
            return pos - 1 if ignore is not None and ignore < pos else pos
        # Held rows were updated in place and may be out of order: walk from the top to the first
        # row in order (not waiting) that sorts after this one; the waiting ones are passed over.
        pos = 0
        for i, other in enumerate(self._rows):
            if i == ignore:
                continue
            if other.contact_id not in self._waiting and _sort_key(other) >= key:
                break
            pos += 1
        return pos

    def _insert_sorted(self, row: ConversationRow) -> None:
        pos = self._target_position(row)
        if pos >= len(self._rows) and self._more:
            return  # belongs to a page not loaded yet
        self.beginInsertRows(QModelIndex(), pos, pos)
        self._rows.insert(pos, row)
        self.endInsertRows()

    def _remove_or_move(self, old_pos: int, row: ConversationRow) -> None:
        new_pos = self._target_position(row, ignore=old_pos) if self._matches(row) else None
        # A row that now sorts below every loaded row belongs to a page not loaded yet (as in
        # _insert_sorted): it leaves, and comes back with its page.
        if new_pos is None or (new_pos != old_pos and new_pos == len(self._rows) - 1 and self._more):
            self.beginRemoveRows(QModelIndex(), old_pos, old_pos)
            del self._rows[old_pos]
            self.endRemoveRows()
            return
        if new_pos != old_pos:
            # beginMoveRows wants the destination in pre-move coordinates.
            dest = new_pos if new_pos < old_pos else new_pos + 1
            self.beginMoveRows(QModelIndex(), old_pos, old_pos, QModelIndex(), dest)
            del self._rows[old_pos]
            self._rows.insert(new_pos, row)
            self.endMoveRows()
            old_pos = new_pos
        else:
            self._rows[old_pos] = row
        idx = self.index(old_pos)
        self.dataChanged.emit(idx, idx)

    def drop(self, contact_id: int) -> None:
        """The owner deleted this chat: its row goes at once, even while the order holds."""
        self._waiting.pop(contact_id, None)
        self._drop_row(contact_id)
        if self.held:
            self.held_changed.emit(len(self._waiting))
        self.unread_changed.emit()

    def _drop_row(self, contact_id: int) -> None:
        pos = self.position_of(contact_id)
        if pos is not None:
            self.beginRemoveRows(QModelIndex(), pos, pos)
            del self._rows[pos]
            self.endRemoveRows()

    # ----------------------------------------------------------------- lookups
    def position_of(self, contact_id: int) -> int | None:
        """Where a chat's row is: found by the sort key of its row as last seen (the rows are in
        order), so a batch of hundreds of changed chats costs one pass over the list, not one each."""
        for attempt in range(2):
            seen = self._seen.get(contact_id)
            if seen is not None:
                i = bisect_left(self._rows, _sort_key(seen), key=_sort_key)
                if i < len(self._rows) and self._rows[i].contact_id == contact_id:
                    return i
            elif self._seen_complete:
                return None  # not in the list
            if attempt == 0:
                self._seen = {r.contact_id: r for r in self._rows}
                self._seen_complete = True
        if contact_id not in self._seen:
            return None
        for i, r in enumerate(self._rows):  # held rows, out of order
            if r.contact_id == contact_id:
                return i
        return None

    def _forget_seen(self) -> None:
        self._seen = {}
        self._seen_complete = False

    def _note_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        for row in self._rows[first : last + 1]:
            self._seen[row.contact_id] = row

    def row_at(self, position: int) -> ConversationRow:
        return self._rows[position]

    def row_for(self, contact_id: int) -> ConversationRow | None:
        pos = self.position_of(contact_id)
        return None if pos is None else self._rows[pos]

    def rows(self) -> list[ConversationRow]:
        return list(self._rows)
