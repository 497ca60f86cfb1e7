"""The owner's preferences and connection settings, kept in the database's setting table."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy.orm import Session

from app.changes import Changes
from app.first_page import PREFERENCES_KEY
from app.models import Setting

if TYPE_CHECKING:
    from app.db import Database

Language = Literal["system", "en", "ko"]


@dataclass(frozen=True, slots=True)
class Preferences:
    """What the settings dialog edits. Defaults are what a new shop gets."""

    relay_url: str = ""
    enter_sends: bool = True
    notifications: bool = True
    notification_previews: bool = True
    # Closing the window hides it to the tray icon and the app keeps notifying; off, closing quits.
    close_to_tray: bool = False
    read_receipts: bool = True
    # WhatsApp Business's choice: an archived chat comes back to the inbox when its customer writes
    # (app/sync_apply.py); on, it stays archived and the Archived chip counts its unread chats.
    keep_archived: bool = False
    language: Language = "system"
    shop_region: str = "KR"  # ISO country, for formatting phone numbers
    currency: str = "KRW"  # ISO 4217, for prices
    setup_done: bool = False
    backup_folder: str = ""  # where a backup is made every day (app/backup.py automatic_backup); "" = off

    def replace(self, **changes: Any) -> Preferences:
        return dataclasses.replace(self, **changes)


def _stored(session: Session) -> dict[str, Any]:
    row = session.get(Setting, PREFERENCES_KEY)
    return row.value if row is not None and isinstance(row.value, dict) else {}


def _known_keys() -> set[str]:
    return {f.name for f in dataclasses.fields(Preferences)}


def load_preferences(session: Session) -> Preferences:
    known = _known_keys()
    # Keys from a newer version are ignored here (and kept by save_preferences), missing ones take
    # their defaults.
    return Preferences(**{k: v for k, v in _stored(session).items() if k in known})


def update_preferences(db: Database, **changes: Any) -> Preferences:
    """Change some preferences in one write transaction; returns them as saved."""
    with db.write() as s:
        prefs = load_preferences(s).replace(**changes)
        save_preferences(s, prefs)
    return prefs


def save_preferences(session: Session, prefs: Preferences) -> None:
    """Store `prefs` over the stored ones, keeping every key this version does not know: an owner
    who tried a later version and came back finds what it saved when she moves up again."""
    from app.order_settings import name_amounts_currency  # it imports this module

    if prefs.currency != load_preferences(session).currency:
        name_amounts_currency(session)  # while they are still read in the shop's old currency
    known = _known_keys()
    later = {k: v for k, v in _stored(session).items() if k not in known}
    value = later | dataclasses.asdict(prefs)
    row = session.get(Setting, PREFERENCES_KEY)
    if row is None:
        session.add(Setting(key=PREFERENCES_KEY, value=value))
    else:
        row.value = value


def get_setting(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(Setting, key)
    return default if row is None else row.value


def put_setting(session: Session, key: str, value: Any) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def read_preferences(db: Database) -> Preferences:
    """The preferences in a short read session of their own (for the settings dialog's op)."""
    with db.read() as session:
        return load_preferences(session)


def store_preferences(db: Database, prefs: Preferences) -> Changes:
    with db.write() as session:
        save_preferences(session, prefs)
    return Changes(settings=True)


def finish_start(db: Database) -> Preferences:
    """After the first paint, off the GUI thread: connect the database for SQLAlchemy, discard an
    import a crash left unfinished, and read the preferences (ui/start_path.py)."""
    from app.chat_export.importer import discard_unfinished_imports

    db.connect()
    discard_unfinished_imports(db)
    return read_preferences(db)
