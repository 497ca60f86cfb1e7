"""A PostgreSQL group commit reads the new events for its worker's desktops in its own round trip."""

from __future__ import annotations

import asyncio
import time

import psycopg
import pytest

from relay.events import ANSWER_GAP, EventFeed
from relay.intake import intake_rows
from relay.recent_events import RecentEvents, ServedEvent
from relay.store import IntakeRows, NewEvent, Store
from relay.wakeups import CHANNEL, conninfo, notice_seq
from relay.webhook import parse_webhook
from tests.support.relay_server import inbound, wamid


def _rows(sender: str, text: str) -> IntakeRows:
    return intake_rows(parse_webhook(inbound("text", text, sender=sender, message_id=wamid())))


def _served(*seqs: int) -> list[ServedEvent]:
    return [ServedEvent(seq, b"{}") for seq in seqs]


def test_two_reads_that_crossed_leave_every_event_once_in_order() -> None:
    """A commit's read and a notice's read may start from the same top and end in either order."""
    recent = RecentEvents()
    recent.add(10, _served(11, 12), pruned=0)
    recent.add(12, _served(13, 15, 16), pruned=0)  # the later read lands first
    recent.add(10, _served(11, 12, 13), pruned=0)  # then the earlier one: nothing new in it
    recent.add(13, _served(15, 16, 18), pruned=0)  # began before the other ended: 18 is new
    assert [event.seq for event in recent.after(10, 100)] == [11, 12, 13, 15, 16, 18]
    assert recent.top == 18 and recent.covers(10)
    recent.add(30, _served(31), pruned=0)  # above what is held: held events may be missing between
    assert not recent.covers(18) and [event.seq for event in recent.after(30, 100)] == [31]


@pytest.mark.slow
@pytest.mark.postgresql
def test_a_commit_reads_every_servable_event_after_its_commit_and_names_its_newest_seq(pg: str) -> None:
    store = Store(pg, pool_size=3)
    group_commit = store.pg_group_commit
    assert group_commit is not None

    async def scenario() -> None:
        listener = await psycopg.AsyncConnection.connect(conninfo(pg), autocommit=True)
        await listener.execute(f"LISTEN {CHANNEL}")
        # Another worker's webhook, committed before this one's.
        other = NewEvent("message", {"message": {"id": "wamid.OTHER", "type": "text"}}, "1", "m:wamid.OTHER")
        with store.db.engine.begin() as conn:
            [other_seq] = store.events.add(conn, [other], "events:other")
        (results, read) = await group_commit.write_async([_rows("821055501234", "첫 주문")], "events:me", 0)
        [(seqs, _)] = results
        assert read is not None and not read.held_back
        assert [row.seq for row in read.rows] == [other_seq, *seqs]
        # Every worker hears which seq the commit reached: one that has read that far reads nothing.
        heard = []
        async for notice in listener.notifies(timeout=2, stop_after=2):
            heard.append(notice_seq(notice.payload))
        assert heard == [("events:other", other_seq), ("events:me", seqs[-1])]
        # A writer still in flight with a lower seq: the commit's read stops below it.
        slow = store.db.engine.connect()
        transaction = slow.begin()
        store.events.add(slow, [NewEvent("message", {"message": {"id": "wamid.SLOW"}}, "1", "m:wamid.SLOW")])
        (results, read) = await group_commit.write_async(
            [_rows("821055509876", "두번째")], "events:me", seqs[-1]
        )
        assert read is not None and read.rows == [] and read.held_back
        transaction.rollback()
        slow.close()
        await listener.close()
        await group_commit.close_async()

    try:
        asyncio.run(scenario())
    finally:
        store.close()


@pytest.mark.slow
@pytest.mark.postgresql
def test_a_waiting_desktop_is_answered_from_the_commits_read_and_skips_notices_it_covered(pg: str) -> None:
    store = Store(pg, pool_size=3)
    group_commit = store.pg_group_commit
    assert group_commit is not None

    async def scenario() -> None:
        feed = EventFeed(store)
        feed.start()
        first = asyncio.create_task(feed.wait_for_events(0, wait=20, limit=100))
        # Parked, and its first read more than ANSWER_GAP ago: the next commit reads for it.
        while (
            feed.open_polls == 0 or feed.recent.floor is None or time.monotonic() - feed.read_at < ANSWER_GAP
        ):
            await asyncio.sleep(0.01)
        above = feed.reading_commit()
        assert above == 0
        # Another worker commits meanwhile; its notice waits for this commit's read.
        other = NewEvent(
            "message", {"message": {"id": "wamid.OTHER2", "type": "text"}}, "1", "m:wamid.OTHER2"
        )
        with store.db.engine.begin() as conn:
            [other_seq] = store.events.add(conn, [other], "events:other")
        await feed.notify(other_seq)
        assert not feed.stale and (feed.reader is None or feed.reader.done())
        (results, read) = await group_commit.write_async([_rows("821055501234", "주문")], "events:me", above)
        [(seqs, _)] = results
        await feed.commit_read(above, read, stored=True)
        found = await asyncio.wait_for(first, 5)
        assert [event.seq for event in found] == [other_seq, *seqs]
        await feed.notify(other_seq)  # a notice arriving late: already read, nothing to do
        assert not feed.stale
        await feed.stop()
        await group_commit.close_async()

    try:
        asyncio.run(scenario())
    finally:
        store.close()


def _rows_read_by_scans(url: str, table: str, inserted: int) -> int:
    """Rows of `table` read by sequential scans so far, once the statistics count `inserted` rows
    (a backend reports them when it ends: the writers' connections are closed first)."""
    with psycopg.connect(conninfo(url), autocommit=True) as con:
        deadline = time.monotonic() + 30
        while True:
            n_tup_ins, seq_tup_read = con.execute(
                "SELECT n_tup_ins, seq_tup_read FROM pg_stat_user_tables WHERE relname = %s", (table,)
            ).fetchone() or (0, 0)
            if n_tup_ins >= inserted or time.monotonic() > deadline:
                assert n_tup_ins >= inserted, "PostgreSQL never reported the writes"
                return int(seq_tup_read)
            con.execute("SELECT pg_sleep(0.05)")


@pytest.mark.slow
@pytest.mark.postgresql
def test_a_batch_reads_no_more_of_the_event_log_once_it_has_grown(pg: str) -> None:
    """A new relay's first batches meet an empty log; the plans they leave must not scan it once it
    holds a shop's months of events (each batch then read all of it: intake slowed as the log grew)."""
    store = Store(pg, pool_size=3)
    group_commit = store.pg_group_commit
    assert group_commit is not None
    grown = 30_000

    async def batches(senders: range, top: int) -> int:
        for n in senders:
            (results, read) = await group_commit.write_async(
                [_rows(f"82105550{n:04d}", "재고 있나요?")], "events:me", top
            )
            assert read is not None and [row.seq for row in read.rows][-1:] == results[0][0]
            top = results[0][0][-1]
        return top

    try:
        top = asyncio.run(batches(range(10), 0))  # the plans are made on an empty log
        with psycopg.connect(conninfo(pg), autocommit=True) as con:
            con.execute(
                "INSERT INTO event (kind, at, at_ms, phone_number_id, dedupe_key, payload)"
                " SELECT 'message', '2026-06-01T00:00:00Z', 1780272000000 + n, '1', 'm:wamid.OLD' || n, '{}'"
                " FROM generate_series(1, %s) AS n",
                (grown,),
            )
            [top] = con.execute("SELECT max(seq) FROM event").fetchone() or [0]

        async def after_growth() -> None:
            await batches(range(10, 30), top)
            await group_commit.close_async()

        asyncio.run(after_growth())
    finally:
        store.close()
    read = _rows_read_by_scans(pg, "event", grown + 30)
    assert read < grown, f"{read} event rows read by sequential scans in 20 batches"


@pytest.mark.parametrize(
    ("payload", "parsed"),
    [
        ("events:3f2a9c@1207", ("events:3f2a9c", 1207)),
        ("settings", ("settings", None)),  # a notice that names no seq
        ("events", ("events", None)),
        # No relay sends these: ignored, not a seq Python reads another way or cannot read at all.
        ("events:x@²", None),
        ("events:x@١٢", None),
        ("events:x@" + "9" * 5000, None),
        ("events:x@-1", None),
        ("events:x@", None),
        ("events:x@ 12", None),
    ],
)
def test_a_wake_up_notice_names_its_seq_in_ascii_digits_or_is_no_relays(
    payload: str, parsed: tuple[str, int | None] | None
) -> None:
    assert notice_seq(payload) == parsed
