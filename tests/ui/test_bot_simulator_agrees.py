"""The editor's simulator and the relay answer generated transcripts the same way (issue 23 item 7)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.rules import CustomerMessage
from app.shop_menu import korean_shop_menu
from app.wire import Automations, DayHours
from tests.support.fake_graph import run_fake_graph
from tests.support.relay_server import PHONE_NUMBER_ID, RunningRelay, inbound, run_relay
from ui.bot_simulator import Simulator, reply_text

ALWAYS_OPEN = {"timezone": "Asia/Seoul", "week": [DayHours(mode="all_day").model_dump()] * 7}
NODES = [node.id for node in korean_shop_menu().nodes]

# What a customer does: writes (keywords, particles, ordinary sentences, a hand-off), taps a row or
# button of the menu (or of a menu edited away since), or a template's quick-reply button.
TEXTS = [
    "메뉴 보여주세요",
    "menu 주세요",
    "입금 계좌 알려주세요",
    "배송비는 얼마예요?",
    "교환하고 싶어요",
    "운영시간이 어떻게 돼요",
    "상담원",
    "사람들이 많이 사나요",
    "안녕하세요!",
    "ＭＥＮＵ",
    "3",  # a number typed after a menu chooses from it: the relay keeps the menu shown per chat
    "2번",
    "ㅁㄴㅇㄹ",
    "👍",
]
step = st.one_of(
    st.sampled_from(TEXTS).map(lambda t: ("text", t)),
    st.sampled_from([*NODES, "spring_sale"]).map(lambda n: ("row", f"menu:{n}")),
    st.sampled_from(NODES).map(lambda n: ("button", f"menu:{n}")),
    st.sampled_from(NODES).map(lambda n: ("template", f"menu:{n}")),
)
numbers = itertools.count(821000000000)


@pytest.fixture(scope="module")
def bot_relay(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RunningRelay, Automations]]:
    folder: Path = tmp_path_factory.mktemp("bot-relay")
    with run_fake_graph() as graph, run_relay(folder, graph_url=graph.url) as relay:
        current = relay.client.get(f"{relay.url}/v1/automations", headers=relay.auth()).json()
        bot = korean_shop_menu().model_copy(update={"enabled": True}).model_dump(mode="json")
        doc = Automations.model_validate({**current, "bot": bot, "business_hours": ALWAYS_OPEN})
        answer = relay.client.put(
            f"{relay.url}/v1/automations",
            json=doc.model_dump(mode="json"),
            headers={**relay.auth(), "If-Match": str(current["revision"])},
        )
        assert answer.status_code == 200, answer.text
        yield relay, Automations.model_validate(answer.json())


def _post(relay: RunningRelay, wa_id: str, kind: str, value: str, number: str = PHONE_NUMBER_ID) -> None:
    if kind == "text":
        payload = inbound("text", value, sender=wa_id, name="Kim", phone_number_id=number)
    elif kind == "row":
        reply = {"type": "list_reply", "list_reply": {"id": value, "title": "x"}}
        payload = inbound("interactive", reply, sender=wa_id, name="Kim", phone_number_id=number)
    elif kind == "button":
        reply = {"type": "button_reply", "button_reply": {"id": value, "title": "x"}}
        payload = inbound("interactive", reply, sender=wa_id, name="Kim", phone_number_id=number)
    else:
        payload = inbound(
            "button", {"payload": value, "text": "x"}, sender=wa_id, name="Kim", phone_number_id=number
        )
    assert relay.post_webhook(payload).status_code == 200


def _message(kind: str, value: str) -> CustomerMessage:
    return CustomerMessage(text=value) if kind == "text" else CustomerMessage(text="x", choice_id=value)


@pytest.mark.slow  # 200 transcripts through the real relay: a minute or two
@settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(step, min_size=1, max_size=5))
def test_the_simulator_and_the_relay_send_the_same_answers(
    qapp: Any, bot_relay: tuple[RunningRelay, Automations], steps: list[tuple[str, str]]
) -> None:
    relay, doc = bot_relay
    simulator = Simulator()
    simulator.set_document(doc)
    wa_id = str(next(numbers))
    cursor = _last_seq(relay)
    for kind, value in steps:
        before = len(simulator.transcript.rows)
        paused = simulator.state.paused_until
        simulator.customer_says(_message(kind, value), value)
        expected = simulator.transcript.rows[before + 1 :]  # the customer's own row, then the bot's
        handed_off = simulator.state.paused_until != paused and simulator.state.paused_until is not None
        _post(relay, wa_id, kind, value)
        count = 1 + len(expected) + (1 if handed_off else 0)
        events = relay.wait_for_events(count, after=cursor)[:count]
        assert len(events) == count, (steps, events)
        cursor = events[-1]["seq"]
        sent = [reply_text(e["body"])[0] for e in events if e["kind"] == "outbound"]
        assert sent == [text for _who, text in expected], (steps, kind, value)
    simulator.deleteLater()


def _last_seq(relay: RunningRelay) -> int:
    """The relay's newest seq, so this transcript's events are read from here on."""
    cursor, page = 0, relay.events(0)
    while page["events"]:
        cursor = page["next"]
        page = relay.events(cursor)
    return int(cursor)


@pytest.mark.parametrize("welcome_menu", [False, True])
def test_a_new_customer_saying_hello_gets_in_the_simulator_what_the_relay_sends(
    qapp: Any, tmp_path: Path, welcome_menu: bool
) -> None:
    """ "안녕하세요" from a new customer: the greeting (with the welcome menu, the top menu led by it),
    as on a phone; a second "안녕하세요" is no first message, and the bot's answer to it is the same too."""
    with run_fake_graph() as graph, run_relay(tmp_path, graph_url=graph.url) as relay:
        current = relay.client.get(f"{relay.url}/v1/automations", headers=relay.auth()).json()
        bot = korean_shop_menu().model_copy(update={"enabled": True, "welcome_menu": welcome_menu})
        greeting = {"enabled": True, "text": "{first_name}님 안녕하세요! 서울 리넨입니다."}
        doc = Automations.model_validate(
            {
                **current,
                "bot": bot.model_dump(mode="json"),
                "business_hours": ALWAYS_OPEN,
                "greeting": greeting,
            }
        )
        put = relay.client.put(
            f"{relay.url}/v1/automations",
            json=doc.model_dump(mode="json"),
            headers={**relay.auth(), "If-Match": str(current["revision"])},
        )
        assert put.status_code == 200, put.text
        simulator = Simulator()
        simulator.set_document(Automations.model_validate(put.json()))
        cursor = _last_seq(relay)
        for _ in range(2):
            before = len(simulator.transcript.rows)
            simulator.customer_says(CustomerMessage(text="안녕하세요"), "안녕하세요")
            shown = [text for _who, text in simulator.transcript.rows[before + 1 :]]
            _post(relay, "821099990000", "text", "안녕하세요")
            events = relay.wait_for_events(1 + len(shown), after=cursor)[: 1 + len(shown)]
            cursor = events[-1]["seq"]
            sent = [reply_text(e["body"])[0] for e in events if e["kind"] == "outbound"]
            assert sent == shown, events
        first = simulator.transcript.rows[1][1]
        assert first.startswith("Kim님 안녕하세요! 서울 리넨입니다.")
        assert ("무엇을 도와드릴까요" in first) is welcome_menu
        simulator.deleteLater()


def test_a_chat_on_the_second_number_gets_the_simulators_answers_while_the_first_is_with_a_person(
    qapp: Any, bot_relay: tuple[RunningRelay, Automations]
) -> None:
    """A shop with two numbers: the simulator is one chat, and so is her chat with the second number.
    The menu she was shown at the first number and her hand-off there change nothing in it."""
    relay, doc = bot_relay
    second = "106540352242933"
    wa_id = str(next(numbers))
    cursor = _last_seq(relay)
    for text in ("메뉴", "상담원"):  # the first number's chat: a menu, then a person
        _post(relay, wa_id, "text", text)
    cursor = relay.wait_for_events(2 + 3, after=cursor)[4]["seq"]
    simulator = Simulator()
    simulator.set_document(doc)
    simulator.set_numbers(("8225550101", "8225550202"), "KR")
    assert simulator.number_note.text().startswith("As a customer writing to your number 02-555-0101.")
    for text in ("3", "메뉴", "3", "상담원", "메뉴"):
        before = len(simulator.transcript.rows)
        paused = simulator.state.paused_until
        simulator.customer_says(CustomerMessage(text=text), text)
        expected = [said for _who, said in simulator.transcript.rows[before + 1 :]]
        handed_off = simulator.state.paused_until not in (paused, None)
        _post(relay, wa_id, "text", text, second)
        count = 1 + len(expected) + (1 if handed_off else 0)
        events = relay.wait_for_events(count, after=cursor)[:count]
        cursor = events[-1]["seq"]
        sent = [(e["phone_number_id"], reply_text(e["body"])[0]) for e in events if e["kind"] == "outbound"]
        assert sent == [(second, said) for said in expected], text
    simulator.deleteLater()
