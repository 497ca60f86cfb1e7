"""A database outage in the relay's log: a background loop's failures as one streak (its first, a
reminder a minute, its end), not a line a second per worker."""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from relay.failure_streak import FailureStreak
from relay.storage.tables import metadata
from tests.support.fake_graph import FakeGraph
from tests.support.relay_process import wait_until
from tests.support.relay_server import inbound, run_relay


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


def test_the_campaign_runner_says_once_that_its_storage_fails_and_once_that_it_works_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, "relay.campaigns")
    database = tmp_path / "relay.db"
    with run_relay(tmp_path, campaign_poll=0.01) as running:
        runner = running.relay.campaigns
        with closing(sqlite3.connect(database)) as broken, broken:
            broken.execute("DROP TABLE campaign_recipient")
            broken.execute("DROP TABLE campaign")  # every look for work fails now, as in an outage
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
        with closing(sqlite3.connect(database)) as broken, broken:
            broken.execute("DROP TABLE media")  # every read of its jobs fails now, as in an outage
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


def test_the_sweep_of_abandoned_sends_says_once_that_its_storage_fails_and_once_that_it_works_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # It logged a WARNING at every sweep (every 15 s) for as long as the database was away.
    caplog.set_level(logging.INFO, "relay.service")
    database = tmp_path / "relay.db"
    with run_relay(tmp_path, send_lease=0.02) as running:
        relay = running.relay
        with closing(sqlite3.connect(database)) as broken, broken:
            broken.execute("DROP TABLE idempotency")  # every sweep fails now, as in an outage
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
        with closing(sqlite3.connect(database)) as broken, broken:
            broken.execute("DROP TABLE event")  # every prune fails now, as in an outage
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


def test_an_away_answer_that_meets_the_database_away_is_one_line_naming_the_cause_not_a_traceback(
    tmp_path: Path, graph: FakeGraph, caplog: pytest.LogCaptureFixture
) -> None:
    # A one-off task (a customer's greeting or away answer, a campaign's run) that met an outage
    # logged "background task failed" with a traceback of some 80 lines, one per customer writing.
    caplog.set_level(logging.INFO, "relay")
    database = tmp_path / "relay.db"
    with run_relay(tmp_path, graph_url=graph.url) as running:
        running.put_rules(away={"enabled": True, "text": "지금은 부재중입니다", "schedule": "always"})
        with closing(sqlite3.connect(database)) as broken, broken:
            broken.execute("DROP TABLE blocked_contact")  # the answer's first look fails, as in an outage
        assert running.post_webhook(inbound("text", "주문할게요")).status_code == 200
        said = "background task failed: AutomationRunner.answer: storage failed: cause="
        wait_until(lambda: said in caplog.text, 30, "the answer to fail")
    assert not [r.getMessage() for r in caplog.records if r.exc_info], "a traceback in the log"
    assert graph.sent == []
