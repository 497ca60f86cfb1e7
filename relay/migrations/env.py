"""Alembic environment of the relay: runs on the connection relay/storage/schema.py hands it."""

from __future__ import annotations

from alembic import context

from relay.storage.schema import VERSION_TABLE
from relay.storage.tables import metadata

config = context.config


def run_migrations_online() -> None:
    connection = config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=metadata,
        version_table=VERSION_TABLE,
        render_as_batch=connection.dialect.name == "sqlite",
        # Both dialects run the upgrade inside the one transaction schema.py opened (SQLite's BEGIN
        # IMMEDIATE, PostgreSQL's advisory lock): Alembic leaves committing to it.
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
