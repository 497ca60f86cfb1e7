"""The demo shop's past: customers, weeks of chats, labels (no Qt, deterministic).

Run in Korean, the demo is a Seoul linen shop with Korean customers (and a few foreign ones); run in
English on a computer set to US English ("en_US"), a Palo Alto linen shop with American customers,
prices in dollars; run in any other language, a Brighton linen shop with British and American
customers, prices in pounds."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Contact, Label, Message, as_utc, contact_label
from app.wire import sandbox_shop_country

if TYPE_CHECKING:
    from app.db import Database
    from app.rules import ContactState
    from app.wire import Automations, BusinessHours

SEOUL = ZoneInfo("Asia/Seoul")
LONDON = ZoneInfo("Europe/London")
PALO_ALTO = ZoneInfo("America/Los_Angeles")


def korean_demo(lang: str) -> bool:
    """The Seoul shop for a demo run in Korean; the Brighton or Palo Alto one for any other language."""
    return lang.lower().startswith("ko")


def demo_shop_country(lang: str) -> str:
    """The country of the demo shop run in `lang` ("ko", "en", "en_US"): "KR" (Seoul), "US" (Palo
    Alto: a computer set to US English), else "GB" (Brighton)."""
    return sandbox_shop_country(lang)


def demo_shop_currency(lang: str) -> str:
    """The currency the demo shop run in `lang` sells in."""
    return {"KR": "KRW", "US": "USD"}.get(demo_shop_country(lang), "GBP")


def demo_language_of_shop(currency: str) -> str:
    """The demo language whose shop sells in `currency` (a kept demo's customers are its shop's,
    whatever language it is reopened in): "ko" for won, "en_US" for dollars, else "en"."""
    return {"KRW": "ko", "USD": "en_US"}.get(currency.upper(), "en")


def demo_shop_zone(lang: str) -> ZoneInfo:
    """The zone of the demo shop run in `lang`: its chats' days are the shop's (Seoul's, Brighton's or
    Palo Alto's), not UTC's (Seoul's day starts at 00:00 UTC's 15:00)."""
    return {"KR": SEOUL, "US": PALO_ALTO}.get(demo_shop_country(lang), LONDON)


@dataclass(frozen=True, slots=True)
class DemoCustomer:
    wa_id: str
    name: str
    korean: bool
    label: str | None
    script: tuple[tuple[str, str], ...]  # (direction, text) in order
    # When the chat was (days before today): else the first customers wrote most recently. A chat
    # about an order sits next to the order (app/demo_orders.py).
    days_ago: int | None = None
    # Her story is her first message to the shop: the relay greeted her (else a regular, whose
    # earlier chats the demo leaves out and who is not greeted).
    first_time: bool = False
    # Her order was placed the day before her story ("I ordered yesterday"): that day is one the
    # shop is open too, as the day of any order step is.
    ordered_the_day_before: bool = False


KO_CUSTOMERS: tuple[DemoCustomer, ...] = (
    DemoCustomer(
        "821055501234",
        "김민지",
        True,
        "Paid",
        (
            ("in", "안녕하세요! 린넨 셔츠 아이보리 M 사이즈 재고 있나요?"),
            ("out", "안녕하세요 민지님 😊 네, 아이보리 M 재고 있습니다. 39,000원이에요."),
            ("in", "그럼 하나 주문할게요. 계좌번호 알려주세요"),
            ("out", "국민은행 123456-01-234567 (서울리넨하우스) 입니다. 입금 확인 후 바로 발송해드릴게요!"),
            ("in", "입금했습니다~"),
            ("out", "확인했습니다. 발송하면 송장번호 보내드릴게요. 감사합니다!"),
        ),
    ),
    DemoCustomer(
        "821077703456",
        "박서준",
        True,
        "Order complete",
        (
            ("in", "지난주에 주문한 원피스 잘 받았어요. 너무 예뻐요!"),
            ("out", "와 다행이에요 서준님! 예쁘게 입어주세요 🙏"),
            # He got the navy one (app/demo_orders.py); black is not in the catalogue yet. "2주 뒤", not
            # a weekday: "다음 주 수요일", said a week ago, had often passed with no message since.
            ("in", "혹시 같은 디자인으로 블랙 색상도 나오나요?"),
            ("out", "블랙은 2주 뒤에 입고될 예정이에요. 입고되면 바로 연락드릴게요."),
        ),
    ),
    DemoCustomer(
        "821099907890",
        "이하은",
        True,
        "Pending payment",
        (
            ("in", "린넨 와이드 팬츠 베이지 S로 두 장 주문할게요. 언제 받을 수 있을까요?"),
            ("out", "하은님 안녕하세요. 주문서 보내드릴게요! 입금 확인되면 1~2일 안에 받으실 수 있어요."),
            ("in", "네 오늘 저녁에 입금할게요 😅"),
        ),
        days_ago=2,
    ),
    DemoCustomer(
        "821033304567",
        "최유진",
        True,
        "New customer",
        (
            ("in", "인스타 보고 연락드려요. 매장 방문도 가능한가요?"),
            ("out", "네 가능해요! 성수동 매장은 평일 10시~7시, 토요일 11시~5시에 열어요."),
            ("in", "주말에 들를게요. 주차 되나요?"),
        ),
        first_time=True,  # she found the shop on Instagram
    ),
    DemoCustomer(
        "821044405678",
        "정도윤",
        True,
        "New order",
        (
            ("in", "어제 주문한 가디건이랑 토트백 보내셨나요?"),
            ("out", "도윤님 안녕하세요! 오늘 보내드렸어요. CJ대한통운 3849 1726 5031 입니다."),
            ("in", "감사합니다! M이 맞으면 좋겠어요"),
            (
                "out",
                "혹시 안 맞으면 말씀 주세요. 다른 사이즈로 교환해 드릴게요. 왕복 배송비는 저희가 부담해요.",
            ),
            ("in", "네 받으면 입어보고 알려드릴게요"),
            # She wants her order's news, not the shop's ads: the relay takes the keyword (and
            # confirms it), and her chat shows why campaigns leave her out.
            ("in", "수신거부"),
        ),
        days_ago=2,
        ordered_the_day_before=True,
    ),
)

EN_CUSTOMERS: tuple[DemoCustomer, ...] = (
    DemoCustomer(
        "447700900123",
        "Amy Clarke",
        False,
        None,  # her one order was cancelled unpaid (app/demo_orders.py)
        (
            ("in", "Hi! Do you ship the leather crossbody bag to the UK?"),
            (
                "out",
                "Hi Amy! Yes, we ship worldwide. UK delivery takes 5–7 days, and it's free on orders over "
                "₩50,000.",
            ),
            ("in", "Great, I'll take the black one please. It goes to 221B Baker Street, London NW1 6XE."),
            (
                "out",
                "Lovely choice! Your order: the leather crossbody bag in black, ₩89,000 with free "
                "delivery. Please transfer it within 3 days to KB Kookmin Bank 123456-01-234567 "
                "(Seoul Linen House) and we'll ship it right away.",
            ),
            ("in", "Thank you! I'll transfer it this week."),
        ),
        days_ago=14,
        first_time=True,  # from abroad, asking whether the shop sends there at all
    ),
    DemoCustomer(
        "14155550123",
        "Daniel Ortiz",
        False,
        None,
        (
            ("in", "Is the <b>beige trench coat</b> still available? The link on your site says sold out"),
            ("out", "Hi Daniel, we restocked it this morning, sizes S to XL."),
            ("in", "L then, please. Can I pick it up tomorrow?"),
        ),
        days_ago=1,  # his order, placed from this chat, is still New
    ),
    DemoCustomer(
        "61412345678",
        "Grace Lee",
        False,
        "Order complete",
        (
            ("in", "The scarf arrived today, it's beautiful 😍"),
            ("out", "So happy you like it, Grace! Thanks for shopping with us."),
        ),
    ),
)

DEMO_CUSTOMERS = KO_CUSTOMERS + EN_CUSTOMERS

# The English demo's shop, Brighton Linen House: customers in the UK (+44 7700 900xxx, Ofcom's
# numbers for drama) and the US (555-01xx). The same stories as the Korean shop's, told in English.
UK_CUSTOMERS: tuple[DemoCustomer, ...] = (
    DemoCustomer(
        "447700900101",
        "Emily Hughes",
        False,
        "Paid",
        (
            ("in", "Hi! Do you have the ivory linen shirt in a medium?"),
            ("out", "Hi Emily 😊 Yes, the ivory one is in stock in M. It's £39."),
            ("in", "Lovely, I'll take one. How do I pay?"),
            (
                "out",
                "By bank transfer please: Brighton Linen House, sort code 04-00-04, account 12345678. "
                "We'll post it as soon as it arrives!",
            ),
            ("in", "Paid just now 👍"),
            ("out", "Got it, thank you! We'll send you the tracking number once it's posted."),
        ),
    ),
    DemoCustomer(
        "447700900202",
        "James Whitfield",
        False,
        "Order complete",
        (
            ("in", "The dress I ordered last week arrived, my wife loves it!"),
            ("out", "That's wonderful to hear, James! Thank you 🙏"),
            ("in", "Does the same design come in black as well?"),
            ("out", "Black is due in about two weeks. We'll message you the moment it arrives."),
        ),
    ),
    DemoCustomer(
        "447700900303",
        "Priya Shah",
        False,
        "Pending payment",
        (
            ("in", "I'd like two pairs of the beige wide linen trousers in S. When would they arrive?"),
            ("out", "Hi Priya! I'll send you the order now. Once it's paid, it's with you in 1–2 days."),
            ("in", "Great, I'll pay this evening 😅"),
        ),
        days_ago=2,
    ),
    DemoCustomer(
        "447700900404",
        "Hannah Reid",
        False,
        "New customer",
        (
            ("in", "Found you on Instagram! Can I visit the studio?"),
            (
                "out",
                "Of course! We're in the North Laine, open Mon–Fri 10:00–19:00 and Saturday 11:00–17:00.",
            ),
            ("in", "I'll pop in at the weekend. Is there parking nearby?"),
        ),
        first_time=True,  # she found the shop on Instagram
    ),
    DemoCustomer(
        "447700900505",
        "Tom Fletcher",
        False,
        "New order",
        (
            ("in", "Have you sent the cardigan and tote bag I ordered yesterday?"),
            ("out", "Hi Tom! They went out today with Royal Mail, tracking RT482915736GB."),
            ("in", "Thanks! Hope the M fits"),
            ("out", "If it doesn't, just tell us and we'll swap it. We pay the postage both ways."),
            ("in", "Will do, I'll try it on when it comes"),
            ("in", "STOP"),  # as 정도윤's: his order's news, not the shop's offers
        ),
        days_ago=2,
        ordered_the_day_before=True,
    ),
    DemoCustomer(
        "12125550143",
        "Megan Doyle",
        False,
        None,  # her one order was cancelled unpaid (app/demo_orders.py)
        (
            ("in", "Hi! Do you ship the leather crossbody bag to the US?"),
            (
                "out",
                "Hi Megan! Yes, we ship to the US. It takes 5–7 days, and delivery is free on orders "
                "over £50.",
            ),
            ("in", "Great, I'll take the black one please. It goes to 350 Fifth Avenue, New York, NY 10118."),
            (
                "out",
                "Lovely choice! Your order: the leather crossbody bag in black, £89 with free delivery. "
                "Please pay within 3 days and we'll send it right away.",
            ),
            ("in", "Thank you! I'll pay this week."),
        ),
        days_ago=14,
        first_time=True,  # from abroad, asking whether the shop sends there at all
    ),
    DemoCustomer(
        "14155550123",
        "Daniel Ortiz",
        False,
        None,
        (
            ("in", "Is the <b>beige trench coat</b> still available? The link on your site says sold out"),
            ("out", "Hi Daniel, we restocked it this morning, sizes S to XL."),
            ("in", "L then, please. I'm in Brighton this week, can I pick it up tomorrow?"),
        ),
        days_ago=1,  # his order, placed from this chat, is still New
    ),
    DemoCustomer(
        "447700900606",
        "Grace Lee",
        False,
        "Order complete",
        (
            ("in", "The scarf arrived today, it's beautiful 😍"),
            ("out", "So happy you like it, Grace! Thanks for shopping with us."),
        ),
    ),
)


# The American English demo's shop, Palo Alto Linen House: customers in the Bay Area (555-01xx,
# numbers for fiction) and one in Canada. The same stories, told as an American shop tells them:
# dollars, Zelle, USPS, pants and shipping.
US_CUSTOMERS: tuple[DemoCustomer, ...] = (
    DemoCustomer(
        "16505550101",
        "Emily Johnson",
        False,
        "Paid",
        (
            ("in", "Hi! Do you have the ivory linen shirt in a medium?"),
            ("out", "Hi Emily 😊 Yes, the ivory one is in stock in M. It's $39."),
            ("in", "Great, I'll take one. How do I pay?"),
            (
                "out",
                "With Zelle, please: pay@paloaltolinen.example (Palo Alto Linen House). "
                "We'll ship it as soon as it comes through!",
            ),
            ("in", "Paid just now 👍"),
            ("out", "Got it, thank you! We'll send you the tracking number once it ships."),
        ),
    ),
    DemoCustomer(
        "14155550102",
        "Michael Davis",
        False,
        "Order complete",
        (
            ("in", "The dress I ordered last week arrived, my wife loves it!"),
            ("out", "That's wonderful to hear, Michael! Thank you 🙏"),
            ("in", "Does the same design come in black too?"),
            ("out", "Black is due in about two weeks. We'll message you the moment it arrives."),
        ),
    ),
    DemoCustomer(
        "15105550103",
        "Priya Shah",
        False,
        "Pending payment",
        (
            ("in", "I'd like two pairs of the beige wide-leg linen pants in S. When would they arrive?"),
            ("out", "Hi Priya! I'll send you the order now. Once it's paid, it's with you in 2–3 days."),
            ("in", "Great, I'll pay this evening 😅"),
        ),
        days_ago=2,
    ),
    DemoCustomer(
        "16505550104",
        "Hannah Reed",
        False,
        "New customer",
        (
            ("in", "Found you on Instagram! Can I visit the studio?"),
            (
                "out",
                "Of course! We're on Emerson Street downtown, open Mon–Fri 10 AM–7 PM and Saturday "
                "11 AM–5 PM.",
            ),
            ("in", "I'll stop by this weekend. Is there parking nearby?"),
        ),
        first_time=True,  # she found the shop on Instagram
    ),
    DemoCustomer(
        "14085550105",
        "Kevin Walsh",
        False,
        "New order",
        (
            ("in", "Have you sent the cardigan and tote bag I ordered yesterday?"),
            ("out", "Hi Kevin! They went out today with USPS, tracking 9400 1118 9956 4829 1573 60."),
            ("in", "Thanks! Hope the M fits"),
            ("out", "If it doesn't, just let us know and we'll exchange it. We cover shipping both ways."),
            ("in", "Will do, I'll try it on when it comes"),
            ("in", "STOP"),  # as 정도윤's: his order's news, not the shop's offers
        ),
        days_ago=2,
        ordered_the_day_before=True,
    ),
    DemoCustomer(
        "14165550143",
        "Megan Doyle",
        False,
        None,  # her one order was canceled unpaid (app/demo_orders.py)
        (
            ("in", "Hi! Do you ship the leather crossbody bag to Canada?"),
            (
                "out",
                "Hi Megan! Yes, we ship to Canada. It takes 5–7 business days, and shipping is free on "
                "orders over $50.",
            ),
            ("in", "Great, I'll take the black one please. It goes to 100 Queen Street West, Toronto."),
            (
                "out",
                "Great choice! Your order: the leather crossbody bag in black, $89 with free shipping. "
                "Please pay within 3 days and we'll send it right away.",
            ),
            ("in", "Thank you! I'll pay this week."),
        ),
        days_ago=14,
        first_time=True,  # from abroad, asking whether the shop sends there at all
    ),
    DemoCustomer(
        "14155550123",
        "Daniel Ortiz",
        False,
        None,
        (
            ("in", "Is the <b>beige trench coat</b> still available? The link on your site says sold out"),
            ("out", "Hi Daniel, we restocked it this morning, sizes S to XL."),
            ("in", "L then, please. I'm in Palo Alto this week, can I pick it up tomorrow?"),
        ),
        days_ago=1,  # his order, placed from this chat, is still New
    ),
    DemoCustomer(
        "16505550106",
        "Grace Lee",
        False,
        "Order complete",
        (
            ("in", "The scarf arrived today, it's beautiful 😍"),
            ("out", "So happy you like it, Grace! Thanks for shopping with us."),
        ),
    ),
)


def demo_rules(lang: str) -> Automations:
    """The demo shop's automations as its relay runs them: pushed with the shop's country (its
    Settings' region, `with_shop_country`), which writes its customers' times (24-hour in the UK)."""
    from app.automations_store import demo_automations, with_shop_country

    return with_shop_country(demo_automations(lang), demo_shop_country(lang))


def demo_customers(lang: str) -> tuple[DemoCustomer, ...]:
    """The customers of the demo run in `lang`: the Seoul shop's in Korean, the Palo Alto shop's in
    American English, the Brighton shop's else."""
    return {"KR": DEMO_CUSTOMERS, "US": US_CUSTOMERS}.get(demo_shop_country(lang), UK_CUSTOMERS)


# A story of this many days ago or fewer is one the owner has not opened yet.
RECENT_DAYS = 3


def demo_wamid(wa_id: str, position: int) -> str:
    """The id of the demo chat's message at `position` of its customer's script."""
    return f"wamid.DEMO{wa_id}{position:03d}"


def shop_open_on(hours: BusinessHours, day: date) -> bool:
    """Whether the shop opens at all on `day` (its own date): not its weekly closed day, nor a closed
    day it set (a holiday)."""
    return hours.week[day.weekday()].mode == "open" and not any(
        c.first <= day <= c.last for c in hours.closed_days
    )


def story_day(hours: BusinessHours, customer: DemoCustomer, day: date) -> date:
    """The day a story pinned to `day` is told on: that day, or the shop's last open day before it
    (with the day before it open too, when her order was placed then). The shop's steps of the
    order it tells (placed, sent, paid) are on open days: not a parcel sent on its Sunday."""
    while not shop_open_on(hours, day) or (
        customer.ordered_the_day_before and not shop_open_on(hours, day - timedelta(days=1))
    ):
        day -= timedelta(days=1)
    return day


def _story_start(hours: BusinessHours, day: date, minutes: int, rng: random.Random) -> datetime | None:
    """When a chat of `minutes` can begin on `day` so that all of it falls in one of the shop's open
    ranges (not across its lunch break): None on a day it is closed, or has no range that long."""
    week = hours.week[day.weekday()]
    if not shop_open_on(hours, day):
        return None
    zone = ZoneInfo(hours.timezone)
    fits = []
    for span in week.ranges:
        first = int(span.start[:2]) * 60 + int(span.start[3:])
        last = int(span.end[:2]) * 60 + int(span.end[3:]) - minutes - 1
        if last >= first:
            fits.append((first, last))
    if not fits:
        return None
    first, last = fits[rng.randrange(len(fits))]
    at = rng.randint(first, last)
    return datetime.combine(day, time(at // 60, at % 60), tzinfo=zone)


def seed_demo_history(
    session: Session, now: datetime | None = None, seed: int = 11, *, lang: str = "ko"
) -> int:
    """Write weeks of past chats (of the demo run in `lang`); returns the number of messages.
    Idempotent by wamid.

    The chats fall in the shop's opening hours, on days it is open: a story pinned to a day it is
    closed (its Sunday: "yesterday", "two days ago") is told on the open day before, for the shop
    acts on its order in it. A message out of hours (a cart at night) gets the away message.
    A first-time customer's first message gets the greeting; a customer's opt-out keyword gets the
    relay's confirmation (its automations decide all three)."""
    now = now or datetime.now(UTC)
    rng = random.Random(seed)
    doc = demo_rules(lang)
    labels = {label.name: label.id for label in session.scalars(select(Label))}
    written = 0
    shop_zone = demo_shop_zone(lang)
    for index, customer in enumerate(demo_customers(lang)):
        contact = session.scalar(select(Contact).where(Contact.wa_id == customer.wa_id))
        if contact is None:
            contact = Contact(wa_id=customer.wa_id, profile_name=customer.name)
            session.add(contact)
            session.flush()
        if customer.label and customer.label in labels:
            session.execute(
                contact_label.insert().prefix_with("OR IGNORE"),
                {"contact_id": contact.id, "label_id": labels[customer.label]},
            )
        gaps = [rng.randint(2, 25) for _ in customer.script]
        # Chats spread over the last six weeks; the first customers wrote most recently.
        # …during the shop's opening hours (in Seoul, or Brighton), as real chats would be.
        # Counted in the shop's days, not in 24 hours: the day after summer time begins, 24 hours
        # before 00:30 was two days before.
        days_ago = customer.days_ago if customer.days_ago is not None else 3 + index * 5
        day = story_day(
            doc.business_hours, customer, now.astimezone(shop_zone).date() - timedelta(days=days_ago)
        )
        start = _story_start(doc.business_hours, day, sum(gaps), rng)
        while start is None:  # no open range long enough that day: the open day before
            day = story_day(doc.business_hours, customer, day - timedelta(days=1))
            start = _story_start(doc.business_hours, day, sum(gaps), rng)
        at = start
        last = len(customer.script) - 1
        state = demo_contact_state(customer)
        for position, ((direction, text), gap) in enumerate(zip(customer.script, gaps, strict=True)):
            at += timedelta(minutes=gap)
            inbound = direction == "in"
            if inbound:
                answers = relay_answers(doc, state, at, customer.name, text)
                state = replace(state, last_inbound_at=at)
            else:
                answers = []
                state = replace(state, last_outbound_at=at, last_owner_reply_at=at)
            # The first customers' chats of the last days that end with their message are still
            # unread (Daniel Ortiz's is not: the owner wrote his order down); the owner has read
            # older ones (a later message of hers, such as 최유진's cart, is the first she has not:
            # the chat's "unread" line goes above it, not above weeks-old news).
            unread = inbound and position == last and index < 5 and days_ago <= RECENT_DAYS
            message = (direction, text, None if inbound else "owner", unread)
            for offset, (way, body, sent_by, new) in enumerate([message, *answers]):
                wamid = demo_wamid(customer.wa_id, position) + ("", "A", "B")[offset]
                if session.scalar(select(Message.id).where(Message.wamid == wamid)) is not None:
                    continue
                session.add(
                    Message(
                        contact_id=contact.id,
                        wamid=wamid,
                        direction=way,
                        kind="text",
                        body=body,
                        status="received" if way == "in" else "read",
                        sent_by=sent_by,
                        # The relay answers within seconds of her message.
                        sent_at=at + timedelta(seconds=2 * offset),
                        unread=new,
                    )
                )
                written += 1
            if answers:  # the relay's own answers count as the shop's (not the owner's) messages
                state = replace(state, last_outbound_at=at)
            if any(sent_by == "away" for _w, _b, sent_by, _n in answers):
                state = replace(state, last_away_sent_at=at)
        if customer.script and customer.script[-1][0] == "in":
            contact.last_inbound_at = at
    session.flush()
    return written


def demo_contact_state(customer: DemoCustomer) -> ContactState:
    """The relay's view of her before her story: a first-time customer, never heard from (greeted);
    else a regular, whose earlier chats the demo leaves out (not greeted)."""
    from app.rules import ContactState

    return ContactState(customer.wa_id, None, None, None, None, known_contact=not customer.first_time)


def relay_answers(
    doc: Automations, state: ContactState, at: datetime, name: str, text: str
) -> list[tuple[str, str, str, bool]]:
    """What the shop's relay sent back to her message `text` at `at` (the order of app.rules: an
    opt-out keyword is confirmed, and nothing else answers it; else the greeting, when she writes
    for the first time or after the greeting's silence, and the away message when it is due), as
    (direction, body, sent_by, unread) rows. The menu bot came after these chats: it answers none."""
    from app.rules import opt_out_reason, replies_for_inbound
    from app.wire import SentBy

    if opt_out_reason({"type": "text", "text": {"body": text}}, doc.opt_out) is not None:
        confirmation = doc.opt_out.confirmation_text.strip()
        return [("out", confirmation, SentBy.OPT_OUT.value, False)] if confirmation else []
    replies = replies_for_inbound(doc, state, at, contact_name=name, customer_text=text)
    return [("out", r.text, r.sent_by, False) for r in replies]


# Who agreed to what in the demo, so a campaign shows both recipients and every reason to leave one
# out: (notifications how, marketing how or None, days since marketing consent, night-time consent,
# opted out by keyword). Night-time consent lets a demo campaign to Korean numbers run at any hour.
DEMO_CONSENTS: dict[str, tuple[str, str | None, int, bool, bool]] = {
    "821055501234": ("chat", "chat", 40, True, False),  # 김민지
    "821077703456": ("in_store", "in_store", 120, True, False),  # 박서준
    "821099907890": ("chat", None, 0, False, False),  # 이하은: notifications only
    "821033304567": ("website", "website", 730, False, False),  # 최유진: consent over 23 months old
    "821044405678": ("chat", "chat", 15, False, True),  # 정도윤: wrote 수신거부 once
    "447700900123": ("website", "website", 60, False, False),  # Amy Clarke
    "14155550123": ("chat", "chat", 30, False, False),  # Daniel Ortiz: a US number, no marketing there
    # The Brighton shop's (the English demo)
    "447700900101": ("chat", "chat", 40, False, False),  # Emily Hughes
    "447700900202": ("in_store", "in_store", 120, False, False),  # James Whitfield
    "447700900303": ("chat", None, 0, False, False),  # Priya Shah: notifications only
    "447700900404": ("website", "website", 730, False, False),  # Hannah Reid: consent over 23 months old
    "447700900505": ("chat", "chat", 15, False, True),  # Tom Fletcher: wrote STOP once
    "12125550143": ("website", "website", 60, False, False),  # Megan Doyle
    # The Palo Alto shop's (the American English demo)
    "16505550101": ("chat", "chat", 40, False, False),  # Emily Johnson
    "14155550102": ("in_store", "in_store", 120, False, False),  # Michael Davis
    "15105550103": ("chat", None, 0, False, False),  # Priya Shah: notifications only
    "16505550104": ("website", "website", 730, False, False),  # Hannah Reed: consent over 23 months old
    "14085550105": ("chat", "chat", 15, False, True),  # Kevin Walsh: wrote STOP once
    "14165550143": ("website", "website", 60, False, False),  # Megan Doyle, in Toronto
}


def seed_demo_consents(session: Session, now: datetime | None = None) -> int:
    """Give the demo customers their consents (with how and when); returns how many were set."""
    from app.wire import OPT_OUT_KEYWORDS_DEFAULT

    now = now or datetime.now(UTC)
    done = 0
    for wa_id, (how, marketing, days, night, opted_out) in DEMO_CONSENTS.items():
        contact = session.scalar(select(Contact).where(Contact.wa_id == wa_id))
        if contact is None:
            continue
        contact.opted_in_at = now - timedelta(days=days + 7)
        contact.opted_in_how = how
        if marketing is not None:
            contact.marketing_consent_at = now - timedelta(days=days)
            contact.marketing_consent_how = marketing
            if night:
                contact.night_consent_at = now - timedelta(days=days)
        if opted_out:
            # When the relay took her keyword (a message of her chat), else two days ago.
            said = session.scalar(
                select(Message.sent_at)
                .where(
                    Message.contact_id == contact.id,
                    Message.direction == "in",
                    Message.body.in_(OPT_OUT_KEYWORDS_DEFAULT),
                )
                .order_by(Message.sent_at.desc())
                .limit(1)
            )
            contact.opted_out_at = as_utc(said) if said is not None else now - timedelta(days=2)
            contact.opted_out_reason = "keyword"
        done += 1
    session.flush()
    return done


# Set in every demo inbox: a backup of it says so before it would replace an owner's own inbox.
DEMO_SHOP_SETTING = "demo_shop"


def demo_shop_seeded(db: Database) -> bool:
    """Whether `db` holds a whole demo shop. Its seeding is one transaction that also finishes its
    setup, so a file whose setup is not done was cut short (a quit or a full disk during the first
    start, its tables made and left empty): the next start seeds it."""
    from app.settings import read_preferences

    return read_preferences(db).setup_done


def mark_demo_shop(db: Database) -> None:
    """Mark `db` as a demo shop's (a demo kept from before the mark gets it when it opens)."""
    from app.settings import get_setting, put_setting

    with db.write() as s:
        if get_setting(s, DEMO_SHOP_SETTING) is not True:
            put_setting(s, DEMO_SHOP_SETTING, True)


def seed_demo_shop(
    db: Database,
    demo_folder: Path,
    catalog_dir: Path,
    lang: str,
    subscribers: list[tuple[str, str]] | None = None,
    *,
    samples: Path | None = None,
    two_numbers: bool = False,
    on_step: Callable[[], None] | None = None,
    now: datetime | None = None,
) -> None:
    """Profile, catalogue, quick replies, automations, labels and weeks of past chats, in one transaction.

    `subscribers` (wa_id, name): the sandbox's customers, who agreed to notifications and marketing.
    `samples`: the folder for a sample bank statement and courier file made from the demo's orders.
    `two_numbers`: the shop has two WhatsApp numbers (seed_demo_two_numbers).
    `on_step` is called between the parts, in the calling thread; what it raises undoes them all
    (a start asked to stop meanwhile leaves the file as unseeded as it found it).
    `now`: the moment every part is written at (one moment: a seeding across the shop's midnight
    would put "yesterday" on two different days).
    """
    from app.automations_store import demo_automations, save_local
    from app.catalog import load_demo_catalog
    from app.demo_orders import seed_demo_orders
    from app.phones import display_phone
    from app.quick_replies import load_demo_quick_replies
    from app.settings import Preferences, put_setting, save_preferences
    from app.share_link import SHARE_PHONE_SETTING
    from app.wire import sandbox_display_numbers

    country = demo_shop_country(lang)
    now = now or datetime.now(UTC)
    with db.write() as s:
        save_preferences(
            s,
            Preferences(
                shop_region=country,
                currency=demo_shop_currency(lang),
                setup_done=True,
                language="system",
            ),
        )
        step = on_step or (lambda: None)
        step()
        seed_demo_history(s, now, lang=lang)
        step()
        seed_demo_consents(s, now)
        load_demo_quick_replies(s, lang)
        load_demo_catalog(s, demo_folder, catalog_dir, lang)
        step()
        # The shop's hours (in Seoul) before its orders: a deadline is the end of the shop's day.
        save_local(s, demo_automations(lang))
        seed_demo_orders(s, now, lang=lang)
        step()
        if two_numbers:  # after the orders: their messages are on their customer's number too
            seed_demo_two_numbers(s, lang)
        # The share link opens a chat with the demo shop itself (Shop ▸ Share link…).
        put_setting(s, SHARE_PHONE_SETTING, display_phone(sandbox_display_numbers(lang)[0], country))
        if subscribers:
            seed_demo_subscribers(s, subscribers, now)
        if samples is not None:
            from app.demo_samples import write_demo_samples

            write_demo_samples(s, samples, now, lang=lang)
        step()


def seed_demo_two_numbers(session: Session, lang: str) -> None:
    """A demo shop with two numbers (two branches): the past chats' customers wrote to one or the
    other (every other one to the second, as the sandbox's customers do), so the chat list offers
    both numbers from the start. One of the second number's wrote to the first before (an earlier
    day's messages): her chat shows which number each message came in on."""
    from app.business_numbers import remember_business_numbers
    from app.wire import SANDBOX_PHONE_NUMBER_ID, SANDBOX_SECOND_PHONE_NUMBER_ID, sandbox_display_numbers

    zone = demo_shop_zone(lang)
    first, second = sandbox_display_numbers(lang)
    numbers = ((SANDBOX_PHONE_NUMBER_ID, first), (SANDBOX_SECOND_PHONE_NUMBER_ID, second))
    crossed = False
    for index, customer in enumerate(demo_customers(lang)):
        contact = session.scalar(select(Contact).where(Contact.wa_id == customer.wa_id))
        if contact is None:
            continue
        contact.phone_number_id = numbers[index % 2][0]
        messages = list(
            session.scalars(
                select(Message).where(Message.contact_id == contact.id).order_by(Message.sent_at, Message.id)
            )
        )
        for message in messages:
            message.phone_number_id = contact.phone_number_id
        # Days on the shop's clock: a message written here is still in the zone it was written in,
        # one read back is in UTC, whose date is Seoul's only after 09:00.
        days = [as_utc(m.sent_at).astimezone(zone).date() for m in messages]
        earlier = [m for m, day in zip(messages, days, strict=True) if day != days[-1]]
        if index % 2 and earlier and not crossed:
            crossed = True
            for message in earlier:
                message.phone_number_id = numbers[0][0]
    remember_business_numbers(session, numbers)


def seed_demo_subscribers(
    session: Session, people: list[tuple[str, str]], now: datetime | None = None
) -> int:
    """The sandbox's own customers as contacts who agreed (in a chat) to notifications and marketing.

    They have no messages yet, so the chat list shows them only once they write; a demo campaign
    reaches them, and the sandbox answers it as they would: they read it, tap a button, one
    writes 수신거부. Returns how many were added.
    """
    now = now or datetime.now(UTC)
    added = 0
    for wa_id, name in people:
        if session.scalar(select(Contact.id).where(Contact.wa_id == wa_id)) is not None:
            continue
        session.add(
            Contact(
                wa_id=wa_id,
                profile_name=name,
                opted_in_at=now - timedelta(days=20),
                opted_in_how="chat",
                marketing_consent_at=now - timedelta(days=20),
                marketing_consent_how="chat",
                night_consent_at=now - timedelta(days=20),
            )
        )
        added += 1
    session.flush()
    return added
