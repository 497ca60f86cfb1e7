"""What any answer of the relay tells a stranger: no cache may keep it, no browser may sniff or frame
it, no Host header steers it, no other origin may read it, and it names no server software."""

from __future__ import annotations

import httpx

from tests.support.relay_server import VERIFY_TOKEN, RunningRelay, inbound

# Meta's handshake, with a challenge that would be a script were it ever taken for HTML.
HANDSHAKE = {
    "hub.mode": "subscribe",
    "hub.verify_token": VERIFY_TOKEN,
    "hub.challenge": "<script>x()</script>",
}
SAFE = {
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}


def _answers(relay: RunningRelay) -> dict[str, httpx.Response]:
    client, url = relay.client, relay.url
    return {
        "events": client.get(f"{url}/v1/events", headers=relay.auth()),
        "unauthorised": client.get(f"{url}/v1/events", headers={"Authorization": "Bearer wrong"}),
        "healthz": client.get(f"{url}/healthz"),
        "readyz": client.get(f"{url}/readyz"),
        "webhook": relay.post_webhook(inbound("text", "안녕하세요")),
        "bad signature": relay.post_webhook(inbound(), secret="not-the-app-secret"),
        "no such address": client.get(f"{url}/.env"),
        "handshake": client.get(f"{url}/webhook", params=HANDSHAKE),
    }


def test_every_answer_is_uncacheable_unsniffable_unframeable_and_anonymous(relay: RunningRelay) -> None:
    for what, answer in _answers(relay).items():
        for name, value in SAFE.items():
            assert answer.headers.get(name) == value, (what, name, answer.headers)
        assert "server" not in answer.headers, what
    echoed = _answers(relay)["handshake"]
    assert echoed.text == HANDSHAKE["hub.challenge"]
    assert echoed.headers["content-type"].startswith("text/plain")


def test_a_forged_host_header_never_becomes_a_redirects_address(relay: RunningRelay) -> None:
    moved = relay.client.get(
        f"{relay.url}/healthz/?from=monitor",
        headers={"Host": "evil.example", "X-Forwarded-Host": "evil.example"},
    )
    assert moved.status_code == 307
    assert moved.headers["location"] == "/healthz?from=monitor"


def test_no_other_origin_may_read_the_relay_from_a_browser(relay: RunningRelay) -> None:
    origin = {"Origin": "https://evil.example"}
    preflight = relay.client.options(
        f"{relay.url}/v1/events",
        headers={
            **origin,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "authorization",
        },
    )
    assert "access-control-allow-origin" not in preflight.headers
    answer = relay.client.get(f"{relay.url}/v1/events", headers={**origin, **relay.auth()})
    assert "access-control-allow-origin" not in answer.headers
