"""The exceptions app/ raises, each one a situation the UI turns into a sentence for the shop owner."""

from __future__ import annotations

from pathlib import Path


class ShopInboxError(Exception):
    """Base of every error the UI knows how to explain."""


class SchemaTooNew(ShopInboxError):
    """The database was written by a newer version of Shop Inbox; opening it could damage it."""

    def __init__(self, found: int, supported: int) -> None:
        super().__init__(
            f"This inbox was saved by a newer version of Shop Inbox (data version {found}; "
            f"this version understands up to {supported}). Please update Shop Inbox."
        )
        self.found = found
        self.supported = supported


class DatabaseUnavailable(ShopInboxError):
    """The database file cannot be opened or written (missing folder, permissions, full disk)."""


class UnversionedDatabaseHoldsData(DatabaseUnavailable):
    """The database has no schema version yet holds data (or tables Shop Inbox does not know): left as is.

    A first start cut short leaves version 0 and empty tables, which are rebuilt; a version-0 file
    with rows in it is someone's data, so Shop Inbox refuses to touch it rather than delete it.
    """

    code = "unversioned_database_holds_data"

    def __init__(self, path: Path, tables: list[str]) -> None:
        super().__init__(
            f"{path} has no schema version but holds data in {', '.join(tables)}; it was left untouched."
        )
        self.params = {"path": str(path), "tables": ", ".join(tables)}
        self.path = path
        self.tables = tables


class RelayError(ShopInboxError):
    """Something went wrong talking to the relay."""


class RelayUnreachable(RelayError):
    """The relay did not answer (offline, wrong address, server down)."""


class Unauthorised(RelayError):
    """The relay refused the token."""


class RelayBusy(RelayError):
    """The relay answered but could not finish now (5xx, 409 still in flight, 429): try again later."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class HistoryGap(RelayError):
    """The relay no longer holds the events after our cursor."""

    def __init__(self, oldest_seq: int) -> None:
        super().__init__(f"Some messages are older than the relay keeps (oldest is #{oldest_seq}).")
        self.oldest_seq = oldest_seq


class SendRefused(RelayError):
    """The relay (or WhatsApp) refused a message for a reason a retry cannot change."""

    def __init__(self, message: str, code: str = "refused", graph_code: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.graph_code = graph_code


class OutsideServiceWindow(SendRefused):
    """Free-form messages are only allowed within 24 hours of the customer's last message."""


class NoKeyring(ShopInboxError):
    """No usable keyring on this computer; the token can be kept in the config file if the owner agrees."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            "This computer has no password store (keyring) that Shop Inbox can use. "
            "You can keep the relay token in Shop Inbox's settings file instead; only your user "
            "account can read it."
        )
        self.detail = detail


class InvalidInput(ShopInboxError):
    """Something the owner typed or picked cannot be used as it is."""
