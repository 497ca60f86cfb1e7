"""An Arabic or Hebrew customer's last message in the chat list and a search hit: numbers readable."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFont, QTextLayout

from ui.formatting import chat_preview

ARABIC = "رقم هاتفي +971 50 123 4567 شكراً"


def laid_out(text: str) -> QTextLayout:
    """One line of `text` as the chat list's row draws it (direction found from the text)."""
    layout = QTextLayout(text, QFont())
    layout.beginLayout()
    layout.createLine().setLineWidth(2000)
    layout.endLayout()
    return layout


def test_the_chat_lists_preview_shows_an_arabic_message_s_phone_number_in_order(qapp: Any) -> None:
    """The chat list read "4567 123 50 971+" where the customer wrote "+971 50 123 4567"."""
    shown = chat_preview("text", ARABIC, "in")
    layout = laid_out(shown)  # kept: a line outlives no layout
    line: Any = layout.lineAt(0)  # (cursorToX is typed as giving an object)
    assert line.cursorToX(shown.index("971") + 1)[0] < line.cursorToX(shown.index("4567") + 1)[0]
    assert shown.replace("\u00a0", " ") == ARABIC  # the same words; only the spaces hold on
    # A Korean or English preview is the text as it was.
    assert chat_preview("text", "연락처 010 1234 5678 입니다", "in") == "연락처 010 1234 5678 입니다"


def test_a_search_hit_in_arabic_is_set_against_the_right_edge(qapp: Any) -> None:
    from datetime import UTC, datetime

    from PySide6.QtCore import QRect
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

    from app.search import SearchHit
    from ui.search_results import SearchHitDelegate, SearchResultsModel

    hit = SearchHit(
        message_id=1,
        contact_id=1,
        contact_name="محمد العلي",
        wa_id="971501234567",
        direction="in",
        sent_at=datetime(2026, 12, 5, 9, tzinfo=UTC),
        snippet="مرحبا، أريد قميصاً",
        highlights=((0, 5),),
    )
    model = SearchResultsModel()
    model.set_hits([hit])
    delegate = SearchHitDelegate()
    image = QImage(400, 80, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 400, 80)  # type: ignore[attr-defined]
    option.palette = QApplication.palette()  # type: ignore[attr-defined]
    delegate.paint(painter, option, model.index(0))
    painter.end()
    snippet_rows = range(38, 75)  # below the name's line
    inked = [x for x in range(400) for y in snippet_rows if image.pixelColor(x, y).lightness() < 160]
    assert inked and max(inked) > 300 and min(inked) > 150  # the words at the right, the left empty


def test_a_japanese_search_hit_is_laid_out_in_one_font(qapp: Any) -> None:
    """A Japanese hit's snippet, like its bubble, took kana from the Korean font and 届 from the next."""
    from ui.search_results import snippet_layout
    from ui.theme import JAPANESE_FONTS, KOREAN_FONTS, ui_font

    japanese = snippet_layout("…注文番号を教えていただけますか？まだ届いていません。", ui_font(), 300)
    families = japanese.font().families()
    assert families.index(JAPANESE_FONTS[-1]) < families.index(KOREAN_FONTS[0])
    korean = snippet_layout("주문번호 알려주세요", ui_font(), 300)
    assert korean.font().families() == ui_font().families()
    assert korean.lineAt(0).x() == 0  # Korean and English stay at the left
