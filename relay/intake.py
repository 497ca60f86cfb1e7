"""Webhook intake: a parsed webhook committed with its neighbours (group commit), then reacted to."""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi.concurrency import run_in_threadpool

from relay.automations import AutomationRunner
from relay.events import EventFeed
from relay.media_jobs import MediaJobs
from relay.store import IntakeResult, IntakeRows, Store
from relay.webhook import Intake, parse_webhook

log = logging.getLogger(__name__)

GROUP_COMMIT_MAX = 64

Spawn = Callable[[Coroutine[Any, Any, Any]], "asyncio.Task[Any]"]


def intake_rows(intake: Intake) -> IntakeRows:
    now = int(time.time())
    return IntakeRows(
        events=intake.events,
        media=intake.media,
        inbound=[
            (i.wa_id, (i.timestamp or now) * 1000, i.profile_name, i.phone_number_id) for i in intake.inbound
        ],
        touches=intake.touches,
        number_changes=[
            (c.old_wa_id, c.new_wa_id, c.phone_number_id, c.message_id) for c in intake.number_changes
        ],
    )


class WebhookIntake:
    """Stores webhooks (many per transaction), wakes long polls, media jobs and automations."""

    def __init__(
        self,
        store: Store,
        feed: EventFeed,
        media: MediaJobs,
        automations: AutomationRunner,
        spawn: Spawn,
    ) -> None:
        self.store = store
        self.feed = feed
        self.media = media
        self.automations = automations
        self.spawn = spawn
        self.queue: list[tuple[IntakeRows, asyncio.Future[IntakeResult]]] = []
        self.writer: asyncio.Task[Any] | None = None

    async def ingest(self, payload: dict[str, Any], intake: Intake | None = None) -> None:
        """Store a webhook payload's events (raises on storage failure), then react to them.

        The Upstream protocol's `ingest` (the sandbox calls it with the payload alone).
        """
        intake = intake if intake is not None else parse_webhook(payload)
        rows = intake_rows(intake)
        seqs, befores = await self.commit(rows)
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
        await self.feed.notify()
        if intake.media:
            self.media.wake()
        doc = await self.automations.document()
        if not (doc.greeting.enabled or doc.away.enabled):
            return
        seen: set[str] = set()
        for item in intake.inbound:
            if item.wa_id in seen:
                continue  # one answer per customer per webhook
            seen.add(item.wa_id)
            self.spawn(self.automations.answer(item, befores.get(item.wa_id)))

    async def commit(self, rows: IntakeRows) -> IntakeResult:
        """Group commit: webhooks arriving together share one transaction; each waits for it."""
        future: asyncio.Future[IntakeResult] = asyncio.get_running_loop().create_future()
        self.queue.append((rows, future))
        if self.writer is None or self.writer.done():
            self.writer = self.spawn(self._write())
        return await future

    async def _write(self) -> None:
        while self.queue:
            batch, self.queue = self.queue[:GROUP_COMMIT_MAX], self.queue[GROUP_COMMIT_MAX:]
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
