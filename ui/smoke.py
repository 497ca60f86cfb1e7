"""`shop-inbox --smoke`: check that what a frozen build needs is really there."""

from __future__ import annotations

import importlib


def run_smoke_checks(window: object) -> list[str]:
    """Return a list of problems; empty when the app is whole."""
    problems: list[str] = []
    from PySide6.QtGui import QIcon, QImageReader

    if "svg" not in [bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()]:
        problems.append("Qt's SVG image plugin is missing")
    from ui.resources import icon_path

    if QIcon(str(icon_path("app.svg"))).isNull():
        problems.append("the app icon cannot be loaded")
    for module in ("sqlite3", "zoneinfo", "app.migrations", "keyring", "httpx", "babel.numbers"):
        try:
            importlib.import_module(module)
        except ImportError as exc:
            problems.append(f"cannot import {module}: {exc}")
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
    from ui.translations import translations_dir

    if not (translations_dir() / "shop_inbox_ko.qm").exists():
        problems.append("the Korean translation is missing")
    loaded = getattr(window, "first_page_loaded", None)
    if callable(loaded) and not loaded():
        problems.append("the chat list did not load its first page")
    return problems
