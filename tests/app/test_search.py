"""Searching messages: Korean and Latin substrings, 1/2/3+ characters, hostile input, snippets."""

from __future__ import annotations

import unicodedata
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.models import Message
from app.search import search_contacts, search_messages
from tests.support.factories import BASE_TIME, make_contact, make_message


@pytest.fixture
def shop(db):
    with db.write() as s:
        kim = make_contact(s, wa_id="821012345678", profile_name="김민수")
        amy = make_contact(s, wa_id="447700900123", profile_name="Amy Clarke")
        texts = [
            (kim, "어제 주문했어요. 배송 언제 되나요?"),
            (kim, "주문 번호는 A-1029 입니다"),
            (amy, "Hello! Is the linen shirt still available?"),
            (amy, 'She said "NEAR" the station -- with a * star'),
            (amy, "<b>bold</b> & <img src=x onerror=alert(1)>"),
            (kim, "감사합니다"),
        ]
        for i, (who, body) in enumerate(texts):
            make_message(s, who, body, sent_at=BASE_TIME + timedelta(hours=i))
    return db


def bodies(db, query, **kw):
    """The full bodies of the hits, newest first."""
    with db.read() as s:
        return [s.get(Message, h.message_id).body for h in search_messages(s, query, **kw)]


def test_two_character_korean_word_finds_it_inside_longer_words(shop) -> None:
    # '주문' must find '주문했어요' (Korean words carry particles and endings).
    assert bodies(shop, "주문") == ["주문 번호는 A-1029 입니다", "어제 주문했어요. 배송 언제 되나요?"]


def test_longer_korean_substring_across_word_boundary(shop) -> None:
    assert bodies(shop, "했어요. 배송") == ["어제 주문했어요. 배송 언제 되나요?"]


def test_latin_search_is_case_insensitive_and_newest_first(shop) -> None:
    assert bodies(shop, "LINEN") == ["Hello! Is the linen shirt still available?"]
    assert bodies(shop, "he") == [
        'She said "NEAR" the station -- with a * star',
        "Hello! Is the linen shirt still available?",
    ]


def test_one_character_query_still_works(shop) -> None:
    assert bodies(shop, "감") == ["감사합니다"]
    assert bodies(shop, "*") == ['She said "NEAR" the station -- with a * star']


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "*",
        "NEAR",
        "NEAR(a b)",
        "-",
        "a OR b",
        "AND",
        "^",
        "(",
        "col:val",
        "'",
        "%",
        "_",
        "\\",
        "\x00",
        "' OR 1=1 --",
        "주문*",
        '"NEAR"',
        "x" * 10_000,
        "   ",
    ],
)
def test_any_typed_text_is_searched_literally_and_never_raises(shop, query: str) -> None:
    with shop.read() as s:
        search_messages(s, query)


def test_operators_are_literal_text(shop) -> None:
    assert bodies(shop, '"NEAR"') == ['She said "NEAR" the station -- with a * star']
    assert bodies(shop, "-- with") == ['She said "NEAR" the station -- with a * star']
    assert bodies(shop, "A-1029") == ["주문 번호는 A-1029 입니다"]
    assert bodies(shop, "linen OR hello") == []


def test_html_is_found_as_text(shop) -> None:
    assert bodies(shop, "<img src") == ["<b>bold</b> & <img src=x onerror=alert(1)>"]


def test_decomposed_hangul_query_matches_composed_text(shop) -> None:
    assert bodies(shop, unicodedata.normalize("NFD", "배송")) == ["어제 주문했어요. 배송 언제 되나요?"]


def test_search_inside_one_chat(shop) -> None:
    with shop.read() as s:
        kim_id = search_contacts(s, "김민수")[0].contact_id
        hits = search_messages(s, "니다", contact_id=kim_id)
    assert {h.contact_id for h in hits} == {kim_id}
    assert len(hits) == 2


def test_hit_carries_contact_date_and_highlight(shop) -> None:
    with shop.read() as s:
        [hit] = search_messages(s, "배송")
    assert hit.contact_name == "김민수"
    assert hit.snippet[hit.highlights[0][0] : hit.highlights[0][1]] == "배송"
    assert hit.sent_at == BASE_TIME


def test_a_left_out_photos_caption_is_found_without_the_phones_placeholder(db) -> None:
    """A photo the phone's export left out keeps its caption after "<미디어 없음>": a hit showed the
    placeholder, which its bubble never shows."""
    with db.write() as s:
        c = make_contact(s, profile_name="최유나")
        payload = {"import": {"id": "i1", "omitted": True}}
        make_message(s, c, "<미디어 없음>\n이 원피스 베이지 있을까요?", payload=payload)
        make_message(s, c, "<미디어 없음> 이라고 쓴 원피스 문의", payload={"import": {"id": "i1"}})
    with db.read() as s:
        hits = search_messages(s, "원피스")
    assert sorted(h.snippet for h in hits) == [
        "<미디어 없음> 이라고 쓴 원피스 문의",
        "이 원피스 베이지 있을까요?",
    ]
    left_out = next(h for h in hits if h.snippet.startswith("이 원피스"))
    assert left_out.snippet[slice(*left_out.highlights[0])] == "원피스"


def test_snippet_of_a_huge_message_is_short_and_on_one_line(db) -> None:
    with db.write() as s:
        c = make_contact(s)
        # A 5 MB paste is stored whole; its first 100,000 characters are indexed.
        make_message(s, c, "가" * 50_000 + "\n찾는 말 여기\n" + "나" * 5_000_000)
    with db.read() as s:
        # In quotes: one phrase, looked for in the trigram index (bigrams index a body's first 20,000).
        [hit] = search_messages(s, '"찾는 말"')
    assert len(hit.snippet) < 200 and "\n" not in hit.snippet
    assert hit.snippet[slice(*hit.highlights[0])] == "찾는 말"


def test_contacts_are_found_by_name_and_by_phone_in_any_format(shop) -> None:
    with shop.read() as s:
        assert [c.display_name for c in search_contacts(s, "amy")] == ["Amy Clarke"]
        assert [c.display_name for c in search_contacts(s, "010-1234-5678")] == ["김민수"]
        assert [c.display_name for c in search_contacts(s, "+82 10 1234")] == ["김민수"]


@pytest.mark.parametrize("typed", ["+82 010-1234-5678", "+82 (0)10 1234 5678", "82 010 1234 5678"])
def test_a_korean_number_written_with_its_0_after_82_finds_the_customer(shop, typed: str) -> None:
    """Many Koreans keep the 0 of 010 after +82 ("+82 010-1234-5678"): her messages were found so,
    her chat was not."""
    with shop.read() as s:
        assert [c.display_name for c in search_contacts(s, typed)] == ["김민수"]


def test_editing_and_deleting_huge_messages_keeps_the_indexes_sound(db) -> None:
    from sqlalchemy import text

    with db.write() as s:
        c = make_contact(s)
        big = make_message(s, c, "긴 글 " * 40_000)
        make_message(s, c, "주문 확인")
    with db.write() as s:
        s.get(Message, big.id).body = "짧은 글"
    with db.write() as s:
        s.delete(s.get(Message, big.id))
    with db.read() as s:
        for table in ("message_fts", "message_bigram"):
            s.execute(text(f"INSERT INTO {table}({table}) VALUES ('integrity-check')"))
        assert [h.snippet for h in search_messages(s, "주문")] == ["주문 확인"]
        assert search_messages(s, "짧은") == []


def _cart(s, who, codes, note="", minutes=0):
    """A customer's cart message (as WhatsApp sends it) and the order it became."""
    from app.orders import order_from_cart

    part = {
        "catalog_id": "1",
        "text": note,
        "product_items": [
            {"product_retailer_id": code, "quantity": 1, "item_price": 42000, "currency": "KRW"}
            for code in codes
        ],
    }
    m = make_message(
        s, who, note, kind="order", payload={"type": "order", "order": part},
        sent_at=BASE_TIME + timedelta(minutes=minutes),
    )  # fmt: skip
    order_from_cart(s, m)
    return m.id


@pytest.fixture
def carts(db):
    """Two carts whose bubbles show catalogue names that neither cart's own text holds."""
    from app.catalog import ItemDraft, create_item

    with db.write() as s:
        create_item(
            s, ItemDraft(name="린넨 블라우스 화이트", price_minor=42000, currency="KRW", retailer_id="BL-W")
        )
        create_item(s, ItemDraft(name="Linen Shirt", price_minor=29000, currency="KRW", retailer_id="SH-1"))
        create_item(
            s, ItemDraft(name="진주 드롭 귀걸이", price_minor=15000, currency="KRW", retailer_id="EAR")
        )
        yujin = make_contact(s, wa_id="821033304567", profile_name="최유진")
        amy = make_contact(s, wa_id="447700900123", profile_name="Amy Clarke")
        make_message(s, amy, "Do you have a linen shirt in M?", sent_at=BASE_TIME)
        ids = {
            "yujin": _cart(s, yujin, ["BL-W", "EAR"], note="S 사이즈로 부탁드려요", minutes=10),
            "amy": _cart(s, amy, ["SH-1"], minutes=20),
        }
        make_message(s, yujin, "블라우스 언제 와요?", sent_at=BASE_TIME + timedelta(minutes=30))
    return db, ids


def test_a_carts_item_names_find_it_as_its_bubble_shows_them(carts) -> None:
    """The owner searches for what a customer put in a cart: the bubble lists the items, the cart's own
    text is only the customer's note, so the names come from the order the cart became."""
    db, ids = carts
    with db.read() as s:
        blouse = search_messages(s, "블라우스")  # 3+ characters: the trigram index, and the carts
        earring = search_messages(s, "귀걸")  # two characters: the bigram index, and the carts
        shirt = search_messages(s, "LINEN SHIRT")
        note = search_messages(s, "사이즈")  # the cart's own note still finds it, once
    assert [h.message_id for h in blouse][1] == ids["yujin"] and len(blouse) == 2  # newest first
    hit = blouse[1]
    assert hit.snippet == "린넨 블라우스 화이트" and hit.highlights == ((3, 7),)
    assert [h.snippet for h in earring] == ["진주 드롭 귀걸이"]
    assert [h.snippet for h in shirt] == ["Linen Shirt", "Do you have a linen shirt in M?"]  # any case
    assert shirt[0].message_id == ids["amy"]
    assert [h.message_id for h in note] == [ids["yujin"]] and note[0].snippet == "S 사이즈로 부탁드려요"


def test_cart_hits_page_with_the_text_hits_in_time_order_and_within_one_chat(carts) -> None:
    db, ids = carts
    with db.read() as s:
        first = search_messages(s, "linen", limit=1)
        second = search_messages(s, "linen", limit=1, before=(first[0].sent_at, first[0].message_id))
        third = search_messages(s, "linen", limit=1, before=(second[0].sent_at, second[0].message_id))
        yujin = s.get(Message, ids["yujin"]).contact_id
        in_chat = search_messages(s, "블라우스", contact_id=yujin)
        elsewhere = search_messages(s, "블라우스", contact_id=s.get(Message, ids["amy"]).contact_id)
    assert [h.message_id for h in first + second] == [ids["amy"], second[0].message_id]
    assert second[0].snippet.startswith("Do you have a linen shirt") and third == []
    assert len(in_chat) == 2 and elsewhere == []


def test_a_cart_search_takes_percent_and_underscore_as_typed(carts) -> None:
    """The carts' names are matched with LIKE: "%" or "_" in what the owner typed are letters, not
    wildcards, so "_" finds no cart (every name would match a wildcard)."""
    db, _ids = carts
    with db.read() as s:
        assert search_messages(s, "_") == [] and search_messages(s, "%") == []


def test_a_cart_moved_with_its_chat_to_a_new_number_is_found_in_that_chat(carts) -> None:
    """A number change moves the chat's messages to the new number's contact, not its orders."""
    from sqlalchemy import update

    db, ids = carts
    with db.write() as s:
        old_id = s.get(Message, ids["yujin"]).contact_id
        new = make_contact(s, wa_id="821099990000", profile_name="최유진 (새 번호)")
        s.execute(update(Message).where(Message.contact_id == old_id).values(contact_id=new.id))
        new_id = new.id
    with db.read() as s:
        assert [h.message_id for h in search_messages(s, "귀걸이", contact_id=new_id)] == [ids["yujin"]]
        assert search_messages(s, "귀걸이", contact_id=old_id) == []


def test_the_order_number_a_customer_quotes_finds_her_cart(carts) -> None:
    """최유진's cart shows "주문 2026-0007 · 새 주문"; she quotes her 주문번호 and the owner types it
    as written, without its dash, or only its part after the year."""
    from app.models import Order

    db, ids = carts
    with db.read() as s:
        number = s.scalars(select(Order.number).where(Order.message_id == ids["yujin"])).one()
        year, tail = number.split("-")
        found = {typed: search_messages(s, typed) for typed in (number, year + tail, tail)}
        with_item = search_messages(s, f"{number} 귀걸이")
        wrong_item = search_messages(s, f"{number} 셔츠")
        in_chat = search_messages(s, number, contact_id=s.get(Message, ids["yujin"]).contact_id)
        elsewhere = search_messages(s, number, contact_id=s.get(Message, ids["amy"]).contact_id)
    for typed, hits in found.items():
        assert [h.message_id for h in hits] == [ids["yujin"]], typed
        assert hits[0].contact_name == "최유진"
        assert hits[0].snippet == f"{number} · 린넨 블라우스 화이트 · 진주 드롭 귀걸이", typed
        start, end = hits[0].highlights[0]
        assert tail in hits[0].snippet[start:end], typed
    assert [h.message_id for h in with_item] == [ids["yujin"]] and wrong_item == []
    assert [h.message_id for h in in_chat] == [ids["yujin"]] and elsewhere == []


def test_an_order_the_owner_made_in_a_chat_finds_that_chat_by_its_number(carts) -> None:
    """An order made in the chat has no cart message to find: the chat itself comes up, naming it."""
    from app.orders import LineInput, create_order

    db, ids = carts
    with db.write() as s:
        amy = s.get(Message, ids["amy"]).contact_id
        number = create_order(s, contact_id=amy, lines=[LineInput("SH-1", 2)], source="chat").number
    year, tail = number.split("-")
    with db.read() as s:
        for typed in (number, year + tail, tail):
            assert [(h.display_name, h.order_number) for h in search_contacts(s, typed)] == [
                ("Amy Clarke", number)
            ], typed
        assert [h.order_number for h in search_contacts(s, "Amy")] == [""]
        assert search_contacts(s, f"{year}-9999") == []


def test_four_digits_find_the_order_they_name_and_the_customers_whose_number_ends_so(carts) -> None:
    """A Korean owner finds a customer by her number's last four digits (뒷자리): "0003" is also an
    order's number, so both come up; "0012" finds the customer and a message quoting such a number."""
    from app.orders import LineInput, create_order
    from app.phones import number_span

    db, ids = carts
    with db.write() as s:
        amy = s.get(Message, ids["amy"]).contact_id
        number = create_order(s, contact_id=amy, lines=[LineInput("SH-1", 1)], source="chat").number
        seoyeon = make_contact(s, wa_id="821055550003", profile_name="박서연")
        make_message(s, seoyeon, "안녕하세요", sent_at=BASE_TIME + timedelta(hours=1))
        hana = make_contact(s, wa_id="821077770012", profile_name="정하나")
        make_message(s, hana, "언니 번호 010-4321-0012 로 보내주세요", sent_at=BASE_TIME + timedelta(hours=2))
        middle = make_contact(s, wa_id="821000037777", profile_name="한가운")  # 0003 in the middle only
        make_message(s, middle, "네", sent_at=BASE_TIME + timedelta(hours=3))
    tail = number.split("-")[1]
    assert tail == "0003"
    with db.read() as s:
        assert [(h.display_name, h.order_number) for h in search_contacts(s, "0003")] == [
            ("박서연", ""),
            ("Amy Clarke", number),
        ]
        assert [h.display_name for h in search_contacts(s, "0012")] == ["정하나"]
        assert [h.display_name for h in search_contacts(s, "7777")] == ["한가운", "정하나"]  # as before
        assert [h.contact_name for h in search_messages(s, "0012")] == ["정하나"]
    # The result shows where: the last four digits of her number as the window writes it.
    shown = "010-5555-0003"
    start, end = number_span("821055550003", shown, "0003") or (0, 0)
    assert shown[start:end] == "0003"


def test_a_number_typed_in_full_width_digits_finds_the_customer_as_typed_half_width(db) -> None:
    """A Korean IME left in full-width mode types "０１０－１２３４－５６７８" or "７７７７": she is found by
    her number (digits marked in her row), and a message holding it, as with 010-1234-5678."""
    from app.phones import number_span

    with db.write() as s:
        minji = make_contact(s, wa_id="821012345678", profile_name="김민지")
        make_message(s, minji, "안녕하세요", sent_at=BASE_TIME)
        hana = make_contact(s, wa_id="821077770003", profile_name="정하나")
        make_message(s, hana, "제 번호 010-1234-5678 로 보내주세요", sent_at=BASE_TIME + timedelta(hours=1))
    with db.read() as s:
        for typed in (
            "０１０－１２３４－５６７８",
            "０１０１２３４５６７８",
            "５６７８",
            "＋８２ １０ １２３４ ５６７８",
        ):
            assert [h.display_name for h in search_contacts(s, typed)] == ["김민지"], typed
        assert [h.display_name for h in search_contacts(s, "７７７７")] == ["정하나"]
        assert [h.display_name for h in search_contacts(s, "０００３")] == ["정하나"]  # her 뒷자리
        found = search_messages(s, "０１０－１２３４－５６７８")
        assert [h.contact_name for h in found] == ["정하나"]
        assert [h.snippet[a:b] for h in found for a, b in h.highlights] == ["010-1234-5678"]
    shown = "010-1234-5678"
    start, end = number_span("821012345678", shown, "０１０－１２３４") or (0, 0)
    assert shown[start:end] == "010-1234"


def test_words_and_amounts_typed_in_full_width_find_them_as_customers_write_them(db) -> None:
    """The same IME mode types "ｍ사이즈", "３９，０００원" or "ａｍｙ": customers' phones write "M사이즈",
    "39,000원" and "Amy", and those are found (and marked) as if typed so."""
    with db.write() as s:
        amy = make_contact(s, wa_id="447700900123", profile_name="Amy Clarke")
        make_message(s, amy, "M사이즈 교환돼요?", sent_at=BASE_TIME)
        make_message(s, amy, "39,000원 입금했어요", sent_at=BASE_TIME + timedelta(hours=1))
    with db.read() as s:
        for typed, found in (
            ("ｍ사이즈", "M사이즈"),
            ("Ｍ사이즈　교환", "M사이즈"),  # an ideographic space between the words
            ("３９０００원", "39,000원"),
            ("３９，０００", "39,000"),
        ):
            hits = search_messages(s, typed)
            assert [h.snippet[a:b] for h in hits for a, b in h.highlights][:1] == [found], typed
        assert [h.display_name for h in search_contacts(s, "ａｍｙ")] == ["Amy Clarke"]


def test_numbers_that_are_not_an_orders_number_find_no_cart(carts) -> None:
    """A bare "7", a phone number's piece or a year alone do not bring up an order's cart."""
    db, ids = carts
    with db.read() as s:
        for typed in ("1", "2", "3330", "010-3330-4567", "2025-0001", "0099"):
            assert not {h.message_id for h in search_messages(s, typed)} & set(ids.values()), typed


@pytest.fixture
def spaced(db):
    """Korean spaced loosely, as customers write it."""
    with db.write() as s:
        c = make_contact(s, wa_id="821055501234", profile_name="이하은")
        texts = [
            "린넨 셔츠 아이보리 있나요?",
            "린넨셔츠 M으로 주문 할게요",
            "어제 주문할게요 했는데 취소할게요",
            "linen shirt please",
        ]
        for i, body in enumerate(texts):
            make_message(s, c, body, sent_at=BASE_TIME + timedelta(hours=i))
    return db


def test_korean_words_are_found_however_they_are_spaced(spaced) -> None:
    both = ["린넨셔츠 M으로 주문 할게요", "린넨 셔츠 아이보리 있나요?"]
    assert bodies(spaced, "린넨셔츠") == both
    assert bodies(spaced, "린넨 셔츠") == both
    assert bodies(spaced, "린 넨셔츠") == both  # a space typed in the wrong place
    assert bodies(spaced, "주문할게요") == ["어제 주문할게요 했는데 취소할게요", "린넨셔츠 M으로 주문 할게요"]
    assert bodies(spaced, "주문 할게요") == [
        "어제 주문할게요 했는데 취소할게요",
        "린넨셔츠 M으로 주문 할게요",
    ]


def test_a_hit_spaced_otherwise_is_marked_whole_in_its_snippet(spaced) -> None:
    with spaced.read() as s:
        hits = search_messages(s, "린넨셔츠")
    marked = {h.snippet[a:b] for h in hits for a, b in h.highlights}
    assert marked == {"린넨 셔츠", "린넨셔츠"}


def test_latin_words_and_punctuation_are_still_searched_as_typed(spaced) -> None:
    assert bodies(spaced, "linenshirt") == []
    assert bodies(spaced, "linen shirt") == ["linen shirt please"]
    # Two letters are a word as typed: '문할' is not found across the space of '주문 할게요'.
    assert bodies(spaced, "문할") == ["어제 주문할게요 했는데 취소할게요"]


def test_a_korean_name_is_found_by_its_initial_consonants(db) -> None:
    """'ㄱㅁㅈ' finds 김민지, as Korean phones' contacts do; the newest chat first."""
    with db.write() as s:
        for i, (name, saved) in enumerate(
            [("김민지", None), ("Minji", "김민정"), ("박지민", None), ("강미정", None)]
        ):
            c = make_contact(s, profile_name=name, saved_name=saved)
            make_message(s, c, "안녕하세요", sent_at=BASE_TIME + timedelta(hours=i))
        make_contact(s, profile_name="김민주")  # no chat yet: not in the list
    with db.read() as s:
        assert [c.display_name for c in search_contacts(s, "ㄱㅁㅈ")] == ["강미정", "김민정", "김민지"]
        assert [c.display_name for c in search_contacts(s, "ㅁㅈ")] == ["강미정", "김민정", "김민지"]
        assert [c.display_name for c in search_contacts(s, "ㅈㅁ")] == ["박지민"]
        assert search_contacts(s, "ㄱ") == []  # one consonant is every other name: typed as text
        assert [c.display_name for c in search_contacts(s, "ㄱㅁㅈ", limit=1)] == ["강미정"]


def test_an_amount_is_found_with_or_without_its_commas(db) -> None:
    with db.write() as s:
        c = make_contact(s, profile_name="입금확인")
        for i, body in enumerate(
            ["39,000원 입금했어요", "39000원 보냈습니다", "총 139,000원이에요", "010-3900-0000"]
        ):
            make_message(s, c, body, sent_at=BASE_TIME + timedelta(hours=i))
    # Found as text is: within a longer amount too (as '39000' is in '139000'), never in a phone number.
    found = ["총 139,000원이에요", "39000원 보냈습니다", "39,000원 입금했어요"]
    assert bodies(db, "39000") == found
    assert bodies(db, "39,000") == found
    assert bodies(db, "39000원") == found
    assert bodies(db, "39000 원") == found
    with db.read() as s:
        marked = {h.snippet[a:b] for h in search_messages(s, "39000원") for a, b in h.highlights}
    assert marked == {"39,000원", "39000원"}
    assert bodies(db, "3900") == ["010-3900-0000", "39000원 보냈습니다"]  # '3,900' is not in '39,000'


@pytest.mark.parametrize("query", ["린넨셔츠", "주문 할게요", "셔츠", "linen", "39000", "없는 말", "M으로"])
def test_a_small_chat_read_through_finds_what_the_index_finds(spaced, monkeypatch, query: str) -> None:
    """Searching one chat reads a small chat instead of asking the index: the same hits, in order."""
    import app.search

    with spaced.read() as s:
        chat = search_contacts(s, "이하은")[0].contact_id
        read = [h.message_id for h in search_messages(s, query, contact_id=chat)]
        monkeypatch.setattr(app.search, "CHAT_SCAN_MAX", 0)  # every chat is large: the index
        indexed = [h.message_id for h in search_messages(s, query, contact_id=chat)]
    assert read == indexed
    assert query in ("39000", "없는 말") or read  # each of the others is in this chat


def test_a_tracking_number_typed_without_spaces_finds_it_written_in_groups(carts) -> None:
    """The owner wrote 'CJ대한통운 6543 2109 8765 입니다'; she looks it up as the courier's sheet has it."""
    from app.orders import LineInput, create_order, set_tracking

    db, ids = carts
    with db.write() as s:
        amy = s.get(Message, ids["amy"]).contact_id
        contact = s.get(Message, ids["amy"]).contact
        spaced = make_message(s, contact, "CJ대한통운 6543 2109 8765 입니다", direction="out").id
        dashed = make_message(s, contact, "송장번호: 6543-2109-8765", direction="out").id
        make_message(s, contact, "6543 2109 876 5", direction="out")  # not a grouping of these digits
        make_message(s, contact, "합계 654,321원 · 098765", direction="out")
        order = create_order(s, contact_id=amy, lines=[LineInput("SH-1", 1)], source="chat")
        order_id, number = order.id, order.number
        s.flush()
    with db.write() as s:
        from app.models import Order

        s.get(Order, order_id).state = "shipped"
        set_tracking(s, order_id, "CJ대한통운", "6543 2109 8765")
    with db.read() as s:
        for typed in ("654321098765", "6543-2109-8765"):
            hits = search_messages(s, typed)
            assert [h.message_id for h in hits] == [dashed, spaced], typed
            assert "6543-2109-8765" in [hits[0].snippet[a:b] for a, b in hits[0].highlights]
            assert [h.message_id for h in search_messages(s, typed, contact_id=amy)] == [dashed, spaced]
            assert [(h.display_name, h.order_number, h.tracking) for h in search_contacts(s, typed)] == [
                ("Amy Clarke", number, "654321098765")
            ], typed
        # Ten digits at least: a short number is still found only as it is written.
        assert search_messages(s, "65432109") == []


def test_chats_are_found_by_a_labels_name_spacing_aside_with_the_label_named(db) -> None:
    """ "단골" found nothing, though a chat carried the label 단골 (the 라벨 chip found it)."""
    from app.labels import add_label, restore_default_labels
    from app.models import Contact, Label

    with db.write() as s:
        restore_default_labels(s)
        regular = s.get(Label, add_label(s, "단골 고객", "#3DA1F1").id)
        paid = s.scalars(select(Label).where(Label.builtin == "Paid")).one()
        older = make_contact(s, profile_name="박서준")
        newer = make_contact(s, profile_name="김민지")
        plain = make_contact(s, profile_name="이하은")  # labelled nothing: never found by a label
        for n, who in enumerate((older, newer, plain)):
            make_message(s, who, "안녕하세요", sent_at=BASE_TIME + timedelta(hours=n))
        s.get(Contact, older.id).labels.append(regular)
        s.get(Contact, newer.id).labels.extend([paid, regular])
    shown = {"Paid": "결제\u00a0완료"}  # the built-in label as a Korean window names it (kept whole)
    with db.read() as s:
        for typed in ("단골", "단골고객", "단골 고객", "골 고"):
            found = search_contacts(s, typed, shown_labels=shown)
            assert [(c.display_name, c.label) for c in found] == [
                ("김민지", "단골 고객"),
                ("박서준", "단골 고객"),
            ]
        for typed in ("결제완료", "결제 완료"):  # the owner types a plain space, or none
            assert [(c.display_name, c.label) for c in search_contacts(s, typed, shown_labels=shown)] == [
                ("김민지", "결제\u00a0완료")
            ]
        assert search_contacts(s, "단골손님", shown_labels=shown) == []
        # Found by her name, a chat names no label.
        assert [(c.display_name, c.label) for c in search_contacts(s, "민지")] == [("김민지", "")]


def test_a_chat_found_by_the_customers_whatsapp_name_names_it_beside_the_saved_one(db) -> None:
    """The owner saved 최민준 as '민준 단골'; typing 최민준 listed '민준 단골' with nothing to say why."""
    with db.write() as s:
        regular = make_contact(s, profile_name="최민준", saved_name="민준 단골")
        plain = make_contact(s, profile_name="최민서")  # no saved name: her name says it already
        for n, who in enumerate((regular, plain)):
            make_message(s, who, "안녕하세요", sent_at=BASE_TIME + timedelta(hours=n))
    with db.read() as s:
        assert [(c.display_name, c.whatsapp_name) for c in search_contacts(s, "최민준")] == [
            ("민준 단골", "최민준")
        ]
        assert [(c.display_name, c.whatsapp_name) for c in search_contacts(s, "최민")] == [
            ("최민서", ""),
            ("민준 단골", "최민준"),
        ]
        # Its initials too ('ㅊㅁㅈ'), and a name found in the saved one names nothing more.
        assert [(c.display_name, c.whatsapp_name) for c in search_contacts(s, "ㅊㅁㅈ")] == [
            ("민준 단골", "최민준")
        ]
        assert [(c.display_name, c.whatsapp_name) for c in search_contacts(s, "민준")] == [("민준 단골", "")]


def test_a_one_letter_search_on_a_long_history_says_it_read_the_newest_messages_only(db, monkeypatch) -> None:
    """'감' across every chat reads the newest messages only (no index helps one letter): the owner
    is told so when older messages were left unread, and a longer word or one chat reads them all."""
    import app.search as search

    monkeypatch.setattr(search, "SHORT_QUERY_WINDOW", 3)
    with db.write() as s:
        kim = make_contact(s, wa_id="821012345678", profile_name="김민수")
        make_message(s, kim, "감사합니다", sent_at=BASE_TIME)
        for i in range(1, 4):
            make_message(s, kim, f"안녕하세요 {i}", sent_at=BASE_TIME + timedelta(hours=i))
        kim_id = kim.id
    with db.read() as s:
        assert search_messages(s, "감") == []
        assert search.newest_only(s, "감")
        assert [h.snippet for h in search_messages(s, "감", contact_id=kim_id)] == ["감사합니다"]
        assert not search.newest_only(s, "감", contact_id=kim_id)
        assert [h.snippet for h in search_messages(s, "감사")] == ["감사합니다"]
        assert not search.newest_only(s, "감사")
        # Before the second newest message only two are left: all of them were read.
        second = search_messages(s, "안")[1]
        assert not search.newest_only(s, "안", before=(second.sent_at, second.message_id))


def test_a_phone_number_typed_any_common_way_finds_it_written_every_other_way(db) -> None:
    """김민지 pasted the customer's number from WhatsApp ('+82 10-9876-5432'); the customer had
    written it her own way. Every common form finds every other, marked whole; other numbers don't."""
    written = [
        "제 번호는 010 9876 5432 이에요",
        "연락처 010-9876-5432",
        "01098765432 로 연락주세요",
        "010.9876.5432",
        "(010) 9876-5432 입니다",
        "+82 10-9876-5432",
        "+821098765432",
        "82-10-9876-5432",
    ]
    others = ["010 9876 5431 이에요", "송장 6543-2109-8765", "금액 1,098,765원", "0109876543210"]
    with db.write() as s:
        customer = make_contact(s, wa_id="821098765432", profile_name="이하은")
        stranger = make_contact(s, wa_id="821011112222", profile_name="박지민")
        for i, body in enumerate(written):
            make_message(s, stranger, body, sent_at=BASE_TIME + timedelta(hours=i))
        for i, body in enumerate(others):
            make_message(s, stranger, body, sent_at=BASE_TIME + timedelta(days=1, hours=i))
        make_message(s, customer, "안녕하세요", sent_at=BASE_TIME)
        stranger_id = stranger.id
    for typed in [*written[3:], "010 9876 5432", "010-9876-5432", "01098765432", "82 10 9876 5432"]:
        query = typed.split(" 입니다")[0]
        assert bodies(db, query) == written[::-1], query
        with db.read() as s:
            assert [c.display_name for c in search_contacts(s, query)] == ["이하은"], query
            marked = [h.snippet[a:b] for h in search_messages(s, query) for a, b in h.highlights]
        assert marked == [
            "82-10-9876-5432",
            "+821098765432",
            "+82 10-9876-5432",
            "(010) 9876-5432",
            "010.9876.5432",
            "01098765432",
            "010-9876-5432",
            "010 9876 5432",
        ], query
    # In one chat (read through, not the index) the same.
    with db.read() as s:
        in_chat = search_messages(s, "+82 10-9876-5432", contact_id=stranger_id)
    assert len(in_chat) == len(written)


@pytest.mark.parametrize(
    ("typed", "region", "written"),
    [
        ("+33 6 12 34 56 78", "KR", ["06 12 34 56 78", "06.12.34.56.78", "+33612345678"]),
        ("06 12 34 56 78", "FR", ["+33 6 12 34 56 78", "0612345678"]),
        ("+1 415-555-0132", "KR", ["(415) 555-0132", "415.555.0132", "+1 415 555 0132"]),
        ("07700 900123", "GB", ["+44 7700 900123", "07700900123", "+44-7700-900123"]),
        ("+82 2-123-4567", "KR", ["02-123-4567", "(02) 123 4567"]),
    ],
)
def test_a_foreign_or_landline_number_is_found_in_its_countrys_other_forms(
    db, typed: str, region: str, written: list[str]
) -> None:
    with db.write() as s:
        c = make_contact(s, profile_name="Client")
        for i, body in enumerate(written):
            make_message(s, c, f"tel: {body}", sent_at=BASE_TIME + timedelta(hours=i))
        make_message(s, c, "tel: 012 345 6789 0", sent_at=BASE_TIME - timedelta(hours=1))
    assert bodies(db, typed, region=region) == [f"tel: {body}" for body in reversed(written)]
