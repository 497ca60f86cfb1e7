"""Finding bundled resources (icons, translations, demo data) in a checkout and in a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """`resources/` beside the package, or inside PyInstaller's bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def icon_path(name: str) -> Path:
    return resources_dir() / "icons" / name


def translations_dir() -> Path:
    return resources_dir() / "translations"


def demo_dir() -> Path:
    return resources_dir() / "demo"
