"""What PostgreSQL lets the relay's user open, held against RELAY_DB_CONNECTIONS before `serve` starts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from relay.command_settings import shown

# The server's slots an ordinary role may take (superusers also take the ones kept for them; PostgreSQL
# 16's reserved_connections, for pg_use_reserved_connections, is absent before it), and the database's
# and the role's own CONNECTION LIMIT (-1: none; PostgreSQL does not hold a superuser to either).
CEILING_QUERY = text(
    "SELECT current_setting('max_connections')::int,"
    " current_setting('superuser_reserved_connections')::int"
    "   + coalesce(nullif(current_setting('reserved_connections', true), '')::int, 0),"
    " (SELECT datconnlimit FROM pg_database WHERE datname = current_database()),"
    " (SELECT rolconnlimit FROM pg_roles WHERE rolname = current_user),"
    " (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)"
)


@dataclass(frozen=True, slots=True)
class ConnectionCeiling:
    """The most connections PostgreSQL lets this role open on this database, and what sets it."""

    limit: int
    by: str  # what sets it, with its value: "max_connections (100, 3 of them kept for superusers)"
    setting: str  # what to raise: "max_connections"


def connection_ceiling(url: str) -> ConnectionCeiling | None:
    """The lowest of the limits PostgreSQL would hold the relay's connections to; None for SQLite or
    where the server could not be asked (the command's own open says why)."""
    if not url.startswith("postgresql"):
        return None
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            row = conn.execute(CEILING_QUERY).one()
    except SQLAlchemyError:
        return None
    finally:
        engine.dispose()
    max_connections, reserved, database_limit, role_limit, superuser = row
    if superuser:
        return ConnectionCeiling(
            int(max_connections), f"max_connections ({max_connections})", "max_connections"
        )
    ceilings = [
        ConnectionCeiling(
            int(max_connections) - int(reserved),
            f"max_connections ({max_connections}, {reserved} of them kept for superusers)",
            "max_connections",
        )
    ]
    if database_limit is not None and database_limit >= 0:
        ceilings.append(
            ConnectionCeiling(
                int(database_limit),
                f"the database's CONNECTION LIMIT ({database_limit})",
                "the database's CONNECTION LIMIT",
            )
        )
    if role_limit is not None and role_limit >= 0:
        ceilings.append(
            ConnectionCeiling(
                int(role_limit), f"the user's CONNECTION LIMIT ({role_limit})", "the user's CONNECTION LIMIT"
            )
        )
    return min(ceilings, key=lambda ceiling: ceiling.limit)


def over_ceiling_reason(url: str, db_connections: int, workers: int, least: int) -> str | None:
    """Why RELAY_DB_CONNECTIONS is more than PostgreSQL lets the relay open (one line), or None.

    Past the ceiling PostgreSQL refuses the relay's connections only once it is busy ("too many
    clients"), and each refusal looks like a lost connection: webhooks answered 503 under load, the
    cause far from the setting. Said at the start instead, with the number that fits.
    """
    ceiling = connection_ceiling(url)
    if ceiling is None or db_connections <= ceiling.limit:
        return None
    if ceiling.limit < least * workers:
        fix = f"run fewer workers (each needs {least}), or raise {ceiling.setting}"
    else:
        fix = f"set RELAY_DB_CONNECTIONS={ceiling.limit} or less, or raise {ceiling.setting}"
    return (
        f"RELAY_DB_CONNECTIONS={db_connections} is more connections than PostgreSQL lets this relay "
        f"open on {shown(url)}: {ceiling.limit}, by {ceiling.by}; {fix} "
        '(the total of every relay and tool on the server must fit too: docs/relay.md, "Connections")'
    )
