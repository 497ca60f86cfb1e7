"""Shop ▸ Orders: a column of cards per state, or a sortable table; filter, open, move by menu or drag."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
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

from app.models import utcnow
from app.order_queries import OrderSummary, order_summaries
from app.orders import BOARD_STATES, MOVES, OrderState, move_order
from ui.context import AppContext
from ui.ops import Op, failure_sentence
from ui.order_board_model import OrderRole, OrderTableModel, StateColumnModel
from ui.order_card_delegate import OrderCardDelegate
from ui.order_text import state_name
from ui.order_window import move_label

if TYPE_CHECKING:
    from ui.order_actions import OrderActions

log = logging.getLogger(__name__)

FILTER_DELAY_MS = 200
# Done and cancelled orders pile up for years; the board shows the newest of them unless filtered.
CLOSED_SHOWN_DAYS = 30


class OrderBoard(QWidget):
    """A top-level window. Reads run as ops; a reload replaces each column's rows in one reset."""

    chat_requested = Signal(int)  # contact id
    loaded = Signal(int)  # how many orders are shown

    def __init__(self, ctx: AppContext, actions: OrderActions | None = None) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.ctx = ctx
        self.order_actions = actions
        self.setObjectName("orderBoard")
        self.setWindowTitle(self.tr("Orders"))
        self.resize(1280, 720)
        self.loaded_once = False
        self._generation = 0

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search orders: number, customer, item, tracking"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(100)
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
        self.board_button = QToolButton(self)
        self.board_button.setText(self.tr("Board"))
        self.board_button.setCheckable(True)
        self.board_button.setChecked(True)
        self.table_button = QToolButton(self)
        self.table_button.setText(self.tr("Table"))
        self.table_button.setCheckable(True)
        self.status = QLabel(self)

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
            view = QListView(columns)
            view.setObjectName(f"column_{state.value}")
            view.setModel(model)
            view.setItemDelegate(self.delegate)
            view.setUniformItemSizes(True)
            view.setSpacing(3)
            view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(lambda pos, v=view: self._card_menu(v, pos))
            view.doubleClicked.connect(self._open_index)
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

        # Table: every order, sortable by any column.
        self.table_model = OrderTableModel(self)
        self.table_proxy = QSortFilterProxyModel(self)
        self.table_proxy.setSourceModel(self.table_model)
        self.table_proxy.setSortRole(OrderRole.SORT)
        self.table = QTableView(self)
        self.table.setObjectName("orderTable")
        self.table.setModel(self.table_proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open_index)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(lambda pos: self._card_menu(self.table, pos))

        self.stack = QStackedWidget(self)
        self.stack.addWidget(columns)
        self.stack.addWidget(self.table)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._filter_timer.start())
        self.period.currentIndexChanged.connect(lambda _i: self.reload())
        self.state_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.board_button.clicked.connect(lambda: self.show_table(False))
        self.table_button.clicked.connect(lambda: self.show_table(True))
        if ctx.sync is not None:  # new carts arrive with sync
            ctx.sync.conversations_changed.connect(lambda _ids: self._sync_changed())
        self.reload()

    # ----------------------------------------------------------------- loading
    def filters(self) -> dict[str, Any]:
        days = int(self.period.currentData() or 0)
        state = str(self.state_filter.currentData() or "")
        now = utcnow()
        return {
            "states": [state] if state else None,
            "text": self.search.text(),
            "since": now - timedelta(days=days) if days else None,
        }

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        filters = self.filters()
        db = self.ctx.db

        def work() -> list[OrderSummary]:
            with db.read() as s:
                return order_summaries(s, **filters)

        Op(work, parent=self).success(lambda rows: self.show_rows(rows, generation)).failure(
            self._failed
        ).run()

    def show_rows(self, rows: list[OrderSummary], generation: int | None = None) -> None:
        if generation is not None and generation != self._generation:
            return  # an older filter's answer
        now = utcnow()
        closed_since = now - timedelta(days=CLOSED_SHOWN_DAYS)
        filtered = bool(
            self.search.text().strip() or self.period.currentData() or self.state_filter.currentData()
        )
        by_state: dict[str, list[OrderSummary]] = {state.value: [] for state in BOARD_STATES}
        for row in rows:
            bucket = by_state.get(row.state)
            if bucket is None:
                continue
            if (
                row.state in (OrderState.DONE, OrderState.CANCELLED)
                and not filtered
                and row.updated_at < closed_since
            ):
                continue
            bucket.append(row)
        self.delegate.now = now
        for state, model in self.columns.items():
            model.set_rows(by_state[state.value])
            self.column_titles[state].setText(f"{state_name(state)} ({len(by_state[state.value])})")
        self.table_model.now = now
        self.table_model.set_rows(rows)
        self.status.setText(self.tr("%n order(s)", "", len(rows)))
        self.loaded_once = True
        self.loaded.emit(len(rows))

    def _sync_changed(self) -> None:
        if self.isVisible():
            self._filter_timer.start()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(failure_sentence(exc))

    def show_table(self, table: bool) -> None:
        self.stack.setCurrentIndex(1 if table else 0)
        self.table_button.setChecked(table)
        self.board_button.setChecked(not table)

    # ----------------------------------------------------------------- cards
    def _summary_at(self, view: QAbstractItemView, index: QModelIndex) -> OrderSummary | None:
        if not index.isValid():
            return None
        summary = index.data(OrderRole.SUMMARY)
        return summary if isinstance(summary, OrderSummary) else None

    def _open_index(self, index: QModelIndex) -> None:
        summary = index.data(OrderRole.SUMMARY)
        if isinstance(summary, OrderSummary):
            self.open_order(summary.id)

    def open_order(self, order_id: int) -> None:
        if self.order_actions is not None:
            self.order_actions.open_order(order_id)

    def card_menu(self, summary: OrderSummary) -> QMenu:
        """The menu of one card: open it or its chat, or move it to a state it may go to."""
        menu = QMenu(self)
        menu.addAction(self.tr("Open order"), lambda: self.open_order(summary.id))
        if summary.contact_id is not None:
            contact_id = summary.contact_id
            menu.addAction(self.tr("Open chat"), lambda: self.chat_requested.emit(contact_id))
        menu.addSeparator()
        for target in MOVES[OrderState(summary.state)]:
            act = QAction(move_label(target), menu)
            act.setObjectName(f"move_{target.value}")
            act.triggered.connect(lambda _c=False, t=target: self.move_card(summary.id, t))
            menu.addAction(act)
        return menu

    def _card_menu(self, view: QAbstractItemView, pos: QPoint) -> None:
        summary = self._summary_at(view, view.indexAt(pos))
        if summary is not None:
            self.card_menu(summary).popup(view.viewport().mapToGlobal(pos))

    def move_card(self, order_id: int, state: OrderState) -> None:
        """Move an order (from its menu or a drop); the board, the chat and its labels follow."""
        db = self.ctx.db

        def work() -> int | None:
            with db.write() as s:
                return move_order(s, order_id, state).contact_id

        def done(contact_id: int | None) -> None:
            if self.order_actions is not None:
                self.order_actions.changed.emit(contact_id)
            else:
                self.reload()

        Op(work, parent=self).success(done).failure(self._failed).run()


class _DropTarget(QObject):
    """Dropping a card from another column moves that order to this column's state."""

    def __init__(self, board: OrderBoard, state: OrderState, view: QListView) -> None:
        super().__init__(board)
        self.board = board
        self.state = state
        self.view = view

    def eventFilter(self, watched: QObject, event: Any) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            source = event.source()
            summary = self._dragged(source)
            if summary is not None and self.state in MOVES[OrderState(summary.state)]:
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if kind == QEvent.Type.Drop:
            summary = self._dragged(event.source())
            if summary is not None and self.state in MOVES[OrderState(summary.state)]:
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                self.board.move_card(summary.id, self.state)
            else:
                event.ignore()
            return True
        return False

    def _dragged(self, source: Any) -> OrderSummary | None:
        if not isinstance(source, QListView) or source is self.view:
            return None
        index = source.currentIndex()
        summary = index.data(OrderRole.SUMMARY) if index.isValid() else None
        return summary if isinstance(summary, OrderSummary) else None
