"""A shipped order's return or exchange: which pieces come back, why, whether they are here, the refund."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.catalog_edits import stock_options
from app.errors import ErrorCode, InvalidInput, OrderCurrencyParams, OrderError
from app.money import amount_to_minor
from app.order_actions import returnable, save_return
from app.order_returns import MAX_REASON, ReturnRequest, ReturnStart, start_credit
from ui.catalog_picker import pick_replacement
from ui.context import AppContext
from ui.formatting import amount_for_editing
from ui.korean_particles import with_particles
from ui.ops import Op, failure_sentence
from ui.order_text import money
from ui.return_lines import ComingDelegate, ReturnLinesModel
from ui.screen_fit import place_within_screen, resize_within_screen
from ui.theme import problem_colour


class ReturnDialog(QDialog):
    """Opened from a shipped or done order's window; `recorded` carries save_return's result."""

    recorded = Signal(object)  # (OrderDetail, Changes, ReturnOutcome)

    def __init__(self, ctx: AppContext, order_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.order_id = order_id
        self.start: ReturnStart | None = None
        self._refund_typed = False
        self.setObjectName("returnDialog")
        self.setWindowTitle(self.tr("Return or exchange"))

        self.kind_return = QRadioButton(self.tr("&Return: the customer gets money back"), self)
        self.kind_exchange = QRadioButton(self.tr("E&xchange: the customer gets other goods"), self)
        self.kind_return.setChecked(True)
        kinds = QButtonGroup(self)
        kinds.addButton(self.kind_return)
        kinds.addButton(self.kind_exchange)
        self.kind_exchange.toggled.connect(self._kind_changed)

        self.model = ReturnLinesModel(self)
        self.model.picked.connect(self._update)
        self.table = QTableView(self)
        self.table.setObjectName("returnLines")
        self.table.setModel(self.model)
        self.table.setItemDelegate(ComingDelegate(self.model, self.table))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnHidden(ReturnLinesModel.NEW_ITEM, True)
        self.table.setColumnHidden(ReturnLinesModel.NEW_OPTION, True)
        self.table.doubleClicked.connect(self._cell_activated)
        # Enter on "Exchange for" opens the catalogue (and only that: the view would pass it on to the
        # dialog, which would record the exchange as soon as the item was chosen).
        self.table.installEventFilter(self)
        self.choose_button = QPushButton(self.tr("Choose &item from catalogue…"), self)
        self.choose_button.setObjectName("chooseReplacement")
        self.choose_button.setAutoDefault(False)
        self.choose_button.setToolTip(self.tr("The item sent instead of the highlighted line's"))
        self.choose_button.clicked.connect(lambda: self.choose_replacement())
        self.choose_button.hide()

        self.reason = QLineEdit(self)
        self.reason.setObjectName("returnReason")
        self.reason.setMaxLength(MAX_REASON)
        self.reason.setPlaceholderText(self.tr("e.g. too small, damaged in delivery, changed their mind"))
        self.goods_back = QCheckBox(
            self.tr("The goods are &back in the shop (they go back into stock)"), self
        )
        self.goods_back.setObjectName("goodsBack")
        self.goods_back.setToolTip(
            self.tr("Leave it unticked while the parcel is on its way: mark it arrived on the order later.")
        )
        self.refund = QLineEdit(self)
        self.refund.setObjectName("refundAmount")
        self.refund.setMaxLength(20)
        self.refund.textEdited.connect(self._refund_edited)
        self.refund_hint = QLabel(self)
        self.refund_hint.setWordWrap(True)
        self.refund_hint.setTextFormat(Qt.TextFormat.PlainText)
        refund_row = QHBoxLayout()
        refund_row.addWidget(self.refund)
        refund_row.addWidget(self.refund_hint, 1)

        form = QFormLayout()
        form.addRow(self.tr("Rea&son"), self.reason)
        form.addRow("", self.goods_back)
        refund_label = QLabel(self.tr("Re&fund"), self)
        refund_label.setBuddy(self.refund)  # (a row of a layout gets no buddy: its Alt letter showed as "&F")
        form.addRow(refund_label, refund_row)
        self.reason_label = form.labelForField(self.reason)

        self.summary = QLabel(self)
        self.summary.setObjectName("returnSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.stock_note = QLabel(self)
        self.stock_note.setObjectName("replacementStock")
        self.stock_note.setWordWrap(True)
        self.stock_note.setTextFormat(Qt.TextFormat.PlainText)
        self.stock_note.setStyleSheet(f"color: {problem_colour()}")
        self.stock_note.hide()
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet(f"color: {problem_colour()}")
        self.error.hide()

        self.save_button = QPushButton(self.tr("Record return"), self)
        self.save_button.setObjectName("recordReturn")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(False)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind_return)
        kind_row.addWidget(self.kind_exchange)
        kind_row.addStretch(1)
        layout.addLayout(kind_row)
        layout.addWidget(QLabel(self.tr("Type how many of each item come back:"), self))
        layout.addWidget(self.table, 1)
        choose_row = QHBoxLayout()
        choose_row.addWidget(self.choose_button)
        choose_row.addStretch(1)
        layout.addLayout(choose_row)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.stock_note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        resize_within_screen(self, QSize(720, 480))
        db = ctx.db
        Op(lambda: returnable(db, order_id), parent=self).success(self._started).failure(self._failed).run()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        place_within_screen(self)

    def _started(self, start: ReturnStart) -> None:
        self.start = start
        self.setWindowTitle(self.tr("Return or exchange · order {0}").format(start.number))
        self.model.set_start(start)
        db, ids = self.ctx.db, [line.item_id for line in start.lines if line.item_id is not None]
        Op(lambda: stock_options(db, ids), parent=self).success(self.model.set_counts).run()
        self.table.setFocus()
        self.table.setCurrentIndex(self.model.index(0, ReturnLinesModel.COMING))

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(failure_sentence(exc))
        self.error.show()

    def _kind_changed(self, exchange: bool) -> None:
        self.model.set_exchange(exchange)
        self.table.setColumnHidden(ReturnLinesModel.NEW_ITEM, not exchange)
        self.table.setColumnHidden(ReturnLinesModel.NEW_OPTION, not exchange)
        self.choose_button.setVisible(exchange)
        self.save_button.setText(self.tr("Record exchange") if exchange else self.tr("Record return"))
        self._refund_typed = False
        self._update()

    def _refund_edited(self, _text: str) -> None:
        self._refund_typed = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2)
            and self.table.state() != QAbstractItemView.State.EditingState
            and self.table.currentIndex().column() == ReturnLinesModel.NEW_ITEM
            and self.kind_exchange.isChecked()
        ):
            self.choose_replacement(self.table.currentIndex().row())
            return True
        return super().eventFilter(watched, event)

    def _cell_activated(self, index: QModelIndex) -> None:
        if index.column() == ReturnLinesModel.NEW_ITEM:
            self.choose_replacement(index.row())

    def choose_replacement(self, row: int | None = None) -> None:
        """Choose from the catalogue what goes instead of line `row` (the highlighted one, else the
        first coming back): its option, price and what is left of it are seen before it is chosen."""
        rows = self.model.rows
        if row is None:
            current = self.table.currentIndex().row()
            row = current if 0 <= current < len(rows) and rows[current].coming else None
        if row is None:
            row = next((i for i, r in enumerate(rows) if r.coming), None)
        if row is None or not self.kind_exchange.isChecked() or not rows[row].coming:
            self.summary.setText(self.tr("Type first how many of the item come back."))
            return
        r = rows[row]
        picked = pick_replacement(
            self, self.ctx, "", option=r.new_option, quantity=r.coming, current_code=r.new_code
        )
        if picked is None:
            return
        if picked.code != r.code and picked.currency.upper() != self.model.currency.upper():
            # Its price in won read as pence made a ₩22,000 cap a £220.00 replacement: refused,
            # as the order form refuses it, with the currencies named.
            self._failed(
                OrderError(
                    ErrorCode.ORDER_CURRENCY_OTHER,
                    OrderCurrencyParams(picked.name, picked.currency.upper(), self.model.currency.upper()),
                )
            )
            return
        self.error.hide()
        self.model.set_replacement(row, picked)
        self.table.setCurrentIndex(self.model.index(row, ReturnLinesModel.NEW_ITEM))

    def default_refund(self) -> int:
        """What she is to get back for the pieces picked (an exchange: what the replacement does not
        use of it)."""
        if self.start is None:
            return 0
        exchange = self.kind_exchange.isChecked()
        credit = start_credit(self.start, self.model.picks(), exchange=exchange)
        if not exchange:
            return credit
        return max(0, credit - self.model.replacement_value())

    def _update_stock_note(self) -> bool:
        """Say which replacement has not enough left (before she records it); True when one has."""
        short = self.model.shortage() if self.kind_exchange.isChecked() else None
        if short is not None:
            name = f"{short.new_name} {short.new_option}".strip()
            left = short.new_left or 0
            text = (
                self.tr("“{0}” is out of stock: choose another option or item to send instead.").format(name)
                if left <= 0
                else self.tr("Only {1} of “{0}” left, {2} to send: choose another option or item.").format(
                    name, left, short.coming
                )
            )
            self.stock_note.setText(with_particles(text))
        self.stock_note.setVisible(short is not None)
        return short is not None

    def _update(self) -> None:
        start = self.start
        picks = self.model.picks()
        short = self._update_stock_note()
        self.save_button.setEnabled(start is not None and bool(picks) and not short)
        if start is None:
            return
        cur = start.currency
        if not self._refund_typed:
            self.refund.setText(amount_for_editing(self.default_refund(), cur))
        self.refund_hint.setText(
            self.tr("Paid and not refunded: {0}.").format(money(start.refundable_minor, cur))
        )
        count = sum(p.quantity for p in picks)
        if not picks:
            self.summary.setText(self.tr("Choose what comes back."))
        elif self.kind_exchange.isChecked():
            credit = start_credit(start, picks, exchange=True)
            value = self.model.replacement_value()
            if value > credit:
                text = self.tr("A new order is made; it asks the customer for the difference of {0}.").format(
                    money(value - credit, cur)
                )
            else:
                text = self.tr("A new order is made and marked paid: no payment is asked.")
                if credit > value:
                    text += " " + self.tr("The rest of what she paid, {0}, is hers to get back.").format(
                        money(credit - value, cur)
                    )
            self.summary.setText(with_particles(self.tr("%Ln piece(s) come back.", "", count) + " " + text))
        else:
            self.summary.setText(self.tr("%Ln piece(s) come back.", "", count))

    def request(self) -> ReturnRequest:
        """What the owner chose; raises the money parser's error for a refund that is not an amount."""
        cur = self.start.currency if self.start is not None else "KRW"
        text = self.refund.text().strip()
        refund = amount_to_minor(text, cur) if text else None
        exchange = self.model.replacements() if self.kind_exchange.isChecked() else ()
        return ReturnRequest(
            self.model.picks(), self.reason.text(), self.goods_back.isChecked(), refund, exchange
        )

    def _commit_open_editor(self) -> None:
        """A cell still being typed in counts as typed (Record clicked or Enter pressed in it)."""
        index = self.table.currentIndex()
        editor = self.table.indexWidget(index) if index.isValid() else None
        if editor is not None:
            self.table.itemDelegate().setModelData(editor, self.model, index)

    def save(self) -> None:
        self._commit_open_editor()
        if not self.model.picks():
            return
        try:
            request = self.request()
        except InvalidInput as exc:
            self._failed(exc)
            self.refund.setFocus()
            return
        db, order_id = self.ctx.db, self.order_id
        self.save_button.setEnabled(False)

        def done(result: Any) -> None:
            self.recorded.emit(result)
            self.accept()

        def refused(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            self._failed(exc)

        Op(lambda: save_return(db, order_id, request), parent=self).success(done).failure(refused).run()
