"""What a bubble shows for each kind of message: tapped replies, automation marks, cards, links."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPointF

from app.message_media import MediaInfo
from app.queries import MessageRow
from ui.bubble_layout import (
    MAX_LAYOUT_CHARS,
    PAD_X,
    Fonts,
    body_text,
    compute,
    find_links,
    make_card,
    quote_preview,
)


def row(**fields: Any) -> MessageRow:
    base: dict[str, Any] = dict(
        id=1,
        contact_id=1,
        wamid="w1",
        client_id=None,
        direction="in",
        kind="text",
        body="",
        payload=None,
        reply_to_wamid=None,
        status="received",
        error_code=None,
        error_text=None,
        sent_by=None,
        sent_at=datetime(2026, 11, 1, 9, 0, tzinfo=UTC),
        unread=False,
        imported=False,
        reaction_in=None,
        reaction_out=None,
    )
    base.update(fields)
    return MessageRow(**base)


@pytest.fixture
def fonts(qapp: Any) -> Fonts:
    from ui.theme import ui_font

    return Fonts(ui_font(1), ui_font(-1.5), ui_font(-1.5, bold=True))


def geometry(fonts: Fonts, message: MessageRow, media: MediaInfo | None = None, width: float = 800) -> Any:
    return compute(
        message,
        width,
        fonts,
        show_date="",
        divider=0,
        first_of_group=True,
        quote=None,
        media=media,
        media_dir="/nowhere",
    )


def test_an_interactive_reply_shows_what_the_customer_tapped(fonts: Fonts) -> None:
    tapped = row(
        kind="interactive",
        payload={
            "interactive": {"type": "button_reply", "button_reply": {"id": "yes", "title": "네, 주문할게요"}}
        },
    )
    assert body_text(tapped) == "네, 주문할게요"
    button = row(kind="button", payload={"button": {"text": "Track my order", "payload": "track"}})
    assert geometry(fonts, button).text == "Track my order"


def test_the_menu_bots_question_shows_the_choices_it_offered(fonts: Fonts) -> None:
    """The customer's later "반품 신청" makes sense only beside what the bot offered."""
    buttons = row(
        direction="out",
        status="read",
        sent_by="bot",
        kind="interactive",
        body="교환과 반품 중 어떤 것을 도와드릴까요?",
        payload={
            "type": "interactive",
            "interactive": {
                "type": "button",
                "body": {"text": "교환과 반품 중 어떤 것을 도와드릴까요?"},
                "action": {
                    "buttons": [
                        {"type": "reply", "reply": {"id": "menu:exchange", "title": "교환 신청"}},
                        {"type": "reply", "reply": {"id": "menu:return", "title": "반품 신청"}},
                    ]
                },
            },
        },
    )
    assert geometry(fonts, buttons).text == "교환과 반품 중 어떤 것을 도와드릴까요?\n▸ 교환 신청\n▸ 반품 신청"
    menu = row(
        direction="out",
        kind="interactive",
        body="무엇을 도와드릴까요?",
        payload={
            "interactive": {
                "type": "list",
                "action": {
                    "button": "메뉴 보기",
                    "sections": [
                        {
                            "rows": [
                                {
                                    "id": "menu:order",
                                    "title": "주문·배송 조회",
                                    "description": "송장 번호로\n바로 확인",
                                },
                                {"id": "menu:hours", "title": "영업시간"},
                            ]
                        }
                    ],
                },
            }
        },
    )
    # A row's description shows after its title, on one line, as the customer sees it under the title
    # (a catalogue list's price); a row without one, its title alone. The button that opened the
    # list on her phone comes before its rows.
    assert (
        body_text(menu)
        == "무엇을 도와드릴까요?\n☰ 메뉴 보기\n▸ 주문·배송 조회 · 송장 번호로 바로 확인\n▸ 영업시간"
    )
    # Quoted by the customer's answer, the question alone: one short line.
    assert quote_preview(buttons)[1] == "교환과 반품 중 어떤 것을 도와드릴까요?"


def test_a_list_bubble_shows_its_sections_titles_as_the_sheet_on_her_phone_does() -> None:
    action = {
        "button": "메뉴 보기",
        "sections": [
            {"title": "주문", "rows": [{"id": "menu:order", "title": "주문 조회"}]},
            {"title": "매장 안내", "rows": [{"id": "menu:hours", "title": "영업시간"}]},
        ],
    }
    menu = row(
        direction="out",
        kind="interactive",
        body="무엇을 도와드릴까요?",
        payload={"interactive": {"type": "list", "action": action}},
    )
    assert body_text(menu).splitlines() == [
        "무엇을 도와드릴까요?",
        "☰ 메뉴 보기",
        "주문",
        "▸ 주문 조회",
        "매장 안내",
        "▸ 영업시간",
    ]


def test_a_catalogue_list_bubble_shows_each_items_price() -> None:
    """The owner reading a sent catalogue list sees what the customer sees under each row's title:
    its price (the list the relay got, built by the real catalogue code)."""
    from app.catalog import ItemRow
    from app.catalog_messages import ListTexts, list_body

    when = datetime(2026, 12, 3, tzinfo=UTC)

    def item(n: int, name: str, price: int) -> ItemRow:
        return ItemRow(n, f"LS-{n}", name, "", price, "KRW", None, (), False, (), when, when)

    sent = list_body(
        "821012345678",
        [item(1, "린넨 셔츠 스카이블루", 39000), item(2, "린넨 셔츠 아이보리", 41000)],
        "ko_KR",
        ListTexts(
            body="린넨 셔츠 스카이블루, 린넨 셔츠 아이보리", button="보기", header="어떤 상품을 원하세요?"
        ),
    )
    bubble = row(
        direction="out", kind="interactive", body="린넨 셔츠 스카이블루, 린넨 셔츠 아이보리", payload=sent
    )
    # Its header above the body, as on her phone (and as a search finds it).
    assert body_text(bubble).splitlines() == [
        "어떤 상품을 원하세요?",
        "린넨 셔츠 스카이블루, 린넨 셔츠 아이보리",
        "☰ 보기",
        "▸ 린넨 셔츠 스카이블루 · 39,000원",
        "▸ 린넨 셔츠 아이보리 · 41,000원",
    ]


def test_automatic_messages_carry_a_mark(fonts: Fonts) -> None:
    away = geometry(fonts, row(direction="out", status="read", sent_by="away", body="We're closed"))
    assert away.mark_text == "Away message"
    greeting = geometry(fonts, row(direction="out", status="read", sent_by="greeting", body="Welcome!"))
    assert greeting.mark_text == "Greeting"
    assert geometry(fonts, row(direction="out", status="read", sent_by="owner", body="hi")).mark_text == ""
    assert away.mark_automatic and greeting.mark_automatic  # drawn with ⚡


def test_the_owners_own_messages_from_the_phone_are_not_marked_as_automatic(fonts: Fonts) -> None:
    """Imported from a phone export: "Sent from phone" stays, without the automations' ⚡."""
    phone = geometry(fonts, row(direction="out", status="sent", sent_by="phone_app", body="네 있어요!"))
    assert phone.mark_text == "Sent from phone"
    assert not phone.mark_automatic


def test_documents_and_locations_become_cards_that_open(fonts: Fonts) -> None:
    doc = geometry(
        fonts,
        row(kind="document", payload={"document": {"filename": "견적서.pdf"}}),
        MediaInfo(1, "application/pdf", "견적서.pdf", 182_004, "abc/견적서.pdf", None),
    )
    assert doc.card.kind == "file" and doc.card.title == "견적서.pdf"
    assert doc.card.target == "/nowhere/abc/견적서.pdf"
    where = geometry(
        fonts,
        row(
            kind="location",
            payload={"location": {"latitude": 37.5, "longitude": 127.0, "name": "성수동 매장"}},
        ),
    )
    assert where.card.title == "성수동 매장" and where.card.target.startswith(
        "https://www.openstreetmap.org/"
    )


def test_a_file_card_says_its_type_short_as_its_name_ends(fonts: Fonts) -> None:
    """The type beside the size was the media subtype uppercased: "X-WAV", "OGG; CODECS=OPUS", and
    for a Word file a 60-letter "VND.OPENXMLFORMATS-…" wider than the bubble."""
    word = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    cases = [
        ("document", "견적서.docx", word, "DOCX"),
        ("document", "녹음.wav", "audio/x-wav", "WAV"),
        ("audio", None, "audio/ogg; codecs=opus", "OGG"),
        ("document", "주문서 v1.2", word, ""),
    ]
    for kind, name, mime, shown in cases:
        card = geometry(
            fonts,
            row(kind=kind, payload={kind: {"filename": name} if name else {}}),
            MediaInfo(1, mime, name, 182_004, "abc/f", None),
        ).card
        assert card.subtitle.split(" · ")[1:] == ([shown] if shown else []), (name, card.subtitle)


def test_links_end_before_trailing_punctuation() -> None:
    text = "See https://shop.example.com/a?b=1. Or (www.example.kr/x), thanks"
    assert [url for _s, _e, url in find_links(text)] == [
        "https://shop.example.com/a?b=1",
        "https://www.example.kr/x",
    ]


def test_a_huge_message_is_laid_out_cut_not_frozen(fonts: Fonts) -> None:
    geo = geometry(fonts, row(body="가" * (MAX_LAYOUT_CHARS * 50)))
    assert geo.text_layout is not None
    assert len(geo.text_layout.text()) <= MAX_LAYOUT_CHARS + 2


def test_korean_text_wraps_inside_a_narrow_bubble(fonts: Fonts) -> None:
    geo = geometry(fonts, row(body="안녕하세요 린넨 셔츠 아이보리 M 사이즈 재고 있나요? " * 4), width=360)
    assert geo.text_layout.lineCount() > 1
    assert geo.bubble.right() <= 360


def test_line_breaks_typed_with_shift_enter_start_new_lines(fonts: Fonts) -> None:
    geo = geometry(fonts, row(body="첫 줄\n둘째 줄\r\n셋째 줄"))
    assert geo.text_layout.lineCount() == 3
    assert len(geo.text_layout.text()) == len(geo.text)  # offsets for selection and links still match


ARABIC = (
    "مرحبا! أريد أن أطلب ثلاثة قمصان من الكتان الأبيض مقاس L، واثنين من اللون الأزرق مقاس M. هل "
    "يمكنكم الشحن إلى دبي خلال أسبوع؟ رقم الطلب السابق 2026-0042. شكراً جزيلاً 🙏"
)


def test_an_arabic_message_is_set_against_the_bubbles_right_edge(fonts: Fonts) -> None:
    """A customer's Arabic paragraph started each line at the left, its last words hanging off
    the left edge as if it were English; the time sat where its last line ended."""
    geo = geometry(fonts, row(body=ARABIC), width=520)
    layout = geo.text_layout
    assert layout.lineCount() > 2
    right = geo.bubble.right() - geo.text_origin.x() - PAD_X
    for i in range(layout.lineCount()):
        line = layout.lineAt(i).naturalTextRect()
        assert abs(line.right() - right) < 1  # every line ends at the right edge…
    last = layout.lineAt(layout.lineCount() - 1).naturalTextRect()
    assert last.left() > 20  # …the short last line too, leaving room at its left
    # The time is below the text, not over the end of its last line.
    assert geo.meta_rect.top() >= geo.text_origin.y() + last.bottom() - 0.5
    # A click on the last line's empty left finds no character there; on its words, one.
    mid_y = geo.text_origin.y() + last.center().y()
    assert geo.char_at(QPointF(geo.text_origin.x() + 2, mid_y), on_character=True) is None
    assert geo.char_at(QPointF(geo.text_origin.x() + last.center().x(), mid_y), on_character=True) is not None


def test_a_phone_number_in_arabic_text_reads_in_its_groups_order(fonts: Fonts) -> None:
    """ "رقم هاتفي +971 50 123 4567" showed "4567 123 50 971+": each group a number of its own,
    the groups set right to left. Copying it still gives the spaces the customer typed."""
    for body, first, last in (
        ("ورقم هاتفي +971 50 123 4567. شكراً", "971", "4567"),
        ("اتصل على ٠٥٠ ١٢٣ ٤٥٦٧ من فضلك", "٠٥٠", "٤٥٦٧"),  # Arabic-Indic digits
        ("הטלפון שלי 054 123 4567 תודה", "054", "4567"),
    ):
        geo = geometry(fonts, row(body=body))
        line = geo.text_layout.lineAt(0)
        inside_first = body.index(first) + 1  # between the first group's first two digits
        inside_last = body.index(last) + 1
        assert line.cursorToX(inside_first)[0] < line.cursorToX(inside_last)[0], body  # left to right
        assert geo.text == body  # the words themselves are untouched
        assert len(geo.text_layout.text()) == len(body)  # one character for one: offsets still match


def test_a_one_line_hebrew_message_keeps_its_time_beside_it(fonts: Fonts) -> None:
    geo = geometry(fonts, row(body="שלום! מתי זה יגיע?"))
    line = geo.text_layout.lineAt(0).naturalTextRect()
    assert geo.text_layout.lineCount() == 1
    assert geo.meta_rect.left() >= geo.text_origin.x() + line.right()  # beside, not over it
    assert abs(geo.meta_rect.center().y() - (geo.text_origin.y() + line.center().y())) < line.height()
    # English stays as it was: against the left edge.
    english = geometry(fonts, row(body="Hello! When will it arrive? " * 6), width=520)
    assert all(english.text_layout.lineAt(i).x() == 0 for i in range(english.text_layout.lineCount()))


def test_a_caption_wraps_to_the_width_of_its_picture(fonts: Fonts, tmp_path: Any) -> None:
    from PySide6.QtGui import QImage

    picture = tmp_path / "p.png"
    image = QImage(240, 240, QImage.Format.Format_RGB32)
    image.fill(0xEEEEEE)
    image.save(str(picture))
    media = MediaInfo(1, "image/png", "p.png", 100, "p.png", None)
    message = row(
        kind="image", body="린넨 셔츠 아이보리 ₩39,000 린넨 100%. 여유 있는 핏, S·M·L. 찬물 손세탁 권장."
    )
    geo = compute(
        message,
        1000,
        fonts,
        show_date="",
        divider=0,
        first_of_group=True,
        quote=None,
        media=media,
        media_dir=str(tmp_path),
    )
    assert geo.text_layout is not None and geo.card is not None
    assert geo.text_layout.lineCount() > 1
    assert geo.bubble.width() < geo.card.rect.width() + 40


def test_media_left_out_of_a_phone_export_says_so_not_the_phones_marker(fonts: Fonts) -> None:
    left_out = row(kind="text", body="<미디어 없음>", payload={"import": {"id": 3, "omitted": True}})
    geo = geometry(fonts, left_out)
    assert (geo.note_text, geo.text) == ("A photo or file the phone left out of its export", "")
    # Its time sits on the note's line, as on a one-line message: the bubble is one line high.
    assert geo.meta_rect.bottom() <= geo.note_origin.y() + fonts.small_fm.height() + 1
    said = row(kind="text", body="<미디어 없음> 이라고 썼어요", payload={"import": {"id": 3}})
    assert body_text(said) == "<미디어 없음> 이라고 썼어요"  # typed by a person: shown as typed


def test_a_left_out_photos_caption_is_shown_under_what_happened_to_the_photo(fonts: Fonts) -> None:
    """An export without media writes a photo's caption on the lines after its placeholder."""
    left_out = row(
        kind="text", body="<미디어 없음>\n착샷이에요 ㅋㅋ", payload={"import": {"id": 3, "omitted": True}}
    )
    geo = geometry(fonts, left_out)
    # The note reads as a note (small, italic, its own line above), the caption as her message.
    assert geo.note_text == "A photo or file the phone left out of its export"
    assert geo.note_layout is not None and geo.note_layout.font().italic()
    assert geo.note_layout.font().pointSizeF() < fonts.body.pointSizeF()
    assert geo.text == body_text(left_out) == "착샷이에요 ㅋㅋ"
    assert geo.text_layout is not None and not geo.text_layout.font().italic()
    assert geo.note_origin.y() + geo.note_layout.boundingRect().height() <= geo.text_origin.y()
    # Replying to it, the quote still says what it was.
    assert quote_preview(left_out)[1].startswith("A photo or file the phone left out of its export")


def test_a_voice_note_imported_without_its_file_never_says_it_is_still_to_download() -> None:
    """An export's voice note said "Not downloaded yet", as if it might arrive: nothing will fetch it."""
    live = make_card(row(kind="audio", payload={"audio": {"id": "77"}}), None, "/media")
    assert live is not None and live.subtitle == "Not downloaded yet"
    # iPhone's "오디오 생략됨": its card says so, and the bubble has no sentence more under it.
    left_out = row(kind="audio", body="오디오 생략됨", payload={"import": {"id": 3, "omitted": True}})
    card = make_card(left_out, None, "/media")
    assert card is not None and (card.title, card.subtitle) == ("Audio", "Not in the phone's export")
    assert body_text(left_out) == ""
    # An attachment line whose file was not in the zip (or a .txt imported alone).
    not_in_zip = row(kind="audio", payload={"import": {"id": 3, "file": "PTT-20250304-WA0002.opus"}})
    media = MediaInfo(1, "audio/ogg", "PTT-20250304-WA0002.opus", None, None, None)
    card = make_card(not_in_zip, media, "/media")
    assert card is not None and card.subtitle == "Not in the phone's export"


def _imported_deleted(db: Any, tmp_path: Path, export: str) -> tuple[list[MessageRow], str]:
    """The messages of `export` imported as 김민지 imports a chat, and its chat's line in the list."""
    from app.chat_export.importer import ImportRequest, import_chat
    from app.queries import conversations_page, messages_page
    from tests.support.chat_exports import write_txt
    from ui.formatting import chat_preview

    path = write_txt(tmp_path / "chat.txt", export)
    request = ImportRequest(path=path, shop_participant="민지네 옷가게", time_zone="Asia/Seoul")
    contact_id = import_chat(db, tmp_path / "media", request).contact_id
    with db.read() as s:
        rows = messages_page(s, contact_id)
        chat = next(c for c in conversations_page(s) if c.contact_id == contact_id)
    return rows, chat_preview(chat.last_kind, chat.last_body, chat.last_direction)


def test_a_message_deleted_on_an_english_phone_reads_korean_in_the_korean_app(
    db: Any, tmp_path: Path, fonts: Fonts, korean: None
) -> None:
    """The customer's phone was in English: its "This message was deleted" line is the app's own
    note in 김민지's Korean, in the chat and in the chat list; a customer who typed it is quoted."""
    rows, preview = _imported_deleted(
        db,
        tmp_path,
        "3/7/25, 19:45 - Sarah Park: Hi! Is the linen shirt in stock?\n"
        "3/7/25, 19:46 - 민지네 옷가게: Yes it is\n"
        "3/7/25, 19:47 - 민지네 옷가게: You deleted this message\n"
        "3/7/25, 19:48 - Sarah Park: This message was deleted\n",
    )
    mine, hers = geometry(fonts, rows[-2]), geometry(fonts, rows[-1])
    assert (mine.note_text, mine.text) == ("삭제한 메시지예요", "")
    assert (hers.note_text, hers.text) == ("삭제된 메시지예요", "")
    assert hers.note_layout is not None and hers.note_layout.font().italic()
    assert preview == "삭제된 메시지"
    typed = row(kind="text", body="This message was deleted", payload={"import": {"id": 3}})
    assert geometry(fonts, typed).text == "This message was deleted"  # no placeholder: her words


def test_a_message_deleted_on_a_korean_phone_reads_english_in_the_english_app(
    db: Any, tmp_path: Path, fonts: Fonts
) -> None:
    rows, preview = _imported_deleted(
        db,
        tmp_path,
        "2025. 3. 7. 오후 7:45 - 박서연: 린넨 셔츠 있나요?\n2025. 3. 7. 오후 7:46 - 박서연: 이 메시지는 삭제되었습니다\n",
    )
    shown = geometry(fonts, rows[-1])
    assert (shown.note_text, shown.text) == ("This message was deleted", "")
    assert preview == "Deleted message"


def test_a_photo_not_here_yet_says_so_in_its_grey_box() -> None:
    """A photo not downloaded (the relay away) was a grey box that said only "Photo", as if loading."""
    waiting = make_card(row(kind="image", payload={"image": {"id": "88"}}), None, "/media")
    assert waiting is not None and waiting.subtitle == "Not downloaded yet"
    not_in_zip = make_card(
        row(kind="image", payload={"import": {"id": 3, "file": "IMG-1.jpg"}}), None, "/media"
    )
    assert not_in_zip is not None and not_in_zip.subtitle == "Not in the phone's export"
    left = make_card(
        row(kind="image", body="사진 생략됨", payload={"import": {"id": 3, "omitted": True}}), None, "/media"
    )
    assert left is not None and left.subtitle == ""  # the note above its caption says it


@pytest.mark.parametrize(
    ("written", "shown"),
    [("사진\u202egpj.exe", "사진gpj.exe"), ("../../evil.txt", "evil.txt"), ("CON.txt", "_CON.txt")],
)
def test_a_file_sent_without_a_caption_is_named_once_on_its_card_never_as_its_name_pretends(
    fonts: Fonts, written: str, shown: str
) -> None:
    """ "사진\u202egpj.exe" read "사진exe.jpg", a program dressed as a photo, in the words under its card
    and in the chat list; "../../evil.txt" stood under the card's "evil.txt"."""
    from app.cloud_messages import media_row, message_body
    from ui.formatting import preview_text

    received = {"type": "document", "document": {"id": "77", "filename": written, "mime_type": "text/plain"}}
    media = media_row(received)
    assert media is not None
    message = row(kind="document", body=message_body(received), payload=received)
    doc = geometry(fonts, message, MediaInfo(1, media["mime"], media["filename"], 120, None, None))
    assert doc.card.title == shown
    assert body_text(message) == ""  # no second name under the card
    assert "\u202e" not in preview_text("document", message.body, received)
    assert "\u202e" not in message.body  # nor in what search finds and shows


def test_a_japanese_message_is_drawn_in_one_font_not_two(fonts: Fonts) -> None:
    """After the Korean fonts, a Japanese message's kana and the hanja a Korean font has came
    from that font and 届, 号 or 教 from the next, larger and bolder: a ransom note. A Japanese or
    Chinese text has its own fonts first (after the UI font's Latin), a Korean one as before."""
    from PySide6.QtGui import QFontDatabase

    from ui.theme import CHINESE_FONTS, JAPANESE_FONTS, KOREAN_FONTS

    japanese = "こんにちは。注文番号は2026-0042です。追跡番号を教えていただけますか？まだ届いていません。"
    geo = geometry(fonts, row(body=japanese))
    families = geo.text_layout.font().families()
    assert families.index(JAPANESE_FONTS[-1]) < families.index(KOREAN_FONTS[0])
    chinese = (
        geometry(fonts, row(body="你好，请问可以寄到上海吗？运费多少钱？")).text_layout.font().families()
    )
    assert chinese.index(CHINESE_FONTS[-1]) < chinese.index(KOREAN_FONTS[0])
    korean = geometry(fonts, row(body="주문번호 알려주세요 韓國")).text_layout.font()
    assert korean.families() == fonts.body.families()
    # English with a Japanese name in it stays in the UI font, like the English around it.
    english = geometry(fonts, row(body="Thanks for your message, 佐藤! We're closed right now.")).text_layout
    assert not set(english.font().families()) & {*JAPANESE_FONTS, *CHINESE_FONTS}
    assert english.font().families()[-len(fonts.body.families()) :] == fonts.body.families()
    if "Noto Sans CJK JP" in QFontDatabase.families():  # as drawn, where the font is installed
        drawn = {run.rawFont().familyName() for run in geo.text_layout.glyphRuns()}
        assert drawn == {"Noto Sans CJK JP"}


def test_a_long_campaign_or_ad_name_is_cut_between_whole_emoji(fonts: Fonts) -> None:
    """A campaign's name over 40 characters was cut at the 39th: "🎄 Winter sale…" with a family
    emoji across the cut kept its father alone; an ad's headline the same at 120."""
    family = "👨\u200d👩\u200d👧\u200d👦"
    name = "Winter sale for the whole " + family + family + " and more"  # the cut falls inside
    geo = geometry(fonts, row(direction="out", kind="template", body="hi", campaign_name=name))
    shown = geo.mark_text.split(" · ", 1)[1]
    assert shown.endswith("…") and shown.removesuffix("…").removeprefix("Winter sale for the whole ") in (
        "",
        family,
        family * 2,
    )
    ad = {"referral": {"source_type": "ad", "headline": "x" * 115 + family}}
    note = geometry(fonts, row(body="hi", payload=ad)).note_text
    assert family not in note and "👨" not in note  # the family did not fit: none of it shows


def test_a_refused_replys_line_keeps_each_of_the_shops_numbers_on_one_line(fonts: Fonts) -> None:
    """A British shop's numbers have a space ("07700 900200"): the red line under a reply refused
    for one number's closed window broke one after "07700", its last digits on the next line."""
    from ui.message_status import failure_reason

    refused = row(direction="out", status="failed", error_code="131047", body="Yes, we ship to Leeds.")
    reason = failure_reason(refused, "07700 900000", "07700 900200")
    for width in range(300, 1000, 7):  # wherever the line wraps
        geo = compute(
            refused,
            float(width),
            fonts,
            show_date="",
            divider=0,
            first_of_group=True,
            quote=None,
            media=None,
            media_dir="/nowhere",
            failure_reason=reason,
        )
        layout, text = geo.failure_layout, geo.failure_text
        assert layout is not None
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            assert not text[: line.textStart() + line.textLength()].rstrip().endswith("07700"), width
