"""Chat-list query and search latency over the generated 1M-message database, vs raw SQLite baselines."""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from app.db import Database
from app.queries import conversations_page, messages_page
from app.search import search_messages
from bench.report import emit

QUERIES_KO2 = ["주문", "배송", "감사", "사이", "입금", "재고", "환불", "택배", "할인", "사진"]
QUERIES_KO3 = ["주문했", "배송 언제", "감사합니다", "교환 가능", "송장번호", "린넨 셔츠", "카드 결제"]
# Spaced otherwise than the messages ("린넨 셔츠", "배송 언제"…): found spacing aside (app/search.spacings).
QUERIES_KO_UNSPACED = ["린넨셔츠", "배송언제", "교환가능", "카드결제", "주문 했어요", "좋은하루보내세요"]
# Several words in another order than the messages': each found anywhere (app/search.query_terms).
QUERIES_WORDS = [
    "결제 카드",
    "셔츠 린넨",
    "언제 배송",
    "감사합니다 주문",
    "교환 사이즈 가능",
    "shirt linen",
    "주문 zzqx",
]
QUERIES_EN = ["linen", "refund", "tracking", "coupon", "Thank you", "colours", "ship", "photo"]
QUERIES_NUM = ["12345", "8821", "99", "5678"]
# Tracking numbers typed in one piece, found written in groups too (app/text.number_groupings).
QUERIES_LONG_NUM = ["654321098765", "6012345678901", "1234567890"]
# Phone numbers typed as WhatsApp or a customer writes them, found in every other form (app/phones.typed_phone).
QUERIES_PHONE = ["+82 10-9876-5432", "010 1234 5678", "01055551234", "(010) 3330-4567", "010.2222.3333"]
# The same numbers typed as a wa_id, or without the trunk 0 (app/phones.typed_phone).
QUERIES_PHONE_BARE = ["1098765432", "821012345678", "10 5555 1234"]
# Two syllables typed together that messages space ('두개' for '두 개'), and the other way round
# (app/search.py: the bigram table's matches, or the trigram table's spaced pair, confirmed).
QUERIES_KO_SPACING = ["두개", "두 개", "한 개", "네알", "배송", "사이"]
QUERIES_MISS = ["없는말", "zzqx", "qq", "뷁"]


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", type=Path, nargs="?", default=Path("bench/data/shop.db"))
    args = parser.parse_args()
    if not args.path.exists():
        raise SystemExit(f"{args.path} is missing: run `python -m bench.make_db {args.path}` first")
    db = Database.open(args.path)
    raw = sqlite3.connect(args.path)

    # Chat list: first page of 100 conversations, one query, vs the raw indexed scan of contacts.
    with db.read() as s:
        conversations_page(s)
        ours = timed(lambda: conversations_page(s, limit=100), 30)
    base = timed(
        lambda: raw.execute(
            "SELECT id, profile_name, last_message_at FROM contact WHERE archived = 0 "
            "ORDER BY pinned DESC, last_message_at DESC LIMIT 100"
        ).fetchall(),
        30,
    )
    emit(
        "chat list page (100 conversations)",
        statistics.median(ours),
        "ms",
        baseline=statistics.median(base),
        baseline_name="raw indexed scan of contact",
    )

    with db.read() as s:
        newest = timed(lambda: messages_page(s, 1, limit=60), 20)
    emit("newest 60 messages of the 100k chat", statistics.median(newest), "ms")

    # Search: 100 queries of 2+ characters drawn from each family, newest 50 hits each.
    rng = random.Random(3)
    pool = QUERIES_KO2 + QUERIES_KO3 + QUERIES_KO_UNSPACED + QUERIES_EN + QUERIES_NUM + QUERIES_MISS
    queries = [rng.choice(pool) for _ in range(100)]
    times = []
    with db.read() as s:
        for q in queries:
            t = time.perf_counter()
            search_messages(s, q, limit=50)
            times.append((time.perf_counter() - t) * 1000)
    like = timed(
        lambda: raw.execute(
            "SELECT id FROM message WHERE body LIKE '%없는말%' ORDER BY id DESC LIMIT 50"
        ).fetchall(),
        3,
    )
    like_ms = statistics.median(like)
    emit(
        "search p50 (100 queries, 2+ chars)",
        pct(times, 50),
        "ms",
        baseline=like_ms,
        baseline_name="LIKE scan",
    )
    emit(
        "search p95 (100 queries, 2+ chars)",
        pct(times, 95),
        "ms",
        baseline=like_ms,
        baseline_name="LIKE scan",
        goal="≤ 30 ms",
    )
    for family, qs in [
        ("ko 2-char", QUERIES_KO2),
        ("ko 3+", QUERIES_KO3),
        ("ko unspaced", QUERIES_KO_UNSPACED),
        ("words", QUERIES_WORDS),
        ("latin", QUERIES_EN),
        ("digits", QUERIES_NUM),
        ("long number", QUERIES_LONG_NUM),
        ("phone", QUERIES_PHONE),
        ("bare phone", QUERIES_PHONE_BARE),
        ("ko spacing", QUERIES_KO_SPACING),
        ("no match", QUERIES_MISS),
    ]:
        with db.read() as s:
            fam = [t for q in qs for t in timed(partial(search_messages, s, q), 3)]
        print(f"  {family:11s} p50 {pct(fam, 50):6.2f} ms  p95 {pct(fam, 95):6.2f} ms")
    db.close()


if __name__ == "__main__":
    main()
