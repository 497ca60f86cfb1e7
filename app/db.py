"""Opening the desktop database: SQLite in WAL mode, migrations when needed, read and write sessions."""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

# app.errors (its codes and parameter dataclasses, ≈ 18 ms of CPU) is imported where an error is
# raised: a start that goes well paints the first chat-list page without it (see ui/start_path.py).
from app.file_stamps import file_stamp
from app.paths import may_not_write_in, read_only_folder_error
from app.unfinished_start import clear_unfinished_first_start, refuse_unversioned_data

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine
    from sqlalchemy.orm import Session, sessionmaker

    from app.errors import DiskFull

log = logging.getLogger(__name__)

# The schema version this code writes, kept in PRAGMA user_version by each migration, so the
# start-up path can tell with plain sqlite3 whether Alembic (≈375 ms to import) is needed at all.
SCHEMA_VERSION = 28

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


class MigrationPhase(StrEnum):
    BACKUP = "backup"  # the copy made before anything changes
    UPGRADE = "upgrade"  # the revisions, all in one transaction


@dataclass(frozen=True, slots=True)
class MigrationProgress:
    """How far an update of the inbox file has come: `done` of `total` (pages copied, or revisions)."""

    phase: MigrationPhase
    done: int
    total: int


MigrationReport = Callable[[MigrationProgress], None]

# Pages copied between two reports of the backup's progress (16 MiB of 4 KiB pages).
BACKUP_PAGES_PER_STEP = 4096


def migration_due(path: Path) -> bool:
    """Whether opening `path` will update an owner's inbox from an older version (a file with a
    schema, older than this code's): the start then shows a window while it runs. A new or
    unfinished first start (version 0) is quick, and a newer file is refused, not migrated."""
    try:
        found = stored_schema_version(path)
    except Exception as exc:
        from app.errors import ShopInboxError

        if not isinstance(exc, ShopInboxError):
            raise
        # Unreadable (a full disk, a stranger's file): opening it says so, or opens it to read only.
        return False
    return 0 < found < SCHEMA_VERSION


def stored_schema_version(path: Path) -> int:
    """user_version of an existing database file; 0 for a new or empty one."""
    if not path.exists() or path.stat().st_size == 0:
        return 0
    try:
        # Read-write, never creating: a writer killed mid-transaction (a first start switching the
        # new file to WAL) leaves a hot journal that only a connection allowed to write rolls back;
        # read-only, SQLite refuses with SQLITE_READONLY_ROLLBACK and the file looks broken for ever.
        con = sqlite3.connect(f"file:{path}?mode=rw", uri=True)
    except sqlite3.Error as exc:
        from app.errors import DatabaseUnavailable

        if may_not_write_in(path.parent):
            raise read_only_folder_error(path.parent, exc) from exc
        raise DatabaseUnavailable(f"Cannot open {path}: {exc}", path=path) from exc
    try:
        return int(con.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        from app.errors import DatabaseUnavailable, DiskFull, ErrorCode

        primary = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        if primary in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
            raise DatabaseUnavailable(
                f"{path} is not a Shop Inbox database ({exc}).", path=path, code=ErrorCode.NOT_A_DATABASE
            ) from exc
        # Not the file's fault: WAL's index beside it could not be made (a full disk answers "disk
        # I/O error" so), or the file is locked. Never "damaged, restore a backup" for that.
        if is_disk_full(exc) or no_room_beside(path):
            raise DiskFull(f"Cannot read {path}: {exc}") from exc
        if may_not_write_in(path.parent):  # no WAL index may be made beside it: a read-only folder
            raise read_only_folder_error(path.parent, exc) from exc
        raise DatabaseUnavailable(f"Cannot read {path}: {exc}", path=path) from exc
    finally:
        con.close()


def refuse_damaged_inbox(path: Path) -> None:
    """Raise DatabaseUnavailable NOT_A_DATABASE when SQLite's quick check finds the inbox file
    damaged (cut short by a failing disk, pages overwritten): it is never opened for writing then,
    so nothing is written over what may still be saved from it, and the owner is offered a backup.

    Opened read-only, so the check itself writes nothing. A truncated file passes the header read of
    `stored_schema_version` and, opened as usual, showed an empty chat list with no word of why.
    Only what SQLite calls corruption counts: a file it cannot open at all for another reason
    (locked, no room for its index) is left to the usual open, which says that in its own words."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return
    try:
        found = str(con.execute("PRAGMA quick_check(1)").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        primary = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        if primary not in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
            return
        found = str(exc)
    finally:
        con.close()
    if found != "ok":
        from app.errors import DatabaseUnavailable, ErrorCode

        raise DatabaseUnavailable(
            f"{path} is damaged (quick_check: {found})", path=path, code=ErrorCode.NOT_A_DATABASE
        )


# Less free space than this beside the inbox file, and a failure to read or write it is the disk's.
ROOM_NEEDED = 1 << 20


def no_room_beside(path: Path) -> bool:
    """True when the disk holding `path` has (almost) no space left."""
    import shutil  # only when opening failed: shutil brings lzma and bz2, which a start need not load

    try:
        return shutil.disk_usage(path.parent).free < ROOM_NEEDED
    except OSError:
        return False


def immutable_uri(path: Path) -> str:
    """The file as SQLite's URI for a file nothing changes: opened with no WAL index beside it (a
    full disk has no room for one), no locks and no writes. Open it with `uri=True`."""
    return f"{path.resolve().as_uri()}?immutable=1"


def backup_file(
    source: Path,
    target: Path,
    *,
    immutable: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """A consistent copy of a live SQLite database through SQLite's backup API.

    `immutable`: the source is read as a file nothing changes (a read-only inbox, see
    `Database.open_read_only`), so no index (`-shm`) is made beside it: there may be no room for one.
    `progress(pages_copied, pages)` is called as the copy goes on, in the calling thread.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    # Written beside the target and renamed into place: a kill mid-copy leaves no half backup that
    # looks whole.
    partial = target.with_name(target.name + ".partial")
    remove_partial_copy(partial)
    src = sqlite3.connect(immutable_uri(source), uri=True) if immutable else sqlite3.connect(source)
    try:
        dst = sqlite3.connect(partial)
        try:
            if progress is None:
                src.backup(dst)
            else:
                src.backup(
                    dst,
                    pages=BACKUP_PAGES_PER_STEP,
                    progress=lambda _status, remaining, total: progress(total - remaining, total),
                )
        finally:
            dst.close()
    except BaseException:
        # A copy cut short by a full disk would keep the space the owner is asked to free.
        remove_partial_copy(partial)
        raise
    finally:
        src.close()
    partial.replace(target)
    return target


def causes(exc: BaseException) -> Iterator[BaseException]:
    """The exception, the driver's error SQLAlchemy wraps (`orig`), and what each was raised from."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        found = todo.pop()
        if found is None or id(found) in seen:
            continue
        seen.add(id(found))
        yield found
        orig = getattr(found, "orig", None)
        todo.extend([orig if isinstance(orig, BaseException) else None, found.__cause__, found.__context__])


def is_disk_full(exc: BaseException) -> bool:
    """SQLite's "database or disk is full", or the OS's "no space left" (or quota), anywhere in the chain."""
    from app.errors import DiskFull

    for found in causes(exc):
        if isinstance(found, DiskFull):
            return True
        if (
            isinstance(found, sqlite3.Error)
            and getattr(found, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL
        ):
            return True
        if isinstance(found, OSError) and found.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
    return False


def is_damaged_file(exc: BaseException) -> bool:
    """SQLite found the inbox file damaged ("database disk image is malformed", "file is not a
    database") anywhere in the chain: no retry helps, a backup does."""
    return any(
        isinstance(found, sqlite3.DatabaseError)
        and ((getattr(found, "sqlite_errorcode", None) or 0) & 0xFF)
        in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
        for found in causes(exc)
    )


def is_storage_failure(exc: BaseException) -> bool:
    """The inbox file could not be written (full disk, locked past the busy timeout, I/O error): a
    matter of this computer, not of what was being written; the same write may well succeed later."""
    return is_disk_full(exc) or any(isinstance(found, sqlite3.OperationalError) for found in causes(exc))


def remove_partial_copy(partial: Path) -> None:
    """A half-written copy with its journal or WAL, so none of them meets the next copy of that name."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        partial.with_name(partial.name + suffix).unlink(missing_ok=True)


def _casefold(value: object) -> object:
    return value.casefold() if isinstance(value, str) else value


def _configure_connection(
    dbapi_connection: Any, *, foreign_keys: bool, synchronous: str, read_only: bool = False
) -> None:
    # pysqlite's own transaction handling is turned off so SQLAlchemy's "begin" hook decides:
    # writers take the lock up front (BEGIN IMMEDIATE), or WAL's deferred upgrade fails at once
    # with "database is locked" regardless of busy_timeout. These PRAGMAs do nothing inside a
    # transaction, so they run here, before the first BEGIN.
    dbapi_connection.isolation_level = None
    # SQLite's lower() and LIKE fold ASCII letters only: a name searched for 'müller' or 'ölfilter'
    # is matched through this where the query has a letter they cannot fold (app.text.needs_casefold).
    dbapi_connection.create_function("casefold", 1, _casefold, deterministic=True)
    cursor = dbapi_connection.cursor()
    if read_only:  # an immutable file (see Database.open_read_only): nothing to set up, nothing written
        cursor.execute("PRAGMA query_only=ON")
        cursor.close()
        return
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
    cursor.execute(f"PRAGMA synchronous={synchronous}")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(
    path: Path,
    *,
    immediate: bool,
    foreign_keys: bool = True,
    synchronous: str = "NORMAL",
    read_only: bool = False,
    create: bool = True,
) -> Engine:
    """`create=False`: a connection never makes the file. An open inbox's folder that went away (a
    USB stick taken out) then fails every new connection, and none makes an empty inbox in its place
    that new messages would be written to."""
    from sqlalchemy import create_engine, event

    if read_only:
        url = f"sqlite:///{immutable_uri(path)}&uri=true"
    elif create:
        url = f"sqlite:///{path}"
    else:
        url = f"sqlite:///{path.resolve().as_uri()}?mode=rw&uri=true"
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": 10},
        pool_pre_ping=False,
        # Parameters carry customers' messages: an error's text (logged) names the statement only.
        hide_parameters=True,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        _configure_connection(
            dbapi_connection, foreign_keys=foreign_keys, synchronous=synchronous, read_only=read_only
        )

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def migrate(path: Path, report: MigrationReport | None = None) -> None:
    """Bring the database at `path` to SCHEMA_VERSION with Alembic (backing it up first).

    `report` hears how far it has come, in the calling thread (a window's worker posts it on)."""
    found = stored_schema_version(path)
    if found > SCHEMA_VERSION:
        from app.errors import SchemaTooNew

        raise SchemaTooNew(found, SCHEMA_VERSION)
    if found == SCHEMA_VERSION:
        return
    if found == 0 and path.exists() and path.stat().st_size > 0:
        refuse_unversioned_data(path)
    if found > 0:
        check_room_to_update(path)
    try:
        copy = None if found == 0 else safety_copy(path, found, report)
    except Exception as exc:
        if out_of_room(path, exc):  # the copy's own .partial is gone already (backup_file)
            raise _update_disk_full(path, exc) from exc
        raise
    steps = SCHEMA_VERSION - found
    applied = [0]

    def one_more_applied() -> None:
        applied[0] += 1
        if report is not None:
            report(MigrationProgress(MigrationPhase.UPGRADE, min(applied[0], steps), steps))

    if report is not None:
        report(MigrationProgress(MigrationPhase.UPGRADE, 0, steps))
    try:
        upgrade(path, "head", on_step=one_more_applied)
    except Exception as exc:
        if not out_of_room(path, exc):
            raise
        if copy is not None:
            # One transaction, rolled back: the inbox is as it was, so this copy of it would only
            # hold the room the next try needs, and each try would leave one more.
            remove_partial_copy(copy)
            log.warning(
                "the disk filled up while %s was updated: it is as it was; its copy is removed", path.name
            )
        if found == 0:  # a first start: there was no inbox to update, and none is set up yet
            from app.errors import NoRoomToSetUp

            raise NoRoomToSetUp(path.parent, str(exc)) from exc
        raise _update_disk_full(path, exc) from exc


def out_of_room(path: Path, exc: BaseException) -> bool:
    """`exc` is the disk's having no room: SQLite's "disk is full", or a failure to write beside
    `path` on a disk with (almost) nothing free (WAL's index that cannot be made is "disk I/O error")."""
    return is_disk_full(exc) or (is_storage_failure(exc) and no_room_beside(path))


def _update_disk_full(path: Path, exc: Exception) -> DiskFull:
    """The update ran out of room (and was undone): said as an update that could not be made."""
    from app.errors import DiskFull, ErrorCode, PathParams

    return DiskFull(
        f"no room to update {path}: {exc}",
        code=ErrorCode.UPDATE_DISK_FULL,
        params=PathParams(str(path.parent)),
    )


def room_to_update(path: Path) -> int:
    """Free space (bytes) that updating the inbox at `path` needs on its disk, roughly.

    The safety copy takes about the inbox's size; the update's one transaction then grows the WAL
    beside the inbox and SQLite's temporary files (the search tables rebuilt, indexes sorted).
    Measured on bench.make_db's 1M-message inbox (360 MB) updated from version 10
    (`SQLITE_TMPDIR=/dev/shm`, free space polled every 10 ms): WAL up to 92 MB (0.26x), temporary
    files up to 73 MB (0.20x); 200k messages from version 1 or 10: 0.25x and 0.17-0.21x. The
    temporary files are on the data folder's disk on an owner's laptop (Windows' TEMP, /var/tmp).
    """
    return inbox_size(path) * 3 // 2 + ROOM_NEEDED


def inbox_size(path: Path) -> int:
    """The inbox file's bytes with its WAL's."""
    return sum(_file_size(p) for p in (path, path.with_name(path.name + "-wal")))


def _file_size(path: Path) -> int:
    """0 for a file not there: the WAL goes when the last connection to the inbox closes, which
    another start or a reader may do at any moment, also between a look and its size."""
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def check_room_to_update(path: Path) -> None:
    """Raise NoRoomToUpdate when the data folder's disk has less free space than the update needs,
    or SQLite's temporary files go to another disk with less than their share: before anything is
    copied or changed, said up front instead of a disk filled halfway."""
    import shutil

    from app.errors import ErrorCode, NoRoomToUpdate

    needed = room_to_update(path)
    free = shutil.disk_usage(path.parent).free
    if free < needed:
        log.warning("%s has %d bytes free; updating %s needs about %d", path.parent, free, path.name, needed)
        raise NoRoomToUpdate(path.parent, needed, free)
    temp = sqlite_temp_folder()
    if temp is None or _same_disk(temp, path.parent):
        return  # counted above with the rest
    needed = inbox_size(path) // 4 + ROOM_NEEDED  # 0.17-0.21x of its size measured (room_to_update)
    free = shutil.disk_usage(temp).free
    if free < needed:
        log.warning("%s has %d bytes free; updating %s needs about %d there", temp, free, path.name, needed)
        raise NoRoomToUpdate(temp, needed, free, code=ErrorCode.UPDATE_NEEDS_TEMP_ROOM)


def sqlite_temp_folder() -> Path | None:
    """The folder SQLite writes its temporary files to (an update's sorts and rebuilt search tables),
    found as SQLite finds it: on Windows the user's temp folder; elsewhere the first folder it may
    write of $SQLITE_TMPDIR, $TMPDIR, /var/tmp, /usr/tmp and /tmp. None: none of them."""
    import tempfile

    if sys.platform == "win32":
        return Path(tempfile.gettempdir())
    for candidate in (
        os.environ.get("SQLITE_TMPDIR"),
        os.environ.get("TMPDIR"),
        "/var/tmp",
        "/usr/tmp",
        "/tmp",
    ):
        if candidate and os.path.isdir(candidate) and os.access(candidate, os.W_OK | os.X_OK):
            return Path(candidate)
    return None


def _same_disk(a: Path, b: Path) -> bool:
    try:
        return a.stat().st_dev == b.stat().st_dev
    except OSError:
        return True  # not found out: the data folder's check stands for both


def safety_copy(path: Path, found: int, report: MigrationReport | None) -> Path:
    """The copy of the inbox at version `found` made before updating it, in `<data>/backups`; an
    earlier try's copy of the very same inbox is removed once this one is whole."""
    backups = path.parent / "backups"
    # A start killed mid-backup left a .partial copy; its complete successor is written now.
    for stale in backups.glob(f"{path.stem}-v*.db.partial"):
        remove_partial_copy(stale)
    stamp = file_stamp()
    target = backups / f"{path.stem}-v{found}-{stamp}.db"
    again = 1
    while target.exists():  # a second try within the same second: never over an earlier copy
        again += 1
        target = backups / f"{path.stem}-v{found}-{stamp}-{again}.db"
    copy = backup_file(
        path,
        target,
        progress=None
        if report is None
        else lambda done, total: report(MigrationProgress(MigrationPhase.BACKUP, done, total)),
    )
    log.info("backed up database before migration to %s", copy)
    remove_earlier_copies_of_the_same(copy, f"{path.stem}-v{found}-*.db")
    return copy


def remove_earlier_copies_of_the_same(copy: Path, pattern: str) -> None:
    """Remove the earlier safety copies (beside `copy`, named as `pattern`: the same inbox file at
    the same version `found`) that are byte for byte `copy`.

    Why an earlier copy of version `found` can exist: an update of this very inbox from `found` was
    cut short (a kill, a power cut, a full disk) after its copy was whole. Its transaction rolled
    back, so the inbox is as the copy has it, and every retry would keep one more whole copy.

    Why the name alone (same stem, same version) is not enough to remove one: between two tries
    the file at version `found` may have changed. The owner may have gone back to the older Shop
    Inbox and kept answering customers with it; a backup may have been restored over the inbox; an
    update from `found` may even have succeeded, and a later restore brought version `found` back.
    Then the earlier copy holds chats (or their absence) that no other copy holds. Timestamps, sizes
    and SQLite's change counter cannot tell (in WAL mode the header's counter does not move with
    each commit). So only content decides: SQLite's backup of an unchanged database is the same
    bytes every time (checked: two copies, and a copy after an update killed mid-transaction, are
    identical; one message changed makes them differ), and a copy identical to the one just made
    holds nothing the new one lacks. Copies of other versions, made before earlier updates that
    succeeded, are never looked at. Comparing reads each same-sized candidate once, far less than
    the copy itself wrote.
    """
    import filecmp

    size = copy.stat().st_size
    for earlier in copy.parent.glob(pattern):
        if earlier == copy or earlier.stat().st_size != size:
            continue
        if filecmp.cmp(earlier, copy, shallow=False):
            earlier.unlink()
            log.info("removed %s: the same inbox as the new copy %s", earlier.name, copy.name)


def upgrade(path: Path, revision: str, *, on_step: Callable[[], None] | None = None) -> None:
    """Run Alembic to `revision` ("head" or a revision id) on `path`, all of it in one transaction.

    A kill or power cut at any moment leaves either the schema from before or the one after, never
    a half: Alembic runs on a connection whose every statement (CREATE TABLE, the FTS tables and
    triggers, batch mode's table copies, PRAGMA user_version) is inside one BEGIN IMMEDIATE, committed
    only after the foreign-key check passed. `on_step()` is called after each revision ran (still
    uncommitted).
    """
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if on_step is not None:
        cfg.attributes["on_version_apply"] = lambda **_: on_step()
    # Batch mode copies and drops tables: with foreign keys on, the drop cascades and deletes rows.
    # synchronous=FULL: the commit that ends a migration survives a power cut, not only a kill.
    engine = make_engine(path, immediate=True, foreign_keys=False, synchronous="FULL")
    try:
        with engine.connect() as connection:
            with connection.begin():
                found = _user_version(connection)
                if found == 0:
                    clear_unfinished_first_start(connection, path)
                log.info("migration of %s from version %d to %s started", path.name, found, revision)
                # Alembic sees a connection already in a transaction and leaves committing to us.
                cfg.attributes["connection"] = connection
                command.upgrade(cfg, revision)
                if not _in_transaction(connection):
                    raise RuntimeError("a migration ended the upgrade's transaction (COMMIT in a revision?)")
                problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    from app.errors import DatabaseUnavailable, ErrorCode

                    raise DatabaseUnavailable(
                        f"Migration left broken references: {problems[:5]}",
                        path=path,
                        code=ErrorCode.MIGRATION_FAILED,
                    )
                reached = _user_version(connection)
                if revision == "head" and reached != SCHEMA_VERSION:
                    raise RuntimeError(
                        f"migrations to head left user_version {reached}, expected {SCHEMA_VERSION}"
                    )
            log.info("migration of %s to version %d committed", path.name, reached)
    finally:
        engine.dispose()


def _in_transaction(connection: Connection) -> bool:
    raw = connection.connection.driver_connection
    return isinstance(raw, sqlite3.Connection) and raw.in_transaction


def _user_version(connection: Connection) -> int:
    return int(connection.exec_driver_sql("PRAGMA user_version").scalar_one())


class Database:
    """One desktop database file: a writer engine (BEGIN IMMEDIATE) and a reader engine.

    The engines (and SQLAlchemy, ~250 ms to import) are made on first use or by `connect()`, so
    start-up can open the file, paint the chat list with plain sqlite3 (app/first_page.py) and
    connect in a worker after the first paint.
    """

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        # Opened to read only because the disk was full at start (`open_read_only`): writes raise DiskFull.
        self.read_only = read_only
        self._connect_lock = threading.Lock()
        self._engines: tuple[Engine, Engine] | None = None
        self._sessions: tuple[sessionmaker[Session], sessionmaker[Session]] | None = None

    @classmethod
    def open(cls, path: Path) -> Database:
        """Open (creating or migrating as needed) the database at `path`; engines come on first use."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            from app.errors import DatabaseUnavailable

            if may_not_write_in(next((p for p in path.parents if p.is_dir()), path.parent)):
                raise read_only_folder_error(path.parent, exc) from exc
            raise DatabaseUnavailable(
                f"Cannot create the folder {path.parent}: {exc}", path=path.parent
            ) from exc
        migrate(path)
        return cls(path)

    @classmethod
    def open_read_only(cls, path: Path, full: DiskFull) -> Database:
        """The inbox at `path` to read only, when the disk is too full to open it as usual (`full`,
        raised again when this cannot be done either).

        SQLite opens a WAL database only with its index beside it, which a full disk has no room for;
        an immutable file needs none. That shows the file whole only while no WAL holds changes not
        checkpointed into it (a clean quit removes the WAL), and only if its schema is this code's: no
        migration can run on a full disk.
        """
        wal = path.with_name(path.name + "-wal")
        try:
            if wal.exists() and wal.stat().st_size > 0:
                raise full
            con = sqlite3.connect(immutable_uri(path), uri=True)
            try:
                found = int(con.execute("PRAGMA user_version").fetchone()[0])
            finally:
                con.close()
        except (OSError, sqlite3.Error) as exc:
            raise full from exc
        if found != SCHEMA_VERSION:
            raise full
        log.warning("the disk is full: %s opened to read only", path.name)
        return cls(path, read_only=True)

    def connect(self) -> None:
        """Make the writer and reader engines now (any thread; idempotent)."""
        with self._connect_lock:
            if self._engines is not None:
                return
            from sqlalchemy.orm import sessionmaker

            # Made by `open` (its migration); from here on a missing file is never made anew.
            writer = make_engine(self.path, immediate=True, read_only=self.read_only, create=False)
            reader = make_engine(self.path, immediate=False, read_only=self.read_only, create=False)
            self._sessions = (
                sessionmaker(writer, expire_on_commit=False),
                sessionmaker(reader, expire_on_commit=False),
            )
            self._engines = (writer, reader)

    @property
    def connected(self) -> bool:
        return self._engines is not None

    @property
    def writer(self) -> Engine:
        self.connect()
        assert self._engines is not None
        return self._engines[0]

    @property
    def reader(self) -> Engine:
        self.connect()
        assert self._engines is not None
        return self._engines[1]

    def _session_makers(self) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
        self.connect()
        assert self._sessions is not None
        return self._sessions

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A short write transaction: committed when the block ends, rolled back on error.

        A full disk is raised as `DiskFull`, so callers tell it from a problem with what they wrote.
        """
        if self.read_only:
            from app.errors import DiskFull

            raise DiskFull("the inbox was opened to read only: the disk was full at start")
        try:
            with self._session_makers()[0]() as session, session.begin():
                yield session
        except Exception as exc:
            if is_disk_full(exc):
                from app.errors import DiskFull

                raise DiskFull(str(exc)) from exc
            raise

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A short read-only session; close it soon so it does not pin an old WAL snapshot."""
        with self._session_makers()[1]() as session:
            try:
                yield session
            finally:
                session.rollback()

    def close(self) -> None:
        with self._connect_lock:
            engines, self._engines, self._sessions = self._engines, None, None
        if engines is not None:
            for engine in engines:
                engine.dispose()
