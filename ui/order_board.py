"""Shop ▸ Orders: a column of cards per state, or a sortable table; filter, open, move by menu or drag."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QMimeData, QModelIndex, QObject, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.errors import ErrorCode, OrderError
from app.models import utcnow
from app.order_actions import (
    CourierSheetSaved,
    apply_reviewed_tracking,
    board_page,
    cancel_refund,
    column_page,
    move_order_with_settings,
    order_back_step,
    paid_order_count,
    save_courier_sheet,
    save_orders_sheet,
    table_page,
    tracking_plan,
)
from app.order_back import BackStep
from app.order_messages import couriers_for
from app.order_notices import BulkMove
from app.order_queries import BoardPage, OrderFilter, OrderSummary
from app.order_returns import RETURN_STATES
from app.orders import BOARD_STATES, MOVES, OPEN_STATES, OrderState
from app.rules import zone
from app.shipping_sheets import TrackingApplied, TrackingPlan
from ui import message_box
from ui.closable_notices import ClosableNotices
from ui.context import AppContext
from ui.expiry_notice import ExpiryNotice
from ui.formatting import count_text, shop_clock_note
from ui.ops import Op, delete_when_closed, failure_sentence
from ui.order_board_model import ORDER_MIME, Column, OrderRole, OrderTableModel, StateColumnModel
from ui.order_card_delegate import OrderCardDelegate
from ui.order_move_back import MoveBack, back_label, back_refused_label
from ui.order_moves import confirm_cancel, move_button_text
from ui.order_text import left_out_line, money, move_refusal, state_name, state_names
from ui.order_typed_edits import typed_orders_saved_then
from ui.save_paths import Picked, open_file_name, save_file_name
from ui.saved_file_note import SavedFileNote
from ui.screen_fit import place_within_screen, resize_within_screen
from ui.sort_header import SortHeader
from ui.tab_order import chain, row_widgets
from ui.theme import muted_colour, own_family_first, ui_font, warning_colour
from ui.time_zones import system_timezone
from ui.tracking_review_dialog import TrackingReviewDialog
from ui.window_keys import close_with_keys

if TYPE_CHECKING:
    from ui.order_actions import OrderActions
    from ui.order_window import OrderWindow

log = logging.getLogger(__name__)

MOVE_NOTE_MS = 10_000  # how long the board says why a card could not go where it was dragged

FILTER_DELAY_MS = 200
CLOCK_TICK_MS = 60_000  # deadlines on the cards count down by the minute
PAGE = 24  # cards per column read at a time: a screenful and a half
TABLE_PAGE = 200
CUSTOMER_WIDTH_MAX = 220  # pixels: a longer name wraps, the products keep their room


class OrderBoard(QWidget):
    """A top-level window. Reads run as ops; a reload replaces each column's rows in one reset."""

    chat_requested = Signal(int)  # contact id
    loaded = Signal(int)  # how many orders the filter lets through (the columns' first pages are shown)
    table_loaded = Signal(int)
    shipped = Signal(list)  # order ids a tracking file moved to Shipped
    orders_exported = Signal(int, int)  # orders, lines written to the accounting sheet
    orders_export_failed = Signal()  # the accounting sheet could not be written (the note says why)
    courier_sheet_saved = Signal(int)  # paid orders written to the courier sheet (0: no file written)

    def __init__(self, ctx: AppContext, actions: OrderActions | None = None) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.ctx = ctx
        self.order_actions = actions
        self.setObjectName("orderBoard")
        self.setWindowTitle(self.tr("Orders"))
        resize_within_screen(self, QSize(1280, 720))
        self.loaded_once = False
        self._generation = 0
        self._filter = OrderFilter()
        # The first page is read while the widgets are built (its answer arrives after __init__).
        self._read_first_page(OrderFilter())
        self._table_stale = True
        self._table_generation = 0

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search orders: number, customer, item, tracking"))
        self.search.setAccessibleName(self.tr("Search orders"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(100)
        self.shop_zone: tzinfo | None = None  # the shop's clock, once the first page tells it
        self.period = QComboBox(self)
        for text, days in (
            (self.tr("Any time"), 0),
            (self.tr("Today"), 1),
            (self.tr("Last 7 days"), 7),
            (self.tr("Last 30 days"), 30),
        ):
            self.period.addItem(text, days)
        self.state_filter = QComboBox(self)
        self.state_filter.addItem(self.tr("All states"), "")
        for state in BOARD_STATES:
            self.state_filter.addItem(state_name(state), state.value)
        # Alt letters for the board's own buttons; the window's others are Review… (R) and Undo (O).
        self.board_button = QToolButton(self)
        self.board_button.setText(self.tr("&Board"))
        self.board_button.setCheckable(True)
        self.board_button.setChecked(True)
        self.table_button = QToolButton(self)
        self.table_button.setText(self.tr("&Table"))
        self.table_button.setCheckable(True)
        self.status = QLabel(self)
        self.tracking_review: TrackingReviewDialog | None = None  # the courier's file, while reviewed
        self.status.setWordWrap(True)  # a long file name wraps; it never widens the window
        # Whose clock the cards and the table show, where this computer's differs (set by show_page).
        self.zone_note = QLabel(self)
        self.zone_note.setObjectName("zoneNote")
        # Wrapped where the row is short of room: on one line, with the file buttons beside it, it
        # made the board wider than a 1024-pixel screen at 125 % (Close off its right edge).
        self.zone_note.setWordWrap(True)
        self.zone_note.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.zone_note.hide()
        # Why a column refused a dragged card: said while it hovers and for a while after it is let
        # go (a refused drop did nothing and said nothing); apart from the status, which every
        # reload of the board rewrites.
        self.move_note = QLabel(self)
        self.move_note.setObjectName("moveRefused")
        self.move_note.setTextFormat(Qt.TextFormat.PlainText)
        self.move_note.setWordWrap(True)
        self.move_note.setStyleSheet(f"color: {warning_colour()}")
        self.move_note.hide()
        self._move_note_timer = QTimer(self)
        self._move_note_timer.setSingleShot(True)
        self._move_note_timer.setInterval(MOVE_NOTE_MS)
        self._move_note_timer.timeout.connect(self.move_note.hide)
        sheet = QToolButton(self)
        sheet.setText(self.tr("Courier &sheet…"))
        sheet.setToolTip(self.tr("The paid orders as the courier's upload sheet (CSV for Excel)"))
        sheet.clicked.connect(self.choose_courier_sheet)
        export = QToolButton(self)
        export.setObjectName("exportOrders")
        export.setText(self.tr("&Export orders…"))
        export.setToolTip(
            self.tr("Orders of the days you pick, one row per line, for your accounting (Excel or CSV)")
        )
        export.clicked.connect(self.choose_orders_export)
        deposits = QToolButton(self)
        deposits.setObjectName("matchDeposits")
        deposits.setText(self.tr("Match bank &deposits…"))
        deposits.setToolTip(self.tr("Read the bank's file of deposits: the orders they pay are marked paid"))
        deposits.clicked.connect(self.open_deposits)
        deposits.setVisible(actions is not None)
        tracking = QToolButton(self)
        tracking.setText(self.tr("Tracking &numbers…"))
        tracking.setToolTip(self.tr("Read the courier's file of tracking numbers: those orders are shipped"))
        tracking.clicked.connect(self.choose_tracking_file)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.period)
        bar.addWidget(self.state_filter)
        bar.addWidget(self.board_button)
        bar.addWidget(self.table_button)

        # Columns: one list view of cards per state.
        self.columns: dict[OrderState, StateColumnModel] = {}
        self.column_views: dict[OrderState, QListView] = {}
        self.column_titles: dict[OrderState, QLabel] = {}
        self.delegate = OrderCardDelegate(self)
        columns = QWidget(self)
        cl = QHBoxLayout(columns)
        cl.setContentsMargins(0, 0, 0, 0)
        for state in BOARD_STATES:
            model = StateColumnModel(state, self)
            model.fetch = self._fetch_column
            view = QListView(columns)
            view.setObjectName(f"column_{state.value}")
            view.setAccessibleName(state_name(state))
            view.setModel(model)
            view.setItemDelegate(self.delegate)
            view.setUniformItemSizes(True)
            view.setSpacing(3)
            view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(lambda pos, v=view: self._card_menu(v, pos))
            _OpensCards(self, view)
            view.setDragEnabled(True)
            view.setAcceptDrops(True)
            view.setDropIndicatorShown(False)
            view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
            view.viewport().installEventFilter(_DropTarget(self, state, view))
            title = QLabel(state_name(state), columns)
            title.setObjectName("columnTitle")
            box = QVBoxLayout()
            box.addWidget(title)
            box.addWidget(view, 1)
            cl.addLayout(box, 1)
            self.columns[state] = model
            self.column_views[state] = view
            self.column_titles[state] = title

        # Table: every order, sortable by any column (in SQL), paged in as it scrolls.
        self.table_model = OrderTableModel(self)
        self.table_model.fetch = self._fetch_table
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Orders"))
        self.table.setObjectName("orderTable")
        # Digits, "×" and "," from the UI's own font after a Hangul name too, not the Korean font's
        # smaller ones: "린넨 셔츠 M ×1" and "진주 드롭 귀걸이 ×2" were two sizes in one column.
        self.table.setFont(own_family_first(ui_font()))
        self.table.setHorizontalHeader(SortHeader(self.table))
        self.table.setModel(self.table_model)
        self.table.horizontalHeader().setSortIndicator(Column.ORDERED, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)  # sorts once, before resort is set: nothing read yet
        self.table_model.resort = self.reload_table  # the table is read when it is first shown
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # The products take the room a row has left; a date or a total needs only its own width.
        self.table.horizontalHeader().setSectionResizeMode(Column.ITEMS, QHeaderView.ResizeMode.Stretch)
        _OpensCards(self, self.table)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(lambda pos: self._card_menu(self.table, pos))

        self.stack = QStackedWidget(self)
        self.stack.addWidget(columns)
        self.stack.addWidget(self.table)

        # Orders the payment deadline cancelled while the owner worked elsewhere: tell them or not.
        self.expiry_notice = ExpiryNotice(ctx, self)
        # The courier sheet or orders file just saved: how many orders, where, its folder (or why not).
        self.saved_note = SavedFileNote(self)
        # "Order 2026-0007 moved to “Paid”." with Undo (Ctrl+Z), and the cards' moves back.
        self.move_back = MoveBack(self)
        if actions is not None:
            actions.order_moved.connect(self.move_back.moved)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.expiry_notice)
        # The files the board reads and writes, below it beside the status: on one row with the
        # search and filters, the board was wider than a small screen.
        files = QHBoxLayout()
        files.addWidget(self.status, 3)  # "주문 72건 · 합계 3,148,500원 (취소 제외)" on one line
        files.addWidget(self.zone_note, 3)  # on one line where the row has the room
        files.addWidget(deposits)  # paid first, then the courier's sheet, then its tracking numbers
        files.addWidget(sheet)
        files.addWidget(export)
        files.addWidget(tracking)
        close = QToolButton(self)
        close.setText(self.tr("Close"))
        close.clicked.connect(self.close)
        files.addWidget(close)
        layout.addWidget(self.stack, 1)
        # Two shop computers on one relay each keep their own orders: a move made on one is not
        # seen on the other, so say where it matters (docs/install.md, "Two computers, one shop").
        self.only_here = QLabel(
            self.tr(
                "Orders are kept on this computer only: move a customer's orders on one computer, as "
                "another computer connected to the same relay does not see these moves."
            )
        )
        self.only_here.setWordWrap(True)
        self.only_here.setStyleSheet(f"color: {muted_colour()};")
        layout.addWidget(self.only_here)
        layout.addWidget(self.saved_note)
        layout.addWidget(self.move_back.strip)
        # Full width, as the move back's strip above it: beside the file buttons, "“입금 대기” 주문은
        # “배송 중”으로 옮길 수 없어요. 옮길 수 있는 단계: 결제 완료, 취소." wrapped into three lines
        # and pushed the buttons' row up while the card hovered.
        layout.addWidget(self.move_note)
        layout.addLayout(files)
        # Tab follows the screen: the search and filters, the columns (or the table), then the
        # buttons under them; the file buttons came before the columns.
        chain(row_widgets(layout))

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._filter_timer.start())
        # Enter filters at once, and opens the order when only one is found (its number typed).
        self._open_if_one = False
        # An order the board moved back: its card takes the keyboard in its new column once listed.
        self._follow: int | None = None
        self.search.returnPressed.connect(self._search_entered)
        # Esc closes the note of a file saved first (Tab may have taken the keyboard to its ✕), then
        # the window.
        self.notices = ClosableNotices(self)
        self.notices.add(self.saved_note, self.saved_note.hide)
        close_with_keys(self, escape=self._escape)
        self.period.currentIndexChanged.connect(lambda _i: self.reload())
        self.state_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.board_button.clicked.connect(lambda: self.show_table(False))
        self.table_button.clicked.connect(lambda: self.show_table(True))
        # Orders moved in another window, paid from a bank file, or new carts from sync.
        ctx.hub.changed.connect(self._hub_changed)
        # The board left open for hours: "Pay within 5 h" counts down, and an order's time turns
        # "Yesterday" after midnight, as when it was opened.
        self.clock = utcnow
        self.ticking = QTimer(self)
        self.ticking.setInterval(CLOCK_TICK_MS)
        self.ticking.timeout.connect(self.tick)
        self.ticking.start()

    def _escape(self) -> None:
        note = self.notices.holding_focus() or self.notices.newest()
        if note is None:
            self.close()
            return
        self.notices.close(note)
        self.search.setFocus()  # not the file button Qt chose as the next in the chain

    def showEvent(self, event: QShowEvent) -> None:
        place_within_screen(self)  # the first time: over the main window, inside the screen
        super().showEvent(event)
        self.expiry_notice.refresh()
        self.tick()  # shown again after hours hidden

    # ----------------------------------------------------------------- loading
    def order_filter(self) -> OrderFilter:
        days = int(self.period.currentData() or 0)
        state = str(self.state_filter.currentData() or "")
        return OrderFilter(
            states=(state,) if state else None,
            text=self.search.text(),
            since=self.period_start(days),
        )

    def period_start(self, days: int) -> datetime | None:
        """Where the period menu's days begin: "Today" since midnight on the shop's clock (at 10 in
        the morning it is not the last 24 hours, last night's orders in it), "Last 7 days" today and
        the six days before; None for any time."""
        if not days:
            return None
        now = self.clock().astimezone(self.shop_zone or zone(system_timezone()))
        midnight = datetime.combine(now.date() - timedelta(days=days - 1), time(), tzinfo=now.tzinfo)
        return midnight.astimezone(UTC)

    def reload(self) -> None:
        """Counts and each column's newest cards, in one op; the table follows when it is shown."""
        self._read_first_page(self.order_filter())
        if self.stack.currentIndex() == 1:
            self.reload_table()
        else:
            self._table_stale = True

    def _read_first_page(self, f: OrderFilter) -> None:
        self._generation += 1
        generation = self._generation
        self._filter = f
        db = self.ctx.db
        states = [state.value for state in BOARD_STATES]

        Op(lambda: board_page(db, f, states, PAGE), parent=self).success(
            lambda page: self.show_page(page, generation)
        ).failure(self._failed).run()

    def show_page(self, page: BoardPage, generation: int | None = None) -> None:
        if generation is not None and generation != self._generation:
            return  # an older filter's answer
        self.delegate.now = self.table_model.now = self.clock()
        # The shop's clock, as the order's window, its history and the customer's deadline use it.
        shop_zone = zone(page.time_zone) if page.time_zone else None
        self.delegate.zone = self.table_model.zone = self.shop_zone = shop_zone
        self.zone_note.setText(note := shop_clock_note(shop_zone))
        self.zone_note.setVisible(bool(note))
        for state, model in self.columns.items():
            total = page.counts.get(state.value, 0)
            view = self.column_views[state]
            chosen = self._summary_at(view, view.currentIndex())
            model.set_page(page.columns.get(state.value, []), total)
            if chosen is not None and (row := model.row_of(chosen.id)) is not None:
                view.setCurrentIndex(model.index(row))  # a reload keeps the card Enter would open
            self.column_titles[state].setText(f"{state_name(state)} ({count_text(total)})")
        if self._follow is not None:
            self._take_keyboard_to(self._follow)
            self._follow = None
        shown = sum(model.total for model in self.columns.values())
        text = self.tr("%Ln order(s)", "", shown)
        if amounts := [money(minor, currency) for currency, minor in sorted(page.money.items()) if minor]:
            # What the day (or the filter's orders) came to: the owner's question at closing time.
            text += " · " + self.tr("Total {0}, cancelled ones not counted").format(" + ".join(amounts))
        self.status.setText(text)
        self.loaded_once = True
        if self._open_if_one and generation is not None:
            self._open_if_one = False
            found = [model.summary(0) for model in self.columns.values() if model.rowCount()]
            if shown == 1 and len(found) == 1:
                self.open_order(found[0].id)
        self.loaded.emit(shown)

    def find_orders(self, text: str) -> None:
        """The orders `text` finds, of any time and any state (a customer's, from her chat)."""
        for menu in (self.period, self.state_filter):
            menu.blockSignals(True)
            menu.setCurrentIndex(0)
            menu.blockSignals(False)
        self.search.setText(text)
        self._filter_timer.stop()
        self.reload()

    def _search_entered(self) -> None:
        self._filter_timer.stop()
        self._open_if_one = True
        self.reload()

    def _fetch_column(self, model: StateColumnModel) -> None:
        generation, f, after, db = self._generation, self._filter, model.last_key(), self.ctx.db

        def work() -> list[OrderSummary]:
            return column_page(db, f, model.state.value, after, PAGE)

        def done(rows: list[OrderSummary]) -> None:
            if generation == self._generation:
                model.append(rows)

        Op(work, parent=self).success(done).failure(self._failed).run()

    def reload_table(self) -> None:
        self._table_stale = False
        self._table_generation += 1
        generation, f, db = (self._generation, self._table_generation), self._filter, self.ctx.db
        key, descending = self.table_model.sort_key, self.table_model.descending

        def work() -> tuple[list[OrderSummary], int]:
            return table_page(db, f, sort=key, descending=descending, limit=TABLE_PAGE)

        def done(result: tuple[list[OrderSummary], int]) -> None:
            if generation == (self._generation, self._table_generation):
                self.table_model.set_page(*result)
                self._fit_columns()
                self.table_loaded.emit(result[1])

        Op(work, parent=self).success(done).failure(self._failed).run()

    def _fetch_table(self, model: OrderTableModel) -> None:
        generation, f, db = (self._generation, self._table_generation), self._filter, self.ctx.db
        key, descending, offset = model.sort_key, model.descending, model.rowCount()

        def work() -> list[OrderSummary]:
            return table_page(db, f, sort=key, descending=descending, limit=TABLE_PAGE, offset=offset)[0]

        def done(rows: list[OrderSummary]) -> None:
            if generation == (self._generation, self._table_generation):
                model.append(rows)
                self._fit_columns()

        Op(work, parent=self).success(done).failure(self._failed).run()

    def _fit_columns(self) -> None:
        """Widen the Total column to its texts ("69,000원 · 남은 결제 금액 40,000원" of an exchange's
        new order was cut to "69,000원 · 남은…"), and the customer's and the state's ("Awaiting
        payment", "James Whitfield" were squeezed onto two lines of a one-line row beside the
        products' room to spare; a name up to CUSTOMER_WIDTH_MAX); never narrower than the owner
        dragged them."""
        header = self.table.horizontalHeader()
        for column in (Column.CUSTOMER, Column.STATE, Column.TOTAL):
            wanted = max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column))
            if column is Column.CUSTOMER:
                wanted = min(wanted, CUSTOMER_WIDTH_MAX)
            if wanted > header.sectionSize(column):
                header.resizeSection(column, wanted)

    # ----------------------------------------------------------------- shipping sheets
    def choose_courier_sheet(self) -> None:
        """Ask for the file only when there are paid orders to put in it (words typed in an order's
        window and not saved are asked about first)."""
        typed_orders_saved_then(self._open_order_windows(), self._courier_sheet_of_stored)

    def _open_order_windows(self) -> list[OrderWindow]:
        return [] if self.order_actions is None else list(self.order_actions.open_orders.values())

    def _courier_sheet_of_stored(self, over: QWidget | None = None) -> None:
        """`over`: the order window the owner answered a question in, which the file dialog opens
        over (parented to the board, it brought the board in front of that window)."""
        db = self.ctx.db
        Op(lambda: paid_order_count(db), parent=self).success(
            lambda paid: self._ask_courier_sheet(paid, over)
        ).failure(self._failed).run()

    def _ask_courier_sheet(self, paid: int, over: QWidget | None = None) -> None:
        if not paid:
            self.saved_note.show_problem(self.no_paid_orders())
            self.courier_sheet_saved.emit(0)
            return
        name = save_file_name(
            over or self,
            Picked.COURIER_SHEET,
            self.tr("Save courier sheet"),
            self.tr("courier-sheet-{0}.xlsx").format(date.today().isoformat()),
            self.tr("Excel workbook (*.xlsx);;CSV for Excel (*.csv)"),
        )
        if name:
            self.export_courier_sheet(Path(name), over=over)

    def no_paid_orders(self) -> str:
        return self.tr(
            "No paid orders to send: the courier sheet lists orders that are paid and not shipped yet."
        )

    def export_courier_sheet(self, path: Path, *, over: QWidget | None = None) -> None:
        """Write the sheet; the note under the board says how many orders it holds and where it is,
        or why it could not be written (a read-only folder, a full disk, the file open in Excel).
        `over`: the window the owner is in, which the orders left out are said over."""
        db = self.ctx.db

        def done(saved: CourierSheetSaved) -> None:
            n, left_out = saved.written, saved.left_out
            if n:
                text = self.tr("%Ln paid order(s) saved to the courier sheet.", "", n)
            elif left_out:
                text = self.tr("No courier sheet saved: no paid order has an address yet.")
            else:
                text = self.no_paid_orders()
            if left_out:
                text += " " + self.tr("%Ln order(s) left out for want of an address.", "", len(left_out))
            if n:
                self.saved_note.show_saved(text, path)
            else:
                self.saved_note.show_problem(text)
            self.courier_sheet_saved.emit(n)
            if left_out:
                message_box.warning(
                    over or self,
                    self.tr("Courier sheet"),
                    self.tr(
                        "These paid orders are not in the courier sheet: a courier cannot take a parcel "
                        "without its address. Fill it in on each order, then save the sheet again."
                    )
                    + "\n\n"
                    + "\n".join(left_out_line(order) for order in left_out),
                )

        def failed(exc: BaseException) -> None:
            self.saved_note.show_problem(
                self.tr("The courier sheet was not saved. {0}").format(failure_sentence(exc))
            )
            self.courier_sheet_saved.emit(0)

        Op(lambda: save_courier_sheet(db, path), parent=self).success(done).failure(failed).run()

    def export_days(self) -> tuple[date, date]:
        """The days the export offers first: the board's period, or this month so far for "Any time"."""
        # The shop's day on the board's clock (the relay's), as its periods count it.
        today = self.clock().astimezone(self.shop_zone or zone(system_timezone())).date()
        days = int(self.period.currentData() or 0)
        return (today - timedelta(days=days - 1) if days else today.replace(day=1)), today

    def choose_orders_export(self) -> None:
        """The days and the file (words typed in an order's window and not saved are asked about first)."""
        typed_orders_saved_then(self._open_order_windows(), self._export_stored_orders)

    def _export_stored_orders(self, over: QWidget | None = None) -> None:
        """`over`: the order window the owner answered a question in: the export's dialogs open over
        it, as the courier sheet's do."""
        from ui.order_export_dialog import OrderExportDialog

        dialog = OrderExportDialog(*self.export_days(), parent=over or self, clock=self.shop_zone)
        delete_when_closed(dialog)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        # Read now: the closed dialog is deleted in the save dialog's own loop (ui/ops.py delete_when_closed).
        (first, last), period = dialog.days(), dialog.period()
        name = save_file_name(
            over or self,
            Picked.ORDERS_SHEET,
            self.tr("Export orders"),
            self.tr("orders-{0}-{1}.xlsx").format(first.isoformat(), last.isoformat()),
            self.tr("Excel workbook (*.xlsx);;CSV for Excel (*.csv)"),
        )
        if name:
            self.export_orders(Path(name), *period)

    def export_orders(self, path: Path, since: datetime | None, until: datetime | None) -> None:
        """Write the orders placed in [since, until) for accounting; the note under the board says how
        many and where (the status line is rewritten by the next reload), or why it was not written."""
        db = self.ctx.db

        def done(counts: tuple[int, int]) -> None:
            orders, lines = counts
            if orders:
                text = self.tr("Orders file saved: {0}, {1}.").format(
                    self.tr("%Ln order(s)", "", orders), self.tr("%Ln line(s)", "", lines)
                )
            else:
                text = self.tr(
                    "No orders were placed in those days: the file holds only the column headings."
                )
            self.saved_note.show_saved(text, path)
            self.orders_exported.emit(orders, lines)

        def failed(exc: BaseException) -> None:
            self.saved_note.show_problem(
                self.tr("The orders file was not saved. {0}").format(failure_sentence(exc))
            )
            self.orders_export_failed.emit()

        names, computer_zone = state_names(), system_timezone()

        def work() -> tuple[int, int]:
            return save_orders_sheet(db, path, since, until, state_names=names, computer_zone=computer_zone)

        Op(work, parent=self).success(done).failure(failed).run()

    def open_deposits(self) -> None:
        """The same bank-file matching as Shop ▸ Match bank deposits…, opened over the board."""
        if self.order_actions is not None:
            self.order_actions.open_deposits(self)

    def choose_tracking_file(self) -> None:
        name = open_file_name(
            self,
            Picked.TRACKING_FILE,
            self.tr("Open the courier's file"),
            self.tr("Spreadsheets (*.xlsx *.xls *.csv *.txt)"),
        )
        if not name:
            return
        self.read_tracking_file(Path(name))

    def read_tracking_file(self, path: Path) -> None:
        """Read the file first: the courier is asked only for rows whose file names none."""
        db = self.ctx.db
        Op(lambda: tracking_plan(db, path), parent=self).success(
            lambda plan: self._ask_courier(path, plan)
        ).failure(self._failed).run()

    def _ask_courier(self, path: Path, plan: TrackingPlan) -> None:
        if not plan.without_courier:
            self.show_tracking_review(path, "", plan)
            return
        courier, ok = QInputDialog.getItem(
            self,
            self.tr("Courier"),
            self.tr("1 order in this file has no courier. Which courier is its tracking number from?")
            if plan.without_courier == 1
            else self.tr(
                "%Ln order(s) in this file have no courier. Which courier are their tracking numbers from?",
                "",
                plan.without_courier,
            ),
            list(couriers_for(self.ctx.shop_region)),
            0,
            True,
        )
        if ok and courier.strip():
            self.review_tracking(path, courier.strip())

    def review_tracking(self, path: Path, courier: str) -> None:
        """Plan the file with `courier` for rows naming none (their numbers checked against its
        shape), off this thread, then show the owner what it would do; nothing moves before she says."""
        db = self.ctx.db
        Op(lambda: tracking_plan(db, path, courier), parent=self).success(
            lambda plan: self.show_tracking_review(path, courier, plan)
        ).failure(self._failed).run()

    def show_tracking_review(self, path: Path, courier: str, plan: TrackingPlan) -> None:
        dialog = TrackingReviewDialog(plan, path.name, self, courier=courier)
        delete_when_closed(dialog)
        dialog.chosen.connect(lambda ticked: self.apply_tracking(path, courier, ticked))
        dialog.rejected.connect(
            lambda: self._say_file_result(self.tr("Tracking file not applied: nothing changed."))
        )
        dialog.finished.connect(lambda _result: self._review_closed(dialog))
        dialog.open()
        self.tracking_review = dialog

    def _review_closed(self, dialog: TrackingReviewDialog) -> None:
        """Deleted once closed: the board no longer holds it (a second file's review is a new one)."""
        if self.tracking_review is dialog:
            self.tracking_review = None

    def apply_tracking(self, path: Path, courier: str, ticked: dict[int, int]) -> None:
        """The rows the owner ticked in the review, applied (planned again in the write)."""
        db = self.ctx.db

        def done(result: tuple[TrackingApplied, Changes]) -> None:
            applied, changes = result
            shipped = list(applied.shipped)
            texts = [self.tr("%Ln order(s) marked shipped.", "", len(shipped))]
            if applied.retracked:
                texts.append(self.tr("%Ln tracking number(s) replaced.", "", len(applied.retracked)))
            if missed := len(ticked) - len(shipped) - len(applied.retracked):
                texts.append(
                    self.tr("%Ln ticked row(s) were not applied: their orders changed meanwhile.", "", missed)
                )
            said = " ".join(texts)
            self._say_file_result(said)
            self.ctx.publish(changes)
            self.shipped.emit(shipped)
            if self.order_actions is not None and shipped:
                # The shipped orders' messages with their tracking numbers: sent or not, together;
                # the note then says which, so the owner is not left wondering whether they went.
                notice = self.order_actions.offer_notice(BulkMove.COURIER_FILE, shipped)
                sending = notice.model.ticked
                notice.decided.connect(
                    lambda sent: self._say_file_result(f"{said} {self._told_text(sent, sending())}")
                )

        Op(lambda: apply_reviewed_tracking(db, path, courier, ticked), parent=self).success(done).failure(
            self._failed
        ).run()

    def _told_text(self, sent: bool, count: int) -> str:
        """What became of the shipped orders' messages, after the owner decided."""
        if sent and count:
            return self.tr("Tracking numbers sent to %Ln customer(s).", "", count)
        return self.tr("Customers not told.")

    def _say_file_result(self, text: str) -> None:
        """What the courier's file did: in the note that stays (the status line is rewritten by the
        reload its own changes start)."""
        self.saved_note.show_note(text)

    def tick(self) -> None:
        """A minute on: the cards' and the table's times and deadlines redrawn from the clock, and
        a period's orders read again once a new day starts it."""
        if self.delegate.now is None or not self.isVisible():
            return
        self.delegate.now = self.table_model.now = self.clock()
        for view in self.column_views.values():
            view.viewport().update()
        self.table.viewport().update()
        days = int(self.period.currentData() or 0)
        if days and self.period_start(days) != self._filter.since:
            self.reload()  # past midnight: "Today" (and its total) is the new day's, not yesterday's

    def _hub_changed(self, changes: Changes) -> None:
        if changes.orders:
            self.reload()
        elif changes.from_sync and changes.contacts and self.isVisible():
            self._filter_timer.start()  # a synced cart may have made an order

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(failure_sentence(exc))

    def show_table(self, table: bool) -> None:
        self.stack.setCurrentIndex(1 if table else 0)
        if table and self._table_stale:
            self.reload_table()
        self.table_button.setChecked(table)
        self.board_button.setChecked(not table)

    # ----------------------------------------------------------------- cards
    def follow(self, order_id: int) -> None:
        """The board's next page puts the keyboard on `order_id`'s card, wherever it is listed then: a
        card moved back by its menu, Undo or Ctrl+Z left the keyboard in the column it left, often
        empty, and arrows that no longer reached it."""
        self._follow = order_id

    def _take_keyboard_to(self, order_id: int) -> None:
        for state, model in self.columns.items():
            if (row := model.row_of(order_id)) is not None:
                view = self.column_views[state]
                view.setCurrentIndex(model.index(row))
                view.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def _summary_at(self, view: QAbstractItemView, index: QModelIndex) -> OrderSummary | None:
        if not index.isValid():
            return None
        summary = index.data(OrderRole.SUMMARY)
        return summary if isinstance(summary, OrderSummary) else None

    def step_column(self, view: QAbstractItemView, step: int) -> bool:
        """Left or Right in a column: the nearest column that way with cards takes the keyboard, on
        the card at the same height (its last one when it has fewer); True when the key was used
        (also at the board's edge, so the key does not fall through to the view's own moves)."""
        views = [self.column_views[state] for state in BOARD_STATES]
        if view not in views:
            return False
        row = max(view.currentIndex().row(), 0)
        at = views.index(view) + step
        while 0 <= at < len(views):
            target = views[at]
            model = target.model()
            if model is not None and model.rowCount() > 0:
                target.setFocus(Qt.FocusReason.OtherFocusReason)
                target.setCurrentIndex(model.index(min(row, model.rowCount() - 1), 0))
                return True
            at += step
        return True

    def _open_index(self, index: QModelIndex) -> None:
        summary = index.data(OrderRole.SUMMARY)
        if isinstance(summary, OrderSummary):
            self.open_order(summary.id)

    def open_order(self, order_id: int) -> None:
        if self.order_actions is not None:
            self.order_actions.open_order(order_id)

    def open_return(self, order_id: int) -> None:
        """The order's window, with its return or exchange asked over it."""
        if self.order_actions is not None:
            self.order_actions.open_order(order_id).open_return()

    def card_menu(self, summary: OrderSummary, back: BackStep | OrderError | None = None) -> QMenu:
        """The menu of one card: open it or its chat, move it to a state it may go to, or back where
        its last move came from (`back`, read first; a refusal says why when chosen)."""
        menu = QMenu(self)
        menu.addAction(self.tr("&Open order"), lambda: self.open_order(summary.id))
        if summary.contact_id is not None:
            contact_id = summary.contact_id
            menu.addAction(self.tr("Open &chat"), lambda: self.chat_requested.emit(contact_id))
        if OrderState(summary.state) in RETURN_STATES:
            ret = menu.addAction(self.tr("R&eturn or exchange…"), lambda: self.open_return(summary.id))
            ret.setObjectName("returnOrder")
        menu.addSeparator()
        for target in MOVES[OrderState(summary.state)]:
            act = QAction(move_button_text(target), menu)  # its Alt letter as on the order's window
            act.setObjectName(f"move_{target.value}")
            act.triggered.connect(lambda _c=False, t=target: self.move_card(summary.id, t))
            menu.addAction(act)
        if isinstance(back, BackStep):
            act = QAction(back_label(back.to_state), menu)
            act.setObjectName("moveBack")
            act.triggered.connect(lambda _c=False, step=back: self.move_back.ask(step))
            menu.addAction(act)
        elif isinstance(back, OrderError) and back.code is not ErrorCode.ORDER_BACK_NONE:
            act = QAction(back_refused_label(), menu)  # says why it cannot
            act.setObjectName("moveBack")
            act.triggered.connect(lambda _c=False, why=back: self.move_back.refused(why))
            menu.addAction(act)
        return menu

    def _card_menu(self, view: QAbstractItemView, pos: QPoint) -> None:
        summary = self._summary_at(view, view.indexAt(pos))
        if summary is None:
            return
        where = view.viewport().mapToGlobal(pos)
        db = self.ctx.db

        def refused(exc: BaseException) -> None:
            self.card_menu(summary, exc if isinstance(exc, OrderError) else None).popup(where)

        # Where its last move came from is read first: the menu names it ("Move back to “Paid”").
        Op(lambda: order_back_step(db, summary.id), parent=self).success(
            lambda step: self.card_menu(summary, step).popup(where)
        ).failure(refused).run()

    def _number_of(self, order_id: int) -> str | None:
        """The order's number ("2026-0004") if a column shows its card."""
        for model in self.columns.values():
            for row in range(model.rowCount()):
                if (summary := model.summary(row)).id == order_id:
                    return summary.number
        return None

    def _number_and_currency(self, order_id: int) -> tuple[str | None, str]:
        """The card's order number and currency (None and KRW for an order not on the board)."""
        for model in self.columns.values():
            for row in range(model.rowCount()):
                if (summary := model.summary(row)).id == order_id:
                    return summary.number, summary.currency
        return None, "KRW"

    def say_refused(self, text: str) -> None:
        """Say why a card cannot go where it was dragged (empty: it can, and nothing is said)."""
        self.move_note.setText(text)
        self.move_note.setVisible(bool(text))
        if text:
            self._move_note_timer.start()

    def move_card(self, order_id: int, state: OrderState) -> None:
        """Move an order (from its menu or a drop); the board, the chat and its labels follow.

        Shipping opens the order instead: its courier and tracking number go in first, so the
        customer's message is not sent with an empty tracking number that nothing lets the owner add.
        """
        if state is OrderState.SHIPPED and self.order_actions is not None:
            self.move_back.start(order_id, self._number_of(order_id))
            self.order_actions.open_order(order_id).ask_for_tracking()
            return
        if state is OrderState.CANCELLED:
            self._ask_cancel(order_id)
            return
        self._move_card_now(order_id, state)

    def _ask_cancel(self, order_id: int) -> None:
        """Cancel after asking, with what it owes the customer (read off this thread: an exchange's
        new order owes her what her first order's payment carried to it, which the card does not show)."""
        number, currency = self._number_and_currency(order_id)
        db = self.ctx.db

        def ask(owed: tuple[int, str]) -> None:
            refund, carried_from = owed
            paid = money(refund, currency) if refund else ""
            if confirm_cancel(self, number, paid, carried_from=carried_from):
                self._move_card_now(order_id, OrderState.CANCELLED)

        Op(lambda: cancel_refund(db, order_id), parent=self).success(ask).failure(self._failed).run()

    def _move_card_now(self, order_id: int, state: OrderState) -> None:
        number = self._number_of(order_id)
        if self.order_actions is not None:
            self.move_back.start(order_id, number)  # Undo is offered once the window has moved it
            # Its window makes the move, and only once the customer's message for it can go (or the
            # owner says to make it without): a card in "입금 대기" means the customer was asked.
            self.order_actions.open_order(order_id).move_to(state)
            return
        db = self.ctx.db

        # A board on its own (no order windows to tell the customer from): the move alone.
        def moved(changes: Changes) -> None:
            self.ctx.publish(changes)  # this board reloads with the others
            self.move_back.offer(order_id, number or "", state)

        Op(lambda: move_order_with_settings(db, order_id, state), parent=self).success(moved).failure(
            self._failed
        ).run()


def goes_back(from_state: OrderState, to_state: OrderState) -> bool:
    """A card dropped on an earlier column than its own (a cancelled one: on any but Done) asks to
    go back there; only where its last move came from takes it (`app.order_back`)."""
    if from_state is OrderState.CANCELLED:
        return to_state in OPEN_STATES
    return to_state in BOARD_STATES and BOARD_STATES.index(to_state) < BOARD_STATES.index(from_state)


class _OpensCards(QObject):
    """Enter (or Return) on the chosen card opens its order, as a double-click does. The double-click
    is read here too: the view drops one whose first click it lost, and a board reloaded between the
    two clicks (a synced message, an order moved elsewhere) loses it."""

    def __init__(self, board: OrderBoard, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.board = board
        self.view = view
        self.viewport = view.viewport()  # held: asked while the view is being destroyed, it is gone
        view.installEventFilter(self)
        self.viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: Any) -> bool:
        kind = event.type()
        if watched is self.view and kind == QEvent.Type.KeyPress:
            plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                return self._open(self.view.currentIndex())
            if plain and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                step = -1 if event.key() == Qt.Key.Key_Left else 1
                return self.board.step_column(self.view, step)
        elif (
            watched is self.viewport
            and kind == QEvent.Type.MouseButtonDblClick
            and event.button() == Qt.MouseButton.LeftButton
        ):
            return self._open(self.view.indexAt(event.position().toPoint()))
        return False

    def _open(self, index: QModelIndex) -> bool:
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.board._open_index(index)
        return True


class _DropTarget(QObject):
    """Dropping a card from another column moves that order to this column's state."""

    def __init__(self, board: OrderBoard, state: OrderState, view: QListView) -> None:
        super().__init__(board)
        self.board = board
        self.state = state
        self.view = view

    def eventFilter(self, watched: QObject, event: Any) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        dragged = self.dragged(event.mimeData())
        back = dragged is not None and goes_back(dragged[1], self.state)
        if dragged is None or (self.state not in MOVES[dragged[1]] and not back):
            if dragged is not None and dragged[1] is not self.state and kind == QEvent.Type.DragEnter:
                self.board.say_refused(move_refusal(dragged[1], self.state))
            event.ignore()
            return True
        if kind == QEvent.Type.DragEnter:
            self.board.say_refused("")
        if kind == QEvent.Type.Drop:
            event.setDropAction(Qt.DropAction.CopyAction)  # the source column must not remove the row
            event.accept()
            # After the drop returns: cancelling asks first, and a question must not open mid-drag.
            order_id, state = dragged[0], self.state
            if back:  # where its last move came from, read first (asked, when that matters)
                QTimer.singleShot(0, self.board, lambda: self.board.move_back.ask_for(order_id, state))
            else:
                QTimer.singleShot(0, self.board, lambda: self.board.move_card(order_id, state))
        else:
            event.acceptProposedAction()
        return True

    @staticmethod
    def dragged(mime: QMimeData) -> tuple[int, OrderState] | None:
        """(order id, its state) from a dragged card; None for anything else dropped here."""
        if not mime.hasFormat(ORDER_MIME):
            return None
        order_id, _, state = bytes(mime.data(ORDER_MIME).data()).decode().partition(":")
        try:
            return int(order_id), OrderState(state)
        except ValueError:
            return None
