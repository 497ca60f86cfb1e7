"""Event writers on PostgreSQL commit in any order; readers are never served past one still in flight."""

from __future__ import annotations

import asyncio
import threading

import pytest

from relay.events import EventFeed
from relay.store import NewEvent, Store

pytestmark = [pytest.mark.slow, pytest.mark.postgresql]


def _message(n: int) -> NewEvent:
    return NewEvent("message", {"message": {"id": f"wamid.H{n}", "type": "text"}}, "1", f"m:wamid.H{n}")


def test_a_later_commit_waits_unseen_until_the_earlier_writer_commits(pg: str) -> None:
    store = Store(pg, pool_size=3)
    try:
        with store.db.engine.begin() as slow:
            [first] = store.events.add(slow, [_message(1)])
            # Another worker's webhook draws the next seq and commits while the first is in flight.
            with store.db.engine.begin() as quick:
                [second] = store.events.add(quick, [_message(2)])
            assert second > first
            read = store.events.read_after(0, 100)
            # Serving `second` now would move a desktop's cursor past `first`, which then appears.
            assert read.rows == [] and read.held_back
            assert store.events.last_seq() == 0
        read = store.events.read_after(0, 100)
        assert [row.seq for row in read.rows] == [first, second] and not read.held_back
        assert store.events.last_seq() == second
    finally:
        store.close()


def test_a_rolled_back_writer_holds_nothing_back(pg: str) -> None:
    store = Store(pg, pool_size=3)
    try:
        slow = store.db.engine.connect()
        transaction = slow.begin()
        store.events.add(slow, [_message(1)])
        with store.db.engine.begin() as quick:
            [second] = store.events.add(quick, [_message(2)])
        assert store.events.read_after(0, 100).rows == []
        transaction.rollback()  # the database refused that webhook, or its worker died
        slow.close()
        assert [row.seq for row in store.events.read_after(0, 100).rows] == [second]
    finally:
        store.close()


def test_a_waiting_desktop_gets_events_held_back_by_a_writer_that_rolled_back(pg: str) -> None:
    """A rollback sends no NOTIFY: the feed looks again by itself."""
    store = Store(pg, pool_size=4)

    async def scenario() -> list[int]:
        feed = EventFeed(store)
        feed.start()
        poll = asyncio.create_task(feed.wait_for_events(0, wait=20, limit=100))
        while feed.open_polls == 0:
            await asyncio.sleep(0.01)
        slow = store.db.engine.connect()
        transaction = slow.begin()
        await asyncio.to_thread(store.events.add, slow, [_message(1)])

        def commit_second() -> None:
            with store.db.engine.begin() as quick:
                store.events.add(quick, [_message(2)])

        await asyncio.to_thread(commit_second)
        await feed.notify()  # the second writer's commit wakes the feed; its event is held back
        await asyncio.sleep(0.1)
        assert not poll.done()

        def roll_back() -> None:
            transaction.rollback()
            slow.close()

        rolled_back = threading.Thread(target=roll_back)
        rolled_back.start()
        # Answered by the feed looking again, not by the poll's 20 s running out: before half of
        # them have passed on the feed's own loop (which a busy machine slows as much as the poll).
        half_the_wait = asyncio.ensure_future(asyncio.sleep(10))
        await asyncio.wait({poll, half_the_wait}, return_when=asyncio.FIRST_COMPLETED)
        half_the_wait.cancel()
        rolled_back.join()
        await feed.stop()
        assert poll.done()
        return [row.seq for row in poll.result()]

    try:
        seqs = asyncio.run(scenario())
        assert len(seqs) == 1 and seqs == [row.seq for row in store.events.read_after(0, 100).rows]
    finally:
        store.close()
