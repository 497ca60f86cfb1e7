"""A strip above the chat while the relay's own check finds something to fix before customers'
messages can arrive (the setup's relay page lets the owner go on with it; a relay connected in
Settings is checked once it answers), until the relay says all is well.

What the last check found is kept in window.ini (the setup wizard's check, this window's, Settings'),
so the strip is there from the next start's first paint. While something is open, the relay is
asked again each time the inbox connects and every few minutes while it stays connected, off the
GUI thread; nothing is asked once the relay says all is well. When a customer's message arrives
meanwhile, the relay is asked again at once (a stored webhook is what Meta's verification is checked by),
and from then on the strip says what is left without saying that messages cannot arrive."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QWidget

from app.changes import Changes
from app.connection import Connection, ConnectionState
from app.wire import CheckReport, CheckStatus
from ui.announce import announce
from ui.context import AppContext
from ui.ops import run_op
from ui.pushes_waiting_notice import listed
from ui.warning_strip import lay_out_warning_strip

log = logging.getLogger(__name__)

# window.ini: the steps of the relay's check that failed last ("phone_number,webhook_verified"),
# and the relay address they were found at (another relay's are not this one's).
OPEN_ITEMS_KEY = "relay_check/open_items"
OPEN_ITEMS_URL_KEY = "relay_check/open_items_url"
# The relay address a customer's message came through while something was open on it.
MESSAGES_ARRIVED_URL_KEY = "relay_check/messages_arrived_url"
# The check asks Graph a few questions and fetches the relay's public address: every five minutes
# while something is open is nothing to the relay, and the owner fixing it in Meta's dashboard
# sees the strip go soon after (Settings' "Check again" at once).
RECHECK_MS = 5 * 60 * 1000


def open_items(report: CheckReport) -> list[str]:
    """The steps the relay has still to get right before messages can arrive, in the check's order."""
    return [line.step for line in report.lines if line.status == CheckStatus.FAIL]


def window_memory(config_dir: Path) -> QSettings:
    return QSettings(str(config_dir / "window.ini"), QSettings.Format.IniFormat)


def remember_open_items(memory: QSettings, url: str, report: CheckReport) -> None:
    """What the check of the relay at `url` found open, for the strip (and for the next start)."""
    steps = open_items(report)
    if steps and url:
        memory.setValue(OPEN_ITEMS_KEY, ",".join(steps))
        memory.setValue(OPEN_ITEMS_URL_KEY, url)
    else:
        memory.remove(OPEN_ITEMS_KEY)
        memory.remove(OPEN_ITEMS_URL_KEY)
        memory.remove(MESSAGES_ARRIVED_URL_KEY)
    memory.sync()


class SetupItemsNotice(QFrame):
    """Hidden unless the relay's last check, of the relay this inbox uses, found something to fix."""

    fix_requested = Signal()  # Settings ▸ Relay, its check running: each fix in full
    steps_changed = Signal()  # what is open changed (the empty inbox's words follow it)

    def __init__(self, ctx: AppContext, memory: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupItemsNotice")
        self.ctx = ctx
        self.memory = memory
        self.text = QLabel(self)
        self.fix_button = QPushButton(self.tr("Ho&w to fix…"), self)
        self.fix_button.setToolTip(self.tr("Open Settings ▸ Relay, where the relay's check says what to do"))
        self.fix_button.clicked.connect(self.fix_requested)
        lay_out_warning_strip(self, self.text, self.fix_button)
        self.online = False
        self.checking = False
        self.ask_again = False  # news came while a check was out: its answer may be older than it
        self.unchecked_url = ""  # a relay connected in Settings without its check: asked once
        self.timer = QTimer(self)
        self.timer.setInterval(RECHECK_MS)
        self.timer.timeout.connect(self.check)
        # The demo's relay is simulated: it has nothing to set up.
        url = "" if ctx.demo else str(memory.value(OPEN_ITEMS_URL_KEY, "") or "")
        kept = memory.value(OPEN_ITEMS_KEY, "") if url else ""
        # Written quoted, it reads back as one string; unquoted (edited by hand), as Qt's list.
        listed_steps = kept if isinstance(kept, list) else str(kept or "").split(",")
        self.url = url  # the relay the steps below were found at
        self.steps = [str(step).strip() for step in listed_steps if str(step).strip()]
        self.arrived_url = str(memory.value(MESSAGES_ARRIVED_URL_KEY, "") or "") if url else ""
        ctx.hub.changed.connect(self._changed)
        self._show()

    def relay_url(self) -> str:
        return str(self.ctx.prefs.get("relay_url") or "")

    def open_steps(self) -> list[str]:
        """What is open on the relay this inbox uses, as last checked."""
        return self.steps if self.url and self.url == self.relay_url() else []

    def set_connection(self, state: ConnectionState) -> None:
        """How the link to the relay stands: each new connection asks again while something is open."""
        connected = state.kind is Connection.ONLINE and not self.online
        self.online = state.kind is Connection.ONLINE
        if connected:
            self.check()
        self._show()

    def messages_arrive(self) -> bool:
        """A customer's message came through the relay this inbox uses: whatever its check still
        finds, messages do reach the inbox."""
        return bool(self.arrived_url) and self.arrived_url == self.relay_url()

    def _changed(self, changes: Changes) -> None:
        if not (changes.from_sync and changes.written) or not self.open_steps():
            return
        if not self.messages_arrive():
            self.arrived_url = self.relay_url()
            self.memory.setValue(MESSAGES_ARRIVED_URL_KEY, self.arrived_url)
            self.memory.sync()
            self._show()
            # The relay counts a stored webhook as Meta's verification: its check has news now,
            # not only at the timer's next turn.
            self.check()

    def ask_about(self, url: str) -> None:
        """The inbox was connected to the relay at `url` in Settings: its check is asked for once it
        answers, as the first-run wizard asks it (saved without Check connection, no check had run,
        and nothing said that Meta could not reach it)."""
        if self.ctx.demo or not url:
            return
        # Asked when the inbox connects to it (the engine starts again on it, "connecting" first):
        # asked now, the engine still on the old relay would answer, or fail as it stops.
        self.unchecked_url = url

    def check(self) -> None:
        """Ask the relay to run its check (off the GUI thread) while something is open on it, or
        while it was never checked since Settings connected it."""
        sync = self.ctx.sync
        client = sync.relay_client() if sync is not None else None
        if self.checking:
            self.ask_again = True
            return
        unchecked = bool(self.unchecked_url) and self.unchecked_url == self.relay_url()
        if not self.online or not (self.open_steps() or unchecked) or client is None or sync is None:
            return
        url = sync.relay_url
        self.checking = True
        run_op(
            client.check_report,
            lambda report: self._checked(url, report),
            parent=self,
            on_failure=self._not_checked,
        )

    def _checked(self, url: str, report: CheckReport) -> None:
        self.checking = False
        self.take(url, report)
        if self.ask_again:
            self.ask_again = False
            self.check()

    def _not_checked(self, exc: BaseException) -> None:
        # Unreachable, a refused token…: the connection banner says those; the steps stay as they
        # were, asked again at the next connection or turn of the timer.
        self.checking = False
        log.info("relay check for the setup strip not run: %s", type(exc).__name__)
        if self.ask_again:  # a connection came meanwhile (the failure may be the old one's)
            self.ask_again = False
            self.check()

    def take(self, url: str, report: CheckReport) -> None:
        """A check of the relay at `url`: this strip's, or the owner's own in Settings (of an address
        typed there and not saved, it says nothing about this inbox's relay)."""
        if self.ctx.demo or not url or url != self.relay_url():
            return
        before = self.open_steps()
        if url == self.unchecked_url:
            self.unchecked_url = ""
        self.url, self.steps = url, open_items(report)
        remember_open_items(self.memory, url, report)
        self._show()
        if self.open_steps() != before:
            self.steps_changed.emit()

    def sentence(self) -> str:
        # Not at the top: it brings the relay client (httpx), which the window's first paint goes without.
        from ui.relay_check_view import is_known_step, step_title

        steps = self.open_steps()
        # Each quoted as Settings ▸ Relay titles it, so the owner finds the line the strip named
        # there, and a title's own "and" ("Meta access token and phone number") is not the list's.
        titles = [
            self.tr("“{title}”").format(title=step_title(step)) for step in steps if is_known_step(step)
        ]
        # A newer relay's step comes as an id alone ("webhook_foo"): said as one more thing, which
        # Settings ▸ Relay spells out in the relay's own words.
        if (unknown := sum(1 for step in steps if not is_known_step(step))) == 1:
            titles.append(self.tr("one more thing (Settings\u00a0▸\u00a0Relay says what)"))
        elif unknown:
            titles.append(
                self.tr("{count} more things (Settings\u00a0▸\u00a0Relay says what)").format(count=unknown)
            )
        if self.messages_arrive():
            return self.tr(
                "Customers' messages reach this inbox, but your relay's check still finds something "
                "to fix: {items}."
            ).format(items=listed(titles))
        return self.tr(
            "Customers' messages cannot reach this inbox yet. Still to fix on your relay: {items}."
        ).format(items=listed(titles))

    def _show(self) -> None:
        if self.online and self.open_steps():
            if not self.timer.isActive():
                self.timer.start()
        else:
            self.timer.stop()
        if not self.open_steps():
            self.hide()
            return
        text = self.sentence()
        new = self.isHidden() or self.text.text() != text
        self.text.setText(text)
        self.show()
        if new:  # a strip that appears by itself is read by no screen reader: said once
            announce(self, text)
