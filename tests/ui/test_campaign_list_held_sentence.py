"""The campaign list's sentence for a campaign the relay holds for the night ("held for the night until
8:00 AM the customers' time") was cut to "…until 8:0…" in the list's narrow column at 1024 pixels: it
wraps onto the lines it needs, its row as tall as them, in English and in Korean, at 1024 and 1366."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QSplitter

from app.campaign_store import set_progress
from app.wire import CampaignReason
from tests.support.campaign_window import open_window, seed
from tests.support.window_waits import laid_out
from tests.ui.test_campaign_window import handed_over
from ui.campaign_list_delegate import PAD
from ui.campaign_models import relay_reason


def held_row_read_whole(window: Any) -> bool:
    """The held sentence, wrapped in the list's column less the delegate's padding, fits its width and
    the row's height below the name and the state's line (the rows are fitted to it)."""
    view = window.list
    sentence = relay_reason(CampaignReason.NIGHT_HOLD)
    width = view.columnWidth(0) - 2 * PAD
    metrics = view.fontMetrics()
    wrap = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
    lines = metrics.boundingRect(QRect(0, 0, width, 10_000), wrap, sentence)
    details = metrics.boundingRect(QRect(0, 0, width, 10_000), wrap, window.list_model.details(0))
    bold = QFont(view.font())
    bold.setBold(True)
    needed = QFontMetrics(bold).height() + details.height() + lines.height() + 2 * PAD
    return lines.width() <= width and view.rowHeight(0) >= needed


def check(qtbot: Any, ctx: Any) -> None:
    seed(ctx)
    with ctx.db.write() as s:
        uid, _ = handed_over(s, {"sent": 1, "held": 1})
        set_progress(s, uid, "running", {"sent": 1, "held": 1}, CampaignReason.NIGHT_HOLD)
    window = open_window(qtbot, ctx)
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1, timeout=5000)
    view = window.list
    sentence = relay_reason(CampaignReason.NIGHT_HOLD)
    for width in (1024, 1366):
        window.resize(width, 740)
        laid_out()
        qtbot.waitUntil(lambda: held_row_read_whole(window), timeout=3000)
    window.resize(1024, 740)
    laid_out()
    # At 1024 the column is too narrow for the sentence on one line: it is wrapped, not "…". The
    # row read whole at 1366 until the header narrows the column, a turn later: wait for both.
    qtbot.waitUntil(
        lambda: (
            view.fontMetrics().horizontalAdvance(sentence) > view.columnWidth(0) - 2 * PAD
            and held_row_read_whole(window)
        ),
        timeout=3000,
    )
    assert view.rowHeight(0) >= 4 * view.fontMetrics().height()
    assert view.horizontalScrollBar().maximum() == 0  # nothing scrolls sideways
    # The owner narrows the list by its splitter: the row grows with the lines the sentence needs.
    before = view.rowHeight(0)
    splitter = window.findChild(QSplitter)
    splitter.setSizes([120, splitter.width() - 120])
    laid_out()
    qtbot.waitUntil(lambda: held_row_read_whole(window) and view.rowHeight(0) > before, timeout=3000)
    window.list.grab()  # painted by its delegate


def test_at_1024_pixels_the_held_sentence_reads_whole_in_the_campaign_list(qtbot: Any, ctx: Any) -> None:
    check(qtbot, ctx)


@pytest.mark.usefixtures("korean", "korean_locale")
def test_in_korean_the_held_sentence_wraps_in_the_campaign_list(qtbot: Any, ctx: Any) -> None:
    check(qtbot, ctx)
    assert "오전\u00a08:00" in relay_reason(CampaignReason.NIGHT_HOLD)  # kept whole on its line
