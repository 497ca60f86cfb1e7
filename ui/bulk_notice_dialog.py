"""One decision for orders moved in bulk (bank file, courier's file, deadlines): tell customers or not."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.models import utcnow
from app.order_messages import OrderMessage
from app.order_notices import (
    BulkMove,
    BulkNotice,
    NotTold,
    NotToldReason,
    keep_quiet,
    prepare_notice,
    tell_customers,
)
from ui.context import AppContext
from ui.formatting import babel_locale_name, customer_day
from ui.ops import Op, failure_sentence
from ui.screen_fit import resize_within_screen
from ui.translations import ui_language

log = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex

NOT_TOLD_COLOUR = QColor("#B26A00")  # as the board's note on a refused move


def not_told_reason(reason: NotToldReason) -> str:
    """Why a customer is not told, after their order and name."""
    return {
        NotToldReason.NO_NUMBER: QCoreApplication.translate(
            "BulkNotice", "not told: no phone number in this inbox"
        ),
        NotToldReason.OUTSIDE_WINDOW: QCoreApplication.translate(
            "BulkNotice",
            "not told: more than 24 hours since they wrote, and no template chosen for this step",
        ),
        NotToldReason.NO_BANK_ACCOUNT: QCoreApplication.translate(
            "BulkNotice", "not told: the step's template needs your bank account, which is not set"
        ),
        NotToldReason.NO_RELAY: QCoreApplication.translate(
            "BulkNotice", "not told: no relay is set up, so nothing can reach WhatsApp"
        ),
    }[reason]


class NoticeModel(QAbstractListModel):
    """The customers who will be told, then those who cannot be (in another colour, with why)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[OrderMessage | NotTold] = []

    def set_notice(self, notice: BulkNotice) -> None:
        self.beginResetModel()
        self.rows = [*notice.to_tell, *notice.not_told]
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            line = f"{row.number} · {row.customer}"
            return f"{line} — {not_told_reason(row.reason)}" if isinstance(row, NotTold) else line
        if role == Qt.ItemDataRole.ForegroundRole and isinstance(row, NotTold):
            return NOT_TOLD_COLOUR
        return None


class BulkNoticeDialog(QDialog):
    """Shown after a batch of orders moved (or, for deadlines, when the owner asks from the board);
    nothing is sent and nothing written until she answers."""

    decided = Signal(bool)  # True: sent (and the not told written in their orders' history)

    def __init__(
        self, ctx: AppContext, move: BulkMove, order_ids: list[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.bulk_move = move
        self.notice: BulkNotice | None = None
        self.setObjectName("bulkNotice")
        self.setWindowTitle(self.tr("Tell the customers?"))
        resize_within_screen(self, QSize(760, 420))
        self.heading = QLabel(self)
        self.heading.setObjectName("bulkNoticeHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold")
        self.model = NoticeModel(self)
        self.list = QListView(self)
        self.list.setAccessibleName(self.tr("Customers"))
        self.list.setModel(self.model)
        self.list.setWordWrap(True)  # a customer not told: the reason under the name, read whole
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.preview = QPlainTextEdit(self)
        self.preview.setAccessibleName(self.tr("Message"))
        self.preview.setReadOnly(True)
        split = QSplitter(self)
        split.addWidget(self.list)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.hide()
        self.quiet_button = QPushButton(self.tr("Don't send"), self)
        self.quiet_button.clicked.connect(self.keep_quiet)
        self.send_button = QPushButton(self.tr("Send"), self)
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.tell)
        self._buttons_enabled(False)  # until the messages are prepared
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.quiet_button)
        buttons.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(split, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        self.list.selectionModel().currentChanged.connect(lambda index, _prev: self._show(index.row()))
        self.heading.setText(self.question(len(order_ids)))
        self._load(order_ids)

    def question(self, n: int) -> str:
        if self.bulk_move is BulkMove.BANK_FILE:
            return self.tr("%n order(s) confirmed paid — send the customers the payment confirmation?", "", n)
        if self.bulk_move is BulkMove.COURIER_FILE:
            return self.tr("%n order(s) shipped — send the customers their tracking numbers?", "", n)
        return self.tr(
            "%n order(s) cancelled because the payment deadline passed — tell the customers?", "", n
        )

    def _load(self, order_ids: list[int]) -> None:
        db, move = self.ctx.db, self.bulk_move
        language, locale = ui_language(), babel_locale_name()
        relay_ready = self.ctx.sync is not None and bool(self.ctx.sync.relay_url)

        def work() -> BulkNotice:
            return prepare_notice(
                db,
                move,
                order_ids,
                language=language,
                locale=locale,
                format_time=customer_day,
                now=utcnow(),
                relay_ready=relay_ready,
            )

        Op(work, parent=self).success(self.show_notice).failure(self._failed).run()

    def show_notice(self, notice: BulkNotice) -> None:
        self.notice = notice
        self.heading.setText(self.question(len(notice)))
        self.model.set_notice(notice)
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0))
        if notice.not_told and notice.to_tell:
            self.note.setText(
                self.tr(
                    "%n customer(s) cannot be told. If you send, their orders' history says that they "
                    "were not told. The orders keep their new status either way.",
                    "",
                    len(notice.not_told),
                )
            )
            self.note.show()
        elif notice.not_told:
            self.note.setText(
                self.tr(
                    "No customer can be told. OK writes it in the orders' history; the orders keep "
                    "their new status."
                )
            )
            self.note.show()
        if not notice.to_tell:
            # Nothing can go: OK writes down who was not told, as Send would.
            self.send_button.setText(self.tr("OK"))
            self.quiet_button.hide()
        self._buttons_enabled(True)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.model.rows):
            return
        found = self.model.rows[row]
        if isinstance(found, NotTold):
            # Why, and what would have gone: she may tell them by phone or another way.
            self.preview.setPlainText("\n\n".join(filter(None, [not_told_reason(found.reason), found.text])))
        else:
            self.preview.setPlainText(found.prepared.text)

    def _buttons_enabled(self, on: bool) -> None:
        self.send_button.setEnabled(on)
        self.quiet_button.setEnabled(on)

    def tell(self) -> None:
        """보내기: each message queued in the outbox; the customers not told written in their orders."""
        notice, db = self.notice, self.ctx.db
        if notice is None:
            return
        self._buttons_enabled(False)  # once: a second click while it is written would do nothing new

        def done(changes: Changes) -> None:
            self.ctx.publish(changes)
            if self.ctx.sync is not None:
                self.ctx.sync.wake_sender()
            self.decided.emit(True)
            self.accept()

        Op(lambda: tell_customers(db, notice), parent=self, writes=True).success(done).failure(
            self._failed
        ).run()

    def keep_quiet(self) -> None:
        """보내지 않기: nothing sent, nothing written (a deadlines' notice is not offered again)."""
        notice, db = self.notice, self.ctx.db
        if notice is None:
            return
        self._buttons_enabled(False)

        def done(changes: Changes) -> None:
            self.ctx.publish(changes)
            self.decided.emit(False)
            self.reject()

        Op(lambda: keep_quiet(db, notice), parent=self, writes=True).success(done).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self._buttons_enabled(self.notice is not None)
        self.note.setText(failure_sentence(exc))
        self.note.show()
