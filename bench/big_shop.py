"""A big Korean shop's data folder to open the real app on: `python -m bench.big_shop FOLDER`, then
`shop-inbox --demo --data-dir FOLDER --lang ko` (the demo's embedded relay; the seeded demo shop is
not added to a folder that already has a database).

2,000 chats and 200,000 messages over the last 11 months (bench/make_db.py), 3,000 orders
(bench/order_board.py), 1,000 catalogue items (bench/catalog.py), 100 quick replies
(bench/quick_replies.py) and 30 labels.
"""

from __future__ import annotations

import argparse
import sqlite3
import time
from pathlib import Path

from app.db import Database
from app.labels import add_label
from app.quick_replies import add_quick_reply
from app.settings import Preferences, save_preferences
from bench import make_db, order_board
from bench.catalog import fill as fill_catalog
from bench.quick_replies import rows as quick_reply_rows

LABEL_NAMES = ("VIP", "단골", "도매", "교환 요청", "환불 요청", "반품", "지연 배송", "해외 배송", "선물 포장")


def build(folder: Path, *, chats: int, messages: int, orders: int, items: int, replies: int) -> Path:
    from app.paths import paths_for

    paths = paths_for(folder / "desktop").ensure()  # where `--demo --data-dir` keeps its database
    # make_db's 330 days end today rather than in early 2025.
    make_db.START_MS = int(time.time() * 1000) - 331 * make_db.MS_PER_DAY
    make_db.generate(paths.database, chats, messages, big_chat=messages // 10)
    # make_db's numbers carry the contact id on their end (15 digits, no real number): Korean mobile
    # numbers instead, one each (12,345,679 is prime to 10⁸), so the header and a number search read as a
    # shop's would (010-xxxx-xxxx).
    with sqlite3.connect(paths.database) as con:
        con.execute("UPDATE contact SET wa_id = '8210' || printf('%08d', (id * 12345679) % 100000000)")
    con.close()
    order_board.build(paths.database, orders, add_customers=False)
    db = Database.open(paths.database)
    try:
        fill_catalog(db, items)
        with db.write() as s:
            save_preferences(s, Preferences(shop_region="KR", currency="KRW", setup_done=True))
            for row in quick_reply_rows(replies):
                add_quick_reply(s, row.shortcut, row.text, keywords=row.keywords)
            for n in range(30 - 6):  # the six built-in labels and 24 of the owner's
                name = LABEL_NAMES[n] if n < len(LABEL_NAMES) else f"라벨 {n + 1}"
                add_label(s, name, "#%06X" % (0x3DA1F1 + n * 0x0A1B2C & 0xFFFFFF))
    finally:
        db.close()
    return paths.database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--chats", type=int, default=2_000)
    parser.add_argument("--messages", type=int, default=200_000)
    parser.add_argument("--orders", type=int, default=3_000)
    parser.add_argument("--items", type=int, default=1_000)
    parser.add_argument("--replies", type=int, default=100)
    args = parser.parse_args()
    t = time.perf_counter()
    path = build(
        args.folder,
        chats=args.chats,
        messages=args.messages,
        orders=args.orders,
        items=args.items,
        replies=args.replies,
    )
    size = path.stat().st_size / 1e6
    print(f"built {path} ({size:.0f} MB) in {time.perf_counter() - t:.1f} s")


if __name__ == "__main__":
    main()
