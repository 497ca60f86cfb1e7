"""The contact panel's "Media and documents": photo thumbnails, file names and sizes; double-click opens."""

from __future__ import annotations

import logging
from enum import IntEnum
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRunnable,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QImage, QPainter, QPainterPath, QPaintEvent, QPixmap
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.changes import Changes
from app.errors import ErrorCode, RelayError
from app.message_media import SharedItem, shared_media_of
from ui import icons
from ui.catalog_thumbs import square_thumbnail
from ui.context import AppContext
from ui.formatting import full_datetime, kind_label
from ui.gui_thread import GuiThreadSignals
from ui.open_file import open_file
from ui.ops import Newest, picture_pool, run_op
from ui.plain_tooltip import plain_tooltip
from ui.size_text import human_size

log = logging.getLogger(__name__)

THUMB = 44  # logical pixels; the image is read at the screen's device pixel ratio
ROWS_SHOWN = 5  # the list grows to this many rows, then scrolls
FETCH_AT_MOST = 12  # photos not downloaded yet that the panel asks the relay for at once

Index = QModelIndex | QPersistentModelIndex


class MediaRole(IntEnum):
    ITEM = Qt.ItemDataRole.UserRole + 1  # SharedItem
    DETAIL = Qt.ItemDataRole.UserRole + 2  # "1.2 MB · 3 Nov 2026 14:05"
    THUMB = Qt.ItemDataRole.UserRole + 3  # QPixmap or None
    GONE = Qt.ItemDataRole.UserRole + 4  # bool: WhatsApp no longer has the file (DETAIL says so)


def _title(item: SharedItem) -> str:
    return item.title or kind_label(item.kind)


def _file_of(media_dir: Path, item: SharedItem) -> Path | None:
    """The downloaded file (received files live under the media folder; sent ones keep their path)."""
    if item.media is None or not item.media.cache_path:
        return None
    return media_dir / item.media.cache_path


class _Signals(GuiThreadSignals):
    done = Signal(int, QImage)  # message id, thumbnail (null when unreadable)


class _ThumbJob(QRunnable):
    """Read and scale one photo in the pool: never on the GUI thread."""

    def __init__(self, message_id: int, path: str, side: int, signals: _Signals) -> None:
        super().__init__()
        self.message_id = message_id
        self.path = path
        self.side = side
        self.signals = signals

    def run(self) -> None:
        from PySide6.QtGui import QImageReader

        reader = QImageReader(self.path)
        reader.setAutoTransform(True)
        size = reader.size()
        if size.isValid():
            reader.setScaledSize(
                size.scaled(QSize(self.side, self.side), Qt.AspectRatioMode.KeepAspectRatioByExpanding)
            )
        image = reader.read()
        self.signals.post(
            self.signals.done,
            self.message_id,
            square_thumbnail(image, self.side) if not image.isNull() else QImage(),
        )


class SharedMediaModel(QAbstractListModel):
    """One chat's photos, videos, documents and audio, newest first; thumbnails arrive as they load."""

    def __init__(self, media_dir: Path, gone: set[int] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.media_dir = media_dir
        # Media ids WhatsApp no longer has (AppContext.gone_media, read in memory): said muted below
        # the name, as the chat's box says it.
        self.gone = gone if gone is not None else set()
        self.items: list[SharedItem] = []
        self.device_ratio = 1.0
        self._thumbs: dict[int, QPixmap] = {}
        self._asked: set[int] = set()
        self._signals = _Signals()
        self._signals.done.connect(self._thumb_ready, Qt.ConnectionType.QueuedConnection)

    def set_items(self, items: list[SharedItem]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()
        for item in items:
            self._ask_thumbnail(item)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.items):
            return None
        item = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return _title(item)
        if role == MediaRole.ITEM:
            return item
        if role == MediaRole.DETAIL:
            return self.detail(item)
        if role == MediaRole.THUMB:
            return self._thumbs.get(item.message_id)
        if role == MediaRole.GONE:
            return self.is_gone(item)
        if role == Qt.ItemDataRole.DecorationRole:
            return icons.icon(item.kind if item.kind in ("image", "video", "audio") else "document")
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{_title(item)}\n{self.facts(item)}")
        return None

    def is_gone(self, item: SharedItem) -> bool:
        """WhatsApp no longer has the file and none was downloaded: no thumbnail will ever come."""
        media = item.media
        return media is not None and not media.cache_path and (media.gone or media.id in self.gone)

    def media_gone(self, media_id: int) -> None:
        for row, item in enumerate(self.items):
            if item.media is not None and item.media.id == media_id:
                self.dataChanged.emit(self.index(row), self.index(row), [MediaRole.DETAIL, MediaRole.GONE])

    def detail(self, item: SharedItem) -> str:
        """The line below the name: size and date, or that WhatsApp no longer has the file (alone,
        muted as the chat's box says it: after the date it was cut to "WhatsApp에 더 이상 없…")."""
        if self.is_gone(item):
            return QCoreApplication.translate("bubble", "No longer on WhatsApp")
        return self.facts(item)

    def facts(self, item: SharedItem) -> str:
        parts = []
        if self.is_gone(item):
            parts.append(QCoreApplication.translate("bubble", "No longer on WhatsApp"))
        if item.media is not None and item.media.size:
            parts.append(human_size(item.media.size))
        if item.sent_at is not None:
            parts.append(full_datetime(item.sent_at))
        return " · ".join(parts)

    def _ask_thumbnail(self, item: SharedItem) -> None:
        if item.kind != "image" or item.message_id in self._thumbs or item.message_id in self._asked:
            return
        if item.media is None or not (item.media.thumb_path or item.media.cache_path):
            return
        self._asked.add(item.message_id)
        path = self.media_dir / (item.media.thumb_path or item.media.cache_path or "")
        side = round(THUMB * self.device_ratio)
        picture_pool().start(_ThumbJob(item.message_id, str(path), side, self._signals))

    def _thumb_ready(self, message_id: int, image: QImage) -> None:
        if image.isNull():
            return
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.device_ratio)
        self._thumbs[message_id] = pixmap
        for row, item in enumerate(self.items):
            if item.message_id == message_id:
                self.dataChanged.emit(self.index(row), self.index(row), [MediaRole.THUMB])

    def forget(self, message_id: int) -> None:
        """The photo was downloaded meanwhile: read its thumbnail again on the next load."""
        self._asked.discard(message_id)


class SharedMediaDelegate(QStyledItemDelegate):
    """A square thumbnail (or the kind's icon), the name on the first line, size and date below."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        line = option.fontMetrics.height()
        return QSize(200, max(THUMB, 2 * line + 4) + 8)

    def detail_shown(self, option: QStyleOptionViewItem, index: Index) -> tuple[QFont, str]:
        """The second line's font and words as drawn, elided to its room. "No longer on WhatsApp" is
        in the smaller font of the chat's box that says it (in the list's it was cut to "…이상 없…")."""
        font = QFont(option.font)
        if index.data(MediaRole.GONE):
            font.setPointSizeF(font.pointSizeF() - 1.5 if font.pointSizeF() > 0 else 8.0)
        width = option.rect.width() - 8 - THUMB - 10
        text = QFontMetrics(font).elidedText(
            index.data(MediaRole.DETAIL) or "", Qt.TextElideMode.ElideRight, width
        )
        return font, text

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        style = option.widget.style() if option.widget else None
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = icons.icon("image")  # replaced below; the style paints selection and focus only
        opt.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDecoration
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)
        rect = option.rect.adjusted(4, 4, -4, -4)
        thumb_rect = QRect(rect.left(), rect.top() + (rect.height() - THUMB) // 2, THUMB, THUMB)
        thumb = index.data(MediaRole.THUMB)
        if isinstance(thumb, QPixmap) and not thumb.isNull():
            clip = QPainterPath()
            clip.addRoundedRect(thumb_rect, 6, 6)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setClipPath(clip)
            painter.drawPixmap(thumb_rect, thumb)
            painter.setClipping(False)
        else:
            icon = index.data(Qt.ItemDataRole.DecorationRole)
            icon.paint(painter, thumb_rect.adjusted(8, 8, -8, -8))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_left = thumb_rect.right() + 10
        text_rect = QRect(text_left, rect.top(), rect.right() - text_left, rect.height())
        fm = option.fontMetrics
        title = fm.elidedText(index.data(), Qt.TextElideMode.ElideMiddle, text_rect.width())
        detail_font, detail = self.detail_shown(option, index)
        top = text_rect.top() + (text_rect.height() - 2 * fm.height()) // 2
        painter.setPen(palette.highlightedText().color() if selected else palette.text().color())
        painter.drawText(
            QRect(text_left, top, text_rect.width(), fm.height()), Qt.AlignmentFlag.AlignLeft, title
        )
        painter.setPen(palette.highlightedText().color() if selected else palette.placeholderText().color())
        painter.setFont(detail_font)
        painter.drawText(
            QRect(text_left, top + fm.height(), text_rect.width(), fm.height()),
            Qt.AlignmentFlag.AlignLeft,
            detail,
        )
        painter.restore()


class SharedMediaList(QListView):
    """`show_contact(id)` loads off the GUI thread; Enter or a double-click opens the file.

    A file not downloaded yet is fetched through the relay first; one that cannot be (offline, a
    phone export without its files) emits `media_opened(message_id)` so the chat shows the message.
    """

    media_opened = Signal(int)
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.contact_id: int | None = None
        self._reads = Newest()  # a late answer for an older look never replaces a newer one
        self.setObjectName("sharedMedia")
        self.setAccessibleName(self.tr("Media and documents"))
        self.media_model = SharedMediaModel(ctx.paths.media_dir, ctx.gone_media, self)
        self.setModel(self.media_model)
        self.setItemDelegate(SharedMediaDelegate(self))
        self.setUniformItemSizes(True)
        self.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.activated.connect(self.open_item)
        self._fetching: set[int] = set()
        ctx.hub.changed.connect(self._changed)
        ctx.hub.media_gone.connect(self.media_model.media_gone)
        self._fit_height()

    def show_contact(self, contact_id: int) -> None:
        if contact_id != self.contact_id:
            self.contact_id = contact_id
            self.media_model.set_items([])
        self.reload()

    def reload(self) -> None:
        contact_id = self.contact_id
        if contact_id is None:
            return
        self._reads.run_op(
            partial(shared_media_of, self.ctx.db, contact_id), partial(self._loaded, contact_id), parent=self
        )

    def _loaded(self, contact_id: int, items: list[SharedItem]) -> None:
        if contact_id != self.contact_id:
            return  # another chat was picked meanwhile
        self.media_model.device_ratio = self.devicePixelRatioF()
        self.media_model.set_items(items)
        self._fit_height()
        self._fetch_missing_photos(items)
        self.loaded.emit()

    def _changed(self, changes: Changes) -> None:
        if self.contact_id is not None and self.contact_id in changes.messages and self.isVisible():
            self.reload()

    def _fit_height(self) -> None:
        rows = min(max(self.media_model.rowCount(), 1), ROWS_SHOWN)
        row_height = (
            self.sizeHintForRow(0) if self.media_model.rowCount() else 2 * self.fontMetrics().height() + 12
        )
        self.setFixedHeight(rows * row_height + 2 * self.frameWidth() + 2)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.media_model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(
                self.viewport().rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Nothing shared yet")
            )

    # ----------------------------------------------------------------- downloading and opening
    def _fetch_missing_photos(self, items: list[SharedItem]) -> None:
        """Photos the chat has not shown yet have no file: fetch a few, then show their thumbnails."""
        sync = self.ctx.sync
        if sync is None or not sync.running:
            return
        missing = [
            i
            for i in items
            if i.kind == "image"
            and i.media is not None
            and not i.media.cache_path
            and i.media.id not in self._fetching
            and not self.media_model.is_gone(i)  # asked once already: WhatsApp has it no more
        ][:FETCH_AT_MOST]
        for item in missing:
            assert item.media is not None
            media_id = item.media.id
            self._fetching.add(media_id)
            run_op(
                partial(sync.fetch_media, media_id),
                partial(self._photo_fetched, item.message_id),
                parent=self,
                on_failure=partial(self._photo_not_fetched, media_id),
            )

    def _photo_not_fetched(self, media_id: int, exc: BaseException) -> None:
        log.info("photo not fetched for the contact panel: %s", type(exc).__name__)
        if isinstance(exc, RelayError) and exc.code is ErrorCode.MEDIA_UNAVAILABLE:
            self.ctx.media_gone(media_id)  # said here and in the chat's box

    def _photo_fetched(self, message_id: int, _path: object = None) -> None:
        self.media_model.forget(message_id)
        self.reload()

    def open_item(self, index: QModelIndex) -> None:
        item: SharedItem | None = index.data(MediaRole.ITEM)
        if item is None:
            return
        path = _file_of(self.ctx.paths.media_dir, item)
        if path is not None and path.exists():
            open_file(self, path)
            return
        sync = self.ctx.sync
        if item.media is None or sync is None or not sync.running:
            self.media_opened.emit(item.message_id)
            return
        media_id = item.media.id

        def opened(found: Path | None) -> None:
            if found is not None:
                open_file(self, found)
            else:
                self.media_opened.emit(item.message_id)

        run_op(
            lambda: sync.fetch_media(media_id),
            opened,
            parent=self,
            on_failure=lambda _exc: self.media_opened.emit(item.message_id),
        )
