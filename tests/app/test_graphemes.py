"""Cutting text between user-perceived characters: emoji sequences, flags, Thai and Indic marks."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.graphemes import cut_to, first_grapheme, graphemes
from app.search import search_messages
from tests.support.factories import BASE_TIME, make_contact, make_message

FAMILY = "👨\u200d👩\u200d👧\u200d👦"
CODER = "👩🏽\u200d💻"
SCOTLAND = "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (FAMILY + CODER + "🇰🇷🇬🇧#️⃣👍🏾" + SCOTLAND, [FAMILY, CODER, "🇰🇷", "🇬🇧", "#️⃣", "👍🏾", SCOTLAND]),
        ("🇰🇷🇰🇷🇰", ["🇰🇷", "🇰🇷", "🇰"]),  # a lone indicator left over is its own
        ("ผู้ใหญ่ น้ำ", ["ผู้", "ใ", "ห", "ญ่", " ", "น้ำ"]),  # tone marks and SARA AM stay on their letter
        ("क्षमा प्रिया", ["क्ष", "मा", " ", "प्रि", "या"]),  # a conjunct is one
        ("مُحَمَّد", ["مُ", "حَ", "مَّ", "د"]),
        ("Nguye\u0302\u0303n", ["N", "g", "u", "y", "e\u0302\u0303", "n"]),
        ("\u1100\u1161\u11a8가", ["\u1100\u1161\u11a8", "가"]),  # jamo join into a syllable
        ("a\r\nb", ["a", "\r\n", "b"]),
    ],
)
def test_text_splits_into_what_a_reader_sees_as_one_character(text: str, expected: list[str]) -> None:
    assert graphemes(text) == expected
    assert "".join(graphemes(text)) == text


def test_a_cut_never_leaves_half_an_emoji_or_a_mark_without_its_letter() -> None:
    assert cut_to("Love " + FAMILY, 7) == "Love "  # not "Love 👨\u200d"
    assert cut_to("🇰🇷🇬🇧", 3) == "🇰🇷"  # not a flag and a half
    assert cut_to("น้ำ", 2) == ""  # น, ้ and ำ are one character
    assert cut_to("short", 10) == "short"
    assert first_grapheme(FAMILY + " Kim") == FAMILY
    assert first_grapheme("") == ""


def test_a_search_snippet_starts_and_ends_on_whole_characters(db) -> None:
    """The hit's snippet begins some way before the match: it once began '…ินสีขาว', a Thai vowel
    sign with its consonant cut off, and ended in half a family or a flag before its '…'."""
    thai = "สวัสดีครับ ผมต้องการสั่งเสื้อเชิ้ตลินินสีขาวไซส์แอลสองตัวครับ ส่งไปกรุงเทพได้ไหมครับ"
    emoji = FAMILY * 20 + " linen " + "🇰🇷" * 60
    with db.write() as s:
        somchai = make_contact(s, wa_id="66812345678", profile_name="สมชาย ใจดี")
        amy = make_contact(s, wa_id="447700900123", profile_name="Amy Clarke")
        make_message(s, somchai, thai, sent_at=BASE_TIME)
        make_message(s, amy, emoji, sent_at=BASE_TIME + timedelta(minutes=1))
    with db.read() as s:
        [bangkok] = search_messages(s, "กรุงเทพ")
        [linen] = search_messages(s, "linen")
    assert bangkok.snippet == "…นินสีขาวไซส์แอลสองตัวครับ ส่งไปกรุงเทพได้ไหมครับ"
    start, end = bangkok.highlights[0]
    assert bangkok.snippet[start:end] == "กรุงเทพ"
    pieces = linen.snippet.strip("…").split(" ")
    assert pieces[0] == FAMILY * (len(pieces[0]) // len(FAMILY))  # whole families only
    assert pieces[2] == "🇰🇷" * (len(pieces[2]) // 2)  # whole flags only
    assert linen.snippet.startswith("…👨") and linen.snippet.endswith("🇷…")
