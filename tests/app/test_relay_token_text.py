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
