"""The sandbox's customers and shop data: who writes, their stories, their photos, the templates."""

from __future__ import annotations

import random
import struct
import zlib
from dataclasses import dataclass, field
from typing import Any

from app.wire import sandbox_shop_country

# A turn is what a customer sends in one go; between turns they wait for the shop to answer.
# Beats: ("text", body) | ("image", caption) | ("location", (latitude, longitude, name, address)).
Beat = tuple[str, Any]

# --------------------------------------------------------------------------- photos

# 12 × 12 silhouettes, scaled up: enough for a photo bubble to show *something* the customer means.
_SHAPES = {
    "shirt": [
        "............",
        "...##..##...",
        ".####..####.",
        "############",
        "###.####.###",
        "....####....",
        "....####....",
        "....####....",
        "....####....",
        "....####....",
        "....####....",
        "............",
    ],
    "dress": [
        "....#..#....",
        "....####....",
        "....####....",
        "...######...",
        "....####....",
        "...######...",
        "..########..",
        "..########..",
        ".##########.",
        ".##########.",
        "############",
        "............",
    ],
    "bag": [
        "............",
        "....####....",
        "...#....#...",
        "...#....#...",
        ".##########.",
        ".##########.",
        ".##########.",
        ".##########.",
        ".##########.",
        ".##########.",
        ".##########.",
        "............",
    ],
}


def png_image(rgb: tuple[int, int, int], shape: str = "shirt", scale: int = 8) -> bytes:
    """A small valid PNG: the item's silhouette in its colour on a light backdrop (pure Python)."""
    mask = _SHAPES.get(shape, _SHAPES["shirt"])
    backdrop = bytes((244, 241, 236))
    item = bytes(rgb)
    rows = []
    for line in mask:
        row = b"".join((item if ch == "#" else backdrop) * scale for ch in line)
        rows.extend([b"\x00" + row] * scale)
    size = len(mask) * scale

    def chunk(tag: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(tag + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


# --------------------------------------------------------------------------- the cast


@dataclass
class Customer:
    wa_id: str
    name: str
    korean: bool
    story: list[list[Beat]]
    thanks: str  # said once the story is told and the shop answers again
    colour: tuple[int, int, int] = (200, 160, 120)
    shape: str = "shirt"
    # With two numbers (`--demo --two-numbers`), what she writes to the shop's other number, once,
    # after every customer has written (relay/sandbox.py `_cross_over`): that number's greeting then
    # comes live. Said whether or not the first number answered her.
    other_branch: str = ""
    turn: int = 0  # the next turn to say
    waiting: bool = False  # said a turn, waiting for the shop
    waiting_since: float = 0.0  # monotonic time they last said something
    nudged: bool = False
    thanked: bool = False
    answer_generation: int = 0  # a newer shop message supersedes an answer still being typed
    rng: random.Random = field(default_factory=random.Random, repr=False)

    @property
    def nudge(self) -> str:
        return "혹시 확인 가능하실까요?" if self.korean else "Hello? 🙂"

    @property
    def told(self) -> bool:
        return self.turn >= len(self.story)


def cast(language: str = "ko") -> list[Customer]:
    """Eight customers of the demo shop, each with a story that fits its catalogue: the Seoul shop's
    for "ko", the Palo Alto shop's for "en_US" (the demo run in English on a computer set to US
    English), else the Brighton shop's (the demo run in English), who write English."""
    country = sandbox_shop_country(language)
    if country == "KR":
        return _seoul_cast()
    return _palo_alto_cast() if country == "US" else _brighton_cast()


def _palo_alto_cast() -> list[Customer]:
    """Eight customers of a small Palo Alto clothing shop: American numbers (555-01xx, numbers for
    fiction), a visitor from Japan; the Seoul shop's stories, told in American English, in dollars."""
    return [
        Customer(
            "16505550111",
            "Ashley Parker",
            False,
            [
                [("text", "Hello! How much is the ivory linen shirt?")],
                [("text", "Do you have it in S or M? I'm usually a size 4")],
                [("text", "Then I'll order an S please 😊")],
                [
                    # A cart sent from the shop's product message, as WhatsApp delivers it.
                    (
                        "order",
                        {
                            "catalog_id": "1502836640285533",
                            "text": "Size S please",
                            "product_items": [
                                {
                                    "product_retailer_id": "LN-SH-IV",
                                    "quantity": 1,
                                    "item_price": 39,
                                    "currency": "USD",
                                }
                            ],
                        },
                    ),
                ],
                [("text", "Sent it with Zelle, could you check? Thanks!")],
            ],
            "Thank you! Can't wait to wear it 😊",
            colour=(236, 226, 204),
            other_branch="Hi, is this your other store's number? It's closer to me. "
            "Could I pick up the ivory linen shirt there?",
        ),
        Customer(
            "14155550122",
            "Ryan Brooks",
            False,
            [
                [("text", "When will my wide-leg linen pants arrive? The order number is 20931")],
                [("text", "Could I get the tracking number, please?")],
            ],
            "Got it, thanks 👍",
        ),
        Customer(
            "14085550133",
            "Jessica Nguyen",
            False,
            [
                [("text", "Hi! Do you have the cotton knit cardigan in oatmeal, size M?")],
                [("text", "Great, I'll take one. Can you ship it to San Jose?")],
                [
                    ("text", "Here's my address for the delivery 📦"),
                    ("location", (37.3382, -121.8863, "Home", "150 E San Fernando St, San Jose, CA 95112")),
                ],
            ],
            "Perfect, thank you so much!",
            colour=(214, 200, 176),
        ),
        Customer(
            "15105550144",
            "Karen Mitchell",
            False,
            [
                [
                    (
                        "text",
                        "Can I exchange a size? I bought the pleated maxi skirt in M and it's a bit small",
                    )
                ],
                [("text", "I'd like an L instead. Should I mail it back to you?")],
            ],
            "I'll send it today, thank you 😊",
        ),
        Customer(
            "12125550155",
            "Marcus Chen",
            False,
            [
                [
                    (
                        "text",
                        "Hello, is the canvas tote bag still available? How much is shipping to New York?",
                    )
                ],
                [("text", "Sounds good, I'll order one in natural.")],
                [("text", "Paid just now! Could you send me the tracking number when it ships?")],
            ],
            "Thanks, have a great day!",
            colour=(222, 208, 180),
            shape="bag",
        ),
        Customer(
            "16505550166",
            "Maya Patel",
            False,
            [
                [("image", "Is this dress still in stock? I saw it on your Instagram")],
                [("text", "Can I pay by card?")],
                [("text", "Then I'll order it in M! Could it arrive by tomorrow?")],
            ],
            "Awesome, thank you 💕",
            colour=(38, 52, 96),
            shape="dress",
        ),
        Customer(
            "819012345678",
            "Yuki Tanaka",
            False,
            [
                [("text", "Hi, I'm in Palo Alto next week. Can I visit your studio?")],
                [("text", "What time do you open on Saturday?")],
            ],
            "Thanks, see you on Saturday!",
        ),
        Customer(
            "16505550177",
            "Tyler Scott",
            False,
            [
                [("text", "Are you open today? Do you have the black leather crossbody bag in stock?")],
                [("image", "This one, right?")],
                [
                    ("text", "Could a courier bring it to my office? It's here"),
                    ("location", (37.4443, -122.1607, "Office", "200 Hamilton Ave, Palo Alto, CA 94301")),
                ],
            ],
            "Thanks a lot 🙏",
            colour=(30, 30, 32),
            shape="bag",
        ),
    ]


def _brighton_cast() -> list[Customer]:
    """Eight customers of a small Brighton clothing shop: British numbers (Ofcom's for drama), an
    American and a Japanese visitor; the Seoul shop's stories, told in English, prices in pounds."""
    return [
        Customer(
            "447700900811",
            "Chloe Adams",
            False,
            [
                [("text", "Hello! How much is the ivory linen shirt?")],
                [("text", "Do you have it in S or M? I'm usually a UK 10")],
                [("text", "Then I'll order an S please 😊")],
                [
                    # A cart sent from the shop's product message, as WhatsApp delivers it.
                    (
                        "order",
                        {
                            "catalog_id": "1502836640285533",
                            "text": "Size S please",
                            "product_items": [
                                {
                                    "product_retailer_id": "LN-SH-IV",
                                    "quantity": 1,
                                    "item_price": 39,
                                    "currency": "GBP",
                                }
                            ],
                        },
                    ),
                ],
                [("text", "Paid by bank transfer, could you check? Thanks!")],
            ],
            "Thank you! Can't wait to wear it 😊",
            colour=(236, 226, 204),
            other_branch="Hi, is this your other shop's number? It's nearer to me. "
            "Could I pick up the ivory linen shirt there?",
        ),
        Customer(
            "447700900822",
            "Oliver Grant",
            False,
            [
                [("text", "When will my wide linen trousers arrive? The order number is 20931")],
                [("text", "Could I have the tracking number, please?")],
            ],
            "Got it, thanks 👍",
        ),
        Customer(
            "447700900833",
            "Olivia Brown",
            False,
            [
                [("text", "Hi! Do you have the cotton knit cardigan in oatmeal, size M?")],
                [("text", "Lovely, I'll take one. Can you post it to London?")],
                [
                    ("text", "Here's my address for the delivery 📦"),
                    ("location", (51.5237, -0.1585, "Home", "221B Baker St, London NW1 6XE")),
                ],
            ],
            "Perfect, thank you so much!",
            colour=(214, 200, 176),
        ),
        Customer(
            "447700900844",
            "Ruth Mitchell",
            False,
            [
                [("text", "Can I swap a size? I bought the pleated maxi skirt in M and it's a bit small")],
                [("text", "I'd like an L instead. Shall I post it back to you?")],
            ],
            "I'll send it today, thank you 😊",
        ),
        Customer(
            "16505550199",
            "Marcus Chen",
            False,
            [
                [("text", "Hello, is the canvas tote bag still available? How much is shipping to the US?")],
                [("text", "Sounds good, I'll order one in natural.")],
                [("text", "Paid just now! Could you send me the tracking number when it ships?")],
            ],
            "Thanks, have a great day!",
            colour=(222, 208, 180),
            shape="bag",
        ),
        Customer(
            "447700900855",
            "Zara Ahmed",
            False,
            [
                [("image", "Is this dress still in stock? I saw it on your Instagram")],
                [("text", "Can I pay by card?")],
                [("text", "Then I'll order it in M! Could it arrive by tomorrow?")],
            ],
            "Brilliant, thank you 💕",
            colour=(38, 52, 96),
            shape="dress",
        ),
        Customer(
            "819012345678",
            "Yuki Tanaka",
            False,
            [
                [("text", "Hi, I'm in Brighton next week. Can I visit your studio?")],
                [("text", "What time do you open on Saturday?")],
            ],
            "Thanks, see you on Saturday!",
        ),
        Customer(
            "447700900866",
            "Ben Carter",
            False,
            [
                [("text", "Are you open today? Do you have the black leather crossbody bag in stock?")],
                [("image", "This one, right?")],
                [
                    ("text", "Could a courier bring it to my office? It's here"),
                    ("location", (50.8225, -0.1372, "Office", "1 Jubilee Street, Brighton BN1 1GE")),
                ],
            ],
            "Thanks a lot 🙏",
            colour=(30, 30, 32),
            shape="bag",
        ),
    ]


def _seoul_cast() -> list[Customer]:
    """Eight customers of a small Seoul clothing shop, each with a story that fits its catalogue."""
    return [
        Customer(
            "821024681357",
            "한지민",
            True,
            [
                [("text", "안녕하세요! 린넨 셔츠 아이보리 얼마예요?")],
                [("text", "사이즈는 S, M 있나요? 저 보통 55 입어요")],
                [("text", "그럼 S로 하나 주문할게요 😊")],
                [
                    # A cart sent from the shop's product message, as WhatsApp delivers it.
                    (
                        "order",
                        {
                            "catalog_id": "1502836640285533",
                            "text": "S 사이즈로 부탁드려요",
                            "product_items": [
                                {
                                    "product_retailer_id": "LN-SH-IV",
                                    "quantity": 1,
                                    "item_price": 39000,
                                    "currency": "KRW",
                                }
                            ],
                        },
                    ),
                ],
                [("text", "입금했어요~ 확인 부탁드려요!")],
            ],
            "감사합니다! 잘 입을게요 😊",
            colour=(236, 226, 204),
            other_branch="안녕하세요, 다른 지점 번호 맞죠? 여기가 집에서 더 가까워서요. "
            "린넨 셔츠 아이보리 여기서 찾아갈 수 있을까요?",
        ),
        Customer(
            "821013572468",
            "오세훈",
            True,
            [
                [("text", "주문한 린넨 와이드 팬츠 배송 언제 되나요? 주문번호 20931 입니다")],
                [("text", "혹시 송장번호 알 수 있을까요?")],
            ],
            "확인했습니다. 감사합니다 👍",
        ),
        Customer(
            "447911123456",
            "Olivia Brown",
            False,
            [
                [("text", "Hi! Do you have the cotton knit cardigan in oatmeal, size M?")],
                [("text", "Lovely, I'll take one. Can you ship it to London?")],
                [
                    ("text", "Here's my address for the delivery 📦"),
                    ("location", (51.5237, -0.1585, "Home", "221B Baker St, London NW1 6XE")),
                ],
            ],
            "Perfect, thank you so much!",
            colour=(214, 200, 176),
        ),
        Customer(
            "821055557777",
            "윤아름",
            True,
            [
                [("text", "사이즈 교환 가능할까요? 플리츠 롱스커트 M 샀는데 좀 작아서요")],
                [("text", "L로 바꾸고 싶어요. 택배로 보내면 될까요?")],
            ],
            "네 오늘 보낼게요! 감사합니다 😊",
        ),
        Customer(
            "16505550199",
            "Marcus Chen",
            False,
            [
                [("text", "Hello, is the canvas tote bag still available? How much is shipping to the US?")],
                [("text", "Sounds good, I'll order one in natural.")],
                [("text", "Paid just now! Could you send me the tracking number when it ships?")],
            ],
            "Thanks, have a great day!",
            colour=(222, 208, 180),
            shape="bag",
        ),
        Customer(
            "821098761234",
            "강다은",
            True,
            [
                [("image", "이 원피스 재고 있나요? 인스타에서 봤어요")],
                [("text", "카드 결제도 되나요?")],
                [("text", "그럼 M으로 주문할게요! 내일까지 받을 수 있을까요?")],
            ],
            "좋아요 감사합니다 💕",
            colour=(38, 52, 96),
            shape="dress",
        ),
        Customer(
            "819012345678",
            "Yuki Tanaka",
            False,
            [
                [("text", "Hi, do you have a store in Seoul I can visit next week?")],
                [("text", "What time do you open on Saturday?")],
            ],
            "Thanks, see you on Saturday!",
        ),
        Customer(
            "821077778888",
            "임하준",
            True,
            [
                [("text", "오늘 영업하시나요? 레더 크로스백 블랙 재고 있을까요?")],
                [("image", "이 가방 맞죠?")],
                [
                    ("text", "퀵으로 받고 싶어요. 여기로 보내주세요"),
                    ("location", (37.5446, 127.0557, "성수동 사무실", "서울 성동구 성수이로 113")),
                ],
            ],
            "감사합니다 🙏",
            colour=(30, 30, 32),
            shape="bag",
        ),
    ]


TEMPLATES: list[dict[str, Any]] = [
    {
        "name": "order_update",
        "language": "ko",
        "category": "UTILITY",
        "status": "APPROVED",
        "id": "900000000000001",
        "components": [
            {
                "type": "BODY",
                "text": "{{1}}님, 주문하신 {{2}} 상품이 오늘 발송되었습니다. 송장번호: {{3}}",
                "example": {"body_text": [["김민지", "린넨 셔츠", "6543 2109 8765"]]},
            },
            {"type": "FOOTER", "text": "서울 리넨 하우스"},
        ],
    },
    {
        "name": "winter_sale",
        "language": "ko",
        "category": "MARKETING",
        "status": "APPROVED",
        "id": "900000000000002",
        "components": [
            {"type": "HEADER", "format": "TEXT", "text": "겨울 세일 🎁"},
            {
                "type": "BODY",
                "text": "{{1}}님, 겨울 시즌 세일이 시작됐어요! 전 품목 {{2}} 할인, 이번 주 일요일까지예요.",
                "example": {"body_text": [["민지", "20%"]]},
            },
            {
                "type": "BUTTONS",
                "buttons": [
                    {"type": "QUICK_REPLY", "text": "쿠폰 받기"},
                    {"type": "QUICK_REPLY", "text": "수신 거부"},
                ],
            },
        ],
    },
    {
        # A Korean ad in the law's form: (광고) first, the shop's name and number, a free opt-out.
        "name": "spring_restock",
        "language": "ko",
        "category": "MARKETING",
        "status": "APPROVED",
        "id": "900000000000004",
        "components": [
            {
                "type": "BODY",
                "text": "(광고) 서울 리넨 하우스\n{{1}}님, 기다리시던 린넨 셔츠가 다시 들어왔어요! "
                "쿠폰 {{2}}로 이번 주 10% 할인해 드려요.\n문의 02-123-4567",
                "example": {"body_text": [["민지", "SPRING10"]]},
            },
            {"type": "FOOTER", "text": "무료 수신거부: 아래 버튼을 눌러 주세요"},
            {
                "type": "BUTTONS",
                "buttons": [
                    {"type": "QUICK_REPLY", "text": "쿠폰 받기"},
                    {"type": "QUICK_REPLY", "text": "수신거부"},
                ],
            },
        ],
    },
    {
        # The same ad for customers who write English: a campaign made with the Korean one sends them this.
        "name": "spring_restock",
        "language": "en",
        "category": "MARKETING",
        "status": "APPROVED",
        "id": "900000000000005",
        "components": [
            {
                "type": "BODY",
                "text": "(Ad) Seoul Linen House\n{{1}}, the linen shirt you were waiting for is back! "
                "Coupon {{2}} takes 10% off this week.\nQuestions: +82 2-123-4567",
                "example": {"body_text": [["Amy", "SPRING10"]]},
            },
            {"type": "FOOTER", "text": "Free opt-out: tap the button below"},
            {
                "type": "BUTTONS",
                "buttons": [
                    {"type": "QUICK_REPLY", "text": "Get coupon"},
                    {"type": "QUICK_REPLY", "text": "Stop promotions"},
                ],
            },
        ],
    },
    {
        # A paid order cancelled after the customer's 24 hours: the refund is told by a template
        # (Order settings ▸ Cancelled: name, order number, the amount to refund).
        "name": "order_refund",
        "language": "ko",
        "category": "UTILITY",
        "status": "APPROVED",
        "id": "900000000000006",
        "components": [
            {
                "type": "BODY",
                # "주문번호 {{2}} 주문이": a template's particles are fixed, and "2026-0002이" would
                # read wrong; the amount always ends in 원, so 은 fits every one.
                "text": "{{1}}님, 주문번호 {{2}} 주문이 취소되었습니다. 입금하신 {{3}}은 환불해 "
                "드릴게요. 환불받으실 계좌를 알려 주세요.",
                "example": {"body_text": [["김민지", "2026-0007", "58,000원"]]},
            },
            {"type": "FOOTER", "text": "서울 리넨 하우스"},
        ],
    },
    {
        # An order shipped after the customer's 24 hours (Order settings ▸ Shipped: name, order
        # number, total, courier, tracking number, tracking page). Each value stands on a line of its
        # own or before a particle that fits every one ("주문번호 {{2}} 주문이"), as a template's
        # words are fixed whatever goes in them.
        "name": "order_shipped",
        "language": "ko",
        "category": "UTILITY",
        "status": "APPROVED",
        "id": "900000000000007",
        "components": [
            {
                "type": "BODY",
                "text": "{{1}}님, 주문번호 {{2}} 주문이 발송되었습니다.\n결제 금액: {{3}}\n택배사: {{4}}\n"
                "송장번호: {{5}}\n배송 조회: {{6}}",
                "example": {
                    "body_text": [
                        [
                            "김민지",
                            "2026-0007",
                            "58,000원",
                            "CJ대한통운",
                            "685203947716",
                            "https://trace.cjlogistics.com/next/tracking.html?wblNo=685203947716",
                        ]
                    ]
                },
            },
            {"type": "FOOTER", "text": "서울 리넨 하우스"},
        ],
    },
    {
        # An order awaiting payment, told outside the window (Order settings ▸ Awaiting payment and
        # the payment reminder: name, order number, total, bank account, deadline).
        "name": "order_payment",
        "language": "ko",
        "category": "UTILITY",
        "status": "APPROVED",
        "id": "900000000000008",
        "components": [
            {
                "type": "BODY",
                "text": "{{1}}님, 주문번호 {{2}} 주문의 입금 안내입니다.\n결제 금액: {{3}}\n"
                "입금 계좌: {{4}}\n입금 기한: {{5}}\n기한 안에 입금해 주시면 바로 준비해 드릴게요.",
                "example": {
                    "body_text": [
                        [
                            "김민지",
                            "2026-0007",
                            "58,000원",
                            "국민은행 123456-01-234567 (서울리넨하우스)",
                            "12월 7일 (월)",
                        ]
                    ]
                },
            },
            {"type": "FOOTER", "text": "서울 리넨 하우스"},
        ],
    },
    # The order templates' English versions, under the same names as Meta keeps a template's
    # languages: a customer who writes English gets these (app.template_versions), and the demo run
    # in English sends them first. The same places as the Korean ones above, in the same order.
    {
        "name": "order_payment",
        "language": "en",
        "category": "UTILITY",
        "status": "APPROVED",
        "id": "900000000000009",
        "components": [
            {
                "type": "BODY",
                "text": "Hi {{1}}, here are the payment details for order {{2}}.\nTotal: {{3}}\n"
                "Bank account: {{4}}\nPlease pay by: {{5}}\nWe'll get your order ready as soon as "
                "your payment arrives.",
                "example": {
                    "body_text": [
                        [
                            "Amy Clarke",
                            "2026-0007",
                            "₩58,000",
                            "KB Kookmin Bank 123456-01-234567 (Seoul Linen House)",
                            "Monday, December 7",
                        ]
                    ]
                },
            },
            {"type": "FOOTER", "text": "Seoul Linen House"},
        ],
    },
    {
        "name": "order_shipped",
        "language": "en",
        "category": "UTILITY",
        "status": "APPROVED",
        "id": "900000000000010",
        "components": [
            {
                "type": "BODY",
                "text": "Hi {{1}}, your order {{2}} is on its way.\nTotal paid: {{3}}\nCourier: {{4}}\n"
                "Tracking number: {{5}}\nTrack it here: {{6}}",
                "example": {
                    "body_text": [
                        [
                            "Amy Clarke",
                            "2026-0007",
                            "₩58,000",
                            "CJ Logistics",
                            "685203947716",
                            "https://trace.cjlogistics.com/next/tracking.html?wblNo=685203947716",
                        ]
                    ]
                },
            },
            {"type": "FOOTER", "text": "Seoul Linen House"},
        ],
    },
    {
        "name": "order_refund",
        "language": "en",
        "category": "UTILITY",
        "status": "APPROVED",
        "id": "900000000000011",
        "components": [
            {
                "type": "BODY",
                "text": "Hi {{1}}, order {{2}} has been cancelled. We'll refund the {{3}} you paid: "
                "please let us know which account to send it to.",
                "example": {"body_text": [["Amy Clarke", "2026-0007", "₩58,000"]]},
            },
            {"type": "FOOTER", "text": "Seoul Linen House"},
        ],
    },
    {
        # An order whose payment arrived after the customer's 24 hours (Order settings ▸ Paid, and the
        # one message for several orders one transfer paid: name, order number(s), total), so the
        # sample bank statement's match is told, not left "not told: no template".
        "name": "order_paid",
        "language": "ko",
        "category": "UTILITY",
        "status": "APPROVED",
        "id": "900000000000012",
        "components": [
            {
                "type": "BODY",
                "text": "{{1}}님, 주문번호 {{2}} 주문의 입금이 확인되었습니다.\n결제 금액: {{3}}\n"
                "상품을 정성껏 준비해서 보내드릴게요.",
                "example": {"body_text": [["김민지", "2026-0007", "58,000원"]]},
            },
            {"type": "FOOTER", "text": "서울 리넨 하우스"},
        ],
    },
    {
        "name": "order_paid",
        "language": "en",
        "category": "UTILITY",
        "status": "APPROVED",
        "id": "900000000000013",
        "components": [
            {
                "type": "BODY",
                "text": "Hi {{1}}, we have received your payment for order {{2}}.\nAmount paid: {{3}}\n"
                "We'll pack your order with care and send it soon.",
                "example": {"body_text": [["Amy Clarke", "2026-0007", "₩58,000"]]},
            },
            {"type": "FOOTER", "text": "Seoul Linen House"},
        ],
    },
    {
        # Part of an order returned after the customer's 24 hours, the rest kept (Order settings ▸
        # Return: name, order number, what this return refunds).
        "name": "order_return",
        "language": "ko",
        "category": "UTILITY",
        "status": "APPROVED",
        "id": "900000000000014",
        "components": [
            {
                "type": "BODY",
                # The amount always ends in 원, so 은 fits every one (see order_refund).
                "text": "{{1}}님, 주문번호 {{2}} 주문의 반품이 접수되었습니다. 반품하신 상품의 {{3}}은 "
                "환불해 드릴게요. 환불받으실 계좌를 알려 주세요.",
                "example": {"body_text": [["김민지", "2026-0007", "29,000원"]]},
            },
            {"type": "FOOTER", "text": "서울 리넨 하우스"},
        ],
    },
    {
        "name": "order_return",
        "language": "en",
        "category": "UTILITY",
        "status": "APPROVED",
        "id": "900000000000015",
        "components": [
            {
                "type": "BODY",
                "text": "Hi {{1}}, we have received your return for order {{2}}. We'll refund {{3}} for "
                "the returned items: please let us know which account to send it to.",
                "example": {"body_text": [["Amy Clarke", "2026-0007", "₩29,000"]]},
            },
            {"type": "FOOTER", "text": "Seoul Linen House"},
        ],
    },
    {
        "name": "shipping_notice",
        "language": "en",
        "category": "UTILITY",
        "status": "APPROVED",
        "id": "900000000000003",
        "components": [
            {
                "type": "BODY",
                "text": "Hi {{1}}, your order has shipped. Tracking number: {{2}}",
                "example": {"body_text": [["Amy", "KR123456789"]]},
            }
        ],
    },
]

# The Brighton shop's words for the Seoul shop's in its English templates and their examples.
_BRIGHTON_WORDS = (
    ("KB Kookmin Bank 123456-01-234567 (Seoul Linen House)", "Sort code 04-00-04, account 12345678"),
    ("Seoul Linen House", "Brighton Linen House"),
    ("+82 2-123-4567", "+44 7700 900000"),
    ("₩58,000", "£58.00"),
    ("₩29,000", "£29.00"),
    ("CJ Logistics", "Royal Mail"),
    (
        "https://trace.cjlogistics.com/next/tracking.html?wblNo=685203947716",
        "https://www.royalmail.com/track-your-item#/tracking-results/RT685203947GB",
    ),
    ("685203947716", "RT685203947GB"),
    ("KR123456789", "RT123456789GB"),
    ("Monday, December 7", "Monday 7 December"),  # as a British shop writes a date
)


# The Palo Alto shop's: paid with Zelle, sent with USPS, and its words spelled as American English is.
_PALO_ALTO_WORDS = (
    ("KB Kookmin Bank 123456-01-234567 (Seoul Linen House)", "Zelle: pay@paloaltolinen.example"),
    ("Bank account: ", "Pay with: "),
    ("Seoul Linen House", "Palo Alto Linen House"),
    ("+82 2-123-4567", "+1 650-555-0100"),
    ("₩58,000", "$58.00"),
    ("₩29,000", "$29.00"),
    ("CJ Logistics", "USPS"),
    (
        "https://trace.cjlogistics.com/next/tracking.html?wblNo=685203947716",
        "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899562853947716",
    ),
    ("685203947716", "9400111899562853947716"),
    ("KR123456789", "9400111899561234567890"),
    ("has been cancelled", "has been canceled"),
    ("which account to send it to", "how you'd like it sent back"),
)


def _in_place(value: Any, words: tuple[tuple[str, str], ...]) -> Any:
    """A template (or any part of it) with the Seoul shop's `words` put as another shop says them."""
    if isinstance(value, str):
        for seoul, there in words:
            value = value.replace(seoul, there)
        return value
    if isinstance(value, dict):
        return {key: _in_place(item, words) for key, item in value.items()}
    if isinstance(value, list):
        return [_in_place(item, words) for item in value]
    return value


def templates(language: str = "ko") -> list[dict[str, Any]]:
    """The approved templates of the demo shop: the Seoul one's in Korean and English for "ko"; else
    the Brighton one's (the demo run in English) or the Palo Alto one's ("en_US"), its English ones in
    its own name, number and currency."""
    country = sandbox_shop_country(language)
    if country == "KR":
        return TEMPLATES
    english = [t for t in TEMPLATES if t["language"] == "en"]
    if country == "US":
        return [_in_place(t, _PALO_ALTO_WORDS) for t in english]
    return [_in_place(t, _BRIGHTON_WORDS) for t in english]
