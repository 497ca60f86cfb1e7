"""Errors raised in app/ are codes with params, never English sentences that reach a Korean owner."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import app
from app.errors import ErrorCode, InvalidInput, ShopInboxError

ROOT = Path(__file__).resolve().parents[1]

# Errors that still pass an English sentence on as INVALID_INPUT. Move each to an ErrorCode and take
# it off; none is left.
LEFT_TO_CONVERT: set[str] = set()


def error_classes() -> dict[str, type[ShopInboxError]]:
    for info in pkgutil.walk_packages(app.__path__, "app."):
        if not info.name.startswith("app.migrations"):  # Alembic's scripts run only inside Alembic
            importlib.import_module(info.name)
    found: dict[str, type[ShopInboxError]] = {}
    todo = [ShopInboxError]
    while todo:
        cls = todo.pop()
        found[cls.__name__] = cls
        todo.extend(cls.__subclasses__())
    return found


def takes_a_sentence(cls: type[ShopInboxError]) -> bool:
    """Raised with a positional string and no code, this class would show that string as it is."""
    return cls.__init__ is ShopInboxError.__init__ and cls.default_code is ErrorCode.INVALID_INPUT


def called_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def passes_a_sentence(call: ast.Call, skip_self: bool = False) -> bool:
    positional = call.args[1:] if skip_self else call.args
    return bool(positional) and not any(k.arg == "code" for k in call.keywords)


def app_files() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted((ROOT / "app").rglob("*.py")):
        yield str(path.relative_to(ROOT)), ast.parse(path.read_text(encoding="utf-8"))


def sentence_raises() -> list[tuple[str, str]]:
    """(where, error class) of every raise or __init__ in app/ that hands a sentence on without a code."""
    classes = error_classes()
    sentence_takers = {name for name, cls in classes.items() if takes_a_sentence(cls)}
    found: list[tuple[str, str]] = []
    for name, tree in app_files():
        for node in ast.walk(tree):
            # raise InvalidInput("…") / raise NotAChatExport(f"…") with no code=
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                call = node.exc
                if called_name(call) in sentence_takers and passes_a_sentence(call):
                    found.append((f"{name}:{node.lineno}", called_name(call)))
            # class X(InvalidInput): def __init__(…): super().__init__(message) with no code=
            if isinstance(node, ast.ClassDef) and node.name in classes.keys() - {"ShopInboxError"}:
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Call) and called_name(inner) == "__init__":
                        # ShopInboxError.__init__(self, …) rather than super().__init__(…)
                        explicit = isinstance(inner.func, ast.Attribute) and not isinstance(
                            inner.func.value, ast.Call
                        )
                        if passes_a_sentence(inner, skip_self=explicit):
                            found.append((f"{name}:{inner.lineno}", node.name))
    return found


def test_app_raises_codes_not_english_sentences() -> None:
    assert [(where, cls) for where, cls in sentence_raises() if cls not in LEFT_TO_CONVERT] == []


def test_an_error_converted_to_codes_is_taken_off_the_list_left_to_convert() -> None:
    still_passing_sentences = {cls for _, cls in sentence_raises()}
    assert still_passing_sentences >= LEFT_TO_CONVERT, "converted: take it off LEFT_TO_CONVERT"


def test_a_sentence_without_a_code_is_refused_when_raised() -> None:
    with pytest.raises(TypeError, match="code="):
        InvalidInput("The price is empty.")


def test_english_detail_with_a_code_stays_in_the_log_text_only() -> None:
    exc = InvalidInput("cannot read /tmp/a.jpg: Permission denied", code=ErrorCode.PRICE_EMPTY)
    assert exc.code is ErrorCode.PRICE_EMPTY
    assert exc.param_values() == {}
    assert "Permission denied" in str(exc)
