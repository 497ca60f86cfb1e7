"""The sandbox upstream the demo runs on: real webhook shapes, ticks in order, replies that make sense."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import itertools
import struct
import time
import zlib
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from relay.sandbox import SandboxUpstream
from relay.sandbox_cast import cast
from relay.upstream import Accepted, GraphError
from relay.webhook import parse_webhook

PNID = "100000000000001"
Payloads = list[dict[str, Any]]


class Inbox:
    """A collecting ingest callback that can be waited on."""

    def __init__(self) -> None:
        self.payloads: Payloads = []
        self.changed = asyncio.Event()

    async def __call__(self, payload: dict[str, Any]) -> None:
        self.payloads.append(payload)
        self.changed.set()

    async def until(self, holds: Callable[[Payloads], bool], timeout: float = 10) -> Payloads:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not holds(self.payloads):
            self.changed.clear()
            await asyncio.wait_for(self.changed.wait(), max(deadline - loop.time(), 0.001))
        return self.payloads


def messages(payloads: Payloads) -> list[dict[str, Any]]:
    return [
        m for p in payloads for e in p["entry"] for c in e["changes"] for m in c["value"].get("messages", [])
    ]


def statuses(payloads: Payloads) -> list[dict[str, Any]]:
    return [
        s for p in payloads for e in p["entry"] for c in e["changes"] for s in c["value"].get("statuses", [])
    ]


def run(scenario: Callable[[], Awaitable[Any]]) -> Any:
    return asyncio.run(scenario())  # type: ignore[arg-type]


async def settle(sandbox: SandboxUpstream) -> None:
    """Wait until every tick and reply in flight has happened (only when the writer loop is not running)."""
    while sandbox.tasks:
        await asyncio.gather(*list(sandbox.tasks))


def quiet(seed: int = 3, language: str = "ko") -> tuple[SandboxUpstream, Inbox]:
    """A sandbox whose customers only answer what the shop sends (no writer loop)."""
    sandbox = SandboxUpstream(seed=seed, speed=500, language=language)
    inbox = Inbox()
    sandbox.ingest = inbox
    return sandbox, inbox


def assert_cloud_api_payload(
    payload: dict[str, Any], numbers: frozenset[tuple[str, str]] = frozenset({("8225550100", PNID)})
) -> None:
    """The shape Meta POSTs to /webhook, checked field by field; for one of the shop's `numbers`
    (display number, phone_number_id)."""
    assert payload["object"] == "whatsapp_business_account"
    [entry] = payload["entry"]
    assert entry["id"].isdigit()
    [change] = entry["changes"]
    assert change["field"] == "messages"
    value = change["value"]
    assert value["messaging_product"] == "whatsapp"
    metadata = value["metadata"]
    assert set(metadata) == {"display_phone_number", "phone_number_id"}
    assert (metadata["display_phone_number"], metadata["phone_number_id"]) in numbers
    now = time.time()
    for message in value.get("messages", []):
        assert set(message) >= {"id", "from", "timestamp", "type", message["type"]}
        assert message["from"].isdigit()
        [contact] = value["contacts"]
        assert contact["wa_id"] == message["from"] and contact["profile"]["name"]
        assert message["id"].startswith("wamid.")
        assert message["from"].encode() in base64.b64decode(message["id"][6:])
        assert message["timestamp"].isdigit() and abs(int(message["timestamp"]) - now) < 60
        body = message[message["type"]]
        match message["type"]:
            case "text":
                assert isinstance(body["body"], str) and body["body"].strip()
            case "image":
                assert body["id"].isdigit() and body["mime_type"] == "image/png" and body["sha256"]
            case "location":
                assert -90 <= body["latitude"] <= 90 and -180 <= body["longitude"] <= 180
                assert body["name"] and body["address"]
            case "interactive":
                assert body["type"] in ("button_reply", "list_reply")
                assert body[body["type"]]["id"] and body[body["type"]]["title"]
                assert message["context"]["id"].startswith("wamid.")
            case "button":
                assert body["payload"] and body["text"]
                assert message["context"]["id"].startswith("wamid.")
            case "reaction":
                assert body["message_id"].startswith("wamid.") and body["emoji"]
            case other:
                pytest.fail(f"unexpected message type {other}")
    for status in value.get("statuses", []):
        assert status["status"] in ("sent", "delivered", "read")
        assert status["id"].startswith("wamid.") and status["recipient_id"].isdigit()
        assert status["timestamp"].isdigit()
    assert ("messages" in value) != ("statuses" in value)
    # And the relay's own intake reads it as one event.
    assert len(parse_webhook(payload).events) == 1


def test_customers_write_real_cloud_api_messages_in_korean_and_english() -> None:
    async def scenario() -> tuple[Payloads, int]:
        sandbox = SandboxUpstream(seed=1, speed=200)
        inbox = Inbox()
        await sandbox.start(inbox)
        gap_over: list[int] = []

        async def shortest_gap() -> None:
            """The sandbox's shortest wait between two customers (5 s at speed 1), on the loop that
            runs it: the messages in the inbox once it is over."""
            await asyncio.sleep(5.0 / sandbox.speed)
            gap_over.append(len(messages(inbox.payloads)))

        # Timed on the sandbox's own loop, not the wall clock: the first customer's wait (0.5–2 s at
        # speed 1) ends before this one, which started after it. asyncio wakes sleepers in the order
        # their waits end, however late a loaded machine runs the loop, and the customer's message
        # reaches the inbox before the sandbox's task waits again.
        gap = asyncio.ensure_future(shortest_gap())
        try:
            payloads = await inbox.until(lambda p: len(messages(p)) >= 10)
            await gap
            return payloads, gap_over[0]
        finally:
            await sandbox.stop()

    payloads, written_in_the_first_gap = run(scenario)
    assert written_in_the_first_gap >= 1  # the first customer writes at once, not after a gap
    for payload in payloads:
        assert_cloud_api_payload(payload)
    found = messages(payloads)
    # Everyone in the cast opens their story once, before anyone asks again.
    assert len({m["from"] for m in found[:8]}) == 8
    kinds = {m["type"] for m in found}
    assert {"text", "image"} <= kinds
    texts = [m["text"]["body"] for m in found if m["type"] == "text"]
    assert any(any("가" <= ch <= "힣" for ch in t) for t in texts)
    assert any(t.isascii() for t in texts)
    assert {m["from"][:2] for m in found} >= {"82", "44", "16", "81"}


def test_customers_held_for_automations_write_once_they_arrive_or_when_the_hold_runs_out() -> None:
    """The demo's relay holds its customers until the desktop's greeting is on it; a desktop that
    never pushes must not leave the demo silent."""

    async def scenario() -> tuple[int, int]:
        held = SandboxUpstream(seed=1, speed=200, hold_for_automations=60)
        inbox = Inbox()
        await held.start(inbox)
        try:
            with pytest.raises(TimeoutError):  # 10 ms at speed 200 would have brought the first
                await inbox.until(lambda p: bool(messages(p)), timeout=0.3)
            held.automations_arrived()
            await inbox.until(lambda p: bool(messages(p)))
        finally:
            await held.stop()
        never_pushed = SandboxUpstream(seed=1, speed=200, hold_for_automations=0.2)
        alone = Inbox()
        await never_pushed.start(alone)
        try:
            await alone.until(lambda p: bool(messages(p)))
        finally:
            await never_pushed.stop()
        return len(messages(inbox.payloads)), len(messages(alone.payloads))

    held_wrote, alone_wrote = run(scenario)
    assert held_wrote >= 1 and alone_wrote >= 1


def test_a_sent_message_goes_sent_delivered_read_and_the_customer_taps_a_button() -> None:
    async def scenario() -> tuple[str, Payloads]:
        sandbox, inbox = quiet(seed=2)
        body = {
            "messaging_product": "whatsapp",
            "to": "+82 10-2468-1357",
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
        wamid = (await sandbox.send_message(PNID, body)).wamid
        await settle(sandbox)
        return wamid, inbox.payloads

    wamid, payloads = run(scenario)
    for payload in payloads:
        assert_cloud_api_payload(payload)
    ticks = statuses(payloads)
    assert [s["status"] for s in ticks] == ["sent", "delivered", "read"]
    assert {s["id"] for s in ticks} == {wamid}
    assert all(s["biz_opaque_callback_data"] == "client-42" for s in ticks)
    assert all(s["recipient_id"] == "821024681357" for s in ticks)
    assert ticks[0]["pricing"]["category"] == "service" and not ticks[0]["pricing"]["billable"]
    [reply] = messages(payloads)
    assert reply["from"] == "821024681357" and reply["type"] == "interactive"
    tapped = reply["interactive"]["button_reply"]
    assert (tapped["id"], tapped["title"]) in (("size-s", "S"), ("size-m", "M"))
    assert reply["context"]["id"] == wamid
    # The tap comes after the customer read the question.
    assert payloads.index(next(p for p in payloads if messages([p]))) == 3


def test_the_customer_chooses_a_row_from_a_list() -> None:
    async def scenario() -> tuple[str, Payloads]:
        sandbox, inbox = quiet()
        rows = [
            {"id": "LN-SH-IV", "title": "린넨 셔츠 아이보리", "description": "39,000원"},
            {"id": "LN-SH-SK", "title": "린넨 셔츠 스카이블루", "description": "39,000원"},
            {"id": "AC-SK-3P", "title": "코튼 양말 3종 세트"},
        ]
        body = {
            "to": "447911123456",
            "type": "interactive",
            "interactive": {
                "type": "list",
                "body": {"text": "Which one would you like?"},
                "action": {"button": "Choose", "sections": [{"title": "Shirts", "rows": rows}]},
            },
        }
        wamid = (await sandbox.send_message(PNID, body)).wamid
        await settle(sandbox)
        return wamid, inbox.payloads

    wamid, payloads = run(scenario)
    [reply] = messages(payloads)
    chosen = reply["interactive"]["list_reply"]
    assert reply["interactive"]["type"] == "list_reply" and reply["context"]["id"] == wamid
    assert chosen["id"] in ("LN-SH-IV", "LN-SH-SK", "AC-SK-3P")
    assert chosen["title"].startswith(("린넨", "코튼"))
    assert "biz_opaque_callback_data" not in statuses(payloads)[0]


def test_answers_follow_the_customers_story_until_they_say_thanks() -> None:
    async def scenario() -> list[str]:
        # The test answers at once, faster than a person: no window, or it would look automatic.
        sandbox = SandboxUpstream(seed=4, speed=200, auto_reply_window=0)
        inbox = Inbox()
        await sandbox.start(inbox)
        said: list[str] = []

        def from_jimin(p: Payloads) -> list[dict[str, Any]]:
            return [m for m in messages(p) if m["from"] == "821024681357"]

        try:
            answers = [
                "39,000원이에요!",
                "S, M 다 있어요",
                "장바구니로 보내주세요",
                "계좌 보내드릴게요",
                "입금 확인했어요",
            ]
            for answer in answers:
                before = len(said)
                await inbox.until(lambda p: len(from_jimin(p)) > before)  # noqa: B023 (awaited at once)
                said = [m.get("text", {}).get("body", m["type"]) for m in from_jimin(inbox.payloads)]
                await sandbox.send_message(
                    PNID, {"to": "821024681357", "type": "text", "text": {"body": answer}}
                )
            await inbox.until(lambda p: len(from_jimin(p)) > len(said))
            return [m.get("text", {}).get("body", m["type"]) for m in from_jimin(inbox.payloads)]
        finally:
            await sandbox.stop()

    said = [s for s in run(scenario) if s != "혹시 확인 가능하실까요?"]  # a nudge if the shop was slow
    assert said[:5] == [
        "안녕하세요! 린넨 셔츠 아이보리 얼마예요?",
        "사이즈는 S, M 있나요? 저 보통 55 입어요",
        "그럼 S로 하나 주문할게요 😊",
        "order",  # the cart, sent from the shop's product message
        "입금했어요~ 확인 부탁드려요!",
    ]
    assert said[5] in ("감사합니다! 잘 입을게요 😊", "reaction")


def test_two_messages_in_a_row_get_one_answer_and_a_finished_customer_only_thanks() -> None:
    async def scenario() -> tuple[list[Accepted], Payloads]:
        sandbox, inbox = quiet(seed=6)
        customer = sandbox.by_id["821013572468"]
        sent = [
            await sandbox.send_message(PNID, {"to": customer.wa_id, "type": "text", "text": {"body": t}})
            for t in ("안녕하세요 고객님", "주문 확인해 볼게요")
        ]
        await settle(sandbox)
        customer.turn = len(customer.story)  # the story is told…
        customer.waiting_since -= 60  # …and the owner answers a minute later, not like an automation
        sent.append(
            await sandbox.send_message(
                PNID, {"to": customer.wa_id, "type": "text", "text": {"body": "발송했어요"}}
            )
        )
        await settle(sandbox)
        return sent, inbox.payloads

    sent, payloads = run(scenario)
    found = messages(payloads)
    assert len(statuses(payloads)) == 9
    # One answer to both messages (his story's first turn), then one thanks for the last.
    assert len(found) == 2
    assert found[0]["text"]["body"] == "주문한 린넨 와이드 팬츠 배송 언제 되나요? 주문번호 20931 입니다"
    last = found[1]
    if last["type"] == "reaction":
        assert last["reaction"]["message_id"] == sent[2].wamid
    else:
        assert last["text"]["body"] == "확인했습니다. 감사합니다 👍"


def test_an_instant_greeting_is_read_but_the_customer_waits_for_a_person() -> None:
    async def scenario() -> tuple[list[str], Payloads]:
        sandbox, inbox = quiet(seed=9)
        customer = sandbox.by_id["819012345678"]

        async def shop_says(text: str) -> None:
            await sandbox.send_message(PNID, {"to": customer.wa_id, "type": "text", "text": {"body": text}})
            await settle(sandbox)

        await shop_says("Welcome to Seoul Linen House!")  # the shop wrote first: Yuki asks her question
        await shop_says("Thanks for your message! We are closed now.")  # the relay's away message, at once
        customer.waiting_since -= 60  # a minute later the owner answers
        await shop_says("Yes, we are in Seongsu-dong, come by!")
        return [m["text"]["body"] for m in messages(inbox.payloads)], inbox.payloads

    said, payloads = run(scenario)
    assert said == [
        "Hi, do you have a store in Seoul I can visit next week?",
        "What time do you open on Saturday?",
    ]
    assert [s["status"] for s in statuses(payloads)].count("read") == 3  # she did read the away message


def test_template_quick_reply_is_tapped_and_marketing_is_billed() -> None:
    async def scenario() -> Payloads:
        sandbox, inbox = quiet(seed=7)
        body = {
            "to": "821055557777",
            "type": "template",
            "template": {
                "name": "winter_sale",
                "language": {"code": "ko"},
                "components": [{"type": "body", "parameters": [{"type": "text", "text": "아름"}]}],
            },
        }
        for _ in range(4):
            await sandbox.send_message(PNID, body)
            await settle(sandbox)
        return inbox.payloads

    payloads = run(scenario)
    for payload in payloads:
        assert_cloud_api_payload(payload)
    sent = [s for s in statuses(payloads) if s["status"] == "sent"]
    assert all(
        s["pricing"] == {"billable": True, "pricing_model": "PMP", "category": "marketing"} for s in sent
    )
    taps = [m["button"]["text"] for m in messages(payloads) if m["type"] == "button"]
    assert taps and set(taps) <= {"쿠폰 받기", "수신 거부"}


def test_a_customer_sent_the_english_version_taps_its_english_buttons() -> None:
    """spring_restock is approved in Korean and English: Olivia, sent the English one, taps "Get coupon"
    or "Stop promotions", never the Korean version's buttons."""

    async def scenario() -> Payloads:
        sandbox, inbox = quiet(seed=7)
        body = {
            "to": "447911123456",
            "type": "template",
            "template": {
                "name": "spring_restock",
                "language": {"code": "en"},
                "components": [{"type": "body", "parameters": [{"type": "text", "text": "Olivia"}]}],
            },
        }
        for _ in range(6):
            await sandbox.send_message(PNID, body)
            await settle(sandbox)
        return inbox.payloads

    taps = [m["button"]["text"] for m in messages(run(scenario)) if m["type"] == "button"]
    assert taps and set(taps) <= {"Get coupon", "Stop promotions"}


def test_one_korean_customer_answers_the_first_campaign_ad_with_a_typed_opt_out() -> None:
    async def scenario() -> Payloads:
        sandbox, inbox = quiet(seed=7)
        for _ in range(2):
            body = {
                "to": "821055557777",
                "type": "template",
                "biz_opaque_callback_data": "campaign:spring:821055557777",
                "template": {"name": "winter_sale", "language": {"code": "ko"}},
            }
            await sandbox.send_message(PNID, body)
            await settle(sandbox)
        return inbox.payloads

    texts = [m["text"]["body"] for m in messages(run(scenario)) if m["type"] == "text"]
    assert texts.count("수신거부") == 1  # once, however many campaign ads follow


def test_the_english_demos_shop_is_told_stop_by_a_customer_and_answers_from_its_british_number() -> None:
    """The English demo's sandbox (the Brighton shop): its customers write English, so the typed
    opt-out the campaign report counts is "STOP"; its number is British, as its share link's."""

    async def scenario() -> Payloads:
        sandbox, inbox = quiet(seed=7, language="en")
        for _ in range(2):
            body = {
                "to": "447700900844",
                "type": "template",
                "biz_opaque_callback_data": "campaign:spring:447700900844",
                "template": {"name": "spring_restock", "language": {"code": "en"}},
            }
            await sandbox.send_message(PNID, body)
            await settle(sandbox)
        return inbox.payloads

    payloads = run(scenario)
    texts = [m["text"]["body"] for m in messages(payloads) if m["type"] == "text"]
    assert texts.count("STOP") == 1 and "수신거부" not in texts
    numbers = {p["entry"][0]["changes"][0]["value"]["metadata"]["display_phone_number"] for p in payloads}
    assert numbers == {"447700900000"}


def test_unknown_numbers_and_reactions_get_ticks_but_no_answer() -> None:
    async def scenario() -> Payloads:
        sandbox, _ = quiet()
        inbox = Inbox()
        sandbox.ingest = inbox
        await sandbox.send_message(PNID, {"to": "821000000000", "type": "text", "text": {"body": "hi"}})
        reaction = {"message_id": "wamid.HBgM", "emoji": "❤️"}
        await sandbox.send_message(PNID, {"to": "16505550199", "type": "reaction", "reaction": reaction})
        await settle(sandbox)
        return inbox.payloads

    payloads = run(scenario)
    assert not messages(payloads)
    assert [s["status"] for s in statuses(payloads)].count("read") == 2


def png_size(data: bytes) -> tuple[int, int]:
    """Parse a PNG chunk by chunk (checking every CRC and the pixel data's length)."""
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    pos, chunks = 8, {}
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        tag, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        assert crc == zlib.crc32(tag + body) & 0xFFFFFFFF
        chunks[tag] = body
        pos += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert (depth, colour) == (8, 2)
    assert len(zlib.decompress(chunks[b"IDAT"])) == height * (1 + 3 * width)
    assert b"IEND" in chunks
    return width, height


def test_photos_are_valid_images_served_by_their_media_id(tmp_path: Path) -> None:
    async def scenario() -> tuple[Payloads, SandboxUpstream]:
        sandbox = SandboxUpstream(seed=5, speed=500)
        inbox = Inbox()
        await sandbox.start(inbox)
        try:
            await inbox.until(lambda p: sum(m["type"] == "image" for m in messages(p)) >= 1)
        finally:
            await sandbox.stop()
        return inbox.payloads, sandbox

    payloads, sandbox = run(scenario)
    images = [m["image"] for m in messages(payloads) if m["type"] == "image"]
    for image in images:
        dest = tmp_path / image["id"]
        mime = asyncio.run(sandbox.fetch_media(image["id"], dest))
        data = dest.read_bytes()
        assert mime == "image/png" and png_size(data) == (96, 96)
        assert image["sha256"] == base64.b64encode(hashlib.sha256(data).digest()).decode()
    with pytest.raises(GraphError) as refused:
        run(lambda: sandbox.fetch_media("404", tmp_path / "404"))
    assert refused.value.http_status == 404


def test_uploaded_media_comes_back_unchanged(tmp_path: Path) -> None:
    sandbox = SandboxUpstream(seed=1)
    upload = tmp_path / "menu.pdf"
    upload.write_bytes(b"%PDF-1.4 menu")
    media_id = run(lambda: sandbox.upload_media(PNID, upload, "application/pdf", "menu.pdf"))
    assert run(lambda: sandbox.fetch_media(media_id, tmp_path / "back")) == "application/pdf"
    assert (tmp_path / "back").read_bytes() == b"%PDF-1.4 menu"


def test_a_seed_makes_the_story_repeatable_and_ids_stay_unique() -> None:
    async def story(seed: int) -> list[tuple[str, str, str]]:
        sandbox = SandboxUpstream(seed=seed, speed=500)
        inbox = Inbox()
        await sandbox.start(inbox)
        cast_ids = {c.wa_id for c in cast()}

        def of_cast(payloads: Payloads) -> list[dict[str, Any]]:
            # Walk-ins come when the clock says; the cast's order is what a seed repeats.
            return [m for m in messages(payloads) if m["from"] in cast_ids]

        try:
            await inbox.until(lambda p: len(of_cast(p)) >= 8)
        finally:
            await sandbox.stop()
        return [(m["from"], m["type"], m["id"]) for m in of_cast(inbox.payloads)[:8]]

    one, two, other = run(lambda: story(5)), run(lambda: story(5)), run(lambda: story(6))
    assert [m[:2] for m in one] == [m[:2] for m in two]
    assert [m[:2] for m in one] != [m[:2] for m in other]
    assert not {m[2] for m in one} & {m[2] for m in two}  # a restarted demo relay keeps every message


def test_stop_cancels_everything_and_nothing_arrives_afterwards() -> None:
    async def scenario() -> None:
        sandbox = SandboxUpstream(seed=8, speed=50)
        inbox = Inbox()
        await sandbox.start(inbox)
        await inbox.until(lambda p: len(messages(p)) >= 1)
        await sandbox.send_message(
            PNID, {"to": "821077778888", "type": "text", "text": {"body": "네 있어요"}}
        )
        assert sandbox.tasks
        await sandbox.stop()
        assert not sandbox.tasks
        assert asyncio.all_tasks() == {asyncio.current_task()}
        count = len(inbox.payloads)
        await sandbox.send_message(PNID, {"to": "821077778888", "type": "text", "text": {"body": "?"}})
        assert not sandbox.tasks and len(inbox.payloads) == count

    run(scenario)


def test_the_demos_approved_templates_have_numbered_parameters() -> None:
    templates = run(lambda: SandboxUpstream().list_templates())
    assert {(t["name"], t["language"], t["category"]) for t in templates} == {
        ("order_update", "ko", "UTILITY"),
        ("order_refund", "ko", "UTILITY"),  # a paid order cancelled outside the window
        ("order_shipped", "ko", "UTILITY"),  # an order shipped outside the window
        ("order_payment", "ko", "UTILITY"),  # an order awaiting payment, and its reminder
        ("order_paid", "ko", "UTILITY"),  # its payment arrived (one order, or several paid together)
        ("winter_sale", "ko", "MARKETING"),  # lacks the Korean ad law's form: the editor warns
        ("spring_restock", "ko", "MARKETING"),  # has it
        ("spring_restock", "en", "MARKETING"),  # its version for customers who write English
        ("shipping_notice", "en", "UTILITY"),
        ("order_return", "ko", "UTILITY"),  # part of an order returned, the rest kept
        # The same order steps in English, under the same names: for customers who write English,
        # and first for the demo run in English.
        ("order_payment", "en", "UTILITY"),
        ("order_shipped", "en", "UTILITY"),
        ("order_refund", "en", "UTILITY"),
        ("order_paid", "en", "UTILITY"),
        ("order_return", "en", "UTILITY"),
    }
    for template in templates:
        assert template["status"] == "APPROVED"
        [body] = [c for c in template["components"] if c["type"] == "BODY"]
        assert "{{1}}" in body["text"]
        placeholders = body["text"].count("{{")
        assert len(body["example"]["body_text"][0]) == placeholders


def test_the_demos_refund_template_is_the_one_order_settings_offer_for_a_paid_order_cancelled() -> None:
    """A newcomer can try the refund path: the demo's order_refund names the customer, the order
    and the amount, so the Cancelled tab offers it for the refund."""
    from app.order_messages import CANCELLED_REFUND, template_fits
    from app.wire import Template
    from relay.routes.messages import template_summary

    templates = run(lambda: SandboxUpstream().list_templates())
    fitting = [
        t["name"]
        for t in templates
        if template_fits(CANCELLED_REFUND, Template.model_validate(template_summary(t)))
    ]
    assert "order_refund" in fitting
    (refund,) = [t for t in templates if (t["name"], t["language"]) == ("order_refund", "ko")]
    (body,) = [c for c in refund["components"] if c["type"] == "BODY"]
    assert "{{3}}" in body["text"] and "환불" in body["text"]


def test_the_demos_order_settings_choose_a_fitting_template_for_each_step_told_outside_the_window() -> None:
    """After a demo customer's 24 hours, shipping her order (the sample courier file) or asking for
    her payment still tells her: each step has its template, which reads right with its values."""
    from app.demo_orders import BANK, DEMO_TEMPLATES
    from app.order_messages import BASIC_VALUES, TEMPLATE_VALUES, template_fits
    from app.sending import render_template
    from app.wire import Template
    from relay.routes.messages import template_summary

    every = [
        Template.model_validate(template_summary(t)) for t in run(lambda: SandboxUpstream().list_templates())
    ]
    templates = {t.name: t for t in every if t.language == "ko"}
    for step, name in DEMO_TEMPLATES.items():
        for language in ("ko", "en"):  # each step's template is approved in both, alike
            (version,) = [t for t in every if (t.name, t.language) == (name, language)]
            assert template_fits(step, version), (step, name, language)
    values = {
        "name": "김민지",
        "number": "2026-0001",
        "total": "42,000원",
        "bank": BANK,
        "deadline": "12월 7일 (월)",
        "courier": "CJ대한통운",
        "tracking": "685203947716",
        "tracking_url": "https://trace.cjlogistics.com/next/tracking.html?wblNo=685203947716",
    }

    def told(step: str) -> str:
        template = templates[DEMO_TEMPLATES[step]]
        wanted = TEMPLATE_VALUES.get(step, BASIC_VALUES)
        assert len(template.parameters) == len(wanted)  # every value the step has, none left blank
        return render_template(template, tuple(values[k] for k in wanted))

    assert told("shipped") == (
        "김민지님, 주문번호 2026-0001 주문이 발송되었습니다.\n결제 금액: 42,000원\n택배사: CJ대한통운\n"
        "송장번호: 685203947716\n배송 조회: https://trace.cjlogistics.com/next/tracking.html?wblNo=685203947716"
    )
    payment = told("awaiting_payment")
    assert "결제 금액: 42,000원" in payment and f"입금 계좌: {BANK}" in payment
    assert "입금 기한: 12월 7일 (월)" in payment
    assert told("paid") == (
        "김민지님, 주문번호 2026-0001 주문의 입금이 확인되었습니다.\n결제 금액: 42,000원\n"
        "상품을 정성껏 준비해서 보내드릴게요."
    )
    assert told("returned") == (
        "김민지님, 주문번호 2026-0001 주문의 반품이 접수되었습니다. 반품하신 상품의 42,000원은 "
        "환불해 드릴게요. 환불받으실 계좌를 알려 주세요."
    )


def test_a_reopened_sandbox_continues_instead_of_repeating_what_customers_said(tmp_path: Path) -> None:
    """A kept demo reopens on the same relay database: nobody asks their opening question twice."""
    from relay.store import Store

    url = f"sqlite:///{tmp_path / 'relay.db'}"
    cast_ids = {c.wa_id for c in cast()}

    def of_cast(payloads: Payloads) -> list[dict[str, Any]]:
        return [m for m in messages(payloads) if m["from"] in cast_ids]  # walk-ins come and go too

    async def one_start(until: int) -> list[dict[str, Any]]:
        store = Store(url)
        sandbox = SandboxUpstream(seed=5, speed=200, memory=store.kv)
        inbox = Inbox()
        await sandbox.start(inbox)
        try:
            return of_cast(await inbox.until(lambda p: len(of_cast(p)) >= until))
        finally:
            await sandbox.stop()
            store.close()

    nudges = {"Hello? 🙂", "혹시 확인 가능하실까요?"}
    first = run(lambda: one_start(8))
    # On a busy machine the first start can last long enough for someone to nudge already.
    openings = {m["text"]["body"] for m in first if m["type"] == "text"} - nudges
    assert len({m["from"] for m in first}) == 8 and openings
    # Everyone now waits for the shop: on the next start they nudge, they do not open again.
    second = run(lambda: one_start(8))
    again = [m["text"]["body"] for m in second if m["type"] == "text" and m["text"]["body"] in openings]
    assert again == []
    assert {m["text"]["body"] for m in second} <= nudges


def test_new_customers_keep_arriving_at_a_gentle_pace_up_to_a_cap_and_answer_the_shop() -> None:
    speed = 500

    async def scenario() -> None:
        sandbox = SandboxUpstream(seed=12, speed=speed, newcomers_max=4)
        cast_ids = set(sandbox.by_id)
        inbox = Inbox()
        arrived: dict[str, float] = {}

        async def note(payload: dict[str, Any]) -> None:
            for m in messages([payload]):
                if m["from"] not in cast_ids:
                    arrived.setdefault(m["from"], asyncio.get_running_loop().time())
            await inbox(payload)

        await sandbox.start(note)
        try:
            assert sandbox.arrivals is not None
            await asyncio.wait_for(asyncio.shield(sandbox.arrivals), 20)
            assert len(arrived) == 4  # the cap, however long the demo stays open
            times = sorted(arrived.values())
            gaps = [b - a for a, b in itertools.pairwise(times)]
            # Never sooner than 30 s apart (at speed 1); later only by how busy the machine is.
            assert min(gaps) >= 30 / speed * 0.9 and max(gaps) <= 90 / speed + 1.0
            for payload in inbox.payloads:
                assert_cloud_api_payload(payload)
            # A newcomer reads what the shop sends and writes back.
            newcomer = next(iter(arrived))
            before = len([m for m in messages(inbox.payloads) if m["from"] == newcomer])
            await sandbox.send_message(
                PNID, {"to": newcomer, "type": "text", "text": {"body": "네, 있어요!"}}
            )
            await inbox.until(lambda p: len([m for m in messages(p) if m["from"] == newcomer]) > before)
        finally:
            await sandbox.stop()

    run(scenario)


def test_a_whole_demo_of_walk_ins_brings_no_two_customers_with_one_name() -> None:
    """Thirty walk-ins over six English and ten Korean names used to repeat them: two chats called
    "Emma Wilson" in one demo looked like a duplicated chat."""
    from relay.sandbox_newcomers import NEWCOMERS_MAX

    async def scenario() -> None:
        sandbox = SandboxUpstream(seed=7, speed=5000, newcomers_max=NEWCOMERS_MAX)
        cast_names = {c.name for c in sandbox.customers}
        inbox = Inbox()
        await sandbox.start(inbox)
        try:
            assert sandbox.arrivals is not None
            await asyncio.wait_for(asyncio.shield(sandbox.arrivals), 30)
        finally:
            await sandbox.stop()
        names = {
            c["wa_id"]: c["profile"]["name"]
            for p in inbox.payloads
            for e in p["entry"]
            for ch in e["changes"]
            for c in ch["value"].get("contacts", [])
        }
        walk_ins = [name for name in names.values() if name not in cast_names]
        assert len(walk_ins) == NEWCOMERS_MAX
        assert len(set(walk_ins)) == NEWCOMERS_MAX, sorted(walk_ins)
        assert len(set(names.values())) == len(names)  # nobody new is called like the cast either

    run(scenario)


def test_walk_ins_use_the_demo_shops_menu_bot_in_both_languages() -> None:
    from datetime import UTC, datetime

    from app.automations_store import demo_automations
    from app.rules import BotState, CustomerMessage, bot_decision
    from relay.sandbox_newcomers import MENU_OPENINGS

    # Monday 11:00 in Seoul: the shop is open; the demo's own rules answer the walk-ins' openings.
    now = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)
    for lang, openings in MENU_OPENINGS.items():
        doc = demo_automations(lang)
        kinds = []
        for text in openings:
            decision = bot_decision(doc, BotState(), CustomerMessage(text=text), now, wa_id="821012345678")
            assert decision.reply is not None, (lang, text)
            kinds.append((decision.reply["type"], decision.handoff is not None))
        assert ("interactive", False) in kinds  # the menu, whose rows the walk-in taps
        assert any(handed for _kind, handed in kinds)  # someone ends up with a person


def test_a_shop_with_two_numbers_hears_each_customer_on_one_number_and_answers_from_it() -> None:
    """`--demo --two-numbers`: every other customer writes to the second branch's number; the ticks
    of what the shop sends them come from that number too."""

    async def scenario() -> tuple[SandboxUpstream, Payloads]:
        sandbox = SandboxUpstream(seed=1, speed=200, two_numbers=True)
        inbox = Inbox()
        await sandbox.start(inbox)
        try:
            await inbox.until(lambda p: len({m["from"] for m in messages(p)}) >= 8)
        finally:
            await sandbox.stop()
        return sandbox, inbox.payloads

    sandbox, payloads = run(scenario)
    by_customer: dict[str, set[tuple[str, str]]] = {}
    crosser = cast("ko")[0].wa_id  # writes to the second number too, once everyone has written
    for payload in payloads:
        assert_cloud_api_payload(
            payload, frozenset({("8225550100", PNID), ("8225550200", "100000000000002")})
        )
        value = payload["entry"][0]["changes"][0]["value"]
        number = (value["metadata"]["phone_number_id"], value["metadata"]["display_phone_number"])
        for m in value.get("messages", []):
            by_customer.setdefault(m["from"], set()).add(number)
    assert all(len(numbers) == 1 for wa_id, numbers in by_customer.items() if wa_id != crosser)
    assert {n for numbers in by_customer.values() for n in numbers} == {
        (PNID, "8225550100"),
        ("100000000000002", "8225550200"),
    }
    second = next(
        wa_id for wa_id, numbers in by_customer.items() if ("100000000000002", "8225550200") in numbers
    )

    def sent_from(phone_number_id: str) -> list[tuple[str, str]]:
        async def answer() -> Payloads:
            inbox = Inbox()
            sandbox.ingest = inbox
            sandbox.stopped = False
            await sandbox.send_message(
                phone_number_id, {"to": second, "type": "text", "text": {"body": "네"}}
            )
            await settle(sandbox)
            return inbox.payloads

        ticks = [p for p in run(answer) if statuses([p])]
        return [
            (statuses([p])[0]["status"], p["entry"][0]["changes"][0]["value"]["metadata"]["phone_number_id"])
            for p in ticks
        ]

    assert sent_from("100000000000002") == [(s, "100000000000002") for s in ("sent", "delivered", "read")]
    # A relay that answered from the other number would be seen to: the ticks say which one sent.
    assert sent_from(PNID) == [(s, PNID) for s in ("sent", "delivered", "read")]


@pytest.mark.parametrize(("language", "shop"), [("ko", "open"), ("ko", "away"), ("en", "open")])
def test_the_two_number_demo_shows_a_customer_writing_the_second_number_and_its_greeting_coming_live(
    tmp_path: Path, language: str, shop: str
) -> None:
    """`--demo --two-numbers`: once every customer has written, one customer of the first number
    writes to the second for the first time, and the relay greets her there, from that number, with
    the demo shop's greeting (inside the menu bot's welcome), as a newcomer to the demo can watch."""
    from app.automations_store import demo_automations
    from app.wire import SANDBOX_SECOND_PHONE_NUMBER_ID
    from tests.support.relay_server import PHONE_NUMBER_ID, run_relay

    crosser = cast(language)[0]
    with run_relay(
        tmp_path,
        upstream="sandbox",
        sandbox_language=language,
        sandbox_two_numbers=True,
        sandbox_speed=100,
        sandbox_seed=3,
        sandbox_hold_for_automations=30,
    ) as relay:
        doc = demo_automations(language)
        # Whatever the hour the test runs at: the shop open (no away message: the greeting, maybe
        # with the bot's menu) or away (the greeting with the away message); her greeting comes.
        away = doc.away.model_copy(update={"enabled": shop == "away", "schedule": "always"})
        relay.put_rules(**doc.model_copy(update={"away": away}).model_dump(mode="json", exclude={"revision"}))
        found: list[dict[str, Any]] = []
        deadline = time.monotonic() + 30
        after = 0

        def greeted_on_second() -> list[dict[str, Any]]:
            return [
                e
                for e in found
                if e["kind"] == "outbound"
                and e["to"] == crosser.wa_id
                and e["phone_number_id"] == SANDBOX_SECOND_PHONE_NUMBER_ID
                and e["sent_by"] in ("greeting", "bot")
            ]

        while not greeted_on_second() and time.monotonic() < deadline:
            page = relay.events(after, wait=1.0)
            found += page["events"]
            after = page["next"]
    hers = [
        (e["phone_number_id"], e["message"].get("text", {}).get("body"))
        for e in found
        if e["kind"] == "message" and e["message"].get("from") == crosser.wa_id
    ]
    assert hers[0][0] == PHONE_NUMBER_ID  # her story began on the first number …
    assert (SANDBOX_SECOND_PHONE_NUMBER_ID, crosser.other_branch) in hers  # … then she wrote the second
    greeting = greeted_on_second()
    assert greeting, "no greeting from the second number"
    first_name = crosser.name if language == "ko" else crosser.name.split()[0]
    assert first_name in str(greeting[0]["body"])


def test_simulated_webhooks_the_relays_full_disk_refuses_are_said_once_and_once_when_stored_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The demo's customers write every few seconds: with the relay's disk full each simulated
    webhook logged a traceback at ERROR. Now one line at ERROR names the cause, one says when
    they are stored again, as Meta's own webhooks are said."""
    import logging
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(tmp_path / "relay.db")) as full:
        full.execute("CREATE TABLE event (payload TEXT)")
        full.execute("PRAGMA max_page_count = 2")  # SQLite's own "database or disk is full"
        stored: list[dict[str, Any]] = []

        async def ingest(payload: dict[str, Any]) -> None:
            with full:
                full.execute("INSERT INTO event VALUES (?)", ("x" * 20_000,))
            stored.append(payload)

        sandbox = SandboxUpstream(seed=1, speed=500)
        sandbox.ingest = ingest

        async def deliveries() -> None:
            for n in range(10):
                await sandbox._deliver({"n": n})
            full.execute("PRAGMA max_page_count = 100000")  # room freed
            await sandbox._deliver({"n": 10})

        with caplog.at_level(logging.DEBUG, logger="relay.sandbox"):
            asyncio.run(deliveries())
    said = [r for r in caplog.records if r.levelno >= logging.INFO]
    assert [(r.levelname, r.getMessage()) for r in said[:1]] == [
        ("ERROR", "sandbox: simulated webhook not stored: cause=disk_full error=OperationalError")
    ]
    assert len(said) == 2 and said[1].levelname == "WARNING", [r.getMessage() for r in said]
    assert (
        said[1]
        .getMessage()
        .startswith("sandbox: simulated webhook not stored: works again after 10 failures")
    )
    assert all(r.exc_info is None for r in said)  # the tracebacks at DEBUG only
    assert stored == [{"n": 10}]
