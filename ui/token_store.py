"""The relay token as the UI handles it: the demo's in memory, else the keyring (or the config file)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app import tokens
from ui.confirm import confirm
from ui.context import AppContext
from ui.error_sentences import error_sentence

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def load_token(ctx: AppContext, relay_url: str) -> str | None:
    if ctx.relay_token:
        return ctx.relay_token
    return tokens.load_token(relay_url, config_file=ctx.paths.config_file)


def store_token_interactively(parent: QWidget | None, ctx: AppContext, relay_url: str, token: str) -> bool:
    """Keep the token in the keyring; with no keyring, ask before using the config file."""
    try:
        tokens.save_token(relay_url, token, config_file=ctx.paths.config_file)
        return True
    except tokens.NoKeyring as exc:
        # The owner said yes once on this computer: a new token (rotated, pasted again, or another
        # relay's after a move) goes where the old one is without asking her again.
        asked = tokens.config_file_chosen(ctx.paths.config_file)
        if not asked and not confirm(
            parent,
            translate("TokenStore", "No password store"),
            error_sentence(exc)
            + "\n\n"
            + translate("TokenStore", "Keep the relay token in the settings file?"),
            translate("TokenStore", "Keep it in the file"),
        ):
            return False
    tokens.save_token(relay_url, token, config_file=ctx.paths.config_file, allow_config_file=True)
    return True


def token_kept(ctx: AppContext) -> bool:
    """Is a token kept on this computer for the relay in use? (Not after a backup was restored on a
    new computer: a backup never holds it.)"""
    relay_url = str(ctx.prefs.get("relay_url") or "")
    if ctx.demo or not relay_url:
        return bool(ctx.demo)
    return tokens.token_location(relay_url, config_file=ctx.paths.config_file) in ("keyring", "config_file")


def token_location(ctx: AppContext) -> str:
    """Where the token is kept, in words, for the settings dialog."""
    if ctx.demo:
        return translate("TokenStore", "The demo keeps its relay token in memory only.")
    relay_url = str(ctx.prefs.get("relay_url") or "")
    if not relay_url:
        return translate("TokenStore", "No relay token stored yet.")
    where = tokens.token_location(relay_url, config_file=ctx.paths.config_file)
    if where == "keyring":
        return translate("TokenStore", "Kept in this computer's password store (keyring).")
    if where == "config_file":
        return translate("TokenStore", "Kept in the settings file {path} (readable only by you).").format(
            path=ctx.paths.config_file
        )
    return translate("TokenStore", "No relay token stored yet.")
