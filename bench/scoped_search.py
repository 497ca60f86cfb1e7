"""What the benchmarks of a search kept to part of the chats share (bench.search_numbers, bench.search_filters).

Each takes a copy of the generated database, changes it to the shop it stands for, then times the first page
(50 hits) of the same 100 of bench.queries' queries searched in each part and over every chat, and prints
p50 and p95 of each part with the whole as its baseline, measured in the same run on the same copy.
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from sqlalchemy.orm import Session

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

Search = Callable[[Session, str], object]


def database_path(description: str | None) -> Path:
    """The generated database named on the command line, or bench/data/shop.db; stops if it's missing."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("path", type=Path, nargs="?", default=Path("bench/data/shop.db"))
    path: Path = parser.parse_args().path
    if not path.exists():
        raise SystemExit(f"{path} is missing: run `python -m bench.make_db {path}` first")
    return path


def first_pages(db: Database, queries: list[str], search: Search) -> list[float]:
    """Milliseconds of each query's first page."""
    times = []
    with db.read() as s:
        for q in queries:
            t = time.perf_counter()
            search(s, q)
            times.append((time.perf_counter() - t) * 1000)
    return times


def in_part(**scope: object) -> Search:
    """The first page of a search kept to one part (`number=…`, `chats=…`)."""
    return partial(search_messages, limit=50, **scope)  # type: ignore[arg-type]


def measure(
    path: Path, prepare: Callable[[Path], None], parts: dict[str, Search], whole: str, prefix: str
) -> None:
    """Time `parts` against every chat on a copy of `path` made ready by `prepare`; print p50 and p95."""
    rng = random.Random(3)
    pool = QUERIES_KO2 + QUERIES_KO3 + QUERIES_KO_UNSPACED + QUERIES_EN + QUERIES_NUM + QUERIES_MISS
    queries = [rng.choice(pool) for _ in range(100)]
    everything = in_part()
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        copy = Path(tmp) / "shop.db"
        shutil.copyfile(path, copy)
        prepare(copy)
        db = Database.open(copy)
        first_pages(db, queries, everything)  # warm
        every = first_pages(db, queries, everything)
        results = {name: first_pages(db, queries, search) for name, search in parts.items()}
        db.close()
    for name, times in results.items():
        for p in (50, 95):
            emit(
                f"search p{p} in {name}",
                pct(times, p),
                "ms",
                baseline=pct(every, p),
                baseline_name=f"search p{p} of {whole}",
            )
