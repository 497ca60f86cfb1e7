"""Before a campaign is saved or sent: the Korean advertising law's form, what Meta will charge for it,
and who waits for the morning."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from app.campaigns import MARKETING, Member
from app.changes import Changes
from app.phones import country_of
from app.rules import keyword_hits, night_hold_until, zone
from app.settings import get_setting, put_setting
from app.wire import (
    NIGHT_HOLD_COUNTRIES,
    NIGHT_HOLD_ZONES,
    BusinessProfile,
    MenuBot,
    Template,
    fill_template_slots,
)

if TYPE_CHECKING:
    from app.db import Database

AD_PREFIX = "(광고)"
# Words that tell the customer how to stop, free of charge (정보통신망법 제50조: 무료 수신거부 방법).
OPT_OUT_WORDS = ("수신거부", "수신 거부", "구독취소", "unsubscribe", "opt out", "opt-out", "stop")
PHONE = re.compile(r"(?:\+?\d{1,3}[\s.-]?)?\(?\d{2,4}\)?[\s.-]?\d{3,4}[\s.-]?\d{4}")
SERVICE_WINDOW = timedelta(hours=24)
PRICES_SETTING = "campaign_prices"


class LawProblem(StrEnum):
    """What Korean law asks of an advertising message that the template's text lacks."""

    NO_AD_PREFIX = "no_ad_prefix"  # "(광고)" at the very start
    NO_SHOP_NAME = "no_shop_name"
    NO_CONTACT = "no_contact"  # the sender's phone number, email or website
    NO_OPT_OUT = "no_opt_out"  # a free way to stop (the template's opt-out button counts)


def template_text(template: Template, params: Sequence[str] = ()) -> str:
    """Header, body and footer text as the customer reads it, {{n}} filled from `params`."""
    parts: list[str] = []
    for component in template.components:
        kind = str(component.get("type", "")).upper()
        if kind in ("HEADER", "BODY", "FOOTER") and component.get("text"):
            parts.append(str(component["text"]))
    return fill_template_slots("\n".join(parts), params)


def template_buttons(template: Template) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for component in template.components:
        if str(component.get("type", "")).upper() == "BUTTONS":
            out.extend(b for b in component.get("buttons") or [] if isinstance(b, dict))
    return out


# Where a template's body puts the customer's name: "{{1}}님", after a greeting ("Hi {{1}}",
# "안녕하세요 {{1}}"), or opening a line that speaks to her ("{{1}}, the shirt you waited for is back").
_NAME_PATTERNS = (
    re.compile(r"\{\{(\d+)\}\}\s*님"),
    re.compile(r"(?:\b(?:hi|hello|hey|dear)|안녕하세요)[,!]?\s*\{\{(\d+)\}\}", re.IGNORECASE),
    re.compile(r"^[ \t]*\{\{(\d+)\}\},", re.MULTILINE),
)


def name_slots(template: Template) -> set[int]:
    """The body's blanks that stand for the customer's name (one place for the campaign editor and
    the template picker, which both fill them with her name)."""
    found: set[int] = set()
    for c in template.components:
        if str(c.get("type", "")).upper() == "BODY":
            text = str(c.get("text", "") or "")
            found.update(int(n) for pattern in _NAME_PATTERNS for n in pattern.findall(text))
    return found


def greets_at(template: Template, number: int) -> bool:
    """The body greets the customer at {{number}}: "{{1}}님, …", "Hi {{1}}" — a name goes there."""
    return number in name_slots(template)


def _has_opt_out(text: str) -> bool:
    folded = unicodedata.normalize("NFC", text).casefold()
    return any(word in folded for word in OPT_OUT_WORDS)


def has_opt_out_button(template: Template) -> bool:
    """Meta's marketing opt-out button is a quick reply ("Stop promotions", "수신거부")."""
    return any(
        str(b.get("type", "")).upper() == "QUICK_REPLY" and _has_opt_out(str(b.get("text", "")))
        for b in template_buttons(template)
    )


def reply_buttons(template: Template, bot: MenuBot | None) -> list[tuple[str, bool]]:
    """The template's quick-reply buttons a customer may tap, other than the opt-out (the relay
    answers that), each with whether the menu bot answers its text (a keyword rule that matches it
    and does not hand the chat to a person)."""
    bots = [b for b in (bot, bot.other_language if bot is not None else None) if b is not None]
    out: list[tuple[str, bool]] = []
    for b in template_buttons(template):
        text = str(b.get("text", "")).strip()
        if str(b.get("type", "")).upper() != "QUICK_REPLY" or not text or _has_opt_out(text):
            continue
        answered = bool(bot is not None and bot.enabled) and any(
            rule.answer.kind != "handoff"
            and any(keyword_hits(k, text, whole_word=rule.whole_word) for k in rule.keywords)
            for one in bots
            for rule in one.rules
        )
        out.append((text, answered))
    return out


def needs_law_check(template: Template, wa_ids: Sequence[str | None] = ()) -> bool:
    """Korean advertising rules apply to marketing in Korean or to Korean (+82) numbers."""
    if template.category.upper() != MARKETING:
        return False
    return template.language.lower().startswith("ko") or any((w or "").startswith("82") for w in wa_ids)


_HOLDER_IN_BRACKETS = re.compile(r"\(([^()]*)\)\s*$")
_HOLDER_AFTER_NUMBER = re.compile(r"\d[\d\s-]*\d\s+([^\d()]+)$")
_HOLDER_WORD = re.compile(r"^\s*(?:예금주|account holder|holder)\s*[:：]?\s*", re.IGNORECASE)


def account_holder(bank_account: str) -> str:
    """The name a bank account is held under, as the order settings write it: "서울리넨하우스" from
    "국민은행 123-45-678901 (서울리넨하우스)", "(예금주: 서울리넨하우스)" or "… 678901 서울리넨하우스";
    "" when it names none."""
    text = bank_account.strip()
    found = _HOLDER_IN_BRACKETS.search(text) or _HOLDER_AFTER_NUMBER.search(text)
    if found is None:
        return ""
    holder = _HOLDER_WORD.sub("", found.group(1)).strip()
    return "" if any(ch.isdigit() for ch in holder) else holder


def shop_names(profile: BusinessProfile, bank_account: str = "") -> tuple[str, ...]:
    """Every name the app knows the shop by, each of which names it in an ad (`law_problems`): its
    business profile's name ("서울 리넨 하우스"), its name in another language, which its English
    templates and greetings use ("Seoul Linen House"), and the name its bank account is held under,
    which its Korean customers pay to ("서울리넨하우스")."""
    names: list[str] = []
    for name in (profile.name, profile.name_other_language, account_holder(bank_account)):
        name = " ".join(name.split())
        if name and _squashed(name) not in {_squashed(n) for n in names}:
            names.append(name)
    return tuple(names)


def _squashed(text: str) -> str:
    """Compared ignoring case and spaces: "서울 리넨 하우스" names "서울리넨하우스"."""
    return "".join(unicodedata.normalize("NFC", text).casefold().split())


def law_problems(
    template: Template, params: Sequence[str], profile: BusinessProfile, names: Sequence[str] = ()
) -> list[LawProblem]:
    """What the message lacks of the law's form; empty when it has all of it. The shop is named
    when any of `names` (see `shop_names`; none given: the profile's name) is in it."""
    text = unicodedata.normalize("NFC", template_text(template, params))
    problems: list[LawProblem] = []
    if not text.lstrip().startswith(AD_PREFIX):
        problems.append(LawProblem.NO_AD_PREFIX)
    squashed = _squashed(text)
    known = [_squashed(n) for n in (names or shop_names(profile))]
    if not any(n and n in squashed for n in known):
        problems.append(LawProblem.NO_SHOP_NAME)
    contacts = [c for c in (profile.email, *profile.websites) if c]
    if not PHONE.search(text) and not any(c.casefold() in text.casefold() for c in contacts):
        problems.append(LawProblem.NO_CONTACT)
    if not _has_opt_out(text) and not has_opt_out_button(template):
        problems.append(LawProblem.NO_OPT_OUT)
    return problems


# --------------------------------------------------------------------------- cost


@dataclass(frozen=True, slots=True)
class Prices:
    """The owner's own price per message and category (none is built in: Meta's change and differ)."""

    currency: str = "KRW"
    marketing_minor: int | None = None
    utility_minor: int | None = None

    def for_category(self, category: str) -> int | None:
        return self.marketing_minor if category.upper() == MARKETING else self.utility_minor


def load_prices(session: Session) -> Prices:
    value = get_setting(session, PRICES_SETTING) or {}
    if not isinstance(value, dict):
        return Prices()

    def minor(key: str) -> int | None:
        v = value.get(key)
        return int(v) if isinstance(v, int) and v >= 0 else None

    return Prices(str(value.get("currency") or "KRW"), minor("marketing_minor"), minor("utility_minor"))


def save_prices(session: Session, prices: Prices) -> None:
    put_setting(
        session,
        PRICES_SETTING,
        {
            "currency": prices.currency,
            "marketing_minor": prices.marketing_minor,
            "utility_minor": prices.utility_minor,
        },
    )


def read_shop_names(db: Database) -> tuple[str, ...]:
    """`shop_names` from the saved business profile and order settings."""
    from app.automations_store import load_state
    from app.order_settings import load_order_settings

    with db.read() as session:
        return shop_names(load_state(session).doc.profile, load_order_settings(session).bank_account)


def read_prices(db: Database) -> Prices:
    """The prices in a short read session of their own (for the settings dialog's op)."""
    with db.read() as session:
        return load_prices(session)


def store_prices(db: Database, prices: Prices) -> Changes:
    with db.write() as session:
        save_prices(session, prices)
    return Changes(settings=True)


@dataclass(frozen=True, slots=True)
class CostEstimate:
    category: str
    charged: int  # messages Meta charges for (marketing: each delivered; utility: outside the window)
    free: int  # utility messages inside an open customer-service window
    price_minor: int | None
    currency: str

    @property
    def total_minor(self) -> int | None:
        return None if self.price_minor is None else self.price_minor * self.charged


def estimate_cost(category: str, recipients: Sequence[Member], prices: Prices, now: datetime) -> CostEstimate:
    """At most what the campaign costs: marketing is paid per delivered message, so this is the ceiling."""
    if category.upper() == MARKETING:
        charged, free = len(recipients), 0
    else:
        free = sum(
            1
            for m in recipients
            if m.last_inbound_at is not None and now - m.last_inbound_at < SERVICE_WINDOW
        )
        charged = len(recipients) - free
    return CostEstimate(category.upper(), charged, free, prices.for_category(category), prices.currency)


# --------------------------------------------------------------------------- night-time hold


@dataclass(frozen=True, slots=True)
class NightWait:
    """How many recipients get the campaign when it starts, and how many wait for the morning."""

    at_start: int
    held: int  # Korean numbers without night-time consent, marketing between 21:00 and 08:00
    until: datetime | None  # when the held ones get it (08:00 on their clock); None: nobody waits


def night_wait(category: str, recipients: Sequence[Member], start: datetime) -> NightWait:
    """Who the relay holds until 08:00 if the campaign starts at `start`, as it decides
    (relay.campaigns.held_until): marketing, to a number of a night-hold country, without night-time
    consent."""
    held, until = 0, None
    if category.upper() == MARKETING:
        for m in recipients:
            country = country_of(m.wa_id or "")
            if country not in NIGHT_HOLD_COUNTRIES or m.consent.night_at is not None:
                continue
            end = night_hold_until(start, zone(NIGHT_HOLD_ZONES.get(country or "", "UTC")))
            if end is not None:
                held += 1
                until = end if until is None else max(until, end)
    return NightWait(len(recipients) - held, held, until)
