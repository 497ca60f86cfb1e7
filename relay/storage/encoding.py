"""Whether a PostgreSQL database is in UTF8, the one encoding that keeps every message (Korean, emoji)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, DisconnectionError

from relay.storage.schema import SchemaRefused


class DatabaseNotUtf8(SchemaRefused, DisconnectionError):
    """A PostgreSQL database in another encoding than UTF8: never opened through SQLAlchemy, nothing
    written; the message is the operator's line, with how to make a UTF8 one.

    Also a storage error (SQLAlchemy's DisconnectionError: a connection that cannot be used): met by
    a running relay whose database was recreated under it, each loop and request that catches the
    database's failures says it as one (relay/store.py storage_cause), until the database is UTF8
    again; a command or a worker's start stops on it as on any database it refuses."""


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
        return _server_encoding(raw)
    finally:
        raw.close()


def _server_encoding(raw: Any) -> str:
    """The encoding a driver's connection says its database is in, its transaction ended again."""
    cursor = raw.cursor()
    try:
        cursor.execute("SHOW server_encoding")
        row = cursor.fetchone()
    finally:
        cursor.close()
    raw.rollback()  # as SQLAlchemy expects a new connection: no transaction open (autocommit can be set)
    value = row[0] if row else ""
    return value.decode("ascii", "replace") if isinstance(value, bytes) else str(value)


def not_utf8_reason(engine: Engine, shown_url: str) -> str | None:
    """Why the PostgreSQL database `engine` opens cannot keep the relay's text, naming it as
    `shown_url` (its password hidden), or None."""
    return _not_utf8_sentence(database_encoding(engine), shown_url, engine.url.username)


def _not_utf8_sentence(encoding: str | None, shown_url: str, user: str | None) -> str | None:
    """Only UTF8 holds every message (Korean, emoji); SQL_ASCII would keep bytes unchecked, and
    SQLAlchemy cannot even open it."""
    if encoding is None or encoding.upper() == "UTF8":
        return None
    owner = user or "USER"
    return (
        f"the database {shown_url} is in the encoding {encoding}, and the relay keeps its messages "
        f"(Korean, emoji) only in UTF8: create a UTF8 one, `createdb -E UTF8 -T template0 -O {owner} NAME` "
        "(SQL: CREATE DATABASE NAME ENCODING 'UTF8' TEMPLATE template0)"
    )


def refusal(encoding: str | None, engine: Engine) -> DatabaseNotUtf8 | None:
    """The refusal of a connection of `engine`'s whose database says it is in `encoding`, or None:
    for connections opened outside its pool (the intake's own, relay/storage/postgresql_intake.py)."""
    return url_refusal(encoding, engine.url)


def url_refusal(encoding: str | None, url: URL) -> DatabaseNotUtf8 | None:
    """As `refusal`, for a connection to `url` made without an engine (the wake-up listener's)."""
    reason = _not_utf8_sentence(encoding, url.render_as_string(hide_password=True), url.username)
    return None if reason is None else DatabaseNotUtf8(reason)


def refuse_other_encodings(engine: Engine) -> None:
    """Make every new connection of `engine` to a PostgreSQL database in another encoding than UTF8
    raise DatabaseNotUtf8, before SQLAlchemy uses it: a relay worker started again after `serve`'s
    own look, a `serve` on another machine, a worker's pool reconnecting after the database was
    recreated, each refuses for itself. One statement on each new connection, none of its own."""
    if engine.dialect.name != "postgresql":
        return
    shown_url = engine.url.render_as_string(hide_password=True)

    # First among the engine's connect handlers: before SQLAlchemy's own first look at the server,
    # which fails on SQL_ASCII.
    @event.listens_for(engine, "connect", insert=True)
    def _look(dbapi_connection: Any, _record: Any) -> None:
        reason = _not_utf8_sentence(_server_encoding(dbapi_connection), shown_url, engine.url.username)
        if reason is not None:
            dbapi_connection.close()
            raise DatabaseNotUtf8(reason)
