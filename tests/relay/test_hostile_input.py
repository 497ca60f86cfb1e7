"""Signed but hostile webhooks, poisoned rows, odd media ids and secrets: the feed keeps working."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import insert

from app.wire import EventsPage, RelayErrorCode, UnreadableEvent
from relay.storage.tables import events, media
from relay.store import IntakeRows, NewEvent
from tests.support.fake_graph import FakeGraph
from tests.support.relay_server import VERIFY_TOKEN, RunningRelay, inbound, wamid


def _text(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False)


def _with_message(**changes: Any) -> Callable[[], bytes]:
    def build() -> bytes:
        payload = inbound("text", "hi")
        payload["entry"][0]["changes"][0]["value"]["messages"][0].update(changes)
        return _text(payload).encode()

    return build


def _raw_swap(old: str, new: str) -> Callable[[], bytes]:
    def build() -> bytes:
        return _text(inbound("text", "hi")).replace(old, new, 1).encode()

    return build


def _metadata(value: Any) -> Callable[[], bytes]:
    def build() -> bytes:
        payload = inbound("text", "hi")
        payload["entry"][0]["changes"][0]["value"]["metadata"] = value
        return _text(payload).encode()

    return build


def _changes(value: Any) -> Callable[[], bytes]:
    def build() -> bytes:
        payload = inbound("text", "hi")
        payload["entry"][0]["changes"] = value
        return _text(payload).encode()

    return build


def _media_id(media_id: str) -> Callable[[], bytes]:
    def build() -> bytes:
        return _text(inbound("image", {"id": media_id, "mime_type": "image/jpeg"})).encode()

    return build


POISON: dict[str, tuple[Callable[[], bytes], str]] = {
    "nan": (_raw_swap('"hi"', "NaN"), "nan_or_infinity"),
    "infinity": (_raw_swap('"hi"', "-Infinity"), "nan_or_infinity"),
    "1e999": (_raw_swap('"hi"', "1e999"), "number_out_of_range"),
    "huge integer": (_raw_swap('"hi"', "1" + "0" * 30), "number_out_of_range"),
    "deep nesting": (_raw_swap('"hi"', "[" * 100_000 + "]" * 100_000), "too_deep"),
    "65 levels": (_raw_swap('"hi"', "[" * 65 + "]" * 65), "too_deep"),
    "lone surrogate": (_raw_swap('"hi"', '"\\ud800 x"'), "lone_surrogate"),
    "not utf-8": (lambda: _text(inbound("text", "hi")).encode().replace(b'"hi"', b'"\xff\xfe"'), "not_utf8"),
    "25-digit timestamp": (_with_message(timestamp="1" * 25), "timestamp_too_long"),
    "timestamp not digits": (_with_message(timestamp="yesterday"), "timestamp_invalid"),
    "list as sender": (_with_message(**{"from": ["821012345678"]}), "from_not_a_string"),
    "message without id": (_with_message(id=None), "message_id_missing"),
    "message id with NUL": (_with_message(id="wamid.A\u0000B"), "message_id_invalid"),
    "metadata a string": (_metadata("x"), "metadata_not_an_object"),
    "changes a float": (_changes(1.5), "change_not_a_list"),
    "media id with NUL": (_media_id("12\u00003"), "media_id_invalid"),
    "media id with ..": (_media_id("../../etc/passwd"), "media_id_invalid"),
    "media id of 31 digits": (_media_id("1" * 31), "media_id_invalid"),
}


def _message_part(kind: str, content: Any) -> Callable[[], bytes]:
    def build() -> bytes:
        return _text(inbound(kind, content)).encode()

    return build


def _profile(value: Any) -> Callable[[], bytes]:
    def build() -> bytes:
        payload = inbound("text", "hi")
        payload["entry"][0]["changes"][0]["value"]["contacts"][0]["profile"] = value
        return _text(payload).encode()

    return build


# Signed webhooks whose parts are of an odd type where Meta sends an object: the feed can serve them
# (they are a customer's message all the same), so they are stored, answered 200, and automations
# that cannot read them pass over them. A 400 after storing would have Meta deliver it again and again.
ODD_PARTS: dict[str, Callable[[], bytes]] = {
    "text a string": _message_part("text", "hi"),
    "text's body a number": _message_part("text", {"body": 5}),
    "interactive a string": _message_part("interactive", "x"),
    "interactive a list": _message_part("interactive", ["x"]),
    "list_reply a string": _message_part("interactive", {"type": "list_reply", "list_reply": "x"}),
    "button_reply a number": _message_part("interactive", {"type": "button_reply", "button_reply": 7}),
    "button a string": _message_part("button", "x"),
    "image a string": _message_part("image", "x"),
    "image caption an object": _message_part("image", {"id": "123", "caption": {"a": 1}}),
    "document a list": _message_part("document", ["x"]),
    "profile a string": _profile("x"),
}


@pytest.mark.parametrize("name", sorted(ODD_PARTS))
def test_a_message_with_a_part_of_an_odd_type_is_stored_and_served_and_the_feed_goes_on(
    relay: RunningRelay, name: str
) -> None:
    r = relay.post_webhook(None, raw=ODD_PARTS[name]())
    assert r.status_code == 200, r.text
    assert relay.post_webhook(inbound("text", "그 다음 주문")).status_code == 200
    page = EventsPage.model_validate(relay.events())
    assert [e.kind for e in page.events] == ["message", "message"]


@pytest.mark.parametrize("name", sorted(POISON))
def test_a_webhook_the_feed_could_not_serve_is_refused_with_its_reason_and_never_stored(
    relay: RunningRelay, name: str, caplog: pytest.LogCaptureFixture
) -> None:
    build, reason = POISON[name]
    with caplog.at_level(logging.INFO, logger="relay"):
        r = relay.post_webhook(None, raw=build())
    assert r.status_code == 400
    body = r.json()["error"]
    assert (body["code"], body["params"]["reason"]) == (RelayErrorCode.MALFORMED, reason)
    refusals = [rec.getMessage() for rec in caplog.records if "webhook refused" in rec.getMessage()]
    assert refusals == [f"webhook refused: status=400 reason={reason}"]  # once, key=value, no body
    assert relay.post_webhook(inbound("text", "그 다음 주문")).status_code == 200
    page = EventsPage.model_validate(relay.events())
    assert [e.kind for e in page.events] == ["message"]  # only the good one, served fine


def test_an_escaped_surrogate_pair_and_odd_but_valid_text_are_accepted(relay: RunningRelay) -> None:
    raw = _text(inbound("text", "hi")).replace('"hi"', '"\\ud83d\\ude00 \\u0000 \u202e\uffff"').encode()
    assert relay.post_webhook(None, raw=raw).status_code == 200
    [event] = relay.events()["events"]
    assert event["message"]["text"]["body"] == "😀 \x00 \u202e\uffff"


def test_one_unstorable_webhook_in_a_group_commit_fails_alone(relay: RunningRelay) -> None:
    good = [
        IntakeRows([NewEvent("message", {"message": {"id": f"g{i}"}}, None, f"m:g{i}")]) for i in range(3)
    ]
    # A row that bypassed intake's checks (a lone surrogate cannot be encoded for the database).
    bad = IntakeRows([NewEvent("message", {"message": {"id": "\ud800"}}, None, "m:bad")])
    results = relay.relay.store.ingest_many([good[0], bad, good[1], good[2]])
    assert isinstance(results[1], Exception)
    assert all(not isinstance(results[i], Exception) for i in (0, 2, 3))
    ids = [e["message"]["id"] for e in relay.events()["events"]]
    assert ids == ["g0", "g1", "g2"]


def test_a_stored_event_that_cannot_be_served_becomes_an_unreadable_event_in_its_place(
    relay: RunningRelay,
) -> None:
    relay.post_webhook(inbound("text", "before"))
    # Rows written by an older relay that stored NaN, and one that is not JSON at all.
    poisoned = '{"message":{"from":"821055556666","id":"wamid.X","text":{"body":NaN}},"contact":{"wa_id":"821055556666"}}'
    with relay.relay.store.db.engine.begin() as conn:
        for n, payload in enumerate([poisoned, '{"message": {"from": "821077778888", "id": "wamid.Y"'], 1):
            row = {"kind": "message", "at": "2026-11-29T10:00:00Z", "at_ms": 0, "dedupe_key": f"m:p{n}"}
            conn.execute(insert(events).values(payload=payload, phone_number_id="106540352242922", **row))
    relay.post_webhook(inbound("text", "after"))
    r = relay.client.get(f"{relay.url}/v1/events", params={"after": 0}, headers=relay.auth())
    assert r.status_code == 200
    page = EventsPage.model_validate(r.json())
    assert [e.kind for e in page.events] == ["message", "unreadable", "unreadable", "message"]
    first, second = page.events[1], page.events[2]
    assert isinstance(first, UnreadableEvent) and isinstance(second, UnreadableEvent)
    assert (first.seq, first.reason, first.wa_id) == (2, "undecodable", "821055556666")
    assert (second.seq, second.reason, second.wa_id) == (3, "undecodable", "821077778888")
    assert page.next == 4


def test_media_ids_never_reach_a_path_or_a_graph_url(relay: RunningRelay, graph: FakeGraph) -> None:
    for odd in ("..%2F..%2Fetc%2Fpasswd", "12%003", "1" * 31, "abc"):
        r = relay.client.get(f"{relay.url}/v1/media/{odd}", headers=relay.auth())
        assert r.status_code == 404, odd
    assert graph.media_lookups == {}


def test_the_media_worker_survives_a_bad_job_and_leaves_no_partial_files(
    relay: RunningRelay, graph: FakeGraph, tmp_path: Path
) -> None:
    # A job stored by an older relay with an id Graph never gives out, then a good one.
    with relay.relay.store.db.engine.begin() as conn:
        conn.execute(insert(media).values(id="../../x", state="pending", attempts=0, created_ms=0))
    graph.add_media("555001", b"%PDF good", "application/pdf")
    relay.post_webhook(inbound("document", {"id": "555001", "mime_type": "application/pdf"}))
    relay.relay.media.wake()
    r = relay.client.get(f"{relay.url}/v1/media/555001", headers=relay.auth())
    assert (r.status_code, r.content) == (200, b"%PDF good")
    assert not [p for p in (tmp_path / "relay-media").iterdir() if p.suffix == ".part"]
    assert all(not task.done() for task in relay.relay.tasks if "run_forever" in repr(task.get_coro()))


@pytest.mark.parametrize(
    "headers",
    [
        {"X-Hub-Signature-256": "sha256=é".encode("latin-1")},
        {"X-Hub-Signature-256": b"sha256=\xff\xfe"},
    ],
)
def test_non_ascii_signatures_are_401_not_500(relay: RunningRelay, headers: dict[str, bytes]) -> None:
    body = _text(inbound()).encode()
    # Raw bytes under a str name, as a hostile sender's header arrives: httpx sends it, its types refuse it.
    r = relay.client.post(f"{relay.url}/webhook", content=body, headers=headers)  # type: ignore[arg-type]
    assert r.status_code == 401


def test_a_non_ascii_verify_token_is_refused_not_500(relay: RunningRelay) -> None:
    params = {"hub.mode": "subscribe", "hub.verify_token": "토큰", "hub.challenge": "1"}
    assert relay.client.get(f"{relay.url}/webhook", params=params).status_code == 403
    params["hub.verify_token"] = VERIFY_TOKEN
    assert relay.client.get(f"{relay.url}/webhook", params=params).text == "1"


@pytest.mark.parametrize(
    "header",
    [lambda t: t, lambda t: f"Token {t}", lambda t: "Bearer 토큰".encode(), lambda t: f"Bearer {t}x"],
)
def test_the_token_must_come_as_bearer(relay: RunningRelay, header: Callable[[str], Any]) -> None:
    r = relay.client.get(f"{relay.url}/v1/events", headers={"Authorization": header(relay.token)})
    assert r.status_code == 401
    assert r.json()["error"]["code"] == RelayErrorCode.UNAUTHORISED
    ok = relay.client.get(f"{relay.url}/v1/events", headers={"Authorization": f"bearer {relay.token}"})
    assert ok.status_code == 200


@pytest.mark.parametrize(
    ("method", "path", "status", "code"),
    [
        ("GET", "/v1/events?after=abc", 400, RelayErrorCode.INVALID),  # a cursor that is no number
        ("GET", "/v1/events?after=0&wait=soon", 400, RelayErrorCode.INVALID),
        ("GET", "/v1/orders/status", 400, RelayErrorCode.INVALID),  # wa_id missing
        ("GET", "/v1/campaigns/c1?recipients=maybe", 400, RelayErrorCode.INVALID),
        ("GET", "/v1/bot/report?days=0", 400, RelayErrorCode.INVALID),
        ("GET", "/v1/no-such-thing", 404, RelayErrorCode.NOT_FOUND),
        ("DELETE", "/v1/events", 405, RelayErrorCode.INVALID),
        ("PUT", "/webhook", 405, RelayErrorCode.INVALID),
    ],
)
def test_a_request_the_relay_cannot_take_gets_the_error_envelope_with_a_code(
    relay: RunningRelay, method: str, path: str, status: int, code: RelayErrorCode
) -> None:
    r = relay.client.request(method, f"{relay.url}{path}", headers=relay.auth())
    assert r.status_code == status
    assert r.json()["error"]["code"] == code, r.text
    assert "detail" not in r.json()
    if status == 405:
        assert r.headers["allow"]  # what the address does take


def test_an_uptime_monitor_asking_with_head_finds_the_relay_up(relay: RunningRelay) -> None:
    assert relay.client.head(f"{relay.url}/healthz").status_code == 200
    assert relay.client.get(f"{relay.url}/healthz").json()["status"] == "ok"


def test_the_api_description_needs_the_token_and_the_pages_are_off(relay: RunningRelay) -> None:
    for path in ("/docs", "/redoc"):
        assert relay.client.get(f"{relay.url}{path}").status_code == 404
    assert relay.client.get(f"{relay.url}/openapi.json").status_code == 401
    described = relay.client.get(f"{relay.url}/openapi.json", headers=relay.auth())
    assert described.status_code == 200 and "/v1/events" in described.json()["paths"]
    # Served by a plain route ahead of FastAPI's, Meta's webhook stays in the contract.
    assert {"get", "post"} <= set(described.json()["paths"]["/webhook"])


def test_a_client_that_stops_sending_its_body_is_cut_off_by_the_app(tmp_path: Path, graph: FakeGraph) -> None:
    """Layer: the relay app (uvicorn has no body timeout; headers are the reverse proxy's job)."""
    import socket

    from tests.support.relay_server import run_relay

    with run_relay(tmp_path, graph_url=graph.url, body_idle_timeout=0.3) as relay:
        assert relay.port is not None
        with socket.create_connection(("127.0.0.1", relay.port), timeout=10) as conn:
            conn.sendall(
                b"POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b'Content-Length: 1000\r\n\r\n{"object": '
            )
            answer = conn.recv(4096)  # no more bytes come from us: the relay must answer
        assert answer.startswith(b"HTTP/1.1 408")
        assert relay.client.get(f"{relay.url}/healthz").status_code == 200


def test_long_polls_per_token_are_capped(tmp_path: Path, graph: FakeGraph) -> None:
    """Layer: the relay app (uvicorn's limit_concurrency caps connections of every kind)."""
    from tests.support.relay_server import run_relay

    with run_relay(tmp_path, graph_url=graph.url, long_polls_per_token=2) as relay:
        waiting: list[httpx.Response] = []

        def poll() -> None:
            with httpx.Client(timeout=30) as client:
                url = f"{relay.url}/v1/events"
                waiting.append(client.get(url, params={"wait": 20}, headers=relay.auth()))

        threads = [threading.Thread(target=poll) for _ in range(2)]
        for t in threads:
            t.start()
        deadline = threading.Event()
        for _ in range(400):
            if relay.relay.feed.open_polls == 2:
                break
            deadline.wait(0.025)
        third = relay.client.get(f"{relay.url}/v1/events", params={"wait": 20}, headers=relay.auth())
        assert third.status_code == 429
        assert third.json()["error"]["code"] == RelayErrorCode.TOO_MANY_POLLS
        assert relay.client.get(f"{relay.url}/v1/events", headers=relay.auth()).status_code == 200
        relay.post_webhook(inbound("text", "wake up"))
        for t in threads:
            t.join()
        assert [r.status_code for r in waiting] == [200, 200]


def test_five_hundred_long_polls_at_once_all_wake_on_one_webhook(relay: RunningRelay) -> None:
    """Layer: uvicorn's limit_concurrency (SERVER_OPTIONS) sits above what 500 desktops need."""
    import asyncio

    async def run() -> list[int]:
        limits = httpx.Limits(max_connections=600, max_keepalive_connections=0)
        async with httpx.AsyncClient(timeout=60, limits=limits, headers=relay.auth()) as client:
            polls = [
                asyncio.ensure_future(client.get(f"{relay.url}/v1/events", params={"wait": 40}))
                for _ in range(500)
            ]
            # A poll that ended before parking (refused, timed out connecting) fails the test now,
            # with its answer, instead of leaving this loop waiting for a 500th poll that never parks.
            while relay.relay.feed.open_polls < 500 and not any(poll.done() for poll in polls):
                await asyncio.sleep(0.05)
            await asyncio.to_thread(relay.post_webhook, inbound("text", "모두에게", message_id=wamid()))
            answers = await asyncio.gather(*polls)
            return [len(a.json()["events"]) if a.status_code == 200 else -a.status_code for a in answers]

    assert asyncio.run(run()) == [1] * 500


def test_a_database_that_is_away_answers_503_in_one_log_line_not_500(
    relay: RunningRelay, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    if not relay.settings.database_url.startswith("sqlite"):
        pytest.skip("breaks the SQLite file on purpose")
    import sqlite3

    con = sqlite3.connect(tmp_path / "relay.db")
    con.execute("DROP TABLE event")
    con.commit()
    con.close()
    with caplog.at_level(logging.INFO):
        r = relay.client.get(f"{relay.url}/v1/events", headers=relay.auth())
    assert r.status_code == 503
    assert (r.json()["error"]["code"], r.json()["error"]["retryable"]) == (RelayErrorCode.STORAGE, True)
    assert [rec.getMessage() for rec in caplog.records if rec.levelno >= logging.ERROR] == [
        "storage failed: cause=OperationalError error=OperationalError retryable=True"
    ]
    assert not any(rec.exc_info for rec in caplog.records)


def test_a_postgresql_restart_is_logged_as_a_lost_connection_and_meta_redelivers(
    tmp_path: Path, graph: FakeGraph, pg: str, caplog: pytest.LogCaptureFixture
) -> None:
    """A restart of PostgreSQL ends every connection ("terminating connection due to administrator
    command", 57P01): the webhook that meets it gets 503, its line names the lost connection."""
    from sqlalchemy import create_engine, text

    from tests.support.relay_server import run_relay

    with run_relay(tmp_path, graph_url=graph.url, database_url=pg) as relay:
        assert relay.post_webhook(inbound("text", "before")).status_code == 200
        admin = create_engine(pg)
        with admin.connect() as conn:  # what a restart does to the relay's connections
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            )
        admin.dispose()
        with caplog.at_level(logging.INFO):
            refused = relay.post_webhook(inbound("text", "during"))
            again = relay.post_webhook(inbound("text", "after"))
    assert refused.status_code == 503 and refused.json()["error"]["code"] == RelayErrorCode.STORAGE
    assert again.status_code == 200
    lost = [rec.getMessage() for rec in caplog.records if rec.getMessage().startswith("webhook not stored")]
    assert lost[0] == "webhook not stored: cause=connection_lost error=OperationalError"
    assert len(lost) == 2 and lost[1].startswith("webhook not stored: works again after 1 failures in "), lost
