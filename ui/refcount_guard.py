"""Keep None, True and False alive under PySide6 builds that drop references to them.

PySide6 6.12.0 on Python 3.11 returns None from every void method (setPen, drawText, save…) and
True/False from bool methods without taking the reference it hands back, so each call lowers the
singleton's reference count by one. They start at a few thousand references: painting a chat for
a few seconds reaches zero and the interpreter aborts ("none_dealloc: deallocating None",
"bool_dealloc"). From Python 3.12 these objects are immortal and the bug is harmless; 6.11.3 does
not have it. Until the dependency is fixed, raise their counts far out of reach once.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

# 2**46 void calls at a million a second is two years of painting.
HEADROOM = 1 << 46

_installed = False


def none_refcount() -> int:
    return int(ctypes.c_ssize_t.from_address(id(None)).value)


def leaks_none() -> bool:
    """True when a void Qt call lowers None's reference count."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(64):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 32


def install() -> bool:
    """Apply the workaround when this PySide6/Python pair needs it; returns whether it did."""
    global _installed
    if _installed or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not leaks_none():
        return False
    # ob_refcnt is the first field of every CPython object (release builds).
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += HEADROOM
    _installed = True
    log.warning("PySide6 drops references to None on this Python; applied the refcount workaround")
    return True
