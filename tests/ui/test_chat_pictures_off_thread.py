"""A chat full of the owner's own camera photos (sent as they are, up to WhatsApp's 5 MB) opens
without the window freezing: pictures are read and scaled off the GUI thread, then shown."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage

import ui.image_cache
from app.models import Media
from tests.support.factories import make_contact, make_message
from tests.support.window_waits import load_chats, select_chat


def test_a_chat_of_camera_photos_is_painted_without_decoding_them_on_the_window_thread(
    window: Any, ctx: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    colours = ("#f5f5dc", "#1e3a5f", "#8b0000")
    now = datetime.now(UTC)
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="하윤", last_inbound_at=now - timedelta(minutes=5))
        for i, colour in enumerate(colours):
            photo = QImage(
                2400, 1000, QImage.Format.Format_RGB32
            )  # a camera's panorama, smaller for the test
            photo.fill(QColor(colour))
            stored = ctx.paths.media_dir / "sent" / f"p{i}" / f"IMG_{i}.jpg"
            stored.parent.mkdir(parents=True)
            assert photo.save(str(stored), "JPEG", 90)  # type: ignore[call-overload]
            message = make_message(
                s, contact, "", kind="image", direction="out", sent_at=now - timedelta(minutes=3 - i)
            )
            s.add(
                Media(
                    message_id=message.id,
                    mime="image/jpeg",
                    filename=stored.name,
                    size=stored.stat().st_size,
                    cache_path=f"sent/p{i}/{stored.name}",
                )
            )
        contact_id = contact.id

    read_on: list[int] = []
    real = ui.image_cache.thumbnail

    def spied(path: str, width: int, height: int) -> QImage | None:
        read_on.append(threading.get_ident())
        return real(path, width, height)

    monkeypatch.setattr(ui.image_cache, "thumbnail", spied)
    load_chats(window, qtbot)
    select_chat(window, qtbot, contact_id)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.rowCount() == 3, timeout=5000)

    def shown(row: int) -> QColor:
        index = view.chat_model.index(row)
        geo = view.bubbles.geometry(index, float(view.viewport().width()))
        assert geo is not None and geo.card is not None
        centre = geo.card.rect.center().toPoint() + view.visualRect(index).topLeft()
        return view.viewport().grab().toImage().pixelColor(centre * view.devicePixelRatioF())

    def all_shown() -> bool:
        view.viewport().repaint()
        return all(_near(shown(row), QColor(colour)) for row, colour in enumerate(colours))

    qtbot.waitUntil(all_shown, timeout=10_000)
    assert read_on and threading.get_ident() not in read_on


def _near(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 30


def test_no_window_owns_the_threads_that_read_its_pictures(window: Any, ctx: Any, qtbot: Any) -> None:
    """A thread pool that is a window's child is destroyed with the window from inside Qt, waiting for
    the picture it is reading while holding the lock that reading needs to finish: closing a window
    while a photo was read hung the app for good (a test run stopped there until CI's time ran out).
    The chat, its shared media and the catalogue read pictures in one pool that no window owns."""
    from PySide6.QtCore import QThreadPool

    from ui.catalog_window import CatalogWindow

    catalog = CatalogWindow(ctx)
    qtbot.addWidget(catalog)
    assert window.findChildren(QThreadPool) == []
    assert catalog.findChildren(QThreadPool) == []
    catalog.thumbs.pixmap("not-there.jpg", 64)  # a thumbnail asked for, then the window closes
    catalog.close()
    assert catalog.thumbs.is_idle()
