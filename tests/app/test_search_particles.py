"""A Korean word searched with its particle ('배송이', '에코백을') is looked for without it when nothing matched."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.search import search_messages
from app.search_particles import without_particles
from tests.support.factories import BASE_TIME, make_contact, make_message


@pytest.mark.parametrize(
    ("typed", "looked_for"),
    [
        ("배송이", "배송"),
        ("에코백을", "에코백"),
        ("에코백이요", "에코백"),
        ("매장에서", "매장"),
        ("원피스는", "원피스"),
        ("린넨 셔츠를", "린넨 셔츠"),
        ("셔츠랑 바지를", "셔츠 바지"),
    ],
)
def test_a_korean_word_loses_its_particle(typed: str, looked_for: str) -> None:
    assert without_particles(typed) == looked_for


@pytest.mark.parametrize(
    "typed",
    [
        "배송",
        "에코백",
        "가",
        "이",
        "사과",
        "옷을",
        '"배송이"',
        "010-1234-5678",
        "linen",
        "M이",
        "2026-0007",
        "",
    ],
)
def test_nothing_to_leave_off_is_said_so(typed: str) -> None:
    """A word without a particle, a particle alone or after one letter (사과 is an apple, not 사 with
    과), a phrase in quotes, a number or a word in another language is not looked for again."""
    assert without_particles(typed) is None


def test_a_word_typed_with_a_particle_finds_the_messages_with_another(db) -> None:
    with db.write() as s:
        c = make_contact(s, profile_name="김민지")
        for i, body in enumerate(["배송은 언제 되나요?", "에코백이요", "에코백 재고 있나요?"]):
            make_message(s, c, body, sent_at=BASE_TIME + timedelta(minutes=i))
    with db.read() as s:
        assert search_messages(s, "배송이") == []
        assert search_messages(s, "에코백을") == []
        stem = without_particles("배송이")
        assert stem is not None
        assert [h.snippet for h in search_messages(s, stem)] == ["배송은 언제 되나요?"]
        bag = without_particles("에코백을")
        assert bag is not None
        assert [h.snippet for h in search_messages(s, bag)] == ["에코백 재고 있나요?", "에코백이요"]
