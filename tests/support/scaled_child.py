"""The inbox window at a display scale (QT_SCALE_FACTOR set by the caller), checked for clipped text.

python -m tests.support.scaled_child DATA_DIR
Seeds the demo shop into DATA_DIR, opens a chat with the contact panel and a waiting chat's pill, and
prints one line per widget whose text no longer fits ("CLIPPED …"), then "SCALE <ratio>" and exits.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from app.db import Database
from app.demo_seed import seed_demo_shop
from app.paths import paths_for
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.menus import install_menus
from ui.resources import demo_dir


def clipped(window: QWidget) -> list[str]:
    """Buttons and one-line labels narrower than their text needs."""
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QAbstractButton) and widget.text():
            # The style's padding and frame included: what the button asks for to show its text.
            need = widget.minimumSizeHint().width()
        elif (
            isinstance(widget, QLabel)
            and widget.text()
            and not widget.wordWrap()
            and widget.pixmap().isNull()
        ):
            need = widget.fontMetrics().horizontalAdvance(widget.text())
        else:
            continue
        if widget.width() < need:
            found.append(f"CLIPPED {type(widget).__name__} {widget.text()!r}: {widget.width()} < {need}")
    return found


def main() -> int:
    data = Path(sys.argv[1])
    app = QApplication(sys.argv[:1])
    paths = paths_for(data).ensure()
    db = Database.open(paths.data_dir / "inbox.db")
    seed_demo_shop(db, demo_dir(), paths.catalog_dir, "en")
    ctx = AppContext(db=db, paths=paths, demo=True, prefs={"enter_sends": True})
    window = MainWindow(ctx)
    install_menus(window, ctx)
    window.resize(1200, 760)
    window.show()
    window.splitter.setSizes([300, 580, 320])  # a chat list as narrow as owners drag it
    chats = window.chat_list

    def step() -> None:
        if not chats.model.rowCount():
            QTimer.singleShot(50, step)
            return
        chats.select_contact(chats.model.row_at(0).contact_id)
        window.toggle_contact_panel()
        chats.model.hold()
        chats._held_changed(3)  # three chats waiting above, as after a busy minute
        QTimer.singleShot(500, finish)

    def finish() -> None:
        for line in clipped(window):
            print(line)
        print(f"SCALE {window.devicePixelRatioF()}")
        window.close()
        app.quit()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, step)
    app.exec()
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
