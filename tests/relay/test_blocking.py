"""Blocking a customer: Graph's Block Users API where Meta allows it, the relay's own block otherwise;
either way no greeting, away message or bot answers a blocked customer."""

from __future__ import annotations

from tests.support.fake_graph import FakeGraph
from tests.support.relay_server import RunningRelay, inbound


def test_blocking_a_customer_puts_them_on_whatsapps_block_list_and_silences_the_away_message(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    relay.put_rules(away={"enabled": True, "text": "지금은 부재중입니다", "schedule": "always"})
    relay.post_webhook(inbound("text", "광고 보내드려요", sender="821033334444"))
    events = relay.wait_for_events(3)  # the rules' settings event, the message, the away message
    assert [e["kind"] for e in events][-2:] == ["message", "outbound"]
    assert len(graph.sent) == 1

    answer = relay.client.post(f"{relay.url}/v1/contacts/821033334444/block", headers=relay.auth())
    assert answer.status_code == 200, answer.text
    assert answer.json() == {
        "wa_id": "821033334444",
        "blocked": True,
        "on_whatsapp": True,
        "graph_code": None,
    }
    assert graph.blocked == {"821033334444"}

    relay.post_webhook(inbound("text", "또 보내요", sender="821033334444"))
    events = relay.wait_for_events(1, after=events[-1]["seq"])
    relay.events(after=events[-1]["seq"], wait=0.3)  # give a wrong away message time to show
    assert len(graph.sent) == 1  # no second away message

    answer = relay.client.delete(f"{relay.url}/v1/contacts/821033334444/block", headers=relay.auth())
    assert answer.json()["blocked"] is False
    assert graph.blocked == set()


def test_where_meta_refuses_to_block_the_relay_blocks_on_its_own(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    relay.put_rules(greeting={"enabled": True, "text": "안녕하세요!"})
    graph.block_refused.add("821055556666")
    answer = relay.client.post(f"{relay.url}/v1/contacts/821055556666/block", headers=relay.auth())
    assert answer.status_code == 200, answer.text
    assert answer.json()["on_whatsapp"] is False
    assert answer.json()["graph_code"] == 139100
    relay.post_webhook(inbound("text", "안녕하세요", sender="821055556666"))
    events = relay.wait_for_events(1)
    relay.events(after=events[-1]["seq"], wait=0.3)
    assert graph.sent == []  # not greeted


def test_a_block_needs_a_number(relay: RunningRelay) -> None:
    answer = relay.client.post(f"{relay.url}/v1/contacts/abc/block", headers=relay.auth())
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == "invalid"
