"""A PostgreSQL database in another encoding than UTF8 (SQL_ASCII, what `initdb` makes under the C
locale) is refused by every command in one line that says how to make one the relay can use."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.engine import make_url

from app.errors import ErrorCode, RelayDatabaseUnusable
from app.outbox import Waiting, waiting_reason
from app.relay_client import RelayClient
from relay.command_settings import shown
from relay.storage.database import Database
from relay.storage.database_drop import drop_database
from relay.storage.encoding import DatabaseNotUtf8
from relay.storage.postgresql_intake import PostgresGroupCommit
from relay.store import Store
from tests.relay.test_command import CLOUD_ENV
from tests.support.fake_graph import run_fake_graph
from tests.support.pg_databases import drop_test_database
from tests.support.relay_process import post_webhook, relay_env, serve_process, wait_until
from tests.support.relay_server import CLIENT_TOKEN, inbound
from tests.support.servers import free_port

PG_URL = os.environ.get("RELAY_TEST_PG_URL")
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)  # what the relay keeps as sent: a picture's bytes

pytestmark = [pytest.mark.slow, pytest.mark.postgresql]


def _database_url(name: str) -> str:
    assert PG_URL
    return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)


@pytest.fixture
def created_databases() -> Iterator[list[str]]:
    """Names of databases a test creates on RELAY_TEST_PG_URL's server, each dropped after it."""
    if not PG_URL:
        pytest.skip("RELAY_TEST_PG_URL not set (bash .ci/run starts PostgreSQL)")
    names: list[str] = []
    yield names
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        for name in names:
            drop_test_database(admin, name)
    finally:
        admin.dispose()


@pytest.fixture
def sql_ascii_database(created_databases: list[str]) -> str:
    """A new, empty database in SQL_ASCII, as `createdb` makes it on a cluster initdb made under C."""
    assert PG_URL
    name = f"relay_test_ascii_{os.getpid()}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        drop_database(admin, name)
        with admin.connect() as conn:
            conn.execute(
                text(
                    f"CREATE DATABASE \"{name}\" ENCODING 'SQL_ASCII' TEMPLATE template0 "
                    "LC_COLLATE 'C' LC_CTYPE 'C'"
                )
            )
    finally:
        admin.dispose()
    created_databases.append(name)
    return _database_url(name)


def relay_command(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "relay.cli", *args],
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )


def relay_sqlite_database(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'relay.db'}"
    Store(url).close()  # a relay's database, at the code's revision
    return url


def assert_no_tables(url: str) -> None:
    engine = create_engine(url, connect_args={"client_encoding": "utf8"})
    try:
        with engine.connect() as conn:
            assert inspect(conn).get_table_names() == []  # nothing was made there
    finally:
        engine.dispose()


def refusal_line(url: str) -> str:
    user = make_url(url).username
    return (
        f"the database {shown(url)} is in the encoding SQL_ASCII, and the relay keeps its messages "
        f"(Korean, emoji) only in UTF8: create a UTF8 one, `createdb -E UTF8 -T template0 -O {user} NAME` "
        "(SQL: CREATE DATABASE NAME ENCODING 'UTF8' TEMPLATE template0)"
    )


@pytest.mark.parametrize("command", ["serve", "serve --workers 2", "check", "token"])
def test_a_relay_command_on_a_sql_ascii_database_stops_in_one_line_saying_how_to_make_a_utf8_one(
    tmp_path: Path, sql_ascii_database: str, command: str
) -> None:
    args = command.split()
    if command.startswith("serve"):
        args += ["--port", str(free_port())] if "--workers" in args else ["--upstream", "sandbox"]
    done = relay_command(*args, "--database", sql_ascii_database, env=CLOUD_ENV)
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == [
        f"shop-inbox-relay {args[0]}: {refusal_line(sql_ascii_database)}, and give the relay its URL "
        "(--database, or RELAY_DATABASE_URL in its env file)"
    ]
    assert_no_tables(sql_ascii_database)


def test_a_move_into_a_sql_ascii_database_is_refused_with_its_code_and_the_database_it_says_takes_it(
    tmp_path: Path, sql_ascii_database: str, created_databases: list[str]
) -> None:
    source = relay_sqlite_database(tmp_path)
    refused = relay_command("move-database", "--database", source, "--to", sql_ascii_database)
    assert refused.returncode == 2
    assert refused.stderr.splitlines() == [
        f"shop-inbox-relay move-database: target_not_utf8: {refusal_line(sql_ascii_database)}, "
        "and move into it; nothing was written"
    ]
    # The SQL the line gives, run as it says, makes a database the same move fills.
    name = f"relay_test_utf8_{os.getpid()}"
    created_databases.append(name)
    create = refused.stderr.split("(SQL: ", 1)[1].split(")", 1)[0].replace("NAME", f'"{name}"')
    assert PG_URL
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(create))
    finally:
        admin.dispose()
    moved = relay_command("move-database", "--database", source, "--to", _database_url(name))
    assert moved.returncode == 0, moved.stderr


def test_a_move_back_from_a_sql_ascii_database_is_refused_as_no_relays(
    tmp_path: Path, sql_ascii_database: str
) -> None:
    target = tmp_path / "back.db"
    done = relay_command("move-database", "--database", sql_ascii_database, "--to", str(target))
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"shop-inbox-relay move-database: source_not_relay: {shown(sql_ascii_database)} is not in UTF8, "
        "so no relay has run on it: give the relay's own --database (or RELAY_DATABASE_URL in its env file)"
    ]
    assert not target.exists()


def test_setup_on_a_sql_ascii_database_stops_before_its_first_question_in_one_line_writing_nothing(
    tmp_path: Path, sql_ascii_database: str
) -> None:
    # Its check at the end opened the database itself: a traceback, after the env file was written
    # and Meta's side set up, the owner's answers typed for a relay that could never start there.
    env_file = tmp_path / "relay.env"
    # No answers to read (stdin is empty): a question asked would end in "no answer to read".
    done = relay_command("setup", "--env-file", str(env_file), "--database", sql_ascii_database)
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == [
        f"shop-inbox-relay setup: {refusal_line(sql_ascii_database)}, and give the relay its URL "
        "(--database, or RELAY_DATABASE_URL in its env file); nothing was written."
    ]
    assert done.stdout == ""  # not one question asked
    assert not env_file.exists()
    assert_no_tables(sql_ascii_database)


def _recreate(admin: Engine, name: str, encoding: str) -> None:
    """Drop `name` under whatever holds it and make it again, empty, in `encoding` (SQL_ASCII as
    `initdb` under the C locale makes it)."""
    locale = " LC_COLLATE 'C' LC_CTYPE 'C'" if encoding != "UTF8" else ""
    drop_database(admin, name)  # (an autovacuum worker in it after a restore is waited out)
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE \"{name}\" ENCODING '{encoding}' TEMPLATE template0{locale}"))


def test_a_worker_started_again_on_a_database_now_in_sql_ascii_refuses_in_one_line_and_serve_stops(
    tmp_path: Path, created_databases: list[str]
) -> None:
    # `serve` looks at the encoding once, at its start: a worker uvicorn started again later (or a
    # relay on another machine) met a database recreated meanwhile under the C locale with a
    # traceback of SQLAlchemy's TypeError.
    from tests.support.fake_graph import run_fake_graph
    from tests.support.relay_process import relay_env, serve_process

    assert PG_URL
    name = f"relay_test_recreated_{os.getpid()}"
    created_databases.append(name)
    url = _database_url(name)
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        _recreate(admin, name, "UTF8")
        with (
            run_fake_graph() as graph,
            serve_process(tmp_path / "serve.log", free_port(), relay_env(url, graph.url), workers=2) as serve,
        ):
            restarted, _sibling = serve.workers()
            _recreate(admin, name, "SQL_ASCII")  # restored, say, into a database made under the C locale
            os.kill(restarted, signal.SIGKILL)
            assert serve.process.wait(timeout=60) == 3  # failed, for systemd or Docker to show
            log = serve.log()
    finally:
        admin.dispose()
    refused = (
        f"level=ERROR logger=relay.worker_process worker=.* worker start: {re.escape(refusal_line(url))}$"
    )
    assert len(re.findall(refused, log, re.MULTILINE)) == 1, log
    assert re.search(
        r"worker \d+ could not start \(exited with status 3: see its lines above\); serve stops", log
    )
    assert "Traceback" not in log and "TypeError" not in log
    assert log.count("started worker") == 1  # the one in the killed worker's place, not a loop of them
    assert_no_tables(url)


def _libpq_url(url: str) -> str:
    """The URL as pg_dump and pg_restore take it (no SQLAlchemy driver name)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def restore(url: str, dump: Path) -> None:
    subprocess.run(["pg_restore", "--no-owner", "-d", _libpq_url(url), str(dump)], check=True, timeout=60)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_database_recreated_in_sql_ascii_under_a_running_relay_is_answered_503_said_once_and_taken_up_again(
    tmp_path: Path, created_databases: list[str], workers: int
) -> None:
    # A restore into a database made under the C locale, the relay running: each new connection is
    # refused (relay/storage/encoding.py), which came out as 500s, and a webhook answered 400 (lost);
    # the intake's own connection, outside the pool, went on writing into it. With `--workers 2`
    # each worker meets it on its own, and says it (at most) once.
    name = f"relay_test_recreated_live_{workers}_{os.getpid()}"
    created_databases.append(name)
    url = _database_url(name)
    auth = {"Authorization": f"Bearer {CLIENT_TOKEN}"}
    before, during = inbound(content="주문할게요"), inbound(content="배송은 언제인가요")
    send = {"to": "821012345678", "type": "text", "text": {"body": "내일 보내드려요"}}
    dump = tmp_path / "relay.dump"
    admin = create_engine(PG_URL or "", isolation_level="AUTOCOMMIT")
    try:
        _recreate(admin, name, "UTF8")
        with (
            run_fake_graph() as graph,
            serve_process(
                tmp_path / "serve.log",
                free_port(),
                relay_env(url, graph.url, RELAY_MEDIA_DIR=str(tmp_path / "media")),  # not the worktree's
                workers=workers,
            ) as serve,
        ):

            def events(wait: int = 0) -> httpx.Response:
                """The feed; with `wait`, a long poll (answered at once: there are events after 0),
                which the worker answers from its reading of the new events."""
                return httpx.get(
                    f"{serve.url}/v1/events", params={"after": 0, "wait": wait}, headers=auth, timeout=30
                )

            def kept_files() -> list[str]:
                return sorted(path.name for path in (tmp_path / "media").iterdir())

            def sent() -> httpx.Response:
                headers = {**auth, "Idempotency-Key": str(uuid.uuid4())}
                return httpx.post(f"{serve.url}/v1/messages", json=send, headers=headers, timeout=30)

            def uploaded() -> httpx.Response:
                headers = {**auth, "Content-Type": "image/png", "X-Filename": "order.png"}
                return httpx.post(f"{serve.url}/v1/media", content=PNG, headers=headers, timeout=30)

            def elsewhere() -> list[httpx.Response]:
                """The feed's neighbours: a kept file, an upload, the readiness probe."""
                kept = httpx.get(f"{serve.url}/v1/media/{media_id}", headers=auth, timeout=30)
                return [kept, uploaded(), httpx.get(f"{serve.url}/readyz", timeout=30)]

            assert post_webhook(serve.url, before).status_code == 200
            media_id = uploaded().json()["id"]
            assert events(wait=1).status_code == 200  # the workers' readings of new events begin
            subprocess.run(["pg_dump", "-Fc", "-f", str(dump), _libpq_url(url)], check=True, timeout=60)
            _recreate(admin, name, "SQL_ASCII")
            restore(url, dump)  # the relay's tables and functions there: only its encoding is wrong

            def said_unusable(answer: httpx.Response) -> bool:
                return answer.status_code == 503 and answer.json()["error"] == {
                    **answer.json()["error"],
                    "code": "database_unusable",
                    "retryable": True,
                    "params": {"cause": "database_not_utf8"},
                }

            # The pools' connections were ended with the old database: each worker's first request
            # may meet one (503 storage, connection lost). Then every answer, from either worker,
            # names the database as unusable: several in a row, feed and sends alike.
            wait_until(
                lambda: all(
                    said_unusable(answer) for _ in range(2 * workers) for answer in (events(), sent())
                ),
                30,
                "the feed and sends to be refused as the database unusable",
            )
            for _ in range(3):  # Meta delivers it again and again meanwhile: never 400, never stored
                assert post_webhook(serve.url, during).status_code == 503
            files, uploads = kept_files(), len(graph.upload_names)
            for _ in range(2 * workers):  # a new connection each: every worker is asked
                assert [answer.status_code for answer in elsewhere()] == [503, 503, 503]
            # Each upload was refused before it went to Meta, and left no file no row names.
            assert (kept_files(), len(graph.upload_names)) == (files, uploads)
            # Desktops long-polling through 3 s of it: each worker reads the new events (at most once
            # a second), each read fails.
            polled_until = time.monotonic() + 3
            while time.monotonic() < polled_until:
                assert events(wait=1).status_code == 503
            # The wake-up connection reconnects to the database, and is refused as the pool is: it
            # said "works again" meanwhile.
            refused_wakeup = "PostgreSQL wake-up connection: cause=database_not_utf8 error=DatabaseNotUtf8"
            wait_until(lambda: serve.log().count(refused_wakeup) == workers, 30, "each listener refused")
            assert "wake-up connection: works again" not in serve.log().split(refused_wakeup)[-1]
            # The desktop's client: a code of its own, which the banner and a waiting reply say.
            client = RelayClient(serve.url, CLIENT_TOKEN)
            try:
                with pytest.raises(RelayDatabaseUnusable):
                    client.events(0, wait=0)
                with pytest.raises(RelayDatabaseUnusable) as refused:
                    client.send_message(send, str(uuid.uuid4()))
            finally:
                client.close()
            assert refused.value.code is ErrorCode.RELAY_DATABASE_UNUSABLE
            assert waiting_reason(refused.value, posted=True) is Waiting.RELAY_DATABASE

            # Put back as the line says: a UTF8 database under the same name, the dump restored. Not
            # restored yet, it has none of the relay's tables: still 503, never 400 or 500.
            _recreate(admin, name, "UTF8")
            wait_until(lambda: events().status_code == 503, 30, "the feed to meet the empty database")
            assert events().json()["error"]["code"] == "storage"
            assert post_webhook(serve.url, during).status_code == 503
            restore(url, dump)
            wait_until(
                lambda: post_webhook(serve.url, during).status_code == 200, 30, "the redelivery stored"
            )
            assert sent().status_code == 200
            assert [answer.status_code for answer in elsewhere()] == [200, 200, 200]
            assert len(graph.upload_names) == uploads + 1  # the retry, uploaded once
            assert len(kept_files()) == len(files) + 1
            served = events().json()["events"]

            def reading_failed_on() -> set[str]:
                return set(re.findall(r"worker=(\S+) reading new events: storage failed", serve.log()))

            def reading_works_again_on() -> set[str]:
                return set(re.findall(r"worker=(\S+) reading new events: works again after", serve.log()))

            assert reading_failed_on()
            wait_until(
                lambda: events(wait=1).status_code == 200 and reading_works_again_on() == reading_failed_on(),
                30,
                "each worker's reading of new events said to work again",
            )
            assert serve.process.poll() is None  # taken up again by itself, never restarted
            log = serve.log()
    finally:
        admin.dispose()
    said = [m["message"]["text"]["body"] for m in served if m["kind"] == "message"]
    assert said == ["주문할게요", "배송은 언제인가요"]  # nothing lost, nothing twice
    warnings_said = re.findall(
        r"level=WARNING logger=relay.storage.connection_refusals worker=(\S+) (.*database_not_utf8.*)$",
        log,
        re.MULTILINE,
    )
    line = (
        f"cause=database_not_utf8: {refusal_line(url)}; restore the relay's data into it (pg_dump of the old "
        "one, pg_restore) under the name RELAY_DATABASE_URL gives, and the running relay takes it up by "
        "itself. Until then webhooks are answered 503, so Meta delivers them again, and desktops are told "
        "the relay cannot use its database"
    )
    said_by = [worker for worker, said in warnings_said if said == line]
    assert len(said_by) == len(warnings_said) and 1 <= len(said_by) <= workers, log
    assert len(set(said_by)) == len(said_by), log  # once by each worker that met it
    assert "Traceback" not in log and "level=CRITICAL" not in log, log
    # Reading the new events: a line a streak and cause on each worker, not one each read (15 lines in
    # 40 s for two workers), and one when it works again.
    reading = re.findall(r"worker=(\S+) reading new events: storage failed: cause=(\w+)", log)
    assert reading and len(set(reading)) == len(reading), log  # each cause once by each worker
    assert len(re.findall(r"reading new events: works again after", log)) == len({w for w, _ in reading})
    assert "reading new events failed" not in log
    for secret in ("배송은 언제인가요", "내일 보내드려요", CLIENT_TOKEN, "shopinbox:shopinbox"):
        assert secret not in log  # no message body, no token, no password


def test_the_intakes_own_connection_refuses_a_database_recreated_in_sql_ascii(
    created_databases: list[str],
) -> None:
    """Webhooks are written on a connection outside the engine's pool, which its check never sees."""
    name = f"relay_test_intake_{os.getpid()}"
    created_databases.append(name)
    admin = create_engine(PG_URL or "", isolation_level="AUTOCOMMIT")
    try:
        _recreate(admin, name, "UTF8")
        db = Database(_database_url(name))  # the relay's tables made
        try:
            _recreate(admin, name, "SQL_ASCII")
            with pytest.raises(DatabaseNotUtf8) as refused:
                asyncio.run(PostgresGroupCommit(db).open_async())
        finally:
            db.close()
    finally:
        admin.dispose()
    assert str(refused.value) == refusal_line(_database_url(name))
