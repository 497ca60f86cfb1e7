"""Campaigns of a shop with two WhatsApp numbers: sent from the number the owner chose, or else from
each customer's own; a number the relay does not serve is refused before anyone is queued."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.fake_graph import FakeGraph
from tests.support.relay_campaigns import SEOUL_AFTERNOON, campaign, post_campaign, recipient, wait_for_state
from tests.support.relay_server import PHONE_NUMBER_ID, RunningRelay, envelope, inbound, run_relay

SECOND_NUMBER = "106540352242933"  # the second branch's phone_number_id
SECOND_DISPLAY = "15550783882"


@pytest.fixture
def relay(tmp_path: Path, graph: FakeGraph, storage: str | None) -> Iterator[RunningRelay]:
    with run_relay(tmp_path, graph_url=graph.url, database_url=storage, campaign_poll=0.05) as running:
        running.relay.clock = lambda: SEOUL_AFTERNOON
        yield running


def writes(relay: RunningRelay, sender: str, phone_number_id: str) -> None:
    """A customer's message to one of the shop's numbers, as Meta's webhook brings it."""
    value = inbound(sender=sender, name=None)["entry"][0]["changes"][0]["value"]
    display = SECOND_DISPLAY if phone_number_id == SECOND_NUMBER else "15550783881"
    body = envelope(
        {"messages": value["messages"]}, phone_number_id=phone_number_id, display_phone_number=display
    )
    assert relay.post_webhook(body).status_code == 200


def template_sends(graph: FakeGraph) -> dict[str, str]:
    """Each customer a template went to → the business number it went from."""
    return {
        str(body["to"]): number
        for body, number in zip(graph.sent, graph.sent_from, strict=True)
        if body.get("type") == "template"
    }


def test_a_campaign_from_the_second_number_sends_every_recipient_from_it(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    writes(relay, "821077770001", PHONE_NUMBER_ID)  # only ever wrote to the first number
    writes(relay, "821077770002", SECOND_NUMBER)
    people = ["821077770001", "821077770002", "821077770003"]  # the third never wrote: imported
    posted = post_campaign(
        relay, "from-second", [recipient(p) for p in people], phone_number_id=SECOND_NUMBER
    )
    assert posted.phone_number_id == SECOND_NUMBER
    done = wait_for_state(relay, "from-second", "done")
    assert done.counts == {"sent": 3} and done.phone_number_id == SECOND_NUMBER
    assert template_sends(graph) == dict.fromkeys(people, SECOND_NUMBER)


def test_a_campaign_without_a_number_goes_from_the_number_each_customer_last_wrote_to(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    """As every campaign did before a number could be chosen (a draft kept from then, a desktop not
    updated yet): nothing changes for them."""
    writes(relay, "821077770011", PHONE_NUMBER_ID)
    writes(relay, "821077770012", SECOND_NUMBER)
    people = ["821077770011", "821077770012", "821077770013"]
    post_campaign(relay, "own-numbers", [recipient(p) for p in people])
    assert campaign(relay, "own-numbers").phone_number_id is None
    assert wait_for_state(relay, "own-numbers", "done").counts == {"sent": 3}
    assert template_sends(graph) == {
        "821077770011": PHONE_NUMBER_ID,
        "821077770012": SECOND_NUMBER,
        "821077770013": PHONE_NUMBER_ID,  # the relay's own number for a customer it never heard from
    }


def test_a_number_the_relay_does_not_serve_is_refused_with_its_code_and_nothing_is_queued(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    body = {
        "id": "from-elsewhere",
        "name": "겨울 세일",
        "template": {"name": "winter_sale", "language": "ko", "category": "MARKETING"},
        "recipients": [recipient("821077770021")],
        "phone_number_id": "999999999999999",  # another shop's number
    }
    answer = relay.client.post(f"{relay.url}/v1/campaigns", json=body, headers=relay.auth())
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error["code"] == "unknown_number" and error["params"] == {"number": "999999999999999"}
    missing = relay.client.get(f"{relay.url}/v1/campaigns/from-elsewhere", headers=relay.auth())
    assert missing.status_code == 404
    # The relay's own number needs no customer to have written to it first.
    posted = post_campaign(relay, "from-own", [recipient("821077770021")], phone_number_id=PHONE_NUMBER_ID)
    assert wait_for_state(relay, posted.id, "done").counts == {"sent": 1}
    assert template_sends(graph) == {"821077770021": PHONE_NUMBER_ID}


def test_a_campaign_from_the_first_number_counts_customers_whose_window_is_open_only_with_the_second(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    """WhatsApp's window is per number: a template from the first number to a customer who wrote
    only to the second today is outside its window, and Meta counts her against the portfolio's
    messaging limit; the relay's ledger does too, so the campaign waits when the limit is full."""
    graph.numbers[PHONE_NUMBER_ID]["whatsapp_business_manager_messaging_limit"] = "TIER_10"
    regulars = ["821077770031", "821077770032"]  # wrote to the first number: free
    second_only = [f"8210777701{i:02d}" for i in range(11)]
    for person in regulars:
        writes(relay, person, PHONE_NUMBER_ID)
    for person in second_only:
        writes(relay, person, SECOND_NUMBER)
    post_campaign(
        relay,
        "first-number",
        [recipient(p) for p in [*regulars, *second_only]],
        category="UTILITY",
        phone_number_id=PHONE_NUMBER_ID,
    )
    waiting = wait_for_state(relay, "first-number", "waiting_for_limit")
    assert waiting.reason == "messaging_limit"
    sent = template_sends(graph)
    # Ten places for the eleven who wrote only to the second number; the two regulars took none.
    assert len(set(sent) & set(second_only)) == 10
    assert set(sent.values()) == {PHONE_NUMBER_ID}


def test_a_campaign_from_the_number_her_customers_wrote_to_before_their_last_is_taken(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    writes(relay, "821077770041", SECOND_NUMBER)
    writes(relay, "821077770041", PHONE_NUMBER_ID)  # her newest message: to the first number
    posted = post_campaign(relay, "second-before", [recipient("821077770041")], phone_number_id=SECOND_NUMBER)
    assert wait_for_state(relay, posted.id, "done").counts == {"sent": 1}
    assert template_sends(graph) == {"821077770041": SECOND_NUMBER}
