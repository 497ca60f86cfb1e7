"""Shop ▸ Campaigns…: the list of campaigns, the editor of a draft, the report of one the relay runs."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import relay_clock
from app.campaign_actions import (
    SendOutcome,
    act_on_campaign,
    read_campaign_rows,
    read_draft,
    read_report,
    remove_draft,
    send_campaign,
    shop_time_zone,
    store_copy,
    store_draft,
)
from app.campaign_drafts import (
    UnsavedCampaign,
    forget_campaign_draft,
    keep_campaign_draft,
    unsaved_campaign,
)
from app.campaign_store import (
    DRAFT,
    NAME_MAX,
    CampaignDraft,
    CampaignReport,
    CampaignRow,
)
from app.changes import Changes
from app.errors import ErrorCode, ShopInboxError
from app.relay_client import RelayClient
from app.wire import Campaign, CampaignState
from ui import message_box
from ui.campaign_editor import CampaignEditor
from ui.campaign_list_delegate import CampaignListDelegate
from ui.campaign_models import CampaignListModel, CampaignRole
from ui.campaign_report_view import CampaignReportView
from ui.confirm import confirm
from ui.context import AppContext
from ui.draft_keeper import DraftKeeper, Work
from ui.kept_edits_strip import KeptEditsStrip, kept_campaign_sentence
from ui.korean_particles import with_particles
from ui.ops import Newest, failure_sentence, run_op
from ui.screen_fit import place_within_screen, resize_within_screen
from ui.time_zones import shop_default_zone
from ui.unsaved_edits import leave_edits, may_close, then_quit_goes_on
from ui.window_keys import close_with_keys

log = logging.getLogger(__name__)


def _kept_not_read(exc: BaseException) -> None:
    log.warning("kept campaign not read: %s", type(exc).__name__)


RELAY_DETAILS_EVERY = 10.0  # seconds between reads of a shown campaign's recipients from the relay


class CampaignWindow(QWidget):
    # The editor's "enter your price" link: Settings, opened at that price ("marketing" / "utility").
    settings_requested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("campaignWindow")
        self.setWindowTitle(self.tr("Campaigns"))
        resize_within_screen(self, QSize(1400, 820))
        self.ctx = ctx
        self.current_id: int | None = None
        self._sending = False  # a send is in flight (see has_unsaved_edits)
        # The window is only hidden when closed: edits discarded on closing go when it shows again.
        self._discarded_on_close = False
        # A draft's saves go one at a time: the draft being stored, and the save asked for meanwhile
        # (the latest), which then has the campaign's id (a new campaign saved twice was stored twice).
        self._saving_draft: CampaignDraft | None = None
        self._next_save: tuple[CampaignDraft, Callable[[], None] | None] | None = None
        # The relay's newest answer per campaign, with every recipient's state: when it was asked
        # for, and the number of the read that asked (an answer from an older read never replaces it).
        self._relay_seen: dict[int, tuple[float, int, Campaign]] = {}
        self._report_reads = Newest()
        self._list_reads = Newest()  # the list's reloads overlap too (statuses arrive while one runs)
        self._reads_started = 0
        self._opens = 0  # campaigns picked in the list: a draft read for an earlier pick is not opened
        # The campaign whose report is shown or on its way: a change that arrives while its first
        # read runs (the editor still on screen) reads it again, or the report shows the old state.
        self._report_for: int | None = None
        self.list_model = CampaignListModel(self)
        self.list_model.region = ctx.shop_region
        self.list = QTableView(self)
        self.list.setObjectName("campaignList")
        self.list.setAccessibleName(self.tr("Campaigns"))
        self.list.setModel(self.list_model)
        self.list.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.list.verticalHeader().hide()
        self.list.horizontalHeader().setStretchLastSection(True)
        # One column of two lines (name; state · time · recipients): a narrow list cuts nothing off.
        self.list.setItemDelegateForColumn(0, CampaignListDelegate(self.list))
        for column in range(1, self.list_model.columnCount()):
            self.list.setColumnHidden(column, True)
        self.list.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._show_list_menu)
        self.new_button = QPushButton(self.tr("&New campaign"), self)
        self.delete_button = QPushButton(self.tr("De&lete draft"), self)
        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.list, 1)
        # One below the other: side by side they made the list at least as wide as both, and on a
        # narrow screen the list could not give way to the form.
        ll.addWidget(self.new_button)
        ll.addWidget(self.delete_button)

        self.editor = CampaignEditor(ctx, self)
        self.report = CampaignReportView(ctx, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.editor)
        self.stack.addWidget(self.report)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 1150])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        # A campaign typed and not saved when the app last stopped (a crash, a dead battery):
        # kept while she types, offered above the campaigns (app/campaign_drafts.py).
        self._layout = layout
        self.kept_strip: KeptEditsStrip | None = None  # made when there is something to offer
        self._kept: UnsavedCampaign | None = None
        self._kept_reads = Newest()  # an older read never offers after a newer one restored
        self.keeper = DraftKeeper(self, self._kept_campaign)
        self.editor.edited.connect(self.keeper.edited)

        self.new_button.clicked.connect(self.new_campaign)
        self.delete_button.clicked.connect(self.delete_current)
        self.list.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._row_picked(cur.row()))
        self.editor.save_requested.connect(self.save)
        self.editor.send_requested.connect(self.send)
        self.editor.prices_requested.connect(self.settings_requested)
        self.report.pause_button.clicked.connect(lambda: self.act("pause"))
        self.report.resume_button.clicked.connect(lambda: self.act("resume"))
        self.report.cancel_button.clicked.connect(self._confirm_cancel)
        self.report.copy_button.clicked.connect(self._copy_shown)
        ctx.hub.changed.connect(self._on_changed)
        close_with_keys(self)  # through closeEvent: unsaved edits still ask first
        # "오늘 오후 2:00" becomes yesterday's, and tomorrow's today's, at the shop's midnight with the
        # window left open: the times are said again then (within a minute).
        self._shop_day = self._shop_today()
        self.day_timer = QTimer(self)
        self.day_timer.setInterval(60_000)
        self.day_timer.timeout.connect(self._check_day)
        self.day_timer.start()
        self.reload()
        self._start_new_campaign()

    # ----------------------------------------------------------------- kept through a crash
    def _kept_campaign(self) -> Work | None:
        if not self.has_unsaved_edits():
            return None
        db, campaign_id, draft = self.ctx.db, self.current_id, self.editor.draft()
        return lambda: keep_campaign_draft(db, campaign_id, draft)

    def _forget_kept(self) -> None:
        """Nothing of the form is offered again; the main window's offer hears of it too."""
        db, ctx = self.ctx.db, self.ctx
        self.keeper.forget(
            lambda: forget_campaign_draft(db), then=lambda: ctx.publish(Changes(kept_edits=True))
        )

    def read_kept(self, *, restore: bool = False) -> None:
        """Read the words kept through a crash: offered above the form, or (`restore`) put in it."""
        db = self.ctx.db

        def read(kept: UnsavedCampaign | None) -> None:
            self._offer_kept(kept)
            if restore:
                self.restore_kept()

        self._kept_reads.run_op(lambda: unsaved_campaign(db), read, parent=self, on_failure=_kept_not_read)

    def _offer_kept(self, kept: UnsavedCampaign | None) -> None:
        self._kept = kept
        if kept is None:
            if self.kept_strip is not None:
                self.kept_strip.hide()
            return
        if self.kept_strip is None:
            self.kept_strip = KeptEditsStrip()
            self.kept_strip.restore.connect(self.restore_kept)
            self.kept_strip.discard.connect(self._discard_kept)
            self._layout.insertWidget(0, self.kept_strip)
        # On the shop's clock, as the list under it says its times ("오후 11:17 (한국 시간)"):
        # this computer's clock beside it read as a time hours away.
        self.kept_strip.offer(kept_campaign_sentence(kept.draft.name, kept.at, self.list_model.zone))

    def restore_kept(self) -> None:
        """The kept campaign in the editor, over the draft it was typed for (or as a new one),
        unsaved; edits on screen now are asked about first."""
        kept, self._kept = self._kept, None
        if self.kept_strip is not None:
            self.kept_strip.hide()
        if kept is None:
            return
        db, campaign_id = self.ctx.db, kept.campaign_id

        def fill() -> None:
            if campaign_id is None:
                self._start_new_campaign()
                self.editor.load(kept.draft, saved=CampaignDraft(name=""))
                return

            def show(saved: CampaignDraft | None) -> None:
                if saved is None:  # gone meanwhile: her words as a new campaign
                    self._start_new_campaign()
                    self.editor.load(kept.draft, saved=CampaignDraft(name=""))
                    return
                self._opens += 1  # her kept words, not a draft read for an earlier pick
                self.current_id = campaign_id
                self._select_quietly(campaign_id)
                self.delete_button.setEnabled(True)
                self._report_for = None
                self.stack.setCurrentWidget(self.editor)
                self.editor.load(kept.draft, saved=saved)

            run_op(lambda: read_draft(db, campaign_id), show, parent=self)

        self.leave_editor(fill)

    def _discard_kept(self) -> None:
        self._kept = None
        self._forget_kept()
        if self.has_unsaved_edits():  # typed here since: those are kept instead
            self.keeper.edited()

    def _shop_today(self) -> date:
        """Today on the shop's clock (this computer's until the shop's zone is read)."""
        now = datetime.fromtimestamp(relay_clock.local_time(), UTC)
        zone = self.list_model.zone
        return (now.astimezone(zone) if zone is not None else now.astimezone()).date()

    def _check_day(self) -> None:
        today = self._shop_today()
        if today == self._shop_day:
            return
        self._shop_day = today
        self.list.viewport().update()
        shown = self.report.report
        if self.stack.currentWidget() is self.report and shown is not None:
            self.report.show_report(shown)  # from what it last read: no reading again for a new day

    # ----------------------------------------------------------------- list
    def reload(self, select: int | None = None) -> None:
        db = self.ctx.db

        def work() -> tuple[list[CampaignRow], str | None]:
            return read_campaign_rows(db), shop_time_zone(db)

        def show(found: tuple[list[CampaignRow], str | None]) -> None:
            rows, zone = found
            try:
                # Hours never set: the zone the hours editor offers (the schedule box's), not "UTC".
                shop_clock: ZoneInfo | None = ZoneInfo(zone or shop_default_zone(self.ctx.shop_region))
            except (ValueError, KeyError):  # a zone this computer does not know: its own clock
                shop_clock = None
            if shop_clock != self.list_model.zone:
                self.list_model.zone = self.report.model.zone = shop_clock
                # The day is counted on the shop's clock from now on: kept on this computer's (a day
                # ahead on Kiritimati), the shop's midnight never seemed to pass, and "tomorrow" stayed.
                self._shop_day = self._shop_today()
                if (
                    self._kept is not None
                    and self.kept_strip is not None
                    and self.kept_strip.isVisibleTo(self)
                ):
                    self._offer_kept(self._kept)  # offered before the shop's clock was read
            self.list.selectionModel().blockSignals(True)
            self.list_model.set_rows(rows)
            self.list.selectionModel().blockSignals(False)
            choose(select if select is not None else self.current_id)

        def choose(keep: int | None) -> None:
            row = self.list_model.row_of(keep) if keep is not None else -1
            if row >= 0:
                self.list.selectionModel().blockSignals(True)
                self.list.selectionModel().setCurrentIndex(
                    self.list_model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.list.selectionModel().blockSignals(False)
            if select is not None and row >= 0:
                self._row_chosen(row)

        def outdated(rows: list[CampaignRow]) -> None:
            # A newer read was shown first: keep its rows, and still open what this one was asked to.
            if select is not None:
                choose(select)

        self._list_reads.run_op(work, show, parent=self, on_outdated=outdated)

    def list_menu(self, index: QModelIndex) -> QMenu:
        """What the owner may do with the campaign at `index` of the list."""
        r: CampaignRow = index.data(CampaignRole.ROW)
        menu = QMenu(self.list)
        copy = menu.addAction(self.tr("Copy as new draft"))
        copy.triggered.connect(lambda: self.copy_campaign(r))
        return menu

    def _show_list_menu(self, pos: QPoint) -> None:
        index = self.list.indexAt(pos)
        if index.isValid():
            self.list_menu(index).exec(self.list.viewport().mapToGlobal(pos))

    def show_campaign(self, campaign_id: int) -> None:
        """Open a campaign's report (its notification was clicked); unsaved edits of a draft ask first."""
        self.leave_editor(lambda: self.reload(select=campaign_id))

    def _row_picked(self, row: int) -> None:
        """The owner picked a campaign in the list: unsaved edits of the shown draft ask first."""
        if row < 0:
            return
        r: CampaignRow = self.list_model.index(row, 0).data(CampaignRole.ROW)
        if not self.leave_editor(lambda: self._open(r)):
            self._select_quietly(self.current_id)

    def _select_quietly(self, campaign_id: int | None) -> None:
        """Select the campaign being edited again (none for a new one), opening nothing."""
        selection = self.list.selectionModel()
        selection.blockSignals(True)
        row = self.list_model.row_of(campaign_id) if campaign_id is not None else -1
        if row >= 0:
            selection.setCurrentIndex(
                self.list_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            selection.clearCurrentIndex()
            selection.clearSelection()
        selection.blockSignals(False)
        self.list.viewport().update()

    def _row_chosen(self, row: int) -> None:
        if row < 0:
            return
        self._open(self.list_model.index(row, 0).data(CampaignRole.ROW))

    def _open(self, r: CampaignRow) -> None:
        self.current_id = r.id
        self.delete_button.setEnabled(r.state == DRAFT)
        self._opens += 1
        db = self.ctx.db
        if r.state == DRAFT:
            campaign_id, this_open = r.id, self._opens

            def opened(draft: CampaignDraft | None) -> None:
                # Only the campaign picked last: a draft read late (the pool busy) opened over the
                # one picked after it, and her edits went into the other campaign.
                if this_open == self._opens and self.current_id == campaign_id:
                    self._edit(draft)

            run_op(lambda: read_draft(db, campaign_id), opened, parent=self)
        else:
            self.show_report(r.id, ask_relay=True)

    def _edit(self, draft: CampaignDraft | None) -> None:
        self._report_for = None
        self.stack.setCurrentWidget(self.editor)
        self.editor.load(draft)

    def new_campaign(self) -> None:
        """The New campaign button: unsaved edits of the shown draft ask first."""
        if not self.leave_editor(self._start_new_campaign):
            self._select_quietly(self.current_id)

    def _start_new_campaign(self) -> None:
        self._opens += 1
        self.current_id = None
        # No current row either: choosing the campaign that was shown opens its report again.
        self.list.selectionModel().clearCurrentIndex()
        self.list.clearSelection()
        self.delete_button.setEnabled(False)
        self._report_for = None
        self.stack.setCurrentWidget(self.editor)
        self.editor.load(CampaignDraft(name=""))
        self.editor.name.setFocus(Qt.FocusReason.OtherFocusReason)  # a new campaign starts with its name

    def show_report(self, campaign_id: int, *, ask_relay: bool = False) -> None:
        """The report from the chats, with each recipient's state on the relay: asked when the
        report opens, after the owner acts, and at most every RELAY_DETAILS_EVERY seconds while it
        runs (a campaign's list can be 50,000 long); in between, the last answer is merged again."""
        db = self.ctx.db
        self._report_for = campaign_id
        seen = self._relay_seen.get(campaign_id)
        asked_at = time.monotonic()
        stale = seen is None or asked_at - seen[0] > RELAY_DETAILS_EVERY
        sync = self.ctx.sync
        client = sync.relay_client() if sync is not None and (ask_relay or stale) else None
        known = seen[2] if seen is not None else None
        self._reads_started += 1
        this_read = self._reads_started

        def work() -> tuple[CampaignReport | None, Campaign | None]:
            return read_report(db, campaign_id, client, known)

        def keep_relay_answer(relay: Campaign | None) -> bool:
            """Remember the relay's answer if it is the newest asked for; True if it was kept."""
            if client is None or relay is None:
                return False
            last = self._relay_seen.get(campaign_id)
            if last is not None and last[1] > this_read:
                return False
            self._relay_seen[campaign_id] = (asked_at, this_read, relay)
            return True

        def show(result: tuple[CampaignReport | None, Campaign | None]) -> None:
            report, relay = result
            keep_relay_answer(relay)
            newest = self._relay_seen.get(campaign_id)
            if client is None and newest is not None and newest[2] is not known:
                # Merged with the relay's answer this read started with, and a newer one came in
                # meanwhile (the report was opened again while statuses arrived): merge with that.
                if self.current_id == campaign_id:
                    self.show_report(campaign_id)
                return
            if report is not None and self.current_id == campaign_id:
                self.report.show_report(report)
                self.stack.setCurrentWidget(self.report)

        def outdated(result: tuple[CampaignReport | None, Campaign | None]) -> None:
            # A newer read (statuses kept arriving) was shown first, without this read's answer
            # from the relay: read again from the chats, merged with it.
            if keep_relay_answer(result[1]) and self.current_id == campaign_id:
                self.show_report(campaign_id)

        # Reads overlap (statuses arrive while one runs): an older one never replaces a newer one.
        self._report_reads.run_op(work, show, parent=self, on_outdated=outdated)

    def _on_changed(self, changes: Changes) -> None:
        if changes.campaigns:
            self.reload()
        on_report = self.current_id is not None and self._report_for == self.current_id
        if on_report and self.current_id is not None and (changes.campaigns or changes.messages):
            self.show_report(self.current_id)

    # ----------------------------------------------------------------- edits
    def has_unsaved_edits(self) -> bool:
        # A send in flight stores the draft on screen first: the list may already show it sent
        # (a sync's reload) before the send's answer, and picking it must not ask to save it.
        return self.stack.currentWidget() is self.editor and self.editor.is_dirty() and not self._sending

    def _edits_question(self) -> str:
        return self.tr("Save the changes to this campaign as a draft?")

    def _save_text(self) -> str:
        """The editor's own word for saving ("Save draft", 임시 저장): a plain "Save" (저장) beside it
        read as a second kind of saving."""
        return QCoreApplication.translate("CampaignEditor", "Save dra&ft")

    def leave_editor(self, then: Callable[[], None]) -> bool:
        """Unsaved edits are saved, dropped or kept as the owner says, then `then()` runs (see
        `leave_edits`). False means the owner stays on the draft."""

        def left() -> None:
            if self.has_unsaved_edits():  # "Discard": her words are not offered again
                self._forget_kept()
            then()

        return leave_edits(
            self,
            self._edits_question(),
            dirty=self.has_unsaved_edits(),
            save_then=self._save_then,
            then=left,
            save_text=self._save_text(),
        )

    def _save_then(self, then: Callable[[], None]) -> bool:
        self.save(self.editor.draft(), then=then)
        return True  # a refused save (no name yet) says why and keeps the draft on screen

    def save(self, draft: CampaignDraft, then: Callable[[], None] | None = None) -> None:
        """Store the draft; then open it again from the database, or run `then` (the owner moves on)."""
        if self._saving_draft is not None:
            self._next_save = (draft, then)  # once the save under way is stored
            return
        self._saving_draft = draft
        db, campaign_id = self.ctx.db, self.current_id

        def work() -> tuple[int, Changes]:
            return store_draft(db, draft, campaign_id)

        def done(result: tuple[int, Changes]) -> None:
            saved, changes = result
            self._saving_draft = None
            self.current_id = saved
            self.editor.mark_saved(draft)
            if not self.has_unsaved_edits():  # saved: nothing of it to offer after a crash
                self._forget_kept()
            self.ctx.publish(changes)
            after, following = then, self._next_save
            self._next_save = None
            if following is not None and following[0] == draft:  # stored just now: no second save
                after, following = following[1] or after, None
            if after is None:
                if following is None:
                    self.reload(select=saved)
            else:
                self.delete_button.setEnabled(True)  # a stored draft now, until `then` shows another
                after()
            if following is not None:
                self.save(*following)

        def refused(exc: BaseException) -> None:
            self._saving_draft = None
            self._next_save = None  # the draft stays on screen, and the window says why
            message_box.warning(self, self.tr("Campaigns"), failure_sentence(exc))
            self._select_quietly(self.current_id)  # back on the draft that was not saved
            if isinstance(exc, ShopInboxError) and exc.code == ErrorCode.CAMPAIGN_NAME_EMPTY:
                # Where to put it right: after OK the owner typed the name into the Save button.
                self.editor.name.setFocus(Qt.FocusReason.OtherFocusReason)

        run_op(work, done, parent=self, on_failure=refused)

    def copy_name(self, name: str) -> str:
        """ "Winter sale (copy)", the original's name cut so that the mark fits."""
        mark = self.tr("{0} (copy)")
        return mark.format(name[: NAME_MAX - len(mark.format(""))].rstrip())

    def _copy_shown(self) -> None:
        """The report's Copy button: the campaign it shows."""
        row = self.list_model.row_of(self.current_id) if self.current_id is not None else -1
        if row >= 0:
            self.copy_campaign(self.list_model.index(row, 0).data(CampaignRole.ROW))

    def copy_campaign(self, r: CampaignRow) -> None:
        """A new draft like `r` (its audience, template, fields and pace; no schedule, no report),
        opened to edit; unsaved edits of the shown draft ask first (and a saved one is copied)."""
        if not self.leave_editor(lambda: self._store_copy(r)):
            self._select_quietly(self.current_id)

    def _store_copy(self, r: CampaignRow) -> None:
        db, campaign_id, name = self.ctx.db, r.id, self.copy_name(r.name)

        def work() -> tuple[int | None, Changes]:
            return store_copy(db, campaign_id, name)

        def done(result: tuple[int | None, Changes]) -> None:
            copied, changes = result
            self.ctx.publish(changes)
            if copied is not None:  # else it was deleted meanwhile: the list shows it gone
                self.reload(select=copied)

        run_op(work, done, parent=self)

    def delete_current(self) -> None:
        campaign_id = self.current_id
        if campaign_id is None:
            return
        row = self.list_model.row_of(campaign_id)
        name = self.list_model.rows[row].name if row >= 0 else self.editor.name.text()
        # Asked first, as every delete in the app is: a click beside "Save draft" lost the draft.
        if not confirm(
            self,
            self.tr("Delete draft"),
            with_particles(self.tr("Delete the draft “{0}”? This cannot be undone.").format(name)),
            self.tr("&Delete"),
        ):
            return
        db = self.ctx.db

        def work() -> Changes:
            return remove_draft(db, campaign_id)

        def done(changes: Changes) -> None:
            self.ctx.publish(changes)
            self._start_new_campaign()

        run_op(work, done, parent=self)

    def _client(self) -> RelayClient | None:
        sync = self.ctx.sync
        client = sync.relay_client() if sync is not None else None
        if client is None:
            message_box.warning(
                self,
                self.tr("Campaigns"),
                self.tr("The relay is not connected. Campaigns are sent by the relay: connect it first."),
            )
        return client

    def send(self, draft: CampaignDraft, confirmed: frozenset[int] | None = None) -> None:
        """Hand `draft` to the relay, for the `confirmed` contacts (those the owner said yes to)."""
        client = self._client()
        if client is None:
            return
        db, campaign_id = self.ctx.db, self.current_id
        self._sending = True

        def work() -> tuple[SendOutcome, Changes]:
            return send_campaign(db, client, draft, campaign_id, confirmed)

        def done(result: tuple[SendOutcome, Changes]) -> None:
            self._sending = False
            outcome, changes = result
            # Sent or refused, the draft is stored under this id: correcting it and sending again
            # sends this one campaign, not a second copy beside the refused draft.
            self.current_id = outcome.campaign_id
            self.editor.mark_saved(draft)
            if not self.has_unsaved_edits():  # stored as this campaign: her words are not offered again
                self._forget_kept()
            self.ctx.publish(changes)
            if outcome.refused is None:
                self.reload(select=outcome.campaign_id)
                return
            self.delete_button.setEnabled(True)
            self.reload()  # the draft stays on screen, selected in the list
            message_box.warning(self, self.tr("Campaign not sent"), failure_sentence(outcome.refused))

        def failed(exc: BaseException) -> None:  # not even stored (no name yet): nothing in the list
            self._sending = False
            message_box.warning(self, self.tr("Campaign not sent"), failure_sentence(exc))
            self.reload()

        run_op(work, done, parent=self, on_failure=failed)

    def _confirm_cancel(self) -> None:
        row = self.list_model.row_of(self.current_id) if self.current_id is not None else -1
        state = self.list_model.rows[row].state if row >= 0 else None
        # "Keep sending" beside a campaign that waits for its time, or is paused, named something it
        # is not doing ("Cancel" beside "Cancel campaign" would read as the action itself).
        if state == CampaignState.SCHEDULED:
            question = self.tr("Cancel this scheduled campaign? It will not be sent to anyone.")
            keep = self.tr("&Keep scheduled")
        elif state == CampaignState.PAUSED:
            question = self.tr("Cancel this campaign? Customers it has not reached yet will not get it.")
            keep = self.tr("&Keep paused")
        else:
            question = self.tr("Cancel this campaign? Customers it has not reached yet will not get it.")
            keep = self.tr("&Keep sending")
        if confirm(self, self.tr("Cancel campaign"), question, self.tr("&Cancel campaign"), keep=keep):
            self.act("cancel")

    def act(self, action: str) -> None:
        campaign_id = self.current_id
        client = self._client()
        if campaign_id is None or client is None:
            return
        db = self.ctx.db

        def work() -> Changes:
            return act_on_campaign(db, client, campaign_id, action)

        self._relay_seen.pop(campaign_id, None)  # what the relay said before the action is old
        run_op(work, self.ctx.publish, parent=self)

    # ----------------------------------------------------------------- closing
    def closeEvent(self, event: QCloseEvent) -> None:
        if (
            self._saving_draft is not None
            and self.stack.currentWidget() is self.editor
            and self.editor.draft() == self._saving_draft
        ):
            # Closed while Save draft stores what the form shows: it closes once stored, without
            # asking about it; a refused save keeps the window and says why.
            def close_again() -> None:
                self.close()

            self._next_save = (self._saving_draft, then_quit_goes_on(close_again))
            event.ignore()
            return
        # "Save" closes once the save delivered; a refused save keeps the window and the draft.
        dirty = self.has_unsaved_edits()
        question = self._edits_question()
        if not may_close(
            self, event, question, dirty=dirty, save_then=self._save_then, save_text=self._save_text()
        ):
            return
        self._discarded_on_close = self._discarded_on_close or dirty
        if dirty:  # closed with "Discard": her words are not offered again
            self._forget_kept()
        super().closeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        place_within_screen(self)  # the first time: over the main window, inside the screen
        if self._discarded_on_close:
            self._discarded_on_close = False
            self.editor.discard_edits()
        super().showEvent(event)
        if not event.spontaneous():  # opened (again): a campaign kept through a crash is offered
            self.read_kept()
