"""A group commit worked out in memory: each webhook's new events, its customers' rows before and after."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from relay.storage.contact_states import ContactRow, contact_values_row, message_is_late, touched
from relay.storage.database import dt_to_ms
from relay.storage.event_log import NewEvent


@dataclass(frozen=True, slots=True)
class IntakeRows:
    """What one webhook writes: its events, media jobs and the rule inputs it moves."""

    events: list[NewEvent]
    media: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    # (wa_id, message time ms, profile name, phone_number_id) of customers' messages
    inbound: list[tuple[str, int, str | None, str | None]] = field(default_factory=list)
    # (wa_id, {column: ms, and the business number of her past message}) from phone-app echoes and
    # history: never answered by automations
    touches: list[tuple[str, dict[str, int | str]]] = field(default_factory=list)
    # (wa_id, phone_number_id, ms) of the shop's messages from a number it sent outside the relay:
    # phone-app echoes and history (relay/webhook.py Intake.replies)
    replies: list[tuple[str, str, int]] = field(default_factory=list)
    # (old wa_id, new wa_id, phone_number_id, message id)
    number_changes: list[tuple[str, str, str | None, str]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class BatchPlan:
    """What a batch writes besides its events (which `news` holds, per webhook, in order)."""

    news: list[list[NewEvent]]
    # Each webhook's senders as they were before it (what the rules must judge by).
    befores_each: list[dict[str, ContactRow | None]]
    # Every customer the batch touches, as its row will be after it (every column, times in ms).
    rows: dict[str, dict[str, Any]]
    # (wa_id, the columns one message moved), in order: replayed on a row another worker adds meanwhile.
    touches: list[tuple[str, dict[str, Any]]]
    media: list[tuple[str, str | None, str | None]]
    # (wa_id, phone_number_id, newest ms) of each chat the shop wrote in outside the relay, sorted
    # (one order of row locks for every worker): `number_reply.last_outbound_ms`, moved forward only.
    replies: list[tuple[str, str, int]]


def newest_replies(replies: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """Each (customer, number)'s newest of `replies`, in (customer, number) order: one row each, as
    one upsert may touch a row once."""
    newest: dict[tuple[str, str], int] = {}
    for wa_id, number, ms in replies:
        newest[(wa_id, number)] = max(ms, newest.get((wa_id, number), ms))
    return [(wa_id, number, ms) for (wa_id, number), ms in sorted(newest.items())]


def renamed(
    wa_id: str, before: ContactRow | None, name: str | None, pnid: str | None, ts_ms: int
) -> list[NewEvent]:
    """A `contact` event when a customer we know writes under a new profile name (none otherwise).
    A message older than her last one (a late delivery) brings no news of her name: hers is the
    one WhatsApp sent with her newest message."""
    if before is None or not before.profile_name or not name or name == before.profile_name:
        return []
    if message_is_late(dt_to_ms(before.last_inbound_at), ts_ms):
        return []
    return [NewEvent("contact", {"contact": {"wa_id": wa_id, "profile": {"name": name}}}, pnid)]


def dedupe_keys(batch: list[IntakeRows]) -> list[str]:
    """The batch's dedupe keys, to look for those stored already."""
    return [e.dedupe_key for item in batch for e in item.events if e.dedupe_key is not None]


def new_events(batch: list[IntakeRows], stored: set[str]) -> list[list[NewEvent]]:
    """Each webhook's events that are not redeliveries: of a key stored already (`stored`), or by a
    webhook earlier in this batch (Meta delivered it twice at once), written no more than one that
    comes a minute later."""
    seen = set(stored)
    news: list[list[NewEvent]] = []
    for item in batch:
        news.append([e for e in item.events if e.dedupe_key is None or e.dedupe_key not in seen])
        seen.update(e.dedupe_key for e in news[-1] if e.dedupe_key is not None)
    return news


def customers(batch: list[IntakeRows], news: list[list[NewEvent]]) -> set[str]:
    """The customers whose rows the batch reads: those of the webhooks that are not redeliveries."""
    return {
        wa_id
        for item, new in zip(batch, news, strict=True)
        if new
        for wa_id in [i[0] for i in item.inbound] + [t[0] for t in item.touches]
    }


def plan_batch(
    batch: list[IntakeRows], news: list[list[NewEvent]], stored: dict[str, dict[str, Any]]
) -> BatchPlan:
    """The customers' new states worked out webhook by webhook, as one transaction per webhook
    would leave them, from their `stored` rows; a renamed customer adds a `contact` event to its
    webhook's `news`. A redelivery writes nothing and judges nothing."""
    rows: dict[str, dict[str, Any]] = dict(stored)
    touches: list[tuple[str, dict[str, Any]]] = []
    befores_each: list[dict[str, ContactRow | None]] = []
    media: list[tuple[str, str | None, str | None]] = []
    replies: list[tuple[str, str, int]] = []
    for item, new in zip(batch, news, strict=True):
        befores: dict[str, ContactRow | None] = {}
        befores_each.append(befores)
        if not new:
            continue
        media += item.media
        replies += item.replies
        for wa_id, ts_ms, name, pnid in item.inbound:
            row = rows.get(wa_id)
            if wa_id not in befores:
                befores[wa_id] = before = None if row is None else contact_values_row(row)
                new.extend(renamed(wa_id, before, name, pnid, ts_ms))
            inputs = {"last_inbound_ms": ts_ms, "profile_name": name, "phone_number_id": pnid}
            rows[wa_id] = touched(wa_id, row, inputs)
            touches.append((wa_id, inputs))
        for wa_id, columns in item.touches:
            rows[wa_id] = touched(wa_id, rows.get(wa_id), columns)
            touches.append((wa_id, dict(columns)))
    return BatchPlan(news, befores_each, rows, touches, media, newest_replies(replies))
