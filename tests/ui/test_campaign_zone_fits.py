"""The time zone named beside "Send at" is read whole inside the Schedule group: wrapped, never cut
off at its right edge, however long the zone's name, at the campaign window's widths."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt

from tests.support.campaign_window import open_window, seed
from tests.support.window_waits import laid_out
from ui.campaign_schedule import ScheduleBox
from ui.time_zones import zone_name

LONGEST = {"en": "Atlantic/St_Helena", "ko": "Atlantic/South_Georgia"}  # the longest names in each


def zone_read_whole(box: ScheduleBox) -> bool:
    """The zone's label lies inside the group, and its words fit the label as it wraps them."""
    label = box.zone
    inside = box.contentsRect().contains(label.geometry())
    needed = label.fontMetrics().boundingRect(
        QRect(0, 0, label.width(), 10_000), int(Qt.TextFlag.TextWordWrap), label.text()
    )
    return inside and needed.width() <= label.width() and needed.height() <= label.height()


def shop_in(ctx: Any, zone: str) -> None:
    from app.automations_store import AutomationsStore
    from app.wire import Automations, BusinessHours

    AutomationsStore(ctx.db).save(Automations(business_hours=BusinessHours(timezone=zone)))


def check_widths(qtbot: Any, ctx: Any, zone: str) -> None:
    seed(ctx)
    shop_in(ctx, zone)
    window = open_window(qtbot, ctx)
    box = window.editor.schedule
    assert box.zone.text() == zone_name(zone)
    # A long name made the group (and the form's column) wider than the window gives it, its end
    # cut off: it wraps, the group asking room for its longest word alone.
    short = ScheduleBox()
    qtbot.addWidget(short)
    short.set_time_zone("UTC")
    longest_word = max(box.zone.fontMetrics().horizontalAdvance(w) for w in box.zone.text().split())
    assert box.minimumSizeHint().width() <= short.minimumSizeHint().width() + longest_word
    # 1024 (one column), the narrowest two-column width, a 1366-pixel laptop's.
    for width in (1024, 1280, 1346):
        window.resize(width, 740)
        laid_out()
        qtbot.waitUntil(lambda: zone_read_whole(box), timeout=2000)


@pytest.mark.parametrize("zone", ["Europe/London", LONGEST["en"]])
def test_the_shops_zone_beside_send_at_is_read_whole(qtbot: Any, ctx: Any, zone: str) -> None:
    check_widths(qtbot, ctx, zone)


@pytest.mark.usefixtures("korean")
def test_in_korean_the_longest_zone_wraps_inside_the_group(qtbot: Any, ctx: Any) -> None:
    check_widths(qtbot, ctx, LONGEST["ko"])
