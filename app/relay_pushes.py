"""What the desktop hands the relay on connecting, tried again on a backoff while online until it goes."""

from __future__ import annotations

import enum
import logging
import threading
import time
from collections.abc import Callable, Mapping

from app.backoff import backoff_delay
from app.errors import RelayBusy, RelayError, RelayUnreachable

log = logging.getLogger(__name__)

# A push the relay could not take (a timeout, a proxy's 502/503, the relay restarting between two
# requests) is tried again after about this long, doubling to the cap, while the connection stays up.
RETRY_BASE = 30.0
RETRY_CAP = 300.0
PUSHES_THREAD = "relay-pushes"


class PushTask(enum.StrEnum):
    """One thing the relay holds a copy of, pushed on connecting and again until it has it."""

    AUTOMATIONS = "automations"  # the rules (the relay's features read first, the shop's country after)
    BLOCKS = "blocks"
    KNOWN_CONTACTS = "known_contacts"
    ORDER_STATUSES = "order_statuses"
    # Not a push but a copy fetched on connecting (the approved templates an order's message outside
    # the 24 hours is prepared with): kept meanwhile, fetched again on the same backoff.
    TEMPLATES = "templates"


# What the relay acts on by itself while this computer is closed: a change of these not on the relay
# yet is worth telling the owner about (the window says so; quitting asks first).
RELAY_ACTS_ON = frozenset(
    {PushTask.AUTOMATIONS, PushTask.BLOCKS, PushTask.KNOWN_CONTACTS, PushTask.ORDER_STATUSES}
)


def worth_retrying(exc: RelayError) -> bool:
    """A failure that another try can mend; a refusal (401, a validation error) gets the same answer."""
    return isinstance(exc, RelayUnreachable | RelayBusy)


class RelayPushes:
    """Runs each push (one of a kind at a time) and keeps those that must be tried again.

    Each push is a callable that returns whether the relay now has everything of its kind (False: it
    waits, e.g. the relay did not answer) or raises RelayError. While the connection stays up, a
    waiting push is tried on a backoff by `run` (its own thread); a dropped connection forgets them,
    since the reconnect pushes everything again; `close` ends the thread (on quit). `on_waiting` hears
    the set of waiting pushes whenever it changes (from the thread that changed it).
    """

    def __init__(
        self,
        pushes: Mapping[PushTask, Callable[[], bool]],
        *,
        online: Callable[[], bool],
        retry_base: float = RETRY_BASE,
        retry_cap: float = RETRY_CAP,
        on_waiting: Callable[[frozenset[PushTask]], None] | None = None,
    ) -> None:
        self._pushes = dict(pushes)
        self._on_waiting = on_waiting
        self._told: frozenset[PushTask] = frozenset()  # the set last told to `on_waiting`
        self._telling = threading.Lock()
        self._online = online
        self.retry_base = retry_base
        self.retry_cap = retry_cap
        # Never two pushes of one kind at once: the reconnect's and a retry's, or the UI's and a retry's.
        self._running = {task: threading.Lock() for task in self._pushes}
        self._cond = threading.Condition()
        self._waiting: set[PushTask] = set()
        # Bumped by each `retry_later`: a push that began before it read what was there then (an
        # editor's save after it met a 503), so its "done" does not settle the later change.
        self._asked = dict.fromkeys(self._pushes, 0)
        self._closed = False
        self.attempts = 0  # rounds of retries that left something waiting, in a row

    @property
    def waiting(self) -> frozenset[PushTask]:
        with self._cond:
            return frozenset(self._waiting)

    def push(self, task: PushTask, *, only_if_waiting: bool = False) -> bool:
        """Run one push now; whether it is settled (taken, or refused for good: logged, not retried).
        `only_if_waiting`: skip it when another push of its kind settled it meanwhile."""
        with self._running[task]:
            with self._cond:
                if only_if_waiting and task not in self._waiting:
                    return True
                asked = self._asked[task]
            try:
                done = self._pushes[task]()
            except RelayError as exc:
                if not worth_retrying(exc):
                    log.warning("the relay refused the %s push; not tried again: %s", task.value, exc.code)
                    done = True
                else:
                    log.info("%s not pushed (tried again while online): %s", task.value, exc.code)
                    done = False
        with self._cond:
            if done and self._asked[task] == asked:
                self._waiting.discard(task)
            elif self._online() and not self._closed:
                self._waiting.add(task)
            self._cond.notify_all()
        self._tell()
        return done

    def push_all(self) -> None:
        """On connecting: everything, in order (the rules before what the bot reads with them)."""
        with self._cond:
            self.attempts = 0
        for task in self._pushes:
            self.push(task)

    def retry_later(self, task: PushTask) -> None:
        """Another part's push of this kind (an editor's save) did not get through: tried again on the
        backoff, unless the connection is down (then the reconnect pushes it)."""
        with self._cond:
            if self._online() and not self._closed:
                self._asked[task] += 1
                self._waiting.add(task)
                self._cond.notify_all()
        self._tell()

    def went_offline(self) -> None:
        """The connection dropped: nothing is retried until it is back, and then all is pushed."""
        with self._cond:
            self._waiting.clear()
            self.attempts = 0
            self._cond.notify_all()
        self._tell()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._waiting.clear()
            self._cond.notify_all()
        self._tell()

    def _tell(self) -> None:
        """`on_waiting` hears the waiting set when it is not what it last heard (outside `_cond`, so
        the listener may ask `waiting`; in order, so an older set never arrives after a newer)."""
        if self._on_waiting is None:
            return
        with self._telling:
            now = self.waiting
            if now == self._told:
                return
            self._told = now
            self._on_waiting(now)

    def run(self) -> None:
        """The retry thread: wait for something waiting, wait out the backoff, push what still waits."""
        while (tasks := self._next_round()) is not None:
            for task in tasks:
                try:
                    self.push(task, only_if_waiting=True)
                except Exception:
                    # Not the relay's answer (the inbox file locked or full, say): it stays waiting
                    # for the next round, and this thread lives on to try it.
                    log.exception("the %s push failed here; tried again later", task.value)
            with self._cond:
                self.attempts = self.attempts + 1 if self._waiting else 0

    def _next_round(self) -> list[PushTask] | None:
        """What to push after the backoff, once something waits; None when closed."""
        with self._cond:
            while True:
                while not self._closed and not self._waiting:
                    self._cond.wait()
                if self._closed:
                    return None
                delay = backoff_delay(self.attempts + 1, base=self.retry_base, cap=self.retry_cap)
                deadline = time.monotonic() + delay
                while not self._closed and self._waiting and (left := deadline - time.monotonic()) > 0:
                    self._cond.wait(left)
                if self._closed:
                    return None
                if self._waiting:  # else: pushed meanwhile, or the connection dropped
                    return [task for task in self._pushes if task in self._waiting]
