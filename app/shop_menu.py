"""The ready-made Korean shop menu (존댓말) an owner starts the menu bot from, and edits."""

from __future__ import annotations

from app.bank_field import BANK_FIELD
from app.wire import BotAnswer, KeywordRule, MenuBot, MenuNode

# The example number menus made by earlier versions gave in their account answers: the bot is not
# switched on while one is left. The ready-made menu now gives the order settings' account ({bank}).
EXAMPLE_ACCOUNT_NUMBER = "000-0000-0000"
ACCOUNT_TEXT = (
    "입금 계좌를 안내해 드릴게요.\n"
    f"{BANK_FIELD}\n"
    "입금하신 뒤 주문자 성함을 남겨 주시면 빠르게 확인해 드릴게요."
)
EXCHANGE_TEXT = (
    "교환은 상품을 받으신 날부터 7일 안에 신청하실 수 있어요. 주문번호와 교환하실 상품, 사유를 남겨 주세요."
)
RETURN_TEXT = (
    "반품은 상품을 받으신 날부터 7일 안에 신청하실 수 있어요. "
    "주문번호와 반품 사유를 남겨 주시면 회수 방법을 안내해 드릴게요."
)
# The shop's own hours, filled by the relay from Shop ▸ Business hours when it answers ({hours}:
# app.rules.hours_field), closed days too: a fixed sentence told customers hours the shop had not.
HOURS_TEXT = "영업시간을 안내해 드릴게요.\n{hours}"
# Asked before buying ("배송은 보통 며칠 걸려요?"): an answer of its own, not an order lookup that
# finds nothing and hands a newcomer to a person.
SHIPPING_TEXT = (
    "주문하신 다음 날(주말·공휴일 제외) 보내 드리고, 받으시기까지 보통 1~2일 더 걸려요. "
    "배송비는 3,000원이고, 5만 원 이상 주문하시면 무료예요."
)


# Keywords match at the start of a word, each word of a phrase at the start of one ("배송 언제" in
# "배송은 언제 오나요?", "배송언제와요").
ORDER_KEYWORDS = [
    "배송 조회",
    "배송 언제",
    "배송 현황",
    "배송 상태",
    "택배 언제",
    "택배 조회",
    "언제 배송",
    "언제 도착",
    "언제 와요",
    "언제 오나요",
    "언제 받을",
    "주문 조회",
    "주문 확인",
    "주문 상태",
    "어디쯤",
    "송장",
    "운송장",
    "아직 안 왔",
    "아직 못 받",
]


# A list menu's button, in each ready-made menu's language (MenuNode.button's default is the Korean).
LIST_BUTTON_KO = "메뉴 보기"
LIST_BUTTON_EN = "See menu"

ACCOUNT_EN = (
    f"Here are our bank details:\n{BANK_FIELD}\n"
    "After paying, send us the payer's name and we'll confirm it quickly."
)
HOURS_EN = "Here are our opening hours:\n{hours}"
SHIPPING_EN = (
    "We send your order the next working day, and it usually takes 1 to 2 more days to reach you. "
    "Shipping costs 3,000 won, and is free on orders of 50,000 won or more."
)


def korean_shop_menu() -> MenuBot:
    """주문·배송 조회, 입금 계좌 안내, 교환·반품, 영업시간, 상담원 연결 (and a typed question about
    shipping answered) — switched off until the owner has checked the texts (the account number is
    a placeholder)."""
    nodes = [
        MenuNode(
            id="home",
            title="처음 메뉴",
            action="menu",
            text="안녕하세요! 무엇을 도와드릴까요? 아래 메뉴에서 골라 주세요.",
            button="메뉴 보기",
            choices=["order", "account", "returns", "hours", "person"],
        ),
        MenuNode(id="order", title="주문·배송 조회", description="주문 상태와 배송 현황", action="orders"),
        MenuNode(id="account", title="입금 계좌 안내", description="무통장 입금 계좌", text=ACCOUNT_TEXT),
        MenuNode(
            id="returns",
            title="교환·반품",
            description="교환·반품 신청 방법",
            action="menu",
            style="buttons",
            text="교환과 반품 중 어떤 것을 도와드릴까요?",
            choices=["exchange", "return", "returns_back"],
        ),
        MenuNode(id="exchange", title="교환 신청", text=EXCHANGE_TEXT),
        MenuNode(id="return", title="반품 신청", text=RETURN_TEXT),
        MenuNode(id="returns_back", title="이전 메뉴", action="back"),
        MenuNode(id="hours", title="영업시간", description="문의 답변 시간", text=HOURS_TEXT),
        MenuNode(id="person", title="상담원 연결", description="직원이 직접 답변드려요", action="handoff"),
    ]
    rules = [
        KeywordRule(
            title="처음 메뉴 보여주기",
            id="menu",
            keywords=["메뉴", "처음으로"],
            answer=BotAnswer(kind="menu", menu="home"),
        ),
        # A Latin word inside Korean sentences: as a whole word ("menu 주세요"), not a whole message only.
        KeywordRule(
            title="처음 메뉴 보여주기 (영어 문의)",
            id="menu_en",
            keywords=["menu"],
            whole_word=True,
            answer=BotAnswer(kind="menu", menu="home"),
        ),
        KeywordRule(
            title="입금 계좌 안내",
            id="account",
            keywords=["계좌", "입금"],
            answer=BotAnswer(text=ACCOUNT_TEXT),
        ),
        # Before "order": "배송은 며칠 걸려요?" asks how long it takes and "배송비 얼마예요?" what it
        # costs, not where an order is ("주문한 지 며칠 됐는데 언제 와요" still finds the order).
        KeywordRule(
            id="shipping",
            title="배송 기간·배송비",
            keywords=["며칠 걸", "몇일 걸", "얼마나 걸", "배송비", "택배비", "무료배송", "무료 배송"],
            answer=BotAnswer(text=SHIPPING_TEXT),
        ),
        # What a customer asking where her parcel is writes; never "배송" or "택배" alone, which
        # "배송비 얼마예요?" and "택배로 보내면 될까요?" begin with too.
        KeywordRule(
            title="주문·배송 조회", id="order", keywords=ORDER_KEYWORDS, answer=BotAnswer(kind="orders")
        ),
        KeywordRule(
            title="교환·반품",
            id="returns",
            keywords=["교환", "반품", "환불"],
            answer=BotAnswer(kind="menu", menu="returns"),
        ),
        KeywordRule(
            title="영업시간",
            id="hours",
            keywords=["운영시간", "영업시간", "몇 시"],
            answer=BotAnswer(text=HOURS_TEXT),
        ),
    ]
    return MenuBot(enabled=False, rules=rules, nodes=nodes, top_menu="home")


def english_shop_menu() -> MenuBot:
    """The same menu in English, for shops whose customers write English (switched off too)."""
    nodes = [
        MenuNode(
            id="home",
            title="Main menu",
            action="menu",
            text="Hello! How can we help? Please choose from the menu below.",
            button=LIST_BUTTON_EN,
            choices=["order", "account", "returns", "hours", "person"],
        ),
        MenuNode(id="order", title="Order and delivery", description="Where your order is", action="orders"),
        MenuNode(
            id="account",
            title="Bank transfer details",
            description="Where to send payment",
            text=ACCOUNT_EN,
        ),
        MenuNode(
            id="returns",
            title="Exchange or return",
            description="How to ask for one",
            action="menu",
            style="buttons",
            text="Would you like an exchange or a return?",
            choices=["exchange", "return", "returns_back"],
        ),
        MenuNode(
            id="exchange",
            title="Exchange",
            text="You can ask for an exchange within 7 days of delivery. Send us the order number, "
            "the item and the reason.",
        ),
        MenuNode(
            id="return",
            title="Return",
            text="You can return an item within 7 days of delivery. Send us the order number and the "
            "reason, and we'll tell you how to send it back.",
        ),
        MenuNode(id="returns_back", title="Back", action="back"),
        MenuNode(
            id="hours",
            title="Opening hours",
            description="When we answer",
            text=HOURS_EN,
        ),
        MenuNode(id="person", title="Talk to a person", description="A person answers you", action="handoff"),
    ]
    # Each entry's list button in English too: shown (greyed) in the editor, and sent once the owner
    # makes the entry a list menu.
    nodes = [node.model_copy(update={"button": LIST_BUTTON_EN}) for node in nodes]
    # Whole words: a one-word Latin keyword alone would answer only a message of that word.
    rules = [
        KeywordRule(
            whole_word=True,
            title="Main menu",
            id="menu",
            keywords=["menu"],
            answer=BotAnswer(kind="menu", menu="home"),
        ),
        KeywordRule(
            whole_word=True,
            id="account",
            title="Bank transfer details",
            keywords=["bank", "account", "transfer"],
            answer=BotAnswer(text=ACCOUNT_EN),
        ),
        KeywordRule(
            whole_word=True,
            id="shipping",
            title="Shipping time and cost",
            keywords=[
                "how long does shipping",
                "how long will it take",
                "shipping cost",
                "shipping fee",
            ],
            answer=BotAnswer(text=SHIPPING_EN),
        ),
        KeywordRule(
            whole_word=True,
            id="order",
            title="Order and delivery",
            keywords=["where is my order", "delivery", "tracking"],
            answer=BotAnswer(kind="orders"),
        ),
        KeywordRule(
            whole_word=True,
            id="returns",
            title="Exchange or return",
            keywords=["exchange", "return", "refund"],
            answer=BotAnswer(kind="menu", menu="returns"),
        ),
        KeywordRule(
            whole_word=True,
            id="hours",
            title="Opening hours",
            keywords=["opening hours", "open today"],
            answer=BotAnswer(text=HOURS_EN),
        ),
    ]
    bot = korean_shop_menu()
    return bot.model_copy(
        update={
            "rules": rules,
            "nodes": nodes,
            "top_menu": "home",
            "handoff_text": "We'll connect you with a person. Please wait a moment.",
            "handoff_closed_text": "We're closed right now. We'll answer from {opening}.",
            "changed_text": "This menu has changed. Please choose again from the new one.",
            "orders_text": "Here are your orders:",
            "order_line": "Order {number}: {state}",
            "tracking_line": "{courier} tracking number {tracking}",
            "tracking_url_line": "Track it: {url}",
            "order_states": {
                "new": "received",
                "awaiting_payment": "waiting for payment",
                "paid": "paid, being prepared",
                "shipped": "on its way",
            },
            "no_order_text": "We couldn't find an order in progress. We'll connect you with a person.",
        }
    )


def ready_made_menu(language: str) -> MenuBot:
    """The ready-made menu in the owner's language: Korean for 'ko', else English."""
    return korean_shop_menu() if language.lower().startswith("ko") else english_shop_menu()


def example_account_left(bot: MenuBot) -> str | None:
    """The title (or keywords) of the first answer still giving the ready-made example account
    number; None when every answer was written by the shop."""
    for node in bot.nodes:
        if EXAMPLE_ACCOUNT_NUMBER in node.text:
            return node.title or node.id
    for rule in bot.rules:
        if EXAMPLE_ACCOUNT_NUMBER in rule.answer.text:
            return rule.title or ", ".join(rule.keywords) or rule.id
    return None


# The hours answers of the ready-made menus before {hours}: fixed hours (weekdays 9 to 6), which told
# customers of a shop with other hours the wrong ones.
OLD_HOURS_TEXTS = (
    "영업시간은 평일 오전 9시부터 오후 6시까지예요. 주말과 공휴일에는 쉬어요.",
    "We answer Monday to Friday, 9 a.m. to 6 p.m. We're closed on weekends and holidays.",
)


def old_hours_answers(bot: MenuBot) -> list[str]:
    """The titles (or keywords) of the menu entries and keyword answers that still give an earlier
    ready-made menu's fixed hours, word for word, each once."""
    found = [node.title or node.id for node in bot.nodes if node.text.strip() in OLD_HOURS_TEXTS]
    found += [
        rule.title or ", ".join(rule.keywords) or rule.id
        for rule in bot.rules
        if rule.answer.text.strip() in OLD_HOURS_TEXTS
    ]
    return list(dict.fromkeys(found))


def with_answers(bot: MenuBot, texts: dict[str, str]) -> MenuBot:
    """`bot` with the text of the menu entries and keyword answers of these ids replaced."""
    nodes = [n.model_copy(update={"text": texts[n.id]}) if n.id in texts else n for n in bot.nodes]
    rules = [
        r.model_copy(update={"answer": r.answer.model_copy(update={"text": texts[r.id]})})
        if r.id in texts
        else r
        for r in bot.rules
    ]
    return bot.model_copy(update={"nodes": nodes, "rules": rules})
