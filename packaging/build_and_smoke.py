"""Build the onedir app from build.spec and run the frozen `--smoke` offscreen; non-zero on failure.

python packaging/build_and_smoke.py            # build into build/dist, smoke-test, print sizes
python packaging/build_and_smoke.py --archive  # also measure the compressed (tar.gz) size
python packaging/build_and_smoke.py --cold-start 7  # also time the frozen start to the first paint
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build"
LOCKED = ROOT / "requirements" / "build.txt"


def unlocked_packages() -> list[str]:
    """What this environment has that differs from uv.lock's build export: the frozen app ships the lock."""
    # PyInstaller depends on `packaging`, so it is here whenever a build can run.
    from packaging.requirements import Requirement

    differences = []
    for line in LOCKED.read_text(encoding="utf-8").splitlines():
        if not re.match(r"[A-Za-z0-9]", line):
            continue
        requirement = Requirement(line.rstrip(" \\"))
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        try:
            installed = importlib.metadata.version(requirement.name)
        except importlib.metadata.PackageNotFoundError:
            installed = "missing"
        if installed not in requirement.specifier:
            differences.append(f"{requirement.name} {installed} (locked {requirement.specifier})")
    return differences


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller on build.spec; return the frozen executable."""
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
    if sys.platform == "darwin":
        return dist / "Shop Inbox.app" / "Contents" / "MacOS" / "ShopInbox"
    return dist / "ShopInbox" / ("ShopInbox.exe" if sys.platform == "win32" else "ShopInbox")


def bundle_size(folder: Path) -> int:
    """Bytes on disk, each file once (symlinks in macOS frameworks are not followed)."""
    return sum(f.lstat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


def compressed_size(folder: Path) -> int:
    with tempfile.TemporaryDirectory(dir=OUT) as tmp:
        archive = shutil.make_archive(str(Path(tmp) / folder.name), "gztar", folder.parent, folder.name)
        return Path(archive).stat().st_size


def smoke(executable: Path) -> int:
    """Run the frozen app's own packaging check offscreen, in a throwaway data folder."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        env.pop("SHOP_INBOX_DATA_DIR", None)
        result = subprocess.run(
            [str(executable), "--smoke", "--data-dir", data],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        # A windowed build may have no stdout at all: the app's log file says what went wrong.
        log_file = Path(data) / "logs" / "shop-inbox.log"
        log_tail = log_file.read_text(encoding="utf-8")[-4000:] if log_file.exists() else ""
    print(result.stdout, end="")
    print(f"smoke exit {result.returncode} in {time.perf_counter() - started:.1f} s")
    if result.returncode != 0:
        print(result.stderr[-4000:], log_tail, sep="\n", file=sys.stderr)
    return result.returncode


def cold_start(executable: Path, repeat: int) -> int:
    """Time the frozen app's first painted chat-list page against a bare window (bench.cold_start)."""
    with tempfile.TemporaryDirectory() as tmp:
        database = Path(tmp) / "shop.db"
        sizes = ("--messages", "30000", "--contacts", "1000", "--big-chat", "5000")
        subprocess.run([sys.executable, "-m", "bench.make_db", str(database), *sizes], cwd=ROOT, check=True)
        bench = [sys.executable, "-m", "bench.cold_start", str(database), "--exe", str(executable)]
        return subprocess.run([*bench, "--repeat", str(repeat)], cwd=ROOT).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", action="store_true", help="also report the tar.gz size")
    parser.add_argument(
        "--cold-start", type=int, default=0, metavar="N", help="also time N frozen starts to the first paint"
    )
    args = parser.parse_args(argv)
    differences = unlocked_packages()
    if differences:
        print("this environment is not the locked one:", *differences, sep="\n  ", file=sys.stderr)
        print(f"install it with: pip install --require-hashes -r {LOCKED.relative_to(ROOT)}", file=sys.stderr)
        return 1
    executable = build(OUT / "dist", OUT / "work")
    bundle = executable.parents[2] if sys.platform == "darwin" else executable.parent
    print(f"bundle: {bundle_size(bundle) / 2**20:.0f} MiB in {bundle}")
    if args.archive:
        print(f"compressed (tar.gz): {compressed_size(bundle) / 2**20:.0f} MiB")
    code = smoke(executable)
    if code == 0 and args.cold_start:
        code = cold_start(executable, args.cold_start)
    return code


if __name__ == "__main__":
    sys.exit(main())
