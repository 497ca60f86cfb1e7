"""A shop with two numbers: the menu bot's place in its menu and its hand-off pause are per chat
(business number, customer), as the customer's phone shows two chats."""

from __future__ import annotations

from typing import Any

from app.wire import ContactEvent
from tests.relay.test_automations_per_number import CUSTOMER, HONGDAE, SEONGSU, writes
from tests.relay.test_menu_bot import TOP, put_bot, shown
from tests.support.fake_graph import FakeGraph
from tests.support.relay_process import wait_until
from tests.support.relay_server import RunningRelay


def bot_answers(relay: RunningRelay) -> list[tuple[str | None, Any]]:
    """Each bot message the desktop hears of: the number (the chat) it went from, and what it showed."""
    events = relay.events()["events"]
    return [
        (e["phone_number_id"], shown(e["body"]))
        for e in events
        if e["kind"] == "outbound" and e["sent_by"] == "bot"
    ]


def hand_offs(relay: RunningRelay) -> list[tuple[str | None, str | None, bool]]:
    """Each hand-off or resume the desktop hears of: its chat's number, reason, and whether paused."""
    found = []
    for raw in relay.events()["events"]:
        if raw["kind"] == "contact" and "handoff_reason" in raw:
            event = ContactEvent.model_validate(raw)
            found.append((event.phone_number_id, event.handoff_reason, event.bot_paused_until is not None))
    return found


def resumed(relay: RunningRelay, number: str | None, events: int) -> dict[str, Any]:
    """She asked for a person at both branches; the owner resumes the bot at `number` (None: as an
    older desktop does), and the relay has told its `events` hand-offs and resumes. Then she writes
    "메뉴" to each branch, the first one first."""
    put_bot(relay)
    writes(relay, SEONGSU, "상담원 연결")
    writes(relay, HONGDAE, "상담원 연결")
    query = {"phone_number_id": number} if number else {}
    r = relay.client.post(f"{relay.url}/v1/bot/{CUSTOMER}/resume", params=query, headers=relay.auth())
    assert r.status_code == 200, r.text
    wait_until(lambda: len(hand_offs(relay)) == events, 10, "the resume's contact events")
    writes(relay, SEONGSU, "메뉴")
    writes(relay, HONGDAE, "메뉴")
    return dict(r.json())


def test_handed_to_a_person_on_one_branch_she_is_still_answered_by_the_bot_on_the_other(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    put_bot(relay)
    writes(relay, SEONGSU, "상담원 연결")  # Seongsu's chat goes to a person
    writes(relay, SEONGSU, "메뉴")  # … where the bot stays quiet
    writes(relay, HONGDAE, "메뉴")  # Hongdae's bot still answers her
    assert hand_offs(relay) == [(SEONGSU, "keyword", True)]
    assert graph.sent_from == [SEONGSU, HONGDAE]
    assert bot_answers(relay)[1:] == [(HONGDAE, TOP)]


def test_resume_on_one_branch_leaves_the_other_branchs_hand_off_as_it_was(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    answer = resumed(relay, SEONGSU, events=3)
    assert answer == {"wa_id": CUSTOMER, "phone_number_id": SEONGSU, "bot_paused_until": None}
    assert hand_offs(relay) == [
        (SEONGSU, "keyword", True),
        (HONGDAE, "keyword", True),
        (SEONGSU, "resumed", False),
    ]
    assert bot_answers(relay)[2:] == [(SEONGSU, TOP)]  # Hongdae's chat is still with a person


def test_an_older_desktops_resume_without_a_number_wakes_the_bot_on_every_branch(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    assert resumed(relay, None, events=4)["phone_number_id"] is None
    assert sorted(hand_offs(relay)[2:]) == sorted([(HONGDAE, "resumed", False), (SEONGSU, "resumed", False)])
    assert bot_answers(relay)[2:] == [(SEONGSU, TOP), (HONGDAE, TOP)]


def test_a_number_typed_on_one_branch_chooses_nothing_from_the_menu_the_other_branch_sent(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    """Seongsu showed her the menu; her "3" to Hongdae, whose chat shows no menu, is no choice there."""
    put_bot(relay)
    writes(relay, SEONGSU, "메뉴")
    writes(relay, HONGDAE, "3")
    writes(relay, SEONGSU, "3")  # Seongsu's menu is still where she left it: 교환·반품
    returns = ["menu:exchange", "menu:return", "menu:returns_back"]
    assert [(n, what) for n, what in bot_answers(relay) if what == returns] == [(SEONGSU, returns)]


def test_a_resume_names_a_business_number_as_digits(relay: RunningRelay) -> None:
    r = relay.client.post(
        f"{relay.url}/v1/bot/{CUSTOMER}/resume", params={"phone_number_id": "branch-1"}, headers=relay.auth()
    )
    assert r.status_code == 400 and r.json()["error"]["code"] == "invalid"
    assert hand_offs(relay) == []
