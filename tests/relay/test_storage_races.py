"""Two workers storing the same customer's new row at once: nothing is lost and nothing fails."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import event

from app.rules import BotState
from app.wire import HandoffReason, NewCampaign, OptOutReason
from relay.check import VERIFIED_KEY
from relay.storage.contact_states import ContactRow
from relay.store import Store
from tests.support.relay_campaigns import recipient

CUSTOMER = "821055501234"
NEW_NUMBER = "821055509876"
SHOP_NUMBER = "109876543210"
T = 1_800_000_000_000  # ms
NOW = datetime.fromtimestamp(T / 1000, UTC)


@contextmanager
def another_worker_first(store: Store, table: str, meanwhile: Callable[[], None]) -> Iterator[None]:
    """Run `meanwhile` (another worker's call, on a connection of its own, committed) just before
    this worker's first INSERT into `table`: after its reads found no row, before its row goes in."""
    if store.is_sqlite:
        # SQLite's writers take turns (BEGIN IMMEDIATE): the other worker can only come first.
        meanwhile()
        yield
        return
    fired = False

    def before_insert(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        nonlocal fired
        if not fired and statement.lstrip().startswith(f"INSERT INTO {table} "):
            fired = True
            meanwhile()

    event.listen(store.db.engine, "before_cursor_execute", before_insert)
    try:
        yield
    finally:
        event.remove(store.db.engine, "before_cursor_execute", before_insert)
    assert fired


def _contact_events(store: Store) -> list[dict[str, Any]]:
    return [json.loads(e.payload) for e in store.events.after(0, 100) if e.kind == "contact"]


def test_her_number_change_keeps_her_rule_inputs_when_her_first_message_from_it_lands_on_another_worker(
    store: Store,
) -> None:
    store.contacts.touch(CUSTOMER, last_inbound_ms=T, phone_number_id=SHOP_NUMBER, profile_name="김민지")
    store.contacts.touch(CUSTOMER, last_outbound_ms=T + 1, last_away_sent_ms=T + 2)
    store.contacts.mark_known([CUSTOMER])

    def her_message_from_the_new_number_on_another_worker() -> None:
        store.contacts.touch(
            NEW_NUMBER, last_inbound_ms=T + 10, phone_number_id=SHOP_NUMBER, profile_name="김민지"
        )

    with (
        another_worker_first(store, "contact_state", her_message_from_the_new_number_on_another_worker),
        store.db.engine.begin() as conn,
    ):
        store.contacts.move(conn, CUSTOMER, NEW_NUMBER)

    # One customer under her new number: still known (no welcome again), the away message and the
    # shop's reply not forgotten, and her newest message the one from the new number.
    assert store.contacts.get(CUSTOMER) is None
    assert store.contacts.get(NEW_NUMBER) == ContactRow(
        wa_id=NEW_NUMBER,
        profile_name="김민지",
        phone_number_id=SHOP_NUMBER,
        last_inbound_at=_at(T + 10),
        last_outbound_at=_at(T + 1),
        last_owner_reply_at=None,
        last_away_sent_at=_at(T + 2),
        known=True,
    )


def _at(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, UTC)


def test_her_tap_on_the_opt_out_button_is_kept_as_hers_when_metas_stop_lands_on_another_worker(
    store: Store,
) -> None:
    def metas_stop_on_another_worker() -> None:
        assert store.opt_outs.opt_out(CUSTOMER, OptOutReason.META_STOP, T, SHOP_NUMBER)

    with another_worker_first(store, "marketing_opt_out", metas_stop_on_another_worker):
        new = store.opt_outs.opt_out(CUSTOMER, OptOutReason.BUTTON, T + 1, SHOP_NUMBER)

    # Her own word outranks Meta's stop (Meta's "resume" must not clear it), and she is sent the
    # confirmation of her tap (the automations send it when the opt-out is new or stronger).
    assert new is True
    assert store.opt_outs.reason(CUSTOMER) == OptOutReason.BUTTON
    assert [e["reason"] for e in _contact_events(store)] == ["meta_stop", "button"]


def test_metas_stop_after_her_stop_keyword_on_another_worker_leaves_her_keyword(store: Store) -> None:
    def her_stop_keyword_on_another_worker() -> None:
        assert store.opt_outs.opt_out(CUSTOMER, OptOutReason.KEYWORD, T, SHOP_NUMBER)

    with another_worker_first(store, "marketing_opt_out", her_stop_keyword_on_another_worker):
        new = store.opt_outs.opt_out(CUSTOMER, OptOutReason.META_STOP, T + 1, SHOP_NUMBER)

    assert new is False
    assert store.opt_outs.reason(CUSTOMER) == OptOutReason.KEYWORD
    assert [e["reason"] for e in _contact_events(store)] == ["keyword"]


def test_a_hand_off_stored_after_the_owners_resume_on_another_worker_pauses_the_bot(store: Store) -> None:
    paused = BotState(paused_until=NOW + timedelta(hours=1), sent_recently=(NOW,))

    def owners_resume_on_another_worker() -> None:
        assert store.bots.resume(CUSTOMER, NOW, SHOP_NUMBER) == [SHOP_NUMBER]

    with another_worker_first(store, "bot_state", owners_resume_on_another_worker):
        store.bots.put(CUSTOMER, paused, handoff=HandoffReason.KEYWORD, pnid=SHOP_NUMBER, now=NOW)

    # The customer asked for a person after the owner's click: the chat is with a person.
    assert store.bots.get(CUSTOMER, SHOP_NUMBER).paused_until == NOW + timedelta(hours=1)
    reasons = [e["handoff_reason"] for e in _contact_events(store)]
    assert reasons == [HandoffReason.RESUMED, HandoffReason.KEYWORD]


def test_the_owners_resume_after_a_hand_off_on_another_worker_gives_the_chat_back_to_the_bot(
    store: Store,
) -> None:
    paused = BotState(paused_until=NOW + timedelta(hours=1), sent_recently=(NOW,), menu_other=True)

    def hand_off_on_another_worker() -> None:
        store.bots.put(CUSTOMER, paused, handoff=HandoffReason.MENU, pnid=SHOP_NUMBER, now=NOW)

    with another_worker_first(store, "bot_state", hand_off_on_another_worker):
        store.bots.resume(CUSTOMER, NOW + timedelta(seconds=1), SHOP_NUMBER)

    state = store.bots.get(CUSTOMER, SHOP_NUMBER)
    assert state.paused_until is None and state.resumed_at == NOW + timedelta(seconds=1)
    # A resume changes only the pause: the bot's hourly limit still counts the answer it just sent.
    assert state.sent_recently == (NOW,) and state.menu_other is True


def test_metas_verification_handshake_is_kept_when_another_worker_keeps_it_at_once(store: Store) -> None:
    with another_worker_first(store, "kv", lambda: store.kv.put(VERIFIED_KEY, "2027-01-15T09:00:00+00:00")):
        store.kv.put(VERIFIED_KEY, "2027-01-15T09:00:01+00:00")

    assert store.kv.get(VERIFIED_KEY) == "2027-01-15T09:00:01+00:00"


def _status(number: str, state: str) -> dict[str, Any]:
    return {"wa_id": CUSTOMER, "number": number, "state": state, "changed_at": NOW.isoformat()}


def test_two_shop_computers_pushing_a_new_customers_orders_at_once_keep_both_orders(store: Store) -> None:
    def the_other_computers_push() -> None:
        store.orders.put_many([_status("1001", "paid")])

    with another_worker_first(store, "kv", the_other_computers_push):
        assert store.orders.put_many([_status("1002", "shipped")]) == 1

    # The bot answers "where is my order" from these: neither computer's order is forgotten.
    held = {s["number"]: s["state"] for s in store.orders.for_customer(CUSTOMER)}
    assert held == {"1001": "paid", "1002": "shipped"}


def test_blocking_a_customer_from_two_shop_computers_at_once_blocks_her(store: Store) -> None:
    def the_other_computers_block() -> None:
        store.blocked.block(CUSTOMER, T, on_whatsapp=False)

    with another_worker_first(store, "blocked_contact", the_other_computers_block):
        store.blocked.block(CUSTOMER, T + 1, on_whatsapp=True)

    assert store.blocked.is_blocked(CUSTOMER)


def test_a_campaign_posted_again_while_its_first_post_is_stored_answers_the_stored_campaign(
    store: Store,
) -> None:
    new = NewCampaign.model_validate(
        {
            "id": "winter-sale",
            "name": "겨울 세일",
            "template": {"name": "winter_sale", "language": "ko", "category": "MARKETING"},
            "recipients": [recipient("821055551234"), recipient("821055556789")],
        }
    )
    first: list[str] = []

    def the_first_post_on_another_worker() -> None:
        first.append(store.campaigns.create(new, "sha", T)[0])

    with another_worker_first(store, "campaign", the_first_post_on_another_worker):
        outcome, stored = store.campaigns.create(new, "sha", T + 1)

    # The desktop's retry is told the campaign is there (200), and every customer gets it once.
    assert first == ["created"] and outcome == "exists"
    assert stored.id == "winter-sale" and stored.total == 2
    assert store.events.count("campaign") == 1
