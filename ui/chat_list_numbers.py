"""The chat list's number chip: in a shop with two or more WhatsApp numbers, whose chats it lists."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from app.business_numbers import NO_NUMBERS, ChatListNumbers, NumberChoice
from ui.formatting import business_number_text, count_text
from ui.icon_buttons import keys_tip, native_keys, press_with_keys
from ui.korean_particles import with_particles
from ui.label_names import as_button_text


class NumberChip(QToolButton):
    """A chip beside the filter chips whose menu offers "All numbers" and each of the shop's numbers;
    it says the one picked. Hidden in a one-number shop, which has nothing to choose. The number
    combines with the other chips (Unread, a label, Needs a person): it is not one of their group.

    Emits `picked(phone_number_id)` (None: every number) when the owner chooses in its menu.
    """

    picked = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, keys: str = "") -> None:
        super().__init__(parent)
        self.keys = keys  # its menu opens with them (the chat list's Ctrl+5)
        self.setObjectName("filterChip")
        self.setProperty("filter", "number")
        self.setCheckable(True)  # checked (lit, as a picked chip) while one number's chats are listed
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleDescription(self.usual_description())
        self.numbers = NO_NUMBERS
        self.region = "KR"
        self._menu = QMenu(self)
        self.setMenu(self._menu)
        if keys:
            press_with_keys(self, keys)
        self.hide()
        self._say()

    def show_numbers(self, numbers: ChatListNumbers, region: str) -> None:
        """The shop's numbers and the one listed (as read from the database), in the shop's way of
        writing numbers (`region`); the chip shows only where there is a choice."""
        self.numbers, self.region = numbers, region
        self._menu.clear()
        group = QActionGroup(self._menu)
        every = QAction(self.tr("All numbers"), self._menu)
        every.setObjectName("allNumbers")
        self._add(group, every, None)
        self._menu.addSeparator()
        for choice in numbers.choices:
            action = QAction(as_button_text(self.number_text(choice)), self._menu)
            self._add(group, action, choice.phone_number_id)
        self.setVisible(bool(numbers.choices))
        self._say()

    def _add(self, group: QActionGroup, action: QAction, phone_number_id: str | None) -> None:
        action.setCheckable(True)
        action.setChecked(phone_number_id == self.numbers.shown)
        action.setData(phone_number_id)
        group.addAction(action)
        self._menu.addAction(action)
        action.triggered.connect(lambda _=False, pnid=phone_number_id: self._pick(pnid))

    def choose(self, phone_number_id: str | None) -> None:
        """Pick this number (None: all of them) as the owner would in the menu; `picked` says so."""
        for action in self._menu.actions():
            if action.isCheckable() and action.data() == phone_number_id:
                action.setChecked(True)
        self._pick(phone_number_id)

    def usual_description(self) -> str:
        return self.tr("Lists the chats to one of your WhatsApp numbers, or to all of them.")

    def tell_new(self, new: list[NumberChoice]) -> str:
        """A customer wrote to a number of the shop's for the first time (the chip appears, or offers
        one more): the news, which the chip's description keeps until the owner picks in its menu,
        so a screen reader that reaches it later says why it is there."""
        numbers = ", ".join(self.number_text(choice) for choice in new)
        news = with_particles(
            self.tr("A customer wrote to your number {0} for the first time.").format(numbers)
        )
        if self.keys:
            news += " " + self.tr("{0} chooses whose chats the list shows.").format(native_keys(self.keys))
        self.setAccessibleDescription(news)
        return news

    def _pick(self, phone_number_id: str | None) -> None:
        self.setAccessibleDescription(self.usual_description())
        self.numbers = replace(self.numbers, shown=phone_number_id)
        self._say()
        self.picked.emit(phone_number_id)

    def number_text(self, choice: NumberChoice) -> str:
        """A number as the chat's header writes it ("To your number 02-555-0101")."""
        return business_number_text(choice.number, self.region)

    def shown_text(self) -> str:
        """The number whose chats are listed, as the chip writes it; "" for every number."""
        choice = next((c for c in self.numbers.choices if c.phone_number_id == self.numbers.shown), None)
        return "" if choice is None else self.number_text(choice)

    def _say(self) -> None:
        shown = self.shown_text()
        self.setChecked(bool(shown))
        # A number is not cut short (its last digits tell the branches apart); it fits beside the
        # other chips in a 1024-pixel window.
        self.setText(as_button_text(shown) if shown else self.tr("All numbers"))
        self.setAccessibleName(
            with_particles(self.tr("Chats to your number {0}").format(shown))
            if shown
            else self.tr("Chats to all your numbers")
        )
        tip = (
            with_particles(self.tr("Only the chats to your number {0} are listed").format(shown))
            if shown
            else self.tr("The chats to all your numbers are listed")
        )
        self.setToolTip(keys_tip(tip, self.keys) if self.keys else tip)


class OtherNumbersUnread(QToolButton):
    """Beside the number chip while one number's chats are listed: the unread messages to the shop's
    other numbers, which the list leaves out ("02-555-0202: 3 unread"), so a customer who wrote
    to the other branch is not missed. A click lists that number's chats (all of them, when several
    other numbers have unread messages). The window's title and the tray count every number's.

    Emits `picked(phone_number_id)` (None: every number), as the chip's menu does.
    """

    picked = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, keys: str = "") -> None:
        super().__init__(parent)
        self.keys = keys  # they press it (the chat list's Ctrl+6)
        if keys:
            press_with_keys(self, keys)
        self.setObjectName("otherNumbersUnread")
        self.setAutoRaise(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.target: str | None = None
        self.clicked.connect(lambda: self.picked.emit(self.target))
        self.hide()

    def show_unread(self, chip: NumberChip, by_number: tuple[tuple[str, int], ...]) -> None:
        """The unread messages (`by_number`: phone_number_id, count) to the numbers the chip does not
        list; hidden while it lists every number or the others have none."""
        shown = chip.numbers.shown
        choices = {c.phone_number_id: c for c in chip.numbers.choices}
        others = [(choices[pnid], n) for pnid, n in by_number if pnid != shown and pnid in choices and n]
        if shown is None or not others:
            self.hide()
            return
        total = sum(n for _, n in others)
        if len(others) == 1:
            number = chip.number_text(others[0][0])
            self.target = others[0][0].phone_number_id
            # The number first, as the tray's "To your number 02-555-0202: 3" does: "3 unread to 02-…"
            # read oddly.
            text = self.tr("{0}: {1} unread").format(number, count_text(total))
            tip = with_particles(
                self.tr("Unread messages to your number {0}: {1}. Click to list its chats.").format(
                    number, count_text(total)
                )
            )
        else:
            self.target = None
            text = self.tr("Other numbers: {0} unread").format(count_text(total))
            tip = self.tr("Unread messages to your other numbers: {0}. Click to list every chat.").format(
                count_text(total)
            )
        self.setText(as_button_text(text))
        self.setToolTip(keys_tip(tip, self.keys) if self.keys else tip)
        self.setAccessibleName(tip)
        self.show()
