"""The strip that says a change waits ("Shop Inbox keeps trying") and the one that says the relay
refused it never show together: each read the rules for itself, and under load the refusal's read
landed first, so for a moment the window said both (and Quit named the change as waiting and refused,
as a loaded CI run of test_a_change_the_relay_refused saw)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer

from app.automations_store import AUTOMATIONS_CHANGED, AutomationsStore, demo_automations, note_refused
from app.errors import RefusalParams
from app.relay_pushes import PushTask

ROUNDS = 25  # each round races the two strips' reads twice; one read for both leaves nothing to race


class BothShown(QObject):
    """Counts the turns of the event loop that began with both strips shown: after each show or hide
    of either, once the call that changed it has returned (what a screen, or Quit, would meet)."""

    def __init__(self, waiting: Any, refused: Any) -> None:
        super().__init__(waiting)
        self.waiting, self.refused = waiting, refused
        self.seen = 0
        for strip in (waiting, refused):
            strip.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            QTimer.singleShot(0, self, self._look)
        return False

    def _look(self) -> None:
        if self.waiting.isVisible() and self.refused.isVisible():
            self.seen += 1


def test_the_waiting_and_the_refused_strip_never_say_both_at_once(
    window: Any, qtbot: Any, english: None
) -> None:
    store = AutomationsStore(window.ctx.db)
    doc = demo_automations("en")
    waiting, refused = window.pushes_waiting, window.rules_refused
    window.pushes_waiting.set_waiting(frozenset({PushTask.AUTOMATIONS}))  # the engine tries it again
    both = BothShown(waiting, refused)

    for round_ in range(ROUNDS):
        saved = store.save(
            doc.model_copy(update={"away": doc.away.model_copy(update={"text": f"Away {round_}"})})
        )
        window.ctx.publish(AUTOMATIONS_CHANGED)
        qtbot.waitUntil(lambda: waiting.isVisible() and not refused.isVisible(), timeout=5000)
        with window.ctx.db.write() as session:  # the relay's 422, as the engine's push records it
            note_refused(session, saved.edit, RefusalParams(relay_code="invalid"))
        window.ctx.publish(AUTOMATIONS_CHANGED)
        qtbot.waitUntil(lambda: refused.isVisible() and not waiting.isVisible(), timeout=5000)

    assert both.seen == 0
    assert window.changes_left_unsent() == [] and window.changes_refused()  # Quit names it refused only
