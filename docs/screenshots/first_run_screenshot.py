"""Screenshots of the first run: the setup wizard's first page and its relay check.

The README's demo-ko.png is taken by hand from the running demo (README ▸ Screenshots says how);
demo-en.png by demo_chat_screenshot.py en.

Run under Xvfb: xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/first_run_screenshot.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from docs.screenshots.shop_clock import use_shop_clock  # noqa: E402

OUT = Path(__file__).resolve().parent


def pump(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wizard(app: QApplication, lang: str) -> None:
    from app.db import Database
    from app.paths import paths_for
    from docs.screenshots.take import linked
    from tests.support.relay_server import run_relay
    from ui.context import AppContext
    from ui.setup_wizard import SetupWizard

    with tempfile.TemporaryDirectory() as tmp, run_relay(Path(tmp)) as relay:
        paths = paths_for(Path(tmp) / "data").ensure()
        db = Database.open(paths.database)
        wiz = SetupWizard(ctx=AppContext(db=db, paths=paths, prefs={}))
        wiz.resize(680, 480)
        wiz.show()
        pump(300)
        if linked(OUT / f"wizard-welcome-{lang}.png"):  # the demo, the import, "Set up later"
            wiz.grab().save(str(OUT / f"wizard-welcome-{lang}.png"))
        wiz.next()
        page = wiz.relay_page
        page.url.setText(relay.url)
        page.token.setText("an-old-token")
        page.start_check()
        for _ in range(100):
            if page.last_result is not None:
                break
            pump(50)
        if linked(OUT / f"wizard-{lang}.png"):
            wiz.grab().save(str(OUT / f"wizard-{lang}.png"))
        wiz.close()
        db.close()


def main() -> None:
    lang = sys.argv[1] if len(sys.argv) > 1 else "ko"
    use_shop_clock(lang)
    app = QApplication(sys.argv[:1])
    from ui.translations import install_translators

    install_translators(app, lang)
    wizard(app, lang)


if __name__ == "__main__":
    main()
