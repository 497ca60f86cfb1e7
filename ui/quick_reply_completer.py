"""The composer's `/` completer: a popup list of quick replies filtered as the owner types.

Usage (the composer owns the editor and attaches the completer once)::

    completer = QuickReplyCompleter(editor, ctx, contact_provider=lambda: current_contact_info)
    completer.inserted.connect(attach_its_file)  # the reply's file, or why it is missing

- `editor` is a QPlainTextEdit or QTextEdit; the completer installs an event filter on it, so the
  composer's own key handling (Enter sends) only sees keys the popup did not take.
- Typing `/` at the start of the text or after a space opens the popup; what follows (up to the
  cursor, plus a Hangul syllable still being composed) filters it: shortcut-prefix matches first,
  then shortcuts containing it, keywords, and text. Up/Down choose, Tab/Enter insert, Esc closes
  (until a new `/` is typed), a click inserts.
- Inserting replaces `/pattern` with the reply's text, `{name}`, `{first_name}`, `{phone}` and
  `{shop}` filled from `contact_provider()` (a `ContactInfo` or None) and the business profile. The
  text stays editable; `inserted(QuickReplyRow)` lets the composer attach the reply's media.
- `reload()` re-reads the quick replies (they are also re-read each time the popup opens).
- `is_open()`, `close_popup()`, `detach()`; `popup` is the QListView and `model` its filter proxy.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from app.automations_store import AutomationsStore
from app.changes import Changes
from app.quick_replies import (
    PATTERN_LIMIT,
    ContactInfo,
    QuickReplyLibrary,
    QuickReplyRow,
    fill_quick_reply,
    reply_text,
)
from app.wire import BusinessProfile
from ui.announce import announce
from ui.context import AppContext
from ui.ops import Newest, run_op
from ui.quick_reply_model import QuickReplyDelegate, QuickReplyFilterModel, QuickReplyListModel
from ui.utf16 import from_qt, to_qt

log = logging.getLogger(__name__)

VISIBLE_ROWS = 6
MAX_SHOWN = 100  # best matches listed in the popup
_INSERT_KEYS = {Qt.Key.Key_Tab, Qt.Key.Key_Return, Qt.Key.Key_Enter}


class QuickReplyCompleter(QObject):
    """Installs itself on `editor`; see the module docstring for the API."""

    inserted = Signal(object)  # QuickReplyRow
    manage_requested = Signal()  # "Add a quick reply…" when there is none yet

    def __init__(
        self,
        editor: QPlainTextEdit | QTextEdit,
        ctx: AppContext,
        contact_provider: Callable[[], ContactInfo | None],
        *,
        profile_provider: Callable[[], BusinessProfile] | None = None,
    ) -> None:
        super().__init__(editor)
        self.editor = editor
        self.ctx = ctx
        self.contact_provider = contact_provider
        self.profile_provider = profile_provider or self._stored_profile
        # Replies and the shop's profile are kept here, read off the GUI thread at start, when a
        # `Changes` says they changed, and again each time the popup opens.
        self._profile = BusinessProfile()
        self.loaded = False
        self._rows = Newest()
        self.source = QuickReplyListModel(parent=self)
        self.model = QuickReplyFilterModel(self, limit=MAX_SHOWN)
        self.model.setSourceModel(self.source)

        # Like the hint below: a child of the editor until shown over the window, deleted by Qt with
        # it (a popup of its own was left to the collector, which deleted it in one of its passes).
        self.popup = QListView(editor)
        self.popup.setObjectName("quickReplyPopup")
        self.popup.setModel(self.model)
        self.popup.setItemDelegate(QuickReplyDelegate(self.popup))
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the editor keeps the keyboard
        self.popup.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.popup.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.popup.setFrameShape(QFrame.Shape.StyledPanel)
        self.popup.setUniformItemSizes(True)
        self.popup.clicked.connect(self._clicked)
        self.popup.hide()
        # The keyboard stays in the message field, so a screen reader follows nothing in the popup:
        # the reply the arrows (or the letters typed) make current is said (ui/announce.py).
        self._said = ""
        selection = self.popup.selectionModel()
        selection.currentChanged.connect(lambda *_args: self._tell_current())

        # `/` before any quick reply exists: say what they are and offer the way to add one.
        # A child of the editor until shown over the window: Qt deletes it, on the GUI thread.
        self.empty_hint = QFrame(editor)
        self.empty_hint.setObjectName("quickReplyPopup")
        self.empty_hint.setFrameShape(QFrame.Shape.StyledPanel)
        self.empty_hint.setAutoFillBackground(True)
        text = QLabel(
            self.tr("No quick replies yet. Save the answers you type often, then type / to insert them."),
            self.empty_hint,
        )
        text.setWordWrap(True)
        self._empty_text = text.text()
        add = QPushButton(self.tr("Add a &quick reply…"), self.empty_hint)
        add.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the editor keeps the keyboard
        add.clicked.connect(self._manage)
        hint_layout = QHBoxLayout(self.empty_hint)
        hint_layout.setContentsMargins(12, 8, 8, 8)
        hint_layout.addWidget(text, 1)
        hint_layout.addWidget(add)
        self.empty_hint.hide()

        self._preedit = ""
        self._dismissed_at: int | None = None  # the `/` position the owner closed with Esc
        self._token_start: int | None = None
        self._inserting = False
        self._detached = False

        editor.installEventFilter(self)
        editor.textChanged.connect(self._update)
        editor.cursorPositionChanged.connect(self._update)
        ctx.hub.changed.connect(self._hub_changed)
        self.reload()
        self._read_profile()

    # ------------------------------------------------------------------ public API

    def reload(self) -> None:
        """Read the quick replies off the GUI thread; an open popup follows when they are in."""
        db, data_dir = self.ctx.db, self.ctx.paths.data_dir
        self._rows.run_op(
            lambda: QuickReplyLibrary(db, data_dir).all(),
            self._rows_read,
            parent=self,
            on_failure=self._failed,
        )

    def _rows_read(self, rows: list[QuickReplyRow]) -> None:
        first = not self.loaded
        self.loaded = True
        if not first and rows == self.source.rows():
            return
        self.source.set_rows(rows)
        if first or self._token_start is not None:
            self._update(reread=False)  # filter and place again with the fresh rows

    def _read_profile(self) -> None:
        db = self.ctx.db
        run_op(
            lambda: AutomationsStore(db).state().doc.profile,
            self._profile_read,
            parent=self,
            on_failure=self._failed,
        )

    def _profile_read(self, profile: BusinessProfile) -> None:
        self._profile = profile

    def _failed(self, exc: BaseException) -> None:
        log.warning("quick replies not read: %s", type(exc).__name__)

    def _hub_changed(self, changes: Changes) -> None:
        if changes.quick_replies:
            self.reload()
        if changes.automations:
            self._read_profile()

    def is_open(self) -> bool:
        return not self._detached and self.popup.isVisible()

    def close_popup(self) -> None:
        self.popup.hide()
        self._said = ""
        self.empty_hint.hide()
        self._token_start = None

    def detach(self) -> None:
        """Stop completing on the editor (the composer is being torn down or changes editor)."""
        self.close_popup()
        self._detached = True
        self.popup.deleteLater()
        self.editor.removeEventFilter(self)
        self.editor.textChanged.disconnect(self._update)
        self.editor.cursorPositionChanged.disconnect(self._update)

    def current(self) -> QuickReplyRow | None:
        index = self.popup.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def insert_current(self) -> bool:
        """Replace `/pattern` with the chosen reply, fields filled. False when nothing is chosen."""
        row = self.current()
        token = self._token()
        if row is None or token is None:
            return False
        start, _pattern = token
        if self._preedit:
            # The syllable being composed is part of the pattern we replace: drop it, don't commit it.
            QGuiApplication.inputMethod().reset()
            self._preedit = ""
        contact = self.contact_provider()
        text = fill_quick_reply(reply_text(row, contact), contact, self.profile_provider())
        self._inserting = True
        try:
            cursor = self.editor.textCursor()
            end = cursor.position()
            cursor.beginEditBlock()
            cursor.setPosition(start)
            cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
            cursor.insertText(text)
            cursor.endEditBlock()
            self.editor.setTextCursor(cursor)
        finally:
            self._inserting = False
        self.close_popup()
        log.debug("quick reply %s inserted", row.shortcut)
        self.inserted.emit(row)
        return True

    # ------------------------------------------------------------------ what was typed

    def _stored_profile(self) -> BusinessProfile:
        return self._profile

    def _token(self) -> tuple[int, str] | None:
        """(document position of the `/`, text typed after it) when the cursor is in a `/` word."""
        cursor = self.editor.textCursor()
        if cursor.hasSelection():
            return None
        block = cursor.block()
        line = block.text()
        before = line[: from_qt(line, cursor.positionInBlock())]  # Qt counts an emoji twice
        window = before[-(PATTERN_LIMIT + 1) :]
        slash = window.rfind("/")
        if slash < 0:
            return None
        typed = window[slash + 1 :]
        if any(ch.isspace() for ch in typed):
            return None
        at = len(before) - len(window) + slash
        if at > 0 and not before[at - 1].isspace():
            return None  # a URL or a date like 3/4, not a shortcut
        return block.position() + to_qt(line, at), typed + self._preedit

    def _update(self, reread: bool = True) -> None:
        if self._inserting:
            return
        token = self._token()
        if token is None:
            self._dismissed_at = None
            self.close_popup()
            return
        start, pattern = token
        if start == self._dismissed_at:
            return
        if reread and start != self._token_start and self.loaded:
            self.reload()  # a fresh look as the popup opens (replies edited elsewhere)
        self._token_start = start
        if not self.loaded:
            return  # shown once the replies are in
        self.source.set_contact(self.contact_provider())  # each reply as this chat would get it
        self.model.set_pattern(pattern)
        if self.source.rowCount() == 0 and not pattern:
            self.popup.hide()
            self._place(self.empty_hint, self.empty_hint.sizeHint().height())
            self._tell(self._empty_text)
            return
        self.empty_hint.hide()
        if self.model.rowCount() == 0:
            self.popup.hide()
            return
        self.popup.setCurrentIndex(self.model.index(0, 0))
        self._place_popup()
        self._tell_current()

    def _tell_current(self) -> None:
        """Say the current reply, and where it is among those listed ("/thanks: Thank you…, 1 of 3")."""
        index = self.popup.currentIndex()
        if not self.popup.isVisible() or not index.isValid():
            return
        reply = " ".join(str(index.data(Qt.ItemDataRole.DisplayRole) or "").split())
        self._tell(
            self.tr("{reply}, {n} of {count}").format(
                reply=reply, n=index.row() + 1, count=self.model.rowCount()
            )
        )

    def _tell(self, text: str) -> None:
        if text != self._said:  # each letter typed re-lists the replies: the same first one once
            self._said = text
            announce(self.editor, text)

    def _manage(self) -> None:
        self.close_popup()
        self.manage_requested.emit()

    def _place_popup(self) -> None:
        rows = min(self.model.rowCount(), VISIBLE_ROWS)
        row_height = self.popup.sizeHintForRow(0) if self.model.rowCount() else 40
        self._place(self.popup, rows * row_height + 2 * self.popup.frameWidth())

    def _place(self, popup: QWidget, height: int) -> None:
        """Show `popup` over the window just above the cursor (below when there is no room above)."""
        window = self.editor.window()
        if popup.parentWidget() is not window:
            popup.setParent(window)
        width = min(max(320, self.editor.width() * 2 // 3), max(window.width() - 8, 200))
        cursor_rect = self.editor.cursorRect()
        viewport: QWidget = self.editor.viewport()
        top_left = viewport.mapTo(window, cursor_rect.topLeft())
        bottom = viewport.mapTo(window, cursor_rect.bottomLeft())
        x = max(4, min(top_left.x() - 8, window.width() - width - 4))
        # The composer sits at the window's bottom: open upwards like WhatsApp, else downwards.
        y = top_left.y() - height - 4 if top_left.y() - height - 4 >= 0 else bottom.y() + 4
        popup.setGeometry(x, y, width, height)
        popup.show()
        popup.raise_()

    def _clicked(self, index: QModelIndex) -> None:
        self.popup.setCurrentIndex(index)
        self.insert_current()
        self.editor.setFocus()

    # ------------------------------------------------------------------ keys and input method

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.editor:
            return False
        kind = event.type()
        if kind == QEvent.Type.InputMethod and isinstance(event, QInputMethodEvent):
            # The text being composed (e.g. a Hangul syllable) is not in the document yet; the
            # pattern includes it so "/감" filters before the syllable is committed.
            self._preedit = event.preeditString()
            self._update()
            return False
        if kind == QEvent.Type.FocusOut:
            self.close_popup()
            return False
        if kind == QEvent.Type.FocusIn:
            # Back from "Add a quick reply…" (or any window) with the `/` still typed: the replies
            # open again, the new one among them, instead of a `/` she had to delete and type anew.
            self._update()
            return False
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and self.popup.isVisible():
            return self._key(event)
        return False

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(key), VISIBLE_ROWS)
            if key == Qt.Key.Key_PageUp:
                step = -VISIBLE_ROWS
            row = self.popup.currentIndex().row() + step
            row = max(0, min(row, self.model.rowCount() - 1))
            self.popup.setCurrentIndex(self.model.index(row, 0))
            return True
        if key in _INSERT_KEYS and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            return self.insert_current()
        if key == Qt.Key.Key_Escape:
            self._dismissed_at = self._token_start
            self.close_popup()
            return True
        return False


__all__ = ["QuickReplyCompleter"]
