"""Dropping a PostgreSQL database under whatever sessions hold it, an autovacuum worker's included
(which a role that is no superuser may not end): the tests' and the benchmarks' scratch databases."""

from __future__ import annotations

import threading
import time

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

# 42501 insufficient_privilege: DROP DATABASE … WITH (FORCE) met a session it may not end. On
# PostgreSQL before 18 an autovacuum worker is one (its PGPROC has no role, so only a member of
# pg_signal_backend, which .ci/run grants, may end it): autovacuum visits a database just filled
# (a pg_restore, a relay's writes, a benchmark's webhooks) within a minute, and stays a fraction of a
# second on a few rows, longer on a benchmark's.
CANNOT_END_SESSION = "42501"
DROP_PATIENCE = 30.0  # seconds: an autovacuum round on a test's few rows takes well under one


def drop_database(admin: Engine, name: str, *, patience: float = DROP_PATIENCE) -> None:
    """Drop `name` (if it exists) under whatever sessions hold it, `admin` being an AUTOCOMMIT engine
    on another database of the server. A session our role cannot end (an autovacuum worker) is waited
    out, and the drop tried again; one that outstays `patience` seconds raises the server's refusal."""
    ticker = threading.Event()
    deadline = time.monotonic() + patience
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
