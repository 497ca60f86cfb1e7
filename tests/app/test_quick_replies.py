"""Quick replies: shortcut rules, CRUD and reorder, ranking for the `/` completer, field filling, demo data."""

from __future__ import annotations

import pytest

from app.quick_replies import (
    ContactInfo,
    QuickReplyInvalid,
    ShortcutInvalid,
    add_quick_reply,
    contact_info,
    delete_quick_reply,
    list_quick_replies,
    load_demo_quick_replies,
    move_quick_reply,
    reorder_quick_replies,
    search_quick_replies,
    update_quick_reply,
)
from tests.support.factories import make_contact


@pytest.mark.parametrize(
    ("shortcut", "reason"),
    [
        ("", "empty"),
        ("/", "empty"),
        ("thanks", "no_slash"),
        ("/thank you", "spaces"),
        ("/감사\t합니다", "spaces"),
        ("/" + "x" * 40, "too_long"),
    ],
)
def test_bad_shortcuts_are_refused_with_a_reason(db, shortcut: str, reason: str) -> None:
    with db.write() as s, pytest.raises(ShortcutInvalid) as err:
        add_quick_reply(s, shortcut, "hello")
    assert err.value.reason == reason


def test_a_slash_typed_after_the_one_a_new_reply_starts_with_is_not_kept(db) -> None:
    """The editor gives a new reply "/" to type after; typing "/포장" there stored "//포장"."""
    with db.write() as s:
        row = add_quick_reply(s, "//포장", "선물 포장은 무료예요")
        with pytest.raises(ShortcutInvalid) as err:
            add_quick_reply(s, "/포장", "포장해 드려요")
        with pytest.raises(ShortcutInvalid) as empty:
            add_quick_reply(s, "//", "포장해 드려요")
    assert row.shortcut == "/포장" and err.value.reason == "taken" and empty.value.reason == "empty"


def test_shortcuts_are_unique_whatever_the_case(db) -> None:
    with db.write() as s:
        add_quick_reply(s, "/Thanks", "Thank you!")
        with pytest.raises(ShortcutInvalid) as err:
            add_quick_reply(s, "/thanks", "Thanks again")
    assert err.value.reason == "taken"


def test_empty_text_is_refused(db) -> None:
    with db.write() as s, pytest.raises(QuickReplyInvalid):
        add_quick_reply(s, "/empty", "   ")


def test_add_edit_delete_round_trip_through_the_database(db) -> None:
    with db.write() as s:
        row = add_quick_reply(s, " /배송 ", "2~3일 걸려요", keywords=["배송", " 배송 ", "택배", ""])
    assert row.shortcut == "/배송" and row.keywords == ("배송", "택배")
    with db.write() as s:
        update_quick_reply(s, row.id, shortcut="/배송안내", text="보통 2~3일", media_path="/tmp/box.jpg")
    with db.read() as s:
        (stored,) = list_quick_replies(s)
    assert (stored.shortcut, stored.text, stored.media_path, stored.keywords) == (
        "/배송안내",
        "보통 2~3일",
        "/tmp/box.jpg",
        (),
    )
    with db.write() as s:
        delete_quick_reply(s, row.id)
    with db.read() as s:
        assert list_quick_replies(s) == []


def test_editing_a_reply_may_keep_its_own_shortcut(db) -> None:
    with db.write() as s:
        row = add_quick_reply(s, "/hi", "Hi")
        update_quick_reply(s, row.id, shortcut="/HI", text="Hello")
    with db.read() as s:
        assert list_quick_replies(s)[0].shortcut == "/HI"


def test_there_is_no_limit_on_how_many_quick_replies(db) -> None:
    with db.write() as s:
        for n in range(120):
            add_quick_reply(s, f"/r{n}", f"reply {n}")
    with db.read() as s:
        assert len(list_quick_replies(s)) == 120


def test_reorder_and_move_keep_the_owners_order(db) -> None:
    with db.write() as s:
        ids = [add_quick_reply(s, f"/{w}", w).id for w in ("a", "b", "c", "d")]
        reorder_quick_replies(s, [ids[3], ids[1]])
    with db.read() as s:
        assert [r.shortcut for r in list_quick_replies(s)] == ["/d", "/b", "/a", "/c"]
    with db.write() as s:
        move_quick_reply(s, ids[2], 0)
    with db.read() as s:
        assert [r.shortcut for r in list_quick_replies(s)] == ["/c", "/d", "/b", "/a"]


def test_search_ranks_shortcut_prefix_before_keyword_before_text_in_korean(db) -> None:
    with db.write() as s:
        add_quick_reply(s, "/안내", "배송은 2~3일 걸려요")  # text match only
        add_quick_reply(s, "/택배사", "CJ대한통운으로 보내요", keywords=["배송"])  # keyword match
        add_quick_reply(s, "/빠른배송", "오늘 출발해요")  # shortcut contains
        add_quick_reply(s, "/배송", "결제 후 1~2일 안에 발송")  # shortcut prefix
        add_quick_reply(s, "/계좌", "국민은행 123")  # no match
    with db.read() as s:
        found = [r.shortcut for r in search_quick_replies(s, "/배송")]
    assert found == ["/배송", "/빠른배송", "/택배사", "/안내"]


@pytest.mark.parametrize("typed", ["/ㅂㅅ", "/ㅄ", "/ㅂ"])
def test_initial_consonants_find_a_korean_shortcut(db, typed: str) -> None:
    """Dong-hyun types /ㅂㅅ for /배송, as Korean phones find names; a keyboard may join it into ㅄ."""
    with db.write() as s:
        add_quick_reply(s, "/교환", "7일 안에 교환돼요")
        add_quick_reply(s, "/빠른배송", "오늘 출발해요")  # its initials contain ㅂㅅ
        add_quick_reply(s, "/배송", "결제 후 1~2일 안에 발송")
        add_quick_reply(s, "/thanks", "Thank you")
    with db.read() as s:
        found = [r.shortcut for r in search_quick_replies(s, typed)]
    assert found == ["/배송", "/빠른배송"]


def test_two_initial_consonants_find_a_keyword_but_not_every_text(db) -> None:
    with db.write() as s:
        add_quick_reply(s, "/택배사", "CJ대한통운", keywords=["배송"])
        add_quick_reply(s, "/안내", "배송은 2~3일 걸려요")  # its text only: initials there match too much
    with db.read() as s:
        assert [r.shortcut for r in search_quick_replies(s, "/ㅂㅅ")] == ["/택배사"]
        assert [r.shortcut for r in search_quick_replies(s, "/ㅂ")] == ["/택배사"]  # ㅂ in 택배사


@pytest.mark.parametrize("typed", ["/ㅂ", "/배", "/뱃", "/배소", "/배송", "/배ㅅ"])
def test_a_shortcut_stays_found_through_each_step_a_korean_keyboard_shows(db, typed: str) -> None:
    """Typing 배송 the keyboard shows 뱃 and 배소 on the way: the list must not empty and come back."""
    with db.write() as s:
        add_quick_reply(s, "/배송", "결제 후 1~2일 안에 발송")
        add_quick_reply(s, "/반품", "7일 안에 반품돼요")
    with db.read() as s:
        assert [r.shortcut for r in search_quick_replies(s, typed)][:1] == ["/배송"]


def test_a_syllable_being_typed_still_matches_a_longer_vowel_or_a_split_final() -> None:
    from app.text import starts_as_typed

    assert starts_as_typed("과일", "고")  # ㅗ then ㅏ makes ㅘ
    assert starts_as_typed("닭갈비", "달")  # ㄹ then ㄱ makes ㄺ
    assert starts_as_typed("달걀", "닭")  # the ㄱ was the next syllable's
    assert not starts_as_typed("과일", "구")
    assert not starts_as_typed("배송", "뱅")
    assert not starts_as_typed("배송", "밧")


def test_search_sees_decomposed_hangul_as_the_same_text(db) -> None:
    import unicodedata

    with db.write() as s:
        add_quick_reply(s, "/감사", "감사합니다")
    decomposed = unicodedata.normalize("NFD", "/감")
    with db.read() as s:
        assert [r.shortcut for r in search_quick_replies(s, decomposed)] == ["/감사"]


def test_empty_pattern_lists_everything_in_the_owners_order(db) -> None:
    with db.write() as s:
        add_quick_reply(s, "/b", "b")
        add_quick_reply(s, "/a", "a")
    with db.read() as s:
        assert [r.shortcut for r in search_quick_replies(s, "/")] == ["/b", "/a"]


def test_contact_info_prefers_the_saved_name(db) -> None:
    with db.write() as s:
        c = make_contact(s, wa_id="821012345678", profile_name="minji", saved_name="김민지")
    with db.read() as s:
        assert contact_info(s, c.id) == ContactInfo(name="김민지", phone="821012345678")
        assert contact_info(s, 99999) is None


def test_demo_quick_replies_load_once_in_korean_and_in_english(db) -> None:
    with db.write() as s:
        assert load_demo_quick_replies(s, "ko") >= 8
        assert load_demo_quick_replies(s, "ko") == 0
    with db.read() as s:
        shortcuts = [r.shortcut for r in list_quick_replies(s)]
    assert "/감사" in shortcuts and "/배송" in shortcuts
    with db.write() as s:
        assert load_demo_quick_replies(s, "en") >= 8


def test_fields_are_filled_from_the_contact_and_the_shop_profile() -> None:
    from app.quick_replies import fill_quick_reply
    from app.wire import BusinessProfile

    text = "{first_name}님, {shop}입니다. 주문 번호는 {phone}로 보내 드릴게요. {unknown}"
    filled = fill_quick_reply(
        text, ContactInfo(name="Minji Kim", phone="821012345678"), BusinessProfile(name="서울 리넨 하우스")
    )
    assert filled == "Minji님, 서울 리넨 하우스입니다. 주문 번호는 +821012345678로 보내 드릴게요. {unknown}"
    # No contact (e.g. composing before a chat is open): the fields disappear, the rest stays.
    assert fill_quick_reply("Hi {name}, thanks!", None, None) == "Hi, thanks!"


def test_a_reply_goes_in_the_language_the_customer_writes_and_is_found_by_either_text(db) -> None:
    """Emma writes English: the Korean shop's /배송 goes to her in its English words."""
    from app.quick_replies import reply_text

    with db.write() as s:
        row = add_quick_reply(
            s,
            "/배송",
            "결제 후 2~3일 안에 받으실 수 있어요.",
            text_other_language="  It usually arrives 2–3 days after payment.  ",
        )
    assert row.text_other_language == "It usually arrives 2–3 days after payment."  # trimmed
    emma = ContactInfo("Emma Wilson", "447700900123", their_words=("Hi! When will it arrive?",))
    minji = ContactInfo("김민지", "821012345678", their_words=("OK", "배송 언제 되나요?", "주문했어요"))
    quiet = ContactInfo("New", "821000000000")  # nothing typed yet: the main text
    assert reply_text(row, emma) == "It usually arrives 2–3 days after payment."
    assert reply_text(row, minji) == "결제 후 2~3일 안에 받으실 수 있어요."  # one "OK" does not switch her
    assert reply_text(row, quiet) == reply_text(row, None) == row.text
    with db.read() as s:
        assert [r.shortcut for r in search_quick_replies(s, "arrives")] == ["/배송"]
    with db.write() as s:
        updated = update_quick_reply(s, row.id, shortcut="/배송", text=row.text, text_other_language="")
        with pytest.raises(QuickReplyInvalid) as err:
            update_quick_reply(s, row.id, shortcut="/배송", text=row.text, text_other_language="x" * 5000)
    assert err.value.reason == "text_too_long"
    assert reply_text(updated, emma) == row.text  # no other text: the main one for everyone


def test_the_demo_replies_carry_their_twin_in_the_other_language(db) -> None:
    with db.write() as s:
        load_demo_quick_replies(s, "ko")
    with db.read() as s:
        by_shortcut = {r.shortcut: r for r in list_quick_replies(s)}
    assert by_shortcut["/배송"].text_other_language.startswith("Orders ship within 1–2 days")
    assert all(r.text_other_language for r in by_shortcut.values())


def _has_hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_korean_demo_answers_in_korean_and_the_english_demo_in_english(db, lang: str) -> None:
    """The English a Korean demo shows for Olivia is her twin text, never the replies' own text. The
    English demo is a Brighton shop: its replies are in English only, in pounds."""
    with db.write() as s:
        load_demo_quick_replies(s, lang)
    with db.read() as s:
        rows = list_quick_replies(s)
    assert rows
    for row in rows:
        assert _has_hangul(row.text) == (lang == "ko"), row.shortcut
        if lang == "ko":
            assert row.text_other_language and not _has_hangul(row.text_other_language), row.shortcut
        else:
            assert row.text_other_language == "", row.shortcut
            assert "won" not in row.text and "Kookmin" not in row.text, row.shortcut
    if lang == "en":
        by_shortcut = {r.shortcut: r.text for r in rows}
        assert "£3.95" in by_shortcut["/delivery"] and "sort code" in by_shortcut["/bank"]
    texts = {r.shortcut: r.text for r in rows}
    if lang == "ko":
        assert texts["/감사"].startswith("{first_name}님, 주문해 주셔서 감사합니다!")
    else:
        assert texts["/thanks"].startswith("Thank you for your order, {first_name}!")


def test_a_deleted_reply_comes_back_in_its_place_with_its_own_id(db) -> None:
    from app.quick_replies import restore_quick_reply

    with db.write() as s:
        first = add_quick_reply(s, "/감사", "감사합니다")
        gone = add_quick_reply(s, "/배송", "2~3일 걸려요", keywords=["택배"], text_other_language="2-3 days")
        add_quick_reply(s, "/계좌", "국민은행")
    with db.write() as s:
        deleted = delete_quick_reply(s, gone.id)
    assert deleted == gone
    with db.write() as s:
        back = restore_quick_reply(s, deleted)
    assert back.id == gone.id
    with db.read() as s:
        rows = list_quick_replies(s)
    assert [r.shortcut for r in rows] == ["/감사", "/배송", "/계좌"]
    assert (rows[1].keywords, rows[1].text_other_language) == (("택배",), "2-3 days")
    with db.write() as s:
        delete_quick_reply(s, first.id)
        add_quick_reply(s, "/감사", "고마워요")
    with db.write() as s, pytest.raises(ShortcutInvalid) as taken:
        restore_quick_reply(s, first)  # its shortcut was taken meanwhile
    assert taken.value.reason == "taken"
