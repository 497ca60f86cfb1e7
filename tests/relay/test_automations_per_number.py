"""A shop with two numbers (two branches): every automatic answer comes from the number the customer
wrote to, and the greeting's and away message's "once" count per number, as her phone shows two chats."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from tests.relay.test_menu_bot import put_bot
from tests.support.fake_graph import FakeGraph
from tests.support.relay_process import wait_until
from tests.support.relay_server import PHONE_NUMBER_ID, RunningRelay, changed_number, inbound

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
