"""The settings a `shop-inbox-relay` command reads (the environment, an env file on top) and whether
a database URL names a relay's database yet, without creating one."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from relay.env_file import read_env_file
from relay.storage.connection_refusals import refusal_cause
from relay.storage.encoding import not_utf8_reason


class CommandRefused(Exception):
    """A command's input it cannot use; the message (one line) names what to fix."""


def command_env(env_file: str | None, environ: Mapping[str, str]) -> dict[str, str]:
    """The environment with the env file's settings on top (as the relay's EnvironmentFile= gives them)."""
    env = dict(environ)
    if env_file:
        path = Path(env_file)
        try:
            if not path.is_file():
                raise CommandRefused(f"no env file at {path}")
            env.update(read_env_file(path))
        except PermissionError as exc:
            # setup leaves it 0600 (and /etc/shop-inbox may be closed too): the relay's user or root
            # reads it, an admin's own login does not.
            raise CommandRefused(
                f"cannot read {path}: {exc.strerror}; run this as the user the relay runs as (the "
                f"file's owner, e.g. sudo -u shop-inbox …) or with sudo"
            ) from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandRefused(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from exc
    return env


def shown(url: str) -> str:
    """The URL as a message may show it: the password hidden, also where SQLAlchemy cannot read the
    URL or would split it at an @ of the password (everything up to the last @ is the user's)."""
    head, sep, tail = url.partition("://")
    if not sep:
        head, tail = "", url
    userinfo, at, host = tail.rpartition("@")
    if not at or ":" not in userinfo:
        return url
    return f"{head}{sep}{userinfo.split(':', 1)[0]}:***@{host}"


def unreadable_url_reason(url: str) -> str | None:
    """A URL SQLAlchemy cannot even split (a port that is no number: "…:5432relay/…" with its slash
    left out), which ended the command in a traceback of SQLAlchemy's parser; or None."""
    try:
        make_url(url)
    except ArgumentError:  # said with SQLAlchemy's own words where the engine is made
        return None
    except ValueError:
        return (
            f"cannot use the database URL {shown(url)}: its port is not a number (is the / before the "
            "database name missing?); a PostgreSQL URL is postgresql+psycopg://USER:PASSWORD@HOST:5432/NAME"
        )
    return None


def unescaped_at_reason(url: str) -> str | None:
    """A password with a bare @ makes SQLAlchemy take the rest of it for the host name, and the
    driver's error then prints that part of the password: refused before anything is tried."""
    _head, sep, tail = url.partition("://")
    userinfo = tail.rpartition("@")[0] if sep else ""
    if "@" not in userinfo:
        return None
    return (
        f"the password in the database URL {shown(url)} holds an @: write each @ in it as %40 "
        "(percent-encoded)"
    )


# Said after PostgreSQL's "too many connections" where a command could not open the database: the
# URL is right and the server up, but it has no slot left for the relay.
SERVER_FULL = (
    "; the server is up but has no connection left for the relay: see what holds them "
    "(SELECT usename, application_name, count(*) FROM pg_stat_activity GROUP BY 1, 2), or raise "
    "max_connections or the CONNECTION LIMIT"
)

# Said after PostgreSQL's refusal of the login (a wrong password, no such role, no pg_hba.conf line)
# where a command could not open the database: the server and the database in the URL are right,
# its user or password is not one PostgreSQL accepts, so another --database is not the fix.
LOGIN_REFUSED = (
    "; the server is up but refuses this login: give RELAY_DATABASE_URL (in the relay's env file; or "
    "--database) the user and password PostgreSQL has for the relay, or, for a pg_hba.conf refusal, "
    "add a line for this host there and reload PostgreSQL"
)

# PostgreSQL's "database … does not exist" (in English; a server in another language keeps its own
# words and no advice): the line then says how to make one the relay can use (UTF8).
_NO_SUCH_DATABASE = re.compile(r'database ".*" does not exist')
# How that line goes on: the command then says where the name is fixed and what follows a createdb
# (`with_fix`), so the two read as one piece of advice.
NO_SUCH_DATABASE = "; the server is up but has no such database: create it with "

# Said after a PostgreSQL database is found in another encoding than UTF8 (not_utf8_reason): the fix is
# a new database, so another URL is the fix only as the URL of that one.
NOT_UTF8 = ", and give the relay its URL (--database, or RELAY_DATABASE_URL in its env file)"

# Said after a SQLite file that could not be opened on a disk with no room left (SQLite's words,
# "disk I/O error", are of its WAL index beside the file): the URL is right, another is not the fix.
# The command's own ending follows it (`again`).
DISK_FULL = "; free some space there"

# How a line ends that room freed (or time) can fix, by the command that said it: the relay is
# started again, a check, a token or the setup is run again, a move is made again.
AGAIN = {
    "serve": " and start again",
    "check": " and run it again",
    "token": " and run it again",
    "setup": " and run setup again",
    "move-database": " and move again",
}


def again(command: str) -> str:
    """The end of `command`'s line after "free some space there" (`AGAIN`)."""
    return AGAIN.get(command, " and try again")


def schema_refusal(exc: Exception, command: str) -> str:
    """A refused database's line as `command` says it: one for want of room (SchemaNoRoom) ends as
    `command`'s lines do (`again`), not with the relay's "and start again"."""
    from relay.storage.schema import SchemaNoRoom

    return exc.reason + again(command) if isinstance(exc, SchemaNoRoom) else str(exc)


SQLITE_FORMS = (
    "sqlite:///relay.db (in the folder the relay starts in) or sqlite:////var/lib/shop-inbox/relay.db "
    "(a full path: four slashes)"
)


def _in_memory_sqlite(url: str) -> bool:
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):  # ValueError: a port that is no number (unreadable_url_reason)
        return False
    in_memory = parsed.database in (None, "", ":memory:") and not parsed.host  # sqlite://x: a slash short
    return parsed.drivername.startswith("sqlite") and in_memory


def sqlite_file(url: str) -> Path | None:
    """The file a SQLite URL names (None for another database or an in-memory one)."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):  # ValueError: a port that is no number (unreadable_url_reason)
        return None
    if not parsed.drivername.startswith("sqlite") or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def sqlite_file_missing(url: str) -> bool:
    """A SQLite URL whose file does not exist yet: opening it would create it."""
    path = sqlite_file(url)
    return path is not None and not path.exists()


def unopenable_reason(url: str) -> str | None:
    """Why the relay could neither open nor create its database at `url` (one line), or None.

    Creates nothing: a SQLite file that does not exist yet is not opened, only its folder looked at.
    """
    opened = _opened_tables(url)
    return opened if isinstance(opened, str) else None


def unmigrated_reason(url: str) -> str | None:
    """Why `url` is not a relay's database yet (never migrated, or cannot be opened), or None.

    Creates nothing: a SQLite file that does not exist is not opened.
    """
    from relay.migrations.baseline import baseline_metadata
    from relay.storage.schema import VERSION_TABLE

    path = sqlite_file(url)
    if path is not None and path.parent.is_dir() and not path.exists():
        return f"no relay database at {shown(url)} (no such file)"
    opened = _opened_tables(url)
    if isinstance(opened, str):
        return opened
    relay_tables = {VERSION_TABLE, *(t.name for t in baseline_metadata().sorted_tables)}
    if not opened & relay_tables:
        return f"{shown(url)} has no relay tables (the relay has never run on it)"
    return None


def url_refusal(url: str) -> str | None:
    """Why no relay could use the database URL `url`, seen from its text alone (one line), or None:
    connects to nothing and creates nothing, so `setup` asks it before its questions too."""
    if _in_memory_sqlite(url):
        # Each connection would get its own empty database (the migration's, then the relay's), and
        # whatever one kept would be gone when the relay stops: a relay keeps its messages in a file.
        return (
            f"the database {shown(url)} is in memory: the relay would lose every message when it stops; "
            f"give a file, {SQLITE_FORMS}"
        )
    at_reason = unescaped_at_reason(url) or unreadable_url_reason(url)
    if at_reason:
        return at_reason
    try:
        create_engine(url).dispose()  # an engine connects only when asked to
    except (ArgumentError, ImportError) as exc:
        # SQLAlchemy's own text may run over lines (its list of SQLite URL forms): one line here.
        reason = " ".join(str(exc).split())
        if url.startswith("sqlite"):
            # SQLAlchemy's list of forms starts with an in-memory one, which the relay refuses.
            reason = f"a SQLite URL is {SQLITE_FORMS}"
        if url.startswith("postgres://"):  # what hosted PostgreSQL services hand out
            reason += "; PostgreSQL URLs start postgresql+psycopg://"
        return f"cannot use the database URL {shown(url)}: {reason}"
    return None


def port_refusal(port: str) -> str | None:
    """Why `port` is no port the relay could listen on (one line), or None."""
    try:
        number = int(port)
    except ValueError:
        number = 0
    return None if 0 < number < 65536 else f"{port} is not a port (1 to 65535)"


def _opened_tables(url: str) -> set[str] | str:
    """The tables of the database at `url` (none for a SQLite file that would be created), or why
    it cannot be opened."""
    path = sqlite_file(url)
    if path is not None and not path.parent.is_dir():
        return f"no folder {path.parent} for the database {shown(url)}"
    refused = url_refusal(url)
    if refused:
        return refused
    if path is not None and not path.exists():
        if not os.access(path.parent, os.W_OK | os.X_OK):
            return f"cannot create the database {shown(url)}: the folder {path.parent} is not writable"
        return set()
    engine = create_engine(url)
    try:
        not_utf8 = not_utf8_reason(engine, shown(url))
        if not_utf8:
            return not_utf8 + NOT_UTF8
        with engine.connect() as conn:
            return set(inspect(conn).get_table_names())
    except SQLAlchemyError as exc:
        from relay.storage.schema import free_text, out_of_room

        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        if path is not None and out_of_room(path.parent, exc):
            full = f"the disk holding {path.parent} is full ({free_text(path.parent)} free)"
            return f"cannot open the database {path}: {full}{DISK_FULL}"
        if (
            path is not None
            and path.exists()
            and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))
        ):
            # A file root made (serve or check run with sudo) that the relay's own user cannot write:
            # the URL is right, the owner is not.
            reason = (
                f"this user cannot write {path} or its folder (SQLite writes {path.name}-wal and "
                f"{path.name}-shm beside it); `chown` the folder and its files to the user the relay runs as"
            )
        elif path is None and "Connection refused" in reason:
            # The URL may well be right: a server that is down (or not up yet, at boot) refuses too.
            reason += "; is PostgreSQL running and listening there?"
        elif path is None:
            refused = refusal_cause(getattr(exc, "orig", None) or exc)
            if refused == "too_many_connections":
                # The URL is right and the server up: it is full. Fixing the URL would not help.
                reason += SERVER_FULL
            elif refused == "login_refused":
                reason += LOGIN_REFUSED
            elif _NO_SUCH_DATABASE.search(reason):
                parsed = make_url(url)
                owner = parsed.username or "USER"
                create = f"`createdb -E UTF8 -T template0 -O {owner} {parsed.database}`"
                reason += f"{NO_SUCH_DATABASE}{create}"
        return f"cannot open the database {shown(url)}: {reason}"
    finally:
        engine.dispose()
