"""The chat list's item model: one row per conversation, pinned first, refreshed row by row on sync."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from app.conversation_rows import ConversationFilter, ConversationRow
from ui.context import AppContext
from ui.label_names import label_display_name

log = logging.getLogger(__name__)

PAGE = 100
Index = QModelIndex | QPersistentModelIndex


class ChatRole(IntEnum):
    ROW = Qt.ItemDataRole.UserRole + 1  # the ConversationRow
    CONTACT_ID = Qt.ItemDataRole.UserRole + 2
    UNREAD = Qt.ItemDataRole.UserRole + 3


def _sort_key(row: ConversationRow) -> tuple[int, float, int]:
    """The order of conversations_page: pinned first, then newest, then id (all descending)."""
    ts = row.last_message_at.timestamp() if row.last_message_at else 0.0
    return (-int(row.pinned), -ts, -row.contact_id)


class ChatListModel(QAbstractListModel):
    """Rows come from app.queries in pages; `refresh_contacts` applies a sync batch in place."""

    unread_changed = Signal()
    held_changed = Signal(int)  # chats waiting to move or appear while the order is held

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind: ConversationFilter = "all"
        self.label_id: int | None = None
        self._rows: list[ConversationRow] = []
        self._more = False
        self.loaded_once = False
        # False while start-up paints the first page from app/first_page.py: paging waits for the
        # database layer (SQLAlchemy), which loads after the first paint.
        self.paging = True
        # While held (the pointer is over the list), rows update in place and never move; what
        # would move or appear waits here until release().
        self.held = False
        self._waiting: dict[int, ConversationRow] = {}

    # ----------------------------------------------------------------- Qt model API
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.display_name
        if role == ChatRole.ROW:
            return row
        if role == ChatRole.CONTACT_ID:
            return row.contact_id
        if role == ChatRole.UNREAD:
            return row.unread_count
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = row.display_name
            if row.needs_person(datetime.now(UTC)):
                tip = self.tr("{0} · Needs a person").format(row.display_name)
            if row.labels:
                names = ", ".join(label_display_name(lab.name) for lab in row.labels)
                tip += "\n" + self.tr("Labels: {0}").format(names)
            return tip
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._more and self.paging

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid() or not self._more or not self.paging:
            return
        from app.queries import conversations_page

        with self.ctx.db.read() as s:
            page = conversations_page(
                s, kind=self.kind, label_id=self.label_id, limit=PAGE, offset=len(self._rows)
            )
        known = {r.contact_id for r in self._rows}
        page = [r for r in page if r.contact_id not in known]
        self._more = len(page) >= PAGE
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    # ----------------------------------------------------------------- loading
    def set_filter(self, kind: ConversationFilter, label_id: int | None = None) -> None:
        self.kind = kind
        self.label_id = label_id
        self.reload()

    def reload(self) -> None:
        """Everything may have changed (filter switch): a reset is honest here."""
        from app.queries import conversations_page

        with self.ctx.db.read() as s:
            page = conversations_page(s, kind=self.kind, label_id=self.label_id, limit=PAGE)
        self.show_page(page)

    def show_first_page(self, page: list[ConversationRow]) -> None:
        """Start-up: the page app/first_page.py read with plain sqlite3 (filter "all"); no paging yet."""
        self.paging = False
        self.show_page(page)

    def show_page(self, page: list[ConversationRow]) -> None:
        self._waiting.clear()
        self.held_changed.emit(0)
        self.beginResetModel()
        self._rows = page
        self._more = len(page) >= PAGE
        self.endResetModel()
        self.loaded_once = True
        self.unread_changed.emit()

    def _matches(self, row: ConversationRow) -> bool:
        if row.last_message_at is None:
            return False
        if self.kind == "archived":
            if not row.archived:
                return False
        elif row.archived:
            return False
        if self.kind == "unread" and row.unread_count == 0:
            return False
        return not (self.label_id is not None and all(lab.id != self.label_id for lab in row.labels))

    def refresh_contacts(
        self, contact_ids: set[int] | list[int]
    ) -> list[tuple[ConversationRow | None, ConversationRow]]:
        """Re-read the given conversations; update, move, insert or drop only their rows.

        Returns (old, new) pairs so callers (notifications) can see what arrived.
        """
        if not contact_ids:
            return []
        from app.queries import conversations_by_id

        with self.ctx.db.read() as s:
            fresh = conversations_by_id(s, set(contact_ids))
        changes: list[tuple[ConversationRow | None, ConversationRow]] = []
        for row in fresh:
            old_pos = self.position_of(row.contact_id)
            old = self._rows[old_pos] if old_pos is not None else None
            changes.append((old, row))
            if self.held and self._would_move(old_pos, row):
                self._waiting[row.contact_id] = row
                if old_pos is not None:  # shows what arrived, where it is
                    self._rows[old_pos] = row
                    self.dataChanged.emit(self.index(old_pos), self.index(old_pos))
            elif old_pos is not None:
                self._remove_or_move(old_pos, row)
            elif self._matches(row):
                self._insert_sorted(row)
        if self.held:
            self.held_changed.emit(len(self._waiting))
        self.unread_changed.emit()
        return changes

    def hold(self) -> None:
        """Keep rows where they are (the owner is about to click one)."""
        self.held = True

    def release(self) -> None:
        """Move and insert what waited while the order was held."""
        self.held = False
        waiting, self._waiting = self._waiting, {}
        for contact_id, row in waiting.items():
            pos = self.position_of(contact_id)
            if pos is not None:
                self._remove_or_move(pos, self._rows[pos])
            elif self._matches(row):
                self._insert_sorted(row)
        self.held_changed.emit(0)

    def _would_move(self, old_pos: int | None, row: ConversationRow) -> bool:
        if old_pos is None:
            return self._matches(row)
        return not self._matches(row) or self._target_position(row, ignore=old_pos) != old_pos

    def _target_position(self, row: ConversationRow, ignore: int | None = None) -> int:
        key = _sort_key(row)
        pos = 0
        for i, other in enumerate(self._rows):
            if i == ignore:
                continue
            if _sort_key(other) < key:
                pos += 1
            else:
                break
        return pos

    def _insert_sorted(self, row: ConversationRow) -> None:
        pos = self._target_position(row)
        if pos >= len(self._rows) and self._more:
            return  # belongs to a page not loaded yet
        self.beginInsertRows(QModelIndex(), pos, pos)
        self._rows.insert(pos, row)
        self.endInsertRows()

    def _remove_or_move(self, old_pos: int, row: ConversationRow) -> None:
        if not self._matches(row):
            self.beginRemoveRows(QModelIndex(), old_pos, old_pos)
            del self._rows[old_pos]
            self.endRemoveRows()
            return
        new_pos = self._target_position(row, ignore=old_pos)
        if new_pos != old_pos:
            # beginMoveRows wants the destination in pre-move coordinates.
            dest = new_pos if new_pos < old_pos else new_pos + 1
            self.beginMoveRows(QModelIndex(), old_pos, old_pos, QModelIndex(), dest)
            del self._rows[old_pos]
            self._rows.insert(new_pos, row)
            self.endMoveRows()
            old_pos = new_pos
        else:
            self._rows[old_pos] = row
        idx = self.index(old_pos)
        self.dataChanged.emit(idx, idx)

    def drop(self, contact_id: int) -> None:
        """The owner deleted this chat: its row goes at once, even while the order holds."""
        self._waiting.pop(contact_id, None)
        pos = self.position_of(contact_id)
        if pos is not None:
            self.beginRemoveRows(QModelIndex(), pos, pos)
            del self._rows[pos]
            self.endRemoveRows()
        if self.held:
            self.held_changed.emit(len(self._waiting))
        self.unread_changed.emit()

    # ----------------------------------------------------------------- lookups
    def position_of(self, contact_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.contact_id == contact_id:
                return i
        return None

    def row_at(self, position: int) -> ConversationRow:
        return self._rows[position]

    def row_for(self, contact_id: int) -> ConversationRow | None:
        pos = self.position_of(contact_id)
        return None if pos is None else self._rows[pos]

    def rows(self) -> list[ConversationRow]:
        return list(self._rows)
