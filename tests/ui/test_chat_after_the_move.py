"""A new laptop's chat after the move: it reads in the order things happened (the old laptop's reply,
sent after its backup and carried over by the relay, sits between the customer's messages even when
her next one came within the same second: WhatsApp stamps whole seconds), and a half-written reply
comes with the files it had attached. Real backup, restore, relay."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from sqlalchemy import select

from app.backup import create_backup, restore_backup
from app.db import Database
from app.drafts import store_drafts
from app.models import Contact, Message
from app.paths import AppPaths, paths_for
from app.sending import queue_text
from tests.support.engine_probe import EngineProbe, message_status, running_engine
from tests.support.factories import make_contact, make_message
from tests.support.relay_server import RunningRelay, inbound
from tests.support.window_waits import select_chat, settle
from ui.chat_view_model import MessageRole

CUSTOMER = "821055550123"


@pytest.fixture
def new_laptop(tmp_path: Path) -> AppPaths:
    return paths_for(tmp_path / "new laptop").ensure()


@pytest.fixture
def new_window(qtbot: Any, new_laptop: AppPaths) -> Iterator[Any]:
    """The new laptop's window on the inbox its restore left (opened once the test has restored)."""
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.ops import pending_ops

    opened: list[Any] = []

    def finish(w: Any) -> None:
        qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
        w.shutdown()

    def open_window() -> Any:
        ctx = AppContext(
            db=Database.open(new_laptop.database),
            paths=new_laptop,
            prefs={"enter_sends": True, "notifications": True},
        )
        window = MainWindow(ctx)
        qtbot.addWidget(window, before_close_func=finish)
        window.resize(796, 700)
        window.show()
        qtbot.waitExposed(window)
        opened.append(window)
        return window

    yield open_window
    for window in opened:
        window.ctx.db.close()


def test_the_old_laptops_reply_reads_between_her_messages_on_the_new_laptop(
    qtbot: Any, tmp_path: Path, relay: RunningRelay, new_laptop: AppPaths, new_window: Any
) -> None:
    old = paths_for(tmp_path / "old laptop").ensure()
    db = Database.open(old.database)
    probe = EngineProbe()
    question = inbound(content="린넨 셔츠 M 사이즈 있나요?", sender=CUSTOMER, name="단골 손님")
    relay.post_webhook(question)
    with running_engine(db, relay, old.media_dir, probe):
        probe.wait_until(lambda: _count(db) == 1)
    backup = create_backup(old, tmp_path / "USB" / "샵인박스-백업.zip").path
    # After the backup, the old laptop answers her (the backup does not hold this reply).
    with db.write() as s:
        contact_id = s.scalars(select(Contact.id)).one()
        reply_id = queue_text(s, contact_id, "네, 있어요! 바로 보내드릴까요?").id
    with running_engine(db, relay, old.media_dir, probe):
        probe.wait_until(lambda: message_status(db, reply_id) == "sent")
    db.close()
    # She answers within the second the relay logged the reply in: her WhatsApp time is that whole
    # second, earlier than the reply's own time to the millisecond.
    sent = [e for e in relay.events()["events"] if e["kind"] == "outbound"]
    logged = datetime.fromisoformat(sent[-1]["at"]).timestamp()
    relay.post_webhook(
        inbound(content="네 보내주세요", sender=CUSTOMER, name="단골 손님", timestamp=int(logged))
    )
    assert time.time() - logged < 60  # (the relay's clock is this one's)

    Database.open(new_laptop.database).close()  # the first start's empty inbox, which the wizard replaces
    restore_backup(backup, new_laptop)
    window = new_window()
    window.ctx.prefs["relay_url"] = relay.url
    window.ctx.relay_token = relay.token
    window.start_sync()
    qtbot.waitUntil(lambda: _count(window.ctx.db) == 3, timeout=15_000)
    chats = window.chat_list.model
    # Her answer is the chat's last line, and news: the old laptop's reply read her question only.
    qtbot.waitUntil(lambda: chats.rowCount() == 1 and chats.row_at(0).last_body == "네 보내주세요")
    assert chats.row_at(0).unread_count == 1
    settle(qtbot)
    select_chat(window, qtbot, contact_id)
    model = window.chat.view.chat_model
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=5000)
    shown = [model.index(row).data(MessageRole.MESSAGE).body for row in range(model.rowCount())]
    assert shown == ["린넨 셔츠 M 사이즈 있나요?", "네, 있어요! 바로 보내드릴까요?", "네 보내주세요"]


def _count(db: Database) -> int:
    with db.read() as s:
        return len(s.scalars(select(Message.id)).all())


RECEIPT = b"%PDF-1.7 receipt" * 40


def _drafts_moved(
    tmp_path: Path, new_laptop: AppPaths, drafts: dict[str, tuple[str, str, list[str]]]
) -> dict[str, int]:
    """The old laptop's inbox with a chat per customer (wa_id: her name, the draft to her, the files
    from its Downloads attached to it: a "지운" one deleted before the backup was made), backed up,
    its folders gone, restored on the new laptop. The contacts' ids by wa_id."""
    old = paths_for(tmp_path / "old laptop").ensure()
    db = Database.open(old.database)
    with db.write() as s:
        contacts = {
            wa_id: make_contact(s, wa_id=wa_id, profile_name=name) for wa_id, (name, _, _) in drafts.items()
        }
        for contact in contacts.values():
            make_message(s, contact, "입금했어요")
        ids = {wa_id: contact.id for wa_id, contact in contacts.items()}
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    for name in {name for _, _, names in drafts.values() for name in names if not name.startswith("지운")}:
        if name.endswith(".pdf"):
            (downloads / name).write_bytes(RECEIPT)
        else:
            picture = QImage(64, 48, QImage.Format.Format_RGB32)
            picture.fill(QColor("pink"))
            assert picture.save(str(downloads / name))
    texts = {ids[wa_id]: text for wa_id, (_, text, _) in drafts.items()}
    files = {ids[wa_id]: [downloads / name for name in names] for wa_id, (_, _, names) in drafts.items()}
    store_drafts(db, texts, files=files)
    backup = create_backup(old, tmp_path / "USB" / "샵인박스-백업.zip").path
    db.close()
    for folder in (old.data_dir, downloads):  # the old laptop's folders are not on this one
        shutil.rmtree(folder)
    Database.open(new_laptop.database).close()  # the first start's empty inbox, which the wizard replaces
    restore_backup(backup, new_laptop)
    return ids


def test_a_draft_keeps_its_words_and_its_file_from_the_old_laptops_downloads_and_names_the_one_it_lost(
    qtbot: Any, tmp_path: Path, new_laptop: AppPaths, new_window: Any, korean: Any
) -> None:
    draft = ("단골 손님", "입금 확인했어요. 영수증 보내드려요", ["영수증.pdf", "지운 사진.jpg"])
    contact_id = _drafts_moved(tmp_path, new_laptop, {CUSTOMER: draft})[CUSTOMER]
    window = new_window()
    window.read_drafts()
    settle(qtbot)
    select_chat(window, qtbot, contact_id)
    composer = window.chat.composer
    qtbot.waitUntil(lambda: composer.gone_note.isVisible())
    assert composer.edit.toPlainText() == "입금 확인했어요. 영수증 보내드려요"
    [attached] = composer.attachments
    assert attached.name == "영수증.pdf" and attached.read_bytes() == RECEIPT
    assert attached.is_relative_to(new_laptop.pasted_dir)
    # Said in the chat, under the box, naming the file: no dialog to click away.
    assert composer.gone_note.text() == (
        "첨부에서 빠졌어요: 이\u00a0컴퓨터에 지운 사진.jpg 파일이 없어요(그사이 옮겨지거나 삭제되었거나 "
        "이전 컴퓨터에 남아 있어요). 보내려면 다시 첨부하세요."
    )


@pytest.mark.parametrize(
    ("language", "draft", "two_files"),
    [("korean", "임시 저장", "파일 2개"), ("english", "Draft", "2 files")],
)
def test_the_chat_lists_draft_line_counts_only_the_files_the_move_brought_before_the_chat_opens(
    qtbot: Any,
    request: Any,
    tmp_path: Path,
    new_laptop: AppPaths,
    new_window: Any,
    language: str,
    draft: str,
    two_files: str,
) -> None:
    request.getfixturevalue(language)
    newcomer = "821055550999"
    ids = _drafts_moved(
        tmp_path,
        new_laptop,
        {
            CUSTOMER: (
                "단골 손님",
                "사진이랑 영수증 보내드려요",
                ["원피스.jpg", "지운 사진.jpg", "영수증.pdf"],
            ),
            newcomer: ("새 손님", "곧 답장드릴게요", ["지운 사진.jpg"]),
        },
    )
    contact_id, other_id = ids[CUSTOMER], ids[newcomer]
    window = new_window()
    chats = window.chat_list.model
    qtbot.waitUntil(lambda: chats.rowCount() == 2, timeout=5000)
    window.read_drafts()
    settle(qtbot)

    def spoken(contact: int) -> str:
        [row] = [r for r in range(chats.rowCount()) if chats.row_at(r).contact_id == contact]
        return str(chats.index(row).data(Qt.ItemDataRole.AccessibleTextRole))

    # Two files came along, not three: the row says what opening the chat will show on the bar.
    assert f", {draft}: 📎 {two_files} 사진이랑 영수증 보내드려요, " in spoken(contact_id)
    # A draft whose only file stayed behind says its words alone, no paper clip; the row drawn too.
    assert f", {draft}: 곧 답장드릴게요, " in spoken(other_id)
    assert window.chat_list.delegate.draft_for(other_id) == "곧 답장드릴게요"

    select_chat(window, qtbot, contact_id)
    composer = window.chat.composer
    qtbot.waitUntil(lambda: composer.gone_note.isVisible())
    assert [path.name for path in composer.attachments] == ["원피스.jpg", "영수증.pdf"]
    assert "지운 사진.jpg" in composer.gone_note.text()
