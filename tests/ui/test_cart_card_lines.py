"""A cart's card in the chat writes each item as the orders table and the order messages do ("진주
드롭 귀걸이 2개", "Pearl drop earrings ×2"), then what the line comes to and the price of one, in the
owner's locale; however narrow the bubble, no quantity or price is parted across lines."""

from __future__ import annotations

from typing import Any

import pytest

from app.carts import CartCard
from app.order_queries import CardLine
from tests.ui.test_korean_wrapping import lines_of
from ui.bubble_layout import layout_text
from ui.order_text import cart_text

CART = CartCard(
    readable=True,
    currency="KRW",
    total_minor=91000,
    lines=(
        CardLine("린넨 블라우스 화이트", "S", 1, 42000, known=True),
        CardLine("진주 드롭 귀걸이", "", 2, 30000, known=True),
        CardLine("OLD-SCARF", "", 1, 19000, known=False),
    ),
)


def shown(text: str) -> list[str]:
    """The card's lines as the owner reads them (the no-break spaces read as spaces)."""
    return text.replace("\u00a0", " ").splitlines()


@pytest.mark.usefixtures("korean", "korean_locale")
def test_a_korean_cart_reads_as_a_korean_shop_writes_it(qapp: Any) -> None:
    assert shown(cart_text(CART, "선물 포장 부탁드려요")) == [
        "린넨 블라우스 화이트 · S 1개   42,000원",
        "진주 드롭 귀걸이 2개   30,000원 (개당 15,000원)",
        "OLD-SCARF 1개 (카탈로그에 없음)   19,000원",
        "합계 91,000원",
        "",
        "선물 포장 부탁드려요",
    ]


@pytest.mark.usefixtures("english", "english_locale")
def test_an_english_cart_reads_as_the_orders_table_writes_items_with_prices_in_the_owners_locale(
    qapp: Any,
) -> None:
    cart = CartCard(
        readable=True,
        currency="GBP",
        total_minor=6595,
        lines=(CardLine("Linen shirt", "", 2, 5800, known=True), CardLine("Eco bag", "", 1, 795, known=True)),
    )
    assert shown(cart_text(cart, "")) == [
        "Linen shirt ×2   £58.00 (£29.00 each)",
        "Eco bag ×1   £7.95",
        "Total £65.95",
    ]


WHOLE = {
    "ko": ("귀걸이 2개", "30,000원", "(개당 15,000원)", "OLD-SCARF 1개", "S 1개", "42,000원"),
    "en": ("귀걸이 ×2", "₩30,000", "(₩15,000 each)", "OLD-SCARF ×1", "S ×1", "₩42,000"),
}


@pytest.fixture(params=["ko", "en"])
def language(request: pytest.FixtureRequest) -> str:
    fixtures = ("korean", "korean_locale") if request.param == "ko" else ("english", "english_locale")
    for name in fixtures:
        request.getfixturevalue(name)
    return str(request.param)


def test_a_narrow_bubble_never_parts_a_quantity_from_its_item_or_a_price_across_lines(
    qapp: Any, language: str
) -> None:
    """The old card wrapped "15,000원 × 2 = 30,000원" as "15,000원 ×" over "2 = 30,000원"."""
    text = cart_text(CART, "")
    font = qapp.font()
    widths = range(120, 420, 7)  # a phone-narrow bubble (a window at 200 %) to a wide one
    for width in widths:
        layout, *_ = layout_text(text, font, width)
        lines = [line.replace("\u00a0", " ") for line in lines_of(layout)]
        for words in WHOLE[language]:
            assert any(words in line for line in lines), (width, words, lines)
