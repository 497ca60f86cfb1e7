"""Catalogue thumbnails: made once with QImage off the GUI thread, kept on disk, cached as pixmaps.

app/catalog_images.py stores originals under their content hash; this module writes
`catalog/thumbs/<hash>-<size>.png` the first time a picture is shown and reads it back afterwards, always
in a worker thread. The GUI thread only turns the finished QImage into a QPixmap.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRunnable, Qt, Signal, Slot
from PySide6.QtGui import QImage, QImageReader, QPixmap

from app.catalog_images import image_file, sniff_suffix, thumbnail_path
from app.wire import MEDIA_LIMITS
from ui.gui_thread import GuiThreadSignals
from ui.ops import picture_pool

log = logging.getLogger(__name__)

# Phone photos are far larger than WhatsApp shows; 2048 px keeps detail and stays well below 5 MB.
MAX_SENT_SIDE = 2048


def square_thumbnail(image: QImage, size: int) -> QImage:
    """Scaled to cover a size×size square, centred and cropped (product photos are seldom square)."""
    scaled = image.scaled(
        size, size, Qt.AspectRatioMode.KeepAspectRatioByExpanding, Qt.TransformationMode.SmoothTransformation
    )
    x = max(0, (scaled.width() - size) // 2)
    y = max(0, (scaled.height() - size) // 2)
    return scaled.copy(x, y, size, size)


def load_or_make_thumbnail(catalog_dir: Path, entry: str, size: int) -> QImage | None:
    """The thumbnail of a catalogue image: read from disk, or made from the original and saved."""
    target = thumbnail_path(catalog_dir, entry, size)
    source = image_file(catalog_dir, entry)
    if target is None or source is None:
        return None
    if target.exists():
        cached = QImage(str(target))
        if not cached.isNull():
            return cached
    reader = QImageReader(str(source))
    reader.setAutoTransform(True)  # phone photos carry their rotation in EXIF
    original = reader.read()
    if original.isNull():
        log.warning("cannot read catalogue image %s: %s", entry, reader.errorString())
        return None
    thumb = square_thumbnail(original, size)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not thumb.save(str(target), "PNG"):  # type: ignore[call-overload]
        log.warning("cannot save thumbnail %s", target)
    return thumb


def sendable_image_bytes(source: Path) -> bytes:
    """The bytes to store for a picture the owner adds: JPEG/PNG ≤ 5 MB as they are, anything else
    (WebP, GIF, HEIC where Qt reads it, huge photos) re-encoded as a JPEG WhatsApp accepts.
    Raises OSError when Qt cannot read it as an image."""
    data = source.read_bytes()
    if sniff_suffix(data) in (".jpg", ".png") and len(data) <= MEDIA_LIMITS["image"]:
        return data
    reader = QImageReader(str(source))
    reader.setAutoTransform(True)
    stored = reader.size()
    if stored.isValid() and max(stored.width(), stored.height()) > MAX_SENT_SIDE:
        # Read small from the start: a 108-megapixel phone photo read whole is over Qt's 256 MB
        # limit for one picture (refused as unreadable, then sent as it was and refused as over
        # 5 MB), and an 8000 × 6000 one takes seconds and 190 MB. Scaled before the EXIF turn, so
        # the box is the stored picture's own shape.
        reader.setScaledSize(stored.scaled(MAX_SENT_SIDE, MAX_SENT_SIDE, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        raise OSError(f"{source.name} is not an image this computer can read")
    if max(image.width(), image.height()) > MAX_SENT_SIDE:
        image = image.scaled(
            MAX_SENT_SIDE,
            MAX_SENT_SIDE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    if image.hasAlphaChannel():
        flat = QImage(image.size(), QImage.Format.Format_RGB32)
        flat.fill(Qt.GlobalColor.white)
        from PySide6.QtGui import QPainter

        painter = QPainter(flat)
        painter.drawImage(0, 0, image)
        painter.end()
        image = flat
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 88)  # type: ignore[call-overload]
    buffer.close()
    return bytes(array.data())


class _Signals(GuiThreadSignals):
    done = Signal(str, int, QImage)


class _ThumbJob(QRunnable):
    def __init__(
        self, catalog_dir: Path, entry: str, size: int, signals: _Signals, closed: threading.Event
    ) -> None:
        super().__init__()
        self.catalog_dir = catalog_dir
        self.entry = entry
        self.size = size
        self.signals = signals
        self.closed = closed

    def run(self) -> None:
        if self.closed.is_set():  # its window closed while it waited its turn
            return
        try:
            image = load_or_make_thumbnail(self.catalog_dir, self.entry, self.size)
        except OSError as exc:
            log.warning("thumbnail of %s failed: %s", self.entry, exc)
            image = None
        self.signals.post(self.signals.done, self.entry, self.size, image if image is not None else QImage())


class ThumbnailCache(QObject):
    """`pixmap(entry, size)` answers at once from memory or starts a job; `ready` says when it landed."""

    ready = Signal(str)

    def __init__(self, catalog_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalog_dir = catalog_dir
        self._pixmaps: dict[tuple[str, int], QPixmap] = {}
        self._pending: set[tuple[str, int]] = set()
        self._failed: set[tuple[str, int]] = set()
        self._signals = _Signals()
        self._signals.done.connect(self._landed, Qt.ConnectionType.QueuedConnection)
        self._closed = threading.Event()

    def pixmap(self, entry: str | None, size: int) -> QPixmap | None:
        if not entry:
            return None
        key = (entry, size)
        found = self._pixmaps.get(key)
        if found is not None or key in self._failed:
            return found
        if key not in self._pending:
            self._pending.add(key)
            picture_pool().start(_ThumbJob(self.catalog_dir, entry, size, self._signals, self._closed))
        return None

    def is_idle(self) -> bool:
        return not self._pending

    @Slot(str, int, QImage)
    def _landed(self, entry: str, size: int, image: QImage) -> None:
        key = (entry, size)
        self._pending.discard(key)
        if image.isNull():
            self._failed.add(key)
        else:
            self._pixmaps[key] = QPixmap.fromImage(image)
        self.ready.emit(entry)

    def shutdown(self) -> None:
        """The window closes: its thumbnails not yet begun are dropped, the one being made finishes."""
        self._closed.set()
        picture_pool().waitForDone()
        self._pending.clear()
