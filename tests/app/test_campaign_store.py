"""A campaign's draft, hand-over and report: ticks, replies within 72 hours, failures, opt-outs, CSV."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from app.campaign_store import (
    CampaignDraft,
    campaign_report,
    campaign_rows,
    load_draft,
    record_handed_over,
    save_draft,
    set_progress,
)
from app.campaigns import Audience, ParameterSource, ParameterSpec, resolve_audience
from app.errors import InvalidInput
from app.models import Campaign
from app.queries import messages_page
from app.wire import RecipientState, Template
from tests.support.factories import make_contact, make_message

NOW = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
SALE = Template(
    name="winter_sale",
    language="ko",
    category="MARKETING",
    components=[{"type": "BODY", "text": "(광고) {{1}}님, 서울 리넨 겨울 세일!"}],
)


def test_a_draft_round_trips_and_cannot_be_edited_once_handed_to_the_relay(db: Any) -> None:
    draft = CampaignDraft(
        name="  Winter   sale ",
        template=SALE,
        parameters=(ParameterSpec(ParameterSource.FIRST_NAME, "고객"),),
        audience=Audience(wrote_within_days=30),
        pace=500,
    )
    with db.write() as s:
        make_contact(s, profile_name="민지", opted_in_at=NOW, marketing_consent_at=NOW)
        cid = save_draft(s, draft)
    with db.read() as s:
        loaded = load_draft(s, cid)
    assert loaded is not None
    assert (loaded.name, loaded.pace, loaded.template) == ("Winter sale", 80, SALE)
    assert loaded.audience == Audience(wrote_within_days=30)
    with db.write() as s:
        members = resolve_audience(s, Audience(), "MARKETING", NOW).recipients
        handed = record_handed_over(s, cid, members, NOW)
        set_progress(s, s.get(Campaign, cid).uid, "running", {}, None, sent_at=NOW)  # type: ignore[union-attr]
    assert [values for _m, values in handed] == [("민지",)]
    with db.write() as s, pytest.raises(InvalidInput):
        save_draft(s, draft, cid)
    with db.read() as s:
        [row] = campaign_rows(s)
    assert (row.name, row.state, row.recipients) == ("Winter sale", "running", 1)


def test_the_report_counts_ticks_replies_failures_and_opt_outs_and_tags_the_chat(db: Any) -> None:
    sent_at = NOW - timedelta(days=4)
    with db.write() as s:
        people = {
            name: make_contact(s, profile_name=name, opted_in_at=NOW, marketing_consent_at=NOW)
            for name in ("Ana", "Bora", "Chul", "Dana", "Eun")
        }
        cid = save_draft(s, CampaignDraft(name="Winter sale", template=SALE))
        record_handed_over(s, cid, resolve_audience(s, Audience(), "MARKETING", NOW).recipients, sent_at)
        uid = s.get(Campaign, cid).uid  # type: ignore[union-attr]
        out = {"direction": "out", "sent_by": "campaign", "campaign_id": uid, "sent_at": sent_at}
        make_message(s, people["Ana"], "sale", status="read", **out)
        make_message(s, people["Ana"], "얼마예요?", sent_at=sent_at + timedelta(hours=5))
        make_message(s, people["Bora"], "sale", status="delivered", **out)
        make_message(s, people["Bora"], "late answer", sent_at=sent_at + timedelta(hours=80))
        make_message(s, people["Chul"], "sale", status="failed", error_code="131049", **out)
        make_message(s, people["Dana"], "sale", status="sent", **out)
        people["Dana"].opted_out_at = sent_at + timedelta(hours=1)
        people["Dana"].opted_out_reason = "keyword"
        ana = people["Ana"].id
    with db.read() as s:
        report = campaign_report(s, cid)
        chat = messages_page(s, ana)
    assert report is not None
    states = {r.name: r.state for r in report.rows}
    assert states == {
        "Ana": RecipientState.READ,
        "Bora": RecipientState.DELIVERED,
        "Chul": RecipientState.FAILED,
        "Dana": RecipientState.SENT,
        "Eun": RecipientState.QUEUED,
    }
    assert (report.sent, report.delivered, report.read, report.replied, report.opted_out) == (3, 2, 1, 1, 1)
    assert report.failed_by_reason() == {"131049": 1}
    assert [m.campaign_name for m in chat if m.direction == "out"] == ["Winter sale"]


def test_a_customer_the_campaign_never_reached_is_not_counted_as_opting_out_of_it(db: Any) -> None:
    """A baker's first campaign was cancelled before it reached 임하준; he opted out of the next one
    an hour later, and the cancelled campaign's report counted him as its opt-out too."""
    sent_at = NOW - timedelta(hours=3)
    with db.write() as s:
        people = {
            name: make_contact(s, profile_name=name, opted_in_at=NOW, marketing_consent_at=NOW)
            for name in ("Yuki", "임하준")
        }
        cid = save_draft(s, CampaignDraft(name="이번 주 신메뉴", template=SALE))
        record_handed_over(s, cid, resolve_audience(s, Audience(), "MARKETING", NOW).recipients, sent_at)
        uid = s.get(Campaign, cid).uid  # type: ignore[union-attr]
        out = {"direction": "out", "sent_by": "campaign", "campaign_id": uid, "sent_at": sent_at}
        make_message(s, people["Yuki"], "sale", status="read", **out)
        people["Yuki"].opted_out_at = sent_at + timedelta(minutes=5)  # tapped the opt-out button
        people["임하준"].opted_out_at = sent_at + timedelta(hours=1)  # never sent this one
    with db.read() as s:
        report = campaign_report(s, cid)
    assert report is not None
    assert {r.name: r.opted_out for r in report.rows} == {"Yuki": True, "임하준": False}
    assert report.opted_out == 1


def test_synced_campaign_sends_progress_and_opt_outs_reach_the_desktop(db: Any) -> None:
    from app.consent import load_consent
    from app.sync_apply import apply_events
    from app.wire import EventsPage

    with db.write() as s:
        minji = make_contact(s, wa_id="821012345678", profile_name="민지", opted_in_at=NOW)
        cid = save_draft(s, CampaignDraft(name="Winter sale", template=SALE))
        uid = s.get(Campaign, cid).uid  # type: ignore[union-attr]
        minji_id = minji.id
    at = NOW.isoformat()
    page = EventsPage.model_validate(
        {
            "events": [
                {
                    "seq": 1,
                    "kind": "outbound",
                    "at": at,
                    "to": "821012345678",
                    "wamid": "wamid.C1",
                    "client_id": f"campaign:{uid}:821012345678",
                    "sent_by": "campaign",
                    "campaign_id": uid,
                    "body": {
                        "type": "template",
                        "template": {
                            "name": "winter_sale",
                            "components": [
                                {"type": "body", "parameters": [{"type": "text", "text": "민지"}]}
                            ],
                        },
                    },
                },
                {
                    "seq": 2,
                    "kind": "campaign",
                    "at": at,
                    "campaign_id": uid,
                    "state": "done",
                    "counts": {"sent": 1},
                },
                {
                    "seq": 3,
                    "kind": "contact",
                    "at": at,
                    "contact": {"wa_id": "821012345678"},
                    "opted_out_at": at,
                    "reason": "keyword",
                },
            ],
            "next": 3,
        }
    )
    with db.write() as s:
        result = apply_events(s, page.events, page.next)
    assert result.campaigns
    with db.read() as s:
        [row] = campaign_rows(s)
        chat = messages_page(s, minji_id)
        consent = load_consent(s, minji_id)
    assert row.state == "done"
    assert [m.campaign_name for m in chat] == ["Winter sale"]
    assert chat[0].body == "(광고) 민지님, 서울 리넨 겨울 세일!"
    assert consent is not None and consent.opted_out_reason == "keyword"


def test_a_hand_over_the_relay_never_answered_is_replaced_by_the_next_one(db: Any) -> None:
    with db.write() as s:
        for name in ("Ana", "Bora"):
            make_contact(s, profile_name=name, opted_in_at=NOW, marketing_consent_at=NOW)
        cid = save_draft(s, CampaignDraft(name="Winter sale", template=SALE))
        everyone = resolve_audience(s, Audience(), "MARKETING", NOW).recipients
        record_handed_over(s, cid, everyone, NOW)  # the POST failed: still a draft
        record_handed_over(s, cid, everyone[:1], NOW)  # Bora was removed before sending again
        set_progress(s, s.get(Campaign, cid).uid, "running", {}, None, sent_at=NOW)  # type: ignore[union-attr]
    with db.read() as s:
        [row] = campaign_rows(s)
    assert row.recipients == 1


def test_a_recipient_sent_another_languages_version_reads_it_in_their_chat(db: Any) -> None:
    """Amy got the English version of "winter_sale" (app/template_versions.py): her chat shows the
    English text the relay sent her, not the Korean one the campaign was made with."""
    from app.sending import TEMPLATES_SETTING
    from app.settings import put_setting
    from app.sync_apply import apply_events
    from app.wire import EventsPage

    english = SALE.model_copy(
        update={
            "language": "en",
            "components": [{"type": "BODY", "text": "(Ad) {{1}}, Seoul Linen winter sale!"}],
        }
    )
    with db.write() as s:
        put_setting(s, TEMPLATES_SETTING, [t.model_dump(mode="json") for t in (SALE, english)])
        amy = make_contact(s, wa_id="447700900123", profile_name="Amy", opted_in_at=NOW)
        uid = s.get(Campaign, save_draft(s, CampaignDraft(name="Winter sale", template=SALE))).uid  # type: ignore[union-attr]
        amy_id = amy.id

    def sent(language: str, seq: int) -> dict[str, Any]:
        return {
            "seq": seq,
            "kind": "outbound",
            "at": NOW.isoformat(),
            "to": "447700900123",
            "wamid": f"wamid.C{seq}",
            "client_id": f"campaign:{uid}:447700900123:{seq}",
            "sent_by": "campaign",
            "campaign_id": uid,
            "body": {
                "type": "template",
                "template": {
                    "name": "winter_sale",
                    "language": {"code": language},
                    "components": [{"type": "body", "parameters": [{"type": "text", "text": "Amy"}]}],
                },
            },
        }

    page = EventsPage.model_validate({"events": [sent("en", 1), sent("ja", 2)], "next": 2})
    with db.write() as s:
        apply_events(s, page.events, page.next)
    with db.read() as s:
        chat = messages_page(s, amy_id)
    # A version the desktop has no copy of is named, never shown in the wrong language.
    assert [m.body for m in chat] == ["(Ad) Amy, Seoul Linen winter sale!", "winter_sale"]


def test_the_report_says_which_version_each_customer_was_sent(db: Any) -> None:
    """Amy got the English version, 민지 the Korean one chosen, 준호 nothing yet."""
    sent_at = NOW - timedelta(hours=2)
    with db.write() as s:
        people = {
            name: make_contact(s, profile_name=name, opted_in_at=NOW, marketing_consent_at=NOW)
            for name in ("Amy", "민지", "준호")
        }
        cid = save_draft(s, CampaignDraft(name="Winter sale", template=SALE))
        record_handed_over(s, cid, resolve_audience(s, Audience(), "MARKETING", NOW).recipients, sent_at)
        uid = s.get(Campaign, cid).uid  # type: ignore[union-attr]
        for name, language in (("Amy", "en"), ("민지", "ko")):
            template = {"name": "winter_sale", "language": {"code": language}}
            make_message(
                s, people[name], "sale", direction="out", sent_by="campaign", campaign_id=uid, sent_at=sent_at,
                status="delivered", payload={"type": "template", "template": template},
            )  # fmt: skip
    with db.read() as s:
        report = campaign_report(s, cid)
    assert report is not None
    assert {r.name: r.language for r in report.rows} == {"Amy": "en", "민지": "ko", "준호": None}
