"""A campaign of a shop with two WhatsApp numbers: the number it goes from is kept with the draft,
handed to the real relay, and named in the list; one the relay does not serve keeps the draft."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from typing import Any

from app.business_numbers import BUSINESS_NUMBERS_KEY
from app.campaign_actions import audience_for, send_campaign
from app.campaign_checks import Prices, estimate_cost
from app.campaign_drafts import keep_campaign_draft, unsaved_campaign
from app.campaign_store import (
    CampaignDraft,
    campaign_report,
    campaign_rows,
    copy_campaign,
    load_draft,
    save_draft,
)
from app.campaigns import Audience
from app.db import Database
from app.errors import RelayError
from app.relay_client import RelayClient
from app.settings import put_setting
from app.wire import Template
from tests.app.test_campaign_send import campaign_finished
from tests.support.factories import make_contact, make_message
from tests.support.relay_server import PHONE_NUMBER_ID, envelope, inbound

SECOND = "106540352242933"
NOW = datetime.now(UTC)
NOTICE = Template(
    name="order_ready",
    language="ko",
    category="UTILITY",
    components=[{"type": "BODY", "text": "주문하신 상품이 준비됐어요."}],
)


def two_numbers(db: Database) -> None:
    with db.write() as s:
        put_setting(s, BUSINESS_NUMBERS_KEY, {PHONE_NUMBER_ID: "+82 2-555-0100", SECOND: "+82 2-555-0200"})


def test_the_chosen_number_is_kept_with_the_draft_its_copy_and_the_words_kept_through_a_crash(
    db: Database,
) -> None:
    two_numbers(db)
    with db.write() as s:
        campaign_id = save_draft(
            s, CampaignDraft(name="강남점 세일", template=NOTICE, phone_number_id=SECOND)
        )
        copied = copy_campaign(s, campaign_id, "강남점 세일 (사본)")
        old = save_draft(s, CampaignDraft(name="예전 캠페인", template=NOTICE))  # as before the choice
    with db.read() as s:
        assert load_draft(s, campaign_id) == CampaignDraft(
            name="강남점 세일", template=NOTICE, phone_number_id=SECOND
        )
        assert copied is not None and load_draft(s, copied).phone_number_id == SECOND  # type: ignore[union-attr]
        rows = {r.id: r for r in campaign_rows(s)}
        report = campaign_report(s, campaign_id)
        old_report = campaign_report(s, old)
    assert rows[campaign_id].from_number == "+82 2-555-0200" and rows[old].from_number is None
    assert report is not None and report.from_number == "+82 2-555-0200" and not report.own_numbers
    # A campaign from before the choice: each customer's own number, as the report says.
    assert old_report is not None and old_report.from_number is None and old_report.own_numbers
    typed = CampaignDraft(name="강남점 세일", template=NOTICE, phone_number_id=PHONE_NUMBER_ID)
    keep_campaign_draft(db, campaign_id, typed)
    kept = unsaved_campaign(db)
    assert kept is not None and kept.draft.phone_number_id == PHONE_NUMBER_ID


def test_the_audience_counts_who_never_wrote_to_the_number_and_prices_each_window_with_it(
    db: Database,
) -> None:
    """WhatsApp's 24-hour window is per business number: a utility message from the second number to
    a customer who wrote to the first an hour ago is charged; from the first, it is free."""
    two_numbers(db)
    consent = {"opted_in_at": NOW - timedelta(days=3)}
    with db.write() as s:
        first = make_contact(
            s, phone_number_id=PHONE_NUMBER_ID, last_inbound_at=NOW - timedelta(hours=1), **consent
        )
        make_message(
            s, first, "안녕하세요", phone_number_id=PHONE_NUMBER_ID, sent_at=NOW - timedelta(hours=1)
        )
        both = make_contact(s, phone_number_id=SECOND, **consent)
        make_message(s, both, "안녕하세요", phone_number_id=PHONE_NUMBER_ID)
        make_message(s, both, "강남점이죠?", phone_number_id=SECOND)
        make_contact(s, **consent)  # never wrote: imported from the phone
    everyone = Audience()
    prices = Prices()
    from_second = audience_for(db, everyone, "UTILITY", phone_number_id=SECOND)
    assert from_second.strangers == 2
    assert estimate_cost("UTILITY", from_second.recipients, prices, NOW).free == 0
    from_first = audience_for(db, everyone, "UTILITY", phone_number_id=PHONE_NUMBER_ID)
    assert from_first.strangers == 1
    assert estimate_cost("UTILITY", from_first.recipients, prices, NOW).free == 1
    each_own = audience_for(db, everyone, "UTILITY")
    assert each_own.strangers == 0 and estimate_cost("UTILITY", each_own.recipients, prices, NOW).free == 1


def test_a_campaign_goes_from_the_chosen_number_and_a_number_the_relay_does_not_serve_keeps_the_draft(
    db: Database, relay: Any
) -> None:
    two_numbers(db)
    # A customer of the second branch wrote to it: the relay serves that number too.
    value = inbound(sender="821055550001")["entry"][0]["changes"][0]["value"]
    to_second = envelope({"messages": value["messages"]}, phone_number_id=SECOND)
    assert relay.post_webhook(to_second).status_code == 200
    consent = {"opted_in_at": NOW - timedelta(days=3)}
    with db.write() as s:
        for wa_id in ("821055550001", "821055550002"):
            make_contact(s, wa_id=wa_id, phone_number_id=PHONE_NUMBER_ID, **consent)
    draft = CampaignDraft(name="강남점 안내", template=NOTICE, phone_number_id=SECOND)
    client = RelayClient(relay.url, relay.token, timeout=10)
    try:
        elsewhere = dataclasses.replace(draft, name="다른 가게 번호", phone_number_id="999999999999999")
        refused, _ = send_campaign(db, client, elsewhere, None)
        assert isinstance(refused.refused, RelayError)
        assert refused.refused.param_values()["relay_code"] == "unknown_number"
        with db.read() as s:
            assert load_draft(s, refused.campaign_id) == dataclasses.replace(elsewhere, name="다른 가게 번호")
            assert {r.id: r.state for r in campaign_rows(s)} == {refused.campaign_id: "draft"}
        sent, _ = send_campaign(db, client, draft, None)
        assert sent.refused is None
        with db.read() as s:
            uid = next(r.uid for r in campaign_rows(s) if r.id == sent.campaign_id)
        campaign_finished(relay, uid)
    finally:
        client.close()
    graph = relay.graph
    sends = [
        (b["to"], n) for b, n in zip(graph.sent, graph.sent_from, strict=True) if b["type"] == "template"
    ]
    assert sorted(sends) == [("821055550001", SECOND), ("821055550002", SECOND)]
