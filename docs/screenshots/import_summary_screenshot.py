"""Screenshots of issue 19 item 12, the import summary: `xvfb-run -a .venv/bin/python docs/screenshots/import_summary_screenshot.py`."""

from __future__ import annotations

import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from docs.screenshots.import_screenshot import KOREAN_EXPORT  # noqa: E402
from docs.screenshots.shop_clock import use_shop_clock  # noqa: E402

HERE = Path(__file__).resolve().parent


def main() -> None:
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    from app.db import Database
    from app.paths import paths_for
    from ui.context import AppContext
    from ui.import_dialog import ImportDialog
    from ui.ops import pending_ops
    from ui.theme import ui_font
    from ui.translations import install_translators

    app = QApplication(sys.argv)
    app.setFont(ui_font())
    for lang in ("en", "ko"):
        use_shop_clock(lang)
        for t in app.findChildren(QTranslator):
            app.removeTranslator(t)
        install_translators(app, lang)
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            export = folder / "WhatsApp Chat with 김민지.zip"
            with zipfile.ZipFile(export, "w") as zf:
                # A note pasted above the first message: not a message, reported with its line number.
                zf.writestr("WhatsApp Chat with 김민지.txt", "3월 주문 메모\n" + KOREAN_EXPORT)
                zf.writestr("IMG-20240308-WA0003.jpg", b"\xff\xd8\xff\xe0" + b"\0" * 64)
            db = Database.open(folder / "inbox.db")
            ctx = AppContext(db=db, paths=paths_for(folder / "data").ensure())
            dialog = ImportDialog(ctx, export)
            dialog.offer_open_chat(lambda _contact_id: None)
            dialog.show()
            while dialog.scan is None or pending_ops():
                app.processEvents()
            dialog.zone_combo.setCurrentText("Asia/Seoul")
            dialog.start_import()
            while dialog.summary is None or pending_ops():
                app.processEvents()
            for _ in range(10):
                app.processEvents()
            target = HERE / f"import-summary-{lang}.png"
            dialog.grab().save(str(target))
            print(f"saved {target.relative_to(ROOT)}")
            dialog.close()
            db.close()


if __name__ == "__main__":
    main()
