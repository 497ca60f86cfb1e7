"""A Korean word misspelt by ear ('에코빽') finds the spelling the messages use, one spelling only."""

from __future__ import annotations

from datetime import timedelta

from app.db import Database
from app.search import search_messages
from app.search_respellings import likely_spelling, respellings
from tests.support.factories import BASE_TIME, make_contact, make_message


def test_each_syllable_is_respelled_with_one_sound_alike_letter() -> None:
    assert respellings("에코빽") == ["애코빽", "에코백", "에코뻭"]
    assert respellings("쎄일") == ["세일", "쌔일"]
    assert respellings("linen") == []  # no Korean
    assert respellings('"에코빽"') == []  # a phrase in quotes is looked for as typed
    assert respellings("가 나") == []  # one-syllable words: each is in nearly every message


def test_the_spelling_most_messages_use_is_chosen(db: Database) -> None:
    with db.write() as s:
        customer = make_contact(s, wa_id="821077778888", profile_name="윤서아")
        for i, body in enumerate(["에코백 있나요?", "에코백 색상 문의", "애코빽 주세요"]):
            make_message(s, customer, body, sent_at=BASE_TIME + timedelta(hours=i))
    with db.read() as s:

        def found(spelling: str) -> int:
            return len(search_messages(s, spelling))

        assert found("에코빽") == 0
        assert likely_spelling("에코빽", found) == "에코백"  # two messages, where 애코빽 is in one
        assert likely_spelling("없는말", found) is None
