"""`shop-inbox --demo` in English on a computer set to US English: a linen shop in Palo Alto (dollars,
American numbers, Zelle, USPS, "pants"), not the Brighton shop with pounds and +44 numbers."""

from __future__ import annotations

import random
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
# What a shop in the US would not write: pounds, British spellings and words, UK numbers and places.
BRITISH = re.compile(
    r"£|GBP|\bpence\b|\bcatalogue\b|cancell|colour|\bgrey\b|trousers|postage|\bpost(ed)?\b|sort code|"
    r"Royal Mail|Brighton|\bflat \d|\+44|\bautumn\b|\bbank holiday|\bUK\b",
    re.IGNORECASE,
)


def _has_hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


@pytest.fixture
def american(db: Database, tmp_path: Path) -> Database:
    subscribers = [(c.wa_id, c.name) for c in cast("en_US")]
    seed_demo_shop(db, DEMO, tmp_path / "catalog", "en_US", subscribers, samples=tmp_path / "samples")
    return db


def test_the_american_english_demo_is_a_us_shop_that_sells_in_dollars(american: Database) -> None:
    with american.read() as s:
        prefs = load_preferences(s)
        items = {i.retailer_id: (i.price_minor, i.currency, i.name) for i in s.scalars(select(CatalogItem))}
        orders = [(o.state, o.currency) for o in s.scalars(select(Order))]
        settings = load_order_settings(s)
        rules = load_state(s).doc
    assert (prefs.shop_region, prefs.currency) == ("US", "USD")
    assert items["LN-SH-IV"] == (3900, "USD", "Linen shirt, ivory")  # $39.00
    assert items["PT-LN-BE"][2] == "Wide-leg linen pants, beige"
    assert {currency for _p, currency, _n in items.values()} == {"USD"}
    assert {currency for _s, currency in orders} == {"USD"}
    assert {state for state, _c in orders} >= {
        "new",
        "awaiting_payment",
        "paid",
        "shipped",
        "done",
        "cancelled",
    }
    assert (settings.currency, settings.shipping_minor, settings.free_over_minor) == ("USD", 595, 5000)
    assert "zelle" in settings.bank_account.lower()
    assert rules.profile.name == "Palo Alto Linen House"
    assert rules.business_hours.timezone == "America/Los_Angeles"
    assert rules.greeting.enabled and rules.away.enabled and rules.bot.enabled


def test_nothing_the_american_demo_shows_is_british_korean_or_in_won(american: Database) -> None:
    with american.read() as s:
        names = [n or "" for n in s.scalars(select(Contact.profile_name))]
        bodies = [b or "" for b in s.scalars(select(Message.body))]
        replies = [(r.shortcut, r.text) for r in s.scalars(select(QuickReply))]
        items = [(i.name, i.description) for i in s.scalars(select(CatalogItem))]
        orders = [
            (o.customer_name, o.address, o.address_detail, o.delivery_memo, o.courier, o.recipient_phone)
            for o in s.scalars(select(Order))
        ]
        wa_ids = [str(w) for w in s.scalars(select(Contact.wa_id))]
        rules = load_state(s).doc
        settings = load_order_settings(s)
    texts = [*names, *bodies, *[t for pair in replies for t in pair], *[t for pair in items for t in pair]]
    texts += [t or "" for row in orders for t in row]
    texts += [rules.greeting.text, rules.away.text, rules.opt_out.confirmation_text]
    texts += [rules.profile.description, rules.profile.address, rules.profile.about, settings.bank_account]
    texts += [f"{n.title} {n.description} {n.text}" for n in rules.bot.nodes]
    texts += [f"{r.title} {r.answer.text}" for r in rules.bot.rules]
    assert not [t for t in texts if _has_hangul(t) or re.search(r"₩|\bwon\b|Seoul|KRW", t)]
    assert not [t for t in texts if BRITISH.search(t)]
    assert "Emily Johnson" in names and "Daniel Ortiz" in names
    # American numbers from 555-01xx (one Canadian), the simulated customers' one Japanese visitor.
    assert all((w[:1] == "1" and w[4:8] == "5550") or w.startswith("81") for w in wa_ids), wa_ids
    assert "(650) 555-0101" in {phone for *_rest, phone in orders}  # as an American writes her number
    assert "/pay" in {shortcut for shortcut, _t in replies}
    assert len(bodies) >= 20  # weeks of chats, as the other demos have


def test_the_american_demos_sample_bank_file_pays_its_order_in_dollars(
    american: Database, tmp_path: Path
) -> None:
    from app.deposits import MatchKind, match_deposits, read_bank_file
    from app.shipping_sheets import plan_tracking, read_tracking_file

    samples = tmp_path / "samples"
    bank = read_bank_file(next(samples.glob("*.xlsx")), "USD")
    with american.read() as s:
        found = {m.deposit.name: m for m in match_deposits(s, bank, currency="USD", country="US")}
        plan = plan_tracking(s, read_tracking_file(next(samples.glob("*.csv"))))
    assert (
        found["Priya Shah"].kind == MatchKind.NAME_AND_AMOUNT and found["Priya Shah"].deposit.amount == 9000
    )
    assert found["John Smith"].order_id is None
    assert [m.number for m in plan.matches] and len(plan.skipped) == 1


def test_the_american_demos_simulated_customers_write_american_english() -> None:
    people = cast("en_US")
    assert len(people) == 8 and not any(c.korean for c in people)
    said = [str(content) for c in people for turn in c.story for _kind, content in turn]
    said += [c.thanks for c in people] + [c.other_branch for c in people]
    assert not [t for t in said if _has_hangul(t) or "KRW" in t or BRITISH.search(t)]
    assert any("USD" in t for t in said)  # the cart is in dollars
    walk_ins = [
        newcomer(i, random.Random(i), set(), set(), korean_shop=False, shop_country="US") for i in range(10)
    ]
    assert all(not c.korean and c.wa_id[:1] == "1" and c.wa_id[4:8] == "5550" for c in walk_ins)
    # The Brighton shop's cast is as it was.
    assert cast("en")[0].name == "Chloe Adams"


def test_the_american_demos_relay_offers_the_palo_alto_shops_templates(tmp_path: Path) -> None:
    from app.demo_orders import DEMO_TEMPLATES
    from app.relay_client import RelayClient
    from ui.demo import start_embedded_relay

    relay = start_embedded_relay(tmp_path / "relay", speed=20, language="en_US")
    try:
        with RelayClient(relay.url, relay.token) as client:
            approved = client.templates()
    finally:
        relay.stop()
    assert approved and {t.language for t in approved} == {"en"}
    said = " ".join(str(t.model_dump()) for t in approved)
    assert "Palo Alto Linen House" in said and "$58.00" in said and "USPS" in said
    assert not re.search(r"Seoul|₩|\+82|Kookmin|CJ", said) and not BRITISH.search(said), said
    assert set(DEMO_TEMPLATES.values()) <= {t.name for t in approved}  # every order step is told


def test_the_american_demos_shop_answers_from_american_numbers() -> None:
    from relay.sandbox import sandbox_numbers

    numbers = [display for _id, display in sandbox_numbers("1", "en_US", two_numbers=True)]
    assert numbers == ["16505550100", "16505550120"]  # +1 650-555-0100, and its second branch's


def test_the_palo_alto_shops_texts_name_its_hours_on_the_us_clock_from_its_own_hours() -> None:
    """Its /hours reply and its owner's answer to Hannah say the hours the rules use, as the US
    writes them (10 AM–7 PM), not as the UK does (10:00–19:00)."""
    from app.demo_replies import US_QUICK_REPLIES
    from app.demo_seed import US_CUSTOMERS, demo_rules

    def said(at: str) -> str:
        hour = int(at[:2])
        return f"{hour % 12 or 12} {'AM' if hour < 12 else 'PM'}"

    week = demo_rules("en_US").business_hours.week
    weekday, saturday = week[0].ranges, week[5].ranges
    opening = f"{said(weekday[0].start)}–{said(weekday[-1].end)}"
    weekend = f"{said(saturday[0].start)}–{said(saturday[-1].end)}"
    reply = next(text for shortcut, text, _keys in US_QUICK_REPLIES if shortcut == "/hours")
    owner = " ".join(text for way, text in next(c for c in US_CUSTOMERS if c.name == "Hannah Reed").script)
    assert all(hours in reply for hours in (opening, weekend)) and "1–2 PM" in reply
    assert opening in owner and weekend in owner
    assert not re.search(r"\d\d:\d\d", reply + owner)
