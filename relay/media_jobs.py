"""Media files: received media fetched from Graph by a durable job, kept on disk by media id."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
import secrets
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from fastapi.concurrency import run_in_threadpool

from relay.failure_streak import FailureStreak
from relay.file_failures import file_cause
from relay.limits import is_media_id
from relay.store import Store, storage_cause, storage_retryable
from relay.upstream import GraphError, Upstream

log = logging.getLogger(__name__)

MEDIA_ATTEMPTS = 8
FAILURE_PAUSE = 5.0  # after an unexpected error in the worker's own loop
PRUNE_EVERY = 3600.0
# A partial file no write has touched for this long belongs to a download or upload that died with
# its worker in another process (this process sweeps its own at start).
STALE_PARTIAL = 24 * 3600.0


class MediaJobs:
    """Fetches pending media in the background; hands out files by media id."""

    def __init__(self, store: Store, upstream: Upstream, media_dir: Path) -> None:
        self.store = store
        self.upstream = upstream
        self.media_dir = media_dir
        self.media_dir.mkdir(parents=True, exist_ok=True)
        self.wakeup: asyncio.Event | None = None
        # The database away (an outage): its first failure, a reminder a minute and its end, not
        # a line every FAILURE_PAUSE.
        self.read_failures = FailureStreak(log, "media worker cannot read its jobs")
        # Fetches under way in this process, by media id: a second caller waits for the first's.
        self._fetching: dict[str, asyncio.Future[GraphError | None]] = {}

    def start(self) -> None:
        self.wakeup = asyncio.Event()
        # Partial files of a relay that stopped mid-write: never finished, never served.
        for leftover in self.media_dir.glob("*.part"):
            leftover.unlink(missing_ok=True)

    def wake(self) -> None:
        if self.wakeup is not None:
            self.wakeup.set()

    def prune(self, retention: timedelta) -> tuple[int, int]:
        """Remove the files received or uploaded more than `retention` ago; returns (files, bytes).

        Their rows are marked pruned first (GET then answers that the file is gone, for good), then
        this host's files go: those rows' files, and any file in the folder older than the retention
        by its time on disk (another worker, on another host, marked its row; or a file whose row a
        restored database lacks). Partial files untouched for a day are swept too."""
        cutoff = time.time() - retention.total_seconds()
        ids = self.store.media.prune(int(cutoff * 1000))
        removed = bytes_freed = 0

        def remove(path: Path) -> None:
            nonlocal removed, bytes_freed
            try:
                size = path.stat().st_size
                path.unlink()
            except FileNotFoundError:
                return
            removed += 1
            bytes_freed += size

        for media_id in ids:
            if is_media_id(media_id):
                remove(self.path(media_id))
        stale_partial = time.time() - STALE_PARTIAL
        with os.scandir(self.media_dir) as entries:
            for entry in entries:
                if not entry.is_file(follow_symlinks=False):
                    continue
                modified = entry.stat(follow_symlinks=False).st_mtime
                if entry.name.endswith(".part"):
                    if modified < stale_partial:
                        remove(Path(entry.path))
                elif is_media_id(entry.name) and modified < cutoff:
                    remove(Path(entry.path))
        return removed, bytes_freed

    async def prune_forever(self, retention: timedelta) -> None:
        """Prune every hour; a full disk or the database away only delays it to the next round."""
        while True:
            try:
                removed, freed = await run_in_threadpool(self.prune, retention)
            except Exception as exc:
                cause = storage_cause(exc) if storage_retryable(exc) else type(exc).__name__
                log.error("media not pruned (tried again in an hour): cause=%s", cause)
            else:
                if removed:
                    log.info(
                        "pruned %d media files older than %d days: freed_mb=%.1f",
                        removed,
                        retention.days,
                        freed / 2**20,
                    )
            await asyncio.sleep(PRUNE_EVERY)

    def path(self, media_id: str) -> Path:
        """The file of a media id; only Graph's digit ids have one (nothing else can name a path)."""
        if not is_media_id(media_id):
            raise ValueError("not a media id")
        return self.media_dir / media_id

    def partial_path(self, name: str) -> Path:
        """A new partial file's path, in the media folder, made again should it have been removed
        since the start (an operator's cleanup): each upload and download failed until a restart.
        Whatever stands in the way (a file in its place, a disk that takes no writes) is said by the
        write that then fails (relay/file_failures.py)."""
        with contextlib.suppress(OSError):
            self.media_dir.mkdir(parents=True, exist_ok=True)
        # A unique partial name: two workers writing the same file never write into each other's.
        return self.media_dir / f"{name}.{secrets.token_hex(4)}.part"

    async def fetch_now(self, media_id: str) -> GraphError | None:
        """Fetch one media file unless it is here: None once it is, else why not (Graph's error; its
        `unreachable` set when Graph could not be reached at all).

        The worker and a desktop's GET can ask for the same file at once: they share one download
        (Graph is asked once, and no second partial file is left writing after the first answer)."""
        running = self._fetching.get(media_id)
        if running is None:
            running = asyncio.ensure_future(self._fetch(media_id))
            self._fetching[media_id] = running
            running.add_done_callback(lambda _done: self._fetching.pop(media_id, None))
        # Shielded: a desktop that gives up does not cut short the download others wait for.
        return await asyncio.shield(running)

    async def _fetch(self, media_id: str) -> GraphError | None:
        if not is_media_id(media_id):
            return GraphError(400, None, "not a media id", retryable=False)
        row = await run_in_threadpool(self.store.media.row, media_id)
        if row is not None and row.state == "ready" and self.path(media_id).exists():
            return None
        path = self.path(media_id)
        partial = self.partial_path(media_id)
        try:
            try:
                mime = await self.upstream.fetch_media(media_id, partial)
            except GraphError as exc:
                await self._failed(media_id, row, exc)
                return exc
            size, digest = await run_in_threadpool(_size_and_sha256, partial)
            partial.replace(path)
        finally:
            partial.unlink(missing_ok=True)
        filename = row.filename if row is not None else None
        await run_in_threadpool(
            self.store.media.add_ready,
            media_id,
            mime or (row.mime if row else "") or "application/octet-stream",
            size,
            digest,
            filename,
        )
        return None

    async def _failed(self, media_id: str, row: Any, exc: GraphError) -> None:
        """Count a failed fetch against the file, unless Graph was never reached: the relay's network
        or DNS being away for a minute is not the file's fault, and must not mark a customer's photo
        failed for good (8 attempts pass in a minute and a half of outage)."""
        spent = 0 if exc.unreachable else 1
        attempts = (row.attempts if row is not None else 0) + spent
        state = "failed" if attempts >= MEDIA_ATTEMPTS or not exc.transient else "pending"
        if row is not None:
            await run_in_threadpool(
                self.store.media.mark, media_id, attempts=attempts, state=state, error=exc.message[:500]
            )
        log.warning("media fetch failed: media_id=%s attempts=%d error=%s", media_id, attempts, exc.message)

    async def _fetch_logged(self, media_id: str) -> None:
        """One job; whatever goes wrong is logged and counted, and the worker moves on."""
        try:
            await self.fetch_now(media_id)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            cause = _hosts_fault(exc)
            if cause is not None:
                log.error("media job failed: media_id=%s cause=%s", media_id, cause)
                log.debug("media job failed", exc_info=exc)
                # This host's fault (a full disk, the database away), not the file's: no attempt is
                # spent, or a minute of full disk would mark a customer's photo failed for good.
                return
            log.error("media job failed: media_id=%s error=%s", media_id, type(exc).__name__, exc_info=exc)
            with contextlib.suppress(Exception):
                row = await run_in_threadpool(self.store.media.row, media_id)
                attempts = (row.attempts if row is not None else 0) + 1
                state = "failed" if attempts >= MEDIA_ATTEMPTS else "pending"
                error = type(exc).__name__
                await run_in_threadpool(
                    self.store.media.mark, media_id, attempts=attempts, state=state, error=error
                )

    async def run_forever(self) -> None:
        """The supervised worker: neither one job nor the database being away ends it."""
        assert self.wakeup is not None
        while True:
            # Cleared before the jobs are read, not after their round: a photo that comes while
            # another is fetched wakes the next round at once instead of 10 s later (its wake-up
            # was cleared with the round's, and the second photo waited for the timeout).
            self.wakeup.clear()
            try:
                pending = await run_in_threadpool(self.store.media.pending)
            except Exception as exc:
                self.read_failures.failed(f"cause={storage_cause(exc)} error={type(exc).__name__}")
                await asyncio.sleep(FAILURE_PAUSE)
                continue
            self.read_failures.succeeded()
            for media_id in pending:
                await self._fetch_logged(media_id)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.wakeup.wait(), timeout=10 if pending else 60)


def _hosts_fault(exc: Exception) -> str | None:
    """Why a job failed when it is this host's doing, not the file's: a file of the relay's own that
    someone can mend (relay/file_failures.py: any other, such as a folder where the file goes, is
    no outage), or the database away; None otherwise."""
    if isinstance(exc, OSError) and exc.errno is not None:
        return file_cause(exc)
    return storage_cause(exc) if storage_retryable(exc) else None


def _size_and_sha256(path: Path) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as file:
        while chunk := file.read(1024 * 1024):
            size += len(chunk)
            digest.update(chunk)
    return size, digest.hexdigest()
