"""Importing a phone's chat export into the inbox: contacts, times, media, dedupe, cancel, errors."""

from __future__ import annotations

import gc
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app.chat_export.errors import AmbiguousContact, ImportCancelled, NotAChatExport
from app.chat_export.importer import (
    UNFINISHED_KEY,
    ImportRequest,
    discard_unfinished_imports,
    import_chat,
)
from app.chat_export.parser import scan_export
from app.db import Database
from app.errors import ErrorCode, InvalidInput, NameParams
from app.models import Contact, Media, Message
from app.search import search_messages
from app.settings import get_setting
from tests.support.chat_exports import JPEG, LAYOUTS, Line, render, shop_chat, write_txt, write_zip
from tests.support.factories import make_contact, make_message

SEOUL_START = datetime(2024, 1, 5, 15, 41, 22)
PHOTO = "IMG-20240105-WA0001.jpg"


def korean_export(tmp_path: Path, *, name: str = "chat.zip", customer: str = "김민지") -> Path:
    layout = LAYOUTS["android-ko"]
    text = render(layout, shop_chat(layout, customer, "서울 리넨", SEOUL_START, photo=PHOTO))
    return write_zip(tmp_path / name, f"WhatsApp Chat with {customer}.txt", text, {PHOTO: JPEG})


def request(path: Path, **kw: object) -> ImportRequest:
    kw.setdefault("shop_participant", "서울 리넨")
    kw.setdefault("time_zone", "Asia/Seoul")
    return ImportRequest(path=path, **kw)  # type: ignore[arg-type]


def messages(db: Database, contact_id: int | None = None) -> list[Message]:
    with db.read() as s:
        stmt = select(Message).order_by(Message.sent_at, Message.id)
        if contact_id is not None:
            stmt = stmt.where(Message.contact_id == contact_id)
        rows = list(s.scalars(stmt))
        s.expunge_all()  # keep the loaded values after the read session ends
        return rows


def counts(db: Database) -> tuple[int, int, int]:
    with db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(Contact)) or 0,
            s.scalar(select(func.count()).select_from(Message)) or 0,
            s.scalar(select(func.count()).select_from(Media)) or 0,
        )


def test_a_korean_export_becomes_a_searchable_read_chat_in_utc(db: Database, tmp_path: Path) -> None:
    media_dir = tmp_path / "media"
    summary = import_chat(db, media_dir, request(korean_export(tmp_path)))

    assert summary.added == 7 and summary.notices_skipped == 1 and summary.media_copied == 1
    rows = messages(db)
    assert all(m.imported and not m.unread for m in rows)
    # 15:41 in Seoul (UTC+9) is 06:41 UTC; Android exports have no seconds.
    assert rows[0].sent_at == datetime(2024, 1, 5, 6, 41, tzinfo=UTC)
    assert [m.direction for m in rows[:3]] == ["in", "out", "in"]
    assert rows[1].sent_by == "phone_app"
    with db.read() as s:
        contact = s.get(Contact, summary.contact_id)
        assert contact is not None
        assert contact.display_name == "김민지"
        assert contact.unread_count == 0
        assert contact.last_message_at == datetime(2024, 1, 25, 8, 41, tzinfo=UTC)
        assert [h.message_id for h in search_messages(s, "감사")] == [rows[-1].id]
        media = s.scalars(select(Media)).one()
        s.expunge(media)
    assert media.filename == PHOTO and media.mime == "image/jpeg"
    stored = media_dir / (media.cache_path or "")
    assert stored.read_bytes() == JPEG
    assert stored.resolve().is_relative_to(media_dir.resolve())


def test_importing_the_same_export_twice_adds_nothing(db: Database, tmp_path: Path) -> None:
    path = korean_export(tmp_path)
    first = import_chat(db, tmp_path / "media", request(path))
    again = import_chat(db, tmp_path / "media", request(path))
    assert again.added == 0 and again.already_there == first.added
    assert counts(db) == (1, 7, 1)
    assert len(list((tmp_path / "media").rglob("*.jpg"))) == 1


def test_an_older_export_after_a_newer_one_fills_only_what_is_missing(db: Database, tmp_path: Path) -> None:
    layout = LAYOUTS["ios-en-uk"]
    t = datetime(2024, 3, 1, 10, 0, 0)
    full = [Line(t + timedelta(minutes=i), "Ana" if i % 2 else "Shop", f"message {i}") for i in range(10)]
    # The newer export no longer has the first three messages (cleared on the phone); the older
    # one stops before the last four.
    newer = write_txt(tmp_path / "newer.txt", render(layout, full[3:]))
    older = write_txt(tmp_path / "older.txt", render(layout, full[:6]))
    first = import_chat(
        db, tmp_path / "media", request(newer, shop_participant="Shop", time_zone="Europe/London")
    )
    summary = import_chat(
        db,
        tmp_path / "media",
        request(older, shop_participant="Shop", time_zone="Europe/London", contact_id=first.contact_id),
    )
    assert (summary.added, summary.already_there) == (3, 3)
    assert [m.body for m in messages(db)] == [f"message {i}" for i in range(10)]


def test_repeated_identical_messages_in_one_minute_are_all_kept(db: Database, tmp_path: Path) -> None:
    content = "".join("13/01/2024, 10:00 - Ana: ok\n" for _ in range(3)) + "13/01/2024, 10:01 - Shop: ok\n"
    path = write_txt(tmp_path / "chat.txt", content)
    import_chat(db, tmp_path / "media", request(path, shop_participant="Shop"))
    import_chat(db, tmp_path / "media", request(path, shop_participant="Shop"))
    assert [(m.direction, m.body) for m in messages(db)] == [("in", "ok")] * 3 + [("out", "ok")]


def test_a_longer_export_of_the_same_chat_adds_only_its_new_lines(db: Database, tmp_path: Path) -> None:
    content = "".join("13/01/2024, 10:00 - Ana: ok\n" for _ in range(3)) + "13/01/2024, 10:01 - Shop: ok\n"
    first = import_chat(
        db, tmp_path / "media", request(write_txt(tmp_path / "a.txt", content), shop_participant="Shop")
    )
    longer = write_txt(tmp_path / "b.txt", content + "13/01/2024, 10:02 - Ana: thanks\n")
    summary = import_chat(
        db, tmp_path / "media", request(longer, shop_participant="Shop", contact_id=first.contact_id)
    )
    assert (summary.added, summary.already_there) == (1, 4)
    assert [m.body for m in messages(db)] == ["ok"] * 4 + ["thanks"]


def test_reimporting_an_export_restores_messages_deleted_since(db: Database, tmp_path: Path) -> None:
    path = korean_export(tmp_path)
    first = import_chat(db, tmp_path / "media", request(path))
    gone = messages(db)[2]
    with db.write() as s:
        s.delete(s.get(Message, gone.id))
    again = import_chat(db, tmp_path / "media", request(path, contact_id=first.contact_id))
    assert (again.added, again.already_there) == (1, 6)
    restored = [m for m in messages(db) if m.body == gone.body]
    assert len(restored) == 1
    with db.read() as s:
        assert restored[0].id in [h.message_id for h in search_messages(s, gone.body[:3])]


def test_an_older_export_leaves_the_chats_newest_message_and_unread_count(
    db: Database, tmp_path: Path
) -> None:
    with db.write() as s:
        contact = make_contact(s, wa_id="821012345678", profile_name="Minji")
        live = make_message(s, contact, "Still there?", sent_at=datetime(2024, 2, 1, 1, 0, tzinfo=UTC))
        contact_id, live_id = contact.id, live.id
    content = "13/01/2024, 10:04 - +82 10-1234-5678: hello\n13/01/2024, 10:07 - Shop: Hi!\n"
    summary = import_chat(
        db, tmp_path / "media", request(write_txt(tmp_path / "c.txt", content), shop_participant="Shop")
    )
    assert summary.contact_id == contact_id and summary.added == 2
    with db.read() as s:
        chat = s.get(Contact, contact_id)
        assert chat is not None
        assert (chat.last_message_id, chat.unread_count) == (live_id, 1)
    newer = "01/03/2024, 09:00 - +82 10-1234-5678: new order\n01/03/2024, 09:00 - Shop: thanks\n"
    import_chat(
        db, tmp_path / "media", request(write_txt(tmp_path / "d.txt", newer), shop_participant="Shop")
    )
    with db.read() as s:
        chat = s.get(Contact, contact_id)
        assert chat is not None
        # The later of two lines of the same minute is the chat's last message, as the trigger does it.
        assert s.get(Message, chat.last_message_id).body == "thanks"  # type: ignore[union-attr]
        assert chat.unread_count == 1


def test_live_messages_from_the_relay_merge_by_time_without_duplicates(db: Database, tmp_path: Path) -> None:
    with db.write() as s:
        contact = make_contact(s, wa_id="821012345678", profile_name="Minji")
        # The relay already delivered the customer's question (with seconds), unread.
        live = make_message(
            s, contact, "Do you ship to Busan?", sent_at=datetime(2024, 1, 13, 1, 5, 41, tzinfo=UTC)
        )
        contact_id = contact.id
    content = (
        "13/01/2024, 10:04 - +82 10-1234-5678: hello\n"
        "13/01/2024, 10:05 - +82 10-1234-5678: Do you ship to Busan?\n"
        "13/01/2024, 10:07 - Shop: Yes, 3,000 won\n"
    )
    path = write_txt(tmp_path / "chat.txt", content)
    summary = import_chat(db, tmp_path / "media", request(path, shop_participant="Shop"))
    assert summary.contact_id == contact_id  # matched by phone number
    assert summary.added == 2 and summary.already_there == 1
    rows = messages(db, contact_id)
    assert [m.body for m in rows] == ["hello", "Do you ship to Busan?", "Yes, 3,000 won"]
    assert rows[1].id == live.id and not rows[1].imported


def test_a_live_photo_and_the_exports_media_placeholder_are_one_message(db: Database, tmp_path: Path) -> None:
    with db.write() as s:
        contact = make_contact(s, wa_id="821055556666", profile_name="Jun")
        make_message(s, contact, "", kind="image", sent_at=datetime(2024, 1, 13, 1, 5, 10, tzinfo=UTC))
    path = write_txt(tmp_path / "chat.txt", "13/01/2024, 10:05 - +82 10-5555-6666: <Media omitted>\n")
    summary = import_chat(db, tmp_path / "media", request(path, shop_participant="Shop"))
    assert summary.added == 0 and summary.already_there == 1


def test_the_same_chat_saved_with_media_then_without_adds_nothing(db: Database, tmp_path: Path) -> None:
    """The phone's "Without media" export of a chat imported with media: its photos' placeholders and
    captions are the photos already there, not new text messages starting with "<미디어 없음>"."""
    from app.conversation_rows import OMITTED_KIND
    from app.queries import conversations_by_id

    lines = (
        "2025. 3. 7. 오후 7:45 - 박서연: 옷 너무 예뻐요 ❤️\n"
        "2025. 3. 7. 오후 7:46 - 박서연: {photo}\n착샷이에요 ㅋㅋ\n"
    )
    with_media = write_zip(
        tmp_path / "with.zip",
        "WhatsApp Chat with 박서연.txt",
        lines.format(photo=f"{PHOTO} (파일 첨부됨)"),
        {PHOTO: JPEG},
    )
    without = write_txt(tmp_path / "without.txt", lines.format(photo="<미디어 없음>"))
    first = import_chat(db, tmp_path / "media", request(with_media, shop_participant="민지네 옷가게"))
    again = import_chat(
        db,
        tmp_path / "media",
        request(without, shop_participant="민지네 옷가게", contact_id=first.contact_id),
    )
    assert (first.added, again.added, again.already_there) == (2, 0, 2)
    assert [m.body for m in messages(db)] == ["옷 너무 예뻐요 ❤️", "착샷이에요 ㅋㅋ"]

    # Imported alone, the left-out photo is the chat's last message: the list says its caption.
    other = import_chat(
        db, tmp_path / "media2", request(without, shop_participant="민지네 옷가게", new_contact=True)
    )
    with db.read() as s:
        [row] = conversations_by_id(s, [other.contact_id])
    assert (row.last_kind, row.last_body) == (OMITTED_KIND, "착샷이에요 ㅋㅋ")


def test_a_chat_is_recognised_by_its_opening_messages_only_when_they_say_enough(db: Database) -> None:
    """ "네" and "감사합니다" are in every shop's chats: they never decide whose chat an export is."""
    from app.chat_export.contacts import contact_holding
    from app.chat_export.errors import ContactChoice

    with db.write() as s:
        minji = make_contact(s, profile_name="김민지")
        for body in ("네", "감사합니다", "린넨 셔츠 M 있나요?", "네 있어요~ 39,000원입니다"):
            make_message(s, minji, body)
        other = make_contact(s, saved_name="김민지", wa_id="821055501234")
        for body in ("네", "감사합니다"):
            make_message(s, other, body)
        choices = [ContactChoice(minji.id, "김민지", None), ContactChoice(other.id, "김민지", other.wa_id)]
        assert (
            contact_holding(s, choices, ["린넨 셔츠 M 있나요?", "네 있어요~ 39,000원입니다", "네"])
            == minji.id
        )
        assert contact_holding(s, choices, ["네", "감사합니다"]) is None  # both chats have them
        assert contact_holding(s, choices[:1], ["네", "감사합니다"]) is None  # too little to tell
        assert (
            contact_holding(s, choices, ["린넨 셔츠 M 있나요?", "오늘 보내주세요"]) is None
        )  # not all there


def test_a_customer_known_only_by_number_is_named_as_whatsapp_names_one(db: Database, tmp_path: Path) -> None:
    """A chat exported from a customer the phone had not saved: the list, the search and the chat said
    "+821055551234", digits no one reads, where the phone itself wrote "+82 10-5555-1234"."""
    from app.contact_details import contact_details
    from app.queries import conversations_by_id
    from app.search import search_contacts

    path = write_txt(
        tmp_path / "WhatsApp Chat with +82 10-5555-1234.txt",
        "2025. 2. 14. 09:03 - +82 10-5555-1234: 니트 가디건 베이지 재입고 언제 되나요?\n"
        "2025. 2. 14. 09:30 - 민지네 옷가게: 다음주 화요일 입고 예정이에요!\n",
    )
    summary = import_chat(db, tmp_path / "media", request(path, shop_participant="민지네 옷가게"))
    with db.read() as s:
        [row] = conversations_by_id(s, [summary.contact_id])
        [hit] = search_messages(s, "가디건")
        [found] = search_contacts(s, "010-5555-1234")
        details = contact_details(s, summary.contact_id)
    assert details is not None and details.wa_id == "821055551234"
    assert row.display_name == hit.contact_name == found.display_name == "+82 10-5555-1234"
    assert details.display_name == "+82 10-5555-1234"  # the contact panel's name


def test_the_time_zone_a_chat_is_already_in_is_read_from_its_messages(db: Database) -> None:
    """A message the relay brought at 01:05:41 UTC that the export writes at 10:05: nine hours ahead,
    Seoul's time (seconds aside: Android writes none)."""
    from app.chat_export.contacts import offset_in_chat

    with db.write() as s:
        contact = make_contact(s, wa_id="821012345678", profile_name="Minji")
        make_message(s, contact, "Do you ship to Busan?", sent_at=datetime(2024, 1, 13, 1, 5, 41, tzinfo=UTC))
        local = datetime(2024, 1, 13, 10, 5)
        assert offset_in_chat(s, contact.id, [(local, "hello"), (local, "Do you ship to Busan?")]) == 540
        assert offset_in_chat(s, contact.id, [(local, "hello")]) is None


def test_a_name_shared_by_two_contacts_asks_the_owner_to_choose(db: Database, tmp_path: Path) -> None:
    with db.write() as s:
        a = make_contact(s, profile_name="김민지")
        make_contact(s, saved_name="김민지")
        a_id = a.id
    path = korean_export(tmp_path)
    with pytest.raises(AmbiguousContact) as caught:
        import_chat(db, tmp_path / "media", request(path))
    assert len(caught.value.choices) == 2
    assert counts(db)[1] == 0
    summary = import_chat(db, tmp_path / "media", request(path, contact_id=a_id))
    assert summary.contact_id == a_id


def test_a_single_contact_with_the_name_is_not_taken_for_the_customer(db: Database, tmp_path: Path) -> None:
    # A different 김민지 is a different person: an import the owner did not point at a contact
    # (the preview always does) asks, as the preview does, and writes nothing.
    with db.write() as s:
        existing = make_contact(s, saved_name="김민지")
        make_message(s, existing, "다른 김민지의 주문", sent_at=datetime(2024, 2, 1, 3, 0, tzinfo=UTC))
        existing_id = existing.id
    path = korean_export(tmp_path)
    with pytest.raises(AmbiguousContact) as caught:
        import_chat(db, tmp_path / "media", request(path))
    assert [c.contact_id for c in caught.value.choices] == [existing_id]
    assert [m.body for m in messages(db)] == ["다른 김민지의 주문"]
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Contact)) == 1
    # Told "a new contact", the chat gets its own; the other 김민지's chat is left as it was.
    summary = import_chat(db, tmp_path / "media", request(path, new_contact=True))
    assert summary.contact_id != existing_id and summary.added > 0
    assert [m.body for m in messages(db, existing_id)] == ["다른 김민지의 주문"]


def test_a_phone_number_given_for_a_named_participant_files_the_chat_under_it(
    db: Database, tmp_path: Path
) -> None:
    summary = import_chat(db, tmp_path / "media", request(korean_export(tmp_path), phone="010-2222-3333"))
    with db.read() as s:
        contact = s.get(Contact, summary.contact_id)
        assert contact is not None and contact.wa_id == "821022223333" and contact.profile_name == "김민지"


def test_cancel_leaves_nothing_half_imported(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.chat_export.importer as importer

    monkeypatch.setattr(importer, "BATCH_ROWS", 5)
    layout = LAYOUTS["android-en-uk"]
    t = datetime(2024, 1, 13, 9, 0)
    lines = [Line(t + timedelta(minutes=i), "Ana", f"line {i}") for i in range(60)]
    path = write_zip(tmp_path / "chat.zip", "WhatsApp Chat with Ana.txt", render(layout, lines)
                     + "13/01/2024, 11:00 - Ana: IMG-1.jpg (file attached)\n", {"IMG-1.jpg": JPEG})  # fmt: skip
    cancel = threading.Event()
    seen: list[int] = []
    pace = (gc.get_threshold(), sys.getswitchinterval())

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if len(seen) == 3:
            assert counts(db)[1] > 0  # rows were written before the cancel…
            # The process runs at an import's pace meanwhile (collector held back, quick GIL hand-offs)…
            assert (gc.get_threshold(), sys.getswitchinterval()) != pace
            cancel.set()

    with pytest.raises(ImportCancelled):
        import_chat(
            db, tmp_path / "media", request(path, shop_participant="Shop"), progress=progress, cancel=cancel
        )
    assert counts(db) == (0, 0, 0)  # …and are gone, with the contact it created
    assert (gc.get_threshold(), sys.getswitchinterval()) == pace  # …and at its own pace again
    assert not list((tmp_path / "media").rglob("*.jpg"))
    with db.read() as s:
        assert get_setting(s, UNFINISHED_KEY) == {}


def test_an_import_interrupted_by_a_crash_is_removed_later(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.chat_export.importer as importer

    monkeypatch.setattr(importer, "BATCH_ROWS", 3)
    lines = [Line(datetime(2024, 1, 13, 9, i), "Ana", f"line {i}") for i in range(20)]
    path = write_txt(tmp_path / "chat.txt", render(LAYOUTS["android-en-uk"], lines))

    def crash(done: int, total: int) -> None:
        raise KeyboardInterrupt  # stands in for the process dying: no clean-up code of ours runs…

    monkeypatch.setattr(importer, "_delete_import_rows", lambda db, iid, after: 0)
    monkeypatch.setattr(importer, "_forget", lambda db, iid, c: None)
    with pytest.raises(KeyboardInterrupt):
        import_chat(db, tmp_path / "media", request(path, shop_participant="Shop"), progress=crash)
    left = counts(db)[1]
    assert left in (3, 6)  # the batch shown, and the one the writer thread had begun beside it
    monkeypatch.undo()
    # …and the next start of an import (or the app) clears the leftovers.
    assert discard_unfinished_imports(db) == left
    assert counts(db) == (0, 0, 0)


def test_an_error_while_writing_a_later_batch_reaches_the_caller_and_the_import_is_removed(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3
    import sys

    import app.chat_export.importer as importer

    monkeypatch.setattr(importer, "BATCH_ROWS", 3)
    lines = [Line(datetime(2024, 1, 13, 9, i), "Ana", f"line {i}") for i in range(20)]
    path = write_txt(tmp_path / "chat.txt", render(LAYOUTS["android-en-uk"], lines))
    # A real SQLite error in the writer thread, in the fourth batch, after three were committed.
    with db.write() as s:
        s.execute(text("CREATE TRIGGER refuse BEFORE INSERT ON message WHEN NEW.body = 'line 10' "
                       "BEGIN SELECT RAISE(ABORT, 'disk said no'); END"))  # fmt: skip
    interval = sys.getswitchinterval()
    written: list[int] = []
    with pytest.raises(sqlite3.IntegrityError, match="disk said no"):
        import_chat(
            db,
            tmp_path / "media",
            request(path, shop_participant="Shop"),
            progress=lambda d, t: written.append(d),
        )
    assert written  # the batches before it were written and shown…
    assert counts(db) == (0, 0, 0)  # …and removed with the contact, as after a cancel
    assert not [t for t in threading.enumerate() if t.name == "chat-import-writer"]
    assert sys.getswitchinterval() == interval
    with db.read() as s:
        assert get_setting(s, UNFINISHED_KEY) == {}


@pytest.mark.parametrize("bad", ["corrupt.zip", "binary.txt"])
def test_unreadable_files_are_refused_and_nothing_is_written(db: Database, tmp_path: Path, bad: str) -> None:
    path = tmp_path / bad
    if bad.endswith(".zip"):
        path.write_bytes(korean_export(tmp_path).read_bytes()[:200])
    else:
        path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(NotAChatExport):
        import_chat(db, tmp_path / "media", request(path))
    assert counts(db) == (0, 0, 0)


def test_media_names_from_the_zip_cannot_leave_the_media_folder(db: Database, tmp_path: Path) -> None:
    evil = "../../..\\evil<>.jpg"
    content = f"13/01/2024, 10:00 - Ana: {evil} (file attached)\n"
    path = write_zip(tmp_path / "chat.zip", "WhatsApp Chat with Ana.txt", content, {"../../evil<>.jpg": JPEG})
    media_dir = tmp_path / "data" / "media"
    summary = import_chat(db, media_dir, request(path, shop_participant="Shop"))
    assert summary.media_copied == 1
    files = [p for p in tmp_path.rglob("*evil*") if p.is_file()]
    assert len(files) == 1 and files[0].resolve().is_relative_to(media_dir.resolve())
    assert "<" not in files[0].name and ".." not in files[0].name


def test_a_group_chat_with_a_shop_that_is_not_in_it_is_refused_before_anything_is_written(
    db: Database, tmp_path: Path
) -> None:
    content = "13/01/2024, 10:00 - Ana: hi\n13/01/2024, 10:01 - Bo: hey\n13/01/2024, 10:02 - Cy: hello all\n"
    with pytest.raises(InvalidInput) as refused:
        import_chat(
            db, tmp_path / "media", request(write_txt(tmp_path / "g.txt", content), shop_participant="Shop")
        )
    assert (refused.value.code, refused.value.params) == (
        ErrorCode.CHAT_NOT_A_PARTICIPANT,
        NameParams("Shop"),
    )
    assert counts(db) == (0, 0, 0)


def test_the_summary_lists_lines_that_could_not_be_read(db: Database, tmp_path: Path) -> None:
    content = (
        "13/01/2024, 10:00 - Ana: hi\n13/13/2024, 10:01 - broken date\n13/01/2024, 10:02 - Shop: hello\n"
    )
    summary = import_chat(
        db, tmp_path / "media", request(write_txt(tmp_path / "c.txt", content), shop_participant="Shop")
    )
    assert summary.unreadable_count == 1 and summary.unreadable[0].text.startswith("13/13/2024")
    assert [m.body for m in messages(db)] == ["hi", "hello"]


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_every_phone_layout_imports_with_its_photo_and_local_times(
    db: Database, tmp_path: Path, name: str
) -> None:
    layout = LAYOUTS[name]
    photo = "00000012-PHOTO-2024-01-05-15-45-22.jpg" if layout.ios else PHOTO
    text = render(
        layout, shop_chat(layout, "Minji", "Seoul Linen", datetime(2024, 1, 5, 15, 41, 22), photo=photo)
    )
    path = write_zip(
        tmp_path / "chat.zip",
        "_chat.txt" if layout.ios else "WhatsApp Chat with Minji.txt",
        text,
        {photo: JPEG},
    )
    summary = import_chat(
        db, tmp_path / "media", request(path, shop_participant="Seoul Linen", time_zone="Europe/Berlin")
    )
    assert (summary.added, summary.media_copied, summary.unreadable_count) == (7, 1, 0)
    rows = messages(db)
    # 15:41 in Berlin in January (UTC+1) is 14:41 UTC.
    assert rows[0].sent_at.replace(second=0) == datetime(2024, 1, 5, 14, 41, tzinfo=UTC)
    assert [m.direction for m in rows] == ["in", "out", "in", "in", "in", "out", "in"]
    assert rows[2].kind in ("text", "image") and (rows[2].payload or {})["import"].get("omitted") is True
    assert rows[3].kind == "image" and rows[3].body == "this colour please"
    assert (rows[4].payload or {})["import"].get("deleted") is True
    assert rows[5].body == "Order confirmed" and (rows[5].payload or {})["import"].get("edited") is True


def test_a_chat_whose_last_message_the_export_left_out_says_so_in_the_chat_list(
    db: Database, tmp_path: Path
) -> None:
    """The list showed the phone's placeholder ("<미디어 없음>") where the chat says what it means."""
    from app.conversation_rows import OMITTED_KIND
    from app.queries import conversations_by_id

    path = write_txt(
        tmp_path / "chat.txt",
        "13/01/2024, 10:04 - +82 10-5555-6666: Here is the photo\n"
        "13/01/2024, 10:05 - +82 10-5555-6666: <Media omitted>\n",
    )
    summary = import_chat(db, tmp_path / "media", request(path, shop_participant="Shop"))
    with db.read() as s:
        [row] = conversations_by_id(s, [summary.contact_id])
    assert (row.last_kind, row.last_body) == (OMITTED_KIND, "")


@pytest.mark.parametrize(
    ("head", "unreadable"),
    [
        (
            "2024. 3. 8. 오후 2:15 - 메시지와 통화는 엔드투엔드 암호화됩니다. 채팅 외부의 그 누구도 읽을 수 없습니다.\n",
            0,
        ),
        ("어제 보낸 사진이에요\n", 1),  # text before the first message
        ("2024. 3. 8. 오후 13:05 - 민지: 12시간제에 없는 시각\n이어지는 줄\n", 2),
        ("2024. 2. 30. 오후 2:17 - 민지: 없는 날짜\n", 1),
        ("2024. 2. 30. 오후 2:17 - 지나가던 사람: 아무도 읽을 수 없는 날짜\n", 1),
    ],
    ids=["korean notice", "text before", "no such hour", "no such day", "unread writer"],
)
def test_the_preview_counts_what_the_import_adds_and_what_it_cannot_read(
    db: Database, tmp_path: Path, head: str, unreadable: int
) -> None:
    body = (
        "2024. 3. 8. 오후 2:16 - 민지: 토너 있나요?\n"
        "2024. 3. 8. 오후 2:18 - 서울 리넨: 네 있어요\n"
        "2024. 3. 8. 오후 2:19 - 민지: 주문할게요\n"
    )
    path = write_txt(tmp_path / "WhatsApp 민지 채팅.txt", head + body)
    preview = scan_export(path)
    summary = import_chat(db, tmp_path / "media", request(path), preview=preview)
    assert preview.to_import == summary.added == 3
    assert preview.unreadable_lines == summary.unreadable_lines == unreadable
    # Each person's count is of the messages imported: a line that cannot be read is no one's
    # (nor does its writer make the chat a group).
    assert dict(preview.participants) == {"민지": 2, "서울 리넨": 1}
    assert preview.message_count == 3 and not preview.is_group
