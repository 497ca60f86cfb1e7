"""Workers sharing PostgreSQL take turns at their webhook group commits (relay revision 0009): a
worker forms its batch once the other's commit is stored, and a turn never stalls the others."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from relay.intake import intake_rows
from relay.storage import postgresql_intake
from relay.storage.postgresql_intake import PostgresGroupCommit
from relay.store import IntakeRows, Store
from relay.wakeups import conninfo
from relay.webhook import parse_webhook
from tests.support.relay_server import inbound, run_relay, wamid

pytestmark = [pytest.mark.slow, pytest.mark.postgresql]

_HOLDERS = (
    "SELECT pid, granted FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2"
    " AND classid = %s AND objid = %s"
)


def _rows(sender: str, text: str) -> IntakeRows:
    return intake_rows(parse_webhook(inbound("text", text, sender=sender, message_id=wamid())))


def _turn(url: str) -> tuple[list[int], int]:
    """The sessions holding the workers' turn, and how many wait for it."""
    with psycopg.connect(conninfo(url), autocommit=True) as con:
        rows = con.execute(_HOLDERS, postgresql_intake._TURN_KEYS).fetchall()
    return [pid for pid, granted in rows if granted], sum(1 for _, granted in rows if not granted)


def _until(condition: Callable[[], bool], timeout: float = 5) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "not within 5 s"
        threading.Event().wait(0.01)


Scenario = Callable[[PostgresGroupCommit, PostgresGroupCommit], Awaitable[None]]


def _two_workers(pg: str, scenario: Scenario) -> None:
    """Run `scenario` with the webhook writers of two workers sharing the database."""
    first, second = Store(pg, pool_size=3), Store(pg, pool_size=3)
    a, b = first.pg_group_commit, second.pg_group_commit
    assert a is not None and b is not None

    async def run() -> None:
        try:
            await scenario(a, b)
        finally:
            await a.close_async()
            await b.close_async()

    try:
        asyncio.run(run())
    finally:
        first.close()
        second.close()


def test_a_worker_forms_its_batch_once_the_other_workers_commit_is_stored(
    pg: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(postgresql_intake, "TURN_WAIT_MS", 10_000)

    async def scenario(a: PostgresGroupCommit, b: PostgresGroupCommit) -> None:
        assert await a.take_turn()
        b_turn = asyncio.create_task(b.take_turn())
        while (await asyncio.to_thread(_turn, pg))[1] == 0:
            await asyncio.sleep(0.01)  # until the second worker waits for the turn
        assert not b_turn.done()
        [(a_seqs, _)], _ = await a.write_async([_rows("821055501234", "첫 주문")], "events:a")
        # The first worker's batch is stored: the turn passes on at its COMMIT.
        assert await asyncio.wait_for(b_turn, 5)
        [(b_seqs, _)], _ = await b.write_async([_rows("821055505678", "두번째 주문")], "events:b")
        assert b_seqs[0] > a_seqs[-1]
        assert await asyncio.to_thread(_turn, pg) == ([], 0)  # given back with the batch

    _two_workers(pg, scenario)


def test_a_turn_held_too_long_is_not_waited_for(pg: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(postgresql_intake, "TURN_WAIT_MS", 50)

    async def scenario(a: PostgresGroupCommit, b: PostgresGroupCommit) -> None:
        assert await a.take_turn()  # and then stuck, never writing
        assert not await b.take_turn()
        [(seqs, _)], _ = await b.write_async([_rows("821055501234", "급해요")], "events:b")
        assert seqs  # stored without a turn
        # For a while the second worker does not wait again at every batch.
        holders, waiting = await asyncio.to_thread(_turn, pg)
        assert not await b.take_turn() and waiting == 0 and len(holders) == 1
        await a.give_turn_back()
        assert await asyncio.to_thread(_turn, pg) == ([], 0)

    _two_workers(pg, scenario)


def test_a_worker_that_dies_holding_the_turn_stalls_nobody(pg: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(postgresql_intake, "TURN_WAIT_MS", 10_000)

    async def scenario(a: PostgresGroupCommit, b: PostgresGroupCommit) -> None:
        assert await a.take_turn()
        [holder], _ = await asyncio.to_thread(_turn, pg)
        b_turn = asyncio.create_task(b.take_turn())
        with psycopg.connect(conninfo(pg), autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (holder,))
        assert await asyncio.wait_for(b_turn, 5)  # the dead worker's connection took its turn along
        with pytest.raises(Exception):  # noqa: B017 - the dead connection, however psycopg words it
            await a.write_async([_rows("821055501234", "사라진 주문")], "events:a")
        await a.give_turn_back()  # what the intake does after a failed batch: nothing left to give
        [(seqs, _)], _ = await b.write_async([_rows("821055505678", "주문")], "events:b")
        assert seqs
        # The first worker's next batch opens a new connection and is stored.
        [(seqs, _)], _ = await a.write_async([_rows("821055501234", "다시 주문")], "events:a")
        assert seqs and await asyncio.to_thread(_turn, pg) == ([], 0)

    _two_workers(pg, scenario)


def test_two_relays_on_one_database_take_turns_once_each_hears_the_other(tmp_path: Path, pg: str) -> None:
    with (
        run_relay(tmp_path / "a", database_url=pg) as one,
        run_relay(tmp_path / "b", database_url=pg) as two,
    ):
        assert one.post_webhook(inbound("text", "안녕하세요", sender="821055501234")).status_code == 200
        # The second relay hears the first one's group commit; its next batch waits its turn.
        assert [e["message"]["text"]["body"] for e in two.wait_for_events(1)] == ["안녕하세요"]
        _until(lambda: two.relay.intake.peer_committed_at is not None)
        assert two.post_webhook(inbound("text", "주문할게요", sender="821055505678")).status_code == 200
        assert two.relay.store.pg_group_commit.turns_taken == 1
        assert one.relay.store.pg_group_commit.turns_taken == 0  # it had heard nobody before
        found = one.wait_for_events(2)
        assert [e["message"]["text"]["body"] for e in found] == ["안녕하세요", "주문할게요"]
        assert _turn(pg) == ([], 0)


def test_a_webhook_is_answered_503_when_its_worker_cannot_reach_postgresql_to_take_its_turn(
    tmp_path: Path, pg: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A worker taking turns with another (it heard the other's commit) asks PostgreSQL for the turn
    # before it forms its batch. When the server refused a new connection there (too many clients),
    # the batch's webhooks got no answer at all, and the worker then waited for them for ever on
    # SIGTERM. Now they are answered 503 (Meta redelivers), and the next webhook is stored.
    monkeypatch.setattr("relay.intake.TURNS_AFTER_PEER_COMMIT", 3600.0)
    database = make_url(pg).database
    with (
        run_relay(tmp_path, database_url=pg) as relay,
        psycopg.connect(conninfo(pg), autocommit=True) as admin,
    ):
        assert relay.post_webhook(inbound("text", "first", message_id=wamid())).status_code == 200
        relay.relay.intake.peer_committed()  # another worker's group commit: take turns with it
        admin.execute(f'ALTER DATABASE "{database}" CONNECTION LIMIT 0')
        try:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            # The first finds its connections gone; the next must open one, and is refused.
            for text in ("second", "third"):
                assert relay.post_webhook(inbound("text", text, message_id=wamid())).status_code == 503
        finally:
            admin.execute(f'ALTER DATABASE "{database}" CONNECTION LIMIT -1')
        assert relay.post_webhook(inbound("text", "fourth", message_id=wamid())).status_code == 200
