"""The event feed: long polls that wake on commits, the cursor check, and pruning by retention."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from fastapi.concurrency import run_in_threadpool
from pydantic import TypeAdapter, ValidationError
from sqlalchemy.exc import SQLAlchemyError

from app.wire import Event, UnreadableEvent, UnreadableReason
from relay.failure_streak import FailureStreak
from relay.recent_events import RecentEvents, ServedEvent, read_newer
from relay.storage.event_log import READ_PAGE, EventsRead, StoredEvent
from relay.store import Store, storage_cause

log = logging.getLogger(__name__)
T = TypeVar("T")

MAX_WAIT = 55.0  # below a reverse proxy's 60 s read timeout
PRUNE_EVERY = 3600.0
# After a prune the database refused (an outage): the next try, so that its streak's end is said
# within a minute of the database's return, not an hour later.
PRUNE_RETRY = 60.0
# Every path that commits events notifies the feed; should one not, a new poll still sees its
# events once this long has passed since the last read.
TRUST_RECENT_FOR = 1.0
# Events held back behind a writer that rolled back are served this long after the last read.
HELD_BACK_RETRY = 0.2
# Under load, each worker answers long polls with new events, and reads another worker's new
# events, at most once this often: a burst of commits (every group commit of every worker is one)
# reaches a desktop as one page instead of a page per commit, so the readers' requests don't
# multiply with the writers. After a quiet spell a commit is read and delivered at once. 50 ms is
# well below what an owner can see in a chat, and a fifth of the reads and answers 10 ms cost: on a
# small box those, not the webhooks, were what a second worker's readers cost (docs/PERFORMANCE.md).
ANSWER_GAP = 0.05

_EVENT: TypeAdapter[Any] = TypeAdapter(Event)
# The customer's number in a stored body that cannot be decoded: contact, sender, recipient.
_WA_ID = re.compile(r'"(?:wa_id|from|to|recipient_id)"\s*:\s*"(\d{5,20})"')


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON the wire allows")


def _finite_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError("a number beyond a double")
    return value


def served_event(row: StoredEvent) -> bytes:
    """One stored event as the wire's JSON; an `unreadable` event when it cannot be served.

    Strict intake keeps such rows out; this is defence in depth for rows stored before it (or by
    a bug): one bad row must never make the whole feed answer 500.
    """
    try:
        body = json.loads(row.payload, parse_constant=_no_constant, parse_float=_finite_float)
        if not isinstance(body, dict):
            raise ValueError("not an object")
    except (ValueError, RecursionError):
        return _unreadable(row, UnreadableReason.UNDECODABLE)
    body.update(seq=row.seq, kind=row.kind, at=row.at, phone_number_id=row.phone_number_id)
    try:
        return _EVENT.dump_json(_EVENT.validate_python(body), exclude_unset=True)
    except (ValidationError, ValueError, RecursionError):
        return _unreadable(row, UnreadableReason.INVALID_SHAPE)


def _unreadable(row: StoredEvent, reason: UnreadableReason) -> bytes:
    found = _WA_ID.search(row.payload)
    log.warning("event served as unreadable: seq=%d kind=%s reason=%s", row.seq, row.kind, reason.value)
    event = UnreadableEvent(
        seq=row.seq,
        at=row.at,  # type: ignore[arg-type]  # pydantic parses the stored ISO text
        phone_number_id=row.phone_number_id,
        reason=reason,
        wa_id=found.group(1) if found else None,
    )
    return event.model_dump_json().encode()


def served_events(rows: list[StoredEvent]) -> list[ServedEvent]:
    return [ServedEvent(row.seq, served_event(row)) for row in rows]


def _read_newer_served(store: Store, top: int | None) -> tuple[int, EventsRead, list[ServedEvent]]:
    """read_newer, and its events as the wire's JSON: made here, in the thread pool, once for every
    poll of this worker they answer."""
    floor, read = read_newer(store, top)
    return floor, read, served_events(read.rows)


def _served_after(store: Store, after: int, limit: int) -> list[ServedEvent]:
    return served_events(store.events.after(after, limit))


def events_page_json(rows: list[bytes], next_seq: int) -> bytes:
    """The EventsPage document from already-serialised events (each built from its wire model)."""
    return b'{"events":[' + b",".join(rows) + b'],"next":' + str(next_seq).encode() + b"}"


@dataclass(frozen=True, slots=True)
class HistoryGapFound:
    """The client's cursor cannot be served: pruned past it, or ahead of this relay's log."""

    oldest_seq: int
    reason: str | None = None


class EventFeed:
    """Wakes long polls when events commit (here, or on another worker via NOTIFY).

    A commit (a `notify()` here, or another worker's NOTIFY) makes this worker read the new events
    once, into `recent`; every parked poll whose cursor they satisfy is answered from there. So a
    commit costs one query per worker, not one per waiting desktop, and a poll parks holding no
    database connection.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.version = 0
        self.condition: asyncio.Condition | None = None
        self.recent = RecentEvents()
        self.stale = True  # a commit may have added events `recent` has not read yet
        self.read_at = 0.0  # monotonic time of the last read that began
        self.answered_at = 0.0  # monotonic time parked polls were last woken, or one answered at once
        self.wake_due: asyncio.TimerHandle | None = None  # a wake put off to answered_at + ANSWER_GAP
        self.waking: asyncio.Task[None] | None = None
        # A group commit of this worker will read new events after its COMMIT, in the same
        # statement (since this monotonic time); other workers' notices meanwhile wait for that
        # read: the newest seq they named.
        self.commit_reading: float | None = None
        self.awaited = 0
        self.polled_at = 0.0  # monotonic time the last long poll ended
        self.reader: asyncio.Task[None] | None = None
        # Long polls waiting now; the relay has one client token, so this is the per-token count.
        self.open_polls = 0
        # Set when the server stops: waiting long polls answer at once instead of at their deadline.
        self.closing = False
        # A database outage: the pruning's first failure, a reminder a minute and its end.
        self.prune_failures = FailureStreak(log, "pruning of old events")
        # Reading the new events for the parked polls: while the database is away each poll's read
        # fails again (a line every read, on every worker, with no cause), so a streak as well.
        self.read_failures = FailureStreak(log, "reading new events")
        # The pruning's "now", the time events are stamped with (tests set it wildly wrong).
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)

    def start(self) -> None:
        self.condition = asyncio.Condition()

    async def stop(self) -> None:
        if self.wake_due is not None:
            self.wake_due.cancel()
        if self.reader is not None:
            self.reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self.reader

    async def release_long_polls(self) -> None:
        """The server is stopping: every waiting long poll answers now with what there is."""
        self.closing = True
        await self._wake()

    async def notify(self, seq: int | None = None) -> None:
        """Events were committed (the newest `seq`, when the notice said): read them (once, whoever
        else asks meanwhile), then wake the polls. Not when this worker has read that far already,
        nor while a group commit of its own is about to read (`commit_reading`): that read, made
        after this notice arrived, decides."""
        if seq is not None and self.recent.floor is not None:
            if seq <= self.recent.top:
                return  # every event up to `top` is held already
            if self.commit_reading is not None:
                self.awaited = max(self.awaited, seq)
                return
        self.stale = True
        if self.open_polls == 0:
            return  # no one waits: the next poll reads (a busy relay with no desktop reads nothing)
        self._start_reading()

    def reading_commit(self) -> int | None:
        """A group commit of this worker starts: the seq above which it should read the new events
        right after its COMMIT, in the same statement, for the polls waiting here (None: none
        waits or ended within TRUST_RECENT_FOR, nothing was read yet to go on from, or a read began
        less than ANSWER_GAP ago). Until `commit_read`, other workers' notices wait for that read."""
        now = time.monotonic()
        if self.recent.floor is None or (self.open_polls == 0 and now - self.polled_at > TRUST_RECENT_FOR):
            return None  # (a desktop just answered is usually back with its next poll by the commit)
        if now - self.read_at < ANSWER_GAP:
            # Read lately: the next read, once ANSWER_GAP has passed, takes this commit's events with
            # those of the commits after it (one query for several commits, not one in each).
            return None
        self.commit_reading = now
        return self.recent.top

    async def commit_read(self, above: int, read: EventsRead | None, stored: bool) -> None:
        """What the group commit `reading_commit` started read after its COMMIT (None: the read or
        the commit failed; `stored`: the commit added events). Wakes the polls it answers."""
        began = self.commit_reading if self.commit_reading is not None else time.monotonic()
        awaited, self.commit_reading, self.awaited = self.awaited, None, 0
        if read is None:
            if stored or awaited:
                await self.notify()
            return
        self.read_at = began
        self.read_failures.succeeded()
        self.recent.add(above, served_events(read.rows), read.pruned)
        if len(read.rows) == READ_PAGE or awaited > self.recent.top:
            await self.notify()  # more than a page, or a notice this read did not cover: read on
        elif read.held_back:
            self._look_again_later()
        await self._wake()

    def commit_abandoned(self) -> None:
        """The group commit `reading_commit` started was cancelled: notices wait for it no longer."""
        if self.commit_reading is not None and self.awaited:
            self.stale = True  # the next poll reads
        self.commit_reading, self.awaited = None, 0

    def _start_reading(self) -> None:
        if self.reader is None or self.reader.done():
            self.reader = asyncio.get_running_loop().create_task(self._read_while_stale())

    async def _read_while_stale(self) -> None:
        while self.stale:
            pause = self.read_at + ANSWER_GAP - time.monotonic()
            if pause > 0 and not self.closing:
                await asyncio.sleep(pause)  # more notices may come meanwhile: one read for them all
            self.stale = False
            self.read_at = time.monotonic()
            top = None if self.recent.floor is None else self.recent.top
            try:
                floor, read, served = await run_in_threadpool(_read_newer_served, self.store, top)
            except SQLAlchemyError as exc:
                cause = storage_cause(exc)
                self.read_failures.failed(f"storage failed: cause={cause} error={type(exc).__name__}")
                self.recent.forget()  # polls ask the database themselves meanwhile
            else:
                self.read_failures.succeeded()
                self.recent.add(floor, served, read.pruned)
                if read.held_back:
                    self._look_again_later()
            await self._wake()

    def _look_again_later(self) -> None:
        """Events are held back behind a writer still in flight: its commit notifies every worker,
        but a rollback tells no one, so look again soon unless something else made us look."""
        asked_at = self.read_at

        def look() -> None:
            if self.read_at == asked_at and self.open_polls:
                self.stale = True
                self._start_reading()

        asyncio.get_running_loop().call_later(HELD_BACK_RETRY, look)

    def _answered_lately(self, now: float) -> bool:
        return not self.closing and now < self.answered_at + ANSWER_GAP

    def _wake_at_gap(self) -> None:
        if self.wake_due is None:
            pause = max(0.0, self.answered_at + ANSWER_GAP - time.monotonic())
            self.wake_due = asyncio.get_running_loop().call_later(pause, self._wake_when_due)

    def _wake_when_due(self) -> None:
        self.wake_due = None
        self.waking = asyncio.get_running_loop().create_task(self._wake(due=True))  # held: tasks are weak

    async def _wake(self, *, due: bool = False) -> None:
        """Wake the parked polls: now, or (polls were answered less than ANSWER_GAP ago) once
        that gap has passed, with whatever more came meanwhile."""
        now = time.monotonic()
        if not due and self._answered_lately(now):
            self._wake_at_gap()
            return
        if self.wake_due is not None:
            self.wake_due.cancel()
            self.wake_due = None
        self.answered_at = now
        assert self.condition is not None
        async with self.condition:
            self.version += 1
            self.condition.notify_all()

    async def _fresh(self) -> None:
        """Read what was committed since the last read (or, lacking news for a second, look anyway:
        a commit that told no one is seen within a second)."""
        if self.stale or time.monotonic() - self.read_at > TRUST_RECENT_FOR:
            self.stale = True
            self._start_reading()
        if self.reader is not None and not self.reader.done():
            await asyncio.shield(self.reader)

    async def _read(self, read: Callable[..., T], *args: Any) -> T:
        """`read(*args)` in the thread pool: a poll's own read of the event log. One that works ends a
        streak of failed reads of new events there and then: after a failed read, polls ask the
        database themselves, and the next read of new events may be a commit or a poll away (up to
        MAX_WAIT after the database answered again). One that fails is the poll's error answer."""
        result = await run_in_threadpool(read, *args)
        self.read_failures.succeeded()
        return result

    async def history_gap(self, after: int) -> HistoryGapFound | None:
        if after <= 0:
            return None
        await self._fresh()
        if self.recent.serves(after):
            return None
        pruned, first, last = await self._read(self.store.events.cursor_bounds)
        if 0 < after < pruned:
            return HistoryGapFound(pruned + 1)
        if after > max(last, pruned):
            # A cursor this relay never handed out: its database was replaced or restored from an
            # older backup. Without this the client would wait forever for seqs that never come.
            oldest = first if first is not None else max(last, pruned) + 1
            return HistoryGapFound(oldest, "cursor_ahead")
        return None

    async def wait_for_events(self, after: int, wait: float, limit: int) -> list[ServedEvent]:
        assert self.condition is not None
        self.open_polls += 1
        try:
            return await self._wait_for_events(after, wait, limit)
        finally:
            self.open_polls -= 1
            self.polled_at = time.monotonic()

    async def _wait_for_events(self, after: int, wait: float, limit: int) -> list[ServedEvent]:
        assert self.condition is not None
        deadline = time.monotonic() + wait
        if wait <= 0:
            # Not a long poll: answer what is committed now, on whichever worker it was committed.
            return await self._read(_served_after, self.store, after, limit)
        await self._fresh()
        entering = True
        while True:
            seen = self.version

            def changed(seen: int = seen) -> bool:
                return self.version != seen

            cached = self.recent.covers(after)
            if cached:
                found = self.recent.after(after, limit)
            else:  # further behind than the newest events (catching up), or the last read failed
                found = await self._read(_served_after, self.store, after, limit)
            now = time.monotonic()
            if entering and cached and found and len(found) < limit and self._answered_lately(now):
                # Back a moment after an answer: what the next commits add comes with the next wake
                # (a page read from the database is answered, not read again after the wake).
                found = []
                self._wake_at_gap()
            elif entering and found:
                self.answered_at = now
            entering = False
            remaining = deadline - now
            if found or remaining <= 0 or self.closing:
                return found
            # asyncio.timeout, not wait_for: Python 3.11's wait_for swallows a cancel that comes as
            # the condition is notified (the poll of a desktop that went away then parked again).
            async with self.condition:
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(remaining):
                        await self.condition.wait_for(changed)

    async def prune_forever(self, retention: timedelta) -> None:
        """Prune every hour (the first time at start). A database that is away delays it: it used
        to end this loop, with a traceback in the log, and no event was pruned again until the
        relay was restarted."""
        while True:
            try:
                removed = await run_in_threadpool(self.store.prune, retention, self.clock())
            except SQLAlchemyError as exc:
                self.prune_failures.failed(
                    f"storage failed: cause={storage_cause(exc)} error={type(exc).__name__}; "
                    f"trying again in {PRUNE_RETRY:g} s"
                )
                await asyncio.sleep(PRUNE_RETRY)
                continue
            except Exception as exc:
                # Not an outage: trying again at once would fail the same way, so at the next round.
                self.prune_failures.failed_unexpectedly(exc, f"; trying again in {PRUNE_EVERY:g} s")
                await asyncio.sleep(PRUNE_EVERY)
                continue
            self.prune_failures.succeeded()
            if removed:
                log.info("pruned %d events older than %s", removed, retention)
            await asyncio.sleep(PRUNE_EVERY)
