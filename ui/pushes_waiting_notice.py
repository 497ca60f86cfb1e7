"""A quiet strip above the chat while a change the relay acts on (the away message, a block…) has not
reached it: the sync engine tries it again on a backoff while online (app/relay_pushes.py).

The editor that saved it says "waiting" while it is open; once it is closed, only this strip does,
and the relay runs the away message while the laptop is closed: an owner who closed it believing
her new away message was live left customers with the old one."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from app.automations_parts import AutomationsPart
from app.automations_store import AutomationsState, SyncStatus
from app.away_status import StillSent, relay_still_sends
from app.connection import Connection, ConnectionState
from app.relay_pushes import RELAY_ACTS_ON, PushTask
from ui import icons
from ui.announce import announce
from ui.automations_state_reads import AutomationsStateReads
from ui.context import AppContext

log = logging.getLogger(__name__)


def part_name(part: AutomationsPart) -> str:
    """A part of the automations as the window names it, for the middle of a sentence."""
    names = {
        AutomationsPart.AWAY: QCoreApplication.translate("PushesWaiting", "away message"),
        AutomationsPart.GREETING: QCoreApplication.translate("PushesWaiting", "greeting message"),
        AutomationsPart.HOURS: QCoreApplication.translate("PushesWaiting", "business hours"),
        AutomationsPart.BOT: QCoreApplication.translate("PushesWaiting", "menu bot"),
        AutomationsPart.PROFILE: QCoreApplication.translate("PushesWaiting", "shop details"),
    }
    return names[part]


def waiting_names(tasks: frozenset[PushTask], parts: tuple[AutomationsPart, ...]) -> list[str]:
    """What waits, named for the owner, in a fixed order; `parts`: the automations' changed parts."""
    names: list[str] = []
    if PushTask.AUTOMATIONS in tasks:
        if parts:
            names.extend(part_name(part) for part in parts)
        else:  # the bank account or the hours written into the texts anew: no editor's part
            names.append(QCoreApplication.translate("PushesWaiting", "automatic messages"))
    if PushTask.BLOCKS in tasks:
        names.append(QCoreApplication.translate("PushesWaiting", "blocked customers"))
    if PushTask.ORDER_STATUSES in tasks:
        names.append(QCoreApplication.translate("PushesWaiting", "order statuses for the menu bot"))
    if PushTask.KNOWN_CONTACTS in tasks:
        names.append(QCoreApplication.translate("PushesWaiting", "customers from imported chats"))
    return names


def listed(names: list[str]) -> str:
    """ "a, b and c" in the window's language."""
    if len(names) <= 1:
        return "".join(names)
    return QCoreApplication.translate("PushesWaiting", "{first} and {last}").format(
        first=QCoreApplication.translate("PushesWaiting", ", ").join(names[:-1]), last=names[-1]
    )


class PushesWaitingNotice(QFrame):
    """Hidden unless something the relay acts on waits to reach it; names what waits. While the relay
    cannot be reached, the engine retries nothing (the reconnect pushes all): then a change to the
    automations saved here and not on the relay is said all the same, as it waits just as well."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, states: AutomationsStateReads | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # The automations' state as read for every strip at once (the window's; else this one's).
        self.states = states if states is not None else AutomationsStateReads(ctx, self)
        self.setObjectName("pushesWaitingNotice")
        self.tasks: frozenset[PushTask] = frozenset()
        self.parts: tuple[AutomationsPart, ...] = ()
        # The automations hold a change the relay has not taken (as last read; None: not read yet).
        # The engine's waiting push is settled only at its next try: a change put back as the relay
        # has it waits no more from the moment it is saved.
        self.pending: bool | None = None
        self.lost = False  # the relay cannot be reached (the connection banner says so)
        # The waiting change is the relay's first rules (a first setup, a new relay): it has none.
        self.relay_has_none = False
        # The away message and greeting the relay goes on sending, switched off or changed here.
        self.still_sends: tuple[StillSent, ...] = ()
        self.icon = QLabel(self)
        self.icon.setPixmap(icons.icon("clock").pixmap(16, 16))
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 5, 12, 5)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        # Another save while the first waits adds its part; the engine's retry that went clears them;
        # a save that puts the change back as the relay has it ends the wait.
        self.states.read.connect(self._parts_read)
        self.hide()

    def set_waiting(self, tasks: frozenset[PushTask]) -> None:
        """What the sync engine tries again while online (SyncAdapter.pushes_waiting_changed)."""
        self.tasks = frozenset(tasks) & RELAY_ACTS_ON
        if PushTask.AUTOMATIONS in self.tasks:
            self._read_parts()  # shown with the parts once read; meanwhile, as last read
        self._show()

    def set_connection(self, state: ConnectionState) -> None:
        """How the link to the relay stands (the banner's state)."""
        self.lost = state.kind in (Connection.OFFLINE, Connection.RECONNECTING)
        if self.lost:
            self._read_parts()
        self._show()

    def names(self) -> list[str]:
        return waiting_names(frozenset(self._waiting_tasks()), self.parts)

    def _waiting_tasks(self) -> set[PushTask]:
        tasks = set(self.tasks)
        if self.lost and self.pending:
            tasks.add(PushTask.AUTOMATIONS)
        if self.pending is False:
            tasks.discard(PushTask.AUTOMATIONS)
        return tasks

    def _automations_wait(self) -> bool:
        return PushTask.AUTOMATIONS in self._waiting_tasks()

    def still_sent(self) -> tuple[StillSent, ...]:
        """While the automations wait (as last read): what the relay goes on sending of what the
        owner switched off or changed (the quit question says it)."""
        return self.still_sends if self._automations_wait() else ()

    def _read_parts(self) -> None:
        self.states.refresh()

    def _parts_read(self, state: AutomationsState) -> None:
        self.parts = state.waiting_parts
        self.pending = state.status is SyncStatus.PENDING  # not a refused one: nothing tries it
        self.relay_has_none = state.relay_has_none
        self.still_sends = relay_still_sends(state) if self.pending else ()
        self._show()

    def _show(self) -> None:
        names = self.names()
        if not names:
            self.hide()
            return
        if self.relay_has_none and self._automations_wait():
            # No previous version to fall back on: without rules, the relay sends no greeting, away
            # message or menu bot answer at all (relay/automations.py reads an empty document).
            text = self.tr(
                "Not yet on your relay: {changes}. Shop Inbox keeps trying; until then the relay has no "
                "rules from you and sends no automatic messages, even while this computer is closed."
            )
        else:
            text = self.tr(
                "Not yet on your relay: {changes}. Shop Inbox keeps trying; until then the relay uses the "
                "previous version, even while this computer is closed."
            )
        text = text.format(changes=listed(names))
        new = self.isHidden() or self.text.text() != text
        self.text.setText(text)
        self.show()
        if new:  # a strip that appears by itself is read by no screen reader: said once
            announce(self, text)
