"""A full disk, or an inbox file that cannot be written, without filling a disk: SQLite's own limits
set on the writer's connections (each new one, once the pool is emptied)."""

from __future__ import annotations

from typing import Any

from app.db import Database

_listeners: dict[int, Any] = {}


def _writer_pragmas(db: Database, *pragmas: str) -> None:
    from sqlalchemy import event

    def apply(dbapi_connection: Any, _record: Any) -> None:
        for pragma in pragmas:
            dbapi_connection.execute(f"PRAGMA {pragma}")

    old = _listeners.pop(id(db), None)
    if old is not None:
        event.remove(db.writer, "connect", old)
    _listeners[id(db)] = apply
    event.listen(db.writer, "connect", apply)
    db.writer.dispose()  # pooled connections are replaced, each set up as it opens


def limit_the_inbox_file(db: Database, pages: int | None) -> None:
    """SQLite's own "database or disk is full" (SQLITE_FULL) once the file would pass `pages` pages,
    as on a full disk; None lifts it."""
    _writer_pragmas(db, *([] if pages is None else [f"max_page_count={pages}"]))


def inbox_read_only(db: Database, read_only: bool) -> None:
    """Every write refused ("attempt to write a readonly database"), as for a file another program
    holds or whose permissions changed; False lifts it."""
    _writer_pragmas(db, *(["query_only=ON"] if read_only else []))


def page_count(db: Database) -> int:
    with db.read() as s:
        return int(s.connection().exec_driver_sql("PRAGMA page_count").scalar_one())
