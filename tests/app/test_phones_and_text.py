"""Phone numbers and text as the owner and customers write them: one contact per number, Korean search."""

from __future__ import annotations

import unicodedata

import pytest

from app.phones import display_phone, e164_digits, written_phone_digits
from app.text import bigram_text, bigram_texts, fts_phrase, is_bigram_query, nfc


@pytest.mark.parametrize(
    "typed",
    ["010-1234-5678", "+82 10 1234 5678", "821012345678", "+82-10-1234-5678", " 010 1234 5678 "],
)
def test_every_way_of_writing_a_korean_mobile_number_is_one_contact(typed: str) -> None:
    assert e164_digits(typed) == "821012345678"


@pytest.mark.parametrize(
    "typed",
    [
        "0171 2345678",
        "+49 171 2345678",
        "0049 171 2345678",
        "0171/2345678",
        "(0171) 234 56 78",
        "+49 (0)171 2345678",
    ],
)
def test_every_way_a_german_shop_writes_a_mobile_number_is_one_contact(typed: str) -> None:
    """ "(0171) 234 56 78", the area code in brackets, became "01712345678": no number at all."""
    assert e164_digits(typed, "DE") == "491712345678"
    assert written_phone_digits(typed, "DE") == "491712345678"


def test_a_korean_landline_with_its_area_code_in_brackets_keeps_it() -> None:
    assert e164_digits("(02) 123-4567") == "8221234567"


def test_a_foreign_number_keeps_its_country_code() -> None:
    assert e164_digits("+1 (415) 555-0100") == "14155550100"
    assert e164_digits("") == ""


def test_numbers_are_shown_nationally_at_home_and_internationally_abroad() -> None:
    assert display_phone("821012345678") == "010-1234-5678"
    assert display_phone("14155550100").startswith("+1 415")
    assert display_phone("") == ""


def test_a_british_shop_writes_every_plus_44_mobile_as_it_dials_it() -> None:
    """A shop in London read its customer's number as "+44 7911 123456": libphonenumber files that
    range under Guernsey, yet it is dialled from Britain as 07911 123456. Abroad stays international."""
    assert display_phone("447911123456", "GB") == "07911 123456"
    assert display_phone("447911123456", "KR") == "+44 7911 123456"
    assert display_phone("821012345678", "GB") == "+82 10-1234-5678"
    assert display_phone("14155550100", "US") == "(415) 555-0100"


def test_decomposed_hangul_from_a_mac_becomes_the_same_text() -> None:
    composed = "주문했어요"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert nfc(decomposed) == composed
    assert nfc(None) == ""


def test_two_syllable_korean_words_are_found_inside_longer_words() -> None:
    assert bigram_text("주문했어요") == "주문 문했 했어 어요"
    assert "주문" in bigram_text("어제 주문했어요!").split()
    assert bigram_text("A b") == "a b"  # single characters kept, case folded
    # A word's grams once each; a gram of two words once per word (the index is the same).
    assert bigram_text("ㅋㅋㅋㅋ 주문 주문했어요") == "ㅋㅋ 주문 주문 문했 했어 어요"
    # A number's grams keep their repeats; '10' is found in it all the same.
    assert bigram_text("#1000") == "10 00 00"
    assert is_bigram_query("주문") and not is_bigram_query("주") and not is_bigram_query("주 ")


def test_an_imported_batch_is_indexed_exactly_as_messages_written_one_at_a_time() -> None:
    decomposed = unicodedata.normalize("NFD", "주문했어요")  # macOS keyboards send jamo
    bodies = [
        "주문했어요",
        decomposed,
        "",
        None,
        "Straße ÉCOLE",
        "A b",
        "네 네 네",
        "x\x00y 주문",
        "#12345",
        "😊",
    ]
    # The batch is normalised and case-folded as one string: no body may run into its neighbour,
    # and a body with its own NUL is still indexed as itself.
    assert bigram_texts(bodies) == [bigram_text(b) for b in bodies]
    assert bigram_texts(bodies[:4]) == ["주문 문했 했어 어요", "주문 문했 했어 어요", "", ""]
    many = [f"주문 {i}번 셔츠" for i in range(10_000)]  # more distinct words than the word cache holds
    assert bigram_texts(many) == [bigram_text(b) for b in many]


def test_a_search_for_fts_syntax_is_read_as_plain_text() -> None:
    assert fts_phrase('셔츠" OR "바지') == '"셔츠"" OR ""바지"'


def test_the_digits_a_search_found_a_number_by_are_placed_in_the_number_shown() -> None:
    from app.phones import number_span

    def marked(wa_id: str, shown: str, typed: str) -> str | None:
        span = number_span(wa_id, shown, typed)
        return shown[span[0] : span[1]] if span else None

    assert marked("821033304567", "010-3330-4567", "3330") == "3330"
    assert marked("821033304567", "010-3330-4567", "010-3330") == "010-3330"
    assert marked("821033304567", "010-3330-4567", "+82 10 3330") == "010-3330"
    assert marked("447700900123", "+44 7700 900123", "7700900") == "7700 900"
    assert marked("821033304567", "010-3330-4567", "0007") is None  # an order's number, never a phone's
    assert marked("821033304567", "010-3330-4567", "박영희") is None


def test_a_number_written_as_a_shops_country_writes_it_reads_as_its_whatsapp_digits() -> None:
    from app.phones import written_phone_digits

    assert written_phone_digits("(415) 555-0132", "US") == "14155550132"
    assert written_phone_digits("07700 900123", "GB") == "447700900123"
    assert written_phone_digits("447700900123", "GB") == "447700900123"  # a wa_id stays one
    assert written_phone_digits("010-2468-1357", "KR") == "821024681357"
    assert written_phone_digits("821024681357", "KR") == "821024681357"
    assert written_phone_digits("", "US") == ""
