"""Media files: received media fetched from Graph by a durable job, kept on disk by media id."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import re
import secrets
from pathlib import Path

from fastapi.concurrency import run_in_threadpool

from relay.store import Store
from relay.upstream import GraphError, Upstream

log = logging.getLogger(__name__)

MEDIA_ATTEMPTS = 8
_SAFE_ID = re.compile(r"[^A-Za-z0-9._-]")


class MediaJobs:
    """Fetches pending media in the background; hands out files by media id."""

    def __init__(self, store: Store, upstream: Upstream, media_dir: Path) -> None:
        self.store = store
        self.upstream = upstream
        self.media_dir = media_dir
        self.media_dir.mkdir(parents=True, exist_ok=True)
        self.wakeup: asyncio.Event | None = None

    def start(self) -> None:
        self.wakeup = asyncio.Event()

    def wake(self) -> None:
        if self.wakeup is not None:
            self.wakeup.set()

    def path(self, media_id: str) -> Path:
        return self.media_dir / _SAFE_ID.sub("_", media_id)

    async def fetch_now(self, media_id: str) -> bool:
        row = await run_in_threadpool(self.store.media.row, media_id)
        if row is not None and row.state == "ready" and self.path(media_id).exists():
            return True
        try:
            data, mime = await self.upstream.fetch_media(media_id)
        except GraphError as exc:
            attempts = (row.attempts if row is not None else 0) + 1
            state = "failed" if attempts >= MEDIA_ATTEMPTS or not exc.transient else "pending"
            if row is not None:
                await run_in_threadpool(
                    self.store.media.mark, media_id, attempts=attempts, state=state, error=exc.message
                )
            log.warning("media %s fetch failed (%s), attempt %d", media_id, exc.message, attempts)
            return False
        path = self.path(media_id)
        # A unique partial name: two workers fetching the same file never write into each other's.
        partial = path.with_name(f"{path.name}.{secrets.token_hex(4)}.part")
        await run_in_threadpool(partial.write_bytes, data)
        partial.replace(path)
        digest = hashlib.sha256(data).hexdigest()
        filename = row.filename if row is not None else None
        await run_in_threadpool(
            self.store.media.add_ready,
            media_id,
            mime or (row.mime if row else "") or "application/octet-stream",
            len(data),
            digest,
            filename,
        )
        return True

    async def run_forever(self) -> None:
        assert self.wakeup is not None
        while True:
            pending = await run_in_threadpool(self.store.media.pending)
            for media_id in pending:
                await self.fetch_now(media_id)
            self.wakeup.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.wakeup.wait(), timeout=10 if pending else 60)
