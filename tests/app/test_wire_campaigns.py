"""The campaign contract on the wire: what the desktop posts, and a feed that older desktops still read."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError
from sqlalchemy import select

from app.db import Database
from app.models import Message
from app.sync_apply import apply_events
from app.wire import (
    CampaignEvent,
    CampaignRecipient,
    CampaignState,
    ContactEvent,
    EventsPage,
    NewCampaign,
    OutboundEvent,
    SentBy,
    UnknownEvent,
    campaign_send_key,
)

AT = "2026-11-29T10:00:00Z"


def new_campaign(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": "c6f1d6a2-sale",
        "name": "겨울 세일",
        "template": {"name": "winter_sale", "language": "ko", "category": "MARKETING"},
        "recipients": [
            {
                "wa_id": "821012345678",
                "components": [{"type": "body", "parameters": [{"type": "text", "text": "지우"}]}],
                "consent": {"notifications": True, "marketing": True, "night": False},
                "country": "KR",
                "timezone": "Asia/Seoul",
            }
        ],
    }
    body.update(changes)
    return body


def test_a_campaign_posts_each_recipients_parameters_and_consents_and_paces_at_ten_by_default() -> None:
    campaign = NewCampaign.model_validate(new_campaign())
    assert campaign.pace_per_second == 10 and campaign.template.is_marketing
    [recipient] = campaign.recipients
    assert recipient.consent.marketing and not recipient.consent.night
    assert campaign_send_key(campaign.id, recipient.wa_id) == "campaign:c6f1d6a2-sale:821012345678"


@pytest.mark.parametrize(
    "changes",
    [
        {"pace_per_second": 81},
        {"id": "has space"},
        {"recipients": []},
        {"recipients": [{"wa_id": "821012345678"}, {"wa_id": "821012345678"}]},
        {"recipients": [{"wa_id": "+82 10-1234-5678"}]},  # the desktop sends E.164 digits
    ],
)
def test_a_campaign_the_relay_could_not_run_as_asked_is_refused_at_the_edge(changes: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        NewCampaign.model_validate(new_campaign(**changes))


def test_a_recipient_without_consent_flags_has_given_none() -> None:
    consent = CampaignRecipient(wa_id="821012345678").consent
    assert not (consent.notifications or consent.marketing or consent.night)


def test_campaign_events_and_campaign_sends_parse_and_newer_kinds_do_not_stop_the_page(db: Database) -> None:
    page = EventsPage.model_validate(
        {
            "events": [
                {
                    "seq": 1,
                    "kind": "campaign",
                    "at": AT,
                    "campaign_id": "c1",
                    "state": "running",
                    "total": 2,
                    "counts": {"queued": 1, "sent": 1},
                },
                {
                    "seq": 2,
                    "kind": "outbound",
                    "at": AT,
                    "to": "821012345678",
                    "sent_by": "campaign",
                    "campaign_id": "c1",
                    "client_id": "campaign:c1:821012345678",
                    "wamid": "wamid.C1",
                    "body": {"type": "template", "template": {"name": "winter_sale"}},
                },
                {
                    "seq": 3,
                    "kind": "contact",
                    "at": AT,
                    "contact": {"wa_id": "821012345678"},
                    "opted_out_at": AT,
                    "reason": "keyword",
                },
                {"seq": 4, "kind": "broadcast_poll", "at": AT, "question": "from a newer relay"},
                {"seq": 5, "kind": "campaign", "at": AT, "campaign_id": "c1", "state": "paused_by_moon"},
                {
                    "seq": 6,
                    "kind": "outbound",
                    "at": AT,
                    "to": "821012345678",
                    "sent_by": "robot",
                    "body": {"type": "text", "text": {"body": "hi"}},
                },
            ],
            "next": 6,
        }
    )
    campaign, sent, opted_out, newer, odd_state, robot = page.events
    assert isinstance(campaign, CampaignEvent) and campaign.state == CampaignState.RUNNING
    assert isinstance(sent, OutboundEvent) and sent.sent_by == SentBy.CAMPAIGN and sent.campaign_id == "c1"
    assert isinstance(opted_out, ContactEvent) and "opted_out_at" in opted_out.model_fields_set
    assert isinstance(newer, UnknownEvent)
    assert isinstance(odd_state, CampaignEvent) and odd_state.state == "paused_by_moon"
    assert isinstance(robot, OutboundEvent) and robot.sent_by == "robot"

    with db.write() as s:
        result = apply_events(s, page.events, page.next)
    assert result.skipped >= 2  # the newer kind and the campaign progress
    with db.read() as s:
        senders = set(s.execute(select(Message.sent_by)).scalars())
    assert senders == {"campaign", "robot"}  # both sends are in the chat, the unknown sender kept as is
