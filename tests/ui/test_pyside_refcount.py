"""The locked PySide6 keeps None, True and False alive, and nothing patches the interpreter to hide it."""

from __future__ import annotations

import gc
import re
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QObject

ROOT = Path(__file__).resolve().parents[2]
SOURCE_DIRS = ("app", "ui", "relay", "tests", "bench", "docs", "packaging", "resources")
# A ctypes write into an object's header: what ui/refcount_guard.py did to hide a PySide6 bug.
REFCOUNT_WRITE = re.compile(
    r"refcount_guard|ob_refcnt|from_address\(\s*id\(|pythonapi\.Py_(Inc|Dec)Ref|Py_SET_REFCNT|_Py_RefTotal"
)

CALLS = 1000


def count_change(call: object, obj: object) -> int:
    """How the reference count of `obj` moved over CALLS calls of `call`."""
    assert callable(call)
    gc.collect()
    gc.disable()
    try:
        before = sys.getrefcount(obj)
        for _ in range(CALLS):
            call()
        return sys.getrefcount(obj) - before
    finally:
        gc.enable()


def test_void_qt_calls_leave_none_alive(qapp: object) -> None:
    # PySide6-Essentials 6.12.0 on Python 3.11 returned None from every void method without a
    # reference: each call lowered the count by one until "Fatal Python error: none_dealloc".
    probe = QObject()
    change = count_change(lambda: probe.setObjectName("probe"), None)
    assert change == 0, (
        f"{CALLS} QObject.setObjectName calls moved sys.getrefcount(None) by {change}: this "
        f"PySide6 {_pyside_version()} / Python {sys.version.split()[0]} pair leaks None and will "
        "crash the app; pin a PySide6 without the leak in pyproject.toml and uv.lock"
    )


@pytest.mark.parametrize("value", [True, False])
def test_bool_qt_calls_leave_true_and_false_alive(qapp: object, value: bool) -> None:
    probe = QObject()
    probe.blockSignals(not value)
    change = count_change(probe.signalsBlocked, value)
    assert change == 0, (
        f"{CALLS} QObject.signalsBlocked calls moved sys.getrefcount({value}) by {change}: this "
        f"PySide6 {_pyside_version()} / Python {sys.version.split()[0]} pair leaks bools"
    )


def test_nothing_writes_into_the_interpreters_reference_counts() -> None:
    assert not (ROOT / "ui" / "refcount_guard.py").exists(), (
        "ui/refcount_guard.py is back: fix the dependency (pin PySide6), never patch the interpreter"
    )
    me = Path(__file__).resolve()
    offenders = []
    for folder in SOURCE_DIRS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path.resolve() == me:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if REFCOUNT_WRITE.search(line):
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    spec = ROOT / "build.spec"
    for number, line in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1):
        if REFCOUNT_WRITE.search(line):
            offenders.append(f"build.spec:{number}: {line.strip()}")
    assert offenders == [], "ctypes writes into reference counts:\n" + "\n".join(offenders)


def _pyside_version() -> str:
    import PySide6

    return str(PySide6.__version__)
