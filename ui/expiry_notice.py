"""The orders window's note on orders the payment deadline cancelled whose customers wait for a decision."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.changes import Changes
from app.order_notices import BulkMove, expired_undecided
from ui.bulk_notice_dialog import BulkNoticeDialog
from ui.context import AppContext
from ui.ops import Newest, delete_when_closed

log = logging.getLogger(__name__)


class ExpiryNotice(QFrame):
    """Deadlines pass on a timer, whatever the owner is doing: their decision is not a dialog over
    her work but this note in the orders window, where she looks at orders, until she answers.
    Hidden while no such order waits."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("expiryNotice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.order_ids: list[int] = []
        self.dialog: BulkNoticeDialog | None = None
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.review_button = QPushButton(self.tr("&Review…"), self)
        self.review_button.setObjectName("reviewExpired")
        self.review_button.clicked.connect(self.review)
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.review_button)
        self._reads = Newest()
        self.hide()
        ctx.hub.changed.connect(self._hub_changed)

    def refresh(self) -> None:
        """Read which cancelled orders still wait (off the GUI thread), and show or hide the note."""
        db = self.ctx.db
        self._reads.run_op(
            lambda: expired_undecided(db),
            self.show_waiting,
            parent=self,
            on_failure=lambda exc: log.warning("cancelled orders waiting for a decision not read: %s", exc),
        )

    def show_waiting(self, order_ids: list[int]) -> None:
        self.order_ids = order_ids
        self.text.setText(
            self.tr("1 order cancelled because the payment deadline passed — tell the customer?")
            if len(order_ids) == 1
            else self.tr(
                "%Ln order(s) cancelled because the payment deadline passed — tell the customers?",
                "",
                len(order_ids),
            )
        )
        self.setVisible(bool(order_ids))

    def review(self) -> BulkNoticeDialog | None:
        """The same decision as after a bank or courier's file: the customers, 보내기 or 보내지 않기."""
        if not self.order_ids:
            return None
        if self.dialog is None:
            self.dialog = BulkNoticeDialog(self.ctx, BulkMove.EXPIRY, self.order_ids, self.window())
            delete_when_closed(self.dialog)  # once the owner's decision is written
            self.dialog.finished.connect(self._closed)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def _closed(self, _result: int) -> None:
        self.dialog = None
        self.refresh()  # closed unanswered: the note stays; answered: it goes

    def _hub_changed(self, changes: Changes) -> None:
        if changes.orders and self.window().isVisible():
            self.refresh()
