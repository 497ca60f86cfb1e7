"""The relay's own disk full (or its media folder unwritable): a customer's file is said as that, not
as "your relay is busy"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.support.fake_graph import run_fake_graph
from tests.support.relay_server import run_relay
from tests.ui.test_graph_unreachable import _chat_of_one_customer_file


def test_a_file_the_relay_has_no_room_for_says_to_free_space_on_the_relays_server(
    window: Any, qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    folder = tmp_path / "relay"
    folder.mkdir()
    with run_fake_graph() as graph, run_relay(folder, graph_url=graph.url) as relay:
        media_dir = folder / "relay-media"
        media_dir.rename(folder / "away")
        media_dir.write_text("not a folder: every file written under it fails, as on a full disk")
        graph.add_media("5550030", b"%PDF-1.4\n" + b"0" * 500, "application/pdf")
        doc = {"filename": "quote.pdf", "mime_type": "application/pdf", "id": "5550030"}
        view = _chat_of_one_customer_file(window, qtbot, relay, "document", doc)
        warned = dialogs.expect("warning")
        view.media_open_requested.emit(view.chat_model.info(0).media.id, view.chat_model.info(0).message.id)
        qtbot.waitUntil(lambda: bool(warned.shown), timeout=10_000)
    said = warned.shown[0].text
    assert "busy" not in said
    assert "disk" in said and "relay's server" in said


def test_a_reply_whose_file_the_relay_cannot_keep_says_so_in_korean(qtbot: Any, korean: None) -> None:
    from app.outbox import Waiting
    from ui.message_status import waiting_sentence

    sentence = waiting_sentence(Waiting.RELAY_STORAGE)
    assert sentence != waiting_sentence(None)
    assert "디스크" in sentence and "릴레이" in sentence
