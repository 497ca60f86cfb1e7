"""Group commit: a batch of webhooks written together judges and stores each as if written alone."""

from __future__ import annotations

from datetime import UTC, datetime

from relay.intake import intake_rows
from relay.storage.contact_states import ContactRow
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


def _one(store: Store, rows: IntakeRows) -> tuple[list[int], dict[str, ContactRow | None]]:
    [result] = store.ingest_many([rows])
    assert not isinstance(result, Exception)
    return result


def test_a_writer_that_remembers_its_customers_still_judges_each_message_by_the_stored_row(pg: str) -> None:
    store = Store(pg, pool_size=2)
    try:
        first, second, third = wamid(), wamid(), wamid()
        seqs1, befores1 = _one(store, _rows("박지훈", 1_800_000_000, first))
        assert len(seqs1) == 1 and befores1 == {CUSTOMER: None}
        seqs2, befores2 = _one(store, _rows("박지훈", 1_800_000_060, second))
        before = befores2[CUSTOMER]
        assert before is not None and before.last_inbound_at == datetime.fromtimestamp(1_800_000_000, UTC)
        # The shop answers from another worker (or the automations): the writer did not see it.
        store.contacts.touch(CUSTOMER, last_outbound_ms=1_800_000_090_000)
        seqs3, befores3 = _one(store, _rows("박지훈", 1_800_000_120, third))
        before = befores3[CUSTOMER]
        assert before is not None  # the away rule sees the shop's answer
        assert before.last_outbound_at == datetime.fromtimestamp(1_800_000_090, UTC)
        assert before.last_inbound_at == datetime.fromtimestamp(1_800_000_060, UTC)
        # Meta delivers the third message again, in a later batch: stored once, answered once.
        assert store.ingest_many([_rows("박지훈", 1_800_000_120, third)]) == [([], {})]
        # A customer another worker stored first is not greeted as new by this one.
        other = "821055509876"
        store.contacts.touch(other, last_inbound_ms=1_799_999_000_000, profile_name="최유나")
        payload = inbound("text", "또 왔어요", sender=other, name="최유나", timestamp=1_800_000_200)
        seqs4, befores4 = _one(store, intake_rows(parse_webhook(payload)))
        assert len(seqs4) == 1 and befores4[other] is not None
        assert seqs1[0] < seqs2[0] < seqs3[0] < seqs4[0]
        row = store.contacts.get(CUSTOMER)
        assert row is not None and row.last_inbound_at == datetime.fromtimestamp(1_800_000_120, UTC)
        assert row.last_outbound_at == datetime.fromtimestamp(1_800_000_090, UTC)
    finally:
        store.close()
