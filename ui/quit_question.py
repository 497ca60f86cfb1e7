"""The question before quitting while the owner's replies still wait in the outbox to be sent, or a
change the relay acts on (the away message…) has not reached it yet."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.confirm import confirm
from ui.pushes_waiting_notice import listed


def may_quit(parent: QWidget, waiting: int, changes: Sequence[str] = ()) -> bool:
    """True when nothing waits, or the owner chose to quit anyway. Quitting loses no reply (the
    outbox is in the inbox file), but one she wrote would reach its customer only at the next start:
    "Don't quit" is the default, as Enter and Esc are, so a stray key never leaves a reply unsent.
    `changes`: what the relay has not taken yet, named (ui/pushes_waiting_notice.py); the relay runs
    the away message while this computer is closed, with the version it has."""
    if waiting <= 0 and not changes:
        return True
    sentences = []
    if waiting > 0:
        sentences.append(_replies_sentence(waiting))
    if changes:
        sentences.append(
            QCoreApplication.translate(
                "QuitQuestion",
                "Not yet on your relay: {changes}. If you quit now, the relay uses the previous version "
                "until Shop Inbox is open again and reaches it.",
            ).format(changes=listed(list(changes)))
        )
    return confirm(
        parent,
        QCoreApplication.translate("QuitQuestion", "Quit Shop Inbox?"),
        "\n\n".join(sentences),
        QCoreApplication.translate("QuitQuestion", "Quit anyway"),
        keep=QCoreApplication.translate("QuitQuestion", "Don't quit"),
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
