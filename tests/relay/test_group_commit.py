"""Group commit: a batch of webhooks written together judges and stores each as if written alone."""

from __future__ import annotations

from datetime import UTC, datetime

from relay.intake import intake_rows
from relay.storage.contact_states import touched
from relay.store import IntakeRows, Store
from relay.webhook import parse_webhook
from tests.support.relay_server import RunningRelay, inbound, wamid

CUSTOMER = "821055501234"


def _rows(name: str, timestamp: int, message_id: str) -> IntakeRows:
    payload = inbound(
        "text", f"{name}입니다", sender=CUSTOMER, name=name, message_id=message_id, timestamp=timestamp
    )
    return intake_rows(parse_webhook(payload))


def test_a_batch_judges_each_message_by_its_customer_before_it_and_stores_a_redelivery_once(
    relay: RunningRelay,
) -> None:
    first, second = wamid(), wamid()
    batch = [
        _rows("김민수", 1_800_000_000, first),
        _rows("김민수 사장님", 1_800_000_060, second),
        _rows("김민수", 1_800_000_000, first),  # Meta delivered the first one twice, together
    ]
    results = relay.relay.store.ingest_many(batch)
    assert not any(isinstance(result, Exception) for result in results)

    (seqs1, befores1), (seqs2, befores2), (seqs3, befores3) = results  # type: ignore[misc]  # no exception
    assert befores1 == {CUSTOMER: None}  # a new customer: the greeting's "never wrote before"
    before = befores2[CUSTOMER]
    assert before is not None and before.profile_name == "김민수"
    assert before.last_inbound_at == datetime.fromtimestamp(1_800_000_000, UTC)
    assert (seqs3, befores3) == ([], {})  # the redelivery adds nothing and answers nothing
    assert len(seqs1) == 1 and len(seqs2) == 2 and seqs1[0] < seqs2[0] < seqs2[1]

    events = relay.events()["events"]
    assert [e["kind"] for e in events] == ["message", "message", "contact"]
    assert [e["message"]["id"] for e in events[:2]] == [first, second]
    assert events[2]["contact"]["profile"]["name"] == "김민수 사장님"  # the desktop learns the new name
    row = relay.relay.store.contacts.get(CUSTOMER)
    assert row is not None and row.profile_name == "김민수 사장님"
    assert row.last_inbound_at == datetime.fromtimestamp(1_800_000_060, UTC)


def test_a_customer_another_worker_adds_meanwhile_keeps_both_workers_writes(pg: str) -> None:
    store = Store(pg, pool_size=2)
    try:
        inputs = {"last_inbound_ms": 1_800_000_000_000, "profile_name": "이서연", "phone_number_id": "1"}
        with store.db.engine.begin() as conn:
            stored = store.contacts.rows_in(conn, {CUSTOMER})
            assert stored == {}
            # Another worker sends to the same customer and commits first.
            store.contacts.touch(CUSTOMER, last_outbound_ms=1_800_000_100_000)
            store.contacts.write_rows_in(
                conn, stored, {CUSTOMER: touched(CUSTOMER, None, inputs)}, [(CUSTOMER, inputs)]
            )
        row = store.contacts.get(CUSTOMER)
        assert row is not None
        assert row.last_outbound_at == datetime.fromtimestamp(1_800_000_100, UTC)
        assert row.last_inbound_at == datetime.fromtimestamp(1_800_000_000, UTC)
        assert row.profile_name == "이서연"
    finally:
        store.close()


def test_a_customers_later_time_written_by_another_worker_meanwhile_is_never_moved_back(pg: str) -> None:
    store = Store(pg, pool_size=2)
    try:
        store.contacts.touch(CUSTOMER, last_inbound_ms=1_800_000_000_000, profile_name="이서연")
        later = {"last_inbound_ms": 1_800_000_060_000}
        with store.db.engine.begin() as conn:
            stored = store.contacts.rows_in(conn, {CUSTOMER})
            # Another worker stores the customer's next message and commits first.
            store.contacts.touch(CUSTOMER, last_inbound_ms=1_800_000_120_000)
            store.contacts.write_rows_in(
                conn, stored, {CUSTOMER: touched(CUSTOMER, stored[CUSTOMER], later)}, [(CUSTOMER, later)]
            )
        row = store.contacts.get(CUSTOMER)
        # The 24-hour window and the away message go by the customer's newest message.
        assert row is not None and row.last_inbound_at == datetime.fromtimestamp(1_800_000_120, UTC)
    finally:
        store.close()
