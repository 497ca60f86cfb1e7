"""What the owner aimed at in the chat list: the chats shown under the pointer just before rows moved."""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QObject, QPoint
from PySide6.QtWidgets import QListView

from ui.chat_list_model import ChatListModel

# A human takes about this long to see that a row moved and aim again: a press this soon after rows
# moved was aimed at what was shown before (a customer wrote as the pointer travelled to the list).
AIM_S = 0.7


@dataclass(frozen=True, slots=True)
class _Shown:
    """The rows in sight before they moved: (top, bottom, contact id) in the viewport's pixels."""

    rows: tuple[tuple[int, int, int], ...]


class ChatListAim(QObject):
    """Remembers which chat the view showed where before its rows last moved by themselves (a customer
    wrote, a held order let go). For AIM_S after that, `aimed_at` says which chat a press at a point
    was aimed at; a scroll or a filter picked by the owner forgets it (she sees what she moved)."""

    def __init__(self, view: QListView, model: ChatListModel) -> None:
        super().__init__(view)
        self.view = view
        self.model = model
        self._shown: _Shown | None = None
        self._moved_at = 0.0  # time.monotonic() of the last move
        for signal in (
            model.rowsAboutToBeMoved,
            model.rowsAboutToBeInserted,
            model.rowsAboutToBeRemoved,
            model.layoutAboutToBeChanged,
        ):
            signal.connect(self._about_to_move)
        model.modelAboutToBeReset.connect(self.forget)
        view.verticalScrollBar().actionTriggered.connect(self.forget)

    def _about_to_move(self, *_: object) -> None:
        now = time.monotonic()
        # Moves in quick succession: what was shown before the first is what was aimed at (the rows
        # between were in sight too briefly to aim at).
        if self._shown is None or now - self._moved_at > AIM_S:
            self._shown = self._rows_in_sight()
        self._moved_at = now

    def _rows_in_sight(self) -> _Shown:
        viewport = self.view.viewport()
        first = self.view.indexAt(QPoint(1, 0))
        if not first.isValid():
            return _Shown(())
        rows = []
        for position in range(first.row(), self.model.rowCount()):
            rect = self.view.visualRect(self.model.index(position))
            if rect.top() >= viewport.height():
                break
            rows.append((rect.top(), rect.bottom(), self.model.row_at(position).contact_id))
        return _Shown(tuple(rows))

    def aimed_at(self, point: QPoint) -> QModelIndex | None:
        """The chat a press at `point` was aimed at, when rows moved under it a moment ago and it is
        another than the one there now; None: the row under the pointer is the one."""
        shown = self._shown
        if shown is None or time.monotonic() - self._moved_at > AIM_S:
            return None
        for top, bottom, contact_id in shown.rows:
            if top <= point.y() <= bottom:
                position = self.model.position_of(contact_id)
                if position is None:
                    return None  # it left the list
                index = self.model.index(position)
                return None if index == self.view.indexAt(point) else index
        return None

    def keep(self) -> None:
        """A press opened what was aimed at: a double-click's second press is aimed at it too."""
        self._moved_at = time.monotonic()

    def forget(self, *_: object) -> None:
        self._shown = None
