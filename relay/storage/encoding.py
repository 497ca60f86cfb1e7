"""Whether a PostgreSQL database is in UTF8, the one encoding that keeps every message (Korean, emoji)."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from relay.storage.schema import SchemaRefused


class DatabaseNotUtf8(SchemaRefused):
    """A PostgreSQL database in another encoding than UTF8: never opened through SQLAlchemy, nothing
    written; the message is the operator's line, with how to make a UTF8 one."""


def database_encoding(engine: Engine) -> str | None:
    """The encoding of the PostgreSQL database `engine` opens (None for SQLite), asked on a connection
    of the driver's own: SQLAlchemy's first connection to a SQL_ASCII database, what `initdb` makes
    under the C locale, fails with a TypeError (the server's version string comes back as bytes).
    A connection the driver cannot make raises SQLAlchemy's DBAPIError, as `engine.connect()` would."""
    if engine.dialect.name != "postgresql":
        return None
    dialect = engine.dialect
    cargs, cparams = dialect.create_connect_args(engine.url)
    try:
        raw = dialect.connect(*cargs, **cparams)
    except dialect.loaded_dbapi.Error as exc:
        raise DBAPIError.instance(None, None, exc, dialect.loaded_dbapi.Error, dialect=dialect) from exc
    try:
        cursor = raw.cursor()
        cursor.execute("SHOW server_encoding")
        row = cursor.fetchone()
    finally:
        raw.close()
    value = row[0] if row else ""
    return value.decode("ascii", "replace") if isinstance(value, bytes) else str(value)


def not_utf8_reason(engine: Engine, shown_url: str) -> str | None:
    """Why the PostgreSQL database `engine` opens cannot keep the relay's text, naming it as
    `shown_url` (its password hidden), or None.

    Only UTF8 holds every message (Korean, emoji); SQL_ASCII would keep bytes unchecked, and the
    relay cannot even open it."""
    encoding = database_encoding(engine)
    if encoding is None or encoding.upper() == "UTF8":
        return None
    user = engine.url.username or "USER"
    return (
        f"the database {shown_url} is in the encoding {encoding}, and the relay keeps its messages "
        f"(Korean, emoji) only in UTF8: create a UTF8 one, `createdb -E UTF8 -T template0 -O {user} NAME` "
        "(SQL: CREATE DATABASE NAME ENCODING 'UTF8' TEMPLATE template0)"
    )


def refuse_unless_utf8(engine: Engine) -> None:
    """Raise DatabaseNotUtf8 for a PostgreSQL database in another encoding than UTF8, before any of
    SQLAlchemy's connections to it (a relay worker started again after `serve`'s own look, or a
    second `serve` on another machine, looks at its start too): one connection, one statement."""
    reason = not_utf8_reason(engine, engine.url.render_as_string(hide_password=True))
    if reason is not None:
        raise DatabaseNotUtf8(reason)
