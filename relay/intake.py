"""Webhook intake: strict parsing, group commit (each webhook in its own savepoint), then reactions."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from app.rules import opt_out_reason
from relay.automations import AutomationRunner
from relay.campaigns import CampaignRunner
from relay.events import EventFeed
from relay.media_jobs import MediaJobs
from relay.storage.event_log import EventsRead
from relay.store import IntakeResult, IntakeRows, Store, storage_retryable
from relay.wakeups import EVENTS
from relay.webhook import Intake, MalformedWebhook, parse_webhook

log = logging.getLogger(__name__)

GROUP_COMMIT_MAX = 64
# Turns of the event loop a group commit waits while webhooks keep joining it: those whose bytes
# have already arrived are parsed and queued, so a batch is whole (two workers: ~1 webhook a
# commit without it) and the commit's fixed cost is shared.
GATHER_TURNS = 4
# On PostgreSQL, how long after another worker's group commit was heard this worker's group commits
# take turns with the others' (PostgresGroupCommit.take_turn): while several are receiving webhooks.
TURNS_AFTER_PEER_COMMIT = 1.0
# The most events one webhook writes in one transaction. A larger one (a history sync of the
# phone app's past chats: tens of thousands within RELAY_MAX_WEBHOOK_BYTES) is written in several
# commits, one after the other, so a transaction and the rows it holds in memory stay this size.
EVENTS_PER_COMMIT = 5000
MAX_DEPTH = 64  # Meta's payloads nest about 8 deep
MAX_INT_DIGITS = 18  # every integer fits a signed 64-bit column
# A UTF-16 surrogate written as an escape: legal JSON, but only as a high+low pair.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")

Spawn = Callable[[Coroutine[Any, Any, Any]], "asyncio.Task[Any]"]


def _no_constant(name: str) -> Any:
    raise MalformedWebhook("nan_or_infinity")


def _finite_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise MalformedWebhook("number_out_of_range")
    return value


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise MalformedWebhook("number_out_of_range")
    return int(text)


_DECODER = json.JSONDecoder(parse_constant=_no_constant, parse_float=_finite_float, parse_int=_bounded_int)


def _check_tree(payload: Any, check_strings: bool) -> None:
    """Depth bound, and (when the body escapes surrogates) no lone surrogate in any string."""
    stack: list[tuple[Any, int]] = [(payload, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            if depth >= MAX_DEPTH:
                raise MalformedWebhook("too_deep")
            for key, value in node.items():
                if check_strings:
                    _check_string(key)
                stack.append((value, depth + 1))
        elif isinstance(node, list):
            if depth >= MAX_DEPTH:
                raise MalformedWebhook("too_deep")
            stack.extend((item, depth + 1) for item in node)
        elif check_strings and isinstance(node, str):
            _check_string(node)


def _check_string(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise MalformedWebhook("lone_surrogate") from None


def read_webhook(body: bytes) -> tuple[dict[str, Any], Intake]:
    """The one intake check of a signed body: strict JSON, then the parts we read.

    Refuses (MalformedWebhook with a short reason) what could be stored but not served again:
    NaN/Infinity, numbers beyond 64 bits or a double, nesting deeper than MAX_DEPTH, lone
    surrogates, and the parse_webhook checks (types, ids, timestamps, media ids).
    """
    try:
        # json.loads(body, parse_…=…) exactly, without building a decoder for every webhook.
        payload = _DECODER.decode(body.decode(json.detect_encoding(body), "surrogatepass"))
    except RecursionError:
        raise MalformedWebhook("too_deep") from None
    except UnicodeDecodeError:
        raise MalformedWebhook("not_utf8") from None
    except MalformedWebhook:
        raise
    except ValueError:
        raise MalformedWebhook("not_json") from None
    _check_tree(payload, check_strings=_SURROGATE_ESCAPE.search(body) is not None)
    return payload, parse_webhook(payload)


_NOT_IN_NAMES = frozenset(("Cc", "Zl", "Zp"))  # controls (tabs, line breaks…) and line/paragraph separators


def _name_column(name: str | None) -> str | None:
    """A profile name as the rules' table keeps it (the event keeps the name as it came): without
    control characters and line breaks. The invisible characters that build what a name shows stay:
    the joiners of an emoji family or a rainbow flag, a Scottish flag's tags, a Persian word's
    non-joiner (str.isprintable() dropped them all, and a renamed customer's new name reached the
    desktop as 👨👩👧👦), and an emoji newer than this Python's Unicode tables."""
    if name is None:
        return None
    return "".join(ch for ch in name if unicodedata.category(ch) not in _NOT_IN_NAMES)[:256] or None


def intake_rows(intake: Intake) -> IntakeRows:
    now = int(time.time())
    return IntakeRows(
        events=intake.events,
        media=intake.media,
        inbound=[
            (i.wa_id, (i.timestamp or now) * 1000, _name_column(i.profile_name), i.phone_number_id)
            for i in intake.inbound
        ],
        touches=intake.touches,
        replies=intake.replies,
        number_changes=[
            (c.old_wa_id, c.new_wa_id, c.phone_number_id, c.message_id) for c in intake.number_changes
        ],
    )


def commit_parts(rows: IntakeRows, most: int = EVENTS_PER_COMMIT) -> list[IntakeRows]:
    """A webhook's rows as the commits that write it, in order: the events `most` at a time, and
    with the last part what the webhook moves besides them (media jobs, customers' rule inputs,
    changed numbers).

    Committed one after the other, each keeps its events' order. Should one fail, the webhook is
    answered 503 and Meta delivers it again whole: the parts already stored are redeliveries that
    add nothing (events are deduplicated by key), and the rest, the last part's rule inputs with
    it, is stored then, so every event is kept once and every input moved once.
    """
    if len(rows.events) <= most:
        return [rows]
    events = rows.events
    parts = [IntakeRows(events[start : start + most]) for start in range(0, len(events) - most, most)]
    last = IntakeRows(
        events[len(parts) * most :], rows.media, rows.inbound, rows.touches, rows.replies, rows.number_changes
    )
    return [*parts, last]


class WebhookIntake:
    """Stores webhooks (many per transaction), wakes long polls, media jobs and automations."""

    def __init__(
        self,
        store: Store,
        feed: EventFeed,
        media: MediaJobs,
        automations: AutomationRunner,
        campaigns: CampaignRunner,
        spawn: Spawn,
        notice: str = EVENTS,
    ) -> None:
        self.store = store
        # What other workers hear at each group commit; this worker wakes its own polls itself.
        self.notice = notice
        self.feed = feed
        self.media = media
        self.automations = automations
        self.campaigns = campaigns
        self.spawn = spawn
        self.queue: list[tuple[IntakeRows, asyncio.Future[IntakeResult]]] = []
        self.writer: asyncio.Task[Any] | None = None
        # One thread of its own for SQLite's group commits (one runs at a time; on PostgreSQL only for
        # a batch written again webhook by webhook): half the CPU of a hand-off through anyio's thread
        # pool, which each batch paid (~0.06 ms against ~0.12 ms).
        self.writer_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="group-commit")
        # When another worker's group commit was last heard (monotonic; see TURNS_AFTER_PEER_COMMIT).
        self.peer_committed_at: float | None = None

    def close(self) -> None:
        """Wait for a group commit still running (blocking; the relay calls it before closing the store)."""
        self.writer_thread.shutdown(wait=True)

    async def ingest(self, payload: dict[str, Any], intake: Intake | None = None) -> None:
        """Store a webhook payload's events (raises on storage failure), then react to them.

        The Upstream protocol's `ingest` (the sandbox calls it with the payload alone).
        """
        intake = intake if intake is not None else parse_webhook(payload)
        for code, title in intake.value_errors:
            # WhatsApp says it could not deliver something (Meta's words, no customer's): for the admin.
            log.warning("webhook carries an error from WhatsApp: code %s (%s)", code, title or "no title")
        rows = intake_rows(intake)
        seqs: list[int] = []
        for part in commit_parts(rows):
            # The last part's customers as they were before it: inbound messages are there.
            part_seqs, befores = await self.commit(part)
            seqs += part_seqs
        if intake.statuses or intake.preferences or intake.template_updates or intake.quality_updates:
            await self.campaigns.on_webhook(intake)
        if not seqs:
            if rows.events:  # nothing in it to store (an empty `entry`) is no redelivery
                log.info("webhook redelivered: events=0 duplicates=%d", len(rows.events))
            else:
                log.debug("webhook with no events stored")
            return  # a redelivery: nothing new, nothing to answer
        kinds = Counter(e.kind for e in rows.events)
        # Which business number it came for (an id, no customer's): a shop with two numbers sees
        # that each reaches the relay.
        numbers = sorted({e.phone_number_id for e in rows.events if e.phone_number_id})
        log.info(
            "webhook stored: events=%d seq=%d-%d %s%s",
            len(seqs),
            min(seqs),
            max(seqs),
            " ".join(f"{kind}={n}" for kind, n in sorted(kinds.items())),
            f" phone_number_id={','.join(numbers)}" if numbers else "",
        )
        if intake.media:
            self.media.wake()
        doc = await self.automations.document()
        answering = doc.greeting.enabled or doc.away.enabled or doc.bot.enabled
        seen: set[str] = set()
        for item in intake.inbound:
            if item.wa_id in seen:
                continue  # one answer per customer per webhook
            seen.add(item.wa_id)
            # A marketing opt-out is taken even when no automation is on.
            if answering or opt_out_reason(item.message, doc.opt_out) is not None:
                self.spawn(self.automations.answer(item, befores.get(item.wa_id)))

    async def commit(self, rows: IntakeRows) -> IntakeResult:
        """Group commit: webhooks arriving together share one transaction; each waits for it."""
        future: asyncio.Future[IntakeResult] = asyncio.get_running_loop().create_future()
        self.queue.append((rows, future))
        if self.writer is None or self.writer.done():
            self.writer = self.spawn(self._write())
        return await future

    async def _write_batch(
        self, batch: list[IntakeRows], read_above: int | None
    ) -> tuple[list[IntakeResult | Exception], EventsRead | None]:
        """Each webhook's result, and on PostgreSQL with `read_above` the new events read right
        after its COMMIT, in the same statement (`PostgresGroupCommit.write_async`). On PostgreSQL the
        batch is written from the event loop; should the database refuse any of it, again with a
        savepoint per webhook in the writer's thread, as `Store.ingest_many` does."""
        pg = self.store.pg_group_commit
        run = asyncio.get_running_loop().run_in_executor
        if pg is None:
            return await run(self.writer_thread, self.store.ingest_many, batch, self.notice), None
        if not any(item.number_changes for item in batch):
            try:
                results, read = await pg.write_async(batch, self.notice, read_above)
                return list(results), read
            except Exception as exc:
                if storage_retryable(exc):
                    raise
        await pg.give_turn_back()
        return await run(self.writer_thread, self.store.ingest_each, batch, self.notice), None

    def peer_committed(self) -> None:
        """Another worker sharing the database committed a batch of webhooks (its NOTIFY)."""
        self.peer_committed_at = time.monotonic()

    def _taking_turns(self) -> bool:
        heard = self.peer_committed_at
        return heard is not None and time.monotonic() - heard < TURNS_AFTER_PEER_COMMIT

    async def _gather(self) -> None:
        """Let the webhooks already received join the queue (see GATHER_TURNS)."""
        for _ in range(GATHER_TURNS):
            queued = len(self.queue)
            await asyncio.sleep(0)
            if len(self.queue) == queued or len(self.queue) >= GROUP_COMMIT_MAX:
                return

    async def _write(self) -> None:
        try:
            await self._write_queue()
        except BaseException as exc:
            # Whatever ended this writer, no webhook waits on it for ever: those still queued are
            # answered with its error (503, Meta delivers them again), or cancelled with it.
            queued, self.queue = self.queue, []
            for _, future in queued:
                if future.done():
                    continue
                if isinstance(exc, Exception):
                    future.set_exception(exc)
                else:
                    future.cancel()
            raise

    async def _write_queue(self) -> None:
        pg = self.store.pg_group_commit
        while self.queue:
            if pg is not None and self._taking_turns():
                # Another worker's commit in flight ends first; what arrives meanwhile joins this batch.
                await pg.take_turn()
            await self._gather()
            batch, self.queue = self.queue[:GROUP_COMMIT_MAX], self.queue[GROUP_COMMIT_MAX:]
            # On PostgreSQL the commit reads the new events for this worker's waiting polls itself.
            read_above = self.feed.reading_commit() if self.store.pg_group_commit is not None else None
            read: EventsRead | None = None
            stored = False
            try:
                results, read = await self._write_batch([item for item, _ in batch], read_above)
            except asyncio.CancelledError:
                if read_above is not None:
                    self.feed.commit_abandoned()
                raise
            except Exception as exc:
                if pg is not None:
                    await pg.give_turn_back()
                for _, future in batch:
                    if not future.done():
                        future.set_exception(exc)
            else:
                for (_, future), result in zip(batch, results, strict=True):
                    if future.done():
                        continue
                    if isinstance(result, Exception):
                        future.set_exception(result)
                    else:
                        future.set_result(result)
                        stored = stored or bool(result[0])
            # After the answers are on their way: the waiting polls see the batch's events.
            if read_above is not None:
                await self.feed.commit_read(read_above, read, stored)
            elif stored:
                await self.feed.notify()
