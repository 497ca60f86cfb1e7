"""The chats a search keeps to: those the chat list's filter shows (Unread, Archived, a label…)."""

from __future__ import annotations

from dataclasses import dataclass

# No SQLAlchemy here: the chat list, painted before SQLAlchemy is imported, names its filter so.
from app.conversation_rows import ConversationFilter


@dataclass(frozen=True, slots=True)
class ChatScope:
    """A chat-list filter as search applies it (app/search.py): its chip (`kind`) and its label, if
    one is picked."""

    kind: ConversationFilter = "all"
    label_id: int | None = None

    @property
    def narrows(self) -> bool:
        """Whether it leaves chats out: "all" with no label is every chat (the archived ones too, as a
        search without a filter finds them, saying so)."""
        return self.kind != "all" or self.label_id is not None
