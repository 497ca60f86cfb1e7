"""The relay token: in the keyring when there is one; in the config file, owner-only, only when asked."""

from __future__ import annotations

import stat
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from app.errors import ErrorCode
from app.tokens import NoKeyring, delete_token, keyring_available, load_token, save_token, token_location

URL = "https://relay.example.com"


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    return tmp_path / "config" / "config.json"


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())


def test_the_token_goes_to_the_test_keyring_never_to_the_config_file(config_file: Path) -> None:
    assert keyring_available()  # PlaintextKeyring under a temp XDG_DATA_HOME (tests/conftest.py)
    assert save_token(URL, "secret-token", config_file=config_file) == "keyring"
    assert load_token(URL, config_file=config_file) == "secret-token"
    assert token_location(URL, config_file=config_file) == "keyring"
    assert not config_file.exists() or "secret-token" not in config_file.read_text()
    delete_token(URL, config_file=config_file)
    assert load_token(URL, config_file=config_file) is None


def test_without_a_keyring_saving_says_so_and_writes_nothing(config_file: Path, no_keyring: None) -> None:
    assert not keyring_available()
    with pytest.raises(NoKeyring) as raised:
        save_token(URL, "secret-token", config_file=config_file)
    assert raised.value.code is ErrorCode.NO_KEYRING
    assert not config_file.exists()


def test_the_owner_may_opt_in_to_the_config_file_readable_only_by_them(
    config_file: Path, no_keyring: None
) -> None:
    assert save_token(URL, "secret-token", config_file=config_file, allow_config_file=True) == "config_file"
    assert stat.S_IMODE(config_file.stat().st_mode) == 0o600
    assert load_token(URL, config_file=config_file) == "secret-token"
    assert token_location(URL, config_file=config_file) == "config_file"
    delete_token(URL, config_file=config_file)
    assert load_token(URL, config_file=config_file) is None


def test_each_relay_has_its_own_token_and_none_is_ever_logged(
    config_file: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = "https://other-relay.example.com"
    with caplog.at_level("DEBUG"):
        save_token(URL, "keyring-secret", config_file=config_file)
        with monkeypatch.context() as without:
            without.setattr(keyring, "get_keyring", lambda: fail.Keyring())
            save_token(other, "file-secret", config_file=config_file, allow_config_file=True)
            assert load_token(other, config_file=config_file) == "file-secret"
            assert load_token(URL, config_file=config_file) is None  # the keyring is gone now
        assert load_token(URL, config_file=config_file) == "keyring-secret"
        assert load_token(other, config_file=config_file) == "file-secret"
    assert "secret" not in caplog.text
