"""Group chats from phone exports become one read-only archive chat: senders kept, numbers linked."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.chat_export.exporter import export_chat
from app.chat_export.importer import ImportRequest, import_chat
from app.chat_export.parser import parse_messages, scan_export
from app.db import Database
from app.errors import ArchiveIsReadOnly
from app.models import Contact, Conversation, Message
from app.queries import conversations_page, messages_page
from app.search import search_messages
from app.sending import queue_message
from tests.support.chat_exports import write_txt
from tests.support.factories import make_contact

GROUP = (
    "2024. 1. 5. 오후 3:04 - 메시지와 통화는 종단간 암호화됩니다. 자세히 알아보려면 누르세요.\n"
    "2024. 1. 5. 오후 3:04 - 김민지님이 그룹을 만들었습니다\n"
    "2024. 1. 5. 오후 3:05 - 김민지: 린넨 셔츠 공동구매 주문 받아요\n"
    "2024. 1. 5. 오후 3:06 - +82 10-1234-5678: 저 M 두 장 주문할게요\n"
    "2024. 1. 5. 오후 3:06 - 박지훈: 저도 L 한 장이요\n"
    "2024. 1. 5. 오후 3:07 - 서울 리넨: 네 확인했습니다 😊\n"
    "입금은 내일까지 부탁드려요\n"
    "2024. 1. 15. 오전 9:00 - 박지훈: ok\n"
    "2024. 1. 15. 오전 9:00 - 김민지: ok\n"
)


def group_export(tmp_path: Path, content: str = GROUP) -> Path:
    return write_txt(tmp_path / "WhatsApp Chat with 리넨 공구.txt", content)


def request(path: Path, shop: str = "서울 리넨") -> ImportRequest:
    return ImportRequest(path=path, shop_participant=shop, time_zone="Asia/Seoul")


@pytest.fixture
def regulars(db: Database) -> tuple[int, int]:
    with db.write() as s:
        by_number = make_contact(s, wa_id="821012345678", saved_name="단골 이수빈")
        by_name = make_contact(s, wa_id="821099998888", profile_name="박지훈")
        return by_number.id, by_name.id


def test_a_group_export_becomes_one_archive_chat_with_every_sender_named(
    db: Database, tmp_path: Path, regulars: tuple[int, int]
) -> None:
    preview = scan_export(group_export(tmp_path))
    assert preview.is_group and preview.title == "리넨 공구"
    summary = import_chat(db, tmp_path / "media", request(preview.source.path), preview=preview)
    assert summary.added == 7  # the encryption notice is skipped; the "created group" line is kept
    with db.read() as s:
        rows = conversations_page(s)
        archive = [r for r in rows if r.group_archive]
        assert [(r.display_name, r.contact_id) for r in archive] == [("리넨 공구", summary.contact_id)]
        assert not any(r.group_archive for r in rows if r.contact_id != summary.contact_id)
        page = messages_page(s, summary.contact_id, limit=20)
        said = [(m.sender_name, m.direction, m.body) for m in page if m.kind != "system"]
        assert said[:4] == [
            ("김민지", "in", "린넨 셔츠 공동구매 주문 받아요"),
            ("+82 10-1234-5678", "in", "저 M 두 장 주문할게요"),
            ("박지훈", "in", "저도 L 한 장이요"),
            ("서울 리넨", "out", "네 확인했습니다 😊\n입금은 내일까지 부탁드려요"),
        ]
        group = s.scalars(select(Conversation)).one()
        assert group.kind == "group_archive" and group.name == "리넨 공구"
        linked = {p["name"]: p["contact_id"] for p in group.participants}
        # Only a number links to a contact; a name never does, even when a contact has it.
        assert linked == {"김민지": None, "+82 10-1234-5678": regulars[0], "박지훈": None, "서울 리넨": None}
        holder = s.get(Contact, summary.contact_id)
        assert holder is not None
        assert holder.wa_id is None
        # The regulars' own chats got nothing.
        counts = s.execute(select(Message.contact_id, func.count()).group_by(Message.contact_id)).all()
        assert dict(counts) == {summary.contact_id: 7}


def test_reimporting_a_group_adds_nothing_even_when_two_people_say_the_same_in_one_minute(
    db: Database, tmp_path: Path
) -> None:
    path = group_export(tmp_path)
    first = import_chat(db, tmp_path / "media", request(path))
    again = import_chat(db, tmp_path / "media", request(path))
    assert (again.added, again.already_there) == (0, 7)
    assert again.contact_id == first.contact_id
    with db.read() as s:
        oks = s.scalars(select(Message.sender_name).where(Message.body == "ok").order_by(Message.id)).all()
        assert oks == ["박지훈", "김민지"]
        assert s.scalar(select(func.count()).select_from(Conversation)) == 1


def test_group_messages_are_found_by_search_with_their_sender(db: Database, tmp_path: Path) -> None:
    summary = import_chat(db, tmp_path / "media", request(group_export(tmp_path)))
    with db.read() as s:
        hits = search_messages(s, "주문")
    assert [(h.contact_id, h.contact_name, h.sender_name) for h in hits] == [
        (summary.contact_id, "리넨 공구", "+82 10-1234-5678"),
        (summary.contact_id, "리넨 공구", "김민지"),
    ]


def test_nothing_can_be_sent_to_a_group_archive(db: Database, tmp_path: Path) -> None:
    summary = import_chat(db, tmp_path / "media", request(group_export(tmp_path)))
    with pytest.raises(ArchiveIsReadOnly), db.write() as s:
        queue_message(
            s, summary.contact_id, {"type": "text", "text": {"body": "안녕하세요"}}, body="안녕하세요"
        )
    with db.read() as s:
        assert s.scalar(select(func.count()).where(Message.status == "pending")) == 0


def test_a_group_exported_back_reads_as_the_same_senders_and_messages(db: Database, tmp_path: Path) -> None:
    summary = import_chat(db, tmp_path / "media", request(group_export(tmp_path)))
    target = export_chat(db, tmp_path / "media", summary.contact_id, tmp_path / "out" / "리넨 공구.txt",
                         time_zone="Asia/Seoul", shop_name="서울 리넨", language="ko").path  # fmt: skip
    preview = scan_export(target)
    assert preview.is_group
    assert dict(preview.participants) == {"김민지": 2, "+82 10-1234-5678": 1, "박지훈": 2, "서울 리넨": 1}
    back = [(m.sender, m.body) for m in parse_messages(preview.source, preview.date_order) if m.sender]
    assert back[3] == ("서울 리넨", "네 확인했습니다 😊\n입금은 내일까지 부탁드려요")
    assert back[-1][0] == "김민지" and preview.last_time == datetime(2024, 1, 15, 9, 0)


def test_a_group_import_without_the_shop_in_it_keeps_every_message_incoming(
    db: Database, tmp_path: Path
) -> None:
    summary = import_chat(db, tmp_path / "media", request(group_export(tmp_path), shop=""))
    with db.read() as s:
        directions = set(s.scalars(select(Message.direction).where(Message.contact_id == summary.contact_id)))
    assert directions == {"in"}


@pytest.mark.parametrize(
    "notice",
    [
        "Mina created group “Linen friends”",
        "Mina added Jun",
        "Jun left",
        "민지님이 “리넨 친구들” 그룹을 만들었습니다",
        "민지님이 지훈님을 추가했습니다",
        "Mina hat die Gruppe „Leinen“ erstellt",
        "Mina creó el grupo “Lino”",
    ],
)
def test_a_group_where_only_two_members_wrote_is_still_a_group(tmp_path: Path, notice: str) -> None:
    content = (
        f"13/01/2024, 10:00 - {notice}\n13/01/2024, 10:01 - Mina: hi all\n13/01/2024, 10:02 - Jun: hey\n"
    )
    preview = scan_export(write_txt(tmp_path / "WhatsApp Chat with Linen friends.txt", content))
    assert len(preview.participants) == 2 and preview.is_group


def test_a_one_to_one_chat_with_system_lines_is_not_a_group(tmp_path: Path) -> None:
    content = (
        "13/01/2024, 10:00 - Messages and calls are end-to-end encrypted. Tap to learn more.\n"
        "13/01/2024, 10:01 - Mina: hi\n13/01/2024, 10:02 - You blocked this contact. Tap to unblock.\n"
        "13/01/2024, 10:03 - Shop: hello\n"
    )
    assert not scan_export(write_txt(tmp_path / "WhatsApp Chat with Mina.txt", content)).is_group


def test_ios_group_notices_written_from_the_group_name_do_not_make_it_a_member(tmp_path: Path) -> None:
    lrm = "\u200e"
    content = (
        f"[13/01/2024, 10:00:00] Linen friends: {lrm}Mina created group “Linen friends”\n"
        f"[13/01/2024, 10:01:00] Linen friends: {lrm}Mina changed the group description\n"
        f"[13/01/2024, 10:02:00] Linen friends: {lrm}Jun joined using this group's invite link\n"
        f"[13/01/2024, 10:03:00] Linen friends: {lrm}Mina pinned a message\n"
        "[13/01/2024, 10:04:00] Mina: hi all\n[13/01/2024, 10:05:00] Jun: hey\n"
    )
    preview = scan_export(write_txt(tmp_path / "_chat.txt", content))
    assert dict(preview.participants) == {"Mina": 1, "Jun": 1}
    assert preview.is_group
