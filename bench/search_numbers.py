"""Search from one number's chat list in a shop with two numbers, some of whose customers wrote to both.

Figure: p50 and p95 of the first page (50 hits) of bench.queries' 100 queries, searched in one
number's messages (`search_messages(..., number=...)`), for the number with most chats and for the
small one; baseline: the same queries over every number, in the same run on the same copy.

On a copy of the generated database: 2 % of the chats are on the second number, and one chat in 20
wrote to both (every other message of it on the other number: a message's number is its own).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from app.business_numbers import remember_business_numbers
from app.db import Database
from app.search import search_messages
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

MAIN, SMALL = "100000000000001", "100000000000002"


def two_numbers(path: Path) -> None:
    """Put the copy's chats on two numbers, and its messages on theirs (or, for the chats that wrote
    to both, every other one on the other number)."""
    con = sqlite3.connect(path)
    con.execute("UPDATE contact SET phone_number_id = CASE WHEN id % 50 = 0 THEN ? ELSE ? END", (SMALL, MAIN))
    con.execute(
        "UPDATE message SET phone_number_id = CASE WHEN (contact_id % 50 = 0) "
        "!= (contact_id % 20 = 1 AND id % 2 = 0) THEN ? ELSE ? END",
        (SMALL, MAIN),
    )
    con.commit()
    con.close()
    db = Database.open(path)
    with db.write() as s:
        remember_business_numbers(s, {(MAIN, "+82 2-555-0101"), (SMALL, "+82 2-555-0202")})
    db.close()


def first_pages(db: Database, queries: list[str], number: str | None) -> list[float]:
    """Milliseconds of each query's first page."""
    times = []
    with db.read() as s:
        for q in queries:
            t = time.perf_counter()
            search_messages(s, q, limit=50, number=number)
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
    with tempfile.TemporaryDirectory(prefix="bench-numbers-") as tmp:
        copy = Path(tmp) / "shop.db"
        shutil.copyfile(args.path, copy)
        two_numbers(copy)
        db = Database.open(copy)
        first_pages(db, queries, None)  # warm
        every = first_pages(db, queries, None)
        main_number = first_pages(db, queries, MAIN)
        small = first_pages(db, queries, SMALL)
        db.close()
    for name, times in (("the number with most chats", main_number), ("the number with 2 % of chats", small)):
        for p in (50, 95):
            emit(
                f"search p{p} in {name}",
                pct(times, p),
                "ms",
                baseline=pct(every, p),
                baseline_name=f"search p{p} of every number",
            )


if __name__ == "__main__":
    main()
