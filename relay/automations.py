"""Menu bot, greeting and away messages: the rules document (cached) and the runner that answers."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import Any

from fastapi.concurrency import run_in_threadpool

from app.rules import BotDecision, BotState, ContactState, answer_inbound
from app.wire import INTERACTIVE_BODY_MAX, Automations, BotProblem, OptOutReason, OrderStatus, SentBy
from relay.sending import Sender
from relay.storage.number_replies import NumberReply
from relay.store import ContactRow, Store, dt_to_ms
from relay.webhook import Inbound

log = logging.getLogger(__name__)


class AutomationRunner:
    """Runs the rules of `app/rules.py` for each customer's message, one customer at a time."""

    def __init__(self, store: Store, sender: Sender, clock: Callable[[], datetime]) -> None:
        self.store = store
        self.sender = sender
        self.clock = clock
        self.cache: Automations | None = None
        self.contact_locks: dict[str, tuple[asyncio.Lock, int]] = {}
        # A customer's lock holds a pooled connection while the answer is sent (which needs more):
        # a third of the pool at most, so a burst of customers cannot take every connection.
        self.lock_holders = asyncio.Semaphore(max(1, store.db.pool_size // 3))

    async def document(self) -> Automations:
        """The rules document, cached in memory (a PUT here or a NOTIFY from another worker drops it)."""
        if self.cache is None:
            raw = await run_in_threadpool(self.store.kv.automations)
            self.cache = Automations.model_validate(raw or {})
        return self.cache

    def forget(self) -> None:
        self.cache = None

    async def answer(self, inbound: Inbound, before: ContactRow | None) -> None:
        """One customer's automations at a time: in this process, and across workers on PostgreSQL
        (two messages landing on two workers must not both send the away message)."""
        wa_id = inbound.wa_id
        lock, users = self.contact_locks.get(wa_id, (asyncio.Lock(), 0))
        self.contact_locks[wa_id] = (lock, users + 1)
        try:
            async with lock, self.lock_holders:
                held = await run_in_threadpool(self.store.contacts.lock, wa_id)
                try:
                    await self._answer_locked(inbound, before)
                finally:
                    await run_in_threadpool(self.store.contacts.unlock, held, wa_id)
        finally:
            lock, users = self.contact_locks[wa_id]
            if users <= 1:
                del self.contact_locks[wa_id]  # no one else waits: keep the table small
            else:
                self.contact_locks[wa_id] = (lock, users - 1)

    async def _answer_locked(self, inbound: Inbound, before: Any) -> None:
        if await run_in_threadpool(self.store.blocked.is_blocked, inbound.wa_id):
            return  # the shop blocked this customer: no greeting, away message or bot
        doc = await self.document()
        current = await run_in_threadpool(self.store.contacts.get, inbound.wa_id)
        number = inbound.phone_number_id
        replied = None
        if number is not None and wrote_elsewhere(before, number):
            replied = await run_in_threadpool(self.store.number_replies.get, inbound.wa_id, number)
        state = rule_state(inbound.wa_id, before, current, number, replied)
        bot_state, orders = BotState(), list[OrderStatus]()
        if doc.bot.enabled:
            bot_state = await run_in_threadpool(self.store.bots.get, inbound.wa_id, number)
            pushed = await run_in_threadpool(self.store.orders.for_customer, inbound.wa_id)
            orders = [OrderStatus.model_validate(order) for order in pushed]
        now = self.clock()
        stamp = inbound.timestamp or int(now.timestamp())
        # Opt-out, then the bot, then greeting/away (DESIGN.md): one pure decision, the same one the
        # bot editor's simulator runs. An opt-out takes the message (one reply: the confirmation),
        # but never silences later service replies, the bot or order notices.
        answer = answer_inbound(
            doc, state, bot_state, inbound.message, now, contact_name=inbound.profile_name, orders=orders
        )
        if answer.opt_out is not None:
            await self._opt_out(doc, inbound, answer.opt_out)
            return
        if answer.bot is not None:
            await self._bot_took(inbound, answer.bot, now, stamp, answer.away)
            return
        for reply in answer.replies:
            body = {**reply_to(inbound), "type": "text", "text": {"body": reply.text}}
            # Her messages of one second are answered once in each number's chat.
            key = f"auto:{reply.sent_by}:{inbound.wa_id}:{stamp}" + (f":{number}" if number else "")
            status, _answer = await self.sender.send(body, key, sent_by=reply.sent_by, client_id=None)
            if status == 200 and reply.sent_by == "away":
                await self._away_sent(inbound, now)

    async def _opt_out(self, doc: Automations, inbound: Inbound, reason: OptOutReason) -> None:
        wa_id = inbound.wa_id
        now_ms = dt_to_ms(self.clock()) or 0
        put = partial(self.store.opt_outs.opt_out, pnid=inbound.phone_number_id)
        if not await run_in_threadpool(put, wa_id, reason, now_ms):
            return  # already opted out: no second confirmation
        await self.sender.feed.notify()
        if doc.opt_out.confirmation_text.strip():
            body = {**reply_to(inbound), "type": "text", "text": {"body": doc.opt_out.confirmation_text}}
            key = f"optout:{wa_id}:{inbound.message.get('id') or now_ms}"
            await self.sender.send(body, key, sent_by=SentBy.OPT_OUT, client_id=None)

    async def _bot_took(
        self, inbound: Inbound, decision: BotDecision, now: datetime, stamp: int, away: bool
    ) -> None:
        """Keep the chat's bot state and send the bot's answer (app/rules.py decided it).

        `away`: the away message is due now. A hand-off that told the customer the shop is closed
        stands for it in this away period (the customer's next message is not told again)."""
        wa_id = inbound.wa_id
        put = partial(
            self.store.bots.put,
            handoff=decision.handoff,
            pnid=inbound.phone_number_id,
            matched=decision.matched,
            now=now,
            sent_as_text=decision.too_long,  # counted for the desktop's bot report
        )
        if await run_in_threadpool(put, wa_id, decision.state):
            await self.sender.feed.notify()
        if decision.too_long is not None:
            # Never the text (it may carry the customer's name): the menu, and what was done.
            log.warning(
                "bot menu too long once its fields are filled: problem=%s menu=%s limit=%d;"
                " sent whole as a text with its choices numbered, not cut",
                BotProblem.FILLED_TEXT_TOO_LONG,
                decision.too_long,
                INTERACTIVE_BODY_MAX,
            )
        if decision.reply is not None:
            key = f"bot:{wa_id}:{inbound.message.get('id') or stamp}"
            body = {**reply_to(inbound), **decision.reply}
            status, _answer = await self.sender.send(body, key, sent_by=SentBy.BOT, client_id=None)
            if status == 200 and away and decision.told_closed:
                await self._away_sent(inbound, now)

    async def _away_sent(self, inbound: Inbound, now: datetime) -> None:
        """She was told the shop is away, in the chat of the number she wrote to."""
        at_ms = int(now.timestamp() * 1000)
        await run_in_threadpool(self.store.contacts.touch, inbound.wa_id, last_away_sent_ms=at_ms)
        if inbound.phone_number_id:
            await run_in_threadpool(
                self.store.number_replies.away_sent, inbound.wa_id, inbound.phone_number_id, at_ms
            )


def wrote_elsewhere(before: ContactRow | None, number: str) -> bool:
    """She has written to another of the shop's numbers: this number's chat is judged on its own.
    A customer of one number only (every customer of a one-number shop) is judged as ever."""
    if before is None:
        return False
    return any(other not in (None, number) for other in (before.phone_number_id, before.other_number_id))


def rule_state(
    wa_id: str,
    before: ContactRow | None,
    current: ContactRow | None,
    number: str | None,
    replied: NumberReply | None,
) -> ContactState:
    """The rules' inputs for her message to `number`. With `replied` (she wrote to another number
    too: `wrote_elsewhere`), the greeting's silence and the away message's once-a-period count in
    this number's chat alone: her last message to it, the shop's last one and last away message
    from it. The owner's grace after a reply and "known" stay hers: one owner answers both numbers."""
    if replied is None or number is None:
        return ContactState(
            wa_id=wa_id,
            last_inbound_at=before.last_inbound_at if before else None,
            last_outbound_at=current.last_outbound_at if current else None,
            last_owner_reply_at=current.last_owner_reply_at if current else None,
            last_away_sent_at=current.last_away_sent_at if current else None,
            known_contact=bool(current and current.known),
        )
    last_inbound_at = None
    if before is not None and before.phone_number_id == number:
        last_inbound_at = before.last_inbound_at
    elif before is not None and before.other_number_id == number:
        last_inbound_at = before.other_inbound_at
    return ContactState(
        wa_id=wa_id,
        last_inbound_at=last_inbound_at,
        last_outbound_at=replied.last_outbound_at,
        last_owner_reply_at=current.last_owner_reply_at if current else None,
        last_away_sent_at=replied.last_away_sent_at,
        known_contact=bool(current and current.known),
    )


def reply_to(inbound: Inbound) -> dict[str, str]:
    """Whom an automatic answer goes to, and from which business number: the one her message came
    to (a shop with two numbers answers in the chat she wrote in, whichever number she wrote to
    last). A message without one (an old stored webhook) leaves it to the sender: her last number."""
    if inbound.phone_number_id:
        return {"to": inbound.wa_id, "from": inbound.phone_number_id}
    return {"to": inbound.wa_id}
