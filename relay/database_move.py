"""`shop-inbox-relay move-database`: a SQLite relay database copied, whole, into PostgreSQL, or a
PostgreSQL one, whole, into a new SQLite file."""

from __future__ import annotations

import contextlib
import enum
import os
import re
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, Integer, String, Table, create_engine, func, inspect, select, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from relay.command_settings import (
    schema_refusal,
    shown,
    sqlite_file,
    unescaped_at_reason,
    unreadable_url_reason,
)
from relay.storage.encoding import not_utf8_reason
from relay.storage.schema import HEAD, VERSION_TABLE, SchemaRefused, SchemaTooNew, upgrade_schema
from relay.storage.tables import metadata

# Rows read from SQLite and written to PostgreSQL's COPY at a time.
BATCH = 5000
# A connection to a SQLite file in WAL mode holds a shared lock on this byte of its -shm file for
# as long as it is open (SQLite's unix VFS: UNIX_SHM_DMS, the "dead man switch"): a relay serving the
# file holds it, in its pool and its group commit's connection, from its start to its stop.
SHM_DMS_BYTE = 128


class MoveCode(enum.StrEnum):
    """Why a move was refused or stopped: the first word of the command's one-line answer."""

    SOURCE_NOT_SQLITE = "source_not_sqlite"
    SOURCE_MISSING = "source_missing"
    SOURCE_NOT_RELAY = "source_not_relay"
    SOURCE_TOO_NEW = "source_too_new"
    SOURCE_IN_USE = "source_in_use"
    SOURCE_VALUE_TOO_LONG = "source_value_too_long"
    SOURCE_VALUE_REFUSED = "source_value_refused"
    SOURCE_UNREADABLE = "source_unreadable"
    TARGET_NOT_POSTGRESQL = "target_not_postgresql"
    TARGET_UNREACHABLE = "target_unreachable"
    TARGET_WRONG_PASSWORD = "target_wrong_password"
    TARGET_NO_DATABASE = "target_no_database"
    TARGET_NOT_EMPTY = "target_not_empty"
    TARGET_NOT_UTF8 = "target_not_utf8"
    TARGET_REFUSED = "target_refused"
    # From PostgreSQL to a new SQLite file.
    SOURCE_UNREACHABLE = "source_unreachable"
    SOURCE_WRONG_PASSWORD = "source_wrong_password"
    SOURCE_NO_DATABASE = "source_no_database"
    SOURCE_REFUSED = "source_refused"
    SOURCE_TOO_OLD = "source_too_old"
    TARGET_NOT_SQLITE = "target_not_sqlite"
    TARGET_EXISTS = "target_exists"
    TARGET_NO_FOLDER = "target_no_folder"
    TARGET_UNWRITABLE = "target_unwritable"
    COUNTS_DIFFER = "counts_differ"


class MoveRefused(Exception):
    """The move did not happen (the target holds none of the source's rows); `str` names what to fix."""

    def __init__(self, code: MoveCode, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class TableCopied:
    name: str
    rows: int


@dataclass(slots=True)
class MoveReport:
    """What was copied, for the command's answer."""

    source: str  # shown(): no password
    target: str
    upgraded_from: str | None = None  # the source's revision when it was older than the code's
    tables: list[TableCopied] = field(default_factory=list)
    next_seq: int = 0  # the first seq the moved relay may hand out (before its start moves it on)
    pruned_through: int = 0
    seconds: float = 0.0


def relay_holds_file(path: Path) -> bool | None:
    """Whether a process has the SQLite file at `path` open in WAL mode (a relay serving it); None
    where this cannot be told (no POSIX locks). Call before this process opens the file itself: the
    probe's lock is this process's, and closing its descriptor would drop this process's other locks
    on the -shm file."""
    try:
        import fcntl
    except ImportError:  # Windows: a relay server runs on Linux; the operator's word is taken
        return None
    shm = Path(f"{path}-shm")
    if not shm.exists():
        return False  # removed by the last connection's clean close (or never in WAL mode)
    try:
        fd = os.open(shm, os.O_RDWR)
    except OSError:
        return None
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, SHM_DMS_BYTE, os.SEEK_SET)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, SHM_DMS_BYTE, os.SEEK_SET)
        return False
    finally:
        os.close(fd)


def move_database(
    source_url: str, target_url: str, progress: Callable[[TableCopied], None] | None = None
) -> MoveReport:
    """Copy the relay's SQLite database at `source_url` into the PostgreSQL database at `target_url`
    (or a PostgreSQL one into a new SQLite file: relay/database_move_back.py).

    The source is only read (an older revision is upgraded in a temporary copy of it); the target
    is migrated to the code's head, filled in one transaction and counted again before the commit,
    so a move that stops leaves PostgreSQL without any of the source's rows (and may be run again).
    """
    started = time.monotonic()
    unreadable = unreadable_url_reason(source_url)
    if unreadable:
        raise MoveRefused(MoveCode.SOURCE_UNREADABLE, unreadable)
    if sqlite_file(source_url) is None and _is_postgresql(source_url):
        from relay.database_move_back import move_to_sqlite

        return move_to_sqlite(source_url, target_url, progress, started)
    path = _source_path(source_url)
    target = _target_url(target_url)
    if relay_holds_file(path):
        raise MoveRefused(
            MoveCode.SOURCE_IN_USE,
            f"a relay (or another program) has {path} open: stop it first (`systemctl stop "
            "shop-inbox-relay`, `docker compose stop relay`, or Ctrl+C), then move",
        )
    report = MoveReport(str(path), shown(target))
    target_engine = _target_engine(target)
    try:
        with contextlib.closing(_read_only(path)) as first_look:  # a source it refuses: PostgreSQL untouched
            revision = _source_revision(first_look, path)
        _check_target_empty(target_engine, target)
        try:
            upgrade_schema(target_engine)
        except SchemaTooNew as exc:
            raise MoveRefused(MoveCode.TARGET_NOT_EMPTY, f"{shown(target)}: {exc}") from exc
        except SchemaRefused as exc:
            said = schema_refusal(exc, "move-database")
            raise MoveRefused(MoveCode.TARGET_REFUSED, f"{shown(target)}: {said}") from exc
        with target_engine.begin() as conn:
            with _readable_source(path, revision, report) as source:
                _check_lengths(source)
                _copy_all(source, conn, report, progress)
            # A relay started on the file while the rows were read would take webhooks the copy
            # lacks: nothing is committed then. (Asked with the file closed: the probe's lock is
            # this process's, and letting go of it would let go of the reading connection's too.)
            if relay_holds_file(path):
                raise MoveRefused(
                    MoveCode.SOURCE_IN_USE,
                    f"a relay started on {path} during the move: nothing was written to "
                    f"{shown(target)}; stop that relay and move again",
                )
    except DBAPIError as exc:
        raise _postgresql_failure(exc, target, connected=True) from exc
    except sqlite3.Error as exc:
        # A damaged file, a folder this user cannot write the WAL's index into, no room for the copy
        # an older revision is upgraded in.
        raise MoveRefused(
            MoveCode.SOURCE_UNREADABLE,
            f"cannot read {path}: {exc} (run the move as the relay's user; check the file with "
            "`sqlite3 relay.db 'PRAGMA integrity_check'`); nothing was written",
        ) from exc
    finally:
        target_engine.dispose()
    report.seconds = time.monotonic() - started
    return report


def _source_path(url: str) -> Path:
    path = sqlite_file(url)
    if path is None:
        raise MoveRefused(
            MoveCode.SOURCE_NOT_SQLITE,
            f"the relay's database is {shown(url)}, not a SQLite file: give the SQLite one with --database",
        )
    if not path.is_file():
        raise MoveRefused(
            MoveCode.SOURCE_MISSING,
            f"no relay database at {path} (no such file): give the relay's own with --database "
            "(or RELAY_DATABASE_URL in its env file)",
        )
    return path.resolve()


def _is_postgresql(url: str) -> bool:
    try:
        return make_url(url).drivername.startswith("postgresql")
    except ArgumentError:
        return False


def _target_url(url: str) -> str:
    reason = unescaped_at_reason(url) or unreadable_url_reason(url)
    if reason:
        raise MoveRefused(MoveCode.TARGET_NOT_POSTGRESQL, reason)
    if not _is_postgresql(url):
        hint = "; PostgreSQL URLs start postgresql+psycopg://" if url.startswith("postgres://") else ""
        raise MoveRefused(
            MoveCode.TARGET_NOT_POSTGRESQL,
            f"--to {shown(url)} is not a PostgreSQL URL (postgresql+psycopg://user:password@host/database)"
            + hint,
        )
    return url


def _target_engine(url: str) -> Engine:
    try:
        return create_engine(url, hide_parameters=True)
    except (ArgumentError, ImportError) as exc:
        message = " ".join(str(exc).split())
        raise MoveRefused(MoveCode.TARGET_NOT_POSTGRESQL, f"cannot use {shown(url)}: {message}") from exc


def _postgresql_failure(exc: DBAPIError, url: str, *, connected: bool, side: str = "target") -> MoveRefused:
    """What PostgreSQL's refusal comes down to, sorted by what the operator fixes: psycopg gives a
    connection it could not make no SQLSTATE, so the server's words tell them apart. `side`: whether
    PostgreSQL is the move's "target" or its "source" (the code's first word)."""
    reason = str(exc.orig or exc).strip().splitlines()[0]
    lowered = reason.lower()
    refused = _refusal_in(side)
    if connected:
        if exc.connection_invalidated:
            return refused(
                "unreachable",
                f"the connection to PostgreSQL at {shown(url)} was lost during the move: {reason}; "
                "nothing was written, move again",
            )
        return refused("refused", f"PostgreSQL at {shown(url)} refused the move: {reason}")
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return refused(
            "wrong_password",
            f"PostgreSQL refused the user and password in {shown(url)}: {reason}",
        )
    if "database" in lowered and "does not exist" in lowered:
        return refused(
            "no_database",
            f"{shown(url)}: {reason}; create it first (`createdb -E UTF8 -T template0 -O USER NAME`)",
        )
    return refused("unreachable", f"cannot reach PostgreSQL at {shown(url)}: {reason}; nothing was written")


def _refusal_in(side: str) -> Callable[[str, str], MoveRefused]:
    def refused(what: str, message: str) -> MoveRefused:
        return MoveRefused(MoveCode(f"{side}_{what}"), message)

    return refused


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write the file (mode=ro); autocommit, so BEGIN is ours to send."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout=30000")
    return conn


@contextlib.contextmanager
def _readable_source(path: Path, revision: str | None, report: MoveReport) -> Iterator[sqlite3.Connection]:
    """The source at the code's revision, in one read transaction (a consistent snapshot): the file
    itself, or an upgraded temporary copy of it when an older relay last ran on it."""
    if revision == HEAD:
        with contextlib.closing(_read_only(path)) as conn:
            conn.execute("BEGIN")
            yield conn
        return
    # Beside the source: its folder has room for the file (a relay wrote it there), /tmp may not.
    near = path.parent if os.access(path.parent, os.W_OK | os.X_OK) else None
    with tempfile.TemporaryDirectory(prefix=".shop-inbox-move-", dir=near) as folder:
        copy = Path(folder) / path.name
        with contextlib.closing(_read_only(path)) as conn, contextlib.closing(sqlite3.connect(copy)) as out:
            conn.backup(out)  # SQLite's own online copy: the WAL's committed pages included
        from relay.storage.database import Database

        try:
            Database(f"sqlite:///{copy}").close()  # the relay's own start: Alembic to the head
        except SchemaRefused as exc:
            said = schema_refusal(exc, "move-database")
            raise MoveRefused(MoveCode.SOURCE_NOT_RELAY, f"{path}: {said}") from exc
        report.upgraded_from = revision or "before migrations"
        with contextlib.closing(_read_only(copy)) as upgraded:
            upgraded.execute("BEGIN")
            yield upgraded


def _source_revision(conn: sqlite3.Connection, path: Path) -> str | None:
    try:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:  # "file is not a database"
        raise MoveRefused(MoveCode.SOURCE_NOT_RELAY, f"{path} is not a SQLite database: {exc}") from exc
    if not names & {VERSION_TABLE, *metadata.tables}:
        raise MoveRefused(MoveCode.SOURCE_NOT_RELAY, f"{path} has no relay tables (no relay has run on it)")
    if VERSION_TABLE not in names:
        return None
    revision = conn.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
    found = None if revision is None else str(revision[0])
    if found is not None and not _known_revision(found):
        raise MoveRefused(
            MoveCode.SOURCE_TOO_NEW,
            f"{path} is at schema revision {found!r}, which this relay does not know (a newer relay "
            "ran on it): move it with that relay's version",
        )
    return found


def _known_revision(revision: str) -> bool:
    from relay.storage.schema import MIGRATIONS_DIR

    return any(p.name.startswith(f"{revision}_") for p in (MIGRATIONS_DIR / "versions").glob("*.py"))


def _check_target_empty(engine: Engine, url: str) -> None:
    """Refuse a PostgreSQL database that is not in UTF8 or holds relay rows (the tables alone, empty,
    are fine)."""
    try:
        not_utf8 = not_utf8_reason(engine, shown(url))
        if not_utf8:
            raise MoveRefused(MoveCode.TARGET_NOT_UTF8, f"{not_utf8}, and move into it; nothing was written")
        opened = engine.connect()
    except DBAPIError as exc:
        raise _postgresql_failure(exc, url, connected=False) from exc
    with opened as conn:
        existing = set(inspect(conn).get_table_names())
        held = []
        for table in metadata.sorted_tables:
            if table.name in existing:
                rows = int(conn.execute(select(func.count()).select_from(table)).scalar_one())
                if rows:
                    held.append(f"{table.name} {rows:,}")
    if held:
        raise MoveRefused(
            MoveCode.TARGET_NOT_EMPTY,
            f"{shown(url)} already holds relay data (rows: {', '.join(held)}): give an empty database "
            "(`dropdb` and `createdb` it if those rows are not wanted); nothing was written",
        )


def _check_lengths(source: sqlite3.Connection) -> None:
    """SQLite keeps a text longer than its column's length; PostgreSQL refuses it: say where, before
    any row is written."""
    too_long = []
    for table in metadata.sorted_tables:
        for column in table.columns:
            length = getattr(column.type, "length", None)
            if isinstance(column.type, String) and length:
                count = source.execute(
                    f'SELECT count(*) FROM "{table.name}" WHERE length("{column.name}") > ?', (length,)
                ).fetchone()[0]
                if count:
                    too_long.append(f"{table.name}.{column.name} ({count:,} over {length} characters)")
    if too_long:
        raise MoveRefused(
            MoveCode.SOURCE_VALUE_TOO_LONG,
            "values longer than PostgreSQL's columns hold: " + ", ".join(too_long) + "; nothing was written",
        )


def _copy_all(
    source: sqlite3.Connection,
    conn: Connection,
    report: MoveReport,
    progress: Callable[[TableCopied], None] | None,
) -> None:
    for table in metadata.sorted_tables:
        copied = TableCopied(table.name, _copy_table(source, conn, table))
        report.tables.append(copied)
        if progress is not None:
            progress(copied)
    report.next_seq = _carry_sequences(source, conn)
    pruned = source.execute("SELECT value FROM kv WHERE key = 'pruned_through'").fetchone()
    report.pruned_through = int(pruned[0]) if pruned else 0
    _verify(
        report,
        lambda name: int(source.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]),
        lambda name: int(conn.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one()),
        ("SQLite", "PostgreSQL"),
    )


def _copy_table(source: sqlite3.Connection, conn: Connection, table: Table) -> int:
    """Every row of `table` through PostgreSQL's COPY (SQLite's 0/1 are booleans there as text)."""
    names = [column.name for column in table.columns]
    quoted = ", ".join(f'"{name}"' for name in names)
    rows = source.execute(f'SELECT {quoted} FROM "{table.name}"')
    driver = conn.connection.driver_connection
    assert driver is not None
    import psycopg

    copied = 0
    try:
        with driver.cursor() as cur, cur.copy(f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy:
            while batch := rows.fetchmany(BATCH):
                for row in batch:
                    copy.write_row(row)
                copied += len(batch)
    except (psycopg.DataError, psycopg.IntegrityError) as exc:
        # SQLite keeps any value in any column; PostgreSQL checks each against its type.
        raise MoveRefused(
            MoveCode.SOURCE_VALUE_REFUSED,
            f"PostgreSQL refused a value of {_where(exc, table.name)} ({type(exc).__name__}: not what "
            "the column holds); nothing was written",
        ) from exc
    except psycopg.OperationalError as exc:
        raise MoveRefused(
            MoveCode.TARGET_UNREACHABLE,
            f"the connection to PostgreSQL was lost while copying {table.name}: "
            f"{str(exc).strip().splitlines()[0]}; nothing was written, move again",
        ) from exc
    except psycopg.Error as exc:
        raise MoveRefused(
            MoveCode.TARGET_REFUSED,
            f"PostgreSQL refused the copy of {table.name} ({type(exc).__name__}, SQLSTATE "
            f"{exc.sqlstate}); nothing was written",
        ) from exc
    return copied


def _where(exc: Exception, table: str) -> str:
    """The table, row and column a COPY refused, from PostgreSQL's context line, without the value
    (it may be a customer's message)."""
    context = str(getattr(getattr(exc, "diag", None), "context", None) or "")
    found = re.search(r"COPY \"?\w+\"?, line (\d+)(?:, column \"?(\w+)\"?)?", context)
    if not found:
        return f"table {table}"
    row, column = found.groups()
    return f"table {table}, row {int(row):,}" + (f", column {column}" if column else "")


def _carry_sequences(source: sqlite3.Connection, conn: Connection) -> int:
    """Each PostgreSQL sequence set above every value the SQLite relay ever drew (its sqlite_sequence
    remembers seqs of pruned events too, and a desktop's cursor may be there): the next seq the
    PostgreSQL relay hands out is one no desktop has read past. Returns the event log's next seq."""
    drawn = dict(source.execute("SELECT name, seq FROM sqlite_sequence").fetchall())
    next_event_seq = 1
    for table, column in _serial_columns():
        highest = conn.execute(text(f'SELECT coalesce(max("{column}"), 0) FROM "{table.name}"')).scalar_one()
        top = max(int(highest), int(drawn.get(table.name) or 0))
        if table.name == "event":
            pruned = source.execute("SELECT value FROM kv WHERE key = 'pruned_through'").fetchone()
            top = max(top, int(pruned[0]) if pruned else 0)
            next_event_seq = top + 1
        if top:
            conn.execute(
                text("SELECT setval(pg_get_serial_sequence(:table, :column), :top)"),
                {"table": table.name, "column": column, "top": top},
            )
    return next_event_seq


def _serial_columns() -> Iterator[tuple[Table, str]]:
    """Each relay table whose key is drawn from a counter (SQLite's sqlite_sequence, a PostgreSQL
    sequence), with that column's name: the event log's seq."""
    for table in metadata.sorted_tables:
        serial = [
            c for c in table.primary_key.columns if c.autoincrement is True and isinstance(c.type, Integer)
        ]
        if len(serial) == 1:
            yield table, serial[0].name


def _verify(
    report: MoveReport,
    source_rows: Callable[[str], int],
    target_rows: Callable[[str], int],
    names: tuple[str, str],
) -> None:
    """Every table counted again on both sides, in the transactions about to end (the source's
    snapshot, the target's before its commit)."""
    differ = []
    for copied in report.tables:
        here, there = source_rows(copied.name), target_rows(copied.name)
        if not here == there == copied.rows:
            differ.append(f"{copied.name}: {here:,} in {names[0]}, {there:,} in {names[1]}")
    if differ:
        raise MoveRefused(
            MoveCode.COUNTS_DIFFER,
            "rows differ after the copy (" + "; ".join(differ) + "); nothing was written",
        )


def media_files(folder: Path) -> int:
    """Received media files kept in the relay's media folder (unfinished downloads not counted)."""
    if not folder.is_dir():
        return 0
    return sum(1 for p in folder.iterdir() if p.is_file() and not p.name.endswith(".part"))


__all__ = [
    "MoveCode",
    "MoveRefused",
    "MoveReport",
    "TableCopied",
    "media_files",
    "move_database",
    "relay_holds_file",
]
