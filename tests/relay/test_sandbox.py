"""The sandbox upstream the demo runs on: real webhook shapes, ticks in order, sensible replies."""

from __future__ import annotations

import asyncio
from typing import Any

from relay.sandbox import SandboxUpstream
from relay.webhook import parse_webhook


async def run_for(sandbox: SandboxUpstream, until: Any, timeout: float = 10) -> list[dict[str, Any]]:
    """Start the sandbox with a collecting ingest; return the payloads once `until(payloads)` holds."""
    payloads: list[dict[str, Any]] = []
    arrived = asyncio.Event()

    async def ingest(payload: dict[str, Any]) -> None:
        payloads.append(payload)
        arrived.set()

    await sandbox.start(ingest)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not until(payloads) and loop.time() < deadline:
        arrived.clear()
        try:
            await asyncio.wait_for(arrived.wait(), deadline - loop.time())
        except TimeoutError:
            break
    return payloads


def messages(payloads: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        m for p in payloads for e in p["entry"] for c in e["changes"] for m in c["value"].get("messages", [])
    ]


def statuses(payloads: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        s for p in payloads for e in p["entry"] for c in e["changes"] for s in c["value"].get("statuses", [])
    ]


def test_customers_write_real_cloud_api_messages() -> None:
    async def scenario() -> list[dict[str, Any]]:
        sandbox = SandboxUpstream(seed=1, speed=200)
        try:
            return await run_for(sandbox, lambda p: len(messages(p)) >= 6)
        finally:
            await sandbox.stop()
            assert not sandbox.tasks

    payloads = asyncio.run(scenario())
    found = messages(payloads)
    assert len(found) >= 6
    for payload in payloads:
        assert payload["object"] == "whatsapp_business_account"
        value = payload["entry"][0]["changes"][0]["value"]
        assert value["metadata"]["phone_number_id"] == "100000000000001"
        intake = parse_webhook(payload)
        assert len(intake.events) == 1
    for message in found:
        assert message["id"].startswith("wamid.") and message["from"].isdigit()
        assert message["timestamp"].isdigit()
        assert message["type"] in message
    assert any(any("가" <= ch <= "힣" for ch in m.get("text", {}).get("body", "")) for m in found)
    assert any(m.get("text", {}).get("body", "").isascii() for m in found if m["type"] == "text")


def test_a_sent_message_goes_sent_delivered_read_and_the_customer_answers_the_button() -> None:
    async def scenario() -> tuple[str, list[dict[str, Any]]]:
        sandbox = SandboxUpstream(seed=2, speed=200)
        customer = sandbox.customers[0]
        body = {
            "to": customer.wa_id,
            "type": "interactive",
            "biz_opaque_callback_data": "client-42",
            "interactive": {
                "type": "button",
                "body": {"text": "어떤 사이즈로 드릴까요?"},
                "action": {
                    "buttons": [
                        {"type": "reply", "reply": {"id": "size-s", "title": "S"}},
                        {"type": "reply", "reply": {"id": "size-m", "title": "M"}},
                    ]
                },
            },
        }

        def done(p: list[dict[str, Any]]) -> bool:
            return len(statuses(p)) >= 3 and any(m["type"] == "interactive" for m in messages(p))

        payloads: list[dict[str, Any]] = []
        finished = asyncio.Event()

        async def ingest(payload: dict[str, Any]) -> None:
            payloads.append(payload)
            if done(payloads):
                finished.set()

        sandbox.ingest = ingest  # no customers writing on their own in this test
        wamid = await sandbox.send_message("100000000000001", body)
        await asyncio.wait_for(finished.wait(), 10)
        await sandbox.stop()
        return wamid, payloads

    wamid, payloads = asyncio.run(scenario())
    ticks = [s for s in statuses(payloads) if s["id"] == wamid]
    assert [s["status"] for s in ticks] == ["sent", "delivered", "read"]
    assert all(s["biz_opaque_callback_data"] == "client-42" for s in ticks)
    [reply] = [m for m in messages(payloads) if m["type"] == "interactive"]
    assert reply["interactive"]["button_reply"]["id"] in ("size-s", "size-m")
    assert reply["context"]["id"] == wamid


def test_photos_are_valid_images_and_a_seed_makes_the_story_repeatable() -> None:
    async def first_messages(seed: int) -> tuple[list[str], SandboxUpstream]:
        sandbox = SandboxUpstream(seed=seed, speed=500)
        try:
            payloads = await run_for(sandbox, lambda p: len(messages(p)) >= 8)
        finally:
            await sandbox.stop()
        return [m["from"] + m["type"] for m in messages(payloads)[:8]], sandbox

    one, sandbox = asyncio.run(first_messages(5))
    two, _ = asyncio.run(first_messages(5))
    assert one == two
    for media_id in list(sandbox.media):
        data, mime = asyncio.run(sandbox.fetch_media(media_id))
        assert mime == "image/png" and data.startswith(b"\x89PNG\r\n\x1a\n")
