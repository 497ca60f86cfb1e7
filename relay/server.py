"""The relay's ASGI app: webhook in, long-poll events out, idempotent sends, media, automations."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import re
import secrets
import threading
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Header, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from pydantic import ValidationError

from app.rules import ContactState, replies_for_inbound
from app.wire import Automations, KnownContacts
from relay import log_redaction
from relay.limits import MEDIA_LIMITS, LimitError, media_family, needs_open_window, validate_send
from relay.settings import RelaySettings
from relay.store import IntakeRows, NewEvent, Store, dt_to_ms
from relay.upstream import GraphError, Upstream
from relay.wakeups import SETTINGS, listen
from relay.webhook import Inbound, Intake, MalformedWebhook, parse_webhook, signature_ok

log = logging.getLogger(__name__)

WINDOW = timedelta(hours=24)
MAX_WAIT = 55.0  # below a reverse proxy's 60 s read timeout
MEDIA_ATTEMPTS = 8
_SAFE_ID = re.compile(r"[^A-Za-z0-9._-]")


def relay_version() -> str:
    try:
        return version("shop-inbox")
    except PackageNotFoundError:
        return "0+unknown"


def error(
    status: int, code: str, message: str, *, graph_code: int | None = None, retryable: bool = False
) -> JSONResponse:
    body = {"error": {"code": code, "message": message, "graph_code": graph_code, "retryable": retryable}}
    return JSONResponse(body, status_code=status)


def make_upstream(settings: RelaySettings) -> Upstream:
    if settings.upstream == "sandbox":
        from relay.sandbox import SandboxUpstream

        return SandboxUpstream(
            phone_number_id=settings.phone_number_id or "100000000000001",
            seed=settings.sandbox_seed,
            speed=settings.sandbox_speed,
        )
    from relay.graph import GraphUpstream

    return GraphUpstream(settings.graph_url, settings.access_token, settings.waba_id, settings.graph_timeout)


class Relay:
    """The relay's state and behaviour; the FastAPI routes below are thin."""

    def __init__(self, settings: RelaySettings, upstream: Upstream | None = None) -> None:
        self.settings = settings
        self.store = Store(settings.database_url, sqlite_synchronous=settings.sqlite_synchronous)
        self.upstream = upstream or make_upstream(settings)
        self.token = settings.client_token or self.store.client_token()
        self.media_dir = settings.resolved_media_dir()
        self.media_dir.mkdir(parents=True, exist_ok=True)
        self.version = 0
        self.condition: asyncio.Condition | None = None
        self.tasks: set[asyncio.Task[Any]] = set()
        self.contact_locks: dict[str, tuple[asyncio.Lock, int]] = {}
        self.media_wakeup: asyncio.Event | None = None
        self.templates_cache: tuple[float, list[dict[str, Any]]] | None = None
        self.automations_cache: Automations | None = None
        self.intake_queue: list[tuple[IntakeRows, asyncio.Future[Any]]] = []
        self.intake_writer: asyncio.Task[Any] | None = None
        # Set once this worker hears other workers' commits (PostgreSQL LISTEN/NOTIFY).
        self.peers_listening = threading.Event()
        # The automations' and the window's "now" (tests pin it to cross a DST change).
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)

    # ------------------------------------------------------------------ lifetime
    async def start(self) -> None:
        self.condition = asyncio.Condition()
        self.media_wakeup = asyncio.Event()
        stale = await run_in_threadpool(self.store.fail_stale_in_flight)
        if stale:
            log.warning("%d sends were in flight when the relay stopped; marked unknown", stale)
        self.spawn(self._media_worker())
        self.spawn(self._pruner())
        if not self.store.is_sqlite:
            self.spawn(
                listen(self.settings.database_url, self._on_notice, on_listening=self.peers_listening.set)
            )
        await self.upstream.start(self.ingest)
        log.info("relay started (upstream %s)", self.upstream.name)

    async def stop(self) -> None:
        with contextlib.suppress(Exception):
            await self.upstream.stop()
        for task in list(self.tasks):
            task.cancel()
        for task in list(self.tasks):
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        await run_in_threadpool(self.store.close)

    def spawn(self, coro: Any) -> asyncio.Task[Any]:
        task = asyncio.get_running_loop().create_task(coro)
        self.tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        self.tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("background task failed", exc_info=task.exception())

    async def notify(self) -> None:
        assert self.condition is not None
        async with self.condition:
            self.version += 1
            self.condition.notify_all()

    async def _on_notice(self, payload: str) -> None:
        """Another relay worker on the same PostgreSQL committed something."""
        if payload == SETTINGS:
            self.automations_cache = None
        await self.notify()

    # ------------------------------------------------------------------ intake
    async def ingest(self, payload: dict[str, Any], intake: Intake | None = None) -> None:
        """Store a webhook payload's events (raises on storage failure), then react to them.

        The Upstream protocol's `ingest` (the sandbox calls it with the payload alone).
        """
        intake = intake if intake is not None else parse_webhook(payload)
        now = int(time.time())
        rows = IntakeRows(
            events=intake.events,
            media=intake.media,
            inbound=[
                (i.wa_id, (i.timestamp or now) * 1000, i.profile_name, i.phone_number_id)
                for i in intake.inbound
            ],
            touches=intake.touches,
            number_changes=[
                (c.old_wa_id, c.new_wa_id, c.phone_number_id, c.message_id) for c in intake.number_changes
            ],
        )
        seqs, befores = await self.commit_intake(rows)
        if not seqs:
            log.info("webhook redelivered: events=0 duplicates=%d", len(rows.events))
            return  # a redelivery: nothing new, nothing to answer
        kinds = Counter(e.kind for e in rows.events)
        log.info(
            "webhook stored: events=%d seq=%d-%d %s",
            len(seqs),
            min(seqs),
            max(seqs),
            " ".join(f"{kind}={n}" for kind, n in sorted(kinds.items())),
        )
        await self.notify()
        if intake.media and self.media_wakeup is not None:
            self.media_wakeup.set()
        doc = await self.automations()
        if not (doc.greeting.enabled or doc.away.enabled):
            return
        seen: set[str] = set()
        for item in intake.inbound:
            if item.wa_id in seen:
                continue  # one answer per customer per webhook
            seen.add(item.wa_id)
            self.spawn(self._automate(item, befores.get(item.wa_id)))

    async def commit_intake(self, rows: IntakeRows) -> Any:
        """Group commit: webhooks arriving together share one transaction; each waits for it."""
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self.intake_queue.append((rows, future))
        if self.intake_writer is None or self.intake_writer.done():
            self.intake_writer = self.spawn(self._write_intake())
        return await future

    async def _write_intake(self) -> None:
        while self.intake_queue:
            batch, self.intake_queue = self.intake_queue[:64], self.intake_queue[64:]
            try:
                results = await run_in_threadpool(self.store.ingest_many, [item for item, _ in batch])
            except Exception as exc:
                for _, future in batch:
                    if not future.done():
                        future.set_exception(exc)
                continue
            for (_, future), result in zip(batch, results, strict=True):
                if not future.done():
                    future.set_result(result)

    async def automations(self) -> Automations:
        """The rules document, cached in memory (a PUT here or a NOTIFY from another worker drops it)."""
        if self.automations_cache is None:
            raw = await run_in_threadpool(self.store.automations)
            self.automations_cache = Automations.model_validate(raw or {})
        return self.automations_cache

    async def _automate(self, inbound: Inbound, before: Any) -> None:
        """One customer's automations at a time: in this process, and across workers on PostgreSQL
        (two messages landing on two workers must not both send the away message)."""
        wa_id = inbound.wa_id
        lock, users = self.contact_locks.get(wa_id, (asyncio.Lock(), 0))
        self.contact_locks[wa_id] = (lock, users + 1)
        try:
            async with lock:
                held = await run_in_threadpool(self.store.lock_contact, wa_id)
                try:
                    await self._automate_locked(inbound, before)
                finally:
                    await run_in_threadpool(self.store.unlock_contact, held, wa_id)
        finally:
            lock, users = self.contact_locks[wa_id]
            if users <= 1:
                del self.contact_locks[wa_id]  # no one else waits: keep the table small
            else:
                self.contact_locks[wa_id] = (lock, users - 1)

    async def _automate_locked(self, inbound: Inbound, before: Any) -> None:
        doc = await self.automations()
        current = await run_in_threadpool(self.store.contact, inbound.wa_id)
        state = ContactState(
            wa_id=inbound.wa_id,
            last_inbound_at=before.last_inbound_at if before else None,
            last_outbound_at=current.last_outbound_at if current else None,
            last_owner_reply_at=current.last_owner_reply_at if current else None,
            last_away_sent_at=current.last_away_sent_at if current else None,
            known_contact=bool(current and current.known),
        )
        now = self.clock()
        replies = replies_for_inbound(doc, state, now, contact_name=inbound.profile_name)
        stamp = inbound.timestamp or int(now.timestamp())
        for reply in replies:
            body = {"to": inbound.wa_id, "type": "text", "text": {"body": reply.text}}
            key = f"auto:{reply.sent_by}:{inbound.wa_id}:{stamp}"
            status, _answer = await self.send(body, key, sent_by=reply.sent_by, client_id=None)
            if status == 200 and reply.sent_by == "away":
                await run_in_threadpool(
                    self.store.touch_contact, inbound.wa_id, last_away_sent_ms=dt_to_ms(now)
                )

    # ------------------------------------------------------------------ sending
    async def send(
        self, body: dict[str, Any], key: str, *, sent_by: str = "owner", client_id: str | None
    ) -> tuple[int, dict[str, Any]]:
        """Validate, reserve the key, call Graph (retrying only what was not processed)."""
        try:
            validate_send(body)
        except LimitError as exc:
            return 400, {"error": {"code": "invalid", "message": str(exc), "retryable": False}}
        state, stored_status, stored = await run_in_threadpool(self.store.reserve_key, key)
        if state == "done":
            return int(stored_status or 200), json.loads(stored or "{}")
        if state == "in_flight":
            return 409, {
                "error": {
                    "code": "in_flight",
                    "message": "This message is being sent right now.",
                    "retryable": True,
                }
            }
        to = re.sub(r"\D", "", str(body.get("to", "")))
        contact = await run_in_threadpool(self.store.contact, to)
        if needs_open_window(body):
            last_in = contact.last_inbound_at if contact else None
            if last_in is None or self.clock() - last_in > WINDOW:
                answer: dict[str, Any] = {
                    "error": {
                        "code": "outside_window",
                        "message": "More than 24 hours have passed since the customer last wrote. "
                        "Only an approved template can be sent now.",
                        "graph_code": 131047,
                        "retryable": False,
                    }
                }
                await run_in_threadpool(self.store.finish_key, key, 422, answer, [])
                return 422, answer
        phone_number_id = str(
            body.pop("from", "")
            or (contact.phone_number_id if contact else "")
            or self.settings.phone_number_id
        )
        graph_body = dict(body)
        graph_body["to"] = to
        if client_id and len(client_id) <= 512:
            graph_body.setdefault("biz_opaque_callback_data", client_id)
        try:
            wamid = await self._send_with_retries(phone_number_id, graph_body)
        except GraphError as exc:
            log.info(
                "send failed: sent_by=%s http=%s graph_code=%s retryable=%s unknown=%s",
                sent_by,
                exc.http_status,
                exc.code,
                exc.retryable,
                exc.unknown,
            )
            if exc.unknown:
                answer = {"client_id": client_id or key, "wamid": None, "status": "unknown"}
                outbound = self._outbound_event(client_id, None, to, sent_by, graph_body, phone_number_id)
                await run_in_threadpool(self.store.finish_key, key, 200, answer, [outbound])
                await self.notify()
                return 200, answer
            if exc.retryable:
                # Nothing final: store nothing, so the client's retry with the same key tries again.
                await run_in_threadpool(self.store.release_key, key)
                return 503, {
                    "error": {
                        "code": "graph_busy",
                        "message": "WhatsApp is busy; the message will be retried.",
                        "graph_code": exc.code,
                        "retryable": True,
                    }
                }
            status = 422 if exc.http_status < 500 else 502
            answer = {
                "error": {
                    "code": "graph_error",
                    "message": exc.sentence(),
                    "graph_code": exc.code,
                    "retryable": False,
                }
            }
            await run_in_threadpool(self.store.finish_key, key, status, answer, [])
            return status, answer
        log.info("sent: sent_by=%s type=%s wamid=%s", sent_by, graph_body.get("type", "text"), wamid)
        answer = {"client_id": client_id or key, "wamid": wamid, "status": "sent"}
        outbound = self._outbound_event(client_id, wamid, to, sent_by, graph_body, phone_number_id)
        await run_in_threadpool(self.store.finish_key, key, 200, answer, [outbound])
        now_ms = dt_to_ms(self.clock())
        await run_in_threadpool(
            self.store.touch_contact,
            to,
            last_outbound_ms=now_ms,
            last_owner_reply_ms=now_ms if sent_by == "owner" else None,
        )
        await self.notify()
        return 200, answer

    def _outbound_event(
        self, client_id: str | None, wamid: str | None, to: str, sent_by: str, body: dict[str, Any], pnid: str
    ) -> NewEvent:
        payload = {"client_id": client_id, "wamid": wamid, "to": to, "sent_by": sent_by, "body": body}
        return NewEvent("outbound", payload, pnid, f"m:{wamid}" if wamid else None)

    async def _send_with_retries(self, phone_number_id: str, body: dict[str, Any]) -> str:
        attempts = max(1, self.settings.send_attempts)
        for attempt in range(attempts):
            try:
                return await self.upstream.send_message(phone_number_id, body)
            except GraphError as exc:
                if not exc.retryable or attempt == attempts - 1:
                    raise
                delay = self.settings.retry_base_delay * (2**attempt) * (0.5 + secrets.randbelow(1000) / 1000)
                log.info("graph busy (code %s); retrying in %.1f s", exc.code, delay)
                await asyncio.sleep(delay)
        raise AssertionError("unreachable")

    # ------------------------------------------------------------------ media
    def media_path(self, media_id: str) -> Path:
        return self.media_dir / _SAFE_ID.sub("_", media_id)

    async def fetch_media_now(self, media_id: str) -> bool:
        row = await run_in_threadpool(self.store.media_row, media_id)
        if row is not None and row.state == "ready" and self.media_path(media_id).exists():
            return True
        try:
            data, mime = await self.upstream.fetch_media(media_id)
        except GraphError as exc:
            attempts = (row.attempts if row is not None else 0) + 1
            state = "failed" if attempts >= MEDIA_ATTEMPTS or not exc.transient else "pending"
            if row is not None:
                await run_in_threadpool(
                    self.store.mark_media, media_id, attempts=attempts, state=state, error=exc.message
                )
            log.warning("media %s fetch failed (%s), attempt %d", media_id, exc.message, attempts)
            return False
        path = self.media_path(media_id)
        # A unique partial name: two workers fetching the same file never write into each other's.
        partial = path.with_name(f"{path.name}.{secrets.token_hex(4)}.part")
        await run_in_threadpool(partial.write_bytes, data)
        partial.replace(path)
        digest = hashlib.sha256(data).hexdigest()
        filename = row.filename if row is not None else None
        await run_in_threadpool(
            self.store.add_ready_media,
            media_id,
            mime or (row.mime if row else "") or "application/octet-stream",
            len(data),
            digest,
            filename,
        )
        return True

    async def _media_worker(self) -> None:
        assert self.media_wakeup is not None
        while True:
            pending = await run_in_threadpool(self.store.pending_media)
            for media_id in pending:
                await self.fetch_media_now(media_id)
            self.media_wakeup.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.media_wakeup.wait(), timeout=10 if pending else 60)

    async def _pruner(self) -> None:
        retention = timedelta(days=self.settings.retention_days)
        while True:
            removed = await run_in_threadpool(self.store.prune, retention)
            if removed:
                log.info("pruned %d events older than %s", removed, retention)
            await asyncio.sleep(3600)

    # ------------------------------------------------------------------ events
    async def wait_for_events(self, after: int, wait: float, limit: int) -> list[dict[str, Any]]:
        assert self.condition is not None
        deadline = time.monotonic() + wait
        while True:
            seen = self.version

            def changed(seen: int = seen) -> bool:
                return self.version != seen

            found = await run_in_threadpool(self.store.events_after, after, limit)
            remaining = deadline - time.monotonic()
            if found or remaining <= 0:
                return found
            async with self.condition:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.condition.wait_for(changed), remaining)


def app_from_env() -> FastAPI:
    """The relay from the environment alone: `uvicorn --factory relay.server:app_from_env --workers N`."""
    return create_app(RelaySettings.from_env())


def create_app(settings: RelaySettings, upstream: Upstream | None = None) -> FastAPI:
    """The relay as an ASGI app (uvicorn serves it; the demo embeds it)."""
    settings.check()
    log_redaction.install()
    relay = Relay(settings, upstream)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await relay.start()
        try:
            yield
        finally:
            await relay.stop()

    app = FastAPI(title="Shop Inbox relay", version=relay_version(), lifespan=lifespan)
    app.state.relay = relay

    def authorised(authorization: str | None = Header(default=None)) -> None:
        presented = (authorization or "").removeprefix("Bearer ").strip()
        if not presented or not secrets.compare_digest(presented.encode(), relay.token.encode()):
            raise _Unauthorised()

    @app.exception_handler(_Unauthorised)
    async def _unauthorised(_request: Request, _exc: _Unauthorised) -> JSONResponse:
        return error(401, "unauthorised", "The relay token is missing or wrong.")

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok", "version": relay_version(), "upstream": relay.upstream.name}

    @app.get("/webhook")
    async def verify(request: Request) -> Response:
        params = request.query_params
        if params.get("hub.mode") == "subscribe" and secrets.compare_digest(
            params.get("hub.verify_token", ""), settings.verify_token
        ):
            return PlainTextResponse(params.get("hub.challenge", ""))
        return PlainTextResponse("verification failed", status_code=403)

    @app.post("/webhook")
    async def webhook(request: Request) -> Response:
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > settings.max_webhook_bytes:
            return error(413, "too_large", "Webhook body over 1 MB.")
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > settings.max_webhook_bytes:
                return error(413, "too_large", "Webhook body over 1 MB.")
        if not signature_ok(settings.app_secret, body, request.headers.get("x-hub-signature-256")):
            log.warning("webhook with a bad or missing signature refused")
            return error(401, "bad_signature", "Signature check failed.")
        try:
            payload = json.loads(body)
            intake = parse_webhook(payload)
        except (ValueError, MalformedWebhook):
            return error(400, "malformed", "The body is not a WhatsApp webhook.")
        try:
            await relay.ingest(payload, intake)
        except Exception as exc:
            # Only storage can fail here; 503 makes Meta deliver it again.
            log.error("webhook not stored: error=%s", type(exc).__name__, exc_info=exc)
            return error(503, "storage", "The relay could not store this webhook.", retryable=True)
        return PlainTextResponse("ok")

    @app.get("/v1/events", dependencies=[Depends(authorised)])
    async def events(after: int = 0, wait: float = 0, limit: int = 500) -> Response:
        limit = max(1, min(limit, 1000))
        wait = max(0.0, min(wait, MAX_WAIT))
        pruned, first, last = await run_in_threadpool(relay.store.cursor_bounds)
        if 0 < after < pruned:
            return JSONResponse({"error": "history_gap", "oldest_seq": pruned + 1}, status_code=410)
        if after > max(last, pruned):
            # A cursor this relay never handed out: its database was replaced or restored from an
            # older backup. Without this the client would wait forever for seqs that never come.
            oldest = first if first is not None else max(last, pruned) + 1
            body = {"error": "history_gap", "oldest_seq": oldest, "reason": "cursor_ahead"}
            return JSONResponse(body, status_code=410)
        found = await relay.wait_for_events(max(after, 0), wait, limit)
        next_seq = found[-1]["seq"] if found else max(after, 0)
        return JSONResponse({"events": found, "next": next_seq})

    @app.post("/v1/messages", dependencies=[Depends(authorised)])
    async def send(request: Request, idempotency_key: str | None = Header(default=None)) -> Response:
        if not idempotency_key or len(idempotency_key) > 200:
            return error(400, "invalid", "An Idempotency-Key header (up to 200 characters) is required.")
        try:
            body = await request.json()
        except ValueError:
            return error(400, "invalid", "The body is not JSON.")
        if not isinstance(body, dict):
            return error(400, "invalid", "The message must be a JSON object.")
        status, answer = await relay.send(body, idempotency_key, sent_by="owner", client_id=idempotency_key)
        return JSONResponse(answer, status_code=status)

    @app.post("/v1/messages/{wamid}/read", dependencies=[Depends(authorised)])
    async def mark_read(wamid: str) -> Response:
        received_on = await run_in_threadpool(relay.store.phone_number_of_message, wamid)
        try:
            await relay.upstream.mark_read(received_on or settings.phone_number_id, wamid)
        except GraphError as exc:
            return error(
                502 if exc.transient else 422,
                "graph_error",
                exc.sentence(),
                graph_code=exc.code,
                retryable=exc.transient,
            )
        return JSONResponse({"ok": True})

    @app.get("/v1/templates", dependencies=[Depends(authorised)])
    async def templates() -> Response:
        cached = relay.templates_cache
        if cached is None or time.monotonic() - cached[0] > 600:
            try:
                raw = await relay.upstream.list_templates()
            except GraphError as exc:
                return error(
                    502 if exc.transient else 422, "graph_error", exc.sentence(), graph_code=exc.code
                )
            relay.templates_cache = cached = (time.monotonic(), raw)
        return JSONResponse(
            {
                "templates": [
                    template_summary(t) for t in cached[1] if t.get("status", "APPROVED") == "APPROVED"
                ]
            }
        )

    @app.post("/v1/media", dependencies=[Depends(authorised)])
    async def upload(request: Request) -> Response:
        mime = request.headers.get("content-type", "application/octet-stream").split(";")[0].strip()
        filename = request.headers.get("x-filename")
        limit = MEDIA_LIMITS[media_family(mime)]
        data = b""
        async for chunk in request.stream():
            data += chunk
            if len(data) > limit:
                return error(
                    413,
                    "too_large",
                    f"WhatsApp accepts {media_family(mime)} files up to {limit // (1024 * 1024) or 0.5} MB.",
                )
        if not data:
            return error(400, "invalid", "The upload is empty.")
        try:
            media_id = await relay.upstream.upload_media(settings.phone_number_id, data, mime, filename)
        except GraphError as exc:
            return error(
                502 if exc.transient else 422,
                "graph_error",
                exc.sentence(),
                graph_code=exc.code,
                retryable=exc.transient,
            )
        path = relay.media_path(media_id)
        await run_in_threadpool(path.write_bytes, data)
        digest = hashlib.sha256(data).hexdigest()
        await run_in_threadpool(relay.store.add_ready_media, media_id, mime, len(data), digest, filename)
        return JSONResponse({"id": media_id, "mime_type": mime, "size": len(data), "sha256": digest})

    @app.get("/v1/media/{media_id}", dependencies=[Depends(authorised)])
    async def download(media_id: str) -> Response:
        row = await run_in_threadpool(relay.store.media_row, media_id)
        if row is None:
            return error(404, "not_found", "No such media.")
        if not await relay.fetch_media_now(media_id):
            return error(
                502, "media_unavailable", "WhatsApp did not hand over this file (yet).", retryable=True
            )
        row = await run_in_threadpool(relay.store.media_row, media_id)
        return FileResponse(
            relay.media_path(media_id),
            media_type=row.mime or "application/octet-stream",
            headers={"X-SHA256": row.sha256 or ""},
        )

    @app.get("/v1/automations", dependencies=[Depends(authorised)])
    async def get_automations() -> Response:
        raw = await run_in_threadpool(relay.store.automations)
        doc = Automations.model_validate(raw or {})
        return JSONResponse(doc.model_dump(mode="json"), headers={"ETag": str(doc.revision)})

    @app.put("/v1/automations", dependencies=[Depends(authorised)])
    async def put_automations(request: Request, if_match: str | None = Header(default=None)) -> Response:
        if if_match is None or not if_match.strip('"').isdigit():
            return error(428, "if_match_required", "Send If-Match with the revision you edited.")
        try:
            doc = Automations.model_validate(await request.json())
        except (ValueError, ValidationError) as exc:
            return error(400, "invalid", f"The automations document is not valid: {exc}")
        stored = await run_in_threadpool(
            relay.store.put_automations, doc.model_dump(mode="json"), int(if_match.strip('"'))
        )
        if stored is None:
            raw = await run_in_threadpool(relay.store.automations)
            current = Automations.model_validate(raw or {})
            return JSONResponse(
                {
                    "error": {
                        "code": "stale_revision",
                        "message": "Another computer changed these settings.",
                        "retryable": False,
                    },
                    "current": current.model_dump(mode="json"),
                },
                status_code=412,
            )
        relay.automations_cache = None
        await relay.notify()
        return JSONResponse(stored, headers={"ETag": str(stored["revision"])})

    @app.post("/v1/contacts/known", dependencies=[Depends(authorised)])
    async def known(payload: KnownContacts) -> Response:
        wa_ids = [re.sub(r"\D", "", w) for w in payload.wa_ids if re.sub(r"\D", "", w)]
        count = await run_in_threadpool(relay.store.mark_known, wa_ids)
        return JSONResponse({"known": count})

    return app


class _Unauthorised(Exception):
    pass


_PARAM = re.compile(r"\{\{(\d+)\}\}")


def template_summary(template: dict[str, Any]) -> dict[str, Any]:
    """Graph's template object plus the {{n}} parameters each component needs."""
    parameters = []
    for component in template.get("components") or []:
        kind = str(component.get("type", "")).lower()
        examples = ((component.get("example") or {}).get("body_text") or [[]])[0] if kind == "body" else []
        for match in _PARAM.finditer(str(component.get("text") or "")):
            index = int(match.group(1))
            example = examples[index - 1] if 0 < index <= len(examples) else None
            parameters.append({"component": kind, "index": index, "example": example})
    return {
        "name": template.get("name"),
        "language": template.get("language"),
        "category": template.get("category", "UTILITY"),
        "status": template.get("status", "APPROVED"),
        "components": template.get("components") or [],
        "parameters": parameters,
    }
