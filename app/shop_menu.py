"""The ready-made Korean shop menu (존댓말) an owner starts the menu bot from, and edits."""

from __future__ import annotations

from app.wire import BotAnswer, KeywordRule, MenuBot, MenuNode

ACCOUNT_TEXT = (
    "입금 계좌를 안내해 드릴게요.\n"
    "○○은행 000-0000-0000 (예금주: 홍길동)\n"
    "입금하신 뒤 주문자 성함을 남겨 주시면 빠르게 확인해 드릴게요."
)
EXCHANGE_TEXT = (
    "교환은 상품을 받으신 날부터 7일 안에 신청하실 수 있어요. 주문번호와 교환하실 상품, 사유를 남겨 주세요."
)
RETURN_TEXT = (
    "반품은 상품을 받으신 날부터 7일 안에 신청하실 수 있어요. "
    "주문번호와 반품 사유를 남겨 주시면 회수 방법을 안내해 드릴게요."
)
HOURS_TEXT = "운영시간은 평일 오전 9시부터 오후 6시까지예요. 주말과 공휴일에는 쉬어요."


def korean_shop_menu() -> MenuBot:
    """주문·배송 조회, 입금 계좌 안내, 교환·반품, 운영시간, 상담원 연결 — switched off until the owner
    has checked the texts (the account number is a placeholder)."""
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
        MenuNode(id="hours", title="운영시간", description="문의 답변 시간", text=HOURS_TEXT),
        MenuNode(id="person", title="상담원 연결", description="직원이 직접 답변드려요", action="handoff"),
    ]
    rules = [
        KeywordRule(
            id="menu", keywords=["메뉴", "처음으로", "menu"], answer=BotAnswer(kind="menu", menu="home")
        ),
        KeywordRule(id="account", keywords=["계좌", "입금"], answer=BotAnswer(text=ACCOUNT_TEXT)),
        KeywordRule(id="order", keywords=["배송", "택배", "주문 조회"], answer=BotAnswer(kind="orders")),
        KeywordRule(
            id="returns", keywords=["교환", "반품", "환불"], answer=BotAnswer(kind="menu", menu="returns")
        ),
        KeywordRule(
            id="hours", keywords=["운영시간", "영업시간", "몇 시"], answer=BotAnswer(text=HOURS_TEXT)
        ),
    ]
    return MenuBot(enabled=False, rules=rules, nodes=nodes, top_menu="home")
