"""The demo clothing shop's quick replies (loaded by `--demo`). The Seoul shop's, in Korean and English:
the same answers in the same order, so each is the other's text in another language. The Brighton
shop's (the demo run in English, app/demo_seed.py): its own, in pounds, in English only; and the
Palo Alto shop's (the demo run in American English), in dollars."""

from __future__ import annotations

DEMO_QUICK_REPLIES: dict[str, list[tuple[str, str, list[str]]]] = {
    "ko": [
        (
            "/감사",
            "{first_name}님, 주문해 주셔서 감사합니다! {shop}에서 정성껏 포장해서 보내 드릴게요 😊",
            ["감사", "주문"],
        ),
        (
            "/배송",
            "결제 확인 후 1~2일 안에 발송되고, 받으시기까지 보통 2~3일 걸려요. 발송되면 송장 "
            "번호를 보내 드릴게요.",
            ["배송", "택배", "언제"],
        ),
        (
            "/계좌",
            "입금 계좌는 국민은행 123456-01-234567 (예금주: 서울리넨하우스)예요. 입금하신 뒤 "
            "성함을 알려 주시면 바로 확인할게요.",
            ["입금", "결제", "계좌"],
        ),
        (
            "/사이즈",
            "사이즈는 S(55), M(66), L(77)이 있어요. 키와 평소 입으시는 사이즈를 알려 주시면 맞는 "
            "걸 추천해 드릴게요!",
            ["사이즈", "치수", "크기"],
        ),
        (
            "/교환",
            "상품을 받으신 날부터 7일 안에 교환·반품하실 수 있어요. 택을 떼지 않은 상태로 보내 "
            "주세요. 단순 변심은 왕복 배송비 6,000원이 들어요.",
            ["교환", "반품", "환불"],
        ),
        (
            "/재고",
            "{first_name}님, 확인해 보니 지금 재고가 있어요! 원하시는 색상과 사이즈를 알려 주시면 "
            "바로 주문 도와드릴게요.",
            ["재고", "품절"],
        ),
        (
            "/영업시간",
            "{shop} 영업시간은 평일 오전 10시~오후 7시, 토요일 오전 11시~오후 5시예요. 일요일과 "
            "공휴일은 쉬어요.",
            ["영업", "시간", "휴무"],
        ),
        (
            "/세탁",
            "리넨은 찬물에 손세탁하시거나 세탁기 울 코스를 권해요. 건조기에 넣으면 줄어들 수 "
            "있으니 그늘에 말려 주세요.",
            ["세탁", "빨래", "관리"],
        ),
        (
            "/발송완료",
            "{first_name}님, 주문하신 상품이 오늘 발송되었어요! 송장 번호는 곧 문자로 안내될 "
            "거예요. 감사합니다.",
            ["발송", "송장"],
        ),
    ],
    "en": [
        (
            "/thanks",
            "Thank you for your order, {first_name}! We'll pack it with care at {shop} and send it soon 😊",
            ["thanks", "order"],
        ),
        (
            "/shipping",
            "Orders ship within 1–2 days after payment and usually arrive 2–3 days later. "
            "We'll send you the tracking number as soon as it ships.",
            ["shipping", "delivery", "when"],
        ),
        (
            "/bank",
            "Please transfer to KB Kookmin Bank 123456-01-234567 (Seoul Linen House). "
            "Tell us the sender's name once you've paid and we'll confirm right away.",
            ["payment", "transfer", "account"],
        ),
        (
            "/sizes",
            "We have S (55), M (66) and L (77). "
            "Tell us your height and usual size and we'll suggest the right one!",
            ["size", "fit"],
        ),
        (
            "/returns",
            "You can exchange or return items within 7 days of delivery, with the tags still on. "
            "For a change of mind, the return shipping is 6,000 won.",
            ["return", "exchange", "refund"],
        ),
        (
            "/instock",
            "Good news, {first_name}: it's in stock! "
            "Tell us the colour and size you'd like and we'll set it aside.",
            ["stock", "available"],
        ),
        (
            "/hours",
            "{shop} is open Monday–Friday 10 am–7 pm and Saturday 11 am–5 pm. "
            "We're closed on Sundays and holidays.",
            ["hours", "open", "closed"],
        ),
        (
            "/care",
            "Linen loves a cold hand wash or the wool cycle. "
            "Please skip the dryer (it can shrink) and dry it in the shade.",
            ["wash", "care"],
        ),
        (
            "/shipped",
            "{first_name}, your order left us today! The tracking number follows by message shortly. "
            "Thank you!",
            ["shipped", "tracking"],
        ),
    ],
}

UK_QUICK_REPLIES: list[tuple[str, str, list[str]]] = [
    (
        "/thanks",
        "Thank you for your order, {first_name}! We'll pack it with care at {shop} and send it soon 😊",
        ["thanks", "order"],
    ),
    (
        "/delivery",
        "Orders go out with Royal Mail within 1–2 days of payment and usually arrive 1–2 days later. "
        "UK delivery is £3.95, free over £50. We'll send you the tracking number as soon as it ships.",
        ["delivery", "postage", "shipping", "when"],
    ),
    (
        "/bank",
        "Please pay by bank transfer: Brighton Linen House, sort code 04-00-04, account 12345678. "
        "Use your name as the reference and we'll confirm as soon as it arrives.",
        ["payment", "transfer", "bank"],
    ),
    (
        "/sizes",
        "We have S (UK 8–10), M (UK 12–14) and L (UK 16–18). "
        "Tell us your usual size and we'll suggest the right one!",
        ["size", "fit"],
    ),
    (
        "/returns",
        "You can exchange or return items within 14 days of delivery, with the tags still on. "
        "For a change of mind, the return postage is yours.",
        ["return", "exchange", "refund"],
    ),
    (
        "/instock",
        "Good news, {first_name}: it's in stock! "
        "Tell us the colour and size you'd like and we'll set it aside.",
        ["stock", "available"],
    ),
    (
        "/hours",
        # On the UK's 24-hour clock, as the desktop and the relay write the shop's hours there.
        "{shop} is open Monday–Friday 10:00–19:00 (closed for lunch 13:00–14:00) and Saturday "
        "11:00–17:00. We're closed on Sundays and bank holidays.",
        ["hours", "open", "closed"],
    ),
    (
        "/care",
        "Linen loves a cool hand wash or the wool cycle. "
        "Please skip the tumble dryer (it can shrink) and dry it flat in the shade.",
        ["wash", "care"],
    ),
    (
        "/shipped",
        "{first_name}, your order left us today! The tracking number follows by message shortly. Thank you!",
        ["shipped", "tracking"],
    ),
]

US_QUICK_REPLIES: list[tuple[str, str, list[str]]] = [
    (
        "/thanks",
        "Thank you for your order, {first_name}! We'll pack it with care at {shop} and send it soon 😊",
        ["thanks", "order"],
    ),
    (
        "/shipping",
        "Orders ship with USPS within 1–2 business days of payment and usually arrive 2–5 days later. "
        "Shipping is $5.95, free on orders over $50. We'll send you the tracking number as soon as it "
        "ships.",
        ["shipping", "delivery", "when"],
    ),
    (
        "/pay",
        "You can pay with Zelle to pay@paloaltolinen.example (Palo Alto Linen House). "
        "Add your order number in the memo and we'll confirm as soon as it comes through.",
        ["payment", "zelle", "pay"],
    ),
    (
        "/sizes",
        "We have S (US 2–4), M (US 6–8) and L (US 10–12). "
        "Tell us your usual size and we'll suggest the right one!",
        ["size", "fit"],
    ),
    (
        "/returns",
        "You can exchange or return items within 30 days of delivery, with the tags still on. "
        "For a change of mind, return shipping is on you.",
        ["return", "exchange", "refund"],
    ),
    (
        "/instock",
        "Good news, {first_name}: it's in stock! "
        "Tell us the color and size you'd like and we'll set it aside.",
        ["stock", "available"],
    ),
    (
        "/hours",
        # On the 12-hour clock, as the desktop and the relay write the shop's hours in the US.
        "{shop} is open Monday–Friday 10 AM–7 PM (closed for lunch 1–2 PM) and Saturday "
        "11 AM–5 PM. We're closed on Sundays and holidays.",
        ["hours", "open", "closed"],
    ),
    (
        "/care",
        "Linen loves a cold hand wash or the delicate cycle. "
        "Please skip the dryer (it can shrink) and lay it flat to dry in the shade.",
        ["wash", "care"],
    ),
    (
        "/shipped",
        "{first_name}, your order shipped today! The tracking number follows by message shortly. Thank you!",
        ["shipped", "tracking"],
    ),
]
