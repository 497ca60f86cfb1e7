"""Requests that meet the database away, logged as one streak: the first with its cause, a reminder a
minute, and one line when a request is served from the database again."""

from __future__ import annotations

import logging
from contextvars import ContextVar
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.exc import SQLAlchemyError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from relay.failure_streak import FailureStreak
from relay.store import CONFLICT_CAUSE, storage_cause, storage_conflict, storage_retryable

log = logging.getLogger(__name__)


class _Asked:
    """Whether the request going on took a connection from the relay's pool."""

    __slots__ = ("database",)

    def __init__(self) -> None:
        self.database = False


# Set by `StorageWatch` for each request while a streak goes on; the thread pool's threads run in a
# copy of the request's context, so a connection taken there marks the request's own object.
_asked: ContextVar[_Asked | None] = ContextVar("relay_request_asked_database", default=None)


def _took_connection(*_args: Any) -> None:
    asked = _asked.get()
    if asked is not None:
        asked.database = True


class RequestStorageFailures:
    """Every desktop's long poll and send answered 503 for as long as the database is away logged a
    line each, at ERROR (thousands an hour), burying the one that said why. Now the first failure
    is said with its cause, a reminder with the count a minute (a new cause at once), each one at
    DEBUG with its traceback, and one line when a request that asked the database is answered
    again. A failure a retry cannot change (500: data the database refuses) is not an outage: each
    is said at ERROR, and neither starts nor ends the streak. A write that met another worker's row
    (a unique or foreign-key violation) is one a retry fixes: part of the streak, under its cause."""

    def __init__(self, engine: Engine) -> None:
        self.streak = FailureStreak(log, "storage failed", level=logging.ERROR, counted="failed requests")
        # Once per connection taken from the pool (not per statement); new pools after a dispose()
        # keep the engine's listeners.
        event.listen(engine, "checkout", _took_connection)

    @property
    def count(self) -> int:
        """Requests failed in the streak going on (0: none goes on)."""
        return self.streak.count

    def failed(self, exc: SQLAlchemyError) -> bool:
        """Says (or counts) a request's storage failure; True when a retry can fix it (503)."""
        conflict = storage_conflict(exc)
        retryable = conflict or storage_retryable(exc)
        cause = CONFLICT_CAUSE if conflict else storage_cause(exc)
        detail = f"cause={cause} error={type(exc).__name__} retryable={retryable}"
        if retryable:
            self.streak.failed(detail)
        else:
            log.error("storage failed: %s", detail)
        log.debug("storage failed", exc_info=exc)
        return retryable

    def answered(self) -> None:
        self.streak.succeeded()


class StorageWatch:
    """Pure ASGI: while a streak of storage failures goes on, a request that took a database
    connection and was answered below 500 ends it. Otherwise it passes the request on untouched."""

    def __init__(self, app: ASGIApp, failures: RequestStorageFailures) -> None:
        self.app = app
        self.failures = failures

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.failures.count:
            await self.app(scope, receive, send)
            return
        asked = _Asked()
        status = 500

        async def watched(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        token = _asked.set(asked)
        try:
            await self.app(scope, receive, watched)
        finally:
            _asked.reset(token)
        # /healthz, a 401, a long poll served from what the feed holds: none asked the database.
        if asked.database and status < 500:
            self.failures.answered()
