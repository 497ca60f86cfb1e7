"""Every way the away notice says what the relay sends, while the away message is on here (at all
hours, or in its away hours until a day of the coming week) and the relay has not taken it, fits two or
three lines of the chat list's 360 px column, in Korean and in English: four were not read to the end."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from app.automations_store import AutomationsStore, SyncStatus, demo_automations
from app.away_status import AwayNow, RelayAway
from app.wire import Automations, DayHours, TimeRange
from tests.support.computer_zone import computer_zone
from tests.support.relay_front import RelayFront, relay_front
from tests.support.relay_server import RunningRelay
from tests.ui.test_a_change_the_relay_refused import PUT, go_online
from tests.ui.test_away_notice_says_what_the_relay_sends import INVALID, away_always, on_the_relay
from tests.ui.test_away_notice_while_the_relay_runs_the_old_one import (
    another_computer_saves,
    save_here,
    switched_off,
)

# The Brighton demo shop (Europe/London): closed on Sunday afternoon, open on Monday at 11:00.
SUNDAY_AFTERNOON = datetime(2026, 11, 29, 14, 0, tzinfo=UTC)
MONDAY_MORNING = datetime(2026, 11, 30, 11, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _owner_abroad() -> Iterator[None]:
    """The owner in New York, the longest case: every time the notice says is followed by the shop's
    zone ("(British Time)", "(영국 시간)"); with "Wed, Dec 2" before it the English ones took four lines."""
    if not hasattr(time, "tzset"):  # Windows keeps the zone it started with
        yield
        return
    with computer_zone("America/New_York"):
        yield


@pytest.fixture
def front(relay: RunningRelay) -> Iterator[tuple[RelayFront, str]]:
    with relay_front(relay.url) as running:
        yield running


@pytest.fixture(params=["ko", "en"])
def language(request: Any) -> str:
    """The app's translation and Qt's locale, as `--lang` sets both: a Korean owner's days in Korean."""
    korean = request.param == "ko"
    request.getfixturevalue("korean" if korean else "english")
    request.getfixturevalue("korean_locale" if korean else "english_locale")
    return str(request.param)


def away_until_wednesday() -> Automations:
    """The away message outside business hours, and the shop open on Wednesdays only: on Sunday and
    on Monday its away hours run until a day said by its name ("수요일 오전 10:00")."""
    doc = demo_automations("en")
    wednesday = DayHours(mode="open", ranges=[TimeRange(start="10:00", end="18:00")])
    week = [wednesday if day == 2 else DayHours() for day in range(7)]
    hours = doc.business_hours.model_copy(update={"week": week})
    away = doc.away.model_copy(update={"enabled": True, "schedule": "outside_hours"})
    return doc.model_copy(update={"business_hours": hours, "away": away})


HERE: dict[str, Callable[[], Automations]] = {"always": away_always, "in its hours": away_until_wednesday}


def with_other_greeting(doc: Automations) -> Automations:
    return doc.model_copy(
        update={"greeting": doc.greeting.model_copy(update={"text": "Hello from the shop!"})}
    )


# The relay's side: what it holds of the away message (and whether it is tried again or refused),
# the away message it runs (as sent now, switched off there, outside its away hours), and the hour.
VARIANTS = [
    ("none yet", RelayAway.NONE_WAITING, None, SUNDAY_AFTERNOON),
    ("none, refused", RelayAway.NONE_REFUSED, None, SUNDAY_AFTERNOON),
    ("previous, sent now", RelayAway.PREVIOUS_WAITING, AwayNow.SCHEDULED, SUNDAY_AFTERNOON),
    ("previous, not in its hours", RelayAway.PREVIOUS_WAITING, AwayNow.OFF, MONDAY_MORNING),
    ("previous, switched off", RelayAway.PREVIOUS_WAITING, AwayNow.OFF, SUNDAY_AFTERNOON),
    ("refused, sent now", RelayAway.PREVIOUS_REFUSED, AwayNow.SCHEDULED, SUNDAY_AFTERNOON),
    ("refused, not in its hours", RelayAway.PREVIOUS_REFUSED, AwayNow.OFF, MONDAY_MORNING),
    ("refused, switched off", RelayAway.PREVIOUS_REFUSED, AwayNow.OFF, SUNDAY_AFTERNOON),
    ("other computer's, sent now", RelayAway.OTHER_COMPUTER, AwayNow.ALWAYS, SUNDAY_AFTERNOON),
    ("other computer's, not in its hours", RelayAway.OTHER_COMPUTER, AwayNow.OFF, MONDAY_MORNING),
    ("other computer's, switched off", RelayAway.OTHER_COMPUTER, AwayNow.OFF, SUNDAY_AFTERNOON),
]


def lines_in_the_column(notice: Any) -> float:
    """The notice's sentence in lines, at the chat list's 360 px (less the margins and the icon)."""
    margins = notice.layout().contentsMargins()
    column = 360 - margins.left() - margins.right() - 16 - notice.layout().horizontalSpacing()
    return float(notice.text.heightForWidth(column) / notice.text.fontMetrics().lineSpacing())


def put_the_relay_in(
    window: Any, qtbot: Any, relay: RunningRelay, front: tuple[RelayFront, str], name: str, mine: Automations
) -> None:
    """The relay and this computer as the variant `name` says, through the real relay (a proxy in
    front of it refusing or failing the automations' PUT)."""
    proxy, url = front
    switched = "switched off" in name
    theirs = switched_off(demo_automations("en")) if switched else demo_automations("en")
    if name.startswith("none"):
        refused = "refused" in name
        proxy.refuse(*PUT, status=422 if refused else 503, times=None, body=INVALID.encode())
        AutomationsStore(window.ctx.db).save(mine)  # a first setup: never on any relay
        go_online(window, qtbot, relay, url)
        return
    if name.startswith("other"):
        on_the_relay(window, relay, demo_automations("en"))
        if "sent now" in name:
            theirs = away_always("Closed today: the other computer's words.")
        elif not switched:
            theirs = with_other_greeting(theirs)
        another_computer_saves(window, relay, theirs, mine)
        return
    on_the_relay(window, relay, theirs)
    go_online(window, qtbot, relay, url)
    if name.startswith("refused"):
        proxy.refuse(*PUT, status=422, times=None, body=INVALID.encode(), content_type=b"application/json")
    else:
        proxy.refuse(*PUT, status=503, times=None)
    save_here(window, mine)


@pytest.mark.parametrize("here", list(HERE))
@pytest.mark.parametrize(("name", "expected", "theirs", "now"), VARIANTS, ids=[v[0] for v in VARIANTS])
def test_what_the_relay_sends_fits_three_lines_of_the_chat_list_column(
    window: Any,
    qtbot: Any,
    relay: RunningRelay,
    front: tuple[RelayFront, str],
    language: str,
    here: str,
    name: str,
    expected: RelayAway,
    theirs: AwayNow | None,
    now: datetime,
) -> None:
    notice = window.away_notice
    notice.clock = lambda: now
    put_the_relay_in(window, qtbot, relay, front, name, HERE[here]())
    if expected is RelayAway.NONE_REFUSED:
        qtbot.waitUntil(
            lambda: AutomationsStore(window.ctx.db).state().status is SyncStatus.REFUSED, timeout=10_000
        )
    qtbot.waitUntil(
        lambda: notice.isVisible() and notice.relay() is expected and notice.relay_now(expected) == theirs,
        timeout=10_000,
    )
    notice.show_now()
    text = notice.text.text()
    if here == "in its hours":  # its away hours run until Wednesday: the day is said by its name
        assert ("수요일" if language == "ko" else "Wed 10:00") in text, text
    assert ("릴레이" in text) if language == "ko" else ("relay" in text), text
    assert 1.5 < lines_in_the_column(notice) <= 3.5, text


@pytest.mark.parametrize("here", list(HERE))
def test_away_hours_on_the_relay_are_said_in_two_lines_with_the_shops_zone(
    window: Any, qtbot: Any, relay: RunningRelay, front: tuple[RelayFront, str], language: str, here: str
) -> None:
    """The relay runs the away message as saved here: one sentence, whose time names the shop's zone
    for an owner abroad, in two lines of the column ("Wed, Dec 2" and "(British Time)" took three)."""
    notice = window.away_notice
    notice.clock = lambda: SUNDAY_AFTERNOON
    on_the_relay(window, relay, HERE[here]())
    go_online(window, qtbot, relay, front[1])
    qtbot.waitUntil(lambda: notice.isVisible() and notice.relay() is RelayAway.AS_HERE, timeout=10_000)
    notice.show_now()
    text = notice.text.text()
    if here == "in its hours":
        zone = "(영국 시간)" if language == "ko" else "(British Time)"
        assert zone in text and ("수요일" if language == "ko" else "Wed 10:00") in text, text
    assert lines_in_the_column(notice) <= 2.0, text
