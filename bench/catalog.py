"""Catalogue figures: listing and searching items, the window's reload, a 5,000-row feed re-import.

`python -m bench.catalog` — each figure next to a raw sqlite3 read of the same rows in the same run.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from app.catalog import item_list, list_items
from app.catalog_csv import export_feed, import_feed
from app.db import Database
from app.models import CatalogItem, utcnow
from bench.report import emit, median_ms

SCREEN_ROWS = 30


def fill(db: Database, count: int) -> None:
    now = utcnow()
    rows = [
        {
            "name": f"린넨 셔츠 {i}",
            "price_minor": 10_000 + i,
            "currency": "KRW",
            "retailer_id": f"SKU-{i:05d}",
            "description": "린넨 100%, S·M·L",
            "images": [],
            "created_at": now,
            "updated_at": now,
        }
        for i in range(count)
    ]
    with db.write() as s:
        s.execute(insert(CatalogItem), rows)


def main() -> None:
    for count in (500, 5000):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "inbox.db"
            db = Database.open(path)
            fill(db, count)
            con = sqlite3.connect(path)

            def raw(con: sqlite3.Connection = con) -> None:
                con.execute("SELECT * FROM catalog_item ORDER BY lower(name), id").fetchall()

            def listing(db: Database = db) -> None:
                with db.read() as s:
                    list_items(s)

            def search(db: Database = db) -> None:
                with db.read() as s:
                    list_items(s, "셔츠 42", rank_matches=True, limit=200)

            baseline = median_ms(raw)
            emit(
                f"catalogue list, {count} items",
                median_ms(listing),
                "ms",
                baseline=baseline,
                baseline_name="raw sqlite3 SELECT",
            )
            emit(
                f"catalogue search '셔츠 42', {count} items",
                median_ms(search),
                "ms",
                baseline=baseline,
                baseline_name="raw sqlite3 SELECT",
            )
            if count == 500:
                os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
                from PySide6.QtCore import QEventLoop, QThreadPool
                from PySide6.QtWidgets import QApplication

                from app.paths import paths_for
                from ui.catalog_window import CatalogWindow
                from ui.context import AppContext

                app = QApplication.instance() or QApplication(sys.argv)
                window = CatalogWindow(AppContext(db=db, paths=paths_for(Path(tmp))))
                window.show()

                def shown(window: CatalogWindow = window) -> None:
                    """Until the page is in the window: `reload` only starts its read off the GUI thread."""
                    while window.is_loading():
                        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)

                def reload(window: CatalogWindow = window) -> None:
                    window.reload()
                    shown()

                shown()
                emit(
                    "catalogue window reload, 500 items (read, then shown)",
                    median_ms(reload),
                    "ms",
                    baseline=baseline,
                    baseline_name="raw sqlite3 SELECT",
                    goal="< 50 ms",
                )
                window.close()
                # Nothing of the window may still read the database when its folder is removed.
                QThreadPool.globalInstance().waitForDone()
                app.processEvents()
            else:
                os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
                from PySide6.QtWidgets import QApplication

                from ui.catalog_model import CatalogModel, CatalogRole

                app = QApplication.instance() or QApplication(sys.argv)

                def model_rows(db: Database = db) -> None:
                    # What the window's reload does: one query into a fresh model, then the first
                    # screen of rows read as a view paints them (name, price).
                    with db.read() as s:
                        model = CatalogModel()
                        model.set_rows(item_list(s))
                    for i in range(min(SCREEN_ROWS, model.rowCount())):
                        model.data(model.index(i))
                        model.data(model.index(i), CatalogRole.PRICE_TEXT)

                emit(
                    f"catalogue list model, {count} items (query + model + first screen)",
                    median_ms(model_rows),
                    "ms",
                    baseline=median_ms(raw),
                    baseline_name="raw sqlite3 SELECT",
                    goal="≤ 2× raw",
                )
                with db.read() as s:
                    feed = export_feed(s)
                start = time.perf_counter()
                with db.write() as s:
                    report = import_feed(s, feed)
                assert report.unchanged == count
                emit(f"feed re-import, {count} rows", (time.perf_counter() - start) * 1000, "ms")
            con.close()
            db.close()


if __name__ == "__main__":
    main()
