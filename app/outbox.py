"""The outbox sender: pending messages (app/sending.py writes them) sent once each, in order.

The sender thread posts pending messages oldest first, one contact's messages strictly in order, with
the client_id as Idempotency-Key, so a send whose answer was lost is answered again by the relay
instead of going to WhatsApp twice. Connection errors, 5xx and 409 (still in flight) are retried
with capped exponential backoff and jitter; a refusal marks the message failed with the relay's
or WhatsApp's code. Pending rows live in the database, so quitting loses nothing. An answer the inbox
file cannot take (a full disk, the file locked) is kept and saved again every SAVE_RETRY seconds,
without sending again, until it can be.

While a message waits, its error_code says why (`Waiting`): the sender marks it SENDING in a write
transaction before each post, and the relay's answer replaces the mark. Only a message whose last
post is known not to have reached WhatsApp can be cancelled (`cancel_waiting`); both writes take the
file's write lock (BEGIN IMMEDIATE), so a cancel and a post never interleave.
"""

from __future__ import annotations

import enum
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app import relay_clock
from app.backoff import backoff_delay
from app.db import is_storage_failure
from app.errors import (
    ErrorCode,
    FileParams,
    RefusalParams,
    RelayBusy,
    RelayError,
    RelayUnreachable,
    SendRefused,
    Unauthorised,
)
from app.models import Contact, Media, Message, MessageStatus
from app.ticks import UNKNOWN_OUTCOME, apply_status, failed_code
from app.wire import MEDIA_KINDS, RelayErrorCode

if TYPE_CHECKING:
    from app.db import Database
    from app.relay_client import RelayClient

log = logging.getLogger(__name__)

SEND_TIMEOUT = 20.0
# A kept answer is a local write: tried this often however long the relay's backoff has grown, so a
# reply shows as sent within a moment of the owner freeing the disk.
SAVE_RETRY = 1.0


# --------------------------------------------------------------------------- the queue


def waiting_replies(session: Session) -> int:
    """How many of the owner's messages wait in the outbox to be sent (they go by themselves)."""
    count = session.execute(
        select(func.count(Message.id)).where(
            Message.status == MessageStatus.PENDING, Message.direction == "out"
        )
    ).scalar_one()
    return int(count)


def count_waiting_replies(db: Database) -> int:
    """`waiting_replies` in a read of its own (a window counts them again and again, newest wins)."""
    with db.read() as session:
        return waiting_replies(session)


def pending_heads(session: Session) -> list[int]:
    """The oldest pending message of each contact: only these may be sent now (order per contact)."""
    rows = session.execute(
        select(Message.id, Message.contact_id)
        .where(Message.status == MessageStatus.PENDING, Message.direction == "out")
        .order_by(Message.sent_at, Message.id)
    ).all()
    heads: dict[int, int] = {}
    for mid, cid in rows:
        heads.setdefault(cid, mid)
    return list(heads.values())


# Graph's catch-all "invalid parameter": the relay's own code for such a refusal (a file type
# WhatsApp does not take) says more.
GENERIC_GRAPH_CODE = 100


def failure_columns(exc: SendRefused) -> dict[str, str | None]:
    """error_code / error_text of a refused message: Graph's code when WhatsApp gave one, else ours.

    The text is the relay's English sentence, kept only for codes the UI has no sentence for.
    """
    if isinstance(exc.params, RefusalParams):
        graph_code = exc.params.graph_code
        named = exc.params.relay_code not in ("", RelayErrorCode.GRAPH_ERROR)
        if graph_code is None or (graph_code == GENERIC_GRAPH_CODE and named):
            code = exc.params.relay_code
        else:
            code = failed_code(graph_code, exc.params.graph_cause)
        return {"error_code": code[:32], "error_text": exc.params.message or None}
    return {"error_code": str(exc.code), "error_text": None}


class Waiting(enum.StrEnum):
    """Why a pending message is still waiting, kept in its error_code until it is sent or refused."""

    SENDING = "sending"  # posted without a final answer yet (or a timeout): the relay may hold it
    # Its file is going up to the relay; the message itself is posted only after: it can be taken
    # back (the upload stops), however slow the network.
    UPLOADING = "uploading"
    RELAY_OFFLINE = "relay_offline"  # the relay could not be reached at all: it never got the post
    GRAPH_UNREACHABLE = "graph_unreachable"  # the relay cannot reach WhatsApp (its network, its URL)
    GRAPH_BUSY = "graph_busy"  # WhatsApp asked to wait a moment (rate limits): nothing was sent
    # The relay could not keep the message's file (its disk full, its media folder unwritable, a
    # passing conflict): nothing was sent. Its error_text is the relay's cause (a wire StorageCause,
    # `waiting_cause`), None when the relay gave none.
    RELAY_STORAGE = "relay_storage"
    # The relay cannot use its database until whoever looks after it mends it. Not cancellable: the
    # database may have gone between Graph's answer and its record.
    RELAY_DATABASE = "relay_database"


# Answers that prove the relay did not send the message: it released the key, or never got the post.
CANCELLABLE = frozenset(
    {
        Waiting.UPLOADING,
        Waiting.RELAY_OFFLINE,
        Waiting.GRAPH_UNREACHABLE,
        Waiting.GRAPH_BUSY,
        Waiting.RELAY_STORAGE,
    }
)
# While a file goes up, whether its message is still wanted is read this often (seconds).
UPLOAD_CHECK = 0.25


class UploadWithdrawn(Exception):
    """The message whose file is going up was cancelled (or the sender is stopping): the upload
    stops where it is. Internal to the outbox, never shown to the owner."""


def can_cancel(status: str, error_code: str | None) -> bool:
    """Whether a message may still be taken back: waiting, and not possibly with the relay already."""
    return status == MessageStatus.PENDING and (error_code is None or error_code in CANCELLABLE)


@dataclass(frozen=True)
class Cancelled:
    """A message taken back before the relay had it: its text ("" for none) and the files it was to
    send (the copies queued with it, as `keep_for_sending` made them), for the composer to take back."""

    text: str
    files: tuple[Path, ...] = ()


def cancel_waiting(session: Session, message_id: int, media_dir: Path | None = None) -> Cancelled | None:
    """Take back a message that the relay has not got, or None when it cannot be. `media_dir`: where a
    file's path relative to the media folder is found (`Cancelled.files`).

    Call it in a write session: its lock keeps the sender from posting the message meanwhile.
    """
    m = session.get(Message, message_id)
    if m is None or m.direction != "out" or not can_cancel(m.status, m.error_code):
        return None
    files = []
    for media in m.media:
        if not media.cache_path:
            continue
        path = Path(media.cache_path)
        if not path.is_absolute():
            if media_dir is None:
                continue
            path = media_dir / path
        files.append(path)
    cancelled = Cancelled(m.body or "", tuple(files))
    session.delete(m)
    log.info("message %d cancelled before the relay sent it", message_id)
    return cancelled


def waiting_reason(exc: RelayUnreachable | RelayBusy, *, posted: bool) -> Waiting | None:
    """What an attempt that must be retried says about the message (None: nothing worth saying)."""
    if isinstance(exc, RelayUnreachable):
        if not exc.request_sent:
            return Waiting.RELAY_OFFLINE
        return Waiting.SENDING if posted else None
    if exc.relay_code == Waiting.GRAPH_UNREACHABLE:
        return Waiting.GRAPH_UNREACHABLE
    if exc.relay_code == Waiting.GRAPH_BUSY:
        return Waiting.GRAPH_BUSY
    if exc.relay_code == RelayErrorCode.DATABASE_UNUSABLE:
        return Waiting.RELAY_DATABASE
    if exc.relay_code == RelayErrorCode.STORAGE and not posted:  # its file's upload, not the send
        return Waiting.RELAY_STORAGE
    # 409 (still in flight), a bare 5xx from a proxy, the relay's storage: it may hold the message.
    return Waiting.SENDING if posted else None


# The longest cause kept beside a waiting message: the relay's own are far shorter.
CAUSE_LIMIT = 64


def waiting_cause(exc: RelayUnreachable | RelayBusy, reason: Waiting | None) -> str | None:
    """What the relay said its storage failure came down to (`params.cause`, a wire StorageCause),
    kept as the waiting message's error_text so its bubble says what to do: its file's upload
    (RELAY_STORAGE), or the send itself (SENDING: the relay may hold it, so it is not cancellable,
    but a read-only database waits for someone; RELAY_DATABASE: a database the relay refuses to use,
    one in another encoding than UTF8). None for another reason."""
    if not isinstance(exc, RelayBusy) or not isinstance(exc.params, RefusalParams):
        return None
    if reason not in (Waiting.RELAY_STORAGE, Waiting.RELAY_DATABASE) and not (
        reason is Waiting.SENDING and exc.relay_code == RelayErrorCode.STORAGE
    ):
        return None
    return exc.params.param("cause")[:CAUSE_LIMIT] or None


# --------------------------------------------------------------------------- the sender


@dataclass
class _Job:
    message_id: int
    client_id: str
    contact_id: int
    body: dict[str, Any]
    upload: tuple[int, Path, str] | None  # (media row id, local file, mime) still to upload


class OutboxSender:
    """Sends pending messages; one thread. `wake()` after queueing for an immediate attempt."""

    def __init__(
        self,
        db: Database,
        client: RelayClient,
        *,
        on_changed: Callable[[set[int]], None],
        stop: threading.Event,
        wake: threading.Event | None = None,
        on_unauthorised: Callable[[], None] | None = None,
        on_graph_down: Callable[[bool], None] | None = None,
        send_timeout: float = SEND_TIMEOUT,
        retry_base: float = 1.0,
        retry_cap: float = 60.0,
        media_dir: Path | None = None,
        on_relay_answered: Callable[[], None] | None = None,
    ) -> None:
        self.db = db
        self.on_relay_answered = on_relay_answered
        self.client = client
        self.on_changed = on_changed
        self.stop = stop
        self.wake = wake or threading.Event()
        self.on_unauthorised = on_unauthorised
        self.on_graph_down = on_graph_down
        # True while the relay's last word on a send was that it cannot reach WhatsApp.
        self.graph_down = False
        # message id → why it waits and the relay's cause, as last saved
        self.reasons: dict[int, tuple[Waiting | None, str | None]] = {}
        self.send_timeout = send_timeout
        self.retry_base = retry_base
        self.retry_cap = retry_cap
        self.media_dir = media_dir
        self.attempts: dict[int, int] = {}  # contact id → consecutive failures
        self.not_before: dict[int, float] = {}  # contact id → monotonic time of the next try
        self.read_receipts: list[str] = []
        self._lock = threading.Lock()
        # The relay's answer to a send that the inbox file could not take, and what it says.
        self._unsaved: tuple[_Job, dict[str, Any]] | None = None

    def queue_read_receipt(self, wamid: str) -> None:
        with self._lock:
            self.read_receipts.append(wamid)
        self.wake.set()

    def run(self) -> None:
        storage_failures = 0
        while not self.stop.is_set():
            self.wake.clear()
            try:
                delay = self.run_once()
            except Unauthorised:
                log.warning("relay refused the token; the outbox waits for a new one")
                if self.on_unauthorised is not None:
                    self.on_unauthorised()
                return
            except Exception as exc:
                if not is_storage_failure(exc):
                    raise
                # A send's answer could not be saved (a full disk, the file locked): the message
                # stays pending and goes again under the same key, which the relay answers with
                # the first send's result, never a second message. The thread must not end here.
                storage_failures += 1
                if storage_failures == 1:
                    log.warning("outbox cannot save a send's answer (%s); retrying", type(exc).__name__)
                delay = backoff_delay(storage_failures, base=self.retry_base, cap=self.retry_cap)
                if self._unsaved is not None:  # only the save is tried again, not the send
                    delay = min(delay, SAVE_RETRY)
            else:
                if storage_failures:
                    log.info("outbox saves again after %d failed attempts", storage_failures)
                storage_failures = 0
            self.wake.wait(delay)

    def run_once(self) -> float:
        """Try every contact's next message that is due; the seconds until something is due again.

        Raises the storage failure while a kept answer still cannot be saved: nothing else is sent
        until it is, for no answer could be saved meanwhile.
        """
        if self._unsaved is not None:
            kept, outcome = self._unsaved
            self._finish(kept, **outcome)
            self._unsaved = None
        self._send_read_receipts()
        with self.db.read() as s:
            heads = pending_heads(s)
        if not heads:
            self._graph_down(False)  # nothing waits on WhatsApp any more (sent or cancelled)
            self.reasons.clear()
        now = time.monotonic()
        next_due = 3600.0
        for message_id in heads:
            if self.stop.is_set():
                break
            job = self._job(message_id)
            if job is None:
                continue
            due = self.not_before.get(job.contact_id, 0.0)
            if due > now:
                next_due = min(next_due, due - now)
                continue
            delay = self.send(job)
            # None: final for this message, and the contact's next one may be waiting already.
            next_due = min(next_due, delay) if delay is not None else 0.0
        return next_due

    def _send_read_receipts(self) -> None:
        with self._lock:
            pending, self.read_receipts = self.read_receipts, []
        for i, wamid in enumerate(pending):
            try:
                self.client.mark_read(wamid)
            except (RelayUnreachable, RelayBusy):
                with self._lock:
                    self.read_receipts[:0] = pending[i:]
                return
            except RelayError as exc:
                log.info("read receipt not sent: %s", exc)

    def _job(self, message_id: int) -> _Job | None:
        with self.db.read() as s:
            m = s.get(Message, message_id)
            if m is None or m.status != MessageStatus.PENDING or not m.client_id:
                return None
            contact = s.get(Contact, m.contact_id)
            to = (contact.wa_id or contact.user_id or "") if contact else ""
            body = dict(m.payload or {"type": "text", "text": {"body": m.body}})
            body["messaging_product"] = "whatsapp"
            body["to"] = to
            if m.phone_number_id:
                # From the number the reply box said when the owner wrote it (the customer's last then):
                # the relay's default is her last number by the time it sends, and she may have written
                # to the shop's other number since, so the reply would go from a number nobody saw.
                body["from"] = m.phone_number_id
            upload = None
            media = s.scalars(select(Media).where(Media.message_id == m.id)).first()
            kind = str(body.get("type") or m.kind)
            if media is not None and kind in MEDIA_KINDS:
                part = dict(body.get(kind) or {})
                if media.relay_media_id:
                    part["id"] = media.relay_media_id
                    part.pop("link", None)
                    body[kind] = part
                elif media.cache_path and "link" not in part:
                    # A sent copy is stored relative to the media folder; an older message's path is whole.
                    stored = Path(media.cache_path)
                    upload = (media.id, self.media_dir / stored if self.media_dir else stored, media.mime)
            return _Job(m.id, m.client_id, m.contact_id, body, upload)

    def send(self, job: _Job) -> float | None:
        """One attempt. None when the message reached a final state; else seconds until a retry."""
        first = Waiting.UPLOADING if job.upload is not None else Waiting.SENDING
        if not self._mark(job, first, claim=True):
            self.reasons.pop(job.message_id, None)
            return None  # cancelled (or retried under a new key) since it was read: nothing to post
        posted = False
        try:
            if job.upload is not None:
                if self.reasons.get(job.message_id) != (first, None):
                    self.reasons[job.message_id] = (first, None)
                    self._changed(job.contact_id)  # its menu offers to cancel while the file goes up
                self._upload(job)
                # Cancelled while its file went up (the cancel and this mark share the write lock):
                # the message itself was never posted.
                if not self._mark(job, Waiting.SENDING, claim=True):
                    self.reasons.pop(job.message_id, None)
                    return None
            posted = True
            result = self.client.send_message(job.body, job.client_id, timeout=self.send_timeout)
        except SendRefused as exc:
            self._relay_answered()
            if isinstance(exc.params, RefusalParams) and exc.params.graph_code is not None:
                self._graph_down(False)  # WhatsApp itself answered
            self._save(job, status=MessageStatus.FAILED, **failure_columns(exc))
            return None
        except Unauthorised:
            self._mark(job, None)  # refused at the door: the relay never took it
            raise
        except (RelayUnreachable, RelayBusy) as exc:
            if isinstance(exc, RelayBusy):
                self._relay_answered()  # busy, or cut off from WhatsApp, but there
            reason = waiting_reason(exc, posted=posted)
            cause = waiting_cause(exc, reason)
            self._mark(job, reason, cause)
            if reason in (Waiting.GRAPH_UNREACHABLE, Waiting.GRAPH_BUSY):
                self._graph_down(reason is Waiting.GRAPH_UNREACHABLE)
            if self.reasons.get(job.message_id) != (reason, cause):
                self.reasons[job.message_id] = (reason, cause)
                self._changed(job.contact_id)  # the bubble's tooltip and menu say the new reason
            attempts = self.attempts.get(job.contact_id, 0) + 1
            self.attempts[job.contact_id] = attempts
            delay = backoff_delay(attempts, base=self.retry_base, cap=self.retry_cap)
            self.not_before[job.contact_id] = time.monotonic() + delay
            log.info(
                "message %d not sent yet (%s); retry in %.1f s", job.message_id, type(exc).__name__, delay
            )
            return delay
        except UploadWithdrawn:
            # Quitting, it stays pending, marked as uploading (it may still be cancelled, and goes
            # next start): nothing is written here, the inbox file may be closing.
            self.reasons.pop(job.message_id, None)
            log.info("message %d: its file's upload stopped (cancelled, or quitting)", job.message_id)
            return None
        except OSError as exc:
            log.info("message %d not sent: its file cannot be read (%s)", job.message_id, type(exc).__name__)
            self._save(job, status=MessageStatus.FAILED, error_code=ErrorCode.FILE_UNREADABLE)
            return None
        self._relay_answered()
        self.attempts.pop(job.contact_id, None)
        self.not_before.pop(job.contact_id, None)
        self.reasons.pop(job.message_id, None)
        self._graph_down(False)
        if result.status == "unknown" or not result.wamid:
            self._save(job, status=MessageStatus.FAILED, error_code=UNKNOWN_OUTCOME)
        else:
            # When it went, as the relay's rules count the owner's reply; an older relay says no
            # time: about now, by the relay's clock as this computer knows it.
            self._save(
                job,
                status=MessageStatus.SENT,
                wamid=result.wamid,
                relayed_at=result.sent_at,
                answered_at=relay_clock.now(),
            )
        return None

    def _mark(
        self, job: _Job, reason: Waiting | None, cause: str | None = None, *, claim: bool = False
    ) -> bool:
        """Say why a still-pending message waits (and the relay's `cause`, for RELAY_STORAGE); False
        when it is no longer pending under this key.

        A file that takes no writes does not hold a send up: a cancel cannot be written either, and
        should one land between this and the post, the relay's outbound event brings the message back.
        """
        try:
            with self.db.write() as s:
                done = s.execute(
                    update(Message)
                    .where(
                        Message.id == job.message_id,
                        Message.client_id == job.client_id,
                        Message.status == MessageStatus.PENDING,
                    )
                    .values(error_code=reason, error_text=cause)
                )
                marked = done.rowcount == 1  # type: ignore[attr-defined]  # an UPDATE: a CursorResult
        except Exception as exc:
            if not is_storage_failure(exc):
                raise
            log.info("message %d: why it waits not saved (%s)", job.message_id, type(exc).__name__)
            return True
        if not marked and claim:
            log.info("message %d is no longer waiting (cancelled or retried); not posted", job.message_id)
        return marked

    def _relay_answered(self) -> None:
        if self.on_relay_answered is not None:
            try:
                self.on_relay_answered()
            except Exception:
                log.exception("relay-answered callback failed")

    def _graph_down(self, down: bool) -> None:
        if down == self.graph_down:
            return
        self.graph_down = down
        log.info("relay %s WhatsApp", "cannot reach" if down else "reaches")
        if self.on_graph_down is not None:
            try:
                self.on_graph_down(down)
            except Exception:
                log.exception("graph-reachability callback failed")

    def _changed(self, contact_id: int) -> None:
        try:
            self.on_changed({contact_id})
        except Exception:
            log.exception("changed-conversations callback failed")

    def _save(self, job: _Job, **outcome: Any) -> None:
        """Save what a send came to; kept for `run_once` to save again when the file takes no writes."""
        try:
            self._finish(job, **outcome)
        except Exception as exc:
            if is_storage_failure(exc):
                self._unsaved = (job, outcome)
            raise

    def _upload(self, job: _Job) -> None:
        assert job.upload is not None
        media_row, path, mime = job.upload
        checked = time.monotonic()

        def still_wanted(sent: int, total: int) -> None:
            nonlocal checked
            if self.stop.is_set():
                raise UploadWithdrawn()
            if time.monotonic() - checked < UPLOAD_CHECK:
                return
            checked = time.monotonic()
            if not self._still_pending(job):
                raise UploadWithdrawn()

        try:
            uploaded = self.client.upload_media(path, mime, on_progress=still_wanted)
        except FileNotFoundError as exc:
            raise SendRefused(ErrorCode.FILE_GONE, FileParams(path.name)) from exc
        with self.db.write() as s:
            s.execute(update(Media).where(Media.id == media_row).values(relay_media_id=uploaded.id))
        kind = str(job.body.get("type"))
        part = dict(job.body.get(kind) or {})
        part["id"] = uploaded.id
        job.body[kind] = part
        job.upload = None

    def _still_pending(self, job: _Job) -> bool:
        with self.db.read() as s:
            found = s.scalar(
                select(Message.id).where(
                    Message.id == job.message_id,
                    Message.client_id == job.client_id,
                    Message.status == MessageStatus.PENDING,
                )
            )
        return found is not None

    def _finish(
        self,
        job: _Job,
        *,
        status: str,
        wamid: str | None = None,
        relayed_at: datetime | None = None,
        answered_at: datetime | None = None,
        **errors: Any,
    ) -> None:
        with self.db.write() as s:
            m = s.get(Message, job.message_id)
            if m is None or m.client_id != job.client_id:
                return  # deleted or retried meanwhile; the relay's outbound event tells the truth
            # The relay's own word first; the outbound event's time (synced meanwhile) before a guess.
            m.relayed_at = relayed_at or m.relayed_at or answered_at
            if wamid:
                taken = s.scalar(select(Message.id).where(Message.wamid == wamid, Message.id != m.id))
                if taken is None and not m.wamid:
                    m.wamid = wamid
            if m.status in (MessageStatus.PENDING,) or (
                m.status == MessageStatus.FAILED
                and m.error_code == UNKNOWN_OUTCOME
                and status == MessageStatus.SENT
            ):
                m.status = status
                m.error_code = errors.get("error_code")
                m.error_text = errors.get("error_text")
            s.flush()
            if wamid:
                from app.models import OrphanStatus

                orphan = s.get(OrphanStatus, wamid)
                if orphan is not None:
                    apply_status(s, wamid, orphan.payload or {"status": orphan.status})
                    s.delete(orphan)
            contact_id = m.contact_id
        try:
            self.on_changed({contact_id})
        except Exception:
            log.exception("changed-conversations callback failed")
