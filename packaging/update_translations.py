"""Extract every translatable string from ui/ into the Korean .ts, then compile the shipped .qm."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "shop_inbox_ko.ts"
QM = TS.with_suffix(".qm")


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease from the same environment as this Python."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def extract(ts: Path, *, drop_obsolete: bool = True) -> None:
    args = [tool("pyside6-lupdate"), "-silent", "-locations", "none", "-target-language", "ko_KR"]
    if drop_obsolete:
        args.append("-no-obsolete")
    subprocess.run([*args, *sources(), "-ts", str(ts)], cwd=ROOT, check=True)


def compile_qm(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True)


def main() -> None:
    TS.parent.mkdir(parents=True, exist_ok=True)
    extract(TS)
    compile_qm(TS, QM)
    print(f"updated {TS.relative_to(ROOT)} and {QM.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
