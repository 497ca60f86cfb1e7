"""A quick reply's shortcut in running text stays whole however narrow the window: "(/감사)", never
"(/" at a line's end and "감사)" on the next."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtWidgets import QLabel

from tests.support.line_breaks import line_starts
from ui.formatting import WORD_JOINER, shortcut_text
from ui.korean_particles import with_particles


def _breaks_inside(label: QLabel, sentence: str, shortcut: str) -> list[int]:
    """The widths (20 to 400 px) at which a line breaks inside `shortcut` within `sentence`."""
    start = sentence.index(shortcut)
    inside = range(start + 1, start + len(shortcut))
    return [w for w in range(20, 401, 2) if any(s in inside for s in line_starts(label, sentence, w))]


def test_a_shortcut_in_the_kept_words_offer_never_wraps_inside_itself(
    qtbot: Any, korean: None, korean_locale: None
) -> None:
    from ui.kept_edits_strip import kept_quick_reply_sentence

    label = QLabel()
    qtbot.addWidget(label)
    sentence = kept_quick_reply_sentence("/감사", datetime(2026, 12, 1, 5, 32, tzinfo=UTC))
    shown = shortcut_text("/감사")
    assert f"빠른 답장({shown})이" in sentence
    assert _breaks_inside(label, sentence, shown) == []
    # The same sentence with the bare shortcut did wrap inside it at some widths ("(/" | "감사)").
    bare = sentence.replace(WORD_JOINER, "")
    assert _breaks_inside(label, bare, "/감사") != []


def test_a_shortcut_keeps_its_particle_and_reads_the_same(qtbot: Any, korean: None) -> None:
    """The joiners are invisible and never end the shortcut: 을/를 still reads its last syllable."""
    shown = shortcut_text("/배송")
    assert shown.replace(WORD_JOINER, "") == "/배송" and not shown.endswith(WORD_JOINER)
    assert with_particles(f"{shown}을(를) 지울까요?") == f"{shown}을 지울까요?"
    assert shortcut_text("") == ""


def test_an_error_naming_a_shortcut_keeps_it_whole_too(qtbot: Any, korean: None) -> None:
    from app.errors import ErrorCode
    from ui.error_sentences import code_sentence

    shown = shortcut_text("/감사")
    missing = code_sentence(ErrorCode.QUICK_REPLY_FILE_MISSING, {"name": "실물.jpg", "shortcut": "/감사"})
    assert f"빠른 답장 {shown}에" in missing
    # Its particle still reads 사 (no final consonant): 는, not 은.
    assert code_sentence(ErrorCode.SHORTCUT_TAKEN, {"name": "/감사"}).startswith(f"단축어 {shown}는 ")
