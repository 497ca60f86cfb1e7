"""Campaign audiences: labels, recent chats, purchases and waitlists; who is left out and why."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from app.campaign_checks import (
    LawProblem,
    Prices,
    estimate_cost,
    law_problems,
    load_prices,
    needs_law_check,
    night_wait,
    save_prices,
)
from app.campaigns import (
    Audience,
    LeftOutReason,
    ParameterSource,
    ParameterSpec,
    add_to_waitlist,
    parameter_values,
    resolve_audience,
    waitlisted_items,
)
from app.models import CatalogItem, Collection, Contact, Label
from app.orders import LineInput, OrderState, create_order, move_order
from app.wire import BusinessProfile, Template
from tests.support.factories import make_contact

NOW = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)


def customer(s: Session, name: str, *, marketing: bool = True, **fields: Any) -> Contact:
    fields.setdefault("opted_in_at", NOW - timedelta(days=30))
    if marketing:
        fields.setdefault("marketing_consent_at", NOW - timedelta(days=30))
    return make_contact(s, profile_name=name, **fields)


def names(members: list[Any]) -> list[str]:
    return sorted(m.name for m in members)


def test_labels_any_or_all_pick_the_right_customers(db: Any) -> None:
    with db.write() as s:
        vip, sale = Label(name="VIP", colour="#000000"), Label(name="Sale", colour="#111111")
        a, b, c = customer(s, "Ana"), customer(s, "Bora"), customer(s, "Chul")
        a.labels = [vip, sale]
        b.labels = [vip]
        c.labels = [sale]
        s.flush()
        ids = (vip.id, sale.id)
    with db.read() as s:
        any_of = resolve_audience(s, Audience(label_ids=ids), "MARKETING", NOW)
        all_of = resolve_audience(s, Audience(label_ids=ids, all_labels=True), "MARKETING", NOW)
    assert names(any_of.recipients) == ["Ana", "Bora", "Chul"]
    assert names(all_of.recipients) == ["Ana"]


def test_customers_who_wrote_recently_and_who_bought_from_a_collection_last_season(db: Any) -> None:
    with db.write() as s:
        linen = Collection(name="Linen")
        shirt = CatalogItem(retailer_id="L-1", name="Linen shirt", price_minor=59000, currency="KRW")
        shirt.collections = [linen]
        sock = CatalogItem(retailer_id="S-1", name="Socks", price_minor=5000, currency="KRW")
        s.add_all([shirt, sock])
        customer(s, "Recent", last_inbound_at=NOW - timedelta(days=2))
        customer(s, "Quiet", last_inbound_at=NOW - timedelta(days=40))
        buyer = customer(s, "Buyer")
        socks_only = customer(s, "Socks only")
        cancelled = customer(s, "Cancelled")
        old = customer(s, "Old buyer")
        s.flush()
        create_order(
            s, contact_id=buyer.id, lines=[LineInput("L-1", 1)], source="chat", now=NOW - timedelta(days=90)
        )
        create_order(s, contact_id=socks_only.id, lines=[LineInput("S-1", 2)], source="chat", now=NOW)
        gone = create_order(s, contact_id=cancelled.id, lines=[LineInput("L-1", 1)], source="chat", now=NOW)
        move_order(s, gone.id, OrderState.CANCELLED)
        create_order(
            s, contact_id=old.id, lines=[LineInput("L-1", 1)], source="chat", now=NOW - timedelta(days=400)
        )
        linen_id = linen.id
    with db.read() as s:
        wrote = resolve_audience(s, Audience(wrote_within_days=7), "MARKETING", NOW)
        bought = resolve_audience(
            s, Audience(bought_collection_ids=(linen_id,), bought_within_months=6), "MARKETING", NOW
        )
    assert names(wrote.recipients) == ["Recent"]
    assert names(bought.recipients) == ["Buyer"]


def test_left_out_says_why_for_each_customer_and_marketing_is_stricter_than_utility(db: Any) -> None:
    with db.write() as s:
        customer(s, "Ok")
        customer(s, "Blocked", blocked=True)
        customer(s, "Stopped", opted_out_at=NOW - timedelta(days=1), opted_out_reason="keyword")
        customer(s, "No marketing", marketing=False)
        customer(s, "Never asked", opted_in_at=None, marketing=False)
        customer(s, "Lapsed", marketing_consent_at=NOW - timedelta(days=23 * 30 + 5))
        customer(s, "Texan", wa_id="15125550100")
        customer(s, "Torontonian", wa_id="14165550123")  # +1 too, but Canada: marketing reaches it
    with db.read() as s:
        marketing = resolve_audience(s, Audience(), "MARKETING", NOW)
        utility = resolve_audience(s, Audience(), "UTILITY", NOW)
    why = {lo.member.name: lo.reason for lo in marketing.left_out}
    assert names(marketing.recipients) == ["Ok", "Torontonian"]
    assert why == {
        "Blocked": LeftOutReason.BLOCKED,
        "Stopped": LeftOutReason.OPTED_OUT,
        "No marketing": LeftOutReason.NO_MARKETING_CONSENT,
        "Never asked": LeftOutReason.NO_CONSENTS,
        "Lapsed": LeftOutReason.CONSENT_LAPSED,
        "Texan": LeftOutReason.US_NUMBER,
    }
    # A marketing opt-out does not stop service messages; only blocks and missing opt-ins do.
    assert names(utility.recipients) == ["Lapsed", "No marketing", "Ok", "Stopped", "Texan", "Torontonian"]


def test_a_british_shops_ad_reaches_a_customer_who_agreed_over_two_years_ago_unless_she_is_korean(
    db: Any,
) -> None:
    """A shop in London was told its customer's marketing consent "must be confirmed again every 2
    years": that is Korea's law, for Korean shops and ads to Korean numbers, not Britain's."""
    from app.settings import update_preferences

    update_preferences(db, shop_region="GB", currency="GBP")
    old = NOW - timedelta(days=23 * 30 + 5)
    with db.write() as s:
        customer(s, "Olivia", wa_id="447911123456", marketing_consent_at=old)
        customer(s, "민지", wa_id="821055501234", marketing_consent_at=old)
    with db.read() as s:
        marketing = resolve_audience(s, Audience(), "MARKETING", NOW)
    assert names(marketing.recipients) == ["Olivia"]
    assert [(lo.member.name, lo.reason) for lo in marketing.left_out] == [
        ("민지", LeftOutReason.CONSENT_LAPSED)
    ]


def test_an_ad_left_out_names_the_consent_that_is_missing(db: Any) -> None:
    """The tester ticked only "agreed to marketing messages" and read "no consent": an ad needs the
    notifications opt-in too, and the reason now says which one is missing."""
    with db.write() as s:
        customer(s, "Marketing only", opted_in_at=None)
        customer(s, "Notifications only", marketing=False)
        customer(s, "Neither", opted_in_at=None, marketing=False)
    with db.read() as s:
        ad = resolve_audience(s, Audience(), "MARKETING", NOW)
        notice = resolve_audience(s, Audience(), "UTILITY", NOW)
    assert {lo.member.name: lo.reason for lo in ad.left_out} == {
        "Marketing only": LeftOutReason.NO_NOTIFICATIONS_CONSENT,
        "Notifications only": LeftOutReason.NO_MARKETING_CONSENT,
        "Neither": LeftOutReason.NO_CONSENTS,
    }
    assert {lo.member.name: lo.reason for lo in notice.left_out} == {
        "Marketing only": LeftOutReason.NO_CONSENT,
        "Neither": LeftOutReason.NO_CONSENT,
    }


def test_manual_add_still_needs_consent_and_manual_remove_is_listed(db: Any) -> None:
    with db.write() as s:
        vip = Label(name="VIP", colour="#000000")
        a = customer(s, "In label")
        a.labels = [vip]
        extra = customer(s, "Added")
        refused = customer(s, "Added without consent", opted_in_at=None, marketing=False)
        s.flush()
        audience = Audience(label_ids=(vip.id,), added=(extra.id, refused.id), removed=(a.id,))
    with db.read() as s:
        result = resolve_audience(s, audience, "MARKETING", NOW)
    assert names(result.recipients) == ["Added"]
    assert result.counts() == {LeftOutReason.REMOVED: 1, LeftOutReason.NO_CONSENTS: 1}


def test_the_restock_waitlist_is_an_audience_and_a_customer_waits_once(db: Any) -> None:
    with db.write() as s:
        bag = CatalogItem(retailer_id="B-1", name="Canvas bag", price_minor=39000, currency="KRW")
        s.add(bag)
        a, b = customer(s, "Ana"), customer(s, "Bora")
        customer(s, "Chul")
        s.flush()
        assert add_to_waitlist(s, bag.id, a.id, NOW)
        assert not add_to_waitlist(s, bag.id, a.id, NOW)
        add_to_waitlist(s, bag.id, b.id, NOW)
        bag_id = bag.id
    with db.read() as s:
        result = resolve_audience(s, Audience(waitlist_item_id=bag_id), "MARKETING", NOW)
        items = waitlisted_items(s)
    assert names(result.recipients) == ["Ana", "Bora"]
    assert [(i.name, i.waiting) for i in items] == [("Canvas bag", 2)]


def test_parameters_come_from_the_contact_or_fall_back_to_fixed_text(db: Any) -> None:
    with db.write() as s:
        customer(s, "Minji Kim")
        customer(s, "", wa_id="821099998888")
    with db.read() as s:
        result = resolve_audience(s, Audience(), "UTILITY", NOW)
    specs = [ParameterSpec(ParameterSource.FIRST_NAME, "고객"), ParameterSpec(ParameterSource.TEXT, "SALE10")]
    values = sorted(parameter_values(specs, m) for m in result.recipients)
    assert values == [("+821099998888", "SALE10"), ("Minji", "SALE10")]


def korean_ad(body: str, buttons: list[dict[str, str]] | None = None) -> Template:
    components: list[dict[str, Any]] = [{"type": "BODY", "text": body}]
    if buttons:
        components.append({"type": "BUTTONS", "buttons": buttons})
    return Template(name="sale", language="ko", category="MARKETING", components=components)


def test_korean_law_check_finds_what_an_ad_lacks_and_counts_the_opt_out_button() -> None:
    shop = BusinessProfile(name="서울 리넨")
    bare = korean_ad("{{1}}님, 겨울 세일을 시작했어요!")
    assert needs_law_check(bare)
    assert law_problems(bare, ["민지"], shop) == [
        LawProblem.NO_AD_PREFIX,
        LawProblem.NO_SHOP_NAME,
        LawProblem.NO_CONTACT,
        LawProblem.NO_OPT_OUT,
    ]
    full = korean_ad("(광고) 서울 리넨 겨울 세일! 문의 02-123-4567\n무료수신거부 080-123-4567")
    assert law_problems(full, [], shop) == []
    with_button = korean_ad(
        "(광고) 서울 리넨 겨울 세일! 문의 010-1234-5678", [{"type": "QUICK_REPLY", "text": "수신거부"}]
    )
    assert law_problems(with_button, [], shop) == []
    utility = Template(name="ship", language="ko", category="UTILITY", components=[])
    assert not needs_law_check(utility)


def test_cost_counts_charged_messages_and_uses_the_owners_price(db: Any) -> None:
    with db.write() as s:
        customer(s, "Open window", last_inbound_at=NOW - timedelta(hours=3))
        customer(s, "Closed window", last_inbound_at=NOW - timedelta(days=3))
        save_prices(s, Prices("KRW", marketing_minor=120, utility_minor=None))
    with db.read() as s:
        prices = load_prices(s)
        recipients = resolve_audience(s, Audience(), "UTILITY", NOW).recipients
    marketing = estimate_cost("MARKETING", recipients, prices, NOW)
    utility = estimate_cost("UTILITY", recipients, prices, NOW)
    assert (marketing.charged, marketing.total_minor) == (2, 240)
    assert (utility.charged, utility.free, utility.total_minor) == (1, 1, None)


def test_at_night_korean_numbers_without_night_consent_wait_for_8_in_seoul_as_the_relay_holds_them(
    db: Any,
) -> None:
    with db.write() as s:
        customer(s, "No night consent")
        customer(s, "Night consent", night_consent_at=NOW - timedelta(days=30))
        customer(s, "Abroad", wa_id="447700900123")
    with db.read() as s:
        recipients = resolve_audience(s, Audience(), "MARKETING", NOW).recipients
    night = datetime(2026, 12, 3, 17, 49, tzinfo=UTC)  # 02:49 on 4 December in Seoul
    wait = night_wait("MARKETING", recipients, night)
    assert (wait.at_start, wait.held, wait.until) == (2, 1, datetime(2026, 12, 3, 23, 0, tzinfo=UTC))
    assert night_wait("UTILITY", recipients, night).held == 0  # not an ad
    assert night_wait("MARKETING", recipients, NOW).held == 0  # 19:00 in Seoul
    assert night_wait("MARKETING", recipients, NOW).until is None


def test_the_demo_shops_consents_give_recipients_and_every_reason_to_leave_one_out(db: Any) -> None:
    from app.demo_seed import seed_demo_consents, seed_demo_history

    with db.write() as s:
        seed_demo_history(s, now=NOW)
        assert seed_demo_consents(s, now=NOW) == 7
    with db.read() as s:
        result = resolve_audience(s, Audience(), "MARKETING", NOW)
    assert names(result.recipients) == ["Amy Clarke", "김민지", "박서준"]
    assert set(result.counts()) == {
        LeftOutReason.NO_MARKETING_CONSENT,
        LeftOutReason.NO_CONSENTS,
        LeftOutReason.CONSENT_LAPSED,
        LeftOutReason.OPTED_OUT,
        LeftOutReason.US_NUMBER,
    }


def test_the_sandboxs_spring_restock_ad_has_the_laws_form_and_winter_sale_lacks_it() -> None:
    from relay.sandbox_cast import TEMPLATES

    by_name = {t["name"]: Template.model_validate(t) for t in TEMPLATES if t["language"] == "ko"}
    shop = BusinessProfile(name="서울 리넨 하우스")
    assert law_problems(by_name["spring_restock"], ["민지", "SPRING10"], shop) == []
    assert LawProblem.NO_AD_PREFIX in law_problems(by_name["winter_sale"], ["민지", "20%"], shop)


def test_the_shop_is_named_by_any_of_its_names_whatever_the_spaces_and_case() -> None:
    from app.campaign_checks import account_holder, shop_names

    ad = korean_ad("(광고) 서울 리넨 하우스 봄 세일! 문의 02-123-4567\n무료수신거부 080-123-4567")
    english_profile = BusinessProfile(name="Seoul Linen House")
    assert law_problems(ad, [], english_profile) == [LawProblem.NO_SHOP_NAME]
    names = shop_names(english_profile, "국민은행 123456-01-234567 (서울리넨하우스)")
    assert names == ("Seoul Linen House", "서울리넨하우스")
    assert law_problems(ad, [], english_profile, names) == []
    # Spaces and case do not matter: "SEOUL linen house" is named by "Seoul LinenHouse".
    english_ad = korean_ad("(광고) Seoul LinenHouse sale! 02-123-4567 수신거부")
    assert law_problems(english_ad, [], BusinessProfile(name="SEOUL linen house")) == []
    # The account holder as owners write it.
    assert account_holder("국민은행 123-45-678901 (예금주: 서울 리넨)") == "서울 리넨"
    assert account_holder("신한 110-123-456789 서울리넨하우스") == "서울리넨하우스"
    assert account_holder("국민은행 123-45-678901") == ""
    assert shop_names(BusinessProfile(name="서울 리넨 하우스"), "국민 1-2 (서울리넨하우스)") == (
        "서울 리넨 하우스",
    )


def test_a_korean_shops_english_ad_names_it_by_its_english_name(db: Any) -> None:
    """서울 리넨 하우스 gave its English name, "Seoul Linen House", in its profile; its English ad to a
    Korean number said so and was still refused as not naming the shop."""
    from app.automations_store import AutomationsStore, demo_automations
    from app.campaign_checks import read_shop_names, shop_names

    ad = Template(
        name="spring_sale",
        language="en",
        category="MARKETING",
        components=[
            {
                "type": "BODY",
                "text": "(광고) Seoul Linen House: spring linen is back! Call 02-123-4567\n"
                "Reply STOP to unsubscribe, free of charge.",
            }
        ],
    )
    assert needs_law_check(ad, ["821012345678"])
    shop = BusinessProfile(name="서울 리넨 하우스", name_other_language="Seoul  Linen House")
    assert shop_names(shop) == ("서울 리넨 하우스", "Seoul Linen House")
    assert law_problems(ad, [], shop) == []
    assert law_problems(ad, [], shop, shop_names(shop, "국민 1-2 (서울리넨하우스)")) == []
    # Without the English name the same ad lacks the shop's name: the name is what passes it.
    assert law_problems(ad, [], BusinessProfile(name="서울 리넨 하우스")) == [LawProblem.NO_SHOP_NAME]
    # The names the campaign editor and the template picker check with, as the demo shop saved them.
    AutomationsStore(db).apply_remote(demo_automations("ko").model_copy(update={"revision": 1}))
    assert "Seoul Linen House" in read_shop_names(db)


def test_a_customer_waiting_for_a_person_is_left_out_unless_the_owner_keeps_them(db: Any) -> None:
    """오세훈's chat was handed to a person ("Needs a person") and he still got the sale ad."""
    from tests.support.factories import make_message

    with db.write() as s:
        customer(s, "Ana")
        customer(s, "Sehun", bot_paused_until=NOW + timedelta(hours=3))
        answered = customer(s, "Bora", bot_paused_until=NOW + timedelta(hours=3))
        # The owner already answered Bora: the mark is gone though the bot stays off.
        reply = make_message(s, answered, "네, 확인해 드릴게요", direction="out", sent_by="owner")
        answered.last_message_id = reply.id
        customer(s, "Chul", bot_paused_until=NOW - timedelta(hours=1))  # the hand-off is over
    with db.read() as s:
        left = resolve_audience(s, Audience(), "MARKETING", NOW)
        kept = resolve_audience(s, Audience(keep_waiting=True), "MARKETING", NOW)
    assert names(left.recipients) == ["Ana", "Bora", "Chul"]
    assert [(lo.member.name, lo.reason) for lo in left.left_out] == [
        ("Sehun", LeftOutReason.WAITING_FOR_PERSON)
    ]
    assert left.waiting == 1
    assert names(kept.recipients) == ["Ana", "Bora", "Chul", "Sehun"] and kept.waiting == 1
    assert Audience.from_json(Audience(keep_waiting=True).to_json()).keep_waiting
    assert not Audience.from_json({}).keep_waiting  # a draft saved before: they are left out


def test_on_a_laptop_ten_days_slow_a_lapsed_consent_is_left_out_by_the_relays_clock(db: Any) -> None:
    """The consent's two years are counted on the relay's clock: a laptop ten days slow read a consent
    given 23 months and 5 days ago (WhatsApp's days) as 22 months 25 days old and sent the ad."""
    from email.utils import formatdate

    from app import relay_clock
    from app.campaign_actions import audience_for

    relay_now = datetime.now(UTC) + timedelta(days=10)
    relay_clock.observe(formatdate(relay_now.timestamp(), usegmt=True))
    with db.write() as s:
        customer(s, "Recent", opted_in_at=relay_now - timedelta(days=30))
        customer(
            s,
            "Lapsed",
            opted_in_at=relay_now - timedelta(days=800),
            marketing_consent_at=relay_now - timedelta(days=23 * 30 + 5),
        )
    marketing = audience_for(db, Audience(), "MARKETING")
    assert names(marketing.recipients) == ["Recent"]
    assert [(lo.member.name, lo.reason) for lo in marketing.left_out] == [
        ("Lapsed", LeftOutReason.CONSENT_LAPSED)
    ]
