"""The question before quitting while the owner's replies still wait in the outbox to be sent."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.confirm import confirm


def may_quit(parent: QWidget, waiting: int) -> bool:
    """True when nothing waits, or the owner chose to quit anyway. Quitting loses no reply (the
    outbox is in the inbox file), but one she wrote would reach its customer only at the next start:
    "Don't quit" is the default, as Enter and Esc are, so a stray key never leaves a reply unsent."""
    if waiting <= 0:
        return True
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
    return confirm(
        parent,
        QCoreApplication.translate("QuitQuestion", "Quit Shop Inbox?"),
        text,
        QCoreApplication.translate("QuitQuestion", "Quit anyway"),
        keep=QCoreApplication.translate("QuitQuestion", "Don't quit"),
        warning=True,
    )
