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
