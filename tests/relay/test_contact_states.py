"""A customer's rule inputs when two workers add the same new customer at once: nothing is dropped."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from relay.storage.contact_states import ContactRow
from relay.store import Store

CUSTOMER = "821055501234"
SHOP_NUMBER = "109876543210"
OTHER_SHOP_NUMBER = "109876543299"
T = 1_800_000_000_000  # ms


def _touch_after_another_worker_added_her(
    store: Store, values: dict[str, Any], meanwhile: Callable[[], None]
) -> None:
    """Touch the customer from a read that found no row, with `meanwhile` (another worker adding
    her, on a connection of its own) committed between that read and this touch's insert."""
    if store.is_sqlite:
        # SQLite's writers take turns (BEGIN IMMEDIATE): a read can only be overtaken before its
        # transaction, so the stale read comes from an earlier one.
        with store.db.engine.connect() as reading:
            row = store.contacts.row_in(reading, CUSTOMER)
        meanwhile()
        with store.db.engine.begin() as conn:
            store.contacts.touch_row_in(conn, CUSTOMER, row, values)
        return
    with store.db.engine.begin() as conn:
        row = store.contacts.row_in(conn, CUSTOMER)
        assert row is None
        meanwhile()
        store.contacts.touch_row_in(conn, CUSTOMER, row, values)


def _stored(store: Store) -> ContactRow:
    row = store.contacts.get(CUSTOMER)
    assert row is not None
    return row


def _at(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, UTC)


def test_the_owners_reply_to_a_new_customer_counts_when_her_message_was_stored_at_the_same_moment(
    store: Store,
) -> None:
    def her_webhook_on_another_worker() -> None:
        store.contacts.touch(CUSTOMER, last_inbound_ms=T, profile_name="김민수", phone_number_id=SHOP_NUMBER)

    reply = {"last_outbound_ms": T + 5_000, "last_owner_reply_ms": T + 5_000}
    _touch_after_another_worker_added_her(store, reply, her_webhook_on_another_worker)

    row = _stored(store)
    # The away rule stays quiet for 5 minutes after the owner's reply: it must see that reply.
    assert row.last_owner_reply_at == _at(T + 5_000)
    assert row.last_outbound_at == _at(T + 5_000)
    assert row.last_inbound_at == _at(T)
    assert row.profile_name == "김민수" and row.phone_number_id == SHOP_NUMBER


@pytest.mark.parametrize("ours_later", [True, False], ids=["ours later", "ours earlier"])
def test_two_first_messages_to_two_shop_numbers_stored_at_once_leave_her_newest_as_her_last(
    store: Store, ours_later: bool
) -> None:
    ours, theirs = (T + 60_000, T) if ours_later else (T, T + 60_000)

    def her_other_message_on_another_worker() -> None:
        store.contacts.touch(
            CUSTOMER, last_inbound_ms=theirs, profile_name="이서연", phone_number_id=SHOP_NUMBER
        )

    mine = {"last_inbound_ms": ours, "profile_name": "이서연", "phone_number_id": OTHER_SHOP_NUMBER}
    _touch_after_another_worker_added_her(store, mine, her_other_message_on_another_worker)

    row = _stored(store)
    # The 24-hour window and the away message go by her newest message (a time never moves back);
    # replies go from the number she wrote to last, and each number's window by her message to it.
    newest, other = (OTHER_SHOP_NUMBER, SHOP_NUMBER) if ours_later else (SHOP_NUMBER, OTHER_SHOP_NUMBER)
    assert row.last_inbound_at == _at(T + 60_000) and row.phone_number_id == newest
    assert row.other_inbound_at == _at(T) and row.other_number_id == other
    assert row.known is False
