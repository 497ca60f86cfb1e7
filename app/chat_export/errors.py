"""What can go wrong reading or importing a chat export, as sentences a shop owner understands."""

from __future__ import annotations

from dataclasses import dataclass

from app.errors import ShopInboxError


class NotAChatExport(ShopInboxError):
    """The file is not a WhatsApp chat export we can read (damaged zip, binary file, no chat lines)."""


class ImportCancelled(ShopInboxError):
    """The owner cancelled; everything this import had written was removed again."""

    def __init__(self) -> None:
        super().__init__("The import was cancelled. Nothing was added.")


@dataclass(frozen=True, slots=True)
class ContactChoice:
    """An existing contact the other participant might be."""

    contact_id: int
    name: str
    wa_id: str | None


class AmbiguousContact(ShopInboxError):
    """Several contacts carry the participant's name: the owner has to pick one (or a new contact)."""

    def __init__(self, participant: str, choices: list[ContactChoice]) -> None:
        super().__init__(
            f"More than one contact is called “{participant}”. Choose which one this chat belongs to."
        )
        self.participant = participant
        self.choices = choices
