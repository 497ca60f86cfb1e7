"""A strip offering the words an editor kept and nobody saved: "You have an unsaved away message from
Tue, Dec 1 2:32 PM — Restore / Discard"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, tzinfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenuBar,
    QPushButton,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from app.automations_parts import AutomationsPart
from ui.context import ChangeHub
from ui.formatting import recent_datetime, shortcut_text
from ui.icon_buttons import press_with_keys
from ui.theme import warning_colour

QUICK_REPLIES = "quick_reply"  # the quick replies' editor name (the automations editors': their part's)


def say_editor_open(hub: ChangeHub, name: str, event: QShowEvent | QHideEvent) -> None:
    """An editor that offers its own kept words is shown or hidden (not a minimised window's own
    show or hide): the offer above the chats hears it on the hub."""
    if not event.spontaneous():
        hub.editor_open.emit(name, isinstance(event, QShowEvent))


def kept_rules_sentence(part: AutomationsPart, at: datetime, now: datetime | None = None) -> str:
    """The offer of an automations editor's kept form, naming what it holds (kept at `at`, said at
    `now`: this computer's clock by default)."""
    when = recent_datetime(at, now)
    translate = QCoreApplication.translate
    if part is AutomationsPart.AWAY:
        return translate("KeptEdits", "You have an unsaved away message from {0}.").format(when)
    if part is AutomationsPart.GREETING:
        return translate("KeptEdits", "You have an unsaved greeting message from {0}.").format(when)
    if part is AutomationsPart.HOURS:
        return translate("KeptEdits", "You have unsaved business hours from {0}.").format(when)
    if part is AutomationsPart.BOT:
        return translate("KeptEdits", "You have unsaved menu bot changes from {0}.").format(when)
    return translate("KeptEdits", "You have unsaved shop profile changes from {0}.").format(when)


def kept_quick_reply_sentence(shortcut: str, at: datetime) -> str:
    """The offer of the quick replies' kept form, with its shortcut when it has one."""
    when, shortcut = recent_datetime(at), shortcut.strip()
    translate = QCoreApplication.translate
    if shortcut in ("", "/"):
        return translate("KeptEdits", "You have an unsaved quick reply from {0}.").format(when)
    return translate("KeptEdits", "You have an unsaved quick reply {1} from {0}.").format(
        when, shortcut_text(shortcut)
    )


def kept_item_sentence(name: str, at: datetime) -> str:
    """The offer of the catalogue item form's kept words, with the item's name when it has one."""
    when, name = recent_datetime(at), " ".join(name.split())
    translate = QCoreApplication.translate
    if not name:
        return translate("KeptEdits", "You have an unsaved catalogue item from {0}.").format(when)
    return translate("KeptEdits", "You have an unsaved catalogue item “{1}” from {0}.").format(when, name)


def kept_campaign_sentence(name: str, at: datetime, zone: tzinfo | None = None) -> str:
    """The offer of the campaign editor's kept campaign, with its name when it has one; on `zone`'s
    clock when given (the shop's, in the campaigns' window: its list and schedule are on it; above
    the chats, this computer's clock, the chat list's)."""
    when, name = recent_datetime(at, zone=zone), " ".join(name.split())
    translate = QCoreApplication.translate
    if not name:
        return translate("KeptEdits", "You have an unsaved campaign from {0}.").format(when)
    return translate("KeptEdits", "You have an unsaved campaign “{1}” from {0}.").format(when, name)


# Discard's own key, for a window where no letter of its words is free.
DISCARD_KEPT_KEYS = "Alt+Shift+D"


class KeptEditsStrip(QFrame):
    """Hidden until `offer(sentence)`; Restore or Discard hides it again."""

    restore = Signal()
    discard = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keptEditsStrip")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        # Alt letters only where the window has one free (`offer`): the strip sits in every editor
        # and above the chats, and some editors have all of theirs taken; Tab reaches its buttons.
        self.restore_button = QPushButton(self.tr("Restore"))
        self.discard_button = QPushButton(self.tr("Discard"))
        self.restore_button.setObjectName("restoreKeptEdits")
        self.discard_button.setObjectName("discardKeptEdits")
        self.restore_button.clicked.connect(self._restore)
        self.discard_button.clicked.connect(self._discard)
        # A key of its own besides: in the main window every letter of "Discard" is another part's
        # (the search's Period box took its D), so Alt could only move the keyboard there.
        press_with_keys(self.discard_button, DISCARD_KEPT_KEYS, self.tr("Discard the kept changes"))
        # The sentence over its buttons: beside them, in the chat list's narrow column, it wrapped
        # into four short lines.
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.discard_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.setStyleSheet(f"#keptEditsStrip {{ border: 1px solid {warning_colour()}; border-radius: 6px; }}")
        self.hide()

    def offer(self, sentence: str) -> None:
        self.text.setText(sentence)
        self._letter_buttons()
        self.show()

    def _letter_buttons(self) -> None:
        """Give Restore and Discard an Alt letter of their words that nothing else in the window has
        (the window is built by now), or none."""
        taken = letters_in(self.window(), apart=(self.restore_button, self.discard_button))
        restore = [self.tr("&Restore"), self.tr("R&estore"), self.tr("Res&tore"), self.tr("Rest&ore")]
        discard = [self.tr("&Discard"), self.tr("D&iscard"), self.tr("Dis&card"), self.tr("Disc&ard")]
        for button, texts, bare in (
            (self.restore_button, restore, self.tr("Restore")),
            (self.discard_button, discard, self.tr("Discard")),
        ):
            text = next(
                (t for t in texts if (letter := alt_letter(t)) is not None and letter not in taken), bare
            )
            button.setText(text)
            if (letter := alt_letter(text)) is not None:
                taken.add(letter)

    def _restore(self) -> None:
        self.hide()
        self.restore.emit()

    def _discard(self) -> None:
        self.hide()
        self.discard.emit()


def alt_letter(text: str) -> str | None:
    """The letter Alt presses `text` with, upper case ("&&" is a written "&")."""
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).upper() if found else None


def letters_in(window: QWidget, apart: Sequence[QWidget] = ()) -> set[str]:
    """The Alt letters of a window's buttons, labelled fields, group boxes and menu bar (but those
    of `apart`), hidden ones too: a tab not shown now is shown later."""
    texts: list[str] = []
    for widget in window.findChildren(QWidget):
        if widget in apart:
            continue
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QMenuBar):
            texts.extend(action.text() for action in widget.actions())
    return {letter for text in texts if (letter := alt_letter(text)) is not None}
