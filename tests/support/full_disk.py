"""A full disk for the inbox file, without filling one: SQLite's own page limit."""

from __future__ import annotations

from typing import Any

from app.db import Database

_limits: dict[int, list[Any]] = {}


def limit_the_inbox_file(db: Database, pages: int | None) -> None:
    """SQLite's own "database or disk is full" (SQLITE_FULL) once the file would pass `pages`
    pages, as on a full disk; None lifts it. Applied to the writer's connections from the next one on."""
    from sqlalchemy import event

    def limit(dbapi_connection: Any, _record: Any) -> None:
        if pages is not None:
            dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    for listener in _limits.pop(id(db), []):
        event.remove(db.writer, "connect", listener)
    _limits[id(db)] = [limit]
    event.listen(db.writer, "connect", limit)
    db.writer.dispose()  # pooled connections are replaced, each limited as it opens


def page_count(db: Database) -> int:
    with db.read() as s:
        return int(s.connection().exec_driver_sql("PRAGMA page_count").scalar_one())
