"""The banner's "no relay token" names backups only after a restore: an owner who never kept a
token here (Cancel in the keyring question) is told where to paste it, not about backups."""

from __future__ import annotations

from typing import Any

from app import tokens
from app.connection import Connection
from tests.support.relay_server import RunningRelay
from tests.support.stand_in_keyring import StandInKeyring
from ui.daily_folder_notice import remember_restore


def no_token_said(window: Any, qtbot: Any) -> str:
    banner = window.banner
    qtbot.waitUntil(lambda: banner.state.kind is Connection.NO_TOKEN, timeout=5000)
    assert banner.isVisible() and banner.settings.isVisible()
    return str(banner.text.text())


def test_an_owner_who_kept_no_token_is_told_where_to_paste_it_and_nothing_of_backups(
    window: Any, qtbot: Any, relay: RunningRelay
) -> None:
    window.ctx.prefs["relay_url"] = relay.url  # the wizard's check passed; the token was not kept
    window.start_sync()
    said = no_token_said(window, qtbot)
    assert said == (
        "No relay token is kept on this computer, so new messages cannot arrive. Paste your relay "
        "token in Settings ▸ Relay; whoever set up your relay can give it to you."
    )
    assert "backup" not in said


def test_after_a_restore_the_banner_says_the_backup_left_the_token_behind_until_one_is_given(
    window: Any, qtbot: Any, relay: RunningRelay
) -> None:
    remember_restore(window.ctx.paths)  # as a restore does before the inbox opens on it
    window.ctx.prefs["relay_url"] = relay.url  # the restored preferences name the relay
    window.start_sync()
    assert no_token_said(window, qtbot) == (
        "This computer has no relay token yet, so new messages cannot arrive: a restored backup never "
        "brings it along, to keep it safe. Paste your relay token in Settings ▸ Relay."
    )

    StandInKeyring().set_password(tokens.SERVICE, relay.url, relay.token)  # pasted in Settings
    window.reconnect_sync()
    qtbot.waitUntil(lambda: window.banner.state.kind is Connection.ONLINE, timeout=10000)

    # Lost here later (the keyring emptied): no longer the backup's doing.
    StandInKeyring().delete_password(tokens.SERVICE, relay.url)
    window.reconnect_sync()
    assert "backup" not in no_token_said(window, qtbot)


def test_both_are_said_in_korean(window: Any, qtbot: Any, relay: RunningRelay, korean: None) -> None:
    window.ctx.prefs["relay_url"] = relay.url
    window.start_sync()
    said = no_token_said(window, qtbot)
    assert said == (
        "이\u00a0컴퓨터에 보관된 릴레이 토큰이 없어서 새\u00a0메시지를 받을 수 없어요. "
        "설정\u00a0▸\u00a0릴레이에서 릴레이 토큰을 붙여 넣으세요. 릴레이를 설정한 분에게 받을 수 있어요."
    )
    assert "백업" not in said

    remember_restore(window.ctx.paths)
    window.reconnect_sync()
    qtbot.waitUntil(lambda: "백업" in window.banner.text.text(), timeout=5000)
    assert window.banner.text.text() == (
        "이\u00a0컴퓨터에는 아직 릴레이 토큰이 없어서 새\u00a0메시지를 받을 수 없어요. 안전을 위해 "
        "백업을 복원해도 토큰은 따라오지 않아요. 설정\u00a0▸\u00a0릴레이에서 릴레이 토큰을 붙여 넣으세요."
    )
