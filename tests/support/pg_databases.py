"""Databases the relay's tests make on RELAY_TEST_PG_URL's server, and their dropping at the end, even
while an autovacuum worker is in one (relay/storage/database_drop.py), or by the next run."""

from __future__ import annotations

import os
import re
import warnings

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from relay.storage.database_drop import drop_database

# Every test database is named relay_test_…_<pid of the test process that made it>.
TEST_DATABASE = re.compile(r"relay_test_(?:[a-z0-9]+_)*?(\d+)")


def drop_test_database(admin: Engine, name: str) -> None:
    """A test's database dropped at its end; one that cannot be (a session of another role still
    in it) is left for the next run's sweep (`drop_left_behind`), with a warning naming it."""
    try:
        drop_database(admin, name)
    except DBAPIError as exc:
        warnings.warn(f"test database {name} left behind: {exc.orig}", stacklevel=2)


def drop_left_behind(url: str) -> list[str]:
    """Drop the test databases on the server whose test process is gone (a run killed, or one whose
    drop was refused): their names end in its pid. A live run's are kept (the server is on loopback,
    as every test's: its runs are this machine's processes). Returns the names dropped."""
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            names = conn.execute(
                text("SELECT datname FROM pg_database WHERE datname LIKE 'relay\\_test\\_%'")
            ).scalars()
            stale = [name for name in names if _process_gone(name)]
        for name in stale:
            drop_test_database(admin, name)
        return stale
    finally:
        admin.dispose()


def _process_gone(name: str) -> bool:
    found = TEST_DATABASE.fullmatch(name)
    if found is None:
        return False  # not one of ours
    try:
        os.kill(int(found.group(1)), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # another user's process: alive
    return False
