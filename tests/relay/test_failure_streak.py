"""A database outage in the relay's log: a background loop's failures as one streak (its first, a
reminder a minute, its end), not a line a second per worker."""

from __future__ import annotations

import contextlib
import logging
import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine

from relay.failure_streak import FailureStreak
from relay.service import Relay
from relay.storage.tables import metadata
from tests.support.fake_graph import FakeGraph
from tests.support.relay_process import wait_until
from tests.support.relay_server import RunningRelay, inbound, run_relay


def written(database: Path, sql: str, *params: object) -> None:
    """One statement on the relay's SQLite file, as another program would write it, committed."""
    with closing(sqlite3.connect(database)) as db, db:
        db.execute(sql, params)


def test_an_hour_of_failures_every_second_is_a_line_a_minute_and_one_when_it_works_again(
    caplog: pytest.LogCaptureFixture,
) -> None:
    now = [1000.0]
    streak = FailureStreak(logging.getLogger("relay.test"), "campaign runner", clock=lambda: now[0])
    caplog.set_level(logging.INFO, "relay.test")
    for _second in range(3600):
        streak.failed("storage failed: cause=connection_lost error=OperationalError")
        now[0] += 1
    streak.succeeded()
    streak.succeeded()  # working on: nothing more to say
    lines = [record.getMessage() for record in caplog.records]
    assert len(lines) == 1 + 59 + 1
    assert lines[0] == "campaign runner: storage failed: cause=connection_lost error=OperationalError"
    assert lines[1].endswith("(still failing: 61 times in 60 s)")
    assert lines[-1] == "campaign runner: works again after 3600 failures in 3600 s"


def test_a_cause_the_streak_has_not_said_is_said_at_once_and_only_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # The wake-up connection lost with a database dropped, then refused as it comes back in
    # SQL_ASCII: its first line named only the lost connection, whose advice is not this one's.
    now = [1000.0]
    streak = FailureStreak(
        logging.getLogger("relay.test"), "PostgreSQL wake-up connection", clock=lambda: now[0]
    )
    caplog.set_level(logging.INFO, "relay.test")
    streak.failed("cause=connection_lost error=OperationalError; retrying every 2 s")
    for _ in range(10):
        now[0] += 2
        streak.failed("cause=database_not_utf8 error=DatabaseNotUtf8; retrying every 2 s")
    now[0] += 2
    streak.failed("cause=connection_lost error=OperationalError; retrying every 2 s")  # said already
    streak.succeeded()
    assert [record.getMessage() for record in caplog.records] == [
        "PostgreSQL wake-up connection: cause=connection_lost error=OperationalError; retrying every 2 s",
        "PostgreSQL wake-up connection: cause=database_not_utf8 error=DatabaseNotUtf8; retrying every 2 s "
        "(still failing: 2 times in 2 s)",
        "PostgreSQL wake-up connection: works again after 12 failures in 22 s",
    ]


def test_the_campaign_runner_says_once_that_its_storage_fails_and_once_that_it_works_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, "relay.campaigns")
    database = tmp_path / "relay.db"
    with run_relay(tmp_path, campaign_poll=0.01) as running:
        runner = running.relay.campaigns
        written(database, "DROP TABLE campaign_recipient")
        written(database, "DROP TABLE campaign")  # every look for work fails now, as in an outage
        wait_until(lambda: runner.failures.count >= 20, 30, "the runner failing again and again")
        engine = create_engine(f"sqlite:///{database}")
        metadata.tables["campaign"].create(engine)
        metadata.tables["campaign_recipient"].create(engine)
        engine.dispose()
        wait_until(lambda: runner.failures.count == 0, 30, "the runner working again")
    lines = [r.getMessage() for r in caplog.records if r.name == "relay.campaigns"]
    assert lines[0].startswith("campaign runner: storage failed: cause=") and len(lines) == 2, lines
    assert lines[1].startswith("campaign runner: works again after ")


def test_the_media_worker_says_once_that_it_cannot_read_its_jobs_and_once_that_it_can_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # It logged an ERROR every 5 s for as long as the database was away (720 lines an hour a worker).
    monkeypatch.setattr("relay.media_jobs.FAILURE_PAUSE", 0.01)  # its pause, not the database
    caplog.set_level(logging.INFO, "relay.media_jobs")
    database = tmp_path / "relay.db"
    with run_relay(tmp_path) as running:
        media = running.relay.media
        written(database, "DROP TABLE media")  # every read of its jobs fails now, as in an outage
        loop = next(iter(running.relay.tasks)).get_loop()  # the relay's own event loop
        loop.call_soon_threadsafe(media.wake)
        wait_until(lambda: media.read_failures.count >= 20, 30, "the media worker failing again and again")
        engine = create_engine(f"sqlite:///{database}")
        metadata.tables["media"].create(engine)
        engine.dispose()
        wait_until(lambda: media.read_failures.count == 0, 30, "the media worker reading its jobs again")
    lines = [r.getMessage() for r in caplog.records if r.name == "relay.media_jobs"]
    assert len(lines) == 2, lines
    assert lines[0].startswith("media worker cannot read its jobs: cause=")
    assert lines[1].startswith("media worker cannot read its jobs: works again after ")


@contextmanager
def sweeping_often(tmp_path: Path) -> Iterator[tuple[Relay, Path]]:
    """A relay whose sends' leases are short, so its sweep of abandoned sends runs many times a
    second; and its SQLite file."""
    with run_relay(tmp_path, send_lease=0.02) as running:
        yield running.relay, tmp_path / "relay.db"


def test_the_sweep_of_abandoned_sends_says_once_that_its_storage_fails_and_once_that_it_works_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # It logged a WARNING at every sweep (every 15 s) for as long as the database was away.
    caplog.set_level(logging.INFO, "relay.service")
    with sweeping_often(tmp_path) as (relay, database):
        written(database, "DROP TABLE idempotency")  # every sweep fails now, as in an outage
        wait_until(lambda: relay.sweep_failures.count >= 20, 30, "the sweep failing again and again")
        engine = create_engine(f"sqlite:///{database}")
        metadata.tables["idempotency"].create(engine)
        engine.dispose()
        wait_until(lambda: relay.sweep_failures.count == 0, 30, "the sweep working again")
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("sweep of abandoned sends")]
    assert len(lines) == 2, lines
    assert lines[0].startswith("sweep of abandoned sends: storage failed: cause=")
    assert lines[1].startswith("sweep of abandoned sends: works again after ")


def test_pruning_old_events_says_once_that_its_storage_fails_and_goes_on_when_it_works_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A prune that met a database outage (the first one runs as a worker starts) ended the pruning
    # loop with a traceback in the log ("background task failed"), and no event was pruned again
    # until the relay was restarted.
    monkeypatch.setattr("relay.events.PRUNE_EVERY", 0.01)  # its pauses, not the database
    monkeypatch.setattr("relay.events.PRUNE_RETRY", 0.01)
    caplog.set_level(logging.INFO, "relay")
    database = tmp_path / "relay.db"
    with run_relay(tmp_path) as running:
        feed = running.relay.feed
        written(database, "DROP TABLE event")  # every prune fails now, as in an outage
        wait_until(lambda: feed.prune_failures.count >= 20, 30, "the pruning failing again and again")
        engine = create_engine(f"sqlite:///{database}")
        metadata.tables["event"].create(engine)
        engine.dispose()
        wait_until(lambda: feed.prune_failures.count == 0, 30, "the pruning working again")
    assert not [r.getMessage() for r in caplog.records if r.exc_info], "a traceback in the log"
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("pruning of old events")]
    assert len(lines) == 2, lines
    assert lines[0].startswith("pruning of old events: storage failed: cause=")
    assert lines[1].startswith("pruning of old events: works again after ")


def test_reading_new_events_says_it_works_again_at_the_feeds_first_read_that_works_not_a_poll_later(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A long poll soon after a failed read of new events asks the database itself, is answered, and
    # waits; "works again" was said only by the next read of new events: another commit, or the
    # desktop's next poll, up to 55 s after the database had answered.
    monkeypatch.setattr("relay.events.TRUST_RECENT_FOR", 3600.0)  # only a commit makes the feed read
    caplog.set_level(logging.INFO, "relay")
    database = tmp_path / "relay.db"
    with run_relay(tmp_path) as running:
        assert running.events(wait=0.1)["events"] == []  # the feed's readings of new events begin
        assert running.post_webhook(inbound("text", "주문할게요")).status_code == 200
        written(database, "DROP TABLE event")  # the read for the next poll fails, as in an outage
        failed = running.client.get(
            f"{running.url}/v1/events", params={"after": 0, "wait": 0.1}, headers=running.auth()
        )
        assert failed.status_code == 503
        engine = create_engine(f"sqlite:///{database}")
        metadata.tables["event"].create(engine)
        engine.dispose()
        answers: list[dict[str, Any]] = []
        polling = threading.Thread(target=lambda: answers.append(running.events(wait=20)))
        polling.start()
        wait_until(lambda: "reading new events: works again" in caplog.text, 10, "the line")
        assert polling.is_alive() and not answers  # said while the desktop's poll still waits
        assert running.post_webhook(inbound("text", "배송은 언제인가요")).status_code == 200
        polling.join(30)  # the commit's read (which works, and says nothing more) answers it
    assert [e["message"]["text"]["body"] for e in answers[0]["events"]] == ["배송은 언제인가요"]
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("reading new events")]
    assert len(lines) == 2, lines
    assert lines[0].startswith("reading new events: storage failed: cause=")
    assert lines[1].startswith("reading new events: works again after 1 failures in ")


def test_an_away_answer_that_meets_the_database_away_is_one_line_naming_the_cause_not_a_traceback(
    tmp_path: Path, graph: FakeGraph, caplog: pytest.LogCaptureFixture
) -> None:
    # A one-off task (a customer's greeting or away answer, a campaign's run) that met an outage
    # logged "background task failed" with a traceback of some 80 lines, one per customer writing.
    caplog.set_level(logging.INFO, "relay")
    database = tmp_path / "relay.db"
    with run_relay(tmp_path, graph_url=graph.url) as running:
        running.put_rules(away={"enabled": True, "text": "지금은 부재중입니다", "schedule": "always"})
        written(database, "DROP TABLE blocked_contact")  # the answer's first look fails, as in an outage
        assert running.post_webhook(inbound("text", "주문할게요")).status_code == 200
        said = "background task failed: AutomationRunner.answer: storage failed: cause="
        wait_until(lambda: said in caplog.text, 30, "the answer to fail")
    assert not [r.getMessage() for r in caplog.records if r.exc_info], "a traceback in the log"
    assert graph.sent == []


def test_requests_that_meet_the_database_away_are_one_line_with_its_cause_then_one_when_they_work_again(
    relay: RunningRelay, storage: str | None, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Every request answered 503 while the database was away logged "storage failed" at ERROR:
    # every desktop's poll, every few seconds, for the whole outage.
    from tests.relay.test_connection_refusals import no_new_connections

    def automations() -> int:
        """The status of a desktop's read of the automations (a read of the database each time)."""
        answer = relay.client.get(f"{relay.url}/v1/automations", headers=relay.auth())
        return answer.status_code

    def health() -> int:
        return relay.client.get(f"{relay.url}/healthz").status_code

    caplog.set_level(logging.INFO, "relay")
    database = tmp_path / "relay.db"
    if storage is None:
        outage: Any = contextlib.nullcontext()
        written(database, "ALTER TABLE kv RENAME TO kv_away")  # every read of kv fails, as in an outage
    else:
        outage = no_new_connections(relay.settings.database_url, end_sessions=True)
    with outage:
        for n in range(20):
            assert automations() == 503
            if n % 5 == 0:
                assert health() == 200  # asks no database: says nothing of the outage's end
    if storage is None:
        written(database, "ALTER TABLE kv_away RENAME TO kv")
    # PostgreSQL: a pooled session that ended under the relay may be met first, and is a 503 too.
    wait_until(lambda: automations() == 200, 30, "the automations read again")
    assert automations() == 200
    said = [r for r in caplog.records if r.getMessage().startswith("storage failed")]
    failed = [r.getMessage() for r in said if r.levelno == logging.ERROR]
    causes = re.findall(r"cause=(\w+)", " ".join(failed))
    # One line a cause (PostgreSQL: the session ended under the relay, then no connection allowed).
    assert failed and len(causes) == len(set(causes)) == len(failed), failed
    assert failed[0].startswith(f"storage failed: cause={causes[0]} error=")
    again = [r.getMessage() for r in said if r.levelno < logging.ERROR]
    assert len(again) == 1, again
    failures = int(
        re.findall(r"^storage failed: works again after (\d+) failed requests in \d+ s$", again[0])[0]
    )
    assert failures == 20 if storage is None else failures >= 20


def only_line_and_debug_traceback(caplog: pytest.LogCaptureFixture, start: str, relays: int = 1) -> str:
    """The one line (at WARNING) of each relay starting `start` (its streak's end aside), and its
    traceback only at DEBUG."""
    lines = [
        r
        for r in caplog.records
        if r.getMessage().startswith(start)
        and r.levelno >= logging.INFO
        and "works again" not in r.getMessage()
    ]
    assert len(lines) == relays, [r.getMessage() for r in lines]
    assert lines[0].levelno == logging.WARNING
    assert not [r for r in caplog.records if r.exc_info and r.levelno > logging.DEBUG], (
        "a traceback above DEBUG"
    )
    assert [r for r in caplog.records if r.exc_info and r.getMessage().startswith(start.split(":")[0])]
    return lines[0].getMessage()


def test_pruning_goes_on_after_an_error_that_is_not_the_databases_with_one_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A clock at the calendar's first days (a machine's clock set wildly wrong): no date lies the
    # retention before it, and the prune's arithmetic raises OverflowError. That ended the pruning
    # loop ("background task failed"), and nothing was pruned again until a restart.
    monkeypatch.setattr("relay.events.PRUNE_EVERY", 0.01)  # its pauses, not the error
    caplog.set_level(logging.DEBUG, "relay")
    with run_relay(tmp_path) as running:
        feed = running.relay.feed
        assert running.post_webhook(inbound("text", "지난달 주문")).status_code == 200
        feed.clock = lambda: datetime(1, 1, 2, tzinfo=UTC)
        wait_until(lambda: feed.prune_failures.count >= 5, 30, "the pruning to try again and again")
        assert len(running.events()["events"]) == 1  # the relay serves on, and pruned nothing
        # The clock set right, a year on: the next round prunes that month-old message.
        feed.clock = lambda: datetime.now(UTC) + timedelta(days=365)
        wait_until(lambda: feed.prune_failures.count == 0, 30, "the pruning to work again")
        wait_until(lambda: running.relay.store.events.cursor_bounds()[0] >= 1, 30, "the old event pruned")
    line = only_line_and_debug_traceback(caplog, "pruning of old events")
    assert line.startswith("pruning of old events: unexpected error=OverflowError; trying again in ")
    assert "background task failed" not in caplog.text


def clock_past_the_calendar() -> datetime:
    """What `datetime.now(UTC)` does on a machine whose clock reads beyond the year 9999 (set
    wildly wrong): the reading converts to no date, and it raises."""
    return datetime.fromtimestamp(2**40, UTC)  # the year 36812


def test_the_campaign_runner_goes_on_looking_for_work_after_an_error_that_is_not_the_databases(
    tmp_path: Path, graph: FakeGraph, caplog: pytest.LogCaptureFixture
) -> None:
    # Any error but the database's (here the clock's reading, which no date holds) ended the
    # runner's loop, and no campaign was started again until the relay was restarted.
    from tests.support.relay_campaigns import SEOUL_AFTERNOON, post_campaign, recipient

    caplog.set_level(logging.DEBUG, "relay")
    with run_relay(tmp_path, graph_url=graph.url, campaign_poll=0.01) as running:
        running.relay.clock = lambda: SEOUL_AFTERNOON
        runner = running.relay.campaigns
        start_at = (SEOUL_AFTERNOON + timedelta(minutes=5)).isoformat()
        post_campaign(running, "winter-1", [recipient("821011112222")], start_at=start_at)
        running.relay.clock = clock_past_the_calendar
        wait_until(lambda: runner.failures.count >= 5, 30, "the runner to look for work again and again")
        assert graph.sent == []
        # The clock set right, past the campaign's start: it goes out.
        running.relay.clock = lambda: SEOUL_AFTERNOON + timedelta(minutes=10)
        wait_until(lambda: len(graph.sent) == 1, 30, "the campaign's message to be sent")
        assert runner.failures.count == 0
    line = only_line_and_debug_traceback(caplog, "campaign runner")
    assert line.startswith("campaign runner: unexpected error=ValueError")
    assert "background task failed" not in caplog.text


def test_the_sweep_of_abandoned_sends_goes_on_after_a_row_it_cannot_answer(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # An in-flight key stored as bytes (SQLite keeps what it is given: a row another program wrote)
    # made the sweep's answer unwritable (TypeError, not a database error): the sweep's loop ended,
    # and every send whose worker died afterwards stayed 409 "in flight" for good.
    caplog.set_level(logging.DEBUG, "relay")
    with sweeping_often(tmp_path) as (relay, database):
        in_flight = "INSERT INTO idempotency (key, state, created_ms) VALUES (?, 'in_flight', 0)"
        written(database, in_flight, b"order-1")
        wait_until(lambda: relay.sweep_failures.count >= 3, 30, "the sweep to fail on that row")
        # In one statement: a sweep between a DELETE and an INSERT worked on an empty table, and the
        # row was read before any sweep had answered it.
        written(database, "UPDATE idempotency SET key = ?", "order-2")  # a send whose worker is gone
        wait_until(lambda: relay.sweep_failures.count == 0, 30, "the sweep to work again")
        with closing(sqlite3.connect(database)) as db:
            (state,) = db.execute("SELECT state FROM idempotency WHERE key = 'order-2'").fetchone()
        assert state == "done"  # a send whose worker is gone, answered again
    line = only_line_and_debug_traceback(caplog, "sweep of abandoned sends: unexpected")
    assert line.startswith("sweep of abandoned sends: unexpected error=TypeError")
    assert "background task failed" not in caplog.text


def relay_token_answer(running: RunningRelay, token: str) -> int:
    """The status a desktop presenting `token` gets for its poll."""
    bearer = {"Authorization": f"Bearer {token}"}
    return running.client.get(f"{running.url}/v1/events", params={"after": 0}, headers=bearer).status_code


def test_the_token_follower_goes_on_after_a_stored_token_that_is_not_text_and_takes_the_next(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # SQLite keeps what a program writes whatever the column says: a token row written as bytes
    # (a script rotating it by hand) became the relay's token, and every request then failed
    # with 500 until a restart. It is not taken now: the follower says so, the desktops' token
    # goes on working, and a token written as text afterwards is taken as `token --rotate`'s is.
    monkeypatch.setattr("relay.service.TOKEN_FOLLOW_SECONDS", 0.01)  # its pauses, not the error
    monkeypatch.delenv("RELAY_CLIENT_TOKEN", raising=False)
    caplog.set_level(logging.DEBUG, "relay")
    database = tmp_path / "relay.db"
    new = "rotated-by-a-script-" + "x" * 30
    with run_relay(tmp_path, client_token="") as running:
        relay = running.relay
        old = relay.token
        written(database, "UPDATE kv SET value = ? WHERE key = 'client_token'", new.encode())
        wait_until(lambda: relay.token_follow_failures.count >= 5, 30, "the follower to fail again and again")
        assert relay_token_answer(running, old) == 200  # the desktops go on
        written(database, "UPDATE kv SET value = ? WHERE key = 'client_token'", new)
        wait_until(lambda: relay_token_answer(running, old) == 401, 30, "the old token refused")
        assert relay_token_answer(running, new) == 200
        assert relay.token_follow_failures.count == 0
    lines = [
        r.getMessage() for r in caplog.records if r.getMessage().startswith("relay token not read again")
    ]
    assert (
        lines[0]
        == "relay token not read again: the token stored is not text (bytes); the token in use goes on"
    )
    assert lines[1].startswith("relay token not read again: works again after ")
    assert len(lines) == 2, lines
    assert "background task failed" not in caplog.text


def test_the_token_follower_says_once_that_its_storage_fails_and_once_that_it_works_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # It logged a WARNING at every look (every 2 s) for as long as the database was away.
    monkeypatch.setattr("relay.service.TOKEN_FOLLOW_SECONDS", 0.01)
    caplog.set_level(logging.INFO, "relay.service")
    database = tmp_path / "relay.db"
    with run_relay(tmp_path, client_token="") as running:
        relay = running.relay
        token = relay.token
        written(database, "ALTER TABLE kv RENAME TO kv_away")  # every read fails now, as in an outage
        wait_until(
            lambda: relay.token_follow_failures.count >= 20, 30, "the follower failing again and again"
        )
        written(database, "ALTER TABLE kv_away RENAME TO kv")
        wait_until(lambda: relay.token_follow_failures.count == 0, 30, "the follower working again")
        assert relay.token == token
    lines = [
        r.getMessage() for r in caplog.records if r.getMessage().startswith("relay token not read again")
    ]
    assert len(lines) == 2, lines
    assert lines[0].startswith("relay token not read again: storage failed: cause=")
    assert lines[1].startswith("relay token not read again: works again after ")


@pytest.mark.slow
@pytest.mark.postgresql
@pytest.mark.parametrize("seq", ["²", "9" * 5000], ids=["superscript-two", "5000-digits"])
def test_a_wake_up_notice_no_relay_sends_is_ignored_and_the_worker_hears_the_next_commits(
    tmp_path: Path, pg: str, caplog: pytest.LogCaptureFixture, seq: str
) -> None:
    # A NOTIFY on the relay's channel whose seq is a digit Python cannot read as a number ("²"), or
    # more digits than it converts, raised ValueError in the wake-up loop. No relay sends either: the
    # notice tells of no commit, so it is ignored (a DEBUG line), and the notices after it are heard.
    import psycopg

    from relay.wakeups import CHANNEL, conninfo

    caplog.set_level(logging.DEBUG, "relay")
    with run_relay(tmp_path / "a", database_url=pg) as a, run_relay(tmp_path / "b", database_url=pg) as b:
        wait_until(a.relay.peers_listening.is_set, 30, "worker a to listen")
        wait_until(b.relay.peers_listening.is_set, 30, "worker b to listen")  # else it never hears it
        with psycopg.connect(conninfo(pg), autocommit=True) as conn:
            conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, f"events:elsewhere@{seq}"))
        said = "wake-up notice ignored: payload='events:elsewhere@"
        wait_until(lambda: caplog.text.count(said) == 2, 30, "each worker to ignore the notice")
        after = a.events()["next"]
        answers: list[dict[str, object]] = []
        polling = threading.Thread(target=lambda: answers.append(a.events(after, wait=20)))
        polling.start()
        wait_until(lambda: a.relay.feed.open_polls >= 1, 10, "the long poll to wait on worker a")
        assert b.post_webhook(inbound("text", "주문할게요")).status_code == 200
        # Worker a heard of worker b's commit (NOTIFY), not its poll's 20 s running out: answered
        # within half of them (room for a busy machine).
        polling.join(10)
        assert not polling.is_alive(), "worker a did not hear of worker b's message"
    assert answers and len(answers[0]["events"]) == 1, answers  # type: ignore[arg-type]
    ignored = [r for r in caplog.records if r.getMessage().startswith("wake-up notice ignored")]
    assert {r.levelno for r in ignored} == {logging.DEBUG}
    assert all(len(r.getMessage()) < 200 for r in ignored)  # not thousands of digits in the log
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING and "wake-up" in r.getMessage()]
    assert "background task failed" not in caplog.text
