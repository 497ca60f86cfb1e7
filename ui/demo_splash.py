"""The note shown while `--demo` sets up its shop and relay, before its window can show."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEvent, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor, QIcon, QKeySequence, QMouseEvent, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import QApplication, QSplashScreen, QWidget

from ui.first_paint import mark
from ui.resources import icon_path

WIDTH, HEIGHT, ICON = 420, 132, 64
EXPOSED_WITHIN_MS = 500  # a window system that never says so gets its paint anyway


class DemoSplash(QSplashScreen):
    """The demo's icon and a line saying how far its start has come. Ctrl+Q, or closing it, asks to
    quit (`quit_asked`): the start under way stops and the demo does not open. A click does not
    hide it (a QSplashScreen's would, and the screen showed nothing while the shop opened)."""

    quit_asked = Signal()

    def __init__(self, picture: QPixmap) -> None:
        super().__init__(picture)
        self.setObjectName("demoSplash")
        self.leaving = False
        self._window: QWidget | None = None
        # Ctrl+Q as in the window it stands for (ui/menus.py's Quit), while the splash has the keyboard.
        quit_keys = QShortcut(QKeySequence("Ctrl+Q"), self)
        quit_keys.setContext(Qt.ShortcutContext.ApplicationShortcut)
        quit_keys.activated.connect(self.quit_asked)

    def say(self, text: str) -> None:
        """Show `text` below the icon, painted at once (the event loop may be busy until the next)."""
        self.setAccessibleName(text)
        below = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
        self.showMessage(text, below, QApplication.palette().text().color())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if not self.leaving and event.isAccepted():
            self.quit_asked.emit()

    def leave_for(self, window: QWidget) -> None:
        """Go as soon as `window` is up: at once when it is shown minimised or is on the screen
        already, else when the window system first shows it (after EXPOSED_WITHIN_MS at the latest).
        Never waits: QSplashScreen.finish waited up to a second for a window started minimised,
        which is never shown, with the window unable to take a click meanwhile."""
        self.leaving = True
        handle = window.windowHandle()
        if window.isMinimized() or handle is None or handle.isExposed():
            self.close()
            return
        self._window = window
        handle.installEventFilter(self)
        window.installEventFilter(self)
        QTimer.singleShot(EXPOSED_WITHIN_MS, self, self._window_up)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        window = self._window
        if window is not None:
            handle = window.windowHandle()
            exposed = event.type() == QEvent.Type.Expose and handle is not None and handle.isExposed()
            minimised = event.type() == QEvent.Type.WindowStateChange and window.isMinimized()
            if exposed or minimised:
                QTimer.singleShot(0, self, self._window_up)  # once the window's own handling is done
        return False

    def _window_up(self) -> None:
        window, self._window = self._window, None
        if window is not None:
            handle = window.windowHandle()
            if handle is not None:
                handle.removeEventFilter(self)
            window.removeEventFilter(self)
        self.close()


def demo_splash() -> DemoSplash:
    """Shown and painted at once. A fresh demo seeds its shop and starts its relay for 3 s on a quiet
    two-core laptop, up to 18 s on a busy one (ui/demo_start.py, on a worker), then builds its window:
    nothing at all on the screen meanwhile, and the owner clicked the icon again."""
    picture = QPixmap(WIDTH, HEIGHT)
    palette = QApplication.palette()
    picture.fill(palette.window().color())
    painter = QPainter(picture)
    painter.setPen(QColor(palette.mid().color()))
    painter.drawRect(picture.rect().adjusted(0, 0, -1, -1))
    icon = QIcon(str(icon_path("app.svg"))).pixmap(ICON, ICON)
    painter.drawPixmap((WIDTH - ICON) // 2, 16, icon)
    painter.end()
    splash = DemoSplash(picture)
    splash.show()
    splash.activateWindow()  # Ctrl+Q reaches it
    splash.say(QCoreApplication.translate("DemoSplash", "Opening the demo shop…"))
    # Painted now: the event loop does not run until the demo's start is under way. The window
    # system shows it some milliseconds after show(); what is painted before that is lost.
    deadline = QDeadlineTimer(EXPOSED_WITHIN_MS)
    window = splash.windowHandle()
    while window is not None and not window.isExposed() and not deadline.hasExpired():
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    splash.repaint()
    QApplication.processEvents()
    mark("demo splash shown")
    return splash
