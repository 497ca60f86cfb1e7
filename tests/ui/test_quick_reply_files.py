"""A quick reply's photo as the owner meets it: copied in when chosen, back after a restore on a new
laptop and sent through the relay, and said missing (never dropped unnoticed) when it was lost."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage, QInputMethodEvent, QPainter
from PySide6.QtWidgets import QApplication

from app.backup import create_backup, restore_backup
from app.db import Database
from app.errors import ErrorCode, InvalidInput
from app.paths import QUICK_REPLY_FOLDER, paths_for
from app.quick_replies import QuickReplyLibrary, add_quick_reply
from app.quick_reply_files import is_stored
from tests.support.relay_server import inbound
from tests.support.window_waits import load_chats, select_chat, settle
from ui.context import AppContext
from ui.quick_reply_manager import QuickReplyManager
from ui.quick_reply_model import Role


def photo_file(folder: Path, name: str = "가격표.jpg") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    image = QImage(320, 240, QImage.Format.Format_RGB32)
    image.fill(QColor("#d5733a"))
    assert image.save(str(folder / name))  # JPEG, from the name
    return folder / name


@pytest.fixture
def open_window(qtbot: Any) -> Iterator[Any]:
    """`open_window(ctx)`: the main window on an inbox of the test's own (as the `window` fixture)."""
    from ui.main_window import MainWindow
    from ui.ops import pending_ops

    def finish(w: Any) -> None:
        qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
        w.shutdown()

    def make(ctx: AppContext) -> Any:
        w = MainWindow(ctx)
        qtbot.addWidget(w, before_close_func=finish)
        # As wide as a window gets on the offscreen screen (800 pixels): shown, a window is fitted to
        # its screen (ui/screen_fit.py), so a test that asked for 1100 measured a 796-pixel window.
        w.resize(796, 700)
        w.show()
        qtbot.waitExposed(w)
        return w

    yield make


def connect(window: Any, relay: Any) -> None:
    window.ctx.prefs["relay_url"] = relay.url
    window.ctx.relay_token = relay.token
    window.start_sync()


def customer_writes(window: Any, qtbot: Any, relay: Any) -> None:
    assert relay.post_webhook(inbound(content="가격이 어떻게 되나요?", name="김민수")).status_code == 200
    model = window.chat_list.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=15000)
    select_chat(window, qtbot, model.row_at(0).contact_id)
    qtbot.waitUntil(lambda: window.chat.view.chat_model.rowCount() == 1)


def look_up_quick_reply(window: Any, qtbot: Any, typed: str) -> None:
    """Type "/" and the shortcut (as a Korean input method commits it): the popup lists the replies
    as read when it opened."""
    edit = window.chat.composer.edit
    edit.setFocus()
    qtbot.keyClicks(edit, "/")
    event = QInputMethodEvent()
    event.setCommitString(typed.removeprefix("/"))
    QApplication.sendEvent(edit, event)
    qtbot.waitUntil(window.chat.quick_replies.is_open)


def use_quick_reply(window: Any, qtbot: Any, typed: str) -> None:
    """Type "/" and the shortcut, then Enter."""
    look_up_quick_reply(window, qtbot, typed)
    qtbot.keyClick(window.chat.composer.edit, Qt.Key.Key_Return)  # inserts the reply, does not send


def test_a_restored_backup_on_a_new_laptop_still_sends_the_quick_replys_photo(
    qtbot: Any, tmp_path: Path, relay: Any, open_window: Any
) -> None:
    # The old laptop: a reply with the price list photo from Downloads, backed up.
    photo = photo_file(tmp_path / "old-laptop" / "Downloads")
    sent_bytes = photo.read_bytes()
    old = paths_for(tmp_path / "old-laptop" / "data").ensure()
    db = Database.open(old.database)
    QuickReplyLibrary(db, old.data_dir).add("/가격", "가격표 보내드려요", media_path=str(photo))
    backup = create_backup(old, tmp_path / "backup.zip")
    db.close()
    photo.unlink()  # the old laptop is gone, its Downloads with it

    # The new laptop: the backup restored into a fresh data folder.
    new = paths_for(tmp_path / "new-laptop" / "data").ensure()
    restore_backup(backup.path, new)
    ctx = AppContext(db=Database.open(new.database), paths=new, prefs={"enter_sends": True})
    window = open_window(ctx)
    connect(window, relay)
    customer_writes(window, qtbot, relay)

    use_quick_reply(window, qtbot, "/가격")
    composer = window.chat.composer
    assert composer.edit.toPlainText() == "가격표 보내드려요"
    assert composer.attach_bar.isVisibleTo(window) and "가격표.jpg" in composer.attach_label.text()
    assert not composer.gone_note.isVisibleTo(window)
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)

    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.rowCount() == 2)
    qtbot.waitUntil(
        lambda: view.chat_model.message_at(1).status in ("sent", "delivered", "read"), timeout=15000
    )
    body = relay.graph.sent[-1]
    assert body["type"] == "image" and body["image"]["caption"] == "가격표 보내드려요"
    assert relay.graph.media[body["image"]["id"]][0] == sent_bytes  # the customer gets the very photo
    settle(qtbot)
    ctx.db.close()


def test_an_old_quick_reply_copies_its_photo_in_at_the_start_and_survives_downloads_being_cleared(
    qtbot: Any, window: Any, relay: Any, tmp_path: Path
) -> None:
    photo = photo_file(tmp_path / "Downloads", "신상.jpg")
    with window.ctx.db.write() as s:  # saved by the version that kept the owner's own path
        add_quick_reply(s, "/신상", "이번 주 신상이에요", media_path=str(photo))
    library = QuickReplyLibrary(window.ctx.db, window.ctx.paths.data_dir)

    connect(window, relay)  # the start: the file is copied in off the GUI thread
    qtbot.waitUntil(lambda: is_stored(library.all()[0].media_path or ""), timeout=10000)
    photo.unlink()
    customer_writes(window, qtbot, relay)

    use_quick_reply(window, qtbot, "/신상")
    composer = window.chat.composer
    assert composer.attachment is not None
    assert composer.attachment.is_relative_to(window.ctx.paths.data_dir / QUICK_REPLY_FOLDER)
    assert "신상.jpg" in composer.attach_label.text() and not composer.gone_note.isVisibleTo(window)
    settle(qtbot)


def test_a_quick_reply_whose_photo_was_deleted_says_so_when_used_and_in_the_editor(
    qtbot: Any, window: Any, relay: Any, tmp_path: Path
) -> None:
    gone = tmp_path / "Downloads" / "약도.jpg"  # deleted before this version could copy it in
    with window.ctx.db.write() as s:
        add_quick_reply(s, "/지도", "오시는 길이에요", media_path=str(gone))
    connect(window, relay)
    customer_writes(window, qtbot, relay)

    use_quick_reply(window, qtbot, "/지도")
    composer = window.chat.composer
    assert composer.edit.toPlainText() == "오시는 길이에요"
    assert composer.attachment is None
    assert composer.gone_note.isVisibleTo(window)
    note = composer.gone_note.text().replace("\u2060", "")  # the shortcut is kept whole by word joiners
    assert "/지도" in note and "약도.jpg" in note and "Choose the file again" in note

    # The editor says which file is missing and takes a new one.
    manager = QuickReplyManager(window.ctx)
    qtbot.addWidget(manager)
    manager.show()
    qtbot.waitUntil(lambda: manager.current_id is not None, timeout=5000)
    assert manager.media.text() == "약도.jpg (file missing)"
    assert manager.media_missing.isVisibleTo(manager) and "약도.jpg" in manager.media_missing.text()
    manager.set_media(str(photo_file(tmp_path / "Pictures", "약도.jpg")))
    assert not manager.media_missing.isVisibleTo(manager)
    manager.save_button.click()
    library = QuickReplyLibrary(window.ctx.db, window.ctx.paths.data_dir)
    qtbot.waitUntil(lambda: not library.all()[0].media_missing, timeout=5000)
    qtbot.waitUntil(lambda: not manager.is_loading(), timeout=5000)
    assert manager.media.text() == "약도.jpg" and not manager.has_unsaved_edits()
    manager.close()
    settle(qtbot)


def one_chat(window: Any, qtbot: Any) -> int:
    """A customer who wrote a moment ago, her chat open (no relay needed: the inbox holds her)."""
    from datetime import UTC, datetime

    from tests.support.factories import make_contact, make_message

    with window.ctx.db.write() as s:
        kim = make_contact(s, profile_name="김민지", last_inbound_at=datetime.now(UTC))
        make_message(s, kim, "가격이 어떻게 되나요?")
        contact_id = kim.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, contact_id)
    return contact_id


def test_a_draft_keeps_the_quick_replys_photo_after_the_reply_gets_a_new_one(
    qtbot: Any, window: Any, ctx: AppContext, tmp_path: Path
) -> None:
    """The price list photo inserted into 김민지's reply, not sent; then the reply gets this season's
    photo. The old one was pruned at once (stored weeks ago, no reply named it): her draft's photo
    was gone at the next start."""
    import os
    import time

    from app.drafts import read_draft_files
    from ui.main_window import MainWindow
    from ui.ops import pending_ops

    library = QuickReplyLibrary(ctx.db, ctx.paths.data_dir)
    row, _ = library.add("/가격", "가격표 보내드려요", media_path=str(photo_file(tmp_path / "Downloads")))
    old_photo = library.all()[0].media_file
    assert old_photo is not None
    weeks_ago = time.time() - 30 * 24 * 3600
    os.utime(old_photo, (weeks_ago, weeks_ago))
    window.start_sync()
    kim = one_chat(window, qtbot)

    use_quick_reply(window, qtbot, "/가격")
    composer = window.chat.composer
    assert composer.attachments == [old_photo]
    qtbot.waitUntil(lambda: read_draft_files(ctx.db) == {kim: [old_photo]}, timeout=5000)

    # Quick replies ▸ a new photo for /가격 (what the manager's Save runs, on the same writer).
    new_photo = photo_file(tmp_path / "Pictures", "가격표 2026.jpg")
    library.update(row.id, shortcut="/가격", text="가격표 보내드려요", media_path=str(new_photo))
    assert library.all()[0].media_file != old_photo
    assert old_photo.exists()  # her draft still sends it

    window.close()
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    again = MainWindow(ctx)
    qtbot.addWidget(again, before_close_func=lambda w: qtbot.waitUntil(lambda: pending_ops() == 0))
    again.show()
    again.start_sync()  # the start prunes again (adopt_quick_reply_files)
    settle(qtbot)
    load_chats(again, qtbot)
    select_chat(again, qtbot, kim)
    composer = again.chat.composer
    qtbot.waitUntil(lambda: composer.attachments == [old_photo], timeout=5000)
    assert old_photo.exists() and not composer.gone_note.isVisibleTo(again)
    assert "가격표.jpg" in composer.attach_label.text()

    # Sent or taken off the bar, nothing names it any more: the next prune takes it.
    qtbot.mouseClick(composer.unattach_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: read_draft_files(ctx.db) == {}, timeout=5000)
    assert library.prune() == 1 and not old_photo.exists()
    again.shutdown()


def test_a_quick_replys_video_too_big_for_whatsapp_is_not_attached_and_says_why(
    qtbot: Any, window: Any, ctx: AppContext, tmp_path: Path
) -> None:
    """An older reply kept the owner's own 17 MB shop video (too big for WhatsApp, so never copied
    in): inserted, it went on the bar unchecked, in place of the photo she had attached by hand, and
    failed only once sent. Now it is refused as attaching it by hand is, her photo stays."""
    from ui.attachments import attachable
    from ui.ops import failure_sentence

    video = tmp_path / "Videos" / "매장 영상.mp4"
    video.parent.mkdir()
    with video.open("wb") as file:
        file.truncate(17 * 1024 * 1024)
    with ctx.db.write() as s:  # saved by the version that kept the owner's own path
        add_quick_reply(s, "/매장", "매장 영상이에요", media_path=str(video))
    window.start_sync()
    one_chat(window, qtbot)
    composer = window.chat.composer
    photo = photo_file(tmp_path / "Pictures", "상품.jpg")
    composer.offer_attachments([photo])

    use_quick_reply(window, qtbot, "/매장")
    assert composer.edit.toPlainText() == "매장 영상이에요"
    assert composer.attachments == [photo] and "상품.jpg" in composer.attach_label.text()
    assert composer.gone_note.isVisibleTo(window)
    with pytest.raises(InvalidInput) as by_hand:  # what the owner reads attaching it herself
        attachable(video)
    assert by_hand.value.code == ErrorCode.FILE_TOO_LARGE_FOR_KIND
    assert composer.gone_note.text() == failure_sentence(by_hand.value)
    assert "16 MB" in composer.gone_note.text() and "매장 영상.mp4" in composer.gone_note.text()
    settle(qtbot)


def test_a_quick_replys_photo_deleted_after_the_list_was_read_is_said_missing_not_half_attached(
    qtbot: Any, window: Any, ctx: AppContext, tmp_path: Path
) -> None:
    library = QuickReplyLibrary(ctx.db, ctx.paths.data_dir)
    library.add("/가격", "가격표 보내드려요", media_path=str(photo_file(tmp_path / "Downloads")))
    window.start_sync()
    one_chat(window, qtbot)
    stored = library.all()[0].media_file
    assert stored is not None
    look_up_quick_reply(window, qtbot, "/가격")
    settle(qtbot)  # the list as the popup opened: the photo there
    assert not window.chat.quick_replies.current().media_missing
    stored.unlink()  # meanwhile cleared from the data folder (by hand, or a sync tool)

    composer = window.chat.composer
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    assert composer.edit.toPlainText() == "가격표 보내드려요"
    assert composer.attachments == [] and not composer.attach_bar.isVisibleTo(window)
    note = composer.gone_note.text().replace("\u2060", "")
    assert composer.gone_note.isVisibleTo(window) and "/가격" in note and "가격표.jpg" in note
    assert "Choose the file again" in note
    settle(qtbot)


class SeenText(QPainter):
    """A painter that notes what is written with it, and in which colour."""

    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.written: list[tuple[str, str]] = []

    def drawText(self, *args: Any) -> None:  # type: ignore[override]
        self.written.append((str(args[-1]), self.pen().color().name()))
        super().drawText(*args)


def written_in_row(popup: Any, row: int) -> list[tuple[str, str]]:
    """What the popup's delegate writes for one row, as it paints it on the screen."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    index = popup.model().index(row, 0)
    option = QStyleOptionViewItem()
    popup.initViewItemOption(option)
    option.rect = popup.visualRect(index)
    image = QImage(option.rect.size() + QSize(option.rect.x(), option.rect.y()), QImage.Format.Format_ARGB32)
    painter = SeenText(image)
    popup.itemDelegate().paint(painter, option, index)
    painter.end()
    return painter.written


def test_the_slash_popup_says_which_replies_bring_a_photo_or_a_file_and_which_file_is_gone(
    qtbot: Any, window: Any, relay: Any, tmp_path: Path, korean: None
) -> None:
    """Typing / listed the replies by shortcut and text only: the owner picked the one with the
    price list photo by memory, and a reply whose file was deleted looked like the rest."""
    from ui.theme import problem_colour

    photo = photo_file(tmp_path / "Pictures", "가격표.jpg")
    leaflet = tmp_path / "Documents" / "안내문.pdf"
    leaflet.parent.mkdir()
    leaflet.write_bytes(b"%PDF-1.4\n%%EOF\n")
    gone = tmp_path / "Downloads" / "약도.jpg"  # deleted since
    with window.ctx.db.write() as s:
        add_quick_reply(s, "/가격", "가격표 보내드려요", media_path=str(photo))
        add_quick_reply(s, "/안내", "안내문이에요", media_path=str(leaflet))
        add_quick_reply(s, "/지도", "오시는 길이에요", media_path=str(gone))
        add_quick_reply(s, "/인사", "안녕하세요!")
    connect(window, relay)
    customer_writes(window, qtbot, relay)

    look_up_quick_reply(window, qtbot, "/")
    completer = window.chat.quick_replies
    popup = completer.popup
    qtbot.waitUntil(lambda: completer.is_open() and completer.model.rowCount() == 4, timeout=5000)
    rows = {completer.model.row_at(r).shortcut: r for r in range(4)}
    marks = {shortcut: str(completer.model.index(r, 0).data(Role.FILE_MARK)) for shortcut, r in rows.items()}
    assert marks == {"/가격": "📎 사진", "/안내": "📎 파일", "/지도": "📎 사진", "/인사": ""}

    popup.setCurrentIndex(completer.model.index(rows["/인사"], 0))  # the rows below, unselected
    texts = {shortcut: dict(written_in_row(popup, r)) for shortcut, r in rows.items()}
    assert "📎 사진" in texts["/가격"] and "📎 파일" in texts["/안내"]
    assert not any(text.startswith("📎") for text in texts["/인사"])
    red = QColor(problem_colour(popup.palette())).name()
    missing = [text for text in texts["/지도"] if "파일 없음" in text]
    assert missing == ["/지도 · 파일 없음 — 다시 선택해 주세요"] and texts["/지도"][missing[0]] == red
    assert texts["/지도"]["📎 사진"] == red  # the gone file's mark with it
    assert texts["/가격"]["📎 사진"] != red
