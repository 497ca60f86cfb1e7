"""`serve --workers N` on PostgreSQL as real processes: workers die with their supervisor, and log."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import psycopg
import pytest
from sqlalchemy.engine import make_url

from relay.command_settings import shown
from relay.server import create_app
from relay.settings import RelaySettings
from relay.storage.event_log import SKIP_AHEAD_LOCK
from relay.wakeups import conninfo
from tests.support.fake_graph import ACCESS_TOKEN, WABA_ID, FakeGraph, graph_error
from tests.support.private_postgresql import private_postgresql
from tests.support.relay_process import (
    alive,
    answers_healthz,
    post_webhook,
    relay_env,
    serve_process,
    wait_until,
)
from tests.support.relay_server import APP_SECRET, CLIENT_TOKEN, PHONE_NUMBER_ID, VERIFY_TOKEN, inbound
from tests.support.servers import free_port

pytestmark = [pytest.mark.slow, pytest.mark.postgresql]

CUSTOMER = "821012345678"


def test_killing_serve_takes_its_workers_down_and_a_new_serve_binds_the_port(
    tmp_path: Path, graph: FakeGraph, pg: str
) -> None:
    port = free_port()
    env = relay_env(pg, graph.url)
    with serve_process(tmp_path / "first.log", port, env, workers=2) as first:
        workers = first.workers()
        assert len(workers) == 2
        killed = time.monotonic()
        first.kill()  # SIGKILL: the supervisor gets no chance to stop anyone
        wait_until(lambda: not any(alive(pid) for pid in workers), 10, "the orphaned workers to exit")
        print(f"workers gone {time.monotonic() - killed:.2f} s after kill -9 of serve")
        assert "supervisor gone" in first.log()
    with serve_process(tmp_path / "second.log", port, env, workers=2) as second:
        assert answers_healthz(second.url)
        assert "Address already in use" not in second.log()


def test_every_worker_logs_each_stored_webhook_with_its_worker_id(
    tmp_path: Path, graph: FakeGraph, pg: str
) -> None:
    port = free_port()
    with serve_process(tmp_path / "serve.log", port, relay_env(pg, graph.url), workers=2) as serve:
        for i in range(40):
            assert post_webhook(serve.url, inbound("text", f"주문 {i}")).status_code == 200
        secret = httpx.get(
            f"{serve.url}/webhook",
            params={"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "42"},
        )
        assert secret.text == "42"
        stored = [line for line in serve.log().splitlines() if "webhook stored:" in line]
        assert len(stored) == 40
        pids = {int(m.group(1)) for line in stored if (m := re.search(r" worker=\S+:(\d+) ", line))}
        assert pids and pids <= set(serve.workers())  # each line names the worker that stored it
        assert all(line.startswith("time=") and " level=INFO " in line for line in stored)
        access = [line for line in serve.log().splitlines() if "uvicorn.access" in line]
        assert sum('"POST /webhook HTTP/1.1" 200' in line for line in access) == 40
        assert any("hub.verify_token=***" in line for line in access)
        assert VERIFY_TOKEN not in serve.log()
        assert "주문" not in serve.log()  # never a customer's text
        # Each worker names the database it serves (an operator's check after a move), password hidden.
        started = [line for line in serve.log().splitlines() if "relay started" in line]
        assert len(started) == 2 and all(f"database={shown(pg)} media=" in line for line in started)
        password = make_url(pg).password
        assert not password or f":{password}@" not in serve.log()


def test_what_is_wrong_with_the_token_and_the_log_level_is_said_once_a_start_not_by_every_worker(
    tmp_path: Path, graph: FakeGraph, pg: str
) -> None:
    env = relay_env(pg, graph.url, RELAY_CLIENT_TOKEN="shop1234", RELAY_LOG_LEVEL="LOUD")
    with serve_process(tmp_path / "serve.log", free_port(), env, workers=2) as serve:
        first = serve.workers()[0]
        os.kill(first, signal.SIGKILL)  # a worker that crashes is started again: not a new start
        wait_until(
            lambda: first not in serve.workers() and len(serve.workers()) == 2, 60, "uvicorn's respawn"
        )
        wait_until(lambda: serve.log().count("relay started") == 3, 60, "the new worker's start")
        lines = serve.log().splitlines()
    short = [line for line in lines if "RELAY_CLIENT_TOKEN is only 8 characters" in line]
    level = [line for line in lines if "RELAY_LOG_LEVEL=LOUD is not a level" in line]
    assert len(short) == len(level) == 1, short + level
    assert " worker=" in short[0] and f":{serve.pid} " in short[0]  # said by serve itself
    assert "shop1234" not in serve.log()


def send(url: str, key: str, timeout: float = 120) -> httpx.Response:
    body = {"to": CUSTOMER, "type": "text", "text": {"body": "내일 보내드릴게요"}}
    headers = {"Authorization": f"Bearer {CLIENT_TOKEN}", "Idempotency-Key": key}
    return httpx.post(f"{url}/v1/messages", json=body, headers=headers, timeout=timeout)


def stays_in_flight(url: str, key: str, seconds: float) -> None:
    """Retry `key` for `seconds` (longer than a lease): every answer is 409 in_flight."""
    since = time.monotonic()
    while time.monotonic() - since < seconds:
        retry = send(url, key, timeout=10)
        assert retry.status_code == 409, retry.text
        assert retry.json()["error"]["code"] == "in_flight"
        threading.Event().wait(0.2)


def test_a_send_in_flight_on_one_worker_survives_the_other_worker_being_killed_and_respawned(
    tmp_path: Path, graph: FakeGraph, pg: str
) -> None:
    env = relay_env(pg, graph.url, RELAY_SEND_LEASE_SECONDS="2")
    with serve_process(tmp_path / "serve.log", free_port(), env, workers=2) as serve:
        assert (
            post_webhook(serve.url, inbound("text", "배송 언제 되나요?", sender=CUSTOMER)).status_code == 200
        )
        # One quick 429 names the sending worker in its "graph busy" line; then Graph holds.
        release = threading.Event()
        graph.script.append(graph_error(429, 130429, "Rate limit hit"))
        graph.script += [{"until": release, **graph_error(429, 130429, "Rate limit hit")}] * 2
        answers: list[httpx.Response] = []
        sending = threading.Thread(target=lambda: answers.append(send(serve.url, "order-21")))
        sending.start()
        busy_line = re.compile(r" worker=\S+:(\d+) graph busy")
        wait_until(lambda: busy_line.search(serve.log()) is not None, 30, "the first 429")
        match = busy_line.search(serve.log())
        assert match is not None
        sender = int(match.group(1))
        (other,) = [pid for pid in serve.workers() if pid != sender]
        os.kill(other, signal.SIGKILL)
        wait_until(
            lambda: other not in serve.workers() and len(serve.workers()) == 2, 60, "uvicorn's respawn"
        )
        wait_until(lambda: serve.log().count("relay started") == 3, 60, "the new worker's start")
        stays_in_flight(serve.url, "order-21", seconds=4)  # whichever worker answers
        assert sending.is_alive()
        release.set()
        sending.join(timeout=60)
        final = answers[0]
        assert final.status_code == 200 and final.json()["status"] == "sent"
        for _ in range(4):
            again = send(serve.url, "order-21")
            assert (again.status_code, again.json()) == (200, final.json())
        assert len(graph.sent) == 1
        assert "marked unknown" not in serve.log()  # the respawned worker left the live send alone


def test_a_send_in_flight_on_one_relay_survives_another_relay_dying_and_restarting(
    tmp_path: Path, graph: FakeGraph, pg: str
) -> None:
    # Short leases, so sweeps run every second in both processes while the send is held.
    env = relay_env(pg, graph.url, RELAY_SEND_LEASE_SECONDS="2")
    port_a = free_port()
    with (
        serve_process(tmp_path / "a.log", port_a, env) as a,
        serve_process(tmp_path / "b.log", free_port(), env) as b,
    ):
        assert post_webhook(a.url, inbound("text", "배송 언제 되나요?", sender=CUSTOMER)).status_code == 200
        # Graph answers 429 three times, each after holding the request until the test lets it go.
        release = threading.Event()
        graph.script += [{"until": release, **graph_error(429, 130429, "Rate limit hit")}] * 3
        graph.arrived.clear()
        answers: list[httpx.Response] = []
        sending = threading.Thread(target=lambda: answers.append(send(b.url, "order-17")))
        sending.start()
        assert graph.arrived.wait(30)  # b reserved the key and is mid-send
        a.kill()
        assert send(b.url, "order-17").status_code == 409
        with serve_process(tmp_path / "a2.log", port_a, env) as restarted:
            # The restarted relay's start and its sweeps (every second, leases of 2 s) leave the
            # live send alone: the retry keeps getting 409 for longer than a lease.
            stays_in_flight(restarted.url, "order-17", seconds=4)
            assert sending.is_alive()  # still the first request's send
            release.set()
            sending.join(timeout=60)
            final = answers[0]
            assert final.status_code == 200 and final.json()["status"] == "sent"
            for url in (restarted.url, b.url):
                again = send(url, "order-17")
                assert (again.status_code, again.json()) == (200, final.json())  # one final answer
            assert len(graph.sent) == 1
            assert "marked unknown" not in restarted.log() + b.log()

            # Graph busy for every attempt: 503, the key is released, and the retry on the other
            # relay sends the message.
            graph.script += [graph_error(429, 130429, "Rate limit hit")] * 4
            busy = send(b.url, "order-18")
            assert busy.status_code == 503 and busy.json()["error"]["code"] == "graph_busy"
            retry = send(restarted.url, "order-18")
            assert retry.status_code == 200 and retry.json()["status"] == "sent"
            assert len(graph.sent) == 2


def test_a_worker_started_again_while_postgresql_is_down_waits_in_one_line_and_serves_once_it_is_back(
    tmp_path: Path, graph: FakeGraph
) -> None:
    # A worker the supervisor started again during an outage failed with a traceback of some 140
    # lines, was started again a few seconds later, and failed the same way until PostgreSQL was back.
    with private_postgresql() as server:
        env = relay_env(server.url, graph.url)
        with serve_process(tmp_path / "serve.log", free_port(), env, workers=2) as serve:
            crashed, survivor = serve.workers()
            # serve answers once one worker has started: the other may still be starting, and the
            # outage is to meet a worker started again, not the first start of this one.
            wait_until(lambda: serve.log().count("relay started") >= 2, 120, "both workers to start")
            server.stop()
            os.kill(crashed, signal.SIGKILL)
            waiting = "worker start: the database cannot be opened: cause=connection_lost"
            wait_until(lambda: waiting in serve.log(), 60, "the new worker to say it waits for the database")
            ready = httpx.get(f"{serve.url}/readyz", timeout=30)  # the survivor answers meanwhile
            assert ready.status_code == 503
            assert ready.json()["error"]["params"]["cause"] == "connection_lost"
            server.start()
            back = "worker start: the database cannot be opened: works again after"
            wait_until(lambda: back in serve.log(), 60, "the new worker to open the database")
            wait_until(lambda: serve.log().count("relay started") >= 3, 60, "the new worker to start")
            assert survivor in serve.workers() and len(serve.workers()) == 2
            assert httpx.get(f"{serve.url}/readyz", timeout=30).status_code == 200
            log = serve.log()
    assert "Traceback" not in log
    first_lines = [line for line in log.splitlines() if waiting in line and "still failing" not in line]
    assert len(first_lines) == 1


def test_a_worker_whose_database_goes_away_between_its_build_and_its_start_waits_instead_of_stopping_serve(
    tmp_path: Path, graph: FakeGraph, caplog: pytest.LogCaptureFixture
) -> None:
    # A worker that had built its relay (its database opened and checked) met the outage in its
    # start, the lifespan's first reads and writes: the start failed with a traceback, uvicorn ended
    # the worker with status 3, "a worker that can never start", and serve stopped, every worker
    # with it, over an outage of seconds (or one refused connection slot).
    caplog.set_level(logging.INFO, "relay")
    with private_postgresql() as server:
        settings = RelaySettings(
            database_url=server.url,
            client_token=CLIENT_TOKEN,
            app_secret=APP_SECRET,
            verify_token=VERIFY_TOKEN,
            access_token=ACCESS_TOKEN,
            phone_number_id=PHONE_NUMBER_ID,
            waba_id=WABA_ID,
            graph_url=graph.url,
            media_dir=tmp_path / "relay-media",
        )
        app = create_app(settings, wait_for_storage=True)  # what each worker builds
        server.stop()
        serving = threading.Event()
        failed: list[BaseException] = []

        async def start_serve_and_stop() -> None:
            async with app.router.lifespan_context(app):
                serving.set()

        def worker() -> None:
            try:
                asyncio.run(start_serve_and_stop())
            except BaseException as exc:  # the test's thread: said below, not lost
                failed.append(exc)

        thread = threading.Thread(target=worker, name="worker-start")
        waiting = "worker start: the database cannot be opened: cause=connection_lost"
        thread.start()
        back = False
        try:
            wait_until(
                lambda: waiting in caplog.text or failed, 60, "the start to say it waits for the database"
            )
            assert not failed, failed
            assert not serving.is_set()
            server.start()
            back = True
            wait_until(serving.is_set, 60, "the start to go on once the database is back")
        finally:
            if not back:
                server.start()  # a start still waiting ends once it opens the database
            thread.join(60)
    assert not failed, failed
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("worker start:")]
    assert lines[0].startswith(waiting) and lines[-1].startswith(
        "worker start: the database cannot be opened: works again after "
    ), lines
    assert "relay started (upstream cloud)" in caplog.text
    assert not [r.getMessage() for r in caplog.records if r.exc_info], "a traceback in the log"


# A worker's start, as `serve --workers N` runs it in each worker (the relay built, then served by
# uvicorn in the process's main thread), held between the build and the start until the test says.
WORKER_START = """\
import sys
import uvicorn
from relay.server import create_app
from relay.settings import RelaySettings
from relay.worker_process import configure_logging

configure_logging()
app = create_app(RelaySettings.from_env(), wait_for_storage=True)
print("built", file=sys.stderr, flush=True)
sys.stdin.readline()
uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=int(sys.argv[1]), log_config=None)).run()
"""


@contextlib.contextmanager
def logged_process(
    argv: list[str], env: dict[str, str], log_path: Path, stdin: int | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """`argv` running with its output in `log_path`; killed at the end if the test left it running."""
    with open(log_path, "ab") as log:
        process = subprocess.Popen(argv, env=env, stdin=stdin, stdout=log, stderr=subprocess.STDOUT)
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_a_worker_told_to_stop_while_its_start_waits_for_the_database_stops_at_once_without_a_traceback(
    tmp_path: Path, graph: FakeGraph
) -> None:
    log_path = tmp_path / "worker.log"
    argv = [sys.executable, "-c", WORKER_START, str(free_port())]
    with (
        private_postgresql() as server,
        logged_process(argv, relay_env(server.url, graph.url), log_path, stdin=subprocess.PIPE) as worker,
    ):
        wait_until(lambda: "built" in log_path.read_text(), 120, "the worker to build its relay")
        server.stop()
        assert worker.stdin is not None
        worker.stdin.write(b"go\n")
        worker.stdin.close()
        waiting = "worker start: the database cannot be opened: cause=connection_lost"
        wait_until(lambda: waiting in log_path.read_text(), 60, "the start to wait for the database")
        worker.send_signal(signal.SIGTERM)  # systemd stopping serve, or the supervisor its worker
        ended = worker.wait(timeout=20)
    text = log_path.read_text()
    assert ended == 0, text  # not 3, "a worker that can never start"
    assert "Traceback" not in text and "startup failed" not in text, text
    assert "relay started" not in text and "Uvicorn running" not in text  # it took no connection
    assert "worker start: told to stop before the database answered; this worker stops" in text


@contextlib.contextmanager
def start_held_at_its_first_write(url: str) -> Iterator[psycopg.Connection[tuple[int]]]:
    """The lock a relay's start takes first, in its first write (moving the event seqs past the
    clock's), held by the test: a `serve` started meanwhile has built its relay, opened and migrated
    its database, and waits there, before it serves anything, until the lock is let go or the
    connection that waits for it is gone."""
    with psycopg.connect(conninfo(url), autocommit=True) as holder:
        holder.execute("SELECT pg_advisory_lock(%s)", (SKIP_AHEAD_LOCK,))
        yield holder


def starts_waiting(holder: psycopg.Connection[tuple[int]]) -> int:
    found = holder.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
    row = found.fetchone()
    return int(row[0]) if row else 0


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_whose_database_goes_away_between_its_build_and_its_start_says_so_once_and_serves_when_it_is_back(
    tmp_path: Path, graph: FakeGraph, workers: int
) -> None:
    # The in-process test above holds a worker between its build and its start by hand; this is
    # `serve` itself, its workers spawned by uvicorn's supervisor, meeting PostgreSQL stopped there.
    log_path = tmp_path / "serve.log"
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    argv = [sys.executable, "-m", "relay.cli", "serve", "--port", str(port), "--workers", str(workers)]
    with (
        private_postgresql() as server,
        start_held_at_its_first_write(server.url) as holder,
        logged_process(argv, relay_env(server.url, graph.url), log_path) as serve,
    ):
        wait_until(
            lambda: starts_waiting(holder) == workers or serve.poll() is not None,
            120,
            f"{workers} start(s) to wait at their first write",
        )
        assert serve.poll() is None, log_path.read_text()
        server.stop()  # the starts' connections end with it (and the holder's)
        waiting = "worker start: the database cannot be opened: cause=connection_lost"
        wait_until(
            lambda: log_path.read_text().count(waiting) >= workers or serve.poll() is not None,
            60,
            "serve to say it waits for the database",
        )
        assert serve.poll() is None, log_path.read_text()
        assert not answers_healthz(url)  # nothing served meanwhile
        server.start()
        wait_until(lambda: answers_healthz(url), 60, "serve to start once the database is back")
        assert httpx.get(f"{url}/readyz", timeout=30).status_code == 200
        assert post_webhook(url, inbound("text", "주문할게요")).status_code == 200
        serve.send_signal(signal.SIGTERM)
        ended = serve.wait(timeout=30)
    text = log_path.read_text()
    # Stopped as any serve is: uvicorn alone ends by the SIGTERM it was stopped with, raised again
    # once it has shut down (systemd and Docker count that a clean stop); its supervisor exits 0.
    assert ended == (-signal.SIGTERM if workers == 1 else 0), text
    assert "Traceback" not in text and "startup failed" not in text, text
    first_lines = [line for line in text.splitlines() if waiting in line and "still failing" not in line]
    assert len(first_lines) == workers, first_lines  # one line each, not one a retry
    back = "worker start: the database cannot be opened: works again after"
    assert text.count(back) == workers, text


def _post_unsigned(url: str) -> bool:
    """A scanner's POST to /webhook, on a connection of its own (so any worker may take it)."""
    return httpx.post(f"{url}/webhook", content=b"{}", timeout=30).status_code == 401


def _refusing_workers(log: str) -> set[str]:
    return {
        m.group(1)
        for line in log.splitlines()
        if "X-Hub-Signature-256 header is missing" in line and (m := re.search(r" worker=(\S+) ", line))
    }


def test_scanners_unsigned_posts_are_one_warning_a_run_of_serve_not_one_a_worker(
    tmp_path: Path, graph: FakeGraph, pg: str
) -> None:
    """Each worker said the harmless scanner's line the first time it refused one: with two workers,
    the operator read the "harmless" warning twice, and wondered what the second one meant. The
    workers claim the line in their shared database; the next run of serve says it again."""
    env = relay_env(pg, graph.url, RELAY_LOG_LEVEL="DEBUG")  # every refusal logged, naming its worker
    for run in ("first", "second"):
        with serve_process(tmp_path / f"{run}.log", free_port(), env, workers=2) as serve:
            wait_until(
                lambda: _post_unsigned(serve.url) and len(_refusing_workers(serve.log())) == 2,
                60,
                "both workers to refuse a scanner's POST",
            )
            log = serve.log()
        warned = [line for line in log.splitlines() if "level=WARNING" in line and "Harmless" in line]
        assert len(warned) == 1, warned
        refused = [line for line in log.splitlines() if "X-Hub-Signature-256 header is missing" in line]
        assert len(refused) >= 2 and all("level=DEBUG" in line for line in refused if line not in warned)
