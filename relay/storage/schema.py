"""The relay's schema: brought to the code's Alembic head at start, once, under a lock."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import Connection

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

# Not Alembic's default `alembic_version`: a PostgreSQL database the relay shares with another
# application must not mix their version rows.
VERSION_TABLE = "relay_schema_version"
# The newest revision in relay/migrations/versions (a test holds the two together): a relay already
# there starts without importing Alembic.
HEAD = "0018"
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
# Every worker of `serve --workers N` starts at once: the first upgrades, the others wait here and
# then find the head.
PG_MIGRATION_LOCK = 424243
# Room left free beside the copy made before an upgrade: the upgrade's own transaction (WAL, temporary
# tables of batch mode) needs some too.
COPY_HEADROOM = 16 * 1024 * 1024


class SchemaRefused(RuntimeError):
    """A database the relay will not migrate, left untouched; the message is the operator's line."""


class SchemaMismatch(SchemaRefused):
    """A relay database that is neither versioned nor the tables create_all made: never touched."""


class SchemaTooNew(SchemaRefused):
    """The database was migrated by a newer relay than this one."""


class SchemaNoRoom(SchemaRefused):
    """The disk holding the database is full: the upgrade (or the copy before it) was undone, and
    the database is as it was, at its old revision. The next start, once there is room, upgrades it.
    Its line ends "and start again" (the relay's start); `reason` is the line up to there, which a
    command that met it ends with its own words (relay/command_settings.py `again`)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.reason} and start again"


def stored_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table(VERSION_TABLE):
        return None
    return conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar_one_or_none()


def upgrade_schema(engine: Engine) -> None:
    """Migrate to HEAD in one transaction; a database create_all built is taken over first.

    A SQLite database an older relay used is copied first (`copy_before_upgrade`): there is no way
    down, and an operator who goes back to the older relay needs the database as it left it."""
    with said_as_no_room(engine, None, opening=True), engine.connect() as conn:
        first_look = stored_revision(conn)
    if first_look == HEAD:
        return
    if first_look is not None:
        refuse_unknown_revision(first_look)
    copy = copy_before_upgrade(engine, first_look)
    # SQLite: BEGIN IMMEDIATE (relay/storage/database.py), one writer. A disk that fills on the way
    # ends the one transaction: every revision of this upgrade is undone together.
    with said_as_no_room(engine, first_look), engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_MIGRATION_LOCK})
        found = stored_revision(conn)
        if found == HEAD:
            return  # another worker migrated while this one waited for the lock
        if found is None:
            _check_create_all_tables(conn)
        _alembic_upgrade(conn, found)
    # One line of ours, once the upgrade committed (Alembic's own lines, a dozen on a first start,
    # are at WARNING unless this relay logs at DEBUG).
    if copy is None:
        log.info("database upgraded: from=%s to=%s", found or "none", HEAD)
    else:
        log.info("database upgraded: from=%s to=%s copy_from_before=%s", found or "none", HEAD, copy)


def sqlite_file(engine: Engine) -> Path | None:
    """The file of a SQLite database on disk; None for PostgreSQL and in-memory databases."""
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def copy_before_upgrade(engine: Engine, found: str | None) -> Path | None:
    """Copy a SQLite database at revision `found` to `backups/<name>-<found>-<UTC time>.db` beside it,
    with SQLite's backup (a consistent copy, its WAL included), before a newer relay migrates it.

    Nothing to copy for a new database (`found` None) or PostgreSQL (docs/relay.md: pg_dump). No room
    for the copy, or a copy that fails, refuses the upgrade with the database untouched
    (SchemaRefused: `serve` says it in one line and exits 2)."""
    path = sqlite_file(engine)
    if path is None or found is None or not path.exists():
        return None
    backups = path.parent / "backups"
    copy_size = sum(_size(p) for p in (path, path.with_name(path.name + "-wal")))
    try:
        backups.mkdir(exist_ok=True)
        free = shutil.disk_usage(backups).free
        apart = backups.stat().st_dev != path.parent.stat().st_dev  # `backups` mounted on a disk of its own
        free_here = shutil.disk_usage(path.parent).free if apart else free
    except OSError as exc:
        raise SchemaRefused(
            f"could not make {backups} for the copy of the database made before upgrading it "
            f"from {found} to {HEAD} ({exc.strerror or exc}); nothing was changed"
        ) from exc
    # The copy goes to `backups`' disk, the upgrade's own writes beside the database: where `backups`
    # is a disk of its own, each disk needs room for its part; else the one disk for both.
    short = []
    if not apart and free < copy_size + COPY_HEADROOM:
        needed = _amount(copy_size + COPY_HEADROOM)
        short.append(f"{_amount(free)} free in {backups}, about {needed} needed")
    if apart and free < copy_size:
        needed = _amount(copy_size)
        short.append(f"{_amount(free)} free in {backups}, about {needed} needed for the copy")
    if apart and free_here < COPY_HEADROOM:
        needed = _amount(COPY_HEADROOM)
        short.append(f"{_amount(free_here)} free in {path.parent}, about {needed} needed for the upgrade")
    if short:
        what = "to upgrade the database" if apart else "to copy the database before upgrading it"
        raise SchemaNoRoom(
            f"no room {what} from {found} to {HEAD}: {' and '.join(short)}; nothing was changed: "
            f"free some space {'on both disks' if len(short) == 2 else 'there'}"
        )

    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = backups / f"{path.stem}-{found}-{stamp}.db"
    again = 1
    while target.exists():  # two starts within a second: never over an earlier copy
        again += 1
        target = backups / f"{path.stem}-{found}-{stamp}-{again}.db"
    partial = target.with_name(target.name + ".partial")
    try:
        source = sqlite3.connect(path)
        try:
            copy = sqlite3.connect(partial)
            try:
                source.backup(copy)
            finally:
                copy.close()
        finally:
            source.close()
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        if out_of_room(backups, exc):
            raise SchemaNoRoom(
                f"the disk holding {backups} became full while the database was copied there before "
                f"upgrading it from {found} to {HEAD} ({free_text(backups)} free); the copy was removed and "
                "nothing was changed: free some space there"
            ) from exc
        raise SchemaRefused(
            f"could not copy the database to {target} before upgrading it from {found} to {HEAD} "
            f"({exc}); nothing was changed"
        ) from exc
    log.info("database copied before its upgrade: from=%s copy=%s", found, target)
    return target


# Less free than this where the database lives, and a failure to write it is the disk's: SQLite says
# "disk I/O error", not "disk is full", when the WAL's index beside the file cannot be grown.
ROOM_NEEDED = 1024 * 1024


@contextmanager
def said_as_no_room(engine: Engine, found: str | None, *, opening: bool = False) -> Iterator[None]:
    """A failure for want of room inside the block, raised as SchemaNoRoom: one line that says the
    disk is full, where, and that the database is as it was (at `found`; `opening`: it could not
    even be read). Any other failure goes on as it was."""
    try:
        yield
    except SchemaRefused:
        raise
    except Exception as exc:
        path = sqlite_file(engine)
        if not out_of_room(path.parent if path is not None else None, exc):
            raise
        database = f"the database {path}" if path is not None else "the relay's database"
        if opening and path is not None and _size(path) == 0:
            what = f"a new database could not be made at {path}"
        elif opening:
            what = f"{database} could not be opened; nothing was changed"
        else:
            was = f"at revision {found}" if found else "with no revision yet"
            what = f"upgrading {database} to {HEAD} ran out of room and was undone: it is as it was, {was}"
        if path is None:
            raise SchemaNoRoom(
                f"the PostgreSQL server's disk is full: {what}; free some space on the server"
            ) from exc
        raise SchemaNoRoom(
            f"the disk holding {path.parent} is full ({free_text(path.parent)} free): {what}; "
            "free some space there"
        ) from exc


def out_of_room(folder: Path | None, exc: BaseException) -> bool:
    """`exc` comes of a full disk: SQLite's "database or disk is full", the OS's "no space left",
    PostgreSQL's disk_full; or a database or file error in `folder` (a SQLite file's) with hardly
    any room left there."""
    from sqlalchemy.exc import OperationalError

    from relay.store import storage_cause

    if storage_cause(exc) == "disk_full":
        return True
    if folder is None or not isinstance(exc, OperationalError | sqlite3.OperationalError | OSError):
        return False
    try:
        return shutil.disk_usage(folder).free < ROOM_NEEDED
    except OSError:
        return False


def free_text(folder: Path) -> str:
    """The free space on `folder`'s disk, as an operator reads it ("120 KB", "3 MB")."""
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return "unknown"
    return _amount(free)


def _amount(size: int) -> str:
    """A size as an operator reads it: "120 KB" under a megabyte, else "3 MB"."""
    return f"{size // 1024} KB" if size < 1024 * 1024 else _megabytes(size)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


def _check_create_all_tables(conn: Connection) -> None:
    """Refuse an unversioned database whose relay tables are not the baseline's (nothing is changed).

    Before migrations, create_all made each table the code listed and added tables new code listed;
    it never changed one. So such a database holds some of the baseline's tables, each exactly as the
    baseline has it; revision 0001 then creates only the missing ones.
    """
    from relay.migrations.baseline import baseline_metadata

    inspector = inspect(conn)
    existing = set(inspector.get_table_names())
    taken_over = []
    for table in baseline_metadata().sorted_tables:
        if table.name not in existing:
            continue
        have = {column["name"] for column in inspector.get_columns(table.name)}
        want = {column.name for column in table.columns}
        if have != want:
            raise SchemaMismatch(
                f"relay table {table.name!r} has columns {sorted(have)}, expected {sorted(want)}: "
                "this database was not made by a Shop Inbox relay, or by an unreleased one"
            )
        taken_over.append(table.name)
    if taken_over:
        log.info("relay database made before migrations: tables=%d; stamping the baseline", len(taken_over))


@contextmanager
def _alembic_at_warning() -> Iterator[None]:
    """Alembic's INFO lines say nothing to whoever runs the relay: importing its commands registers
    its autogenerate plugins ("setup plugin …", seven lines), and a migration logs its context, its
    DDL mode and each revision it runs. Shown only when this relay logs at DEBUG."""
    alembic_log = logging.getLogger("alembic")
    if log.isEnabledFor(logging.DEBUG):
        yield
        return
    before = alembic_log.level
    alembic_log.setLevel(logging.WARNING)
    try:
        yield
    finally:
        alembic_log.setLevel(before)


def _alembic_upgrade(conn: Connection, found: str | None) -> None:
    with _alembic_at_warning():
        from alembic import command

        cfg = _alembic_config()
        if found is not None:
            refuse_unknown_revision(found)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def _alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def refuse_unknown_revision(found: str) -> None:
    """Raise SchemaTooNew when `found` is no revision of this relay's (a newer relay migrated it)."""
    with _alembic_at_warning():
        from alembic.script import ScriptDirectory
        from alembic.util import CommandError

        try:
            ScriptDirectory.from_config(_alembic_config()).get_revision(found)
        except CommandError as exc:
            raise SchemaTooNew(
                f"the relay database is at schema revision {found!r}, which this relay does not know "
                "(a newer relay migrated it): run that relay, or restore a backup"
            ) from exc
