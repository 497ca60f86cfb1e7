"""`shop-inbox-relay move-database --to relay.db` on a PostgreSQL relay: its database moved into a new
SQLite file, and its desktops going on there."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.engine import make_url

from app.db import Database
from app.models import Message
from relay.database_move import MoveCode, MoveRefused, TableCopied, move_database
from relay.storage.event_log import NewEvent
from relay.storage.schema import HEAD
from relay.store import Store
from relay.wakeups import SERVING_LOCK
from tests.relay.test_database_move import (
    customers_write,
    desktop,
    desktop_cursor,
    filled_relay_database,
    media_answer,
    message_count,
    move,
    new_message_seqs,
    refusal_code,
    relay_token,
    revision_of,
    rows_of,
    stop,
)
from tests.support.fake_graph import FakeGraph
from tests.support.relay_process import post_webhook, relay_env, serve_process, wait_until
from tests.support.relay_server import inbound, wamid
from tests.support.servers import free_port

on_postgresql = [pytest.mark.slow, pytest.mark.postgresql]


def last_drawn(pg: str) -> int:
    """The highest seq PostgreSQL's event sequence has handed out."""
    engine = create_engine(pg)
    try:
        with engine.connect() as conn:
            return int(
                conn.execute(
                    text("SELECT pg_sequence_last_value(pg_get_serial_sequence('event', 'seq')::regclass)")
                ).scalar_one()
            )
    finally:
        engine.dispose()


def filled_postgresql_relay(tmp_path: Path, pg: str) -> None:
    """A PostgreSQL relay database with rows in every table (moved there from SQLite), that has
    since taken events of its own, pruned, and drawn a seq it never kept (a writer rolled back)."""
    source = f"sqlite:///{tmp_path / 'first.db'}"
    filled_relay_database(source)
    assert move(source, pg).returncode == 0
    store = Store(pg)
    try:
        with store.db.engine.begin() as conn:
            store.events.add(conn, [NewEvent("message", {"n": i}, "1065", f"m:pg{i}") for i in range(10)])
        with store.db.engine.connect() as conn, conn.begin() as rolled_back:
            store.events.add(conn, [NewEvent("message", {"n": "gone"}, "1065", "m:gone")])
            rolled_back.rollback()
    finally:
        store.close()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("_", [pytest.param(None, marks=on_postgresql)])
def test_every_table_comes_back_with_its_seqs_prune_mark_and_token_and_postgresql_is_only_read(
    tmp_path: Path, pg: str, _: None
) -> None:
    filled_postgresql_relay(tmp_path, pg)
    before, drawn = rows_of(pg), last_drawn(pg)
    assert drawn > before["event"][-1][0]  # the rolled-back writer's seq: above every kept one
    target = tmp_path / "back" / "relay.db"
    target.parent.mkdir()

    done = move(pg, str(target))

    assert done.returncode == 0, done.stderr
    back = f"sqlite:///{target}"
    assert rows_of(back) == before
    assert all(before[name] for name in before)  # every table had a row to carry
    assert revision_of(back) == HEAD
    assert rows_of(pg) == before and last_drawn(pg) == drawn  # PostgreSQL only read
    assert leftovers(target.parent) == ["relay.db"]  # no temporary copy, no WAL left beside it
    assert (
        "Moved" in done.stdout and f"sqlite:///{target}" in done.stdout and "without --workers" in done.stdout
    )
    # No media folder found from here: the step says what to look for, not a path with "none in" it.
    assert "If the relay kept received photos and documents, set RELAY_MEDIA_DIR" in done.stdout
    store = Store(back)
    try:
        # The next event on SQLite takes a seq above every one PostgreSQL handed out, even the
        # one a rolled-back writer drew (a desktop may never have seen it, but nothing below is reused).
        with store.db.engine.begin() as conn:
            [seq] = store.events.add(conn, [NewEvent("message", {"n": "after"}, "1065", "m:after")])
        assert seq == drawn + 1
        with store.db.engine.begin() as conn:  # a redelivery of a message PostgreSQL took
            assert store.events.add(conn, [NewEvent("message", {"n": 3}, "1065", "m:pg3")]) == []
        assert store.kv.client_token() == dict(before["kv"])["client_token"]
    finally:
        store.close()


@pytest.mark.parametrize("_", [pytest.param(None, marks=on_postgresql)])
def test_a_target_file_that_exists_is_refused_and_left_as_it_was(tmp_path: Path, pg: str, _: None) -> None:
    filled_postgresql_relay(tmp_path, pg)
    target = tmp_path / "relay.db"
    target.write_bytes(b"the shop's old relay")

    done = move(pg, str(target))

    assert refusal_code(done) == "target_exists"
    assert target.read_bytes() == b"the shop's old relay"
    (tmp_path / "gone.db-wal").write_bytes(b"")  # a leftover WAL would be read into a new file
    assert refusal_code(move(pg, f"sqlite:///{tmp_path / 'gone.db'}")) == "target_exists"
    assert refusal_code(move(pg, str(tmp_path / "no-folder" / "relay.db"))) == "target_no_folder"
    assert refusal_code(move(pg, pg)) == "target_not_sqlite"
    assert not (tmp_path / "gone.db").exists()


@pytest.mark.parametrize("_", [pytest.param(None, marks=on_postgresql)])
def test_a_source_it_cannot_use_is_named_by_what_to_fix(tmp_path: Path, pg: str, _: None) -> None:
    from tests.relay.test_schema_migrations import migrate

    target = tmp_path / "relay.db"
    assert refusal_code(move(pg, str(target))) == "source_not_relay"  # an empty database
    migrate(pg, "upgrade", "0008")
    too_old = move(pg, str(target))
    assert refusal_code(too_old) == "source_too_old" and "start this version's relay" in too_old.stderr
    assert revision_of(pg) == "0008"  # the move never upgrades it
    url = make_url(pg)
    wrong_password = url.set(password="not-the-password").render_as_string(hide_password=False)
    refused = move(wrong_password, str(target))
    assert refusal_code(refused) == "source_wrong_password"
    assert "not-the-password" not in refused.stdout + refused.stderr
    no_server = url.set(host="127.0.0.1", port=free_port()).render_as_string(hide_password=False)
    assert refusal_code(move(no_server, str(target))) == "source_unreachable"
    no_database = url.set(database="relay_hb_no_such_database").render_as_string(hide_password=False)
    assert refusal_code(move(no_database, str(target))) == "source_no_database"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("_", [pytest.param(None, marks=on_postgresql)])
def test_a_relay_serving_the_database_or_starting_during_the_move_stops_it(
    tmp_path: Path, pg: str, _: None
) -> None:
    filled_postgresql_relay(tmp_path, pg)
    before = rows_of(pg)
    folder = tmp_path / "back"
    folder.mkdir()
    # What a serving relay worker holds on its wake-up connection from its start to its stop.
    holds = (
        "import sys, psycopg; c = psycopg.connect(sys.argv[1], autocommit=True);"
        f" c.execute('SELECT pg_advisory_lock_shared({SERVING_LOCK[0]}, {SERVING_LOCK[1]})'); print(1, flush=True); sys.stdin.read()"
    )
    conninfo = make_url(pg).set(drivername="postgresql").render_as_string(hide_password=False)
    holders: list[subprocess.Popen[str]] = []

    def start_a_relay(_copied: TableCopied | None = None) -> None:
        if not holders:
            holder = subprocess.Popen(
                [sys.executable, "-c", holds, conninfo],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            assert holder.stdout is not None and holder.stdout.readline().strip() == "1"
            holders.append(holder)

    try:
        start_a_relay()
        serving = move(pg, str(folder / "relay.db"))
        assert refusal_code(serving) == "source_in_use" and "stop every relay on it" in serving.stderr
        holders.pop().communicate("", timeout=30)

        with pytest.raises(MoveRefused) as refused:
            move_database(pg, str(folder / "relay.db"), progress=start_a_relay)
        assert refused.value.code is MoveCode.SOURCE_IN_USE
        assert "during the move" in str(refused.value)
    finally:
        for holder in holders:
            holder.communicate("", timeout=30)

    # A relay that started and stopped again while the rows were read left only its events behind.
    def a_relay_took_a_webhook(_copied: TableCopied) -> None:
        store = Store(pg)
        try:
            with store.db.engine.begin() as conn:
                store.events.add(conn, [NewEvent("message", {"n": "late"}, "1065", f"m:late{wamid()}")])
        finally:
            store.close()

    with pytest.raises(MoveRefused) as refused:
        move_database(pg, str(folder / "relay.db"), progress=a_relay_took_a_webhook)
    assert refused.value.code is MoveCode.SOURCE_IN_USE
    assert "took new events during the move" in str(refused.value)
    assert leftovers(folder) == []
    assert len(rows_of(pg)["event"]) > len(before["event"])


# --- a desktop synced on the PostgreSQL relay, going on after the move and a restart on SQLite


@pytest.mark.parametrize("_", [pytest.param(None, marks=on_postgresql)])
def test_a_desktop_synced_on_postgresql_gets_every_new_event_once_after_the_move_to_sqlite(
    tmp_path: Path, pg: str, graph: FakeGraph, db: Database, _: None
) -> None:
    folder = tmp_path / "relay"
    folder.mkdir()
    media = tmp_path / "relay-media"
    port = free_port()
    env = relay_env(pg, graph.url, RELAY_MEDIA_DIR=str(media))
    del env["RELAY_CLIENT_TOKEN"]  # the token desktops hold is the one kept in the relay's database
    env_file = tmp_path / "relay.env"
    env_file.write_text(f"RELAY_DATABASE_URL={pg}\n")
    before_ids = [wamid() for _ in range(30)]
    photo_id = wamid()
    after_ids = [wamid() for _ in range(20)]
    graph.add_media("880002", b"\xff\xd8 a photo", "image/jpeg")
    target = folder / "relay.db"

    with serve_process(tmp_path / "pg.log", port, env, workers=2) as on_pg:
        wait_until(
            lambda: on_pg.log().count("listening for other relay workers' commits") >= 2,
            60,
            "both workers' wake-up connections",
        )
        token = relay_token(pg)
        with desktop(db, on_pg.url, token, tmp_path / "desktop-media") as probe:
            customers_write(on_pg.url, before_ids, "재고 있나요?")
            photo = inbound("image", {"id": "880002", "mime_type": "image/jpeg"}, message_id=photo_id)
            assert post_webhook(on_pg.url, photo).status_code == 200
            probe.wait_until(lambda: message_count(db) == 31, timeout=60)
            probe.wait_until(lambda: media_answer(on_pg.url, token, "880002").status_code == 200, timeout=60)
            cursor_on_pg = desktop_cursor(db)
            # While the relay serves the database, the move is refused and makes no file.
            serving = move(pg, str(target), "--env-file", str(env_file))
            assert refusal_code(serving) == "source_in_use"
            assert not target.exists()
            stop(on_pg)

            settings_env = {k: v for k, v in env.items() if k != "RELAY_DATABASE_URL"}
            done = move(None, str(target), "--env-file", str(env_file), env=settings_env)
            assert done.returncode == 0, done.stderr
            assert f"In {env_file}, set RELAY_DATABASE_URL to sqlite:///{target}" in done.stdout
            password = make_url(pg).password
            assert (
                password and f":{password}@" not in done.stdout + done.stderr
            )  # the URL shown, not its password

            # The operator switches the settings and starts one relay on the new file, at the same
            # address; the desktop reconnects on its own.
            graph.media.pop("880002")  # the photo now comes from the relay's folder, not Graph
            sqlite_env = {**env, "RELAY_DATABASE_URL": f"sqlite:///{target}"}
            with serve_process(tmp_path / "sqlite.log", port, sqlite_env) as on_sqlite:
                customers_write(on_sqlite.url, after_ids[:10], "주문할게요")
                customers_write(on_sqlite.url, before_ids[-5:], "재고 있나요?")  # Meta redelivers
                customers_write(on_sqlite.url, after_ids[10:], "주문할게요")
                probe.wait_until(lambda: message_count(db) == 51, timeout=60)

                # A reader whose cursor was taken on PostgreSQL gets each new message once, in
                # order, above that cursor, and nothing it had.
                served = new_message_seqs(on_sqlite.url, token, cursor_on_pg)
                assert [message_id for _, message_id in served] == after_ids
                assert all(seq > cursor_on_pg for seq, _ in served)
                assert desktop_cursor(db) >= served[-1][0]
                assert "unauthorised" not in probe.state_names  # the same token goes on working
                photo_bytes = media_answer(on_sqlite.url, token, "880002")
                assert (photo_bytes.status_code, photo_bytes.content) == (200, b"\xff\xd8 a photo")
    with db.read() as s:
        ids = list(s.scalars(select(Message.wamid)))
    # Every message once on the desktop: the 30 and the photo from PostgreSQL, the 20 from SQLite.
    assert sorted(ids, key=str) == sorted([*before_ids, photo_id, *after_ids])
    engine = create_engine(pg)
    assert "event" in inspect(engine).get_table_names()  # the source is still there, untouched
    engine.dispose()


def test_a_move_to_sqlite_into_a_file_that_exists_is_refused_before_postgresql_is_asked(
    tmp_path: Path,
) -> None:
    target = tmp_path / "relay.db"
    target.write_bytes(b"kept")
    done = move("postgresql+psycopg://u:p@127.0.0.1:1/never-reached", str(target))
    assert refusal_code(done) == "target_exists"
    assert target.read_bytes() == b"kept"
