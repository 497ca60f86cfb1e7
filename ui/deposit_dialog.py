"""Match bank deposits: open the bank's transactions, tick the matches, and those orders are paid."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.db import Database
from app.deposits import Deposit, DepositMatch, MatchKind, deposit_moment, split_deposit_at
from app.errors import ErrorCode, ShopInboxError
from app.order_actions import bank_file_matches, confirm_payments, note_refund_due, restore_paid_by_deposit
from app.transfer_names import transfers_named
from ui.context import AppContext, OwnChanges
from ui.formatting import day_pattern, display_locale, list_time, qdate
from ui.korean_particles import with_particles
from ui.ops import Op, failure_sentence
from ui.order_text import money
from ui.plain_tooltip import plain_tooltip
from ui.save_paths import Picked, open_file_name
from ui.screen_fit import resize_within_screen
from ui.theme import problem_colour

log = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex


def deposit_when(at: str, today: date | None = None, country: str = "KR") -> str:
    """A deposit's moment as the bank wrote it ("2026-12-05 11:02:10", "2026.12.05", "20261205
    110210"; "05/12/2026 11:02" in the shop's `country`'s order), in the owner's words: "12월 5일 (토)
    오전 11:02", the year only when not this one's; as written when it is no date."""
    day, rest = split_deposit_at(at, country)
    if day is None:
        return at
    locale = display_locale()
    this_year = day.year == (today or date.today()).year
    text = locale.toString(qdate(day), day_pattern(locale, weekday=True, year=not this_year))
    clock = re.match(r"[\sT,]*(\d{1,2}):?(\d{2})(?::?\d{2})?\s*$", rest)
    if clock is not None and int(clock.group(1)) < 24 and int(clock.group(2)) < 60:
        time = QTime(int(clock.group(1)), int(clock.group(2)))
        text += " " + locale.toString(time, QLocale.FormatType.ShortFormat)
    return text


def placed_when(moment: datetime, today: date | None = None) -> str:
    """When an order was placed, as a deposit's moment is said beside it ("12월 3일 (목) 오후 2:10"),
    on the clock `moment` is on (the shop's, as the bank's), so the owner compares the two at a glance."""
    return deposit_when(moment.strftime("%Y-%m-%d %H:%M"), today)


class DepositModel(QAbstractTableModel):
    """One row per deposit: ✓, date, depositor, amount, the order offered, how sure the match is."""

    def __init__(self, parent: QWidget | None = None, currency: str = "KRW", country: str = "KR") -> None:
        super().__init__(parent)
        self.matches: list[DepositMatch] = []
        self.checked: list[bool] = []
        self.currency = currency  # the shop's, which the bank file's amounts are read in
        self.country = country  # the shop's, whose banks' order of day and month its dates are read in
        # The column the owner sorted by (-1: the bank file's own order) and which way.
        self.sort_column, self.sort_order = -1, Qt.SortOrder.AscendingOrder

    def set_matches(self, matches: list[DepositMatch]) -> None:
        self.beginResetModel()
        # Sure matches are ticked; "amount only" waits for the owner, who knows their customers.
        # Her transfers that add up to her order exactly are ticked too: together they pay it.
        ticked = [
            m.kind in (MatchKind.NAME_AND_AMOUNT, MatchKind.SEVERAL_ORDERS)
            or (m.kind == MatchKind.NAME_OTHER_AMOUNT and bool(m.parts))
            for m in matches
        ]
        rows = sorted(range(len(matches)), key=lambda row: self._sort_key(matches[row], self.sort_column))
        if self.sort_order == Qt.SortOrder.DescendingOrder:
            rows.reverse()
        self.matches = [matches[row] for row in rows]
        self.checked = [ticked[row] for row in rows]
        self.endResetModel()

    def _sort_key(self, m: DepositMatch, column: int) -> tuple[Any, ...]:
        """What a column sorts by: money by its amount (then what of it is free), moments by when,
        words as words; the bank file's order last, and alone for column -1."""
        if column == 0:
            made = deposit_moment(m.deposit.at, self.country)
            return (made is None, made.timestamp() if made is not None else 0.0, m.deposit.row)
        if column == 1:
            return (m.deposit.name.casefold(), m.deposit.row)
        if column == 2:
            return (m.deposit.amount, m.free if m.paid_already else 0, m.deposit.row)
        if column in (3, 4):
            text = self.data(self.index(0, column), Qt.ItemDataRole.DisplayRole, match=m)
            return (str(text or "").casefold(), m.deposit.row)
        return (m.deposit.row,)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted as the owner clicked a column's title; the ticks and the current row go along."""
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        rows = sorted(range(len(self.matches)), key=lambda row: self._sort_key(self.matches[row], column))
        if order == Qt.SortOrder.DescendingOrder:
            rows.reverse()
        moved_to = {old: new for new, old in enumerate(rows)}
        self.matches = [self.matches[row] for row in rows]
        self.checked = [self.checked[row] for row in rows]
        before = self.persistentIndexList()
        self.changePersistentIndexList(
            before, [self.index(moved_to[i.row()], i.column()) if i.isValid() else i for i in before]
        )
        self.layoutChanged.emit()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.matches)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Deposited"),
            self.tr("Depositor") if transfers_named(self.country) else self.tr("Reference"),
            self.tr("Amount"),
            self.tr("Order"),
            self.tr("Match"),
        )[section]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.column() == 0 and self.matches[index.row()].order_ids():
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(
        self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole, *, match: DepositMatch | None = None
    ) -> Any:
        """`match`: a row's text for this match instead of the row's (its sort key by its words)."""
        if match is None and not index.isValid():
            return None
        m = match if match is not None else self.matches[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col == 0 and m.order_ids():
            return Qt.CheckState.Checked if self.checked[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return plain_tooltip(m.deposit.at)  # as the bank wrote it, to find it in the bank's own screen
        if role == Qt.ItemDataRole.ToolTipRole and col in (3, 4):
            return plain_tooltip(self.data(index))  # a long one is cut at the column's edge
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == 0:
            return deposit_when(m.deposit.at, country=self.country)
        if col == 1:
            return m.deposit.name
        if col == 2:
            if m.paid_already:  # part of it pays orders still: what is left to match
                return self.tr("{0} · {1} free").format(
                    money(m.deposit.amount, self.currency), money(m.free, self.currency)
                )
            return money(m.deposit.amount, self.currency)
        if col == 3:
            number = " + ".join(number for _id, number in m.together) or m.number
            text = f"{number} · {m.customer}" if number and m.customer else (number or "—")
            if m.placed_at is not None and not m.together:
                # When it was ordered, beside when the money came: why it is (or is not) offered.
                text = self.tr("{0} · ordered {1}").format(text, placed_when(m.placed_at))
            return text
        reason = self._reason(m)
        if m.paid_already:  # the rest of a deposit that paid several orders, one moved back since
            return with_particles(
                self.tr("{0} of it is free again ({1} stays paid by it). {2}").format(
                    money(m.free, self.currency), ", ".join(m.paid_already), reason
                )
            )
        return reason

    def _reason(self, m: DepositMatch) -> str:
        """Why the deposit (or its free part) is matched so, or why it is not."""
        if m.kind == MatchKind.NAME_AND_AMOUNT:
            return self.tr("Name and amount")
        if m.kind == MatchKind.AMOUNT_ONLY:
            expected = (
                self.tr("Amount only: expected depositor “{0}”")
                if transfers_named(self.country)
                else self.tr("Amount only: expected reference “{0}”")
            )
            return expected.format(m.depositor_name or m.customer)
        if m.kind == MatchKind.BEFORE_REQUEST:
            if m.same_name:
                return self.tr("Order before the payment request: name and amount")
            return self.tr("Order before the payment request: amount only")
        if m.kind == MatchKind.SEVERAL_ORDERS:
            return self.tr("One deposit for %Ln orders: name and their total", "", len(m.together))
        if m.kind == MatchKind.SEVERAL_ORDERS_UNSURE:
            sets = self.tr(" or ").join(" + ".join(numbers) for numbers in m.choices)
            return self.tr(
                "This customer's orders add up to this amount in more than one way ({0}): "
                "mark the right ones paid in their windows"
            ).format(sets)
        if m.kind == MatchKind.AFTER_CANCEL and m.cancelled_at is not None:
            return self.tr(
                "Its order was cancelled when the payment deadline passed ({0}): choose below"
            ).format(list_time(m.cancelled_at))
        if m.kind == MatchKind.MARKED_PAID and m.parts:
            return self.tr(
                "Her %Ln deposits in this file add up to an order you marked paid yourself ({0}): "
                "nothing to do",
                "",
                m.parts,
            ).format(m.number)
        if m.kind == MatchKind.MARKED_PAID:
            return self.tr(
                "Name and amount of an order you marked paid yourself ({0}): nothing to do"
            ).format(m.number)
        if m.kind == MatchKind.SAME_NAME_UNSURE and len(m.choices_placed) == len(m.choices):
            listed = ", ".join(
                self.tr("{0} (ordered {1})").format(numbers[0], placed_when(placed))
                for numbers, placed in zip(m.choices, m.choices_placed, strict=True)
            )
            return self.tr(
                "%Ln orders under this name wait for this amount, the one ordered nearest before the "
                "deposit first: {0}. If the first is hers, mark it paid below; "
                "else the right one in its window",
                "",
                len(m.choices),
            ).format(listed)
        if m.kind == MatchKind.SAME_NAME_UNSURE:
            return self.tr(
                "%Ln orders under this name wait for this amount ({0}): "
                "mark the right one paid in its window",
                "",
                len(m.choices),
            ).format(", ".join(numbers[0] for numbers in m.choices))
        if m.kind == MatchKind.PLACED_AFTER:
            return self.tr(
                "Name and amount of order {0}, but it was placed after this deposit: not its payment"
            ).format(m.number)
        if m.kind == MatchKind.NAME_OTHER_AMOUNT:
            if m.parts:
                return self.tr(
                    "Name only: her %Ln deposits in this file add up to the order's {0}: "
                    "ticked together, they mark it paid",
                    "",
                    m.parts,
                ).format(money(m.expected, self.currency))
            if m.matched_amount() < m.expected:
                sentence = self.tr("Name only: {0} less than the order's {1}: ask for the rest")
            else:
                sentence = self.tr("Name only: {0} more than the order's {1}: refund the difference")
            return sentence.format(
                money(abs(m.expected - m.matched_amount()), self.currency), money(m.expected, self.currency)
            )
        if m.kind == MatchKind.REFUND_NOTED:
            return self.tr("Left for a refund ({0})").format(m.number)
        if m.kind == MatchKind.ALREADY_APPLIED:
            return self.tr("Already applied ({0})").format(m.number)
        if m.kind == MatchKind.RESTORED_PAID and m.also_pays:
            return self.tr("Restored as paid ({0}); the rest of it pays {1}").format(
                m.number, ", ".join(m.also_pays)
            )
        if m.kind == MatchKind.RESTORED_PAID:
            return self.tr("Restored as paid ({0})").format(m.number)
        if m.open_with_amount:
            return self.tr(
                "%Ln open order(s) have this amount, but none waits for this deposit alone: check the orders",
                "",
                m.open_with_amount,
            )
        return self.tr("No order has this amount")

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        on = Qt.CheckState(value) == Qt.CheckState.Checked
        m = self.matches[index.row()]
        for row, other in enumerate(self.matches):
            # Her parts of one order are ticked and unticked together: one alone does not pay it.
            if row == index.row() or (
                m.parts and other.parts and other.order_id == m.order_id and other.order_ids()
            ):
                self.checked[row] = on
                self.dataChanged.emit(self.index(row, 0), self.index(row, 0))
        return True

    def settle(self, row: int, kind: str) -> None:
        """The owner chose for the late deposit in `row`: it now reads as restored, or left for a refund."""
        m = self.matches[row]
        if kind == MatchKind.RESTORED_PAID and m.paid_already:
            # Its free part paid the restored order: none of it is free now, and the rest pays them.
            self.matches[row] = replace(
                m,
                order_id=None,
                kind=kind,
                also_pays=m.paid_already,
                paid_already=(),
                free=0,
                recorded_id=m.order_id,
            )
        else:  # recorded on its order now: nothing to tick, its order still opens
            self.matches[row] = replace(m, order_id=None, kind=kind, recorded_id=m.order_id)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def proposal(self, row: int) -> DepositMatch | None:
        """The match in `row` when it proposes one order the owner may mark paid herself: the one
        placed nearest before the deposit, of several under its name and amount (never ticked)."""
        if not 0 <= row < len(self.matches):
            return None
        m = self.matches[row]
        return m if m.kind == MatchKind.SAME_NAME_UNSURE and m.order_id is not None else None

    def keep_ticks(self, before: list[DepositMatch], ticked: list[bool]) -> None:
        """The file matched again: the owner's own ticks and unticks stay on the rows that offer the
        same orders as before."""
        was = {(m.deposit.row, m.order_ids()): on for m, on in zip(before, ticked, strict=True)}
        for row, m in enumerate(self.matches):
            on = was.get((m.deposit.row, m.order_ids()))
            if on is not None and m.order_ids() and on != self.checked[row]:
                self.checked[row] = on
                self.dataChanged.emit(self.index(row, 0), self.index(row, 0))

    def confirmed(self) -> list[DepositMatch]:
        return [m for m, on in zip(self.matches, self.checked, strict=True) if on and m.order_ids()]


class DepositDialog(QDialog):
    paid = Signal(list)  # order ids moved to Paid
    restored = Signal(int, str)  # an order the deadline cancelled, restored as paid: its id and number
    open_requested = Signal(int)  # a row was double-clicked: its order, to open

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("depositDialog")
        self.setWindowTitle(self.tr("Match bank deposits"))
        resize_within_screen(self, QSize(980, 500))
        named = self.tr(
            "Download the account's transactions from your bank as an Excel (.xlsx) or CSV file and "
            "open it here. Deposits are matched to orders awaiting payment by depositor name and amount; "
            "one deposit for several of a customer's orders, by their total; tick the ones to confirm. "
            "A deposit under another name is matched by amount only, and one "
            "for a new order not yet asked for payment as such; both are left for you."
        )
        referenced = self.tr(
            "Download the account's transactions from your bank as an Excel (.xlsx) or CSV file and "
            "open it here. Payments are matched to orders awaiting payment by payment reference and "
            "amount; one payment for several of a customer's orders, by their total; tick the ones to "
            "confirm. A payment with another reference is matched by amount only, and one for a new "
            "order not yet asked for payment as such; both are left for you."
        )
        intro = QLabel(named if transfers_named(ctx.shop_region) else referenced, self)
        intro.setWordWrap(True)
        self.file_label = QLabel(self)
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        choose = QPushButton(self.tr("&Open bank file…"), self)
        choose.clicked.connect(self.choose_file)
        self.model = DepositModel(self, ctx.currency, ctx.shop_region)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Deposits"))
        self.table.setModel(self.model)
        # Sorted by a column's title when clicked (money by its amount); first as the bank wrote them.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        # One deposit may pay several orders: their numbers are read whole ("2026-0003 + 2026-0008").
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        # "12월 5일 (토) 오전 11:02" on one line; so "132,000원 · 42,000원 남음".
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        # Why a deposit matched (or not) is read whole: its row takes the lines its reason wraps to
        # (at 1366×768 the reason column was two lines ending in "…").
        rows = self.table.verticalHeader()
        rows.setMinimumSectionSize(rows.defaultSectionSize())  # a one-line row as roomy as before
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Its order's window, to mark it paid there (a part payment) or see what it is.
        self.table.doubleClicked.connect(self._open_row)
        self.table.installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(self.show_late_choice)
        self.table.selectionModel().currentRowChanged.connect(self.show_proposal)
        # A deposit after the payment deadline cancelled its order: the owner's two ways on.
        self.late_text = QLabel(self)
        self.late_text.setWordWrap(True)
        self.late_text.setTextFormat(Qt.TextFormat.PlainText)
        self.restore_button = QPushButton(self.tr("&Restore the order as paid"), self)
        self.restore_button.clicked.connect(self.restore_late)
        self.refund_button = QPushButton(self.tr("&Leave it for a refund"), self)
        self.refund_button.clicked.connect(self.refund_late)
        self.late_bar = QWidget(self)
        late_row = QHBoxLayout(self.late_bar)
        late_row.setContentsMargins(0, 0, 0, 0)
        late_row.addWidget(self.late_text, 1)
        late_row.addWidget(self.refund_button)
        late_row.addWidget(self.restore_button)
        self.late_bar.hide()
        # A deposit several orders of its name and amount could take: the one placed nearest before
        # it, which the owner may mark paid here if she knows it is hers (never for her).
        self.proposal_text = QLabel(self)
        self.proposal_text.setWordWrap(True)
        self.proposal_text.setTextFormat(Qt.TextFormat.PlainText)
        self.proposal_button = QPushButton(self)
        self.proposal_button.clicked.connect(self.pay_proposal)
        self.proposal_bar = QWidget(self)
        proposal_row = QHBoxLayout(self.proposal_bar)
        proposal_row.setContentsMargins(0, 0, 0, 0)
        proposal_row.addWidget(self.proposal_text, 1)
        proposal_row.addWidget(self.proposal_button)
        self.proposal_bar.hide()
        self.path: Path | None = None
        self._loads = 0  # the file's matchings begun: an older one's answer, come late, is dropped
        # An order moved elsewhere (its window, the board: moved back, cancelled, marked paid) while
        # the file is shown: its rows are matched again, not left saying what is no longer so.
        self.own_changes = OwnChanges(ctx)
        ctx.hub.changed.connect(self._hub_changed)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {problem_colour()}")
        self.problem.hide()
        self.confirm_button = QPushButton(self.tr("&Mark checked orders paid"), self)
        self.confirm_button.setEnabled(False)
        self.confirm_button.clicked.connect(self.confirm)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(choose)
        top.addWidget(self.file_label, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        bottom.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.late_bar)
        layout.addWidget(self.proposal_bar)
        layout.addWidget(self.problem)
        layout.addLayout(bottom)

    def _hub_changed(self, changes: Changes) -> None:
        if changes.orders and self.path is not None and not self.own_changes.publishing:
            self.load_file(self.path, again=True)

    def _open_row(self, index: QModelIndex) -> None:
        """Opens the order of the row of `index`, if it belongs to one."""
        if not 0 <= index.row() < len(self.model.matches):
            return
        order_id = self.model.matches[index.row()].order_to_open()
        if order_id is not None:
            self.open_requested.emit(order_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter on a row opens its order, as a double-click does; on a row of no order it does
        # nothing, rather than press the window's default button (the file dialog popped up).
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            self._open_row(self.table.currentIndex())
            return True
        return super().eventFilter(watched, event)

    def choose_file(self) -> None:
        name = open_file_name(
            self,
            Picked.BANK_FILE,
            self.tr("Open bank file"),
            self.tr("Bank transactions (*.xlsx *.xls *.csv *.txt)"),
        )
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path, *, again: bool = False) -> None:
        """Match the bank file's deposits; `again`: the same file once more, after an order was
        marked paid here (the owner's ticks and the row she is on stay)."""
        db = self.ctx.db
        self.path = path
        before, ticked = list(self.model.matches), list(self.model.checked)
        current = self.table.currentIndex().row()
        self._loads += 1
        load = self._loads

        def work() -> list[DepositMatch]:
            return bank_file_matches(db, path)

        def done(found: list[DepositMatch]) -> None:
            if load != self._loads:
                return  # a later matching of the file answers for it
            self.problem.hide()
            self.file_label.setText(path.name)
            self.model.set_matches(found)
            matches = self.model.matches  # in the order the owner sorted them
            self.confirm_button.setEnabled(any(m.order_ids() for m in matches))
            if again:
                self.model.keep_ticks(before, ticked)
                if 0 <= current < len(matches):
                    self.table.setCurrentIndex(self.model.index(current, 0))
                self.show_late_choice()  # the row she is on may read otherwise now
                self.show_proposal()
                return
            late = [row for row, m in enumerate(matches) if m.kind == MatchKind.AFTER_CANCEL]
            proposed = [row for row in range(len(matches)) if self.model.proposal(row) is not None]
            # The money would go unnoticed: put the first choice in front of the owner (a late
            # deposit's first; else an order proposed for a deposit, nothing marked for her).
            if late or proposed:
                self.table.setCurrentIndex(self.model.index((late or proposed)[0], 0))

        def failed(exc: BaseException) -> None:
            if load != self._loads:
                return
            self.model.set_matches([])
            self.confirm_button.setEnabled(False)
            self.problem.setText(failure_sentence(exc))
            self.problem.show()

        Op(work, parent=self).success(done).failure(failed).run()

    def confirm(self) -> None:
        confirmed = self.model.confirmed()
        pairs = [(order_id, m.deposit) for m in confirmed for order_id in m.order_ids()]
        if not pairs:
            return
        db = self.ctx.db

        def work() -> tuple[list[int], Changes]:
            return confirm_payments(db, pairs)

        def done(result: tuple[list[int], Changes]) -> None:
            order_ids, changes = result
            self.own_changes.publish(changes)
            self.accept()
            # The order actions say how many are paid now, in the question whether to tell their
            # customers (one window, not a summary box and then the question).
            self.paid.emit(order_ids)

        def failed(exc: BaseException) -> None:
            self.problem.setText(failure_sentence(exc))
            self.problem.show()

        Op(work, parent=self).success(done).failure(failed).run()

    def show_proposal(self) -> None:
        row = self.table.currentIndex().row()
        m = self.model.proposal(row)
        self.proposal_bar.setVisible(m is not None)
        if m is None:
            return
        placed = placed_when(m.placed_at) if m.placed_at is not None else ""
        self.proposal_text.setText(
            with_particles(
                self.tr(
                    "{0} · {1}, ordered {2}, is the order placed nearest before this deposit of {3}, of "
                    "%Ln order(s) under this name for this amount. Mark it paid if you know it is hers.",
                    "",
                    len(m.choices),
                ).format(m.number, m.customer, placed, money(m.matched_amount(), self.ctx.currency))
            )
        )
        self.proposal_button.setText(self.tr("Mark {0} &paid").format(m.number))
        self.proposal_button.setAccessibleName(self.tr("Mark order {0} paid").format(m.number))

    def pay_proposal(self) -> None:
        """The owner marks the proposed order paid by this deposit: as a ticked match, its history
        names the deposit and its "payment confirmed" message is offered; the file is matched again."""
        row = self.table.currentIndex().row()
        m = self.model.proposal(row)
        if m is None or m.order_id is None or self.path is None:
            return
        order_id, deposit, db, path = m.order_id, m.deposit, self.ctx.db, self.path
        self.proposal_button.setEnabled(False)  # one click, one payment

        def work() -> tuple[list[int], Changes]:
            return confirm_payments(db, [(order_id, deposit)])

        def done(result: tuple[list[int], Changes]) -> None:
            order_ids, changes = result
            self.proposal_button.setEnabled(True)
            self.own_changes.publish(changes)
            self.load_file(path, again=True)  # the row reads "already applied"; others may change
            self.paid.emit(order_ids)

        def failed(exc: BaseException) -> None:
            self.proposal_button.setEnabled(True)
            self.problem.setText(failure_sentence(exc))
            self.problem.show()

        Op(work, parent=self).success(done).failure(failed).run()

    def late_match(self) -> tuple[int, DepositMatch] | None:
        """The current row, when it is a deposit that came after its order was cancelled."""
        row = self.table.currentIndex().row()
        if 0 <= row < len(self.model.matches) and self.model.matches[row].kind == MatchKind.AFTER_CANCEL:
            return row, self.model.matches[row]
        return None

    def show_late_choice(self) -> None:
        late = self.late_match()
        self.late_bar.setVisible(late is not None)
        if late is None:
            return
        m = late[1]
        if m.paid_already:  # the money came before: its part was freed when the order was moved back
            self.late_text.setText(
                with_particles(
                    self.tr(
                        "{0} · {1} was cancelled when its payment deadline passed. {2} of a deposit that "
                        "pays {3} is free since the order was moved back. Restore it as paid with that "
                        "part (its items are taken from stock again), or leave that part to be refunded "
                        "(noted in the order's history)."
                    ).format(
                        m.number,
                        m.customer,
                        money(m.matched_amount(), self.ctx.currency),
                        ", ".join(m.paid_already),
                    )
                )
            )
            return
        self.late_text.setText(
            with_particles(
                self.tr(
                    "{0} · {1} was cancelled when its payment deadline passed, and {2} came afterwards. "
                    "Restore it as paid (its items are taken from stock again), or leave the money to be "
                    "refunded (noted in the order's history)."
                ).format(m.number, m.customer, money(m.matched_amount(), self.ctx.currency))
            )
        )

    def restore_late(self) -> None:
        """The late deposit pays its order after all: restored as paid, its message offered."""
        self._settle_late(restore_paid_by_deposit, MatchKind.RESTORED_PAID, paid=True)

    def refund_late(self) -> None:
        """The late deposit is to be given back: its order stays cancelled, its history says so."""
        self._settle_late(note_refund_due, MatchKind.REFUND_NOTED, paid=False)

    def _settle_late(
        self, action: Callable[[Database, int, Deposit], Changes], kind: str, *, paid: bool
    ) -> None:
        late = self.late_match()
        if late is None or late[1].order_id is None:
            return
        row, order_id, deposit, db = late[0], late[1].order_id, late[1].deposit, self.ctx.db
        number = late[1].number

        def work() -> Changes:
            return action(db, order_id, deposit)

        def done(changes: Changes) -> None:
            self.own_changes.publish(changes)
            self.model.settle(row, kind)
            self.show_late_choice()
            if not self.late_bar.isVisible():  # its buttons went: the owner stays on the rows,
                self.table.setFocus()  # not on Open bank file…, which her next Enter pressed
            self.problem.hide()
            if paid:  # its "payment confirmed" message is offered, as for the ticked ones
                self.restored.emit(order_id, number)

        Op(work, parent=self).success(done).failure(self.show_late_problem).run()

    def show_late_problem(self, exc: BaseException) -> None:
        text = failure_sentence(exc)
        if isinstance(exc, ShopInboxError) and exc.code is ErrorCode.ORDER_OUT_OF_STOCK:
            text += " " + self.tr(
                "The order stays cancelled: add the new stock in the catalogue and try again, or leave the "
                "money for a refund."
            )
        self.problem.setText(text)
        self.problem.show()
