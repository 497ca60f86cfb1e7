"""Fixtures for the inbox window tests: an app context on the test database, a shown main window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def ctx(db: Any, tmp_path: Path) -> Any:
    from app.paths import paths_for
    from ui.context import AppContext

    paths = paths_for(tmp_path / "data").ensure()
    return AppContext(db=db, paths=paths, prefs={"enter_sends": True, "notifications": True})


@pytest.fixture
def window(qtbot: Any, ctx: Any) -> Iterator[Any]:
    from ui.main_window import MainWindow
    from ui.ops import pending_ops

    def finish(w: Any) -> None:
        # Background ops still running would write to a database the next fixture closes.
        qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
        w.shutdown()

    w = MainWindow(ctx)
    qtbot.addWidget(w, before_close_func=finish)
    w.resize(1100, 700)
    w.show()
    qtbot.waitExposed(w)
    yield w
