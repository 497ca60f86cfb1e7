"""The labels manager: labels with their colour and number of chats; add, rename, recolour, delete."""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.labels import DeletedLabel, LabelCount, LabelInvalid, LabelStore, clean_label_name
from ui.confirm import confirm
from ui.context import AppContext, OwnChanges
from ui.enter_key import keep_enter
from ui.label_names import label_display_name, label_swatch, new_label_colour, shown_label_names
from ui.op_queue import OpQueue
from ui.ops import failure_sentence, run_op
from ui.screen_fit import resize_within_screen
from ui.text_prompt import ask_text
from ui.theme import muted_colour, problem_colour
from ui.undo_strip import UndoStrip
from ui.window_keys import close_with_keys

log = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex


class LabelRole(enum.IntEnum):
    LABEL = Qt.ItemDataRole.UserRole + 1


class LabelListModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[LabelCount] = []

    def set_rows(self, rows: list[LabelCount]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[LabelCount]:
        return list(self._rows)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            n = row.chats
            chats = self.tr("%Ln chats", "", n)
            return f"{label_display_name(row.name)}  ·  {chats}"
        if role == Qt.ItemDataRole.DecorationRole:
            return label_swatch(row.colour)
        if role == LabelRole.LABEL:
            return row
        return None


class LabelsManager(QDialog):
    """Lists labels in their order; applying a label to a chat happens in the chat list and contact panel."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Labels"))
        # Changes one after another (a rename typed right after "New label" waits for it).
        self.edits = OpQueue(self)
        self._generation = 0
        self._shown_generation = -1
        self.own_changes = OwnChanges(self.ctx)
        self.model = LabelListModel(self)
        self.view = QListView()
        self.view.setAccessibleName(self.tr("Labels"))
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.doubleClicked.connect(lambda _i: self.rename_current())
        # Enter renames the label picked, as a double click does (it pressed "New label…").
        keep_enter(self.view, action=self.rename_current)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        # Red as in the other editors: in plain black "already a label with this name" read as a note.
        self.error.setStyleSheet(f"color: {problem_colour()};")
        buttons = QVBoxLayout()
        self.buttons: list[QPushButton] = []
        for text, slot in (
            (self.tr("&New label…"), self.add),
            (self.tr("&Rename…"), self.rename_current),
            (self.tr("&Colour…"), self.recolour_current),
            (self.tr("Move &up"), lambda: self.move_current(-1)),
            (self.tr("Move do&wn"), lambda: self.move_current(1)),
            (self.tr("&Delete"), self.delete_current),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            button.setEnabled(False)  # until the labels are in
            self.buttons.append(button)
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.view, 1)
        row.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close_with_keys(self)
        # A second shop computer on the same relay has its own labels and chats' labels: said here.
        self.only_here = QLabel(
            self.tr(
                "Labels are kept on this computer only: another computer connected to the same relay "
                "has its own labels and does not see which chats carry these."
            )
        )
        self.only_here.setWordWrap(True)
        self.only_here.setStyleSheet(f"color: {muted_colour()};")
        # A label deleted by mistake took its chats with it: the last one deleted can be brought
        # back, on them, while this window is open.
        self.deleted: DeletedLabel | None = None
        self.undo = UndoStrip(self.view)  # Ctrl+Z anywhere in the window: it has no text field
        self.undo.undo_requested.connect(self.undo_delete)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(self.undo)
        layout.addWidget(self.error)
        layout.addWidget(self.only_here)
        layout.addWidget(close)
        resize_within_screen(self, QSize(460, 360))
        ctx.hub.changed.connect(self._hub_changed)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        """Read the labels and their chat counts in an op; select `select_id` (else keep the current)."""
        self._generation += 1
        generation = self._generation
        keep = select_id
        if keep is None and (label := self.current()) is not None:
            keep = label.id

        def show(rows: list[LabelCount]) -> None:
            if generation != self._generation:
                return
            self._shown_generation = generation
            self.model.set_rows(rows)
            for r, label in enumerate(self.model.rows()):
                if label.id == keep:
                    self.view.setCurrentIndex(self.model.index(r, 0))
            if not self.view.currentIndex().isValid() and self.model.rowCount() > 0:
                # The first label picked: Rename, Colour, Move and Delete did nothing until a click
                # picked one, and Tab into the list showed no label to act on.
                self.view.setCurrentIndex(self.model.index(0, 0))
            for button in self.buttons:
                button.setEnabled(True)

        db = self.ctx.db
        run_op(lambda: LabelStore(db).all(), show, parent=self, on_failure=self._failed)

    def is_loading(self) -> bool:
        return self._shown_generation != self._generation or self.edits.is_busy()

    def _hub_changed(self, changes: Changes) -> None:
        """Labels changed elsewhere, or a chat got or lost one (the counts)."""
        if self.own_changes.publishing:
            return
        if changes.labels or changes.all_contacts or (changes.contacts and not changes.from_sync):
            self.reload()

    def _changed_then(self, select_id: int | None = None) -> Callable[[Changes], None]:
        """After a change delivered: publish it and show the labels as they now are."""

        def done(changes: Changes) -> None:
            self.error.clear()
            self.own_changes.publish(changes)
            self.reload(select_id=select_id)

        return done

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, LabelInvalid):
            self._explain(exc)
        else:
            self.error.setText(failure_sentence(exc))
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(failure_sentence(exc))

    def current(self) -> LabelCount | None:
        index = self.view.currentIndex()
        return index.data(LabelRole.LABEL) if index.isValid() else None

    def _explain(self, exc: LabelInvalid) -> None:
        sentences = {
            "empty": self.tr("A label needs a name."),
            "too_long": self.tr("This name is too long."),
            "taken": self.tr("There is already a label with this name."),
            "colour": self.tr("This colour cannot be used."),
            "missing": self.tr("This label was deleted meanwhile."),
        }
        self.error.setText(sentences.get(exc.reason, str(exc)))

    # Each action has a dialog-free variant (add_label, rename, …) the tests and other widgets call.

    def add(self) -> None:
        self._ask_new("", self.tr("&Name"))

    def _ask_new(self, typed: str, prompt: str) -> None:
        name, ok = ask_text(self, self.tr("New label"), prompt, text=typed)
        if ok:
            self.add_label(name, asked=True)

    def add_label(self, name: str, colour: str | None = None, *, asked: bool = False) -> None:
        """Add in an op; the new label is selected when it is in (or the error says why not).
        `asked`: the name was typed in the New label dialog, which a refused name opens again with
        it and the reason, as the rename dialog does (the dialog closed and what she typed was lost)."""
        colour = colour or new_label_colour(len(self.model.rows()))
        db = self.ctx.db

        def added(result: tuple[LabelCount, Changes]) -> None:
            label, changes = result
            self._changed_then(label.id)(changes)

        def refused(exc: BaseException) -> None:
            self._refused(exc)
            if asked and isinstance(exc, LabelInvalid) and exc.reason in ("empty", "too_long", "taken"):
                prompt = self.error.text() + "\n" + self.tr("&Name")
                QTimer.singleShot(0, self, lambda: self._ask_new(name, prompt))

        shown = shown_label_names()
        self.edits.run_in_turn(lambda: LabelStore(db).add(name, colour, shown), added, refused)

    def rename_current(self) -> None:
        label = self.current()
        if label is None:
            return
        self._ask_rename(label.id, label_display_name(label.name), self.tr("&Name"))

    def _ask_rename(self, label_id: int, typed: str, prompt: str) -> None:
        name, ok = ask_text(self, self.tr("Rename label"), prompt, text=typed)
        if ok:
            self.rename(label_id, name, asked=True)

    def rename(self, label_id: int, name: str, *, asked: bool = False) -> None:
        """`asked`: the name was typed in the rename dialog, which a refused name opens again with
        it and the reason (the dialog closed and what she typed was lost)."""
        label = next((row for row in self.model.rows() if row.id == label_id), None)
        if label is not None and clean_label_name(name) == clean_label_name(label_display_name(label.name)):
            # Unchanged as the owner sees it: a built-in label keeps its stored name, so it is still
            # shown in the interface's language. (Its shown name's no-break space, "입금\u00a0대기",
            # and the space she types compare alike.)
            self.error.clear()
            return
        db, shown = self.ctx.db, shown_label_names()

        def refused(exc: BaseException) -> None:
            self._refused(exc)
            if asked and isinstance(exc, LabelInvalid) and exc.reason in ("empty", "too_long", "taken"):
                prompt = self.error.text() + "\n" + self.tr("&Name")
                QTimer.singleShot(0, self, lambda: self._ask_rename(label_id, name, prompt))

        self.edits.run_in_turn(
            lambda: LabelStore(db).rename(label_id, name, shown), self._changed_then(label_id), refused
        )

    def recolour_current(self) -> None:
        label = self.current()
        if label is None:
            return
        colour = QColorDialog.getColor(QColor(label.colour), self, self.tr("Label colour"))
        if colour.isValid():
            self.recolour(label.id, colour.name())

    def recolour(self, label_id: int, colour: str) -> None:
        db = self.ctx.db
        self.edits.run_in_turn(
            lambda: LabelStore(db).recolour(label_id, colour), self._changed_then(label_id), self._refused
        )

    def move_current(self, step: int) -> None:
        label = self.current()
        if label is None:
            return
        ids = [row.id for row in self.model.rows()]
        at = ids.index(label.id)
        to = max(0, min(at + step, len(ids) - 1))
        ids.insert(to, ids.pop(at))
        db = self.ctx.db
        self.edits.run_in_turn(
            lambda: LabelStore(db).reorder(ids), self._changed_then(label.id), self._refused
        )

    def delete_current(self) -> None:
        label = self.current()
        if label is None:
            return
        question = (
            self.tr("Delete the label “{0}”? It is removed from %Ln chats; the chats stay.", "", label.chats)
            if label.chats > 1
            else self.tr("Delete the label “{0}”? It is removed from one chat; the chat stays.")
            if label.chats == 1
            else self.tr("Delete the label “{0}”?")
        ).format(label_display_name(label.name))
        if confirm(self, self.tr("Delete label"), question, self.tr("&Delete")):
            db, label_id = self.ctx.db, label.id
            done = self._changed_then()

            def deleted(result: tuple[DeletedLabel, Changes]) -> None:
                gone, changes = result
                done(changes)
                self._offer_undo(gone)

            self.edits.run_in_turn(lambda: LabelStore(db).delete(label_id), deleted, self._refused)

    def _offer_undo(self, gone: DeletedLabel | None) -> None:
        self.deleted = gone
        if gone is None:
            self.undo.withdraw()
        else:
            self.undo.offer(self.tr("Deleted the label “{0}”.").format(label_display_name(gone.name)))

    def undo_delete(self) -> None:
        """Bring the label deleted last back, where it was and on its chats (Undo, Ctrl+Z)."""
        gone = self.deleted
        if gone is None:
            return
        self._offer_undo(None)
        db = self.ctx.db

        def restored(result: tuple[LabelCount, Changes]) -> None:
            label, changes = result
            self._changed_then(label.id)(changes)

        self.edits.run_in_turn(lambda: LabelStore(db).restore(gone), restored, self._refused)
