"""The relay's own migration on a disk that fills on the way: the database stays whole at its old
revision, `serve` says so in one line, and the next start, once there is room, upgrades and serves it.

A real disk: a small tmpfs in a mount namespace of the test's own (tests/support/full_disk.py; the
test skips where it cannot mount one). Its `backups` folder is a second, roomy tmpfs, as an operator
may mount it: the copy made before the upgrade fits, and the upgrade itself meets the full disk.
"""

from __future__ import annotations

import json
import re
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text

from relay.storage.schema import HEAD, MIGRATIONS_DIR
from tests.support.full_disk import run_on_a_small_disk
from tests.support.servers import free_port

OLD = "0001"
TOKEN = "token-the-shops-desktops-hold"
WAMID = "wamid.BEFORE-THE-UPGRADE"

# Run in the namespace: argv[1] the small disk (its relay.db at OLD), argv[2] a free port.
DRIVER = """
import os, sqlite3, sys
from tests.support.full_disk import fill_leaving, print_what_it_said
from tests.support.relay_process import first_event_served

disk, port = sys.argv[1], sys.argv[2]
database = f"{disk}/relay.db"
# The room asked for the upgrade's own writes made smaller than what is left beside the database
# (512 KB), so the upgrade starts, and meets the full disk on its way.
relay = "import sys, relay.storage.schema as s; s.COPY_HEADROOM = 64 * 1024; from relay.cli import main; sys.exit(main())"
serve = [sys.executable, "-c", relay, "serve", "--host", "127.0.0.1", "--port", port,
         "--upstream", "sandbox", "--database", f"sqlite:///{database}"]
env = {k: v for k, v in os.environ.items() if not k.startswith(("RELAY_", "WHATSAPP_"))}

def as_stored():
    db = sqlite3.connect(database)
    try:
        print("integrity:", db.execute("PRAGMA integrity_check").fetchone()[0])
        print("revision:", db.execute("SELECT version_num FROM relay_schema_version").fetchone()[0])
        print("token kept:", db.execute("SELECT value FROM kv WHERE key = 'client_token'").fetchone()[0])
    finally:
        db.close()

# Room to open the database, not for what the upgrade writes: its new tables, filled from the events.
fill_leaving(disk, 512 * 1024)
print_what_it_said(serve, env)
as_stored()

os.remove(f"{disk}/photos")
print("first event served:", first_event_served(serve, env, port, TOKEN))
as_stored()
"""


# Revision 0014 fills a row per customer the shop wrote to from these: more than the disk has room for.
CUSTOMERS_WRITTEN_TO = 20_000


def an_empty_database_at_old(url: str) -> None:
    """A database a relay at revision OLD made, nothing in it yet (SQLite or PostgreSQL)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, OLD)
    finally:
        engine.dispose()


def an_older_relays_database(url: str, customers: int = CUSTOMERS_WRITTEN_TO) -> None:
    """A database a relay at revision OLD left: the shop's desktops' token, a customer's message, and
    the shop's answers to many customers."""
    now = int(time.time() * 1000)  # kept: within the retention period
    at = datetime.fromtimestamp(now / 1000, UTC).isoformat()
    an_empty_database_at_old(url)
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(
                text("INSERT INTO kv (key, value) VALUES ('client_token', :token)"), {"token": TOKEN}
            )
            message = {
                "message": {
                    "from": "821012345678",
                    "id": WAMID,
                    "timestamp": str(now // 1000),
                    "type": "text",
                }
            }
            conn.execute(
                text(
                    "INSERT INTO event (kind, at, at_ms, phone_number_id, dedupe_key, payload) VALUES"
                    " ('message', :at, :at_ms, '100000000000001', :key, :payload)"
                ),
                {"at": at, "at_ms": now, "key": f"m:{WAMID}", "payload": json.dumps(message)},
            )
            conn.execute(
                text(
                    "INSERT INTO event (kind, at, at_ms, phone_number_id, payload) VALUES"
                    " ('outbound', :at, :at_ms, '100000000000001', :payload)"
                ),
                [
                    {
                        "at": at,
                        "at_ms": now,
                        "payload": json.dumps(
                            {"wamid": f"wamid.OUT{n}", "to": f"8210{n:08d}", "sent_by": "owner"}
                        ),
                    }
                    for n in range(customers)
                ],
            )
    finally:
        engine.dispose()


def test_a_disk_that_fills_during_the_upgrade_leaves_the_database_as_it_was_and_the_next_start_upgrades_it(
    tmp_path: Path,
) -> None:
    old = tmp_path / "relay.db"
    an_older_relays_database(f"sqlite:///{old}")
    driver = tmp_path / "driver.py"
    driver.write_text(f"TOKEN = {TOKEN!r}\n{DRIVER}", encoding="utf-8")
    disk = tmp_path / "disk"
    room_for_the_copy = f"mkdir {disk}/backups && mount -t tmpfs -o size=64m tmpfs {disk}/backups"
    out = run_on_a_small_disk(
        disk,
        "8m",
        f"cp {old} {disk}/relay.db && {room_for_the_copy} && {sys.executable} {driver} {disk} {free_port()}",
        env={},
    )
    said = [line for line in out.splitlines() if line.startswith("said:")]
    assert len(said) == 1, out  # one line, no traceback
    assert said[0].startswith(f"said: shop-inbox-relay serve: the disk holding {disk} is full ("), out
    assert said[0].endswith(
        f" free): upgrading the database {disk}/relay.db to {HEAD} ran out of room and was undone: it is as "
        f"it was, at revision {OLD}; free some space there and start again"
    ), out
    assert "exit: 2" in out, out
    assert out.count("integrity: ok") == 2, out
    revisions = [line for line in out.splitlines() if line.startswith("revision:")]
    assert revisions == [f"revision: {OLD}", f"revision: {HEAD}"], out
    assert out.count(f"token kept: {TOKEN}") == 2, out  # the desktops connect as before
    assert f"first event served: {WAMID}" in out, out  # nothing lost: what it kept is served


def test_a_new_database_on_a_full_disk_is_said_in_one_line_and_made_once_there_is_room(
    tmp_path: Path,
) -> None:
    disk = tmp_path / "disk"
    database = f"sqlite:///{disk}/relay.db"
    serve = (
        f"{sys.executable} -m relay.cli serve --port {free_port()} --upstream sandbox --database {database}"
    )
    made = f"{sys.executable} -c 'import sys; from relay.store import Store; Store(sys.argv[1]).close(); print(\"made\")'"
    full = f"dd if=/dev/zero of={disk}/photos bs=64k 2>/dev/null; {serve}; echo exit: $?"
    out = run_on_a_small_disk(disk, "1m", f"{full}; rm {disk}/photos; {made} {database}", env={})
    assert (
        f"shop-inbox-relay serve: the disk holding {disk} is full (0 KB free): a new database could not be "
        f"made at {disk}/relay.db; free some space there and start again"
    ) in out.splitlines(), out
    assert "exit: 2" in out and "Traceback" not in out, out
    assert "made" in out.splitlines(), out  # the empty file the failed start left is no obstacle


def test_serve_check_and_token_on_a_full_disk_say_the_disk_is_full_not_a_url_to_fix(tmp_path: Path) -> None:
    """An up-to-date database: SQLite cannot make the WAL's index beside it ("disk I/O error"), which
    read as a wrong --database."""
    from relay.store import Store

    Store(f"sqlite:///{tmp_path / 'relay.db'}").close()
    disk = tmp_path / "disk"
    database = f"--database sqlite:///{disk}/relay.db"
    commands = [
        f"serve --port {free_port()} --upstream sandbox {database}",
        f"check {database}",
        f"token {database}",
    ]
    runs = "; ".join(f"{sys.executable} -m relay.cli {command}" for command in commands)
    fill = f"cp {tmp_path}/relay.db {disk}/relay.db && dd if=/dev/zero of={disk}/photos bs=64k 2>/dev/null"
    out = run_on_a_small_disk(disk, "1m", f"{fill}; {runs}", env={})
    said = [line for line in out.splitlines() if not line.startswith("time=")]
    assert said == [
        f"shop-inbox-relay {command}: cannot open the database {disk}/relay.db: the disk holding {disk} is "
        f"full (0 KB free); free some space there and {again}"
        for command, again in (("serve", "start again"), ("check", "run it again"), ("token", "run it again"))
    ], out


def test_an_upgrade_with_its_backups_on_a_disk_of_their_own_looks_for_room_on_both_disks(
    tmp_path: Path,
) -> None:
    """The copy made before the upgrade goes to `backups`, the upgrade's own writes beside the
    database: with `backups` mounted on a roomy disk of its own, the database's full disk went
    unseen until the upgrade met it. Each disk is looked at now, each command's one line naming the
    one that is short (or both) and ending as that command's lines do; the database is left as it was."""
    an_empty_database_at_old(f"sqlite:///{tmp_path / 'relay.db'}")
    disk = tmp_path / "disk"
    database = f"--database sqlite:///{disk}/relay.db"
    commands = {
        "serve": f"serve --port {free_port()} --upstream sandbox {database}",
        "check": f"check {database}",
        "token": f"token {database}",
    }
    roomy_backups = f"mkdir {disk}/backups && mount -t tmpfs -o size=64m tmpfs {disk}/backups"
    # 2 MB left beside the database: less than the 16 MB its upgrade may write.
    fill = f"dd if=/dev/zero of={disk}/photos bs=1M count=$(( $(stat -f -c '%a * %S / 1048576' {disk}) - 2 ))"
    full_backups = f"umount {disk}/backups && mount -t tmpfs -o size=1m tmpfs {disk}/backups"
    full_backups += f" && dd if=/dev/zero of={disk}/backups/photos bs=64k"
    revision = f"{sys.executable} -c \"import sqlite3; print('revision:', sqlite3.connect('{disk}/relay.db')"
    revision += ".execute('SELECT version_num FROM relay_schema_version').fetchone()[0])\""
    run = [f"cp {tmp_path}/relay.db {disk}/relay.db && {roomy_backups} && {fill} 2>/dev/null"]
    run += [f"{sys.executable} -m relay.cli {command}" for command in commands.values()]
    run += [f"{full_backups} 2>/dev/null", f"{sys.executable} -m relay.cli {commands['check']}", revision]
    out = run_on_a_small_disk(disk, "8m", "; ".join(run), env={})

    said = [
        re.sub(r"\d+ (MB|KB) free", "N free", line) for line in out.splitlines() if line.startswith("shop")
    ]
    assert len(said) == 4 and "Traceback" not in out, out
    for line, (name, again) in zip(
        said[:3],
        [("serve", "start again"), ("check", "run it again"), ("token", "run it again")],
        strict=True,
    ):
        assert line == (
            f"shop-inbox-relay {name}: no room to upgrade the database from {OLD} to {HEAD}: N free in "
            f"{disk}, about 16 MB needed for the upgrade; nothing was changed: free some space there and {again}"
        ), out
    assert said[3].startswith(
        f"shop-inbox-relay check: no room to upgrade the database from {OLD} to {HEAD}: N free in "
        f"{disk}/backups, about "
    ), out
    assert said[3].endswith(
        f" KB needed for the copy and N free in {disk}, about 16 MB needed for the upgrade; nothing was "
        "changed: free some space on both disks and run it again"
    ), out
    assert f"revision: {OLD}" in out.splitlines(), out  # as it was
