"""Pickers' contact look-up: by name, by number, and a Korean name by its initial consonants."""

from __future__ import annotations

from datetime import timedelta

from app.contact_lookup import ContactDirectory
from tests.support.factories import BASE_TIME, make_contact, make_message


def test_a_picker_finds_a_customer_by_name_number_or_initials(db) -> None:
    with db.write() as s:
        for i, (name, wa_id) in enumerate([("김민지", "821055501111"), ("박지민", "821055502222")]):
            c = make_contact(s, profile_name=name, wa_id=wa_id)
            make_message(s, c, "안녕하세요", sent_at=BASE_TIME + timedelta(hours=i))
    directory = ContactDirectory(db)
    assert [c.name for c in directory.find("민지")] == ["김민지"]
    assert [c.name for c in directory.find("5502222")] == ["박지민"]
    assert [c.name for c in directory.find("ㄱㅁㅈ")] == ["김민지"]
    assert [c.name for c in directory.find("ㅈㅁ")] == ["박지민"]
    assert [c.name for c in directory.find("ㅁ", limit=1)] == []  # one consonant: typed as text
