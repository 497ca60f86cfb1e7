"""The relay's schema migrations: a fresh database, one that create_all made, and workers starting at once."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, insert, inspect, text

from relay.migrations.baseline import baseline_metadata
from relay.storage.schema import (
    HEAD,
    MIGRATIONS_DIR,
    VERSION_TABLE,
    SchemaMismatch,
    SchemaRefused,
    SchemaTooNew,
)
from relay.storage.tables import metadata
from relay.store import Store
from tests.support.fake_graph import FakeGraph
from tests.support.relay_process import relay_env, serve_process
from tests.support.servers import free_port

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def url(tmp_path: Path, storage: str | None) -> str:
    return storage or f"sqlite:///{tmp_path / 'relay.db'}"


def test_the_migrations_have_one_head_and_it_is_the_one_the_relay_starts_at() -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(cfg).get_heads() == [HEAD]


def schema_differences(url: str) -> list[object]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
            return list(compare_metadata(context, metadata))
    finally:
        engine.dispose()


def stored_revisions(url: str) -> list[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return list(conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars())
    finally:
        engine.dispose()


def test_a_fresh_database_is_migrated_to_exactly_the_tables_the_code_uses(url: str) -> None:
    Store(url).close()
    assert stored_revisions(url) == [HEAD]
    assert schema_differences(url) == []


def test_a_first_start_logs_the_migration_not_alembics_plugins(tmp_path: Path) -> None:
    # A fresh interpreter, as `serve` is: alembic registers its plugins once, when first imported.
    script = (
        "import logging, sys\n"
        "logging.basicConfig(level=logging.INFO)\n"
        "from relay.store import Store\n"
        "Store(sys.argv[1]).close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, f"sqlite:///{tmp_path / 'relay.db'}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stderr.count(f"database upgraded: from=none to={HEAD}") == 1
    assert "setup plugin" not in done.stderr
    assert "alembic" not in done.stderr


def test_serve_says_in_one_line_that_it_upgraded_a_fresh_database_and_nothing_the_next_time(
    tmp_path: Path, graph: FakeGraph
) -> None:
    env = relay_env(f"sqlite:///{tmp_path / 'relay.db'}", graph.url)
    with serve_process(tmp_path / "first.log", free_port(), env) as first:
        pass
    with serve_process(tmp_path / "second.log", free_port(), env) as second:
        pass
    first_log, second_log = first.log(), second.log()
    assert first_log.count("database upgraded:") == 1
    ours = (
        f"level=INFO logger=relay.storage.schema worker={socket.gethostname()}:{first.pid} database upgraded"
    )
    assert f"{ours}: from=none to={HEAD}" in first_log
    assert "alembic" not in first_log  # neither its plugins nor "Running upgrade" per revision
    assert "relay started" in second_log
    assert "database upgraded" not in second_log and "alembic" not in second_log


def test_alembics_lines_are_there_when_the_relay_logs_at_debug(tmp_path: Path) -> None:
    script = (
        "import logging, sys\n"
        "logging.basicConfig(level=logging.DEBUG)\n"
        "from relay.store import Store\n"
        "Store(sys.argv[1]).close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, f"sqlite:///{tmp_path / 'relay.db'}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "INFO:alembic.runtime.migration:Running upgrade  -> 0001" in done.stderr
    assert f"database upgraded: from=none to={HEAD}" in done.stderr


def test_a_relay_database_create_all_made_is_taken_over_with_its_data(url: str) -> None:
    # A turn-1 relay: create_all made the tables it knew; bot_state and send_key_leases came later.
    old = baseline_metadata()
    engine = create_engine(url)
    with engine.begin() as conn:
        old.create_all(
            conn, tables=[t for t in old.sorted_tables if t.name not in ("bot_state", "send_key_leases")]
        )
        conn.execute(insert(old.tables["kv"]).values(key="client_token", value="the-token-desktops-hold"))
        conn.execute(
            insert(old.tables["event"]).values(
                kind="message", at="2026-11-01T00:00:00Z", at_ms=1, payload="{}"
            )
        )
    engine.dispose()

    store = Store(url)
    try:
        assert store.kv.client_token() == "the-token-desktops-hold"
        assert store.events.last_seq() == 1
    finally:
        store.close()
    assert stored_revisions(url) == [HEAD]
    assert schema_differences(url) == []


def test_a_database_whose_tables_are_not_the_relays_is_refused_untouched(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE kv (key VARCHAR(64) PRIMARY KEY, data TEXT)"))
    engine.dispose()

    with pytest.raises(SchemaMismatch, match="'kv'"):
        Store(url)
    engine = create_engine(url)
    assert inspect(engine).get_table_names() == ["kv"]
    engine.dispose()


def test_a_database_a_newer_relay_migrated_is_refused(url: str) -> None:
    Store(url).close()
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f"UPDATE {VERSION_TABLE} SET version_num = '9999'"))
    engine.dispose()

    with pytest.raises(SchemaTooNew, match="9999"):
        Store(url)


def migrate(url: str, action: str, revision: str) -> None:
    """Alembic's upgrade or downgrade to `revision`, on the connection the relay's env.py expects."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            getattr(command, action)(cfg, revision)
    finally:
        engine.dispose()


def columns_down_from_head(url: str, revision: str, table: str) -> set[str]:
    """The database is at the head, as the code reads it; then downgraded to `revision`: `table`'s columns."""
    assert stored_revisions(url) == [HEAD]
    assert schema_differences(url) == []
    migrate(url, "downgrade", revision)
    engine = create_engine(url)
    try:
        return {column["name"] for column in inspect(engine).get_columns(table)}
    finally:
        engine.dispose()


def stored_recipients(url: str) -> list[tuple[str, str, str]]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [
                tuple(row)
                for row in conn.execute(
                    text("SELECT campaign_id, wa_id, state FROM campaign_recipient ORDER BY wa_id")
                )
            ]
    finally:
        engine.dispose()


def test_a_campaign_stored_before_recipients_versions_keeps_its_recipients_and_sends_the_campaigns_version(
    url: str,
) -> None:
    migrate(url, "upgrade", "0009")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO campaign (id, name, template, request_sha256, pace, state, created_ms,"
                " start_ms, total) VALUES ('old', '겨울 세일', :template, 'sha', 10, 'scheduled', 1, 2, 1)"
            ),
            {"template": '{"name":"winter_sale","language":"ko","category":"MARKETING"}'},
        )
        conn.execute(
            text(
                "INSERT INTO campaign_recipient (campaign_id, wa_id, position, components,"
                " consent_notifications, consent_marketing, consent_night, state)"
                " VALUES ('old', '821012345678', 0, '[]', true, true, false, 'queued')"
            )
        )
    engine.dispose()

    store = Store(url)
    try:
        (waiting,) = store.campaigns.next_recipients("old", now_ms=3, limit=10)
        row = store.campaigns.row("old")
        assert row is not None
        assert waiting.language is None and waiting.template_language(row.template) == "ko"
    finally:
        store.close()
    assert stored_revisions(url) == [HEAD]
    assert schema_differences(url) == []

    migrate(url, "downgrade", "0009")
    engine = create_engine(url)
    columns = {column["name"] for column in inspect(engine).get_columns("campaign_recipient")}
    indexes = {index["name"] for index in inspect(engine).get_indexes("campaign_recipient")}
    engine.dispose()
    assert "language" not in columns
    assert indexes == {"ix_campaign_recipient_wamid", "ix_campaign_recipient_next"}
    assert stored_recipients(url) == [("old", "821012345678", "queued")]


def test_a_recipient_failed_before_causes_were_kept_reads_back_with_no_cause(url: str) -> None:
    migrate(url, "upgrade", "0011")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO campaign (id, name, template, request_sha256, pace, state, created_ms,"
                " start_ms, total) VALUES ('old', '겨울 세일', :template, 'sha', 10, 'done', 1, 2, 1)"
            ),
            {"template": '{"name":"winter_sale","language":"ko","category":"MARKETING"}'},
        )
        conn.execute(
            text(
                "INSERT INTO campaign_recipient (campaign_id, wa_id, position, components,"
                " consent_notifications, consent_marketing, consent_night, state, error_code)"
                " VALUES ('old', '821012345678', 0, '[]', true, true, false, 'failed', 131053)"
            )
        )
    engine.dispose()

    store = Store(url)
    try:
        found = store.campaigns.get("old", with_recipients=True)
        assert found is not None
        (row,) = found.recipients or []
        assert (row.state, row.error_code, row.graph_cause) == ("failed", 131053, None)
    finally:
        store.close()
    columns = columns_down_from_head(url, "0011", "campaign_recipient")
    assert "graph_cause" not in columns and "language" in columns
    assert stored_recipients(url) == [("old", "821012345678", "failed")]


START_AT_ONCE = """
import logging, sys
logging.basicConfig(level=logging.INFO, stream=sys.stdout, format="%(name)s %(message)s")
sys.stdin.readline()  # every process is started and waits here; one newline releases them all
from relay.store import Store
store = Store(sys.argv[1])
print("token", store.kv.client_token())
store.close()
"""


def test_relays_starting_at_once_migrate_once_and_share_one_schema(url: str) -> None:
    starts = [
        subprocess.Popen(
            [sys.executable, "-c", START_AT_ONCE, url],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    for start in starts:
        assert start.stdin is not None
        start.stdin.write("\n")
        start.stdin.flush()
    outputs = [start.communicate(timeout=120) for start in starts]
    assert [start.returncode for start in starts] == [0, 0, 0, 0], [err for _out, err in outputs]
    logs = "".join(out for out, _err in outputs)
    assert logs.count("database upgraded: from=none") == 1
    # One token for every desktop: each start found the one the first had stored.
    assert len({line for line in logs.splitlines() if line.startswith("token ")}) == 1
    assert stored_revisions(url) == [HEAD]
    assert schema_differences(url) == []


FROM_THE_WHEEL = """
import sys, zipfile
target = sys.argv[2]
zipfile.ZipFile(sys.argv[1]).extractall(target)
sys.path.insert(0, target)
import relay
assert relay.__file__.startswith(target), relay.__file__
from relay.store import Store
Store(sys.argv[3]).close()
print("migrated from", relay.__file__)
"""


@pytest.mark.slow
def test_the_relay_installed_as_its_image_installs_it_migrates_a_fresh_database(tmp_path: Path) -> None:
    # Exactly the files the Dockerfile copies, built into a wheel as its `pip install .` does.
    source = tmp_path / "src"
    (source / "app").mkdir(parents=True)
    for name in ("pyproject.toml", "README.md", "app/__init__.py", "app/wire.py", "app/rules.py"):
        (source / name).write_bytes((REPO / name).read_bytes())
    shutil.copytree(REPO / "relay", source / "relay", ignore=shutil.ignore_patterns("__pycache__"))
    uv = Path(sys.executable).with_name("uv")
    # With the test environment's own setuptools (locked in requirements/dev.txt): an isolated build
    # would fetch the build backend, and a test reaches nothing beyond 127.0.0.1 (on a new machine
    # uv's cache holds none: "setuptools was not found in the cache").
    built = subprocess.run(
        [
            str(uv),
            "build",
            "--wheel",
            "--offline",
            "--no-build-isolation",
            "--python",
            sys.executable,
            "--out-dir",
            str(tmp_path / "dist"),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    url = f"sqlite:///{tmp_path / 'relay.db'}"
    done = subprocess.run(
        [sys.executable, "-c", FROM_THE_WHEEL, str(wheel), str(tmp_path / "site"), url],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert stored_revisions(url) == [HEAD]


def test_the_frozen_app_ships_the_relays_migration_scripts_for_the_demo() -> None:
    assert '(str(ROOT / "relay" / "migrations"), "relay/migrations")' in (REPO / "build.spec").read_text()


def kv_rows(path: Path) -> dict[str, str]:
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            return {key: value for key, value in conn.execute(text("SELECT key, value FROM kv"))}
    finally:
        engine.dispose()


def test_a_sqlite_database_an_older_relay_used_is_copied_as_it_was_before_the_upgrade(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "relay.db"
    url = f"sqlite:///{path}"
    migrate(url, "upgrade", "0011")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO kv (key, value) VALUES ('client_token', 'held-by-desktops')"))
    engine.dispose()

    with caplog.at_level("INFO", logger="relay.storage.schema"):
        Store(url).close()

    assert stored_revisions(url) == [HEAD]
    copies = list((tmp_path / "backups").iterdir())
    assert [c.name.startswith("relay-0011-") and c.suffix == ".db" for c in copies] == [True]
    # The copy is the database the older relay left: its revision, its rows, openable by that relay.
    assert stored_revisions(f"sqlite:///{copies[0]}") == ["0011"]
    assert kv_rows(copies[0]) == {"client_token": "held-by-desktops"}
    assert f"database upgraded: from=0011 to={HEAD} copy_from_before={copies[0]}" in caplog.text

    Store(url).close()  # up to date: nothing more is copied
    assert len(list((tmp_path / "backups").iterdir())) == 1


def test_a_new_or_up_to_date_sqlite_database_is_not_copied(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'relay.db'}"
    Store(url).close()
    Store(url).close()
    assert not (tmp_path / "backups").exists()


def test_no_room_for_the_copy_refuses_the_upgrade_and_leaves_the_database_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "relay.db"
    url = f"sqlite:///{path}"
    migrate(url, "upgrade", "0011")
    # A disk with less free than the copy needs: the headroom asked beside it is more than any disk has.
    monkeypatch.setattr("relay.storage.schema.COPY_HEADROOM", 1 << 60)

    with pytest.raises(SchemaRefused, match=r"no room to copy the database before upgrading it from 0011"):
        Store(url)

    assert stored_revisions(url) == ["0011"]
    assert list((tmp_path / "backups").iterdir()) == []


def test_serve_names_the_copy_and_an_older_relay_can_start_on_it(tmp_path: Path, graph: FakeGraph) -> None:
    path = tmp_path / "relay.db"
    migrate(f"sqlite:///{path}", "upgrade", "0011")
    env = relay_env(f"sqlite:///{path}", graph.url)
    with serve_process(tmp_path / "serve.log", free_port(), env) as served:
        pass
    (copy,) = (tmp_path / "backups").iterdir()
    assert f"database copied before its upgrade: from=0011 copy={copy}" in served.log()
    # Going back: the copy is a whole database at the older revision, not a half-written file.
    engine = create_engine(f"sqlite:///{copy}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
    engine.dispose()


def insert_events(url: str, rows: list[dict[str, Any]]) -> None:
    """Events as an older relay stored them (kind, at, at_ms, pnid, key, payload), for a migration to fill from."""
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO event (kind, at, at_ms, phone_number_id, dedupe_key, payload)"
                    " VALUES (:kind, :at, :at_ms, :pnid, :key, :payload)"
                ),
                rows,
            )
    finally:
        engine.dispose()


def test_customers_stored_before_windows_per_number_get_their_other_number_from_the_events(url: str) -> None:
    """Revision 0013 fills each customer's newest message to the shop's other number from the stored
    `message` events, so a relay upgraded mid-day judges today's windows per number at once."""
    migrate(url, "upgrade", "0012")
    now = int(time.time())
    first, second = "106540352242922", "106540352242933"

    def message(sender: str, number: str, ago: int, kind: str = "text") -> dict[str, Any]:
        wamid = f"wamid.OLD{sender}{number}{ago}"
        payload = {"message": {"from": sender, "id": wamid, "timestamp": str(now - ago), "type": kind}}
        at_ms = (now - ago) * 1000
        return {
            "kind": "message",
            "at": "x",
            "at_ms": at_ms,
            "pnid": number,
            "key": f"m:{wamid}",
            "payload": json.dumps(payload),
        }

    rows = [
        message("821000000001", first, 3600 * 5),  # wrote to both: the first five hours ago …
        message("821000000001", second, 3600),  # … the second an hour ago (her row's number)
        message("821000000002", second, 600),  # wrote to the second only
        message("821000000003", second, 300),
        message("821000000003", first, 200, kind="reaction"),  # a reaction is not writing in
    ]
    insert_events(url, rows)
    engine = create_engine(url)
    with engine.begin() as conn:
        for wa_id, ago in (("821000000001", 3600), ("821000000002", 600), ("821000000003", 300)):
            conn.execute(
                text(
                    "INSERT INTO contact_state (wa_id, phone_number_id, last_inbound_ms, known)"
                    " VALUES (:wa_id, :number, :ms, false)"
                ),
                {"wa_id": wa_id, "number": second, "ms": (now - ago) * 1000},
            )
    engine.dispose()

    store = Store(url)
    try:
        found = {w: store.contacts.get(w) for w in ("821000000001", "821000000002", "821000000003")}
    finally:
        store.close()
    assert {w: (c.other_number_id, c.other_inbound_at) for w, c in found.items() if c} == {
        "821000000001": (first, datetime.fromtimestamp(now - 3600 * 5, UTC)),
        "821000000002": (None, None),
        "821000000003": (None, None),
    }
    columns = columns_down_from_head(url, "0012", "contact_state")
    assert "other_number_id" not in columns and "last_inbound_ms" in columns


def test_what_each_number_sent_before_the_upgrade_is_filled_from_the_outbound_events(url: str) -> None:
    """Revision 0014 fills each (customer, number)'s last message and away message from the stored
    `outbound` events: a relay upgraded at night does not tell a customer twice that a branch is away."""
    migrate(url, "upgrade", "0013")
    now_ms = int(time.time() * 1000)
    first, second, customer = "106540352242922", "106540352242933", "821000000001"

    def outbound(number: str, ago_ms: int, sent_by: str, wamid: str | None) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "client_id": None,
            "wamid": wamid,
            "to": customer,
            "sent_by": sent_by,
            "body": {},
        }
        key = f"m:{wamid}" if wamid else None
        at_ms = now_ms - ago_ms
        return {
            "kind": "outbound",
            "at": "x",
            "at_ms": at_ms,
            "pnid": number,
            "key": key,
            "payload": json.dumps(payload),
        }

    rows = [
        outbound(second, 7_200_000, "away", "wamid.AWAY2"),  # Hongdae told her it is away …
        outbound(second, 3_600_000, "phone_app", "wamid.ECHO2"),  # … and answered from its phone
        outbound(second, 60_000, "owner", None),  # a send whose fate is unknown counts for nothing
        outbound(first, 600_000, "greeting", "wamid.GREET1"),
    ]
    insert_events(url, rows)

    store = Store(url)
    try:
        found = {number: store.number_replies.get(customer, number) for number in (first, second)}
    finally:
        store.close()

    def at(ago_ms: int) -> datetime:
        return datetime.fromtimestamp((now_ms - ago_ms) / 1000, UTC)

    assert {n: (r.last_outbound_at, r.last_away_sent_at) for n, r in found.items()} == {
        first: (at(600_000), None),
        second: (at(3_600_000), at(7_200_000)),
    }
    migrate(url, "downgrade", "0013")
    engine = create_engine(url)
    try:
        assert not inspect(engine).has_table("number_reply")
    finally:
        engine.dispose()


def test_phone_app_answers_kept_from_before_the_upgrade_count_in_their_numbers_chat(url: str) -> None:
    """Revision 0015: a relay at 0014 wrote `number_reply` for its own sends only. Its kept echoes of
    the branch phones' answers fill it on upgrade (WhatsApp's time), never moving a later time back;
    a downgrade leaves the rows for 0014 to read and puts 0014's intake back."""
    migrate(url, "upgrade", "0014")
    now_s = int(time.time())
    first, second, customer, other = "106540352242922", "106540352242933", "821000000001", "821000000002"

    def echo(number: str, to: str, ago_s: int) -> dict[str, Any]:
        wamid = f"wamid.ECHO{number}{to}{ago_s}"
        body = {"from": "15550783882", "to": to, "id": wamid, "timestamp": str(now_s - ago_s), "type": "text"}
        payload = {"client_id": None, "wamid": wamid, "to": to, "sent_by": "phone_app", "body": body}
        return {
            "kind": "outbound",
            "at": "x",
            "at_ms": (now_s - ago_s + 5) * 1000,  # received a few seconds after it was sent
            "pnid": number,
            "key": f"m:{wamid}",
            "payload": json.dumps(payload),
        }

    insert_events(url, [echo(second, customer, 3600), echo(second, customer, 600), echo(first, other, 60)])
    engine = create_engine(url)
    with engine.begin() as conn:  # what 0014's relay wrote since: the first number's newer own send
        conn.execute(
            text("INSERT INTO number_reply (wa_id, phone_number_id, last_outbound_ms) VALUES (:w, :n, :ms)"),
            {"w": other, "n": first, "ms": now_s * 1000},
        )
    engine.dispose()

    store = Store(url)
    try:
        replied = {
            (customer, second): store.number_replies.get(customer, second).last_outbound_at,
            (other, first): store.number_replies.get(other, first).last_outbound_at,
            (customer, first): store.number_replies.get(customer, first).last_outbound_at,
        }
    finally:
        store.close()
    assert replied == {
        (customer, second): datetime.fromtimestamp(now_s - 600, UTC),
        (other, first): datetime.fromtimestamp(now_s, UTC),
        (customer, first): None,
    }
    assert "last_outbound_ms" in columns_down_from_head(url, "0014", "number_reply")
    migrate(url, "upgrade", "head")
    assert stored_revisions(url) == [HEAD]


def test_bot_states_kept_before_chats_per_number_go_to_the_chat_their_pause_was_made_in(url: str) -> None:
    """Revision 0016 keys the bot's state by (customer, number). A pause goes to the number its
    hand-off event names; a state with no pause (or whose hand-off is no longer kept) to every number
    she talked to, as it stood for all of them; a customer of no known number keeps hers for any."""
    migrate(url, "upgrade", "0015")
    first, second = "106540352242922", "106540352242933"
    paused, menu, unknown = "821000000001", "821000000002", "821000000003"
    until_ms = int(time.time() * 1000) + 3_600_000
    handoff = {
        "contact": {"wa_id": paused},
        "bot_paused_until": "2030-01-01T00:00:00Z",
        "handoff_reason": "keyword",
    }
    insert_events(
        url,
        [
            {
                "kind": "contact",
                "at": "x",
                "at_ms": 1,
                "pnid": second,
                "key": None,
                "payload": json.dumps(handoff),
            }
        ],
    )
    engine = create_engine(url)
    with engine.begin() as conn:
        for wa_id in (paused, menu):
            conn.execute(
                text(
                    "INSERT INTO contact_state (wa_id, phone_number_id, other_number_id, known)"
                    " VALUES (:wa_id, :first, :second, false)"
                ),
                {"wa_id": wa_id, "first": first, "second": second},
            )
        rows: list[dict[str, Any]] = [
            {"w": paused, "until": until_ms, "reason": "keyword", "menu": None},
            {"w": menu, "until": None, "reason": None, "menu": "returns"},
            {"w": unknown, "until": None, "reason": None, "menu": "root"},
        ]
        conn.execute(
            text(
                "INSERT INTO bot_state (wa_id, paused_until_ms, handoff_reason, menu_shown)"
                " VALUES (:w, :until, :reason, :menu)"
            ),
            rows,
        )
    engine.dispose()

    store = Store(url)
    try:
        found = {
            (w, n): (s.paused_until is not None, s.menu_shown)
            for w in (paused, menu, unknown)
            for n in (first, second)
            for s in [store.bots.get(w, n)]
        }
    finally:
        store.close()
    assert found == {
        (paused, first): (False, None),
        (paused, second): (True, None),
        (menu, first): (False, "returns"),
        (menu, second): (False, "returns"),
        (unknown, first): (False, "root"),
        (unknown, second): (False, "root"),
    }
    migrate(url, "downgrade", "0015")
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            back = conn.execute(
                text("SELECT wa_id, paused_until_ms, menu_shown FROM bot_state ORDER BY wa_id")
            )
            assert [tuple(r) for r in back] == [
                (paused, until_ms, None),
                (menu, None, "returns"),
                (unknown, None, "root"),
            ]
    finally:
        engine.dispose()
    migrate(url, "upgrade", "head")
    assert stored_revisions(url) == [HEAD]
