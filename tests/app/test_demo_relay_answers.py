"""The demo's past chats hold what the shop's relay would have sent: the greeting where a first-time
customer's story begins (and where she writes again after weeks of silence), the confirmation of a
customer's opt-out keyword (at the moment her opt-out is recorded), and the away message where a
story falls outside the shop's hours (its Sunday), on whatever day of the week the demo is started."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from app.db import Database
from app.demo_seed import demo_contact_state, demo_customers, demo_rules, seed_demo_shop
from app.models import Contact, Message, as_utc
from app.rules import is_open, opt_out_reason, replies_for_inbound

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"
SEOUL = ZoneInfo("Asia/Seoul")
LONDON = ZoneInfo("Europe/London")
PALO_ALTO = ZoneInfo("America/Los_Angeles")
# Every day of a week (Monday 7 December 2026 to Sunday the 13th), each at an hour of its own: a
# story pinned to "yesterday" or "two days ago" lands on the shop's Sunday from Monday and Tuesday.
WEEK = [datetime(2026, 12, 7 + day, hour, 30) for day, hour in enumerate((0, 9, 13, 17, 20, 11, 23))]
MOMENTS = [
    (lang, moment.replace(tzinfo=zone))
    for lang, zone in (("ko", SEOUL), ("en", LONDON), ("en_US", PALO_ALTO))
    for moment in WEEK
]
AUTOMATIC = ("greeting", "away", "opt_out")


@dataclass(frozen=True, slots=True)
class Seeded:
    direction: str
    sent_by: str | None
    body: str | None
    sent_at: datetime  # UTC
    wamid: str | None


def _chats(db: Database) -> dict[str, list[Seeded]]:
    with db.read() as s:
        return {
            contact.display_name: [
                Seeded(m.direction, m.sent_by, m.body, as_utc(m.sent_at), m.wamid)
                for m in s.scalars(
                    select(Message)
                    .where(Message.contact_id == contact.id)
                    .order_by(Message.sent_at, Message.id)
                )
            ]
            for contact in s.scalars(select(Contact))
        }


@pytest.mark.parametrize(("lang", "moment"), MOMENTS, ids=[f"{lang}-{m:%a-%H%M}" for lang, m in MOMENTS])
def test_every_customer_message_has_the_answer_the_shops_relay_would_have_sent(
    db: Database, tmp_path: Path, lang: str, moment: datetime
) -> None:
    """정도윤 was recorded as opted out by keyword with no 수신거부 in her chat, a story that fell
    on the shop's Sunday had no away message, and 최유진, who found the shop on Instagram, was
    never greeted, though the demo's own relay sends all three."""
    now = moment.astimezone(UTC)
    seed_demo_shop(db, DEMO, tmp_path / "catalog", lang, now=now)
    doc = demo_rules(lang)
    customers = {c.name: c for c in demo_customers(lang)}
    wrong: list[str] = []
    greeted: set[str] = set()
    for name, chat in _chats(db).items():
        state = demo_contact_state(customers[name])
        for position, message in enumerate(chat):
            at = as_utc(message.sent_at)
            if message.direction == "out":
                if message.sent_by == "owner":
                    state = replace(state, last_owner_reply_at=at)
                if message.sent_by == "away":
                    state = replace(state, last_away_sent_at=at)
                state = replace(state, last_outbound_at=at)
                continue
            said = {"type": "text", "text": {"body": message.body or ""}}
            if opt_out_reason(said, doc.opt_out) is not None:
                expected = [("opt_out", doc.opt_out.confirmation_text)]
            else:
                replies = replies_for_inbound(doc, state, at, contact_name=name, customer_text=message.body)
                expected = [(r.sent_by, r.text) for r in replies]
            following = []
            for answer in chat[position + 1 :]:
                if answer.direction != "out" or answer.sent_by not in AUTOMATIC:
                    break
                assert as_utc(answer.sent_at) - at < timedelta(seconds=10)  # the relay answers at once
                following.append((answer.sent_by, answer.body))
                if answer.sent_by == "greeting":
                    greeted.add(name)
            if following != expected:
                wrong.append(
                    f"{name}: {message.body!r} at {at.astimezone(moment.tzinfo):%a %H:%M} → {following}"
                )
            state = replace(state, last_inbound_at=at)
    assert not wrong
    # Each demo's first-time customers, greeted in the shop's language (or in English, abroad).
    assert greeted == {c.name for c in customers.values() if c.first_time}
    assert (
        greeted
        >= {
            "ko": {"최유진", "Amy Clarke"},
            "en": {"Hannah Reid", "Megan Doyle"},
            "en_US": {"Hannah Reed", "Megan Doyle"},
        }[lang]
    )


@pytest.mark.parametrize(
    ("lang", "name", "greeting"),
    [
        ("ko", "최유진", "안녕하세요 최유진님, 서울 리넨 하우스입니다!"),
        ("ko", "Amy Clarke", "Hello Amy, welcome to Seoul Linen House!"),
        ("en", "Hannah Reid", "Hello Hannah, welcome to Brighton Linen House!"),
        ("en_US", "Hannah Reed", "Hi Hannah, welcome to Palo Alto Linen House!"),
    ],
)
def test_a_first_time_customer_is_greeted_once_under_her_first_message(
    db: Database, tmp_path: Path, lang: str, name: str, greeting: str
) -> None:
    """The greeting comes right under her first message, in her language, and not under the next ones
    of the same chat (once per silence of the greeting's 14 days, not once per message)."""
    seed_demo_shop(db, DEMO, tmp_path / "catalog", lang, now=datetime(2026, 12, 9, 3, 0, tzinfo=UTC))
    chat = _chats(db)[name]
    greetings = [m for m in chat if m.sent_by == "greeting"]
    assert chat[0].direction == "in" and chat[1] == greetings[0]
    assert (greetings[0].body or "").startswith(greeting)
    first_story_day = chat[0].sent_at.date()
    assert [g for g in greetings if g.sent_at.date() == first_story_day] == greetings[:1]


@pytest.mark.parametrize(("lang", "moment"), MOMENTS, ids=[f"{lang}-{m:%a-%H%M}" for lang, m in MOMENTS])
def test_stories_not_tied_to_a_day_are_told_in_the_shops_opening_hours(
    db: Database, tmp_path: Path, lang: str, moment: datetime
) -> None:
    """A chat of weeks ago fell on the shop's Sunday (or its lunch hour), where the owner answered
    within minutes as on any working day."""
    seed_demo_shop(db, DEMO, tmp_path / "catalog", lang, now=moment.astimezone(UTC))
    hours = demo_rules(lang).business_hours
    chats = _chats(db)
    free = {c.wa_id: c.name for c in demo_customers(lang) if c.days_ago is None}
    assert free
    closed = [
        f"{name}: {m.body!r} at {as_utc(m.sent_at).astimezone(moment.tzinfo):%a %H:%M}"
        for wa_id, name in free.items()
        for m in chats[name]
        if (m.wamid or "").startswith(f"wamid.DEMO{wa_id}") and not is_open(hours, as_utc(m.sent_at))
    ]
    assert not closed


@pytest.mark.parametrize(
    ("lang", "name", "keyword"),
    [("ko", "정도윤", "수신거부"), ("en", "Tom Fletcher", "STOP"), ("en_US", "Kevin Walsh", "STOP")],
)
def test_the_opted_out_customers_chat_holds_her_keyword_at_the_moment_of_her_opt_out(
    db: Database, tmp_path: Path, lang: str, name: str, keyword: str
) -> None:
    """Her chat, her opt-out mark and the campaigns (which leave her out) tell one story: she wrote the
    keyword, the relay confirmed it in the shop's language, and the opt-out is recorded then."""
    seed_demo_shop(db, DEMO, tmp_path / "catalog", lang, now=datetime(2026, 12, 9, 3, 0, tzinfo=UTC))
    chat = _chats(db)[name]
    with db.read() as s:
        contact = s.scalar(select(Contact).where(Contact.profile_name == name))
        assert contact is not None and contact.opted_out_at is not None
        assert contact.opted_out_reason == "keyword"
        opted_out_at = as_utc(contact.opted_out_at)
    said = [m for m in chat if m.direction == "in" and m.body == keyword]
    assert len(said) == 1 and as_utc(said[0].sent_at) == opted_out_at
    confirmation = chat[chat.index(said[0]) + 1]
    assert confirmation.sent_by == "opt_out" and confirmation.direction == "out"
    assert confirmation.body == demo_rules(lang).opt_out.confirmation_text
    assert ("주문·배송" if lang == "ko" else "order and delivery") in confirmation.body  # in her language
