"""A courier's file of tracking numbers in the owner's words: each row it could not use, and why."""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.shipping_sheets import SkippedRow, SkipReason, TrackingPlan
from ui.order_text import state_name

MAX_LISTED = 30  # rows named one by one; past that a count, so the box still fits a small screen


class TrackingReport(QObject):
    """Sentences about one file. A QObject for `self.tr`: lupdate reads a plural's count only there."""

    def __init__(self, plan: TrackingPlan, file_name: str) -> None:
        super().__init__()
        self.plan = plan
        self.file_name = file_name

    def reason(self, skipped: SkippedRow) -> str:
        """Why one row moved no order."""
        reason = skipped.reason
        if reason is SkipReason.NO_TRACKING:
            return self.tr("no tracking number")
        if reason is SkipReason.NOT_PAID:
            return self.tr("the order is “{0}”: only paid orders are marked shipped").format(
                state_name(skipped.state)
            )
        if reason is SkipReason.SAME_PHONE:
            return self.tr("several paid orders go to this phone number: the row needs the order number")
        if reason is SkipReason.REPEATED:
            return self.tr("an earlier row already gave this order its tracking number")
        if skipped.row.number:
            return self.tr("no order has this number")
        return self.tr("no paid order goes to this phone number")

    def line(self, skipped: SkippedRow) -> str:
        """ "Row 4 · 2026-9999: no order has this number"."""
        row = skipped.row
        where = " · ".join([self.tr("Row {0}").format(row.row), *(p for p in (row.number, row.phone) if p)])
        return f"{where}: {self.reason(skipped)}"

    def skipped_text(self, shipped: str) -> str:
        """`shipped` (how many orders were shipped), then each row that moved none, one a line."""
        skipped = self.plan.skipped
        lines = [self.line(s) for s in skipped[:MAX_LISTED]]
        if len(skipped) > MAX_LISTED:
            lines.append(self.tr("…and %n more row(s).", "", len(skipped) - MAX_LISTED))
        unused = self.tr("%n row(s) of {0} were not used:", "", len(skipped)).format(self.file_name)
        return "\n".join([shipped, "", unused, *lines])
