"""A PostgreSQL database in another encoding than UTF8 (SQL_ASCII, what `initdb` makes under the C
locale) is refused by every command in one line that says how to make one the relay can use."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from relay.command_settings import shown
from relay.store import Store
from tests.relay.test_command import CLOUD_ENV
from tests.support.servers import free_port

PG_URL = os.environ.get("RELAY_TEST_PG_URL")

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
            try:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            except DBAPIError as exc:
                warnings.warn(f"test database {name} left behind: {exc.orig}", stacklevel=1)
    finally:
        admin.dispose()


@pytest.fixture
def sql_ascii_database(created_databases: list[str]) -> str:
    """A new, empty database in SQL_ASCII, as `createdb` makes it on a cluster initdb made under C."""
    assert PG_URL
    name = f"relay_test_ascii_{os.getpid()}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
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
        with admin.connect() as conn:
            conn.execute(text(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0"))
        with (
            run_fake_graph() as graph,
            serve_process(tmp_path / "serve.log", free_port(), relay_env(url, graph.url), workers=2) as serve,
        ):
            restarted, _sibling = serve.workers()
            with admin.connect() as conn:  # restored, say, into a database made under the C locale
                conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
                conn.execute(
                    text(
                        f"CREATE DATABASE \"{name}\" ENCODING 'SQL_ASCII' TEMPLATE template0 "
                        "LC_COLLATE 'C' LC_CTYPE 'C'"
                    )
                )
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
