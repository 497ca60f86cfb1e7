"""Our SVG icons, tinted to any colour and cached as pixmaps or QIcons."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from ui.resources import icon_path


@lru_cache(maxsize=256)
def _tinted(name: str, size: int, rgba: int, dpr_x100: int) -> QPixmap:
    dpr = dpr_x100 / 100
    pixels = max(1, round(size * dpr))
    pixmap = QPixmap(QSize(pixels, pixels))
    pixmap.fill(Qt.GlobalColor.transparent)
    renderer = QSvgRenderer(str(icon_path(f"{name}.svg")))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, pixels, pixels))
    # Keep the shape, replace the colour; white details (e.g. the "!" in error) become holes.
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(pixmap.rect(), QColor.fromRgba(rgba))
    painter.end()
    pixmap.setDevicePixelRatio(dpr)
    return pixmap


def pixmap(name: str, size: int, color: QColor, dpr: float = 1.0) -> QPixmap:
    """The icon `name` (file resources/icons/<name>.svg) in `color`, `size` logical pixels square."""
    return _tinted(name, size, color.rgba(), round(dpr * 100))


class _TintedSvgEngine(QIconEngine):
    """Renders the SVG at exactly the size and device pixel ratio asked for: crisp at 150 % and
    200 % scaling, and on a second screen with another ratio (a single bitmap would be rescaled)."""

    def __init__(self, name: str, color: QColor | None) -> None:
        super().__init__()
        self.name = name
        self.color = color  # None: the palette's text colour when drawn

    def _colour(self, mode: QIcon.Mode) -> QColor:
        colour = self.color if self.color is not None else _window_text()
        if mode == QIcon.Mode.Disabled:
            faded = QColor(colour)
            faded.setAlphaF(0.38)
            return faded
        return colour

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        side = max(1, min(size.width(), size.height()))
        return pixmap(self.name, side, self._colour(mode), scale)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        dpr = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        side = max(1, min(rect.width(), rect.height()))
        painter.drawPixmap(rect.topLeft(), pixmap(self.name, side, self._colour(mode), dpr))

    def clone(self) -> QIconEngine:
        return _TintedSvgEngine(self.name, self.color)


def _window_text() -> QColor:
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.palette().windowText().color() if QGuiApplication.instance() else QColor("#555")


def icon(name: str, color: QColor | None = None, size: int = 24) -> QIcon:
    """A QIcon for buttons and actions, tinted with the palette's text colour by default; drawn from
    the SVG at whatever size and scale the button shows it (`size` is kept for callers).

    The default colour is the palette's at each drawing, not at the icon's making: after a switch
    from light to dark with the inbox open, icons made in the light theme stayed black on the now
    dark header and composer."""
    return QIcon(_TintedSvgEngine(name, None if color is None else QColor(color)))


def draw(painter: QPainter, name: str, rect: QRectF, color: QColor) -> None:
    """Paint the tinted icon into `rect` (square), sharp on high-DPI screens."""
    dpr = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
    pm = pixmap(name, max(1, round(rect.width())), color, dpr)
    painter.drawPixmap(rect.topLeft(), pm)
