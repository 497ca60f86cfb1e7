"""`shop-inbox-relay move-database`: a SQLite relay moved into PostgreSQL, and its desktops going on there."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, func, insert, inspect, select, text
from sqlalchemy.engine import make_url

from app.db import Database
from app.engine import SyncEngine
from app.models import Message
from app.sync_apply import current_cursor
from relay.storage.event_log import NewEvent
from relay.storage.schema import HEAD, VERSION_TABLE
from relay.storage.tables import metadata
from relay.store import Store
from tests.support.engine_probe import EngineProbe
from tests.support.fake_graph import FakeGraph
from tests.support.relay_process import ServeProcess, post_webhook, relay_env, serve_process
from tests.support.relay_server import inbound, wamid
from tests.support.servers import free_port

on_postgresql = [pytest.mark.slow, pytest.mark.postgresql]


def move(
    source: str | None, target: str, *extra: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`shop-inbox-relay move-database` as an operator runs it (`source` None: the settings' database)."""
    command = [sys.executable, "-m", "relay.cli", "move-database", "--to", target, *extra]
    if source is not None:
        command += ["--database", source]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, env=env)


def refusal_code(done: subprocess.CompletedProcess[str]) -> str:
    """The code the command's one-line refusal starts with."""
    assert done.returncode == 2, done.stdout + done.stderr
    line = done.stderr.strip().splitlines()[-1]
    assert line.startswith("shop-inbox-relay move-database: "), line
    return line.removeprefix("shop-inbox-relay move-database: ").split(":", 1)[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rows_of(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every relay table's rows, in primary-key order, as the relay's columns read them."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {
                table.name: [tuple(row) for row in conn.execute(select(table).order_by(*table.primary_key))]
                for table in metadata.sorted_tables
            }
    finally:
        engine.dispose()


def revision_of(url: str) -> str:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return str(conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar_one())
    finally:
        engine.dispose()


def filled_relay_database(url: str) -> None:
    """A SQLite relay's database with rows in every table: events through the relay's own writes (a
    prune among them, so the log starts above seq 1), the token the desktops hold, and one row of
    each other kind of state."""
    store = Store(url)
    try:
        store.kv.client_token()
        with store.db.engine.begin() as conn:
            store.events.add(conn, [NewEvent("message", {"n": i}, "1065", f"m:old{i}") for i in range(40)])
        store.prune(timedelta(seconds=-1))  # every event so far is past the retention: emptied, marked
        with store.db.engine.begin() as conn:
            store.events.add(conn, [NewEvent("message", {"n": i}, "1065", f"m:new{i}") for i in range(25)])
        store.kv.put_automations({"greeting": {"enabled": True, "text": "어서 오세요"}}, 0)
        with store.db.engine.begin() as conn:
            tables = metadata.tables
            conn.execute(
                insert(tables["idempotency"]).values(
                    key="k1", state="done", status_code=200, response="{}", created_ms=1
                )
            )
            conn.execute(
                insert(tables["send_key_leases"]).values(
                    key="k2", owner="h:1", owner_started_ms=1, lease_until_ms=2
                )
            )
            conn.execute(
                insert(tables["media"]).values(
                    id="777", state="ready", mime="image/jpeg", size=3, attempts=1, created_ms=1
                )
            )
            conn.execute(
                insert(tables["contact_state"]).values(wa_id="8210", profile_name="김민수", known=True)
            )
            conn.execute(
                insert(tables["number_reply"]).values(
                    wa_id="8210", phone_number_id="1065", last_outbound_ms=4, last_away_sent_ms=3
                )
            )
            conn.execute(
                insert(tables["bot_state"]).values(
                    wa_id="8210",
                    phone_number_id="1065",
                    menu_shown="root",
                    menu_other=False,
                    menu_nudged=True,
                )
            )
            conn.execute(
                insert(tables["blocked_contact"]).values(wa_id="8299", blocked_ms=5, on_whatsapp=True)
            )
            conn.execute(
                insert(tables["bot_tally"]).values(day="2026-12-01", matched="root", fired=3, handoffs=1)
            )
            conn.execute(
                insert(tables["campaign"]).values(
                    id="c1",
                    name="세일",
                    template="{}",
                    request_sha256="0" * 64,
                    pace=10,
                    state="done",
                    created_ms=1,
                    start_ms=1,
                    total=1,
                )
            )
            conn.execute(
                insert(tables["campaign_recipient"]).values(
                    campaign_id="c1",
                    wa_id="8210",
                    position=0,
                    components="[]",
                    consent_notifications=True,
                    consent_marketing=False,
                    consent_night=False,
                    state="sent",
                    language="ko",
                )
            )
            conn.execute(insert(tables["messaging_ledger"]).values(wa_id="8210", sent_ms=9))
            conn.execute(
                insert(tables["marketing_opt_out"]).values(wa_id="8277", reason="keyword", opted_out_ms=7)
            )
            conn.execute(insert(tables["wrong_token"]).values(address="8.8.4.4", tag=-5, at_ms=11))
            conn.execute(insert(tables["address_hold"]).values(address="8.8.4.4", until_ms=12))
    finally:
        store.close()


@pytest.mark.parametrize("_", [pytest.param(None, marks=on_postgresql)])
def test_every_table_is_copied_with_its_seqs_prune_mark_and_token_and_the_file_is_only_read(
    tmp_path: Path, pg: str, _: None
) -> None:
    source = f"sqlite:///{tmp_path / 'relay.db'}"
    filled_relay_database(source)
    before = digest(tmp_path / "relay.db")

    done = move(source, pg)

    assert done.returncode == 0, done.stderr
    copied = rows_of(pg)
    assert copied == rows_of(source)
    assert all(copied[name] for name in copied)  # every table had a row to carry
    assert dict(r for r in copied["kv"] if r[0] != "automations")["pruned_through"] == "40"
    assert copied["event"][0][0] > 40  # the kept events keep their seqs
    assert revision_of(pg) == HEAD
    assert digest(tmp_path / "relay.db") == before
    assert "Moved" in done.stdout and "event" in done.stdout and "Next:" in done.stdout
    # The next event on PostgreSQL takes a seq above every one SQLite handed out.
    store = Store(pg)
    try:
        with store.db.engine.begin() as conn:
            [seq] = store.events.add(conn, [NewEvent("message", {"n": "after"}, "1065", "m:after")])
        assert seq == copied["event"][-1][0] + 1
        # A redelivery of a message SQLite took is still recognised.
        with store.db.engine.begin() as conn:
            assert store.events.add(conn, [NewEvent("message", {"n": 3}, "1065", "m:new3")]) == []
    finally:
        store.close()


@pytest.mark.parametrize("_", [pytest.param(None, marks=on_postgresql)])
def test_a_source_an_older_relay_left_is_moved_through_an_upgraded_copy_and_itself_left_as_it_was(
    tmp_path: Path, pg: str, _: None
) -> None:
    from tests.relay.test_schema_migrations import migrate

    source = f"sqlite:///{tmp_path / 'relay.db'}"
    filled_relay_database(source)
    engine = create_engine(source)
    with engine.begin() as conn:  # what 0010 and 0011 added did not exist yet
        conn.execute(text("UPDATE campaign_recipient SET language = NULL"))
        conn.execute(text("UPDATE bot_state SET menu_shown = NULL, menu_other = NULL, menu_nudged = NULL"))
    engine.dispose()
    migrate(source, "downgrade", "0009")
    before = digest(tmp_path / "relay.db")

    done = move(source, pg)

    assert done.returncode == 0, done.stderr
    assert "revision 0009" in done.stdout
    assert revision_of(source) == "0009" and digest(tmp_path / "relay.db") == before
    assert revision_of(pg) == HEAD
    with closing(sqlite3.connect(tmp_path / "relay.db")) as moved:
        source_events = moved.execute("SELECT * FROM event ORDER BY seq").fetchall()
    assert rows_of(pg)["event"] == source_events


@pytest.mark.parametrize("_", [pytest.param(None, marks=on_postgresql)])
def test_a_target_that_holds_relay_rows_is_refused_and_left_as_it_was(
    tmp_path: Path, pg: str, _: None
) -> None:
    source = f"sqlite:///{tmp_path / 'relay.db'}"
    filled_relay_database(source)
    assert move(source, pg).returncode == 0
    kept = rows_of(pg)

    again = move(source, pg)

    assert refusal_code(again) == "target_not_empty"
    assert f"event {len(kept['event'])}," in again.stderr
    assert rows_of(pg) == kept


@pytest.mark.parametrize("_", [pytest.param(None, marks=on_postgresql)])
def test_an_empty_relay_schema_is_a_target_it_fills(tmp_path: Path, pg: str, _: None) -> None:
    from tests.relay.test_schema_migrations import migrate

    migrate(pg, "upgrade", "0008")  # an older, empty relay schema (tables, no rows)
    source = f"sqlite:///{tmp_path / 'relay.db'}"
    filled_relay_database(source)

    assert move(source, pg).returncode == 0
    assert revision_of(pg) == HEAD and rows_of(pg) == rows_of(source)


@pytest.mark.parametrize("_", [pytest.param(None, marks=on_postgresql)])
def test_a_target_it_cannot_use_is_named_by_what_to_fix(tmp_path: Path, pg: str, _: None) -> None:
    source = f"sqlite:///{tmp_path / 'relay.db'}"
    filled_relay_database(source)
    url = make_url(pg)
    wrong_password = url.set(password="not-the-password").render_as_string(hide_password=False)
    no_server = url.set(host="127.0.0.1", port=free_port()).render_as_string(hide_password=False)
    no_database = url.set(database="relay_hb_no_such_database").render_as_string(hide_password=False)

    refused = move(source, wrong_password)
    assert refusal_code(refused) == "target_wrong_password"
    assert "not-the-password" not in refused.stdout + refused.stderr
    assert refusal_code(move(source, no_server)) == "target_unreachable"
    assert refusal_code(move(source, no_database)) == "target_no_database"
    assert refusal_code(move(source, f"sqlite:///{tmp_path / 'other.db'}")) == "target_not_postgresql"
    engine = create_engine(pg)
    assert inspect(engine).get_table_names() == []  # nothing reached the database it could reach
    engine.dispose()


@pytest.mark.parametrize("_", [pytest.param(None, marks=on_postgresql)])
def test_a_damaged_source_stops_the_move_with_nothing_written(tmp_path: Path, pg: str, _: None) -> None:
    path = tmp_path / "relay.db"
    store = Store(f"sqlite:///{path}")
    try:
        with store.db.engine.begin() as conn:
            events = [
                NewEvent("message", {"text": "재고 있나요?" * 40}, "1065", f"m:{i}") for i in range(5000)
            ]
            store.events.add(conn, events)
    finally:
        store.close()
    with path.open("r+b") as damaged:  # the schema intact, pages of the event log overwritten
        damaged.seek(4096 * 100)
        damaged.write(b"\x07" * 4096 * 50)

    done = move(f"sqlite:///{path}", pg)

    assert refusal_code(done) == "source_unreadable"
    assert "malformed" in done.stderr
    assert all(rows == [] for rows in rows_of(pg).values())


@pytest.mark.parametrize("_", [pytest.param(None, marks=on_postgresql)])
def test_values_sqlite_kept_but_postgresql_refuses_are_named_without_the_value(
    tmp_path: Path, pg: str, _: None
) -> None:
    path = tmp_path / "relay.db"
    filled_relay_database(f"sqlite:///{path}")
    with closing(sqlite3.connect(path)) as odd, odd:  # SQLite takes any value in any column
        odd.execute("UPDATE contact_state SET profile_name = ?", ("김" * 300,))
    done = move(f"sqlite:///{path}", pg)
    assert refusal_code(done) == "source_value_too_long"
    assert "contact_state.profile_name (1 over 256 characters)" in done.stderr

    with closing(sqlite3.connect(path)) as odd, odd:
        odd.execute("UPDATE contact_state SET profile_name = '김민수'")
        odd.execute("UPDATE media SET size = 'secret-words'")
    done = move(f"sqlite:///{path}", pg)
    assert refusal_code(done) == "source_value_refused"
    assert "table media, row 1, column size" in done.stderr
    assert "secret-words" not in done.stderr
    assert all(rows == [] for rows in rows_of(pg).values())


@pytest.mark.parametrize("_", [pytest.param(None, marks=on_postgresql)])
def test_a_relay_started_on_the_file_during_the_move_stops_it_before_the_commit(
    tmp_path: Path, pg: str, _: None
) -> None:
    from relay.database_move import MoveCode, MoveRefused, TableCopied, move_database

    path = tmp_path / "relay.db"
    filled_relay_database(f"sqlite:///{path}")
    holders: list[subprocess.Popen[str]] = []
    holds = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('SELECT 1 FROM kv'); print(1, flush=True); sys.stdin.read()"

    def start_a_relay(_copied: TableCopied) -> None:
        if not holders:  # as a relay does from its start: the file open in WAL mode
            holder = subprocess.Popen(
                [sys.executable, "-c", holds, str(path)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            assert holder.stdout is not None and holder.stdout.readline().strip() == "1"
            holders.append(holder)

    try:
        with pytest.raises(MoveRefused) as refused:
            move_database(f"sqlite:///{path}", pg, progress=start_a_relay)
    finally:
        for holder in holders:
            holder.communicate("", timeout=30)
    assert refused.value.code is MoveCode.SOURCE_IN_USE
    assert "during the move" in str(refused.value)
    assert all(rows == [] for rows in rows_of(pg).values())


def test_a_source_that_is_no_relay_database_is_refused(tmp_path: Path) -> None:
    target = "postgresql+psycopg://u:p@127.0.0.1:1/never-reached"
    assert refusal_code(move(f"sqlite:///{tmp_path / 'absent.db'}", target)) == "source_missing"
    (tmp_path / "notes.db").write_text("not a database")
    assert refusal_code(move(f"sqlite:///{tmp_path / 'notes.db'}", target)) == "source_not_relay"
    with closing(sqlite3.connect(tmp_path / "other.db")) as other, other:
        other.execute("CREATE TABLE photos (id INTEGER)")
    assert refusal_code(move(f"sqlite:///{tmp_path / 'other.db'}", target)) == "source_not_relay"
    # A PostgreSQL relay moves only to a new SQLite file.
    assert refusal_code(move(target, target)) == "target_not_sqlite"


def test_a_source_a_process_has_open_is_refused_before_postgresql_is_asked(tmp_path: Path) -> None:
    source = f"sqlite:///{tmp_path / 'relay.db'}"
    filled_relay_database(source)
    # The relay holds its file open in WAL mode from its start to its stop, as this store does.
    store = Store(source)
    try:
        done = move(source, "postgresql+psycopg://u:p@127.0.0.1:1/never-reached")
    finally:
        store.close()
    assert refusal_code(done) == "source_in_use"
    assert "stop it first" in done.stderr


# --- a desktop synced on the SQLite relay, going on after the move and a restart on PostgreSQL


def message_count(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Message)) or 0)


def desktop_cursor(db: Database) -> int:
    with db.read() as s:
        return current_cursor(s)


def relay_token(database_url: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "relay.cli", "token", "--database", database_url],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "RELAY_CLIENT_TOKEN": ""},
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def stop(serve: ServeProcess) -> None:
    """The operator's stop (systemctl stop: SIGTERM, then the relay finishes and exits)."""
    serve.process.send_signal(signal.SIGTERM)
    # uvicorn ends by raising the signal again once it has shut down, as the service manager expects.
    assert serve.process.wait(timeout=30) in (0, -signal.SIGTERM)


def new_message_seqs(url: str, token: str, after: int) -> list[tuple[int, str]]:
    """(seq, wamid) of every message event after `after`, as a desktop's reader pages through them."""
    found: list[tuple[int, str]] = []
    while True:
        page = httpx.get(
            f"{url}/v1/events",
            params={"after": after, "limit": 500},
            timeout=30,
            headers={"Authorization": f"Bearer {token}"},
        )
        assert page.status_code == 200, page.text
        events = page.json()["events"]
        if not events:
            return found
        found += [(e["seq"], e["message"]["id"]) for e in events if e["kind"] == "message"]
        after = events[-1]["seq"]


@contextmanager
def desktop(db: Database, url: str, token: str, media: Path) -> Iterator[EngineProbe]:
    probe = EngineProbe()
    engine = SyncEngine(
        db,
        url,
        token,
        media,
        on_changed=probe.on_changed,
        on_state=probe.on_state,
        poll_wait=1.5,
        retry_base=0.05,
        retry_cap=0.5,
    )
    engine.start()
    try:
        yield probe
    finally:
        engine.stop()


def customers_write(url: str, message_ids: list[str], content: str) -> None:
    for message_id in message_ids:
        assert post_webhook(url, inbound(content=content, message_id=message_id)).status_code == 200


def media_answer(url: str, token: str, media_id: str) -> httpx.Response:
    return httpx.get(f"{url}/v1/media/{media_id}", headers={"Authorization": f"Bearer {token}"}, timeout=30)


@pytest.mark.parametrize("_", [pytest.param(None, marks=on_postgresql)])
def test_a_desktop_synced_on_sqlite_gets_every_new_event_once_after_the_move_to_postgresql(
    tmp_path: Path, pg: str, graph: FakeGraph, db: Database, _: None
) -> None:
    folder = tmp_path / "relay"
    folder.mkdir()
    sqlite_url = f"sqlite:///{folder / 'relay.db'}"
    port = free_port()
    env = relay_env(sqlite_url, graph.url)
    del env["RELAY_CLIENT_TOKEN"]  # the token desktops hold is the one kept in the relay's database
    env_file = tmp_path / "relay.env"
    env_file.write_text(f"RELAY_DATABASE_URL={sqlite_url}\n")
    before_ids = [wamid() for _ in range(30)]
    photo_id = wamid()
    after_ids = [wamid() for _ in range(20)]
    graph.add_media("880001", b"\xff\xd8 a photo", "image/jpeg")

    with serve_process(tmp_path / "sqlite.log", port, env) as on_sqlite:
        token = relay_token(sqlite_url)
        with desktop(db, on_sqlite.url, token, tmp_path / "desktop-media") as probe:
            customers_write(on_sqlite.url, before_ids, "재고 있나요?")
            photo = inbound("image", {"id": "880001", "mime_type": "image/jpeg"}, message_id=photo_id)
            assert post_webhook(on_sqlite.url, photo).status_code == 200
            probe.wait_until(lambda: message_count(db) == 31, timeout=60)
            cursor_on_sqlite = desktop_cursor(db)
            # The relay fetches the photo from Graph into its media folder.
            probe.wait_until(
                lambda: media_answer(on_sqlite.url, token, "880001").status_code == 200, timeout=60
            )
            # While the relay serves the file, the move is refused.
            assert refusal_code(move(sqlite_url, pg, "--env-file", str(env_file))) == "source_in_use"
            stop(on_sqlite)

            settings_env = {k: v for k, v in env.items() if k != "RELAY_DATABASE_URL"}
            done = move(None, pg, "--env-file", str(env_file), env=settings_env)
            assert done.returncode == 0, done.stderr
            assert f"In {env_file}, set RELAY_DATABASE_URL" in done.stdout
            # The photo's folder is named: a PostgreSQL relay's default folder is elsewhere.
            assert f"RELAY_MEDIA_DIR={folder / 'relay-media'} " in done.stdout

            # The operator switches the settings and starts the relay on PostgreSQL, at the same
            # address, with the workers PostgreSQL allows; the desktop reconnects on its own.
            graph.media.pop("880001")  # the photo now comes from the relay's folder, not Graph
            pg_env = {**env, "RELAY_DATABASE_URL": pg, "RELAY_MEDIA_DIR": str(folder / "relay-media")}
            with serve_process(tmp_path / "pg.log", port, pg_env, workers=2) as on_pg:
                customers_write(on_pg.url, after_ids[:10], "주문할게요")
                customers_write(on_pg.url, before_ids[-5:], "재고 있나요?")  # Meta redelivers: nothing twice
                customers_write(on_pg.url, after_ids[10:], "주문할게요")
                probe.wait_until(lambda: message_count(db) == 51, timeout=60)

                # What a reader whose cursor was taken on SQLite gets from PostgreSQL: each new
                # message once, in order, above that cursor, and nothing it had.
                served = new_message_seqs(on_pg.url, token, cursor_on_sqlite)
                assert [message_id for _, message_id in served] == after_ids
                assert all(seq > cursor_on_sqlite for seq, _ in served)
                assert desktop_cursor(db) >= served[-1][0]
                assert "unauthorised" not in probe.state_names  # the same token goes on working
                photo_bytes = media_answer(on_pg.url, token, "880001")
                assert (photo_bytes.status_code, photo_bytes.content) == (200, b"\xff\xd8 a photo")
    with db.read() as s:
        ids = list(s.scalars(select(Message.wamid)))
    # Every message once on the desktop: the 30 and the photo from SQLite, the 20 from PostgreSQL.
    assert sorted(ids, key=str) == sorted([*before_ids, photo_id, *after_ids])
