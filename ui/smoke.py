"""`shop-inbox --smoke`: check that what a frozen build needs is really there."""

from __future__ import annotations

import contextlib
import importlib
import sys
from typing import TYPE_CHECKING

from ui.shop_place import country_currency
from ui.time_zones import zone_choices

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def run_smoke_checks(window: MainWindow) -> list[str]:
    """Return a list of problems; empty when the app is whole."""
    problems: list[str] = []
    from PySide6.QtGui import QIcon, QImageReader

    if "svg" not in [bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()]:
        problems.append("Qt's SVG image plugin is missing")
    from ui.resources import icon_path

    if QIcon(str(icon_path("app.svg"))).isNull():
        problems.append("the app icon cannot be loaded")
    needed = ("sqlite3", "zoneinfo", "app.migrations", "keyring", "httpx", "truststore", "babel.numbers")
    for module in needed:
        try:
            importlib.import_module(module)
        except ImportError as exc:
            problems.append(f"cannot import {module}: {exc}")
    try:
        # The relay's HTTPS: this computer's own trust store (truststore) with certifi's list beside it.
        from app.trust_store import https_context

        https_context()
    except Exception as exc:  # certifi's bundle missing from the frozen app shows up here
        problems.append(f"HTTPS certificates cannot be checked: {exc}")
    try:
        import zoneinfo

        zoneinfo.ZoneInfo("Asia/Seoul")
    except Exception as exc:  # tzdata missing on Windows shows up here
        problems.append(f"time zones unavailable: {exc}")
    try:
        from datetime import date

        from babel.dates import format_date
        from babel.numbers import format_currency

        format_date(date(2026, 11, 24), "long", locale="ko_KR")
        format_currency(15000, "KRW", locale="ko_KR")
    except Exception as exc:  # babel's locale data missing from the bundle
        problems.append(f"Korean dates and prices cannot be formatted: {exc}")
    try:
        # The time zone boxes name each zone from babel's data and list zoneinfo's (tzdata on Windows).
        if dict(zone_choices("ko_KR")).get("(UTC+09:00) 서울 — 한국 시간") != "Asia/Seoul":
            problems.append("time zones are not named by their city (babel's zone data missing?)")
        if country_currency("VN") != "VND":
            problems.append("countries' currencies are unknown (babel's territory data missing?)")
    except Exception as exc:
        problems.append(f"time zones or countries cannot be listed: {exc}")
    try:
        # The holidays package imports each country's calendar by name, and reads its names' translations.
        from datetime import date

        from app.public_holidays import HolidayPeriod, holiday_periods

        chuseok = HolidayPeriod(date(2026, 9, 24), date(2026, 9, 26), "추석")
        if chuseok not in holiday_periods("KR", date(2026, 9, 1), date(2026, 9, 30), "ko"):
            problems.append("Korea's public holidays are missing or unnamed (the holidays package's data?)")
    except Exception as exc:
        problems.append(f"public holidays unavailable: {exc}")
    from app.phones import display_phone, e164_digits

    try:
        # phonenumbers loads each country's metadata by module name at run time.
        if e164_digits("010-1234-5678") != "821012345678" or "7911" not in display_phone("447911123456"):
            problems.append("phone numbers are not normalised (phonenumbers metadata missing?)")
    except Exception as exc:
        problems.append(f"phone numbers cannot be read: {exc}")
    from ui.translations import translations_dir

    if not (translations_dir() / "shop_inbox_ko.qm").exists():
        problems.append("the Korean translation is missing")
    problems += _qt_korean_problems()
    problems += _migration_problems()
    problems += _keyring_problems()
    problems += _demo_problems()
    problems += _catch_up_process_problems(window)
    if not _first_page_shown(window):
        problems.append("the chat list did not load its first page")
    return problems


def _first_page_shown(window: MainWindow, timeout_ms: int = 10_000) -> bool:
    """The first page is read in an op: let the event loop deliver it (or give up after a while)."""
    from PySide6.QtCore import QEventLoop, QTimer

    if window.first_page_loaded():
        return True
    loop = QEventLoop()
    window.chat_list.model.page_loaded.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    return window.first_page_loaded()


def _catch_up_process_problems(window: MainWindow) -> list[str]:
    """A catch-up is applied in a child process: this executable started again by multiprocessing's
    spawn (a frozen build needs `freeze_support()` in packaging/entry.py and every module it imports)."""
    from app.apply_process import start_problem

    problem = start_problem(window.ctx.db.path)
    return [f"the catch-up process cannot start: {problem}"] if problem else []


def _qt_korean_problems() -> list[str]:
    """Qt's own dialogs (buttons, context menus) need qtbase_ko.qm from Qt's translations folder."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    qt = QTranslator()
    if not qt.load("qtbase_ko", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        return ["Qt's own Korean translation (qtbase_ko.qm) is missing"]
    return []


def _migration_problems() -> list[str]:
    """Alembic reads its scripts from disk: a frozen build must carry them as data."""
    try:
        from alembic.script import ScriptDirectory

        from app.db import MIGRATIONS_DIR

        if not ScriptDirectory(str(MIGRATIONS_DIR)).get_heads():
            return ["the database migration scripts are missing"]
    except Exception as exc:
        return [f"the database migration scripts cannot be read: {exc}"]
    return []


def _keyring_problems() -> list[str]:
    """keyring finds its backends through package metadata; without it every backend is gone."""
    try:
        from keyring.backend import get_all_keyring

        names = [type(k).__module__ for k in get_all_keyring()]
    except Exception as exc:
        return [f"keyring cannot list its backends: {exc}"]
    if not [n for n in names if n.rsplit(".", 1)[-1] not in ("fail", "null", "chainer")]:
        if sys.platform in ("win32", "darwin"):  # Credential Manager and Keychain are always there
            return [f"no keyring backend found (package metadata missing?): {names}"]
        # Linux without a desktop session may have no viable backend; the modules must still be bundled.
        for name in ("SecretService", "macOS", "Windows"):
            module = f"keyring.backends.{name}"
            try:
                importlib.import_module(module)
            except ImportError as exc:
                return [f"keyring backends are not bundled: {exc}"]
    return []


def _demo_problems() -> list[str]:
    """`--demo` embeds the sandbox relay: uvicorn (its `*.auto` modules) must serve it, stderr or not."""
    import tempfile
    from pathlib import Path

    from ui.resources import demo_dir

    problems: list[str] = []
    if not (demo_dir() / "catalog.json").exists():
        problems.append("the demo shop's catalogue is missing")
    from app.relay_client import RelayClient
    from ui.demo import start_embedded_relay

    try:
        # As in a windowed build (Windows, macOS), where sys.stderr is None: uvicorn must cope.
        with tempfile.TemporaryDirectory() as folder, contextlib.redirect_stderr(None):
            relay = start_embedded_relay(Path(folder) / "relay")
            client = RelayClient(relay.url, relay.token, timeout=10)
            try:
                if client.health().status != "ok":
                    problems.append("the demo relay is not healthy")
            finally:
                client.close()
                relay.stop()
    except Exception as exc:
        problems.append(f"the demo relay does not start: {exc!r}")
    return problems
