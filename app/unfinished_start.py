"""A database left by a first start cut short (version 0, some tables): checked to be empty, then cleared."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.schema_sql import is_fts_object

if TYPE_CHECKING:
    from sqlalchemy import Connection

log = logging.getLogger(__name__)

# Tables that hold no owner data even when they have rows: Alembic's bookkeeping, SQLite's own.
_BOOKKEEPING = frozenset({"alembic_version", "sqlite_sequence", "sqlite_stat1", "sqlite_stat4"})


Query = Callable[[str], Sequence[Sequence[Any]]]


def refuse_unversioned_data(path: Path) -> None:
    """Raise UnversionedDatabaseHoldsData if the version-0 file at `path` holds data; reads only.

    Checked before the migration opens the file for writing, which would switch a stranger's
    database to WAL: a file that is not ours must come out of this byte for byte as it went in.
    """
    # Not mode=ro: see stored_schema_version (a hot journal needs a connection that may write).
    con = sqlite3.connect(f"file:{path}?mode=rw", uri=True)
    try:
        leftover_tables(lambda sql: con.execute(sql).fetchall(), path)
    finally:
        con.close()


def leftover_tables(query: Query, path: Path) -> list[str]:
    """The tables an unfinished first start left, all of them empty; raises if any holds data."""
    from app.models import DEFAULT_LABELS, Base

    tables = [str(name) for (name,) in query("SELECT name FROM sqlite_master WHERE type = 'table'")]
    ours = set(Base.metadata.tables) | _BOOKKEEPING
    strangers = sorted(t for t in tables if t not in ours and not is_fts_object(t))
    if strangers:
        from app.errors import UnversionedDatabaseHoldsData  # only when it fails: see app/db.py

        raise UnversionedDatabaseHoldsData(path, strangers)
    holding = []
    for table in tables:
        if table in _BOOKKEEPING or is_fts_object(table):
            continue
        if table == "label":
            if all(tuple(row) in DEFAULT_LABELS for row in query("SELECT name, colour FROM label")):
                continue
            holding.append(table)
        elif query(f'SELECT 1 FROM "{table}" LIMIT 1'):
            holding.append(table)
    if holding:
        from app.errors import UnversionedDatabaseHoldsData  # only when it fails: see app/db.py

        raise UnversionedDatabaseHoldsData(path, sorted(holding))
    return tables


def clear_unfinished_first_start(connection: Connection, path: Path) -> None:
    """Drop what an unfinished first migration left in a version-0 database, inside the caller's transaction.

    Builds before migrations ran in one transaction committed each CREATE TABLE alone, so a kill during
    the first start left `user_version = 0` next to some tables, and every later start failed. Such a
    file holds nothing of the owner's yet; anything else at version 0 is refused, never deleted.
    """
    tables = leftover_tables(lambda sql: connection.exec_driver_sql(sql).fetchall(), path)
    if not tables:
        return
    log.warning(
        "%s holds %d empty tables from a first start that was cut short: building it again",
        path.name,
        len(tables),
    )
    for kind, name in connection.exec_driver_sql(
        "SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view')"
    ).fetchall():
        connection.exec_driver_sql(f'DROP {kind.upper()} IF EXISTS "{name}"')
    # Virtual tables first: dropping one drops its shadow tables with it.
    virtual = {
        name
        for (name,) in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'"
        )
    }
    for name in sorted(virtual):
        connection.exec_driver_sql(f'DROP TABLE IF EXISTS "{name}"')
    remaining = connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    for (name,) in remaining:
        connection.exec_driver_sql(f'DROP TABLE "{name}"')
    if "sqlite_sequence" in tables:
        connection.exec_driver_sql("DELETE FROM sqlite_sequence")


def nothing_set_up_in(path: Path) -> bool:
    """Whether the inbox file at `path` holds nothing of a shop yet, so a start that failed there
    lost nothing: no file (or an empty one), one a first start cut short left (no version mark, its
    tables empty), or one whose first setup was never finished and that holds no chats. Read as a
    file nothing changes, which needs no room beside it (a full disk has none); False when it cannot
    be told, or when a WAL beside it may hold what the file does not yet."""
    from app.db import immutable_uri
    from app.errors import UnversionedDatabaseHoldsData
    from app.first_page import PREFERENCES_KEY

    wal = path.with_name(path.name + "-wal")
    try:
        if not path.exists() or path.stat().st_size == 0:
            return True
        if wal.exists() and wal.stat().st_size > 0:
            return False
        con = sqlite3.connect(immutable_uri(path), uri=True)
    except (OSError, sqlite3.Error):
        return False
    try:
        if int(con.execute("PRAGMA user_version").fetchone()[0]) == 0:
            leftover_tables(lambda sql: con.execute(sql).fetchall(), path)  # raises if one holds data
            return True
        row = con.execute("SELECT value FROM setting WHERE key = ?", (PREFERENCES_KEY,)).fetchone()
        prefs = json.loads(row[0]) if row else {}
        if prefs.get("setup_done") or prefs.get("relay_url"):
            return False
        return con.execute("SELECT 1 FROM contact LIMIT 1").fetchone() is None
    except (sqlite3.Error, ValueError, UnversionedDatabaseHoldsData):
        return False
    finally:
        con.close()


def said_as_a_first_start(exc: Exception, path: Path) -> Exception:
    """A start that failed for want of room where nothing of a shop was kept yet (`nothing_set_up_in`
    the inbox file at `path`): NoRoomToSetUp, which says nothing was set up and nothing lost, never
    that the inbox could not be updated or that the chats are safe. Any other failure: `exc`."""
    from app.db import is_disk_full
    from app.errors import NoRoomToSetUp

    if isinstance(exc, NoRoomToSetUp) or not is_disk_full(exc) or not nothing_set_up_in(path):
        return exc
    first_start = NoRoomToSetUp(path.parent, str(exc))
    first_start.__cause__ = exc
    return first_start
