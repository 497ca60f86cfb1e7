"""Searching a German shop's chats: umlauts in any case, ß or ss, numbers written 0171 / +49 / 0049."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.db import Database
from app.models import Message
from app.search import search_contacts, search_messages
from tests.support.factories import BASE_TIME, make_contact, make_message


@pytest.fixture
def shop(db: Database) -> Database:
    with db.write() as s:
        juergen = make_contact(s, wa_id="491712345678", profile_name="Jürgen Müller")
        anna = make_contact(s, wa_id="4915112345678", profile_name="Anna Groß")
        texts = [
            (juergen, "Ich wohne in der Hauptstraße 5, 10115 Berlin"),
            (juergen, "MÜLLER hier, ist das Rücklicht noch da?"),
            (anna, "VIELE GRÜSSE AUS DER GARTENSTRASSE"),
            (anna, "Meine Frau hat die Nummer 0049 171 2345678"),
            (anna, "Mein Büro: 030/12345678"),
        ]
        for i, (who, body) in enumerate(texts):
            make_message(s, who, body, sent_at=BASE_TIME + timedelta(hours=i))
    return db


def bodies(db: Database, query: str) -> list[str]:
    with db.read() as s:
        return [s.get_one(Message, h.message_id).body for h in search_messages(s, query)]


def test_umlauts_are_found_in_any_case(shop: Database) -> None:
    assert bodies(shop, "müller") == ["MÜLLER hier, ist das Rücklicht noch da?"]
    assert bodies(shop, "RÜCKLICHT") == ["MÜLLER hier, ist das Rücklicht noch da?"]


def test_strasse_finds_strasse_written_with_eszett_and_the_other_way(shop: Database) -> None:
    assert bodies(shop, "strasse") == [
        "VIELE GRÜSSE AUS DER GARTENSTRASSE",
        "Ich wohne in der Hauptstraße 5, 10115 Berlin",
    ]
    assert bodies(shop, "Grüße") == ["VIELE GRÜSSE AUS DER GARTENSTRASSE"]
    with shop.read() as s:
        (hit,) = search_messages(s, "hauptstrasse")
    assert [hit.snippet[a:b] for a, b in hit.highlights] == ["Hauptstraße"]


def test_a_chat_searched_by_reading_it_finds_ss_as_eszett_too(shop: Database) -> None:
    with shop.read() as s:
        chat = search_contacts(s, "Jürgen")[0].contact_id
        hits = search_messages(s, "strasse", contact_id=chat)
        assert [s.get_one(Message, h.message_id).body for h in hits] == [
            "Ich wohne in der Hauptstraße 5, 10115 Berlin"
        ]


@pytest.mark.parametrize("typed", ["0171 2345678", "+49 171 2345678", "0049 171 2345678", "00491712345678"])
def test_a_german_mobile_number_finds_its_chat_however_it_is_written(shop: Database, typed: str) -> None:
    with shop.read() as s:
        assert [c.display_name for c in search_contacts(s, typed)] == ["Jürgen Müller"]
    assert bodies(shop, typed) == ["Meine Frau hat die Nummer 0049 171 2345678"]


def test_a_whatsapp_name_in_capitals_is_found_typed_in_lower_case(db: Database) -> None:
    """SQLite's lower() folds ASCII only: "JÜRGEN MÜLLER" was not found by 'müller'."""
    with db.write() as s:
        caps = make_contact(s, wa_id="491701112223", profile_name="JÜRGEN MÜLLER")
        make_message(s, caps, "Hallo", sent_at=BASE_TIME)
    with db.read() as s:
        for typed in ("müller", "Müller", "jürgen müller", "ÜLL"):
            assert [c.display_name for c in search_contacts(s, typed)] == ["JÜRGEN MÜLLER"], typed


def test_a_campaigns_contact_picker_finds_a_capitalised_umlaut_name(db: Database) -> None:
    from app.contact_lookup import find_contacts

    with db.write() as s:
        make_contact(s, wa_id="491701112223", profile_name="JÜRGEN MÜLLER")
        make_contact(s, wa_id="491701112224", profile_name="Anna Groß")
    with db.read() as s:
        assert [c.name for c in find_contacts(s, "müller")] == ["JÜRGEN MÜLLER"]
        assert [c.name for c in find_contacts(s, "GROß")] == ["Anna Groß"]


@pytest.mark.parametrize("typed", ["030 12345678", "030/12345678", "+49 30 12345678"])
def test_a_number_written_with_a_slash_after_its_area_code_is_found_however_it_is_typed(
    shop: Database, typed: str
) -> None:
    """Germans write "030/12345678": the slash was no phone number's separator."""
    assert bodies(shop, typed) == ["Mein Büro: 030/12345678"]
