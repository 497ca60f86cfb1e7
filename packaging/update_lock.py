"""Refresh uv.lock from pyproject.toml and write the hashed requirements/*.txt that pip installs from.

python packaging/update_lock.py                        # after editing pyproject.toml: lock, export
python packaging/update_lock.py --upgrade              # move every pin to the newest allowed release
python packaging/update_lock.py --upgrade-package babel
python packaging/update_lock.py --check                # CI: in step? (offline, writes nothing)
"""

from __future__ import annotations

import argparse
import difflib
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Each export is everything one kind of install needs, pinned with hashes for every platform and
# Python the lock covers (pip skips the lines whose markers do not apply).
EXPORTS: dict[str, tuple[str, list[str]]] = {
    "requirements/app.txt": ("the app alone (README, command 1)", []),
    "requirements/dev.txt": (
        "the app, tests, lint and the frozen build (README, command 2; .ci/run)",
        ["--extra", "test", "--extra", "build"],
    ),
    "requirements/build.txt": (
        "the app and PyInstaller (release workflow, packaging/build_and_smoke.py)",
        ["--extra", "build"],
    ),
    "requirements/relay.txt": ("the relay's Docker image: no Qt", ["--only-group", "relay"]),
}


def uv_command() -> str:
    """The uv beside this interpreter (the test extra pins it), else the one on PATH."""
    beside = shutil.which("uv", path=str(Path(sys.executable).parent))
    found = beside or shutil.which("uv")
    if found is None:
        sys.exit("uv is not installed: pip install --require-hashes -r requirements/dev.txt")
    return found


def export_text(uv: str, purpose: str, extra_args: list[str], target: str) -> str:
    """What `target` must contain: uv's export of the lock as it stands, under our own header."""
    result = subprocess.run(
        [uv, "export", "--frozen", "--no-emit-project", "--no-header", "--quiet", *extra_args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    header = (
        f"# {purpose}.\n"
        "# Generated from uv.lock by packaging/update_lock.py; do not edit. Install with\n"
        f"#   pip install --require-hashes -r {target}\n"
        "# then the project itself with `pip install --no-deps -e .` (or `.` for a non-editable install).\n"
    )
    return header + result.stdout


def check(uv: str) -> int:
    """Non-zero when uv.lock no longer satisfies pyproject.toml or an export differs from the lock."""
    locked = subprocess.run([uv, "lock", "--check", "--offline", "--quiet"], cwd=ROOT)
    if locked.returncode != 0:
        print("uv.lock is out of step with pyproject.toml: run python packaging/update_lock.py")
        return 1
    stale = 0
    for target, (purpose, extra_args) in EXPORTS.items():
        path = ROOT / target
        wanted = export_text(uv, purpose, extra_args, target)
        present = path.read_text(encoding="utf-8") if path.exists() else ""
        if present != wanted:
            stale += 1
            sys.stdout.writelines(
                difflib.unified_diff(
                    present.splitlines(keepends=True), wanted.splitlines(keepends=True), target, "uv.lock"
                )
            )
    if stale:
        print(f"{stale} export(s) differ from uv.lock: run python packaging/update_lock.py")
        return 1
    print(f"uv.lock and {len(EXPORTS)} exports are in step with pyproject.toml")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; fail when out of step")
    parser.add_argument("--upgrade", action="store_true", help="newest allowed release of everything")
    parser.add_argument("--upgrade-package", action="append", default=[], metavar="NAME")
    args = parser.parse_args(argv)
    uv = uv_command()
    if args.check:
        return check(uv)
    lock = [uv, "lock"]
    if args.upgrade:
        lock.append("--upgrade")
    for name in args.upgrade_package:
        lock += ["--upgrade-package", name]
    subprocess.run(lock, cwd=ROOT, check=True)
    for target, (purpose, extra_args) in EXPORTS.items():
        path = ROOT / target
        path.parent.mkdir(exist_ok=True)
        path.write_text(export_text(uv, purpose, extra_args, target), encoding="utf-8", newline="\n")
        print(f"wrote {target}")
    print("Now run the tests (README, command 2) and commit pyproject.toml, uv.lock and requirements/.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
