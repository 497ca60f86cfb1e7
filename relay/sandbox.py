"""The sandbox upstream: simulated customers who write, send photos, tap buttons and read replies."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import itertools
import json
import logging
import random
import re
import secrets
import time
from pathlib import Path
from typing import Any, Protocol

from app.wire import (
    SANDBOX_DISPLAY_PHONE_NUMBER,
    SANDBOX_SECOND_PHONE_NUMBER_ID,
    NumberHealth,
    sandbox_display_numbers,
    sandbox_shop_country,
)
from relay.failure_streak import FailureStreak
from relay.sandbox_cast import Customer, cast, png_image, templates
from relay.sandbox_newcomers import ARRIVAL_SECONDS, NEWCOMERS_MAX, newcomer
from relay.storage.key_values import AUTOMATIONS_KEY
from relay.store import storage_cause, storage_retryable
from relay.upstream import Accepted, GraphError, Ingest

__all__ = ["SandboxUpstream", "cast", "png_image"]

log = logging.getLogger(__name__)

DISPLAY_PHONE_NUMBER = SANDBOX_DISPLAY_PHONE_NUMBER
WABA_ID = "200000000000001"
PROGRESS_KEY = "sandbox_progress"  # how far each customer's story got, kept with the relay's data
NEWCOMERS_KEY = "newcomers"  # in the progress document: how many walk-ins came (wa_ids are digits)
CROSSED_KEY = "crossed"  # in the progress document: the customer who wrote to the other number too


class Memory(Protocol):
    """Where the sandbox keeps its customers' progress (the relay's `kv` table)."""

    def get(self, key: str) -> str | None: ...

    def put(self, key: str, value: str) -> None: ...


def sandbox_numbers(phone_number_id: str, language: str, two_numbers: bool) -> list[tuple[str, str]]:
    """The sandbox shop's business numbers, (phone_number_id, display number): its first, and with
    `two_numbers` the second branch's. The Seoul shop's are Korean numbers, the Brighton shop's
    British, the Palo Alto shop's American."""
    first, second = sandbox_display_numbers(language)
    numbers = [(phone_number_id, first)]
    if two_numbers:
        numbers.append((SANDBOX_SECOND_PHONE_NUMBER_ID, second))
    return numbers


def sandbox_number_health(phone_number_id: str, language: str, two_numbers: bool) -> list[NumberHealth]:
    """Each sandbox number's health, as Graph answers GET /{phone-number-id} for a number in good
    standing: the relay's check reports them as a real relay's (the demo's health panel shows both)."""
    return [
        NumberHealth(
            phone_number_id=pnid,
            display_phone_number=display,
            quality_rating="GREEN",
            messaging_limit="TIER_1K",  # a new business portfolio's first tier
            status="CONNECTED",
            name_status="APPROVED",
            platform_type="CLOUD_API",
        )
        for pnid, display in sandbox_numbers(phone_number_id, language, two_numbers)
    ]


def _wamid(head: bytes, phone: str, tail: bytes) -> str:
    """A wamid shaped like Meta's: base64 of the number and a hex message key."""
    digits = phone.encode()
    raw = b"\x1c\x18" + bytes([len(digits)]) + digits + head + bytes([len(tail)]) + tail + b"\x00"
    return "wamid." + base64.b64encode(raw).decode()


def _sha256_b64(data: bytes) -> str:
    return base64.b64encode(hashlib.sha256(data).digest()).decode()


# --------------------------------------------------------------------------- the upstream


class SandboxUpstream:
    """Speaks the Cloud API's webhook shapes; `speed` > 1 makes everything happen sooner.

    A seed makes the story repeatable: who writes, what, in which order, and which button they tap.
    Message and media ids stay unique across runs, so a restarted demo relay never drops them as
    redeliveries. A text arriving within `auto_reply_window` seconds (at speed 1) of a customer's
    message is taken for the relay's greeting or away message: they read it and keep waiting for a
    person, so automations do not move their story on. With a `memory`, a restarted sandbox on the same
    relay database continues each customer's story where it stopped instead of telling it again.
    With `two_numbers` the shop has two branches: every other customer (walk-ins too) writes to the
    second number, and hears back from it. With `hold_for_automations` (seconds, the demo's), a relay
    that has no automations document yet keeps its customers quiet until one is stored
    (`automations_arrived()`), or that long at most: the demo's desktop pushes its greeting and away
    messages a moment after the relay starts, and the first customer must get them as the others do.
    """

    name = "sandbox"

    def __init__(
        self,
        phone_number_id: str = "100000000000001",
        seed: int | None = None,
        speed: float = 1.0,
        *,
        auto_reply_window: float = 1.5,
        memory: Memory | None = None,
        newcomers_max: int = NEWCOMERS_MAX,
        language: str = "ko",
        two_numbers: bool = False,
        hold_for_automations: float = 0.0,
    ) -> None:
        # "ko": the Seoul shop's customers; else the Brighton shop's, who all write English.
        self.korean_shop = language.lower().startswith("ko")
        self.shop_country = sandbox_shop_country(language)
        self.templates = templates(language)
        numbers = sandbox_numbers(phone_number_id, language, two_numbers)
        self.display_phone_number = numbers[0][1]
        # The second branch's (phone_number_id, display number), and the customers who write to it.
        self.second_number: tuple[str, str] | None = numbers[1] if len(numbers) > 1 else None
        self.to_second: set[str] = set()
        self.memory = memory
        self.newcomers_max = newcomers_max
        self.newcomers = 0  # walk-ins so far (relay/sandbox_newcomers.py), kept across restarts
        self.arrivals: asyncio.Task[Any] | None = None
        self.hold_for_automations = hold_for_automations
        self.automations_on: asyncio.Event | None = None  # made by start(), in the relay's loop
        self.phone_number_id = phone_number_id
        self.auto_reply_window = auto_reply_window
        self.seed = seed
        self.rng = random.Random(seed)  # the writer loop's own, so sends cannot shift who writes next
        # Ticks for numbers not in the cast (e.g. the demo's seeded customers).
        self.strangers_rng = random.Random(f"{seed}:strangers" if seed is not None else None)
        # One Korean customer answers the first campaign ad with a typed "수신거부" (an opt-out).
        self.campaign_opt_out_sent = False
        # Walk-ins draw their own delays: the cast's seeded order must not depend on when they come.
        self.arrivals_rng = random.Random(f"{seed}:arrivals" if seed is not None else None)
        self.speed = max(speed, 0.001)
        self.customers = cast(language)
        for customer in self.customers:
            customer.rng = random.Random(f"{seed}:{customer.wa_id}") if seed is not None else random.Random()
        self.by_id = {c.wa_id: c for c in self.customers}
        self.cast_ids = list(self.by_id)  # walk-ins join `customers` later
        for customer in self.customers[1::2]:
            self._writes_to_second(customer)
        # A customer of the first number who writes to the second once everyone has written: a
        # newcomer to the demo sees the second number greet her, as a branch greets a new chat.
        self.crosser = next((c for c in self.customers[0::2] if c.other_branch), None)
        self.crossed = self.second_number is None or self.crosser is None
        self.media: dict[str, tuple[bytes, str]] = {}
        self.ingest: Ingest | None = None
        self.tasks: set[asyncio.Task[Any]] = set()
        self.intake_failures = FailureStreak(
            log, "sandbox: simulated webhook not stored", level=logging.ERROR
        )
        self.sent: list[dict[str, Any]] = []
        self.stopped = False
        self._ids = itertools.count(1)
        self._run = secrets.randbelow(10**6)

    # ------------------------------------------------------------------ shapes
    def _key(self, hex_digits: int) -> bytes:
        return f"{next(self._ids):06X}{self._run:06X}{secrets.token_hex(8).upper()}"[:hex_digits].encode()

    def _media_id(self) -> str:
        return f"{10**15 + self._run * 10**6 + next(self._ids)}"

    def _delay(self, rng: random.Random, low: float, high: float) -> float:
        return rng.uniform(low, high) / self.speed

    def _writes_to_second(self, customer: Customer) -> None:
        if self.second_number is not None:
            self.to_second.add(customer.wa_id)

    def number_of(self, wa_id: str) -> tuple[str, str]:
        """The business number (phone_number_id, display number) this customer writes to."""
        if self.second_number is not None and wa_id in self.to_second:
            return self.second_number
        return self.phone_number_id, self.display_phone_number

    def _envelope(self, value: dict[str, Any], wa_id: str, sent_from: str | None = None) -> dict[str, Any]:
        """Meta's envelope, for the number the customer writes to (or the shop sent `sent_from`)."""
        phone_number_id, display = self.number_of(wa_id)
        for number in ((self.phone_number_id, self.display_phone_number), self.second_number):
            if number is not None and sent_from == number[0]:
                phone_number_id, display = number
        metadata = {"display_phone_number": display, "phone_number_id": phone_number_id}
        return {
            "object": "whatsapp_business_account",
            "entry": [
                {
                    "id": WABA_ID,
                    "changes": [
                        {
                            "field": "messages",
                            "value": {"messaging_product": "whatsapp", "metadata": metadata, **value},
                        }
                    ],
                }
            ],
        }

    def message_payload(
        self, customer: Customer, kind: str, content: Any, context: str | None = None
    ) -> dict[str, Any]:
        """A Cloud API webhook carrying one message from `customer`."""
        message: dict[str, Any] = {
            "from": customer.wa_id,
            "id": _wamid(b"\x15\x02\x00\x12\x18", customer.wa_id, self._key(20)),
            "timestamp": str(int(time.time())),
            "type": kind,
        }
        if context:
            message["context"] = {"from": self.number_of(customer.wa_id)[1], "id": context}
        if kind == "text":
            message["text"] = {"body": content}
        elif kind == "image":
            data = png_image(customer.colour, customer.shape)
            media_id = self._media_id()
            self.media[media_id] = (data, "image/png")
            message["image"] = {
                "caption": content,
                "mime_type": "image/png",
                "sha256": _sha256_b64(data),
                "id": media_id,
            }
        elif kind == "location":
            lat, lon, place, address = content
            message["location"] = {"latitude": lat, "longitude": lon, "name": place, "address": address}
        else:  # interactive, button, reaction: the object is given whole
            message[kind] = content
        contact = {"profile": {"name": customer.name}, "wa_id": customer.wa_id}
        return self._envelope({"contacts": [contact], "messages": [message]}, customer.wa_id)

    def status_payload(
        self,
        wamid: str,
        to: str,
        status: str,
        *,
        callback: Any = None,
        category: str = "service",
        sent_from: str | None = None,
    ) -> dict[str, Any]:
        """A Cloud API webhook carrying one status of a message the shop sent (from the business
        number `sent_from`, a phone_number_id; by default the one the customer writes to)."""
        entry: dict[str, Any] = {
            "id": wamid,
            "status": status,
            "timestamp": str(int(time.time())),
            "recipient_id": to,
        }
        if status in ("sent", "delivered"):
            conversation: dict[str, Any] = {
                "id": hashlib.sha256(f"{sent_from or self.number_of(to)[0]}:{to}".encode()).hexdigest()[:32],
                "origin": {"type": category},
            }
            if status == "sent":
                conversation["expiration_timestamp"] = str(int(time.time()) + 24 * 3600)
            entry["conversation"] = conversation
            entry["pricing"] = {
                "billable": category != "service",
                "pricing_model": "PMP",
                "category": category,
            }
        if callback:
            entry["biz_opaque_callback_data"] = callback
        return self._envelope({"statuses": [entry]}, to, sent_from)

    # ------------------------------------------------------------------ lifetime
    def _spawn(self, coro: Any) -> asyncio.Task[Any]:
        task = asyncio.get_running_loop().create_task(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        return task

    async def _deliver(self, payload: dict[str, Any]) -> None:
        if self.ingest is None or self.stopped:
            return
        try:
            await self.ingest(payload)
        except Exception as exc:
            # No conflict with another worker's row comes here (the webhook answers one 503): every
            # intake write is an upsert or ON CONFLICT insert, and the sandbox changes no number.
            if not storage_retryable(exc):
                log.exception("sandbox: the relay's intake failed on a simulated webhook")
                return
            # A full disk or a database away: a streak, as Meta's own webhooks are said, not a
            # traceback a simulated customer's message.
            self.intake_failures.failed(f"cause={storage_cause(exc)} error={type(exc).__name__}")
            log.debug("sandbox: simulated webhook not stored", exc_info=exc)
            return
        self.intake_failures.succeeded()

    async def start(self, ingest: Ingest) -> None:
        self.ingest = ingest
        self.stopped = False
        self.automations_on = asyncio.Event()
        if self.memory is not None:
            self._resume(await asyncio.to_thread(self.memory.get, PROGRESS_KEY))
        if not self.hold_for_automations or (
            self.memory is not None and await asyncio.to_thread(self.memory.get, AUTOMATIONS_KEY) is not None
        ):
            self.automations_on.set()
        self._spawn(self._customers_write())
        self.arrivals = self._spawn(self._newcomers_arrive())

    def automations_arrived(self) -> None:
        """The relay stored an automations document: customers held for it start writing."""
        if self.automations_on is not None:
            self.automations_on.set()

    async def _automations_on(self) -> None:
        """Until the relay has automations, or `hold_for_automations` seconds (a desktop that never
        pushes must not leave the demo without customers)."""
        assert self.automations_on is not None  # start() made it
        if self.automations_on.is_set():
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.automations_on.wait(), self.hold_for_automations)
        if not self.automations_on.is_set():
            log.warning(
                "sandbox: no automations after %.0f s; the customers write without", self.hold_for_automations
            )

    def _resume(self, raw: str | None) -> None:
        """Who already spoke waits for the shop (or, story told, stays quiet) rather than opening again."""
        progress = json.loads(raw) if raw else {}
        if isinstance(progress.get(NEWCOMERS_KEY), int):
            self.newcomers = progress[NEWCOMERS_KEY]
        if self.crosser is not None and progress.get(CROSSED_KEY) == self.crosser.wa_id:
            self.crossed = True
            self._writes_to_second(self.crosser)
        now = time.monotonic()
        for customer in self.customers:
            turn = progress.get(customer.wa_id, 0)
            if isinstance(turn, int) and 0 < turn <= len(customer.story):
                customer.turn = turn
                customer.waiting = not customer.told
                customer.waiting_since = now

    async def _remember(self) -> None:
        if self.memory is None:
            return
        told: dict[str, Any] = {c.wa_id: c.turn for c in self.customers if c.turn}
        if self.crossed and self.crosser is not None and self.second_number is not None:
            told[CROSSED_KEY] = self.crosser.wa_id
        progress = json.dumps({**told, NEWCOMERS_KEY: self.newcomers})
        try:
            await asyncio.to_thread(self.memory.put, PROGRESS_KEY, progress)
        except Exception as exc:  # the story goes on; a restart may then repeat a line
            log.warning("sandbox: could not keep the customers' progress: error=%s", type(exc).__name__)

    async def stop(self) -> None:
        self.stopped = True
        while self.tasks:
            tasks = list(self.tasks)
            for task in tasks:
                task.cancel()
            for task in tasks:
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            self.tasks.difference_update(tasks)

    # ------------------------------------------------------------------ customers writing on their own
    def _next_speaker(self, order: list[Customer], start: int) -> Customer | None:
        """Someone who has not written yet; else someone left waiting too long, who asks again;
        else a customer whose story ended long ago, who comes back."""
        rotated = order[start:] + order[:start]
        for customer in rotated:
            if customer.turn == 0 and not customer.waiting:
                return customer
        patience = 90.0 / self.speed
        now = time.monotonic()
        for customer in rotated:
            if customer.waiting and not customer.nudged and now - customer.waiting_since > patience:
                return customer
        # Long after their story was told, a customer comes back, so a long demo never falls silent.
        for customer in rotated:
            if customer.told and not customer.waiting and now - customer.waiting_since > 10 * patience:
                customer.turn, customer.thanked = 0, False
                return customer
        return None

    async def _customers_write(self) -> None:
        """A new customer message every 5–20 s (at speed 1); the first within about 2 s of the
        automations being on the relay."""
        await self._automations_on()
        await asyncio.sleep(self._delay(self.rng, 0.5, 2.0))
        order = list(self.customers)
        self.rng.shuffle(order)
        for beat in itertools.count():
            if self._crossing_due():
                await self._cross_over()
                await asyncio.sleep(self._delay(self.rng, 5.0, 20.0))
                continue
            speaker = self._next_speaker(order, beat % len(order))
            if speaker is not None and speaker.waiting:
                speaker.nudged = True
                speaker.waiting_since = time.monotonic()
                await self._deliver(self.message_payload(speaker, "text", speaker.nudge))
            elif speaker is not None:
                await self._say_turn(speaker)
            await asyncio.sleep(self._delay(self.rng, 5.0, 20.0))

    def _crossing_due(self) -> bool:
        """The crossing customer has not written to the second number yet, and every customer of
        the cast has written (the first beats go to those who have not; walk-ins are not waited for)."""
        return not self.crossed and all(self.by_id[wa_id].turn > 0 for wa_id in self.cast_ids)

    async def _cross_over(self) -> None:
        """She writes to the shop's other number (her chat there is new): from now on she is its."""
        customer = self.crosser
        assert customer is not None and self.second_number is not None
        self.crossed = True
        self._writes_to_second(customer)
        customer.waiting, customer.waiting_since, customer.nudged = True, time.monotonic(), False
        await self._remember()
        await self._deliver(self.message_payload(customer, "text", customer.other_branch))

    async def _newcomers_arrive(self) -> None:
        """A new customer every 30–90 s (at speed 1), up to `newcomers_max` a demo; each writes the
        first turn of a short story and answers the shop as the cast does."""
        await self._automations_on()
        while self.newcomers < self.newcomers_max:
            await asyncio.sleep(self._delay(self.arrivals_rng, *ARRIVAL_SECONDS))
            index = self.newcomers
            rng = random.Random(f"{self.seed}:newcomer:{index}") if self.seed is not None else random.Random()
            customer = newcomer(
                index,
                rng,
                set(self.by_id),
                {c.name for c in self.customers},
                korean_shop=self.korean_shop,
                shop_country=self.shop_country,
            )
            self.newcomers += 1
            self.customers.append(customer)
            self.by_id[customer.wa_id] = customer
            if len(self.customers) % 2 == 0:  # every other one, as the cast: to the second number
                self._writes_to_second(customer)
            await self._say_turn(customer)

    async def _say_turn(self, customer: Customer) -> None:
        turn = customer.story[customer.turn]
        customer.turn += 1
        customer.waiting = True
        customer.waiting_since = time.monotonic()
        customer.nudged = False
        await self._remember()
        for index, (kind, content) in enumerate(turn):
            if index:
                await asyncio.sleep(self._delay(customer.rng, 1.0, 3.0))
            await self._deliver(self.message_payload(customer, kind, content))

    # ------------------------------------------------------------------ what the shop does
    async def send_message(self, phone_number_id: str, body: dict[str, Any]) -> Accepted:
        to = re.sub(r"\D", "", str(body.get("to", "")))
        customer = self.by_id.get(to)
        wamid = _wamid(b"\x15\x02\x00\x11\x18", to, self._key(18))
        self.sent.append(body)
        # Delays are drawn now, in send order, so a seed repeats them whatever else is running.
        rng = customer.rng if customer else self.strangers_rng
        delays = [self._delay(rng, 0.2, 0.6), self._delay(rng, 0.5, 1.5), self._delay(rng, 1.5, 5.0)]
        generation = None
        if customer is not None and body.get("type") != "reaction" and not self._automatic(customer, body):
            # A newer message from the shop supersedes an answer the customer has not sent yet.
            customer.answer_generation += 1
            generation = customer.answer_generation
        if not self.stopped:
            self._spawn(self._ticks(wamid, to, body, delays, customer, generation, phone_number_id))
        return Accepted(wamid)

    def _automatic(self, customer: Customer, body: dict[str, Any]) -> bool:
        """Faster than anyone types: the relay's greeting or away message."""
        quick = time.monotonic() - customer.waiting_since < self.auto_reply_window / self.speed
        return body.get("type") == "text" and customer.waiting and quick

    async def _ticks(
        self,
        wamid: str,
        to: str,
        body: dict[str, Any],
        delays: list[float],
        customer: Customer | None,
        generation: int | None,
        sent_from: str | None = None,
    ) -> None:
        """sent → delivered → read (from the number the shop sent from), then the customer (if one
        of ours) answers what they read."""
        category = "service"
        if body.get("type") == "template":
            name = (body.get("template") or {}).get("name")
            found = [t for t in self.templates if t["name"] == name]
            category = str(found[0]["category"]).lower() if found else "utility"
        callback = body.get("biz_opaque_callback_data")
        for status, delay in zip(("sent", "delivered", "read"), delays, strict=True):
            await asyncio.sleep(delay)
            ticked = self.status_payload(
                wamid, to, status, callback=callback, category=category, sent_from=sent_from
            )
            await self._deliver(ticked)
        if customer is not None and generation is not None and body.get("type") != "reaction":
            self._heard(customer, wamid, body, generation)

    def _heard(self, customer: Customer, wamid: str, body: dict[str, Any], generation: int) -> None:
        if self._opts_out(customer, body):
            delay = self._delay(customer.rng, 2.0, 6.0)
            words = "수신거부" if customer.korean else "STOP"
            self._spawn(self._send_later(customer, delay, "text", words, wamid))
            return
        tap = self._tap_for(customer, body)
        if tap is not None:
            kind, content = tap
            self._spawn(self._send_later(customer, self._delay(customer.rng, 2.0, 6.0), kind, content, wamid))
            return
        delay = self._delay(customer.rng, 3.0, 10.0)
        self._spawn(self._answer(customer, generation, delay, wamid))

    def _opts_out(self, customer: Customer, body: dict[str, Any]) -> bool:
        """The first Korean customer sent a campaign's marketing template writes back "수신거부" (the
        first customer of all, "STOP", when the shop is the English demo's, in Brighton)."""
        if self.campaign_opt_out_sent or body.get("type") != "template":
            return False
        if self.korean_shop and not customer.korean:
            return False
        if not str(body.get("biz_opaque_callback_data") or "").startswith("campaign:"):
            return False
        name = (body.get("template") or {}).get("name")
        if not any(t["name"] == name and t["category"] == "MARKETING" for t in self.templates):
            return False
        self.campaign_opt_out_sent = True
        return True

    def _tap_for(self, customer: Customer, body: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
        """The reply button, list row or template quick reply the customer picks, if any was offered."""
        kind = body.get("type")
        interactive = body.get("interactive") if kind == "interactive" else None
        if isinstance(interactive, dict):
            action = interactive.get("action") or {}
            if interactive.get("type") == "button":
                buttons = [b.get("reply") or {} for b in action.get("buttons") or []]
                if buttons:
                    choice = customer.rng.choice(buttons)
                    reply = {"id": choice.get("id"), "title": choice.get("title")}
                    return "interactive", {"type": "button_reply", "button_reply": reply}
            if interactive.get("type") == "list":
                rows = [r for s in action.get("sections") or [] for r in s.get("rows") or []]
                if rows:
                    row = customer.rng.choice(rows)
                    picked = {"id": row.get("id"), "title": row.get("title")}
                    if row.get("description"):
                        picked["description"] = row["description"]
                    return "interactive", {"type": "list_reply", "list_reply": picked}
        if kind == "template":
            sent = body.get("template") or {}
            # The buttons of the version sent: a customer sent the English one taps "Get coupon".
            language = (sent.get("language") or {}).get("code")
            offered = [
                b["text"]
                for t in self.templates
                if t["name"] == sent.get("name") and language in (None, t["language"])
                for c in t["components"]
                if c["type"] == "BUTTONS"
                for b in c["buttons"]
                if b["type"] == "QUICK_REPLY"
            ]
            if offered and customer.rng.random() < 0.7:
                text = customer.rng.choice(offered)
                return "button", {"payload": text, "text": text}
        return None

    async def _send_later(
        self, customer: Customer, delay: float, kind: str, content: Any, context: str
    ) -> None:
        await asyncio.sleep(delay)
        await self._deliver(self.message_payload(customer, kind, content, context=context))

    async def _answer(self, customer: Customer, generation: int, delay: float, wamid: str) -> None:
        """Write back after reading: the story's next turn, or thanks once it is told."""
        await asyncio.sleep(delay)
        if generation != customer.answer_generation:
            return  # the shop wrote again while they were typing: they answer that instead
        if not customer.told:
            await self._say_turn(customer)
            return
        customer.waiting = False
        customer.waiting_since = time.monotonic()
        if not customer.thanked and customer.rng.random() < 0.5:
            customer.thanked = True
            await self._deliver(self.message_payload(customer, "text", customer.thanks))
        elif not customer.thanked or customer.rng.random() < 0.4:
            customer.thanked = True
            emoji = customer.rng.choice(["👍", "❤️", "🙏"])
            reaction = {"message_id": wamid, "emoji": emoji}
            await self._deliver(self.message_payload(customer, "reaction", reaction))

    async def mark_read(self, phone_number_id: str, wamid: str) -> None:
        """The customer's phone shows blue ticks; nothing comes back."""

    async def block_users(self, phone_number_id: str, wa_ids: list[str], *, block: bool) -> bool:
        """Simulated customers have no WhatsApp block list: the relay blocks them on its own."""
        return False

    async def upload_media(
        self, phone_number_id: str, path: Path, mime_type: str, filename: str | None
    ) -> str:
        media_id = self._media_id()
        self.media[media_id] = (path.read_bytes(), mime_type)
        return media_id

    async def delete_media(self, phone_number_id: str, media_id: str) -> None:
        self.media.pop(media_id, None)

    async def fetch_media(self, media_id: str, dest: Path) -> str:
        if media_id not in self.media:
            raise GraphError(404, 100, "Unknown media id", retryable=False)
        data, mime = self.media[media_id]
        dest.write_bytes(data)
        return mime

    async def list_templates(self) -> list[dict[str, Any]]:
        return [dict(t) for t in self.templates]
