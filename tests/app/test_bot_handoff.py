"""A chat the relay's menu bot handed to a person shows "Needs a person" until it resumes or the pause ends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from app.db import Database
from app.queries import conversations_by_id, conversations_page
from app.sync_apply import apply_events
from app.wire import read_event
from tests.support.wire_events import message_event

CUSTOMER = "821012345678"


def handoff(seq: int, until: str | None, reason: str) -> dict[str, Any]:
    return {
        "seq": seq,
        "kind": "contact",
        "at": "2026-11-30T02:00:00Z",
        "contact": {"wa_id": CUSTOMER},
        "bot_paused_until": until,
        "handoff_reason": reason,
    }


def apply(db: Database, *events: dict[str, Any]) -> set[int]:
    with db.write() as s:
        return apply_events(s, [read_event(e) for e in events], None).changed


def test_a_handed_off_chat_needs_a_person_until_the_bot_resumes(db: Database) -> None:
    apply(db, message_event(content="상담원", wa_id=CUSTOMER))
    until = datetime.now(UTC) + timedelta(hours=12)
    changed = apply(db, handoff(900, until.isoformat().replace("+00:00", "Z"), "keyword"))
    with db.read() as s:
        [row] = conversations_by_id(s, changed)
    assert row.needs_person(datetime.now(UTC))
    assert not row.needs_person(until + timedelta(seconds=1))  # the pause ran out
    # A renamed profile says nothing about the bot: the chat still needs a person.
    rename = {"seq": 901, "kind": "contact", "at": "2026-11-30T02:01:00Z"}
    apply(db, {**rename, "contact": {"wa_id": CUSTOMER, "profile": {"name": "박서연"}}})
    with db.read() as s:
        [row] = conversations_page(s)
    assert row.display_name == "박서연" and row.needs_person(datetime.now(UTC))
    apply(db, handoff(902, None, "resumed"))  # another desktop pressed "Resume bot"
    with db.read() as s:
        [row] = conversations_page(s)
    assert not row.needs_person(datetime.now(UTC))
