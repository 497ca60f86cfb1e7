"""PostgreSQL refusing the relay a connection for want of a slot ("too many clients") is said as
such, with what to change once per streak, not as a lost connection."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import psycopg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from relay.command_settings import LOGIN_REFUSED, SERVER_FULL
from relay.storage import connection_refusals
from relay.storage.connection_refusals import LOGIN_ADVICE, TOO_MANY_ADVICE, RefusalAdvice
from relay.store import storage_cause
from tests.relay.conftest import PG_URL
from tests.support.fake_graph import FakeGraph
from tests.support.relay_process import relay_env, serve_process, wait_until
from tests.support.relay_server import inbound, run_relay
from tests.support.servers import free_port

ADVICE_START = "cause=too_many_connections: PostgreSQL refuses new connections"


@pytest.fixture
def fresh_advice(monkeypatch: pytest.MonkeyPatch) -> None:
    """The process's advice as if no refusal had been met yet (another test's streak may be on)."""
    monkeypatch.setattr(connection_refusals, "advice", connection_refusals.fresh_advice())


@contextmanager
def no_new_connections(url: str, *, end_sessions: bool) -> Iterator[None]:
    """The test database's CONNECTION LIMIT at 0 (its sessions ended too, or kept): every connection
    the relay opens is refused as past max_connections it would be. (Never the shared role's limit:
    other test runs use it.)"""
    name = make_url(url).database
    assert PG_URL is not None
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" CONNECTION LIMIT 0'))
            if end_sessions:
                conn.execute(
                    text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"),
                    {"name": name},
                )
        yield
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" CONNECTION LIMIT -1'))
        admin.dispose()


@pytest.mark.parametrize(
    "server_says",
    [
        'FATAL:  too many connections for database "relay"',
        "FATAL:  sorry, too many clients already",
        "FATAL:  remaining connection slots are reserved for non-replication superuser connections",
        "FATAL:  remaining connection slots are reserved for roles with the SUPERUSER attribute",
        # A server whose lc_messages is Korean, German or French (which wraps its line).
        '치명적오류:  "relay" 데이터베이스 최대 접속수를 초과했습니다',
        "FATAL:  zu viele Verbindungen für Datenbank »relay«",
        "FATAL:  les emplacements de connexions restants sont réservés pour les connexions\n"
        "superutilisateur non relatif à la réplication",
        # PostgreSQL 16 on, its slots kept for pg_use_reserved_connections or SUPERUSER, in English
        # and as its Korean, German and Japanese catalogues say it.
        'FATAL:  remaining connection slots are reserved for roles with privileges of the "'
        'pg_use_reserved_connections" role',
        '치명적오류:  남은 연결 슬롯은 "pg_use_reserved_connections" 롤 권한이 있는 롤용으로 남겨 놓았음',
        "치명적오류:  남은 연결 슬롯은 SUPERUSER 속성을 가진 롤용으로 남겨 놓았음",
        "FATAL:  die verbleibenden Verbindungen sind für Rollen mit den Privilegien der Rolle "
        "»pg_use_reserved_connections« reserviert",
        "FATAL:  die verbleibenden Verbindungen sind für Rollen mit dem SUPERUSER-Attribut reserviert",
        'FATAL:  残りの接続枠は"pg_use_reserved_connections"ロールの権限を持つロールのために予約されています',
        "FATAL:  残りの接続枠はSUPERUSER属性を持つロールのために予約されています",
        # … and as its Georgian, Russian, Swedish, Ukrainian and Spanish catalogues say it (Italian
        # and Chinese servers send the English above: their catalogues leave it untranslated).
        "ფატალური:  დარჩენილი მიერთების სლოტები დაცულია SUPERUSER ატრიბუტის მქონე როლებისთვის",
        "ფატალური:  დარჩენილი მიერთების სლოტები დაცულია pg_use_reserved_connections როლის პრივილეგიების "
        "მქონე როლებისთვის",
        "ВАЖНО:  оставшиеся слоты подключений зарезервированы для подключений ролей с атрибутом SUPERUSER",
        'ВАЖНО:  оставшиеся слоты подключений зарезервированы для подключений ролей с правами роли "'
        'pg_use_reserved_connections"',
        "FATALT:  resterande anslutningsslottar är reserverade för roller med attributet SUPERUSER",
        'FATALT:  resterande anslutningsslottar är reserverade för roller med rättigheter från rollen "'
        'pg_use_reserved_connections"',
        "ФАТАЛЬНО:  слоти підключення, що залишилися, зарезервовані для ролей з атрибутом SUPERUSER",
        'ФАТАЛЬНО:  слоти підключення, що залишилися, зарезервовані для ролей з привілеями ролі "'
        'pg_use_reserved_connections"',
        "FATAL:  las conexiones restantes están reservadas a roles con el atributo SUPERUSER",
        "FATAL:  las conexiones restantes están reservadas a roles con privilegios del rol "
        "«pg_use_reserved_connections»",
    ],
)
def test_a_connection_refused_for_want_of_a_slot_is_too_many_connections_in_any_server_language(
    server_says: str, fresh_advice: None
) -> None:
    # libpq hands psycopg no SQLSTATE for a refusal at the connection's start: only the message.
    refused = psycopg.OperationalError(
        f'connection failed: connection to server at "127.0.0.1", port 5432 failed: {server_says}'
    )
    assert refused.sqlstate is None
    assert storage_cause(refused) == "too_many_connections"


@pytest.mark.parametrize(
    "server_says",
    [
        'FATAL:  password authentication failed for user "relay"',
        'FATAL:  no pg_hba.conf entry for host "10.0.0.5", user "relay", database "relay", no encryption',
        'FATAL:  role "relay" does not exist',
        '치명적오류:  사용자 "relay"의 password 인증을 실패했습니다',
        "FATAL:  Passwort-Authentifizierung für Benutzer »relay« fehlgeschlagen",
    ],
)
def test_a_login_the_server_refuses_is_login_refused_in_any_server_language(
    server_says: str, fresh_advice: None
) -> None:
    # A password changed on the server and not in RELAY_DATABASE_URL: the relay's pooled
    # connections go on, every new one is refused, and it read as a lost connection.
    refused = psycopg.OperationalError(
        f'connection failed: connection to server at "127.0.0.1", port 5432 failed: {server_says}'
    )
    assert storage_cause(refused) == "login_refused"


@pytest.mark.parametrize(
    "server_says",
    [
        "Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?",
        "server closed the connection unexpectedly",
    ],
)
def test_other_connection_failures_stay_connection_lost(server_says: str) -> None:
    failed = psycopg.OperationalError(f"connection failed: {server_says}")
    assert storage_cause(failed) == "connection_lost"


def test_the_advice_is_logged_once_per_streak_of_refusals(caplog: pytest.LogCaptureFixture) -> None:
    now = [0.0]
    advice = RefusalAdvice("too_many_connections", TOO_MANY_ADVICE, clock=lambda: now[0], gap=300)
    with caplog.at_level(logging.WARNING, logger=connection_refusals.__name__):
        for _ in range(100):  # refusals every 2 s for 200 s: one streak
            advice.refused()
            now[0] += 2
        now[0] += 600  # ten minutes without one: the next is a new streak
        advice.refused()
    assert [r.getMessage() for r in caplog.records] == [f"cause=too_many_connections: {TOO_MANY_ADVICE}"] * 2


@pytest.mark.slow
@pytest.mark.postgresql
def test_readyz_and_webhooks_say_too_many_connections_while_postgresql_has_no_slot_for_the_relay(
    tmp_path: Path, pg: str, graph: FakeGraph, fresh_advice: None, caplog: pytest.LogCaptureFixture
) -> None:
    # PostgreSQL at max_connections (another relay, a backup, psql sessions) refused the relay's new
    # connections, and the relay said `cause=connection_lost`: the operator looked for a server that
    # was down while it was full, and nothing said which setting to change.
    with run_relay(tmp_path, graph_url=graph.url, database_url=pg) as relay:
        assert relay.client.get(f"{relay.url}/readyz").status_code == 200
        with caplog.at_level(logging.INFO), no_new_connections(pg, end_sessions=True):

            def refused() -> bool:
                answer = relay.client.get(f"{relay.url}/readyz")
                return answer.status_code == 503 and answer.json()["error"]["params"]["cause"] == (
                    "too_many_connections"
                )

            # The sessions end a moment after they are told to, and the pool's connections ended
            # under it are lost ones; the next ones it opens are refused.
            wait_until(refused, 30, "readyz to name too many connections")
            for i in range(3):
                assert relay.post_webhook(inbound("text", f"hello {i}")).status_code == 503
        back = lambda: relay.client.get(f"{relay.url}/readyz").status_code == 200  # noqa: E731
        wait_until(back, 30, "readyz to answer 200 once a connection is let in again")
    lines = [r.getMessage() for r in caplog.records]
    assert "webhook not stored: cause=too_many_connections error=OperationalError" in lines
    assert len([line for line in lines if line.startswith(ADVICE_START)]) == 1


@pytest.mark.slow
@pytest.mark.postgresql
def test_a_worker_started_again_while_postgresql_has_no_slot_says_so_and_what_to_change(
    tmp_path: Path, pg: str, graph: FakeGraph
) -> None:
    with serve_process(tmp_path / "serve.log", free_port(), relay_env(pg, graph.url), workers=2) as serve:
        crashed, survivor = serve.workers()
        # The server full: the worker alive keeps its connections, the one started again gets none.
        with no_new_connections(pg, end_sessions=False):
            os.kill(crashed, signal.SIGKILL)
            waiting = "worker start: the database cannot be opened: cause=too_many_connections"
            wait_until(lambda: waiting in serve.log(), 60, "the new worker to say why it waits")
        wait_until(lambda: serve.log().count("relay started") >= 3, 60, "the new worker to start")
        assert httpx.get(f"{serve.url}/readyz", timeout=30).status_code == 200
        assert survivor in serve.workers()
        log = serve.log()
    assert "cause=connection_lost" not in log
    assert ADVICE_START in log
    assert "Traceback" not in log


def refusal_line(command: str, argv: list[str], env: dict[str, str], cwd: Path | None = None) -> str:
    """The one line a command that cannot open its database says, having exited 2."""
    done = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    line = done.stderr.strip()
    assert "\n" not in line and "Traceback" not in line
    assert line.startswith(f"shop-inbox-relay {command}: cannot open the database ")
    return line


@pytest.mark.slow
@pytest.mark.postgresql
@pytest.mark.parametrize("command", ["serve", "check"])
def test_a_command_meeting_a_full_server_says_it_is_full_not_to_fix_the_url(pg: str, command: str) -> None:
    # `serve` said "(fix --database or RELAY_DATABASE_URL)" and `check` "give the relay's own
    # --database … or start the relay once to create it" under PostgreSQL's "too many connections":
    # the URL was right, and the operator went to change it.
    env = relay_env(pg, "http://127.0.0.1:9")
    argv = [sys.executable, "-m", "relay.cli", command]
    if command == "serve":
        argv += ["--port", str(free_port()), "--workers", "2"]
    with no_new_connections(pg, end_sessions=True):
        line = refusal_line(command, argv, env)
    assert "too many connections" in line
    assert line.endswith(SERVER_FULL)


@pytest.mark.slow
@pytest.mark.postgresql
@pytest.mark.parametrize("command", ["serve", "check", "token"])
def test_a_command_given_a_wrong_password_says_the_login_is_refused_not_to_give_another_database(
    pg: str, command: str, tmp_path: Path
) -> None:
    # `check` said "give the relay's own --database … or start the relay once to create it": the
    # server and the database were right, the password was not, and the operator went looking for
    # another database.
    wrong = make_url(pg).set(password="not-the-password").render_as_string(hide_password=False)
    argv = [sys.executable, "-m", "relay.cli", command]
    if command == "serve":
        argv += ["--port", str(free_port())]
    env = relay_env(wrong, "http://127.0.0.1:9")
    del env["RELAY_CLIENT_TOKEN"]  # `token` then reads the one in the database
    line = refusal_line(command, argv, env, cwd=tmp_path)
    assert 'password authentication failed for user "' in line
    assert line.endswith(LOGIN_REFUSED)
    assert "not-the-password" not in line


@pytest.mark.postgresql
def test_a_wrong_password_met_by_the_relay_is_login_refused_with_what_to_change_once(
    pg: str, fresh_advice: None, caplog: pytest.LogCaptureFixture
) -> None:
    wrong = make_url(pg).set(password="not-the-password").render_as_string(hide_password=False)
    engine = create_engine(wrong)
    try:
        with caplog.at_level(logging.WARNING, logger=connection_refusals.__name__):
            for _ in range(3):
                with pytest.raises(OperationalError) as refused:
                    engine.connect()
                assert storage_cause(refused.value) == "login_refused"
    finally:
        engine.dispose()
    assert [r.getMessage() for r in caplog.records] == [f"cause=login_refused: {LOGIN_ADVICE}"]


@pytest.mark.slow
@pytest.mark.postgresql
def test_the_wake_up_connection_names_its_cause_as_every_storage_line_does(
    pg: str, fresh_advice: None, caplog: pytest.LogCaptureFixture
) -> None:
    # It said "lost (OperationalError)" for a server down, full or refusing the password alike.
    import asyncio

    from relay.wakeups import listen

    wrong = make_url(pg).set(password="not-the-password").render_as_string(hide_password=False)

    async def notice(_payload: str) -> None:
        pass

    async def until_refused() -> None:
        task = asyncio.create_task(listen(wrong, notice, retry_delay=0.01))
        while len([r for r in caplog.records if r.name == "relay.storage.connection_refusals"]) < 1:
            await asyncio.sleep(0.01)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    with caplog.at_level(logging.WARNING):
        asyncio.run(asyncio.wait_for(until_refused(), 30))
    lines = [r.getMessage() for r in caplog.records]
    assert (
        "PostgreSQL wake-up connection: cause=login_refused error=OperationalError; retrying every 0.01 s"
        in lines
    )
