"""Settings' relay token field and the line saying where the token is kept, read off the GUI thread;
the token's line kept from a paste of several terminal lines (the wizard's field too)."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QWidget

from app.relay_token_text import clean_relay_token
from ui.context import AppContext
from ui.ops import run_op
from ui.token_store import TokenPlace, place_sentence

# A line that is a token and nothing else: `shop-inbox-relay token` prints 43 URL-safe characters
# (RELAY_CLIENT_TOKEN may be any long run of such); "Note: …" or a shell prompt is not one.
TOKEN_LINE = re.compile(r"[A-Za-z0-9_\-.~+/=]{16,}")


def token_in_paste(text: str) -> str:
    """The token in what was pasted: a terminal's lines copied together ("Note: a relay started
    with…" above the token, the prompt below) keep the token's line; one line loses the invisible
    characters no token holds (a zero-width space, a byte-order mark…); several lines with no
    token's line among them stay as they are."""
    if "\n" not in text and "\r" not in text:
        return clean_relay_token(text)
    lines = [clean_relay_token(line) for line in text.splitlines()]
    found = [line for line in lines if TOKEN_LINE.fullmatch(line)]
    return found[-1] if found else text


def keep_token_line(edit: QLineEdit) -> None:
    """A password field shows dots: a paste of several lines, or one with a zero-width space or a
    byte-order mark copied along, looked like a token and was refused."""

    def edited(text: str) -> None:
        token = token_in_paste(text)
        if token != text:
            edit.setText(token)

    edit.textEdited.connect(edited)


def foreign_letters_sentence(letters: str) -> str:
    """Why a token holding `letters` (app.relay_token_text.foreign_letters) was not tried: the relay
    was never asked, and "not a relay" or "refused" would send the owner looking elsewhere."""
    return QCoreApplication.translate(
        "RelayTokenField",
        "A relay token never holds “{letters}”: it is made of Latin letters, digits, - and _. Copy it "
        "again from the relay (shop-inbox-relay token); if you type it, switch the keyboard to "
        "English first.",
    ).format(letters=" ".join(letters))


def _application() -> QCoreApplication:
    app = QApplication.instance()
    assert app is not None  # a dialog is shown
    return app


class RelayTokenField(QObject):
    """`edit` (the token, never shown back) and `where` (where the kept one is) in `dialog`.

    Where the token is kept is asked of the keyring by `token_place` in the background: it can take
    seconds, or show the OS's unlock prompt. Meanwhile the field is disabled and says it is being
    read; the rest of the dialog does not wait. Closing the dialog drops a late answer.
    """

    def __init__(
        self, ctx: AppContext, dialog: QDialog, token_place: Callable[[], TokenPlace] | None
    ) -> None:
        super().__init__(dialog)
        self.ctx = ctx
        self.dialog = dialog
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        keep_token_line(self.edit)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        # Counts the reads, the saves and the dialog's close: a read answers only if nothing came
        # after it (a save says where the new token went itself).
        self._asks = 0
        self._wanted = False  # the field is to take the keyboard once it can
        self._asked_for = False  # the relay refused the kept token, or none is kept: a new one is wanted
        self._place: TokenPlace | None = None
        dialog.finished.connect(self._closed)
        if token_place is None:
            self._show(None)
        else:
            self._read(token_place)

    def _read(self, token_place: Callable[[], TokenPlace]) -> None:
        self.edit.setEnabled(False)
        self.edit.setPlaceholderText(self.tr("Reading…"))
        self.where.setText(self.tr("Looking for the relay token in this computer's password store…"))
        self._asks += 1
        asked = self._asks

        def answered(place: TokenPlace | None) -> None:
            if asked == self._asks:  # not closed, saved or asked again meanwhile
                self._show(place)

        # A keyring that raised (ops.py logs it): said as not known, the field usable all the same.
        run_op(token_place, answered, parent=self.dialog, on_failure=lambda _exc: answered(None))

    def _show(self, place: TokenPlace | None) -> None:
        """The field once it is known where the token is kept (`place` None: not known, the keyring
        failed or nothing was asked: leaving the field empty keeps what is kept)."""
        # "Leave empty to keep the current one" read oddly with none kept (a backup restored on a
        # new computer): the field then asks for it.
        # Nor when the relay refused the one kept: "the current one" is the one refused.
        self._place = place
        self._say_what_to_type()
        self.where.setText(
            self.tr("No relay token stored yet.") if place is None else place_sentence(self.ctx, place)
        )
        self.edit.setEnabled(True)
        if self._wanted:
            self._stop_waiting()
            self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _say_what_to_type(self) -> None:
        self.edit.setPlaceholderText(
            self.tr("Paste your relay token")
            if self._place == "none" or self._asked_for
            else self.tr("Leave empty to keep the current relay token")
        )

    def kept_at(self, where: str) -> None:
        """A new token was kept (`where`, in words): a read still out says nothing now."""
        self.saving()
        self.where.setText(where)

    def saving(self) -> None:
        """A new token is being kept: a read of where the old one was, still out, says nothing now."""
        self._asks += 1

    def waiting_for_keyboard(self) -> bool:
        return self._wanted

    def take_keyboard(self) -> None:
        """The keyboard in the field (the relay refused the token, or none is kept here), at once or
        as soon as it is known where the token is kept."""
        self._asked_for = True
        if self.edit.isEnabled():
            self._say_what_to_type()
            self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        elif not self._wanted:
            self._wanted = True
            # Until then a key or click of the owner's in the dialog keeps the keyboard where she put it.
            _application().installEventFilter(self)

    def _stop_waiting(self) -> None:
        if self._wanted:
            self._wanted = False
            _application().removeEventFilter(self)

    def _closed(self, _result: int) -> None:
        self._asks += 1  # a read still out answers nothing
        self._stop_waiting()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self._wanted
            and event.type() in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress)
            and isinstance(watched, QWidget)
            and self.dialog.isAncestorOf(watched)
        ):
            self._stop_waiting()  # she went on with something else meanwhile
        return False
