"""The relay's INFO log names no customer: no wamid (it encodes the phone number), no phone number, no text."""

from __future__ import annotations

import base64
import signal
from pathlib import Path
from urllib.parse import quote

import httpx

from relay.log_redaction import reference
from tests.support.fake_graph import FakeGraph, realistic_wamid
from tests.support.relay_process import post_webhook, relay_env, serve_process
from tests.support.relay_server import CLIENT_TOKEN, inbound, status
from tests.support.servers import free_port

CUSTOMER = "821012345678"
QUESTION = "배송 언제 되나요? 주소는 서울시 마포구예요"
ANSWER = "네, 오늘 발송됩니다!"


def test_a_served_conversation_leaves_no_wamid_phone_number_or_text_in_the_log(
    tmp_path: Path, graph: FakeGraph
) -> None:
    graph.realistic_wamids = True
    asked = realistic_wamid(CUSTOMER, 0xB4FF65C09548996B6E)
    env = relay_env(f"sqlite:///{tmp_path / 'relay.db'}", graph.url)
    auth = {"Authorization": f"Bearer {CLIENT_TOKEN}"}
    with serve_process(tmp_path / "serve.log", free_port(), env) as serve, httpx.Client(timeout=30) as client:
        assert post_webhook(
            serve.url, inbound("text", QUESTION, sender=CUSTOMER, message_id=asked)
        ).is_success
        sent = client.post(
            f"{serve.url}/v1/messages",
            json={"to": CUSTOMER, "type": "text", "text": {"body": ANSWER}},
            headers={**auth, "Idempotency-Key": "reply-1"},
        )
        assert sent.status_code == 200, sent.text
        answered = sent.json()["wamid"]
        assert CUSTOMER.encode() in base64.b64decode(answered.removeprefix("wamid."))  # as Meta's are
        assert client.post(f"{serve.url}/v1/messages/{quote(asked, safe='')}/read", headers=auth).is_success
        assert post_webhook(serve.url, status(answered, "delivered", recipient=CUSTOMER)).is_success
        # The desktop's other calls that name the customer in the path or the query.
        client.get(
            f"{serve.url}/v1/orders/status", params={"wa_id": CUSTOMER}, headers=auth
        ).raise_for_status()
        client.post(f"{serve.url}/v1/bot/{CUSTOMER}/resume", headers=auth)
        serve.process.send_signal(signal.SIGTERM)  # every line written and flushed
        serve.process.wait(timeout=30)
        log = serve.log()
    assert graph.read_receipts == [asked]
    info = [line for line in log.splitlines() if "level=DEBUG" not in line]
    text = "\n".join(info)
    phone_in_base64 = base64.b64encode(CUSTOMER.encode()).decode()  # what every wamid of theirs shows
    for secret in (asked, answered, CUSTOMER, phone_in_base64, QUESTION, ANSWER, "배송"):
        assert secret not in text, f"{secret!r} in the log:\n{text}"
    # What the operator reads still says what happened, and a send can be matched to its read line.
    assert "webhook stored: events=1" in text
    assert f"relay started (upstream cloud): database=sqlite:///{tmp_path / 'relay.db'} media=" in text
    assert f"sent: sent_by=owner type=text wamid_ref={reference(answered)}" in text
    assert f"/v1/messages/[wamid_ref={reference(asked)}]/read" in text
    assert "/v1/bot/***/resume" in text and "wa_id=***" in text
    # httpx's own line for each call to Graph is for RELAY_LOG_LEVEL=DEBUG: one relay line per send.
    assert "HTTP Request:" not in text and "logger=httpx" not in text


def test_relay_log_level_debug_shows_a_sends_full_wamid_and_warning_hides_the_info_lines(
    tmp_path: Path, graph: FakeGraph
) -> None:
    """RELAY_LOG_LEVEL: DEBUG adds what INFO keeps out (for an operator looking into one send);
    WARNING leaves only what needs an admin; a word that names no level is said, and INFO stands."""
    graph.realistic_wamids = True
    auth = {"Authorization": f"Bearer {CLIENT_TOKEN}"}
    logs: dict[str, str] = {}
    wamids: dict[str, str] = {}
    for level in ("DEBUG", "WARNING", "loud"):
        env = {
            **relay_env(f"sqlite:///{tmp_path / f'{level}.db'}", graph.url),
            "RELAY_LOG_LEVEL": level,
        }
        with (
            serve_process(tmp_path / f"{level}.log", free_port(), env) as serve,
            httpx.Client(timeout=30) as client,
        ):
            assert post_webhook(serve.url, inbound("text", QUESTION, sender=CUSTOMER)).is_success
            sent = client.post(
                f"{serve.url}/v1/messages",
                json={"to": CUSTOMER, "type": "text", "text": {"body": ANSWER}},
                headers={**auth, "Idempotency-Key": f"reply-{level}"},
            )
            assert sent.status_code == 200, sent.text
            wamids[level] = sent.json()["wamid"]
            serve.process.send_signal(signal.SIGTERM)
            serve.process.wait(timeout=30)
            logs[level] = serve.log()
    assert wamids["DEBUG"] in logs["DEBUG"] and "webhook stored: events=1" in logs["DEBUG"]
    assert "logger=httpx" in logs["DEBUG"] and "/messages" in logs["DEBUG"]  # each call to Graph
    assert "webhook stored" not in logs["WARNING"] and "level=INFO" not in logs["WARNING"]
    assert wamids["WARNING"] not in logs["WARNING"]
    loud_log = logs["loud"]
    assert "RELAY_LOG_LEVEL=LOUD is not a level" in loud_log
    assert "webhook stored: events=1" in loud_log and "level=DEBUG" not in loud_log
