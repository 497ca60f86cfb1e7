"""The orders board as the owner works it: Enter or a double-click opens a card, and the bank file is a
button away."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QToolButton

from app.orders import OrderState
from tests.ui.test_orders_ui import some_orders
from ui.deposit_dialog import DepositDialog
from ui.order_actions import OrderActions
from ui.order_board import OrderBoard


def open_board(window: Any, qtbot: Any) -> tuple[OrderActions, OrderBoard]:
    some_orders(window.ctx)
    actions = OrderActions(window, window.ctx)
    board = actions.open_board()
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.loaded_once)
    return actions, board


def test_enter_on_the_chosen_card_opens_its_order(window: Any, qtbot: Any) -> None:
    actions, board = open_board(window, qtbot)
    view = board.column_views[OrderState.NEW]
    model = board.columns[OrderState.NEW]
    view.setFocus()
    view.setCurrentIndex(model.index(1))
    chosen = model.summary(1).id
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert list(actions.open_orders) == [chosen]
    newest = model.summary(0).id
    view.setCurrentIndex(model.index(0))
    qtbot.keyClick(view, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert set(actions.open_orders) == {chosen, newest}


def test_left_and_right_move_between_columns_with_cards_at_the_same_height(window: Any, qtbot: Any) -> None:
    """Only Tab went from column to column, through each column's whole list first."""
    _actions, board = open_board(window, qtbot)
    new = board.column_views[OrderState.NEW]
    awaiting = board.column_views[OrderState.AWAITING_PAYMENT]
    shipped = board.column_views[OrderState.SHIPPED]
    board.show()
    new.setFocus()
    new.setCurrentIndex(board.columns[OrderState.NEW].index(2))

    qtbot.keyClick(new, Qt.Key.Key_Right)
    assert awaiting.hasFocus() and awaiting.currentIndex().row() == 0  # its only card
    qtbot.keyClick(awaiting, Qt.Key.Key_Right)  # Paid has no card: passed over
    assert shipped.hasFocus() and shipped.currentIndex().isValid()
    qtbot.keyClick(shipped, Qt.Key.Key_Right)  # nothing further with cards: stays
    assert shipped.hasFocus()
    qtbot.keyClick(shipped, Qt.Key.Key_Left)
    assert awaiting.hasFocus()
    qtbot.keyClick(awaiting, Qt.Key.Key_Left)
    assert new.hasFocus() and new.currentIndex().row() == 0


def test_enter_in_the_table_opens_the_order_of_the_chosen_row(window: Any, qtbot: Any) -> None:
    actions, board = open_board(window, qtbot)
    board.show_table(True)
    qtbot.waitUntil(lambda: board.table_model.rowCount() > 0)
    board.table.setFocus()
    board.table.selectRow(0)
    qtbot.keyClick(board.table, Qt.Key.Key_Return)
    assert list(actions.open_orders) == [board.table_model.summary(0).id]


def test_a_double_click_opens_the_card_even_when_the_board_reloaded_between_its_clicks(
    window: Any, qtbot: Any
) -> None:
    actions, board = open_board(window, qtbot)
    view = board.column_views[OrderState.NEW]
    model = board.columns[OrderState.NEW]
    spot = view.visualRect(model.index(0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    with qtbot.waitSignal(board.loaded):  # a synced message reloads the board
        board.reload()
    assert view.currentIndex().row() == 0  # the card stays chosen
    at = QPointF(spot)
    second = QMouseEvent(
        QEvent.Type.MouseButtonDblClick,
        at,
        view.viewport().mapToGlobal(at),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), second)
    assert list(actions.open_orders) == [model.summary(0).id]


def test_the_board_opens_the_bank_file_matching_as_the_shop_menu_does(window: Any, qtbot: Any) -> None:
    _actions, board = open_board(window, qtbot)
    button = board.findChild(QToolButton, "matchDeposits")
    assert button is not None and button.isVisible() and button.text() == "Match bank &deposits…"
    button.click()
    dialog = next(w for w in board.findChildren(DepositDialog) if w.isVisible())
    qtbot.addWidget(dialog)
    assert dialog.parent() is board  # over the board the owner works in, not behind it


def test_a_board_without_order_windows_has_no_bank_file_button(qtbot: Any, ctx: Any) -> None:
    board = OrderBoard(ctx)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once)
    button = board.findChild(QToolButton, "matchDeposits")
    assert button is not None and not button.isVisible()


def test_tab_goes_from_the_filters_to_the_columns_before_the_file_buttons_under_them(
    window: Any, qtbot: Any
) -> None:
    """Tab went from the filters to the buttons at the bottom, and only then up into the columns."""
    _actions, board = open_board(window, qtbot)
    board.activateWindow()
    board.search.setFocus()
    qtbot.waitUntil(board.search.hasFocus)
    stops = []
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    first_column = board.column_views[OrderState.NEW]
    courier = next(b for b in board.findChildren(QToolButton) if b.text() == "Courier &sheet…")
    assert first_column in stops and courier in stops
    assert stops.index(first_column) < stops.index(courier)


def test_a_column_tabbed_into_outlines_the_card_enter_would_open(window: Any, qtbot: Any) -> None:
    """Its current card had no mark of the keyboard's focus: the board looked as if nothing had it."""
    from PySide6.QtGui import QImage

    _actions, board = open_board(window, qtbot)
    view = board.column_views[OrderState.NEW]
    view.setCurrentIndex(board.columns[OrderState.NEW].index(0))
    board.search.setFocus()
    unfocused = view.viewport().grab().toImage()
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(view.hasFocus)
    focused = view.viewport().grab().toImage()
    card = view.visualRect(view.currentIndex())
    highlight = view.palette().color(view.palette().ColorRole.Highlight)

    def outlined(image: QImage) -> bool:
        return any(
            image.pixelColor(card.left() + 1, y) == highlight for y in range(card.top(), card.bottom())
        )

    assert outlined(focused) and not outlined(unfocused)


def test_the_shops_clock_note_never_makes_the_board_wider(window: Any, qtbot: Any) -> None:
    """On one line beside the file buttons it made the board wider than a 1024×600 screen at 125 %
    (819 pixels to Qt): Close and the Cancelled column were off the right edge."""
    _actions, board = open_board(window, qtbot)
    layout = board.layout()
    assert layout is not None
    # The first page's texts (the order count under the columns) reach the board's size only when
    # its layout is redone: a posted LayoutRequest that loaded_once can turn true ahead of. Measured
    # before it, the row under the columns still had an empty status (1 run in 8: 614 against 656).
    layout.activate()
    narrowest = board.minimumSizeHint().width()
    note = "Times on the shop's clock (Korean Time)"
    board.zone_note.setText(note)
    board.zone_note.show()
    layout.activate()
    one_line = board.zone_note.fontMetrics().horizontalAdvance(note)
    assert board.minimumSizeHint().width() - narrowest < one_line / 3  # it wraps, to a word or two a line


def test_a_cards_menu_has_an_alt_letter_for_each_item(window: Any, qtbot: Any) -> None:
    """Opened with the menu key, a letter picks the move: P marks paid, as on the order's window."""
    from tests.ui.test_menu_mnemonics import mnemonic

    _actions, board = open_board(window, qtbot)
    menu = board.card_menu(board.columns[OrderState.NEW].summary(0))
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    letters = [mnemonic(text) for text in texts]
    assert None not in letters and len(set(letters)) == len(letters), texts
    assert "Mark &paid" in texts
