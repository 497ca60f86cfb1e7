"""A customer's file that was downloaded once and then went from the media folder (deleted by hand,
taken by an antivirus) is fetched again from the relay when its card is clicked, and opened; a click
used to hand the system a path to nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from sqlalchemy import select

from app.models import Media
from tests.support.fake_graph import run_fake_graph
from tests.support.opened_urls import Opened
from tests.support.relay_server import inbound, run_relay
from tests.support.window_waits import select_chat

CUSTOMER = "821077778888"


def test_a_document_gone_from_the_media_folder_is_fetched_again_and_opened(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "relay"
    folder.mkdir()
    quote = b"%PDF-1.4\n" + "견적서 내용".encode() * 100
    with run_fake_graph() as graph, run_relay(folder, graph_url=graph.url) as relay:
        graph.add_media("5550001", quote, "application/pdf")
        doc = {"filename": "견적서.pdf", "mime_type": "application/pdf", "id": "5550001"}
        window.ctx.prefs["relay_url"] = relay.url
        window.ctx.relay_token = relay.token
        window.start_sync()
        relay.post_webhook(inbound("document", doc, sender=CUSTOMER, name="정하린"))
        chats = window.chat_list.model
        qtbot.waitUntil(lambda: chats.rowCount() == 1, timeout=10_000)
        select_chat(window, qtbot, chats.row_at(0).contact_id)
        view = window.chat.view
        qtbot.waitUntil(lambda: view.chat_model.rowCount() == 1, timeout=5000)

        def click_the_card() -> None:
            index = view.chat_model.index(0)
            geo = view.bubbles.geometry(index, float(view.viewport().width()))
            assert geo is not None and geo.card is not None
            centre = (geo.card.rect.center() + view.visualRect(index).topLeft().toPointF()).toPoint()
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)

        opened = Opened()
        QDesktopServices.setUrlHandler("file", opened, "open")  # type: ignore[arg-type]
        try:
            click_the_card()  # the first time: downloaded through the relay, then opened
            qtbot.waitUntil(lambda: len(opened.urls) == 1, timeout=10_000)
            kept = Path(opened.urls[0].toLocalFile())
            assert kept.read_bytes() == quote
            with window.ctx.db.read() as s:
                assert s.scalar(select(Media.cache_path)) is not None
            qtbot.waitUntil(lambda: view.chat_model.info(0).media.cache_path is not None, timeout=5000)

            kept.unlink()  # the owner tidied the media folder
            click_the_card()
            qtbot.waitUntil(lambda: len(opened.urls) == 2, timeout=10_000)
        finally:
            QDesktopServices.unsetUrlHandler("file")
        assert Path(opened.urls[1].toLocalFile()).read_bytes() == quote


def test_a_photo_gone_from_the_media_folder_shows_again_once_clicked(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    picture = QImage(400, 300, QImage.Format.Format_RGB32)
    picture.fill(QColor("#1e3a5f"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    picture.save(buffer, "PNG")  # type: ignore[call-overload]
    folder = tmp_path / "relay"
    folder.mkdir()
    with run_fake_graph() as graph, run_relay(folder, graph_url=graph.url) as relay:
        graph.add_media("5550002", bytes(data.data()), "image/png")
        photo = {"mime_type": "image/png", "id": "5550002", "caption": "이 색 있나요?"}
        window.ctx.prefs["relay_url"] = relay.url
        window.ctx.relay_token = relay.token
        window.start_sync()
        relay.post_webhook(inbound("image", photo, sender=CUSTOMER, name="정하린"))
        chats = window.chat_list.model
        qtbot.waitUntil(lambda: chats.rowCount() == 1, timeout=10_000)
        select_chat(window, qtbot, chats.row_at(0).contact_id)
        view = window.chat.view
        qtbot.waitUntil(lambda: view.chat_model.rowCount() == 1, timeout=5000)

        def card() -> Any:
            index = view.chat_model.index(0)
            geo = view.bubbles.geometry(index, float(view.viewport().width()))
            assert geo is not None and geo.card is not None
            return geo.card, view.visualRect(index).topLeft()

        def shows_the_photo() -> bool:
            view.viewport().repaint()
            found, corner = card()
            centre = found.rect.center().toPoint() + corner
            shown = view.viewport().grab().toImage().pixelColor(centre * view.devicePixelRatioF())
            return shown.name() == "#1e3a5f" and found.rect.width() > found.rect.height()

        qtbot.waitUntil(shows_the_photo, timeout=10_000)  # fetched by itself, as photos are
        kept = Path(card()[0].target)
        kept.unlink()
        view.bubbles.clear_cache()
        view.bubbles.pictures.forget(str(kept))
        qtbot.waitUntil(lambda: not shows_the_photo(), timeout=5000)

        opened = Opened()
        QDesktopServices.setUrlHandler("file", opened, "open")  # type: ignore[arg-type]
        try:
            found, corner = card()
            click = found.rect.center().toPoint() + corner
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=click)
            qtbot.waitUntil(lambda: bool(opened.urls), timeout=10_000)
        finally:
            QDesktopServices.unsetUrlHandler("file")
        qtbot.waitUntil(shows_the_photo, timeout=10_000)
