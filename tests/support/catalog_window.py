"""The catalogue window as the catalogue's tests open it (loaded) and close it (its workers done)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QThreadPool

if TYPE_CHECKING:
    from ui.catalog_window import CatalogWindow
    from ui.context import AppContext


def shown_catalog(qtbot: Any, ctx: AppContext) -> Iterator[CatalogWindow]:
    """A fixture's body: the catalogue window shown and loaded, then closed once the test is done."""
    from ui.catalog_window import CatalogWindow

    window = CatalogWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=5000)
    yield window
    window.close()  # prunes unused pictures in a worker: let it finish before the database closes
    QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(1)
