"""Alembic environment: runs on the connection app.db hands it (no alembic.ini needed)."""

from __future__ import annotations

from typing import Any

from alembic import context

from app.models import Base
from app.schema_sql import is_fts_object

config = context.config


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    return not is_fts_object(name)


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        from sqlalchemy import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
        with engine.connect() as conn:
            _run(conn)
        return
    _run(connection)


def _run(connection: Any) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        include_object=include_object,
        # SQLite runs DDL inside transactions, but Alembic's default for it says otherwise; app.db
        # hands us a connection already inside BEGIN IMMEDIATE, which Alembic then leaves to it.
        transactional_ddl=True,
        # app.db's progress report: called after each revision (the window's "step 2 of 5").
        on_version_apply=config.attributes.get("on_version_apply", ()),
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
