"""The chat list pane: filter chips (All, Unread, Archived, a label or Needs a person, and for a shop
with two numbers the number) over the chats."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QContextMenuEvent,
    QFocusEvent,
    QInputMethodEvent,
    QKeyEvent,
    QMouseEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from app import relay_clock
from app.business_numbers import ChatListNumbers, NumberChoice
from app.changes import Changes
from app.conversation_rows import ConversationFilter, ConversationRow, LabelRow
from app.search_scope import ChatScope
from app.text_direction import isolated
from ui import icons
from ui.announce import announce
from ui.chat_list_aim import ChatListAim
from ui.chat_list_delegate import ROW_HEIGHT, ChatListDelegate
from ui.chat_list_model import ChatListModel, ChatRole
from ui.chat_list_numbers import NumberChip, OtherNumbersUnread
from ui.confirm import confirm
from ui.context import AppContext
from ui.formatting import count_text
from ui.icon_buttons import keys_tip, press_with_keys
from ui.korean_particles import with_particles
from ui.label_names import (
    as_button_text,
    label_display_name,
    label_swatch,
    new_label_colour,
    numbered_menu_texts,
    shown_label_names,
)
from ui.message_box import information
from ui.plain_tooltip import plain_tooltip
from ui.tab_order import chain
from ui.text_prompt import ask_text

# Imported before the first paint (ui/start_path.py): what reads or writes the database (app.queries,
# app.chat_actions, ui.ops and through them SQLAlchemy and pydantic) is imported where it is used.

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ui.ops import Newest

log = logging.getLogger(__name__)

HOLD_AFTER_LEAVE_MS = 1000
# A pointer that rests on the list this long is reading, not aiming: the chats that wrote take their
# places (the pointer leaving lets them go at once, after HOLD_AFTER_LEAVE_MS).
HOLD_WHILE_STILL_MS = 2000
LAYOUT_BATCH = 200  # rows the list lays out per turn of the event loop
PREPARE_PAGES = 2  # pages above and below the shown rows worked out ahead of a scroll
PREPARE_BUDGET_S = 0.002  # the most one turn of the event loop spends on it
LABEL_CHIP_CHARS = 11  # the longest name the label chip shows whole, in average characters
# Windows makes Shift+F10 a context-menu event itself, as the menu key everywhere; Qt under Linux
# does not, and a laptop without a menu key had no way from the keyboard to a chat's menu.
# The chips above the chats, left to right (All, Unread, Archived, Labels), then the number chip
# and the other numbers' unread beside it; the "↑ N" pill's key takes the list to its top.
FILTER_CHIP_KEYS = ("Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4")
NUMBER_CHIP_KEYS = "Ctrl+5"
OTHER_NUMBERS_KEYS = "Ctrl+6"
NEW_ABOVE_KEYS = "Alt+Home"

SHIFT_F10_IS_OURS = sys.platform.startswith("linux")


class ChatListView(QListView):
    """The chats' list view. A row that leaves the list (the open chat deleted or archived, or gone
    from the filter) never opens the one below it: in single-selection mode Qt makes the next row
    current *and selected*, and here a selected row is an opened chat, marked read, with read
    receipts sent to a customer whose messages nobody has seen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The chats above and below the one that left while open: the keyboard goes on from its
        # place (Down to the chat that took it), not from the top of the list.
        self.gap: tuple[QPersistentModelIndex, QPersistentModelIndex] | None = None

    def rowsAboutToBeRemoved(self, parent: QModelIndex | QPersistentModelIndex, start: int, end: int) -> None:
        current = self.currentIndex()
        if current.isValid() and start <= current.row() <= end and current.parent() == parent:
            model = self.model()
            self.gap = (
                QPersistentModelIndex(model.index(start - 1, 0, parent)),
                QPersistentModelIndex(model.index(end + 1, 0, parent)),
            )
            self.selectionModel().clear()  # nothing current: Qt has no row to move the selection to
        super().rowsAboutToBeRemoved(parent, start, end)

    def after_gap(self, forward: bool) -> QModelIndex:
        """With no chat current since the open one left: the chat after its place (`forward`) or
        before it, else an invalid index."""
        if self.gap is None or self.currentIndex().isValid():
            return QModelIndex()
        above, below = self.gap
        for near in (below, above) if forward else (above, below):
            if near.isValid():
                return self.model().index(near.row(), 0)
        return QModelIndex()

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        Move = QAbstractItemView.CursorAction
        if cursorAction in (Move.MoveDown, Move.MoveNext, Move.MoveUp, Move.MovePrevious):
            near = self.after_gap(cursorAction in (Move.MoveDown, Move.MoveNext))
            if near.isValid():
                return near
        return super().moveCursor(cursorAction, modifiers)

    def currentChanged(
        self, current: QModelIndex | QPersistentModelIndex, previous: QModelIndex | QPersistentModelIndex
    ) -> None:
        if current.isValid():
            self.gap = None
        super().currentChanged(current, previous)

    def focusInEvent(self, event: QFocusEvent) -> None:
        # With no row current, Qt makes the first one current when the list gets the keyboard back
        # (at start, the window shown; a dialog closed): its frame then sat on a chat nobody opened,
        # and a row moved by a new message took the frame down with it. Then no row is current: Down
        # opens the first chat, and the frame is on the open chat. Tab, or a shortcut, into the list
        # is the owner's own move: the cursor on the first chat shows where the keys go (as
        # focus_list's, Down from the search field).
        asked = event.reason() in (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
            Qt.FocusReason.ShortcutFocusReason,
        )
        before = self.currentIndex().isValid()
        gap = self.gap
        super().focusInEvent(event)
        current = self.currentIndex()
        if asked or before or not current.isValid():
            return
        if not self.selectionModel().isSelected(current):
            self.selectionModel().clearCurrentIndex()
            self.gap = gap
            self.viewport().update()


class ChatList(QWidget):
    """Emits `chat_selected(contact_id)` when the owner picks a conversation.

    Typing in the search field above the chips emits `search_typed(text)`: the window hands the text
    to the cross-chat search panel, which takes over the pane.
    """

    chat_selected = Signal(int)
    search_typed = Signal(str)
    chat_closed = Signal()  # the open chat was deleted or marked unread: nothing is open now
    chat_entered = Signal(int)  # Enter or a click on a chat: the cursor goes to its message field
    chat_deleted = Signal(int)  # a chat's messages were deleted: what was typed for it goes too

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = ChatListModel(ctx, self)
        self.labels: list[LabelRow] = []  # the shop's labels, for the filter chip and the context menu
        # Read again at each change to them: a look read before a rename that answered after it named
        # the label as before. Built with the first read (ui/ops.py loads after the first paint).
        self._label_reads: Newest | None = None
        self._number_reads: Newest | None = None  # the shop's numbers: the same, for the number chip
        # A chat to select once the page that should hold it is in (a notification, a search hit).
        self._reveal: ConversationRow | None = None
        self.view = ChatListView(self)
        self.view.setObjectName("chatListView")
        self.view.setAccessibleName(self.tr("Chats"))
        self.view.setModel(self.model)
        self.delegate = ChatListDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setUniformItemSizes(True)
        # Rows laid out a batch at a time between events: the list keeps a few hundred to a few
        # thousand rows, and laying them all out in one go after a catch-up's batch (≈ 2 µs a row)
        # came between a scroll and its paint.
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(LAYOUT_BATCH)
        self.view.setMouseTracking(True)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setFrameShape(QListView.Shape.NoFrame)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        # Selection, not the current index: a list that gets the keyboard focus makes its first row
        # current on its own, and that must not open (and mark read) a chat nobody picked.
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

        self.search_field = QLineEdit(self)
        self.search_field.setObjectName("chatListSearch")
        self.search_field.setPlaceholderText(self.tr("Search chats and messages"))
        self.search_field.setAccessibleName(self.tr("Search chats and messages"))
        self.search_field.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_field.setMaxLength(200)
        self.search_field.installEventFilter(self)
        self.search_field.textEdited.connect(self._search_edited)
        self._composing = False  # a Korean syllable is being typed in the search field (preedit)
        search_row = QHBoxLayout()
        search_row.setContentsMargins(10, 8, 10, 0)
        search_row.addWidget(self.search_field)

        self._chips = QButtonGroup(self)
        self._chips.setExclusive(True)
        bar = QHBoxLayout()
        bar.setContentsMargins(10, 6, 10, 6)
        bar.setSpacing(6)
        # Ctrl and the chip's place, as KakaoTalk's and Telegram's tabs and folders: the chips' words
        # change (a count, a label's name) and the window has no Alt letter to spare.
        for (key, text, tip), keys in zip(
            (
                ("all", self.tr("All"), self.tr("Every chat")),
                ("unread", self.tr("Unread"), self.tr("Chats with unread messages")),
                ("archived", self.tr("Archived"), self.tr("Archived chats")),
            ),
            FILTER_CHIP_KEYS,
            strict=False,
        ):
            chip = QPushButton(text, self)
            chip.setObjectName("filterChip")
            press_with_keys(chip, keys, tip)
            chip.setCheckable(True)
            chip.setProperty("filter", key)
            chip.setCursor(Qt.CursorShape.PointingHandCursor)
            self._chips.addButton(chip)
            bar.addWidget(chip)
            if key == "all":
                chip.setChecked(True)
            elif key == "archived":
                self.archived_chip = chip
        self.label_chip = QToolButton(self)
        self.label_chip.setObjectName("filterChip")
        self._name_label_chip(self.tr("Labels"))
        self.label_chip.setCheckable(True)
        self.label_chip.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.label_chip.setCursor(Qt.CursorShape.PointingHandCursor)
        self._last_selected: int | None = None
        self._label_menu = QMenu(self)
        self._label_menu.aboutToShow.connect(self._check_shown_filter)
        self.label_chip.setMenu(self._label_menu)
        press_with_keys(self.label_chip, FILTER_CHIP_KEYS[3])  # its menu opens
        self._chips.addButton(self.label_chip)
        bar.addWidget(self.label_chip)
        # One group, like radio buttons: Tab stops at the chosen chip alone and the arrow keys choose
        # another. Said, or a screen reader's "All, check box" left the owner tabbing past the rest.
        chips = self._chips.buttons()
        for n, member in enumerate(chips, 1):
            member.setAccessibleDescription(
                self.tr("Filter {0} of {1}. The arrow keys choose another.").format(n, len(chips))
            )
        # A shop with two numbers (two branches): one number's chats alone, with whichever chip is
        # picked. Out of the chips' group, so a stop of its own for Tab. On a row of its own under
        # them: the chips fill a 1024-pixel window's pane. Hidden with it, the row takes no room at
        # all (an empty layout still kept its margin: 6 pixels more above a one-number shop's chats).
        self.numbers_row = QWidget(self)
        self.number_chip = NumberChip(self.numbers_row, keys=NUMBER_CHIP_KEYS)
        self.known_numbers: frozenset[str] = frozenset()  # every number of the shop's, as last read
        self.number_chip.picked.connect(self._pick_number)
        # Beside it, while it lists one number: what waits unread on the others.
        self.other_unread = OtherNumbersUnread(self.numbers_row, keys=OTHER_NUMBERS_KEYS)
        self.other_unread.picked.connect(self.number_chip.choose)
        numbers_layout = QHBoxLayout(self.numbers_row)
        numbers_layout.setContentsMargins(10, 0, 10, 6)
        numbers_layout.addWidget(self.number_chip)
        numbers_layout.addWidget(self.other_unread)
        numbers_layout.addStretch(1)
        self.numbers_row.hide()
        # Beside the search field, which gives up the room: it neither covers the first chat nor
        # pushes the list down, and the pane keeps its width (the chips' row has no room left: there
        # the pill widened the whole pane, and the chat beside it jumped, at every new chat).
        self.new_above = QPushButton(self)
        self.new_above.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.new_above.setObjectName("newAbovePill")
        press_with_keys(self.new_above, NEW_ABOVE_KEYS)  # Home: the top of the list
        self.new_above.setCursor(Qt.CursorShape.PointingHandCursor)
        self.new_above.clicked.connect(self.show_new_above)
        self.new_above.hide()
        search_row.addWidget(self.new_above)
        self._chips.buttonClicked.connect(self._chip_clicked)

        # The order holds while the pointer is over the list and for a moment after it leaves, so
        # a chat never moves away just as the owner clicks it.
        self._pointer_inside = False
        self._menu_open = False
        # Chats that came to the top while the list was scrolled down (a customer wrote; the order
        # let go of the rows that waited): "↑ N" says so until they are scrolled into sight.
        self._news_above: set[int] = set()
        self._to_top = False  # a filter was picked: its first page shows from the top
        self._release_timer = QTimer(self)
        self._release_timer.setSingleShot(True)
        self._release_timer.setInterval(HOLD_AFTER_LEAVE_MS)
        self._release_timer.timeout.connect(self._release_if_away)
        self._button_down = False  # a press on the list whose release has not come yet
        self._still_timer = QTimer(self)
        self._still_timer.setSingleShot(True)
        self._still_timer.setInterval(HOLD_WHILE_STILL_MS)
        self._still_timer.timeout.connect(self._release_if_still)
        self.aim = ChatListAim(self.view, self.model)
        self.view.viewport().installEventFilter(self)
        self.view.installEventFilter(self)
        self.view.activated.connect(self._entered)
        # A click opens the chat ready to type in, as Enter does (the arrows keep the list's focus).
        self.view.clicked.connect(self._entered)
        self.model.held_changed.connect(self._held_changed)
        self.model.rows_refreshed.connect(self._note_news_above)
        self.model.modelReset.connect(self._forget_news_above)
        # A number switch's rows say their number (or not) as they come in, not while the old ones stay.
        self.model.modelReset.connect(self._tag_numbers)
        self.model.unread_changed.connect(self.show_archived_count)
        self.model.unread_changed.connect(self._show_other_unread)
        self.model.rowsInserted.connect(lambda *_: self._keep_first_row_whole())
        self.model.rowsMoved.connect(lambda *_: self._keep_first_row_whole())
        self.model.layoutChanged.connect(lambda *_: self._keep_first_row_whole())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(search_row)
        layout.addLayout(bar)
        layout.addWidget(self.numbers_row)
        layout.addWidget(self.view, 1)
        # Tab follows the screen: the search field, the filter chips, then the chats.
        self.tab_stops: list[QWidget] = [
            self.search_field,
            *self._chips.buttons(),
            self.number_chip,
            self.other_unread,
            self.new_above,
            self.view,
        ]
        chain(self.tab_stops)
        self.model.page_loaded.connect(self._page_loaded)
        ctx.hub.changed.connect(self._hub_changed)

        # An empty list says why and what comes next, instead of a blank white column.
        self.empty_note = QLabel(self.view.viewport())
        self.empty_note.setObjectName("chatListEmpty")
        self.empty_note.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_note.setWordWrap(True)
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty_note.hide()
        for signal in (
            self.model.page_loaded,
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.modelReset,
            self.model.unread_changed,  # the counts say whether every chat is archived
        ):
            signal.connect(self._show_empty_note)

        # Rows just out of sight are worked out for painting while the window has nothing to do, a
        # few at a time, so the page the owner scrolls to next is painted by replaying them. It
        # starts after each paint of the list (a scroll, a batch of changed rows, a resize): Qt
        # posts a paint below timers, so a start before it would delay the paint itself.
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setSingleShot(True)
        self._prepare_timer.setInterval(0)
        self._prepare_timer.timeout.connect(self._prepare_near)
        # A scroll's paint comes before a synced batch's rows (see ChatListModel.painted).
        self._scroll_unpainted = False
        self.view.verticalScrollBar().valueChanged.connect(self._scrolled)
        self._painted_timer = QTimer(self)
        self._painted_timer.setSingleShot(True)
        self._painted_timer.setInterval(0)
        self._painted_timer.timeout.connect(self._scroll_painted)

    # ----------------------------------------------------------------- holding the order
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_field and event.type() == QEvent.Type.InputMethod:
            assert isinstance(event, QInputMethodEvent)
            # Seen before the field takes it in, so `_search_edited` knows whether a syllable is
            # still being composed after the text this event commits.
            self._composing = bool(event.preeditString())
            if not self._composing and not event.commitString():
                # The syllable was taken back (Backspace): what was typed before it is searched.
                QTimer.singleShot(0, self, self._search_typed_so_far)
        elif watched is self.search_field and event.type() == QEvent.Type.FocusOut:
            self._composing = False  # the input method ends its composition when the field is left
        if watched is self.search_field and event.type() in (
            QEvent.Type.ShortcutOverride,
            QEvent.Type.KeyPress,
        ):
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down and event.type() == QEvent.Type.KeyPress:
                self.focus_list()
                return True
            if event.key() == Qt.Key.Key_Escape:
                # Esc here is the field's own (clear, back to the list), not the window's shortcut.
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    self.search_field.clear()
                    self.view.setFocus()
                return True
        if watched is self.view and event.type() == QEvent.Type.ContextMenu:
            assert isinstance(event, QContextMenuEvent)
            if event.reason() == QContextMenuEvent.Reason.Keyboard:
                # The menu key (or Shift+F10): the menu of the chat under the keyboard's cursor.
                self._keyboard_menu()
                return True
        if watched is self.view and event.type() == QEvent.Type.KeyPress and SHIFT_F10_IS_OURS:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier:
                self._keyboard_menu()
                return True
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            text = event.text()
            plain = not event.modifiers() & ~(
                Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
            )
            if plain and text and text.isprintable() and not text.isspace():
                # Letters typed in the list search, as typed in the field above it. The list's own
                # type-ahead opened the first chat whose name began with each letter, marking its
                # messages read (blue ticks sent) for an owner who thought she was in a reply.
                self.search_field.setFocus(Qt.FocusReason.OtherFocusReason)
                self.search_field.insert(text)
                self._search_edited(self.search_field.text())
                return True
        if watched is self.view.viewport():
            kind = event.type()
            if kind == QEvent.Type.Resize and not self.empty_note.isHidden():
                # The viewport's own size: at start its window may not be shown yet, and the list's
                # size is not the viewport's until it is (the note was once a one-word column).
                self._place_empty_note()
            if kind == QEvent.Type.Paint:
                if self._scroll_unpainted:
                    self._scroll_unpainted = False
                    self._painted_timer.start()  # runs once this paint is done
                if not self._prepare_timer.isActive():
                    self._prepare_timer.start()  # so does this
            if kind in (
                QEvent.Type.MouseButtonPress,
                QEvent.Type.MouseButtonRelease,
                QEvent.Type.MouseButtonDblClick,
            ):
                assert isinstance(event, QMouseEvent)
                if event.button() == Qt.MouseButton.RightButton:
                    return True  # the context menu follows; right-click never opens a chat
                self._button_down = kind != QEvent.Type.MouseButtonRelease
            if kind == QEvent.Type.Wheel:
                self.aim.forget()  # the owner scrolls: she aims at what she scrolled to
            if kind in (
                QEvent.Type.Enter,
                QEvent.Type.MouseMove,
                QEvent.Type.HoverMove,
                QEvent.Type.MouseButtonPress,
                QEvent.Type.MouseButtonDblClick,
            ):
                self._pointer_inside = True
                self._release_timer.stop()
                self._still_timer.start()
                self.model.hold()
            if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
                assert isinstance(event, QMouseEvent)
                if self._open_aimed(event):
                    return True
            elif kind == QEvent.Type.Leave:
                self._pointer_inside = False
                self._release_timer.start()
        return super().eventFilter(watched, event)

    def _keyboard_menu(self) -> None:
        current = self.view.currentIndex()
        if current.isValid():
            self._context_menu(self.view.visualRect(current).center(), pointer=False)

    def focus_list(self) -> None:
        """Keyboard into the list: a cursor on the open (or first) chat, and nothing opened by it."""
        self.view.setFocus(Qt.FocusReason.TabFocusReason)
        if not self.view.currentIndex().isValid() and self.model.rowCount():
            self.view.selectionModel().setCurrentIndex(
                self.model.index(0), QItemSelectionModel.SelectionFlag.NoUpdate
            )

    def _entered(self, index: QModelIndex) -> None:
        """Enter, a click or a double-click on a chat: open it and go to its message field."""
        if not self.view.selectionModel().isSelected(index):
            self.view.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.chat_entered.emit(int(index.data(ChatRole.CONTACT_ID)))

    def _search_edited(self, text: str) -> None:
        # The hand-off moves the keyboard to the search panel's field, and a focus change ends the
        # input method's composition: '주' committed while '무' of '주문' is composed would put '무'
        # in this field as it goes and start the next jamo afresh ('주ㄴ'). So while a syllable is
        # being composed the search waits for it (the next space, Enter or non-Hangul key).
        if self._composing:
            return
        if text.strip():
            self.search_typed.emit(text)
            self.search_field.clear()  # the search panel holds the query from here on

    def _search_typed_so_far(self) -> None:
        if self.search_field.hasFocus() and not self._composing:
            self._search_edited(self.search_field.text())

    def _release_if_away(self) -> None:
        if not self._pointer_inside and not self._menu_open:
            self.release_order()

    def _release_if_still(self) -> None:
        """The pointer rests on the list: the chats that wrote take their places, and the order
        holds again for the next ones (never between a press and its release)."""
        if not self._pointer_inside or self._menu_open or not self.model.waiting_ids():
            return
        if self._button_down:
            self._still_timer.start()
            return
        QToolTip.hideText()  # it named the chat under the pointer before the rows moved
        self.release_order()
        self.model.hold()

    def _open_aimed(self, event: QMouseEvent) -> bool:
        """A press just after rows moved under the pointer opens the chat that was shown there, which
        the owner aimed at, not the one that moved into its place; False: the view's own press."""
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        aimed = self.aim.aimed_at(event.position().toPoint())
        if aimed is None:
            return False
        log.info("a press just after the chats moved opens the chat shown there before")
        self.aim.keep()
        self.view.setCurrentIndex(aimed)
        self._entered(aimed)
        return True

    def release_order(self) -> None:
        # What waited goes to its place, above the view if the list is scrolled down: the pill stays.
        self._news_above |= self.model.waiting_ids()
        self.model.release()
        self._keep_first_row_whole()
        self._show_pill()

    def show_new_above(self) -> None:
        """The pill: let the waiting chats take their places and show the top of the list."""
        self.model.release()
        self.show_top()
        if self._pointer_inside:
            self.model.hold()

    def show_top(self) -> None:
        """Scroll to the first chat (a filter picked, the search closed, the pill clicked)."""
        self.view.verticalScrollBar().setValue(0)
        self._show_pill()

    def _held_changed(self, waiting: int) -> None:
        if waiting and self._pointer_inside and not self._still_timer.isActive():
            self._still_timer.start()  # they take their places once the pointer has rested a while
        self._show_pill(waiting)

    def _note_news_above(
        self, changes: list[tuple[ConversationRow | None, ConversationRow]], *_: object
    ) -> None:
        """A customer wrote to these chats: out of sight above the view, the pill counts them."""
        for old, new in changes:
            if new.unread_count > (old.unread_count if old is not None else 0):
                self._news_above.add(new.contact_id)
        self._show_pill()

    def _forget_news_above(self) -> None:
        self._news_above.clear()
        self._show_pill()

    def _show_pill(self, waiting: int | None = None) -> None:
        """ "↑ N": chats waiting for the pointer to leave, and chats with news above the view."""
        if self._news_above:
            # A row cut by the top edge counts as out of sight: its name is what is cut.
            edge = self.view.verticalScrollBar().value()
            height = max(1, self.view.sizeHintForRow(0))
            self._news_above = {
                contact_id
                for contact_id in self._news_above
                if (pos := self.model.position_of(contact_id)) is not None and pos * height < edge
            }
        held = self.model.waiting_ids()
        count = (len(held) if waiting is None else waiting) + len(self._news_above - held)
        # An arrow and a number, short beside the search field; the tooltip and screen readers say it all.
        self.new_above.setText(f"↑ {count_text(count)}")
        said = (
            self.tr("1 chat with new messages above: show it at the top")
            if count == 1
            else self.tr("%Ln chats with new messages above: show them at the top", "", count)
        )
        self.new_above.setToolTip(keys_tip(said, NEW_ABOVE_KEYS))
        self.new_above.setAccessibleName(said)
        self.new_above.setVisible(count > 0)

    def _keep_first_row_whole(self) -> None:
        """Near the top, show the top: a new first chat is never cut by the filter chips."""
        bar = self.view.verticalScrollBar()
        if 0 < bar.value() < self.view.sizeHintForRow(0):
            bar.setValue(0)

    # ----------------------------------------------------------------- painting ahead
    def _scrolled(self, _value: int) -> None:
        self._scroll_unpainted = True
        self.model.scrolled()
        if self._news_above:
            self._show_pill()  # scrolled up to them: seen

    def _scroll_painted(self) -> None:
        if not self._scroll_unpainted:  # not scrolled again since that paint
            self.model.painted()

    def _prepare_near(self) -> None:
        """Work out the rows a page or two above and below the shown ones, nearest first, for at most
        PREPARE_BUDGET_S; the rest at the next turn of the event loop."""
        count = self.model.rowCount()
        if not count:
            return
        # The scroll value may still be the last list's (a long All, scrolled to its end, before a
        # short Unread): every range is cut to the rows the model has now.
        first = min(count, self.view.verticalScrollBar().value() // ROW_HEIGHT)
        shown = self.view.viewport().height() // ROW_HEIGHT + 1

        def rows(start: int, stop: int) -> range:
            return range(min(count, max(0, start)), min(count, max(0, stop)))

        deadline = time.perf_counter() + PREPARE_BUDGET_S
        for page in range(1, PREPARE_PAGES + 1):
            below = rows(first + shown * page, first + shown * (page + 1))
            above = rows(first - shown * page, first - shown * (page - 1))
            for position in (*below, *reversed(above)):
                if self.delegate.prepare(self.model.row_at(position)) and time.perf_counter() > deadline:
                    self._prepare_timer.start()
                    return

    # ----------------------------------------------------------------- filters
    def read_labels(self) -> None:
        """The label list, read off the GUI thread and kept here until a `Changes` says labels changed."""
        from app.queries import labels
        from ui.ops import Newest

        if self._label_reads is None:
            self._label_reads = Newest()
        self._label_reads.run_read(
            self.ctx, labels, self._labels_read, parent=self, on_failure=self._read_failed
        )

    def _labels_read(self, rows: list[LabelRow]) -> None:
        self.labels = rows
        self._rebuild_label_menu()

    def _read_failed(self, exc: BaseException) -> None:
        log.warning("labels not read: %s", type(exc).__name__)

    def _hub_changed(self, changes: Changes) -> None:
        if changes.labels:
            self.read_labels()
        if changes.all_contacts:  # among them: the shop's numbers changed (app.sync_apply)
            self.read_numbers()

    def read_numbers(self, then: Callable[[], object] | None = None) -> None:
        """The shop's numbers, read off the GUI thread. With `then` (a load): the list shows the number
        it was left showing, read again if that is not the one it shows, else `then` is called.
        Without (the numbers changed): the number shown stays while it is one of them."""
        from app.business_numbers import chat_list_numbers
        from ui.ops import Newest

        if self._number_reads is None:
            self._number_reads = Newest()

        def read(numbers: ChatListNumbers) -> None:
            known = self.known_numbers
            if then is None:
                kept = self.model.number
                if all(c.phone_number_id != kept for c in numbers.choices):
                    kept = None
                numbers = replace(numbers, shown=kept)
            self._show_numbers(numbers)
            new = [c for c in numbers.choices if c.phone_number_id not in known]
            if then is None and known and new:
                self._tell_new_numbers(new)
            if numbers.shown != self.model.number:
                self._switch_number(numbers.shown)
            elif then is not None:
                then()

        def failed(exc: BaseException) -> None:
            log.warning("business numbers not read: %s", type(exc).__name__)
            if then is not None:
                then()

        def outdated(_numbers: ChatListNumbers) -> None:
            # A newer look was shown first (one read before a second number came hid its chip): a
            # load still reads its page.
            if then is not None:
                then()

        self._number_reads.run_read(
            self.ctx,
            chat_list_numbers,
            read,
            parent=self,
            on_failure=failed,
            on_outdated=outdated,
        )

    def _tell_new_numbers(self, new: list[NumberChoice]) -> None:
        """A customer wrote to another number of the shop's for the first time: the number chip
        appears (or offers it too), and a screen reader hears why, while the window is in front (a
        notification names the number otherwise, ui/notifications.py)."""
        news = self.number_chip.tell_new(new)
        if self.window().isActiveWindow():
            announce(self.number_chip, news)

    def _show_numbers(self, numbers: ChatListNumbers) -> None:
        self.known_numbers = numbers.every
        self.number_chip.show_numbers(numbers, self.ctx.shop_region)
        self.numbers_row.setVisible(bool(numbers.choices))
        self._show_other_unread()
        self._tag_numbers()

    def _tag_numbers(self) -> None:
        """Rows say their number (a short tag) while every number's chats are listed in a shop with
        two or more; one number's list, and a one-number shop's, show them as they always were."""
        from app.business_numbers import number_tags

        choices = self.number_chip.numbers.choices
        tags = number_tags(c.number for c in choices) if self.model.listed_number is None else {}
        if tags != self.delegate.number_tags:
            self.delegate.number_tags = tags
            self.view.viewport().update()

    def _show_other_unread(self) -> None:
        self.other_unread.show_unread(self.number_chip, self.model.unread_by_number)

    def unread_per_number(self) -> list[tuple[str, int]]:
        """A shop with two numbers: (the number as written, its unread messages) for each of its
        numbers with any, whichever the list shows (the tray names them); [] for a one-number shop."""
        counts = dict(self.model.unread_by_number)
        return [
            (self.number_chip.number_text(choice), counts[choice.phone_number_id])
            for choice in self.number_chip.numbers.choices
            if counts.get(choice.phone_number_id)
        ]

    def _pick_number(self, phone_number_id: str | None) -> None:
        """The owner chose a number in the chip's menu: its chats, and the choice kept for next time."""
        from app.business_numbers import show_number
        from ui.ops import run_write

        def remember(s: Session) -> Changes:
            show_number(s, phone_number_id)
            return Changes()

        self._switch_number(phone_number_id)
        self._show_other_unread()
        self._reselect()
        run_write(self.ctx, remember, parent=self)

    def _switch_number(self, phone_number_id: str | None) -> None:
        self._to_top = True
        self.model.set_number(phone_number_id)

    def _rebuild_label_menu(self) -> None:
        self._label_menu.clear()
        group = QActionGroup(self._label_menu)
        # The chats the menu bot handed over and nobody has answered, first in the chip's menu: a
        # chip of their own does not fit beside the others in a 1024-pixel window.
        waiting_text = self.tr("&Needs a person")
        waiting = QAction(waiting_text, self._label_menu)
        waiting.setObjectName("waitingFilter")
        waiting.setCheckable(True)
        waiting.setChecked(self.model.kind == "waiting")
        group.addAction(waiting)
        self._label_menu.addAction(waiting)
        waiting.triggered.connect(lambda _=False: self._pick_waiting())
        if self.labels:
            self._label_menu.addSeparator()
        shown_names = [label_display_name(lab.name) for lab in self.labels]
        # Numbered as a chat's Label chat menu is ("&1 Paid"): a Korean name has no letter of its own.
        texts = numbered_menu_texts(shown_names, beside=[waiting_text])
        for lab, shown, text in zip(self.labels, shown_names, texts, strict=True):
            on = self.model.label_id == lab.id
            action = QAction(label_swatch(lab.colour, ticked=on), text, self._label_menu)
            action.setCheckable(True)
            action.setChecked(on)
            action.setData(lab.id)
            group.addAction(action)
            self._label_menu.addAction(action)
            action.triggered.connect(lambda _=False, lid=lab.id, name=shown: self._pick_label(lid, name))

    def _pick_label(self, label_id: int, name: str) -> None:
        self.label_chip.setChecked(True)
        self._name_label_chip(name)
        self._switch_filter("all", label_id)
        self._reselect()

    def show_archived_count(self) -> None:
        """With archived chats kept archived when a customer writes (Settings), the Archived chip
        counts those with unread messages: otherwise nothing would say a customer wrote. Of the
        number listed (a shop with two numbers), as the chip's own list is."""
        count = self.model.archived_unread if self.ctx.prefs.get("keep_archived", False) else 0
        self.archived_chip.setText(
            self.tr("Archived {0}").format(count_text(count)) if count else self.tr("Archived")
        )

    def _name_label_chip(self, name: str) -> None:
        """The chip says what its menu picked, cut to the room a 1024-pixel window leaves it beside
        the other chips (a long name widened the pane); the whole name shows as its tooltip."""
        metrics = self.label_chip.fontMetrics()
        room = metrics.averageCharWidth() * LABEL_CHIP_CHARS
        shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
        self.label_chip.setText(as_button_text(shown))
        said = name if shown != name else self.tr("Chats with a label, or that need a person")
        self.label_chip.setToolTip(plain_tooltip(keys_tip(said, FILTER_CHIP_KEYS[3])))

    def _check_shown_filter(self) -> None:
        """The menu ticks the filter the list shows (none after All, Unread or Archived)."""
        colours = {lab.id: lab.colour for lab in self.labels}
        for action in self._label_menu.actions():
            if action.isCheckable():
                shown = action.objectName() == "waitingFilter" and self.model.kind == "waiting"
                picked = action.data() is not None and action.data() == self.model.label_id
                action.setChecked(shown or picked)
                if action.data() in colours:
                    action.setIcon(label_swatch(colours[action.data()], ticked=picked))

    def _pick_waiting(self) -> None:
        self.set_filter("waiting")
        self._reselect()

    def _chip_clicked(self, button: QPushButton | QToolButton) -> None:
        if button is self.label_chip:
            return
        self._name_label_chip(self.tr("Labels"))
        key = button.property("filter")
        self._switch_filter(key if key in ("all", "unread", "archived") else "all", None)
        self._reselect()

    def set_filter(self, kind: str, label_id: int | None = None) -> None:
        for b in self._chips.buttons():
            if b.property("filter") == kind and label_id is None:
                b.setChecked(True)
        if kind == "waiting":
            # Shown on the chip whose menu holds it, as a picked label is.
            self.label_chip.setChecked(True)
            self._name_label_chip(self.tr("Needs a person"))
        elif label_id is None:
            self._name_label_chip(self.tr("Labels"))
        known = ("all", "unread", "archived", "waiting")
        self._switch_filter(kind if kind in known else "all", label_id)  # type: ignore[arg-type]

    def shown_filter(self) -> tuple[ChatScope, str]:
        """The filter the list shows, as a search keeps to it, and its label's name as shown ("")."""
        kind, label_id = self.model.kind, self.model.label_id
        name = next((label_display_name(lab.name) for lab in self.labels if lab.id == label_id), "")
        return ChatScope(kind, label_id), name

    def _switch_filter(self, kind: ConversationFilter, label_id: int | None) -> None:
        """Another filter's chats, shown from the top once read (the scroll of the last list hid the
        newest chats of the next one, with the top row lined up and nothing to say so)."""
        self._to_top = True
        self.model.set_filter(kind, label_id)

    # ----------------------------------------------------------------- selection
    def load(self) -> None:
        """Read the first page, of the number the list was left showing, and the labels again (off
        the GUI thread); `model.page_loaded` says when."""
        self.read_numbers(then=self.model.reload)
        self.read_labels()

    def reveal(self, row: ConversationRow) -> None:
        """Select this chat, switching to a filter that shows it (Archived for an archived chat)."""
        if self.select_contact(row.contact_id):
            return
        self._reveal = row
        if self.model.number is not None and row.phone_number_id != self.model.number:
            # A chat to the shop's other number (a notification, a search hit): that number's chats,
            # the chip saying which, and the one left beside it with what waits there; a chat on
            # no number (known from a phone export): every number's.
            numbers = {choice.phone_number_id for choice in self.number_chip.numbers.choices}
            self.number_chip.choose(row.phone_number_id if row.phone_number_id in numbers else None)
        kind = "archived" if row.archived else "all"
        if self.model.kind != kind or self.model.label_id is not None:
            self.set_filter(kind)
        elif not self.model.reloading():
            # Only a reload ends with page_loaded: a synced batch being read in (all morning, in a
            # catch-up) does not, and the chat would never open.
            self._page_loaded()

    def _show_empty_note(self, *_args: object) -> None:
        empty = self.model.loaded_once and self.model.rowCount() == 0
        if empty:
            kind, label_id = self.model.kind, self.model.label_id
            number = self.number_chip.shown_text()
            if label_id is not None:
                name = next((label_display_name(lab.name) for lab in self.labels if lab.id == label_id), "")
                # An archived chat with the label is not listed here: the note says where it is.
                text = self.tr(
                    "No chats with the label {0}. Archived chats are listed under Archived."
                ).format(name)
            elif kind == "unread":
                text = self.tr("No unread chats. All caught up.")
            elif kind == "archived":
                text = self.tr("No archived chats. Archive a chat from its menu to keep it out of the way.")
            elif kind == "waiting":
                text = self.tr("No chat needs a person. When the menu bot hands a chat over, it shows here.")
            elif self.model.any_archived is None:
                empty, text = False, ""  # "no chats yet" may not be so: said once the chats are counted
            elif self.model.any_archived and number:
                text = with_particles(
                    self.tr(
                        "All the chats to your number {0} are archived. Click Archived above to see them."
                    ).format(number)
                )
            elif self.model.any_archived:
                text = self.tr("All your chats are archived. Click Archived above to see them.")
            elif number:
                no_chats = self.tr(
                    "No chats to your number {0} yet. The chats to your other numbers show with All numbers."
                )
                text = with_particles(no_chats.format(number))
            else:
                # How chats arrive is the chat pane's to say beside it: with no relay set up, none can,
                # and "when a customer writes, the chat appears here" told the owner otherwise.
                text = self.tr(
                    "No chats yet. Past chats from a phone can be brought in with File ▸ Import chat "
                    "from phone."
                )
            if number and (kind != "all" or label_id is not None):
                # The other number's chats are not gone: the note says which number is listed.
                text = (
                    with_particles(self.tr("Chats to your number {0} only.").format(number)) + "\n\n" + text
                )
        if empty:
            self.empty_note.setText(text)
            self._place_empty_note()
        self.empty_note.setVisible(empty)

    def _place_empty_note(self) -> None:
        area = self.view.viewport().rect().adjusted(24, 40, -24, 0)
        height = self.empty_note.heightForWidth(area.width())
        self.empty_note.setGeometry(area.left(), area.top(), area.width(), height)

    def _page_loaded(self) -> None:
        if self._reveal is None:
            self._mark_open_chat()
        if self._to_top:
            self._to_top = False
            self.show_top()
        row, self._reveal = self._reveal, None
        if row is None:
            return
        if not self.select_contact(row.contact_id):
            self.model.apply_rows([row])  # changed since the page was read: shown where it belongs
            if not self.select_contact(row.contact_id) and self.model.more_to_read():
                # Older than the pages read: they are read down to it, as scrolling there would.
                contact_id = row.contact_id
                self.model.read_through(contact_id, lambda: self.select_contact(contact_id))

    def show_first_page(
        self, page: list[ConversationRow], numbers: ChatListNumbers | None = None, any_archived: bool = False
    ) -> None:
        """Start-up: paint `page` (app/first_page.py) while the database layer loads; of the number
        `numbers` says the list was left showing (`any_archived`: and chats of it are archived).

        What needs the database (search, filters, labels, the chat menu) is disabled with a tooltip
        until `database_ready()`.
        """
        if numbers is not None:
            self._show_numbers(numbers)
        self.model.show_first_page(page, self.number_chip.numbers.shown, any_archived)
        starting = self.tr("Available in a moment: Shop Inbox is still starting")
        for widget in (self.search_field, *self._chips.buttons(), self.number_chip):
            widget.setEnabled(False)
            widget.setToolTip(starting)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)

    def database_ready(self) -> None:
        """The database layer has loaded: page on, and enable what show_first_page disabled."""
        self.model.paging = True
        for widget in (self.search_field, *self._chips.buttons(), self.number_chip):
            widget.setEnabled(True)
            widget.setToolTip("")
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.read_labels()
        self.read_numbers()
        self.model.read_unread_total()
        if self.model.canFetchMore():
            self.model.fetchMore()  # the owner may have scrolled to the end of the first page

    def _selection_changed(self, *_: object) -> None:
        chosen = self.view.selectionModel().selectedIndexes()
        if chosen:
            self._last_selected = int(chosen[0].data(ChatRole.CONTACT_ID))
            if self.model.kind == "unread":
                self.model.kept_unread.add(self._last_selected)
            self.chat_selected.emit(self._last_selected)

    def current_contact(self) -> int | None:
        idx = self.view.currentIndex()
        return int(idx.data(ChatRole.CONTACT_ID)) if idx.isValid() else None

    def select_contact(self, contact_id: int) -> bool:
        """Make `contact_id` current (emits chat_selected when it changes); False if not in the list."""
        pos = self.model.position_of(contact_id)
        if pos is None:
            return False
        self.view.setCurrentIndex(self.model.index(pos))
        self.view.scrollTo(self.model.index(pos))
        return True

    def _reselect(self) -> None:
        if self._last_selected is not None:
            self.select_contact(self._last_selected)

    def _mark_open_chat(self) -> None:
        """A page read afresh (another filter, the list read again) lost the selection with its
        reset: the open chat's row is marked again, and the keyboard's cursor on it, else the chat
        shown on the right had no row marked and the arrows started from the first chat."""
        if self._last_selected is None or self.view.selectionModel().hasSelection():
            return
        pos = self.model.position_of(self._last_selected)
        if pos is not None:
            self.view.setCurrentIndex(self.model.index(pos))

    def step(self, delta: int) -> None:
        """Next/previous chat (Ctrl+Tab / Ctrl+Shift+Tab), wrapping around."""
        count = self.model.rowCount()
        if not count:
            return
        idx = self.view.currentIndex()
        near = self.view.after_gap(delta > 0)
        if near.isValid():  # the open chat left the list (archived): the chat beside its place
            row = near.row()
        elif idx.isValid() and self.view.selectionModel().isSelected(idx):
            row = (idx.row() + delta) % count
        elif idx.isValid():
            # No chat open, the keyboard's cursor on one (Down from the search field puts it on the
            # first, a focus-in on the list does too): that chat, not the one after it.
            row = idx.row()
        else:
            row = 0 if delta > 0 else count - 1
        index = self.model.index(row)
        self.view.setCurrentIndex(index)
        if not self.view.hasFocus():
            # Typing in the chat she left, the owner heard nothing of the chat she went to (the list,
            # which would say it, has not the keyboard): its row is said.
            announce(self.view, index.data(Qt.ItemDataRole.AccessibleTextRole))

    # ----------------------------------------------------------------- context menu
    def _context_menu(self, pos: QPoint, *, pointer: bool = True) -> None:
        """The chat's menu: under the pointer (a right-click just after rows moved is for the chat
        shown there before, as a left press is), or under the keyboard's cursor."""
        aimed = self.aim.aimed_at(pos) if pointer else None
        idx = aimed if aimed is not None else self.view.indexAt(pos)
        if not idx.isValid():
            return
        row: ConversationRow = idx.data(ChatRole.ROW)
        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        pin = menu.addAction(self.tr("Un&pin chat") if row.pinned else self.tr("&Pin chat"))
        archive = menu.addAction(self.tr("Un&archive chat") if row.archived else self.tr("&Archive chat"))
        unread = menu.addAction(self.tr("Mark as &read") if row.unread_count else self.tr("Mark as &unread"))
        label_menu = menu.addMenu(self.tr("&Label chat"))
        toggles, new_label = self.fill_label_menu(label_menu, row)
        export = menu.addAction(self.tr("&Export chat…"))
        menu.addSeparator()
        block = self._block_action(menu, row)
        delete = menu.addAction(self.tr("&Delete chat"))
        delete.setObjectName("deleteChatAction")
        # While the menu is open the chats keep their places: the pointer is on the menu, not the list,
        # and the row the menu is for must not move away under it.
        self._release_timer.stop()
        self.model.hold()
        self._menu_open = True
        # The row stays lit while its menu is open (the pointer is on the menu): the menu says
        # which chat it is for, as a file manager marks the file under its menu.
        self.delegate.menu_for = row.contact_id
        self.view.viewport().update(self.view.visualRect(idx))
        try:
            chosen = menu.exec(self.view.viewport().mapToGlobal(pos))
        finally:
            self.delegate.menu_for = None
            self.view.viewport().update()
            self._menu_open = False
            if not self._pointer_inside:
                self._release_timer.start()
        if chosen is pin:
            self.set_flags(row.contact_id, pinned=not row.pinned)
        elif chosen is archive:
            self.set_flags(row.contact_id, archived=not row.archived)
        elif chosen is unread:
            self.mark_unread(row) if not row.unread_count else self.mark_read(row)
        elif chosen is export:
            from ui.chat_export_action import export_chat_to_file  # not at start: the list paints first

            export_chat_to_file(self, self.ctx, row.contact_id)
        elif chosen is block:
            self.block(row)
        elif chosen is delete:
            self.delete_chat(row)
        elif chosen in toggles:
            self.toggle_label(row.contact_id, toggles[chosen], chosen.isChecked())
        elif chosen is new_label:
            self.ask_new_label(row.contact_id)

    def fill_label_menu(self, menu: QMenu, row: ConversationRow) -> tuple[dict[QAction, int], QAction]:
        """A chat's "Label chat" menu (here and in the window's Chat menu): each label ticked when
        the chat has it, then "New label…". Returns the ticks' label ids and "New label…"."""
        on = {label.id for label in row.labels}
        toggles = {}
        new_text = self.tr("&New label…")
        names = [label_display_name(label.name) for label in self.labels]
        # Each label has its Alt key (Shift+F10, L, then 2 puts the second label on), as every item does.
        texts = numbered_menu_texts(names, beside=[new_text])
        for label, text in zip(self.labels, texts, strict=True):
            action = menu.addAction(label_swatch(label.colour, ticked=label.id in on), text)
            action.setCheckable(True)
            action.setChecked(label.id in on)
            toggles[action] = label.id
        menu.addSeparator()
        new_label = menu.addAction(new_text)
        new_label.setObjectName("newLabelAction")
        return toggles, new_label

    def _block_action(self, menu: QMenu, row: ConversationRow) -> QAction:
        """Block says what it will do: on WhatsApp (Meta's block list), or in Shop Inbox only."""
        if row.blocked:
            return menu.addAction(self.tr("Un&block"))
        if self._blocks_on_whatsapp(row):
            action = menu.addAction(self.tr("&Block"))
            action.setToolTip(self.tr("The customer can no longer write to the shop on WhatsApp."))
            return action
        action = menu.addAction(self.tr("&Block in Shop Inbox only"))
        action.setToolTip(
            self.tr(
                "WhatsApp blocks only customers who wrote in the last 24 hours.\nShop Inbox stops "
                "notifications and automatic replies for this chat;\nthe customer can still write."
            )
        )
        return action

    def _blocks_on_whatsapp(self, row: ConversationRow) -> bool:
        from app.chat_actions import whatsapp_can_block

        return (
            not self.ctx.demo
            and bool(row.wa_id)
            and self.ctx.sync is not None
            # The 24 hours are Meta's: a laptop a day slow offered a block Meta would refuse.
            and whatsapp_can_block(row.last_inbound_at, relay_clock.now())
        )

    def mark_unread(self, row: ConversationRow) -> None:
        """WhatsApp's "Mark as unread": the chat keeps its unread badge until it is opened again."""
        if self._last_selected == row.contact_id:
            self.clear_selection()  # left open, it would be read again a second later
        from app.chat_actions import mark_unread
        from ui.ops import run_change

        run_change(self.ctx, partial(mark_unread, self.ctx.db, row.contact_id), parent=self)

    def mark_read(self, row: ConversationRow) -> None:
        from app.chat_actions import mark_chat_read
        from ui.ops import run_change_returning

        def done(wamids: list[str]) -> None:
            if self.ctx.prefs.get("read_receipts", True) and self.ctx.sync is not None:
                for wamid in wamids:
                    self.ctx.sync.send_read_receipt(wamid)

        run_change_returning(
            self.ctx, partial(mark_chat_read, self.ctx.db, row.contact_id), done, parent=self
        )

    def clear_selection(self) -> None:
        self.view.selectionModel().clearSelection()
        self._last_selected = None
        self.chat_closed.emit()

    def delete_chat(self, row: ConversationRow) -> None:
        if not confirm(
            self,
            self.tr("Delete chat"),
            self.tr(
                "Delete the chat with {0}? Its messages are removed from this computer and do not "
                "come back when Shop Inbox syncs again. A new message from the customer starts a new chat."
            ).format(isolated(row.display_name)),
            self.tr("&Delete"),
        ):
            return
        if self._last_selected == row.contact_id:
            self.clear_selection()
        from app.chat_actions import delete_chat
        from ui.ops import run_change

        def deleted(_changes: object) -> None:
            self.model.drop(row.contact_id)
            self.chat_deleted.emit(row.contact_id)

        # What WhatsApp stamps later must come through: its clock, not a laptop's hours fast.
        now = relay_clock.now()
        run_change(
            self.ctx,
            partial(delete_chat, self.ctx.db, row.contact_id, now, self.ctx.paths.media_dir),
            deleted,
            parent=self,
        )

    def block(self, row: ConversationRow) -> None:
        """Block (or unblock) here at once, then tell the relay, which asks Meta where it can."""
        blocked = not row.blocked
        if blocked and not confirm(
            self,
            self.tr("Block"),
            self.tr("Block {0}? No notifications and no automatic replies for this chat.").format(
                row.display_name
            ),
            self.tr("&Block"),
        ):
            return
        from ui.block_action import block_customer

        block_customer(self.ctx, row.contact_id, row.wa_id, blocked, self)

    def toggle_label(self, contact_id: int, label_id: int, on: bool) -> None:
        """Apply or remove one label from the chat list's menu (on the writer)."""
        from app.queries import set_label
        from ui.ops import run_write

        def work(s: Session) -> Changes:
            set_label(s, contact_id, label_id, on)
            return Changes.for_contacts({contact_id}, messages=False)

        self.model.let_go(contact_id)  # leaves a label's filter at once when the label comes off
        run_write(self.ctx, work, parent=self)

    def ask_new_label(self, contact_id: int) -> None:
        """ "New label…" in a chat's label menu: the label is made and put on this chat at once."""
        name, ok = ask_text(self, self.tr("New label"), self.tr("&Name"))
        if ok:
            self.add_label_to_chat(contact_id, name)

    def add_label_to_chat(self, contact_id: int, name: str) -> None:
        """The label called `name` on the chat: made when no label has that name; one that has it
        (she typed "새 고객" rather than look for it in the menu) is put on, not refused."""
        from app.labels import ChatLabelled, label_chat_named
        from ui.ops import run_write_returning

        shown = shown_label_names()
        colour = new_label_colour(len(self.labels))

        def work(s: Session) -> tuple[ChatLabelled, Changes]:
            done = label_chat_named(s, contact_id, name, colour, shown=shown)
            changes = Changes.for_contacts({contact_id}, messages=False)
            return done, (changes | Changes(labels=True)) if done.made else changes

        def done(result: ChatLabelled) -> None:
            if result.already_on:
                said = self.tr("This chat already has the label “{0}”.").format(result.seen_as)
                information(self, self.tr("New label"), said)

        run_write_returning(self.ctx, work, done, parent=self)

    def set_flags(self, contact_id: int, **flags: bool) -> None:
        from app.queries import set_flags
        from ui.ops import run_write

        def work(s: Session) -> Changes:
            set_flags(s, contact_id, **flags)
            return Changes.for_contacts({contact_id}, messages=False)

        self.model.let_go(contact_id)  # an archived chat leaves, a pinned one goes up, at once
        run_write(self.ctx, work, parent=self)
