"""A campaign's report: sent, delivered, read, replied, failed by reason, opted out, ticks per recipient."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.campaign_store import CampaignReport
from app.media_cache import sanitise_filename
from app.sheet_files import write_sheet
from app.wire import NIGHT_HOLD_END_HOUR, CampaignReason, CampaignState, RecipientState
from ui import message_box
from ui.ad_law import night_end_text
from ui.campaign_models import (
    VERSION_COLUMN,
    WHY_COLUMN,
    NotSentFilter,
    ReportModel,
    failure_label,
    failure_sentence,
    moment_text,
    state_text,
)
from ui.context import AppContext
from ui.formatting import business_number_text, count_text
from ui.korean_particles import with_particles
from ui.ops import run_op
from ui.save_paths import Picked, save_file_name
from ui.theme import ui_font


class CampaignReportView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("campaignReport")
        self.ctx = ctx
        self.report: CampaignReport | None = None
        self.exported_to: Path | None = None
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setFont(ui_font(2, bold=True))
        # A name may be 100 characters: on one line it made the window wider than a laptop's screen.
        self.title.setWordWrap(True)
        self.state = QLabel(self)
        self.state.setWordWrap(True)  # the state, the time, the template's name: as long again
        self.numbers: dict[str, QLabel] = {}
        grid = QGridLayout()
        captions = (
            ("sent", self.tr("Sent")),
            ("delivered", self.tr("Delivered")),
            ("read", self.tr("Read")),
            ("replied", self.tr("Replied (72 h)")),
            ("failed", self.tr("Failed")),
            ("opted_out", self.tr("Opted out")),
        )
        for col, (key, caption) in enumerate(captions):
            number = QLabel("0", self)
            number.setObjectName(f"campaignCount_{key}")
            number.setFont(ui_font(4, bold=True))
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label = QLabel(caption, self)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(number, 0, col)
            grid.addWidget(label, 1, col)
            self.numbers[key] = number
        self.failures = QLabel(self)
        self.failures.setObjectName("campaignFailures")
        self.failures.setTextFormat(Qt.TextFormat.PlainText)
        self.failures.setWordWrap(True)
        self.model = ReportModel(ctx.shop_region, self)
        self.shown = NotSentFilter(self)
        self.shown.setSourceModel(self.model)
        self.show_choice = QComboBox(self)
        self.show_choice.setObjectName("campaignRecipientsShown")
        self.show_choice.addItem(self.tr("Every recipient"), False)
        self.show_choice.addItem(self.tr("Only not sent: waiting, held, skipped, failed"), True)
        self.show_choice.setAccessibleName(self.tr("Recipients shown"))
        self.show_choice.currentIndexChanged.connect(
            lambda _i: self.shown.set_only_not_sent(bool(self.show_choice.currentData()))
        )
        # Said when the relay could not be asked: then only the chats tell who got it.
        self.relay_note = QLabel(
            self.tr(
                "The relay did not answer, so customers it held or skipped show as waiting. "
                "Open the report again when it is connected."
            ),
            self,
        )
        self.relay_note.setObjectName("campaignRelayNote")
        self.relay_note.setWordWrap(True)
        self.relay_note.hide()
        self.view = QTableView(self)
        self.view.setObjectName("campaignRecipients")
        self.view.setAccessibleName(self.tr("Recipients"))
        self.view.setModel(self.shown)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Why takes the room left while a row has one (fit_rows): a long reason (a file WhatsApp
        # refused, and what to do) wraps onto the lines it needs there and its row grows, not a row
        # 900 px wide nor "파일이 너무…" to hover. With none, it is as wide as its heading.
        header.setSectionResizeMode(WHY_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.view.setWordWrap(True)
        header.sectionResized.connect(lambda column, _old, _new: self._refit_soon(column))
        # Rows come and go with the model and the "Show" filter: their heights follow, once per change.
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self.fit_rows)
        for signal in (
            self.shown.modelReset,
            self.shown.layoutChanged,
            self.shown.rowsInserted,
            self.shown.rowsRemoved,
            self.shown.dataChanged,
        ):
            signal.connect(self._refit.start)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.export_button = QPushButton(self.tr("E&xport CSV…"), self)
        self.export_button.clicked.connect(lambda: self.export())  # not export(checked)
        self.pause_button = QPushButton(self.tr("&Pause"), self)
        self.resume_button = QPushButton(self.tr("&Resume"), self)
        self.cancel_button = QPushButton(self.tr("&Cancel campaign"), self)
        actions = QHBoxLayout()
        for b in (self.pause_button, self.resume_button, self.cancel_button):
            actions.addWidget(b)
        actions.addStretch(1)
        # The campaign again (a cancelled one, or last month's sale): the window makes the draft.
        self.copy_button = QPushButton(self.tr("C&opy as new draft"), self)
        self.copy_button.setObjectName("campaignCopy")
        actions.addWidget(self.copy_button)
        actions.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.state)
        layout.addLayout(grid)
        layout.addWidget(self.failures)
        shown_row = QHBoxLayout()
        shown = QLabel(self.tr("S&how"), self)
        shown.setBuddy(self.show_choice)
        shown_row.addWidget(shown)
        shown_row.addWidget(self.show_choice)
        shown_row.addStretch(1)
        layout.addLayout(shown_row)
        layout.addWidget(self.relay_note)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)

    def _refit_soon(self, column: int) -> None:
        if column == WHY_COLUMN:
            self._refit.start()

    def fit_rows(self) -> None:
        """Each row as tall as its wrapped reason, a one-line row as tall as before. A reason that fits
        its column is not measured, and one that does not is measured once per wording (a dozen kinds
        of failure), not per row: a report of 3,000 customers stays quick to open and to resize."""
        view, model = self.view, self.shown
        default = view.verticalHeader().defaultSectionSize()
        room = view.columnWidth(WHY_COLUMN) - 2 * (
            view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        )
        metrics = view.fontMetrics()
        heights: dict[str, int] = {}
        whys = [str(model.index(row, WHY_COLUMN).data() or "") for row in range(model.rowCount())]
        # Every customer read it: an empty 사유 column took the whole width between 수신거부 and 버전.
        # It is as wide as its heading then, and the last column shown (버전, or 사유 itself) takes
        # the rest: the table stopped halfway across, a blank heading to its right. (Not the header's
        # stretchLastSection: it kept its width as the ticks' column grew, past the view's edge.)
        header = view.horizontalHeader()
        last = WHY_COLUMN if header.isSectionHidden(VERSION_COLUMN) else VERSION_COLUMN
        stretched = WHY_COLUMN if any(whys) else last
        modes = {
            column: QHeaderView.ResizeMode.Stretch
            if column == stretched
            else QHeaderView.ResizeMode.ResizeToContents
            for column in (WHY_COLUMN, VERSION_COLUMN)
        }
        if any(header.sectionResizeMode(column) != mode for column, mode in modes.items()):
            for column, mode in modes.items():
                header.setSectionResizeMode(column, mode)
            self._refit.start()  # the rows' heights once the column has its new width
            return
        for row, why in enumerate(whys):
            height = heights.get(why)
            if height is None:
                fits = metrics.horizontalAdvance(why) <= room
                height = heights[why] = default if fits else max(default, view.sizeHintForRow(row))
            if view.rowHeight(row) != height:
                view.setRowHeight(row, height)

    def show_report(self, report: CampaignReport) -> None:
        self.report = report
        self.title.setText(report.name)
        state = state_text(report.state, report.reason)
        # A campaign set for a time goes out then, not when it was handed to the relay.
        when = report.scheduled_at or report.sent_at
        if report.sent_at is not None and when is not None:
            # Set for a time and nobody sent yet: scheduled, or paused or cancelled before its time.
            if report.scheduled_at is None or _any_sent(report):
                sentence = self.tr("{0} · sent {1} · template {2}")
            elif report.state == CampaignState.CANCELLED:
                sentence = self.tr("{0} · was to send {1} · template {2}")
            elif report.state == CampaignState.PAUSED:
                # "sends" beside "Paused" promised a send that waits for the owner to resume it.
                sentence = self.tr("{0} · set for {1} · template {2}")
            else:
                sentence = self.tr("{0} · sends {1} · template {2}")
            state = sentence.format(state, moment_text(when, self.model.zone), report.template_name)
        # A shop with two numbers: which one the customers hear from (and reply to).
        if report.from_number:
            number = business_number_text(report.from_number, self.model.region)
            state = with_particles(self.tr("{0} · from your number {1}").format(state, number))
        elif report.own_numbers:
            state = self.tr("{0} · from each customer's own number (the one they last wrote to)").format(
                state
            )
        self.state.setText(state)
        failed = report.failed_by_reason()
        values = {
            "sent": report.sent,
            "delivered": report.delivered,
            "read": report.read,
            "replied": report.replied,
            "failed": sum(failed.values()),
            "opted_out": report.opted_out,
        }
        for key, value in values.items():
            self.numbers[key].setText(count_text(value))
        lines = [self._failure_line(code, n) for code, n in sorted(failed.items(), key=lambda kv: -kv[1])]
        # What only the relay knows: who waits for the morning, who it skipped, who is still queued.
        relay_side = self._relay_counts(report)
        if relay_side:
            lines.append(self.tr("On the relay: {0}").format(", ".join(relay_side)))
        if report.state == CampaignState.PAUSED and (advice := self._pause_advice(report.reason)):
            lines.append(advice)
        if report.state == CampaignState.WAITING_FOR_LIMIT and report.waiting_until is not None:
            lines.append(
                self.tr(
                    "Meta's limit on customers messaged in 24 hours is reached: the rest go out from "
                    "{0}, by themselves."
                ).format(moment_text(report.waiting_until, self.model.zone))
            )
        if paced := report.relay_counts.get(RecipientState.PENDING, 0):
            # Meta paces a new template: what it holds is neither failed nor to be sent again.
            lines.append(
                self.tr(
                    "Pending at Meta: 1 message held while Meta checks this new template. "
                    "Not failed: it goes out once Meta has feedback."
                )
                if paced == 1
                else self.tr(
                    "Pending at Meta: %Ln message(s) held while Meta checks this new template. "
                    "Not failed: they go out once Meta has feedback.",
                    "",
                    paced,
                )
            )
        self.failures.setText("\n".join(lines))
        self.model.sends_at = report.scheduled_at if report.state == CampaignState.SCHEDULED else None
        self.model.paused = report.state == CampaignState.PAUSED
        self.model.set_rows(report.rows)
        # Which version each customer got: shown when the campaign went out in more than one language.
        self.view.setColumnHidden(VERSION_COLUMN, len({r.language for r in report.rows if r.language}) < 2)
        self.relay_note.setVisible(not report.relay_details)
        running = report.state in ("scheduled", "running", "waiting_for_limit")
        self.pause_button.setVisible(running)
        self.resume_button.setVisible(report.state == "paused")
        self.cancel_button.setVisible(running or report.state == "paused")

    def _failure_line(self, code: str, count: int) -> str:
        """One reason recipients failed for and how many: "Not deliverable to this number: 2", or, for
        a reason said in sentences (what to do about a file WhatsApp refused), the count first."""
        sentence = failure_sentence(code)
        if sentence is None:
            return f"{failure_label(code)}: {count_text(count)}"
        return self.tr("%Ln recipient(s): {0}", "", count).format(sentence)

    def _relay_counts(self, report: CampaignReport) -> list[str]:
        """ "2 to send at the scheduled time", "1 skipped": each count in words ("Waiting: 1" after
        "On the relay:" read as two colons in a row, "릴레이: 대기 중: 1")."""
        waiting = report.relay_counts.get(RecipientState.QUEUED, 0)
        held = report.relay_counts.get(RecipientState.HELD, 0)
        skipped = report.relay_counts.get(RecipientState.SKIPPED, 0)
        # What the relay does with those it has not sent, said plainly: "릴레이 대기 1건" left the
        # owner to guess whether they wait for the relay, for the time set, or for something wrong.
        if report.state == CampaignState.SCHEDULED:
            queued = self.tr("%Ln to send at the scheduled time", "", waiting)
        elif report.state == CampaignState.PAUSED:
            queued = self.tr("%Ln to send once resumed", "", waiting)
        else:
            queued = self.tr("%Ln waiting their turn to be sent", "", waiting)
        counts = [
            queued if waiting else "",
            self._held_count(report, held) if held else "",
            self.tr("%Ln skipped", "", skipped) if skipped else "",
        ]
        return [text for text in counts if text]

    def _held_count(self, report: CampaignReport, held: int) -> str:
        """ "1 held until 11:00 PM (8:00 AM the customer's time)": whose 8:00, as the header line and
        each held customer's line say it (on the shop's clock, and on the customer's where that reads
        another hour). "Held until 8:00 AM" beside a header on the shop's clock read as the shop's 8:00.
        Customers on different clocks (or none known yet): the law's hour, said as theirs."""
        ends = {r.held_until for r in report.rows if r.state == RecipientState.HELD and r.held_until}
        if len(ends) != 1:
            return self.tr("%Ln held until {0} the customer's time", "", held).format(night_end_text())
        (until,) = ends
        zone = self.model.zone
        here = until.astimezone(zone) if zone is not None else until.astimezone()
        if (here.hour, here.minute) == (NIGHT_HOLD_END_HOUR, 0):
            return self.tr("%Ln held until {0}", "", held).format(moment_text(until, zone))
        return self.tr("%Ln held until {0} ({1} the customer's time)", "", held).format(
            moment_text(until, zone), night_end_text()
        )

    def _pause_advice(self, reason: str) -> str:
        """What to do when the relay paused the campaign for its template or token (nothing otherwise)."""
        advice: dict[str, str] = {
            CampaignReason.TEMPLATE_PAUSED: self.tr(
                "Customers not sent yet are waiting; none failed. Meta lifts a pause for low quality "
                "after 3 to 6 hours: resume then."
            ),
            CampaignReason.TEMPLATE_DISABLED: self.tr(
                "Customers not sent yet are waiting; none failed. Meta turned this template off for "
                "good: cancel this campaign and send them another template."
            ),
            CampaignReason.TEMPLATE_MISSING: self.tr(
                "Customers not sent yet are waiting; none failed. Approve the template in their "
                "language in WhatsApp Manager, then resume; or cancel."
            ),
            CampaignReason.TOKEN_REFUSED: self.tr(
                "Customers not sent yet are waiting; none failed. Ask whoever looks after your relay "
                "to renew its Meta access token, then resume."
            ),
        }
        return advice.get(reason, "")

    def export(self, target: Path | None = None) -> None:
        report = self.report
        if report is None:
            return
        if target is None:
            name = save_file_name(
                self,
                Picked.REPORT,
                self.tr("Export report"),
                report_file_name(report.name),
                self.tr("CSV files (*.csv)"),
            )
            if not name:
                return
            target = Path(name)
        path = target
        data = write_sheet(self.model.sheet_rows())  # the rows as shown, read on the GUI thread

        def work() -> Path:
            path.write_bytes(data)
            return path

        def done(saved: Path) -> None:
            self.exported_to = saved
            message_box.information(
                self, self.tr("Report exported"), self.tr("Saved {0}. It opens in Excel.").format(saved)
            )

        run_op(work, done, parent=self)


def report_file_name(campaign: str) -> str:
    """The report's suggested file name: the campaign's name as a file may carry it ("12/25 세일" was
    read as a folder "12", and a ":" or "?" is refused by Windows)."""
    return sanitise_filename(campaign.replace("/", "-").replace("\\", "-") + ".csv")


def _any_sent(report: CampaignReport) -> bool:
    """Some recipient was sent the message (not only queued, held or skipped by the relay)."""
    waiting = (RecipientState.QUEUED, RecipientState.HELD, RecipientState.SKIPPED)
    return report.sent > 0 or any(n for state, n in report.relay_counts.items() if state not in waiting)
