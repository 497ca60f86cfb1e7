"""Opening the desktop database: SQLite in WAL mode, migrations when needed, read and write sessions."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from app.errors import DatabaseUnavailable, SchemaTooNew

log = logging.getLogger(__name__)

# The schema version this code writes, kept in PRAGMA user_version by each migration, so the
# start-up path can tell with plain sqlite3 whether Alembic (≈375 ms to import) is needed at all.
SCHEMA_VERSION = 2

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def stored_schema_version(path: Path) -> int:
    """user_version of an existing database file; 0 for a new or empty one."""
    if not path.exists() or path.stat().st_size == 0:
        return 0
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseUnavailable(f"Cannot open {path}: {exc}") from exc
    try:
        return int(con.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise DatabaseUnavailable(f"{path} is not a Shop Inbox database ({exc}).") from exc
    finally:
        con.close()


def backup_file(source: Path, target: Path) -> Path:
    """A consistent copy of a live SQLite database through SQLite's backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def _configure_connection(dbapi_connection: Any, immediate: bool) -> None:
    # pysqlite's own transaction handling is turned off so SQLAlchemy's "begin" hook decides:
    # writers take the lock up front (BEGIN IMMEDIATE), or WAL's deferred upgrade fails at once
    # with "database is locked" regardless of busy_timeout.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(path: Path, *, immediate: bool) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": 10},
        pool_pre_ping=False,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        _configure_connection(dbapi_connection, immediate)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def migrate(path: Path) -> None:
    """Bring the database at `path` to SCHEMA_VERSION with Alembic (backing it up first)."""
    found = stored_schema_version(path)
    if found > SCHEMA_VERSION:
        raise SchemaTooNew(found, SCHEMA_VERSION)
    if found == SCHEMA_VERSION:
        return
    if found > 0:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        copy = backup_file(path, path.parent / "backups" / f"{path.stem}-v{found}-{stamp}.db")
        log.info("backed up database before migration to %s", copy)
    upgrade(path, "head")


def upgrade(path: Path, revision: str) -> None:
    """Run Alembic to `revision` ("head" or a revision id) on the file at `path`."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            # Batch mode copies and drops tables: with foreign keys on, the drop cascades.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.exec_driver_sql("PRAGMA journal_mode=WAL")
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, revision)
            connection.commit()
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise DatabaseUnavailable(f"Migration left broken references: {problems[:5]}")
    finally:
        engine.dispose()


class Database:
    """One desktop database file: a writer engine (BEGIN IMMEDIATE) and a reader engine."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.writer = make_engine(path, immediate=True)
        self.reader = make_engine(path, immediate=False)
        self._write_sessions = sessionmaker(self.writer, expire_on_commit=False)
        self._read_sessions = sessionmaker(self.reader, expire_on_commit=False)

    @classmethod
    def open(cls, path: Path) -> Database:
        """Open (creating or migrating as needed) the database at `path`."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseUnavailable(f"Cannot create the folder {path.parent}: {exc}") from exc
        migrate(path)
        return cls(path)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A short write transaction: committed when the block ends, rolled back on error."""
        with self._write_sessions() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A short read-only session; close it soon so it does not pin an old WAL snapshot."""
        with self._read_sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    def close(self) -> None:
        self.writer.dispose()
        self.reader.dispose()
