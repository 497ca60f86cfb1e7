"""The language a `--demo` start opens in, read before the demo's own modules are imported."""

from __future__ import annotations

from pathlib import Path


def demo_language(lang: str | None, folder: Path | None) -> str | None:
    """The language a demo starts in: `--lang`, else the one chosen in the Settings of the demo kept
    in `folder` (a restart applies it, as the owner's inbox does), else None (the system's)."""
    if lang or folder is None:
        return lang
    # Imported here, not ui.demo: its shop seeding and relay (SQLAlchemy, FastAPI) took seconds to
    # import on a busy laptop, before the splash that says the demo is opening could be shown.
    from app.first_page import stored_language
    from app.paths import demo_shop_paths

    database = demo_shop_paths(folder).database
    return stored_language(database) if database.exists() else None


def demo_shop_language(language: str) -> str:
    """The demo shop a demo run in `language` ("en" or "ko") opens: "en_US" (the Palo Alto shop, in
    dollars) for English on a computer set to US English, whose owner would find the Brighton shop's
    pounds, +44 numbers and "Catalogue" foreign; else `language` (Brighton's for "en", Seoul's for "ko")."""
    from ui.translations import american_spelling

    return "en_US" if language == "en" and american_spelling(None) else language
