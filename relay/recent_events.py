"""The newest events one relay worker has read: every long poll of the worker is served from it."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from relay.storage.event_log import READ_PAGE, EventsRead
from relay.store import Store

KEEP = 2000  # the newest events kept: a desktop that is further behind reads the database


@dataclass(frozen=True, slots=True)
class ServedEvent:
    """One event as the wire's JSON (made once per worker, whichever polls it serves), and its seq."""

    seq: int
    body: bytes


@dataclass(slots=True)
class RecentEvents:
    """Holds every stored event with `floor < seq <= top`, in seq order.

    Reads return seqs in increasing order and never one below a seq that may still appear (SQLite
    has one writer; on PostgreSQL a read stops below every writer still in flight), so after reading
    everything above `top` nothing below the highest seq read can still appear: a cursor at or above
    `floor` is answered from here without asking the database.
    """

    floor: int | None = None  # None until the first read
    top: int = 0
    pruned: int = 0  # the last seq pruned, as of the last read (a cursor below it gets 410)
    rows: list[ServedEvent] = field(default_factory=list)
    seqs: list[int] = field(default_factory=list)

    def covers(self, after: int) -> bool:
        return self.floor is not None and after >= self.floor

    def after(self, after: int, limit: int) -> list[ServedEvent]:
        """The events after `after` (a cursor this cache covers), at most `limit`."""
        start = bisect.bisect_right(self.seqs, after)
        return self.rows[start : start + limit]

    def serves(self, after: int) -> bool:
        """Whether `after` is a cursor among the newest events: neither pruned past nor ahead."""
        return self.covers(after) and self.pruned <= after <= self.top

    def add(self, floor: int, rows: list[ServedEvent], pruned: int | None) -> None:
        """Rows read from the database above `floor`: this cache's top, a seq below it (a read
        that began before another one ended), or where it starts again.

        `pruned` is None when the read found no rows to carry it: the last one known stays. A
        prune mark one read behind cannot hide a gap: a cursor this cache covers gets every event
        after it from here, whatever was pruned in the database meanwhile.
        """
        if pruned is not None:
            self.pruned = pruned
        if self.floor is not None and self.floor <= floor <= self.top:
            # Read from inside what is held (two reads crossed): only the rows above `top` are new,
            # and they are every event up to the last of them, as `rows` are from `floor` on.
            rows = rows[bisect.bisect_right([row.seq for row in rows], self.top) :]
        else:
            self.floor, self.top, self.rows, self.seqs = floor, floor, [], []
        self.rows += rows
        self.seqs += [row.seq for row in rows]
        if rows:
            self.top = rows[-1].seq
        if len(self.rows) > KEEP:
            dropped = len(self.rows) - KEEP
            self.floor = self.seqs[dropped - 1]
            del self.rows[:dropped], self.seqs[:dropped]

    def forget(self) -> None:
        """After a failed read: polls ask the database until the next read succeeds."""
        self.floor, self.top, self.rows, self.seqs = None, 0, [], []


def read_newer(store: Store, top: int | None) -> tuple[int, EventsRead]:
    """(floor, read): every event above `top` that may be served (with no `top` yet, above the
    newest such event)."""
    floor = store.events.last_seq() if top is None else top
    first = store.events.read_after(floor, READ_PAGE)
    rows, read = list(first.rows), first
    while len(read.rows) == READ_PAGE:
        read = store.events.read_after(rows[-1].seq, READ_PAGE)
        rows += read.rows
    return floor, EventsRead(rows, first.pruned, read.held_back)
