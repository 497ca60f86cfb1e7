"""Each order message key is defined in one module (app/order_messages.py) and imported elsewhere:
two definitions of "returned" could drift apart and a return's message go by the wrong key."""

from __future__ import annotations

import ast
from pathlib import Path

import app
from app import order_messages

KEYS = ("RETURN_MESSAGE", "EXCHANGE_MESSAGE", "CANCELLED_REFUND", "REMINDER")


def definitions(name: str) -> list[str]:
    """The app/ modules that assign `name` at their top level."""
    found = []
    for path in sorted(Path(app.__file__).parent.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
            if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                found.append(path.name)
    return found


def test_each_order_message_key_is_defined_once_in_order_messages() -> None:
    for key in KEYS:
        assert definitions(key) == ["order_messages.py"], key
    assert order_messages.RETURN_MESSAGE == "returned"
