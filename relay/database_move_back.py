"""`shop-inbox-relay move-database --to sqlite:///…` on a PostgreSQL relay: its database copied,
whole, into a new SQLite file (relay/database_move.py moves the other way)."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, create_engine, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import ArgumentError, DBAPIError

from relay.command_settings import shown, sqlite_file
from relay.database_move import (
    BATCH,
    MoveCode,
    MoveRefused,
    MoveReport,
    TableCopied,
    _known_revision,
    _postgresql_failure,
    _serial_columns,
    _verify,
)
from relay.storage.encoding import not_utf8_reason
from relay.storage.schema import HEAD, VERSION_TABLE, stored_revision
from relay.storage.tables import metadata
from relay.wakeups import CHANNEL, SERVING_LOCK

# Sessions on the source database that are a relay serving it: each worker holds SERVING_LOCK
# (shared) on its wake-up connection from its start to its stop (relay/wakeups.py), and a relay from
# before that lock shows as a session whose last statement was its LISTEN (visible to the same role).
_SERVING = text(
    "SELECT pid FROM pg_locks WHERE locktype = 'advisory'"
    f" AND classid = {SERVING_LOCK[0]} AND objid = {SERVING_LOCK[1]} AND objsubid = 2"
    " AND pid <> pg_backend_pid()"
    " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
    " UNION SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
    f" AND pid <> pg_backend_pid() AND query = 'LISTEN {CHANNEL}'"
)
# The highest seq the event log's sequence has handed out (NULL: none yet); outside transactions,
# so it also moves when a writer draws one after this move's snapshot.
_LAST_DRAWN = text("SELECT pg_sequence_last_value(pg_get_serial_sequence('event', 'seq')::regclass)")


def sqlite_target(url_or_path: str) -> Path:
    """The new file `--to` names (a sqlite:/// URL or a path), refused when it cannot be made."""
    if "://" in url_or_path:
        path = sqlite_file(url_or_path)
        if path is None:
            raise MoveRefused(
                MoveCode.TARGET_NOT_SQLITE,
                f"--to {shown(url_or_path)}: a relay on PostgreSQL moves to a new SQLite file: give its "
                "path (/var/lib/shop-inbox/relay.db) or sqlite:////var/lib/shop-inbox/relay.db",
            )
    else:
        path = Path(url_or_path)
    path = path.expanduser().absolute()
    leftovers = [p for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if os.path.lexists(p)]
    if leftovers:
        raise MoveRefused(
            MoveCode.TARGET_EXISTS,
            f"{leftovers[0]} already exists: the move makes a new file and never overwrites one; give "
            "another path, or move that file away first",
        )
    if not path.parent.is_dir():
        raise MoveRefused(
            MoveCode.TARGET_NO_FOLDER, f"no folder {path.parent} for {path.name}: make it first (mkdir -p)"
        )
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise MoveRefused(
            MoveCode.TARGET_UNWRITABLE,
            f"cannot write in {path.parent}: run the move as the user the relay runs as (sudo -u …)",
        )
    return path


def move_to_sqlite(
    source_url: str, target: str, progress: Callable[[TableCopied], None] | None, started: float
) -> MoveReport:
    """Copy the PostgreSQL relay database at `source_url` into a new SQLite file at `target`.

    PostgreSQL is only read, in one read-only snapshot; the file is built beside the target at the
    code's head, filled in one transaction, counted again, and put in place only once complete.
    """
    path = sqlite_target(target)
    report = MoveReport(shown(source_url), str(path))
    try:
        engine = create_engine(source_url, hide_parameters=True)
    except (ArgumentError, ImportError) as exc:
        message = " ".join(str(exc).split())
        raise MoveRefused(MoveCode.SOURCE_REFUSED, f"cannot use {shown(source_url)}: {message}") from exc
    try:
        try:
            if not_utf8_reason(engine, shown(source_url)):  # SQLAlchemy could not open it: no relay ran on it
                raise MoveRefused(
                    MoveCode.SOURCE_NOT_RELAY,
                    f"{shown(source_url)} is not in UTF8, so no relay has run on it: give the relay's own "
                    "--database (or RELAY_DATABASE_URL in its env file)",
                )
            opened = engine.connect()
        except DBAPIError as exc:
            raise _postgresql_failure(exc, source_url, connected=False, side="source") from exc
        with opened as conn:
            _check_not_served(conn, source_url, during=False)
            _check_revision(conn, source_url)
        _copy_into_new_file(engine, source_url, path, report, progress)
    except DBAPIError as exc:
        raise _postgresql_failure(exc, source_url, connected=True, side="source") from exc
    finally:
        engine.dispose()
    report.seconds = time.monotonic() - started
    return report


def _check_not_served(conn: Connection, url: str, *, during: bool) -> None:
    pids = sorted(int(pid) for pid in conn.execute(_SERVING).scalars())
    if not pids:
        return
    sessions = ", ".join(str(pid) for pid in pids)
    if during:
        raise MoveRefused(
            MoveCode.SOURCE_IN_USE,
            f"a relay started on {shown(url)} during the move (sessions {sessions}): nothing was "
            "written; stop it and move again",
        )
    raise MoveRefused(
        MoveCode.SOURCE_IN_USE,
        f"a relay is serving {shown(url)} (PostgreSQL sessions {sessions}): stop every relay on it "
        "first (`systemctl stop shop-inbox-relay`, `docker compose stop relay`, on every host), then move",
    )


def _check_revision(conn: Connection, url: str) -> None:
    found = stored_revision(conn)
    if found == HEAD:
        return
    if found is None:
        raise MoveRefused(
            MoveCode.SOURCE_NOT_RELAY,
            f"{shown(url)} has no relay schema ({VERSION_TABLE} is missing): no relay has run on it",
        )
    if not _known_revision(found):
        raise MoveRefused(
            MoveCode.SOURCE_TOO_NEW,
            f"{shown(url)} is at schema revision {found!r}, which this relay does not know (a newer "
            "relay ran on it): move it with that relay's version",
        )
    raise MoveRefused(
        MoveCode.SOURCE_TOO_OLD,
        f"{shown(url)} is at schema revision {found!r}, older than this relay's {HEAD!r}: start this "
        "version's relay on it once (it upgrades the schema), stop it, then move; the move itself "
        "never writes to PostgreSQL",
    )


def _copy_into_new_file(
    engine: Engine,
    url: str,
    path: Path,
    report: MoveReport,
    progress: Callable[[TableCopied], None] | None,
) -> None:
    from relay.storage.database import Database

    folder = Path(tempfile.mkdtemp(prefix=f".{path.name}.moving-", dir=path.parent))
    built = folder / path.name
    try:
        try:
            Database(f"sqlite:///{built}").close()  # the relay's own start: Alembic to the head, WAL
        except (sqlite3.Error, DBAPIError) as exc:
            raise _unwritable(path, exc) from exc
        with contextlib.closing(sqlite3.connect(built, isolation_level=None)) as out:
            try:
                out.execute("BEGIN IMMEDIATE")
                with engine.connect().execution_options(isolation_level="REPEATABLE READ") as conn:
                    _copy_snapshot(conn, out, url, report, progress)
                out.execute("COMMIT")
            except sqlite3.Error as exc:
                raise _unwritable(path, exc) from exc
        _put_in_place(built, path)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _copy_snapshot(
    conn: Connection,
    out: sqlite3.Connection,
    url: str,
    report: MoveReport,
    progress: Callable[[TableCopied], None] | None,
) -> None:
    """Every table read in one read-only snapshot of PostgreSQL, written in the open SQLite
    transaction, and counted again on both sides."""
    with conn.begin():
        conn.execute(text("SET TRANSACTION READ ONLY"))
        drawn = conn.execute(_LAST_DRAWN).scalar_one()
        _copy_tables(conn, out, report, progress)
        report.next_seq = _carry_event_seq(out, drawn)
        _verify(
            report,
            lambda name: int(conn.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one()),
            lambda name: int(out.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]),
            ("PostgreSQL", "SQLite"),
        )
        # A relay that started (and maybe stopped again) while the rows were read took events this
        # snapshot lacks: its wake-up session shows, or a seq was drawn since.
        _check_not_served(conn, url, during=True)
        if conn.execute(_LAST_DRAWN).scalar_one() != drawn:
            raise MoveRefused(
                MoveCode.SOURCE_IN_USE,
                f"{shown(url)} took new events during the move (a relay ran on it): nothing was "
                "written; stop every relay on it and move again",
            )


def _put_in_place(built: Path, path: Path) -> None:
    """The complete, closed file (its WAL checkpointed into it) appears under its name at once, and
    never over a file made there meanwhile."""
    try:
        os.link(built, path)
    except FileExistsError as exc:
        raise MoveRefused(
            MoveCode.TARGET_EXISTS, f"{path} was made by something else during the move; nothing was written"
        ) from exc
    except OSError:  # a file system without hard links: the name was checked free a moment ago
        if os.path.lexists(path):
            raise MoveRefused(
                MoveCode.TARGET_EXISTS, f"{path} was made by something else during the move"
            ) from None
        os.replace(built, path)
    with contextlib.suppress(OSError):  # the new name itself on the disk, not only in the cache
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def _unwritable(path: Path, exc: Exception) -> MoveRefused:
    return MoveRefused(
        MoveCode.TARGET_UNWRITABLE,
        f"cannot write the new SQLite file beside {path}: {exc} (room on the disk? the relay's user?); "
        "nothing was written",
    )


def _copy_tables(
    conn: Connection,
    out: sqlite3.Connection,
    report: MoveReport,
    progress: Callable[[TableCopied], None] | None,
) -> None:
    for table in metadata.sorted_tables:
        names = [column.name for column in table.columns]
        quoted = ", ".join(f'"{name}"' for name in names)
        insert = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({", ".join("?" * len(names))})'
        rows = conn.execution_options(yield_per=BATCH).execute(select(*table.columns))
        copied = 0
        for batch in rows.partitions():
            out.executemany(insert, [tuple(row) for row in batch])
            copied += len(batch)
        done = TableCopied(table.name, copied)
        report.tables.append(done)
        if progress is not None:
            progress(done)
    pruned = out.execute("SELECT value FROM kv WHERE key = 'pruned_through'").fetchone()
    report.pruned_through = int(pruned[0]) if pruned else 0


def _carry_event_seq(out: sqlite3.Connection, drawn: int | None) -> int:
    """SQLite's counter for each serial key set to the highest value PostgreSQL handed out (its
    sequence's last value covers events pruned or rolled back since, whose seqs a desktop's cursor
    may hold), so the SQLite relay's next seq is above every one a desktop has. Returns the event
    log's next seq."""
    next_event_seq = 1
    for table, column in _serial_columns():
        highest = out.execute(f'SELECT coalesce(max("{column}"), 0) FROM "{table.name}"').fetchone()[0]
        top = int(highest)
        if table.name == "event":
            pruned = out.execute("SELECT value FROM kv WHERE key = 'pruned_through'").fetchone()
            top = max(top, int(drawn or 0), int(pruned[0]) if pruned else 0)
            next_event_seq = top + 1
        if top:
            out.execute("DELETE FROM sqlite_sequence WHERE name = ?", (table.name,))
            out.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (table.name, top))
    return next_event_seq


__all__ = ["move_to_sqlite", "sqlite_target"]
