"""Search latency, newest first, after a 200,000-line chat older than everything is imported into the
1M-message database (issue 20): its rows get the highest ids but the oldest times.

Works on a copy of the generated database (the copy is migrated first, as the app would). Baseline:
the same query the old way (FTS rowids, highest first), which is fast but wrong after such an import.
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from functools import partial
from pathlib import Path

from app.chat_export.importer import ImportRequest, import_chat
from app.db import Database
from app.search import search_messages
from bench.queries import QUERIES_EN, QUERIES_KO2, QUERIES_KO3, QUERIES_MISS, QUERIES_NUM, pct, timed
from bench.report import emit
from tests.support.chat_exports import write_large_export


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("db", type=Path, nargs="?", default=Path("bench/data/shop.db"))
    parser.add_argument("--lines", type=int, default=200_000)
    parser.add_argument("--word", default="주문")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.db.parent) as tmp:
        folder = Path(tmp)
        copy = folder / "shop.db"
        shutil.copyfile(args.db, copy)
        started = time.perf_counter()
        db = Database.open(copy)
        print(f"opened (and migrated) the copy in {time.perf_counter() - started:.1f} s")
        export = write_large_export(folder / "WhatsApp Chat with Minji.txt", args.lines)
        started = time.perf_counter()
        summary = import_chat(db, folder / "media", ImportRequest(export, "Shop", "Asia/Seoul"))
        print(f"imported {summary.added:,} older messages in {time.perf_counter() - started:.1f} s")
        with db.read() as s:
            search_messages(s, args.word)  # warm the cache
            word = timed(lambda: search_messages(s, args.word, limit=50), 100)
            newest = search_messages(s, args.word, limit=50)
            rng = random.Random(3)
            pool = QUERIES_KO2 + QUERIES_KO3 + QUERIES_EN + QUERIES_NUM + QUERIES_MISS
            mixed = [
                t
                for q in (rng.choice(pool) for _ in range(100))
                for t in timed(partial(search_messages, s, q), 1)
            ]
            raw = s.connection().exec_driver_sql
            old_way = timed(
                lambda: raw(
                    "SELECT rowid FROM message_bigram WHERE message_bigram MATCH ? ORDER BY rowid DESC LIMIT 50",
                    (f'"{args.word}"',),
                ).fetchall(),
                100,
            )
        db.close()
    assert newest and newest[0].sent_at.year >= 2025, "an imported 2019 message came first"
    emit(f"search '{args.word}' after an old import, p50", pct(word, 50), "ms",
         baseline=pct(old_way, 50), baseline_name="FTS rowids highest first (wrong order)")  # fmt: skip
    emit(f"search '{args.word}' after an old import, p95", pct(word, 95), "ms",
         baseline=pct(old_way, 95), baseline_name="FTS rowids highest first (wrong order)", goal="≤ 30 ms")  # fmt: skip
    emit("search p95 after an old import (100 queries, 2+ chars)", pct(mixed, 95), "ms", goal="≤ 30 ms")


if __name__ == "__main__":
    main()
