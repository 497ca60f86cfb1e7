"""Rule inputs beyond plain messages: changed numbers, new profile names, phone-app replies, history
backfill, and away messages judged in the shop's own time zone across daylight-saving changes."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.wire import EventsPage
from tests.support.fake_graph import FakeGraph
from tests.support.relay_server import RunningRelay, envelope, inbound, run_relay, wamid

WEEKDAYS_9_TO_6 = [{"mode": "open", "ranges": [{"start": "09:00", "end": "18:00"}]}] * 5 + [
    {"mode": "closed"},
    {"mode": "closed"},
]


def text(to: str, body: str = "네, 확인했습니다") -> dict[str, Any]:
    return {"to": to, "type": "text", "text": {"body": body}}


def test_a_customer_who_changed_number_keeps_the_conversation_and_its_open_window(
    relay: RunningRelay,
) -> None:
    relay.post_webhook(inbound("text", "주문했어요", sender="821012345678"))
    notice = inbound(
        "system",
        {"body": "User changed number", "new_wa_id": "821087654321", "type": "user_changed_number"},
        sender="821012345678",
        name=None,
    )
    relay.post_webhook(notice)
    events = relay.wait_for_events(3)
    EventsPage.model_validate({"events": events, "next": events[-1]["seq"]})
    [change] = [e for e in events if e["kind"] == "contact"]
    assert change["contact"]["wa_id"] == "821087654321"
    assert change["previous_wa_id"] == "821012345678"
    # The window the customer opened from the old number still lets the shop answer the new one.
    assert relay.send(text("821087654321"), "after-number-change").status_code == 200
    # A redelivered notice moves nothing twice.
    relay.post_webhook(notice)
    assert len(relay.events(after=events[-1]["seq"])["events"]) == 1  # only the outbound


def test_a_new_profile_name_is_a_contact_event(relay: RunningRelay) -> None:
    relay.post_webhook(inbound("text", "hi", sender="821099990000", name="Minji"))
    relay.post_webhook(inbound("text", "it's me", sender="821099990000", name="김민지"))
    events = relay.wait_for_events(3)
    assert [e["kind"] for e in events] == ["message", "message", "contact"]
    assert events[2]["contact"] == {"wa_id": "821099990000", "profile": {"name": "김민지"}}
    relay.post_webhook(inbound("text", "again", sender="821099990000", name="김민지"))
    assert [e["kind"] for e in relay.wait_for_events(1, after=events[-1]["seq"])] == ["message"]


def test_a_new_profile_name_in_emoji_and_persian_keeps_its_joiners(relay: RunningRelay) -> None:
    """The relay dropped every invisible format character from a new profile name before telling the
    desktop: the joiners that build an emoji family, a rainbow flag or a Scottish flag, and the
    non-joiner a Persian word needs, so the chat list showed 👨👩👧👦 and a white flag beside a rainbow."""
    family = "Kim 👨\u200d👩\u200d👧\u200d👦 🏳️\u200d🌈 🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
    persian = "می\u200cخواهم"
    relay.post_webhook(inbound("text", "hi", sender="447700900123", name="Kim"))
    relay.post_webhook(inbound("text", "new name", sender="447700900123", name=family))
    relay.post_webhook(inbound("text", "salaam", sender="989121234567", name="Ali"))
    relay.post_webhook(inbound("text", "it's me", sender="989121234567", name=persian))
    events = relay.wait_for_events(6)
    names = {e["contact"]["wa_id"]: e["contact"]["profile"]["name"] for e in events if e["kind"] == "contact"}
    assert names == {"447700900123": family, "989121234567": persian}
    # The same name again (its joiners and all) is no change.
    relay.post_webhook(inbound("text", "again", sender="447700900123", name=family))
    assert [e["kind"] for e in relay.wait_for_events(1, after=events[-1]["seq"])] == ["message"]


def test_an_answer_from_the_phone_app_holds_back_the_away_message(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    relay.put_rules(away={"enabled": True, "text": "지금은 부재중입니다", "schedule": "always"})
    echo = {
        "from": "15550783881",
        "to": "821044445555",
        "id": wamid(),
        "timestamp": str(int(datetime.now(UTC).timestamp())),
        "type": "text",
        "text": {"body": "잠시만요, 확인해볼게요"},
    }
    relay.post_webhook(envelope({"message_echoes": [echo]}, field_name="smb_message_echoes"))
    relay.post_webhook(inbound("text", "감사합니다", sender="821044445555"))
    events = relay.wait_for_events(3)
    relay.events(after=events[-1]["seq"], wait=0.3)  # give a wrong away message time to show
    assert [e.get("sent_by") for e in events if e["kind"] == "outbound"] == ["phone_app"]
    assert graph.sent == []


def test_a_customer_from_history_backfill_is_not_greeted_and_history_is_never_answered(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    relay.put_rules(greeting={"enabled": True, "text": "처음 오셨네요!"})
    recent = str(int(datetime.now(UTC).timestamp()) - 3 * 86400)
    history = {
        "history": [
            {
                "metadata": {"phase": 0, "chunk_order": 1, "progress": 100},
                "threads": [
                    {
                        "id": "821066667777",
                        "messages": [
                            {
                                "from": "821066667777",
                                "id": wamid(),
                                "timestamp": recent,
                                "type": "text",
                                "text": {"body": "지난번 주문 잘 받았어요"},
                                "history_context": {"status": "READ"},
                            }
                        ],
                    }
                ],
            }
        ]
    }
    relay.post_webhook(envelope(history, field_name="history"))
    relay.post_webhook(inbound("text", "또 주문할게요", sender="821066667777"))
    events = relay.wait_for_events(3)
    relay.events(after=events[-1]["seq"], wait=0.3)  # give a wrong greeting time to show
    kinds = [(e["kind"], e.get("message", {}).get("history", False)) for e in events]
    assert kinds == [("settings", False), ("message", True), ("message", False)]
    assert graph.sent == []


@pytest.mark.parametrize(
    ("timezone", "utc_now", "away_expected"),
    [
        # Monday after the US spring-forward: 13:30 UTC is 09:30 EDT, open (in EST it would be 08:30).
        ("America/New_York", datetime(2026, 3, 9, 13, 30, tzinfo=UTC), False),
        # Friday before it: 13:30 UTC is 08:30 EST, closed.
        ("America/New_York", datetime(2026, 3, 6, 13, 30, tzinfo=UTC), True),
        # Monday after fall-back: 13:30 UTC is 08:30 EST, closed (in EDT it would be 09:30).
        ("America/New_York", datetime(2026, 11, 2, 13, 30, tzinfo=UTC), True),
        # Seoul has no DST: 00:30 UTC Monday is 09:30 KST, open; 13:30 UTC is 22:30 KST, closed.
        ("Asia/Seoul", datetime(2026, 3, 9, 0, 30, tzinfo=UTC), False),
        ("Asia/Seoul", datetime(2026, 3, 9, 13, 30, tzinfo=UTC), True),
        # Sunday noon in Seoul is closed all day.
        ("Asia/Seoul", datetime(2026, 3, 8, 3, 0, tzinfo=UTC), True),
    ],
)
def test_away_outside_hours_follows_the_shops_time_zone_across_dst(
    relay: RunningRelay, graph: FakeGraph, timezone: str, utc_now: datetime, away_expected: bool
) -> None:
    relay.relay.clock = lambda: utc_now
    relay.put_rules(
        away={"enabled": True, "text": "영업시간이 아닙니다", "schedule": "outside_hours"},
        business_hours={"timezone": timezone, "week": WEEKDAYS_9_TO_6},
    )
    relay.post_webhook(
        inbound("text", "문의드려요", sender="821012121212", timestamp=int(utc_now.timestamp()))
    )
    events = relay.wait_for_events(3 if away_expected else 2)
    if not away_expected:
        relay.events(after=events[-1]["seq"], wait=0.3)  # give a wrong away message time to show
    assert [e["sent_by"] for e in events if e["kind"] == "outbound"] == (["away"] if away_expected else [])
    assert len(graph.sent) == (1 if away_expected else 0)


def test_on_a_closed_day_the_away_message_answers_in_what_are_usually_open_hours(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    """Chuseok falls on a Thursday: at 11:00 on it the shop is closed, and the customer is told."""
    thursday_11_kst = datetime(2026, 9, 24, 2, 0, tzinfo=UTC)
    relay.relay.clock = lambda: thursday_11_kst
    stored = relay.put_rules(
        away={"enabled": True, "text": "추석 연휴에는 쉬어요", "schedule": "outside_hours"},
        business_hours={
            "timezone": "Asia/Seoul",
            "week": WEEKDAYS_9_TO_6,
            "closed_days": [{"first": "2026-09-24", "last": "2026-09-26", "note": "추석"}],
        },
    )
    assert stored["business_hours"]["closed_days"][0]["note"] == "추석"  # kept as given
    relay.post_webhook(
        inbound("text", "오늘 배송되나요?", sender="821012121212", timestamp=int(thursday_11_kst.timestamp()))
    )
    events = relay.wait_for_events(3)
    assert [e["sent_by"] for e in events if e["kind"] == "outbound"] == ["away"]
    assert graph.sent[0]["text"]["body"] == "추석 연휴에는 쉬어요"


def test_two_workers_send_one_away_message_to_a_customer_writing_twice_at_once(
    tmp_path: Path, graph: FakeGraph, storage: str | None
) -> None:
    if storage is None:
        pytest.skip("several relay workers share PostgreSQL, not a SQLite file")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with (
        run_relay(tmp_path / "a", graph_url=graph.url, database_url=storage) as first,
        run_relay(tmp_path / "b", graph_url=graph.url, database_url=storage) as second,
    ):
        assert second.relay.peers_listening.wait(10)
        first.put_rules(away={"enabled": True, "text": "지금은 부재중입니다", "schedule": "always"})
        go = threading.Barrier(2)

        now = int(datetime.now(UTC).timestamp())

        def write(worker: RunningRelay, text: str, sent_at: int) -> None:
            go.wait()
            worker.post_webhook(inbound("text", text, sender="821013572468", timestamp=sent_at))

        threads = [  # a second apart: not one message redelivered, two messages
            threading.Thread(target=write, args=(first, "계세요?", now)),
            threading.Thread(target=write, args=(second, "여보세요?", now + 1)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        events = first.wait_for_events(4)  # settings, two messages, one away
        first.events(after=events[-1]["seq"], wait=0.5)  # give a second away message time to show
        assert [e["sent_by"] for e in first.events()["events"] if e["kind"] == "outbound"] == ["away"]
        assert len(graph.sent) == 1
