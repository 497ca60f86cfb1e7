"""A relay token as pasted: what no token holds goes (invisible characters), or is named (letters)."""

from __future__ import annotations

import secrets

import pytest

from app.relay_token_text import clean_relay_token, foreign_letters


@pytest.mark.parametrize(
    ("pasted", "token"),
    [
        ("\u200bAbc-_09\ufeff", "Abc-_09"),  # zero-width space, byte-order mark
        ("\u00a0Abc\u2060-_09 \u202f", "Abc-_09"),  # no-break spaces, word joiner
        ("\u200eAbc\u00ad09\u3000", "Abc09"),  # direction mark, soft hyphen, ideographic space
        ("\tAbc09\r\n", "Abc09"),
        ("abc def", "abc def"),  # an ASCII space inside may be an operator's own token
    ],
)
def test_invisible_characters_no_token_holds_are_taken_out(pasted: str, token: str) -> None:
    assert clean_relay_token(pasted) == token
    assert foreign_letters(clean_relay_token(pasted)) == ""


def test_the_relays_own_tokens_are_kept_as_they_are() -> None:
    for _ in range(50):
        token = secrets.token_urlsafe(32)  # as relay/storage/key_values.py and setup make them
        assert clean_relay_token(token) == token and foreign_letters(token) == ""


def test_letters_no_token_holds_are_named_once_each() -> None:
    assert foreign_letters("ㅅㄷㄴㅅ-token") == "ㅅㄷㄴ"
    assert foreign_letters("ｔｏｋｅｎ") == "ｔｏｋｅｎ"  # full-width Latin letters are not ASCII
    assert foreign_letters("tok-en_09") == ""


def full_width(text: str) -> str:
    """`text` as a Korean or Japanese IME types it in full-width mode ("ｔｏｋｅｎ－０９")."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def test_a_token_typed_in_full_width_letters_is_the_token_in_ascii() -> None:
    for _ in range(20):
        token = secrets.token_urlsafe(32)
        assert clean_relay_token(full_width(token)) == token
    assert clean_relay_token("\u3000ｔｏｋ－ｅｎ＿０９\u3000") == "tok-en_09"  # and its full-width spaces go


@pytest.mark.parametrize(
    ("typed", "named"),
    [
        ("ｔｏｋｅｎㅅ", "ㅅ"),  # the full-width letters folded, the Korean one named
        ("token…", "…"),  # a cut-off copy: NFKC's "..." is no token's
        ("ｔｏｋｅｎ＋", "＋"),  # "+" is no letter of the relay's tokens
    ],
)
def test_letters_that_fold_to_no_token_letter_are_still_named(typed: str, named: str) -> None:
    assert foreign_letters(clean_relay_token(typed)) == named
