"""Screenshots of the relay's check: the wizard with an expired WhatsApp token, Settings ▸ Relay's health.

Run under Xvfb: xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/relay_check_screenshot.py ko
(and `en`). The relay is the real one on 127.0.0.1; only Meta's Graph API is the local fake.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from docs.screenshots.demo_driver import wait_until  # noqa: E402
from docs.screenshots.shop_clock import use_shop_clock  # noqa: E402
from docs.screenshots.take import linked  # noqa: E402
from ui.ops import pending_ops  # noqa: E402

OUT = Path(__file__).resolve().parent


def main() -> None:
    lang = sys.argv[1] if len(sys.argv) > 1 else "en"
    use_shop_clock(lang)
    app = QApplication(sys.argv[:1])
    from tests.support.fake_graph import PHONE_NUMBER_ID, run_fake_graph
    from tests.support.relay_server import CLIENT_TOKEN, run_relay
    from ui.setup_wizard import SetupWizard
    from ui.translations import install_translators

    install_translators(app, lang)
    with tempfile.TemporaryDirectory() as tmp, run_fake_graph() as graph:
        graph.token_expired = True  # the system user's token expired in Meta Business Manager
        # No RELAY_PUBLIC_URL: that line fails too (and no lookup of a public name leaves this machine).
        with run_relay(Path(tmp), graph_url=graph.url) as relay:
            wiz = SetupWizard()
            wiz.resize(720, 760)
            wiz.show()
            wiz.next()
            page = wiz.relay_page
            page.url.setText(relay.url)
            page.token.setText(CLIENT_TOKEN)
            reports: list[object] = []
            page.report.finished.connect(reports.append)
            page.start_check()
            wait_until(lambda: bool(reports) and not pending_ops())
            if linked(OUT / f"relay-check-failing-{lang}.png"):
                wiz.grab().save(str(OUT / f"relay-check-failing-{lang}.png"))
            wiz.close()
        graph.token_expired = False
        graph.numbers[PHONE_NUMBER_ID]["quality_rating"] = "YELLOW"
        (Path(tmp) / "again").mkdir()
        with run_relay(Path(tmp) / "again", graph_url=graph.url) as relay:
            settings(app, relay.url, CLIENT_TOKEN, Path(tmp), lang)


def settings(app: QApplication, url: str, token: str, tmp: Path, lang: str) -> None:
    """Settings ▸ Relay after Check again: the number's quality rating and messaging limit."""
    from app.db import Database
    from app.paths import paths_for
    from ui.context import AppContext
    from ui.settings_dialog import SettingsDialog

    db = Database.open(tmp / "inbox.db")
    ctx = AppContext(db=db, paths=paths_for(tmp / "data").ensure(), prefs={})
    dialog = SettingsDialog(ctx, stored_token=lambda _url: token)
    dialog.resize(640, 900)
    dialog.show()
    # The saved settings are read in ops: typed before they land, the address was wiped again and the
    # check ran on nothing.
    wait_until(lambda: dialog.loaded and dialog.prices_loaded)
    dialog.relay_url.setText(url)
    reports: list[object] = []
    dialog.relay_check.finished.connect(reports.append)
    assert dialog.relay_check.button is not None
    dialog.relay_check.button.click()
    wait_until(lambda: bool(reports))
    assert reports[0] is not None, "the check could not run"
    wait_until(lambda: not pending_ops())
    if linked(OUT / f"settings-relay-health-{lang}.png"):
        dialog.grab().save(str(OUT / f"settings-relay-health-{lang}.png"))
    dialog.hide()  # close() asks whether to save the typed address, and waits for a click
    db.close()


if __name__ == "__main__":
    main()
