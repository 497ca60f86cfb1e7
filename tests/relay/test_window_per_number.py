"""A shop with two numbers: WhatsApp's 24-hour window is per number, and so is the relay's judgement of it
(its own refusal of a free-form reply, and the messaging limit's ledger for a template)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from relay.upstream import OUTSIDE_WINDOW_SENTENCE
from tests.support.fake_graph import FakeGraph
from tests.support.relay_server import PHONE_NUMBER_ID, RunningRelay, changed_number, envelope, inbound

SECOND_NUMBER = "106540352242933"  # the second branch's phone_number_id
CUSTOMER = "821012345678"


def writes(relay: RunningRelay, number: str, *, sender: str = CUSTOMER, ago: timedelta = timedelta()) -> None:
    """Her message to one of the shop's numbers, sent `ago` (Meta delivers some hours late)."""
    stamp = int((datetime.now(UTC) - ago).timestamp())
    value = inbound("text", "재고 있나요?", sender=sender, timestamp=stamp)["entry"][0]["changes"][0]["value"]
    assert (
        relay.post_webhook(envelope({"messages": value["messages"]}, phone_number_id=number)).status_code
        == 200
    )


def reply(number: str | None = None, to: str = CUSTOMER) -> dict[str, Any]:
    body: dict[str, Any] = {"to": to, "type": "text", "text": {"body": "네, 있습니다"}}
    if number is not None:
        body["from"] = number
    return body


def template(number: str, to: str) -> dict[str, Any]:
    body = {"to": to, "type": "template", "template": {"name": "order_update", "language": {"code": "ko"}}}
    return {**body, "from": number}


def refused_by_the_relay(answer: Any) -> bool:
    error = answer.json()["error"]
    return answer.status_code == 422 and (error["code"], error["graph_code"], error["message"]) == (
        "outside_window",
        131047,
        OUTSIDE_WINDOW_SENTENCE,
    )


def test_a_reply_from_the_number_she_never_wrote_to_is_refused_by_the_relay_with_its_code(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    graph.closed_number_windows.add((PHONE_NUMBER_ID, CUSTOMER))  # as Meta knows it
    writes(relay, SECOND_NUMBER)

    wrong = relay.send(reply(PHONE_NUMBER_ID), "from-first")
    assert refused_by_the_relay(wrong)
    assert graph.send_calls == 0  # the relay knew: WhatsApp was not asked
    assert relay.send(reply(PHONE_NUMBER_ID), "from-first").json() == wrong.json()  # final under its key

    assert relay.send(reply(SECOND_NUMBER), "from-second").json()["status"] == "sent"
    assert relay.send(reply(), "from-her-number").json()["status"] == "sent"
    assert graph.sent_from == [SECOND_NUMBER, SECOND_NUMBER]


def test_a_reply_from_either_number_goes_while_she_wrote_to_both_today(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    writes(relay, PHONE_NUMBER_ID, ago=timedelta(hours=20))
    writes(relay, SECOND_NUMBER, ago=timedelta(hours=1))
    for number in (PHONE_NUMBER_ID, SECOND_NUMBER):
        assert relay.send(reply(number), f"from-{number}").json()["status"] == "sent"
    assert graph.sent_from == [PHONE_NUMBER_ID, SECOND_NUMBER]

    # A day later the first number's window has closed; the second's is open an hour longer.
    relay.relay.clock = lambda: datetime.now(UTC) + timedelta(hours=4, minutes=30)
    assert refused_by_the_relay(relay.send(reply(PHONE_NUMBER_ID), "first-next-day"))
    assert relay.send(reply(SECOND_NUMBER), "second-next-day").json()["status"] == "sent"


def test_a_late_message_to_the_other_number_opens_its_window_from_its_own_time(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    """Meta delivers a webhook hours late after an outage: her old message to the second number
    counts from when she wrote it, and replies without `from` still go from the number she wrote
    to last."""
    writes(relay, PHONE_NUMBER_ID)
    writes(relay, SECOND_NUMBER, ago=timedelta(hours=30))
    assert refused_by_the_relay(relay.send(reply(SECOND_NUMBER), "second-30h"))
    assert relay.send(reply(), "default").json()["status"] == "sent"
    assert graph.sent_from == [PHONE_NUMBER_ID]

    writes(relay, SECOND_NUMBER, ago=timedelta(hours=3))
    assert relay.send(reply(SECOND_NUMBER), "second-3h").json()["status"] == "sent"
    assert relay.send(reply(), "default-again").json()["status"] == "sent"
    assert graph.sent_from == [PHONE_NUMBER_ID, SECOND_NUMBER, PHONE_NUMBER_ID]


def test_a_template_from_the_number_she_did_not_write_to_counts_against_the_messaging_limit(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    """Meta counts a template outside the window of the number it goes from, whichever number she
    wrote to: the portfolio's ledger (one for both numbers) counts it too."""
    wrote_second, also_second = "821077770001", "821077770002"
    writes(relay, SECOND_NUMBER, sender=wrote_second)
    writes(relay, SECOND_NUMBER, sender=also_second)
    ledger = relay.relay.store.ledger
    now_ms = int(datetime.now(UTC).timestamp() * 1000)

    assert relay.send(template(SECOND_NUMBER, also_second), "tpl-open").status_code == 200
    assert ledger.count(now_ms) == 0  # her window with that number is open: free
    assert relay.send(template(PHONE_NUMBER_ID, wrote_second), "tpl-other").status_code == 200
    assert ledger.count(now_ms) == 1
    assert graph.sent_from == [SECOND_NUMBER, PHONE_NUMBER_ID]


def test_a_one_number_shop_judges_the_window_as_before(relay: RunningRelay, graph: FakeGraph) -> None:
    writes(relay, PHONE_NUMBER_ID, ago=timedelta(hours=23))
    assert relay.send(reply(PHONE_NUMBER_ID), "open").json()["status"] == "sent"
    assert relay.send(template(PHONE_NUMBER_ID, CUSTOMER), "tpl").status_code == 200
    assert relay.relay.store.ledger.count(int(datetime.now(UTC).timestamp() * 1000)) == 0
    relay.relay.clock = lambda: datetime.now(UTC) + timedelta(hours=2)
    assert refused_by_the_relay(relay.send(reply(), "closed"))
    assert graph.sent_from == [PHONE_NUMBER_ID, PHONE_NUMBER_ID]


def test_a_customer_who_changed_her_number_keeps_the_windows_she_opened_with_each_shop_number(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    old, new = CUSTOMER, "821087654321"
    writes(relay, PHONE_NUMBER_ID, sender=old, ago=timedelta(hours=20))
    writes(relay, SECOND_NUMBER, sender=old, ago=timedelta(hours=2))
    writes(relay, SECOND_NUMBER, sender=new, ago=timedelta(hours=1))  # her new number wrote first
    assert relay.post_webhook(changed_number(old, new)).status_code == 200
    relay.wait_for_events(4)

    assert relay.send(reply(PHONE_NUMBER_ID, to=new), "first-after-change").json()["status"] == "sent"
    assert relay.send(reply(SECOND_NUMBER, to=new), "second-after-change").json()["status"] == "sent"
    assert graph.sent_from == [PHONE_NUMBER_ID, SECOND_NUMBER]


def test_a_send_from_a_number_the_relay_does_not_have_is_refused_with_its_code_before_graph(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    """A desktop's message set to go from another account's number (a relay replaced, a database
    restored from another shop): the relay names the number it does not have, WhatsApp is not asked,
    and the key stores nothing, so the same message goes once the number is one of the shop's."""
    writes(relay, PHONE_NUMBER_ID)
    elsewhere = "999999999999999"
    refused = relay.send(reply(elsewhere), "from-elsewhere")
    assert refused.status_code == 422
    error = refused.json()["error"]
    assert (error["code"], error["params"]) == ("unknown_number", {"number": elsewhere})
    assert graph.send_calls == 0
    assert relay.events()["events"][-1]["kind"] == "message"  # no outbound event: nothing queued

    not_yet = relay.send(reply(SECOND_NUMBER), "from-second")
    assert not_yet.json()["error"]["code"] == "unknown_number"  # no customer wrote to it yet
    writes(relay, SECOND_NUMBER)  # the account's second number reaches this relay
    assert relay.send(reply(SECOND_NUMBER), "from-second").json()["status"] == "sent"
    assert relay.send(reply(PHONE_NUMBER_ID), "from-own").json()["status"] == "sent"
    assert relay.send(reply(), "no-from").json()["status"] == "sent"
    assert graph.sent_from == [SECOND_NUMBER, PHONE_NUMBER_ID, SECOND_NUMBER]
