"""Screenshots of the catalogue window with the demo shop's items.

Run: `xvfb-run -a python docs/screenshots/catalog_screenshot.py` → catalog.png (the README's Korean
catalogue pictures, catalogue-stock-ko.png and catalogue-tile-stock-ko.png, are taken by hand).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from demo_driver import wait_until
from PySide6.QtCore import QLocale, QThreadPool
from PySide6.QtWidgets import QApplication
from shop_clock import use_shop_clock

from app.catalog import ItemDraft, create_item, find_item_by_code, load_demo_catalog
from app.catalog_images import import_image
from app.db import Database
from app.paths import paths_for
from ui.catalog_window import CatalogWindow
from ui.context import AppContext
from ui.resources import demo_dir

HERE = Path(__file__).resolve().parent


def pictures_landed(window: CatalogWindow) -> bool:
    """Paint the window (which asks for the thumbnails it shows) and say whether none is still coming."""
    window.grab()
    return window.thumbs.is_idle() and window.form.images.thumbs.is_idle()


def main() -> None:
    # The English window shows the English demo's shop (Brighton, in pounds), the Korean one Seoul's.
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    use_shop_clock("en")
    app = QApplication(sys.argv)
    shoot(app, HERE / "catalog.png", "en")


def shoot(app: QApplication, target: Path, lang: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        paths = paths_for(Path(tmp)).ensure()
        db = Database.open(paths.database)
        with db.write() as s:
            load_demo_catalog(s, demo_dir(), paths.catalog_dir, lang)
            tote = import_image(paths.catalog_dir, demo_dir() / "images" / "bg-tt-nt.jpg")
            cap = import_image(paths.catalog_dir, demo_dir() / "images" / "ac-cp-nv.jpg")
            create_item(
                s,
                ItemDraft(
                    name="Canvas tote (gift wrap)",
                    price_minor=32000 if lang == "ko" else 2400,
                    currency="KRW" if lang == "ko" else "GBP",
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
        # The page read in its op, the shirt on the form, then every picture a paint asks for landed:
        # a grab that asks for none is the picture the owner sees.
        wait_until(lambda: not window.is_loading() and window.form.item_id == shirt.id)
        wait_until(lambda: pictures_landed(window))
        window.grab().save(str(target))
        print(f"saved {target}")
        window.close()
        QThreadPool.globalInstance().waitForDone(10_000)  # the window prunes unused pictures on close
        db.close()


if __name__ == "__main__":
    main()
