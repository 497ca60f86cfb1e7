"""WhatsApp's limits, checked by the relay before Graph is called (the same numbers the desktop uses)."""

from __future__ import annotations

from typing import Any

import pytest

from app.wire import CAPTION_MAX, LIST_ROWS_MAX, MEDIA_LIMITS, REPLY_BUTTONS_MAX, TEXT_MAX, media_family
from relay.limits import LimitError, needs_open_window, validate_send

TO = "821012345678"


def text(body: str) -> dict[str, Any]:
    return {"to": TO, "type": "text", "text": {"body": body}}


def buttons(n: int) -> dict[str, Any]:
    return {
        "to": TO,
        "type": "interactive",
        "interactive": {
            "type": "button",
            "body": {"text": "사이즈를 고르세요"},
            "action": {
                "buttons": [
                    {"type": "reply", "reply": {"id": str(i), "title": f"{i + 90}"}} for i in range(n)
                ]
            },
        },
    }


def test_a_text_at_the_limit_passes_and_one_more_character_is_refused() -> None:
    assert validate_send(text("가" * TEXT_MAX)) == "text"
    with pytest.raises(LimitError):
        validate_send(text("가" * (TEXT_MAX + 1)))


def test_the_recipient_must_be_a_phone_number() -> None:
    with pytest.raises(LimitError):
        validate_send({**text("안녕하세요"), "to": "김민수"})


def test_a_caption_over_the_limit_is_refused() -> None:
    body = {"to": TO, "type": "image", "image": {"id": "123", "caption": "가" * (CAPTION_MAX + 1)}}
    with pytest.raises(LimitError):
        validate_send(body)


def test_reply_buttons_and_list_rows_are_capped() -> None:
    assert validate_send(buttons(REPLY_BUTTONS_MAX)) == "interactive"
    with pytest.raises(LimitError):
        validate_send(buttons(REPLY_BUTTONS_MAX + 1))
    rows = [{"id": str(i), "title": f"상품 {i}"} for i in range(LIST_ROWS_MAX + 1)]
    listing = {
        "to": TO,
        "type": "interactive",
        "interactive": {
            "type": "list",
            "body": {"text": "어떤 상품을 원하세요?"},
            "action": {"button": "상품 보기", "sections": [{"title": "셔츠", "rows": rows}]},
        },
    }
    with pytest.raises(LimitError):
        validate_send(listing)


def test_reply_buttons_that_share_a_title_are_refused_before_graph() -> None:
    """WhatsApp needs each reply button's title unique within the message: two "주문하기" buttons fail
    at Meta, after the customer has already tapped her way there."""
    body = buttons(2)
    for button in body["interactive"]["action"]["buttons"]:
        button["reply"]["title"] = "주문하기"
    with pytest.raises(LimitError):
        validate_send(body)


def listing(sections: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "to": TO,
        "type": "interactive",
        "interactive": {
            "type": "list",
            "body": {"text": "무엇을 도와드릴까요?"},
            "action": {"button": "메뉴 보기", "sections": sections},
        },
    }


def test_a_list_is_refused_before_graph_where_whatsapp_would_refuse_its_sections_or_rows() -> None:
    """Meta refuses a list whose sections run past 24 characters, a list of several sections one of
    which has no title, and two rows with one id (a tap names its row by the id); the desktop's own
    lists never do, but any sender's would fail at Meta after the customer had asked."""
    order = {"id": "menu:order", "title": "주문 확인"}
    ship = {"id": "menu:ship", "title": "배송 문의"}
    assert validate_send(listing([{"rows": [order, ship]}])) == "interactive"  # one section: no title needed
    assert validate_send(listing([{"title": "주문", "rows": [order]}, {"title": "배송", "rows": [ship]}]))
    refused: list[list[dict[str, Any]]] = [
        [{"title": "가" * 25, "rows": [order]}],
        [{"title": "주문", "rows": [order]}, {"rows": [ship]}],
        [{"title": "주문", "rows": [order]}, {"title": " ", "rows": [ship]}],
        [{"rows": [order, {**ship, "id": "menu:order"}]}],
        [{"rows": [{**order, "id": "x" * 201}]}],
    ]
    for sections in refused:
        with pytest.raises(LimitError):
            validate_send(listing(sections))
    # At the limits: a 24-character section title, a 200-character id.
    assert validate_send(listing([{"title": "가" * 24, "rows": [{**order, "id": "x" * 200}]}]))


def test_stickers_and_audio_have_their_own_limits() -> None:
    assert media_family("image/webp") == "sticker"
    assert media_family("audio/ogg") == "audio"
    assert media_family("application/zip") == "document"
    assert MEDIA_LIMITS["sticker"] < MEDIA_LIMITS["image"] < MEDIA_LIMITS["audio"] == MEDIA_LIMITS["video"]


def test_only_templates_may_go_outside_the_24_hour_window() -> None:
    assert needs_open_window(text("안녕하세요"))
    assert not needs_open_window({"to": TO, "type": "template", "template": {"name": "order_update"}})
