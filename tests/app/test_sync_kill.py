"""kill -9 at random points while the desktop (or its catch-up process) applies events: nothing lost or doubled."""

from __future__ import annotations

import os
import queue
import random
import select as fd_select
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.db import Database
from app.models import Contact, Message, OrphanStatus
from app.relay_client import RelayClient
from app.sync import CHILD_FAILURES
from app.sync_apply import current_cursor
from tests.support.engine_probe import EngineProbe, worker_with_a_catch_up_process
from tests.support.relay_process import wait_until
from tests.support.relay_server import RunningRelay, inbound, run_relay, status

ROOT = Path(__file__).resolve().parents[2]
MESSAGES = 240
PAGE = 4
FIRST_WAIT = 120.0  # seconds for a client's step before one of its kind was measured in this run
SLACK = 4  # a step may take this many times the slowest of its kind so far ...
FLOOR = 60.0  # ... and never less than this (a step of 1 s once took over 30 s with every core busy)


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[RunningRelay]:
    (tmp_path / "relay").mkdir()
    with run_relay(tmp_path / "relay") as running:
        yield running


class Pace:
    """How long this run's client steps take, measured as they go: a client's start to its "ready"
    (`start`), from there to its first page (`catch_up`: its catch-up process starts, at idle
    priority) and one more page (`page`). A wait may take SLACK times the slowest step of its kind
    so far: on a busy computer a catch-up process waits its turn for seconds at every start, and
    the test's 21 clients got a fixed 300 s (the last one 120 s) that a loaded machine outran,
    while a client that is stuck still fails within minutes."""

    def __init__(self) -> None:
        self.slowest: dict[str, float] = {}

    def budget(self, kind: str) -> float:
        slowest = self.slowest.get(kind)
        return FIRST_WAIT if slowest is None else max(FLOOR, SLACK * slowest)

    def took(self, kind: str, seconds: float) -> None:
        self.slowest[kind] = max(seconds, self.slowest.get(kind, 0.0))


class Client:
    """A sync client process (tests/support/sync_child.py) whose lines are awaited within the pace."""

    def __init__(self, db_path: Path, relay: RunningRelay, pace: Pace) -> None:
        self.proc = child(db_path, relay)
        self.pace = pace
        self.said = time.monotonic()
        self._lines: queue.Queue[str] = queue.Queue()
        self.err: list[str] = []
        assert self.proc.stdout is not None and self.proc.stderr is not None
        threading.Thread(target=self._read, args=(self.proc.stdout,), daemon=True).start()
        threading.Thread(target=self.err.extend, args=(self.proc.stderr,), daemon=True).start()

    def _read(self, out: Iterable[str]) -> None:
        for line in out:
            self._lines.put(line)
        self._lines.put("")  # the end of its output

    def line(self, kind: str) -> list[str]:
        """Its next line's words ([] when its output ended), said within the budget for `kind`."""
        budget = self.pace.budget(kind)
        try:
            line = self._lines.get(timeout=budget)
        except queue.Empty:
            self.proc.kill()
            raise AssertionError(
                f"the client said nothing for {budget:.0f} s ({kind}; slowest so far {self.pace.slowest})"
            ) from None
        now = time.monotonic()
        self.pace.took(kind, now - self.said)
        self.said = now
        return line.split()

    def kill(self) -> int:
        self.proc.send_signal(signal.SIGKILL)
        return self.proc.wait(10)


def child(db_path: Path, relay: RunningRelay) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.support.sync_child", str(db_path), relay.url, relay.token, str(PAGE)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def process_ended(pid: int, timeout: float = 10.0) -> bool:
    """Wait (without polling) until process `pid` has ended; True if it did within `timeout`."""
    try:
        fd = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        return bool(fd_select.select([fd], [], [], timeout)[0])
    finally:
        os.close(fd)


def waits_for_the_inbox_file(pid: int) -> bool:
    """Whether process `pid`'s main thread sleeps in SQLite's busy handler (a lock another holds)."""
    try:
        return Path(f"/proc/{pid}/wchan").read_text() in ("hrtimer_nanosleep", "do_nanosleep")
    except FileNotFoundError:
        return False


def cursor_of(db_path: Path) -> int:
    db = Database(db_path)
    try:
        with db.read() as s:
            return current_cursor(s)
    finally:
        db.close()


def a_day_of_messages(relay: RunningRelay, *, orphan_statuses: bool) -> tuple[list[str], int]:
    """MESSAGES customer messages from 17 customers (and a status for a message never sent after
    every tenth, if asked) stored in the relay: their wamids, and the relay's last seq."""
    now = int(time.time())
    wamids = []
    for i in range(MESSAGES):
        payload = inbound(content=f"주문 {i}", sender=f"8210{i % 17:08d}", timestamp=now - MESSAGES + i)
        wamids.append(payload["entry"][0]["changes"][0]["value"]["messages"][0]["id"])
        assert relay.post_webhook(payload).status_code == 200
        if orphan_statuses and i % 10 == 0:  # kept as orphans by the desktop, once
            relay.post_webhook(status(f"wamid.ORPHAN{i}", "delivered"))
    return wamids, relay.relay.store.events.last_seq()


@pytest.mark.slow
@pytest.mark.timeout(1800)  # a backstop: every wait below has its budget from the pace of this run
def test_killing_the_client_during_apply_loses_and_doubles_nothing(
    tmp_path: Path, relay: RunningRelay
) -> None:
    wamids, last_seq = a_day_of_messages(relay, orphan_statuses=True)
    db_path = tmp_path / "inbox.db"
    Database.open(db_path).close()
    rng = random.Random(20261125)
    pace = Pace()
    kills = 0
    cursors: list[int] = []
    orphans: set[int] = set()
    for _ in range(20):
        client = Client(db_path, relay, pace)
        assert client.line("start") == ["ready"]
        # Let it commit a random number of pages, then kill it while it works on the next one (its
        # catch-up process ends with it, wherever it is).
        for page in range(rng.randint(0, 3)):
            line = client.line("page" if page else "catch_up")
            if not line or line[0] != "applied":
                break
            orphans.add(int(line[2]))
        kills += client.kill() == -signal.SIGKILL
        cursors.append(cursor_of(db_path))
    assert kills >= 15  # most runs really died mid-way (a few may finish first)
    assert len({c for c in cursors if 0 < c < last_seq}) >= 10, cursors  # killed at many points
    final = Client(db_path, relay, pace)
    lines = [final.line("start"), final.line("catch_up")]
    while lines[-1]:  # each page, "done", and the end of its output
        lines.append(final.line("page"))
    assert final.proc.wait(pace.budget("page")) == 0, "".join(final.err)
    assert lines[-2] == ["done"], lines
    if sys.platform.startswith("linux"):  # each orphaned catch-up process ended with its parent
        for pid in orphans - {0}:
            assert process_ended(pid), pid
    db = Database.open(db_path)
    try:
        with db.read() as s:
            assert current_cursor(s) == last_seq
            stored = [str(w) for w in s.scalars(select(Message.wamid))]
            assert sorted(stored) == sorted(wamids)  # zero lost, zero duplicated
            assert s.scalar(select(func.count()).select_from(OrphanStatus)) == MESSAGES // 10
            assert s.scalar(select(func.count()).select_from(Message).where(Message.unread)) == MESSAGES
            # The chat list's counters (kept by triggers) agree: nothing counted twice either.
            assert s.scalar(select(func.sum(Contact.unread_count))) == MESSAGES
    finally:
        db.close()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="sees the process wait through /proc")
def test_a_killed_clients_catch_up_process_ends_at_once_even_while_it_waits_for_the_inbox_file(
    tmp_path: Path, relay: RunningRelay
) -> None:
    # An orphaned catch-up process went on with the transaction it was in (at the idle priority of a
    # catch-up, on a busy computer, for as long as it was kept waiting), then checkpointed the whole
    # file as its connection closed: the restarted app could not open its inbox meanwhile. Waiting
    # for a lock is the longest step it can be in: it must not outlive its client by that long.
    a_day_of_messages(relay, orphan_statuses=False)
    db_path = tmp_path / "inbox.db"
    Database.open(db_path).close()
    proc = child(db_path, relay)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    applied = proc.stdout.readline().split()
    assert applied[:1] == ["applied"], applied
    catch_up = int(applied[2])
    with closing(sqlite3.connect(db_path, timeout=60, isolation_level=None)) as other_program:
        other_program.execute("BEGIN IMMEDIATE")  # after the transaction the catch-up may be in
        wait_until(
            lambda: waits_for_the_inbox_file(catch_up), 30, "the catch-up process to wait for the file"
        )
        cursor = cursor_of(db_path)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        # Well within its busy timeout (10 s), while the lock is still held: it went with its client.
        assert process_ended(catch_up, timeout=5), "the catch-up process outlived its client"
        other_program.execute("COMMIT")
    assert cursor_of(db_path) == cursor  # and wrote nothing after its client was gone


@pytest.mark.slow
def test_killing_the_catch_up_process_mid_apply_loses_and_doubles_nothing(
    tmp_path: Path, relay: RunningRelay
) -> None:
    wamids, last_seq = a_day_of_messages(relay, orphan_statuses=False)
    db_path = tmp_path / "inbox.db"
    db = Database.open(db_path)
    probe = EngineProbe()
    stop = threading.Event()
    client = RelayClient(relay.url, relay.token)
    worker = worker_with_a_catch_up_process(db, relay, client, probe, stop, page_size=PAGE)
    thread = threading.Thread(target=worker.run)
    thread.start()
    rng = random.Random(20261130)
    killed_at: list[int] = []
    try:
        for _ in range(CHILD_FAILURES):
            # Let the catch-up process commit a few pages, then kill it while it works on the next.
            target = worker.pages_in_child + rng.randint(1, 4)
            probe.wait_until(lambda: worker.pages_in_child >= target, timeout=60)  # noqa: B023
            pid = worker.apply_process.pid if worker.apply_process is not None else None
            assert pid is not None
            os.kill(pid, signal.SIGKILL)
            killed_at.append(cursor_of(db_path))
            # The worker notices, and goes on (in a new catch-up process, or in its own thread).
            probe.wait_until(lambda: worker.child_failures > len(killed_at) - 1, timeout=30)
        probe.wait_until(lambda: cursor_of(db_path) == last_seq, timeout=120)
    finally:
        stop.set()
        thread.join(5)
        client.close()
    assert not thread.is_alive()
    assert any(0 < c < last_seq for c in killed_at), killed_at  # killed during the catch-up
    with db.read() as s:
        stored = [str(w) for w in s.scalars(select(Message.wamid))]
        assert sorted(stored) == sorted(wamids)  # zero lost, zero duplicated
        assert s.scalar(select(func.sum(Contact.unread_count))) == MESSAGES
    db.close()
