"""`shop-inbox --demo --lang en`: a stranger in the UK or the US meets an English-speaking linen shop in
Brighton (pounds, British and American customers), not the Seoul shop with won prices and Korean chats."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import select

from app.automations_store import load_state
from app.db import Database
from app.demo_seed import seed_demo_shop
from app.models import CatalogItem, Contact, Message, Order, QuickReply
from app.order_settings import load_order_settings
from app.settings import load_preferences
from relay.sandbox_cast import cast
from relay.sandbox_newcomers import newcomer

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"


def _has_hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


@pytest.fixture
def english(db: Database, tmp_path: Path) -> Database:
    subscribers = [(c.wa_id, c.name) for c in cast("en")]
    seed_demo_shop(db, DEMO, tmp_path / "catalog", "en", subscribers, samples=tmp_path / "samples")
    return db


def test_the_english_demo_is_a_british_shop_that_sells_in_pounds(english: Database) -> None:
    with english.read() as s:
        prefs = load_preferences(s)
        items = {i.retailer_id: (i.price_minor, i.currency, i.name) for i in s.scalars(select(CatalogItem))}
        orders = [(o.state, o.currency) for o in s.scalars(select(Order))]
        settings = load_order_settings(s)
        rules = load_state(s).doc
    assert (prefs.shop_region, prefs.currency) == ("GB", "GBP")
    assert items["LN-SH-IV"] == (3900, "GBP", "Linen shirt, ivory")  # £39.00
    assert items["OT-TR-BE"][:2] == (12900, "GBP")
    assert {currency for _p, currency, _n in items.values()} == {"GBP"}
    assert {currency for _s, currency in orders} == {"GBP"}
    # One order in every state, as the Korean demo has.
    assert {state for state, _c in orders} >= {
        "new",
        "awaiting_payment",
        "paid",
        "shipped",
        "done",
        "cancelled",
    }
    assert (settings.currency, settings.shipping_minor, settings.free_over_minor) == ("GBP", 395, 5000)
    assert "sort code" in settings.bank_account.lower()
    assert rules.profile.name == "Brighton Linen House"
    assert rules.business_hours.timezone == "Europe/London"
    assert rules.greeting.enabled and rules.away.enabled and rules.bot.enabled


def test_nothing_the_english_demo_shows_is_korean_or_in_won(english: Database) -> None:
    with english.read() as s:
        names = [n or "" for n in s.scalars(select(Contact.profile_name))]
        bodies = [b or "" for b in s.scalars(select(Message.body))]
        replies = [(r.text, r.text_other_language) for r in s.scalars(select(QuickReply))]
        items = [(i.name, i.description) for i in s.scalars(select(CatalogItem))]
        orders = [(o.customer_name, o.address) for o in s.scalars(select(Order))]
        wa_ids = [str(w) for w in s.scalars(select(Contact.wa_id))]
        rules = load_state(s).doc
    texts = [*names, *bodies, *[t for pair in replies for t in pair], *[t for pair in items for t in pair]]
    texts += [t for pair in orders for t in pair]
    texts += [rules.greeting.text, rules.away.text, rules.profile.description, rules.profile.address]
    assert not [t for t in texts if _has_hangul(t) or re.search(r"₩|\bwon\b|Seoul|KRW", t)]
    assert "Emily Hughes" in names and "Daniel Ortiz" in names
    # British numbers from Ofcom's range for drama, American ones from 555-01xx.
    assert all(w.startswith("447700900") or w[:1] == "1" or w.startswith("81") for w in wa_ids), wa_ids
    assert len(bodies) >= 20  # weeks of chats, as the Korean demo has


def test_the_english_demos_sample_bank_file_pays_its_order_in_pounds(
    english: Database, tmp_path: Path
) -> None:
    from app.deposits import MatchKind, match_deposits, read_bank_file
    from app.shipping_sheets import plan_tracking, read_tracking_file

    samples = tmp_path / "samples"
    bank = read_bank_file(next(samples.glob("*.xlsx")), "GBP")
    with english.read() as s:
        found = {m.deposit.name: m for m in match_deposits(s, bank, currency="GBP", country="GB")}
        plan = plan_tracking(s, read_tracking_file(next(samples.glob("*.csv"))))
    assert (
        found["Priya Shah"].kind == MatchKind.NAME_AND_AMOUNT and found["Priya Shah"].deposit.amount == 9000
    )
    assert found["J Smith"].order_id is None
    assert [m.number for m in plan.matches] and len(plan.skipped) == 1


def test_the_english_demos_simulated_customers_write_english() -> None:
    import random

    people = cast("en")
    assert len(people) == 8 and not any(c.korean for c in people)
    said = [str(content) for c in people for turn in c.story for _kind, content in turn]
    assert not [t for t in said if _has_hangul(t) or "KRW" in t]
    assert any("GBP" in t for t in said)  # the cart is in pounds
    walk_ins = [newcomer(i, random.Random(i), set(), set(), korean_shop=False) for i in range(10)]
    assert all(not c.korean and c.wa_id.startswith("447700900") for c in walk_ins)
    # The Korean demo's cast is as it was.
    assert cast("ko")[0].name == "한지민" and cast()[0].name == "한지민"


def test_the_english_demos_relay_offers_the_brighton_shops_templates(tmp_path: Path) -> None:
    """The template picker of the English demo listed the Seoul shop's Korean templates first and an
    English ad "(Ad) Seoul Linen House … Questions: +82 2-123-4567"."""
    from app.demo_orders import DEMO_TEMPLATES
    from app.relay_client import RelayClient
    from ui.demo import start_embedded_relay

    relay = start_embedded_relay(tmp_path / "relay", speed=20, language="en")
    try:
        with RelayClient(relay.url, relay.token) as client:
            approved = client.templates()
    finally:
        relay.stop()
    assert approved and {t.language for t in approved} == {"en"}
    said = " ".join(str(t.model_dump()) for t in approved)
    assert "Brighton Linen House" in said and "£58.00" in said and "Monday 7 December" in said
    assert not re.search(r"Seoul|₩|\+82|Kookmin|CJ", said), said
    assert set(DEMO_TEMPLATES.values()) <= {t.name for t in approved}  # every order step is told


def test_the_brighton_shops_texts_name_its_hours_on_the_uk_clock_from_its_own_hours() -> None:
    """Its away message said "10 AM–7 PM" beside a desktop that writes 10:00; its /hours reply and its
    owner's answer to Hannah say the hours the rules use, as the UK writes them."""
    from app.demo_replies import UK_QUICK_REPLIES
    from app.demo_seed import UK_CUSTOMERS, demo_rules

    week = demo_rules("en").business_hours.week
    weekday, saturday = week[0].ranges, week[5].ranges
    opening = f"{weekday[0].start}–{weekday[-1].end}"
    lunch = f"{weekday[0].end}–{weekday[1].start}"
    weekend = f"{saturday[0].start}–{saturday[-1].end}"
    reply = next(text for shortcut, text, _keys in UK_QUICK_REPLIES if shortcut == "/hours")
    owner = " ".join(text for way, text in next(c for c in UK_CUSTOMERS if c.name == "Hannah Reid").script)
    assert all(hours in reply for hours in (opening, lunch, weekend))
    assert opening in owner and weekend in owner
    assert not re.search(r"\d\s?(am|pm)\b", reply + owner, re.IGNORECASE)
