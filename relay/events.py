"""The event feed: long polls that wake on commits, the cursor check, and pruning by retention."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from fastapi.concurrency import run_in_threadpool

from relay.store import Store

log = logging.getLogger(__name__)

MAX_WAIT = 55.0  # below a reverse proxy's 60 s read timeout
PRUNE_EVERY = 3600.0


@dataclass(frozen=True, slots=True)
class HistoryGapFound:
    """The client's cursor cannot be served: pruned past it, or ahead of this relay's log."""

    oldest_seq: int
    reason: str | None = None


class EventFeed:
    """Wakes long polls when events commit (here, or on another worker via NOTIFY)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.version = 0
        self.condition: asyncio.Condition | None = None

    def start(self) -> None:
        self.condition = asyncio.Condition()

    async def notify(self) -> None:
        assert self.condition is not None
        async with self.condition:
            self.version += 1
            self.condition.notify_all()

    async def history_gap(self, after: int) -> HistoryGapFound | None:
        pruned, first, last = await run_in_threadpool(self.store.events.cursor_bounds)
        if 0 < after < pruned:
            return HistoryGapFound(pruned + 1)
        if after > max(last, pruned):
            # A cursor this relay never handed out: its database was replaced or restored from an
            # older backup. Without this the client would wait forever for seqs that never come.
            oldest = first if first is not None else max(last, pruned) + 1
            return HistoryGapFound(oldest, "cursor_ahead")
        return None

    async def wait_for_events(self, after: int, wait: float, limit: int) -> list[dict[str, Any]]:
        assert self.condition is not None
        deadline = time.monotonic() + wait
        while True:
            seen = self.version

            def changed(seen: int = seen) -> bool:
                return self.version != seen

            found = await run_in_threadpool(self.store.events.after, after, limit)
            remaining = deadline - time.monotonic()
            if found or remaining <= 0:
                return found
            async with self.condition:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.condition.wait_for(changed), remaining)

    async def prune_forever(self, retention: timedelta) -> None:
        while True:
            removed = await run_in_threadpool(self.store.prune, retention)
            if removed:
                log.info("pruned %d events older than %s", removed, retention)
            await asyncio.sleep(PRUNE_EVERY)
