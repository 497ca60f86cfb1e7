"""The campaign runner: one worker per campaign, paced, within the messaging limit, once per recipient."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

import phonenumbers
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from app.rules import night_hold_until, zone
from app.wire import (
    CAMPAIGN_LATE_FAILURES,
    NIGHT_HOLD_COUNTRIES,
    NIGHT_HOLD_ZONES,
    CampaignReason,
    CampaignState,
    CampaignTemplate,
    OptOutReason,
    RecipientState,
    RelayErrorCode,
    SentBy,
    SkipReason,
    campaign_send_key,
    messaging_limit_customers,
    status_error_cause,
)
from relay.errors import error_body
from relay.events import EventFeed
from relay.failure_streak import FailureStreak
from relay.limits import LimitError, validate_send
from relay.sending import Sender
from relay.settings import RelaySettings
from relay.storage.campaign_rows import ACTIVE, CampaignRow, RecipientRow
from relay.storage.send_keys import SendOwner
from relay.store import Store, storage_cause
from relay.upstream import TOKEN_REFUSED_CODE
from relay.webhook import Intake

log = logging.getLogger(__name__)

# Meta's template events that stop a campaign using it, and why (message_template_status_update).
TEMPLATE_STOPPING = {
    "PAUSED": CampaignReason.TEMPLATE_PAUSED,
    "DISABLED": CampaignReason.TEMPLATE_DISABLED,
    "REJECTED": CampaignReason.TEMPLATE_DISABLED,
    "PENDING_DELETION": CampaignReason.TEMPLATE_DISABLED,
    "DELETED": CampaignReason.TEMPLATE_DISABLED,
}
# Graph's answer to a send of a template version it will not send now (paused or disabled for low
# quality, or not approved in that language): nothing was sent, so instead of failing this recipient
# and every one after them, the campaign pauses and the recipient waits in the queue for the resume.
# An expired or revoked access token (190) refuses every send alike until the relay's admin renews
# it: the campaign pauses the same way, rather than failing every recipient left.
PAUSING_REFUSALS = {
    132015: CampaignReason.TEMPLATE_PAUSED,
    132016: CampaignReason.TEMPLATE_DISABLED,
    132001: CampaignReason.TEMPLATE_MISSING,
    TOKEN_REFUSED_CODE: CampaignReason.TOKEN_REFUSED,
}
# A drop in the number's quality pauses every campaign until the owner resumes it.
QUALITY_STOPPING = frozenset({"DOWNGRADE", "FLAGGED"})

BATCH = 100
PROGRESS_EVERY = 1.0  # seconds between `campaign` events while sending
LIMIT_TTL = 3600.0  # the messaging limit read from Graph is kept this long

Spawn = Callable[[Coroutine[Any, Any, Any]], "asyncio.Task[Any]"]


def recipient_country(recipient: RecipientRow) -> str | None:
    """The country the desktop gave, else the one the number names (a hand-built request).

    +1 is shared by the US, Canada and the Caribbean: the area code decides, never the prefix
    alone, or a Canadian customer would lose marketing meant for them.
    """
    if recipient.country:
        return recipient.country
    try:
        number = phonenumbers.parse("+" + recipient.wa_id, None)
    except phonenumbers.NumberParseException:
        return None
    region = phonenumbers.region_code_for_number(number)
    return str(region) if region and region != "ZZ" else None


def skip_reason(
    recipient: RecipientRow, template: CampaignTemplate, opted_out: str | None
) -> SkipReason | None:
    """Why the relay will not send this recipient the template, whatever the request said."""
    if not recipient.notifications:
        return SkipReason.NO_CONSENT
    if template.is_marketing:
        if not recipient.marketing:
            return SkipReason.NO_MARKETING_CONSENT
        if opted_out is not None:
            return SkipReason.OPTED_OUT
        if recipient_country(recipient) == "US":
            return SkipReason.US_MARKETING
    return None


def held_until(recipient: RecipientRow, template: CampaignTemplate, now: datetime) -> datetime | None:
    """08:00 in the recipient's zone, for Korean marketing at night without night-time consent."""
    country = recipient_country(recipient)
    if not template.is_marketing or recipient.night or country not in NIGHT_HOLD_COUNTRIES:
        return None
    return night_hold_until(now, zone(recipient.timezone or NIGHT_HOLD_ZONES.get(country or "", "UTC")))


@dataclass
class _Pace:
    """One campaign's beat while it runs: when the next send may start, at what rate; whether to stop.

    Graph's throughput errors (429, 130429) slow the beat at once and it recovers one message per
    second each second (additive increase, multiplicative decrease), never above the campaign's pace.
    """

    next_at: float
    pace: float
    rate: float = 0.0
    stopping: bool = False
    started: int = 0  # sends begun in this run

    def beat(self) -> float:
        """The seconds between this send and the next, easing the rate back up towards the pace."""
        self.rate = min(self.pace, (self.rate or self.pace) + 1.0 / max(self.rate or self.pace, 1.0))
        return 1.0 / self.rate

    def slow_down(self) -> None:
        self.rate = max(1.0, (self.rate or self.pace) * 0.7)
        self.next_at += 1.0 / self.rate


def _forget(in_flight: dict[str, asyncio.Task[None]], wa_id: str, _task: asyncio.Task[None]) -> None:
    in_flight.pop(wa_id, None)


class MessagingLimit:
    """The portfolio's limit of customers per moving 24 h: from Graph, else the setting."""

    def __init__(self, settings: RelaySettings) -> None:
        self.settings = settings
        self.cached: tuple[float, int | None] | None = None

    async def current(self) -> int | None:
        """None when Graph says the portfolio is unlimited."""
        if self.cached is not None and time.monotonic() - self.cached[0] < LIMIT_TTL:
            return self.cached[1]
        limit: int | None = self.settings.messaging_limit
        if self.settings.upstream == "cloud" and self.settings.access_token and self.settings.phone_number_id:
            from relay.graph_account import GraphAccount
            from relay.upstream import GraphError

            try:
                async with GraphAccount(
                    self.settings.graph_url, self.settings.access_token, timeout=self.settings.graph_timeout
                ) as graph:
                    answer = await graph.phone_number(self.settings.phone_number_id)
                tier = answer.body.get("whatsapp_business_manager_messaging_limit")
                if isinstance(tier, str) and tier.upper() == "TIER_UNLIMITED":
                    limit = None
                elif isinstance(tier, str) and messaging_limit_customers(tier) is not None:
                    limit = messaging_limit_customers(tier)
            except GraphError as exc:
                log.warning("messaging limit not read from Graph: graph_code=%s; using the setting", exc.code)
        self.cached = (time.monotonic(), limit)
        return limit

    def set_tier(self, tier: str) -> None:
        """A phone_number_quality_update told the new limit."""
        if tier.upper() == "TIER_UNLIMITED":
            self.cached = (time.monotonic(), None)
        elif (customers := messaging_limit_customers(tier)) is not None:
            self.cached = (time.monotonic(), customers)


class CampaignRunner:
    """Claims runnable campaigns (a lease in the database: one worker each) and sends them."""

    def __init__(
        self,
        settings: RelaySettings,
        store: Store,
        sender: Sender,
        feed: EventFeed,
        clock: Callable[[], datetime],
        owner: SendOwner,
        spawn: Spawn,
    ) -> None:
        self.settings = settings
        self.store = store
        self.sender = sender
        self.feed = feed
        self.clock = clock
        self.owner = owner
        self.spawn = spawn
        self.limits = MessagingLimit(settings)
        self.lease_ms = int(settings.campaign_lease * 1000)
        self.wake = asyncio.Event()
        self.running: dict[str, asyncio.Task[Any]] = {}
        self.ticks = 0  # how many times the runner looked for work (tests wait on it)
        self.failures = FailureStreak(log, "campaign runner")

    def now_ms(self) -> int:
        return int(self.clock().timestamp() * 1000)

    def poke(self) -> None:
        """Look for work now (a campaign was created or resumed, or the tests moved the clock)."""
        self.wake.set()

    async def run_forever(self) -> None:
        while True:
            self.wake.clear()
            try:
                await self.tick()
            except SQLAlchemyError as exc:
                self.failures.failed(f"storage failed: cause={storage_cause(exc)} error={type(exc).__name__}")
            except Exception as exc:
                self.failures.failed_unexpectedly(exc)
            else:
                self.failures.succeeded()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.wake.wait(), self.settings.campaign_poll)

    async def tick(self) -> None:
        now = self.now_ms()
        for campaign_id in await run_in_threadpool(self.store.campaigns.runnable, now):
            if campaign_id in self.running:
                continue
            claimed = await run_in_threadpool(
                self.store.campaigns.claim, campaign_id, self.owner, self.lease_ms, now
            )
            if claimed:
                self.running[campaign_id] = self.spawn(self._run(campaign_id))
        self.ticks += 1

    async def stop(self) -> None:
        for task in list(self.running.values()):
            task.cancel()
        for task in list(self.running.values()):
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

    async def _run(self, campaign_id: str) -> None:
        run: _Pace | None = None
        try:
            run = await self._send_campaign(campaign_id)
        finally:
            self.running.pop(campaign_id, None)
            with contextlib.suppress(SQLAlchemyError):
                await run_in_threadpool(self.store.campaigns.release, campaign_id, self.owner)
                if run is not None and run.started:
                    # The counts as this run left them (state changes had their own events).
                    await run_in_threadpool(self.store.campaigns.progress, campaign_id)
                    await self.feed.notify()

    async def _set_state(self, campaign_id: str, state: CampaignState, reason: str | None, **kw: Any) -> bool:
        changed = await run_in_threadpool(
            lambda: self.store.campaigns.set_state(campaign_id, state, reason, now_ms=self.now_ms(), **kw)
        )
        if changed:
            await self.feed.notify()
        return bool(changed)

    async def _send_campaign(self, campaign_id: str) -> _Pace | None:
        row = await run_in_threadpool(self.store.campaigns.row, campaign_id)
        if row is None or row.state not in ACTIVE:
            # Finished, paused or cancelled since the runner listed it (its list was read before
            # the claim): a run now would turn it back to running, and a paused one would send.
            return None
        if row.state != CampaignState.RUNNING or row.reason is not None:
            await self._set_state(campaign_id, CampaignState.RUNNING, None, only_from=(row.state,))
        loop = asyncio.get_running_loop()
        pace = max(1, min(row.pace, self.settings.campaign_pace_max))
        # Sends overlap (each waits on Graph for tens of milliseconds) but start on the pace's beat.
        most_in_flight = max(4, pace // 4)
        run = _Pace(next_at=loop.time(), pace=pace)
        progress_at = renewed_at = loop.time()
        in_flight: dict[str, asyncio.Task[None]] = {}
        limit = await self.limits.current()
        log.info("campaign sending: id=%s pace=%d/s limit=%s", campaign_id, pace, limit)
        try:
            while not run.stopping:
                found = await run_in_threadpool(
                    self.store.campaigns.next_recipients, campaign_id, self.now_ms(), BATCH + len(in_flight)
                )
                batch = [r for r in found if r.wa_id not in in_flight]
                if not batch:
                    if in_flight:
                        await asyncio.wait(in_flight.values(), return_when=asyncio.FIRST_COMPLETED)
                        continue
                    await self._finish_or_hold(row)
                    return run
                for recipient in batch:
                    if run.stopping:
                        break
                    if loop.time() - renewed_at > self.settings.campaign_lease / 3:
                        renewed_at = loop.time()
                        if not await run_in_threadpool(
                            self.store.campaigns.claim, campaign_id, self.owner, self.lease_ms, self.now_ms()
                        ):
                            log.warning("campaign lease lost: id=%s", campaign_id)
                            return run
                    if not await self._prepare(row, recipient):
                        continue  # skipped or held: no send, no beat
                    delay = run.next_at - loop.time()
                    if delay > 0:
                        await asyncio.sleep(delay)
                    beat = run.beat()
                    # Never a burst to catch up after a slow moment: the pace is a ceiling.
                    run.next_at = max(run.next_at, loop.time()) + beat
                    while len(in_flight) >= most_in_flight:
                        await asyncio.wait(in_flight.values(), return_when=asyncio.FIRST_COMPLETED)
                    run.started += 1
                    task = asyncio.create_task(self._send_tracked(run, row, recipient))
                    in_flight[recipient.wa_id] = task
                    task.add_done_callback(partial(_forget, in_flight, recipient.wa_id))
                    if loop.time() - progress_at >= PROGRESS_EVERY:
                        progress_at = loop.time()
                        await run_in_threadpool(self.store.campaigns.progress, campaign_id)
                        await self.feed.notify()
        finally:
            if in_flight:
                await asyncio.gather(*in_flight.values(), return_exceptions=True)
        return run

    async def _send_tracked(self, run: _Pace, row: CampaignRow, recipient: RecipientRow) -> None:
        try:
            outcome = await self._send_one(row, recipient, run)
        except SQLAlchemyError as exc:
            log.warning("campaign send not recorded: id=%s error=%s", row.id, type(exc).__name__)
            outcome = "stop"
        if outcome == "stop":
            run.stopping = True
        elif outcome == "busy":
            run.slow_down()

    async def _finish_or_hold(self, row: CampaignRow) -> None:
        held = await run_in_threadpool(self.store.campaigns.next_held_ms, row.id)
        if held is None:
            if await self._set_state(row.id, CampaignState.DONE, None, only_from=(CampaignState.RUNNING,)):
                log.info("campaign done: id=%s", row.id)
            return
        # Everyone left is held for the night: the campaign says until when, and is not looked at
        # again before then.
        await self._set_state(
            row.id,
            CampaignState.RUNNING,
            CampaignReason.NIGHT_HOLD,
            only_from=(CampaignState.RUNNING,),
            waiting_until_ms=held,
        )

    async def _prepare(self, row: CampaignRow, recipient: RecipientRow) -> bool:
        """True when this recipient is to be sent now; else marks them skipped or held."""
        if recipient.state == "sending":
            return True  # cut short before: its send key decides, never a second message
        # The relay's own opt-outs are checked in begin_send, in the transaction before the send.
        skip = skip_reason(recipient, row.template, None)
        if skip is not None:
            await run_in_threadpool(
                lambda: self.store.campaigns.set_recipient(
                    row.id, recipient.wa_id, RecipientState.SKIPPED, reason=skip
                )
            )
            return False
        hold = held_until(recipient, row.template, self.clock())
        if hold is not None:
            held_ms = int(hold.timestamp() * 1000)
            await run_in_threadpool(
                lambda: self.store.campaigns.set_recipient(
                    row.id, recipient.wa_id, RecipientState.HELD, held_until_ms=held_ms
                )
            )
            return False
        return True

    async def _send_one(self, row: CampaignRow, recipient: RecipientRow, run: _Pace) -> str:
        """ "sent", "busy" (try again later) or "stop" (paused, cancelled, at the limit, lease lost).

        Two round trips to the database around the send: `begin_send` (every check and the key's
        reservation) and the answer stored with the recipient's record (`on_sent`).
        """
        wa_id = recipient.wa_id
        key = campaign_send_key(row.id, wa_id)
        language = recipient.template_language(row.template)
        template: dict[str, Any] = {"name": row.template.name, "language": {"code": language}}
        if recipient.components:
            template["components"] = recipient.components
        body: dict[str, Any] = {"to": wa_id, "type": "template", "template": template}
        if row.phone_number_id:
            body["from"] = row.phone_number_id
        try:
            validate_send(body)
        except LimitError as exc:
            return await self._record(row.id, wa_id, 400, error_body(RelayErrorCode.INVALID, str(exc)), run)
        limit = await self.limits.current()
        now_ms = self.now_ms()
        begun = await run_in_threadpool(
            lambda: self.store.campaigns.begin_send(
                row.id,
                wa_id,
                self.owner,
                now_ms,
                key=key,
                send_lease_ms=self.sender.lease_ms,
                limit=limit,
                # The window of the number the template goes from (WhatsApp's is per number).
                window_open=lambda contact: self.sender.window_open(
                    contact, self.sender.sending_number(row.phone_number_id or "", contact)
                ),
                # An opt-out stops marketing only, never a utility template; and never a send cut
                # short before, which its key answers.
                check_opt_out=row.template.is_marketing and recipient.state != "sending",
            )
        )
        if begun.outcome == "stopped":
            return "stop"
        if begun.outcome == "opted_out":
            return "sent"  # skipped, no message: the beat is spent, nothing to slow down for
        if begun.outcome == "limit":
            log.info("campaign waits for the messaging limit: id=%s limit=%s", row.id, limit)
            await self._set_state(
                row.id,
                CampaignState.WAITING_FOR_LIMIT,
                CampaignReason.MESSAGING_LIMIT,
                only_from=(CampaignState.RUNNING,),
                waiting_until_ms=begun.free_at_ms,
            )
            return "stop"
        if begun.outcome == "reserved":
            state, stored_status, stored = begun.reserved or ("in_flight", None, None)
            if state == "in_flight":
                return await self._record(row.id, wa_id, 409, {}, run)
            return await self._record(
                row.id, wa_id, int(stored_status or 200), json.loads(stored or "{}"), run
            )
        recorded: list[bool] = []
        record_sent_in = self.store.campaigns.record_sent_in

        def on_sent(conn: Connection, answer: dict[str, Any]) -> None:
            state = RecipientState.PENDING if answer.get("held") else RecipientState.SENT
            record_sent_in(conn, row.id, wa_id, state, wamid=answer.get("wamid"), sent_ms=self.now_ms())
            recorded.append(True)

        status, answer = await self.sender.send_reserved(
            body,
            key,
            begun.contact,
            sent_by=SentBy.CAMPAIGN,
            client_id=key,
            campaign_id=row.id,
            on_sent=on_sent,
        )
        if recorded:
            return "sent"
        return await self._record(row.id, wa_id, status, answer, run)

    async def _record(
        self, campaign_id: str, wa_id: str, status: int, answer: dict[str, Any], run: _Pace
    ) -> str:
        set_recipient = self.store.campaigns.set_recipient
        now = self.now_ms()
        if status == 200:
            state = RecipientState.SENT
            if answer.get("status") == "unknown":
                state = RecipientState.UNKNOWN
            elif answer.get("held"):
                state = RecipientState.PENDING  # Meta paces the template: it releases (or drops) it later
            record_sent = self.store.campaigns.record_sent
            await run_in_threadpool(
                lambda: record_sent(campaign_id, wa_id, state, wamid=answer.get("wamid"), sent_ms=now)
            )
            return "sent"
        if status == 409:
            # In flight under a lease that has not run out (a send cut short by a crash): it stays
            # `sending` until the sweep answers its key, then that answer is the recipient's.
            return "busy"
        if status == 503:
            # Graph stayed busy through the sender's retries and nothing was sent: queued again.
            await run_in_threadpool(lambda: set_recipient(campaign_id, wa_id, RecipientState.QUEUED))
            return "busy"
        error = answer.get("error") or {}
        code = error.get("graph_code")
        refusal = PAUSING_REFUSALS.get(code) if isinstance(code, int) else None
        if refusal is not None:
            # Only a run's first refusal pauses, and the run is stopped at once, before any await:
            # another send of it in flight may answer while this pause is being written. Its
            # recipient waits again, but the pause is this one's: pausing again could undo the
            # owner's resume, made meanwhile, and leave the campaign paused for good.
            first = not run.stopping
            run.stopping = True
            return await self._pause_for_refusal(campaign_id, wa_id, refusal, pause=first)
        reason = CAMPAIGN_LATE_FAILURES.get(code) if isinstance(code, int) else None
        cause = error.get("graph_cause") if isinstance(error.get("graph_cause"), str) else None
        await run_in_threadpool(
            lambda: set_recipient(
                campaign_id,
                wa_id,
                RecipientState.FAILED,
                error_code=code,
                graph_cause=cause,
                reason=reason or error.get("code"),
            )
        )
        if code == 131050:
            await self.opt_out_for_meta(wa_id)
        return "sent"

    async def _pause_for_refusal(
        self, campaign_id: str, wa_id: str, reason: CampaignReason, *, pause: bool = True
    ) -> str:
        """Graph refused the template version (or the token): queue the recipient again, free their
        send key (its stored refusal would answer the send after the resume), pause the campaign."""
        store = self.store
        await run_in_threadpool(
            lambda: store.campaigns.set_recipient(campaign_id, wa_id, RecipientState.QUEUED)
        )
        await run_in_threadpool(store.sends.release, campaign_send_key(campaign_id, wa_id))
        if pause and await self._set_state(campaign_id, CampaignState.PAUSED, reason, only_from=ACTIVE):
            log.info("campaign paused: id=%s reason=%s", campaign_id, reason)
        return "stop"

    async def opt_out_for_meta(self, wa_id: str) -> None:
        if await run_in_threadpool(self.store.opt_outs.opt_out, wa_id, OptOutReason.META_STOP, self.now_ms()):
            await self.feed.notify()

    # ------------------------------------------------------------------ what webhooks tell
    async def on_webhook(self, intake: Intake) -> None:
        """Statuses of campaign sends, customers' marketing preferences, template and quality news.

        Run for every webhook, redeliveries included (each step is idempotent): the webhook's 200
        waits for it, so a storage failure here makes Meta deliver it again.
        """
        changed = False
        for status in intake.statuses:
            changed |= await self._on_status(status)
        now = self.now_ms()
        opt_outs = self.store.opt_outs
        for preference in intake.preferences:
            wa_id, pnid = preference.wa_id, preference.phone_number_id
            if preference.stop:
                changed |= await run_in_threadpool(opt_outs.opt_out, wa_id, OptOutReason.META_STOP, now, pnid)
            else:
                changed |= await run_in_threadpool(partial(opt_outs.resume, wa_id, by_meta=True, pnid=pnid))
        for update in intake.template_updates:
            reason = TEMPLATE_STOPPING.get(update.event)
            if reason is not None:
                paused = await run_in_threadpool(
                    self.store.campaigns.pause_where, reason, now, update.name, update.language
                )
                log.info("template %s: campaigns paused=%d", update.event, len(paused))
                changed |= bool(paused)
        for quality in intake.quality_updates:
            if quality.current_limit:
                self.limits.set_tier(quality.current_limit)
            if quality.event in QUALITY_STOPPING:
                paused = await run_in_threadpool(
                    self.store.campaigns.pause_where, CampaignReason.QUALITY_DROPPED, now
                )
                log.info("number quality %s: campaigns paused=%d", quality.event, len(paused))
                changed |= bool(paused)
        if changed:
            await self.feed.notify()

    async def _on_status(self, status: dict[str, Any]) -> bool:
        key = status.get("biz_opaque_callback_data")
        ours = isinstance(key, str) and key.startswith("campaign:")
        state = status.get("status")
        if not ours and state != "failed":
            return False  # a service message's tick: nothing of a campaign's
        errors = status.get("errors")
        first = errors[0] if isinstance(errors, list) and errors and isinstance(errors[0], dict) else {}
        code = first.get("code") if isinstance(first.get("code"), int) else None
        wamid = status.get("id") if isinstance(status.get("id"), str) else None
        reason = CAMPAIGN_LATE_FAILURES.get(code) if code is not None else None
        cause = status_error_cause(status) if state == "failed" else None
        matched = await run_in_threadpool(
            self.store.campaigns.apply_status,
            key if ours else None,
            wamid,
            str(state),
            code,
            reason,
            cause.value if cause is not None else None,
        )
        changed = False
        recipient = status.get("recipient_id")
        if code == 131050 and isinstance(recipient, str):
            # The customer stopped marketing messages in WhatsApp: the same as Meta's user_preferences.
            changed = await run_in_threadpool(
                self.store.opt_outs.opt_out, recipient, OptOutReason.META_STOP, self.now_ms()
            )
        return changed or matched is not None
