"""A group chat export imported through the dialog: one archive row, named bubbles, no composer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from tests.support.chat_exports import write_txt
from tests.support.factories import make_contact
from tests.support.window_waits import load_chats, select_chat, settle
from ui.chat_list_model import ChatRole
from ui.chat_view_model import MessageRole

GROUP = (
    "2024. 1. 5. 오후 3:04 - 김민지님이 그룹을 만들었습니다\n"
    "2024. 1. 5. 오후 3:05 - 김민지: 린넨 셔츠 공동구매 주문 받아요\n"
    "2024. 1. 5. 오후 3:06 - +82 10-1234-5678: 저 M 두 장 주문할게요\n"
    "2024. 1. 5. 오후 3:06 - 박지훈: 저도 L 한 장이요\n"
    "2024. 1. 5. 오후 3:07 - 서울 리넨: 네 확인했습니다 😊\n"
)


def test_a_group_export_imports_as_a_read_only_archive_chat(
    open_dialog: Any,
    window: Any,
    qtbot: Any,
    tmp_path: Path,
) -> None:
    with window.ctx.db.write() as s:
        make_contact(s, wa_id="821012345678", saved_name="단골 이수빈")
    dialog = open_dialog(write_txt(tmp_path / "WhatsApp Chat with 리넨 공구.txt", GROUP))
    assert "read-only archive" in dialog.status.text()
    assert not dialog.contact_combo.isVisible()
    dialog.shop_combo.setCurrentIndex(dialog.shop_combo.findData("서울 리넨"))
    dialog.zone_combo.setCurrentText("Asia/Seoul")
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=10000) as signal:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.summary_label.text().startswith("5 messages added.")
    archive_id = signal.args[0]

    load_chats(window, qtbot)
    qtbot.waitUntil(lambda: window.chat_list.model.rowCount() == 1, timeout=5000)
    row = window.chat_list.model.index(0).data(ChatRole.ROW)  # the regular has no chat of their own
    assert row.group_archive and row.display_name == "리넨 공구"
    select_chat(window, qtbot, archive_id)
    qtbot.waitUntil(lambda: window.chat.contact_id() == archive_id, timeout=5000)
    assert not window.chat.composer.isEnabled()
    # Not the closed-window template prompt: an archive is read-only, not waiting for a template.
    assert not window.chat.composer.window_notice.isVisible()
    assert window.chat.composer.edit.placeholderText() == "Read-only archive"
    assert window.chat.archive_note.isVisible()
    assert window.chat.subtitle.text() == "Group chat archive · read-only"
    model = window.chat.view.chat_model
    qtbot.waitUntil(lambda: model.rowCount() == 5, timeout=5000)
    senders = [model.index(i).data(MessageRole.MESSAGE).sender_name for i in range(5)]
    assert senders == [None, "김민지", "+82 10-1234-5678", "박지훈", "서울 리넨"]

    window.contact_panel.show_contact(archive_id)
    settle(qtbot)
    members = window.contact_panel.members_model.stringList()
    assert members == ["김민지", "+82 10-1234-5678 — your contact 단골 이수빈", "박지훈", "서울 리넨"]
    assert not window.contact_panel.block.isVisibleTo(window.contact_panel)


def test_a_group_of_a_thousand_members_lists_them_in_a_view_that_does_not_grow_the_panel(
    window: Any, qtbot: Any
) -> None:
    """The members are rows of one list view, at most MEMBER_ROWS_SHOWN tall: the panel's form keeps
    its height, and no widget is made per member."""
    from PySide6.QtWidgets import QWidget

    from app.models import Contact, Conversation, ConversationKind
    from ui.contact_panel import MEMBER_ROWS_SHOWN

    with window.ctx.db.write() as s:
        regular = make_contact(s, wa_id="821012345678", saved_name="단골 이수빈")
        holder = Contact(profile_name="린넨 공구")
        s.add(holder)
        s.flush()
        participants: list[dict[str, Any]] = [
            {"name": f"회원 {n}", "wa_id": None, "contact_id": None} for n in range(999)
        ]
        participants.append({"name": "+82 10-1234-5678", "wa_id": "821012345678", "contact_id": regular.id})
        s.add(
            Conversation(
                kind=ConversationKind.GROUP_ARCHIVE,
                name="린넨 공구",
                participants=participants,
                contact_id=holder.id,
            )
        )
        archive_id = holder.id
    panel = window.contact_panel
    widgets_before = len(panel.findChildren(QWidget))
    panel.show()
    panel.show_contact(archive_id)
    qtbot.waitUntil(lambda: panel.members_model.rowCount() == 1000, timeout=5000)
    names = panel.members_model.stringList()
    assert names[0] == "회원 0" and names[-1] == "+82 10-1234-5678 — your contact 단골 이수빈"
    row = panel.members.sizeHintForRow(0)
    assert panel.members.height() <= MEMBER_ROWS_SHOWN * row + 2 * panel.members.frameWidth()
    assert len(panel.findChildren(QWidget)) <= widgets_before + 5
