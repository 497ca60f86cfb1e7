"""A relay token pasted with the terminal lines around it: the token's line is kept (the field shows dots)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.support.relay_server import RunningRelay

NOTE = (
    "Note: a relay started with an env file that sets RELAY_CLIENT_TOKEN (as setup writes it) accepts that "
    "token instead: `shop-inbox-relay token --env-file FILE` prints it."
)


def terminal(token: str) -> str:
    """What a mouse drag over `shop-inbox-relay token`'s answer copies, prompt lines and all."""
    return f"emma@shop:~/relay$ shop-inbox-relay token\n{NOTE}\n{token}\nemma@shop:~/relay$ \n"


def checked_after_pasting(qtbot: Any, relay: RunningRelay, pasted: str) -> Any:
    """The wizard's relay page, the relay's address typed and `pasted` pasted as its token, checked:
    the field holds the relay's token alone, and the relay took it."""
    from PySide6.QtWidgets import QApplication

    from app.relay_client import CheckOutcome
    from ui.setup_wizard import RelayPage

    page = RelayPage()
    qtbot.addWidget(page)
    page.url.setText(relay.url)
    QApplication.clipboard().setText(pasted)
    page.token.paste()
    assert page.token.text() == relay.token
    page.check_button.click()
    qtbot.waitUntil(lambda: page.last_result is not None, timeout=15000)
    result = page.last_result
    assert result is not None and result.outcome is CheckOutcome.OK, page.result.text()
    return page


def test_the_wizard_connects_with_a_token_pasted_with_the_lines_around_it(
    qtbot: Any, relay: RunningRelay
) -> None:
    """Copied with the note the command prints above it, the token looked pasted (dots) and the relay
    "refused this relay token"."""
    checked_after_pasting(qtbot, relay, terminal(relay.token))


# Copied from a chat app, a web page or a PDF, a token came with characters nobody sees.
INVISIBLE_AROUND = [
    ("\u200b", "\ufeff"),  # zero-width space, byte-order mark
    ("\u00a0", "\u2060"),  # no-break space, word joiner
    ("\ufeff\u200e", "\u3000"),  # byte-order mark and left-to-right mark, ideographic space
]


@pytest.mark.parametrize(("before", "after"), INVISIBLE_AROUND)
def test_the_wizard_connects_with_a_token_pasted_with_invisible_characters(
    qtbot: Any, relay: RunningRelay, before: str, after: str
) -> None:
    """The field showed dots for them too, and the relay "refused this relay token" she had
    copied exactly."""
    middle = len(relay.token) // 2
    pasted = f"{before}{relay.token[:middle]}\u200b{relay.token[middle:]}{after}"
    assert "Connected" in checked_after_pasting(qtbot, relay, pasted).result.text()


def with_invisible_characters(token: str) -> str:
    return f"\u2060{token}\u00a0\u200b"


def in_full_width_letters(token: str) -> str:
    from tests.app.test_relay_token_text import full_width

    return full_width(token)  # a Korean IME left in full-width mode: "ｔｏｋｅｎ"


@pytest.mark.parametrize("as_pasted", [with_invisible_characters, in_full_width_letters])
def test_settings_saves_a_pasted_token_as_the_relay_gave_it(
    window: Any, qtbot: Any, dialogs: Any, relay: RunningRelay, as_pasted: Callable[[str], str]
) -> None:
    from PySide6.QtWidgets import QApplication

    from app import tokens
    from app.settings import load_preferences, save_preferences
    from tests.support.stand_in_keyring import StandInKeyring
    from ui.settings_action import open_settings

    with window.ctx.db.write() as s:
        save_preferences(s, load_preferences(s).replace(relay_url=relay.url))
    window.ctx.prefs["relay_url"] = relay.url
    dialogs.expect("modal")
    dialog = open_settings(window, window.ctx)
    qtbot.waitUntil(lambda: dialog.token.isEnabled() and dialog.save_button.isEnabled(), timeout=5000)
    QApplication.clipboard().setText(as_pasted(relay.token))
    dialog.token.paste()
    with qtbot.waitSignal(dialog.accepted, timeout=10000):  # the relay took it: no "refused" question
        dialog.save_button.click()
    assert StandInKeyring().get_password(tokens.SERVICE, relay.url) == relay.token


def test_settings_keeps_the_token_line_of_a_paste_too(qtbot: Any, ctx: Any) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx, stored_token=lambda _url: "")
    qtbot.addWidget(dialog)
    QApplication.clipboard().setText(terminal("7rHtSxbBLJaq3QwwFdwQ2XvLZWgNExy1PLbTP_2OiuQ"))
    dialog.token.paste()
    assert dialog.token.text() == "7rHtSxbBLJaq3QwwFdwQ2XvLZWgNExy1PLbTP_2OiuQ"


@pytest.mark.parametrize(
    ("pasted", "kept"),
    [
        ("abcdefghijklmnop1234", "abcdefghijklmnop1234"),  # one line: as pasted
        ("abcdefghijklmnop1234\n", "abcdefghijklmnop1234"),
        ("my token is\nshort\n", "my token is\nshort\n"),  # no line is a token: as pasted, refused
        ("tok-1_AAAAAAAAAAAAAAAA\r\nnext line here\r\n", "tok-1_AAAAAAAAAAAAAAAA"),
        ("\ufeffabcdefghijklmnop1234\u200b\n$ \n", "abcdefghijklmnop1234"),  # the line, cleaned
        ("\u00a0abcd\u2060efgh ijkl\u200b ", "abcdefgh ijkl"),  # an ASCII space inside may be its own
    ],
)
def test_only_a_paste_of_several_lines_with_a_token_line_is_changed(pasted: str, kept: str) -> None:
    from ui.relay_token_field import token_in_paste

    assert token_in_paste(pasted) == kept


def test_a_token_with_korean_letters_is_said_so_in_the_wizard_and_never_sent(
    qtbot: Any, relay: RunningRelay
) -> None:
    """“ㅅㄷㄴㅅ…” could not even be sent (a header holds ASCII only): the wizard said the address
    was not a relay."""
    from PySide6.QtWidgets import QApplication

    from ui.setup_wizard import RelayPage

    page = RelayPage()
    qtbot.addWidget(page)
    page.show()
    page.url.setText(relay.url)
    QApplication.clipboard().setText("ㅅㄷㄴㅅ-client-token")  # as the keyboard typed it in Korean
    page.token.paste()
    page.check_button.click()
    said = page.result.text()
    assert said.startswith("A relay token never holds “ㅅ ㄷ ㄴ”: it is made of Latin letters"), said
    assert "switch the keyboard to English" in said
    assert page.last_result is None and not page.isComplete()  # the relay was never asked
    qtbot.waitUntil(lambda: page.focusWidget() is page.token)


def test_settings_keeps_a_token_with_korean_letters_unsaved_and_says_why(
    window: Any, qtbot: Any, dialogs: Any, relay: RunningRelay
) -> None:
    from PySide6.QtWidgets import QApplication

    from app import tokens
    from tests.support.stand_in_keyring import StandInKeyring
    from ui.settings_action import open_settings

    window.ctx.prefs["relay_url"] = relay.url
    StandInKeyring().set_password(tokens.SERVICE, relay.url, relay.token)
    dialogs.expect("modal")
    dialog = open_settings(window, window.ctx)
    qtbot.waitUntil(lambda: dialog.token.isEnabled() and dialog.save_button.isEnabled(), timeout=5000)
    QApplication.clipboard().setText("테스트-client-token")
    dialog.token.paste()
    warned = dialogs.expect("warning")
    dialog.save_button.click()
    assert warned.shown and warned.shown[0].title == "Relay token not saved"
    assert "A relay token never holds “테 스 트”" in warned.shown[0].text
    assert dialog.isVisible() and dialog.token.text() == "테스트-client-token"  # nothing lost
    assert StandInKeyring().get_password(tokens.SERVICE, relay.url) == relay.token  # the kept one stays


def test_a_token_typed_in_full_width_letters_connects_in_the_wizard(qtbot: Any, relay: RunningRelay) -> None:
    """Typed with a Korean IME left in full-width mode ("ｔｏｋｅｎ"), the token was refused as one with
    foreign letters, though it is the relay's own: the field takes it as ASCII and says nothing."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    from app.relay_client import CheckOutcome
    from tests.app.test_relay_token_text import full_width
    from ui.setup_wizard import RelayPage

    page = RelayPage()
    qtbot.addWidget(page)
    page.show()
    page.url.setText(relay.url)
    page.token.setFocus()
    for letter in full_width(relay.token):  # each letter as the IME commits it
        typed = QInputMethodEvent()
        typed.setCommitString(letter)
        QApplication.sendEvent(page.token, typed)
    assert page.token.text() == relay.token
    page.check_button.click()
    qtbot.waitUntil(lambda: page.last_result is not None, timeout=15000)
    assert page.last_result is not None and page.last_result.outcome is CheckOutcome.OK, page.result.text()
    assert "Connected" in page.result.text() and "never holds" not in page.result.text()
