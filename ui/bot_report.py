"""The menu bot's Report tab: how often each answer and menu choice answered, the chats handed to a
person and the menus sent as numbered text, as the relay counted them."""

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
from app.wire import INTERACTIVE_BODY_MAX, BotReport
from ui.formatting import count_text
from ui.korean_particles import with_particles
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
        # The menus the relay sent as a text with numbered choices (their filled text too long for a
        # menu): the owner saw it only in a chat, so the report names them and what to shorten.
        self.as_text_note = QLabel()
        self.as_text_note.setObjectName("menusSentAsText")
        self.as_text_note.setWordWrap(True)
        self.as_text_note.setTextFormat(Qt.TextFormat.PlainText)
        self.as_text_note.hide()
        refresh = QPushButton(self.tr("&Refresh"))
        refresh.clicked.connect(self.load_report)
        row = QHBoxLayout()
        row.addWidget(self.report_note, 1)
        row.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.as_text_note)
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
        answered = [t for t in report.tallies if t.fired or t.handoffs]  # not a menu only sent as text
        for tally in sorted(answered, key=lambda t: -t.fired):
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
        self.show_sent_as_text(report)
        self.report_loaded.emit(report)

    def show_sent_as_text(self, report: BotReport) -> None:
        """A line per menu the relay sent as numbered text in these days, the most sent first."""
        lines = [
            with_particles(
                self.tr(
                    "{0} — sent %Ln time(s) as plain numbered text: with its fields filled in, its text "
                    "is longer than the {1} characters WhatsApp shows above a menu. Shorten it.",
                    "",
                    tally.sent_as_text,
                ).format(self.name_of(tally.id), count_text(INTERACTIVE_BODY_MAX))
            )
            for tally in sorted(report.tallies, key=lambda t: -t.sent_as_text)
            if tally.sent_as_text
        ]
        self.as_text_note.setText("\n".join(lines))
        self.as_text_note.setVisible(bool(lines))
