"""Several photos or files dropped, pasted or picked at once are all sent, each as its own WhatsApp
message in the order given, the caption with the first; none is silently left behind."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.models import Media, Message
from tests.support.factories import make_contact, make_message
from tests.support.window_waits import laid_out, load_chats, select_chat, settle


def _open_chat(window: Any, ctx: Any, qtbot: Any) -> int:
    now = datetime.now(UTC)
    with ctx.db.write() as s:
        contact = make_contact(
            s, profile_name="서윤", wa_id="821055556666", last_inbound_at=now - timedelta(hours=1)
        )
        make_message(s, contact, "색상별로 사진 보여 주세요", sent_at=now - timedelta(hours=1))
        contact_id = contact.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, contact_id)
    qtbot.waitUntil(lambda: window.chat.contact_id() == contact_id, timeout=5000)
    return contact_id


def _photos(folder: Path, *colours: str) -> list[Path]:
    paths = []
    for i, colour in enumerate(colours, start=1):
        image = QImage(320, 240, QImage.Format.Format_RGB32)
        image.fill(QColor(colour))
        path = folder / f"셔츠 {i}.jpg"
        assert image.save(str(path))
        paths.append(path)
    return paths


def _outgoing(ctx: Any, contact_id: int) -> list[tuple[str, str, str | None]]:
    """(kind, caption, attached file name) of each message the owner queued, oldest first."""
    with ctx.db.read() as s:
        rows = s.execute(
            select(Message.kind, Message.body, Media.filename)
            .join(Media, Media.message_id == Message.id, isouter=True)
            .where(Message.contact_id == contact_id, Message.direction == "out")
            .order_by(Message.id)
        ).all()
    return [(kind, body or "", name) for kind, body, name in rows]


def test_three_photos_dropped_on_the_chat_go_as_three_photo_messages(
    window: Any, ctx: Any, qtbot: Any, tmp_path: Path
) -> None:
    contact_id = _open_chat(window, ctx, qtbot)
    photos = _photos(tmp_path, "#f5f5dc", "#1e3a5f", "#8b0000")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in photos])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.chat.dropEvent(drop)
    composer = window.chat.composer
    assert composer.attachments == photos
    assert all(p.name in composer.attach_label.text() for p in photos)

    composer.edit.setPlainText("아이보리, 네이비, 버건디예요")
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(_outgoing(ctx, contact_id)) == 3, timeout=10_000)
    sent = _outgoing(ctx, contact_id)
    assert [kind for kind, _, _ in sent] == ["image", "image", "image"]
    assert [caption for _, caption, _ in sent] == ["아이보리, 네이비, 버건디예요", "", ""]
    assert [name for _, _, name in sent] == [p.name for p in photos]
    assert composer.attachments == [] and not composer.attach_bar.isVisible()


def test_files_copied_together_and_pasted_are_all_attached_and_one_too_big_is_named(
    window: Any, ctx: Any, qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    _open_chat(window, ctx, qtbot)
    (photo,) = _photos(tmp_path, "#f5f5dc")
    price_list = tmp_path / "가격표.pdf"
    price_list.write_bytes(b"%PDF-1.4\n")
    film = tmp_path / "매장 투어.mov"
    with film.open("wb") as file:
        file.truncate(101 * 1024 * 1024)  # over WhatsApp's 100 MB (sparse: no time, no disk)
    copied = QMimeData()
    copied.setUrls([QUrl.fromLocalFile(str(p)) for p in (photo, film, price_list)])
    QApplication.clipboard().setMimeData(copied)
    warned = dialogs.expect("warning")
    composer = window.chat.composer
    composer.edit.paste()
    assert composer.attachments == [photo, price_list]
    assert len(warned.shown) == 1 and "매장 투어.mov" in warned.shown[0].text
    # The clipboard owns the QMimeData Python holds too: replaced now, or both free it at exit (a crash).
    QApplication.clipboard().setText("")


def test_the_attach_button_takes_several_files_at_once(
    window: Any, ctx: Any, qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    _open_chat(window, ctx, qtbot)
    photos = _photos(tmp_path, "#f5f5dc", "#1e3a5f")
    dialogs.expect("getOpenFileNames", answer=photos)
    composer = window.chat.composer
    qtbot.mouseClick(composer.attach_button, Qt.MouseButton.LeftButton)
    assert composer.attachments == photos


def test_eight_long_photo_names_do_not_widen_the_window_past_the_screen(
    window: Any, ctx: Any, qtbot: Any, tmp_path: Path
) -> None:
    _open_chat(window, ctx, qtbot)
    photos = []
    picture = QImage(64, 48, QImage.Format.Format_RGB32)
    picture.fill(QColor("#f5f5dc"))
    for i in range(1, 9):
        path = tmp_path / f"린넨 셔츠 아이보리 상세컷 정면 뒷면 촬영본 {i}.jpg"
        assert picture.save(str(path))
        photos.append(path)
    composer = window.chat.composer
    # The composer's own least width: the chat header's changes with what it shows meanwhile.
    laid_out()
    width, least = window.width(), composer.minimumSizeHint().width()
    composer.offer_attachments(photos)
    assert composer.attachments == photos
    settle(qtbot)
    laid_out()  # the attachments' row, just shown, widens the window (if it does) once laid out
    assert composer.minimumSizeHint().width() <= least  # the names end in "…" instead
    assert window.width() == width


def test_photos_attached_in_one_chat_wait_there_while_another_chat_is_read(
    window: Any, ctx: Any, qtbot: Any, tmp_path: Path
) -> None:
    first = _open_chat(window, ctx, qtbot)
    photos = _photos(tmp_path, "#f5f5dc", "#1e3a5f")
    composer = window.chat.composer
    composer.offer_attachments(photos)
    composer.edit.setPlainText("두 가지 색이에요")
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="도현", wa_id="821099990000")
        make_message(s, contact, "주문번호 알려 주세요")
        other = contact.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, other)  # the owner looks something up in another chat
    qtbot.waitUntil(lambda: window.chat.contact_id() == other, timeout=5000)
    assert composer.attachments == [] and not composer.attach_bar.isVisibleTo(composer)

    select_chat(window, qtbot, first)
    qtbot.waitUntil(lambda: window.chat.contact_id() == first, timeout=5000)
    assert composer.attachments == photos and composer.attach_bar.isVisibleTo(composer)
    assert composer.edit.toPlainText() == "두 가지 색이에요"


def test_a_folder_of_photos_pasted_with_a_photo_is_named_as_a_folder_not_silently_left_out(
    window: Any, ctx: Any, qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    """A folder copied in Explorer with a photo: the photo was attached and the folder silently left
    out (a folder alone: nothing happened at all). It is named as a folder, with what to do."""
    _open_chat(window, ctx, qtbot)
    (photo,) = _photos(tmp_path, "#f5f5dc")
    folder = tmp_path / "12월 신상"
    folder.mkdir()
    _photos(folder, "#1e3a5f")
    copied = QMimeData()
    copied.setUrls([QUrl.fromLocalFile(str(p)) for p in (folder, photo)])
    QApplication.clipboard().setMimeData(copied)
    warned = dialogs.expect("warning")
    composer = window.chat.composer
    composer.edit.paste()
    assert composer.attachments == [photo]
    assert composer.edit.toPlainText() == ""
    assert len(warned.shown) == 1
    said = warned.shown[0].text
    assert said == "12월 신상 is a folder: open it and attach the photos or files inside.", said
    QApplication.clipboard().setText("")  # see above: the clipboard gives its QMimeData up now


def test_a_folder_dropped_alone_is_told_in_korean_not_ignored(
    window: Any, ctx: Any, qtbot: Any, tmp_path: Path, dialogs: Any, korean: None
) -> None:
    _open_chat(window, ctx, qtbot)
    folder = tmp_path / "12월 신상"
    folder.mkdir()
    dropped = QMimeData()
    dropped.setUrls([QUrl.fromLocalFile(str(folder))])
    warned = dialogs.expect("warning")
    composer = window.chat.composer
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        dropped,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    composer.dropEvent(drop)
    assert composer.attachments == []
    assert [shown.text for shown in warned.shown] == [
        "12월 신상 폴더는 첨부할 수 없어요. 폴더를 열어서 안에 있는 사진이나 파일을 첨부하세요."
    ]


def test_one_of_several_photos_is_taken_off_and_the_others_go_with_the_caption(
    window: Any, ctx: Any, qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    """The bar's × took off every file at once: a wrong photo among five meant starting over."""
    from PySide6.QtWidgets import QMenu

    contact_id = _open_chat(window, ctx, qtbot)
    photos = _photos(tmp_path, "#f5f5dc", "#1e3a5f", "#8b0000")
    composer = window.chat.composer
    composer.add_attachments(photos)
    composer.edit.setPlainText("아이보리, 버건디예요")
    offered: list[list[str]] = []

    def take_off_the_navy_one(menu: QMenu) -> None:
        offered.append([a.text() for a in menu.actions() if not a.isSeparator()])
        next(a for a in menu.actions() if a.text() == "Remove 셔츠 2.jpg").trigger()
        menu.close()

    dialogs.expect("menu", answer=take_off_the_navy_one)
    qtbot.mouseClick(composer.unattach_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(offered), timeout=3000)
    assert offered[0] == ["Remove 셔츠 1.jpg", "Remove 셔츠 2.jpg", "Remove 셔츠 3.jpg", "Remove &all"]
    assert composer.attachments == [photos[0], photos[2]]
    assert "셔츠 2.jpg" not in composer.attach_label.text()
    assert composer.edit.toPlainText() == "아이보리, 버건디예요"  # the caption kept

    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(_outgoing(ctx, contact_id)) == 2, timeout=10_000)
    assert [name for _, _, name in _outgoing(ctx, contact_id)] == ["셔츠 1.jpg", "셔츠 3.jpg"]


def test_with_one_file_left_the_button_takes_it_off_at_a_click(
    window: Any, ctx: Any, qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    _open_chat(window, ctx, qtbot)
    photos = _photos(tmp_path, "#f5f5dc", "#1e3a5f")
    composer = window.chat.composer
    composer.add_attachments(photos)
    dialogs.expect("menu", answer="Remove 셔츠 2.jpg")
    qtbot.mouseClick(composer.unattach_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: composer.attachments == [photos[0]], timeout=3000)
    qtbot.mouseClick(composer.unattach_button, Qt.MouseButton.LeftButton)  # no menu: gone at once
    assert composer.attachments == [] and not composer.attach_bar.isVisible()
