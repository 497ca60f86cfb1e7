"""A background loop's failures logged as a streak: its first, a reminder a minute, and its end."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable

REMIND_EVERY = 60.0  # seconds between the reminders of a streak that goes on
_CAUSE = re.compile(r"\bcause=(\S+?)[;,]?(?:\s|$)")


class FailureStreak:
    """A loop that retries every second or two (the campaign runner, the wake-up listener) would log
    each failure of a database outage: thousands of lines an hour per worker, burying the one that
    says what failed. This logs the first failure, a reminder with the count at most once a minute,
    and one line when the loop works again, naming how long it failed. A `cause=` the streak has not
    said yet (a lost connection, then a database recreated in SQL_ASCII) is said at once, as a
    reminder: its advice is not the first one's."""

    def __init__(
        self,
        logger: logging.Logger,
        what: str,
        *,
        remind_every: float = REMIND_EVERY,
        clock: Callable[[], float] = time.monotonic,
        level: int = logging.WARNING,
        counted: str = "failures",
    ) -> None:
        self.logger = logger
        self.counted = counted  # what "works again after N …" counts: a loop's rounds, or requests
        self.level = level  # of the failures' lines; "works again" is always a warning
        self.what = what
        self.remind_every = remind_every
        self.clock = clock
        self.count = 0  # failures in the streak going on (0: the loop works)
        self.started = 0.0
        self.reminded = 0.0
        self.causes: set[str] = set()  # the causes this streak's lines said

    def failed(self, detail: str) -> None:
        now = self.clock()
        self.count += 1
        found = _CAUSE.search(detail)
        cause = found.group(1) if found else None
        if self.count == 1:
            self.started = self.reminded = now
            self.causes = {cause} if cause else set()
            self.logger.log(self.level, "%s: %s", self.what, detail)
        elif now - self.reminded >= self.remind_every or (cause and cause not in self.causes):
            self.reminded = now
            if cause:
                self.causes.add(cause)
            self.logger.log(
                self.level,
                "%s: %s (still failing: %d times in %d s)",
                self.what,
                detail,
                self.count,
                now - self.started,
            )

    def failed_unexpectedly(self, exc: BaseException, then: str = "") -> None:
        """A failure the loop was not written for (not the database's: a bug, a value it cannot
        take): the streak's line names the error's class, its traceback goes to DEBUG (its text may
        quote a customer's message), and the loop goes on. Raised out of the loop instead, it ended
        it, and that job was never done again until the relay was restarted."""
        self.failed(f"unexpected error={type(exc).__name__}{then} (its traceback at RELAY_LOG_LEVEL=DEBUG)")
        self.logger.debug("%s: unexpected error", self.what, exc_info=exc)

    def succeeded(self) -> None:
        if self.count:
            took = self.clock() - self.started
            self.logger.warning(
                "%s: works again after %d %s in %d s", self.what, self.count, self.counted, took
            )
            self.count = 0
