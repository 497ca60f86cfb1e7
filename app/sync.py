"""The sync worker: long-polls the relay, applies each page of events and its cursor in one transaction."""

from __future__ import annotations

import errno
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.apply_process import ApplyProcess, PageApplied
from app.backoff import backoff_delay
from app.changes import Changes
from app.connection import HISTORY_NOTICES, STORAGE_TROUBLE, Connection, ConnectionState
from app.db import causes, is_disk_full, is_storage_failure, no_room_beside
from app.errors import HistoryGap, PlainHttpParams, RefusalParams, RelayBusy, RelayError, Unauthorised
from app.models import Message, SyncState
from app.sync_apply import BatchResult, apply_events, current_cursor, set_cursor
from app.thread_priority import run_in_background
from app.wire import Event, EventsPage, OutboundEvent, SentBy

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.db import Database
    from app.relay_client import RelayClient

log = logging.getLogger(__name__)

# A page is one transaction: a few hundred events keep each write short (the GUI reads meanwhile).
PAGE_SIZE = 300
PROBE_SIZE = 100  # the first page asked for after a start or a time offline
# …applied in transactions of this many events, so the writer lock is never held long (≈ 30 ms).
APPLY_CHUNK = 100
POLL_WAIT = 25.0
OFFLINE_AFTER = 4  # consecutive failures before "reconnecting" becomes "offline"
BACKOFF_STEP = 0.25  # seconds: how soon a backoff wait notices a stop
CHILD_FAILURES = 3  # catch-up processes that died or failed before this worker applies in its thread


def chunk_cursor(chunk: Sequence[Event], fallback: int) -> int:
    """The cursor after a chunk: its last event's seq (an unreadable one may carry none)."""
    for event in reversed(chunk):
        if event.seq is not None:
            return int(event.seq)
    return fallback


class CursorMoved(Exception):
    """Another applier moved the cursor since this one read it (a catch-up process, or one
    abandoned on quit finishing its last chunk): the chunk was not written; read the cursor again.
    Internal to sync, never shown to the owner."""

    def __init__(self, expected: int, found: int) -> None:
        super().__init__(f"the cursor stands at {found}, not {expected}")
        self.done = BatchResult()  # what this apply had committed before it noticed


class StorageFailure(Exception):
    """Events could not be saved for a reason of this computer's (`is_storage_failure`): the cursor
    stands after the last event saved, so the relay hands the rest again. Internal to sync."""

    def __init__(self, cause: BaseException) -> None:
        # The driver's or the OS's own words ("database or disk is full"): never a statement's text.
        root = next((c for c in causes(cause) if isinstance(c, sqlite3.Error | OSError)), cause)
        super().__init__(f"{type(root).__name__}: {root}")
        self.disk_full = is_disk_full(cause)
        self.done = BatchResult()  # what was committed before it


def _check_cursor(session: Session, expected: int | None) -> None:
    if expected is not None and (found := current_cursor(session)) != expected:
        raise CursorMoved(expected, found)


def apply_page(
    db: Database,
    events: Sequence[Event],
    next_cursor: int,
    *,
    after: int | None = None,
    keep_going: Callable[[], bool] | None = None,
) -> BatchResult:
    """Apply a page in transactions of APPLY_CHUNK events, each with the cursor of its last event.

    With `after` (the cursor the page starts at), each transaction first checks that the cursor
    stands where the last one left it (else CursorMoved): two appliers can never write one chunk
    twice or move the cursor back. `keep_going()` is asked before each chunk; False stops there.
    """
    result = BatchResult()
    expected = after
    for start in range(0, len(events), APPLY_CHUNK):
        if keep_going is not None and not keep_going():
            break
        chunk = events[start : start + APPLY_CHUNK]
        last = start + APPLY_CHUNK >= len(events)
        cursor = next_cursor if last else chunk_cursor(chunk, next_cursor)
        try:
            result.add(_apply_chunk(db, chunk, cursor, expected))
        except (CursorMoved, StorageFailure) as stopped:
            result.add(stopped.done)
            stopped.done = result
            raise
        if expected is not None:
            expected = cursor
    return result


def _apply_chunk(
    db: Database, events: Sequence[Event], next_cursor: int, expected: int | None
) -> BatchResult:
    try:
        with db.write() as s:
            _check_cursor(s, expected)
            return apply_events(s, events, next_cursor)
    except (RelayError, CursorMoved):
        raise
    except Exception as exc:
        if is_storage_failure(exc):
            # Not the events' fault (a full disk, the file locked or unwritable): skipping them would
            # lose messages. Nothing was kept and the cursor stays; the relay holds them for later.
            raise StorageFailure(exc) from exc
        # One damaged event must not stop the inbox: apply the chunk one event at a time, skip
        # (and log) the ones that fail, and move the cursor past the chunk.
        log.exception("applying events %s..%s failed; retrying one by one", events[0].seq, next_cursor)
    total = BatchResult()
    try:
        for event in events:
            try:
                with db.write() as s:
                    _check_cursor(s, expected)
                    total.add(apply_events(s, [event], event.seq or next_cursor))
            except CursorMoved:
                raise
            except Exception as exc:
                if is_storage_failure(exc):
                    failure = StorageFailure(exc)
                    failure.done = total  # the events before it are kept, and the cursor after them
                    raise failure from exc
                log.exception("relay event %s could not be applied; skipped", event.seq)
                total.skipped += 1
                continue
            if expected is not None:
                expected = event.seq or next_cursor
        with db.write() as s:
            _check_cursor(s, expected)
            set_cursor(s, next_cursor)
    except CursorMoved as moved:
        moved.done = total
        raise
    return total


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
        apply_process: ApplyProcess | None = None,
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
        # Set while the thread waits on the relay's long poll and holds no transaction: a stop cuts
        # that poll (RelayClient.cancel_polls); what it got after `stop` is dropped, sent again next start.
        self.in_long_poll = threading.Event()
        # (state, error, HTTP status) last logged for a failing poll; None while polls succeed.
        self._failure_logged: tuple[Connection, str, int | None] | None = None
        self._next: _NextPage | None = None  # asked for while a full page is applied
        self.pages_read_ahead = 0
        # Catch-ups (full pages) are applied there, out of the window's process, when given.
        self.apply_process = apply_process
        self._in_child = False  # the child is catching up: poll_once waits for its pages
        self.child_failures = 0
        self.storage_failures = 0  # saves failed in a row (full disk, file locked)
        # The inbox file was found gone (its folder on a USB stick taken out): nothing is applied
        # again in this run, even once a folder of that name is back, since the connections opened
        # before may still hold the file that went; the relay keeps the events for the next start.
        self.inbox_gone = False
        # The first page of this run was read: a new inbox's (cursor 0) says what was there before it.
        self.first_page_read = False
        self._child_skip = False  # the child ended without a page: the next full page stays here
        self.pages_in_child = 0
        # Set to end a backoff wait at once: the relay was heard from another way (a reply the
        # outbox sent went through), or the engine stops.
        self.retry_now = threading.Event()

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
        first = self.state.kind not in (Connection.ONLINE, *HISTORY_NOTICES, *STORAGE_TROUBLE)
        if self._failure_logged is not None:
            log.warning("relay poll answered again after %d failed attempts", self.failures)
            self._failure_logged = None
        self.failures = 0
        # Storage trouble is cleared by a page saved (or none waiting), not by the relay's answer.
        if self.state.kind not in HISTORY_NOTICES and self.state.kind not in STORAGE_TROUBLE:
            self._report(ConnectionState(Connection.ONLINE))
        if first and self.on_online is not None:
            try:
                self.on_online()
            except Exception:
                log.exception("on-online hook failed")

    # ------------------------------------------------------------------ loop
    def run(self) -> None:
        # At the window's priority while the catch-up process does the applying: this thread then
        # only hands its reports on, holding the GIL for moments, and a thread holding the GIL
        # must not wait behind other programs for a core while the window waits for the GIL.
        try:
            self._run()
        finally:
            self.close()

    def close(self) -> None:
        """End the catch-up process, if one runs (after the transaction it is in)."""
        self._in_child = False
        if self.apply_process is not None:
            self.apply_process.close()

    def _run(self) -> None:
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
                    return  # the poll was cut by a stop; nothing to report
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
                plain_url = exc.params.plain_url if isinstance(exc.params, PlainHttpParams) else ""
                refusal = exc.params if isinstance(exc.params, RefusalParams) else None
                state = ConnectionState(
                    kind,
                    next_retry_at=at,
                    detail=str(exc),
                    plain_url=plain_url,
                    cause=exc.code,
                    storage_cause=refusal.param("cause") if refusal else "",
                    # Unreachable, the relay never hands a page whose save would find the disk full.
                    disk_full=no_room_beside(self.db.path),
                )
                self._report(state)
                self._back_off(delay)
            except StorageFailure as exc:
                self._storage_failed(exc)
            except Exception as exc:
                if not is_storage_failure(exc):
                    raise
                self._storage_failed(StorageFailure(exc))  # e.g. a history gap's cursor not saved
            else:
                if self.state.kind in STORAGE_TROUBLE:
                    log.warning(
                        "new messages are saved again after %d failed attempts", self.storage_failures
                    )
                    self.storage_failures = 0
                    self._report(ConnectionState(Connection.ONLINE))

    def _back_off(self, delay: float) -> None:
        """Wait `delay` seconds before polling again, or less when `retry_now` is set meanwhile."""
        self.retry_now.clear()
        deadline = time.monotonic() + delay
        # In short steps, so a stop (its own event) ends the wait as promptly as `retry_now` does.
        while (left := deadline - time.monotonic()) > 0 and not self.stop.is_set():
            if self.retry_now.wait(min(left, BACKOFF_STEP)):
                if not self.stop.is_set():
                    log.info("the relay answered another request: polling again now")
                return

    def relay_answered(self) -> None:
        """The relay answered another request (the outbox's): a poll waiting out its backoff goes now."""
        if self.state.kind in (Connection.RECONNECTING, Connection.OFFLINE):
            self.retry_now.set()

    def _storage_failed(self, exc: StorageFailure) -> None:
        """Saving failed: what was saved is shown, the rest waits on the relay; try again with backoff."""
        self._publish(exc.done)
        self.storage_failures += 1
        delay = backoff_delay(self.storage_failures, base=self.retry_base, cap=self.retry_cap)
        folder = self.db.path.parent
        # On a full disk SQLite may say only "disk I/O error" (no room for the WAL's index).
        if exc.disk_full or no_room_beside(self.db.path):
            kind = Connection.DISK_FULL
        elif self.inbox_gone or not folder.is_dir():  # not "busy": the stick or drive it is on went away
            kind = Connection.FOLDER_GONE
        else:
            kind = Connection.CANNOT_SAVE
        if self.state.kind is not kind:
            log.warning(
                "new messages cannot be saved: state=%s error=%s; retrying with backoff", kind.value, exc
            )
        retry_at = datetime.now(UTC) + timedelta(seconds=delay)
        self._report(ConnectionState(kind, next_retry_at=retry_at, folder=str(folder)))
        self.stop.wait(delay)

    def poll_once(self) -> BatchResult | None:
        if self._in_child:
            result = self._child_page()
            if result is not None or self.stop.is_set():
                return result
        with self.db.read() as s:
            cursor = current_cursor(s)
        page = self._read_ahead(cursor)
        if self.stop.is_set():
            return None
        limit = self.page_size
        if page is None:
            # Until the relay has answered once, ask without waiting: the UI learns "online" at once.
            # A history notice (a gap, or a relay started afresh) shows while the relay answers.
            online = self.state.kind in (Connection.ONLINE, *HISTORY_NOTICES)
            wait = self.wait if online else 0.0
            if not online and self._child_may_catch_up():
                # After a start or a time offline a backlog is likely: a short first page says
                # whether one waits (the catch-up process then reads it), without this thread
                # parsing a whole page only to hand it over, holding the GIL the window wants.
                limit = min(self.page_size, PROBE_SIZE)
            self.in_long_poll.set()
            try:
                page = self.client.events(cursor, wait=wait, limit=limit)
            finally:
                self.in_long_poll.clear()
        if self.stop.is_set():
            return None  # stopped (the poll cut, or its page dropped): the events come again next start
        self._online()
        if self.inbox_gone or not self.db.path.exists():
            # Open connections would write to the file that was there, which no one finds again;
            # checked at every answer, an empty one too, so it is said within one long poll.
            self.inbox_gone = True
            raise StorageFailure(FileNotFoundError(errno.ENOENT, "the inbox file is gone", str(self.db.path)))
        if not self.first_page_read:
            self.first_page_read = True
            if cursor == 0 and self._sent_from_another_desktop(page.events):
                log.info("the relay's history holds replies sent from another computer")
                self._report(ConnectionState(Connection.OTHER_COMPUTER))
        if not page.events:
            return None
        if len(page.events) >= limit:
            # A full page: more are waiting (a catch-up). The catch-up process takes it from here
            # (it reads this page again), or this thread asks for the next page while it writes
            # this one, used only if the cursor then stands where it starts.
            if self._catch_up_in_child(cursor):
                result = self._child_page()
                if result is not None or self.stop.is_set():
                    return result
                return self.poll_once()  # it ended without a page: this thread takes the page
            # Applied here, a catch-up keeps this thread busy: the window gets a core first.
            run_in_background()
            self._next = _NextPage(self.client, page.next, self.page_size)
        self._child_skip = False
        return self.apply_page(page.events, page.next, after=cursor)

    def _sent_from_another_desktop(self, events: Sequence[Event]) -> bool:
        """Whether `events` hold a reply the owner sent from a Shop Inbox other than this one (typed or
        a quick reply; not an automation's, nor the phone app's)."""
        client_ids = {
            event.client_id
            for event in events
            if isinstance(event, OutboundEvent)
            and event.sent_by in (SentBy.OWNER, SentBy.QUICK_REPLY)
            and event.client_id
        }
        if not client_ids:
            return False
        with self.db.read() as s:
            ours = set(s.scalars(select(Message.client_id).where(Message.client_id.in_(client_ids))))
        return bool(client_ids - ours)

    def _child_may_catch_up(self) -> bool:
        return (
            self.apply_process is not None and not self._child_skip and self.child_failures < CHILD_FAILURES
        )

    def _catch_up_in_child(self, cursor: int) -> bool:
        if self.apply_process is None or not self._child_may_catch_up():
            return False
        self._in_child = self.apply_process.start_catch_up(cursor)
        if not self._in_child:
            self.child_failures += 1
        return self._in_child

    def _child_page(self) -> BatchResult | None:
        """The next page the catch-up process applied; None when it ended (poll here again) or on stop."""
        assert self.apply_process is not None
        report = self.apply_process.next_report(self.stop)
        if report is None:
            return None
        if isinstance(report, PageApplied):
            self.pages_in_child += 1
            self.pages_read_ahead += report.read_ahead
            self._publish(report.result)
            return report.result
        self._in_child = False
        if report.reason == "failed":
            self.child_failures += 1
            log.warning("catch-up process failed (%s); the sync thread goes on", report.detail)
        elif report.reason != "caught_up":
            log.info("catch-up process stopped: %s %s", report.reason, report.detail)
        # No page from it: the next full page is applied here, so a child that cannot reach the
        # relay (or keeps failing) never turns into a loop of handing over. A starved one was ended
        # to go on in a new child that takes a share of a busy core: the next full page is its.
        self._child_skip = report.pages == 0 and report.reason != "starved"
        return None

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

    def apply_page(
        self, events: Sequence[Event], next_cursor: int, *, after: int | None = None
    ) -> BatchResult:
        """Apply a page in this thread (the module's apply_page) and publish what it changed."""
        try:
            result = apply_page(self.db, events, next_cursor, after=after)
        except CursorMoved as moved:
            log.warning("%s; reading the cursor again", moved)
            result = moved.done
        self._publish(result)
        return result

    def _publish(self, result: BatchResult) -> None:
        if changes := result.changes():
            try:
                self.on_changed(changes)
            except Exception:
                log.exception("changed-conversations callback failed")

    def _history_gap(self, gap: HistoryGap) -> None:
        if gap.relay_started_afresh:
            # Events are matched by WhatsApp's ids, so what this computer already has is not doubled.
            log.warning(
                "the relay never handed out our cursor (new or restored); reading from %d", gap.oldest_seq
            )
        else:
            log.warning("relay no longer holds events after our cursor; continuing from %d", gap.oldest_seq)
        with self.db.write() as s:
            state = s.get(SyncState, 1)
            # The cursor last moved when this computer last read the relay: the lost ones came after.
            last_read_at = state.updated_at if state is not None else None
            set_cursor(s, max(0, gap.oldest_seq - 1))
            if state is not None and not gap.relay_started_afresh:
                state.history_gap_at = datetime.now(UTC)
        if gap.relay_started_afresh:
            self._report(ConnectionState(Connection.RELAY_STARTED_AFRESH, detail=str(gap)))
        else:
            self._report(ConnectionState(Connection.HISTORY_GAP, detail=str(gap), last_read_at=last_read_at))
