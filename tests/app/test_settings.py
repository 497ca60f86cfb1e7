"""Preferences survive a restart and tolerate keys from other versions."""

from __future__ import annotations

from app.db import Database
from app.models import Setting
from app.settings import Preferences, load_preferences, save_preferences


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
