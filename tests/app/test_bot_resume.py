"""Hand-off and resume across the real relay: what one desktop does, every desktop's chat list shows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.db import Database
from app.queries import conversations_page
from app.relay_client import RelayClient
from app.shop_menu import korean_shop_menu
from app.sync_apply import apply_events
from app.wire import Automations
from tests.support.fake_graph import FakeGraph, run_fake_graph
from tests.support.relay_process import wait_until
from tests.support.relay_server import PHONE_NUMBER_ID, RunningRelay, inbound, run_relay

CUSTOMER = "821066667777"
SEONGSU, HONGDAE = PHONE_NUMBER_ID, "106540352242933"  # a shop with two numbers (two branches)


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[tuple[RunningRelay, FakeGraph]]:
    (tmp_path / "relay").mkdir()
    with run_fake_graph() as graph, run_relay(tmp_path / "relay", graph_url=graph.url) as running:
        yield running, graph


def sync(db: Database, client: RelayClient, after: int) -> int:
    """One long-poll page applied the way the sync engine applies it; returns the next cursor."""
    page = client.events(after, wait=2.0)
    with db.write() as s:
        apply_events(s, page.events, page.next)
    return page.next


def needs_person(db: Database) -> bool:
    with db.read() as s:
        [row] = conversations_page(s)
    return row.needs_person(datetime.now(UTC))


def chat_row(db: Database) -> tuple[str | None, bool]:
    """The chat list's one row: the number it is on, and whether it is marked "Needs a person"."""
    with db.read() as s:
        [row] = conversations_page(s)
    return row.phone_number_id, row.needs_person(datetime.now(UTC))


def test_resume_from_one_desktop_clears_needs_a_person_on_another(
    relay: tuple[RunningRelay, FakeGraph], db: Database, tmp_path: Path
) -> None:
    running, graph = relay
    other = Database.open(tmp_path / "other.db")
    client = RelayClient(running.url, running.token, timeout=10)
    try:
        bot = korean_shop_menu().model_copy(update={"enabled": True})
        client.put_automations(Automations(bot=bot), if_match=0)
        running.post_webhook(inbound("text", "상담원 연결해 주세요", sender=CUSTOMER, name="최지우"))
        running.wait_for_events(4)  # settings, the message, the hand-off, the bot's reply
        mine = sync(db, client, 0)
        theirs = sync(other, client, 0)
        assert needs_person(db) and needs_person(other)
        client.resume_bot("+82 10-6666-7777", PHONE_NUMBER_ID)  # pressed on this desktop
        sync(db, client, mine)
        sync(other, client, theirs)
        assert not needs_person(db) and not needs_person(other)
        assert len(graph.sent) == 1
    finally:
        client.close()
        other.close()


def test_a_customer_handed_over_at_one_branch_is_answered_by_the_bot_at_the_other_and_resumed_alone(
    relay: tuple[RunningRelay, FakeGraph], db: Database
) -> None:
    """The crossing customer of `--two-numbers`: the chat list's row follows the number she last wrote
    to, and with it the hand-off it shows; "Resume bot" in Seongsu's chat leaves Hongdae's as it was."""
    running, graph = relay
    client = RelayClient(running.url, running.token, timeout=10)
    cursor = 0

    def writes(number: str, text: str, events: int) -> None:
        nonlocal cursor
        running.post_webhook(inbound("text", text, sender=CUSTOMER, name="최지우", phone_number_id=number))
        running.wait_for_events(events)
        wait_until(running.automations_done, 10, "the relay to answer her")
        cursor = sync(db, client, cursor)

    try:
        bot = korean_shop_menu().model_copy(update={"enabled": True})
        client.put_automations(Automations(bot=bot), if_match=0)
        writes(SEONGSU, "상담원 연결해 주세요", 4)  # settings; her message, the hand-off, the bot's word
        assert chat_row(db) == (SEONGSU, True)
        writes(HONGDAE, "메뉴", 6)  # Hongdae's bot still answers her: its menu
        assert graph.sent_from == [SEONGSU, HONGDAE]
        assert chat_row(db) == (HONGDAE, False)
        writes(SEONGSU, "아직 기다려요", 7)  # back at Seongsu, still with a person
        assert chat_row(db) == (SEONGSU, True)
        writes(HONGDAE, "상담원", 10)
        client.resume_bot(CUSTOMER, SEONGSU)  # pressed in Seongsu's chat
        running.wait_for_events(11)
        cursor = sync(db, client, cursor)
        writes(SEONGSU, "메뉴", 13)  # Seongsu's bot answers again …
        assert chat_row(db) == (SEONGSU, False)
        writes(HONGDAE, "언제 답해 주세요?", 14)  # … and Hongdae's chat is still with a person
        assert chat_row(db) == (HONGDAE, True)
        assert graph.sent_from == [SEONGSU, HONGDAE, HONGDAE, SEONGSU]
    finally:
        client.close()
