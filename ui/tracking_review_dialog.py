"""The review of a courier's file before it moves anything: each row, what it would do, ticked or not."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.shipping_sheets import SkippedRow, SkipReason, TrackingPlan
from ui.korean_particles import with_particles
from ui.plain_tooltip import plain_tooltip
from ui.screen_fit import resize_within_screen
from ui.theme import muted_colour, warning_colour
from ui.tracking_report import TrackingReport

AnyIndex = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate
WHAT_COLUMN = 5  # the sentence saying what a row does: the column that takes the width


class Outcome:
    """What a row of the file does when applied (its group in the review, in this order)."""

    SHIP = 0  # a paid order becomes Shipped with this number
    DOUBT = 1  # it would, but the number does not look like its courier's: unticked until she says
    REPLACE = 2  # a shipped order would get this number instead of the one it has
    UNUSED = 3  # matches nothing the file can change: said why, never ticked


@dataclass(slots=True)
class ReviewRow:
    row: int  # the file's line, as a spreadsheet shows it
    order_id: int | None
    number: str  # the order's number (or what the row names: a phone, when no order was found)
    customer: str
    tracking: str
    outcome: int
    what: str  # what it does, or why it does nothing, in the owner's words
    ticked: bool
    courier: str = ""  # the courier the order gets: the row's, else the one chosen for the file

    @property
    def tickable(self) -> bool:
        return self.outcome != Outcome.UNUSED and self.order_id is not None


def review_rows(plan: TrackingPlan, report: TrackingReport, courier: str = "") -> list[ReviewRow]:
    """The plan's rows as the review lists them: those to ship first, then doubtful ones, numbers to
    replace, and the rows that match nothing; each group in the file's order. `courier`: the one the
    owner chose for the rows naming none."""
    rows = [
        ReviewRow(
            m.row.row,
            m.order_id,
            m.number,
            m.customer,
            m.row.tracking,
            Outcome.SHIP,
            translate("TrackingReviewDialog", "Becomes shipped"),
            True,
            m.row.courier or courier,
        )
        for m in plan.matches
    ]
    for s in plan.skipped:
        row = _skipped_row(s, report)
        # A row that matches nothing gets no courier: only what the file says is shown.
        row.courier = s.row.courier or (courier if row.tickable else "")
        rows.append(row)
    return sorted(rows, key=lambda r: (r.outcome, r.row))


def _skipped_row(s: SkippedRow, report: TrackingReport) -> ReviewRow:
    named = s.row.number or s.row.phone
    if s.tickable and s.reason is SkipReason.OTHER_TRACKING:
        before = s.tracking_before or translate("TrackingReviewDialog", "none")
        what = translate(
            "TrackingReviewDialog", "Already shipped with tracking number {0}: replace it with this one"
        ).format(before)
        if s.doubt is not None:
            what += " · " + report.reason(SkippedRow(s.row, SkipReason.BAD_TRACKING, doubt=s.doubt))
        return ReviewRow(
            s.row.row,
            s.order_id,
            named,
            s.customer,
            s.row.tracking,
            Outcome.REPLACE,
            with_particles(what),
            False,
        )
    if s.tickable:
        what = translate("TrackingReviewDialog", "Doubtful: {0}. Tick it to mark shipped anyway").format(
            report.reason(s)
        )
        return ReviewRow(
            s.row.row,
            s.order_id,
            named,
            s.customer or s.row.recipient,
            s.row.tracking,
            Outcome.DOUBT,
            with_particles(what),
            False,
        )
    # A row that names no order still says who the file has the parcel going to (its 받는분).
    return ReviewRow(
        s.row.row, None, named, s.row.recipient, s.row.tracking, Outcome.UNUSED, report.reason(s), False
    )


class TrackingReviewModel(QAbstractTableModel):
    """One row of the file per line; the first column's tick decides whether it is applied."""

    ticks_changed = Signal()

    def __init__(self, rows: list[ReviewRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = rows

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Row"),
            self.tr("Order"),
            self.tr("Customer"),
            self.tr("Courier"),
            self.tr("Tracking number"),
            self.tr("What happens"),
        )

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0 and self.rows[index.row()].tickable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(r.row), r.number, r.customer, r.courier, r.tracking, r.what)[column]
        if role == Qt.ItemDataRole.CheckStateRole and column == 0 and r.tickable:
            return Qt.CheckState.Checked if r.ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and column == WHAT_COLUMN:
            return plain_tooltip(r.what)
        if role == Qt.ItemDataRole.ForegroundRole and r.outcome in (Outcome.DOUBT, Outcome.UNUSED):
            colour = warning_colour() if r.outcome == Outcome.DOUBT else muted_colour()
            return QBrush(QColor(colour))
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.CheckStateRole
            or index.column() != 0
            or not self.rows[index.row()].tickable
        ):
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        self.rows[index.row()].ticked = checked
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.ticks_changed.emit()
        return True

    def ticked(self) -> dict[int, int]:
        """The file's row → the order it names, for every ticked row."""
        return {r.row: r.order_id for r in self.rows if r.ticked and r.order_id is not None}


class TrackingReviewDialog(QDialog):
    """Shown once the file is read and planned (off the GUI thread): Apply sends the ticked rows back
    (`chosen`), Cancel changes nothing."""

    chosen = Signal(
        object
    )  # dict: file row → order id, the rows the owner ticked (a QVariantMap would make the keys text)

    def __init__(
        self, plan: TrackingPlan, file_name: str, parent: QWidget | None = None, courier: str = ""
    ) -> None:
        super().__init__(parent)
        self.setObjectName("trackingReview")
        self.setWindowTitle(self.tr("Tracking numbers from {0}").format(file_name))
        self.report = TrackingReport(plan, file_name)
        self.model = TrackingReviewModel(review_rows(plan, self.report, courier), self)
        self.model.ticks_changed.connect(self._count)

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setText(self._heading(plan))
        self.table = QTableView(self)
        self.table.setObjectName("trackingReviewTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # The reason a row needs a look is a sentence: wrapped, the row as tall as it needs.
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in range(WHAT_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WHAT_COLUMN, QHeaderView.ResizeMode.Stretch)
        # Space ticks the current row (the delegate's own key); Enter, as in any dialog, applies.
        # Rows as tall as their wrapped sentence at the column's width now (measured before the
        # dialog was shown, the narrow column made every row four lines tall).
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())

        self.apply_button = QPushButton(self)
        self.apply_button.setObjectName("applyTracking")
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self._apply)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel: change nothing"))
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        resize_within_screen(self, QSize(900, 520))
        self._count()
        self.table.setFocus()
        self.table.setCurrentIndex(self.model.index(0, 0))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def _heading(self, plan: TrackingPlan) -> str:
        ships = len(plan.matches)
        tickable = sum(1 for s in plan.skipped if s.tickable)
        unused = len(plan.skipped) - tickable
        parts = [self.tr("Nothing has changed yet. Only the ticked rows change when you press Apply.")]
        if ships:
            parts.append(self.tr("%Ln order(s) can be marked shipped.", "", ships))
        if tickable:
            parts.append(self.tr("%Ln row(s) need your look and are not ticked.", "", tickable))
        if unused:
            parts.append(self.tr("%Ln row(s) match nothing and are left out.", "", unused))
        if already := self.report.already_text():
            parts.append(already)
        return " ".join(parts)

    def _count(self) -> None:
        ticked = self.model.ticked()
        self.apply_button.setText(self.tr("Apply %Ln row(s)", "", len(ticked)))
        self.apply_button.setEnabled(bool(ticked))

    def _apply(self) -> None:
        self.chosen.emit(self.model.ticked())
        self.accept()
