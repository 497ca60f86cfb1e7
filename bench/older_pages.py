"""Scrolling back in a long chat: the GUI thread's time per older page, by how many rows are loaded.

`python -m bench.older_pages FOLDER` on a data folder from bench/big_shop.py (its chat 1 has 20,000
messages); offscreen. Each figure runs from the page's rows about to be inserted to its layout and
paint done (a layout left pending by the insert included).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path, help="a bench/big_shop.py folder (a copy: it is opened)")
    parser.add_argument("--pages", default="50,1000,50,2000,50,3000,50", help="page sizes, in turn")
    parser.add_argument("--contact", type=int, default=1)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from app.db import Database
    from app.paths import paths_for
    from ui.context import AppContext
    from ui.main_window import MainWindow

    paths = paths_for(args.folder / "desktop")
    db = Database.open(paths.database)
    window = MainWindow(AppContext(db=db, paths=paths, prefs={"enter_sends": True}))
    window.resize(1400, 860)
    window.show()

    def wait(done: Callable[[], bool], seconds: float = 30) -> None:
        end = time.monotonic() + seconds
        while not done() and time.monotonic() < end:
            app.processEvents()
            time.sleep(0.002)
        assert done()

    view = window.chat.view
    model = view.chat_model
    view.open_chat(args.contact)
    wait(lambda: model.contact_id == args.contact and model.rowCount() > 0 and not model.loading)
    started = [0.0]
    spans: list[float] = []
    model.rowsAboutToBeInserted.connect(lambda *_: started.__setitem__(0, time.perf_counter()))

    def loaded(_count: int) -> None:
        view.executeDelayedItemsLayout()
        view.viewport().repaint()
        spans.append((time.perf_counter() - started[0]) * 1000)

    model.older_loaded.connect(loaded)
    view._loading_older = True  # the view's own scroll trigger stays out of the figures
    for size in (int(s) for s in args.pages.split(",")):
        rows = model.rowCount()
        spans.clear()
        for _ in range(3):
            wait(lambda: not model._fetching)
            n = len(spans)
            assert model.load_older(size), "the chat has no older messages left"
            wait(lambda n=n: len(spans) > n)  # type: ignore[misc]
        runs = ", ".join(f"{s:.0f}" for s in spans)
        print(f"page of {size} onto {rows:,} rows: {statistics.median(spans):.1f} ms ({runs})", flush=True)
    window.shutdown()
    db.close()


if __name__ == "__main__":
    main()
