"""The automations' editors as the Shop menu and Settings open them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QWidget

from ui.context import AppContext

if TYPE_CHECKING:
    from app.relay_client import RelayClient
    from ui.automation_dialog import AutomationDialog


def automations_client(ctx: AppContext) -> RelayClient | None:
    """The relay client the automations editors push with, or None when offline / not set up."""
    return ctx.sync.relay_client() if ctx.sync is not None else None


def greeting_editor(ctx: AppContext, parent: QWidget | None) -> AutomationDialog:
    from ui.greeting_editor import GreetingEditor

    return GreetingEditor(ctx, client_provider=lambda: automations_client(ctx), parent=parent)


def away_editor(ctx: AppContext, parent: QWidget | None) -> AutomationDialog:
    from ui.away_editor import AwayEditor

    return AwayEditor(ctx, client_provider=lambda: automations_client(ctx), parent=parent)


def business_hours_editor(ctx: AppContext, parent: QWidget | None) -> AutomationDialog:
    from ui.business_hours_editor import BusinessHoursEditor

    return BusinessHoursEditor(ctx, client_provider=lambda: automations_client(ctx), parent=parent)


def business_profile_editor(ctx: AppContext, parent: QWidget | None) -> AutomationDialog:
    from ui.business_profile_editor import BusinessProfileEditor

    return BusinessProfileEditor(ctx, client_provider=lambda: automations_client(ctx), parent=parent)


def editor_for_part(ctx: AppContext, part: str, parent: QWidget | None) -> AutomationDialog:
    """The editor of one part of the automations ("away", "greeting", "hours", "bot", "profile":
    app.automations_parts.AutomationsPart's values)."""
    build = {
        "away": away_editor,
        "greeting": greeting_editor,
        "hours": business_hours_editor,
        "bot": menu_bot_editor,
        "profile": business_profile_editor,
    }[part]
    return build(ctx, parent)


def menu_bot_editor(ctx: AppContext, parent: QWidget | None) -> AutomationDialog:
    from ui.bot_editor import BotEditor

    client = lambda: automations_client(ctx)  # noqa: E731
    return BotEditor(ctx, client_provider=client, report_client=client, parent=parent)


def open_once(open_now: QDialog | None, make: Callable[[], QDialog | None]) -> QDialog | None:
    """The editor a strip's button opens beside the chats: the one it opened before, brought to the
    front while it is still open (not a second editor of the same rules), else a new one shown.
    Returns the editor now open, or None when none could be made."""
    from ui.ops import delete_when_closed

    if open_now is not None and open_now.isVisible():
        open_now.raise_()
        open_now.activateWindow()
        return open_now
    dialog = make()
    if dialog is not None:
        delete_when_closed(dialog)
        dialog.show()
    return dialog
