"""The automations' editors as the Shop menu and Settings open them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

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
