"""The relay's Alembic migrations (scripts read from disk: ship this folder as data when frozen)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType


def earlier_revision(filename: str) -> ModuleType:
    """An earlier revision's module, by its file name in versions/: a later revision that changes
    parts of the definitions built there reads them from it, as they were."""
    spec = importlib.util.spec_from_file_location(
        f"relay_revision_{filename}", Path(__file__).with_name("versions") / filename
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
