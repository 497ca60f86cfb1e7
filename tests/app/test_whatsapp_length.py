"""One way to count a text against WhatsApp's limits, on the desktop and the relay alike."""

from __future__ import annotations

import unicodedata

import pytest

from app.wire import (
    BUTTON_TITLE_MAX,
    INTERACTIVE_BODY_MAX,
    ROW_TITLE_MAX,
    MenuBot,
    whatsapp_length,
)
from relay.limits import LimitError, validate_send

THUMBS_UP = "\U0001f44d"
MEDIUM_SKIN = "\U0001f3fd"
ZWJ = "\u200d"
FAMILY = f"\U0001f468{ZWJ}\U0001f469{ZWJ}\U0001f467"  # man, woman, girl


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("영업시간 안내", 7),  # a Hangul syllable is one
        (unicodedata.normalize("NFD", "한"), 3),  # decomposed jamo are three until composed
        (THUMBS_UP, 1),  # an emoji is one (Qt's field counted it two)
        (THUMBS_UP + MEDIUM_SKIN, 2),  # with a skin tone, its two code points
        (FAMILY, 5),  # a family joined by zero-width joiners: three people and two joiners
        ("e\u0301", 2),  # a combining accent is a character of its own
        (unicodedata.normalize("NFC", "e\u0301"), 1),  # composed "é", as texts are on the way in
    ],
)
def test_a_text_counts_its_code_points(text: str, length: int) -> None:
    assert whatsapp_length(text) == length


def _list(title: str, body: str = "골라 주세요") -> dict[str, object]:
    rows = [{"id": "menu:hours", "title": title}]
    action = {"button": "메뉴", "sections": [{"rows": rows}]}
    return {
        "to": "821012345678",
        "type": "interactive",
        "interactive": {"type": "list", "body": {"text": body}, "action": action},
    }


def test_the_relay_takes_a_row_title_of_24_with_emoji_and_refuses_25() -> None:
    title = f"{FAMILY}{THUMBS_UP}{MEDIUM_SKIN} 영업시간 안내 "
    title += "가" * (ROW_TITLE_MAX - whatsapp_length(title))
    assert whatsapp_length(title) == ROW_TITLE_MAX and len(title.encode("utf-16-le")) // 2 > ROW_TITLE_MAX
    assert validate_send(_list(title)) == "interactive"
    with pytest.raises(LimitError):
        validate_send(_list(title + "!"))
    body = THUMBS_UP * INTERACTIVE_BODY_MAX
    assert validate_send(_list("영업시간", body)) == "interactive"
    with pytest.raises(LimitError):
        validate_send(_list("영업시간", body + "e\u0301"[1]))


def test_the_bot_document_counts_a_button_title_as_the_relay_sends_it() -> None:
    title = f"{THUMBS_UP}{MEDIUM_SKIN} " + "가" * (BUTTON_TITLE_MAX - 3)
    assert whatsapp_length(title) == BUTTON_TITLE_MAX

    def bot(title: str) -> dict[str, object]:
        nodes = [
            {
                "id": "top",
                "title": "메뉴",
                "action": "menu",
                "text": "골라 주세요",
                "style": "buttons",
                "choices": ["a"],
            },
            {"id": "a", "title": title, "action": "answer", "text": "안내"},
        ]
        return {"nodes": nodes, "top_menu": "top"}

    assert MenuBot.model_validate(bot(title)).nodes[1].title == title
    with pytest.raises(ValueError, match="title"):
        MenuBot.model_validate(bot(title + "가"))
