"""The sandbox upstream: simulated customers who write, send photos, tap buttons and read replies."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import struct
import time
import zlib
from dataclasses import dataclass, field
from typing import Any

from relay.upstream import Ingest

log = logging.getLogger(__name__)


def png_square(rgb: tuple[int, int, int], size: int = 96) -> bytes:
    """A small valid PNG of one colour with a lighter band (stand-in for a customer's photo)."""
    light = tuple(min(255, c + 60) for c in rgb)
    rows = []
    for y in range(size):
        colour = light if size // 3 <= y < size // 2 else rgb
        rows.append(b"\x00" + bytes(colour) * size)
    raw = b"".join(rows)

    def chunk(tag: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


@dataclass
class Customer:
    wa_id: str
    name: str
    korean: bool
    script: list[
        tuple[str, Any]
    ]  # ("text", str) | ("image", caption) | ("location", (lat, lon, name, address))
    replies: list[str]  # what they say after the shop answers
    position: int = 0
    waiting_for_shop: bool = False
    colour: tuple[int, int, int] = (200, 160, 120)
    history: list[str] = field(default_factory=list)


def cast() -> list[Customer]:
    return [
        Customer(
            "821024681357",
            "한지민",
            True,
            [
                ("text", "안녕하세요! 린넨 셔츠 화이트 S 사이즈 있나요?"),
                ("image", "이 셔츠랑 같은 거 맞죠?"),
                ("text", "그럼 하나 주문할게요 😊"),
            ],
            ["네 감사합니다!", "입금했어요~", "배송은 언제쯤 될까요?", "좋아요 👍"],
            colour=(230, 225, 210),
        ),
        Customer(
            "821013572468",
            "오세훈",
            True,
            [("text", "주문한 바지 배송 언제 되나요? 주문번호 20931 입니다")],
            ["알겠습니다. 기다릴게요", "송장번호 받았어요 감사합니다"],
        ),
        Customer(
            "447911123456",
            "Olivia Brown",
            False,
            [
                ("text", "Hi! Do you have the wool cardigan in navy, size M?"),
                ("location", (51.5237, -0.1585, "Home", "221B Baker St, London")),
            ],
            ["Perfect, thank you!", "Can you ship it this week?", "Great 🙌"],
            colour=(40, 50, 90),
        ),
        Customer(
            "821055557777",
            "윤아름",
            True,
            [("text", "사이즈 교환 가능할까요? M이 좀 작아서요"), ("text", "L로 바꾸고 싶어요")],
            ["네 오늘 보낼게요!", "감사합니다 😊"],
        ),
        Customer(
            "16505550199",
            "Marcus Chen",
            False,
            [("text", "Hello, is the linen tote still available? How much is shipping to the US?")],
            ["Sounds good, I'll order today", "Paid just now!"],
        ),
        Customer(
            "821098761234",
            "강다은",
            True,
            [("image", "이 원피스 재고 있나요?"), ("text", "카드 결제도 되나요?")],
            ["네네 알겠습니다", "내일 받을 수 있으면 좋겠어요"],
            colour=(190, 80, 90),
        ),
        Customer(
            "819012345678",
            "Yuki Tanaka",
            False,
            [("text", "Hi, do you have a store in Seoul I can visit next week?")],
            ["Thanks, see you on Saturday!"],
        ),
        Customer(
            "821077778888",
            "임하준",
            True,
            [("text", "오늘 영업하시나요?"), ("text", "매장 주소 알려주세요")],
            ["감사합니다 곧 갈게요"],
        ),
    ]


class SandboxUpstream:
    """Speaks the Cloud API's webhook shapes; `speed` > 1 makes everything happen sooner."""

    name = "sandbox"

    def __init__(
        self, phone_number_id: str = "100000000000001", seed: int | None = None, speed: float = 1.0
    ) -> None:
        self.phone_number_id = phone_number_id
        self.rng = random.Random(seed)
        self.speed = max(speed, 0.001)
        self.customers = cast()
        self.by_id = {c.wa_id: c for c in self.customers}
        self.media: dict[str, tuple[bytes, str]] = {}
        self.ingest: Ingest | None = None
        self.tasks: set[asyncio.Task[Any]] = set()
        self.counter = 0
        self.sent: list[dict[str, Any]] = []

    # ------------------------------------------------------------------ helpers
    def _wamid(self) -> str:
        self.counter += 1
        return f"wamid.SANDBOX{int(time.time() * 1000)}{self.counter:05d}{self.rng.randrange(10**6):06d}"

    def _delay(self, low: float, high: float) -> float:
        return self.rng.uniform(low, high) / self.speed

    def _envelope(self, value: dict[str, Any]) -> dict[str, Any]:
        return {
            "object": "whatsapp_business_account",
            "entry": [
                {
                    "id": "WABA_SANDBOX",
                    "changes": [
                        {
                            "field": "messages",
                            "value": {
                                "messaging_product": "whatsapp",
                                "metadata": {
                                    "display_phone_number": "82 2 555 0100",
                                    "phone_number_id": self.phone_number_id,
                                },
                                **value,
                            },
                        }
                    ],
                }
            ],
        }

    def _spawn(self, coro: Any) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _deliver(self, payload: dict[str, Any]) -> None:
        if self.ingest is None:
            return
        try:
            await self.ingest(payload)
        except Exception:
            log.exception("sandbox delivery failed")

    def message_payload(
        self, customer: Customer, kind: str, content: Any, context: str | None = None
    ) -> dict[str, Any]:
        message: dict[str, Any] = {
            "from": customer.wa_id,
            "id": self._wamid(),
            "timestamp": str(int(time.time())),
            "type": kind,
        }
        if context:
            message["context"] = {"from": self.phone_number_id, "id": context}
        if kind == "text":
            message["text"] = {"body": content}
        elif kind == "image":
            media_id = f"sandbox-media-{self.counter}-{self.rng.randrange(10**6)}"
            self.media[media_id] = (png_square(customer.colour), "image/png")
            message["image"] = {"id": media_id, "mime_type": "image/png", "sha256": "", "caption": content}
        elif kind == "location":
            lat, lon, name, address = content
            message["location"] = {"latitude": lat, "longitude": lon, "name": name, "address": address}
        elif kind == "interactive":
            message["interactive"] = content
        elif kind == "reaction":
            message["reaction"] = content
        return self._envelope(
            {
                "contacts": [{"profile": {"name": customer.name}, "wa_id": customer.wa_id}],
                "messages": [message],
            }
        )

    # ------------------------------------------------------------------ lifetime
    async def start(self, ingest: Ingest) -> None:
        self.ingest = ingest
        self._spawn(self._customers_write())

    async def stop(self) -> None:
        for task in list(self.tasks):
            task.cancel()
        for task in list(self.tasks):
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self.tasks.clear()

    async def _customers_write(self) -> None:
        """Customers take turns to write; the first message comes within ~2 s."""
        await asyncio.sleep(self._delay(1.0, 2.0))
        order = list(self.customers)
        self.rng.shuffle(order)
        while True:
            for customer in order:
                if customer.position < len(customer.script) and not customer.waiting_for_shop:
                    kind, content = customer.script[customer.position]
                    customer.position += 1
                    customer.waiting_for_shop = customer.position >= len(customer.script)
                    await self._deliver(self.message_payload(customer, kind, content))
                    await asyncio.sleep(self._delay(5.0, 20.0))
            if all(c.position >= len(c.script) for c in self.customers):
                # Everyone has said their piece: start a new round so the demo stays alive.
                for customer in self.customers:
                    customer.position = 0
                    customer.waiting_for_shop = False
                await asyncio.sleep(self._delay(30.0, 60.0))
            else:
                await asyncio.sleep(self._delay(2.0, 5.0))

    # ------------------------------------------------------------------ what the shop does
    async def send_message(self, phone_number_id: str, body: dict[str, Any]) -> str:
        wamid = self._wamid()
        self.sent.append(body)
        to = str(body.get("to", ""))
        self._spawn(self._statuses(wamid, to, body.get("biz_opaque_callback_data")))
        customer = self.by_id.get(to)
        if customer is not None and body.get("type") != "reaction":
            self._spawn(self._answer(customer, wamid, body))
        return wamid

    async def _statuses(self, wamid: str, to: str, callback: Any) -> None:
        for status, (low, high) in (("sent", (0.2, 0.6)), ("delivered", (0.8, 2.0)), ("read", (2.0, 6.0))):
            await asyncio.sleep(self._delay(low, high))
            entry: dict[str, Any] = {
                "id": wamid,
                "status": status,
                "timestamp": str(int(time.time())),
                "recipient_id": to,
            }
            if status == "sent":
                entry["conversation"] = {"id": f"conv-{to}", "origin": {"type": "service"}}
                entry["pricing"] = {"billable": False, "pricing_model": "CBP", "category": "service"}
            if callback:
                entry["biz_opaque_callback_data"] = callback
            await self._deliver(self._envelope({"statuses": [entry]}))

    async def _answer(self, customer: Customer, wamid: str, body: dict[str, Any]) -> None:
        """After reading, the customer reacts, taps what was offered, or writes back."""
        await asyncio.sleep(self._delay(4.0, 12.0))
        interactive = body.get("interactive") if body.get("type") == "interactive" else None
        if isinstance(interactive, dict) and interactive.get("type") == "button":
            buttons = (interactive.get("action") or {}).get("buttons") or []
            if buttons:
                choice = self.rng.choice(buttons).get("reply", {})
                reply = {
                    "type": "button_reply",
                    "button_reply": {"id": choice.get("id"), "title": choice.get("title")},
                }
                await self._deliver(self.message_payload(customer, "interactive", reply, context=wamid))
                return
        if isinstance(interactive, dict) and interactive.get("type") == "list":
            rows = [
                r
                for s in (interactive.get("action") or {}).get("sections") or []
                for r in s.get("rows") or []
            ]
            if rows:
                row = self.rng.choice(rows)
                reply = {
                    "type": "list_reply",
                    "list_reply": {
                        "id": row.get("id"),
                        "title": row.get("title"),
                        "description": row.get("description", ""),
                    },
                }
                await self._deliver(self.message_payload(customer, "interactive", reply, context=wamid))
                return
        if self.rng.random() < 0.25:
            await self._deliver(
                self.message_payload(customer, "reaction", {"message_id": wamid, "emoji": "👍"})
            )
            return
        reply_text = customer.replies[len(customer.history) % len(customer.replies)]
        customer.history.append(reply_text)
        customer.waiting_for_shop = False
        await self._deliver(self.message_payload(customer, "text", reply_text))

    async def mark_read(self, phone_number_id: str, wamid: str) -> None:
        """The customer sees blue ticks; nothing else to simulate."""

    async def upload_media(
        self, phone_number_id: str, data: bytes, mime_type: str, filename: str | None
    ) -> str:
        media_id = f"sandbox-upload-{len(self.media) + 1}-{self.rng.randrange(10**6)}"
        self.media[media_id] = (data, mime_type)
        return media_id

    async def fetch_media(self, media_id: str) -> tuple[bytes, str]:
        from relay.upstream import GraphError

        if media_id not in self.media:
            raise GraphError(404, 100, "Unknown media id", retryable=False)
        return self.media[media_id]

    async def list_templates(self) -> list[dict[str, Any]]:
        return [
            {
                "name": "order_update",
                "language": "ko",
                "category": "UTILITY",
                "status": "APPROVED",
                "components": [
                    {
                        "type": "BODY",
                        "text": "{{1}}님, 주문하신 {{2}} 상품이 오늘 발송되었습니다. 송장번호: {{3}}",
                        "example": {"body_text": [["김민지", "린넨 셔츠", "6543 2109 8765"]]},
                    }
                ],
            },
            {
                "name": "winter_sale",
                "language": "ko",
                "category": "MARKETING",
                "status": "APPROVED",
                "components": [
                    {
                        "type": "BODY",
                        "text": "{{1}}님, 겨울 시즌 세일이 시작됐어요! 전 품목 {{2}} 할인 🎁",
                        "example": {"body_text": [["민지", "20%"]]},
                    }
                ],
            },
            {
                "name": "shipping_notice",
                "language": "en",
                "category": "UTILITY",
                "status": "APPROVED",
                "components": [
                    {
                        "type": "BODY",
                        "text": "Hi {{1}}, your order has shipped. Tracking number: {{2}}",
                        "example": {"body_text": [["Amy", "KR123456789"]]},
                    }
                ],
            },
        ]
