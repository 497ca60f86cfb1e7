"""The report's recipients corrected by what the relay says: held, skipped, pending, failed and why."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from app.campaign_recipients import with_relay_details
from app.campaign_store import CampaignReport, RecipientRow
from app.wire import Campaign, CampaignRecipientStatus, CampaignTemplate, RecipientState

SENT_AT = datetime(2026, 11, 30, 5, 0, tzinfo=UTC)


def row(contact_id: int, wa_id: str, state: RecipientState) -> RecipientRow:
    sent = state != RecipientState.QUEUED
    return RecipientRow(
        contact_id, f"C{contact_id}", wa_id, state, None, SENT_AT if sent else None, False, False
    )


def test_what_only_the_relay_knows_replaces_waiting_or_sent_but_never_a_later_tick() -> None:
    report = CampaignReport(
        "Winter sale",
        "done",
        [
            row(1, "821000000001", RecipientState.QUEUED),  # skipped on the relay: no message here
            row(2, "821000000002", RecipientState.SENT),  # Meta holds it (template pacing)
            row(3, "821000000003", RecipientState.SENT),  # failed late on the relay
            row(4, "821000000004", RecipientState.READ),  # the chats' read tick stands
            row(5, "821000000005", RecipientState.QUEUED),  # a newer relay's state: left alone
        ],
        uid="winter",
    )
    relay = Campaign(
        id="winter",
        name="Winter sale",
        template=CampaignTemplate(name="winter_sale", language="ko", category="MARKETING"),
        state="done",
        created_at=SENT_AT,
        counts={"skipped": 1, "pending": 1, "failed": 1, "read": 1, "later": 1},
        recipients=[
            CampaignRecipientStatus(wa_id="821000000001", state="skipped", reason="opted_out"),
            CampaignRecipientStatus(wa_id="821000000002", state="pending"),
            CampaignRecipientStatus(
                wa_id="821000000003", state="failed", error_code=131049, reason="marketing_limited"
            ),
            CampaignRecipientStatus(wa_id="821000000004", state="pending"),
            CampaignRecipientStatus(wa_id="821000000005", state="later"),
        ],
    )
    merged = {r.contact_id: r for r in with_relay_details(report, relay).rows}
    assert (merged[1].state, merged[1].reason) == (RecipientState.SKIPPED, "opted_out")
    assert merged[2].state == RecipientState.PENDING
    assert (merged[3].state, merged[3].error_code, merged[3].reason) == (
        RecipientState.FAILED,
        "131049",
        "marketing_limited",
    )
    assert merged[4].state == RecipientState.READ
    assert merged[5].state == RecipientState.QUEUED
    assert with_relay_details(report, relay).relay_details


def test_counts_from_an_answer_older_than_the_campaigns_progress_give_way_to_it() -> None:
    """A finished campaign's report said "7 waiting their turn" beside 8 sent and 8 delivered: the
    relay's answer merged again was from while it was still sending."""
    report = CampaignReport(
        "Restock", "done", [row(1, "821000000001", RecipientState.DELIVERED)], uid="restock",
        relay_counts={"delivered": 8},
    )  # fmt: skip
    older = Campaign(
        id="restock",
        name="Restock",
        template=CampaignTemplate(name="spring_restock", language="ko", category="MARKETING"),
        state="running",
        created_at=SENT_AT,
        counts={"queued": 7, "sent": 1},
        recipients=[CampaignRecipientStatus(wa_id="821000000001", state="sent")],
    )
    assert with_relay_details(report, older).relay_counts == {"delivered": 8}
    same = older.model_copy(update={"state": "done", "counts": {"delivered": 7, "read": 1}})
    assert with_relay_details(report, same).relay_counts == {"delivered": 7, "read": 1}
    # The other way round the relay's answer is the newer: it finished before the chats heard.
    running = dataclasses.replace(report, state="running", relay_counts={"queued": 7, "sent": 1})
    finished = older.model_copy(update={"state": "done", "counts": {"delivered": 8}})
    assert with_relay_details(running, finished).relay_counts == {"delivered": 8}


def test_a_failure_keeps_which_cause_graph_meant_from_the_relay_or_the_chats() -> None:
    """131053 refused at once has no message in the chats: the relay's code and cause are the row's;
    a chat that knows only Graph's code takes the relay's cause; a chat's own cause stands."""
    refused, late, known = "821000000001", "821000000002", "821000000003"
    report = CampaignReport(
        "New arrivals",
        "done",
        [
            row(1, refused, RecipientState.QUEUED),
            dataclasses.replace(row(2, late, RecipientState.FAILED), error_code="131053"),
            dataclasses.replace(row(3, known, RecipientState.FAILED), error_code="131053:media_fetch_failed"),
        ],
        uid="arrivals",
    )
    relay = Campaign(
        id="arrivals",
        name="New arrivals",
        template=CampaignTemplate(name="new_arrival", language="ko", category="MARKETING"),
        state="done",
        created_at=SENT_AT,
        recipients=[
            CampaignRecipientStatus(
                wa_id=refused,
                state="failed",
                error_code=131053,
                graph_cause="media_too_large",
                reason="graph_error",
            ),
            CampaignRecipientStatus(
                wa_id=late, state="failed", error_code=131053, graph_cause="media_fetch_failed"
            ),
            CampaignRecipientStatus(wa_id=known, state="failed", error_code=131053),
        ],
    )
    merged = {r.wa_id: r.error_code for r in with_relay_details(report, relay).rows}
    assert merged == {
        refused: "131053:media_too_large",
        late: "131053:media_fetch_failed",
        known: "131053:media_fetch_failed",
    }
