"""Screenshots of the catalogue window with the demo shop's items, in English and Korean.

Run: `xvfb-run -a python docs/screenshots/catalog_screenshot.py` → catalog.png and catalog-ko.png.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QLocale, QThreadPool
from PySide6.QtWidgets import QApplication

from app.catalog import ItemDraft, create_item, find_item_by_code, load_demo_catalog
from app.catalog_images import import_image
from app.db import Database
from app.paths import paths_for
from ui.catalog_window import CatalogWindow
from ui.context import AppContext
from ui.resources import demo_dir

HERE = Path(__file__).resolve().parent


def main() -> None:
    QLocale.setDefault(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
    app = QApplication(sys.argv)
    shoot(app, HERE / "catalog.png")
    from ui.translations import install_translators

    install_translators(app, "ko")
    shoot(app, HERE / "catalog-ko.png")


def shoot(app: QApplication, target: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        paths = paths_for(Path(tmp)).ensure()
        db = Database.open(paths.database)
        with db.write() as s:
            load_demo_catalog(s, demo_dir(), paths.catalog_dir)
            tote = import_image(paths.catalog_dir, demo_dir() / "images" / "bg-tt-nt.jpg")
            cap = import_image(paths.catalog_dir, demo_dir() / "images" / "ac-cp-nv.jpg")
            create_item(
                s,
                ItemDraft(
                    name="Canvas tote (gift wrap)",
                    price_minor=32000,
                    currency="KRW",
                    retailer_id="GIFT-TOTE",
                    images=(tote,),
                ),
            )
            create_item(
                s,
                ItemDraft(
                    name="Washed cotton ball cap",
                    price_minor=1890,
                    currency="USD",
                    retailer_id="US-CAP-NV",
                    images=(cap,),
                ),
            )
        ctx = AppContext(db=db, paths=paths)
        window = CatalogWindow(ctx)
        window.resize(1280, 780)
        window.show()
        with db.read() as s:
            shirt = find_item_by_code(s, "LN-SH-IV")
        assert shirt is not None
        window.reload(select=[shirt.id])
        timer = QElapsedTimer()
        timer.start()
        while (
            not window.thumbs.is_idle() or not window.form.images.thumbs.is_idle()
        ) and timer.elapsed() < 10_000:
            app.processEvents()
            window.thumbs.pool.waitForDone(50)
        for _ in range(5):
            app.processEvents()
        window.grab().save(str(target))
        print(f"saved {target}")
        window.close()
        QThreadPool.globalInstance().waitForDone(10_000)  # the window prunes unused pictures on close
        db.close()


if __name__ == "__main__":
    main()
