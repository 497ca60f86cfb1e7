"""The relay's own disk full (or its media folder unwritable): a customer's file is said as that, not
as "your relay is busy"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

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


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_photo_reply_while_the_relays_database_is_full_waits_saying_so_and_never_reaches_meta(
    qtbot: Any, db: Any, tmp_path: Path, request: pytest.FixtureRequest, language: str
) -> None:
    """The relay's database reads but takes no write (its disk full): the relay refuses the photo
    before it goes to Meta, and the reply's line says the relay's disk may be full, in the owner's
    language. It went up to Meta on every retry before, and the owner waited for nothing."""
    import threading

    from app.outbox import OutboxSender, Waiting
    from app.queries import messages_by_ids
    from app.relay_client import RelayClient
    from app.sending import queue_message, send_body
    from tests.relay.test_upload_write_check import sqlite_full
    from tests.support.factories import make_contact
    from ui.message_status import status_tooltip

    if language == "ko":
        request.getfixturevalue("korean")
    picture = tmp_path / "vase.jpg"
    picture.write_bytes(b"\xff\xd8\xff\xe0" + b"vase" * 300)
    with db.write() as s:
        contact_id = make_contact(s, wa_id="821012345678").id
        payload = send_body("image", "이 화병 어떠세요?")
        mid = int(queue_message(s, contact_id, payload, body="이 화병 어떠세요?", media_path=picture).id)
    folder = tmp_path / "relay"
    folder.mkdir()
    with (
        run_fake_graph() as graph,
        run_relay(folder, graph_url=graph.url) as relay,
        sqlite_full(relay, folder),
    ):
        client = RelayClient(relay.url, relay.token, timeout=10)
        try:
            outbox = OutboxSender(db, client, on_changed=lambda ids: None, stop=threading.Event())
            outbox.run_once()
        finally:
            client.close()
        assert graph.upload_names == {} and graph.send_calls == 0  # Meta got nothing
    with db.read() as s:
        (row,) = messages_by_ids(s, [mid])
    assert (row.status, row.error_code) == ("pending", Waiting.RELAY_STORAGE)
    assert (
        status_tooltip(row)
        == {
            "en": "Waiting: your relay could not keep this file (the disk on the relay's server may be full). "
            "It will be sent once there is room.",
            "ko": "전송 대기 중: 릴레이가 이\u00a0파일을 보관하지 못했어요(릴레이 서버의 디스크가 가득 찼을 수 있어요). "
            "공간이 생기면 보내요.",
        }[language]
    )
