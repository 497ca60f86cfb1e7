"""A folder nothing may be written in, as the system refuses it: its mode for a normal user, a
read-only bind mount for root (who writes through any mode); skipped where neither can be had."""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _may_write(folder: Path) -> bool:
    probe = folder / ".probe"
    try:
        probe.write_bytes(b"")
    except OSError:
        return False
    probe.unlink()
    return True


@contextmanager
def read_only_folder(folder: Path) -> Iterator[Path]:
    """`folder` (already filled) made read-only for the `with` block, then writable again."""
    modes = {p: p.stat().st_mode for p in [folder, *folder.rglob("*")]}
    for path in modes:
        path.chmod(stat.S_IMODE(modes[path]) & ~0o222)
    mounted = False
    try:
        if _may_write(folder) and hasattr(os, "geteuid") and os.geteuid() == 0:
            bind = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True)
            if bind.returncode != 0:
                pytest.skip("root, and no read-only mount to be had here")
            mounted = True
            subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True)
        if _may_write(folder):
            pytest.skip("no read-only folder to be had here")
        yield folder
    finally:
        if mounted:
            subprocess.run(["umount", str(folder)], check=True)
        for path, mode in modes.items():
            path.chmod(stat.S_IMODE(mode))
