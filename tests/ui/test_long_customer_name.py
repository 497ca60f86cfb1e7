"""A customer whose WhatsApp name runs to hundreds of characters: her chat opens in a window that
stays on a 1366-pixel laptop screen, her name cut with "…" in the header and whole in her panel."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from tests.support.factories import make_contact, make_message
from tests.support.window_waits import load_chats, select_chat

LONG_NAME = "아주긴고객이름" * 70


def test_a_500_character_name_is_cut_in_the_chat_header_and_the_window_stays_on_the_screen(
    window: Any, ctx: Any, qtbot: Any
) -> None:
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name=LONG_NAME)
        make_message(s, contact, "안녕하세요")
        contact_id = contact.id
    window.resize(1366, 700)
    qtbot.waitUntil(lambda: window.width() == 1366, timeout=5000)
    load_chats(window, qtbot)
    select_chat(window, qtbot, contact_id)
    qtbot.waitUntil(lambda: window.chat.name.text() == LONG_NAME, timeout=5000)
    window.layout().activate()  # what the next event loop turn does: the window takes its new least size
    assert window.width() <= 1366 and window.minimumSizeHint().width() <= 1366
    shown = window.chat.name.shown_text()
    assert shown.endswith("…") and LONG_NAME.startswith(shown[:-1])
    assert window.chat.info_button.isVisible()  # the header's buttons are not pushed off
    # Pointing at the cut name shows it whole.
    name = window.chat.name
    spot = name.rect().center()
    QApplication.sendEvent(name, QHelpEvent(QEvent.Type.ToolTip, spot, name.mapToGlobal(spot)))
    qtbot.waitUntil(lambda: QToolTip.isVisible(), timeout=3000)
    assert QToolTip.text() == LONG_NAME
    window.toggle_contact_panel()
    qtbot.waitUntil(lambda: window.contact_panel.isVisible(), timeout=5000)
    panel = window.contact_panel
    qtbot.waitUntil(lambda: panel.profile_name.text().replace("\u200b", "") == LONG_NAME, timeout=5000)
    window.layout().activate()
    assert window.width() <= 1366 and window.minimumSizeHint().width() <= 1366
    # Her whole name, wrapped in the panel: no sideways scroll hiding her picture and its end.
    assert panel.name.text().replace("\u200b", "") == LONG_NAME
    assert panel.scroll_area.widget().minimumSizeHint().width() <= panel.scroll_area.viewport().width()


def test_a_name_is_broken_for_the_panel_only_inside_long_runs_and_never_inside_an_emoji() -> None:
    from ui.contact_panel import UNBROKEN_MAX, breakable

    assert breakable("Amy Clarke") == "Amy Clarke"
    assert breakable("A" * (2 * UNBROKEN_MAX + 5)) == "\u200b".join(["A" * UNBROKEN_MAX] * 2 + ["A" * 5])
    family = "\U0001f469\u200d\U0001f469\u200d\U0001f467"  # one emoji of five characters
    for shift in range(6):
        shown = breakable("x" * (UNBROKEN_MAX - shift) + family * 4)
        assert shown.replace("\u200b", "") == "x" * (UNBROKEN_MAX - shift) + family * 4
        assert "\u200d\u200b" not in shown and "\u200b\u200d" not in shown


def test_a_cut_name_full_of_markup_is_whole_and_plain_in_its_tooltip(qtbot: Any) -> None:
    from ui.shortened_label import ShortenedLabel

    label = ShortenedLabel()
    qtbot.addWidget(label)
    label.resize(80, 20)
    label.setText("<b>SALE</b> " * 20)
    assert label.shown_text().endswith("…")
    assert "&lt;b&gt;SALE&lt;/b&gt;" in label.tip() and "<b>" not in label.tip()  # drawn as written
    label.setText("Amy")
    assert label.tip() == ""  # whole on the label: nothing to add
    label.set_note("Only the newest messages were read.")
    assert label.tip() == "Only the newest messages were read."
    label.setText("12 recent results " * 10)
    assert label.tip() == "12 recent results " * 10 + "\n\nOnly the newest messages were read."
