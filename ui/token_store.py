"""The relay token as the UI handles it: the demo's in memory, else the keyring (or the config file).

A keyring can take seconds to answer, or show the OS's unlock prompt: Settings reads and keeps the
token off the GUI thread (`kept_token_place`, `keep_token_in_background`), as the first-run
wizard keeps it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Literal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app import tokens
from app.errors import ErrorCode, InvalidInput, NoKeyring
from ui.confirm import confirm
from ui.context import AppContext
from ui.error_sentences import error_sentence
from ui.ops import run_op

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def load_token(ctx: AppContext, relay_url: str) -> str | None:
    if ctx.relay_token:
        return ctx.relay_token
    return tokens.load_token(relay_url, config_file=ctx.paths.config_file)


def _keep_where_chosen(ctx: AppContext, relay_url: str, token: str) -> tokens.TokenLocation:
    """Keep the token in the keyring, or in the config file if the owner chose it on this computer
    before (blocking); NoKeyring when she must be asked first."""
    try:
        return tokens.save_token(relay_url, token, config_file=ctx.paths.config_file)
    except NoKeyring:
        # The owner said yes once on this computer: a new token (rotated, pasted again, or another
        # relay's after a move) goes where the old one is without asking her again.
        if not tokens.config_file_chosen(ctx.paths.config_file):
            raise
    return tokens.save_token(relay_url, token, config_file=ctx.paths.config_file, allow_config_file=True)


def _file_wanted(parent: QWidget | None, exc: NoKeyring) -> bool:
    """Ask the owner whether the token may go to the settings file, saying why the keyring did not take it."""
    if exc.code is ErrorCode.KEYRING_REFUSED:
        title = translate("TokenStore", "Password store did not keep the relay token")
    else:
        title = translate("TokenStore", "No password store")
    return confirm(
        parent,
        title,
        error_sentence(exc) + "\n\n" + translate("TokenStore", "Keep the relay token in the settings file?"),
        translate("TokenStore", "&Keep it in the file"),
        keep=translate("TokenStore", "&Cancel"),
        # Cancel throws away the token she just pasted ("The relay token was not saved") and leaves
        # her with no relay; the file is the answer a newcomer pressing Enter expects.
        enter_does_it=True,
    )


# keep_token_in_background as Settings is given it: (over, relay_url, token, kept, failed).
TokenKeeper = Callable[[QWidget, str, str, Callable[[str], None], Callable[[BaseException], None]], None]


def keep_token_in_background(
    parent: QWidget,
    ctx: AppContext,
    relay_url: str,
    token: str,
    kept: Callable[[str], None],
    failed: Callable[[BaseException], None],
) -> None:
    """Keep the token off the GUI thread; then `kept(where it is, in words)`, or `failed(error)`
    (TOKEN_NOT_SAVED when the owner would not have it in the settings file). With no keyring the
    owner is asked on the GUI thread, over `parent`, before the file is used."""

    def in_file() -> tokens.TokenLocation:
        return tokens.save_token(relay_url, token, config_file=ctx.paths.config_file, allow_config_file=True)

    def said(where: tokens.TokenLocation) -> None:
        kept(place_sentence(ctx, where))

    def not_kept(exc: BaseException) -> None:
        if not isinstance(exc, NoKeyring):
            failed(exc)
        elif _file_wanted(parent, exc):
            run_op(in_file, said, parent=parent, on_failure=failed)
        else:
            failed(InvalidInput(code=ErrorCode.TOKEN_NOT_SAVED))

    run_op(lambda: _keep_where_chosen(ctx, relay_url, token), said, parent=parent, on_failure=not_kept)


# Where the relay token in use is kept; "memory": the demo's.
TokenPlace = Literal["memory", "keyring", "config_file", "none", "locked"]


def kept_token_place(ctx: AppContext) -> TokenPlace:
    """Where the token for the relay in use is kept (blocking: it asks the keyring)."""
    if ctx.demo:
        return "memory"
    relay_url = str(ctx.prefs.get("relay_url") or "")
    if not relay_url:
        return "none"
    return tokens.token_location(relay_url, config_file=ctx.paths.config_file)


def place_sentence(ctx: AppContext, place: TokenPlace) -> str:
    """Where the token is kept, in words, for the settings dialog."""
    if place == "memory":
        return translate("TokenStore", "The demo keeps its relay token in memory only.")
    if place == "keyring":
        return translate("TokenStore", "Kept in this computer's password store (keyring).")
    if place == "config_file":
        return translate("TokenStore", "Kept in the settings file {path} (readable only by you).").format(
            path=ctx.paths.config_file
        )
    if place == "locked":
        return translate(
            "TokenStore",
            "This computer's password store (keyring) is locked, so Shop Inbox cannot read the relay "
            "token kept there. Unlock it and open Settings again, or paste the relay token to keep it "
            "anew.",
        )
    return translate("TokenStore", "No relay token stored yet.")


def token_location(ctx: AppContext) -> str:
    """Where the token is kept, in words (blocking: it asks the keyring)."""
    return place_sentence(ctx, kept_token_place(ctx))
