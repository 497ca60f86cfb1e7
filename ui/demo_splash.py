"""The note shown while `--demo` sets up its shop and relay, before its window can show."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QSplashScreen

from ui.first_paint import mark
from ui.resources import icon_path

WIDTH, HEIGHT, ICON = 420, 132, 64
EXPOSED_WITHIN_MS = 500  # a window system that never says so gets its paint anyway


def demo_splash() -> QSplashScreen:
    """Shown and painted at once. A fresh demo seeds its shop, starts its relay and builds its window
    on the GUI thread for 3 s on a quiet two-core laptop, up to 18 s on a busy one: nothing at all
    on the screen meanwhile, and the owner clicked the icon again."""
    picture = QPixmap(WIDTH, HEIGHT)
    palette = QApplication.palette()
    picture.fill(palette.window().color())
    painter = QPainter(picture)
    painter.setPen(QColor(palette.mid().color()))
    painter.drawRect(picture.rect().adjusted(0, 0, -1, -1))
    icon = QIcon(str(icon_path("app.svg"))).pixmap(ICON, ICON)
    painter.drawPixmap((WIDTH - ICON) // 2, 16, icon)
    painter.end()
    splash = QSplashScreen(picture)
    splash.setObjectName("demoSplash")
    text = QCoreApplication.translate("DemoSplash", "Opening the demo shop…")
    splash.setAccessibleName(text)
    splash.show()
    below = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
    splash.showMessage(text, below, palette.text().color())
    # Painted now: the event loop does not run until the main window shows. The window system
    # shows it some milliseconds after show(); what is painted before that is lost.
    deadline = QDeadlineTimer(EXPOSED_WITHIN_MS)
    window = splash.windowHandle()
    while window is not None and not window.isExposed() and not deadline.hasExpired():
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    splash.repaint()
    QApplication.processEvents()
    mark("demo splash shown")
    return splash
