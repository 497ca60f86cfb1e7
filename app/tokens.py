"""Where the relay token is kept: the OS keyring, or (only if the owner agrees) the config file, 0600."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Literal

from app.errors import KeyringLocked, KeyringRefused, NoKeyring

log = logging.getLogger(__name__)

__all__ = [
    "NoKeyring",
    "config_file_chosen",
    "delete_token",
    "keyring_available",
    "load_token",
    "save_token",
    "token_location",
]

SERVICE = "Shop Inbox relay"
CONFIG_KEY = "relay_tokens"

# "locked": the keyring would not be read (locked, its unlock cancelled) and the file holds none.
TokenLocation = Literal["keyring", "config_file", "none", "locked"]


def keyring_available() -> bool:
    """True when the active keyring backend keeps secrets safely: the OS's password store.

    keyring also offers backends that do not (keyrings.alt's PlaintextKeyring, a file anyone who can
    read the home folder can read; the fail and null backends, which keep nothing), and picks
    PlaintextKeyring itself where keyrings.alt is installed and the OS has no store. Those count as no
    keyring: the owner is told and asked before the token goes to the config file (0600)."""
    try:
        import keyring
    except ImportError:
        return False
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # PYTHON_KEYRING_BACKEND or keyringrc.cfg naming a backend that cannot load
        _say_once("keyring backend could not be loaded: %s", type(exc).__name__)
        return False
    why = _not_secure(backend)
    if why is not None:
        _say_once("keyring backend %s is not used: %s", type(backend).__name__, why)
        return False
    return True


def _not_secure(backend: object) -> str | None:
    """Why `backend` is not a safe place for the token, or None when it is."""
    from keyring.backends import chainer, fail, null
    from keyring.core import recommended

    if isinstance(backend, chainer.ChainerBackend):
        # A chainer writes to the first backend of its chain that takes the password (highest priority).
        chain = list(backend.backends)
        return _not_secure(chain[0]) if chain else "it chains no keyring"
    if isinstance(backend, fail.Keyring | null.Keyring):
        return "it keeps nothing"
    if any(cls.__name__ == "PlaintextKeyring" for cls in type(backend).__mro__):
        return "it keeps secrets in a plain file"
    try:
        # Priority 1 or more is keyring's own mark of a recommended backend (Secret Service, KWallet,
        # macOS Keychain, Windows Credential Manager); some backends probe the system here and raise.
        if recommended(backend):
            return None
    except Exception as exc:
        return f"it cannot be used here ({type(exc).__name__})"
    return "keyring does not recommend it (priority below 1)"


_said: set[str] = set()


def _say_once(message: str, *args: object) -> None:
    """Why no keyring is used, logged once per reason (keyring_available runs at every token read)."""
    line = message % args
    if line not in _said:
        _said.add(line)
        log.info("%s", line)


def _read_config(config_file: Path) -> dict[str, object]:
    try:
        data = json.loads(config_file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("config file %s unreadable: %s", config_file, exc)
        return {}
    return data if isinstance(data, dict) else {}


def _write_config(config_file: Path, data: dict[str, object]) -> None:
    config_file.parent.mkdir(parents=True, exist_ok=True)
    partial = config_file.with_name(config_file.name + ".tmp")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=2)
        os.chmod(partial, 0o600)
        os.replace(partial, config_file)
    except BaseException:
        # A full disk cut the write short: no half file (with part of a token in it) stays beside
        # the settings file, which is as it was.
        partial.unlink(missing_ok=True)
        raise
    os.chmod(config_file, 0o600)


def _file_tokens(config_file: Path) -> dict[str, str]:
    tokens = _read_config(config_file).get(CONFIG_KEY)
    return {str(k): str(v) for k, v in tokens.items()} if isinstance(tokens, dict) else {}


def config_file_chosen(config_file: Path) -> bool:
    """The owner has let a relay token be kept in the config file on this computer (it holds one)."""
    return bool(_file_tokens(config_file))


def save_token(
    relay_url: str, token: str, *, config_file: Path, allow_config_file: bool = False
) -> TokenLocation:
    """Keep the token; raises NoKeyring when there is no keyring and the owner has not opted in."""
    if keyring_available():
        import keyring
        from keyring.errors import KeyringError

        try:
            keyring.set_password(SERVICE, relay_url, token)
            _forget_in_file(relay_url, config_file)
            return "keyring"
        except KeyringError as exc:
            log.warning("keyring did not keep the relay token: %s", type(exc).__name__)
            if not allow_config_file:
                raise KeyringRefused(str(exc)) from exc
    elif not allow_config_file:
        raise NoKeyring("no keyring backend")
    data = _read_config(config_file)
    tokens = _file_tokens(config_file)
    tokens[relay_url] = token
    data[CONFIG_KEY] = tokens
    _write_config(config_file, data)
    log.info("relay token kept in the config file (owner's choice)")
    return "config_file"


def load_token(relay_url: str, *, config_file: Path) -> str | None:
    """The token for this relay from the keyring, else from the config file; None when unknown.
    KeyringLocked when the keyring would not be read and the file holds none: the token may be in
    the keyring all the same, so "none kept here" would send the owner to paste it again."""
    locked: Exception | None = None
    if keyring_available():
        import keyring
        from keyring.errors import KeyringError

        try:
            found = keyring.get_password(SERVICE, relay_url)
        except KeyringError as exc:
            log.warning("keyring could not be read: %s", type(exc).__name__)
            found, locked = None, exc
        if found:
            return found
    in_file = _file_tokens(config_file).get(relay_url)
    if in_file is None and locked is not None:
        raise KeyringLocked(type(locked).__name__) from locked
    return in_file


def token_location(relay_url: str, *, config_file: Path) -> TokenLocation:
    if keyring_available():
        import keyring
        from keyring.errors import KeyringError

        try:
            if keyring.get_password(SERVICE, relay_url):
                return "keyring"
        except KeyringError as exc:
            # Unreadable keyring: say where else it could be rather than fail the settings dialog,
            # and never "none" when it may be in the keyring all the same.
            log.warning("keyring could not be read: %s", type(exc).__name__)
            return "config_file" if relay_url in _file_tokens(config_file) else "locked"
    return "config_file" if relay_url in _file_tokens(config_file) else "none"


def delete_token(relay_url: str, *, config_file: Path) -> None:
    if keyring_available():
        import keyring
        from keyring.errors import KeyringError, PasswordDeleteError

        try:
            keyring.delete_password(SERVICE, relay_url)
        except PasswordDeleteError:
            log.debug("no keyring entry to delete for this relay")
        except KeyringError as exc:
            log.warning("keyring entry not deleted: %s", type(exc).__name__)
    _forget_in_file(relay_url, config_file)


def _forget_in_file(relay_url: str, config_file: Path) -> None:
    tokens = _file_tokens(config_file)
    if relay_url in tokens:
        del tokens[relay_url]
        data = _read_config(config_file)
        data[CONFIG_KEY] = tokens
        _write_config(config_file, data)
