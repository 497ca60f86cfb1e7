"""Pictures of the chat read from the media folder off the GUI thread, kept scaled in memory."""

from __future__ import annotations

from collections import OrderedDict
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader

from ui.gui_thread import GuiThreadSignals
from ui.ops import picture_pool

THUMBNAILS_KEPT = 128  # scaled pictures in memory (a chat bubble's is at most 560 × 560 px)

_Key = tuple[str, int, int]


def _turned(reader: QImageReader) -> bool:
    """True when the picture is stored on its side and shown turned a quarter (EXIF orientation 5–8:
    a phone held upright). The reader's size() is the size as stored, before the turn."""
    return bool(reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90)


def image_size(path: str) -> tuple[int, int] | None:
    """Pixel size as the picture is shown (turned as its EXIF says), from the file header (no decoding);
    None while the file cannot be read (not there yet, or gone and fetched again: asked again then)."""
    try:
        return _known_size(path)
    except LookupError:
        return None


@lru_cache(maxsize=512)
def _known_size(path: str) -> tuple[int, int]:
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    size = reader.size()
    if not size.isValid():
        raise LookupError(path)  # not cached: lru_cache keeps only what is returned
    if _turned(reader):
        return size.height(), size.width()
    return size.width(), size.height()


def thumbnail(path: str, width: int, height: int) -> QImage | None:
    """The picture as shown, scaled to fit width × height; None when it cannot be read. Slow for a
    camera's photo (a quarter of a second for 12 megapixels): never on the GUI thread."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    stored = reader.size()
    if stored.isValid():
        # The scaled size is applied before the turn: a picture stored on its side fits a box on its side.
        box = QSize(height, width) if _turned(reader) else QSize(width, height)
        reader.setScaledSize(stored.scaled(box, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image


class _Signals(GuiThreadSignals):
    done = Signal(object, QImage)  # (path, width, height), the picture (null: unreadable)


class _ThumbnailJob(QRunnable):
    def __init__(self, key: _Key, signals: _Signals) -> None:
        super().__init__()
        self.key = key
        self.signals = signals

    def run(self) -> None:
        image = thumbnail(*self.key)
        self.signals.post(self.signals.done, self.key, image if image is not None else QImage())


class ThumbnailLoader(QObject):
    """Scaled pictures for painting: `get` answers at once with the picture, or None while it is read
    in the background (then `ready` asks for a repaint). A chat of the owner's own camera photos
    used to be decoded whole on the GUI thread as it was painted: the window froze a second or more."""

    ready = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._images: OrderedDict[_Key, QImage | None] = OrderedDict()
        self._asked: set[_Key] = set()
        # Not the loader's child: a job still reading posts to it after the loader is gone.
        self._signals = _Signals()
        self._signals.done.connect(self._done)

    def get(self, path: str, width: int, height: int) -> QImage | None:
        """The picture at this size if read already (None also for one that cannot be read)."""
        key = (path, width, height)
        if key in self._images:
            self._images.move_to_end(key)
            return self._images[key]
        if key not in self._asked:
            self._asked.add(key)
            picture_pool().start(_ThumbnailJob(key, self._signals))
        return None

    def unreadable(self, path: str, width: int, height: int) -> bool:
        """The picture was read at this size and is not one Qt can show (a damaged file, a type
        without a plugin here): not merely still being read."""
        key = (path, width, height)
        return key in self._images and self._images[key] is None

    def is_idle(self) -> bool:
        """No picture is being read (screenshots wait on this before they are taken)."""
        return not self._asked

    def forget(self, path: str) -> None:
        """The file at `path` was written again (fetched anew): read it again when next painted."""
        written = Path(path).resolve()
        for key in [k for k in self._images if Path(k[0]).resolve() == written]:
            del self._images[key]

    def _done(self, key: _Key, image: QImage) -> None:
        self._asked.discard(key)
        self._images[key] = None if image.isNull() else image
        while len(self._images) > THUMBNAILS_KEPT:
            self._images.popitem(last=False)
        self.ready.emit()
