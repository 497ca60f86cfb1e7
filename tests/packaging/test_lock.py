"""The hashed requirements/*.txt exports say what uv.lock says, and the relay's has all it imports, no Qt."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXPORTS = sorted((ROOT / "requirements").glob("*.txt"))
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^ ;\\]+)")
FIRST_PARTY = {"app", "relay", "ui", "tests"}
QT = {"pyside6", "pyside6-essentials", "pyside6-addons", "shiboken6"}


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked_versions() -> dict[str, set[str]]:
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    versions: dict[str, set[str]] = {}
    for package in lock["package"]:
        versions.setdefault(normalise(package["name"]), set()).add(package["version"])
    return versions


def pins(export: Path) -> dict[str, set[str]]:
    """name -> versions (a package the lock forks by Python version has two) of a requirements file."""
    found: dict[str, set[str]] = {}
    lines = export.read_text(encoding="utf-8").splitlines()
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        match = PIN.match(line)
        if match:
            assert following.startswith("    --hash=sha256:"), f"{export.name}: {line!r} has no hash"
            found.setdefault(normalise(match.group(1)), set()).add(match.group(2))
        elif line.strip() and not line.startswith(("#", " ")):
            raise AssertionError(f"{export.name}: unexpected line {line!r}")
    return found


def relay_image_sources() -> list[Path]:
    """The Python files the relay's Dockerfile copies into the image."""
    sources: list[Path] = []
    for line in (ROOT / "Dockerfile").read_text(encoding="utf-8").splitlines():
        if not line.startswith("COPY "):
            continue
        for item in line.split()[1:-1]:
            path = ROOT / item
            if path.is_dir():
                sources += sorted(path.rglob("*.py"))
            elif path.suffix == ".py":
                sources.append(path)
    return sources


def imported_modules(sources: list[Path]) -> set[str]:
    """Every module name the files import, at any depth (lazy imports inside functions included)."""
    names: set[str] = set()
    for source in sources:
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
    return names


def test_every_export_pins_exactly_what_the_lock_pins_with_hashes() -> None:
    assert {p.name for p in EXPORTS} >= {"app.txt", "dev.txt", "build.txt", "relay.txt"}
    locked = locked_versions()
    for export in EXPORTS:
        for name, versions in pins(export).items():
            assert versions <= locked.get(name, set()), (
                f"{export.name}: {name}=={sorted(versions)}, uv.lock has {sorted(locked.get(name, []))}"
            )


def test_the_relay_image_installs_no_qt_and_everything_the_relay_imports() -> None:
    relay_pins = pins(ROOT / "requirements" / "relay.txt")
    assert not QT & relay_pins.keys(), "the relay's image would carry Qt"

    sources = relay_image_sources()
    assert ROOT / "relay" / "server.py" in sources and ROOT / "app" / "wire.py" in sources
    modules = imported_modules(sources)
    # The image holds only the files it copies: a relay module importing more of app/ breaks it.
    copied = {".".join(s.relative_to(ROOT).with_suffix("").parts) for s in sources}
    first_party = {m for m in modules if m.split(".")[0] in FIRST_PARTY}
    missing_files = {m for m in first_party if m not in copied and f"{m}.__init__" not in copied}
    assert not missing_files, f"the relay imports modules its image does not copy: {sorted(missing_files)}"

    third_party = {m.split(".")[0] for m in modules} - set(sys.stdlib_module_names) - FIRST_PARTY
    distributions = importlib.metadata.packages_distributions()
    uncovered = {}
    for module in sorted(third_party):
        owners = {normalise(d) for d in distributions.get(module, [])}
        assert owners, f"the relay imports {module}, which no installed distribution provides"
        if not owners & relay_pins.keys():
            uncovered[module] = sorted(owners)
    assert not uncovered, f"requirements/relay.txt lacks what the relay imports: {uncovered}"
    # The away message is judged in the shop's time zone; slim images have no system zone files.
    assert "tzdata" in relay_pins


def test_the_lock_and_its_exports_are_in_step_with_pyproject() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "update_lock.py"), "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
