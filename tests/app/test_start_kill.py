"""kill -9 at random moments of a first start or an upgrade: the file is the old schema or the new, never half."""

from __future__ import annotations

import os
import queue
import random
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from app.db import SCHEMA_VERSION, Database, backup_file, stored_schema_version, upgrade
from app.search import search_messages

# The starts are forks of one process, SIGKILLed: POSIX only, like the other kill -9 tests.
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL are POSIX")

ROOT = Path(__file__).resolve().parents[2]
KILLS = 30  # at least this many starts really killed, per scenario
MAX_TRIALS = 80
OLD_MESSAGES = 3000
STARTED = "started"
COMMITTED = "committed"


@dataclass
class Run:
    """What the parent saw of one start: the lines it printed, when each arrived, how it ended."""

    lines: list[tuple[float, str]] = field(default_factory=list)
    status: str = ""

    @property
    def killed(self) -> bool:
        return self.status == "status killed"

    def saw(self, word: str) -> bool:
        return any(word in line for _, line in self.lines)

    def at(self, word: str) -> float:
        return next(t for t, line in self.lines if word in line)


class Starter:
    """tests/support/first_start_child.py, the fork server, and a thread timestamping what it prints."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.support.first_start_child"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put((time.monotonic(), line.strip()))

    def send(self, command: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()

    def read_until(self, run: Run, words: tuple[str, ...], deadline: float) -> bool:
        """Collect lines into `run` until one holds any of `words` (True) or the deadline passes."""
        while (left := deadline - time.monotonic()) > 0:
            try:
                when, line = self.lines.get(timeout=left)
            except queue.Empty:
                return False
            run.lines.append((when, line))
            if any(word in line for word in words):
                return True
        return False

    def finish(self, run: Run, *, kill: bool) -> None:
        """SIGKILL the start if it is still running (or wait for its end); collect what it printed."""
        self.send("kill" if kill else "wait")
        assert self.read_until(run, ("status ",), time.monotonic() + 60), run.lines
        run.status = run.lines[-1][1]

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=60)
        self.reader.join(timeout=10)


@pytest.fixture
def starter() -> Iterator[Starter]:
    running = Starter()
    try:
        yield running
    finally:
        running.close()


def run_to_the_end(starter: Starter, db_path: Path) -> Run:
    run = Run()
    starter.send(f"open {db_path}")
    assert starter.read_until(run, ("opened ",), time.monotonic() + 120), run.lines
    starter.finish(run, kill=False)
    assert run.status == "status exit 0", run.lines
    return run


def run_and_kill(starter: Starter, db_path: Path, rng: random.Random, migration_seconds: float) -> Run:
    """Start; SIGKILL it at a random moment, mostly while its migration runs."""
    run = Run()
    starter.send(f"open {db_path}")
    assert starter.read_until(run, ("opening",), time.monotonic() + 60), run.lines
    if rng.random() < 0.8:
        # From the moment the migration holds the write lock, anywhere in its measured length.
        starter.read_until(run, (STARTED, "opened "), time.monotonic() + 60)
        delay = rng.uniform(0, migration_seconds)
    else:
        # Anywhere in the start: the version check, the backup, Alembic loading its scripts, the
        # migration, just after.
        delay = rng.uniform(0, migration_seconds * 1.5)
    finished = starter.read_until(run, ("opened ",), time.monotonic() + delay)
    starter.finish(run, kill=not finished)
    assert run.killed or run.status == "status exit 0", run.lines
    return run


def schema_of(path: Path) -> list[tuple[str, str, str]]:
    con = sqlite3.connect(path)
    try:
        return sorted(con.execute("SELECT type, name, coalesce(sql, '') FROM sqlite_master"))
    finally:
        con.close()


def reference_schema(path: Path) -> list[tuple[str, str, str]]:
    Database.open(path).close()
    return schema_of(path)


def rows_of(path: Path) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(path)
    try:
        return {
            "contact": con.execute("SELECT id, wa_id, profile_name FROM contact ORDER BY id").fetchall(),
            "message": con.execute(
                "SELECT id, contact_id, body, sent_at FROM message ORDER BY id"
            ).fetchall(),
            "label": con.execute("SELECT id, name FROM label ORDER BY id").fetchall(),
        }
    finally:
        con.close()


def assert_nothing_lost(
    now: dict[str, list[tuple[object, ...]]], before: dict[str, list[tuple[object, ...]]]
) -> None:
    """Every contact and message as it was; every label still there (a later revision may add some)."""
    assert now["contact"] == before["contact"]
    assert now["message"] == before["message"]
    assert set(before["label"]) <= set(now["label"])


@dataclass
class Tally:
    kills: int = 0
    before: int = 0
    mid: int = 0
    after: int = 0
    finished_first: int = 0

    def count(self, run: Run, version_after_kill: int, old_version: int) -> None:
        if not run.killed:
            self.finished_first += 1
        elif not run.saw(STARTED):
            self.kills += 1
            self.before += 1
        elif version_after_kill == old_version:
            self.kills += 1
            self.mid += 1  # the migration had begun and was rolled back
        else:
            self.kills += 1
            self.after += 1


def migration_seconds(starter: Starter, fresh_files: list[Path]) -> float:
    """The migration's length as the parent sees it (the median of whole starts, unkilled)."""
    runs = [run_to_the_end(starter, path) for path in fresh_files]
    return statistics.median(run.at(COMMITTED) - run.at(STARTED) for run in runs)


@pytest.mark.slow
def test_killing_the_first_start_at_any_moment_never_leaves_a_database_that_cannot_open(
    tmp_path: Path, starter: Starter
) -> None:
    head_schema = reference_schema(tmp_path / "reference.db")
    seconds = migration_seconds(starter, [tmp_path / f"calibration{i}.db" for i in range(3)])
    rng = random.Random(20261129)
    tally = Tally()
    for trial in range(MAX_TRIALS):
        if tally.kills >= KILLS:
            break
        db_path = tmp_path / f"trial{trial}" / "inbox.db"
        db_path.parent.mkdir()
        for _ in range(rng.choice((1, 1, 2))):  # sometimes the restart after a kill is killed too
            run = run_and_kill(starter, db_path, rng, seconds)
            version = stored_schema_version(db_path)
            tally.count(run, version, 0)
            # Never half: no schema at all, or all of it.
            if version == 0:
                assert not db_path.exists() or schema_of(db_path) == [], (trial, run.lines)
            else:
                assert (version, schema_of(db_path)) == (SCHEMA_VERSION, head_schema), (trial, run.lines)
        db = Database.open(db_path)  # the next normal start
        with db.read() as s:
            assert search_messages(s, "anything") == []
        db.close()
        assert stored_schema_version(db_path) == SCHEMA_VERSION
        assert schema_of(db_path) == head_schema
        assert [name for _id, name in rows_of(db_path)["label"]][:1] == ["New customer"]
    print(
        f"\nfirst start: migration {seconds * 1000:.0f} ms; {tally.kills} kills: {tally.before} before "
        f"the migration, {tally.mid} mid-migration, {tally.after} after it; "
        f"{tally.finished_first} starts finished before their kill"
    )
    assert tally.kills >= KILLS
    assert tally.mid >= KILLS // 2, tally


def make_old_database_with_data(path: Path) -> None:
    """A version-1 database (before full-text search) with contacts and messages in Korean and English."""
    upgrade(path, "0001")
    con = sqlite3.connect(path)
    con.executemany(
        "INSERT INTO contact(id, wa_id, profile_name, created_at) VALUES (?, ?, ?, 0)",
        [(c, f"8210{c:08d}", f"손님 {c}") for c in range(1, 61)],
    )
    con.executemany(
        "INSERT INTO message(contact_id, direction, kind, body, status, sent_at) "
        "VALUES (?, 'in', 'text', ?, 'received', ?)",
        [
            (1 + i % 60, f"주문 {i}번 배송 언제 되나요? order {i} when does it ship", 1_000 + i)
            for i in range(OLD_MESSAGES)
        ],
    )
    con.commit()
    con.close()


@pytest.mark.slow
def test_killing_an_upgrade_at_any_moment_loses_no_data_and_the_next_start_finishes_it(
    tmp_path: Path, starter: Starter
) -> None:
    pristine = tmp_path / "pristine.db"
    make_old_database_with_data(pristine)
    old_schema, old_rows = schema_of(pristine), rows_of(pristine)
    head_schema = reference_schema(tmp_path / "reference.db")
    calibrations = [backup_file(pristine, tmp_path / f"calibration{i}" / "inbox.db") for i in range(3)]
    seconds = migration_seconds(starter, calibrations)
    rng = random.Random(20261130)
    tally = Tally()
    for trial in range(MAX_TRIALS):
        if tally.kills >= KILLS:
            break
        db_path = tmp_path / f"trial{trial}" / "inbox.db"
        backup_file(pristine, db_path)
        for _ in range(rng.choice((1, 1, 2))):
            run = run_and_kill(starter, db_path, rng, seconds)
            version = stored_schema_version(db_path)
            tally.count(run, version, 1)
            if version == 1:
                assert schema_of(db_path) == old_schema, (trial, run.lines)
                assert rows_of(db_path) == old_rows
            else:
                assert (version, schema_of(db_path)) == (SCHEMA_VERSION, head_schema), (trial, run.lines)
            if run.saw(STARTED):  # the migration began: its backup was complete before it
                backups = list((db_path.parent / "backups").glob("inbox-v1-*.db"))
                assert backups and all(rows_of(b) == old_rows for b in backups)
        db = Database.open(db_path)  # the next normal start
        with db.read() as s:
            assert len(search_messages(s, "배송", limit=10_000)) == OLD_MESSAGES
        db.close()
        assert stored_schema_version(db_path) == SCHEMA_VERSION
        assert schema_of(db_path) == head_schema
        assert_nothing_lost(rows_of(db_path), old_rows)
        assert not list((db_path.parent / "backups").glob("*.partial"))
    print(
        f"\nupgrade 0001 → head with {OLD_MESSAGES} messages: migration {seconds * 1000:.0f} ms; "
        f"{tally.kills} kills: {tally.before} before the migration, {tally.mid} mid-migration, "
        f"{tally.after} after it; {tally.finished_first} starts finished before their kill"
    )
    assert tally.kills >= KILLS
    assert tally.mid >= KILLS // 2, tally
