""" "Save as…" on a photo or file in a chat: the customer's payment screenshot or product photo is
copied where the owner says, named when WhatsApp gave it no name; offline and never downloaded, the
owner is told why, and nothing is written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QContextMenuEvent, QImage
from PySide6.QtWidgets import QApplication

from app.models import Media
from tests.support.factories import make_contact, make_message
from tests.support.window_waits import load_chats, select_chat


def _chat_with_photo(window: Any, ctx: Any, qtbot: Any, *, cached: bool) -> bytes:
    photo = QImage(320, 240, QImage.Format.Format_RGB32)
    photo.fill(QColor("#4caf50"))
    stored = ctx.paths.media_dir / "received" / "77" / "pay.jpg"
    stored.parent.mkdir(parents=True)
    assert photo.save(str(stored))
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="이하은")
        message = make_message(
            s, contact, "입금했어요", kind="image", payload={"type": "image", "image": {"id": "77"}}
        )
        s.add(
            Media(
                message_id=message.id,
                mime="image/jpeg",
                filename=None,  # WhatsApp names only documents
                size=stored.stat().st_size,
                cache_path="received/77/pay.jpg" if cached else None,
            )
        )
        contact_id = contact.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, contact_id)
    qtbot.waitUntil(lambda: window.chat.view.chat_model.rowCount() == 1, timeout=5000)
    return stored.read_bytes()


def _right_click_the_photo(window: Any) -> None:
    view = window.chat.view
    rect = view.visualRect(view.chat_model.index(0))
    pos = QPoint(rect.left() + 60, rect.center().y())
    QApplication.sendEvent(
        view.viewport(),
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos)),
    )


def test_save_as_copies_the_customers_photo_where_the_owner_says(
    window: Any, ctx: Any, qtbot: Any, dialogs: Any, tmp_path: Path
) -> None:
    original = _chat_with_photo(window, ctx, qtbot, cached=True)
    target = tmp_path / "입금 확인" / "이하은 입금.jpg"
    target.parent.mkdir()
    dialogs.expect("menu", answer="Save as…")
    asked = dialogs.expect("getSaveFileName", answer=str(target))
    _right_click_the_photo(window)
    qtbot.waitUntil(lambda: target.exists() and target.read_bytes() == original, timeout=5000)
    suggested = Path(asked.shown[0].text)
    assert suggested.name.startswith("WhatsApp Photo ") and suggested.suffix == ".jpg"


def test_a_photo_never_downloaded_cannot_be_saved_offline_and_the_owner_is_told(
    window: Any, ctx: Any, qtbot: Any, dialogs: Any, tmp_path: Path
) -> None:
    _chat_with_photo(window, ctx, qtbot, cached=False)
    target = tmp_path / "사진.jpg"
    dialogs.expect("menu", answer="Save as…")
    dialogs.expect("getSaveFileName", answer=str(target))
    warned = dialogs.expect("warning")
    _right_click_the_photo(window)
    qtbot.waitUntil(lambda: bool(warned.shown), timeout=5000)
    assert "not been downloaded yet" in warned.shown[0].text
    assert not target.exists()


def test_the_suggested_name_is_in_the_owners_language(
    korean: None, window: Any, ctx: Any, qtbot: Any, dialogs: Any
) -> None:
    _chat_with_photo(window, ctx, qtbot, cached=True)
    dialogs.expect("menu", answer="다른 이름으로 저장…")
    asked = dialogs.expect("getSaveFileName", answer=None)
    _right_click_the_photo(window)
    qtbot.waitUntil(lambda: bool(asked.shown), timeout=5000)
    assert Path(asked.shown[0].text).name.startswith("WhatsApp 사진 ")


def test_a_voice_note_and_a_3gp_video_are_saved_with_extensions_a_player_knows(
    window: Any, ctx: Any, qtbot: Any, dialogs: Any
) -> None:
    """WhatsApp names neither: the computer's own list named a voice note ".oga" and gave a phone's
    3GP video no extension at all, so the saved file opened with nothing when double-clicked."""
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="정다은")
        for media_id, kind, mime in (
            ("81", "audio", "audio/ogg; codecs=opus"),
            ("82", "video", "video/3gpp"),
        ):
            message = make_message(s, contact, "", kind=kind, payload={"type": kind, kind: {"id": media_id}})
            s.add(Media(message_id=message.id, mime=mime, filename=None, size=2048, cache_path=None))
        contact_id = contact.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, contact_id)
    qtbot.waitUntil(lambda: window.chat.view.chat_model.rowCount() == 2, timeout=5000)
    view = window.chat.view
    suggested = []
    for row in (0, 1):
        dialogs.expect("menu", answer="Save as…")
        asked = dialogs.expect("getSaveFileName", answer=None)
        rect = view.visualRect(view.chat_model.index(row))
        pos = QPoint(rect.left() + 60, rect.center().y())
        QApplication.sendEvent(
            view.viewport(),
            QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos)),
        )
        qtbot.waitUntil(lambda asked=asked: bool(asked.shown), timeout=5000)
        suggested.append(Path(asked.shown[0].text))
    assert suggested[0].name.startswith("WhatsApp Audio ") and suggested[0].suffix == ".ogg", suggested
    assert suggested[1].name.startswith("WhatsApp Video ") and suggested[1].suffix == ".3gp", suggested


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_photo_that_cannot_be_shown_says_so_in_its_box_not_only_a_grey_box(
    window: Any, ctx: Any, qtbot: Any, lang: str, request: pytest.FixtureRequest
) -> None:
    """An iPhone's HEIC photo (no plugin here reads it; a damaged file alike) stayed a grey box that
    looked as if it were still loading; it says it cannot be shown here, and that a click opens it."""
    if lang == "ko":
        request.getfixturevalue("korean")
    stored = ctx.paths.media_dir / "received" / "78" / "IMG_4032.heic"
    stored.parent.mkdir(parents=True)
    stored.write_bytes(b"\0\0\0\x18ftypheic" + b"\0" * 4000)
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="정다은")
        message = make_message(
            s, contact, "이 색상 있나요?", kind="image", payload={"type": "image", "image": {"id": "78"}}
        )
        s.add(
            Media(
                message_id=message.id,
                mime="image/heic",
                size=stored.stat().st_size,
                cache_path="received/78/IMG_4032.heic",
            )
        )
        contact_id = contact.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, contact_id)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.rowCount() == 1, timeout=5000)
    delegate = view.bubbles
    card = delegate.geometry(view.chat_model.index(0), float(view.viewport().width())).card
    assert card is not None and card.target.endswith("IMG_4032.heic")
    view.viewport().repaint()  # painting asks for the picture, read in the background
    said = {"en": "Can't be shown here · click to open", "ko": "여기서는 볼 수 없어요 · 클릭해서 열기"}[lang]
    qtbot.waitUntil(lambda: delegate.picture_note(card) == said, timeout=5000)
    assert card.rect.width() > delegate.fonts.small_fm.horizontalAdvance(said) + 16  # not cut
