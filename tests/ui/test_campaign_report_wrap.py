"""At 1366×768 the campaign report's 사유 column cut a failure's sentence (a file WhatsApp refused, and
what to do) to "파일이 너무…", read whole only by hovering: it wraps onto the lines it needs, each row as
tall as its reason, and a report of 3,000 customers still opens with every row fitted."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from app.campaign_store import CampaignReport, RecipientRow
from app.wire import RecipientState
from tests.support.campaign_window import open_window, seed
from ui.campaign_models import VERSION_COLUMN, WHY_COLUMN


def test_at_1366_pixels_a_long_failure_reads_whole_in_its_row_for_3000_customers(
    qtbot: Any, ctx: Any, korean: Any
) -> None:
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    seed(ctx)
    window = open_window(qtbot, ctx)
    window.resize(1346, 700)  # 1366 less the window's frame
    sent = datetime(2026, 11, 30, 3, 0, tzinfo=UTC)
    rows = [
        RecipientRow(i, f"고객 {i}", f"8210{i:08d}", RecipientState.DELIVERED, None, sent, False, False)
        for i in range(3000)
    ]
    rows[0] = RecipientRow(
        0, "김민지", "821012345678", RecipientState.FAILED, "131053:media_too_large", sent, False, False
    )
    rows[2999] = RecipientRow(
        1, "박지훈", "821087654321", RecipientState.FAILED, "131026", sent, False, False
    )
    report = window.report
    report.show_report(
        CampaignReport("겨울 세일", "done", rows, template_name="winter_sale_ok", sent_at=sent)
    )
    window.stack.setCurrentWidget(report)
    view = report.view
    qtbot.waitUntil(view.isVisible, timeout=5000)
    model = view.model()
    last = model.rowCount() - 1
    assert model.rowCount() == 3000
    reasons = {row: model.index(row, WHY_COLUMN).data() for row in (0, 1, last)}
    assert reasons[1] == ""
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    metrics = view.fontMetrics()

    def whole(row: int) -> bool:
        width = view.columnWidth(WHY_COLUMN) - margin
        lines = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, reasons[row])
        return lines.height() <= view.rowHeight(row) and lines.width() <= width

    assert (
        metrics.horizontalAdvance(reasons[0]) > view.columnWidth(WHY_COLUMN) - margin
    )  # too long for a line
    qtbot.waitUntil(lambda: whole(0) and whole(last), timeout=10000)
    assert view.rowHeight(0) >= 2 * metrics.height()  # on two lines or more, not "…"
    assert view.rowHeight(1) == view.verticalHeader().defaultSectionSize()  # a row without one stays slim
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    assert option.features & QStyleOptionViewItem.ViewItemFeature.WrapText
    # Nothing scrolls sideways, read once the columns are laid out to the view's width (the stretched
    # 사유 takes the rest): a range read before that layout is 0 whatever the columns need.
    header = view.horizontalHeader()
    qtbot.waitUntil(lambda: header.length() == view.viewport().width(), timeout=5000)
    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() == 0, timeout=5000)
    # Only the failed ones shown: the rows follow the filter, still whole.
    report.show_choice.setCurrentIndex(1)
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=5000)
    reasons = {row: model.index(row, WHY_COLUMN).data() for row in (0, 1)}
    qtbot.waitUntil(lambda: whole(0) and whole(1), timeout=5000)
    # Narrower: more lines, the rows grow with them.
    before = view.rowHeight(0)
    window.resize(1000, 700)
    qtbot.waitUntil(lambda: whole(0) and whole(1) and view.rowHeight(0) > before, timeout=5000)


def test_when_every_customer_read_it_the_empty_why_column_is_as_wide_as_its_heading(
    qtbot: Any, ctx: Any, korean: Any
) -> None:
    """Nine customers read the ad in two languages: 사유 was empty yet took the whole width between
    수신거부 and 버전. It is as wide as its heading; a failure coming in gives it the room again."""
    seed(ctx)
    window = open_window(qtbot, ctx)
    window.resize(1346, 700)
    sent = datetime(2026, 11, 30, 3, 0, tzinfo=UTC)
    rows = [
        RecipientRow(
            i, f"고객 {i}", f"8210{i:08d}", RecipientState.READ, None, sent, False, False, language="ko"
        )
        for i in range(9)
    ]
    rows[0] = RecipientRow(
        0, "Amy Clarke", "447700900123", RecipientState.READ, None, sent, False, False, language="en"
    )
    report = window.report
    report.show_report(
        CampaignReport("봄 재입고", "done", rows, template_name="spring_restock", sent_at=sent)
    )
    window.stack.setCurrentWidget(report)
    view = report.view
    header = view.horizontalHeader()
    qtbot.waitUntil(view.isVisible, timeout=5000)
    heading = header.sectionSizeFromContents(WHY_COLUMN).width()
    qtbot.waitUntil(lambda: view.columnWidth(WHY_COLUMN) <= heading + 4, timeout=5000)
    assert not header.isSectionHidden(WHY_COLUMN + 1)  # 버전 beside it, not pushed to the far edge
    assert view.columnViewportPosition(WHY_COLUMN + 1) < view.viewport().width() // 2
    # One failed after all: its reason gets the rest of the row to wrap in.
    rows[5] = RecipientRow(
        5, "김민지", "821055501234", RecipientState.FAILED, "131026", sent, False, False, language="ko"
    )
    report.show_report(
        CampaignReport("봄 재입고", "done", rows, template_name="spring_restock", sent_at=sent)
    )
    qtbot.waitUntil(lambda: view.columnWidth(WHY_COLUMN) > view.viewport().width() // 3, timeout=5000)


@pytest.mark.parametrize("language", ["korean", "english"])
def test_when_nobody_has_a_reason_the_table_still_reaches_the_window_edge(
    qtbot: Any, ctx: Any, request: Any, language: str
) -> None:
    """Every customer read it: 사유, as wide as its heading, left the table stopping halfway across
    with a blank heading to its right. The last column shown (버전, or 사유 when everyone got one
    language) takes the rest of the width, to the edge and no further, as the ticks come in; a
    failure coming in still gets 사유 the room to wrap."""
    request.getfixturevalue(language)
    seed(ctx)
    window = open_window(qtbot, ctx)
    window.resize(1346, 700)
    sent = datetime(2026, 11, 30, 3, 0, tzinfo=UTC)

    def customers(state: RecipientState, languages: int) -> list[RecipientRow]:
        rows = [
            RecipientRow(i, f"고객 {i}", f"8210{i:08d}", state, None, sent, False, False, language="ko")
            for i in range(9)
        ]
        if languages == 2:
            rows[0] = RecipientRow(
                0, "Amy Clarke", "447700900123", state, None, sent, False, False, language="en"
            )
        return rows

    report = window.report

    def show(rows: list[RecipientRow]) -> None:
        report.show_report(
            CampaignReport("봄 재입고", "done", rows, template_name="spring_restock", sent_at=sent)
        )

    window.stack.setCurrentWidget(report)  # open while the campaign goes out
    view = report.view
    header = view.horizontalHeader()
    qtbot.waitUntil(view.isVisible, timeout=5000)
    ticks = 2

    def fills() -> bool:
        """The columns, laid out for the rows shown (the report's refit done, the ticks' column
        fitted to its ticks), reach the view's edge and no further."""
        fitted = max(view.sizeHintForColumn(ticks), header.sectionSizeHint(ticks))
        laid_out = not report._refit.isActive() and view.columnWidth(ticks) == fitted
        return laid_out and header.length() == view.viewport().width()

    # One language for all: no 버전, and 사유 is the last column, to the edge, as the ticks come in
    # (a wider ticks' column pushed it past the edge, a scroll bar under the table).
    for state in (RecipientState.SENT, RecipientState.DELIVERED, RecipientState.READ):
        rows = customers(state, 1)
        show(rows)
        qtbot.waitUntil(lambda: header.isSectionHidden(VERSION_COLUMN) and fills(), timeout=5000)
        assert view.horizontalScrollBar().maximum() == 0
    # Two versions: 사유 as wide as its heading, 버전 beside it and as wide as the rest.
    heading = header.sectionSizeFromContents(WHY_COLUMN).width()
    for state in (RecipientState.SENT, RecipientState.DELIVERED):
        show(customers(state, 2))
        qtbot.waitUntil(lambda: view.columnWidth(WHY_COLUMN) <= heading + 4 and fills(), timeout=5000)
        assert view.columnViewportPosition(VERSION_COLUMN) < view.viewport().width() // 2
    # One failed after all: its reason gets the room to wrap in, the table as wide as before.
    rows[5] = RecipientRow(
        5, "김민지", "821055501234", RecipientState.FAILED, "131026", sent, False, False, language="ko"
    )
    show(rows)
    qtbot.waitUntil(
        lambda: view.columnWidth(WHY_COLUMN) > view.viewport().width() // 3 and fills(), timeout=5000
    )
