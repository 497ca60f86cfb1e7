"""Quick replies as Qt models: the list model, a ranking filter proxy, and the two-line delegate."""

from __future__ import annotations

import enum
import logging
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.quick_replies import (
    PATTERN_LIMIT,
    ContactInfo,
    QuickReplyRow,
    match_rank,
    normalise_pattern,
    reply_text,
)
from ui.field_tokens import shown_fields
from ui.formatting import kind_label
from ui.plain_tooltip import plain_tooltip
from ui.theme import problem_colour

log = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex


class Role(enum.IntEnum):
    ROW = Qt.ItemDataRole.UserRole + 1  # the QuickReplyRow
    SHORTCUT = Qt.ItemDataRole.UserRole + 2
    TEXT = Qt.ItemDataRole.UserRole + 3
    OTHER_LANGUAGE = Qt.ItemDataRole.UserRole + 4  # True: TEXT is the twin in the customer's language
    FILE_MARK = Qt.ItemDataRole.UserRole + 5  # "📎 Photo" / "📎 File" when the reply sends one; "" else


def file_mark(row: QuickReplyRow) -> str:
    """The mark of a reply that sends a photo or a file with its text ("" when it sends none)."""
    kind = row.media_kind
    if not kind:
        return ""
    if kind in ("image", "sticker"):
        label = kind_label("image")
    elif kind == "video":
        label = kind_label("video")
    else:
        label = QCoreApplication.translate("QuickReplyListModel", "File")
    return f"📎 {label}"


class QuickReplyListModel(QAbstractListModel):
    """The quick replies in the owner's order."""

    def __init__(self, rows: Sequence[QuickReplyRow] = (), parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[QuickReplyRow] = list(rows)
        # The chat a reply would go into: its text is shown in the language that chat gets.
        self._contact: ContactInfo | None = None

    def set_contact(self, contact: ContactInfo | None) -> None:
        if contact != self._contact:
            self._contact = contact
            if self._rows:
                self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def set_rows(self, rows: Sequence[QuickReplyRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[QuickReplyRow]:
        return list(self._rows)

    def row_at(self, row: int) -> QuickReplyRow:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.shortcut}  {shown_fields(reply_text(row, self._contact))}"
        if role in (Qt.ItemDataRole.ToolTipRole, Role.TEXT):
            # The owner reads the fields in their words ("{고객 이름}"), as the editor shows them.
            text = shown_fields(reply_text(row, self._contact))
            return plain_tooltip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        if role == Role.ROW:
            return row
        if role == Role.SHORTCUT:
            return row.shortcut
        if role == Role.OTHER_LANGUAGE:
            return reply_text(row, self._contact) != row.text
        if role == Role.FILE_MARK:
            return file_mark(row)
        return None


class QuickReplyFilterModel(QSortFilterProxyModel):
    """Filters by what was typed after `/` and ranks shortcut-prefix matches first (qutebrowser-style).

    Each pattern change scores every reply once in Python (`app.quick_replies.match_rank`); the
    filter and `lessThan` then only look the scores up, so sorting thousands of replies stays cheap.
    """

    def __init__(self, parent: object = None, *, limit: int | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._pattern = ""
        self._keys: dict[int, tuple[int, int, int]] = {}  # source row → (rank, position, id)
        # The completer shows only the best `limit` matches: nobody scrolls a popup past a hundred,
        # and Qt's sort calls lessThan (Python) n·log n times.
        self.limit = limit
        self.setDynamicSortFilter(False)

    @property
    def pattern(self) -> str:
        return self._pattern

    def set_pattern(self, pattern: str) -> None:
        # Trimmed like qutebrowser's set_pattern: a huge paste must not make every keystroke slow.
        self._pattern = normalise_pattern(pattern[:PATTERN_LIMIT])
        self._refresh()

    def _score(self) -> None:
        source = self.sourceModel()
        rows = source.rows() if isinstance(source, QuickReplyListModel) else []
        keys = {}
        for i, row in enumerate(rows):
            rank = match_rank(self._pattern, row.shortcut, row.text, row.keywords, row.text_other_language)
            if rank is not None:
                keys[i] = (rank, row.position, row.id)
        if self.limit is not None and len(keys) > self.limit:
            keys = dict(sorted(keys.items(), key=lambda item: item[1])[: self.limit])
        self._keys = keys

    def _refresh(self) -> None:
        self._score()
        self.invalidate()
        # With no pattern every rank is equal and the source is already in the owner's order.
        self.sort(0 if self._pattern else -1)

    def setSourceModel(self, model: QAbstractListModel) -> None:  # type: ignore[override]
        super().setSourceModel(model)
        model.modelReset.connect(self._refresh)
        self._refresh()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        return source_row in self._keys

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        return self._keys[left.row()] < self._keys[right.row()]

    def row_at(self, proxy_row: int) -> QuickReplyRow | None:
        index = self.index(proxy_row, 0)
        return index.data(Role.ROW) if index.isValid() else None


class QuickReplyDelegate(QStyledItemDelegate):
    """Two lines per reply: the shortcut in bold, then the start of the text (plain text, elided)."""

    PADDING = 6

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        bold = QFont(option.font)  # type: ignore[attr-defined]
        bold.setBold(True)
        return bold, QFont(option.font)  # type: ignore[attr-defined]

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        bold, plain = self._fonts(option)
        height = QFontMetrics(bold).height() + QFontMetrics(plain).height() + 3 * self.PADDING // 2 + 2
        return QSize(240, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        row = index.data(Role.ROW)
        if row is None:
            return
        painter.save()
        style = option.widget.style() if option.widget else None  # type: ignore[attr-defined]
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)  # type: ignore[attr-defined]
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        palette: QPalette = option.palette  # type: ignore[attr-defined]
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect: QRect = option.rect.adjusted(self.PADDING * 2, self.PADDING // 2, -self.PADDING * 2, 0)  # type: ignore[attr-defined]
        bold, plain = self._fonts(option)
        top = QFontMetrics(bold)
        painter.setFont(bold)
        painter.setPen(palette.color(text_role))
        shortcut = row.shortcut
        if index.data(Role.OTHER_LANGUAGE):
            # A Korean shortcut over an English text: say why, so it does not look like a mistake.
            shortcut = self.tr("{0} · in the language this customer writes").format(row.shortcut)
        # What the reply sends with its text, at the line's end ("📎 Photo"): in the list and the `/`
        # popup alike, the owner sees which reply brings a photo before she picks it.
        mark = str(index.data(Role.FILE_MARK) or "")
        mark_width = top.horizontalAdvance(mark) + self.PADDING if mark else 0
        if row.media_missing:
            # Said in the list (and the `/` popup) before the reply is used without its photo, in red.
            shortcut = self.tr("{0} · file missing — choose it again").format(shortcut)
            if not selected:
                painter.setPen(QColor(problem_colour(palette)))
        line = QRect(rect.left(), rect.top(), rect.width(), top.height())
        painter.drawText(
            line.adjusted(0, 0, -mark_width, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            top.elidedText(shortcut, Qt.TextElideMode.ElideRight, rect.width() - mark_width),
        )
        if mark:
            painter.setFont(plain)
            if not selected and not row.media_missing:
                painter.setPen(palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText))
            painter.drawText(line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, mark)
        second = QFontMetrics(plain)
        painter.setFont(plain)
        if not selected:
            painter.setPen(palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText))
        first_line = " ".join(str(index.data(Role.TEXT) or "").split())
        painter.drawText(
            QRect(rect.left(), rect.top() + top.height() + 2, rect.width(), second.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            second.elidedText(first_line, Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.restore()
