"""No scaffolding between our own parts: no ImportError guards, importorskip or fake modules of ours."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OURS = ("app", "ui", "relay")
FOLDERS = ("app", "ui", "relay", "tests", "bench", "packaging", "docs")


def python_files() -> Iterator[Path]:
    for folder in FOLDERS:
        yield from sorted((ROOT / folder).rglob("*.py"))


def is_ours(module: str) -> bool:
    return module.split(".", 1)[0] in OURS


def names_ours(key: ast.expr) -> bool:
    """A sys.modules key that is, or may be, one of our modules: a third-party library named outright
    may stand blocked (None) to try our own fallback where that library cannot load."""
    return not (isinstance(key, ast.Constant) and isinstance(key.value, str)) or is_ours(key.value)


def imported_modules(nodes: list[ast.stmt]) -> Iterator[str]:
    """Modules a block imports: import statements and importlib.import_module("…") with a literal."""
    for stmt in nodes:
        for node in ast.walk(stmt):
            if isinstance(node, ast.Import):
                yield from (alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                yield node.module
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "import_module"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                yield node.args[0].value


def catches_import_error(handler: ast.ExceptHandler) -> bool:
    names = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(n, ast.Name) and n.id in ("ImportError", "ModuleNotFoundError") for n in names if n)


def scaffolding(source: str, *, in_tests: bool) -> Iterator[str]:
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Try) and any(catches_import_error(h) for h in node.handlers):
            ours = [m for m in imported_modules(node.body) if is_ours(m)]
            if ours:
                yield f"line {node.lineno}: except ImportError around {ours}"
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "importorskip"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and is_ours(str(node.args[0].value))
        ):
            yield f"line {node.lineno}: importorskip({node.args[0].value!r})"
        elif in_tests and isinstance(node, ast.Assign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if (
                    isinstance(target, ast.Subscript)
                    and isinstance(target.value, ast.Attribute)
                    and target.value.attr == "modules"
                    and isinstance(target.value.value, ast.Name)
                    and target.value.value.id == "sys"
                    and names_ours(target.slice)
                ):
                    yield f"line {node.lineno}: sys.modules[...] = in a test"
        elif (
            in_tests
            and isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("setitem", "delitem")
            and node.args
            and isinstance(node.args[0], ast.Attribute)
            and node.args[0].attr == "modules"
            and (len(node.args) < 2 or names_ours(node.args[1]))
        ):
            yield f"line {node.lineno}: monkeypatch.{node.func.attr}(sys.modules, …) in a test"


def test_our_modules_are_imported_for_real_everywhere() -> None:
    found = {
        str(path.relative_to(ROOT)): problems
        for path in python_files()
        if (
            problems := list(
                scaffolding(path.read_text(encoding="utf-8"), in_tests=path.is_relative_to(ROOT / "tests"))
            )
        )
    }
    assert not found, f"scaffolding around our own modules: {found}"


def test_the_check_finds_each_kind_of_scaffolding() -> None:
    source = (
        "import importlib, sys, pytest\n"
        "try:\n    from app.engine import SyncEngine\nexcept ImportError:\n    SyncEngine = None\n"
        "try:\n    m = importlib.import_module('app.media_cache')\nexcept ImportError:\n    m = None\n"
        "try:\n    import keyring\nexcept ImportError:\n    keyring = None\n"
        "pytest.importorskip('app.engine')\n"
        "pytest.importorskip('PySide6')\n"
        "sys.modules['app.engine'] = object()\n"
        "def f(monkeypatch):\n    monkeypatch.setitem(sys.modules, 'app.engine', object())\n"
        "def g(monkeypatch):\n    monkeypatch.setitem(sys.modules, 'truststore', None)\n"
        "sys.modules['truststore'] = None\n"
    )
    problems = list(scaffolding(source, in_tests=True))
    assert sorted(int(p.split(":", 1)[0].split()[1]) for p in problems) == [
        2,
        6,
        14,
        16,
        18,
    ], problems
