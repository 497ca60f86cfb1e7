"""The menu bot's brain: keyword matching, menus, hand-off, caps, and the document's limits."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from app.rules import (
    BotState,
    CustomerMessage,
    bot_decision,
    customer_message,
    keyword_hits,
    keyword_overlaps,
    resumed_bot_state,
)
from app.shop_menu import korean_shop_menu
from app.wire import (
    BUTTON_TITLE_MAX,
    INTERACTIVE_BODY_MAX,
    LIST_ROWS_MAX,
    REPLY_BUTTONS_MAX,
    ROW_DESCRIPTION_MAX,
    ROW_TITLE_MAX,
    SECTION_TITLE_MAX,
    Automations,
    BotAnswer,
    BotLimitError,
    BotProblem,
    BusinessHours,
    HandoffReason,
    KeywordRule,
    MenuBot,
    MenuNode,
    OrderStatus,
    check_button_titles,
)
from relay.limits import validate_send

# A Monday 11:00 in Seoul: open by the default hours below.
OPEN = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)
NIGHT = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)  # Tuesday 00:00 in Seoul
WA = "821012345678"


def shop_doc(**bot_changes: object) -> Automations:
    bot = korean_shop_menu().model_copy(update={"enabled": True, **bot_changes})
    return Automations(bot=bot, business_hours=BusinessHours(timezone="Asia/Seoul"))


def say(doc: Automations, text: str, state: BotState | None = None, now: datetime = OPEN):
    return bot_decision(doc, state or BotState(), CustomerMessage(text), now, wa_id=WA)


def tap(doc: Automations, choice: str, state: BotState | None = None, now: datetime = OPEN):
    return bot_decision(doc, state or BotState(), CustomerMessage("", choice), now, wa_id=WA)


def reply_text(decision) -> str:
    reply = decision.reply
    assert reply is not None
    if reply["type"] == "text":
        return reply["text"]["body"]
    return reply["interactive"]["body"]["text"]


def choice_ids(decision) -> list[str]:
    interactive = decision.reply["interactive"]
    if interactive["type"] == "button":
        return [b["reply"]["id"] for b in interactive["action"]["buttons"]]
    return [r["id"] for s in interactive["action"]["sections"] for r in s["rows"]]


# --------------------------------------------------------------------------- matching table


@pytest.mark.parametrize(
    ("keyword", "message", "whole_word", "hits"),
    [
        ("배송비", "배송비는 얼마예요?", False, True),  # a particle glued on
        ("배송비", "배송 비 얼마예요", False, True),  # spacing differs
        ("배송 비", "배송비가 궁금해요", False, True),  # the keyword's own spacing does not matter
        ("배송비", unicodedata.normalize("NFD", "배송비 알려주세요"), False, True),  # NFD input
        (unicodedata.normalize("NFD", "배송비"), "배송비 알려주세요", False, True),  # NFD keyword
        ("opening hours", "What are your OPENING HOURS?", False, True),  # Latin case
        ("hours", "What are your hours?", False, False),  # one Latin word: whole message only
        ("hours", "Hours?", False, True),
        ("hours", "What are your hours?", True, True),  # … or as a word, when asked
        ("price", "prices please", True, False),  # whole word: not inside another word
        ("배송", "배송비는요", True, False),
        ("배송", "배송 언제 와요", True, True),
        ("돈", "돈까스 있어요?", False, False),  # one syllable: whole message only
        ("돈", "돈!", False, True),
        ("hi", "this is it", False, False),
        ("교환", "교환하고 싶어요", False, True),
    ],
)
def test_keyword_matching_table(keyword: str, message: str, whole_word: bool, hits: bool) -> None:
    assert keyword_hits(keyword, message, whole_word=whole_word) is hits


@pytest.mark.parametrize(
    "text",
    [
        "상담원",
        "상담원 연결",
        "상담원연결!",
        "상담원 연결해 주세요",
        "직원",
        "사장님",
        "Agent",
        "HUMAN",
        "human.",
    ],
)
def test_handoff_keywords_hand_the_chat_to_a_person(text: str) -> None:
    decision = say(shop_doc(), text)
    assert decision.handoff is HandoffReason.KEYWORD
    assert decision.state.paused_until == OPEN + timedelta(hours=12)
    assert "상담원에게 연결" in reply_text(decision)


@pytest.mark.parametrize(
    "text",
    ["사람들이 많이 사나요", "사람", "상담원분이 친절하셨어요", "직원분들이 친절해요", "agents of shield"],
)
def test_ordinary_sentences_are_not_a_handoff(text: str) -> None:
    assert say(shop_doc(), text).handoff is None


def test_first_matching_rule_in_priority_order_answers() -> None:
    rules = [
        KeywordRule(id="fee", keywords=["배송비"], answer=BotAnswer(text="배송비는 3,000원이에요.")),
        KeywordRule(id="ship", keywords=["배송"], answer=BotAnswer(text="배송은 2~3일 걸려요.")),
    ]
    doc = shop_doc(rules=rules)
    assert say(doc, "배송비는 얼마예요").matched == "fee"
    assert say(doc, "배송 언제 와요").matched == "ship"
    doc = shop_doc(rules=list(reversed(rules)))
    assert say(doc, "배송비는 얼마예요").matched == "ship"


def test_no_keyword_leaves_the_message_to_greeting_and_away() -> None:
    decision = say(shop_doc(), "안녕하세요")
    assert not decision.answered and decision.reply is None


def test_answer_fills_the_customers_name() -> None:
    rules = [
        KeywordRule(id="hi", keywords=["가격표"], answer=BotAnswer(text="{name}님, 가격표 보내드릴게요."))
    ]
    decision = bot_decision(
        shop_doc(rules=rules),
        BotState(),
        CustomerMessage("가격표 주세요"),
        OPEN,
        wa_id=WA,
        contact_name="김민지",
    )
    assert reply_text(decision) == "김민지님, 가격표 보내드릴게요."


# --------------------------------------------------------------------------- menus


def test_ready_made_menu_walks_down_and_back() -> None:
    doc = shop_doc()
    top = say(doc, "메뉴")
    assert top.reply["interactive"]["type"] == "list"
    assert choice_ids(top) == ["menu:order", "menu:account", "menu:returns", "menu:hours", "menu:person"]
    returns = tap(doc, "menu:returns")
    assert returns.reply["interactive"]["type"] == "button"
    assert choice_ids(returns) == ["menu:exchange", "menu:return", "menu:returns_back"]
    assert "7일" in reply_text(tap(doc, "menu:exchange"))
    back = tap(doc, "menu:returns_back")
    assert choice_ids(back) == choice_ids(top)
    person = tap(doc, "menu:person")
    assert person.handoff is HandoffReason.MENU and person.state.paused_until is not None


def test_a_tap_on_an_edited_away_menu_gets_the_current_menu_politely() -> None:
    doc = shop_doc()
    decision = tap(doc, "menu:old_sale_2025")
    assert reply_text(decision).startswith("이 메뉴는 바뀌었어요.")
    assert choice_ids(decision)[0] == "menu:order"


def test_renamed_node_still_answers_an_old_tap() -> None:
    bot = korean_shop_menu()
    nodes = [n.model_copy(update={"title": "영업 시간"}) if n.id == "hours" else n for n in bot.nodes]
    assert "월~금 오전 9:00~오후 6:00" in reply_text(tap(shop_doc(nodes=nodes), "menu:hours"))


TOP_IDS = ["menu:order", "menu:account", "menu:returns", "menu:hours", "menu:person"]


def home_button(decision) -> tuple[str, str]:
    """The one reply button under a text answer: (id, title)."""
    interactive = decision.reply["interactive"]
    assert interactive["type"] == "button"
    (button,) = interactive["action"]["buttons"]
    return button["reply"]["id"], button["reply"]["title"]


def test_a_text_answer_carries_a_button_back_to_the_main_menu() -> None:
    """A customer asked the opening hours and got only text: to see the menu again they had to know
    to type 메뉴. Now the answer has a 처음으로 button, and its tap shows the main menu."""
    doc = shop_doc()
    for answer in (say(doc, "영업시간이 어떻게 되나요?"), tap(doc, "menu:hours")):
        assert reply_text(answer) == "영업시간을 안내해 드릴게요.\n월~금 오전 9:00~오후 6:00\n토~일 휴무"
        assert home_button(answer) == ("menu:home", "처음으로")
        validate_send({"to": WA, **answer.reply})  # within WhatsApp's limits
    back = bot_decision(doc, BotState(), CustomerMessage("처음으로", "menu:home"), OPEN, wa_id=WA)
    assert choice_ids(back) == TOP_IDS
    orders = [OrderStatus(number="1042", state="paid", wa_id=WA)]
    status = bot_decision(doc, BotState(), CustomerMessage("", "menu:order"), OPEN, wa_id=WA, orders=orders)
    assert home_button(status) == ("menu:home", "처음으로")
    # A person takes the chat over: nothing to go back to.
    assert tap(doc, "menu:person").reply["type"] == "text"


def test_the_owner_can_leave_text_answers_without_the_button() -> None:
    answer = say(shop_doc(home_button=False), "영업시간")
    assert answer.reply["type"] == "text" and "월~금 오전 9:00~오후 6:00" in answer.reply["text"]["body"]


def test_a_bot_without_a_main_menu_answers_in_plain_text() -> None:
    answer = say(shop_doc(top_menu=None), "영업시간")
    assert answer.reply["type"] == "text"


def test_an_answer_longer_than_a_button_message_allows_goes_whole_as_text() -> None:
    long_text = "교환·반품 안내: " + "가" * INTERACTIVE_BODY_MAX
    rules = [KeywordRule(id="policy", keywords=["환불 규정"], answer=BotAnswer(text=long_text))]
    answer = say(shop_doc(rules=rules), "환불 규정 알려주세요")
    assert answer.reply == {"type": "text", "text": {"body": long_text}}


def test_the_button_speaks_the_language_of_the_menu_and_brings_that_menu_back() -> None:
    from app.shop_menu import english_shop_menu

    english = english_shop_menu()
    # The English top menu titled otherwise than its button: the button's title still tells the menu.
    nodes = [n.model_copy(update={"title": "Start"}) if n.id == "home" else n for n in english.nodes]
    doc = shop_doc(other_language=english.model_copy(update={"nodes": nodes}))
    hours = say(doc, "What are your opening hours?")
    assert home_button(hours) == ("menu:home", "Main menu")
    back = bot_decision(doc, BotState(), CustomerMessage("Main menu", "menu:home"), OPEN, wa_id=WA)
    assert back.reply is not None and back.reply["interactive"]["action"]["button"] == "See menu"
    korean = bot_decision(doc, BotState(), CustomerMessage("처음으로", "menu:home"), OPEN, wa_id=WA)
    assert korean.reply is not None and korean.reply["interactive"]["action"]["button"] == "메뉴 보기"
    # A shop's own word for it, within a button title's limit.
    own = shop_doc(home_button_title="메뉴로 돌아가기")
    assert home_button(say(own, "영업시간")) == ("menu:home", "메뉴로 돌아가기")
    with pytest.raises(ValidationError) as refused:
        MenuBot.model_validate(
            {**korean_shop_menu().model_dump(), "home_button_title": "가" * (BUTTON_TITLE_MAX + 1)}
        )
    assert refused.value.errors()[0]["ctx"]["error"].problem is BotProblem.TITLE_TOO_LONG


def test_taps_arrive_as_list_replies_button_replies_and_template_buttons() -> None:
    row = {
        "type": "interactive",
        "interactive": {"type": "list_reply", "list_reply": {"id": "menu:hours", "title": "운영시간"}},
    }
    button = {
        "type": "interactive",
        "interactive": {"type": "button_reply", "button_reply": {"id": "menu:hours", "title": "운영시간"}},
    }
    template = {"type": "button", "button": {"payload": "menu:hours", "text": "운영시간"}}
    for raw in (row, button, template):
        message = customer_message(raw)
        assert message is not None and message.choice_id == "menu:hours"
        decision = bot_decision(shop_doc(), BotState(), message, OPEN, wa_id=WA)
        assert "월~금 오전 9:00~오후 6:00" in reply_text(decision)
    assert customer_message({"type": "image", "image": {"id": "1"}}) is None


def test_template_button_with_a_foreign_payload_is_read_as_its_text() -> None:
    message = customer_message({"type": "button", "button": {"payload": "PROMO_1", "text": "상담원 연결"}})
    assert message is not None
    assert bot_decision(shop_doc(), BotState(), message, OPEN, wa_id=WA).handoff is HandoffReason.KEYWORD


def test_handoff_at_night_says_when_a_person_answers() -> None:
    text = reply_text(say(shop_doc(), "상담원", now=NIGHT))
    assert "오늘 오전 9:00부터" in text  # at midnight, this morning's opening is today's, as Koreans say it


def test_handoff_at_night_does_not_ask_to_wait_a_moment() -> None:
    """A tester was told "잠시만 기다려 주세요" and, in the next line, that nobody answers until morning."""
    text = reply_text(say(shop_doc(), "상담원", now=NIGHT))
    assert text == "상담원에게 연결해 드릴게요.\n지금은 영업시간이 아니에요. 오늘 오전 9:00부터 답변드릴게요."
    assert reply_text(say(shop_doc(), "상담원")) == "상담원에게 연결해 드릴게요. 잠시만 기다려 주세요."
    own = shop_doc(handoff_text="사장님께 전해 드릴게요. 잠시만 기다려 주세요. 감사합니다!")
    assert reply_text(say(own, "상담원", now=NIGHT)).startswith("사장님께 전해 드릴게요. 감사합니다!\n")


def test_new_documents_say_youngeop_sigan_as_the_rest_of_the_app_and_saved_ones_keep_their_words() -> None:
    bot = korean_shop_menu()
    assert "지금은 영업시간이 아니에요" in bot.handoff_closed_text
    assert [n.title for n in bot.nodes if n.id == "hours"] == ["영업시간"]
    # (A customer may still write 운영시간: it stays a keyword of the hours answer.)
    assert "운영시간" not in bot.model_dump_json(exclude={"rules"})
    saved = bot.model_dump(mode="json") | {
        "handoff_closed_text": "지금은 운영시간이 아니에요. {opening}부터요."
    }
    assert MenuBot.model_validate(saved).handoff_closed_text.startswith("지금은 운영시간이")


# --------------------------------------------------------------------------- safety


def test_paused_chat_gets_nothing_until_the_pause_ends_or_resume() -> None:
    doc = shop_doc()
    paused = say(doc, "상담원").state
    assert not say(doc, "메뉴", paused, OPEN + timedelta(hours=1)).answered
    assert say(doc, "메뉴", paused, OPEN + timedelta(hours=12)).answered
    resumed = resumed_bot_state(paused, OPEN + timedelta(hours=1))
    assert say(doc, "메뉴", resumed, OPEN + timedelta(hours=1, minutes=1)).answered


def test_owner_message_pauses_the_bot_until_resumed() -> None:
    doc = shop_doc()
    owner = OPEN - timedelta(minutes=10)

    def answered(state: BotState) -> bool:
        return bot_decision(
            doc, state, CustomerMessage("메뉴"), OPEN, wa_id=WA, last_owner_reply_at=owner
        ).answered

    assert not answered(BotState())
    assert answered(resumed_bot_state(BotState(), OPEN - timedelta(minutes=5)))


def test_never_answers_an_echo_or_when_switched_off() -> None:
    assert not bot_decision(
        shop_doc(), BotState(), CustomerMessage("메뉴"), OPEN, wa_id=WA, echo=True
    ).answered
    assert not say(shop_doc(enabled=False), "메뉴").answered


def test_hourly_cap_silences_the_bot_then_lets_it_speak_again() -> None:
    doc = shop_doc(hourly_cap=3)
    state = BotState()
    replies = 0
    for minute in range(10):
        decision = say(doc, "메뉴", state, OPEN + timedelta(minutes=minute))
        assert decision.answered
        replies += decision.reply is not None
        state = decision.state
    assert replies == 3
    assert say(doc, "메뉴", state, OPEN + timedelta(hours=1)).reply is not None


# --------------------------------------------------------------------------- limits


def _refused(**bot: object) -> BotProblem:
    with pytest.raises(ValidationError) as caught:
        MenuBot.model_validate(bot)
    error = caught.value.errors()[0]["ctx"]["error"]
    assert isinstance(error, BotLimitError)
    return error.problem


def _menu(choices: int, **menu: object) -> dict[str, Any]:
    kids = [{"id": f"c{i}", "title": f"선택 {i}"} for i in range(choices)]
    top = {
        "id": "top",
        "title": "메뉴",
        "action": "menu",
        "text": "골라 주세요",
        "choices": [k["id"] for k in kids],
    }
    return {"nodes": [{**top, **menu}, *kids], "top_menu": "top"}


def test_documents_over_whatsapps_limits_are_refused() -> None:
    MenuBot.model_validate(_menu(LIST_ROWS_MAX))
    assert _refused(**_menu(LIST_ROWS_MAX + 1)) is BotProblem.TOO_MANY_ROWS
    MenuBot.model_validate(_menu(REPLY_BUTTONS_MAX, style="buttons"))
    assert _refused(**_menu(REPLY_BUTTONS_MAX + 1, style="buttons")) is BotProblem.TOO_MANY_BUTTONS
    doc = _menu(1, style="buttons")
    doc["nodes"][1]["title"] = "가" * (BUTTON_TITLE_MAX + 1)
    assert _refused(**doc) is BotProblem.TITLE_TOO_LONG
    doc = _menu(1)
    doc["nodes"][1]["title"] = "가" * (ROW_TITLE_MAX + 1)
    assert _refused(**doc) is BotProblem.TITLE_TOO_LONG
    doc = _menu(1)
    doc["nodes"][1]["description"] = "가" * (ROW_DESCRIPTION_MAX + 1)
    assert _refused(**doc) is BotProblem.DESCRIPTION_TOO_LONG
    doc = _menu(2)
    doc["nodes"][1]["section"] = "배송"
    assert _refused(**doc) is BotProblem.SECTION_TITLE_REQUIRED
    doc["nodes"][2]["section"] = "가" * (SECTION_TITLE_MAX + 1)
    assert _refused(**doc) is BotProblem.SECTION_TITLE_TOO_LONG
    doc = _menu(1)
    doc["nodes"][0]["text"] = "가" * (INTERACTIVE_BODY_MAX + 1)
    assert _refused(**doc) is BotProblem.TEXT_TOO_LONG


def _refused_titles(bot: dict[str, Any]) -> BotProblem | None:
    try:
        check_button_titles(MenuBot.model_validate(bot))
    except BotLimitError as exc:
        return exc.problem
    return None


def test_a_menu_whose_buttons_share_a_title_is_refused_where_it_is_saved() -> None:
    """WhatsApp refuses reply buttons with one title twice: two choices added to a buttons menu and
    left as "새 항목" were saved, and every customer who tapped into that menu got nothing."""
    doc = _menu(2, style="buttons")
    doc["nodes"][1]["title"] = doc["nodes"][2]["title"] = "새 항목"
    assert _refused_titles(doc) is BotProblem.DUPLICATE_BUTTON_TITLE
    doc["nodes"][2]["title"] = " 새 항목 "  # WhatsApp shows them alike
    assert _refused_titles(doc) is BotProblem.DUPLICATE_BUTTON_TITLE
    assert _refused_titles({"other_language": doc}) is BotProblem.DUPLICATE_BUTTON_TITLE
    # A document saved before the check still loads: the relay keeps running its other answers.
    Automations.model_validate({"bot": doc})
    doc = _menu(2)  # a list's rows are told apart by their ids
    doc["nodes"][1]["title"] = doc["nodes"][2]["title"] = "새 항목"
    assert _refused_titles(doc) is None


def test_documents_that_are_not_a_tree_are_refused() -> None:
    doc = _menu(2)
    doc["nodes"].append({"id": "c0", "title": "again"})
    assert _refused(**doc) is BotProblem.DUPLICATE_NODE
    doc = _menu(1)
    doc["nodes"][0]["choices"] = ["c0", "missing"]
    assert _refused(**doc) is BotProblem.UNKNOWN_NODE
    doc = _menu(1)
    doc["nodes"][1].update(action="menu", text="아래", choices=["top"])
    assert _refused(**doc) is BotProblem.TWO_PARENTS
    chain = [
        {"id": f"m{i}", "title": "메뉴", "action": "menu", "text": "골라 주세요", "choices": [f"m{i + 1}"]}
        for i in range(8)
    ]
    chain.append({"id": "m8", "title": "끝"})
    assert _refused(nodes=chain, top_menu="m0") is BotProblem.TOO_DEEP
    assert _refused(rules=[{"id": "r", "keywords": [" "]}]) is BotProblem.EMPTY_KEYWORD
    assert _refused(top_menu="nowhere") is BotProblem.UNKNOWN_NODE


def test_ready_made_menu_is_within_every_limit_and_survives_the_wire() -> None:
    doc = shop_doc()
    again = Automations.model_validate_json(doc.model_dump_json())
    assert again.bot == doc.bot
    assert not korean_shop_menu().enabled  # the owner checks the account number first


# --------------------------------------------------------------------------- generated transcripts

_INPUTS = st.one_of(
    st.sampled_from(
        ["메뉴", "배송비는요?", "상담원", "계좌 알려주세요", "안녕하세요", "교환", "hours", "agent"]
    ),
    st.sampled_from(
        ["menu:order", "menu:returns", "menu:returns_back", "menu:person", "menu:gone", "menu:hours", "PROMO"]
    ).map(lambda c: ("tap", c)),
    st.text(max_size=30).map(lambda t: ("text", t)),
)


@settings(max_examples=200, deadline=None)
@given(
    steps=st.lists(st.tuples(_INPUTS, st.integers(min_value=0, max_value=40)), min_size=1, max_size=25),
    cap=st.integers(min_value=1, max_value=6),
)
def test_generated_transcripts_keep_every_safety_rule(steps: list[tuple[object, int]], cap: int) -> None:
    """Any customer, any taps: one message at most per inbound, the cap per hour, silence while paused,
    and every reply within WhatsApp's limits (checked by the relay's own send validation)."""
    doc = shop_doc(hourly_cap=cap)
    state = BotState()
    now = OPEN
    sent: list[datetime] = []
    for item, minutes in steps:
        now += timedelta(minutes=minutes)
        if isinstance(item, tuple):
            kind, value = item
            message = CustomerMessage("", value) if kind == "tap" else CustomerMessage(value)
        else:
            message = CustomerMessage(str(item))
        paused = state.paused_until is not None and now < state.paused_until
        decision = bot_decision(doc, state, message, now, wa_id=WA)
        if paused:
            assert not decision.answered and decision.state == state
        if decision.reply is not None:
            validate_send({"to": WA, **decision.reply})
            sent.append(now)
            assert len([t for t in sent if now - t < timedelta(hours=1)]) <= cap
        if decision.handoff is not None:
            assert decision.state.paused_until == now + timedelta(hours=12)
        state = decision.state


# --------------------------------------------------------------------------- order status


def test_order_lookup_lists_open_orders_with_tracking_when_shipped() -> None:
    orders = [
        OrderStatus(
            number="1042",
            state="shipped",
            wa_id=WA,
            courier="CJ대한통운",
            tracking="6543 2109 8765",
            tracking_url="https://trace.cjlogistics.com/6543",
        ),
        OrderStatus(number="1038", state="awaiting_payment", wa_id=WA),
        OrderStatus(number="1001", state="done", wa_id=WA),
    ]
    decision = bot_decision(
        shop_doc(), BotState(), CustomerMessage("", "menu:order"), OPEN, wa_id=WA, orders=orders
    )
    assert reply_text(decision).splitlines() == [
        "주문 내역을 알려드릴게요.",
        "주문번호 1042: 배송 중",
        "CJ대한통운 송장번호 6543 2109 8765",
        "배송 조회: https://trace.cjlogistics.com/6543",
        "주문번호 1038: 입금 대기",
    ]
    assert decision.handoff is None
    typed = bot_decision(
        shop_doc(), BotState(), CustomerMessage("배송 언제 와요?"), OPEN, wa_id=WA, orders=orders
    )
    assert reply_text(typed) == reply_text(decision)


def test_no_open_order_hands_the_chat_to_a_person() -> None:
    done = [OrderStatus(number="1001", state="done", wa_id=WA)]
    decision = bot_decision(shop_doc(), BotState(), CustomerMessage("택배 조회"), OPEN, wa_id=WA, orders=done)
    assert decision.handoff is HandoffReason.NO_ORDER
    assert reply_text(decision) == "진행 중인 주문을 찾지 못했어요. 상담원에게 연결해 드릴게요."
    assert decision.state.paused_until == OPEN + timedelta(hours=12)


def test_the_editor_hears_when_one_rules_keyword_is_inside_anothers() -> None:
    rules = [
        KeywordRule(id="ship", keywords=["배송"], answer=BotAnswer(text="2~3일 걸려요.")),
        KeywordRule(id="fee", keywords=["배송 비", "택배비"], answer=BotAnswer(text="3,000원이에요.")),
        KeywordRule(id="hours", keywords=["운영시간"], answer=BotAnswer(text="9시부터예요.")),
    ]
    overlaps = keyword_overlaps(MenuBot(rules=rules))
    assert [(o.rule_id, o.keyword, o.other_rule_id, o.other_keyword) for o in overlaps] == [
        ("ship", "배송", "fee", "배송 비")
    ]


def test_the_welcome_menu_replaces_a_due_greeting_with_one_message() -> None:
    doc = shop_doc(welcome_menu=True)

    def first(text: str, greeting: str | None) -> Any:
        return bot_decision(
            doc, BotState(), CustomerMessage(text), OPEN, wa_id=WA, contact_name="김민지", greeting=greeting
        )

    welcome = first("안녕하세요", "{name}님, 반갑습니다!")
    assert reply_text(welcome).startswith("김민지님, 반갑습니다!\n\n안녕하세요! 무엇을 도와드릴까요?")
    assert choice_ids(welcome)[0] == "menu:order"
    assert not first("안녕하세요", None).answered  # no greeting due: greeting/away decide
    assert first("운영시간 알려주세요", "반갑습니다!").matched == "hours"  # a keyword still wins


_TITLES = st.text(alphabet="가나다 abc·", min_size=1, max_size=30)


@st.composite
def _menus(draw: st.DrawFn) -> dict[str, Any]:
    style = draw(st.sampled_from(["list", "buttons"]))
    count = draw(st.integers(min_value=1, max_value=12))
    kids = [
        {
            "id": f"c{i}",
            "title": draw(_TITLES),
            "description": draw(st.text(alphabet="설명 ", max_size=80)),
            "section": draw(st.sampled_from(["", "배송", "결제", "가" * 25])),
            "text": "답변이에요",
        }
        for i in range(count)
    ]
    top = {"id": "top", "title": "메뉴", "action": "menu", "text": "골라 주세요", "style": style}
    return {"enabled": True, "nodes": [{**top, "choices": [k["id"] for k in kids]}, *kids], "top_menu": "top"}


@settings(max_examples=200, deadline=None)
@given(raw=_menus())
def test_a_menu_is_either_refused_with_a_code_or_sends_within_whatsapps_limits(raw: dict[str, Any]) -> None:
    """The limits live once (app/wire.py): what the document check lets through, the relay's send check
    accepts — and what it refuses is a BotProblem code, never another error."""
    try:
        bot = MenuBot.model_validate(raw)
    except ValidationError as exc:
        assert isinstance(exc.errors()[0]["ctx"]["error"], BotLimitError)
        return
    try:
        check_button_titles(bot)  # as the relay checks a document it is sent
    except BotLimitError:
        return
    doc = Automations(bot=bot)
    decision = bot_decision(doc, BotState(), CustomerMessage("", "menu:top"), OPEN, wa_id=WA)
    assert decision.reply is not None
    validate_send({"to": WA, **decision.reply})


def bilingual_doc(**bot_changes: object) -> Automations:
    from app.shop_menu import english_shop_menu

    return shop_doc(other_language=english_shop_menu(), **bot_changes)


def test_a_customer_writing_english_gets_the_english_menu_and_a_korean_one_the_korean() -> None:
    """Emma asked for the bank details in English and got the Korean menu bot's answer."""
    doc = bilingual_doc()
    english = say(doc, "Hi, which bank account do I transfer to?")
    assert "Here are our bank details" in reply_text(english)
    korean = say(doc, "입금 계좌 알려주세요")
    assert "입금" in reply_text(korean)
    menu = say(doc, "menu please")
    assert menu.reply["interactive"]["action"]["button"] == "See menu"  # type: ignore[index]
    assert menu.reply["interactive"]["body"]["text"].startswith("Hello! How can we help?")  # type: ignore[index]
    # A person: the English hand-off reply, on the main bot's pause.
    handed = say(doc, "agent")
    assert handed.handoff is HandoffReason.KEYWORD
    assert reply_text(handed).startswith("We'll connect you")
    assert handed.state.paused_until == OPEN + timedelta(hours=doc.bot.pause_hours)


def test_a_tap_is_answered_in_the_language_of_the_menu_it_was_tapped_in() -> None:
    doc = bilingual_doc()
    english_row = CustomerMessage("Bank transfer details", "menu:account")  # same id in both menus
    korean_row = CustomerMessage("입금 계좌 안내", "menu:account")
    answer = bot_decision(doc, BotState(), english_row, OPEN, wa_id=WA)
    assert "Here are our bank details" in reply_text(answer)
    answer = bot_decision(doc, BotState(), korean_row, OPEN, wa_id=WA)
    assert "Here are our bank details" not in reply_text(answer)


def test_the_other_language_follows_the_main_bots_switches_and_a_chain_is_refused() -> None:
    from app.shop_menu import english_shop_menu

    off = bilingual_doc(enabled=False)
    assert not say(off, "Hi, which bank account do I transfer to?").answered  # the main switch rules
    capped = bilingual_doc(hourly_cap=1)
    first = say(capped, "menu please")
    assert first.reply is not None
    assert say(capped, "menu please", first.state).reply is None  # the main bot's cap
    # An empty other-language bot (nothing written yet) leaves every customer to the main one.
    empty = shop_doc(other_language=MenuBot())
    assert "입금" in reply_text(say(empty, "Hi, which bank account do I transfer to? 계좌"))
    with pytest.raises(ValidationError):
        MenuBot.model_validate(
            {"other_language": {"other_language": english_shop_menu().model_dump(mode="json")}}
        )


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("배송은 보통 며칠 걸려요?", "shipping"),  # asked before buying: how long, not where
        ("받기까지 얼마나 걸리나요", "shipping"),
        ("주문한 옷 배송 조회 부탁드려요", "order"),
        ("택배 언제 와요?", "order"),
    ],
)
def test_a_question_about_shipping_time_gets_the_shipping_answer_not_an_order_lookup(
    text: str, answer: str
) -> None:
    """The demo's newcomer asks how long shipping takes: the ready-made menu answers that, where it
    used to look up their orders, find none and hand a would-be customer to a person."""
    from app.shop_menu import SHIPPING_TEXT

    decision = say(shop_doc(), text)
    if answer == "shipping":
        assert reply_text(decision) == SHIPPING_TEXT
        assert decision.handoff is None
    else:
        assert decision.handoff is HandoffReason.NO_ORDER  # no open order in this test
    assert keyword_overlaps(korean_shop_menu()) == []  # the editor shows the menu without a warning


@pytest.mark.parametrize(
    "text",
    [
        "배송비 얼마예요?",
        "배송비는 어떻게 되나요",
        "L로 바꾸고 싶어요. 택배로 보내면 될까요?",
        "무료배송 되나요?",
        "택배사 어디 써요?",
    ],
)
def test_a_question_that_only_mentions_delivery_is_not_an_order_lookup(text: str) -> None:
    """A tester asked what shipping costs and was told no order was found and handed to a person
    for 12 hours: the ready-made menu's "배송" and "택배" caught every sentence with the word."""
    decision = say(shop_doc(), text)
    assert decision.handoff is None
    assert decision.state.paused_until is None


@pytest.mark.parametrize(
    "text",
    [
        "배송 조회 부탁드려요",
        "배송조회요",
        "배송은 언제 오나요?",
        "배송언제와요",
        "택배 언제 와요",
        "주문한 옷 언제 와요?",
        "주문 조회해 주세요",
        "지금 어디쯤 왔을까요",
        "송장번호 알려주세요",
        "일주일 됐는데 아직 안 왔어요",
    ],
)
def test_a_customer_asking_where_her_order_is_gets_her_orders(text: str) -> None:
    orders = [OrderStatus(number="2026-0042", state="shipped", wa_id=WA)]
    decision = bot_decision(shop_doc(), BotState(), CustomerMessage(text), OPEN, wa_id=WA, orders=orders)
    assert decision.matched == "order"
    assert "주문번호 2026-0042: 배송 중" in reply_text(decision)


def test_shipping_cost_gets_the_shipping_answer() -> None:
    from app.shop_menu import SHIPPING_TEXT

    assert reply_text(say(shop_doc(), "배송비 얼마예요?")) == SHIPPING_TEXT


@pytest.mark.parametrize(
    ("keyword", "message", "hits"),
    [
        ("배송", "배송이 안 와요", True),  # a particle glued on
        ("배송", "배송은요?", True),
        ("배송", "무료배송이에요?", False),  # inside another word: another word
        ("교환", "사이즈 교환하고 싶어요", True),  # an ending glued on
        ("배송 언제", "배송은 언제 와요", True),  # a particle between the phrase's words
        ("배송 언제", "배송언제와요", True),  # no spaces at all
        ("배송 언제", "언제 배송돼요", False),
        ("입금 확인", "입금했는데 확인 부탁드려요", True),  # an ending on the first word too
        ("주문 조회", "주문하고 나서 조회가 안 돼요", False),  # the words, but not one after the other
    ],
)
def test_a_keyword_matches_at_the_start_of_a_word(keyword: str, message: str, hits: bool) -> None:
    assert keyword_hits(keyword, message) is hits


def test_an_order_number_the_bot_cannot_find_is_named_before_the_handoff() -> None:
    """The demo's customer gave her order number and was told no order was found, as if she had not."""
    orders = [OrderStatus(number="2026-0042", state="paid", wa_id=WA)]
    decision = bot_decision(
        shop_doc(),
        BotState(),
        CustomerMessage("배송 조회요. 주문번호 20931 입니다"),
        OPEN,
        wa_id=WA,
        orders=orders,
    )
    assert decision.handoff is HandoffReason.NO_ORDER
    assert reply_text(decision).startswith("주문번호 20931의 주문을 찾지 못했어요.")
    assert decision.state.paused_until == OPEN + timedelta(hours=12)


@pytest.mark.parametrize("written", ["2026-0042", "20260042", "0042번"])
def test_an_order_number_the_customer_has_gets_her_orders(written: str) -> None:
    orders = [OrderStatus(number="2026-0042", state="paid", wa_id=WA)]
    decision = bot_decision(
        shop_doc(), BotState(), CustomerMessage(f"{written} 배송 언제 와요"), OPEN, wa_id=WA, orders=orders
    )
    assert decision.handoff is None
    assert "주문번호 2026-0042: 입금 확인, 배송 준비 중" in reply_text(decision)


def test_an_amount_or_a_phone_number_is_not_an_order_number() -> None:
    decision = say(shop_doc(), "30,000원 보냈어요 010-1234-5678 언제 와요? 3000원 맞죠")
    assert reply_text(decision) == "진행 중인 주문을 찾지 못했어요. 상담원에게 연결해 드릴게요."


def test_a_saved_document_keeps_its_keywords_and_its_own_unknown_order_text() -> None:
    """Documents are stored with their rules: an owner's keywords are not rewritten, and a document
    saved before the unknown-order text gets the default in its language."""
    saved = korean_shop_menu().model_dump(mode="json", exclude={"unknown_order_text"})
    saved["rules"][4]["keywords"] = ["배송", "택배", "주문 조회"]  # the earlier ready-made rule
    loaded = MenuBot.model_validate(saved)
    assert loaded.rules[4].keywords == ["배송", "택배", "주문 조회"]
    assert loaded.unknown_order_text is None
    decision = say(shop_doc(rules=loaded.rules), "주문번호 1234 배송 조회요")
    assert reply_text(decision).startswith("주문번호 1234의 주문을 찾지 못했어요.")


def test_the_editor_warns_of_an_overlap_only_where_one_keyword_would_answer_the_others() -> None:
    rules = [
        KeywordRule(id="ship", keywords=["배송"], answer=BotAnswer(text="2~3일 걸려요.")),
        KeywordRule(id="free", keywords=["무료배송"], answer=BotAnswer(text="5만 원부터예요.")),
        KeywordRule(id="fee", keywords=["배송비"], answer=BotAnswer(text="3,000원이에요.")),
    ]
    overlaps = keyword_overlaps(MenuBot(rules=rules))
    assert [(o.keyword, o.other_keyword) for o in overlaps] == [("배송", "배송비")]


# --------------------------------------------------------------------------- typing after a menu


def test_a_number_typed_after_a_menu_chooses_that_entry() -> None:
    doc = shop_doc()
    top = say(doc, "메뉴")
    assert top.state.menu_shown == "home"
    for typed in ("2", "2번", " 2번이요 ", "２", "2."):
        assert "입금 계좌를 안내" in reply_text(say(doc, typed, top.state)), typed
    returns = say(doc, "3", top.state)
    assert choice_ids(returns) == ["menu:exchange", "menu:return", "menu:returns_back"]
    assert "7일" in reply_text(say(doc, "1", returns.state))  # the numbers of the menu shown last
    person = say(doc, "5", top.state)
    assert person.handoff is HandoffReason.MENU


def test_a_number_without_a_menu_before_it_is_left_alone() -> None:
    doc = shop_doc()
    assert not say(doc, "3").answered
    answered = say(doc, "입금 계좌 알려주세요", say(doc, "메뉴").state)  # a text answer came after the menu
    assert not say(doc, "3", answered.state).answered


@pytest.mark.parametrize("typed", ["ㅁㄴㅇㄹ", "👍", "7", "0", "?", "ㅇㅇ"])
def test_a_reply_to_a_menu_that_chooses_nothing_is_asked_to_choose_once(typed: str) -> None:
    doc = shop_doc()
    top = say(doc, "메뉴")
    asked = say(doc, typed, top.state)
    assert reply_text(asked).startswith("메뉴에서 골라 주세요.")
    assert choice_ids(asked) == TOP_IDS
    again = say(doc, typed, asked.state)
    assert not again.answered and again.reply is None  # once per menu shown, never a loop
    assert "입금 계좌를 안내" in reply_text(say(doc, "2", again.state))  # the number still chooses


def test_a_question_of_her_own_after_a_menu_is_left_to_the_owner() -> None:
    doc = shop_doc()
    top = say(doc, "메뉴")
    assert not say(doc, "이 셔츠 세탁기에 빨아도 되나요?", top.state).answered


def test_a_number_after_an_english_menu_chooses_from_the_english_menu() -> None:
    from app.shop_menu import english_shop_menu

    doc = shop_doc(other_language=english_shop_menu().model_copy(update={"other_language": None}))
    menu = say(doc, "menu please")
    assert reply_text(menu).startswith("Hello!")
    assert menu.state.menu_other
    assert reply_text(say(doc, "2", menu.state)).startswith("Here are our bank details")
    assert reply_text(say(doc, "👍", menu.state)).startswith("Please choose from the menu.")


# --------------------------------------------------------------------------- a title typed out

SHIPPING_NOTE = "결제 확인 후 1~2일 안에 CJ대한통운으로 발송돼요."


def with_shipping_entry(**bot_changes: object) -> Automations:
    """The ready-made menu with an entry "배송 안내" no keyword of its own reaches (as a tester made)."""
    bot = korean_shop_menu()
    home = bot.nodes[0].model_copy(update={"choices": [*bot.nodes[0].choices, "shipping_note"]})
    note = MenuNode(id="shipping_note", title="배송 안내", text=SHIPPING_NOTE)
    bot = bot.model_copy(update={"enabled": True, "nodes": [home, *bot.nodes[1:], note], **bot_changes})
    return Automations(bot=bot, business_hours=BusinessHours(timezone="Asia/Seoul"))


@pytest.mark.parametrize("typed", ["배송 안내", "배송안내", "배송 안내!", " 배송  안내. ", "배송·안내"])
def test_a_customer_who_types_an_entrys_title_gets_it_as_if_she_had_tapped_it(typed: str) -> None:
    """A customer typed "배송 안내", the title of a row she could have tapped, and got nothing."""
    decision = say(with_shipping_entry(), typed)
    assert reply_text(decision).startswith(SHIPPING_NOTE)
    assert decision.matched == "shipping_note" and decision.answered


def test_a_typed_title_of_a_menu_opens_it_and_of_a_handoff_hands_over() -> None:
    doc = with_shipping_entry(rules=[], handoff_keywords=[])
    assert choice_ids(say(doc, "교환 · 반품")) == ["menu:exchange", "menu:return", "menu:returns_back"]
    handed = say(doc, "상담원연결")
    assert handed.handoff == HandoffReason.MENU and handed.state.paused_until is not None


def test_an_english_title_is_found_in_any_case() -> None:
    english = MenuNode(id="size", title="Size Guide", text="S fits 55, M fits 66.")
    bot = MenuBot(enabled=True, nodes=[english])
    doc = Automations(bot=bot, business_hours=BusinessHours(timezone="Asia/Seoul"))
    assert reply_text(say(doc, "size guide")) == "S fits 55, M fits 66."


def test_the_owners_keyword_wins_over_a_title_and_a_longer_message_is_no_title() -> None:
    rule = KeywordRule(id="mine", keywords=["배송 안내"], answer=BotAnswer(text="사장님 답변"))
    doc = with_shipping_entry(rules=[rule])
    assert reply_text(say(doc, "배송안내")).startswith("사장님 답변")
    bare = with_shipping_entry(rules=[])
    assert say(bare, "배송 안내 좀 자세히 해 주실래요?").reply is None  # a question of her own


def test_of_two_entries_with_one_title_the_menu_just_shown_is_the_one_typed() -> None:
    """Two submenus each end with "이전 메뉴": typed after one of them, it goes back from that one."""
    doc = with_shipping_entry(rules=[], handoff_keywords=[])
    shown = say(doc, "교환·반품")
    back = say(doc, "이전 메뉴", state=shown.state)
    assert back.matched == "returns_back"
    assert choice_ids(back)[0] == "menu:order"  # the main menu again


@pytest.mark.parametrize("language", ["ko", "en"])
def test_every_ready_made_answer_has_a_name_that_is_not_its_keywords(language: str) -> None:
    from app.rules import writing_script as rules_script
    from app.shop_menu import ready_made_menu

    for rule in ready_made_menu(language).rules:
        assert rule.title and "," not in rule.title
        assert rule.title != ", ".join(rule.keywords)
        if language == "ko":
            assert rules_script(rule.title) == "hangul"


def test_the_hours_answer_tells_the_shops_own_business_hours_in_the_customers_language() -> None:
    """The ready-made 영업시간 answer said "평일 오전 9시부터 오후 6시까지" whatever Shop ▸ Business
    hours said: a bakery open 08:00–20:00 with Tuesdays off told customers it was shut at 7 PM and
    open on Tuesdays. It now gives the shop's own hours and its closed days ahead, in Korean to a
    Korean customer and in English (12-hour clock, the shop's time zone) to one who writes English."""
    from datetime import date

    from app.shop_menu import english_shop_menu
    from app.wire import ClosedDays, DayHours, TimeRange

    def open_(*ranges: tuple[str, str]) -> DayHours:
        return DayHours(mode="open", ranges=[TimeRange(start=a, end=b) for a, b in ranges])

    bakery = open_(("08:00", "20:00"))
    week = [
        bakery,
        DayHours(mode="closed"),
        bakery,
        bakery,
        bakery,
        open_(("09:00", "13:00"), ("14:00", "18:00")),
    ]
    hours = BusinessHours(
        timezone="Asia/Seoul",
        week=[*week, DayHours(mode="all_day")],
        closed_days=[
            ClosedDays(first=date(2026, 11, 1), last=date(2026, 11, 2)),  # past: not said
            ClosedDays(first=date(2026, 12, 24), last=date(2026, 12, 26), note="연말 휴가"),
            ClosedDays(first=date(2027, 1, 1), last=date(2027, 1, 1)),
            ClosedDays(first=date(2027, 9, 1), last=date(2027, 9, 3)),  # months away: not said
        ],
    )
    doc = shop_doc(other_language=english_shop_menu()).model_copy(update={"business_hours": hours})
    korean = (
        "영업시간을 안내해 드릴게요.\n"
        "월 오전 8:00~오후 8:00\n화 휴무\n수~금 오전 8:00~오후 8:00\n토 오전 9:00~오후 1:00, 오후 2:00~오후 6:00\n일 24시간\n"
        "12월 24일 (목) ~ 12월 26일 (토) 휴무\n1월 1일 (금) 휴무"
    )
    for answer in (say(doc, "영업시간이 어떻게 되나요?"), tap(doc, "menu:hours")):
        assert reply_text(answer) == korean
        validate_send({"to": WA, **answer.reply})
    english = (
        "Here are our opening hours:\n"
        "Mon: 8:00 AM–8:00 PM\nTue: closed\nWed–Fri: 8:00 AM–8:00 PM\n"
        "Sat: 9:00 AM–1:00 PM, 2:00 PM–6:00 PM\nSun: open 24 hours\n"
        "Closed Thu, Dec 24 – Sat, Dec 26\nClosed Fri, Jan 1\nAll times are Seoul time."
    )
    assert reply_text(say(doc, "What are your opening hours?")) == english
    # A British shop writes the day first, as its desktop does.
    british = doc.model_copy(update={"shop_country": "GB"})
    assert "Closed Thu 24 Dec – Sat 26 Dec\nClosed Fri 1 Jan" in reply_text(say(british, "opening hours"))
    # On Christmas Day the vacation still ahead is told from today.
    christmas = datetime(2026, 12, 25, 3, 0, tzinfo=UTC)
    assert "\n12월 25일 (금) ~ 12월 26일 (토) 휴무\n" in reply_text(say(doc, "영업시간", now=christmas))


def test_a_greeting_too_long_to_sit_above_the_welcome_menu_goes_alone_and_whole() -> None:
    """WhatsApp shows at most 1,024 characters above a menu: joined to the menu, a long greeting was
    cut mid-sentence. It goes as the greeting does without the welcome menu, whole."""
    doc = shop_doc(welcome_menu=True)
    long_greeting = "안녕하세요! 지호의 캔들 공방이에요. " + "소이 왁스로 하나하나 손으로 만들어요. " * 45
    assert len(long_greeting) < 1024  # it fits alone; with the menu's own text, not
    decision = bot_decision(
        doc, BotState(), CustomerMessage("안녕하세요"), OPEN, wa_id=WA, greeting=long_greeting
    )
    assert not decision.answered and decision.reply is None  # greeting/away decide: the greeting alone
    fitting = bot_decision(
        doc, BotState(), CustomerMessage("안녕하세요"), OPEN, wa_id=WA, greeting="반가워요!"
    )
    assert reply_text(fitting).startswith("반가워요!\n\n")


def test_a_keyword_answers_lead_that_outgrows_the_menu_body_once_filled_goes_whole_and_is_found_before_save() -> (
    None
):
    """A keyword answer writes "{shop}에 오신 걸 환영해요" before the main menu: the two fit 1,024
    characters as typed, not with the shop's long name. The editor's check finds the rule; the relay
    sends the whole text with the choices numbered, and a typed "2" still chooses."""
    from app.rules import overfull_filled_menus
    from app.wire import BusinessProfile

    bot = korean_shop_menu()
    home = next(n for n in bot.nodes if n.id == "home")
    lead = "{shop}에 오신 걸 환영해요. " + "가" * (INTERACTIVE_BODY_MAX - len(home.text) - 30)
    welcome = KeywordRule(
        id="welcome", keywords=["안녕"], answer=BotAnswer(kind="menu", menu="home", text=lead)
    )
    doc = shop_doc(rules=[welcome, *bot.rules]).model_copy(
        update={"profile": BusinessProfile(name="서울 리넨 하우스 성수 본점 온라인 스토어")}
    )
    assert [
        (where, length > INTERACTIVE_BODY_MAX) for _, where, length in overfull_filled_menus(doc, OPEN)
    ] == [("welcome", True)]
    decision = say(doc, "안녕")
    assert decision.too_long == "home" and decision.reply is not None and decision.reply["type"] == "text"
    text = reply_text(decision)
    assert text.startswith("서울 리넨 하우스 성수 본점 온라인 스토어에 오신 걸 환영해요.")
    assert text.endswith(
        f"{home.text}\n\n1. 주문·배송 조회\n2. 입금 계좌 안내\n3. 교환·반품\n4. 영업시간\n5. 상담원 연결"
    )
    assert reply_text(say(doc, "2", decision.state)).startswith("입금 계좌를 안내")
