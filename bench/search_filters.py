"""Search from a filtered chat list: Unread, a label, Archived (the chats the filter shows only).

Figure: p50 and p95 of the first page (50 hits) of bench.queries' 100 queries, searched in the chats of
each filter (`search_messages(..., chats=ChatScope(...))`); baseline: the same queries over every chat,
in the same run on the same copy.

On a copy of the generated database, where 1 chat in 50 is archived and 1 in 500 is unread (a shop's
morning: a handful of chats waiting) besides the generated unread ones, which are many (a fifth).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from app.db import Database
from app.search import search_messages
from app.search_scope import ChatScope
from bench.queries import (
    QUERIES_EN,
    QUERIES_KO2,
    QUERIES_KO3,
    QUERIES_KO_UNSPACED,
    QUERIES_MISS,
    QUERIES_NUM,
    pct,
)
from bench.report import emit


def filtered(path: Path) -> None:
    """Archive 1 chat in 50 of the copy; leave unread only 1 chat in 500 (the generated fifth is read)."""
    con = sqlite3.connect(path)
    con.execute("UPDATE contact SET archived = (id % 50 = 7)")
    con.execute("UPDATE contact SET unread_count = CASE WHEN id % 500 = 3 THEN 1 ELSE 0 END")
    con.commit()
    con.close()


def first_pages(db: Database, queries: list[str], chats: ChatScope | None) -> list[float]:
    """Milliseconds of each query's first page."""
    times = []
    with db.read() as s:
        for q in queries:
            t = time.perf_counter()
            search_messages(s, q, limit=50, chats=chats)
            times.append((time.perf_counter() - t) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", type=Path, nargs="?", default=Path("bench/data/shop.db"))
    args = parser.parse_args()
    if not args.path.exists():
        raise SystemExit(f"{args.path} is missing: run `python -m bench.make_db {args.path}` first")
    rng = random.Random(3)
    pool = QUERIES_KO2 + QUERIES_KO3 + QUERIES_KO_UNSPACED + QUERIES_EN + QUERIES_NUM + QUERIES_MISS
    queries = [rng.choice(pool) for _ in range(100)]
    with tempfile.TemporaryDirectory(prefix="bench-filters-") as tmp:
        copy = Path(tmp) / "shop.db"
        shutil.copyfile(args.path, copy)
        filtered(copy)
        db = Database.open(copy)
        first_pages(db, queries, None)  # warm
        every = first_pages(db, queries, None)
        results = {
            "Unread (1 chat in 500)": first_pages(db, queries, ChatScope("unread")),
            "a label (1 chat in 16)": first_pages(db, queries, ChatScope("all", 1)),
            "Archived (1 chat in 50)": first_pages(db, queries, ChatScope("archived")),
        }
        db.close()
    for name, times in results.items():
        for p in (50, 95):
            emit(
                f"search p{p} in {name}",
                pct(times, p),
                "ms",
                baseline=pct(every, p),
                baseline_name=f"search p{p} of every chat",
            )


if __name__ == "__main__":
    main()
