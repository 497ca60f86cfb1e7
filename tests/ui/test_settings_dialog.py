"""The settings dialog reads the stored preferences in an op and saves them in one, closing when saved."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton

from app.settings import load_preferences, save_preferences


def save_button(dialog: QDialog) -> QPushButton:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    return buttons.button(QDialogButtonBox.StandardButton.Save)


def test_settings_show_what_is_stored_and_save_what_the_owner_changed(qtbot: Any, ctx: Any) -> None:
    from ui.settings_dialog import SettingsDialog

    with ctx.db.write() as s:
        save_preferences(s, load_preferences(s).replace(enter_sends=False, language="ko", currency="USD"))
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    save = save_button(dialog)
    assert not save.isEnabled()  # until the stored preferences are in
    qtbot.waitUntil(save.isEnabled, timeout=5000)
    assert not dialog.enter_sends.isChecked() and dialog.language.currentData() == "ko"
    dialog.receipts.setChecked(False)
    with qtbot.waitSignal(ctx.hub.changed) as published:
        save.click()
    assert published.args[0].settings
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5000)
    with ctx.db.read() as s:
        stored = load_preferences(s)
    # What the dialog does not show (the shop's currency) is kept as it was.
    assert (stored.read_receipts, stored.enter_sends, stored.currency) == (False, False, "USD")
    assert ctx.prefs["read_receipts"] is False


def test_save_keeps_what_a_later_version_stored_in_the_preferences(qtbot: Any, ctx: Any) -> None:
    """She tried a later Shop Inbox, went back to this one and turned read receipts off in Settings:
    what the later version saved there (her searches) is still in the file when she upgrades again."""
    from app.settings import Preferences
    from tests.support.slow_preferences import (
        later_versions_keys,
        preferences_in_the_file,
        store_later_preferences,
    )
    from ui.settings_dialog import SettingsDialog

    store_later_preferences(ctx.db, Preferences(enter_sends=False))
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    save = save_button(dialog)
    qtbot.waitUntil(save.isEnabled, timeout=5000)
    dialog.receipts.setChecked(False)
    save.click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5000)
    stored = preferences_in_the_file(ctx.db.path)
    assert stored["recent_searches"] == later_versions_keys(3)["recent_searches"]
    assert (stored["read_receipts"], stored["enter_sends"]) == (False, False)


def test_save_is_on_the_screen_of_a_small_laptop(qtbot: Any, ctx: Any) -> None:
    """The offscreen screen (800 pixels high) is shorter than the dialog's sections, as a 1366×768
    laptop's is: the owner can still reach Save, and scroll to every section."""
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    save = save_button(dialog)
    qtbot.waitUntil(save.isEnabled, timeout=5000)
    # The relay's check shows its report (here: no relay to reach) under its button.
    check = dialog.relay_check.button
    assert check is not None  # the settings' panel has its button
    with qtbot.waitSignal(dialog.relay_check.finished, timeout=15000):
        check.click()
    screen = dialog.screen().availableGeometry()
    assert screen.contains(dialog.frameGeometry())
    button = save.rect().translated(save.mapToGlobal(save.rect().topLeft()))
    assert save.isVisible() and screen.contains(button)
    # The sections are taller than the screen, as on the small laptop; the last one is reachable:
    sections = dialog.sections.widget()
    assert sections is not None
    assert sections.sizeHint().height() + save.height() > screen.height()
    # scrolled into view, it lies inside the dialog's viewport.
    dialog.sections.ensureWidgetVisible(dialog.campaign_prices)
    prices_top = dialog.campaign_prices.mapTo(
        dialog.sections.viewport(), dialog.campaign_prices.rect().topLeft()
    )
    assert 0 <= prices_top.y() < dialog.sections.viewport().height()


def test_the_shops_country_and_currency_can_be_changed_after_setup(qtbot: Any, ctx: Any) -> None:
    """Chosen once in the first-run wizard (or left at Korea and won when it was skipped), they
    could not be changed again: a shop in Vietnam had its customers' numbers written as Korean."""
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    save = save_button(dialog)
    qtbot.waitUntil(save.isEnabled, timeout=5000)
    place = dialog.place
    assert (place.region, place.currency_code) == ("KR", "KRW")
    # Vietnam is not among the first few countries offered: it is further down the same list.
    place.country.setCurrentIndex(place.country.findData("VN"))
    assert place.country.currentText() == "Vietnam" and place.currency_code == "VND"  # its currency follows
    # The currency by its name, not only a code the owner may not know.
    assert place.currency.currentText() == "Vietnamese Dong (VND)"
    with qtbot.waitSignal(ctx.hub.changed):
        save.click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5000)
    with ctx.db.read() as s:
        stored = load_preferences(s)
    assert (stored.shop_region, stored.currency) == ("VN", "VND")
    assert (ctx.shop_region, ctx.currency) == ("VN", "VND")  # what the next chat and order read
    from app.phones import display_phone

    # A Vietnamese number as dialled in Vietnam, no longer "+84 …" as a Korean shop sees it.
    assert display_phone("84912345678", ctx.shop_region) == "0912 345 678"
    again = SettingsDialog(ctx)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.loaded, timeout=5000)
    assert (again.place.region, again.place.currency_code) == ("VN", "VND")


def test_campaign_prices_set_in_another_currency_are_labelled_with_it(qtbot: Any, ctx: Any) -> None:
    """Prices kept in USD showed as "Marketing (KRW) 0.02" in a Korean shop's settings."""
    from app.campaign_checks import Prices, store_prices
    from ui.settings_dialog import SettingsDialog

    store_prices(ctx.db, Prices("USD", None, 1))
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.prices_loaded and dialog.loaded, timeout=5000)
    box = dialog.campaign_prices
    assert (box.utility_label.text(), box.utility.text()) == ("Utility (USD)", "0.01")
    assert (box.marketing_label.text(), box.marketing.text()) == ("Marketing (USD)", "")


def test_campaign_prices_are_labelled_with_the_currency_chosen_as_soon_as_it_is_chosen(
    qtbot: Any, ctx: Any
) -> None:
    """Choosing the United States still showed "Marketing (KRW)" until Save and a second opening."""
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(save_button(dialog).isEnabled, timeout=5000)
    box = dialog.campaign_prices
    assert box.marketing_label.text() == "Marketing (KRW)"
    dialog.place.country.setCurrentIndex(dialog.place.country.findData("US"))  # its currency follows
    assert (box.marketing_label.text(), box.utility_label.text()) == ("Marketing (USD)", "Utility (USD)")
    dialog.place.currency.setCurrentIndex(dialog.place.currency.findData("EUR"))
    assert box.marketing_label.text() == "Marketing (EUR)"
    box.marketing.setText("0.05")  # typed in euros: it stays in them
    dialog.place.currency.setCurrentIndex(dialog.place.currency.findData("GBP"))
    assert box.marketing_label.text() == "Marketing (EUR)"
    box.marketing.clear()  # no price left: the shop's currency again
    assert box.marketing_label.text() == "Marketing (GBP)"


def test_open_at_sign_in_is_set_in_the_computers_start_up_list_and_taken_out_again(
    qtbot: Any, ctx: Any, tmp_path: Any, monkeypatch: Any, dialogs: Any
) -> None:
    import sys

    from ui.settings_dialog import SettingsDialog

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    entry = tmp_path / "config" / "autostart" / "shop-inbox.desktop"

    def settings() -> SettingsDialog:
        dialog = SettingsDialog(ctx)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(save_button(dialog).isEnabled, timeout=5000)
        return dialog

    def save(dialog: SettingsDialog) -> None:
        save_button(dialog).click()
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5000)

    dialog = settings()
    assert not dialog.open_at_sign_in.isChecked() and dialog.open_at_sign_in.isEnabled()
    dialog.open_at_sign_in.setChecked(True)
    save(dialog)
    # This inbox, which lives in a folder of its own here (not the computer's usual one).
    exec_line = next(line for line in entry.read_text().splitlines() if line.startswith("Exec="))
    assert exec_line == f"Exec={sys.executable} -m ui.main --data-dir {ctx.paths.data_dir}"

    dialog = settings()
    assert dialog.open_at_sign_in.isChecked()
    dialog.open_at_sign_in.setChecked(False)
    save(dialog)
    assert not entry.exists()

    entry.parent.rmdir()
    entry.parent.write_text("not a folder")  # the computer refuses the change
    dialog = settings()
    dialog.open_at_sign_in.setChecked(True)
    dialog.receipts.setChecked(not dialog.receipts.isChecked())
    refused = dialogs.expect("warning")
    save_button(dialog).click()
    assert refused.shown[0].title == "Settings not saved"
    assert "did not let Shop Inbox change what opens when you sign in" in refused.shown[0].text
    assert dialog.result() != QDialog.DialogCode.Accepted  # still open, as ticked, to try again
    with ctx.db.read() as s:
        assert load_preferences(s).read_receipts != dialog.receipts.isChecked()  # nothing saved


def test_the_demo_shop_is_never_opened_at_sign_in(qtbot: Any, ctx: Any) -> None:
    from ui.settings_dialog import SettingsDialog

    ctx.demo = True
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert not dialog.open_at_sign_in.isEnabled()
    assert dialog.open_at_sign_in.toolTip() == "The demo shop is never opened at sign-in."


def test_the_demos_check_connection_says_why_it_works_under_greyed_out_relay_fields(
    qtbot: Any, ctx: Any
) -> None:
    """In the demo the relay's address and token are greyed out, and Check connection under them was
    live with nothing saying why: it looked like a button left on by mistake."""
    from ui.settings_dialog import SettingsDialog

    ctx.demo = True
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    button = dialog.relay_check.button
    assert button is not None
    assert not dialog.connection.isEnabled() and button.isEnabled()
    note = dialog.demo_check_note
    assert note is not None and note.isVisible()
    assert "demo's relay cannot be changed, but you can check it" in note.text()
    # Read between the greyed-out fields and the button it explains.
    assert dialog.connection.geometry().bottom() < note.geometry().top() < dialog.relay_check.geometry().top()
    assert "demo" in button.toolTip()


def test_a_real_shop_has_no_demo_note_by_check_connection(qtbot: Any, ctx: Any) -> None:
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.demo_check_note is None


def test_keeping_chats_archived_when_a_customer_writes_is_off_until_the_owner_turns_it_on(
    qtbot: Any, ctx: Any
) -> None:
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    save = save_button(dialog)
    qtbot.waitUntil(save.isEnabled, timeout=5000)
    assert dialog.keep_archived.text() == "Keep chats archi&ved when a customer writes"
    assert not dialog.keep_archived.isChecked()
    dialog.keep_archived.setChecked(True)
    save.click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5000)
    with ctx.db.read() as s:
        assert load_preferences(s).keep_archived
    assert ctx.prefs["keep_archived"] is True


def test_the_shops_bank_account_and_fees_are_found_from_settings(qtbot: Any, ctx: Any, dialogs: Any) -> None:
    """An owner looks in Settings first: "Your shop" says where the account, shipping fee and payment
    deadline live, and its button opens those order settings, filled in, over Settings."""
    from app.order_settings import OrderSettings, save_order_settings
    from ui.order_settings_dialog import OrderSettingsDialog
    from ui.settings_dialog import SettingsDialog

    with ctx.db.write() as s:
        save_order_settings(s, OrderSettings(bank_account="국민은행 123-45-678901", payment_days=2))
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(save_button(dialog).isEnabled, timeout=5000)
    assert "bank account, shipping fee and payment deadline" in "\n".join(
        label.text() for label in dialog.shop.findChildren(QLabel)
    )
    button = dialog.findChild(QPushButton, "openOrderSettings")
    assert button is not None and button.isEnabled() and dialog.shop.isAncestorOf(button)
    # The order settings, window-modal over Settings: the test looks at them once the guard has seen
    # them (else a load quicker than the guard's look closed them unseen: "never opened", now and then).
    opened = dialogs.expect("modal")
    button.click()
    orders = dialog.findChild(OrderSettingsDialog)
    assert orders is not None
    qtbot.waitUntil(
        lambda: bool(opened.shown) and orders.bank.text() == "국민은행 123-45-678901", timeout=5000
    )
    assert orders.isVisible() and orders.days.value() == 2 and orders.shipping.text() == "3,000"
    orders.reject()
    qtbot.waitUntil(lambda: dialog.findChild(OrderSettingsDialog) is None, timeout=5000)  # closed: gone
    assert dialog.isVisible()  # Settings stays open behind


def _wholly_in_view(dialog: Any, label: QLabel) -> bool:
    viewport = dialog.sections.viewport()
    top_left = label.mapTo(viewport, label.rect().topLeft())
    return viewport.rect().contains(label.rect().translated(top_left))


def test_the_backups_saved_line_is_scrolled_into_view(
    qtbot: Any, ctx: Any, dialogs: Any, tmp_path: Any
) -> None:
    """On a small laptop the data section ends below the window's edge: after Back up now the owner
    sees where the backup went, and sees why when it failed, without scrolling to look."""
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(save_button(dialog).isEnabled, timeout=5000)
    dialog.sections.verticalScrollBar().setValue(0)  # the owner at the top, where Settings opens
    assert not _wholly_in_view(dialog, dialog.backup_status)

    dialogs.expect("getSaveFileName", answer=str(tmp_path / "shop backup.zip"))
    dialog.backup_button.click()
    qtbot.waitUntil(lambda: dialog.backup_status.text().startswith("Backup saved to"), timeout=20_000)
    assert str(tmp_path / "shop backup.zip") in dialog.backup_status.text()
    qtbot.waitUntil(lambda: _wholly_in_view(dialog, dialog.backup_status), timeout=5000)

    dialog.sections.verticalScrollBar().setValue(0)
    (tmp_path / "a file").write_bytes(b"")  # no folder can be made there
    dialogs.expect("getSaveFileName", answer=str(tmp_path / "a file" / "backup.zip"))
    dialog.backup_button.click()
    qtbot.waitUntil(lambda: dialog.backup_status.text().startswith("The backup failed"), timeout=20_000)
    qtbot.waitUntil(lambda: _wholly_in_view(dialog, dialog.backup_status), timeout=5000)


def test_business_hours_and_the_automatic_replies_are_found_from_settings(
    qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    """An owner looks in Settings (Ctrl+,) first: "Your shop" opens the Shop menu's own editors over it."""
    from ui.away_editor import AwayEditor
    from ui.bot_editor import BotEditor
    from ui.business_hours_editor import BusinessHoursEditor
    from ui.greeting_editor import GreetingEditor
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(save_button(dialog).isEnabled, timeout=5000)
    for name, editor in (
        ("open_businessHours", BusinessHoursEditor),
        ("open_greeting", GreetingEditor),
        ("open_away", AwayEditor),
        ("open_menuBot", BotEditor),
    ):
        button = dialog.findChild(QPushButton, name)
        assert button is not None and button.isEnabled() and dialog.shop.isAncestorOf(button)
        seen = dialogs.expect("modal")  # the editor, window-modal over Settings: the test looks at it
        button.click()
        opened = dialog.findChild(editor)
        assert opened is not None
        qtbot.waitUntil(lambda seen=seen: bool(seen.shown), timeout=5000)
        assert opened.isVisible()
        opened.reject()
        qtbot.waitUntil(lambda editor=editor: dialog.findChild(editor) is None, timeout=5000)  # gone
        assert dialog.isVisible()  # Settings stays open behind


def test_back_up_now_keeps_the_keyboards_place_once_the_backup_is_made(
    qtbot: Any, ctx: Any, dialogs: Any, tmp_path: Any
) -> None:
    """Greyed out while the backup was written, the button handed the focus on to "Restore from
    backup…" and never took it back: the owner's next Enter or Space asked for a backup to restore."""
    from PySide6.QtCore import Qt

    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(save_button(dialog).isEnabled, timeout=5000)
    dialog.backup_button.setFocus()
    keyboard = Qt.WidgetAttribute.WA_KeyboardFocusChange
    dialog.setAttribute(keyboard)  # she got there with Tab: the button shows its focus frame
    dialogs.expect("getSaveFileName", answer=str(tmp_path / "shop backup.zip"))
    dialog.backup_button.click()
    qtbot.waitUntil(lambda: dialog.backup_status.text().startswith("Backup saved to"), timeout=20_000)
    assert dialog.focusWidget() is dialog.backup_button
    assert dialog.testAttribute(keyboard)  # and still shows it, so she sees where Enter goes


def test_settings_changed_and_closed_with_esc_ask_before_the_changes_are_dropped(
    qtbot: Any, ctx: Any, dialogs: Any, tmp_path: Any
) -> None:
    """The owner ticks "Back up every day", picks her USB stick's folder and presses Esc, as the
    note said a backup is made "once you save": no question, and no daily backup was ever made."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(save_button(dialog).isEnabled, timeout=5000)
    dialogs.expect("getExistingDirectory", answer=str(tmp_path))
    dialog.auto_backup.click()
    assert dialog.auto_backup.isChecked()

    kept = dialogs.expect("question", answer=QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert kept.texts == ["Save the changes to the settings?"]
    assert dialog.isVisible() and dialog.auto_backup.isChecked()  # still as she left them

    dialogs.expect("question", answer=QMessageBox.StandardButton.Save)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5000)
    with ctx.db.read() as s:
        assert load_preferences(s).backup_folder == str(tmp_path)


def test_settings_looked_at_and_left_with_esc_close_without_a_question(qtbot: Any, ctx: Any) -> None:
    from PySide6.QtCore import Qt

    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(save_button(dialog).isEnabled, timeout=5000)
    dialog.keep_archived.setChecked(True)
    dialog.keep_archived.setChecked(False)  # changed and changed back: nothing to save
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()


def test_every_note_shows_all_its_lines_with_the_kept_inboxes_note(qtbot: Any, ctx: Any) -> None:
    """After a restore, Settings says what the restore kept aside; with that note in, "The country
    writes customers' phone numbers…" lost its last line under the next note (the shop's notes
    were spanning rows of a form, whose wrapped lines took each other's heights)."""
    from app.backup import KeptInboxes
    from ui.ops import pending_ops
    from ui.settings_dialog import SettingsDialog

    (ctx.paths.data_dir / "replaced" / "20261204-235851").mkdir(parents=True)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    # Which note lost a line depends on how wide the dialog opens, which its longest line sets:
    # here the data folder's, as on Windows.
    dialog.data_folder.setText(r"C:\Users\Owner\AppData\Local\Shop Inbox")
    dialog._size_measured((0, KeptInboxes(1, 0)), None)  # measured before the dialog is shown
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(
        lambda: (
            dialog.loaded
            and dialog.prices_loaded
            and pending_ops() == 0
            and dialog.kept_note.isVisible()
            and dialog.data_size.text().startswith("Using")
        ),
        timeout=5000,
    )
    cut_short = [
        label.text()
        for label in dialog.findChildren(QLabel)
        if label.isVisible() and label.wordWrap() and label.height() < label.heightForWidth(label.width())
    ]
    assert cut_short == []


def test_settings_open_with_the_keyboard_in_the_first_field(qtbot: Any, ctx: Any) -> None:
    """The focus was on the scrolling sections themselves, which show no mark of it: the first Tab
    only reached the first field."""
    from PySide6.QtWidgets import QApplication

    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(save_button(dialog).isEnabled, timeout=5000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.relay_url)


def test_esc_while_save_is_under_way_waits_for_it_without_asking(qtbot: Any, ctx: Any) -> None:
    """Save, then Esc at once: Settings asked "Save the changes?" about what it was saving."""
    import sqlite3

    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(save_button(dialog).isEnabled, timeout=5000)
    dialog.keep_archived.setChecked(True)
    blocker = sqlite3.connect(ctx.paths.database, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # a sync chunk holds the database: the save waits its turn
    try:
        save_button(dialog).click()
        dialog.reject()  # Esc: no question declared, asking would fail the test
        assert dialog.isVisible()
    finally:
        blocker.execute("COMMIT")
        blocker.close()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10_000)
    with ctx.db.read() as s:
        assert load_preferences(s).keep_archived


def test_what_the_owner_sets_before_the_stored_preferences_arrive_is_kept_and_esc_asks(
    qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    """The fields open at once (the relay's address and token, the daily backup) are changed before
    the stored preferences are read (slow to read): the late read puts back none of them, and
    leaving asks before dropping them."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from app.settings import Preferences, read_preferences
    from tests.support.slow_preferences import store_slow_preferences
    from ui.settings_dialog import SettingsDialog

    stored = Preferences(relay_url="http://127.0.0.1:11401", backup_folder="/media/minji/USB/가게 백업")
    store_slow_preferences(ctx.db, stored)
    ctx.prefs.update(relay_url=stored.relay_url, backup_folder=stored.backup_folder)  # as the window knows
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.relay_url.selectAll()
    qtbot.keyClicks(dialog.relay_url, "https://relay.myshop.com")
    qtbot.keyClicks(dialog.token, "fresh-token-1234")
    dialog.auto_backup.click()  # no more daily backups to the stick
    assert not dialog.loaded  # all before the stored preferences arrived
    qtbot.waitUntil(lambda: dialog.loaded and save_button(dialog).isEnabled(), timeout=20_000)
    assert dialog.relay_url.text() == "https://relay.myshop.com"
    assert dialog.token.text() == "fresh-token-1234"
    assert not dialog.auto_backup.isChecked() and not dialog.auto_folder.isVisible()

    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Discard)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked.texts == ["Save the changes to the settings?"]
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert read_preferences(ctx.db) == stored  # dropped as she said
