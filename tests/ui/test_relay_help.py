"""The relay help page is reachable after "Set up later": from Help and from Settings' relay section."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLabel

from ui.menus import install_menus


def shown_text(dialog: Any) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_help_menu_opens_how_to_set_up_a_relay_in_the_owners_language(
    korean: None, qtbot: Any, window: Any, ctx: Any
) -> None:
    """The wizard's link was the only way to it: once the owner chose "Set up later", it was gone."""
    from ui.relay_help import RelayHelpDialog

    install_menus(window, ctx)
    help_menu = window.menuBar().actions()[-1].menu()
    from ui.shortcuts_dialog import plain  # the text without its Alt letter, "(&R)"

    entry = next(a for a in help_menu.actions() if plain(a.text()) == "릴레이는 어떻게 설정하나요?")
    entry.trigger()
    page = next(w for w in window.findChildren(RelayHelpDialog))
    qtbot.waitUntil(page.isVisible)
    text = shown_text(page)
    assert "토큰" in text and "docker compose up -d" in text
    # Not the wizard's page: no "go back to the first page of this wizard" from the inbox.
    assert QCoreApplication.translate("RelayHelpDialog", "Just looking") not in text


def test_the_full_guides_button_says_english_only_in_a_window_that_reads_another_language(
    qtbot: Any, english: None
) -> None:
    """An English window's button read "Full guide for the server (English)": news only to an owner
    who reads the app in another language."""
    from ui.relay_help import RelayHelpDialog
    from ui.shortcuts_dialog import plain

    page = RelayHelpDialog(None, in_wizard=True)
    qtbot.addWidget(page)
    assert plain(page.full_guide_button.text()) == "Full guide for the server"


def test_the_full_guides_button_says_the_guide_is_in_english_in_korean(qtbot: Any, korean: None) -> None:
    from ui.relay_help import RelayHelpDialog

    page = RelayHelpDialog(None, in_wizard=True)
    qtbot.addWidget(page)
    assert "영어로 된" in page.full_guide_button.text()


def test_enter_closes_the_relay_help_page_rather_than_opening_the_long_guide(qtbot: Any) -> None:
    """Tabbing over the page's buttons and then pressing Enter opened the server's long guide instead
    of closing: the guide's button took the default as the keyboard passed it."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox

    from ui.relay_help import RelayHelpDialog

    page = RelayHelpDialog(None)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.full_guide_button.setFocus()  # where Tab takes the keyboard from Close
    qtbot.waitUntil(page.full_guide_button.hasFocus)
    with qtbot.waitSignal(page.rejected):
        qtbot.keyClick(page.full_guide_button, Qt.Key.Key_Return)
    assert not page.isVisible() and page.guide.isHidden()
    buttons = page.findChild(QDialogButtonBox)
    assert buttons is not None and buttons.button(QDialogButtonBox.StandardButton.Close).isDefault()
    assert page.full_guide_button.isEnabled()  # there to open with a click or Space


def test_settings_relay_section_links_to_how_to_set_up_a_relay(korean: None, qtbot: Any, ctx: Any) -> None:
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    link = dialog.findChild(QLabel, "relayHelpLink")
    assert link is not None and link.isVisible() and "릴레이는 어떻게 설정하나요?" in link.text()
    link.linkActivated.emit("#relay-help")
    page = dialog.show_relay_help()  # the same page again, not a second one
    qtbot.waitUntil(page.isVisible)
    assert dialog.findChildren(type(page)) == [page]
    assert "https://" in shown_text(page) and "docker compose up -d" in shown_text(page)


def test_the_wizards_relay_guide_is_one_tab_after_check_connection_and_enter_opens_it(qtbot: Any) -> None:
    """At the keyboard, Tab went from Check connection past the guide's link (or stopped twice on
    it, Enter then pressing Next): the guide was for the mouse only."""
    from PySide6.QtCore import Qt

    from ui.setup_wizard import SetupWizard

    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    wizard.next()
    page = wizard.relay_page
    page.check_button.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(page.check_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.guide
    qtbot.keyClick(page.guide, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page._help is not None and page._help.isVisible())
    assert wizard.currentPage() is page  # not Next
    shown = page._help
    assert shown is not None
    shown.close()


def test_the_guide_clicked_leaves_the_keyboard_in_the_field_and_enter_then_goes_on(
    qtbot: Any, tmp_path: Any
) -> None:
    """Clicked with the mouse, the link kept the keyboard: the help closed, Enter opened it again
    instead of going on from a relay whose check had passed."""
    from PySide6.QtCore import QPoint, Qt

    from tests.support.relay_server import CLIENT_TOKEN, run_relay
    from ui.setup_wizard import SetupWizard

    with run_relay(tmp_path) as relay:
        wizard = SetupWizard()
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.activateWindow()
        qtbot.waitUntil(wizard.isActiveWindow)
        wizard.next()
        page = wizard.relay_page
        page.url.setText(relay.url)
        page.token.setText(CLIENT_TOKEN)
        page.token.setFocus(Qt.FocusReason.OtherFocusReason)
        qtbot.keyClick(page.token, Qt.Key.Key_Return)
        qtbot.waitUntil(page.isComplete, timeout=15000)

        qtbot.mouseClick(page.guide, Qt.MouseButton.LeftButton, pos=QPoint(5, page.guide.height() // 2))
        qtbot.waitUntil(lambda: page._help is not None and page._help.isVisible())
        shown = page._help
        assert shown is not None
        shown.close()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is page.token)
        qtbot.keyClick(page.token, Qt.Key.Key_Return)
        assert wizard.currentPage() is wizard.shop_page


def test_settings_relay_guide_is_one_tab_after_check_connection_and_enter_opens_it(
    qtbot: Any, ctx: Any
) -> None:
    """Settings ▸ Relay's "How do I set up a relay?" was for the mouse only: Tab went past it."""
    from PySide6.QtCore import Qt

    from ui.relay_help import RelayHelpDialog
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    button = dialog.relay_check.button
    assert button is not None
    button.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.relay_help_link
    qtbot.keyClick(dialog.relay_help_link, Qt.Key.Key_Return)
    page = dialog.findChild(RelayHelpDialog)
    assert page is not None
    qtbot.waitUntil(page.isVisible)
    assert dialog.isVisible()  # Enter opened the guide, not Save
    page.close()
