"""A Korean label of two words in a narrow place (a badge, a column) is never parted at its space:
"상담 필요" and "보류 중" keep both words on one line at any width, as the translation joins them with a
no-break space; and what leaves the app (a report's CSV) has a plain space, for Excel's filter."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QTextLayout, QTextOption

from app.sheet_files import write_sheet
from tests.ui.test_korean_wrapping import lines_of

# (context, source, the two words that stay together)
LABELS = [
    ("ChatListDelegate", "Needs a person", "상담 필요"),
    ("campaigns", "Needs a person", "상담 필요"),
    ("campaigns", "Held for the night", "보류 중"),
    ("campaigns", "Waiting", "대기 중"),
    ("campaigns", "Sending", "보내는 중"),
    ("campaigns", "Paused", "일시 중지됨"),
    ("OrderCardDelegate", "Overdue", "기한 지남"),
    # The built-in labels' chips (their stored names stay English: ui.label_names).
    ("LabelNames", "New customer", "새 고객"),
    ("LabelNames", "New order", "새 주문"),
    ("LabelNames", "Pending payment", "입금 대기"),
    ("LabelNames", "Paid", "결제 완료"),
    ("LabelNames", "Shipped", "배송 중"),
    ("LabelNames", "Order complete", "주문 완료"),
]


def laid_out(text: str, font: QFont, width: int) -> list[str]:
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
    layout.endLayout()
    return lines_of(layout)


@pytest.mark.usefixtures("korean")
@pytest.mark.parametrize(("context", "source", "words"), LABELS)
def test_a_two_word_korean_label_is_never_parted_at_its_space(
    qapp: Any, context: str, source: str, words: str
) -> None:
    label = QCoreApplication.translate(context, source)
    assert words.replace(" ", "\u00a0") in label, label
    font = QFont(qapp.font())
    for width in range(20, 160, 6):
        lines = laid_out(label, font, width)
        assert any(words.replace(" ", "\u00a0") in line for line in lines), (width, lines)


def test_a_no_break_space_leaves_the_app_as_a_plain_one() -> None:
    data = write_sheet([["상태"], ["대기\u00a0중"]]).decode("utf-8-sig")
    assert data.splitlines()[1] == "대기 중"
