"""kill -9 at random points while the desktop applies events: after a restart nothing is lost or doubled."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.db import Database
from app.models import Contact, Message, OrphanStatus
from app.sync_apply import current_cursor
from tests.support.relay_server import RunningRelay, inbound, run_relay, status

ROOT = Path(__file__).resolve().parents[2]
MESSAGES = 240
PAGE = 4


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[RunningRelay]:
    (tmp_path / "relay").mkdir()
    with run_relay(tmp_path / "relay") as running:
        yield running


def child(db_path: Path, relay: RunningRelay) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.support.sync_child", str(db_path), relay.url, relay.token, str(PAGE)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def cursor_of(db_path: Path) -> int:
    db = Database(db_path)
    try:
        with db.read() as s:
            return current_cursor(s)
    finally:
        db.close()


@pytest.mark.slow
def test_killing_the_client_during_apply_loses_and_doubles_nothing(
    tmp_path: Path, relay: RunningRelay
) -> None:
    now = int(time.time())
    wamids = []
    for i in range(MESSAGES):
        payload = inbound(content=f"주문 {i}", sender=f"8210{i % 17:08d}", timestamp=now - MESSAGES + i)
        wamids.append(payload["entry"][0]["changes"][0]["value"]["messages"][0]["id"])
        assert relay.post_webhook(payload).status_code == 200
        if i % 10 == 0:  # statuses for messages the desktop never sent: kept as orphans, once
            relay.post_webhook(status(f"wamid.ORPHAN{i}", "delivered"))
    last_seq = relay.relay.store.events.last_seq()
    db_path = tmp_path / "inbox.db"
    Database.open(db_path).close()
    rng = random.Random(20261125)
    kills = 0
    cursors: list[int] = []
    for _ in range(20):
        proc = child(db_path, relay)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        # Let it commit a random number of pages, then kill it while it works on the next one.
        for _ in range(rng.randint(0, 3)):
            if not proc.stdout.readline().startswith("applied"):
                break
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        kills += proc.returncode == -signal.SIGKILL
        cursors.append(cursor_of(db_path))
    assert kills >= 15  # most runs really died mid-way (a few may finish first)
    assert len({c for c in cursors if 0 < c < last_seq}) >= 10, cursors  # killed at many points
    final = child(db_path, relay)
    _out, err = final.communicate(timeout=120)
    assert final.returncode == 0, err
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
