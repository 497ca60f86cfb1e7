"""Open at sign-in, as the owner ticked it (Settings ▸ Messages, and the first-run wizard's last
page): written to the computer's start-up list, and a refusal said in the owner's words."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.paths import platform_paths
from app.sign_in import SignInStart, start_command
from ui import message_box
from ui.context import AppContext

log = logging.getLogger(__name__)


def sign_in_is_on(sign_in: SignInStart) -> bool:
    try:
        return sign_in.is_on()  # a file's or a registry value's presence: quick
    except OSError as exc:
        log.warning("could not read the sign-in start: %s", exc)
        return False


def set_open_at_sign_in(parent: QWidget, ctx: AppContext, sign_in: SignInStart, wanted: bool) -> bool:
    """Open this inbox at sign-in, or not, whatever the start-up list held before (an entry a
    reinstalled or moved program left names another path); False (and said) when the computer
    refused the change."""
    # This inbox, also when it lives in a folder of its own (--data-dir) rather than the usual one.
    own_folder = ctx.paths.data_dir
    data_dir = None if own_folder == platform_paths().data_dir else own_folder
    command = start_command(data_dir)
    try:
        if wanted and not sign_in.opens(command):
            sign_in.turn_on(command)
        elif not wanted and sign_in.is_on():
            sign_in.turn_off()
    except OSError as exc:  # a start-up folder that may not be written, a locked registry
        log.warning("sign-in start not changed: %s", exc)
        reason = exc.strerror or str(exc)
        message_box.warning(
            parent,
            QCoreApplication.translate("SignInChoice", "Settings not saved"),
            QCoreApplication.translate(
                "SignInChoice",
                "The computer did not let Shop Inbox change what opens when you sign in ({reason}).",
            ).format(reason=reason),
        )
        return False
    return True
