"""The phone app's history sync: a webhook of thousands of past messages is kept whole, once, in order."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest

from relay.intake import EVENTS_PER_COMMIT
from tests.support.fake_graph import FakeGraph
from tests.support.relay_server import PHONE_NUMBER_ID, RunningRelay, envelope, inbound

THREADS = 240
PER_THREAD = 50  # 12,000 messages: more than two commits' worth
START = 1_750_000_000


def customer(thread: int) -> str:
    return f"8210{thread:08d}"


def history_sync(threads: int = THREADS, per_thread: int = PER_THREAD) -> dict[str, Any]:
    """One `history` webhook as Meta sends a chunk of the phone app's past chats."""
    return envelope(
        {
            "history": [
                {
                    "metadata": {"phase": 0, "chunk_order": 1, "progress": 100},
                    "threads": [
                        {
                            "id": customer(t),
                            "messages": [
                                {
                                    "from": customer(t) if i % 2 == 0 else "15550783881",
                                    "id": f"wamid.HISTORY.{t:04d}.{i:03d}",
                                    "timestamp": str(START + t * per_thread + i),
                                    "type": "text",
                                    "text": {"body": f"지난 대화 {i}"},
                                    "history_context": {"status": "READ"},
                                }
                                for i in range(per_thread)
                            ],
                        }
                        for t in range(threads)
                    ],
                }
            ]
        },
        field_name="history",
    )


def sent_ids(payload: dict[str, Any]) -> list[str]:
    threads = payload["entry"][0]["changes"][0]["value"]["history"][0]["threads"]
    return [m["id"] for thread in threads for m in thread["messages"]]


def served_ids(relay: RunningRelay) -> list[str]:
    """Every message event the relay serves, in seq order (pages of 1,000 until the end)."""
    ids: list[str] = []
    after = 0
    while page := relay.events(after, limit=1000)["events"]:
        ids += [e["message"]["id"] for e in page if e["kind"] == "message"]
        after = page[-1]["seq"]
    return ids


def test_a_history_sync_of_twelve_thousand_messages_is_kept_once_in_order(relay: RunningRelay) -> None:
    payload = history_sync()
    assert len(sent_ids(payload)) > 2 * EVENTS_PER_COMMIT
    assert len(json.dumps(payload).encode()) < relay.settings.max_webhook_bytes
    assert relay.post_webhook(payload).status_code == 200
    assert served_ids(relay) == sent_ids(payload)
    # Meta delivers it again (a lost answer): nothing twice.
    assert relay.post_webhook(payload).status_code == 200
    assert len(served_ids(relay)) == len(sent_ids(payload))
    # Every customer of the past chats is a regular now, the first thread's as the last's.
    for thread in (0, THREADS - 1):
        row = relay.relay.store.contacts.get(customer(thread))
        assert row is not None and row.last_inbound_at is not None


def test_a_history_sync_cut_short_by_the_database_is_completed_by_metas_redelivery(
    relay: RunningRelay, tmp_path: Path
) -> None:
    if not relay.settings.database_url.startswith("sqlite"):
        pytest.skip("fails a commit of the SQLite file on purpose")
    payload = history_sync()
    ids = sent_ids(payload)
    # The database fails the second commit (a full disk, say), after the first one was stored.
    con = sqlite3.connect(tmp_path / "relay.db")
    con.execute(
        "CREATE TRIGGER fail_once BEFORE INSERT ON event "
        f"WHEN NEW.dedupe_key = 'm:{ids[EVENTS_PER_COMMIT + 10]}' BEGIN SELECT json('{{not json'); END"
    )
    con.commit()
    assert relay.post_webhook(payload).status_code == 503  # Meta delivers it again
    assert served_ids(relay) == ids[:EVENTS_PER_COMMIT]
    con.execute("DROP TRIGGER fail_once")
    con.commit()
    con.close()
    assert relay.post_webhook(payload).status_code == 200
    assert served_ids(relay) == ids


def test_one_malformed_message_in_a_large_history_sync_is_refused_by_name_and_nothing_stored(
    relay: RunningRelay,
) -> None:
    payload = history_sync()
    threads = payload["entry"][0]["changes"][0]["value"]["history"][0]["threads"]
    del threads[-1]["messages"][-1]["id"]  # the very last of 12,000, after two commits' worth
    refused = relay.post_webhook(payload)
    assert refused.status_code == 400
    assert refused.json()["error"]["code"] == "malformed"
    assert refused.json()["error"]["params"] == {"reason": "message_id_missing"}
    assert relay.events()["events"] == []


def test_the_body_size_limit_still_protects_the_relay(relay: RunningRelay) -> None:
    """No count of events is refused, but a body beyond RELAY_MAX_WEBHOOK_BYTES still is."""
    payload = history_sync(threads=600, per_thread=100)
    assert len(json.dumps(payload).encode()) > relay.settings.max_webhook_bytes
    assert relay.post_webhook(payload).status_code == 413
    assert relay.events()["events"] == []


def test_past_chats_say_which_of_the_shops_numbers_they_were_on(relay: RunningRelay) -> None:
    """A shop whose second branch's phone joined with its past chats: they name that number too."""
    payload = history_sync(threads=1, per_thread=2)
    payload["entry"][0]["changes"][0]["value"]["metadata"]["display_phone_number"] = "+82 2-555-0202"
    assert relay.post_webhook(payload).status_code == 200
    events = relay.events()["events"]
    assert [e["display_phone_number"] for e in events] == ["+82 2-555-0202"] * 2


SECOND_NUMBER = "106540352242933"  # the second branch, whose phone app backfills its past chats


def second_branchs_past_chat(hours_ago: float) -> dict[str, Any]:
    """The second branch's phone backfills one chat: the customer's message `hours_ago`, then its answer."""
    payload = history_sync(threads=1, per_thread=2)
    value = payload["entry"][0]["changes"][0]["value"]
    value["metadata"]["phone_number_id"] = SECOND_NUMBER
    for message in value["history"][0]["threads"][0]["messages"]:
        message["timestamp"] = str(int(time.time() - hours_ago * 3600))
    return payload


def reply(number: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"to": customer(0), "type": "text", "text": {"body": "네, 있습니다"}}
    return body if number is None else {**body, "from": number}


def test_a_past_message_to_the_second_branch_opens_that_branchs_window(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    """She wrote to the first branch an hour ago; the second branch's phone then backfilled her
    message to it of three hours ago: its window is open, and the second branch may answer."""
    now = int(time.time())
    assert (
        relay.post_webhook(
            inbound("text", "재고 있나요?", sender=customer(0), timestamp=now - 3600)
        ).status_code
        == 200
    )
    assert relay.post_webhook(second_branchs_past_chat(hours_ago=3)).status_code == 200
    assert relay.send(reply(SECOND_NUMBER), "second").json()["status"] == "sent"
    assert relay.send(reply(), "her-last-number").json()["status"] == "sent"
    assert graph.sent_from == [SECOND_NUMBER, PHONE_NUMBER_ID]


def test_a_customer_known_only_from_the_second_branchs_past_chats_is_answered_from_it(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    assert relay.post_webhook(second_branchs_past_chat(hours_ago=2)).status_code == 200
    assert relay.send(reply(), "reply").json()["status"] == "sent"
    assert graph.sent_from == [SECOND_NUMBER]
