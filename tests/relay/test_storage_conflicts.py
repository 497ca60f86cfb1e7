"""A desktop's request whose write meets a row another write left (a unique violation) is answered
503 `storage` with its cause and Retry-After, as a webhook's is, and the desktop asks again: not a
500 it takes for the relay's final word."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from sqlalchemy import delete, insert

from app.errors import RefusalParams, RelayBusy
from app.relay_client import RelayClient
from app.wire import CampaignRecipient, CampaignTemplate, NewCampaign, RelayErrorCode
from relay.storage.tables import campaign_recipient
from tests.support.relay_server import RunningRelay

CAMPAIGN_ID = "winter-sale"
CUSTOMER = "821055501234"


def _winter_sale() -> NewCampaign:
    return NewCampaign(
        id=CAMPAIGN_ID,
        name="겨울 세일",
        template=CampaignTemplate(name="winter_sale", language="ko", category="MARKETING"),
        recipients=[
            CampaignRecipient.model_validate(
                {
                    "wa_id": CUSTOMER,
                    "consent": {"notifications": True, "marketing": True, "night": False},
                    "components": [{"type": "body", "parameters": [{"type": "text", "text": "김민수"}]}],
                }
            )
        ],
    )


def _a_recipient_row_left_behind(relay: RunningRelay) -> None:
    """Her row in the campaign's recipients with no campaign row (one removed by hand, its
    recipients left): the campaign's write of her row meets it on its primary key, for real."""
    with relay.relay.store.db.engine.begin() as conn:
        conn.execute(
            insert(campaign_recipient).values(
                campaign_id=CAMPAIGN_ID,
                wa_id=CUSTOMER,
                position=0,
                components="[]",
                consent_notifications=True,
                consent_marketing=True,
                consent_night=False,
                state="queued",
            )
        )


def _the_row_gone(relay: RunningRelay) -> None:
    with relay.relay.store.db.engine.begin() as conn:
        conn.execute(delete(campaign_recipient).where(campaign_recipient.c.campaign_id == CAMPAIGN_ID))


def _said(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage() for r in caplog.records if r.levelno >= logging.INFO and r.name.startswith("relay")
    ]


def test_a_campaign_whose_write_meets_a_row_left_behind_is_answered_503_with_retry_after_and_asked_again(
    relay: RunningRelay, caplog: pytest.LogCaptureFixture
) -> None:
    _a_recipient_row_left_behind(relay)
    body: dict[str, Any] = _winter_sale().model_dump(mode="json", exclude_none=True)
    with caplog.at_level(logging.DEBUG, logger="relay"):
        answer = relay.client.post(f"{relay.url}/v1/campaigns", json=body, headers=relay.auth())
    assert answer.status_code == 503, answer.text
    assert answer.headers["Retry-After"] == "1"
    error = answer.json()["error"]
    assert (error["code"], error["retryable"]) == (RelayErrorCode.STORAGE, True)
    assert error["params"] == {"cause": "conflict_with_another_worker", "retry_after": 1}
    # Nothing of it was kept: its campaign row went with the transaction.
    assert (
        relay.client.get(f"{relay.url}/v1/campaigns/{CAMPAIGN_ID}", headers=relay.auth()).status_code == 404
    )
    said = _said(caplog)
    assert "storage failed: cause=conflict_with_another_worker error=IntegrityError retryable=True" in said
    assert not [line for line in said if CUSTOMER in line]  # the SQL's parameters at DEBUG only

    # The desktop takes it for "ask again later", not for the relay's refusal.
    desktop = RelayClient(relay.url, relay.token)
    try:
        with pytest.raises(RelayBusy) as busy:
            desktop.create_campaign(_winter_sale())
        assert (busy.value.status, busy.value.relay_code) == (503, RelayErrorCode.STORAGE)
        refusal = busy.value.params
        assert isinstance(refusal, RefusalParams)
        assert refusal.param("cause") == "conflict_with_another_worker"

        _the_row_gone(relay)
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="relay"):
            created = desktop.create_campaign(_winter_sale())
        assert created.id == CAMPAIGN_ID and created.total == 1
        assert [line for line in _said(caplog) if line.startswith("storage failed: works again after 1 ")]
    finally:
        desktop.close()
