"""The running relay: its parts (storage, upstream, feed, sender, media, intake) and their tasks."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import secrets
import threading
import time
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime, timedelta
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from fastapi.concurrency import run_in_threadpool
from sqlalchemy.exc import SQLAlchemyError

from app.wire import RELAY_FEATURES
from relay.automations import AutomationRunner
from relay.campaigns import CampaignRunner
from relay.command_settings import shown
from relay.events import EventFeed
from relay.failure_streak import FailureStreak
from relay.intake import WebhookIntake
from relay.media_jobs import MediaJobs
from relay.sending import Sender
from relay.settings import RelaySettings
from relay.storage.database import now_ms
from relay.storage.event_log import SeqStart
from relay.storage.key_values import KeyValues, NotText
from relay.storage.send_keys import SendOwner
from relay.store import Store, storage_cause, storage_retryable
from relay.upstream import Upstream
from relay.wakeups import EVENTS, HOLDS, SETTINGS, listen, notice_seq
from relay.worker_process import worker_id
from relay.wrong_tokens import WrongTokens

log = logging.getLogger(__name__)

TOKEN_FOLLOW_SECONDS = 2.0


@functools.cache  # reading the installed metadata costs ~0.4 ms, and /healthz answers it every time
def relay_version() -> str:
    try:
        return version("shop-inbox")
    except PackageNotFoundError:
        return "0+unknown"


def make_upstream(settings: RelaySettings, memory: KeyValues | None = None) -> Upstream:
    if settings.upstream == "sandbox":
        from relay.sandbox import SandboxUpstream

        return SandboxUpstream(
            phone_number_id=settings.phone_number_id or "100000000000001",
            seed=settings.sandbox_seed,
            speed=settings.sandbox_speed,
            language=settings.sandbox_language,
            two_numbers=settings.sandbox_two_numbers,
            hold_for_automations=settings.sandbox_hold_for_automations,
            memory=memory,
        )
    from relay.graph import GraphUpstream

    return GraphUpstream(settings.graph_url, settings.access_token, settings.waba_id, settings.graph_timeout)


def stored_token(store: Store, *, say: bool = True) -> str | None:
    """The token kept in the database (made on first start); None when its row is not text, which
    is said (`say`) in one ERROR line."""
    try:
        return store.kv.client_token()
    except NotText as exc:
        # Another program wrote the row (a script rotating it by hand): taken as the token, it
        # failed every request with 500. No desktop can present it, so every one is refused.
        if say:
            log.error(
                "the relay token in the database is not text (%s): every desktop is refused until a new "
                "one is made with `shop-inbox-relay token` (on this relay's database); the relay takes it "
                "within seconds, then paste it in each desktop's Settings",
                exc.kind,
            )
        return None


# How far the event numbers may run ahead of this server's clock before the start says so: as far
# as `check` lets the clock be off from WhatsApp's (workers on several machines differ by a little).
SEQS_AHEAD_SAID_AFTER = 60.0


def say_seq_start(start: SeqStart) -> None:
    """The start's word on its event numbering. Moving the numbers on to the clock's is what every
    start does (the INFO line it wrote each time read as a warning, and said nothing new): DEBUG. A
    clock behind the numbers is news, and weakens what the move is for: WARNING."""
    if start.moved:
        log.debug(
            "event numbers go on from the clock's: next_seq=%d (was %d), so a restored backup skips no event",
            start.floor + 1,
            start.before,
        )
    ahead = start.ahead_of_clock_seconds
    if ahead > SEQS_AHEAD_SAID_AFTER:
        log.warning(
            "this server's clock is up to %.0f s behind the event numbers in the database: it was set "
            "back, or the database comes from a server whose clock ran ahead. Events still reach the "
            "desktops in order; set the clock right (timedatectl: NTP on), since a backup restored "
            "before it catches up could hide new events from a desktop that had fetched further",
            ahead,
        )


class Relay:
    """What the routes share: built once per app, started and stopped with its lifespan."""

    def __init__(
        self, settings: RelaySettings, upstream: Upstream | None = None, *, supervised: bool = False
    ) -> None:
        """`supervised`: a worker of `serve --workers N`, whose supervisor said what is wrong with the
        stored token once for the whole start (relay/server.py `say_before_workers`)."""
        self.settings = settings
        self.store = Store(
            settings.database_url,
            sqlite_synchronous=settings.sqlite_synchronous,
            pool_size=settings.pool_size,
        )
        self.upstream = upstream or make_upstream(settings, self.store.kv)
        # None: every token is refused (401) until one is stored as text (`_follow_stored_token_forever`).
        self.token: str | None = settings.client_token or stored_token(self.store, say=not supervised)
        # How often the token kept in the database is read again (`token --rotate` while we run).
        self.token_follow_seconds = TOKEN_FOLLOW_SECONDS
        self.wrong_tokens = WrongTokens()
        self.tasks: set[asyncio.Task[Any]] = set()
        self.storage_opened = False  # open_storage() has run
        self.templates_cache: tuple[float, list[dict[str, Any]]] | None = None
        # Set once this worker hears other workers' commits (PostgreSQL LISTEN/NOTIFY).
        self.peers_listening = threading.Event()
        # The automations' and the window's "now" (tests pin it to cross a DST change).
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)
        # What GET /healthz says this relay fills itself (tests name none to play an older relay).
        self.features: tuple[str, ...] = RELAY_FEATURES
        self.feed = EventFeed(self.store)
        self.media = MediaJobs(self.store, self.upstream, settings.resolved_media_dir())
        # Owner of this worker's in-flight sends: a restart in the same process is a new owner.
        self.owner = SendOwner(worker_id(), now_ms())
        self.sender = Sender(settings, self.store, self.upstream, self.feed, lambda: self.clock(), self.owner)
        # A database outage: the sweep's first failure, a reminder a minute and its end.
        self.sweep_failures = FailureStreak(log, "sweep of abandoned sends")
        self.token_follow_failures = FailureStreak(log, "relay token not read again")
        self.automations = AutomationRunner(self.store, self.sender, lambda: self.clock())
        self.campaigns = CampaignRunner(
            settings, self.store, self.sender, self.feed, lambda: self.clock(), self.owner, self.spawn
        )
        # This relay's group commits, told apart from other workers' (two relays may share a process).
        self.intake_notice = f"{EVENTS}:{secrets.token_hex(6)}"
        self.intake = WebhookIntake(
            self.store,
            self.feed,
            self.media,
            self.automations,
            self.campaigns,
            self.spawn,
            self.intake_notice,
        )

    async def open_storage(self) -> None:
        """The database work of the start, before anything is served or spawned (a worker retries it
        while the database is away: relay/worker_process.py)."""
        start = await run_in_threadpool(self.store.events.skip_ahead, int(time.time() * 1000))
        say_seq_start(start)
        await self._resolve_abandoned_sends()
        self.storage_opened = True

    async def start(self) -> None:
        if not self.storage_opened:
            await self.open_storage()
        self.feed.start()
        self.media.start()
        self.spawn(self._sweep_abandoned_sends_forever())
        self.spawn(self.media.run_forever())
        self.spawn(self.feed.prune_forever(timedelta(days=self.settings.retention_days)))
        self.spawn(self.media.prune_forever(timedelta(days=self.settings.media_retention_days)))
        self.spawn(self.campaigns.run_forever())
        if not self.settings.client_token:
            self.spawn(self._follow_stored_token_forever())
        if not self.store.is_sqlite:
            self.spawn(
                listen(self.settings.database_url, self._on_notice, on_listening=self.peers_listening.set)
            )
        await self.upstream.start(self.intake.ingest)
        # Which database and media folder: a `--database` left on a command line (or a PostgreSQL
        # relay started in another folder) serves other data with no other sign of it.
        log.info(
            "relay started (upstream %s): database=%s media=%s",
            self.upstream.name,
            shown(self.settings.database_url),
            self.settings.resolved_media_dir(),
        )

    async def stop(self) -> None:
        with contextlib.suppress(Exception):
            await self.upstream.stop()
        await self.campaigns.stop()
        for task in list(self.tasks):
            task.cancel()
        for task in list(self.tasks):
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        await self.feed.stop()
        # Sends of this worker still in flight now were cut short by the shutdown (Graph may have
        # the message): other workers and the next start must not wait for their leases to run out.
        with contextlib.suppress(Exception):
            await self._resolve_abandoned_sends(stopped=self.owner)
        await run_in_threadpool(self.intake.close)  # a group commit cut short by the stop still ends
        if self.store.pg_group_commit is not None:
            await self.store.pg_group_commit.close_async()
        await run_in_threadpool(self.store.close)
        self.storage_opened = False  # a start after this one opens it again

    async def _resolve_abandoned_sends(self, stopped: SendOwner | None = None) -> None:
        resolved = await run_in_threadpool(self.store.sends.resolve_abandoned, stopped)
        if resolved:
            log.warning("sends whose worker is gone marked unknown: count=%d", resolved)

    async def _sweep_abandoned_sends_forever(self) -> None:
        """Another worker that dies mid-send leaves its keys in flight; answer them once its lease ends."""
        while True:
            await asyncio.sleep(self.settings.send_lease / 2)
            try:
                await self._resolve_abandoned_sends()
            except SQLAlchemyError as exc:
                self.sweep_failures.failed(
                    f"storage failed: cause={storage_cause(exc)} error={type(exc).__name__}"
                )
            except Exception as exc:
                self.sweep_failures.failed_unexpectedly(exc)
            else:
                self.sweep_failures.succeeded()

    async def _follow_stored_token_forever(self) -> None:
        """`shop-inbox-relay token --rotate` writes a new token into the database while the relay runs
        (and other workers share it): the old one is refused within seconds, not at the next restart."""
        while True:
            await asyncio.sleep(self.token_follow_seconds)
            try:
                # Text only: a token row another program wrote as bytes would become a token that
                # fails every request (500) rather than one that is refused.
                stored = await run_in_threadpool(self.store.kv.text, "client_token")
            except NotText as exc:
                if self.token is None:  # said at the start: every desktop refused until one is text
                    self.token_follow_failures.succeeded()
                else:
                    self.token_follow_failures.failed(
                        f"the token stored is not text ({exc.kind}); the token in use goes on"
                    )
                continue
            except SQLAlchemyError as exc:
                self.token_follow_failures.failed(
                    f"storage failed: cause={storage_cause(exc)} error={type(exc).__name__}"
                )
                continue
            except Exception as exc:
                self.token_follow_failures.failed_unexpectedly(exc)
                continue
            self.token_follow_failures.succeeded()
            if stored and stored != self.token:
                if self.token is None:
                    log.info("relay token stored as text: desktops presenting it are let in")
                else:
                    log.info("relay token rotated: the previous token is refused from now on")
                self.token = stored

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        task = asyncio.get_running_loop().create_task(coro)
        self.tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        self.tasks.discard(task)
        if task.cancelled() or (exc := task.exception()) is None:
            return
        if isinstance(exc, SQLAlchemyError) and storage_retryable(exc):
            # A one-off task (a customer's greeting or away answer, a campaign's run) that met the
            # database away: one line naming the cause, as every storage failure says it, not a
            # traceback per task for as long as the outage lasts (the traceback is at DEBUG).
            log.error(
                "background task failed: %s: storage failed: cause=%s error=%s",
                getattr(task.get_coro(), "__qualname__", task.get_name()),  # e.g. AutomationRunner.answer
                storage_cause(exc),
                type(exc).__name__,
            )
            log.debug("background task failed", exc_info=exc)
            return
        log.error("background task failed", exc_info=exc)

    def automations_changed(self) -> None:
        """A new automations document (a PUT here, or another worker's): the cached one is dropped,
        and a sandbox's customers held for the first one start writing."""
        self.automations.forget()
        if self.settings.upstream != "sandbox":
            return
        from relay.sandbox import SandboxUpstream  # a cloud relay never loads the simulated customers

        if isinstance(self.upstream, SandboxUpstream):
            self.upstream.automations_arrived()

    async def take_holds(self) -> None:
        """The addresses another worker held off for wrong tokens: refused here too."""
        try:
            held = await run_in_threadpool(self.store.wrong_tokens.holds, now_ms())
        except SQLAlchemyError as exc:
            # The database away: a held address's next wrong token here reads its hold.
            log.debug("holds of other workers not read: cause=%s", storage_cause(exc))
            return
        for address, left_ms in held.items():
            self.wrong_tokens.hold(address, left_ms / 1000)
            log.debug(
                "address held off as the workers hold it: address=%s for=%.0f s", address, left_ms / 1000
            )

    async def _on_notice(self, payload: str) -> None:
        """Another relay worker on the same PostgreSQL committed something."""
        parsed = notice_seq(payload)
        if parsed is None:
            # Not a relay worker's (anyone who may NOTIFY on the channel could send it): it tells
            # of no commit.
            log.debug("wake-up notice ignored: payload=%r", payload[:80])
            return
        notice, seq = parsed
        if notice == HOLDS:
            await self.take_holds()  # tells of no events
            return
        if notice == EVENTS and seq is None and self.settings.workers > 1:
            await self.take_holds()  # (re)connected, or a notice not handled: a hold may have been missed
        if notice == self.intake_notice:
            return  # this worker's own group commit: the intake woke the feed after it already
        if notice.startswith(f"{EVENTS}:"):
            self.intake.peer_committed()  # another worker's group commit: take turns with it
        if notice == SETTINGS:
            self.automations_changed()
        await self.feed.notify(seq)
