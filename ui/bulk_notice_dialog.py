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

from app import relay_clock
from app.changes import Changes
from app.order_messages import OrderMessage, PreparedMessage
from app.order_notices import (
    BulkMove,
    BulkNotice,
    NotTold,
    NotToldReason,
    keep_quiet,
    prepare_notice,
    tell_customers,
)
from ui.campaign_message import language_name
from ui.context import AppContext
from ui.formatting import babel_locale_name, customer_day
from ui.ops import Op, failure_sentence
from ui.order_text import goes_from_sentence
from ui.screen_fit import resize_within_screen
from ui.theme import warning_colour
from ui.translations import ui_language

log = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex


def not_told_reason(reason: NotToldReason) -> str:
    """Why a customer is not told, after their order and name."""
    return {
        NotToldReason.NO_NUMBER: QCoreApplication.translate(
            "BulkNotice", "not told: no phone number in this inbox"
        ),
        NotToldReason.OUTSIDE_WINDOW: QCoreApplication.translate(
            "BulkNotice",
            "not told: no message from them in the last 24 hours, and no template chosen for this step",
        ),
        NotToldReason.NO_BANK_ACCOUNT: QCoreApplication.translate(
            "BulkNotice", "not told: the step's template needs your bank account, which is not set"
        ),
        NotToldReason.NO_TEMPLATE_FOR_SEVERAL: QCoreApplication.translate(
            "BulkNotice",
            "not told: no message from them in the last 24 hours, and no approved template can name "
            "all the orders one transfer paid and the total. Choose one in Order settings ▸ Messages ▸ "
            "Paid, several orders",
        ),
        NotToldReason.TEMPLATE_UNFIT: QCoreApplication.translate(
            "BulkNotice",
            "not told: no message from them in the last 24 hours, and the template chosen for this "
            "step has more values than the step fills. Choose another in Order settings ▸ Messages",
        ),
        NotToldReason.TEMPLATE_VALUE_MISSING: QCoreApplication.translate(
            "BulkNotice",
            "not told: no message from them in the last 24 hours, and the step's template names "
            "something this order does not have, such as a tracking number",
        ),
        # Not offered any more (the messages wait in the outbox), but a notice prepared before may say it.
        NotToldReason.NO_RELAY: QCoreApplication.translate(
            "BulkNotice", "not told: no relay is set up, so nothing can reach WhatsApp"
        ),
    }[reason]


def goes_as_template(prepared: PreparedMessage) -> str:
    """Above a customer's message outside their 24 hours: the template and the language version that
    goes (hers when the shop has it approved, else the shop's); "" for a normal message."""
    if prepared.inside_window or prepared.template is None:
        return ""
    return QCoreApplication.translate("BulkNotice", "Goes as the template “{0}” ({1}):").format(
        prepared.template.name, language_name(prepared.template.language)
    )


def waits_for_relay() -> str:
    """After a customer who will be told, while no relay is set up."""
    return QCoreApplication.translate("BulkNotice", "goes once the relay is connected")


class NoticeModel(QAbstractListModel):
    """The customers who will be told, each with a tick the owner may take off, then those who
    cannot be (in another colour, with why)."""

    ticks_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[OrderMessage | NotTold] = []
        self.relay_ready = True
        self.unticked: set[int] = set()  # order ids of the customers the owner chose to leave out

    def set_notice(self, notice: BulkNotice) -> None:
        self.beginResetModel()
        self.rows = [*notice.to_tell, *notice.not_told]
        self.relay_ready = notice.relay_ready
        self.unticked = set()
        self.endResetModel()
        self.ticks_changed.emit()

    def ticked(self) -> int:
        """How many messages 보내기 would send."""
        told = (row for row in self.rows if isinstance(row, OrderMessage))
        return sum(1 for row in told if row.order_id not in self.unticked)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and isinstance(self.rows[index.row()], OrderMessage):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        row = self.rows[index.row()]
        if not isinstance(row, OrderMessage):
            return False
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.unticked.discard(row.order_id)
        else:
            self.unticked.add(row.order_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.ticks_changed.emit()
        return True

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            line = f"{row.number} · {row.customer}"
            if isinstance(row, NotTold):
                return f"{line} — {not_told_reason(row.reason)}"
            return line if self.relay_ready else f"{line} — {waits_for_relay()}"
        if role == Qt.ItemDataRole.CheckStateRole and isinstance(row, OrderMessage):
            return Qt.CheckState.Unchecked if row.order_id in self.unticked else Qt.CheckState.Checked
        if role == Qt.ItemDataRole.ForegroundRole and isinstance(row, NotTold):
            return QColor(warning_colour())  # readable on light and dark lists alike
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
        self._answering = False  # the buttons are on: prepared, and not yet being written
        self.answered = False  # Send or Don't send was pressed: `decided` follows once it is written
        self.setObjectName("bulkNotice")
        self.setWindowTitle(
            self.tr("Tell the customer?") if len(order_ids) == 1 else self.tr("Tell the customers?")
        )
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
        self.quiet_button = QPushButton(self.tr("&Don't send"), self)
        self.quiet_button.clicked.connect(self.keep_quiet)
        self.send_button = QPushButton(self.tr("&Send"), self)
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
        self.model.ticks_changed.connect(self._send_follows_ticks)
        self.heading.setText(self.question(len(order_ids)))
        self._load(order_ids)

    def question(self, n: int) -> str:
        if n == 1:  # "send the customer", not "the customers" (a plural form only changes "order(s)")
            return self._question_for_one()
        if self.bulk_move is BulkMove.BANK_FILE:
            return self.tr(
                "%Ln order(s) confirmed paid — send the customers the payment confirmation?", "", n
            )
        if self.bulk_move is BulkMove.COURIER_FILE:
            return self.tr("%Ln order(s) shipped — send the customers their tracking numbers?", "", n)
        return self.tr(
            "%Ln order(s) cancelled because the payment deadline passed — tell the customers?", "", n
        )

    def _question_for_one(self) -> str:
        if self.bulk_move is BulkMove.BANK_FILE:
            return self.tr("1 order confirmed paid — send the customer the payment confirmation?")
        if self.bulk_move is BulkMove.COURIER_FILE:
            return self.tr("1 order shipped — send the customer the tracking number?")
        return self.tr("1 order cancelled because the payment deadline passed — tell the customer?")

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
                now=relay_clock.now(),  # the 24-hour window is WhatsApp's clock
                relay_ready=relay_ready,
            )

        Op(work, parent=self).success(self.show_notice).failure(self._failed).run()

    def show_notice(self, notice: BulkNotice) -> None:
        self.notice = notice
        self.heading.setText(self.question(len(notice)))
        self.model.set_notice(notice)
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0))
        said: list[str] = []
        if notice.not_told and notice.to_tell:
            said.append(
                self.tr(
                    "%Ln customer(s) cannot be told. If you send, their orders' history says that they "
                    "were not told. The orders keep their new status either way.",
                    "",
                    len(notice.not_told),
                )
            )
        elif notice.not_told:
            said.append(
                self.tr(
                    "No customer can be told. OK writes it in the orders' history; the orders keep "
                    "their new status."
                )
            )
        if notice.to_tell and not notice.relay_ready:
            said.append(
                self.tr(
                    "No relay is set up yet: the messages wait on this computer and go once you connect one."
                )
            )
        if len(notice.to_tell) > 1:
            said.append(self.tr("Untick a customer to leave them out."))
        self.note.setText(" ".join(said))
        self.note.setVisible(bool(said))
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
            number = goes_from_sentence(found.goes_from, self.ctx.shop_region)
            how = goes_as_template(found.prepared)
            self.preview.setPlainText("\n\n".join(filter(None, [number, how, found.prepared.text])))

    def _buttons_enabled(self, on: bool) -> None:
        self._answering = on
        self.quiet_button.setEnabled(on)
        self._send_follows_ticks()

    def _send_follows_ticks(self) -> None:
        """보내기 names how many it sends ("3건 보내기"), and is off when no customer is ticked."""
        notice = self.notice
        if notice is None or not notice.to_tell:
            self.send_button.setEnabled(self._answering)
            return
        n = self.model.ticked()
        self.send_button.setText(self.tr("&Send %Ln", "", n))
        self.send_button.setEnabled(self._answering and n > 0)

    def tell(self) -> None:
        """보내기: each ticked customer's message queued in the outbox; the unticked and the customers
        not told written in their orders."""
        notice, db = self.notice, self.ctx.db
        if notice is None:
            return
        self._buttons_enabled(False)  # once: a second click while it is written would do nothing new
        self.answered = True

        def done(changes: Changes) -> None:
            self.ctx.publish(changes)
            if self.ctx.sync is not None:
                self.ctx.sync.wake_sender()
            self.decided.emit(True)
            self.accept()

        left_out = set(self.model.unticked)
        Op(lambda: tell_customers(db, notice, left_out), parent=self, writes=True).success(done).failure(
            self._failed
        ).run()

    def keep_quiet(self) -> None:
        """보내지 않기: nothing sent, nothing written (a deadlines' notice is not offered again)."""
        notice, db = self.notice, self.ctx.db
        if notice is None:
            return
        self._buttons_enabled(False)
        self.answered = True

        def done(changes: Changes) -> None:
            self.ctx.publish(changes)
            self.decided.emit(False)
            self.reject()

        Op(lambda: keep_quiet(db, notice), parent=self, writes=True).success(done).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self._buttons_enabled(self.notice is not None)
        self.note.setText(failure_sentence(exc))
        self.note.show()
