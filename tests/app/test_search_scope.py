"""A search from a filtered chat list (Unread, Archived, a label) keeps to the chats it shows."""

from __future__ import annotations

from datetime import timedelta

import pytest

import app.search
from app.db import Database
from app.labels import label_chat_named
from app.models import Contact
from app.search import search_contacts, search_messages
from app.search_scope import ChatScope
from tests.support.factories import BASE_TIME, make_contact, make_message


@pytest.fixture
def inbox(db: Database) -> tuple[Database, int]:
    """민지 waits unread with the label 입금 확인; 하은 was read; 수빈's chat is archived."""
    with db.write() as s:
        minji = make_contact(s, wa_id="821011110001", profile_name="김민지")
        haeun = make_contact(s, wa_id="821011110002", profile_name="이하은")
        subin = make_contact(s, wa_id="821011110003", profile_name="정수빈")
        for i, (who, unread) in enumerate([(haeun, False), (subin, False), (minji, True)]):
            make_message(
                s, who, "에코백 배송 언제 되나요", unread=unread, sent_at=BASE_TIME + timedelta(hours=i)
            )
            make_message(
                s, who, "감사합니다", unread=unread, sent_at=BASE_TIME + timedelta(hours=i, minutes=5)
            )
        s.get(Contact, subin.id).archived = True  # type: ignore[union-attr]
        label = label_chat_named(s, minji.id, "입금 확인", "#2e7d32").label_id
    return db, label


def senders(db: Database, query: str, **kw: object) -> list[str]:
    """Whose messages a search found, newest first."""
    with db.read() as s:
        hits = search_messages(s, query, **kw)  # type: ignore[arg-type]
        return [h.contact_name for h in hits]


@pytest.mark.parametrize("plan", ["read through", "index", "windows"])
@pytest.mark.parametrize("query", ["배송", "에코백 언제", "감"])
def test_a_search_from_a_filter_finds_only_the_chats_it_shows(
    inbox: tuple[Database, int], monkeypatch: pytest.MonkeyPatch, plan: str, query: str
) -> None:
    db, label = inbox
    if plan != "read through":
        monkeypatch.setattr(app.search, "CHAT_SCAN_MAX", 0)  # the filter's chats are many: the index
    if plan == "windows":
        monkeypatch.setattr(app.search, "DIRECT_MATCHES", 1)  # every word is common: windows
        monkeypatch.setattr(app.search, "FIRST_WINDOW", 2)
    assert senders(db, query, chats=ChatScope("unread")) == ["김민지"]
    assert senders(db, query, chats=ChatScope("all", label)) == ["김민지"]
    assert senders(db, query, chats=ChatScope("archived")) == ["정수빈"]
    # All: every chat, the archived ones too (their hits say so), as a search without a filter.
    assert senders(db, query, chats=ChatScope("all")) == senders(db, query) == ["김민지", "정수빈", "이하은"]


def test_chats_found_by_name_keep_to_the_filter_too(inbox: tuple[Database, int]) -> None:
    db, label = inbox
    with db.read() as s:
        assert [c.display_name for c in search_contacts(s, "ㅈ", chats=ChatScope("unread"))] == []
        assert [c.display_name for c in search_contacts(s, "ㅁㅈ", chats=ChatScope("unread"))] == ["김민지"]
        assert [c.display_name for c in search_contacts(s, "ㅅㅂ", chats=ChatScope("unread"))] == []
        assert [c.display_name for c in search_contacts(s, "정수빈", chats=ChatScope("all", label))] == []
        assert [c.display_name for c in search_contacts(s, "정수빈", chats=ChatScope("archived"))] == [
            "정수빈"
        ]


def test_a_filter_that_shows_no_chat_finds_nothing(inbox: tuple[Database, int]) -> None:
    db, _label = inbox
    assert senders(db, "배송", chats=ChatScope("waiting")) == []
