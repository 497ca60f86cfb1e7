"""The reactions the message menu offers, as WhatsApp's own quick reactions, each with its name."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.translations import letterless


def quick_reactions() -> list[tuple[str, str]]:
    """(emoji, its React menu entry): alone, the emoji told a screen reader nothing it could be sure
    of, and an owner who does not know what 🙏 means had to guess. Each name has its own Alt letter."""
    return [(emoji, f"{emoji}  {name}") for emoji, name in _named()]


def reaction_said(emoji: str) -> str:
    """A reaction as read aloud: one of the quick reactions with its name ("👍 Like", "🙏 감사해요"),
    any other emoji as it is (a screen reader names those itself)."""
    for quick, name in _named():
        if quick == emoji:
            return f"{emoji} {letterless(name)}"
    return emoji


def _named() -> tuple[tuple[str, str], ...]:
    translate = QCoreApplication.translate
    return (
        ("👍", translate("QuickReactions", "&Like")),
        ("❤️", translate("QuickReactions", "L&ove")),
        ("😂", translate("QuickReactions", "&Funny")),
        ("😮", translate("QuickReactions", "&Wow")),
        ("😢", translate("QuickReactions", "&Sad")),
        ("🙏", translate("QuickReactions", "&Thanks")),
    )
