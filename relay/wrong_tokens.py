"""Wrong relay tokens counted per client address: one that keeps guessing is held off for a while.

A token the relay makes (`secrets.token_urlsafe(32)`) cannot be guessed; one an operator chose
(RELAY_CLIENT_TOKEN) might be. So an address that presents WRONG_TRIES wrong tokens within WINDOW
seconds is held off for HOLD seconds: every request from it that needs the token is answered 429
(`too_many_attempts`, with Retry-After) without the token being compared, so a guess made meanwhile
learns nothing. The owner is never the one held off in practice: a desktop stops asking as soon as
the relay refuses its token (and one that is held off simply tries again later), and the count is
kept per address, so an attacker elsewhere holds off only himself. Only an address on the internet
is held: a loopback or private one is a proxy that did not pass the client's address on (then
every client would look like it, the owner too), or a computer on the relay's own network; its
wrong tokens are logged, never held. An IPv6 client is counted by its /64, which one subscriber
usually holds whole. A relay alone counts in its memory; the workers of `serve --workers N` count an
internet address's wrong tokens together, in the database they share (relay/storage/wrong_token_rows.py),
so a guesser has WRONG_TRIES guesses whichever worker answers each, not WRONG_TRIES a worker. The right
token, a held address's request and every request of an address never seen wrong stay in memory: only a
wrong token costs a write. A hold is told to every worker (a NOTIFY), which then refuses the address
too. Another address's line (loopback, private) is said once between the workers of one `serve`
(`WrongToken.say`), as one process says it.

A wrong token counts once per address within WINDOW, however often it comes: a guess is a token not
tried yet, and the same refused token again learns nothing. So one "Test connection" with a mistyped
token (which asks /healthz and /v1/events with it) costs the owner one try, as does a desktop that
presents its old token again after the relay's was changed; a guesser still has WRONG_TRIES guesses.
(Counting one per address per short time instead would let a guesser pack any number of guesses
into each such time.) The tokens are remembered as keyed hashes, with a key this process made and
never wrote anywhere; the workers' shared count keys them with the relay token itself (`shared_tag`),
which every worker holds and a guesser lacks.
"""

from __future__ import annotations

import hashlib
import ipaddress
import logging
import math
import secrets
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from relay.log_redaction import redact
from relay.storage.wrong_token_rows import SharedCount

log = logging.getLogger(__name__)

WRONG_TRIES = 20
WINDOW = 300.0
HOLD = 300.0
# Addresses remembered at once: a flood from many addresses forgets its oldest, never grows the relay.
ADDRESSES_KEPT = 10_000


def address_key(host: str | None) -> str:
    """The address a client is counted by: itself, or its /64 for IPv6."""
    if not host:
        return "unknown"
    if host.count(".") == 3 and host.replace(".", "").isdigit():
        return host  # IPv4 as uvicorn gives it, spared the parse: this runs on every request
    try:
        address = ipaddress.ip_address(host)
    except ValueError:  # not an address (a forwarded header's word): never written as it came
        return "not_an_address"
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


# Each address's line is claimed for this long by the worker of a `serve` that says it (the window
# in which one process says it once).
SAID_FOR_MS = int(WINDOW * 1000)


@dataclass(frozen=True, slots=True)
class WrongToken:
    """An address's first wrong token within WINDOW in this process: its line is due."""

    address: str
    path: str

    @property
    def claim(self) -> str:
        """The name under which the workers of one `serve` claim this address's line."""
        return f"wrong_token:{self.address}"

    def say(self, first: bool = True) -> None:
        """The line (never the token), at WARNING; at DEBUG when another worker of this `serve`
        (`first` False) said it within WINDOW, so the operator reads it as often as from one process."""
        # Quoted as the access log has it: a path's %0A would otherwise forge a log line.
        path = redact(quote(self.path))
        if first:
            log.warning("wrong relay token: address=%s path=%s", self.address, path)
        else:
            log.debug(
                "wrong relay token: address=%s path=%s (said at WARNING by another worker)",
                self.address,
                path,
            )


def shared_tag(token: bytes, relay_token: str | None) -> int:
    """A wrong token as the workers count it together: the same for every worker of the relay, and
    a signed 64-bit number as the database keeps it."""
    key = hashlib.sha256((relay_token or "").encode()).digest()
    return int.from_bytes(hashlib.blake2b(token, key=key, digest_size=8).digest(), signed=True)


def on_the_internet(key: str) -> bool:
    try:
        return ipaddress.ip_network(key).network_address.is_global
    except ValueError:
        return False


class WrongTokens:
    """Each address's recent wrong tokens, and the addresses held off until when."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        # Each address's recent wrong tokens: (when, the token's keyed hash), oldest first.
        self._tries: dict[str, deque[tuple[float, int]]] = {}
        self._held: dict[str, float] = {}
        self._key = secrets.token_bytes(16)
        # The addresses whose wrong tokens this worker counted with the other workers (in order).
        self._counted_together: dict[str, None] = {}

    def held_for(self, host: str | None) -> float:
        """Seconds this client is still held off (0: not held)."""
        if not self._held:
            return 0.0
        key = address_key(host)
        until = self._held.get(key)
        if until is None:
            return 0.0
        left = until - self._clock()
        if left <= 0:
            del self._held[key]
            return 0.0
        return left

    def wrong(self, host: str | None, path: str, token: bytes) -> WrongToken | None:
        """A wrong token from this client: counted towards a hold unless this client presented the
        same one within WINDOW. Returned when its line is due (the client's first here within
        WINDOW), for the caller to say once between the workers (`WrongToken.say`)."""
        key = address_key(host)
        now = self._clock()
        tag = int.from_bytes(hashlib.blake2b(token, key=self._key, digest_size=8).digest())
        tries = self._tries.pop(key, None) or deque()
        while tries and now - tries[0][0] > WINDOW:
            tries.popleft()
        due = WrongToken(key, path) if not tries else None
        if all(seen != tag for _, seen in tries):
            tries.append((now, tag))
        self._tries[key] = tries  # last in the dict: the most recently seen address
        if len(tries) >= WRONG_TRIES and on_the_internet(key):
            del self._tries[key]
            self._held[key] = now + HOLD
            log.warning(
                "address held off for %.0f s after %d wrong relay tokens in %.0f s: address=%s",
                HOLD,
                len(tries),
                WINDOW,
                key,
            )
        while len(self._tries) > ADDRESSES_KEPT:
            del self._tries[next(iter(self._tries))]
        while len(self._held) > ADDRESSES_KEPT:
            del self._held[next(iter(self._held))]
        return due

    def counted_together(self, key: str, path: str, counted: SharedCount) -> None:
        """A wrong token from the internet address `key`, counted with the other workers'
        (WrongTokenRows.count): its line when it is the address's first, its hold when it has one."""
        if counted.first:
            WrongToken(key, path).say()
        log.debug(
            "wrong relay token counted by the workers together: address=%s tries=%d", key, counted.tries
        )
        self._counted_together[key] = None
        while len(self._counted_together) > ADDRESSES_KEPT:
            del self._counted_together[next(iter(self._counted_together))]
        if counted.held_ms:
            self.hold(key, counted.held_ms / 1000)
        if counted.new_hold:
            log.warning(
                "address held off for %.0f s after %d wrong relay tokens in %.0f s: address=%s",
                HOLD,
                counted.tries,
                WINDOW,
                key,
            )

    def hold(self, key: str, seconds: float) -> None:
        """Hold off the address `key` for `seconds` (another worker's hold, or one made together)."""
        self._held[key] = max(self._held.get(key, -math.inf), self._clock() + seconds)
        while len(self._held) > ADDRESSES_KEPT:
            del self._held[next(iter(self._held))]

    def right(self, host: str | None) -> str | None:
        """The right token: this address's earlier wrong ones (a mistyped paste) are forgotten.
        Returned: the address whose wrong tokens this worker counted with the others, for the
        caller to forget in the database too (None: nothing there that this worker knows of)."""
        if not self._tries and not self._counted_together:
            return None
        key = address_key(host)
        self._tries.pop(key, None)
        if key not in self._counted_together:
            return None
        del self._counted_together[key]
        return key
