"""A courier's file of tracking numbers in the owner's words: why a row cannot ship as it is."""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.shipping_sheets import SkippedRow, SkipReason, TrackingPlan
from ui.korean_particles import with_particles
from ui.order_text import state_name


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
        if reason is SkipReason.BAD_TRACKING and skipped.doubt is not None:
            doubt = skipped.doubt
            if doubt.excel:
                return with_particles(
                    self.tr(
                        "the tracking number {0} was changed by Excel (saved as a number, its last "
                        "digits are lost). Format the tracking number column as Text in Excel, or open "
                        "the courier's original file, and import it again"
                    ).format(doubt.number)
                )
            lengths = [str(n) for n in doubt.lengths]
            digits = (
                self.tr("{0} or {1}").format(", ".join(lengths[:-1]), lengths[-1])
                if len(lengths) > 1
                else lengths[0]
            )
            return with_particles(
                self.tr("{courier} tracking numbers have {digits} digits: {number} is not one").format(
                    courier=doubt.courier, digits=digits, number=doubt.number
                )
            )
        if reason is SkipReason.NO_ADDRESS:  # (a postcode alone missing ships: the courier took it)
            return self.tr("the order has no address: fill it in on the order, then mark it shipped there")
        if skipped.row.number:
            return self.tr("no order has this number")
        return self.tr("no paid order goes to this phone number")

    def already_text(self) -> str:
        """How many rows were already on their orders (the same file read again), or ""."""
        already = self.plan.already
        if not already:
            return ""
        return self.tr(
            "%Ln row(s) were already registered: those orders carry these tracking numbers.", "", len(already)
        )
