"""Desktop sync ingest: events/s from a real relay on loopback into SQLite vs raw executemany; latency.

1. N customer messages are stored in the relay (webhooks of 50 messages each), then a fresh desktop
   database catches up through the real client and apply path (long-poll pages, one transaction
   per page with the cursor). Also prints the longest single page transaction (the most the GUI's
   reads could wait behind the writer).
2. Baseline, same run: the very rows that sync produced (contacts and messages, grams included),
   inserted with plain sqlite3 `executemany` into a fresh database of the same schema (same
   triggers and FTS tables), in one transaction.
3. Latency: 200 webhooks posted one at a time to the relay while the engine runs; time from the POST
   to the row being committed in the desktop database. p50 / p95.
4. Quit: the engine stopped while the relay holds its long poll (what quitting the app waits for),
   against one empty poll's round trip to the same relay (`wait=0`), same run.

    python -m bench.sync_ingest [--events 20000]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import httpx

from app import sync
from app.db import Database
from app.engine import SyncEngine
from app.relay_client import RelayClient
from app.sync import APPLY_CHUNK, SyncWorker
from app.sync_apply import BatchResult
from app.wire import Event
from bench.relay_intake import SECRET, TOKEN, RelayProcess
from bench.report import emit, percentile
from relay.webhook import sign
from tests.support.relay_server import envelope

PER_WEBHOOK = 50


def webhook(first: int, count: int, now: int) -> dict[str, Any]:
    messages, contacts = [], []
    for n in range(first, first + count):
        wa_id = f"8210{n % 3000:08d}"
        messages.append(
            {
                "from": wa_id,
                "id": f"wamid.SYNCBENCH{n:010d}",
                "timestamp": str(now - 86_400 + n % 86_400),
                "type": "text",
                "text": {"body": f"주문 문의 {n}: 린넨 셔츠 M 사이즈 배송 언제 되나요?"},
            }
        )
        contacts.append({"profile": {"name": f"손님 {n % 3000}"}, "wa_id": wa_id})
    return envelope({"messages": messages, "contacts": contacts})


def catch_up(db: Database, url: str, token: str) -> tuple[int, float, list[float]]:
    """(events applied, seconds, each apply transaction's ms) for a fresh database."""
    worker = SyncWorker(
        db,
        RelayClient(url, token),
        on_changed=lambda ids: None,
        on_state=lambda s: None,
        stop=threading.Event(),
        wait=0.0,
    )
    applied = 0
    durations: list[float] = []
    inner = sync._apply_chunk

    def timed(db: Database, events: Sequence[Event], next_cursor: int, expected: int | None) -> BatchResult:
        t = time.perf_counter()
        try:
            return inner(db, events, next_cursor, expected)
        finally:
            durations.append((time.perf_counter() - t) * 1000)

    sync._apply_chunk = timed  # each apply transaction, timed (in this thread: no catch-up process)
    start = time.perf_counter()
    try:
        while True:
            with db.read() as s:
                from app.sync_apply import current_cursor

                cursor = current_cursor(s)
            page = worker.client.events(cursor, wait=0.0, limit=worker.page_size)
            if not page.events:
                break
            applied += worker.apply_page(page.events, page.next, after=cursor).applied
    finally:
        sync._apply_chunk = inner
    elapsed = time.perf_counter() - start
    # The first transaction also compiles every statement once (SQLAlchemy's cache); report it apart.
    return applied, elapsed, durations


class Ticker:
    """A stand-in GUI thread: wakes every 5 ms and reads the chat list; records how late it ran."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.stop = threading.Event()
        self.worst_ms = 0.0
        self.worst_read_ms = 0.0
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self) -> None:
        from app.queries import conversations_page

        tick = 0.005
        while not self.stop.is_set():
            t = time.perf_counter()
            self.stop.wait(tick)
            self.worst_ms = max(self.worst_ms, (time.perf_counter() - t - tick) * 1000)
            t = time.perf_counter()
            with self.db.read() as s:
                conversations_page(s, limit=50)
            self.worst_read_ms = max(self.worst_read_ms, (time.perf_counter() - t) * 1000)

    def __enter__(self) -> Ticker:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()


def raw_baseline(source: Path, target: Path) -> tuple[int, float]:
    """The same contact and message rows through plain executemany into a fresh same-schema file."""
    Database.open(target).close()
    src = sqlite3.connect(source)
    contacts = src.execute(
        "SELECT id, wa_id, profile_name, phone_number_id, created_at FROM contact"
    ).fetchall()
    columns = (
        "id, contact_id, wamid, client_id, phone_number_id, direction, kind, body, grams, payload, "
        "reply_to_wamid, status, sent_by, sent_at, relay_seq, unread, imported"
    )
    rows = src.execute(f"SELECT {columns} FROM message ORDER BY id").fetchall()
    src.close()
    con = sqlite3.connect(target, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    start = time.perf_counter()
    con.execute("BEGIN IMMEDIATE")
    con.executemany(
        "INSERT INTO contact (id, wa_id, profile_name, phone_number_id, created_at, notes, blocked, archived,"
        " pinned, unread_count) VALUES (?, ?, ?, ?, ?, '', 0, 0, 0, 0)",
        contacts,
    )
    marks = ", ".join("?" * len(columns.split(",")))
    con.executemany(f"INSERT INTO message ({columns}) VALUES ({marks})", rows)
    con.execute("COMMIT")
    elapsed = time.perf_counter() - start
    con.close()
    return len(rows), elapsed


def latency(relay: Any, folder: Path, count: int = 200) -> tuple[list[float], float]:
    """The webhook → desktop database latencies (ms), then how long the engine took to stop (ms)
    while the relay held its long poll."""
    db = Database.open(folder / "latency.db")
    arrived = threading.Condition()
    waiting: dict[str, float] = {}
    seen: dict[str, float] = {}

    def on_changed(_changes: object) -> None:
        with arrived:
            pending = list(waiting)
        if not pending:
            return
        with db.read() as s:
            from sqlalchemy import select

            from app.models import Message

            found = set(s.scalars(select(Message.wamid).where(Message.wamid.in_(pending))))
        now = time.perf_counter()
        with arrived:
            for wamid in found:
                if wamid in waiting:
                    seen[wamid] = now - waiting.pop(wamid)
            arrived.notify_all()

    engine = SyncEngine(
        db, relay.url, relay.token, folder / "media", on_changed, lambda s: None, poll_wait=20
    )
    engine.start()
    stopping = 0.0
    try:
        # Catch up on the ingest run's events first, so only live messages are timed.
        base = int(time.time())
        for n in range(count):
            payload = webhook(10_000_000 + n, 1, base + n)
            wamid = payload["entry"][0]["changes"][0]["value"]["messages"][0]["id"]
            with arrived:
                waiting[wamid] = time.perf_counter()
            relay.post_webhook(payload)
            with arrived:
                deadline = time.monotonic() + 10
                while wamid in waiting and time.monotonic() < deadline:
                    arrived.wait(0.5)
        engine.worker.in_long_poll.wait(10)  # nothing more to say: the relay holds the next poll
        stopping = time.perf_counter()
    finally:
        engine.stop()
        stop_ms = (time.perf_counter() - stopping) * 1000
        db.close()
    return [seen[w] * 1000 for w in seen], stop_ms


def empty_poll_ms(relay: Relay, repeat: int = 20) -> float:
    """The median round trip of a poll the relay answers at once (`wait=0`, one event)."""
    headers = {"Authorization": f"Bearer {relay.token}"}
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        page = relay.http.get(
            f"{relay.url}/v1/events", params={"after": 0, "wait": 0, "limit": 1}, headers=headers
        )
        page.raise_for_status()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


class Relay:
    """The relay in its own process (as in real life: its work does not share our GIL)."""

    def __init__(self, folder: Path) -> None:
        self.process = RelayProcess(folder)
        self.http = httpx.Client(timeout=30)
        self.token = TOKEN

    @property
    def url(self) -> str:
        return self.process.url

    def post_webhook(self, payload: dict[str, Any]) -> httpx.Response:
        body = json.dumps(payload, ensure_ascii=False).encode()
        headers = {"Content-Type": "application/json", "X-Hub-Signature-256": sign(SECRET, body)}
        return self.http.post(f"{self.url}/webhook", content=body, headers=headers)

    def __enter__(self) -> Relay:
        self.process.start()
        return self

    def __exit__(self, *exc: object) -> None:
        # SIGTERM would wait for the abandoned long poll to run out (uvicorn's graceful shutdown).
        self.process.kill()
        self.http.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "relay").mkdir()
        with Relay(folder / "relay") as relay:
            now = int(time.time())
            for first in range(0, args.events, PER_WEBHOOK):
                r = relay.post_webhook(webhook(first, min(PER_WEBHOOK, args.events - first), now))
                r.raise_for_status()
            synced = folder / "synced.db"
            db = Database.open(synced)
            with Ticker(Database(synced)) as gui:
                applied, seconds, durations = catch_up(db, relay.url, relay.token)
            db.close()
            rows, raw_seconds = raw_baseline(synced, folder / "raw.db")
            assert applied == args.events == rows, (applied, rows)
            emit(
                f"sync ingest from the relay on loopback ({applied} events)",
                applied / seconds,
                "events/s",
                baseline=rows / raw_seconds,
                baseline_name="raw sqlite3 executemany of the same rows",
                goal="50,000 events well under a minute",
            )
            emit("sync ingest, first apply transaction (compiles statements)", durations[0], "ms")
            emit(
                f"sync ingest, longest later apply transaction ({APPLY_CHUNK} events)",
                max(durations[1:]),
                "ms",
                goal="≤ 50 ms",
            )
            emit("sync ingest, median apply transaction", statistics.median(durations), "ms")
            emit("sync ingest, p99 apply transaction", percentile(durations, 99), "ms")
            emit("sync catch-up, total time", seconds, "s", goal="50,000 events well under a minute")
            emit(
                "GUI-thread stand-in: worst lateness of a 5 ms tick during catch-up",
                gui.worst_ms,
                "ms",
                goal="≤ 50 ms",
            )
            emit("GUI-thread stand-in: slowest chat-list read during catch-up", gui.worst_read_ms, "ms")
            latencies, stop_ms = latency(relay, folder)
            lost = 200 - len(latencies)
            emit("webhook → desktop DB latency p50 (200 messages)", statistics.median(latencies), "ms")
            emit("webhook → desktop DB latency p95 (200 messages)", percentile(latencies, 95), "ms")
            emit(
                "engine stop while the relay holds its long poll (the app's quit)",
                stop_ms,
                "ms",
                baseline=empty_poll_ms(relay),
                baseline_name="one empty poll's round trip",
                goal="far under the poll's 20 s wait",
            )
            print(json.dumps({"latency_lost": lost}))


if __name__ == "__main__":
    main()
