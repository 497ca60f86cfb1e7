"""A reply typed and not sent is kept in the inbox: switching chats, quitting, or a crash a moment
after typing loses none; sending it forgets it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt

from tests.support.factories import make_contact, make_message
from tests.support.window_waits import load_chats, select_chat


def two_chats(window: Any, qtbot: Any) -> tuple[int, int]:
    with window.ctx.db.write() as s:
        kim = make_contact(s, profile_name="김민지", last_inbound_at=datetime.now(UTC))
        make_message(s, kim, "주문할게요")
        amy = make_contact(s, profile_name="Amy", last_inbound_at=datetime.now(UTC))
        make_message(s, amy, "Is it in stock?")
        ids = kim.id, amy.id
    load_chats(window, qtbot)
    return ids


def list_texts(window: Any, contact_id: int) -> list[str]:
    """What the chat list's row shows for this chat (name, time, preview…)."""
    row = window.chat_list.model.row_for(contact_id)
    assert row is not None
    return list(window.chat_list.delegate.texts(row))


def stored(window: Any) -> dict[int, str]:
    from app.drafts import read_drafts

    return read_drafts(window.ctx.db)


def test_a_draft_is_kept_a_moment_after_typing_and_comes_back_after_a_restart(
    qtbot: Any, window: Any, ctx: Any
) -> None:
    from ui.main_window import MainWindow
    from ui.ops import pending_ops

    kim, amy = two_chats(window, qtbot)
    window.start_sync()
    select_chat(window, qtbot, kim)
    composer = window.chat.composer
    composer.edit.insertPlainText("네, 내일 보내드릴게요. 주소가")  # typing, then the laptop crashes
    qtbot.waitUntil(lambda: stored(window) == {kim: "네, 내일 보내드릴게요. 주소가"}, timeout=5000)

    select_chat(window, qtbot, amy)
    # The list says where a reply is half-written.
    assert "Draft: 네, 내일 보내드릴게요. 주소가" in list_texts(window, kim)
    composer.edit.insertPlainText("Yes, in M and L")
    window.close()  # quit right after typing: no pause, still kept
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    assert stored(window) == {kim: "네, 내일 보내드릴게요. 주소가", amy: "Yes, in M and L"}

    again = MainWindow(ctx)  # the next start, on the same inbox
    qtbot.addWidget(again, before_close_func=lambda w: qtbot.waitUntil(lambda: pending_ops() == 0))
    again.show()
    again.start_sync()
    load_chats(again, qtbot)
    qtbot.waitUntil(lambda: "Draft: Yes, in M and L" in list_texts(again, amy), timeout=5000)
    select_chat(again, qtbot, amy)
    qtbot.waitUntil(lambda: again.chat.composer.edit.toPlainText() == "Yes, in M and L", timeout=5000)
    select_chat(again, qtbot, kim)
    assert again.chat.composer.edit.toPlainText() == "네, 내일 보내드릴게요. 주소가"
    again.shutdown()


def test_a_sent_draft_is_forgotten(qtbot: Any, window: Any) -> None:
    kim, _amy = two_chats(window, qtbot)
    window.start_sync()
    select_chat(window, qtbot, kim)
    composer = window.chat.composer
    composer.edit.insertPlainText("네, 있어요")
    qtbot.waitUntil(lambda: stored(window) == {kim: "네, 있어요"}, timeout=5000)
    composer.edit.setFocus()
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: composer.edit.toPlainText() == "", timeout=5000)
    qtbot.waitUntil(lambda: stored(window) == {}, timeout=5000)


def test_a_deleted_chat_takes_its_draft_with_it(qtbot: Any, window: Any, dialogs: Any) -> None:
    """Deleting a chat removes everything of it: a half-written reply must not come back, in the list
    or in the box, when the customer writes again."""
    from PySide6.QtWidgets import QMessageBox

    kim, amy = two_chats(window, qtbot)
    window.start_sync()
    select_chat(window, qtbot, amy)
    composer = window.chat.composer
    composer.edit.insertPlainText("Yes, in M and L")
    select_chat(window, qtbot, kim)
    composer.edit.insertPlainText("네, 내일 보내드릴게요")
    qtbot.waitUntil(
        lambda: stored(window) == {amy: "Yes, in M and L", kim: "네, 내일 보내드릴게요"}, timeout=5000
    )

    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    row = window.chat_list.model.row_for(kim)
    assert row is not None
    window.chat_list.delete_chat(row)  # the open chat, from its row's menu
    assert "김민지" in asked.shown[0].text
    qtbot.waitUntil(lambda: window.chat_list.model.row_for(kim) is None, timeout=5000)
    qtbot.waitUntil(lambda: stored(window) == {amy: "Yes, in M and L"}, timeout=5000)
    assert composer.edit.toPlainText() == ""
    assert composer.draft_for(kim) is None

    with window.ctx.db.write() as s:  # the customer writes again: a new chat, with an empty box
        from app.models import Contact

        make_message(s, s.get(Contact, kim), "또 주문할게요", sent_at=datetime.now(UTC))
    load_chats(window, qtbot)
    qtbot.waitUntil(lambda: window.chat_list.model.row_for(kim) is not None, timeout=5000)
    assert not any(text.startswith("Draft:") for text in list_texts(window, kim))
    select_chat(window, qtbot, kim)
    assert composer.edit.toPlainText() == ""


def test_the_message_a_draft_answers_comes_back_with_it_after_a_restart(
    qtbot: Any, window: Any, ctx: Any
) -> None:
    """The owner picks Kim's message to answer, types half the answer, and quits: at the next start
    the box holds the text and the quote, and the answer goes out as an answer to that message."""
    from ui.main_window import MainWindow
    from ui.ops import pending_ops

    kim, amy = two_chats(window, qtbot)
    window.start_sync()
    select_chat(window, qtbot, kim)
    composer = window.chat.composer
    model = window.chat.view.chat_model
    asked = model.message_at(model.rowCount() - 1)
    assert asked is not None and asked.body == "주문할게요"
    composer.set_reply(asked)
    composer.edit.insertPlainText("네, 주소 알려주세요")
    select_chat(window, qtbot, amy)  # the chat left: its draft and quote are kept now
    composer.edit.insertPlainText("In stock, yes")
    composer.set_reply(window.chat.view.chat_model.message_at(0))
    composer.cancel_reply.click()  # the owner takes Amy's quote away again: her draft is kept without it
    window.close()
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)

    again = MainWindow(ctx)  # the next start, on the same inbox
    qtbot.addWidget(again, before_close_func=lambda w: qtbot.waitUntil(lambda: pending_ops() == 0))
    again.show()
    again.start_sync()
    load_chats(again, qtbot)
    qtbot.waitUntil(lambda: "Draft: 네, 주소 알려주세요" in list_texts(again, kim), timeout=5000)
    select_chat(again, qtbot, kim)
    box = again.chat.composer
    qtbot.waitUntil(lambda: box.edit.toPlainText() == "네, 주소 알려주세요", timeout=5000)
    assert box.reply_to is not None and box.reply_to.id == asked.id
    assert box.reply_bar.isVisibleTo(again) and box.reply_label.text() == "김민지: 주문할게요"
    select_chat(again, qtbot, amy)
    assert box.edit.toPlainText() == "In stock, yes" and box.reply_to is None
    again.shutdown()


def test_the_open_chat_says_draft_in_the_list_once_its_reply_is_kept_and_not_after_it_is_sent(
    qtbot: Any, window: Any
) -> None:
    """As WhatsApp does: the row of the chat being answered shows the half-written reply, not the
    customer's last message, while the reply waits in the box."""
    kim, _amy = two_chats(window, qtbot)
    window.start_sync()
    select_chat(window, qtbot, kim)
    composer = window.chat.composer
    composer.edit.insertPlainText("네, 내일 보내드릴게요")
    qtbot.waitUntil(lambda: stored(window) == {kim: "네, 내일 보내드릴게요"}, timeout=5000)
    assert "Draft: 네, 내일 보내드릴게요" in list_texts(window, kim)
    assert "주문할게요" not in list_texts(window, kim)

    composer.edit.setFocus()
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(window) == {}, timeout=5000)
    assert not any(text.startswith("Draft:") for text in list_texts(window, kim))


def add_quick_reply(window: Any, qtbot: Any, shortcut: str, text: str) -> None:
    from app.changes import Changes
    from app.quick_replies import QuickReplyLibrary
    from tests.support.window_waits import settle

    QuickReplyLibrary(window.ctx.db).add(shortcut, text)
    window.ctx.publish(Changes(quick_replies=True))
    settle(qtbot)


def test_a_lone_slash_for_the_quick_replies_is_not_a_draft(qtbot: Any, window: Any) -> None:
    """ "/" opens the quick replies: the list does not say "Draft: /" while the owner picks one."""
    kim, _amy = two_chats(window, qtbot)
    window.start_sync()
    add_quick_reply(window, qtbot, "/배송", "결제 후 2~3일 안에 받으실 수 있어요.")
    select_chat(window, qtbot, kim)
    composer = window.chat.composer
    composer.edit.setFocus()
    qtbot.keyClicks(composer.edit, "/")
    qtbot.waitUntil(window.chat.quick_replies.is_open)
    qtbot.waitUntil(lambda: not composer._draft_pause.isActive(), timeout=5000)
    assert not any(text.startswith("Draft:") for text in list_texts(window, kim))
    assert composer.draft_for(kim) is None


def test_a_lone_slash_left_by_clicking_another_chat_is_not_a_draft(qtbot: Any, window: Any) -> None:
    """The owner types "/", looks at the quick replies, and clicks another chat: the click closed
    the popup before the chat changed, so the row said "Draft: /"."""
    kim, amy = two_chats(window, qtbot)
    window.start_sync()
    add_quick_reply(window, qtbot, "/배송", "결제 후 2~3일 안에 받으실 수 있어요.")
    select_chat(window, qtbot, kim)
    composer = window.chat.composer
    composer.edit.setFocus()
    qtbot.keyClicks(composer.edit, "/")
    qtbot.waitUntil(window.chat.quick_replies.is_open)
    window.chat.quick_replies.close_popup()  # what the click outside it does first
    select_chat(window, qtbot, amy)
    qtbot.waitUntil(lambda: window.chat.contact_id() == amy)
    assert composer.draft_for(kim) is None
    assert not any(text.startswith("Draft:") for text in list_texts(window, kim))


def test_a_sent_quick_reply_leaves_no_draft_behind_in_the_list(qtbot: Any, window: Any) -> None:
    """A half-typed draft, then a quick reply picked and sent: the row stops saying "Draft:" at once,
    not a moment later."""
    kim, _amy = two_chats(window, qtbot)
    window.start_sync()
    add_quick_reply(window, qtbot, "/배송", "결제 후 2~3일 안에 받으실 수 있어요.")
    select_chat(window, qtbot, kim)
    composer = window.chat.composer
    composer.edit.insertPlainText("네, ")
    qtbot.waitUntil(lambda: "Draft: 네," in list_texts(window, kim), timeout=5000)
    composer.edit.setFocus()
    qtbot.keyClicks(composer.edit, "/")
    qtbot.waitUntil(window.chat.quick_replies.is_open)
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)  # picks the reply
    assert composer.edit.toPlainText() == "네, 결제 후 2~3일 안에 받으실 수 있어요."
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)  # sends it
    assert composer.edit.toPlainText() == ""
    assert not any(text.startswith("Draft:") for text in list_texts(window, kim))
    assert composer.draft_for(kim) is None


def stored_files(window: Any) -> dict[int, list[Any]]:
    from app.drafts import read_draft_files

    return read_draft_files(window.ctx.db)


def restart(window: Any, ctx: Any, qtbot: Any) -> Any:
    """Quit (Ctrl+Q's way: the window closes) and start again on the same inbox."""
    from ui.main_window import MainWindow
    from ui.ops import pending_ops

    window.close()
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    again = MainWindow(ctx)
    qtbot.addWidget(again, before_close_func=lambda w: qtbot.waitUntil(lambda: pending_ops() == 0))
    again.show()
    again.start_sync()
    load_chats(again, qtbot)
    return again


def test_files_attached_and_not_sent_wait_in_their_chats_across_a_restart(
    qtbot: Any, window: Any, ctx: Any, tmp_path: Any
) -> None:
    """A price list picked and a screenshot pasted for 김민지, a photo for Amy: after quitting and
    starting again each chat's composer has its own files back, the pasted picture included (it
    waits in the inbox's folder, not in the temporary one the system empties at a restart)."""
    from PySide6.QtGui import QColor, QImage

    kim, amy = two_chats(window, qtbot)
    window.start_sync()
    price_list = tmp_path / "가격표.pdf"
    price_list.write_bytes(b"%PDF-1.4\n" + b"0" * 500)
    photo = tmp_path / "상품.jpg"
    assert QImage(40, 30, QImage.Format.Format_RGB32).save(str(photo))  # type: ignore[call-overload]  # the stubs say bytes: PySide6 takes only str

    composer = window.chat.composer
    select_chat(window, qtbot, amy)
    composer.offer_attachments([photo])
    select_chat(window, qtbot, kim)
    composer.offer_attachments([price_list])
    screenshot = QImage(120, 80, QImage.Format.Format_RGB32)
    screenshot.fill(QColor("#3a7bd5"))
    composer.attach_picture(screenshot)
    qtbot.waitUntil(lambda: len(composer.attachments) == 2, timeout=5000)
    pasted = composer.attachments[1]
    assert pasted.is_relative_to(ctx.paths.data_dir)
    qtbot.waitUntil(lambda: stored_files(window) == {amy: [photo], kim: [price_list, pasted]}, timeout=5000)

    again = restart(window, ctx, qtbot)
    composer = again.chat.composer
    # The list says so before a chat is opened (it looked like a chat with nothing waiting).
    # (no translator in the tests: the English plural is "file(s)")
    qtbot.waitUntil(lambda: "Draft: 📎 2 file(s)" in list_texts(again, kim), timeout=5000)
    assert "Draft: 📎 상품.jpg" in list_texts(again, amy)
    select_chat(again, qtbot, kim)
    qtbot.waitUntil(lambda: composer.attachments == [price_list, pasted], timeout=5000)
    assert composer.attach_bar.isVisible() and pasted.exists()
    assert not composer.gone_note.isVisible()
    select_chat(again, qtbot, amy)
    assert composer.attachments == [photo]

    qtbot.mouseClick(composer.unattach_button, Qt.MouseButton.LeftButton)  # Amy's photo taken off
    qtbot.waitUntil(lambda: stored_files(again) == {kim: [price_list, pasted]}, timeout=5000)
    again.shutdown()


def test_a_kept_file_moved_or_deleted_before_the_restart_is_dropped_with_a_note(
    qtbot: Any, window: Any, ctx: Any, tmp_path: Any
) -> None:
    kim, amy = two_chats(window, qtbot)
    window.start_sync()
    invoice, receipt = tmp_path / "견적서.pdf", tmp_path / "영수증.pdf"
    for file in (invoice, receipt):
        file.write_bytes(b"%PDF-1.4\n" + b"0" * 500)
    composer = window.chat.composer
    select_chat(window, qtbot, kim)
    composer.offer_attachments([invoice, receipt])
    select_chat(window, qtbot, amy)

    invoice.rename(tmp_path / "견적서 (최종).pdf")  # tidied away in the file manager meanwhile
    again = restart(window, ctx, qtbot)
    composer = again.chat.composer
    select_chat(again, qtbot, kim)
    qtbot.waitUntil(lambda: composer.attachments == [receipt], timeout=5000)
    assert composer.gone_note.isVisible() and "견적서.pdf" in composer.gone_note.text()
    assert "영수증.pdf" not in composer.gone_note.text()
    qtbot.waitUntil(lambda: stored_files(again) == {kim: [receipt]}, timeout=5000)

    select_chat(again, qtbot, amy)  # said once: not again when the chat is opened again
    assert not composer.gone_note.isVisibleTo(composer)
    select_chat(again, qtbot, kim)
    assert not composer.gone_note.isVisibleTo(composer) and composer.attachments == [receipt]
    again.shutdown()


def test_pasted_pictures_no_chat_waits_with_go_at_a_start_once_a_day_old(
    qtbot: Any, window: Any, ctx: Any
) -> None:
    """Pasted pictures wait in the inbox's folder: one taken off the bar (or whose chat was deleted)
    would stay for good, so a start removes those a day old; one a chat still waits with stays."""
    import os
    import time

    from app.drafts import store_drafts
    from ui.attachments import pasted_folder

    kim, _amy = two_chats(window, qtbot)
    pasted = pasted_folder(ctx.paths.data_dir)
    waiting, dropped, fresh = (pasted / name / "Pasted picture.png" for name in ("1", "2", "3"))
    for picture in (waiting, dropped, fresh):
        picture.parent.mkdir(parents=True)
        picture.write_bytes(b"\x89PNG")
    two_days_ago = time.time() - 2 * 24 * 3600
    for folder in (waiting.parent, dropped.parent):
        os.utime(folder, (two_days_ago, two_days_ago))
    store_drafts(ctx.db, {}, files={kim: [waiting]})

    window.start_sync()  # reads the drafts after the first paint
    qtbot.waitUntil(lambda: not dropped.parent.exists(), timeout=5000)
    assert waiting.exists() and fresh.exists()
