"""The clock the README's pictures are taken on: the demo shop's, as its owner's computer keeps it.

Xvfb runs on the machine's clock (UTC here), where a Seoul chat of 14:00 reads 오전 5:00. The Korean
pictures are taken on Seoul's clock and the English ones on Brighton's (the English demo shop's), and
a script's own chats are put in the shop's working day (`working_moment`, `last_closing`), as the
demo's past chats are (app/demo_seed.py). The shop's country is the demo's too (`shop_region`): the
English demo shop's window writes dates, times and numbers as the UK does ("5 December", "16:55",
"07700 900101"), as `shop-inbox --demo --lang en` does, not as a Korean shop's English window would.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from app.automations_store import demo_automations
from app.demo_seed import demo_shop_zone, korean_demo
from app.rules import is_open

if TYPE_CHECKING:
    from app.db import Database
    from app.paths import AppPaths
    from ui.context import AppContext

STEP = timedelta(minutes=5)
WEEK = timedelta(days=7)


def use_shop_clock(lang: str) -> None:
    """This process's local time on the zone of the demo shop run in `lang` (TZ and tzset: Python's
    and Qt's local times follow), set before the window shows any time."""
    os.environ["TZ"] = demo_shop_zone(lang).key
    time.tzset()


def shop_region(lang: str) -> str:
    """The country of the demo shop run in `lang` (its Preferences' shop_region, app/demo_seed.py):
    give it to install_translators and AppContext."""
    return "KR" if korean_demo(lang) else "GB"


def shop_currency(lang: str) -> str:
    """The currency of the demo shop run in `lang`."""
    return "KRW" if korean_demo(lang) else "GBP"


def shop_clock_env(lang: str) -> dict[str, str]:
    """The environment for a program a script starts (the app as its own process) on the same clock."""
    return {**os.environ, "TZ": demo_shop_zone(lang).key}


def working_moment(
    lang: str, now: datetime | None = None, open_for: timedelta = timedelta(hours=1)
) -> datetime:
    """The latest moment, at most `now`, at which the demo shop (run in `lang`) has been open for
    `open_for`: "now" for a picture whose chats of the last hour fall in the shop's day (the real
    now while it is open; else the end of its last open hours)."""
    hours = demo_automations(lang).business_hours
    moment = (now or datetime.now(UTC)).replace(second=0, microsecond=0)
    floor = moment - WEEK
    while moment > floor:
        if all(is_open(hours, moment - k * STEP) for k in range(int(open_for / STEP) + 1)):
            return moment
        moment -= STEP
    raise ValueError("the demo shop is not open for that long in a week")


def last_closing(lang: str, before: datetime, after: timedelta = timedelta(minutes=15)) -> datetime:
    """When the demo shop (run in `lang`) last closed for the day (not for lunch) at least `after`
    before `before`: a chat that runs past it gets the away message."""
    hours = demo_automations(lang).business_hours
    moment = (before - after).replace(second=0, microsecond=0)
    moment -= timedelta(minutes=moment.minute % 5)
    floor = moment - WEEK
    while moment > floor:
        if (
            is_open(hours, moment - STEP)
            and not is_open(hours, moment)
            and not is_open(hours, moment + timedelta(hours=2))
        ):
            return moment
        moment -= STEP
    raise ValueError("the demo shop never closes in a week")


def in_shop_hours(lang: str) -> None:
    """Runs this script again under libfaketime (`faketime`) at two in the afternoon-ish of the demo
    shop's last working day when the shop (run in `lang`) is not open now and for the next hour: what
    a picture shows is live (a relay's customers answer, its 24-hour windows close, on the real
    clock), so a run at night pictured a campaign sent at 오전 5:41 and its customers greeted by the
    away message. The monotonic clock stays real, as the relay's and Qt's timers need; a program the
    script starts runs on the same faked clock (it inherits the environment)."""
    if os.environ.get("SHOP_CLOCK_FAKED"):
        return
    hours, now = demo_automations(lang).business_hours, datetime.now(UTC)
    if is_open(hours, now) and is_open(hours, now + timedelta(hours=1)):
        return
    if shutil.which("faketime") is None:
        print(
            "faketime (libfaketime) not found: the pictures are of the shop's closed hours", file=sys.stderr
        )
        return
    # The shop is open for the three hours up to working_moment's answer: two hours before it, it is
    # open for the next two, which the run needs (its customers answer, the report fills).
    start = working_moment(lang, now, open_for=timedelta(hours=3)) - timedelta(hours=2)
    # An offset from the real clock, not a start date ("@2026-12-07 05:00:00"): each program reads the
    # date in its own TZ and starts from it again, so the app the script starts (on Seoul's TZ) was
    # 9 hours behind its relay's clock.
    env = {**os.environ, "SHOP_CLOCK_FAKED": "1", "TZ": "UTC", "FAKETIME_DONT_FAKE_MONOTONIC": "1"}
    offset = f"{int((start - now).total_seconds()):+d}"
    os.execvpe("faketime", ["faketime", "-f", offset, sys.executable, *sys.argv], env)


def demo_context(db: Database, paths: AppPaths, lang: str) -> AppContext:
    """The demo shop's context as the pictures take it: Enter sends, the shop's country and currency."""
    from ui.context import AppContext

    return AppContext(
        db=db,
        paths=paths,
        demo=True,
        prefs={"enter_sends": True},
        shop_region=shop_region(lang),
        currency=shop_currency(lang),
    )
