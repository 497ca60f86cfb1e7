"""The menu bot's Report tab: how often each answer and menu choice answered, and the chats handed to a
person, as the relay counted them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.relay_client import RelayClient
from app.wire import BotReport
from ui.ops import failure_sentence, run_op


class BotReportTab(QWidget):
    """The relay's counts of the last 30 days, each answer or menu choice named by `name_of` (its id
    in the edited menu), asked for through `report_client`."""

    report_loaded = Signal(object)  # BotReport

    def __init__(
        self,
        report_client: Callable[[], RelayClient | None],
        name_of: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.report_client = report_client
        self.name_of = name_of
        self.report_model = QStandardItemModel(0, 3, self)
        self.report_model.setHorizontalHeaderLabels(
            [self.tr("Answer or menu choice"), self.tr("Answered"), self.tr("Handed to a person")]
        )
        self.report_view = QTableView()
        self.report_view.setModel(self.report_model)
        self.report_view.setAccessibleName(self.tr("Menu bot report"))
        self.report_view.verticalHeader().hide()
        self.report_view.horizontalHeader().setStretchLastSection(True)
        self.report_view.setColumnWidth(0, 320)
        self.report_view.setSortingEnabled(True)
        self.report_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # the relay's counts
        self.report_note = QLabel(self.tr("Counted by the relay over the last 30 days."))
        self.report_note.setWordWrap(True)
        self.report_note.setTextFormat(Qt.TextFormat.PlainText)
        refresh = QPushButton(self.tr("&Refresh"))
        refresh.clicked.connect(self.load_report)
        row = QHBoxLayout()
        row.addWidget(self.report_note, 1)
        row.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.report_view, 1)
        self._report_asked = False

    def load_once(self) -> None:
        """Ask the relay the first time the tab is shown (Refresh asks again)."""
        if not self._report_asked:
            self.load_report()

    def load_report(self) -> None:
        """Ask the relay for the last 30 days' counts (off the GUI thread)."""
        self._report_asked = True
        client = self.report_client()
        if client is None:
            self.report_note.setText(self.tr("The report comes from the relay: connect to it first."))
            return
        self.report_note.setText(self.tr("Asking the relay…"))
        run_op(
            lambda: client.bot_report(30),
            self.show_report,
            parent=self,
            on_failure=lambda exc: self.report_note.setText(failure_sentence(exc)),
        )

    def show_report(self, report: BotReport) -> None:
        self.report_model.removeRows(0, self.report_model.rowCount())
        for tally in sorted(report.tallies, key=lambda t: -t.fired):
            name = QStandardItem(self.name_of(tally.id))
            fired, handoffs = QStandardItem(), QStandardItem()
            fired.setData(tally.fired, Qt.ItemDataRole.DisplayRole)
            handoffs.setData(tally.handoffs, Qt.ItemDataRole.DisplayRole)
            for item in (name, fired, handoffs):
                item.setEditable(False)
            self.report_model.appendRow([name, fired, handoffs])
        total = sum(t.handoffs for t in report.tallies)
        self.report_note.setText(
            self.tr("Counted by the relay over the last 30 days: %Ln chat(s) handed to a person.", "", total)
        )
        self.report_loaded.emit(report)
