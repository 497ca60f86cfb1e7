"""What the owner attaches is sent as WhatsApp will show it, from a copy Shop Inbox keeps: a WebP or
an over-large phone photo goes as a photo (not a file icon or a sticker), a PDF as the document it
is, and moving or deleting the original before the send loses nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from sqlalchemy import select

from app.models import Media, Message
from tests.support.factories import make_contact, make_message
from tests.support.sound_files import ogg_vorbis
from tests.support.window_waits import load_chats, select_chat


def _open_chat(window: Any, ctx: Any, qtbot: Any) -> int:
    now = datetime.now(UTC)
    with ctx.db.write() as s:
        contact = make_contact(
            s, profile_name="민지", wa_id="821012345678", last_inbound_at=now - timedelta(hours=1)
        )
        make_message(s, contact, "사진 보내 주실 수 있나요?", sent_at=now - timedelta(hours=1))
        contact_id = contact.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, contact_id)
    qtbot.waitUntil(lambda: window.chat.contact_id() == contact_id, timeout=5000)
    return contact_id


def _send(window: Any, qtbot: Any, source: Path, caption: str) -> tuple[Message, Media]:
    composer = window.chat.composer
    composer.set_attachment(source)
    composer.edit.setPlainText(caption)
    before = window.ctx.db
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)

    def queued() -> tuple[Message, Media] | None:
        with before.read() as s:
            message = s.scalars(select(Message).where(Message.body == caption)).first()
            media = (
                s.scalars(select(Media).where(Media.message_id == message.id)).first() if message else None
            )
            if message is None or media is None:
                return None
            s.expunge_all()
            return message, media

    qtbot.waitUntil(lambda: queued() is not None, timeout=10_000)
    found = queued()
    assert found is not None
    return found


def test_a_webp_product_photo_goes_as_a_photo_from_a_copy_that_outlives_the_original(
    window: Any, ctx: Any, qtbot: Any, tmp_path: Path
) -> None:
    _open_chat(window, ctx, qtbot)
    photo = QImage(1200, 900, QImage.Format.Format_RGB32)
    photo.fill(QColor("#d9c7a7"))
    source = tmp_path / "Downloads" / "린넨셔츠.webp"
    source.parent.mkdir()
    assert photo.save(str(source), "WEBP")  # type: ignore[call-overload]  # the stubs say bytes: PySide6 takes only str
    assert source.stat().st_size < 500 * 1024  # small enough that it used to go as a sticker

    message, media = _send(window, qtbot, source, "아이보리 실물이에요")
    source.unlink()  # the owner tidies Downloads before the relay is reached

    assert message.kind == "image"
    assert media.mime == "image/jpeg" and media.filename == "린넨셔츠.jpg"
    assert (media.cache_path or "").startswith("sent/")  # relative: found wherever the folder goes
    kept = ctx.paths.media_dir / (media.cache_path or "")
    assert kept.exists()
    assert QImage(str(kept)).size().width() == 1200  # the picture itself, re-encoded

    # Deleting the chat takes the copy with it, as it does the files the customer sent.
    from app.chat_actions import delete_chat

    delete_chat(ctx.db, message.contact_id, datetime.now(UTC), ctx.paths.media_dir)
    assert not kept.exists() and not kept.parent.exists()


def test_a_pdf_keeps_its_name_and_an_oversized_photo_is_made_small_enough_to_be_a_photo(
    window: Any, ctx: Any, qtbot: Any, tmp_path: Path
) -> None:
    _open_chat(window, ctx, qtbot)
    price_list = tmp_path / "가격표 2026.pdf"
    price_list.write_bytes(b"%PDF-1.4\n" + b"0" * 2000)
    message, media = _send(window, qtbot, price_list, "가격표입니다")
    assert message.kind == "document"
    assert media.filename == "가격표 2026.pdf"
    kept_pdf = ctx.paths.media_dir / (media.cache_path or "")
    assert kept_pdf.read_bytes() == price_list.read_bytes()
    # On one volume the kept file is a second name for the same data, not a second copy of it.
    assert kept_pdf.stat().st_ino == price_list.stat().st_ino
    price_list.unlink()
    assert kept_pdf.read_bytes().startswith(b"%PDF-1.4")

    big = tmp_path / "IMG_0001.png"
    noise = QImage(3000, 2200, QImage.Format.Format_RGB32)
    for y in range(0, 2200, 2):
        for x in range(0, 3000, 7):
            noise.setPixel(x, y, (x * 2654435761 ^ y * 40503) & 0xFFFFFF)
    assert noise.save(str(big), "PNG")  # type: ignore[call-overload]  # the stubs say bytes: PySide6 takes only str
    if big.stat().st_size <= 5 * 1024 * 1024:  # make sure it is over WhatsApp's 5 MB for photos
        big.write_bytes(big.read_bytes() + b"\0" * (5 * 1024 * 1024))
    message, media = _send(window, qtbot, big, "큰 사진")
    assert message.kind == "image"  # it went as a file before
    kept = ctx.paths.media_dir / (media.cache_path or "")
    assert kept.suffix == ".jpg" and kept.stat().st_size <= 5 * 1024 * 1024
    assert max(QImage(str(kept)).width(), QImage(str(kept)).height()) == 2048


def test_a_phone_photo_too_big_for_qt_to_read_whole_is_still_made_small_enough_to_be_a_photo(
    window: Any, ctx: Any, qtbot: Any, tmp_path: Path
) -> None:
    """A 108-megapixel photo (a Galaxy's top camera) is over Qt's 256 MB for one picture read whole:
    it was taken as unreadable, sent as it was and refused after Send as over WhatsApp's 5 MB. It is
    read small from the start. Here Qt's limit is lowered to 32 MB, which a 4000 × 3000 photo is over."""
    from PySide6.QtGui import QImageReader, QPainter

    _open_chat(window, ctx, qtbot)
    photo = QImage(4000, 3000, QImage.Format.Format_RGB32)
    painter = QPainter(photo)
    for y in range(0, 3000, 6):
        for x in range(0, 4000, 40):
            painter.fillRect(x, y, 40, 6, QColor.fromRgb((x * 2654435761 ^ y * 40503) & 0xFFFFFF))
    painter.end()
    big = tmp_path / "20261205_103000.jpg"
    assert photo.save(str(big), "JPEG", 100)  # type: ignore[call-overload]  # the stubs say bytes: PySide6 takes only str
    assert big.stat().st_size > 5 * 1024 * 1024  # over WhatsApp's 5 MB for photos
    limit = QImageReader.allocationLimit()
    QImageReader.setAllocationLimit(32)  # MB: 4000 × 3000 × 4 bytes is 46 MB
    try:
        message, media = _send(window, qtbot, big, "신상 원피스")
    finally:
        QImageReader.setAllocationLimit(limit)
    assert message.kind == "image" and message.status == "pending"  # not refused after Send
    kept = ctx.paths.media_dir / (media.cache_path or "")
    assert kept.suffix == ".jpg" and kept.stat().st_size <= 5 * 1024 * 1024
    assert (QImage(str(kept)).width(), QImage(str(kept)).height()) == (2048, 1536)


def test_a_file_too_big_for_whatsapp_is_refused_when_picked_before_a_caption_is_written(
    window: Any, ctx: Any, qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    _open_chat(window, ctx, qtbot)
    catalogue = tmp_path / "2026 카탈로그.pdf"
    with catalogue.open("wb") as file:
        file.truncate(101 * 1024 * 1024)  # over WhatsApp's 100 MB for any file (sparse: no time, no disk)
    dialogs.expect("getOpenFileNames", answer=[catalogue])
    warned = dialogs.expect("warning")
    composer = window.chat.composer
    composer.edit.setPlainText("카탈로그예요")
    qtbot.mouseClick(composer.attach_button, Qt.MouseButton.LeftButton)
    assert len(warned.shown) == 1 and "100" in warned.shown[0].text
    assert composer.attachment is None and not composer.attach_bar.isVisible()
    assert composer.edit.toPlainText() == "카탈로그예요"  # what was typed stays


def test_a_video_over_100_mb_is_told_whatsapps_16_mb_for_videos_when_picked(
    window: Any, ctx: Any, qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    """A 101 MB MP4 was told "over 100 MB", then, trimmed to 90 MB, "over 16 MB": a video never goes
    as a document, so the limit it is told at once is a video's."""
    _open_chat(window, ctx, qtbot)
    video = tmp_path / "매장 투어.mp4"
    with video.open("wb") as file:
        file.truncate(101 * 1024 * 1024)  # sparse: no time, no disk
    dialogs.expect("getOpenFileNames", answer=[video])
    warned = dialogs.expect("warning")
    composer = window.chat.composer
    qtbot.mouseClick(composer.attach_button, Qt.MouseButton.LeftButton)
    assert len(warned.shown) == 1
    said = warned.shown[0].text
    assert "매장 투어.mp4" in said and "16 MB" in said and "shorter video" in said and "100" not in said
    assert composer.attachment is None


def test_a_file_that_grew_too_big_after_it_was_attached_is_refused_and_stays_with_its_caption(
    window: Any, ctx: Any, qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    _open_chat(window, ctx, qtbot)
    video = tmp_path / "매장 투어.mp4"
    video.write_bytes(b"\0" * 1024)
    composer = window.chat.composer
    composer.offer_attachment(video)
    assert composer.attachment == video
    with video.open("r+b") as file:
        file.truncate(101 * 1024 * 1024)  # still being written by the screen recorder (sparse)
    warned = dialogs.expect("warning")
    composer.edit.setPlainText("매장 영상이에요")
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(warned.shown), timeout=5000)
    assert "16 MB" in warned.shown[0].text and "100" not in warned.shown[0].text
    assert composer.attachment == video and composer.edit.toPlainText() == "매장 영상이에요"
    assert not (ctx.paths.media_dir / "sent").exists() or not any((ctx.paths.media_dir / "sent").iterdir())


def test_a_pasted_picture_leaves_nothing_in_the_pasted_folder_once_sent(
    window: Any, ctx: Any, qtbot: Any
) -> None:
    _open_chat(window, ctx, qtbot)
    composer = window.chat.composer
    screenshot = QImage(320, 200, QImage.Format.Format_RGB32)
    screenshot.fill(QColor("#3a7bd5"))
    composer.attach_picture(screenshot)
    qtbot.waitUntil(lambda: composer.attachment is not None, timeout=5000)
    waiting = composer.attachment
    assert waiting is not None and waiting.exists()

    message, media = _send(window, qtbot, waiting, "화면 캡처예요")
    assert message.kind == "image"
    assert (ctx.paths.media_dir / (media.cache_path or "")).exists()
    qtbot.waitUntil(lambda: not waiting.parent.exists(), timeout=5000)


def test_a_hangul_document_whatsapp_does_not_take_is_refused_when_picked_and_says_save_as_pdf(
    window: Any, ctx: Any, qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    """Graph refuses a .hwp even as a document: refused at the paperclip, naming the file and what
    WhatsApp takes, not failed after Send. The PDF picked with it is attached all the same."""
    _open_chat(window, ctx, qtbot)
    estimate = tmp_path / "견적서.hwp"
    estimate.write_bytes(b"HWP Document File" + b"\0" * 1000)
    price_list = tmp_path / "가격표.pdf"
    price_list.write_bytes(b"%PDF-1.7" + b"\0" * 1000)
    dialogs.expect("getOpenFileNames", answer=[estimate, price_list])
    warned = dialogs.expect("warning")
    composer = window.chat.composer
    qtbot.mouseClick(composer.attach_button, Qt.MouseButton.LeftButton)
    assert len(warned.shown) == 1
    said = warned.shown[0].text
    assert "견적서.hwp" in said and "PDF" in said and "Word" in said
    assert composer.attachments == [price_list]


def test_a_zipped_folder_of_photos_is_refused_with_unzip_it_not_save_it_as_pdf(
    window: Any, ctx: Any, qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    """WhatsApp takes no .zip, and "save it as PDF" cannot be done to one: the owner is told to
    unzip it and attach what is inside; the photo picked with it stays attached."""
    _open_chat(window, ctx, qtbot)
    zipped = tmp_path / "신상 사진.zip"
    zipped.write_bytes(b"PK\x03\x04" + b"\0" * 1000)
    photo = tmp_path / "원피스.png"
    picture = QImage(120, 160, QImage.Format.Format_RGB32)
    picture.fill(QColor("navy"))
    assert picture.save(str(photo))  # type: ignore[call-overload]  # the stubs say bytes: PySide6 takes only str
    dialogs.expect("getOpenFileNames", answer=[zipped, photo])
    warned = dialogs.expect("warning")
    composer = window.chat.composer
    qtbot.mouseClick(composer.attach_button, Qt.MouseButton.LeftButton)
    assert len(warned.shown) == 1
    said = warned.shown[0].text
    assert "신상 사진.zip" in said and "Unzip it" in said and "PDF and attach" not in said, said
    assert composer.attachments == [photo]


def test_an_iphone_photo_qt_cannot_read_and_a_wav_are_refused_as_whatsapp_would_refuse_them(
    window: Any, ctx: Any, qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    """Qt here reads no HEIC, and WhatsApp takes neither a HEIC nor a WAV nor an OGG with Vorbis
    inside, not even as a document: each is refused when attached with the format to save it in,
    instead of going as a file that fails after the send."""
    _open_chat(window, ctx, qtbot)
    composer = window.chat.composer
    photo = tmp_path / "IMG_4032.HEIC"
    photo.write_bytes(b"\0\0\0\x18ftypheic" + b"\0" * 4000)
    recording = tmp_path / "안내.wav"
    recording.write_bytes(b"RIFF" + b"\0" * 1000)
    song = tmp_path / "매장 음악.ogg"
    song.write_bytes(ogg_vorbis() + b"\0" * 500)

    warned = dialogs.expect("warning")
    composer.offer_attachments([photo, recording, song])
    assert len(warned.shown) == 1
    said = warned.shown[0].text
    assert "IMG_4032.HEIC" in said and "JPEG" in said
    assert "안내.wav" in said and "MP3" in said
    assert "매장 음악.ogg" in said and "OGG (Opus)" in said
    assert composer.attachments == []


def test_a_bmp_qt_reads_is_attached_and_goes_as_a_photo_though_whatsapp_takes_no_bmp(
    window: Any, ctx: Any, qtbot: Any, tmp_path: Path
) -> None:
    """WhatsApp refuses a BMP's type, but Qt reads it: it becomes a JPEG photo, so no refusal."""
    _open_chat(window, ctx, qtbot)
    bmp = tmp_path / "세일 배너.bmp"
    assert QImage(60, 40, QImage.Format.Format_RGB32).save(str(bmp))  # type: ignore[call-overload]  # the stubs say bytes: PySide6 takes only str
    window.chat.composer.offer_attachments([bmp])  # no dialog: the `dialogs` guard would fail the test
    message, media = _send(window, qtbot, bmp, "세일 배너예요")
    assert message.kind == "image" and (media.cache_path or "").endswith(".jpg")


def test_a_video_or_song_over_16_mb_is_refused_when_attached_but_a_big_photo_is_made_small_enough(
    window: Any, ctx: Any, qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    """video/mp4 and audio/mpeg are not document types: over 16 MB WhatsApp takes them as nothing, so
    they are refused at the paperclip with what to do, not failed after Send. A 6 MB phone photo is
    still attached: it is made into a smaller JPEG before it goes."""
    _open_chat(window, ctx, qtbot)
    composer = window.chat.composer
    tour, song, photo = tmp_path / "매장 투어.mp4", tmp_path / "매장 음악.mp3", tmp_path / "IMG_0001.jpg"
    for file, size in ((tour, 40), (song, 17), (photo, 6)):
        with file.open("wb") as sparse:
            sparse.truncate(size * 1024 * 1024)  # sparse: no time, no disk
    warned = dialogs.expect("warning")
    composer.offer_attachments([tour, song, photo])
    assert len(warned.shown) == 1
    said = warned.shown[0].text
    assert "매장 투어.mp4" in said and "매장 음악.mp3" in said and "16 MB" in said
    assert "shorter video" in said and "link" in said
    assert composer.attachments == [photo]
