"""Sending through the relay: idempotency keys, 409 in flight, limits, the 24-hour window, Graph's errors."""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from relay.storage.send_keys import SendOwner
from relay.upstream import OUTSIDE_WINDOW_SENTENCE, GraphError
from tests.support.fake_graph import FakeGraph, expired_token, graph_error
from tests.support.relay_server import ACCESS_TOKEN, RunningRelay, inbound, run_relay

CUSTOMER = "821012345678"


def text(body: str = "네, 오늘 발송됩니다!") -> dict[str, Any]:
    return {"to": CUSTOMER, "type": "text", "text": {"body": body}}


@pytest.fixture
def window_open(relay: RunningRelay) -> RunningRelay:
    relay.post_webhook(inbound("text", "배송 언제 되나요?", sender=CUSTOMER))
    return relay


def test_the_same_key_sends_once_and_answers_the_first_result_again(
    window_open: RunningRelay, graph: FakeGraph
) -> None:
    first = window_open.send(text(), "client-1")
    again = window_open.send(text(), "client-1")
    assert first.status_code == again.status_code == 200
    assert first.json() == again.json()
    assert first.json()["wamid"].startswith("wamid.FAKE")
    assert len(graph.sent) == 1
    assert graph.sent[0]["biz_opaque_callback_data"] == "client-1"
    outbound = [e for e in window_open.events()["events"] if e["kind"] == "outbound"]
    assert [(e["client_id"], e["wamid"], e["sent_by"]) for e in outbound] == [
        ("client-1", first.json()["wamid"], "owner")
    ]


def test_a_send_cut_short_by_a_shutdown_is_unknown_at_once_after_restart(
    window_open: RunningRelay, graph: FakeGraph
) -> None:
    # The relay stopped while its own send held a fresh lease: it answers that key itself on the
    # way down, instead of leaving the client to wait for the lease to run out.
    own = window_open.relay.owner
    assert window_open.relay.store.sends.reserve("stopping-1", own, lease_ms=600_000)[0] == "new"
    window_open.stop()
    window_open.start()
    r = window_open.send(text(), "stopping-1")
    assert r.json() == {"client_id": "stopping-1", "wamid": None, "status": "unknown"}
    assert graph.send_calls == 0


def test_a_live_lease_keeps_a_key_in_flight_and_graph_busy_releases_it_whatever_its_state(
    window_open: RunningRelay, graph: FakeGraph
) -> None:
    sends = window_open.relay.store.sends
    other = SendOwner("other-host:77", started_ms=5)
    assert sends.reserve("busy-3", other, lease_ms=600_000)[0] == "new"
    assert sends.resolve_abandoned() == 0  # its worker still vouches for it
    assert window_open.send(text(), "busy-3").status_code == 409
    assert sends.resolve_abandoned(stopped=other) == 1  # that worker said it stopped
    assert window_open.send(text(), "busy-3").json()["status"] == "unknown"
    sends.release("busy-3")  # what a 503 graph_busy does: the unknown was wrong, Graph refused it
    r = window_open.send(text(), "busy-3")
    assert (r.status_code, r.json()["status"]) == (200, "sent")
    assert len(graph.sent) == 1


def test_a_key_still_in_flight_gets_409(window_open: RunningRelay, graph: FakeGraph) -> None:
    graph.script.append({"hang": 1.0})
    results: list[int] = []
    gate = threading.Event()

    def slow() -> None:
        gate.set()
        with httpx.Client(timeout=30) as c:
            r = c.post(
                f"{window_open.url}/v1/messages",
                json=text(),
                headers={**window_open.auth(), "Idempotency-Key": "k"},
            )
        results.append(r.status_code)

    thread = threading.Thread(target=slow)
    thread.start()
    gate.wait()
    assert graph.arrived.wait(10)  # the relay reserved the key before calling Graph
    second = window_open.send(text(), "k")
    assert second.status_code == 409
    assert second.json()["error"]["retryable"] is True
    thread.join()
    assert results == [200]


TEMPLATE = {
    "to": CUSTOMER,
    "type": "template",
    "template": {"name": "order_update", "language": {"code": "ko"}},
}


def test_a_reply_to_a_customer_the_relay_never_saw_goes_to_whatsapp(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    # A relay on an empty database (new host, fresh start) cannot know the window is closed.
    r = relay.send(text(), "cold-1")
    assert (r.status_code, r.json()["status"]) == (200, "sent")
    assert [m["to"] for m in graph.sent] == [CUSTOMER]


def test_whatsapp_refusing_a_closed_window_is_the_relays_own_outside_window_answer(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    graph.closed_windows.add(CUSTOMER)
    r = relay.send(text(), "cold-2")
    assert r.status_code == 422
    error = r.json()["error"]
    assert (error["code"], error["graph_code"], error["retryable"]) == ("outside_window", 131047, False)
    assert error["message"] == OUTSIDE_WINDOW_SENTENCE
    assert graph.send_calls == 1 and graph.sent == []
    # Final under its key: the desktop's retry gets the same answer, and Graph is not asked again.
    again = relay.send(text(), "cold-2")
    assert (again.status_code, again.json()) == (422, r.json())
    assert graph.send_calls == 1
    assert relay.send(TEMPLATE, "cold-3").status_code == 200
    assert [m["type"] for m in graph.sent] == ["template"]


def test_a_customer_the_relay_saw_write_25_hours_ago_is_refused_without_asking_whatsapp(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    relay.post_webhook(inbound("text", "배송 언제 되나요?", sender=CUSTOMER))
    relay.relay.clock = lambda: datetime.now(UTC) + timedelta(hours=25)
    r = relay.send(text(), "late-1")
    assert r.status_code == 422
    assert r.json()["error"] == {
        "code": "outside_window",
        "message": OUTSIDE_WINDOW_SENTENCE,
        "graph_code": 131047,
        "retryable": False,
        "params": {},
    }
    assert graph.send_calls == 0
    assert relay.send(TEMPLATE, "late-2").status_code == 200
    assert len(graph.sent) == 1


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (text("x" * 4097), "4096"),
        (text("   "), "empty"),
        ({"to": "abc", "type": "text", "text": {"body": "hi"}}, "international"),
        (
            {
                "to": CUSTOMER,
                "type": "interactive",
                "interactive": {
                    "type": "button",
                    "body": {"text": "Size?"},
                    "action": {
                        "buttons": [
                            {"type": "reply", "reply": {"id": str(i), "title": f"B{i}"}} for i in range(4)
                        ]
                    },
                },
            },
            "between 1 and 3",
        ),
        (
            {
                "to": CUSTOMER,
                "type": "interactive",
                "interactive": {
                    "type": "button",
                    "body": {"text": "Size?"},
                    "action": {
                        "buttons": [
                            {"type": "reply", "reply": {"id": "1", "title": "A title longer than twenty"}}
                        ]
                    },
                },
            },
            "20",
        ),
        (
            {
                "to": CUSTOMER,
                "type": "interactive",
                "interactive": {
                    "type": "list",
                    "body": {"text": "Which?"},
                    "action": {
                        "button": "Choose",
                        "sections": [
                            {
                                "title": "All",
                                "rows": [{"id": str(i), "title": f"Item {i}"} for i in range(11)],
                            }
                        ],
                    },
                },
            },
            "10 rows",
        ),
        ({"to": CUSTOMER, "type": "image", "image": {"id": "1", "caption": "c" * 1025}}, "1024"),
    ],
)
def test_whatsapp_limits_are_checked_before_graph(
    window_open: RunningRelay, graph: FakeGraph, body: dict[str, Any], words: str
) -> None:
    r = window_open.send(body, f"bad-{words}")
    assert r.status_code == 400
    assert words in r.json()["error"]["message"]
    assert graph.sent == []


def test_throttling_is_retried_and_the_message_goes_once(window_open: RunningRelay, graph: FakeGraph) -> None:
    graph.script += [graph_error(429, 130429, "Rate limit hit"), graph_error(400, 131056, "Pair rate limit")]
    r = window_open.send(text(), "busy-1")
    assert r.status_code == 200
    assert len(graph.sent) == 1


def test_still_busy_after_retries_stores_nothing_so_the_client_retry_sends(
    window_open: RunningRelay, graph: FakeGraph
) -> None:
    graph.script += [graph_error(503, 2, "Service temporarily unavailable")] * 4
    r = window_open.send(text(), "busy-2")
    assert r.status_code == 503
    assert r.json()["error"]["retryable"] is True
    assert graph.send_calls == 4  # Graph's temporary error (code 2) was retried with backoff
    again = window_open.send(text(), "busy-2")
    assert again.status_code == 200
    assert len(graph.sent) == 1


def test_a_graph_timeout_after_sending_is_unknown_and_never_resent(
    window_open: RunningRelay, graph: FakeGraph
) -> None:
    graph.script.append({"hang": 3.0})  # longer than the relay's 2 s Graph timeout in tests
    r = window_open.send(text(), "slow-1")
    assert r.json()["status"] == "unknown"
    assert window_open.send(text(), "slow-1").json()["status"] == "unknown"
    assert len(graph.sent) <= 1  # at most the one that got through late


def test_a_5xx_that_is_not_graphs_own_error_is_unknown_and_never_resent(
    window_open: RunningRelay, graph: FakeGraph
) -> None:
    graph.script.append({"status": 502, "body": {}})  # e.g. a proxy in front of Graph gave up
    r = window_open.send(text(), "proxy-502")
    assert (r.status_code, r.json()["status"]) == (200, "unknown")
    assert window_open.send(text(), "proxy-502").json() == r.json()
    assert graph.send_calls == 1


def test_graph_refusals_become_a_plain_sentence_with_graph_code(
    window_open: RunningRelay, graph: FakeGraph
) -> None:
    graph.script.append(graph_error(400, 131026, "Message Undeliverable."))
    r = window_open.send(text(), "refused-1")
    assert r.status_code == 422
    err = r.json()["error"]
    assert err["graph_code"] == 131026 and err["retryable"] is False
    assert "could not be delivered" in err["message"]
    assert window_open.send(text(), "refused-1").json() == r.json()
    assert graph.sent == []


def test_an_expired_meta_token_is_one_warning_naming_the_setting_and_the_fix(
    window_open: RunningRelay, graph: FakeGraph, caplog: pytest.LogCaptureFixture
) -> None:
    graph.script.append(expired_token())
    with caplog.at_level(logging.INFO, logger="relay"):
        r = window_open.send(text("비밀 주소 성수동"), "expired-1")
    assert r.status_code == 422 and r.json()["error"]["graph_code"] == 190
    warnings = [rec.getMessage() for rec in caplog.records if rec.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "WHATSAPP_ACCESS_TOKEN" in warnings[0] and "restart the relay" in warnings[0]
    assert not any("성수동" in rec.getMessage() or ACCESS_TOKEN in rec.getMessage() for rec in caplog.records)
    assert graph.sent == []


def test_sending_needs_the_token_and_an_idempotency_key(window_open: RunningRelay) -> None:
    r = window_open.client.post(f"{window_open.url}/v1/messages", json=text(), headers=window_open.auth())
    assert r.status_code == 400 and "Idempotency-Key" in r.json()["error"]["message"]
    r = window_open.client.post(
        f"{window_open.url}/v1/messages", json=text(), headers={"Idempotency-Key": "x"}
    )
    assert r.status_code == 401


def test_read_receipts_and_templates_reach_graph(window_open: RunningRelay, graph: FakeGraph) -> None:
    r = window_open.client.post(f"{window_open.url}/v1/messages/wamid.IN1/read", headers=window_open.auth())
    assert r.status_code == 200 and graph.read_receipts == ["wamid.IN1"]
    graph.templates = [
        {
            "name": "order_update",
            "language": "ko",
            "category": "UTILITY",
            "status": "APPROVED",
            "components": [
                {"type": "BODY", "text": "{{1}}님, {{2}} 발송", "example": {"body_text": [["민지", "셔츠"]]}}
            ],
        },
        {"name": "draft", "language": "en", "category": "MARKETING", "status": "PENDING", "components": []},
    ]
    templates = window_open.client.get(f"{window_open.url}/v1/templates", headers=window_open.auth()).json()[
        "templates"
    ]
    assert [t["name"] for t in templates] == ["order_update"]
    assert templates[0]["parameters"] == [
        {"component": "body", "index": 1, "example": "민지"},
        {"component": "body", "index": 2, "example": "셔츠"},
    ]


def test_a_read_receipt_goes_from_the_number_the_customer_wrote_to(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    second_number = "206540352242999"  # the shop's other business number
    message = inbound("text", "두 번째 번호로 문의드려요", message_id="wamid.ON_SECOND")
    message["entry"][0]["changes"][0]["value"]["metadata"]["phone_number_id"] = second_number
    relay.post_webhook(message)
    r = relay.client.post(f"{relay.url}/v1/messages/wamid.ON_SECOND/read", headers=relay.auth())
    assert r.status_code == 200
    assert (graph.read_receipts, graph.read_receipt_numbers) == (["wamid.ON_SECOND"], [second_number])
    reply = relay.send(text("네, 확인했습니다"), "reply-on-second")
    assert reply.status_code == 200
    assert (graph.sent[-1]["to"], graph.sent_from[-1]) == (CUSTOMER, second_number)  # the answer too


def test_a_send_cut_short_by_a_relay_crash_is_unknown_after_restart_never_resent(
    window_open: RunningRelay, graph: FakeGraph
) -> None:
    # A relay process died between reserving the key and hearing Graph's answer: its lease ran out.
    dead = SendOwner("gone-host:4242", started_ms=1)
    assert window_open.relay.store.sends.reserve("crashed-1", dead, lease_ms=-1)[0] == "new"
    window_open.stop()
    window_open.start()
    r = window_open.send(text(), "crashed-1")
    assert r.status_code == 200
    assert r.json() == {"client_id": "crashed-1", "wamid": None, "status": "unknown"}
    assert graph.send_calls == 0


def test_graph_out_of_reach_is_one_warning_naming_the_cause_never_busy(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Nothing listens on the default test Graph address: every try is a ConnectError.
    with run_relay(tmp_path) as relay:
        relay.post_webhook(inbound("text", "배송 언제 되나요?", sender=CUSTOMER))
        with caplog.at_level(logging.INFO, logger="relay"):
            r = relay.send(text("비밀 주소 성수동"), "unreachable-1")
    assert r.status_code == 503 and r.json()["error"]["retryable"] is True
    # Not WhatsApp's rate limit (graph_busy, seconds): the relay's own way out is down.
    assert r.json()["error"]["code"] == "graph_unreachable"
    lines = [(rec.levelno, rec.getMessage()) for rec in caplog.records if rec.name.startswith("relay")]
    warnings = [message for level, message in lines if level == logging.WARNING]
    assert len(warnings) == 1 and warnings[0].startswith("Graph unreachable: ConnectError")
    assert not any("graph busy" in message or "send failed" in message for _, message in lines)
    assert not any("성수동" in message or ACCESS_TOKEN in message for _, message in lines)


def test_a_graph_error_of_a_call_that_is_not_a_message_does_not_say_message() -> None:
    unreachable = GraphError(503, None, "Graph unreachable: ConnectError", True, unreachable="ConnectError")
    assert unreachable.sentence() == "WhatsApp's servers could not be reached (ConnectError)."
    refused = GraphError(400, 33, "Unsupported post request", False)
    assert refused.sentence() == "WhatsApp refused the request: Unsupported post request"
    assert refused.sentence("the message") == "WhatsApp refused the message: Unsupported post request"
    assert (
        GraphError(400, 100, "Invalid parameter", False).sentence()
        == "WhatsApp refused the request as invalid."
    )


def test_every_graph_call_graph_cannot_be_reached_for_says_graph_unreachable(tmp_path: Path) -> None:
    """As a send does (a photo's upload, a read receipt, the templates' list, a block or unblock): the
    desktop then says the relay cannot reach WhatsApp, not "sending…" nor "WhatsApp refused it"."""
    # Nothing listens on the default test Graph address: every try is a ConnectError.
    with run_relay(tmp_path) as relay:
        relay.post_webhook(inbound("text", "사진 보내드릴게요", sender=CUSTOMER, message_id="wamid.READ1"))
        upload = relay.client.post(
            f"{relay.url}/v1/media",
            content=b"\xff\xd8\xff\xe0" + b"photo" * 100,
            headers={**relay.auth(), "Content-Type": "image/jpeg"},
        )
        read = relay.client.post(f"{relay.url}/v1/messages/wamid.READ1/read", headers=relay.auth())
        templates = relay.client.get(f"{relay.url}/v1/templates", headers=relay.auth())
        block = relay.client.post(f"{relay.url}/v1/contacts/{CUSTOMER}/block", headers=relay.auth())
        unblock = relay.client.delete(f"{relay.url}/v1/contacts/{CUSTOMER}/block", headers=relay.auth())
        # A block WhatsApp never heard of is not kept as done: the desktop asks again later.
        assert not relay.relay.store.blocked.is_blocked(CUSTOMER)
    for r in (upload, read, templates, block, unblock):
        assert r.status_code == 503, r.request.url
        assert (r.json()["error"]["code"], r.json()["error"]["retryable"]) == ("graph_unreachable", True)


def test_a_late_delivered_message_to_the_other_number_does_not_move_where_replies_go(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    """She wrote to the shop's second number a minute ago; Meta then delivered, hours late, her
    morning message to the first. A reply without `from` goes from the number she last wrote to:
    the second, whose window is open, not the first, whose window may be closed (131047)."""
    now = int(datetime.now(UTC).timestamp())
    second_number = "206540352242999"  # the shop's other business number
    message = inbound("text", "두 번째 번호로 문의드려요", timestamp=now - 60)
    message["entry"][0]["changes"][0]["value"]["metadata"]["phone_number_id"] = second_number
    assert relay.post_webhook(message).status_code == 200
    late = inbound("text", "오전에 첫 번째 번호로 보낸 문의", timestamp=now - 5 * 3600)
    assert relay.post_webhook(late).status_code == 200
    reply = relay.send(text("네, 확인했습니다"), "reply-after-late")
    assert reply.status_code == 200
    assert (graph.sent[-1]["to"], graph.sent_from[-1]) == (CUSTOMER, second_number)

    # Her next message, to the first number, is her newest: replies go from it.
    relay.post_webhook(inbound("text", "첫 번째 번호로 다시 문의", timestamp=now))
    assert relay.send(text("네"), "reply-after-newest").status_code == 200
    assert graph.sent_from[-1] == "106540352242922"
