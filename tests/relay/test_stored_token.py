"""The relay token kept in the relay's database (RELAY_CLIENT_TOKEN unset): a row another program wrote
as bytes, not text, refuses every desktop as a wrong token until `shop-inbox-relay token` makes a new one."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import httpx
import pytest

from app.wire import RelayErrorCode
from relay.cli import main
from relay.store import Store
from tests.support.fake_graph import FakeGraph
from tests.support.relay_process import relay_env, serve_process, wait_until
from tests.support.servers import free_port


def poll(url: str, token: str) -> httpx.Response:
    return httpx.get(f"{url}/v1/events", params={"after": 0}, headers={"Authorization": f"Bearer {token}"})


def test_a_token_row_written_as_bytes_before_the_start_refuses_every_desktop_until_token_makes_a_new_one(
    tmp_path: Path, graph: FakeGraph, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
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
        assert main(["token", "--database", database]) == 0
        printed = capsys.readouterr()
        new = printed.out.strip()
        assert len(new) >= 32 and new != old
        assert "the token in the database was not text (bytes): this new one replaces it" in printed.err
        wait_until(lambda: poll(serve.url, new).status_code == 200, 30, "the new token to be taken")
        assert poll(serve.url, old).status_code == 401
        assert main(["token", "--database", database]) == 0  # the same one from now on
        assert capsys.readouterr().out.strip() == new
        log = serve.log()
    assert "relay token stored as text: desktops presenting it are let in" in log
    assert "Traceback" not in log
    assert [line for line in log.splitlines() if "not text" in line] == said  # said once
