"""The quick replies manager: search, add, edit, delete and reorder the owner's saved answers."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.errors import InvalidInput
from app.quick_replies import (
    KEYWORD_LIMIT,
    QuickReplyInvalid,
    QuickReplyLibrary,
    QuickReplyRow,
    ShortcutInvalid,
)
from app.quick_reply_drafts import (
    QuickReplyWords,
    UnsavedQuickReply,
    forget_quick_reply_draft,
    keep_quick_reply_draft,
    unsaved_quick_reply,
)
from ui.attachments import attachable
from ui.automation_forms import FieldButtons
from ui.bounded_text import BoundedTextEdit
from ui.confirm import confirm
from ui.context import AppContext, OwnChanges
from ui.draft_keeper import DraftKeeper, Work
from ui.enter_key import keep_enter
from ui.field_tokens import shown_fields, stored_fields
from ui.formatting import count_text, shortcut_text
from ui.kept_edits_strip import QUICK_REPLIES, KeptEditsStrip, kept_quick_reply_sentence, say_editor_open
from ui.korean_particles import with_particles
from ui.op_queue import OpQueue
from ui.ops import failure_sentence, run_op
from ui.plain_tooltip import plain_tooltip
from ui.quick_reply_model import QuickReplyDelegate, QuickReplyFilterModel, QuickReplyListModel
from ui.quick_reply_transfer_actions import QuickReplyTransfer
from ui.save_paths import Picked, open_file_name
from ui.screen_fit import resize_within_screen
from ui.shortcut_field import ShortcutField
from ui.theme import muted_colour, problem_colour
from ui.undo_strip import UndoStrip
from ui.unsaved_edits import leave_edits, then_quit_goes_on
from ui.window_keys import close_with_keys, save_with_keys

log = logging.getLogger(__name__)


@dataclass(eq=False, slots=True)
class _FormReply:
    """The reply the form holds: its id, None while it is new and not yet added.

    Each save takes this object, not the id it had when Save was pressed, and reads the id when its
    turn comes: the saves run one after another (OpQueue), and the add's result sets the id on the GUI
    thread before the next save starts. A save asked for while the reply was still being added
    otherwise added it a second time, judged against its own new row ("already uses this shortcut").
    """

    id: int | None = None


class QuickReplyManager(QDialog):
    """List on the left (search, Up/Down to reorder), the selected reply's form on the right."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Quick replies"))
        self.ctx = ctx
        self.edits = OpQueue(self)  # saves, deletes and moves reach the database in order
        self._generation = 0
        self._shown_generation = -1
        self.own_changes = OwnChanges(self.ctx)
        self.source = QuickReplyListModel(parent=self)
        self.model = QuickReplyFilterModel(self)
        self.model.setSourceModel(self.source)
        self._reply = _FormReply()  # the form holds a new, unsaved reply
        # What the form showed when a reply (or a new one) was put in it or saved: edits differ from it.
        self._shown: tuple[str, str, str, str, str] | None = None
        # Saves on their way to the database, what the latest of them stores, and what runs once
        # they all delivered (the window left while they stored what it shows).
        self._saves_under_way = 0
        self._saving_values: tuple[str, str, str, str, str] | None = None
        self._after_saves: Callable[[], None] | None = None
        # The words typed and not saved when the app last stopped (a crash, a dead battery): kept
        # while she types, offered back at the next opening (app/quick_reply_drafts.py).
        self.keeper = DraftKeeper(self, self._kept_words)
        self.kept_strip: KeptEditsStrip | None = None
        self._kept: UnsavedQuickReply | None = None
        self.restore_on_load = False  # opened to restore them (the main window's offer)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search shortcuts, keywords and text"))
        self.search.setAccessibleName(self.tr("Search quick replies"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.model.set_pattern)
        self.search.textChanged.connect(lambda _text: self._show_count())
        self.search.textChanged.connect(lambda _text: self._allow_moves())
        self.view = QListView()
        self.view.setAccessibleName(self.tr("Quick replies"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(QuickReplyDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.count = QLabel()
        self.add_button = QPushButton(self.tr("&New"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.up_button = QPushButton(self.tr("Move &up"))
        self.down_button = QPushButton(self.tr("Move do&wn"))
        self.add_button.clicked.connect(lambda: self.leave_form(self.new_reply))
        self.delete_button.clicked.connect(self.delete_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self._allow_moves()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.count)
        # A reply deleted by mistake (the wrong one of 200 alike) comes back while this window is open.
        self.deleted: QuickReplyRow | None = None
        # Ctrl+Z in the list only: in the form's fields it undoes typing.
        self.undo = UndoStrip(self.view, keys_context=Qt.ShortcutContext.WidgetShortcut)
        self.undo.undo_requested.connect(self.undo_delete)
        left_layout.addWidget(self.undo)
        row = QHBoxLayout()
        for button in (self.add_button, self.delete_button, self.up_button, self.down_button):
            row.addWidget(button)
        left_layout.addLayout(row)

        self.shortcut = ShortcutField()
        self.shortcut.setAccessibleName(self.tr("Shortcut"))
        self.shortcut.setPlaceholderText(self.tr("/thanks"))
        self.text = BoundedTextEdit()
        self.text.setPlaceholderText(self.tr("Thanks for your order, {first_name}!"))
        self.other_text = BoundedTextEdit()
        self.other_text.setObjectName("quickReplyOtherLanguage")
        self.other_text.setPlaceholderText(
            self.tr(
                "Optional. Inserted instead in a chat whose customer writes in another language than "
                "the message above, e.g. the same words in Korean."
            )
        )
        self.other_text.setMaximumHeight(110)
        self.keywords = QLineEdit()
        self.keywords.setAccessibleName(self.tr("Keywords"))
        self.keywords.setPlaceholderText(self.tr("Words that also find this reply, separated by commas"))
        # What the reply keeps (its stored file, or a file just chosen, copied in when saved); the
        # field shows the file's own name, never the hash folder it is kept under.
        self.media_value: str | None = None
        self.media = QLineEdit()
        self.media.setAccessibleName(self.tr("Attachment"))
        self.media.setReadOnly(True)
        self.media.setPlaceholderText(self.tr("No attachment"))
        self.choose_button = QPushButton(self.tr("C&hoose…"))
        clear = QPushButton(self.tr("Re&move"))
        self.choose_button.clicked.connect(self.choose_media)
        clear.clicked.connect(lambda: self.set_media(None))
        media_row = QHBoxLayout()
        media_row.addWidget(self.media, 1)
        media_row.addWidget(self.choose_button)
        media_row.addWidget(clear)
        self.media_missing = QLabel()
        self.media_missing.setObjectName("quickReplyFileMissing")
        self.media_missing.setWordWrap(True)
        self.media_missing.setTextFormat(Qt.TextFormat.PlainText)
        self.media_missing.setStyleSheet(f"color: {problem_colour()};")
        self.media_missing.hide()
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        # Red as in the other editors: in plain black "already a label with this name" read as a note.
        self.error.setStyleSheet(f"color: {problem_colour()};")
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.clicked.connect(lambda: self.save_current())  # not save_current(checked)
        save_with_keys(self, self.save_button)
        right = QWidget()
        form = QFormLayout(right)
        form.addRow(self.tr("Shor&tcut"), self.shortcut)
        form.addRow(self.tr("M&essage"), self.text)
        form.addRow(self.tr("In another &language"), self.other_text)
        form.addRow("", FieldButtons(self.text, self.other_text, in_owner_words=True))
        form.addRow(self.tr("&Keywords"), self.keywords)
        form.addRow(self.tr("&Attachment"), media_row)
        attachment_label = form.labelForField(media_row)
        if isinstance(attachment_label, QLabel):
            attachment_label.setBuddy(self.choose_button)  # Alt+A: the row's own widget takes no focus
        form.addRow("", self.media_missing)
        form.addRow("", self.error)
        form.addRow("", self.save_button)
        # Why the last save was refused stays only until the owner changes what it was about.
        self.shortcut.textEdited.connect(self.error.clear)
        self.text.textChanged.connect(self.error.clear)
        self.other_text.textChanged.connect(self.error.clear)
        self.keywords.textEdited.connect(self.error.clear)
        for signal in (
            self.shortcut.textChanged,
            self.text.textChanged,
            self.other_text.textChanged,
            self.keywords.textChanged,
        ):
            signal.connect(self._form_changed)

        self.body = splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close_with_keys(self)
        # A second shop computer on the same relay has its own list: said here, where one is made,
        # so a reply saved on the laptop is not looked for on the shop's PC.
        self.only_here = QLabel(
            self.tr(
                "Quick replies are kept on this computer only: another computer connected to the same "
                "relay has its own. To use these there too, export them and import the file there."
            )
        )
        self.only_here.setWordWrap(True)
        self.only_here.setStyleSheet(f"color: {muted_colour()};")
        # …carried there in one file, with their photos and files (ui/quick_reply_transfer_actions.py).
        self.transfer = QuickReplyTransfer(self, ctx, self.edits, self._imported)
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.export_button.setEnabled(False)  # until the replies are in and there is one
        self.import_button = QPushButton(self.tr("&Import…"))
        self.import_button.setToolTip(self.tr("Add the quick replies of a file exported on another computer"))
        self.export_button.clicked.connect(lambda: self.export_replies())
        self.import_button.clicked.connect(lambda: self.transfer.import_())
        bottom = QHBoxLayout()
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.only_here)
        layout.addLayout(bottom)
        # Enter in the form saves the reply, set once the button is in this dialog (set before, Qt
        # forgot it and made Close the default: Enter in the shortcut field closed the window).
        self.save_button.setDefault(True)
        # Enter in the search goes to the replies found, never to the form's Save.
        self.search.returnPressed.connect(self._to_results)
        keep_enter(self.search)
        resize_within_screen(self, QSize(820, 520))
        self.count.setText(self.tr("Loading…"))
        self.body.setEnabled(False)  # until the replies are in (a moment); Close stays usable
        ctx.hub.changed.connect(self._hub_changed)
        self.reload(first=True)
        self._layout = layout

    @property
    def current_id(self) -> int | None:
        """The id of the reply on the form; None for a new one its saves have not added yet."""
        return self._reply.id

    def _to_results(self) -> None:
        if self.model.rowCount() == 0:
            return
        if not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0, 0))
        self.view.setFocus()

    # ------------------------------------------------------------------ list

    def reload(self, select_id: int | None = None, *, first: bool = False) -> None:
        """Read the replies in an op; then select `select_id` (showing it in the form), or keep the
        selection without touching what the form holds."""
        self._generation += 1
        generation = self._generation
        db, data_dir = self.ctx.db, self.ctx.paths.data_dir

        def show(rows: list[QuickReplyRow]) -> None:
            if generation == self._generation:
                self._show_rows(rows, select_id, first)

        # Each reply's file is looked at here too (off the GUI thread): a missing one is said.
        run_op(lambda: QuickReplyLibrary(db, data_dir).all(), show, parent=self, on_failure=self._failed)

    def _show_rows(self, rows: list[QuickReplyRow], select_id: int | None, first: bool) -> None:
        self._shown_generation = self._generation
        keep = self.current_id
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        self.source.set_rows(rows)
        self._allow_export(bool(rows))
        if select_id is None and keep is not None:
            self.select(keep)  # quietly: the form keeps what the owner is typing
        selection.blockSignals(False)
        self.view.viewport().update()
        self._show_count()
        self._allow_moves()
        self.body.setEnabled(True)
        if select_id is not None:
            self.select(select_id)
        elif first:
            if self.model.rowCount():
                self.view.setCurrentIndex(self.model.index(0, 0))
            else:
                self.new_reply()
            # The list was greyed out while it was read, so the focus went to Close: on a slow
            # start the owner's first letters for the search went nowhere.
            focus = self.focusWidget()
            if focus is None or not self.body.isAncestorOf(focus):
                self.search.setFocus(Qt.FocusReason.OtherFocusReason)
            db = self.ctx.db
            run_op(lambda: unsaved_quick_reply(db), self._offer_kept, parent=self, on_failure=self._failed)

    def _allow_export(self, any_replies: bool) -> None:
        """Export needs a reply to carry: with none yet, the button is off and says why."""
        self.export_button.setEnabled(any_replies)
        self.export_button.setToolTip(
            self.tr("Save every quick reply, with its file, to carry to another computer")
            if any_replies
            else self.tr("There are no quick replies to export yet.")
        )

    def _show_count(self) -> None:
        """How many replies there are; while searching, how many of them are found ("10" under a
        list of one read as if nine had gone)."""
        n = self.source.rowCount()
        if self.search.text().strip():
            # "2 of 9 found": "2 found of 9" read as a slip of the pen.
            self.count.setText(self.tr("%Ln of {0} found", "", self.model.rowCount()).format(count_text(n)))
        else:
            self.count.setText(self.tr("%Ln quick replies", "", n))

    def is_loading(self) -> bool:
        return self._shown_generation != self._generation or self.edits.is_busy()

    def _imported(self, changes: Changes) -> None:
        """Replies were imported: every view hears it, and this list shows them (the form is kept)."""
        self.own_changes.publish(changes)
        self.reload()

    def _hub_changed(self, changes: Changes) -> None:
        if changes.quick_replies and not self.own_changes.publishing:
            self.reload()

    def _failed(self, exc: BaseException) -> None:
        self.body.setEnabled(True)
        self.error.setText(failure_sentence(exc))

    def select(self, reply_id: int) -> None:
        for r in range(self.model.rowCount()):
            row = self.model.row_at(r)
            if row is not None and row.id == reply_id:
                self.view.selectionModel().setCurrentIndex(
                    self.model.index(r, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
                return

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        if row is None:
            return
        if row.id == self.current_id:
            # The reply on the form, selected once a save added it: nothing to leave (asking there
            # asked again about the edits a close question was asking about). The stored row is
            # shown only over a form with no edits since and no save still on its way, for this
            # list may have been read before that save. A form that shows the stored words already
            # is left alone: put in again, the cursor went back to the start of the message while
            # the owner typed on.
            clean = not self._saves_under_way and not self.has_unsaved_edits()
            if clean and self._form_values() != self._values_of(row):
                self.show_reply(row)
            return
        if not self.leave_form(lambda: self.show_reply(row)):
            self._select_quietly(self.current_id)

    def _select_quietly(self, reply_id: int | None) -> None:
        """Select the reply on the form again (none for a new one), changing nothing on the form."""
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        if reply_id is None:
            selection.clearCurrentIndex()
            selection.clearSelection()
        else:
            self.select(reply_id)
        selection.blockSignals(False)
        self.view.viewport().update()

    def show_reply(self, row: QuickReplyRow) -> None:
        self._reply = _FormReply(row.id)
        self.shortcut.setText(row.shortcut)
        self.text.setPlainText(shown_fields(row.text))
        self.other_text.setPlainText(shown_fields(row.text_other_language))
        self.keywords.setText(", ".join(row.keywords))
        self.set_media(row.media_path, name=row.media_name, missing=row.media_missing)
        self.error.clear()
        self._shown = self._form_values()
        self._allow_moves()

    def new_reply(self) -> None:
        # No current row either: clicking the reply that was shown must show it again.
        self._select_quietly(None)
        self._reply = _FormReply()
        self.shortcut.setText("/")
        self.text.clear()
        self.other_text.clear()
        self.keywords.clear()
        self.set_media(None)
        self.error.clear()
        self._shown = self._form_values()
        self._allow_moves()
        self.shortcut.setFocus()

    # ------------------------------------------------------------------ unsaved edits

    def _form_values(self) -> tuple[str, str, str, str, str]:
        return (
            self.shortcut.text(),
            self.text.toPlainText(),
            self.other_text.toPlainText(),
            self.keywords.text(),
            self.media_value or "",
        )

    @staticmethod
    def _values_of(row: QuickReplyRow) -> tuple[str, str, str, str, str]:
        """What the form holds once `row` is shown in it (see `_form_values`)."""
        text, other = shown_fields(row.text), shown_fields(row.text_other_language)
        return (row.shortcut, text, other, ", ".join(row.keywords), row.media_path or "")

    def has_unsaved_edits(self) -> bool:
        return self._shown is not None and self._form_values() != self._shown

    # ------------------------------------------------------------------ kept through a crash

    def _form_changed(self) -> None:
        if self.has_unsaved_edits():
            self.keeper.edited()

    def _kept_words(self) -> Work | None:
        """The write keeping the form's words, while they are unsaved."""
        if not self.has_unsaved_edits():
            return None
        words = QuickReplyWords(
            self.current_id,
            self.shortcut.text(),
            stored_fields(self.text.toPlainText()),
            stored_fields(self.other_text.toPlainText()),
            self.keywords.text(),
        )
        db = self.ctx.db
        return lambda: keep_quick_reply_draft(db, words)

    def _forget_kept(self) -> None:
        """Nothing of the form is offered again; the main window's offer hears of it too."""
        db, ctx = self.ctx.db, self.ctx
        self.keeper.forget(
            lambda: forget_quick_reply_draft(db), then=lambda: ctx.publish(Changes(kept_edits=True))
        )

    def _offer_kept(self, kept: UnsavedQuickReply | None) -> None:
        self._kept = kept
        if kept is None:
            return
        if self.restore_on_load:
            self.restore_kept()
            return
        if self.kept_strip is None:
            self.kept_strip = KeptEditsStrip()
            self.kept_strip.restore.connect(self.restore_kept)
            self.kept_strip.discard.connect(self._discard_kept)
            self._layout.insertWidget(0, self.kept_strip)
        sentence = kept_quick_reply_sentence(kept.words.shortcut, kept.at)
        self.kept_strip.offer(sentence)

    def restore_kept(self) -> None:
        """The kept words into the form, over the reply they were typed for (or a new one),
        unsaved: Save stores them. Edits on the form now are asked about first."""
        kept, self._kept = self._kept, None
        if self.kept_strip is not None:
            self.kept_strip.hide()
        if kept is None:
            return
        words = kept.words

        def fill() -> None:
            rows = (self.model.row_at(r) for r in range(self.model.rowCount()))
            row = next((found for found in rows if found is not None and found.id == words.reply_id), None)
            if row is not None:
                self._select_quietly(row.id)
                self.show_reply(row)
            else:
                self.new_reply()
            self.shortcut.setText(words.shortcut)
            self.text.setPlainText(shown_fields(words.text))
            self.other_text.setPlainText(shown_fields(words.other_text))
            self.keywords.setText(words.keywords)
            self.text.setFocus(Qt.FocusReason.OtherFocusReason)

        self.leave_form(fill)

    def _discard_kept(self) -> None:
        self._kept = None
        self._forget_kept()
        if self.has_unsaved_edits():  # typed here since: those are kept instead
            self.keeper.edited()

    def leave_form(self, then: Callable[[], None]) -> bool:
        """Unsaved edits are saved, dropped or kept as the owner says, then `then()` runs (see
        `leave_edits`). False means the owner stays on the form."""
        if self._saves_under_way and self._form_values() == self._saving_values:
            # Left while Save stores what the form shows: `then` runs once it is stored, without
            # asking about it ("Save" there added a new reply twice, the second refused as taken);
            # a save that is refused keeps the form and says why.
            self._after_saves = then_quit_goes_on(then)
            return True

        def left() -> None:
            if self.has_unsaved_edits():  # "Discard": her words are not offered again
                self._forget_kept()
            then()

        return leave_edits(
            self,
            self.tr("Save the changes to this quick reply?"),
            dirty=self.has_unsaved_edits(),
            save_then=lambda after: self.save_current(then=after),
            then=left,
        )

    def export_replies(self) -> None:
        """Export…: the file holds what is saved. Words typed on the form and not saved are asked
        about first: saved, then exported; or left out of the file and kept on the form as typed
        (and through a crash), never dropped."""
        if self._saves_under_way and self._form_values() == self._saving_values:
            self.transfer.export()  # in turn after the save storing what the form shows
            return
        leave_edits(
            self,
            self.tr(
                "Save the changes to this quick reply before exporting? The file holds only what is "
                "saved; without saving, your changes stay here as typed."
            ),
            dirty=self.has_unsaved_edits(),
            save_then=lambda after: self.save_current(then=after),
            then=self.transfer.export,
            discard_text=self.tr("E&xport without saving"),
        )

    def reject(self) -> None:
        """Close, Esc, Ctrl+W and the title bar's close all come here: unsaved edits ask first."""
        self.leave_form(super().reject)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        say_editor_open(self.ctx.hub, QUICK_REPLIES, event)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        say_editor_open(self.ctx.hub, QUICK_REPLIES, event)

    # ------------------------------------------------------------------ changes

    def _error_sentence(self, exc: InvalidInput) -> str:
        reason = exc.reason if isinstance(exc, ShortcutInvalid | QuickReplyInvalid) else ""
        sentences = {
            "empty": self.tr("A quick reply needs a shortcut, like /thanks."),
            "no_slash": self.tr("A shortcut starts with /, like /thanks."),
            "spaces": self.tr("A shortcut cannot contain spaces."),
            "too_long": self.tr("This shortcut is too long."),
            "taken": self.tr("Another quick reply already uses this shortcut."),
            "empty_text": self.tr("A quick reply needs some text."),
            "text_too_long": self.tr("A message can be at most 4,096 characters."),
            "missing": self.tr("This quick reply was deleted meanwhile."),
        }
        return sentences.get(reason) or failure_sentence(exc)

    def save_current(self, then: Callable[[], None] | None = None) -> bool:
        """Save in an op (False when the form itself is refused at once). A refused save shows why
        and leaves the form as typed. Once saved, the reply is shown again, or `then` runs."""
        keywords = [k for k in self.keywords.text().split(",") if k.strip()]
        if len(keywords) > KEYWORD_LIMIT:
            self.error.setText(self.tr("At most {0} keywords.").format(KEYWORD_LIMIT))
            return False
        shortcut, media = self.shortcut.text(), self.media_value
        # The owner reads and types "{고객 이름}"; the reply keeps "{first_name}" (ui/field_tokens.py).
        text, other = stored_fields(self.text.toPlainText()), stored_fields(self.other_text.toPlainText())
        values = self._form_values()
        if then is None and self._saves_under_way and values == self._saving_values:
            return True  # a save under way stores just this (a double click on Save added it twice)
        db, data_dir, reply = self.ctx.db, self.ctx.paths.data_dir, self._reply

        def work() -> tuple[QuickReplyRow, Changes]:
            # A file just chosen is copied in here (disk work: in the op), checked as the composer
            # checks an attached file, so the reply takes what a message takes.
            library = QuickReplyLibrary(db, data_dir, check=attachable)
            reply_id = reply.id  # now, in its turn: a save before this one may have added the reply
            if reply_id is None:
                return library.add(
                    shortcut, text, media_path=media, keywords=keywords, text_other_language=other
                )
            return library.update(
                reply_id,
                shortcut=shortcut,
                text=text,
                media_path=media,
                keywords=keywords,
                text_other_language=other,
            )

        def saved(result: tuple[QuickReplyRow, Changes]) -> None:
            self._saves_under_way -= 1
            row, changes = result
            reply.id = row.id  # before the next save in the queue starts (OpQueue runs it after this)
            self.error.clear()
            if reply is self._reply:  # the form still holds the reply this stored
                shown = values
                if self._form_values() == values:  # the form shows the kept copy from now on
                    self.set_media(row.media_path, name=row.media_name, missing=row.media_missing)
                    shown = self._form_values()
                self._shown = shown
                if not self.has_unsaved_edits():  # saved: nothing of it to offer after a crash
                    self._forget_kept()
            self.own_changes.publish(changes)
            if then is None:
                self.reload(select_id=row.id)
            else:
                self.reload()
                then()
            if not self._saves_under_way and (after := self._after_saves) is not None:
                self._after_saves = None
                after()

        def refused(exc: BaseException) -> None:
            self._saves_under_way -= 1
            self._after_saves = None  # the form stays, and says why
            if isinstance(exc, InvalidInput):
                self.error.setText(self._error_sentence(exc))
            else:
                self.error.setText(failure_sentence(exc))
            if then is not None:
                self._select_quietly(self.current_id)  # back on the reply that was not saved

        self._saves_under_way += 1
        self._saving_values = values
        self.edits.run_in_turn(work, saved, refused)
        return True

    def delete_current(self) -> None:
        if self.current_id is None:
            self.new_reply()
            return
        if confirm(
            self,
            self.tr("Delete quick reply"),
            with_particles(self.tr("Delete {0}?").format(shortcut_text(self.shortcut.text()))),
            self.tr("&Delete"),
        ):
            self.delete_reply(self.current_id)

    def _neighbour(self, reply_id: int) -> int | None:
        """The listed reply after `reply_id` (before it when it is the last): the one that takes its
        place on screen, so deleting several in a row goes on from there, not from the top."""
        listed = [row.id for r in range(self.model.rowCount()) if (row := self.model.row_at(r)) is not None]
        if reply_id not in listed or len(listed) < 2:
            return None
        at = listed.index(reply_id)
        return listed[at + 1] if at + 1 < len(listed) else listed[at - 1]

    def delete_reply(self, reply_id: int) -> None:
        db, data_dir = self.ctx.db, self.ctx.paths.data_dir
        neighbour = self._neighbour(reply_id)

        def deleted(result: tuple[QuickReplyRow | None, Changes]) -> None:
            gone, changes = result
            self.own_changes.publish(changes)
            if self.current_id == reply_id:
                self._reply = _FormReply()
                self._shown = None  # what the form still shows is gone on purpose
            if neighbour is not None:
                self.reload(select_id=neighbour)
            else:
                self.reload(first=True)
            self._offer_undo(gone)

        delete = lambda: QuickReplyLibrary(db, data_dir).delete(reply_id)  # noqa: E731
        self.edits.run_in_turn(delete, deleted, self._failed)

    def _offer_undo(self, gone: QuickReplyRow | None) -> None:
        self.deleted = gone
        if gone is None:
            self.undo.withdraw()
        else:
            self.undo.offer(with_particles(self.tr("Deleted {0}.").format(shortcut_text(gone.shortcut))))

    def undo_delete(self) -> None:
        """Bring the reply deleted last back, where it was, and show it (Undo, Ctrl+Z in the list)."""
        gone = self.deleted
        if gone is None:
            return
        if not self.leave_form(lambda: None):
            return  # the owner kept the reply being typed in the form
        self._offer_undo(None)
        db, data_dir = self.ctx.db, self.ctx.paths.data_dir

        def restored(result: tuple[QuickReplyRow, Changes]) -> None:
            back, changes = result
            self.own_changes.publish(changes)
            self.reload(select_id=back.id)

        def refused(exc: BaseException) -> None:
            self.error.setText(failure_sentence(exc))

        restore = lambda: QuickReplyLibrary(db, data_dir).restore(gone)  # noqa: E731
        self.edits.run_in_turn(restore, restored, refused)

    def _allow_moves(self) -> None:
        """Delete, Up and Down wait for a stored reply on the form (with none yet, or a new one being
        typed, they did nothing), and Up and Down for a place to move it to.

        Found replies are listed best match first, not in the owner's order: moving one there
        swapped it with a reply the search hid, and nothing on screen moved. Searching, the buttons
        say why they are off."""
        ids = [row.id for row in self.source.rows()]
        at = ids.index(self.current_id) if self.current_id in ids else None
        self.delete_button.setEnabled(self.current_id is not None)
        searching = bool(self.search.text().strip())
        why = self.tr("Clear the search to move quick replies up or down") if searching else ""
        for button, room in (
            (self.up_button, at is not None and at > 0),
            (self.down_button, at is not None and at < len(ids) - 1),
        ):
            button.setEnabled(not searching and room)
            button.setToolTip(why)

    def move_current(self, step: int) -> None:
        """Move the selected reply up or down in the owner's order (with no search active)."""
        if self.current_id is None or self.search.text().strip():
            return
        ids = [row.id for row in self.source.rows()]
        at = ids.index(self.current_id)
        to = max(0, min(at + step, len(ids) - 1))
        if to == at:
            return
        ids.insert(to, ids.pop(at))
        db, reply_id = self.ctx.db, self.current_id

        def moved(changes: Changes) -> None:
            self.own_changes.publish(changes)
            self.reload(select_id=reply_id)

        self.edits.run_in_turn(lambda: QuickReplyLibrary(db).reorder(ids), moved, self._failed)

    def choose_media(self) -> None:
        path = open_file_name(
            self,
            Picked.ATTACHMENT,
            self.tr("Choose an attachment"),
            self.tr("Images and documents (*.jpg *.jpeg *.png *.pdf);;All files (*)"),
        )
        if path:
            self.set_media(path)

    def set_media(self, value: str | None, *, name: str = "", missing: bool = False) -> None:
        """The attachment the form holds: a reply's kept file (`name` its own name, `missing` when
        it is gone), a file just chosen (its path), or none."""
        self.media_value = value or None
        shown = name or (Path(value).name if value else "")
        self.media.setText(shown)
        self.media.setToolTip(plain_tooltip(value if value and Path(value).is_absolute() else shown))
        self.error.clear()
        if missing and value:
            self.media.setText(self.tr("{0} (file missing)").format(shown))
            self.media_missing.setText(
                self.tr(
                    "The file {0} was moved or deleted, so this reply goes without it. Choose it again."
                ).format(shown)
            )
        self.media_missing.setVisible(bool(missing and value))
