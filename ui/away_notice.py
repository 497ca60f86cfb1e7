"""A thin strip above the chats while the away message answers customers: always, or in its hours now."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QWidget

from app import relay_clock
from app.automations_store import AutomationsState
from app.away_status import (
    AwayNow,
    RelayAway,
    away_back_on_schedule,
    away_now,
    away_rule_and_way_back,
    relay_away,
    relay_away_now,
    relay_copy,
)
from app.connection import Connection, ConnectionState
from app.relay_pushes import PushTask
from app.rules import away_period_end, zone
from app.wire import Automations
from ui import icons
from ui.automation_dialog import push_automations_now
from ui.context import AppContext
from ui.formatting import customer_day, hours_time, other_zone_name, wall_clock, weekday_name
from ui.icon_buttons import press_with_keys
from ui.ops import Newest, failure_sentence, run_write_returning

log = logging.getLogger(__name__)

# A scheduled away begins and ends on the minute; the strip follows within one.
RECHECK_MS = 60_000
# The button back from "always": its words' U is Record opt-out's in the contact panel, shown beside
# it (Alt+U only moved the keyboard between the two), and no other letter of them is free.
BACK_TO_HOURS_KEYS = "Alt+Shift+U"


class AwayNotice(QFrame):
    """Hidden while nobody gets the away message. "Always" is said with a button back to its schedule
    (an owner who set it at closing and forgot would answer every customer the next day "we're
    closed"); a scheduled away in its hours is only said, quietly."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("awayNotice")
        # WhatsApp's time, as the relay that sends the away message reads it: a laptop 7 minutes slow
        # still said "away hours until 9:00" at 9:05, while customers were no longer told so.
        self.clock: Callable[[], datetime] = relay_clock.now
        self.doc: Automations | None = None
        self.way_back = "outside_hours"
        # What the relay has of these rules: as saved here, none, or a previous version (as last read).
        self.state_read: AutomationsState | None = None
        self.waiting = False  # the engine tries the automations again (its backoff)
        self.lost = False  # the relay cannot be reached (the connection banner says so)
        # Read again at each change: a look read before "I'm back" was stored that answered after
        # it said "always" again. A late answer for an older look never replaces a newer one.
        self._reads = Newest()
        self.icon = QLabel(self)
        self.icon.setPixmap(icons.icon("clock").pixmap(16, 16))
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.back = QPushButton(self)
        self.back.setObjectName("awayBackButton")
        self.back.clicked.connect(self.stop_always)
        press_with_keys(
            self.back, BACK_TO_HOURS_KEYS, self.tr("Send the away message only at its hours again")
        )
        # The button under the sentence: beside it, the chat list's width left the sentence five lines.
        layout = QGridLayout(self)
        layout.setContentsMargins(10, 5, 10, 5)
        layout.setHorizontalSpacing(6)
        layout.addWidget(self.icon, 0, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 0, 1)
        layout.addWidget(self.back, 1, 1, Qt.AlignmentFlag.AlignLeft)
        layout.setColumnStretch(1, 1)
        self.recheck = QTimer(self)
        self.recheck.setInterval(RECHECK_MS)
        self.recheck.timeout.connect(self.show_now)
        self.hide()

    def refresh(self) -> None:
        """Read the rules as saved here (at the start, and whenever automations change)."""
        self._reads.run_read(
            self.ctx,
            away_rule_and_way_back,
            self.show_for,
            parent=self,
            on_failure=lambda exc: log.warning("away rule not read: %s", type(exc).__name__),
        )

    def set_waiting(self, tasks: frozenset[PushTask]) -> None:
        """What the sync engine tries again while online (SyncAdapter.pushes_waiting_changed)."""
        waiting = PushTask.AUTOMATIONS in tasks
        if waiting != self.waiting:
            self.waiting = waiting
            self.refresh()  # the parts waiting, as they are now

    def set_connection(self, state: ConnectionState) -> None:
        """How the link to the relay stands: while it is lost, a change saved here waits too."""
        lost = state.kind in (Connection.OFFLINE, Connection.RECONNECTING)
        if lost != self.lost:
            self.lost = lost
            self.refresh()

    def relay(self) -> RelayAway:
        if self.state_read is None:
            return RelayAway.AS_HERE
        return relay_away(self.state_read, retrying=self.waiting or self.lost)

    def relay_now(self, relay: RelayAway) -> AwayNow | None:
        """What the away message the relay still runs does now, while it has not taken a change."""
        if self.state_read is None:
            return None
        return relay_away_now(self.state_read, relay, self.clock())

    def show_for(self, read: tuple[AutomationsState, str]) -> None:
        self.state_read, self.way_back = read
        self.doc = self.state_read.doc
        theirs = relay_copy(self.state_read)
        # Only a schedule can start or end by itself; "always" and "off" change when the rules do.
        # The relay's copy too: while a change waits, its old away hours begin and end on their own.
        if any(
            doc.away.enabled and doc.away.schedule != "always"
            for doc in (self.doc, theirs)
            if doc is not None
        ):
            self.recheck.start()
        else:
            self.recheck.stop()
        self.show_now()

    def state(self) -> AwayNow:
        return AwayNow.OFF if self.doc is None else away_now(self.doc, self.clock())

    def show_now(self) -> None:
        state = self.state()
        relay = self.relay()
        theirs = self.relay_now(relay)
        # Switched off here (or its hours changed) but the relay has not taken it: it goes on
        # answering customers with the away message it has, and the owner must know.
        relay_only = state is AwayNow.OFF and theirs in (AwayNow.ALWAYS, AwayNow.SCHEDULED)
        self.setProperty("away", (theirs if relay_only and theirs else state).value)
        self.style().unpolish(self)
        self.style().polish(self)
        if state is AwayNow.ALWAYS:
            if relay is RelayAway.AS_HERE:
                self.text.setText(
                    self.tr("The away message is on at all hours: every customer who writes gets it.")
                )
            else:
                self.text.setText(
                    " ".join(
                        [self.tr("The away message is on at all hours."), self._relay_sentence(relay, theirs)]
                    )
                )
            self.back.setText(
                self.tr("Back to your away hours")
                if self.way_back == "custom"
                else self.tr("Only outside business hours")
            )
            self.back.show()
        elif state is AwayNow.SCHEDULED:
            # Until when: "away hours now" left the owner to work out whether that was until the
            # afternoon or until Monday.
            until = self._until(self.doc)
            if relay is not RelayAway.AS_HERE:
                hours = (
                    self.tr("Away hours until {0}.").format(until) if until else self.tr("Away hours now.")
                )
                self.text.setText(" ".join([hours, self._relay_sentence(relay, theirs)]))
            elif until:
                self.text.setText(
                    self.tr("Away hours until {0}: customers who write get your away message.").format(until)
                )
            else:
                self.text.setText(self.tr("Away hours now: customers who write get your away message."))
            self.back.hide()
        elif relay_only:
            self.text.setText(self._still_sent(relay))
            self.back.hide()
        self.setVisible(state is not AwayNow.OFF or relay_only)

    def _still_sent(self, relay: RelayAway) -> str:
        """The relay still answers with the away message the owner switched off (or whose hours she
        changed) here: what it does, why, and what to do about it."""
        if relay is RelayAway.OTHER_COMPUTER:
            return self.tr(
                "Your relay is sending the away message as another computer changed it: choose which "
                "version to keep above the chat."
            )
        off_here = self.doc is None or not self.doc.away.enabled
        # Its away hours end by themselves (the shop opens): when, so the owner knows for how long.
        # Two or three lines in the chat list's column: what customers get, then why and what to do
        # (the strips above the chat say the rest; five lines here were not read to the end).
        until = self._until(None if self.state_read is None else relay_copy(self.state_read))
        if off_here and until:
            what = self.tr("Your relay still sends the away message you switched off, until {0}.").format(
                until
            )
        elif off_here:
            what = self.tr("Your relay still sends the away message you switched off.")
        elif until:
            what = self.tr("Your relay still sends your away message on its old hours, until {0}.").format(
                until
            )
        else:
            what = self.tr("Your relay still sends your away message now, on its old hours.")
        if relay is RelayAway.PREVIOUS_REFUSED:
            fix = self.tr("It refused your change: press Fix above the chat.")
        elif self.lost:
            fix = self.tr("Your change goes once Shop Inbox reaches the relay again.")
        else:
            fix = self.tr("Shop Inbox keeps trying to send your change.")
        return " ".join([what, fix])

    def _relay_sentence(self, relay: RelayAway, theirs: AwayNow | None) -> str:
        """What customers who write get while the relay does not have the away message saved here: the
        strips above the chat say why and what to do; this says only what the relay sends meanwhile
        (`theirs`: what the away message it still runs does now; None when that is not known). With
        the line before it, two or three lines in the chat list's column, in Korean too: four were
        not read to the end."""
        if relay is RelayAway.NONE_WAITING:
            return self.tr("But your relay has none from you yet: customers get no away message.")
        if relay is RelayAway.NONE_REFUSED:
            return self.tr("But your relay refused your rules: customers get no away message.")
        if relay is RelayAway.OTHER_COMPUTER:
            return self._other_computer_sentence(theirs)
        refused = relay is RelayAway.PREVIOUS_REFUSED
        if theirs is None:
            if refused:
                return self.tr(
                    "But your relay refused your change: customers get the one it had before, if any."
                )
            return self.tr("Until your relay takes your change, customers get the one it had before, if any.")
        if theirs is not AwayNow.OFF:
            if refused:
                return self.tr(
                    "But your relay refused your change: customers who write now get the one it had before."
                )
            return self.tr(
                "Until your relay takes your change, customers who write now get the one it had before."
            )
        if self._relay_has_it_off():
            if refused:
                return self.tr(
                    "But your relay refused your change and has it switched off: customers get none."
                )
            return self.tr(
                "Until your relay takes your change, customers get none: the relay has it switched off."
            )
        if refused:
            return self.tr(
                "But your relay refused your change and is outside its away hours now: customers get none."
            )
        return self.tr(
            "Until your relay takes your change, customers get none now: it is outside its away hours."
        )

    def _other_computer_sentence(self, theirs: AwayNow | None) -> str:
        """What customers get from the version another computer saved, which the relay runs until the
        owner chooses between it and hers (the conflict strip above the chat)."""
        if theirs is not AwayNow.OFF:
            return self.tr(
                "But your relay uses another computer's version: customers get its away message now."
            )
        if self._relay_has_it_off():
            return self.tr(
                "But your relay uses another computer's version, which has it switched off: customers "
                "get none."
            )
        return self.tr(
            "But your relay uses another computer's version, which is not in its away hours now: "
            "customers get none."
        )

    def _relay_has_it_off(self) -> bool:
        theirs = None if self.state_read is None else relay_copy(self.state_read)
        return theirs is None or not theirs.away.enabled

    def _until(self, doc: Automations | None) -> str:
        """When the away hours of `doc` now under way end, on the shop's clock: "18:00" today, "자정"
        ("midnight") at today's end, "내일 10:00" ("10:00 AM tomorrow"), in the coming week its day's
        name ("수요일 10:00"), else its date ("12월 7일 (월) 10:00"); "" when they do not end soon."""
        if doc is None:
            return ""
        now = self.clock()
        end = away_period_end(doc.away, doc.business_hours, now)
        if end is None:
            return ""
        shop_zone = zone(doc.business_hours.timezone)
        wall = end.astimezone(shop_zone)
        days = (wall.date() - now.astimezone(shop_zone).date()).days
        clock = wall_clock(wall.hour, wall.minute)
        if days == 0:
            text = clock
        elif days == 1 and (wall.hour, wall.minute) == (
            0,
            0,
        ):  # tonight's end: "내일 오전 12:00" read as noon
            text = hours_time("24:00")
        elif days == 1:
            text = QCoreApplication.translate("formatting", "{0} tomorrow").format(clock)
        elif days < 7:  # its day's name says which: "Wed 10:00 AM", "수요일 오전 10:00"
            text = f"{weekday_name(wall.date())} {clock}"
        else:
            text = f"{customer_day(end, zone=shop_zone)} {clock}"
        if name := other_zone_name(shop_zone, end):
            text += f" ({name})"
        return text

    def stop_always(self) -> None:
        """The away message back on its schedule, saved here and sent to the relay."""
        self.back.setEnabled(False)

        def done(_state: object) -> None:
            self.back.setEnabled(True)
            self._push()

        def failed(exc: BaseException) -> None:
            self.back.setEnabled(True)
            log.warning("away schedule not changed: %s", type(exc).__name__)
            self.text.setText(failure_sentence(exc))

        run_write_returning(self.ctx, away_back_on_schedule, done, parent=self, on_failure=failed)

    def _push(self) -> None:
        push_automations_now(self.ctx, "the away schedule")
