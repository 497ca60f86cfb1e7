"""A first start cut short mid-setup (a crash, the laptop switched off): the next start's wizard has
the relay address of the last check; a wizard that ended keeps none of it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.support.relay_server import RunningRelay


def checked_on(qtbot: Any, ctx: Any, url: str, token: str) -> Any:
    """A wizard whose relay page checked `url` (the check answered), left open as a crash leaves it."""
    from ui.setup_wizard import SetupWizard

    wizard = SetupWizard(ctx=ctx)
    qtbot.addWidget(wizard)
    wizard.next()
    page = wizard.relay_page
    page.url.setText(url)
    page.token.setText(token)
    page.check_button.click()
    qtbot.waitUntil(lambda: page.last_result is not None, timeout=15000)
    return wizard


def test_after_a_crash_mid_setup_the_wizard_opens_with_the_relay_address_last_checked(
    qtbot: Any, ctx: Any, relay: RunningRelay
) -> None:
    """She had typed the address and checked it (the relay token refused), then the laptop's
    battery died: the next start asked for the address from the beginning."""
    from ui.setup_wizard import SetupWizard

    checked_on(qtbot, ctx, relay.url, "not-the-token")  # never closed: the process is gone

    again = SetupWizard(ctx=ctx)
    qtbot.addWidget(again)
    assert again.relay_page.url.text() == relay.url
    assert again.relay_page.token.text() == ""  # the relay token is kept only once Finish keeps it
    assert not again.relay_page.isComplete()  # checked again with the token, as before
    again.show()
    again.activateWindow()
    qtbot.waitUntil(again.isActiveWindow)
    again.next()
    qtbot.waitUntil(again.relay_page.token.hasFocus)  # the keyboard where she goes on


def test_a_wizard_left_on_purpose_keeps_no_address_for_the_next_start(
    qtbot: Any, ctx: Any, relay: RunningRelay, dialogs: Any
) -> None:
    """“Leave setup” said the address is not kept: the next start does not bring it back."""
    from ui.setup_wizard import SetupWizard

    wizard = checked_on(qtbot, ctx, relay.url, "not-the-token")
    wizard.show()
    asked = dialogs.expect("modal", answer=lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.keyClick(wizard.relay_page.url, Qt.Key.Key_Escape)
    assert asked.shown and not wizard.isVisible()

    again = SetupWizard(ctx=ctx)
    qtbot.addWidget(again)
    assert again.relay_page.url.text() == ""
