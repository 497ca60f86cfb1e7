"""Orders in the owner's words: state names, event lines and line summaries (plain text)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def state_names() -> dict[str, str]:
    """Each OrderState value as the board's column title says it."""
    return {
        "new": translate("Orders", "New"),
        "awaiting_payment": translate("Orders", "Awaiting payment"),
        "paid": translate("Orders", "Paid"),
        "shipped": translate("Orders", "Shipped"),
        "done": translate("Orders", "Done"),
        "cancelled": translate("Orders", "Cancelled"),
    }


def state_name(state: str) -> str:
    return state_names().get(state, state)
