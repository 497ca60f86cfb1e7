"""Webhook intake: signatures, every message type, statuses, duplicates, bad bodies, storage failure."""

from __future__ import annotations

import json
import logging
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from app.wire import EventsPage, MessageEvent
from tests.support.fake_graph import FakeGraph
from tests.support.relay_process import wait_until
from tests.support.relay_server import (
    MESSAGE_SAMPLES,
    VERIFY_TOKEN,
    RunningRelay,
    envelope,
    inbound,
    status,
    wamid,
)


def test_verification_handshake_echoes_the_challenge_only_with_the_right_token(
    relay: RunningRelay, caplog: pytest.LogCaptureFixture
) -> None:
    ok = relay.client.get(
        f"{relay.url}/webhook",
        params={"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1158201444"},
    )
    assert (ok.status_code, ok.text) == (200, "1158201444")
    bad = relay.client.get(
        f"{relay.url}/webhook",
        params={"hub.mode": "subscribe", "hub.verify_token": "wrong-token-42", "hub.challenge": "x"},
    )
    assert bad.status_code == 403
    # The line an admin needs when Meta's "Verify and save" fails, naming neither token.
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings == ["webhook verification refused: the verify token does not match WHATSAPP_VERIFY_TOKEN"]
    # (The test's own HTTP client logs the URL it asked, tokens and all: that line is not the relay's.)
    relay_said = "\n".join(
        r.getMessage() for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))
    )
    assert VERIFY_TOKEN not in relay_said and "wrong-token-42" not in relay_said


@pytest.mark.parametrize("kind", sorted(MESSAGE_SAMPLES))
def test_every_message_type_becomes_one_event_with_the_object_unchanged(
    relay: RunningRelay, kind: str
) -> None:
    payload = inbound(kind, MESSAGE_SAMPLES[kind], name=None if kind == "system" else "김민수")
    assert relay.post_webhook(payload).status_code == 200
    page = EventsPage.model_validate(relay.events())
    event = page.events[0]
    # A changed number also says so as a `contact` event; every other type is exactly one event.
    assert [e.kind for e in page.events[1:]] == (["contact"] if kind == "system" else [])
    sent = payload["entry"][0]["changes"][0]["value"]["messages"][0]
    assert event.kind == "message"
    assert isinstance(event, MessageEvent)
    assert event.message == sent
    assert event.phone_number_id == "106540352242922"


def test_contact_profile_travels_with_the_message(relay: RunningRelay) -> None:
    relay.post_webhook(inbound("text", "hi", sender="447700900123", name="Amy"))
    [event] = relay.events()["events"]
    assert event["contact"] == {"wa_id": "447700900123", "profile": {"name": "Amy"}}


def test_redelivered_message_and_repeated_status_add_nothing(relay: RunningRelay) -> None:
    payload = inbound("text", "주문할게요")
    for _ in range(3):
        assert relay.post_webhook(payload).status_code == 200
    mid = wamid()
    for _ in range(2):
        relay.post_webhook(status(mid, "delivered"))
    relay.post_webhook(status(mid, "read"))
    kinds = [(e["kind"], e.get("status", {}).get("status")) for e in relay.events()["events"]]
    assert kinds == [("message", None), ("status", "delivered"), ("status", "read")]


def test_failed_status_keeps_its_errors(relay: RunningRelay) -> None:
    errors = [{"code": 131026, "title": "Message undeliverable", "message": "Message undeliverable"}]
    relay.post_webhook(status(wamid(), "failed", errors=errors))
    [event] = relay.events()["events"]
    assert event["status"]["errors"] == errors


def test_messages_sent_from_the_phone_app_arrive_as_outbound_events(relay: RunningRelay) -> None:
    echo = {
        "from": "15550783881",
        "to": "821012345678",
        "id": wamid(),
        "timestamp": "1732500000",
        "type": "text",
        "text": {"body": "폰에서 보낸 답장"},
    }
    relay.post_webhook(envelope({"message_echoes": [echo]}, field_name="smb_message_echoes"))
    [event] = relay.events()["events"]
    assert (event["kind"], event["sent_by"], event["client_id"], event["wamid"]) == (
        "outbound",
        "phone_app",
        None,
        echo["id"],
    )


def test_a_callback_url_pasted_with_a_trailing_slash_verifies_and_keeps_every_message(
    relay: RunningRelay,
) -> None:
    """Meta follows no redirect for a webhook: a 307 to /webhook would lose every customer's message."""
    handshake = {"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "31415"}
    verified = relay.client.get(f"{relay.url}/webhook/", params=handshake)
    assert (verified.status_code, verified.text) == (200, "31415")
    refused = relay.client.get(f"{relay.url}/webhook/", params={**handshake, "hub.verify_token": "nope"})
    assert refused.status_code == 403
    message = inbound("text", "주문할게요", name="이서연")
    assert relay.post_webhook(message, path="/webhook/").status_code == 200
    # Signed as strictly as on /webhook: a wrong signature stores nothing there either.
    assert relay.post_webhook(inbound(), path="/webhook/", secret="another-apps-secret").status_code == 401
    events = relay.events()["events"]
    assert [e["message"]["text"]["body"] for e in events] == ["주문할게요"]


def test_no_address_redirects_a_trailing_slash_and_a_send_there_is_refused_not_lost(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    """A POST's 307 is lost on a client that does not follow it: a plain refusal naming the address."""
    sent = relay.client.post(
        f"{relay.url}/v1/messages/",
        json={"to": "821012345678", "type": "text", "text": {"body": "안녕하세요"}},
        headers={**relay.auth(), "Idempotency-Key": "slash-1"},
    )
    assert sent.status_code == 404, sent.headers.get("location")
    assert sent.json()["error"]["code"] == "not_found"
    assert sent.json()["error"]["params"] == {"path": "/v1/messages"}
    assert graph.send_calls == 0


def test_a_monitor_set_up_with_a_trailing_slash_is_sent_on_to_the_health_check(relay: RunningRelay) -> None:
    """A read loses nothing on a redirect: an uptime monitor set up with `/healthz/` is sent on (and
    follows it), as before; an address the relay does not serve stays a plain 404."""
    for method in ("GET", "HEAD"):
        moved = relay.client.request(method, f"{relay.url}/healthz/?from=monitor")
        assert moved.status_code == 307 and moved.headers["location"].endswith("/healthz?from=monitor")
    followed = relay.client.get(f"{relay.url}/healthz/", follow_redirects=True)
    assert followed.status_code == 200
    nowhere = relay.client.get(f"{relay.url}/nowhere/")
    assert nowhere.status_code == 404 and nowhere.json()["error"]["code"] == "not_found"
    assert not nowhere.json()["error"].get("params")  # no address to send it to


@pytest.mark.parametrize(
    ("signature", "said"),
    [
        (None, "the X-Hub-Signature-256 header is missing"),
        ("", "the X-Hub-Signature-256 header is missing"),
        ("sha256=deadbeef", "the signature does not match the body: check WHATSAPP_APP_SECRET"),
        ("md5=abc", "the X-Hub-Signature-256 header is not a sha256= signature"),
    ],
)
def test_bad_or_missing_signature_is_refused_saying_which_and_nothing_is_stored(
    relay: RunningRelay, signature: str | None, said: str, caplog: pytest.LogCaptureFixture
) -> None:
    body = json.dumps(inbound()).encode()
    headers = {"Content-Type": "application/json"}
    if signature is not None:
        headers["X-Hub-Signature-256"] = signature
    with caplog.at_level(logging.WARNING, logger="relay"):
        assert relay.client.post(f"{relay.url}/webhook", content=body, headers=headers).status_code == 401
        assert relay.post_webhook(inbound(), secret="another-apps-secret").status_code == 401
    assert relay.events()["events"] == []
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings[0].startswith(f"webhook refused: {said}")
    assert "check WHATSAPP_APP_SECRET" in warnings[1]  # another app's secret: a mismatch
    assert relay.settings.app_secret not in caplog.text


def test_scanners_unsigned_posts_are_one_warning_that_says_they_are_harmless(
    relay: RunningRelay, caplog: pytest.LogCaptureFixture
) -> None:
    """Internet scanners post to any /webhook they find: a WARNING each read as trouble and buried
    the lines that are. A wrong signature (a reset app secret) is still said every time."""
    with caplog.at_level(logging.DEBUG, logger="relay"):
        for _ in range(5):
            assert relay.client.post(f"{relay.url}/webhook", content=b"{}").status_code == 401
        assert relay.post_webhook(inbound()).status_code == 200  # Meta's deliveries go on
        assert relay.client.post(f"{relay.url}/webhook", content=b"GET / HTTP/1.0").status_code == 401
        for _ in range(2):
            assert relay.post_webhook(inbound(), secret="another-apps-secret").status_code == 401
    refused = [r for r in caplog.records if r.getMessage().startswith("webhook refused:")]
    unsigned = [r for r in refused if "X-Hub-Signature-256 header is missing" in r.getMessage()]
    assert [r.levelno for r in unsigned] == [logging.WARNING] + [logging.DEBUG] * 5
    first = unsigned[0].getMessage()
    assert "Harmless" in first and "Meta's own deliveries fail" in first and "drops the header" in first
    mismatches = [r for r in refused if "check WHATSAPP_APP_SECRET" in r.getMessage()]
    assert [r.levelno for r in mismatches] == [logging.WARNING] * 2
    assert len(relay.events()["events"]) == 1


def test_an_empty_signed_webhook_is_not_called_a_redelivery(
    relay: RunningRelay, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="relay"):
        assert relay.post_webhook({"object": "whatsapp_business_account", "entry": []}).status_code == 200
    assert "redelivered" not in caplog.text


def test_malformed_json_is_400_and_a_huge_body_is_413_with_a_warning(
    relay: RunningRelay, caplog: pytest.LogCaptureFixture
) -> None:
    assert relay.post_webhook(None, raw=b"{not json").status_code == 400
    assert relay.post_webhook(None, raw=b'"just a string"').status_code == 400
    huge = inbound("text", "가" * 1_000_000)  # 6 MB as json.dumps escapes it
    size = len(json.dumps(huge).encode())
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="relay"):
        assert relay.post_webhook(huge).status_code == 413
    assert relay.events()["events"] == []
    # Meta retries, then drops it: the operator is told its size and the setting that lets it in.
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    limit = relay.settings.max_webhook_bytes
    assert warnings == [
        f"webhook refused as too large: size={size} bytes limit={limit} bytes (RELAY_MAX_WEBHOOK_BYTES)"
    ]
    assert "가가가" not in "\n".join(warnings)


def test_a_webhook_as_large_as_metas_largest_is_stored(relay: RunningRelay) -> None:
    """Meta's webhook payloads can reach 3 MB; one the relay refused would be dropped after retries."""
    large = inbound("text", "가" * 520_000)  # as json.dumps escapes it, over 3 MB
    assert len(json.dumps(large).encode()) > 3_000_000
    assert relay.post_webhook(large).status_code == 200
    assert len(relay.events()["events"]) == 1


def test_a_webhook_without_contacts_or_with_odd_parts_is_still_accepted(relay: RunningRelay) -> None:
    payload = envelope(
        {
            "messages": [
                {
                    "from": "821012345678",
                    "id": wamid(),
                    "timestamp": "1",
                    "type": "system",
                    "system": {"body": "changed number"},
                }
            ]
        }
    )
    payload["entry"].append(
        {"id": "x", "changes": [{"field": "account_update", "value": {"event": "VERIFIED"}}]}
    )
    assert relay.post_webhook(payload).status_code == 200
    assert len(relay.events()["events"]) == 1


def test_storage_failure_answers_503_so_meta_redelivers(
    relay: RunningRelay, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    if not relay.settings.database_url.startswith("sqlite"):
        pytest.skip("breaks the SQLite file on purpose")
    con = sqlite3.connect(tmp_path / "relay.db")
    con.execute("DROP TABLE event")
    con.commit()
    con.close()
    with caplog.at_level(logging.DEBUG):
        assert relay.post_webhook(inbound("text", "비밀 주문 내용 1234")).status_code == 503
    logged = "\n".join(
        r.getMessage() + (logging.Formatter().formatException(r.exc_info) if r.exc_info else "")
        for r in caplog.records
    )
    assert "webhook not stored" in logged
    assert "비밀 주문 내용" not in logged  # never a customer's message in the logs, not even in an error
    # What an operator reads at INFO: one line, no traceback (a full disk for an hour is thousands).
    errors = [r for r in caplog.records if r.levelno >= logging.INFO and r.name.startswith("relay")]
    assert [r.getMessage() for r in errors] == [
        "webhook not stored: cause=OperationalError error=OperationalError"
    ]
    assert errors[0].exc_info is None


def test_a_database_outage_is_said_once_with_its_cause_not_once_each_delivery_then_once_when_it_works_again(
    relay: RunningRelay, storage: str | None, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Meta delivers a webhook answered 503 again and again for hours: each delivery logged "webhook
    not stored" at ERROR, burying the one line that said why. Now one line at ERROR names the cause,
    and one says when webhooks are stored again, with how many were answered 503 meanwhile."""
    from tests.relay.test_connection_refusals import no_new_connections
    from tests.relay.test_upload_write_check import sqlite_read_only

    outage = (
        sqlite_read_only(relay, tmp_path)
        if storage is None
        else no_new_connections(relay.settings.database_url, end_sessions=True)
    )
    with caplog.at_level(logging.INFO, logger="relay"):
        with outage:
            for n in range(20):  # Meta's redeliveries, and other customers' messages
                assert relay.post_webhook(inbound("text", f"주문 {n}번")).status_code == 503
        # Meta delivers it again until it is stored (PostgreSQL: a pooled session that ended under
        # the relay may be met first, and is answered 503 as well).
        again = inbound("text", "다시 주문해요")
        wait_until(lambda: relay.post_webhook(again).status_code == 200, 30, "a delivery stored")
        assert relay.post_webhook(inbound("text", "하나 더요")).status_code == 200
    said = [r for r in caplog.records if r.getMessage().startswith("webhook not stored")]
    failed = [r.getMessage() for r in said if r.levelno == logging.ERROR]
    causes = re.findall(r"cause=(\w+)", " ".join(failed))
    # One line a cause (PostgreSQL: the session ended under the relay, then no connection allowed).
    assert failed and len(causes) == len(set(causes)) == len(failed), failed
    assert ("database_read_only" in causes) if storage is None else ("too_many_connections" in causes), failed
    assert failed[0].startswith(f"webhook not stored: cause={causes[0]} error=")
    again_said = [r.getMessage() for r in said if r.levelno < logging.ERROR]
    assert len(again_said) == 1, again_said
    works_again = r"^webhook not stored: works again after (\d+) failures in \d+ s$"
    failures = int(re.findall(works_again, again_said[0])[0])
    assert failures == 20 if storage is None else failures >= 20
    assert not any("주문" in r.getMessage() for r in caplog.records)  # never a customer's message


def test_a_full_disk_is_named_as_such_in_the_relays_log(tmp_path: Path) -> None:
    """SQLite's own "database or disk is full", through SQLAlchemy as the relay meets it, and an
    OSError from a file write: both say disk_full, so the operator knows what to free."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import OperationalError

    from relay.store import storage_cause, storage_retryable

    engine = create_engine(f"sqlite:///{tmp_path / 'small.db'}")
    with engine.begin() as con:
        con.execute(text("CREATE TABLE t (x TEXT)"))
    with pytest.raises(OperationalError) as caught, engine.begin() as con:
        con.execute(text("PRAGMA max_page_count = 3"))
        con.execute(text("INSERT INTO t VALUES (:x)"), {"x": "가" * 50_000})
    engine.dispose()
    assert storage_retryable(caught.value)
    assert storage_cause(caught.value) == "disk_full"
    if Path("/dev/full").exists():  # Linux's device on which every write fails with ENOSPC
        with pytest.raises(OSError) as full:
            Path("/dev/full").write_bytes(b"x")
        assert storage_cause(full.value) == "disk_full"


def test_stored_webhooks_are_logged_without_their_text(
    relay: RunningRelay, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="relay"):
        relay.post_webhook(inbound("text", "주소는 성수동 12-3 입니다"))
    lines = [r.getMessage() for r in caplog.records if r.name.startswith("relay")]
    assert any("webhook stored: events=1" in line and "message=1" in line for line in lines)
    assert not any("성수동" in line for line in lines)


def test_an_error_whatsapp_reports_for_the_whole_change_is_logged_for_the_admin_and_stores_nothing(
    relay: RunningRelay, caplog: pytest.LogCaptureFixture
) -> None:
    # Meta's webhook for what it could not deliver: `errors` beside `metadata`, no message, no status.
    notice = envelope(
        {"errors": [{"code": 131000, "title": "Something went wrong", "message": "Something went wrong"}]}
    )
    with caplog.at_level(logging.WARNING, logger="relay"):
        assert relay.post_webhook(notice).status_code == 200
    assert relay.events()["events"] == []
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    # It went by without a line: an admin looking for why a message never arrived found nothing.
    assert warnings == ["webhook carries an error from WhatsApp: code 131000 (Something went wrong)"]


def test_a_customer_known_only_by_a_long_business_scoped_user_id_is_stored(relay: RunningRelay) -> None:
    # A username customer without a phone number: Meta's BSUID is a country code, ".", and up to 128
    # letters and digits. One over 32 characters was refused with 400, and her message was lost.
    user_id = "BR." + "1502576394655843" * 8
    message: dict[str, Any] = {"from_user_id": user_id, "id": wamid(), "timestamp": "1796483889"}
    message.update(type="text", text={"body": "번호 없이 보내요"})
    contact = {"profile": {"name": "민수", "username": "@minsu"}, "user_id": user_id}
    assert relay.post_webhook(envelope({"contacts": [contact], "messages": [message]})).status_code == 200
    events = relay.events()["events"]
    assert [(e["kind"], e["contact"]["user_id"]) for e in events] == [("message", user_id)]


def test_a_message_says_which_of_the_shops_numbers_it_came_to_as_people_dial_it(relay: RunningRelay) -> None:
    """A shop with two numbers tells its chats apart by them: the event carries the webhook's
    display number beside the phone_number_id; one that reads as no phone number is left out."""
    for pnid, display in (("106540352242922", "+82 2-555-0101"), ("106540352242923", "<b>hi</b> 12345")):
        value = inbound("text", "안녕하세요")["entry"][0]["changes"][0]["value"]
        value = {k: v for k, v in value.items() if k != "metadata"}
        relay.post_webhook(envelope(value, phone_number_id=pnid, display_phone_number=display))
    first, second = EventsPage.model_validate(relay.events()).events
    assert isinstance(first, MessageEvent) and isinstance(second, MessageEvent)
    assert (first.phone_number_id, first.display_phone_number) == ("106540352242922", "+82 2-555-0101")
    assert (second.phone_number_id, second.display_phone_number) == ("106540352242923", None)


def test_the_stored_webhook_line_names_the_business_number_it_came_for(
    relay: RunningRelay, caplog: pytest.LogCaptureFixture
) -> None:
    """An admin of a shop with two numbers could not tell from the log whether the second one's
    webhooks arrived at all."""
    with caplog.at_level(logging.INFO, logger="relay"):
        for pnid in ("106540352242922", "106540352242923"):
            value = inbound("text", "안녕하세요")["entry"][0]["changes"][0]["value"]
            value = {k: v for k, v in value.items() if k != "metadata"}
            relay.post_webhook(envelope(value, phone_number_id=pnid))
    stored = [r.getMessage() for r in caplog.records if r.getMessage().startswith("webhook stored:")]
    assert [line.rsplit(" ", 1)[-1] for line in stored] == [
        "phone_number_id=106540352242922",
        "phone_number_id=106540352242923",
    ]
