"""A relay that answers but cannot reach WhatsApp: the window says so, the waiting reply says why, and
the owner can take it back without losing its text."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from sqlalchemy import select

from app.connection import Connection, ConnectionState
from app.errors import GraphUnreachable, RefusalParams
from app.models import Message
from app.outbox import Waiting
from tests.support.fake_graph import fake_graph_out_of_reach, run_fake_graph
from tests.support.relay_server import RunningRelay, inbound, run_relay
from tests.support.window_waits import select_chat
from ui import chat_view_model
from ui.connection_banner import ConnectionBanner
from ui.error_sentences import download_sentence
from ui.message_status import status_tooltip, waiting_sentence

CUSTOMER = "821077778888"


def test_the_banner_says_the_relay_cannot_reach_whatsapp_until_it_can(qtbot: Any) -> None:
    banner = ConnectionBanner()
    qtbot.addWidget(banner)
    banner.set_state(ConnectionState(Connection.ONLINE))
    banner.set_graph_down(True)
    assert not banner.isHidden()
    assert "can't reach WhatsApp" in banner.text.text()
    assert not banner.settings.isHidden() and banner.retry.isHidden()
    # The relay itself offline says that instead: one trouble at a time, the nearest first.
    banner.set_state(ConnectionState(Connection.OFFLINE))
    assert banner.text.text().startswith("Cannot reach your relay")
    banner.set_state(ConnectionState(Connection.ONLINE))
    assert "can't reach WhatsApp" in banner.text.text()
    banner.set_graph_down(False)
    # Back from offline a moment ago: "Reconnected" for its few seconds, then nothing to say.
    from ui.connection_banner import RECONNECTED_SECONDS

    qtbot.waitUntil(banner.isHidden, timeout=(RECONNECTED_SECONDS + 3) * 1000)


def test_a_waiting_replys_tooltip_says_whatsapp_is_out_of_the_relays_reach_in_korean(
    qtbot: Any, korean: None
) -> None:
    sentence = waiting_sentence(Waiting.GRAPH_UNREACHABLE)
    assert "WhatsApp" in sentence and sentence != waiting_sentence(None)
    assert "Waiting" not in sentence  # translated
    assert waiting_sentence(Waiting.GRAPH_BUSY) != sentence


def _reply_waiting(window: Any, qtbot: Any, relay: RunningRelay, text: str) -> int:
    """Sync with the relay, a customer writes, the owner replies: the reply waits on WhatsApp."""
    window.ctx.prefs["relay_url"] = relay.url
    window.ctx.relay_token = relay.token
    window.start_sync()
    relay.post_webhook(inbound(content="포장 가능할까요?", sender=CUSTOMER, name="박지은"))
    model = window.chat_list.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10000)
    select_chat(window, qtbot, model.row_at(0).contact_id)
    composer = window.chat.composer
    composer.edit.setPlainText(text)
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.banner.graph_down, timeout=15000)
    with window.ctx.db.read() as s:
        return int(s.scalar(select(Message.id).where(Message.body == text)) or 0)


def _row(window: Any, message_id: int) -> Any:
    model = window.chat.view.chat_model
    for i in range(model.rowCount()):
        info = model.info(i)
        if info is not None and info.message.id == message_id:
            return info.message
    return None


def test_a_reply_the_relay_cannot_get_to_whatsapp_is_explained_and_can_be_cancelled_keeping_its_text(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "relay"
    folder.mkdir()
    with (
        run_fake_graph() as graph,
        run_relay(folder, graph_url="http://127.0.0.1:9", send_attempts=1) as relay,
    ):
        mid = _reply_waiting(window, qtbot, relay, "네, 선물 포장해 드릴게요")
        assert window.banner.isVisible() and "can't reach WhatsApp" in window.banner.text.text()
        qtbot.waitUntil(lambda: (r := _row(window, mid)) is not None and r.error_code == "graph_unreachable")
        row = _row(window, mid)
        assert "can't reach WhatsApp" in status_tooltip(row)

        window.chat.composer.edit.clear()
        window.chat.view.cancel_requested.emit(mid)
        qtbot.waitUntil(lambda: _row(window, mid) is None, timeout=5000)
        assert window.chat.composer.edit.toPlainText() == "네, 선물 포장해 드릴게요"
        qtbot.waitUntil(lambda: not window.banner.graph_down, timeout=5000)  # nothing waits any more

        # The relay's internet comes back: the next reply goes out, the cancelled one never does.
        relay.stop()
        relay.settings = dataclasses.replace(relay.settings, graph_url=graph.url)
        relay.start()
        window.chat.composer.edit.setPlainText("포장해서 내일 보내드려요")
        qtbot.keyClick(window.chat.composer.edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: len(graph.sent) == 1, timeout=30000)
        qtbot.waitUntil(lambda: not window.banner.graph_down, timeout=10000)
        assert [b["text"]["body"] for b in graph.sent] == ["포장해서 내일 보내드려요"]
        assert not window.banner.isVisible() or "WhatsApp" not in window.banner.text.text()


def _chat_of_one_customer_file(
    window: Any, qtbot: Any, relay: RunningRelay, kind: str, obj: dict[str, Any]
) -> Any:
    """Sync with the relay; a customer sends a photo or a file; their chat is opened: its view."""
    window.ctx.prefs["relay_url"] = relay.url
    window.ctx.relay_token = relay.token
    window.start_sync()
    relay.post_webhook(inbound(kind, obj, sender=CUSTOMER, name="정하린"))
    chats = window.chat_list.model
    qtbot.waitUntil(lambda: chats.rowCount() == 1, timeout=10_000)
    select_chat(window, qtbot, chats.row_at(0).contact_id)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.rowCount() == 1, timeout=5000)
    return view


def test_a_customers_photo_whatsapp_is_out_of_the_relays_reach_for_shows_once_it_is_back(
    window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`graph_unreachable` on a photo's download is "later", not "lost": the chat asks again by itself
    (it used to ask once, leaving a grey box until the next start)."""
    monkeypatch.setattr(chat_view_model, "PICTURE_RETRY_MS", 100)
    folder = tmp_path / "relay"
    folder.mkdir()
    picture = tmp_path / "photo.jpg"
    assert QImage(64, 48, QImage.Format.Format_RGB32).save(str(picture))  # type: ignore[call-overload]
    with fake_graph_out_of_reach() as (graph, come_back), run_relay(folder, graph_url=graph.url) as relay:
        graph.add_media("5550020", picture.read_bytes(), "image/jpeg")
        view = _chat_of_one_customer_file(
            window, qtbot, relay, "image", {"id": "5550020", "mime_type": "image/jpeg"}
        )
        asked = []
        view.chat_model.media_wanted.connect(lambda media_id, message_id: asked.append(media_id))
        qtbot.waitUntil(lambda: len(asked) >= 2, timeout=10_000)  # failed, and asked for again
        come_back()
        qtbot.waitUntil(lambda: view.chat_model.info(0).media.cache_path is not None, timeout=10_000)


def test_a_file_opened_while_the_relay_cannot_reach_whatsapp_says_not_yet_in_korean(
    window: Any, qtbot: Any, tmp_path: Path, dialogs: Any, korean: None
) -> None:
    folder = tmp_path / "relay"
    folder.mkdir()
    with fake_graph_out_of_reach() as (graph, _come_back), run_relay(folder, graph_url=graph.url) as relay:
        graph.add_media("5550021", b"%PDF-1.4\n" + b"0" * 500, "application/pdf")
        doc = {"filename": "견적서.pdf", "mime_type": "application/pdf", "id": "5550021"}
        view = _chat_of_one_customer_file(window, qtbot, relay, "document", doc)
        warned = dialogs.expect("warning")
        view.media_open_requested.emit(view.chat_model.info(0).media.id, view.chat_model.info(0).message.id)
        qtbot.waitUntil(lambda: bool(warned.shown), timeout=10_000)
    said = warned.shown[0].text
    assert said == download_sentence(GraphUnreachable(503, RefusalParams("graph_unreachable")))
    assert "WhatsApp" in said and "릴레이" in said and "Try again" not in said


def test_a_customers_file_whatsapp_no_longer_has_says_to_ask_her_for_it_again(
    window: Any, qtbot: Any, tmp_path: Path, dialogs: Any, korean: None
) -> None:
    """Graph keeps a customer's file for a while only: one it no longer has is gone for good, and
    the owner is told what she can do about it (the customer still has it), in Korean."""
    folder = tmp_path / "relay"
    folder.mkdir()
    with run_fake_graph() as graph, run_relay(folder, graph_url=graph.url) as relay:
        # Graph has no file of this id: the relay cannot download it, now or later.
        doc = {"filename": "사이즈표.pdf", "mime_type": "application/pdf", "id": "5550022"}
        view = _chat_of_one_customer_file(window, qtbot, relay, "document", doc)
        warned = dialogs.expect("warning")
        view.media_open_requested.emit(view.chat_model.info(0).media.id, view.chat_model.info(0).message.id)
        qtbot.waitUntil(lambda: bool(warned.shown), timeout=10_000)
    said = warned.shown[0].text
    assert (
        said
        == "WhatsApp에 이\u00a0파일이 더 이상 없어서 받을 수 없어요. 고객에게 다시 보내 달라고 해 주세요."
    )


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_customers_photo_whatsapp_no_longer_has_says_so_in_its_box_before_a_click(
    window: Any, qtbot: Any, tmp_path: Path, dialogs: Any, lang: str, request: pytest.FixtureRequest
) -> None:
    """The chat asks for a photo by itself; when the relay says WhatsApp no longer has it, the grey
    box said only "Photo" until clicked. It says the photo is gone at once (no dialog: `dialogs` fails on one)."""
    if lang == "ko":
        request.getfixturevalue("korean")
    folder = tmp_path / "relay"
    folder.mkdir()
    with run_fake_graph() as graph, run_relay(folder, graph_url=graph.url) as relay:
        # Graph has no file of this id: expired before the relay fetched it.
        view = _chat_of_one_customer_file(
            window, qtbot, relay, "image", {"id": "5550023", "mime_type": "image/jpeg"}
        )
        qtbot.waitUntil(lambda: view.chat_model.info(0).media.gone, timeout=10_000)
    index = view.chat_model.index(0)
    geo = view.bubbles.geometry(index, float(view.viewport().width()))
    assert geo is not None and geo.card is not None and not geo.card.image_path
    said = {"en": "No longer on WhatsApp", "ko": "WhatsApp에 더 이상 없어요"}[lang]
    assert geo.card.subtitle == said
    assert geo.card.rect.width() > view.bubbles.fonts.small_fm.horizontalAdvance(said) + 16  # not cut


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_contact_panels_photo_whatsapp_no_longer_has_says_so_too(
    window: Any, qtbot: Any, tmp_path: Path, dialogs: Any, lang: str, request: pytest.FixtureRequest
) -> None:
    """The chat's box said "No longer on WhatsApp"; the contact panel's Media and documents showed the
    same photo as a bare picture icon and its date, as if it might still load. It says so too, muted
    below the name, from what the chat learnt (no dialog: `dialogs` fails on one)."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    from ui.shared_media import MediaRole

    if lang == "ko":
        request.getfixturevalue("korean")
    folder = tmp_path / "relay"
    folder.mkdir()
    with run_fake_graph() as graph, run_relay(folder, graph_url=graph.url) as relay:
        view = _chat_of_one_customer_file(
            window, qtbot, relay, "image", {"id": "5550024", "mime_type": "image/jpeg"}
        )
        qtbot.waitUntil(lambda: view.chat_model.info(0).media.gone, timeout=10_000)
        media = window.contact_panel.media
        with qtbot.waitSignal(media.loaded, timeout=10_000):
            window.toggle_contact_panel()
        said = {"en": "No longer on WhatsApp", "ko": "WhatsApp에 더 이상 없어요"}[lang]
        row = media.media_model.index(0)
        assert media.media_model.rowCount() == 1
        assert row.data(MediaRole.DETAIL) == said  # alone: not cut short after a date
        assert row.data(Qt.ItemDataRole.ToolTipRole).startswith(
            f"사진\n{said} · " if lang == "ko" else f"Photo\n{said} · "
        )
        assert row.data(MediaRole.THUMB) is None
        option = QStyleOptionViewItem()
        media.initViewItemOption(option)
        option.rect = media.visualRect(row)
        assert media.itemDelegate().detail_shown(option, row)[1] == said  # drawn whole, not "…이상 없…"
