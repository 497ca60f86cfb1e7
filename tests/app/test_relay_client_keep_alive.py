"""Over a slow hotspot, the relay's keep-alive timeout can run out while the next request is on its
way: the connection closes with no answer. The request never reached the relay, so the client asks
again on a new connection instead of calling the relay unreachable."""

from __future__ import annotations

from app.relay_client import RelayClient
from app.sending import send_body
from tests.support.bad_network import Mode, bad_network
from tests.support.relay_server import RunningRelay, inbound


def test_a_keep_alive_connection_closed_under_a_request_is_asked_again_on_a_new_one(
    relay: RunningRelay,
) -> None:
    assert relay.port is not None and relay.graph is not None
    relay.post_webhook(inbound(content="내일 받을 수 있나요?", sender="821012121212", name="노하늘"))
    with bad_network(relay.port) as network, RelayClient(network.url, relay.token) as client:
        network.mode = Mode.STALE_KEEP_ALIVE
        # The poll goes on connections of its own (a stop cuts them): each is kept alive.
        assert client.events(0, wait=0).events
        assert client.push_order_statuses([]) == 0
        body = {**send_body("text", "네, 내일 도착해요"), "to": "821012121212"}
        assert client.send_message(body, "key-keep-alive").wamid
        assert client.get_automations().revision >= 0
        assert client.events(0, wait=0).events
        assert network.stale_closes == 3
    assert [b["text"]["body"] for b in relay.graph.sent] == ["네, 내일 도착해요"]
