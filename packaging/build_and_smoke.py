"""Build the onedir app from build.spec and run the frozen `--smoke` offscreen; non-zero on failure."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(dist: Path, work: Path) -> Path:
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(ROOT / "build.spec"),
        ],
        cwd=ROOT,
        check=True,
    )
    print(f"built in {time.perf_counter() - started:.0f} s")
    suffix = ".exe" if sys.platform == "win32" else ""
    if sys.platform == "darwin":
        return dist / "Shop Inbox.app" / "Contents" / "MacOS" / "ShopInbox"
    return dist / "ShopInbox" / f"ShopInbox{suffix}"


def smoke(executable: Path) -> int:
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        result = subprocess.run(
            [str(executable), "--smoke", "--data-dir", data],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
    print(result.stdout)
    if result.returncode != 0:
        print(result.stderr[-4000:], file=sys.stderr)
    return result.returncode


def main() -> int:
    out = ROOT / "build"
    executable = build(out / "dist", out / "work")
    size = sum(f.stat().st_size for f in executable.parent.rglob("*") if f.is_file())
    print(f"bundle: {size / 1e6:.0f} MB in {executable.parent}")
    return smoke(executable)


if __name__ == "__main__":
    sys.exit(main())
