"""A query of several words finds messages with every word, in any order; "quotes" keep a phrase whole."""

from __future__ import annotations

from datetime import timedelta

import pytest

import app.search
from app.db import Database
from app.models import Message
from app.search import search_contacts, search_messages
from tests.support.factories import BASE_TIME, make_contact, make_message

TEXTS = [
    "네이비 원피스 아직 있나요?",
    "카드 결제 되나요",
    "결제는 카드로 할게요",
    "원피스 M 사이즈로 네이비 색상 주문할게요",
    "카드 결제는 되는데 현금은 안 돼요. 배송은 내일 출발하고 도착하면 문자로 알려드릴게요. 그리고 "
    "포장은 선물용으로 해드릴까요? 리본 색상도 고르실 수 있어요. 네이비 원피스는 재입고 예정이에요",
    "Linen shirt in navy, size M please",
]


@pytest.fixture
def shop(db: Database) -> Database:
    with db.write() as s:
        customer = make_contact(s, wa_id="821044445555", profile_name="정수빈")
        for i, body in enumerate(TEXTS):
            make_message(s, customer, body, sent_at=BASE_TIME + timedelta(hours=i))
    return db


def bodies(db: Database, query: str, **kw: object) -> list[str]:
    """The full bodies of the hits, newest first."""
    with db.read() as s:
        hits = search_messages(s, query, **kw)  # type: ignore[arg-type]
        return [s.get(Message, h.message_id).body for h in hits]  # type: ignore[union-attr]


def test_words_are_found_in_either_order(shop: Database) -> None:
    both = [TEXTS[4], TEXTS[3], TEXTS[0]]
    assert bodies(shop, "네이비 원피스") == both
    assert bodies(shop, "원피스 네이비") == both
    assert bodies(shop, "결제 카드") == [TEXTS[4], TEXTS[2], TEXTS[1]]
    assert bodies(shop, "navy linen") == [TEXTS[5]]


def test_three_words_are_all_needed_wherever_they_are(shop: Database) -> None:
    assert bodies(shop, "네이비 주문할게요 원피스") == [TEXTS[3]]
    assert bodies(shop, "카드 현금 결제") == [TEXTS[4]]  # two-letter words, one far from the others
    assert bodies(shop, "M 원피스 네이비") == [TEXTS[3]]  # a one-letter word among them


def test_a_word_missing_finds_nothing(shop: Database) -> None:
    assert bodies(shop, "네이비 원피스 블랙") == []
    assert bodies(shop, "카드 환불") == []
    assert bodies(shop, "linen red") == []


def test_a_phrase_in_quotes_is_found_only_as_typed(shop: Database) -> None:
    assert bodies(shop, '"카드 결제"') == [TEXTS[4], TEXTS[1]]
    assert bodies(shop, '"결제 카드"') == []
    assert bodies(shop, '"네이비 원피스"') == [TEXTS[4], TEXTS[0]]
    assert bodies(shop, '"네이비 원피스" 재입고') == [TEXTS[4]]
    assert bodies(shop, '"카드 결제') == [TEXTS[4], TEXTS[1]]  # the closing quote left off


def test_korean_words_are_still_found_spacing_aside(shop: Database) -> None:
    assert bodies(shop, "네이비원피스") == [TEXTS[4], TEXTS[0]]
    assert bodies(shop, "카드결제") == [TEXTS[4], TEXTS[1]]


def test_each_word_is_marked_in_the_snippet(shop: Database) -> None:
    with shop.read() as s:
        hits = search_messages(s, "결제 카드")
    assert len(hits) == 3
    for hit in hits:
        assert {hit.snippet[a:b] for a, b in hit.highlights} == {"카드", "결제"}


def test_a_word_far_from_the_others_is_shown_in_the_snippet_too(db: Database) -> None:
    with db.write() as s:
        c = make_contact(s, profile_name="정수빈")
        make_message(
            s,
            c,
            "카드 결제 되나요? " + "가나다라 " * 60 + "네이비 원피스 재입고 예정이에요 " + "마바사 " * 30,
        )
    with db.read() as s:
        [hit] = search_messages(s, "재입고 결제")
    marked = [hit.snippet[a:b] for a, b in hit.highlights]
    assert marked == ["결제", "재입고"]
    # Both within the two lines the hit shows, the text between them cut out.
    assert hit.highlights[-1][1] < 100 and "…" in hit.snippet[: hit.highlights[-1][0]]


@pytest.mark.parametrize(
    "query",
    [
        "원피스 네이비",
        "결제 카드",
        "카드 현금 결제",
        "M 원피스",
        "네이비 원피스 블랙",
        '"카드 결제"',
        "결제는 카드",
        "원피스 색상 M",
    ],
)
def test_every_plan_finds_the_same_words(shop: Database, monkeypatch: pytest.MonkeyPatch, query: str) -> None:
    """Reading a small chat, asking the index for one chat, and walking the inbox window by window
    (a common word) give the same hits, in order."""
    monkeypatch.setattr(app.search, "CONFIRM_BATCH", 1)  # a word of the other table confirmed one by one
    with shop.read() as s:
        chat = search_contacts(s, "정수빈")[0].contact_id
        inbox = [h.message_id for h in search_messages(s, query)]
        read = [h.message_id for h in search_messages(s, query, contact_id=chat)]
        monkeypatch.setattr(app.search, "CHAT_SCAN_MAX", 0)  # every chat is large: the index
        indexed = [h.message_id for h in search_messages(s, query, contact_id=chat)]
        monkeypatch.setattr(app.search, "DIRECT_MATCHES", 1)  # every word is common: windows
        monkeypatch.setattr(app.search, "FIRST_WINDOW", 2)
        windowed = [h.message_id for h in search_messages(s, query)]
        paged = [h.message_id for h in search_messages(s, query, limit=1)]
    assert read == indexed == inbox == windowed
    assert inbox or "블랙" in query
    assert paged == inbox[:1]
