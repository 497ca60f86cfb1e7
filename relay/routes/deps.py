"""What the routes depend on: the running Relay and the bearer check."""

from __future__ import annotations

import hmac
import logging
import time
from collections.abc import Iterable

from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.exc import SQLAlchemyError

from relay.service import Relay
from relay.storage.database import now_ms
from relay.store import storage_cause
from relay.worker_process import serve_run
from relay.wrong_tokens import (
    HOLD,
    SAID_FOR_MS,
    WINDOW,
    WRONG_TRIES,
    WrongToken,
    address_key,
    on_the_internet,
    shared_tag,
)

log = logging.getLogger(__name__)


class Unauthorised(Exception):
    """No or a wrong bearer token: answered 401 by the app's exception handler."""


class HeldOff(Exception):
    """This client's address sent too many wrong tokens lately (relay/wrong_tokens.py): 429."""

    def __init__(self, seconds: float) -> None:
        super().__init__(seconds)
        self.seconds = seconds


# Both are `async def` although they never wait: FastAPI runs a plain `def` dependency in its thread
# pool, a hand-off to another thread and back on every request for a dictionary lookup.


async def current_relay(request: Request) -> Relay:
    relay: Relay = request.app.state.relay
    return relay


async def authorised(request: Request) -> None:
    """`Authorization: Bearer <token>`, compared as bytes in constant time (any header bytes welcome)."""
    relay: Relay = request.app.state.relay
    host = request.client.host if request.client else None
    held = relay.wrong_tokens.held_for(host)
    if held:
        raise HeldOff(held)  # before the comparison: a guess made meanwhile learns nothing
    token = bearer_token(request.headers.raw)
    if token is None:
        raise Unauthorised()  # no token at all (a browser, a scanner): not a guess
    if not is_relay_token(relay, token):
        await count_wrong_token(relay, host, request.url.path, token)
        raise Unauthorised()
    counted = relay.wrong_tokens.right(host)
    if counted is not None:
        relay.spawn(run_in_threadpool(relay.store.wrong_tokens.forget, counted))


async def count_wrong_token(relay: Relay, host: str | None, path: str, token: bytes) -> None:
    """A wrong token: counted towards a hold of its address, by this worker alone, or with the other
    workers of `serve --workers N` when it comes from the internet (an address that may be held).
    The 401 waits for the shared count: a guesser's next request is counted after this one."""
    key = address_key(host)
    if relay.settings.workers > 1 and on_the_internet(key):
        tag = shared_tag(token, relay.token)
        try:
            counted = await run_in_threadpool(
                relay.store.wrong_tokens.count,
                key,
                tag,
                now_ms(),
                tries=WRONG_TRIES,
                window_ms=int(WINDOW * 1000),
                hold_ms=int(HOLD * 1000),
            )
        except SQLAlchemyError as exc:
            # The database away: this worker counts it alone, as a relay alone does.
            log.debug("wrong relay token counted by this worker alone (%s)", storage_cause(exc))
        else:
            relay.wrong_tokens.counted_together(key, path, counted)
            return
    due = relay.wrong_tokens.wrong(host, path, token)
    if due is not None:
        say_wrong_token(relay, due)


def say_wrong_token(relay: Relay, due: WrongToken) -> None:
    """An address's wrong token, said as one process says it: each worker of `serve --workers N`
    counts its own, and each said the address's line, N times as often. A relay alone says it at
    once; a worker claims the line in the database the workers share (its answer, a 401, does not
    wait for that)."""
    if relay.settings.workers <= 1:
        due.say()
        return
    relay.spawn(_say_if_first_of_the_workers(relay, due))


async def _say_if_first_of_the_workers(relay: Relay, due: WrongToken) -> None:
    try:
        first = await run_in_threadpool(
            relay.store.kv.claim_for_window, due.claim, serve_run(), int(time.time() * 1000), SAID_FOR_MS
        )
    except SQLAlchemyError as exc:
        # The database away: the line twice is better than never.
        log.debug("wrong relay token: the other workers were not asked (%s)", storage_cause(exc))
        first = True
    due.say(first)


def bearer_token(raw_headers: Iterable[tuple[bytes, bytes]]) -> bytes | None:
    """The token of `Authorization: Bearer <token>`, as bytes (any header bytes welcome); else None."""
    presented = next((value for name, value in raw_headers if name.lower() == b"authorization"), b"")
    scheme, _, token = presented.partition(b" ")
    if scheme.lower() != b"bearer" or not token.strip():
        return None
    return token.strip()


def is_relay_token(relay: Relay, token: bytes) -> bool:
    """Compared in constant time; none matches while the relay has no token (its stored one is not text)."""
    return relay.token is not None and hmac.compare_digest(token, relay.token.encode())
