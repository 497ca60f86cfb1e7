"""The chat list query, paging through a chat, marking read, labels and the unread filter."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select

from app.models import Label, Message
from app.queries import (
    changed_conversations,
    contacts_by_label,
    conversations_by_id,
    conversations_page,
    mark_read,
    messages_around,
    messages_page,
    set_flags,
    set_label,
    unread_counts,
)
from tests.support.factories import BASE_TIME, make_contact, make_message


def at(minutes: int):
    return BASE_TIME + timedelta(minutes=minutes)


def test_chat_list_is_pinned_first_then_most_recent_with_last_message_and_unread(db) -> None:
    with db.write() as s:
        old = make_contact(s, profile_name="Old chat")
        new = make_contact(s, profile_name="New chat")
        pinned = make_contact(s, profile_name="Pinned chat")
        make_message(s, old, "first", sent_at=at(1))
        make_message(s, old, "second", sent_at=at(2))
        make_message(s, new, "hi", sent_at=at(10))
        make_message(s, new, "thanks!", direction="out", sent_at=at(11))
        make_message(s, pinned, "ancient", sent_at=at(0), unread=False)
        set_flags(s, pinned.id, pinned=True)
        make_contact(s, profile_name="No messages yet")
    with db.read() as s:
        rows = conversations_page(s)
    assert [r.display_name for r in rows] == ["Pinned chat", "New chat", "Old chat"]
    assert [(r.last_body, r.last_direction) for r in rows] == [
        ("ancient", "in"),
        ("thanks!", "out"),
        ("second", "in"),
    ]
    assert [r.unread_count for r in rows] == [0, 1, 2]


def test_late_message_does_not_become_the_last_message(db) -> None:
    with db.write() as s:
        c = make_contact(s)
        make_message(s, c, "newest", sent_at=at(10))
        make_message(s, c, "arrived late but older", sent_at=at(5))
    with db.read() as s:
        [row] = conversations_page(s)
    assert row.last_body == "newest"


def test_unread_counts_follow_mark_read_and_deletes(db) -> None:
    with db.write() as s:
        a = make_contact(s)
        b = make_contact(s)
        for i in range(3):
            make_message(s, a, f"a{i}", sent_at=at(i), wamid=f"wamid.a{i}")
        make_message(s, b, "b", sent_at=at(5))
    with db.read() as s:
        counts = unread_counts(s)
        assert (counts.chats, counts.messages) == (2, 4)
        assert [r.display_name for r in conversations_page(s, kind="unread")] == [
            b.profile_name,
            a.profile_name,
        ]
    with db.write() as s:
        assert mark_read(s, a.id) == ["wamid.a2"]
    with db.read() as s:
        counts = unread_counts(s)
        assert (counts.chats, counts.messages) == (1, 1)
        assert [r.contact_id for r in conversations_page(s, kind="unread")] == [b.id]
    with db.write() as s:
        assert mark_read(s, a.id) == []
        s.execute(delete(Message).where(Message.contact_id == b.id))
    with db.read() as s:
        assert unread_counts(s).messages == 0
        assert [r.contact_id for r in conversations_page(s)] == [a.id]


def test_archived_chats_leave_the_list_and_appear_under_archived(db) -> None:
    with db.write() as s:
        c = make_contact(s)
        make_message(s, c)
        set_flags(s, c.id, archived=True)
    with db.read() as s:
        assert conversations_page(s) == []
        assert [r.contact_id for r in conversations_page(s, kind="archived")] == [c.id]
        assert unread_counts(s).chats == 0


def test_labels_filter_the_list_and_show_on_rows(db) -> None:
    with db.write() as s:
        paid = s.scalars(select(Label).where(Label.name == "Paid")).one()
        a, b = make_contact(s), make_contact(s)
        make_message(s, a)
        make_message(s, b)
        set_label(s, a.id, paid.id, True)
        set_label(s, a.id, paid.id, True)  # twice is harmless
    with db.read() as s:
        rows = conversations_page(s, label_id=paid.id)
        assert [r.contact_id for r in rows] == [a.id]
        assert [lab.name for lab in rows[0].labels] == ["Paid"]
        assert [c.id for c in contacts_by_label(s, paid.id)] == [a.id]
        assert [r.labels for r in conversations_by_id(s, {b.id})] == [()]
    with db.write() as s:
        set_label(s, a.id, paid.id, False)
    with db.read() as s:
        assert conversations_page(s, label_id=paid.id) == []


def test_a_chat_pages_backwards_and_forwards_in_time_order(db) -> None:
    with db.write() as s:
        c = make_contact(s)
        ids = [make_message(s, c, f"m{i}", sent_at=at(i // 2)).id for i in range(120)]
    with db.read() as s:
        newest = messages_page(s, c.id, limit=50)
        assert [m.body for m in newest] == [f"m{i}" for i in range(70, 120)]
        older = messages_page(s, c.id, before_id=newest[0].id, limit=50)
        assert [m.body for m in older] == [f"m{i}" for i in range(20, 70)]
        oldest = messages_page(s, c.id, before_id=older[0].id, limit=50)
        assert [m.body for m in oldest] == [f"m{i}" for i in range(0, 20)]
        assert messages_page(s, c.id, before_id=ids[0]) == []
        newer = messages_page(s, c.id, after_id=ids[10], limit=5)
        assert [m.body for m in newer] == [f"m{i}" for i in range(11, 16)]
        around = messages_around(s, ids[60], before=2, after=2)
        assert [m.body for m in around] == ["m58", "m59", "m60", "m61", "m62"]


def test_preview_of_a_huge_message_is_cut(db) -> None:
    with db.write() as s:
        c = make_contact(s)
        make_message(s, c, "x" * 5_000_000)
    with db.read() as s:
        [row] = conversations_page(s)
    assert len(row.last_body or "") == 200


def test_a_catch_up_reads_whole_only_the_chats_the_list_can_show(db) -> None:
    """Thousands of chats change in a catch-up while the list keeps a few hundred rows: only the
    changed chats that will be among its rows are read whole; of the others, who is waiting."""
    with db.write() as s:
        shown = make_contact(s, profile_name="Shown")
        make_message(s, shown, "old news", sent_at=at(0))
        chats = [make_contact(s, profile_name=f"Chat {i}") for i in range(8)]
        for i, chat in enumerate(chats):
            make_message(s, chat, f"message {i}", sent_at=at(10 + i), direction="out" if i % 2 else "in")
        handed = make_contact(s, profile_name="Handed over")
        make_message(s, handed, "상담원", sent_at=at(1), direction="out")
        handed.bot_paused_until = datetime.now(UTC) + timedelta(hours=1)
        ids = {shown.id, handed.id, *(c.id for c in chats)}
        shown_id, chat_ids = shown.id, [c.id for c in chats]

    with db.read() as s:
        got = changed_conversations(s, ids, shown={shown_id}, room=3)
    # The three newest changed chats, and the chat that needs a person (its notification names
    # it). The list's own row is pushed below its three rows: it leaves the list. The customers
    # waiting in chats 4, 2 and 0, and in the row that left, only join a summary.
    assert [r.display_name for r in got.rows] == ["Chat 7", "Chat 6", "Chat 5", "Handed over"]
    assert got.gone == {shown_id}
    assert [(a.contact_id, a.unread_count) for a in got.elsewhere] == [
        (chat_ids[4], 1),
        (chat_ids[2], 1),
        (chat_ids[0], 1),
        (shown_id, 1),
    ]
    assert got.elsewhere[0].last_message_at == at(14)

    with db.read() as s:
        held = changed_conversations(s, ids, shown={shown_id}, room=3, keep_shown=True, also={chat_ids[1]})
    # A list holding its order still gets its own row whole; so does the chat open beside it.
    assert [r.display_name for r in held.rows] == [
        "Chat 7",
        "Chat 6",
        "Chat 5",
        "Chat 1",
        "Handed over",
        "Shown",
    ]
    assert held.gone == frozenset()

    with db.read() as s:
        roomier = changed_conversations(s, ids, shown={shown_id}, room=6)
    # One customer waiting beyond the list: read whole, to be named in its own notification.
    assert chat_ids[0] in {r.contact_id for r in roomier.rows} and roomier.elsewhere == []
    with db.read() as s:
        everything = changed_conversations(s, ids, shown={shown_id}, room=100)
    assert len(everything.rows) == len(ids) and everything.elsewhere == [] and not everything.gone


def test_the_waiting_filter_lists_only_the_chats_marked_needs_a_person(db) -> None:
    """ "Needs a person" in the morning: the chats the menu bot handed over whose customer still
    waits for an answer from a person — the same chats the list marks with the badge."""
    later = datetime.now(UTC) + timedelta(hours=3)
    with db.write() as s:
        waiting = make_contact(s, profile_name="Waiting", bot_paused_until=later)
        make_message(s, waiting, "사람이랑 얘기하고 싶어요", sent_at=at(5))
        bot_answered = make_contact(s, profile_name="Bot answered", bot_paused_until=later)
        make_message(s, bot_answered, "help", sent_at=at(4))
        make_message(s, bot_answered, "곧 연결해 드릴게요", direction="out", sent_by="bot", sent_at=at(6))
        answered = make_contact(s, profile_name="Owner answered", bot_paused_until=later)
        make_message(s, answered, "help", sent_at=at(3))
        make_message(s, answered, "네 말씀하세요", direction="out", sent_by="owner", sent_at=at(7))
        failed = make_contact(s, profile_name="Reply failed", bot_paused_until=later)
        make_message(s, failed, "help", sent_at=at(2))
        make_message(s, failed, "네", direction="out", sent_by="owner", status="failed", sent_at=at(8))
        ran_out = make_contact(
            s, profile_name="Hand-off over", bot_paused_until=datetime.now(UTC) - timedelta(minutes=1)
        )
        make_message(s, ran_out, "help", sent_at=at(9))
        never = make_contact(s, profile_name="Never handed")
        make_message(s, never, "hello", sent_at=at(10))
        archived = make_contact(s, profile_name="Archived", bot_paused_until=later)
        make_message(s, archived, "help", sent_at=at(11))
        set_flags(s, archived.id, archived=True)
        ids = {c.id for c in (waiting, bot_answered, answered, failed, ran_out, never, archived)}

    with db.read() as s:
        page = conversations_page(s, kind="waiting")
        everyone = conversations_page(s)
        # A catch-up re-reading more chats than the list keeps picks its rows with the same filter.
        caught_up = changed_conversations(s, ids, shown=set(), room=2, kind="waiting")
    assert [r.display_name for r in page] == ["Reply failed", "Bot answered", "Waiting"]
    badged = [r.display_name for r in everyone if r.waits_for_person(datetime.now(UTC))]
    assert [r.display_name for r in page] == badged
    assert {"Reply failed", "Bot answered"} <= {r.display_name for r in caught_up.rows}


def test_a_night_of_away_replies_still_counts_its_customers_as_waiting(db) -> None:
    """After the laptop slept, chats whose customer wrote and got the away message (the shop's reply
    is their last message) are news in the morning's summary; a chat the campaign wrote to last,
    with an old unread message, is not."""
    with db.write() as s:
        answered = []
        for i in range(4):
            chat = make_contact(s, profile_name=f"Night {i}")
            make_message(s, chat, f"예약 문의 {i}", sent_at=at(10 + 2 * i))
            make_message(
                s, chat, "영업시간이 아니에요", sent_at=at(11 + 2 * i), direction="out", sent_by="away"
            )
            answered.append(chat.id)
        campaign = make_contact(s, profile_name="Campaign")
        make_message(s, campaign, "old question", sent_at=at(1))
        make_message(s, campaign, "세일 소식", sent_at=at(30), direction="out", sent_by="campaign")
        ids = {*answered, campaign.id}

    with db.read() as s:
        got = changed_conversations(s, ids, shown=set(), room=1)
    assert [r.display_name for r in got.rows] == ["Campaign"]
    assert [a.contact_id for a in got.elsewhere] == answered[::-1]
    with db.read() as s:
        rows = changed_conversations(s, set(answered[:1]), shown=set(), room=10).rows
    # Its notification tells what the customer wrote, not the away message.
    assert [(r.last_body, r.arrived_body) for r in rows] == [("영업시간이 아니에요", "예약 문의 0")]


def test_a_hand_off_the_relay_ended_is_over_on_a_laptop_whose_clock_is_behind(db) -> None:
    """The relay paused the bot until 10:05 on its clock; at 10:10 there, a laptop ten minutes slow
    reads 10:00. The chat is the bot's again: not under "Needs a person", not named as handed over."""
    from email.utils import formatdate

    from app import relay_clock

    relay_now = datetime.now(UTC) + timedelta(minutes=10)
    relay_clock.observe(formatdate(relay_now.timestamp(), usegmt=True))
    with db.write() as s:
        handed = make_contact(
            s, profile_name="Handed over", bot_paused_until=relay_now - timedelta(minutes=5)
        )
        make_message(s, handed, "상담원 연결해 주세요", sent_at=at(1), unread=False)
        others = [make_contact(s, profile_name=f"Chat {i}") for i in range(3)]
        for i, chat in enumerate(others):
            make_message(s, chat, "ok", sent_at=at(10 + i), direction="out")
        ids = {handed.id, *(c.id for c in others)}
    with db.read() as s:
        assert conversations_page(s, kind="waiting") == []
        caught_up = changed_conversations(s, ids, shown=set(), room=1)
    # Read whole only as the newest chat: not as one a notification names as handed over.
    assert [r.display_name for r in caught_up.rows] == ["Chat 2"]


def test_unread_counts_of_a_shop_with_two_numbers(db) -> None:
    with db.write() as s:
        gangnam = make_contact(s, phone_number_id="100000000000001")
        hongdae = make_contact(s, phone_number_id="100000000000002")
        archived = make_contact(s, phone_number_id="100000000000002", archived=True)
        exported = make_contact(s)  # known only from a phone export: on no number
        for n, contact in enumerate((gangnam, hongdae, hongdae, archived, exported)):
            make_message(s, contact, "hi", sent_at=at(n), wamid=f"wamid.two{n}")
    with db.read() as s:
        every = unread_counts(s)
        gangnams = unread_counts(s, "100000000000001")
    # The messages count every number's; the Archived filter's badge, the listed number's.
    assert (every.messages, every.archived_chats) == (4, 1)
    assert (gangnams.messages, gangnams.archived_chats) == (4, 0)
    assert every.by_number == (("100000000000001", 1), ("100000000000002", 2))


def test_a_late_message_is_what_its_row_carries_for_a_notification_with_the_number_it_came_to(db) -> None:
    """Her message came late, before the shop's reply: the row's last message stays the reply, and
    the row carries her message (and, in a two-number shop, the number it came to, though her chat
    was kept from before the shop had numbers)."""
    from app.business_numbers import remember_business_numbers
    from app.queries import conversations_by_id

    with db.write() as s:
        remember_business_numbers(s, [("111", "8225550101"), ("222", "8225550202")])
        chat = make_contact(s, profile_name="Late")  # no number: kept from before
        make_message(s, chat, "재고 있나요?", sent_at=at(1), unread=False)
        make_message(s, chat, "네 있어요", sent_at=at(3), direction="out", sent_by="owner")
        make_message(s, chat, "베이지색도요?", sent_at=at(2), phone_number_id="222")
    with db.read() as s:
        (row,) = conversations_by_id(s, {chat.id})
    assert (row.last_body, row.unread_count) == ("네 있어요", 1)
    assert (row.arrived_kind, row.arrived_body, row.arrived_number) == ("text", "베이지색도요?", "8225550202")


def test_a_catch_ups_late_message_before_the_shops_reply_counts_as_waiting(db) -> None:
    """A night's catch-up changes more chats than the list keeps: those whose customer's message
    came late, before the shop's reply, are waiting in the morning's summary; one whose row changed
    for a tick on that reply, with an old unread message, is not."""
    with db.write() as s:
        late = []
        for i in range(3):
            chat = make_contact(s, profile_name=f"Late {i}")
            make_message(s, chat, "재고 있나요?", sent_at=at(10 * i + 1), unread=False)
            make_message(s, chat, "네 있어요", sent_at=at(10 * i + 3), direction="out", sent_by="owner")
            make_message(s, chat, "베이지색도요?", sent_at=at(10 * i + 2))
            late.append(chat.id)
        ticked = make_contact(s, profile_name="Ticked")
        make_message(s, ticked, "혹시", sent_at=at(1))
        make_message(s, ticked, "네 있어요", sent_at=at(3), direction="out", sent_by="owner")
        newest = make_contact(s, profile_name="Newest")
        make_message(s, newest, "안녕하세요", sent_at=at(50))
        ids = {*late, ticked.id, newest.id}

    with db.read() as s:
        got = changed_conversations(s, ids, shown=set(), room=1, written={*late, newest.id})
    assert [r.display_name for r in got.rows] == ["Newest"]
    assert [a.contact_id for a in got.elsewhere] == late[::-1]
