"""How the desktop's link to the relay stands: the state the sync engine reports and the banner shows."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from app.errors import ErrorCode


class Connection(enum.StrEnum):
    NOT_CONFIGURED = "not_configured"  # no relay address yet: browsing saved chats
    # The relay's address is known but this computer holds no token for it: a backup restored on a
    # new computer (a backup never carries the token), or a keyring that lost it. Asked for, not
    # sent empty to the relay only to be "refused".
    NO_TOKEN = "no_token"
    # The token may be kept in the OS's password store, but it would not be read (locked, its unlock
    # cancelled): unlocked, Retry reads it again. Not "no token", which asks the owner to paste it.
    KEYRING_LOCKED = "keyring_locked"
    CONNECTING = "connecting"
    ONLINE = "online"
    RECONNECTING = "reconnecting"
    OFFLINE = "offline"
    UNAUTHORISED = "unauthorised"
    HISTORY_GAP = "history_gap"  # events the relay no longer kept could not be loaded
    RELAY_STARTED_AFRESH = "relay_started_afresh"  # a new (or restored) relay: read again from its start
    # A new inbox's first read of the relay holds replies another computer sent: what the relay
    # does not carry (labels, quick replies, orders, catalogue, older chats) is on that one.
    OTHER_COMPUTER = "other_computer"
    # The relay answers but new messages cannot be saved here; they wait on the relay meanwhile.
    DISK_FULL = "disk_full"
    CANNOT_SAVE = "cannot_save"  # the inbox file is locked or cannot be written
    # The data folder itself is gone while Shop Inbox runs (a USB stick taken out, a network drive
    # lost): said as such, with the folder, not as a busy file.
    FOLDER_GONE = "folder_gone"
    # The disk was full at start: the inbox is open to read only and sync does not run; new messages
    # wait on the relay until Shop Inbox starts again with room on the disk.
    READ_ONLY = "read_only"


# Said once, then the engine carries on online: news about the relay's history, not trouble.
HISTORY_NOTICES = (Connection.HISTORY_GAP, Connection.RELAY_STARTED_AFRESH, Connection.OTHER_COMPUTER)
# States in which saving, not the relay, is what fails.
STORAGE_TROUBLE = (Connection.DISK_FULL, Connection.CANNOT_SAVE, Connection.FOLDER_GONE)


@dataclass(frozen=True, slots=True)
class ConnectionState:
    """What the UI shows about the relay: the kind, when the next attempt is due, and why (for the log)."""

    kind: Connection
    next_retry_at: datetime | None = None
    detail: str = ""
    # The http:// address that answers when the https:// one met a relay speaking plain http (a relay
    # tried out on this computer has no certificate): the banner suggests it, as Settings' check does.
    plain_url: str = ""
    # Why the relay could not be reached, when something on the way said so: a hotspot's sign-in
    # page (NETWORK_SIGN_IN) asks for a browser, not for patience.
    cause: ErrorCode | None = None
    # The relay answered that its storage failed, and named why (a wire StorageCause: its database
    # read-only, its login refused…): the banner says that cause, not "cannot reach".
    storage_cause: str = ""
    # NO_TOKEN on an inbox restored from a backup (which never carries the token) and given none
    # since: said as the reason, which an owner who never restored anything would not understand.
    after_restore: bool = False
    # A history gap: when this computer last read the relay (what came after it was partly lost).
    last_read_at: datetime | None = None
    # A history gap found in an earlier run whose notice the owner has not closed: when it was found.
    gap_found_at: datetime | None = None
    # FOLDER_GONE: the data folder that is not there any more.
    folder: str = ""
    # The relay cannot be reached (RECONNECTING, OFFLINE) and the disk of the inbox is full as well
    # (after a crash on a full disk, say): the disk is the trouble to mend, since an answer could not
    # be saved either.
    disk_full: bool = False

    @property
    def value(self) -> str:
        return self.kind.value
