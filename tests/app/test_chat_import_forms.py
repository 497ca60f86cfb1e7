"""Line forms real phones write that once broke the importer: marks, midnight, placeholders, notices.

Every export here is written by the test, line by line, in the exact form a phone writes it.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.chat_export.importer import ImportRequest, import_chat
from app.chat_export.parser import ParsedMessage, ParseReport, parse_messages, scan_export
from app.db import Database
from app.models import Message
from tests.support.chat_exports import LAYOUTS, LRM, NBSP, NNBSP, Line, render, write_txt

BOM = "\ufeff"
RLM = "\u200f"


def read(path: Path) -> tuple[list[ParsedMessage], ParseReport]:
    preview = scan_export(path)
    report = ParseReport()
    return list(parse_messages(preview.source, preview.date_order, report)), report


def assert_every_line_is_in_one_place(path: Path, messages: list[ParsedMessage], report: ParseReport) -> None:
    """Each line of the file is in exactly one message or one unreadable entry (blank lines before
    the first message may be in neither); no message runs across a header-looking line."""
    lines = path.read_text(encoding="utf-8-sig").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    owner: dict[int, str] = {}
    spans = [(m.line_no, m.lines, f"message@{m.line_no}") for m in messages]
    spans += [(u.line_no, u.lines, f"unreadable@{u.line_no}") for u in report.unreadable if not u.in_message]
    for start, count, name in spans:
        for n in range(start, start + count):
            assert n not in owner, f"line {n} is in {owner[n]} and in {name}"
            owner[n] = name
    for n, text in enumerate(lines, start=1):
        assert n in owner or not text.strip(), f"line {n} ({text!r}) belongs to nothing"
    assert max(owner, default=0) <= len(lines)


# --------------------------------------------------------------------------- 1. invisible marks


def test_lines_starting_with_a_byte_order_mark_are_new_messages_not_part_of_the_notice(
    tmp_path: Path,
) -> None:
    content = (
        "05.01.24, 10:00 - Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Niemand außerhalb "
        "dieses Chats, nicht einmal WhatsApp, kann sie lesen oder anhören.\n"
        f"{BOM}05.01.24, 10:01 - Jana: Guten Tag, ist das Leinenhemd noch da?\n"
        f"{BOM}05.01.24, 10:02 - Laden: Ja, in M und L\n"
        f"{RLM}15.01.24, 10:03 - Jana: Danke!\n"
    )
    path = write_txt(tmp_path / "chat.txt", content)
    messages, report = read(path)
    assert [(m.sender, m.body) for m in messages if not m.is_system] == [
        ("Jana", "Guten Tag, ist das Leinenhemd noch da?"),
        ("Laden", "Ja, in M und L"),
        ("Jana", "Danke!"),
    ]
    assert messages[0].encryption_notice and "Jana" not in messages[0].body
    assert report.unreadable_count == 0
    assert_every_line_is_in_one_place(path, messages, report)


@pytest.mark.parametrize("mark", [BOM, LRM, RLM, "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
                                  "\u2066", "\u2067", "\u2068", "\u2069"])  # fmt: skip
def test_an_ios_export_whose_headers_start_with_an_invisible_mark_is_read(tmp_path: Path, mark: str) -> None:
    content = (
        f"{mark}[05.01.24, 10:00:00] Leinen: {LRM}Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt.\n"
        f"{mark}[05.01.24, 10:01:10] Jana: Hallo\n"
        f"{mark}[{mark}15.01.24, 10:02:20{mark}] Laden{mark}: Guten Tag\n"
    )
    path = write_txt(tmp_path / "_chat.txt", content)
    preview = scan_export(path)
    assert dict(preview.participants) == {"Jana": 1, "Laden": 1}
    assert preview.language == "German"
    messages, report = read(path)
    assert [m.body for m in messages[1:]] == ["Hallo", "Guten Tag"]
    assert_every_line_is_in_one_place(path, messages, report)


# --------------------------------------------------------------------------- 2. midnight on a 12-hour clock


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("1/14/24, 00:04\u202fAM", datetime(2024, 1, 14, 0, 4)),
        ("14/1/24, 00:08\u00a0a.\u00a0m.", datetime(2024, 1, 14, 0, 8)),
        ("14/1/24, 00:08 a. m.", datetime(2024, 1, 14, 0, 8)),
        ("1/14/24, 12:04\u202fAM", datetime(2024, 1, 14, 0, 4)),
    ],
)
def test_hour_zero_on_a_twelve_hour_clock_is_midnight(
    tmp_path: Path, header: str, expected: datetime
) -> None:
    content = f"{header} - Ana: ya es tarde\n{header} - Bea: buenas noches\n"
    path = write_txt(tmp_path / "chat.txt", content)
    messages, report = read(path)
    assert [(m.sender, m.local_time) for m in messages] == [("Ana", expected), ("Bea", expected)]
    assert report.unreadable_count == 0


# --------------------------------------------------------------------------- 3. placeholders


@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [
        (f"{LRM}Invoice March.pdf {LRM}document omitted", "document", "Invoice March.pdf"),
        (f"{LRM}Resume.pdf • {LRM}2 pages {LRM}document omitted", "document", "Resume.pdf"),
        (f"{LRM}image omitted", "image", None),
        (f"{LRM}Contact card omitted", "contacts", None),
        (f"{LRM}GIF omitted", "video", None),
        (f"{LRM}Kontaktkarte ausgelassen", "contacts", None),
        (f"{LRM}Bild weggelassen", "image", None),
        (f"{LRM}Video omitido", "video", None),
        (f"{LRM}Tarjeta de contacto omitida", "contacts", None),
        (f"{LRM}imagen omitida", "image", None),
        (f"{LRM}IMAGE OMITTED", "image", None),
        (f"{LRM}사진 생략됨", "image", None),
        (f"{LRM}동영상 생략됨", "video", None),
        (f"{LRM}image omise", "image", None),
        (f"{LRM}imagem ocultada", "image", None),
        (f"{LRM}immagine omessa", "image", None),
        (f"{LRM}画像は含まれていません", "image", None),
        (f"{LRM}afbeelding weggelaten", "image", None),
        (f"{LRM}gambar tidak disertakan", "image", None),
        (f"{LRM}görüntü dahil edilmedi", "image", None),
        ("<Media omitted>", "text", None),
        ("<미디어 없음>", "text", None),
        ("<Medien ausgeschlossen>", "text", None),
        ("<Multimedia omitido>", "text", None),
    ],
)
def test_every_media_placeholder_is_a_placeholder_with_its_file_name(
    tmp_path: Path, text: str, kind: str, name: str | None
) -> None:
    content = f"[14/01/2024, 10:00:00] Ana: hello\n{LRM}[14/01/2024, 10:01:00] Ana: {text}\n"
    path = write_txt(tmp_path / "_chat.txt", content)
    messages, _ = read(path)
    placeholder = messages[1]
    assert placeholder.media_omitted and placeholder.kind == kind
    assert placeholder.attachment == name
    assert LRM not in placeholder.body


def test_text_that_only_mentions_an_omitted_image_stays_text(tmp_path: Path) -> None:
    content = "[14/01/2024, 10:00:00] Ana: my image omitted\n"
    messages, _ = read(write_txt(tmp_path / "_chat.txt", content))
    assert not messages[0].media_omitted and messages[0].body == "my image omitted"


# --------------------------------------------------------------------------- 4. nothing after the colon


def test_a_message_with_nothing_after_the_colon_is_that_persons_message(tmp_path: Path) -> None:
    content = (
        "[14/01/2024, 10:00:00] Bob: look at this\n"
        "[14/01/2024, 10:01:00] Carol:\n"
        "[14/01/2024, 10:02:00] Bob: gone already\n"
    )
    path = write_txt(tmp_path / "_chat.txt", content)
    messages, report = read(path)
    assert [(m.sender, m.body, m.is_system) for m in messages] == [
        ("Bob", "look at this", False),
        ("Carol", "", False),
        ("Bob", "gone already", False),
    ]
    assert dict(scan_export(path).participants) == {"Bob": 2, "Carol": 1}
    assert_every_line_is_in_one_place(path, messages, report)


# --------------------------------------------------------------------------- 5. encryption notice


@pytest.mark.parametrize(
    "notice",
    [
        "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, "
        "can read or listen to them.",
        "Messages to this group are now secured with end-to-end encryption.",
        "메시지와 통화는 종단간 암호화됩니다. WhatsApp을 포함한 이 채팅 외부의 누구도 메시지를 읽거나 들을 수 "
        "없습니다.",
        "Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt.",
        "Los mensajes y las llamadas están cifrados de extremo a extremo.",
        "Les messages et les appels sont chiffrés de bout en bout.",
        "As mensagens e as chamadas são protegidas com a criptografia de ponta a ponta.",
        "I messaggi e le chiamate sono crittografati end-to-end.",
        "メッセージと通話はエンドツーエンドで暗号化されています。",
        "Berichten en oproepen worden end-to-end versleuteld.",
        "Pesan dan panggilan terenkripsi secara end-to-end.",
        "Mesajlar ve aramalar uçtan uca şifrelidir.",
    ],
)
@pytest.mark.parametrize("mark", ["", LRM])
def test_the_encryption_notice_from_the_chat_name_is_a_notice_not_a_participant(
    tmp_path: Path, notice: str, mark: str
) -> None:
    content = (
        f"[14/01/2024, 10:00:00] Pokemon Chat: {mark}{notice}\n"
        "[14/01/2024, 10:01:00] Ash: hi\n"
        "[14/01/2024, 10:02:00] Shop: hello\n"
    )
    path = write_txt(tmp_path / "_chat.txt", content)
    preview = scan_export(path)
    assert dict(preview.participants) == {"Ash": 1, "Shop": 1}
    assert preview.is_group == ("to this group" in notice)  # that notice only groups carry
    messages, _ = read(path)
    assert messages[0].is_system and messages[0].encryption_notice


# --------------------------------------------------------------------------- 10. preview details


def test_an_english_export_with_dotted_dates_is_english(tmp_path: Path) -> None:
    content = (
        "14.01.24, 10:00 - Messages and calls are end-to-end encrypted. No one outside of this chat can "
        "read them.\n"
        "14.01.24, 10:01 - Ana: hi\n14.01.24, 10:02 - Shop: <Media omitted>\n"
    )
    assert scan_export(write_txt(tmp_path / "chat.txt", content)).language == "English (UK)"


def test_a_year_first_file_with_no_words_has_no_language_guessed(tmp_path: Path) -> None:
    content = "2024-01-14 10:00 - Ana: hi\n2024-01-14 10:01 - Shop: hello\n"
    preview = scan_export(write_txt(tmp_path / "chat.txt", content))
    assert preview.language == ""


def test_the_dates_run_from_the_earliest_to_the_latest_time_not_first_and_last_line(tmp_path: Path) -> None:
    # The phone's clock was set back after a trip: the last line is older than the one before.
    content = (
        "14/01/2024, 10:00 - Ana: hi\n"
        "20/01/2024, 09:00 - Shop: back from the trip\n"
        "13/01/2024, 08:00 - Ana: clock was wrong\n"
    )
    preview = scan_export(write_txt(tmp_path / "chat.txt", content))
    assert preview.first_time == datetime(2024, 1, 13, 8, 0)
    assert preview.last_time == datetime(2024, 1, 20, 9, 0)
    assert preview.first_time <= preview.last_time


# --------------------------------------------------------------------------- Korean phones


def test_a_korean_android_export_reads_whole(tmp_path: Path) -> None:
    content = (
        "2024. 1. 5. 오후 3:04 - 메시지와 통화는 종단간 암호화됩니다. WhatsApp을 포함한 이 채팅 외부의 누구도 "
        "메시지를 읽거나 들을 수 없습니다.\n"
        "2024. 1. 5. 오후 3:04 - 민지님이 “리넨 공구” 그룹을 만들었습니다\n"
        "2024. 1. 5. 오후 3:05 - 김민지: 안녕하세요 주문 가능한가요?\n"
        "사이즈는 M이요\n"
        "2024. 1. 5. 오후 3:06 - 서울 리넨: <미디어 없음>\n"
        "2024. 1. 5. 오전 12:10 - 김민지: 삭제된 메시지입니다\n"
        "2024. 1. 15. 오후 11:59 - 김민지: 받았어요 <메시지 수정됨>\n"
        "2024. 1. 15. 오후 11:59 - 박지훈님이 나갔습니다\n"
    )
    path = write_txt(tmp_path / "WhatsApp Chat with 김민지.txt", content)
    preview = scan_export(path)
    assert (preview.platform, preview.language, preview.clock) == ("Android", "Korean", "12-hour")
    assert dict(preview.participants) == {"김민지": 3, "서울 리넨": 1}
    messages, report = read(path)
    assert [m.is_system for m in messages] == [True, True, False, False, False, False, True]
    assert messages[0].encryption_notice
    assert messages[2].body == "안녕하세요 주문 가능한가요?\n사이즈는 M이요"
    assert messages[2].local_time == datetime(2024, 1, 5, 15, 5)
    assert messages[3].media_omitted
    assert messages[4].deleted and messages[4].local_time == datetime(2024, 1, 5, 0, 10)
    assert messages[5].edited and messages[5].body == "받았어요"
    assert_every_line_is_in_one_place(path, messages, report)


@pytest.mark.parametrize(
    ("placeholder", "kind"),
    [("<미디어 없음>", "text"), (f"{LRM}사진 생략됨", "image"), ("<Media omitted>", "text")],
)
def test_a_placeholder_with_a_caption_after_it_is_the_left_out_photo_and_its_caption(
    tmp_path: Path, placeholder: str, kind: str
) -> None:
    """Saved without media, a photo's caption stays on the lines after its placeholder: it was read as
    a text message starting with "<미디어 없음>", shown raw and never matched to the photo itself."""
    content = (
        f"2025. 3. 7. 오후 7:46 - 박서연: {placeholder}\n착샷이에요 ㅋㅋ\n잘 맞아요\n"
        f"2025. 3. 7. 오후 7:47 - 박서연: {placeholder}\n"
        "2025. 3. 7. 오후 7:50 - 민지네 옷가게: 와 너무 잘 어울리세요!!\n"
    )
    path = write_txt(tmp_path / "chat.txt", content)
    messages, report = read(path)
    captioned, bare, reply = messages
    assert captioned.media_omitted and captioned.kind == kind
    assert captioned.body.split("\n")[1:] == ["착샷이에요 ㅋㅋ", "잘 맞아요"]
    assert bare.media_omitted and "\n" not in bare.body
    assert not reply.media_omitted
    assert_every_line_is_in_one_place(path, messages, report)


def test_a_korean_ios_export_reads_whole(tmp_path: Path) -> None:
    content = (
        f"{LRM}[2024. 1. 5. 오후 3:04:05] 리넨 공구: {LRM}메시지와 통화는 종단간 암호화됩니다.\n"
        f"{LRM}[2024. 1. 5. 오후 3:04:05] 리넨 공구: {LRM}민지님이 그룹을 만들었습니다\n"
        "[2024. 1. 5. 오후 3:05:10] 김민지: 안녕하세요\n"
        f"{LRM}[2024. 1. 5. 오후 3:06:00] 서울 리넨: {LRM}사진 생략됨\n"
        f"{LRM}[2024. 1. 5. 오후 3:07:00] 김민지: {LRM}<첨부 파일: 00000012-PHOTO-2024-01-05-15-07-00.jpg>\n"
        f"{LRM}[2024. 1. 5. 오후 3:08:00] 김민지: {LRM}견적서.pdf • {LRM}2페이지 {LRM}문서 생략됨\n"
        "[2024. 1. 15. 오전 12:01:00] ~\u202f박지훈: 저도 주문할게요\n"
    )
    path = write_txt(tmp_path / "_chat.txt", content)
    preview = scan_export(path)
    assert (preview.platform, preview.language) == ("iOS", "Korean")
    assert dict(preview.participants) == {"김민지": 3, "서울 리넨": 1, "박지훈": 1}
    assert preview.last_time == datetime(2024, 1, 15, 0, 1)
    messages, report = read(path)
    assert [m.is_system for m in messages] == [True, True, False, False, False, False, False]
    assert messages[3].media_omitted and messages[3].kind == "image"
    assert messages[4].attachment == "00000012-PHOTO-2024-01-05-15-07-00.jpg"
    assert messages[5].kind == "document" and messages[5].attachment == "견적서.pdf"
    assert_every_line_is_in_one_place(path, messages, report)


# --------------------------------------------------------------------------- whole-file invariants


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_every_line_of_each_layout_is_in_exactly_one_message(tmp_path: Path, name: str) -> None:
    layout = LAYOUTS[name]
    start = datetime(2024, 1, 14, 9, 0)
    lines = [
        Line(start, None, layout.encryption),
        Line(start, "Ana", "first\nsecond\n\nfourth"),
        Line(start + timedelta(minutes=1), "Shop", layout.omitted),
        Line(start + timedelta(minutes=2), "Ana", layout.deleted),
        Line(start + timedelta(minutes=3), None, layout.created_group),
    ]
    text = "a stray line before the chat\n" + render(layout, lines, chat_name="Linen")
    # A header-looking line no date can be made of, then its continuation.
    text += layout.header(start).replace("14", "45", 1) + "Bo: lost\ncontinues\n"
    text += render(layout, [Line(start + timedelta(minutes=5), "Ana", "after")], chat_name="Linen")
    path = write_txt(tmp_path / "chat.txt", text)
    messages, report = read(path)
    assert_every_line_is_in_one_place(path, messages, report)
    assert messages[-1].body == "after"
    assert "lost" not in "".join(m.body for m in messages)
    assert report.unreadable_count == 2


# --------------------------------------------------------------------------- property: export → import

_SAFE = "abcdeXYZ 가나다라주문배송 😊.,!?:-()'"
_texts = st.lists(st.text(alphabet=_SAFE, max_size=20), min_size=1, max_size=3).map("\n".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    layout_name=st.sampled_from(sorted(LAYOUTS)),
    items=st.lists(
        st.tuples(st.integers(0, 60 * 30), st.sampled_from(["Ana", "김민지", "Shop 1"]), _texts),
        min_size=1,
        max_size=12,
    ),
)
def test_any_export_in_any_supported_format_reads_back_to_the_same_messages(
    tmp_path: Path, layout_name: str, items: list[tuple[int, str, str]]
) -> None:
    layout = LAYOUTS[layout_name]
    when = datetime(2023, 12, 30, 23, 0)
    written = []
    for gap, sender, text in items:
        when += timedelta(minutes=gap)
        written.append(Line(when, sender, text))
    path = write_txt(tmp_path / f"{layout_name}.txt", render(layout, written, chat_name="Linen"))
    messages, report = read(path)
    assert [(m.sender, m.local_time, m.body) for m in messages] == [
        (w.sender, w.when, w.text) for w in written
    ]
    assert report.unreadable_count == 0
    assert_every_line_is_in_one_place(path, messages, report)


@pytest.fixture(scope="module")
def empty_inbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, empty database file, copied for each generated export (migrating is the slow part)."""
    path = tmp_path_factory.mktemp("template") / "inbox.db"
    Database.open(path).close()
    return path


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    layout_name=st.sampled_from(sorted(LAYOUTS)),
    items=st.lists(
        st.tuples(st.integers(0, 60 * 30), st.sampled_from(["Ana", "Shop 1"]), _texts),
        min_size=1,
        max_size=10,
    ),
)
def test_any_export_imports_into_the_inbox_as_the_same_messages(
    tmp_path: Path, empty_inbox: Path, layout_name: str, items: list[tuple[int, str, str]]
) -> None:
    layout = LAYOUTS[layout_name]
    when = datetime(2024, 2, 28, 22, 0)
    written = []
    for gap, sender, text in items:
        when += timedelta(minutes=gap)
        written.append(Line(when, sender, text))
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    path = write_txt(folder / "WhatsApp Chat with Ana.txt", render(layout, written, chat_name="Ana"))
    shutil.copyfile(empty_inbox, folder / "inbox.db")
    db = Database.open(folder / "inbox.db")
    try:
        summary = import_chat(db, folder / "media", ImportRequest(path, "Shop 1", "UTC", new_contact=True))
        with db.read() as s:
            stored = s.execute(
                select(Message.direction, Message.sent_at, Message.body).order_by(Message.sent_at, Message.id)
            ).all()
        again = import_chat(db, folder / "media", ImportRequest(path, "Shop 1", "UTC", new_contact=False,
                                                                contact_id=summary.contact_id))  # fmt: skip
    finally:
        db.close()
    expected = [("out" if w.sender == "Shop 1" else "in", w.when, w.text) for w in written]
    # Stored times are UTC and keep the file's order with a few added milliseconds per minute.
    assert [(d, t.replace(microsecond=0, tzinfo=None), b) for d, t, b in stored] == expected
    assert summary.added == len(written) and again.added == 0


def test_no_break_spaces_in_names_read_as_plain_spaces(tmp_path: Path) -> None:
    content = f"[14/01/2024, 10:00:00] Kim{NBSP}Minji: hi\n[14/01/2024, 10:01:00] Seoul{NNBSP}Linen: hello\n"
    assert dict(scan_export(write_txt(tmp_path / "_chat.txt", content)).participants) == {
        "Kim Minji": 1,
        "Seoul Linen": 1,
    }
