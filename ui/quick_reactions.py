"""The reactions the message menu offers, as WhatsApp's own quick reactions, each with its name."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def quick_reactions() -> list[tuple[str, str]]:
    """(emoji, its React menu entry): alone, the emoji told a screen reader nothing it could be sure
    of, and an owner who does not know what 🙏 means had to guess. Each name has its own Alt letter."""
    translate = QCoreApplication.translate
    named = (
        ("👍", translate("QuickReactions", "&Like")),
        ("❤️", translate("QuickReactions", "L&ove")),
        ("😂", translate("QuickReactions", "&Funny")),
        ("😮", translate("QuickReactions", "&Wow")),
        ("😢", translate("QuickReactions", "&Sad")),
        ("🙏", translate("QuickReactions", "&Thanks")),
    )
    return [(emoji, f"{emoji}  {name}") for emoji, name in named]
