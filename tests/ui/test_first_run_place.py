"""First run: the shop's country and currency start as the computer's, whether set up now or later."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.ui.test_first_run import the_app_as_it_was

WIZARD_PLACE = """
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui.setup_wizard import SetupWizard
wizard = SetupWizard()
page = wizard.shop_page
print(page.country.currentText() + "|" + page.currency.currentText())
"""


def wizard_place_on_a_computer_set_to(lang: str) -> str:
    env = {key: value for key, value in os.environ.items() if not key.startswith("LC_")}
    env.update(QT_QPA_PLATFORM="offscreen", LANG=lang, LANGUAGE="")
    result = subprocess.run(
        [sys.executable, "-c", WIZARD_PLACE], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_a_computer_set_to_british_english_is_offered_the_uk_and_pounds() -> None:
    """A florist in Leeds met "South Korea" and "South Korean Won (KRW)" on the wizard's last page."""
    assert wizard_place_on_a_computer_set_to("en_GB.UTF-8") == "United Kingdom|British Pound (GBP)"


def test_a_computer_that_names_no_country_is_offered_korea_as_before() -> None:
    assert wizard_place_on_a_computer_set_to("C.UTF-8") == "South Korea|South Korean Won (KRW)"


@pytest.mark.parametrize(
    ("language", "country", "place"),
    [
        ("English", "UnitedStates", ("US", "USD")),
        ("German", "Germany", ("DE", "EUR")),
        ("Korean", "SouthKorea", ("KR", "KRW")),
        ("C", "AnyTerritory", ("KR", "KRW")),
    ],
)
def test_the_computers_country_and_its_money(language: str, country: str, place: tuple[str, str]) -> None:
    from PySide6.QtCore import QLocale

    from ui.shop_place import computer_place

    locale = QLocale(getattr(QLocale.Language, language), getattr(QLocale.Country, country))
    assert computer_place(locale) == place


def test_set_up_later_keeps_the_shop_in_the_wizards_country_and_currency(
    qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    """No relay yet, "Set up later": the inbox's catalogue and orders were priced in won for a UK shop."""
    from PySide6.QtWidgets import QWizard

    from app.settings import read_preferences

    def set_up_later(wizard: Any) -> None:
        # The place the wizard starts on (the computer's, in a British English session).
        wizard.shop_page.place.choose("GB", "GBP")
        wizard.button(QWizard.WizardButton.CancelButton).click()

    dialogs.expect("modal", answer=set_up_later)
    with first_start_in_english(tmp_path / "data") as ctx:
        prefs = read_preferences(ctx.db)
        assert (prefs.shop_region, prefs.currency, prefs.setup_done) == ("GB", "GBP", True)
        assert (ctx.shop_region, ctx.currency) == ("GB", "GBP")  # this session's new items too


def test_a_uk_shops_backup_restored_at_the_first_start_writes_dates_as_the_uk_at_once(
    qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    """The new computer names no English of its own: the wizard wrote dates as its guess (the US's),
    and the inbox it opened on the restored UK shop said "Nov 28" and "11:37 AM" in the chat list
    until the next start said "28 Nov" and "11:37"."""
    from datetime import datetime

    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QMessageBox

    from app.backup import create_backup
    from app.db import Database
    from app.paths import paths_for
    from app.settings import update_preferences
    from tests.support.factories import make_contact, make_message
    from ui.formatting import day_pattern, list_time, qdate
    from ui.translations import english_locale

    old = paths_for(tmp_path / "old laptop").ensure()
    db = Database.open(old.database)
    with db.write() as s:
        make_message(s, make_contact(s, profile_name="Chloe Adams"), "Is the linen shirt in stock?")
    update_preferences(db, shop_region="GB", currency="GBP", setup_done=True, language="en")
    db.close()
    backup = create_backup(old, tmp_path / "USB" / "ShopInbox-backup.zip").path

    def restore_the_old_laptops_backup(wizard: Any) -> None:
        dialogs.expect("getOpenFileName", answer=str(backup))
        dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
        dialogs.expect("question", answer=QMessageBox.StandardButton.No)  # open at sign-in: not here
        wizard.restore_button.click()

    dialogs.expect("modal", answer=restore_the_old_laptops_backup)
    with first_start_in_english(tmp_path / "new"):
        uk = english_locale("GB")  # this computer's own English if it had one, else the UK's
        assert QLocale().name() == uk.name()
        now, day = datetime(2026, 12, 7, 12, 0), datetime(2026, 11, 28, 11, 37)
        assert list_time(day, now) == uk.toString(qdate(day.date()), day_pattern(uk))


@contextmanager
def first_start_in_english(data_dir: Path) -> Iterator[Any]:
    """A first start (`--lang en`) on an empty `data_dir`, its wizard answered as the test expects:
    the inbox it opens (its context), closed after; the app's translators and locale put back."""
    from PySide6.QtWidgets import QApplication

    from app.paths import paths_for
    from ui.application import open_inbox

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    with the_app_as_it_was(app):
        ctx = open_inbox(app, argparse.Namespace(smoke=False, lang="en"), paths_for(data_dir).ensure())
        assert ctx is not None  # None: the demo chosen in the wizard
        try:
            yield ctx
        finally:
            ctx.db.close()
