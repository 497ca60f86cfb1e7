"""Group commit: a batch of webhooks written together judges and stores each as if written alone."""

from __future__ import annotations

from datetime import UTC, datetime

from relay.intake import intake_rows
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


def test_a_batch_read_before_another_worker_adds_the_customer_keeps_both_workers_writes(pg: str) -> None:
    store = Store(pg, pool_size=2)
    try:
        commit = store.pg_group_commit
        assert commit is not None
        batch = [_rows("이서연", 1_800_000_000, wamid())]
        found = commit.read(batch)
        assert found.rows == {}
        # Another worker sends to the same customer and commits before this batch writes.
        store.contacts.touch(CUSTOMER, last_outbound_ms=1_800_000_100_000)
        [(seqs, befores)] = commit.commit(batch, found, "events")
        assert len(seqs) == 1 and befores == {CUSTOMER: None}
        row = store.contacts.get(CUSTOMER)
        assert row is not None
        assert row.last_outbound_at == datetime.fromtimestamp(1_800_000_100, UTC)
        assert row.last_inbound_at == datetime.fromtimestamp(1_800_000_000, UTC)
        assert row.profile_name == "이서연" and row.known is False
    finally:
        store.close()


def test_a_batch_never_moves_back_a_later_time_another_worker_wrote_meanwhile(pg: str) -> None:
    store = Store(pg, pool_size=2)
    try:
        commit = store.pg_group_commit
        assert commit is not None
        store.contacts.touch(CUSTOMER, last_inbound_ms=1_800_000_000_000, profile_name="이서연")
        store.contacts.mark_known([CUSTOMER])
        batch = [_rows("이서연 대표", 1_800_000_060, wamid())]
        found = commit.read(batch)
        # Another worker stores the customer's next message and commits first.
        store.contacts.touch(CUSTOMER, last_inbound_ms=1_800_000_120_000)
        [(seqs, befores)] = commit.commit(batch, found, "events")
        before = befores[CUSTOMER]
        assert before is not None and before.profile_name == "이서연"
        assert len(seqs) == 2  # the message, and the new name for the desktop
        row = store.contacts.get(CUSTOMER)
        # The 24-hour window and the away message go by the customer's newest message.
        assert row is not None and row.last_inbound_at == datetime.fromtimestamp(1_800_000_120, UTC)
        assert row.profile_name == "이서연 대표" and row.known is True
    finally:
        store.close()
