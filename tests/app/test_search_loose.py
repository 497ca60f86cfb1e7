"""Korean typed as the owner types it: two syllables spaced or not, a mobile number without its 0."""

from __future__ import annotations

from datetime import timedelta

import pytest

import app.search
from app.db import Database
from app.models import Message
from app.search import make_snippet, search_contacts, search_messages
from app.text import marks_pattern
from tests.support.factories import BASE_TIME, make_contact, make_message

SPACED = [
    "에코백 두 개 주문할게요",
    "두개요",
    "택배 비 얼마예요?",
    "택배 송장번호 알려주세요",  # '배 송' across two words is no 배송
    "주문 할게요",  # nor '문 할' a 문할
    "배송 언제 되나요",
    "한 개 더 보내주세요",
]


@pytest.fixture
def spaced(db: Database) -> Database:
    with db.write() as s:
        customer = make_contact(s, wa_id="821055556666", profile_name="한지민")
        for i, body in enumerate(SPACED):
            make_message(s, customer, body, sent_at=BASE_TIME + timedelta(hours=i))
    return db


def bodies(db: Database, query: str, **kw: object) -> list[str]:
    """The full bodies of the hits, newest first."""
    with db.read() as s:
        hits = search_messages(s, query, **kw)  # type: ignore[arg-type]
        return [s.get(Message, h.message_id).body for h in hits]  # type: ignore[union-attr]


def test_two_syllables_typed_together_find_them_spaced_and_the_other_way_round(spaced: Database) -> None:
    assert bodies(spaced, "두개") == ["두개요", "에코백 두 개 주문할게요"]
    assert bodies(spaced, "두 개") == ["두개요", "에코백 두 개 주문할게요"]
    assert bodies(spaced, "한개") == ["한 개 더 보내주세요"]
    assert bodies(spaced, "택배비") == ["택배 비 얼마예요?"]


def test_a_space_between_two_longer_words_is_not_looked_past(spaced: Database) -> None:
    assert bodies(spaced, "배송") == ["배송 언제 되나요"]
    assert bodies(spaced, "문할") == ["에코백 두 개 주문할게요"]  # not '주문 할게요'


def test_the_syllables_found_spaced_are_marked_whole_in_the_hit_and_the_chat(spaced: Database) -> None:
    with spaced.read() as s:
        hits = search_messages(s, "두개")
    assert {h.snippet[a:b] for h in hits for a, b in h.highlights} == {"두개", "두 개"}
    snippet, marks = make_snippet("에코백 두 개 주문할게요", "두 개")
    assert [snippet[a:b] for a, b in marks] == ["두 개"]
    # The open chat marks its bubbles with the same pattern (ui/chat_view_delegate.py).
    assert [m.group() for m in marks_pattern("두개").finditer("두 개요, 아니 두개요")] == ["두 개", "두개"]


@pytest.mark.parametrize("query", ["두개", "두 개", "배송", "한 개 더", "에코백 두개", "두개 주문할게요"])
def test_every_plan_finds_the_same_spaced_syllables(
    spaced: Database, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    """The index's matches sorted, walked window by window, and one chat read through: one answer."""
    direct = bodies(spaced, query)
    with spaced.read() as s:
        chat = search_contacts(s, "한지민")[0].contact_id
    read = bodies(spaced, query, contact_id=chat)
    monkeypatch.setattr(app.search, "DIRECT_MATCHES", 1)  # every word is common: windows
    monkeypatch.setattr(app.search, "FIRST_WINDOW", 2)
    assert bodies(spaced, query) == direct == read
    assert bodies(spaced, query, limit=1) == direct[:1]
    assert direct


@pytest.fixture
def numbers(db: Database) -> Database:
    with db.write() as s:
        customer = make_contact(s, wa_id="821012345678", profile_name="최유진")
        for i, body in enumerate(
            [
                "제 번호 010-1234-5678 이에요",
                "010 1234 5678로 연락주세요",
                "01012345678",
                "010-12345678 로 보내주세요",
                "다른 번호 010-1234-5679",
                "송장 1012345678",
            ]
        ):
            make_message(s, customer, body, sent_at=BASE_TIME + timedelta(hours=i))
    return db


@pytest.mark.parametrize("typed", ["1012345678", "10 1234 5678", "821012345678", "+82 10 1234 5678"])
def test_a_mobile_number_without_its_0_finds_the_messages_that_quote_it(
    numbers: Database, typed: str
) -> None:
    """The owner copies a customer's number from her wa_id ('821012345678') or types it without its
    0: the chat is found, and so is every message that wrote the number, whatever its dashes."""
    found = bodies(numbers, typed, region="KR")
    assert found[-4:] == [
        "010-12345678 로 보내주세요",
        "01012345678",
        "010 1234 5678로 연락주세요",
        "제 번호 010-1234-5678 이에요",
    ]
    assert "다른 번호 010-1234-5679" not in found
    with numbers.read() as s:
        assert [c.display_name for c in search_contacts(s, typed)] == ["최유진"]
        hits = search_messages(s, typed, region="KR")
    assert "010-1234-5678" in {h.snippet[a:b] for h in hits for a, b in h.highlights}


def test_the_digits_typed_are_still_found_as_they_are_written(numbers: Database) -> None:
    """A tracking number that happens to look like a mobile number without its 0 is found too."""
    assert bodies(numbers, "1012345678")[0] == "송장 1012345678"
