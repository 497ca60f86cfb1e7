"""`--smoke` notices what a broken frozen build would be missing (so a bad spec fails CI, not a shop)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ui import smoke


def test_a_whole_checkout_has_no_problems(qtbot: Any, window: Any) -> None:
    qtbot.waitUntil(window.first_page_loaded)
    assert smoke.run_smoke_checks(window) == []


def test_missing_migration_scripts_are_reported(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import app.db

    monkeypatch.setattr(app.db, "MIGRATIONS_DIR", tmp_path / "migrations")
    problems = smoke._migration_problems()
    assert problems and "migration scripts" in problems[0]


def test_missing_demo_catalogue_is_reported(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import ui.resources

    monkeypatch.setattr(ui.resources, "demo_dir", lambda: tmp_path)
    problems = smoke._demo_problems()
    assert "the demo shop's catalogue is missing" in problems


def test_the_demo_relay_serves_without_stderr() -> None:
    # _demo_problems starts the embedded relay with sys.stderr set to None, as in a windowed build.
    assert smoke._demo_problems() == []


def test_qt_korean_translation_is_found(qapp: Any) -> None:
    assert smoke._qt_korean_problems() == []
