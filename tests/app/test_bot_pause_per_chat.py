"""A shop with two numbers: the menu bot's hand-off is per chat (business number, customer), and the
chat list's row, on the number she last wrote to, shows that chat's."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.db import Database, upgrade
from app.models import BotPause
from app.queries import conversations_page
from app.sync_apply import apply_events
from app.wire import read_event
from tests.support.wire_events import PHONE_NUMBER_ID, T0, message_event

CUSTOMER = "821012345678"
SEONGSU, HONGDAE = PHONE_NUMBER_ID, "106540352242933"


def handoff(number: str | None, until: datetime | None) -> dict[str, Any]:
    return {
        "seq": 0,
        "kind": "contact",
        "at": "2026-11-30T02:00:00Z",
        "phone_number_id": number,
        "contact": {"wa_id": CUSTOMER},
        "bot_paused_until": until.isoformat().replace("+00:00", "Z") if until else None,
        "handoff_reason": "resumed" if until is None else "keyword",
    }


def writes(number: str, at: int) -> dict[str, Any]:
    return {**message_event(content="안녕하세요", wa_id=CUSTOMER, timestamp=at), "phone_number_id": number}


seq = iter(range(100, 10_000))


def apply(db: Database, *events: dict[str, Any]) -> None:
    with db.write() as s:
        apply_events(s, [read_event({**e, "seq": next(seq)}) for e in events], None)


def chat_row(db: Database) -> tuple[str | None, bool]:
    """The chat list's one row: the number it is on, and whether it is marked "Needs a person"."""
    with db.read() as s:
        [row] = conversations_page(s)
    return row.phone_number_id, row.needs_person(datetime.now(UTC))


def test_the_chat_row_shows_the_hand_off_of_the_number_she_last_wrote_to(db: Database) -> None:
    later = datetime.now(UTC) + timedelta(hours=12)
    apply(db, writes(SEONGSU, T0), handoff(SEONGSU, later))
    assert chat_row(db) == (SEONGSU, True)
    apply(db, writes(HONGDAE, T0 + 60))  # the bot still answers her at Hongdae
    assert chat_row(db) == (HONGDAE, False)
    apply(db, writes(SEONGSU, T0 + 120))
    assert chat_row(db) == (SEONGSU, True)
    apply(db, handoff(HONGDAE, later), handoff(SEONGSU, None))  # resumed at Seongsu only
    assert chat_row(db) == (SEONGSU, False)
    apply(db, writes(HONGDAE, T0 + 180))
    assert chat_row(db) == (HONGDAE, True)


def test_a_resume_that_names_no_number_resumes_every_chat_of_hers(db: Database) -> None:
    """An older relay's resume: the bot is back for her on every number."""
    later = datetime.now(UTC) + timedelta(hours=12)
    apply(db, writes(SEONGSU, T0), handoff(SEONGSU, later), writes(HONGDAE, T0 + 60), handoff(HONGDAE, later))
    assert chat_row(db) == (HONGDAE, True)
    apply(db, handoff(None, None))
    assert chat_row(db) == (HONGDAE, False)
    apply(db, writes(SEONGSU, T0 + 120))
    assert chat_row(db) == (SEONGSU, False)


def test_a_pause_kept_before_chats_per_number_stays_on_every_number_she_wrote_to(db_path: Path) -> None:
    """Migration 0024: an inbox's pause said no number; it stands for each of her chats, as it did."""
    upgrade(db_path, "0023")
    until_ms = int((datetime.now(UTC) + timedelta(hours=3)).timestamp() * 1000)
    raw = sqlite3.connect(db_path)
    raw.execute(
        "INSERT INTO contact (id, wa_id, phone_number_id, notes, blocked, archived, pinned, created_at,"
        " unread_count, opted_in_how, marketing_consent_how, opted_out_reason, bot_paused_until)"
        " VALUES (1, ?, ?, '', 0, 0, 0, 0, 0, '', '', '', ?)",
        (CUSTOMER, HONGDAE, until_ms),
    )
    for number in (SEONGSU, HONGDAE, None):
        raw.execute(
            "INSERT INTO message (contact_id, phone_number_id, direction, kind, body, grams, status, sent_at,"
            " unread, imported) VALUES (1, ?, 'in', 'text', '안녕', '', 'read', 0, 0, 0)",
            (number,),
        )
    raw.commit()
    raw.close()
    db = Database.open(db_path)
    try:
        with db.read() as s:
            kept = {n: u for n, u in s.execute(select(BotPause.phone_number_id, BotPause.paused_until))}
        assert set(kept) == {SEONGSU, HONGDAE}
        assert {int(u.timestamp() * 1000) for u in kept.values() if u} == {until_ms}
        apply(db, handoff(HONGDAE, None))  # resumed at Hongdae, where her row is
        with db.read() as s:
            [row] = conversations_page(s)
        assert row.bot_paused_until is None
    finally:
        db.close()


def test_her_row_on_the_other_number_says_her_first_chat_still_waits_for_a_person(db: Database) -> None:
    """Handed to a person at Seongsu, she wrote to Hongdae, where the bot answers her: her one row
    moves to Hongdae and says Seongsu's chat waits, in the "waiting" filter too, until someone
    answers her there."""
    from app.business_numbers import remember_business_numbers
    from app.queries import conversations_page
    from tests.support.wire_events import outbound_event

    with db.write() as s:
        remember_business_numbers(s, [(SEONGSU, "+82 2-555-0101"), (HONGDAE, "+82 2-555-0202")])
    later = datetime.now(UTC) + timedelta(hours=12)
    apply(db, writes(SEONGSU, T0), handoff(SEONGSU, later), writes(HONGDAE, T0 + 60))
    now = datetime.now(UTC)
    with db.read() as s:
        [row] = conversations_page(s)
        [waiting] = conversations_page(s, kind="waiting")
    assert row.phone_number_id == HONGDAE and not row.waits_for_person(now)
    assert row.waits_elsewhere(now) and row.waits_anywhere(now)
    assert (row.waiting_elsewhere_id, row.waiting_elsewhere_number) == (SEONGSU, "+82 2-555-0101")
    assert waiting.contact_id == row.contact_id
    with db.read() as s:  # Seongsu's chats alone list her; Hongdae's, where the bot answers her, do not
        assert [r.contact_id for r in conversations_page(s, kind="waiting", number=SEONGSU)] == [
            row.contact_id
        ]
        assert conversations_page(s, kind="waiting", number=HONGDAE) == []

    def answer(number: str, at: int) -> None:
        reply = outbound_event("네, 말씀하세요", to=CUSTOMER, sent_by="owner", wamid=f"wamid.reply-{at}")
        apply(db, {**reply, "phone_number_id": number, "at": datetime.fromtimestamp(at, UTC).isoformat()})

    def waiting_rows() -> tuple[bool, bool, int]:
        """Her row: whether it is marked, whether Seongsu's bot is off, and the waiting filter's count."""
        now = datetime.now(UTC)
        with db.read() as s:
            [row] = conversations_page(s)
            waiting = len(conversations_page(s, kind="waiting"))
        assert row.phone_number_id == HONGDAE
        return row.waits_anywhere(now), row.paused_elsewhere(now), waiting

    # The owner answers her in her Hongdae chat: she has her person; Seongsu's bot stays off.
    answer(HONGDAE, T0 + 90)
    assert waiting_rows() == (False, True, 0)
    apply(db, writes(HONGDAE, T0 + 120))  # she writes again: waiting again
    assert waiting_rows() == (True, True, 1)
    # The owner answers from Seongsu: nothing waits any more, on either number.
    answer(SEONGSU, T0 + 150)
    assert waiting_rows() == (False, True, 0)


def test_with_three_numbers_her_row_knows_every_other_number_she_waits_on(db: Database) -> None:
    """Handed to a person at Seongsu, then at Hongdae, she writes to Gangnam: her row read only the
    newest hand-off (Hongdae's), so once Hongdae's chat was answered and she wrote again it said
    nothing waits while the Needs-a-person filter listed her for Seongsu. It knows both, newest first."""
    from app.business_numbers import remember_business_numbers
    from tests.support.wire_events import outbound_event

    gangnam = "106540352242944"
    with db.write() as s:
        remember_business_numbers(
            s, [(SEONGSU, "+82 2-555-0101"), (HONGDAE, "+82 2-555-0202"), (gangnam, "+82 2-555-0303")]
        )
    later = datetime.now(UTC) + timedelta(hours=12)
    apply(db, writes(SEONGSU, T0), handoff(SEONGSU, later))
    apply(db, writes(HONGDAE, T0 + 60), handoff(HONGDAE, later + timedelta(hours=1)))
    apply(db, writes(gangnam, T0 + 120))

    def waiting_on() -> tuple[list[str | None], int]:
        """The numbers her row says she waits on, newest first, and the waiting filter's count."""
        now = datetime.now(UTC)
        with db.read() as s:
            [row] = conversations_page(s)
            waiting = len(conversations_page(s, kind="waiting"))
        assert row.phone_number_id == gangnam and not row.waits_for_person(now)
        return [h.number for h in row.waiting_elsewhere(now)], waiting

    assert waiting_on() == (["+82 2-555-0202", "+82 2-555-0101"], 1)
    reply = outbound_event("네, 말씀하세요", to=CUSTOMER, sent_by="owner", wamid="wamid.hongdae-reply")
    at = datetime.fromtimestamp(T0 + 150, UTC).isoformat()
    apply(db, {**reply, "phone_number_id": HONGDAE, "at": at})  # answered at Hongdae: she has her person
    assert waiting_on() == ([], 0)
    apply(db, writes(gangnam, T0 + 180))  # she writes to Gangnam again: Seongsu's chat still waits
    assert waiting_on() == (["+82 2-555-0101"], 1)
