"""One of a thing is "1 customer", "1 row", "1 photo", never "1 customers": what a reader of every word
notices first, in the sentences that count with a placeholder rather than Qt's plural %n."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtWidgets import QWidget

from app.campaign_checks import Prices
from app.campaigns import Member
from app.catalog_csv import ImportReport, RowProblem
from app.consent import ContactConsent
from app.conversation_rows import ConversationRow
from app.queries import Arrival
from app.wire import Template
from ui.campaign_cost import CostNote
from ui.catalog_csv_actions import report_text
from ui.notifications import Notifier

NOW = datetime(2026, 12, 5, 15, 0, tzinfo=UTC)


def member(contact_id: int, *, wrote_ago: timedelta | None = None) -> Member:
    return Member(
        contact_id,
        f"1330555{contact_id:04d}",
        f"Customer {contact_id}",
        ContactConsent(),
        None if wrote_ago is None else NOW - wrote_ago,
    )


def cost(qtbot: Any, category: str, members: list[Member]) -> str:
    note = CostNote()
    qtbot.addWidget(note)
    template = Template(name="restock", language="en_US", category=category)
    return note.cost_text(
        template, members, Prices(currency="USD"), NOW, shop_region="US", ask_for_price=False
    )


def test_a_campaign_to_one_customer_says_one_message(qtbot: Any) -> None:
    assert cost(qtbot, "MARKETING", [member(1)]) == "Meta charges up to 1 marketing message (if delivered)."
    many = [member(i) for i in range(1200)]
    assert (
        cost(qtbot, "MARKETING", many) == "Meta charges up to 1,200 marketing messages (each one delivered)."
    )


def test_utility_messages_inside_and_outside_the_window_are_each_counted_in_good_english(qtbot: Any) -> None:
    fresh, stale = timedelta(hours=2), timedelta(days=3)
    assert cost(qtbot, "UTILITY", [member(1, wrote_ago=stale)]) == "Meta charges 1 utility message."
    assert cost(qtbot, "UTILITY", [member(1, wrote_ago=fresh)]) == (
        "Meta charges nothing: the utility message goes inside an open window, free."
    )
    assert cost(qtbot, "UTILITY", [member(1, wrote_ago=stale), member(2, wrote_ago=fresh)]) == (
        "Meta charges 1 utility message; 1 goes inside an open window, free."
    )
    three = [member(1, wrote_ago=stale), member(2, wrote_ago=stale), member(3, wrote_ago=fresh)]
    assert (
        cost(qtbot, "UTILITY", three)
        == "Meta charges 2 utility messages; 1 goes inside an open window, free."
    )


def test_a_catalogue_file_with_one_bad_row_says_one_row() -> None:
    report = ImportReport(created=3, errors=[RowProblem(line=4, reason="bad price", code="bad_price")])
    summary, _details = report_text(report)
    assert "1 row was not imported:\nLine 4: " in summary and "rows" not in summary


def _row(contact_id: int, unread: int) -> ConversationRow:
    return ConversationRow(
        contact_id=contact_id,
        wa_id=f"1330555{contact_id:04d}",
        display_name=f"Customer {contact_id}",
        profile_name=None,
        saved_name=None,
        pinned=False,
        archived=False,
        blocked=False,
        unread_count=unread,
        last_inbound_at=NOW,
        last_message_at=NOW + timedelta(minutes=contact_id),
        last_message_id=contact_id,
        last_body="Do you have the lavender candle?",
        last_kind="text",
        last_direction="in",
        last_status=None,
        labels=(),
    )


def test_one_more_chat_after_those_told_alone_is_one_chat(qtbot: Any) -> None:
    from ui.notifications import SINGLE_NOTIFICATIONS_MAX

    window = QWidget()
    qtbot.addWidget(window)
    told = Notifier(window, {"notifications": True}, is_window_active=lambda: False)
    notes: list[str] = []
    told.notified.connect(lambda _cid, _title, text: notes.append(text))
    rows = [_row(i, 1) for i in range(SINGLE_NOTIFICATIONS_MAX)]
    # A chat beyond the list's rows (a catch-up's), with one new message, after those told one by one.
    told.conversations_changed([(None, r) for r in rows], [Arrival(100, 1, NOW - timedelta(hours=1))])
    with qtbot.waitSignal(told.notified, timeout=5000):
        pass
    assert notes[-1] == "1 new message in 1 more chat"
    told.conversations_changed([], [Arrival(101, 4, NOW - timedelta(hours=1))])
    with qtbot.waitSignal(told.notified, timeout=5000):
        pass
    assert notes[-1] == "4 new messages in 1 chat"
