"""Preferences survive a restart and tolerate keys from other versions, keeping a later one's."""

from __future__ import annotations

from app.db import Database
from app.models import Setting
from app.settings import (
    Preferences,
    load_preferences,
    save_preferences,
    store_preferences,
    update_preferences,
)
from tests.support.slow_preferences import (
    later_versions_keys,
    preferences_in_the_file,
    store_later_preferences,
)


def test_preferences_default_then_round_trip_across_reopen(db: Database) -> None:
    with db.read() as s:
        assert load_preferences(s) == Preferences()
    with db.write() as s:
        save_preferences(s, Preferences(relay_url="https://relay.example", enter_sends=False, language="ko"))
    reopened = Database(db.path)
    with reopened.read() as s:
        prefs = load_preferences(s)
    assert (prefs.relay_url, prefs.enter_sends, prefs.language) == ("https://relay.example", False, "ko")
    reopened.close()


def test_unknown_keys_from_a_newer_version_are_ignored(db: Database) -> None:
    with db.write() as s:
        s.add(Setting(key="preferences", value={"enter_sends": False, "future_option": 1}))
    with db.read() as s:
        assert load_preferences(s).enter_sends is False


def test_what_a_later_version_saved_survives_every_save_of_this_one(db: Database) -> None:
    """She tried a later Shop Inbox (it saved her searches in the preferences), went back to this
    one and changed her settings: the day she upgrades again, her searches are still there."""
    store_later_preferences(db, Preferences(relay_url="https://relay.example", setup_done=True))
    later = later_versions_keys(3)

    update_preferences(db, enter_sends=False)  # as the setup wizard and the window keep one
    restarted = Database(db.path)  # another start
    try:
        with restarted.read() as s:
            back = load_preferences(s)
        store_preferences(restarted, back.replace(read_receipts=False, currency="USD"))  # Settings' Save
    finally:
        restarted.close()
    with db.write() as s:  # the demo's and the benches' own
        save_preferences(s, load_preferences(s).replace(language="ko"))

    stored = preferences_in_the_file(db.path)
    assert stored["recent_searches"] == later["recent_searches"]
    assert (stored["enter_sends"], stored["read_receipts"], stored["currency"], stored["language"]) == (
        False,
        False,
        "USD",
        "ko",
    )
    assert stored["relay_url"] == "https://relay.example" and stored["setup_done"] is True
