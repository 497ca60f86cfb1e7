"""Search from a filtered chat list: Unread, a label, Archived (the chats the filter shows only).

Figure: p50 and p95 of the first page (50 hits) of bench.queries' 100 queries, searched in the chats of
each filter (`search_messages(..., chats=ChatScope(...))`); baseline: the same queries over every chat,
in the same run on the same copy.

On a copy of the generated database, where 1 chat in 50 is archived and 1 in 500 is unread (a shop's
morning: a handful of chats waiting) besides the generated unread ones, which are many (a fifth).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.search_scope import ChatScope
from bench.scoped_search import database_path, in_part, measure


def filtered(path: Path) -> None:
    """Archive 1 chat in 50 of the copy; leave unread only 1 chat in 500 (the generated fifth is read)."""
    con = sqlite3.connect(path)
    con.execute("UPDATE contact SET archived = (id % 50 = 7)")
    con.execute("UPDATE contact SET unread_count = CASE WHEN id % 500 = 3 THEN 1 ELSE 0 END")
    con.commit()
    con.close()


def main() -> None:
    measure(
        database_path(__doc__),
        filtered,
        {
            "Unread (1 chat in 500)": in_part(chats=ChatScope("unread")),
            "a label (1 chat in 16)": in_part(chats=ChatScope("all", 1)),
            "Archived (1 chat in 50)": in_part(chats=ChatScope("archived")),
        },
        whole="every chat",
        prefix="bench-filters-",
    )


if __name__ == "__main__":
    main()
