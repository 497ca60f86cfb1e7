"""Korean wraps between words, as Korean is set (CSS `word-break: keep-all`): a wrapped sentence of ours
never leaves one syllable of a word ("중", "요.") alone on a line. UAX #14 would let a line break between
any two Hangul syllables; Qt tailors it for Korean (its LB27 tailoring: syllables are letters of a
word, and lines break at spaces), in QLabel, QPainter.drawText and QTextLayout alike, so the app adds no
word joiners (which would ride along into what is copied and what a screen reader is handed). These
tests hold Qt to it, read from the text layout's lines (not from pixels), at every width of a narrow
window; and a word wider than the campaign list still wraps there rather than running past its edge."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from itertools import pairwise
from typing import Any

import pytest
from PySide6.QtGui import QFont, QFontMetrics, QTextDocument, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel

from app.connection import Connection, ConnectionState
from app.wire import CampaignReason
from ui.campaign_list_delegate import wrapped
from ui.campaign_models import relay_reason
from ui.campaign_preview import LIGHT_PHONE, PhonePreview, bubble_parts
from ui.connection_banner import ConnectionBanner

HANGUL = re.compile(r"[\uac00-\ud7a3]")
WIDTHS = range(90, 420, 9)  # a narrow banner's text to a wide one's, in steps of about a syllable


def lines_of(layout: QTextLayout, text: str | None = None) -> list[str]:
    """The text of each of `layout`'s lines (a document's block layout is given its block's text)."""
    text = layout.text() if text is None else text
    return [
        text[line.textStart() : line.textStart() + line.textLength()]
        for line in (layout.lineAt(i) for i in range(layout.lineCount()))
    ]


def label_lines(label: QLabel) -> list[str]:
    """The lines a word-wrapped plain-text label shows: its text laid out in its font and width as
    QLabel lays it out (QTextOption.WordWrap)."""
    layout = QTextLayout(label.text(), label.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(label.contentsRect().width())
    layout.endLayout()
    return lines_of(layout)


def mid_word_breaks(lines: list[str]) -> list[str]:
    """Each break between two lines that falls inside a Korean word, shown as "…end|start…"."""
    return [
        f"{before[-3:]}|{after[:3]}"
        for before, after in pairwise(lines)
        if HANGUL.match(before[-1:]) and HANGUL.match(after[:1])
    ]


@pytest.fixture
def read_only_banner(qtbot: Any, korean: None) -> Iterator[ConnectionBanner]:
    """The banner of chats opened to read only on a full disk, in Korean: its sentence is the longest
    the banner says (three lines on a laptop)."""
    banner = ConnectionBanner()
    qtbot.addWidget(banner)
    banner.set_state(ConnectionState(Connection.READ_ONLY))
    banner.show()
    yield banner


def test_the_full_disk_banner_wraps_korean_only_between_words(
    qtbot: Any, read_only_banner: ConnectionBanner
) -> None:
    label = read_only_banner.text
    assert "디스크 공간이 가득 차서" in label.text()
    wrapped_somewhere = False
    for width in WIDTHS:
        label.setFixedWidth(width)
        qtbot.waitUntil(lambda: label.contentsRect().width() == width, timeout=1000)  # noqa: B023
        label.grab()  # laid out and painted, as the window shows it
        lines = label_lines(label)
        # The lines read here are the label's own: as many as its height holds.
        assert label.heightForWidth(width) == len(lines) * QFontMetrics(label.font()).height()
        assert mid_word_breaks(lines) == [], (width, lines)
        assert "".join(lines) == label.text()  # nothing added to or taken from the words
        wrapped_somewhere |= len(lines) > 2
    assert wrapped_somewhere


@pytest.mark.usefixtures("korean", "korean_locale")
def test_the_campaign_lists_held_sentence_wraps_between_words(qapp: Any) -> None:
    """ "야간이라 고객 시간으로 오전 8:00까지 보류 중": "보류" and "중" stay whole words on any width,
    and together: "중" alone on the list's last line read as a stray syllable."""
    sentence = relay_reason(CampaignReason.NIGHT_HOLD)
    assert sentence.endswith("보류\u00a0중")
    font = QFont(qapp.font())
    for width in WIDTHS:
        layout, height = wrapped(font, sentence, width)
        lines = lines_of(layout)
        assert mid_word_breaks(lines) == [], (width, lines)
        assert height >= layout.lineCount() * QFontMetrics(font).height()
        assert all(layout.lineAt(i).naturalTextWidth() <= width for i in range(layout.lineCount()))


def test_a_korean_word_wider_than_the_campaign_list_still_wraps_inside_it(qapp: Any) -> None:
    """A name typed with no spaces, longer than the column is wide, is cut onto lines that fit the
    column (never drawn past its edge), and none of it is lost."""
    word = "서울린넨하우스성수점봄맞이재입고특별할인행사안내" * 2
    font = QFont(qapp.font())
    width = 120
    assert QFontMetrics(font).horizontalAdvance(word) > 2 * width
    layout, height = wrapped(font, word, width)
    lines = lines_of(layout)
    assert len(lines) >= 3 and "".join(lines) == word
    assert all(layout.lineAt(i).naturalTextWidth() <= width for i in range(layout.lineCount()))
    assert height >= len(lines) * QFontMetrics(font).height()


@pytest.mark.usefixtures("korean")
def test_rich_text_wraps_korean_only_between_words_too(qapp: Any) -> None:
    """A label with markup (a link, a bold name) and a tooltip are laid out by QTextDocument: the same
    Korean sentence breaks at the same kind of places there."""
    banner = ConnectionBanner()
    banner.set_state(ConnectionState(Connection.READ_ONLY))
    sentence = banner.text.text()
    banner.deleteLater()
    document = QTextDocument()
    document.setDefaultFont(QFont(qapp.font()))
    document.setHtml(f"<b>{html.escape(sentence[:6])}</b>{html.escape(sentence[6:])}")
    for width in WIDTHS:
        document.setTextWidth(width)
        assert document.size().width() > 0  # laid out (a document lays itself out when asked)
        block = document.firstBlock()
        lines = lines_of(block.layout(), block.text())
        assert mid_word_breaks(lines) == [], (width, lines)
        assert "".join(lines) == sentence


def test_the_campaign_preview_wraps_korean_between_words_and_a_long_link_inside_the_bubble(
    qtbot: Any,
) -> None:
    """The phone preview of a campaign: the Korean body breaks between words, and the template's long
    link is cut onto lines inside the bubble, so the owner reads it to its end."""
    link = "https://shop.example.kr/spring-restock/linen-wide-pants?coupon=SPRING10&utm_source=whatsapp"
    body = f"김민지님, 린넨 와이드 팬츠가 다시 들어왔어요. 쿠폰 SPRING10으로 10% 할인해 드려요.\n{link}"
    preview = PhonePreview()
    qtbot.addWidget(preview)
    preview.resize(260, 520)
    preview.show_message("서울 리넨 하우스", "봄 재입고", body, "수신거부: 아래 버튼", ["수신거부"])
    preview.grab()  # painted from these parts
    font = QFont(preview.font())
    small = QFont(font)
    small.setPointSizeF(font.pointSizeF() * 0.85)
    inner = 150.0
    parts = bubble_parts(preview, inner, font, QFont(font), small, LIGHT_PHONE)
    layout = parts[1][1]
    assert layout is not None
    lines = lines_of(layout)
    assert mid_word_breaks(lines) == [], lines
    assert "".join(lines).replace("\u2028", "\n") == body  # every letter of it, the link whole
    assert all(layout.lineAt(i).naturalTextWidth() <= inner for i in range(layout.lineCount()))
    assert sum(1 for line in lines if line.strip("\u2028") and line.strip("\u2028") in link) >= 3
