"""The relay's migration on PostgreSQL whose disk fills on the way (SQLSTATE 53100): `serve` says so
in one line and exits 2, the database stays at its old revision, and once there is room the next
start upgrades it and serves what it kept.

A real PostgreSQL server of the test's own (initdb, pg_ctl, as the `postgres` user), its data
directory on a small tmpfs in a mount namespace of the test's own (tests/support/full_disk.py), its
write-ahead log on a second, roomy one: PostgreSQL stops whole (PANIC) when it cannot write its WAL,
while a table or index that cannot grow fails its transaction with disk_full, which is what an
operator's full data disk does to an upgrade. Skipped where it cannot run (no root, no unshare, no
PostgreSQL server programs).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from relay.storage.schema import HEAD
from tests.relay.test_migration_disk_full import OLD, WAMID
from tests.support.full_disk import run_on_a_small_disk
from tests.support.servers import free_port

pytestmark = pytest.mark.slow

# Run in the namespace: argv[1] the small disk, argv[2] the roomy one, argv[3] PostgreSQL's
# programs, argv[4] the server's port, argv[5] the relay's.
DRIVER = """
import os, shlex, subprocess, sys
from sqlalchemy import create_engine, text
from tests.relay.test_migration_disk_full import TOKEN, an_older_relays_database
from tests.support.full_disk import fill_leaving, print_what_it_said
from tests.support.relay_process import first_event_served

disk, roomy, bindir, pg_port, port = sys.argv[1:6]
data, wal = f"{disk}/pg", f"{roomy}/pg_wal"
server = f"postgresql+psycopg://postgres@127.0.0.1:{pg_port}"
url = f"{server}/relay"

def as_postgres(*command):
    subprocess.run(["su", "postgres", "-s", "/bin/sh", "-c", shlex.join(command)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)

def revision():
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM relay_schema_version")).scalar_one()
    finally:
        engine.dispose()

relay = [sys.executable, "-m", "relay.cli", "serve", "--host", "127.0.0.1", "--port", port,
         "--upstream", "sandbox", "--database", url]
env = {k: v for k, v in os.environ.items() if not k.startswith(("RELAY_", "WHATSAPP_"))}
subprocess.run(["chown", "postgres:postgres", disk, roomy], check=True)
as_postgres(f"{bindir}/initdb", "-D", data, "--waldir", wal, "-U", "postgres", "--auth=trust",
            "-E", "UTF8", "--locale=C.UTF-8", "--no-sync", "--wal-segsize=1")
options = (f"-p {pg_port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off "
           "-c max_wal_size=64MB -c min_wal_size=4MB")
as_postgres(f"{bindir}/pg_ctl", "-D", data, "-l", f"{roomy}/server.log", "-w", "-o", options, "start")
try:
    admin = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("CREATE DATABASE relay"))
    admin.dispose()
    an_older_relays_database(url)
    # Room for what the database holds and a little more, not for what its upgrade writes.
    fill_leaving(disk, 256 * 1024)
    print_what_it_said(relay, env)
    print("revision:", revision())

    os.remove(f"{disk}/photos")
    print("first event served:", first_event_served(relay, env, port, TOKEN))
    print("revision:", revision())
finally:
    as_postgres(f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop")
"""


def postgresql_programs() -> Path | None:
    """The newest PostgreSQL server's programs (Debian's /usr/lib/postgresql/N/bin), or None."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    return found[-1].parent if found else None


@pytest.fixture
def reachable_folder() -> Iterator[Path]:
    """A folder the `postgres` user may enter (pytest's own under /tmp are the running user's only)."""
    folder = Path(tempfile.mkdtemp(prefix="relay-pg-disk-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_a_postgresql_disk_that_fills_during_the_upgrade_leaves_the_old_revision_and_the_next_start_serves(
    reachable_folder: Path,
) -> None:
    bindir = postgresql_programs()
    if bindir is None:
        pytest.skip("needs PostgreSQL's server programs (/usr/lib/postgresql/N/bin/initdb)")
    if shutil.which("su") is None:
        pytest.skip("needs su to run PostgreSQL as the postgres user")
    disk, roomy = reachable_folder / "disk", reachable_folder / "roomy"
    roomy.mkdir()
    driver = reachable_folder / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    run = f"mount -t tmpfs -o size=256m tmpfs {roomy} && {sys.executable} {driver}"
    out = run_on_a_small_disk(
        disk, "48m", f"{run} {disk} {roomy} {bindir} {free_port()} {free_port()}", env={}
    )
    said = [line for line in out.splitlines() if line.startswith("said:")]
    assert said == [
        "said: shop-inbox-relay serve: the PostgreSQL server's disk is full: upgrading the relay's database "
        f"to {HEAD} ran out of room and was undone: it is as it was, at revision {OLD}; free some space on "
        "the server and start again"
    ], out
    assert "exit: 2" in out and "Traceback" not in out, out
    revisions = [line for line in out.splitlines() if line.startswith("revision:")]
    assert revisions == [f"revision: {OLD}", f"revision: {HEAD}"], out
    assert f"first event served: {WAMID}" in out, out  # nothing lost: what it kept is served
