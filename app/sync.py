"""The sync worker: long-polls the relay, applies each page of events and its cursor in one transaction."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from app.backoff import backoff_delay
from app.changes import Changes
from app.connection import Connection, ConnectionState
from app.errors import HistoryGap, RelayBusy, RelayError, Unauthorised
from app.models import SyncState
from app.sync_apply import BatchResult, apply_events, current_cursor, set_cursor
from app.thread_priority import run_in_background
from app.wire import Event, EventsPage

if TYPE_CHECKING:
    from app.db import Database
    from app.relay_client import RelayClient

log = logging.getLogger(__name__)

# A page is one transaction: a few hundred events keep each write short (the GUI reads meanwhile).
PAGE_SIZE = 300
# …applied in transactions of this many events, so the writer lock is never held long (≈ 30 ms).
APPLY_CHUNK = 100
POLL_WAIT = 25.0
OFFLINE_AFTER = 4  # consecutive failures before "reconnecting" becomes "offline"


def chunk_cursor(chunk: Sequence[Event], fallback: int) -> int:
    """The cursor after a chunk: its last event's seq (an unreadable one may carry none)."""
    for event in reversed(chunk):
        if event.seq is not None:
            return int(event.seq)
    return fallback


class _NextPage:
    """The page after the one being applied, asked for meanwhile on its own thread: the relay
    reads and sends it, and we parse it, while the last one is written (a catch-up's pages)."""

    def __init__(self, client: RelayClient, after: int, limit: int) -> None:
        self.client = client
        self.after = after
        self.limit = limit
        self.page: EventsPage | None = None
        self.error: Exception | None = None
        self.done = threading.Event()
        threading.Thread(target=self._run, name="relay-sync-next", daemon=True).start()

    def _run(self) -> None:
        run_in_background()
        try:
            self.page = self.client.events(self.after, wait=0.0, limit=self.limit)
        except Exception as exc:  # the worker asks again itself, and reports what it gets then
            self.error = exc
        finally:
            self.done.set()


class SyncWorker:
    """One thread's loop: poll, apply, report. Owns its own database sessions (db.write / db.read)."""

    def __init__(
        self,
        db: Database,
        client: RelayClient,
        *,
        on_changed: Callable[[Changes], None],
        on_state: Callable[[ConnectionState], None],
        stop: threading.Event,
        wait: float = POLL_WAIT,
        page_size: int = PAGE_SIZE,
        retry_base: float = 1.0,
        retry_cap: float = 60.0,
        on_online: Callable[[], None] | None = None,
    ) -> None:
        self.db = db
        self.client = client
        self.on_changed = on_changed
        self.on_state = on_state
        self.stop = stop
        self.wait = wait
        self.page_size = page_size
        self.retry_base = retry_base
        self.retry_cap = retry_cap
        self.on_online = on_online
        self.state = ConnectionState(Connection.CONNECTING)
        self.failures = 0
        # Set while the thread waits on the relay's long poll and holds no transaction, so a quit
        # need not wait for it: what it receives after `stop` is dropped and comes again next start.
        self.in_long_poll = threading.Event()
        # (state, error, HTTP status) last logged for a failing poll; None while polls succeed.
        self._failure_logged: tuple[Connection, str, int | None] | None = None
        self._next: _NextPage | None = None  # asked for while a full page is applied
        self.pages_read_ahead = 0

    # ------------------------------------------------------------------ state
    def _report(self, state: ConnectionState) -> None:
        if state == self.state:
            return
        self.state = state
        try:
            self.on_state(state)
        except Exception:
            log.exception("connection state callback failed")

    def _online(self) -> None:
        first = self.state.kind is not Connection.ONLINE and self.state.kind is not Connection.HISTORY_GAP
        if self._failure_logged is not None:
            log.warning("relay poll answered again after %d failed attempts", self.failures)
            self._failure_logged = None
        self.failures = 0
        if self.state.kind is not Connection.HISTORY_GAP:
            self._report(ConnectionState(Connection.ONLINE))
        if first and self.on_online is not None:
            try:
                self.on_online()
            except Exception:
                log.exception("on-online hook failed")

    # ------------------------------------------------------------------ loop
    def run(self) -> None:
        run_in_background()  # a catch-up keeps this thread busy: the window gets a core first
        while not self.stop.is_set():
            try:
                self.poll_once()
            except Unauthorised:
                log.warning("relay refused the token; sync stops until the token is changed")
                self._report(ConnectionState(Connection.UNAUTHORISED))
                return
            except HistoryGap as gap:
                self._history_gap(gap)
            except RelayError as exc:
                if self.stop.is_set():
                    return  # the poll was abandoned on quit; nothing to report
                self.failures += 1
                delay = backoff_delay(self.failures, base=self.retry_base, cap=self.retry_cap)
                at = datetime.now(UTC) + timedelta(seconds=delay)
                kind = Connection.OFFLINE if self.failures >= OFFLINE_AFTER else Connection.RECONNECTING
                # One line per change of state (or of the reason), never one per attempt: a relay
                # that is down for a day must not fill the log.
                reason = (kind, type(exc).__name__, exc.status if isinstance(exc, RelayBusy) else None)
                if reason != self._failure_logged:
                    self._failure_logged = reason
                    log.warning(
                        "relay poll failing: state=%s error=%s status=%s; retrying with backoff",
                        kind.value,
                        type(exc).__name__,
                        reason[2],
                    )
                self._report(ConnectionState(kind, next_retry_at=at, detail=str(exc)))
                self.stop.wait(delay)

    def poll_once(self) -> BatchResult | None:
        with self.db.read() as s:
            cursor = current_cursor(s)
        page = self._read_ahead(cursor)
        if self.stop.is_set():
            return None
        if page is None:
            # Until the relay has answered once, ask without waiting: the UI learns "online" at once.
            wait = self.wait if self.state.kind in (Connection.ONLINE, Connection.HISTORY_GAP) else 0.0
            self.in_long_poll.set()
            try:
                page = self.client.events(cursor, wait=wait, limit=self.page_size)
            finally:
                self.in_long_poll.clear()
        if self.stop.is_set():
            return None  # abandoned on quit: the events come again next start
        self._online()
        if not page.events:
            return None
        if len(page.events) >= self.page_size:
            # A full page: more are waiting (a catch-up). Ask for the next one while this one is
            # written; it is used only if the cursor then stands where it starts.
            self._next = _NextPage(self.client, page.next, self.page_size)
        return self.apply_page(page.events, page.next)

    def _read_ahead(self, cursor: int) -> EventsPage | None:
        """The page asked for during the last apply, if it starts at `cursor` and arrived whole."""
        ahead, self._next = self._next, None
        if ahead is None or ahead.after != cursor:
            return None
        # No long poll (wait=0): it answers within the client's timeouts, or the worker quits.
        while not ahead.done.wait(0.1):
            if self.stop.is_set():
                return None
        if ahead.page is None:
            log.info("page read ahead failed (%s); asking again", type(ahead.error).__name__)
            return None
        self.pages_read_ahead += 1
        return ahead.page

    def apply_page(self, events: Sequence[Event], next_cursor: int) -> BatchResult:
        """Apply a page in transactions of APPLY_CHUNK events, each with the cursor of its last event."""
        result = BatchResult()
        for start in range(0, len(events), APPLY_CHUNK):
            chunk = events[start : start + APPLY_CHUNK]
            last = start + APPLY_CHUNK >= len(events)
            part = self._apply(chunk, next_cursor if last else chunk_cursor(chunk, next_cursor))
            result.changed |= part.changed
            result.applied += part.applied
            result.skipped += part.skipped
            result.orders += part.orders
            result.automations |= part.automations
            result.campaigns |= part.campaigns
        if changes := result.changes():
            try:
                self.on_changed(changes)
            except Exception:
                log.exception("changed-conversations callback failed")
        return result

    def _apply(self, events: Sequence[Event], next_cursor: int) -> BatchResult:
        try:
            with self.db.write() as s:
                return apply_events(s, events, next_cursor)
        except RelayError:
            raise
        except Exception:
            # One damaged event must not stop the inbox: apply the page one event at a time, skip
            # (and log) the ones that fail, and move the cursor past the page.
            log.exception("applying events %s..%s failed; retrying one by one", events[0].seq, next_cursor)
        total = BatchResult()
        for event in events:
            try:
                with self.db.write() as s:
                    part = apply_events(s, [event], event.seq or next_cursor)
                total.changed |= part.changed
                total.applied += part.applied
                total.orders += part.orders
                total.automations |= part.automations
                total.campaigns |= part.campaigns
            except Exception:
                log.exception("relay event %s could not be applied; skipped", event.seq)
                total.skipped += 1
        with self.db.write() as s:
            set_cursor(s, next_cursor)
        return total

    def _history_gap(self, gap: HistoryGap) -> None:
        log.warning("relay no longer holds events after our cursor; continuing from %d", gap.oldest_seq)
        with self.db.write() as s:
            set_cursor(s, max(0, gap.oldest_seq - 1))
            state = s.get(SyncState, 1)
            if state is not None:
                state.history_gap_at = datetime.now(UTC)
        self._report(ConnectionState(Connection.HISTORY_GAP, detail=str(gap)))
