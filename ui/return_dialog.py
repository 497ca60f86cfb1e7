"""A shipped order's return or exchange: which pieces come back, why, whether they are here, the refund."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
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
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import InvalidInput
from app.money import amount_to_minor, edit_amount, to_decimal
from app.order_actions import returnable, save_return
from app.order_returns import MAX_REASON, ReturnLine, ReturnRequest, ReturnStart, start_credit
from app.orders import LineInput
from ui.context import AppContext
from ui.ops import Op, failure_sentence
from ui.order_text import money
from ui.screen_fit import place_within_screen, resize_within_screen
from ui.theme import problem_colour

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(slots=True)
class _Row:
    position: int
    name: str
    option: str
    code: str
    bought: int
    returned: int
    unit_price_minor: int
    coming: int = 0  # pieces coming back now
    new_code: str = ""  # an exchange: the item sent instead (its code) and its option
    new_option: str = ""

    @property
    def left(self) -> int:
        return self.bought - self.returned


class ReturnLinesModel(QAbstractTableModel):
    """The order's lines; "Coming back" is typed (0 to what is left), and for an exchange the item and
    option sent instead."""

    picked = Signal()

    ITEM, BOUGHT, COMING, NEW_CODE, NEW_OPTION = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[_Row] = []
        self.currency = "KRW"
        self.exchange = False

    def set_start(self, start: ReturnStart) -> None:
        self.beginResetModel()
        self.currency = start.currency
        self.rows = [
            _Row(
                line.position,
                line.name,
                line.option,
                line.code,
                line.bought,
                line.returned,
                line.unit_price_minor,
                coming=line.left if len(start.lines) == 1 else 0,
                new_code=line.code,
                new_option=line.option,
            )
            for line in start.lines
        ]
        self.endResetModel()
        self.picked.emit()

    def set_exchange(self, exchange: bool) -> None:
        self.exchange = exchange
        if self.rows:
            self.dataChanged.emit(
                self.index(0, self.NEW_CODE), self.index(len(self.rows) - 1, self.NEW_OPTION)
            )

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Item"),
            self.tr("Bought"),
            self.tr("Coming back"),
            self.tr("Exchange for (code)"),
            self.tr("Option"),
        )[section]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        row = self.rows[index.row()]
        column = index.column()
        if column == self.COMING and row.left > 0:
            flags |= Qt.ItemFlag.ItemIsEditable
        if column in (self.NEW_CODE, self.NEW_OPTION) and self.exchange and row.coming:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.ITEM:
                name = f"{r.name} · {r.option}" if r.option else r.name
                return f"{name} ({money(r.unit_price_minor, self.currency)})"
            if column == self.BOUGHT:
                if r.returned and role == Qt.ItemDataRole.DisplayRole:
                    return self.tr("{0} ({1} returned before)").format(r.bought, r.returned)
                return r.bought
            if column == self.COMING:
                return r.coming
            if not self.exchange or not r.coming:
                return (
                    ""
                    if role == Qt.ItemDataRole.DisplayRole
                    else (r.new_code if column == 3 else r.new_option)
                )
            return r.new_code if column == self.NEW_CODE else r.new_option
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.BOUGHT, self.COMING):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        r = self.rows[index.row()]
        column = index.column()
        if column == self.COMING:
            try:
                r.coming = max(0, min(r.left, int(value)))
            except (TypeError, ValueError):
                return False
            self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 4))
        elif column == self.NEW_CODE:
            r.new_code = str(value).strip()[:100] or r.code
        elif column == self.NEW_OPTION:
            r.new_option = str(value).strip()[:100]
        else:
            return False
        self.dataChanged.emit(index, index)
        self.picked.emit()
        return True

    def picks(self) -> tuple[ReturnLine, ...]:
        return tuple(ReturnLine(r.position, r.coming) for r in self.rows if r.coming)

    def replacements(self) -> tuple[LineInput, ...]:
        """What an exchange sends instead: the same item at the price she paid, or another item at
        the catalogue's price."""
        out = []
        for r in self.rows:
            if not r.coming:
                continue
            same = r.new_code == r.code
            price = to_decimal(r.unit_price_minor, self.currency) if same else None
            out.append(
                LineInput(r.new_code, r.coming, price, self.currency, r.new_option, r.name if same else "")
            )
        return tuple(out)

    def replacement_value(self) -> int | None:
        """The replacement's price when every item is the returned one (known here), else None."""
        if any(r.coming and r.new_code != r.code for r in self.rows):
            return None
        return sum(r.coming * r.unit_price_minor for r in self.rows)


class ComingDelegate(QStyledItemDelegate):
    """ "Coming back" is typed in a spin box bounded by what is left, and counts as she types: a number
    typed and confirmed at once (Record clicked while the cell is still open, Enter) is the one kept."""

    def __init__(self, model: ReturnLinesModel, view: QTableView) -> None:
        super().__init__(view)
        self.model = model
        self.view = view

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        if index.column() != ReturnLinesModel.COMING:
            return super().createEditor(parent, option, index)
        editor = QSpinBox(parent)
        editor.setFrame(False)
        editor.setRange(0, self.model.rows[index.row()].left)
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        editor.setAccessibleName(self.tr("Coming back"))
        editor.valueChanged.connect(lambda _value: self._typed(editor))
        return editor

    def _typed(self, editor: QSpinBox) -> None:
        if self.view.indexWidget(self.view.currentIndex()) is editor:  # not one closing
            self.commitData.emit(editor)

    def setModelData(self, editor: QWidget, model: Any, index: AnyIndex) -> None:
        if isinstance(editor, QSpinBox):
            editor.interpretText()
            if model.data(index, Qt.ItemDataRole.EditRole) == editor.value():
                return  # nothing new: no refund retyped by a commit of the same number
        super().setModelData(editor, model, index)


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
        self.table.setColumnHidden(ReturnLinesModel.NEW_CODE, True)
        self.table.setColumnHidden(ReturnLinesModel.NEW_OPTION, True)

        self.reason = QLineEdit(self)
        self.reason.setObjectName("returnReason")
        self.reason.setMaxLength(MAX_REASON)
        self.reason.setPlaceholderText(self.tr("e.g. too small, damaged in delivery, changed her mind"))
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
        layout.addLayout(form)
        layout.addWidget(self.summary)
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
        self.table.setFocus()
        self.table.setCurrentIndex(self.model.index(0, ReturnLinesModel.COMING))

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(failure_sentence(exc))
        self.error.show()

    def _kind_changed(self, exchange: bool) -> None:
        self.model.set_exchange(exchange)
        self.table.setColumnHidden(ReturnLinesModel.NEW_CODE, not exchange)
        self.table.setColumnHidden(ReturnLinesModel.NEW_OPTION, not exchange)
        self.save_button.setText(self.tr("Record exchange") if exchange else self.tr("Record return"))
        self._refund_typed = False
        self._update()

    def _refund_edited(self, _text: str) -> None:
        self._refund_typed = True

    def default_refund(self) -> int | None:
        """What she is to get back for the pieces picked (an exchange: what the replacement does not
        use of it); None when the replacement's price is the catalogue's, known once recorded."""
        if self.start is None:
            return 0
        credit = start_credit(self.start, self.model.picks())
        if not self.kind_exchange.isChecked():
            return credit
        value = self.model.replacement_value()
        return None if value is None else max(0, credit - value)

    def _update(self) -> None:
        start = self.start
        picks = self.model.picks()
        self.save_button.setEnabled(start is not None and bool(picks))
        if start is None:
            return
        cur = start.currency
        default = self.default_refund()
        if not self._refund_typed:
            self.refund.setText(edit_amount(default, cur) if default is not None else "")
        hint = self.tr("Paid and not refunded: {0}.").format(money(start.refundable_minor, cur))
        if default is None:
            hint += " " + self.tr("Empty: worked out from the catalogue's price of the new item.")
        self.refund_hint.setText(hint)
        count = sum(p.quantity for p in picks)
        if not picks:
            self.summary.setText(self.tr("Choose what comes back."))
        elif self.kind_exchange.isChecked():
            credit = start_credit(start, picks)
            value = self.model.replacement_value()
            if value is None:
                text = self.tr(
                    "A new order is made for the other items, less the {0} paid for the returned ones."
                ).format(money(credit, cur))
            elif value > credit:
                text = self.tr("A new order is made; it asks the customer for the difference of {0}.").format(
                    money(value - credit, cur)
                )
            else:
                text = self.tr("A new order is made and marked paid: no payment is asked.")
            self.summary.setText(self.tr("%n piece(s) come back.", "", count) + " " + text)
        else:
            self.summary.setText(self.tr("%n piece(s) come back.", "", count))

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
