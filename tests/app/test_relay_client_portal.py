"""A hotspot's captive portal answering for the relay: every call says "sign in to the network", none
raises a parse error, and nothing of the portal's (its page, its clock) is taken for the relay's."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import relay_clock
from app.errors import ErrorCode, RelayUnreachable
from app.relay_client import RelayClient
from app.sending import send_body
from tests.support.bad_network import Mode, bad_network
from tests.support.relay_server import RunningRelay


@pytest.mark.parametrize("mode", [Mode.PORTAL_200, Mode.PORTAL_302])
def test_every_call_through_a_captive_portal_asks_the_owner_to_sign_in(
    relay: RunningRelay, tmp_path: Path, mode: Mode
) -> None:
    assert relay.port is not None
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + bytes(2048))
    relay_clock.forget()
    with bad_network(relay.port) as network, RelayClient(network.url, relay.token) as client:
        network.mode = mode
        calls = [
            lambda: client.events(0, wait=0),
            lambda: client.send_message({**send_body("text", "hi"), "to": "821000000000"}, "key-1"),
            lambda: client.upload_media(photo, "image/jpeg"),
            lambda: client.download_media("123456", tmp_path / "fetched"),
            lambda: client.get_automations(),
            lambda: client.push_order_statuses([]),
        ]
        for call in calls:
            with pytest.raises(RelayUnreachable) as caught:
                call()
            assert caught.value.code is ErrorCode.NETWORK_SIGN_IN
            assert not caught.value.request_sent  # the relay never got it: a waiting reply may be taken back
        assert network.portal_answers == len(calls)
        assert not (tmp_path / "fetched").exists() or (tmp_path / "fetched").read_bytes() == b""
        assert relay_clock.offset().total_seconds() == 0  # the portal's Date is not the relay's clock

        network.mode = Mode.PASS
        network.drop_all()
        assert client.events(0, wait=0).next >= 0  # signed in: the relay answers again
