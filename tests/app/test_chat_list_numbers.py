"""A shop with two WhatsApp numbers lists one number's chats: the query, the choice and its memory."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.business_numbers import (
    CHAT_LIST_NUMBER_KEY,
    NumberChoice,
    chat_list_numbers,
    number_tags,
    remember_business_numbers,
    show_number,
)
from app.db import Database
from app.first_page import read_first_page
from app.models import Label
from app.queries import changed_conversations, conversations_page, set_label
from app.settings import load_preferences, put_setting, save_preferences
from tests.support.factories import make_contact, make_message

GANGNAM, HONGDAE = "100000000000001", "100000000000002"


def two_branches(db: Database) -> dict[str, int]:
    """Chats to the Gangnam number and to the Hongdae number, read and unread, one labelled Paid."""
    with db.write() as s:
        save_preferences(s, load_preferences(s).replace(relay_url="http://127.0.0.1:9"))
        remember_business_numbers(s, {(GANGNAM, "+82 2-555-0101"), (HONGDAE, "+82 2-555-0202")})
        ids = {}
        for name, number, unread in (
            ("김민지", GANGNAM, True),
            ("박서연", GANGNAM, False),
            ("이준호", HONGDAE, True),
            ("최유진", HONGDAE, False),
        ):
            contact = make_contact(s, profile_name=name, phone_number_id=number)
            make_message(s, contact, "안녕하세요", unread=unread)
            ids[name] = contact.id
        paid = s.scalars(select(Label.id).where(Label.name == "Paid")).one()
        set_label(s, ids["박서연"], paid, True)
        set_label(s, ids["최유진"], paid, True)
        ids["paid"] = paid
        return ids


def names(rows: list) -> set[str]:  # type: ignore[type-arg]
    return {r.display_name for r in rows}


def test_the_list_of_one_number_shows_only_the_chats_to_it_with_any_filter(db: Database) -> None:
    ids = two_branches(db)
    with db.read() as s:
        assert names(conversations_page(s, number=GANGNAM)) == {"김민지", "박서연"}
        assert names(conversations_page(s, number=HONGDAE)) == {"이준호", "최유진"}
        assert names(conversations_page(s)) == {"김민지", "박서연", "이준호", "최유진"}
        assert names(conversations_page(s, kind="unread", number=HONGDAE)) == {"이준호"}
        assert names(conversations_page(s, label_id=ids["paid"], number=GANGNAM)) == {"박서연"}
        assert {r.phone_number_id for r in conversations_page(s, number=HONGDAE)} == {HONGDAE}


def test_a_catch_up_reads_whole_only_the_changed_chats_to_the_number_shown(db: Database) -> None:
    ids = two_branches(db)
    changed = {ids[name] for name in ("김민지", "박서연", "이준호", "최유진")}
    shown = frozenset({ids["박서연"]})
    with db.read() as s:
        got = changed_conversations(s, changed, shown=shown, room=1, number=GANGNAM)
    # The list of Gangnam's chats keeps its newest; Hongdae's newer ones take no room in it.
    assert "박서연" in names(got.rows)
    assert "최유진" not in names(got.rows)
    assert got.gone == frozenset()


def test_the_choice_of_number_is_kept_and_only_a_known_number_of_two_counts(db: Database) -> None:
    two_branches(db)
    with db.read() as s:
        numbers = chat_list_numbers(s)
    assert numbers.choices == (
        NumberChoice(GANGNAM, "+82 2-555-0101"),
        NumberChoice(HONGDAE, "+82 2-555-0202"),
    )
    assert numbers.shown is None
    with db.write() as s:
        show_number(s, HONGDAE)
    with db.read() as s:
        assert chat_list_numbers(s).shown == HONGDAE
    with db.write() as s:
        put_setting(s, CHAT_LIST_NUMBER_KEY, "999")  # a number the shop does not have (any more)
    with db.read() as s:
        assert chat_list_numbers(s).shown is None


def test_a_one_number_shop_has_no_choice_and_sees_every_chat(db: Database) -> None:
    with db.write() as s:
        remember_business_numbers(s, {(GANGNAM, "+82 2-555-0101")})
        show_number(s, GANGNAM)
    with db.read() as s:
        numbers = chat_list_numbers(s)
    assert numbers.choices == ()
    assert numbers.shown is None


def test_the_first_page_at_start_up_is_of_the_number_the_list_was_left_showing(db: Database) -> None:
    two_branches(db)
    with db.write() as s:
        show_number(s, GANGNAM)
    first = read_first_page(db.path, 100)
    assert first is not None
    assert first.numbers.shown == GANGNAM
    assert len(first.numbers.choices) == 2
    assert names(first.rows) == {"김민지", "박서연"}
    with db.read() as s:
        assert first.rows == conversations_page(s, number=GANGNAM)


def test_one_numbers_list_walks_only_that_numbers_chats(db: Database) -> None:
    """Its Unread on a big inbox whose second number has few chats walked every chat (~280 ms on
    100,000): the plan searches the number's own chats, in the list's order, with no sort."""
    from sqlalchemy import text

    from app.conversation_rows import CONVERSATIONS_SQL, conversation_where

    two_branches(db)
    for kind in ("all", "unread", "archived"):
        where, params = conversation_where(kind, None, contact_ids=False, number=HONGDAE)  # type: ignore[arg-type]
        with db.read() as s:
            plan = [
                str(row[3])
                for row in s.execute(
                    text("EXPLAIN QUERY PLAN " + CONVERSATIONS_SQL.format(where=where)),
                    {**params, "limit": 100, "offset": 0},
                )
            ]
        assert any("ix_contact_number_list (phone_number_id=? AND archived=?)" in step for step in plan), plan
        assert not any("TEMP B-TREE" in step for step in plan), plan


def test_search_in_one_numbers_chats_finds_only_their_messages_and_names(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list shows Hongdae's chats: a search from it finds in them, by every plan the search has."""
    import app.search
    from app.search import search_contacts, search_messages

    ids = two_branches(db)
    with db.write() as s:
        from app.models import Contact

        for name in ("김민지", "이준호"):
            contact = s.get(Contact, ids[name])
            assert contact is not None
            make_message(s, contact, f"{name}님 주문했어요 배송 문의 x")
    hongdae = {ids["이준호"], ids["최유진"]}
    for query in ("주문", "배송 문의", "x", "안녕하세요"):  # bigrams, trigrams, one letter, everyone's
        with db.read() as s:
            hits = search_messages(s, query, number=HONGDAE)
            every = search_messages(s, query)
        assert hits and {h.contact_id for h in hits} <= hongdae, query
        assert {h.contact_id for h in every} - hongdae, query  # Gangnam's were there to be left out
    # A common word's matches walked a window at a time, as on a long history.
    monkeypatch.setattr(app.search, "DIRECT_MATCHES", 1)
    with db.read() as s:
        walked = search_messages(s, "안녕하세요", number=HONGDAE)
    assert {h.contact_id for h in walked} == hongdae
    with db.read() as s:
        assert [h.display_name for h in search_contacts(s, "이준", number=HONGDAE)] == ["이준호"]
        assert search_contacts(s, "김민", number=HONGDAE) == []
        assert search_contacts(s, "ㄱㅁㅈ", number=HONGDAE) == []  # by initials too
        assert [h.display_name for h in search_contacts(s, "ㄱㅁㅈ")] == ["김민지"]


def test_each_number_is_tagged_by_its_last_four_digits_or_as_many_as_tell_them_apart() -> None:
    assert number_tags(["+82 2-555-0101", "+82 2-555-0202"]) == {
        "+82 2-555-0101": "0101",
        "+82 2-555-0202": "0202",
    }
    # Two branches whose numbers end alike are told apart by a digit more, not tagged the same.
    assert number_tags(["+82 2-555-0101", "+82 2-556-0101", "+82 31-777-1234"]) == {
        "+82 2-555-0101": "50101",
        "+82 2-556-0101": "60101",
        "+82 31-777-1234": "71234",
    }
    assert number_tags([]) == {}


def test_search_hits_carry_their_chats_number_in_a_two_number_shop(db: Database) -> None:
    from app.search import search_contacts, search_messages

    two_branches(db)
    with db.read() as s:
        hits = {h.contact_name: h.business_number for h in search_messages(s, "안녕하세요")}
        names = {h.display_name: h.business_number for h in search_contacts(s, "이준")}
        initials = {h.display_name: h.business_number for h in search_contacts(s, "ㄱㅁㅈ")}
    assert hits == {
        "김민지": "+82 2-555-0101",
        "박서연": "+82 2-555-0101",
        "이준호": "+82 2-555-0202",
        "최유진": "+82 2-555-0202",
    }
    assert names == {"이준호": "+82 2-555-0202"}
    assert initials == {"김민지": "+82 2-555-0101"}


def test_a_one_number_shops_search_hits_name_no_number(db: Database) -> None:
    from app.search import search_contacts, search_messages

    with db.write() as s:
        remember_business_numbers(s, {(GANGNAM, "+82 2-555-0101")})
        make_message(s, make_contact(s, profile_name="김민지", phone_number_id=GANGNAM), "안녕하세요")
    with db.read() as s:
        assert [h.business_number for h in search_messages(s, "안녕하세요")] == [None]
        assert [h.business_number for h in search_contacts(s, "김민")] == [None]


def she_wrote_to_both(db: Database) -> dict[str, int]:
    """김민지 wrote to Gangnam first, then to Hongdae (her one chat is Hongdae's now); a line of hers
    imported from a phone's export kept no number. Hongdae's 이준호 and Gangnam's 박서연 ordered too."""
    from datetime import timedelta

    from app.catalog import ItemDraft, create_item
    from app.models import Contact
    from app.orders import order_from_cart
    from tests.support.factories import BASE_TIME

    ids = two_branches(db)
    with db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=42000, currency="KRW", retailer_id="SH-1"))
        minji, seoyeon, junho = (s.get(Contact, ids[n]) for n in ("김민지", "박서연", "이준호"))
        assert minji is not None and seoyeon is not None and junho is not None
        later = BASE_TIME + timedelta(days=1)
        ids["imported"] = make_message(s, minji, "지난번 주문 x 고마워요", sent_at=later).id
        ids["to gangnam"] = make_message(
            s, minji, "강남점에 주문 x 할게요", phone_number_id=GANGNAM, sent_at=later + timedelta(minutes=1)
        ).id
        cart = {"catalog_id": "1", "text": "", "product_items": [
            {"product_retailer_id": "SH-1", "quantity": 1, "item_price": 42000, "currency": "KRW"}]}  # fmt: skip
        carted = make_message(
            s, minji, "", kind="order", payload={"type": "order", "order": cart},
            phone_number_id=GANGNAM, sent_at=later + timedelta(minutes=2),
        )  # fmt: skip
        order_from_cart(s, carted)
        ids["cart to gangnam"] = carted.id
        ids["from gangnam"] = make_message(
            s, minji, "강남점 주문 x 확인했어요", direction="out", phone_number_id=GANGNAM,
            sent_at=later + timedelta(minutes=3),
        ).id  # fmt: skip
        ids["to hongdae"] = make_message(
            s,
            minji,
            "홍대점 픽업 주문 x 돼요?",
            phone_number_id=HONGDAE,
            sent_at=later + timedelta(minutes=4),
        ).id
        ids["junho"] = make_message(
            s, junho, "주문 x 취소할게요", phone_number_id=HONGDAE, sent_at=later + timedelta(minutes=5)
        ).id
        ids["seoyeon"] = make_message(
            s, seoyeon, "주문 x 문의요", phone_number_id=GANGNAM, sent_at=later + timedelta(minutes=6)
        ).id
        minji.phone_number_id = HONGDAE  # she wrote to Hongdae last
    return ids


def test_a_message_hit_says_the_number_it_came_in_on_not_its_chats(db: Database) -> None:
    from app.search import search_messages

    ids = she_wrote_to_both(db)
    with db.read() as s:
        hits = {h.message_id: h.business_number for h in search_messages(s, "주문")}
        cart = {h.message_id: h.business_number for h in search_messages(s, "린넨 셔츠")}
    assert hits[ids["to gangnam"]] == "+82 2-555-0101"
    assert hits[ids["from gangnam"]] == "+82 2-555-0101"
    assert hits[ids["to hongdae"]] == "+82 2-555-0202"
    assert hits[ids["imported"]] == "+82 2-555-0202"  # it kept none: her chat's
    assert hits[ids["seoyeon"]] == "+82 2-555-0101"
    assert cart == {ids["cart to gangnam"]: "+82 2-555-0101"}


def test_one_numbers_search_finds_the_messages_on_that_number_by_every_plan(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The owner of the Gangnam branch searches its messages: what 김민지 wrote to Gangnam is found,
    though her chat is listed under Hongdae now, and what she wrote to Hongdae is not."""
    import app.search
    from app.search import search_messages

    ids = she_wrote_to_both(db)
    gangnam = {ids["to gangnam"], ids["from gangnam"], ids["seoyeon"]}
    hongdae = {ids["to hongdae"], ids["imported"], ids["junho"]}
    for query in ("주문", "주문 x", "x"):  # bigrams, bigrams read with a letter, one letter (a scan)
        with db.read() as s:
            assert {h.message_id for h in search_messages(s, query, number=GANGNAM)} == gangnam, query
            assert {h.message_id for h in search_messages(s, query, number=HONGDAE)} == hongdae, query
    with db.read() as s:
        assert {h.message_id for h in search_messages(s, "강남점에 주문", number=GANGNAM)} == {
            ids["to gangnam"]
        }
        assert search_messages(s, "강남점에 주문", number=HONGDAE) == []  # trigrams
        # Her cart came in on Gangnam: found by its item there, not in Hongdae's.
        assert [h.message_id for h in search_messages(s, "린넨 셔츠", number=GANGNAM)] == [
            ids["cart to gangnam"]
        ]
        assert search_messages(s, "린넨 셔츠", number=HONGDAE) == []
    # A common word's matches walked a window at a time, as on a long history.
    monkeypatch.setattr(app.search, "DIRECT_MATCHES", 1)
    with db.read() as s:
        assert {h.message_id for h in search_messages(s, "주문", number=GANGNAM)} == gangnam
        assert {h.message_id for h in search_messages(s, "주문", number=HONGDAE)} == hongdae


def test_a_searchs_hits_tag_every_number_or_in_one_chat_the_other_one(db: Database) -> None:
    from app.search import hit_number_tags

    ids = she_wrote_to_both(db)
    with db.read() as s:
        assert hit_number_tags(s) == {"+82 2-555-0101": "0101", "+82 2-555-0202": "0202"}
        assert hit_number_tags(s, number=GANGNAM) == {}  # every hit is on it
        assert hit_number_tags(s, contact_id=ids["김민지"]) == {
            "+82 2-555-0101": "0101"
        }  # her chat is Hongdae's
        assert hit_number_tags(s, contact_id=ids["박서연"], number=GANGNAM) == {"+82 2-555-0202": "0202"}
