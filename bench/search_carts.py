"""Search when a shop has thousands of carts: a cart is found by its order's item names too.

Figure: the first page of a search (`search_messages`, 50 hits) over a generated inbox in which
`--carts` inbound messages are carts, each an order of three lines; baseline: the same searches over
the same inbox before those orders existed, so what the carts' lines add is the ratio.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from app.db import Database
from app.search import search_messages
from bench.make_db import generate
from bench.report import emit

QUERIES = ["블라우스", "셔츠", "배송", "감사합니다", "linen", "없는말"]
ITEMS = [
    "린넨 셔츠 아이보리",
    "린넨 블라우스 화이트",
    "코튼 니트 가디건",
    "진주 드롭 귀걸이",
    "레더 크로스백 블랙",
    "트렌치 코트 베이지",
    "Linen Shirt",
    "Wool Muffler",
]


def first_pages(db: Database, repeat: int) -> float:
    """Median milliseconds of one first page, over every query."""
    times: list[float] = []
    with db.read() as s:
        for q in QUERIES:
            search_messages(s, q)  # warm
            for _ in range(repeat):
                t = time.perf_counter()
                search_messages(s, q)
                times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def add_carts(path: Path, carts: int, seed: int = 7) -> None:
    """Make `carts` inbound messages carts, each the order of three catalogue lines."""
    import sqlite3

    rng = random.Random(seed)
    con = sqlite3.connect(path)
    rows = con.execute(
        "SELECT id, contact_id, sent_at FROM message WHERE direction = 'in' ORDER BY random() LIMIT ?",
        (carts,),
    ).fetchall()
    for n, (mid, contact_id, sent_at) in enumerate(rows):
        con.execute("UPDATE message SET kind = 'order' WHERE id = ?", (mid,))
        order_id = con.execute(
            'INSERT INTO "order" (number, year, seq, contact_id, message_id, source, state, currency,'
            " subtotal_minor, shipping_minor, surcharge_minor, discount_minor, total_minor, created_at,"
            " updated_at) VALUES (?, 2026, ?, ?, ?, 'cart', 'new', 'KRW', 126000, 0, 0, 0, 126000, ?, ?)",
            (f"2026-{n + 1:05d}", n + 1, contact_id, mid, sent_at, sent_at),  # made at the cart's time
        ).lastrowid
        for position in range(3):
            con.execute(
                "INSERT INTO order_line (order_id, position, code, name, quantity, unit_price_minor,"
                " currency) VALUES (?, ?, ?, ?, 1, 42000, 'KRW')",
                (order_id, position, f"SKU-{position}", rng.choice(ITEMS)),
            )
    con.commit()
    con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=200_000)
    parser.add_argument("--carts", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "inbox.db"
        generate(path, contacts=2_000, messages=args.messages, big_chat=args.messages // 10)
        db = Database.open(path)
        without = first_pages(db, args.repeat)
        db.close()
        add_carts(path, args.carts)
        db = Database.open(path)
        with_carts = first_pages(db, args.repeat)
        db.close()
    emit(
        f"search first page, {args.carts:,} carts of 3 items in {args.messages:,} messages",
        with_carts,
        "ms",
        baseline=without,
        baseline_name="the same searches before the carts' orders existed",
    )


if __name__ == "__main__":
    main()
