"""The demo shop's past falls on the shop's own days (Seoul's, Brighton's), whatever UTC's date is."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.db import Database
from app.models import as_utc
from app.queries import conversations_page, messages_page

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"
SEOUL = ZoneInfo("Asia/Seoul")
LONDON = ZoneInfo("Europe/London")
PALO_ALTO = ZoneInfo("America/Los_Angeles")

# Moments where the shop's date and UTC's differ, or have just begun to: Seoul's day begins at 15:00
# UTC (its 09:00 is UTC's midnight); Brighton's summer day an hour before UTC's; Palo Alto's eight
# hours after (seven in summer): its evening is UTC's next day.
MOMENTS = [
    ("ko", datetime(2026, 12, 7, 0, 0, 30, tzinfo=SEOUL)),
    ("ko", datetime(2026, 12, 7, 1, 30, tzinfo=SEOUL)),
    ("ko", datetime(2026, 12, 7, 8, 59, 30, tzinfo=SEOUL)),
    ("ko", datetime(2026, 12, 7, 9, 0, 30, tzinfo=SEOUL)),
    ("ko", datetime(2026, 12, 7, 23, 59, 30, tzinfo=SEOUL)),
    ("en", datetime(2026, 7, 7, 0, 0, 30, tzinfo=LONDON)),
    ("en", datetime(2026, 7, 7, 0, 59, 30, tzinfo=LONDON)),
    ("en", datetime(2026, 12, 7, 1, 30, tzinfo=LONDON)),
    ("en", datetime(2026, 12, 7, 23, 59, 30, tzinfo=LONDON)),
    ("en_US", datetime(2026, 7, 7, 0, 0, 30, tzinfo=PALO_ALTO)),
    ("en_US", datetime(2026, 12, 7, 15, 59, 30, tzinfo=PALO_ALTO)),
    ("en_US", datetime(2026, 12, 7, 16, 0, 30, tzinfo=PALO_ALTO)),
    ("en_US", datetime(2026, 12, 7, 23, 59, 30, tzinfo=PALO_ALTO)),
]
# Whose chat was how many of the shop's days ago, as their stories say ("yesterday", "tonight"): on
# that day when the shop was open, else on its last open day before (app/demo_seed.py story_day).
DAYS_AGO = {
    "ko": {"이하은": 2, "정도윤": 2, "Daniel Ortiz": 1, "최유진": 1},  # 최유진: her cart, yesterday's
    "en": {"Priya Shah": 2, "Tom Fletcher": 2, "Daniel Ortiz": 1, "Hannah Reid": 1},  # Hannah: her cart
    "en_US": {"Priya Shah": 2, "Kevin Walsh": 2, "Daniel Ortiz": 1, "Hannah Reed": 1},
}


@pytest.mark.parametrize(("lang", "moment"), MOMENTS, ids=[f"{lang}-{m:%H%M}" for lang, m in MOMENTS])
def test_the_demos_chats_fall_on_the_shops_days_at_any_hour_it_is_seeded(
    db: Database, tmp_path: Path, lang: str, moment: datetime
) -> None:
    """Seeded just after Seoul's midnight, the cart "yesterday" was the day before (26 hours ago), and
    the two-number demo told its chats' days apart by UTC's date."""
    from app.demo_seed import demo_customers, demo_rules, seed_demo_shop, story_day

    zone = {"ko": SEOUL, "en_US": PALO_ALTO}.get(lang, LONDON)
    now = moment.astimezone(UTC)
    today = moment.date()

    def shop_day(at: datetime) -> date:
        return as_utc(at).astimezone(zone).date()

    seed_demo_shop(db, DEMO, tmp_path / "catalog", lang, two_numbers=True, now=now)
    with db.read() as session:
        rows = {row.display_name: row for row in conversations_page(session)}
        chats = {name: messages_page(session, row.contact_id, limit=500) for name, row in rows.items()}

    hours = demo_rules(lang).business_hours
    customers = {c.name: c for c in demo_customers(lang)}
    carts = {"최유진", "Hannah Reid", "Hannah Reed"}  # the cart comes whether the shop is open or not
    for name, days in DAYS_AGO[lang].items():
        last = rows[name].last_message_at
        day = today - timedelta(days=days)
        expected = day if name in carts else story_day(hours, customers[name], day)
        assert last is not None and shop_day(last) == expected, name
        assert name in carts or (today - expected).days in range(days, days + 3), name  # Sat, or Fri
    assert all(as_utc(m.sent_at) <= now for chat in chats.values() for m in chat)  # nothing to come
    # The customer who wrote to the first branch on earlier days: each day wholly on one number.
    crossed = [chat for chat in chats.values() if len({m.business_number for m in chat}) > 1]
    assert len(crossed) == 1
    numbers_by_day: dict[date, set[str | None]] = {}
    for message in crossed[0]:
        numbers_by_day.setdefault(shop_day(message.sent_at), set()).add(message.business_number)
    assert all(len(numbers) == 1 for numbers in numbers_by_day.values())
