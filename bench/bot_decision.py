"""The menu bot's decision per inbound message with a 200-rule document, against greeting/away's."""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import UTC, datetime

from app.rules import BotState, ContactState, CustomerMessage, bot_decision, replies_for_inbound
from app.shop_menu import korean_shop_menu
from app.wire import Automations, AwayRule, BotAnswer, BusinessHours, KeywordRule
from bench.report import emit

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)  # midnight in Seoul: away holds too
PHONE_NUMBER = "106540352242922"  # the chat's business number (the bot's state is per chat)
# Most messages match nothing (every rule is tried); some match late rules, taps and hand-offs.
MESSAGES = (
    CustomerMessage("안녕하세요, 혹시 오늘 주문하면 언제쯤 받아볼 수 있을까요? 급해서요"),
    CustomerMessage("Hi, do you ship to Busan? I would like to order two of the linen shirts."),
    CustomerMessage("상품 199번 키워드 2 재고 있나요?"),
    CustomerMessage("", "menu:returns"),
    CustomerMessage("상담원 연결"),
    CustomerMessage("사이즈 문의드려요"),
)


def document(rules: int) -> Automations:
    bot = korean_shop_menu()
    extra = [
        KeywordRule(
            id=f"r{i}",
            keywords=[f"상품 {i}번 키워드 {k}" for k in range(3)],
            whole_word=i % 10 == 0,
            answer=BotAnswer(text=f"{{name}}님, 상품 {i}번 안내드릴게요."),
        )
        for i in range(rules - len(bot.rules))
    ]
    bot = bot.model_copy(update={"enabled": True, "rules": [*bot.rules, *extra]})
    away = AwayRule(enabled=True, text="지금은 쉬는 시간이에요, {name}님.")
    return Automations(bot=bot, away=away, business_hours=BusinessHours(timezone="Asia/Seoul"))


def per_call_us(fn: Callable[[int], object], calls: int, repeat: int) -> float:
    """Median over `repeat` runs of the mean time of one call, in microseconds."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for i in range(calls):
            fn(i)
        runs.append((time.perf_counter() - start) / calls * 1e6)
    return sorted(runs)[len(runs) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rules", type=int, default=200)
    parser.add_argument("--calls", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    doc = document(args.rules)
    contact = ContactState("821012345678", None, None, None, None, False)

    def bot(i: int) -> object:
        message = MESSAGES[i % len(MESSAGES)]
        return bot_decision(doc, BotState(), message, NOW, wa_id="821012345678", contact_name="김민지")

    def greeting_away(i: int) -> object:
        return replies_for_inbound(doc, contact, NOW, contact_name="김민지")

    bot(0)  # the document's keywords are prepared once, as the relay keeps one document
    baseline = per_call_us(greeting_away, args.calls, args.repeat)
    value = per_call_us(bot, args.calls, args.repeat)
    emit(
        f"bot decision per inbound ({args.rules} rules)",
        value,
        "µs",
        baseline=baseline,
        baseline_name="greeting/away decision",
        goal="< 1000 µs",
    )
    bilingual(doc, value, args.calls, args.repeat)
    relay_path(doc, max(200, args.calls // 10), args.repeat)


def bilingual(doc: Automations, one_language_us: float, calls: int, repeat: int) -> None:
    """The same messages with a menu in another language beside the 200 rules: each typed message
    also has its letters weighed against the bot's (`bot_for`), each tap its menu looked up."""
    from app.shop_menu import english_shop_menu

    both = doc.model_copy(
        update={"bot": doc.bot.model_copy(update={"other_language": english_shop_menu()})}, deep=True
    )

    def bot(i: int) -> object:
        message = MESSAGES[i % len(MESSAGES)]
        return bot_decision(both, BotState(), message, NOW, wa_id="821012345678", contact_name="김민지")

    bot(0)
    emit(
        "bot decision per inbound, with a menu in another language",
        per_call_us(bot, calls, repeat),
        "µs",
        baseline=one_language_us,
        baseline_name="one language",
        goal="< 1000 µs",
    )


def relay_path(doc: Automations, calls: int, repeat: int) -> None:
    """What the bot adds to the relay's work per inbound: read the chat's state and pushed orders,
    decide, store the state and the report's count (SQLite), against storing one webhook's events."""
    import tempfile
    from pathlib import Path

    from relay.storage.event_log import NewEvent
    from relay.store import Store

    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{Path(folder) / 'relay.db'}")
        try:

            def bot_path(i: int) -> object:
                wa_id = f"8210{i % 500:08d}"
                state = store.bots.get(wa_id, PHONE_NUMBER)
                store.orders.for_customer(wa_id)
                message = MESSAGES[i % len(MESSAGES)]
                decision = bot_decision(doc, state, message, NOW, wa_id=wa_id, contact_name="김민지")
                if decision.answered:
                    store.bots.put(
                        wa_id,
                        decision.state,
                        handoff=decision.handoff,
                        pnid=PHONE_NUMBER,
                        matched=decision.matched,
                        now=NOW,
                    )
                return decision

            def store_event(i: int) -> object:
                payload = {"message": {"id": f"wamid.B{i}", "type": "text", "text": {"body": "안녕하세요"}}}
                with store.db.engine.begin() as conn:
                    return store.events.add(conn, [NewEvent("message", payload, "100")])

            store_event(0)
            bot_path(0)
            baseline = per_call_us(store_event, calls, repeat)
            value = per_call_us(bot_path, calls, repeat)
        finally:
            store.close()
    emit(
        "relay's bot work per inbound (state, orders, decision, count; SQLite)",
        value,
        "µs",
        baseline=baseline,
        baseline_name="storing one message event",
    )


if __name__ == "__main__":
    main()
