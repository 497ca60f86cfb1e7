"""Campaigns posted to a test relay, read back and steered: the helpers the campaign tests share."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from app.wire import Campaign
from tests.support.relay_process import wait_until
from tests.support.relay_server import RunningRelay

# 14:00 in Seoul: marketing may go to Korean customers without night-time consent.
SEOUL_AFTERNOON = datetime(2026, 11, 30, 5, 0, tzinfo=UTC)


def recipient(wa_id: str, **consent: bool) -> dict[str, Any]:
    flags = {"notifications": True, "marketing": True, "night": False, **consent}
    parameters = [{"type": "text", "text": f"고객 {wa_id[-4:]}"}]
    return {"wa_id": wa_id, "consent": flags, "components": [{"type": "body", "parameters": parameters}]}


def post_campaign(
    running: RunningRelay,
    campaign_id: str,
    recipients: list[dict[str, Any]],
    *,
    category: str = "MARKETING",
    pace: int = 80,
    **extra: Any,
) -> Campaign:
    body = {
        "id": campaign_id,
        "name": "겨울 세일",
        "template": {"name": "winter_sale", "language": "ko", "category": category},
        "recipients": recipients,
        "pace_per_second": pace,
        **extra,
    }
    answer = running.client.post(f"{running.url}/v1/campaigns", json=body, headers=running.auth())
    assert answer.status_code in (200, 201), answer.text
    return Campaign.model_validate(answer.json())


def campaign(running: RunningRelay, campaign_id: str, *, recipients: bool = False) -> Campaign:
    answer = running.client.get(
        f"{running.url}/v1/campaigns/{campaign_id}",
        params={"recipients": "true" if recipients else "false"},
        headers=running.auth(),
    )
    answer.raise_for_status()
    return Campaign.model_validate(answer.json())


def control(running: RunningRelay, campaign_id: str, action: str) -> Campaign:
    answer = running.client.post(f"{running.url}/v1/campaigns/{campaign_id}/{action}", headers=running.auth())
    answer.raise_for_status()
    return Campaign.model_validate(answer.json())


def wait_for_state(running: RunningRelay, campaign_id: str, *states: str, timeout: float = 60) -> Campaign:
    found: list[Campaign] = []

    def reached() -> bool:
        found[:] = [campaign(running, campaign_id)]
        return found[0].state in states

    wait_until(reached, timeout, f"campaign {campaign_id} to be {states}")
    return found[0]


def set_clock(running: RunningRelay, moment: datetime) -> None:
    running.relay.clock = lambda: moment
    running.relay.campaigns.poke()
