"""Payment reminders a deadline check prepared for several orders: tick, read, and send them together."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app import relay_clock
from app.changes import Changes
from app.order_actions import numberless_customers, send_order_messages
from app.order_messages import OrderMessage, message_for_order
from app.rules import zone
from ui.context import AppContext
from ui.formatting import babel_locale_name, customer_day, due_time, full_datetime, shop_datetime
from ui.ops import Op, failure_sentence
from ui.order_text import bank_missing_sentence, goes_from_sentence, money
from ui.plain_tooltip import plain_tooltip
from ui.screen_fit import grow_within_screen, resize_within_screen
from ui.translations import ui_language

log = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex

# The message's side keeps at least this much beside the list: a reminder's lines read unbroken.
PREVIEW_WIDTH = 340


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

    def summary(self, m: OrderMessage) -> str:
        """The row's first line: who, which order, how much and by when (on the shop's clock)."""
        shop_zone = zone(m.shop_zone) if m.shop_zone else None
        due = due_time(m.due_at, relay_clock.now(), shop_zone) if m.due_at is not None else ""
        amount = money(m.amount_minor, m.currency) if m.currency else ""
        if due:
            return self.tr("{customer} · {number} · {amount} · due {due}").format(
                customer=m.customer, number=m.number, amount=amount, due=due
            )
        return self.tr("{customer} · {number} · {amount}").format(
            customer=m.customer, number=m.number, amount=amount
        )

    def why_not(self, m: OrderMessage) -> str:
        """Why a message cannot go (its row's second line), or "" for one that can."""
        if can_send(m):
            return ""
        if m.prepared.unfit_template:
            return self.tr("outside the 24-hour window, and its template has too many values")
        if m.prepared.template is None:
            return self.tr("outside the 24-hour window, no template chosen")
        if m.prepared.blank_values:
            return self.tr("outside the 24-hour window, and its template names what this order lacks")
        return self.tr("outside the 24-hour window, and no bank account for its template")

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        m = self.messages[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(filter(None, [self.summary(m), self.why_not(m)]))
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole row, should a long name or a narrow screen have cut it, and the deadline's
            # day and time in full.
            lines = [self.summary(m), self.why_not(m)]
            if m.due_at is not None:
                due = shop_datetime(m.due_at, zone(m.shop_zone)) if m.shop_zone else full_datetime(m.due_at)
                lines.append(self.tr("Transfer due: {0}").format(due))
            return plain_tooltip("\n".join(filter(None, lines)))
        if role == Qt.ItemDataRole.CheckStateRole and can_send(m):
            return Qt.CheckState.Checked if self.checked[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DecorationRole and not can_send(m):
            # Where the others' check box is (the list's icons are a check box's size): the row's
            # words start where theirs do, and the mark says it cannot be ticked.
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
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
        self.delegate = QStyledItemDelegate(self.list)
        self.list.setItemDelegate(self.delegate)
        style = self.list.style()
        self.list.setIconSize(
            QSize(
                style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self.list),
                style.pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight, None, self.list),
            )
        )
        # A row reads whole at the dialog's size (`_fit_list`); what a narrow screen still cuts is
        # elided, whole in its tooltip, never behind a sideways scroll.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.split = split = QSplitter(self)
        split.addWidget(self.list)
        split.addWidget(self.preview)
        split.setStretchFactor(1, 1)  # the message takes what the dialog grows by; the list keeps its width
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.hide()
        # Alt letters of their own: the dialog has the keyboard when it opens (Enter is not Send's: a
        # key meant for the window behind never sends a batch of messages).
        self.send_button = QPushButton(self.tr("&Send ticked messages"), self)
        self.send_button.setAutoDefault(False)
        self.send_button.clicked.connect(self.send_ticked)
        later = QPushButton(self.tr("&Don't send"), self)
        later.setAutoDefault(False)
        later.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(later)
        buttons.addWidget(self.send_button)
        self.box = layout = QVBoxLayout(self)
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
            self._fit_list()
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

    def row_width(self) -> int:
        """The list's width that shows every row whole: who, which order, how much, by when, and
        why a message cannot go."""
        style, option = self.list.style(), QStyleOptionViewItem()
        widest = 0
        for row in range(self.model.rowCount()):
            index = self.model.index(row)
            self.delegate.initStyleOption(option, index)
            size = style.sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, option, QSize(), self.list)
            widest = max(widest, size.width())
        scroll = style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self.list)
        return widest + scroll + 2 * self.list.frameWidth()

    def _fit_list(self) -> None:
        """Widen the list to its rows, and the dialog with it (within the screen), the message
        beside it keeping a readable width."""
        wanted = self.row_width()
        preview = max(self.preview.minimumSizeHint().width(), PREVIEW_WIDTH)
        margins = self.box.contentsMargins()
        total = wanted + self.split.handleWidth() + preview + margins.left() + margins.right()
        if total > self.width():
            # Usually shown by now (the rows come from a worker): grown, it is moved to stay on screen.
            grow = grow_within_screen if self.isVisible() else resize_within_screen
            grow(self, QSize(total, self.height()))
        self.box.activate()  # the splitter at the dialog's new width, before its sizes are set
        # On a screen too narrow for both the two share it: the rows are elided then (whole in
        # their tooltips), never behind a sideways scroll.
        room = self.split.width() - self.split.handleWidth()
        wanted = max(min(wanted, room - preview), min(wanted, room // 2))
        self.split.setSizes([wanted, room - wanted])

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
