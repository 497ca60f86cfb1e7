"""The import dialog: a preview before anything is written, progress with cancel, and a summary."""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

import ui.import_dialog as import_dialog_module
from app.db import Database
from app.models import Contact, Message
from tests.support.chat_exports import JPEG, LAYOUTS, Line, render, shop_chat, write_txt, write_zip
from tests.support.factories import make_contact
from tests.support.window_waits import laid_out
from ui.import_dialog import ImportDialog, open_import

PHOTO = "IMG-20240105-WA0001.jpg"


def korean_zip(tmp_path: Path) -> Path:
    layout = LAYOUTS["android-ko"]
    text = render(layout, shop_chat(layout, "김민지", "서울 리넨", datetime(2024, 1, 5, 15, 41), photo=PHOTO))
    return write_zip(
        tmp_path / "WhatsApp Chat with 김민지.zip", "WhatsApp Chat with 김민지.txt", text, {PHOTO: JPEG}
    )


def message_count(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Message)) or 0)


def test_the_preview_describes_the_export_and_writes_nothing(
    open_dialog: Any, ctx: Any, tmp_path: Path
) -> None:
    dialog = open_dialog(korean_zip(tmp_path))
    assert "Android" in dialog.format_label.text() and "Korean" in dialog.format_label.text()
    assert "1 of 1 attached files" in dialog.format_label.text()
    assert "김민지 (5 messages)" in dialog.participants_label.text()
    assert dialog.range_label.text() == "1/5/2024 – 1/25/2024"  # the app's short dates, not ISO
    assert dialog.count_label.text().startswith("7 messages")
    first = dialog.first_lines.toPlainText().splitlines()
    assert first[0].endswith("김민지: 안녕하세요! Is the linen shirt still available?")
    # A photo is said as one, with its caption: not the phone's file name for it.
    assert first[3].endswith("김민지: [Photo] this colour please")
    # The chat is named after the customer, so the other participant is preselected as the shop.
    assert dialog.shop_combo.currentText() == "서울 리넨"
    assert dialog.customer_label.text() == "김민지"
    assert dialog.contact_combo.currentData() == import_dialog_module.NEW_CONTACT
    assert dialog.import_button.isEnabled()
    assert message_count(ctx.db) == 0


def test_an_arabic_participant_keeps_the_count_beside_her_name(open_dialog: Any, tmp_path: Path) -> None:
    """ "محمد العلي (5 messages)" was read "(5 محمد العلي messages)": the name's right-to-left run
    took the bracket and the number. Each name is isolated in the sentence."""
    layout = LAYOUTS["android-ko"]
    text = render(
        layout, shop_chat(layout, "محمد العلي", "서울 리넨", datetime(2024, 1, 5, 15, 41), photo=PHOTO)
    )
    dialog = open_dialog(write_txt(tmp_path / "WhatsApp Chat with محمد العلي.txt", text))
    shown = dialog.participants_label.text()
    assert "\u2068محمد العلي\u2069 (5 messages)" in shown
    assert "서울 리넨 (2 messages)" in shown  # a name that turns nothing is left as it is


def test_a_zip_exported_without_media_is_described_without_counting_zeros(
    open_dialog: Any, tmp_path: Path
) -> None:
    layout = LAYOUTS["android-ko"]
    text = render(layout, shop_chat(layout, "김민지", "서울 리넨", datetime(2024, 1, 5, 15, 41), photo=PHOTO))
    dialog = open_dialog(write_zip(tmp_path / "chat.zip", "WhatsApp Chat with 김민지.txt", text, {}))
    assert dialog.format_label.text().endswith(" · zip without attached files")
    assert " 0 " not in dialog.format_label.text()


def test_an_export_named_in_another_language_still_picks_the_other_side_as_the_shop(
    open_dialog: Any, tmp_path: Path
) -> None:
    """The customer writes most here, and the file's name wraps theirs in other words."""
    layout = LAYOUTS["android-ko"]
    text = render(layout, shop_chat(layout, "김민지", "서울 리넨", datetime(2024, 1, 5, 15, 41), photo=PHOTO))
    dialog = open_dialog(write_txt(tmp_path / "김민지님과의 WhatsApp 대화.txt", text))
    assert dialog.shop_combo.currentText() == "서울 리넨"
    assert dialog.customer_label.text() == "김민지"


def test_an_export_renamed_since_picks_whoever_did_not_write_first_as_the_shop(
    open_dialog: Any, tmp_path: Path
) -> None:
    """chat1.txt names nobody: the customer, who wrote to the shop first, preselected as the shop
    before (the first participant), and every message would have been filed the wrong way round."""
    layout = LAYOUTS["android-ko"]
    text = render(layout, shop_chat(layout, "김민지", "서울 리넨", datetime(2024, 1, 5, 15, 41), photo=PHOTO))
    dialog = open_dialog(write_txt(tmp_path / "chat1.txt", text))
    assert dialog.shop_combo.currentText() == "서울 리넨"
    assert dialog.customer_label.text() == "김민지"


def test_import_shows_progress_then_a_summary(open_dialog: Any, qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    dialog = open_dialog(korean_zip(tmp_path))
    dialog.zone_combo.setCurrentText("Asia/Seoul")
    with qtbot.waitSignal(dialog.imported, timeout=10000) as signal:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 2
    assert dialog.summary_label.text().startswith("7 messages added.\nPhotos and files copied: 1")
    assert "already" not in dialog.summary_label.text()  # none were: nothing to say
    assert "Photos and files copied: 1; not in the export: 0." in dialog.summary_label.text()
    assert dialog.close_button.isVisible() and not dialog.import_button.isVisible()
    assert message_count(ctx.db) == 7
    with ctx.db.read() as s:
        contact = s.get(Contact, signal.args[0])
        assert contact is not None and contact.display_name == "김민지"
    assert any((ctx.paths.media_dir).rglob("*.jpg"))

    (tmp_path / "again").mkdir()
    again = open_dialog(korean_zip(tmp_path / "again"))  # the same export imported twice
    # The chat's 김민지 is known by name only, but her chat already has these messages: chosen.
    assert again.contact_combo.currentText() == "Existing contact: 김민지" and again.import_button.isEnabled()
    again.zone_combo.setCurrentText("Asia/Seoul")
    with qtbot.waitSignal(again.imported, timeout=10000):
        qtbot.mouseClick(again.import_button, Qt.MouseButton.LeftButton)
    assert again.summary_label.text().startswith(
        "No new messages to add.\n7 were already in Shop Inbox (skipped as duplicates)."
    )
    assert message_count(ctx.db) == 7


def test_cancel_during_import_leaves_nothing(
    open_dialog: Any,
    qtbot: Any,
    ctx: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    import app.chat_export.importer as importer

    monkeypatch.setattr(importer, "BATCH_ROWS", 10)
    lines = [Line(datetime(2024, 1, 13, 9, 0) + timedelta(minutes=i), "Ana", f"line {i}") for i in range(200)]
    path = write_txt(tmp_path / "WhatsApp Chat with Ana.txt", render(LAYOUTS["android-en-uk"], lines))
    dialog = open_dialog(path)
    real_import = import_dialog_module.import_chat
    first_batch_written = threading.Event()

    def held_import(*args: Any, **kwargs: Any) -> Any:
        report = kwargs["progress"]

        def progress(done: int, total: int) -> None:
            report(done, total)
            first_batch_written.set()
            # The worker waits for the owner's cancel (a real event, bounded), like a slow disk would.
            kwargs["cancel"].wait(10)

        return real_import(*args, **{**kwargs, "progress": progress})

    monkeypatch.setattr(import_dialog_module, "import_chat", held_import)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert first_batch_written.wait(10)
    assert message_count(ctx.db) > 0
    qtbot.waitUntil(lambda: dialog.progress.value() > 0)
    assert "Importing…" in dialog.progress_label.text()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # stays open until the clean-up is done
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=10000)
    assert dialog.summary_label.text() == "The import was cancelled. Nothing was added."
    assert message_count(ctx.db) == 0
    # A cancel the owner asked for is no failure: nothing in the log to alarm whoever reads it.
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING and r.name == "ui.ops"]


def test_a_damaged_file_gets_a_sentence_and_no_import_button(
    open_dialog: Any, ctx: Any, tmp_path: Path
) -> None:
    path = tmp_path / "chat.zip"
    path.write_bytes(korean_zip(tmp_path).read_bytes()[:300])
    dialog = open_dialog(path)
    assert dialog.status.text() == "chat.zip is damaged. Export the chat from the phone again."
    assert not dialog.import_button.isVisible() and dialog.close_button.isVisible()
    assert message_count(ctx.db) == 0


def test_a_korean_owner_reads_why_a_file_is_not_a_chat_in_korean(
    open_dialog: Any, korean: None, tmp_path: Path
) -> None:
    dialog = open_dialog(write_txt(tmp_path / "notes.txt", "shopping list\nmilk\neggs\n" * 100))
    assert dialog.status.text().startswith("notes.txt에 WhatsApp 채팅 줄")


def test_two_contacts_with_the_customers_name_must_be_chosen_between(
    open_dialog: Any, ctx: Any, tmp_path: Path
) -> None:
    with ctx.db.write() as s:
        make_contact(s, profile_name="김민지", wa_id="821011112222")
        make_contact(s, saved_name="김민지", wa_id="821033334444")
    dialog = open_dialog(korean_zip(tmp_path))
    assert dialog.contact_combo.currentText() == "Choose a contact…"
    assert not dialog.import_button.isEnabled()
    labels = [dialog.contact_combo.itemText(i) for i in range(dialog.contact_combo.count())]
    assert any("010-3333-4444" in label for label in labels)  # the number as the app writes it
    dialog.contact_combo.setCurrentIndex(2)
    assert dialog.import_button.isEnabled()
    assert dialog.request().contact_id is not None


def test_one_contact_with_the_customers_name_is_offered_but_never_chosen_for_the_owner(
    open_dialog: Any, qtbot: Any, ctx: Any, tmp_path: Path
) -> None:
    """Another customer who happens to be called 김민지 was preselected: one press of Import filed
    two years of this 김민지's chat under hers, with no way to take it apart."""
    with ctx.db.write() as s:
        other_id = make_contact(s, saved_name="김민지", wa_id="821055501234").id
    dialog = open_dialog(korean_zip(tmp_path))
    assert dialog.contact_combo.currentText() == "Choose a contact…"
    assert not dialog.import_button.isEnabled()
    labels = [dialog.contact_combo.itemText(i) for i in range(dialog.contact_combo.count())]
    assert labels[1:] == ["Existing contact: 김민지  010-5550-1234", "A new contact"]
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # nothing chosen: Enter imports nothing
    assert dialog.isVisible() and dialog.pages.currentIndex() == 0 and message_count(ctx.db) == 0
    dialog.start_import()  # however it is reached, nothing is imported before the owner chooses
    assert dialog.pages.currentIndex() == 0 and message_count(ctx.db) == 0
    assert dialog.status.text() == "Choose which contact this chat belongs to, or add it as a new contact."
    dialog.contact_combo.setCurrentIndex(2)
    dialog.zone_combo.setCurrentText("Asia/Seoul")
    with qtbot.waitSignal(dialog.imported, timeout=10000) as signal:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert signal.args[0] != other_id
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Message).where(Message.contact_id == other_id)) == 0


def test_the_same_chat_opened_again_is_added_to_the_contact_it_went_to_not_a_new_one(
    open_dialog: Any, qtbot: Any, ctx: Any, tmp_path: Path
) -> None:
    """Importing a chat twice asked "Choose a contact…" between the 김민지 made by the first import
    and "A new contact": the second choice doubled the chat. The contact whose chat already has
    the export's first messages is chosen; another 김민지 with other messages is not."""
    from app.chat_export.importer import ImportRequest, import_chat

    with ctx.db.write() as s:
        other = make_contact(s, saved_name="김민지", wa_id="821055501234")
        s.add(Message(contact_id=other.id, direction="in", kind="text", body="다른 김민지예요", status="received",
                      sent_at=datetime(2024, 1, 2, 1, 0, tzinfo=UTC)))  # fmt: skip
        other_id = other.id
    path = korean_zip(tmp_path)
    first = import_chat(
        ctx.db,
        ctx.paths.media_dir,
        ImportRequest(path=path, shop_participant="서울 리넨", time_zone="Asia/Seoul", new_contact=True),
    )
    dialog = open_dialog(path)
    assert dialog.contact_combo.currentText() == "Existing contact: 김민지"
    assert dialog.request().contact_id == first.contact_id != other_id
    assert dialog.status.text().startswith("You imported this chat before")
    # Imported in Seoul's time the first time: the zone is set so again (this computer's is UTC), or
    # every message would be added a second time nine hours off.
    assert dialog.zone_combo.zone() == "Asia/Seoul"
    assert "The time zone is set to match" in dialog.status.text()
    before = message_count(ctx.db)
    with qtbot.waitSignal(dialog.imported, timeout=10000) as signal:
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert signal.args[0] == first.contact_id and message_count(ctx.db) == before
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Contact)) == 2


def test_enter_imports_and_escape_cancels(open_dialog: Any, qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    """Enter in the preview pressed Cancel (the first button): the import was dropped without a word."""
    dialog = open_dialog(korean_zip(tmp_path))
    dialog.zone_combo.setCurrentText("Asia/Seoul")
    dialog.phone_edit.setFocus()
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        qtbot.keyClick(dialog.phone_edit, Qt.Key.Key_Return)
    assert message_count(ctx.db) == 7
    assert dialog.isVisible() and dialog.pages.currentIndex() == 2
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # the summary: Enter closes it
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Accepted

    (tmp_path / "again").mkdir()
    again = open_dialog(korean_zip(tmp_path / "again"))
    qtbot.keyClick(again, Qt.Key.Key_Escape)
    assert not again.isVisible() and again.result() == again.DialogCode.Rejected
    assert message_count(ctx.db) == 7


def test_a_customer_named_by_number_is_matched_to_the_contact_with_that_number(
    open_dialog: Any, ctx: Any, tmp_path: Path
) -> None:
    with ctx.db.write() as s:
        known_id = make_contact(s, saved_name="박서연", wa_id="821012345678").id
    content = (
        "13/01/2024, 10:04 - +82 10-1234-5678: hello\n"
        "13/01/2024, 10:05 - +82 10-1234-5678: Do you ship to Busan?\n"
        "13/01/2024, 10:07 - Shop: Yes, 3,000 won\n"
    )
    dialog = open_dialog(write_txt(tmp_path / "WhatsApp Chat with +82 10-1234-5678.txt", content))
    assert dialog.contact_combo.currentData() == known_id
    assert dialog.contact_combo.currentText() == "Existing contact: 박서연  010-1234-5678"
    assert dialog.phone_edit.text() == "010-1234-5678" and not dialog.phone_edit.isEnabled()
    assert dialog.import_button.isEnabled()


def test_open_import_with_a_dropped_file_shows_the_preview(
    qtbot: Any, ctx: Any, tmp_path: Path, dialogs: Any
) -> None:
    shown = dialogs.expect("modal")  # open(): modal, but the test goes on and closes it
    dialog = open_import(None, ctx, korean_zip(tmp_path))
    assert dialog is not None
    qtbot.waitUntil(lambda: bool(shown.shown), timeout=5000)
    assert shown.shown[0].widget == "ImportDialog"
    qtbot.waitUntil(lambda: dialog.scan is not None, timeout=5000)
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.destroyed, timeout=5000):  # closed dialogs free themselves
        dialog.reject()


def test_the_help_page_has_android_and_iphone_steps(qtbot: Any) -> None:
    from PySide6.QtWidgets import QLabel

    from ui.import_help import ImportHelpDialog

    help_dialog = ImportHelpDialog()
    qtbot.addWidget(help_dialog)
    text = "\n".join(label.text() for label in help_dialog.findChildren(QLabel))
    assert "Export chat" in text and "Export Chat" in text and "Import chat from phone" in text


def test_an_unknown_time_zone_is_asked_for_again(
    open_dialog: Any, qtbot: Any, ctx: Any, tmp_path: Path
) -> None:
    dialog = open_dialog(korean_zip(tmp_path))
    dialog.zone_combo.setCurrentText("Seoul time")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 0
    assert "time zone" in dialog.status.text()
    assert message_count(ctx.db) == 0


def test_the_summary_lists_unreadable_lines_and_open_chat_selects_the_chat(
    qtbot: Any, ctx: Any, window: Any, tmp_path: Path, dialogs: Any
) -> None:
    from ui.menus import open_import_dialog

    layout = LAYOUTS["android-en-uk"]
    lines = [Line(datetime(2024, 1, 13, 9, 0) + timedelta(minutes=i), "Ana", f"hello {i}") for i in range(3)]
    text = "this line is not a message\n" + render(layout, lines)
    path = write_txt(tmp_path / "WhatsApp Chat with Ana.txt", text)
    shown = dialogs.expect("modal")  # open(): modal, but the test goes on
    open_import_dialog(window, ctx, path)
    qtbot.waitUntil(lambda: bool(shown.shown), timeout=5000)
    dialog = next(w for w in window.findChildren(ImportDialog))
    qtbot.waitUntil(lambda: dialog.scan is not None, timeout=5000)
    dialog.zone_combo.setCurrentText("Europe/London")
    laid_out()  # the scan's page, just filled in, as tall as it is laid out
    preview_height = dialog.height()
    with qtbot.waitSignal(dialog.imported, timeout=10000) as signal:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    contact_id = signal.args[0]
    summary = dialog.summary_label.text()
    assert "3 messages added." in summary
    assert "1 line could not be read." in summary
    assert dialog.unreadable_list.isVisible()
    assert dialog.unreadable_list.toPlainText() == "line 1: this line is not a message"
    # The summary page is sized to itself, not to the preview's long form.
    assert dialog.height() < preview_height
    assert dialog.open_chat_button.isVisible()
    assert window.chat_list.current_contact() != contact_id
    qtbot.mouseClick(dialog.open_chat_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: window.chat_list.current_contact() == contact_id, timeout=5000)
    qtbot.waitUntil(lambda: window.chat.contact_id() == contact_id, timeout=5000)


def test_the_chat_list_names_a_photo_the_export_left_out_in_words(qtbot: Any) -> None:
    from app.conversation_rows import OMITTED_KIND
    from ui.formatting import preview_text

    assert preview_text(OMITTED_KIND, "") == "Photo or file left out of the export"


KOREAN_ANDROID = (
    "2024. 3. 8. 오후 2:15 - 메시지와 통화는 엔드투엔드 암호화됩니다. 채팅 외부의 그 누구도, 심지어 WhatsApp도 "
    "메시지를 읽거나 들을 수 없습니다.\n"
    "2024. 3. 8. 오후 2:15 - 김민지: 안녕하세요\n"
    "2024. 3. 8. 오후 2:16 - 김민지: 설화수 윤조에센스 재고 있나요?\n"
    "2024. 3. 8. 오후 2:20 - 수진코스메틱: 네 고객님~ 재고 있습니다.\n"
)


def test_the_preview_counts_the_messages_the_summary_adds(
    open_dialog: Any, qtbot: Any, ctx: Any, tmp_path: Path
) -> None:
    """Today's Korean encryption notice says 엔드투엔드: it was imported as a message, so the
    summary said one more than the preview (13 against 12)."""
    dialog = open_dialog(write_txt(tmp_path / "WhatsApp 김민지 채팅.txt", KOREAN_ANDROID))
    assert dialog.count_label.text() == "3 messages, 4 lines"
    dialog.zone_combo.setCurrentText("Asia/Seoul")
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.summary_label.text() == "3 messages added."
    assert message_count(ctx.db) == 3


def test_a_chat_of_one_message_is_counted_as_one_message_and_one_line(
    open_dialog: Any, qtbot: Any, ctx: Any, tmp_path: Path
) -> None:
    """A US customer's one question read "1 messages, 1 lines" in the preview."""
    text = "12/5/26, 2:15 PM - Linda: Do you ship the lavender candle to Ohio?\n"
    dialog = open_dialog(write_txt(tmp_path / "WhatsApp Chat with Linda.txt", text))
    assert dialog.count_label.text() == "1 message, 1 line"
    assert dialog.participants_label.text() == "Linda (1 message)"


def test_an_unreadable_line_and_the_line_continuing_it_are_reported_in_preview_and_summary(
    open_dialog: Any, qtbot: Any, ctx: Any, tmp_path: Path
) -> None:
    """The line after a header with no real date went unmentioned, and the preview said nothing."""
    text = (
        "2024. 3. 8. 오후 2:15 - 한소희: 토너 주문할게요\n"
        "2024. 13. 45. 오후 25:99 - 한소희: 이상한 날짜 줄\n"
        "이어지는 줄\n"
        "2024. 3. 8. 오후 2:20 - 수진코스메틱: 네 확인했어요\n"
    )
    dialog = open_dialog(write_txt(tmp_path / "WhatsApp 한소희 채팅.txt", text))
    assert dialog.count_label.text() == (
        "2 messages, 4 lines\n2 lines could not be read: they will not be imported."
    )
    # Each person's count adds up to what is imported: the unreadable line is said above, apart.
    assert dialog.participants_label.text() == "한소희 (1 message), 수진코스메틱 (1 message)"
    dialog.zone_combo.setCurrentText("Asia/Seoul")
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.summary_label.text() == "2 messages added.\n2 lines could not be read."
    assert (
        dialog.unreadable_list.toPlainText() == "lines 2–3: 2024. 13. 45. 오후 25:99 - 한소희: 이상한 날짜 줄"
    )
    assert message_count(ctx.db) == 2


def test_a_korean_owner_reads_dates_and_numbers_as_the_app_writes_them(
    open_dialog: Any, ctx: Any, tmp_path: Path
) -> None:
    """The preview wrote 2024-03-08 and +821055501234 where the rest of the app writes
    2024. 3. 8. and 010-5550-1234."""
    from PySide6.QtCore import QLocale

    with ctx.db.write() as s:
        make_contact(s, saved_name="김민지", wa_id="821055501234")
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
    try:
        text = KOREAN_ANDROID + "2025. 6. 15. 오후 3:40 - 김민지: 선크림 추천해주세요\n"
        dialog = open_dialog(write_txt(tmp_path / "WhatsApp 김민지 채팅.txt", text))
        assert dialog.range_label.text() == "2024. 3. 8. – 2025. 6. 15."
        first = dialog.first_lines.toPlainText().splitlines()
        assert first[0] == "2024. 3. 8. 오후 2:15  김민지: 안녕하세요"
        labels = [dialog.contact_combo.itemText(i) for i in range(dialog.contact_combo.count())]
        assert "Existing contact: 김민지  010-5550-1234" in labels
    finally:
        QLocale.setDefault(before)


def test_an_export_dropped_on_the_open_chat_is_imported_not_attached(
    qtbot: Any, window: Any, ctx: Any, tmp_path: Path, dialogs: Any
) -> None:
    """With a chat open, a dropped "WhatsApp Chat with 최유나.txt" became a file to send to the open
    chat's customer (kept as its draft); the window's own drop only saw drops beside the chat."""
    from PySide6.QtCore import QMimeData, QPoint, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    from tests.support.factories import make_message
    from tests.support.window_waits import load_chats, select_chat
    from ui.menus import install_menus

    install_menus(window, ctx)
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="박서연", wa_id="821023456789")
        make_message(s, contact, "블라우스 있나요?", sent_at=datetime.now(UTC) - timedelta(minutes=5))
        contact_id = contact.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, contact_id)
    composer = window.chat.composer
    export = write_txt(
        tmp_path / "WhatsApp Chat with 최유나.txt", "2025. 5. 10. 오전 10:12 - 최유나: 원피스 문의요\n"
    )
    price_list = write_txt(tmp_path / "가격표.txt", "린넨 블라우스 39,000원\n")

    def drop(path: Path) -> bool:
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(path))])
        copy, left, none = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        enter = QDragEnterEvent(QPoint(40, 40), copy, mime, left, none)
        QApplication.sendEvent(window.chat, enter)
        dropped = QDropEvent(QPointF(40, 40), copy, mime, left, none)
        QApplication.sendEvent(window.chat, dropped)
        return enter.isAccepted() and dropped.isAccepted()

    preview = dialogs.expect("modal")
    assert drop(export)
    qtbot.waitUntil(lambda: bool(preview.shown), timeout=5000)
    assert preview.shown[0].widget == "ImportDialog" and composer.attachments == []
    dialog = window.findChild(ImportDialog)
    qtbot.waitUntil(lambda: dialog.scan is not None, timeout=5000)
    assert dialog.customer() == "최유나"
    dialog.reject()
    assert drop(price_list)  # any other file is still for the customer
    assert composer.attachments == [price_list]


def test_a_german_shops_import_offers_a_german_mobile_as_the_example_and_reads_one_typed(
    open_dialog: Any, qtbot: Any, ctx: Any, tmp_path: Path
) -> None:
    """A Berlin shop saw "e.g. 010-1234-5678", a Korean number, beside the customer's number."""
    ctx.shop_region = "DE"
    layout = LAYOUTS["android-de"]
    text = render(
        layout,
        shop_chat(layout, "Jürgen Müller", "Fahrradteile Jonas", datetime(2026, 12, 5, 14, 3), photo=PHOTO),
    )
    dialog = open_dialog(write_txt(tmp_path / "WhatsApp Chat mit Jürgen Müller.txt", text))
    assert dialog.phone_edit.placeholderText() == "Optional, e.g. 01512 3456789"
    assert "010" not in dialog.phone_edit.placeholderText()
    dialog.phone_edit.setText("0171 2345678")
    dialog.zone_combo.setCurrentText("Europe/Berlin")
    with qtbot.waitSignal(dialog.imported, timeout=10000) as signal:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    with ctx.db.read() as s:
        contact = s.get(Contact, signal.args[0])
        assert contact is not None and contact.wa_id == "491712345678"


def test_the_dialog_grown_to_its_preview_stays_inside_the_screen_with_its_import_button(
    qtbot: Any, ctx: Any, tmp_path: Path
) -> None:
    """Shown small while the file is read, low on a small screen (centred over the inbox), it grew
    downwards to the preview: on a 1366×768 laptop at 150 % its Import button was below the screen."""
    from ui.ops import pending_ops
    from ui.screen_fit import frame_margins

    dialog = ImportDialog(ctx, korean_zip(tmp_path))
    qtbot.addWidget(dialog, before_close_func=lambda _d: qtbot.waitUntil(lambda: pending_ops() == 0))
    screen = dialog.screen().availableGeometry()
    dialog.move(screen.left() + 20, screen.bottom() - 200)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.scan is not None, timeout=5000)
    qtbot.waitUntil(lambda: dialog.import_button.isVisible())
    framed = dialog.geometry().marginsAdded(frame_margins(dialog))
    assert screen.contains(framed), (framed, screen)
    corner = dialog.import_button.mapToGlobal(dialog.import_button.rect().bottomRight())
    assert screen.contains(corner)


def test_an_import_the_disk_filled_up_says_so_in_full_and_its_half_chat_goes_once_there_is_room(
    open_dialog: Any, qtbot: Any, ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big export on a nearly full laptop: the failure's two paragraphs are read whole (they were
    cut off at the top and bottom), and what the import wrote before the disk filled up, which could
    not be removed for want of room either, goes when the owner closes the window after freeing space."""
    import app.chat_export.importer as importer
    from tests.support.full_disk import limit_the_inbox_file, page_count

    monkeypatch.setattr(importer, "BATCH_ROWS", 50)
    lines = [
        Line(
            datetime(2024, 1, 13, 9, 0) + timedelta(minutes=i), "Ana", f"케이스 재입고 문의 {i} " + "가" * 300
        )
        for i in range(3000)
    ]
    path = write_txt(tmp_path / "WhatsApp Chat with Ana.txt", render(LAYOUTS["android-en-uk"], lines))
    dialog = open_dialog(path)
    limit_the_inbox_file(ctx.db, page_count(ctx.db) + 200)  # room for a few batches, not the chat

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2 and not dialog.running, timeout=30000)
    text = dialog.summary_label.text()
    assert text.startswith("The disk is full, so Shop Inbox could not save this.")
    assert "removed when you close this window, so free some space first" in text
    laid_out()
    label = dialog.summary_label
    assert label.height() >= label.heightForWidth(label.width())  # every line of it shown

    limit_the_inbox_file(ctx.db, None)  # the owner freed some space
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: message_count(ctx.db) == 0, timeout=10000)
    assert importer.unfinished_import_exports(ctx.db) == []
