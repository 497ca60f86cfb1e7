"""`serve --workers 4` under many long polls stays inside RELAY_DB_CONNECTIONS on a small PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.relay.conftest import PG_URL
from tests.support.fake_graph import FakeGraph
from tests.support.relay_process import post_webhook, relay_env, serve_process, wait_until
from tests.support.relay_server import CLIENT_TOKEN, inbound
from tests.support.servers import free_port

pytestmark = [pytest.mark.slow, pytest.mark.postgresql]

# A PostgreSQL with max_connections = 50 lets ordinary roles open 47 (3 are kept for superusers).
# The shared test server cannot be restarted with another max_connections, so the test database
# gets CONNECTION LIMIT 47: past it, a connection is refused just as past max_connections.
SMALL_SERVER_SLOTS = 47


@pytest.fixture
def small_server(pg: str) -> Iterator[tuple[str, list[int]]]:
    """The test database limited to a small server's slots; yields (url, sampled connection counts)."""
    name = make_url(pg).database
    assert PG_URL is not None
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'ALTER DATABASE "{name}" CONNECTION LIMIT {SMALL_SERVER_SLOTS}'))
    samples: list[int] = []
    stop = threading.Event()

    def sample() -> None:
        with admin.connect() as conn:
            while not stop.wait(0.05):
                count = conn.execute(
                    text("SELECT count(*) FROM pg_stat_activity WHERE datname = :name"), {"name": name}
                ).scalar_one()
                samples.append(int(count))

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        yield pg, samples
    finally:
        stop.set()
        sampler.join()
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" CONNECTION LIMIT -1'))
        admin.dispose()


def test_four_workers_answer_150_long_polls_and_8_senders_without_a_5xx_on_a_50_connection_server(
    tmp_path: Path, graph: FakeGraph, small_server: tuple[str, list[int]]
) -> None:
    url, samples = small_server
    webhooks, pollers, senders = 120, 150, 8
    with serve_process(tmp_path / "serve.log", free_port(), relay_env(url, graph.url), workers=4) as serve:
        statuses: list[int] = []
        dropped: list[int] = []  # pollers whose kept-alive connection was closed under them
        received: list[list[int]] = [[] for _ in range(pollers)]
        halt = threading.Event()

        def poll(i: int) -> None:
            cursor = 0
            auth = {"Authorization": f"Bearer {CLIENT_TOKEN}"}
            with httpx.Client(timeout=60, headers=auth) as client:
                while len(received[i]) < webhooks and not halt.is_set():
                    try:
                        r = client.get(f"{serve.url}/v1/events", params={"after": cursor, "wait": 20})
                    except (httpx.RemoteProtocolError, httpx.ReadError):
                        # A kept-alive connection the server closed (or reset) while this thread
                        # waited for a core (150 pollers on 2 cores): ask again on a new one, as the
                        # desktop does. A timeout is not forgiven: the relay did not answer.
                        dropped.append(i)
                        continue
                    statuses.append(r.status_code)
                    if r.status_code != 200:
                        continue
                    page = r.json()
                    received[i] += [event["seq"] for event in page["events"]]
                    cursor = page["next"]

        def send(i: int) -> None:
            for n in range(i, webhooks, senders):
                answer = post_webhook(serve.url, inbound("text", f"주문 {n}", sender=f"8210{n:08d}"))
                statuses.append(answer.status_code)

        polling = [threading.Thread(target=poll, args=(i,)) for i in range(pollers)]
        sending = [threading.Thread(target=send, args=(i,)) for i in range(senders)]
        for thread in polling + sending:
            thread.start()
        try:
            for thread in sending:
                thread.join(timeout=180)
            wait_until(lambda: all(len(r) >= webhooks for r in received), 120, "every poller's events")
        finally:
            halt.set()
            for thread in polling:
                thread.join(timeout=60)
        log = serve.log()
    peak = max(samples)
    errors = sorted(s for s in statuses if s >= 500)
    print(
        f"peak connections to the relay's database: {peak}; answers 5xx: {len(errors)} of {len(statuses)};"
        f" kept-alive connections dropped: {len(dropped)}"
    )
    assert errors == []
    assert statuses.count(200) == len(statuses)
    assert all(r == sorted(set(r)) and len(r) == webhooks for r in received)  # each event once, in order
    assert "remaining connection slots" not in log and "too many connections" not in log
    assert peak <= 40  # RELAY_DB_CONNECTIONS' default


@contextmanager
def database_connection_limit(url: str, limit: int) -> Iterator[None]:
    """The test database's CONNECTION LIMIT, as a small server's (or a hosting plan's) would be."""
    name = make_url(url).database
    assert PG_URL is not None
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" CONNECTION LIMIT {limit}'))
        yield
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" CONNECTION LIMIT -1'))
        admin.dispose()


@pytest.mark.parametrize(
    ("db_connections", "workers", "limit", "fix"),
    [
        ("40", "2", 20, "set RELAY_DB_CONNECTIONS=20 or less, or raise the database's CONNECTION LIMIT"),
        ("12", "4", 8, "run fewer workers (each needs 3), or raise the database's CONNECTION LIMIT"),
    ],
)
def test_serve_refuses_more_connections_than_postgresql_allows_in_one_line_naming_the_number(
    pg: str, db_connections: str, workers: str, limit: int, fix: str
) -> None:
    # Past PostgreSQL's limit the relay started, then under load each refused connection ("too many
    # clients already") was logged as a lost connection and its webhook answered 503.
    env = relay_env(pg, "http://127.0.0.1:9", RELAY_DB_CONNECTIONS=db_connections)
    command = [sys.executable, "-m", "relay.cli", "serve", "--port", str(free_port()), "--workers", workers]
    with database_connection_limit(pg, limit):
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stdout == ""
    line = done.stderr.strip()
    assert "\n" not in line and "Traceback" not in line
    assert line.startswith(
        f"shop-inbox-relay serve: RELAY_DB_CONNECTIONS={db_connections} is more connections than "
        f"PostgreSQL lets this relay open on "
    )
    assert f": {limit}, by the database's CONNECTION LIMIT ({limit}); {fix} " in line
    password = make_url(pg).password
    assert not password or f":{password}@" not in line
