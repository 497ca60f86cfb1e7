"""Payment reminders a deadline check prepared for several orders: tick, read, and send them together."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
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
from app.order_actions import numberless_customers, send_order_messages
from app.order_messages import OrderMessage, message_for_order
from ui.context import AppContext
from ui.formatting import babel_locale_name, customer_day
from ui.ops import Op, failure_sentence
from ui.order_text import bank_missing_sentence, goes_from_sentence
from ui.screen_fit import resize_within_screen
from ui.translations import ui_language

log = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex


def can_send(message: OrderMessage) -> bool:
    return message.prepared.sendable


class BatchMessagesModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.messages: list[OrderMessage] = []
        self.checked: list[bool] = []

    def set_messages(self, messages: list[OrderMessage]) -> None:
        self.beginResetModel()
        self.messages = messages
        self.checked = [can_send(m) for m in messages]
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.messages)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsUserCheckable if can_send(self.messages[index.row()]) else base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        m = self.messages[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            line = f"{m.number} · {m.customer}"
            if not can_send(m) and m.prepared.unfit_template:
                line += " — " + self.tr("outside the 24-hour window, and its template has too many values")
            elif not can_send(m) and m.prepared.template is None:
                line += " — " + self.tr("outside the 24-hour window, no template chosen")
            elif not can_send(m) and m.prepared.blank_values:
                line += " — " + self.tr(
                    "outside the 24-hour window, and its template names what this order lacks"
                )
            elif not can_send(m):
                line += " — " + self.tr("outside the 24-hour window, and no bank account for its template")
            return line
        if role == Qt.ItemDataRole.CheckStateRole and can_send(m):
            return Qt.CheckState.Checked if self.checked[index.row()] else Qt.CheckState.Unchecked
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        self.checked[index.row()] = Qt.CheckState(value) == Qt.CheckState.Checked
        self.dataChanged.emit(index, index)
        return True

    def ticked(self) -> list[OrderMessage]:
        return [m for m, on in zip(self.messages, self.checked, strict=True) if on and can_send(m)]


class BatchMessagesDialog(QDialog):
    """Shown after a batch of orders moved; nothing is sent until the owner clicks Send."""

    sent = Signal(int)  # how many messages were queued

    def __init__(
        self,
        ctx: AppContext,
        order_ids: list[int],
        parent: QWidget | None = None,
        *,
        reminder: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reminder = reminder
        self.setObjectName("batchMessages")
        self.setWindowTitle(
            self.tr("Payment reminders") if reminder else self.tr("Messages to the customers")
        )
        resize_within_screen(self, QSize(760, 440))
        self.model = BatchMessagesModel(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        split = QSplitter(self)
        split.addWidget(self.list)
        split.addWidget(self.preview)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.send_button = QPushButton(self.tr("Send ticked messages"), self)
        self.send_button.clicked.connect(self.send_ticked)
        later = QPushButton(self.tr("Don't send"), self)
        later.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(later)
        buttons.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.list.selectionModel().currentChanged.connect(lambda index, _prev: self._show(index.row()))
        self._load(order_ids)

    def _load(self, order_ids: list[int]) -> None:
        db = self.ctx.db
        language = ui_language()
        locale = babel_locale_name()

        reminder = self.reminder

        def work() -> tuple[list[OrderMessage], list[str]]:
            now = relay_clock.now()  # the 24-hour window is WhatsApp's clock
            found = (
                message_for_order(
                    db,
                    i,
                    language=language,
                    locale=locale,
                    format_time=customer_day,
                    now=now,
                    reminder=reminder,
                )
                for i in order_ids
            )
            messages = [m for m in found if m is not None]
            return messages, numberless_customers(db, order_ids)

        def done(result: tuple[list[OrderMessage], list[str]]) -> None:
            messages, numberless = result
            self.model.set_messages(messages)
            if messages:
                self.list.setCurrentIndex(self.model.index(0))
            problems = []
            if any(m.prepared.bank_missing for m in messages):
                problems.append(bank_missing_sentence())
            if numberless:
                problems.append(
                    self.tr(
                        "No message for {names}: no phone number in this inbox (a chat from a phone "
                        "export). Add the number in the chat to send one."
                    ).format(names=", ".join(numberless))
                )
            if problems:
                self.problem.setText("\n".join(problems))
                self.problem.show()

        Op(work, parent=self).success(done).failure(self._failed).run()

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.model.messages):
            message = self.model.messages[row]
            number = goes_from_sentence(message.goes_from, self.ctx.shop_region)
            self.preview.setPlainText("\n\n".join(filter(None, [number, message.prepared.text])))

    def send_ticked(self) -> None:
        ticked, db = self.model.ticked(), self.ctx.db

        def done(changes: Changes) -> None:
            self.ctx.publish(changes)
            if self.ctx.sync is not None:
                self.ctx.sync.wake_sender()
            self.sent.emit(len(ticked))
            self.accept()

        Op(lambda: send_order_messages(db, ticked), parent=self).success(done).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self.problem.setText(failure_sentence(exc))
        self.problem.show()
