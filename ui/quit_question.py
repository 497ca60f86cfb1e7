"""The question before quitting while the owner's replies still wait in the outbox to be sent, or a
change the relay acts on (the away message…) has not reached it yet."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.away_status import StillSent
from ui.confirm import confirm
from ui.pushes_waiting_notice import listed


def may_quit(
    parent: QWidget,
    waiting: int,
    changes: Sequence[str] = (),
    refused: Sequence[str] = (),
    relay_has_none: bool = False,
    still_sent: Sequence[StillSent] = (),
    refused_still_sent: Sequence[StillSent] = (),
) -> bool:
    """True when nothing waits, or the owner chose to quit anyway. Quitting loses no reply (the
    outbox is in the inbox file), but one she wrote would reach its customer only at the next start:
    "Don't quit" is the default, as Enter and Esc are, so a stray key never leaves a reply unsent.
    `changes`: what the relay has not taken yet, named (ui/pushes_waiting_notice.py); the relay runs
    the away message while this computer is closed, with the version it has. `refused`: what the
    relay refused for good, named (ui/rules_refused_notice.py): not tried again, by this start or
    the next, until the owner fixes or discards it. `relay_has_none`: the waiting rules are the
    relay's first (it has none of the shop's, so it sends no automatic message meanwhile).
    `still_sent`: the away message and greeting the relay's previous version goes on sending that
    the owner switched off or changed (app/away_status.relay_still_sends): "the previous version"
    alone left her to work out that customers still get the away message she switched off.
    `refused_still_sent`: the same, for the change the relay refused (it goes on until she fixes or
    discards it)."""
    if waiting <= 0 and not changes and not refused:
        return True
    sentences = []
    if waiting > 0:
        sentences.append(_replies_sentence(waiting))
    if changes and relay_has_none:
        sentences.append(
            QCoreApplication.translate(
                "QuitQuestion",
                "Not yet on your relay: {changes}. If you quit now, the relay has no rules from you and "
                "sends no automatic messages until Shop Inbox is open again and reaches it.",
            ).format(changes=listed(list(changes)))
        )
    elif changes and still_sent:
        sentences.append(
            QCoreApplication.translate(
                "QuitQuestion",
                "Not yet on your relay: {changes}. If you quit now, the relay uses the previous version "
                "until Shop Inbox is open again and reaches it: customers who write still get {sent}.",
            ).format(changes=listed(list(changes)), sent=listed([_still_sent_name(s) for s in still_sent]))
        )
    elif changes:
        sentences.append(
            QCoreApplication.translate(
                "QuitQuestion",
                "Not yet on your relay: {changes}. If you quit now, the relay uses the previous version "
                "until Shop Inbox is open again and reaches it.",
            ).format(changes=listed(list(changes)))
        )
    if refused and refused_still_sent:
        sentences.append(
            QCoreApplication.translate(
                "QuitQuestion",
                "Your relay refused your change: {changes}. It is not sent again by itself: fix it in "
                "its editor or discard it. Until then customers who write still get {sent}, even while "
                "this computer is closed.",
            ).format(
                changes=listed(list(refused)),
                sent=listed([_still_sent_name(s) for s in refused_still_sent]),
            )
        )
    elif refused:
        sentences.append(
            QCoreApplication.translate(
                "QuitQuestion",
                "Your relay refused your change: {changes}. It is not sent again by itself: fix it in "
                "its editor or discard it. Until then the relay does without it, even while this "
                "computer is closed.",
            ).format(changes=listed(list(refused)))
        )
    return confirm(
        parent,
        QCoreApplication.translate("QuitQuestion", "Quit Shop Inbox?"),
        "\n\n".join(sentences),
        QCoreApplication.translate("QuitQuestion", "&Quit anyway"),
        keep=QCoreApplication.translate("QuitQuestion", "&Don't quit"),
        warning=True,
    )


def _replies_sentence(waiting: int) -> str:
    if waiting == 1:
        text = QCoreApplication.translate(
            "QuitQuestion",
            "1 reply you wrote has not been sent yet. It goes out by itself the next time Shop Inbox "
            "is open and reaches your relay.",
        )
    else:
        text = QCoreApplication.translate(
            "QuitQuestion",
            "%Ln replies you wrote have not been sent yet. They go out by themselves the next time "
            "Shop Inbox is open and reaches your relay.",
            "",
            waiting,
        )
    return text


def _still_sent_name(sent: StillSent) -> str:
    """What the relay goes on sending, for the end of a sentence."""
    names = {
        StillSent.AWAY_SWITCHED_OFF: QCoreApplication.translate(
            "QuitQuestion", "the away message you switched off"
        ),
        StillSent.AWAY_AS_BEFORE: QCoreApplication.translate(
            "QuitQuestion", "the away message as it was before your change"
        ),
        StillSent.GREETING_SWITCHED_OFF: QCoreApplication.translate(
            "QuitQuestion", "the greeting message you switched off"
        ),
        StillSent.GREETING_AS_BEFORE: QCoreApplication.translate(
            "QuitQuestion", "the greeting message as it was before your change"
        ),
    }
    return names[sent]
