"""Wake-ups between relay processes sharing PostgreSQL: LISTEN/NOTIFY on one channel."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable

from sqlalchemy.engine import make_url

log = logging.getLogger(__name__)

CHANNEL = "shop_inbox_relay"
EVENTS = "events"  # a transaction added events: long polls should look again ("events:…" too)
SETTINGS = "settings"  # the automations document changed: drop cached copies
HOLDS = "holds"  # an address was held off for wrong tokens (relay/wrong_tokens.py): refuse it too
# Held (shared) by every serving relay worker on its wake-up connection, from its start to its stop:
# `move-database` from PostgreSQL refuses a database where any session holds or waits for it. Two
# keys, so it never meets a one-key lock (a contact's `hashtext` lock could take any int4, and would
# wait behind a lock held for a relay's whole life).
SERVING_LOCK = (424247, 1)


# A seq as relay workers send it: ASCII digits that fit a BIGINT (int() would also read "٣", "²"
# raises, and thousands of digits exceed what Python converts).
_SEQ = re.compile(r"[0-9]{1,19}")


def notice_seq(payload: str) -> tuple[str, int | None] | None:
    """A NOTIFY's notice and the newest seq its commit inserted (None for the seq: a notice without
    one); None for a notice no relay sends (its seq not one), which the listener ignores."""
    notice, at, seq = payload.partition("@")
    if not at:
        return notice, None
    if not _SEQ.fullmatch(seq):
        return None
    return notice, int(seq)


def conninfo(sqlalchemy_url: str) -> str:
    """psycopg's connection string for a `postgresql+psycopg://` SQLAlchemy URL."""
    url = make_url(sqlalchemy_url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


async def listen(
    sqlalchemy_url: str,
    on_notice: Callable[[str], Awaitable[None]],
    *,
    on_listening: Callable[[], None] | None = None,
    retry_delay: float = 2.0,
) -> None:
    """Run until cancelled: call `on_notice(payload)` for each NOTIFY another relay worker sends.

    Commits from this process notify it too; the relay skips its own group commits' notices (it
    woke its polls when the commit returned), and any other one costs one extra look at most.
    After a lost connection every waiter is woken once, as a notice may have been missed.
    """
    import psycopg

    from relay.failure_streak import FailureStreak
    from relay.storage.encoding import DatabaseNotUtf8, url_refusal
    from relay.store import storage_cause  # the store imports this module: here, not at the top

    failures = FailureStreak(log, "PostgreSQL wake-up connection")
    notice_failures = FailureStreak(log, "wake-up notice not handled")

    async def handled(payload: str) -> None:
        """One notice: one that cannot be handled is the streak's line, and every waiter is woken
        (as after a lost connection: the commit it told of may be one they wait for); the
        notices after it are handled as before."""
        try:
            await on_notice(payload)
        except Exception as exc:
            notice_failures.failed_unexpectedly(exc)
            await on_notice(EVENTS)
        else:
            notice_failures.succeeded()

    while True:
        try:
            async with await psycopg.AsyncConnection.connect(
                conninfo(sqlalchemy_url), autocommit=True
            ) as conn:
                # A database recreated in SQL_ASCII under the relay: the pool refuses each of its
                # connections, so this one does too (it said "works again" while nothing was).
                refused = url_refusal(conn.info.parameter_status("server_encoding"), make_url(sqlalchemy_url))
                if refused is not None:
                    raise refused
                await conn.execute("SELECT pg_advisory_lock_shared(%s, %s)", SERVING_LOCK)
                await conn.execute(f"LISTEN {CHANNEL}")
                failures.succeeded()
                log.info("listening for other relay workers' commits")
                if on_listening is not None:
                    on_listening()
                await on_notice(EVENTS)
                async for notice in conn.notifies():
                    await handled(notice.payload)
        except asyncio.CancelledError:
            raise
        except (psycopg.Error, OSError, DatabaseNotUtf8) as exc:
            # Named as every other storage line names its cause: a full server or a refused login
            # is not a lost connection, and the advice for it follows the first one.
            failures.failed(
                f"cause={storage_cause(exc)} error={type(exc).__name__}; retrying every {retry_delay:g} s"
            )
            await asyncio.sleep(retry_delay)
        except Exception as exc:
            failures.failed_unexpectedly(exc, f"; retrying every {retry_delay:g} s")
            await asyncio.sleep(retry_delay)
