"""The relay's schema: brought to the code's Alembic head at start, once, under a lock."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import Connection

log = logging.getLogger(__name__)

# Not Alembic's default `alembic_version`: a PostgreSQL database the relay shares with another
# application must not mix their version rows.
VERSION_TABLE = "relay_schema_version"
# The newest revision in relay/migrations/versions (a test holds the two together): a relay already
# there starts without importing Alembic.
HEAD = "0012"
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
# Every worker of `serve --workers N` starts at once: the first upgrades, the others wait here and
# then find the head.
PG_MIGRATION_LOCK = 424243


class SchemaRefused(RuntimeError):
    """A database the relay will not migrate, left untouched; the message is the operator's line."""


class SchemaMismatch(SchemaRefused):
    """A relay database that is neither versioned nor the tables create_all made: never touched."""


class SchemaTooNew(SchemaRefused):
    """The database was migrated by a newer relay than this one."""


def stored_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table(VERSION_TABLE):
        return None
    return conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar_one_or_none()


def upgrade_schema(engine: Engine) -> None:
    """Migrate to HEAD in one transaction; a database create_all built is taken over first."""
    with engine.connect() as conn:
        if stored_revision(conn) == HEAD:
            return
    with engine.begin() as conn:  # SQLite: BEGIN IMMEDIATE (relay/storage/database.py), one writer
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
    log.info("database upgraded: from=%s to=%s", found or "none", HEAD)


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
        from alembic.config import Config
        from alembic.script import ScriptDirectory
        from alembic.util import CommandError

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
        if found is not None:
            try:
                ScriptDirectory.from_config(cfg).get_revision(found)
            except CommandError as exc:
                raise SchemaTooNew(
                    f"the relay database is at schema revision {found!r}, which this relay does not know "
                    "(a newer relay migrated it): run that relay, or restore a backup"
                ) from exc
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
