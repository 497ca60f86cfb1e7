"""The relay token kept in the relay's database (RELAY_CLIENT_TOKEN unset): a row another program wrote
as bytes, not text, refuses every desktop as a wrong token until `shop-inbox-relay token` makes a new one."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import httpx
import pytest

from app.wire import RelayErrorCode
from relay.store import Store
from tests.support.fake_graph import FakeGraph
from tests.support.relay_process import relay_env, serve_process, wait_until
from tests.support.servers import free_port


def poll(url: str, token: str) -> httpx.Response:
    return httpx.get(f"{url}/v1/events", params={"after": 0}, headers={"Authorization": f"Bearer {token}"})


def token_command(database: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`shop-inbox-relay token --database DATABASE`, as the owner runs it."""
    command = [sys.executable, "-m", "relay.cli", "token", "--database", database]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)


def test_a_token_row_written_as_bytes_before_the_start_refuses_every_desktop_until_token_makes_a_new_one(
    tmp_path: Path, graph: FakeGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    # SQLite keeps what a program writes whatever the column says: a script that stored the token as
    # bytes made the relay start with bytes as its token, and every request was a 500 and a traceback.
    monkeypatch.delenv("RELAY_CLIENT_TOKEN", raising=False)
    database = f"sqlite:///{tmp_path / 'relay.db'}"
    store = Store(database)  # the relay has run on it: its token is in the database
    old = store.kv.client_token()
    store.close()
    with closing(sqlite3.connect(tmp_path / "relay.db")) as db, db:
        db.execute("UPDATE kv SET value = ? WHERE key = 'client_token'", (old.encode(),))
    env = relay_env(database, graph.url)
    del env["RELAY_CLIENT_TOKEN"]
    with serve_process(tmp_path / "serve.log", free_port(), env) as serve:
        refused = poll(serve.url, old)  # even the bytes' own text: no desktop holds bytes
        assert refused.status_code == 401, refused.text
        assert refused.json()["error"]["code"] == RelayErrorCode.UNAUTHORISED
        said = [line for line in serve.log().splitlines() if "not text" in line]
        assert len(said) == 1, said
        assert "the relay token in the database is not text (bytes)" in said[0]
        assert "`shop-inbox-relay token`" in said[0]  # the way out
        made = token_command(database, env)
        assert made.returncode == 0, made.stderr
        new = made.stdout.strip()
        assert len(new) >= 32 and new != old
        assert "the token in the database was not text (bytes): this new one replaces it" in made.stderr
        wait_until(lambda: poll(serve.url, new).status_code == 200, 30, "the new token to be taken")
        assert poll(serve.url, old).status_code == 401
        again = token_command(database, env)  # the same one from now on
        assert (again.returncode, again.stdout.strip()) == (0, new)
        log = serve.log()
    assert "relay token stored as text: desktops presenting it are let in" in log
    assert "Traceback" not in log
    assert [line for line in log.splitlines() if "not text" in line] == said  # said once
