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
    loaded = getattr(window, "first_page_loaded", None)
    if callable(loaded) and not loaded():
        problems.append("the chat list did not load its first page")
    return problems
