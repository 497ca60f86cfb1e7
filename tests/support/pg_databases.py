"""Databases the relay's tests make on RELAY_TEST_PG_URL's server, and their dropping at the end, even
while an autovacuum worker is in one (which our non-superuser role may not end)."""

from __future__ import annotations

import os
import re
import threading
import time
import warnings

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

# Every test database is named relay_test_…_<pid of the test process that made it>.
TEST_DATABASE = re.compile(r"relay_test_(?:[a-z0-9]+_)*?(\d+)")
# 42501 insufficient_privilege: DROP DATABASE … WITH (FORCE) met a session it may not end. On
# PostgreSQL before 18 an autovacuum worker is one (its PGPROC has no role, so only a member of
# pg_signal_backend, which .ci/run grants, may end it): autovacuum visits a database just filled
# (a pg_restore, a relay's writes) within a minute, and stays a fraction of a second on a test's.
CANNOT_END_SESSION = "42501"
DROP_PATIENCE = 30.0  # seconds: an autovacuum round on a test's few rows takes well under one


def drop_database(admin: Engine, name: str) -> None:
    """Drop `name` (if it exists) under whatever sessions hold it. A session our role cannot end
    (an autovacuum worker) is waited out, and the drop tried again; one that outstays
    DROP_PATIENCE raises the server's refusal."""
    ticker = threading.Event()
    deadline = time.monotonic() + DROP_PATIENCE
    while True:
        try:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            return
        except DBAPIError as exc:
            held = getattr(exc.orig, "sqlstate", None) == CANNOT_END_SESSION
            if not held or time.monotonic() > deadline:
                raise
        ticker.wait(0.1)


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
