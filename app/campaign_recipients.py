"""Each campaign recipient as the relay knows them (held, skipped, pending, failed, why), for the report."""

from __future__ import annotations

import dataclasses
import logging
from typing import Protocol

from app.campaign_store import DRAFT, CampaignReport, RecipientRow
from app.errors import RelayError
from app.ticks import failed_code
from app.wire import Campaign, CampaignRecipientStatus, CampaignState, RecipientState

log = logging.getLogger(__name__)

# States only the relay can tell: the chats hold no message for them, or one that looks sent.
_RELAY_ONLY = frozenset({RecipientState.HELD, RecipientState.SKIPPED, RecipientState.PENDING})
_SENT = frozenset({RecipientState.SENT, RecipientState.DELIVERED, RecipientState.READ})
# What the chats show for a recipient the relay may know better about.
_UNSURE_HERE = frozenset({RecipientState.QUEUED, RecipientState.SENT})
_FINISHED = frozenset({CampaignState.DONE, CampaignState.CANCELLED})


class CampaignReader(Protocol):
    """What the report needs of app/relay_client.RelayClient."""

    def campaign(self, campaign_id: str, *, recipients: bool = False) -> Campaign: ...


def merged_row(row: RecipientRow, relay: CampaignRecipientStatus) -> RecipientRow:
    """The chats' row, corrected by what the relay says of the same customer."""
    try:
        state = RecipientState(relay.state)
    except ValueError:
        return row  # a newer relay's state: the chats' view stands
    if state in _RELAY_ONLY and row.state in _UNSURE_HERE:
        return dataclasses.replace(row, state=state, reason=relay.reason, held_until=relay.held_until)
    if state == RecipientState.FAILED:
        told = failed_code(relay.error_code, relay.graph_cause) if relay.error_code is not None else None
        code = row.error_code or told
        if told is not None and told.startswith(f"{code}:"):
            code = told  # the chats have Graph's code, the relay also which of its causes Graph meant
        return dataclasses.replace(row, state=state, error_code=code, reason=relay.reason)
    if state in _SENT and relay.held_until is not None and row.held_until is None:
        # Sent once the night-time hold ended: the report says so beside the send's time.
        return dataclasses.replace(row, held_until=relay.held_until, sent_at=row.sent_at or relay.sent_at)
    if state == RecipientState.UNKNOWN and row.state == RecipientState.QUEUED:
        return dataclasses.replace(row, state=state)
    return row


def with_relay_details(report: CampaignReport, relay: Campaign) -> CampaignReport:
    by_wa_id = {r.wa_id: r for r in relay.recipients or []}
    rows = [merged_row(r, by_wa_id[r.wa_id]) if r.wa_id in by_wa_id else r for r in report.rows]
    counts = {str(k): int(v) for k, v in relay.counts.items()} or report.relay_counts
    if report.state in _FINISHED and relay.state not in _FINISHED and report.relay_counts:
        # An answer from before the campaign finished (the last one, merged again until the next
        # read): a finished campaign's report said "7 waiting their turn" beside 8 sent. The counts
        # its progress brought since are the newer; a campaign never starts again once finished.
        counts = report.relay_counts
    return dataclasses.replace(report, rows=rows, relay_counts=counts, relay_details=True)


def relay_campaign(report: CampaignReport, client: CampaignReader | None) -> Campaign | None:
    """The campaign with every recipient's state, as the relay has it; None when it cannot say."""
    if client is None or report.state == DRAFT or not report.uid:
        return None
    try:
        return client.campaign(report.uid, recipients=True)
    except RelayError as exc:
        log.info("campaign %s: the relay's per-recipient states not read (%s)", report.uid, exc.code)
        return None
