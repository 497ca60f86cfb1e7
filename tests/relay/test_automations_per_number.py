"""A shop with two numbers (two branches): every automatic answer comes from the number the customer
wrote to, and the greeting's and away message's "once" count per number, as her phone shows two chats."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.relay.test_menu_bot import put_bot
from tests.support.fake_graph import FakeGraph
from tests.support.relay_process import wait_until
from tests.support.relay_server import PHONE_NUMBER_ID, RunningRelay, changed_number, envelope, inbound, wamid

SEONGSU = PHONE_NUMBER_ID  # the relay's own number
HONGDAE = "106540352242933"  # the second branch's number, on the same business account
CUSTOMER = "821012345678"


def writes(
    relay: RunningRelay, number: str, text: str, *, ago: timedelta = timedelta(), sender: str = CUSTOMER
) -> None:
    """Her message to one of the shop's numbers, sent `ago` (Meta delivers some webhooks hours late)."""
    stamp = int((datetime.now(UTC) - ago).timestamp())
    webhook = inbound("text", text, sender=sender, name="박서연", timestamp=stamp, phone_number_id=number)
    assert relay.post_webhook(webhook).status_code == 200
    wait_until(relay.automations_done, 10, "the relay to answer her message")


def answers(relay: RunningRelay) -> list[tuple[str, str | None]]:
    """Each automatic answer the desktop hears of: who sent it and the number (the chat) it went from."""
    events = relay.events()["events"]
    return [(e["sent_by"], e["phone_number_id"]) for e in events if e["kind"] == "outbound"]


def test_a_late_message_to_the_other_branch_is_answered_by_the_bot_from_that_branch(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    """Her morning question to Hongdae reached the relay only after an outage, when she had written
    to Seongsu since: the bot answers it in the Hongdae chat, where she asked."""
    put_bot(relay)
    writes(relay, SEONGSU, "교환하고 싶어요")
    writes(relay, HONGDAE, "교환하고 싶어요", ago=timedelta(hours=2))
    assert graph.sent_from == [SEONGSU, HONGDAE]
    assert answers(relay) == [("bot", SEONGSU), ("bot", HONGDAE)]


def test_an_opt_out_sent_to_the_other_branch_is_confirmed_from_that_branch(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    writes(relay, SEONGSU, "안녕하세요")
    writes(relay, HONGDAE, "수신 거부", ago=timedelta(hours=1))
    wait_until(lambda: len(graph.sent) == 1, 10, "the confirmation")
    assert "수신" in graph.sent[0]["text"]["body"]
    assert graph.sent_from == [HONGDAE]
    assert answers(relay) == [("opt_out", HONGDAE)]


def test_a_customer_of_one_branch_writing_the_other_for_the_first_time_gets_its_greeting_there(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    relay.put_rules(greeting={"enabled": True, "text": "{name}님 안녕하세요!"})
    writes(relay, SEONGSU, "셔츠 있나요?")
    writes(relay, HONGDAE, "홍대점에도 있나요?")
    writes(relay, HONGDAE, "내일 갈게요")
    writes(relay, SEONGSU, "감사합니다")
    assert answers(relay) == [("greeting", SEONGSU), ("greeting", HONGDAE)]
    assert graph.sent_from == [SEONGSU, HONGDAE]


def test_a_branch_that_wrote_to_her_lately_does_not_greet_her_reply(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    """Hongdae sent her a message (an order notice) before she ever wrote to it: her answer there
    is no first message of a new chat."""
    hongdae_known(relay)
    relay.put_rules(greeting={"enabled": True, "text": "안녕하세요!"})
    writes(relay, SEONGSU, "셔츠 있나요?")
    notice: dict[str, Any] = {
        "to": CUSTOMER,
        "from": HONGDAE,
        "type": "template",
        "template": {"name": "order_shipped", "language": {"code": "ko"}},
    }
    assert relay.send(notice, "order-notice").json()["status"] == "sent"
    writes(relay, HONGDAE, "감사합니다")
    assert answers(relay) == [("greeting", SEONGSU), ("owner", HONGDAE)]


def hongdae_known(relay: RunningRelay) -> None:
    """Another customer wrote to Hongdae before any automation was on: the relay knows the account's
    second number (it refuses a send from a number it does not have)."""
    writes(relay, HONGDAE, "홍대점 몇 시에 열어요?", sender="821099990000")


def branch_answers(relay: RunningRelay, number: str, how: str) -> None:
    """The shop writes to her from one branch's number: from the desktop (an order notice through
    the relay) or from that branch's WhatsApp Business phone app (Meta's echo of it)."""
    if how == "desktop":
        notice: dict[str, Any] = {
            "to": CUSTOMER,
            "from": number,
            "type": "template",
            "template": {"name": "order_shipped", "language": {"code": "ko"}},
        }
        assert relay.send(notice, f"notice-{number}").json()["status"] == "sent"
        return
    echo = {
        "from": "15550783882",
        "to": CUSTOMER,
        "id": wamid(),
        "timestamp": str(int(datetime.now(UTC).timestamp())),
        "type": "text",
        "text": {"body": "주문하신 셔츠 오늘 보내드렸어요"},
    }
    webhook = envelope({"message_echoes": [echo]}, "smb_message_echoes", phone_number_id=number)
    assert relay.post_webhook(webhook).status_code == 200


@pytest.mark.parametrize("how", ["desktop", "phone_app"])
def test_a_branch_that_answered_her_from_its_phone_app_counts_as_having_written_to_her(
    relay: RunningRelay, graph: FakeGraph, how: str
) -> None:
    """Hongdae's staff answered her from the branch's phone: her reply there gets what it gets after
    a desktop reply from Hongdae, no greeting (the chat is no new one) and that chat's own away
    message (once), not the greeting of a branch that never spoke to her."""
    hongdae_known(relay)
    relay.put_rules(
        greeting={"enabled": True, "text": "안녕하세요!"},
        away={
            "enabled": True,
            "text": "지금은 쉬는 시간이에요",
            "schedule": "always",
            "owner_reply_grace_minutes": 0,
        },
    )
    writes(relay, SEONGSU, "셔츠 있나요?")
    branch_answers(relay, HONGDAE, how)
    writes(relay, HONGDAE, "감사합니다")
    writes(relay, HONGDAE, "내일 받을 수 있죠?")
    sent_by = "owner" if how == "desktop" else "phone_app"
    assert answers(relay) == [("greeting", SEONGSU), ("away", SEONGSU), (sent_by, HONGDAE), ("away", HONGDAE)]
    texts = [body.get("text", {}).get("body") for body in graph.sent if body.get("type") == "text"]
    assert texts == ["안녕하세요!", "지금은 쉬는 시간이에요", "지금은 쉬는 시간이에요"]
    assert graph.sent_from[-1] == HONGDAE


def test_a_branch_phones_past_messages_to_her_make_her_reply_there_no_new_chat(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    """Hongdae's phone joined with its past chats (history backfill): the branch wrote to her last
    week, so her message there today is no first one, though she has never written to Hongdae
    through the relay and has been greeted by Seongsu."""
    relay.put_rules(greeting={"enabled": True, "text": "안녕하세요!"})
    writes(relay, SEONGSU, "셔츠 있나요?")
    last_week = str(int((datetime.now(UTC) - timedelta(days=6)).timestamp()))
    said = {"from": "15550783882", "id": wamid(), "timestamp": last_week, "type": "text"}
    thread = {"id": CUSTOMER, "messages": [{**said, "text": {"body": "주문 확인했어요"}}]}
    history = {
        "history": [{"metadata": {"phase": 0, "chunk_order": 1, "progress": 100}, "threads": [thread]}]
    }
    assert relay.post_webhook(envelope(history, "history", phone_number_id=HONGDAE)).status_code == 200
    writes(relay, HONGDAE, "또 주문할게요")
    assert answers(relay) == [("greeting", SEONGSU)]
    assert graph.sent_from == [SEONGSU]


def test_the_away_message_is_said_once_a_night_in_each_branchs_chat(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    relay.put_rules(away={"enabled": True, "text": "지금은 쉬는 시간이에요", "schedule": "always"})
    writes(relay, SEONGSU, "계세요?")
    writes(relay, HONGDAE, "홍대점은요?")
    writes(relay, HONGDAE, "여보세요?")
    writes(relay, SEONGSU, "답장 주세요")
    assert answers(relay) == [("away", SEONGSU), ("away", HONGDAE)]


def test_a_one_number_shop_greets_and_says_away_once_as_before(relay: RunningRelay, graph: FakeGraph) -> None:
    relay.put_rules(
        greeting={"enabled": True, "text": "안녕하세요!"},
        away={"enabled": True, "text": "지금은 쉬는 시간이에요", "schedule": "always"},
    )
    writes(relay, SEONGSU, "계세요?")
    writes(relay, SEONGSU, "여보세요?")
    assert answers(relay) == [("greeting", SEONGSU), ("away", SEONGSU)]
    assert graph.sent_from == [SEONGSU, SEONGSU]


def test_a_customer_who_changed_her_number_is_not_told_again_by_either_branch(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    relay.put_rules(away={"enabled": True, "text": "지금은 쉬는 시간이에요", "schedule": "always"})
    new = "821087654321"
    writes(relay, SEONGSU, "계세요?")
    writes(relay, HONGDAE, "홍대점은요?")
    assert relay.post_webhook(changed_number(CUSTOMER, new)).status_code == 200
    writes(relay, HONGDAE, "번호 바꿨어요", sender=new)
    writes(relay, SEONGSU, "새 번호예요", sender=new)
    assert answers(relay) == [("away", SEONGSU), ("away", HONGDAE)]
