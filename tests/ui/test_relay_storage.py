"""The relay's own storage failing a reply's file or a customer's: said as what the relay says it
comes down to (a full disk, a media folder it may not write in, a disk's errors, a passing hiccup),
not as "your relay is busy", nor every one as a full disk."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.db import Database
from app.errors import RelayBusy
from app.wire import RelayErrorCode, StorageCause
from tests.support.fake_graph import run_fake_graph
from tests.support.relay_server import RunningRelay, run_relay
from tests.ui.test_graph_unreachable import _chat_of_one_customer_file

# Larger than the full disk of tests/relay/test_media_file_failures.py takes.
PHOTO = b"\xff\xd8\xff\xe0" + bytes(256 * 1024)


def test_a_customers_file_the_relays_media_folder_cannot_take_says_to_tell_whoever_set_up_the_relay(
    window: Any, qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    """A file where the relay's media folder should be: nothing to free, so not "the disk may be
    full" (what every storage failure was said as) but the folder, and who can mend it."""
    folder = tmp_path / "relay"
    folder.mkdir()
    with run_fake_graph() as graph, run_relay(folder, graph_url=graph.url) as relay:
        media_dir = folder / "relay-media"
        media_dir.rename(folder / "away")
        media_dir.write_text("not a folder: every file written under it fails")
        graph.add_media("5550030", b"%PDF-1.4\n" + b"0" * 500, "application/pdf")
        doc = {"filename": "quote.pdf", "mime_type": "application/pdf", "id": "5550030"}
        view = _chat_of_one_customer_file(window, qtbot, relay, "document", doc)
        warned = dialogs.expect("warning")
        view.media_open_requested.emit(view.chat_model.info(0).media.id, view.chat_model.info(0).message.id)
        qtbot.waitUntil(lambda: bool(warned.shown), timeout=10_000)
    assert warned.shown[0].text == (
        "Your relay may not use its media folder, so it could not keep this file. Tell whoever set up "
        "your relay (its log says what to change), then open the file again."
    )


def _queue_photo_reply(db: Database, tmp_path: Path) -> int:
    from app.sending import queue_message, send_body
    from tests.support.factories import make_contact

    picture = tmp_path / "vase.jpg"
    picture.write_bytes(PHOTO)
    with db.write() as s:
        contact_id = make_contact(s, wa_id="821012345678").id
        payload = send_body("image", "이 화병 어떠세요?")
        return int(queue_message(s, contact_id, payload, body="이 화병 어떠세요?", media_path=picture).id)


def _one_attempt(db: Database, relay: RunningRelay) -> None:
    """The outbox's next attempt, as a fresh start of the app makes it (no backoff to wait out)."""
    from app.outbox import OutboxSender
    from app.relay_client import RelayClient

    client = RelayClient(relay.url, relay.token, timeout=10)
    try:
        OutboxSender(db, client, on_changed=lambda ids: None, stop=threading.Event()).run_once()
    finally:
        client.close()


def _tooltip(db: Database, message_id: int) -> tuple[str, str]:
    from app.queries import messages_by_ids
    from ui.message_status import status_tooltip

    with db.read() as s:
        (row,) = messages_by_ids(s, [message_id])
    return row.status, status_tooltip(row)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_photo_reply_on_the_relays_full_disk_waits_saying_to_free_space_there_and_goes_after(
    qtbot: Any, db: Database, tmp_path: Path, request: pytest.FixtureRequest, language: str
) -> None:
    from tests.relay.test_media_file_failures import full_disk

    if language == "ko":
        request.getfixturevalue("korean")
    mid = _queue_photo_reply(db, tmp_path)
    folder = tmp_path / "relay"
    folder.mkdir()
    with run_fake_graph() as graph, run_relay(folder, graph_url=graph.url) as relay:
        with full_disk(folder / "relay-media"):
            _one_attempt(db, relay)
            assert graph.upload_names == {} and graph.send_calls == 0  # Meta got nothing
            assert _tooltip(db, mid) == (
                "pending",
                {
                    "en": "Waiting: the disk on your relay's server is full, so your relay could not keep "
                    "this file. It will be sent once there is room: free some space there, or ask "
                    "whoever looks after your relay to.",
                    "ko": "전송 대기 중: 릴레이 서버의 디스크가 가득 차서 릴레이가 이\u00a0파일을 보관하지 "
                    "못했어요. 공간이 생기면 보내요. 서버에서 공간을 비우거나 릴레이를 관리하는 분께 "
                    "부탁하세요.",
                }[language],
            )
        _one_attempt(db, relay)  # room again
    assert _tooltip(db, mid)[0] == "sent"
    assert graph.send_calls == 1


def test_a_photo_reply_whose_relay_folder_went_missing_mid_upload_says_nothing_alarming_and_goes(
    qtbot: Any, db: Database, tmp_path: Path, korean: None
) -> None:
    """The relay's media folder removed while the photo went up (an operator's cleanup): the relay
    makes it again at the next file, so this is no full disk and nobody's to mend."""
    mid = _queue_photo_reply(db, tmp_path)
    folder = tmp_path / "relay"
    folder.mkdir()
    with run_fake_graph() as graph, run_relay(folder, graph_url=graph.url) as relay:
        graph.on_upload = lambda _media_id: shutil.rmtree(folder / "relay-media")
        _one_attempt(db, relay)
        graph.on_upload = None
        assert graph.send_calls == 0
        assert _tooltip(db, mid) == (
            "pending",
            "전송 대기 중: 방금은 릴레이가 이\u00a0파일을 받을 준비가 안 됐어요. 곧 보내요.",
        )
        _one_attempt(db, relay)
    assert _tooltip(db, mid)[0] == "sent"


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_photo_reply_while_the_relays_database_is_full_waits_saying_so_and_never_reaches_meta(
    qtbot: Any, db: Database, tmp_path: Path, request: pytest.FixtureRequest, language: str
) -> None:
    """The relay's database reads but takes no write (its disk full): the relay refuses the photo
    before it goes to Meta, naming the full disk, and the reply's line says so in the owner's
    language. It went up to Meta on every retry before, and the owner waited for nothing."""
    from app.outbox import Waiting
    from tests.relay.test_upload_write_check import sqlite_full

    if language == "ko":
        request.getfixturevalue("korean")
    mid = _queue_photo_reply(db, tmp_path)
    folder = tmp_path / "relay"
    folder.mkdir()
    with (
        run_fake_graph() as graph,
        run_relay(folder, graph_url=graph.url) as relay,
        sqlite_full(relay, folder),
    ):
        _one_attempt(db, relay)
        assert graph.upload_names == {} and graph.send_calls == 0  # Meta got nothing
    assert _waiting(db, mid) == (Waiting.RELAY_STORAGE, StorageCause.DISK_FULL)
    assert _tooltip(db, mid) == (
        "pending",
        {
            "en": "Waiting: the disk on your relay's server is full, so your relay could not keep "
            "this file. It will be sent once there is room: free some space there, or ask "
            "whoever looks after your relay to.",
            "ko": "전송 대기 중: 릴레이 서버의 디스크가 가득 차서 릴레이가 이\u00a0파일을 보관하지 "
            "못했어요. 공간이 생기면 보내요. 서버에서 공간을 비우거나 릴레이를 관리하는 분께 "
            "부탁하세요.",
        }[language],
    )


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_photo_reply_while_another_program_locks_the_relays_database_says_it_is_busy_then_goes(
    qtbot: Any, db: Database, tmp_path: Path, request: pytest.FixtureRequest, language: str
) -> None:
    """A backup tool (or a second relay) holding the relay's SQLite file: no disk to free, so not
    "the disk may be full" (what every database failure was said as) but a busy database, which
    passes by itself; the reply goes once the lock is let go."""
    from app.outbox import Waiting
    from tests.relay.test_storage_answers import sqlite_locked

    if language == "ko":
        request.getfixturevalue("korean")
    mid = _queue_photo_reply(db, tmp_path)
    folder = tmp_path / "relay"
    folder.mkdir()
    with run_fake_graph() as graph, run_relay(folder, graph_url=graph.url) as relay:
        with sqlite_locked(relay, folder):
            _one_attempt(db, relay)
            assert graph.upload_names == {} and graph.send_calls == 0  # Meta got nothing
            assert _waiting(db, mid) == (Waiting.RELAY_STORAGE, StorageCause.LOCKED)
            assert _tooltip(db, mid) == (
                "pending",
                {
                    "en": "Waiting: your relay's database is busy right now, so your relay could not "
                    "take this file. It will be sent by itself; if this lasts, tell whoever looks "
                    "after your relay.",
                    "ko": "전송 대기 중: 지금 릴레이의 데이터베이스가 바빠서 릴레이가 이\u00a0파일을 "
                    "받지 못했어요. 자동으로 보내요. 계속 이러면 릴레이를 관리하는 분께 알려 주세요.",
                }[language],
            )
        _one_attempt(db, relay)  # the lock let go
    assert _tooltip(db, mid)[0] == "sent"
    assert graph.send_calls == 1


def _waiting(db: Database, message_id: int) -> tuple[str | None, str | None]:
    """Why a pending message waits, as kept beside it: its reason and the relay's cause."""
    from app.models import Message

    with db.read() as s:
        waiting = s.get(Message, message_id)
        assert waiting is not None
        return waiting.error_code, waiting.error_text


def _relays_answer(cause: str | None) -> RelayBusy:
    """The relay's own 503 `storage` for `cause` (made by the relay's code that answers it), as the
    desktop's relay client reads it. A disk's errors (EIO) and a conflict between two workers cannot
    be brought about here on a real disk; the others are, above and in tests/relay."""
    from app.relay_client import busy, refusal
    from relay.errors import error, storage_conflict_error, storage_error
    from relay.file_failures import FILE_CAUSES, file_not_kept

    if cause == StorageCause.CONFLICT_WITH_ANOTHER_WORKER:
        answer = storage_conflict_error("The relay could not store this; ask again.")
    elif cause in FILE_CAUSES.values():
        number = next(n for n, c in FILE_CAUSES.items() if c == cause)
        answer = file_not_kept("the upload", OSError(number, os.strerror(number)), Path("/srv/media"))
    elif cause in DATABASE_CAUSES:  # the relay's database: its handler of storage failures answers so
        answer = storage_error("The relay's storage is unavailable right now.", cause)
    else:  # none (an older relay), or one a newer relay names
        params = {"cause": cause} if cause else None
        answer = error(503, RelayErrorCode.STORAGE, "The relay could not store this.", params=params)
    response = httpx.Response(answer.status_code, content=bytes(answer.body))
    return busy(response.status_code, refusal(response))


# What each cause's two sentences (a reply that waits, a customer's file) both say, and must not.
SAID = {
    StorageCause.DISK_FULL: (("server is full", "free some space"), ("디스크가 가득 차서", "공간을 비")),
    StorageCause.DISK_ERROR: (("reports errors", "check that disk"), ("오류가 나서", "디스크 점검")),
    StorageCause.READ_ONLY: (("media folder", "whoever set up"), ("미디어 폴더", "설정한 분")),
    StorageCause.NO_PERMISSION: (("media folder", "whoever set up"), ("미디어 폴더", "설정한 분")),
    StorageCause.NOT_A_FOLDER: (("media folder", "whoever set up"), ("미디어 폴더", "설정한 분")),
    StorageCause.FILE_MISSING: (("not ready",), ("준비가 안 됐어요",)),
    StorageCause.CONFLICT_WITH_ANOTHER_WORKER: (("not ready",), ("준비가 안 됐어요",)),
    StorageCause.LOCKED: (("database is busy", "if this lasts"), ("데이터베이스가 바빠서", "계속 이러면")),
    StorageCause.TOO_MANY_CONNECTIONS: (
        ("database is busy", "if this lasts"),
        ("데이터베이스가 바빠서", "계속 이러면"),
    ),
    StorageCause.CONNECTION_LOST: (("cannot reach its database",), ("데이터베이스에 연결할 수 없어서",)),
    StorageCause.DATABASE_READ_ONLY: (("needs fixing", "its log"), ("고쳐야", "로그")),
    StorageCause.LOGIN_REFUSED: (("needs fixing", "its log"), ("고쳐야", "로그")),
    StorageCause.SCHEMA_MISSING: (("needs fixing", "its log"), ("고쳐야", "로그")),
    StorageCause.DATABASE_NOT_UTF8: (("needs fixing", "its log"), ("고쳐야", "로그")),
    None: (("may be full",), ("가득 찼을 수 있어요",)),
    "a_cause_from_a_newer_relay": (("may be full",), ("가득 찼을 수 있어요",)),
}


DATABASE_CAUSES = (
    StorageCause.LOCKED,
    StorageCause.TOO_MANY_CONNECTIONS,
    StorageCause.CONNECTION_LOST,
    StorageCause.DATABASE_READ_ONLY,
    StorageCause.LOGIN_REFUSED,
    StorageCause.SCHEMA_MISSING,
    StorageCause.DATABASE_NOT_UTF8,
)


def test_every_cause_the_relay_names_has_its_own_sentence() -> None:
    # A cause added to the wire without one is said as a disk that may be full: wrong for any.
    assert set(StorageCause) == {cause for cause in SAID if isinstance(cause, StorageCause)}


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("cause", list(SAID))
def test_each_cause_the_relay_names_is_said_for_a_waiting_reply_and_a_customers_file(
    qapp: Any, request: pytest.FixtureRequest, cause: str | None, language: str
) -> None:
    from app.outbox import Waiting, waiting_cause, waiting_reason
    from ui.error_sentences import download_sentence
    from ui.message_status import waiting_sentence

    if language == "ko":
        request.getfixturevalue("korean")
    exc = _relays_answer(cause)
    reason = waiting_reason(exc, posted=False)
    assert reason is Waiting.RELAY_STORAGE  # it waits as before: only the words differ
    waiting, download = waiting_sentence(reason, waiting_cause(exc, reason)), download_sentence(exc)
    english, korean = SAID[cause]
    for sentence in (waiting, download):
        assert all(words in sentence.lower() for words in (english if language == "en" else korean)), sentence
        assert "relay is busy" not in sentence
    if cause in DATABASE_CAUSES:
        # The database's trouble: neither a disk to free nor the media folder.
        assert not any(word in waiting + download for word in ("disk", "folder", "디스크", "폴더"))
    if cause in (StorageCause.FILE_MISSING, StorageCause.CONFLICT_WITH_ANOTHER_WORKER):
        # A hiccup the same request goes past: no disk, no folder, nobody to call.
        assert not any(word in waiting + download for word in ("disk", "folder", "디스크", "폴더", "분께"))
    if language == "ko":
        assert not any(word in waiting + download for word in ("relay", "Waiting"))  # translated
