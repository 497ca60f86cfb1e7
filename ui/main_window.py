"""The inbox window: chat list | open chat | contact panel, wired together; layout remembered."""

from __future__ import annotations

import logging
import sys
import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QByteArray, QEvent, QSettings, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from app.changes import Changes
from ui.announce import announce
from ui.chat_list import ChatList
from ui.context import AppContext
from ui.formatting import count_text
from ui.panes import NEXT_PANE_KEYS, PREVIOUS_PANE_KEYS, Pane, step_pane
from ui.resources import resources_dir
from ui.save_paths import Picked, remember_folders_in, suggest_folder
from ui.screen_fit import fitted, place_within_screen, restore_within_screen, screen_of
from ui.tab_order import chain, row_widgets, stops_in_chain
from ui.unsaved_edits import quitting

# The chat pane, search, contact panel, banner, notifier and sync (and through them SQLAlchemy,
# pydantic, httpx) are imported by `complete()`, after the first page is painted: see ui/start_path.py.
if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.orm import Session

    from app.away_status import StillSent
    from app.changes import AppliedReaction
    from app.connection import ConnectionState
    from app.conversation_rows import ConversationRow
    from app.first_page import FirstPage
    from app.queries import Arrival, MessageRow
    from app.reaction_news import ReactionNews
    from app.search import ContactHit, SearchHit
    from ui.auto_backup import AutoBackup
    from ui.away_notice import AwayNotice
    from ui.chat_pane import ChatPane
    from ui.closable_notices import ClosableNotices
    from ui.connection_banner import ConnectionBanner
    from ui.contact_panel import ContactPanel
    from ui.kept_edits_notice import KeptEditsNotice
    from ui.notifications import Notifier
    from ui.ops import Newest
    from ui.order_actions import OrderActions
    from ui.pushes_waiting_notice import PushesWaitingNotice
    from ui.rules_conflict_notice import RulesConflictNotice
    from ui.rules_refused_notice import RulesRefusedNotice
    from ui.search_panel import SearchPanel
    from ui.setup_items_notice import SetupItemsNotice
    from ui.sync_adapter import SyncAdapter
    from ui.synced_folder_notice import SyncedFolderNotice

log = logging.getLogger(__name__)

# The window's size at a shop's first start (later starts restore the owner's own).
DEFAULT_SIZE = QSize(1200, 760)


def _log_adopt_failure(exc: BaseException) -> None:
    # Not the owner's to act on now: the next start tries again, and a reply's missing file is said
    # in the list and when it is used.
    log.warning("quick reply files not copied in: %s", exc)


def first_size(available: QSize) -> QSize:
    """The default size, but never more than the screen shows: on a 1366×768 laptop the default's
    bottom, the message field, was below the screen's edge."""
    return fitted(DEFAULT_SIZE, available)


# Next and previous chat, as browsers switch tabs: one shortcut each. Under X, Ctrl+Shift+Tab arrives
# as Backtab with Ctrl and Shift held, which X's key map offers Qt as both Ctrl+Shift+Tab and
# Ctrl+Backtab: with a shortcut for each of them, the press matched two and Qt ran neither. Windows and
# macOS send Backtab with Shift too, and Qt's shortcut map tries Shift+Tab for it. On a Mac, Qt's Ctrl
# is ⌘ and ⌘+Tab is the system's app switcher: there it is the Control key, Qt's Meta.
_STEP_MODIFIER = "Meta" if sys.platform == "darwin" else "Ctrl"
NEXT_CHAT_KEYS = f"{_STEP_MODIFIER}+Tab"
PREVIOUS_CHAT_KEYS = f"{_STEP_MODIFIER}+Shift+Tab"

# A chat is read once it has been on screen, in the active window, this long: one glimpsed on the
# way to another (Ctrl+Tab, a stray click) sends the customer no blue ticks.
READ_AFTER_MS = 1000


def _answered_elsewhere(old: ConversationRow | None, new: ConversationRow) -> bool:
    """A person's reply to this chat came in from the relay: sent from another computer on it, or the
    phone's app (a reply sent here is written here first, so the sync brings no new last message)."""
    from app.wire import SentBy

    return (
        old is not None
        and new.last_message_id != old.last_message_id
        and new.last_direction == "out"
        and new.last_sent_by in (SentBy.OWNER, SentBy.QUICK_REPLY, SentBy.PHONE_APP)
    )


def _reply_failed(old: ConversationRow | None, new: ConversationRow) -> bool:
    """The chat's last message, the owner's, has just failed (it was pending or sent a moment ago)."""
    return (
        old is not None
        and new.last_direction == "out"
        and new.last_status == "failed"
        and old.last_status != "failed"
        and old.last_message_id == new.last_message_id
    )


class MainWindow(QMainWindow):
    orders: OrderActions  # the board and order windows; built by ui/menus.py with the menus
    # Built by complete(): at once, or after the first paint when start-up painted a first page.
    chat: ChatPane
    search: SearchPanel
    banner: ConnectionBanner
    setup_items: SetupItemsNotice
    pushes_waiting: PushesWaitingNotice
    away_notice: AwayNotice
    rules_conflict: RulesConflictNotice
    rules_refused: RulesRefusedNotice
    kept_edits: KeptEditsNotice
    synced_folder: SyncedFolderNotice
    notices: ClosableNotices  # those of the above Esc may close
    contact_panel: ContactPanel
    notifier: Notifier

    def __init__(self, ctx: AppContext, first_page: FirstPage | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.unread_total = 0
        self.waiting_replies = 0  # the owner's replies in the outbox, as last counted
        self._waiting_count: Newest | None = None  # built with the first count (ui/ops.py loads late)
        self.ready = False  # complete() has run
        self.shop_name = ""  # the business profile's name, kept for the title until automations change
        self._shop_name_reads: Newest | None = None  # built with the first read, as the count's
        self.settings = QSettings(str(ctx.paths.config_dir / "window.ini"), QSettings.Format.IniFormat)
        remember_folders_in(
            self.settings.fileName()
        )  # each kind of file's dialog starts where the last one was
        if ctx.demo_samples is not None:
            suggest_folder(Picked.BANK_FILE, ctx.demo_samples)
            suggest_folder(Picked.TRACKING_FILE, ctx.demo_samples)

        self.chat_list = ChatList(ctx, self)
        self.left = QStackedWidget(self)
        self.left.setObjectName("leftPane")
        self.left.addWidget(self.chat_list)
        # The chats (or the search in their place), under the away notice that complete() adds.
        self.left_column = QWidget(self)
        self.left_layout = QVBoxLayout(self.left_column)
        self.left_layout.setContentsMargins(0, 0, 0, 0)
        self.left_layout.setSpacing(0)
        self.left_layout.addWidget(self.left, 1)
        self.centre = QWidget(self)
        self.centre_layout = QVBoxLayout(self.centre)
        self.centre_layout.setContentsMargins(0, 0, 0, 0)
        self.centre_layout.setSpacing(0)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.left_column)
        self.splitter.addWidget(self.centre)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([360, 700])
        self.setCentralWidget(self.splitter)
        # The keyboard starts in the chats (arrows move through them, Enter opens one), not in the
        # first widget Tab reaches, the search field above them.
        self.chat_list.view.setFocus()
        self._read_timer = QTimer(self)
        self._read_timer.setSingleShot(True)
        self._read_timer.timeout.connect(self.mark_visible_chat_read)
        self._on_screen_since: float | None = None

        # An action, not a bare shortcut: ui/menus.py puts the same one in Edit ▸ Find.
        self.find_action = QAction(self.tr("&Find"), self)
        self.find_action.setObjectName("findAction")
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.find_action.triggered.connect(lambda _checked=False: self.open_search())
        self.addAction(self.find_action)
        self._load_style()
        self.restore_layout()
        if first_page is None:
            self.complete()
        else:
            self.find_action.setEnabled(False)
            self.chat_list.show_first_page(first_page.rows, first_page.numbers, first_page.any_archived)
            self.setWindowTitle(self.tr("Shop Inbox"))

    def complete(self) -> None:
        """Build the chat pane, search, contact panel, banner and notifier, and wire them up."""
        from ui.automations_state_reads import AutomationsStateReads
        from ui.away_notice import AwayNotice
        from ui.chat_pane import ChatPane
        from ui.closable_notices import ClosableNotices
        from ui.connection_banner import ConnectionBanner
        from ui.contact_panel import ContactPanel
        from ui.day_watch import DayWatch
        from ui.kept_edits_notice import KeptEditsNotice
        from ui.notifications import Notifier
        from ui.pushes_waiting_notice import PushesWaitingNotice
        from ui.rules_conflict_notice import RulesConflictNotice
        from ui.rules_refused_notice import RulesRefusedNotice
        from ui.search_panel import SearchPanel
        from ui.setup_items_notice import SetupItemsNotice
        from ui.synced_folder_notice import SyncedFolderNotice
        from ui.wake_watch import WakeWatch

        ctx = self.ctx
        started_from_first_page = self.chat_list.model.loaded_once
        self.search = SearchPanel(ctx, self)
        self.left.addWidget(self.search)
        self._before_search: QWidget | None = None  # where the keyboard was when the search opened
        self.chat = ChatPane(ctx, self)
        self.banner = ConnectionBanner(self)
        # Whether customers get the away message now: "always" left on after closing is easy to forget.
        self.away_notice = AwayNotice(ctx, self)
        self.left_layout.insertWidget(0, self.away_notice)
        # A change to the rules that met another computer's on reconnecting waits for a choice.
        self.rules_conflict = RulesConflictNotice(ctx, self)
        self.left_layout.insertWidget(1, self.rules_conflict)
        # An editor's words typed and never saved when the app last stopped (a crash, a dead battery).
        self.kept_edits = KeptEditsNotice(ctx, self)
        self.left_layout.insertWidget(2, self.kept_edits)
        # A data folder a cloud drive keeps in step (OneDrive, Dropbox…): said above the chat.
        self.synced_folder = SyncedFolderNotice(ctx, self)
        self.centre_layout.addWidget(self.synced_folder)
        self.centre_layout.addWidget(self.banner)
        # What the relay's check found still to set up (the wizard let her go on). Messages may arrive
        # with items left all the same: once one has, the strip stops saying none can.
        self.setup_items = SetupItemsNotice(ctx, self.settings, self)
        self.centre_layout.addWidget(self.setup_items)
        # Esc closes what has a Close of its own: the history notices, the synced folder's warning
        # (said again at the next start). A full disk, a refused token… stay: they have none.
        self.notices = ClosableNotices(self)
        self.notices.add(self.banner, self.banner.dismiss.click, lambda: not self.banner.dismiss.isHidden())
        self.notices.add(self.synced_folder, self.synced_folder.close_button.click)
        # A change the relay acts on (the away message…) that it has not taken yet, tried again; and
        # one it refused for good: not tried again, so the owner fixes or discards it. Both say what
        # one read of the automations found, so they never say "waiting" and "refused" at once.
        automations = AutomationsStateReads(ctx, self)
        self.pushes_waiting = PushesWaitingNotice(ctx, self, automations)
        self.centre_layout.addWidget(self.pushes_waiting)
        self.rules_refused = RulesRefusedNotice(ctx, self, automations)
        self.centre_layout.addWidget(self.rules_refused)
        self.centre_layout.addWidget(self.chat, 1)
        self.contact_panel = ContactPanel(ctx, self)
        self.contact_panel.hide()
        self.splitter.addWidget(self.contact_panel)
        self.splitter.setSizes([*self.splitter.sizes()[:2], 320])
        self.restore_splitter()
        self.notifier = Notifier(self, ctx.prefs, quit_app=self.quit, shop_region=lambda: ctx.shop_region)
        self.auto_backup: AutoBackup | None = None  # made in start_sync, after the first paint

        self.chat_list.chat_selected.connect(self.open_chat)
        self.search.hit_activated.connect(self.open_hit)
        self.search.closed.connect(self.close_search)
        self.search.query_changed.connect(lambda _q: self.chat.view.chat_model.clear_highlight())
        self.chat_list.search_typed.connect(self.search_for)
        self.chat.info_requested.connect(self.toggle_contact_panel)
        self.chat.search_in_chat_requested.connect(lambda: self.open_search(this_chat=True))
        self.chat.chat_changed.connect(lambda: self.search.chat_shown(self.chat.contact_id()))
        # A reply queued publishes no message change (its chat shows the row itself): counted here, or
        # the banner and Quit's question missed the photos sent after the first while the relay was away.
        self.chat.message_queued.connect(lambda _contact_id: self.count_waiting_replies())
        self.chat.view.chat_model.new_messages.connect(lambda _n: self.schedule_read())
        # "Pick a chat on the left" over an empty list sent the owner looking for one.
        listed = self.chat_list.model
        for signal in (listed.page_loaded, listed.rowsInserted, listed.rowsRemoved, listed.modelReset):
            signal.connect(self._say_why_no_chat)
        self._say_why_no_chat()
        self.chat_list.delegate.draft_for = self.chat.composer.draft_for
        self.chat_list.model.draft_for = self.chat.composer.draft_for
        self.chat.composer.drafts_shown.connect(self.chat_list.view.viewport().update)
        # The open chat's row says "Draft:" once its draft is kept, and stops when it is sent or cleared.
        self.chat.composer.drafts_changed.connect(self.chat_list.view.viewport().update)
        # After midnight "Today" becomes "Yesterday" and a clock time a weekday, with no message arriving.
        self.day_watch = DayWatch(self)
        self.day_watch.day_changed.connect(self.chat_list.delegate.new_day)
        self.day_watch.day_changed.connect(self.chat_list.view.viewport().update)
        self.day_watch.day_changed.connect(self.chat.view.viewport().update)
        self.day_watch.day_changed.connect(self._new_day)
        # "Bot quiet until 9:40 AM tomorrow" is today's time after midnight, or another zone's hour.
        self.day_watch.day_changed.connect(self.chat.recheck_bot_quiet)
        self.day_watch.zone_changed.connect(self.chat.recheck_bot_quiet)
        # Carried to another time zone (the lid opened in Los Angeles): every time shown moves.
        self.day_watch.zone_changed.connect(self.chat_list.delegate.new_zone)
        self.day_watch.zone_changed.connect(self.chat_list.view.viewport().update)
        self.day_watch.zone_changed.connect(self.chat.view.clock_moved)
        self.day_watch.day_changed.connect(self.search.clock_moved)
        self.day_watch.zone_changed.connect(self.search.clock_moved)
        self.day_watch.zone_changed.connect(self.away_notice.show_now)
        self.wake_watch = WakeWatch(self)
        self.wake_watch.woke.connect(self._woke)
        self.contact_panel.closed.connect(self.hide_contact_panel)
        # Esc closes the newest of these and the notices above: a notice that came while the search
        # was open goes first, then the search.
        self.notices.add(
            self.search, self.close_search, lambda: self.left.currentWidget() is self.search, news=False
        )
        self.notices.add(self.contact_panel, self.hide_contact_panel, news=False)
        composer = self.chat.composer
        self.notices.add(
            composer.reply_bar, composer.clear_reply, lambda: composer.reply_to is not None, news=False
        )
        self.contact_panel.media_opened.connect(lambda mid: self.chat.view.open_around(mid))
        self.contact_panel.orders_requested.connect(lambda text: self.orders.open_board().find_orders(text))
        self.notifier.chat_requested.connect(self.show_chat)
        # A reaction's notification opens the chat at the message she reacted to, outlined a moment.
        self.notifier.message_requested.connect(lambda c, m: self.show_chat(c, message_id=m, brief=True))
        self.banner.retry_requested.connect(self._retry_sync)
        self.banner.settings_requested.connect(self.open_settings)
        self.banner.relay_check_requested.connect(self.open_relay_check)
        self.banner.start_again_requested.connect(self.start_again)
        self.banner.open_folder_requested.connect(self._open_inbox_folder)
        self.banner.history_gap_closed.connect(self._history_gap_closed)
        self.setup_items.fix_requested.connect(self.open_relay_check)
        self.setup_items.steps_changed.connect(self._say_why_no_chat)
        self.chat_list.model.unread_changed.connect(self.update_unread_total)
        self.chat_list.chat_closed.connect(self.close_chat)
        self.chat_list.chat_deleted.connect(self.chat.composer.forget_draft)
        self.order_tabs()
        self.chat_list.chat_entered.connect(lambda _cid: self.chat.composer.take_focus())
        self.chat_list.model.rows_refreshed.connect(self._rows_refreshed)
        self.chat_list.model.open_chat = self.chat.contact_id  # its row is always read whole
        ctx.hub.changed.connect(self._hub_changed)

        self._shortcuts()
        self.find_action.setEnabled(True)
        self.ready = True
        if started_from_first_page:
            self.chat_list.database_ready()
            picked = self.chat_list.view.selectionModel().selectedIndexes()
            if picked:  # a chat clicked while the window was starting opens now
                self.chat_list.chat_selected.emit(self.chat_list.current_contact())
        else:
            self.chat_list.load()
        self.update_unread_total()
        self.read_shop_name()
        self.away_notice.refresh()
        self.rules_conflict.refresh()
        self.rules_refused.refresh()
        self.kept_edits.refresh()

    # ----------------------------------------------------------------- layout and look
    def _shortcuts(self) -> None:
        def add(keys: QKeySequence | QKeySequence.StandardKey | str, slot) -> QShortcut:  # type: ignore[no-untyped-def]
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.WindowShortcut)
            sc.activated.connect(slot)
            return sc

        add(NEXT_CHAT_KEYS, lambda: self.chat_list.step(1))
        add(PREVIOUS_CHAT_KEYS, lambda: self.chat_list.step(-1))
        add("Ctrl+R", self.chat.reply_to_current)
        add("Esc", self.escape)
        add(NEXT_PANE_KEYS, lambda: step_pane(self.panes, 1))
        add(PREVIOUS_PANE_KEYS, lambda: step_pane(self.panes, -1))

    def panes(self) -> list[Pane]:
        """The window's panes left to right, each with the widget F6 gives the keyboard to: the
        chats (or the search in their place), the open chat's messages, its message field (or
        "Choose template…"), the customer's details."""
        composer = self.chat.composer
        left = self.search.field if self.left.currentWidget() is self.search else self.chat_list.view
        writing = composer.template_button if composer.window_notice.isVisibleTo(composer) else composer.edit
        panes: list[Pane] = [(self.left, left), (self.chat, self.chat.view), (composer, writing)]
        if self.contact_panel.isVisible():
            # Its first field, not its ✕: F6 then Space (or Enter) closed the details she came to.
            panel = self.contact_panel
            stops = (
                w
                for w in stops_in_chain(panel)
                if w.isVisible() and w.isEnabled() and w is not panel.close_button
            )
            if (first := next(stops, None)) is not None:
                panes.append((self.contact_panel, first))
        return panes

    def order_tabs(self) -> None:
        """Tab follows the screen, left to right and round again: the chat list (or the search in its
        place), the banner's buttons, the open chat, the contact panel.

        Widgets made after the chat list's own order (the search, the chat, the panel) had gone in
        between its filter chips and its chats: Tab from the chips went to the contact panel, and
        Shift+Tab from the composer's "Choose template…" to the chips, past the chats.
        """
        left = [self.away_notice.back, *self.chat_list.tab_stops, *row_widgets(self.search.layout())]
        ahead = [*left, *row_widgets(self.banner.layout()), *row_widgets(self.setup_items.layout())]
        chain(ahead)
        self.chat.refresh_tab_order(before=ahead[-1])
        chain([self.chat.tab_stops()[-1], *stops_in_chain(self.contact_panel)])

    def _load_style(self) -> None:
        qss = resources_dir() / "style" / "inbox.qss"
        if qss.exists():
            self.setStyleSheet(qss.read_text(encoding="utf-8"))

    def _restyle(self) -> None:
        sheet = self.styleSheet()
        self.setStyleSheet("")
        self.setStyleSheet(sheet)

    def restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            # Saved on a larger screen (or under another window manager's frame): made to fit this one.
            restore_within_screen(self, geometry)
        else:
            self.resize(first_size(screen_of(self).availableGeometry().size()))
            # And a place, its title bar counted: a window manager left to place it cascaded it to
            # y = 51 on a 768-pixel screen, its bottom (the message field) past the edge.
            place_within_screen(self)
        self.restore_splitter()

    def restore_splitter(self) -> None:
        sizes = self.settings.value("window/splitter")
        if isinstance(sizes, QByteArray) and not sizes.isEmpty():
            self.splitter.restoreState(sizes)

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.sync()

    def read_shop_name(self) -> None:
        """The business profile's name for the title, read in an op (again when automations change).

        Reads overlap on the pool: one read before a rename that answered after it put the old name
        back in the title. A late answer for an older look never replaces a newer one."""
        from ui.ops import Newest

        if self._shop_name_reads is None:
            self._shop_name_reads = Newest()

        def read(session: Session) -> tuple[str, str | None]:
            from app.automations_store import load_state, shop_time_zone

            return load_state(session).doc.profile.name.strip(), shop_time_zone(session)

        def failed(exc: BaseException) -> None:
            log.warning("shop name not read: %s", type(exc).__name__)

        self._shop_name_reads.run_read(self.ctx, read, self._shop_name_read, parent=self, on_failure=failed)

    def _shop_name_read(self, read: tuple[str, str | None]) -> None:
        from app.rules import zone
        from ui.formatting import set_shop_zone

        self.shop_name, time_zone = read
        self.update_unread_total()
        # Every day and time on the shop's clock, as the orders show them: the chat list, a chat's
        # days and times and the search's are drawn again where the day or the hour moved with it.
        set_shop_zone(zone(time_zone) if time_zone else None)
        self.day_watch.check()

    def update_unread_total(self) -> None:
        """Title and tray from what is in memory: the list's unread total and the shop's name. Both
        count every number's chats, whichever the list shows; the tray names each number's."""
        self.unread_total = self.chat_list.model.unread_total
        title = self.tr("Shop Inbox")
        if self.ctx.demo:
            title = self.tr("Shop Inbox (demo)")
        if self.shop_name:  # so the owner sees whose inbox this is
            title = f"{self.shop_name} — {title}"
        self.setWindowTitle(f"({count_text(self.unread_total)}) {title}" if self.unread_total else title)
        self.notifier.set_unread_total(self.unread_total, self.chat_list.unread_per_number())

    # ----------------------------------------------------------------- chats
    def open_chat(self, contact_id: int) -> None:
        row = self.chat_list.model.row_for(contact_id)
        if row is None:
            return
        self.chat.open_chat(row)
        if self.contact_panel.isVisible():
            self.contact_panel.show_contact(contact_id)
        self.schedule_read(restart=True)

    def close_chat(self) -> None:
        """The open chat was marked unread or deleted: its customer's details go with it. The
        keyboard, if it was in them (Chat ▸ Mark as unread from the message field), goes to the
        chats, on the one just closed, rather than to the search field above them."""
        focus = QApplication.focusWidget()
        inside = focus is not None and (
            self.chat.isAncestorOf(focus) or self.contact_panel.isAncestorOf(focus)
        )
        self.chat.close_chat()
        self.contact_panel.hide()
        if inside:
            self.chat_list.view.setFocus()

    def show_chat(
        self,
        contact_id: int,
        *,
        message_id: int | None = None,
        highlight: str = "",
        type_in: bool = False,
        brief: bool = False,
    ) -> None:
        """Open a chat even when the current filter hides it (notification click, search hit).

        With `message_id`, the chat opens around that message, `highlight` marked in it (the outline
        only for a moment with `brief`); with `type_in`, the keyboard goes to its message field, as a
        click in the chat list does.
        """
        row = self.chat_list.model.row_for(contact_id)
        if row is not None:
            self._show_row(row, message_id, highlight, type_in, brief)
            return
        from ui.ops import run_read

        def read(s: Session) -> ConversationRow | None:
            from app.queries import conversations_by_id

            rows = conversations_by_id(s, {contact_id})
            return rows[0] if rows else None

        def found(fresh: ConversationRow | None) -> None:
            if fresh is not None:
                self._show_row(fresh, message_id, highlight, type_in, brief)

        run_read(self.ctx, read, found, parent=self)

    def _show_row(
        self,
        row: ConversationRow,
        message_id: int | None,
        highlight: str,
        type_in: bool = False,
        brief: bool = False,
    ) -> None:
        self.chat_list.reveal(row)
        if message_id is not None:
            self.chat.open_chat(row, message_id=message_id, highlight=highlight, brief=brief)
        if type_in:
            self.chat.composer.take_focus()

    def open_hit(self, hit: SearchHit | ContactHit, query: str) -> None:
        from app.search import ContactHit

        if isinstance(hit, ContactHit):  # a chat found by its name or number: open, ready to type in
            self.show_chat(hit.contact_id, type_in=True)
            return
        self.show_chat(hit.contact_id, message_id=hit.message_id, highlight=query)

    def chat_on_screen(self) -> bool:
        """An open chat the owner can see: shown, not minimised, in the active window."""
        return (
            self.chat.contact_id() is not None
            and self.isActiveWindow()
            and not self.isMinimized()
            and self.chat.isVisible()
        )

    def schedule_read(self, *, restart: bool = False) -> None:
        """Mark the open chat read once it has been on screen for READ_AFTER_MS."""
        if restart or not self.chat_on_screen():
            self._on_screen_since = None
        if not self.chat_on_screen():
            self._read_timer.stop()
            return
        now = time.monotonic()
        if self._on_screen_since is None:
            self._on_screen_since = now
        shown_ms = int((now - self._on_screen_since) * 1000)
        self._read_timer.start(max(0, READ_AFTER_MS - shown_ms))

    def mark_visible_chat_read(self) -> None:
        contact_id = self.chat.contact_id()
        conv = self.chat.conversation
        if contact_id is None or conv is None or not self.chat_on_screen():
            return
        if conv.unread_count == 0 and not any(
            m.unread for m in self.chat.view.chat_model.messages()[-50:] if m.direction == "in"
        ):
            return

        from ui.ops import run_write_returning

        def work(s: Session) -> tuple[list[str], Changes]:
            from app.queries import mark_read

            return mark_read(s, contact_id), Changes.for_contacts({contact_id})

        def done(wamids: list[str]) -> None:
            if self.ctx.prefs.get("read_receipts", True) and self.ctx.sync is not None:
                for wamid in wamids:
                    self.ctx.sync.send_read_receipt(wamid)

        def not_now(_exc: BaseException) -> None:
            # Marking read is the window's idea, not the owner's: on a full disk (the banner says so)
            # the chat stays unread, logged, and the next look tries again; no warning per chat opened.
            pass

        run_write_returning(self.ctx, work, done, parent=self, on_failure=not_now)

    def _hub_changed(self, changes: Changes) -> None:
        """The chat list, chat and contact panel listen themselves; the title needs the shop's name,
        and a campaign the relay stopped is told."""
        if changes.automations:
            self.read_shop_name()
            self.away_notice.refresh()
            self.rules_conflict.refresh()
        if changes.automations or changes.kept_edits:
            self.kept_edits.refresh()
        if changes.campaigns_stopped:
            self.tell_stopped_campaigns(changes.campaigns_stopped)
        if (changes.messages or changes.all_contacts) and not self.banner.saved_chats:
            self.read_saved_chats()  # the first chats imported: the banner says they are here
        if changes.from_sync and changes.written:
            self.notifier.customers_wrote(changes.written)
            if changes.all_contacts:  # the list reads its page again and tells no row: read here
                self.tell_written_chats(changes.written)
        if changes.from_sync and any(r.told_alone() for r in changes.reactions):
            self.tell_reactions(changes.reactions)
        if changes.from_sync and self.banner.quiet is not None:
            self.check_inbound_silence()  # a customer wrote again: the hint of a broken webhook goes
        from ui.connection_banner import LOST

        # A reply written, taken back or sent; a sync batch alone changes nothing while none waits.
        if changes.messages and (
            self.banner.state.kind in LOST or not changes.from_sync or self.waiting_replies
        ):
            self.count_waiting_replies()

    def tell_written_chats(self, contact_ids: frozenset[int]) -> None:
        """Customers wrote in a batch that changed every chat's row (its message came to a number
        the shop had not heard from yet, or was the first ever): their chats, read in an op, told."""
        if not self.notifier.would_notify():
            return
        from ui.ops import run_read

        def read(s: Session) -> list[ConversationRow]:
            from app.queries import conversations_by_id

            return conversations_by_id(s, contact_ids)

        def failed(exc: BaseException) -> None:
            log.warning("chats written to not read for a notification: %s", type(exc).__name__)

        def tell(rows: list[ConversationRow]) -> None:
            self.notifier.conversations_changed([(None, row) for row in rows])

        run_read(self.ctx, read, tell, parent=self, on_failure=failed)

    def tell_reactions(self, reactions: frozenset[AppliedReaction]) -> None:
        """Customers reacted to messages: their chats and the messages they answer, read in an op,
        then told (a reaction is often her answer: 👍 to the total)."""
        if not self.notifier.would_notify():
            return  # the owner is looking: the bubble shows it
        from ui.ops import run_read

        def read(s: Session) -> list[ReactionNews]:
            from app.reaction_news import reaction_news

            return reaction_news(s, reactions)

        def failed(exc: BaseException) -> None:
            log.warning("reactions not read for a notification: %s", type(exc).__name__)

        run_read(self.ctx, read, self.notifier.reactions_arrived, parent=self, on_failure=failed)

    def tell_stopped_campaigns(self, campaign_ids: frozenset[int]) -> None:
        """The campaigns' names and reasons, read in an op, then told (several as one notification)."""
        from ui.ops import run_read

        def read(s: Session) -> list[tuple[int, str, str]]:
            from app.campaign_store import stopped_campaigns

            return stopped_campaigns(s, campaign_ids)

        def tell(found: list[tuple[int, str, str]]) -> None:
            from ui.campaign_models import reason_label

            self.notifier.campaigns_stopped([(i, name, reason_label(reason)) for i, name, reason in found])

        def failed(exc: BaseException) -> None:
            log.warning("stopped campaigns not read: %s", type(exc).__name__)

        run_read(self.ctx, read, tell, parent=self, on_failure=failed)

    def _rows_refreshed(
        self,
        changes: list[tuple[ConversationRow | None, ConversationRow]],
        elsewhere: list[Arrival],
        from_sync: bool,
    ) -> None:
        """Changed chat-list rows are in: notify what arrived, and give the open chat its fresh row."""
        if from_sync:
            self.notifier.conversations_changed(changes, elsewhere)
        current = self.chat.contact_id()
        for old, new in changes:
            if new.contact_id == current:
                self.chat.set_conversation(new)
                if from_sync and _answered_elsewhere(old, new):
                    self.chat.composer.say_answered_elsewhere()
            elif _reply_failed(old, new):
                # The open chat says its own (ui/chat_view.py); a chat left after sending turned its
                # tick red, which a screen reader never heard.
                announce(
                    self.chat_list.view, self.tr("Your reply to {0} was not sent.").format(new.display_name)
                )

    # ----------------------------------------------------------------- panels and keys
    def open_search(self, this_chat: bool = False) -> None:
        focus = QApplication.focusWidget()
        if self.left.currentWidget() is not self.search and focus is not None and focus.window() is self:
            self._before_search = focus
        self.left.setCurrentWidget(self.search)
        chip = self.chat_list.number_chip
        number = chip.shown_text()  # the list shows one number's chats: so does the search
        shown = (chip.numbers.shown, number) if chip.numbers.shown is not None and number else None
        self.search.start(
            self.chat.contact_id(), this_chat=this_chat, number=shown, chats=self.chat_list.shown_filter()
        )

    def search_for(self, text: str) -> None:
        """The chat list's search field: the search panel takes over with what was typed so far."""
        self.open_search()
        self.search.field.setText(text)
        self.search.field.deselect()
        self.search.field.end(False)

    def close_search(self) -> None:
        self.left.setCurrentWidget(self.chat_list)
        self.search.leave()  # a period chosen was for this search, as the scope box is
        self.chat_list.show_top()  # chats that wrote meanwhile went to the top
        self.chat.view.chat_model.clear_highlight()
        self._keyboard_back_from_search()

    def _keyboard_back_from_search(self) -> None:
        """The keyboard goes back where the search took it from: Ctrl+F or "Search in this chat"
        from the message field, then Esc, left it on the chat list, and the reply she typed next
        started a new search. The chat list when that place is gone (or was the search's)."""
        before, self._before_search = self._before_search, None
        if before is None or not shiboken6.isValid(before) or self.search.isAncestorOf(before):
            self.chat_list.view.setFocus()
        elif self.chat.composer.isAncestorOf(before) and self.chat.composer.isEnabled():
            self.chat.composer.take_focus()  # the message field, or "Choose template…" now
        elif before.isVisible() and before.isEnabled():
            before.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.chat_list.view.setFocus()

    def toggle_contact_panel(self) -> None:
        contact_id = self.chat.contact_id()
        if self.contact_panel.isVisible() or contact_id is None:
            self.hide_contact_panel()
            return
        self.contact_panel.show_contact(contact_id)
        self.contact_panel.show()

    def hide_contact_panel(self) -> None:
        """Close the customer's details. The keyboard, if it was in them (the notes, a label), goes
        back to the chat's message field: Qt had moved it to the search field above the chats."""
        focus = QApplication.focusWidget()
        inside = focus is not None and self.contact_panel.isAncestorOf(focus)
        self.contact_panel.hide()
        if inside and self.chat.contact_id() is not None:
            self.chat.composer.take_focus()

    def escape(self) -> None:
        """A notice the keyboard is in (Tab took it to its Close) closes; else the newest shown of
        the search, the contact panel, the reply being written and the notices that have a Close (a
        notice that came after the search opened goes before it), the notices left out while the
        owner is writing: Esc in the message field never put away news she had not read."""
        held = self.notices.holding_focus()
        if held is not None:
            self.notices.close(held)
            if self.chat.contact_id() is not None:
                self.chat.composer.take_focus()  # Qt gave the keyboard to the next button in the chain
            else:
                self.chat_list.view.setFocus()
        elif (newest := self.notices.newest(news=not self._writing())) is not None:
            self.notices.close(newest)

    def _writing(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and self.chat.composer.isAncestorOf(focus)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationPaletteChange and self.ready:
            # Light/dark switched: hidden children may not hear of it, so tell the chat here.
            QTimer.singleShot(0, self.chat.view, self.chat.view.refresh_palette)
            # The style sheet's palette(...) colours were read when it was set: set it again, or
            # the panes keep the old theme's backgrounds (light panes around a dark chat).
            QTimer.singleShot(0, self, self._restyle)
            QTimer.singleShot(0, self.contact_panel, self.contact_panel.refresh_palette)
        return super().event(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if self.ready and event.type() in (QEvent.Type.ActivationChange, QEvent.Type.WindowStateChange):
            self.schedule_read()

    # ----------------------------------------------------------------- sync and lifetime
    def start_sync(self) -> None:
        """Called by ui/application.py after the first paint."""
        if self.auto_backup is None:  # the daily backup, read-only inbox or not
            from ui.auto_backup import AutoBackup

            self.auto_backup = AutoBackup(self.ctx, self)
            self.auto_backup.overdue.connect(self.notifier.backups_overdue)
            self.auto_backup.start()
            from ui.daily_folder_notice import look_after_restore

            look_after_restore(self)  # the restored daily backup folder may be the old computer's
            self.read_drafts()
            if not self.ctx.read_only:
                self.adopt_quick_reply_files()
        if self.ctx.read_only:
            # Nothing could be saved: new messages stay on the relay until a start with room.
            from app.connection import Connection, ConnectionState

            self.banner.set_state(ConnectionState(Connection.READ_ONLY))
            return
        if self.ctx.sync is None:
            from ui.network_watch import NetworkWatch
            from ui.sync_adapter import SyncAdapter

            self.ctx.sync = SyncAdapter(self.ctx, parent=self)
            self._connect_sync(self.ctx.sync)
            self._connect_relay(self.ctx.sync)
            self._read_earlier_gap()
            self.network_watch = NetworkWatch(self)
            self.network_watch.back.connect(self._network_back)
        else:
            self._connect_sync(self.ctx.sync)

    def _connect_relay(self, sync: SyncAdapter) -> None:
        """The engine starts on the relay in the preferences once its token is read from the keyring
        (or the config file) off the GUI thread: a keyring can take seconds, or ask through the OS."""
        from ui.token_store import load_token

        ctx = self.ctx
        relay_url = str(ctx.prefs.get("relay_url") or "")
        if ctx.relay_token and relay_url:  # the demo's, in memory: no keyring is asked
            sync.reconnect(relay_url, ctx.relay_token)
        else:
            # A locked keyring raises (KeyringLocked): the banner asks to unlock it, not for the token.
            sync.start_with_token(relay_url, lambda: load_token(ctx, relay_url) or "")

    def read_drafts(self) -> None:
        """The replies typed and not sent in the last run, back in their chats' boxes with their quotes
        and the files attached (and which of those this computer does not have: the chat list's draft
        line counts the others); pasted pictures no chat waits with any more go."""
        from app.drafts import missing_files, read_draft_files, read_drafts_and_quotes
        from ui.attachments import forget_old_pastes
        from ui.ops import run_op

        db, pasted_in = self.ctx.db, self.chat.composer.pasted_in

        def read() -> tuple[dict[int, str], dict[int, MessageRow], dict[int, list[Path]], frozenset[Path]]:
            files = read_draft_files(db)
            named = {path for paths in files.values() for path in paths}
            forget_old_pastes(pasted_in, named)
            return (*read_drafts_and_quotes(db), files, frozenset(missing_files(named)))

        run_op(
            read,
            lambda found: self.chat.composer.load_drafts(*found),
            parent=self,
            on_failure=lambda _e: None,
        )

    def adopt_quick_reply_files(self) -> None:
        """Quick replies saved before they kept their files get a copy of the owner's file while it is
        there (once, after the upgrade or a restore of an older backup); files no reply uses go."""
        from app.quick_replies import QuickReplyLibrary
        from ui.attachments import attachable
        from ui.ops import run_op

        db, data_dir = self.ctx.db, self.ctx.paths.data_dir
        adopt = lambda: QuickReplyLibrary(db, data_dir, check=attachable).adopt_files()  # noqa: E731

        def adopted(changes: Changes | None) -> None:
            if changes is not None:
                self.ctx.publish(changes)

        run_op(adopt, adopted, parent=self, on_failure=_log_adopt_failure, writes=True)

    def _open_inbox_folder(self) -> None:
        """The file manager at the folder holding the inbox: on a full disk, it shows which disk."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.db.path.parent)))

    def start_again(self) -> None:
        """Opened to read only on a full disk: once the owner freed some space, Shop Inbox starts
        again (after this run let go of its folder) and opens the inbox as usual. The data folder
        taken away (a USB stick pulled out): only once it is back, or the new start would make an
        empty inbox in its place and greet her with the first-run setup."""
        from app.connection import Connection
        from ui.restart import request_restart

        if self.banner.state.kind is Connection.FOLDER_GONE and not self.ctx.paths.database.exists():
            from ui import message_box
            from ui.korean_particles import with_particles

            message_box.warning(
                self,
                self.tr("Start again"),
                with_particles(
                    self.tr(
                        "Your data folder, {folder}, is still not there. Put the USB stick back (or "
                        "connect the drive), then press Start again."
                    ).format(folder=self.ctx.paths.data_dir)
                ),
            )
            return

        request_restart(over=self)
        self.close()

    def reconnect_sync(self) -> None:
        """The relay address or token changed in Settings: the engine starts again with them."""
        if self.ctx.sync is None:
            self.start_sync()
            return
        self._connect_relay(self.ctx.sync)

    def _connect_sync(self, adapter: SyncAdapter) -> None:
        adapter.state_changed.connect(self._connection_state)
        adapter.graph_down_changed.connect(self.banner.set_graph_down)
        adapter.pushes_waiting_changed.connect(self.pushes_waiting.set_waiting)
        adapter.pushes_waiting_changed.connect(self.away_notice.set_waiting)
        self._connection_state(adapter.state)
        self.banner.set_graph_down(adapter.graph_down)
        self.pushes_waiting.set_waiting(adapter.pushes_waiting)
        self.away_notice.set_waiting(adapter.pushes_waiting)

    def read_saved_chats(self) -> None:
        """Off the GUI thread: whether any chat is kept here, for the banner while no relay is set up."""
        from app.queries import has_saved_chats
        from ui.ops import run_read

        run_read(
            self.ctx,
            has_saved_chats,
            self.banner.set_saved_chats,
            parent=self,
            on_failure=lambda exc: log.warning("saved chats not counted: %s", type(exc).__name__),
        )

    def _connection_state(self, state: ConnectionState) -> None:
        from app.connection import Connection, ConnectionState

        # The demo runs its own relay; "no relay configured" would only confuse there.
        if state.kind is Connection.NOT_CONFIGURED and self.ctx.demo:
            state = ConnectionState(Connection.ONLINE)
        if state.kind is Connection.NOT_CONFIGURED:
            self.read_saved_chats()
        self.banner.set_state(state)
        self._say_why_no_chat()
        self.pushes_waiting.set_connection(state)
        self.away_notice.set_connection(state)
        self.setup_items.set_connection(state)
        if state.kind is Connection.ONLINE and not self.ctx.demo:
            self.check_inbound_silence()
        self.count_waiting_replies()  # replies left from the last run, or stuck now the relay is away

    def _say_why_no_chat(self, *_args: object) -> None:
        """The chat pane's words while no chat is open, for what the list on the left holds and
        whether a relay is set up to bring chats."""
        from app.connection import Connection
        from app.queries import has_saved_chats
        from ui.chat_pane import NoChatOpen
        from ui.ops import run_read

        model = self.chat_list.model

        def inbox_empty() -> bool:
            return (
                model.loaded_once
                and model.rowCount() == 0
                and (model.kind, model.label_id, model.number) == ("all", None, None)
            )

        if not model.loaded_once or model.rowCount() > 0:
            self.chat.show_why_no_chat(NoChatOpen.PICK)
        elif not inbox_empty():
            self.chat.show_why_no_chat(NoChatOpen.LIST_EMPTY)
        else:
            # Every chat may be archived: then "no chats yet" is not so, and the list is only empty.
            def counted(saved: bool) -> None:
                if not inbox_empty():
                    return  # the list changed meanwhile: its own call says what is so
                if saved:
                    self.chat.show_why_no_chat(NoChatOpen.LIST_EMPTY)
                elif self.banner.state.kind is Connection.NOT_CONFIGURED:
                    self.chat.show_why_no_chat(NoChatOpen.NO_RELAY)
                elif self.setup_items.open_steps():
                    self.chat.show_why_no_chat(NoChatOpen.RELAY_UNFINISHED)
                else:
                    self.chat.show_why_no_chat(NoChatOpen.INBOX_EMPTY)

            run_read(
                self.ctx,
                has_saved_chats,
                counted,
                parent=self,
                on_failure=lambda exc: log.warning("saved chats not counted: %s", type(exc).__name__),
            )

    def count_waiting_replies(self) -> None:
        """Off the GUI thread: how many of the owner's replies wait for the relay (the banner says
        while it is away; quitting asks first while any wait)."""
        from app.outbox import count_waiting_replies
        from ui.ops import Newest

        if self._waiting_count is None:
            self._waiting_count = Newest()
        db = self.ctx.db

        def counted(count: int) -> None:
            self.waiting_replies = count
            self.banner.set_waiting(count)

        # Counts overlap on the pool: an older one answering last never undoes a newer.
        self._waiting_count.run_op(
            lambda: count_waiting_replies(db),
            counted,
            parent=self,
            on_failure=lambda exc: log.warning("waiting replies count failed: %s", type(exc).__name__),
        )

    def _new_day(self) -> None:
        """Customers' silence is counted in days: with the app open for days and the relay reachable
        all along, a webhook that broke meanwhile is noticed too."""
        from app.connection import Connection

        if self.banner.state.kind is Connection.ONLINE and not self.ctx.demo:
            self.check_inbound_silence()

    def _read_earlier_gap(self) -> None:
        """Off the GUI thread: a history gap whose notice was not closed in the run that found it
        (she quit first) is said again, until she closes it."""
        from app.history_gap import unclosed_gap
        from ui.ops import run_read

        run_read(
            self.ctx,
            lambda s: unclosed_gap(s, datetime.now(UTC)),
            lambda found: self.banner.set_earlier_gap(found) if found is not None else None,
            parent=self,
            on_failure=lambda exc: log.warning("history gap not read: %s", type(exc).__name__),
        )

    def _history_gap_closed(self) -> None:
        from app.history_gap import close_gap
        from ui.ops import run_write

        def close(s: Session) -> Changes:
            close_gap(s, datetime.now(UTC))
            return Changes()

        run_write(
            self.ctx,
            close,
            parent=self,
            on_failure=lambda exc: log.warning("history gap not closed: %s", type(exc).__name__),
        )

    def check_inbound_silence(self) -> None:
        """Off the GUI thread: have customers gone unusually quiet while the relay is reachable?"""
        from app import relay_clock
        from app.inbound_silence import unusual_silence
        from ui.ops import run_read

        run_read(
            self.ctx,
            lambda s: unusual_silence(s, relay_clock.now()),
            self.banner.set_quiet,
            parent=self,
            on_failure=lambda exc: log.warning("inbound silence check failed: %s", type(exc).__name__),
        )

    def _woke(self) -> None:
        """The laptop woke: what waited on the clock while it slept is looked at now, and the long
        poll sent before it slept (on a connection likely dead) is replaced by a new one."""
        from app.connection import Connection

        self.day_watch.check()
        self.chat_list.model.clock_jumped()
        self.chat.recheck_bot_quiet()
        self.away_notice.show_now()
        self.chat.composer.update_window()
        sync = self.ctx.sync
        if sync is not None and sync.running and sync.state.kind is not Connection.UNAUTHORISED:
            sync.retry()

    def _network_back(self) -> None:
        """The network came back: a relay out of reach is tried now, not at its backoff's next turn
        (up to a minute later)."""
        from ui.connection_banner import LOST

        sync = self.ctx.sync
        if sync is not None and sync.running and sync.state.kind in LOST:
            sync.retry()

    def _retry_sync(self) -> None:
        if self.ctx.sync is not None:
            self.ctx.sync.retry()

    def open_settings(self) -> None:
        """Settings from the banner (the menu opens the same): a token typed there reconnects. The
        relay refused the token, or none is kept here: the cursor waits in the token field (Tab went
        to the address, the token pasted there replaced it)."""
        from app.connection import Connection
        from ui.settings_action import open_settings

        dialog = open_settings(self, self.ctx)
        if self.banner.state.kind in (Connection.UNAUTHORISED, Connection.NO_TOKEN):
            dialog.ask_for_token()

    def open_relay_check(self) -> None:
        """Settings ▸ Relay with the relay's check already running (from the "quiet" banner, and the
        strip of what is left to set up on the relay)."""
        from ui.settings_action import open_settings

        open_settings(self, self.ctx).relay_check.run()

    def first_page_loaded(self) -> bool:
        return self.chat_list.model.loaded_once

    def shutdown(self) -> None:
        """Called by ui/application.py after the event loop ends."""
        self.save_layout()
        if self.ctx.sync is not None:
            self.ctx.sync.stop()
        if self.ready:
            self.notifier.hide()

    def replies_left_unsent(self) -> int:
        """The replies quitting leaves for the next start; none in the demo, whose chats go with it."""
        return 0 if self.ctx.demo else self.waiting_replies

    def changes_left_unsent(self) -> list[str]:
        """What the relay acts on and has not taken yet (the away message…), named; none in the demo,
        whose relay stops with it."""
        if self.ctx.demo or not self.ready:
            return []
        return self.pushes_waiting.names()

    def changes_refused(self) -> list[str]:
        """What the relay refused for good and the owner has not fixed or discarded, named."""
        if self.ctx.demo or not self.ready:
            return []
        return list(self.rules_refused.names)

    def quit(self) -> None:
        """File ▸ Quit, Ctrl+Q from any of the shop's windows: asked first while replies wait."""
        from ui.quit_question import may_quit

        # Over the window the owner pressed it in (the order board, an order…), not behind it.
        over = QApplication.activeWindow() or self
        if may_quit(over, *self._left_for_the_relay()):
            self.close()

    def _left_for_the_relay(
        self,
    ) -> tuple[int, list[str], list[str], bool, tuple[StillSent, ...], tuple[StillSent, ...]]:
        """What the quit question names: replies unsent, changes waiting and refused, whether the
        relay has no rules yet, and what it goes on sending that the owner switched off or changed
        (while a change waits, and while one was refused)."""
        unsent, refused = self.changes_left_unsent(), self.changes_refused()
        still = self.pushes_waiting.still_sent() if unsent else ()
        still_refused = self.rules_refused.still_sends if refused else ()
        return (
            self.replies_left_unsent(),
            unsent,
            refused,
            self.pushes_waiting.relay_has_none,
            still,
            still_refused,
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        """Quit (Ctrl+Q, the title bar): the app's other open windows close first, so one holding
        unsaved edits (a campaign draft, a new order) asks; kept open there, the app stays too.
        "Save" there quits once the edits are stored. The title bar's close asks first while replies
        wait, as Quit does; a close the app itself makes (a restart, a test's teardown) never asks.
        With "keep running in the tray" on, the title bar's close only hides the window."""
        if event.spontaneous() and self.ready and self.notifier.keeps_running_in_tray():
            event.ignore()  # Quit (Ctrl+Q, the tray's menu) still quits
            # The order board or a campaign closed after it is no longer "the last window".
            QApplication.setQuitOnLastWindowClosed(False)
            self.hide()
            return
        if event.spontaneous():
            from ui.quit_question import may_quit

            if not may_quit(self, *self._left_for_the_relay()):
                event.ignore()
                return
        with quitting(self.close):
            others_closed = self.close_other_windows()
        if not others_closed:
            event.ignore()
            return
        if self.ready:  # (a start that failed half-way has no composer)
            self.chat.composer.save_drafts_now()  # written before the inbox closes (wait_for_ops)
        self.save_layout()
        in_tray = not self.isVisible()
        super().closeEvent(event)
        if in_tray:  # the tray menu's Quit: no window closing is left to end the app
            QApplication.setQuitOnLastWindowClosed(True)
            QApplication.quit()

    def showEvent(self, event: QShowEvent) -> None:
        """Back from the tray: closing it quits again (unless kept in the tray)."""
        QApplication.setQuitOnLastWindowClosed(True)
        super().showEvent(event)

    def close_other_windows(self) -> bool:
        """Close the app's other open windows; False when one holding unsaved edits was kept open."""
        others = [*self.findChildren(QWidget), *QApplication.topLevelWidgets()]
        for other in dict.fromkeys(others):
            if not shiboken6.isValid(other):
                continue  # deleted by a window closed before it (its open menu, say): nothing to close
            if other is not self and other.isWindow() and other.isVisible() and not other.close():
                return False
        return True
