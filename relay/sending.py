"""Outbound sends: validated, reserved under the Idempotency-Key, retried only where Graph says so."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
import secrets
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.concurrency import run_in_threadpool
from sqlalchemy.engine import Connection

from app.wire import SANDBOX_PHONE_NUMBER_ID, RelayErrorCode, SendResult
from relay.errors import error_body
from relay.events import EventFeed
from relay.limits import LimitError, needs_open_window, validate_send
from relay.log_redaction import reference
from relay.settings import RelaySettings
from relay.storage.send_keys import SendOwner
from relay.store import ContactRow, NewEvent, Store
from relay.upstream import (
    OUTSIDE_WINDOW_CODE,
    OUTSIDE_WINDOW_SENTENCE,
    TOKEN_REFUSED_CODE,
    Accepted,
    GraphError,
    Upstream,
)

log = logging.getLogger(__name__)

# A caller's writes that commit with Graph's accepting answer: (the transaction, the answer).
OnSent = Callable[[Connection, dict[str, Any]], None]

WINDOW = timedelta(hours=24)


class Sender:
    """Sends through the upstream once per Idempotency-Key and records the `outbound` event."""

    def __init__(
        self,
        settings: RelaySettings,
        store: Store,
        upstream: Upstream,
        feed: EventFeed,
        clock: Callable[[], datetime],
        owner: SendOwner,
    ) -> None:
        self.settings = settings
        self.owner = owner
        self.lease_ms = int(settings.send_lease * 1000)
        self.store = store
        self.upstream = upstream
        self.feed = feed
        self.clock = clock

    async def send(
        self,
        body: dict[str, Any],
        key: str,
        *,
        sent_by: str = "owner",
        client_id: str | None,
        campaign_id: str | None = None,
    ) -> tuple[int, dict[str, Any]]:
        """Validate, reserve the key, call Graph (retrying only what was not processed)."""
        try:
            validate_send(body)
        except LimitError as exc:
            return 400, error_body(RelayErrorCode.INVALID, str(exc))
        chosen = body.get("from")
        if chosen and not await run_in_threadpool(self.serves_number, str(chosen)):
            # Graph would refuse it, or worse send from another account's number: refused here,
            # before the key is reserved, so nothing is stored and nothing reaches Graph.
            return 422, unknown_number(str(chosen))
        state, stored_status, stored = await run_in_threadpool(
            self.store.sends.reserve, key, self.owner, self.lease_ms
        )
        if state == "done":
            return int(stored_status or 200), json.loads(stored or "{}")
        if state == "in_flight":
            return 409, error_body(
                RelayErrorCode.IN_FLIGHT, "This message is being sent right now.", retryable=True
            )
        async with self._leased(key):
            contact = await run_in_threadpool(self.store.contacts.get, recipient_of(body))
            return await self._send_reserved(body, key, sent_by, client_id, campaign_id, contact, None)

    async def send_reserved(
        self,
        body: dict[str, Any],
        key: str,
        contact: ContactRow | None,
        *,
        sent_by: str,
        client_id: str | None,
        campaign_id: str | None = None,
        on_sent: OnSent | None = None,
    ) -> tuple[int, dict[str, Any]]:
        """Send a validated body under a key the caller reserved in its own transaction, with the
        customer's row it read there (a campaign: one round trip before the send instead of four).
        `on_sent(conn, answer)` runs in the transaction that stores Graph's accepting answer."""
        async with self._leased(key):
            return await self._send_reserved(body, key, sent_by, client_id, campaign_id, contact, on_sent)

    async def _send_reserved(
        self,
        body: dict[str, Any],
        key: str,
        sent_by: str,
        client_id: str | None,
        campaign_id: str | None,
        contact: ContactRow | None,
        on_sent: OnSent | None,
    ) -> tuple[int, dict[str, Any]]:
        to = recipient_of(body)
        phone_number_id = self.sending_number(str(body.pop("from", "") or ""), contact)
        if needs_open_window(body) and self.window_closed(contact, phone_number_id):
            return await self._outside_window(key)
        graph_body = dict(body)
        graph_body["to"] = to
        if client_id and len(client_id) <= 512:
            graph_body.setdefault("biz_opaque_callback_data", client_id)
        try:
            accepted = await self._send_with_retries(phone_number_id, graph_body)
        except GraphError as exc:
            return await self._failed(
                exc, key, client_id, to, sent_by, graph_body, phone_number_id, campaign_id, contact
            )
        wamid = accepted.wamid
        kind = graph_body.get("type", "text")
        # A wamid encodes the customer's phone number: INFO names it by reference only.
        log.info(
            "sent: sent_by=%s type=%s wamid_ref=%s held=%s", sent_by, kind, reference(wamid), accepted.held
        )
        log.debug("sent: wamid_ref=%s wamid=%s", reference(wamid), wamid)
        now_ms = int(self.clock().timestamp() * 1000)
        # The moment the owner's reply counts from here (last_owner_reply_ms): the desktop's "Resume
        # bot" counts from it too, not from when she pressed send (it may have waited offline).
        answer = SendResult(
            client_id=client_id or key,
            wamid=wamid,
            status="sent",
            held=accepted.held,
            sent_at=datetime.fromtimestamp(now_ms / 1000, UTC),
        ).model_dump(mode="json")
        outbound = outbound_event(client_id, wamid, to, sent_by, graph_body, phone_number_id, campaign_id)
        touched = {"last_outbound_ms": now_ms, "last_owner_reply_ms": now_ms if sent_by == "owner" else None}

        def also(conn: Connection) -> None:
            # The customer's rule inputs and the caller's record commit with the answer: one round trip.
            self.store.contacts.touch_in(conn, to, **touched)
            self.store.number_replies.sent_in(conn, to, phone_number_id, now_ms)
            if on_sent is not None:
                on_sent(conn, answer)

        await run_in_threadpool(self.store.sends.finish, key, 200, answer, [outbound], also)
        if campaign_id is None:  # a campaign reserved its place in the ledger before sending
            await self._count_in_ledger(graph_body, to, contact, phone_number_id)
        await self.feed.notify()
        return 200, answer

    def sending_number(self, chosen: str, contact: ContactRow | None) -> str:
        """The business number a send goes from: the one chosen (`from`), else the one the customer
        last wrote to, else the relay's own (a customer it never heard from)."""
        return chosen or (contact.phone_number_id if contact else "") or self.settings.phone_number_id

    def serves_number(self, phone_number_id: str) -> bool:
        """The business number is one this relay sends from (blocking): its own
        (WHATSAPP_PHONE_NUMBER_ID), the sandbox's, or one its customers wrote to (the account's
        other number, whose webhooks come here). A number of another account would fail at Graph."""
        settings = self.settings
        if phone_number_id == settings.phone_number_id:
            return True
        if settings.upstream == "sandbox":
            from relay.sandbox import sandbox_numbers

            served = sandbox_numbers(
                settings.phone_number_id or SANDBOX_PHONE_NUMBER_ID,
                settings.sandbox_language,
                settings.sandbox_two_numbers,
            )
            if any(pnid == phone_number_id for pnid, _display in served):
                return True
        return self.store.contacts.wrote_to(phone_number_id)

    def window_closed(self, contact: ContactRow | None, phone_number_id: str) -> bool:
        """The relay saw the customer's messages, and none to this business number in 24 hours.

        A customer the relay has no message from (a relay started on an empty database or moved to
        a new host, a customer known only from the desktop's list) may well have written yesterday:
        Graph knows, so the message goes and Graph refuses it (131047) if the window is closed."""
        return window_with(contact, phone_number_id, self.clock()) is False

    async def _outside_window(self, key: str) -> tuple[int, dict[str, Any]]:
        """The one answer for a closed window, whether the relay knew it or Graph said so: final."""
        answer = error_body(
            RelayErrorCode.OUTSIDE_WINDOW, OUTSIDE_WINDOW_SENTENCE, graph_code=OUTSIDE_WINDOW_CODE
        )
        await run_in_threadpool(self.store.sends.finish, key, 422, answer, [])
        return 422, answer

    def window_open(self, contact: ContactRow | None, phone_number_id: str) -> bool:
        """The customer wrote to this business number in the last 24 hours: a template from it
        costs no messaging limit (one from the shop's other number does, as Meta counts it)."""
        return window_with(contact, phone_number_id, self.clock()) is True

    async def _count_in_ledger(
        self, body: dict[str, Any], to: str, contact: ContactRow | None, phone_number_id: str
    ) -> None:
        """A template that went (or may have gone) out to a customer whose window with its number
        is closed counts against the portfolio's messaging limit, whoever sent it (a campaign
        reserved it already)."""
        if body.get("type") == "template" and not self.window_open(contact, phone_number_id):
            await run_in_threadpool(self.store.ledger.record, to, int(self.clock().timestamp() * 1000))

    @contextlib.asynccontextmanager
    async def _leased(self, key: str) -> AsyncIterator[None]:
        """Renew this worker's lease on `key` while the send runs, so no other worker's sweep takes
        a slow send (Graph's retries, a long timeout) for an abandoned one."""

        async def renew_forever() -> None:
            while True:
                await asyncio.sleep(self.settings.send_lease / 3)
                if not await run_in_threadpool(self.store.sends.renew, key, self.owner, self.lease_ms):
                    log.warning("send lease lost: the key was resolved while its send was running")
                    return

        renewal = asyncio.create_task(renew_forever())
        try:
            yield
        finally:
            renewal.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await renewal

    async def _failed(
        self,
        exc: GraphError,
        key: str,
        client_id: str | None,
        to: str,
        sent_by: str,
        graph_body: dict[str, Any],
        phone_number_id: str,
        campaign_id: str | None,
        contact: ContactRow | None,
    ) -> tuple[int, dict[str, Any]]:
        """Graph's error as our answer: unknown (final), busy (nothing stored) or refused (final)."""
        if exc.unreachable:
            # The server's network, DNS or WHATSAPP_GRAPH_URL, not WhatsApp being busy: once per send.
            log.warning(
                "Graph unreachable: %s; send not made: sent_by=%s retryable=%s",
                exc.unreachable,
                sent_by,
                exc.retryable,
            )
        elif exc.code == TOKEN_REFUSED_CODE:
            # Every send fails alike until the admin acts (an expired or revoked token): said at WARNING
            # with the fix, as the check's phone_number line says it, not as one more failed send.
            log.warning(
                "send refused: WhatsApp refused WHATSAPP_ACCESS_TOKEN (Graph 190: expired or revoked); "
                "generate a new system-user token in Meta Business settings, put it in the relay's env "
                "file and restart the relay: sent_by=%s",
                sent_by,
            )
        else:
            log.info(
                "send failed: sent_by=%s http=%s graph_code=%s graph_cause=%s retryable=%s unknown=%s",
                sent_by,
                exc.http_status,
                exc.code,
                exc.cause,
                exc.retryable,
                exc.unknown,
            )
        if exc.unknown:
            answer = SendResult(client_id=client_id or key, status="unknown").model_dump(mode="json")
            outbound = outbound_event(client_id, None, to, sent_by, graph_body, phone_number_id, campaign_id)
            await run_in_threadpool(self.store.sends.finish, key, 200, answer, [outbound])
            if campaign_id is None:
                await self._count_in_ledger(graph_body, to, contact, phone_number_id)
            await self.feed.notify()
            return 200, answer
        if exc.retryable:
            # Nothing final: store nothing, so the client's retry with the same key tries again.
            await run_in_threadpool(self.store.sends.release, key)
            if exc.unreachable:  # not Graph's rate limit: the relay's own way out is down
                return 503, error_body(
                    RelayErrorCode.GRAPH_UNREACHABLE,
                    "The relay cannot reach WhatsApp right now; the message will be retried.",
                    retryable=True,
                )
            return 503, error_body(
                RelayErrorCode.GRAPH_BUSY,
                "WhatsApp is busy; the message will be retried.",
                graph_code=exc.code,
                retryable=True,
            )
        if exc.code == OUTSIDE_WINDOW_CODE:
            return await self._outside_window(key)
        status = 422 if exc.http_status < 500 else 502
        answer = error_body(
            RelayErrorCode.GRAPH_ERROR,
            exc.sentence("the message"),
            graph_code=exc.code,
            graph_cause=exc.cause,
        )
        await run_in_threadpool(self.store.sends.finish, key, status, answer, [])
        return status, answer

    async def _send_with_retries(self, phone_number_id: str, body: dict[str, Any]) -> Accepted:
        attempts = max(1, self.settings.send_attempts)
        for attempt in range(attempts):
            try:
                return await self.upstream.send_message(phone_number_id, body)
            except GraphError as exc:
                if not exc.retryable or attempt == attempts - 1:
                    raise
                delay = self.settings.retry_base_delay * (2**attempt) * (0.5 + secrets.randbelow(1000) / 1000)
                if exc.unreachable:  # said once, at WARNING, when the send gives up
                    log.debug("Graph unreachable: %s; retrying in %.1f s", exc.unreachable, delay)
                else:
                    log.info("graph busy (code %s); retrying in %.1f s", exc.code, delay)
                await asyncio.sleep(delay)
        raise AssertionError("unreachable")


def window_with(contact: ContactRow | None, phone_number_id: str, now: datetime) -> bool | None:
    """Whether the customer's 24-hour window with this business number is open (True) or closed
    (False) as far as the relay knows; None when it cannot tell: no message of hers stored, or a
    third number of the shop she may have written to since her message to the other one.

    WhatsApp's window is per number: her message to one opens nothing on another. A relay that
    has her messages has each one (Meta redelivers until answered), so a number she wrote none of
    them to is closed."""
    if contact is None or contact.last_inbound_at is None:
        return None
    if contact.phone_number_id is None or contact.phone_number_id == phone_number_id:
        return now - contact.last_inbound_at <= WINDOW
    other_at = contact.other_inbound_at
    if other_at is None:
        return False
    if contact.other_number_id == phone_number_id:
        return now - other_at <= WINDOW
    # Her message to any third number is older than her newest to the other one.
    return None if now - other_at <= WINDOW else False


def unknown_number(phone_number_id: str) -> dict[str, Any]:
    """The answer to a send or a campaign `from` a business number this relay does not send from."""
    return error_body(
        RelayErrorCode.UNKNOWN_NUMBER,
        "This relay does not send from that business number.",
        params={"number": phone_number_id[:64]},
    )


def recipient_of(body: dict[str, Any]) -> str:
    """The `to` of a send body as digits (the wa_id)."""
    return re.sub(r"\D", "", str(body.get("to", "")))


def outbound_event(
    client_id: str | None,
    wamid: str | None,
    to: str,
    sent_by: str,
    body: dict[str, Any],
    pnid: str,
    campaign_id: str | None = None,
) -> NewEvent:
    payload = {"client_id": client_id, "wamid": wamid, "to": to, "sent_by": sent_by, "body": body}
    if campaign_id is not None:
        payload["campaign_id"] = campaign_id
    return NewEvent("outbound", payload, pnid, f"m:{wamid}" if wamid else None)
