"""The sync engine: the relay client, the sync worker and the outbox sender started and stopped together."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.apply_process import ApplyProcess
from app.changes import Changes
from app.connection import HISTORY_NOTICES, STORAGE_TROUBLE, Connection, ConnectionState
from app.errors import RelayError
from app.media_cache import MediaCache
from app.models import Contact, Message
from app.order_queries import statuses_for_bot
from app.outbox import OutboxSender
from app.relay_client import RelayClient
from app.relay_pushes import PUSHES_THREAD, RETRY_BASE, RETRY_CAP, PushTask, RelayPushes, worth_retrying
from app.sync import PAGE_SIZE, POLL_WAIT, SyncWorker
from app.wire import ORDER_STATUSES_LIMIT, OrderStatus

if TYPE_CHECKING:
    from app.db import Database
    from app.wire import Template

log = logging.getLogger(__name__)

STOP_JOIN = 0.8  # seconds: quitting never waits on the network
POLL_THREAD = "relay-sync"
# Orders closed within this long are pushed again when online: "done" replaces a stale "shipped".
STATUS_RESEND = timedelta(days=30)
# The relay answers in these states (news about its history, or trouble saving here, is no drop).
ONLINE_KINDS = frozenset({Connection.ONLINE, *HISTORY_NOTICES, *STORAGE_TROUBLE})


class SyncEngine:
    """Starts/stops the worker and sender threads; callbacks are called from those threads.

    `on_changed(Changes)` after every applied batch or send; `on_state(ConnectionState)` when the
    connection changes (online / reconnecting with next retry time / offline / unauthorised);
    `on_pushes_waiting(frozenset[PushTask])` when what waits to be tried again while online changes.
    """

    def __init__(
        self,
        db: Database,
        relay_url: str,
        token: str,
        media_dir: Path,
        on_changed: Callable[[Changes], None],
        on_state: Callable[[ConnectionState], None],
        *,
        on_graph_down: Callable[[bool], None] | None = None,
        on_pushes_waiting: Callable[[frozenset[PushTask]], None] | None = None,
        poll_wait: float = POLL_WAIT,
        retry_base: float = 1.0,
        retry_cap: float = 60.0,
        send_timeout: float = 20.0,
        push_retry_base: float = RETRY_BASE,
        push_retry_cap: float = RETRY_CAP,
    ) -> None:
        self.db = db
        self.client = RelayClient(relay_url, token)
        self.media = MediaCache(db, self.client, media_dir)
        self.on_changed = on_changed
        self.on_state = on_state
        self._stop = threading.Event()
        self._wake = threading.Event()
        # A catch-up's pages are applied in a child process: its Python never holds this process's
        # GIL, so the window paints while tens of thousands of events are written.
        self.apply_process = ApplyProcess(db.path, relay_url, token, PAGE_SIZE)
        self.worker = SyncWorker(
            db,
            self.client,
            on_changed=on_changed,
            on_state=self._state,
            stop=self._stop,
            wait=poll_wait,
            retry_base=retry_base,
            retry_cap=retry_cap,
            on_online=self._came_online,
            apply_process=self.apply_process,
        )
        self.sender = OutboxSender(
            db,
            self.client,
            # A send moved a message's ticks: that chat's row and messages repaint.
            on_changed=lambda ids: on_changed(Changes.for_contacts(ids, from_sync=True)),
            stop=self._stop,
            wake=self._wake,
            on_unauthorised=self._unauthorised,
            # The relay answers but cannot reach WhatsApp: sends wait (the window says so).
            on_graph_down=on_graph_down,
            retry_base=retry_base,
            retry_cap=retry_cap,
            send_timeout=send_timeout,
            media_dir=media_dir,
            # A reply went through while the poll waits out its backoff: the network is back.
            on_relay_answered=self.worker.relay_answered,
        )
        self._threads: list[threading.Thread] = []
        self._known_pushed = False
        # What the relay keeps a copy of: pushed on connecting, and again while online until it goes.
        self.pushes = RelayPushes(
            {
                PushTask.AUTOMATIONS: self._push_automations,
                PushTask.BLOCKS: self._push_blocks,
                PushTask.KNOWN_CONTACTS: self._push_known_contacts,
                PushTask.ORDER_STATUSES: self._push_order_statuses,
                PushTask.TEMPLATES: self._fetch_templates,
            },
            online=lambda: self.state.kind in ONLINE_KINDS,
            retry_base=push_retry_base,
            retry_cap=push_retry_cap,
            on_waiting=on_pushes_waiting,
        )

    @property
    def state(self) -> ConnectionState:
        return self.worker.state

    def start(self) -> None:
        if self._threads:
            return
        self._stop.clear()
        threads = (
            (POLL_THREAD, self.worker.run),
            ("relay-outbox", self.sender.run),
            (PUSHES_THREAD, self.pushes.run),
        )
        for name, target in threads:
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        """Cut the long poll and join the threads (well under a second); pending sends stay queued."""
        self._stop.set()
        self._wake.set()
        self.worker.retry_now.set()
        self.pushes.close()
        # A poll waiting for the relay's answer holds no transaction: cut, it ends its thread now.
        self.client.cancel_polls()
        for thread in self._threads:
            thread.join(STOP_JOIN / max(1, len(self._threads)))
            if thread.is_alive():
                # A send or a download still on the network (the poll's connection is cut, through
                # a proxy too): it discards what it gets and ends on its own (daemon).
                log.info("%s still waiting on the network; abandoned", thread.name)
        self._threads = []
        self.client.close()

    def wake_sender(self) -> None:
        """A message was queued: try to send now instead of at the next backoff tick."""
        self.sender.not_before.clear()
        self._wake.set()

    def send_read_receipt(self, wamid: str) -> None:
        self.sender.queue_read_receipt(wamid)

    def fetch_templates(self) -> list[Template]:
        """Approved templates from the relay (blocking: call it off the GUI thread)."""
        return self.client.templates()

    def fetch_media(self, media_id: int) -> Path | None:
        """The local file of a Media row, fetched from the relay the first time (blocking)."""
        return self.media.ensure(media_id)

    # ------------------------------------------------------------------ callbacks from the threads
    def _state(self, state: ConnectionState) -> None:
        if state.kind is Connection.ONLINE:
            self.wake_sender()  # messages written while offline go out now
        elif state.kind is Connection.UNAUTHORISED:
            self.pushes.close()  # nothing keeps knocking with a refused token
        elif state.kind not in ONLINE_KINDS:
            self.pushes.went_offline()  # the reconnect pushes everything again
        self.on_state(state)

    def _unauthorised(self) -> None:
        self._stop.set()
        self.worker._report(ConnectionState(Connection.UNAUTHORISED))

    def _came_online(self) -> None:
        # What waits for the relay goes now; what it cannot take yet is tried again while online.
        self.pushes.push_all()

    def retry_push_later(self, task: PushTask) -> None:
        """A push of this kind made elsewhere (an editor's save) did not get through: it is tried
        again on the backoff while the connection stays up."""
        self.pushes.retry_later(task)

    def _push_automations(self) -> bool:
        """The relay's features, the waiting change, then the shop's country; whether all went."""
        from app import automations_store

        settled = True
        try:
            # What the relay fills itself ({hours}) first: the push writes out what it cannot.
            if automations_store.follow_relay_features(self.db, self.client):
                self.on_changed(automations_store.AUTOMATIONS_CHANGED)
        except RelayError as exc:
            if worth_retrying(exc):
                settled = False  # the push below asks again when it needs to know
            log.info("the relay's features not read: %s", exc)
        except ValueError as exc:  # a /healthz answer not of a relay
            log.info("the relay's features not read (again when next online): %s", exc)
        # A new relay (another address, or one started afresh) holds none of the shop's rules:
        # they wait to be sent to it, and go with the push below.
        try:
            if automations_store.follow_relay_rules(self.db, self.client):
                self.on_changed(automations_store.AUTOMATIONS_CHANGED)
        except RelayError as exc:
            if worth_retrying(exc):
                raise
            log.info("the relay's rules not read: %s", exc.code)
        outcome = automations_store.push(self.db, self.client)
        if outcome is automations_store.PushOutcome.OFFLINE:
            return False
        if outcome is not automations_store.PushOutcome.NOTHING:
            # Taken (the editors say "the relay has it"), or the change made offline met another
            # computer's (the window asks which to keep).
            self.on_changed(automations_store.AUTOMATIONS_CHANGED)
        # After the waiting change: a shop that never moved country never sent it, and its
        # relay wrote a UK shop's English dates the US's way ("Mon, Dec 7").
        if automations_store.bring_shop_country_up_to_date(self.db, self.client):
            self.on_changed(automations_store.AUTOMATIONS_CHANGED)
        return settled

    def _push_blocks(self) -> bool:
        from app.chat_actions import blocks_waiting, tell_relay_about_blocks

        tell_relay_about_blocks(self.db, self.client)
        return not blocks_waiting(self.db)

    def _push_known_contacts(self) -> bool:
        if not self._known_pushed:
            self.push_known_contacts()
        return True

    def _fetch_templates(self) -> bool:
        """The copy of the approved templates kept is what an order's message outside the 24 hours is
        prepared with (no relay round trip while the owner moves orders): refreshed on connecting,
        so a template approved since, or a new shop's (or the demo's) first ones, are there to use.
        A relay that did not answer is asked again on the backoff; the old copy is kept meanwhile."""
        from app.errors import ShopInboxError
        from app.sending import keep_templates

        try:
            fetched = self.client.templates()
        except RelayError:
            raise  # tried again when another try can mend it (relay_pushes.worth_retrying)
        except ShopInboxError as exc:  # not the relay's answer to a list (a page it could not read)
            log.info("templates not fetched: %s", exc.code)
            return True
        keep_templates(self.db, fetched)
        return True

    def _push_order_statuses(self) -> bool:
        self.push_order_statuses()
        return True

    def push_order_statuses(self, now: datetime | None = None) -> int:
        """Tell the relay's bot where every customer's orders stand (blocking); how many statuses.

        The desktop pushes a customer's statuses when their orders change, but a push can be missed:
        orders made before the bot or by an older version, the demo's, or a move made while the relay
        was away. Without them the bot tells a customer it cannot find an order that exists."""
        since = (now or datetime.now(UTC)) - STATUS_RESEND
        with self.db.read() as s:
            customers = statuses_for_bot(s, since)
        batch: list[OrderStatus] = []
        pushed = 0
        for statuses in customers:  # a customer's orders in one push: the relay keeps the newest first
            if len(batch) + len(statuses) > ORDER_STATUSES_LIMIT:
                pushed += self.client.push_order_statuses(batch)
                batch = []
            batch.extend(statuses)
        if batch:
            pushed += self.client.push_order_statuses(batch)
        return pushed

    def push_known_contacts(self) -> int:
        """Tell the relay about customers of chats imported from the phone (blocking). Returns how many."""
        # Customers the relay cannot know about: those of chats imported from the phone.
        with self.db.read() as s:
            imported = select(Message.contact_id).where(Message.imported.is_(True))
            wa_ids = [
                w
                for w in s.scalars(
                    select(Contact.wa_id).where(Contact.wa_id.is_not(None), Contact.id.in_(imported))
                )
                if w
            ]
        if wa_ids:
            self.client.push_known_contacts(wa_ids)
        self._known_pushed = True
        return len(wa_ids)
