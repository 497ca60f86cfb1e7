"""What can go wrong reading or importing a chat export: codes that ui/ puts into the owner's words."""

from __future__ import annotations

from dataclasses import dataclass

from app.errors import ErrorCode, FileParams, NameParams, Params, ShopInboxError


class NotAChatExport(ShopInboxError):
    """The file is not a WhatsApp chat export we can read (damaged zip, binary file, no chat lines)."""

    default_code = ErrorCode.CHAT_EXPORT_DAMAGED

    def __init__(self, code: ErrorCode, name: str, detail: str = "") -> None:
        # `detail` (the zip library's or the OS's English reason) is for the log only.
        params: Params = FileParams(name)
        super().__init__(f"{name}: {detail}" if detail else "", code=code, params=params)


class ExportCancelled(ShopInboxError):
    """The owner cancelled an export; its half-written file was removed."""

    default_code = ErrorCode.CHAT_EXPORT_CANCELLED

    def __init__(self) -> None:
        super().__init__(code=ErrorCode.CHAT_EXPORT_CANCELLED)


class ImportCancelled(ShopInboxError):
    """The owner cancelled; everything this import had written was removed again."""

    default_code = ErrorCode.CHAT_IMPORT_CANCELLED

    def __init__(self) -> None:
        super().__init__(code=ErrorCode.CHAT_IMPORT_CANCELLED)


@dataclass(frozen=True, slots=True)
class ContactChoice:
    """An existing contact the other participant might be."""

    contact_id: int
    name: str
    wa_id: str | None


class AmbiguousContact(ShopInboxError):
    """Contacts carry the participant's name (one or several): the owner has to pick one, or a new contact."""

    default_code = ErrorCode.CHAT_CONTACT_AMBIGUOUS

    def __init__(self, participant: str, choices: list[ContactChoice]) -> None:
        super().__init__(code=ErrorCode.CHAT_CONTACT_AMBIGUOUS, params=NameParams(participant))
        self.participant = participant
        self.choices = choices
