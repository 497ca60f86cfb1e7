"""Reading WhatsApp exports from each phone layout and language, before anything is imported."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from app.chat_export.errors import NotAChatExport
from app.chat_export.parser import DateOrder, ParseReport, parse_messages, scan_export
from app.chat_export.source import open_source
from app.errors import ErrorCode, FileParams
from tests.support.chat_exports import JPEG, LAYOUTS, LRM, Line, render, shop_chat, write_txt, write_zip

START = datetime(2024, 1, 5, 15, 41, 22)
EXPECTED_ORDER = {
    "android-en-us": DateOrder.MDY,
    "ios-en-us": DateOrder.MDY,
    "android-ko": DateOrder.YMD,
    "ios-ko": DateOrder.YMD,
}
EXPECTED_LANGUAGE = {
    "android-en-us": "English (US)",
    "ios-en-us": "English (US)",
    "android-en-uk": "English (UK)",
    "ios-en-uk": "English (UK)",
    "android-ko": "Korean",
    "ios-ko": "Korean",
    "android-de": "German",
    "ios-de": "German",
    "android-es": "Spanish",
    "android-es-12h": "Spanish",
    "ios-es": "Spanish",
}


def _photo(layout_name: str) -> str:
    return (
        "00000012-PHOTO-2024-01-05-15-45-22.jpg"
        if layout_name.startswith("ios")
        else "IMG-20240105-WA0001.jpg"
    )


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_each_phone_layout_reads_into_the_same_conversation(tmp_path: Path, name: str) -> None:
    layout = LAYOUTS[name]
    photo = _photo(name)
    text = render(
        layout, shop_chat(layout, "Kim Minji", "Seoul Linen", START, photo=photo), chat_name="Kim Minji"
    )
    path = write_zip(tmp_path / "chat.zip", "_chat.txt" if layout.ios else "WhatsApp Chat with Kim Minji.txt",
                     text, {photo: JPEG})  # fmt: skip

    preview = scan_export(path)
    assert preview.platform == ("iOS" if layout.ios else "Android")
    assert preview.language == EXPECTED_LANGUAGE[name]
    assert preview.date_order == EXPECTED_ORDER.get(name, DateOrder.DMY)
    assert dict(preview.participants) == {"Kim Minji": 5, "Seoul Linen": 2}
    assert preview.message_count == 7
    assert preview.attachments == preview.attachments_present == 1
    seconds = 22 if layout.ios else 0
    assert preview.first_time == START.replace(second=seconds)
    assert preview.last_time == datetime(2024, 1, 25, 17, 41, seconds)

    messages = list(parse_messages(preview.source, preview.date_order))
    notice, hello, reply, omitted, photo_msg, deleted, edited, thanks = messages
    assert notice.is_system and notice.encryption_notice
    assert hello.sender == "Kim Minji" and hello.body == "안녕하세요! Is the linen shirt still available?"
    assert reply.sender == "Seoul Linen"
    assert reply.body == "Yes 😊 Which size?\nWe have S, M and L\n\nPrice: 39,000"
    assert omitted.media_omitted and LRM not in omitted.body
    assert (
        photo_msg.attachment == photo and photo_msg.kind == "image" and photo_msg.body == "this colour please"
    )
    assert deleted.deleted
    assert edited.edited and edited.body == "Order confirmed"
    assert (
        thanks.local_time == datetime(2024, 1, 25, 17, 41, seconds) and thanks.body == "받았어요, 감사합니다!"
    )


def test_ambiguous_dates_are_read_by_the_order_a_later_line_proves(tmp_path: Path) -> None:
    # 01/02 and 03/02 fit both orders; only "13/02" on the last line says days come first.
    layout = LAYOUTS["android-en-uk"]
    lines = [
        Line(datetime(2024, 2, 1, 9, 0), "Ana", "hi"),
        Line(datetime(2024, 2, 3, 9, 0), "Shop", "hello"),
        Line(datetime(2024, 2, 13, 9, 0), "Ana", "thanks"),
    ]
    path = write_txt(tmp_path / "chat.txt", render(layout, lines))
    preview = scan_export(path)
    assert preview.date_order is DateOrder.DMY
    assert [m.local_time.date().isoformat() for m in parse_messages(preview.source, preview.date_order)] == [
        "2024-02-01",
        "2024-02-03",
        "2024-02-13",
    ]


def test_us_dates_with_a_later_day_over_twelve_read_month_first(tmp_path: Path) -> None:
    content = "1/2/24, 9:00 AM - Ana: hi\n1/3/24, 9:00 AM - Shop: hello\n1/14/24, 9:00 PM - Ana: thanks\n"
    preview = scan_export(write_txt(tmp_path / "chat.txt", content))
    assert preview.date_order is DateOrder.MDY
    assert [m.local_time for m in parse_messages(preview.source, preview.date_order)][-1] == datetime(
        2024, 1, 14, 21, 0
    )


def test_twelve_and_twenty_four_hour_clocks_give_the_same_times(tmp_path: Path) -> None:
    twelve = "05/01/2024, 12:05 AM - Ana: midnight\n05/01/2024, 12:30 PM - Ana: noon\n13/01/2024, 11:59 PM - Ana: late\n"
    twenty_four = (
        "05/01/2024, 00:05 - Ana: midnight\n05/01/2024, 12:30 - Ana: noon\n13/01/2024, 23:59 - Ana: late\n"
    )
    a = scan_export(write_txt(tmp_path / "a.txt", twelve))
    b = scan_export(write_txt(tmp_path / "b.txt", twenty_four))
    assert a.clock == "12-hour" and b.clock == "24-hour"
    times_a = [m.local_time for m in parse_messages(a.source, a.date_order)]
    times_b = [m.local_time for m in parse_messages(b.source, b.date_order)]
    assert times_a == times_b
    assert times_a[0] == datetime(2024, 1, 5, 0, 5)


def test_korean_morning_and_afternoon_markers(tmp_path: Path) -> None:
    content = "[2024. 3. 9. 오전 12:10:00] 민지: 늦게 죄송해요\n[2024. 3. 9. 오후 12:10:00] 가게: 괜찮아요\n"
    preview = scan_export(write_txt(tmp_path / "chat.txt", content))
    times = [m.local_time for m in parse_messages(preview.source, preview.date_order)]
    assert times == [datetime(2024, 3, 9, 0, 10), datetime(2024, 3, 9, 12, 10)]


def test_ios_marks_and_no_break_spaces_do_not_leak_into_names_or_text(tmp_path: Path) -> None:
    content = (
        f"{LRM}[1/5/24, 3:41:22\u202fPM] ~\u202fMinji: {LRM}Messages and calls are end-to-end encrypted.\n"
        f"[1/5/24, 3:42:00\u202fPM] ~\u202fMinji: hello\n"
        f"{LRM}[1/5/24, 3:43:00\u202fPM] +82\u00a010-1234-5678: {LRM}<attached: 00000003-PHOTO-2024-01-05.jpg>\n"
        f"[1/25/24, 3:43:00\u202fPM] ~\u202fMinji: bye\n"
    )
    preview = scan_export(write_txt(tmp_path / "chat.txt", content))
    messages = list(parse_messages(preview.source, preview.date_order))
    assert [m.sender for m in messages] == [None, "Minji", "+82 10-1234-5678", "Minji"]
    assert messages[2].attachment == "00000003-PHOTO-2024-01-05.jpg"
    assert all(LRM not in (m.body + (m.sender or "")) for m in messages)


def test_system_lines_in_each_language_are_not_messages(tmp_path: Path) -> None:
    for name, layout in LAYOUTS.items():
        lines = [
            Line(datetime(2024, 1, 15, 9, 0), None, layout.encryption),
            Line(datetime(2024, 1, 15, 9, 1), None, layout.created_group),
            Line(datetime(2024, 1, 15, 9, 2), "Ana", "hi"),
        ]
        path = write_txt(tmp_path / f"{name}.txt", render(layout, lines, chat_name="Linen"))
        preview = scan_export(path)
        messages = list(parse_messages(preview.source, preview.date_order))
        assert [m.is_system for m in messages] == [True, True, False], name
        assert messages[0].encryption_notice, name
        assert preview.message_count == 1, name


def test_a_header_that_cannot_be_read_is_its_own_entry_never_part_of_the_message_before(
    tmp_path: Path,
) -> None:
    content = (
        "13/01/2024, 10:00 - Ana: first line\n"
        "second line of the same message\n"
        "45/45/2024, 10:01 - Bo: this date is impossible\n"
        "and Bo's second line\n"
        "13/01/2024, 10:02 - Ana: next\n"
    )
    preview = scan_export(write_txt(tmp_path / "chat.txt", content))
    report = ParseReport()
    messages = list(parse_messages(preview.source, preview.date_order, report))
    assert [m.body for m in messages] == ["first line\nsecond line of the same message", "next"]
    assert report.unreadable_count == 1
    entry = report.unreadable[0]
    assert (entry.line_no, entry.lines, entry.in_message) == (3, 2, False)
    assert entry.text.startswith("45/45/2024")


def test_a_binary_file_named_txt_is_refused_with_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(JPEG * 50)
    with pytest.raises(NotAChatExport) as refused:
        scan_export(path)
    assert (refused.value.code, refused.value.params) == (
        ErrorCode.CHAT_EXPORT_NOT_TEXT,
        FileParams("photo.txt"),
    )


def test_a_corrupt_zip_is_refused_with_a_sentence(tmp_path: Path) -> None:
    good = write_zip(tmp_path / "good.zip", "_chat.txt", "[05/01/2024, 10:00:00] Ana: hi\n" * 50, {})
    broken = tmp_path / "broken.zip"
    broken.write_bytes(good.read_bytes()[:-40])
    with pytest.raises(NotAChatExport) as refused:
        scan_export(broken)
    assert (refused.value.code, refused.value.params) == (
        ErrorCode.CHAT_EXPORT_DAMAGED,
        FileParams("broken.zip"),
    )


def test_text_that_is_not_a_chat_is_refused(tmp_path: Path) -> None:
    path = write_txt(tmp_path / "notes.txt", "shopping list\nmilk\neggs\n" * 100)
    with pytest.raises(NotAChatExport) as refused:
        scan_export(path)
    assert refused.value.code is ErrorCode.CHAT_EXPORT_NO_CHAT_LINES


def test_the_chat_text_is_found_in_a_zip_with_media_and_folders(tmp_path: Path) -> None:
    path = write_zip(
        tmp_path / "WhatsApp Chat - Minji.zip",
        "_chat.txt",
        "[05/01/2024, 10:00:00] Minji: hi\n",
        {"00000001-PHOTO.jpg": JPEG, "notes/readme.txt": b"x"},
    )
    source = open_source(path)
    assert source.text_member == "_chat.txt"
    assert source.chat_title == "Minji"
    assert "00000001-PHOTO.jpg" in source.media


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("1/2/24, 3:41 PM", datetime(2024, 1, 2, 15, 41)),  # US phone: month first
        ("1/2/24, 3:41 pm", datetime(2024, 2, 1, 15, 41)),  # UK phone on a 12-hour clock: day first
        ("1/2/24, 3:41\u00a0p.\u00a0m.", datetime(2024, 2, 1, 15, 41)),  # Spanish: day first
        ("1/2/24, 15:41", datetime(2024, 2, 1, 15, 41)),  # 24-hour with slashes: day first
        ("01.02.24, 15:41", datetime(2024, 2, 1, 15, 41)),  # German
    ],
)
def test_a_one_day_chat_with_no_telling_date_follows_its_phones_convention(
    tmp_path: Path, header: str, expected: datetime
) -> None:
    path = write_txt(tmp_path / "chat.txt", f"{header} - Ana: hola\n{header} - Shop: hi\n")
    preview = scan_export(path)
    assert next(iter(parse_messages(preview.source, preview.date_order))).local_time == expected


def test_a_chat_exported_from_a_korean_shop_inbox_reads_back_its_customers_name(tmp_path: Path) -> None:
    path = write_zip(
        tmp_path / "WhatsApp 대화 - 박영희.zip", "_chat.txt", "[05/01/2024, 10:00:00] 박영희: 네\n", {}
    )
    assert open_source(path).chat_title == "박영희"
