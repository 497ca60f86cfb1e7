"""The connection banner says when the next attempt is due and counts down to it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from app.connection import Connection, ConnectionState
from ui.announce import announcements
from ui.connection_banner import ConnectionBanner


def shown_banner(qtbot: Any) -> ConnectionBanner:
    banner = ConnectionBanner()
    qtbot.addWidget(banner)
    banner.show()
    return banner


def test_reconnecting_shows_the_seconds_to_the_next_attempt_and_counts_down(qtbot: Any) -> None:
    banner = shown_banner(qtbot)
    at = datetime.now(UTC) + timedelta(seconds=11.5)
    banner.set_state(ConnectionState(Connection.RECONNECTING, next_retry_at=at, detail="relay_unreachable"))
    # The number and its unit never part at the end of a line ("12" here, a lone "s" below).
    assert banner.text.text() == "Cannot reach your relay. Trying again in 12\N{NO-BREAK SPACE}s"
    assert banner.isVisible() and banner.retry.isVisible()
    qtbot.waitUntil(
        lambda: banner.text.text() == "Cannot reach your relay. Trying again in 11\N{NO-BREAK SPACE}s",
        timeout=3000,
    )


def test_a_clock_set_back_while_waiting_never_reads_as_minutes_more_to_wait(
    qtbot: Any, monkeypatch: Any
) -> None:
    """The laptop's clock, 7 minutes fast, is put right while the relay is out of reach: the next
    try is still seconds away (the worker waits its delay, whatever the wall clock says), and the
    banner said "Trying again in 427 s"."""
    from ui import connection_banner

    banner = shown_banner(qtbot)
    at = datetime.now(UTC) + timedelta(seconds=7.5)
    banner.set_state(ConnectionState(Connection.RECONNECTING, next_retry_at=at, detail="relay_unreachable"))

    class SetBack(datetime):
        @classmethod
        def now(cls, tz: Any = None) -> Any:
            return datetime.now(tz) - timedelta(minutes=7)

    monkeypatch.setattr(connection_banner, "datetime", SetBack)
    qtbot.waitUntil(lambda: "Trying again in 7\N{NO-BREAK SPACE}s" in banner.text.text(), timeout=3000)
    left = banner.seconds_to_retry()
    assert left is not None and left <= 8


def test_offline_says_when_it_tries_again_and_online_hides_the_banner(qtbot: Any) -> None:
    banner = shown_banner(qtbot)
    at = datetime.now(UTC) + timedelta(seconds=40)
    banner.set_state(ConnectionState(Connection.OFFLINE, next_retry_at=at))
    assert banner.isVisible() and "Next try in 40\N{NO-BREAK SPACE}s." in banner.text.text()
    banner.set_state(ConnectionState(Connection.ONLINE))
    assert not banner.isVisible() and not banner.countdown.isActive()


def test_the_banner_says_new_messages_wait_on_the_relay_while_the_disk_is_full(qtbot: Any) -> None:
    banner = shown_banner(qtbot)
    at = datetime.now(UTC) + timedelta(seconds=30)
    banner.set_state(ConnectionState(Connection.DISK_FULL, next_retry_at=at))
    assert banner.isVisible() and banner.retry.isVisible()
    assert banner.text.text().startswith("The disk is full: new messages wait on your relay")
    assert "Next try in 30\N{NO-BREAK SPACE}s." in banner.text.text()
    banner.set_state(ConnectionState(Connection.ONLINE))
    assert not banner.isVisible()


def test_no_token_names_backups_only_after_a_restore(qtbot: Any) -> None:
    """The owner chose not to keep the token in a file, then "Set up later": the banner told her a
    restored backup never brings the token, as if she had restored one (tests/ui/test_restored_token.py
    follows both through the main window)."""
    banner = shown_banner(qtbot)
    banner.set_state(ConnectionState(Connection.NO_TOKEN))
    said = banner.text.text()
    assert said.startswith("No relay token is kept on this computer, so new messages cannot arrive")
    assert "backup" not in said and "Settings ▸ Relay" in said and banner.settings.isVisible()
    banner.set_state(ConnectionState(Connection.NO_TOKEN, after_restore=True))
    assert "a restored backup never brings it along, to keep it safe" in banner.text.text()


def test_no_token_is_said_in_korean_too(qtbot: Any, korean: None) -> None:
    banner = shown_banner(qtbot)
    banner.set_state(ConnectionState(Connection.NO_TOKEN))
    assert banner.text.text().startswith(
        "이\u00a0컴퓨터에 보관된 릴레이 토큰이 없어서 새\u00a0메시지를 받을 수 없어요"
    )


def test_a_relay_that_cannot_use_its_database_is_said_in_korean_with_who_mends_it(
    qtbot: Any, korean: None
) -> None:
    """Its PostgreSQL database recreated in another encoding (tests/relay/test_database_encoding.py):
    not "cannot reach your relay", and not the owner's to mend; her replies wait, nothing is lost."""
    from app.errors import ErrorCode
    from app.outbox import Waiting
    from ui.message_status import waiting_sentence

    banner = shown_banner(qtbot)
    banner.set_state(ConnectionState(Connection.ONLINE))
    banner.set_state(ConnectionState(Connection.RECONNECTING, cause=ErrorCode.RELAY_DATABASE_UNUSABLE))
    assert not banner.isHidden()  # said at once: waiting does not mend it
    assert banner.text.text() == (
        "릴레이는 켜져 있지만 데이터베이스를 쓸 수 없어서 새\u00a0메시지가 들어오지 못하고 보낼 답장은 "
        "기다리고 있어요. 잃어버리는 메시지는 없어요. 릴레이가 받을 때까지 WhatsApp이 고객 메시지를 계속 "
        "다시 보내요. 릴레이를 관리하는 분께 릴레이 로그를 확인해 달라고 부탁하세요. 고쳐지면 샵\u00a0인박스가 "
        "알아서 다시 연결해요."
    )
    assert banner.retry.isVisible()
    assert waiting_sentence(Waiting.RELAY_DATABASE) == (
        "전송 대기 중: 지금 릴레이가 데이터베이스를 쓸 수 없어요. 릴레이를 관리하는 분이 고치면 보내요."
    )


def test_a_relay_started_afresh_is_news_the_owner_can_close(qtbot: Any) -> None:
    """A new or restored relay is no trouble: said once with Close (no Settings, no Retry), and it
    stays closed until the connection says something else."""
    from PySide6.QtCore import Qt

    banner = shown_banner(qtbot)
    banner.set_state(ConnectionState(Connection.RELAY_STARTED_AFRESH))
    assert banner.isVisible()
    assert banner.text.text().startswith("Your relay started its message history afresh")
    assert banner.dismiss.isVisible() and not banner.settings.isVisible() and not banner.retry.isVisible()

    qtbot.mouseClick(banner.dismiss, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    banner.set_quiet(None)  # the window refreshes the banner: still closed
    assert not banner.isVisible()

    banner.set_state(ConnectionState(Connection.OFFLINE))
    assert banner.isVisible() and banner.settings.isVisible() and not banner.dismiss.isVisible()


def test_a_history_gap_says_since_when_messages_may_be_missing_and_where_they_still_are(
    qtbot: Any,
) -> None:
    """The laptop stayed closed longer than the relay keeps messages: the notice says from when
    messages may be missing and that the phone still has them (the import adds no doubles)."""
    from ui.formatting import full_datetime

    banner = shown_banner(qtbot)
    last_read = datetime(2026, 11, 2, 9, 15, tzinfo=UTC)
    banner.set_state(ConnectionState(Connection.HISTORY_GAP, last_read_at=last_read))
    said = banner.text.text()
    assert said.startswith(f"Some messages that arrived after {full_datetime(last_read)},")
    assert said.endswith("They are still on your phone: File ▸ Import chat from phone brings them in.")
    assert banner.dismiss.isVisible() and not banner.retry.isVisible()


def test_a_history_gap_is_said_in_korean_with_the_time_in_korean(
    qtbot: Any, korean: None, korean_locale: None
) -> None:
    banner = shown_banner(qtbot)
    last_read = datetime(2026, 11, 2, 9, 15, tzinfo=UTC)
    banner.set_state(ConnectionState(Connection.HISTORY_GAP, last_read_at=last_read))
    said = banner.text.text()
    assert "2026. 11. 2." in said and ("오전" in said or "오후" in said)
    assert "파일\u00a0▸\u00a0휴대폰에서\u00a0채팅\u00a0가져오기" in said  # the menu path kept on one line
    banner.set_state(ConnectionState(Connection.HISTORY_GAP))  # a cursor never moved: no time to say
    assert banner.text.text().startswith("릴레이에 더 이상 보관되지 않은")
    assert "파일\u00a0▸\u00a0휴대폰에서\u00a0채팅\u00a0가져오기" in banner.text.text()


def test_the_offline_banner_names_the_relay(qtbot: Any) -> None:
    banner = shown_banner(qtbot)
    banner.set_state(ConnectionState(Connection.OFFLINE))
    assert banner.text.text().startswith(
        "Cannot reach your relay: new messages arrive when it answers again."
    )
    banner.set_state(ConnectionState(Connection.RECONNECTING))
    assert banner.text.text() == "Cannot reach your relay. Trying again…"


def test_back_online_says_reconnected_for_a_few_seconds_then_goes(qtbot: Any) -> None:
    from ui.connection_banner import RECONNECTED_SECONDS

    banner = shown_banner(qtbot)
    banner.set_state(ConnectionState(Connection.CONNECTING))
    banner.set_state(ConnectionState(Connection.ONLINE))
    assert not banner.isVisible()  # the first connection of a start is no news
    banner.set_state(ConnectionState(Connection.OFFLINE))
    banner.set_state(ConnectionState(Connection.ONLINE))
    assert banner.isVisible() and banner.text.text() == "Reconnected to your relay."
    assert not banner.retry.isVisible() and not banner.settings.isVisible()
    banner.set_state(ConnectionState(Connection.ONLINE))  # the window refreshes it: still said
    assert banner.text.text() == "Reconnected to your relay."
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=(RECONNECTED_SECONDS + 3) * 1000)


def test_a_blip_at_start_up_before_the_first_connection_says_no_reconnected(qtbot: Any) -> None:
    banner = shown_banner(qtbot)
    banner.set_state(ConnectionState(Connection.CONNECTING))
    banner.set_state(ConnectionState(Connection.RECONNECTING))
    banner.set_state(ConnectionState(Connection.ONLINE))
    assert not banner.isVisible() and not banner.reconnected.isActive()


def test_losing_the_relay_again_while_reconnected_shows_says_so_at_once(qtbot: Any) -> None:
    banner = shown_banner(qtbot)
    for kind in (Connection.ONLINE, Connection.OFFLINE, Connection.ONLINE, Connection.RECONNECTING):
        banner.set_state(ConnectionState(kind))
    assert banner.text.text() == "Cannot reach your relay. Trying again…"
    assert not banner.reconnected.isActive() and banner.retry.isVisible()


def test_retry_starts_the_engine_again_and_the_answer_still_says_reconnected(qtbot: Any) -> None:
    banner = shown_banner(qtbot)
    for kind in (Connection.ONLINE, Connection.OFFLINE, Connection.CONNECTING, Connection.ONLINE):
        banner.set_state(ConnectionState(kind))
    assert banner.isVisible() and banner.text.text() == "Reconnected to your relay."


def test_an_https_address_for_a_plain_http_relay_gets_the_http_hint_in_the_banner(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    """The owner typed https:// for a relay tried out on this computer, which serves plain http:
    retrying cannot help, so the banner says what Settings' check says: use the http:// address."""
    from tests.support.relay_server import run_relay

    with run_relay(tmp_path, upstream="sandbox") as relay:
        window.ctx.prefs["relay_url"] = relay.url.replace("http://", "https://")
        window.ctx.relay_token = relay.token
        window.start_sync()
        qtbot.waitUntil(lambda: window.banner.state.plain_url == relay.url, timeout=10000)
        assert window.banner.isVisible()
        said = window.banner.text.text()
        assert said.replace("\N{WORD JOINER}", "") == (
            "Your relay answers plain http://, not https://. If it runs on this computer, use "
            f"{relay.url} in Settings."
        )
        assert "/\N{WORD JOINER}127" in said  # never wrapped after "http://"
        assert window.banner.settings.isVisible()


def test_the_http_hint_is_said_in_korean_too(qtbot: Any, korean: None) -> None:
    banner = shown_banner(qtbot)
    plain = "http://127.0.0.1:8080"
    banner.set_state(ConnectionState(Connection.OFFLINE, plain_url=plain))
    assert banner.text.text().replace("\N{WORD JOINER}", "").endswith(f"{plain}으로 바꾸세요.")
    banner.set_state(ConnectionState(Connection.OFFLINE))
    assert plain not in banner.text.text()


def test_while_the_relay_is_unreachable_the_banner_counts_the_replies_that_wait_to_go(
    window: Any, qtbot: Any, english: None
) -> None:
    """The owner's replies wait in the outbox while the relay is down: the banner says how many, and
    that they go by themselves (not only each bubble's tooltip); a reply written meanwhile is counted."""
    from app.changes import Changes
    from tests.support.factories import make_contact, make_message
    from tests.support.servers import free_port
    from ui.connection_banner import LOST

    with window.ctx.db.write() as s:
        customer = make_contact(s, profile_name="Amelia Hart")
        make_message(s, customer, "Is the green mug still in stock?")
        make_message(s, customer, "Yes, one left!", direction="out", status="pending", wamid=None)
    window.ctx.prefs["relay_url"] = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    window.ctx.relay_token = "shop-token"
    window.start_sync()
    qtbot.waitUntil(lambda: window.banner.state.kind in LOST and window.banner.isVisible(), timeout=10000)
    qtbot.waitUntil(
        lambda: "your 1 waiting reply by itself as soon as the relay answers" in window.banner.text.text(),
        timeout=5000,
    )
    assert window.banner.text.text().startswith("Cannot reach your relay")
    with window.ctx.db.write() as s:
        make_message(s, customer, "Shall I keep it for you?", direction="out", status="pending", wamid=None)
    window.ctx.publish(Changes.for_contacts({customer.id}))
    qtbot.waitUntil(lambda: "your 2 waiting replies by itself" in window.banner.text.text(), timeout=5000)


def test_the_waiting_replies_are_counted_in_korean_too(qtbot: Any, korean: None) -> None:
    banner = shown_banner(qtbot)
    banner.set_state(ConnectionState(Connection.OFFLINE))
    assert "답장" not in banner.text.text()
    banner.set_waiting(3)
    assert "보내기를 기다리는 답장 3개는 릴레이가 다시 응답하면" in banner.text.text(), banner.text.text()


def test_a_history_gap_she_quit_before_reading_is_said_again_at_the_next_start_until_closed(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    """The run that found the gap saved its time, but the notice went with that run: one she never
    saw was never said again. It is said at the next start, online, until she closes it; then not."""
    from PySide6.QtCore import Qt

    from app.connection import Connection
    from app.history_gap import GAP_SHOWN_DAYS, unclosed_gap
    from app.models import SyncState
    from tests.support.relay_server import run_relay
    from ui.formatting import full_datetime
    from ui.ops import wait_for_ops

    found = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=20)
    with window.ctx.db.write() as s:  # as the engine saved it in the run that found the gap
        state = s.get(SyncState, 1) or SyncState(id=1)
        state.history_gap_at = found
        s.add(state)
    folder = tmp_path / "relay"
    folder.mkdir()
    with run_relay(folder) as relay:
        window.ctx.prefs["relay_url"] = relay.url
        window.ctx.relay_token = relay.token
        window.start_sync()
        sync = window.ctx.sync
        qtbot.waitUntil(lambda: sync.state.kind is Connection.ONLINE, timeout=10_000)
        qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=5000)
        said = window.banner.text.text()
        assert said.startswith(f"When this computer caught up with your relay on {full_datetime(found)},")
        assert "File ▸ Import chat from phone" in said
        assert window.banner.dismiss.isVisible() and not window.banner.retry.isVisible()
        qtbot.mouseClick(window.banner.dismiss, Qt.MouseButton.LeftButton)
        assert not window.banner.isVisible()
        assert wait_for_ops()
        with window.ctx.db.read() as s:
            assert unclosed_gap(s, datetime.now(UTC)) is None  # closed: not said at the next start
        window._read_earlier_gap()  # what the next start reads
        assert wait_for_ops()
        assert not window.banner.isVisible()
    with window.ctx.db.write() as s:  # a gap found later is said again; an old one no more
        s.get(SyncState, 1).history_gap_at = datetime.now(UTC) + timedelta(seconds=1)
    with window.ctx.db.read() as s:
        assert unclosed_gap(s, datetime.now(UTC) + timedelta(seconds=2)) is not None
        assert unclosed_gap(s, datetime.now(UTC) + timedelta(days=GAP_SHOWN_DAYS + 1)) is None


def test_a_data_folder_taken_away_is_named_with_start_again_and_no_retry(qtbot: Any) -> None:
    banner = shown_banner(qtbot)
    at = datetime.now(UTC) + timedelta(seconds=30)
    banner.set_state(ConnectionState(Connection.FOLDER_GONE, next_retry_at=at, folder="/media/sunhee/USB/샵"))
    said = banner.text.text()
    assert said.startswith("Your data folder, /media/sunhee/USB/샵, is not there any more (a USB stick")
    assert said.endswith(
        "put it back, then press Start again."
    )  # no countdown to an attempt that cannot help
    assert banner.start_again.isVisible()
    assert not banner.retry.isVisible() and not banner.settings.isVisible()
    with qtbot.waitSignal(banner.start_again_requested):
        banner.start_again.click()


def test_a_data_folder_taken_away_is_said_in_korean_too(qtbot: Any, korean: None) -> None:
    banner = shown_banner(qtbot)
    banner.set_state(ConnectionState(Connection.FOLDER_GONE, folder="E:\\샵 데이터"))
    assert banner.text.text().startswith("데이터 폴더 E:\\샵 데이터")
    assert "USB" in banner.text.text() and "Your" not in banner.text.text()


def test_a_new_inbox_on_a_relay_answered_elsewhere_says_what_stays_there_and_how_to_bring_it(
    qtbot: Any,
) -> None:
    banner = shown_banner(qtbot)
    banner.set_state(ConnectionState(Connection.OTHER_COMPUTER))
    said = banner.text.text()
    assert said.startswith("Your relay has been answered from another computer too")
    assert "Labels, quick replies, orders, the catalogue and older chats stay on that computer" in said
    assert "File ▸ Back up now there, then File ▸ Restore from backup here" in said
    assert banner.dismiss.isVisible() and not banner.retry.isVisible()  # news, not trouble
    banner.dismiss.click()
    assert not banner.isVisible()


def test_start_again_while_the_data_folder_is_still_gone_asks_to_put_it_back_first(
    qtbot: Any, window: Any, dialogs: Any
) -> None:
    """Pressed before the stick was back, the new start made an empty inbox where the folder had
    been and greeted her with the first-run setup."""
    from ui.restart import take_restart_request

    data = window.ctx.paths.data_dir
    assert not window.ctx.paths.database.exists()  # as after the stick went (the test's inbox is elsewhere)
    window.banner.set_state(ConnectionState(Connection.FOLDER_GONE, folder=str(data)))
    told = dialogs.expect("warning")
    window.banner.start_again.click()
    assert told.shown[0].text == (
        f"Your data folder, {data}, is still not there. Put the USB stick back (or connect the drive), "
        "then press Start again."
    )
    assert window.isVisible() and not take_restart_request()


def test_a_connection_lost_for_a_moment_while_online_says_nothing_and_no_reconnected(qtbot: Any) -> None:
    """A phone hotspot cuts a request; the next, a second later, is answered: no banner flashes."""
    banner = shown_banner(qtbot)
    banner.set_state(ConnectionState(Connection.ONLINE))
    for _ in range(3):
        at = datetime.now(UTC) + timedelta(seconds=1)
        banner.set_state(ConnectionState(Connection.RECONNECTING, next_retry_at=at))
        assert banner.isHidden()
        banner.set_state(ConnectionState(Connection.ONLINE))
        assert banner.isHidden() and not banner.reconnected.isActive()


def test_a_connection_that_stays_lost_is_said_after_a_few_seconds_then_reconnected(qtbot: Any) -> None:
    from ui.connection_banner import BLIP_SECONDS

    banner = shown_banner(qtbot)
    banner.set_state(ConnectionState(Connection.ONLINE))
    banner.blip.setInterval(50)
    at = datetime.now(UTC) + timedelta(seconds=30)
    banner.set_state(ConnectionState(Connection.RECONNECTING, next_retry_at=at))
    assert banner.isHidden()
    qtbot.waitUntil(lambda: not banner.isHidden(), timeout=BLIP_SECONDS * 1000)
    assert banner.text.text().startswith("Cannot reach your relay. Trying again in")
    banner.set_state(ConnectionState(Connection.RECONNECTING, next_retry_at=at))  # the next failure
    assert not banner.isHidden()
    banner.set_state(ConnectionState(Connection.ONLINE))
    assert banner.text.text() == "Reconnected to your relay."


def test_a_sign_in_page_or_offline_is_said_at_once_even_while_online_a_moment_ago(qtbot: Any) -> None:
    from app.errors import ErrorCode

    banner = shown_banner(qtbot)
    banner.set_state(ConnectionState(Connection.ONLINE))
    banner.set_state(ConnectionState(Connection.RECONNECTING, cause=ErrorCode.NETWORK_SIGN_IN))
    assert not banner.isHidden() and "wants you to sign in" in banner.text.text()
    # …and a connection cut first (the hotspot dropping it), then its sign-in page, says the page.
    banner = shown_banner(qtbot)
    banner.set_state(ConnectionState(Connection.ONLINE))
    banner.set_state(ConnectionState(Connection.RECONNECTING))
    assert banner.isHidden()
    banner.set_state(ConnectionState(Connection.RECONNECTING, cause=ErrorCode.NETWORK_SIGN_IN))
    assert not banner.isHidden() and "wants you to sign in" in banner.text.text()
    banner = shown_banner(qtbot)
    banner.set_state(ConnectionState(Connection.ONLINE))
    banner.set_state(ConnectionState(Connection.OFFLINE))
    assert not banner.isHidden()


def test_a_proxy_refusing_the_relay_is_said_with_who_can_allow_it(
    window: Any, qtbot: Any, monkeypatch: Any
) -> None:
    from app.errors import ErrorCode
    from tests.support.bad_network import Mode, bad_network
    from tests.support.servers import free_port

    with bad_network(free_port()) as proxy:
        proxy.mode = Mode.PORTAL_302
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
        window.ctx.prefs["relay_url"] = "https://relay.example.invalid"
        window.ctx.relay_token = "token"
        window.start_sync()
        sync = window.ctx.sync
        qtbot.waitUntil(lambda: sync.state.cause is ErrorCode.RELAY_PROXY_REFUSED, timeout=10_000)
        assert window.banner.isVisible()
        assert window.banner.text.text().startswith("The web proxy this computer is set to use refused")
        sync.stop()


def test_what_waiting_cannot_mend_is_said_with_the_waiting_replies_and_a_countdown_only_for_a_sign_in(
    qtbot: Any,
) -> None:
    """A hotspot's sign-in page, a refused certificate or proxy: each its own sentence, then her waiting
    replies; only the sign-in page says when the next try is, as signing in lets it through."""
    from app.errors import ErrorCode
    from ui.connection_banner import SAID_AT_ONCE

    banner = shown_banner(qtbot)
    banner.set_waiting(2)
    at = datetime.now(UTC) + timedelta(seconds=30.5)
    said = {}
    for cause in SAID_AT_ONCE:
        banner.set_state(ConnectionState(Connection.RECONNECTING, cause=cause, next_retry_at=at))
        said[cause] = text = banner.text.text()
        assert "Shop Inbox sends your 2 waiting replies by itself as soon as the relay answers." in text
        countdown = (
            "Next try in 31\N{NO-BREAK SPACE}s." in text or "Next try in 30\N{NO-BREAK SPACE}s." in text
        )
        assert countdown == (cause is ErrorCode.NETWORK_SIGN_IN), text
    assert len(set(said.values())) == len(SAID_AT_ONCE)
    assert said[ErrorCode.RELAY_CERTIFICATE_EXPIRED].startswith(
        "Your relay's security certificate has expired"
    )


def test_a_full_disk_offers_retry_and_the_inbox_folder_never_settings(qtbot: Any) -> None:
    """Settings holds nothing that makes room on a disk: whether the relay answers or not, the banner
    offers Retry and the folder holding the inbox (to see which disk to free)."""
    banner = shown_banner(qtbot)
    at = datetime.now(UTC) + timedelta(seconds=30)
    for state in (
        ConnectionState(Connection.DISK_FULL, next_retry_at=at),
        ConnectionState(Connection.OFFLINE, next_retry_at=at, disk_full=True),
        ConnectionState(Connection.RECONNECTING, next_retry_at=at, disk_full=True),
    ):
        banner.set_state(state)
        assert banner.text.text().startswith("The disk is full"), state
        assert banner.retry.isVisible() and banner.open_folder.isVisible(), state
        assert not banner.settings.isVisible(), state

    with qtbot.waitSignal(banner.open_folder_requested, timeout=1000):
        qtbot.mouseClick(banner.open_folder, Qt.MouseButton.LeftButton)

    # Only the disk's trouble hides Settings: the relay out of reach alone is another matter.
    banner.set_state(ConnectionState(Connection.OFFLINE, next_retry_at=at))
    assert banner.settings.isVisible() and not banner.open_folder.isVisible()


def test_a_screen_reader_hears_the_http_hint_without_the_joiners_that_keep_the_address_whole(
    qtbot: Any, korean: None
) -> None:
    """The address is kept on one line by word joiners, which draw nothing; what a screen reader is
    handed (the label's name, and the news said aloud) is the sentence without them."""
    said: list[str] = []
    heard = announcements().said.connect(said.append)
    try:
        banner = shown_banner(qtbot)
        plain = "http://127.0.0.1:8080"
        banner.set_state(ConnectionState(Connection.OFFLINE, plain_url=plain))
        assert "\N{WORD JOINER}" in banner.text.text()  # on screen, never wrapped after "http://"
        spoken = banner.text.accessibleName()
        assert spoken == banner.text.text().replace("\N{WORD JOINER}", "") and plain in spoken
        assert said[-1] == spoken
        banner.set_state(ConnectionState(Connection.OFFLINE))
        assert plain not in banner.text.accessibleName()
        assert banner.text.accessibleName() == banner.text.text()
    finally:
        announcements().said.disconnect(heard)
