"""Generate a realistic, deterministic shop database for benchmarks (10k contacts, 1M messages)."""

from __future__ import annotations

import argparse
import random
import sqlite3
import time
from pathlib import Path

from app.db import Database
from app.schema_sql import CONTACT_TRIGGERS, FTS_FILL, FTS_TRIGGER_NAMES, FTS_TRIGGERS
from app.text import bigram_text

CONTACT_TRIGGER_NAMES = (
    "message_contact_ai",
    "message_contact_au_unread",
    "message_contact_au_move",
    "message_contact_ad",
)

KO_NAMES = "김이박최정강조윤장임한오서신권황안송류전홍"
KO_GIVEN = ["민수", "지영", "서연", "하준", "도윤", "예은", "지호", "수빈", "현우", "유진", "은지", "태희"]
EN_NAMES = ["Amy", "Ben", "Chloe", "Daniel", "Emma", "Felix", "Grace", "Henry", "Isla", "Jack"]
EN_SURNAMES = ["Clarke", "Smith", "Brown", "Wilson", "Taylor", "Evans", "Lee", "Walker"]

KO_PHRASES = [
    "안녕하세요",
    "주문했어요",
    "배송 언제 되나요?",
    "사이즈 교환 가능할까요",
    "입금했습니다",
    "감사합니다",
    "재고 있나요?",
    "린넨 셔츠",
    "색상은 어떤 게 있나요",
    "택배 송장번호 알려주세요",
    "내일 받을 수 있을까요",
    "할인 쿠폰 적용되나요",
    "환불 요청드립니다",
    "사진 보내드려요",
    "네 알겠습니다",
    "좋은 하루 보내세요",
    "주소 변경하고 싶어요",
    "카드 결제 되나요",
    "오늘 발송 예정입니다",
    "문의 주셔서 감사합니다",
    "가격이 얼마예요",
    "세일 언제까지 해요",
]
EN_PHRASES = [
    "Hello",
    "I ordered yesterday",
    "When will it ship?",
    "Can I exchange the size?",
    "Payment sent",
    "Thank you so much",
    "Is this in stock?",
    "linen shirt",
    "Which colours do you have",
    "Please send the tracking number",
    "Can I get it tomorrow",
    "Does the coupon apply",
    "I'd like a refund",
    "Here is a photo",
    "Okay, got it",
    "Have a nice day",
    "I need to change my address",
    "Do you take cards",
    "Shipping today",
    "How much is it",
    "How long is the sale",
]

MS_PER_DAY = 86_400_000
START_MS = 1_735_689_600_000  # 2025-01-01


def sentence(rng: random.Random, korean: bool) -> str:
    phrases = KO_PHRASES if korean else EN_PHRASES
    n = rng.choice((1, 1, 2, 2, 3))
    text = " ".join(rng.choice(phrases) for _ in range(n))
    if rng.random() < 0.05:
        text += f" 주문번호 {rng.randint(10000, 99999)}"
    return text


def generate(
    path: Path,
    contacts: int = 10_000,
    messages: int = 1_000_000,
    big_chat: int = 100_000,
    seed: int = 7,
) -> dict[str, float]:
    """Write the database at `path` (replacing it); returns timings."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    t0 = time.perf_counter()
    Database.open(path).close()
    rng = random.Random(seed)
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA cache_size=-200000")

    # Bulk load: triggers off, then the indexes and denormalised columns built once at the end
    # (what the triggers would have written row by row).
    for name in (*FTS_TRIGGER_NAMES, *CONTACT_TRIGGER_NAMES):
        con.execute(f"DROP TRIGGER {name}")
    grams_of: dict[str, str] = {}

    contact_rows = []
    korean_of = {}
    for cid in range(1, contacts + 1):
        korean = rng.random() < 0.7
        korean_of[cid] = korean
        if korean:
            name = rng.choice(KO_NAMES) + rng.choice(KO_GIVEN)
            wa_id = f"8210{rng.randint(10_000_000, 99_999_999)}"
        else:
            name = f"{rng.choice(EN_NAMES)} {rng.choice(EN_SURNAMES)}"
            wa_id = f"447{rng.randint(100_000_000, 999_999_999)}"
        contact_rows.append((cid, f"{wa_id}{cid:05d}"[:15], name, START_MS))
    con.executemany(
        "INSERT INTO contact(id, wa_id, profile_name, created_at) VALUES (?, ?, ?, ?)", contact_rows
    )
    labels = [(cid, rng.randint(1, 5)) for cid in range(1, contacts + 1) if rng.random() < 0.3]
    con.executemany("INSERT OR IGNORE INTO contact_label(contact_id, label_id) VALUES (?, ?)", labels)

    # One regular with a huge history (contact 1), the rest spread over everyone.
    rest = messages - big_chat
    span = 330 * MS_PER_DAY
    batch: list[tuple[object, ...]] = []

    def flush() -> None:
        con.executemany(
            "INSERT INTO message(id, contact_id, wamid, direction, kind, body, grams, status, sent_by,"
            " sent_at, unread, imported) VALUES (?,?,?,?,?,?,?,?,?,?,?,0)",
            batch,
        )
        batch.clear()

    # Messages are written in time order, as sync would write them.
    times = sorted(rng.randrange(span) for _ in range(messages))
    owners = [1] * big_chat + [rng.randint(2, contacts) for _ in range(rest)]
    rng.shuffle(owners)
    for mid, (t, cid) in enumerate(zip(times, owners, strict=True), start=1):
        inbound = rng.random() < 0.55
        kind = "text" if rng.random() < 0.93 else rng.choice(("image", "document", "location"))
        body = sentence(rng, korean_of[cid]) if kind != "location" else "서울 성동구 성수동"
        recent = t > span - 3 * MS_PER_DAY
        status = "received" if inbound else rng.choice(("sent", "delivered", "read", "read"))
        batch.append(
            (
                mid,
                cid,
                f"wamid.B{mid:09d}",
                "in" if inbound else "out",
                kind,
                body,
                grams_of.get(body) or grams_of.setdefault(body, bigram_text(body)),
                status,
                None if inbound else "owner",
                START_MS + t,
                1 if (inbound and recent and rng.random() < 0.5) else 0,
            )
        )
        if len(batch) >= 20_000:
            flush()
    flush()
    t_insert = time.perf_counter() - t0
    for statement in FTS_FILL:
        con.execute(statement)
    con.execute(
        """UPDATE contact SET
             unread_count = (SELECT count(*) FROM message m WHERE m.contact_id = contact.id AND m.unread = 1),
             last_message_id = (SELECT m.id FROM message m WHERE m.contact_id = contact.id
                                ORDER BY m.sent_at DESC, m.id DESC LIMIT 1),
             last_message_at = (SELECT m.sent_at FROM message m WHERE m.contact_id = contact.id
                                ORDER BY m.sent_at DESC, m.id DESC LIMIT 1)"""
    )
    for trigger in (*CONTACT_TRIGGERS, *FTS_TRIGGERS):
        con.execute(trigger)
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("ANALYZE")
    con.close()
    return {"seconds": time.perf_counter() - t0, "insert_seconds": t_insert}


def downgrade_to(path: Path, version: int) -> None:
    """Take the database back to schema `version` (the revisions' own downgrades, one transaction):
    an inbox as an older Shop Inbox left it, for timing and looking at the update on start."""
    from alembic import command
    from alembic.config import Config

    from app.db import MIGRATIONS_DIR, make_engine

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = make_engine(path, immediate=True, foreign_keys=False)
    try:
        with engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.downgrade(cfg, f"{version:04d}")
    finally:
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", type=Path, nargs="?", default=Path("bench/data/shop.db"))
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--big-chat", type=int, default=100_000)
    parser.add_argument(
        "--schema-version", type=int, help="leave it at this older schema version (an inbox to update)"
    )
    args = parser.parse_args()
    args.path.parent.mkdir(parents=True, exist_ok=True)
    timing = generate(args.path, args.contacts, args.messages, args.big_chat)
    if args.schema_version is not None:
        downgrade_to(args.path, args.schema_version)
    size = args.path.stat().st_size / 1e6
    print(f"generated {args.messages:,} messages in {timing['seconds']:.1f} s ({size:.0f} MB) → {args.path}")


if __name__ == "__main__":
    main()
