"""The menu bot run by the relay: a customer walks the menu through real webhooks, hands off, resumes."""

from __future__ import annotations

import re
import time
from typing import Any

from app.shop_menu import korean_shop_menu
from app.wire import Automations, ContactEvent, DayHours, MenuBot, MenuNode
from tests.support.fake_graph import FakeGraph
from tests.support.relay_process import wait_until
from tests.support.relay_server import RunningRelay, envelope, inbound, wamid

CUSTOMER = "821022223333"
ALWAYS_OPEN = {"timezone": "Asia/Seoul", "week": [DayHours(mode="all_day").model_dump()] * 7}


def put_bot(relay: RunningRelay, menu: MenuBot | None = None, **changes: Any) -> None:
    current = relay.client.get(f"{relay.url}/v1/automations", headers=relay.auth()).json()
    menu = menu or korean_shop_menu()
    bot = menu.model_copy(update={"enabled": True}).model_dump(mode="json")
    doc = Automations.model_validate({**current, "bot": bot, "business_hours": ALWAYS_OPEN, **changes})
    r = relay.client.put(
        f"{relay.url}/v1/automations",
        json=doc.model_dump(mode="json"),
        headers={**relay.auth(), "If-Match": str(current["revision"])},
    )
    assert r.status_code == 200, r.text


def resume(relay: RunningRelay, wa_id: str = CUSTOMER) -> None:
    """The owner presses Resume once the relay has looked at the messages so far, as a person would
    (else the look at a message that came while paused may run after it, and answer it)."""
    wait_until(relay.automations_done, 10, "the relay to look at the message")
    r = relay.client.post(f"{relay.url}/v1/bot/{wa_id}/resume", headers=relay.auth())
    assert r.status_code == 200


class Customer:
    """A customer on a phone: types, taps rows and buttons; reads what the relay's bot sent back."""

    def __init__(self, relay: RunningRelay, wa_id: str = CUSTOMER) -> None:
        self.relay = relay
        self.wa_id = wa_id
        self.cursor = 0

    def _post(self, kind: str, content: Any) -> None:
        r = self.relay.post_webhook(inbound(kind, content, sender=self.wa_id, name="박서연"))
        assert r.status_code == 200

    def says(self, text: str) -> None:
        self._post("text", text)

    def taps_row(self, row_id: str, title: str = "") -> None:
        self._post("interactive", {"type": "list_reply", "list_reply": {"id": row_id, "title": title}})

    def taps_button(self, button_id: str, title: str = "") -> None:
        self._post("interactive", {"type": "button_reply", "button_reply": {"id": button_id, "title": title}})

    def taps_template_button(self, payload: str, text: str) -> None:
        self._post("button", {"payload": payload, "text": text})

    def events(self, count: int) -> list[dict[str, Any]]:
        """The next `count` events (the customer's own messages included), in order."""
        found = self.relay.wait_for_events(count, after=self.cursor)[:count]
        assert len(found) == count, found
        self.cursor = found[-1]["seq"]
        return found

    def reply(self) -> dict[str, Any]:
        """The one bot message answering the customer's last message."""
        message, outbound = self.events(2)
        assert message["kind"] == "message" and outbound["kind"] == "outbound"
        assert outbound["sent_by"] == "bot" and outbound["to"] == self.wa_id
        return dict(outbound["body"])


def shown(body: dict[str, Any]) -> str | list[str]:
    """What the phone shows: the text, or the ids of the menu's rows or buttons."""
    if body["type"] == "text":
        return str(body["text"]["body"])
    interactive = body["interactive"]
    if interactive["type"] == "button":
        return [b["reply"]["id"] for b in interactive["action"]["buttons"]]
    return [r["id"] for s in interactive["action"]["sections"] for r in s["rows"]]


def said(body: dict[str, Any]) -> str:
    """The words the phone shows: a text's, or the text above a menu's rows or buttons."""
    if body["type"] == "text":
        return str(body["text"]["body"])
    return str(body["interactive"]["body"]["text"])


TOP = ["menu:order", "menu:account", "menu:returns", "menu:hours", "menu:person"]


def test_a_customer_walks_the_menu_with_rows_buttons_and_template_buttons(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    put_bot(relay)
    customer = Customer(relay)
    customer.events(1)  # the settings event
    customer.says("메뉴 보여주세요")
    assert shown(customer.reply()) == TOP
    customer.taps_row("menu:returns", "교환·반품")
    assert shown(customer.reply()) == ["menu:exchange", "menu:return", "menu:returns_back"]
    customer.taps_button("menu:returns_back", "이전 메뉴")
    assert shown(customer.reply()) == TOP
    customer.taps_template_button("menu:hours", "운영시간")
    assert "월~일 24시간" in said(customer.reply())  # the shop's business hours
    customer.says("입금 계좌 알려주세요")
    assert "입금 계좌를 안내" in said(customer.reply())
    customer.taps_row("menu:spring_sale", "봄 세일")  # a menu edited away since it was sent
    stale = customer.reply()
    assert stale["interactive"]["body"]["text"].startswith("이 메뉴는 바뀌었어요.")
    assert shown(stale) == TOP
    # Graph received exactly what the events say, one message per tap or question.
    assert [shown(body) for body in graph.sent][:3] == [
        TOP,
        ["menu:exchange", "menu:return", "menu:returns_back"],
        TOP,
    ]
    assert len(graph.sent) == 6


def test_a_number_typed_after_a_menu_chooses_from_it_and_a_reply_that_chooses_nothing_is_asked_once(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    """A tester typed "3" after the menu and got silence; "ㅁㄴㅇㄹ" and "👍" too. The relay keeps
    the menu it sent in the chat's state, between webhooks."""
    put_bot(relay)
    customer = Customer(relay)
    customer.events(1)
    customer.says("메뉴")
    assert shown(customer.reply()) == TOP
    customer.says("3")  # 교환·반품
    assert shown(customer.reply()) == ["menu:exchange", "menu:return", "menu:returns_back"]
    customer.says("ㅁㄴㅇㄹ")
    again = customer.reply()
    assert said(again).startswith("메뉴에서 골라 주세요.")
    assert shown(again) == ["menu:exchange", "menu:return", "menu:returns_back"]
    customer.says("👍")  # asked once already: no second reminder
    assert customer.events(1)[0]["kind"] == "message"
    wait_until(relay.automations_done, 10, "the relay to look at the message")
    customer.says("1번")
    assert said(customer.reply()).startswith("교환은 상품을 받으신 날부터 7일")
    assert len(graph.sent) == 4


def test_a_text_answer_has_a_button_that_brings_the_main_menu_back(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    """The customer asked the opening hours, read the answer, and taps 처음으로 instead of having to
    know to type 메뉴."""
    put_bot(relay)
    customer = Customer(relay)
    customer.events(1)
    customer.says("영업시간이 어떻게 돼요?")
    answer = customer.reply()
    assert said(answer) == "영업시간을 안내해 드릴게요.\n월~일 24시간"
    assert answer["interactive"]["action"]["buttons"] == [
        {"type": "reply", "reply": {"id": "menu:home", "title": "처음으로"}}
    ]
    assert graph.sent[-1]["interactive"] == answer["interactive"]  # Graph got the button message
    customer.taps_button("menu:home", "처음으로")
    assert shown(customer.reply()) == TOP
    customer.says("상담원")  # a person answers next: no button to go back with
    _message, contact, handed = customer.events(3)
    assert contact["kind"] == "contact" and handed["body"]["type"] == "text"
    assert len(graph.sent) == 3


def test_handoff_pauses_the_bot_and_resume_from_another_desktop_wakes_it(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    put_bot(relay)
    customer = Customer(relay)
    customer.events(1)
    customer.says("상담원 연결")
    _message, contact, outbound = customer.events(3)
    event = ContactEvent.model_validate(contact)
    assert event.contact.wa_id == CUSTOMER and event.handoff_reason == "keyword"
    assert event.bot_paused_until is not None
    assert outbound["sent_by"] == "bot" and "상담원에게 연결" in outbound["body"]["text"]["body"]
    customer.says("메뉴")  # the chat is with a person now: the bot stays quiet
    assert customer.events(1)[0]["kind"] == "message"
    # (The owner presses Resume once the relay has looked at that message, as a person would.)
    wait_until(relay.automations_done, 10, "the relay to look at the message")
    r = relay.client.post(f"{relay.url}/v1/bot/+82 10-2222-3333/resume", headers=relay.auth())
    assert r.json() == {"wa_id": CUSTOMER, "phone_number_id": None, "bot_paused_until": None}
    resumed = ContactEvent.model_validate(customer.events(1)[0])
    assert resumed.handoff_reason == "resumed" and resumed.bot_paused_until is None
    assert "bot_paused_until" in resumed.model_fields_set
    customer.says("메뉴")
    assert shown(customer.reply()) == TOP
    customer.taps_row("menu:person", "상담원 연결")
    kinds = [e["kind"] for e in customer.events(3)]
    assert kinds == ["message", "contact", "outbound"]
    assert len(graph.sent) == 3


def test_the_owners_own_message_pauses_the_bot_in_that_chat(relay: RunningRelay, graph: FakeGraph) -> None:
    put_bot(relay)
    customer = Customer(relay)
    customer.events(1)
    customer.says("메뉴")
    customer.reply()
    r = relay.send({"to": CUSTOMER, "type": "text", "text": {"body": "제가 직접 도와드릴게요!"}}, "owner-1")
    assert r.status_code == 200
    assert customer.events(1)[0]["sent_by"] == "owner"
    customer.says("배송 언제 와요?")
    assert customer.events(1)[0]["kind"] == "message"
    other = Customer(relay, "821044445555")  # another chat is not paused
    other.cursor = customer.cursor
    other.says("입금 계좌 알려주세요")
    assert "입금 계좌를 안내" in said(other.reply())
    resume(relay)
    customer.cursor = other.cursor
    customer.events(1)
    customer.says("계좌번호요")
    assert "입금 계좌를 안내" in said(customer.reply())
    # Per chat, answers go in order: the question while paused got nothing.
    assert [body["to"] for body in graph.sent].count(CUSTOMER) == 3


def test_a_matching_keyword_answers_instead_of_the_away_message(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    put_bot(relay, away={"enabled": True, "text": "지금은 쉬는 시간이에요", "schedule": "always"})
    customer = Customer(relay)
    customer.events(1)
    customer.says("교환하고 싶어요")
    assert shown(customer.reply()) == ["menu:exchange", "menu:return", "menu:returns_back"]
    customer.says("안녕하세요")  # no keyword: the away message answers
    _message, away = customer.events(2)
    assert away["sent_by"] == "away"


def test_the_hourly_cap_holds_the_bot_back(relay: RunningRelay, graph: FakeGraph) -> None:
    bot = korean_shop_menu().model_copy(update={"enabled": True, "hourly_cap": 2}).model_dump(mode="json")
    put_bot(relay, bot=bot)
    customer = Customer(relay)
    customer.events(1)
    for _ in range(2):
        customer.says("메뉴")
        customer.reply()
    customer.says("메뉴")
    customer.says("상담원")  # still hands off (and tells the desktops), without a third message
    kinds = [e["kind"] for e in customer.events(3)]
    assert kinds == ["message", "message", "contact"]
    assert len(graph.sent) == 2


def test_a_menu_over_whatsapps_limits_is_refused_and_the_old_one_keeps_running(relay: RunningRelay) -> None:
    put_bot(relay)
    current = relay.client.get(f"{relay.url}/v1/automations", headers=relay.auth()).json()
    current["bot"]["nodes"][1]["title"] = "주문" * 13  # 26 characters: WhatsApp allows 24
    r = relay.client.put(
        f"{relay.url}/v1/automations",
        json=current,
        headers={**relay.auth(), "If-Match": str(current["revision"])},
    )
    assert r.status_code == 400
    assert r.json()["error"]["code"] == "bot_over_limits"
    assert r.json()["error"]["params"] == {"problem": "title_too_long", "node": "order"}
    again = relay.client.get(f"{relay.url}/v1/automations", headers=relay.auth()).json()
    assert again["bot"]["nodes"][1]["title"] == "주문·배송 조회"


def test_a_buttons_menu_with_one_title_twice_is_refused_and_the_old_one_keeps_running(
    relay: RunningRelay,
) -> None:
    """WhatsApp refuses reply buttons that share a title: saved, the menu failed at Meta each time."""
    put_bot(relay)
    current = relay.client.get(f"{relay.url}/v1/automations", headers=relay.auth()).json()
    returned = next(node for node in current["bot"]["nodes"] if node["id"] == "return")
    returned["title"] = "교환 신청"  # the title of the button beside it
    r = relay.client.put(
        f"{relay.url}/v1/automations",
        json=current,
        headers={**relay.auth(), "If-Match": str(current["revision"])},
    )
    assert r.status_code == 400
    assert r.json()["error"]["params"] == {"problem": "duplicate_button_title", "node": "return"}
    again = relay.client.get(f"{relay.url}/v1/automations", headers=relay.auth()).json()
    assert [n["title"] for n in again["bot"]["nodes"] if n["id"] == "return"] == ["반품 신청"]


def test_echoes_of_the_phone_app_never_reach_the_bot(relay: RunningRelay, graph: FakeGraph) -> None:
    put_bot(relay)
    echo = {
        "from": "15550783881",
        "to": CUSTOMER,
        "id": wamid(),
        "timestamp": str(int(time.time())),
        "type": "text",
        "text": {"body": "메뉴"},
    }
    relay.post_webhook(envelope({"message_echoes": [echo]}, field_name="smb_message_echoes"))
    customer = Customer(relay)
    customer.events(2)  # settings, the echo
    customer.says("메뉴")  # the echo was the owner writing on the phone: the chat is theirs
    assert customer.events(1)[0]["kind"] == "message"
    resume(relay)
    customer.events(1)
    customer.says("처음으로")
    assert shown(customer.reply()) == TOP
    assert len(graph.sent) == 1  # answers are in order per chat: the first "메뉴" got nothing


def test_where_is_my_order_answers_from_the_statuses_the_desktop_pushed(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    put_bot(relay)
    pushed = {
        "orders": [
            {
                "number": "1042",
                "state": "shipped",
                "wa_id": "+82 10-2222-3333",
                "courier": "CJ대한통운",
                "tracking": "654321098765",
                "tracking_url": "https://trace.cjlogistics.com/654321098765",
            }
        ]
    }
    r = relay.client.post(f"{relay.url}/v1/orders/status", json=pushed, headers=relay.auth())
    assert r.status_code == 200
    customer = Customer(relay)
    customer.events(1)
    customer.taps_row("menu:order", "주문·배송 조회")
    answer = said(customer.reply())
    assert "주문번호 1042: 배송 중" in answer and "https://trace.cjlogistics.com/654321098765" in answer
    stranger = Customer(relay, "821099990000")  # no order pushed for them: a person takes over
    stranger.cursor = customer.cursor
    stranger.says("배송 조회요")
    _message, contact, outbound = stranger.events(3)
    assert contact["handoff_reason"] == "no_order" and "찾지 못했어요" in outbound["body"]["text"]["body"]


def test_the_welcome_menu_greets_a_new_customer_in_one_message(relay: RunningRelay, graph: FakeGraph) -> None:
    bot = (
        korean_shop_menu().model_copy(update={"enabled": True, "welcome_menu": True}).model_dump(mode="json")
    )
    put_bot(relay, bot=bot, greeting={"enabled": True, "text": "{name}님, 서울 리넨에 오신 걸 환영해요!"})
    customer = Customer(relay)
    customer.events(1)
    customer.says("안녕하세요")
    welcome = customer.reply()
    assert welcome["interactive"]["body"]["text"].startswith("박서연님, 서울 리넨에 오신 걸 환영해요!")
    assert shown(welcome) == TOP
    customer.says("안녕하세요")  # greeted already: neither the menu nor the greeting again
    customer.says("계좌 알려주세요")
    kinds = [e["kind"] for e in customer.events(3)]
    assert kinds == ["message", "message", "outbound"]
    assert len(graph.sent) == 2


def test_the_report_counts_what_answered_and_the_hand_offs_per_rule_and_node(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    put_bot(relay)
    customer = Customer(relay)
    customer.events(1)
    customer.says("메뉴 보여주세요")
    customer.reply()
    customer.taps_row("menu:hours", "운영시간")
    customer.reply()
    customer.says("메뉴")
    customer.reply()
    customer.taps_row("menu:person", "상담원 연결")
    customer.events(3)  # the tap, the hand-off contact event, the bot's reply
    other = Customer(relay, "821099990000")
    other.cursor = customer.cursor
    other.says("상담원")
    other.events(3)  # the message, the hand-off contact event, the bot's reply
    r = relay.client.get(f"{relay.url}/v1/bot/report?days=30", headers=relay.auth())
    assert r.status_code == 200
    report = r.json()
    tallies = {t["id"]: (t["fired"], t["handoffs"]) for t in report["tallies"]}
    assert tallies["menu"] == (2, 0)  # the keyword rule "메뉴" answered twice
    assert tallies["hours"] == (1, 0)
    assert tallies["person"] == (1, 1)
    assert tallies["handoff"] == (1, 1)  # the hand-off keyword
    assert relay.client.get(f"{relay.url}/v1/bot/report?days=0", headers=relay.auth()).status_code == 400
    assert relay.client.get(f"{relay.url}/v1/bot/report").status_code == 401


def closed_today(relay: RunningRelay) -> None:
    """The bot on, the shop closed all of today (Seoul) and open the other days, the away message on.
    The relay's clock stays on the moment "today" was read: a test begun just before midnight in Seoul
    (15:00 UTC) finished on the day after the closed one, when the shop was open."""
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    now = datetime.now(UTC)
    relay.relay.clock = lambda: now
    today = now.astimezone(ZoneInfo("Asia/Seoul")).weekday()
    week = [DayHours(mode="closed" if day == today else "all_day").model_dump() for day in range(7)]
    put_bot(
        relay,
        business_hours={"timezone": "Asia/Seoul", "week": week},
        away={"enabled": True, "text": "지금은 영업시간이 아니에요", "schedule": "outside_hours"},
    )


def test_a_hand_off_that_says_the_shop_is_closed_is_the_away_message_of_that_night(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    """The bot's "we're closed, we answer from 10:00" already told the customer: the away message must
    not tell them again a minute later (once per contact per away period, whichever said it)."""
    closed_today(relay)
    customer = Customer(relay)
    customer.events(1)
    customer.says("상담원 연결")
    _message, _contact, outbound = customer.events(3)
    told = outbound["body"]["text"]["body"]
    assert outbound["sent_by"] == "bot" and "영업시간이 아니에요" in told
    # a day as Koreans say it: 오늘 or 내일, else the date with its weekday; the time as 오전/오후 9:00
    assert re.search(
        r"(오늘|내일|\d{1,2}월 \d{1,2}일 \([월화수목금토일]\)) 오[전후] \d{1,2}:\d\d부터", told
    ), told
    customer.says("혹시 확인 가능하실까요?")
    assert customer.events(1)[0]["kind"] == "message"
    wait_until(relay.automations_done, 10, "the relay to look at the message")
    assert [body["text"]["body"] for body in graph.sent] == [told]


def test_after_the_away_message_a_hand_off_does_not_say_the_shop_is_closed_again(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    closed_today(relay)
    customer = Customer(relay)
    customer.events(1)
    customer.says("안녕하세요")  # no keyword: the away message answers
    _message, away = customer.events(2)
    assert away["sent_by"] == "away"
    customer.says("상담원 연결")
    _message, _contact, outbound = customer.events(3)
    told = outbound["body"]["text"]["body"]
    assert outbound["sent_by"] == "bot" and "상담원에게 연결" in told
    assert "영업시간이 아니에요" not in told


def test_with_only_the_away_message_chosen_the_welcome_menu_waits_and_the_away_message_goes_alone(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    """The welcome menu is the greeting: outside business hours it gives way to the away message too."""
    closed_today(relay)
    bot = (
        korean_shop_menu().model_copy(update={"enabled": True, "welcome_menu": True}).model_dump(mode="json")
    )
    relay.put_rules(
        bot=bot,
        greeting={"enabled": True, "text": "{name}님, 서울 리넨에 오신 걸 환영해요!", "skip_when_away": True},
    )
    customer = Customer(relay)
    customer.events(2)  # the two settings events
    customer.says("안녕하세요")
    _message, away = customer.events(2)
    assert (away["sent_by"], away["body"]["text"]["body"]) == ("away", "지금은 영업시간이 아니에요")
    wait_until(relay.automations_done, 10, "the relay to look at the message")
    assert len(graph.sent) == 1


def test_a_customer_who_types_an_entrys_title_gets_that_entry_from_the_relay(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    """An entry "배송 안내" answered a tap, but a customer typing "배송 안내" (or "배송안내") got
    nothing: the owner had to add a keyword with the same words."""
    menu = korean_shop_menu()
    home = menu.nodes[0].model_copy(update={"choices": [*menu.nodes[0].choices, "shipping_note"]})
    note = MenuNode(id="shipping_note", title="배송 안내", text="결제 확인 후 1~2일 안에 발송돼요.")
    put_bot(relay, menu.model_copy(update={"nodes": [home, *menu.nodes[1:], note]}))
    customer = Customer(relay)
    customer.events(1)
    customer.says("배송 안내")
    assert said(customer.reply()).startswith("결제 확인 후 1~2일 안에 발송돼요.")
    customer.says("배송안내")
    assert said(customer.reply()).startswith("결제 확인 후 1~2일 안에 발송돼요.")
    assert len(graph.sent) == 2


def test_a_menu_whose_filled_hours_outgrow_whatsapps_limit_goes_whole_as_numbered_text(
    relay: RunningRelay, graph: FakeGraph, caplog: Any
) -> None:
    """The menu's text with {영업시간} fitted the 1,024 characters WhatsApp shows above a menu when
    the owner saved it; then the hours grew (two runs of days, a closed weekend) and the filled text
    no longer fits. The relay cut it silently before; now the customer gets all of it as a text with
    the choices numbered, answers with a number as after any menu, and the log names the menu."""
    import logging

    from app.wire import TimeRange

    intro = "가" * 1010 + "\n{영업시간}"
    bot = korean_shop_menu()
    nodes = [n.model_copy(update={"text": intro}) if n.id == "home" else n for n in bot.nodes]
    put_bot(relay, bot.model_copy(update={"nodes": nodes}))
    customer = Customer(relay)
    customer.events(1)
    customer.says("메뉴")
    assert shown(customer.reply()) == TOP  # "월~일 24시간": it fits, a list as ever

    weekdays = DayHours(mode="open", ranges=[TimeRange(start="10:00", end="19:00")])
    week = [weekdays] * 5 + [DayHours(mode="closed")] * 2
    current = relay.client.get(f"{relay.url}/v1/automations", headers=relay.auth()).json()
    hours = {"timezone": "Asia/Seoul", "week": [d.model_dump() for d in week]}
    r = relay.client.put(
        f"{relay.url}/v1/automations",
        json={**current, "business_hours": hours},
        headers={**relay.auth(), "If-Match": str(current["revision"])},
    )
    assert r.status_code == 200, r.text
    customer.events(1)
    with caplog.at_level(logging.WARNING, logger="relay.automations"):
        customer.says("메뉴")
        sent = customer.reply()
    assert sent["type"] == "text"
    text = said(sent)
    assert text.startswith("가" * 1010) and "월~금" in text  # whole: nothing cut
    assert text.endswith("1. 주문·배송 조회\n2. 입금 계좌 안내\n3. 교환·반품\n4. 영업시간\n5. 상담원 연결")
    customer.says("3")  # a number, as the text offers
    assert shown(customer.reply()) == ["menu:exchange", "menu:return", "menu:returns_back"]
    [line] = [
        r.getMessage() for r in caplog.records if "too long once its fields are filled" in r.getMessage()
    ]
    assert "problem=filled_text_too_long menu=home" in line and "가가" not in line
    assert graph.sent[-2]["type"] == "text"  # what Graph got: never a cut interactive body
    # The owner's bot report names the menu sent as a text once, and the one sent as a list not at all.
    r = relay.client.get(f"{relay.url}/v1/bot/report?days=30", headers=relay.auth())
    assert r.status_code == 200
    as_text = {t["id"]: t["sent_as_text"] for t in r.json()["tallies"]}
    assert as_text["home"] == 1
    assert set(as_text.values()) <= {0, 1} and sum(as_text.values()) == 1
