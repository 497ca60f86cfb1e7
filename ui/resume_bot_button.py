"""The chat header's Resume bot: one chat of hers whose bot is off, or a menu of each, and all."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from app.queries import ConversationRow
from ui.chat_menu import RESUME_BOT_KEYS
from ui.enter_key import click_on_enter
from ui.formatting import business_number_text, coming_time
from ui.icon_buttons import keys_tip, press_with_keys


@dataclass(frozen=True, slots=True)
class BotOff:
    """Her chat on one of the shop's numbers where the menu bot is off (handed to a person, or the
    owner wrote): that number's phone_number_id (None when the row knows none), the number as the
    shop's people dial it (None with one number), and when the pause ends. `owner_wrote`: not
    handed over, only quiet because the owner wrote in the chat (app.owner_pause)."""

    number_id: str | None
    dialled: str | None
    until: datetime | None
    owner_wrote: bool = False


def bot_off_chats(
    conv: ConversationRow, now: datetime, shop_region: str, owner_quiet_until: datetime | None = None
) -> list[BotOff]:
    """Her chats whose bot Resume bot can switch back on: the row's own first (handed over, or
    quiet until `owner_quiet_until` because the owner wrote there), then those on the shop's other
    numbers, the newest hand-off first."""
    chats = []
    dialled = business_number_text(conv.business_number, shop_region) if conv.business_number else None
    if conv.needs_person(now):
        chats.append(BotOff(conv.phone_number_id, dialled, conv.bot_paused_until))
    elif owner_quiet_until is not None and now < owner_quiet_until and not conv.group_archive:
        chats.append(BotOff(conv.phone_number_id, dialled, owner_quiet_until, owner_wrote=True))
    for handoff in conv.handoffs_elsewhere:
        if now < handoff.until:
            dialled = business_number_text(handoff.number, shop_region) if handoff.number else None
            chats.append(BotOff(handoff.number_id, dialled, handoff.until))
    return chats


class ResumeBotButton(QToolButton):
    """Resume bot for the open chat. With her bot off on one number it resumes that one (naming the
    number when the row is on another); on several, a click opens a menu with an entry per number
    and one for them all. `chosen` carries the chats to resume."""

    chosen = Signal(tuple)  # tuple[BotOff, ...]

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setText(self.tr("Resume bot"))
        # Ctrl+Shift+B (bot): the window's Alt letters are all taken. It clicks the button, which
        # opens the menu when there is one.
        press_with_keys(self, RESUME_BOT_KEYS, self.tr("Let the menu bot answer this customer again"))
        click_on_enter(self)
        self._chats: tuple[BotOff, ...] = ()
        self._choices = QMenu(self)
        self._choices.setObjectName("resumeBotMenu")
        self.clicked.connect(self._clicked)

    def offer(self, chats: list[BotOff], row_number_id: str | None, now: datetime) -> None:
        """Offer these chats of hers (bot_off_chats); the row is on number `row_number_id`."""
        self._chats = tuple(chats)
        self._choices.clear()
        if len(chats) > 1:
            text = self.tr("Resume bot")
            tip = self.tr("Let the menu bot answer this customer again: choose the number")
            for chat in chats:
                number = chat.dialled or chat.number_id or ""
                action = self._choices.addAction(self.tr("On {0}").format(number))
                action.triggered.connect(lambda _checked=False, chat=chat: self.chosen.emit((chat,)))
            self._choices.addSeparator()
            every = self._choices.addAction(self.tr("On all {0} numbers").format(len(chats)))
            every.triggered.connect(lambda _checked=False: self.chosen.emit(self._chats))
            self.setMenu(self._choices)
            self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        else:
            text = self.tr("Resume bot")
            tip = self.tr("Let the menu bot answer this customer again")
            if chats and chats[0].number_id != row_number_id and chats[0].dialled:
                text = self.tr("Resume bot on {0}").format(chats[0].dialled)
                tip = self.tr("Let the menu bot answer this customer again on your number {0}").format(
                    chats[0].dialled
                )
            if chats and chats[0].owner_wrote and chats[0].until is not None:
                tip = " ".join(
                    [self.quiet_sentence(chats[0].until, now), self.tr("Let it answer this customer again.")]
                )
            self.setMenu(None)  # type: ignore[arg-type]
            self.setPopupMode(QToolButton.ToolButtonPopupMode.DelayedPopup)
        self.setText(text)
        self.setToolTip(keys_tip(tip, RESUME_BOT_KEYS))

    def quiet_sentence(self, until: datetime, now: datetime) -> str:
        """Why the bot is off in a chat the owner wrote in (app.owner_pause), and until when."""
        return self.tr("You wrote in this chat, so the menu bot stays quiet here until {0}.").format(
            coming_time(until, now)
        )

    def choices(self) -> list[str]:
        """The menu's entries as the owner reads them (none while one chat is offered)."""
        return [a.text() for a in self._choices.actions() if not a.isSeparator()]

    def _clicked(self) -> None:
        if self.menu() is None and self._chats:  # with several, the menu chooses
            self.chosen.emit(self._chats)
