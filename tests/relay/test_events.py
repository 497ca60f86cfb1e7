"""The events long poll: auth, cursor and limit, wake-up latency, pruning gaps, nothing lost on restart."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import httpx
import pytest

from app.wire import EventsPage, HistoryGap, RelayErrorCode
from relay.events import ANSWER_GAP, MAX_WAIT
from relay.storage.event_log import SEQS_PER_MS
from tests.support.fake_graph import FakeGraph
from tests.support.relay_process import wait_until
from tests.support.relay_server import RunningRelay, inbound, run_relay


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic dGVzdA==", "Bearer"])
def test_wrong_or_missing_token_is_401(relay: RunningRelay, header: str | None) -> None:
    headers = {"Authorization": header} if header is not None else {}
    r = relay.client.get(f"{relay.url}/v1/events", headers=headers)
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "unauthorised"


def test_cursor_and_limit_page_through_events_in_order(relay: RunningRelay) -> None:
    for i in range(7):
        relay.post_webhook(inbound("text", f"m{i}"))
    first = relay.events(0, limit=3)
    assert [e["message"]["text"]["body"] for e in first["events"]] == ["m0", "m1", "m2"]
    rest = relay.events(first["next"], limit=100)
    assert [e["message"]["text"]["body"] for e in rest["events"]] == ["m3", "m4", "m5", "m6"]
    seqs = [e["seq"] for e in first["events"] + rest["events"]]
    assert seqs == sorted(seqs) and len(set(seqs)) == 7
    empty = relay.events(rest["next"])
    assert empty == {"events": [], "next": rest["next"]}
    EventsPage.model_validate(first)


def test_a_long_poll_is_answered_by_a_new_event_not_by_its_wait_running_out(relay: RunningRelay) -> None:
    answered: dict[str, int] = {}
    started = threading.Event()

    def poll() -> None:
        started.set()
        with httpx.Client(timeout=30) as client:
            r = client.get(f"{relay.url}/v1/events", params={"after": 0, "wait": 20}, headers=relay.auth())
        answered["count"] = len(r.json()["events"])

    thread = threading.Thread(target=poll)
    thread.start()
    started.wait()
    # Let the poll reach its wait: the relay holds it until an event commits.
    idle = relay.events(0, wait=0.3)
    assert idle["events"] == []
    relay.post_webhook(inbound())
    # Answered with the event, half the poll's 20 s wait at the latest (a bound that leaves a busy
    # machine its scheduling); how soon is bench.relay_intake's "long-poll wake-up" figure.
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert answered["count"] == 1


def test_a_desktop_polling_through_a_burst_of_commits_gets_them_all_in_few_pages(
    relay: RunningRelay,
) -> None:
    """Each webhook commits on its own; a desktop long-polling meanwhile is answered at most once per
    ANSWER_GAP (the commits in between come together), and gets every event once, in order."""
    pages: list[list[int]] = []
    done = threading.Event()

    def read() -> None:
        cursor = 0
        with httpx.Client(timeout=30, headers=relay.auth()) as client:
            while sum(map(len, pages)) < 60 and not done.is_set():
                r = client.get(f"{relay.url}/v1/events", params={"after": cursor, "wait": 5})
                page = r.json()
                if page["events"]:
                    pages.append([e["seq"] for e in page["events"]])
                cursor = page["next"]

    reader = threading.Thread(target=read)
    reader.start()
    assert relay.events(0, wait=0.2)["events"] == []  # the reader is parked by now
    started = time.monotonic()
    for i in range(60):
        relay.post_webhook(inbound("text", f"m{i}"))
    reader.join(timeout=10)
    done.set()
    took = time.monotonic() - started
    seqs = [seq for page in pages for seq in page]
    assert seqs == sorted(set(seqs)) and len(seqs) == 60
    assert len(pages) <= took / ANSWER_GAP + 2, (len(pages), took)


@contextmanager
def desktop_waiting(relay: RunningRelay, wait: float) -> Iterator[Callable[[], bool]]:
    """Another desktop's long poll for what comes next, held by the relay with `wait`: yields
    whether it still waits. At the end a message answers it (unless its wait ran out)."""
    after = relay.events()["next"]
    held_before = relay.relay.feed.open_polls
    polling = threading.Thread(target=lambda: relay.events(after, wait=wait))
    polling.start()
    wait_until(lambda: relay.relay.feed.open_polls > held_before, 10, "the other desktop's poll to wait")
    try:
        yield polling.is_alive
    finally:
        relay.post_webhook(inbound("text", "다른 데스크톱에 온 메시지"))
        polling.join(30)


def test_an_empty_long_poll_holds_for_the_wait_then_answers(relay: RunningRelay) -> None:
    # Answered at its own wait, not a general one: a poll with a far longer wait is held still.
    with desktop_waiting(relay, wait=20) as still_waiting:
        t = time.monotonic()
        assert relay.events(0, wait=0.5)["events"] == []
        assert time.monotonic() - t >= 0.45
        assert still_waiting()


def test_events_pruned_past_the_cursor_give_410_with_the_oldest_kept(relay: RunningRelay) -> None:
    for _ in range(3):
        relay.post_webhook(inbound())
    relay.relay.store.prune(timedelta(seconds=-1))  # everything is older than "the future"
    relay.post_webhook(inbound())
    r = relay.client.get(f"{relay.url}/v1/events", params={"after": 1}, headers=relay.auth())
    assert r.status_code == 410
    gap = HistoryGap.model_validate(r.json())
    assert (gap.error.code, gap.oldest_seq, gap.error.params) == (
        RelayErrorCode.HISTORY_GAP,
        4,
        {"oldest_seq": 4, "reason": "pruned"},
    )
    assert [e["seq"] for e in relay.events(0)["events"]] == [4]  # after=0: everything kept


def test_a_cursor_from_a_replaced_relay_database_gets_410_instead_of_waiting_forever(
    relay: RunningRelay,
) -> None:
    relay.post_webhook(inbound("text", "first on the new relay"))
    relay.post_webhook(inbound("text", "second"))
    # Not held for its wait: answered while a poll whose wait is shorter (20 s, not 55) still waits.
    with desktop_waiting(relay, wait=20) as still_waiting:
        r = relay.client.get(
            f"{relay.url}/v1/events", params={"after": 500, "wait": MAX_WAIT}, headers=relay.auth()
        )
        assert still_waiting()
        assert r.status_code == 410
        assert r.json()["oldest_seq"] == 1  # start again from the beginning: both messages come
        assert len(relay.events(r.json()["oldest_seq"] - 1)["events"]) == 2
        assert relay.events(2) == {"events": [], "next": 2}  # the newest cursor is not "ahead"


def test_a_restart_loses_nothing_and_seq_keeps_increasing(relay: RunningRelay) -> None:
    for i in range(20):
        relay.post_webhook(inbound("text", f"before {i}"))
    relay.stop()
    relay.start()
    relay.post_webhook(inbound("text", "after"))
    events = relay.events(0)["events"]
    assert len(events) == 21
    assert [e["seq"] for e in events] == sorted(e["seq"] for e in events)
    assert events[-1]["message"]["text"]["body"] == "after"


def as_restored_from_a_backup(relay: RunningRelay, kept: int) -> None:
    """The event log as a backup made when `kept` was its newest seq left it: later events gone, and
    the seq counter back where it was then (a stopped relay)."""
    from sqlalchemy import text

    with relay.relay.store.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM event WHERE seq > :kept"), {"kept": kept})
        if relay.relay.store.is_sqlite:
            conn.execute(text("UPDATE sqlite_sequence SET seq = :kept WHERE name = 'event'"), {"kept": kept})
        else:
            conn.execute(text("SELECT setval(pg_get_serial_sequence('event', 'seq'), :kept)"), {"kept": kept})


def test_a_relay_restored_from_an_older_backup_hands_a_desktop_every_new_event(relay: RunningRelay) -> None:
    """The restored relay numbered its new events again from the backup's last seq: a desktop whose
    cursor was past them (it had read what came after the backup) asked only for later seqs and
    never got those new messages."""
    for i in range(3):
        relay.post_webhook(inbound("text", f"before the backup {i}"))
    backup_top = relay.events(0)["next"]
    for i in range(10):
        relay.post_webhook(inbound("text", f"lost with the disk {i}"))
    desktop_cursor = relay.events(0)["next"]  # the desktop read everything
    relay.stop()
    as_restored_from_a_backup(relay, backup_top)
    relay.start()

    for i in range(12):  # more than were lost: numbered again from the backup, they passed the cursor
        relay.post_webhook(inbound("text", f"after the restore {i}"))

    page = relay.events(desktop_cursor)
    assert [e["message"]["text"]["body"] for e in page["events"]] == [
        f"after the restore {i}" for i in range(12)
    ]
    seqs = [e["seq"] for e in relay.events(0)["events"]]
    assert seqs == sorted(seqs) and len(seqs) == len(set(seqs)) == 15


def test_an_ordinary_restart_moves_the_event_numbers_on_without_a_word_at_info(
    relay: RunningRelay, caplog: pytest.LogCaptureFixture
) -> None:
    """Every start moves the numbers on to the clock's: the line it wrote at INFO each time read to
    an operator as a warning and said nothing new. It is there at DEBUG."""
    relay.post_webhook(inbound("text", "before the restart"))
    relay.stop()
    with caplog.at_level(logging.DEBUG, logger="relay.service"):
        relay.start()
    said = [r for r in caplog.records if r.name == "relay.service" and "event numbers" in r.getMessage()]
    assert [r.levelno for r in said] == [logging.DEBUG]
    assert "go on from the clock's" in said[0].getMessage()
    relay.post_webhook(inbound("text", "after the restart"))
    assert [e["message"]["text"]["body"] for e in relay.events(0)["events"]] == [
        "before the restart",
        "after the restart",
    ]


def test_a_start_on_a_clock_behind_the_event_numbers_says_so_once(
    relay: RunningRelay, caplog: pytest.LogCaptureFixture
) -> None:
    """The database came from a server whose clock ran two hours ahead (or this clock was set back):
    the numbers cannot go on from this clock's, and a restore before it catches up could hide new
    events. The operator is told, with what to do; the events still come in order."""
    relay.post_webhook(inbound("text", "on the fast clock"))
    relay.stop()
    two_hours_ahead = (int(time.time() * 1000) + 2 * 3600 * 1000) * SEQS_PER_MS
    as_restored_from_a_backup(relay, two_hours_ahead)
    with caplog.at_level(logging.INFO, logger="relay.service"):
        relay.start()
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1, warnings
    ahead = int(warnings[0].split("up to ")[1].split(" s ")[0])
    assert 7100 <= ahead <= 7200
    assert "behind the event numbers in the database" in warnings[0] and "timedatectl" in warnings[0]
    relay.post_webhook(inbound("text", "on this clock"))
    events = relay.events(0)["events"]
    assert [e["message"]["text"]["body"] for e in events] == ["on the fast clock", "on this clock"]
    assert events[-1]["seq"] > two_hours_ahead


def test_a_new_relay_numbers_its_events_from_one(relay: RunningRelay) -> None:
    """Only a log that has had events goes on from the clock: a new one starts at 1."""
    relay.stop()
    relay.start()  # a start with nothing in the log
    relay.post_webhook(inbound("text", "the first"))
    assert [e["seq"] for e in relay.events(0)["events"]] == [1]


def test_a_long_poll_on_one_worker_wakes_when_another_worker_commits(
    tmp_path: Path, graph: FakeGraph, storage: str | None
) -> None:
    if storage is None:
        pytest.skip("several relay workers share PostgreSQL, not a SQLite file")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with (
        run_relay(tmp_path / "a", graph_url=graph.url, database_url=storage) as first,
        run_relay(tmp_path / "b", graph_url=graph.url, database_url=storage) as second,
    ):
        assert second.relay.peers_listening.wait(10)
        answered: dict[str, int] = {}

        def poll() -> None:
            with httpx.Client(timeout=30) as client:
                r = client.get(
                    f"{second.url}/v1/events", params={"after": 0, "wait": 20}, headers=second.auth()
                )
            answered["count"] = len(r.json()["events"])

        thread = threading.Thread(target=poll)
        thread.start()
        assert second.events(0, wait=0.3)["events"] == []  # the poll is holding
        assert first.post_webhook(inbound("text", "다른 워커로 온 메시지")).status_code == 200
        # NOTIFY, not the 20 s wait running out: answered within half of it (room for a busy machine).
        thread.join(timeout=10)
        assert not thread.is_alive()
        assert answered["count"] == 1
