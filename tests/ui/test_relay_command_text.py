"""A relay command in a sentence (`shop-inbox-relay token`) stays on one line however narrow the window,
in Korean and English, and is copied as typed: never "…shop-" at a line's end over "inbox-relay token"."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from app.relay_client import CheckOutcome, CheckResult
from tests.support.line_breaks import line_starts
from tests.support.relay_server import RunningRelay
from ui.formatting import command_kept_whole, plain_text

COMMAND = "shop-inbox-relay token"


def _breaks_inside_command(label: QLabel, sentence: str, widths: range) -> list[int]:
    """The widths at which a line of `sentence` breaks inside the relay command it names (kept whole
    or bare)."""
    command = next(c for c in (command_kept_whole(COMMAND), COMMAND) if c in sentence)
    start = sentence.index(command)
    inside = range(start + 1, start + len(command))
    return [w for w in widths if any(s in inside for s in line_starts(label, sentence, w))]


@pytest.fixture(params=["ko", "en"])
def language(request: pytest.FixtureRequest) -> str:
    if request.param == "ko":
        request.getfixturevalue("korean")
    return str(request.param)


@pytest.mark.parametrize("outcome", [CheckOutcome.HELD_OFF, CheckOutcome.WRONG_TOKEN])
def test_the_held_off_and_wrong_token_sentences_never_wrap_inside_the_command(
    qtbot: Any, language: str, outcome: CheckOutcome
) -> None:
    from ui.setup_wizard import explain

    label = QLabel()
    qtbot.addWidget(label)
    said = explain(CheckResult(outcome, "HTTP 429" if outcome is CheckOutcome.HELD_OFF else "HTTP 401"))
    assert ("다시" in said) == (language == "ko")
    assert plain_text(said).count(COMMAND) == 1
    widths = range(120, 701, 2)
    assert _breaks_inside_command(label, said, widths) == []
    # The same sentence with the bare command did wrap inside it at some widths ("shop-" | "inbox-…").
    assert _breaks_inside_command(label, plain_text(said), widths) != []


def test_the_wizards_wrong_token_sentence_keeps_the_command_whole_at_its_narrowest_and_copies_it_plain(
    qtbot: Any, relay: RunningRelay, korean: None
) -> None:
    from ui.setup_wizard import RelayPage

    page = RelayPage()
    qtbot.addWidget(page)
    page.url.setText(relay.url)
    page.token.setText("mistyped-paste")
    page.show()
    page.check_button.click()
    qtbot.waitUntil(lambda: page.check_button.isEnabled() and bool(page.result.text()), timeout=30000)
    page.resize(page.minimumSizeHint().width(), page.height())
    qtbot.waitUntil(lambda: page.width() == page.minimumSizeHint().width(), timeout=5000)
    label = page.result
    shown = label.text()
    assert "릴레이가 이\u00a0릴레이 토큰을 거부했어요" in shown
    width = label.contentsRect().width()
    assert line_starts(label, shown, width), "the sentence fits one line: not narrow enough to test"
    assert _breaks_inside_command(label, shown, range(width, width + 1)) == []

    QGuiApplication.clipboard().clear()
    label.setSelection(0, len(shown))  # as her mouse selects the sentence
    label.setFocus()
    qtbot.keyClick(label, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text()
    assert "(shop-inbox-relay token)" in copied, repr(copied)
    assert "\u2060" not in copied and "\u00a0" not in copied
    assert copied == shown.replace("\u2060", "").replace("\u00a0", " ")
