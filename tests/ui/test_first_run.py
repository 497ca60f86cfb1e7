"""First run: the wizard's relay check against a real relay, the live demo, --smoke, menus."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from app.relay_client import CheckOutcome
from tests.support.fake_graph import run_fake_graph
from tests.support.relay_server import CLIENT_TOKEN, run_relay


@pytest.fixture
def relay_url(tmp_path: Path) -> Any:
    with run_relay(tmp_path) as running:
        yield running.url


@pytest.fixture
def relay_with_whatsapp_url(tmp_path: Path) -> Any:
    """A relay whose check reaches (a local fake of) WhatsApp: it says the shop's number."""
    with run_fake_graph() as graph, run_relay(tmp_path, graph_url=graph.url) as running:
        yield running.url


def check(qtbot: Any, url: str, token: str) -> Any:
    from ui.setup_wizard import RelayPage

    page = RelayPage()
    qtbot.addWidget(page)
    page.url.setText(url)
    page.token.setText(token)
    page.check_button.click()
    qtbot.waitUntil(lambda: page.last_result is not None, timeout=15000)
    return page


def test_wizard_accepts_a_reachable_relay_with_the_right_token(qtbot: Any, relay_url: str) -> None:
    page = check(qtbot, relay_url, CLIENT_TOKEN)
    assert page.last_result.outcome is CheckOutcome.OK
    assert page.isComplete()
    assert "Connected" in page.result.text()


def test_enter_goes_on_checks_the_relay_after_pasting_and_goes_on_again(qtbot: Any, relay_url: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from ui.setup_wizard import SetupWizard

    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    with qtbot.waitActive(wizard):
        wizard.activateWindow()
    demo = wizard.demo_button
    demo.setFocus()  # the welcome page's first button has the focus: Enter still goes on, never to the demo
    qtbot.waitUntil(lambda: QApplication.focusWidget() is demo, timeout=3000)
    with qtbot.assertNotEmitted(wizard.demo_requested):
        qtbot.keyClick(demo, Qt.Key.Key_Return)
    page = wizard.relay_page
    assert wizard.currentPage() is page
    page.url.setText(relay_url)
    qtbot.keyClick(page.url, Qt.Key.Key_Return)
    assert (
        QApplication.focusWidget() is page.token and page.last_result is None
    )  # no token yet: on to its field
    page.token.setText(CLIENT_TOKEN)
    qtbot.keyClick(page.token, Qt.Key.Key_Return)
    qtbot.waitUntil(page.isComplete, timeout=15000)
    assert "Connected" in page.result.text()
    qtbot.keyClick(page.token, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.shop_page


def test_back_to_the_first_page_and_on_again_keeps_the_pasted_relay_and_its_check(
    qtbot: Any, relay_url: str
) -> None:
    """An owner who went back to read the first page again found the relay's address and token
    emptied (QWizard clears a page's fields on Back) and had to paste both again."""
    from ui.setup_wizard import SetupWizard

    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    page = wizard.relay_page
    page.url.setText(relay_url)
    page.token.setText(CLIENT_TOKEN)
    page.check_button.click()
    qtbot.waitUntil(page.isComplete, timeout=15000)

    wizard.back()
    assert wizard.currentPage() is not page
    wizard.next()
    assert wizard.currentPage() is page
    assert (page.url.text(), page.token.text()) == (relay_url, CLIENT_TOKEN)
    assert page.isComplete() and "Connected" in page.result.text()
    wizard.next()
    assert wizard.currentPage() is wizard.shop_page


def test_wizard_explains_a_wrong_token(qtbot: Any, relay_url: str) -> None:
    page = check(qtbot, relay_url, "not-the-token")
    assert page.last_result.outcome is CheckOutcome.WRONG_TOKEN
    assert not page.isComplete()
    assert "refused this relay token" in page.result.text()


def test_check_with_no_token_asks_for_it_and_puts_the_cursor_there(qtbot: Any, relay_url: str) -> None:
    """The address pasted, Check pressed before the token: "could not be reached" sent the owner
    looking at the address and the relay, which were fine."""
    from ui.setup_wizard import RelayPage

    page = RelayPage()
    qtbot.addWidget(page)
    page.show()
    page.url.setText(relay_url)
    page.check_button.click()
    assert "Paste the relay token" in page.result.text()
    assert page.last_result is None and not page.isComplete() and page.check_button.isEnabled()
    qtbot.waitUntil(lambda: page.focusWidget() is page.token)


def test_enter_in_an_empty_token_field_asks_for_the_token_and_with_no_address_goes_there(
    qtbot: Any, relay_url: str
) -> None:
    """A keyboard newcomer who presses Enter in the token's field before pasting anything: Enter put
    the cursor where it already was, so nothing happened at all."""
    from PySide6.QtCore import Qt

    from ui.setup_wizard import RelayPage

    page = RelayPage()
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitActive(page):
        page.activateWindow()
    page.token.setFocus()
    qtbot.keyClick(page.token, Qt.Key.Key_Return)  # nothing typed anywhere: the address comes first
    qtbot.waitUntil(lambda: page.focusWidget() is page.url)
    assert page.result.text() == ""

    page.url.setText(relay_url)
    page.token.setFocus()
    qtbot.keyClick(page.token, Qt.Key.Key_Return)
    assert "Paste the relay token" in page.result.text()
    assert page.last_result is None and not page.isComplete() and page.check_button.isEnabled()
    assert page.focusWidget() is page.token


def test_wizard_names_the_relays_address_when_its_webhooks_was_pasted(qtbot: Any, relay_url: str) -> None:
    page = check(qtbot, f"{relay_url}/webhook", CLIENT_TOKEN)
    assert page.last_result.outcome is CheckOutcome.NOT_A_RELAY and not page.isComplete()
    from ui.formatting import plain_text

    assert f"Your relay answers at {relay_url}: use that address." in plain_text(page.result.text())


def test_the_relays_own_address_is_named_in_korean_too(korean: None) -> None:
    from app.relay_client import CheckResult
    from ui.setup_wizard import explain

    said = explain(CheckResult(CheckOutcome.NOT_A_RELAY, relay_at="https://relay.myshop.com"))
    from ui.formatting import plain_text

    assert "릴레이는 https://relay.myshop.com에서 응답해요" in plain_text(said)


def test_wizard_explains_an_unreachable_relay(qtbot: Any) -> None:
    from tests.support.servers import free_port

    page = check(qtbot, f"http://127.0.0.1:{free_port()}", "t")
    assert page.last_result.outcome is CheckOutcome.UNREACHABLE
    assert "could not be reached" in page.result.text()


def test_an_address_typed_without_https_gets_it_and_the_owner_sees_it(qtbot: Any, monkeypatch: Any) -> None:
    """ "relay.minsushoes.kr" got only "could not be reached": the field now shows the https:// that
    was added, and the sentence names the address that was tried."""
    import ui.setup_wizard
    from app.relay_client import CheckResult

    tried: list[str] = []

    def nothing_answers(url: str, _token: str) -> CheckResult:
        tried.append(url)
        return CheckResult(CheckOutcome.UNREACHABLE)

    monkeypatch.setattr(ui.setup_wizard, "check_relay", nothing_answers)
    page = check(qtbot, " relay.minsushoes.kr/ ", "t")
    assert tried == ["https://relay.minsushoes.kr"]
    assert page.url.text() == "https://relay.minsushoes.kr"
    assert "https://relay.minsushoes.kr could not be reached" in page.result.text()


def test_a_relay_typed_without_its_scheme_connects(qtbot: Any, relay_url: str) -> None:
    bare = relay_url.split("://", 1)[1]  # this computer's relay: http:// is added, as the token stays here
    page = check(qtbot, bare, CLIENT_TOKEN)
    assert page.last_result.outcome is CheckOutcome.OK
    assert page.url.text() == relay_url.rstrip("/")


def test_how_to_set_up_a_relay_opens_a_page_in_the_owners_language_inside_the_app(
    korean: None, qtbot: Any
) -> None:
    """The link handed docs/relay.md (English, for a server's admin) to whatever opens .md files,
    which on many computers is nothing at all: it opens a page in the app, the full guide on request."""
    from PySide6.QtWidgets import QLabel

    from ui.setup_wizard import RelayPage

    page = RelayPage()
    qtbot.addWidget(page)
    page.show()
    link = page.findChild(QLabel, "relayHelpLink")
    assert link is not None and "릴레이는 어떻게 설정하나요?" in link.text()
    link.linkActivated.emit("#relay-help")
    help_page = page._help
    assert help_page is not None
    qtbot.waitUntil(help_page.isVisible)
    shown = "\n".join(label.text() for label in help_page.findChildren(QLabel))
    assert "https://" in shown and "토큰" in shown and "docker compose up -d" in shown
    help_page.full_guide_button.click()
    assert help_page.guide.isVisible()
    assert "Running your relay" in help_page.guide.toPlainText()


def test_wizard_warns_about_plain_http_to_a_remote_host(qtbot: Any) -> None:
    page = check(qtbot, "http://203.0.113.9", "t")
    assert page.last_result.outcome is CheckOutcome.INSECURE_REMOTE
    assert "https://" in page.result.text()


def test_smoke_exits_zero(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "ui.main", "--smoke", "--data-dir", str(tmp_path / "portable")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "smoke: ok" in result.stdout
    assert (tmp_path / "portable" / "inbox.db").exists()


def test_the_demo_keeps_its_log_file_where_help_about_says(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "ui.main", "--demo", "--smoke", "--data-dir", str(tmp_path / "demo")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    log_file = tmp_path / "demo" / "desktop" / "logs" / "shop-inbox.log"
    assert "relay started" in log_file.read_text(encoding="utf-8")


def test_demo_starts_and_the_first_simulated_customer_arrives(qtbot: Any, tmp_path: Path) -> None:
    from app.demo_seed import demo_customers
    from relay.sandbox import cast
    from ui.demo import start_demo
    from ui.main_window import MainWindow
    from ui.menus import install_menus
    from ui.ops import pending_ops

    ctx = start_demo("en", folder=tmp_path / "demo", speed=20)
    window = MainWindow(ctx)
    install_menus(window, ctx)

    def finish(w: Any) -> None:
        qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
        w.shutdown()
        assert ctx.stop_demo is not None
        ctx.stop_demo()

    qtbot.addWidget(window, before_close_func=finish)
    window.show()
    assert "demo" in window.windowTitle().lower()
    model = window.chat_list.model
    # The English demo is the Brighton shop: its British and American customers, not the Seoul shop's.
    past = demo_customers("en")
    qtbot.waitUntil(lambda: model.rowCount() >= len(past), timeout=5000)
    names = {str(model.index(r, 0).data()) for r in range(model.rowCount())}
    assert {c.name for c in past} <= names  # weeks of past chats are there at once
    assert "김민지" not in names
    window.start_sync()
    simulated = {c.name for c in cast("en")} - {c.name for c in cast("ko")}  # the Brighton shop's own

    def a_simulated_customer_is_listed() -> bool:
        return any(str(model.index(r, 0).data()) in simulated for r in range(model.rowCount()))

    qtbot.waitUntil(a_simulated_customer_is_listed, timeout=20000)
    # Nothing of the demo lives outside its own folder.
    assert ctx.paths.data_dir.is_relative_to(tmp_path)


def test_the_wizard_offers_to_import_phone_chats(qtbot: Any, ctx: Any) -> None:
    from PySide6.QtWidgets import QPushButton

    from ui.setup_wizard import SetupWizard

    wizard = SetupWizard(ctx=ctx)
    qtbot.addWidget(wizard)
    # On the first page: the relay page after it needs a relay before it lets the owner go on.
    first = wizard.page(wizard.startId())
    buttons = [b.text() for b in first.findChildren(QPushButton)]
    assert any("Import chats" in text for text in buttons)


def test_the_folder_an_export_was_picked_from_in_the_wizard_is_where_the_inbox_looks_next(
    qtbot: Any, ctx: Any, dialogs: Any, tmp_path: Path
) -> None:
    """The welcome's import started in the folder she picked, but File ▸ Import chat from phone…
    started again in her home folder: the wizard's pick was never written down."""
    from tests.support.chat_exports import write_txt
    from ui.main_window import MainWindow
    from ui.save_paths import Picked, open_folder
    from ui.setup_wizard import SetupWizard

    exports = tmp_path / "휴대폰에서 받은 파일"
    exports.mkdir()
    export = write_txt(
        exports / "WhatsApp Chat with 박서연.txt", "2025. 3. 4. 오후 2:05 - 박서연: 블라우스 문의드려요\n"
    )
    wizard = SetupWizard(ctx=ctx)
    qtbot.addWidget(wizard)
    dialogs.expect("getOpenFileName", answer=str(export))
    dialogs.expect("modal")  # the preview, over the wizard
    dialog = wizard.import_chats()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.scan is not None, timeout=10000)
    dialog.reject()  # she looked, and imports it later from the inbox
    window = MainWindow(ctx)
    qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
    assert open_folder(Picked.CHAT_EXPORT) == str(exports)


@contextmanager
def the_app_as_it_was(app: Any) -> Iterator[None]:
    """open_inbox installs the start's translators and language: later tests get the app as it was."""
    from PySide6.QtCore import QLocale, QTranslator

    from ui.translations import installed_language

    translators, language, locale = set(app.findChildren(QTranslator)), installed_language(app), QLocale()
    try:
        yield
    finally:
        for added in set(app.findChildren(QTranslator)) - translators:
            app.removeTranslator(added)
        app.setProperty("shopInboxLanguage", language)
        QLocale.setDefault(locale)


def test_set_up_later_is_remembered_and_the_next_start_opens_the_inbox(
    qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    import argparse

    from PySide6.QtWidgets import QApplication, QWizard

    from app.paths import paths_for
    from app.settings import read_preferences
    from ui.application import open_inbox

    def set_up_later(wizard: QWizard) -> None:
        assert wizard.buttonText(QWizard.WizardButton.CancelButton) == "Set up &later"
        wizard.button(QWizard.WizardButton.CancelButton).click()

    # Declared once: a second wizard at the next start is an unexpected dialog, and fails the test.
    wizard = dialogs.expect("modal", answer=set_up_later)
    paths = paths_for(tmp_path / "data").ensure()
    args = argparse.Namespace(smoke=False, lang="en")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    with the_app_as_it_was(app):
        first = open_inbox(app, args, paths)
        assert first is not None  # None: the demo chosen in the wizard
        assert [shown.title for shown in wizard.shown] == ["Set up Shop Inbox"]
        assert read_preferences(first.db).setup_done and first.prefs["setup_done"]
        first.db.close()

        second = open_inbox(app, args, paths)
        assert second is not None  # None: the demo chosen in the wizard
        assert not second.prefs["relay_url"]
        second.db.close()


def test_the_wizard_connects_the_relay_and_opens_the_inbox_at_sign_in_as_ticked(
    qtbot: Any, tmp_path: Path, relay_with_whatsapp_url: str, dialogs: Any, monkeypatch: Any
) -> None:
    """…and keeps the shop's number WhatsApp gave the relay's check, for Shop ▸ Share link. An owner
    who reinstalls finds an entry the old install left in the start-up list: ticked, it is this
    program's; unticked, it is gone, and Settings shows it unticked."""
    import argparse

    from PySide6.QtWidgets import QApplication, QWizard

    from app.paths import paths_for
    from app.settings import read_preferences
    from app.share_link import read_share_phone
    from app.sign_in import SignInStart
    from ui.application import open_inbox
    from ui.settings_dialog import SettingsDialog
    from ui.token_store import load_token

    relay_url = relay_with_whatsapp_url
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    entry = tmp_path / "config" / "autostart" / "shop-inbox.desktop"

    def connect(wizard: Any, *, keep_ticked: bool) -> None:
        wizard.next()  # past the welcome
        page = wizard.relay_page
        page.url.setText(relay_url)
        page.token.setText(CLIENT_TOKEN)
        page.check_button.click()
        qtbot.waitUntil(page.isComplete, timeout=15000)
        qtbot.waitUntil(lambda: page.business_number != "", timeout=30000)
        wizard.next()
        assert wizard.shop_page.open_at_sign_in.isChecked()  # offered, ticked, in plain sight
        wizard.shop_page.open_at_sign_in.setChecked(keep_ticked)
        wizard.button(QWizard.WizardButton.FinishButton).click()

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    args = argparse.Namespace(smoke=False, lang="en")
    SignInStart.for_this_user().turn_on(["/opt/old-install/ShopInbox"])  # the old install's
    with the_app_as_it_was(app):
        dialogs.expect("modal", answer=lambda w: connect(w, keep_ticked=True))
        paths = paths_for(tmp_path / "data").ensure()
        ctx = open_inbox(app, args, paths)
        assert ctx is not None  # None: the demo chosen in the wizard
        prefs = read_preferences(ctx.db)
        assert prefs.relay_url == relay_url and load_token(ctx, relay_url) == CLIENT_TOKEN
        assert read_share_phone(ctx.db, "DE") == "+82 10-5555-0100"  # as it is named abroad
        # This inbox opens when the owner signs in: the program that runs now, on its own folder.
        exec_line = next(line for line in entry.read_text().splitlines() if line.startswith("Exec="))
        assert exec_line == f"Exec={sys.executable} -m ui.main --data-dir {paths.data_dir}"
        ctx.db.close()

        # Installed again on a fresh folder, the entry of the first still there: unticked, it goes.
        dialogs.expect("modal", answer=lambda w: connect(w, keep_ticked=False))
        other = open_inbox(app, args, paths_for(tmp_path / "other").ensure())
        assert other is not None  # None: the demo chosen in the wizard
        assert read_preferences(other.db).relay_url == relay_url
        assert not entry.exists()
        settings = SettingsDialog(other)
        qtbot.addWidget(settings)
        assert not settings.open_at_sign_in.isChecked()  # as the wizard was answered
        settings.close()
        other.db.close()


def test_the_wizard_names_the_countries_in_the_owners_language(qtbot: Any) -> None:
    from PySide6.QtCore import QLocale

    from ui.setup_wizard import ShopPage

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
    try:
        page = ShopPage()
        qtbot.addWidget(page)
        names = {page.country.itemData(i): page.country.itemText(i) for i in range(page.country.count())}
    finally:
        QLocale.setDefault(before)
    assert names["KR"] == "대한민국" and names["US"] == "미국"
    english = ShopPage()
    qtbot.addWidget(english)
    assert english.country.itemText(english.country.findData("KR")) == "South Korea"


def test_after_importing_the_wizard_says_what_came_in_and_what_to_do_next(
    qtbot: Any, ctx: Any, tmp_path: Path, dialogs: Any, english: None
) -> None:
    """The owner imports two chats (and one of them again) on the first page, with no relay yet:
    the page counts what came in and says where to go from here."""
    from datetime import datetime

    from PySide6.QtCore import Qt

    from tests.support.chat_exports import JPEG, LAYOUTS, render, shop_chat, write_zip
    from ui.setup_wizard import SetupWizard

    layout = LAYOUTS["android-ko"]

    def export(customer: str, day: int) -> Path:
        lines = shop_chat(layout, customer, "서울 리넨", datetime(2024, 1, day, 15, 41), photo="IMG-1.jpg")
        name = f"WhatsApp Chat with {customer}"
        return write_zip(tmp_path / f"{name}.zip", f"{name}.txt", render(layout, lines), {"IMG-1.jpg": JPEG})

    previews = dialogs.expect("modal", times=3)  # open(): modal over the wizard; the test goes on
    wizard = SetupWizard(ctx=ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.imported_note.isHidden() and not wizard.later_note.isHidden()

    def import_one(path: Path, *, again: bool = False) -> None:
        dialog = wizard.import_chats(path)
        assert dialog is not None
        qtbot.waitUntil(lambda: dialog.scan is not None, timeout=10000)
        if again:  # the chat's 김민지 is known by name only: the owner says it is the same one
            dialog.contact_combo.setCurrentIndex(1)
        dialog.zone_combo.setCurrentText("Asia/Seoul")
        with qtbot.waitSignal(dialog.imported, timeout=10000):
            qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        dialog.accept()

    minji = export("김민지", 5)
    import_one(minji)
    assert wizard.imported_note.isVisible() and wizard.later_note.isHidden()
    text = wizard.imported_text.text()
    assert text.startswith("Imported from your phone: 1 chat, 7 messages.")
    assert "press Next to connect your relay" in text and "“Set up later”" in text
    assert "Help ▸ Try the demo shop" in text
    assert wizard.import_button is not None and wizard.import_button.text() == "&Import another chat…"

    import_one(export("박서준", 6))
    assert wizard.imported_text.text().startswith("Imported from your phone: 2 chats, 14 messages.")
    import_one(minji, again=True)  # the same export again: nothing new
    assert wizard.imported_text.text().startswith("Imported from your phone: 2 chats, 14 messages.")
    assert [shown.widget for shown in previews.shown] == ["ImportDialog"] * 3


def test_a_wizard_whose_token_was_not_kept_stays_open_and_set_up_later_keeps_the_relay_and_the_shop(
    qtbot: Any, tmp_path: Path, relay_url: str, dialogs: Any
) -> None:
    """No password store, and the owner would rather not keep the token in a file: the wizard stays
    open saying so, the token as typed; "Set up later" then opens the inbox with the address, the
    country and the currency kept (not the wizard again at next start)."""
    import argparse

    import keyring
    from keyrings.alt.file import PlaintextKeyring
    from PySide6.QtWidgets import QApplication, QMessageBox, QWizard

    from app.paths import paths_for
    from app.settings import read_preferences
    from ui.application import open_inbox
    from ui.token_store import load_token

    def connect(wizard: Any) -> None:
        wizard.next()
        page = wizard.relay_page
        page.url.setText(relay_url)
        page.token.setText(CLIENT_TOKEN)
        page.check_button.click()
        qtbot.waitUntil(page.isComplete, timeout=15000)
        wizard.next()
        wizard.shop_page.open_at_sign_in.setChecked(False)
        wizard.shop_page.place.choose("DE", "EUR")
        wizard.button(QWizard.WizardButton.FinishButton).click()
        note = wizard.shop_page.not_kept
        qtbot.waitUntil(lambda: "The relay token was not saved. Press Finish to try again" in note.text())
        assert wizard.isVisible() and wizard.token == CLIENT_TOKEN
        # Not offered beside Finish on this last page until Finish could not keep the token.
        later = wizard.button(QWizard.WizardButton.CancelButton)
        assert later.isVisible() and later.text() == "Set up &later"
        later.click()

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = keyring.get_keyring()
    plain = PlaintextKeyring()  # what a source install on Linux picks with no Secret Service
    plain.file_path = str(tmp_path / "keyrings-alt" / "keyring_pass.cfg")
    keyring.set_keyring(plain)
    try:
        with the_app_as_it_was(app):
            dialogs.expect("modal", answer=connect)
            asked = dialogs.expect("question", answer=QMessageBox.StandardButton.No)
            ctx = open_inbox(
                app, argparse.Namespace(smoke=False, lang="en"), paths_for(tmp_path / "d").ensure()
            )
            assert ctx is not None  # None: the demo chosen in the wizard
            assert asked.shown and "settings file" in asked.shown[0].text
            prefs = read_preferences(ctx.db)
            assert prefs.relay_url == relay_url and prefs.setup_done  # Settings shows it; no wizard again
            assert (prefs.shop_region, prefs.currency) == ("DE", "EUR")
            assert load_token(ctx, relay_url) is None  # the token, as she said, is nowhere
            ctx.db.close()
    finally:
        keyring.set_keyring(before)


def _old_laptops_backup(tmp_path: Path, language: str = "system") -> Path:
    """The old laptop's backup: one regular's chat, the shop's relay, and its language."""
    from app.backup import create_backup
    from app.db import Database
    from app.paths import paths_for
    from app.settings import load_preferences, save_preferences
    from tests.support.factories import make_contact, make_message

    old = paths_for(tmp_path / "old-laptop").ensure()
    db = Database.open(old.database)
    with db.write() as s:
        prefs = load_preferences(s).replace(relay_url="https://relay.myshop.example", language=language)
        save_preferences(s, prefs)
        make_message(s, make_contact(s, profile_name="단골 손님"), "지난주 주문 잘 받았어요")
    db.close()
    return create_backup(old, tmp_path / "old-laptop.zip").path


def _pressing(key: Any) -> Any:
    """A question answered from the keyboard alone, as a hurried owner does: `key` pressed on it."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox

    def answer(_shown: Any) -> Any:
        [box] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        QTest.keyClick(box, key)
        return box.standardButton(box.clickedButton())

    return answer


@contextmanager
def _first_start_restoring(
    dialogs: Any,
    tmp_path: Path,
    backup: Path,
    question: Any,
    lang: str | None = "en",
    sign_in: Any = None,
) -> Iterator[tuple[Any, Any]]:
    """A new laptop's first start, whose wizard restores `backup` (the restore's question answered
    with `question`, the sign-in question after it with `sign_in`, else with Enter): the inbox it
    opens on, and the wizard as the dialogs saw it. `lang`: the start's --lang (None: none given)."""
    import argparse

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from app.paths import paths_for
    from ui.application import open_inbox

    def restore_the_old_laptops_backup(wizard: Any) -> None:
        assert wizard.restore_button.isVisible()
        dialogs.expect("getOpenFileName", answer=str(backup))
        dialogs.expect("question", answer=question)
        dialogs.expect("question", answer=sign_in or _pressing(Qt.Key.Key_Return))
        wizard.restore_button.click()

    # Declared once: the wizard again after the restore would be an unexpected dialog.
    wizard = dialogs.expect("modal", answer=restore_the_old_laptops_backup)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    with the_app_as_it_was(app):
        ctx = open_inbox(app, argparse.Namespace(smoke=False, lang=lang), paths_for(tmp_path / "new-laptop"))
        assert ctx is not None  # None: the demo chosen in the wizard
        try:
            yield ctx, wizard
        finally:
            ctx.db.close()


def test_on_a_new_computer_the_wizard_restores_the_old_ones_backup_and_the_inbox_opens_on_it(
    qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    """A new laptop's first start offered a relay, the demo and phone exports, not the backup of
    the old laptop: the owner had to skip the setup and find File ▸ Restore."""
    from PySide6.QtWidgets import QMessageBox

    from app.queries import conversations_page

    questions: list[str] = []

    def yes(shown: Any) -> QMessageBox.StandardButton:
        questions.append(shown.text)
        return QMessageBox.StandardButton.Yes

    with _first_start_restoring(dialogs, tmp_path, _old_laptops_backup(tmp_path), yes) as (ctx, wizard):
        assert [shown.title for shown in wizard.shown] == ["Set up Shop Inbox"]
        assert "old-laptop.zip" in questions[0] and "opens on them" in questions[0]
        assert "starts again" not in questions[0]  # an empty inbox, nothing to start again
        assert ctx.prefs["relay_url"] == "https://relay.myshop.example"
        with ctx.db.read() as s:
            assert [row.display_name for row in conversations_page(s)] == ["단골 손님"]


@pytest.mark.parametrize(
    ("lang", "question", "words", "keep_on"),
    [
        (
            "ko",
            "이\u00a0컴퓨터에 로그인하면 샵\u00a0인박스를 자동으로 열까요?",
            "[로그인하면 열기(&O) | 열지 않기(&D)]",
            True,
        ),
        (
            "en",
            "Open Shop Inbox by itself when you sign in to this computer?",
            "[&Open at sign-in | &Don't open]",
            False,
        ),
    ],
)
def test_a_restore_on_the_first_start_asks_whether_to_open_at_sign_in_as_the_wizard_does(
    qtbot: Any, tmp_path: Path, dialogs: Any, lang: str, question: str, words: str, keep_on: bool
) -> None:
    """The restore skipped the wizard's last page, which asks it: the new laptop did not open Shop
    Inbox at sign-in until Settings said so. Asked after the restore's question, in one of its own
    whose default is the backup's answer (on: a shop's inbox), so a hurried Enter keeps it (Korean
    here) and only a click turns it off (English); the answer is the computer's start-up list (an
    old install's entry there goes if off). The restore's own question still defaults to Cancel."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from app.sign_in import SignInStart, start_command
    from ui.settings_dialog import SettingsDialog

    backup = _old_laptops_backup(tmp_path)
    sign_in = SignInStart.for_this_user()
    sign_in.turn_on(["/opt/old-install/ShopInbox"])  # an earlier install's entry
    asked: list[tuple[str, str]] = []

    def restore(shown: Any) -> QMessageBox.StandardButton:
        asked.append((shown.text.splitlines()[0], shown.widget))
        return QMessageBox.StandardButton.Yes

    def answer(shown: Any) -> QMessageBox.StandardButton:
        asked.append((shown.text, shown.widget))
        if keep_on:
            return _pressing(Qt.Key.Key_Return)(shown)  # type: ignore[no-any-return]
        return QMessageBox.StandardButton.No

    with _first_start_restoring(dialogs, tmp_path, backup, restore, lang, answer) as (ctx, _wizard):
        assert asked[0][1].endswith(("default 취소(&C)", "default &Cancel"))  # Enter never replaces all
        assert asked[1] == (question, f"QMessageBox {words} default {words[1:].split(' | ')[0]}")
        # This program, on this inbox's folder, as the wizard's Finish writes it; or nothing.
        assert sign_in.is_on() == keep_on
        assert sign_in.opens(start_command(ctx.paths.data_dir)) == keep_on
        settings = SettingsDialog(ctx)
        qtbot.addWidget(settings)
        assert settings.open_at_sign_in.isChecked() == keep_on  # and Settings says the same
        settings.close()


def test_a_korean_shops_backup_restored_on_an_english_laptop_opens_in_korean_at_once(
    qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    """The wizard spoke the laptop's English; the restored shop's Korean came only at the second
    start, and nothing said so. No window of the start is open yet once the wizard closes, so the
    inbox opens in the backup's language from its first window on."""
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.translations import installed_language

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    backup = _old_laptops_backup(tmp_path, language="ko")
    with _first_start_restoring(dialogs, tmp_path, backup, QMessageBox.StandardButton.Yes, lang=None) as (
        ctx,
        wizard,
    ):
        assert wizard.shown[0].title == "Set up Shop Inbox"  # the laptop's English until then
        assert ctx.prefs["language"] == "ko"
        assert installed_language(app) == "ko"
        assert QCoreApplication.translate("Menus", "&Restore from backup…") == "백업에서 복원(&R)…"
        assert QLocale().language() == QLocale.Language.Korean
        # Korean's two (Qt's own and ours), the English one taken out, not left asked under them.
        assert (
            len([t for t in app.findChildren(QTranslator) if t.objectName() == "shopInboxLanguageTranslator"])
            == 2
        )


def test_a_demo_relay_leaves_open_at_sign_in_unticked_and_a_real_one_ticks_it(
    qtbot: Any, tmp_path: Path, relay_with_whatsapp_url: str
) -> None:
    """A developer trying Shop Inbox against `shop-inbox-relay serve --upstream sandbox` (README,
    "Try it without Meta") found it in the computer's start-up list, opening a throwaway --data-dir
    at every sign-in: the wizard ticked it whatever the relay. A demo relay's check leaves it
    unticked; a real relay's ticks it; a choice the owner made stays."""
    from ui.setup_wizard import SetupWizard

    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()  # past the welcome
    page, tick = wizard.relay_page, wizard.shop_page.open_at_sign_in

    def connect(url: str) -> None:
        page.url.setText(url)
        page.token.setText(CLIENT_TOKEN)
        with qtbot.waitSignal(page.report.finished, timeout=30000):
            page.check_button.click()
        assert page.isComplete()

    (tmp_path / "sandbox").mkdir()
    with run_relay(tmp_path / "sandbox", upstream="sandbox") as sandbox:
        connect(sandbox.url)
        wizard.next()
        assert wizard.currentPage() is wizard.shop_page
        assert not tick.isChecked()  # a demo relay: nothing added to the start-up list
        wizard.back()
    connect(relay_with_whatsapp_url)
    wizard.next()
    assert tick.isChecked()  # a shop's relay: the inbox opens at sign-in, as before
    tick.click()  # the owner's own choice
    assert not tick.isChecked()
    wizard.back()
    connect(relay_with_whatsapp_url + "/")
    wizard.next()
    assert not tick.isChecked()  # kept
